"""Real evaluation sheets: the templates and a strict loader.

A template (``data/templates/sheet_template_<framework>.csv`` and ``.xlsx``) is long: one row
per government and indicator, with columns

    bps_code, year, indicator, indicator_name, level

``indicator_name`` is there to help typing and is not read. SPBE sheets hold whole capability
levels 1-5; PEMDI sheets hold the indicator values as the assessor gives them (1.26, 2,5 ...),
to two decimals, or as an exact fraction such as ``7/6`` where the sub-criteria give one.

The loader accepts CSV with comma or semicolon separators and decimal points or decimal commas
(as Indonesian Excel exports them), and XLSX (name the worksheet when the workbook has several);
header names are case-insensitive and the Indonesian names ``kode_bps``, ``tahun``,
``indikator``, ``nama_indikator`` and ``tingkat``/``nilai`` work too. Any problem raises a
:class:`DataError` naming the file, worksheet, row, column, value and expectation: files that are
not text, tab-separated files, folders, workbooks with several worksheets and no name given,
formulas without stored values, governments that are not the province or one of its six
regencies, years outside the framework's evaluation years, and every bad cell.
"""
from __future__ import annotations

import csv
import io
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import checks
from .data import load_regencies
from .errors import DataError
from .frameworks import Framework, as_framework
from .scoring import score

COLUMNS = ["bps_code", "year", "indicator", "indicator_name", "level"]
ALIASES = {"kode_bps": "bps_code", "kode": "bps_code", "tahun": "year", "indikator": "indicator",
           "nama_indikator": "indicator_name", "tingkat": "level", "nilai": "level", "level_kapabilitas": "level",
           "penilaian_mandiri": "self_assessment", "nilai_mandiri": "self_assessment",
           "nilai_asesor": "assessor_value", "penilaian_asesor": "assessor_value",
           "sejak_tahun": "held_since", "dicapai_sejak": "held_since"}
#: Optional columns of a PEMDI sheet: the self-assessment, the assessor's value (planned from when
#: given) and the cycle since which the value's whole level has been held.
PEMDI_OPTIONAL = ["self_assessment", "assessor_value", "held_since"]
REQUIRED = ["bps_code", "year", "indicator", "level"]
def template(framework: Framework | str = "spbe2020", entities: tuple[str, ...] | None = None,
             year: int = 2024) -> pd.DataFrame:
    """The evaluation-sheet template as a DataFrame, its value columns empty.

    Parameters
    ----------
    framework : Framework or str
    entities : tuple of str, optional
        BPS codes; by default the six regencies of ``regencies.csv``.
    year : int
        The evaluation year written in every row.

    Returns
    -------
    DataFrame
        One row per entity and indicator: ``bps_code``, ``year``, ``indicator``,
        ``indicator_name`` and an empty ``level`` (SPBE); for PEMDI empty ``self_assessment``,
        ``assessor_value`` and ``held_since`` (keep only your own regency's rows if you like).

    Raises
    ------
    DataError
        For an empty entity list or a bad year.

    Examples
    --------
    >>> template("pemdi2026", year=2026).shape
    (120, 7)
    """
    fw = as_framework(framework)
    if entities is None:
        entities = tuple(load_regencies().index)
    entities = tuple(checks.collection(entities, "entities argument", allow_empty=False))
    year = checks.count(year, "year argument", minimum=1900)
    cols = COLUMNS if not fw.decimal_values else COLUMNS[:-1] + PEMDI_OPTIONAL
    rows = [{"bps_code": e, "year": year, "indicator": i, "indicator_name": fw.indicators.loc[i, "name_id"],
             **{c: "" for c in cols[4:]}} for e in entities for i in fw.ids]
    return pd.DataFrame(rows, columns=cols)


def write_template(path: str | Path, framework: Framework | str = "spbe2020", **kwargs: Any) -> Path:
    """Write the template to ``path`` (``.csv`` or ``.xlsx``), for a user to fill in.

    Parameters
    ----------
    path : str or Path
        A new file; an existing file is never overwritten.
    framework : Framework or str
    **kwargs
        Passed to :func:`template` (``entities``, ``year``).

    Returns
    -------
    Path

    Raises
    ------
    DataError
        When the file exists or its name does not end in .csv or .xlsx.

    Examples
    --------
    >>> import tempfile
    >>> write_template(Path(tempfile.mkdtemp()) / "sheet.csv").name
    'sheet.csv'
    """
    path = Path(path)
    if path.exists():
        raise DataError(str(path), "a new file name (an existing file is never overwritten)", value=str(path))
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise DataError(str(path), "a file name ending in .csv or .xlsx", value=path.suffix)
    df = template(framework, **kwargs)
    if path.suffix.lower() == ".csv":
        df.to_csv(path, index=False, lineterminator="\n")
    else:
        df.to_excel(path, index=False, sheet_name="levels")
    return path


# ----------------------------------------------------------------------------- reading
def _read_csv_text(path: Path) -> tuple[list[str], list[list[str]], int]:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096] or raw[:4] == b"PK\x03\x04":
        raise DataError(str(path), "a text file (CSV, UTF-8 or Latin-1); this looks like a binary file "
                        "(an Excel workbook? save it as .xlsx or export it as CSV)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise DataError(str(path), "a text file in UTF-8 or Latin-1 (Windows-1252) encoding",
                            value=f"byte {raw[exc.start]:#04x} at position {exc.start}") from None
    if not text.strip():
        raise DataError(str(path), "a header line naming the columns " + ", ".join(REQUIRED), row=1, value="empty file")
    first = text.splitlines()[0]
    if "\t" in first and first.count("\t") >= max(first.count(";"), first.count(",")):
        raise DataError(str(path), "columns separated by commas or semicolons; this file is tab-separated "
                        "(save it from Excel as 'CSV' or as .xlsx)", row=1)
    delim = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delim))
    return rows[0], rows[1:], 2  # data starts on line 2


def _read_xlsx(path: Path, worksheet: str | None) -> tuple[list[str], list[list[object]], int, str]:
    import openpyxl
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a broken file
        raise DataError(str(path), f"a readable .xlsx workbook ({type(exc).__name__})") from None
    names = list(wb.sheetnames)
    if worksheet is None and len(names) > 1:
        wb.close()
        raise DataError(str(path), "the name of the worksheet to read: this workbook has several ("
                        + ", ".join(repr(n) for n in names) + "); give it with worksheet=... or --worksheet")
    name = worksheet if worksheet is not None else names[0]
    if name not in names:
        wb.close()
        raise DataError(str(path), f"a worksheet named {name!r} (worksheets: {', '.join(repr(n) for n in names)})",
                        worksheet=name)
    rows = [list(r) for r in wb[name].iter_rows(values_only=True)]
    wb.close()
    while rows and all(v is None or str(v).strip() == "" for v in rows[-1]):
        rows.pop()
    if not rows:
        raise DataError(str(path), "a header row naming the columns " + ", ".join(REQUIRED), worksheet=name, row=1)
    header = ["" if v is None else str(v) for v in rows[0]]
    return header, rows[1:], 2, name


def _formula_cells(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    """Cells holding a formula, {(row, column): formula} (rows and columns 1-based)."""
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    out = {}
    for r, row in enumerate(wb[sheet].iter_rows(values_only=True), start=1):
        for c, v in enumerate(row, start=1):
            if isinstance(v, str) and v.startswith("="):
                out[(r, c)] = v
    wb.close()
    return out


def _cell_text(v: object) -> str:
    """A cell as text; whole numbers that Excel stores as floats (7501.0) read as '7501'."""
    if isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer():
        return str(int(v))
    return "" if v is None else str(v).strip()


def _parse_value(v: object, fw: Framework) -> Fraction:
    """A level cell as an exact number: 3, 3.0, '3', '3,0', '1,26', and for PEMDI '7/6'."""
    if isinstance(v, (bool, np.bool_)):
        raise ValueError
    if isinstance(v, (int, float, np.integer, np.floating)):
        return checks.exact_number(v, "cell")
    s = str(v).strip()
    if fw.decimal_values and re.fullmatch(r"\d+/\d+", s) and int(s.split("/")[1]) != 0:
        return Fraction(s)
    if not re.fullmatch(r"-?\d+([.,]\d+)?", s):
        raise ValueError
    return Fraction(s.replace(",", "."))


def known_entities() -> dict[str, str]:
    """BPS codes a sheet may hold: the province and its six regencies.

    Parameters
    ----------
    None

    Returns
    -------
    dict
        ``{code: kind}`` with kind ``provinsi``, ``kabupaten`` or ``kota``.

    Examples
    --------
    >>> known_entities()["7571"]
    'kota'
    """
    reg = load_regencies(include_province=True)
    return dict(zip(reg.index, reg["kind"]))


def _checked_value(raw: Any, fw: Framework, kind: str, src: str, col: str, where: dict) -> Fraction:
    """One value cell of a sheet, exact, on the framework's scale."""
    try:
        lv = _parse_value(raw, fw)
    except (ValueError, DataError):
        extra = " or an exact fraction such as 7/6" if fw.decimal_values else ""
        raise DataError(src, f"a number: {kind} {fw.level_min}-{fw.level_max}{extra}", column=col,
                        value=raw, **where) from None
    if not fw.level_min <= lv <= fw.level_max:
        raise DataError(src, f"{kind} between {fw.level_min} and {fw.level_max}", column=col, value=raw, **where)
    if fw.level_step == 1 and lv.denominator != 1:
        raise DataError(src, f"a whole level {fw.level_min}-{fw.level_max}", column=col, value=raw, **where)
    if fw.decimal_values and isinstance(raw, (str, float)) and "/" not in str(raw) and \
            (lv / fw.level_step).denominator != 1:
        raise DataError(src, f"a value with at most {fw.value_decimals} decimals (or an exact fraction such as "
                        "7/6)", column=col, value=raw, **where)
    return lv


def load_sheet(path: str | Path, framework: Framework | str = "spbe2020", worksheet: str | None = None) -> pd.DataFrame:
    """Read and validate a filled-in evaluation sheet.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` or ``.xlsx`` file.
    framework : Framework or str
        ``"spbe2020"`` (whole levels 1-5) or ``"pemdi2026"`` (values 1.00-5.00).
    worksheet : str, optional
        The worksheet of an .xlsx workbook (required when it has several).

    Returns
    -------
    DataFrame
        ``bps_code`` (text), ``year`` (int), ``indicator`` (text id) and ``level`` (int for SPBE;
        exact Fraction for PEMDI), one row per government, year and indicator; every
        government-year has every indicator exactly once.

    Raises
    ------
    DataError
        Naming the file, worksheet, row, column, value and expectation.

    Examples
    --------
    >>> import tempfile
    >>> t = template()
    >>> t["level"] = 3
    >>> p = Path(tempfile.mkdtemp()) / "sheet.csv"
    >>> t.to_csv(p, index=False)
    >>> load_sheet(p).groupby("bps_code")["level"].sum().iloc[0]
    np.int64(141)
    """
    fw = as_framework(framework)
    if worksheet is not None:
        checks.text(worksheet, "worksheet argument")
    if not isinstance(path, (str, Path)):
        raise DataError("path argument", "a file path (text)", value=type(path).__name__)
    path = Path(path)
    if path.is_dir():
        raise DataError(str(path), "a .csv or .xlsx file, not a folder")
    if not path.exists():
        raise DataError(str(path), "an existing .csv or .xlsx file")
    ws = None
    if path.suffix.lower() == ".csv":
        if worksheet is not None:
            raise DataError(str(path), "no worksheet name for a .csv file (worksheets exist only in .xlsx)", worksheet=worksheet)
        header, rows, first_line = _read_csv_text(path)
    elif path.suffix.lower() in (".xlsx", ".xlsm"):
        header, rows, first_line, ws = _read_xlsx(path, worksheet)
    else:
        raise DataError(str(path), "a .csv or .xlsx file", value=path.suffix)
    src = str(path)
    names = [ALIASES.get(h.strip().lower(), h.strip().lower()) for h in header]
    two = fw.decimal_values and ("self_assessment" in names or "assessor_value" in names)
    required = [c for c in REQUIRED if not (two and c == "level")]
    for col in required:
        if col not in names:
            raise DataError(src, f"a column {col!r} (header: {', '.join(header)})", worksheet=ws, row=1, column=col)
    dup = [c for c in set(names) if c and names.count(c) > 1]
    if dup:
        raise DataError(src, "each column once", worksheet=ws, row=1, column=dup[0])
    pos = {c: names.index(c) for c in REQUIRED + PEMDI_OPTIONAL if c in names}
    value_cols = [c for c in ("level", "assessor_value", "self_assessment") if c in pos] if two else ["level"]
    formulas: dict | None = None
    entities = known_entities()
    kind = "a whole capability level" if fw.level_step == 1 else "an indicator value"
    records = []
    row_of: dict[tuple, int] = {}
    for k, cells in enumerate(rows):
        line = first_line + k
        cells = list(cells) + [None] * (len(names) - len(cells))
        if all(c is None or str(c).strip() == "" for c in cells):
            continue  # blank line
        where = {"worksheet": ws, "row": line}
        if ws is not None and any(cells[pos[c]] is None for c in pos):
            formulas = _formula_cells(path, ws) if formulas is None else formulas
            for c in pos:
                f = formulas.get((line, pos[c] + 1))
                if cells[pos[c]] is None and f is not None:
                    raise DataError(src, "a stored value: this cell holds a formula whose result was never saved "
                                    "(open and save the workbook in Excel or LibreOffice)", column=c, value=f, **where)
        code_s = _cell_text(cells[pos["bps_code"]])
        if code_s not in entities:
            raise DataError(src, "the BPS code of Gorontalo Province (" + ", ".join(
                c for c, k in entities.items() if k == "provinsi") + ") or one of its six regencies ("
                            + ", ".join(c for c, k in entities.items() if k != "provinsi") + ")", column="bps_code",
                            value=cells[pos["bps_code"]], **where)
        yr = cells[pos["year"]]
        yr_s = _cell_text(yr)
        if not re.fullmatch(r"\d{4}", yr_s) or not fw.covers_year(int(yr_s)):
            raise DataError(src, f"an evaluation year of {fw.name} ({fw.years_text})", column="year", value=yr,
                            **where)
        ind = cells[pos["indicator"]]
        ind_s = _cell_text(ind)
        if ind_s not in fw.indicators.index:
            raise DataError(src, f"an indicator id of {fw.name} ({fw.ids[0]}..{fw.ids[-1]})", column="indicator",
                            value=ind, **where)
        vals = {}
        for col in value_cols:
            raw = cells[pos[col]]
            if raw is None or str(raw).strip() == "":
                if not two:
                    raise DataError(src, f"{kind} {fw.level_min}-{fw.level_max} (the cell is empty)", column=col,
                                    **where)
                continue
            vals[col] = _checked_value(raw, fw, kind, src, col, where)
        if two and not vals:
            raise DataError(src, "a self-assessment or an assessor's value (both cells are empty)",
                            column=value_cols[0], **where)
        since = None
        if "held_since" in pos and str(cells[pos["held_since"]] or "").strip():
            hs = _cell_text(cells[pos["held_since"]])
            if not re.fullmatch(r"\d{4}", hs) or int(hs) > int(yr_s):
                raise DataError(src, f"the year (at or before {yr_s}) since which the value's whole level has been "
                                "held, or empty", column="held_since", value=cells[pos["held_since"]], **where)
            since = int(hs)
        key = (code_s, int(yr_s), ind_s)
        if key in row_of:
            raise DataError(src, f"each government, year and indicator once (also on row {row_of[key]})",
                            column="indicator", value=ind, **where)
        row_of[key] = line
        if two:
            assessor = vals.get("assessor_value", vals.get("level"))
            records.append({"bps_code": code_s, "year": int(yr_s), "indicator": ind_s,
                            "level": assessor if assessor is not None else vals["self_assessment"],
                            "self_assessment": vals.get("self_assessment"), "assessor_value": assessor,
                            "held_since": since})
        else:
            lv = vals["level"]
            rec = {"bps_code": code_s, "year": int(yr_s), "indicator": ind_s, "level": int(lv) if fw.level_step == 1 else lv}
            if "held_since" in pos and fw.decimal_values:
                rec["held_since"] = since
            records.append(rec)
    if not records:
        raise DataError(src, "at least one filled-in row", worksheet=ws)
    df = pd.DataFrame(records)
    for (code, yr), grp in df.groupby(["bps_code", "year"], sort=False):
        missing = [i for i in fw.ids if i not in set(grp["indicator"])]
        if missing:
            raise DataError(src, f"all {fw.n} indicators of {fw.name} for government {code} in {yr} "
                            f"(missing {len(missing)}: {', '.join(missing[:6])}{'...' if len(missing) > 6 else ''})",
                            worksheet=ws, row=f"government {code}, year {yr}", column="indicator")
    df["year"] = df["year"].astype("int64")
    if fw.level_step == 1:
        df["level"] = df["level"].astype("int64")
    return df


def sheet_wide(sheet: pd.DataFrame, year: int | None = None) -> pd.DataFrame:
    """Values of one year as a wide table (government x indicator).

    Parameters
    ----------
    sheet : DataFrame
        A loaded sheet (:func:`load_sheet`).
    year : int, optional
        Required when the sheet holds several years.

    Returns
    -------
    DataFrame
        Indexed by BPS code, one column per indicator, ready for ``score_table`` (SPBE) or
        :func:`sheet_scores`.

    Raises
    ------
    DataError
        When the sheet lacks a column or holds several years and ``year`` is not given.

    Examples
    --------
    >>> t = template()
    >>> t["level"] = 2
    >>> sheet_wide(t.drop(columns="indicator_name")).shape
    (6, 47)
    """
    checks.frame(sheet, "sheet argument", columns=("bps_code", "year", "indicator", "level"))
    if year is not None:
        checks.count(year, "year argument", minimum=1900)
    d = sheet if year is None else sheet[sheet["year"] == year]
    if d["year"].nunique() != 1:
        raise DataError("sheet argument", "exactly one year (pass year=...)", value=sorted(d["year"].unique()))
    return d.pivot(index="bps_code", columns="indicator", values="level")


def sheet_scores(sheet: pd.DataFrame, framework: Framework | str) -> pd.DataFrame:
    """Exact official scores of every government-year of a loaded sheet.

    Parameters
    ----------
    sheet : DataFrame
        A loaded sheet (:func:`load_sheet`).
    framework : Framework or str

    Returns
    -------
    DataFrame
        One row per (bps_code, year): ``index`` (official), ``predicate`` and the official value of
        each domain (``domain_<d>``) or aspect (``aspect_<a>``).

    Raises
    ------
    DataError
        When the sheet lacks a column or a value is off the scale.

    Examples
    --------
    >>> t = template()
    >>> t["level"] = 3
    >>> r = sheet_scores(t, "spbe2020").iloc[0]
    >>> float(r["index"]), r["predicate"]
    (3.0, 'Baik')
    """
    fw = as_framework(framework)
    checks.frame(sheet, "sheet argument", columns=("bps_code", "year", "indicator", "level"))
    rows = []
    for (code, yr), grp in sheet.groupby(["bps_code", "year"], sort=True):
        s = score(dict(zip(grp["indicator"], grp["level"])), fw)
        r = {"bps_code": code, "year": int(yr), "index": s.index, "predicate": s.predicate}
        groups = s.domains if fw.has_domains else s.aspects
        prefix = "domain" if fw.has_domains else "aspect"
        r.update({f"{prefix}_{g}": v for g, v in groups.items()})
        rows.append(r)
    return pd.DataFrame(rows)
