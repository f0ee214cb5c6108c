"""Table-driven bad inputs: every public function refuses them with a DataError that names the
argument (and the position or label) and what was expected; valid edge cases give exact results.
The command-line cases are in test_cli.py."""
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

import spbe_analysis as sa
from spbe_analysis import decomposition as DC, disparity as D, frameworks, labels, official, panel, paths, profiles
from spbe_analysis import pemdi, sheets, tables, transition
from spbe_analysis.figures import style

FW = sa.load_framework("spbe2020")
PD = sa.load_framework("pemdi2026")
ONES = {i: 1 for i in FW.ids}
THREES = {i: 3 for i in FW.ids}
P1 = {i: 1 for i in PD.ids}
PUB = sa.load_published()


def with_(base, **kw):
    d = dict(base)
    d.update({k.lstrip("_"): v for k, v in kw.items()})
    return d


def arr(value, shape=(3, 47), dtype=None):
    a = np.full(shape, 3 if dtype is None else value, dtype=dtype)
    return a


def nan_at(r, c):
    a = np.full((3, 47), 3.0)
    a[r, c] = np.nan
    return a


def int64_na():
    df = pd.DataFrame(np.full((2, 47), 3), columns=list(FW.ids)).astype("Int64")
    df.iloc[1, 4] = pd.NA
    return df


# (function, call, expected source, expected row, expected column, phrase)
CASES = [
    # ---------------------------------------------------------------- predicate
    ("predicate", lambda: sa.predicate(0.99, "spbe2020"), "value argument", None, None, "1.00-5.00"),
    ("predicate", lambda: sa.predicate(-0.004, "spbe2018"), "value argument", None, None, "0.00-5.00"),
    ("predicate", lambda: sa.predicate(5.01, "pemdi2026"), "value argument", None, None, "1.00-5.00"),
    ("predicate", lambda: sa.predicate(np.nan, FW), "value argument", None, None, "not a missing value"),
    ("predicate", lambda: sa.predicate(None, FW), "value argument", None, None, "not a missing value"),
    ("predicate", lambda: sa.predicate(pd.NA, FW), "value argument", None, None, "not a missing value"),
    ("predicate", lambda: sa.predicate(Decimal("NaN"), FW), "value argument", None, None, "not a missing value"),
    ("predicate", lambda: sa.predicate(np.float32("nan"), FW), "value argument", None, None, "missing"),
    ("predicate", lambda: sa.predicate("3.5", FW), "value argument", None, None, "index value"),
    ("predicate", lambda: sa.predicate(True, FW), "value argument", None, None, "not a bool"),
    ("predicate", lambda: sa.predicate(float("inf"), FW), "value argument", None, None, "finite"),
    ("predicate", lambda: sa.predicate(3.0, FW, lang="fr"), "lang argument", None, None, "'id', 'en'"),
    ("predicate", lambda: sa.predicate(3.0, "spbe2030"), "framework argument", None, None, "'spbe2020'"),
    ("predicate", lambda: sa.predicate([3.0, np.float32("nan")], FW), "value argument [1]", None, None, "missing"),
    ("predicate", lambda: sa.predicate(np.array([[3.0]]), FW), "value argument", None, None, "one-dimensional"),
    # ---------------------------------------------------------------- score, what_if, effective_weights
    ("score", lambda: sa.score(with_(THREES, _12=np.float32("nan")), FW), "levels argument", None, "12", "missing"),
    ("score", lambda: sa.score(with_(THREES, _12=9), FW), "levels argument", None, "12", "between 1 and 5"),
    ("score", lambda: sa.score(with_(THREES, _12=Decimal("2.5")), FW), "levels argument", None, "12", "whole level"),
    ("score", lambda: sa.score(with_(THREES, _12="3"), FW), "levels argument", None, "12", "capability level"),
    ("score", lambda: sa.score({k: v for k, v in THREES.items() if k != "47"}, FW), "levels argument", None, "47",
     "missing 1"),
    ("score", lambda: sa.score(with_(THREES, _48=3), FW), "levels argument", None, "48", "indicator of spbe2020"),
    ("score", lambda: sa.score("3", FW), "levels argument", None, None, "a mapping"),
    ("score", lambda: sa.score(with_(P1, I3=5.5), PD), "levels argument", None, "I3", "between 1 and 5"),
    ("score", lambda: sa.score(with_(P1, I3=0.99), PD), "levels argument", None, "I3", "between 1 and 5"),
    ("what_if", lambda: sa.what_if(THREES, {"12": 6}, FW), "changes argument", None, "12", "between 1 and 5"),
    ("what_if", lambda: sa.what_if(THREES, [("12", 4)], FW), "changes argument", None, None, "a mapping"),
    ("effective_weights", lambda: sa.effective_weights(FW, exact="yes"), "exact argument", None, None, "True or False"),
    ("round_half_up", lambda: sa.round_half_up("3.065"), "value argument", None, None, "a number"),
    ("round_half_up", lambda: sa.round_half_up(float("inf")), "value argument", None, None, "finite"),
    # ---------------------------------------------------------------- score_table
    ("score_table", lambda: sa.score_table(np.ones((3, 47), dtype=bool), FW), "table argument", None, None, "not of bools"),
    ("score_table", lambda: sa.score_table(np.full((3, 47), 3, dtype=object), FW), "table argument", None, None,
     "not an object"),
    ("score_table", lambda: sa.score_table(np.zeros((0, 47)), FW), "table argument", None, None, "at least one row"),
    ("score_table", lambda: sa.score_table(np.ones((3, 46)), FW), "table argument", None, None, "47 columns"),
    ("score_table", lambda: sa.score_table(np.ones(47), FW), "table argument", None, None, "2-D array"),
    ("score_table", lambda: sa.score_table(nan_at(2, 5), FW), "table argument", 2, "6", "not a missing value"),
    ("score_table", lambda: sa.score_table(int64_na(), FW), "table argument", 1, "5", "not a missing value"),
    ("score_table", lambda: sa.score_table(np.full((2, 47), 3), FW, by="district"), "by argument", None, None,
     "'index', 'domain', 'aspect'"),
    ("score_table", lambda: sa.score_table(np.full((2, 47), 3), FW, by=[]), "by argument", None, None, "at least one"),
    ("score_table", lambda: sa.score_table(np.full((2, 20), 1.255), PD), "table argument", 0, "I1", "2 decimals"),
    ("score_table", lambda: sa.score_table(pd.DataFrame(columns=list(FW.ids)), FW), "table argument", None, None,
     "at least one row"),
    ("score_table", lambda: sa.score_table([[3] * 47], FW), "table argument", None, None, "DataFrame"),
    # ---------------------------------------------------------------- frameworks and official arithmetic
    ("load_framework", lambda: sa.load_framework(2020), "framework argument", None, None, "one of"),
    ("make_framework", lambda: sa.make_framework("x", pd.DataFrame({"indicator": ["a", "b"], "aspect": [1, 1],
                                                                    "weight_pct": ["40", "50"]})),
     "table for framework 'x'", None, "weight_pct", "sum to exactly 100"),
    ("to_hundredths", lambda: official.to_hundredths(2.605, FW, published=True), "value argument", None, None,
     "at most 2 decimals"),
    ("as_framework", lambda: frameworks.as_framework(None), "framework argument", None, None, "framework name"),
    ("min_units", lambda: official.min_units(FW, 5.5), "target argument", None, None, "1.00-5.00"),
    # ---------------------------------------------------------------- profiles
    ("sample_profiles", lambda: profiles.sample_profiles(FW, -1, n=5), "index argument", None, None, "1.00-5.00"),
    ("sample_profiles", lambda: profiles.sample_profiles(FW, 2.405, n=5), "index argument", None, None, "2 decimals"),
    ("sample_profiles", lambda: profiles.sample_profiles(FW, 2.4, n=0), "n argument", None, None, ">= 1"),
    ("sample_profiles", lambda: profiles.sample_profiles(FW, 2.4, n=2.5), "n argument", None, None, "whole number"),
    ("sample_profiles", lambda: profiles.sample_profiles(FW, 2.4, n=True), "n argument", None, None, "whole number"),
    ("sample_profiles", lambda: profiles.sample_profiles(FW, 2.4, n=10**7), "n argument", None, None,
     "memory budget"),
    ("sample_profiles", lambda: profiles.sample_profiles(FW, 2.4, seed=-1), "seed argument", None, None, ">= 0"),
    ("sample_profiles", lambda: profiles.sample_profiles(FW, 2.4, prior=-profiles.make_prior(FW)), "prior argument",
     "1", 1, "non-negative"),
    ("sample_profiles", lambda: profiles.sample_profiles(FW, 2.4, domains={9: 2.0}), "domains argument", None, 9,
     "domain numbers"),
    ("sample_profiles", lambda: profiles.sample_profiles(FW, 2.4, domains={1: 2.0}, aspects={1: 2.0}),
     "domains/aspects arguments", None, None, "not both"),
    ("sample_profiles", lambda: profiles.sample_profiles(PD, 2.4), "framework argument", None, None, "whole levels"),
    ("make_prior", lambda: profiles.make_prior(FW, spread=0), "spread argument", None, None, "positive"),
    ("make_prior", lambda: profiles.make_prior(FW, centres={1: 7}), "centres argument", None, 1, "between 1 and 5"),
    ("make_prior", lambda: profiles.make_prior(FW, by="indicator"), "by argument", None, None, "'domain', 'aspect'"),
    ("sample_published", lambda: profiles.sample_published(PUB, 2022, ("7501",), n=5), "published_indices.csv",
     "7501", "value", "exact published value"),
    # ---------------------------------------------------------------- paths
    ("cheapest_path", lambda: paths.cheapest_path(THREES, FW, 3.5, frozen="12"), "frozen argument", None, None,
     "single text is not a list"),
    ("cheapest_path", lambda: paths.cheapest_path(THREES, FW, 3.5, frozen=["99"]), "frozen argument", None, "99",
     "indicator ids"),
    ("cheapest_path", lambda: paths.cheapest_path(THREES, FW, 5.5), "target argument", None, None, "1.00-5.00"),
    ("cheapest_path", lambda: paths.cheapest_path(THREES, FW, 3.5, cost={"99": 1}), "cost argument", None, "99",
     "indicator ids"),
    ("cheapest_path", lambda: paths.cheapest_path(THREES, FW, 3.5, cost=-1), "cost argument", None, None, "positive"),
    ("cheapest_path", lambda: paths.cheapest_path(THREES, FW, 3.5, cost={"1": float("nan")}), "cost argument", None,
     "1", "missing"),
    ("cheapest_path", lambda: paths.cheapest_path(THREES, FW, 3.5, max_level={"1": 7}), "max_level argument", None,
     "1", "whole level"),
    ("cheapest_path", lambda: paths.cheapest_path(THREES, FW, 3.5, max_level=2.5), "max_level argument", None, None,
     "whole level"),
    ("cheapest_path", lambda: paths.cheapest_path(THREES, FW, 3.5, prerequisites=3), "prerequisites argument", None,
     None, "a Prerequisites"),
    ("cheapest_path", lambda: paths.cheapest_path(THREES, FW, 3.5, prerequisites="/nope.csv"), "/nope.csv", None,
     None, "the file to exist"),
    ("greedy_path", lambda: paths.greedy_path(THREES, FW, 0.5), "target argument", None, None, "1.00-5.00"),
    ("roadmap", lambda: paths.roadmap(THREES, FW, "2025", 6), "years argument", None, None, "single text"),
    ("roadmap", lambda: paths.roadmap(THREES, FW, [2026, 2025], 6), "years argument", None, None, "increasing"),
    ("roadmap", lambda: paths.roadmap(THREES, FW, [2025, 2026, 2027], [1, 2]), "budgets argument", None, None,
     "3 yearly budgets"),
    ("roadmap", lambda: paths.roadmap(THREES, FW, [2025], -1), "budgets argument", None, None, ">= 0"),
    ("roadmap", lambda: paths.roadmap(THREES, FW, [2025], 6, milestones={2030: 3.0}), "milestones argument", None,
     2030, "years among"),
    ("roadmap", lambda: paths.roadmap(THREES, FW, [2025], 6, max_steps_per_year=0), "max_steps_per_year argument",
     None, None, ">= 1"),
    ("roadmap", lambda: paths.roadmap(THREES, FW, [2025], 6, objective="fastest"), "objective argument", None, None,
     "'min_cost'"),
    ("greedy_roadmap", lambda: paths.greedy_roadmap(THREES, FW, [2025], {2024: 1}), "budgets argument", 
     None, 2025, "a budget for every year"),
    ("years_to_target", lambda: paths.years_to_target(THREES, FW, 3.5, 0), "budget_per_year argument", None, None,
     "positive"),
    ("years_to_target", lambda: paths.years_to_target(THREES, FW, 3.5, 6, max_years=0), "max_years argument", None,
     None, "between 1 and 100"),
    ("plan_ensemble", lambda: paths.plan_ensemble(pd.DataFrame([THREES]), FW, 3.5, method="exhaustive"),
     "method argument", None, None, "'milp', 'greedy'"),
    ("apply_service", lambda: paths.apply_service(THREES, FW, paths.SharedService("x", {"99": 4}, 1)),
     "service argument (levels)", None, "99", "indicator ids"),
    ("apply_service", lambda: paths.apply_service(THREES, FW, paths.SharedService("x", {"16": 4}, -1)),
     "service argument", None, "cost", ">= 0"),
    # ---------------------------------------------------------------- decomposition
    ("decompose_many", lambda: DC.decompose_many(np.full((2, 47), 9), 3.5, FW), "levels argument", 0, "1",
     "between 1 and 5"),
    ("decompose", lambda: DC.decompose(THREES, 6, FW), "target argument", None, None, "1.00-5.00"),
    ("decompose_many", lambda: DC.decompose_many(np.full((2, 47), 3), 3.5, FW, by="district"), "by argument", None,
     None, "'domain'"),
    ("gap_summary", lambda: DC.gap_summary({"7501": pd.DataFrame([THREES])}, {}, FW), "targets argument", None, None,
     "at least one"),
    # ---------------------------------------------------------------- disparity
    ("gap_table", lambda: D.gap_table(pd.Series({"a": 2.4, "b": np.nan}), FW), "values argument", "b", None,
     "missing"),
    ("gini", lambda: D.gini([]), "values argument", None, None, "at least one"),
    ("dispersion", lambda: D.dispersion(["a"]), "values argument", 0, None, "a number"),
    ("dispersion", lambda: D.dispersion([2.4, -1]), "values argument", None, None, "positive"),
    ("dispersion", lambda: D.dispersion([2.4, 2.5], weights=[1]), "weights argument", None, None, "2 non-negative"),
    ("next_band", lambda: D.next_band(0.5, "spbe2020"), "value argument", None, None, "1.00-5.00"),
    ("beta_convergence", lambda: D.beta_convergence(pd.Series({"a": 2.0, "b": 2.1, "c": 2.2}),
                                                    pd.Series({"a": 2.0, "b": 2.1, "c": 2.2}), 2024, 2023),
     "t1 argument", None, None, ">= 2025"),
    ("rank_mobility", lambda: D.rank_mobility(pd.Series({"a": 2.0, "b": 2.1, "c": 2.2}), pd.Series({"a": 2.0, "b": 2.1})),
     "v0/v1 arguments", "c", None, "the same entities"),
    ("theil_decomposition", lambda: D.theil_decomposition(pd.Series({"a": 2.0, "b": 2.1, "c": 2.2}),
                                                          pd.Series({"a": "x", "b": "y"})),
     "groups argument", "c", None, "every entity"),
    # ---------------------------------------------------------------- parallel inputs of mismatched length or shape
    ("gini", lambda: D.gini(pd.Series({"a": 1.0, "b": 2.0}), pd.Series({"a": 1.0, "c": 2.0})), "weights argument", "b",
     None, "a weight for every entity of the values, and only for those"),
    ("dispersion", lambda: D.dispersion(pd.Series({"a": 2.0, "b": 3.0}), pd.Series({"a": 1.0})), "weights argument",
     "b", None, "a weight for every entity"),
    ("theil", lambda: D.theil(pd.Series({"a": 2.0, "b": 3.0}), pd.Series({"a": 1.0, "b": 1.0, "c": 1.0})),
     "weights argument", "c", None, "only for those"),
    ("theil", lambda: D.theil([2.0, 3.0], [1.0, 1.0, 1.0]), "weights argument", None, None, "2 non-negative weights"),
    ("as_shares", lambda: D.as_shares(2, pd.Series({"a": 1, "c": 2}), labels=["a", "b"]), "weights argument", "b",
     None, "read by label"),
    ("theil_decomposition", lambda: D.theil_decomposition(pd.Series({"a": 2.0, "b": 3.0}), pd.Series({"a": 1, "b": 2}),
                                                          pd.Series({"a": 10.0})),
     "weights argument", "b", None, "a weight for every entity"),
    ("dispersion_bounds", lambda: D.dispersion_bounds(pd.Series({"a": 2.0, "b": 3.0}), {"c": (1.0, 2.02)}, "cv",
                                                      pd.Series({"a": 1.0, "b": 2.0})),
     "weights argument", "c", None, "a weight for every entity of exact and censored"),
    ("dispersion_bounds", lambda: D.dispersion_bounds(pd.Series({"a": 2.0, "c": 1.5}), {"c": (1.0, 2.02)}),
     "exact/censored arguments", "c", None, "either exact or censored"),
    ("trend", lambda: D.trend([2022, 2023, 2024], [2.0, 2.5]), "years/values arguments", None, None,
     "one value per year"),
    ("row_measure", lambda: D.row_measure(np.ones((2, 3)), "cv", np.full(2, 0.5)), "x/shares arguments", None, None,
     "one share per entity"),
    ("band_transitions", lambda: D.band_transitions(PUB, ("7501", "7599"), 2023, 2024, FW), "published_indices.csv",
     "7599", "entity_id", "a row for every entity"),
    ("roadmap", lambda: paths.roadmap(THREES, FW, [2025, 2026], 6, pace=[0.1, 0.2, 0.3]), "pace argument", None,
     None, "2 yearly values"),
    ("roadmap_ensemble", lambda: paths.roadmap_ensemble({"a": pd.DataFrame([THREES]), "b": pd.DataFrame([THREES])}, FW,
                                                        [2025], 2, 2024, pace={"a": 0.1}),
     "pace argument", "b", None, "a pace for every entity"),
    ("shared_service_ensemble", lambda: paths.shared_service_ensemble(
        {"a": pd.DataFrame([THREES] * 2), "b": pd.DataFrame([THREES])}, FW, paths.SharedService("x", {"16": 4}, 1), 3.1,
        draws=2), "levels_by_entity argument", "b", None, "at least 2 profiles for every entity"),
    ("transition_ensemble", lambda: transition.transition_ensemble(
        {"a": pd.DataFrame([THREES])}, transition.setting([2025], [2026]),
        pd.DataFrame({"own": [0.1], "best_peer": [0.2], "budget": [4.0]}, index=["b"]), 1),
     "capacities argument", "a", None, "a row for every entity"),
    ("project", lambda: pemdi.project({"7501": pd.DataFrame([THREES])}, results={"7502": P1}), "results argument",
     "7502", None, "entities of levels_by_entity"),
    ("project_index", lambda: pemdi.project_index(np.full((2, 19), 10_000)), "V argument", None, None,
     "draws x 20 projected values"),
    ("project_values", lambda: pemdi.project_values(np.full((2, 47), 3), [0.1, 0.2, 0.3], 1, 1), "carry argument",
     None, None, "2 values (one per draw)"),
    # ---------------------------------------------------------------- panel, context, labels, figures
    ("snapshot", lambda: panel.snapshot(PUB, 2022, ("7501",)), "published_indices.csv", "7501", "status", "exact"),
    ("snapshot", lambda: panel.snapshot(PUB, 2024, "7501"), "entities argument", None, None, "single text"),
    ("context", lambda: sa.context(year=2019, n_profiles=5), "published_indices.csv", "7501", "value",
     "exact published"),
    ("context", lambda: sa.context(lang="fr"), "lang argument", None, None, "'id', 'en'"),
    ("context", lambda: sa.context(sheet=3), "SHEET parameter", None, None, "a file path"),
    ("t", lambda: labels.t("nope"), "key argument", None, None, "label key"),
    ("save_figure", lambda: style.save_figure(None, "a/b"), "name argument", None, None, "bare file stem"),
    ("table", lambda: tables.table(pd.DataFrame({"a": [1]}), "xx", {"a": "col_year"}), "lang argument", None, None,
     "'id', 'en'"),
]


@pytest.mark.parametrize("fn, call, source, row, column, phrase", CASES,
                         ids=[f"{c[0]}-{k}" for k, c in enumerate(CASES)])
def test_bad_input_is_refused_with_its_location(fn, call, source, row, column, phrase):
    with pytest.raises(sa.DataError) as err:
        call()
    e = err.value
    assert e.where == source, str(e)
    if row is not None:
        assert e.row == row, str(e)
    if column is not None:
        assert e.column == column, str(e)
    assert phrase in str(e), str(e)


def test_every_case_is_labelled_with_the_function_it_calls():
    """The test ids name the function under test: each case's call really calls it."""
    import inspect
    import re
    mislabelled = [c[0] for c in CASES if not re.search(rf"\b{re.escape(c[0])}\(", inspect.getsource(c[1]))]
    assert not mislabelled, mislabelled


# ----------------------------------------------------------------------------- sheet files
def _sheet(tmp_path, name="s.csv", **kw):
    t = sheets.template("spbe2020")
    t["level"] = 3
    p = tmp_path / name
    t.to_csv(p, index=False, **kw)
    return p


def _bytes(folder, data):
    p = folder / "x.csv"
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("make, phrase", [
    (lambda d: d, "not a folder"),
    (lambda d: _bytes(d, b"PK\x03\x04 binary"), "binary file"),
    (lambda d: _sheet(d, sep="\t"), "tab-separated"),
    (lambda d: _bytes(d, b"bps_code,year\n\x81\x8d,1\n"), "UTF-8 or Latin-1"),
    (lambda d: _bytes(d, b""), "header line"),
    (lambda d: _sheet(d, "x.txt"), ".csv or .xlsx"),
])
def test_sheet_files_that_are_not_sheets(tmp_path, make, phrase):
    with pytest.raises(sa.DataError, match=phrase):
        sheets.load_sheet(make(tmp_path), "spbe2020")


def test_worksheet_name_for_a_csv_is_refused(tmp_path):
    with pytest.raises(sa.DataError, match="only in .xlsx"):
        sheets.load_sheet(_sheet(tmp_path), "spbe2020", worksheet="levels")


def test_formula_without_a_stored_value_is_named(tmp_path):
    import openpyxl
    t = sheets.template("spbe2020")
    t["level"] = 3
    p = tmp_path / "f.xlsx"
    t.to_excel(p, index=False, sheet_name="levels")
    wb = openpyxl.load_workbook(p)
    wb["levels"]["E5"] = "=2+1"      # openpyxl stores the formula, never its value
    wb.save(p)
    with pytest.raises(sa.DataError) as err:
        sheets.load_sheet(p, "spbe2020")
    assert err.value.row == 5 and err.value.column == "level" and "formula" in str(err.value)


@pytest.mark.parametrize("value, phrase", [("1,255", "at most 2 decimals"), ("5,5", "between 1 and 5"),
                                           ("7/0", "a number"), ("x", "a number")])
def test_pemdi_sheet_values(tmp_path, value, phrase):
    t = sheets.template("pemdi2026", year=2026)
    t["level"] = "1,26"
    t.loc[3, "level"] = value
    p = tmp_path / "p.csv"
    t.to_csv(p, index=False, sep=";")
    with pytest.raises(sa.DataError) as err:
        sheets.load_sheet(p, "pemdi2026")
    assert err.value.row == 5 and err.value.column == "level" and phrase in str(err.value)


# ----------------------------------------------------------------------------- valid edge cases
@pytest.mark.parametrize("value, fw, band", [
    (1.795, "spbe2020", "Cukup"), (np.float32(1.795), "spbe2020", "Cukup"), (3.495, "spbe2020", "Sangat Baik"),
    (Decimal("2.595"), "spbe2020", "Baik"), (Fraction(2595, 1000), "spbe2020", "Baik"), (1.0, "spbe2020", "Kurang"),
    (5.0, "spbe2020", "Memuaskan"), (0.0, "spbe2018", "Kurang"), (1.0, "pemdi2026", "Kurang (Merintis)"),
    (1.495, "pemdi2026", "Cukup (Membangun)"), (3.994, "pemdi2026", "Sangat Baik (Melembaga)"),
    (np.int64(4), "pemdi2026", "Memuaskan (Unggul)"),
])
def test_valid_edges(value, fw, band):
    assert sa.predicate(value, fw) == band


def test_valid_extremes_score_exactly():
    assert sa.score(ONES, FW).index == 1.0 and sa.score({i: 5 for i in FW.ids}, FW).index == 5.0
    t = sa.score_table(np.array([[1] * 47, [5] * 47], dtype=np.int64), FW)
    assert list(t["value"]) == [1.0, 5.0] and list(t["predicate"]) == ["Kurang", "Memuaskan"]
    assert list(sa.score_table(np.full((1, 47), 3, dtype=np.float32), FW)["value"]) == [3.0]
    assert (profiles.sample_profiles(FW, 1.00, n=3).levels.to_numpy() == 1).all()
    assert (profiles.sample_profiles(FW, 5.00, n=3).levels.to_numpy() == 5).all()
    assert paths.cheapest_path(THREES, FW, 2.60).total_steps == 0
    assert paths.years_to_target(THREES, FW, 2.60, 6) == 0


# ----------------------------------------------------------------------------- parallel inputs that match
def test_weights_are_read_by_the_labels_of_the_values():
    v = pd.Series({"a": 2.0, "b": 3.0, "c": 4.0})
    w = pd.Series({"a": 1.0, "b": 2.0, "c": 3.0})
    for f in (D.gini, D.theil):
        assert f(v, w.iloc[::-1]) == f(v, w) == f(v.to_numpy(), w.to_numpy())
    assert D.dispersion(v, w.iloc[::-1])["mean"] == pytest.approx((2 + 6 + 12) / 6)
    td = D.theil_decomposition(v, pd.Series({"a": 1, "b": 1, "c": 2}), w.iloc[::-1])
    assert td.total == pytest.approx(D.theil(v, w))


def test_a_long_table_is_decomposed_per_entity():
    long = pd.DataFrame({"entity": ["x"] * 47 + ["y"] * 47, "indicator": list(FW.ids) * 2, "level": [2] * 47 + [3] * 47})
    d = DC.decompose_many(long, 2.5, FW, by="aspect")
    assert list(d.index) == ["x", "y"] and d.sum(axis=1).round(6).tolist() == [0.5, -0.5]
