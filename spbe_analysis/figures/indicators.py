"""Charts at indicator level: where each regency's gap to a target sits (by domain and aspect),
across the profiles (illustrative ensembles) or exactly (a real sheet)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..frameworks import Framework, as_framework
from ..labels import entity_names, num, pct, t
from .style import GROUP_COLOURS, DecimalFormatter, canvas, decimal_axis, fill_width, finish, panels, wrap

ROBUST = 0.8   # a statement holds "robustly" when it holds in at least 80 % of the profiles


@dataclass(frozen=True)
class GapLeadFinding:
    """For one target: the group (domain or aspect) holding each regency's largest contribution,
    in what share of the profiles, and the most frequent leader."""

    target: str
    level: str
    lead: tuple[tuple[str, int, float], ...]     # (entity, group, share of profiles where it leads)
    group_names: tuple[tuple[int, str], ...]
    exact: bool

    @property
    def top(self) -> tuple[int, int]:
        """(group leading in most regencies, in how many)."""
        counts = pd.Series([g for _, g, _ in self.lead]).value_counts()
        return int(counts.index[0]), int(counts.iloc[0])

    @property
    def min_share(self) -> float:
        return min(s for _, _, s in self.lead)

    @property
    def robust(self) -> bool:
        return self.min_share >= ROBUST

    def title(self, lang: str) -> str:
        g, k = self.top
        return t(f"f_gap_lead_{self.level}", lang, name=dict(self.group_names)[g], target=self.target, k=k,
                 n=len(self.lead))

    def text(self, lang: str) -> str:
        names = entity_names(lang)
        gn = dict(self.group_names)
        by = {}
        for e, g, _ in self.lead:
            by.setdefault(g, []).append(names.get(e, e))
        parts = "; ".join(f"*{gn[g]}* ({len(es)}: {', '.join(es)})" for g, es in sorted(by.items(), key=lambda x: -len(x[1])))
        s = t("f_gap_lead_text", lang, target=self.target, parts=parts)
        if self.exact:
            return s + "."
        if self.robust:
            return s + "; " + t("f_robust", lang, share=pct(self.min_share, lang)) + "."
        lo, hi = self.min_share, max(s_ for _, _, s_ in self.lead)
        return s + "; " + t("f_not_robust", lang, lo=pct(lo, lang), hi=pct(hi, lang)) + "."


def gap_lead_finding(stats: pd.DataFrame, framework: Framework | str, target: str,
                     level: str = "domain") -> GapLeadFinding:
    """From ``decomposition.gap_summary(..., by=level)`` rows of one target."""
    fw = as_framework(framework)
    s = stats[stats["target"] == target]
    lead = []
    for e, g in s.groupby("entity", sort=False):
        r = g.loc[g["largest_share"].idxmax()]
        lead.append((e, int(r["group"]), float(r["largest_share"])))
    names = fw.group_names(level)
    return GapLeadFinding(target, level, tuple(lead), tuple((int(k), str(v)) for k, v in names.items()),
                          exact=bool((s["n_profiles"] == 1).all()))


@dataclass(frozen=True)
class GapRangesData:
    """What :func:`gap_ranges_chart` draws: ``decomposition.gap_summary`` rows (``stats``) of
    ``framework``, the finding its title states (its ``target`` picks the rows; from
    :func:`gap_lead_finding` or a brief's ``gap_hold_finding``) and whether the profiles are
    illustrative."""

    stats: pd.DataFrame
    framework: Framework | str
    finding: object
    illustrative: bool = True


TOTAL_COLOUR = "#333333"   # the total gap's bar, apart from the parts' colours


def gap_ranges_chart(data: GapRangesData, *, lang: str, footer: str, ax=None):
    """Small multiples, one panel per government: the total gap to a target (dark bar, top) and
    the contribution of each domain (or aspect) to it, median with the 5-95 % range across the
    profiles (a bar without range when exact); a note under the panels says that a negative part
    is a group above the target and that the parts add up to the total; a single panel labels its
    bars. Returns the array of panels (given ``ax``, its area is split into them)."""
    stats, finding, illustrative = data.stats, data.finding, data.illustrative
    fw = as_framework(data.framework)
    names = entity_names(lang)
    s_all = stats[stats["target"] == finding.target]
    ents = list(dict.fromkeys(s_all["entity"]))
    groups = list(dict.fromkeys(s_all["group"]))
    gnames = fw.group_names(finding.level)
    rows = 1 if len(ents) <= 3 else 2
    fig, grid, own = panels(ax, rows, -(-len(ents) // rows), sharex=True, sharey=True)
    axes = grid.ravel()
    single = len(ents) == 1
    xmax = max(float(s_all["p95"].max()), float(s_all["gap_median"].max()), 0.0) * (1.25 if single else 1.1) + 0.01
    xmin = min(0.0, float(s_all["p5"].min()) * 1.1)
    y = np.arange(len(groups))[::-1]
    ytot = len(groups) + 0.2
    for ax, e in zip(axes, ents):
        s = s_all[s_all["entity"] == e].set_index("group").loc[groups]
        total = float(s["gap_median"].iloc[0])
        ax.barh(y, s["median"], color=[GROUP_COLOURS.get(int(g), "#0072B2") for g in groups], height=0.6, alpha=0.85)
        ax.barh([ytot], [total], color=TOTAL_COLOUR, height=0.7)
        ax.axhline(len(groups) - 0.4, color="#999999", lw=1, ls="--")
        if (s["p95"] > s["p5"]).any():
            ax.errorbar(s["median"], y, xerr=[s["median"] - s["p5"], s["p95"] - s["median"]], fmt="none",
                        ecolor="#222222", elinewidth=2, capsize=4)
        if single:
            for yi, v, hi in zip(list(y) + [ytot], list(s["median"]) + [total], list(s["p95"]) + [total]):
                ax.text(max(v, hi, 0.0) + 0.005, yi, num(float(v), lang), va="center", fontsize=13,
                        fontweight="bold" if yi == ytot else "normal")
        ax.axvline(0, color="#444444", lw=1)
        ax.set_title(names.get(e, e), loc="left", fontsize=15)
        ax.set_yticks(list(y) + [ytot], [wrap(str(gnames[g]), 18) for g in groups] + [t("gap_total_row", lang)],
                      fontsize=12)
        for lab in ax.get_yticklabels()[-1:]:
            lab.set_fontweight("bold")
        ax.set_xlim(xmin, xmax)
        decimal_axis(ax, lang, "x", 1 if not single else 2)
        ax.grid(axis="y", visible=False)
    for ax in axes[len(ents):]:
        ax.set_visible(False)
    if own:
        note = t("gap_parts_note" if finding.exact else "gap_parts_note_median", lang, band=finding.target)
        label = t("ax_gap_contribution" if finding.exact else "ax_gap_contribution_range", lang)
        fig.supxlabel(label + "\n" + fill_width(note + ".", fig.get_figwidth() * 0.9, 12), fontsize=12, y=0.07)
    finish(fig, axes, own, finding.title(lang), footer, lang, illustrative=illustrative,
           adjust={"left": 0.14 if not single else 0.17, "right": 0.98 if not single else 0.95, "bottom": 0.2,
                   "top": 0.84, "hspace": 0.45, "wspace": 0.12})
    return axes


@dataclass(frozen=True)
class AspectGapFinding:
    """The aspect with the largest median contribution to the gap, averaged over the regencies."""

    target: str
    aspect: int
    name: str
    mean_contribution: float

    def title(self, lang: str) -> str:
        return t("f_aspect_gap", lang, name=self.name, target=self.target)

    def text(self, lang: str) -> str:
        return self.title(lang) + f" ({num(self.mean_contribution, lang)})."


def aspect_gap_finding(median: pd.DataFrame, framework: Framework | str, target: str) -> AspectGapFinding:
    """``median``: entities x aspects, median contribution (index points)."""
    fw = as_framework(framework)
    m = median.mean()
    a = int(m.idxmax())
    return AspectGapFinding(target, a, str(fw.group_names("aspect")[a]), float(m.max()))


@dataclass(frozen=True)
class AspectGapData:
    """What :func:`aspect_gap_chart` draws: the median contribution (index points) of each aspect
    (columns) to each government's (rows) gap to ``target``, and whether the profiles are
    illustrative."""

    median: pd.DataFrame
    framework: Framework | str
    target: str
    illustrative: bool = True


def aspect_gap_chart(data: AspectGapData, *, lang: str, footer: str, ax=None):
    """Heatmap with aspects as rows and governments as columns; the title states
    :func:`aspect_gap_finding`. Returns the axes."""
    import seaborn as sns
    fw = as_framework(data.framework)
    f = aspect_gap_finding(data.median, fw, data.target)
    names = entity_names(lang)
    anames = fw.group_names("aspect")
    m = data.median.copy().T.astype(float)
    m.columns = [wrap(names.get(e, e), 12) for e in m.columns]
    m.index = [wrap(f"{a}. {anames[a]}", 34) for a in m.index]
    annot = np.vectorize(lambda v: num(v, lang, 2))(m.to_numpy())
    fig, ax, own = canvas(ax)
    sns.heatmap(m, annot=annot, fmt="", cmap="YlOrRd", ax=ax, annot_kws={"fontsize": 14}, linewidths=0.5,
                cbar_kws={"label": t("index_points", lang), "format": DecimalFormatter(lang, 2)})
    ax.tick_params(axis="x", labelsize=13, rotation=0)
    ax.tick_params(axis="y", labelsize=12, rotation=0)
    finish(fig, ax, own, f.title(lang), footer, lang, illustrative=data.illustrative,
           adjust={"left": 0.3, "right": 1.0, "bottom": 0.14, "top": 0.86})
    return ax


@dataclass(frozen=True)
class BelowFinding:
    """Which regencies start below a target (from the sheet's exact scores, or the published index)."""

    target: str
    value: float
    below: tuple[tuple[str, float], ...]   # (entity, gap in index points)

    def text(self, lang: str) -> str:
        names = entity_names(lang)
        if not self.below:
            return t("f_below_none", lang, target=self.target, v=num(self.value, lang)) + "."
        who = ", ".join(f"{names.get(e, e)} ({num(g, lang)})" for e, g in self.below)
        return t("f_below", lang, target=self.target, v=num(self.value, lang), who=who, k=len(self.below)) + "."

    def title(self, lang: str) -> str:
        return self.text(lang)

    @property
    def entities(self) -> tuple[str, ...]:
        return tuple(e for e, _ in self.below)


def below_finding(start: pd.Series, target: str, value: float) -> BelowFinding:
    """``start``: official starting index per regency."""
    from ..official import to_hundredths
    h = to_hundredths(value)
    below = tuple((e, (h - to_hundredths(float(v))) / 100) for e, v in start.items() if to_hundredths(float(v)) < h)
    return BelowFinding(target, float(value), tuple(sorted(below, key=lambda x: x[1])))


@dataclass(frozen=True)
class ExtraGapFinding:
    """How much larger the gap to one target is than to another (median over profiles), and why."""

    target: str
    reference: str
    lo: float
    hi: float
    diff: float

    def text(self, lang: str) -> str:
        rng = num(self.lo, lang) if abs(self.hi - self.lo) < 1e-9 else f"{num(self.lo, lang)}-{num(self.hi, lang)}"
        return t("f_extra_gap", lang, target=self.target, reference=self.reference, rng=rng, d=num(self.diff, lang)) + "."

    def title(self, lang: str) -> str:
        return self.text(lang)


def extra_gap_finding(stats: pd.DataFrame, target: str, reference: str, target_value: float,
                      reference_value: float) -> ExtraGapFinding:
    """From ``decomposition.gap_summary``: the gap to ``target`` minus the gap to ``reference``."""
    g = stats.groupby(["entity", "target"])["gap_median"].first().unstack()
    extra = (g[target] - g[reference]).astype(float)
    return ExtraGapFinding(target, reference, float(extra.min()), float(extra.max()),
                           float(target_value) - float(reference_value))
