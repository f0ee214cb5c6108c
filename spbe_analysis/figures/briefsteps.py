"""The action section of a regency brief: who does what by when (:func:`who_frame`), the planning
and budget dates (:func:`milestone_frame`) and short step cards that point to the full criteria
(:func:`step_cards`). :mod:`spbe_analysis.figures.brief` re-exports them."""
from __future__ import annotations

import re

import pandas as pd

from ..labels import t


WHO_ROWS = 12  # at most this many rows in the table of who does what; more steps: one row per office


def who_frame(plan, lang: str) -> pd.DataFrame:
    """The first cycle's steps by lead office (in plan order): office, what it prepares (indicator
    name and level, what to produce), evidence deadline (none for an indicator scored from a national
    index); one row per office past :data:`WHO_ROWS`."""
    from .pagetext import move_name
    from .steptext import date_text, in_lang, produce_text, step_name

    df = pd.DataFrame([(in_lang(r, "lead_office", lang).split(" (")[0], (step_name(r, lang) if r["kind"] == "shared" else
                        move_name(r["indicator"], int(r["to_level"]), lang)) + ": " + produce_text(r, lang),
                        t("brief_who_outside", lang) if r["kind"] == "outside index" else  # nothing uploaded
                        date_text(r["deadline"], lang)) for _, r in plan.steps.iterrows()],
                      columns=["office", "prepare", "deadline"])
    df = df.iloc[df["office"].map({o: k for k, o in enumerate(dict.fromkeys(df["office"]))}).argsort(kind="stable")]
    if len(df) > WHO_ROWS:
        df = df.groupby("office", sort=False).agg(lambda x: "; ".join(dict.fromkeys(x))).reset_index()
    return df.reset_index(drop=True)


def robust_needs_text(plan, moves, lang: str) -> str:
    """For the moves that hold (``(indicator, level, ...)`` tuples), the steps of the same cycle each
    rests on in the plan, by name and card number ("" when none does): a safe move is accepted
    only when those are done too."""
    from .actions import needs_text
    from .pagetext import move_name

    parts = []
    for i, lv, *_ in moves:
        hit = plan.steps[(plan.steps["indicator"] == i) & (plan.steps["to_level"].astype("Int64") == int(lv))]
        needs = needs_text(plan, hit.iloc[0], lang) if len(hit) else ""
        if needs:
            parts.append(t("brief_robust_needs_part", lang, move=move_name(i, lv, lang), needs=needs))
    return t("brief_robust_needs", lang, parts="; ".join(parts)) + "." if parts else ""


def milestone_frame(plan, lang: str) -> pd.DataFrame:
    """The planning and budget dates between the evidence deadline of the start's cycle and that of
    the first planned cycle (``data/pemdi/milestones.csv``), in date order: date, stage, office."""
    from .. import criteria
    from .steptext import date_text

    lo, hi = criteria.evidence_deadline(plan.start.cycle).date, criteria.evidence_deadline(plan.cycles[0]).date
    m = criteria.milestones()
    m = m[m["date"].map(lambda d: d is not None and lo < d <= hi)].sort_values(["date", "cycle"], kind="stable")
    en = lang == "en"
    return pd.DataFrame({"date": [date_text(d, lang) for d in m["date"]],
                         "stage": list(m["stage_en" if en else "stage"]),
                         "office": list(m["owner_office_en" if en else "owner_office"])})


_GOV = re.compile(r"^(Instansi Pusat|Pemerintah Provinsi|Pemerintah Kab(?:upaten)?/Kota)\s*:\s*(.+)$", re.M)
#: Loan words of the quoted evidence, each followed on an Indonesian card by the Indonesian word.
LOAN_WORDS = {"screenshot": "tangkapan layar", "to-be": "kondisi yang dituju", "monitoring": "pemantauan",
              "existing": "kondisi saat ini", "awareness": "peningkatan kesadaran", "privacy notice": "pemberitahuan privasi",
              "dpo": "Pejabat Pelindungan Data Pribadi", "ropa": "catatan aktivitas pemrosesan data"}
_LOAN = re.compile(r"(?<![\w-])(" + "|".join(LOAN_WORDS) + r")(?![\w-])", re.I)


def kabkota_condition(text) -> str:
    """The regency/city condition of criteria that state one per type of government (lines
    "Instansi Pusat: ...", "Pemerintah Provinsi: ...", "Pemerintah Kab/Kota: ..."), else ""."""
    found = {m.group(1): m.group(2).strip() for m in _GOV.finditer(str(text or ""))}
    return next((v for k, v in found.items() if k.endswith("Kota")), "") if len(found) > 1 else ""


def step_cards(plan, lang: str = "id") -> str:
    """:func:`spbe_analysis.figures.actions.step_cards` short for a brief: instead of the criteria
    text, what to produce in one line and the regency/city condition (:func:`kabkota_condition`),
    and last where the full criteria are, with the text's status (the whole text is in the plan
    workbook); on Indonesian cards each loan word of :data:`LOAN_WORDS` followed by its Indonesian."""
    from .actions import STATUS_NOTE, step_cards as full_cards
    from .steptext import md_safe, produce_text, step_name

    level = iter([r for _, r in plan.steps.iterrows() if r["kind"] != "shared"])
    crit, out, ref = "    - " + t("act_card_criteria", lang), [], []
    for line in full_cards(plan, lang).split("\n") + ["- "]:
        out, ref = (out + ref, []) if line.startswith("- ") else (out, ref)
        if not line.startswith(crit):
            out.append(_LOAN.sub(lambda m: f"{m[0]} ({LOAN_WORDS[m[0].lower()]})", line) if lang == "id" else line)
            continue
        r = next(level)
        out += [f"    - {t('act_card_produce', lang)}: {md_safe(produce_text(r, lang))}"] + \
            ([f"    - {t('brief_card_condition', lang)}: {md_safe(c)}"] if (c := kabkota_condition(r["criteria_text"])) else [])
        status = f" *({t(STATUS_NOTE[r['criteria_status']], lang)})*" if r["criteria_status"] in STATUS_NOTE else ""
        ref = [f"    - {t('brief_card_full', lang)}: " + md_safe(t("brief_card_full_ref", lang, name=step_name(r, lang),
                                                                   l=int(r["to_level"]))) + status]
    return "\n".join(out[:-1])


__all__ = ["LOAN_WORDS", "WHO_ROWS", "kabkota_condition", "milestone_frame", "robust_needs_text", "step_cards", "who_frame"]
