"""Roadmaps across the change of instrument: the last SPBE year (2025) on the SPBE 2020 index,
then the PEMDI years (2026-2029) on the PEMDI index, each year's target in the index that is
actually published that year.

A regency's capacity is one of three scenarios (see :mod:`spbe_analysis.pace`): its own observed
pace or the best peer's pace (index points a year on SPBE; the effort that pace took in 2025 is
then its yearly effort on PEMDI), or a fixed yearly effort budget. At the break the end-of-2025
SPBE profile is carried onto PEMDI through the unofficial crosswalk (central scenario values,
floored to two decimals), and the PEMDI roadmap starts from there with PEMDI efforts and
prerequisites; the externally determined indicators cannot be planned and stay at their value.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import numpy as np
import pandas as pd

from . import checks
from .errors import DataError
from .assumptions import load_effort, load_prerequisites
from .frameworks import as_framework
from .pace import Capacity
from .paths import roadmap
from .pemdi import crosswalk_arrays, load_assumptions, load_external, project_values
from .scoring import score


@dataclass(frozen=True)
class Setting:
    """Everything a transition roadmap needs besides the profile and the capacity."""

    spbe_years: list[int]
    pemdi_years: list[int]
    effort_spbe: pd.DataFrame
    effort_pemdi: pd.DataFrame
    prereq_spbe: Any
    prereq_pemdi: Any
    carry: float
    new_value: float
    external_value: float
    external: list[str]


def setting(spbe_years: list[int], pemdi_years: list[int], effort: str = "", prerequisites: bool = True) -> Setting:
    """The default setting of a transition roadmap, from ``data/``.

    Parameters
    ----------
    spbe_years : list of int
        Roadmap years on SPBE (at least one: the PEMDI effort is calibrated on it).
    pemdi_years : list of int
        Roadmap years on PEMDI.
    effort : str
        A file of efforts of your own (the package's table when empty).
    prerequisites : bool
        Honour the prerequisites (or none).

    Returns
    -------
    Setting
        Efforts, prerequisites, the central projection values and the external PEMDI indicators.

    Raises
    ------
    DataError
        For no SPBE year, or an effort file that fails validation.

    Examples
    --------
    >>> s = setting([2025], [2026, 2027])
    >>> s.spbe_years, s.pemdi_years
    ([2025], [2026, 2027])
    """
    spbe_years, pemdi_years = list(spbe_years), list(pemdi_years)
    if not spbe_years:
        raise DataError("spbe_years argument", "at least one SPBE year before PEMDI: the yearly PEMDI effort is "
                        "calibrated on what the regency's pace costs on SPBE (a roadmap that starts on PEMDI, for "
                        "a YEAR of 2025, is not built yet)", value=spbe_years)
    a = load_assumptions()
    return Setting(list(spbe_years), list(pemdi_years), load_effort("spbe2020", effort or None),
                   load_effort("pemdi2026", effort or None),
                   load_prerequisites("spbe2020") if prerequisites else None,
                   load_prerequisites("pemdi2026") if prerequisites else None,
                   float(a.carry[1]), float(a.new_value[1]), float(a.external_value[1]), list(load_external().index))


def transition_roadmap(levels: pd.Series, s: Setting, capacity: str, value: float) -> pd.DataFrame:
    """One profile's roadmap across the break from SPBE to PEMDI.

    Parameters
    ----------
    levels : Series
        An SPBE 2020 profile.
    s : Setting
        From :func:`setting`.
    capacity : {"pace", "budget"}
        ``"pace"``: ``value`` is index points a year on SPBE, and the effort spent for it in the
        first SPBE year becomes the yearly effort on PEMDI; ``"budget"``: ``value`` is effort units
        a year in both eras.
    value : float

    Returns
    -------
    DataFrame
        One row per year: ``year``, ``framework``, ``index`` (official), ``predicate``, ``effort``
        spent, ``gain`` (index points), ``kind`` ("plan"), and a ``start`` row for the break (the
        projected PEMDI starting point, framework ``pemdi2026``, year 2026 - 0.5).

    Raises
    ------
    DataError
        For an unknown capacity or a negative value.

    Examples
    --------
    >>> lv = pd.Series({str(i): 2 for i in range(1, 48)})
    >>> r = transition_roadmap(lv, setting([2025], [2026]), "budget", 4.0)
    >>> r["framework"].tolist()
    ['spbe2020', 'pemdi2026', 'pemdi2026']
    """
    checks.choice(capacity, ("pace", "budget"), "capacity argument")
    value = checks.non_negative(value, "value argument")
    spbe, pd_fw = as_framework("spbe2020"), as_framework("pemdi2026")
    pace = value if capacity == "pace" else None
    budget = value if capacity == "budget" else None
    rm = roadmap(levels, spbe, s.spbe_years, budgets=budget, pace=pace, cost=s.effort_spbe,
                 prerequisites=s.prereq_spbe)
    rows = [{"year": r.year, "framework": "spbe2020", "index": r.index, "predicate": r.predicate, "effort": r.cost,
             "gain": r.gain, "kind": "plan"} for r in rm.summary.itertuples()]
    end = pd.Series(levels).astype(int).copy()
    end.index = end.index.map(str)
    for r in rm.steps.itertuples():
        end[r.indicator] = max(int(end[r.indicator]), int(r.to))
    cw = crosswalk_arrays()
    V = project_values(pd.DataFrame([end])[list(spbe.ids)], s.carry, s.new_value, s.external_value, cw)[0]
    start = {j: float(np.floor(V[k] / 100) / 100) for k, j in enumerate(pd_fw.ids)}   # floored to 2 decimals
    s0 = score(start, pd_fw)
    rows.append({"year": s.pemdi_years[0] - 0.5, "framework": "pemdi2026", "index": s0.index,
                 "predicate": s0.predicate, "effort": 0.0, "gain": 0.0, "kind": "start"})
    yearly = float(rm.summary["cost"].iloc[0]) if capacity == "pace" else float(budget)
    if yearly > 0:
        rp = roadmap(start, pd_fw, s.pemdi_years, budgets=yearly, cost=s.effort_pemdi, prerequisites=s.prereq_pemdi,
                     frozen=s.external, horizon=2)
        rows += [{"year": r.year, "framework": "pemdi2026", "index": r.index, "predicate": r.predicate,
                  "effort": r.cost, "gain": r.gain, "kind": "plan"} for r in rp.summary.itertuples()]
    else:
        rows += [{"year": y, "framework": "pemdi2026", "index": s0.index, "predicate": s0.predicate, "effort": 0.0,
                  "gain": 0.0, "kind": "plan"} for y in s.pemdi_years]
    return pd.DataFrame(rows)


def transition_ensemble(levels_by_entity: Mapping[str, pd.DataFrame], s: Setting,
                        capacities: Capacity | pd.DataFrame, draws: int) -> pd.DataFrame:
    """:func:`transition_roadmap` for many profiles under every capacity scenario.

    Parameters
    ----------
    levels_by_entity : dict
        Entity -> SPBE 2020 profiles (rows).
    s : Setting
    capacities : Capacity or DataFrame
        :func:`spbe_analysis.pace.capacity_scenarios`, or its ``table``: entity x {"own",
        "best_peer", "budget"}.
    draws : int
        The first profiles of each entity.

    Returns
    -------
    DataFrame
        One row per (scenario, entity, draw, year), the columns of :func:`transition_roadmap`.

    Raises
    ------
    DataError
        For capacities without a scenario column, or without a row for an entity of
        ``levels_by_entity``.

    Examples
    --------
    >>> lv = pd.DataFrame([{str(i): 2 for i in range(1, 48)}])
    >>> cap = pd.DataFrame({"own": [0.1], "best_peer": [0.2], "budget": [4.0]}, index=["x"])
    >>> e = transition_ensemble({"x": lv}, setting([2025], [2026]), cap, 1)
    >>> sorted(set(e["scenario"]))
    ['best_peer', 'budget', 'own']
    """
    draws = checks.count(draws, "draws argument", minimum=1)
    capacities = capacities.table if isinstance(capacities, Capacity) else capacities
    checks.frame(capacities, "capacities argument", columns=("own", "best_peer", "budget"))
    lv_all = checks.mapping(levels_by_entity, "levels_by_entity argument", allow_empty=False)
    absent = [e for e in lv_all if e not in capacities.index]
    if absent:
        raise DataError("capacities argument", "a row for every entity of levels_by_entity", row=absent[0])
    frames = []
    for e, lv in lv_all.items():
        for d, (_, row) in enumerate(lv.head(draws).iterrows()):
            for sc in ("own", "best_peer", "budget"):
                kind = "budget" if sc == "budget" else "pace"
                t = transition_roadmap(row, s, kind, float(capacities.loc[e, sc]))
                frames.append(t.assign(scenario=sc, entity=e, draw=d))
    return pd.concat(frames, ignore_index=True)


def reach_table(ens: pd.DataFrame, targets: Mapping[str, Mapping[str, float]]) -> pd.DataFrame:
    """Per (scenario, entity, framework, target): how often and when the target is reached.

    Parameters
    ----------
    ens : DataFrame
        From :func:`transition_ensemble`.
    targets : dict
        ``{framework: {band name: lower edge}}``.

    Returns
    -------
    DataFrame
        The share of draws whose index reaches the target by the last year of that framework, and
        the median first year.

    Examples
    --------
    >>> lv = pd.DataFrame([{str(i): 2 for i in range(1, 48)}])
    >>> cap = pd.DataFrame({"own": [0.1], "best_peer": [0.2], "budget": [4.0]}, index=["x"])
    >>> e = transition_ensemble({"x": lv}, setting([2025], [2026]), cap, 1)
    >>> t = reach_table(e, {"spbe2020": {"Baik": 2.6}})
    >>> t["share"].tolist()
    [0.0, 0.0, 0.0]
    """
    rows = []
    for (sc, e, fw_name), g in ens[ens["kind"] == "plan"].groupby(["scenario", "entity", "framework"], sort=False):
        for name, edge in targets.get(fw_name, {}).items():
            first = g[g["index"] >= edge].groupby("draw")["year"].min()
            n = g["draw"].nunique()
            rows.append({"scenario": sc, "entity": e, "framework": fw_name, "target": name, "edge": edge,
                         "share": len(first) / n, "median_year": float(first.median()) if len(first) * 2 > n
                         else float("nan")})
    return pd.DataFrame(rows)
