"""The command line validates before it runs anything: one-line errors, exit 2 for usage and 1 for
data; a notebook that fails midway leaves reports/ and figures/ exactly as they were."""
import hashlib

import pytest

from spbe_analysis import cli, report
from spbe_analysis.errors import NotebookError

from conftest import sheet_from

from lazy import lazy_module  # noqa: E402
nbformat = lazy_module("nbformat")  # loaded by the first test that reads a notebook


def call(capsys, *argv):
    code = cli.main(list(argv))
    err = capsys.readouterr().err
    return code, err


@pytest.mark.parametrize("argv, code, phrase", [
    (["build", "99"], 2, "no notebook matches '99'"),
    (["build", "04", "--set", "NOPE=1"], 2, "no chosen notebook declares 'NOPE'"),
    (["build", "07", "--set", "CONCENTRATION=abc"], 2, "CONCENTRATION=abc: expected a number (float)"),
    (["build", "05", "--set", "N_CYCLES=2.5"], 2, "expected a whole number (int)"),
    (["build", "05", "--set", "N_CYCLES=True"], 2, "not a bool"),
    (["build", "03", "--set", "YEARS=2026"], 2, "expected a list such as [2025] (list)"),
    (["build", "01", "--set", "LANG=fr"], 2, "set by the build itself"),
    (["build", "04", "--set", "N_PROFILES"], 2, "expected NAME=VALUE"),
    (["build", "01", "--sheet", "x.csv"], 2, "none of the chosen notebooks reads an evaluation sheet"),
    (["build", "04", "--worksheet", "x"], 2, "--worksheet needs --sheet"),
    (["build", "02", "--set", "YEAR=2099"], 1, "YEAR parameter, row 02_disparities_2024: got 2099"),
    (["build", "02", "--set", "YEAR=2022"], 1,
     "the province and the nation in data/published_indices.csv (2023, 2024); 2022 lacks 7501, 7503"),
    (["build", "--lang", "fr"], 2, "invalid choice: 'fr'"),
    (["brief", "9999"], 2, "brief 9999: expected 'all' or BPS codes of the six regencies"),
    (["brief", "7501", "--set", "CODE=7502"], 2, "--set CODE: set by the build itself"),
    (["brief", "7501", "--set", "N_PROFILES=many"], 2, "N_PROFILES"),
    (["bogus"], 2, "invalid choice: 'bogus'"),
    ([], 2, "required"),
    (["build", "04", "--sheet", "/nonexistent/sheet.csv"], 1, "/nonexistent/sheet.csv; expected an existing .csv"),
    (["score", "/nonexistent/sheet.csv"], 1, "expected an existing .csv"),
])
def test_bad_requests_fail_fast_with_one_line(capsys, argv, code, phrase):
    got, err = call(capsys, *argv)
    assert got == code and phrase in err, err
    assert err.count("\n") == 1 and err.startswith("error: ") and "Traceback" not in err


def test_debug_shows_the_traceback(capsys):
    got, err = call(capsys, "build", "99", "--debug")
    assert got == 2 and "Traceback" in err


def test_sheet_for_another_year_is_refused_before_running(tmp_path, capsys):
    sheet = sheet_from(None, tmp_path, year=2023, levels=3)
    got, err = call(capsys, "build", "04", "05", "--sheet", str(sheet))
    assert got == 1 and "2024" in err and "2023" in err and "YEAR" in err   # the year wanted, the sheet's, the parameter


def test_sheet_missing_a_regency_is_refused(tmp_path, capsys):
    sheet = sheet_from(None, tmp_path, levels=3)
    rows = sheet.read_text().splitlines()
    sheet.write_text("\n".join([r for r in rows if not r.startswith("7505;")]) + "\n")
    got, err = call(capsys, "build", "05", "--sheet", str(sheet))
    assert got == 1 and "missing 1: 7505 Gorontalo Utara" in err


def test_xlsx_with_several_worksheets_needs_a_name(tmp_path, capsys):
    import pandas as pd
    from spbe_analysis import sheets
    t = sheets.template("spbe2020")
    t["level"] = 3
    path = tmp_path / "two.xlsx"
    with pd.ExcelWriter(path) as xw:
        t.to_excel(xw, index=False, sheet_name="2024")
        t.to_excel(xw, index=False, sheet_name="copy")
    got, err = call(capsys, "build", "04", "--sheet", str(path))
    assert got == 1 and "this workbook has several ('2024', 'copy')" in err
    req = report.plan(["04"], sheet=str(path), worksheet="2024")
    assert req.params["04_gap_decomposition.ipynb"]["WORKSHEET"] == "2024"


def test_score_command_prints_a_table(tmp_path, capsys):
    sheet = sheet_from({"7501": 2.40, "7502": 2.68, "7503": 2.52, "7504": 3.00, "7505": 2.89, "7571": 2.82}, tmp_path)
    assert cli.main(["score", str(sheet), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Boalemo" in out and "2.40" in out and "Cukup" in out and "Rise needed to reach the next band (points)" in out
    # signed as on page 02: the regency minus the province (4.13 in 2024), negative = below
    assert "Difference from the province (points; negative = below)" in out and "-1.73" in out


def _snapshot(*folders):
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for f in folders for p in sorted(f.rglob("*")) if p.is_file()}


@pytest.mark.slow  # runs a notebook on a kernel
def test_a_failing_notebook_leaves_reports_and_figures_as_they_were(tmp_path):
    books = tmp_path / "notebooks"
    books.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell('LANG: str = "id"', metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("import matplotlib.pyplot as plt\nfrom spbe_analysis import figures as F\n"
                                          "F.save_figure(plt.figure(), '99_partial', LANG)"),
                nbformat.v4.new_code_cell("raise ValueError('boom\\nsecond line')")]
    nbformat.write(nb, books / "99_fails.ipynb")
    reports, figures = tmp_path / "reports", tmp_path / "figures"
    (reports / "id").mkdir(parents=True)
    (figures / "id").mkdir(parents=True)
    (reports / "id" / "99_fails.html").write_text("old page")
    (figures / "id" / "99_partial.png").write_bytes(b"old figure")
    before = _snapshot(reports, figures)
    with pytest.raises(NotebookError) as err:
        report.build(report.plan(folder=books), reports=reports, figures=figures, progress=lambda m: None)
    assert "99_fails (id) failed in cell" in str(err.value) and "ValueError: boom second line" in str(err.value)
    assert "\n" not in str(err.value)
    assert _snapshot(reports, figures) == before
