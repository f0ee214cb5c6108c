"""The first-cycle moves of the PEMDI action plan for one start under one set of assumption
tables, solved as :func:`spbe_analysis.actionplan.plan_actions` solves it
(:func:`spbe_analysis.planrules.plan_roadmap`: the full yearly effort, securing the highest band
the cycles reach with a margin), without the level cards: the unit of work of
:mod:`spbe_analysis.robust`."""
from __future__ import annotations

import pandas as pd

from .actionplan import Start
from .assumptions import Prerequisites
from .planrules import load_settings, plan_roadmap


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
        The highest band edge to try (NaN: none, the full effort without a band to secure); every band by default.

    Returns
    -------
    tuple
        ``(band edge secured or NaN, frozenset of first-cycle (indicator, level), Roadmap)``.

    Examples
    --------
    >>> from spbe_analysis.scenarios import tables
    >>> s = Start("7501", pd.Series({f"I{k}": 1.0 for k in range(1, 21)}), "projected", 2026)
    >>> e, p = tables()
    >>> band, moves, rm = first_cycle_plan(s, e["unit"][0], p["with_judgement"], e["unit"][1], 2027, 3, 8.0)
    >>> moves == frozenset((r.indicator, r.to) for r in rm.steps[rm.steps["year"] == 2027].itertuples())
    True
    """
    cycles = list(range(first_cycle, first_cycle + n_cycles))
    band, rm, _ = plan_roadmap(start.values, start.held_since, effort, prerequisites, shared, cycles, per, top)
    s = rm.steps[rm.steps["year"] == first_cycle]
    return band, frozenset((str(i), int(lv)) for i, lv in zip(s["indicator"], s["to"])), rm


def first_cycle_moves(start: Start, effort: pd.DataFrame, prerequisites: Prerequisites, shared: list,
                      first_cycle: int = 2027, n_cycles: int = 3,
                      effort_per_cycle: float | None = None) -> tuple[float, frozenset]:
    """The moves of the first cycle of :func:`spbe_analysis.actionplan.plan_actions`'s plan.

    The same roadmap as the action plan (:func:`spbe_analysis.planrules.plan_roadmap`), without
    the level cards.

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
        ``(band edge secured with the margin, or NaN when none is, frozenset of (indicator, level))``.

    Examples
    --------
    >>> s = Start("7501", pd.Series({f"I{k}": 1.0 for k in range(1, 21)}), "projected", 2026)
    >>> from spbe_analysis.scenarios import tables
    >>> e, p = tables()
    >>> b, m = first_cycle_moves(s, e["central"][0], p["with_judgement"], e["central"][1])
    >>> from spbe_analysis.actionplan import plan_actions
    >>> pa = plan_actions(s)
    >>> b, m == {(r.indicator, r.to_level) for r in pa.steps.itertuples() if r.kind != "shared"}
    (1.5, True)
    """
    per = load_settings()["effort_per_cycle"] if effort_per_cycle is None else effort_per_cycle
    band, moves, _ = first_cycle_plan(start, effort, prerequisites, shared, first_cycle, n_cycles, per)
    return band, moves


__all__ = ["first_cycle_moves", "first_cycle_plan"]
