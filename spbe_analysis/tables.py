"""Tables for reading: names instead of codes, units in the headers, two decimals (decimal comma
in Bahasa Indonesia), percent signs; and their HTML, with fixed markup so that a rebuilt page is
byte-identical (no pandas Styler and its random ids)."""
from __future__ import annotations

import html
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from . import checks
from .labels import num, pct, t


def formatted(df: pd.DataFrame, lang: str, formats: Mapping[str, str] | None = None) -> pd.DataFrame:
    """A copy of ``df`` with every cell as display text.

    ``formats`` maps a column to ``"2"`` (two decimals), ``"0"``, ``"3"``, ``"pct"`` (share 0-1 as
    a percentage), ``"pct1"``, ``"int"``, ``"year"`` (no digit grouping), ``"signed"`` (two
    decimals with a sign) or ``"text"``;
    float columns default to two decimals, integers to whole numbers. Missing values read "-".
    """
    lang = checks.lang(lang)
    formats = dict(formats or {})
    out = pd.DataFrame(index=df.index)
    for c in df.columns:
        kind = formats.get(c)
        col = df[c]
        if kind is None:
            if pd.api.types.is_bool_dtype(col):
                kind = "bool"
            elif pd.api.types.is_integer_dtype(col):
                kind = "int"
            elif pd.api.types.is_float_dtype(col):
                kind = "2"
            else:
                kind = "text"
        out[c] = [_cell(v, kind, lang) for v in col]
    return out


def _cell(v: Any, kind: str, lang: str) -> str:
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return "-"
    if kind == "text":
        return str(v)
    if kind == "bool":
        return t("yes" if bool(v) else "no", lang)
    if kind == "int":
        return num(int(v), lang, 0)
    if kind == "year":
        return str(int(v))
    if kind in ("0", "1", "2", "3", "4"):
        return num(float(v), lang, int(kind))
    if kind == "signed":
        return ("+" if float(v) > 0 else "") + num(float(v), lang, 2)
    if kind == "pct":
        return pct(float(v), lang, 0)
    if kind == "pct1":
        return pct(float(v), lang, 1)
    raise ValueError(f"unknown format {kind!r}")


def to_html(df: pd.DataFrame, caption: str = "", index: bool = False, numeric: Iterable[str] = ()) -> str:
    """Plain, deterministic HTML of an already formatted table (see :func:`formatted`)."""
    numeric = set(numeric)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in ([df.index.name or ""] if index else []) + list(df.columns))
    rows = []
    for k, r in df.iterrows():
        cells = [f"<td>{html.escape(str(k))}</td>"] if index else []
        for c in df.columns:
            cls = ' class="num"' if c in numeric else ""
            cells.append(f"<td{cls}>{html.escape(str(r[c]))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (f'<table class="spbe-table">{cap}<thead><tr>{head}</tr></thead><tbody>' + "".join(rows)
            + "</tbody></table>")


class Table:
    """A formatted table that notebooks display as deterministic HTML (and as text elsewhere)."""

    def __init__(self, df: pd.DataFrame, caption: str = "", index: bool = False, numeric: Iterable[str] = ()):
        self.df, self.caption, self.index, self.numeric = df, caption, index, list(numeric)

    def _repr_html_(self) -> str:
        return to_html(self.df, self.caption, self.index, self.numeric)

    def __repr__(self) -> str:
        return (self.caption + "\n" if self.caption else "") + self.df.to_string(index=self.index)


def _label(spec: Any, lang: str) -> str:
    """A column label: a label key, a (key, {field: value}) pair, or a year (digits, shown as is)."""
    if isinstance(spec, tuple):
        return t(spec[0], lang, **spec[1])
    if isinstance(spec, str) and spec.isdigit():
        return spec
    return t(spec, lang)


def table(df: pd.DataFrame, lang: str, columns: Mapping[str, Any], formats: Mapping[str, str] | None = None,
          caption: str = "") -> Table:
    """Select and rename ``columns`` ({internal column: label key, (key, fields) or a year}), format
    the cells for ``lang`` and return a :class:`Table`. Labels come from :mod:`spbe_analysis.labels`."""
    lang = checks.lang(lang)
    sub = df[list(columns)]
    shown = formatted(sub, lang, formats)
    shown.columns = [_label(columns[c], lang) for c in columns]
    numeric = [_label(columns[c], lang) for c in columns
               if (formats or {}).get(c, "") != "text" and pd.api.types.is_numeric_dtype(sub[c])
               and not pd.api.types.is_bool_dtype(sub[c])]
    return Table(shown, caption, index=False, numeric=numeric)


def sheet_score_table(path: str, framework: str = "spbe2020", worksheet: str | None = None,
                      lang: str = "id") -> pd.DataFrame:
    """Index, domains (or aspects), predicate and gaps (to the next band, the province and the
    nation in the same year, where published) of every regency-year of an evaluation sheet,
    as display text."""
    from .context import entity_codes
    from .data import entity_names, load_published
    from .disparity import next_band
    from .official import as_framework, to_hundredths
    from .sheets import load_sheet, sheet_scores

    fw = as_framework(framework)
    lang = checks.lang(lang)
    sc = sheet_scores(load_sheet(path, fw, sheet=worksheet), fw)
    pub = load_published()
    _, prov, nat = entity_codes(pub)
    names = entity_names(lang)
    rows = []
    for r in sc.itertuples(index=False):
        d = r._asdict()
        nb_name, edge = next_band(d["index"], fw)
        row = {t("col_entity", lang): names.get(d["bps_code"], d["bps_code"]), t("col_year", lang): str(d["year"]),
               t("col_index", lang): num(d["index"], lang), t("col_predicate", lang): d["predicate"]}
        for k, v in d.items():
            if k.startswith(("domain_", "aspect_")):
                row[t("col_" + k.split("_")[0], lang) + " " + k.split("_")[1]] = num(v, lang)
        h = to_hundredths(d["index"])
        row[t("col_gap_next", lang)] = "-" if edge is None else num((to_hundredths(edge) - h) / 100, lang)
        for code, key in ((prov, "col_gap_province"), (nat, "col_gap_national")):
            ref = pub[(pub["entity_id"] == code) & (pub["year"] == d["year"]) & (pub["status"] == "exact")]
            row[t(key, lang)] = "-" if ref.empty else num((to_hundredths(float(ref["value"].iloc[0])) - h) / 100, lang)
        rows.append(row)
    return pd.DataFrame(rows)


def finite(x: Any) -> bool:
    """True for a finite number (not None, NaN or NA)."""
    try:
        return x is not None and not pd.isna(x) and bool(np.isfinite(float(x)))
    except (TypeError, ValueError):
        return False


def bullets(items: Iterable[str]) -> Any:
    """Findings as a Markdown bullet list (for ``display`` in a notebook)."""
    from IPython.display import Markdown

    return Markdown("\n".join(f"- {s}" for s in items if s))


def note(text: str) -> Any:
    """A visible note (a boxed paragraph) in a notebook or HTML page; ``text`` may hold *Markdown*
    emphasis, which is rendered as such."""
    from IPython.display import HTML
    import re

    body = html.escape(text)
    body = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", body)
    body = re.sub(r"\*(.+?)\*", r"<em>\1</em>", body)
    return HTML(f'<div class="spbe-note">{body}</div>')
