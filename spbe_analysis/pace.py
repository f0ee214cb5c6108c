"""Pace from the record: each regency's observed yearly change of the published index (censored
values as bounds), capacity scenarios for roadmaps, and a backtest of the pace model against the
plain no-change forecast (METHODS: use a pace model only where it beats no-change on the record,
and show the spread of plausible paces either way).

Descriptive: six regencies and two same-instrument year pairs (2022-2023, 2023-2024). For every
one-step forecast the record allows, four models, censored values as bounds and the chance of
reaching a band, see :mod:`spbe_analysis.forecast`.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import checks
from .errors import DataError
from .frameworks import as_framework
from .official import to_hundredths


def _row(published: pd.DataFrame, e: str, y: int) -> pd.Series | None:
    r = published[(published["entity_id"] == e) & (published["year"] == y)]
    return None if r.empty else r.iloc[0]


def _range(r: pd.Series | None, level_min: float) -> tuple[float, float] | None:
    """Possible published values of a row: exact -> (v, v); below b -> (level_min, b - 0.01)."""
    if r is None or r["status"] == "missing":
        return None
    if r["status"] == "exact":
        return float(r["value"]), float(r["value"])
    return level_min, (to_hundredths(float(r["bound"])) - 1) / 100


def observed_changes(published: pd.DataFrame, entities: tuple[str, ...], years: list[int]) -> pd.DataFrame:
    """Yearly changes of the published index, per entity and consecutive pair of years.

    Only pairs under the same framework count.

    Parameters
    ----------
    published : DataFrame
        :func:`spbe_analysis.load_published`.
    entities : tuple of str
    years : list of int

    Returns
    -------
    DataFrame
        ``entity``, ``y0``, ``y1``, the yearly change exact or as bounds (``low``/``high``) when a
        value is censored, and the change in integer weight units of that framework
        (``units_low``/``units_high``).

    Examples
    --------
    >>> import spbe_analysis as sa
    >>> ch = observed_changes(sa.load_published(), ("7501", "7502"), [2022, 2023, 2024])
    >>> ch[["entity", "y0", "y1", "low", "high"]].values.tolist()[1:]
    [['7501', 2023, 2024, 0.38, 0.38], ['7502', 2022, 2023, 0.65, 0.65], ['7502', 2023, 2024, 0.0, 0.0]]
    """
    checks.frame(published, "published argument", columns=("entity_id", "year", "status", "value", "framework"))
    ys = sorted(set(checks.collection(years, "years argument", allow_empty=False)))
    rows = []
    for e in checks.collection(entities, "entities argument", allow_empty=False):
        for y0, y1 in zip(ys, ys[1:]):
            r0, r1 = _row(published, e, y0), _row(published, e, y1)
            if r0 is None or r1 is None or r0["framework"] != r1["framework"]:
                continue
            fw = as_framework(r1["framework"])
            a, b = _range(r0, float(fw.level_min)), _range(r1, float(fw.level_min))
            if a is None or b is None:
                continue
            lo, hi = round((b[0] - a[1]) / (y1 - y0), 4), round((b[1] - a[0]) / (y1 - y0), 4)
            per = fw.total_units * fw.level_step.denominator            # index points -> weight units
            rows.append({"entity": e, "y0": y0, "y1": y1, "exact": lo == hi, "low": lo, "high": hi,
                         "units_low": lo * per, "units_high": hi * per, "framework": fw.name})
    return pd.DataFrame(rows, columns=["entity", "y0", "y1", "exact", "low", "high", "units_low", "units_high",
                                       "framework"])


def own_pace(changes: pd.DataFrame) -> pd.DataFrame:
    """Per entity: its mean yearly change over the record.

    Parameters
    ----------
    changes : DataFrame
        From :func:`observed_changes`.

    Returns
    -------
    DataFrame
        ``low``/``high`` bounds of the mean yearly change (equal when every value is exact), the
        latest yearly change and the number of year pairs.

    Examples
    --------
    >>> import spbe_analysis as sa
    >>> p = own_pace(observed_changes(sa.load_published(), ("7502",), [2022, 2023, 2024]))
    >>> float(p.loc["7502", "low"])
    0.325
    """
    rows = []
    for e, g in checks.frame(changes, "changes argument", columns=("entity", "low", "high")).groupby("entity",
                                                                                                    sort=False):
        last = g.iloc[-1]
        rows.append({"entity": e, "low": float(g["low"].mean()), "high": float(g["high"].mean()),
                     "latest_low": float(last["low"]), "latest_high": float(last["high"]), "pairs": len(g)})
    return pd.DataFrame(rows).set_index("entity")


@dataclass(frozen=True)
class Backtest:
    """The pace model (next year = this year + the change observed the year before) against no
    change (next year = this year), forecasting the latest year from the earlier ones."""

    table: pd.DataFrame
    mae_model: float
    mae_no_change: float
    n: int

    @property
    def beats_no_change(self) -> bool:
        return self.mae_model < self.mae_no_change


def backtest(published: pd.DataFrame, entities: tuple[str, ...], years: list[int]) -> Backtest:
    """The pace model against no change, out of sample.

    Fit the pace on ``years[-3] -> years[-2]`` only and forecast ``years[-1]``.

    Parameters
    ----------
    published : DataFrame
        :func:`spbe_analysis.load_published`.
    entities : tuple of str
    years : list of int
        At least three different years.

    Returns
    -------
    Backtest
        The per-entity table (entities whose values are not all exact are left out, named with
        ``used = False`` and a ``note`` saying which value; :func:`spbe_analysis.forecast.backtest`
        scores them as intervals) and the mean absolute errors of both models.

    Raises
    ------
    DataError
        For fewer than three different years.

    Examples
    --------
    >>> import spbe_analysis as sa
    >>> b = backtest(sa.load_published(), ("7502", "7504"), [2022, 2023, 2024])
    >>> b.table["used"].tolist()
    [True, True]
    """
    ys = sorted(set(checks.collection(years, "years argument", allow_empty=False)))
    if len(ys) < 3:
        raise DataError("years argument", "at least three different years (two to fit, one to forecast)", value=ys)
    y0, y1, y2 = ys[-3:]
    rows = []
    for e in checks.collection(entities, "entities argument", allow_empty=False):
        r = [_row(published, e, y) for y in (y0, y1, y2)]
        bad = [f"{y} {'missing' if x is None else x['status']}" for y, x in zip((y0, y1, y2), r)
               if x is None or x["status"] != "exact"]
        if bad:
            rows.append({"entity": e, "used": False, "note": "not exact: " + ", ".join(bad)})
            continue
        v0, v1, v2 = (float(x["value"]) for x in r)
        model = v1 + (v1 - v0)
        rows.append({"entity": e, "used": True, "actual": v2, "model": round(model, 2), "no_change": v1,
                     "error_model": round(abs(model - v2), 2), "error_no_change": round(abs(v1 - v2), 2), "note": ""})
    df = pd.DataFrame(rows)
    used = df[df["used"]]
    if used.empty:
        raise DataError("published argument", f"exact values in {y0}, {y1} and {y2} for at least one entity")
    return Backtest(df, float(used["error_model"].mean()), float(used["error_no_change"].mean()), len(used))


@dataclass(frozen=True)
class Capacity:
    """Capacity scenarios for roadmaps: ``table`` (entities x ``own``, ``best_peer``, ``budget``) and
    ``best_peer``, the regency whose exact mean pace sets the ``best_peer`` column."""

    table: pd.DataFrame
    best_peer: str


def capacity_scenarios(pace: pd.DataFrame, budget: float) -> Capacity:
    """Capacity per entity and scenario.

    Parameters
    ----------
    pace : DataFrame
        From :func:`own_pace`.
    budget : float
        A yearly effort budget, in effort units.

    Returns
    -------
    Capacity
        ``table``: entities x ``own`` (its mean yearly change, the lower bound when censored; index
        points a year), ``best_peer`` (the best regency's exact mean pace, for all) and ``budget``;
        ``best_peer``: that best regency.

    Raises
    ------
    DataError
        For a budget that is not positive.

    Examples
    --------
    >>> import spbe_analysis as sa
    >>> p = own_pace(observed_changes(sa.load_published(), ("7502", "7504"), [2022, 2023, 2024]))
    >>> cap = capacity_scenarios(p, 8.0)
    >>> [round(x, 4) for x in cap.table.loc["7502"]], cap.best_peer
    ([0.325, 0.35, 8.0], '7504')
    """
    checks.frame(pace, "pace argument", columns=("low", "high"))
    budget = checks.positive(budget, "budget argument")
    exact = pace[pace["low"] == pace["high"]]
    best = float(exact["low"].max()) if len(exact) else float(pace["low"].max())
    best_e = exact["low"].idxmax() if len(exact) else pace["low"].idxmax()
    out = pd.DataFrame({"own": pace["low"].clip(lower=0.0), "best_peer": best, "budget": budget})
    return Capacity(out, str(best_e))


__all__ = ["Backtest", "Capacity", "backtest", "capacity_scenarios", "observed_changes", "own_pace"]
