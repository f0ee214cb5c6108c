"""PEMDI moves that hold in every scenario: the first-cycle steps of the action plan that stay in
the optimal plan whatever the assumption tables say.

A *move* is one indicator raised to one level in the first planned cycle (2027). Each regency is
planned (:func:`spbe_analysis.actionplan.plan_actions`: the highest band the cycles can reach, at
the least effort, one new level per indicator per cycle, every prerequisite and dwell row, shared
one-off efforts paid once) under every combination of the alternative tables the package ships:

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
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Mapping

import numpy as np
import pandas as pd

from . import checks
from .actionplan import FRAMEWORK, Start, load_settings
from .assumptions import Prerequisites
from .errors import DataError
from .frameworks import as_framework
from .official import min_units
from .paths import InfeasibleTarget, roadmap
from .paths.problem import build_problem
from .scoring import score

from .scenarios import (ADOPT_NATIONAL_FILE, EFFORTS, N_DRAWS, PREREQUISITES, ROBUST_SHARE, SCENARIOS,
                        adopt_national_effort, tables, unit_effort, without_judgement)


def _hundredths(start: Start) -> tuple:
    return tuple(sorted((str(i), math.floor(checks.exact_number(v, "start values", column=i) * 100))
                        for i, v in start.values.items()))


def _values(start: Start) -> dict:
    # the planner climbs in hundredths, as the action plan does
    return {i: Fraction(math.floor(checks.exact_number(v, "start values", column=i) * 100), 100)
            for i, v in start.values.items()}


def _out_of_reach(values: dict, effort: pd.DataFrame, band: float, n_cycles: int, per: float) -> bool:
    """True when even a relaxation cannot reach ``band``: the level steps the cycles allow (one a
    cycle), bought fractionally by gain per effort within the total yearly effort, shared one-off
    efforts, prerequisites and the yearly split left out. A band this rules out is also out of
    reach of the roadmap, so the exact search skips it without changing the plan."""
    fw = as_framework(FRAMEWORK)
    pb = build_problem(fw, values, effort)
    steps = [j for j, (p, lv) in enumerate(pb.var) if p < fw.n and lv <= int(pb.cur[p]) + n_cycles]
    if not steps:
        return min_units(fw, band) > pb.n0
    g = pb.gain[steps].astype(float)
    c = pb.cost[steps].astype(float)
    order = np.argsort(-g / np.maximum(c, 1e-12), kind="stable")
    room, best = per * n_cycles, 0.0
    for j in order:
        if c[j] <= room:
            room -= c[j]
            best += g[j]
        else:
            best += g[j] * room / c[j]
            break
    return pb.n0 + best < min_units(fw, band) - 1e-9


def _plan(start: Start, effort: pd.DataFrame, prerequisites: Prerequisites, shared: list, first_cycle: int,
          n_cycles: int, per: float, top: float | None = None) -> tuple:
    """(band edge or NaN, first-cycle moves, roadmap) as in the action plan, trying bands at or below ``top``."""
    fw = as_framework(FRAMEWORK)
    cycles = list(range(first_cycle, first_cycle + n_cycles))
    values = _values(start)
    args = dict(max_steps_per_year=1, cost=effort, prerequisites=prerequisites, held_since=start.held_since,
                shared=shared)
    idx = score(start.values.to_dict(), FRAMEWORK).index
    edges = [float(r.lower) for r in fw.bands.sort_values("rank").itertuples() if float(r.lower) > idx + 1e-12]
    rm, band = None, float("nan")
    for b in reversed(edges):
        if top is not None and (math.isnan(top) or b > top + 1e-12):
            continue
        if _out_of_reach(values, effort, b, n_cycles, per):
            continue
        try:
            rm = roadmap(values, fw, cycles, budgets=per, milestones={cycles[-1]: b}, **args)
        except InfeasibleTarget:
            continue
        band = b
        break
    if rm is None:
        rm = roadmap(values, fw, cycles, budgets=per, horizon=None, **args)
    s = rm.steps[rm.steps["year"] == first_cycle]
    return band, frozenset((str(i), int(lv)) for i, lv in zip(s["indicator"], s["to"])), rm


def first_cycle_moves(start: Start, effort: pd.DataFrame, prerequisites: Prerequisites, shared: list,
                      first_cycle: int = 2027, n_cycles: int = 3,
                      effort_per_cycle: float | None = None) -> tuple[float, frozenset]:
    """The moves of the first cycle of :func:`spbe_analysis.actionplan.plan_actions`'s plan.

    The same roadmap as the action plan (the highest band the cycles reach by the last cycle
    within the yearly effort, at the least effort; else as far as the yearly effort allows),
    without the level cards.

    Parameters
    ----------
    start : Start
    effort, prerequisites, shared
        As in :func:`spbe_analysis.actionplan.plan_actions`.
    first_cycle, n_cycles : int
    effort_per_cycle : float, optional
        ``plan_settings.csv`` by default.

    Returns
    -------
    tuple
        ``(band edge, or NaN when no band is reached, frozenset of (indicator, level))``.

    Examples
    --------
    >>> s = Start("7501", pd.Series({f"I{k}": 1.0 for k in range(1, 21)}), "projected", 2026)
    >>> e, p = tables()
    >>> b, m = first_cycle_moves(s, e["central"][0], p["with_judgement"], e["central"][1])
    >>> from spbe_analysis.actionplan import plan_actions
    >>> pa = plan_actions(s)
    >>> b == pa.target[1], m == {(r.indicator, r.to_level) for r in pa.steps.itertuples() if r.kind != "shared"}
    (True, True)
    """
    per = load_settings()["effort_per_cycle"] if effort_per_cycle is None else effort_per_cycle
    band, moves, _ = _plan(start, effort, prerequisites, shared, first_cycle, n_cycles, per)
    return band, moves


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
            band, moves, _ = _plan(start, eff, prereqs[p], shared, first_cycle, n_cycles, per, t)
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


def draw_starts(projection: Any, codes: list, sheet_starts: Mapping[str, Start] | None = None,
                n_draws: int = N_DRAWS, seed: int = 0, cycle: int = 2026) -> pd.DataFrame:
    """The starts planned: per (regency, scenario, draw), a projected draw floored to hundredths, or
    the sheet's start.

    Parameters
    ----------
    projection : Projection
        From :func:`spbe_analysis.pemdi.project` (its ``values``: one row per scenario, entity, draw).
    codes : list of str
    sheet_starts : mapping, optional
        BPS code -> :class:`~spbe_analysis.actionplan.Start` from a PEMDI sheet.
    n_draws : int
        Draws per regency (drawn without replacement, the same draws in every scenario; all of
        them when there are fewer).
    seed : int
        Seed of the choice of draws.
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
    rng = np.random.default_rng(checks.count(seed, "seed argument", minimum=0))
    sheet_starts = dict(sheet_starts or {})
    v = projection.values
    ids = list(as_framework(FRAMEWORK).ids)
    rows = []
    for c in codes:
        if c in sheet_starts:
            for sc in SCENARIOS:
                rows.append({"code": c, "scenario": sc, "draw": -1, "basis": sheet_starts[c].basis,
                             "start": sheet_starts[c]})
            continue
        mine = v[v["entity"] == c]
        if mine.empty:
            raise DataError("projection argument", f"draws of every regency (none for {c})", value=c)
        draws = np.sort(mine["draw"].unique())
        pick = np.sort(rng.choice(draws, size=min(n_draws, len(draws)), replace=False))
        for sc in SCENARIOS:
            m = mine[(mine["scenario"] == sc) & mine["draw"].isin(pick)].sort_values("draw")
            if len(m) != len(pick):
                raise DataError("projection argument", f"the {sc} scenario's draws of {c}", value=len(m))
            for r in m.itertuples(index=False):
                vals = pd.Series({i: float(getattr(r, i)) for i in ids})
                rows.append({"code": c, "scenario": sc, "draw": int(r.draw), "basis": "projected",
                             "start": Start(c, (vals * 100 + 1e-9).floordiv(1) / 100, "projected", cycle)})
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class RobustMoves:
    """The moves that hold in every scenario, and the shares behind them.

    ``varied``: what was varied (keys of the displayed strings: the illustrative SPBE profiles,
    the credit of carried-over evidence in 3 scenarios, 3 effort tables, prerequisites with and
    without the judgement rows); ``shares``: one row per (code, indicator, level, effort,
    prerequisites, scenario) with ``plans`` (plans containing the move), ``n`` (plans of that
    table) and ``share``; ``moves``: one row per (code, indicator, level) with ``min_share``,
    ``worst`` (the table of the minimum, "effort / prerequisites / scenario"), ``n`` and
    ``mc_error`` of that table, ``in_all`` (in every plan of every table) and ``robust``;
    ``n_draws``: profile draws per regency and scenario; ``basis``: code -> "projected" or the
    sheet's basis; ``tables``: the 18 (effort, prerequisites, scenario) tables; ``seconds``: the
    time the plans took."""

    moves: pd.DataFrame
    shares: pd.DataFrame
    threshold: float
    n_draws: int
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
    def max_mc_error(self) -> float:
        """The largest Monte Carlo error of a minimum share."""
        return float(self.moves["mc_error"].max()) if len(self.moves) else 0.0

    def robust_set(self) -> set:
        """{(code, indicator, level)} of the robust moves."""
        return {(r.code, r.indicator, int(r.level)) for r in self.robust.itertuples()}


def _varied(basis: Mapping[str, str], illustrative: bool) -> tuple:
    out = []
    if any(b == "projected" for b in basis.values()):
        out.append("vary_profiles_illustrative" if illustrative else "vary_profiles")
        out.append("vary_carry_scenarios")
    out += ["vary_effort_tables", "vary_prerequisite_judgement"]
    return tuple(out)


def robust_moves(projection: Any, codes: list, sheet_starts: Mapping[str, Start] | None = None,
                 n_draws: int = N_DRAWS, seed: int = 0, threshold: float = ROBUST_SHARE, first_cycle: int = 2027,
                 n_cycles: int = 3, n_jobs: int = 2, effort_path: str | None = None) -> RobustMoves:
    """The first-cycle moves of every regency that are in the optimal plan under every table.

    Parameters
    ----------
    projection : Projection
        From :func:`spbe_analysis.pemdi.project`.
    codes : list of str
        BPS codes.
    sheet_starts : mapping, optional
        Starts from a PEMDI sheet (kept in every scenario and draw).
    n_draws : int
        Profile draws per regency and scenario (:data:`N_DRAWS`).
    seed : int
        Seed of the choice of draws.
    threshold : float
        Minimum share over the tables for a robust move, in (0, 1] (:data:`ROBUST_SHARE`).
    first_cycle, n_cycles : int
        As in :func:`spbe_analysis.actionplan.plan_actions`.
    n_jobs : int
        Processes (1: in this process).
    effort_path : str, optional
        An "adopt national platforms" effort table of your own.

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
    >>> r = robust_moves(proj, ["7501"], n_draws=1, n_jobs=1)
    >>> len(r.tables), bool(r.moves["min_share"].between(0, 1).all())
    (18, True)
    """
    th = checks.exact_number(threshold, "threshold argument", expected="a share in (0, 1]")
    if not 0 < th <= 1:
        raise DataError("threshold argument", "a share in (0, 1]", value=threshold)
    n_jobs = checks.count(n_jobs, "n_jobs argument", minimum=1)
    codes = [str(c) for c in checks.collection(codes, "codes argument", allow_empty=False)]
    t0 = time.perf_counter()
    starts = draw_starts(projection, codes, sheet_starts, n_draws, seed, first_cycle - 1)
    starts["key"] = [(_hundredths(s), tuple(sorted(s.held_since.items()))) for s in starts["start"]]
    efforts, prereqs = tables(effort_path)
    unique = starts.drop_duplicates("key")
    tasks = list(zip(unique["key"], unique["start"]))
    if n_jobs > 1 and len(tasks) > 1:
        from joblib import Parallel, delayed
        k = min(n_jobs, len(tasks), os.cpu_count() or 1)
        chunks = [tasks[j::k] for j in range(k)]
        parts = Parallel(n_jobs=k)(delayed(_plan_batch)(ch, efforts, prereqs, first_cycle, n_cycles)
                                   for ch in chunks)
        done = [x for part in parts for x in part]
    else:
        done = _plan_batch(tasks, efforts, prereqs, first_cycle, n_cycles)
    result = {(key, e, p): moves for key, e, p, _, moves in done}
    rows = []
    for r in starts.itertuples(index=False):
        for e in efforts:
            for p in prereqs:
                for ind, lv in result[(r.key, e, p)]:
                    rows.append({"code": r.code, "scenario": r.scenario, "effort": e, "prerequisites": p,
                                 "draw": r.draw, "indicator": ind, "level": lv})
    hits = pd.DataFrame(rows, columns=["code", "scenario", "effort", "prerequisites", "draw", "indicator", "level"])
    # a sheet start is one plan per table whatever the scenario and the draw
    n_of = starts.groupby(["code", "scenario"])["draw"].nunique()
    table_list = tuple((e, p, s) for e in efforts for p in prereqs for s in SCENARIOS)
    counts = hits.drop_duplicates().groupby(["code", "indicator", "level", "effort", "prerequisites", "scenario"]
                                            ).size()
    moves_of = hits[["code", "indicator", "level"]].drop_duplicates()
    srows = []
    for m in moves_of.itertuples(index=False):
        for e, p, s in table_list:
            n = int(n_of[(m.code, s)])
            k_ = int(counts.get((m.code, m.indicator, m.level, e, p, s), 0))
            srows.append({"code": m.code, "indicator": m.indicator, "level": int(m.level), "effort": e,
                          "prerequisites": p, "scenario": s, "plans": k_, "n": n, "share": k_ / n})
    shares = pd.DataFrame(srows, columns=["code", "indicator", "level", "effort", "prerequisites", "scenario", "plans",
                                          "n", "share"])
    mrows = []
    order = {c: k for k, c in enumerate(codes)}
    ind_order = {i: k for k, i in enumerate(as_framework(FRAMEWORK).ids)}
    for (c, i, lv), g in shares.groupby(["code", "indicator", "level"], sort=False):
        w = g.sort_values(["share", "n"], ascending=[True, False], kind="stable").iloc[0]
        p, n = float(w["share"]), int(w["n"])
        mrows.append({"code": c, "indicator": i, "level": int(lv), "min_share": p,
                      "worst": f"{w['effort']} / {w['prerequisites']} / {w['scenario']}", "n": n,
                      "mc_error": math.sqrt(p * (1 - p) / n), "in_all": bool((g["share"] >= 1).all()),
                      "robust": p >= float(th) - 1e-12, "plans_total": int(g["n"].sum())})
    moves = pd.DataFrame(mrows, columns=["code", "indicator", "level", "min_share", "worst", "n", "mc_error", "in_all",
                                         "robust", "plans_total"])
    if len(moves):
        moves = moves.assign(_c=moves["code"].map(order), _i=moves["indicator"].map(ind_order)).sort_values(
            ["_c", "min_share", "_i"], ascending=[True, False, True], kind="stable").drop(columns=["_c", "_i"])
    basis = {c: str(starts.loc[starts["code"] == c, "basis"].iloc[0]) for c in codes}
    illustrative = bool(getattr(projection, "illustrative", True))
    return RobustMoves(moves.reset_index(drop=True), shares, float(th), int(n_draws), int(seed), basis, table_list,
                       _varied(basis, illustrative), illustrative, len(starts) * len(efforts) * len(prereqs),
                       len(unique), time.perf_counter() - t0)


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
    >>> seed_difference(robust_moves(proj, ["7501"], n_draws=1, n_jobs=1), robust_moves(proj, ["7501"], n_draws=1, n_jobs=1))
    set()
    """
    return a.robust_set() ^ b.robust_set()


__all__ = ["ADOPT_NATIONAL_FILE", "EFFORTS", "N_DRAWS", "PREREQUISITES", "ROBUST_SHARE", "RobustMoves", "SCENARIOS",
           "adopt_national_effort", "draw_starts", "first_cycle_moves", "robust_moves", "seed_difference", "tables",
           "unit_effort", "without_judgement"]
