"""Charts of the sensitivity analysis: rank ranges and band probabilities under perturbed weights
and unknown indicator levels."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..labels import entity_names, num, pct, t
from ..sensitivity import Sensitivity, rank_stability
from .style import band_colour, canvas, entity_colour, finish, stacked_shares

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
