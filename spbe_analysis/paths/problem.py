"""The planning problem every planner shares: binary variables ``(p, lv)`` = "indicator p reaches
whole level lv" above its start, their weighted gain and cost, and the rules that bind them.

Rules come from the prerequisite table (:mod:`spbe_analysis.assumptions`). A row
``(i, L, requires j, requires_level m, min_years d)`` reads "i counts at level L in cycle t only if
j has been at >= m since cycle t - d" (with ``requires`` empty, j = i and m = L - 1: the level below
held for d cycles). d = 0 is the plain prerequisite. Each row becomes, for the first level of i at
or above L that is still to be reached (the chain carries it to the levels above):

* a *link* ``y[a, t] <= y[b, cycle t - d]`` when the requirement is itself a level still to be
  reached (variable b), or
* a *start rule* when the start already meets the requirement: the level counts only in cycles
  ``t >= held_since[j] + d`` (``held_since`` is the cycle since which the start level has been held;
  unknown means reached in the start cycle), or
* a *block* when the requirement can never be met (its indicator is capped or frozen below it).

One-off efforts shared by several steps (:class:`SharedEffort`, for example one planning document
that carries the national action plan for several indicators) are extra variables with no gain:
each member step links to its item, and the item's cost is paid once.

PEMDI values are decimal: a start of 1.26 has met level 1 and 26 % of level 2; the step to level 2
gains and costs the missing 74 % of that level.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from .. import checks
from ..assumptions import SharedEffort, as_prerequisites
from ..errors import DataError
from ..frameworks import Framework, as_framework
from ..official import official_value
from ..scoring import levels_vector
from .costs import cost_matrix


class InfeasibleTarget(DataError):
    """The target cannot be reached under the constraints; the message says why."""


def indicator_key(key: Any, fw: Framework, where: str) -> str:
    """An indicator id of ``fw`` as text, or a :class:`DataError` naming ``where``.

    Parameters
    ----------
    key : str or int
    fw : Framework
    where : str
        The argument named in the error.

    Returns
    -------
    str

    Raises
    ------
    DataError
        For a key that is not an indicator id of ``fw``.

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> indicator_key(16, as_framework("spbe2020"), "frozen argument")
    '16'
    """
    if isinstance(key, (bool, np.bool_)) or not isinstance(key, (str, int, np.integer)) or \
            str(key) not in fw.indicators.index:
        raise DataError(where, f"indicator ids of {fw.name} ({fw.ids[0]}..{fw.ids[-1]})", column=key, value=key)
    return str(key)


def whole_level(v: Any, fw: Framework, where: str, column: Any = None) -> int:
    """A whole level of ``fw``'s scale, or a located :class:`DataError`.

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> whole_level(3, as_framework("spbe2020"), "max_level argument")
    3
    """
    x = checks.exact_number(v, where, column=column, expected=f"a whole level {fw.level_min}-{fw.level_max}")
    if x.denominator != 1 or not fw.level_min <= x <= fw.level_max:
        raise DataError(where, f"a whole level {fw.level_min}-{fw.level_max}", column=column, value=v)
    return int(x)


def _caps(fw: Framework, cur: np.ndarray, frozen: Iterable[Any], max_level: Any) -> np.ndarray:
    """Highest whole level each indicator may reach (never below its current whole level)."""
    cap = np.full(fw.n, fw.level_max, dtype=np.int64)
    if isinstance(max_level, (Mapping, pd.Series)):
        for key, v in checks.mapping(max_level, "max_level argument").items():
            cap[fw.ids.index(indicator_key(key, fw, "max_level argument"))] = whole_level(v, fw, "max_level argument", key)
    elif max_level is not None:
        cap[:] = whole_level(max_level, fw, "max_level argument")
    for key in checks.collection(frozen, "frozen argument"):
        k = indicator_key(key, fw, "frozen argument")
        cap[fw.ids.index(k)] = cur[fw.ids.index(k)]
    return np.maximum(cap, cur)


def _held_since(fw: Framework, held_since: Any, start: int) -> np.ndarray:
    since = np.full(fw.n, start, dtype=np.int64)
    for key, v in checks.mapping(held_since or {}, "held_since argument").items():
        y = checks.count(v, "held_since argument", minimum=0)
        if y > start:
            raise DataError("held_since argument", f"a cycle at or before the start cycle {start}", column=key, value=v)
        since[fw.ids.index(indicator_key(key, fw, "held_since argument"))] = y
    return since


@dataclass
class Problem:
    """Variables, gains, costs and rules of one planning problem (see the module docstring)."""

    fw: Framework
    k0: np.ndarray          # start, in level-step units
    cur: np.ndarray         # start, whole levels (floor)
    cap: np.ndarray
    C: np.ndarray
    var: list               # (p, lv); shared items are (fw.n + k, 0)
    pos: dict
    gain: np.ndarray        # weighted gain of each variable (units x step units)
    cost: np.ndarray
    links: list             # (a, b, d, rule): y[a, t] <= y[b, cycle t - d]
    start_rules: list       # (a, first cycle, rule): y[a, t] = 0 before that cycle
    zero: set
    blocked: list
    prerequisites: Any
    start: int              # the start cycle
    since: np.ndarray       # cycle since which each start level has been held
    items: tuple = field(default=())

    @property
    def n0(self) -> int:
        return int(self.fw.units @ self.k0)

    @property
    def n_steps(self) -> int:
        """Number of level-step variables (the shared items follow them)."""
        return len(self.var) - len(self.items)

    def rule_text(self, k: Any) -> str:
        if k is None or self.prerequisites is None:
            return "a shared one-off effort"
        r = self.prerequisites.rows.iloc[k]
        return self.prerequisites.describe(k) + f" ({r['basis']})"


def build_problem(fw: Framework, levels: Any, cost: Any = None, frozen: Iterable[Any] = (), max_level: Any = None,
                  prerequisites: Any = None, start: int | None = None, held_since: Any = None,
                  shared: Iterable[SharedEffort] = ()) -> Problem:
    """Build the variables and rules of a planning problem (arguments as in ``cheapest_path``).

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> pb = build_problem(as_framework("spbe2020"), {str(i): 4 for i in range(1, 48)})
    >>> len(pb.var)                  # one step (to level 5) per indicator
    47
    """
    k0 = levels_vector(levels, fw)
    q = fw.level_step.denominator
    cur = k0 // q
    C = cost_matrix(fw, cost)
    cap = _caps(fw, cur, frozen, max_level)
    start = 0 if start is None else checks.count(start, "start argument", minimum=0)
    since = _held_since(fw, held_since, start)
    var = [(p, lv) for p in range(fw.n) for lv in range(int(cur[p]) + 1, int(cap[p]) + 1)]
    pos = {v: j for j, v in enumerate(var)}
    gain = [int(fw.units[p]) * (lv * q - max((lv - 1) * q, int(k0[p]))) for p, lv in var]
    # a partial start (1.26) costs the missing share of its next level
    cst = [C[p, lv - fw.level_min] * (lv * q - max((lv - 1) * q, int(k0[p]))) / q for p, lv in var]
    pr = as_prerequisites(prerequisites, fw)
    links, start_rules, zero, blocked = [], [], set(), []
    if pr is not None:
        idx = {i: p for p, i in enumerate(fw.ids)}
        for k, r in enumerate(pr.rows.itertuples()):
            p, lv0 = idx[r.indicator], int(r.level)
            first = max(lv0, int(cur[p]) + 1)
            if (p, first) not in pos:
                continue
            a = pos[(p, first)]
            d = 0 if r.min_years is None or pd.isna(r.min_years) else int(r.min_years)
            pj, m = (idx[r.requires], int(r.requires_level)) if r.requires else (p, lv0 - 1)
            if m <= fw.level_min:
                if d:
                    start_rules.append((a, int(min(since[pj], start)) + d, k))
                continue
            if int(k0[pj]) >= m * q:
                if d:
                    start_rules.append((a, int(since[pj]) + d, k))
            elif (pj, m) in pos:
                links.append((a, pos[(pj, m)], d, k))
            else:
                zero.add(a)
                blocked.append(f"{pr.describe(k)} ({fw.ids[pj]} cannot go above {int(cap[pj])})")
    items = tuple(checks.collection(shared, "shared argument"))
    for n_item, it in enumerate(items):
        if not isinstance(it, SharedEffort):
            raise DataError("shared argument", "SharedEffort items", row=n_item, value=type(it).__name__)
        checks.non_negative(it.cost, "shared argument", row=it.name, column="cost")
        members = []
        for i, lv in it.steps:
            p = fw.ids.index(indicator_key(i, fw, f"shared argument ({it.name})"))
            lv = whole_level(lv, fw, f"shared argument ({it.name})", i)
            if (p, lv) in pos:
                members.append(pos[(p, lv)])
        j = len(var)
        var.append((fw.n + n_item, 0))
        pos[var[-1]] = j
        gain.append(0)
        cst.append(float(it.cost))
        links += [(a, j, 0, None) for a in members]
    return Problem(fw, k0, cur, cap, C, var, pos, np.array(gain, dtype=np.int64), np.array(cst, dtype=float),
                   links, start_rules, zero, blocked, pr, start, since, items)


def best_units(pb: Problem) -> tuple[int, list[str]]:
    """The largest weighted sum the caps, blocks and prerequisites allow in the long run, and the
    rules that hold it down (fixed point: a level whose requirement cannot be met is out of reach).

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> best_units(build_problem(as_framework("spbe2020"), {str(i): 4 for i in range(1, 48)}))[0]
    10000
    """
    fw, q = pb.fw, pb.fw.level_step.denominator
    reach = pb.cap.copy()
    why: list[str] = list(pb.blocked)
    for a in pb.zero:
        p, lv = pb.var[a]
        if p < fw.n:
            reach[p] = min(int(reach[p]), lv - 1)
    changed = True
    while changed:
        changed = False
        for a, b, _, k in pb.links:
            (p, lv), (pj, m) = pb.var[a], pb.var[b]
            if p >= fw.n or pj >= fw.n:
                continue
            if reach[pj] < m and reach[p] >= lv:
                reach[p] = lv - 1
                why.append(pb.rule_text(k))
                changed = True
    best = sum(int(fw.units[p]) * max(int(reach[p]) * q, int(pb.k0[p])) for p in range(fw.n))
    return best, list(dict.fromkeys(why))


def check_reachable(pb: Problem, need: int, target: float, why: str = "") -> None:
    """Raise :class:`InfeasibleTarget` when even the best allowed levels fall short of ``need``.

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> check_reachable(build_problem(as_framework("spbe2020"), {str(i): 4 for i in range(1, 48)}), 9000, 4.5)
    """
    best, blocking = best_units(pb)
    if best < need:
        n_frozen = int((pb.cap < pb.fw.level_max).sum())
        extra = f" with {n_frozen} indicator(s) frozen or capped" if n_frozen else ""
        block = f"; blocking prerequisites: {'; '.join(blocking[:4])}" if blocking else ""
        raise InfeasibleTarget("target argument", f"a reachable target: even every indicator at its highest "
                               f"allowed level{extra}{why} reaches only {official_value(pb.fw, best):.2f}{block}",
                               value=target)


def single_cycle(pb: Problem, cycle: int) -> tuple[set, list]:
    """Blocks and same-cycle pairs of a plan for one ``cycle``: a link with a dwell cannot be met by
    a level reached in that same cycle, and a start rule bars the cycles before its first.

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> single_cycle(build_problem(as_framework("spbe2020"), {str(i): 4 for i in range(1, 48)}), 1)
    (set(), [])
    """
    zero = set(pb.zero)
    pairs = []
    for a, b, d, k in pb.links:
        if d == 0:
            pairs.append((a, b))
        else:
            zero.add(a)
    for a, first, k in pb.start_rules:
        if cycle < first:
            zero.add(a)
    return zero, pairs


def block_reasons(pb: Problem, cycle: int) -> list[str]:
    """The rules that bar a level in ``cycle`` (dwell not yet served), in words.

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> block_reasons(build_problem(as_framework("spbe2020"), {str(i): 4 for i in range(1, 48)}), 1)
    []
    """
    out = list(pb.blocked)
    for a, b, d, k in pb.links:
        if d:
            out.append(pb.rule_text(k) + f": the required level is not yet held, so not in {cycle}")
    for a, first, k in pb.start_rules:
        if cycle < first:
            out.append(pb.rule_text(k) + f": not before {first}")
    return list(dict.fromkeys(out))


def greedy_pick(pb: Problem, cand: list[int], extra_cost: Mapping[int, float] | None = None) -> int:
    """The candidate step with the largest index gain per unit of cost (ties: larger gain, then
    framework order): the one greedy rule of the package.

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> pb = build_problem(as_framework("spbe2020"), {str(i): 4 for i in range(1, 48)})
    >>> pb.fw.ids[pb.var[greedy_pick(pb, list(range(len(pb.var))))][0]]   # the heaviest indicator
    '42'
    """
    extra = extra_cost or {}
    cost = np.array([pb.cost[j] + extra.get(j, 0.0) for j in cand])
    ratio = np.array([pb.gain[j] for j in cand]) / np.maximum(cost, 1e-12)
    order = np.lexsort((np.array(cand), -pb.gain[cand], -ratio))
    return cand[order[0]]


__all__ = ["InfeasibleTarget", "Problem", "SharedEffort", "best_units", "block_reasons", "build_problem",
           "check_reachable", "greedy_pick", "indicator_key", "single_cycle", "whole_level"]
