"""Illustrative ensembles: exact by construction, faithful to the conditional distribution,
reproducible, and refusing impossible constraints."""
import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import spbe_analysis as sa

from conftest import REG, examples
from spbe_analysis import panel, profiles

FW = sa.load_framework("spbe2020")


@given(st.integers(100, 500).map(lambda h: h / 100), st.integers(0, 2**31 - 1))
@settings(max_examples=examples(60))
def test_every_draw_has_exactly_the_published_index(value, seed):
    ens = profiles.sample_profiles(FW, value, n=50, seed=seed)
    sc = sa.score_table(ens.levels, FW)
    assert (sc["value"] == value).all()
    assert ens.levels.to_numpy().min() >= 1 and ens.levels.to_numpy().max() <= 5
    assert ens.label == "illustrative"


def test_pemdi_values_are_decimal_and_not_sampled():
    with pytest.raises(sa.DataError, match="whole levels"):
        profiles.sample_profiles("pemdi2026", 2.75, n=5)


@pytest.mark.parametrize("name, value", [("spbe2018", 3.18), ("spbe2018", 0.50)])
def test_other_frameworks(name, value):
    fw = sa.load_framework(name)
    ens = profiles.sample_profiles(fw, value, n=100, seed=1)
    assert (sa.score_table(ens.levels, fw)["value"] == value).all()


def test_domain_and_aspect_windows_hold_jointly():
    base = sa.score(profiles.sample_profiles(FW, 2.52, n=1, seed=3).levels.iloc[0], FW)
    for kw in ({"domains": base.domains.to_dict()}, {"aspects": base.aspects.to_dict()},
               {"domains": {3: base.domains[3]}}):
        ens = profiles.sample_profiles(FW, 2.52, n=300, seed=4, **kw)
        by = "domain" if "domains" in kw else "aspect"
        sc = sa.score_table(ens.levels, FW, by=["index", by])
        assert (sc.loc[sc["level"] == "index", "value"] == 2.52).all()
        known = kw.get("domains") or kw.get("aspects")
        for g, v in known.items():
            got = sc[(sc["level"] == by) & (sc["unit"] == g)]["value"]
            assert (got == v).all(), (g, v, got.unique())


def test_seeded_and_reproducible():
    a = profiles.sample_profiles(FW, 2.40, n=200, seed=7).levels
    b = profiles.sample_profiles(FW, 2.40, n=200, seed=7).levels
    c = profiles.sample_profiles(FW, 2.40, n=200, seed=8).levels
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)


def test_draws_follow_the_exact_conditional_distribution():
    """On a tiny framework, empirical frequencies match exact enumeration of prior x window."""
    table = pd.DataFrame({"indicator": ["a", "b", "c"], "aspect": [1, 1, 2], "domain": [1, 1, 2],
                          "weight_pct": ["30", "30", "40"]})
    fw = sa.make_framework("tiny", table)
    prior = profiles.make_prior(fw, centres={1: 2.0, 2: 4.0}, spread=1.2)
    target = 3.0
    P = prior.to_numpy()
    exact = {}
    for lv in itertools.product(range(1, 6), repeat=3):
        s = sa.score(dict(zip("abc", lv)), fw)
        if s.index == target:
            exact[lv] = np.prod([P[i, lv[i] - 1] for i in range(3)])
    z = sum(exact.values())
    n = 40_000
    ens = profiles.sample_profiles(fw, target, n=n, seed=11, prior=prior).levels
    counts = ens.value_counts()
    for lv, p in exact.items():
        expected = p / z
        got = counts.get(lv, 0) / n
        assert abs(got - expected) < 4 * np.sqrt(expected * (1 - expected) / n) + 1e-4, (lv, got, expected)
    assert set(counts.index) <= set(exact)


def test_impossible_constraints_are_refused():
    with pytest.raises(sa.DataError, match="domain 3"):
        profiles.sample_profiles(FW, 2.40, domains={3: 1.50})  # 11 equal weights: 16/11 -> 1.45, 17/11 -> 1.55
    with pytest.raises(sa.DataError, match="together with the given domain values"):
        profiles.sample_profiles(FW, 2.40, domains={1: 2.5, 2: 2.2, 3: 1.55, 4: 2.9})
    with pytest.raises(sa.DataError, match="index argument"):
        profiles.sample_profiles(FW, 5.01)
    with pytest.raises(sa.DataError, match="2 decimals"):
        profiles.sample_profiles(FW, 2.405)


def test_sample_published_refuses_censored_and_missing():
    pub = sa.load_published()
    with pytest.raises(sa.DataError, match="7501.*below"):
        profiles.sample_published(pub, 2022, ("7501",), n=5)
    ens = profiles.sample_published(pub, 2024, REG, n=20, seed=1)
    for e, en in ens.items():
        assert (sa.score_table(en.levels, FW)["value"] == panel.value_of(pub, e, 2024)).all()


def test_context_switches_to_a_real_sheet(tmp_path):
    from spbe_analysis import sheets
    t = sheets.template(FW)
    t["level"] = 3
    path = tmp_path / "real.csv"
    t.to_csv(path, index=False)
    ctx = sa.context(2024, sheet=str(path), n_profiles=5)
    assert not ctx.illustrative and all(len(v) == 1 for v in ctx.profiles.levels.values())
    assert (ctx.start == 3.0).all() and list(ctx.sheet_check.index[~ctx.sheet_check["differs"]]) == ["7504"]
    ill = sa.context(2024, n_profiles=10, lang="en")
    assert ill.illustrative and "simulated profiles" in ill.footer
    assert (ill.start == ill.values).all()
