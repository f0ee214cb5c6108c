"""Validated indicator values: one entity's (:func:`values_vector`, :func:`levels_vector`) or a
table's (:func:`level_matrix`, :func:`level_blocks`), read exactly and located on error.

SPBE values are whole capability levels; PEMDI values are exact numbers in [1, 5], given to two
decimals where they are read as integer steps (hundredths). Every bad value raises a
:class:`~spbe_analysis.errors.DataError` naming its entity and indicator. Scoring
(:mod:`spbe_analysis.scoring`) reads its inputs through this module.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any, Iterator, Mapping

import numpy as np
import pandas as pd

from . import checks
from .errors import DataError
from .frameworks import Framework, as_framework, indicator_id

__all__ = ["indicator_value", "level_blocks", "level_matrix", "levels_vector", "values_vector"]

CHUNK_BYTES = 1 << 21  # a block of levels read at once: small enough to stay in cache


# ----------------------------------------------------------------------------- one entity
def _value(v: Any, fw: Framework, source: str, where: dict, steps_only: bool) -> Fraction:
    lo, hi = fw.level_min, fw.level_max
    kind = "a capability level" if fw.level_step == 1 else "an indicator value"
    x = checks.exact_number(v, source, expected=f"a number: {kind} {lo}-{hi}", **where)
    if not lo <= x <= hi:
        raise DataError(source, f"{kind} between {lo} and {hi}", value=v, **where)
    if (steps_only or fw.level_step == 1) and (x / fw.level_step).denominator != 1:
        what = "a whole level" if fw.level_step == 1 else f"a value given to {fw.value_decimals} decimals"
        raise DataError(source, f"{what} between {lo} and {hi}", value=v, **where)
    return x


def _items(levels: Any, fw: Framework, source: str, entity: Any) -> dict[str, Any]:
    if not isinstance(levels, (Mapping, pd.Series)):
        raise DataError(source, "a mapping {indicator id: level} or a Series", row=entity, value=type(levels).__name__)
    out: dict[str, Any] = {}
    for key, v in levels.items():
        i = indicator_id(key, fw, source, entity)
        if i in out:
            raise DataError(source, "each indicator given once", row=entity, column=i, value=key)
        out[i] = v
    missing = [i for i in fw.ids if i not in out]
    if missing:
        raise DataError(source, f"a value for every indicator of {fw.name} (missing {len(missing)}: "
                        f"{', '.join(missing[:5])}{'...' if len(missing) > 5 else ''})", row=entity, column=missing[0])
    return out


def indicator_value(value: Any, framework: Framework | str, source: str = "levels argument", entity: Any = None,
                    indicator: Any = None) -> Fraction:
    """One validated exact indicator value.

    Parameters
    ----------
    value : number
        A whole level for SPBE; any exact value on the scale for PEMDI (1.26, ``Decimal("2.5")``,
        ``Fraction(37, 30)``).
    framework : Framework or str
    source : str
        What to call the input in an error message.
    entity, indicator : optional
        The entity and indicator named in an error message.

    Returns
    -------
    Fraction

    Raises
    ------
    DataError
        For a value that is not a number, off the scale, or not a whole level (SPBE).

    Examples
    --------
    >>> indicator_value(1.26, "pemdi2026"), indicator_value(3, "spbe2020")
    (Fraction(63, 50), Fraction(3, 1))
    """
    fw = as_framework(framework)
    return _value(value, fw, source, {"row": entity, "column": indicator}, steps_only=False)


def values_vector(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str,
                  source: str = "levels argument", entity: Any = None) -> list[Fraction]:
    """Validated exact indicator values of one entity, in framework order.

    Parameters
    ----------
    levels : mapping or Series
        Indicator id -> value: whole levels for SPBE; any exact value on the scale for PEMDI.
    framework : Framework or str
    source : str
        What to call the input in an error message.
    entity : optional
        The entity's label, named in an error message.

    Returns
    -------
    list of Fraction

    Raises
    ------
    DataError
        Naming the indicator, for a missing, unknown, non-numeric or off-scale value.

    Examples
    --------
    >>> values_vector({f"I{k}": 1.26 if k == 1 else 1 for k in range(1, 21)}, "pemdi2026")[:2]
    [Fraction(63, 50), Fraction(1, 1)]
    """
    fw = as_framework(framework)
    items = _items(levels, fw, source, entity)
    return [_value(items[i], fw, source, {"row": entity, "column": i}, steps_only=False) for i in fw.ids]


def levels_vector(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str,
                  source: str = "levels argument", entity: Any = None) -> np.ndarray:
    """Validated values of one entity, in framework order, as integer steps.

    Parameters
    ----------
    levels : mapping or Series
        Indicator id -> value.
    framework : Framework or str
    source : str
        What to call the input in an error message.
    entity : optional
        The entity's label, named in an error message.

    Returns
    -------
    numpy.ndarray of int64
        Multiples of the framework's ``level_step``: whole levels for SPBE, hundredths for PEMDI.

    Raises
    ------
    DataError
        Naming the indicator, for a missing, unknown, non-numeric or off-scale value, or one that is
        not a whole number of steps.

    Examples
    --------
    >>> levels_vector({f"I{k}": 1.26 if k == 1 else 1 for k in range(1, 21)}, "pemdi2026")[:3]
    array([126, 100, 100])
    """
    fw = as_framework(framework)
    items = _items(levels, fw, source, entity)
    vals = [_value(items[i], fw, source, {"row": entity, "column": i}, steps_only=True) for i in fw.ids]
    return np.array([int(x / fw.level_step) for x in vals], dtype=np.int64)

# ----------------------------------------------------------------------------- a table
def _first_bad(mask: np.ndarray) -> tuple[int, int]:
    r, c = np.argwhere(mask)[0]
    return int(r), int(c)


def _numeric_array(arr: np.ndarray, source: str) -> np.ndarray:
    if arr.dtype == bool:
        raise DataError(source, "numeric levels (an array of numbers, not of bools)", value=str(arr.dtype))
    if not (np.issubdtype(arr.dtype, np.integer) or np.issubdtype(arr.dtype, np.floating)):
        raise DataError(source, "an integer or float array of levels (not an object or text array)",
                        value=str(arr.dtype))
    return arr


def _wide_matrix(table: Any, fw: Framework, source: str) -> tuple[np.ndarray, pd.Index]:
    """Entity x indicator array in framework order, plus the entity labels."""
    if isinstance(table, np.ndarray):
        if table.ndim != 2 or table.shape[1] != fw.n or table.shape[0] == 0:
            raise DataError(source, f"a 2-D array with at least one row and {fw.n} columns in framework order",
                            value=table.shape)
        return _numeric_array(table, source), pd.RangeIndex(table.shape[0], name="entity")
    if not isinstance(table, pd.DataFrame):
        raise DataError(source, "a DataFrame (wide or long) or a 2-D numpy array", value=type(table).__name__)
    if len(table) == 0:
        raise DataError(source, "at least one row", value="empty DataFrame")
    cols = {c.lower() if isinstance(c, str) else c for c in table.columns}
    if {"entity", "indicator", "level"} <= cols and len(table.columns) == 3:
        return _long_to_wide(table, fw, source)
    mapping = {}
    for c in table.columns:
        i = indicator_id(c, fw, source)
        if i in mapping:
            raise DataError(source, "each indicator column once", column=c, value=c)
        mapping[i] = c
    missing = [i for i in fw.ids if i not in mapping]
    if missing:
        raise DataError(source, f"a column for every indicator of {fw.name}", column=missing[0],
                        value=f"{len(missing)} missing")
    if table.index.has_duplicates:
        raise DataError(source, "one row per entity", row=table.index[table.index.duplicated()][0])
    ordered = table[[mapping[i] for i in fw.ids]]
    for c in ordered.columns:
        s = ordered[c]
        if pd.api.types.is_bool_dtype(s) or not pd.api.types.is_numeric_dtype(s):
            bad = s[~s.map(lambda v: isinstance(v, (int, float, np.integer, np.floating))
                           and not isinstance(v, (bool, np.bool_)))]
            raise DataError(source, "numeric capability levels", row=bad.index[0] if len(bad) else None, column=c,
                            value=bad.iloc[0] if len(bad) else str(s.dtype))
        if s.isna().any():
            raise DataError(source, "a level, not a missing value", row=s.index[s.isna().to_numpy()][0], column=c,
                            value=None)
    dtypes = {str(t) for t in ordered.dtypes}
    if len(dtypes) == 1 and not isinstance(ordered.dtypes.iloc[0], pd.api.extensions.ExtensionDtype):
        return ordered.to_numpy(), table.index
    return ordered.to_numpy(dtype=np.float64), table.index


def _long_to_wide(table: pd.DataFrame, fw: Framework, source: str) -> tuple[np.ndarray, pd.Index]:
    t = table.rename(columns=lambda c: c.lower())
    ind = [indicator_id(v, fw, source, e) for e, v in zip(t["entity"], t["indicator"])]
    key = pd.DataFrame({"entity": t["entity"].to_numpy(), "indicator": ind})
    dup = key.duplicated(keep="first")
    if dup.any():
        r = key[dup].iloc[0]
        raise DataError(source, "one level per entity and indicator", row=r["entity"], column=r["indicator"])
    entities = pd.Index(pd.unique(t["entity"]), name="entity")
    pos = {i: p for p, i in enumerate(fw.ids)}
    erow = {e: r for r, e in enumerate(entities)}
    wide = np.full((len(entities), fw.n), np.nan)
    for e, i, v in zip(key["entity"], key["indicator"], t["level"].to_numpy()):
        x = checks.exact_number(v, source, row=e, column=i, expected="a numeric capability level")
        wide[erow[e], pos[i]] = float(x)
    if np.isnan(wide).any():
        r, c = _first_bad(np.isnan(wide))
        raise DataError(source, f"a level for every indicator of {fw.name}", row=entities[r], column=fw.ids[c])
    return wide, entities


def _locate_bad_level(block: np.ndarray, fw: Framework, source: str, row0: int, entities: pd.Index) -> None:
    """Raise a DataError for the first bad cell of ``block`` (called only when one exists)."""
    lo, hi = fw.level_min, fw.level_max
    x = np.asarray(block, dtype=np.float64)
    what = "a whole level" if fw.level_step == 1 else f"a value given to {fw.value_decimals} decimals"
    with np.errstate(invalid="ignore"):
        checks_ = [(~np.isfinite(x), f"a level between {lo} and {hi}, not a missing value"),
                   ((x < lo) | (x > hi), f"a level between {lo} and {hi}"),
                   (~_on_steps(block, fw), f"{what} between {lo} and {hi}")]
    for mask, expected in checks_:
        if mask.any():
            r, c = _first_bad(mask)
            raise DataError(source, expected, row=entities[row0 + r], column=fw.ids[c], value=block[r, c].item())
    raise AssertionError("unreachable: _locate_bad_level called on a valid block")  # pragma: no cover


def _on_steps(block: np.ndarray, fw: Framework) -> np.ndarray:
    """Mask of cells that are whole multiples of the level step (in the array's own precision)."""
    if np.issubdtype(block.dtype, np.integer):
        return np.ones(block.shape, dtype=bool)
    q = block.dtype.type(fw.level_step.denominator)
    with np.errstate(invalid="ignore"):
        return np.rint(block * q) / q == block


def _check_block(block: np.ndarray, fw: Framework, source: str, row0: int, entities: pd.Index) -> np.ndarray:
    """Validate a block of levels; return it in integer steps (small ints, exact in float64)."""
    lo, hi = fw.level_min, fw.level_max
    mn, mx = block.min(), block.max()  # NaN propagates and fails the test below
    if not (lo <= mn and mx <= hi):
        _locate_bad_level(block, fw, source, row0, entities)
    q = fw.level_step.denominator
    if np.issubdtype(block.dtype, np.integer):
        return block if q == 1 else block.astype(np.int32) * q
    if not _on_steps(block, fw).all():
        _locate_bad_level(block, fw, source, row0, entities)
    return np.rint(block * q) if q != 1 else block

def level_blocks(table: Any, framework: Framework | str,
                 source: str = "levels argument") -> tuple[Iterator[tuple[int, np.ndarray]], pd.Index]:
    """Validated values of a table in blocks of rows, as integer steps, read lazily.

    The table is read at once (its shape, columns and labels are checked when called); each block
    of rows is validated when the iterator reaches it, small enough to stay in cache.

    Parameters
    ----------
    table : DataFrame or array
        What :func:`~spbe_analysis.scoring.score_table` accepts.
    framework : Framework or str
    source : str
        What to call the table in an error message.

    Returns
    -------
    tuple
        ``(blocks, entities)``: an iterator of ``(first_row, block)`` (entities x indicators in
        framework order, whole multiples of ``level_step``: integer arrays, or floats holding
        integers) and the entity labels.

    Raises
    ------
    DataError
        Naming the row and column of a bad value (for a bad value in a block, when it is reached).

    Examples
    --------
    >>> blocks, entities = level_blocks(np.full((3, 47), 2, dtype=np.int8), "spbe2020")
    >>> [(r0, b.shape) for r0, b in blocks], len(entities)
    ([(0, (3, 47))], 3)
    """
    fw = as_framework(framework)
    arr, entities = _wide_matrix(table, fw, source)
    rows = max(256, CHUNK_BYTES // max(1, arr.shape[1] * arr.dtype.itemsize))
    return ((r0, _check_block(arr[r0:r0 + rows], fw, source, r0, entities))
            for r0 in range(0, arr.shape[0], rows)), entities


def level_matrix(table: Any, framework: Framework | str, source: str = "levels argument") -> tuple[np.ndarray, pd.Index]:
    """Validated values (entities x indicators, framework order) as integer steps.

    Parameters
    ----------
    table, framework, source
        As in :func:`level_blocks` (the whole table is validated at once).

    Returns
    -------
    tuple
        ``(values, entities)``: int64 steps (whole levels for SPBE, hundredths for PEMDI) and the
        entity labels.

    Raises
    ------
    DataError
        Naming the row and column of a bad value.

    Examples
    --------
    >>> m, _ = level_matrix(np.full((1, 47), 2, dtype=np.int8), "spbe2020")
    >>> m.shape, int(m.max())
    ((1, 47), 2)
    """
    fw = as_framework(framework)
    blocks, entities = level_blocks(table, fw, source)
    out = np.empty((len(entities), fw.n), dtype=np.int64)
    for r0, block in blocks:
        out[r0:r0 + len(block)] = block
    return out, entities

