"""Plans over many profiles: the cheapest path or roadmap of every illustrative (or real)
profile, the first year each trajectory reaches a target, and MILP against greedy."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import pandas as pd

from .. import checks
from ..assumptions import as_prerequisites
from ..errors import DataError
from ..frameworks import Framework, as_framework
from ..official import official_value
from ..scoring import levels_vector
from .costs import cost_matrix
from .roadmaps import roadmap
from .single import cheapest_path, greedy_path


@dataclass(frozen=True)
class PlanSteps:
    """Every level climbed by many optimal plans: ``steps`` (one row per scenario, entity, draw,
    indicator and level), ``plans`` (number of plans per (scenario, entity)) and ``scenarios``."""

    steps: pd.DataFrame
    plans: dict
    scenarios: tuple


def plan_ensemble(levels: pd.DataFrame, framework: Framework | str, target: float, cost: Any = None,
                  method: str = "milp", frozen: Iterable[Any] = (),
                  prerequisites: Any = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Cheapest path (or greedy) for every profile (row) of ``levels``.

    Parameters
    ----------
    levels : DataFrame
        Profiles as rows.
    framework : Framework or str
    target : float
    cost, frozen, prerequisites
        As in :func:`cheapest_path`.
    method : {"milp", "greedy"}

    Returns
    -------
    tuple of DataFrame
        ``(summary, steps)``: per draw ``steps``, ``cost``, ``index_before`` and ``index_after``
        (official); and a (draws x indicators) matrix of level steps taken on each indicator. Draws already at or
        above the target get an empty plan (0 steps).

    Raises
    ------
    InfeasibleTarget
        When a profile cannot reach ``target``.

    Examples
    --------
    >>> import pandas as pd
    >>> lv = pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 2)
    >>> summary, steps = plan_ensemble(lv, "spbe2020", 2.10)
    >>> summary["steps"].tolist(), int(steps.to_numpy().sum())
    ([4, 4], 8)
    """
    fw = as_framework(framework)
    checks.choice(method, ("milp", "greedy"), "method argument")
    checks.frame(levels, "levels argument")
    fn = cheapest_path if method == "milp" else greedy_path
    C = pd.DataFrame(cost_matrix(fw, cost), index=list(fw.ids), columns=range(fw.level_min, fw.level_max + 1))
    pr = as_prerequisites(prerequisites, fw)
    summ, steps = [], []
    for d, row in levels.iterrows():
        p = fn(row, fw, target, cost=C, frozen=frozen, prerequisites=pr)
        summ.append({"draw": d, "steps": p.total_steps, "cost": p.total_cost, "index_before": p.index_before,
                     "index_after": p.index_after})
        s = pd.Series(0, index=pd.Index(fw.ids, name="indicator"), dtype="int64")
        if len(p.steps):
            s.loc[p.steps["indicator"].to_list()] = p.steps["steps"].to_numpy()
        steps.append(s)
    return pd.DataFrame(summ).set_index("draw"), pd.DataFrame(steps, index=levels.index)


def step_shares(steps: pd.DataFrame, framework: Framework | str, by: str = "aspect") -> pd.Series:
    """Share of all level steps of a step matrix that fall in each aspect (or domain).

    Parameters
    ----------
    steps : DataFrame
        A (draws x indicators) step matrix from :func:`plan_ensemble`.
    framework : Framework or str
    by : {"aspect", "domain"}

    Returns
    -------
    Series
        Every group listed, zeros included; all zeros when no step is taken.

    Examples
    --------
    >>> import pandas as pd
    >>> lv = pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 2)
    >>> shares = step_shares(plan_ensemble(lv, "spbe2020", 2.10)[1], "spbe2020")
    >>> float(shares.sum())
    1.0
    """
    fw = as_framework(framework)
    checks.choice(by, ("aspect", "domain"), "by argument")
    tot = steps.sum(axis=0).groupby(fw.indicators[by]).sum().reindex(fw.groups(by), fill_value=0).astype(float)
    return tot / tot.sum() if tot.sum() > 0 else tot


def roadmap_ensemble(levels_by_entity: Mapping[str, pd.DataFrame], framework: Framework | str, years: list[int],
                     budgets: Any, start_year: int, draws: int | None = None, cost: Any = None,
                     max_steps_per_year: int | None = 1, prerequisites: Any = None,
                     pace: Any = None) -> pd.DataFrame:
    """The max-progress :func:`roadmap` of every profile (the first ``draws`` of each entity).

    Parameters
    ----------
    levels_by_entity : dict
        Entity -> profiles (rows).
    framework : Framework or str
    years : list of int
    budgets : number or list
        Yearly budgets (cost units).
    start_year : int
        The year of the starting profiles.
    draws : int, optional
        Profiles per entity (all by default).
    cost, max_steps_per_year, prerequisites, pace
        As in :func:`roadmap`; ``pace`` may also be a mapping {entity: pace}.

    Returns
    -------
    DataFrame
        One row per (entity, draw, year), starting with ``start_year`` at the profile's own
        official index: ``entity``, ``draw``, ``year``, ``index``.

    Raises
    ------
    DataError
        For bad arguments, or a mapping of paces without an entity of ``levels_by_entity``.

    Examples
    --------
    >>> import pandas as pd
    >>> lv = pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 2)
    >>> r = roadmap_ensemble({"a": lv}, "spbe2020", [2025], 2, 2024, draws=1)
    >>> r["index"].tolist()
    [2.0, 2.06]
    """
    fw = as_framework(framework)
    if draws is not None:
        draws = checks.count(draws, "draws argument", minimum=1)
    start_year = checks.count(start_year, "start_year argument", minimum=0)
    pr = as_prerequisites(prerequisites, fw)
    lv_all = checks.mapping(levels_by_entity, "levels_by_entity argument", allow_empty=False)
    absent = [e for e in lv_all if e not in pace] if isinstance(pace, Mapping) else []
    if absent:
        raise DataError("pace argument", "a pace for every entity of levels_by_entity (or one pace for all)",
                        row=absent[0])
    rows = []
    for e, lv in lv_all.items():
        sub = checks.frame(lv, f"levels_by_entity argument [{e}]")
        for d, row in (sub if draws is None else sub.head(draws)).iterrows():
            p = pace[e] if isinstance(pace, Mapping) else pace
            rm = roadmap(row, fw, years, budgets, max_steps_per_year=max_steps_per_year, cost=cost,
                         prerequisites=pr, pace=p)
            rows.append({"entity": e, "draw": d, "year": start_year,
                         "index": official_value(fw, int(fw.units @ levels_vector(row, fw)))})
            rows += [{"entity": e, "draw": d, "year": int(r.year), "index": float(r.index)} for r in rm.summary.itertuples()]
    return pd.DataFrame(rows, columns=["entity", "draw", "year", "index"])


def first_years(trajectories: pd.DataFrame, targets: Mapping[str, float]) -> pd.DataFrame:
    """First year in which each (entity, draw) trajectory reaches each target.

    Parameters
    ----------
    trajectories : DataFrame
        From :func:`roadmap_ensemble` (``entity``, ``draw``, ``year``, ``index``).
    targets : dict
        Target name -> index value.

    Returns
    -------
    DataFrame
        One row per (entity, draw), one column per target name; NA when the target is not reached
        within the horizon.

    Examples
    --------
    >>> import pandas as pd
    >>> tr = pd.DataFrame({"entity": "a", "draw": 0, "year": [2024, 2025, 2026], "index": [2.4, 2.55, 2.61]})
    >>> first_years(tr, {"Baik": 2.6, "Sangat Baik": 3.5}).iloc[0].tolist()
    [2026, <NA>]
    """
    t = checks.frame(trajectories, "trajectories argument", columns=("entity", "draw", "year", "index"))
    out = []
    for (e, d), g in t.groupby(["entity", "draw"], sort=False):
        r = {"entity": e, "draw": d}
        for name, v in checks.mapping(targets, "targets argument", allow_empty=False).items():
            hit = g.loc[g["index"] >= float(v), "year"]
            r[name] = int(hit.min()) if len(hit) else pd.NA
        out.append(r)
    df = pd.DataFrame(out).set_index(["entity", "draw"])
    return df.astype("Int64")


def compare_greedy(levels_by_entity: Mapping[str, pd.DataFrame], framework: Framework | str, target: float,
                   cost: Any, draws: int) -> pd.DataFrame:
    """Cheapest path (MILP) against the greedy rule on the first ``draws`` profiles.

    Parameters
    ----------
    levels_by_entity : dict
        Entity -> profiles (rows).
    framework : Framework or str
    target : float
    cost
        As in :func:`cheapest_path`.
    draws : int

    Returns
    -------
    DataFrame
        One row per entity: ``milp`` and ``greedy`` median cost, ``ratio`` (mean greedy / MILP over
        the draws that need any step; NA when none does) and ``worse`` (share of those draws where
        greedy costs more).

    Examples
    --------
    >>> import pandas as pd
    >>> lv = pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 2)
    >>> float(compare_greedy({"a": lv}, "spbe2020", 2.10, None, draws=2)["ratio"].iloc[0])
    1.0
    """
    fw = as_framework(framework)
    draws = checks.count(draws, "draws argument", minimum=1)
    rows = []
    for e, lv in checks.mapping(levels_by_entity, "levels_by_entity argument", allow_empty=False).items():
        sub = checks.frame(lv, f"levels_by_entity argument [{e}]").head(draws)
        m = plan_ensemble(sub, fw, target, cost=cost)[0]["cost"]
        g = plan_ensemble(sub, fw, target, cost=cost, method="greedy")[0]["cost"]
        need = m > 0
        rows.append({"entity": e, "milp": float(m.median()), "greedy": float(g.median()),
                     "ratio": float((g[need] / m[need]).mean()) if need.any() else float("nan"),
                     "worse": float((g[need] > m[need] + 1e-9).mean()) if need.any() else float("nan")})
    return pd.DataFrame(rows).set_index("entity")


def plan_steps(levels_by_entity: Mapping[str, pd.DataFrame], framework: Framework | str,
               targets: Mapping[str, float], scenarios: Mapping[str, tuple[Any, Any]], draws: int) -> PlanSteps:
    """Every level climbed by the cheapest paths, under every cost and prerequisite scenario.

    Parameters
    ----------
    levels_by_entity : dict
        Entity -> profiles (rows).
    framework : Framework or str
    targets : dict
        Entity -> its target index value.
    scenarios : dict
        ``{name: (cost, prerequisites)}``.
    draws : int
        The first profiles of each entity.

    Returns
    -------
    PlanSteps
        ``steps``: one row per (scenario, entity, draw, indicator, level) climbed, with ``aspect`` and the
        ``cost`` of that level; the number of plans per (scenario, entity) is in
        :attr:`PlanSteps.plans`.

    Examples
    --------
    >>> import pandas as pd
    >>> lv = pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 2)
    >>> st = plan_steps({"x": lv}, "spbe2020", {"x": 2.05}, {"unit": (None, None)}, draws=2)
    >>> len(st.steps), st.plans
    (4, {('unit', 'x'): 2})
    """
    fw = as_framework(framework)
    draws = checks.count(draws, "draws argument", minimum=1)
    scen = checks.mapping(scenarios, "scenarios argument", allow_empty=False)
    targets = checks.mapping(targets, "targets argument")
    rows, plans = [], {}
    lv_all = checks.mapping(levels_by_entity, "levels_by_entity argument", allow_empty=False)
    for e in targets:
        if e not in lv_all:
            raise DataError("targets argument", "entities of levels_by_entity", row=e)
    for e, target in targets.items():
        sub = checks.frame(lv_all[e], f"levels_by_entity argument [{e}]").head(draws)
        for name, (cost, prereq) in scen.items():
            pr = as_prerequisites(prereq, fw)
            C = cost_matrix(fw, cost)
            plans[(name, e)] = len(sub)
            for d, (_, row) in enumerate(sub.iterrows()):
                plan = cheapest_path(row, fw, target, cost=cost, prerequisites=pr)
                p_of = {i: k for k, i in enumerate(fw.ids)}
                for r in plan.steps.itertuples():
                    for level in range(int(r.to) - int(r.steps) + 1, int(r.to) + 1):
                        rows.append({"scenario": name, "entity": e, "draw": d, "indicator": r.indicator,
                                     "level": level, "aspect": int(r.aspect),
                                     "cost": float(C[p_of[r.indicator], level - fw.level_min])})
    df = pd.DataFrame(rows, columns=["scenario", "entity", "draw", "indicator", "level", "aspect", "cost"])
    return PlanSteps(df, plans, tuple(scen))


__all__ = ["PlanSteps", "compare_greedy", "first_years", "plan_ensemble", "plan_steps", "roadmap_ensemble", "step_shares"]
