"""Tables and lines of text for the PEMDI pages 06 and 07 (frameworks compared, the projection's
scenarios, the external indices, the robust moves), in the page's language."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ..frameworks import as_framework
from ..labels import LABELS, entity_names, num, pct, t

FRAMEWORK = "pemdi2026"


def framework_frame(df: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The two frameworks side by side with the bands as an official writes them ("Baik ≥ 2,50")."""
    import re

    def bands(text: str) -> str:
        return "; ".join(re.sub(r"\s*>=\s*([\d.]+)", lambda m: " \u2265 " + num(float(m.group(1)), lang), b.strip())
                         for b in str(text).split("|"))

    return df.assign(bands=df["bands"].map(bands),
                     values=df["values"].map(lambda v: str(v).replace("(2 dec.)", t("act_values_decimal", lang))))


def basis_frame(table: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The projection's assumptions with their parameter and basis in words (``param_<p>`` and
    ``param_basis_<p>``), without file paths."""
    return table.assign(basis=table["parameter"].map(lambda p: t("param_basis_" + p, lang)),
                        parameter=table["parameter"].map(lambda p: t("param_" + p, lang)))


def external_frame(ext: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The externally determined indicators with the name of their national index in ``lang``."""
    return ext.assign(external_index=[t("ext_index_" + i, lang) if "ext_index_" + i in LABELS else x
                                      for i, x in zip(ext["indicator"], ext["external_index"])])


def scenario_frame(projection, lang: str = "id") -> pd.DataFrame:
    """One row per regency: the median start in each scenario, and the most likely band of the
    central scenario with its share of draws (six rows that fit a screen)."""
    s = projection.summary()
    wide = s.pivot(index="entity", columns="scenario", values="median")
    central = s[s["scenario"] == "central"].set_index("entity")
    names = entity_names(lang)
    order = list(dict.fromkeys(s["entity"]))
    return pd.DataFrame({"name": [names.get(c, c) for c in order],
                         **{sc: [float(wide.loc[c, sc]) for c in order] for sc in wide.columns},
                         "band": [str(central.loc[c, "band"]) for c in order],
                         "probability": [float(central.loc[c, "probability"]) for c in order]})


@dataclass(frozen=True)
class RankTitle:
    """The title of page 07's rank chart: how many governments keep their rank (the band chart
    states the bands)."""

    keep_rank: tuple
    threshold: float = 0.8

    def title(self, lang: str) -> str:
        k = sum(1 for _, _, s in self.keep_rank if s >= self.threshold)
        return t("f_ranks_title", lang, k=k, n=len(self.keep_rank), p=pct(self.threshold, lang))


def rank_title(ranks) -> RankTitle:
    """From :func:`spbe_analysis.figures.robustness.rank_finding`."""
    return RankTitle(tuple(ranks.keep_rank))


def robustness_lines(ranks, lang: str = "id") -> list[str]:
    """Two short findings: the bands that hold (and those that do not), the ranks that hold."""
    names = entity_names(lang)
    ok = sum(1 for _, _, s in ranks.keep_band if s >= 0.8)
    shaky = ", ".join(f"{names.get(e, e)} ({pct(s, lang)})" for e, _, s in ranks.keep_band if s < 0.8)
    bands = t("f_bands_short", lang, k=ok, n=len(ranks.keep_band), r=num(ranks.n, lang, 0)) + \
        ("; " + t("f_bands_short_shaky", lang, who=shaky) if shaky else "") + "."
    held = ", ".join(f"{names.get(e, e)} ({pct(s, lang)})" for e, _, s in ranks.keep_rank if s >= 0.8)
    return [bands, (t("f_ranks_hold", lang, who=held) if held else t("f_ranks_none", lang)) + "."]


def move_name(indicator: str, level, lang: str) -> str:
    """A move in words: the indicator's name (or a shared work item's title) and its target level."""
    key = "act_shared_" + str(indicator)
    if key in LABELS:
        return t(key, lang)
    fw = as_framework(FRAMEWORK)
    name = fw.indicators.loc[indicator, "name_en" if lang == "en" else "name_id"] if indicator in fw.indicators.index \
        else indicator
    return f"{name} ({t('act_card_level', lang, l=level)})"


def robust_lines(moves, lang: str = "id") -> list[str]:
    """One line per regency: its moves that hold in every scenario, by name (shared items by their
    title), with the smallest share of plans they are in."""
    names = entity_names(lang)
    out = []
    for code, ms in moves.robust:
        who = names.get(code, code)
        if ms:
            out.append(f"{who}: " + "; ".join(f"{move_name(i, lv, lang)}, {t('f_robust_min_share', lang, p=pct(p, lang))}"
                                              for i, lv, p, _ in ms))
        else:
            out.append(t("f_robust_moves_none", lang, who=who))
    return out


def robust_short(moves, lang: str = "id") -> str:
    """The moves that hold in every scenario in one sentence: which moves, in how many regencies."""
    count: dict = {}
    for _, ms in moves.robust:
        for i, lv, _, _ in ms:
            count[(i, lv)] = count.get((i, lv), 0) + 1
    parts = ", ".join(t("f_robust_short_part", lang, move=move_name(i, lv, lang), k=k)
                      for (i, lv), k in sorted(count.items(), key=lambda x: -x[1]))
    return t("f_robust_short", lang, cycle=moves.cycle, p=pct(moves.threshold, lang), parts=parts or t("none", lang),
             e=pct(moves.max_mc_error, lang, 1)) + "."


__all__ = ["RankTitle", "basis_frame", "move_name", "external_frame", "framework_frame", "rank_title", "robust_lines",
           "robust_short", "robustness_lines", "scenario_frame"]
