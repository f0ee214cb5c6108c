"""The rules every PEMDI action plan follows, in one place: the settings of
``data/assumptions/plan_settings.csv``, the levels set by another agency's national index
(``data/assumptions/national_index_levels.csv``) and the band search.

A plan (:func:`plan_roadmap`) uses the team's yearly effort in full (the largest gain, as early as
the rules allow, the cheapest such plan among equals) and secures, by the last cycle, the highest
predicate band it can reach with ``band_margin`` index points to spare. Where no band above the
start can be secured with that margin, the plan is the same full effort without a band to secure
(``band`` is NaN), and a band it reaches inside the margin is reported as reached at the edge.
With ``national_index_levels_planned`` = 0 a level whose evidence is a value of a national index
is not planned: the indicator stays at its start value, and :func:`national_upside` says what a
rise of one level in each of those indicators would add.
"""
from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import checks
from .config import data_file
from .csvio import Column, decimal, integer, read_csv_strict, text
from .errors import DataError
from .frameworks import as_framework
from .official import min_units
from .paths import InfeasibleTarget, roadmap
from .paths.problem import build_problem
from .scoring import score

FRAMEWORK = "pemdi2026"
#: The parameters ``plan_settings.csv`` must give.
SETTINGS = ("effort_per_cycle", "band_margin", "national_index_levels_planned")


def load_settings(path: str | None = None) -> dict[str, float]:
    """The planning settings of ``data/assumptions/plan_settings.csv`` (parameter -> value).

    Parameters
    ----------
    path : str, optional
        A file of your own with the same columns.

    Returns
    -------
    dict

    Raises
    ------
    DataError
        For a file without the columns, a missing parameter, or a value out of range.

    Examples
    --------
    >>> s = load_settings()
    >>> s["effort_per_cycle"] > 0, s["band_margin"] >= 0, s["national_index_levels_planned"] in (0, 1)
    (True, True, True)
    """
    p = data_file("assumptions/plan_settings.csv") if path is None else path
    df = read_csv_strict(p, [Column("parameter", text()), Column("value", decimal()), Column("unit", text()),
                             Column("basis", text())], key=("parameter",))
    out = {r.parameter: float(r.value) for r in df.itertuples()}
    for name in SETTINGS:
        if name not in out:
            raise DataError(str(p), f"a row for the parameter {name}", column="parameter")
    rules = {"effort_per_cycle": ("a positive effort", lambda v: v > 0),
             "band_margin": ("a margin from 0 to 0.5 index points", lambda v: 0 <= v <= 0.5),
             "national_index_levels_planned": ("0 or 1", lambda v: v in (0.0, 1.0))}
    for name, (want, ok) in rules.items():
        if not ok(out[name]):
            row = int(np.flatnonzero(df["parameter"].to_numpy() == name)[0]) + 2
            raise DataError(str(p), want, row=f"line {row}", column="value", value=out[name])
    return out


def national_index_levels(path: str | Path | None = None) -> pd.DataFrame:
    """The PEMDI levels whose evidence is a value of another agency's national index.

    Parameters
    ----------
    path : str or Path, optional
        A file of your own with the columns of ``data/assumptions/national_index_levels.csv``.

    Returns
    -------
    DataFrame
        ``indicator``, ``level``, ``national_index``, ``agency``, ``basis``, ``source``.

    Raises
    ------
    DataError
        For an unknown indicator, a level outside 2-5 or a repeated row.

    Examples
    --------
    >>> t = national_index_levels()
    >>> sorted(t["indicator"].unique(), key=lambda i: int(i[1:]))
    ['I5', 'I6', 'I7', 'I10', 'I11', 'I12', 'I18']
    """
    p = data_file("assumptions/national_index_levels.csv") if path is None else path
    df = read_csv_strict(p, [Column("framework", text()), Column("indicator", text()), Column("level", integer()),
                             Column("national_index", text()), Column("agency", text()), Column("basis", text()),
                             Column("source", text())], key=("indicator", "level"))
    fw = as_framework(FRAMEWORK)
    for k, r in enumerate(df.itertuples(), start=2):
        if r.framework != FRAMEWORK:
            raise DataError(str(p), f"the framework {FRAMEWORK}", row=f"line {k}", column="framework", value=r.framework)
        if r.indicator not in fw.ids:
            raise DataError(str(p), "a PEMDI indicator I1-I20", row=f"line {k}", column="indicator", value=r.indicator)
        if not 2 <= int(r.level) <= fw.level_max:
            raise DataError(str(p), f"a level from 2 to {fw.level_max}", row=f"line {k}", column="level", value=r.level)
    return df.drop(columns="framework").reset_index(drop=True)


def national_caps(values: Any, settings: dict | None = None) -> dict[str, int]:
    """Indicator -> the highest whole level the plan may reach when national-index levels are not
    planned: the level below the first level set by a national index, never below the start's
    whole level (empty when ``national_index_levels_planned`` is 1).

    Examples
    --------
    >>> national_caps({f"I{k}": 1.3 for k in range(1, 21)})["I5"], national_caps({"I11": 2.0})["I11"]
    (1, 4)
    """
    s = load_settings() if settings is None else settings
    if s["national_index_levels_planned"]:
        return {}
    t = national_index_levels()
    first = t.groupby("indicator")["level"].min()
    vals = dict(values)
    return {i: max(int(lv) - 1, math.floor(float(vals.get(i, 1)) + 1e-9)) for i, lv in first.items()}


def national_upside(values: Any, caps: dict[str, int]) -> float:
    """Index points a rise of one whole level in each capped indicator (no higher than 5) would add
    to ``values`` (a plan's last-cycle values), with the values' own rounding.

    Examples
    --------
    >>> v = {f"I{k}": 1.0 for k in range(1, 21)}
    >>> national_upside(v, {"I5": 1, "I6": 1})
    0.08
    """
    fw = as_framework(FRAMEWORK)
    up = {i: (min(math.floor(float(v) + 1e-9) + 1, fw.level_max) if i in caps else v) for i, v in dict(values).items()}
    return round(score(up, FRAMEWORK).index - score(dict(values), FRAMEWORK).index, 2)


def hundredths(values: Any) -> dict:
    """The start values as the planner climbs them: each floored to hundredths (7/6 plans from 1.16)."""
    return {i: Fraction(math.floor(checks.exact_number(v, "start values", column=i) * 100), 100)
            for i, v in dict(values).items()}


def out_of_reach(values: dict, effort: pd.DataFrame, target: float, n_cycles: int, per: float,
                 caps: dict | None = None) -> bool:
    """True when even a relaxation cannot reach ``target``: the level steps the cycles allow (one a
    cycle, within the caps), bought fractionally by gain per effort within the total yearly effort;
    shared one-off efforts, prerequisites and the yearly split left out. A target this rules out is
    also out of reach of the roadmap, so the search skips it without changing the plan."""
    fw = as_framework(FRAMEWORK)
    pb = build_problem(fw, values, effort, max_level=caps or None)
    steps = [j for j, (p, lv) in enumerate(pb.var) if p < fw.n and lv <= int(pb.cur[p]) + n_cycles]
    if not steps:
        return min_units(fw, target) > pb.n0
    g = pb.gain[steps].astype(float)
    c = pb.cost[steps].astype(float)
    order = np.argsort(-g / np.maximum(c, 1e-12), kind="stable")
    room, best = per * n_cycles, 0.0
    for j in order:
        if c[j] <= room:
            room -= c[j]
            best += g[j]
        else:
            best += g[j] * room / c[j]
            break
    return pb.n0 + best < min_units(fw, target) - 1e-9


def plan_roadmap(values: Any, held_since: dict, effort: pd.DataFrame, prerequisites: Any, shared: list,
                 cycles: list, per: float, top: float | None = None, settings: dict | None = None) -> tuple:
    """The plan's roadmap for start ``values``: the full yearly effort, securing the highest band
    (edge plus ``band_margin``) the cycles can reach, trying only band edges at or below ``top``.

    Returns
    -------
    tuple
        ``(band edge secured or NaN, Roadmap, caps)``; ``caps`` as in :func:`national_caps`.

    Examples
    --------
    >>> from spbe_analysis.scenarios import tables
    >>> e, p = tables()
    >>> v = {f"I{k}": 1.0 for k in range(1, 21)}
    >>> band, rm, caps = plan_roadmap(v, {}, e["central"][0], p["with_judgement"], e["central"][1], [2027, 2028, 2029], 8.0)
    >>> band, float(rm.summary["index"].iloc[-1]) >= band + 0.05, "I5" in caps
    (1.5, True, True)
    """
    s = load_settings() if settings is None else settings
    fw = as_framework(FRAMEWORK)
    vals = hundredths(values)
    caps = national_caps(values, s)
    args = dict(max_steps_per_year=1, cost=effort, prerequisites=prerequisites, held_since=held_since,
                shared=shared, max_level=caps or None, objective="max_progress")
    idx = score(dict(values), FRAMEWORK).index
    edges = [float(r.lower) for r in fw.bands.sort_values("rank").itertuples() if float(r.lower) > idx + 1e-12]
    for b in reversed(edges):
        if top is not None and (math.isnan(top) or b > top + 1e-12):
            continue
        goal = round(b + s["band_margin"], 2)
        if goal > fw.level_max or out_of_reach(vals, effort, goal, len(cycles), per, caps):
            continue
        try:
            return b, roadmap(vals, fw, cycles, budgets=per, milestones={cycles[-1]: goal}, **args), caps
        except InfeasibleTarget:
            continue
    return float("nan"), roadmap(vals, fw, cycles, budgets=per, horizon=None, **args), caps


__all__ = ["FRAMEWORK", "SETTINGS", "hundredths", "load_settings", "national_caps", "national_index_levels",
           "national_upside", "out_of_reach", "plan_roadmap"]
