"""The one glossary of the pages: each term in Bahasa Indonesia and in English, its definition in
both languages and where the term comes from (an openable address of the regulation or the method
reference).

The terms live in one data file, ``glossary.csv`` next to this module, one row per term with the
columns ``key``, ``term_id``, ``term_en``, ``definition_id``, ``definition_en``, ``source`` and,
optionally, ``aliases_id`` and ``aliases_en`` (other spellings a page may use, separated by
``|``). :func:`load_glossary` reads it strictly; :func:`glossary_markdown` gives the glossary
section of one page: the terms that occur in the page's text, in the page's language.

A source is an address a reader can open (``https://...``, shown in full on the page) or, where no
address is on record, the document itself named with its number and year (:data:`DOCUMENT`, e.g.
"Peraturan Presiden Nomor 95 Tahun 2018 tentang ..."); a bare domain is refused. A definition may
hold ``{bands:<framework>}``: the predicate bands of that framework with their index ranges, filled
from the framework's data when the section is written (:func:`band_ranges`), never typed by hand.

:func:`english_words` and :func:`glued_words` are the checks every Indonesian reader-facing text
passes (the glossary's own Indonesian columns, the PEMDI criteria and owner files): no English
marker words, no words glued together by a PDF extraction.

Examples
--------
>>> g = load_glossary()
>>> g.loc[g["key"] == "waktu_paruh", "term_en"].item()
'half-life'
>>> print(glossary_markdown("Waktu paruh konvergensi beta: 4 tahun.", "id").splitlines()[0])
## Daftar istilah
"""
from __future__ import annotations

import csv
import functools
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pandas as pd

from .. import csvio as T
from ..errors import DataError

#: The data file of the glossary.
GLOSSARY = Path(__file__).with_name("glossary.csv")
#: The columns every glossary row fills.
REQUIRED = ("key", "term_id", "term_en", "definition_id", "definition_en", "source")
#: The optional alias columns (other spellings, separated by "|"; the cells may be empty).
ALIASES = ("aliases_id", "aliases_en")
#: A source that is a document reference: its kind and name, then its number and year.
DOCUMENT = re.compile(r"(?:Undang-Undang|Peraturan|Keputusan|Instruksi|Surat Edaran)\b[^|]*?\bNomor \d+ Tahun "
                      r"(?:19|20)\d\d\b[^|]*")
#: A placeholder of a definition filled from a framework's predicate bands (:func:`band_ranges`).
BANDS = re.compile(r"\{bands:([a-z][a-z0-9]*)\}")
#: The heading of the glossary section and the column heads of its table, per language.
HEADINGS = {"id": ("Daftar istilah", "Istilah", "Arti", "Sumber"),
            "en": ("Glossary", "Term", "Meaning", "Source")}

#: English words that never occur in Bahasa Indonesia official text (matched as whole words,
#: case-insensitively; a hyphenated compound such as "in-use" is not a match).
ENGLISH_MARKERS = ("the", "of", "and", "for", "with", "from", "by", "to", "is", "are", "was", "not", "or", "in",
                   "on", "this", "that", "which", "where", "when", "also", "only", "should", "own", "see", "lead",
                   "judgement", "judgment", "inference", "maps", "raw", "assumed", "unverified", "verbatim",
                   "formal pokja", "in Aceh")
#: Words written with a lowercase letter before an uppercase one that are not extraction errors:
#: acronyms and names as their owners write them.
MIXED_CASE = frozenset({"MoU", "RoPA", "MyASN", "KemenPANRB", "PermenPANRB", "MenPANRB", "BSrE", "eGov", "COINr",
                        "PemdiAcehTengah", "GitHub", "JavaScript"})

_MARKER = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w).replace(r"\ ", r"\s+")
                                             for w in sorted(ENGLISH_MARKERS, key=len, reverse=True))
                     + r")(?![\w-])", re.IGNORECASE)
_MIXED = re.compile(r"[\w-]*[a-z][A-Z][\w-]*")
_KEY = re.compile(r"[a-z][a-z0-9_]*")
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2212": "-", "\u00a0": " "})
_SUFFIX = {"id": r"(?:-?nya)?", "en": r"(?:s|es|'s)?"}


def english_words(text: str) -> list[str]:
    """The English marker words (:data:`ENGLISH_MARKERS`) in ``text``, in order of appearance.

    Parameters
    ----------
    text : str
        A text meant to be Bahasa Indonesia.

    Returns
    -------
    list of str
        Each marker as written in ``text`` (empty: none found).

    Examples
    --------
    >>> english_words("Bappeda (formal pokja lead in Aceh Tengah)")
    ['formal pokja', 'lead', 'in Aceh']
    >>> english_words("enkripsi data at-rest dan in-transit")
    []
    """
    return [m.group(1) for m in _MARKER.finditer(str(text))]


def glued_words(text: str, allowed: frozenset | set = MIXED_CASE) -> list[str]:
    """Words of ``text`` with a lowercase letter directly before an uppercase one (two words glued
    together, as a PDF extraction leaves them), except the acronyms and names in ``allowed``.

    Parameters
    ----------
    text : str
    allowed : set of str
        Words written that way on purpose (:data:`MIXED_CASE` by default).

    Returns
    -------
    list of str
        The glued words, in order of appearance.

    Examples
    --------
    >>> glued_words("dalam penerapan sesuaiSubstansi Rencana Aksi; MoU dan RoPA")
    ['sesuaiSubstansi']
    """
    return [w for w in _MIXED.findall(str(text)) if w not in allowed]


def _text(label: str) -> T.Parser:
    """A filled cell without code names (no '_' or '`': keys and parameters are not shown); a
    definition may hold ``{bands:<framework>}`` placeholders and no other braces."""
    def parse(s: str) -> Any:
        if not s.strip():
            raise T.Expect(f"a non-empty {label}")
        if "_" in s or "`" in s:
            raise T.Expect(f"a {label} in words, without code or parameter names ('_' or '`')")
        if re.search(r"[{}]", BANDS.sub("", s) if label == "definition" else s):
            raise T.Expect(f"a {label} without braces other than a {{bands:<framework>}} placeholder")
        return s
    return parse


def _aliases(s: str) -> Any:
    if s and (any(not a.strip() for a in s.split("|")) or "_" in s or "`" in s):
        raise T.Expect("other spellings separated by '|', none empty, without code names, or an empty cell")
    return s


def _key(s: str) -> Any:
    if not _KEY.fullmatch(s):
        raise T.Expect("a key of lowercase letters, digits and '_', starting with a letter")
    return s


def source_kind(source: str) -> str | None:
    """"url" for one openable ``https://`` address of a page or file (not a site's front page),
    "document" for a document reference (:data:`DOCUMENT`: its name with number and year), None for
    anything else (a bare domain such as "peraturan.go.id" or "https://peraturan.go.id", an
    ``http://`` address, "PermenPANRB 59/2020").

    Examples
    --------
    >>> source_kind("https://doi.org/10.1086/261816"), source_kind("peraturan.go.id")
    ('url', None)
    >>> source_kind("Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik")
    'document'
    """
    s = str(source)
    u = urlparse(s)
    if re.fullmatch(r"https://[^\s|]+", s) and "." in u.netloc and u.path.strip("/"):
        return "url"
    if DOCUMENT.fullmatch(s) and "://" not in s and s == s.strip():
        return "document"
    return None


def _source(s: str) -> Any:
    if source_kind(s) is None:
        raise T.Expect("one openable address starting with https://, or where none is on record the document "
                       "named with its number and year ('Peraturan Presiden Nomor 95 Tahun 2018 tentang ...')")
    return s


_COLUMNS = {"key": _key, "term_id": _text("term"), "term_en": _text("term"), "definition_id": _text("definition"),
            "definition_en": _text("definition"), "source": _source, "aliases_id": _aliases, "aliases_en": _aliases}


@functools.lru_cache(maxsize=8)
def _read(path: str, stamp: int) -> pd.DataFrame:
    p = Path(path)
    with p.open(newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh), [])
    names = REQUIRED + ALIASES if any(a in header for a in ALIASES) else REQUIRED
    df = T.read_csv_strict(p, [T.Column(n, _COLUMNS[n]) for n in names], key="key")
    for lang in ("id", "en"):
        seen: dict[str, int] = {}
        for k, term in enumerate(df[f"term_{lang}"]):
            norm = _normal(term)
            if norm in seen:
                raise DataError(path, f"each term_{lang} once (also line {seen[norm] + 2})", row=f"line {k + 2}",
                                column=f"term_{lang}", value=term)
            seen[norm] = k
    for a in ALIASES:
        if a not in df:
            df[a] = ""
    return df[list(REQUIRED + ALIASES)]


def load_glossary(path: str | Path | None = None) -> pd.DataFrame:
    """The glossary, read strictly from ``path`` (``glossary.csv`` next to this module by default).

    Every row fills ``key`` (lowercase letters, digits, '_'; unique), ``term_id``, ``term_en``,
    ``definition_id``, ``definition_en`` (words only: no code or parameter names; a definition may
    hold ``{bands:<framework>}``) and ``source`` (one ``https://`` address, or a document reference
    with number and year: :func:`source_kind`); a term appears once per language. The alias columns
    are optional.

    Parameters
    ----------
    path : str or Path, optional
        A glossary file of your own with the same columns.

    Returns
    -------
    DataFrame
        The columns :data:`REQUIRED` then :data:`ALIASES` (empty strings where a file has none), in
        file order.

    Raises
    ------
    DataError
        Naming the file, the line, the column, the value and what was expected: a missing file, a
        wrong header, an empty cell, a repeated key or term, a code name, a source that is neither an
        ``https://`` address nor a document reference (a bare domain, for one).

    Examples
    --------
    >>> g = load_glossary()
    >>> list(g.columns[:3]), sorted(set(g["source"].map(source_kind)))
    (['key', 'term_id', 'term_en'], ['document', 'url'])
    """
    if path is None or path == "":
        path = GLOSSARY
    if not isinstance(path, (str, Path)):
        raise DataError("path argument", "a file path", value=type(path).__name__)
    p = Path(path)
    if not p.is_file():
        raise DataError(str(p), "the glossary file to exist")
    return _read(str(p), p.stat().st_mtime_ns).copy()


def _normal(text: str) -> str:
    """Text as terms are matched: one kind of dash, single spaces, no space before '%', casefolded."""
    text = str(text).translate(_DASHES)
    return re.sub(r"\s+%", "%", re.sub(r"\s+", " ", text)).casefold()


def _lang(lang: Any) -> str:
    if lang not in HEADINGS:
        raise DataError("lang argument", "'id' or 'en'", value=lang)
    return lang


def glossary_keys(text: str, lang: str, path: str | Path | None = None) -> list[str]:
    """The keys of the glossary terms that occur in ``text``, in the order of the glossary section.

    A term occurs when its name in ``lang`` or one of its aliases stands as a whole word or phrase
    in ``text``, whatever the case (an Indonesian term may carry the suffix -nya, an English one a
    plural s); dashes and the space before '%' do not matter.

    Parameters
    ----------
    text : str
        The page's text (Markdown or plain).
    lang : {"id", "en"}
    path : str or Path, optional
        A glossary file of your own.

    Returns
    -------
    list of str
        Sorted by the term in ``lang`` (case-insensitive), then by key.

    Raises
    ------
    DataError
        For a ``text`` that is not a string or a ``lang`` other than "id" and "en".

    Examples
    --------
    >>> glossary_keys("The Theil index and the half-life of beta convergence.", "en")
    ['konvergensi_beta', 'waktu_paruh', 'indeks_theil']
    """
    lang = _lang(lang)
    if not isinstance(text, str):
        raise DataError("text argument", "the page text as a string", value=type(text).__name__)
    body = _normal(text)
    found = []
    for r in load_glossary(path).to_dict("records"):
        names = [r[f"term_{lang}"]] + [a for a in r[f"aliases_{lang}"].split("|") if a]
        for name in names:
            if re.search(r"(?<![\w-])" + re.escape(_normal(name)) + _SUFFIX[lang] + r"(?!\w)", body):
                found.append((_normal(r[f"term_{lang}"]), r["key"]))
                break
    return [k for _, k in sorted(found)]


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def band_ranges(framework: str, lang: str) -> str:
    """The predicate bands of ``framework`` with their index ranges, in ``lang``, from the
    framework's data (``data/predicate_bands.csv`` through :func:`spbe_analysis.load_framework`):
    the lowest band "below" its upper edge, the top band up to the top of the scale.

    Examples
    --------
    >>> band_ranges("spbe2020", "id").split("; ")[:2]
    ['Kurang untuk nilai di bawah 1,80', 'Cukup untuk 1,80 sampai di bawah 2,60']
    >>> band_ranges("pemdi2026", "en").split("; ")[-1]
    'Memuaskan (Unggul) for 4.00 to 5.00'
    """
    from ..frameworks import as_framework
    from . import num, t

    lang = _lang(lang)
    fw = as_framework(framework)
    rows = list(fw.bands.itertuples())
    parts = []
    for k, r in enumerate(rows):
        lo, hi = num(float(r.lower), lang), num(float(r.upper), lang)
        key = "gl_band_lowest" if k == 0 else "gl_band_top" if k == len(rows) - 1 else "gl_band_between"
        parts.append(t(key, lang, band=r.predicate, lo=lo, hi=hi))
    return "; ".join(parts)


def definition(key: str, lang: str, *, path: str | Path | None = None) -> str:
    """The definition of the glossary term ``key`` in ``lang`` as a page shows it: its
    ``{bands:<framework>}`` placeholders filled by :func:`band_ranges`.

    Examples
    --------
    >>> "Kurang (Merintis) untuk nilai di bawah 1,50" in definition("predikat", "id")
    True
    """
    lang = _lang(lang)
    g = load_glossary(path).set_index("key")
    if key not in g.index:
        raise DataError("key argument", "a key of the glossary", value=key)
    return BANDS.sub(lambda m: band_ranges(m.group(1), lang), str(g.loc[key, f"definition_{lang}"]))


def source_markdown(source: str) -> str:
    """The source cell of a glossary row: an address as a link that opens it, shown by its site and
    an arrow (the reader's text carries no file or code names), a document reference as its text.

    Examples
    --------
    >>> source_markdown("https://doi.org/10.1086/261816")
    '[doi.org \u2197](https://doi.org/10.1086/261816)'
    """
    if source_kind(source) == "url":
        return f"[{urlparse(source).netloc} \u2197]({source})"
    return _cell(source)


def glossary_markdown(text: str, lang: str, *, path: str | Path | None = None) -> str:
    """The glossary section of one page: the terms that occur in ``text`` (:func:`glossary_keys`),
    each with its definition (predicate ranges filled from the framework data: :func:`definition`)
    and where it comes from (its full address as a link, or the document named with its number and
    year: :func:`source_markdown`), in ``lang``.

    Parameters
    ----------
    text : str
        The page's text.
    lang : {"id", "en"}
        The page's language: the heading is "Daftar istilah" or "Glossary"; an English page names
        the Indonesian term beside the English one, an Indonesian page uses Indonesian only.
    path : str or Path, optional
        A glossary file of your own.

    Returns
    -------
    str
        A Markdown section (a level-2 heading and a table), or "" when no term occurs. The same
        text gives the same section, byte for byte.

    Raises
    ------
    DataError
        As :func:`glossary_keys`, and for a bad glossary file.

    Examples
    --------
    >>> md = glossary_markdown("Galat absolut rata-rata (MAE) uji balik 2021-2024.", "id")
    >>> md.splitlines()[0], md.count("\\n| **")
    ('## Daftar istilah', 2)
    >>> glossary_markdown("Tidak ada istilah di sini.", "id")
    ''
    """
    keys = glossary_keys(text, lang, path)
    if not keys:
        return ""
    g = load_glossary(path).set_index("key")
    heading, col_term, col_meaning, col_source = HEADINGS[lang]
    lines = [f"## {heading}", "", f"| {col_term} | {col_meaning} | {col_source} |", "|---|---|---|"]
    for k in keys:
        r = g.loc[k]
        term = f"**{_cell(r['term_' + lang])}**"
        if lang == "en" and _normal(r["term_en"]) != _normal(r["term_id"]):
            term += f" (*{_cell(r['term_id'])}*)"
        lines.append(f"| {term} | {_cell(definition(k, lang, path=path))} | {source_markdown(r['source'])} |")
    return "\n".join(lines) + "\n"


def page_text(nb: Any) -> str:
    """The text a reader sees on a page: its markdown cells and the markdown, HTML (tags removed)
    and plain-text outputs of its code cells.

    Parameters
    ----------
    nb : NotebookNode

    Returns
    -------
    str

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Indeks SPBE")])
    >>> page_text(nb)
    'Indeks SPBE'
    """
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
            continue
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "text/markdown" in data:
                parts.append(data["text/markdown"])
            elif "text/html" in data:
                parts.append(re.sub(r"<[^>]+>", " ", data["text/html"]))
            elif out.get("output_type") == "stream":
                parts.append(out.get("text", ""))
    return "\n".join(parts)


def with_glossary(nb: Any, lang: str) -> Any:
    """The notebook with the glossary of the terms its text uses (one glossary for every page,
    ``spbe_analysis/labels/glossary.csv``) as its last section; unchanged when it uses none.

    Parameters
    ----------
    nb : NotebookNode
        One language's page (after :func:`spbe_analysis.report.for_language`).
    lang : {"id", "en"}

    Returns
    -------
    NotebookNode

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Waktu paruh: 4 tahun.")])
    >>> with_glossary(nb, "id").cells[-1].source.splitlines()[0]
    '## Daftar istilah'
    """
    import nbformat

    section = glossary_markdown(page_text(nb), lang)
    if section:
        cell = nbformat.v4.new_markdown_cell(section)
        cell["id"] = "glossary"
        nb.cells.append(cell)
    return nb


__all__ = ["ALIASES", "BANDS", "DOCUMENT", "ENGLISH_MARKERS", "GLOSSARY", "HEADINGS", "MIXED_CASE", "REQUIRED",
           "band_ranges", "definition", "english_words", "glossary_keys", "glossary_markdown", "glued_words",
           "load_glossary", "page_text", "source_kind", "source_markdown", "with_glossary"]
