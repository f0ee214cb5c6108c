"""Charts of the sensitivity analysis: rank ranges and band probabilities under perturbed weights
and unknown indicator levels."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..labels import entity_names, num, pct, t
from ..sensitivity import Sensitivity, rank_stability
from .style import band_colour, canvas, entity_colour, finish, panels, stacked_shares

ROBUST = 0.8


@dataclass(frozen=True)
class RankFinding:
    """Which entities keep their nominal rank and band in at least 80 % of replicates."""

    concentration: float
    keep_rank: tuple[tuple[str, int, float], ...]   # entity, nominal rank, share
    keep_band: tuple[tuple[str, str, float], ...]   # entity, nominal band, share
    n: int

    def title(self, lang: str) -> str:
        k = sum(1 for _, _, s in self.keep_band if s >= ROBUST)
        return t("f_bands_hold", lang, k=k, n=len(self.keep_band), p=pct(ROBUST, lang))

    def text(self, lang: str) -> str:
        names = entity_names(lang)
        shaky = [f"{names.get(e, e)} ({b} {pct(s, lang)})" for e, b, s in self.keep_band if s < ROBUST]
        ranks = [f"{names.get(e, e)} #{r} ({pct(s, lang)})" for e, r, s in self.keep_rank if s >= ROBUST]
        out = self.title(lang) + t("f_bands_hold_kappa", lang, k=num(self.concentration, lang, 0),
                                   n=num(self.n, lang, 0)) + "."
        if shaky:
            out += " " + t("f_bands_shaky", lang, who=", ".join(shaky)) + "."
        out += " " + (t("f_ranks_hold", lang, who=", ".join(ranks)) if ranks else t("f_ranks_none", lang)) + "."
        return out


def rank_finding(s: Sensitivity) -> RankFinding:
    """From :func:`spbe_analysis.sensitivity.run`."""
    st = rank_stability(s).set_index("entity")
    summ = s.summary.set_index("entity")
    return RankFinding(s.concentration,
                       tuple((e, int(summ.loc[e, "nominal_rank"]), float(st.loc[e, "keeps_rank"])) for e in st.index),
                       tuple((e, str(summ.loc[e, "nominal_band"]), float(st.loc[e, "keeps_band"])) for e in st.index),
                       len(s.index))


def rank_chart(s: Sensitivity, finding: RankFinding, lang: str = "id", source: str = "", ax=None):
    """Per entity: the nominal rank (dot) and the 5-95 % range of its rank over the replicates."""
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
    return finish(fig, ax, own, finding.title(lang), source, lang, illustrative=s.illustrative)


def band_probability_chart(s: Sensitivity, framework, lang: str = "id", source: str = "", ax=None):
    """Stacked bars: probability of each predicate band per entity over the replicates."""
    from ..frameworks import as_framework
    fw = as_framework(framework)
    names = entity_names(lang)
    f = rank_finding(s)
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
    return finish(fig, ax, own, f.title(lang), source, lang, illustrative=s.illustrative,
                  adjust={"left": 0.22, "right": 0.97, "bottom": 0.24, "top": 0.86})


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
    return t("f_spread_parts", lang, w=pct(float(keep.get("weights", 1.0)), lang),
             l=pct(float(keep.get("levels", 1.0)), lang), b=pct(float(keep.get("both", 1.0)), lang)) + "."


def sweep_text(sweep: dict[float, Sensitivity], lang: str) -> str:
    """How the mean band stability changes with the Dirichlet concentration."""
    keep = sweep_table(sweep).mean()
    parts = ", ".join(f"{num(k, lang, 0)}: {pct(float(v), lang)}" for k, v in keep.items())
    return t("f_sweep", lang, parts=parts) + "."


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
        for code, moves in self.robust:
            who = names.get(code, code)
            if basis.get(code, "projected") != "projected":
                who += f" ({t('f_robust_sheet', lang)})"
            if moves:
                ms = "; ".join(f"{i} \u2192 {lv} ({self._share(p, n, lang)})" for i, lv, p, n in moves)
                out.append(t("f_robust_moves_who", lang, who=who, moves=ms))
            else:
                out.append(t("f_robust_moves_none", lang, who=who))
        return out

    def text(self, lang: str) -> str:
        varied = ", ".join(t(k, lang) for k in self.varied)
        head = t("f_robust_moves_text", lang, cycle=self.cycle, p=pct(self.threshold, lang), tables=self.n_tables,
                 varied=varied, n=num(self.n_draws, lang, 0), e=pct(self.max_mc_error, lang, 1))
        return self.title(lang) + ". " + head + ". " + ". ".join(self.lines(lang)) + "."


def robust_moves_finding(r, cycle: int = 2027) -> RobustMovesFinding:
    """From :func:`spbe_analysis.robust.robust_moves` (or the cached one)."""
    codes = tuple(r.basis)
    rob = r.robust
    per = tuple((c, tuple((x.indicator, int(x.level), float(x.min_share), int(x.plans_total))
                          for x in rob[rob["code"] == c].itertuples())) for c in codes)
    return RobustMovesFinding(codes, per, r.threshold, r.n_draws, len(r.tables), r.max_mc_error, tuple(r.varied),
                              tuple(r.basis.items()), cycle)


def robust_moves_chart(r, finding: RobustMovesFinding, lang: str = "id", source: str = "", top: int = 8, ax=None):
    """Per regency: the share of optimal plans containing each first-cycle move under its worst
    table (the moves with the highest such share), the robust ones marked with a star."""
    names = entity_names(lang)
    codes = list(finding.codes)
    ncols = 3 if len(codes) > 2 else len(codes)
    nrows = int(np.ceil(len(codes) / ncols))
    fig, axes, own = panels(ax, nrows, ncols, sharex=True)
    for k, a in enumerate(axes.flat):
        if k >= len(codes):
            a.set_visible(False)
            continue
        c = codes[k]
        m = r.moves[(r.moves["code"] == c) & (r.moves["min_share"] > 0)].head(top)
        y = np.arange(len(m))
        col = entity_colour(c)
        a.barh(y, m["min_share"].to_numpy() * 100, color=[col if x else "#c8c8c8" for x in m["robust"]], height=0.7)
        for yi, x in zip(y, m.itertuples()):
            if x.robust:
                a.text(x.min_share * 100 + 2, yi, "\u2605", va="center", fontsize=13)
        a.axvline(r.threshold * 100, color="black", lw=1, ls="--")
        a.set_yticks(y, [f"{x.indicator} \u2192 {x.level}" for x in m.itertuples()], fontsize=11)
        a.set_ylim(top - 0.5, -0.5)
        a.set_xlim(0, 112)
        a.set_title(names.get(c, c), fontsize=13)
        a.grid(axis="y", visible=False)
        if not len(m):
            a.text(50, 0.5, "\u2013", ha="center", va="center", transform=a.get_xaxis_transform())
    if own:
        fig.supxlabel(t("ax_robust_share", lang) + " (%)  \u00b7  " + t("lg_robust_marked", lang, p=pct(r.threshold, lang)),
                      fontsize=12)
    return finish(fig, axes, own, finding.title(lang), source, lang, illustrative=r.illustrative, unofficial=True,
                  adjust={"left": 0.07, "right": 0.98, "bottom": 0.14, "top": 0.86, "wspace": 0.35, "hspace": 0.35})
