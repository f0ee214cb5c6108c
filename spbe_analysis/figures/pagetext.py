"""Tables and lines of text for the PEMDI pages 06 and 07 (frameworks compared, the projection's
scenarios, the external indices, the robust moves), in the page's language."""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

from ..frameworks import as_framework
from ..labels import LABELS, entity_names, num, open_pct, pct, t
from ..official import hundredths

FRAMEWORK = "pemdi2026"


def framework_frame(df: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The two frameworks side by side with the bands as an official writes them ("Baik ≥ 2,50")."""
    def bands(text: str) -> str:
        parts = [re.match(r"\s*(.*?)\s*>=\s*([\d.]+)\s*$", b) for b in str(text).split("|")]
        if not all(parts):
            return str(text)
        out = [f"{m.group(1)} \u2265 {num(float(m.group(2)), lang)}" for m in parts]
        if len(parts) > 1 and float(parts[0].group(2)) <= 1:      # the lowest band: below the next edge
            out[0] = f"{parts[0].group(1)} < {num(float(parts[1].group(2)), lang)}"
        return "; ".join(out)

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


def aspect_ranges(projection, scenario: str = "central") -> pd.DataFrame:
    """Per regency: the 5 %, 50 % and 95 % quantiles over ``scenario``'s draws of the official PEMDI
    index (``aspect`` 0) and of the official value of each aspect, with the number of draws.

    An aspect's value in a draw is what :func:`spbe_analysis.score` gives for the draw's projected
    indicator values: their weighted mean within the aspect, rounded once to hundredths (the
    official rounding of :func:`spbe_analysis.official.hundredths`); the quantiles are taken as
    :meth:`spbe_analysis.pemdi.Projection.summary` takes them.

    Examples
    --------
    >>> from spbe_analysis.pemdi import project
    >>> p = project({"x": pd.DataFrame([{str(i): 2 for i in range(1, 48)}])}, seed=1, draws_per_profile=50)
    >>> r = aspect_ranges(p)
    >>> list(r["aspect"]), int(r["draws"].iloc[0])
    ([0, 1, 2, 3, 4, 5, 6, 7], 50)
    """
    fw = projection.crosswalk.pemdi
    v = projection.values[projection.values["scenario"] == scenario]
    d = projection.draws[projection.draws["scenario"] == scenario]
    V = np.rint(v[list(fw.ids)].to_numpy(dtype=float) * 10 ** 4).astype(np.int64)    # exact: 4 decimals at most
    H = hundredths(V @ (fw.units[:, None] * fw.membership("aspect")), fw.group_units("aspect")[None, :],
                   Fraction(1, 10 ** 4))
    values = pd.DataFrame(H / 100, columns=list(fw.groups("aspect"))).assign(entity=v["entity"].to_numpy(),
                                                                            draw=v["draw"].to_numpy())
    index = d.set_index(["entity", "draw"])["index"]
    values.insert(0, 0, index.loc[list(zip(values["entity"], values["draw"]))].to_numpy())
    values = values.drop(columns="draw")
    names = fw.group_names("aspect")
    weights = dict(zip(fw.groups("aspect"), fw.group_units("aspect") * 100 // fw.total_units))
    rows = []
    for e, g in values.groupby("entity", sort=False):
        for a in values.columns.drop("entity"):
            x = g[a]
            rows.append({"entity": e, "aspect": int(a), "aspect_name": str(names[a]) if a else "",
                         "weight": int(weights.get(a, 100)), "p5": float(x.quantile(0.05)),
                         "median": float(x.median()), "p95": float(x.quantile(0.95)), "draws": len(x)})
    return pd.DataFrame(rows)


def aspect_range_frame(ranges: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The ranges of :func:`aspect_ranges` as a table for reading: one row for the index and one
    per aspect (name and weight), one column per regency holding its 5-95 % range ("1,12-1,57")."""
    names = entity_names(lang)
    out = pd.DataFrame({"aspect": [t("index_pemdi", lang) if a == 0 else t("row_aspect_weight", lang, a=a, name=n, w=w)
                                   for a, n, w in ranges.drop_duplicates("aspect")[["aspect", "aspect_name", "weight"]]
                                   .itertuples(index=False)]})
    for e, g in ranges.groupby("entity", sort=False):
        out[names.get(e, e)] = [f"{num(lo, lang)}-{num(hi, lang)}" for lo, hi in zip(g["p5"], g["p95"])]
    return out


def reference_lines(calibration, lang: str = "id") -> list[str]:
    """One sentence per real SPBE-to-PEMDI pair (:func:`spbe_analysis.pemdi.calibration.check_calibration`):
    the government and its two real results, whether the central 5-95 % range of its projected
    index holds the real index, and how many of its real aspects lie inside their ranges (those
    outside named, above or below)."""
    out = []
    asp = calibration.aspects
    for r in calibration.pairs.itertuples():
        head = t("f_ref_pair", lang, name=r.name, sy=r.spbe_year, sv=num(r.spbe_index, lang), py=r.pemdi_year,
                 pv=num(r.real_index, lang), unverified="" if r.spbe_verified else t("f_ref_unverified", lang))
        key = "f_ref_inside" if r.inside else "f_ref_outside"
        parts = [head, t(key, lang, lo=num(r.p5, lang), hi=num(r.p95, lang))]
        a = asp[asp["entity"] == r.entity]
        out_of = [t("f_ref_above" if x.real > x.p95 else "f_ref_below", lang, name=x.aspect_name, v=num(x.real, lang),
                    lo=num(x.p5, lang), hi=num(x.p95, lang)) for x in a.itertuples() if not x.inside]
        aspects = t("f_ref_aspects", lang, k=int(r.aspects_inside), n=int(r.n_aspects))
        if out_of:
            aspects += " (" + t("f_ref_aspects_out", lang, parts="; ".join(out_of)) + ")"
        parts.append(aspects)
        line = "; ".join(parts) + "."
        if out_of and r.inside:
            line += " " + t("f_ref_aspects_coarse", lang) + "."
        out.append(line)
    return out


@dataclass(frozen=True)
class RankTitle:
    """How many governments keep their rank: the same title as
    :meth:`spbe_analysis.figures.robustness.RankFinding.title`, which the rank chart now states
    itself (kept for the names :mod:`spbe_analysis.figures.actions` re-exports)."""

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

    def kept(s: float) -> str:      # a share of replicates: "in all" rather than 100 %
        return t("f_in_all_replicates", lang, n=num(ranks.n, lang, 0)) if s >= 1 else open_pct(s, lang)

    ok = sum(1 for _, _, s in ranks.keep_band if s >= 0.8)
    shaky = ", ".join(f"{names.get(e, e)} ({kept(s)})" for e, _, s in ranks.keep_band if s < 0.8)
    bands = t("f_bands_short", lang, k=ok, n=len(ranks.keep_band), r=num(ranks.n, lang, 0)) + \
        ("; " + t("f_bands_short_shaky", lang, who=shaky) if shaky else "") + "."
    held = ", ".join(f"{names.get(e, e)} ({kept(s)})" for e, _, s in ranks.keep_rank if s >= 0.8)
    return [bands, (t("f_ranks_hold", lang, who=held) if held else t("f_ranks_none", lang)) + "."]


def indicator_name(indicator: str, lang: str, default: str | None = None) -> str:
    """A PEMDI indicator's name in ``lang`` (a shared work item's title for its key); ``default``
    (else the code itself) for an id the framework does not know."""
    key = "act_shared_" + str(indicator)
    if key in LABELS:
        return t(key, lang)
    inds = as_framework(FRAMEWORK).indicators
    if indicator not in inds.index:
        return str(indicator) if default is None else default
    return str(inds.loc[indicator, "name_en" if lang == "en" else "name_id"])


def move_name(indicator: str, level, lang: str) -> str:
    """A move in words: the indicator's name (or a shared work item's title) and its target level."""
    if "act_shared_" + str(indicator) in LABELS:
        return t("act_shared_" + str(indicator), lang)
    return f"{indicator_name(indicator, lang)} ({t('act_card_level', lang, l=level)})"


def robust_lines(moves, lang: str = "id") -> list[str]:
    """One line per regency: its moves that hold in every scenario, by name (shared items by their
    title), with the smallest share of plans they are in."""
    names = entity_names(lang)
    near = dict(getattr(moves, "borderline", ()))
    out = []
    for code, ms in moves.robust:
        who = names.get(code, code)
        nb = "; ".join(f"{move_name(i, lv, lang)}, " + t("f_robust_min_share", lang, p=open_pct(p, lang))
                       for i, lv, p, _ in near.get(code, ()))
        if ms:
            out.append(f"{who}: " + "; ".join(
                f"{move_name(i, lv, lang)}, " + (t("f_robust_in_all", lang, n=num(n, lang, 0)) if p >= 1
                                                 else t("f_robust_min_share", lang, p=open_pct(p, lang)))
                for i, lv, p, n in ms) + (t("f_robust_also_borderline", lang, moves=nb) if nb else ""))
        elif nb:
            out.append(t("f_robust_moves_borderline", lang, who=who, moves=nb, p=pct(moves.threshold, lang)))
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


__all__ = ["indicator_name", "RankTitle", "aspect_range_frame", "aspect_ranges", "basis_frame", "move_name", "external_frame",
           "framework_frame", "rank_title", "reference_lines", "robust_lines", "robust_short", "robustness_lines",
           "scenario_frame"]
