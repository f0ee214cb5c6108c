"""Text of one action-plan step, in the page's language: its indicator and office, dates, the
evidence to produce (or the national index its value comes from), the timing rule, the lower-level
items that must be complete first, the shared work it serves, and the exact index with its margin
above a band reached by rounding. Used by the step cards of :mod:`spbe_analysis.figures.actions`
and by the workbooks of :mod:`spbe_analysis.planfiles`."""
from __future__ import annotations

import math
import re
from fractions import Fraction
from typing import Mapping

import pandas as pd

from ..frameworks import as_framework
from ..planrules import load_settings
from ..labels import LABELS, num, t
from ..scoring import predicate

FRAMEWORK = "pemdi2026"

def indicator_text(row, lang: str) -> str:
    """'I5 Tata Kelola Data' (name in ``lang``), or the display name of a shared one-off effort."""
    if row["kind"] == "shared":
        key = "act_shared_" + str(row["indicator"])
        return t(key, lang) if key in LABELS else str(row["indicator"])
    fw = as_framework(FRAMEWORK)
    return f"{row['indicator']} {fw.indicators.loc[row['indicator'], 'name_en' if lang == 'en' else 'name_id']}"


def in_lang(row, column: str, lang: str) -> str:
    """A step's office or outside-dependency text in ``lang``: ``<column>_en`` on English pages
    and workbooks (the Indonesian text where a table of your own has no English column),
    ``<column>`` otherwise. ``row`` is a step (a Series or a dict); criteria and evidence are not
    asked for here: they are quoted in Bahasa Indonesia on every page.

    Examples
    --------
    >>> row = {"lead_office": "Inspektorat", "co_owners": "Bagian Hukum (SK)", "co_owners_en": "Bagian Hukum (decree)"}
    >>> in_lang(row, "co_owners", "en"), in_lang(row, "co_owners", "id"), in_lang(row, "lead_office", "en")
    ('Bagian Hukum (decree)', 'Bagian Hukum (SK)', 'Inspektorat')
    """
    value = row.get(column + "_en") if lang == "en" else None
    if value is None or pd.isna(value):
        value = row.get(column, "")
    return "" if value is None or pd.isna(value) else str(value)


def md_safe(text) -> str:
    """Quoted text (criteria, evidence, offices) safe inside Markdown: no emphasis, no raw HTML."""
    return "".join("\\" + ch if ch in "*_`[]" else "&lt;" if ch == "<" else ch for ch in str(text))



def date_text(d, lang: str = "id") -> str:
    """An ISO date as an official writes it: "15 September 2027" ("2027-09-15" in, any str() of a date)."""
    y, m, day = (int(x) for x in str(d)[:10].split("-"))
    return f"{day} {t('months', lang).split('|')[m - 1]} {y}"


def step_name(row, lang: str = "id") -> str:
    """A step by its name only: the indicator's name without its code, or a shared item's title."""
    if row["kind"] == "shared":
        return indicator_text(row, lang)
    fw = as_framework(FRAMEWORK)
    return str(fw.indicators.loc[row["indicator"], "name_en" if lang == "en" else "name_id"])


def produce_text(row, lang: str = "id") -> str:
    """What a step produces, in a few words (``act_produce_<indicator>``, or a shared item's
    ``shared_<item>`` title); the step card gives the full evidence list."""
    key = ("shared_" if row["kind"] == "shared" else "act_produce_") + str(row["indicator"])
    return t(key, lang) if key in LABELS else step_name(row, lang)



def shown_value(x, places: int = 2) -> float:
    """A plan number rounded once, half up, from its exact value: the float noise of a sum of
    two-decimal efforts is removed first (7.994999999999999 is the sum 7.995, shown 8.00), so a
    page, a brief and a workbook show the same number.

    Examples
    --------
    >>> shown_value(7.994999999999999), shown_value(0.345), shown_value(0.0261, 3)
    (8.0, 0.35, 0.026)
    """
    from decimal import Decimal

    from ..official import round_half_up

    return float(round_half_up(Decimal(repr(round(float(x), 9))), places))


def exact_index(plan, year: int | None = None) -> Fraction:
    """The unrounded PEMDI index of a plan after ``year`` (the last cycle by default): the start
    values the planner climbs from (floored to hundredths) with every level step of the roadmap up
    to that cycle, weighted as the official index is, before its two-decimal rounding."""
    fw = as_framework(FRAMEWORK)
    year = plan.cycles[-1] if year is None else int(year)
    vals = {i: Fraction(math.floor(Fraction(repr(float(v))) * 100), 100) for i, v in plan.start.values.items()}
    rm = plan.roadmap
    if len(rm):
        for r in rm[(rm["kind"] != "shared") & (rm["cycle"] <= year)].sort_values("cycle", kind="stable").itertuples():
            vals[r.indicator] = max(vals[r.indicator], Fraction(int(r.to_level)))
    units = [int(u) for u in fw.units]
    return sum(Fraction(u) * vals[i] for i, u in zip(fw.ids, units)) / sum(units)


#: A reached band closer than this to its lower edge (unrounded index) is stated with its margin:
#: the plans' own ``band_margin`` (``data/assumptions/plan_settings.csv``).
THIN_MARGIN = Fraction(repr(load_settings()["band_margin"]))


def thin_margin(plan) -> bool:
    """True when the plan's band is reached inside the plans' margin: the plan's own verdict
    (``kind`` "at the edge": official index below the edge plus ``band_margin``)."""
    return bool(plan.reached) and plan.target is not None and plan.kind == "at the edge"


def margin_text(plan, lang: str = "id") -> str:
    """When the plan's band is reached with less than 0.05 to spare above its lower edge (before the
    official two-decimal rounding), the unrounded index and what it means; else ""."""
    if not thin_margin(plan):
        return ""
    y = int(plan.reached)
    v = float(plan.summary.loc[plan.summary["year"] == y, "index"].iloc[0])
    return margin_clause(y, v, exact_index(plan, y), str(plan.target[0]), float(plan.target[1]), lang)


def margin_clause(y: int, v: float, x, band: str, edge: float, lang: str) -> str:
    """The margin sentence of :func:`margin_text` from the cycle, the official and the unrounded
    index, the band and its lower edge ("" for a margin of 0.05 or more)."""
    x, edge = Fraction(x), Fraction(repr(float(edge)))
    if x - edge >= THIN_MARGIN:
        return ""
    lower = predicate(float(edge) - 0.01, FRAMEWORK).split(" (")[0]
    key = "act_margin_rounded" if x < edge else "act_margin_thin"
    return t(key, lang, y=y, v=num(v, lang), x=num(float(x), lang, 3), m=num(float(x - edge), lang, 3),
             band=band.split(" (")[0], lower=lower)


def evidence_note_text(row, lang: str = "id") -> str:
    """How the card names the status of a step's evidence list, worded for the page
    (``ev_note_<status>`` of the labels; the loader's own note where no label has it)."""
    from ..criteria import EVIDENCE_NOTE

    note = str(row.get("evidence_note", "") or "")
    status = next((k for k, v in EVIDENCE_NOTE.items() if note in v), None) if note else None
    key = f"ev_note_{status}"
    if status is not None and key in LABELS:
        return t(key, lang)
    return in_lang(row, "evidence_note", lang) if note else ""


def national_rule_text(plan, lang: str = "id") -> str:
    """The plans' two rules a reader must know, in one caveat: the indicators a national index sets
    stay at their start (with what a rise of one level in each would add by the last cycle), and a
    band counts as secured only with the plans' margin above its edge. ``plan`` is one plan (a
    brief) or a mapping of plans (page 05: the range over the regencies)."""
    from ..labels import entity_names
    from ..planrules import national_index_levels

    plans = list(plan.values()) if isinstance(plan, Mapping) else [plan]
    t_ = national_index_levels()
    agency = [m[1] if (m := re.search(r"\(([A-Z]{2,})\)", a)) else a.split(" (")[0] for a in t_["agency"]]
    who = list(dict.fromkeys(agency))
    who = ", ".join(who[:-1]) + t("list_and", lang) + who[-1] if len(who) > 1 else "".join(who)
    p0 = plans[0]
    if not p0.national_caps:
        return t("act_national_rule_planned", lang, who=who, m=num(p0.margin, lang))
    ups = sorted({num(p.national_upside, lang) for p in plans}, key=lambda x: float(x.replace(",", ".")))
    up = ups[0] if len(ups) == 1 else f"{ups[0]}-{ups[-1]}"
    fw = as_framework(FRAMEWORK)
    k = int(fw.units.argmax())
    from .pagetext import indicator_name
    big = t("act_national_rule_big", lang, name=indicator_name(fw.ids[k], lang),
            w=num(100 * float(fw.units[k]) / float(fw.total_units), lang, 0), g=num(float(fw.units[k]) / float(fw.total_units), lang))
    if len(plans) > 1:
        return t("act_national_rule_all", lang, who=who, y=p0.cycles[-1], up=up, m=num(p0.margin, lang)) + " " + big
    return t("act_national_rule", lang, name=entity_names(lang).get(p0.code, p0.code), who=who, y=p0.cycles[-1],
             up=up, m=num(p0.margin, lang)) + " " + big


def deadline_text(row, lang: str = "id") -> str:
    """A step's evidence deadline as an official writes it, "perkiraan ..." with its basis when the
    cycle's schedule is not published yet (:func:`spbe_analysis.criteria.evidence_deadline`)."""
    from .. import criteria

    d = date_text(row["deadline"], lang)
    try:
        assumed = criteria.evidence_deadline(int(row["cycle"])).assumed
    except Exception:                          # a table of your own with another cycle column
        assumed = False
    return t("act_deadline_estimate", lang, d=d) if assumed else d


def _card(row):
    from .. import criteria

    if row["kind"] == "shared" or pd.isna(row["to_level"]):
        return None
    return criteria.level_card(str(row["indicator"]), int(row["to_level"]))


def timing_text(row) -> str:
    """The timing rule of the step's level (``levels.csv`` ``timing_rule``), or ""."""
    c = _card(row)
    v = c.timing_rule if c is not None else ""
    return "" if v is None or pd.isna(v) else str(v).strip()


def prior_items(row) -> tuple[int, list[str]] | None:
    """Levels are cumulative: for a step to level L from a value that does not show level L-1 whole
    (a fractional start, or one below L-1), (L-1, that level's evidence items); else None."""
    from .. import criteria

    if row["kind"] != "evidence" or pd.isna(row["to_level"]) or int(row["to_level"]) < 2:
        return None                            # a national index's level is not built from uploads
    lv, v = int(row["to_level"]) - 1, float(row["from_value"])
    if v >= lv and float(v).is_integer():
        return None
    return lv, list(criteria.level_card(str(row["indicator"]), lv).evidence)


def cut_text(row, lang: str = "id") -> str:
    """For criteria cut at the source (" [...]" or a partial quotation): where to read them whole."""
    text = str(row.get("criteria_text", "") or "").rstrip()
    if row["kind"] == "shared" or not (text.endswith("[...]") or row.get("criteria_status") == "verbatim_fragment"):
        return ""
    return t("act_card_cut", lang, i=row["indicator"], l=int(row["to_level"]))


def evidence_text(row, lang: str = "id") -> tuple[str, str]:
    """(label, text) of what a step uploads; for an indicator scored from a national index, no label
    and a text saying that nothing is uploaded and the value comes from that index, with the
    level's evidence items as the regency's preparatory work."""
    ev = str(row["evidence"] or "")
    if row["kind"] == "outside index":
        from ..actionplan import OUTSIDE_INDEX, OUTSIDE_INDEX_EN

        idx = (OUTSIDE_INDEX_EN if lang == "en" else OUTSIDE_INDEX).get(str(row["indicator"]),
                                                                         in_lang(row, "outside", lang))
        return "", t("act_card_outside_evidence", lang, index=idx, work=ev or t("none", lang))
    return t("act_card_evidence", lang), ev


def serves_text(plan, row, lang: str = "id") -> str:
    """A shared one-off work in words: "Dipakai untuk: I1 level 2 (2027), I4 level 2 (2027), ..."
    with the cycle of each step it serves in this plan."""
    rm = plan.roadmap
    parts = []
    for x in str(row.get("serves", "") or "").split(", "):
        if " -> " not in x:
            continue
        i, lv = x.split(" -> ")
        hit = rm[(rm["indicator"] == i) & (rm["kind"] != "shared")]
        hit = hit[hit["to_level"].astype("Int64") == int(lv)] if len(hit) else hit
        y = f" ({int(hit['cycle'].iloc[0])})" if len(hit) else ""
        parts.append(f"{i} {t('act_card_level', lang, l=int(lv))}{y}")
    return t("act_shared_used_for", lang, steps=", ".join(parts)) if parts else ""


__all__ = ["THIN_MARGIN", "evidence_note_text", "national_rule_text", "thin_margin", "indicator_text", "margin_clause", "md_safe", "cut_text", "date_text", "deadline_text", "evidence_text", "exact_index", "shown_value", "in_lang", "margin_text", "prior_items", "produce_text", "serves_text", "step_name", "timing_text"]
