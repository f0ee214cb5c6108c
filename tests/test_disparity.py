"""Gaps, dispersion (checked against hand-computed textbook values), convergence, and the
explicit handling of missing and censored values."""
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import spbe_analysis as sa
from spbe_analysis import disparity as D

from conftest import REG

FW = sa.load_framework("spbe2020")
positive = st.lists(st.floats(0.5, 5.0, allow_nan=False), min_size=2, max_size=8)


# ----------------------------------------------------------------------------- gaps
def test_gaps_are_exact_hundredths():
    v = pd.Series({"a": 2.52, "b": 2.40, "c": 3.00, "d": 4.30})
    gt = D.gap_table(v, FW, province=4.13, national=3.12, targets={"baik": 2.60})
    assert gt.loc["a", "gap_next_band"] == 0.08 and gt.loc["a", "next_band"] == "Baik"
    assert gt.loc["b", "gap_province"] == 1.73 and gt.loc["c", "gap_national"] == 0.12
    assert gt.loc["c", "next_band"] == "Sangat Baik" and gt.loc["c", "gap_next_band"] == 0.50
    assert gt.loc["d", "next_band"] == "-" and pd.isna(gt.loc["d", "gap_next_band"])  # top band: no next band
    assert gt.loc["b", "gap_best"] == 1.90 and gt.loc["d", "gap_best"] == 0.0
    assert gt.loc["c", "gap_baik"] == -0.40


def test_edge_values_belong_to_the_upper_band():
    nb, edge = D.next_band(3.50, FW)
    assert nb == "Memuaskan" and edge == 4.20
    nb, edge = D.next_band(3.49, FW)
    assert nb == "Sangat Baik" and edge == 3.50


def test_pairwise_gaps_are_antisymmetric():
    v = pd.Series({"a": 2.52, "b": 2.40, "c": 3.00})
    pg = D.pairwise_gaps(v)
    assert pg.loc["b", "c"] == 0.60 and pg.loc["c", "b"] == -0.60
    assert (pg.to_numpy() == -pg.to_numpy().T).all()


# ----------------------------------------------------------------------------- textbook values
def test_gini_textbook_values():
    assert D.gini([1, 2, 3, 4, 5]) == pytest.approx(4 / 15)       # sum|xi-xj| = 40, 2 n^2 mu = 150
    assert D.gini([1, 0, 0, 0]) == pytest.approx(0.75)                # (n - 1) / n
    assert D.gini([3, 3, 3]) == 0


def test_theil_textbook_values():
    # mean 2; T = 1/4 (3 * 0.5 ln 0.5 + 2.5 ln 2.5)
    assert D.theil([1, 1, 1, 5]) == pytest.approx(0.25 * (1.5 * math.log(0.5) + 2.5 * math.log(2.5)))
    assert D.theil([2, 2]) == pytest.approx(0)
    # two values 1 and 3: mean 2, T = 1/2 (0.5 ln 0.5 + 1.5 ln 1.5)
    assert D.theil([1, 3]) == pytest.approx(0.5 * (0.5 * math.log(0.5) + 1.5 * math.log(1.5)))


def test_dispersion_values():
    d = D.dispersion([2.0, 4.0])
    assert d["range"] == 2 and d["max_min_ratio"] == 2 and d["sd"] == 1 and d["cv"] == pytest.approx(1 / 3)
    assert d["gini"] == pytest.approx(2 / (2 * 4 * 3) * 2)  # sum|.| = 4, 2 n^2 mu = 24 -> 1/6
    with pytest.raises(ValueError, match="missing"):
        D.dispersion([2.0, float("nan")])


@given(positive, st.lists(st.integers(1, 4), min_size=8, max_size=8))
def test_integer_population_weights_equal_replication(x, reps):
    w = reps[:len(x)]
    rep = [v for v, k in zip(x, w) for _ in range(k)]
    a, b = D.dispersion(x, w), D.dispersion(rep)
    for m in ("mean", "sd", "cv", "gini", "theil"):
        assert a[m] == pytest.approx(b[m], rel=1e-9, abs=1e-12)


@given(positive, st.lists(st.sampled_from(["kab", "kota", "x"]), min_size=8, max_size=8),
       st.lists(st.floats(1, 100), min_size=8, max_size=8))
def test_theil_decomposition_adds_up(x, grp, w):
    idx = [f"e{k}" for k in range(len(x))]
    v = pd.Series(x, index=idx)
    g = pd.Series(grp[:len(x)], index=idx)
    for weights in (None, pd.Series(w[:len(x)], index=idx)):
        td = D.theil_decomposition(v, g, weights)
        assert td.within + td.between == pytest.approx(td.total, rel=1e-9, abs=1e-12)
        assert td.within >= -1e-12 and td.between >= -1e-12


@given(positive)
def test_scale_invariance(x):
    a, b = D.dispersion(x), D.dispersion([3 * v for v in x])
    for m in ("cv", "gini", "theil", "max_min_ratio"):
        assert a[m] == pytest.approx(b[m], rel=1e-9, abs=1e-12)


# ----------------------------------------------------------------------------- censored and missing
def test_dispersion_bounds_enumerate_every_possible_value():
    exact = pd.Series({"a": 2.03, "b": 2.30})
    lo, hi = D.dispersion_bounds(exact, {"c": (1.00, 2.02)}, "range")
    assert lo == pytest.approx(0.28) and hi == pytest.approx(1.30)  # c = 2.02 and c = 1.00
    # brute force agrees for CV
    vals = [float(D.dispersion([2.03, 2.30, c / 100])["cv"]) for c in range(100, 203)]
    lo, hi = D.dispersion_bounds(exact, {"c": (1.00, 2.02)}, "cv")
    assert lo == pytest.approx(min(vals)) and hi == pytest.approx(max(vals))


def test_sigma_convergence_never_treats_censored_as_exact():
    pub = sa.load_published()
    sig = D.sigma_convergence(pub, REG, [2022, 2023, 2024], FW)
    y22 = sig[sig["year"] == 2022]
    assert y22["value"].isna().all() and (y22["censored"] == "7501,7503").all() and (y22["n_exact"] == 4).all()
    assert (y22["low"] < y22["high"]).all()
    y24 = sig[sig["year"] == 2024]
    assert (y24["value"] == y24["low"]).all() and (y24["low"] == y24["high"]).all()


def test_sigma_convergence_reports_missing_entities():
    pub = sa.load_published()
    sig = D.sigma_convergence(pub, REG + ("75",), [2021, 2024], FW, measures=("range",))
    r21 = sig[sig["year"] == 2021].iloc[0]
    assert r21["missing"] == "75,7501,7502,7503,7504,7505,7571" and r21["n_exact"] == 0
    assert pd.isna(r21["value"]) and pd.isna(r21["low"]) and pd.isna(r21["high"])  # nothing invented
    r24 = sig[sig["year"] == 2024].iloc[0]
    assert r24["missing"] == "" and r24["value"] == pytest.approx(4.13 - 2.40)
    with pytest.raises(ValueError):
        D.dispersion([])


def test_sigma_trend_bounds_contain_every_completion():
    pub = sa.load_published()
    sig = D.sigma_convergence(pub, REG, [2022, 2023, 2024], FW, measures=("cv",))
    tr = D.sigma_trend(sig, "cv")
    for c1 in (1.00, 1.50, 2.02):
        for c2 in (1.00, 1.70, 2.02):
            vals = pub[(pub["year"] == 2022) & pub["entity_id"].isin(REG)].set_index("entity_id")
            x = np.array(vals["value"].astype(float).fillna(0).to_numpy(), copy=True)
            x[list(vals.index).index("7501")], x[list(vals.index).index("7503")] = c1, c2
            cv22 = D.dispersion(x)["cv"]
            y = [cv22] + list(sig.loc[sig["year"] > 2022, "low"])
            slope = np.polyfit([2022, 2023, 2024], y, 1)[0]
            assert tr["slope_low"] - 1e-12 <= slope <= tr["slope_high"] + 1e-12


def test_band_transitions_with_censored_start():
    pub = sa.load_published()
    bt = D.band_transitions(pub, REG, 2022, 2024, FW)
    assert bt.loc["7501", "band_2022"] == "Kurang/Cukup" and bt.loc["7501", "move"] == "uncertain"
    assert bt.loc["7505", "move"] == "up"  # 1.55 Kurang -> 2.89 Baik
    assert bt.loc["7502", "band_2022"] == "Cukup"
    bt21 = D.band_transitions(pub, REG, 2021, 2024, FW)
    assert (bt21["move"] == "n/a").all()


# ----------------------------------------------------------------------------- convergence
def test_beta_convergence_on_a_constructed_case():
    # growth exactly -0.5 * ln(v0) + c, over one year
    v0 = pd.Series({"a": 1.0, "b": 2.0, "c": 4.0})
    g = -0.5 * np.log(v0) + 0.3
    v1 = v0 * np.exp(g)
    bc = D.beta_convergence(v0, v1, 2023, 2024)
    assert bc.beta == pytest.approx(-0.5) and bc.r2 == pytest.approx(1.0)
    assert bc.speed == pytest.approx(-math.log(0.5)) and bc.half_life == pytest.approx(1.0)
    assert "descriptive" in bc.note


def test_beta_convergence_refuses_missing():
    with pytest.raises(ValueError, match="exact values"):
        D.beta_convergence(pd.Series({"a": 2.0, "b": np.nan, "c": 2.5}), pd.Series({"a": 2.1, "b": 2.2, "c": 2.6}),
                           2022, 2024)


def test_rank_mobility():
    a = pd.Series({"x": 1.0, "y": 2.0, "z": 3.0})
    assert D.rank_mobility(a, a * 2)["tau"] == pytest.approx(1.0)
    assert D.rank_mobility(a, -a + 10)["tau"] == pytest.approx(-1.0)


def test_comparisons_across_instruments_are_refused():
    pub = sa.load_published()
    fw = sa.load_framework("spbe2020")
    with pytest.raises(sa.DataError, match="different instruments"):
        D.band_transitions(pub, ("7501",), 2025, 2026, fw)
    with pytest.raises(sa.DataError, match="different instruments"):
        D.sigma_convergence(pub, ("7501", "7502"), [2024, 2026], fw)
