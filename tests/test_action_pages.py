"""Notebook 05 and the regency brief plan the PEMDI cycles with the same call, parameters and
defaults, so a regency's brief shows exactly the steps and roadmap of notebook 05; and
``actionplan.plan_all`` is deterministic (same inputs, identical plans). The step cards and the
action-plan workbooks show clean Bahasa Indonesia on Indonesian pages, the English office and
dependency texts on English ones, and never the provenance columns."""
import ast
import re

import nbformat
import pandas as pd
import pytest

import io

from openpyxl import load_workbook

import spbe_analysis as sa
from spbe_analysis import actionplan, criteria, pemdi, planfiles, report
from spbe_analysis.figures import actions as FA
from spbe_analysis.labels.glossary import english_words, glued_words

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
    cols = {"lead_office": 9, "co_owners": 10, "national_counterpart": 11, "outside": 12}
    for lang in ("id", "en"):
        ws = load_workbook(io.BytesIO(planfiles.workbook_bytes(plan, "Boalemo", lang))).worksheets[0]
        rows = list(ws.iter_rows(min_row=4, values_only=True))
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
