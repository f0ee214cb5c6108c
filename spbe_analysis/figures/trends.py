"""Charts over time: trajectories, sigma and beta convergence, the province's leap."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

import numpy as np
import pandas as pd

from .. import panel
from ..disparity import BetaConvergence
from ..frameworks import Framework, as_framework
from ..labels import entity_names, num, pct, t
from .style import BAND_COLOURS, BAND_TEXT, band_spans, canvas, decimal_axis, entity_colour, finish


# ============================================================================= trajectories
@dataclass(frozen=True)
class TrajectoryFinding:
    """How many regencies rose between two years (a censored start counts as a rise only when
    the end value is at or above its bound), and where the province went."""

    y0: int
    y1: int
    n: int
    rose: int
    unknown: int
    province0: float | None
    province1: float | None

    def title(self, lang: str) -> str:
        unk = t("f_unknown", lang, k=self.unknown) if self.unknown else ""
        prov = t("f_province_leap", lang, a=num(self.province0, lang), b=num(self.province1, lang)) \
            if self.province0 is not None and self.province1 is not None else ""
        return t("f_rose", lang, k=self.rose, n=self.n, y0=self.y0, y1=self.y1, unk=unk, prov=prov)

    def text(self, lang: str) -> str:
        return self.title(lang) + "."


def trajectory_finding(published: pd.DataFrame, regencies: tuple[str, ...], province: str, y0: int,
                       y1: int) -> TrajectoryFinding:
    """Count the regencies that rose from ``y0`` to ``y1`` (censored starts against their bound;
    missing values as unknown) and read the province's two values. ``y0`` and ``y1`` must be on
    one instrument: a rise across a change of instrument (2019 -> 2021, 2025 -> 2026) is refused
    with a :class:`~spbe_analysis.errors.DataError`, never counted."""
    panel.same_instrument(published, [y0, y1], "trajectory_finding years")

    def row(e: str, y: int) -> pd.Series | None:
        r = published[(published["entity_id"] == e) & (published["year"] == y)]
        return None if r.empty else r.iloc[0]

    rose = unknown = 0
    for e in regencies:
        r0, r1 = row(e, y0), row(e, y1)
        if r0 is None or r1 is None or r1["status"] != "exact" or r0["status"] == "missing":
            unknown += 1
        elif r0["status"] == "below":
            rose += float(r1["value"]) >= float(r0["bound"])
        else:
            rose += float(r1["value"]) > float(r0["value"])
    p0, p1 = row(province, y0), row(province, y1)
    ok = p0 is not None and p1 is not None and p0["status"] == "exact" and p1["status"] == "exact"
    return TrajectoryFinding(y0, y1, len(regencies), int(rose), unknown, float(p0["value"]) if ok else None,
                             float(p1["value"]) if ok else None)


def trajectory_breaks(published: pd.DataFrame, years: list[int],
                      break_after: int | Iterable[int] | None = None) -> list[int]:
    """The years after which a trajectory line breaks: every change of instrument among ``years``
    (read from the data, so a line never joins two scales even when the caller names no break)
    and any ``break_after`` the caller adds."""
    extra = [] if break_after is None else [break_after] if isinstance(break_after, (int, np.integer)) \
        else list(break_after)
    return sorted(set(panel.instrument_breaks(published, years)) | {int(b) for b in extra})


def _regulation(instrument: str) -> str:
    """The regulation number of an instrument as in its title ("59/2020", "8/2026")."""
    m = re.search(r"(\d+/\d{4})\)?$", as_framework(instrument).title)
    return m.group(1) if m else instrument


def _break_text(instrument0: str | None, instrument1: str | None, lang: str) -> str:
    """Label of a break band: "Change of instrument" and the two regulations."""
    if instrument0 is None or instrument1 is None or instrument0 == instrument1:
        return t("instrument_break", lang)
    head = t("instrument_break", lang).split("\n")[0]
    return f"{head}\n{_regulation(instrument0)} -> {_regulation(instrument1)}"


def _edges(fw: Framework) -> tuple:
    return tuple((str(b.predicate), float(b.lower), float(b.upper)) for b in fw.bands.itertuples())


def _segment_band_spans(ax, groups: list[tuple[Framework, float, float]], alpha: float) -> None:
    """Shade each group of x positions with its own instrument's predicate bands (PEMDI bands
    differ from SPBE's): the last group is named at the right edge, earlier ones inside the plot."""
    for g, (fw, x0, x1) in enumerate(groups):
        last = g == len(groups) - 1
        for b in fw.bands.itertuples():
            a, z = max(float(b.lower), 1.0), min(float(b.upper), 5.0)
            if z <= a:
                continue
            ax.fill_between([x0, x1], a, z, color=BAND_COLOURS[int(b.rank)], alpha=alpha, lw=0, zorder=0)
            name = b.predicate.split(" (")[0]
            if last:
                ax.text(1.005, (a + z) / 2, name, transform=ax.get_yaxis_transform(), va="center", ha="left",
                        fontsize=13, color=BAND_TEXT[int(b.rank)], fontweight="bold")
            else:   # top of the band; the top band at its bottom, clear of the break label
                top = z <= 4.5
                ax.text(x0 + 0.03, z - 0.04 if top else a + 0.04, name, va="top" if top else "bottom", ha="left",
                        fontsize=10, color=BAND_TEXT[int(b.rank)], fontweight="bold", zorder=1)


@dataclass(frozen=True)
class TrajectoryData:
    """What :func:`trajectories_chart` draws: the published values of ``entities`` in ``years``
    (``framework``: the bands where every year shares them), the finding its title states (from
    :func:`trajectory_finding`, which counts over its own years) and any extra ``break_after``."""

    published: pd.DataFrame
    entities: tuple[str, ...]
    years: list[int]
    framework: Framework | str
    finding: TrajectoryFinding
    break_after: int | Iterable[int] | None = None


def trajectories_chart(data: TrajectoryData, *, lang: str, footer: str, ax=None):
    """Slope chart of published values by year. Exact values are dots joined by lines (dotted and
    hollow where unverified); censored values are open down-triangles at their bound, labelled
    '< bound'; missing years are gaps; a change of instrument is drawn as a grey band and no line
    crosses it (the breaks are read from the data's ``instrument`` column, see
    :func:`trajectory_breaks`; ``break_after`` may add more). Each instrument's years are shaded with
    its own predicate bands (``framework`` where every year shares its bands). Returns the axes."""
    published, entities, years, finding, break_after = (data.published, data.entities, list(data.years), data.finding,
                                                        data.break_after)
    fw = as_framework(data.framework)
    names = entity_names(lang)
    fig, ax, own = canvas(ax)
    breaks = trajectory_breaks(published, years, break_after)
    segments = panel.instrument_segments(published, years)
    xs = {y: k for k, y in enumerate(years)}
    groups: list[tuple[Framework, float, float]] = []
    for inst, ys in segments:
        f = as_framework(inst)
        x0, x1 = xs[ys[0]] - 0.5, xs[ys[-1]] + 0.5
        if groups and _edges(groups[-1][0]) == _edges(f):
            groups[-1] = (groups[-1][0], groups[-1][1], x1)
        else:
            groups.append((f, x0, x1))
    if len(groups) <= 1:
        band_spans(ax, fw, orientation="h", lo=1.0, hi=5.0, alpha=0.45)
    else:
        groups = [(f, -0.3 if g == 0 else x0, len(years) - 1 + 1.3 if g == len(groups) - 1 else x1)
                  for g, (f, x0, x1) in enumerate(groups)]
        _segment_band_spans(ax, groups, alpha=0.45)
    end_labels = []
    n_cens = 0
    for e in entities:
        rows = published[(published["entity_id"] == e) & published["year"].isin(years)].set_index("year")
        col = entity_colour(e)
        lw = 3.5 if published.loc[published["entity_id"] == e, "entity_type"].iloc[0] == "provinsi" else 2.5
        ex = rows[rows["status"] == "exact"]
        for a, b in zip(years[:-1], years[1:]):
            crosses = any(a <= k < b for k in breaks)
            if a in ex.index and b in ex.index and not crosses:
                dotted = not (ex.loc[a, "verified"] and ex.loc[b, "verified"])
                ax.plot([xs[a], xs[b]], [float(ex.loc[a, "value"]), float(ex.loc[b, "value"])], color=col, lw=lw,
                        zorder=3, ls=(0, (2, 2)) if dotted else "-")
        for y, r in ex.iterrows():
            ax.scatter([xs[y]], [float(r["value"])], s=110, zorder=4, color=col if r["verified"] else "white",
                       edgecolor="white" if r["verified"] else col, linewidth=2.5 if not r["verified"] else 1)
        for y, r in rows[rows["status"] == "below"].iterrows():
            ax.scatter([xs[y] + 0.07 * (n_cens - 0.5)], [float(r["bound"])], marker="v", s=170, facecolor="white",
                       edgecolor=col, lw=2.5, zorder=4)
            n_cens += 1
        if len(ex):
            last = ex.index.max()
            end_labels.append((float(ex.loc[last, "value"]), xs[last], f"{names.get(e, e)} "
                               f"{num(float(ex.loc[last, 'value']), lang)}", col))
    end_labels.sort()
    placed: list[float] = []
    for v, x, text, col in end_labels:
        yv = max(v, placed[-1] + 0.13) if placed else v
        placed.append(yv)
        ax.text(x + 0.08, yv, text, color=col, va="center", fontsize=13, fontweight="bold")
    shown = published["entity_id"].isin(entities) & published["year"].isin(years)
    if not published.loc[shown & (published["status"] == "exact"), "verified"].all():
        ax.text(0.01, 0.01, t("note_unverified", lang), transform=ax.transAxes, fontsize=12, color="#444444")
    cens = published[shown & (published["status"] == "below")]
    for (y, b), grp in cens.groupby(["year", "bound"]):
        who = ", ".join(names.get(e, e) for e in grp["entity_id"])
        ax.text(xs[y] + 0.07, float(b) - 0.07, f"< {num(float(b), lang)}: {who}\n({t('not_published', lang)})",
                fontsize=12, va="top", color="#333333")
    inst = {y: i for i, ys in segments for y in ys}
    for brk in breaks:
        before = [y for y in years if y <= brk]
        after = [y for y in years if y > brk]
        if not before or not after:
            continue
        k = xs[before[-1]]
        ax.axvspan(k + 0.15, k + 0.85, color="#bbbbbb", alpha=0.5, lw=0, zorder=1)
        ax.text(k + 0.5, 4.85, _break_text(inst.get(before[-1]), inst.get(after[0]), lang), ha="center", va="top",
                fontsize=12, zorder=5)
    ax.set_xticks(list(xs.values()), [str(y) for y in years])
    ax.set_xlim(-0.3, len(years) - 1 + 1.3)
    ax.set_ylim(1.0, 5.0)
    decimal_axis(ax, lang, "y", 1)
    pemdi = [i for i, _ in segments if i.startswith("pemdi")]
    ax.set_ylabel(t("index", lang) if not pemdi else
                  t("index_pemdi", lang) if len(pemdi) == len(segments) else f"{t('index', lang)} / {t('index_pemdi', lang)}")
    ax.grid(axis="x", visible=False)
    finish(fig, ax, own, finding.title(lang), footer, lang, adjust={"left": 0.08, "right": 0.9, "bottom": 0.14, "top": 0.86})
    return ax


# ============================================================================= sigma convergence
MEASURE_KEYS = {"cv": "m_cv", "gini": "m_gini", "theil": "m_theil", "sd": "m_sd", "range": "m_range"}


@dataclass(frozen=True)
class SigmaFinding:
    """Dispersion in the first and last year (bounds where values are censored) and the bounds
    of its yearly trend."""

    measure: str
    y0: int
    y1: int
    first_low: float
    first_high: float
    last: float
    slope_low: float
    slope_high: float

    @property
    def fell(self) -> bool:
        return self.last < self.first_low

    @property
    def falling(self) -> bool:
        return self.slope_high < 0

    def _v(self, x: float, lang: str) -> str:
        return pct(x, lang, 1) if self.measure == "cv" else num(x, lang, 3)

    def title(self, lang: str) -> str:
        first = self._v(self.first_low, lang) if self.first_low == self.first_high else \
            f"{self._v(self.first_low, lang)}-{self._v(self.first_high, lang)}"
        key = "f_sigma_fell" if self.fell else "f_sigma"
        return t(key, lang, m=t(MEASURE_KEYS[self.measure], lang), first=first, y0=self.y0, last=self._v(self.last, lang),
                 y1=self.y1)

    def text(self, lang: str) -> str:
        return self.title(lang) + "; " + t("f_sigma_trend", lang, lo=num(self.slope_low, lang, 3),
                                           hi=num(self.slope_high, lang, 3)) + "."


def sigma_finding(sig: pd.DataFrame, trend: dict, measure: str = "cv") -> SigmaFinding:
    """From ``disparity.sigma_convergence`` and ``disparity.sigma_trend`` of the same measure."""
    d = sig[sig["measure"] == measure].set_index("year").sort_index()
    first, last = d.iloc[0], d.iloc[-1]
    return SigmaFinding(measure, int(d.index[0]), int(d.index[-1]), float(first["low"]), float(first["high"]),
                        float(last["low"]), float(trend["slope_low"]), float(trend["slope_high"]))


@dataclass(frozen=True)
class SigmaData:
    """What :func:`sigma_chart` draws: ``disparity.sigma_convergence`` and the measure shown."""

    sigma: pd.DataFrame
    measure: str = "cv"


def sigma_chart(data: SigmaData, *, lang: str, footer: str, ax=None):
    """Dispersion by year: exact values as dots, years with censored values as a bar spanning the
    exact bounds; the title states :func:`sigma_finding` (with ``disparity.sigma_trend`` of the
    measure). Returns the axes."""
    from ..disparity import sigma_trend
    sig = data.sigma
    finding = sigma_finding(sig, sigma_trend(sig, data.measure), data.measure)
    names = entity_names(lang)
    d = sig[sig["measure"] == finding.measure].set_index("year")
    fig, ax, own = canvas(ax)
    xs = np.arange(len(d))
    scale = 100 if finding.measure == "cv" else 1
    dec = 1 if finding.measure == "cv" else 3
    for x, (y, r) in zip(xs, d.iterrows()):
        lo, hi = float(r["low"]) * scale, float(r["high"]) * scale
        if r["censored"]:
            ax.plot([x, x], [lo, hi], color="#0072B2", lw=10, alpha=0.45, solid_capstyle="butt")
            who = ", ".join(names.get(e, e) for e in r["censored"].split(","))
            ax.text(x + 0.08, (lo + hi) / 2, t("lbl_censored_range", lang, lo=num(lo, lang, dec), hi=num(hi, lang, dec),
                                               who=who), va="center", fontsize=13)
        else:
            ax.scatter([x], [lo], s=160, color="#0072B2", zorder=3)
            ax.text(x + 0.08, lo, num(lo, lang, dec), va="center", fontsize=14)
    exact = d[d["censored"] == ""]
    if len(exact) > 1:
        xe = [int(np.where(d.index == y)[0][0]) for y in exact.index]
        ax.plot(xe, exact["low"].astype(float) * scale, color="#0072B2", lw=2.5)
    ax.set_xticks(xs, [str(y) for y in d.index])
    ax.set_xlim(-0.4, len(d) - 0.3)
    ax.set_ylim(0, float(d["high"].max()) * scale * 1.15)
    decimal_axis(ax, lang, "y", 0 if finding.measure == "cv" else 2)
    ax.set_ylabel(t(MEASURE_KEYS[finding.measure], lang) + (" (%)" if finding.measure == "cv" else "") + " "
                  + t("across_regencies", lang))
    ax.grid(axis="x", visible=False)
    finish(fig, ax, own, finding.title(lang), footer, lang, adjust={"left": 0.1, "right": 0.97, "bottom": 0.14, "top": 0.86})
    return ax


# ============================================================================= beta convergence
@dataclass(frozen=True)
class BetaFinding:
    """Beta convergence of one period, with its descriptive caveat."""

    y0: int
    y1: int
    beta: float
    r2: float
    n: int
    half_life: float | None

    def title(self, lang: str) -> str:
        key = "f_beta_catch" if self.beta < 0 else "f_beta_no"
        return t(key, lang, y0=self.y0, y1=self.y1, beta=num(self.beta, lang), r2=num(self.r2, lang), n=self.n)

    def text(self, lang: str) -> str:
        hl = num(self.half_life, lang, 1) if self.half_life else "-"
        return self.title(lang) + "; " + t("f_beta_half_life", lang, hl=hl, n=self.n) + "."


def beta_finding(bc: BetaConvergence) -> BetaFinding:
    """The finding of a ``disparity.beta_convergence`` result."""
    return BetaFinding(bc.years[0], bc.years[1], bc.beta, bc.r2, bc.n, bc.half_life)


def beta_chart(bc: BetaConvergence, *, lang: str, footer: str, ax=None):
    """Annualised growth against the initial (log) level, with the OLS line; ticks at round
    values; the title states :func:`beta_finding`. Returns the axes."""
    from matplotlib.ticker import MaxNLocator
    f = beta_finding(bc)
    names = entity_names(lang)
    d = bc.data
    fig, ax, own = canvas(ax)
    for k, (e, r) in enumerate(d.sort_values("v0").iterrows()):
        ax.scatter(r["v0"], r["growth"] * 100, s=220, color=entity_colour(e), edgecolor="white", zorder=3)
        ax.annotate(names.get(e, e), (r["v0"], r["growth"] * 100), xytext=(10, 8 if k % 2 else -22),
                    textcoords="offset points", fontsize=14)
    xx = np.linspace(d["v0"].min() * 0.97, d["v0"].max() * 1.03, 50)
    ax.plot(xx, (bc.intercept + bc.beta * np.log(xx)) * 100, color="#333333", lw=2, ls="--")
    ax.axhline(0, color="#777777", lw=1)
    ax.set_xscale("log")
    ticks = np.arange(np.floor(d["v0"].min() * 10) / 10, d["v0"].max() * 1.03, 0.1)
    ax.set_xticks(ticks, [num(v, lang, 1) for v in ticks], minor=False)
    ax.minorticks_off()
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10], integer=True))
    decimal_axis(ax, lang, "y", 0)
    ax.set_xlabel(t("ax_initial_index", lang, y0=f.y0))
    ax.set_ylabel(t("ax_annual_growth", lang, y0=f.y0, y1=f.y1))
    ax.text(0.99, 0.97, t("f_beta_half_life", lang, hl=num(f.half_life, lang, 1) if f.half_life else "-", n=f.n),
            transform=ax.transAxes, ha="right", va="top", fontsize=13, color="#444444")
    finish(fig, ax, own, f.title(lang), footer, lang, adjust={"left": 0.1, "right": 0.97, "bottom": 0.14, "top": 0.86})
    return ax


# ============================================================================= the province's leap
@dataclass(frozen=True)
class LeapFinding:
    """Change of the province against the regencies' mean change, and the gap between them."""

    y0: int
    y1: int
    province_change: float
    mean_change: float
    gap0: float
    gap1: float

    @property
    def pulled_away(self) -> bool:
        return self.gap1 > self.gap0

    def title(self, lang: str) -> str:
        if self.mean_change > 0:
            return t("f_leap", lang, d=("+" if self.province_change > 0 else "") + num(self.province_change, lang),
                     y1=self.y1, k=num(self.province_change / self.mean_change, lang, 1),
                     m=("+" if self.mean_change > 0 else "") + num(self.mean_change, lang))
        return t("f_change", lang, y0=self.y0, y1=self.y1)

    def text(self, lang: str) -> str:
        key = "f_pulled_away" if self.pulled_away else "f_not_pulled_away"
        return self.title(lang) + "; " + t(key, lang, a=num(self.gap0, lang), b=num(self.gap1, lang)) + "."


def leap_finding(changes: pd.Series, province: str, gap0: float, gap1: float, y0: int, y1: int) -> LeapFinding:
    """``changes``: exact change per entity (province included); ``gap0``/``gap1``: province minus
    the regencies' mean in each year."""
    regs = changes.drop(province)
    return LeapFinding(y0, y1, float(changes[province]), float(regs.mean()), float(gap0), float(gap1))


@dataclass(frozen=True)
class LeapData:
    """What :func:`leap_chart` draws: the exact change per entity (province included) and the
    finding its title states (:func:`leap_finding`, which also needs the gaps to the province)."""

    changes: pd.Series
    finding: LeapFinding


def leap_chart(data: LeapData, *, lang: str, footer: str, ax=None):
    """Bars: change of the published index between two years. Returns the axes."""
    changes, finding = data.changes, data.finding
    names = entity_names(lang)
    c = changes.sort_values(ascending=True)
    fig, ax, own = canvas(ax)
    y = np.arange(len(c))
    ax.barh(y, c.to_numpy(), color=[entity_colour(e) for e in c.index], height=0.62)
    for yi, v in zip(y, c.to_numpy()):
        ax.text(v + (0.01 if v >= 0 else -0.01), yi, ("+" if v > 0 else "") + num(v, lang), va="center",
                ha="left" if v >= 0 else "right", fontsize=14, fontweight="bold")
    ax.axvline(0, color="#333333", lw=1)
    ax.set_yticks(y, [names.get(e, e) for e in c.index])
    decimal_axis(ax, lang, "x", 1)
    ax.set_xlabel(t("ax_change", lang, y0=finding.y0, y1=finding.y1))
    ax.set_xlim(min(0, c.min()) - 0.1, c.max() * 1.2)
    ax.grid(axis="y", visible=False)
    finish(fig, ax, own, finding.title(lang), footer, lang, adjust={"left": 0.2, "right": 0.97, "bottom": 0.14, "top": 0.86})
    return ax


# ============================================================================= bands and ranks
@dataclass(frozen=True)
class TransitionFinding:
    """Band moves between two years (censored starts are 'uncertain') and rank stability."""

    y0: int
    y1: int
    up: int
    down: int
    same: int
    uncertain: int
    tau: float

    def text(self, lang: str) -> str:
        key = "f_ranks_stable" if self.tau >= 0.6 else "f_ranks_reshuffled"
        return (t("f_transitions", lang, y0=self.y0, y1=self.y1, up=self.up, unc=self.uncertain, down=self.down)
                + "; " + t(key, lang, tau=num(self.tau, lang), a=self.y1 - 1, b=self.y1) + ".")

    def title(self, lang: str) -> str:
        return self.text(lang)


def transition_finding(moves: pd.DataFrame, mobility: dict, y0: int, y1: int) -> TransitionFinding:
    """From ``disparity.band_transitions`` and ``disparity.rank_mobility``."""
    m = moves["move"].value_counts()
    return TransitionFinding(y0, y1, int(m.get("up", 0)), int(m.get("down", 0)), int(m.get("same", 0)),
                             int(m.get("uncertain", 0)), float(mobility["tau"]))


def convergence_answer(sigma: SigmaFinding, leap: LeapFinding, lang: str) -> str:
    """The page's answer in one sentence: are the regencies converging, and with the province?"""
    key = "f_answer_yes" if sigma.falling else "f_answer_unclear"
    s = t(key, lang)
    if sigma.falling and leap.pulled_away:
        s += " " + t("f_answer_not_province", lang)
    return s
