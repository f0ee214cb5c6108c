"""Input checks shared by every public function.

Each check either returns the value in a canonical form or raises a :class:`DataError` that
names the argument (and position or label), the value and what was expected. Nothing is
coerced silently: a string is never taken for a collection, a bool never for a number, and a
missing value (None, NaN, ``pd.NA``, ``Decimal('NaN')``) never for anything.
"""
from __future__ import annotations

import math
import numbers
from decimal import Decimal
from fractions import Fraction
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from .errors import DataError

#: The languages every displayed text exists in.
LANGS = ("id", "en")


def is_missing(value: Any) -> bool:
    """True for None, NaN (any float type), ``pd.NA``, ``pd.NaT`` and ``Decimal('NaN')``."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, Decimal):
        return value.is_nan()
    if isinstance(value, (float, np.floating)):
        return math.isnan(value)
    return False


def exact_number(value: Any, source: str, *, row: Any = None, column: Any = None,
                 expected: str = "a number") -> Fraction:
    """``value`` as an exact :class:`~fractions.Fraction`.

    Integers, Fractions and Decimals are read exactly; floats of any width (including numpy
    float32) through their shortest decimal form, so ``np.float32(1.795)`` is 1.795, not
    1.79499995708... Bools, text, missing values and infinities are refused.
    """
    where = {"row": row, "column": column}
    if isinstance(value, (bool, np.bool_)):
        raise DataError(source, f"{expected}, not a bool", value=value, **where)
    if is_missing(value):
        raise DataError(source, f"{expected}, not a missing value", value=value, **where)
    if isinstance(value, Fraction):
        return value
    if isinstance(value, (numbers.Integral, np.integer)):
        return Fraction(int(value))
    if isinstance(value, np.floating):
        if not np.isfinite(value):
            raise DataError(source, f"{expected}, finite", value=value, **where)
        return Fraction(np.format_float_positional(value, unique=True, trim="0"))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise DataError(source, f"{expected}, finite", value=value, **where)
        return Fraction(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise DataError(source, f"{expected}, finite", value=value, **where)
        return Fraction(value)
    if isinstance(value, numbers.Rational):
        return Fraction(value.numerator, value.denominator)
    raise DataError(source, expected, value=value, **where)


def count(value: Any, source: str, *, minimum: int = 1, maximum: int | None = None) -> int:
    """A whole number (not a bool, not a float) in ``[minimum, maximum]``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Integral, np.integer)):
        raise DataError(source, f"a whole number >= {minimum}", value=value)
    v = int(value)
    if v < minimum or (maximum is not None and v > maximum):
        rng = f">= {minimum}" if maximum is None else f"between {minimum} and {maximum}"
        raise DataError(source, f"a whole number {rng}", value=value)
    return v


def positive(value: Any, source: str) -> float:
    """A finite real number > 0, as float."""
    v = exact_number(value, source, expected="a positive number")
    if v <= 0:
        raise DataError(source, "a positive number", value=value)
    return float(v)


def positive_at(value: Any, source: str, *, row: Any = None, column: Any = None) -> float:
    """A finite real number > 0 at a located position (row, column), as float."""
    v = exact_number(value, source, row=row, column=column, expected="a positive number")
    if v <= 0:
        raise DataError(source, "a positive number", row=row, column=column, value=value)
    return float(v)


def non_negative(value: Any, source: str, *, row: Any = None, column: Any = None) -> float:
    """A finite real number >= 0, as float."""
    v = exact_number(value, source, row=row, column=column, expected="a number >= 0")
    if v < 0:
        raise DataError(source, "a number >= 0", row=row, column=column, value=value)
    return float(v)


def collection(value: Any, source: str, *, allow_empty: bool = True) -> list:
    """A list of the items of a collection; a string (or bytes), a mapping or a scalar is refused,
    so that ``frozen="12"`` is an error rather than indicators 1 and 2."""
    if isinstance(value, (str, bytes)):
        raise DataError(source, "a list of items (a single text is not a list: write ['12'])", value=value)
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise DataError(source, "a list (or tuple, set) of items", value=type(value).__name__)
    items = list(value)
    if not allow_empty and not items:
        raise DataError(source, "at least one item", value=items)
    return items


def mapping(value: Any, source: str, *, allow_empty: bool = True) -> dict:
    """A dict copy of a mapping (a Series counts); anything else is refused."""
    if isinstance(value, pd.Series):
        value = value.to_dict()
    if not isinstance(value, Mapping):
        raise DataError(source, "a mapping (dict)", value=type(value).__name__)
    if not allow_empty and not value:
        raise DataError(source, "at least one entry", value={})
    return dict(value)


def choice(value: Any, options: Iterable[Any], source: str) -> Any:
    """One of ``options`` exactly."""
    opts = list(options)
    if isinstance(value, (list, dict, set)) or value not in opts:
        raise DataError(source, "one of " + ", ".join(repr(o) for o in opts), value=value)
    return value


def lang(value: Any, source: str = "lang argument") -> str:
    """A display language: ``"id"`` (Bahasa Indonesia) or ``"en"``."""
    return choice(value, LANGS, source)


def text(value: Any, source: str, *, allow_empty: bool = False) -> str:
    """A text (non-empty unless ``allow_empty``)."""
    if not isinstance(value, str) or (not allow_empty and not value.strip()):
        raise DataError(source, "a non-empty text", value=value)
    return value


def frame(value: Any, source: str, *, columns: Iterable[str] = (), allow_empty: bool = False) -> pd.DataFrame:
    """A DataFrame that has ``columns`` (and at least one row unless ``allow_empty``)."""
    if not isinstance(value, pd.DataFrame):
        raise DataError(source, "a DataFrame", value=type(value).__name__)
    missing = [c for c in columns if c not in value.columns]
    if missing:
        raise DataError(source, f"a DataFrame with the columns {list(columns)}", column=missing[0])
    if not allow_empty and len(value) == 0:
        raise DataError(source, "at least one row", value="empty DataFrame")
    return value
