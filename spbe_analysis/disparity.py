"""Gaps, dispersion, convergence and rank mobility across entities. Pure functions, no I/O.

Conventions
-----------
* Values are official (published, 2-decimal) indices; gaps between them are computed in
  integer hundredths, so a gap is exact (2.60 - 2.52 = 0.08, never 0.0799999).
* With six regencies every statistic here is **descriptive**: there is no sampling to test
  against. Convergence results say so in their ``note``.
* Missing and censored values are never filled in or silently dropped: functions that take the
  published panel report which entities they used and which they excluded, and why; censored
  values can be bounded exactly (``dispersion_bounds``) instead of being treated as exact.
* SD is the population SD (ddof=0): the six regencies are the whole population, not a sample.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from . import checks
from .errors import DataError
from .frameworks import Framework
from .official import as_framework, to_hundredths
from .scoring import predicate

DESCRIPTIVE = "descriptive only: six units, no sampling; not a statistical test"


# ----------------------------------------------------------------------------- gaps
def _h(v: float, source: str = "value argument") -> int:
    return to_hundredths(v, None, source)


def _series(values: Any, source: str, allow_empty: bool = False) -> pd.Series:
    """Values as a float Series (labels kept), refused if not numeric, missing or empty."""
    if isinstance(values, pd.Series):
        s = values
    elif isinstance(values, (str, bytes, dict)) or not hasattr(values, "__len__"):
        raise DataError(source, "a Series, list or array of numbers", value=type(values).__name__)
    else:
        arr = np.asarray(values)
        if arr.ndim != 1:
            raise DataError(source, "a one-dimensional list or array of numbers", value=arr.shape)
        s = pd.Series(list(arr))
    if len(s) == 0 and not allow_empty:
        raise DataError(source, "at least one value", value="empty")
    out = [float(checks.exact_number(v, source, row=k)) for k, v in s.items()]
    return pd.Series(out, index=s.index, name=s.name, dtype="float64")


def _weights(weights: Any, n: int, source: str = "weights argument") -> np.ndarray | None:
    if weights is None:
        return None
    w = _series(weights, source).to_numpy()
    if w.shape != (n,) or (w < 0).any() or w.sum() <= 0:
        raise DataError(source, f"{n} non-negative weights (populations or shares), not all zero", value=list(w))
    return w


def next_band(value: float, fw: Framework | str) -> tuple[str | None, float | None]:
    """Name and lower edge of the band above ``value``.

    Parameters
    ----------
    value : float
        An official (2-decimal) value on the framework's scale.
    fw : Framework or str

    Returns
    -------
    tuple
        ``(name, lower edge)``, or ``(None, None)`` in the top band.

    Raises
    ------
    DataError
        For a value off the scale.

    Examples
    --------
    >>> next_band(2.52, "spbe2020")
    ('Baik', 2.6)
    """
    fw = as_framework(fw)
    k = int(fw.band_index(to_hundredths(value, fw)))
    if k + 1 >= len(fw.bands):
        return None, None
    return fw.band_names("id")[k + 1], float(fw.bands["lower"].iloc[k + 1])


def gap_to(value: float, target: float) -> float:
    """Exact gap ``target - value`` between 2-decimal values (positive = below target).

    Parameters
    ----------
    value, target : float
        Official 2-decimal values.

    Returns
    -------
    float

    Raises
    ------
    DataError
        For a missing or non-numeric value.

    Examples
    --------
    >>> gap_to(2.52, 2.60)
    0.08
    """
    return (_h(target, "target argument") - _h(value)) / 100


def gap_table(values: pd.Series, fw: Framework, province: float | None = None, national: float | None = None,
              targets: dict[str, float] | None = None) -> pd.DataFrame:
    """Gaps of each entity to the next band, the province, the nation and the best.

    Parameters
    ----------
    values : Series
        Official 2-decimal values indexed by entity id.
    fw : Framework or str
    province, national : float, optional
        Reference values.
    targets : dict, optional
        Further named targets, ``{name: value}``.

    Returns
    -------
    DataFrame
        Columns ``value``, ``predicate``, ``next_band``, ``gap_next_band`` (to the next band's lower
        edge; NA with ``next_band`` "-" in the top band), ``gap_province``, ``gap_national``,
        ``gap_best`` (to the best entity in ``values``) and ``gap_<name>`` for each target. Positive
        gaps mean "below"; a negative gap means the entity is above that reference.

    Raises
    ------
    DataError
        For a missing value or a reference off the scale.

    Examples
    --------
    >>> import pandas as pd
    >>> v = pd.Series({"7501": 2.40, "7502": 2.68, "7503": 2.52, "7504": 3.00, "7505": 2.89, "7571": 2.82})
    >>> r = gap_table(v, "spbe2020", province=4.13).loc["7501"]
    >>> r["next_band"], float(r["gap_next_band"]), float(r["gap_province"])
    ('Baik', 0.2, 1.73)
    """
    fw = as_framework(fw)
    values = _series(values, "values argument")
    for nm, ref in (("province", province), ("national", national)):
        if ref is not None:
            to_hundredths(ref, fw, f"{nm} argument")
    targets = checks.mapping(targets or {}, "targets argument")
    for nm, tv in targets.items():
        to_hundredths(tv, fw, f"targets argument [{nm!r}]")
    for e, v in values.items():
        to_hundredths(v, fw, f"values argument [{e}]")
    rows = []
    best = max(_h(v) for v in values)
    for e, v in values.items():
        v = float(v)
        nb, edge = next_band(v, fw)
        r = {"entity": e, "value": v, "predicate": predicate(v, fw), "next_band": nb or "-",
             "gap_next_band": gap_to(v, edge) if edge is not None else pd.NA}
        if province is not None:
            r["gap_province"] = gap_to(v, province)
        if national is not None:
            r["gap_national"] = gap_to(v, national)
        r["gap_best"] = (best - _h(v)) / 100
        for name, tv in targets.items():
            r[f"gap_{name}"] = gap_to(v, tv)
        rows.append(r)
    df = pd.DataFrame(rows).set_index("entity")
    df["gap_next_band"] = df["gap_next_band"].astype("Float64")
    return df


def pairwise_gaps(values: pd.Series) -> pd.DataFrame:
    """Matrix of exact gaps: cell (row i, column j) = value_j - value_i.

    Parameters
    ----------
    values : Series
        Official 2-decimal values indexed by entity id.

    Returns
    -------
    DataFrame
        Entities x entities.

    Raises
    ------
    DataError
        For a missing or non-numeric value.

    Examples
    --------
    >>> import pandas as pd
    >>> v = pd.Series({"7501": 2.40, "7502": 2.68, "7503": 2.52, "7504": 3.00, "7505": 2.89, "7571": 2.82})
    >>> float(pairwise_gaps(v).loc["7501", "7504"])
    0.6
    """
    values = _series(values, "values argument")
    h = np.array([_h(v) for v in values])
    return pd.DataFrame((h[None, :] - h[:, None]) / 100, index=values.index, columns=values.index)


# ----------------------------------------------------------------------------- dispersion
def _shares(values: np.ndarray, weights: Any) -> np.ndarray:
    w = _weights(weights, len(values))
    if w is None:
        return np.full(len(values), 1 / len(values))
    return w / w.sum()


def gini(values, weights=None) -> float:
    """Gini coefficient, ``sum_ij s_i s_j |x_i - x_j| / (2 mu)`` (= PySAL's form unweighted).

    Parameters
    ----------
    values : sequence or Series
        Non-negative values, not all zero.
    weights : sequence or Series, optional
        Populations or shares (``s_i``); equal shares by default.

    Returns
    -------
    float

    Raises
    ------
    DataError
        For negative or all-zero values, or bad weights.

    Examples
    --------
    >>> round(gini([1, 1, 1, 3]), 4)
    0.25
    """
    x = _series(values, "values argument").to_numpy()
    if (x < 0).any() or x.sum() <= 0:
        raise DataError("values argument", "non-negative values, not all zero", value=float(x.min()))
    s = _shares(x, weights)
    mu = float(s @ x)
    return float((s[:, None] * s[None, :] * np.abs(x[:, None] - x[None, :])).sum() / (2 * mu))


def theil(values, weights=None) -> float:
    """Theil T index, ``sum_i s_i (x_i/mu) ln(x_i/mu)``.

    Parameters
    ----------
    values : sequence or Series
        Positive values.
    weights : sequence or Series, optional
        Populations or shares (``s_i``); equal shares by default.

    Returns
    -------
    float

    Raises
    ------
    DataError
        For a value that is not positive.

    Examples
    --------
    >>> theil([2, 2, 2])
    0.0
    """
    x = _series(values, "values argument").to_numpy()
    if (x <= 0).any():
        raise DataError("values argument", "positive values (Theil T takes logarithms)", value=float(x.min()))
    s = _shares(x, weights)
    r = x / float(s @ x)
    return float((s * r * np.log(r)).sum())


def dispersion(values, weights=None) -> pd.Series:
    """Range, max/min ratio, SD (population), CV, Gini and Theil T of ``values``.

    Parameters
    ----------
    values : sequence or Series
        Positive values (exact ones: see :func:`dispersion_bounds` for censored values).
    weights : sequence or Series, optional
        Populations or shares for population-weighted measures.

    Returns
    -------
    Series
        ``range``, ``max_min_ratio``, ``mean``, ``sd``, ``cv``, ``gini``, ``theil``.

    Raises
    ------
    DataError
        For a value that is not positive.

    Examples
    --------
    >>> import pandas as pd
    >>> v = pd.Series({"7501": 2.40, "7502": 2.68, "7503": 2.52, "7504": 3.00, "7505": 2.89, "7571": 2.82})
    >>> round(float(dispersion(v)["range"]), 2)
    0.6
    """
    x = _series(values, "values argument").to_numpy()   # missing or censored values: see dispersion_bounds
    if (x <= 0).any():
        raise DataError("values argument", "positive values (index values are >= 1)", value=float(x.min()))
    s = _shares(x, weights)
    mu = float(s @ x)
    sd = math.sqrt(float(s @ (x - mu) ** 2))
    return pd.Series({"n": int(x.size), "mean": mu, "min": float(x.min()), "max": float(x.max()),
                      "range": float(x.max() - x.min()), "max_min_ratio": float(x.max() / x.min()),
                      "sd": sd, "cv": sd / mu, "gini": gini(x, weights), "theil": theil(x, weights)})


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
        Populations.

    Returns
    -------
    TheilDecomposition
        ``total``, ``within``, ``between`` and the per-group table.

    Examples
    --------
    >>> import pandas as pd
    >>> d = theil_decomposition(pd.Series({"a": 2.0, "b": 2.0, "c": 4.0, "d": 4.0}), pd.Series({"a": 1, "b": 1, "c": 2, "d": 2}))
    >>> round(d.within, 6), round(d.between - d.total, 6)
    (0.0, 0.0)
    """
    x = values.astype(float)
    w = pd.Series(1.0, index=x.index) if weights is None else weights.reindex(x.index).astype(float)
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


def dispersion_bounds(exact: pd.Series, censored: dict[str, tuple[float, float]], measure: str = "cv",
                      weights: pd.Series | None = None, max_combinations: int = 2_000_000) -> tuple[float, float]:
    """Exact bounds of a dispersion measure when some values are censored.

    Every combination of possible 2-decimal values is evaluated, so the bounds are exact, not
    approximations.

    Parameters
    ----------
    exact : Series
        The exact values, by entity.
    censored : dict
        Entity -> (lowest, highest) possible *published* value (for "below 2.03" under SPBE 2020:
        (1.00, 2.02)).
    measure : {"sd", "cv", "range", "max_min_ratio", "gini", "theil", "mean"}
    weights : Series, optional
        Populations.
    max_combinations : int
        Refuse rather than run longer than this many combinations.

    Returns
    -------
    tuple of float
        ``(min, max)`` of ``measure``.

    Raises
    ------
    DataError
        For a bad range, an unknown measure or too many combinations.

    Examples
    --------
    >>> import pandas as pd
    >>> dispersion_bounds(pd.Series({"a": 2.0, "b": 3.0}), {"c": (1.0, 2.02)}, "range")
    (1.0, 2.0)
    """
    exact = _series(exact, "exact argument", allow_empty=True)
    checks.choice(measure, ("sd", "cv", "range", "max_min_ratio", "gini", "theil", "mean"), "measure argument")
    censored = checks.mapping(censored, "censored argument")
    for e, b in censored.items():
        if not isinstance(b, tuple) or len(b) != 2 or _h(b[0], "censored argument") > _h(b[1], "censored argument"):
            raise DataError("censored argument", "(lowest, highest) possible published value per entity", row=e, value=b)
    if len(exact) + len(censored) < 1:
        raise DataError("exact/censored arguments", "at least one value", value="none")
    names = list(censored)
    grids = [np.arange(_h(lo), _h(hi) + 1) / 100 for lo, hi in (censored[n] for n in names)]
    n_comb = math.prod(len(g) for g in grids)
    if n_comb > max_combinations:
        raise DataError("censored argument", f"at most max_combinations={max_combinations} combinations of censored "
                        "values", value=n_comb)
    base = exact.astype(float)
    order = list(base.index) + names
    w = None if weights is None else weights.reindex(order).astype(float).to_numpy()
    if not names:
        v = float(dispersion(base.to_numpy(), w)[measure])
        return v, v
    mesh = np.stack(np.meshgrid(*grids, indexing="ij"), axis=-1).reshape(-1, len(names))
    x = np.concatenate([np.broadcast_to(base.to_numpy(), (len(mesh), len(base))), mesh], axis=1)
    vals = _vector_measure(x, measure, w)
    return float(vals.min()), float(vals.max())


def _vector_measure(x: np.ndarray, measure: str, w: np.ndarray | None) -> np.ndarray:
    """A dispersion measure of each row of ``x`` (vectorised twin of :func:`dispersion`)."""
    s = np.full(x.shape[1], 1 / x.shape[1]) if w is None else w / w.sum()
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
    if measure == "mean":
        return mu
    raise DataError("measure argument", "one of 'sd', 'cv', 'range', 'max_min_ratio', 'gini', 'theil', 'mean'",
                    value=measure)


# ----------------------------------------------------------------------------- over time
def censor_range(row: pd.Series, fw: Framework) -> tuple[float, float]:
    """Possible published values of a censored ('below') row.

    Parameters
    ----------
    row : Series
        A row of :func:`spbe_analysis.load_published` with ``status`` "below".
    fw : Framework

    Returns
    -------
    tuple of float
        ``(level_min, bound - 0.01)``.

    Examples
    --------
    >>> import pandas as pd
    >>> from spbe_analysis.official import as_framework
    >>> censor_range(pd.Series({"bound": 2.03}), as_framework("spbe2020"))
    (1.0, 2.02)
    """
    return float(fw.level_min), (_h(float(row["bound"])) - 1) / 100


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
    >>> from spbe_analysis.official import as_framework
    >>> s = sigma_convergence(load_published(), ("7501", "7502", "7503"), [2022, 2024], as_framework("spbe2020"), ("range",))
    >>> s[["year", "censored"]].values.tolist()
    [[2022, '7501,7503'], [2024, '']]
    """
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

    Returns
    -------
    dict
        ``slope_per_year``, ``intercept``, ``r2``, ``n_years`` and the descriptive ``note``.

    Examples
    --------
    >>> round(trend([2022, 2023, 2024], [2.0, 2.5, 3.0])["slope_per_year"], 6)
    0.5
    """
    res = stats.linregress(np.asarray(years, dtype=float), np.asarray(values, dtype=float))
    return {"slope_per_year": float(res.slope), "intercept": float(res.intercept), "r2": float(res.rvalue ** 2),
            "n_years": len(years), "note": DESCRIPTIVE}


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
        ``beta``, its p-value, ``speed``, ``half_life`` and the descriptive caveat.

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


def rank_mobility(v0: pd.Series, v1: pd.Series) -> dict:
    """Kendall tau between the values of two years (same entities, exact values).

    Parameters
    ----------
    v0, v1 : Series
        Values indexed by entity; only common entities count.

    Returns
    -------
    dict
        ``tau``, ``n``, ``ranks`` (rank in each year and the change) and the descriptive ``note``.

    Examples
    --------
    >>> import pandas as pd
    >>> rank_mobility(pd.Series({"a": 1.0, "b": 2.0, "c": 3.0}), pd.Series({"a": 1.5, "b": 2.5, "c": 3.5}))["tau"]
    1.0
    """
    common = v0.index.intersection(v1.index)
    tau = stats.kendalltau(v0.loc[common].astype(float), v1.loc[common].astype(float))
    ranks = pd.DataFrame({"rank_0": v0.loc[common].rank(ascending=False, method="min").astype(int),
                          "rank_1": v1.loc[common].rank(ascending=False, method="min").astype(int)})
    ranks["change"] = ranks["rank_0"] - ranks["rank_1"]
    return {"tau": float(tau.statistic), "n": len(common), "ranks": ranks, "note": DESCRIPTIVE}


def band_label(row: pd.Series, fw: Framework) -> str:
    """Predicate of a published row, or every band a censored row could lie in.

    Parameters
    ----------
    row : Series
        A row of :func:`spbe_analysis.load_published`.
    fw : Framework

    Returns
    -------
    str
        The predicate; for a censored row the possible bands joined by "/" (e.g. 'Kurang/Cukup');
        'n/a' when missing.

    Examples
    --------
    >>> import pandas as pd
    >>> from spbe_analysis.official import as_framework
    >>> band_label(pd.Series({"status": "below", "bound": 2.03}), as_framework("spbe2020"))
    'Kurang/Cukup'
    """
    if row["status"] == "exact":
        return predicate(float(row["value"]), fw)
    if row["status"] == "below":
        lo, hi = censor_range(row, fw)
        names = fw.band_names("id")
        return "/".join(names[int(fw.band_index(_h(lo))): int(fw.band_index(_h(hi))) + 1])
    return "n/a"


def band_transitions(published: pd.DataFrame, entities: tuple[str, ...], y0: int, y1: int,
                     fw: Framework) -> pd.DataFrame:
    """Per entity: band in ``y0`` and ``y1`` and whether it moved.

    Parameters
    ----------
    published : DataFrame
        :func:`spbe_analysis.load_published`.
    entities : tuple of str
    y0, y1 : int
    fw : Framework

    Returns
    -------
    DataFrame
        Band in each year (censored rows as the set of possible bands) and ``move``: ``up``,
        ``same`` or ``down`` (``uncertain`` when a censored band spans the move).

    Examples
    --------
    >>> from spbe_analysis import load_published
    >>> from spbe_analysis.official import as_framework
    >>> band_transitions(load_published(), ("7504",), 2023, 2024, as_framework("spbe2020"))["move"].tolist()
    ['same']
    """
    names = fw.band_names("id")
    rank = {n: i for i, n in enumerate(names)}
    out = []
    for e in entities:
        r0 = published[(published["entity_id"] == e) & (published["year"] == y0)].iloc[0]
        r1 = published[(published["entity_id"] == e) & (published["year"] == y1)].iloc[0]
        b0, b1 = band_label(r0, fw), band_label(r1, fw)
        if "n/a" in (b0, b1):
            move = "n/a"
        else:
            k0 = [rank[b] for b in b0.split("/")]
            k1 = [rank[b] for b in b1.split("/")]
            if min(k1) > max(k0):
                move = "up"
            elif max(k1) < min(k0):
                move = "down"
            elif len(k0) == len(k1) == 1:
                move = "same"
            else:
                move = "uncertain"
        out.append({"entity": e, f"band_{y0}": b0, f"band_{y1}": b1, "move": move})
    return pd.DataFrame(out).set_index("entity")
