"""The brute-force path oracle shared by the path tests (test_paths.py, test_prerequisites.py).

It knows nothing of the solver: it enumerates every level profile at or above the start (one
level range per indicator), drops those that break a rule, scores the rest with the public
``score`` and returns the cheapest that meets the target. Small frameworks only (3-4 indicators:
at most 5**4 profiles). New kinds of rule (dwell lead times, shared efforts, caps) plug in as
extra ``rules`` predicates or through ``max_level`` without touching the enumeration.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping

import spbe_analysis as sa

TOP = 5  # highest capability level

# A rule is a predicate ``rule(final, start) -> bool``: True when ``final`` is allowed.
Rule = Callable[[Mapping[str, int], Mapping[str, int]], bool]


def profiles_above(start: Mapping[str, int], max_level: Mapping[str, int] | None = None) -> Iterator[dict]:
    """Every level profile with each indicator between its start level and its cap (default 5)."""
    ids = list(start)
    cap = dict(max_level or {})
    ranges = [range(int(start[i]), max(int(start[i]), int(cap.get(i, TOP))) + 1) for i in ids]
    for combo in itertools.product(*ranges):
        yield dict(zip(ids, combo))


def prerequisite_rule(rows: Iterable[tuple]) -> Rule:
    """Rows ``(indicator, level, requires, requires_level)``: an indicator that is *raised* to
    ``level`` or above needs ``requires`` at ``requires_level`` or above in the same profile
    (an indicator already at that level at the start is not bound)."""
    rows = [tuple(r[:4]) for r in rows]

    def ok(final, start):
        return not any(final[i] > start[i] and final[i] >= lv and final[j] < m for i, lv, j, m in rows)
    return ok


def step_cost(start: Mapping[str, int], final: Mapping[str, int], costs) -> float:
    """Sum of ``costs.loc[indicator, level]`` over every level gained (``costs=None``: one per level)."""
    if costs is None:
        return float(sum(final[i] - start[i] for i in start))
    return float(sum(costs.loc[i, lv] for i in start for lv in range(int(start[i]) + 1, final[i] + 1)))


def cheapest(fw, start: Mapping[str, int], costs, target: float, rules: Iterable[Rule] = (),
             max_level: Mapping[str, int] | None = None) -> tuple[float, dict] | None:
    """(cost, profile) of the cheapest profile above ``start`` whose official (rounded) index is
    at least ``target`` and that every rule allows; None when no profile does."""
    start = {i: int(start[i]) for i in fw.ids}
    rules = list(rules)
    best = None
    for final in profiles_above(start, max_level):
        if not all(rule(final, start) for rule in rules):
            continue
        if sa.score(final, fw).index + 1e-9 < target:
            continue
        c = step_cost(start, final, costs)
        if best is None or c < best[0]:
            best = (c, final)
    return best


def cheapest_cost(fw, start, costs, target, rules=(), max_level=None) -> float | None:
    """The cost of :func:`cheapest`, or None."""
    best = cheapest(fw, start, costs, target, rules, max_level)
    return None if best is None else best[0]
