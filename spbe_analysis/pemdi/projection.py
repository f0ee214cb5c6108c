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

Each of ``c``, ``x_new`` and ``x_ext`` is known only as low / central / high and is drawn on the
two-decimal grid from the data file's distribution (PERT: mode at the central value, see
:func:`scenario_pmf`), several draws per SPBE profile, so one real profile still gives a range
(:attr:`Projection.varies`). ``central`` draws ``c``; ``strict`` and ``full_credit`` hold it at
its low and high value.

Because the index is linear, its spread splits exactly into the parts from the SPBE profile, the
credit ``c`` and the unknown new and external values (the last two do not depend on the profile).
Everything here is UNOFFICIAL (the crosswalk is ours) and, on illustrative profiles,
ILLUSTRATIVE.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

import numpy as np
import pandas as pd

from .. import checks
from ..errors import DataError
from ..official import hundredths
from ..scoring import level_matrix, score
from .crosswalk import DISTRIBUTIONS, Assumptions, Crosswalk, crosswalk_arrays, load_assumptions

#: The three scenarios of the credit given to carried-over evidence: name -> column of the assumptions.
#: ``central`` draws the credit between its low and high values (mode at the central one);
#: ``strict`` and ``full_credit`` hold it at the low and the high value.
SCENARIOS = {"strict": "low", "central": "central", "full_credit": "high"}

#: Fewest draws per projected entity: a real sheet (one profile) is paired with this many draws.
MIN_DRAWS = 500

#: What a projection varies, in the words findings cite (Bahasa Indonesia first).
VARIES = {"profile": "profil SPBE ilustratif", "new_value": "nilai bukti baru",
          "external_value": "nilai indeks eksternal", "carry": "kredit bukti lama"}
#: The same words in English (keyed by the Indonesian words of :data:`VARIES`, and by "profil SPBE").
VARIES_EN = {"profil SPBE ilustratif": "illustrative SPBE profile", "profil SPBE": "SPBE profile",
             "nilai bukti baru": "value of new evidence", "nilai indeks eksternal": "value of the external indices",
             "kredit bukti lama": "credit of carried-over evidence"}


def _hundredths_of(x: Any, source: str, lo: int, hi: int) -> int:
    v = checks.exact_number(x, source)
    if (v * 100).denominator != 1 or not lo <= v <= hi:
        raise DataError(source, f"a value between {lo} and {hi} with at most 2 decimals", value=x)
    return int(v * 100)


def pert_parameters(low: Any, central: Any, high: Any, shape: Any = 4) -> tuple[float, float]:
    """Beta parameters ``(alpha, beta)`` of a PERT distribution on [low, high] (``low < high``) with
    its mode at ``central``: ``alpha = 1 + shape (central - low) / (high - low)``, ``beta = 1 + shape
    (high - central) / (high - low)``, so the Beta's mode ``(alpha - 1) / (alpha + beta - 2)`` is
    exactly ``(central - low) / (high - low)``; ``shape`` is the PERT ``lambda`` (> 0, usually 4).

    Examples
    --------
    >>> [round(x, 4) for x in pert_parameters(1, 1.25, 1.75)]
    [2.3333, 3.6667]
    """
    lo, c, hi, lam = (float(checks.exact_number(v, "PERT argument")) for v in (low, central, high, shape))
    if not (lo <= c <= hi and lo < hi and lam > 0):
        raise DataError("PERT arguments", "low <= central <= high, low < high and a positive shape",
                        value=(low, central, high, shape))
    return 1 + lam * (c - lo) / (hi - lo), 1 + lam * (hi - c) / (hi - lo)


def scenario_pmf(low: Any, central: Any, high: Any, distribution: str = "pert",
                 shape: Any = 4) -> tuple[np.ndarray, np.ndarray]:
    """The distribution of a scenario value on the two-decimal grid.

    Each value ``g`` of the grid ``low, low + 0.01, ..., high`` takes the mass of the continuous
    distribution over its rounding cell ``[g - 0.005, g + 0.005]`` (within [low, high]), so a
    draw is the continuous draw rounded to two decimals: always within [low, high], with the mode
    of a PERT or triangular at the central value.

    Parameters
    ----------
    low, central, high : number
        At most two decimals, ``low <= central <= high``.
    distribution : {"pert", "triangular", "uniform"}
    shape : number
        The PERT ``lambda`` (ignored by the other distributions).

    Returns
    -------
    tuple of numpy.ndarray
        ``(grid in hundredths (int64), probabilities)``; one point of mass 1 when ``low == high``.

    Examples
    --------
    >>> g, p = scenario_pmf(1, 1.25, 1.75)
    >>> int(g[0]), int(g[-1]), round(float(p.sum()), 12), int(g[p.argmax()])
    (100, 175, 1.0, 125)
    """
    from scipy import stats  # lazy: most pages never need it
    checks.choice(distribution, DISTRIBUTIONS, "distribution argument")
    lo, c, hi = (_hundredths_of(v, "scenario value argument", -10 ** 6, 10 ** 6) for v in (low, central, high))
    if not lo <= c <= hi:
        raise DataError("scenario value arguments", "low <= central <= high", value=(low, central, high))
    grid = np.arange(lo, hi + 1, dtype=np.int64)
    if lo == hi:
        return grid, np.ones(1)
    edges = np.clip((np.concatenate([grid - 0.5, [hi + 0.5]]) - lo) / (hi - lo), 0.0, 1.0)
    if distribution == "pert":
        a, b = pert_parameters(lo, c, hi, shape)
        cdf = stats.beta.cdf(edges, a, b)
    elif distribution == "triangular":
        cdf = stats.triang.cdf(edges, (c - lo) / (hi - lo))
    else:
        cdf = edges
    p = np.clip(np.diff(cdf), 0.0, None)
    return grid, p / p.sum()


def scenario_draws(u: np.ndarray, low: Any, central: Any, high: Any, distribution: str = "pert",
                   shape: Any = 4) -> np.ndarray:
    """Draws of a scenario value (hundredths, int64) from uniforms ``u`` in [0, 1), by the inverse
    of the distribution function of :func:`scenario_pmf` (common uniforms give common draws).

    Examples
    --------
    >>> scenario_draws(np.array([0.0, 0.5, 0.999999]), 1, 1.25, 1.75).tolist()
    [100, 128, 174]
    """
    grid, p = scenario_pmf(low, central, high, distribution, shape)
    cum = np.cumsum(p)
    cum[-1] = 1.0
    return grid[np.minimum(np.searchsorted(cum, np.asarray(u, dtype=float), side="right"), len(grid) - 1)]


def sample_scenario(low: Any, central: Any, high: Any, n: int, seed: int = 0, distribution: str = "pert",
                    shape: Any = 4) -> np.ndarray:
    """``n`` draws of a scenario value (floats with two decimals).

    Examples
    --------
    >>> x = sample_scenario(1, 1.25, 1.75, 1000, seed=1)
    >>> bool(x.min() >= 1 and x.max() <= 1.75)
    True
    """
    n = checks.count(n, "n argument", minimum=1)
    u = np.random.default_rng(checks.count(seed, "seed argument", minimum=0)).random(n)
    return scenario_draws(u, low, central, high, distribution, shape) / 100


def scenario_moments(a: Assumptions, parameter: str) -> tuple[float, float]:
    """Mean and variance (in units) of ``parameter``'s drawn value under ``a``.

    Examples
    --------
    >>> [round(x, 4) for x in scenario_moments(load_assumptions(), "external_value")]
    [1.1666, 0.0199]
    """
    grid, p = scenario_pmf(*a.values(parameter), a.distribution[parameter], a.shape[parameter] or 4)
    m = float(p @ (grid / 100))
    return m, float(p @ (grid / 100 - m) ** 2)


def _draw(a: Assumptions, parameter: str, u: np.ndarray) -> np.ndarray:
    return scenario_draws(u, *a.values(parameter), a.distribution[parameter], a.shape[parameter] or 4)


def _values(KS: np.ndarray, C: np.ndarray, X: np.ndarray, E: np.ndarray, cw: Crosswalk) -> np.ndarray:
    """``10**4 v`` from ``KS = (L - 1) @ S`` (per draw) and the hundredths C, X, E (per draw)."""
    V = 100 * cw.S.sum(axis=0)[None, :] + C[:, None] * KS + X[:, None] * cw.N[None, :]
    V[:, cw.external] = 100 * E[:, None]
    return V


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
    return _values((k - 1) @ cw.S, C, X, E, cw)


def project_index(V: np.ndarray, cw: Crosswalk | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Official and exact PEMDI index of projected values.

    Parameters
    ----------
    V : numpy.ndarray
        Projected values ``10**4 v`` from :func:`project_values` (draws x PEMDI indicators; any
        other shape is refused).
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
    if np.ndim(V) != 2 or np.shape(V)[1] != cw.pemdi.n:
        raise DataError("V argument", f"draws x {cw.pemdi.n} projected values (project_values)", value=np.shape(V))
    M = V @ cw.weights                      # index * 10^6, an integer
    return hundredths(M, 10 ** 6), M / 10 ** 6


@dataclass(frozen=True)
class Projection:
    """Projected PEMDI starting range of every regency.

    ``draws``: one row per (scenario, entity, draw) with ``index`` (official), ``raw`` (exact,
    float), ``band``, ``carry``, ``new_value``, ``external_value``, ``profile`` (the row of the
    entity's SPBE profiles the draw used) and ``source`` ("projection" or "pemdi result");
    ``values``: the projected indicator values (float) per (scenario, entity, draw) and indicator;
    ``spread``: per entity the variance of the exact index under the central scenario and the
    shares from the SPBE profile, the credit of carried-over evidence, the new part and the
    external part (they add up to 1); ``draws_per_profile``: per projected entity, the draws paired
    with each SPBE profile; ``varies_by_scenario``: what each scenario varies (see :attr:`varies`)."""

    draws: pd.DataFrame
    values: pd.DataFrame
    spread: pd.DataFrame
    assumptions: Assumptions
    crosswalk: Crosswalk
    illustrative: bool
    draws_per_profile: dict = field(default_factory=dict)
    varies_by_scenario: dict = field(default_factory=dict)

    @property
    def varies(self) -> list[str]:
        """What the central scenario's ranges and band probabilities vary over, in the words a
        finding cites (Bahasa Indonesia; :data:`VARIES_EN` gives the English): "profil SPBE
        ilustratif" (several illustrative profiles), "nilai bukti baru", "nilai indeks eksternal",
        "kredit bukti lama". A probability is about these draws, not about the world."""
        return list(self.varies_by_scenario.get("central", ()))

    def varied(self, scenario: str = "central", lang: str = "id") -> list[str]:
        """What ``scenario`` varies (``strict``, ``full_credit``: not the credit), in ``lang``."""
        checks.choice(scenario, tuple(SCENARIOS), "scenario argument")
        words = list(self.varies_by_scenario.get(scenario, ()))
        return words if checks.lang(lang) == "id" else [VARIES_EN.get(w, w) for w in words]

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


def _varies(a: Assumptions, profiles_vary: bool, illustrative: bool) -> dict[str, tuple[str, ...]]:
    base = ((VARIES["profile"] if illustrative else "profil SPBE",) if profiles_vary else ()) + \
        tuple(VARIES[p] for p in ("new_value", "external_value") if a.values(p)[0] < a.values(p)[2])
    carry = (VARIES["carry"],) if a.carry[0] < a.carry[2] else ()
    return {"strict": base, "full_credit": base, "central": base + carry}


def project(levels_by_entity: Mapping[str, pd.DataFrame], seed: int = 0, draws: int | None = None,
            results: Mapping[str, Mapping[str, Any]] | None = None, illustrative: bool = True,
            draws_per_profile: int | None = None, min_draws: int = MIN_DRAWS,
            assumptions: Assumptions | None = None) -> Projection:
    """Each regency's PEMDI starting range from its SPBE 2020 profiles.

    Parameters
    ----------
    levels_by_entity : mapping {entity: DataFrame (profiles x 47 SPBE levels)}
        An illustrative ensemble, or one row per regency from a real sheet.
    seed : int
        Seed of the draws of the unknown credit, new and external values.
    draws : int, optional
        Profiles used per entity (default: all).
    results : mapping {entity: {PEMDI indicator: value}}, optional
        Real PEMDI results (or a PEMDI sheet's values) of entities of ``levels_by_entity`` (results
        of another entity are refused): they replace the projection of those entities in every scenario.
    illustrative : bool
        Whether the SPBE profiles are illustrative (carried into the result).
    draws_per_profile : int, optional
        Draws of the unknown values paired with each SPBE profile (default: enough that every
        entity has at least ``min_draws`` draws: 1 for an ensemble of 1,000 profiles, 500 for a
        real sheet's single profile).
    min_draws : int
        See ``draws_per_profile``.
    assumptions : Assumptions, optional
        Scenario values and their distributions (default: :func:`load_assumptions`).

    Returns
    -------
    Projection
        Three scenarios of the credit ``carry``: ``central`` (drawn, mode at the central value),
        ``strict`` (low) and ``full_credit`` (high); each profile is paired with ``draws_per_profile``
        draws of the new and external values (the same draws in every scenario), each from the data
        file's distribution on the two-decimal grid.

    Examples
    --------
    >>> p = project({"x": pd.DataFrame([{str(i): 3 for i in range(1, 48)}])}, seed=1)
    >>> sorted(p.draws["scenario"].unique()), len(p.draws) // 3, p.draws_per_profile["x"]
    (['central', 'full_credit', 'strict'], 500, 500)
    >>> p.varies
    ['nilai bukti baru', 'nilai indeks eksternal', 'kredit bukti lama']
    """
    cw = crosswalk_arrays()
    a = load_assumptions() if assumptions is None else assumptions
    if not isinstance(a, Assumptions):
        raise DataError("assumptions argument", "an Assumptions (see load_assumptions)", value=type(a).__name__)
    rng = np.random.default_rng(checks.count(seed, "seed argument", minimum=0))
    if draws is not None:
        draws = checks.count(draws, "draws argument", minimum=1)
    if draws_per_profile is not None:
        draws_per_profile = checks.count(draws_per_profile, "draws_per_profile argument", minimum=1)
    min_draws = checks.count(min_draws, "min_draws argument", minimum=1)
    results, lv_all = checks.mapping(results or {}, "results argument"), checks.mapping(
        levels_by_entity, "levels_by_entity argument", allow_empty=False)
    if set(results) - set(lv_all):
        raise DataError("results argument", "results of entities of levels_by_entity",
                        row=min(set(results) - set(lv_all), key=str))
    frames, vals, spread, per_profile = [], [], [], {}
    bands, ids, w = np.array(cw.pemdi.band_names("id"), dtype=object), list(cw.pemdi.ids), cw.weights
    m_c, s2_c = scenario_moments(a, "carry")
    s2_x, s2_e = scenario_moments(a, "new_value")[1], scenario_moments(a, "external_value")[1]
    fixed, profiles_vary = {"strict": int(a.carry[0] * 100), "full_credit": int(a.carry[2] * 100)}, False
    for e, lv in lv_all.items():
        sub = checks.frame(lv, f"levels_by_entity argument [{e}]")
        sub = sub if draws is None else sub.head(draws)
        n = len(sub)
        if e in results:
            s = score(results[e], cw.pemdi)
            V1 = np.array([[float(v) * 10 ** 4 for v in s.levels.to_numpy()]])
            for sc in SCENARIOS:
                frames.append(pd.DataFrame({
                    "scenario": sc, "entity": e, "draw": [0], "index": [s.hundredths / 100], "raw": [float(s.raw)],
                    "band": [bands[int(cw.pemdi.band_index(np.array([s.hundredths]))[0])]], "carry": [np.nan],
                    "new_value": [np.nan], "external_value": [np.nan], "profile": [-1], "source": "pemdi result"}))
                vals.append(pd.DataFrame(V1 / 10 ** 4, columns=ids).assign(scenario=sc, entity=e, draw=[0]))
            continue
        k = draws_per_profile if draws_per_profile is not None else max(1, -(-min_draws // n))
        per_profile[e] = k
        m = n * k
        levels, _ = level_matrix(sub, cw.spbe)
        profiles_vary = profiles_vary or (n > 1 and len(np.unique(levels, axis=0)) > 1)
        KS_prof = (levels - 1) @ cw.S                        # per profile, (L - 1) @ S in hundredths
        prof = np.tile(np.arange(n), k)
        KS = KS_prof[prof]
        u = rng.random((3, m))
        X, E = _draw(a, "new_value", u[1]), _draw(a, "external_value", u[2])
        carries = {"strict": np.full(m, fixed["strict"], np.int64), "central": _draw(a, "carry", u[0]),
                   "full_credit": np.full(m, fixed["full_credit"], np.int64)}
        for sc in SCENARIOS:
            C = carries[sc]
            V = _values(KS, C, X, E, cw)
            h, raw = project_index(V, cw)
            frames.append(pd.DataFrame({
                "scenario": sc, "entity": e, "draw": np.arange(m), "index": h / 100, "raw": raw.astype(float),
                "band": bands[cw.pemdi.band_index(h).astype(int)], "carry": C / 100, "new_value": X / 100,
                "external_value": E / 100, "profile": prof, "source": "projection"}))
            vals.append(pd.DataFrame(V / 10 ** 4, columns=ids).assign(scenario=sc, entity=e, draw=np.arange(m)))
        # exact split of the central variance: index = a0 + c d(p) + b_new x + b_ext e, inputs independent
        d = (KS_prof @ w) / 10 ** 4                          # index points per unit of credit, per profile
        b_new, b_ext = cw.new_weight / 100, cw.external_weight / 100
        var = {"profile": m_c ** 2 * float(np.var(d)), "carry": s2_c * float(np.mean(d ** 2)),
               "new": b_new ** 2 * s2_x, "external": b_ext ** 2 * s2_e}
        tot = sum(var.values())
        spread.append({"entity": e, "variance": tot, **{f"share_{k_}": (v / tot if tot > 0 else 0.0)
                                                          for k_, v in var.items()}})
    spread_df = pd.DataFrame(spread, columns=["entity", "variance", "share_profile", "share_carry", "share_new",
                                              "share_external"])
    return Projection(pd.concat(frames, ignore_index=True), pd.concat(vals, ignore_index=True), spread_df, a, cw,
                      illustrative, per_profile,
                      _varies(a, profiles_vary, illustrative) if per_profile else {sc: () for sc in SCENARIOS})


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
    contrib = (t - v[list(cw.pemdi.ids)]) * (cw.weights / 100)
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
    0.19
    """
    cw = projection.crosswalk
    g = gap_by_indicator(projection, target, scenario)
    return g[[j for j, x in zip(cw.pemdi.ids, cw.external) if x]].sum(axis=1)

