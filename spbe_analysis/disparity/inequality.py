"""Inequality of values across entities: dispersion (range, ratio, SD, CV), Gini, Theil T and
its within/between decomposition. Every measure is computed by one function, :func:`row_measure`,
for one set of values or for many at once (the censored bounds evaluate it over every possible
combination).

SD is the population SD (ddof=0): the six regencies are the whole population, not a sample.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import checks
from ..errors import DataError
from .values import as_shares, as_values

MEASURES = ("mean", "range", "max_min_ratio", "sd", "cv", "gini", "theil")


def row_measure(x: np.ndarray, measure: str, shares: np.ndarray) -> np.ndarray:
    """One dispersion measure of each row of ``x``: the single implementation behind
    :func:`dispersion`, :func:`gini`, :func:`theil` and the censored bounds.

    Parameters
    ----------
    x : numpy.ndarray
        Rows of positive values (rows x entities), already checked by the caller.
    measure : {"mean", "range", "max_min_ratio", "sd", "cv", "gini", "theil"}
        SD is the population SD (ddof=0); Gini is ``sum_ij s_i s_j |x_i - x_j| / (2 mu)``; Theil T is
        ``sum_i s_i (x_i/mu) ln(x_i/mu)``.
    shares : numpy.ndarray
        One population share per column, summing to 1 (see :func:`~spbe_analysis.disparity.values.as_shares`).

    Returns
    -------
    numpy.ndarray
        One value per row.

    Raises
    ------
    DataError
        For an unknown measure, or shares that are not one per column of ``x``.

    Examples
    --------
    >>> import numpy as np
    >>> row_measure(np.array([[1.0, 1.0, 1.0, 3.0], [2.0, 2.0, 2.0, 2.0]]), "gini", np.full(4, 0.25)).tolist()
    [0.25, 0.0]
    """
    checks.choice(measure, MEASURES, "measure argument")
    if np.ndim(x) != 2 or np.shape(shares) != (np.shape(x)[1],):
        raise DataError("x/shares arguments", "rows x entities values and one share per entity (column of x)",
                        value=(np.shape(x), np.shape(shares)))
    s = shares
    mu = x @ s
    if measure in ("sd", "cv"):
        sd = np.sqrt(((x - mu[:, None]) ** 2) @ s)
        return sd if measure == "sd" else sd / mu
    if measure == "range":
        return x.max(1) - x.min(1)
    if measure == "max_min_ratio":
        return x.max(1) / x.min(1)
    if measure == "gini":
        d = np.abs(x[:, :, None] - x[:, None, :])
        return (d * (s[:, None] * s[None, :])).sum((1, 2)) / (2 * mu)
    if measure == "theil":
        r = x / mu[:, None]
        return (r * np.log(r)) @ s
    return mu


def _values_shares(values, weights, bad, expected: str) -> tuple[np.ndarray, np.ndarray]:
    """The values, refused where ``bad(values)`` (with ``expected``), and their population shares (a
    Series of weights read by the labels of a Series of values)."""
    v = as_values(values)
    x = v.to_numpy()
    if bad(x):
        raise DataError("values argument", expected, value=float(x.min()))
    return x, as_shares(len(x), weights, labels=v.index if isinstance(values, pd.Series) else None)


def gini(values, weights=None) -> float:
    """Gini coefficient, ``sum_ij s_i s_j |x_i - x_j| / (2 mu)`` (= PySAL's form unweighted).

    Parameters
    ----------
    values : sequence or Series
        Non-negative values, not all zero.
    weights : sequence or Series, optional
        Populations or shares (``s_i``); equal shares by default. A Series of weights is read by
        the labels of a Series of values.

    Returns
    -------
    float

    Raises
    ------
    DataError
        For negative or all-zero values, or bad weights (the wrong number, labels that are not those
        of the values, a negative weight or all zero).

    Examples
    --------
    >>> round(gini([1, 1, 1, 3]), 4)
    0.25
    """
    x, s = _values_shares(values, weights, lambda a: (a < 0).any() or a.sum() <= 0, "non-negative values, not all zero")
    return float(row_measure(x[None, :], "gini", s)[0])


def theil(values, weights=None) -> float:
    """Theil T index, ``sum_i s_i (x_i/mu) ln(x_i/mu)``.

    Parameters
    ----------
    values : sequence or Series
        Positive values.
    weights : sequence or Series, optional
        As in :func:`gini`.

    Returns
    -------
    float

    Raises
    ------
    DataError
        For a value that is not positive, or bad weights (as in :func:`gini`).

    Examples
    --------
    >>> theil([2, 2, 2])
    0.0
    """
    x, s = _values_shares(values, weights, lambda a: (a <= 0).any(), "positive values (Theil T takes logarithms)")
    return float(row_measure(x[None, :], "theil", s)[0])


def dispersion(values, weights=None) -> pd.Series:
    """Range, max/min ratio, SD (population), CV, Gini and Theil T of ``values``.

    Parameters
    ----------
    values : sequence or Series
        Positive values (exact ones: see :func:`dispersion_bounds` for censored values).
    weights : sequence or Series, optional
        Populations or shares for population-weighted measures (as in :func:`gini`).

    Returns
    -------
    Series
        ``range``, ``max_min_ratio``, ``mean``, ``sd``, ``cv``, ``gini``, ``theil``.

    Raises
    ------
    DataError
        For a value that is not positive, or bad weights (as in :func:`gini`).

    Examples
    --------
    >>> import pandas as pd
    >>> v = pd.Series({"7501": 2.40, "7502": 2.68, "7503": 2.52, "7504": 3.00, "7505": 2.89, "7571": 2.82})
    >>> round(float(dispersion(v)["range"]), 2)
    0.6
    """
    # missing or censored values: see dispersion_bounds
    x, s = _values_shares(values, weights, lambda a: (a <= 0).any(), "positive values (index values are >= 1)")
    m = {k: float(row_measure(x[None, :], k, s)[0]) for k in MEASURES}
    return pd.Series({"n": int(x.size), "mean": m["mean"], "min": float(x.min()), "max": float(x.max()),
                      "range": m["range"], "max_min_ratio": m["max_min_ratio"], "sd": m["sd"], "cv": m["cv"],
                      "gini": m["gini"], "theil": m["theil"]})


@dataclass(frozen=True)
class TheilDecomposition:
    total: float
    within: float
    between: float
    groups: pd.DataFrame = field(repr=False)  # per group: n, mean, share, theil


def theil_decomposition(values: pd.Series, groups: pd.Series, weights: pd.Series | None = None) -> TheilDecomposition:
    """Theil T split into within- and between-group parts.

    ``T = sum_g s_g T_g (within) + sum_g s_g ln(mu_g / mu) (between)``, where ``s_g`` is the
    group's share of the total (population-weighted if ``weights`` are given).

    Parameters
    ----------
    values : Series
        Positive values indexed by entity.
    groups : Series
        The group of each entity.
    weights : Series, optional
        Populations, one for every entity of ``values``.

    Returns
    -------
    TheilDecomposition
        ``total``, ``within``, ``between`` and the per-group table.

    Raises
    ------
    DataError
        For values that are not a Series of positive values, groups or weights that are not given
        for exactly the entities of ``values``.

    Examples
    --------
    >>> import pandas as pd
    >>> d = theil_decomposition(pd.Series({"a": 2.0, "b": 2.0, "c": 4.0, "d": 4.0}), pd.Series({"a": 1, "b": 1, "c": 2, "d": 2}))
    >>> round(d.within, 6), round(d.between - d.total, 6)
    (0.0, 0.0)
    """
    if not isinstance(values, pd.Series):
        raise DataError("values argument", "a Series of positive values indexed by entity", value=type(values).__name__)
    if not isinstance(groups, pd.Series) or set(groups.index) != set(values.index) or len(groups) != len(values):
        odd = sorted(set(getattr(groups, "index", [])) ^ set(values.index), key=str) if isinstance(groups, pd.Series) else []
        raise DataError("groups argument", "a Series giving the group of every entity of values, and only those",
                        row=odd[0] if odd else None, value=len(groups) if hasattr(groups, "__len__") else groups)
    xs, shares = _values_shares(values, weights, lambda a: (a <= 0).any(), "positive values (Theil T takes logarithms)")
    x, w = pd.Series(xs, index=values.index), pd.Series(shares, index=values.index)
    mu = float((w * x).sum() / w.sum())
    rows = {}
    for g, idx in x.groupby(groups.reindex(x.index)).groups.items():
        xg, wg = x.loc[idx], w.loc[idx]
        mug = float((wg * xg).sum() / wg.sum())
        rows[g] = {"n": len(xg), "mean": mug, "share": float((wg * xg).sum() / (w * x).sum()),
                   "theil": theil(xg.to_numpy(), wg.to_numpy())}
    gdf = pd.DataFrame(rows).T
    gdf["n"] = gdf["n"].astype(int)
    within = float((gdf["share"] * gdf["theil"]).sum())
    between = float((gdf["share"] * np.log(gdf["mean"] / mu)).sum())
    return TheilDecomposition(total=theil(x.to_numpy(), w.to_numpy()), within=within, between=between, groups=gdf)
