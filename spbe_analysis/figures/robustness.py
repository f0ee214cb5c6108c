"""Charts of the sensitivity analysis: rank ranges and band probabilities under perturbed weights
and unknown indicator levels (the PEMDI moves that hold in every scenario are charted in
:mod:`spbe_analysis.figures.moves`, re-exported here). Every chart is
``xxx_chart(data, *, lang, footer, ax=None)`` and returns its axes; its title is the ``title`` of
its own ``xxx_finding(data)`` (the rank chart states the ranks, the band chart the bands).

Ranks are among the six regencies (kabupaten/kota) only, as everywhere else in the package: the
province is left out of the ranking (its band is still shown). A share of simulations is never
written 0 % or 100 %: every one reads "in all n simulations" (or "all" where the number of
simulations is in the axis label), a share that rounds to 100 % reads ">99%"."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import numpy as np
import pandas as pd

from ..data import entity_codes
from ..frameworks import Framework, as_framework
from ..labels import entity_names, num, open_pct, pct, t
from ..sensitivity import Sensitivity, rank_stability
from .moves import (MOVES_FRAMEWORK, RobustMovesData, RobustMovesFinding, draws_range, move_label,  # noqa: F401
                    robust_moves_chart, robust_moves_finding, robust_short, shown_moves, wrap_move)
from .style import band_colour, canvas, entity_colour, finish, stacked_shares

ROBUST = 0.8


def share_text(s: float, lang: str, n: int | None = None) -> str:
    """A share of simulations for a reader, never a rounded 0 % or 100 %: every simulation reads
    "semua" ("in all n simulations" when ``n`` is given), none "tak satu pun", a share that rounds
    to 100 % ">99%".

    Examples
    --------
    >>> share_text(1.0, "id"), share_text(0.99995, "id"), share_text(1.0, "en", 1000), share_text(0.5, "id")
    ('semua', '>99%', 'in all 1,000 simulations', '50%')
    """
    if s >= 1:
        return t("rob_in_all", lang, n=num(n, lang, 0)) if n else t("rob_all", lang)
    if s <= 0:
        return t("rob_in_none", lang, n=num(n, lang, 0)) if n else t("rob_none", lang)
    return open_pct(s, lang)


def _kept(s: Sensitivity, what: str) -> tuple:
    """(entity, nominal rank or band, share of replicates keeping it) per entity."""
    st = rank_stability(s).set_index("entity")
    summ = s.summary.set_index("entity")
    col, cast = {"rank": ("nominal_rank", int), "band": ("nominal_band", str)}[what]
    return tuple((e, cast(summ.loc[e, col]), float(st.loc[e, f"keeps_{what}"])) for e in st.index)


def weight_shift(s: Sensitivity) -> float:
    """How far the simulated weights stray from the official ones: the mean relative difference
    |w / w_official - 1| over the indicators and the simulations after the official one (0 when
    the weights do not vary)."""
    w = s.weights.to_numpy(dtype=float)
    if len(w) < 2:
        return 0.0
    return float(np.abs(w[1:] / w[0] - 1).mean())


# ============================================================================= ranks
def ranked_entities(s: Sensitivity) -> list[str]:
    """The entities of ``s`` that are ranked against each other: the regencies (kabupaten/kota);
    the province and the nation are left out."""
    _, prov, nat = entity_codes()
    return [e for e in s.rank.columns if e not in (prov, nat)]


def regency_ranks(s: Sensitivity) -> pd.DataFrame:
    """Replicates x regencies: each regency's rank among the regencies only (1 = highest index;
    ties in the order of ``s``, as :func:`spbe_analysis.sensitivity.run` breaks them)."""
    cols = ranked_entities(s)
    h = s.index[cols].to_numpy()
    r = (-h).argsort(axis=1, kind="stable").argsort(axis=1) + 1
    return pd.DataFrame(r, index=s.index.index, columns=cols)


def rank_table(s: Sensitivity, lang: str = "id") -> pd.DataFrame:
    """Per regency, by official rank among the regencies: ``name``, ``nominal_index``,
    ``nominal_rank``, ``rank_lo`` and ``rank_hi`` (a range holding the rank in at least 90 % of the
    simulations), ``rank_range`` ("2-3"), ``keeps_rank`` (share of simulations at the official
    rank) and ``keeps_rank_text`` (that share for a reader, never 100 %)."""
    ranks = regency_ranks(s)
    names = entity_names(lang)
    idx = s.summary.set_index("entity")["nominal_index"]
    rows = []
    for e in ranks.columns:
        r = ranks[e].to_numpy()
        lo, hi = int(np.quantile(r, 0.05, method="lower")), int(np.quantile(r, 0.95, method="higher"))
        keep = float((r == r[0]).mean())
        rows.append({"entity": e, "name": names.get(e, e), "nominal_index": float(idx[e]), "nominal_rank": int(r[0]),
                     "rank_lo": lo, "rank_hi": hi, "rank_range": str(lo) if lo == hi else f"{lo}-{hi}",
                     "keeps_rank": keep, "keeps_rank_text": share_text(keep, lang)})
    return pd.DataFrame(rows).sort_values("nominal_rank").set_index("entity")


@dataclass(frozen=True)
class RankFinding:
    """How many regencies keep their official rank among the six in at least 80 % of the
    simulations (the title of the rank chart), how far the other ranks move, and every
    government's band kept (for the page's short findings)."""

    concentration: float
    keep_rank: tuple[tuple[str, int, float], ...]   # regency, official rank among the regencies, share
    keep_band: tuple[tuple[str, str, float], ...]   # entity (the province too), official band, share
    n: int                                          # simulations
    span: tuple[tuple[str, int, int], ...] = ()     # regency, rank range holding >= 90 % of simulations
    shift: float = 0.0                              # mean relative shift of the weights

    def title(self, lang: str) -> str:
        k = sum(1 for _, _, s in self.keep_rank if s >= ROBUST)
        return t("rob_ranks_title", lang, k=k, n=len(self.keep_rank), p=pct(ROBUST, lang))

    def _method(self, lang: str) -> str:
        return t("rob_method", lang, x=pct(self.shift, lang), n=num(self.n, lang, 0))

    def bands_line(self, lang: str) -> str:
        """The bands that hold (every government, the province too) and those that do not."""
        names = entity_names(lang)
        ok = sum(1 for _, _, s in self.keep_band if s >= ROBUST)
        shaky = ", ".join(f"{names.get(e, e)} ({share_text(s, lang)})" for e, _, s in self.keep_band if s < ROBUST)
        out = t("rob_bands_short", lang, k=ok, n=len(self.keep_band), p=pct(ROBUST, lang), r=num(self.n, lang, 0))
        return out + ("; " + t("rob_bands_short_shaky", lang, who=shaky) if shaky else "") + "."

    def ranks_line(self, lang: str) -> str:
        """The ranks among the regencies that hold, and how far the others move."""
        names = entity_names(lang)
        held = [(e, r, s) for e, r, s in self.keep_rank if s >= ROBUST]
        who = ", ".join(f"{names.get(e, e)} ({t('rob_rank_at', lang, r=r)}; {share_text(s, lang, self.n)})"
                        for e, r, s in held)
        span = {e: (lo, hi) for e, lo, hi in self.span}
        nominal = {e: r for e, r, _ in self.keep_rank}
        moves = [max(r - span[e][0], span[e][1] - r) for e, r in nominal.items()
                 if e in span and e not in {h[0] for h in held}]
        d = max(moves, default=0)
        places = t("rob_place_one" if d == 1 else "rob_places", lang, d=d)
        n, p = len(self.keep_rank), pct(ROBUST, lang)
        if not held:
            return t("rob_ranks_none", lang, n=n, p=p, d=places) + "."
        out = t("rob_ranks_hold", lang, n=n, p=p, who=who)
        return out + (t("rob_ranks_others", lang, d=places) if d else "") + "."

    def lines(self, lang: str) -> list[str]:
        """The page's two short findings: the bands that hold, the ranks that hold."""
        return [self.bands_line(lang), self.ranks_line(lang)]

    def text(self, lang: str) -> str:
        return self.title(lang) + self._method(lang) + ". " + self.ranks_line(lang)


def rank_finding(s: Sensitivity) -> RankFinding:
    """From :func:`spbe_analysis.sensitivity.run` (what :func:`rank_chart` draws): ranks among the
    regencies only."""
    tab = rank_table(s)
    keep = tuple((e, int(r.nominal_rank), float(r.keeps_rank)) for e, r in tab.iterrows())
    span = tuple((e, int(r.rank_lo), int(r.rank_hi)) for e, r in tab.iterrows())
    return RankFinding(s.concentration, keep, _kept(s, "band"), len(s.index), span, weight_shift(s))


def rank_chart(s: Sensitivity, *, lang: str, footer: str, ax=None):
    """Per regency: its official rank among the regencies (diamond) and the share of simulations
    at each rank (circles), with the share keeping the official rank at the right; the province is
    not ranked. The title states :func:`rank_finding`. Returns the axes."""
    f = rank_finding(s)
    names = entity_names(lang)
    tab = rank_table(s, lang)
    ranks = regency_ranks(s)
    n = len(tab)
    fig, ax, own = canvas(ax)
    y = np.arange(n)
    for yi, (e, r) in zip(y, tab.iterrows()):
        counts = ranks[e].value_counts(normalize=True)
        for rank, share in counts.items():
            ax.scatter([rank], [yi], s=1400 * share + 10, color=entity_colour(e), alpha=0.35, lw=0)
        ax.scatter([r.nominal_rank], [yi], s=90, color="black", zorder=3, marker="D")
        ax.text(n + 0.9, yi, r.keeps_rank_text, va="center", ha="center", fontsize=13)
    ax.text(n + 0.9, -0.55, t("rob_rank_keep_head", lang), va="bottom", ha="center", fontsize=12, fontweight="bold")
    ax.set_yticks(y, [names.get(e, e) for e in tab.index])
    ax.set_xticks(range(1, n + 1))
    ax.set_xlim(0.4, n + 1.6)
    ax.set_ylim(n - 0.5, -1.25)
    ax.set_xlabel(t("rob_ax_rank", lang, n=n, r=num(f.n, lang, 0)))
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
    """How many governments (the province too: a band does not depend on the others) keep their
    official band in at least 80 % of the simulations (the title of the band chart), and the bands
    that do not."""

    concentration: float
    keep_band: tuple[tuple[str, str, float], ...]   # entity, nominal band, share
    n: int
    shift: float = 0.0

    def title(self, lang: str) -> str:
        k = sum(1 for _, _, s in self.keep_band if s >= ROBUST)
        return t("rob_bands_title", lang, k=k, n=len(self.keep_band), p=pct(ROBUST, lang))

    def text(self, lang: str) -> str:
        names = entity_names(lang)
        shaky = [f"{names.get(e, e)} ({b}, {share_text(s, lang, self.n)})" for e, b, s in self.keep_band if s < ROBUST]
        out = self.title(lang) + t("rob_method", lang, x=pct(self.shift, lang), n=num(self.n, lang, 0)) + "."
        return out + (" " + t("rob_bands_shaky", lang, who=", ".join(shaky)) + "." if shaky else "")


def band_probability_finding(data: BandProbabilityData | Sensitivity) -> BandFinding:
    """From a :class:`BandProbabilityData` (or the sensitivity run itself)."""
    s = data.run if isinstance(data, BandProbabilityData) else data
    return BandFinding(s.concentration, _kept(s, "band"), len(s.index), weight_shift(s))


def band_probability_chart(data: BandProbabilityData, *, lang: str, footer: str, ax=None):
    """Stacked bars: the share of simulations in each predicate band per government (lowest
    official index at the bottom), each segment of at least 7 % labelled ("semua" where every
    simulation is in it, never 100 %); the title states :func:`band_probability_finding`.
    Returns the axes."""
    s = data.run
    fw = as_framework(data.framework)
    f = band_probability_finding(data)
    names = entity_names(lang)
    summ = s.summary.sort_values("nominal_index")
    fig, ax, own = canvas(ax)
    y = np.arange(len(summ))
    parts = [(b, band_colour(fw, b), summ[f"p_{b}"].to_numpy()) for b in fw.band_names("id")]
    stacked_shares(ax, y, [(b, c, v * 100) for b, c, v in parts], lang, label_from=float("inf"), height=0.62)
    left = np.zeros(len(y))
    for _, _, v in parts:
        for yi, l0, p in zip(y, left, v):
            if p >= 0.07:
                ax.text((l0 + p / 2) * 100, yi, share_text(float(p), lang), ha="center", va="center", fontsize=12)
        left += v
    ax.set_yticks(y, [f"{names.get(e, e)} ({num(v, lang)})" for e, v in zip(summ["entity"], summ["nominal_index"])])
    ax.set_xlim(0, 100)
    ax.set_xlabel(t("rob_ax_band_share", lang, r=num(f.n, lang, 0)))
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


def keep_frame(results: Mapping[Any, Sensitivity], lang: str = "id") -> pd.DataFrame:
    """:func:`sweep_table` as text for a reader's table: "semua" where every simulation keeps the
    band, ">99%" rather than a rounded 100 %."""
    return sweep_table(dict(results)).map(lambda v: share_text(float(v), lang))


def levels_alone_change_nothing(s: Sensitivity) -> bool:
    """Whether a run that varies the indicator levels alone (official weights) gives every
    government the same index in every simulation: true by construction when the profiles are
    drawn consistent with the published index, or when a sheet gives one profile per government."""
    h = s.index.to_numpy()
    return bool((h == h[0]).all())


def spread_text(parts: dict[str, Sensitivity], lang: str) -> str:
    """What the unknown indicator levels add to the weights: the mean share of simulations in which
    a government keeps its band when only the weights change and when the levels change with them.

    Under the official weights the levels alone cannot change an index (every profile is drawn
    consistent with the published index, or the sheet gives one), so that case is not a finding:
    the sentence says why instead of reporting "all of them". Should a run varying the levels
    alone ever move an index, its share is reported like the others."""
    keep = sweep_table(parts).mean()
    w, b = float(keep.get("weights", 1.0)), float(keep.get("both", 1.0))
    which = "rob_spread_even" if abs(w - b) < 0.01 else ("rob_spread_levels_add" if b < w else "rob_spread_levels_less")
    if "levels" in parts and not levels_alone_change_nothing(parts["levels"]):
        return t("rob_spread_all", lang, w=share_text(w, lang), l=share_text(float(keep["levels"]), lang),
                 b=share_text(b, lang), which=t(which, lang)) + "."
    return t("rob_spread", lang, w=share_text(w, lang), b=share_text(b, lang), which=t(which, lang)) + "."


def sweep_text(sweep: dict[float, Sensitivity], lang: str) -> str:
    """How the mean band stability changes with how far the weights may stray (the mean relative
    shift of a weight at each Dirichlet concentration, the package's random weighting)."""
    keep = sweep_table(sweep).mean()
    rows = sorted(((weight_shift(s), float(keep[k])) for k, s in sweep.items()))
    parts = ", ".join(t("rob_sweep_next" if j else "rob_sweep_first", lang, k=share_text(v, lang), x=pct(x, lang))
                      for j, (x, v) in enumerate(rows))
    falling = all(a[1] >= b[1] for a, b in zip(rows, rows[1:]))
    return t("rob_sweep" if falling else "rob_sweep_mixed", lang, parts=parts) + "."


# ============================================================================= moves that hold in every scenario


__all__ = ["BandFinding", "BandProbabilityData", "MOVES_FRAMEWORK", "RankFinding", "RobustMovesData",
           "RobustMovesFinding", "band_probability_chart", "band_probability_finding", "draws_range", "keep_frame",
           "levels_alone_change_nothing", "move_label", "rank_chart", "rank_finding", "rank_table", "ranked_entities",
           "regency_ranks", "robust_moves_chart", "robust_moves_finding", "robust_short", "share_text", "shown_moves",
           "wrap_move",
           "spread_text", "sweep_table", "sweep_text", "weight_shift"]
