"""Forecasts with a track record: every one-step forecast of the record scored (censored values as
bounds, unscorable ones listed with the reason), the model the record supports, and the chance of
reaching a band by each year over the chosen model's observed errors."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import spbe_analysis as sa
from spbe_analysis import forecast
from spbe_analysis.figures import pace as fpace

PUB = sa.load_published()
REG = ("7501", "7502", "7503", "7504", "7505", "7571")
NA = None


def _table(rows):
    """A small published table: (entity, year, instrument, status, value, bound)."""
    df = pd.DataFrame(rows, columns=["entity_id", "year", "instrument", "status", "value", "bound"])
    df["framework"] = df["instrument"]
    df["entity_type"] = "kabupaten"
    df["value"] = pd.array(df["value"], dtype="Float64")
    df["bound"] = pd.array(df["bound"], dtype="Float64")
    return df


# A: exact 2021-2024, plus a 2019 value on SPBE 2018 and a 2026 value on PEMDI (never forecast across);
# B: censored in 2022 ("below 2.10"); C: a gap in 2022; D: a censored outcome in 2023.
SMALL = _table([
    ("A", 2019, "spbe2018", "exact", 1.50, NA), ("A", 2021, "spbe2020", "exact", 2.00, NA),
    ("A", 2022, "spbe2020", "exact", 2.20, NA), ("A", 2023, "spbe2020", "exact", 2.50, NA),
    ("A", 2024, "spbe2020", "exact", 2.50, NA), ("A", 2026, "pemdi2026", "exact", 2.00, NA),
    ("B", 2021, "spbe2020", "missing", NA, NA), ("B", 2022, "spbe2020", "below", NA, 2.10),
    ("B", 2023, "spbe2020", "exact", 2.30, NA), ("B", 2024, "spbe2020", "exact", 2.80, NA),
    ("C", 2021, "spbe2020", "exact", 2.60, NA), ("C", 2022, "spbe2020", "missing", NA, NA),
    ("C", 2023, "spbe2020", "exact", 2.90, NA), ("C", 2024, "spbe2020", "exact", 3.00, NA),
    ("D", 2022, "spbe2020", "exact", 2.50, NA), ("D", 2023, "spbe2020", "below", NA, 2.40),
    ("D", 2024, "spbe2020", "exact", 2.30, NA),
])


def _errors(bt, model):
    f = bt.forecasts[bt.forecasts["model"] == model]
    return {(e, y): (None if np.isnan(x) else round(x, 4)) for e, y, x in zip(f["entity"], f["year"], f["error"])}


def test_every_one_step_forecast_is_scored_or_listed_with_its_reason():
    bt = forecast.backtest(SMALL, entities=["A", "B", "C", "D"], instrument="spbe2020")
    # by hand: a year with a value and an earlier value on SPBE 2020 -> A 2022-2024, B 2023-2024,
    # C 2023-2024, D 2023-2024: 9 forecast years x 4 models (never 2021 from 2019, nor 2026 from 2024)
    f = bt.forecasts
    assert len(f) == 36 and set(zip(f["entity"], f["year"])) == {
        ("A", 2022), ("A", 2023), ("A", 2024), ("B", 2023), ("B", 2024), ("C", 2023), ("C", 2024), ("D", 2023),
        ("D", 2024)}
    assert (f["year"] - f["origin"] == 1).all()
    # no change: next = this; B 2022 "below 2.10" forecasts [1.00, 2.09]; D 2023 is a censored outcome
    assert _errors(bt, "no_change") == {("A", 2022): 0.2, ("A", 2023): 0.3, ("A", 2024): 0.0, ("B", 2023): 0.21,
                                        ("B", 2024): 0.5, ("C", 2023): None, ("C", 2024): 0.1, ("D", 2023): 0.11,
                                        ("D", 2024): 0.0}
    d24 = f[(f["entity"] == "D") & (f["year"] == 2024) & (f["model"] == "no_change")].iloc[0]
    assert (d24["forecast_low"], d24["forecast_high"], d24["error"]) == (1.0, 2.39, 0.0)   # 2.30 inside: error 0
    # pooled drift: exact consecutive changes so far (2023: A's 0.20; 2024: A's 0.20 and 0.30)
    assert _errors(bt, "pooled") == {("A", 2022): None, ("A", 2023): 0.1, ("A", 2024): 0.25, ("B", 2023): 0.01,
                                     ("B", 2024): 0.25, ("C", 2023): None, ("C", 2024): 0.15, ("D", 2023): 0.31,
                                     ("D", 2024): 0.0}
    # own pace: B's 2022->2023 change is [0.21, 1.30], so 2024 is forecast [2.51, 3.60]: 2.80 inside
    assert _errors(bt, "own") == {("A", 2022): None, ("A", 2023): 0.1, ("A", 2024): 0.3, ("B", 2023): None,
                                  ("B", 2024): 0.0, ("C", 2023): None, ("C", 2024): None, ("D", 2023): None,
                                  ("D", 2024): 0.02}
    # shrunk: k for 2024 chosen on A 2023 only (own = pooled there: every k ties -> the smallest)
    assert bt.k.set_index("year").loc[2024, "k"] == 0.0 and bt.k.set_index("year").loc[2025, "k"] == 0.25
    assert _errors(bt, "shrunk") == {("A", 2022): None, ("A", 2023): None, ("A", 2024): 0.25, ("B", 2023): None,
                                     ("B", 2024): 0.25, ("C", 2023): None, ("C", 2024): None, ("D", 2023): None,
                                     ("D", 2024): 0.0}
    why = f[f["error"].isna()].groupby(["model", "reason"]).size().to_dict()
    assert why == {("no_change", "no_origin"): 1, ("pooled", "no_origin"): 1, ("pooled", "no_pooled"): 1,
                   ("own", "no_origin"): 1, ("own", "no_own"): 4, ("shrunk", "no_origin"): 1,
                   ("shrunk", "no_pooled"): 1, ("shrunk", "no_own"): 3, ("shrunk", "no_k"): 1}
    assert (f.loc[f["error"].isna(), "note"] != "").all()
    s = bt.summary.set_index("model")
    assert s["n"].to_dict() == {"no_change": 8, "pooled": 7, "own": 4, "shrunk": 3}
    assert (s["n"] + s["n_unscored"] == 9).all()
    assert s.loc["no_change", "mae"] == pytest.approx(1.42 / 8)
    assert s.loc["own", "mae_no_change"] == pytest.approx(0.8 / 4)          # no change on A23, A24, B24, D24
    assert bt.n_common == 3 and s.loc["own", "mae_common"] == pytest.approx(0.32 / 3) and bt.chosen == "own"


def test_the_instrument_comes_from_the_year_without_an_instrument_column():
    with_col = forecast.backtest(SMALL, entities=["A", "B", "C", "D"], instrument="spbe2020")
    without = forecast.backtest(SMALL.drop(columns="instrument"), entities=["A", "B", "C", "D"], instrument="spbe2020")
    neither = forecast.backtest(SMALL.drop(columns=["instrument", "framework"]), entities=["A", "B", "C", "D"],
                                instrument="spbe2020")
    pd.testing.assert_frame_equal(with_col.forecasts, without.forecasts)
    pd.testing.assert_frame_equal(with_col.forecasts, neither.forecasts)


def test_pemdi_is_forecast_once_two_cycles_are_published():
    assert forecast.forecastable_instruments(SMALL, ["A"]) == ["spbe2020"]     # one PEMDI cycle: not yet
    two = pd.concat([SMALL, _table([("A", 2027, "pemdi2026", "exact", 2.35, NA), ("B", 2026, "pemdi2026", "exact",
                                                                                  1.80, NA),
                                    ("B", 2027, "pemdi2026", "exact", 1.85, NA)])], ignore_index=True)
    bt = forecast.backtest(two, entities=["A", "B"])
    assert bt.instrument == "pemdi2026" and set(bt.forecasts["year"]) == {2027}
    assert sorted(bt.residuals("no_change")) == pytest.approx([0.05, 0.35])
    r = forecast.reach(bt, two, entities=["A", "B"], draws=200, seed=1)
    assert set(r.table["start_year"]) == {2027} and not r.table["beyond_instrument"].any()
    with pytest.raises(sa.DataError):
        forecast.backtest(SMALL, entities=["A"], instrument="pemdi2026")


def test_on_the_record_own_pace_misses_by_more_than_no_change():
    bt = forecast.backtest(PUB)
    s = bt.summary.set_index("model")
    assert bt.instrument == "spbe2020" and s.loc["no_change", "n"] == 17      # 6 regencies x 2, province 2, nation 3
    assert s.loc["own", "mae"] > s.loc["own", "mae_no_change"]
    assert s.loc["own", "mae_common"] > s.loc["no_change", "mae_common"] and bt.chosen == "no_change"
    f = bt.forecasts
    # the split of the old backtest: fitted 2022->2023, tested on 2024, exact regencies only
    old = f[(f["year"] == 2024) & f["entity"].isin(["7502", "7504", "7505", "7571"])].groupby("model")["error"].mean()
    assert old["own"] > old["no_change"]
    # Boalemo and Pohuwato (2022 censored) are scored as intervals, not left out
    censored = f[f["entity"].isin(["7501", "7503"]) & (f["year"] == 2023) & (f["model"] == "no_change")]
    assert (censored["forecast_low"] == 1.0).all() and (censored["forecast_high"] == 2.02).all()
    assert censored.set_index("entity")["error"].round(2).to_dict() == {"7501": 0.0, "7503": 0.39}
    assert not (f["year"].isin([2019, 2021, 2026]) & f["error"].notna()).any()


def test_reach_probabilities_are_shares_monotone_and_seeded():
    bt = forecast.backtest(PUB)
    r = forecast.reach(bt, PUB, draws=1000, seed=7)
    again = forecast.reach(bt, PUB, draws=1000, seed=7)
    pd.testing.assert_frame_equal(r.table, again.table)
    assert not r.table.equals(forecast.reach(bt, PUB, draws=1000, seed=8).table)
    assert r.table["p"].between(0, 1).all() and set(r.table["entity"]) == set(REG)
    for _, g in r.table.groupby("entity"):
        assert g.sort_values("year")["p"].is_monotonic_increasing
    assert r.n_errors == 15 and "15 observed forecast errors of the no change model" in r.varies
    assert list(r.table.loc[r.table["entity"] == "7501", "band"].unique()) == ["Baik"]
    assert r.table.set_index(["entity", "year"])["beyond_instrument"].to_dict()[("7501", 2026)]
    for m in forecast.MODELS:
        p = forecast.reach(bt, PUB, model=m, draws=300, seed=1).table
        assert p["p"].between(0, 1).all()


def test_findings_never_claim_certainty():
    assert fpace.share_text(1.0, 4000, "en") == "in all 4,000 draws"
    assert fpace.share_text(0.0, 4000, "id") == "dalam tak satu pun dari 4.000 simulasi"
    assert fpace.share_text(0.9996, 4000, "en") == "in >99% of 4,000 draws"
    assert fpace.share_text(0.0004, 4000, "en", short=True) == "in <1%"
    bt = forecast.backtest(PUB)
    r = forecast.reach(bt, PUB, draws=500, seed=3)
    for lang in ("id", "en"):
        text = fpace.reach_finding(r).text(lang) + fpace.backtest_finding(bt).text(lang)
        assert "100%" not in text and " 0%" not in text


def test_charts_state_their_findings():
    import matplotlib.pyplot as plt
    bt = forecast.backtest(PUB)
    r = forecast.reach(bt, PUB, draws=300, seed=2)
    for chart, finding, data in ((fpace.backtest_chart, fpace.backtest_finding, bt),
                                 (fpace.reach_chart, fpace.reach_finding, r)):
        ax = chart(data, lang="en", footer="published_indices.csv")
        assert ax.figure._suptitle.get_text().replace("\n", " ") == finding(data).title("en")
        plt.close(ax.figure)
        fig, own = plt.subplots()
        assert chart(data, lang="id", footer="x", ax=own) is own
        plt.close(fig)


hundredths = st.integers(min_value=100, max_value=500)


@given(hundredths, hundredths, hundredths, hundredths)
def test_interval_error_is_zero_exactly_when_the_outcome_meets_the_forecast(a, b, c, d):
    (a, b), (c, d) = sorted((a, b)), sorted((c, d))
    e = forecast.interval_error((a / 100, b / 100), (c / 100, d / 100))
    assert e >= 0
    assert (e == 0) == (max(a, c) <= min(b, d))
    assert e == pytest.approx(max(0, a - d, c - b) / 100)
    assert e == forecast.interval_error((c / 100, d / 100), (a / 100, b / 100))
