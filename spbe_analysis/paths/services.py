"""Services the province provides once for every regency: what they lift, and each regency's
cheapest path alone against all together."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import pandas as pd

from .. import checks
from ..errors import DataError
from ..frameworks import Framework, as_framework
from ..official import min_units
from ..assumptions import as_prerequisites
from ..scoring import levels_vector
from .problem import indicator_key, whole_level
from .horizon import years_to_target
from .single import cheapest_path


@dataclass(frozen=True)
class SharedService:
    """A service the province provides once for every regency (for example a shared data
    centre, intranet, service connector or common applications): it lifts the named
    indicators to at least the given levels, at a one-off ``cost`` to the province (in the same
    cost units as the level steps)."""

    name: str
    levels: Mapping[str, int]
    cost: float


@dataclass(frozen=True)
class ServiceComparison:
    """Each regency alone against all together: ``table`` (one row per regency, or per draw and
    regency), the service's ``name`` and the province's one-off ``service_cost``."""

    table: pd.DataFrame
    service: str
    service_cost: float


def check_service(service: Any, fw: Framework) -> dict[str, int]:
    """The levels a :class:`SharedService` sets, validated (indicator -> whole level).

    Examples
    --------
    >>> check_service(SharedService("data centre", {16: 4}, 3), as_framework("spbe2020"))
    {'16': 4}
    """
    if not isinstance(service, SharedService):
        raise DataError("service argument", "a SharedService", value=type(service).__name__)
    checks.non_negative(service.cost, "service argument", column="cost")
    lv = checks.mapping(service.levels, "service argument (levels)", allow_empty=False)
    return {indicator_key(i, fw, "service argument (levels)"): whole_level(v, fw, "service argument (levels)", i)
            for i, v in lv.items()}


def apply_service(levels: Mapping[Any, Any] | pd.Series, framework: Framework | str, service: SharedService) -> pd.Series:
    """Levels after a shared service lifted its indicators to at least its levels.

    Parameters
    ----------
    levels : mapping or Series
    framework : Framework or str
    service : SharedService

    Returns
    -------
    Series
        The new levels (indicators already above a service level keep theirs).

    Raises
    ------
    DataError
        For a service naming an unknown indicator or a level off the scale.

    Examples
    --------
    >>> svc = SharedService("data centre", {"16": 4}, 3)
    >>> lv = {str(i): 2 for i in range(1, 48)}
    >>> int(apply_service(lv, "spbe2020", svc)["16"])
    4
    """
    fw = as_framework(framework)
    q = fw.level_step.denominator
    k = pd.Series(levels_vector(levels, fw), index=pd.Index(fw.ids, name="indicator"))
    for i, lv in check_service(service, fw).items():
        k[i] = max(int(k[i]), lv * q)
    return k if q == 1 else k / q


def compare_shared_service(profiles: Mapping[str, Mapping[Any, Any] | pd.Series], framework: Framework | str,
                           service: SharedService, target: float, cost: Any = None,
                           budget_per_year: float | None = None, max_years: int = 10,
                           prerequisites: Any = None) -> ServiceComparison:
    """Each regency alone against all together with a shared service.

    Parameters
    ----------
    profiles : dict
        Regency -> one profile.
    framework : Framework or str
    service : SharedService
    target : float
    cost, prerequisites
        As in :func:`cheapest_path`.
    budget_per_year : float, optional
        With it, years to ``target`` are compared too.
    max_years : int

    Returns
    -------
    ServiceComparison
        One row per regency: ``cost_alone`` (cheapest path to ``target`` on its own),
        ``cost_with_service`` (its remaining cheapest path once the service lifted the named
        indicators), and, with a yearly budget, ``years_alone`` / ``years_with_service``. The
        province's one-off cost is in :attr:`ServiceComparison.service_cost`.

    Examples
    --------
    >>> svc = SharedService("data centre", {"16": 4}, 3)
    >>> lv = {str(i): 2 for i in range(1, 48)}
    >>> d = compare_shared_service({"a": lv}, "spbe2020", svc, 2.10)
    >>> d.table[["cost_alone", "cost_with_service"]].values.tolist(), d.service_cost
    ([[4.0, 2.0]], 3.0)
    """
    fw = as_framework(framework)
    check_service(service, fw)
    min_units(fw, target)
    if budget_per_year is not None:
        checks.positive(budget_per_year, "budget_per_year argument")
    rows = []
    for e, lv in checks.mapping(profiles, "profiles argument", allow_empty=False).items():
        alone = cheapest_path(lv, fw, target, cost=cost, prerequisites=prerequisites)
        lifted = apply_service(lv, fw, service)
        together = cheapest_path(lifted, fw, target, cost=cost, prerequisites=prerequisites)
        r = {"entity": e, "cost_alone": alone.total_cost, "cost_with_service": together.total_cost,
             "steps_alone": alone.total_steps, "steps_with_service": together.total_steps}
        if budget_per_year is not None:
            r["years_alone"] = years_to_target(lv, fw, target, budget_per_year, max_years, cost=cost,
                                               prerequisites=prerequisites)
            r["years_with_service"] = years_to_target(lifted, fw, target, budget_per_year, max_years, cost=cost,
                                                      prerequisites=prerequisites)
        rows.append(r)
    return ServiceComparison(pd.DataFrame(rows).set_index("entity"), service.name, float(service.cost))


def shared_service_ensemble(levels_by_entity: Mapping[str, pd.DataFrame], framework: Framework | str,
                            service: SharedService, target: float, draws: int, cost: Any = None,
                            budget_per_year: float | None = None, max_years: int = 10,
                            prerequisites: Any = None) -> ServiceComparison:
    """:func:`compare_shared_service` on the first ``draws`` joint profiles.

    Draw d of every entity is taken together.

    Parameters
    ----------
    levels_by_entity : dict
        Entity -> profiles (rows).
    framework : Framework or str
    service : SharedService
    target : float
    draws : int
    cost, budget_per_year, max_years, prerequisites
        As in :func:`compare_shared_service`.

    Returns
    -------
    ServiceComparison
        One row per (draw, entity) with ``cost_alone``, ``cost_with_service``, steps and (with a
        yearly budget) years, in :attr:`ServiceComparison.table`.

    Raises
    ------
    DataError
        For bad arguments, or an entity with fewer profiles than the draws taken from the others
        (draw d of every entity is taken together).

    Examples
    --------
    >>> svc = SharedService("data centre", {"16": 4}, 3)
    >>> import pandas as pd
    >>> lv = pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 2)
    >>> shared_service_ensemble({"a": lv}, "spbe2020", svc, 2.10, draws=2).table["cost_with_service"].tolist()
    [2.0, 2.0]
    """
    fw = as_framework(framework)
    draws = checks.count(draws, "draws argument", minimum=1)
    lv = {e: checks.frame(v, f"levels_by_entity argument [{e}]")
          for e, v in checks.mapping(levels_by_entity, "levels_by_entity argument", allow_empty=False).items()}
    pr = as_prerequisites(prerequisites, fw)
    n = min(draws, max(len(v) for v in lv.values()))
    short = [e for e, v in lv.items() if len(v) < n]
    if short:
        raise DataError("levels_by_entity argument", f"at least {n} profiles for every entity (draw d of every "
                        "entity is taken together)", row=short[0], value=len(lv[short[0]]))
    frames = []
    for d in range(n):
        prof = {e: v.iloc[d] for e, v in lv.items()}
        frames.append(compare_shared_service(prof, fw, service, target, cost=cost, budget_per_year=budget_per_year,
                                             max_years=max_years, prerequisites=pr).table.assign(draw=d))
    return ServiceComparison(pd.concat(frames).reset_index(), service.name, float(service.cost))


__all__ = ["ServiceComparison", "SharedService", "apply_service", "check_service", "compare_shared_service",
           "shared_service_ensemble"]
