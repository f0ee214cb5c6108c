"""Optimal paths: MILP against brute force and the greedy baseline, roadmaps, infeasible
targets, shared services, and the exact gap decomposition."""
from fractions import Fraction

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import spbe_analysis as sa
from spbe_analysis import decomposition as DC
from spbe_analysis import paths, profiles

from conftest import examples
from oracle import cheapest_cost

FW = sa.load_framework("spbe2020")


@st.composite
def small_case(draw):
    """A random 3-4 indicator framework, a current profile, costs and a target."""
    k = draw(st.integers(3, 4))
    cuts = sorted(draw(st.lists(st.integers(1, 19), min_size=k - 1, max_size=k - 1, unique=True)))
    w = [b - a for a, b in zip([0] + cuts, cuts + [20])]  # units of 5 %
    table = pd.DataFrame({"indicator": [f"i{j}" for j in range(k)], "aspect": [1 + j % 2 for j in range(k)],
                          "weight_pct": [str(5 * x) for x in w]})
    fw = sa.make_framework("rand", table)
    levels = {f"i{j}": draw(st.integers(1, 5)) for j in range(k)}
    costs = pd.DataFrame([[1.0] + [float(draw(st.integers(1, 6))) for _ in range(4)] for _ in range(k)],
                         index=[f"i{j}" for j in range(k)], columns=[1, 2, 3, 4, 5])
    target = draw(st.integers(100, 500)) / 100
    return fw, levels, costs, target


@given(small_case())
@settings(max_examples=examples(80))
def test_milp_equals_brute_force_and_never_loses_to_greedy(case):
    fw, levels, costs, target = case
    bf = cheapest_cost(fw, levels, costs, target)
    if bf is None:
        with pytest.raises(paths.InfeasibleTarget, match="reaches only"):
            paths.cheapest_path(levels, fw, target, cost=costs)
        return
    m = paths.cheapest_path(levels, fw, target, cost=costs)
    g = paths.greedy_path(levels, fw, target, cost=costs)
    assert m.total_cost == pytest.approx(bf)
    assert m.total_cost <= g.total_cost + 1e-9
    assert m.index_after >= target and g.index_after >= target
    assert (m.steps["to"] > m.steps["from"]).all()


@given(small_case())
@settings(max_examples=examples(60))
def test_greedy_is_optimal_with_unit_costs(case):
    fw, levels, _, target = case
    try:
        m = paths.cheapest_path(levels, fw, target)
    except paths.InfeasibleTarget:
        return
    g = paths.greedy_path(levels, fw, target)
    assert m.total_cost == g.total_cost


@pytest.mark.slow  # many MILP solves on full-size profiles
def test_greedy_can_lose_with_escalating_costs():
    ens = profiles.sample_profiles(FW, 2.52, n=30, seed=2).levels
    esc = paths.escalating_costs(FW)
    worse = 0
    for _, row in ens.iterrows():
        m = paths.cheapest_path(row, FW, 3.50, cost=esc)
        g = paths.greedy_path(row, FW, 3.50, cost=esc)
        assert m.total_cost <= g.total_cost + 1e-9
        worse += g.total_cost > m.total_cost + 1e-9
    assert worse > 0


def test_target_uses_the_official_rounded_value():
    # spbe2020: the official value reaches 2.60 once N >= 2000 * 2.60 - 10 = 5190
    assert sa.official.min_units(FW, 2.60) == 5190
    lv = profiles.sample_profiles(FW, 2.40, n=1, seed=0).levels.iloc[0]
    p = paths.cheapest_path(lv, FW, 2.60)
    assert p.index_after >= 2.60 and sa.score(p.levels_after, FW).index == p.index_after
    assert p.steps["contribution"].sum() == pytest.approx(float(sa.score(p.levels_after, FW).raw - sa.score(lv, FW).raw))


def test_frozen_and_infeasible_targets_explain_why():
    lv = {i: 1 for i in FW.ids}
    frozen = [str(i) for i in range(32, 48)]
    with pytest.raises(paths.InfeasibleTarget) as err:
        paths.cheapest_path(lv, FW, 4.00, frozen=frozen)
    msg = str(err.value)
    assert "reaches only 3.18" in msg and "16 indicator(s) frozen" in msg
    p = paths.cheapest_path(lv, FW, 2.00, frozen=frozen)
    assert not set(p.steps["indicator"]) & set(frozen)
    assert paths.cheapest_path({i: 5 for i in FW.ids}, FW, 4.5).total_steps == 0


def test_cost_tables_validated():
    with pytest.raises(sa.DataError, match="positive number"):
        paths.cost_matrix(FW, {"1": 0})
    with pytest.raises(sa.DataError, match="indicator ids"):
        paths.cost_matrix(FW, {"99": 1})
    C = paths.cost_matrix(FW, lambda i, lv: lv * 10)
    assert C[0, 4] == 50


def test_roadmap_respects_budget_step_limit_and_milestones():
    lv = profiles.sample_profiles(FW, 2.40, n=3, seed=1).levels.iloc[0]
    years = [2025, 2026, 2027, 2028, 2029]
    rm = paths.roadmap(lv, FW, years, 8, milestones={2026: 2.60, 2029: 3.50})
    s = rm.summary.set_index("year")
    assert (s["cost"] <= 8 + 1e-9).all()
    assert s.loc[2026, "index"] >= 2.60 and s.loc[2029, "index"] >= 3.50 and s.loc[2029, "met"]
    assert (rm.steps["to"] - rm.steps["from"] <= 1).all()  # one level per indicator per year
    assert s["index"].is_monotonic_increasing
    # the plan's levels re-score to the reported index
    cur = {i: int(v) for i, v in lv.items()}
    for y in years:
        for r in rm.steps[rm.steps["year"] == y].itertuples():
            assert cur[r.indicator] == r._4  # 'from'
            cur[r.indicator] = r.to
        assert sa.score(cur, FW).index == s.loc[y, "index"]
    with pytest.raises(paths.InfeasibleTarget, match="budgets"):
        paths.roadmap(lv, FW, years, 1, milestones={2025: 3.50})


def test_roadmap_frozen_by_year_and_max_progress():
    lv = {i: 2 for i in FW.ids}
    rm = paths.roadmap(lv, FW, [1, 2], 3, frozen_by_year={1: ["42", "43", "44", "45", "46", "47"]})
    assert not set(rm.steps[rm.steps["year"] == 1]["indicator"]) & {"42", "43", "44", "45", "46", "47"}
    assert rm.objective == "max_progress"
    # year 2: the heaviest (public-service, 3.00 %) indicators come first
    assert set(rm.steps[rm.steps["year"] == 2]["indicator"]) <= {"42", "43", "44", "45", "46", "47"}


@pytest.mark.slow  # many MILP solves on full-size profiles
@given(st.integers(0, 2**31 - 1), st.sampled_from([2.60, 3.00, 3.50]), st.integers(2, 8))
@settings(max_examples=examples(15))
def test_years_to_target_shortcut_equals_milp(seed, target, budget):
    lv = profiles.sample_profiles(FW, 2.40, n=1, seed=seed).levels.iloc[0]
    a = paths.years_to_target(lv, FW, target, budget, max_years=8)
    b = paths.years_to_target(lv, FW, target, budget, max_years=8, method="milp")
    assert a == b


def test_shared_service_comparison():
    ens = profiles.sample_profiles(FW, 2.52, n=6, seed=9).levels
    prof = {f"e{k}": ens.iloc[k] for k in range(6)}
    svc = paths.SharedService("shared", {"16": 4, "17": 4, "18": 4}, cost=9)
    cmp = paths.compare_shared_service(prof, FW, svc, 3.50, budget_per_year=6)
    df = cmp.table
    assert (df["cost_with_service"] <= df["cost_alone"]).all()
    assert (df["years_with_service"] <= df["years_alone"]).all()
    assert cmp.service_cost == 9
    lifted = paths.apply_service(prof["e0"], FW, svc)
    assert (lifted[["16", "17", "18"]] >= 4).all()


# ----------------------------------------------------------------------------- decomposition
@given(st.lists(st.integers(1, 5), min_size=47, max_size=47), st.lists(st.integers(1, 5), min_size=47, max_size=47))
def test_decomposition_between_profiles_is_exact(a, b):
    la, lb = dict(zip(FW.ids, a)), dict(zip(FW.ids, b))
    d = DC.decompose(la, lb, FW)
    assert d.gap == sa.score(lb, FW).raw - sa.score(la, FW).raw
    assert sum(d.indicators["contribution_exact"], Fraction(0)) == d.gap
    assert sum(Fraction(str(x)) for x in d.by_domain).limit_denominator(10**6) == d.gap


@given(st.lists(st.integers(1, 5), min_size=47, max_size=47), st.sampled_from([2.60, 3.50, 4.13]))
def test_decomposition_to_a_target_value_is_exact(a, target):
    la = dict(zip(FW.ids, a))
    d = DC.decompose(la, target, FW)
    assert d.gap == Fraction(str(target)) - sa.score(la, FW).raw
    many = DC.decompose_many(pd.DataFrame([a], columns=list(FW.ids)), target, FW, by="aspect")
    assert many.sum(axis=1).iloc[0] == pytest.approx(float(d.gap), abs=1e-12)
    assert many.iloc[0].to_dict() == pytest.approx(d.by_aspect.to_dict(), abs=1e-12)


@pytest.mark.slow  # many MILP solves on full-size profiles
@given(st.integers(0, 2**31 - 1), st.integers(2, 8), st.booleans())
@settings(max_examples=examples(12))
def test_roadmap_never_makes_less_progress_than_the_greedy_baseline(seed, budget, escalating):
    lv = profiles.sample_profiles(FW, 2.68, n=1, seed=seed).levels.iloc[0]
    cost = paths.escalating_costs(FW) if escalating else None
    years = [1, 2, 3, 4, 5]
    m = paths.roadmap(lv, FW, years, budget, cost=cost).summary
    g = paths.greedy_roadmap(lv, FW, years, budget, cost=cost).summary
    assert (g["cost"] <= budget + 1e-9).all()
    assert m["index"].sum() >= g["index"].sum() - 1e-9


def test_native_solver_chatter_does_not_reach_the_page(capfd):
    """HiGHS writes a debugging line to the C-level stdout; the solve silences fd 1 and restores it."""
    import os
    from spbe_analysis.paths.solver import native_stdout_silenced
    with native_stdout_silenced():
        os.write(1, b"HighsMipSolverData::transformNewIntegerFeasibleSolution tmpSolver.run();\n")
    os.write(1, b"after\n")
    assert capfd.readouterr().out == "after\n"
