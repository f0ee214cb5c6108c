"""Paths to a target: cheapest level increases (integer programme), multi-year roadmaps,
a greedy baseline, and shared-service scenarios.

Formulation (see the README of the package for the full statement). Binary ``y[i, l]`` =
"indicator i reaches level l" for every level above its current one, with the chain
``y[i, l] <= y[i, l - 1]`` (no skipping), the target as an integer constraint on the weighted
sum of new steps, and cost ``sum c[i, l] y[i, l]``. Targets are *official* values: the rounded
index must reach the target, i.e. the exact weighted sum ``N >= N_min(target)`` (for SPBE 2020
``N >= 2000 * target - 10``), because the predicate is read from the published, rounded value.
Solved with ``scipy.optimize.milp`` (HiGHS). Among plans of equal cost the one with the larger
index gain is returned (a second solve with the cost fixed).
"""
from __future__ import annotations

import contextlib
import math
import os
import sys
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp

from . import checks
from .errors import DataError
from .frameworks import Framework
from .assumptions import as_prerequisites
from .official import as_framework, min_units, official_value
from .scoring import levels_vector, predicate


class InfeasibleTarget(DataError):
    """The target cannot be reached under the constraints; the message says why."""


# ----------------------------------------------------------------------------- costs
def cost_matrix(fw: Framework | str, cost: Any = None) -> np.ndarray:
    """Cost of each level step as an (indicators x levels) array.

    Parameters
    ----------
    fw : Framework or str
    cost : None, number, mapping, DataFrame or callable
        None (1 per step), a number (same for every step), a mapping indicator -> cost per step, a
        DataFrame (index: indicator ids, columns: levels, such as an effort table) or a callable
        ``(indicator, level) -> cost``. Costs must be positive and finite.

    Returns
    -------
    numpy.ndarray
        ``C[i, l]`` is the cost of raising indicator i *to* level ``level_min + l`` (column 0 is
        unused).

    Raises
    ------
    DataError
        Naming the indicator and level of a cost that is not positive and finite.

    Examples
    --------
    >>> cost_matrix("spbe2020", {"47": 2})[46].tolist()
    [1.0, 2.0, 2.0, 2.0, 2.0]
    """
    fw = as_framework(fw)
    levels = list(range(fw.level_min, fw.level_max + 1))
    C = np.ones((fw.n, len(levels)))
    src = "cost argument"
    if cost is None:
        pass
    elif isinstance(cost, (int, float, np.integer, np.floating)) and not isinstance(cost, (bool, np.bool_)):
        C[:] = checks.positive(cost, src)
    elif isinstance(cost, pd.DataFrame):
        for i_pos, i in enumerate(fw.ids):
            if i not in cost.index:
                raise DataError(src, "a row for every indicator", row=i)
            for l_pos, lv in enumerate(levels[1:], start=1):
                if lv not in cost.columns:
                    raise DataError(src, f"a column for level {lv}", row=i, column=lv)
                C[i_pos, l_pos] = checks.positive_at(cost.loc[i, lv], src, row=i, column=lv)
        extra = [r for r in cost.index if str(r) not in fw.indicators.index]
        if extra:
            raise DataError(src, f"rows only for indicators of {fw.name}", row=extra[0], value=extra[0])
    elif isinstance(cost, Mapping):
        for key, v in cost.items():
            k = str(key) if isinstance(key, (str, int, np.integer)) and not isinstance(key, (bool, np.bool_)) else None
            if k not in fw.indicators.index:
                raise DataError(src, f"indicator ids of {fw.name} as keys", column=key, value=key)
            C[fw.ids.index(k), :] = checks.positive_at(v, src, column=key)
    elif callable(cost):
        for i_pos, i in enumerate(fw.ids):
            for l_pos, lv in enumerate(levels[1:], start=1):
                C[i_pos, l_pos] = checks.positive_at(cost(i, lv), src, row=i, column=lv)
    else:
        raise DataError(src, "None, a number, a mapping, a DataFrame or a callable", value=type(cost).__name__)
    C[:, 0] = 1.0
    return C


def escalating_costs(fw: Framework | str, base: float = 1.0) -> pd.DataFrame:
    """An example cost table where higher levels cost more.

    Reaching level l costs ``base * (l - 1)`` (1 for level 2, 2 for level 3, ... 4 for level 5).

    Parameters
    ----------
    fw : Framework or str
    base : float
        Cost of reaching level 2.

    Returns
    -------
    DataFrame
        Indicators x levels, for every ``cost=`` argument.

    Raises
    ------
    DataError
        For a base that is not positive.

    Examples
    --------
    >>> escalating_costs("spbe2020").loc["1"].tolist()
    [1.0, 1.0, 2.0, 3.0, 4.0]
    """
    fw = as_framework(fw)
    base = checks.positive(base, "base argument")
    levels = list(range(fw.level_min, fw.level_max + 1))
    return pd.DataFrame([[base * max(lv - 1, 1) for lv in levels] for _ in fw.ids], index=list(fw.ids), columns=levels)


# ----------------------------------------------------------------------------- helpers
def _official(fw: Framework, n_units: int) -> float:
    return official_value(fw, n_units)


def _id(key: Any, fw: Framework, source: str) -> str:
    if isinstance(key, (bool, np.bool_)) or not isinstance(key, (str, int, np.integer)) or \
            str(key) not in fw.indicators.index:
        raise DataError(source, f"indicator ids of {fw.name} ({fw.ids[0]}..{fw.ids[-1]})", column=key, value=key)
    return str(key)


def _whole_level(v: Any, fw: Framework, source: str, column: Any = None) -> int:
    x = checks.exact_number(v, source, column=column, expected=f"a whole level {fw.level_min}-{fw.level_max}")
    if x.denominator != 1 or not fw.level_min <= x <= fw.level_max:
        raise DataError(source, f"a whole level {fw.level_min}-{fw.level_max}", column=column, value=v)
    return int(x)


def _caps(fw: Framework, cur: np.ndarray, frozen: Iterable[Any], max_level: Any) -> np.ndarray:
    """Highest whole level each indicator may reach (never below its current whole level)."""
    cap = np.full(fw.n, fw.level_max, dtype=np.int64)
    if isinstance(max_level, (Mapping, pd.Series)):
        for key, v in checks.mapping(max_level, "max_level argument").items():
            cap[fw.ids.index(_id(key, fw, "max_level argument"))] = _whole_level(v, fw, "max_level argument", key)
    elif max_level is not None:
        cap[:] = _whole_level(max_level, fw, "max_level argument")
    for key in checks.collection(frozen, "frozen argument"):
        k = _id(key, fw, "frozen argument")
        cap[fw.ids.index(k)] = cur[fw.ids.index(k)]
    return np.maximum(cap, cur)


@dataclass
class _Problem:
    """The steps an indicator can take, as binary variables ``(p, lv)`` = "indicator p reaches whole
    level lv", with their weighted gain (in the framework's integer units, from a possibly
    fractional start) and cost; prerequisite rows as pairs ``y[a] <= y[b]``; variables that a
    prerequisite blocks outright."""

    fw: Framework
    k0: np.ndarray          # start, in level-step units
    cur: np.ndarray         # start, whole levels (floor)
    cap: np.ndarray
    C: np.ndarray
    var: list
    pos: dict
    gain: np.ndarray        # weighted gain of each variable (units x step units)
    cost: np.ndarray
    pairs: list
    zero: set
    blocked: list
    lead: dict              # variable -> first roadmap year index (0-based) it may be reached
    prerequisites: Any

    @property
    def n0(self) -> int:
        return int(self.fw.units @ self.k0)


def _problem(fw: Framework, levels: Any, cost: Any, frozen: Iterable[Any], max_level: Any,
             prerequisites: Any) -> _Problem:
    k0 = levels_vector(levels, fw)
    q = fw.level_step.denominator
    cur = k0 // q
    C = cost_matrix(fw, cost)
    cap = _caps(fw, cur, frozen, max_level)
    var = [(p, lv) for p in range(fw.n) for lv in range(int(cur[p]) + 1, int(cap[p]) + 1)]
    pos = {v: j for j, v in enumerate(var)}
    gain = np.array([int(fw.units[p]) * (lv * q - max((lv - 1) * q, int(k0[p]))) for p, lv in var], dtype=np.int64)
    cst = np.array([C[p, lv - fw.level_min] for p, lv in var], dtype=float)
    pr = as_prerequisites(prerequisites, fw)
    pairs, zero, blocked, lead = [], set(), [], {}
    if pr is not None:
        idx = {i: p for p, i in enumerate(fw.ids)}
        for k, r in enumerate(pr.rows.itertuples()):
            p, lv0 = idx[r.indicator], int(r.level)
            first = max(lv0, int(cur[p]) + 1)
            if (p, first) not in pos:
                continue
            if r.min_years is not None and not pd.isna(r.min_years):
                for lv in range(first, int(cap[p]) + 1):
                    lead[pos[(p, lv)]] = max(lead.get(pos[(p, lv)], 0), int(r.min_years) - 1)
            if not r.requires:
                continue
            pj, m = idx[r.requires], int(r.requires_level)
            if int(k0[pj]) >= m * q:
                continue
            if (pj, m) in pos:
                pairs.append((pos[(p, first)], pos[(pj, m)], k))
            else:
                zero.add(pos[(p, first)])
                blocked.append(f"{pr.describe(k)} ({r.requires} cannot go above {int(cap[pj])})")
    return _Problem(fw, k0, cur, cap, C, var, pos, gain, cst, pairs, zero, blocked, lead, pr)


def _best_units(pb: _Problem) -> tuple[int, list[str]]:
    """The largest weighted sum the caps and prerequisites allow, and the prerequisites that hold
    it down (fixed point: a level whose requirement cannot be met is out of reach)."""
    fw, q = pb.fw, pb.fw.level_step.denominator
    reach = pb.cap.copy()
    why: list[str] = list(pb.blocked)
    if pb.prerequisites is not None:
        idx = {i: p for p, i in enumerate(fw.ids)}
        changed = True
        while changed:
            changed = False
            for k, r in enumerate(pb.prerequisites.edges.itertuples()):
                p, pj, m = idx[r.indicator], idx[r.requires], int(r.requires_level)
                if max(int(reach[pj]) * q, int(pb.k0[pj])) < m * q and reach[p] >= r.level and reach[p] > pb.cur[p]:
                    reach[p] = max(int(r.level) - 1, int(pb.cur[p]))
                    why.append(f"{r.indicator} >= {r.level} needs {r.requires} >= {m}")
                    changed = True
    best = sum(int(fw.units[p]) * max(int(reach[p]) * q, int(pb.k0[p])) for p in range(fw.n))
    return best, list(dict.fromkeys(why))


def _check_reachable(pb: _Problem, need: int, target: float, why: str = "") -> None:
    best, blocking = _best_units(pb)
    if best < need:
        n_frozen = int((pb.cap < pb.fw.level_max).sum())
        extra = f" with {n_frozen} indicator(s) frozen or capped" if n_frozen else ""
        block = f"; blocking prerequisites: {'; '.join(blocking[:4])}" if blocking else ""
        raise InfeasibleTarget("target argument", f"a reachable target: even every indicator at its highest "
                               f"allowed level{extra}{why} reaches only {_official(pb.fw, best):.2f}{block}",
                               value=target)


def _rows_1(pb: _Problem) -> tuple[list, list, list]:
    """Chain and prerequisite rows of a single-period problem."""
    nv = len(pb.var)
    rows, lbs, ubs = [], [], []
    for j, (p, lv) in enumerate(pb.var):
        if (p, lv - 1) in pb.pos:
            r = np.zeros(nv)
            r[j], r[pb.pos[(p, lv - 1)]] = 1, -1
            rows.append(r); lbs.append(-np.inf); ubs.append(0)
    for a, b, _ in pb.pairs:
        r = np.zeros(nv)
        r[a], r[b] = 1, -1
        rows.append(r); lbs.append(-np.inf); ubs.append(0)
    return rows, lbs, ubs


@dataclass(frozen=True)
class Plan:
    """A set of level increases. ``steps``: one row per raised indicator (``indicator``,
    ``aspect``, ``domain``, ``from`` (the start value), ``to`` (a whole level), ``steps`` (whole
    levels climbed), ``cost``, ``contribution`` in index points)."""

    steps: pd.DataFrame
    index_before: float
    index_after: float
    target: float
    total_cost: float
    total_steps: int
    method: str
    levels_after: pd.Series = field(repr=False, default=None)


def _plan(pb: _Problem, chosen: set, target: float, method: str) -> Plan:
    fw, q = pb.fw, pb.fw.level_step.denominator
    k1 = pb.k0.copy()
    rows = []
    for p, i in enumerate(fw.ids):
        js = [j for j in chosen if pb.var[j][0] == p]
        if not js:
            continue
        top = max(pb.var[j][1] for j in js)
        k1[p] = top * q
        rows.append({"indicator": i, "aspect": int(fw.indicators.loc[i, "aspect"]),
                     "domain": int(fw.indicators.loc[i, "domain"]), "from": float(pb.k0[p] / q), "to": int(top),
                     "steps": len(js), "cost": float(sum(pb.cost[j] for j in js)),
                     "contribution": float(sum(pb.gain[j] for j in js) / fw.total_units / q)})
    df = pd.DataFrame(rows, columns=["indicator", "aspect", "domain", "from", "to", "steps", "cost", "contribution"])
    after = pd.Series(k1 / q if q != 1 else k1, index=pd.Index(fw.ids, name="indicator"), name="level")
    return Plan(steps=df, index_before=_official(fw, pb.n0), index_after=_official(fw, int(fw.units @ k1)),
                target=target, total_cost=float(df["cost"].sum()), total_steps=int(df["steps"].sum()), method=method,
                levels_after=after)


@contextlib.contextmanager
def _native_stdout_silenced():
    """Send the process's file descriptor 1 to the null device for the duration.

    HiGHS (scipy's MILP solver) prints an internal debugging line
    (``HighsMipSolverData::transformNewIntegerFeasibleSolution tmpSolver.run();``) straight to the
    C-level standard output whatever its display options (ERGO-Code/HiGHS#2783); on a notebook
    page it would appear as output. The solution itself is checked by the caller.
    """
    try:
        fd = sys.__stdout__.fileno() if sys.__stdout__ is not None else 1
    except (AttributeError, OSError, ValueError):
        fd = 1
    for stream in (sys.stdout, sys.__stdout__):
        if stream is not None:
            stream.flush()
    saved = os.dup(fd)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), fd)
            yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)


def _solve(c: np.ndarray, rows: list, lbs: list, ubs: list, upper: np.ndarray) -> Any:
    nv = len(c)
    cons = LinearConstraint(np.vstack(rows), lbs, ubs) if rows else None
    with _native_stdout_silenced():
        return milp(c, integrality=np.ones(nv), bounds=Bounds(np.zeros(nv), upper), constraints=cons)


# ----------------------------------------------------------------------------- one target
def cheapest_path(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, target: float,
                  cost: Any = None, frozen: Iterable[Any] = (), max_level: Any = None,
                  prerequisites: Any = None) -> Plan:
    """The cheapest set of level increases that lifts the *official* index to ``target``.

    Parameters
    ----------
    levels : mapping or Series
        Current values (whole levels for SPBE; two-decimal values for PEMDI, which then climb to
        whole levels).
    framework : Framework or str
    target : float
        An index value on the framework's scale; the official (rounded) index must reach it.
    cost : None, number, mapping, DataFrame or callable
        Cost of reaching each level (see :func:`cost_matrix`); an effort table from
        :func:`spbe_analysis.assumptions.load_effort` fits.
    frozen : list of indicator ids
        Indicators that cannot move.
    max_level : int or mapping
        A cap for all indicators or per indicator.
    prerequisites : None, Prerequisites, table or path
        "Indicator at or above a level needs another at or above a level", honoured as linear
        constraints on the new levels.

    Returns
    -------
    Plan

    Raises
    ------
    InfeasibleTarget
        Saying how far the caps, freezes and prerequisites let the index go, and naming the
        prerequisites that block it.
    DataError
        For bad arguments.

    Examples
    --------
    >>> p = cheapest_path({str(i): 2 for i in range(1, 48)}, "spbe2020", 2.10)
    >>> p.total_steps, p.index_after       # +0.10 needs 200 weight units: four steps of 3 %
    (4, 2.12)
    """
    fw = as_framework(framework)
    pb = _problem(fw, levels, cost, frozen, max_level, prerequisites)
    need = min_units(fw, target)
    if pb.n0 >= need:
        return _plan(pb, set(), target, "milp")
    _check_reachable(pb, need, target)
    rows, lbs, ubs = _rows_1(pb)
    rows.append(pb.gain.astype(float)); lbs.append(need - pb.n0); ubs.append(np.inf)
    upper = np.ones(len(pb.var))
    upper[list(pb.zero)] = 0
    c = pb.cost
    if np.allclose(c, np.round(c * 4) / 4):
        # costs in quarters: one solve, cost first and index gain as a tie-break worth less than the
        # smallest cost difference in total (eps * sum(gain) < 1/4), so the cost optimum is kept
        eps = 0.25 / (float(pb.gain.sum()) + 1.0)
        res = _solve(c - eps * pb.gain, rows, lbs, ubs, upper)
        if res.status != 0:
            raise InfeasibleTarget("target argument", f"a target the solver can reach (HiGHS: {res.message})",
                                   value=target)
        x = res.x
    else:
        res = _solve(c, rows, lbs, ubs, upper)
        if res.status != 0:
            raise InfeasibleTarget("target argument", f"a target the solver can reach (HiGHS: {res.message})",
                                   value=target)
        best = float(res.fun)
        res2 = _solve(-pb.gain.astype(float), rows + [c], lbs + [-np.inf], ubs + [best + 1e-6 * max(1.0, abs(best))],
                      upper)
        x = res2.x if res2.status == 0 else res.x
    return _plan(pb, {j for j in range(len(pb.var)) if x[j] > 0.5}, target, "milp")


def _allowed(pb: _Problem, level_now: np.ndarray, taken: set) -> list[int]:
    """Variables that are the next whole level of their indicator and whose prerequisites the
    current state meets (a prerequisite on a level binds the levels above it through the chain)."""
    needs: dict[int, list[int]] = {}
    for a, b, _ in pb.pairs:
        needs.setdefault(a, []).append(b)
    return [j for j, (p, lv) in enumerate(pb.var)
            if j not in taken and j not in pb.zero and lv == level_now[p] + 1
            and all(b in taken for b in needs.get(j, []))]


def greedy_path(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, target: float,
                cost: Any = None, frozen: Iterable[Any] = (), max_level: Any = None,
                prerequisites: Any = None) -> Plan:
    """Transparent baseline for :func:`cheapest_path`.

    Repeatedly take the next level step with the largest index gain per unit of cost (ties: larger
    gain, then framework order) among the steps whose prerequisites are already met, until the
    official index reaches ``target``.

    Parameters
    ----------
    levels : mapping or Series
    framework : Framework or str
    target : float
    cost, frozen, max_level, prerequisites
        As in :func:`cheapest_path`.

    Returns
    -------
    Plan

    Raises
    ------
    InfeasibleTarget
        When the caps, freezes and prerequisites keep the index below ``target``.
    DataError
        For bad arguments.

    Examples
    --------
    >>> lv = {str(i): 2 for i in range(1, 48)}
    >>> greedy_path(lv, "spbe2020", 2.10).total_steps
    4
    """
    fw = as_framework(framework)
    pb = _problem(fw, levels, cost, frozen, max_level, prerequisites)
    need = min_units(fw, target)
    n = pb.n0
    if n < need:
        _check_reachable(pb, need, target)
    level_now = pb.cur.copy()
    taken: set = set()
    while n < need:
        cand = _allowed(pb, level_now, taken)
        if not cand:
            raise InfeasibleTarget("target argument", "a target the greedy rule can reach with the prerequisites "
                                   "met in order", value=target)
        ratio = np.array([pb.gain[j] / pb.cost[j] for j in cand])
        order = np.lexsort((np.array(cand), -pb.gain[cand], -ratio))
        j = cand[order[0]]
        taken.add(j)
        level_now[pb.var[j][0]] += 1
        n += int(pb.gain[j])
    return _plan(pb, taken, target, "greedy")


# ----------------------------------------------------------------------------- roadmaps
@dataclass(frozen=True)
class Roadmap:
    """``steps``: one row per (year, indicator) raised; ``summary``: one row per year with the
    budget, cost, weighted gain, official index, predicate and milestone."""

    steps: pd.DataFrame
    summary: pd.DataFrame
    objective: str


def _roadmap_result(pb: _Problem, level_t: np.ndarray, years: list[int], budgets: list[float],
                    milestones: Mapping[int, float], objective: str) -> Roadmap:
    """Tidy steps and yearly summary of a plan given as whole levels reached by the end of each year."""
    fw, q = pb.fw, pb.fw.level_step.denominator
    steps, summary = [], []
    prev_k = pb.k0.copy()
    prev_l = pb.cur.copy()
    for t, y in enumerate(years):
        cur_l = level_t[t]
        cur_k = np.where(cur_l > pb.cur, cur_l * q, pb.k0)
        cost_t = 0.0
        for p in np.nonzero(cur_l > prev_l)[0]:
            c_ = float(sum(pb.C[p, lv - fw.level_min] for lv in range(int(prev_l[p]) + 1, int(cur_l[p]) + 1)))
            cost_t += c_
            steps.append({"year": y, "indicator": fw.ids[p], "aspect": int(fw.indicators.iloc[p]["aspect"]),
                          "from": float(prev_k[p] / q), "to": int(cur_l[p]), "cost": c_,
                          "contribution": float(fw.units[p] * (cur_k[p] - prev_k[p]) / fw.total_units / q)})
        idx = _official(fw, int(fw.units @ cur_k))
        m = milestones.get(y)
        summary.append({"year": y, "budget": budgets[t], "cost": cost_t,
                        "gain": float(fw.units @ (cur_k - prev_k) / fw.total_units / q), "index": idx,
                        "predicate": predicate(idx, fw), "milestone": m if m is not None else np.nan,
                        "met": (idx >= m) if m is not None else pd.NA})
        prev_k, prev_l = cur_k, cur_l
    return Roadmap(steps=pd.DataFrame(steps, columns=["year", "indicator", "aspect", "from", "to", "cost",
                                                      "contribution"]),
                   summary=pd.DataFrame(summary), objective=objective)


def _years_budgets(years: Any, budgets: Any) -> tuple[list[int], list[float]]:
    ys = checks.collection(years, "years argument", allow_empty=False)
    ys = [checks.count(y, f"years argument [{k}]", minimum=0) for k, y in enumerate(ys)]
    if any(b <= a for a, b in zip(ys, ys[1:])):
        raise DataError("years argument", "strictly increasing years", value=ys)
    T = len(ys)
    if budgets is None:
        return ys, [np.inf] * T
    if isinstance(budgets, Mapping):
        missing = [y for y in ys if y not in budgets]
        if missing:
            raise DataError("budgets argument", "a budget for every year", column=missing[0])
        extra = [y for y in budgets if y not in ys]
        if extra:
            raise DataError("budgets argument", f"years among {ys}", column=extra[0], value=extra[0])
        B = [checks.non_negative(budgets[y], "budgets argument", column=y) for y in ys]
    elif isinstance(budgets, (int, float, np.integer, np.floating)) and not isinstance(budgets, (bool, np.bool_)):
        B = [checks.non_negative(budgets, "budgets argument")] * T
    else:
        bl = checks.collection(budgets, "budgets argument")
        if len(bl) != T:
            raise DataError("budgets argument", f"{T} yearly budgets, one per year", value=len(bl))
        B = [checks.non_negative(b, "budgets argument", column=k) for k, b in enumerate(bl)]
    return ys, B


def _milestones(milestones: Any, years: list[int], fw: Framework) -> dict[int, float]:
    out = {}
    for y, m in checks.mapping(milestones or {}, "milestones argument").items():
        if y not in years:
            raise DataError("milestones argument", f"years among {years}", column=y, value=y)
        min_units(fw, m, source=f"milestones argument [{y}]")   # validates the target
        out[y] = float(m)
    return out


def _pace_units(pace: Any, fw: Framework, T: int) -> list[float]:
    """A yearly cap on the weighted gain, from index points per year to integer units."""
    if pace is None:
        return [np.inf] * T
    per = pace if isinstance(pace, (list, tuple, np.ndarray)) else [pace] * T
    if len(per) != T:
        raise DataError("pace argument", f"one number or {T} yearly values (index points per year)", value=len(per))
    q = fw.level_step.denominator
    return [float(checks.non_negative(p, "pace argument", column=k)) * fw.total_units * q for k, p in enumerate(per)]


def roadmap(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, years: list[int],
            budgets: Any = None, milestones: Mapping[int, float] | None = None,
            max_steps_per_year: int | None = 1, cost: Any = None, frozen: Iterable[Any] = (),
            frozen_by_year: Mapping[int, Iterable[Any]] | None = None, max_level: Any = None,
            objective: str | None = None, prerequisites: Any = None, pace: Any = None,
            horizon: int | None = None, _start: int = 0) -> Roadmap:
    """A multi-year plan.

    Parameters
    ----------
    levels, framework, cost, frozen, max_level, prerequisites
        As in :func:`cheapest_path`; prerequisites hold in every year (a prerequisite is in place
        no later than what needs it) and their lead times (``min_years``) bar a level before that
        roadmap year.
    years : list of int
        The roadmap years, strictly increasing.
    budgets : number, list, mapping or None
        Yearly budget in cost units (None: no budget).
    milestones : mapping {year: target}, optional
        Official index to reach by the end of a year.
    max_steps_per_year : int or None
        New whole levels per indicator per year (None: no limit).
    frozen_by_year : mapping {year: indicators}, optional
    objective : {"min_cost", "max_progress"}
        Cheapest plan meeting the milestones (default when there are milestones), or the largest
        sum over the years of the index, as much and as early as the constraints allow, the
        cheapest such plan among equals (default otherwise).
    pace : number or list, optional
        The most the index may gain in a year, in index points (a regency's observed pace).
    horizon : int, optional
        None (default) solves all years jointly, exactly. ``k`` plans on a rolling horizon: each
        year is decided by an exact plan of the next ``k`` years, then fixed (much faster for long
        roadmaps with fractional efforts; never worse than the greedy baseline in the tests).

    Returns
    -------
    Roadmap

    Raises
    ------
    InfeasibleTarget, DataError

    Examples
    --------
    >>> rm = roadmap({str(i): 2 for i in range(1, 48)}, "spbe2020", [2025, 2026], budgets=3)
    >>> rm.summary["index"].tolist()
    [2.09, 2.18]
    """
    fw = as_framework(framework)
    pb = _problem(fw, levels, cost, frozen, max_level, prerequisites)
    years, B = _years_budgets(years, budgets)
    T = len(years)
    P = _pace_units(pace, fw, T)
    if horizon is not None:
        horizon = checks.count(horizon, "horizon argument", minimum=1)
        if horizon < T:
            return _rolling(pb, levels, fw, years, B, pace, milestones, max_steps_per_year, cost, frozen,
                            frozen_by_year, max_level, objective, prerequisites, horizon)
    milestones = _milestones(milestones, years, fw)
    if max_steps_per_year is not None:
        max_steps_per_year = checks.count(max_steps_per_year, "max_steps_per_year argument", minimum=1)
    fby = {}
    for y, v in checks.mapping(frozen_by_year or {}, "frozen_by_year argument").items():
        if y not in years:
            raise DataError("frozen_by_year argument", f"years among {years}", column=y, value=y)
        fby[y] = {_id(i, fw, f"frozen_by_year argument [{y}]") for i in checks.collection(v, f"frozen_by_year argument [{y}]")}
    objective = objective or ("min_cost" if milestones else "max_progress")
    checks.choice(objective, ("min_cost", "max_progress"), "objective argument")
    for y, m in milestones.items():
        _check_reachable(pb, min_units(fw, m), m, f" (milestone {y})")
    nb = len(pb.var)
    nv = nb * T

    def v(j: int, t: int) -> int:
        return t * nb + j

    rows, lbs, ubs = [], [], []

    def add(coefs: dict[int, float], lb: float, ub: float) -> None:
        r = np.zeros(nv)
        for j, a in coefs.items():
            r[j] += a
        rows.append(r); lbs.append(lb); ubs.append(ub)

    upper = np.ones(nv)
    for t in range(T):
        for j, (p, lv) in enumerate(pb.var):
            if (p, lv - 1) in pb.pos:
                add({v(j, t): 1, v(pb.pos[(p, lv - 1)], t): -1}, -np.inf, 0)       # chain in levels
            if t > 0:
                add({v(j, t - 1): 1, v(j, t): -1}, -np.inf, 0)                        # no regression
            if j in pb.zero or t + _start < pb.lead.get(j, 0):
                upper[v(j, t)] = 0
        for a, b, _ in pb.pairs:
            add({v(a, t): 1, v(b, t): -1}, -np.inf, 0)                                # prerequisites
        budget_row: dict[int, float] = {}
        gain_row: dict[int, float] = {}
        per_ind: dict[int, dict[int, float]] = {}
        for j, (p, lv) in enumerate(pb.var):
            new = {v(j, t): 1.0}
            if t > 0:
                new[v(j, t - 1)] = -1.0
            for k_, a in new.items():
                per_ind.setdefault(p, {})[k_] = per_ind.get(p, {}).get(k_, 0) + a
                budget_row[k_] = budget_row.get(k_, 0) + a * pb.cost[j]
                gain_row[k_] = gain_row.get(k_, 0) + a * float(pb.gain[j])
        for p, coefs in per_ind.items():
            if max_steps_per_year is not None:
                add(coefs, -np.inf, max_steps_per_year)
            if fw.ids[p] in fby.get(years[t], set()):
                add(coefs, 0, 0)
        if np.isfinite(B[t]):
            add(budget_row, -np.inf, B[t])
        if np.isfinite(P[t]):
            add(gain_row, -np.inf, P[t])
        if years[t] in milestones:
            add({v(j, t): float(pb.gain[j]) for j in range(nb)}, min_units(fw, milestones[years[t]]) - pb.n0, np.inf)
    cost_c = np.zeros(nv)
    for t in range(T):
        for j in range(nb):
            cost_c[v(j, t)] += pb.cost[j]
            if t > 0:
                cost_c[v(j, t - 1)] -= pb.cost[j]
    if objective == "min_cost":
        c = cost_c
    else:
        progress = -np.concatenate([pb.gain.astype(float)] * T)
        eps = 0.5 / (float(np.abs(cost_c).sum()) + 1.0)          # cost only breaks ties of progress
        c = progress + eps * cost_c
    if nv == 0:
        x = np.zeros(0)
    else:
        res = _solve(c, rows, lbs, ubs, upper)
        if res.status != 0:
            why = "the yearly budgets, pace, step limits and prerequisites cannot meet the milestones" \
                if milestones else res.message
            raise InfeasibleTarget("milestones argument", f"milestones reachable under the constraints: {why}",
                                   value=milestones)
        x = res.x
    level_t = np.repeat(pb.cur[None, :], T, axis=0)
    for t in range(T):
        for j, (p, lv) in enumerate(pb.var):
            if x[v(j, t)] > 0.5:
                level_t[t, p] = max(level_t[t, p], lv)
    return _roadmap_result(pb, level_t, years, B, milestones, objective)


def _rolling(pb: _Problem, levels: Any, fw: Framework, years: list[int], B: list[float], pace: Any,
             milestones: Any, max_steps_per_year: Any, cost: Any, frozen: Any, frozen_by_year: Any, max_level: Any,
             objective: Any, prerequisites: Any, horizon: int) -> Roadmap:
    """Rolling-horizon roadmap: plan ``horizon`` years exactly, keep the first, move on."""
    q = fw.level_step.denominator
    pace_l = pace if isinstance(pace, (list, tuple, np.ndarray)) else [pace] * len(years)
    state = pd.Series(pb.k0 / q if q != 1 else pb.k0, index=list(fw.ids))
    whole = pb.cur.copy()
    level_t = np.empty((len(years), fw.n), dtype=np.int64)
    ms = dict(milestones or {})
    for t in range(len(years)):
        win = years[t:t + horizon]
        sub = roadmap(state.to_dict(), fw, win, budgets=[B[t + k] if np.isfinite(B[t + k]) else None for k in range(len(win))]
                      if all(np.isfinite(B[t:t + len(win)])) else None, milestones={y: m for y, m in ms.items() if y in win},
                      max_steps_per_year=max_steps_per_year, cost=cost, frozen=frozen,
                      frozen_by_year={y: v for y, v in (frozen_by_year or {}).items() if y in win}, max_level=max_level,
                      objective=objective, prerequisites=prerequisites,
                      pace=None if pace is None else list(pace_l[t:t + len(win)]), _start=t)
        first = sub.steps[sub.steps["year"] == win[0]]
        for r in first.itertuples():
            p = fw.ids.index(r.indicator)
            whole[p] = max(int(whole[p]), int(r.to))
            state[r.indicator] = float(r.to)
        level_t[t] = whole
    return _roadmap_result(pb, level_t, years, B, dict(ms), (objective or ("min_cost" if ms else "max_progress"))
                           + f" (rolling {horizon})")


def greedy_roadmap(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, years: list[int],
                   budgets: Any = None, max_steps_per_year: int | None = 1, cost: Any = None,
                   prerequisites: Any = None, pace: Any = None, frozen: Iterable[Any] = ()) -> Roadmap:
    """Baseline for :func:`roadmap` (max_progress).

    Each year, take the allowed level steps in order of index gain per cost while the year's budget,
    pace and per-indicator step limit allow.

    Parameters
    ----------
    levels : mapping or Series
    framework : Framework or str
    years : list of int
    budgets, max_steps_per_year, cost, prerequisites, pace, frozen
        As in :func:`roadmap`.

    Returns
    -------
    Roadmap

    Raises
    ------
    DataError
        For bad arguments.

    Examples
    --------
    >>> lv = {str(i): 2 for i in range(1, 48)}
    >>> greedy_roadmap(lv, "spbe2020", [2025, 2026], budgets=2).summary["index"].tolist()
    [2.06, 2.12]
    """
    fw = as_framework(framework)
    pb = _problem(fw, levels, cost, frozen, None, prerequisites)
    years, B = _years_budgets(years, budgets)
    P = _pace_units(pace, fw, len(years))
    if max_steps_per_year is not None:
        max_steps_per_year = checks.count(max_steps_per_year, "max_steps_per_year argument", minimum=1)
    level_now = pb.cur.copy()
    taken: set = set()
    level_t = np.empty((len(years), fw.n), dtype=np.int64)
    for t, (b, pc) in enumerate(zip(B, P)):
        left, room, per = b, pc, np.zeros(fw.n, dtype=np.int64)
        while True:
            cand = [j for j in _allowed(pb, level_now, taken)
                    if pb.cost[j] <= left + 1e-9 and pb.gain[j] <= room + 1e-9 and t >= pb.lead.get(j, 0)
                    and (max_steps_per_year is None or per[pb.var[j][0]] < max_steps_per_year)]
            if not cand:
                break
            ratio = np.array([pb.gain[j] / pb.cost[j] for j in cand])
            j = cand[np.lexsort((np.array(cand), -pb.gain[cand], -ratio))[0]]
            taken.add(j)
            p = pb.var[j][0]
            level_now[p] += 1
            per[p] += 1
            left -= pb.cost[j]
            room -= pb.gain[j]
        level_t[t] = level_now
    return _roadmap_result(pb, level_t, years, B, {}, "greedy")


def _uniform_step_cost(fw: Framework, cost: Any) -> float | None:
    """The common cost of every level step, or None when costs differ between steps."""
    C = cost_matrix(fw, cost)[:, 1:]
    return float(C.flat[0]) if np.all(C == C.flat[0]) else None


def years_to_target(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, target: float,
                    budget_per_year: float | None = None, max_years: int = 10, max_steps_per_year: int | None = 1,
                    cost: Any = None, frozen: Iterable[Any] = (), method: str = "auto",
                    prerequisites: Any = None, pace: float | None = None) -> int | None:
    """Fewest years in which a roadmap can lift the official index to ``target``.

    ``method="milp"`` solves a roadmap for T = 1, 2, ... years. With one cost for every step, at most
    one level per indicator per year, no pace and no prerequisites, ``"auto"`` uses an exact
    shortcut: in T years any plan with at most T steps per indicator and at most
    T * floor(budget / cost) steps in all can be scheduled, so the best index within T years takes
    the largest-weight step slots first. Tests check it against the MILP.

    Parameters
    ----------
    levels : mapping or Series
    framework : Framework or str
    target : float
    budget_per_year : float, optional
        A constant yearly budget (in cost units).
    max_years : int
    max_steps_per_year : int or None
    cost, frozen, prerequisites
        As in :func:`cheapest_path`.
    method : ('auto', 'milp')
    pace : float, optional
        A yearly cap on the index gain (index points).

    Returns
    -------
    int or None
        0 when already there; None when not within ``max_years``.

    Raises
    ------
    DataError
        For bad arguments (neither a budget nor a pace, for instance).

    Examples
    --------
    >>> lv = {str(i): 2 for i in range(1, 48)}
    >>> years_to_target(lv, "spbe2020", 2.20, budget_per_year=2)
    4
    """
    fw = as_framework(framework)
    pb = _problem(fw, levels, cost, frozen, None, prerequisites)
    need = min_units(fw, target)
    if budget_per_year is None and pace is None:
        raise DataError("budget_per_year/pace arguments", "a yearly budget, a pace or both")
    if budget_per_year is not None:
        budget_per_year = checks.positive(budget_per_year, "budget_per_year argument")
    if pace is not None:
        pace = checks.positive(pace, "pace argument")
    max_years = checks.count(max_years, "max_years argument", minimum=1, maximum=100)
    if max_steps_per_year is not None:
        max_steps_per_year = checks.count(max_steps_per_year, "max_steps_per_year argument", minimum=1)
    checks.choice(method, ("auto", "milp"), "method argument")
    if pb.n0 >= need:
        return 0
    _check_reachable(pb, need, target)
    unit = _uniform_step_cost(fw, cost)
    simple = (pb.prerequisites is None and pace is None and budget_per_year is not None and fw.level_step == 1)
    if method == "auto" and unit is not None and max_steps_per_year == 1 and simple:
        per_year = int(math.floor(budget_per_year / unit + 1e-9))
        head = pb.cap - pb.cur
        order = np.argsort(-fw.units, kind="stable")
        for T in range(1, max_years + 1):
            slots, gain = T * per_year, 0
            for p in order:
                take = min(int(head[p]), T, slots)
                gain += take * int(fw.units[p])
                slots -= take
                if slots == 0:
                    break
            if pb.n0 + gain >= need:
                return T
        return None
    for T in range(1, max_years + 1):
        try:
            roadmap(levels, fw, list(range(T)), budget_per_year, milestones={T - 1: target},
                    max_steps_per_year=max_steps_per_year, cost=cost, frozen=frozen, prerequisites=prerequisites,
                    pace=pace)
            return T
        except InfeasibleTarget:
            continue
    return None


# ----------------------------------------------------------------------------- shared services
@dataclass(frozen=True)
class SharedService:
    """A service the province provides once for every regency (for example a shared data
    centre, intranet, service connector or common applications): it lifts the named
    indicators to at least the given levels, at a one-off ``cost`` to the province (in the same
    cost units as the level steps)."""

    name: str
    levels: Mapping[str, int]
    cost: float


def _check_service(service: Any, fw: Framework) -> dict[str, int]:
    if not isinstance(service, SharedService):
        raise DataError("service argument", "a SharedService", value=type(service).__name__)
    checks.non_negative(service.cost, "service argument", column="cost")
    lv = checks.mapping(service.levels, "service argument (levels)", allow_empty=False)
    return {_id(i, fw, "service argument (levels)"): _whole_level(v, fw, "service argument (levels)", i)
            for i, v in lv.items()}


def apply_service(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, service: SharedService) -> pd.Series:
    """Levels after a shared service lifted its indicators to at least its levels.

    Parameters
    ----------
    levels : mapping or Series
    framework : Framework or str
    service : SharedService

    Returns
    -------
    Series
        The new levels (indicators already above a service level keep theirs).

    Raises
    ------
    DataError
        For a service naming an unknown indicator or a level off the scale.

    Examples
    --------
    >>> svc = SharedService("data centre", {"16": 4}, 3)
    >>> lv = {str(i): 2 for i in range(1, 48)}
    >>> int(apply_service(lv, "spbe2020", svc)["16"])
    4
    """
    fw = as_framework(framework)
    q = fw.level_step.denominator
    k = pd.Series(levels_vector(levels, fw), index=pd.Index(fw.ids, name="indicator"))
    for i, lv in _check_service(service, fw).items():
        k[i] = max(int(k[i]), lv * q)
    return k if q == 1 else k / q


def compare_shared_service(profiles: Mapping[str, Mapping[Any, Any] | pd.Series], framework: Framework | str,
                           service: SharedService, target: float, cost: Any = None,
                           budget_per_year: float | None = None, max_years: int = 10,
                           prerequisites: Any = None) -> pd.DataFrame:
    """Each regency alone against all together with a shared service.

    Parameters
    ----------
    profiles : dict
        Regency -> one profile.
    framework : Framework or str
    service : SharedService
    target : float
    cost, prerequisites
        As in :func:`cheapest_path`.
    budget_per_year : float, optional
        With it, years to ``target`` are compared too.
    max_years : int

    Returns
    -------
    DataFrame
        One row per regency: ``cost_alone`` (cheapest path to ``target`` on its own),
        ``cost_with_service`` (its remaining cheapest path once the service lifted the named
        indicators), and, with a yearly budget, ``years_alone`` / ``years_with_service``. The
        province's one-off cost is in ``df.attrs["service_cost"]``.

    Examples
    --------
    >>> svc = SharedService("data centre", {"16": 4}, 3)
    >>> lv = {str(i): 2 for i in range(1, 48)}
    >>> d = compare_shared_service({"a": lv}, "spbe2020", svc, 2.10)
    >>> d[["cost_alone", "cost_with_service"]].values.tolist(), d.attrs["service_cost"]
    ([[4.0, 2.0]], 3.0)
    """
    fw = as_framework(framework)
    _check_service(service, fw)
    min_units(fw, target)
    if budget_per_year is not None:
        checks.positive(budget_per_year, "budget_per_year argument")
    rows = []
    for e, lv in checks.mapping(profiles, "profiles argument", allow_empty=False).items():
        alone = cheapest_path(lv, fw, target, cost=cost, prerequisites=prerequisites)
        lifted = apply_service(lv, fw, service)
        together = cheapest_path(lifted, fw, target, cost=cost, prerequisites=prerequisites)
        r = {"entity": e, "cost_alone": alone.total_cost, "cost_with_service": together.total_cost,
             "steps_alone": alone.total_steps, "steps_with_service": together.total_steps}
        if budget_per_year is not None:
            r["years_alone"] = years_to_target(lv, fw, target, budget_per_year, max_years, cost=cost,
                                               prerequisites=prerequisites)
            r["years_with_service"] = years_to_target(lifted, fw, target, budget_per_year, max_years, cost=cost,
                                                      prerequisites=prerequisites)
        rows.append(r)
    df = pd.DataFrame(rows).set_index("entity")
    df.attrs["service_cost"] = float(service.cost)
    df.attrs["service"] = service.name
    return df


# ----------------------------------------------------------------------------- ensembles
def plan_ensemble(levels: pd.DataFrame, framework: Framework | str, target: float, cost: Any = None,
                  method: str = "milp", frozen: Iterable[Any] = (),
                  prerequisites: Any = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Cheapest path (or greedy) for every profile (row) of ``levels``.

    Parameters
    ----------
    levels : DataFrame
        Profiles as rows.
    framework : Framework or str
    target : float
    cost, frozen, prerequisites
        As in :func:`cheapest_path`.
    method : {"milp", "greedy"}

    Returns
    -------
    tuple of DataFrame
        ``(summary, steps)``: per draw ``steps``, ``cost``, ``index_before`` and ``index_after``
        (official); and a (draws x indicators) matrix of level steps taken on each indicator. Draws already at or
        above the target get an empty plan (0 steps).

    Raises
    ------
    InfeasibleTarget
        When a profile cannot reach ``target``.

    Examples
    --------
    >>> import pandas as pd
    >>> lv = pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 2)
    >>> summary, steps = plan_ensemble(lv, "spbe2020", 2.10)
    >>> summary["steps"].tolist(), int(steps.to_numpy().sum())
    ([4, 4], 8)
    """
    fw = as_framework(framework)
    checks.choice(method, ("milp", "greedy"), "method argument")
    checks.frame(levels, "levels argument")
    fn = cheapest_path if method == "milp" else greedy_path
    C = pd.DataFrame(cost_matrix(fw, cost), index=list(fw.ids), columns=range(fw.level_min, fw.level_max + 1))
    pr = as_prerequisites(prerequisites, fw)
    summ, steps = [], []
    for d, row in levels.iterrows():
        p = fn(row, fw, target, cost=C, frozen=frozen, prerequisites=pr)
        summ.append({"draw": d, "steps": p.total_steps, "cost": p.total_cost, "index_before": p.index_before,
                     "index_after": p.index_after})
        s = pd.Series(0, index=pd.Index(fw.ids, name="indicator"), dtype="int64")
        if len(p.steps):
            s.loc[p.steps["indicator"].to_list()] = p.steps["steps"].to_numpy()
        steps.append(s)
    return pd.DataFrame(summ).set_index("draw"), pd.DataFrame(steps, index=levels.index)


def step_shares(steps: pd.DataFrame, framework: Framework | str, by: str = "aspect") -> pd.Series:
    """Share of all level steps of a step matrix that fall in each aspect (or domain).

    Parameters
    ----------
    steps : DataFrame
        A (draws x indicators) step matrix from :func:`plan_ensemble`.
    framework : Framework or str
    by : {"aspect", "domain"}

    Returns
    -------
    Series
        Every group listed, zeros included; all zeros when no step is taken.

    Examples
    --------
    >>> import pandas as pd
    >>> lv = pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 2)
    >>> shares = step_shares(plan_ensemble(lv, "spbe2020", 2.10)[1], "spbe2020")
    >>> float(shares.sum())
    1.0
    """
    fw = as_framework(framework)
    checks.choice(by, ("aspect", "domain"), "by argument")
    tot = steps.sum(axis=0).groupby(fw.indicators[by]).sum().reindex(fw.groups(by), fill_value=0).astype(float)
    return tot / tot.sum() if tot.sum() > 0 else tot


def roadmap_ensemble(levels_by_entity: Mapping[str, pd.DataFrame], framework: Framework | str, years: list[int],
                     budgets: Any, start_year: int, draws: int | None = None, cost: Any = None,
                     max_steps_per_year: int | None = 1, prerequisites: Any = None,
                     pace: Any = None) -> pd.DataFrame:
    """The max-progress :func:`roadmap` of every profile (the first ``draws`` of each entity).

    Parameters
    ----------
    levels_by_entity : dict
        Entity -> profiles (rows).
    framework : Framework or str
    years : list of int
    budgets : number or list
        Yearly budgets (cost units).
    start_year : int
        The year of the starting profiles.
    draws : int, optional
        Profiles per entity (all by default).
    cost, max_steps_per_year, prerequisites, pace
        As in :func:`roadmap`.

    Returns
    -------
    DataFrame
        One row per (entity, draw, year), starting with ``start_year`` at the profile's own
        official index: ``entity``, ``draw``, ``year``, ``index``.

    Examples
    --------
    >>> import pandas as pd
    >>> lv = pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 2)
    >>> r = roadmap_ensemble({"a": lv}, "spbe2020", [2025], 2, 2024, draws=1)
    >>> r["index"].tolist()
    [2.0, 2.06]
    """
    fw = as_framework(framework)
    if draws is not None:
        draws = checks.count(draws, "draws argument", minimum=1)
    start_year = checks.count(start_year, "start_year argument", minimum=0)
    pr = as_prerequisites(prerequisites, fw)
    rows = []
    for e, lv in checks.mapping(levels_by_entity, "levels_by_entity argument", allow_empty=False).items():
        sub = checks.frame(lv, f"levels_by_entity argument [{e}]")
        for d, row in (sub if draws is None else sub.head(draws)).iterrows():
            p = pace.get(e) if isinstance(pace, Mapping) else pace
            rm = roadmap(row, fw, years, budgets, max_steps_per_year=max_steps_per_year, cost=cost,
                         prerequisites=pr, pace=p)
            rows.append({"entity": e, "draw": d, "year": start_year,
                         "index": official_value(fw, int(fw.units @ levels_vector(row, fw)))})
            rows += [{"entity": e, "draw": d, "year": int(r.year), "index": float(r.index)} for r in rm.summary.itertuples()]
    return pd.DataFrame(rows, columns=["entity", "draw", "year", "index"])


def first_years(trajectories: pd.DataFrame, targets: Mapping[str, float]) -> pd.DataFrame:
    """First year in which each (entity, draw) trajectory reaches each target.

    Parameters
    ----------
    trajectories : DataFrame
        From :func:`roadmap_ensemble` (``entity``, ``draw``, ``year``, ``index``).
    targets : dict
        Target name -> index value.

    Returns
    -------
    DataFrame
        One row per (entity, draw), one column per target name; NA when the target is not reached
        within the horizon.

    Examples
    --------
    >>> import pandas as pd
    >>> tr = pd.DataFrame({"entity": "a", "draw": 0, "year": [2024, 2025, 2026], "index": [2.4, 2.55, 2.61]})
    >>> first_years(tr, {"Baik": 2.6, "Sangat Baik": 3.5}).iloc[0].tolist()
    [2026, <NA>]
    """
    t = checks.frame(trajectories, "trajectories argument", columns=("entity", "draw", "year", "index"))
    out = []
    for (e, d), g in t.groupby(["entity", "draw"], sort=False):
        r = {"entity": e, "draw": d}
        for name, v in checks.mapping(targets, "targets argument", allow_empty=False).items():
            hit = g.loc[g["index"] >= float(v), "year"]
            r[name] = int(hit.min()) if len(hit) else pd.NA
        out.append(r)
    df = pd.DataFrame(out).set_index(["entity", "draw"])
    return df.astype("Int64")


def shared_service_ensemble(levels_by_entity: Mapping[str, pd.DataFrame], framework: Framework | str,
                            service: SharedService, target: float, draws: int, cost: Any = None,
                            budget_per_year: float | None = None, max_years: int = 10,
                            prerequisites: Any = None) -> pd.DataFrame:
    """:func:`compare_shared_service` on the first ``draws`` joint profiles.

    Draw d of every entity is taken together.

    Parameters
    ----------
    levels_by_entity : dict
        Entity -> profiles (rows).
    framework : Framework or str
    service : SharedService
    target : float
    draws : int
    cost, budget_per_year, max_years, prerequisites
        As in :func:`compare_shared_service`.

    Returns
    -------
    DataFrame
        One row per (draw, entity) with ``cost_alone``, ``cost_with_service``, steps and (with a
        yearly budget) years; ``df.attrs["service_cost"]`` is the service's one-off cost.

    Examples
    --------
    >>> svc = SharedService("data centre", {"16": 4}, 3)
    >>> import pandas as pd
    >>> lv = pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 2)
    >>> shared_service_ensemble({"a": lv}, "spbe2020", svc, 2.10, draws=2)["cost_with_service"].tolist()
    [2.0, 2.0]
    """
    fw = as_framework(framework)
    draws = checks.count(draws, "draws argument", minimum=1)
    lv = checks.mapping(levels_by_entity, "levels_by_entity argument", allow_empty=False)
    pr = as_prerequisites(prerequisites, fw)
    n = min(len(v) for v in lv.values())
    frames = []
    for d in range(min(draws, n)):
        prof = {e: v.iloc[d] for e, v in lv.items()}
        frames.append(compare_shared_service(prof, fw, service, target, cost=cost, budget_per_year=budget_per_year,
                                             max_years=max_years, prerequisites=pr).assign(draw=d))
    df = pd.concat(frames).reset_index()
    df.attrs.update(service_cost=float(service.cost), service=service.name)
    return df


def compare_greedy(levels_by_entity: Mapping[str, pd.DataFrame], framework: Framework | str, target: float,
                   cost: Any, draws: int) -> pd.DataFrame:
    """Cheapest path (MILP) against the greedy rule on the first ``draws`` profiles.

    Parameters
    ----------
    levels_by_entity : dict
        Entity -> profiles (rows).
    framework : Framework or str
    target : float
    cost
        As in :func:`cheapest_path`.
    draws : int

    Returns
    -------
    DataFrame
        One row per entity: ``milp`` and ``greedy`` median cost, ``ratio`` (mean greedy / MILP over
        the draws that need any step; NA when none does) and ``worse`` (share of those draws where
        greedy costs more).

    Examples
    --------
    >>> import pandas as pd
    >>> lv = pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 2)
    >>> float(compare_greedy({"a": lv}, "spbe2020", 2.10, None, draws=2)["ratio"].iloc[0])
    1.0
    """
    fw = as_framework(framework)
    draws = checks.count(draws, "draws argument", minimum=1)
    rows = []
    for e, lv in checks.mapping(levels_by_entity, "levels_by_entity argument", allow_empty=False).items():
        sub = checks.frame(lv, f"levels_by_entity argument [{e}]").head(draws)
        m = plan_ensemble(sub, fw, target, cost=cost)[0]["cost"]
        g = plan_ensemble(sub, fw, target, cost=cost, method="greedy")[0]["cost"]
        need = m > 0
        rows.append({"entity": e, "milp": float(m.median()), "greedy": float(g.median()),
                     "ratio": float((g[need] / m[need]).mean()) if need.any() else float("nan"),
                     "worse": float((g[need] > m[need] + 1e-9).mean()) if need.any() else float("nan")})
    return pd.DataFrame(rows).set_index("entity")


def plan_steps(levels_by_entity: Mapping[str, pd.DataFrame], framework: Framework | str,
               targets: Mapping[str, float], scenarios: Mapping[str, tuple[Any, Any]], draws: int) -> pd.DataFrame:
    """Every level climbed by the cheapest paths, under every cost and prerequisite scenario.

    Parameters
    ----------
    levels_by_entity : dict
        Entity -> profiles (rows).
    framework : Framework or str
    targets : dict
        Entity -> its target index value.
    scenarios : dict
        ``{name: (cost, prerequisites)}``.
    draws : int
        The first profiles of each entity.

    Returns
    -------
    DataFrame
        One row per (scenario, entity, draw, indicator, level) climbed, with ``aspect`` and the
        ``cost`` of that level; the number of plans per (scenario, entity) is in
        ``attrs["plans"]``.

    Examples
    --------
    >>> import pandas as pd
    >>> lv = pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 2)
    >>> st = plan_steps({"x": lv}, "spbe2020", {"x": 2.05}, {"unit": (None, None)}, draws=2)
    >>> len(st), st.attrs["plans"]
    (4, {('unit', 'x'): 2})
    """
    fw = as_framework(framework)
    draws = checks.count(draws, "draws argument", minimum=1)
    scen = checks.mapping(scenarios, "scenarios argument", allow_empty=False)
    targets = checks.mapping(targets, "targets argument")
    rows, plans = [], {}
    lv_all = checks.mapping(levels_by_entity, "levels_by_entity argument", allow_empty=False)
    for e in targets:
        if e not in lv_all:
            raise DataError("targets argument", "entities of levels_by_entity", row=e)
    for e, target in targets.items():
        sub = checks.frame(lv_all[e], f"levels_by_entity argument [{e}]").head(draws)
        for name, (cost, prereq) in scen.items():
            pr = as_prerequisites(prereq, fw)
            C = cost_matrix(fw, cost)
            plans[(name, e)] = len(sub)
            for d, (_, row) in enumerate(sub.iterrows()):
                plan = cheapest_path(row, fw, target, cost=cost, prerequisites=pr)
                p_of = {i: k for k, i in enumerate(fw.ids)}
                for r in plan.steps.itertuples():
                    for level in range(int(r.to) - int(r.steps) + 1, int(r.to) + 1):
                        rows.append({"scenario": name, "entity": e, "draw": d, "indicator": r.indicator,
                                     "level": level, "aspect": int(r.aspect),
                                     "cost": float(C[p_of[r.indicator], level - fw.level_min])})
    df = pd.DataFrame(rows, columns=["scenario", "entity", "draw", "indicator", "level", "aspect", "cost"])
    df.attrs["plans"] = plans
    df.attrs["scenarios"] = list(scen)
    return df


def scenario_shares(steps: pd.DataFrame, framework: Framework | str) -> dict[str, pd.DataFrame]:
    """Per scenario: the share of the plans' level steps in each aspect, per entity.

    Parameters
    ----------
    steps : DataFrame
        From :func:`plan_steps`.
    framework : Framework or str

    Returns
    -------
    dict
        ``{scenario: DataFrame entities x aspects}``; rows sum to 1 where any step was taken.

    Examples
    --------
    >>> import pandas as pd
    >>> lv = pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 2)
    >>> st = plan_steps({"x": lv}, "spbe2020", {"x": 2.05}, {"unit": (None, None)}, draws=2)
    >>> float(scenario_shares(st, "spbe2020")["unit"].loc["x"].sum())
    1.0
    """
    fw = as_framework(framework)
    out = {}
    aspects = list(fw.groups("aspect"))
    for name in dict.fromkeys(k[0] for k in steps.attrs.get("plans", {})):
        d = steps[steps["scenario"] == name]
        tab = d.groupby(["entity", "aspect"]).size().unstack(fill_value=0).reindex(columns=aspects, fill_value=0)
        tot = tab.sum(axis=1).replace(0, 1)
        out[name] = tab.div(tot, axis=0)
    return out


def no_regret(steps: pd.DataFrame, threshold: float = 0.8, over: Iterable[str] | None = None) -> pd.DataFrame:
    """Moves that appear in most optimal plans, whatever the unknowns.

    The level a plan starts from differs between profiles, so the move is "raise this indicator",
    with its typical target level.

    Parameters
    ----------
    steps : DataFrame
        From :func:`plan_steps`.
    threshold : float
        Share of plans at or above which a move is no-regret.
    over : iterable of str, optional
        The scenarios that count (all by default).

    Returns
    -------
    DataFrame
        One row per (entity, indicator), ranked by share: ``share`` (of the entity's optimal plans
        that raise the indicator), ``level`` (the median level those plans take it to),
        ``share_<scenario>`` for every scenario and ``no_regret`` (share >= ``threshold``).

    Raises
    ------
    DataError
        For a steps table without its columns, or a threshold outside (0, 1].

    Examples
    --------
    >>> lv = {"x": pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 2)}
    >>> st = plan_steps(lv, "spbe2020", {"x": 2.05}, {"unit": (None, None)}, draws=2)
    >>> nr = no_regret(st)
    >>> int(nr["no_regret"].sum()), float(nr["share"].max())
    (1, 1.0)
    """
    checks.frame(steps, "steps argument", columns=("scenario", "entity", "draw", "indicator", "level"),
                 allow_empty=True)
    threshold = float(checks.exact_number(threshold, "threshold argument"))
    plans = steps.attrs.get("plans", {})
    scen = list(steps.attrs.get("scenarios", dict.fromkeys(k[0] for k in plans)))
    over = scen if over is None else [checks.choice(s_, scen, "over argument")
                                                   for s_ in checks.collection(over, "over argument", allow_empty=False)]
    top = steps.groupby(["scenario", "entity", "draw", "indicator"], sort=False)["level"].max().reset_index()
    rows = []
    for e in dict.fromkeys(k[1] for k in plans):
        d = top[top["entity"] == e]
        total = sum(plans[(s_, e)] for s_ in over) or 1
        for i, g in d.groupby("indicator", sort=False):
            inside = g[g["scenario"].isin(over)]
            r = {"entity": e, "indicator": i, "level": int(np.median(inside["level"])) if len(inside) else
                 int(np.median(g["level"])), "share": len(inside) / total}
            for s_ in scen:
                r[f"share_{s_}"] = int((g["scenario"] == s_).sum()) / plans[(s_, e)]
            rows.append(r)
    cols = ["entity", "indicator", "level", "share"] + [f"share_{s_}" for s_ in scen]
    df = pd.DataFrame(rows, columns=cols)
    df["no_regret"] = df["share"] >= threshold - 1e-12
    if df.empty:
        return df
    df = df.sort_values(["entity", "share", "level"], ascending=[True, False, True], kind="stable")
    return df.reset_index(drop=True)
