"""The first-cycle moves of the PEMDI action plan for one start under one set of assumption
tables, solved as :func:`spbe_analysis.actionplan.plan_actions` solves it (the highest band the
cycles reach, at the least effort), without the level cards: the unit of work of
:mod:`spbe_analysis.robust`."""
from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pandas as pd

from . import checks
from .actionplan import FRAMEWORK, Start, load_settings
from .assumptions import Prerequisites
from .frameworks import as_framework
from .official import min_units
from .paths import InfeasibleTarget, roadmap
from .paths.problem import build_problem
from .scoring import score


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


def first_cycle_plan(start: Start, effort: pd.DataFrame, prerequisites: Prerequisites, shared: list, first_cycle: int,
                     n_cycles: int, per: float, top: float | None = None) -> tuple:
    """The action plan's roadmap for one start, trying only bands at or below ``top``.

    Parameters
    ----------
    start : Start
    effort, prerequisites, shared
        As in :func:`spbe_analysis.actionplan.plan_actions`.
    first_cycle, n_cycles : int
    per : float
        Effort per cycle.
    top : float, optional
        The highest band edge to try (NaN: none, only as far as the effort allows); every band by default.

    Returns
    -------
    tuple
        ``(band edge or NaN, frozenset of first-cycle (indicator, level), Roadmap)``.

    Examples
    --------
    >>> from spbe_analysis.scenarios import tables
    >>> s = Start("7501", pd.Series({f"I{k}": 1.0 for k in range(1, 21)}), "projected", 2026)
    >>> e, p = tables()
    >>> band, moves, rm = first_cycle_plan(s, e["unit"][0], p["with_judgement"], e["unit"][1], 2027, 3, 8.0)
    >>> moves == frozenset((r.indicator, r.to) for r in rm.steps[rm.steps["year"] == 2027].itertuples())
    True
    """
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
    >>> from spbe_analysis.scenarios import tables
    >>> e, p = tables()
    >>> b, m = first_cycle_moves(s, e["central"][0], p["with_judgement"], e["central"][1])
    >>> from spbe_analysis.actionplan import plan_actions
    >>> pa = plan_actions(s)
    >>> b == pa.target[1], m == {(r.indicator, r.to_level) for r in pa.steps.itertuples() if r.kind != "shared"}
    (True, True)
    """
    per = load_settings()["effort_per_cycle"] if effort_per_cycle is None else effort_per_cycle
    band, moves, _ = first_cycle_plan(start, effort, prerequisites, shared, first_cycle, n_cycles, per)
    return band, moves


__all__ = ["first_cycle_moves", "first_cycle_plan"]
