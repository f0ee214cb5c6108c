"""Convergence over time: sigma convergence (dispersion by year, censored years bounded exactly),
its trend, and beta convergence. With six regencies every result is descriptive and says so."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import checks
from ..errors import DataError
from ..frameworks import Framework
from ..panel import same_instrument
from .censoring import censor_range, dispersion_bounds
from .values import DESCRIPTIVE, as_values


def sigma_convergence(published: pd.DataFrame, entities: tuple[str, ...], years: list[int], fw: Framework,
                      measures: tuple[str, ...] = ("range", "sd", "cv", "gini", "theil"),
                      weights: pd.Series | None = None) -> pd.DataFrame:
    """Dispersion by year with explicit handling of censored and missing values.

    Parameters
    ----------
    published : DataFrame
        :func:`spbe_analysis.load_published`.
    entities : tuple of str
    years : list of int
    fw : Framework
    measures : tuple of str
        Measures of :func:`dispersion`.
    weights : Series, optional
        Populations.

    Returns
    -------
    DataFrame
        One row per year and measure: ``value`` (exact when every entity is exact, else NA),
        ``low`` and ``high`` (exact bounds over every possible value of the censored entities; equal
        to ``value`` when nothing is censored), ``n_exact``, ``censored`` and ``missing`` (entity
        ids). Years with a missing entity give bounds over the entities present only and say so in
        ``missing``.

    Examples
    --------
    >>> from spbe_analysis import load_published
    >>> from spbe_analysis.frameworks import as_framework
    >>> s = sigma_convergence(load_published(), ("7501", "7502", "7503"), [2022, 2024], as_framework("spbe2020"), ("range",))
    >>> s[["year", "censored"]].values.tolist()
    [[2022, '7501,7503'], [2024, '']]
    """
    if "instrument" in published.columns:
        same_instrument(published, years, "years argument (sigma convergence)")
    out = []
    for y in years:
        rows = published[(published["year"] == y) & published["entity_id"].isin(entities)].set_index("entity_id")
        exact = rows.loc[rows["status"] == "exact", "value"].astype(float)
        cens = {e: censor_range(r, fw) for e, r in rows[rows["status"] == "below"].iterrows()}
        missing = sorted(set(entities) - set(exact.index) - set(cens))
        for m in measures:
            if len(exact) + len(cens) < 2:  # nothing (or one value) known: no dispersion, none invented
                lo = hi = float("nan")
            else:
                lo, hi = dispersion_bounds(exact, cens, m, weights)
            out.append({"year": y, "measure": m, "value": lo if not cens and len(exact) > 1 else pd.NA,
                        "low": lo, "high": hi,
                        "n_exact": len(exact), "censored": ",".join(sorted(cens)), "missing": ",".join(missing)})
    df = pd.DataFrame(out)
    df["value"] = df["value"].astype("Float64")
    df["low"] = df["low"].astype("Float64")    # NaN (nothing known) becomes NA
    df["high"] = df["high"].astype("Float64")
    return df


def trend(years, values) -> dict:
    """OLS slope per year of ``values`` on ``years`` (descriptive).

    Parameters
    ----------
    years, values : sequences of numbers
        Of the same length, at least two distinct years.

    Returns
    -------
    dict
        ``slope_per_year``, ``intercept``, ``r2``, ``n_years`` and the descriptive ``note``.

    Raises
    ------
    DataError
        For years and values of different lengths, a missing or non-numeric value, or fewer than
        two distinct years.

    Examples
    --------
    >>> round(trend([2022, 2023, 2024], [2.0, 2.5, 3.0])["slope_per_year"], 6)
    0.5
    """
    from scipy import stats  # lazy: most pages never need it
    x, y = as_values(years, "years argument").to_numpy(), as_values(values, "values argument").to_numpy()
    if len(x) != len(y) or len(set(x)) < 2:
        raise DataError("years/values arguments", "one value per year, at least two distinct years",
                        value=f"{len(x)} years, {len(y)} values")
    res = stats.linregress(x, y)
    return {"slope_per_year": float(res.slope), "intercept": float(res.intercept), "r2": float(res.rvalue ** 2),
            "n_years": len(x), "note": DESCRIPTIVE}


def sigma_trend(sig: pd.DataFrame, measure: str) -> dict:
    """OLS slope per year of one measure over the years of :func:`sigma_convergence`.

    A censored year enters at its lower and its upper bound; since the slope is linear in every
    value, the slopes at those extremes bound it exactly.

    Parameters
    ----------
    sig : DataFrame
        From :func:`sigma_convergence`.
    measure : str

    Returns
    -------
    dict
        The slope bounds (``slope_low``, ``slope_high``), ``n_years`` and the descriptive ``note``.

    Examples
    --------
    >>> import pandas as pd
    >>> sig = pd.DataFrame({"year": [2022, 2023, 2024], "measure": "cv", "low": [0.2, 0.1, 0.1], "high": [0.3, 0.1, 0.1]})
    >>> t = sigma_trend(sig, "cv")
    >>> round(t["slope_low"], 6), round(t["slope_high"], 6)
    (-0.1, -0.05)
    """
    d = sig[sig["measure"] == measure].sort_values("year")
    years = d["year"].to_numpy(dtype=float)
    lo, hi = d["low"].to_numpy(dtype=float), d["high"].to_numpy(dtype=float)
    xc = years - years.mean()
    w = xc / (xc ** 2).sum()             # slope = w @ y, linear in y
    s_lo = float(np.where(w >= 0, lo, hi) @ w)
    s_hi = float(np.where(w >= 0, hi, lo) @ w)
    return {"measure": measure, "years": f"{int(years[0])}-{int(years[-1])}", "n_years": len(years),
            "slope_low": s_lo, "slope_high": s_hi, "falling": s_hi < 0, "note": DESCRIPTIVE}


@dataclass(frozen=True)
class BetaConvergence:
    beta: float
    intercept: float
    r2: float
    speed: float | None        # lambda, per year (None when not defined: beta*T <= -1 or beta >= 0)
    half_life: float | None    # years
    n: int
    years: tuple[int, int]
    data: pd.DataFrame         # per entity: v0, v1, log_v0, growth
    note: str = DESCRIPTIVE


def beta_convergence(v0: pd.Series, v1: pd.Series, t0: int, t1: int) -> BetaConvergence:
    """Beta convergence: annualised growth ``ln(v1/v0)/T`` regressed on ``ln(v0)``.

    beta < 0 means catching up; speed ``lambda = -ln(1 + beta T)/T``, half-life ``ln 2 / lambda``.

    Parameters
    ----------
    v0, v1 : Series
        Exact values of the same entities (at least 3) in years ``t0`` and ``t1``.
    t0, t1 : int
        The years, ``t1 > t0``.

    Returns
    -------
    BetaConvergence
        ``beta`` (the OLS slope), ``intercept``, ``r2``, ``speed`` and ``half_life`` (None when not
        defined), ``n``, ``years``, the per-entity ``data`` and the descriptive ``note``. No p-value
        or standard error is returned: six regencies are the whole population, not a sample.

    Raises
    ------
    DataError
        For fewer than 3 entities, different entities, missing values or ``t1 <= t0``.

    Examples
    --------
    >>> import pandas as pd
    >>> b = beta_convergence(pd.Series({"a": 2.0, "b": 3.0, "c": 4.0}), pd.Series({"a": 3.0, "b": 3.5, "c": 4.1}), 2022, 2024)
    >>> b.beta < 0
    True
    """
    from scipy import stats  # lazy: most pages never need it
    for nm, v in (("v0", v0), ("v1", v1)):
        if not isinstance(v, pd.Series) or len(v) < 3:
            raise DataError(f"{nm} argument", "a Series of at least 3 values indexed by entity", value=type(v).__name__)
    t0 = checks.count(t0, "t0 argument", minimum=0)
    t1 = checks.count(t1, "t1 argument", minimum=t0 + 1)
    if set(v0.index) != set(v1.index):
        raise DataError("v1 argument", "the same entities as v0", value=sorted(set(v0.index) ^ set(v1.index)))
    if v0.isna().any() or v1.isna().any():
        raise DataError("v0/v1 arguments", "exact values only: drop censored or missing entities explicitly",
                        value=[e for e in v0.index if pd.isna(v0[e]) or pd.isna(v1.get(e))])
    T = t1 - t0
    d = pd.DataFrame({"v0": v0.astype(float), "v1": v1.reindex(v0.index).astype(float)})
    d["log_v0"] = np.log(d["v0"])
    d["growth"] = np.log(d["v1"] / d["v0"]) / T
    res = stats.linregress(d["log_v0"], d["growth"])
    beta = float(res.slope)
    speed = half = None
    if beta < 0 and 1 + beta * T > 0:
        speed = -math.log(1 + beta * T) / T
        half = math.log(2) / speed
    return BetaConvergence(beta=beta, intercept=float(res.intercept), r2=float(res.rvalue ** 2), speed=speed,
                           half_life=half, n=len(d), years=(t0, t1), data=d)
