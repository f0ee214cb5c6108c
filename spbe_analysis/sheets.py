"""Real evaluation sheets: the template and a strict loader.

The template (``data/templates/sheet_template_<framework>.csv`` and ``.xlsx``) is long: one row
per government and indicator, with columns

    bps_code, year, indicator, indicator_name, level

``indicator_name`` is there to help typing and is not read. The loader accepts CSV with comma
or semicolon separators and decimal points or decimal commas (as Indonesian Excel exports
them), and XLSX; header names are case-insensitive and the Indonesian names ``kode_bps``,
``tahun``, ``indikator``, ``nama_indikator`` and ``tingkat``/``nilai`` work too. Any problem
raises a :class:`DataError` naming the file, sheet, row, column, value and expectation.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import DataError
from .frameworks import Framework, load_framework

COLUMNS = ["bps_code", "year", "indicator", "indicator_name", "level"]
ALIASES = {"kode_bps": "bps_code", "kode": "bps_code", "tahun": "year", "indikator": "indicator",
           "nama_indikator": "indicator_name", "tingkat": "level", "nilai": "level", "level_kapabilitas": "level"}
REQUIRED = ["bps_code", "year", "indicator", "level"]


def template(framework: Framework | str = "spbe2020", entities: tuple[str, ...] = ("7501", "7502", "7503", "7504",
                                                                                    "7505", "7571"),
             year: int = 2024) -> pd.DataFrame:
    """The template as a DataFrame: every entity x indicator, ``level`` empty."""
    fw = load_framework(framework) if isinstance(framework, str) else framework
    rows = [{"bps_code": e, "year": year, "indicator": i, "indicator_name": fw.indicators.loc[i, "name_id"],
             "level": ""} for e in entities for i in fw.ids]
    return pd.DataFrame(rows, columns=COLUMNS)


def write_template(path: str | Path, framework: Framework | str = "spbe2020", **kwargs) -> Path:
    """Write the template to ``path`` (``.csv`` or ``.xlsx``), for a user to fill in.
    Refuses to overwrite an existing file."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} exists; not overwritten")
    df = template(framework, **kwargs)
    if path.suffix.lower() == ".csv":
        df.to_csv(path, index=False, lineterminator="\n")
    elif path.suffix.lower() == ".xlsx":
        df.to_excel(path, index=False, sheet_name="levels")
    else:
        raise DataError(str(path), "a file name ending in .csv or .xlsx", value=path.suffix)
    return path


def _read_csv_text(path: Path) -> tuple[list[str], list[list[str]], int]:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    first = text.splitlines()[0] if text.strip() else ""
    delim = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delim))
    if not rows:
        raise DataError(str(path), "a header line naming the columns " + ", ".join(REQUIRED), row=1)
    return rows[0], rows[1:], 2  # data starts on line 2


def _read_xlsx(path: Path, sheet: str | None) -> tuple[list[str], list[list[object]], int, str]:
    import openpyxl
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a broken file
        raise DataError(str(path), f"a readable .xlsx workbook ({type(exc).__name__})") from None
    name = sheet or wb.sheetnames[0]
    if name not in wb.sheetnames:
        raise DataError(str(path), f"a sheet named {name!r} (sheets: {', '.join(wb.sheetnames)})", sheet=name)
    rows = [list(r) for r in wb[name].iter_rows(values_only=True)]
    wb.close()
    while rows and all(v is None or str(v).strip() == "" for v in rows[-1]):
        rows.pop()
    if not rows:
        raise DataError(str(path), "a header row naming the columns " + ", ".join(REQUIRED), sheet=name, row=1)
    header = ["" if v is None else str(v) for v in rows[0]]
    return header, rows[1:], 2, name


def _cell_text(v: object) -> str:
    """A cell as text; whole numbers that Excel stores as floats (7501.0) read as '7501'."""
    if isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer():
        return str(int(v))
    return "" if v is None else str(v).strip()


def _parse_level(v: object, fw: Framework) -> float:
    """A level cell as a number: accepts 3, 3.0, '3', '3,0', '3.0'; rejects everything else."""
    if isinstance(v, bool):
        raise ValueError
    if isinstance(v, (int, np.integer)):
        return float(v)
    if isinstance(v, float):
        if np.isnan(v):
            raise ValueError
        return v
    s = str(v).strip()
    if not re.fullmatch(r"-?\d+([.,]\d+)?", s):
        raise ValueError
    return float(s.replace(",", "."))


def load_sheet(path: str | Path, framework: Framework | str = "spbe2020", sheet: str | None = None) -> pd.DataFrame:
    """Read and validate a filled-in sheet. Returns a tidy DataFrame with ``bps_code`` (text),
    ``year`` (int), ``indicator`` (text id) and ``level`` (int), one row per government,
    year and indicator; every government-year has every indicator exactly once."""
    fw = load_framework(framework) if isinstance(framework, str) else framework
    path = Path(path)
    if not path.exists():
        raise DataError(str(path), "an existing .csv or .xlsx file")
    sheet_name = None
    if path.suffix.lower() == ".csv":
        header, rows, first_line = _read_csv_text(path)
    elif path.suffix.lower() in (".xlsx", ".xlsm"):
        header, rows, first_line, sheet_name = _read_xlsx(path, sheet)
    else:
        raise DataError(str(path), "a .csv or .xlsx file", value=path.suffix)
    src = str(path)
    names = [ALIASES.get(h.strip().lower(), h.strip().lower()) for h in header]
    for col in REQUIRED:
        if col not in names:
            raise DataError(src, f"a column {col!r} (header: {', '.join(header)})", sheet=sheet_name, row=1, column=col)
    dup = [c for c in set(names) if c and names.count(c) > 1]
    if dup:
        raise DataError(src, "each column once", sheet=sheet_name, row=1, column=dup[0])
    pos = {c: names.index(c) for c in REQUIRED}
    records = []
    row_of: dict[tuple, int] = {}
    for k, cells in enumerate(rows):
        line = first_line + k
        cells = list(cells) + [None] * (len(names) - len(cells))
        if all(c is None or str(c).strip() == "" for c in cells):
            continue  # blank line
        where = {"sheet": sheet_name, "row": line}
        code = cells[pos["bps_code"]]
        code_s = _cell_text(code)
        if not re.fullmatch(r"\d{2}|\d{4}", code_s):
            raise DataError(src, "a BPS code of 2 (province) or 4 (regency) digits, e.g. 7501", column="bps_code",
                            value=code, **where)
        yr = cells[pos["year"]]
        yr_s = _cell_text(yr)
        if not re.fullmatch(r"20\d\d", yr_s):
            raise DataError(src, "a four-digit year such as 2024", column="year", value=yr, **where)
        ind = cells[pos["indicator"]]
        ind_s = _cell_text(ind)
        if ind_s not in fw.indicators.index:
            raise DataError(src, f"an indicator id of {fw.name} ({fw.ids[0]}..{fw.ids[-1]})", column="indicator",
                            value=ind, **where)
        raw = cells[pos["level"]]
        if raw is None or str(raw).strip() == "":
            raise DataError(src, f"a level {fw.level_min}-{fw.level_max} (the cell is empty)", column="level", **where)
        try:
            lv = _parse_level(raw, fw)
        except ValueError:
            raise DataError(src, f"a number: the capability level {fw.level_min}-{fw.level_max}", column="level",
                            value=raw, **where) from None
        if lv != int(lv):
            raise DataError(src, f"an integer level {fw.level_min}-{fw.level_max}", column="level", value=raw, **where)
        if not fw.level_min <= lv <= fw.level_max:
            raise DataError(src, f"a level between {fw.level_min} and {fw.level_max}", column="level", value=raw,
                            **where)
        key = (code_s, int(yr_s), ind_s)
        if key in row_of:
            raise DataError(src, f"each government, year and indicator once (also on row {row_of[key]})",
                            column="indicator", value=ind, **where)
        row_of[key] = line
        records.append({"bps_code": code_s, "year": int(yr_s), "indicator": ind_s, "level": int(lv)})
    if not records:
        raise DataError(src, "at least one filled-in row", sheet=sheet_name)
    df = pd.DataFrame(records)
    for (code, yr), grp in df.groupby(["bps_code", "year"], sort=False):
        missing = [i for i in fw.ids if i not in set(grp["indicator"])]
        if missing:
            raise DataError(src, f"all {fw.n} indicators of {fw.name} for government {code} in {yr} "
                            f"(missing {len(missing)}: {', '.join(missing[:6])}{'...' if len(missing) > 6 else ''})",
                            sheet=sheet_name, row=f"government {code}, year {yr}", column="indicator")
    df["year"] = df["year"].astype("int64")
    df["level"] = df["level"].astype("int64")
    return df


def sheet_wide(sheet: pd.DataFrame, year: int | None = None) -> pd.DataFrame:
    """Levels of one year as a wide table (government x indicator), ready for ``score_table``."""
    d = sheet if year is None else sheet[sheet["year"] == year]
    if d["year"].nunique() != 1:
        raise DataError("sheet argument", "one year (pass year=...)", value=sorted(d["year"].unique()))
    w = d.pivot(index="bps_code", columns="indicator", values="level")
    return w
