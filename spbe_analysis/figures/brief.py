"""Charts and findings of a regency brief: its position against the province and the nation, its
PEMDI start (the plan's start beside page 06's draws); the caveat of the PEMDI plans as the data
used allow it (page 05 and the briefs); its moves that hold in every scenario in words (the cached
list of pages 05 and 07); its action section (who does what by when, short step cards)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

import numpy as np
import pandas as pd

from ..disparity import gap_table
from ..labels import LABELS, entity_names, num, open_pct, pct, share, t
from ..frameworks import as_framework
from ..official import to_hundredths
from ..pemdi import Projection
from ..scoring import predicate
from .briefsteps import (LOAN_WORDS, WHO_ROWS, kabkota_condition, milestone_frame, robust_needs_text,  # noqa: F401
                         step_cards, who_frame)
from .style import band_colour, band_spans, canvas, decimal_axis, entity_colour, finish, legend_below, stacked_shares


def plan_files_text(code: str, lang: str) -> str:
    """The whole plan in words, linked from ``reports/<lang>/brief_<code>.html`` to where
    ``python -m spbe_analysis plan`` writes it: the workbook beside the page; the CSV for a
    spreadsheet in an Indonesian locale beside the Indonesian page, the English CSV one folder up."""
    csv = f"rencana_aksi_{code}.csv" if lang == "id" else f"../rencana_aksi_{code}.csv"
    return t("brief_plan_files", lang, xlsx=f"rencana_aksi_{code}.xlsx", csv=csv)


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
        return t("f_position", lang, name=entity_names(lang).get(self.code, self.code), v=num(self.index, lang),
                 band=self.band, r=self.rank, n=self.n, year=self.year)

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
    """The regency's projected PEMDI start, the title of its band chart: the most likely band of the
    central scenario with its share of the ``draws``, against its SPBE band (the brief's finding
    is :func:`start_finding`)."""

    code: str
    spbe_band: str
    central: tuple[str, float]
    draws: int = 0

    def title(self, lang: str) -> str:
        name = entity_names(lang).get(self.code, self.code)
        return t("f_pemdi_start", lang, name=name, band=self.central[0], p=share(self.central[1], self.draws, lang),
                 spbe=self.spbe_band)


def pemdi_start_finding(projection: Projection, code: str, spbe_band: str) -> PemdiStartFinding:
    """From :func:`spbe_analysis.pemdi.project`."""
    p = projection.band_probabilities("central").loc[code]
    n = int(((projection.draws["entity"] == code) & (projection.draws["scenario"] == "central")).sum())
    return PemdiStartFinding(code, spbe_band, (str(p.idxmax()), float(p.max())), n)


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
    finish(fig, ax, own, finding.title(lang), footer, lang, illustrative=bool(projection.illustrative), unofficial=True,
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
    offsets: tuple[tuple[str, float], ...] = ()  # (group name, median contribution) of the groups below zero

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
        parts = ", ".join(f"{n} ({num(c, lang)})" for n, c in self.holds)
        if not self.holds:
            return t("brief_gap_none", lang, band=self.band)
        if not self.offsets:
            return t("brief_gap_holds", lang, band=self.band, g=num(self.gap, lang), parts=parts)
        neg = ", ".join(f"{n} ({num(c, lang)})" for n, c in self.offsets)
        return t("brief_gap_holds_offset", lang, band=self.band, g=num(self.gap, lang), parts=parts, neg=neg)


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
    offsets = tuple(sorted(((str(names[g]), float(r["median"])) for g, r in s.set_index("group").iterrows()
                            if r["median"] < 0), key=lambda x: x[1]))
    return GapHoldFinding(band, gap, tuple(sorted(holds, key=lambda x: -x[1])), leader, bool((s["n_profiles"] == 1).all()),
                          level, offsets)


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
        parts.append(t("brief_pemdi_reach", lang, band=b, y=int(first.median())) if len(first) * 2 > pe["draw"].nunique()
                     else t("brief_pemdi_noreach", lang, band=b, y=y_p))
    return t("brief_years", lang, pace=num(pace, lang), name=name, spbe=spbe, pemdi=", ".join(parts)) + "."


# ----------------------------------------------------------------------------- caveats that follow the data used
def start_basis_text(illustrative: bool, bases, lang: str) -> str:
    """Where the PEMDI starts come from, in one clause: the real PEMDI sheet, a projection from the
    illustrative SPBE profiles or from a real SPBE sheet through the unofficial crosswalk, or both
    (how many from the sheet). ``bases``: the ``basis`` of every start shown ("projected" or the
    sheet's "assessor" / "self_assessment"); ``illustrative``: whether the SPBE profiles are
    illustrative (``Context.illustrative``)."""
    bases = list(bases)
    own = sum(b != "projected" for b in bases)
    projected = t("act_start_projected_illustrative" if illustrative else "act_start_projected_sheet", lang)
    if not own:
        return projected
    if own == len(bases):
        return t("act_start_pemdi_sheet", lang)
    return t("act_start_mixed", lang, k=own, n=len(bases), projected=projected)


def plan_caveat(illustrative: bool, bases, lang: str, brief: bool = False) -> str:
    """The caveat of the PEMDI plans (page 05, or a brief with ``brief=True``): effort,
    prerequisites and waiting times are the analysts' assumptions, and the starts come from the data
    actually used (:func:`start_basis_text`), so a real SPBE or PEMDI sheet is never called
    illustrative."""
    return t("act_brief_assumptions" if brief else "act_caveat", lang, start=start_basis_text(illustrative, bases, lang))


# ----------------------------------------------------------------------------- moves that hold in every scenario
def robust_of(finding, code: str) -> tuple:
    """The moves of ``code`` that hold in every scenario, from
    :func:`spbe_analysis.figures.robustness.robust_moves_finding`: ((indicator, level, min share,
    plans), ...), the same tuples page 07 lists."""
    return dict(finding.robust).get(code, ())


def borderline_of(finding, code: str) -> tuple:
    """The moves of ``code`` whose share stays within the simulation error of the threshold (listed
    as "hampir aman" on pages 05 and 07), or () when the finding has none."""
    return dict(getattr(finding, "borderline", ()) or ()).get(code, ())


def _move_share(p: float, n: int, lang: str) -> str:
    return t("robust_share_all", lang, n=num(n, lang, 0)) if p >= 1 else t("robust_share_min", lang, p=pct(p, lang))


def _produce(indicator: str, lang: str) -> str:
    key = ("shared_" if ("act_shared_" + str(indicator)) in LABELS else "act_produce_") + str(indicator)
    return t(key, lang) if key in LABELS else t("none", lang)


def robust_brief_lines(finding, code: str, lang: str) -> list[str]:
    """One regency's moves that hold in every scenario, each by the indicator's name and level, what
    to produce for it and the smallest share of optimal plans it is in; then its borderline moves,
    named as such; or one line saying that no move holds for it."""
    from .pagetext import move_name

    moves, near = robust_of(finding, code), borderline_of(finding, code)
    out = [t("robust_brief_move", lang, move=move_name(i, lv, lang), produce=_produce(i, lang),
             share=_move_share(p, n, lang)) + "." for i, lv, p, n in moves]
    out += [t("robust_brief_borderline", lang, move=move_name(i, lv, lang), produce=_produce(i, lang),
              share=_move_share(p, n, lang), p=pct(finding.threshold, lang)) + "." for i, lv, p, n in near]
    return out or [t("f_robust_moves_none", lang, who=entity_names(lang).get(code, code)) + "."]


def _names(moves, lang: str) -> str:
    from .pagetext import move_name

    names = [move_name(i, lv, lang) for i, lv, _, _ in moves]
    return ", ".join(names[:-1]) + t("list_and", lang) + names[-1] if len(names) > 1 else names[0]


def robust_brief_finding(finding, code: str, lang: str) -> str:
    """One finding for a brief: the regency's moves that hold in every scenario (and the borderline
    ones), by name, with the term explained in the sentence."""
    moves, near = robust_of(finding, code), borderline_of(finding, code)
    if moves:
        out = t("f_robust_brief", lang, cycle=finding.cycle, moves=_names(moves, lang))
        return out + (t("f_robust_brief_near", lang, moves=_names(near, lang)) if near else "") + "."
    if near:
        return t("f_robust_brief_only_near", lang, cycle=finding.cycle, moves=_names(near, lang)) + "."
    return t("f_robust_moves_none", lang, who=entity_names(lang).get(code, code)) + "."


def _draws(finding, lang: str) -> str:
    first, most = int(finding.n_draws), int(getattr(finding, "max_draws", 0) or 0)
    return num(first, lang, 0) if most <= first else f"{num(first, lang, 0)}\u2013{num(most, lang, 0)}"


def robust_scope_text(finding, lang: str, code: str | None = None) -> str:
    """What the moves that hold in every scenario are, what the scenarios vary (effort tables,
    prerequisites with and without the judgement rows, the crosswalk's credit scenarios, the
    projected start draws) and their Monte Carlo error in words; with ``code``, whether that
    regency's start is the same in every scenario (a real PEMDI sheet)."""
    varied = [t("rv_" + k.removeprefix("vary_"), lang, n=_draws(finding, lang))
              if "rv_" + k.removeprefix("vary_") in LABELS else t(k, lang) for k in finding.varied]
    from ..scenarios import Z_CLEAR   # a share counts as clear of the threshold by this many standard errors

    th, n = float(finding.threshold), max(int(finding.n_draws), int(getattr(finding, "max_draws", 0) or 0))
    edge = th + Z_CLEAR * (th * (1 - th) / n) ** 0.5   # the smallest share that holds, at the most draws
    out = [t("robust_scope", lang, p=pct(th, lang), varied="; ".join(varied), tables=finding.n_tables,
             n=num(n, lang, 0), edge=pct(edge, lang)) + "."]
    if any(m for _, m in getattr(finding, "borderline", ()) or ()):
        out.append(t("robust_scope_borderline", lang) + ".")
    if code is not None and dict(finding.basis).get(code, "projected") != "projected":
        out.append(t("robust_sheet_start", lang, name=entity_names(lang).get(code, code)) + ".")
    out.append((t("robust_error_words", lang, e=num(100 * finding.max_mc_error, lang, 0)) if finding.max_mc_error > 0
                else t("robust_error_none", lang)) + ".")
    return " ".join(out)


def roadmap_finding_and_caveat(road, lang: str) -> tuple[str, str]:
    """Page 05's roadmap finding split in two: the finding (who reaches which band by when, at what
    effort) and, apart, the warning that a band is reached only by a hair (less than 0.05 before
    official rounding), which goes in the findings' "keep in mind" box; "" when there is none."""
    from .actions import roadmap_short

    full = roadmap_short(road, lang)
    if not getattr(road, "thin", ()):
        return full, ""
    main = roadmap_short(replace(road, thin=()), lang)
    return main, full[len(main):].strip() if full.startswith(main) else ""


def start_finding_and_margin(plan, projection, lang: str) -> tuple[str, str]:
    """A brief's start finding (:func:`spbe_analysis.figures.actions.start_line`) without the
    thin-margin warning, and that warning apart ("" when the band is reached with room to spare),
    for the findings' "keep in mind" box."""
    from .actions import margin_text, start_line

    full, margin = start_line(plan, projection, lang), margin_text(plan, lang)
    return (full[: -len(margin) - 1], margin) if margin and full.endswith(" " + margin) else (full, "")


def todo_finding(plan, lang: str, k: int = 1) -> str:
    """What a regency does in the first cycle, in one short finding: the number of level steps, the
    ``k`` steps that add the most to the index by name with what each produces, and the evidence
    date (whether that date is still an estimate is said in the box under the findings)."""
    from .actions import date_text, produce_text, step_name

    s = plan.steps
    if not len(s):
        return t("act_no_steps", lang)
    level = s[s["kind"] != "shared"].sort_values("index_gain", ascending=False, kind="stable")
    top = "; ".join(f"{step_name(r, lang)} ({produce_text(r, lang)})" for _, r in level.head(k).iterrows())
    return t("f_brief_todo", lang, name=entity_names(lang).get(plan.code, plan.code), y=plan.cycles[0], n=len(level),
             top=top, d=date_text(s["deadline"].iloc[0], lang)) + "."


# ----------------------------------------------------------------------------- a brief's PEMDI start and action section
def start_finding(plan, projection, lang: str) -> str:
    """The PEMDI-start finding: the plan's start (its median profile's index) beside the median and
    5-95 % range of the central draws as page 06 shows them (:meth:`Projection.summary`), the band
    with full credit for old SPBE evidence, and when the target is reached (unrounded: thin margin)."""
    from .steptext import exact_index, thin_margin

    band = lambda b: str(b).split(" (")[0]  # noqa: E731 - "Kurang (Merintis)" -> "Kurang"

    def top(sc: str) -> tuple[str, str]:
        p = projection.band_probabilities(sc).loc[plan.code]
        return band(p.idxmax()), f"{band(p.idxmax())} ({t('brief_all_draws', lang) if p.max() >= 1 else open_pct(p.max(), lang)})"

    s, b0 = plan.start, band(predicate(float(plan.start.index), "pemdi2026"))
    if s.basis != "projected" or projection is None:
        out = t("brief_start_sheet", lang, y=s.cycle, v=num(s.index, lang), band=b0, basis=t("act_basis_" + s.basis, lang))
    else:
        r = projection.summary().set_index(["scenario", "entity"]).loc[("central", plan.code)]
        n = int(((projection.draws["entity"] == plan.code) & (projection.draws["scenario"] == "central")).sum())
        out = t("brief_start_plan", lang, y=s.cycle, v=num(s.index, lang), band=b0) + "; " + t(
            "brief_start_sims", lang, n=num(n, lang, 0), m=num(r["median"], lang), lo=num(r["p5"], lang), hi=num(r["p95"], lang))
        likely, full = top("central"), top("full_credit")
        out += (", " + t("brief_start_likely", lang, band=likely[1]) if likely[0] != b0 else "") + ". " + \
            t("brief_start_full" + ("_same" if full[0] == b0 else ""), lang, band=full[1])
    if not plan.target:
        return f"{out}. {t('top_band', lang).capitalize()}."
    tg, y = band(plan.target[0]), plan.reached
    if not y or not thin_margin(plan):
        return f"{out}. " + (t("brief_reach", lang, band=tg, y=y) if y else t("brief_reach_no", lang, band=tg, y=plan.cycles[-1])) + "."
    x, edge = exact_index(plan, y), Fraction(repr(float(plan.target[1])))
    return f"{out}. " + t("brief_reach_rounded" if x < edge else "brief_reach_thin", lang, band=tg, y=y,
                          x=num(float(x), lang, 3), m=num(float(x - edge), lang, 3)) + "."


def robust_heading(finding, code: str, lang: str) -> str:
    """The heading over the moves that hold: "... that nearly hold" when only borderline ones exist."""
    if robust_of(finding, code):
        return t("robust_brief_heading", lang)
    return t("brief_robust_heading_near" if borderline_of(finding, code) else "brief_robust_heading_none", lang)
