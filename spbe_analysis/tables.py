"""Tables for reading: names instead of codes, units in the headers, two decimals (decimal comma
in Bahasa Indonesia), percent signs; and their HTML, with fixed markup so that a rebuilt page is
byte-identical (no pandas Styler and its random ids)."""
from __future__ import annotations

import html
import re
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from . import checks
from .labels import entity_names, num, pct, t
from .panel import published_sources


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


def sheet_score_table(scores: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The scores and gaps of a sheet (:func:`spbe_analysis.sheetscore.score_sheet`) as display
    text: names instead of codes, labelled headers, two decimals, "-" where there is no gap; the
    differences from the province and the nation signed as on page 02 (negative = below)."""
    lang = checks.lang(lang)
    names = entity_names(lang)

    def gap(v: Any) -> str:
        return num(v, lang) if finite(v) else "-"

    rows = []
    for r in scores.itertuples(index=False):
        d = r._asdict()
        row = {t("col_entity", lang): names.get(d["bps_code"], d["bps_code"]), t("col_year", lang): str(d["year"]),
               t("col_index", lang): num(d["index"], lang), t("col_predicate", lang): d["predicate"]}
        for k, v in d.items():
            if k.startswith(("domain_", "aspect_")):
                row[t("col_" + k.split("_")[0], lang) + " " + k.split("_")[1]] = num(v, lang)
        # as page 02 shows them: the rise still needed, then the regency minus the reference (negative = below)
        row[t("snap_col_to_next", lang)] = gap(d["gap_next"])
        for k in ("province", "national"):
            row[t("snap_col_vs_" + k, lang)] = gap(-d["gap_" + k]) if finite(d["gap_" + k]) else "-"
        rows.append(row)
    return pd.DataFrame(rows)


def status_table(published: pd.DataFrame, entities: Iterable[str], years: Iterable[int], lang: str = "id") -> pd.DataFrame:
    """What is known, entity x year, as display text.

    The value (decimal comma in Bahasa Indonesia), ``< bound`` when censored, ``-`` when missing.

    Examples
    --------
    >>> from spbe_analysis import load_published
    >>> pub = load_published()
    >>> status_table(pub, ["7501"], [2022, 2024], "id").iloc[0].tolist()
    ['< 2,03', '2,40']
    """
    lang = checks.lang(lang)
    ents = checks.collection(entities, "entities argument", allow_empty=False)
    ys = checks.collection(years, "years argument", allow_empty=False)
    out = pd.DataFrame(index=pd.Index(ents, name="entity_id"), columns=[str(y) for y in ys], dtype=object)
    for e in ents:
        for y in ys:
            r = published[(published["entity_id"] == e) & (published["year"] == y)]
            if r.empty or r["status"].iloc[0] == "missing":
                out.loc[e, str(y)] = "-"
            elif r["status"].iloc[0] == "below":
                out.loc[e, str(y)] = "< " + num(float(r["bound"].iloc[0]), lang)
            else:
                out.loc[e, str(y)] = num(float(r["value"].iloc[0]), lang)
    return out


def official_short(ref: str) -> str:
    """A short citation of an official decision for a footer: ``"Keputusan Menteri PANRB Nomor 663
    Tahun 2024 tentang ..."`` reads ``"KepmenPANRB 663/2024"``; any other text is kept as it is.

    Examples
    --------
    >>> official_short("Keputusan Menteri PANRB Nomor 13 Tahun 2024 tentang Hasil Evaluasi SPBE")
    'KepmenPANRB 13/2024'
    """
    m = re.match(r"\s*Keputusan Menteri PANRB Nomor\s+(\S+)\s+Tahun\s+(\d{4})", str(ref))
    return f"KepmenPANRB {m.group(1)}/{m.group(2)}" if m else str(ref).strip()


def official_refs(rows: pd.DataFrame) -> list[str]:
    """The official decisions behind some rows of ``published`` (column ``official_ref``), short
    and in order of first appearance; none when the rows carry no such column."""
    if "official_ref" not in rows.columns:
        return []
    out: list[str] = []
    for ref in rows["official_ref"]:
        if isinstance(ref, str) and ref.strip() and official_short(ref) not in out:
            out.append(official_short(ref))
    return out


def footer_note(rows: pd.DataFrame, what: str = "", lang: str = "id") -> str:
    """The source line of a figure footer for some rows of ``published``: the official decisions
    that set the values (``official_ref``) first where there are, then the sites (with dates where
    known) through which they were read (:func:`spbe_analysis.panel.published_sources`) and how many
    values are unverified.

    Examples
    --------
    >>> from spbe_analysis import load_published
    >>> pub = load_published()
    >>> footer_note(pub[(pub["year"] == 2024) & (pub["entity_id"] == "7501")], "SPBE 2024")
    'SPBE 2024: KepmenPANRB 663/2024; melalui politikal.co.id (2025-07)'
    >>> footer_note(pub[(pub["year"] == 2022) & (pub["entity_id"] == "7502")], "SPBE 2022", "en")
    'SPBE 2022: hargo.co.id'
    """
    src = published_sources(rows)
    refs = official_refs(rows)
    sites = "; ".join(src.sites)
    if refs:
        text = ", ".join(refs) + (f"; {t('via', lang)} {sites}" if sites else "")
    else:
        text = sites or t("no_source", lang)
    if src.unverified:
        text += "; " + t("n_unverified", lang, k=src.unverified)
    return f"{what}: {text}" if what else text


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


# ----------------------------------------------------------------------------- compact tables for a screen
#: Source statuses of a framework (``data/frameworks.csv``, ``status``) in words: (pattern, label key).
FRAMEWORK_STATUS = ((r"^VERIFIED structure; weights REPRODUCED on recorded (?P<years>\d{4}-\d{4}) indices",
                     "fw_status_verified_years"),
                    (r"^VERIFIED structure; weights REPRODUCED", "fw_status_verified_official"),
                    (r"^SECONDARY", "fw_status_secondary"))


def framework_status(status: str, lang: str = "id") -> str:
    """A framework's source status in words in ``lang`` (the data record it in English capitals).

    Examples
    --------
    >>> framework_status("SECONDARY: three agreeing secondary sources", "id")
    'sumber sekunder (tiga ringkasan yang saling sesuai; teks peraturannya belum kami baca sendiri)'
    """
    for pattern, key in FRAMEWORK_STATUS:
        m = re.match(pattern, str(status))
        if m:
            return t(key, lang, **m.groupdict())
    return t("fw_status_other", lang)


def framework_frame(names: Iterable[str] = ("spbe2018", "spbe2020", "pemdi2026"), lang: str = "id") -> pd.DataFrame:
    """The frameworks side by side as display text: title, years, indicators, domains ("-" where
    there are none), aspects (and both as "4 / 8"), value scale, the lower edge of each band above
    the lowest (decimal comma in Bahasa Indonesia) and the source status in words."""
    from .frameworks import load_framework

    lang = checks.lang(lang)
    rows = []
    for name in names:
        f = load_framework(name)
        years = (f"{f.first_year}-{f.last_year}" if f.last_year else t("fw_years_from", lang, y=f.first_year))
        values = (f"{f.level_min}-{f.level_max}" if f.level_step == 1
                  else t("fw_values_decimal", lang, lo=f.level_min, hi=f.level_max, d=f.value_decimals))
        status = f.source.split("status: ")[-1]
        domains = num(len(f.groups("domain")), lang, 0) if f.has_domains else "-"
        aspects = num(len(f.groups("aspect")), lang, 0)
        rows.append({"framework": f.title, "years": years, "indicators": num(f.n, lang, 0), "domains": domains,
                     "aspects": aspects, "domains_aspects": f"{domains} / {aspects}", "values": values,
                     "bands": "; ".join(f"{k.split(' (')[0]} {num(v, lang)}" for k, v in f.band_edges().items()),
                     "status": framework_status(status, lang)})
    return pd.DataFrame(rows)


def predicate_notes(check: pd.DataFrame, lang: str = "id") -> pd.Series:
    """Why each printed predicate of ``panel.recompute_predicates`` disagrees with the bands, in
    ``lang``: a name that is not a band of the instrument, or a band the value is not in (the printed
    predicate is kept as published)."""
    from .frameworks import as_framework

    out = []
    for r in check.itertuples():
        fw = as_framework(r.instrument)
        names = {n for b in fw.bands.itertuples() for n in (b.predicate, b.predicate.split(" (")[0])}
        band = fw.band(r.predicate_recomputed)
        v = num(float(r.value_text), lang)
        if r.predicate_printed not in names:
            out.append(t("pc_not_a_band", lang, printed=r.predicate_printed, fw=t("fw_short_" + fw.name, lang), v=v,
                         band=r.predicate_recomputed))
        else:
            out.append(t("pc_other_band", lang, printed=r.predicate_printed, v=v, band=r.predicate_recomputed,
                         lo=num(float(band["lower"]), lang), hi=num(float(band["upper"]), lang)))
    return pd.Series(out, index=check.index, dtype=object)


def bounds_frame(sig: pd.DataFrame, lang: str = "id", decimals: int = 3, percent: Iterable[str] = ("cv",)) -> pd.DataFrame:
    """``disparity.sigma_convergence`` as one row per year and one column per measure: the value,
    or "lower-upper" where censored values leave a range, and the regencies censored that year.
    Measures in ``percent`` (the coefficient of variation) read as percentages with one decimal,
    as the findings and charts write them. Columns: ``year``, the measures in their order,
    ``censored`` (names)."""
    percent = set(percent)
    names = entity_names(lang)
    order = list(dict.fromkeys(sig["measure"]))
    rows = []
    for y, g in sig.groupby("year", sort=True):
        row: dict[str, Any] = {"year": str(int(y))}
        for r in g.itertuples():
            fmt = (lambda x: pct(x, lang, 1)) if r.measure in percent else (lambda x: num(x, lang, decimals))
            lo, hi = fmt(float(r.low)), fmt(float(r.high))
            row[r.measure] = lo if lo == hi else f"{lo}-{hi}"
        cens = [c for c in str(g["censored"].iloc[0]).split(",") if c]
        row["censored"] = ", ".join(names.get(c, c) for c in cens) or "-"
        rows.append(row)
    return pd.DataFrame(rows, columns=["year", *order, "censored"])


def lead_frame(lead: pd.DataFrame, codes: Iterable[str], lang: str = "id") -> pd.DataFrame:
    """``decomposition.lead_table`` as one row per regency and one column per target: the domain that
    holds most of the gap and the share of profiles in which it does ("Manajemen SPBE (70%)"), or
    that the target is already passed. Columns: ``name`` and the targets in their order."""
    names = entity_names(lang)
    targets = list(dict.fromkeys(lead["target"]))
    rows = []
    for c in codes:
        g = lead[lead["entity"] == c].set_index("target")
        row = {"name": names.get(c, c)}
        for tg in targets:
            r = g.loc[tg]
            row[tg] = t("lead_passed", lang) if float(r["gap_median"]) <= 0 else \
                f"{r['group_name']} ({pct(float(r['largest_share']), lang)})"
        rows.append(row)
    return pd.DataFrame(rows, columns=["name", *targets])
