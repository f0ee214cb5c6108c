"""Strict reading of the package's CSV files.

Every cell is read as text and parsed by the column's own parser, so nothing is silently
coerced, dropped or turned into NaN: a cell that does not parse raises a :class:`DataError`
naming the file, the line (header = line 1), the column, the value and the expectation.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, Iterator

import pandas as pd

from .config import data_file
from .errors import DataError

Parser = Callable[[str], Any]


class Expect(ValueError):
    """Raised by a parser: its message is the expectation."""


@dataclass(frozen=True)
class Column:
    name: str
    parse: Parser
    dtype: str = "object"


def text(required: bool = True) -> Parser:
    """Parser of a text cell (non-empty unless ``required`` is False)."""
    def parse(s: str) -> Any:
        if required and not s.strip():
            raise Expect("a non-empty text")
        return s
    return parse


def integer(optional: bool = False, min_value: int | None = None) -> Parser:
    """Parser of an integer cell (optionally empty, optionally with a minimum)."""
    def parse(s: str) -> Any:
        if optional and s == "":
            return None
        if not re.fullmatch(r"-?\d+", s):
            raise Expect("an integer" + (" or an empty cell" if optional else ""))
        v = int(s)
        if min_value is not None and v < min_value:
            raise Expect(f"an integer >= {min_value}")
        return v
    return parse


def decimal(places: int | None = None, optional: bool = False) -> Parser:
    """A plain decimal number written with a point; with ``places``, exactly that many decimals."""
    pattern = r"-?\d+" + (rf"\.\d{{{places}}}" if places else r"(\.\d+)?")

    def parse(s: str) -> Any:
        if optional and s == "":
            return None
        if not re.fullmatch(pattern, s):
            what = f"a number with exactly {places} decimals (e.g. 2.60)" if places else "a decimal number"
            raise Expect(what + (" or an empty cell" if optional else ""))
        return Decimal(s)
    return parse


def fraction() -> Parser:
    """An exact rational: a decimal ('1.30') or a fraction ('10/3')."""
    def parse(s: str) -> Any:
        if not re.fullmatch(r"\d+(\.\d+)?|\d+/\d+", s):
            raise Expect("an exact positive number written as a decimal (1.30) or a fraction (10/3)")
        v = Fraction(s)
        if v <= 0:
            raise Expect("a positive weight")
        return v
    return parse


def boolean() -> Parser:
    """Parser of a 'true'/'false' cell."""
    def parse(s: str) -> Any:
        if s not in ("true", "false"):
            raise Expect("'true' or 'false'")
        return s == "true"
    return parse


def one_of(*values: str, optional: bool = False) -> Parser:
    """Parser of a cell holding one of ``values`` exactly."""
    def parse(s: str) -> Any:
        if optional and s == "":
            return None
        if s not in values:
            raise Expect("one of " + ", ".join(repr(v) for v in values))
        return s
    return parse


def file_or_default(path: str | Path | None, default: str) -> Path:
    """The file a loader reads: ``path`` (a file of one's own), or ``default`` in the data folder when
    ``path`` is None or empty; anything but a path is refused."""
    if path is None or path == "":
        return data_file(default)
    if not isinstance(path, (str, Path)):
        raise DataError("path argument", "a file path", value=type(path).__name__)
    return Path(path)


def located_rows(df: pd.DataFrame, records: bool = False) -> Iterator[tuple[dict, Any]]:
    """Each row of a table read by :func:`read_csv_strict`, with its place in the file for the
    ``**where`` of a :class:`DataError`: ``{"row": "line N"}`` (the header is line 1; a table filtered
    after reading keeps its rows' lines). Rows are named tuples, or dicts with ``records`` (for
    column names that are not identifiers, such as ``lambda``)."""
    for k, r in zip(df.index, df.to_dict("records") if records else df.itertuples()):
        yield {"row": f"line {int(k) + 2}"}, r


def read_csv_strict(path: Path, columns: list[Column], *, key: str | None = None) -> pd.DataFrame:
    """Read ``path`` and parse every cell; the header must list exactly ``columns``."""
    path = Path(path)
    if not path.exists():
        raise DataError(str(path), "the file to exist")
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        try:
            header = next(reader)
        except StopIteration:
            raise DataError(str(path), "a header line", row=1) from None
        want = [c.name for c in columns]
        if header != want:
            missing = [c for c in want if c not in header]
            extra = [c for c in header if c not in want]
            raise DataError(
                str(path), f"the columns {want}", row=1, value=header,
                column=(missing or extra or [None])[0],
            )
        records: list[list[Any]] = []
        for line_no, cells in enumerate(reader, start=2):
            if len(cells) != len(columns):
                raise DataError(str(path), f"{len(columns)} cells", row=f"line {line_no}", value=len(cells))
            rec = []
            for col, cell in zip(columns, cells):
                try:
                    rec.append(col.parse(cell))
                except Expect as exc:
                    raise DataError(str(path), str(exc), row=f"line {line_no}", column=col.name, value=cell) from None
            records.append(rec)
    df = pd.DataFrame(records, columns=want)
    if key is not None:
        dup = df[key].duplicated(keep=False) if isinstance(key, str) else df.duplicated(list(key), keep=False)
        if dup.any():
            first = int(dup.to_numpy().nonzero()[0][1]) + 2
            raise DataError(str(path), f"unique values of {key}", row=f"line {first}", column=key if isinstance(key, str) else None,
                            value=df.loc[dup].iloc[1][key] if isinstance(key, str) else tuple(df.loc[dup].iloc[1][list(key)]))
    for col in columns:
        if col.dtype != "object":
            df[col.name] = df[col.name].astype(col.dtype)
    return df
