"""Every notebook executes top to bottom on a fresh kernel, in both languages, through the same
builder as the README's build command; the pages are self-contained, at most five findings first
and not repeated at the end, without code, warnings, NaN or temp paths; rebuilds are
byte-identical; real sheets drive every number."""
import hashlib
import json
import re

import pytest

from spbe_analysis import report

from lazy import lazy_module  # noqa: E402
nbformat = lazy_module("nbformat")  # loaded by the first test that reads a notebook
papermill = lazy_module("papermill")  # loaded by the first test that reads a notebook

NOTEBOOKS = report.list_notebooks()
TEMPLATES = NOTEBOOKS + [report.notebooks_dir() / report.BRIEF]
PAGES = [p.stem for p in NOTEBOOKS] + [f"brief_{c}" for c in report.brief_codes(["all"])]
LANG_HEADINGS = {"id": "Temuan utama", "en": "Findings first"}


def test_there_are_notebooks():
    assert [p.name[:2] for p in NOTEBOOKS][:1] == ["01"]


@pytest.mark.parametrize("path", TEMPLATES, ids=[p.stem for p in TEMPLATES])
def test_committed_without_outputs_with_typed_parameters_and_thin_cells(path):
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1
    declared = re.findall(r"^([A-Z_][A-Z0-9_]*)\s*:", params[0].source, flags=re.M)
    assert set(papermill.inspect_notebook(str(path))) == set(declared), "every parameter is typed and parseable"
    assert "LANG" in declared
    for c in nb.cells:
        if c.cell_type == "code":
            assert len(c.source.splitlines()) <= 12 or "parameters" in c.metadata.get("tags", []), c.source
            assert not re.search(r"^\s*(def|class|lambda\s*:)\s", c.source, flags=re.M), "no function defined in a notebook"
        else:
            tags = [t for t in c.metadata.get("tags", []) if t.startswith("lang-")]
            assert tags in ([], ["lang-id"], ["lang-en"])
    sources = "".join(c.source for c in nb.cells[-4:])
    assert "## Findings" in sources and "## Temuan" in sources


def _texts(nb):
    for c in nb.cells:
        if c.cell_type != "code":
            continue
        for o in c.get("outputs", []):
            yield o.get("output_type"), o.get("name", ""), json.dumps(o.get("data", o.get("text", "")))


@pytest.mark.notebooks
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("stem", PAGES)
def test_built_pages(built, stem, lang):
    reports, figures = built
    html = (reports / lang / f"{stem}.html").read_text(encoding="utf-8")
    nb = nbformat.read(reports / lang / f"{stem}.ipynb", as_version=4)
    outs = list(_texts(nb))
    assert not [o for o in outs if o[0] == "error"]
    assert not [o for o in outs if o[1] == "stderr"], "nothing printed to stderr (warnings are fixed, not filtered)"
    assert not [o for o in outs if o[0] == "stream"], "nothing printed: a page shows findings, tables and figures"
    assert "Warning" not in html and "/tmp/" not in html
    assert f'<html lang="{lang}">' in html
    # nothing is loaded from the network (links a reader may open, such as a glossary source, are fine)
    assert "<script" not in html and not re.search(r'src="(https?:)?//|<link[^>]*href="(https?:)?//', html)
    assert "<img" in html and "data:image/png;base64" in html
    assert 'class="jp-CodeMirrorEditor' not in html and 'class="highlight' not in html, "no code on a policy page"
    first = html.find(LANG_HEADINGS[lang])
    assert 0 < first < html.find("<img"), "the findings come before the first figure"
    top = re.search(r"<ul>(.*?)</ul>", html[first:], flags=re.S)
    assert top and top.group(1).count("<li>") <= report.MAX_FINDINGS, "at most five findings first"
    closing = "Temuan" if lang == "id" else "Findings"
    assert f'id="{closing}"' not in html, "the findings are not repeated at the end"
    findings = html.split(LANG_HEADINGS[lang])[1][:20000]
    assert not re.search(r"\b(nan|NaN|<NA>|None)\b", findings)
    other = "## Findings" if lang == "id" else "## Temuan"
    assert other.split()[-1] + "</h2>" not in html
    prefix = stem if stem.startswith("brief_") else stem[:2]
    assert any(p.name.startswith(prefix) for p in (figures / lang).iterdir())


@pytest.mark.notebooks
def test_six_briefs_and_an_index_linking_every_page_and_figure(built):
    reports, figures = built
    index = (reports / "index.html").read_text(encoding="utf-8")
    for lang in ("id", "en"):
        assert sorted(p.stem for p in (reports / lang).glob("brief_*.html")) == PAGES[len(NOTEBOOKS):]
        for stem in PAGES:
            assert f'href="{lang}/{stem}.html"' in index
        for fig in (figures / lang).iterdir():
            assert f'href="../figures/{lang}/{fig.name}"' in index, fig.name
    assert "<script" not in index and not re.search(r'src="(https?:)?//|<link[^>]*href="(https?:)?//', index)


@pytest.mark.notebooks
def test_figures_in_both_languages_under_the_same_names(built):
    _, figures = built
    ids = sorted(p.name for p in (figures / "id").iterdir())
    assert ids and ids == sorted(p.name for p in (figures / "en").iterdir())


def _hashes(*folders):
    out = {}
    for folder in folders:
        for p in sorted(folder.rglob("*.*")):
            out[str(p.relative_to(folder.parent))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.mark.notebooks
def test_rebuild_is_byte_identical_html_included(tmp_path):
    """Two fresh builds of the same notebooks give identical pages, notebooks and figures."""
    runs = []
    for k in range(2):
        rep, fig = tmp_path / f"r{k}" / "reports", tmp_path / f"r{k}" / "figures"
        report.build(report.plan(["01", "02"], langs=["id"]), reports=rep, figures=fig, progress=lambda m: None)
        runs.append(_hashes(rep, fig))
    assert runs[0] and runs[0] == runs[1]
    assert any(n.endswith(".html") for n in runs[0]) and any(n.endswith(".svg") for n in runs[0])
