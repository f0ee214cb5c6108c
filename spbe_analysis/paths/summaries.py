"""Summaries of many plans: where the steps fall, and the moves that most plans share."""
from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from .. import checks
from ..frameworks import Framework, as_framework
from ..errors import DataError
from .ensembles import PlanSteps


def scenario_shares(steps: PlanSteps, framework: Framework | str) -> dict[str, pd.DataFrame]:
    """Per scenario: the share of the plans' level steps in each aspect, per entity.

    Parameters
    ----------
    steps : PlanSteps
        From :func:`spbe_analysis.paths.plan_steps`.
    framework : Framework or str

    Returns
    -------
    dict
        ``{scenario: DataFrame entities x aspects}``; rows sum to 1 where any step was taken.

    Examples
    --------
    >>> import pandas as pd
    >>> from spbe_analysis.paths import plan_steps
    >>> lv = pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 2)
    >>> st = plan_steps({"x": lv}, "spbe2020", {"x": 2.05}, {"unit": (None, None)}, draws=2)
    >>> float(scenario_shares(st, "spbe2020")["unit"].loc["x"].sum())
    1.0
    """
    fw = as_framework(framework)
    out = {}
    aspects = list(fw.groups("aspect"))
    for name in steps.scenarios:
        d = steps.steps[steps.steps["scenario"] == name]
        tab = d.groupby(["entity", "aspect"]).size().unstack(fill_value=0).reindex(columns=aspects, fill_value=0)
        tot = tab.sum(axis=1).replace(0, 1)
        out[name] = tab.div(tot, axis=0)
    return out


def no_regret(steps: PlanSteps, threshold: float = 0.8, over: Iterable[str] | None = None) -> pd.DataFrame:
    """Moves that appear in most optimal plans, whatever the unknowns.

    The level a plan starts from differs between profiles, so the move is "raise this indicator",
    with its typical target level.

    Parameters
    ----------
    steps : PlanSteps
        From :func:`spbe_analysis.paths.plan_steps`.
    threshold : float
        Share of plans at or above which a move is no-regret.
    over : iterable of str, optional
        The scenarios that count (all by default).

    Returns
    -------
    DataFrame
        One row per (entity, indicator), ranked by share: ``share`` (of the entity's optimal plans
        that raise the indicator), ``level`` (the median level those plans take it to),
        ``share_<scenario>`` for every scenario and ``no_regret`` (share >= ``threshold``).

    Raises
    ------
    DataError
        For a steps table without its columns, or a threshold outside (0, 1].

    Examples
    --------
    >>> from spbe_analysis.paths import plan_steps
    >>> lv = {"x": pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 2)}
    >>> st = plan_steps(lv, "spbe2020", {"x": 2.05}, {"unit": (None, None)}, draws=2)
    >>> nr = no_regret(st)
    >>> int(nr["no_regret"].sum()), float(nr["share"].max())
    (1, 1.0)
    """
    if not isinstance(steps, PlanSteps):
        raise DataError("steps argument", "the PlanSteps of plan_steps", value=type(steps).__name__)
    checks.frame(steps.steps, "steps argument", columns=("scenario", "entity", "draw", "indicator", "level"),
                 allow_empty=True)
    th = checks.exact_number(threshold, "threshold argument", expected="a share in (0, 1]")
    if not 0 < th <= 1:
        raise DataError("threshold argument", "a share in (0, 1]", value=threshold)
    threshold = float(th)
    plans = steps.plans
    scen = list(steps.scenarios)
    over = scen if over is None else [checks.choice(s_, scen, "over argument")
                                                   for s_ in checks.collection(over, "over argument", allow_empty=False)]
    top = steps.steps.groupby(["scenario", "entity", "draw", "indicator"], sort=False)["level"].max().reset_index()
    rows = []
    for e in dict.fromkeys(k[1] for k in plans):
        d = top[top["entity"] == e]
        total = sum(plans[(s_, e)] for s_ in over) or 1
        for i, g in d.groupby("indicator", sort=False):
            inside = g[g["scenario"].isin(over)]
            r = {"entity": e, "indicator": i, "level": int(np.median(inside["level"])) if len(inside) else
                 int(np.median(g["level"])), "share": len(inside) / total}
            for s_ in scen:
                r[f"share_{s_}"] = int((g["scenario"] == s_).sum()) / plans[(s_, e)]
            rows.append(r)
    cols = ["entity", "indicator", "level", "share"] + [f"share_{s_}" for s_ in scen]
    df = pd.DataFrame(rows, columns=cols)
    df["no_regret"] = df["share"] >= threshold - 1e-12
    if df.empty:
        return df
    df = df.sort_values(["entity", "share", "level"], ascending=[True, False, True], kind="stable")
    return df.reset_index(drop=True)


__all__ = ["no_regret", "scenario_shares"]
