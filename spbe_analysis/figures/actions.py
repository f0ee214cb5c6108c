"""Tables, charts and findings of the PEMDI action plans (:mod:`spbe_analysis.actionplan`): each
regency's start, the steps of the first planned cycle, and the index per cycle against the bands."""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Mapping

import pandas as pd

from ..frameworks import as_framework
from ..labels import LABELS, entity_names, num, pct, t
from ..scoring import predicate
from .pagetext import (RankTitle, basis_frame, external_frame, framework_frame, move_name, rank_title,  # noqa: F401
                       robust_lines,
                       robust_short, robustness_lines, scenario_frame)
from .steptext import (THIN_MARGIN, cut_text, evidence_note_text, thin_margin, date_text, deadline_text, evidence_text,  # noqa: F401
                       exact_index, shown_value, in_lang, indicator_text, margin_clause, margin_text, md_safe,
                       national_rule_text, prior_items, produce_text, serves_text, step_name, timing_text)
from .style import band_spans, canvas, decimal_axis, entity_colour, finish

FRAMEWORK = "pemdi2026"
#: Criteria statuses whose text is not the regulation's verbatim wording (label key per status).
STATUS_NOTE = {"unverified_later": "act_status_unverified_later", "verbatim_fragment": "act_status_verbatim_fragment"}


def start_frame(plans: Mapping, lang: str = "id") -> pd.DataFrame:
    """One row per regency: name, start index, its PEMDI band, the basis in words, the target band
    and the first cycle that reaches it."""
    names = entity_names(lang)
    rows = []
    for c, p in plans.items():
        rows.append({"code": c, "name": names.get(c, c), "index": float(p.start.index),
                     "predicate": predicate(float(p.start.index), FRAMEWORK),
                     "basis": t("act_basis_" + p.start.basis, lang),
                     "target": p.target[0] if p.target else t("top_band", lang),
                     "reached": str(p.reached) if p.reached else t("act_not_reached", lang, y=p.cycles[-1])})
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class StartFinding:
    """The regencies' PEMDI starts: range of the index, how many in each band, how many projected."""

    year: int
    low: float
    high: float
    bands: tuple[tuple[str, int], ...]
    projected: int
    n: int

    def text(self, lang: str) -> str:
        parts = ", ".join(f"{k} {t('act_in_band', lang, band=b)}" for b, k in self.bands)
        key = "f_act_start_projected" if self.projected else "f_act_start_real"
        return t("f_act_start", lang, y=self.year, lo=num(self.low, lang), hi=num(self.high, lang), parts=parts) + \
            "; " + t(key, lang, k=self.projected, n=self.n) + "."

    def title(self, lang: str) -> str:
        return self.text(lang)


def start_finding(plans: Mapping) -> StartFinding:
    """From the plans (their ``start``)."""
    fw = as_framework(FRAMEWORK)
    idx = [float(p.start.index) for p in plans.values()]
    bands = pd.Series([predicate(v, fw) for v in idx]).value_counts()
    order = [b for b in fw.band_names("id") if b in bands.index]
    return StartFinding(int(next(iter(plans.values())).start.cycle), min(idx), max(idx),
                        tuple((b, int(bands[b])) for b in order),
                        sum(p.start.basis == "projected" for p in plans.values()), len(idx))


def start_notes(plans: Mapping, lang: str = "id") -> list[str]:
    """A note for each regency whose sheet gives both a self-assessment and the assessor's values."""
    names = entity_names(lang)
    out = []
    for c, p in plans.items():
        if p.start.index_self is not None:
            out.append(t("act_self_note", lang, name=names.get(c, c), s=num(p.start.index_self, lang),
                         a=num(p.start.index, lang), k=len(p.start.differences())))
    return out


def steps_frame(plans: Mapping, lang: str = "id") -> pd.DataFrame:
    """The first-cycle steps of every plan, short: regency, indicator, from value, target level,
    index gain, effort, lead office (without its detail) and evidence deadline."""
    names = entity_names(lang)
    rows = []
    for c, p in plans.items():
        for _, r in p.steps.iterrows():
            rows.append({"name": names.get(c, c), "indicator": indicator_text(r, lang), "from_value": r["from_value"],
                         "to_level": "-" if pd.isna(r["to_level"]) else str(int(r["to_level"])),
                         "index_gain": float(r["index_gain"]), "effort": float(r["effort"]),
                         "lead_office": in_lang(r, "lead_office", lang).split(" (")[0] or "-",
                         "deadline": r["deadline"]})
    return pd.DataFrame(rows, columns=["name", "indicator", "from_value", "to_level", "index_gain", "effort",
                                       "lead_office", "deadline"])


def step_cards(plan, lang: str = "id") -> str:
    """Markdown: every first-cycle step of one plan with what an office needs (criteria and their
    status, evidence, lead office and co-owners, outside dependency, deadline). Criteria and
    evidence are quoted in Bahasa Indonesia on every page; offices and the outside dependency are
    in ``lang`` (:func:`in_lang`)."""
    none = t("none", lang)
    out = []
    for k, (_, r) in enumerate(plan.steps.iterrows(), 1):
        head = f"**{k}. {indicator_text(r, lang)}**"
        if r["kind"] == "shared":
            serves = serves_text(plan, r, lang)
            out.append(f"{head}: {t('act_card_shared', lang, serves=serves, e=num(shown_value(r['effort']), lang))}")
            out.append(f"    - {t('act_card_produce', lang)}: {md_safe(produce_text(r, lang))}")
            out.append(f"    - {t('act_card_lead', lang)}: {md_safe(in_lang(r, 'lead_office', lang))}; "
                       f"{t('act_card_deadline', lang)}: {deadline_text(r, lang)}")
            continue
        out.append(f"{head}: {num(r['from_value'], lang)} → {t('act_card_level', lang, l=int(r['to_level']))} "
                   f"(+{num(shown_value(r['index_gain'], 3), lang, 3)} {t('act_card_points', lang)}, "
                   f"{t('act_card_effort', lang)} {num(shown_value(r['effort']), lang)})")
        status = f" *({t(STATUS_NOTE[r['criteria_status']], lang)})*" if r["criteria_status"] in STATUS_NOTE else ""
        lines = [x.strip() for x in str(r["criteria_text"]).splitlines() if x.strip()]
        text = re.sub(r"^Kriteria\s*:?\s*", "", " ".join(lines))
        cut = cut_text(r, lang)
        out.append(f"    - {t('act_card_criteria', lang)}{status}: " + md_safe(text) + (f" *{cut}*" if cut else ""))
        prior = prior_items(r)
        if prior:
            items = md_safe("; ".join(prior[1])) if prior[1] else none
            out.append(f"    - {t('act_card_prior', lang, l=prior[0])}: {items}")
        needs = needs_text(plan, r, lang)
        if needs:
            out.append(f"    - {t('act_card_needs', lang)}: {md_safe(needs)}")
        label, ev = evidence_text(r, lang)
        note = evidence_note_text(r, lang)
        note = f" *({md_safe(note)})*" if note else ""
        out.append(f"    - {label}{note}: {md_safe(ev) if ev else none}" if label else f"    - {md_safe(ev)}{note}")
        checks_ = str(r.get("assessor_checks", "") or "")
        if checks_:
            out.append(f"    - {t('act_card_checks', lang)}: {md_safe(checks_)}")
        timing = timing_text(r)
        if timing:
            out.append(f"    - {t('act_card_timing', lang)}: {md_safe(timing)}")
        co, outside = in_lang(r, "co_owners", lang), in_lang(r, "outside", lang)
        out.append(f"    - {t('act_card_lead', lang)}: {md_safe(in_lang(r, 'lead_office', lang))}; "
                   f"{t('act_card_co', lang)}: {md_safe(co) if co else none}")
        out.append(f"    - {t('act_card_outside', lang)}: {md_safe(outside) if outside else none}; "
                   f"{t('act_card_deadline', lang)}: {deadline_text(r, lang)}")
    return "\n".join(f"- {x}" if not x.startswith("    ") else x for x in out) if out else t("act_no_steps", lang)


def needs_text(plan, row, lang: str = "id") -> str:
    """The steps of the same cycle a step rests on (its ``needs``, "I1 -> 2"), by name, level and
    their number on the cards ("" when none)."""
    from .pagetext import indicator_name

    got = [x.split(" -> ") for x in str(row.get("needs", "") or "").split("; ") if " -> " in x]
    num_of = {(str(r["indicator"]), int(r["to_level"])): k for k, (_, r) in enumerate(plan.steps.iterrows(), 1)
              if r["kind"] != "shared"}
    return "; ".join(t("act_card_needs_item", lang, name=indicator_name(i, lang), l=int(lv),
                       k=num_of.get((i, int(lv)), "-")) for i, lv in got)


def start_text(plan, lang: str = "id") -> str:
    """One sentence: the regency's start (index, band, basis), its target band and when it is reached."""
    r = start_frame({plan.code: plan}, lang).iloc[0]
    when = t("act_reached_in", lang, y=plan.reached) if plan.reached else t("act_not_reached", lang, y=plan.cycles[-1])
    out = t("act_brief_start", lang, y=plan.start.cycle, v=num(r["index"], lang), band=r["predicate"],
            basis=r["basis"], target=r["target"], when=when)
    margin = margin_text(plan, lang)
    return out + (" " + margin if margin else "")


def summary_frame(plan) -> pd.DataFrame:
    """One plan's index per cycle, its start first (cost and gain 0)."""
    s = plan.start
    first = pd.DataFrame([{"year": s.cycle, "cost": 0.0, "gain": 0.0, "index": float(s.index),
                           "predicate": predicate(float(s.index), FRAMEWORK)}])
    out = pd.concat([first, plan.summary], ignore_index=True)
    # the float noise of summed efforts off (7.994999999999999 is 7.995): shown as the page shows it
    out[["cost", "gain"]] = out[["cost", "gain"]].astype(float).round(9)
    return out


def roadmap_data(plans: Mapping, illustrative: bool = True) -> pd.DataFrame:
    """Long table for :func:`roadmap_chart`: code, year, index, predicate, cost, basis, target
    (band), edge (its lower edge), reached (cycle or NA), exact (the index before its two-decimal
    rounding), ``at_edge`` (the band reached inside the plans' margin: :func:`steptext.thin_margin`)
    and ``illustrative`` (of the profiles a projected start comes from)."""
    frames = []
    for c, p in plans.items():
        sf = summary_frame(p)
        sf["exact"] = [float(p.start.index) if y == p.start.cycle else float(exact_index(p, y)) for y in sf["year"]]
        frames.append(sf.assign(code=c, basis=p.start.basis, target=p.target[0] if p.target else "",
                                              edge=p.target[1] if p.target else float("nan"),
                                              reached=p.reached if p.reached else pd.NA, at_edge=thin_margin(p),
                                              illustrative=illustrative))
    return pd.concat(frames, ignore_index=True)


@dataclass(frozen=True)
class ActionRoadmapFinding:
    """Who reaches its next PEMDI band by the last planned cycle, and when; the plans that reach it
    in the first cycle and then plan nothing more; the effort per cycle."""

    start_year: int
    last_year: int
    #: (code, start, target band, its edge, cycle reached, end index, total effort)
    rows: tuple[tuple[str, float, str, float | None, int | None, float, float], ...]
    idle: tuple[str, ...]
    #: (code, cycle reached, official index then, unrounded index then) of the plans whose band is
    #: reached with less than 0.05 to spare before rounding
    thin: tuple[tuple[str, int, float, float], ...] = ()

    def margins(self, lang: str) -> list[str]:
        """One :func:`margin_text` sentence per plan in :attr:`thin`, its regency named."""
        names = entity_names(lang)
        by = {r[0]: r for r in self.rows}
        return [f"{names.get(c, c)}: " + margin_clause(y, v, Fraction(repr(x)), by[c][2], by[c][3], lang)
                for c, y, v, x in self.thin]

    @property
    def k(self) -> int:
        return sum(1 for r in self.rows if r[4] is not None)

    def title(self, lang: str) -> str:
        """Names the band the plans reach (the target of every plan when they share one; two bands
        above a Kurang start is not "the next band"), and says when it is reached with no margin."""
        targets = {r[2] for r in self.rows if r[4] is not None and r[2]}
        band = targets.pop() if len(targets) == 1 else t("act_target_band", lang)
        out = t("f_act_roadmap", lang, k=self.k, n=len(self.rows), y=self.last_year, target=band)
        if self.thin and len(self.thin) == self.k:
            return out + t("act_no_margin_title", lang)
        return out + (t("act_some_edge_title", lang, k=len(self.thin)) if self.thin else "")

    def no_margin(self, lang: str) -> str:
        """A short clause for the finding itself when a band is reached with less than 0.05 to
        spare before rounding ("" otherwise); the full warning stays in the findings' box."""
        if not self.thin:
            return ""
        return t("act_no_margin_clause", lang, k=len(self.thin), n=len(self.rows), x=self.unrounded(lang))

    def unrounded(self, lang: str) -> str:
        """The unrounded index (or its range) of the plans in :attr:`thin`, three decimals."""
        xs = [x for *_, x in self.thin]
        lo, hi = num(min(xs), lang, 3), num(max(xs), lang, 3)
        return lo if lo == hi else f"{lo}-{hi}"

    def text(self, lang: str) -> str:
        names = entity_names(lang)
        parts = []
        for c, s, tg, _, y, end, eff in self.rows:
            when = t("act_reached_in", lang, y=y) if y else t("act_not_reached", lang, y=self.last_year)
            parts.append(t("f_act_roadmap_part", lang, name=names.get(c, c), s=num(s, lang), e=num(end, lang),
                           target=tg or t("top_band", lang), when=when, eff=num(eff, lang)))
        out = ("; ".join(parts) if len(parts) == 1 else self.title(lang) + ": " + "; ".join(parts)) + "."
        if self.idle:
            out += " " + t("f_act_idle", lang, who=", ".join(names.get(c, c) for c in self.idle)) + "."
        if self.thin:
            out += " " + " ".join(self.margins(lang) if len(self.rows) > 1 else
                                  [m.split(": ", 1)[1] for m in self.margins(lang)])
        return out


def roadmap_finding(data: pd.DataFrame) -> ActionRoadmapFinding:
    """From :func:`roadmap_data`."""
    rows, idle, thin = [], [], []
    y0, y1 = int(data["year"].min()), int(data["year"].max())
    for c, g in data.groupby("code", sort=False):
        g = g.sort_values("year")
        reached = None if pd.isna(g["reached"].iloc[0]) else int(g["reached"].iloc[0])
        rows.append((c, float(g["index"].iloc[0]), str(g["target"].iloc[0]),
                     None if pd.isna(g["edge"].iloc[0]) else float(g["edge"].iloc[0]), reached,
                     float(g["index"].iloc[-1]), float(g["cost"].sum())))
        if reached is not None and reached < y1 and float(g.loc[g["year"] > reached, "cost"].sum()) == 0:
            idle.append(c)
        if reached is not None and "exact" in g.columns:
            at = g[g["year"] == reached].iloc[0]
            if bool(g["at_edge"].iloc[0]):
                thin.append((c, reached, float(at["index"]), float(at["exact"])))
    return ActionRoadmapFinding(y0, y1, tuple(rows), tuple(idle), tuple(thin))


def roadmap_chart(data: pd.DataFrame, *, lang: str, footer: str, ax=None):
    """Index per cycle of each regency's plan (its start first), over the PEMDI bands; the title
    states :func:`roadmap_finding`. Returns the axes."""
    fw = as_framework(FRAMEWORK)
    names = entity_names(lang)
    f = roadmap_finding(data)
    fig, ax, own = canvas(ax)
    hi = max(3.0, float(data["index"].max()) + 0.3)
    band_spans(ax, fw, orientation="h", lo=1.0, hi=hi, alpha=0.45)
    codes = list(dict.fromkeys(data["code"]))
    for k, (c, g) in enumerate(data.groupby("code", sort=False)):
        x = g["year"].astype(float) + (k - (len(codes) - 1) / 2) * 0.02
        ax.plot(x, g["index"], color=entity_colour(c), lw=2.5, marker="o", ms=7, label=names.get(c, c), zorder=3)
    last = data[data["year"] == f.last_year].sort_values("index", ascending=False)
    groups: list[list] = []
    for r in last.itertuples():                 # end labels: regencies within 0.1 points share one block
        if groups and groups[-1][-1].index - r.index < 0.1:
            groups[-1].append(r)
        else:
            groups.append([r])
    edge = {c: x for c, _, _, x in f.thin}      # the band reached by a hair: said in the regency's own label
    for g in groups:
        shown = {num(r.index, lang) for r in g}
        text = (t("act_end_all", lang, n=len(g), v=shown.pop()) if len(g) > 2 and len(shown) == 1
                and not any(r.code in edge for r in g) else
                "\n".join(f"{names.get(r.code, r.code)} {num(r.index, lang)}" +
                          (t("act_no_margin_label", lang) if r.code in edge else "")
                          for r in g))
        ax.text(f.last_year + 0.15, sum(r.index for r in g) / len(g), text, va="center", fontsize=12)
    years = sorted(data["year"].unique())
    ax.set_xticks(years, [t("act_start_tick", lang, y=int(y)) if y == f.start_year else str(int(y)) for y in years])
    ax.set_xlim(years[0] - 0.3, years[-1] + 1.25)
    ax.set_ylim(1.0, hi)
    decimal_axis(ax, lang, "y", 2)
    ax.set_ylabel(t("act_ax_index", lang))
    ax.legend(loc="upper left", fontsize=11, ncol=2)
    ax.grid(axis="x", visible=False)
    projected = bool((data["basis"] == "projected").any())
    finish(fig, ax, own, f.title(lang), footer, lang, illustrative=projected and bool(data["illustrative"].any()),
           unofficial=projected, adjust={"left": 0.08, "right": 0.86, "bottom": 0.14, "top": 0.86})
    return ax


@dataclass(frozen=True)
class FirstCycleFinding:
    """The first planned cycle: steps and effort per regency, the regencies whose plan starts with a
    shared one-off effort, and the steps that rest on another agency's index."""

    year: int
    per: tuple[tuple[str, int, float], ...]        # code, steps (level steps), effort
    shared: tuple[tuple[str, tuple[str, ...]], ...]  # item, codes
    outside: tuple[tuple[str, str], ...]            # (code, indicator) scored from another agency's index

    def text(self, lang: str) -> str:
        names = entity_names(lang)
        parts = "; ".join(t("f_act_first_part", lang, name=names.get(c, c), k=k, e=num(e, lang))
                          for c, k, e in self.per)
        out = t("f_act_first", lang, y=self.year, parts=parts) + "."
        for item, cs in self.shared:
            key = "act_shared_" + item
            out += " " + t("f_act_shared", lang, item=t(key, lang) if key in LABELS else item,
                           who=", ".join(names.get(c, c) for c in cs)) + "."
        if self.outside:
            out += " " + t("f_act_outside", lang, k=len(self.outside),
                           which=", ".join(sorted({i for _, i in self.outside}, key=lambda i: int(i[1:])))) + "."
        return out

    def title(self, lang: str) -> str:
        return self.text(lang)


def history_text(pace, lang: str = "id") -> str:
    """The SPBE pace of the record as history: its range and the backtest, without advice
    (``pace`` from :func:`spbe_analysis.figures.paths.pace_finding`)."""
    key = "act_backtest_worse" if pace.mae_model >= pace.mae_no_change else "act_backtest_better"
    return " ".join([t("act_history_prefix", lang), pace.title(lang) + ".",
                     t(key, lang, m=num(pace.mae_model, lang), z=num(pace.mae_no_change, lang), n=pace.n) + "."])


def first_cycle_finding(plans: Mapping) -> FirstCycleFinding:
    """From the plans of :func:`spbe_analysis.actionplan.plan_all` (one regency or all)."""
    per, shared, outside = [], {}, []
    year = int(next(iter(plans.values())).cycles[0])
    for c, p in plans.items():
        s = p.steps
        per.append((c, int((s["kind"] != "shared").sum()) if len(s) else 0,
                    float(s["effort"].sum()) if len(s) else 0.0))
        for item in s.loc[s["kind"] == "shared", "indicator"] if len(s) else []:
            shared.setdefault(str(item), []).append(c)
        outside += [(c, str(i)) for i in (s.loc[s["kind"] == "outside index", "indicator"] if len(s) else [])]
    return FirstCycleFinding(year, tuple(per), tuple((k, tuple(v)) for k, v in shared.items()), tuple(outside))


# ----------------------------------------------------------------------------- short texts for readers
def overview_frame(plans: Mapping, lang: str = "id", k: int = 3) -> pd.DataFrame:
    """One row per regency: its level steps in the first cycle, their effort, and its first ``k``
    steps by name (the full list is in the regency's brief and workbook)."""
    names = entity_names(lang)
    rows = []
    for c, p in plans.items():
        s = p.steps
        rows.append({"code": c, "name": names.get(c, c), "steps": int((s["kind"] != "shared").sum()) if len(s) else 0,
                     "effort": float(s["effort"].sum()) if len(s) else 0.0,
                     "first": "; ".join(step_name(r, lang) for _, r in s.head(k).iterrows()) or t("none", lang)})
    return pd.DataFrame(rows)


def first_cycle_short(f: FirstCycleFinding, lang: str = "id") -> str:
    """The first cycle in one sentence: the range of steps and effort, the shared item, the steps
    that rest on another agency's index (by name)."""
    ks, es = [k for _, k, _ in f.per], [e for _, _, e in f.per]
    steps = str(ks[0]) if min(ks) == max(ks) else f"{min(ks)}-{max(ks)}"
    effort = num(es[0], lang) if len(es) == 1 else f"{num(min(es), lang)}-{num(max(es), lang)}"
    out = t("f_act_first_short", lang, y=f.year, k=steps, e=effort)
    if f.shared:
        item, _ = f.shared[0]
        key = "act_shared_" + item
        out += "; " + t("f_act_first_shared", lang, item=t(key, lang) if key in LABELS else item)
    if f.outside:
        fw = as_framework(FRAMEWORK)
        col = "name_en" if lang == "en" else "name_id"
        which = sorted({i for _, i in f.outside}, key=lambda i: int(i[1:]))
        names = [str(fw.indicators.loc[i, col]) for i in which]
        which = ", ".join(names[:-1]) + t("list_and", lang) + names[-1] if len(names) > 1 else names[0]
        out += "; " + t("f_act_first_outside", lang, which=which)
    return out + "."


def roadmap_short(f: ActionRoadmapFinding, lang: str = "id") -> str:
    """The roadmap in one sentence: who reaches which band by when, and the total effort range."""
    eff = [r[6] for r in f.rows]
    targets = sorted({r[2] for r in f.rows if r[2]})
    rng = num(eff[0], lang) if len(eff) == 1 else f"{num(min(eff), lang)}-{num(max(eff), lang)}"
    out = t("f_act_roadmap_short", lang, k=f.k, n=len(f.rows), y=f.last_year,
            target=", ".join(targets) or t("top_band", lang), e=rng) + "."
    if f.thin:
        xs = [x for _, _, _, x in f.thin]
        lo, hi = num(min(xs), lang, 3), num(max(xs), lang, 3)
        out += " " + t("f_act_thin", lang, k=len(f.thin), n=len(f.rows), x=lo if lo == hi else f"{lo}-{hi}",
                         m=num(float(THIN_MARGIN), lang),
                         who=", ".join(entity_names(lang).get(c, c) for c, *_ in f.thin))
    return out


def with_clause(sentence: str, clause: str) -> str:
    """``sentence`` with ``clause`` added before its closing full stop ("; clause."); unchanged
    when ``clause`` is empty."""
    if not clause:
        return sentence
    return sentence[:-1] + "; " + clause + "." if sentence.endswith(".") else sentence + "; " + clause


def start_line(plan, projection, lang: str = "id") -> str:
    """Where one regency starts on PEMDI, from the same projection as its band chart: the start
    index and band, and (for a projected start) the share of the central scenario's draws in that
    band, and the most likely band when it is another."""
    from ..labels import share

    r = start_frame({plan.code: plan}, lang).iloc[0]
    name = entity_names(lang).get(plan.code, plan.code)
    when = t("act_reached_in", lang, y=plan.reached) if plan.reached else t("act_not_reached", lang, y=plan.cycles[-1])
    out = t("f_brief_start", lang, name=name, y=plan.start.cycle, band=r["predicate"], v=num(r["index"], lang),
            basis=r["basis"], target=r["target"], when=when)
    if plan.start.basis == "projected" and projection is not None:
        p = projection.band_probabilities("central").loc[plan.code]
        n = int(((projection.draws["entity"] == plan.code) & (projection.draws["scenario"] == "central")).sum())
        out += " " + t("f_brief_start_share", lang, p=share(float(p.get(r["predicate"], 0.0)), n, lang))
        if str(p.idxmax()) != r["predicate"]:
            out += "; " + t("f_brief_start_likely", lang, band=str(p.idxmax()), p=pct(float(p.max()), lang))
        out += "."
    margin = margin_text(plan, lang)
    return out + (" " + margin if margin else "")


def todo_line(plan, lang: str = "id", k: int = 3) -> str:
    """What to do in the first cycle: the number of steps, and the ``k`` steps that add the most to
    the index, by name and with what each produces."""
    s = plan.steps
    if not len(s):
        return t("act_no_steps", lang)
    level = s[s["kind"] != "shared"].sort_values("index_gain", ascending=False, kind="stable")
    top = "; ".join(f"{step_name(r, lang)} ({produce_text(r, lang)})" for _, r in level.head(k).iterrows())
    name = entity_names(lang).get(plan.code, plan.code)
    return t("f_brief_todo", lang, name=name, y=plan.cycles[0], n=len(level), top=top,
             d=deadline_text(s.iloc[0], lang)) + "."


# ----------------------------------------------------------------------------- what a card and a workbook row share


# ----------------------------------------------------------------------------- tables of pages 06 and 07 in words
__all__ = ["ActionRoadmapFinding", "FirstCycleFinding", "StartFinding", "first_cycle_finding", "history_text",
           "roadmap_chart", "roadmap_data", "roadmap_finding", "start_finding", "start_frame", "start_notes",
           "start_text", "step_cards", "steps_frame", "in_lang", "summary_frame", "date_text", "step_name",
           "produce_text", "overview_frame", "first_cycle_short", "roadmap_short", "start_line", "todo_line", "with_clause",
           "framework_frame", "basis_frame", "external_frame", "RankTitle", "rank_title", "robustness_lines",
           "robust_lines", "robust_short", "scenario_frame", "shown_value", "exact_index", "margin_text",
           "deadline_text", "timing_text", "prior_items", "cut_text", "evidence_text", "serves_text"]
