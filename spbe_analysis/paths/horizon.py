"""How many cycles a regency needs to reach a target, under its budget, pace and the rules."""
from __future__ import annotations

import math
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from .. import checks
from ..errors import DataError
from ..frameworks import Framework, as_framework
from ..official import min_units
from .costs import uniform_step_cost
from .problem import InfeasibleTarget, build_problem, check_reachable
from .roadmaps import roadmap


def years_to_target(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, target: float,
                    budget_per_year: float | None = None, max_years: int = 10, max_steps_per_year: int | None = 1,
                    cost: Any = None, frozen: Iterable[Any] = (), method: str = "auto",
                    prerequisites: Any = None, pace: float | None = None, start: int = 0,
                    held_since: Mapping[Any, int] | None = None, shared: Iterable[Any] = ()) -> int | None:
    """Fewest cycles in which a roadmap can lift the official index to ``target``.

    ``method="milp"`` solves a roadmap for T = 1, 2, ... cycles. With one cost for every step, at
    most one level per indicator per cycle, no pace, no prerequisites and no shared items,
    ``"auto"`` uses an exact shortcut: in T cycles any plan with at most T steps per indicator and
    at most T * floor(budget / cost) steps in all can be scheduled, so the best index within T
    cycles takes the largest-weight step slots first. Tests check it against the MILP.

    Parameters
    ----------
    levels : mapping or Series
    framework : Framework or str
    target : float
    budget_per_year : float, optional
        A constant yearly budget (in cost units).
    max_years : int
    max_steps_per_year : int or None
    cost, frozen, prerequisites, held_since, shared
        As in :func:`roadmap`.
    method : ('auto', 'milp')
    pace : float, optional
        A yearly cap on the index gain (index points).
    start : int
        The start cycle (the roadmap plans ``start + 1``, ``start + 2``, ...); it matters only with
        ``held_since``.

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
    start = checks.count(start, "start argument", minimum=0)
    pb = build_problem(fw, levels, cost, frozen, None, prerequisites, start, held_since, shared)
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
    check_reachable(pb, need, target)
    unit = uniform_step_cost(fw, cost)
    simple = (pb.prerequisites is None and pace is None and budget_per_year is not None and fw.level_step == 1
              and not pb.items)
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
            yrs = list(range(start + 1, start + T + 1))
            roadmap(levels, fw, yrs, budget_per_year, milestones={yrs[-1]: target},
                    max_steps_per_year=max_steps_per_year, cost=cost, frozen=frozen, prerequisites=prerequisites,
                    pace=pace, held_since=held_since, shared=shared)
            return T
        except InfeasibleTarget:
            continue
    return None


__all__ = ["years_to_target"]
