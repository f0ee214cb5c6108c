"""Notebook 05 and the regency brief plan the PEMDI cycles with the same call, parameters and
defaults, so a regency's brief shows exactly the steps and roadmap of notebook 05; and
``actionplan.plan_all`` is deterministic (same inputs, identical plans). The step cards and the
action-plan workbooks show clean Bahasa Indonesia on Indonesian pages, the English office and
dependency texts on English ones, and never the provenance columns."""
import ast
import re

import pandas as pd
import pytest

import io

from openpyxl import load_workbook

import spbe_analysis as sa
from spbe_analysis import actionplan, criteria, pemdi, planfiles, report
from spbe_analysis.figures import actions as FA
from spbe_analysis.labels.glossary import english_words, glued_words

from lazy import lazy_module  # noqa: E402
nbformat = lazy_module("nbformat")  # loaded by the first test that reads a notebook

PAGE_05 = report.notebooks_dir() / "05_paths_to_closing.ipynb"
BRIEF = report.notebooks_dir() / report.BRIEF
#: The parameters the plans depend on: the same names and defaults on both pages.
SHARED = ("YEAR", "SEED", "N_PROFILES", "EFFORT", "PEMDI_SHEET", "PEMDI_WORKSHEET", "FIRST_CYCLE", "N_CYCLES")
#: The calls that make the starts and the plans: the same arguments on both pages.
CALLS = ("pemdi_plans",)


def _calls(path):
    """{function name: [argument source, ...]} of the planning calls in the notebook's code cells."""
    nb = nbformat.read(path, as_version=4)
    found = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        code = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith("%"))
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CALLS:
                args = [ast.unparse(a) for a in node.args] + [f"{k.arg}={ast.unparse(k.value)}" for k in node.keywords]
                found.setdefault(node.func.attr, []).append(args)
    return found


def test_both_pages_declare_the_planning_parameters_with_the_same_defaults():
    d05, dbr = report.declared(PAGE_05), report.declared(BRIEF)
    for name in SHARED:
        assert name in d05 and name in dbr, name
        assert (d05[name]["inferred_type_name"], ast.literal_eval(d05[name]["default"])) == \
            (dbr[name]["inferred_type_name"], ast.literal_eval(dbr[name]["default"])), name
    assert ast.literal_eval(d05["FIRST_CYCLE"]["default"]) == 2027
    assert ast.literal_eval(d05["N_CYCLES"]["default"]) == 3


def test_both_pages_plan_with_the_same_call():
    c05, cbr = _calls(PAGE_05), _calls(BRIEF)
    for name in CALLS:
        assert len(c05.get(name, [])) == 1 and c05[name] == cbr.get(name), name
    args = c05["pemdi_plans"][0]
    assert args == ["YEAR", "SHEET", "WORKSHEET", "SEED", "N_PROFILES", "PEMDI_SHEET", "PEMDI_WORKSHEET",
                    "FIRST_CYCLE", "N_CYCLES", "EFFORT"]


def test_no_spbe_moves_are_given_as_advice():
    for path in (PAGE_05, BRIEF):
        code = "".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        assert not re.search(r"no_regret|transition_ensemble|shared_service|years_text", code), path.name


@pytest.fixture(scope="module")
def starts():
    """The projected 2026 starts of two regencies, as the pages make them (few profiles: fast)."""
    ctx = sa.context(year=2024, seed=20250723, n_profiles=30, lang="id")
    proj = pemdi.project(ctx.profiles.levels, seed=20250723, illustrative=ctx.illustrative)
    all_six = actionplan.regency_starts(list(ctx.codes), proj, {})
    return {c: all_six[c] for c in ("7501", "7505")}


def _same(a, b):
    pd.testing.assert_frame_equal(a.steps, b.steps)
    pd.testing.assert_frame_equal(a.summary, b.summary)
    pd.testing.assert_frame_equal(a.roadmap, b.roadmap)
    assert (a.target, a.kind, a.reached, a.cycles) == (b.target, b.kind, b.reached, b.cycles)


@pytest.mark.slow  # plans every regency twice and once alone: the full tier
def test_plan_all_is_deterministic_and_a_regency_plan_does_not_depend_on_the_others(starts):
    first = actionplan.plan_all(starts, 2027, 3)
    again = actionplan.plan_all(starts, 2027, 3)
    alone = actionplan.plan_all({"7505": starts["7505"]}, 2027, 3)
    for c in starts:
        _same(first[c], again[c])
    _same(first["7505"], alone["7505"])
    assert list(first["7501"].summary["year"]) == [2027, 2028, 2029]
    assert set(first["7501"].steps["cycle"]) <= {2027}


# ----------------------------------------------------------------------------- the language of the steps
@pytest.fixture(scope="module")
def plan():
    """A plan from a start at 1 everywhere: a shared step and level steps of several indicators."""
    start = actionplan.Start("7501", pd.Series({f"I{k}": 1.0 for k in range(1, 21)}), "projected", 2026)
    return actionplan.plan_actions(start)


#: Text of the provenance columns that must never reach a reader.
PROVENANCE_SIGNS = ("judgement", "Aceh Tengah", "github.com", "display fix", "raw fields")


def test_step_cards_are_clean_indonesian_and_english_pages_use_the_english_columns(plan):
    steps = plan.steps[plan.steps["kind"] != "shared"]
    assert len(steps) >= 3
    cards_id, cards_en = FA.step_cards(plan, "id"), FA.step_cards(plan, "en")
    assert english_words(cards_id) == [] and glued_words(cards_id) == []
    for sign in PROVENANCE_SIGNS:
        assert sign not in cards_id and sign not in cards_en, sign
    owners = criteria.load_owners()
    for ind in steps["indicator"]:
        o = owners.loc[ind]
        assert o["co_owners"].split(";")[0] in cards_id.replace("\\", "")
        assert o["co_owners_en"].split(";")[0] in cards_en.replace("\\", ""), ind
        if o["co_owners_en"] != o["co_owners"]:
            assert o["co_owners"] not in cards_en.replace("\\", ""), ind


def test_workbooks_show_the_offices_in_the_page_language(plan):
    steps = plan.steps.reset_index(drop=True)
    cols = {"lead_office": 11, "co_owners": 12, "national_counterpart": 13, "outside": 14}
    for lang in ("id", "en"):
        ws = load_workbook(io.BytesIO(planfiles.workbook_bytes(plan, "Boalemo", lang))).worksheets[0]
        rows = list(ws.iter_rows(min_row=5, values_only=True))
        assert len(rows) == len(steps)
        for (_, r), cells in zip(steps.iterrows(), rows):
            for col, k in cols.items():
                want = r[col + "_en"] if lang == "en" else r[col]
                assert (cells[k] or "") == want, (lang, r["indicator"], col)
                if lang == "id":
                    assert english_words(cells[k] or "") == [], (r["indicator"], col, cells[k])
        text = " ".join(str(c) for row in ws.iter_rows(values_only=True) for c in row if c is not None)
        for sign in PROVENANCE_SIGNS:
            assert sign not in text, (lang, sign)


def test_a_table_of_your_own_without_english_columns_still_shows(plan):
    bare = plan.steps.drop(columns=[c + "_en" for c in actionplan.EN_COLUMNS])
    row = bare.iloc[1]
    assert FA.in_lang(row, "co_owners", "en") == row["co_owners"]
    assert FA.in_lang(plan.steps.iloc[1], "co_owners", "en") == plan.steps.iloc[1]["co_owners_en"]


# ----------------------------------------------------------------------------- what an assessor checks
import dataclasses  # noqa: E402
from fractions import Fraction  # noqa: E402

from spbe_analysis.labels import num  # noqa: E402
from spbe_analysis.official import round_half_up  # noqa: E402


def _sheets(plan, lang="id", region="Boalemo"):
    wb = load_workbook(io.BytesIO(planfiles.workbook_bytes(plan, region, lang)))
    return wb.worksheets


def _text(ws):
    return " ".join(str(c) for row in ws.iter_rows(values_only=True) for c in row if c is not None)


@pytest.fixture(scope="module")
def partial():
    """A plan from fractional starts (1,31 everywhere): every level-2 step leaves level 1 unproven."""
    start = actionplan.Start("7501", pd.Series({f"I{k}": 1.31 for k in range(1, 21)}), "projected", 2026)
    return actionplan.plan_actions(start)


def test_the_unrounded_index_rounds_to_the_official_one(plan, partial):
    for p in (plan, partial):
        for s in p.summary.itertuples():
            assert float(round_half_up(FA.exact_index(p, s.year), 2)) == pytest.approx(s.index), (p.code, s.year)


def test_a_band_reached_by_rounding_states_the_unrounded_index_and_the_risk(plan):
    last = plan.summary.iloc[-1]
    x = FA.exact_index(plan, int(last["year"]))
    edge = float(last["index"]) + (0.0 if x < Fraction(repr(float(last["index"]))) else 0.01)
    thin = dataclasses.replace(plan, target=("Baik (Berkembang)", edge), kind="at the edge",
                               summary=plan.summary.assign(index=[*plan.summary["index"][:-1], edge]))
    assert thin.reached == int(last["year"])
    for lang, words in (("id", ("sebelum pembulatan", "satu butir yang dikembalikan asesor")),
                        ("en", ("before rounding", "returned by the assessor"))):
        m = FA.margin_text(thin, lang)
        assert num(float(x), lang, 3) in m and all(w in m for w in words), m
        assert m in FA.start_text(thin, lang) and m in FA.start_line(thin, None, lang)
        assert m in _text(_sheets(thin, lang)[1])
    f = FA.roadmap_finding(FA.roadmap_data({"7501": thin}))
    assert f.thin and FA.margin_text(thin, "id") in f.text("id")
    assert "0,05" in FA.roadmap_short(f, "id")
    far = dataclasses.replace(plan, target=("Kurang (Merintis)", 1.0), kind="to the band")
    assert FA.margin_text(far, "id") == ""
    from spbe_analysis.figures.steptext import thin_margin
    assert thin_margin(thin) and not thin_margin(far)


def test_projected_starts_are_marked_illustrative_in_workbook_and_csv(plan):
    steps, rm, notes = _sheets(plan)
    note = sa.labels.t("plan_note_illustrative", "id")
    assert steps["A3"].value == note and steps["C4"].value == "Nilai awal (proyeksi ilustratif)"
    assert note in _text(notes) and note in _text(rm)
    assert "--" not in note and "_" not in note                           # no option or code names
    df = planfiles.csv_frame(plan)
    assert list(df.columns) == planfiles.PLAN_CSV_COLUMNS and set(df["start_basis"]) == {"projected (illustrative)"}
    assert "Dasar nilai awal" in _text(notes), "the Indonesian workbook names the Indonesian CSV's column"
    df_id = planfiles.csv_frame_id(plan)
    assert set(df_id["Dasar nilai awal"]) == {sa.labels.t("act_basis_projected", "id")}
    real = dataclasses.replace(plan, start=dataclasses.replace(plan.start, basis="assessor"))
    steps, rm, notes = _sheets(real)
    assert steps["A3"].value is None and steps["C4"].value == "Nilai awal" and note not in _text(notes)
    assert set(planfiles.csv_frame(real)["start_basis"]) == {"assessor"}


def test_steps_from_a_partial_value_list_the_previous_level_items_first(partial):
    cards = FA.step_cards(partial, "id").replace("\\", "")
    rows = list(_sheets(partial)[0].iter_rows(min_row=5, values_only=True))
    level = partial.steps[partial.steps["kind"] == "evidence"]
    assert len(level)
    for k, (_, r) in enumerate(partial.steps.iterrows()):
        if r["kind"] != "evidence" or int(r["to_level"]) != 2:
            continue
        items = criteria.level_card(r["indicator"], 1).evidence
        assert "Butir level 1 yang harus lengkap lebih dulu: " + "; ".join(items) in cards, r["indicator"]
        assert rows[k][9] == "Level 1: " + "; ".join(items), r["indicator"]
    whole = FA.prior_items({"kind": "evidence", "to_level": 2, "from_value": 1.0, "indicator": "I1"})
    assert whole is None


def test_outside_index_steps_say_nothing_is_uploaded(plan, partial):
    for p in (plan, partial):
        out = p.steps[p.steps["kind"] == "outside index"]
        for lang in ("id", "en"):
            cards = FA.step_cards(p, lang).replace("\\", "")
            for _, r in out.iterrows():
                idx = (actionplan.OUTSIDE_INDEX_EN if lang == "en" else actionplan.OUTSIDE_INDEX)[r["indicator"]]
                want = sa.labels.t("act_card_outside_evidence", lang, index=idx, work=r["evidence"])
                assert want in cards, (lang, r["indicator"])
            uploads = len(re.findall(re.escape(sa.labels.t("act_card_evidence", lang)) + r"(?: \*\([^\n]*?\)\*)?:", cards))
            assert uploads == int((p.steps["kind"] == "evidence").sum()), lang
        rows = list(_sheets(p)[0].iter_rows(min_row=5, values_only=True))
        for k, (_, r) in enumerate(p.steps.iterrows()):
            if r["kind"] == "outside index":
                assert rows[k][8].startswith("Tidak diunggah daerah: nilai diambil dari "), r["indicator"]


def test_timing_rules_cut_criteria_and_deadlines_are_shown(plan, partial):
    seen_timing = seen_cut = 0
    for p in (plan, partial):
        cards = FA.step_cards(p, "id").replace("\\", "")
        rows = list(_sheets(p)[0].iter_rows(min_row=5, values_only=True))
        for k, (_, r) in enumerate(p.steps.iterrows()):
            if r["kind"] == "shared":
                continue
            rule = criteria.level_card(r["indicator"], int(r["to_level"])).timing_rule
            if rule:
                seen_timing += 1
                assert "Ketentuan waktu: " + rule in cards and rows[k][10] == rule, r["indicator"]
            text = str(r["criteria_text"]).rstrip()
            if text.endswith("[...]") or r["criteria_status"] == "verbatim_fragment":
                seen_cut += 1
                note = f"Teks terpotong pada sumber; rujuk Modul indikator {r['indicator']} level {int(r['to_level'])}."
                assert note in cards and note in rows[k][6], r["indicator"]
            assert rows[k][15] == "perkiraan 15 September 2027 (jadwal 2026 yang dicatat satu pemerintah daerah; " \
                                  "menunggu surat KemenPANRB)"
        assert "2027-09-15" not in cards and "2027-09-15" not in _text(_sheets(p)[0])
        assert "perkiraan 15 September 2027" in cards
    assert seen_timing and seen_cut


def test_workbook_numbers_are_rounded_once_as_the_pages_show_them(plan):
    assert FA.shown_value(7.994999999999999) == 8.0 and FA.shown_value(0.0261, 3) == 0.026
    steps, rm, _ = _sheets(plan)
    for k, (_, r) in enumerate(plan.steps.iterrows(), start=5):
        assert steps[f"F{k}"].value == FA.shown_value(r["effort"]) and steps[f"F{k}"].number_format == "0.00"
        assert steps[f"E{k}"].number_format == "0.000"
    summary = [row for row in rm.iter_rows() if row[1].value == sa.labels.t("plan_index_after", "id")]
    page = FA.summary_frame(plan).iloc[1:]
    assert len(summary) == len(page)
    for row, (_, s) in zip(summary, page.iterrows()):
        assert num(row[5].value, "id") == num(s["cost"], "id") and row[5].number_format == "0.00"
        assert row[4].number_format == "0.00"


def test_shared_work_names_the_steps_it_serves_with_their_cycles(plan):
    shared = plan.steps[plan.steps["kind"] == "shared"]
    assert len(shared)
    cards = FA.step_cards(plan, "id")
    rows = list(_sheets(plan)[0].iter_rows(min_row=5, values_only=True))
    for k, (_, r) in enumerate(plan.steps.iterrows()):
        if r["kind"] != "shared":
            continue
        text = FA.serves_text(plan, r, "id")
        assert text.startswith("Dipakai untuk: ") and " -> " not in text and rows[k][6] == text
        assert text in cards
        for x in str(r["serves"]).split(", "):
            i, lv = x.split(" -> ")
            hit = plan.roadmap[(plan.roadmap["indicator"] == i) & (plan.roadmap["to_level"].astype("Int64") == int(lv))]
            if len(hit):
                assert f"{i} level {lv} ({int(hit['cycle'].iloc[0])})" in text
