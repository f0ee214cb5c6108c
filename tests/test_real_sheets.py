"""With a real evaluation sheet, every number of notebooks 04 and 05 comes from the sheet's exact
scores: who is below a band, the starting points and the findings; differences from the
published index are shown per regency; extreme sheets (all 5, all 1) read correctly."""
import re

import pytest

from spbe_analysis import report

from conftest import sheet_from

PUBLISHED_2024 = {"7501": 2.40, "7502": 2.68, "7503": 2.52, "7504": 3.00, "7505": 2.89, "7571": 2.82}


#: page 05 lists the moves that hold in every scenario: one draw a scenario keeps a sheet's run short
FEW_DRAWS = ("ROBUST_DRAWS=1", "ROBUST_MAX=1")


def run(tmp_path, sheet, books=("04", "05"), lang="en", sets=()):
    sets = list(sets) + (list(FEW_DRAWS) if "05" in books else [])
    req = report.plan(list(books), sets=sets, sheet=str(sheet), langs=[lang])
    rep, fig = tmp_path / "reports", tmp_path / "figures"
    report.build(req, reports=rep, figures=fig, progress=lambda m: None)
    return {b: (rep / lang / f"{p.stem}.html").read_text(encoding="utf-8") for b, p in
            zip(books, req.notebooks)}


def text(html):
    t = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<style.*?</style>", "", html, flags=re.S)))
    return re.sub(r" ([:;,.])", r"\1", t)          # a linked name leaves a space before its punctuation


@pytest.mark.notebooks
def test_a_sheet_that_differs_from_the_published_indices_drives_every_number(tmp_path):
    values = dict(PUBLISHED_2024, **{"7501": 2.70, "7504": 2.55})   # Boalemo now Baik, Bone Bolango now Cukup
    pages = run(tmp_path, sheet_from(values, tmp_path))
    for page in pages.values():
        t = text(page)
        assert "Real evaluation sheet: exact results." in t and "ILLUSTRATIVE" not in t
        assert "Boalemo: the evaluation sheet's index 2.70 differs from the published index 2.40 (2024)" in t
        assert "Bone Bolango: the evaluation sheet's index 2.55 differs from the published index 3.00" in t
        assert "Kab. Gorontalo: the evaluation sheet" not in t
    # the starting index used on page 04 is the sheet's, not the published one
    t4 = text(pages["04"])
    assert re.search(r"Boalemo 2\.70 2\.40", t4) and re.search(r"Bone Bolango 2\.55 3\.00", t4)


@pytest.mark.notebooks
@pytest.mark.parametrize("level", [5, 1])
def test_extreme_sheets_read_correctly(tmp_path, level):
    pages = run(tmp_path, sheet_from(None, tmp_path, levels=level))
    for page in pages.values():
        t = text(page)
        assert "Real evaluation sheet: exact results." in t
        assert not re.search(r"\b(nan|NaN|inf|None)\b", t)
    assert re.search(rf"Boalemo {level}\.00 2\.40", text(pages["04"]))
