"""Charts of the sensitivity analysis: rank ranges and band probabilities under perturbed weights
and unknown indicator levels, and the PEMDI moves that hold in every scenario. Every chart is
``xxx_chart(data, *, lang, footer, ax=None)`` and returns its axes; its title is the ``title`` of
its own ``xxx_finding(data)`` (the rank chart states the ranks, the band chart the bands)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..frameworks import Framework, as_framework
from ..labels import entity_names, num, open_pct, pct, t
from ..sensitivity import Sensitivity, rank_stability
from .style import band_colour, canvas, entity_colour, finish, panels, stacked_shares

ROBUST = 0.8


def _share(s: float, n: int, lang: str) -> str:
    """A share of replicates: "in all n replicates" rather than 100 %, never a rounded 0 % or 100 %."""
    return t("f_in_all_replicates", lang, n=num(n, lang, 0)) if s >= 1 else open_pct(s, lang)


def _kept(s: Sensitivity, what: str) -> tuple:
    """(entity, nominal rank or band, share of replicates keeping it) per entity."""
    st = rank_stability(s).set_index("entity")
    summ = s.summary.set_index("entity")
    col, cast = {"rank": ("nominal_rank", int), "band": ("nominal_band", str)}[what]
    return tuple((e, cast(summ.loc[e, col]), float(st.loc[e, f"keeps_{what}"])) for e in st.index)


# ============================================================================= ranks
@dataclass(frozen=True)
class RankFinding:
    """How many governments keep their nominal rank in at least 80 % of replicates (the title of
    the rank chart), with the bands kept for the page's short findings."""

    concentration: float
    keep_rank: tuple[tuple[str, int, float], ...]   # entity, nominal rank, share
    keep_band: tuple[tuple[str, str, float], ...]   # entity, nominal band, share
    n: int

    def title(self, lang: str) -> str:
        k = sum(1 for _, _, s in self.keep_rank if s >= ROBUST)
        return t("f_ranks_title", lang, k=k, n=len(self.keep_rank), p=pct(ROBUST, lang))

    def text(self, lang: str) -> str:
        names = entity_names(lang)
        held = [f"{names.get(e, e)} #{r} ({_share(s, self.n, lang)})" for e, r, s in self.keep_rank if s >= ROBUST]
        out = self.title(lang) + t("f_bands_hold_kappa", lang, k=num(self.concentration, lang, 0),
                                   n=num(self.n, lang, 0)) + "."
        return out + " " + (t("f_ranks_hold", lang, who=", ".join(held)) if held else t("f_ranks_none", lang)) + "."


def rank_finding(s: Sensitivity) -> RankFinding:
    """From :func:`spbe_analysis.sensitivity.run` (what :func:`rank_chart` draws)."""
    return RankFinding(s.concentration, _kept(s, "rank"), _kept(s, "band"), len(s.index))


def rank_chart(s: Sensitivity, *, lang: str, footer: str, ax=None):
    """Per entity: the nominal rank (diamond) and the share of replicates at each rank (circles),
    with the share keeping the nominal rank at the right; the title states :func:`rank_finding`.
    Returns the axes."""
    f = rank_finding(s)
    names = entity_names(lang)
    summ = s.summary.sort_values("nominal_rank")
    fig, ax, own = canvas(ax)
    y = np.arange(len(summ))
    for yi, r in zip(y, summ.itertuples()):
        counts = s.rank[r.entity].value_counts(normalize=True)
        for rank, share in counts.items():
            ax.scatter([rank], [yi], s=1400 * share + 10, color=entity_colour(r.entity), alpha=0.35, lw=0)
        ax.scatter([r.nominal_rank], [yi], s=90, color="black", zorder=3, marker="D")
        ax.text(len(summ) + 0.6, yi, f"#{r.nominal_rank}: {pct(float(counts.get(r.nominal_rank, 0)), lang)}",
                va="center", fontsize=13)
    ax.set_yticks(y, [names.get(e, e) for e in summ["entity"]])
    ax.set_xticks(range(1, len(summ) + 1))
    ax.set_xlim(0.4, len(summ) + 1.8)
    ax.invert_yaxis()
    ax.set_xlabel(t("ax_rank", lang))
    ax.grid(axis="y", visible=False)
    finish(fig, ax, own, f.title(lang), footer, lang, illustrative=s.illustrative)
    return ax


# ============================================================================= bands
@dataclass(frozen=True)
class BandProbabilityData:
    """What :func:`band_probability_chart` draws: a sensitivity run and the framework whose bands
    it counts."""

    run: Sensitivity
    framework: Framework | str


@dataclass(frozen=True)
class BandFinding:
    """How many governments keep their nominal band in at least 80 % of replicates (the title of
    the band chart), and the bands that do not."""

    concentration: float
    keep_band: tuple[tuple[str, str, float], ...]   # entity, nominal band, share
    n: int

    def title(self, lang: str) -> str:
        k = sum(1 for _, _, s in self.keep_band if s >= ROBUST)
        return t("f_bands_hold", lang, k=k, n=len(self.keep_band), p=pct(ROBUST, lang))

    def text(self, lang: str) -> str:
        names = entity_names(lang)
        shaky = [f"{names.get(e, e)} ({b} {_share(s, self.n, lang)})" for e, b, s in self.keep_band if s < ROBUST]
        out = self.title(lang) + t("f_bands_hold_kappa", lang, k=num(self.concentration, lang, 0),
                                   n=num(self.n, lang, 0)) + "."
        return out + (" " + t("f_bands_shaky", lang, who=", ".join(shaky)) + "." if shaky else "")


def band_probability_finding(data: BandProbabilityData | Sensitivity) -> BandFinding:
    """From a :class:`BandProbabilityData` (or the sensitivity run itself)."""
    s = data.run if isinstance(data, BandProbabilityData) else data
    return BandFinding(s.concentration, _kept(s, "band"), len(s.index))


def band_probability_chart(data: BandProbabilityData, *, lang: str, footer: str, ax=None):
    """Stacked bars: the share of replicates in each predicate band per entity (lowest nominal
    index at the bottom); the title states :func:`band_probability_finding`. Returns the axes."""
    s = data.run
    fw = as_framework(data.framework)
    f = band_probability_finding(data)
    names = entity_names(lang)
    summ = s.summary.sort_values("nominal_index")
    fig, ax, own = canvas(ax)
    y = np.arange(len(summ))
    stacked_shares(ax, y, [(b, band_colour(fw, b), summ[f"p_{b}"].to_numpy() * 100) for b in fw.band_names("id")],
                   lang, height=0.62)
    ax.set_yticks(y, [f"{names.get(e, e)} ({num(v, lang)})" for e, v in zip(summ["entity"], summ["nominal_index"])])
    ax.set_xlim(0, 100)
    ax.set_xlabel(t("ax_band_share", lang))
    ax.legend(loc="upper center", bbox_to_anchor=(0.45, -0.13), ncol=5, fontsize=12)
    ax.grid(axis="y", visible=False)
    finish(fig, ax, own, f.title(lang), footer, lang, illustrative=s.illustrative,
           adjust={"left": 0.22, "right": 0.97, "bottom": 0.24, "top": 0.86})
    return ax


# ============================================================================= what moves the bands
def sweep_table(results: dict[float, Sensitivity]) -> pd.DataFrame:
    """entity x concentration: share of replicates keeping the nominal band."""
    cols = {}
    for kappa, s in results.items():
        cols[kappa] = rank_stability(s).set_index("entity")["keeps_band"]
    return pd.DataFrame(cols)


def spread_text(parts: dict[str, Sensitivity], lang: str) -> str:
    """Which unknown moves the bands more: the weights alone, the indicator levels alone, or both
    (the mean share of replicates in which a government keeps its band)."""
    keep = sweep_table(parts).mean()

    def share(k: str) -> str:       # a mean share of replicates: "every replicate" rather than 100 %
        v = float(keep.get(k, 1.0))
        return t("f_every_replicate", lang) if v >= 1 else open_pct(v, lang)

    w, lv = float(keep.get("weights", 1.0)), float(keep.get("levels", 1.0))
    # the source that keeps fewer bands when it alone varies matters more (within a point: about equal)
    which = "f_spread_even" if abs(w - lv) < 0.01 else ("f_spread_weights_more" if w < lv else "f_spread_levels_more")
    return t("f_spread_parts", lang, w=share("weights"), l=share("levels"), b=share("both"), which=t(which, lang)) + "."


def sweep_text(sweep: dict[float, Sensitivity], lang: str) -> str:
    """How the mean band stability changes with the Dirichlet concentration."""
    keep = sweep_table(sweep).mean()
    parts = ", ".join(f"{num(k, lang, 0)}: {pct(float(v), lang)}" for k, v in keep.items())
    return t("f_sweep", lang, parts=parts) + "."


# ============================================================================= moves that hold in every scenario
@dataclass(frozen=True)
class RobustMovesData:
    """What :func:`robust_moves_chart` draws: :func:`spbe_analysis.robust.robust_moves` (or the
    cached one), the cycle its first-cycle moves belong to, and how many moves each panel shows
    (those in the most plans under their worst table)."""

    moves: Any
    cycle: int = 2027
    top: int = 8


@dataclass(frozen=True)
class RobustMovesFinding:
    """Which regencies have first-cycle PEMDI moves that hold in every scenario (in at least
    ``threshold`` of the optimal plans under every assumption table), with what varied."""

    codes: tuple
    robust: tuple            # (code, ((indicator, level, min_share, plans_total), ...))
    threshold: float
    n_draws: int
    n_tables: int
    max_mc_error: float
    varied: tuple
    basis: tuple             # (code, basis)
    cycle: int
    borderline: tuple = ()   # (code, ((indicator, level, min_share, n), ...)): within the random error of the threshold
    max_draws: int = 0       # the most draws a regency and scenario got (the draws grow where a share is near the threshold)

    def title(self, lang: str) -> str:
        k = sum(1 for _, m in self.robust if m)
        return t("f_robust_moves_title", lang, k=k, n=len(self.codes), cycle=self.cycle)

    def _share(self, p: float, n: int, lang: str) -> str:
        return t("f_robust_in_all", lang, n=num(n, lang, 0)) if p >= 1 else t("f_robust_min_share", lang, p=pct(p, lang))

    def lines(self, lang: str) -> list[str]:
        """One line per regency: its robust moves, or that it has none."""
        names = entity_names(lang)
        basis = dict(self.basis)
        out = []
        near = dict(self.borderline)
        for code, moves in self.robust:
            who = names.get(code, code)
            if basis.get(code, "projected") != "projected":
                who += f" ({t('f_robust_sheet', lang)})"
            nb = "; ".join(f"{i} \u2192 {lv} ({t('f_robust_min_share', lang, p=pct(p, lang))})"
                           for i, lv, p, _ in near.get(code, ()))
            if moves:
                ms = "; ".join(f"{i} \u2192 {lv} ({self._share(p, n, lang)})" for i, lv, p, n in moves)
                line = t("f_robust_moves_who", lang, who=who, moves=ms)
                out.append(line + (t("f_robust_also_borderline", lang, moves=nb) if nb else ""))
            elif nb:
                out.append(t("f_robust_moves_borderline", lang, who=who, moves=nb, p=pct(self.threshold, lang)))
            else:
                out.append(t("f_robust_moves_none", lang, who=who))
        return out

    def text(self, lang: str) -> str:
        varied = ", ".join(t(k, lang) for k in self.varied)
        head = t("f_robust_moves_text", lang, cycle=self.cycle, p=pct(self.threshold, lang), tables=self.n_tables,
                 varied=varied, n=draws_range(self.n_draws, self.max_draws, lang), e=pct(self.max_mc_error, lang, 1))
        return self.title(lang) + ". " + head + ". " + ". ".join(self.lines(lang)) + "."


def robust_moves_finding(data: RobustMovesData | Any) -> RobustMovesFinding:
    """From a :class:`RobustMovesData` (or the robust-moves result itself, first cycle 2027)."""
    data = data if isinstance(data, RobustMovesData) else RobustMovesData(data)
    r = data.moves
    codes = tuple(r.basis)
    rob = r.robust
    per = tuple((c, tuple((x.indicator, int(x.level), float(x.min_share), int(x.plans_total))
                          for x in rob[rob["code"] == c].itertuples())) for c in codes)
    bl = r.moves[r.moves["borderline"]] if "borderline" in r.moves else r.moves.iloc[:0]
    near = tuple((c, tuple((x.indicator, int(x.level), float(x.min_share), int(x.n))
                           for x in bl[bl["code"] == c].itertuples())) for c in codes)
    return RobustMovesFinding(codes, per, r.threshold, r.n_draws, len(r.tables), r.max_mc_error, tuple(r.varied),
                              tuple(r.basis.items()), int(data.cycle), near,
                              int(getattr(r, "max_draws", r.n_draws)))


def draws_range(first: int, most: int, lang: str) -> str:
    """"16" or "16–64": the draws of the first round, and the most any table got.

    Examples
    --------
    >>> draws_range(16, 64, "id"), draws_range(16, 16, "en")
    ('16–64', '16')
    """
    if most <= first:
        return num(first, lang, 0)
    return f"{num(first, lang, 0)}\u2013{num(most, lang, 0)}"


def robust_moves_chart(data: RobustMovesData, *, lang: str, footer: str, ax=None):
    """Per regency: the share of optimal plans containing each first-cycle move under its worst
    table (the ``data.top`` moves with the highest such share), the robust ones marked with a star
    and the borderline ones (within the random error of the threshold) hatched with an open star;
    the title states :func:`robust_moves_finding`. Returns the axes (one per regency)."""
    data = data if isinstance(data, RobustMovesData) else RobustMovesData(data)
    r, top = data.moves, data.top
    finding = robust_moves_finding(data)
    names = entity_names(lang)
    codes = list(finding.codes)
    ncols = 3 if len(codes) > 2 else len(codes)
    nrows = int(np.ceil(len(codes) / ncols))
    fig, axes, own = panels(ax, nrows, ncols, sharex=True)
    borderline = False
    for k, a in enumerate(axes.flat):
        if k >= len(codes):
            a.set_visible(False)
            continue
        c = codes[k]
        m = r.moves[(r.moves["code"] == c) & (r.moves["min_share"] > 0)].head(top)
        y = np.arange(len(m))
        col = entity_colour(c)
        near = m["borderline"].to_numpy(dtype=bool) if "borderline" in m.columns else np.zeros(len(m), dtype=bool)
        bars = a.barh(y, m["min_share"].to_numpy() * 100, color=[col if x else "#c8c8c8" for x in m["robust"]],
                      height=0.7)
        for bar, yi, x, b in zip(bars, y, m.itertuples(), near):
            if b and not x.robust:      # within the random error of the threshold: neither robust nor ruled out
                bar.set(facecolor=col, alpha=0.4, hatch="//", edgecolor="white")
            if x.robust or b:
                a.text(x.min_share * 100 + 2, yi, "\u2605" if x.robust else "\u2606", va="center", fontsize=13)
        borderline = borderline or bool(near.any())
        a.axvline(r.threshold * 100, color="black", lw=1, ls="--")
        a.set_yticks(y, [f"{x.indicator} \u2192 {x.level}" for x in m.itertuples()], fontsize=11)
        a.set_ylim(top - 0.5, -0.5)
        a.set_xlim(0, 112)
        a.set_title(names.get(c, c), fontsize=13)
        a.grid(axis="y", visible=False)
        if not len(m):
            a.text(50, 0.5, "\u2013", ha="center", va="center", transform=a.get_xaxis_transform())
    if own:
        marks = [t("lg_robust_marked", lang, p=pct(r.threshold, lang))]
        if borderline:
            marks.append(t("lg_robust_borderline", lang, p=pct(r.threshold, lang)))
        sep = "\n" if borderline else "  \u00b7  "
        fig.supxlabel(t("ax_robust_share", lang) + " (%)" + sep + "  \u00b7  ".join(marks), fontsize=12)
    finish(fig, axes, own, finding.title(lang), footer, lang, illustrative=r.illustrative, unofficial=True,
           adjust={"left": 0.07, "right": 0.98, "bottom": 0.14, "top": 0.86, "wspace": 0.35, "hspace": 0.35})
    return axes


__all__ = ["BandFinding", "BandProbabilityData", "RankFinding", "RobustMovesData", "RobustMovesFinding",
           "band_probability_chart", "band_probability_finding", "draws_range", "rank_chart", "rank_finding", "robust_moves_chart",
           "robust_moves_finding", "spread_text", "sweep_table", "sweep_text"]
