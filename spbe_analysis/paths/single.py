"""Plans for one cycle: the cheapest set of level increases that lifts the official index to a
target (integer programme), and the transparent greedy baseline.

Targets are *official* values: the rounded index must reach the target, i.e. the exact weighted
sum ``N >= N_min(target)`` (for SPBE 2020 ``N >= 2000 * target - 10``), because the predicate is
read from the published, rounded value. Among plans of equal cost the one with the larger index
gain is returned.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from .. import checks
from ..frameworks import Framework, as_framework
from ..official import min_units, official_value
from .problem import (InfeasibleTarget, Problem, block_reasons, build_problem, check_reachable, greedy_pick,
                      single_cycle)
from .solver import solve


@dataclass(frozen=True)
class Plan:
    """A set of level increases. ``steps``: one row per raised indicator (``indicator``,
    ``aspect``, ``domain``, ``from`` (the start value), ``to`` (a whole level), ``steps`` (whole
    levels climbed), ``cost``, ``contribution`` in index points); ``shared``: the one-off shared
    efforts the plan takes (their cost is in ``total_cost``)."""

    steps: pd.DataFrame
    index_before: float
    index_after: float
    target: float
    total_cost: float
    total_steps: int
    method: str
    levels_after: pd.Series = field(repr=False, default=None)
    shared: tuple = ()


def make_plan(pb: Problem, chosen: set, target: float, method: str) -> Plan:
    """The :class:`Plan` of a set of chosen variables of ``pb``.

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> pb = build_problem(as_framework("spbe2020"), {str(i): 4 for i in range(1, 48)})
    >>> make_plan(pb, set(), 4.0, "milp").index_after
    4.0
    """
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
    items = [pb.items[pb.var[j][0] - fw.n] for j in sorted(chosen) if pb.var[j][0] >= fw.n]
    after = pd.Series(k1 / q if q != 1 else k1, index=pd.Index(fw.ids, name="indicator"), name="level")
    return Plan(steps=df, index_before=official_value(fw, pb.n0), index_after=official_value(fw, int(fw.units @ k1)),
                target=target, total_cost=float(df["cost"].sum() + sum(it.cost for it in items)),
                total_steps=int(df["steps"].sum()), method=method, levels_after=after,
                shared=tuple(it.name for it in items))


def _rows(pb: Problem, pairs: list, max_steps: int | None) -> tuple[list, list, list]:
    """Chain, prerequisite and per-indicator step rows of a single-cycle problem."""
    nv = len(pb.var)
    rows, lbs, ubs = [], [], []

    def add(coefs: dict, lb: float, ub: float) -> None:
        r = np.zeros(nv)
        for j, a in coefs.items():
            r[j] += a
        rows.append(r); lbs.append(lb); ubs.append(ub)

    for j, (p, lv) in enumerate(pb.var):
        if (p, lv - 1) in pb.pos:
            add({j: 1, pb.pos[(p, lv - 1)]: -1}, -np.inf, 0)
    for a, b in pairs:
        add({a: 1, b: -1}, -np.inf, 0)
    if max_steps is not None:
        for p in range(pb.fw.n):
            js = [j for j, (pp, _) in enumerate(pb.var) if pp == p]
            if len(js) > max_steps:
                add({j: 1 for j in js}, -np.inf, max_steps)
    return rows, lbs, ubs


def _cycle(cycle: Any, start: Any) -> tuple[int, int]:
    if cycle is None:
        return (0, 1) if start is None else (start, start + 1)
    cycle = checks.count(cycle, "cycle argument", minimum=1)
    return cycle - 1, cycle


def cheapest_path(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, target: float,
                  cost: Any = None, frozen: Iterable[Any] = (), max_level: Any = None,
                  prerequisites: Any = None, max_steps: int | None = None, cycle: int | None = None,
                  held_since: Mapping[Any, int] | None = None, shared: Iterable[Any] = ()) -> Plan:
    """The cheapest set of level increases that lifts the *official* index to ``target``.

    Parameters
    ----------
    levels : mapping or Series
        Current values (whole levels for SPBE; two-decimal values for PEMDI, which then climb to
        whole levels; a partial value costs the missing share of its next level).
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
        Prerequisite and dwell rows (see :mod:`spbe_analysis.paths.problem`), honoured for the
        planned cycle: a level whose requirement must have been held for a while counts only when
        it has been.
    max_steps : int, optional
        New whole levels per indicator in the cycle (1 for a PEMDI cycle; None: no limit).
    cycle : int, optional
        The cycle planned (the start is the cycle before); it matters only with ``held_since``.
    held_since : mapping {indicator: cycle}, optional
        Since when each start level has been held (unknown: reached in the start cycle).
    shared : list of SharedEffort
        One-off efforts shared by several steps.

    Returns
    -------
    Plan

    Raises
    ------
    InfeasibleTarget
        Saying how far the caps, freezes and rules let the index go, and naming the rules that
        block it.
    DataError
        For bad arguments.

    Examples
    --------
    >>> p = cheapest_path({str(i): 2 for i in range(1, 48)}, "spbe2020", 2.10)
    >>> p.total_steps, p.index_after       # +0.10 needs 200 weight units: four steps of 3 %
    (4, 2.12)
    """
    fw = as_framework(framework)
    start, cyc = _cycle(cycle, None)
    pb = build_problem(fw, levels, cost, frozen, max_level, prerequisites, start, held_since, shared)
    if max_steps is not None:
        max_steps = checks.count(max_steps, "max_steps argument", minimum=1)
    need = min_units(fw, target)
    if pb.n0 >= need:
        return make_plan(pb, set(), target, "milp")
    zero, pairs = single_cycle(pb, cyc)
    pb_cycle = Problem(**{**pb.__dict__, "zero": zero})
    if max_steps is not None:
        for j, (p, lv) in enumerate(pb.var):
            if p < fw.n and lv > pb.cur[p] + max_steps:
                zero.add(j)
    why = "; ".join(block_reasons(pb, cyc)[:3])
    check_reachable(pb_cycle, need, target, f" in {cyc} (rules: {why})" if why else "")
    rows, lbs, ubs = _rows(pb, pairs, max_steps)
    rows.append(pb.gain.astype(float)); lbs.append(need - pb.n0); ubs.append(np.inf)
    upper = np.ones(len(pb.var))
    upper[list(zero)] = 0
    c = pb.cost
    if np.allclose(c, np.round(c * 4) / 4):
        # costs in quarters: one solve, cost first and index gain as a tie-break worth less than the
        # smallest cost difference in total (eps * sum(gain) < 1/4), so the cost optimum is kept
        eps = 0.25 / (float(pb.gain.sum()) + 1.0)
        res = solve(c - eps * pb.gain, rows, lbs, ubs, upper)
        if res.status != 0:
            raise InfeasibleTarget("target argument", f"a target the solver can reach (HiGHS: {res.message})",
                                   value=target)
        x = res.x
    else:
        res = solve(c, rows, lbs, ubs, upper)
        if res.status != 0:
            raise InfeasibleTarget("target argument", f"a target reachable in one cycle under the rules: {why or res.message}",
                                   value=target)
        best = float(res.fun)
        res2 = solve(-pb.gain.astype(float), rows + [c], lbs + [-np.inf], ubs + [best + 1e-6 * max(1.0, abs(best))],
                     upper)
        x = res2.x if res2.status == 0 else res.x
    return make_plan(pb, {j for j in range(len(pb.var)) if x[j] > 0.5}, target, "milp")


def allowed_steps(pb: Problem, level_now: np.ndarray, taken: Mapping[int, int], cycle: int,
                  zero: set | None = None) -> list[int]:
    """Level steps that are the next whole level of their indicator and whose rules the history
    ``taken`` (variable -> cycle reached) meets in ``cycle``; shared items are bought with them.

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> pb = build_problem(as_framework("spbe2020"), {str(i): 4 for i in range(1, 48)})
    >>> len(allowed_steps(pb, pb.cur.copy(), {}, 1))
    47
    """
    zero = pb.zero if zero is None else zero
    needs: dict[int, list] = {}
    for a, b, d, _ in pb.links:
        needs.setdefault(a, []).append((b, d))
    first: dict[int, int] = {}
    for a, f, _ in pb.start_rules:
        first[a] = max(first.get(a, f), f)
    out = []
    for j, (p, lv) in enumerate(pb.var):
        if p >= pb.fw.n or j in taken or j in zero or lv != level_now[p] + 1 or cycle < first.get(j, cycle):
            continue
        ok = True
        for b, d in needs.get(j, []):
            if pb.var[b][0] >= pb.fw.n:
                continue                      # a shared item: bought with the step
            if b not in taken or taken[b] > cycle - d:
                ok = False
                break
        if ok:
            out.append(j)
    return out


def items_of(pb: Problem, j: int, taken: Mapping[int, int]) -> list[int]:
    """The shared items step ``j`` needs that are not yet bought.

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> items_of(build_problem(as_framework("spbe2020"), {str(i): 4 for i in range(1, 48)}), 0, {})
    []
    """
    return [b for a, b, _, _ in pb.links if a == j and pb.var[b][0] >= pb.fw.n and b not in taken]


def greedy_path(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, target: float,
                cost: Any = None, frozen: Iterable[Any] = (), max_level: Any = None,
                prerequisites: Any = None, max_steps: int | None = None, cycle: int | None = None,
                held_since: Mapping[Any, int] | None = None, shared: Iterable[Any] = ()) -> Plan:
    """Transparent baseline for :func:`cheapest_path`.

    Repeatedly take the next level step with the largest index gain per unit of cost (a shared
    item not yet bought counts in the step's cost; ties: larger gain, then framework order) among
    the steps whose rules are already met, until the official index reaches ``target``.

    Parameters
    ----------
    levels : mapping or Series
    framework : Framework or str
    target : float
    cost, frozen, max_level, prerequisites, max_steps, cycle, held_since, shared
        As in :func:`cheapest_path`.

    Returns
    -------
    Plan

    Raises
    ------
    InfeasibleTarget
        When the caps, freezes and rules keep the index below ``target``.
    DataError
        For bad arguments.

    Examples
    --------
    >>> lv = {str(i): 2 for i in range(1, 48)}
    >>> greedy_path(lv, "spbe2020", 2.10).total_steps
    4
    """
    fw = as_framework(framework)
    start, cyc = _cycle(cycle, None)
    pb = build_problem(fw, levels, cost, frozen, max_level, prerequisites, start, held_since, shared)
    if max_steps is not None:
        max_steps = checks.count(max_steps, "max_steps argument", minimum=1)
    need = min_units(fw, target)
    n = pb.n0
    zero, _ = single_cycle(pb, cyc)
    if n < need:
        check_reachable(Problem(**{**pb.__dict__, "zero": zero}), need, target)
    level_now = pb.cur.copy()
    taken: dict[int, int] = {}
    while n < need:
        cand = [j for j in allowed_steps(pb, level_now, {**taken, **{b: start for b in taken}}, cyc, zero)
                if max_steps is None or level_now[pb.var[j][0]] - pb.cur[pb.var[j][0]] < max_steps]
        # within one cycle a same-cycle requirement (d = 0) counts once taken
        cand = [j for j in cand if all(b in taken for a, b, d, _ in pb.links
                                       if a == j and d == 0 and pb.var[b][0] < fw.n)]
        if not cand:
            raise InfeasibleTarget("target argument", "a target the greedy rule can reach with the prerequisites "
                                   "met in order", value=target)
        extra = {j: float(sum(pb.cost[b] for b in items_of(pb, j, taken))) for j in cand}
        j = greedy_pick(pb, cand, extra)
        for b in items_of(pb, j, taken):
            taken[b] = cyc
        taken[j] = cyc
        level_now[pb.var[j][0]] += 1
        n += int(pb.gain[j])
    return make_plan(pb, set(taken), target, "greedy")


__all__ = ["Plan", "allowed_steps", "cheapest_path", "greedy_path", "items_of", "make_plan"]
