"""Dwell lead times ("the required level held for d cycles"), one level per cycle, partial starts
and shared one-off efforts: the roadmap and the single-cycle plan against brute force on small
frameworks."""
import dataclasses
import itertools
from fractions import Fraction

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import spbe_analysis as sa
from spbe_analysis import paths

from conftest import examples


def _fw(k, weights):
    table = pd.DataFrame({"indicator": [f"i{j}" for j in range(k)], "aspect": [1 + j % 2 for j in range(k)],
                          "weight_pct": [str(x) for x in weights]})
    return sa.make_framework("rand", table)


def _rules(rows):
    return pd.DataFrame([{"framework": "rand", "indicator": i, "level": L, "requires": j or "",
                          "requires_level": m, "min_years": d, "basis": "test", "source": "test"}
                         for i, L, j, m, d in rows],
                        columns=["framework", "indicator", "level", "requires", "requires_level", "min_years",
                                 "basis", "source"])


@st.composite
def dwell_case(draw):
    k = 3
    cuts = sorted(draw(st.lists(st.integers(1, 19), min_size=k - 1, max_size=k - 1, unique=True)))
    w = [5 * (b - a) for a, b in zip([0] + cuts, cuts + [20])]
    fw = _fw(k, w)
    ids = list(fw.ids)
    start = {i: draw(st.integers(1, 3)) for i in ids}
    costs = pd.DataFrame([[1.0] + [float(draw(st.integers(1, 4))) for _ in range(4)] for _ in ids],
                         index=ids, columns=[1, 2, 3, 4, 5])
    rows = []
    for _ in range(draw(st.integers(0, 3))):
        i = draw(st.sampled_from(ids))
        L = draw(st.integers(2, 5))
        d = draw(st.integers(0, 2))
        if draw(st.booleans()):
            j = draw(st.sampled_from([x for x in ids if x != i]))
            rows.append((i, L, j, draw(st.integers(2, 4)), d if d else None))
        else:
            rows.append((i, L, None, None, max(d, 1)))
    target = draw(st.integers(150, 450)) / 100
    return fw, start, costs, rows, target


def roadmap_brute_force(fw, start, costs, rows, years, target):
    """Cheapest yearly levels (one new level per indicator per cycle) whose last year reaches
    ``target``, with every rule checked literally; None when none does."""
    ids = list(fw.ids)
    s0 = years[0] - 1

    def trajectories(s):
        out = []
        for steps in itertools.product((0, 1), repeat=len(years)):
            lv, tr = s, []
            for x in steps:
                lv = min(5, lv + x)
                tr.append(lv)
            out.append(tuple(tr))
        return sorted(set(out))

    def level(tr, s, c):
        if c >= years[0]:
            return tr[years.index(c)]
        return s if c == s0 else 0          # held since the start cycle, not known before

    best = None
    for combo in itertools.product(*[trajectories(start[i]) for i in ids]):
        traj = dict(zip(ids, combo))
        ok = True
        for i, L, j, m, d in rows:
            d = d or 0
            jj, mm = (j, m) if j else (i, L - 1)
            first = max(L, start[i] + 1)
            for t, y in enumerate(years):
                if traj[i][t] >= first and level(traj[jj], start[jj], y - d) < mm:
                    ok = False
        if not ok:
            continue
        if sa.score({i: traj[i][-1] for i in ids}, fw).index + 1e-9 < target:
            continue
        c = sum(costs.loc[i, lv] for i in ids for lv in range(start[i] + 1, traj[i][-1] + 1))
        best = c if best is None else min(best, c)
    return best


@given(dwell_case())
@settings(max_examples=examples(60), deadline=None)
def test_roadmap_with_dwell_equals_brute_force(case):
    fw, start, costs, rows, target = case
    years = [2027, 2028, 2029]
    pr = _rules(rows)
    bf = roadmap_brute_force(fw, start, costs, rows, years, target)
    try:
        rm = paths.roadmap(start, fw, years, milestones={2029: target}, cost=costs, prerequisites=pr,
                           max_steps_per_year=1)
    except paths.InfeasibleTarget:
        assert bf is None
        return
    assert bf is not None
    assert rm.summary["cost"].sum() == pytest.approx(bf)
    # every step honours the rules it was planned under
    reached = {i: {lv: 2026 for lv in range(1, start[i] + 1)} for i in fw.ids}
    for r in rm.steps.itertuples():
        reached[r.indicator][r.to] = r.year
    for i, L, j, m, d in rows:
        jj, mm = (j, m) if j else (i, L - 1)
        for lv, y in reached[i].items():
            if lv >= max(L, start[i] + 1):
                assert reached[jj].get(mm, 9999) <= y - (d or 0)


def test_dwell_bars_the_next_cycle_and_names_the_rule():
    fw = _fw(3, [40, 30, 30])
    pr = _rules([("i0", 3, None, None, 2)])           # i0 at 3 needs i0 at 2 held two cycles
    start = {"i0": 1, "i1": 1, "i2": 1}
    rm = paths.roadmap(start, fw, [2027, 2028, 2029, 2030], cost=None, prerequisites=pr, max_steps_per_year=1,
                       max_level={"i0": 3, "i1": 1, "i2": 1})
    got = {int(r.to): int(r.year) for r in rm.steps.itertuples() if r.indicator == "i0"}
    assert got == {2: 2027, 3: 2029}
    with pytest.raises(paths.InfeasibleTarget, match="i0 >= 3 needs i0 >= 2 held 2 cycles"):
        paths.cheapest_path({"i0": 2, "i1": 1, "i2": 1}, fw, 1.8, prerequisites=pr, cycle=2027,
                            held_since={"i0": 2026}, max_level={"i1": 1, "i2": 1})
    plan = paths.cheapest_path({"i0": 2, "i1": 1, "i2": 1}, fw, 1.8, prerequisites=pr, cycle=2027,
                               held_since={"i0": 2025}, max_level={"i1": 1, "i2": 1})
    assert plan.steps["to"].tolist() == [3]


def test_partial_start_costs_the_missing_share_and_shared_items_are_paid_once():
    fw = _fw(2, [50, 50])
    decimal = dataclasses.replace(fw, level_step=Fraction(1, 100))      # PEMDI-like values to two decimals
    plan = paths.cheapest_path({"i0": 1.26, "i1": 1}, decimal, 1.5, cost=4.0, max_steps=1)
    assert plan.steps.set_index("indicator").loc["i0", "cost"] == pytest.approx(4 * 0.74)
    doc = paths.SharedEffort("one planning document", 3.0, (("i0", 2), ("i1", 2)))
    both = paths.cheapest_path({"i0": 1, "i1": 1}, fw, 2.0, cost=1.0, shared=[doc])
    assert both.total_cost == pytest.approx(1 + 1 + 3) and both.shared == ("one planning document",)
    rm = paths.roadmap({"i0": 1, "i1": 1}, fw, [2027, 2028], budgets=4, cost=1.0, shared=[doc])
    assert rm.shared["item"].tolist() == ["one planning document"]
    assert rm.summary["cost"].sum() == pytest.approx(rm.steps["cost"].sum() + 3)        # paid once
    g = paths.greedy_roadmap({"i0": 1, "i1": 1}, fw, [2027, 2028], budgets=4, cost=1.0, shared=[doc])
    assert g.summary["cost"].sum() == pytest.approx(g.steps["cost"].sum() + 3)
    assert (g.summary["cost"] <= 4 + 1e-9).all() and g.summary["index"].iloc[-1] <= rm.summary["index"].iloc[-1]


def test_one_level_per_cycle_in_a_single_cycle_plan():
    fw = _fw(2, [50, 50])
    with pytest.raises(paths.InfeasibleTarget):
        paths.cheapest_path({"i0": 1, "i1": 1}, fw, 2.5, max_steps=1)
    assert paths.cheapest_path({"i0": 1, "i1": 1}, fw, 2.0, max_steps=1).total_steps == 2
