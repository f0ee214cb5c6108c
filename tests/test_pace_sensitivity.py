"""Pace from the record (censored values as bounds, a backtest against no change), the roadmap
across the change of instrument, no-regret moves, and the sensitivity Monte Carlo."""
import numpy as np
import pandas as pd
import pytest

import spbe_analysis as sa
from spbe_analysis import pace, paths, sensitivity, transition

PUB = sa.load_published()
REG = ("7501", "7502", "7503", "7504", "7505", "7571")
FW = sa.load_framework("spbe2020")


def test_observed_changes_keep_censored_values_as_bounds():
    ch = pace.observed_changes(PUB, REG, [2022, 2023, 2024]).set_index(["entity", "y0"])
    assert not ch.loc[("7501", 2022), "exact"]
    assert (ch.loc[("7501", 2022), "low"], ch.loc[("7501", 2022), "high"]) == (0.0, 1.02)   # 2.02 - [1.00, 2.02]
    assert ch.loc[("7501", 2023), "low"] == ch.loc[("7501", 2023), "high"] == 0.38
    assert ch.loc[("7501", 2023), "units_low"] == pytest.approx(760)                         # 0.38 x 2000 units
    own = pace.own_pace(ch.reset_index())
    assert own.loc["7502", "low"] == own.loc["7502", "high"] == pytest.approx(0.325)


def test_backtest_compares_with_no_change():
    bt = pace.backtest(PUB, REG, [2022, 2023, 2024])
    used = bt.table[bt.table["used"]]
    assert set(used["entity"]) == {"7502", "7504", "7505", "7571"} and bt.n == 4
    assert bt.mae_model == pytest.approx(used["error_model"].mean()) and not bt.beats_no_change


def test_capacity_scenarios():
    own = pace.own_pace(pace.observed_changes(PUB, REG, [2022, 2023, 2024]))
    cap = pace.capacity_scenarios(own, 8)
    assert (cap.table["best_peer"] == 0.67).all() and cap.best_peer == "7505" and (cap.table["budget"] == 8).all()
    with pytest.raises(sa.DataError):
        pace.capacity_scenarios(own, 0)


def test_transition_roadmap_switches_index_at_the_break():
    s = transition.setting([2025], [2026, 2027])
    lv = pd.Series({i: 2 for i in FW.ids})
    r = transition.transition_roadmap(lv, s, "pace", 0.20)
    assert list(r["framework"]) == ["spbe2020", "pemdi2026", "pemdi2026", "pemdi2026"]
    assert r["index"].iloc[0] == 2.20 and r["gain"].iloc[0] <= 0.20 + 1e-9
    assert list(r["kind"]) == ["plan", "start", "plan", "plan"]
    assert (r["index"].iloc[2:].diff().dropna() >= 0).all()
    zero = transition.transition_roadmap(lv, s, "pace", 0.0)
    assert zero["index"].iloc[-1] == zero["index"].iloc[1]


def test_no_regret_is_a_share_of_plans_over_scenarios():
    lv = {"x": pd.DataFrame([{i: 2 for i in FW.ids}] * 3)}
    st = paths.plan_steps(lv, FW, {"x": 2.10}, {"unit": (None, None), "esc": (paths.escalating_costs(FW), None)},
                          draws=3)
    nr = paths.no_regret(st, 0.8)
    assert st.plans == {("unit", "x"): 3, ("esc", "x"): 3}
    assert (nr["share"] <= 1).all() and nr["share"].is_monotonic_decreasing
    only_unit = paths.no_regret(st, 0.8, over=["unit"])
    assert only_unit["no_regret"].sum() >= 1


def test_sensitivity_replicate_zero_is_the_official_run():
    lv = {e: pd.DataFrame(np.random.default_rng(k).integers(1, 6, size=(20, 47)), columns=list(FW.ids))
          for k, e in enumerate(("a", "b", "c"))}
    s = sensitivity.run(lv, FW, n=2000, concentration=50, seed=3)
    for e in lv:
        assert s.index.loc[0, e] == sa.score(lv[e].iloc[0], FW).index
    assert s.weights.shape == (2000, 47) and np.allclose(s.weights.sum(axis=1), 100)
    assert s.rank.loc[0].tolist() == s.summary["nominal_rank"].tolist()
    p = s.summary[[c for c in s.summary.columns if c.startswith("p_")]].sum(axis=1)
    assert np.allclose(p, 1)
    fixed = sensitivity.run(lv, FW, n=200, concentration=50, seed=3, weights=False, levels=False)
    assert (fixed.index.nunique() == 1).all()


def test_sensitivity_narrows_with_concentration():
    lv = {e: pd.DataFrame(np.random.default_rng(k).integers(1, 6, size=(50, 47)), columns=list(FW.ids))
          for k, e in enumerate(("a", "b", "c", "d"))}
    wide = sensitivity.run(lv, FW, n=3000, concentration=10, seed=1)
    narrow = sensitivity.run(lv, FW, n=3000, concentration=1000, seed=1)
    assert (narrow.summary["index_p95"] - narrow.summary["index_p5"]).mean() < \
        (wide.summary["index_p95"] - wide.summary["index_p5"]).mean()


def test_aspect_dirichlet_keeps_within_aspect_ratios():
    w = sensitivity.dirichlet_weights(FW, 5, 50, seed=2, by="aspect")
    assert np.allclose(w[:, 0], w[:, 9]) and np.allclose(w.sum(axis=1), 100)


def test_a_roadmap_without_an_spbe_year_says_what_is_missing():
    import spbe_analysis as sa
    from spbe_analysis import transition
    with pytest.raises(sa.DataError, match="spbe_years argument: got \\[\\]; expected at least one SPBE year"):
        transition.setting([], [2026, 2027])
