"""Charts of paths to a target: fewest level steps, where the steps fall, roadmaps and a shared
provincial service. Each finding reads correctly when a regency is already at or above the
target (no steps, no division by zero)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import numpy as np
import pandas as pd

from ..frameworks import Framework, as_framework
from ..labels import entity_names, num, pct, t
from .style import band_spans, canvas, decimal_axis, entity_colour, finish, stacked_shares


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


def effort_shift_chart(shares: Mapping[str, pd.DataFrame], finding: EffortShiftFinding, framework, lang: str = "id",
                       source: str = "", illustrative: bool = True, ax=None):
    """Stacked bars: share of the cheapest steps per aspect, each scenario side by side (mean over
    the regencies)."""
    from ..frameworks import as_framework
    from .style import GROUP_COLOURS
    fw = as_framework(framework)
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
    ax.legend(loc="upper center", bbox_to_anchor=(0.45, -0.14), ncol=2, fontsize=11)
    ax.grid(axis="y", visible=False)
    return finish(fig, ax, own, finding.title(lang), source, lang, illustrative=illustrative,
                  adjust={"left": 0.22, "right": 0.97, "bottom": 0.36, "top": 0.86})


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


def no_regret_chart(nr: pd.DataFrame, finding: NoRegretFinding, lang: str = "id", source: str = "",
                    illustrative: bool = True, top: int = 6, ax=None):
    """Dot matrix: for each regency, its most frequent moves and in what share of the optimal plans
    they appear (filled: no-regret, at or above the threshold)."""
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
    return finish(fig, ax, own, finding.title(lang), source, lang, illustrative=illustrative,
                  adjust={"left": 0.17, "right": 0.98, "bottom": 0.1, "top": 0.86})


# ============================================================================= pace from the record
@dataclass(frozen=True)
class PaceFinding:
    """The observed yearly pace of the regencies and what the backtest says about using it."""

    lo: tuple[str, float]
    hi: tuple[str, float]
    mae_model: float
    mae_no_change: float
    n: int

    def title(self, lang: str) -> str:
        n = entity_names(lang)
        return t("f_pace", lang, lo=n.get(self.lo[0], self.lo[0]), lov=num(self.lo[1], lang),
                 hi=n.get(self.hi[0], self.hi[0]), hiv=num(self.hi[1], lang))

    def text(self, lang: str) -> str:
        key = "f_backtest_worse" if self.mae_model >= self.mae_no_change else "f_backtest_better"
        return self.title(lang) + ". " + t(key, lang, m=num(self.mae_model, lang), z=num(self.mae_no_change, lang),
                                           n=self.n) + "."


def pace_finding(pace: pd.DataFrame, bt) -> PaceFinding:
    """From ``pace.own_pace`` (the lower bound where censored) and ``pace.backtest``."""
    lo, hi = pace["low"].idxmin(), pace["low"].idxmax()
    return PaceFinding((lo, float(pace.loc[lo, "low"])), (hi, float(pace.loc[hi, "low"])), bt.mae_model,
                       bt.mae_no_change, bt.n)


def pace_chart(changes: pd.DataFrame, finding: PaceFinding, lang: str = "id", source: str = "", ax=None):
    """Observed yearly change per regency and year pair (a bar; a range where a value is censored)."""
    names = entity_names(lang)
    fig, ax, own = canvas(ax)
    ents = list(dict.fromkeys(changes["entity"]))
    pairs = list(dict.fromkeys(zip(changes["y0"], changes["y1"])))
    width = 0.8 / max(len(pairs), 1)
    for k, (y0, y1) in enumerate(pairs):
        for j, e in enumerate(ents):
            r = changes[(changes["entity"] == e) & (changes["y0"] == y0)]
            if r.empty:
                continue
            r = r.iloc[0]
            x = j + (k - (len(pairs) - 1) / 2) * width
            if r["exact"]:
                ax.bar([x], [r["low"]], width=width * 0.9, color=entity_colour(e), alpha=0.55 + 0.45 * k)
                ax.text(x, max(r["low"], 0) + 0.02, num(r["low"], lang), ha="center", fontsize=11)
            else:
                ax.bar([x], [r["high"] - r["low"]], bottom=[r["low"]], width=width * 0.9, color="white",
                       edgecolor=entity_colour(e), hatch="//", lw=1.5)
                ax.text(x, r["high"] + 0.02, f"{num(r['low'], lang)}-{num(r['high'], lang)}", ha="center", fontsize=10)
    ax.set_xticks(range(len(ents)), [names.get(e, e) for e in ents])
    ax.axhline(0, color="#333333", lw=1)
    decimal_axis(ax, lang, "y", 1)
    ax.set_ylabel(t("ax_yearly_change", lang, pairs=", ".join(f"{a}-{b}" for a, b in pairs)))
    ax.grid(axis="x", visible=False)
    return finish(fig, ax, own, finding.title(lang), source, lang,
                  adjust={"left": 0.08, "right": 0.98, "bottom": 0.14, "top": 0.86})


# ============================================================================= across the break
@dataclass(frozen=True)
class TransitionFinding:
    """Per capacity scenario: the regencies reaching their next SPBE band in the last SPBE year and
    their PEMDI band by the end of the roadmap, in at least the threshold share of draws."""

    scenario: str
    spbe_year: int
    pemdi_year: int
    rows: tuple[tuple[str, str, float, str, float], ...]   # entity, spbe target, share, pemdi band by end, share
    threshold: float

    def title(self, lang: str) -> str:
        rows = [r for r in self.rows if r[1] != "-"]
        k = sum(1 for _, _, s, _, _ in rows if s >= self.threshold)
        return t("f_transition", lang, scenario=t("cap_" + self.scenario, lang), k=k, n=len(rows),
                 y=self.spbe_year, p=pct(self.threshold, lang))

    def text(self, lang: str) -> str:
        names = entity_names(lang)
        parts = "; ".join(f"{names.get(e, e)}: " + (f"{tg} {self.spbe_year} {pct(s, lang)}" if tg != "-" else
                                                    t("top_band", lang)) + f", PEMDI {self.pemdi_year} {b} "
                          f"({pct(sb, lang)})" for e, tg, s, b, sb in self.rows)
        return t("f_transition_text", lang, scenario=t("cap_" + self.scenario, lang)) + " " + parts + "."


def transition_finding(ens: pd.DataFrame, spbe_targets: Mapping[str, tuple[str, float]], scenario: str,
                       threshold: float = 0.8) -> TransitionFinding:
    """From ``transition.transition_ensemble``: ``spbe_targets`` {entity: (band, edge)} is each
    regency's next SPBE band; the PEMDI band reported is the one the median draw ends in."""
    d = ens[(ens["scenario"] == scenario) & (ens["kind"] == "plan")]
    spbe = d[d["framework"] == "spbe2020"]
    pem = d[d["framework"] == "pemdi2026"]
    y_s, y_p = int(spbe["year"].max()), int(pem["year"].max())
    rows = []
    for e in dict.fromkeys(d["entity"]):
        name, edge = spbe_targets.get(e, ("-", None))
        s_e = spbe[(spbe["entity"] == e) & (spbe["year"] == y_s)]
        share = float((s_e["index"] >= edge - 1e-9).mean()) if edge is not None else 1.0
        p_e = pem[(pem["entity"] == e) & (pem["year"] == y_p)]
        band = p_e["predicate"].mode().iloc[0]
        rows.append((e, name, share, str(band), float((p_e["predicate"] == band).mean())))
    return TransitionFinding(scenario, y_s, y_p, tuple(rows), float(threshold))


def transition_chart(ens: pd.DataFrame, finding: TransitionFinding, spbe_fw, pemdi_fw, lang: str = "id",
                     source: str = "", illustrative: bool = True, axes=None):
    """Two panels with a break: the SPBE index (start year and the last SPBE year) and the PEMDI
    index (projected start and each roadmap year), median and range over draws per regency."""
    import matplotlib.pyplot as plt
    from .style import FULL, STYLE
    names = entity_names(lang)
    d = ens[ens["scenario"] == finding.scenario]
    own = axes is None
    if own:
        with plt.style.context(str(STYLE)):
            fig, axes = plt.subplots(1, 2, figsize=FULL, gridspec_kw={"width_ratios": [1, 2.4]})
    fig = axes[0].figure
    for ax, fw_name, fw, lo, hi in ((axes[0], "spbe2020", spbe_fw, 1.8, 3.6), (axes[1], "pemdi2026", pemdi_fw, 1.0, 3.5)):
        band_spans(ax, fw, orientation="h", lo=lo, hi=hi, alpha=0.4)
        sub = d[d["framework"] == fw_name]
        for e, g in sub.groupby("entity", sort=False):
            st = g.groupby("year")["index"].agg(["median", "min", "max"])
            ax.fill_between(st.index, st["min"], st["max"], color=entity_colour(e), alpha=0.15, lw=0)
            ax.plot(st.index, st["median"], color=entity_colour(e), lw=2.5, marker="o", label=names.get(e, e))
        ax.set_ylim(lo, hi)
        decimal_axis(ax, lang, "y", 1)
        ax.set_ylabel(t("index" if fw_name == "spbe2020" else "index_pemdi", lang))
        ax.grid(axis="x", visible=False)
    ys = sorted(d.loc[d["framework"] == "spbe2020", "year"].unique())
    axes[0].set_xticks(ys, [str(int(y)) for y in ys])
    yp = sorted(d.loc[d["framework"] == "pemdi2026", "year"].unique())
    axes[1].set_xticks(yp, [t("pemdi_start", lang) if y != int(y) else str(int(y)) for y in yp])
    axes[1].legend(loc="upper left", fontsize=11, ncol=2)
    if own:
        fig.text(0.335, 0.5, "//", fontsize=26, ha="center", va="center", color="#555555")
    return finish(fig, axes, own, finding.title(lang), source, lang, illustrative=illustrative, unofficial=True,
                  adjust={"left": 0.07, "right": 0.93, "bottom": 0.14, "top": 0.84, "wspace": 0.3})
