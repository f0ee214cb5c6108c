"""PEMDI: exact scoring of decimal results at every band edge, the real assessor result, the
crosswalk's coverage, a projection that never falls when an SPBE level rises, scenario values drawn
from a PERT within their range, and a single real profile that still gives a range."""
import csv
import re
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import spbe_analysis as sa
from spbe_analysis import pemdi, sheets
from spbe_analysis.config import data_dir

from conftest import examples, reference_round

PD = sa.load_framework("pemdi2026")
SPBE = sa.load_framework("spbe2020")


def with_i20(a, b):
    """All indicators at ``a`` except I20 (weight 15) at ``b``: index = (85 a + 15 b) / 100."""
    v = {i: a for i in PD.ids}
    v["I20"] = b
    return v


@pytest.mark.parametrize("values, index, band", [
    (with_i20(1.0, 4.3), 1.50, "Cukup (Membangun)"),            # exact 1.495 rounds onto the edge
    (with_i20(1.0, 4.29), 1.49, "Kurang (Merintis)"),           # exact 1.4935
    (with_i20(2.06, 4.96), 2.50, "Baik (Berkembang)"),          # exact 2.495
    (with_i20(2.06, 4.95), 2.49, "Cukup (Membangun)"),          # exact 2.4935
    (with_i20(3.24, 4.94), 3.50, "Sangat Baik (Melembaga)"),    # exact 3.495
    (with_i20(3.83, 4.93), 4.00, "Memuaskan (Unggul)"),         # exact 3.995
    (with_i20(3.83, 4.92), 3.99, "Sangat Baik (Melembaga)"),    # exact 3.9935
    ({i: Fraction(2495, 1000) for i in PD.ids}, 2.50, "Baik (Berkembang)"),
    ({i: Fraction(1, 1) + Fraction(1, 2) - Fraction(1, 201) for i in PD.ids}, 1.50, "Cukup (Membangun)"),
    ({i: Decimal("3.50") for i in PD.ids}, 3.50, "Sangat Baik (Melembaga)"),
    ({i: 5 for i in PD.ids}, 5.00, "Memuaskan (Unggul)"),
    ({i: 1 for i in PD.ids}, 1.00, "Kurang (Merintis)"),
])
def test_fractional_results_at_every_band_edge(values, index, band):
    s = sa.score(values, PD)
    assert s.index == index and s.predicate == band
    ref = sum(Fraction(w) * Fraction(str(values[i])) if not isinstance(values[i], Fraction) else Fraction(w) * values[i]
              for i, w in PD.indicators["weight"].items()) / 100
    assert s.raw == ref and Fraction(s.hundredths, 100) == reference_round(ref)
    if all(isinstance(v, (int, float)) for v in values.values()):
        t = sa.score_table(pd.DataFrame([values]), PD)
        assert t["value"].iloc[0] == index and t["predicate"].iloc[0] == band


two_dec = st.integers(100, 500).map(lambda k: k / 100)


@given(st.lists(two_dec, min_size=20, max_size=20))
def test_score_table_equals_exact_score_on_two_decimal_results(vals):
    v = dict(zip(PD.ids, vals))
    s = sa.score(v, PD)
    t = sa.score_table(np.array([vals]), PD, by=["index", "aspect"])
    assert t.loc[t["level"] == "index", "value"].iloc[0] == s.index
    assert t.loc[t["level"] == "aspect", "value"].tolist() == s.aspects.tolist()
    ref = sum(Fraction(w) * Fraction(str(x)) for w, x in zip(PD.indicators["weight"], vals)) / 100
    assert Fraction(s.hundredths, 100) == reference_round(ref)


def _reference():
    with open(data_dir() / "reference" / "pemdi2026_acehtengah_assessor.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_the_published_assessor_result_is_reproduced_exactly():
    rows = _reference()
    exact = {r["id"]: Fraction(r["value_exact"]) for r in rows if r["level"] == "indicator"}
    s = sa.score(exact, PD)
    published = {int(r["id"]): float(r["value_published"]) for r in rows if r["level"] == "aspect"}
    assert s.aspects.to_dict() == published
    assert s.index == float(next(r["value_published"] for r in rows if r["level"] == "index")) == 1.24
    shown = {r["id"]: float(r["value_published"]) for r in rows if r["level"] == "indicator"}
    assert sa.score(shown, PD).aspects[5] == 1.09, "the displayed 1.17 for I13 is itself rounded (see the file)"


def test_external_indicators_are_marked_with_their_default():
    ext = pemdi.load_external()
    assert list(ext.index) == ["I5", "I6", "I7", "I18"]
    assert (ext["default_value"] == Decimal("1.00")).all() and ext["agency"].str.len().gt(0).all()


def test_the_crosswalk_covers_both_frameworks():
    cw = pemdi.load_crosswalk()
    assert set(SPBE.ids) <= set(cw["spbe_indicator"])
    ext = set(pemdi.load_external().index)
    for j in PD.ids:
        rows = cw[cw["pemdi_indicator"] == j]
        if j in ext:
            assert set(rows["role"]) <= {"informs_external"}
        else:
            assert sum(rows.loc[rows["role"].isin(["carried", "new"]), "share"], Fraction(0)) == 1
    assert set(cw.loc[cw["role"] == "not_carried", "spbe_indicator"]) == {"24"}
    assert cw["rationale"].str.len().gt(20).all() and set(cw["basis"]) <= set(pemdi.BASES)
    arr = pemdi.crosswalk_arrays(cw)
    assert arr.carried_weight + arr.new_weight + arr.external_weight == pytest.approx(100)


def test_a_crosswalk_that_does_not_add_up_is_refused(tmp_path, monkeypatch):
    import shutil
    dst = tmp_path / "data"
    shutil.copytree(data_dir(), dst)
    p = dst / "crosswalk_spbe2020_pemdi2026.csv"
    p.write_text(p.read_text().replace("3,I5,informs_external", "3,I4,carried").replace(
        "I4,carried,0.60,level criteria", "I4,carried,0.60,level criteria", 1), encoding="utf-8")
    monkeypatch.setenv("SPBE_DATA_DIR", str(dst))
    with pytest.raises(sa.DataError, match="share between 0 and 1|adding up to exactly 1|share in"):
        pemdi.load_crosswalk()


@pytest.mark.slow
@given(st.lists(st.integers(1, 5), min_size=47, max_size=47), st.integers(0, 46),
       st.sampled_from([0.25, 0.5, 1.0]), st.sampled_from([1.0, 1.37, 1.75]))
def test_raising_an_spbe_level_never_lowers_a_projected_pemdi_value(levels, i, carry, new):
    cw = pemdi.crosswalk_arrays()
    lv = np.array([levels])
    up = lv.copy()
    up[0, i] = min(5, up[0, i] + 1)
    v0 = pemdi.project_values(lv, carry, new, 1, cw)
    v1 = pemdi.project_values(up, carry, new, 1, cw)
    assert (v1 >= v0).all()
    assert pemdi.project_index(v1, cw)[1][0] >= pemdi.project_index(v0, cw)[1][0]


def test_projection_of_full_credit_equals_the_crosswalk_formula():
    cw = pemdi.crosswalk_arrays()
    lv = np.full((1, 47), 3)
    V = pemdi.project_values(lv, 1, 1, 1, cw)[0] / 10 ** 4
    carried = cw.S.sum(axis=0) / 100
    expect = np.where(cw.external, 1.0, carried * 3 + (1 - carried) * 1.0)
    assert np.allclose(V, expect)


def test_a_real_pemdi_result_replaces_the_projection(tmp_path):
    t = sheets.template("pemdi2026", year=2026)
    t["level"] = "1,5"
    t.loc[t["indicator"] == "I13", "level"] = "7/6"
    path = tmp_path / "pemdi.csv"
    t.to_csv(path, index=False, sep=";")
    res = pemdi.results_from_sheet(str(path))
    assert res["7501"]["I13"] == Fraction(7, 6) and res["7501"]["I1"] == Fraction(3, 2)
    lv = {e: pd.DataFrame([{i: 3 for i in SPBE.ids}] * 5) for e in ("7501", "7502")}
    p = pemdi.project(lv, seed=1, results={"7501": res["7501"]})
    d = p.draws
    real = d[d["entity"] == "7501"]
    assert (real["source"] == "pemdi result").all() and real["index"].nunique() == 1
    assert real["index"].iloc[0] == sa.score(res["7501"], PD).index
    assert (d.loc[d["entity"] == "7502", "source"] == "projection").all()
    assert list(p.spread["entity"]) == ["7502"]


def test_spread_splits_exactly_and_bands_are_probabilities():
    lv = {"x": pd.DataFrame(np.random.default_rng(2).integers(1, 6, size=(200, 47)), columns=list(SPBE.ids))}
    p = pemdi.project(lv, seed=3)
    s = p.spread.iloc[0]
    shares = ["share_profile", "share_carry", "share_new", "share_external"]
    assert s[shares].sum() == pytest.approx(1.0) and (s[shares] > 0).all()
    # the split is of the central scenario's variance: it matches the draws' variance
    raw = p.draws.loc[p.draws["scenario"] == "central", "raw"]
    assert float(raw.var(ddof=0)) == pytest.approx(s["variance"], rel=0.15)
    probs = p.band_probabilities("central")
    assert probs.sum(axis=1).iloc[0] == pytest.approx(1.0) and list(probs.columns) == PD.band_names()


@settings(max_examples=examples(40))
@given(st.integers(0, 400), st.integers(1, 80), st.integers(0, 80), st.sampled_from(["pert", "triangular"]),
       st.sampled_from([1, 4, 8]), st.integers(0, 2 ** 16))
def test_scenario_draws_stay_in_range_with_their_mode_at_the_central_value(lo, width, at, dist, lam, seed):
    lo_, hi_ = 100 + lo, 100 + lo + width
    c_ = lo_ + min(at, width)
    low, central, high = lo_ / 100, c_ / 100, hi_ / 100
    grid, p = pemdi.projection.scenario_pmf(low, central, high, dist, lam)
    assert grid[0] == lo_ and grid[-1] == hi_ and p.sum() == pytest.approx(1.0) and (p >= 0).all()
    # the mode of the grid distribution is the central value, to within one rounding cell
    assert abs(int(grid[p.argmax()]) - c_) <= 1
    if dist == "pert":
        a, b = pemdi.projection.pert_parameters(low, central, high, lam)
        assert (a - 1) / (a + b - 2) == pytest.approx((central - low) / (high - low))
    x = pemdi.projection.sample_scenario(low, central, high, 2000, seed=seed, distribution=dist, shape=lam)
    assert x.min() >= low and x.max() <= high and np.allclose(x * 100, np.round(x * 100))
    mean = (low + lam * central + high) / (lam + 2) if dist == "pert" else (low + central + high) / 3
    sd = (high - low) / 2
    assert abs(x.mean() - mean) <= 4 * sd / np.sqrt(2000) + 0.006


def test_a_point_range_draws_the_point_and_the_central_value_is_the_most_likely():
    assert pemdi.projection.sample_scenario(1.5, 1.5, 1.5, 5).tolist() == [1.5] * 5
    x = pemdi.projection.sample_scenario(1.0, 1.25, 1.75, 20000, seed=4)
    vals, counts = np.unique(np.round(x, 1), return_counts=True)
    assert vals[counts.argmax()] == pytest.approx(1.2) or vals[counts.argmax()] == pytest.approx(1.3)
    assert x.mean() == pytest.approx((1.0 + 4 * 1.25 + 1.75) / 6, abs=0.01)  # no longer the uniform mean 1.375


def test_the_projection_uses_the_central_values_of_the_data_file():
    a = pemdi.load_assumptions()
    assert set(a.distribution.values()) == {"pert"} and all(v == 4 for v in a.shape.values())
    lv = {"x": pd.DataFrame([{i: 3 for i in SPBE.ids}])}
    d = pemdi.project(lv, seed=5).draws
    c = d[d["scenario"] == "central"]
    assert c["carry"].min() >= float(a.carry[0]) and c["carry"].max() <= float(a.carry[2])
    assert c["new_value"].min() >= float(a.new_value[0]) and c["new_value"].max() <= float(a.new_value[2])
    pert_mean = float(a.new_value[0] + 4 * a.new_value[1] + a.new_value[2]) / 6
    assert c["new_value"].mean() == pytest.approx(pert_mean, abs=0.02)
    assert (d.loc[d["scenario"] == "strict", "carry"] == float(a.carry[0])).all()
    assert (d.loc[d["scenario"] == "full_credit", "carry"] == float(a.carry[2])).all()


def test_one_real_profile_still_gives_a_range_and_honest_band_probabilities():
    cw = pemdi.crosswalk_arrays()
    lv = {e: pd.DataFrame([{i: lvl for i in SPBE.ids}]) for e, lvl in (("low", 1), ("mid", 2), ("high", 3))}
    p = pemdi.project(lv, seed=7, illustrative=False)
    assert p.draws_per_profile == {"low": 500, "mid": 500, "high": 500}
    d = p.draws
    assert (d.groupby(["scenario", "entity"]).size() >= 500).all()
    s = p.summary().set_index(["scenario", "entity"])
    for e in lv:
        assert s.loc[("central", e), "p95"] > s.loc[("central", e), "p5"], e
    for sc in pemdi.SCENARIOS:
        probs = p.band_probabilities(sc)
        for e in lv:
            x = d[(d["scenario"] == sc) & (d["entity"] == e)]["index"]
            one_band = cw.pemdi.band_index(np.array([round(x.min() * 100), round(x.max() * 100)]))
            if probs.loc[e].max() == 1.0:
                assert one_band[0] == one_band[1], (sc, e)
    # a profile whose projection straddles the 1.50 edge: neither band is certain
    probs = p.band_probabilities("central").loc["mid"]
    assert 0 < probs["Kurang (Merintis)"] < 1 and 0 < probs["Cukup (Membangun)"] < 1
    assert p.varies == ["nilai bukti baru", "nilai indeks eksternal", "kredit bukti lama"]
    assert p.varied("strict", "en") == ["value of new evidence", "value of the external indices"]


def test_an_ensemble_names_the_illustrative_profile_among_what_varies():
    lv = {"x": pd.DataFrame(np.random.default_rng(1).integers(1, 6, size=(30, 47)), columns=list(SPBE.ids))}
    p = pemdi.project(lv, seed=1)
    assert p.varies[0] == "profil SPBE ilustratif" and "kredit bukti lama" in p.varies
    assert p.draws_per_profile == {"x": 17} and len(p.draws) == 3 * 30 * 17
    assert pemdi.project(lv, seed=1, draws_per_profile=2).draws_per_profile == {"x": 2}


@pytest.mark.parametrize("edit, column", [
    (("carry,0.05,0.15,1.00,pert,4", "carry,0.05,0.15,1.00,pert,-1"), "lambda"),
    (("carry,0.05,0.15,1.00,pert,4", "carry,0.05,0.15,1.00,uniform,4"), "lambda"),
    (("carry,0.05,0.15,1.00,pert,4", "carry,0.05,0.15,1.00,beta,4"), "distribution"),
    (("carry,0.05,0.15,1.00,pert,4", "carry,0.50,0.15,1.00,pert,4"), "low"),
    (("parameter,low,central,high,distribution,lambda", "parameter,low,central,high,shape,lambda"), "distribution"),
])
def test_bad_scenario_values_are_refused_where_they_are(tmp_path, monkeypatch, edit, column):
    import shutil
    dst = tmp_path / "data"
    shutil.copytree(data_dir(), dst)
    p = dst / "assumptions" / "pemdi_projection.csv"
    text = p.read_text(encoding="utf-8")
    assert edit[0] in text
    p.write_text(text.replace(edit[0], edit[1]), encoding="utf-8")
    monkeypatch.setenv("SPBE_DATA_DIR", str(dst))
    with pytest.raises(sa.DataError) as err:
        pemdi.load_assumptions()
    assert "pemdi_projection.csv" in str(err.value) and column in str(err.value)


def test_an_empty_lambda_is_the_usual_pert(tmp_path, monkeypatch):
    import shutil
    dst = tmp_path / "data"
    shutil.copytree(data_dir(), dst)
    p = dst / "assumptions" / "pemdi_projection.csv"
    p.write_text(p.read_text(encoding="utf-8").replace("carry,0.05,0.15,1.00,pert,4", "carry,0.05,0.15,1.00,pert,"),
                 encoding="utf-8")
    monkeypatch.setenv("SPBE_DATA_DIR", str(dst))
    assert pemdi.load_assumptions().shape["carry"] == 4


def test_pemdi_template_is_shipped():
    want = sheets.template("pemdi2026", year=2026)
    got = pd.read_csv(data_dir() / "templates" / "sheet_template_pemdi2026.csv", dtype=str, keep_default_na=False)
    assert got["indicator"].tolist() == want["indicator"].tolist() and list(got.columns) == list(want.columns)
    assert (got[["self_assessment", "assessor_value", "held_since"]] == "").all().all()
    xl = pd.read_excel(data_dir() / "templates" / "sheet_template_pemdi2026.xlsx", dtype=str).fillna("")
    assert xl["indicator"].tolist() == want["indicator"].tolist()


# ----------------------------------------------------------------------------- aspect ranges beside the index (page 06)
def _aspects_by_score(p, entity, scenario="central"):
    """Each draw's official aspect values through sa.score on its exact projected values."""
    v = p.values[(p.values["scenario"] == scenario) & (p.values["entity"] == entity)]
    rows = []
    for r in v[list(PD.ids)].to_numpy():
        s = sa.score({i: Fraction(int(round(x * 10 ** 4)), 10 ** 4) for i, x in zip(PD.ids, r)}, PD)
        rows.append(s.aspects.to_dict())
    return pd.DataFrame(rows)


def test_aspect_ranges_are_quantiles_of_the_official_aspect_values_of_the_draws():
    from spbe_analysis.figures import pagetext as PT

    lv = {"x": pd.DataFrame(np.random.default_rng(4).integers(1, 6, size=(40, 47)), columns=list(SPBE.ids))}
    p = pemdi.project(lv, seed=5, draws_per_profile=3)
    r = PT.aspect_ranges(p).set_index("aspect")
    assert list(r.index) == [0, *PD.groups("aspect")] and (r["draws"] == 120).all()
    exact = _aspects_by_score(p, "x")
    for a in PD.groups("aspect"):
        assert r.loc[a, "p5"] == pytest.approx(exact[a].quantile(0.05), abs=1e-9)
        assert r.loc[a, "median"] == pytest.approx(exact[a].median(), abs=1e-9)
        assert r.loc[a, "p95"] == pytest.approx(exact[a].quantile(0.95), abs=1e-9)
    s = p.summary().set_index(["scenario", "entity"]).loc[("central", "x")]
    assert (r.loc[0, "p5"], r.loc[0, "median"], r.loc[0, "p95"]) == (s["p5"], s["median"], s["p95"])
    assert r["weight"].drop(0).sum() == 100


def test_a_real_pemdi_result_has_a_point_range_at_its_aspect_values():
    from spbe_analysis.figures import pagetext as PT

    real = {i: Fraction(3, 2) for i in PD.ids} | {"I13": Fraction(7, 6), "I20": Fraction(13, 10)}
    lv = {e: pd.DataFrame([{i: 2 for i in SPBE.ids}] * 3) for e in ("7501", "7502")}
    p = pemdi.project(lv, seed=1, results={"7501": real})
    r = PT.aspect_ranges(p)
    got = r[r["entity"] == "7501"].set_index("aspect")
    s = sa.score(real, PD)
    assert (got["p5"] == got["p95"]).all() and (got["draws"] == 1).all()
    assert got.loc[0, "median"] == s.index and got["median"].drop(0).to_dict() == s.aspects.to_dict()
    f = sa.figures.pemdi.aspect_range_finding(sa.figures.pemdi.AspectRangeData(p))
    n = p.draws_per_profile["7502"] * 3
    assert f.draws == n and f" {n} simulasi" in f.text("id")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_aspect_finding_and_reference_line_read_as_an_official_writes_them(lang):
    from spbe_analysis.figures import pagetext as PT

    lv = {e: pd.DataFrame(np.random.default_rng(k).integers(1, 5, size=(60, 47)), columns=list(SPBE.ids))
          for k, e in enumerate(("7501", "7502"))}
    p = pemdi.project(lv, seed=2)
    f = sa.figures.pemdi.aspect_range_finding(sa.figures.pemdi.AspectRangeData(p))
    assert 0 <= f.wider <= f.n_aspects == 7 and f.widest[2] < f.widest[3] and f.index[0] < f.index[1]
    text = f.text(lang)
    assert f.title(lang) in text and "5-95%" in text
    assert all(w in text for w in p.varied("central", lang))
    lines = PT.reference_lines(pemdi.check_calibration(n_profiles=200), lang)
    assert len(lines) == len(pemdi.load_pairs()) and "Aceh Tengah" in lines[0]
    assert ("1,24" if lang == "id" else "1.24") in lines[0] and ("2,59" if lang == "id" else "2.59") in lines[0]
    frame = PT.aspect_range_frame(PT.aspect_ranges(p), lang)
    assert len(frame) == 8 and list(frame.columns[1:]) == ["Boalemo", "Kab. Gorontalo"]
    for s in [text, *lines, *frame.to_numpy().ravel()]:
        assert not re.search(r"\b(p5|p95|carry|new_value|external_value|nan|None)\b|_|\b100 ?%|\b0 ?%", str(s)), s
        if lang == "id":
            assert not re.search(r"\d\.\d", str(s)), s


def test_the_gap_finding_names_indicators_in_the_page_language():
    from spbe_analysis.figures.pemdi import GapIndicatorFinding

    inds = sa.load_framework("pemdi2026").indicators
    top = tuple((i, str(inds.loc[i, "name_id"]), c) for i, c in (("I20", 0.18), ("I19", 0.12), ("I5", 0.07)))
    f = GapIndicatorFinding("Baik (Berkembang)", 2.5, top, 0.3, 0.19)
    for i, _, _ in top:
        assert str(inds.loc[i, "name_en"]) in f.text("en") and str(inds.loc[i, "name_id"]) not in f.text("en")
        assert str(inds.loc[i, "name_id"]) in f.text("id")
