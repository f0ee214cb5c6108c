"""Every notebook executes top to bottom on a fresh kernel (with nbclient), renders to
self-contained HTML and writes its figures in both languages."""
import re

import nbformat
import pytest

from spbe_analysis import report

NOTEBOOKS = report.list_notebooks()


def test_there_are_notebooks():
    assert [p.name[:2] for p in NOTEBOOKS][:1] == ["01"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_committed_without_outputs_and_with_parameters(path):
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")
    assert any("parameters" in c.metadata.get("tags", []) for c in nb.cells)
    assert nb.cells[-1].cell_type == "code" and "Findings" in "".join(c.source for c in nb.cells[-3:])


@pytest.mark.notebooks
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes_and_renders(path, tmp_path, monkeypatch):
    figs = tmp_path / "figures"
    monkeypatch.setenv("SPBE_FIGURES_DIR", str(figs))
    nb = report.execute_notebook(path)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    html = report.to_html(nb, path.stem)
    assert "<img" in html and "data:image/png;base64" in html
    assert not re.search(r'<script[^>]+src="https?://', html)
    assert "cdnjs" not in html and "<script src=\"\"" not in html
    assert not re.search(r"\bnan\b", html.split("Findings")[-1]), "a NaN reached the findings"
    first = html.find("Findings first")
    assert 0 < first < html.find("<img"), "the findings come before the first figure"
    for lang in ("id", "en"):
        assert (figs / lang).is_dir()
    assert sorted(p.name for p in (figs / "id").iterdir()) == sorted(p.name for p in (figs / "en").iterdir())
    prefix = path.name[:2]
    assert any(p.name.startswith(prefix) for p in (figs / "en").iterdir())


def _hashes(folder):
    import hashlib
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*.*"))}


@pytest.mark.notebooks
def test_figures_are_byte_identical_when_rebuilt(tmp_path, monkeypatch):
    """Two fresh executions of the same notebooks write identical figure files (PNG and SVG)."""
    runs = []
    for k in range(2):
        figs = tmp_path / f"run{k}"
        monkeypatch.setenv("SPBE_FIGURES_DIR", str(figs))
        for path in NOTEBOOKS:
            if path.name.startswith(("02", "03")):
                report.execute_notebook(path)
        runs.append(_hashes(figs))
    assert runs[0] and runs[0] == runs[1]
    assert any(name.endswith(".svg") for name in runs[0]) and any(name.endswith(".png") for name in runs[0])


@pytest.mark.notebooks
def test_indicator_notebooks_rerun_on_a_real_sheet(tmp_path, monkeypatch):
    """Changing one parameter (SHEET) reruns the indicator-level notebooks on evaluation sheets.
    The sheet here is made in the test from profiles consistent with the published values."""
    import spbe_analysis as sa
    from spbe_analysis import panel, profiles, sheets

    pub = sa.load_published()
    ens = profiles.sample_published(pub, 2024, panel.REGENCY_CODES, n=1, seed=99)
    t = sheets.template("spbe2020")
    t["level"] = [int(ens[e].levels.iloc[0][i]) for e, i in zip(t["bps_code"], t["indicator"])]
    sheet = tmp_path / "sheet.csv"
    t.to_csv(sheet, index=False, sep=";")
    monkeypatch.setenv("SPBE_FIGURES_DIR", str(tmp_path / "figures"))
    for path in NOTEBOOKS:
        if not path.name.startswith(("04", "05")):
            continue
        nb = report.execute_notebook(path, {"SHEET": str(sheet)})
        text = "".join(o.get("text", "") if isinstance(o.get("text", ""), str) else ""
                       for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
        html = report.to_html(nb, path.stem)
        assert "evaluation sheet" in text and "Exact results from the evaluation sheet" in html
        assert "ILLUSTRATIVE profiles" not in html


def test_parameters_are_injected_only_where_declared():
    nb = nbformat.read(NOTEBOOKS[0], as_version=4)
    n = len(nb.cells)
    report.inject_parameters(nb, {"SHEET": "x.csv"})          # 01 declares no SHEET: nothing injected
    assert len(nb.cells) == n
    report.inject_parameters(nb, {"YEAR": 2023, "SHEET": "x.csv"})
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and "YEAR = 2023" in injected[0].source and "SHEET" not in injected[0].source


def test_cli_usage(capsys):
    assert report.main([]) == 2 and "usage" in capsys.readouterr().err
    assert report.main(["build", "--bogus"]) == 2
