"""Each regency's projected PEMDI starting range (PermenPANRB 8/2026) through the unofficial
SPBE-to-PEMDI crosswalk (:mod:`spbe_analysis.pemdi.crosswalk`).

Projection (an assumption, documented in ``data/assumptions/pemdi_projection.csv``): a PEMDI
indicator that is not set by a national index takes

    v_j = sum_i s_ij * (1 + c * (L_i - 1)) + n_j * x_new

where ``L_i`` are the regency's SPBE 2020 levels, ``s_ij`` the crosswalk shares (the part of
PEMDI indicator j that SPBE indicator i informs), ``n_j = 1 - sum_i s_ij`` the new part, ``c``
the credit that carried-over evidence keeps on the stricter instrument and ``x_new`` the value
of the new part; an externally determined indicator (I5, I6, I7, I18) takes ``x_ext``. All
shares and scenario values have at most two decimals, so ``10**4 * v_j`` is an integer and the
projected index is computed exactly and rounded once, as the official index is.

Because the index is linear, its spread splits exactly into the part from the SPBE profile and
the parts from the unknown new and external values (which do not depend on the profile).
Everything here is UNOFFICIAL (the crosswalk is ours) and, on illustrative profiles,
ILLUSTRATIVE.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Mapping

import numpy as np
import pandas as pd

from .. import checks
from ..errors import DataError
from ..official import hundredths
from ..scoring import level_matrix, score
from .crosswalk import Assumptions, Crosswalk, crosswalk_arrays, load_assumptions

#: The three scenarios of the credit given to carried-over evidence: name -> column of the assumptions.
SCENARIOS = {"strict": "low", "central": "central", "full_credit": "high"}


def _hundredths_of(x: Any, source: str, lo: int, hi: int) -> int:
    v = checks.exact_number(x, source)
    if (v * 100).denominator != 1 or not lo <= v <= hi:
        raise DataError(source, f"a value between {lo} and {hi} with at most 2 decimals", value=x)
    return int(v * 100)


def project_values(levels: Any, carry: Any, new_value: Any, external_value: Any,
                   cw: Crosswalk | None = None) -> np.ndarray:
    """Projected PEMDI indicator values of SPBE 2020 profiles, exact.

    Parameters
    ----------
    levels : DataFrame or array
        SPBE 2020 profiles, what :func:`spbe_analysis.score_table` accepts.
    carry : number or array
        Credit of carried-over evidence in [0, 1], at most two decimals (one value, or one per draw).
    new_value, external_value : number or array
        Values of the new and the external PEMDI indicators in [1, 5], at most two decimals.
    cw : Crosswalk, optional

    Returns
    -------
    numpy.ndarray
        Integers ``10**4 * v``, draws x 20.

    Raises
    ------
    DataError
        For a value out of range or with more than two decimals.

    Examples
    --------
    >>> import numpy as np
    >>> V = project_values(np.full((1, 47), 3), 1, 1, 1)
    >>> V.shape, int(V.min()), int(V.max())
    ((1, 20), 10000, 27000)
    """
    cw = crosswalk_arrays() if cw is None else cw
    k, _ = level_matrix(levels, cw.spbe)
    n = k.shape[0]

    def per_draw(x: Any, name: str, lo: int, hi: int) -> np.ndarray:
        arr = np.asarray(x)
        if arr.ndim == 0:
            return np.full(n, _hundredths_of(x, f"{name} argument", lo, hi), dtype=np.int64)
        if arr.shape != (n,):
            raise DataError(f"{name} argument", f"one value or {n} values (one per draw)", value=arr.shape)
        return np.array([_hundredths_of(v, f"{name} argument [{i}]", lo, hi) for i, v in enumerate(arr)], np.int64)

    C = per_draw(carry, "carry", 0, 1)
    X = per_draw(new_value, "new_value", 1, 5)
    E = per_draw(external_value, "external_value", 1, 5)
    # 10^4 v_j = sum_i S_ij * (100 + C (L_i - 1)) + N_j X ;  external: 100 X_ext
    V = 100 * (np.ones((n, 1), dtype=np.int64) * cw.S.sum(axis=0)[None, :]) + C[:, None] * ((k - 1) @ cw.S)
    V = V + X[:, None] * cw.N[None, :]
    V[:, cw.external] = 100 * E[:, None]
    return V


def project_index(V: np.ndarray, cw: Crosswalk | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Official and exact PEMDI index of projected values.

    Parameters
    ----------
    V : numpy.ndarray
        Projected values ``10**4 v`` from :func:`project_values`.
    cw : Crosswalk, optional

    Returns
    -------
    tuple of numpy.ndarray
        ``(official hundredths, exact index as float)``.

    Examples
    --------
    >>> import numpy as np
    >>> h, x = project_index(np.full((1, 20), 20000))
    >>> int(h[0]), float(x[0])
    (200, 2.0)
    """
    cw = crosswalk_arrays() if cw is None else cw
    M = V @ cw.weights                      # index * 10^6, an integer
    return hundredths(M, 10 ** 6), M / 10 ** 6


def _grid(lo: Fraction, hi: Fraction) -> np.ndarray:
    return np.arange(int(lo * 100), int(hi * 100) + 1) / 100


@dataclass(frozen=True)
class Projection:
    """Projected PEMDI starting range of every regency.

    ``draws``: one row per (scenario, entity, draw) with ``index`` (official), ``raw`` (exact,
    float), ``band``, ``carry``, ``new_value``, ``external_value`` and ``source`` ("projection"
    or "pemdi result"); ``values``: the projected indicator values (float) per (scenario, entity,
    draw) and indicator; ``spread``: per entity the variance of the exact index under the
    central scenario and the shares from the SPBE profile, the new part and the external part."""

    draws: pd.DataFrame
    values: pd.DataFrame
    spread: pd.DataFrame
    assumptions: Assumptions
    crosswalk: Crosswalk
    illustrative: bool

    def band_probabilities(self, scenario: str = "central") -> pd.DataFrame:
        """entity x band: share of draws in each PEMDI band (every band listed)."""
        d = self.draws[self.draws["scenario"] == scenario]
        names = self.crosswalk.pemdi.band_names("id")
        tab = pd.crosstab(d["entity"], pd.Categorical(d["band"], categories=names), normalize="index",
                          dropna=False)
        return tab.reindex(columns=names, fill_value=0.0).reindex(list(dict.fromkeys(d["entity"])))

    def summary(self) -> pd.DataFrame:
        """Per (scenario, entity): median, 5 % and 95 % quantiles of the official index and the
        most likely band with its probability."""
        rows = []
        for (sc, e), g in self.draws.groupby(["scenario", "entity"], sort=False):
            b = g["band"].value_counts(normalize=True)
            rows.append({"scenario": sc, "entity": e, "median": float(g["index"].median()),
                         "p5": float(g["index"].quantile(0.05)), "p95": float(g["index"].quantile(0.95)),
                         "band": b.index[0], "probability": float(b.iloc[0]), "source": g["source"].iloc[0]})
        return pd.DataFrame(rows)


def project(levels_by_entity: Mapping[str, pd.DataFrame], seed: int = 0, draws: int | None = None,
            results: Mapping[str, Mapping[str, Any]] | None = None, illustrative: bool = True) -> Projection:
    """Each regency's PEMDI starting range from its SPBE 2020 profiles.

    Parameters
    ----------
    levels_by_entity : mapping {entity: DataFrame (profiles x 47 SPBE levels)}
        An illustrative ensemble, or one row per regency from a real sheet.
    seed : int
        Seed of the draws of the unknown new and external values.
    draws : int, optional
        Profiles used per entity (default: all).
    results : mapping {entity: {PEMDI indicator: value}}, optional
        Real PEMDI results (or a PEMDI sheet's values): they replace the projection of those
        entities in every scenario.
    illustrative : bool
        Whether the SPBE profiles are illustrative (carried into the result).

    Returns
    -------
    Projection
        Three scenarios of the credit ``carry`` given to carried-over evidence: ``strict``
        (low), ``central`` and ``full_credit`` (high); in each, every profile is paired with a
        value of the new part and of the external indices drawn uniformly (two decimals) between
        their low and high values.

    Examples
    --------
    >>> p = project({"x": pd.DataFrame([{str(i): 3 for i in range(1, 48)}])}, seed=1)
    >>> sorted(p.draws["scenario"].unique())
    ['central', 'full_credit', 'strict']
    """
    cw = crosswalk_arrays()
    a = load_assumptions()
    rng = np.random.default_rng(checks.count(seed, "seed argument", minimum=0))
    if draws is not None:
        draws = checks.count(draws, "draws argument", minimum=1)
    results = checks.mapping(results or {}, "results argument")
    rows, vals, spread = [], [], []
    bands = cw.pemdi.band_names("id")
    ids = list(cw.pemdi.ids)
    for e, lv in checks.mapping(levels_by_entity, "levels_by_entity argument", allow_empty=False).items():
        sub = checks.frame(lv, f"levels_by_entity argument [{e}]")
        sub = sub if draws is None else sub.head(draws)
        n = len(sub)
        x_new = rng.choice(_grid(a.new_value[0], a.new_value[2]), size=n)
        x_ext = rng.choice(_grid(a.external_value[0], a.external_value[2]), size=n)
        for sc, which in SCENARIOS.items():
            c = float(a.carry[("low", "central", "high").index(which)])
            if e in results:
                s = score(results[e], cw.pemdi)
                h, raw = np.array([s.hundredths]), np.array([float(s.raw)])
                V = np.array([[float(v) * 10 ** 4 for v in s.levels.to_numpy()]])
                src = "pemdi result"
                cs, xs, es = [np.nan], [np.nan], [np.nan]
            else:
                V = project_values(sub, c, x_new, x_ext, cw)
                h, raw = project_index(V, cw)
                src = "projection"
                cs, xs, es = [c] * n, x_new, x_ext
            band_idx = cw.pemdi.band_index(h)
            for d in range(len(h)):
                rows.append({"scenario": sc, "entity": e, "draw": d, "index": h[d] / 100, "raw": float(raw[d]),
                             "band": bands[int(band_idx[d])], "carry": cs[d], "new_value": float(xs[d]),
                             "external_value": float(es[d]), "source": src})
            vals.append(pd.DataFrame(V / 10 ** 4, columns=ids).assign(scenario=sc, entity=e,
                                                                      draw=np.arange(len(h))))
        if e not in results:
            c = float(a.carry[1])
            base = project_values(sub, c, 1, 1, cw)
            A = project_index(base, cw)[1] - (cw.new_weight + cw.external_weight) / 100
            b_new, b_ext = cw.new_weight / 100, cw.external_weight / 100
            g_new, g_ext = _grid(a.new_value[0], a.new_value[2]), _grid(a.external_value[0], a.external_value[2])
            var = {"profile": float(np.var(A)), "new": b_new ** 2 * float(np.var(g_new)),
                   "external": b_ext ** 2 * float(np.var(g_ext))}
            tot = sum(var.values())
            spread.append({"entity": e, "variance": tot, **{f"share_{k}": (v / tot if tot > 0 else 0.0)
                                                              for k, v in var.items()}})
    draws_df = pd.DataFrame(rows)
    values = pd.concat(vals, ignore_index=True)
    return Projection(draws_df, values, pd.DataFrame(spread), a, cw, illustrative)


def gap_by_indicator(projection: Projection, target: float, scenario: str = "central") -> pd.DataFrame:
    """Median contribution of each PEMDI indicator to each entity's gap to ``target``.

    Parameters
    ----------
    projection : Projection
        From :func:`project`.
    target : float
    scenario : {"strict", "central", "full_credit"}

    Returns
    -------
    DataFrame
        Entity x indicator, index points ``w_j (T - v_j) / 100`` (negative where the indicator is
        above the target). The contributions of a draw add up to its exact gap.

    Examples
    --------
    >>> import pandas as pd
    >>> p = project({"x": pd.DataFrame([{str(i): 2 for i in range(1, 48)}])}, seed=1)
    >>> g = gap_by_indicator(p, 2.5)
    >>> g.shape
    (1, 20)
    """
    cw = projection.crosswalk
    t = float(checks.exact_number(target, "target argument"))
    v = projection.values[projection.values["scenario"] == scenario]
    ids = list(cw.pemdi.ids)
    contrib = (t - v[ids]) * (cw.weights / 100)
    contrib["entity"] = v["entity"].to_numpy()
    return contrib.groupby("entity", sort=False).median()


def external_gap(projection: Projection, target: float, scenario: str = "central") -> pd.Series:
    """Per entity: the part of the gap to ``target`` held by the externally determined indicators.

    A regency cannot raise these by its own evidence.

    Parameters
    ----------
    projection : Projection
    target : float
    scenario : {"strict", "central", "full_credit"}

    Returns
    -------
    Series
        Median, in index points.

    Examples
    --------
    >>> import pandas as pd
    >>> p = project({"x": pd.DataFrame([{str(i): 2 for i in range(1, 48)}])}, seed=1)
    >>> round(float(external_gap(p, 2.5)["x"]), 2)
    0.14
    """
    cw = projection.crosswalk
    g = gap_by_indicator(projection, target, scenario)
    return g[[j for j, x in zip(cw.pemdi.ids, cw.external) if x]].sum(axis=1)

