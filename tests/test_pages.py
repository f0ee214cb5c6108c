"""Pages a Bappeda head reads in two minutes and acts on: at most five findings first and not
repeated at the end, a header bar to the start page and the other language, regency names that
open their briefs, figures whose alt text states their finding, official sources first, and no
code (parameter names, file paths, code font, library names) in the reader's text."""
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from spbe_analysis import pages, report
from spbe_analysis.labels import t
from spbe_analysis.tables import footer_note, official_short

from lazy import lazy_module  # noqa: E402
nbformat = lazy_module("nbformat")  # loaded by the first test that reads a notebook

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


# ----------------------------------------------------------------------------- issue 17: pages a Bappeda head acts on
import ast  # noqa: E402
from pathlib import Path  # noqa: E402

from spbe_analysis import tables  # noqa: E402
from spbe_analysis.labels import LABELS, entity_names, num, open_pct, pct, share  # noqa: E402

#: The pages this issue covers: reports 01-05 and the regency briefs.
OWN = re.compile(r"^(0[1-5]_|brief_)")
PCT_SPACED = re.compile(r"\d[ \u00a0\u202f]+%|\d+ persen\b|\d+ percent\b")
ENGLISH = re.compile(r"\b(the|and|of|to|is|are|with|from|by|for|not|band|bands|weights|printed|lies|verified|"
                     r"secondary|reproduced|verbatim|illustrative|unofficial|draws?|plans?)\b", re.I)
POINT_DECIMAL = re.compile(r"(?<![\w.,/])\d+\.\d{1,2}(?![\d])")       # 2.40 on an Indonesian page
COMMA_DECIMAL = re.compile(r"(?<![\w.,/])\d+,\d{1,2}(?![\d])")        # 2,40 on an English page


def _own_pages(reports, lang):
    return [p for p in sorted((reports / lang).glob("*.html")) if OWN.match(p.name)]


#: Sections at the end of a page that may hold long tables: an annex, the glossary.
END_SECTIONS = ("Lampiran", "Annex", "Daftar istilah", "Glossary")


def _heading(node):
    return node.text().strip().rstrip("¶").strip()


def _body(root):
    """The page's nodes in document order up to its annex or glossary."""
    nodes = list(root.iter())
    end = next((k for k, n in enumerate(nodes) if n.tag == "h2" and _heading(n) in END_SECTIONS), len(nodes))
    return nodes[:end]


def _reader_bits(root):
    """The texts a reader reads at a glance: headings, table headers and cells, captions, alt texts,
    the findings and the boxed notes (quoted criteria and evidence of the step cards are the
    regulation's own words and are left out), before the annex and the glossary."""
    out = []
    for n in _body(root):
        if n.tag == "img":
            out.append(("alt", n.get("alt", "")))
        elif n.tag in ("h1", "h2", "h3", "h4", "th", "td", "caption"):
            out.append((n.tag, n.text(" ")))
        elif n.tag == "div" and "spbe-note" in n.classes():
            out.append(("note", n.text(" ")))
    return out


def _findings(root, lang):
    head = next(h for h in root.find_all("h2") if h.text().strip().rstrip("¶").strip() == t("findings_first", lang))
    nodes = list(root.iter())
    after = nodes[nodes.index(head) + 1:]
    ul = next(n for n in after if n.tag == "ul")
    # a linked regency name leaves a space before its punctuation
    return [re.sub(r" ([:;,.)])", r"\1", " ".join(li.text(" ").split())) for li in ul.find_all("li")]


def test_percentages_are_written_on_the_number_in_both_languages():
    assert pct(0.8, "id") == "80%" and pct(0.125, "id", 1) == "12,5%" and pct(0.125, "en", 1) == "12.5%"
    assert open_pct(0.9999, "id") == ">99%" and open_pct(0.0001, "en") == "<1%"
    assert share(0.37, 4000, "id") == "dalam 37% dari 4.000 simulasi" and share(0.37, 4000, "en") == "in 37% of 4,000 draws"
    for key, text in LABELS.items():
        for lang in ("id", "en"):
            assert not PCT_SPACED.search(text[lang].replace("{p}", "8")), (key, lang, text[lang])


def test_tables_for_a_screen_and_in_the_page_language():
    fr = tables.framework_frame(lang="id")
    assert fr["bands"].tolist()[1] == "Cukup 1,80; Baik 2,60; Sangat Baik 3,50; Memuaskan 4,20"
    assert fr["years"].tolist()[-1] == "mulai 2026" and fr["domains_aspects"].tolist() == ["3 / 7", "4 / 8", "- / 7"]
    assert fr["values"].tolist()[-1] == "1-5 (2 desimal)"
    for lang in ("id", "en"):
        text = " ".join(tables.framework_frame(lang=lang).astype(str).to_numpy().ravel())
        assert not re.search(r"VERIFIED|REPRODUCED|SECONDARY|>=|dec\.", text)
        assert ("2018-2019" in text) and (("2,60" in text) == (lang == "id"))
    from spbe_analysis import load_published, panel
    check = panel.recompute_predicates(load_published())
    bad = check[check["agrees"] == False]  # noqa: E712
    notes = tables.predicate_notes(bad, "id").tolist()
    assert len(notes) == 2 and "1,90" in notes[0] and "Sedang" in notes[0] and "(2,60-3,50)" in notes[1]
    assert not any(ENGLISH.search(n) for n in notes)
    sig = pd.DataFrame({"year": [2022, 2022, 2024, 2024], "measure": ["cv", "gini"] * 2,
                        "low": [0.152, 0.081, 0.077, 0.043], "high": [0.351, 0.196, 0.077, 0.043],
                        "censored": ["7501,7503", "7501,7503", "", ""]})
    wide = tables.bounds_frame(sig, "id")
    assert wide.columns.tolist() == ["year", "cv", "gini", "censored"] and len(wide) == 2
    assert wide.iloc[0].tolist() == ["2022", "15,2%-35,1%", "0,081-0,196", "Boalemo, Pohuwato"]
    assert wide.iloc[1].tolist() == ["2024", "7,7%", "0,043", "-"]
    lead = pd.DataFrame({"entity": ["7501", "7501", "7502", "7502"], "target": ["Baik", "Sangat Baik"] * 2,
                         "gap_median": [0.2, 1.1, -0.08, 0.82], "largest_share": [0.7, 0.72, 0.89, 0.42],
                         "group_name": ["Manajemen SPBE", "Layanan SPBE", "Manajemen SPBE", "Manajemen SPBE"]})
    lf = tables.lead_frame(lead, ["7501", "7502"], "id")
    assert lf.values.tolist() == [["Boalemo", "Manajemen SPBE (70%)", "Layanan SPBE (72%)"],
                                  ["Kab. Gorontalo", "sudah tercapai", "Manajemen SPBE (42%)"]]


def _robust_call(path):
    """The arguments of the one ``cache.robust_moves(...)`` call of a notebook, evaluated with the
    notebook's parameter defaults."""
    nb = nbformat.read(path, as_version=4)
    params = {}
    exec(next(c.source for c in nb.cells if "parameters" in c.metadata.get("tags", [])), {}, params)  # noqa: S102
    calls = []
    for c in nb.cells:
        if c.cell_type != "code" or "cache.robust_moves(" not in c.source:
            continue
        for node in ast.walk(ast.parse(c.source)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "robust_moves":
                calls.append((tuple(eval(compile(ast.Expression(a), "", "eval"), {}, params) for a in node.args),  # noqa: S307
                              {k.arg: eval(compile(ast.Expression(k.value), "", "eval"), {}, params)  # noqa: S307
                               for k in node.keywords}))
    assert len(calls) == 1, (path.name, calls)
    return calls[0]


def _robust_pages():
    books = {p.name[:2]: p for p in report.list_notebooks()}
    return {"05": books["05"], "07": books["07"], "brief": report.notebooks_dir() / report.BRIEF}


def test_moves_that_hold_in_every_scenario_come_from_the_same_cached_call_on_05_07_and_the_briefs():
    calls = {k: _robust_call(p) for k, p in _robust_pages().items()}
    assert calls["05"] == calls["07"] == calls["brief"], calls
    args, kw = calls["07"]
    assert len(args) == 7 and args[1] == "" and args[5] == "", "default pages: illustrative profiles, projected starts"


def _move_names(lang):
    """{displayed move name: (indicator, level)} of every PEMDI indicator level and shared item,
    longest first (as :func:`spbe_analysis.figures.pagetext.move_name` writes them)."""
    from spbe_analysis.figures.pagetext import move_name
    from spbe_analysis.frameworks import as_framework

    fw = as_framework("pemdi2026")
    names = {move_name(i, lv, lang): (i, lv) for i in fw.ids for lv in range(2, 6)}
    names |= {t(k, lang): (k.removeprefix("act_shared_"), None) for k in LABELS if k.startswith("act_shared_")}
    return dict(sorted(names.items(), key=lambda x: -len(x[0])))


def _moves_in(text, names):
    found = set()
    for name, move in names.items():
        if name in text:
            found.add(move)
            text = text.replace(name, " ")
    return found


def _regency_codes():
    from spbe_analysis.data import entity_codes

    return tuple(entity_codes()[0])


def _list_after(root, heading):
    nodes = list(root.iter())
    head = next(n for n in nodes if n.tag in ("h2", "h3") and heading(n.text().strip().rstrip("¶").strip()))
    after = nodes[nodes.index(head) + 1:]
    return next(n for n in after if n.tag == "ul")


def _tidy(text):
    return re.sub(r"\s+([:;,.)])", r"\1", " ".join(text.split()))


def _piece(key, lang, before="{moves}", after=None):
    """A fixed piece of a label's text (the words that mark borderline moves), or None."""
    text = LABELS.get(key, {}).get(lang)
    if text is None:
        return None
    text = text.split(before)[0]
    return _tidy(text.split(after)[-1] if after else text).strip(" ;:(")


def robust_listed(page, lang, code=None):
    """{code: (robust moves, borderline moves)}, each a set of (indicator, level), as a built page
    lists them: on 05 and 07 one line per regency (borderline moves after their marker), on a brief
    (``code``) one line per move."""
    root = parse(page.read_text(encoding="utf-8"))
    names = _move_names(lang)
    if code is not None:
        heads = {t(k, lang) for k in ("robust_brief_heading", "brief_robust_heading_near", "brief_robust_heading_none")}
        ul = _list_after(root, lambda h: h in heads)    # the heading says whether any move is only "nearly" safe
        near = _piece("robust_brief_borderline", lang, "{share}", "(")
        robust, border = set(), set()
        for li in ul.find_all("li"):
            text = _tidy(li.text(" "))
            (border if near and f"({near}" in text else robust).update(_moves_in(text, names))
        return {code: (robust, border)}
    rx = re.compile(r"langkah aman di semua skenario|hold in every scenario", re.I)
    ul = _list_after(root, lambda h: bool(rx.search(h)) and not h.startswith(t("findings_first", lang)))
    regencies = {entity_names(lang)[c]: c for c in _regency_codes()}
    also = _piece("f_robust_also_borderline", lang)
    only = _piece("f_robust_moves_borderline", lang, "; {moves}", "{who}")
    out = {}
    for li in ul.find_all("li"):
        text = _tidy(li.text(" "))
        who = [c for n, c in sorted(regencies.items(), key=lambda x: -len(x[0])) if n in text]
        assert who, text
        if only and only in text:
            out[who[0]] = (set(), _moves_in(text, names))
        elif also and also in text:
            head, tail = text.split(also, 1)
            out[who[0]] = (_moves_in(head, names), _moves_in(tail, names))
        else:
            out[who[0]] = (_moves_in(text, names), set())
    return out


@pytest.mark.notebooks
def test_the_moves_that_hold_in_every_scenario_agree_on_05_07_and_every_brief(built):
    """Pages 05 and 07 and each brief list the same moves for every regency (robust, then
    borderline), and they are the cached result's."""
    from spbe_analysis import cache

    reports, _ = built
    args, kw = _robust_call(_robust_pages()["07"])
    result = cache.robust_moves(*args, **kw)
    expected = {c: (set(), set()) for c in _regency_codes()}
    for c, i, lv in result.robust_set():
        expected[c][0].add((i, lv))
    for c, i, lv in (result.borderline_set() if hasattr(result, "borderline_set") else set()):
        expected[c][1].add((i, lv))
    for lang in ("id", "en"):
        p05 = robust_listed(next((reports / lang).glob("05_*.html")), lang)
        p07 = robust_listed(next((reports / lang).glob("07_*.html")), lang)
        assert set(p05) == set(p07) == set(_regency_codes())
        for code in p07:
            brief = robust_listed(reports / lang / f"brief_{code}.html", lang, code)[code]
            assert p05[code] == p07[code] == brief == expected[code], (lang, code, p05[code], p07[code], brief)


@pytest.mark.notebooks
def test_the_moves_chart_of_page_07_names_every_move_it_shows(built):
    """The real result page 07 charts (the same cached call as the page): every labelled row names
    a PEMDI indicator and its level, never a bare code such as "I20"."""
    import matplotlib.pyplot as plt

    from spbe_analysis import cache
    from spbe_analysis.figures import robustness as R, style

    args, kw = _robust_call(_robust_pages()["07"])
    r = cache.robust_moves(*args, **kw, only_cached=True)
    assert r is not None, "the build computes this result; the page's call must find it cached"
    fig = style.figure_of(R.robust_moves_chart(R.RobustMovesData(r), lang="id", footer="x"))
    rows = [" ".join(x.get_text().split()) for x in fig.axes[0].get_yticklabels() if x.get_text()]
    plt.close(fig)
    assert rows == [R.move_label(i, lv, "id") for i, lv in R.shown_moves(r)]
    assert rows and not any(re.search(r"\bI\d{1,2}\b", x) for x in rows)


@pytest.mark.notebooks
def test_own_pages_lead_with_at_most_five_short_findings_once(built):
    reports, _ = built
    for lang in ("id", "en"):
        for page in _own_pages(reports, lang):
            root = parse(page.read_text(encoding="utf-8"))
            found = _findings(root, lang)
            assert 1 <= len(found) <= 5, (page.name, len(found))
            long = [(len(f.split()), f) for f in found if len(f.split()) >= 40]
            assert not long, (page.name, long)
            heads = [h.text().strip().rstrip("¶").strip() for h in root.find_all({"h2", "h3"})]
            assert t("findings_more", lang) not in heads, f"{page.name}: findings repeated at the end"


@pytest.mark.notebooks
def test_own_pages_tables_fit_a_screen(built):
    """Tables are the six regencies (plus province and nation) by a few columns: at most 12 rows
    and 8 columns, except in an annex or the glossary at the end of the page."""
    reports, _ = built
    for lang in ("id", "en"):
        for page in _own_pages(reports, lang):
            root = parse(page.read_text(encoding="utf-8"))
            for table in [n for n in _body(root) if n.tag == "table"]:
                rows = [r for r in table.find_all("tr") if r.find("td")]
                cols = len(table.find("tr").find_all({"th", "td"}))
                assert len(rows) <= 12 and cols <= 8, (page.name, len(rows), cols, table.text(" ")[:120])


@pytest.mark.notebooks
def test_one_style_for_numbers_and_no_english_on_indonesian_pages(built):
    reports, figures = built
    problems = []
    for lang in ("id", "en"):
        for page in sorted((reports / lang).glob("*.html")):
            root = parse(page.read_text(encoding="utf-8"))
            text = root.text(" ") + " ".join(img.get("alt", "") for img in root.find_all("img"))
            problems += [f"{page.name} [{lang}]: spaced percent {m!r}" for m in PCT_SPACED.findall(text)]
            if not OWN.match(page.name):
                continue
            for where, bit in _reader_bits(root) + [("finding", f) for f in _findings(root, lang)]:
                if lang == "id":
                    problems += [f"{page.name}: English {m!r} in {where}: {bit[:80]!r}" for m in ENGLISH.findall(bit)]
                    problems += [f"{page.name}: decimal point {m!r} in {where}" for m in POINT_DECIMAL.findall(bit)]
                else:
                    problems += [f"{page.name} [en]: decimal comma {m!r} in {where}" for m in COMMA_DECIMAL.findall(bit)]
        for svg in sorted((figures / lang).glob("*.svg")):
            comments = " ".join(re.findall(r"<!-- (.*?) -->", svg.read_text(encoding="utf-8")))
            problems += [f"{svg.name}: spaced percent {m!r}" for m in PCT_SPACED.findall(comments)]
            if lang == "id" and OWN.match(svg.name):       # titles, axes, legends and footers of the figures
                problems += [f"{svg.name}: English {m!r}" for m in ENGLISH.findall(comments.replace("CC BY", ""))]
    assert not problems, "\n".join(problems[:40])


@pytest.mark.notebooks
def test_a_brief_names_its_regency_in_one_heading(built):
    reports, _ = built
    for lang in ("id", "en"):
        for code in _regency_codes():
            page = reports / lang / f"brief_{code}.html"
            if not page.exists():
                continue
            root = parse(page.read_text(encoding="utf-8"))
            title = t("brief_title", lang, name=entity_names(lang)[code])
            heads = [h for h in root.find_all({"h1", "h2", "h3"}) if h.text().strip().rstrip("¶").strip() == title]
            assert [h.tag for h in heads] == ["h1"], (lang, code, [h.tag for h in heads])


@pytest.mark.notebooks
def test_the_index_lists_the_moves_that_hold_in_every_scenario_as_the_pages_do(built):
    """The start page's column of moves that hold in every scenario is the cached result notebook 05,
    07 and the briefs show (robust and borderline moves, per regency), and it is on the built index."""
    from spbe_analysis import site
    reports, _ = built
    rob = site.robust_defaults(site.plan_defaults())
    assert rob is not None, "the build computed the moves before writing the index"
    index = (reports / "index.html").read_text(encoding="utf-8")
    for r in site.headline_rows():
        m = rob.moves[(rob.moves["code"] == r["code"]) & (rob.moves["robust"] | rob.moves["borderline"])]
        assert {(i, lv, st) for i, _, _, lv, st in r["safe"]} == {(x.indicator, int(x.level), x.status)
                                                                  for x in m.itertuples()}
        for i, n_id, _, lv, _ in r["safe"]:
            assert f"{i} {n_id} → {lv}" in index


def test_a_caveat_links_to_another_page_of_the_site():
    box = pages.caveat_box(["Metodenya ada di [halaman 05](05_paths_to_closing.html) dan **06**."], "id")
    assert '<a href="05_paths_to_closing.html">halaman 05</a>' in box and "](" not in box
    assert "<strong>06</strong>" in box
    # only a page of the site becomes a link; anything else stays text
    assert "<a " not in pages.caveat_box(["[x](javascript:alert(1))"], "id")
