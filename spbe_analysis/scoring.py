"""Exact SPBE/PEMDI scoring.

Every aspect, domain and overall index is the weighted arithmetic mean of indicator values,
``sum(w_i * L_i) / sum(w_i)``. The published value is the exact value rounded *once* to two
decimals, half up; the predicate is read from that published value (lower edges inclusive:
3.50 is Sangat Baik under SPBE 2020).

SPBE indicators are whole capability levels. PEMDI indicator values are built from
sub-criteria and are not whole levels (1.26, 2.5 ...): :func:`score` takes any exact value in
[1, 5] for PEMDI (two-decimal numbers, Decimals or exact Fractions), :func:`score_table` any
value given to two decimals. Rounding is done by :mod:`spbe_analysis.official` in integer
arithmetic, so floating point never moves a value across a rounding or band edge.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from . import checks
from .errors import DataError
from .frameworks import Framework, as_framework, indicator_id
from .official import hundredths, round_half_up, to_hundredths

__all__ = ["Score", "WhatIf", "effective_weights", "level_matrix", "levels_vector", "predicate", "round_half_up", "score",
           "score_table", "unit_sums", "values_vector", "what_if"]

CHUNK_BYTES = 1 << 21  # a block of levels in score_table: small enough to stay in cache


# ----------------------------------------------------------------------------- predicate
def predicate(value: Any, framework: Framework | str, lang: str = "id") -> Any:
    """Predicate band of an index value, read from the value rounded half up to 2 decimals.

    Parameters
    ----------
    value : number, or a list/tuple/array/Series of numbers
        Index value(s) on the framework's scale (1.00-5.00; 0.00-5.00 for SPBE 2018).
    framework : Framework or str
    lang : {"id", "en"}
        "id" gives the official name, "en" the package's English gloss.

    Returns
    -------
    str for a scalar, list for a list/tuple/array, Series for a Series.

    Raises
    ------
    DataError
        For a value off the scale, missing, a bool or text, or an unknown ``lang``.

    Examples
    --------
    >>> predicate(3.50, "spbe2020"), predicate(3.495, "spbe2020"), predicate(1.795, "spbe2020")
    ('Sangat Baik', 'Sangat Baik', 'Cukup')
    >>> predicate(2.49, "pemdi2026", lang="en")
    'Fair (Emerging)'
    """
    fw = as_framework(framework)
    names = fw.band_names(checks.lang(lang))

    def one(v: Any, pos: Any = None) -> str:
        src = "value argument" if pos is None else f"value argument [{pos}]"
        return names[int(fw.band_index(to_hundredths(v, fw, src)))]

    if isinstance(value, pd.Series):
        return pd.Series([one(v, k) for k, v in value.items()], index=value.index, name=value.name, dtype=object)
    if isinstance(value, np.ndarray):
        if value.ndim != 1:
            raise DataError("value argument", "a number or a one-dimensional array", value=value.shape)
        return [one(v, k) for k, v in enumerate(value)]
    if isinstance(value, (list, tuple)):
        return [one(v, k) for k, v in enumerate(value)]
    return one(value)


# ----------------------------------------------------------------------------- inputs
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


# ----------------------------------------------------------------------------- one entity
@dataclass(frozen=True)
class Score:
    """Score of one entity.

    ``index``, ``domains`` and ``aspects`` are official (2 decimals, floats); ``raw`` is the
    exact overall value (Fraction); ``domains_raw``/``aspects_raw`` the exact group values as
    floats; ``levels`` the indicator values (floats)."""

    framework: str
    index: float
    raw: Fraction
    predicate: str
    predicate_en: str
    domains: pd.Series
    aspects: pd.Series
    domains_raw: pd.Series
    aspects_raw: pd.Series
    levels: pd.Series

    @property
    def hundredths(self) -> int:
        """The official index in integer hundredths (3.50 -> 350)."""
        return int(round(self.index * 100))


def _group_scores(fw: Framework, weighted: list[Fraction], level: str) -> tuple[pd.Series, pd.Series]:
    groups = fw.groups(level)
    if len(groups) == 0:
        empty = pd.Series([], dtype="float64", index=groups, name=level)
        return empty, empty.copy()
    col = fw.indicators[level].to_numpy()
    h, raw = [], []
    for g in groups:
        mask = col == g
        w = sum((fw.indicators["weight"].iloc[j] for j in np.nonzero(mask)[0]), Fraction(0))
        x = sum((weighted[j] for j in np.nonzero(mask)[0]), Fraction(0)) / w
        h.append(to_hundredths(x) / 100)
        raw.append(float(x))
    return pd.Series(h, index=groups, name=level), pd.Series(raw, index=groups, name=level)


def _score_values(fw: Framework, vals: list[Fraction]) -> Score:
    weighted = [w * v for w, v in zip(fw.indicators["weight"], vals)]
    raw = sum(weighted, Fraction(0)) / 100
    h = to_hundredths(raw)
    band = int(fw.band_index(h))
    doms, doms_raw = _group_scores(fw, weighted, "domain")
    asps, asps_raw = _group_scores(fw, weighted, "aspect")
    lv = [int(v) for v in vals] if fw.level_step == 1 else [float(v) for v in vals]
    return Score(framework=fw.name, index=h / 100, raw=raw, predicate=fw.band_names("id")[band],
                 predicate_en=fw.band_names("en")[band], domains=doms, aspects=asps, domains_raw=doms_raw,
                 aspects_raw=asps_raw, levels=pd.Series(lv, index=pd.Index(fw.ids, name="indicator"), name="level"))


def score(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str) -> Score:
    """Score one entity exactly.

    Parameters
    ----------
    levels : mapping or Series
        Indicator id ("1".."47", "35a", "I1"; integers are accepted for numeric ids) to value:
        a whole capability level for SPBE, any exact value in [1, 5] for PEMDI (1.26,
        ``Decimal("2.5")``, ``Fraction(37, 30)``).
    framework : Framework or str

    Returns
    -------
    Score

    Raises
    ------
    DataError
        Naming the indicator and value for a missing, unknown, duplicate or off-scale value.

    Examples
    --------
    >>> s = score({i: 3 for i in as_framework("spbe2020").ids}, "spbe2020")
    >>> s.index, s.predicate
    (3.0, 'Baik')
    >>> v = {f"I{k}": 1 for k in range(1, 21)}
    >>> v.update(I1=1.26, I19=2.5, I20=1.17)
    >>> score(v, "pemdi2026").index, score(v, "pemdi2026").raw
    (1.19, Fraction(2377, 2000))
    """
    fw = as_framework(framework)
    return _score_values(fw, values_vector(levels, fw))


def effective_weights(framework: Framework | str, exact: bool = False) -> pd.Series:
    """Each indicator's weight in the overall index, in percent (sums to 100).

    One level step on indicator ``i`` moves the exact index by ``weight_i / 100``.

    Parameters
    ----------
    framework : Framework or str
    exact : bool
        When True the values are Fractions.

    Returns
    -------
    pandas.Series
        Indexed by indicator id, named ``weight_pct``.

    Raises
    ------
    DataError
        When ``exact`` is not a bool.

    Examples
    --------
    >>> effective_weights("spbe2020")["47"]
    np.float64(3.0)
    """
    fw = as_framework(framework)
    if not isinstance(exact, (bool, np.bool_)):
        raise DataError("exact argument", "True or False", value=exact)
    col = "weight" if exact else "weight_pct"
    return fw.indicators[col].rename("weight_pct")


@dataclass(frozen=True)
class WhatIf:
    """Result of :func:`what_if`: ``delta`` is the exact change of the index (Fraction),
    ``delta_official`` the change of the published (rounded) value, ``contributions`` the exact
    change contributed by each changed indicator (floats, summing to ``delta``)."""

    before: Score
    after: Score
    delta: Fraction
    delta_official: float
    contributions: pd.Series


def what_if(levels: Mapping[Any, Any] | pd.Series, changes: Mapping[Any, Any], framework: Framework | str) -> WhatIf:
    """Re-score with some indicators set to new values.

    The change is exact: ``delta = sum(w_i * (new_i - old_i)) / 100``.

    Parameters
    ----------
    levels : mapping or Series
        The entity's current values.
    changes : mapping
        Indicator id -> new value (each indicator at most once).
    framework : Framework or str

    Returns
    -------
    WhatIf
        ``before`` and ``after`` (:class:`Score`) and the exact ``delta``.

    Raises
    ------
    DataError
        For an unknown indicator, a repeated one or a value off the scale.

    Examples
    --------
    >>> fw = as_framework("spbe2020")
    >>> w = what_if({i: 2 for i in fw.ids}, {"47": 3}, fw)
    >>> w.delta, w.after.index
    (Fraction(3, 100), 2.03)
    """
    fw = as_framework(framework)
    v0 = values_vector(levels, fw)
    v1 = list(v0)
    pos = {i: p for p, i in enumerate(fw.ids)}
    seen: set[str] = set()
    for key, v in checks.mapping(changes, "changes argument").items():
        i = indicator_id(key, fw, "changes argument")
        if i in seen:
            raise DataError("changes argument", "each indicator changed once", column=i, value=key)
        seen.add(i)
        v1[pos[i]] = _value(v, fw, "changes argument", {"column": i}, steps_only=False)
    before, after = _score_values(fw, v0), _score_values(fw, v1)
    contrib = {i: fw.indicators.loc[i, "weight"] * (v1[pos[i]] - v0[pos[i]]) / 100 for i in fw.ids
               if v1[pos[i]] != v0[pos[i]]}
    delta = sum(contrib.values(), Fraction(0))
    return WhatIf(before=before, after=after, delta=delta,
                  delta_official=(after.hundredths - before.hundredths) / 100,
                  contributions=pd.Series({i: float(c) for i, c in contrib.items()}, name="delta", dtype="float64"))


# ----------------------------------------------------------------------------- many entities
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


def _sums(table: Any, fw: Framework, level: str, source: str) -> tuple[np.ndarray, pd.Index]:
    """Validated integer weighted sums (int32), computed block by block.

    Each block is validated, converted to float32 and multiplied by the integer weight units
    with BLAS: every product and partial sum is an integer below 2**24, so float32 holds it
    exactly, and a block that stays in cache makes this faster than an integer einsum."""
    arr, entities = _wide_matrix(table, fw, source)
    w = fw.units[:, None] if level == "index" else fw.units[:, None] * fw.membership(level)
    top = int(w.sum(axis=0).max()) * fw.level_max * fw.level_step.denominator
    exact32 = top < 2 ** 24
    rows = max(256, CHUNK_BYTES // max(1, arr.shape[1] * arr.dtype.itemsize))
    out = np.empty((arr.shape[0], w.shape[1]), dtype=np.int32 if top < 2 ** 31 else np.int64)
    one = w.shape[1] == 1                       # one column: a matrix-vector product (BLAS gemv)
    w_f32, w_f64 = (w[:, 0] if one else w).astype(np.float32), (w[:, 0] if one else w).astype(np.float64)
    target = out[:, 0] if one else out
    for r0 in range(0, arr.shape[0], rows):
        block = _check_block(arr[r0:r0 + rows], fw, source, r0, entities)
        if exact32:
            target[r0:r0 + rows] = block.astype(np.float32, copy=False) @ w_f32
        else:
            target[r0:r0 + rows] = block.astype(np.float64, copy=False) @ w_f64
    return out, entities


def unit_sums(table: Any, framework: Framework | str, level: str = "index",
              source: str = "table argument") -> tuple[np.ndarray, pd.Index]:
    """Validated integer weighted sums ``N`` (entities x groups) and the entity labels.

    Exact: every operand is a small integer, so the products are computed exactly (in float32 below
    2**24, else float64).

    Parameters
    ----------
    table : DataFrame or array
        Entities x indicators (what :func:`score_table` accepts).
    framework : Framework or str
    level : {"index", "domain", "aspect"}
        One column for the index, or one per domain or aspect.
    source : str
        What to call the table in an error message.

    Returns
    -------
    tuple
        ``(N, entities)``: an int64 array and a :class:`pandas.Index`.

    Raises
    ------
    DataError
        Naming the row and column of a bad value.

    Examples
    --------
    >>> n, _ = unit_sums(np.full((2, 47), 3, dtype=np.int8), "spbe2020")
    >>> n.ravel().tolist()
    [6000, 6000]
    """
    fw = as_framework(framework)
    checks.choice(level, ("index", "domain", "aspect"), "level argument")
    n, entities = _sums(table, fw, level, source)
    return n.astype(np.int64), entities


def level_matrix(table: Any, framework: Framework | str, source: str = "levels argument") -> tuple[np.ndarray, pd.Index]:
    """Validated values (entities x indicators, framework order) as integer steps.

    Parameters
    ----------
    table : DataFrame or array
        What :func:`score_table` accepts.
    framework : Framework or str
    source : str
        What to call the table in an error message.

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
    arr, entities = _wide_matrix(table, fw, source)
    out = np.empty(arr.shape, dtype=np.int64)
    rows = max(256, CHUNK_BYTES // max(1, arr.shape[1] * arr.dtype.itemsize))
    for r0 in range(0, arr.shape[0], rows):
        out[r0:r0 + rows] = _check_block(arr[r0:r0 + rows], fw, source, r0, entities)
    return out, entities


def score_table(table: Any, framework: Framework | str, by: str | Iterable[str] = "index") -> pd.DataFrame:
    """Score many entities at once (vectorised, exact).

    Parameters
    ----------
    table : DataFrame or 2-D numpy array
        Wide (one row per entity, one column per indicator; the index labels the entities),
        long (columns ``entity``, ``indicator``, ``level``) or an integer/float array with the
        columns in framework order. PEMDI values are read to two decimals.
    framework : Framework or str
    by : str or list of str
        Any of "index", "domain", "aspect".

    Returns
    -------
    DataFrame
        One row per entity and unit: ``entity``, ``level`` ("index", "domain" or "aspect"),
        ``unit`` (0 for the index, else the domain/aspect number), ``raw`` (exact value as
        float), ``value`` (official, 2 decimals) and ``predicate`` (index rows only).

    Raises
    ------
    DataError
        Naming the entity and indicator of the first bad value; for bool, object or empty input.

    Examples
    --------
    >>> score_table(np.array([[3] * 47, [4] * 47]), "spbe2020")[["entity", "value", "predicate"]]
       entity  value    predicate
    0       0    3.0         Baik
    1       1    4.0  Sangat Baik
    """
    fw = as_framework(framework)
    levels = [by] if isinstance(by, str) else checks.collection(by, "by argument", allow_empty=False)
    for lv in levels:
        checks.choice(lv, ("index", "domain", "aspect"), "by argument")
    level_cats = ["index", "domain", "aspect"]
    bands = fw.band_names("id")
    frames = []
    for lv in levels:
        units = np.array([fw.total_units]) if lv == "index" else fw.group_units(lv)
        if units.size == 0:
            continue
        n, entities = _sums(table, fw, lv, "table argument")
        if n.shape[1] == 1:
            h = hundredths(n[:, 0], int(units[0]), fw.level_step)
            raw = n[:, 0] / float(units[0] * fw.level_step.denominator)   # one correctly rounded division
        else:
            h = hundredths(n.astype(np.int64), units[None, :], fw.level_step).ravel()
            raw = (n / (units[None, :] * fw.level_step.denominator)).ravel()
        m = n.shape[1]
        unit_ids = np.zeros(1, dtype=np.int64) if lv == "index" else fw.groups(lv).to_numpy()
        codes = fw.band_index(h) if lv == "index" else np.full(len(h), -1, dtype=np.int8)
        frames.append(pd.DataFrame({
            "entity": np.repeat(entities.to_numpy(), m) if m > 1 else entities,
            "level": pd.Categorical.from_codes(np.full(len(h), level_cats.index(lv), dtype=np.int8),
                                               categories=level_cats),
            "unit": np.tile(unit_ids, n.shape[0]) if m > 1 else np.zeros(len(h), dtype=np.int64),
            "raw": raw,
            "value": h / 100,
            "predicate": pd.Categorical.from_codes(codes, categories=bands),
        }, copy=False))
    if not frames:
        raise DataError("by argument", f"a level that {fw.name} has (it has no domains)", value=by)
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
