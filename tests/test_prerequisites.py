"""Prerequisites and effort as data: the MILP honours prerequisite rows exactly (against brute
force on random small frameworks with random prerequisite graphs), cycles are refused with their
rows named, an infeasible target names the blocking prerequisite, roadmaps keep prerequisites and
lead times in every year, and PEMDI paths start from decimal values."""
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import spbe_analysis as sa
from spbe_analysis import assumptions, paths

from conftest import examples
from oracle import cheapest_cost, prerequisite_rule
from test_paths import small_case

FW = sa.load_framework("spbe2020")
PD = sa.load_framework("pemdi2026")
COLS = ["framework", "indicator", "level", "requires", "requires_level", "min_years", "basis", "source"]


def prereq_table(fw_name, rows):
    return pd.DataFrame([[fw_name, i, l, j, m, None, "judgement", "test"] for i, l, j, m in rows], columns=COLS)


@st.composite
def case_with_prereqs(draw):
    fw, levels, costs, target = draw(small_case())
    ids = list(fw.ids)
    order = draw(st.permutations(ids))              # edges only point forward in a random order: acyclic
    rows = []
    for a in range(len(order)):
        for b in range(a + 1, len(order)):
            if draw(st.booleans()):
                rows.append((order[a], draw(st.integers(2, 5)), order[b], draw(st.integers(2, 5))))
    return fw, levels, costs, target, rows


@given(case_with_prereqs())
@settings(max_examples=examples(120))
def test_milp_with_prerequisites_equals_brute_force(case):
    fw, levels, costs, target, rows = case
    pr = assumptions.load_prerequisites(fw, table=prereq_table(fw.name, rows))
    bf = cheapest_cost(fw, levels, costs, target, [prerequisite_rule(rows)])
    if bf is None:
        with pytest.raises(paths.InfeasibleTarget):
            paths.cheapest_path(levels, fw, target, cost=costs, prerequisites=pr)
        return
    m = paths.cheapest_path(levels, fw, target, cost=costs, prerequisites=pr)
    assert m.total_cost == pytest.approx(bf)
    final = m.levels_after.to_dict()
    assert not any(final[i] > levels[i] and final[i] >= l and final[j] < mm for i, l, j, mm in rows)
    try:
        g = paths.greedy_path(levels, fw, target, cost=costs, prerequisites=pr)
    except paths.InfeasibleTarget:
        return
    assert m.total_cost <= g.total_cost + 1e-9


def test_a_cycle_is_refused_naming_its_rows():
    t = prereq_table("spbe2020", [("19", 3, "22", 4), ("22", 4, "19", 3), ("1", 2, "2", 2)])
    with pytest.raises(sa.DataError) as err:
        assumptions.load_prerequisites("spbe2020", table=t)
    msg = str(err.value)
    assert "without a cycle" in msg and "19 >= 3 needs 22 >= 4" in msg and "22 >= 4 needs 19 >= 3" in msg
    assert "1 >= 2 needs 2 >= 2" not in msg


@pytest.mark.parametrize("row, phrase", [
    (("99", 2, "1", 2), "an indicator of spbe2020"),
    (("1", 1, "2", 2), "a level 2-5"),
    (("1", 3, "1", 2), "another indicator"),
    (("1", 3, "2", 7), "a required level 1-5"),
])
def test_bad_prerequisite_rows_are_located(row, phrase):
    with pytest.raises(sa.DataError, match=phrase):
        assumptions.load_prerequisites("spbe2020", table=prereq_table("spbe2020", [row]))


def test_an_infeasible_target_names_the_blocking_prerequisite():
    lv = {i: 3 for i in FW.ids}
    frozen = ["18"]
    lv["18"] = 2
    pr = assumptions.load_prerequisites("spbe2020")
    with pytest.raises(paths.InfeasibleTarget) as err:
        paths.cheapest_path(lv, FW, 4.60, frozen=frozen, prerequisites=pr)
    msg = str(err.value)
    assert "blocking prerequisites" in msg and "needs 18 >= 3 (18 cannot go above 2)" in msg
    paths.cheapest_path(lv, FW, 4.60, frozen=frozen)   # reachable without the prerequisites


def test_roadmap_keeps_prerequisites_and_lead_times_every_year():
    pr = assumptions.load_prerequisites("spbe2020")
    lv = {i: 2 for i in FW.ids}
    rm = paths.roadmap(lv, FW, [2025, 2026, 2027], budgets=40, prerequisites=pr, max_steps_per_year=3)
    steps = rm.steps
    reached = {}
    for y in (2025, 2026, 2027):
        for r in steps[steps["year"] == y].itertuples():
            reached[r.indicator] = r.to
        state = {i: reached.get(i, 2) for i in FW.ids}
        for e in pr.edges.itertuples():
            if state[e.indicator] > 2 and state[e.indicator] >= e.level:
                assert state[e.requires] >= e.requires_level, (y, e)
        if y == 2025:
            assert all(state[str(i)] < 5 for i in range(1, 11)), "policy level 5 not before the second year"
    assert not ((steps["indicator"] == "12") & (steps["to"] >= 4) & (steps["year"] < 2027)).any()


def test_roadmap_pace_caps_the_yearly_gain():
    lv = {i: 2 for i in FW.ids}
    rm = paths.roadmap(lv, FW, [2025, 2026], budgets=None, pace=0.10, max_steps_per_year=None)
    assert (rm.summary["gain"] <= 0.10 + 1e-9).all() and rm.summary["gain"].iloc[0] >= 0.09
    g = paths.greedy_roadmap(lv, FW, [2025, 2026], budgets=None, pace=0.10, max_steps_per_year=None)
    assert (g.summary["gain"] <= 0.10 + 1e-9).all()


def test_effort_table_grows_with_level_and_drives_the_plan():
    e = assumptions.load_effort("spbe2020")
    assert (e[[3, 4, 5]].to_numpy() > e[[2, 3, 4]].to_numpy()).all()
    lv = {i: 2 for i in FW.ids}
    unit = paths.cheapest_path(lv, FW, 2.60)
    eff = paths.cheapest_path(lv, FW, 2.60, cost=e)
    assert set(unit.steps["aspect"]) <= {7, 8}
    assert (eff.steps["aspect"] <= 6).any(), "with effort, cheap policy steps enter the plan"


def test_a_user_effort_table_in_rupiah(tmp_path):
    rows = [["spbe2020", i, lv, str(10 * lv), "juta rupiah", "our costing"] for i in FW.ids for lv in (2, 3, 4, 5)]
    p = tmp_path / "effort.csv"
    pd.DataFrame(rows, columns=["framework", "indicator", "level", "effort", "unit", "basis"]).to_csv(p, index=False)
    e = assumptions.load_effort("spbe2020", p)
    assert assumptions.effort_unit("spbe2020", p) == "juta rupiah" and e.loc["5", 4] == 40
    bad = pd.DataFrame(rows[:-1], columns=["framework", "indicator", "level", "effort", "unit", "basis"])
    bad.to_csv(p, index=False)
    with pytest.raises(sa.DataError, match="an effort for every indicator and level"):
        assumptions.load_effort("spbe2020", p)


def test_pemdi_paths_start_from_decimal_values():
    v = {i: 1.26 for i in PD.ids}
    ext = list(assumptions_external())
    p = paths.cheapest_path(v, PD, 1.50, frozen=ext, prerequisites=assumptions.load_prerequisites("pemdi2026"))
    assert p.index_before == 1.26 and p.index_after >= 1.50
    assert not set(p.steps["indicator"]) & set(ext)
    assert (p.steps["to"] >= 2).all() and (p.steps["from"] == 1.26).all()


def assumptions_external():
    from spbe_analysis import pemdi
    return pemdi.load_external().index
