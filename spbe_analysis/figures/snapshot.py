"""Charts of one published year: ranking over the bands, gaps to the next band, the province and
each other, and the spread among the regencies. Each chart has a pure ``*_finding`` function.

One sign convention for every difference the page shows (the table of :func:`gap_frame`, the
differences from the province in :func:`reference_chart`, the heat map of :func:`pairwise_chart`):
the regency's value minus the reference, so a negative number means "below"; each says so in words
in its column header or axis label. The rise still needed to the next band is a separate quantity,
always positive (:func:`next_band_chart`)."""
from __future__ import annotations

from dataclasses import dataclass
import numpy as np
import pandas as pd

from ..disparity import gap_table
from ..frameworks import Framework, as_framework
from ..labels import entity_names, num, pct, t
from ..official import to_hundredths
from ..scoring import predicate
from .style import DecimalFormatter, band_colour, band_spans, canvas, decimal_axis, entity_colour, finish, panels, wrap


@dataclass(frozen=True)
class YearValues:
    """What the charts of one published year draw: the official values by entity code, their
    framework and year, and the province's and the nation's values (None where not published).

    Examples
    --------
    >>> YearValues(pd.Series({"7501": 2.4}), "spbe2020", 2024, province=4.13).references
    {'75': 4.13}
    """

    values: pd.Series
    framework: Framework | str
    year: int
    province: float | None = None
    national: float | None = None
    province_code: str = "75"
    national_code: str = "IDN"

    @property
    def references(self) -> dict[str, float]:
        """{code: value} of the province and the nation, where published."""
        return {c: float(v) for c, v in ((self.province_code, self.province), (self.national_code, self.national))
                if v is not None}


# ============================================================================= differences
def signed(x: float, lang: str) -> str:
    """A difference for display with its sign: "+0,10", "-1,13", "0,00".

    Examples
    --------
    >>> signed(0.1, "id"), signed(-1.13, "en"), signed(0.0, "id")
    ('+0,10', '-1.13', '0,00')
    """
    text = num(x, lang)
    return "+" + text if text.lstrip("0,.") and float(x) > 0 else text


def gap_frame(values: pd.Series, framework: Framework | str, province: float | None = None,
              national: float | None = None) -> pd.DataFrame:
    """The gap table of page 02 in the sign convention of its figures.

    Parameters
    ----------
    values : Series
        Official values indexed by entity code.
    framework : Framework or str
    province, national : float, optional
        The reference values of the year.

    Returns
    -------
    DataFrame
        Indexed by entity: ``value``, ``predicate``, ``next_band``, ``to_next_band`` (the rise still
        needed to the next band's lower edge, positive; NA in the top band), then ``vs_province``,
        ``vs_national`` (where given) and ``vs_best``: the entity's value minus the reference, exact
        to the hundredth, negative when the entity is below it (the sign the reference chart and the
        pairwise heat map show).

    Examples
    --------
    >>> v = pd.Series({"7501": 2.40, "7504": 3.00})
    >>> g = gap_frame(v, "spbe2020", province=4.13)
    >>> g.loc["7501", ["to_next_band", "vs_province", "vs_best"]].astype(float).tolist()
    [0.2, -1.73, -0.6]
    >>> float(g.loc["7504", "vs_best"])
    0.0
    """
    fw = as_framework(framework)
    gt = gap_table(values, fw, province=province, national=national)
    out = gt[["value", "predicate", "next_band", "gap_next_band"]].rename(columns={"gap_next_band": "to_next_band"})
    for ref in ("province", "national", "best"):
        if f"gap_{ref}" in gt:
            out[f"vs_{ref}"] = [0.0 - float(g) for g in gt[f"gap_{ref}"]]    # 0.0 - 0.0 is 0.0, never -0.0
    return out


# ============================================================================= ranking
@dataclass(frozen=True)
class RankedFinding:
    """How many entities share the best band, and which lag behind in lower bands."""

    n: int
    best_band: str
    n_best: int
    laggards: tuple[tuple[str, float, str], ...]   # (code, value, band), lowest value last

    def title(self, lang: str) -> str:
        if not self.laggards:
            return t("f_ranked_all", lang, n=self.n, band=self.best_band)
        names = entity_names(lang)
        lag = ", ".join(f"{names.get(c, c)} ({num(v, lang)})" for c, v, _ in self.laggards)
        return t("f_ranked", lang, k=self.n_best, n=self.n, band=self.best_band, lag=lag,
                 lag_band=self.laggards[0][2])

    def text(self, lang: str) -> str:
        return self.title(lang) + "."


def ranked_finding(values: pd.Series, framework: Framework | str) -> RankedFinding:
    """``values``: official values indexed by entity code.

    Examples
    --------
    >>> f = ranked_finding(pd.Series({"a": 2.40, "b": 2.70, "c": 3.00}), "spbe2020")
    >>> f.best_band, f.n_best, [c for c, _, _ in f.laggards]
    ('Baik', 2, ['a'])
    """
    fw = as_framework(framework)
    bands = {c: predicate(float(v), fw) for c, v in values.items()}
    order = list(fw.band_names("id"))
    best = max(bands.values(), key=order.index)
    lag = sorted(((c, float(values[c]), b) for c, b in bands.items() if b != best), key=lambda x: -x[1])
    return RankedFinding(len(bands), best, sum(b == best for b in bands.values()), tuple(lag))


def ranked_chart(data: YearValues, *, lang: str, footer: str, ax=None):
    """Ranked horizontal bars of official values over the predicate bands, with reference lines
    (the province and the nation of ``data``) and value + predicate labels; the title states
    :func:`ranked_finding`. Returns the axes."""
    values, fw, year, references = data.values, as_framework(data.framework), data.year, data.references
    f = ranked_finding(values, fw)
    names = entity_names(lang)
    s = values.astype(float).sort_values()
    fig, ax, own = canvas(ax)
    y = np.arange(len(s))
    lo, hi = float(fw.level_min), float(fw.level_max)
    band_spans(ax, fw, orientation="v", lo=lo, hi=hi, alpha=0.5)
    ax.barh(y, s.to_numpy() - lo, left=lo, color=[entity_colour(e) for e in s.index], height=0.62, zorder=3,
            edgecolor="white")
    for yi, (e, v) in zip(y, s.items()):
        ax.text(v + 0.04, yi, f"{num(v, lang)}  {predicate(v, fw)}", va="center", fontsize=14, zorder=4,
                fontweight="bold")
    ax.set_yticks(y, [names.get(e, e) for e in s.index])
    ax.set_xlim(lo, hi)
    decimal_axis(ax, lang, "x", 1)
    ax.set_xlabel(t("index" if fw.name != "pemdi2026" else "index_pemdi", lang) + f" {year}")
    ax.grid(axis="y", visible=False)
    for k, (code, v) in enumerate((references or {}).items()):
        ax.axvline(v, color="#222222", ls=(0, (4, 2)) if k == 0 else (0, (1, 1.5)), lw=2, zorder=5)
        ax.text(v, -0.75 - 0.38 * k, f"{names.get(code, code)} {num(v, lang)}", ha="center", va="top", fontsize=13,
                zorder=5, bbox=dict(facecolor="white", edgecolor="none", pad=1))
    ax.set_ylim(-1.6, len(s) - 0.4)
    finish(fig, ax, own, f.title(lang), footer, lang, adjust={"left": 0.17, "right": 0.97, "bottom": 0.14, "top": 0.82})
    return ax


# ============================================================================= next band
@dataclass(frozen=True)
class NextBandFinding:
    """The entity closest to a higher band and the one furthest from its next band."""

    closest: str
    closest_gap: float
    closest_band: str
    lowest: str
    lowest_gap: float
    lowest_band: str
    at_top: tuple[str, ...]

    def title(self, lang: str) -> str:
        n = entity_names(lang)
        return t("f_next_band", lang, closest=n[self.closest], g1=num(self.closest_gap, lang), b1=self.closest_band,
                 lowest=n[self.lowest], g2=num(self.lowest_gap, lang), b2=self.lowest_band)

    def text(self, lang: str) -> str:
        return self.title(lang) + "."


def next_band_finding(values: pd.Series, framework: Framework | str) -> NextBandFinding | None:
    """None when every entity is already in the top band."""
    fw = as_framework(framework)
    gt = gap_table(values, fw)
    g = gt[gt["next_band"] != "-"]
    if g.empty:
        return None
    gap = g["gap_next_band"].astype(float)
    closest, lowest = gap.idxmin(), g["value"].astype(float).idxmin()
    return NextBandFinding(closest, float(gap[closest]), g.loc[closest, "next_band"], lowest, float(gap[lowest]),
                           g.loc[lowest, "next_band"], tuple(gt.index[gt["next_band"] == "-"]))


def next_band_chart(data: YearValues, *, lang: str, footer: str, ax=None):
    """Bars: how far each entity is from the lower edge of its next predicate band; the title
    states :func:`next_band_finding`. Returns the axes."""
    values, fw, year = data.values, as_framework(data.framework), data.year
    f = next_band_finding(values, fw)
    names = entity_names(lang)
    gt = gap_table(values, fw)
    g = gt[gt["next_band"] != "-"].sort_values("gap_next_band", ascending=False)
    fig, ax, own = canvas(ax)
    y = np.arange(len(g))
    ax.barh(y, g["gap_next_band"].astype(float), color=[band_colour(fw, b) for b in g["next_band"]],
            edgecolor=[entity_colour(e) for e in g.index], linewidth=3, height=0.62)
    for yi, (e, r) in zip(y, g.iterrows()):
        v, gap = float(r["value"]), float(r["gap_next_band"])
        ax.text(gap + 0.01, yi, t("lbl_gap_to", lang, gap=num(gap, lang), band=r["next_band"], v0=num(v, lang),
                                  v1=num(v + gap, lang)), va="center", fontsize=14)
    ax.set_yticks(y, [names[e] for e in g.index])
    ax.set_xlim(0, float(g["gap_next_band"].max()) * 1.7 if len(g) else 1)
    decimal_axis(ax, lang, "x", 2)
    ax.set_xlabel(t("ax_gap_next_band", lang, year=year))
    ax.grid(axis="y", visible=False)
    title = f.title(lang) if f else t("f_all_top", lang)
    finish(fig, ax, own, title, footer, lang)
    return ax


# ============================================================================= province and nation
@dataclass(frozen=True)
class ReferenceGapFinding:
    """Gaps of the regencies to the province (and how many reach the nation)."""

    province: float
    lo: float
    hi: float
    n_below: int
    n: int
    furthest: str
    national: float | None
    n_at_national: int

    def title(self, lang: str) -> str:
        n = entity_names(lang)
        if self.n_below == self.n:
            return t("f_province_all", lang, lo=num(self.lo, lang), hi=num(self.hi, lang), p=num(self.province, lang),
                     worst=n[self.furthest])
        return t("f_province_some", lang, k=self.n_below, n=self.n, p=num(self.province, lang), worst=n[self.furthest],
                 hi=num(self.hi, lang))

    def text(self, lang: str) -> str:
        s = self.title(lang) + "."
        if self.national is not None:
            s += " " + t("f_national", lang, k=self.n_at_national, n=self.n, v=num(self.national, lang))
        return s


def reference_gap_finding(values: pd.Series, framework: Framework | str, province: float,
                          national: float | None = None) -> ReferenceGapFinding:
    """Gaps of ``values`` (official, by entity code) to the province and the nation."""
    fw = as_framework(framework)
    gt = gap_table(values, fw, province=province, national=national)
    gp = gt["gap_province"].astype(float)
    at_nat = int((gt["gap_national"] <= 0).sum()) if national is not None else 0
    return ReferenceGapFinding(float(province), float(gp.min()), float(gp.max()), int((gp > 0).sum()), len(gt),
                               gp.idxmax(), None if national is None else float(national), at_nat)


def reference_chart(data: YearValues, *, lang: str, footer: str, ax=None):
    """Dumbbells: each regency's value against the province (and national) value; the title
    states :func:`reference_gap_finding`. Returns the axes."""
    values, fw, year, province, national = (data.values, as_framework(data.framework), data.year, data.province,
                                            data.national)
    if province is None:
        from ..errors import DataError
        raise DataError("data argument", "the province's value of the year (YearValues.province)", value=None)
    f = reference_gap_finding(values, fw, province, national)
    names = entity_names(lang)
    g = gap_frame(values, fw, province=province).sort_values("value")
    fig, ax, own = canvas(ax)
    band_spans(ax, fw, orientation="v", lo=float(fw.level_min), hi=float(fw.level_max), alpha=0.45)
    y = np.arange(len(g))
    for yi, (e, r) in zip(y, g.iterrows()):
        v = float(r["value"])
        ax.plot([v, province], [yi, yi], color="#555555", lw=2, zorder=3)
        ax.scatter([v], [yi], s=220, color=entity_colour(e), zorder=4, edgecolor="white")
        ax.text(v - 0.05, yi, num(v, lang), ha="right", va="center", fontsize=14)
        ax.text((v + province) / 2, yi + 0.18, signed(float(r["vs_province"]), lang), ha="center", va="bottom",
                fontsize=13, color="#333333", gid=f"vs_province_{e}")
    ax.axvline(province, color="black", lw=2.5, zorder=5)
    ax.text(province, len(g) - 0.35, f"{t('province', lang)} {num(province, lang)}", ha="center", va="bottom",
            fontsize=14, fontweight="bold", bbox=dict(facecolor="white", edgecolor="none", pad=1), zorder=6)
    if national is not None:
        ax.axvline(national, color="#555555", lw=2, ls=(0, (1, 1.5)), zorder=5)
        ax.text(national, -0.85, f"{t('national', lang)} {num(national, lang)}", ha="center", va="top", fontsize=13,
                bbox=dict(facecolor="white", edgecolor="none", pad=1), zorder=6)
    ax.set_yticks(y, [names[e] for e in g.index])
    ax.set_ylim(-1.4, len(g) + 0.3)
    ax.set_xlim(float(fw.level_min), float(fw.level_max))
    decimal_axis(ax, lang, "x", 1)
    ax.set_xlabel(t("index", lang) + f" {year}\n" + t("snap_ax_vs_province", lang), fontsize=14)
    ax.grid(axis="y", visible=False)
    finish(fig, ax, own, f.title(lang), footer, lang, adjust={"left": 0.17, "right": 0.95, "bottom": 0.16, "top": 0.84})
    return ax


# ============================================================================= pairwise
@dataclass(frozen=True)
class PairwiseFinding:
    """The largest gap between two entities."""

    above: str
    below: str
    gap: float
    year: int

    def title(self, lang: str) -> str:
        n = entity_names(lang)
        return t("f_pairwise", lang, year=self.year, above=n[self.above], below=n[self.below], gap=num(self.gap, lang))

    def text(self, lang: str) -> str:
        return self.title(lang) + "."


def pairwise_finding(values: pd.Series, year: int) -> PairwiseFinding:
    """The highest and the lowest entity and the exact gap between them."""
    h = {e: to_hundredths(v) for e, v in values.items()}
    hi, lo = max(h, key=h.get), min(h, key=h.get)
    return PairwiseFinding(hi, lo, (h[hi] - h[lo]) / 100, year)


def pairwise_chart(data: YearValues, *, lang: str, footer: str, ax=None):
    """Heatmap of pairwise differences (column minus row, ``disparity.pairwise_gaps``: negative when
    the column's regency is below the row's, the sign of :func:`gap_frame`), highest regency first,
    the colour bar saying so in words; the title states :func:`pairwise_finding`. Returns the axes."""
    import seaborn as sns
    from ..disparity import pairwise_gaps
    values, year = data.values, data.year
    pairwise = pairwise_gaps(values)
    f = pairwise_finding(values, year)
    names = entity_names(lang)
    order = values.astype(float).sort_values(ascending=False).index
    m = pairwise.loc[order, order].astype(float)
    lab = [names[e] for e in m.index]
    fig, ax, own = canvas(ax)
    annot = np.vectorize(lambda v: num(v, lang))(m.to_numpy())
    sns.heatmap(m, annot=annot, fmt="", cmap="PuOr_r", center=0, ax=ax, cbar=True, cbar_kws={"format": DecimalFormatter(lang, 2)}, xticklabels=lab, yticklabels=lab,
                annot_kws={"fontsize": 14}, linewidths=0.5)
    ax.collections[0].colorbar.set_label(wrap(t("snap_cbar_pairwise", lang), 44), fontsize=13)
    ax.set_xlabel(t("ax_compared", lang))
    ax.set_ylabel(t("ax_reference", lang))
    ax.tick_params(axis="x", rotation=20)
    finish(fig, ax, own, f.title(lang), footer, lang, adjust={"left": 0.17, "right": 0.99, "bottom": 0.2, "top": 0.86})
    return ax


# ============================================================================= spread
@dataclass(frozen=True)
class DispersionFinding:
    """Range and CV (unweighted and population-weighted) of one year; the Theil between-group share."""

    year: int
    range: float
    cv: float
    cv_weighted: float
    gini: float
    between_share: float | None = None

    @property
    def small(self) -> bool:
        return self.cv < 0.10  # below 10 %: a small relative spread

    def title(self, lang: str) -> str:
        return t("f_spread_small" if self.small else "f_spread_large", lang, year=self.year, rng=num(self.range, lang),
                 cv=pct(self.cv, lang, 1), cvw=pct(self.cv_weighted, lang, 1))

    def text(self, lang: str) -> str:
        s = self.title(lang) + f"; Gini {num(self.gini, lang, 3)}."
        if self.between_share is not None:
            key = "f_theil_within" if self.between_share < 0.5 else "f_theil_between"
            s += " " + t(key, lang, share=pct(self.between_share, lang))
        return s


def dispersion_finding(table: pd.DataFrame, year: int, between_share: float | None = None) -> DispersionFinding:
    """``table``: measures x {"unweighted", "population_weighted"} (from ``disparity.dispersion``)."""
    return DispersionFinding(year, float(table.loc["range", "unweighted"]), float(table.loc["cv", "unweighted"]),
                             float(table.loc["cv", "population_weighted"]), float(table.loc["gini", "unweighted"]),
                             between_share)


@dataclass(frozen=True)
class DispersionData:
    """What :func:`dispersion_chart` draws: ``table``, measures x {"unweighted",
    "population_weighted"} (from ``disparity.dispersion``), of ``year``; ``between_share``, the
    Theil between-group share, where known."""

    table: pd.DataFrame
    year: int
    between_share: float | None = None


def dispersion_chart(data: DispersionData, *, lang: str, footer: str, ax=None):
    """Three panels (CV, Gini, Theil T): unweighted against population-weighted; the title states
    :func:`dispersion_finding`. Returns the array of the three axes (given ``ax``, its area is split
    into them)."""
    table = data.table
    f = dispersion_finding(table, data.year, data.between_share)
    fig, grid, own = panels(ax, 1, 3)
    axes = grid.ravel()
    lab = [t("unweighted", lang), t("pop_weighted", lang)]
    for ax, (m, name) in zip(axes, [("cv", "CV"), ("gini", "Gini"), ("theil", "Theil T")]):
        vals = [float(table.loc[m, "unweighted"]), float(table.loc[m, "population_weighted"])]
        ax.bar([0, 1], vals, color=["#0072B2", "#E69F00"], width=0.6)
        for k, v in enumerate(vals):
            ax.text(k, v, num(v, lang, 4 if m == "theil" else 3), ha="center", va="bottom", fontsize=14)
        ax.set_xticks([0, 1], [wrap(s, 12) for s in lab])
        ax.set_title(name, loc="center")
        ax.set_ylim(0, max(vals) * 1.25)
        decimal_axis(ax, lang, "y", 3)
        ax.grid(axis="x", visible=False)
    finish(fig, axes, own, f.title(lang), footer, lang,
           adjust={"left": 0.06, "right": 0.98, "bottom": 0.16, "top": 0.8, "wspace": 0.35})
    return axes


__all__ = ["DispersionData", "DispersionFinding", "NextBandFinding", "YearValues", "PairwiseFinding", "RankedFinding", "ReferenceGapFinding",
           "dispersion_chart", "dispersion_finding", "gap_frame", "next_band_chart", "next_band_finding", "pairwise_chart",
           "pairwise_finding", "ranked_chart", "ranked_finding", "reference_chart", "reference_gap_finding", "signed"]


@dataclass(frozen=True)
class PredicateCheckFinding:
    """Published values checked against the bands: how many printed a predicate, how many disagree
    (which), and whether every disagreement is flagged in the data with its reason."""

    n: int
    n_printed: int
    disagree: tuple[tuple[str, int], ...]   # (entity name, year)
    all_flagged: bool

    def text(self, lang: str) -> str:
        who = ", ".join(f"{e} {y}" for e, y in self.disagree) or "-"
        return t("f_predicates", lang, n=self.n, k=self.n_printed, d=len(self.disagree), who=who,
                 flagged=t("all_flagged" if self.all_flagged else "not_all_flagged", lang))

    def title(self, lang: str) -> str:
        return self.text(lang)


def predicate_check_finding(check: pd.DataFrame) -> PredicateCheckFinding:
    """From ``panel.recompute_predicates``."""
    dis = check[check["agrees"] == False]  # noqa: E712  (NA means no printed predicate)
    return PredicateCheckFinding(len(check), int(check["agrees"].notna().sum()),
                                 tuple((r.entity, int(r.year)) for r in dis.itertuples()),
                                 bool((dis["predicate_flag"] != "").all()))
