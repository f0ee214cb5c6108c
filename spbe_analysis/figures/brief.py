"""Charts and findings of a regency brief: its position over time against the province and the
nation, and its projected PEMDI start."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..disparity import gap_table
from ..labels import entity_names, num, pct, share, t
from ..frameworks import as_framework
from ..official import to_hundredths
from ..pemdi import Projection
from ..scoring import predicate
from .style import band_colour, band_spans, canvas, decimal_axis, entity_colour, finish, legend_below, stacked_shares


@dataclass(frozen=True)
class PositionFinding:
    """One regency's position in a published year: index, band, rank among the six, change from
    the year before, and its gaps to the next band, the province and the nation."""

    code: str
    year: int
    index: float
    band: str
    rank: int
    n: int
    change: float | None
    next_band: str | None
    gap_next: float | None
    gap_province: float | None
    gap_national: float | None

    def title(self, lang: str) -> str:
        name = entity_names(lang).get(self.code, self.code)
        return t("f_position", lang, name=name, v=num(self.index, lang), band=self.band, r=self.rank, n=self.n,
                 year=self.year)

    def text(self, lang: str) -> str:
        parts = [self.title(lang)]
        if self.change is not None:
            parts.append(t("f_position_change", lang, d=("+" if self.change > 0 else "") + num(self.change, lang),
                           y=self.year - 1))
        if self.next_band is not None:
            parts.append(t("f_position_next", lang, g=num(self.gap_next, lang), band=self.next_band))
        if self.gap_province is not None:
            parts.append(t("f_position_province", lang, g=num(self.gap_province, lang)))
        if self.gap_national is not None:
            key = "f_position_national_above" if self.gap_national <= 0 else "f_position_national"
            parts.append(t(key, lang, g=num(abs(self.gap_national), lang)))
        return "; ".join(parts) + "."


def position_finding(code: str, values: pd.Series, previous: float | None, framework, year: int,
                     province: float | None, national: float | None) -> PositionFinding:
    """``values``: the six regencies' official values of ``year``; ``previous``: this regency's value
    the year before (None when not exact)."""
    fw = as_framework(framework)
    gt = gap_table(values, fw, province=province, national=national)
    r = gt.loc[code]
    rank = int(values.astype(float).rank(ascending=False, method="min")[code])
    nb = None if r["next_band"] == "-" else str(r["next_band"])
    v = float(values[code])
    return PositionFinding(code, int(year), v, predicate(v, fw), rank, len(values),
                           None if previous is None else (to_hundredths(v) - to_hundredths(previous)) / 100,
                           nb, None if nb is None else float(r["gap_next_band"]),
                           None if province is None else float(r["gap_province"]),
                           None if national is None else float(r["gap_national"]))


@dataclass(frozen=True)
class PositionData:
    """What :func:`position_chart` draws: the published values of regency ``code`` and of the
    ``references`` (province, nation) in ``years``, and the finding its title states
    (:func:`position_finding`)."""

    code: str
    published: pd.DataFrame
    years: list
    framework: object
    references: tuple
    finding: PositionFinding


def position_chart(data: PositionData, *, lang: str, footer: str, ax=None):
    """The regency's published values over the years (censored values as a triangle at the bound,
    named in the legend) against the province and the nation, over the predicate bands. Returns the
    axes."""
    from matplotlib.lines import Line2D
    code, published, years, references, finding = (data.code, data.published, list(data.years), tuple(data.references),
                                                    data.finding)
    fw = as_framework(data.framework)
    names = entity_names(lang)
    fig, ax, own = canvas(ax)
    band_spans(ax, fw, orientation="h", lo=1.0, hi=5.0, alpha=0.4)
    xs = {y: k for k, y in enumerate(years)}
    censored = False
    for e in (code,) + tuple(references):
        rows = published[(published["entity_id"] == e) & published["year"].isin(years)].set_index("year")
        ex = rows[rows["status"] == "exact"].sort_index()
        lw = 4 if e == code else 2
        ax.plot([xs[y] for y in ex.index], ex["value"].astype(float), color=entity_colour(e), lw=lw, marker="o",
                ms=9 if e == code else 6, label=names.get(e, e), zorder=3 if e == code else 2)
        for y, r in rows[rows["status"] == "below"].iterrows():
            ax.scatter([xs[y]], [float(r["bound"])], marker="v", s=150, facecolor="white", edgecolor=entity_colour(e),
                       lw=2, zorder=3)
            censored = True
        if e == code:
            for y, r in ex.iterrows():
                ax.text(xs[y], float(r["value"]) + 0.12, num(float(r["value"]), lang), ha="center", fontsize=14,
                        fontweight="bold", color=entity_colour(e))
    ax.set_xticks(list(xs.values()), [str(y) for y in years])
    ax.set_ylim(1.0, 5.0)
    decimal_axis(ax, lang, "y", 1)
    ax.set_ylabel(t("index", lang))
    handles, _ = ax.get_legend_handles_labels()
    if censored:
        handles.append(Line2D([], [], ls="none", marker="v", ms=11, markerfacecolor="white", markeredgecolor="#444444",
                              markeredgewidth=2, label=t("lbl_censored_bound", lang)))
    legend_below(ax, ncol=len(handles), handles=handles)
    ax.grid(axis="x", visible=False)
    finish(fig, ax, own, finding.title(lang), footer, lang, adjust={"left": 0.08, "right": 0.88, "bottom": 0.14, "top": 0.86})
    return ax


@dataclass(frozen=True)
class PemdiStartFinding:
    """The regency's projected PEMDI start: the most likely band under the central and the strict
    scenario, with their shares of draws, against its SPBE band; ``draws`` and what they vary."""

    code: str
    spbe_band: str
    central: tuple[str, float]
    strict: tuple[str, float]
    source: str
    draws: int = 0
    varied: tuple = ()

    def title(self, lang: str) -> str:
        name = entity_names(lang).get(self.code, self.code)
        return t("f_pemdi_start", lang, name=name, band=self.central[0], p=share(self.central[1], self.draws, lang),
                 spbe=self.spbe_band)

    def text(self, lang: str) -> str:
        if self.source == "pemdi result":
            return t("f_pemdi_real", lang, band=self.central[0]) + "."
        words = dict(self.varied).get(lang, ())
        vary = (" " + t("f_draws_vary", lang, what=", ".join(words)) + ".") if words else ""
        return self.title(lang) + "; " + t("f_pemdi_strict", lang, band=self.strict[0],
                                           p=share(self.strict[1], self.draws, lang)) + "." + vary


def pemdi_start_finding(projection: Projection, code: str, spbe_band: str) -> PemdiStartFinding:
    """From :func:`spbe_analysis.pemdi.project`."""
    def top(sc: str) -> tuple[str, float]:
        p = projection.band_probabilities(sc).loc[code]
        return str(p.idxmax()), float(p.max())
    src = str(projection.draws.loc[projection.draws["entity"] == code, "source"].iloc[0])
    d = projection.draws[(projection.draws["entity"] == code) & (projection.draws["scenario"] == "central")]
    return PemdiStartFinding(code, spbe_band, top("central"), top("strict"), src, int(len(d)),
                             tuple((lg, tuple(projection.varied("central", lg))) for lg in ("id", "en")))


@dataclass(frozen=True)
class PemdiStartData:
    """What :func:`pemdi_start_chart` draws: the projection, the regency and its SPBE band."""

    projection: Projection
    code: str
    spbe_band: str


def pemdi_start_chart(data: PemdiStartData, *, lang: str, footer: str, ax=None):
    """Probability of each PEMDI band for the regency under the three scenarios; the title states
    :func:`pemdi_start_finding`. Returns the axes."""
    projection = data.projection
    illustrative = bool(projection.illustrative)
    finding = pemdi_start_finding(projection, data.code, data.spbe_band)
    fw = projection.crosswalk.pemdi
    fig, ax, own = canvas(ax)
    scen = ["strict", "central", "full_credit"]
    y = np.arange(len(scen))[::-1]
    stacked_shares(ax, y, [(b, band_colour(fw, b), [float(projection.band_probabilities(s).loc[finding.code, b]) * 100
                                                    for s in scen]) for b in fw.band_names("id")], lang, fontsize=13)
    ax.set_yticks(y, [t("scenario_" + s, lang) for s in scen])
    ax.set_xlim(0, 100)
    ax.set_xlabel(t("ax_band_share", lang))
    legend_below(ax, ncol=3, fontsize=12)
    ax.grid(axis="y", visible=False)
    finish(fig, ax, own, finding.title(lang), footer, lang, illustrative=illustrative, unofficial=True,
           adjust={"left": 0.2, "right": 0.97, "bottom": 0.3, "top": 0.86})
    return ax


@dataclass(frozen=True)
class GapHoldFinding:
    """Robust statements about what holds a regency's gap to its next band: the domains (or
    aspects) that contribute to it in at least 95 % of the profiles, and the leading one when it
    leads in at least 80 %."""

    band: str
    gap: float
    holds: tuple[tuple[str, float], ...]       # (group name, median contribution)
    leader: tuple[str, float] | None           # (group name, share of profiles where it leads)
    exact: bool
    level: str = "domain"                      # the groups: "domain" or "aspect"

    @property
    def target(self) -> str:
        """The band the gap is measured to (the chart's target)."""
        return self.band

    def text(self, lang: str) -> str:
        if not self.holds:
            return t("brief_gap_none", lang, band=self.band) + "."
        parts = ", ".join(f"*{n}* ({num(c, lang)})" for n, c in self.holds)
        out = t("brief_gap_holds", lang, band=self.band, g=num(self.gap, lang), parts=parts)
        if self.leader is not None and not self.exact:
            out += "; " + t("f_robust", lang, share=pct(self.leader[1], lang))
        return out + "."

    def title(self, lang: str) -> str:
        if not self.holds:
            return t("brief_gap_none", lang, band=self.band)
        parts = ", ".join(f"{n} ({num(c, lang)})" for n, c in self.holds)
        return t("brief_gap_holds", lang, band=self.band, g=num(self.gap, lang), parts=parts)


def gap_hold_finding(stats: pd.DataFrame, framework, band: str) -> GapHoldFinding:
    """From ``decomposition.gap_summary`` of one regency and one target (by domain or aspect)."""
    fw = as_framework(framework)
    s = stats[stats["target"] == band]
    level = "domain" if fw.has_domains else "aspect"
    names = fw.group_names(level)
    holds = tuple((str(names[g]), float(r["median"])) for g, r in s.set_index("group").iterrows() if r["p5"] > 0)
    lead = s.loc[s["largest_share"].idxmax()] if len(s) else None
    leader = None if lead is None or lead["largest_share"] < 0.8 else (str(names[lead["group"]]),
                                                                         float(lead["largest_share"]))
    gap = float(s["gap_median"].iloc[0]) if len(s) else 0.0
    return GapHoldFinding(band, gap, tuple(sorted(holds, key=lambda x: -x[1])), leader, bool((s["n_profiles"] == 1).all()),
                          level)


def years_text(code: str, ens: pd.DataFrame, next_band: tuple[str, float] | None, pemdi_targets: dict[str, float],
               pace: float, lang: str) -> str:
    """One sentence: at its own pace, does the regency reach its next SPBE band in the last SPBE
    year, and when does it reach each PEMDI target (median over draws)."""
    name = entity_names(lang).get(code, code)
    d = ens[(ens["entity"] == code) & (ens["scenario"] == "own") & (ens["kind"] == "plan")]
    sp = d[d["framework"] == "spbe2020"]
    y_s = int(sp["year"].max())
    if next_band is None:
        spbe = t("brief_top", lang, name="").strip()
    else:
        last = sp[sp["year"] == y_s]
        share = float((last["index"] >= next_band[1] - 1e-9).mean())
        key = "brief_spbe_reach" if share >= 0.5 else "brief_spbe_noreach"
        spbe = t(key, lang, band=next_band[0], y=y_s, p=pct(share if share >= 0.5 else 1 - share, lang))
    pe = d[d["framework"] == "pemdi2026"]
    y_p = int(pe["year"].max())
    parts = []
    for b, edge in pemdi_targets.items():
        first = pe[pe["index"] >= edge - 1e-9].groupby("draw")["year"].min()
        if len(first) * 2 > pe["draw"].nunique():
            parts.append(t("brief_pemdi_reach", lang, band=b, y=int(first.median())))
        else:
            parts.append(t("brief_pemdi_noreach", lang, band=b, y=y_p))
    return t("brief_years", lang, pace=num(pace, lang), name=name, spbe=spbe, pemdi=", ".join(parts)) + "."
