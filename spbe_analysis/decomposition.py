"""Exact decomposition of a gap into indicator, aspect and domain contributions.

The index is linear, so for two profiles ``a`` and ``b``

    index(b) - index(a) = sum_i w_i (b_i - a_i) / 100

and, because the weights sum to 100, the gap of a profile to a target *value* T is

    T - index(a) = sum_i w_i (T - a_i) / 100,

each indicator contributing its weighted shortfall from T (negative where it is above T).
Grouping the terms by aspect or domain gives contributions that add up to the whole gap with
nothing left over; they are computed here in exact fractions.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Mapping

import numpy as np
import pandas as pd

from . import checks
from .errors import DataError
from .frameworks import Framework, as_framework
from .official import on_scale
from .scoring import level_matrix, values_vector


@dataclass(frozen=True)
class Decomposition:
    """``gap`` is exact (Fraction, index points); ``indicators`` has one row per indicator
    (``from``, ``to``, ``weight_pct``, ``contribution`` float and ``contribution_exact``);
    ``by_aspect`` and ``by_domain`` are exact sums per group as floats (they add up to ``gap``)."""

    gap: Fraction
    indicators: pd.DataFrame
    by_aspect: pd.Series
    by_domain: pd.Series
    target: Any


def decompose(levels: Mapping[Any, Any] | pd.Series, target: Mapping[Any, Any] | pd.Series | float | Fraction,
              framework: Framework | str) -> Decomposition:
    """Decompose ``target - levels`` by indicator, aspect and domain, exactly.

    Parameters
    ----------
    levels : mapping or Series
        One profile (indicator -> value).
    target : mapping, Series or number
        Another profile, or an index value (every indicator at that value).
    framework : Framework or str

    Returns
    -------
    Decomposition
        ``gap`` (exact) and the contributions (index points) per indicator, ``by_aspect`` and
        ``by_domain``; they sum to ``gap``.

    Raises
    ------
    DataError
        For a bad profile or a target off the scale.

    Examples
    --------
    >>> d = decompose({str(i): 2 for i in range(1, 48)}, 2.5, "spbe2020")
    >>> d.gap, round(float(d.by_domain.sum()), 6)
    (Fraction(1, 2), 0.5)
    """
    fw = as_framework(framework)
    frm = values_vector(levels, fw)
    if isinstance(target, (Mapping, pd.Series)):
        to = values_vector(target, fw, source="target argument")
    else:
        to = [on_scale(target, fw, "target argument")] * fw.n
    contrib = [w * (t_ - f_) / 100 for w, t_, f_ in zip(fw.indicators["weight"], to, frm)]
    df = pd.DataFrame({"domain": fw.indicators["domain"], "aspect": fw.indicators["aspect"],
                       "from": [float(x) for x in frm], "to": [float(x) for x in to],
                       "weight_pct": fw.indicators["weight_pct"], "contribution_exact": contrib})
    df["contribution"] = [float(c) for c in contrib]
    gap = sum(contrib, Fraction(0))
    by_aspect = df.groupby("aspect")["contribution_exact"].apply(lambda s: sum(s, Fraction(0)))
    by_domain = df[df["domain"] > 0].groupby("domain")["contribution_exact"].apply(lambda s: sum(s, Fraction(0)))
    assert sum(by_aspect, Fraction(0)) == gap
    return Decomposition(gap=gap, indicators=df, by_aspect=by_aspect.map(float), by_domain=by_domain.map(float),
                         target=target)


def decompose_many(levels: pd.DataFrame | np.ndarray, target: float, framework: Framework | str,
                   by: str = "domain") -> pd.DataFrame:
    """Vectorised gap-to-target decomposition for many profiles.

    Parameters
    ----------
    levels : DataFrame or array
        Profiles as rows, indicators as columns in framework order (any table
        :func:`~spbe_analysis.scoring.score_table` accepts: a long table gives one row per entity).
    target : float
        An index value on the framework's scale.
    framework : Framework or str
    by : {"domain", "aspect", "indicator"}

    Returns
    -------
    DataFrame
        Profiles x groups: the contribution of each group to ``target - index``. Rows sum to the
        exact gap (up to float rounding of the final division).

    Raises
    ------
    DataError
        For a bad profile, a target off the scale or ``by="domain"`` on a framework without domains.

    Examples
    --------
    >>> import numpy as np
    >>> round(float(decompose_many(np.full((1, 47), 2), 2.5, "spbe2020").sum(axis=1).iloc[0]), 6)
    0.5
    """
    fw = as_framework(framework)
    checks.choice(by, ("domain", "aspect", "indicator"), "by argument")
    if by == "domain" and not fw.has_domains:
        raise DataError("by argument", f"'aspect' or 'indicator' ({fw.name} has no domains)", value=by)
    t = float(on_scale(target, fw, "target argument"))
    k, entities = level_matrix(levels, fw)
    L = k * float(fw.level_step)
    short = (t - L) * (fw.units.astype(np.float64) / fw.denominator) / 100
    idx = entities if isinstance(levels, pd.DataFrame) else pd.RangeIndex(L.shape[0])
    if by == "indicator":
        return pd.DataFrame(short, index=idx, columns=pd.Index(fw.ids, name="indicator"))
    M = fw.membership(by)
    return pd.DataFrame(short @ M, index=idx, columns=fw.groups(by))


def gap_summary(levels_by_entity: Mapping[str, pd.DataFrame], targets: Mapping[str, float],
                framework: Framework | str, by: str = "domain") -> pd.DataFrame:
    """Distribution across profiles of each group's contribution to each government's gap.

    Parameters
    ----------
    levels_by_entity : dict
        Entity -> profiles (rows) of that entity.
    targets : dict
        Target name -> index value (e.g. ``{"Baik": 2.6}``).
    framework : Framework or str
    by : {"domain", "aspect", "indicator"}

    Returns
    -------
    DataFrame
        One row per (entity, target, group): ``median``, ``p5``, ``p95``, ``min``, ``max`` of the
        contribution (index points), ``gap_median`` (median total gap) and ``largest_share`` (the
        share of profiles in which this group holds the largest contribution). With one profile (a
        real sheet) all quantiles coincide with the exact value.

    Raises
    ------
    DataError
        For an empty mapping, a bad profile or a target off the scale.

    Examples
    --------
    >>> import pandas as pd
    >>> lv = pd.DataFrame([[2] * 47], columns=[str(i) for i in range(1, 48)])
    >>> s = gap_summary({"7501": lv}, {"Baik": 2.6}, "spbe2020")
    >>> len(s), round(float(s["gap_median"].iloc[0]), 2)
    (4, 0.6)
    """
    fw = as_framework(framework)
    targets = checks.mapping(targets, "targets argument", allow_empty=False)
    for tname, tv in targets.items():
        on_scale(tv, fw, f"targets argument [{tname!r}]")
    out = []
    for e, lv in checks.mapping(levels_by_entity, "levels_by_entity argument", allow_empty=False).items():
        for tname, tv in targets.items():
            d = decompose_many(lv, tv, fw, by=by)
            largest = d.idxmax(axis=1).value_counts(normalize=True)
            gap = d.sum(axis=1)
            for g in d.columns:
                col = d[g]
                out.append({"entity": e, "target": tname, "target_value": float(tv), "group": g,
                            "median": float(col.median()), "p5": float(col.quantile(0.05)),
                            "p95": float(col.quantile(0.95)), "min": float(col.min()), "max": float(col.max()),
                            "gap_median": float(gap.median()), "largest_share": float(largest.get(g, 0.0)),
                            "n_profiles": len(col)})
    return pd.DataFrame(out)


def lead_table(summary: pd.DataFrame, framework: Framework | str, by: str = "domain") -> pd.DataFrame:
    """Per (entity, target) of a :func:`gap_summary`: the group that most often leads.

    Parameters
    ----------
    summary : DataFrame
        From :func:`gap_summary`.
    framework : Framework or str
    by : {"domain", "aspect", "indicator"}
        The grouping ``summary`` was computed with.

    Returns
    -------
    DataFrame
        The group holding the largest contribution in most profiles, that share, the median gap, the
        group's median contribution and its name.

    Raises
    ------
    DataError
        When ``summary`` lacks a column.

    Examples
    --------
    >>> import pandas as pd
    >>> lv = pd.DataFrame([[2] * 47], columns=[str(i) for i in range(1, 48)])
    >>> lead_table(gap_summary({"7501": lv}, {"Baik": 2.6}, "spbe2020"), "spbe2020")["largest_share"].tolist()
    [1.0]
    """
    fw = as_framework(framework)
    s = checks.frame(summary, "summary argument",
                     columns=("entity", "target", "group", "largest_share", "gap_median", "median"))
    idx = s.groupby(["entity", "target"], sort=False)["largest_share"].idxmax()
    out = s.loc[idx, ["entity", "target", "group", "largest_share", "gap_median", "median"]].copy()
    out["group_name"] = out["group"].map(fw.group_names(by))
    return out.reset_index(drop=True)
