"""Exact SPBE/PEMDI scoring.

Every aspect, domain and overall index is the weighted arithmetic mean of indicator levels,
``sum(w_i * L_i) / sum(w_i)``. The published value is the exact value rounded *once* to two
decimals, half up; the predicate is read from that published value.

All arithmetic is done on integers: a weight is ``units_i / denominator`` percent and a level
``k_i * level_step``, so ``N = sum(units_i * k_i)`` is an integer and the official value in
hundredths is ``floor(x * 100 + 1/2)`` computed in integer arithmetic. Floating point never
moves a value across a rounding or band edge.
"""
from __future__ import annotations

import numbers
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from .errors import DataError
from .frameworks import Framework, load_framework

CHUNK_BYTES = 1 << 21  # size of a block of levels in score_table: keeps each block in cache


def _fw(framework: Framework | str) -> Framework:
    return load_framework(framework) if isinstance(framework, str) else framework


# ----------------------------------------------------------------------------- rounding
def round_half_up(value: Any, places: int = 2) -> Decimal:
    """Round a number half up to ``places`` decimals, exactly.

    Floats are read through their shortest repr (``3.065`` is taken as the decimal 3.065,
    not as the binary 3.06499999...), Fractions and Decimals exactly.
    """
    if isinstance(value, Fraction):
        q = Fraction(10) ** places
        return Decimal((value * q * 2 + 1).__floor__() // 2) / (Decimal(10) ** places)
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, Decimal, str)):
        raise DataError("value argument", "a real number", value=value)
    d = Decimal(value) if isinstance(value, (Decimal, str)) else Decimal(repr(float(value)))
    if not d.is_finite():
        raise DataError("value argument", "a finite number", value=value)
    return d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _hundredths(num: np.ndarray | int, units: np.ndarray | int, step: Fraction) -> Any:
    """Official value in hundredths of ``(num / units) * step`` (num, units in weight units)."""
    p, q = step.numerator, step.denominator
    return (200 * num * p + q * units) // (2 * q * units)


def predicate(value: Any, framework: Framework | str, lang: str = "id") -> Any:
    """Predicate band of an index value (read from the value rounded half up to 2 decimals).

    ``value`` may be a scalar (returns a str) or array-like (returns a list, or a Series
    for a Series input). ``lang`` is ``"id"`` (official names) or ``"en"``.
    """
    fw = _fw(framework)
    names = fw.band_names(lang)

    def one(v: Any) -> str:
        h = int(round_half_up(v) * 100)
        lo = fw.band_lower_hundredths[0]
        hi = int(fw.bands["upper"].iloc[-1] * 100)
        if h < lo or h > hi:
            raise DataError("value argument", f"an index between {lo / 100:.2f} and {hi / 100:.2f}", value=v)
        return names[int(fw.band_index(h))]

    if isinstance(value, pd.Series):
        return value.map(one)
    if isinstance(value, (list, tuple, np.ndarray)):
        return [one(v) for v in value]
    return one(value)


# ----------------------------------------------------------------------------- inputs
def _level_to_k(v: Any, fw: Framework, source: str, where: dict) -> int:
    """Validate one level and return it in integer steps."""
    if isinstance(v, (bool, np.bool_)) or not isinstance(v, (numbers.Real, Decimal)):
        raise DataError(source, f"a number (capability level {fw.level_min}-{fw.level_max})", value=v, **where)
    if isinstance(v, float) and not np.isfinite(v):
        raise DataError(source, f"a capability level {fw.level_min}-{fw.level_max}, not a missing value", value=v, **where)
    frac = Fraction(str(v)) if isinstance(v, (float, np.floating, Decimal)) else Fraction(int(v))
    k = frac / fw.level_step
    if k.denominator != 1:
        what = "an integer level" if fw.level_step == 1 else f"a multiple of {fw.level_step}"
        raise DataError(source, f"{what} between {fw.level_min} and {fw.level_max}", value=v, **where)
    if not fw.level_min <= frac <= fw.level_max:
        raise DataError(source, f"a level between {fw.level_min} and {fw.level_max}", value=v, **where)
    return int(k)


def _norm_id(key: Any, fw: Framework, source: str, entity: Any = None) -> str:
    if isinstance(key, (bool, np.bool_)):
        raise DataError(source, "an indicator id", row=entity, column=key, value=key)
    if isinstance(key, (numbers.Integral,)):
        key = str(int(key))
    if not isinstance(key, str) or key not in fw.indicators.index:
        raise DataError(source, f"an indicator of {fw.name} ({fw.ids[0]}..{fw.ids[-1]})", row=entity, column=key,
                        value=key)
    return key


def levels_vector(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str,
                  source: str = "levels argument", entity: Any = None) -> np.ndarray:
    """Validated levels of one entity, in framework order, as integer steps (int64)."""
    fw = _fw(framework)
    items = levels.items() if isinstance(levels, (Mapping, pd.Series)) else None
    if items is None:
        raise DataError(source, "a mapping {indicator id: level} or a Series", row=entity, value=type(levels).__name__)
    out: dict[str, int] = {}
    for key, v in items:
        i = _norm_id(key, fw, source, entity)
        if i in out:
            raise DataError(source, "each indicator given once", row=entity, column=i, value=key)
        out[i] = _level_to_k(v, fw, source, {"row": entity, "column": i})
    missing = [i for i in fw.ids if i not in out]
    if missing:
        raise DataError(source, f"a level for every indicator of {fw.name} (missing {len(missing)}: "
                        f"{', '.join(missing[:5])}{'...' if len(missing) > 5 else ''})", row=entity, column=missing[0])
    return np.array([out[i] for i in fw.ids], dtype=np.int64)


# ----------------------------------------------------------------------------- one entity
@dataclass(frozen=True)
class Score:
    """Score of one entity. ``index``, ``domains`` and ``aspects`` are official (2 decimals);
    ``raw`` is the exact overall value (Fraction); ``*_raw`` Series hold exact values as floats."""

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
        return int(round(self.index * 100))


def _group_scores(fw: Framework, k: np.ndarray, level: str) -> tuple[pd.Series, pd.Series]:
    groups = fw.groups(level)
    if len(groups) == 0:
        empty = pd.Series([], dtype="float64", index=groups)
        return empty, empty.copy()
    num = (fw.units * k) @ fw.membership(level)
    gu = fw.group_units(level)
    h = _hundredths(num, gu, fw.level_step)
    raw = num * float(fw.level_step) / gu
    return pd.Series(h / 100, index=groups, name=level), pd.Series(raw, index=groups, name=level)


def _score_k(fw: Framework, k: np.ndarray) -> Score:
    n_units = int(fw.units @ k)
    h = int(_hundredths(n_units, fw.total_units, fw.level_step))
    raw = Fraction(n_units, fw.total_units) * fw.level_step
    band = int(fw.band_index(h))
    doms, doms_raw = _group_scores(fw, k, "domain")
    asps, asps_raw = _group_scores(fw, k, "aspect")
    levels = pd.Series(k * float(fw.level_step) if fw.level_step != 1 else k, index=pd.Index(fw.ids, name="indicator"),
                       name="level")
    return Score(framework=fw.name, index=h / 100, raw=raw, predicate=fw.band_names("id")[band],
                 predicate_en=fw.band_names("en")[band], domains=doms, aspects=asps, domains_raw=doms_raw,
                 aspects_raw=asps_raw, levels=levels)


def score(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str) -> Score:
    """Score one entity. ``levels`` maps indicator id ("1".."47", "35a", "I1"; integers are
    accepted too) to a capability level."""
    fw = _fw(framework)
    return _score_k(fw, levels_vector(levels, fw))


def effective_weights(framework: Framework | str, exact: bool = False) -> pd.Series:
    """Each indicator's weight in the overall index, in percent (sums to 100).

    One level step on indicator ``i`` moves the exact index by ``weight_i / 100``.
    With ``exact=True`` the values are Fractions.
    """
    fw = _fw(framework)
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
    """Re-score with some indicators set to new levels; the change is exact:
    ``delta = sum(w_i * (new_i - old_i)) / 100``."""
    fw = _fw(framework)
    k0 = levels_vector(levels, fw)
    k1 = k0.copy()
    pos = {i: p for p, i in enumerate(fw.ids)}
    seen: set[str] = set()
    for key, v in changes.items():
        i = _norm_id(key, fw, "changes argument")
        if i in seen:
            raise DataError("changes argument", "each indicator changed once", column=i, value=key)
        seen.add(i)
        k1[pos[i]] = _level_to_k(v, fw, "changes argument", {"column": i})
    before, after = _score_k(fw, k0), _score_k(fw, k1)
    dk = k1 - k0
    contrib = {i: Fraction(int(fw.units[pos[i]] * dk[pos[i]]), fw.total_units) * fw.level_step for i in fw.ids if dk[pos[i]]}
    delta = sum(contrib.values(), Fraction(0))
    return WhatIf(before=before, after=after, delta=delta,
                  delta_official=(after.hundredths - before.hundredths) / 100,
                  contributions=pd.Series({i: float(c) for i, c in contrib.items()}, name="delta", dtype="float64"))


# ----------------------------------------------------------------------------- many entities
def _first_bad(mask: np.ndarray) -> tuple[int, int]:
    r, c = np.argwhere(mask)[0]
    return int(r), int(c)


def _wide_matrix(table: Any, fw: Framework, source: str) -> tuple[np.ndarray, pd.Index]:
    """Entity x indicator array in framework order, plus the entity labels."""
    if isinstance(table, np.ndarray):
        if table.ndim != 2 or table.shape[1] != fw.n:
            raise DataError(source, f"a 2-D array with {fw.n} columns in framework order", value=table.shape)
        return table, pd.RangeIndex(table.shape[0], name="entity")
    if not isinstance(table, pd.DataFrame):
        raise DataError(source, "a DataFrame (wide or long) or a 2-D numpy array", value=type(table).__name__)
    cols = {c.lower() if isinstance(c, str) else c for c in table.columns}
    if {"entity", "indicator", "level"} <= cols and len(table.columns) == 3:
        return _long_to_wide(table, fw, source)
    mapping = {}
    for c in table.columns:
        i = _norm_id(c, fw, source)
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
        if not (pd.api.types.is_numeric_dtype(ordered[c]) and not pd.api.types.is_bool_dtype(ordered[c])):
            bad = ordered[c][~ordered[c].map(lambda v: isinstance(v, numbers.Real) and not isinstance(v, bool))]
            raise DataError(source, "numeric capability levels", row=bad.index[0] if len(bad) else None, column=c,
                            value=bad.iloc[0] if len(bad) else str(ordered[c].dtype))
    return ordered.to_numpy(), table.index


def _long_to_wide(table: pd.DataFrame, fw: Framework, source: str) -> tuple[np.ndarray, pd.Index]:
    t = table.rename(columns=lambda c: c.lower())
    ind = t["indicator"].map(lambda v: _norm_id(v, fw, source))
    key = pd.DataFrame({"entity": t["entity"].to_numpy(), "indicator": ind.to_numpy()})
    dup = key.duplicated(keep="first")
    if dup.any():
        r = key[dup].iloc[0]
        raise DataError(source, "one level per entity and indicator", row=r["entity"], column=r["indicator"])
    entities = pd.Index(pd.unique(t["entity"]), name="entity")
    wide = pd.DataFrame(index=entities, columns=list(fw.ids), dtype=object)
    lv = t["level"].to_numpy()
    for e, i, v in zip(key["entity"], key["indicator"], lv):
        if isinstance(v, (bool, np.bool_)) or not isinstance(v, (numbers.Real, Decimal)):
            raise DataError(source, "a numeric capability level", row=e, column=i, value=v)
        wide.at[e, i] = v
    missing = wide.isna()
    if missing.to_numpy().any():
        r, c = _first_bad(missing.to_numpy())
        raise DataError(source, f"a level for every indicator of {fw.name}", row=entities[r], column=fw.ids[c])
    return wide.to_numpy(dtype=np.float64), entities


def _locate_bad_level(block: np.ndarray, fw: Framework, source: str, row0: int, entities: pd.Index) -> None:
    """Raise a DataError for the first bad cell of ``block`` (called only when one exists)."""
    lo, hi = fw.level_min, fw.level_max
    x = np.asarray(block, dtype=np.float64)
    k = x / float(fw.level_step)
    what = "an integer level" if fw.level_step == 1 else f"a multiple of {fw.level_step}"
    checks = [(~np.isfinite(x), f"a level between {lo} and {hi}, not a missing value"),
              ((x < lo) | (x > hi), f"a level between {lo} and {hi}"),
              (k != np.round(k), f"{what} between {lo} and {hi}")]
    for mask, expected in checks:
        with np.errstate(invalid="ignore"):
            if mask.any():
                r, c = _first_bad(mask)
                raise DataError(source, expected, row=entities[row0 + r], column=fw.ids[c], value=block[r, c].item())


def _check_block(block: np.ndarray, fw: Framework, source: str, row0: int, entities: pd.Index) -> np.ndarray:
    """Validate a block of levels; return it as integer steps (any numeric dtype)."""
    lo, hi = fw.level_min, fw.level_max
    mn, mx = block.min(initial=lo), block.max(initial=hi)  # NaN propagates and fails the test below
    if not (lo <= mn and mx <= hi):
        _locate_bad_level(block, fw, source, row0, entities)
    if np.issubdtype(block.dtype, np.integer) and fw.level_step == 1:
        return block
    k = block / float(fw.level_step) if fw.level_step != 1 else block
    if (k != np.trunc(k)).any():
        _locate_bad_level(block, fw, source, row0, entities)
    return k


def unit_sums(table: Any, framework: Framework | str, level: str = "index",
              source: str = "table argument") -> tuple[np.ndarray, pd.Index]:
    """Validated integer weighted sums ``N`` (entities x groups) and entity labels.

    ``level`` is "index" (one column), "domain" or "aspect". Exact: all operands are small
    integers, so the float64 matrix product is exact and is converted back to int64.
    """
    fw = _fw(framework)
    arr, entities = _wide_matrix(table, fw, source)
    if level == "index":
        w = fw.units.astype(np.float64)[:, None]
    else:
        w = (fw.units[:, None] * fw.membership(level)).astype(np.float64)
    out = np.empty((arr.shape[0], w.shape[1]), dtype=np.float64)
    rows = max(256, CHUNK_BYTES // max(1, arr.shape[1] * 8))
    for r0 in range(0, arr.shape[0], rows):
        block = _check_block(arr[r0:r0 + rows], fw, source, r0, entities)
        out[r0:r0 + rows] = block @ w
    return out.astype(np.int64), entities


def score_table(table: Any, framework: Framework | str, by: str | Iterable[str] = "index") -> pd.DataFrame:
    """Score many entities at once (vectorised).

    ``table`` is wide (one row per entity, one column per indicator; the index labels the
    entities), long (columns ``entity``, ``indicator``, ``level``) or a 2-D numpy array with
    columns in framework order. ``by`` is any of "index", "domain", "aspect" (or a list).

    Returns a tidy DataFrame with one row per entity and unit: ``entity``, ``level``
    ("index", "domain" or "aspect"), ``unit`` (0 for the index, else the domain/aspect
    number), ``raw`` (exact value as float), ``value`` (official, 2 decimals) and
    ``predicate`` (for the index rows; empty otherwise).
    """
    fw = _fw(framework)
    levels = [by] if isinstance(by, str) else list(by)
    for lv in levels:
        if lv not in ("index", "domain", "aspect"):
            raise DataError("by argument", "'index', 'domain' or 'aspect'", value=lv)
    level_cats = ["index", "domain", "aspect"]
    bands = fw.band_names("id")
    frames = []
    for lv in levels:
        n, entities = unit_sums(table, fw, lv)
        units = np.array([fw.total_units]) if lv == "index" else fw.group_units(lv)
        if units.size == 0:
            continue
        h = _hundredths(n, units[None, :], fw.level_step).ravel()
        raw = (n * float(fw.level_step) / units[None, :]).ravel()
        m = n.shape[1]
        unit_ids = np.zeros(1, dtype=np.int64) if lv == "index" else fw.groups(lv).to_numpy()
        codes = fw.band_index(h) if lv == "index" else np.full(len(h), -1, dtype=np.int8)
        frames.append(pd.DataFrame({
            "entity": np.repeat(entities.to_numpy(), m) if m > 1 else entities.to_numpy(),
            "level": pd.Categorical.from_codes(np.full(len(h), level_cats.index(lv), dtype=np.int8),
                                               categories=level_cats),
            "unit": np.tile(unit_ids, n.shape[0]),
            "raw": raw,
            "value": h / 100,
            "predicate": pd.Categorical.from_codes(codes, categories=bands),
        }, copy=False))
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
