"""Charts of paths to a target: fewest level steps, where the steps fall, roadmaps and a shared
provincial service. Each finding reads correctly when a regency is already at or above the
target (no steps, no division by zero)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import numpy as np
import pandas as pd

from ..data import entity_names
from ..frameworks import Framework
from ..labels import num, pct, t
from ..official import as_framework
from .style import band_spans, canvas, decimal_axis, entity_colour, finish


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


def steps_chart(dist: Mapping[str, pd.Series], finding: StepsFinding, lang: str = "id", source: str = "",
                illustrative: bool = True, ax=None):
    """Per regency: fewest steps to the target (median dot; 5-95 % bar and min-max whisker across
    profiles; one dot for a real sheet)."""
    names = entity_names(lang)
    fig, ax, own = canvas(ax)
    ents = sorted(dist, key=lambda e: float(pd.Series(dist[e]).median()))
    top = max([float(pd.Series(s).max()) for s in dist.values()] + [1.0])
    for yi, e in enumerate(ents):
        s = pd.Series(dist[e]).astype(float)
        ax.plot([s.min(), s.max()], [yi, yi], color=entity_colour(e), lw=10, alpha=0.35, solid_capstyle="round")
        ax.plot([s.quantile(0.05), s.quantile(0.95)], [yi, yi], color=entity_colour(e), lw=10, solid_capstyle="butt")
        ax.scatter([s.median()], [yi], color="white", edgecolor="black", s=160, zorder=3)
        lbl = num(s.median(), lang, 0) + ("" if s.min() == s.max() else f" ({_range(s, lang)})")
        ax.text(s.max() + top * 0.02, yi, lbl, va="center", fontsize=14)
    ax.set_yticks(range(len(ents)), [names.get(e, e) for e in ents])
    ax.set_xlabel(t("ax_fewest_steps", lang))
    ax.set_xlim(0, top * 1.25)
    ax.set_ylim(-0.6, max(len(ents) - 0.4, 0.6))
    ax.grid(axis="y", visible=False)
    return finish(fig, ax, own, finding.title(lang), source, lang, illustrative=illustrative)


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


def roadmap_chart(traj: pd.DataFrame, framework: Framework | str, finding: RoadmapFinding, lang: str = "id",
                  source: str = "", illustrative: bool = True, ax=None):
    """Index by year under a roadmap: median line and min-max band across profiles, per regency."""
    fw = as_framework(framework)
    names = entity_names(lang)
    fig, ax, own = canvas(ax)
    years = sorted(traj["year"].unique())
    lo = min(1.5, float(traj["index"].min()) - 0.1)
    hi = max(4.5, float(traj["index"].max()) + 0.1)
    band_spans(ax, fw, orientation="h", lo=lo, hi=hi, alpha=0.45)
    end = []
    for e, g in traj.groupby("entity", sort=False):
        st = g.groupby("year")["index"].agg(["median", "min", "max"]).reindex(years)
        ax.fill_between(years, st["min"], st["max"], color=entity_colour(e), alpha=0.18, lw=0)
        ax.plot(years, st["median"], color=entity_colour(e), lw=2.8, marker="o")
        end.append((float(st["median"].iloc[-1]), e))
    end.sort()
    placed: list[float] = []
    for v, e in end:
        yv = max(v, placed[-1] + 0.09) if placed else v
        placed.append(yv)
        ax.text(years[-1] + 0.12, yv, f"{names.get(e, e)} {num(v, lang)}", color=entity_colour(e), fontsize=13,
                va="center", fontweight="bold")
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlim(years[0] - 0.2, years[-1] + 1.3)
    ax.set_ylim(lo, hi)
    decimal_axis(ax, lang, "y", 1)
    ax.set_ylabel(t("index", lang))
    ax.grid(axis="x", visible=False)
    return finish(fig, ax, own, finding.title(lang), source, lang, illustrative=illustrative,
                  adjust={"left": 0.08, "right": 0.86, "bottom": 0.14, "top": 0.86})


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


def shared_service_finding(cmp: pd.DataFrame, target: str) -> SharedServiceFinding:
    """From ``paths.shared_service_ensemble``."""
    cost = float(cmp.attrs.get("service_cost", 0.0))
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


def shared_service_chart(cmp: pd.DataFrame, finding: SharedServiceFinding, lang: str = "id", source: str = "",
                         illustrative: bool = True, ax=None):
    """Grouped bars: median cost to the target for each regency alone and with the shared service."""
    names = entity_names(lang)
    per = cmp.groupby("entity")[["cost_alone", "cost_with_service"]].median().sort_values("cost_alone")
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
    ax.legend(loc="lower right")
    ax.grid(axis="y", visible=False)
    return finish(fig, ax, own, finding.title(lang), source, lang, illustrative=illustrative)


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


def steps_frame(finding: StepsFinding) -> pd.DataFrame:
    """The finding as a table: entity, median, min and max steps."""
    return pd.DataFrame([{"entity": e, "median": m, "min": lo, "max": hi} for e, m, lo, hi, _, _ in finding.per_entity],
                        columns=["entity", "median", "min", "max"])
