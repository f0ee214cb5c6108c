"""Exact scoring: official examples, band edges, properties (hypothesis) and located errors."""
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import spbe_analysis as sa
from conftest import profile_with_units, reference_index, reference_round

FRAMEWORKS = list(sa.FRAMEWORK_NAMES)


def profiles(fw):
    return st.lists(st.integers(fw.level_min, fw.level_max), min_size=fw.n, max_size=fw.n).map(
        lambda lv: dict(zip(fw.ids, lv)))


any_fw_profile = st.sampled_from(FRAMEWORKS).flatmap(
    lambda name: st.tuples(st.just(sa.load_framework(name)), profiles(sa.load_framework(name))))


# ----------------------------------------------------------------------------- official examples
@pytest.mark.parametrize("exact, official", [("3.1925", "3.19"), ("3.5549", "3.55"), ("2.594", "2.59"),
                                             ("3.065", "3.07"), ("2.595", "2.60"), ("3.495", "3.50"),
                                             ("3.4949", "3.49"), ("1.795", "1.80")])
def test_round_half_up_examples(exact, official):
    assert sa.round_half_up(Fraction(exact)) == Decimal(official)
    assert sa.round_half_up(Decimal(exact)) == Decimal(official)
    assert sa.round_half_up(float(exact)) == Decimal(official)  # read through the shortest repr


@pytest.mark.parametrize("exact, official", [("3.1925", 3.19), ("2.594", 2.59), ("3.065", 3.07)])
def test_score_of_profiles_with_known_exact_value(fw2020, exact, official):
    n = Fraction(exact) * fw2020.total_units
    assert n.denominator == 1
    levels = profile_with_units(fw2020, int(n))
    s = sa.score(levels, fw2020)
    assert s.raw == Fraction(exact)
    assert s.index == official


@pytest.mark.parametrize("value, band", [(3.50, "Sangat Baik"), (3.49, "Baik"), (2.60, "Baik"), (2.59, "Cukup"),
                                         (1.80, "Cukup"), (1.79, "Kurang"), (4.20, "Memuaskan"),
                                         (4.19, "Sangat Baik"), (5.00, "Memuaskan"), (1.00, "Kurang"),
                                         (2.595, "Baik"), (3.4949, "Baik"), (3.495, "Sangat Baik")])
def test_published_predicates(value, band):
    assert sa.predicate(value, "spbe2020") == band


@pytest.mark.parametrize("value, band", [(1.49, "Kurang (Merintis)"), (1.50, "Cukup (Membangun)"),
                                         (2.50, "Baik (Berkembang)"), (3.50, "Sangat Baik (Melembaga)"),
                                         (3.99, "Sangat Baik (Melembaga)"), (4.00, "Memuaskan (Unggul)")])
def test_pemdi_predicates(value, band):
    assert sa.predicate(value, "pemdi2026") == band


def test_predicate_english_and_vectorised():
    assert sa.predicate(3.5, "spbe2020", lang="en") == "Very good"
    assert sa.predicate([2.4, 2.6], "spbe2020") == ["Cukup", "Baik"]
    s = sa.predicate(pd.Series([2.4, 4.13], index=["a", "b"]), "spbe2020")
    assert list(s) == ["Cukup", "Sangat Baik"] and list(s.index) == ["a", "b"]


@pytest.mark.parametrize("name", FRAMEWORKS)
def test_every_band_edge_and_its_neighbours(name):
    fw = sa.load_framework(name)
    names = fw.band_names()
    for k, lower in enumerate(fw.bands["lower"]):
        if k == 0:
            continue
        edge = Fraction(str(lower))
        assert sa.predicate(edge, fw) == names[k]
        assert sa.predicate(edge - Fraction(1, 100), fw) == names[k - 1]
        # exact values: the last half-hundredth below the edge rounds up into the band
        assert sa.predicate(edge - Fraction(1, 200), fw) == names[k]
        assert sa.predicate(edge - Fraction(1, 200) - Fraction(1, 10**9), fw) == names[k - 1]


def test_structure(fw2020):
    assert fw2020.n == 47 and list(fw2020.groups("domain")) == [1, 2, 3, 4]
    assert list(fw2020.groups("aspect")) == list(range(1, 9))
    assert sum(fw2020.indicators["weight"]) == 100
    assert fw2020.total_units == 2000  # weights are multiples of 0.05 points
    f18 = sa.load_framework("spbe2018")
    assert f18.n == 37 and {"35a", "35b", "35c"} <= set(f18.ids) and f18.level_min == 0
    assert f18.indicators.loc["35a", "weight"] == Fraction(10, 3)
    pem = sa.load_framework("pemdi2026")
    assert pem.n == 20 and len(pem.groups("domain")) == 0 and len(pem.groups("aspect")) == 7


def test_domains_and_aspects_of_a_known_profile(fw2020):
    levels = {i: (5 if int(i) >= 32 else 1) for i in fw2020.ids}
    s = sa.score(levels, fw2020)
    assert s.domains.to_dict() == {1: 1.0, 2: 1.0, 3: 1.0, 4: 5.0}
    assert s.raw == Fraction(1) * Fraction(545, 1000) + Fraction(5) * Fraction(455, 1000)
    assert s.index == 2.82 and s.predicate == "Baik"


def test_pemdi_scores_have_no_domains():
    pem = sa.load_framework("pemdi2026")
    s = sa.score({i: 3 for i in pem.ids}, pem)
    assert s.domains.empty and len(s.aspects) == 7 and s.index == 3.0


def test_integer_ids_accepted(fw2020):
    assert sa.score({int(i): 2 for i in fw2020.ids}, fw2020).index == 2.0


# ----------------------------------------------------------------------------- properties
@given(any_fw_profile)
def test_matches_exact_reference_and_rounds_once(fp):
    fw, levels = fp
    s = sa.score(levels, fw)
    ref = reference_index(levels, fw)
    assert s.raw == ref
    assert Fraction(str(s.index)) == reference_round(ref)
    assert s.predicate == sa.predicate(Fraction(str(s.index)), fw)
    for grp, ser in (("aspect", s.aspects), ("domain", s.domains)):
        for g, v in ser.items():
            members = fw.indicators.index[fw.indicators[grp] == g]
            w = sum(fw.indicators.loc[members, "weight"])
            exact = sum(fw.indicators.loc[i, "weight"] * levels[i] for i in members) / w
            assert Fraction(str(v)) == reference_round(exact)


@given(any_fw_profile)
def test_index_lies_between_lowest_and_highest_level(fp):
    fw, levels = fp
    s = sa.score(levels, fw)
    assert min(levels.values()) <= s.raw <= max(levels.values())
    assert min(levels.values()) <= s.index <= max(levels.values())


@given(any_fw_profile, st.data())
def test_monotone_in_every_level(fp, data):
    fw, levels = fp
    i = data.draw(st.sampled_from(fw.ids))
    if levels[i] == fw.level_max:
        return
    up = dict(levels, **{i: levels[i] + 1})
    a, b = sa.score(levels, fw), sa.score(up, fw)
    assert b.raw - a.raw == fw.indicators.loc[i, "weight"] / 100 > 0
    assert b.index >= a.index


@given(any_fw_profile, st.data())
def test_what_if_equals_rescoring(fp, data):
    fw, levels = fp
    keys = data.draw(st.lists(st.sampled_from(fw.ids), unique=True, max_size=6))
    changes = {k: data.draw(st.integers(fw.level_min, fw.level_max)) for k in keys}
    w = sa.what_if(levels, changes, fw)
    again = sa.score(dict(levels, **changes), fw)
    assert w.after.raw == again.raw and w.after.index == again.index
    assert w.delta == again.raw - sa.score(levels, fw).raw
    assert w.delta_official == pytest.approx(again.index - w.before.index, abs=1e-12)
    assert Fraction(sum(Fraction(str(c)) for c in w.contributions)).limit_denominator(10**6) == w.delta


@given(any_fw_profile, st.randoms(use_true_random=False))
def test_input_order_does_not_matter(fp, rnd):
    fw, levels = fp
    items = list(levels.items())
    rnd.shuffle(items)
    assert sa.score(dict(items), fw).raw == sa.score(levels, fw).raw
    assert sa.score(pd.Series(dict(items)), fw).index == sa.score(levels, fw).index


@given(st.sampled_from(FRAMEWORKS).flatmap(lambda n: st.lists(profiles(sa.load_framework(n)), min_size=1,
                                                              max_size=8).map(lambda p: (n, p))))
def test_score_table_equals_score(case):
    name, profs = case
    fw = sa.load_framework(name)
    wide = pd.DataFrame(profs, index=[f"e{k}" for k in range(len(profs))])
    tab = sa.score_table(wide, fw, by=["index", "domain", "aspect"])
    long = wide.stack().rename("level").rename_axis(["entity", "indicator"]).reset_index()
    tab_long = sa.score_table(long, fw, by=["index", "domain", "aspect"])
    pd.testing.assert_frame_equal(tab, tab_long)
    for k, p in enumerate(profs):
        s = sa.score(p, fw)
        rows = tab[tab["entity"] == f"e{k}"]
        idx = rows[rows["level"] == "index"].iloc[0]
        assert idx["value"] == s.index and idx["predicate"] == s.predicate
        assert idx["raw"] == float(s.raw)
        asp = rows[rows["level"] == "aspect"].set_index("unit")["value"]
        assert asp.to_dict() == s.aspects.to_dict()
        dom = rows[rows["level"] == "domain"].set_index("unit")["value"]
        assert dom.to_dict() == s.domains.to_dict()


@given(st.integers(0, 2000 * 4))
def test_float_never_moves_a_value_across_an_edge(extra):
    """Every attainable exact value N/2000 is rounded and banded exactly as Fractions say."""
    fw = sa.load_framework("spbe2020")
    from spbe_analysis.official import hundredths
    n = 2000 + extra
    h = int(hundredths(n, fw.total_units, fw.level_step))
    assert Fraction(h, 100) == reference_round(Fraction(n, 2000))
    assert sa.predicate(Fraction(n, 2000), fw) == sa.predicate(Fraction(h, 100), fw)


def test_score_table_numpy_and_float_input(fw2020):
    rng = np.random.default_rng(1)
    a = rng.integers(1, 6, size=(200, 47))
    t1 = sa.score_table(a, fw2020)
    t2 = sa.score_table(a.astype(float), fw2020)
    pd.testing.assert_frame_equal(t1, t2)
    t3 = sa.score_table(pd.DataFrame(a, columns=[str(i) for i in fw2020.ids]), fw2020)
    assert (t3["value"].to_numpy() == t1["value"].to_numpy()).all()


def test_effective_weights(fw2020):
    ew = sa.effective_weights(fw2020)
    assert ew.sum() == pytest.approx(100) and sum(sa.effective_weights(fw2020, exact=True)) == 100
    assert ew["1"] == 1.3 and ew["47"] == 3.0


# ----------------------------------------------------------------------------- errors
def base(fw):
    return {i: 3 for i in fw.ids}


@pytest.mark.parametrize("change, expect_col, expect_val, phrase", [
    ({"5": 6}, "5", 6, "between 1 and 5"),
    ({"5": 0}, "5", 0, "between 1 and 5"),
    ({"12": 2.5}, "12", 2.5, "whole level"),
    ({"12": float("nan")}, "12", None, "missing"),
    ({"12": "3"}, "12", "3", "number"),
    ({"12": True}, "12", True, "number"),
])
def test_bad_levels_are_located(fw2020, change, expect_col, expect_val, phrase):
    with pytest.raises(sa.DataError) as err:
        sa.score(dict(base(fw2020), **change), fw2020)
    e = err.value
    assert isinstance(e, ValueError)
    assert e.column == expect_col and phrase in str(e) and "levels argument" in str(e)
    if expect_val is not None:
        assert repr(expect_val) in str(e)


def test_missing_unknown_duplicate_indicators(fw2020):
    lv = base(fw2020)
    del lv["47"]
    with pytest.raises(sa.DataError, match="missing 1: 47"):
        sa.score(lv, fw2020)
    with pytest.raises(sa.DataError, match="'48'"):
        sa.score(dict(base(fw2020), **{"48": 3}), fw2020)
    dup = dict(base(fw2020))
    dup[7] = 3  # both "7" and 7
    with pytest.raises(sa.DataError, match="each indicator given once"):
        sa.score(dup, fw2020)
    with pytest.raises(sa.DataError, match="'I1'"):
        sa.score({"I1": 3}, fw2020)


def test_unknown_framework():
    with pytest.raises(sa.DataError, match="framework argument.*'spbe2019'.*spbe2020"):
        sa.load_framework("spbe2019")


def test_weights_must_sum_to_100():
    table = pd.DataFrame({"indicator": ["a", "b"], "aspect": [1, 1], "weight_pct": ["50", "49.95"]})
    with pytest.raises(sa.DataError, match="sum to exactly 100"):
        sa.make_framework("bad", table)
    ok = sa.make_framework("ok", table.assign(weight_pct=["50", "50"]))
    assert sa.score({"a": 2, "b": 3}, ok).index == 2.5


def test_score_table_errors_name_entity_and_indicator(fw2020):
    wide = pd.DataFrame([base(fw2020), base(fw2020)], index=["7501", "7502"])
    wide.loc["7502", "30"] = 7
    with pytest.raises(sa.DataError) as err:
        sa.score_table(wide, fw2020)
    assert err.value.row == "7502" and err.value.column == "30" and "got 7" in str(err.value)
    wide.loc["7502", "30"] = np.nan
    with pytest.raises(sa.DataError, match="missing value"):
        sa.score_table(wide, fw2020)
    long = pd.DataFrame({"entity": ["x", "x"], "indicator": ["1", "1"], "level": [3, 3]})
    with pytest.raises(sa.DataError, match="one level per entity and indicator"):
        sa.score_table(long, fw2020)
    with pytest.raises(sa.DataError, match="a column for every indicator"):
        sa.score_table(wide.drop(columns=["47"]), fw2020)
