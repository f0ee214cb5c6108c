"""With a real evaluation sheet, every number of notebooks 04 and 05 comes from the sheet's exact
scores: who is below a band, the starting points and the findings; differences from the
published index are shown per regency; extreme sheets (all 5, all 1) read correctly."""
import re

import pytest

from spbe_analysis import report

from conftest import sheet_from

PUBLISHED_2024 = {"7501": 2.40, "7502": 2.68, "7503": 2.52, "7504": 3.00, "7505": 2.89, "7571": 2.82}


def run(tmp_path, sheet, books=("04", "05"), lang="en", sets=()):
    req = report.plan(list(books), sets=list(sets), sheet=str(sheet), langs=[lang])
    rep, fig = tmp_path / "reports", tmp_path / "figures"
    report.build(req, reports=rep, figures=fig, progress=lambda m: None)
    return {b: (rep / lang / f"{p.stem}.html").read_text(encoding="utf-8") for b, p in
            zip(books, req.notebooks)}


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<style.*?</style>", "", html, flags=re.S)))


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
        assert "Below Baik (2.60): Bone Bolango (0.05), Pohuwato (0.08); the others hold a margin." in t
    t5 = text(pages["05"])
    assert "Bone Bolango: Baik 2025" in t5 and "Boalemo: Sangat Baik 2025" in t5
    assert "Boalemo: Baik 2025" not in t5


@pytest.mark.notebooks
@pytest.mark.parametrize("level, phrase", [(5, "No regency is below Baik"), (1, "Below Baik (2.60): Boalemo (1.60)")])
def test_extreme_sheets_read_correctly(tmp_path, level, phrase):
    pages = run(tmp_path, sheet_from(None, tmp_path, levels=level))
    for page in pages.values():
        t = text(page)
        assert phrase in t
        findings = t.split("Findings first")[1]
        assert not re.search(r"\b(nan|NaN|inf|None)\b", findings)
    if level == 5:
        assert "Nothing to pay to reach Sangat Baik: every regency is already there" in text(pages["05"])
