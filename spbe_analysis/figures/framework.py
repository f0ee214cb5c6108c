"""Charts of a framework: where the weight sits, and what one level step is worth."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from ..checks import count
from ..frameworks import Framework, as_framework
from ..labels import num, pct, t
from ..official import round_half_up
from ..scoring import predicate, score_table
from .style import GROUP_COLOURS, canvas, decimal_axis, finish, legend_below, wrap


def framework_footer(framework: Framework | str) -> str:
    """The footer of a chart of a framework's weights: its title and its first source.

    Examples
    --------
    >>> framework_footer("spbe2020").startswith("Indeks SPBE")
    True
    """
    fw = as_framework(framework)
    return f"{fw.title}; {fw.source.split(';')[0]}"


@dataclass(frozen=True)
class WeightsFinding:
    """The heaviest domain (or aspect, for frameworks without domains) and its weight (%)."""

    framework: str
    level: str          # "domain" or "aspect"
    group: int
    name: str
    weight: float

    def title(self, lang: str) -> str:
        return t(f"f_weights_{self.level}", lang, name=self.name, w=num(self.weight, lang, 1))

    def text(self, lang: str) -> str:
        return self.title(lang) + "."


def weights_finding(framework: Framework | str) -> WeightsFinding:
    """Examples
    --------
    >>> weights_finding("spbe2020").weight
    45.5
    """
    fw = as_framework(framework)
    level = "domain" if fw.has_domains else "aspect"
    w = fw.indicators.groupby(level)["weight_pct"].sum()
    top = int(w.idxmax())
    return WeightsFinding(fw.name, level, top, str(fw.group_names(level)[top]), float(w.max()))


def weights_chart(framework: Framework | str, *, lang: str, footer: str, ax=None):
    """Horizontal bars: weight of each aspect (percent of the index), coloured by domain (a legend
    under the plot); the title states :func:`weights_finding`. Returns the axes."""
    fw = as_framework(framework)
    f = weights_finding(fw)
    ind = fw.indicators
    asp = ind.groupby("aspect").agg(weight=("weight_pct", "sum"), n=("weight_pct", "size"),
                                    per=("weight_pct", "first"), domain=("domain", "first"),
                                    name=("aspect_name", "first")).iloc[::-1]
    fig, ax, own = canvas(ax)
    y = np.arange(len(asp))
    colour = [GROUP_COLOURS[d] for d in asp["domain"]] if fw.has_domains else \
        [GROUP_COLOURS[a % 9] for a in asp.index]
    ax.barh(y, asp["weight"], color=colour, height=0.7)
    for yi, (a, r) in zip(y, asp.iterrows()):
        same = ind.loc[ind["aspect"] == a, "weight_pct"].nunique() == 1
        per = f"  ({t('indicators_n', lang, n=r['n'], w=num(r['per'], lang))})" if same else ""
        lbl = pct(float(r["weight"]) / 100, lang, 1) + per
        ax.text(r["weight"] + 0.3, yi, lbl, va="center", fontsize=13)
    ax.set_yticks(y, [wrap(f"{a}. {r['name']}", 38) for a, r in asp.iterrows()], fontsize=13)
    ax.set_xlabel(t("weight_pct", lang))
    ax.set_xlim(0, asp["weight"].max() * 1.45)
    decimal_axis(ax, lang, "x", 0)
    ax.grid(axis="y", visible=False)
    if fw.has_domains:
        dom = ind.groupby("domain").agg(w=("weight_pct", "sum"), name=("domain_name", "first"))
        handles = [Patch(color=GROUP_COLOURS[d],
                         label=f"{t('domain', lang)} {d}: {r['name']} ({pct(float(r['w']) / 100, lang, 1)})")
                   for d, r in dom.iterrows()]
        legend_below(ax, handles=handles, ncol=2, fontsize=13)
    finish(fig, ax, own, f.title(lang), footer, lang, adjust={"left": 0.3, "right": 0.97, "bottom": 0.14, "top": 0.88})
    return ax


@dataclass(frozen=True)
class StepEffectFinding:
    """The indicators whose level step moves the index most and least, and the ratio."""

    hi_ids: tuple[str, ...]
    lo_ids: tuple[str, ...]
    hi_gain: float
    lo_gain: float

    @property
    def ratio(self) -> float:
        return self.hi_gain / self.lo_gain

    def title(self, lang: str) -> str:
        return t("f_step_effect", lang, hi=f"{self.hi_ids[0]}-{self.hi_ids[-1]}", lo=f"{self.lo_ids[0]}-{self.lo_ids[-1]}",
                 gain=num(self.hi_gain, lang, 3), ratio=num(self.ratio, lang, 1))

    def text(self, lang: str) -> str:
        return self.title(lang) + "."


def _step_groups(fw: Framework):
    ind = fw.indicators.copy()
    ind["gain"] = ind["weight_pct"] / 100
    grp = ind.groupby(["aspect", "weight_pct"]).agg(ids=("gain", lambda s: list(s.index)), gain=("gain", "first"),
                                                    name=("aspect_name", "first"), domain=("domain", "first"))
    return grp.sort_values("gain").reset_index()


def step_effect_finding(framework: Framework | str) -> StepEffectFinding:
    """Examples
    --------
    >>> f = step_effect_finding("spbe2020")
    >>> f.hi_ids[0], f.hi_ids[-1], round(f.ratio, 2)
    ('42', '47', 2.31)
    """
    grp = _step_groups(as_framework(framework))
    hi, lo = grp.iloc[-1], grp.iloc[0]
    return StepEffectFinding(tuple(hi["ids"]), tuple(lo["ids"]), float(hi["gain"]), float(lo["gain"]))


def step_effect_chart(framework: Framework | str, *, lang: str, footer: str, ax=None):
    """Index gain from one level step on one indicator, by indicator group (aspect); the title
    states :func:`step_effect_finding`. Returns the axes."""
    fw = as_framework(framework)
    grp = _step_groups(fw)
    f = step_effect_finding(fw)
    fig, ax, own = canvas(ax)
    y = np.arange(len(grp))
    colour = [GROUP_COLOURS[d] for d in grp["domain"]] if fw.has_domains else \
        [GROUP_COLOURS[a % 9] for a in grp["aspect"]]
    ax.barh(y, grp["gain"], color=colour, height=0.7)
    for yi, r in grp.iterrows():
        ax.text(r["gain"] + 0.0004, yi, "+" + num(r["gain"], lang, 4), va="center", fontsize=13)
    ax.set_yticks(y, [wrap(f"Ind. {r['ids'][0]}-{r['ids'][-1]}: {r['name']}" if len(r["ids"]) > 1
                           else f"Ind. {r['ids'][0]}: {r['name']}", 38) for _, r in grp.iterrows()], fontsize=13)
    ax.set_xlabel(t("per_level", lang))
    ax.set_xlim(0, grp["gain"].max() * 1.25)
    decimal_axis(ax, lang, "x", 3)
    ax.grid(axis="y", visible=False)
    finish(fig, ax, own, f.title(lang), footer, lang, adjust={"left": 0.3, "right": 0.97, "bottom": 0.14, "top": 0.88})
    return ax


@dataclass(frozen=True)
class RoundingFinding:
    """How often naive float rounding (``round(x, 2)`` on a float sum) misstates the official
    value of random profiles, how often it changes the predicate, and at how many band edges an
    exact tie just below the edge would get the lower predicate."""

    n: int
    n_wrong: int
    n_predicate: int
    edge_flips: int
    n_edges: int

    def text(self, lang: str) -> str:
        return t("f_rounding", lang, share=pct(self.n_wrong / self.n, lang, 1), k=num(self.n_predicate, lang, 0),
                 n=num(self.n, lang, 0), flips=self.edge_flips, edges=self.n_edges)

    def title(self, lang: str) -> str:
        return self.text(lang)


def edge_ties(framework: Framework | str) -> pd.DataFrame:
    """For every inner band edge: the exact tie just below it (edge - 0.005), what naive float
    rounding makes of it and what the official rule gives, with both predicates."""
    fw = as_framework(framework)
    rows = []
    for b in fw.bands.itertuples():
        if float(b.lower) <= fw.level_min:
            continue
        exact = Fraction(str(b.lower)) - Fraction(1, 200)
        naive = round(float(exact), 2)
        rows.append({"exact": float(exact), "naive": naive, "naive_predicate": predicate(naive, fw),
                     "official": float(round_half_up(exact)), "official_predicate": predicate(exact, fw)})
    return pd.DataFrame(rows)


def rounding_finding(framework: Framework | str, n: int = 100_000, seed: int = 20241) -> RoundingFinding:
    """Score ``n`` random profiles exactly and naively and count the differences."""
    fw = as_framework(framework)
    n = count(n, "n argument", minimum=1)
    rng = np.random.default_rng(seed)
    levels = rng.integers(fw.level_min, fw.level_max + 1, size=(n, fw.n))
    official = score_table(levels, fw)
    naive = np.round(levels @ fw.indicators["weight_pct"].to_numpy() / 100, 2)
    wrong = np.abs(official["value"].to_numpy() - naive) > 1e-9
    naive_pred = np.array(predicate(list(naive[wrong]), fw), dtype=object)
    n_pred = int((naive_pred != official["predicate"].astype(str).to_numpy()[wrong]).sum())
    ties = edge_ties(fw)
    flips = int((ties["naive_predicate"] != ties["official_predicate"]).sum())
    return RoundingFinding(n, int(wrong.sum()), n_pred, flips, len(ties))
