"""Charts of paths to a target: fewest level steps, where the steps fall, roadmaps, a shared
provincial service, effort against unit costs and no-regret moves. Each finding reads correctly
when a regency is already at or above the target (no steps, no division by zero). The pace and
transition charts live in :mod:`spbe_analysis.figures.pace` (re-exported here)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import numpy as np
import pandas as pd

from ..frameworks import Framework, as_framework
from ..labels import entity_names, num, pct, t
from ..paths import ServiceComparison
from .pace import (PaceData, PaceFinding, TransitionData, TransitionFinding, pace_chart,  # noqa: F401  (home: .pace)
                   pace_finding, transition_chart, transition_finding)
from .style import canvas, entity_colour, finish, legend_below, stacked_shares


def _range(s: pd.Series, lang: str) -> str:
    lo, hi = int(s.min()), int(s.max())
    return num(lo, lang, 0) if lo == hi else f"{num(lo, lang, 0)}-{num(hi, lang, 0)}"


# ============================================================================= fewest steps
@dataclass(frozen=True)
class StepsFinding:
    """Fewest level steps to a target per regency: median, range and the share of profiles at the
    most frequent count. Regencies already at the target need 0 steps."""

    target: str
    per_entity: tuple[tuple[str, float, int, int, int, float], ...]   # entity, median, min, max, mode, mode share
    exact: bool

    def _part(self, e, med, lo, hi, mode, share, lang):
        names = entity_names(lang)
        if self.exact or lo == hi:
            return f"{names.get(e, e)} {num(med, lang, 0)}"
        return f"{names.get(e, e)} {num(mode, lang, 0)} ({pct(share, lang)}, {num(lo, lang, 0)}-{num(hi, lang, 0)})"

    def title(self, lang: str) -> str:
        if not self.per_entity:
            return t("f_none_below", lang, target=self.target)
        parts = "; ".join(self._part(*p, lang=lang) for p in self.per_entity)
        return t("f_steps", lang, target=self.target, parts=parts)

    def text(self, lang: str) -> str:
        return self.title(lang) + "."

    @property
    def lowest(self) -> tuple[str, float]:
        e = min(self.per_entity, key=lambda p: p[1])
        return e[0], e[1]

    @property
    def highest(self) -> tuple[str, float]:
        e = max(self.per_entity, key=lambda p: p[1])
        return e[0], e[1]


def steps_finding(dist: Mapping[str, pd.Series], target: str) -> StepsFinding:
    """``dist``: per entity, the fewest steps of every profile."""
    rows = []
    for e, s in dist.items():
        s = pd.Series(s).astype(int)
        mode = int(s.mode().iloc[0])
        rows.append((e, float(s.median()), int(s.min()), int(s.max()), mode, float((s == mode).mean())))
    exact = all(len(pd.Series(s)) == 1 for s in dist.values())
    return StepsFinding(target, tuple(rows), exact)


# ============================================================================= where the steps fall
@dataclass(frozen=True)
class StepShareFinding:
    """The two aspects that take most of the cheapest paths' steps, and their combined share."""

    target: str
    aspects: tuple[int, ...]
    names: tuple[str, ...]
    share: float
    any_steps: bool

    def title(self, lang: str) -> str:
        if not self.any_steps:
            return t("f_no_steps", lang, target=self.target)
        return t("f_step_shares", lang, target=self.target, a=self.aspects[0], b=self.aspects[1],
                 share=pct(self.share, lang))

    def text(self, lang: str) -> str:
        if not self.any_steps:
            return self.title(lang) + "."
        return t("f_step_shares_text", lang, share=pct(self.share, lang), target=self.target, a=self.aspects[0],
                 na=self.names[0], b=self.aspects[1], nb=self.names[1]) + "."


def step_share_finding(shares: pd.DataFrame, framework: Framework | str, target: str) -> StepShareFinding:
    """``shares``: entities x aspects, share of each entity's steps (rows sum to 1, or 0 without steps)."""
    fw = as_framework(framework)
    m = shares.mean()
    top = m.nlargest(2)
    an = fw.group_names("aspect")
    return StepShareFinding(target, tuple(int(a) for a in top.index), tuple(str(an[a]) for a in top.index),
                            float(top.sum()), bool(m.sum() > 0))


# ============================================================================= roadmap
@dataclass(frozen=True)
class RoadmapFinding:
    """Who reaches each target by the end of the roadmap (median over profiles), and when."""

    budget: float
    last_year: int
    n: int
    reach: tuple[tuple[str, str, float | None], ...]   # (target, entity, median first year or None)

    def count(self, target: str) -> int:
        return sum(1 for tg, _, y in self.reach if tg == target and y is not None and y <= self.last_year)

    def title(self, lang: str) -> str:
        tg = self.reach[-1][0] if self.reach else ""
        return t("f_roadmap", lang, budget=num(self.budget, lang, 0), k=self.count(tg), n=self.n, target=tg,
                 year=self.last_year)

    def text(self, lang: str) -> str:
        names = entity_names(lang)
        out = [self.title(lang) + "."]
        for tg in dict.fromkeys(x[0] for x in self.reach):
            yrs = [(e, y) for g, e, y in self.reach if g == tg]
            parts = ", ".join(f"{names.get(e, e)} {t('never', lang) if y is None else int(y)}" for e, y in yrs)
            out.append(t("f_roadmap_when", lang, target=tg, parts=parts) + ".")
        return " ".join(out)


def roadmap_finding(first: pd.DataFrame, budget: float, last_year: int) -> RoadmapFinding:
    """``first``: from ``paths.first_years`` (rows entity x draw, one column per target)."""
    reach = []
    n = first.index.get_level_values("entity").nunique()
    for tg in first.columns:
        for e, g in first[tg].groupby(level="entity", sort=False):
            vals = g.astype("Float64")
            med = None if vals.isna().mean() > 0.5 else float(vals.dropna().median())
            reach.append((tg, e, med))
    return RoadmapFinding(float(budget), int(last_year), n, tuple(reach))


# ============================================================================= shared service
@dataclass(frozen=True)
class SharedServiceFinding:
    """Total cost of reaching the target alone against together with the shared service (median
    over draws), the net saving and in what share of draws it is positive."""

    target: str
    service_cost: float
    alone: float
    together: float
    positive_share: float
    years_alone: float | None
    years_with: float | None
    n_never: int

    @property
    def saving(self) -> float:
        return self.alone - self.together

    def title(self, lang: str) -> str:
        if self.alone <= 0:
            return t("f_service_nothing", lang, target=self.target)
        return t("f_service", lang, together=num(self.together, lang, 0), cost=num(self.service_cost, lang, 0),
                 alone=num(self.alone, lang, 0), saving=num(self.saving, lang, 0),
                 share=pct(self.saving / self.alone, lang))

    def text(self, lang: str) -> str:
        s = self.title(lang) + "."
        if self.alone > 0 and self.positive_share < 1:
            s += " " + t("f_service_share", lang, share=pct(self.positive_share, lang))
        if self.years_alone is not None and self.years_with is not None:
            key = "f_service_years_same" if self.years_with >= self.years_alone else "f_service_years"
            s += " " + t(key, lang, a=num(self.years_alone, lang, 0), b=num(self.years_with, lang, 0))
        if self.n_never:
            s += " " + t("f_service_never", lang, k=self.n_never)
        return s


def shared_service_finding(cmp: ServiceComparison, target: str) -> SharedServiceFinding:
    """From ``paths.shared_service_ensemble`` (its ``table`` has a ``draw`` column)."""
    cost = float(cmp.service_cost)
    cmp = cmp.table
    tot = cmp.groupby("draw").agg(alone=("cost_alone", "sum"), together=("cost_with_service", "sum"))
    tot["together"] += cost
    pos = float(((tot["alone"] - tot["together"]) > 0).mean()) if len(tot) else 0.0
    ya = yw = None
    never = 0
    if "years_alone" in cmp:
        both = cmp[["years_alone", "years_with_service"]]
        never = int(both.isna().any(axis=1).sum())
        ok = both.dropna()
        if len(ok):
            per = ok.join(cmp["entity"]).groupby("entity").median()
            ya, yw = float(per["years_alone"].median()), float(per["years_with_service"].median())
    return SharedServiceFinding(target, cost, float(tot["alone"].median()), float(tot["together"].median()), pos,
                                ya, yw, never)


@dataclass(frozen=True)
class SharedServiceData:
    """What :func:`shared_service_chart` draws: the comparison (``paths.shared_service_ensemble``
    or ``paths.compare_shared_service``), its target band and whether the profiles are illustrative."""

    comparison: ServiceComparison
    target: str
    illustrative: bool = True


def shared_service_chart(data: SharedServiceData, *, lang: str, footer: str, ax=None):
    """Grouped bars: median cost to the target for each regency alone and with the shared service;
    the title states :func:`shared_service_finding`. Returns the axes."""
    cmp, illustrative = data.comparison, data.illustrative
    finding = shared_service_finding(cmp, data.target)
    names = entity_names(lang)
    per = cmp.table.groupby("entity")[["cost_alone", "cost_with_service"]].median().sort_values("cost_alone")
    fig, ax, own = canvas(ax)
    y = np.arange(len(per))
    ax.barh(y + 0.18, per["cost_alone"], height=0.36, color="#999999", label=t("lbl_alone", lang))
    ax.barh(y - 0.18, per["cost_with_service"], height=0.36, color=[entity_colour(e) for e in per.index],
            label=t("lbl_with_service", lang))
    top = max(float(per["cost_alone"].max()), 1.0)
    for yi, (e, r) in zip(y, per.iterrows()):
        ax.text(r["cost_alone"] + top * 0.01, yi + 0.18, num(r["cost_alone"], lang, 0), va="center", fontsize=13)
        ax.text(r["cost_with_service"] + top * 0.01, yi - 0.18, num(r["cost_with_service"], lang, 0), va="center",
                fontsize=13)
    ax.set_yticks(y, [names.get(e, e) for e in per.index])
    ax.set_xlim(0, top * 1.15)
    ax.set_xlabel(t("ax_service_cost", lang, target=finding.target))
    legend_below(ax, ncol=2)
    ax.grid(axis="y", visible=False)
    finish(fig, ax, own, finding.title(lang), footer, lang, illustrative=illustrative)
    return ax


@dataclass(frozen=True)
class GreedyFinding:
    """How much more the greedy rule costs than the integer programme when higher levels cost more."""

    ratio: float | None     # mean greedy / MILP cost (None when no regency needs a step)
    worse: float | None     # share of profiles where greedy costs more

    def text(self, lang: str) -> str:
        if self.ratio is None:
            return t("f_greedy_none", lang) + "."
        key = "f_greedy_loses" if self.ratio > 1.0005 else "f_greedy_same"
        return t(key, lang, r=num(self.ratio, lang, 3), w=pct(self.worse or 0.0, lang)) + "."

    def title(self, lang: str) -> str:
        return self.text(lang)


def greedy_finding(cmp: pd.DataFrame) -> GreedyFinding:
    """From ``paths.compare_greedy``."""
    r = cmp["ratio"].dropna()
    return GreedyFinding(None if r.empty else float(r.mean()),
                         None if r.empty else float(cmp["worse"].dropna().mean()))


# ============================================================================= effort against unit costs
@dataclass(frozen=True)
class EffortShiftFinding:
    """Where the cheapest steps fall (share in the given aspects) with unit costs and with effort
    that grows with the level plus prerequisites."""

    target: str
    aspects: tuple[int, ...]
    unit: float
    effort: float
    any_plans: bool = True

    def title(self, lang: str) -> str:
        if not self.any_plans:
            return t("f_no_steps", lang, target=self.target)
        a = "-".join(str(x) for x in (self.aspects[0], self.aspects[-1]))
        return t("f_effort_shift", lang, target=self.target, a=a, e=pct(self.effort, lang), u=pct(self.unit, lang))

    def text(self, lang: str) -> str:
        if not self.any_plans:
            return self.title(lang) + "."
        return self.title(lang) + ". " + t("f_effort_shift_note", lang)


def effort_shift_finding(shares: Mapping[str, pd.DataFrame], target: str, aspects: tuple[int, ...] = (7, 8),
                         unit: str = "unit", effort: str = "effort") -> EffortShiftFinding:
    """``shares``: {scenario: entities x aspects share of steps}; the share of all steps (averaged
    over the regencies) in ``aspects`` under the unit-cost and the effort scenario."""
    def part(df: pd.DataFrame | None) -> float:
        if df is None or not len(df):
            return 0.0
        cols = [a for a in aspects if a in df.columns]
        return float(df[cols].sum(axis=1).mean())
    return EffortShiftFinding(target, tuple(aspects), part(shares.get(unit)), part(shares.get(effort)),
                              bool(shares) and any(len(v) for v in shares.values()))


@dataclass(frozen=True)
class EffortShiftData:
    """What :func:`effort_shift_chart` draws: {scenario: entities x aspects share of steps} of
    ``framework`` to ``target``, the aspects its finding sums and whether the profiles are
    illustrative."""

    shares: Mapping[str, pd.DataFrame]
    framework: Framework | str
    target: str
    aspects: tuple[int, ...] = (7, 8)
    illustrative: bool = True


def effort_shift_chart(data: EffortShiftData, *, lang: str, footer: str, ax=None):
    """Stacked bars: share of the cheapest steps per aspect, each scenario side by side (mean over
    the regencies); the title states :func:`effort_shift_finding`. Returns the axes."""
    from .style import GROUP_COLOURS
    shares, illustrative = data.shares, data.illustrative
    finding = effort_shift_finding(shares, data.target, tuple(data.aspects))
    fw = as_framework(data.framework)
    names = fw.group_names("aspect")
    fig, ax, own = canvas(ax)
    scen = list(shares)
    y = np.arange(len(scen))[::-1]
    stacked_shares(ax, y, [(f"{a}. {names[a]}", GROUP_COLOURS.get(int(a) % 9, "#777777"),
                            [float(shares[s][a].mean()) * 100 if a in shares[s] else 0.0 for s in scen])
                           for a in fw.groups("aspect")], lang, label_from=6.0, skip_empty=False)
    ax.set_yticks(y, [t("scen_" + s, lang) for s in scen])
    ax.set_xlim(0, 100)
    ax.set_xlabel(t("ax_step_share", lang, target=finding.target))
    legend_below(ax, ncol=2, fontsize=11)
    ax.grid(axis="y", visible=False)
    finish(fig, ax, own, finding.title(lang), footer, lang, illustrative=illustrative,
           adjust={"left": 0.22, "right": 0.97, "bottom": 0.36, "top": 0.86})
    return ax


# ============================================================================= no-regret moves
@dataclass(frozen=True)
class NoRegretFinding:
    """Per regency, the moves (indicator and level) in at least the threshold share of optimal
    plans across profiles and scenarios."""

    threshold: float
    moves: tuple[tuple[str, tuple[tuple[str, int, float], ...]], ...]   # entity, ((indicator, level, share), ...)
    unit_only: tuple[tuple[str, tuple[str, ...]], ...]                  # entity, moves frequent only with unit costs

    def title(self, lang: str) -> str:
        n = sum(1 for _, m in self.moves if m)
        return t("f_no_regret", lang, k=n, n=len(self.moves), p=pct(self.threshold, lang))

    def text(self, lang: str) -> str:
        names = entity_names(lang)
        parts = []
        for e, m in self.moves:
            mv = ", ".join(f"{i} (->{lv})" for i, lv, _ in m[:6]) + (" ..." if len(m) > 6 else "")
            parts.append(f"{names.get(e, e)}: {mv if m else t('none', lang)}")
        out = t("f_no_regret_text", lang, p=pct(self.threshold, lang)) + " " + "; ".join(parts) + "."
        unit = [f"{names.get(e, e)} {', '.join(u[:5])}" for e, u in self.unit_only if u]
        if unit:
            out += " " + t("f_no_regret_unit", lang, who="; ".join(unit))
        return out


def no_regret_finding(nr: pd.DataFrame, threshold: float = 0.8, unit: str = "unit") -> NoRegretFinding:
    """From ``paths.no_regret``; ``unit_only`` lists moves frequent (>= threshold) in the unit-cost
    scenario that are not no-regret overall."""
    moves, unit_only = [], []
    for e, g in nr.groupby("entity", sort=False):
        ok = g[g["share"] >= threshold - 1e-12]
        moves.append((e, tuple((r.indicator, int(r.level), float(r.share)) for r in ok.itertuples())))
        col = f"share_{unit}"
        if col in g:
            u = g[(g[col] >= threshold - 1e-12) & (g["share"] < threshold - 1e-12)]
            unit_only.append((e, tuple(f"{r.indicator}" for r in u.itertuples())))
    return NoRegretFinding(float(threshold), tuple(moves), tuple(unit_only))


@dataclass(frozen=True)
class NoRegretData:
    """What :func:`no_regret_chart` draws: ``paths.no_regret``, the no-regret threshold, how many
    moves per regency to show and whether the profiles are illustrative."""

    moves: pd.DataFrame
    threshold: float = 0.8
    top: int = 6
    illustrative: bool = True


def no_regret_chart(data: NoRegretData, *, lang: str, footer: str, ax=None):
    """Dot matrix: for each regency, its most frequent moves and in what share of the optimal plans
    they appear (filled: no-regret, at or above the threshold); the title states
    :func:`no_regret_finding`. Returns the axes."""
    from matplotlib.lines import Line2D
    nr, top, illustrative = data.moves, data.top, data.illustrative
    finding = no_regret_finding(nr, data.threshold)
    names = entity_names(lang)
    fig, ax, own = canvas(ax)
    ents = list(dict.fromkeys(nr["entity"]))
    for k, e in enumerate(ents):
        g = nr[nr["entity"] == e].head(top)
        for j, r in enumerate(g.itertuples()):
            x = j
            filled = r.share >= finding.threshold - 1e-12
            ax.scatter([x], [k], s=200 + 900 * r.share, color=entity_colour(e) if filled else "white",
                       edgecolor=entity_colour(e), linewidth=2, zorder=3)
            ax.text(x, k - 0.36, f"{r.indicator}->{int(r.level)}\n{pct(r.share, lang)}", ha="center", va="top",
                    fontsize=10)
    ax.set_yticks(range(len(ents)), [names.get(e, e) for e in ents])
    ax.set_xticks([])
    ax.set_xlim(-0.6, top - 0.4)
    ax.set_ylim(len(ents) - 0.4, -0.9)
    ax.grid(False)
    for s_ in ("top", "right", "bottom"):
        ax.spines[s_].set_visible(False)
    legend_below(ax, ncol=2, fontsize=12, handles=[
        Line2D([], [], ls="none", marker="o", ms=12, color="#555555", label=t("lbl_no_regret", lang,
                                                                               p=pct(finding.threshold, lang))),
        Line2D([], [], ls="none", marker="o", ms=12, markerfacecolor="white", markeredgecolor="#555555",
               markeredgewidth=2, label=t("lbl_not_no_regret", lang, p=pct(finding.threshold, lang)))])
    finish(fig, ax, own, finding.title(lang), footer, lang, illustrative=illustrative,
           adjust={"left": 0.17, "right": 0.98, "bottom": 0.1, "top": 0.86})
    return ax
