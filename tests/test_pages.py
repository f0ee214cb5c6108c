"""Pages a Bappeda head reads in two minutes and acts on: at most five findings first and not
repeated at the end, a header bar to the start page and the other language, regency names that
open their briefs, figures whose alt text states their finding, official sources first, and no
code (parameter names, file paths, code font, library names) in the reader's text."""
import re
from html.parser import HTMLParser

import nbformat
import pandas as pd
import pytest

from spbe_analysis import pages, report
from spbe_analysis.labels import t
from spbe_analysis.tables import footer_note, official_short

NBCONVERT_DEFAULT_ALT = "No description has been provided for this image"


class Node:
    """A minimal element tree of a page (standard library only)."""

    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def get(self, key, default=None):
        return self.attrs.get(key, default)

    def __getitem__(self, key):
        return self.attrs[key]

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def find_all(self, tags=None, cls=None):
        tags = {tags} if isinstance(tags, str) else tags
        return [n for n in self.iter() if (tags is None or n.tag in tags) and (cls is None or cls in n.classes())]

    def find(self, tags=None, cls=None):
        found = self.find_all(tags, cls)
        return found[0] if found else None

    def ancestors(self):
        p = self.parent
        while p is not None:
            yield p
            p = p.parent

    def text(self, sep=""):
        parts = []
        for c in self.children:
            if isinstance(c, Node):
                if c.tag not in ("style", "script", "head"):
                    parts.append(c.text(sep))
            else:
                parts.append(c)
        return sep.join(parts)


class _TreeBuilder(HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in self.VOID:
            self.cur = node

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(page):
    b = _TreeBuilder()
    b.feed(page)
    b.close()
    return b.root


# ----------------------------------------------------------------------------- findings first
def _book(findings, lang="id", after=()):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Judul"), nbformat.v4.new_markdown_cell("## 1. Bagian\nTeks.")]
    nb.cells.append(nbformat.v4.new_markdown_cell("## " + t("findings", lang)))
    cell = nbformat.v4.new_code_cell("bullets([...])")
    text = "\n".join(f"- {f}" for f in findings)
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/markdown": text, "text/plain": text},
                                           execution_count=1)]
    nb.cells.append(cell)
    nb.cells += [nbformat.v4.new_markdown_cell(a) for a in after]
    for k, c in enumerate(nb.cells):
        c["id"] = f"c{k}"
    return nb


def _markdown_items(cell):
    out = next(o for o in cell.outputs if "text/markdown" in o.get("data", {}))
    return [s[2:] for s in out["data"]["text/markdown"].split("\n")]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_at_most_five_findings_first_caveats_boxed_rest_at_the_end_once(lang):
    findings = [f"Temuan {k}" for k in range(1, 8)]
    caveat = t("descriptive_note", lang)
    nb = report.findings_first(_book(findings[:3] + [caveat] + findings[3:], lang), lang)
    heads = [c.source.splitlines()[0] for c in nb.cells if c.cell_type == "markdown"]
    assert heads[:2] == ["# Judul", "## " + t("findings_first", lang)]
    assert "## " + t("findings", lang) not in heads, "the closing findings section is gone"
    top = nb.cells[2]
    assert _markdown_items(top) == findings[:5]
    assert any(caveat in o["data"].get("text/html", "") for o in top.outputs), "caveats in a boxed note"
    assert heads[-1] == "## " + t("findings_more", lang)
    assert _markdown_items(nb.cells[-1]) == findings[5:]
    shown = [s for c in nb.cells if c.cell_type == "code" for s in _markdown_items(c)]
    assert sorted(shown) == sorted(findings), "every finding once, none repeated"


def test_five_findings_or_fewer_leave_no_closing_section_and_method_text_gets_a_heading():
    nb = report.findings_first(_book(["a", "b"], "id", after=["Metode: rata-rata tertimbang."]), "id")
    md = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert "## " + t("findings_more", "id") not in md
    assert md[-2:] == ["## " + t("method_annex", "id"), "Metode: rata-rata tertimbang."]
    assert sum(c.cell_type == "code" for c in nb.cells) == 1


def test_pages_render_byte_identical():
    nb = _book(["Boalemo 2,40 (Cukup).", "Kota Gorontalo di atas Kab. Gorontalo."])
    assert report.to_html(nb, "x", "id", "02_test") == report.to_html(nb, "x", "id", "02_test")


# ----------------------------------------------------------------------------- links
def test_header_bar_links_the_start_page_and_the_twin_in_the_page_language():
    html = report.to_html(_book(["a"]), "x", "id", "brief_7501")
    nav = parse(html).find("nav", "spbe-nav")
    hrefs = [a["href"] for a in nav.find_all("a")]
    assert hrefs == ["../index.html", "../en/brief_7501.html"]
    assert nav.text(" ") == t("nav_index", "id") + " " + t("nav_twin", "id")
    en = parse(report.to_html(_book(["a"], "en"), "x", "en", "02_x")).find("nav")
    assert [a["href"] for a in en.find_all("a")] == ["../index.html", "../id/02_x.html"]


def test_regency_names_link_to_their_briefs_once_per_block_outside_headings():
    page = ("<html><body><main><h2>Boalemo</h2><p>Boalemo di bawah Pohuwato; Boalemo lagi. Provinsi Gorontalo "
            "bukan kabupaten. Kab. Gorontalo, Kota Gorontalo dan Gorontalo Utara.</p>"
            "<table><tr><th>Bone Bolango</th></tr><tr><td>Bone Bolango</td><td>Kabupaten Boalemo</td></tr></table>"
            "<p><a href='x'>Boalemo</a> dan Boalemo</p></main></body></html>")
    soup = parse(pages.link_regencies(page))
    links = [(a.text(), a["href"]) for a in soup.find_all("a", "spbe-regency")]
    assert links == [("Boalemo", "brief_7501.html"), ("Pohuwato", "brief_7503.html"),
                     ("Kab. Gorontalo", "brief_7502.html"), ("Kota Gorontalo", "brief_7571.html"),
                     ("Gorontalo Utara", "brief_7505.html"), ("Bone Bolango", "brief_7504.html"),
                     ("Kabupaten Boalemo", "brief_7501.html"), ("Boalemo", "brief_7501.html")]
    assert not soup.find("h2").find("a") and not soup.find("th").find("a")
    own = parse(pages.link_regencies(page, own="7501"))
    assert "brief_7501.html" not in {a["href"] for a in own.find_all("a", "spbe-regency")}
    plain = "<html><body><p>Tanpa nama daerah &amp; tanpa tautan.</p><!-- x --></body></html>"
    assert pages.link_regencies(plain) == plain, "everything else is kept byte for byte"


# ----------------------------------------------------------------------------- alt text
def test_a_displayed_figure_carries_its_title_as_alt_text():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, _ = plt.subplots()
    fig.suptitle("Boalemo tinggal 0,20 poin\ndari Baik; SPBE-\nPEMDI")
    assert pages.figure_alt(fig) == "Boalemo tinggal 0,20 poin dari Baik; SPBE-PEMDI"
    assert pages.figure_alt("not a figure") is None

    class Formatter:
        def format(self, obj, include=None, exclude=None):
            return {"image/png": "iVBOR", "text/plain": "<Figure>"}, {}

    class Shell:
        display_formatter = Formatter()

    shell = Shell()
    pages.install_alt_text(shell)
    pages.install_alt_text(shell)            # installing twice wraps once
    data, md = shell.display_formatter.format(fig)
    assert md == {"image/png": {"alt": "Boalemo tinggal 0,20 poin dari Baik; SPBE-PEMDI"}}
    assert shell.display_formatter.format(1)[1] == {}
    plt.close(fig)


def test_the_template_writes_the_alt_text_into_the_image():
    nb = _book(["a"])
    cell = nbformat.v4.new_code_cell("F.show(...)")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"},
                                           metadata={"image/png": {"alt": "4 dari 6 daerah berpredikat Baik"}})]
    nb.cells.insert(2, cell)
    img = parse(report.to_html(nb, "x", "id", "02_x")).find("img")
    assert img["alt"] == "4 dari 6 daerah berpredikat Baik"


# ----------------------------------------------------------------------------- sources
def test_official_decisions_cited_first_with_the_news_report_as_access_path():
    from spbe_analysis import load_published

    pub = load_published()
    rows = pub[(pub["year"] == 2024) & (pub["entity_id"] == "7501")]
    assert footer_note(rows, "SPBE 2024", "id") == "SPBE 2024: KepmenPANRB 663/2024; melalui politikal.co.id (2025-07)"
    assert footer_note(rows, "SPBE 2024", "en") == "SPBE 2024: KepmenPANRB 663/2024; via politikal.co.id (2025-07)"
    assert official_short("something else") == "something else"
    ref = pub[pub["official_ref"].fillna("").astype(str) != ""]
    assert len(ref) and (ref["status"] == "exact").all() and ref["verified"].all()
    for r in ref.itertuples():
        m = re.fullmatch(r"Keputusan Menteri PANRB Nomor (\d+) Tahun (\d{4}) tentang Hasil Evaluasi Sistem "
                         r"Pemerintahan Berbasis Elektronik pada .+ Tahun (\d{4})", r.official_ref)
        assert m and int(m.group(3)) == r.year and int(m.group(2)) in (r.year, r.year + 1), r.official_ref
        assert not r.official_url or r.official_url.startswith("https://")


def test_a_bad_official_url_is_refused(tmp_path, monkeypatch):
    import shutil

    from spbe_analysis import config, data
    from spbe_analysis.errors import DataError

    copy = tmp_path / "data"
    shutil.copytree(config.data_dir(), copy)
    path = copy / "published_indices.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    line = int(df.index[df["official_ref"] != ""][0])
    df.loc[line, "official_url"] = "http://example.org/kepmen.pdf"
    df.to_csv(path, index=False, lineterminator="\n")
    monkeypatch.setenv("SPBE_DATA_DIR", str(copy))
    with pytest.raises(DataError, match="official_url"):
        data.load_published()


# ----------------------------------------------------------------------------- built pages
CODE_WORDS = re.compile(r"\bscipy\.optimize\b|\bdata/[\w./-]*|\b[\w-]+\.(?:csv|xlsx|ipynb|py)\b")


def _parameter_names():
    names = set()
    for path in report.list_notebooks() + [report.notebooks_dir() / report.BRIEF]:
        names |= set(report.declared(path))
    return names


def _reader_problems(path, params):
    root = parse(path.read_text(encoding="utf-8"))
    problems = []
    for code in root.find_all("code"):
        if any("jp-RenderedMarkdown" in a.classes() for a in code.ancestors()):
            problems.append(f"code font in narrative: {code.text()!r}")
    words = re.compile(r"\b(" + "|".join(sorted(params, key=len, reverse=True)) + r")\b")
    leaves = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "caption", "div"}
    for block in root.find_all(leaves):
        if block.find({"p", "li", "td", "div"}) or any(a.tag in ("style", "head") for a in block.ancestors()):
            continue
        text = block.text(" ")
        classes = {c for a in block.ancestors() for c in a.classes()}
        where = "narrative" if "jp-RenderedMarkdown" in classes and "jp-OutputArea-output" not in classes else "output"
        for hit in sorted(set(words.findall(text))):
            problems.append(f"parameter name {hit!r} in {where}: {text.strip()[:90]!r}")
        for hit in sorted(set(CODE_WORDS.findall(text))):
            problems.append(f"code or file path {hit!r} in {where}: {text.strip()[:90]!r}")
    return problems


@pytest.mark.notebooks
def test_no_code_in_the_readers_text(built):
    """No parameter name, code font, file path or library name in any page's text (narrative or
    output); figures are images and are not read."""
    reports, _ = built
    params = _parameter_names()
    problems = {p.relative_to(reports).as_posix(): _reader_problems(p, params)
                for p in sorted(reports.glob("*/*.html"))}
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, "\n".join(f"{k}: {v}" for k, v in problems.items())


@pytest.mark.notebooks
def test_built_pages_link_and_describe_their_figures(built):
    reports, _ = built
    briefs = {p.name for p in (reports / "id").glob("brief_*.html")}
    for page in sorted(reports.glob("*/*.html")):
        lang = page.parent.name
        other = "en" if lang == "id" else "id"
        soup = parse(page.read_text(encoding="utf-8"))
        nav = soup.find("nav", "spbe-nav")
        assert nav is not None, page
        assert [a["href"] for a in nav.find_all("a")] == ["../index.html", f"../{other}/{page.name}"]
        assert (reports / other / page.name).exists()
        for img in soup.find_all("img"):
            alt = img.get("alt", "")
            assert alt.strip() and alt != NBCONVERT_DEFAULT_ALT, (page.name, alt)
        links = {a["href"] for a in soup.find_all("a", "spbe-regency")}
        assert links <= briefs, (page.name, links - briefs)
        if not page.name.startswith("brief_"):
            assert links, f"{page.name}: no regency name links to its brief"
        else:
            assert page.name not in links, "a brief does not link to itself"
        assert not [h for h in soup.find_all("h2") if h.get("id") == t("findings", lang)], \
            f"{page.name}: the findings are repeated at the end"
    index = parse((reports / "index.html").read_text(encoding="utf-8"))
    head = index.find("table", "headline")
    assert head is not None
    first_h2 = index.find("h2")
    assert first_h2.text().startswith(t("site_headline", "id")), "the headline opens the index"
    assert {a["href"] for a in head.find_all("a")} >= {f"id/{b}" for b in briefs}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_brief_first_heading_names_its_regency(lang):
    nb = nbformat.read(report.notebooks_dir() / report.BRIEF, as_version=4)
    out = report.named_heading(nb, lang, t("brief_title", lang, name="Boalemo"))
    first = next(c.source for c in out.cells if c.cell_type == "markdown" and f"lang-{lang}" in c.metadata["tags"])
    assert first.splitlines()[0] == "# " + t("brief_title", lang, name="Boalemo")


@pytest.mark.notebooks
def test_every_built_brief_opens_with_its_regency_name(built):
    from spbe_analysis.labels import entity_names
    reports, _ = built
    for lang in ("id", "en"):
        for code, name in entity_names(lang).items():
            page = reports / lang / f"brief_{code}.html"
            if not page.exists():
                continue
            h1 = re.search(r"<h1\b[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S)
            assert h1 and name in re.sub(r"<[^>]+>", "", h1.group(1)), (lang, code)
