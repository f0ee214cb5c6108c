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

import numbers
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Mapping

import numpy as np
import pandas as pd

from .frameworks import Framework, load_framework
from .scoring import levels_vector


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
    """Decompose ``target - levels``: ``target`` is another profile, or an index value."""
    fw = load_framework(framework) if isinstance(framework, str) else framework
    a = levels_vector(levels, fw)
    step = fw.level_step
    if isinstance(target, (Mapping, pd.Series)):
        b = levels_vector(target, fw, source="target argument")
        to = [Fraction(int(k)) * step for k in b]
    elif isinstance(target, (numbers.Real, Fraction)) and not isinstance(target, bool):
        t = Fraction(str(target)) if isinstance(target, float) else Fraction(target)
        to = [t] * fw.n
    else:
        raise TypeError("target must be a profile (mapping) or an index value")
    frm = [Fraction(int(k)) * step for k in a]
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
    """Vectorised gap-to-target decomposition for many profiles (rows; columns in framework
    order): contribution of each domain/aspect (or ``by="indicator"``) to ``target - index``.
    Rows sum to the exact gap (up to float rounding of the final division)."""
    fw = load_framework(framework) if isinstance(framework, str) else framework
    L = np.asarray(levels, dtype=np.float64) * float(fw.level_step)
    short = (float(target) - L) * (fw.units.astype(np.float64) / fw.denominator) / 100
    idx = levels.index if isinstance(levels, pd.DataFrame) else pd.RangeIndex(L.shape[0])
    if by == "indicator":
        return pd.DataFrame(short, index=idx, columns=pd.Index(fw.ids, name="indicator"))
    M = fw.membership(by)
    return pd.DataFrame(short @ M, index=idx, columns=fw.groups(by))


def gap_summary(levels_by_entity: Mapping[str, pd.DataFrame], targets: Mapping[str, float],
                framework: Framework | str, by: str = "domain") -> pd.DataFrame:
    """Distribution across profiles of each group's contribution to each government's gap.

    One row per (entity, target, group): ``median``, ``p5``, ``p95``, ``min``, ``max`` of the
    contribution (index points), ``gap_median`` (median total gap) and ``largest_share`` (the
    share of profiles in which this group holds the largest contribution). With one profile
    (a real sheet) all quantiles coincide with the exact value."""
    fw = load_framework(framework) if isinstance(framework, str) else framework
    out = []
    for e, lv in levels_by_entity.items():
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
