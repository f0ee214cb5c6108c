"""PEMDI moves that hold in every scenario: the first-cycle steps of the action plan that stay in
the optimal plan whatever the assumption tables say.

A *move* is one indicator raised to one level in the first planned cycle (2027). Each regency is
planned (:func:`spbe_analysis.actionplan.plan_actions` by the rules of
:mod:`spbe_analysis.planrules`: the full yearly effort, securing the highest band the cycles can
reach with the margin, one new level per indicator per cycle, every prerequisite and dwell row,
shared one-off efforts paid once, no level a national index sets) under every combination of the alternative tables the package ships:

* effort (:data:`EFFORTS`): ``unit`` (every level step costs 1, no shared one-off effort), the
  ``central`` table (``data/assumptions/effort.csv``) and ``adopt_national``
  (``data/assumptions/effort_adopt_national.csv``: the steps carried by SIAP Digital, SPLP, PDN and
  the government intranet, the national service portal, SP4N-LAPOR! and SKM online cost less);
* prerequisites (:data:`PREREQUISITES`): every row of ``prerequisites.csv``, or without the rows
  whose basis is a judgement;
* the credit kept by carried-over SPBE evidence (:data:`SCENARIOS`: strict, central, full credit),
  which moves the projected start;

and, for a projected start, over ``n_draws`` profile draws of the projection (each draw's values
floored to hundredths, the same draws in every scenario). A regency whose start comes from a real
PEMDI sheet keeps that start in every scenario and draw, so it has one plan per table.

For each (regency, move) and each of the 18 tables the share of plans containing the move, the
minimum over tables and the Monte Carlo error ``sqrt(p (1 - p) / n)`` of that share; a move is
robust when its minimum share is at least the threshold (:data:`ROBUST_SHARE`). Identical starts
are planned once, the band search is shared by the three effort tables (whether a band can be
reached does not depend on the effort), and only the first cycle's steps are kept. Everything is
ILLUSTRATIVE on illustrative profiles and rests on the UNOFFICIAL SPBE-PEMDI crosswalk.
"""
from __future__ import annotations

import math
import os
import time
import zlib
from dataclasses import dataclass
from typing import Any, Mapping

import numpy as np
import pandas as pd

from . import checks
from .actionplan import FRAMEWORK, Start
from .planrules import load_settings
from .errors import DataError
from .firstcycle import first_cycle_moves, first_cycle_plan
from .frameworks import as_framework
from .scenarios import (ADOPT_NATIONAL_FILE, EFFORTS, MAX_DRAWS, N_DRAWS, PREREQUISITES, ROBUST_SHARE, SCENARIOS,
                        Z_CLEAR, adopt_national_effort, tables, unit_effort, without_judgement)


def _hundredths(start: Start) -> tuple:
    return tuple(sorted((str(i), math.floor(checks.exact_number(v, "start values", column=i) * 100))
                        for i, v in start.values.items()))


def _plan_start(start: Start, efforts: dict, prereqs: dict, first_cycle: int, n_cycles: int, per: float) -> dict:
    """(effort, prerequisites) -> (band, moves) for one start, each the action plan's own roadmap.
    Bands that cannot be reached are skipped without a solve where a bound shows it: the
    adopt-national table costs at most the central one, so the central band is at most the
    adopt-national band; with the judgement rows the band is at most the band without them."""
    out = {}
    tops: dict = {}
    for e in ("adopt_national", "central", "unit"):
        eff, shared = efforts[e]
        for p in ("without_judgement", "with_judgement"):
            top = [b for b in (tops.get(("adopt_national", p)) if e == "central" else None,
                               tops.get((e, "without_judgement")) if p == "with_judgement" else None) if b is not None]
            t = None if not top else (float("nan") if any(math.isnan(b) for b in top) else min(top))
            band, moves, _ = first_cycle_plan(start, eff, prereqs[p], shared, first_cycle, n_cycles, per, t)
            out[(e, p)] = (band, moves)
            tops[(e, p)] = band
    return out


def _plan_batch(tasks: list, efforts: dict, prereqs: dict, first_cycle: int, n_cycles: int) -> list:
    """Every table for each start."""
    per = load_settings()["effort_per_cycle"]
    out = []
    for key, start in tasks:
        for (e, p), (band, moves) in _plan_start(start, efforts, prereqs, first_cycle, n_cycles, per).items():
            out.append((key, e, p, band, moves))
    return out


def _orders(projection: Any, codes: list, sheet_starts: Mapping[str, Start], seed: int) -> dict:
    """BPS code -> the projection's draws of that regency in a seeded random order (projected codes only)."""
    v = projection.values
    out = {}
    for c in codes:
        if c in sheet_starts:
            continue
        draws = np.sort(v.loc[v["entity"] == c, "draw"].unique())
        if not len(draws):
            raise DataError("projection argument", f"draws of every regency (none for {c})", value=c)
        out[c] = np.random.default_rng([seed, zlib.crc32(str(c).encode())]).permutation(draws)
    return out


def _rows(projection: Any, code: str, scenario: str, draws: Any, cycle: int) -> list:
    """One row per draw of ``code`` under ``scenario``: the projected values floored to hundredths."""
    v = projection.values
    ids = list(as_framework(FRAMEWORK).ids)
    m = v[(v["entity"] == code) & (v["scenario"] == scenario) & v["draw"].isin(draws)].sort_values("draw")
    if len(m) != len(draws):
        raise DataError("projection argument", f"the {scenario} scenario's draws of {code}", value=len(m))
    rows = []
    for r in m.itertuples(index=False):
        vals = pd.Series({i: float(getattr(r, i)) for i in ids})
        rows.append({"code": code, "scenario": scenario, "draw": int(r.draw), "basis": "projected",
                     "start": Start(code, (vals * 100 + 1e-9).floordiv(1) / 100, "projected", cycle)})
    return rows


def _sheet_rows(code: str, start: Start) -> list:
    return [{"code": code, "scenario": sc, "draw": -1, "basis": start.basis, "start": start} for sc in SCENARIOS]


def draw_starts(projection: Any, codes: list, sheet_starts: Mapping[str, Start] | None = None,
                n_draws: int = N_DRAWS, seed: int = 0, cycle: int = 2026) -> pd.DataFrame:
    """The starts planned first: per (regency, scenario, draw), a projected draw floored to
    hundredths, or the sheet's start.

    Parameters
    ----------
    projection : Projection
        From :func:`spbe_analysis.pemdi.project` (its ``values``: one row per scenario, entity, draw).
    codes : list of str
    sheet_starts : mapping, optional
        BPS code -> :class:`~spbe_analysis.actionplan.Start` from a PEMDI sheet.
    n_draws : int
        Draws per regency: the first ``n_draws`` of the regency's draws in a seeded random order
        (the same draws in every scenario; all of them when there are fewer). More draws extend
        the same order.
    seed : int
        Seed of the order of the draws.
    cycle : int

    Returns
    -------
    DataFrame
        ``code``, ``scenario``, ``draw`` (-1 for a sheet start), ``basis`` and ``start``.

    Examples
    --------
    >>> from spbe_analysis import pemdi
    >>> proj = pemdi.project({"7501": pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 4)}, seed=1)
    >>> len(draw_starts(proj, ["7501"], n_draws=2))
    6
    """
    n_draws = checks.count(n_draws, "n_draws argument", minimum=1)
    seed = checks.count(seed, "seed argument", minimum=0)
    sheet_starts = dict(sheet_starts or {})
    orders = _orders(projection, codes, sheet_starts, seed)
    rows = []
    for c in codes:
        if c in sheet_starts:
            rows += _sheet_rows(c, sheet_starts[c])
            continue
        for sc in SCENARIOS:
            rows += _rows(projection, c, sc, np.sort(orders[c][:n_draws]), cycle)
    return pd.DataFrame(rows, columns=["code", "scenario", "draw", "basis", "start"])


@dataclass(frozen=True)
class RobustMoves:
    """The moves that hold in every scenario, and the shares behind them.

    ``varied``: what was varied (keys of the displayed strings: the illustrative SPBE profiles,
    the credit of carried-over evidence in 3 scenarios, 3 effort tables, prerequisites with and
    without the judgement rows); ``shares``: one row per (code, indicator, level, effort,
    prerequisites, scenario) with ``plans`` (plans containing the move), ``n`` (plans of that
    table), ``share`` and ``clear`` (the share is more than ``z`` standard errors from the
    threshold); ``moves``: one row per (code, indicator, level) with ``min_share``, ``worst``
    (the table of the minimum, "effort / prerequisites / scenario"), ``n`` and ``mc_error`` of
    that table, ``in_all`` (in every plan of every table), ``status`` ("robust": every table's
    share clearly at or above the threshold; "borderline": no table clearly below, one within
    ``z`` standard errors after the most draws; "not_robust": a table clearly below),
    ``robust`` and ``borderline``; ``n_draws``: first-round draws per regency and scenario,
    ``max_draws``: the most any table got; ``basis``: code -> "projected" or the sheet's basis;
    ``tables``: the 18 (effort, prerequisites, scenario) tables; ``seconds``: the time the plans
    took."""

    moves: pd.DataFrame
    shares: pd.DataFrame
    threshold: float
    n_draws: int
    max_draws: int
    z: float
    seed: int
    basis: dict
    tables: tuple
    varied: tuple
    illustrative: bool
    n_plans: int
    n_unique_starts: int
    seconds: float

    @property
    def robust(self) -> pd.DataFrame:
        """The robust moves, per regency by descending minimum share."""
        return self.moves[self.moves["robust"]].reset_index(drop=True)

    @property
    def borderline(self) -> pd.DataFrame:
        """The moves whose minimum share stays within the Monte Carlo margin of the threshold."""
        return self.moves[self.moves["borderline"]].reset_index(drop=True)

    @property
    def max_mc_error(self) -> float:
        """The largest Monte Carlo error of a minimum share."""
        return float(self.moves["mc_error"].max()) if len(self.moves) else 0.0

    def robust_set(self) -> set:
        """{(code, indicator, level)} of the robust moves."""
        return {(r.code, r.indicator, int(r.level)) for r in self.robust.itertuples()}

    def borderline_set(self) -> set:
        """{(code, indicator, level)} of the borderline moves."""
        return {(r.code, r.indicator, int(r.level)) for r in self.borderline.itertuples()}


def _varied(basis: Mapping[str, str], illustrative: bool) -> tuple:
    out = []
    if any(b == "projected" for b in basis.values()):
        out.append("vary_profiles_illustrative" if illustrative else "vary_profiles")
        out.append("vary_carry_scenarios")
    out += ["vary_effort_tables", "vary_prerequisite_judgement"]
    return tuple(out)


def _plan_all(tasks: list, efforts: dict, prereqs: dict, first_cycle: int, n_cycles: int, n_jobs: int) -> list:
    if n_jobs > 1 and len(tasks) > 1:
        from joblib import Parallel, delayed
        k = min(n_jobs, len(tasks), os.cpu_count() or 1)
        parts = Parallel(n_jobs=k)(delayed(_plan_batch)(tasks[j::k], efforts, prereqs, first_cycle, n_cycles)
                                   for j in range(k))
        return [x for part in parts for x in part]
    return _plan_batch(tasks, efforts, prereqs, first_cycle, n_cycles)


def _shares(starts: pd.DataFrame, result: dict, table_list: tuple, th: float, z: float) -> pd.DataFrame:
    """One row per (move, table): plans containing it, plans of the table, share, and whether the
    share is clear of the threshold by ``z`` standard errors (computed at the threshold)."""
    rows = [{"code": r.code, "scenario": r.scenario, "effort": e, "prerequisites": p, "draw": r.draw,
             "indicator": ind, "level": lv}
            for r in starts.itertuples(index=False) for e, p in dict.fromkeys((e, p) for e, p, _ in table_list)
            for ind, lv in result[(r.key, e, p)]]
    hits = pd.DataFrame(rows, columns=["code", "scenario", "effort", "prerequisites", "draw", "indicator", "level"])
    n_of = starts.groupby(["code", "scenario"])["draw"].nunique()
    counts = hits.drop_duplicates().groupby(["code", "indicator", "level", "effort", "prerequisites", "scenario"]).size()
    srows = []
    for m in hits[["code", "indicator", "level"]].drop_duplicates().itertuples(index=False):
        for e, p, s in table_list:
            n = int(n_of[(m.code, s)])
            k_ = int(counts.get((m.code, m.indicator, m.level, e, p, s), 0))
            srows.append({"code": m.code, "indicator": m.indicator, "level": int(m.level), "effort": e,
                          "prerequisites": p, "scenario": s, "plans": k_, "n": n, "share": k_ / n,
                          "clear": abs(k_ / n - th) >= z * math.sqrt(th * (1 - th) / n) - 1e-12})
    return pd.DataFrame(srows, columns=["code", "indicator", "level", "effort", "prerequisites", "scenario", "plans",
                                        "n", "share", "clear"])


def _status(g: pd.DataFrame, th: float) -> str:
    below = g["share"] < th - 1e-12
    if (below & g["clear"]).any():
        return "not_robust"
    return "borderline" if (~g["clear"]).any() else "robust"


def robust_moves(projection: Any, codes: list, sheet_starts: Mapping[str, Start] | None = None,
                 n_draws: int = N_DRAWS, seed: int = 0, threshold: float = ROBUST_SHARE, first_cycle: int = 2027,
                 n_cycles: int = 3, n_jobs: int = 2, effort_path: str | None = None, max_draws: int = MAX_DRAWS,
                 z: float = Z_CLEAR) -> RobustMoves:
    """The first-cycle moves of every regency that are in the optimal plan under every table.

    Every regency is planned on ``n_draws`` draws per scenario under every table. A table whose
    share of a move lies within ``z`` standard errors of the threshold (the move not clearly below
    it in another table) gets ``n_draws`` more draws of that regency and scenario, round after
    round, until every share is clear or ``max_draws`` is reached; moves still within the margin
    are *borderline*, named apart from the robust ones.

    Parameters
    ----------
    projection : Projection
        From :func:`spbe_analysis.pemdi.project`.
    codes : list of str
        BPS codes.
    sheet_starts : mapping, optional
        Starts from a PEMDI sheet (kept in every scenario and draw).
    n_draws : int
        Draws per regency and scenario in the first round, and per added round (:data:`N_DRAWS`).
    seed : int
        Seed of the order of the draws.
    threshold : float
        Minimum share over the tables for a robust move, in (0, 1] (:data:`ROBUST_SHARE`).
    first_cycle, n_cycles : int
        As in :func:`spbe_analysis.actionplan.plan_actions`.
    n_jobs : int
        Processes (1: in this process).
    effort_path : str, optional
        An "adopt national platforms" effort table of your own.
    max_draws : int
        The most draws per regency and scenario (:data:`MAX_DRAWS`; at least ``n_draws``).
    z : float
        Standard errors that make a share clear of the threshold (:data:`Z_CLEAR`).

    Returns
    -------
    RobustMoves

    Raises
    ------
    DataError
        For bad arguments.

    Examples
    --------
    >>> from spbe_analysis import pemdi
    >>> proj = pemdi.project({"7501": pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 3)}, seed=1)
    >>> r = robust_moves(proj, ["7501"], n_draws=1, n_jobs=1, max_draws=1)
    >>> len(r.tables), bool(r.moves["min_share"].between(0, 1).all())
    (18, True)
    """
    th = checks.exact_number(threshold, "threshold argument", expected="a share in (0, 1]")
    if not 0 < th <= 1:
        raise DataError("threshold argument", "a share in (0, 1]", value=threshold)
    th = float(th)
    n_jobs = checks.count(n_jobs, "n_jobs argument", minimum=1)
    n_draws = checks.count(n_draws, "n_draws argument", minimum=1)
    max_draws = checks.count(max_draws, "max_draws argument", minimum=n_draws)
    z = float(checks.exact_number(z, "z argument", expected="a number of standard errors >= 0"))
    if z < 0:
        raise DataError("z argument", "a number of standard errors >= 0", value=z)
    seed = checks.count(seed, "seed argument", minimum=0)
    codes = [str(c) for c in checks.collection(codes, "codes argument", allow_empty=False)]
    t0 = time.perf_counter()
    sheet_starts = dict(sheet_starts or {})
    orders = _orders(projection, codes, sheet_starts, seed)
    efforts, prereqs = tables(effort_path)
    table_list = tuple((e, p, s) for e in efforts for p in prereqs for s in SCENARIOS)
    taken = {(c, s): 0 for c in orders for s in SCENARIOS}
    want = {k: min(n_draws, len(orders[k[0]])) for k in taken}
    rows = [r for c in codes if c in sheet_starts for r in _sheet_rows(c, sheet_starts[c])]
    result: dict = {}
    planned: set = set()
    while True:
        for (c, s), n in want.items():
            if n > taken[(c, s)]:
                rows += _rows(projection, c, s, np.sort(orders[c][taken[(c, s)]:n]), first_cycle - 1)
                taken[(c, s)] = n
        starts = pd.DataFrame(rows, columns=["code", "scenario", "draw", "basis", "start"])
        starts["key"] = [(_hundredths(x), tuple(sorted(x.held_since.items()))) for x in starts["start"]]
        new = starts.drop_duplicates("key")
        new = new[[k not in planned for k in new["key"]]]
        for key, e, p, _, moves in _plan_all(list(zip(new["key"], new["start"])), efforts, prereqs, first_cycle,
                                             n_cycles, n_jobs):
            result[(key, e, p)] = moves
        planned |= set(new["key"])
        shares = _shares(starts, result, table_list, th, z)
        grow = set()
        for _, g in shares.groupby(["code", "indicator", "level"], sort=False):
            if _status(g, th) == "borderline":
                grow |= {(r.code, r.scenario) for r in g[~g["clear"]].itertuples() if (r.code, r.scenario) in want}
        grow = {k for k in grow if want[k] < min(max_draws, len(orders[k[0]]))}
        if not grow:
            break
        for k in grow:
            want[k] = min(want[k] + n_draws, max_draws, len(orders[k[0]]))
    mrows = []
    order = {c: k for k, c in enumerate(codes)}
    ind_order = {i: k for k, i in enumerate(as_framework(FRAMEWORK).ids)}
    for (c, i, lv), g in shares.groupby(["code", "indicator", "level"], sort=False):
        w = g.sort_values(["share", "n"], ascending=[True, False], kind="stable").iloc[0]
        p, n = float(w["share"]), int(w["n"])
        status = _status(g, th)
        mrows.append({"code": c, "indicator": i, "level": int(lv), "min_share": p,
                      "worst": f"{w['effort']} / {w['prerequisites']} / {w['scenario']}", "n": n,
                      "mc_error": math.sqrt(p * (1 - p) / n), "in_all": bool((g["share"] >= 1).all()),
                      "status": status, "robust": status == "robust", "borderline": status == "borderline",
                      "plans_total": int(g["n"].sum())})
    moves = pd.DataFrame(mrows, columns=["code", "indicator", "level", "min_share", "worst", "n", "mc_error", "in_all",
                                         "status", "robust", "borderline", "plans_total"])
    if len(moves):
        moves = moves.assign(_c=moves["code"].map(order), _i=moves["indicator"].map(ind_order)).sort_values(
            ["_c", "min_share", "_i"], ascending=[True, False, True], kind="stable").drop(columns=["_c", "_i"])
    basis = {c: str(starts.loc[starts["code"] == c, "basis"].iloc[0]) for c in codes}
    illustrative = bool(getattr(projection, "illustrative", True))
    return RobustMoves(moves.reset_index(drop=True), shares, th, int(n_draws), int(max(want.values(), default=1)), z,
                       int(seed), basis, table_list, _varied(basis, illustrative), illustrative,
                       len(starts) * len(efforts) * len(prereqs), int(starts["key"].nunique()),
                       time.perf_counter() - t0)


def seed_difference(a: RobustMoves, b: RobustMoves) -> set:
    """The moves robust under one seed and not the other (empty: the list does not change).

    Parameters
    ----------
    a, b : RobustMoves

    Returns
    -------
    set
        ``{(code, indicator, level)}``.

    Examples
    --------
    >>> from spbe_analysis import pemdi
    >>> proj = pemdi.project({"7501": pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 2)}, seed=1)
    >>> a = robust_moves(proj, ["7501"], n_draws=1, n_jobs=1, max_draws=1)
    >>> seed_difference(a, a)
    set()
    """
    return a.robust_set() ^ b.robust_set()


__all__ = ["ADOPT_NATIONAL_FILE", "EFFORTS", "MAX_DRAWS", "N_DRAWS", "PREREQUISITES", "ROBUST_SHARE", "RobustMoves",
           "SCENARIOS", "Z_CLEAR", "adopt_national_effort", "draw_starts", "first_cycle_moves", "robust_moves",
           "seed_difference", "tables", "unit_effort", "without_judgement"]
