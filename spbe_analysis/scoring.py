"""Exact SPBE/PEMDI scoring.

Every aspect, domain and overall index is the weighted arithmetic mean of indicator values,
``sum(w_i * L_i) / sum(w_i)``. The published value is the exact value rounded *once* to two
decimals, half up; the predicate is read from that published value (lower edges inclusive:
3.50 is Sangat Baik under SPBE 2020).

SPBE indicators are whole capability levels. PEMDI indicator values are built from
sub-criteria and are not whole levels (1.26, 2.5 ...): :func:`score` takes any exact value in
[1, 5] for PEMDI (two-decimal numbers, Decimals or exact Fractions), :func:`score_table` any
value given to two decimals. Rounding is done by :mod:`spbe_analysis.official` in integer
arithmetic, so floating point never moves a value across a rounding or band edge. Inputs are
validated by :mod:`spbe_analysis.values` (``values_vector``, ``levels_vector`` and ``level_matrix``
live there and are re-exported here).
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
from .values import indicator_value, level_blocks, level_matrix, levels_vector, values_vector

__all__ = ["Score", "WhatIf", "effective_weights", "level_matrix", "levels_vector", "predicate", "round_half_up", "score",
           "score_table", "unit_sums", "values_vector", "what_if"]


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
        v1[pos[i]] = indicator_value(v, fw, "changes argument", indicator=i)
    before, after = _score_values(fw, v0), _score_values(fw, v1)
    contrib = {i: fw.indicators.loc[i, "weight"] * (v1[pos[i]] - v0[pos[i]]) / 100 for i in fw.ids
               if v1[pos[i]] != v0[pos[i]]}
    delta = sum(contrib.values(), Fraction(0))
    return WhatIf(before=before, after=after, delta=delta,
                  delta_official=(after.hundredths - before.hundredths) / 100,
                  contributions=pd.Series({i: float(c) for i, c in contrib.items()}, name="delta", dtype="float64"))


# ----------------------------------------------------------------------------- many entities
def _sums(table: Any, fw: Framework, level: str, source: str) -> tuple[np.ndarray, pd.Index]:
    """Validated integer weighted sums (int32), computed block by block.

    Each block is validated, converted to float32 and multiplied by the integer weight units
    with BLAS: every product and partial sum is an integer below 2**24, so float32 holds it
    exactly, and a block that stays in cache makes this faster than an integer einsum."""
    blocks, entities = level_blocks(table, fw, source)
    w = fw.units[:, None] if level == "index" else fw.units[:, None] * fw.membership(level)
    top = int(w.sum(axis=0).max()) * fw.level_max * fw.level_step.denominator
    exact32 = top < 2 ** 24
    out = np.empty((len(entities), w.shape[1]), dtype=np.int32 if top < 2 ** 31 else np.int64)
    one = w.shape[1] == 1                       # one column: a matrix-vector product (BLAS gemv)
    w_f32, w_f64 = (w[:, 0] if one else w).astype(np.float32), (w[:, 0] if one else w).astype(np.float64)
    target = out[:, 0] if one else out
    for r0, block in blocks:
        r1 = r0 + len(block)
        if exact32:
            target[r0:r1] = block.astype(np.float32, copy=False) @ w_f32
        else:
            target[r0:r1] = block.astype(np.float64, copy=False) @ w_f64
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
