"""Chart builders. Each takes data and ``lang`` and returns a styled slide-size Figure whose
title states the finding (computed from the data, never typed)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .frameworks import Framework
from .labels import t
from .plots import FULL, add_footer, band_spans, entity_colour, new_figure, set_title, wrap

DOMAIN_COLOURS = {1: "#0072B2", 2: "#E69F00", 3: "#CC79A7", 4: "#009E73", 0: "#0072B2"}


def _fw_source(fw: Framework) -> str:
    return f"{fw.title}; {fw.source.split(';')[0]}"


def aspect_weights(fw: Framework, lang: str = "id"):
    """Horizontal bars: weight of each aspect (percent of the index), coloured by domain."""
    ind = fw.indicators
    asp = ind.groupby("aspect").agg(weight=("weight_pct", "sum"), n=("weight_pct", "size"),
                                    per=("weight_pct", "first"), domain=("domain", "first"),
                                    name=("aspect_name", "first"))
    asp = asp.iloc[::-1]
    fig, ax = new_figure(FULL)
    y = np.arange(len(asp))
    ax.barh(y, asp["weight"], color=[DOMAIN_COLOURS[d] for d in asp["domain"]], height=0.7)
    for yi, (a, r) in zip(y, asp.iterrows()):
        lbl = {"id": f"{r['weight']:.1f}%  ({r['n']} indikator x {r['per']:.2f}%)",
               "en": f"{r['weight']:.1f}%  ({r['n']} indicators x {r['per']:.2f}%)"}[lang]
        ax.text(r["weight"] + 0.3, yi, lbl, va="center", fontsize=13)
    ax.set_yticks(y, [wrap(f"{a}. {r['name']}", 38) for a, r in asp.iterrows()], fontsize=13)
    ax.set_xlabel(t("weight_pct", lang))
    ax.set_xlim(0, asp["weight"].max() * 1.45)
    ax.grid(axis="y", visible=False)
    if fw.has_domains:
        dom = ind.groupby("domain").agg(w=("weight_pct", "sum"), name=("domain_name", "first"))
        top = dom["w"].idxmax()
        handles = [__import__("matplotlib.patches", fromlist=["Patch"]).Patch(color=DOMAIN_COLOURS[d],
                   label=f"{t('domain', lang)} {d}: {r['name']} ({r['w']:.1f}%)") for d, r in dom.iterrows()]
        ax.legend(handles=handles, loc="upper right", fontsize=13)
        title = {"id": f"Domain {dom.loc[top, 'name']} menentukan {dom.loc[top, 'w']:.1f}% indeks",
                 "en": f"The {dom.loc[top, 'name']} domain carries {dom.loc[top, 'w']:.1f}% of the index"}[lang]
    else:
        top = asp["weight"].idxmax()
        title = {"id": f"Aspek {asp.loc[top, 'name']} menentukan {asp.loc[top, 'weight']:.0f}% indeks",
                 "en": f"The {asp.loc[top, 'name']} aspect carries {asp.loc[top, 'weight']:.0f}% of the index"}[lang]
    set_title(fig, title)
    fig.subplots_adjust(left=0.3, right=0.97, bottom=0.14, top=0.88)
    add_footer(fig, _fw_source(fw), lang)
    return fig


def level_step_effect(fw: Framework, lang: str = "id"):
    """Index gain from one level step on one indicator, by indicator group (aspect)."""
    ind = fw.indicators.copy()
    ind["gain"] = ind["weight_pct"] / 100
    grp = ind.groupby(["aspect", "weight_pct"]).agg(ids=("gain", lambda s: list(s.index)), gain=("gain", "first"),
                                                    name=("aspect_name", "first"), domain=("domain", "first"))
    grp = grp.sort_values("gain").reset_index()
    fig, ax = new_figure(FULL)
    y = np.arange(len(grp))
    ax.barh(y, grp["gain"], color=[DOMAIN_COLOURS[d] for d in grp["domain"]], height=0.7)
    for yi, r in grp.iterrows():
        ax.text(r["gain"] + 0.0004, yi, f"+{r['gain']:.4f}", va="center", fontsize=13)
    ax.set_yticks(y, [wrap(f"Ind. {r['ids'][0]}-{r['ids'][-1]}: {r['name']}" if len(r["ids"]) > 1
                           else f"Ind. {r['ids'][0]}: {r['name']}", 38) for _, r in grp.iterrows()], fontsize=13)
    ax.set_xlabel(t("per_level", lang))
    ax.set_xlim(0, grp["gain"].max() * 1.25)
    ax.grid(axis="y", visible=False)
    hi, lo = grp.iloc[-1], grp.iloc[0]
    ratio = hi["gain"] / lo["gain"]
    title = {"id": f"Satu level pada indikator {hi['ids'][0]}-{hi['ids'][-1]} menaikkan indeks {hi['gain']:.3f}, "
                   f"{ratio:.1f}x indikator {lo['ids'][0]}-{lo['ids'][-1]}",
             "en": f"One level on indicators {hi['ids'][0]}-{hi['ids'][-1]} adds {hi['gain']:.3f} to the index, "
                   f"{ratio:.1f}x indicators {lo['ids'][0]}-{lo['ids'][-1]}"}[lang]
    set_title(fig, title)
    fig.subplots_adjust(left=0.3, right=0.97, bottom=0.14, top=0.88)
    add_footer(fig, _fw_source(fw), lang)
    return fig


def ranked_scores(snap: pd.DataFrame, names: pd.Series, fw: Framework, year: int, lang: str = "id",
                  references: dict[str, float] | None = None, source: str = "", title: str | None = None):
    """Ranked horizontal bars of published values over the predicate bands, with reference
    lines (for example province and national values) and value + predicate labels."""
    from .scoring import predicate
    s = snap.sort_values("value")
    fig, ax = new_figure(FULL)
    y = np.arange(len(s))
    vals = s["value"].astype(float).to_numpy()
    lo, hi = float(fw.level_min), float(fw.level_max)
    band_spans(ax, fw, orientation="v", lang=lang, lo=lo, hi=hi, alpha=0.5)
    ax.barh(y, vals - lo, left=lo, color=[entity_colour(e) for e in s.index], height=0.62, zorder=3, edgecolor="white")
    for yi, v, e in zip(y, vals, s.index):
        ax.text(v + 0.04, yi, f"{v:.2f}  {predicate(v, fw, lang)}", va="center", fontsize=14, zorder=4,
                fontweight="bold")
    ax.set_yticks(y, [names[e] for e in s.index])
    ax.set_xlim(lo, hi)
    ax.set_xlabel(t("index", lang) + f" {year}")
    ax.grid(axis="y", visible=False)
    for k, (lbl, v) in enumerate((references or {}).items()):
        ax.axvline(v, color="#222222", ls=(0, (4, 2)) if k == 0 else (0, (1, 1.5)), lw=2, zorder=5)
        ax.text(v, -0.75 - 0.38 * k, f"{lbl} {v:.2f}", ha="center", va="top", fontsize=13, zorder=5,
                bbox=dict(facecolor="white", edgecolor="none", pad=1))
    ax.set_ylim(-1.6, len(s) - 0.4)
    if title is None:
        title = ranked_title(s, names, fw, lang)
    set_title(fig, title)
    fig.subplots_adjust(left=0.17, right=0.97, bottom=0.14, top=0.82)
    add_footer(fig, source, lang)
    return fig


def ranked_title(snap: pd.DataFrame, names: pd.Series, fw: Framework, lang: str = "id") -> str:
    """A finding for a ranked snapshot: how many entities share the best predicate and which
    lag behind in lower bands."""
    from .scoring import predicate
    preds = {e: predicate(float(v), fw) for e, v in snap["value"].items()}
    rank = {p: i for i, p in enumerate(fw.band_names("id"))}
    best = max(preds.values(), key=rank.get)
    n_best = sum(p == best for p in preds.values())
    laggards = [e for e, p in preds.items() if p != best]
    lag_txt = ", ".join(f"{names[e]} ({float(snap.loc[e, 'value']):.2f})" for e in laggards)
    best_name = predicate(float(snap["value"].max()), fw, lang)
    if not laggards:
        return {"id": f"Semua {len(preds)} daerah berpredikat {best_name}",
                "en": f"All {len(preds)} regencies are rated {best_name}"}[lang]
    lag_pred = predicate(float(snap.loc[laggards, "value"].max()), fw, lang)
    return {"id": f"{n_best} dari {len(preds)} daerah berpredikat {best_name}; {lag_txt} masih {lag_pred}",
            "en": f"{n_best} of {len(preds)} regencies are rated {best_name}; {lag_txt} still {lag_pred}"}[lang]
