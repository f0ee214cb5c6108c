"""Charts of the move to PEMDI: where the weight moved, each regency's projected PEMDI band and
range, and which PEMDI indicators hold the gap. Projections rest on the unofficial crosswalk and
say so in the footer (and ILLUSTRATIVE where the SPBE profiles are)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..labels import entity_names, num, pct, share, t
from ..pemdi import Crosswalk, Projection, weight_table
from .pagetext import aspect_ranges, indicator_name
from .style import (band_colour, band_spans, canvas, decimal_axis, entity_colour, finish,
                    legend_below, stacked_shares, wrap)

PARTS = (("carried", "#0072B2"), ("new", "#E69F00"), ("external", "#999999"))


@dataclass(frozen=True)
class WeightShiftFinding:
    """How much of the PEMDI index SPBE evidence informs, how much is new and how much is set by
    national indices; the weight of user satisfaction."""

    carried: float
    new: float
    external: float
    satisfaction: float

    def title(self, lang: str) -> str:
        return t("f_pemdi_weights", lang, new=num(self.new, lang, 1), ext=num(self.external, lang, 0))

    def text(self, lang: str) -> str:
        return t("f_pemdi_weights_text", lang, carried=num(self.carried, lang, 1), new=num(self.new, lang, 1),
                 ext=num(self.external, lang, 0), sat=num(self.satisfaction, lang, 0)) + "."


def weight_shift_finding(cw: Crosswalk) -> WeightShiftFinding:
    """Examples
    --------
    >>> from spbe_analysis.pemdi import crosswalk_arrays
    >>> f = weight_shift_finding(crosswalk_arrays())
    >>> (f.carried, f.new, f.external, f.satisfaction)
    (36.25, 49.75, 14.0, 25.0)
    """
    w = weight_table(cw)
    sat = float(w["weight"].iloc[-1]) if len(w) else 0.0
    return WeightShiftFinding(cw.carried_weight, cw.new_weight, cw.external_weight, sat)


def crosswalk_footer(lang: str) -> str:
    """The footer of a chart of the crosswalk itself (the regulation and this package's
    unofficial crosswalk)."""
    return t("source_crosswalk", lang)


def weights_chart(cw: Crosswalk, *, lang: str, footer: str, ax=None):
    """Stacked bars per PEMDI aspect: the weight informed by SPBE evidence (unofficial crosswalk),
    the new part and the part set by national indices (legend under the plot); the title states
    :func:`weight_shift_finding`. Returns the axes."""
    f = weight_shift_finding(cw)
    w = weight_table(cw).iloc[::-1]
    fig, ax, own = canvas(ax)
    y = np.arange(len(w))
    left = np.zeros(len(w))
    for part, colour in PARTS:
        ax.barh(y, w[part], left=left, color=colour, height=0.65, label=t(f"part_{part}", lang))
        left += w[part].to_numpy()
    for yi, tot in zip(y, w["weight"]):
        ax.text(tot + 0.3, yi, num(tot, lang, 0) + "%", va="center", fontsize=14, fontweight="bold")
    ax.set_yticks(y, [wrap(f"{a}. {n}", 34) for a, n in zip(w["aspect"], w["aspect_name"])], fontsize=13)
    ax.set_xlabel(t("weight_pct_pemdi", lang))
    ax.set_xlim(0, float(w["weight"].max()) * 1.2)
    decimal_axis(ax, lang, "x", 0)
    legend_below(ax, ncol=2, fontsize=13)
    ax.grid(axis="y", visible=False)
    finish(fig, ax, own, f.title(lang), footer, lang, unofficial=True,
           adjust={"left": 0.3, "right": 0.97, "bottom": 0.14, "top": 0.86})
    return ax


@dataclass(frozen=True)
class ProjectedBandFinding:
    """Per regency under one scenario: the most likely PEMDI band and its share of draws, the share
    reaching Baik or better, and the SPBE 2024 band for comparison; ``draws`` per regency and what
    the draws vary (``varied``: {lang: words})."""

    scenario: str
    rows: tuple[tuple[str, str, float, float, str, str], ...]  # entity, band, prob, p(baik+), spbe band, source
    draws: int = 0
    varied: tuple = ()

    @property
    def bands(self) -> dict[str, int]:
        return pd.Series([r[1] for r in self.rows]).value_counts().to_dict()

    def what_varies(self, lang: str) -> str:
        words = dict(self.varied).get(lang, ())
        return t("f_draws_vary", lang, what=", ".join(words)) if words else ""

    def title(self, lang: str) -> str:
        top = max(self.bands.items(), key=lambda kv: kv[1])
        lo = min(r[2] for r in self.rows if r[1] == top[0])
        return t("f_pemdi_band", lang, k=top[1], n=len(self.rows), band=top[0], p=share(lo, self.draws, lang))

    def text(self, lang: str) -> str:
        names = entity_names(lang)
        parts = "; ".join(f"{names.get(e, e)} {b} ({share(p, self.draws, lang, True)}; SPBE 2024 {s})"
                          for e, b, p, _, s, _ in self.rows)
        reach = max(r[3] for r in self.rows)
        key = "f_pemdi_baik_never" if reach == 0 else "f_pemdi_baik_some"
        vary = self.what_varies(lang)
        return t("f_pemdi_band_text", lang, scenario=t("scenario_" + self.scenario, lang), parts=parts) + "; " + \
            t(key, lang, p=share(reach, self.draws, lang)) + "." + (" " + vary + "." if vary else "")


def projected_band_finding(projection: Projection, spbe_bands: dict[str, str],
                           scenario: str = "central") -> ProjectedBandFinding:
    """From :func:`spbe_analysis.pemdi.project` and each regency's SPBE 2024 band."""
    probs = projection.band_probabilities(scenario)
    baik = list(projection.crosswalk.pemdi.bands_at_or_above("Baik")["predicate"])
    src = projection.draws.groupby("entity")["source"].first()
    rows = tuple((e, str(r.idxmax()), float(r.max()), float(r[baik].sum()), spbe_bands.get(e, "-"), str(src[e]))
                 for e, r in probs.iterrows())
    d = projection.draws[projection.draws["scenario"] == scenario]
    n = int(d.groupby("entity").size().min()) if len(d) else 0
    return ProjectedBandFinding(scenario, rows, n, tuple((lg, tuple(projection.varied(scenario, lg)))
                                                         for lg in ("id", "en")))


@dataclass(frozen=True)
class BandData:
    """What :func:`band_chart` draws: the projection, each regency's SPBE band and the scenario."""

    projection: Projection
    spbe_bands: dict
    scenario: str = "central"


def band_chart(data: BandData, *, lang: str, footer: str, ax=None):
    """Per regency: the probability of each PEMDI band (stacked), with its SPBE 2024 band; the
    title states :func:`projected_band_finding`. Returns the axes."""
    projection = data.projection
    illustrative = bool(projection.illustrative)
    finding = projected_band_finding(projection, data.spbe_bands, data.scenario)
    names = entity_names(lang)
    probs = projection.band_probabilities(finding.scenario)
    fw = projection.crosswalk.pemdi
    fig, ax, own = canvas(ax)
    y = np.arange(len(probs))[::-1]
    stacked_shares(ax, y, [(b, band_colour(fw, b), probs[b].to_numpy() * 100) for b in probs.columns], lang,
                   label_from=8.0, fontsize=13, height=0.65, skip_empty=False)
    spbe = {e: s for e, _, _, _, s, _ in finding.rows}
    ax.set_yticks(y, [f"{names.get(e, e)}\n(SPBE 2024: {spbe.get(e, '-')})" for e in probs.index], fontsize=13)
    ax.set_xlim(0, 100)
    ax.set_xlabel(t("ax_band_probability", lang, scenario=t("scenario_" + finding.scenario, lang)))
    legend_below(ax, ncol=3, fontsize=12)
    ax.grid(axis="y", visible=False)
    finish(fig, ax, own, finding.title(lang), footer, lang, illustrative=illustrative, unofficial=True,
           adjust={"left": 0.2, "right": 0.97, "bottom": 0.3, "top": 0.86})
    return ax


@dataclass(frozen=True)
class RangeFinding:
    """The projected PEMDI index across the three scenarios: the lowest and highest medians and
    the highest 95th percentile against the Baik edge."""

    lo: float
    hi: float
    top95: float
    baik: float

    def title(self, lang: str) -> str:
        key = "f_pemdi_range_below" if self.top95 < self.baik else "f_pemdi_range"
        return t(key, lang, lo=num(self.lo, lang), hi=num(self.hi, lang), baik=num(self.baik, lang))

    def text(self, lang: str) -> str:
        return self.title(lang) + "."


def range_finding(projection: Projection) -> RangeFinding:
    """The spread of the projected index over every scenario and regency, against Baik."""
    s = projection.summary()
    baik = float(projection.crosswalk.pemdi.band("Baik")["lower"])
    return RangeFinding(float(s["median"].min()), float(s["median"].max()), float(s["p95"].max()), baik)


def range_chart(projection: Projection, *, lang: str, footer: str, ax=None):
    """Per regency and scenario: median and 5-95 % range of the projected PEMDI index over the
    PEMDI bands; the title states :func:`range_finding`. Returns the axes."""
    illustrative = bool(projection.illustrative)
    f = range_finding(projection)
    names = entity_names(lang)
    fw = projection.crosswalk.pemdi
    s = projection.summary()
    ents = list(dict.fromkeys(s["entity"]))
    scen = list(dict.fromkeys(s["scenario"]))
    fig, ax, own = canvas(ax)
    band_spans(ax, fw, orientation="v", lo=1.0, hi=3.0, alpha=0.45)
    offs = np.linspace(-0.25, 0.25, len(scen))
    markers = {"strict": "v", "central": "o", "full_credit": "^"}
    for k, e in enumerate(ents):
        yk = len(ents) - 1 - k
        for o, sc in zip(offs, scen):
            r = s[(s["entity"] == e) & (s["scenario"] == sc)].iloc[0]
            ax.plot([r["p5"], r["p95"]], [yk + o, yk + o], color=entity_colour(e), lw=5, alpha=0.6)
            ax.scatter([r["median"]], [yk + o], marker=markers.get(sc, "o"), s=110, color="white",
                       edgecolor="black", zorder=3, label=t("scenario_" + sc, lang) if k == 0 else None)
    ax.set_yticks(range(len(ents)), [names.get(e, e) for e in ents[::-1]])
    ax.set_xlim(1.0, 3.0)
    decimal_axis(ax, lang, "x", 1)
    ax.set_xlabel(t("ax_pemdi_projected", lang))
    legend_below(ax, ncol=3, fontsize=12)
    ax.grid(axis="y", visible=False)
    finish(fig, ax, own, f.title(lang), footer, lang, illustrative=illustrative, unofficial=True)
    return ax


@dataclass(frozen=True)
class GapIndicatorFinding:
    """The PEMDI indicators holding most of the regencies' gap to a target (median over draws,
    averaged over the regencies), their share of it, and the part outside a regency's control."""

    target: str
    value: float
    top: tuple[tuple[str, str, float], ...]   # (indicator, name, mean contribution)
    share: float
    external: float

    @staticmethod
    def name(indicator: str, name: str, lang: str) -> str:
        """The indicator's name in ``lang`` (the PEMDI framework's English name on English pages)."""
        return indicator_name(indicator, lang, default=name) if lang == "en" else name

    def title(self, lang: str) -> str:
        a, b = self.top[0], self.top[1]
        return t("f_pemdi_gap", lang, target=self.target, a=f"{a[0]} {self.name(a[0], a[1], lang)}",
                 b=f"{b[0]} {self.name(b[0], b[1], lang)}", share=pct(self.share, lang))

    def text(self, lang: str) -> str:
        parts = ", ".join(f"{i} *{self.name(i, n, lang)}* ({num(c, lang)})" for i, n, c in self.top)
        return t("f_pemdi_gap_text", lang, target=self.target, v=num(self.value, lang), parts=parts,
                 share=pct(self.share, lang), ext=num(self.external, lang)) + "."


def gap_indicator_finding(gap: pd.DataFrame, projection: Projection, target: str, value: float,
                          k: int = 3) -> GapIndicatorFinding:
    """From :func:`spbe_analysis.pemdi.gap_by_indicator` (entity x indicator)."""
    cw = projection.crosswalk
    m = gap.mean()
    top = m.nlargest(k)
    names = cw.pemdi.indicators["name_id"]
    ext = float(m[[j for j, x in zip(cw.pemdi.ids, cw.external) if x]].sum())
    total = float(m[m > 0].sum())
    return GapIndicatorFinding(target, float(value), tuple((i, str(names[i]), float(c)) for i, c in top.items()),
                               float(top.sum()) / total if total > 0 else 0.0, ext)


@dataclass(frozen=True)
class GapData:
    """What :func:`gap_chart` draws: :func:`spbe_analysis.pemdi.gap_by_indicator` (entity x
    indicator) to ``target`` (its lower edge ``value``), the projection, and how many indicators
    to show (the largest; at most about 12 rows read on a slide)."""

    gap: pd.DataFrame
    projection: Projection
    target: str
    value: float
    rows: int = 12


def gap_rows(gap: pd.DataFrame, rows: int = 12) -> pd.DataFrame:
    """The rows :func:`gap_chart` draws: entity x row, the ``rows - 1`` indicators with the largest
    mean contribution (largest first) and, when more are left, one last column ``"rest"`` holding
    the sum of the others (every indicator when they fit in ``rows``).

    Examples
    --------
    >>> g = pd.DataFrame({"I1": [0.1, 0.2], "I2": [0.3, 0.3], "I3": [0.0, 0.1]}, index=["a", "b"])
    >>> list(gap_rows(g, 2).columns), float(gap_rows(g, 2).loc["b", "rest"].round(2))
    (['I2', 'rest'], 0.3)
    """
    order = list(gap.mean().sort_values(ascending=False, kind="stable").index)
    if len(order) <= rows:
        return gap[order].astype(float)
    keep = order[:rows - 1]
    return gap[keep].astype(float).assign(rest=gap[order[rows - 1:]].astype(float).sum(axis=1))


def gap_spread_title(finding: GapIndicatorFinding, m: pd.DataFrame, lang: str) -> str:
    """The chart's title: the finding and how far apart the regencies are on any one row."""
    w = float((m.max() - m.min()).max()) if len(m) > 1 else 0.0
    key = "f_pemdi_gap_alike" if round(w, 2) <= 0.02 else "f_pemdi_gap_differ"
    return finding.title(lang) + t(key, lang, w=num(w, lang), n=len(m))


def gap_chart(data: GapData, *, lang: str, footer: str, ax=None):
    """Ranked bars: the PEMDI indicators' contribution to the gap to the target, averaged over the
    regencies (largest first; at most ``data.rows`` rows, the rest summed in one last row), a line
    over each bar from the lowest to the highest regency, externally determined indicators in grey;
    the title states :func:`gap_indicator_finding` and how alike the regencies are. Returns the axes."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    gap, projection = data.gap, data.projection
    finding = gap_indicator_finding(gap, projection, data.target, data.value)
    cw = projection.crosswalk
    ext = dict(zip(cw.pemdi.ids, cw.external))
    m = gap_rows(gap, data.rows)
    rest = gap.shape[1] - (m.shape[1] - 1) if "rest" in m.columns else 0
    mean, lo, hi = m.mean(), m.min(), m.max()
    colours = {True: PARTS[2][1], False: PARTS[0][1]}
    fig, ax, own = canvas(ax)
    y = np.arange(len(m.columns))[::-1]
    labels = []
    for yi, c in zip(y, m.columns):
        colour = "#56B4E9" if c == "rest" else colours[bool(ext[c])]
        ax.barh(yi, mean[c], color=colour, height=0.62, hatch="//" if c == "rest" else None, edgecolor="white")
        if hi[c] > lo[c]:
            ax.plot([lo[c], hi[c]], [yi, yi], color="#222222", lw=2, solid_capstyle="butt")
            ax.plot([lo[c], hi[c]], [yi, yi], ls="none", marker="|", ms=12, mew=2, color="#222222")
        ax.text(max(hi[c], mean[c]) + 0.004, yi, num(mean[c], lang, 2), va="center", fontsize=12)
        name = t("gap_rest_row", lang, k=rest) if c == "rest" else f"{c} {GapIndicatorFinding.name(c, str(cw.pemdi.indicators.loc[c, 'name_id']), lang)}"
        labels.append(wrap(name, 44))
    ax.set_yticks(y, labels, fontsize=12)
    ax.axvline(0, color="#444444", lw=1)
    left = min(0.0, float(lo.min()) * 1.15)
    ax.set_xlim(left, max(float(hi.max()), float(mean.max())) * 1.15 + 0.01)
    decimal_axis(ax, lang, "x", 2)
    ax.set_xlabel(t("ax_pemdi_gap_mean", lang, target=data.target, n=len(m)), fontsize=13)
    handles = [Patch(color=colours[False], label=t("leg_gap_own", lang)),
               Patch(color=colours[True], label=t("leg_gap_external", lang))]
    if rest:
        handles.append(Patch(facecolor="#56B4E9", hatch="//", edgecolor="white", label=t("leg_gap_rest", lang)))
    handles.append(Line2D([], [], color="#222222", lw=2, marker="|", ms=12, mew=2, label=t("leg_gap_range", lang)))
    ax.legend(handles=handles, loc="upper right", bbox_to_anchor=(1.0, -0.16), ncol=2, fontsize=12)
    ax.grid(axis="y", visible=False)
    finish(fig, ax, own, gap_spread_title(finding, m, lang), footer, lang, illustrative=bool(projection.illustrative),
           unofficial=True, adjust={"left": 0.34, "right": 0.97, "bottom": 0.26, "top": 0.86})
    return ax


@dataclass(frozen=True)
class SpreadFinding:
    """Where the spread of the projected index comes from (shares of its variance, averaged over
    the regencies): the SPBE profile, the credit of carried-over evidence, the unknown new evidence,
    the external indices; the text names the largest first."""

    profile: float
    new: float
    external: float
    carry: float = 0.0

    def text(self, lang: str) -> str:
        parts = sorted([(self.carry, "spread_carry"), (self.new, "spread_new"), (self.profile, "spread_profile"),
                        (self.external, "spread_external")], reverse=True)
        return t("f_pemdi_spread2", lang, parts="; ".join(f"{t(k, lang)} {pct(v, lang)}" for v, k in parts)) + "."

    def title(self, lang: str) -> str:
        return self.text(lang)


def spread_finding(projection: Projection) -> SpreadFinding | None:
    """None when every regency has a real PEMDI result (nothing is projected)."""
    s = projection.spread
    if s.empty:
        return None
    carry = float(s["share_carry"].mean()) if "share_carry" in s.columns else 0.0
    return SpreadFinding(float(s["share_profile"].mean()), float(s["share_new"].mean()),
                         float(s["share_external"].mean()), carry)


@dataclass(frozen=True)
class AspectRangeData:
    """What :func:`aspect_range_chart` draws: the projection and the scenario whose draws give
    each regency's range of the index and of every aspect."""

    projection: Projection
    scenario: str = "central"


@dataclass(frozen=True)
class AspectRangeFinding:
    """The 5-95 % ranges of the aspects against the index's under one scenario (mean width over
    the regencies): how many aspects range wider than the index, the widest (its lowest 5 % and
    highest 95 % point over the regencies), the aspect with the lowest median, the index's own span,
    the draws per projected regency (a real PEMDI result is one point) and what they vary
    (``varied``: {lang: words})."""

    scenario: str
    wider: int
    n_aspects: int
    widest: tuple[int, str, float, float]     # aspect, name, lowest p5, highest p95
    lowest: tuple[int, str, float]            # aspect, name, mean median
    index: tuple[float, float]                # lowest p5, highest p95 of the index
    draws: int
    varied: tuple = ()

    def title(self, lang: str) -> str:
        key = "f_aspect_range_all" if self.wider == self.n_aspects else "f_aspect_range"
        _, name, lo, hi = self.widest
        return t(key, lang, k=self.wider, n=self.n_aspects, scenario=t("scenario_" + self.scenario, lang), wide=name,
                 lo=num(lo, lang), hi=num(hi, lang))

    def detail(self, lang: str) -> str:
        """The text after the title: the index's span, the lowest aspect, the draws and what they vary."""
        words = dict(self.varied).get(lang, ())
        out = t("f_aspect_range_text", lang, ilo=num(self.index[0], lang), ihi=num(self.index[1], lang),
                low=self.lowest[1], m=num(self.lowest[2], lang), n=num(self.draws, lang, 0)) + "."
        return out + (" " + t("f_draws_vary", lang, what=", ".join(words)) + "." if words else "")

    def text(self, lang: str) -> str:
        return self.title(lang) + ". " + self.detail(lang)


def aspect_range_finding(data: AspectRangeData) -> AspectRangeFinding:
    """From :func:`spbe_analysis.figures.pagetext.aspect_ranges` of the data's projection."""
    r = aspect_ranges(data.projection, data.scenario).assign(width=lambda d: d["p95"] - d["p5"])
    by = r.groupby("aspect", sort=True).agg(name=("aspect_name", "first"), width=("width", "mean"), lo=("p5", "min"),
                                            hi=("p95", "max"), median=("median", "mean"))
    idx, asp = by.loc[0], by.drop(index=0)
    w = asp["width"].idxmax()
    low = asp["median"].idxmin()
    return AspectRangeFinding(data.scenario, int((asp["width"] > idx["width"] + 1e-12).sum()), len(asp),
                              (int(w), str(asp.loc[w, "name"]), float(asp.loc[w, "lo"]), float(asp.loc[w, "hi"])),
                              (int(low), str(asp.loc[low, "name"]), float(asp.loc[low, "median"])),
                              (float(idx["lo"]), float(idx["hi"])), int(r["draws"].max()),
                              tuple((lg, tuple(data.projection.varied(data.scenario, lg))) for lg in ("id", "en")))


def aspect_range_chart(data: AspectRangeData, *, lang: str, footer: str, ax=None):
    """Per row the PEMDI index (top) and each aspect (with its weight); in each row every regency's
    median (dot) and 5-95 % range (line) under ``data.scenario``; the title states
    :func:`aspect_range_finding`. Returns the axes."""
    projection = data.projection
    f = aspect_range_finding(data)
    r = aspect_ranges(projection, data.scenario)
    names = entity_names(lang)
    ents = list(dict.fromkeys(r["entity"]))
    rows = r.drop_duplicates("aspect")[["aspect", "aspect_name", "weight"]]
    fig, ax, own = canvas(ax)
    offs = np.linspace(0.3, -0.3, len(ents)) if len(ents) > 1 else np.zeros(1)
    for k, e in enumerate(ents):
        g = r[r["entity"] == e].set_index("aspect").loc[rows["aspect"]]
        y = len(rows) - 1 - np.arange(len(rows)) + offs[k]
        ax.hlines(y, g["p5"], g["p95"], color=entity_colour(e), lw=4, alpha=0.75, label=names.get(e, e))
        ax.scatter(g["median"], y, s=36, color="white", edgecolor=entity_colour(e), lw=1.5, zorder=3)
    ax.axhline(len(rows) - 1.5, color="#444444", lw=1, ls="--")
    labels = [t("index_pemdi", lang) if a == 0 else wrap(t("row_aspect_weight", lang, a=a, name=n, w=w), 34)
              for a, n, w in rows.itertuples(index=False)]
    ax.set_yticks(len(rows) - 1 - np.arange(len(rows)), labels, fontsize=12)
    ax.get_yticklabels()[0].set_fontweight("bold")
    ax.set_ylim(-0.6, len(rows) - 0.4)
    hi = float(np.ceil(r["p95"].max() * 10) / 10) + 0.1
    ax.set_xlim(1.0, max(hi, 2.0))
    decimal_axis(ax, lang, "x", 1)
    ax.set_xlabel(t("ax_aspect_range", lang, scenario=t("scenario_" + f.scenario, lang)))
    legend_below(ax, ncol=min(3, len(ents)), fontsize=12)
    ax.grid(axis="y", visible=False)
    finish(fig, ax, own, f.title(lang), footer, lang, illustrative=bool(projection.illustrative), unofficial=True,
           adjust={"left": 0.27, "right": 0.97, "bottom": 0.2, "top": 0.86})
    return ax


__all__ = ["AspectRangeData", "AspectRangeFinding", "BandData", "GapData", "GapIndicatorFinding", "crosswalk_footer", "ProjectedBandFinding", "RangeFinding", "SpreadFinding",
           "WeightShiftFinding", "band_chart", "gap_chart", "gap_indicator_finding", "projected_band_finding",
           "range_chart", "range_finding", "spread_finding", "weight_shift_finding", "weights_chart",
           "aspect_range_chart", "aspect_range_finding"]
