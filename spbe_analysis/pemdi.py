"""The move to PEMDI (PermenPANRB 8/2026): the externally determined indicators, the unofficial
SPBE-to-PEMDI crosswalk, and each regency's projected PEMDI starting range.

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

from . import checks
from . import csvio as T
from .config import data_file
from .errors import DataError
from .frameworks import Framework
from .official import as_framework, hundredths
from .scoring import level_matrix

ROLES = ("carried", "informs_external", "new", "not_carried")
BASES = ("regulation text", "level criteria", "judgement")
SCENARIOS = {"strict": "low", "central": "central", "full_credit": "high"}

_CROSSWALK = [T.Column("spbe_indicator", T.text(required=False)), T.Column("pemdi_indicator", T.text(required=False)),
              T.Column("role", T.one_of(*ROLES)), T.Column("share", T.text(required=False)),
              T.Column("basis", T.one_of(*BASES)), T.Column("rationale", T.text())]
_EXTERNAL = [T.Column("indicator", T.text()), T.Column("external_index", T.text()), T.Column("agency", T.text()),
             T.Column("default_value", T.decimal(2)), T.Column("basis", T.text()), T.Column("source", T.text()),
             T.Column("source_date", T.text())]
_ASSUMPTIONS = [T.Column("parameter", T.one_of("carry", "new_value", "external_value")),
                T.Column("low", T.decimal(2)), T.Column("central", T.decimal(2)), T.Column("high", T.decimal(2)),
                T.Column("unit", T.text()), T.Column("basis", T.text()), T.Column("source", T.text())]


def _share(text: str, path: str, line: int) -> Fraction:
    try:
        x = Fraction(text)
    except (ValueError, ZeroDivisionError):
        raise DataError(path, "a share between 0 and 1 with at most 2 decimals", row=f"line {line}", column="share",
                        value=text) from None
    if not 0 < x <= 1 or (x * 100).denominator != 1:
        raise DataError(path, "a share in (0, 1] with at most 2 decimals", row=f"line {line}", column="share", value=text)
    return x


def load_external() -> pd.DataFrame:
    """The PEMDI indicators whose value is set from another agency's national index.

    Parameters
    ----------
    None

    Returns
    -------
    DataFrame
        Indexed by indicator id (I5, I6, I7, I18): the index, the agency, the value used until the
        figure is supplied (1.00) and the basis.

    Raises
    ------
    DataError
        For a bad row of ``data/pemdi2026_external.csv``.

    Examples
    --------
    >>> load_external().index.tolist()
    ['I5', 'I6', 'I7', 'I18']
    """
    path = data_file("pemdi2026_external.csv")
    df = T.read_csv_strict(path, _EXTERNAL, key="indicator")
    pd_fw = as_framework("pemdi2026")
    for line, i in enumerate(df["indicator"], start=2):
        if i not in pd_fw.indicators.index:
            raise DataError(str(path), "an indicator of pemdi2026", row=f"line {line}", column="indicator", value=i)
    return df.set_index("indicator")


def load_crosswalk() -> pd.DataFrame:
    """The unofficial SPBE 2020 -> PEMDI 2026 crosswalk, validated.

    Ids exist; a ``carried`` row links both with a share; a ``new`` row names only the PEMDI
    indicator; for every PEMDI indicator that is not externally determined the carried shares and
    the new share add up to exactly 1; every SPBE indicator appears (linked, informing an external
    index, or listed as not carried over with its reason).

    Parameters
    ----------
    None

    Returns
    -------
    DataFrame
        The rows of ``data/crosswalk_spbe2020_pemdi2026.csv``; ``share`` is exact.

    Raises
    ------
    DataError
        Naming the line and column of the first problem.

    Examples
    --------
    >>> len(load_crosswalk())
    66
    """
    path = data_file("crosswalk_spbe2020_pemdi2026.csv")
    src = str(path)
    df = T.read_csv_strict(path, _CROSSWALK)
    spbe, pemdi, ext = as_framework("spbe2020"), as_framework("pemdi2026"), set(load_external().index)
    shares = []
    for line, r in zip(range(2, len(df) + 2), df.itertuples()):
        where = {"row": f"line {line}"}
        need_spbe = r.role in ("carried", "informs_external", "not_carried")
        need_pemdi = r.role in ("carried", "informs_external", "new")
        if need_spbe != bool(r.spbe_indicator) or (need_spbe and r.spbe_indicator not in spbe.indicators.index):
            raise DataError(src, f"an SPBE 2020 indicator id exactly where role is {', '.join(ROLES[:2] + ROLES[3:])}",
                            column="spbe_indicator", value=r.spbe_indicator, **where)
        if need_pemdi != bool(r.pemdi_indicator) or (need_pemdi and r.pemdi_indicator not in pemdi.indicators.index):
            raise DataError(src, "a PEMDI indicator id exactly where role is carried, informs_external or new",
                            column="pemdi_indicator", value=r.pemdi_indicator, **where)
        if (r.role == "informs_external") != (r.pemdi_indicator in ext) and r.role in ("carried", "informs_external"):
            raise DataError(src, "role informs_external exactly for the externally determined PEMDI indicators "
                            f"({', '.join(sorted(ext))})", column="role", value=r.role, **where)
        if r.role in ("carried", "new"):
            shares.append(_share(r.share, src, line))
        else:
            if r.share:
                raise DataError(src, f"an empty share where role is {r.role}", column="share", value=r.share, **where)
            shares.append(None)
    df["share"] = shares
    for j in pemdi.ids:
        rows = df[(df["pemdi_indicator"] == j) & df["role"].isin(["carried", "new"])]
        total = sum(rows["share"], Fraction(0))
        if j in ext:
            if len(rows):
                raise DataError(src, f"no carried or new rows for {j}: it is set by an external index", row=j)
        elif total != 1:
            raise DataError(src, f"carried and new shares of {j} adding up to exactly 1", row=j, column="share",
                            value=str(total))
    missing = [i for i in spbe.ids if i not in set(df["spbe_indicator"])]
    if missing:
        raise DataError(src, "every SPBE 2020 indicator linked, informing an external index or listed as not carried "
                        "over", row=missing[0], column="spbe_indicator")
    return df


@dataclass(frozen=True)
class Assumptions:
    """Scenario values of the projection, exact (low, central, high) per parameter."""

    carry: tuple[Fraction, Fraction, Fraction]
    new_value: tuple[Fraction, Fraction, Fraction]
    external_value: tuple[Fraction, Fraction, Fraction]
    table: pd.DataFrame


def load_assumptions() -> Assumptions:
    """The scenario values of the PEMDI projection, validated.

    Parameters
    ----------
    None

    Returns
    -------
    Assumptions
        From ``data/assumptions/pemdi_projection.csv``: carry in [0, 1], values on the 1-5 scale,
        low <= central <= high.

    Raises
    ------
    DataError
        For a value out of range or out of order.

    Examples
    --------
    >>> a = load_assumptions()
    >>> a.carry[0] <= a.carry[1] <= a.carry[2]
    True
    """
    path = data_file("assumptions/pemdi_projection.csv")
    df = T.read_csv_strict(path, _ASSUMPTIONS, key="parameter")
    out = {}
    for line, r in zip(range(2, len(df) + 2), df.itertuples()):
        lo, mid, hi = (Fraction(str(v)) for v in (r.low, r.central, r.high))
        rng = (0, 1) if r.parameter == "carry" else (1, 5)
        if not (rng[0] <= lo <= mid <= hi <= rng[1]):
            raise DataError(str(path), f"low <= central <= high within {rng[0]}-{rng[1]}", row=f"line {line}",
                            column="low", value=(str(lo), str(mid), str(hi)))
        out[r.parameter] = (lo, mid, hi)
    for p in ("carry", "new_value", "external_value"):
        if p not in out:
            raise DataError(str(path), f"a row for {p}", column="parameter")
    return Assumptions(out["carry"], out["new_value"], out["external_value"], df)


@dataclass(frozen=True)
class Crosswalk:
    """The crosswalk as integer arrays: ``S`` (47 x 20) shares in hundredths, ``N`` (20) new
    shares in hundredths, ``external`` (20) bool, ``weights`` (20) PEMDI weights in percent."""

    S: np.ndarray
    N: np.ndarray
    external: np.ndarray
    weights: np.ndarray
    spbe: Framework
    pemdi: Framework

    @property
    def carried_weight(self) -> float:
        """Percent of the PEMDI index that SPBE evidence informs (carried shares x weights)."""
        return float((self.S.sum(axis=0) * self.weights).sum() / 100)

    @property
    def new_weight(self) -> float:
        return float((self.N * self.weights).sum() / 100)

    @property
    def external_weight(self) -> float:
        return float(self.weights[self.external].sum())


def crosswalk_arrays(crosswalk: pd.DataFrame | None = None) -> Crosswalk:
    """Integer arrays of the crosswalk (see :class:`Crosswalk`).

    Parameters
    ----------
    crosswalk : DataFrame, optional
        From :func:`load_crosswalk` (loaded when not given).

    Returns
    -------
    Crosswalk

    Examples
    --------
    >>> cw = crosswalk_arrays()
    >>> round(cw.carried_weight + cw.new_weight + cw.external_weight, 6)
    100.0
    """
    cw = load_crosswalk() if crosswalk is None else crosswalk
    spbe, pemdi = as_framework("spbe2020"), as_framework("pemdi2026")
    ext = set(load_external().index)
    S = np.zeros((spbe.n, pemdi.n), dtype=np.int64)
    N = np.zeros(pemdi.n, dtype=np.int64)
    for r in cw.itertuples():
        if r.role == "carried":
            S[spbe.ids.index(r.spbe_indicator), pemdi.ids.index(r.pemdi_indicator)] += int(r.share * 100)
        elif r.role == "new":
            N[pemdi.ids.index(r.pemdi_indicator)] += int(r.share * 100)
    external = np.array([j in ext for j in pemdi.ids])
    weights = pemdi.units // pemdi.denominator if pemdi.denominator == 1 else None
    if weights is None:
        raise DataError("framework_pemdi2026.csv", "whole-percent PEMDI weights", column="weight_pct")
    return Crosswalk(S, N, external, weights.astype(np.int64), spbe, pemdi)


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
    from .scoring import score

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


def weight_table(cw: Crosswalk | None = None) -> pd.DataFrame:
    """Per PEMDI aspect: where its weight comes from.

    Parameters
    ----------
    cw : Crosswalk, optional

    Returns
    -------
    DataFrame
        Weight (%), the part informed by SPBE evidence, the new part and the part set by external
        national indices (percent of the index).

    Examples
    --------
    >>> round(float(weight_table()["weight"].sum()), 6)
    100.0
    """
    cw = crosswalk_arrays() if cw is None else cw
    ind = cw.pemdi.indicators
    carried = cw.S.sum(axis=0) * cw.weights / 100
    new = cw.N * cw.weights / 100
    ext = np.where(cw.external, cw.weights, 0)
    df = pd.DataFrame({"aspect": ind["aspect"].to_numpy(), "aspect_name": ind["aspect_name"].to_numpy(),
                       "weight": cw.weights, "carried": carried, "new": new, "external": ext})
    return df.groupby(["aspect", "aspect_name"], as_index=False).sum()


def results_from_sheet(path: str, worksheet: str | None = None) -> dict[str, dict[str, Fraction]]:
    """Real PEMDI results from a filled-in PEMDI sheet (``sheet_template_pemdi2026``).

    Parameters
    ----------
    path : str
        A ``.csv`` or ``.xlsx`` file.
    worksheet : str, optional

    Returns
    -------
    dict
        ``{entity: {indicator: exact value}}`` of each government's latest year in the sheet.

    Raises
    ------
    DataError
        Naming the file, row, column and value of a bad cell.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from spbe_analysis.sheets import template
    >>> t = template("pemdi2026", entities=("7501",), year=2026)
    >>> t["level"] = "2,5"
    >>> p = Path(tempfile.mkdtemp()) / "pemdi.csv"
    >>> t.to_csv(p, index=False, sep=";")
    >>> results_from_sheet(str(p))["7501"]["I1"]
    Fraction(5, 2)
    """
    from .sheets import load_sheet

    df = load_sheet(path, "pemdi2026", sheet=worksheet)
    out = {}
    for code, g in df.groupby("bps_code", sort=True):
        last = g[g["year"] == g["year"].max()]
        out[str(code)] = dict(zip(last["indicator"], last["level"]))
    return out


def crosswalk_summary(crosswalk: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per PEMDI indicator: where its value comes from.

    Parameters
    ----------
    crosswalk : DataFrame, optional
        From :func:`load_crosswalk` (loaded when not given).

    Returns
    -------
    DataFrame
        Weight, whether it is externally determined, its SPBE counterparts (with their shares), the
        carried and the new share.

    Examples
    --------
    >>> len(crosswalk_summary())
    20
    """
    cw = load_crosswalk() if crosswalk is None else crosswalk
    pemdi = as_framework("pemdi2026")
    ext = load_external()
    rows = []
    for j in pemdi.ids:
        sub = cw[cw["pemdi_indicator"] == j]
        car = sub[sub["role"] == "carried"]
        inf = sub[sub["role"] == "informs_external"]
        parts = [f"{r.spbe_indicator} ({float(r.share):.2f})" for r in car.itertuples()] + \
            [f"{r.spbe_indicator} (->{ext.loc[j, 'external_index'].split(' ')[0] if j in ext.index else ''})"
             for r in inf.itertuples()]
        rows.append({"indicator": j, "name": pemdi.indicators.loc[j, "name_id"],
                     "weight": float(pemdi.indicators.loc[j, "weight_pct"]), "external": j in ext.index,
                     "counterparts": ", ".join(parts) if parts else "-",
                     "carried": float(sum(car["share"], Fraction(0))),
                     "new": float(sum(sub.loc[sub["role"] == "new", "share"], Fraction(0)))})
    return pd.DataFrame(rows)
