"""Paths to a target: cheapest level increases (integer programme), multi-cycle roadmaps with
prerequisites and dwell times, a greedy baseline, shared services and shared one-off efforts,
ensembles over many profiles and their summaries.

Formulation: binary ``y[i, l]`` = "indicator i reaches level l" for every level above its current
one, with the chain ``y[i, l] <= y[i, l - 1]`` (no skipping), the target as an integer constraint
on the weighted sum of new steps, and cost ``sum c[i, l] y[i, l]``; prerequisite and dwell rows as
linear constraints (see :mod:`spbe_analysis.paths.problem`). Targets are *official* values: the
rounded index must reach the target. Solved with ``scipy.optimize.milp`` (HiGHS).

Modules: ``costs`` (cost matrices), ``problem`` (variables and rules), ``solver`` (HiGHS),
``single`` (one cycle), ``roadmaps`` (several cycles), ``horizon`` (cycles to a target),
``services`` (province-wide services), ``ensembles`` (many profiles), ``summaries`` (shares,
robust moves).
"""
from .costs import cost_matrix, escalating_costs
from .ensembles import PlanSteps, compare_greedy, first_years, plan_ensemble, plan_steps, roadmap_ensemble, step_shares
from .horizon import years_to_target
from .problem import InfeasibleTarget, SharedEffort
from .roadmaps import Roadmap, greedy_roadmap, roadmap
from .services import ServiceComparison, SharedService, apply_service, compare_shared_service, shared_service_ensemble
from .single import Plan, cheapest_path, greedy_path
from .summaries import no_regret, scenario_shares

__all__ = ["InfeasibleTarget", "Plan", "PlanSteps", "Roadmap", "ServiceComparison", "SharedEffort", "SharedService",
           "apply_service", "cheapest_path", "compare_greedy", "compare_shared_service", "cost_matrix",
           "escalating_costs", "first_years", "greedy_path", "greedy_roadmap", "no_regret", "plan_ensemble",
           "plan_steps", "roadmap", "roadmap_ensemble", "scenario_shares", "shared_service_ensemble",
           "step_shares", "years_to_target"]
