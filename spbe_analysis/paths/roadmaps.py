"""Plans over several cycles: the exact multi-cycle roadmap (integer programme), its rolling-horizon
form, the greedy baseline, and the fewest cycles to a target.

Every rule of :mod:`spbe_analysis.paths.problem` holds in every cycle: a prerequisite is in place no
later than what needs it, and a dwell row ("held for d cycles") makes the dependent level count only
d cycles after its requirement was reached (or, for a start level, after ``held_since``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from .. import checks
from ..errors import DataError
from ..frameworks import Framework, as_framework
from ..official import min_units, official_value
from ..scoring import predicate
from .problem import InfeasibleTarget, Problem, build_problem, check_reachable, greedy_pick, indicator_key
from .single import allowed_steps, items_of
from .solver import solve


@dataclass(frozen=True)
class Roadmap:
    """``steps``: one row per (year, indicator) raised; ``summary``: one row per year with the
    budget, cost, weighted gain, official index, predicate and milestone; ``shared``: one row per
    shared one-off effort with the year it is taken and its cost."""

    steps: pd.DataFrame
    summary: pd.DataFrame
    objective: str
    shared: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["year", "item", "cost"]))


def roadmap_result(pb: Problem, level_t: np.ndarray, years: list[int], budgets: list[float],
                   milestones: Mapping[int, float], objective: str, items_t: Mapping[int, int] | None = None) -> Roadmap:
    """Tidy steps and yearly summary of a plan given as whole levels reached by the end of each year
    (``items_t``: shared item number -> year index it is taken).

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> pb = build_problem(as_framework("spbe2020"), {str(i): 4 for i in range(1, 48)})
    >>> roadmap_result(pb, pb.cur[None, :].copy(), [2027], [1.0], {}, "x").summary["index"].tolist()
    [4.0]
    """
    fw, q = pb.fw, pb.fw.level_step.denominator
    items_t = dict(items_t or {})
    steps, summary, shared = [], [], []
    prev_k = pb.k0.copy()
    prev_l = pb.cur.copy()
    for t, y in enumerate(years):
        cur_l = level_t[t]
        cur_k = np.where(cur_l > pb.cur, cur_l * q, pb.k0)
        cost_t = 0.0
        for p in np.nonzero(cur_l > prev_l)[0]:
            c_ = float(sum(pb.cost[pb.pos[(p, lv)]] for lv in range(int(prev_l[p]) + 1, int(cur_l[p]) + 1)))
            cost_t += c_
            steps.append({"year": y, "indicator": fw.ids[p], "aspect": int(fw.indicators.iloc[p]["aspect"]),
                          "from": float(prev_k[p] / q), "to": int(cur_l[p]), "cost": c_,
                          "contribution": float(fw.units[p] * (cur_k[p] - prev_k[p]) / fw.total_units / q)})
        for k, tk in items_t.items():
            if tk == t:
                shared.append({"year": y, "item": pb.items[k].name, "cost": float(pb.items[k].cost)})
                cost_t += float(pb.items[k].cost)
        idx = official_value(fw, int(fw.units @ cur_k))
        m = milestones.get(y)
        summary.append({"year": y, "budget": budgets[t], "cost": cost_t,
                        "gain": float(fw.units @ (cur_k - prev_k) / fw.total_units / q), "index": idx,
                        "predicate": predicate(idx, fw), "milestone": m if m is not None else np.nan,
                        "met": (idx >= m) if m is not None else pd.NA})
        prev_k, prev_l = cur_k, cur_l
    return Roadmap(steps=pd.DataFrame(steps, columns=["year", "indicator", "aspect", "from", "to", "cost",
                                                      "contribution"]),
                   summary=pd.DataFrame(summary), objective=objective,
                   shared=pd.DataFrame(shared, columns=["year", "item", "cost"]))


def years_budgets(years: Any, budgets: Any) -> tuple[list[int], list[float]]:
    """Validated roadmap years and one budget per year (infinite where there is none).

    Examples
    --------
    >>> years_budgets([2027, 2028], 3)
    ([2027, 2028], [3.0, 3.0])
    """
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


def milestone_targets(milestones: Any, years: list[int], fw: Framework) -> dict[int, float]:
    """Validated milestones {year: official index to reach by the end of that year}.

    Examples
    --------
    >>> milestone_targets({2028: 2.6}, [2027, 2028], as_framework("spbe2020"))
    {2028: 2.6}
    """
    out = {}
    for y, m in checks.mapping(milestones or {}, "milestones argument").items():
        if y not in years:
            raise DataError("milestones argument", f"years among {years}", column=y, value=y)
        min_units(fw, m, source=f"milestones argument [{y}]")   # validates the target
        out[y] = float(m)
    return out


def pace_units(pace: Any, fw: Framework, T: int) -> list[float]:
    """A yearly cap on the weighted gain, from index points per year to integer units."""
    if pace is None:
        return [np.inf] * T
    per = pace if isinstance(pace, (list, tuple, np.ndarray)) else [pace] * T
    if len(per) != T:
        raise DataError("pace argument", f"one number or {T} yearly values (index points per year)", value=len(per))
    q = fw.level_step.denominator
    return [float(checks.non_negative(p, "pace argument", column=k)) * fw.total_units * q for k, p in enumerate(per)]




def _lag_index(years: list[int], c: int) -> int | None:
    """Index of the last roadmap year at or before cycle ``c`` (None: before the roadmap)."""
    k = None
    for t, y in enumerate(years):
        if y <= c:
            k = t
    return k


def _frozen_by_year(frozen_by_year: Any, years: list[int], fw: Framework) -> dict:
    fby = {}
    for y, v in checks.mapping(frozen_by_year or {}, "frozen_by_year argument").items():
        if y not in years:
            raise DataError("frozen_by_year argument", f"years among {years}", column=y, value=y)
        fby[y] = {indicator_key(i, fw, f"frozen_by_year argument [{y}]")
                  for i in checks.collection(v, f"frozen_by_year argument [{y}]")}
    return fby


def roadmap(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, years: list[int],
            budgets: Any = None, milestones: Mapping[int, float] | None = None,
            max_steps_per_year: int | None = 1, cost: Any = None, frozen: Iterable[Any] = (),
            frozen_by_year: Mapping[int, Iterable[Any]] | None = None, max_level: Any = None,
            objective: str | None = None, prerequisites: Any = None, pace: Any = None,
            horizon: int | None = None, held_since: Mapping[Any, int] | None = None,
            shared: Iterable[Any] = ()) -> Roadmap:
    """A multi-cycle plan.

    Parameters
    ----------
    levels, framework, cost, frozen, max_level, prerequisites, shared
        As in :func:`spbe_analysis.paths.cheapest_path`. The start is the cycle before
        ``years[0]``; prerequisites hold in every cycle, and a dwell row makes a level count only
        ``min_years`` cycles after its requirement was reached.
    years : list of int
        The cycles planned, strictly increasing.
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
        year is decided by an exact plan of the next ``k`` years, then fixed.
    held_since : mapping {indicator: cycle}, optional
        Since when each start level has been held (unknown: reached in the start cycle).

    Returns
    -------
    Roadmap

    Raises
    ------
    InfeasibleTarget
        When the milestones cannot be met, naming the constraints.
    DataError
        For bad arguments.

    Examples
    --------
    >>> rm = roadmap({str(i): 2 for i in range(1, 48)}, "spbe2020", [2025, 2026], budgets=3)
    >>> rm.summary["index"].tolist()
    [2.09, 2.18]
    """
    fw = as_framework(framework)
    years, B = years_budgets(years, budgets)
    pb = build_problem(fw, levels, cost, frozen, max_level, prerequisites, max(years[0] - 1, 0), held_since, shared)
    T = len(years)
    P = pace_units(pace, fw, T)
    if horizon is not None:
        horizon = checks.count(horizon, "horizon argument", minimum=1)
        if horizon < T:
            return _rolling(pb, fw, years, B, pace, milestones, max_steps_per_year, cost, frozen,
                            frozen_by_year, max_level, objective, prerequisites, horizon, shared)
    milestones = milestone_targets(milestones, years, fw)
    if max_steps_per_year is not None:
        max_steps_per_year = checks.count(max_steps_per_year, "max_steps_per_year argument", minimum=1)
    fby = _frozen_by_year(frozen_by_year, years, fw)
    objective = objective or ("min_cost" if milestones else "max_progress")
    checks.choice(objective, ("min_cost", "max_progress"), "objective argument")
    for y, m in milestones.items():
        check_reachable(pb, min_units(fw, m), m, f" (milestone {y})")
    nb = len(pb.var)
    nv = nb * T

    def v(j: int, t: int) -> int:
        return t * nb + j

    data, ri, ci, lbs, ubs = [], [], [], [], []

    def add(coefs: dict[int, float], lb: float, ub: float) -> None:
        r = len(lbs)
        for j, a in coefs.items():
            if a:
                ri.append(r); ci.append(j); data.append(a)
        lbs.append(lb); ubs.append(ub)

    upper = np.ones(nv)
    first: dict[int, int] = {}
    for a, f, _ in pb.start_rules:
        first[a] = max(first.get(a, f), f)
    for t in range(T):
        for j, (p, lv) in enumerate(pb.var):
            if (p, lv - 1) in pb.pos:
                add({v(j, t): 1, v(pb.pos[(p, lv - 1)], t): -1}, -np.inf, 0)       # chain in levels
            if t > 0:
                add({v(j, t - 1): 1, v(j, t): -1}, -np.inf, 0)                        # no regression
            if j in pb.zero or years[t] < first.get(j, years[t]):
                upper[v(j, t)] = 0                                                    # blocked, or dwell from the start
        for a, b, d, _ in pb.links:                                                   # prerequisites and dwell
            k = _lag_index(years, years[t] - d)
            if k is None:
                upper[v(a, t)] = 0
            else:
                add({v(a, t): 1, v(b, k): -1}, -np.inf, 0)
        budget_row: dict[int, float] = {}
        gain_row: dict[int, float] = {}
        per_ind: dict[int, dict[int, float]] = {}
        for j, (p, lv) in enumerate(pb.var):
            new = {v(j, t): 1.0}
            if t > 0:
                new[v(j, t - 1)] = -1.0
            for k_, a in new.items():
                if p < fw.n:
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
    progress = -np.concatenate([pb.gain.astype(float)] * T)
    from scipy import sparse  # lazy: most pages never solve

    A = sparse.csr_matrix((data, (ri, ci)), shape=(len(lbs), nv))
    if nv == 0:
        x = np.zeros(0)
    else:
        first = cost_c if objective == "min_cost" else progress
        res = solve(first, A, lbs, ubs, upper)
        if res.status != 0:
            why = ("the yearly budgets, pace, one level per cycle, prerequisites and dwell times cannot meet the "
                   "milestones") if milestones else res.message
            raise InfeasibleTarget("milestones argument", f"milestones reachable under the constraints: {why}",
                                   value=milestones)
        # second stage: among the optimal plans, the one that gains earlier (min_cost) or costs
        # least (max_progress), the first objective held at its optimum
        second = progress if objective == "min_cost" else cost_c
        best = float(res.fun)
        res2 = solve(second, sparse.vstack([A, sparse.csr_matrix(first)]), lbs + [-np.inf],
                     ubs + [best + 1e-7 * max(1.0, abs(best))], upper)
        x = res2.x if res2.status == 0 else res.x
    level_t = np.repeat(pb.cur[None, :], T, axis=0)
    items_t: dict[int, int] = {}
    for t in range(T):
        for j, (p, lv) in enumerate(pb.var):
            if x[v(j, t)] > 0.5:
                if p < fw.n:
                    level_t[t, p] = max(level_t[t, p], lv)
                else:
                    items_t.setdefault(p - fw.n, t)
    return roadmap_result(pb, level_t, years, B, milestones, objective, items_t)


def _rolling(pb: Problem, fw: Framework, years: list[int], B: list[float], pace: Any,
             milestones: Any, max_steps_per_year: Any, cost: Any, frozen: Any, frozen_by_year: Any, max_level: Any,
             objective: Any, prerequisites: Any, horizon: int, shared: Any) -> Roadmap:
    """Rolling-horizon roadmap: plan ``horizon`` years exactly, keep the first, move on. The cycle
    each level was reached carries over, so dwell rows hold across windows."""
    q = fw.level_step.denominator
    pace_l = pace if isinstance(pace, (list, tuple, np.ndarray)) else [pace] * len(years)
    state = pd.Series(pb.k0 / q if q != 1 else pb.k0, index=list(fw.ids))
    since = {i: int(pb.since[p]) for p, i in enumerate(fw.ids)}
    whole = pb.cur.copy()
    level_t = np.empty((len(years), fw.n), dtype=np.int64)
    ms = dict(milestones or {})
    bought: dict[int, int] = {}
    names = [it.name for it in pb.items]
    for t in range(len(years)):
        win = years[t:t + horizon]
        left = [it for k, it in enumerate(pb.items) if k not in bought]
        sub = roadmap(state.to_dict(), fw, win, budgets=[B[t + k] for k in range(len(win))]
                      if all(np.isfinite(B[t:t + len(win)])) else None, milestones={y: m for y, m in ms.items() if y in win},
                      max_steps_per_year=max_steps_per_year, cost=cost, frozen=frozen,
                      frozen_by_year={y: v for y, v in (frozen_by_year or {}).items() if y in win}, max_level=max_level,
                      objective=objective, prerequisites=prerequisites,
                      pace=None if pace is None else list(pace_l[t:t + len(win)]), held_since=since, shared=left)
        for r in sub.steps[sub.steps["year"] == win[0]].itertuples():
            p = fw.ids.index(r.indicator)
            whole[p] = max(int(whole[p]), int(r.to))
            state[r.indicator] = float(r.to)
            since[r.indicator] = win[0]
        for r in sub.shared[sub.shared["year"] == win[0]].itertuples():
            bought[names.index(r.item)] = t
        level_t[t] = whole
    return roadmap_result(pb, level_t, years, B, dict(ms), (objective or ("min_cost" if ms else "max_progress"))
                          + f" (rolling {horizon})", bought)


def greedy_roadmap(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, years: list[int],
                   budgets: Any = None, max_steps_per_year: int | None = 1, cost: Any = None,
                   prerequisites: Any = None, pace: Any = None, frozen: Iterable[Any] = (),
                   held_since: Mapping[Any, int] | None = None, shared: Iterable[Any] = ()) -> Roadmap:
    """Baseline for :func:`roadmap` (max_progress).

    Each year, take the allowed level steps in order of index gain per cost (a shared item not yet
    bought counts in the cost) while the year's budget, pace and per-indicator step limit allow;
    prerequisites and dwell rows are met in order.

    Parameters
    ----------
    levels : mapping or Series
    framework : Framework or str
    years : list of int
    budgets, max_steps_per_year, cost, prerequisites, pace, frozen, held_since, shared
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
    years, B = years_budgets(years, budgets)
    pb = build_problem(fw, levels, cost, frozen, None, prerequisites, max(years[0] - 1, 0), held_since, shared)
    P = pace_units(pace, fw, len(years))
    if max_steps_per_year is not None:
        max_steps_per_year = checks.count(max_steps_per_year, "max_steps_per_year argument", minimum=1)
    level_now = pb.cur.copy()
    taken: dict[int, int] = {}
    items_t: dict[int, int] = {}
    level_t = np.empty((len(years), fw.n), dtype=np.int64)
    for t, (b, pc) in enumerate(zip(B, P)):
        left, room, per = b, pc, np.zeros(fw.n, dtype=np.int64)
        while True:
            extra = {}
            cand = []
            for j in allowed_steps(pb, level_now, taken, years[t]):
                # a same-cycle requirement (d = 0) counts once taken this year
                extra[j] = float(sum(pb.cost[x] for x in items_of(pb, j, taken)))
                if (pb.cost[j] + extra[j] <= left + 1e-9 and pb.gain[j] <= room + 1e-9
                        and (max_steps_per_year is None or per[pb.var[j][0]] < max_steps_per_year)):
                    cand.append(j)
            if not cand:
                break
            j = greedy_pick(pb, cand, extra)
            for x in items_of(pb, j, taken):
                taken[x] = years[t]
                items_t[pb.var[x][0] - fw.n] = t
            taken[j] = years[t]
            p = pb.var[j][0]
            level_now[p] += 1
            per[p] += 1
            left -= pb.cost[j] + extra[j]
            room -= pb.gain[j]
        level_t[t] = level_now
    return roadmap_result(pb, level_t, years, B, {}, "greedy", items_t)


__all__ = ["Roadmap", "greedy_roadmap", "milestone_targets", "pace_units", "roadmap", "roadmap_result",
           "years_budgets"]
