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

import math
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp

from . import checks
from .errors import DataError
from .frameworks import Framework
from .official import as_framework, min_units, official_value
from .scoring import levels_vector, predicate


class InfeasibleTarget(DataError):
    """The target cannot be reached under the constraints; the message says why."""


# ----------------------------------------------------------------------------- costs
def cost_matrix(fw: Framework | str, cost: Any = None) -> np.ndarray:
    """Cost of each level step as an (indicators x levels) array: ``C[i, l]`` is the cost of
    raising indicator i *to* level ``level_min + l`` (column 0 is unused).

    ``cost`` may be None (1 per step), a number (same for every step), a mapping
    indicator -> cost per step, a DataFrame (index: indicator ids, columns: levels), or a
    callable ``(indicator, level) -> cost``. Costs must be positive and finite.

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
    """An example cost table where higher levels cost more: reaching level l costs
    ``base * (l - 1)`` (1 for level 2, 2 for level 3, ... 4 for level 5)."""
    fw = as_framework(fw)
    base = checks.positive(base, "base argument")
    levels = list(range(fw.level_min, fw.level_max + 1))
    return pd.DataFrame([[base * max(lv - 1, 1) for lv in levels] for _ in fw.ids], index=list(fw.ids), columns=levels)


# ----------------------------------------------------------------------------- helpers
def min_units_for(fw: Framework | str, target: float, units: int | None = None) -> int:
    """Smallest integer weighted sum N whose official value is at least ``target`` (see
    :func:`spbe_analysis.official.min_units`)."""
    return min_units(as_framework(fw), target, units)


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


def _caps(fw: Framework, k0: np.ndarray, frozen: Iterable[Any], max_level: Any) -> np.ndarray:
    cap = np.full(fw.n, fw.level_max, dtype=np.int64)
    if isinstance(max_level, (Mapping, pd.Series)):
        for key, v in checks.mapping(max_level, "max_level argument").items():
            cap[fw.ids.index(_id(key, fw, "max_level argument"))] = _whole_level(v, fw, "max_level argument", key)
    elif max_level is not None:
        cap[:] = _whole_level(max_level, fw, "max_level argument")
    for key in checks.collection(frozen, "frozen argument"):
        k = _id(key, fw, "frozen argument")
        cap[fw.ids.index(k)] = k0[fw.ids.index(k)]
    return np.maximum(cap, k0)


def _spbe(framework: Framework | str) -> Framework:
    fw = as_framework(framework)
    if fw.level_step != 1:
        raise DataError("framework argument", "a framework with whole capability levels for path planning "
                        "(PEMDI paths run on whole-level steps from the crosswalk)", value=fw.name)
    return fw


@dataclass(frozen=True)
class Plan:
    """A set of level increases. ``steps``: one row per raised indicator (``indicator``,
    ``from``, ``to``, ``steps``, ``cost``, ``contribution`` in index points)."""

    steps: pd.DataFrame
    index_before: float
    index_after: float
    target: float
    total_cost: float
    total_steps: int
    method: str
    levels_after: pd.Series = field(repr=False, default=None)


def _plan(fw: Framework, k0: np.ndarray, k1: np.ndarray, C: np.ndarray, target: float, method: str) -> Plan:
    rows = []
    for p, i in enumerate(fw.ids):
        if k1[p] > k0[p]:
            c = float(C[p, k0[p] + 1 - fw.level_min:k1[p] + 1 - fw.level_min].sum())
            rows.append({"indicator": i, "aspect": int(fw.indicators.loc[i, "aspect"]),
                         "domain": int(fw.indicators.loc[i, "domain"]), "from": int(k0[p]), "to": int(k1[p]),
                         "steps": int(k1[p] - k0[p]), "cost": c,
                         "contribution": float(fw.units[p] * (k1[p] - k0[p]) / fw.total_units)})
    df = pd.DataFrame(rows, columns=["indicator", "aspect", "domain", "from", "to", "steps", "cost", "contribution"])
    return Plan(steps=df, index_before=_official(fw, int(fw.units @ k0)), index_after=_official(fw, int(fw.units @ k1)),
                target=target, total_cost=float(df["cost"].sum()), total_steps=int(df["steps"].sum()), method=method,
                levels_after=pd.Series(k1, index=pd.Index(fw.ids, name="indicator"), name="level"))


def _check_reachable(fw: Framework, k0: np.ndarray, cap: np.ndarray, need: int, target: float, why: str = "") -> None:
    best = int(fw.units @ cap)
    if best < need:
        n_frozen = int((cap < fw.level_max).sum())
        extra = f" with {n_frozen} indicator(s) frozen or capped" if n_frozen else ""
        raise InfeasibleTarget("target argument", f"a reachable target: even every indicator at its highest "
                               f"allowed level{extra}{why} reaches only {_official(fw, best):.2f}", value=target)


# ----------------------------------------------------------------------------- one target
def cheapest_path(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, target: float,
                  cost: Any = None, frozen: Iterable[Any] = (), max_level: Any = None) -> Plan:
    """The cheapest set of level increases that lifts the *official* index to ``target``.

    ``frozen``: indicators that cannot move; ``max_level``: a cap for all (int) or per
    indicator (mapping). Raises :class:`InfeasibleTarget` (a DataError) saying how far the
    constraints allow the index to go when the target is out of reach.
    """
    fw = _spbe(framework)
    k0 = levels_vector(levels, fw)
    C = cost_matrix(fw, cost)
    cap = _caps(fw, k0, frozen, max_level)
    need = min_units(fw, target)
    n0 = int(fw.units @ k0)
    if n0 >= need:
        return _plan(fw, k0, k0.copy(), C, target, "milp")
    _check_reachable(fw, k0, cap, need, target)
    var = [(p, lv) for p in range(fw.n) for lv in range(int(k0[p]) + 1, int(cap[p]) + 1)]
    nv = len(var)
    u = np.array([fw.units[p] for p, _ in var], dtype=float)
    c = np.array([C[p, lv - fw.level_min] for p, lv in var])
    rows, lbs, ubs = [u], [need - n0], [np.inf]
    pos = {v: j for j, v in enumerate(var)}
    for j, (p, lv) in enumerate(var):
        if (p, lv - 1) in pos:
            r = np.zeros(nv)
            r[j], r[pos[(p, lv - 1)]] = 1, -1
            rows.append(r); lbs.append(-np.inf); ubs.append(0)
    A = np.vstack(rows)
    cons = LinearConstraint(A, lbs, ubs)
    integ = np.ones(nv)
    if np.allclose(c, np.round(c)):
        # integer costs: one solve, cost first and index gain as a tie-break worth less than one
        # cost unit in total (eps * sum(u) < 1), so the cost optimum is never traded away
        eps = 1.0 / (float(u.sum()) + 1.0)
        res = milp(c - eps * u, integrality=integ, bounds=Bounds(0, 1), constraints=cons)
        if res.status != 0:
            raise InfeasibleTarget("target argument", f"a target the solver can reach (HiGHS: {res.message})",
                                   value=target)
        x = res.x
    else:
        res = milp(c, integrality=integ, bounds=Bounds(0, 1), constraints=cons)
        if res.status != 0:
            raise InfeasibleTarget("target argument", f"a target the solver can reach (HiGHS: {res.message})",
                                   value=target)
        best = float(res.fun)
        # second stage: same cost (within tolerance), largest index gain
        cons2 = [cons, LinearConstraint(c[None, :], -np.inf, best + 1e-6 * max(1.0, abs(best)))]
        res2 = milp(-u, integrality=integ, bounds=Bounds(0, 1), constraints=cons2)
        x = res2.x if res2.status == 0 else res.x
    k1 = k0.copy()
    for j, (p, lv) in enumerate(var):
        if x[j] > 0.5:
            k1[p] = max(k1[p], lv)
    return _plan(fw, k0, k1, C, target, "milp")


def greedy_path(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, target: float,
                cost: Any = None, frozen: Iterable[Any] = (), max_level: Any = None) -> Plan:
    """Transparent baseline: repeatedly take the next level step with the largest index gain
    per unit of cost (ties: larger gain, then framework order) until the target is reached."""
    fw = _spbe(framework)
    k0 = levels_vector(levels, fw)
    C = cost_matrix(fw, cost)
    cap = _caps(fw, k0, frozen, max_level)
    need = min_units(fw, target)
    k = k0.copy()
    n = int(fw.units @ k)
    if n < need:
        _check_reachable(fw, k0, cap, need, target)
    while n < need:
        open_ = np.nonzero(k < cap)[0]
        nxt = C[open_, k[open_] + 1 - fw.level_min]
        ratio = fw.units[open_] / nxt
        order = np.lexsort((open_, -fw.units[open_], -ratio))
        p = open_[order[0]]
        k[p] += 1
        n += int(fw.units[p])
    return _plan(fw, k0, k, C, target, "greedy")


# ----------------------------------------------------------------------------- roadmaps
@dataclass(frozen=True)
class Roadmap:
    """``steps``: one row per (year, indicator) raised; ``summary``: one row per year with the
    budget, cost, official index, predicate and milestone."""

    steps: pd.DataFrame
    summary: pd.DataFrame
    objective: str


def _roadmap_result(fw: Framework, k0: np.ndarray, level_t: np.ndarray, C: np.ndarray, years: list[int],
                    budgets: list[float], milestones: Mapping[int, float], objective: str) -> Roadmap:
    """Tidy steps and yearly summary of a plan given as levels at the end of each year."""
    steps, summary = [], []
    prev = k0
    for t, y in enumerate(years):
        cur = level_t[t]
        cost_t = 0.0
        for p in np.nonzero(cur > prev)[0]:
            c_ = float(C[p, prev[p] + 1 - fw.level_min:cur[p] + 1 - fw.level_min].sum())
            cost_t += c_
            steps.append({"year": y, "indicator": fw.ids[p], "aspect": int(fw.indicators.iloc[p]["aspect"]),
                          "from": int(prev[p]), "to": int(cur[p]), "cost": c_,
                          "contribution": float(fw.units[p] * (cur[p] - prev[p]) / fw.total_units)})
        idx = _official(fw, int(fw.units @ cur))
        m = milestones.get(y)
        summary.append({"year": y, "budget": budgets[t], "cost": cost_t, "index": idx, "predicate": predicate(idx, fw),
                        "milestone": m if m is not None else np.nan,
                        "met": (idx >= m) if m is not None else pd.NA})
        prev = cur
    return Roadmap(steps=pd.DataFrame(steps, columns=["year", "indicator", "aspect", "from", "to", "cost",
                                                      "contribution"]),
                   summary=pd.DataFrame(summary), objective=objective)


def _years_budgets(years: Any, budgets: Any) -> tuple[list[int], list[float]]:
    ys = checks.collection(years, "years argument", allow_empty=False)
    ys = [checks.count(y, f"years argument [{k}]", minimum=0) for k, y in enumerate(ys)]
    if any(b <= a for a, b in zip(ys, ys[1:])):
        raise DataError("years argument", "strictly increasing years", value=ys)
    T = len(ys)
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


def roadmap(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, years: list[int],
            budgets: float | Mapping[int, float] | list[float], milestones: Mapping[int, float] | None = None,
            max_steps_per_year: int | None = 1, cost: Any = None, frozen: Iterable[Any] = (),
            frozen_by_year: Mapping[int, Iterable[Any]] | None = None, max_level: Any = None,
            objective: str | None = None) -> Roadmap:
    """A multi-year plan: yearly budgets (in cost units), at most ``max_steps_per_year`` new
    levels per indicator per year (None = no limit), optional milestones (official index to
    reach by the end of a year), no regression.

    ``objective``: "min_cost" (cheapest plan meeting the milestones; the default when there
    are milestones) or "max_progress" (largest sum over the years of the index, i.e. as much
    and as early as the budgets allow; the default otherwise).
    """
    fw = _spbe(framework)
    k0 = levels_vector(levels, fw)
    C = cost_matrix(fw, cost)
    cap = _caps(fw, k0, frozen, max_level)
    years, B = _years_budgets(years, budgets)
    T = len(years)
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
    n0 = int(fw.units @ k0)
    for y, m in milestones.items():
        _check_reachable(fw, k0, cap, min_units(fw, m), m, f" (milestone {y})")
    var = [(p, lv, t) for t in range(T) for p in range(fw.n) for lv in range(int(k0[p]) + 1, int(cap[p]) + 1)]
    pos = {v: j for j, v in enumerate(var)}
    nv = len(var)
    rows, lbs, ubs = [], [], []

    def add(coefs: dict[int, float], lb: float, ub: float) -> None:
        r = np.zeros(nv)
        for j, a in coefs.items():
            r[j] += a
        rows.append(r); lbs.append(lb); ubs.append(ub)

    for (p, lv, t), j in pos.items():
        if (p, lv - 1, t) in pos:                       # chain in levels
            add({j: 1, pos[(p, lv - 1, t)]: -1}, -np.inf, 0)
        if t > 0:                                       # no regression
            add({pos[(p, lv, t - 1)]: 1, j: -1}, -np.inf, 0)
    for t in range(T):
        budget_row: dict[int, float] = {}
        for p in range(fw.n):
            lv_range = range(int(k0[p]) + 1, int(cap[p]) + 1)
            if not lv_range:
                continue
            new = {pos[(p, lv, t)]: 1.0 for lv in lv_range}
            if t > 0:
                for lv in lv_range:
                    new[pos[(p, lv, t - 1)]] = new.get(pos[(p, lv, t - 1)], 0) - 1.0
            if max_steps_per_year is not None:
                add(new, -np.inf, max_steps_per_year)
            if fw.ids[p] in fby.get(years[t], set()):
                add(new, 0, 0)
            for lv in lv_range:
                budget_row[pos[(p, lv, t)]] = budget_row.get(pos[(p, lv, t)], 0) + C[p, lv - fw.level_min]
                if t > 0:
                    budget_row[pos[(p, lv, t - 1)]] = budget_row.get(pos[(p, lv, t - 1)], 0) - C[p, lv - fw.level_min]
        add(budget_row, -np.inf, B[t])
        if years[t] in milestones:
            add({pos[(p, lv, t)]: float(fw.units[p]) for (p, lv, tt) in var if tt == t},
                min_units(fw, milestones[years[t]]) - n0, np.inf)
    if objective == "min_cost":
        c = np.zeros(nv)
        for (p, lv, t), j in pos.items():
            c[j] += C[p, lv - fw.level_min]
            if t > 0:
                c[pos[(p, lv, t - 1)]] -= C[p, lv - fw.level_min]
    else:
        c = -np.array([float(fw.units[p]) for (p, lv, t) in var])
    if nv == 0:
        x = np.zeros(0)
    else:
        A = np.vstack(rows) if rows else np.zeros((0, nv))
        res = milp(c, integrality=np.ones(nv), bounds=Bounds(0, 1),
                   constraints=LinearConstraint(A, lbs, ubs) if rows else None)
        if res.status != 0:
            why = "the yearly budgets and step limits cannot meet the milestones" if milestones else res.message
            raise InfeasibleTarget("milestones argument", f"milestones reachable under the constraints: {why}",
                                   value=milestones)
        x = res.x
    level_t = np.repeat(k0[None, :], T, axis=0)
    for j, (p, lv, t) in enumerate(var):
        if x[j] > 0.5:
            level_t[t, p] = max(level_t[t, p], lv)
    return _roadmap_result(fw, k0, level_t, C, years, B, milestones, objective)


def greedy_roadmap(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, years: list[int],
                   budgets: float | list[float], max_steps_per_year: int | None = 1, cost: Any = None) -> Roadmap:
    """Baseline for :func:`roadmap` (max_progress): each year, take level steps in order of
    index gain per cost while the year's budget and the per-indicator step limit allow."""
    fw = _spbe(framework)
    k = levels_vector(levels, fw).copy()
    C = cost_matrix(fw, cost)
    years, B = _years_budgets(years, budgets)
    if max_steps_per_year is not None:
        max_steps_per_year = checks.count(max_steps_per_year, "max_steps_per_year argument", minimum=1)
    k0 = k.copy()
    level_t = np.empty((len(years), fw.n), dtype=np.int64)
    for t, b in enumerate(B):
        left, taken = b, np.zeros(fw.n, dtype=np.int64)
        while True:
            ok = (k < fw.level_max) & ((taken < max_steps_per_year) if max_steps_per_year else True)
            idx = np.nonzero(ok)[0]
            if len(idx) == 0:
                break
            nxt = C[idx, k[idx] + 1 - fw.level_min]
            afford = nxt <= left + 1e-9
            if not afford.any():
                break
            idx, nxt = idx[afford], nxt[afford]
            order = np.lexsort((idx, -fw.units[idx], -(fw.units[idx] / nxt)))
            p = idx[order[0]]
            left -= C[p, k[p] + 1 - fw.level_min]
            k[p] += 1
            taken[p] += 1
        level_t[t] = k
    return _roadmap_result(fw, k0, level_t, C, years, B, {}, "greedy")


def _uniform_step_cost(fw: Framework, cost: Any) -> float | None:
    """The common cost of every level step, or None when costs differ between steps."""
    C = cost_matrix(fw, cost)[:, 1:]
    return float(C.flat[0]) if np.all(C == C.flat[0]) else None


def years_to_target(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, target: float,
                    budget_per_year: float, max_years: int = 10, max_steps_per_year: int | None = 1,
                    cost: Any = None, frozen: Iterable[Any] = (), method: str = "auto") -> int | None:
    """Fewest years in which a roadmap can lift the official index to ``target`` under a
    constant yearly budget (None when not within ``max_years``; 0 when already there).

    ``method="milp"`` solves a roadmap for T = 1, 2, ... years. With one cost for every step
    and at most one level per indicator per year, ``"auto"`` uses an exact shortcut: in T years
    any plan with at most T steps per indicator and at most T * floor(budget / cost) steps in
    all can be scheduled (wrap-around assignment of steps to years), so the best index within
    T years takes the largest-weight step slots first. Tests check it against the MILP.
    """
    fw = _spbe(framework)
    k0 = levels_vector(levels, fw)
    need = min_units(fw, target)
    budget_per_year = checks.positive(budget_per_year, "budget_per_year argument")
    max_years = checks.count(max_years, "max_years argument", minimum=1, maximum=100)
    if max_steps_per_year is not None:
        max_steps_per_year = checks.count(max_steps_per_year, "max_steps_per_year argument", minimum=1)
    checks.choice(method, ("auto", "milp"), "method argument")
    if int(fw.units @ k0) >= need:
        return 0
    cap = _caps(fw, k0, frozen, None)
    _check_reachable(fw, k0, cap, need, target)
    unit = _uniform_step_cost(fw, cost)
    if method == "auto" and unit is not None and max_steps_per_year == 1:
        per_year = int(math.floor(budget_per_year / unit + 1e-9))
        head = cap - k0
        order = np.argsort(-fw.units, kind="stable")
        for T in range(1, max_years + 1):
            slots, gain = T * per_year, 0
            for p in order:
                take = min(int(head[p]), T, slots)
                gain += take * int(fw.units[p])
                slots -= take
                if slots == 0:
                    break
            if int(fw.units @ k0) + gain >= need:
                return T
        return None
    for T in range(1, max_years + 1):
        try:
            roadmap(levels, fw, list(range(T)), budget_per_year, milestones={T - 1: target},
                    max_steps_per_year=max_steps_per_year, cost=cost, frozen=frozen)
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

    Examples
    --------
    >>> svc = SharedService("data centre", {"16": 4}, 3)
    >>> int(apply_service({str(i): 2 for i in range(1, 48)}, "spbe2020", svc)["16"])
    4
    """
    fw = _spbe(framework)
    k = pd.Series(levels_vector(levels, fw), index=pd.Index(fw.ids, name="indicator"))
    for i, lv in _check_service(service, fw).items():
        k[i] = max(int(k[i]), lv)
    return k


def compare_shared_service(profiles: Mapping[str, Mapping[Any, Any] | pd.Series], framework: Framework | str,
                           service: SharedService, target: float, cost: Any = None,
                           budget_per_year: float | None = None, max_years: int = 10) -> pd.DataFrame:
    """Each regency alone against all together with the shared service.

    One row per regency: ``cost_alone`` (cheapest path to ``target`` on its own),
    ``cost_with_service`` (its remaining cheapest path once the service lifted the named
    indicators), and, with a yearly budget, ``years_alone`` / ``years_with_service``. The
    province's one-off cost is in the attribute ``service_cost`` of the result (``df.attrs``).
    """
    fw = _spbe(framework)
    _check_service(service, fw)
    min_units(fw, target)
    if budget_per_year is not None:
        checks.positive(budget_per_year, "budget_per_year argument")
    rows = []
    for e, lv in checks.mapping(profiles, "profiles argument", allow_empty=False).items():
        alone = cheapest_path(lv, fw, target, cost=cost)
        lifted = apply_service(lv, fw, service)
        together = cheapest_path(lifted, fw, target, cost=cost)
        r = {"entity": e, "cost_alone": alone.total_cost, "cost_with_service": together.total_cost,
             "steps_alone": alone.total_steps, "steps_with_service": together.total_steps}
        if budget_per_year is not None:
            r["years_alone"] = years_to_target(lv, fw, target, budget_per_year, max_years, cost=cost)
            r["years_with_service"] = years_to_target(lifted, fw, target, budget_per_year, max_years, cost=cost)
        rows.append(r)
    df = pd.DataFrame(rows).set_index("entity")
    df.attrs["service_cost"] = float(service.cost)
    df.attrs["service"] = service.name
    return df


# ----------------------------------------------------------------------------- ensembles
def plan_ensemble(levels: pd.DataFrame, framework: Framework | str, target: float, cost: Any = None,
                  method: str = "milp", frozen: Iterable[Any] = ()) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Cheapest path (or greedy, ``method="greedy"``) for every profile (row) of ``levels``.

    Returns ``(summary, steps)``: per draw the total steps, total cost and official index
    after; and a (draws x indicators) matrix of level steps taken on each indicator.
    Draws already at or above the target get an empty plan (0 steps)."""
    fw = _spbe(framework)
    checks.choice(method, ("milp", "greedy"), "method argument")
    checks.frame(levels, "levels argument")
    fn = cheapest_path if method == "milp" else greedy_path
    C = pd.DataFrame(cost_matrix(fw, cost), index=list(fw.ids), columns=range(fw.level_min, fw.level_max + 1))
    summ, steps = [], []
    for d, row in levels.iterrows():
        p = fn(row, fw, target, cost=C, frozen=frozen)
        summ.append({"draw": d, "steps": p.total_steps, "cost": p.total_cost, "index_before": p.index_before,
                     "index_after": p.index_after})
        s = pd.Series(0, index=pd.Index(fw.ids, name="indicator"), dtype="int64")
        if len(p.steps):
            s.loc[p.steps["indicator"].to_list()] = p.steps["steps"].to_numpy()
        steps.append(s)
    return pd.DataFrame(summ).set_index("draw"), pd.DataFrame(steps, index=levels.index)


def step_shares(steps: pd.DataFrame, framework: Framework | str, by: str = "aspect") -> pd.Series:
    """Share of all level steps of a (draws x indicators) step matrix that fall in each aspect
    (or domain); every group listed, zeros included; all zeros when no step is taken."""
    fw = _spbe(framework)
    checks.choice(by, ("aspect", "domain"), "by argument")
    tot = steps.sum(axis=0).groupby(fw.indicators[by]).sum().reindex(fw.groups(by), fill_value=0).astype(float)
    return tot / tot.sum() if tot.sum() > 0 else tot


def roadmap_ensemble(levels_by_entity: Mapping[str, pd.DataFrame], framework: Framework | str, years: list[int],
                     budgets: Any, start_year: int, draws: int | None = None, cost: Any = None,
                     max_steps_per_year: int | None = 1) -> pd.DataFrame:
    """The max-progress :func:`roadmap` of every profile (the first ``draws`` of each entity).

    Returns one row per (entity, draw, year), starting with ``start_year`` at the profile's own
    official index: ``entity``, ``draw``, ``year``, ``index``."""
    fw = _spbe(framework)
    if draws is not None:
        draws = checks.count(draws, "draws argument", minimum=1)
    start_year = checks.count(start_year, "start_year argument", minimum=0)
    rows = []
    for e, lv in checks.mapping(levels_by_entity, "levels_by_entity argument", allow_empty=False).items():
        sub = checks.frame(lv, f"levels_by_entity argument [{e}]")
        for d, row in (sub if draws is None else sub.head(draws)).iterrows():
            rm = roadmap(row, fw, years, budgets, max_steps_per_year=max_steps_per_year, cost=cost)
            rows.append({"entity": e, "draw": d, "year": start_year,
                         "index": official_value(fw, int(fw.units @ levels_vector(row, fw)))})
            rows += [{"entity": e, "draw": d, "year": int(r.year), "index": float(r.index)} for r in rm.summary.itertuples()]
    return pd.DataFrame(rows, columns=["entity", "draw", "year", "index"])


def first_years(trajectories: pd.DataFrame, targets: Mapping[str, float]) -> pd.DataFrame:
    """First year in which each (entity, draw) trajectory reaches each target (NA when it does
    not within the horizon). One row per (entity, draw), one column per target name."""
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
                            budget_per_year: float | None = None, max_years: int = 10) -> pd.DataFrame:
    """:func:`compare_shared_service` on the first ``draws`` joint profiles (draw d of every entity).

    One row per (draw, entity) with ``cost_alone``, ``cost_with_service``, steps and (with a
    yearly budget) years; ``df.attrs`` carries the service's one-off cost."""
    fw = _spbe(framework)
    draws = checks.count(draws, "draws argument", minimum=1)
    lv = checks.mapping(levels_by_entity, "levels_by_entity argument", allow_empty=False)
    n = min(len(v) for v in lv.values())
    frames = []
    for d in range(min(draws, n)):
        prof = {e: v.iloc[d] for e, v in lv.items()}
        frames.append(compare_shared_service(prof, fw, service, target, cost=cost, budget_per_year=budget_per_year,
                                             max_years=max_years).assign(draw=d))
    df = pd.concat(frames).reset_index()
    df.attrs.update(service_cost=float(service.cost), service=service.name)
    return df


def compare_greedy(levels_by_entity: Mapping[str, pd.DataFrame], framework: Framework | str, target: float,
                   cost: Any, draws: int) -> pd.DataFrame:
    """Cheapest path (MILP) against the greedy rule on the first ``draws`` profiles of each entity.

    One row per entity: ``milp`` and ``greedy`` median cost, ``ratio`` (mean greedy / MILP over
    the draws that need any step; NA when none does) and ``worse`` (share of those draws where
    greedy costs more)."""
    fw = _spbe(framework)
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
