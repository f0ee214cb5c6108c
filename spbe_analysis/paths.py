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

from .errors import DataError
from .frameworks import Framework, load_framework
from .scoring import _hundredths, levels_vector, predicate, round_half_up


class InfeasibleTarget(DataError):
    """The target cannot be reached under the constraints; the message says why."""


# ----------------------------------------------------------------------------- costs
def cost_matrix(fw: Framework, cost: Any = None) -> np.ndarray:
    """Cost of each level step as an (indicators x levels) array: ``C[i, l]`` is the cost of
    raising indicator i *to* level ``level_min + l`` (column 0 is unused).

    ``cost`` may be None (1 per step), a number (same for every step), a mapping
    indicator -> cost per step, a DataFrame (index: indicator ids, columns: levels), or a
    callable ``(indicator, level) -> cost``. Costs must be positive and finite.
    """
    levels = list(range(fw.level_min, fw.level_max + 1))
    C = np.ones((fw.n, len(levels)))
    if cost is None:
        pass
    elif isinstance(cost, (int, float)) and not isinstance(cost, bool):
        C[:] = float(cost)
    elif isinstance(cost, pd.DataFrame):
        for i_pos, i in enumerate(fw.ids):
            if i not in cost.index:
                raise DataError("cost argument", "a row for every indicator", column=i)
            for l_pos, lv in enumerate(levels[1:], start=1):
                if lv not in cost.columns:
                    raise DataError("cost argument", f"a column for level {lv}", row=i, column=lv)
                C[i_pos, l_pos] = float(cost.loc[i, lv])
    elif isinstance(cost, Mapping):
        for key, v in cost.items():
            k = str(key)
            if k not in fw.indicators.index:
                raise DataError("cost argument", f"an indicator of {fw.name}", column=key)
            C[fw.ids.index(k), :] = float(v)
    elif callable(cost):
        for i_pos, i in enumerate(fw.ids):
            for l_pos, lv in enumerate(levels):
                C[i_pos, l_pos] = float(cost(i, lv)) if l_pos > 0 else 1.0
    else:
        raise DataError("cost argument", "None, a number, a mapping, a DataFrame or a callable", value=type(cost).__name__)
    C[:, 0] = 1.0
    if not np.isfinite(C).all() or (C <= 0).any():
        bad = np.argwhere(~np.isfinite(C) | (C <= 0))[0]
        raise DataError("cost argument", "positive, finite costs", row=fw.ids[bad[0]], column=levels[bad[1]],
                        value=C[bad[0], bad[1]])
    return C


def escalating_costs(fw: Framework | str, base: float = 1.0) -> pd.DataFrame:
    """An example cost table where higher levels cost more: reaching level l costs
    ``base * (l - 1)`` (1 for level 2, 2 for level 3, ... 4 for level 5)."""
    fw = load_framework(fw) if isinstance(fw, str) else fw
    levels = list(range(fw.level_min, fw.level_max + 1))
    return pd.DataFrame([[base * max(lv - 1, 1) for lv in levels] for _ in fw.ids], index=list(fw.ids), columns=levels)


# ----------------------------------------------------------------------------- helpers
def min_units_for(fw: Framework, target: float, units: int | None = None) -> int:
    """Smallest integer weighted sum N whose official value is at least ``target``."""
    h = int(round_half_up(target) * 100)
    U = fw.total_units if units is None else units
    p, q = fw.level_step.numerator, fw.level_step.denominator
    # official hundredths = (200 N p + q U) // (2 q U) >= h  <=>  200 N p >= 2 q U h - q U
    return math.ceil((2 * q * U * h - q * U) / (200 * p))


def _official(fw: Framework, n_units: int) -> float:
    return int(_hundredths(n_units, fw.total_units, fw.level_step)) / 100


def _caps(fw: Framework, k0: np.ndarray, frozen: Iterable[Any], max_level: Any) -> np.ndarray:
    cap = np.full(fw.n, fw.level_max, dtype=np.int64)
    if isinstance(max_level, Mapping):
        for key, v in max_level.items():
            cap[fw.ids.index(str(key))] = int(v)
    elif max_level is not None:
        cap[:] = int(max_level)
    for key in frozen or ():
        k = str(key)
        if k not in fw.indicators.index:
            raise DataError("frozen argument", f"an indicator of {fw.name}", column=key)
        cap[fw.ids.index(k)] = k0[fw.ids.index(k)]
    return np.maximum(cap, k0)


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
    fw = load_framework(framework) if isinstance(framework, str) else framework
    k0 = levels_vector(levels, fw)
    C = cost_matrix(fw, cost)
    cap = _caps(fw, k0, frozen, max_level)
    need = min_units_for(fw, target)
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
    fw = load_framework(framework) if isinstance(framework, str) else framework
    k0 = levels_vector(levels, fw)
    C = cost_matrix(fw, cost)
    cap = _caps(fw, k0, frozen, max_level)
    need = min_units_for(fw, target)
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
    fw = load_framework(framework) if isinstance(framework, str) else framework
    k0 = levels_vector(levels, fw)
    C = cost_matrix(fw, cost)
    cap = _caps(fw, k0, frozen, max_level)
    T = len(years)
    if isinstance(budgets, Mapping):
        B = [float(budgets[y]) for y in years]
    elif isinstance(budgets, (int, float)):
        B = [float(budgets)] * T
    else:
        B = [float(b) for b in budgets]
    if len(B) != T or any(b < 0 for b in B):
        raise DataError("budgets argument", f"{T} non-negative yearly budgets", value=budgets)
    milestones = dict(milestones or {})
    for y in milestones:
        if y not in years:
            raise DataError("milestones argument", f"years among {years}", value=y)
    objective = objective or ("min_cost" if milestones else "max_progress")
    if objective not in ("min_cost", "max_progress"):
        raise DataError("objective argument", "'min_cost' or 'max_progress'", value=objective)
    n0 = int(fw.units @ k0)
    for y, m in milestones.items():
        _check_reachable(fw, k0, cap, min_units_for(fw, m), m, f" (milestone {y})")
    var = [(p, lv, t) for t in range(T) for p in range(fw.n) for lv in range(int(k0[p]) + 1, int(cap[p]) + 1)]
    pos = {v: j for j, v in enumerate(var)}
    nv = len(var)
    rows, lbs, ubs = [], [], []

    def add(coefs: dict[int, float], lb: float, ub: float) -> None:
        r = np.zeros(nv)
        for j, a in coefs.items():
            r[j] += a
        rows.append(r); lbs.append(lb); ubs.append(ub)

    fby = {y: {str(i) for i in v} for y, v in (frozen_by_year or {}).items()}
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
                min_units_for(fw, milestones[years[t]]) - n0, np.inf)
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
    fw = load_framework(framework) if isinstance(framework, str) else framework
    k = levels_vector(levels, fw).copy()
    C = cost_matrix(fw, cost)
    B = [float(budgets)] * len(years) if isinstance(budgets, (int, float)) else [float(b) for b in budgets]
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
    fw = load_framework(framework) if isinstance(framework, str) else framework
    k0 = levels_vector(levels, fw)
    need = min_units_for(fw, target)
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


def apply_service(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, service: SharedService) -> pd.Series:
    fw = load_framework(framework) if isinstance(framework, str) else framework
    k = pd.Series(levels_vector(levels, fw), index=pd.Index(fw.ids, name="indicator"))
    for i, lv in service.levels.items():
        i = str(i)
        if i not in k.index:
            raise DataError("service argument", f"an indicator of {fw.name}", column=i)
        k[i] = max(int(k[i]), int(lv))
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
    fw = load_framework(framework) if isinstance(framework, str) else framework
    rows = []
    for e, lv in profiles.items():
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
    fw = load_framework(framework) if isinstance(framework, str) else framework
    fn = cheapest_path if method == "milp" else greedy_path
    summ, steps = [], []
    for d, row in levels.iterrows():
        p = fn(row, fw, target, cost=cost, frozen=frozen)
        summ.append({"draw": d, "steps": p.total_steps, "cost": p.total_cost, "index_before": p.index_before,
                     "index_after": p.index_after})
        s = pd.Series(0, index=pd.Index(fw.ids, name="indicator"), dtype="int64")
        if len(p.steps):
            s.loc[p.steps["indicator"].to_list()] = p.steps["steps"].to_numpy()
        steps.append(s)
    return pd.DataFrame(summ).set_index("draw"), pd.DataFrame(steps, index=levels.index)
