"""The unofficial SPBE-to-PEMDI crosswalk and the data behind the PEMDI projection: the externally
determined indicators (``data/pemdi_external.csv``), the crosswalk itself, the scenario values of
the projection (``data/assumptions/pemdi_projection.csv``) and the crosswalk as integer arrays.

Everything here is UNOFFICIAL: the crosswalk is this package's.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from .. import csvio as T
from ..config import data_file
from ..errors import DataError
from ..frameworks import Framework, as_framework

ROLES = ("carried", "informs_external", "new", "not_carried")
BASES = ("regulation text", "level criteria", "judgement")

_CROSSWALK = [T.Column("spbe_indicator", T.text(required=False)), T.Column("pemdi_indicator", T.text(required=False)),
              T.Column("role", T.one_of(*ROLES)), T.Column("share", T.text(required=False)),
              T.Column("basis", T.one_of(*BASES)), T.Column("rationale", T.text())]
_EXTERNAL = [T.Column("indicator", T.text()), T.Column("external_index", T.text()), T.Column("agency", T.text()),
             T.Column("default_value", T.decimal(2)), T.Column("basis", T.text()), T.Column("source", T.text()),
             T.Column("source_date", T.text())]
#: How a scenario value is drawn between its low and high values (see :func:`load_assumptions`).
DISTRIBUTIONS = ("pert", "triangular", "uniform")
#: PERT shape used when the ``lambda`` cell of a ``pert`` row is empty.
DEFAULT_PERT_SHAPE = Fraction(4)

_ASSUMPTIONS = [T.Column("parameter", T.one_of("carry", "new_value", "external_value")),
                T.Column("low", T.decimal(2)), T.Column("central", T.decimal(2)), T.Column("high", T.decimal(2)),
                T.Column("distribution", T.one_of(*DISTRIBUTIONS)), T.Column("lambda", T.decimal(optional=True)),
                T.Column("unit", T.text()), T.Column("basis", T.text()), T.Column("source", T.text())]


def _share(text: str, path: str, where: dict) -> Fraction:
    try:
        x = Fraction(text)
    except (ValueError, ZeroDivisionError):
        raise DataError(path, "a share between 0 and 1 with at most 2 decimals", column="share", value=text,
                        **where) from None
    if not 0 < x <= 1 or (x * 100).denominator != 1:
        raise DataError(path, "a share in (0, 1] with at most 2 decimals", column="share", value=text, **where)
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
    for where, r in T.located_rows(df):
        if r.indicator not in pd_fw.indicators.index:
            raise DataError(str(path), "an indicator of pemdi2026", column="indicator", value=r.indicator, **where)
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
    for where, r in T.located_rows(df):
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
            shares.append(_share(r.share, src, where))
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


#: The three parameters of the projection, in file order.
PARAMETERS = ("carry", "new_value", "external_value")
_RANGES = {"carry": (0, 1), "new_value": (1, 5), "external_value": (1, 5)}


@dataclass(frozen=True)
class Assumptions:
    """Scenario values of the projection, exact (low, central, high) per parameter, and how each is
    drawn: ``distribution[p]`` (``pert``, ``triangular`` or ``uniform``) and ``shape[p]`` (the PERT
    ``lambda``; None for the other distributions)."""

    carry: tuple[Fraction, Fraction, Fraction]
    new_value: tuple[Fraction, Fraction, Fraction]
    external_value: tuple[Fraction, Fraction, Fraction]
    table: pd.DataFrame
    distribution: dict = field(default_factory=lambda: {p: "pert" for p in PARAMETERS})
    shape: dict = field(default_factory=lambda: {p: DEFAULT_PERT_SHAPE for p in PARAMETERS})

    def values(self, parameter: str) -> tuple[Fraction, Fraction, Fraction]:
        """(low, central, high) of ``parameter``."""
        if parameter not in PARAMETERS:
            raise DataError("parameter argument", f"one of {', '.join(PARAMETERS)}", value=parameter)
        return getattr(self, parameter)

    def replace(self, **values: tuple) -> "Assumptions":
        """A copy with other (low, central, high) values, e.g. ``a.replace(carry=(0.1, 0.2, 1))``
        (same distributions; used by the calibration). Values are checked as the file's are."""
        out = {p: self.values(p) for p in PARAMETERS}
        for p, v in values.items():
            out[p] = _check_triple(p, v)
        return Assumptions(out["carry"], out["new_value"], out["external_value"], self.table,
                           dict(self.distribution), dict(self.shape))


def _check_triple(parameter: str, v: Any, source: str = "assumptions argument") -> tuple[Fraction, Fraction, Fraction]:
    """(low, central, high) of ``parameter`` as exact fractions, checked: two decimals at most,
    low <= central <= high within the parameter's range."""
    if parameter not in PARAMETERS:
        raise DataError(source, f"one of {', '.join(PARAMETERS)}", value=parameter)
    try:
        lo, mid, hi = (Fraction(str(x)) for x in v)
    except (TypeError, ValueError, ZeroDivisionError):
        raise DataError(source, "(low, central, high) numbers", row=parameter, value=v) from None
    a, b = _RANGES[parameter]
    if any((x * 100).denominator != 1 for x in (lo, mid, hi)) or not a <= lo <= mid <= hi <= b:
        raise DataError(source, f"low <= central <= high within {a}-{b}, at most two decimals", row=parameter,
                        value=tuple(str(x) for x in (lo, mid, hi)))
    return lo, mid, hi


def load_assumptions() -> Assumptions:
    """The scenario values of the PEMDI projection and how they are drawn, validated.

    Parameters
    ----------
    None

    Returns
    -------
    Assumptions
        From ``data/assumptions/pemdi_projection.csv``: carry in [0, 1], values on the 1-5 scale,
        low <= central <= high (two decimals); ``distribution`` one of ``pert`` (a scaled Beta
        with its mode at the central value: ``alpha = 1 + lambda (c - lo) / (hi - lo)``,
        ``beta = 1 + lambda (hi - c) / (hi - lo)``), ``triangular`` (mode at the central value) or
        ``uniform`` (the central value is then only the scenario value, not the mode); ``lambda``
        a positive PERT shape (empty: 4) on a ``pert`` row and empty on any other row.

    Raises
    ------
    DataError
        Naming the line and column of a value out of range or out of order, a missing parameter,
        a non-positive ``lambda`` or a ``lambda`` on a row whose distribution has none.

    Examples
    --------
    >>> a = load_assumptions()
    >>> a.carry[0] <= a.carry[1] <= a.carry[2]
    True
    >>> a.distribution["new_value"], a.shape["new_value"]
    ('pert', Fraction(4, 1))
    """
    path = data_file("assumptions/pemdi_projection.csv")
    df = T.read_csv_strict(path, _ASSUMPTIONS, key="parameter")
    out, dist, shape = {}, {}, {}
    for where, r in T.located_rows(df, records=True):
        lo, mid, hi = (Fraction(str(r[c])) for c in ("low", "central", "high"))
        rng = _RANGES[r["parameter"]]
        if not (rng[0] <= lo <= mid <= hi <= rng[1]):
            raise DataError(str(path), f"low <= central <= high within {rng[0]}-{rng[1]}", column="low",
                            value=(str(lo), str(mid), str(hi)), **where)
        lam, name = r["lambda"], r["distribution"]
        if name == "pert":
            lam = DEFAULT_PERT_SHAPE if lam is None else Fraction(str(lam))
            if lam <= 0:
                raise DataError(str(path), "a positive PERT shape (lambda; 4 is the usual PERT)", column="lambda",
                                value=str(lam), **where)
        elif lam is not None:
            raise DataError(str(path), f"an empty lambda: a {name} distribution has no PERT shape", column="lambda",
                            value=str(lam), **where)
        out[r["parameter"]], dist[r["parameter"]], shape[r["parameter"]] = (lo, mid, hi), name, lam
    for p in PARAMETERS:
        if p not in out:
            raise DataError(str(path), f"a row for {p}", column="parameter")
    return Assumptions(out["carry"], out["new_value"], out["external_value"], df, dist, shape)


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



def crosswalk_summary(crosswalk: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per PEMDI indicator: where its value comes from.

    Parameters
    ----------
    crosswalk : DataFrame, optional
        As in :func:`crosswalk_arrays`.

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
