"""What turns an executed notebook's HTML into a page a policy reader acts on: figures whose alt
text states their finding, findings split from caveats, a header bar to the start page and the
other language, and regency names that open their briefs. Standard library only (the page is
post-processed as text, byte for byte outside the changes), deterministic bytes.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

from .checks import LANGS
from .labels import LABELS, t

# ----------------------------------------------------------------------------- alt text
def figure_alt(obj: Any) -> str | None:
    """The alt text of a displayed matplotlib figure: its title (the finding, as the figure states
    it) on one line, or the first axes title; None for anything else or a figure without a title."""
    import sys

    mod = sys.modules.get("matplotlib.figure")
    if mod is None or not isinstance(obj, mod.Figure):
        return None
    sup = getattr(obj, "_suptitle", None)
    title = sup.get_text() if sup is not None else ""
    for ax in obj.axes if not title.strip() else []:
        title = ax.get_title() or ax.get_title(loc="left")
        if title.strip():
            break
    title = " ".join(re.sub(r"-\n", "-", title).split())
    return title or None


def install_alt_text(shell: Any = None) -> None:
    """Make the kernel's display of a matplotlib figure carry its title as ``alt`` in the output's
    ``image/png`` metadata, which the page template writes into the ``<img>``: every figure on a
    page then states its finding to a screen reader (the figures themselves are not touched).
    The builder runs this in every kernel before the notebook (``report.execute``)."""
    if shell is None:
        from IPython import get_ipython

        shell = get_ipython()
    fmt = getattr(shell, "display_formatter", None)
    if fmt is None or getattr(fmt, "_spbe_alt", False):
        return
    original = fmt.format

    def format(obj: Any, include: Any = None, exclude: Any = None) -> Any:   # noqa: A001 (IPython's name)
        data, md = original(obj, include=include, exclude=exclude)
        alt = figure_alt(obj)
        if alt and "image/png" in data:
            md = dict(md or {})
            md["image/png"] = dict(md.get("image/png") or {}, alt=alt)
        return data, md

    fmt.format = format
    fmt._spbe_alt = True


# ----------------------------------------------------------------------------- findings
#: At most this many findings open a page; the rest follow at its end under "Further findings".
MAX_FINDINGS = 5
#: Label keys whose text, in a findings list, is a caveat about the data or the method rather than a
#: finding: shown in a boxed note under the findings, not counted among them.
CAVEAT_KEYS = ("profiles_illustrative", "sheet_exact", "sheet_differs", "sheet_matches", "sheet_unused",
               "unofficial_note", "act_caveat", "act_brief_assumptions", "brief_assumptions", "descriptive_note",
               "assumption_note", "f_act_thin", "act_margin_rounded", "act_margin_thin", "act_national_rule",
               "act_national_rule_planned", "act_national_rule_all")


def _caveat_patterns(lang: str) -> list[re.Pattern]:
    out = []
    for key in CAVEAT_KEYS:
        text = LABELS.get(key, {}).get(lang)
        if text:
            parts = re.split(r"\{[^{}]*\}", text)
            out.append(re.compile("^" + ".*?".join(re.escape(p) for p in parts), flags=re.S))
    return out


def split_findings(markdown: str, lang: str) -> tuple[list[str], list[str]] | None:
    """The items of a Markdown bullet list (``tables.bullets``) split into findings and caveats
    (items that are one of :data:`CAVEAT_KEYS`' texts); None when ``markdown`` is not such a list."""
    text = markdown.strip()
    if not text.startswith("- "):
        return None
    items = [i.strip() for i in re.split(r"(?:^|\n)- ", text) if i.strip()]
    pats = _caveat_patterns(lang)
    findings = [i for i in items if not any(p.match(i) for p in pats)]
    caveats = [i for i in items if any(p.match(i) for p in pats)]
    return findings, caveats


def _emphasis(text: str) -> str:
    """Markdown's bold, italics and links to another page of the site (``[words](page.html)``) as HTML."""
    body = html.escape(text)
    body = re.sub(r"\[([^\]]+)\]\(([\w./-]+\.html)\)", r'<a href="\2">\1</a>', body)
    body = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", body)
    return re.sub(r"\*(.+?)\*", r"<em>\1</em>", body)


def caveat_box(caveats: list[str], lang: str) -> str:
    """The caveats of a findings list as a boxed note (HTML), headed "Keep in mind"."""
    items = "".join(f"<li>{_emphasis(c)}</li>" for c in caveats)
    return (f'<div class="spbe-note"><strong>{html.escape(t("findings_caveats", lang))}</strong>'
            f'<ul>{items}</ul></div>')


# ----------------------------------------------------------------------------- links
NAV_CSS = """<style type="text/css">
.spbe-nav { font-size: 15px; padding: 0.5em 0; margin-bottom: 0.4em; border-bottom: 1px solid #d9d9d9; }
.spbe-nav a { margin-right: 1.2em; }
a.spbe-regency { color: inherit; text-decoration: underline dotted #2c7fb8; }
</style>"""
#: Elements whose text never gets a regency link: headings, captions, links, code, the page head.
NO_LINK = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "th", "caption", "code", "pre", "style", "script", "title",
           "head", "nav", "svg"}
#: Blocks within which each regency is linked once (its first occurrence).
BLOCKS = {"p", "li", "td", "dd", "dt", "blockquote", "figcaption", "div", "body"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def regency_patterns() -> list[tuple[str, str]]:
    """(code, name) of the six regencies, every way the pages write them (full name from the data,
    short name in both languages), longest first."""
    from .data import entity_codes, load_regencies
    from .labels import entity_names

    codes = entity_codes()[0]
    reg = load_regencies()
    names: dict[str, str] = {}
    for c in codes:
        forms = {str(reg.loc[c, "name"]) if c in reg.index else "", *(entity_names(lg)[c] for lg in LANGS)}
        for f in forms:
            if f:
                names[f] = c
    return sorted(((c, n) for n, c in names.items()), key=lambda x: (-len(x[1]), x[1]))


class _Linker(HTMLParser):
    """Re-emits a page token by token, unchanged except for the regency names it links."""

    def __init__(self, rx: re.Pattern, code_of: dict[str, str]):
        super().__init__(convert_charrefs=False)
        self.rx, self.code_of = rx, code_of
        self.out: list[str] = []
        self.stack: list[tuple[str, int]] = []
        self.seen: dict[int, set] = {}
        self.blocks = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.out.append(self.get_starttag_text())
        if tag not in _VOID:
            self.blocks += 1
            self.stack.append((tag, self.blocks))

    def handle_startendtag(self, tag: str, attrs: Any) -> None:
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                break

    def handle_data(self, data: str) -> None:
        tags = [s[0] for s in self.stack]
        if not tags or any(x in NO_LINK for x in tags):
            self.out.append(data)
            return
        block = next((b for x, b in reversed(self.stack) if x in BLOCKS), 0)
        seen = self.seen.setdefault(block, set())
        pos = 0
        for m in self.rx.finditer(data):
            code = self.code_of[m.group(1)]
            if code in seen:
                continue
            seen.add(code)
            self.out.append(data[pos:m.start()])
            self.out.append(f'<a class="spbe-regency" href="brief_{code}.html">{m.group(1)}</a>')
            pos = m.end()
        self.out.append(data[pos:])

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def link_regencies(page: str, own: str | None = None) -> str:
    """``page`` with the first mention of each regency in every paragraph, list item and table cell
    (outside headings, captions and links) linked to its brief (``brief_<code>.html``, same folder);
    on a brief, ``own`` (its regency) is not linked. Everything else is kept byte for byte."""
    pats = [(c, n) for c, n in regency_patterns() if c != own]
    if not pats:
        return page
    rx = re.compile(r"(?<![\w.])(" + "|".join(re.escape(n) for _, n in pats) + r")(?![\w-])(?!\s+Utara)")
    parser = _Linker(rx, {n: c for c, n in pats})
    parser.feed(page)
    parser.close()
    return "".join(parser.out)


def nav_bar(stem: str, lang: str) -> str:
    """The header bar of a page, in its language: the start page and the same page in the other
    language."""
    other = next(lg for lg in LANGS if lg != lang)
    return (f'<nav class="spbe-nav" aria-label="{html.escape(t("nav_label", lang))}">'
            f'<a href="../index.html">{html.escape(t("nav_index", lang))}</a>'
            f'<a href="../{other}/{html.escape(stem)}.html" hreflang="{other}">{html.escape(t("nav_twin", lang))}</a>'
            "</nav>")


def decorate(page: str, stem: str, lang: str) -> str:
    """A rendered page with its header bar (:func:`nav_bar`) and its regency links
    (:func:`link_regencies`; on a brief, not to itself)."""
    own = stem.removeprefix("brief_") if stem.startswith("brief_") else None
    page = link_regencies(page, own)
    page = page.replace("</head>", NAV_CSS + "\n</head>", 1)
    return re.sub(r"(<body[^>]*>\s*<main>)", lambda m: m.group(1) + "\n" + nav_bar(stem, lang), page, count=1)


__all__ = ["CAVEAT_KEYS", "MAX_FINDINGS", "caveat_box", "decorate", "figure_alt", "install_alt_text",
           "link_regencies", "nav_bar", "regency_patterns", "split_findings"]
