"""Chart builders. Each takes data and ``lang`` and returns a styled slide-size Figure whose
title states the finding (computed from the data, never typed)."""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from .frameworks import Framework
from .labels import t
from .plots import FULL, add_footer, band_spans, entity_colour, new_figure, set_title, wrap
from .scoring import predicate

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
        handles = [Patch(color=DOMAIN_COLOURS[d], label=f"{t('domain', lang)} {d}: {r['name']} ({r['w']:.1f}%)")
                   for d, r in dom.iterrows()]
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


# ============================================================================= disparities (02)
def _fmt_gap(g: float) -> str:
    return f"{g:.2f}"


def gap_to_next_band(gt: pd.DataFrame, names: pd.Series, fw: Framework, year: int, lang: str = "id",
                     source: str = ""):
    """Bars: how far each entity is from the lower edge of its next predicate band."""
    from .plots import BAND_COLOURS
    g = gt[gt["next_band"] != "-"].sort_values("gap_next_band", ascending=False)
    fig, ax = new_figure(FULL)
    y = np.arange(len(g))
    ranks = {n: int(r) for n, r in zip(fw.band_names("id"), fw.bands["rank"])}
    en = dict(zip(fw.band_names("id"), fw.band_names("en")))
    cols = [BAND_COLOURS[ranks[b]] for b in g["next_band"]]
    ax.barh(y, g["gap_next_band"].astype(float), color=cols, edgecolor=[entity_colour(e) for e in g.index],
            linewidth=3, height=0.62)
    for yi, (e, r) in zip(y, g.iterrows()):
        band = r["next_band"] if lang == "id" else en[r["next_band"]]
        ax.text(float(r["gap_next_band"]) + 0.01, yi, f"{_fmt_gap(float(r['gap_next_band']))} {'menuju' if lang == 'id' else 'to'} "
                f"{band} ({float(r['value']):.2f} -> {float(r['value']) + float(r['gap_next_band']):.2f})",
                va="center", fontsize=14)
    ax.set_yticks(y, [names[e] for e in g.index])
    ax.set_xlim(0, float(g["gap_next_band"].max()) * 1.7)
    ax.set_xlabel({"id": f"Selisih ke batas bawah predikat berikutnya ({year})",
                   "en": f"Gap to the lower edge of the next predicate band ({year})"}[lang])
    ax.grid(axis="y", visible=False)
    lowest = g["value"].astype(float).idxmin()
    closest = g["gap_next_band"].astype(float).idxmin()
    b_cl = g.loc[closest, "next_band"] if lang == "id" else en[g.loc[closest, "next_band"]]
    b_lo = g.loc[lowest, "next_band"] if lang == "id" else en[g.loc[lowest, "next_band"]]
    title = {"id": f"{names[closest]} tinggal {_fmt_gap(float(g.loc[closest, 'gap_next_band']))} poin dari {b_cl}; "
                   f"{names[lowest]} perlu {_fmt_gap(float(g.loc[lowest, 'gap_next_band']))} untuk {b_lo}",
             "en": f"{names[closest]} is {_fmt_gap(float(g.loc[closest, 'gap_next_band']))} points from {b_cl}; "
                   f"{names[lowest]} needs {_fmt_gap(float(g.loc[lowest, 'gap_next_band']))} to reach {b_lo}"}[lang]
    set_title(fig, title)
    fig.subplots_adjust(left=0.17, right=0.97, bottom=0.14, top=0.86)
    add_footer(fig, source, lang)
    return fig


def gap_to_references(gt: pd.DataFrame, names: pd.Series, fw: Framework, province: float, national: float | None,
                      year: int, lang: str = "id", source: str = ""):
    """Dumbbells: each regency's value against the province (and national) value."""
    g = gt.sort_values("value")
    fig, ax = new_figure(FULL)
    band_spans(ax, fw, orientation="v", lang=lang, lo=float(fw.level_min), hi=float(fw.level_max), alpha=0.45)
    y = np.arange(len(g))
    for yi, (e, r) in zip(y, g.iterrows()):
        ax.plot([float(r["value"]), province], [yi, yi], color="#555555", lw=2, zorder=3)
        ax.scatter([float(r["value"])], [yi], s=220, color=entity_colour(e), zorder=4, edgecolor="white")
        ax.text(float(r["value"]) - 0.05, yi, f"{float(r['value']):.2f}", ha="right", va="center", fontsize=14)
        ax.text((float(r["value"]) + province) / 2, yi + 0.18, f"-{float(r['gap_province']):.2f}", ha="center",
                va="bottom", fontsize=13, color="#333333")
    ax.axvline(province, color="black", lw=2.5, zorder=5)
    ax.text(province, len(g) - 0.35, f"{t('province', lang)} {province:.2f}", ha="center", va="bottom", fontsize=14,
            fontweight="bold", bbox=dict(facecolor="white", edgecolor="none", pad=1), zorder=6)
    if national is not None:
        ax.axvline(national, color="#555555", lw=2, ls=(0, (1, 1.5)), zorder=5)
        ax.text(national, -0.85, f"{t('national', lang)} {national:.2f}", ha="center", va="top", fontsize=13,
                bbox=dict(facecolor="white", edgecolor="none", pad=1), zorder=6)
    ax.set_yticks(y, [names[e] for e in g.index])
    ax.set_ylim(-1.4, len(g) + 0.3)
    ax.set_xlim(float(fw.level_min), float(fw.level_max))
    ax.set_xlabel(t("index", lang) + f" {year}")
    ax.grid(axis="y", visible=False)
    lo, hi = float(g["gap_province"].min()), float(g["gap_province"].max())
    worst = g["gap_province"].astype(float).idxmax()
    if lo > 0:
        title = {"id": f"Semua kabupaten/kota {lo:.2f} sampai {hi:.2f} poin di bawah provinsi ({province:.2f}); "
                       f"terjauh {names[worst]}",
                 "en": f"Every regency is {lo:.2f} to {hi:.2f} points below the province ({province:.2f}); "
                       f"{names[worst]} is furthest behind"}[lang]
    else:
        n_below = int((g["gap_province"] > 0).sum())
        title = {"id": f"{n_below} dari {len(g)} kabupaten/kota di bawah provinsi ({province:.2f}); "
                       f"terjauh {names[worst]} ({hi:.2f} poin)",
                 "en": f"{n_below} of {len(g)} regencies are below the province ({province:.2f}); "
                       f"{names[worst]} is furthest behind ({hi:.2f} points)"}[lang]
    set_title(fig, title)
    fig.subplots_adjust(left=0.17, right=0.95, bottom=0.14, top=0.84)
    add_footer(fig, source, lang)
    return fig


def dispersion_panels(table: pd.DataFrame, year: int, lang: str = "id", source: str = ""):
    """Three panels (CV, Gini, Theil T): unweighted vs population-weighted."""
    from .plots import styled
    import matplotlib.pyplot as plt
    measures = [("cv", "CV"), ("gini", "Gini"), ("theil", "Theil T")]
    with styled():
        fig, axes = plt.subplots(1, 3, figsize=FULL)
    lab = {"id": ["Tanpa bobot", "Bobot penduduk"], "en": ["Unweighted", "Population-weighted"]}[lang]
    for ax, (m, title) in zip(axes, measures):
        vals = [float(table.loc[m, "unweighted"]), float(table.loc[m, "population_weighted"])]
        ax.bar([0, 1], vals, color=["#0072B2", "#E69F00"], width=0.6)
        for k, v in enumerate(vals):
            ax.text(k, v, f"{v:.4f}" if m == "theil" else f"{v:.3f}", ha="center", va="bottom", fontsize=14)
        ax.set_xticks([0, 1], [wrap(s, 12) for s in lab])
        ax.set_title(title, loc="center")
        ax.set_ylim(0, max(vals) * 1.25)
        ax.grid(axis="x", visible=False)
    cv, cvw = float(table.loc["cv", "unweighted"]), float(table.loc["cv", "population_weighted"])
    rng = float(table.loc["range", "unweighted"])
    small = cv < 0.10  # below 10 %: a small relative spread
    title = {"id": f"Sebaran antar kabupaten/kota {year} {'kecil' if small else 'besar'}: rentang {rng:.2f} poin, "
                   f"CV {cv:.1%} ({cvw:.1%} dengan bobot penduduk)",
             "en": f"The spread among regencies in {year} is {'small' if small else 'large'}: range {rng:.2f} points, "
                   f"CV {cv:.1%} ({cvw:.1%} population-weighted)"}[lang]
    set_title(fig, title)
    fig.subplots_adjust(left=0.06, right=0.98, bottom=0.16, top=0.8, wspace=0.35)
    add_footer(fig, source, lang)
    return fig


def point_map(reg: pd.DataFrame, values: pd.Series, fw: Framework, year: int, lang: str = "id", source: str = ""):
    """Schematic point map: regencies at their approximate label coordinates (size = population,
    fill = predicate band). Entities without a sourced coordinate are listed in a side box."""
    from .plots import BAND_COLOURS
    fig, ax = new_figure(FULL)
    ranks = {n: int(r) for n, r in zip(fw.band_names("id"), fw.bands["rank"])}
    has = reg["lat"].notna()
    pop_max = float(reg["population"].max())
    for k, (e, r) in enumerate(reg[has].sort_values("lon").iterrows()):
        v = float(values[e])
        p = predicate(v, fw)
        ax.scatter(float(r["lon"]), float(r["lat"]), s=3500 * float(r["population"]) / pop_max + 400,
                   color=BAND_COLOURS[ranks[p]], edgecolor=entity_colour(e), linewidth=4, zorder=3)
        ax.annotate(f"{r['short_name']}\n{v:.2f} {predicate(v, fw, lang)}", (float(r["lon"]), float(r["lat"])),
                    xytext=(0, -48 if k % 2 == 0 else 48), textcoords="offset points", ha="center",
                    va="top" if k % 2 == 0 else "bottom", fontsize=14)
    ax.set_xlim(121.5, 123.6)
    ax.set_ylim(0.2, 1.0)
    ax.set_aspect("equal")
    ax.set_xlabel({"id": "Bujur (derajat BT, perkiraan)", "en": "Longitude (degrees E, approximate)"}[lang])
    ax.set_ylabel({"id": "Lintang (derajat LU)", "en": "Latitude (degrees N)"}[lang])
    missing = reg[~has]
    if len(missing):
        txt = "\n".join(f"{r['short_name']}: {float(values[e]):.2f} {predicate(float(values[e]), fw, lang)}"
                        for e, r in missing.iterrows())
        head = {"id": "Tanpa koordinat bersumber:", "en": "No sourced coordinate:"}[lang]
        ax.text(0.99, 0.98, f"{head}\n{txt}", transform=ax.transAxes, ha="right", va="top", fontsize=13,
                bbox=dict(facecolor="white", edgecolor="#999999"))
    lowest = fw.band_names("id")[min(ranks[predicate(float(v), fw)] for v in values) - 1]
    low_e = [e for e in values.index if predicate(float(values[e]), fw) == lowest]
    others = [e for e in values.index if e not in low_e and bool(has.get(e, False))]
    west = all(bool(has.get(e, False)) for e in low_e) and \
        max(float(reg.loc[e, "lon"]) for e in low_e) < min(float(reg.loc[e, "lon"]) for e in others)
    nm = " & ".join(reg.loc[e, "short_name"] for e in low_e)
    lw = predicate(float(values[low_e[0]]), fw, lang)
    if west:
        title = {"id": f"Daerah berpredikat {lw} ({nm}) berada di bagian barat provinsi",
                 "en": f"The regencies rated {lw} ({nm}) lie in the west of the province"}[lang]
    else:
        title = {"id": f"Sebaran skor SPBE {year} menurut lokasi", "en": f"SPBE {year} scores by location"}[lang]
    set_title(fig, title)
    note = {"id": "Peta skematik: titik pada koordinat perkiraan, bukan batas wilayah; ukuran = jumlah penduduk",
            "en": "Schematic map: points at approximate coordinates, not boundaries; size = population"}[lang]
    ax.text(0.01, 0.02, note, transform=ax.transAxes, fontsize=12, color="#444444")
    fig.subplots_adjust(left=0.08, right=0.97, bottom=0.14, top=0.86)
    add_footer(fig, source, lang)
    return fig


def pairwise_heatmap(pg: pd.DataFrame, names: pd.Series, year: int, lang: str = "id", source: str = ""):
    """Heatmap of pairwise gaps (column minus row)."""
    import seaborn as sns
    order = pg.columns[np.argsort([-pg.iloc[0][c] for c in pg.columns])]
    m = pg.loc[order, order]
    lab = [names[e] for e in m.index]
    fig, ax = new_figure(FULL)
    sns.heatmap(m.astype(float), annot=True, fmt=".2f", cmap="PuOr_r", center=0, ax=ax, cbar=True,
                xticklabels=lab, yticklabels=lab, annot_kws={"fontsize": 14}, linewidths=0.5)
    ax.set_xlabel({"id": "Daerah pembanding (kolom)", "en": "Compared regency (column)"}[lang])
    ax.set_ylabel({"id": "Daerah acuan (baris)", "en": "Reference regency (row)"}[lang])
    ax.tick_params(axis="x", rotation=20)
    vals = m.to_numpy()
    i, j = np.unravel_index(np.argmax(vals), vals.shape)
    title = {"id": f"Selisih terbesar antar daerah {year}: {names[m.columns[j]]} di atas {names[m.index[i]]} "
                   f"sebesar {vals[i, j]:.2f} poin (kolom dikurangi baris)",
             "en": f"Largest gap between two regencies in {year}: {names[m.columns[j]]} above {names[m.index[i]]} "
                   f"by {vals[i, j]:.2f} points (column minus row)"}[lang]
    set_title(fig, title)
    fig.subplots_adjust(left=0.17, right=0.99, bottom=0.2, top=0.86)
    add_footer(fig, source, lang)
    return fig


# ============================================================================= trajectories (03)
def trajectories(published: pd.DataFrame, entities: tuple[str, ...], years: list[int], fw: Framework,
                 names: pd.Series, lang: str = "id", source: str = "", break_after: int | None = None,
                 since: int | None = None):
    """Slope chart of published values by year. Exact values are dots joined by lines; censored
    values are open down-triangles at their bound, labelled '< bound'; missing years are gaps;
    a change of instrument is drawn as a vertical band."""
    fig, ax = new_figure(FULL)
    band_spans(ax, fw, orientation="h", lang=lang, lo=1.0, hi=5.0, alpha=0.45)
    xs = {y: k for k, y in enumerate(years)}
    end_labels = []
    n_cens = 0
    for e in entities:
        rows = published[(published["entity_id"] == e) & published["year"].isin(years)].set_index("year")
        col = entity_colour(e)
        lw = 3.5 if e == "75" else 2.5
        ex = rows[rows["status"] == "exact"]
        for a, b in zip(years[:-1], years[1:]):
            crosses = break_after is not None and a <= break_after < b
            if a in ex.index and b in ex.index and not crosses:
                dotted = not (ex.loc[a, "verified"] and ex.loc[b, "verified"])
                ax.plot([xs[a], xs[b]], [float(ex.loc[a, "value"]), float(ex.loc[b, "value"])], color=col, lw=lw,
                        zorder=3, ls=(0, (2, 2)) if dotted else "-")
        for y, r in ex.iterrows():
            ax.scatter([xs[y]], [float(r["value"])], s=110, zorder=4, color=col if r["verified"] else "white",
                       edgecolor="white" if r["verified"] else col, linewidth=2.5 if not r["verified"] else 1)
        cen = rows[rows["status"] == "below"]
        for y, r in cen.iterrows():
            ax.scatter([xs[y] + 0.07 * (n_cens - 0.5)], [float(r["bound"])], marker="v", s=170, facecolor="white",
                       edgecolor=col, lw=2.5, zorder=4)
            n_cens += 1
        last = ex.index.max()
        if pd.notna(last):
            end_labels.append((float(ex.loc[last, "value"]), xs[last], f"{names[e]} {float(ex.loc[last, 'value']):.2f}",
                               col))
    # end labels, spread vertically so that none overlap
    end_labels.sort()
    placed: list[float] = []
    for v, x, text, col in end_labels:
        yv = max(v, placed[-1] + 0.13) if placed else v
        placed.append(yv)
        ax.text(x + 0.08, yv, text, color=col, va="center", fontsize=13, fontweight="bold")
    if not published.loc[published["entity_id"].isin(entities) & published["year"].isin(years) &
                         (published["status"] == "exact"), "verified"].all():
        ax.text(0.01, 0.01, {"id": "Titik kosong / garis putus: nilai belum terverifikasi",
                             "en": "Hollow dot / dotted line: unverified value"}[lang],
                transform=ax.transAxes, fontsize=12, color="#444444")
    # censored label once per year/bound
    cens_all = published[published["entity_id"].isin(entities) & (published["status"] == "below")]
    for (y, b), grp in cens_all.groupby(["year", "bound"]):
        who = ", ".join(names[e] for e in grp["entity_id"])
        ax.text(xs[y] + 0.07, float(b) - 0.07, f"< {float(b):.2f}: {who}\n({t('not_published', lang)})", fontsize=12,
                va="top", color="#333333")
    if break_after is not None:
        k = max(x for y, x in xs.items() if y <= break_after)
        ax.axvspan(k + 0.15, k + 0.85, color="#bbbbbb", alpha=0.5, lw=0, zorder=1)
        ax.text(k + 0.5, 4.85, {"id": "Ganti instrumen\n5/2018 -> 59/2020", "en": "Change of instrument\n5/2018 -> 59/2020"}[lang],
                ha="center", va="top", fontsize=12, zorder=5)
    ax.set_xticks(list(xs.values()), [str(y) for y in years])
    ax.set_xlim(-0.3, len(years) - 1 + 1.3)
    ax.set_ylim(1.0, 5.0)
    ax.set_ylabel(t("index", lang))
    ax.grid(axis="x", visible=False)
    set_title(fig, trajectory_finding(published, [e for e in entities if e not in ("75", "IDN")],
                                      since or years[-3], years[-1], names, lang))
    fig.subplots_adjust(left=0.08, right=0.9, bottom=0.14, top=0.86)
    add_footer(fig, source, lang)
    return fig


def trajectory_finding(published: pd.DataFrame, regencies: list[str], y0: int, y1: int, names: pd.Series,
                       lang: str = "id") -> str:
    """How many regencies rose between two years (a censored start counts as a rise only when
    the end value is at or above its bound), and where the province went."""
    def row(e, y):
        return published[(published["entity_id"] == e) & (published["year"] == y)].iloc[0]
    rose = unknown = 0
    for e in regencies:
        r0, r1 = row(e, y0), row(e, y1)
        if r1["status"] != "exact" or r0["status"] == "missing":
            unknown += 1
        elif r0["status"] == "below":
            rose += float(r1["value"]) >= float(r0["bound"])
        else:
            rose += float(r1["value"]) > float(r0["value"])
    p0, p1 = row("75", y0), row("75", y1)
    prov = ""
    if p0["status"] == "exact" and p1["status"] == "exact":
        prov = {"id": f"; provinsi melonjak dari {float(p0['value']):.2f} ke {float(p1['value']):.2f}",
                "en": f"; the province leapt from {float(p0['value']):.2f} to {float(p1['value']):.2f}"}[lang]
    n = len(regencies)
    unk = {"id": f" ({unknown} tidak diketahui)", "en": f" ({unknown} unknown)"}[lang] if unknown else ""
    return {"id": f"{rose} dari {n} kabupaten/kota naik {y0}-{y1}{unk}{prov}",
            "en": f"{rose} of {n} regencies rose from {y0} to {y1}{unk}{prov}"}[lang]


def sigma_chart(sig: pd.DataFrame, measure: str, names: pd.Series, lang: str = "id", source: str = ""):
    """Dispersion by year: exact values as dots, years with censored values as a bar spanning
    the exact bounds."""
    d = sig[sig["measure"] == measure].set_index("year")
    fig, ax = new_figure(FULL)
    xs = np.arange(len(d))
    for x, (y, r) in zip(xs, d.iterrows()):
        if r["censored"]:
            ax.plot([x, x], [r["low"], r["high"]], color="#0072B2", lw=10, alpha=0.45, solid_capstyle="butt")
            who = ", ".join(names[e] for e in r["censored"].split(","))
            ax.text(x + 0.08, (r["low"] + r["high"]) / 2,
                    {"id": f"{r['low']:.3f} - {r['high']:.3f}\n(nilai tersensor: {who})",
                     "en": f"{r['low']:.3f} - {r['high']:.3f}\n(censored values: {who})"}[lang],
                    va="center", fontsize=13)
        else:
            ax.scatter([x], [r["low"]], s=160, color="#0072B2", zorder=3)
            ax.text(x + 0.08, r["low"], f"{r['low']:.3f}", va="center", fontsize=14)
    exact = d[d["censored"] == ""]
    if len(exact) > 1:
        xe = [int(np.where(d.index == y)[0][0]) for y in exact.index]
        ax.plot(xe, exact["low"], color="#0072B2", lw=2.5)
    ax.set_xticks(xs, [str(y) for y in d.index])
    ax.set_xlim(-0.4, len(d) - 0.3)
    ax.set_ylim(0, float(d["high"].max()) * 1.15)
    label = {"cv": "CV", "gini": "Gini", "theil": "Theil T", "sd": "SD", "range": {"id": "Rentang", "en": "Range"}[lang]}
    ax.set_ylabel(label[measure] + {"id": " antar 6 kabupaten/kota", "en": " across the 6 regencies"}[lang])
    ax.grid(axis="x", visible=False)
    first, last = d.iloc[0], d.iloc[-1]
    y0, y1 = d.index[0], d.index[-1]
    fell = last["high"] < first["low"]
    lo_txt = f"{first['low']:.3f}-{first['high']:.3f}" if first["censored"] else f"{first['low']:.3f}"
    if fell:
        title = {"id": f"Kesenjangan antar kabupaten/kota menyempit: {label[measure]} turun dari {lo_txt} ({y0}) "
                       f"ke {last['low']:.3f} ({y1})",
                 "en": f"The gap among regencies narrowed: {label[measure]} fell from {lo_txt} ({y0}) to "
                       f"{last['low']:.3f} ({y1})"}[lang]
    else:
        title = {"id": f"{label[measure]} antar kabupaten/kota: {lo_txt} ({y0}) dan {last['low']:.3f} ({y1})",
                 "en": f"{label[measure]} among regencies: {lo_txt} ({y0}) and {last['low']:.3f} ({y1})"}[lang]
    set_title(fig, title)
    fig.subplots_adjust(left=0.1, right=0.97, bottom=0.14, top=0.86)
    add_footer(fig, source, lang)
    return fig


def beta_chart(bc, names: pd.Series, lang: str = "id", source: str = ""):
    """Beta convergence: annualised growth against the initial (log) level, with the OLS line."""
    d = bc.data
    fig, ax = new_figure(FULL)
    for k, (e, r) in enumerate(d.sort_values("v0").iterrows()):
        ax.scatter(r["v0"], r["growth"] * 100, s=220, color=entity_colour(e), edgecolor="white", zorder=3)
        ax.annotate(f"{names[e]}", (r["v0"], r["growth"] * 100), xytext=(10, 8 if k % 2 else -22),
                    textcoords="offset points", fontsize=14)
    xx = np.linspace(d["v0"].min() * 0.97, d["v0"].max() * 1.03, 50)
    ax.plot(xx, (bc.intercept + bc.beta * np.log(xx)) * 100, color="#333333", lw=2, ls="--")
    ax.axhline(0, color="#777777", lw=1)
    ax.set_xscale("log")
    ticks = np.arange(np.floor(d["v0"].min() * 10) / 10, d["v0"].max() * 1.03, 0.1)
    ax.set_xticks(ticks, [f"{v:.1f}" for v in ticks], minor=False)
    ax.minorticks_off()
    t0, t1 = bc.years
    ax.set_xlabel({"id": f"Indeks awal {t0} (skala log)", "en": f"Initial index {t0} (log scale)"}[lang])
    ax.set_ylabel({"id": f"Pertumbuhan tahunan {t0}-{t1} (%)", "en": f"Annual growth {t0}-{t1} (%)"}[lang])
    catch = bc.beta < 0
    hl = f"{bc.half_life:.1f}" if bc.half_life else "-"
    title = {"id": (f"{'Daerah yang tertinggal tumbuh lebih cepat' if catch else 'Daerah yang tertinggal tidak mengejar'} "
                    f"{t0}-{t1} (beta = {bc.beta:.2f}, R2 = {bc.r2:.2f}, n = {bc.n}; deskriptif)"),
             "en": (f"{'Regencies that were behind grew faster' if catch else 'Regencies that were behind did not catch up'} "
                    f"in {t0}-{t1} (beta = {bc.beta:.2f}, R2 = {bc.r2:.2f}, n = {bc.n}; descriptive)")}[lang]
    set_title(fig, title)
    note = {"id": f"Waktu paruh tersirat {hl} tahun: deskripsi 6 daerah, bukan uji statistik",
            "en": f"Implied half-life {hl} years: a description of 6 governments, not a statistical test"}[lang]
    ax.text(0.99, 0.97, note, transform=ax.transAxes, ha="right", va="top", fontsize=13, color="#444444")
    fig.subplots_adjust(left=0.1, right=0.97, bottom=0.14, top=0.86)
    add_footer(fig, source, lang)
    return fig


def change_chart(changes: pd.Series, names: pd.Series, t0: int, t1: int, lang: str = "id", source: str = ""):
    """Bars: change of the published index between two years, province first."""
    c = changes.sort_values(ascending=True)
    fig, ax = new_figure(FULL)
    y = np.arange(len(c))
    ax.barh(y, c.to_numpy(), color=[entity_colour(e) for e in c.index], height=0.62)
    for yi, v in zip(y, c.to_numpy()):
        ax.text(v + (0.01 if v >= 0 else -0.01), yi, f"{v:+.2f}", va="center", ha="left" if v >= 0 else "right",
                fontsize=14, fontweight="bold")
    ax.axvline(0, color="#333333", lw=1)
    ax.set_yticks(y, [names[e] for e in c.index])
    ax.set_xlabel({"id": f"Perubahan indeks {t0}-{t1}", "en": f"Change of the index {t0}-{t1}"}[lang])
    ax.set_xlim(min(0, c.min()) - 0.1, c.max() * 1.2)
    ax.grid(axis="y", visible=False)
    prov = c.get("75")
    regs = c.drop("75", errors="ignore")
    if prov is not None and regs.mean() > 0:
        title = {"id": f"Provinsi naik {prov:+.2f} pada {t1}, {prov / regs.mean():.1f} kali rata-rata kabupaten/kota "
                       f"({regs.mean():+.2f})",
                 "en": f"The province gained {prov:+.2f} in {t1}, {prov / regs.mean():.1f} times the average regency "
                       f"({regs.mean():+.2f})"}[lang]
    else:
        title = {"id": f"Perubahan indeks {t0}-{t1}", "en": f"Change of the index {t0}-{t1}"}[lang]
    set_title(fig, title)
    fig.subplots_adjust(left=0.2, right=0.97, bottom=0.14, top=0.86)
    add_footer(fig, source, lang)
    return fig


# ============================================================================= indicator-level (04, 05)
def _illus_title(text: str, illustrative: bool, lang: str) -> str:
    return text + ({"id": " (ilustratif)", "en": " (illustrative)"}[lang] if illustrative else "")


def gap_ranges(stats: pd.DataFrame, names: pd.Series, fw: Framework, target_name: str, lang: str = "id",
               source: str = "", illustrative: bool = True):
    """Small multiples, one panel per government: contribution of each domain to the gap to a
    target, median with the 5-95 % range across the profiles (a dot when exact)."""
    import matplotlib.pyplot as plt
    from .plots import styled
    ents = list(dict.fromkeys(stats["entity"]))
    groups = list(dict.fromkeys(stats["group"]))
    gnames = fw.group_names("domain") if fw.has_domains else fw.group_names("aspect")
    with styled():
        fig, axes = plt.subplots(2, (len(ents) + 1) // 2, figsize=FULL, sharex=True, sharey=True)
    axes = np.atleast_1d(axes).ravel()
    xmax = float(stats["p95"].max()) * 1.1
    xmin = min(0.0, float(stats["p5"].min()) * 1.1)
    for ax, e in zip(axes, ents):
        s = stats[stats["entity"] == e].set_index("group").loc[groups]
        y = np.arange(len(groups))[::-1]
        ax.barh(y, s["median"], color=[DOMAIN_COLOURS.get(int(g), "#0072B2") for g in groups], height=0.6, alpha=0.85)
        if (s["p95"] > s["p5"]).any():
            ax.errorbar(s["median"], y, xerr=[s["median"] - s["p5"], s["p95"] - s["median"]], fmt="none",
                        ecolor="#222222", elinewidth=2, capsize=4)
        ax.axvline(0, color="#444444", lw=1)
        ax.set_title(f"{names[e]}: {float(s['gap_median'].iloc[0]):.2f}", loc="left", fontsize=15)
        ax.set_yticks(y, [wrap(str(gnames[g]), 18) for g in groups], fontsize=12)
        ax.set_xlim(xmin, xmax)
        ax.grid(axis="y", visible=False)
    for ax in axes[len(ents):]:
        ax.set_visible(False)
    exact = bool((stats["p95"] == stats["p5"]).all())
    fig.supxlabel({"id": "Sumbangan terhadap selisih (poin indeks)" + ("" if exact else "; median dan rentang 5-95 %"),
                   "en": "Contribution to the gap (index points)" + ("" if exact else "; median and 5-95 % range")}[lang],
                  fontsize=14, y=0.07)
    top = stats.loc[stats.groupby("entity")["median"].idxmax(), "group"]
    g_top = top.mode().iloc[0]
    n_top = int((top == g_top).sum())
    title = {"id": f"Domain {gnames[g_top]} menyumbang bagian terbesar selisih ke {target_name} di {n_top} dari "
                   f"{len(ents)} daerah",
             "en": f"The {gnames[g_top]} domain holds the largest part of the gap to {target_name} in {n_top} of "
                   f"{len(ents)} regencies"}[lang]
    set_title(fig, _illus_title(title, illustrative, lang))
    fig.subplots_adjust(left=0.12, right=0.98, bottom=0.15, top=0.84, hspace=0.45, wspace=0.12)
    add_footer(fig, source, lang, illustrative=illustrative)
    return fig


def _aspect_heatmap(table: pd.DataFrame, names: pd.Series, fw: Framework, title: str, cbar: str, fmt: str,
                    cmap: str, lang: str, source: str, illustrative: bool, **heat_kwargs):
    """Heatmap with aspects as rows (their long names read well on the y axis) and governments
    as columns; ``table`` is governments x aspects."""
    import seaborn as sns
    fig, ax = new_figure(FULL)
    anames = fw.group_names("aspect")
    m = table.copy().T
    m.columns = [wrap(names[e], 12) for e in m.columns]
    m.index = [wrap(f"{a}. {anames[a]}", 34) for a in m.index]
    sns.heatmap(m, annot=True, fmt=fmt, cmap=cmap, ax=ax, annot_kws={"fontsize": 14}, linewidths=0.5,
                cbar_kws={"label": cbar}, **heat_kwargs)
    ax.tick_params(axis="x", labelsize=13, rotation=0)
    ax.tick_params(axis="y", labelsize=12, rotation=0)
    set_title(fig, _illus_title(title, illustrative, lang))
    fig.subplots_adjust(left=0.3, right=1.0, bottom=0.14, top=0.86)
    add_footer(fig, source, lang, illustrative=illustrative)
    return fig


def aspect_heatmap(med: pd.DataFrame, names: pd.Series, fw: Framework, target_name: str, lang: str = "id",
                   source: str = "", illustrative: bool = True):
    """Heatmap of the median contribution of each aspect to each government's gap."""
    anames = fw.group_names("aspect")
    top = med.mean().idxmax()
    title = {"id": f"Aspek {anames[top]} menyumbang selisih terbesar ke {target_name} (median, rata-rata 6 daerah)",
             "en": f"Aspect {anames[top]} contributes most to the gap to {target_name} (median, averaged over 6)"}[lang]
    return _aspect_heatmap(med, names, fw, title, {"id": "poin indeks", "en": "index points"}[lang], ".2f", "YlOrRd",
                           lang, source, illustrative)


def steps_distribution(dist: dict, names: pd.Series, target_name: str, lang: str = "id", source: str = "",
                       illustrative: bool = True):
    """Bars: share of profiles needing k level steps to reach the target, one colour per
    government."""
    fig, ax = new_figure(FULL)
    ents = list(dist)
    allk = sorted(set().union(*[set(s.unique()) for s in dist.values()]))
    width = 0.8 / len(ents)
    for j, e in enumerate(ents):
        share = dist[e].value_counts(normalize=True).reindex(allk, fill_value=0)
        xs = np.arange(len(allk)) + (j - (len(ents) - 1) / 2) * width
        ax.bar(xs, share * 100, width=width, color=entity_colour(e), label=names[e])
        for x, v in zip(xs, share):
            if v > 0:
                ax.text(x, v * 100 + 1, f"{v:.0%}", ha="center", fontsize=12)
    ax.set_xticks(np.arange(len(allk)), [str(k) for k in allk])
    ax.set_xlabel({"id": "Jumlah kenaikan level paling sedikit", "en": "Fewest level steps"}[lang])
    ax.set_ylabel({"id": "Bagian profil (%)", "en": "Share of profiles (%)"}[lang])
    ax.legend(loc="upper right")
    ax.set_ylim(0, 110)
    parts = []
    for e in ents:
        mode = int(dist[e].mode().iloc[0])
        share = float((dist[e] == mode).mean())
        parts.append(f"{names[e]} {mode} ({share:.0%}{', ' if dist[e].nunique() > 1 else ''}"
                     f"{str(int(dist[e].min())) + '-' + str(int(dist[e].max())) if dist[e].nunique() > 1 else ''})")
    title = {"id": f"Langkah paling sedikit menuju {target_name}: " + "; ".join(parts),
             "en": f"Fewest level steps to reach {target_name}: " + "; ".join(parts)}[lang]
    set_title(fig, _illus_title(title, illustrative, lang))
    fig.subplots_adjust(left=0.08, right=0.97, bottom=0.14, top=0.84)
    add_footer(fig, source, lang, illustrative=illustrative)
    return fig


def steps_by_entity(dist: dict, names: pd.Series, target_name: str, lang: str = "id", source: str = "",
                    illustrative: bool = True):
    """Strip of fewest steps per government (median and range across profiles)."""
    fig, ax = new_figure(FULL)
    ents = sorted(dist, key=lambda e: float(dist[e].median()))
    for yi, e in enumerate(ents):
        s = dist[e]
        ax.plot([s.min(), s.max()], [yi, yi], color=entity_colour(e), lw=10, alpha=0.35, solid_capstyle="round")
        ax.plot([s.quantile(0.05), s.quantile(0.95)], [yi, yi], color=entity_colour(e), lw=10, solid_capstyle="butt")
        ax.scatter([s.median()], [yi], color="white", edgecolor="black", s=160, zorder=3)
        ax.text(s.max() + 0.6, yi, f"{s.median():.0f} ({s.min():.0f}-{s.max():.0f})", va="center", fontsize=14)
    ax.set_yticks(range(len(ents)), [names[e] for e in ents])
    ax.set_xlabel({"id": "Jumlah kenaikan level paling sedikit (median; rentang 5-95 % dan min-maks)",
                   "en": "Fewest level steps (median; 5-95 % and min-max range)"}[lang])
    ax.set_xlim(0, max(float(s.max()) for s in dist.values()) * 1.25)
    ax.grid(axis="y", visible=False)
    lo, hi = ents[0], ents[-1]
    title = {"id": f"Menuju {target_name}: {names[lo]} perlu {dist[lo].median():.0f} langkah, "
                   f"{names[hi]} {dist[hi].median():.0f} (median)",
             "en": f"To {target_name}: {names[lo]} needs {dist[lo].median():.0f} level steps, "
                   f"{names[hi]} {dist[hi].median():.0f} (median)"}[lang]
    set_title(fig, _illus_title(title, illustrative, lang))
    fig.subplots_adjust(left=0.17, right=0.97, bottom=0.14, top=0.86)
    add_footer(fig, source, lang, illustrative=illustrative)
    return fig


def step_shares(share: pd.DataFrame, names: pd.Series, fw: Framework, target_name: str, lang: str = "id",
                source: str = "", illustrative: bool = True):
    """Heatmap: share of each government's cheapest-path steps that fall in each aspect."""
    top = share.mean().nlargest(2)
    a1, a2 = top.index
    title = {"id": f"Jalur termurah menuju {target_name} bertumpu pada aspek {a1} dan {a2} "
                   f"({top.sum():.0%} langkah)",
             "en": f"The cheapest paths to {target_name} run through aspects {a1} and {a2} "
                   f"({top.sum():.0%} of steps)"}[lang]
    return _aspect_heatmap(share * 100, names, fw, title, {"id": "% langkah", "en": "% of steps"}[lang], ".0f",
                           "Blues", lang, source, illustrative, vmin=0, vmax=100)


def roadmap_fan(traj: pd.DataFrame, names: pd.Series, fw: Framework, budget: float, lang: str = "id",
                source: str = "", illustrative: bool = True):
    """Index by year under a roadmap: median line and min-max band across profiles, per government."""
    fig, ax = new_figure(FULL)
    years = sorted(traj["year"].unique())
    band_spans(ax, fw, orientation="h", lang=lang, lo=1.5, hi=4.5, alpha=0.45)
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
        ax.text(years[-1] + 0.12, yv, f"{names[e]} {v:.2f}", color=entity_colour(e), fontsize=13, va="center",
                fontweight="bold")
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlim(years[0] - 0.2, years[-1] + 1.3)
    ax.set_ylim(1.5, 4.5)
    ax.set_ylabel(t("index", lang))
    ax.grid(axis="x", visible=False)
    fig.subplots_adjust(left=0.08, right=0.86, bottom=0.14, top=0.86)
    last = traj[traj["year"] == years[-1]].groupby("entity")["index"].median()
    sb = float(fw.bands.set_index("predicate").loc["Sangat Baik", "lower"]) if "Sangat Baik" in set(fw.bands["predicate"]) else None
    n_sb = int((last >= sb).sum()) if sb is not None else 0
    title = {"id": f"Dengan {budget:g} kenaikan level per tahun, {n_sb} dari {len(last)} daerah mencapai Sangat Baik "
                   f"pada {years[-1]} (median)",
             "en": f"With {budget:g} level steps a year, {n_sb} of {len(last)} regencies reach Sangat Baik by "
                   f"{years[-1]} (median)"}[lang]
    set_title(fig, _illus_title(title, illustrative, lang))
    add_footer(fig, source, lang, illustrative=illustrative)
    return fig


def shared_service_chart(summary: pd.DataFrame, names: pd.Series, service_name: str, service_cost: float,
                         target_name: str, lang: str = "id", source: str = "", illustrative: bool = True):
    """Grouped bars: median cost to the target for each regency alone and with the shared
    service; the totals (with the province's one-off cost) in the title."""
    fig, ax = new_figure(FULL)
    s = summary.sort_values("cost_alone")
    y = np.arange(len(s))
    ax.barh(y + 0.18, s["cost_alone"], height=0.36, color="#999999",
            label={"id": "Sendiri-sendiri", "en": "Each alone"}[lang])
    ax.barh(y - 0.18, s["cost_with_service"], height=0.36, color=[entity_colour(e) for e in s.index],
            label={"id": "Dengan layanan bersama", "en": "With the shared service"}[lang])
    for yi, (e, r) in zip(y, s.iterrows()):
        ax.text(r["cost_alone"] + 0.3, yi + 0.18, f"{r['cost_alone']:.0f}", va="center", fontsize=13)
        ax.text(r["cost_with_service"] + 0.3, yi - 0.18, f"{r['cost_with_service']:.0f}", va="center", fontsize=13)
    ax.set_yticks(y, [names[e] for e in s.index])
    ax.set_xlabel({"id": f"Biaya menuju {target_name} (kenaikan level, median profil)",
                   "en": f"Cost to reach {target_name} (level steps, median over profiles)"}[lang])
    ax.legend(loc="lower right")
    ax.grid(axis="y", visible=False)
    alone, together = float(s["cost_alone"].sum()), float(s["cost_with_service"].sum()) + service_cost
    saving = alone - together
    title = {"id": f"{service_name}: total {together:.0f} langkah (termasuk {service_cost:g} oleh provinsi) "
                   f"lawan {alone:.0f} sendiri-sendiri, hemat {saving:.0f} ({saving / alone:.0%})",
             "en": f"{service_name}: {together:.0f} steps in total (incl. {service_cost:g} by the province) "
                   f"against {alone:.0f} alone, saving {saving:.0f} ({saving / alone:.0%})"}[lang]
    set_title(fig, _illus_title(title, illustrative, lang))
    fig.subplots_adjust(left=0.17, right=0.97, bottom=0.14, top=0.86)
    add_footer(fig, source, lang, illustrative=illustrative)
    return fig
