"""Charts of pace: each regency's observed yearly change against the backtest of the pace model,
and roadmaps under each capacity scenario (own pace, best peer's pace, a budget) across the
break from SPBE to PEMDI."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import pandas as pd

from ..labels import entity_names, num, pct, t
from .style import band_spans, canvas, decimal_axis, entity_colour, finish


# ============================================================================= pace from the record
@dataclass(frozen=True)
class PaceFinding:
    """The observed yearly pace of the regencies and what the backtest says about using it."""

    lo: tuple[str, float]
    hi: tuple[str, float]
    mae_model: float
    mae_no_change: float
    n: int

    def title(self, lang: str) -> str:
        n = entity_names(lang)
        return t("f_pace", lang, lo=n.get(self.lo[0], self.lo[0]), lov=num(self.lo[1], lang),
                 hi=n.get(self.hi[0], self.hi[0]), hiv=num(self.hi[1], lang))

    def text(self, lang: str) -> str:
        key = "f_backtest_worse" if self.mae_model >= self.mae_no_change else "f_backtest_better"
        return self.title(lang) + ". " + t(key, lang, m=num(self.mae_model, lang), z=num(self.mae_no_change, lang),
                                           n=self.n) + "."


def pace_finding(pace: pd.DataFrame, bt) -> PaceFinding:
    """From ``pace.own_pace`` (the lower bound where censored) and ``pace.backtest``."""
    lo, hi = pace["low"].idxmin(), pace["low"].idxmax()
    return PaceFinding((lo, float(pace.loc[lo, "low"])), (hi, float(pace.loc[hi, "low"])), bt.mae_model,
                       bt.mae_no_change, bt.n)


def pace_chart(changes: pd.DataFrame, finding: PaceFinding, lang: str = "id", source: str = "", ax=None):
    """Observed yearly change per regency and year pair (a bar; a range where a value is censored)."""
    names = entity_names(lang)
    fig, ax, own = canvas(ax)
    ents = list(dict.fromkeys(changes["entity"]))
    pairs = list(dict.fromkeys(zip(changes["y0"], changes["y1"])))
    width = 0.8 / max(len(pairs), 1)
    for k, (y0, y1) in enumerate(pairs):
        for j, e in enumerate(ents):
            r = changes[(changes["entity"] == e) & (changes["y0"] == y0)]
            if r.empty:
                continue
            r = r.iloc[0]
            x = j + (k - (len(pairs) - 1) / 2) * width
            if r["exact"]:
                ax.bar([x], [r["low"]], width=width * 0.9, color=entity_colour(e), alpha=0.55 + 0.45 * k)
                ax.text(x, max(r["low"], 0) + 0.02, num(r["low"], lang), ha="center", fontsize=11)
            else:
                ax.bar([x], [r["high"] - r["low"]], bottom=[r["low"]], width=width * 0.9, color="white",
                       edgecolor=entity_colour(e), hatch="//", lw=1.5)
                ax.text(x, r["high"] + 0.02, f"{num(r['low'], lang)}-{num(r['high'], lang)}", ha="center", fontsize=10)
    ax.set_xticks(range(len(ents)), [names.get(e, e) for e in ents])
    ax.axhline(0, color="#333333", lw=1)
    decimal_axis(ax, lang, "y", 1)
    ax.set_ylabel(t("ax_yearly_change", lang, pairs=", ".join(f"{a}-{b}" for a, b in pairs)))
    ax.grid(axis="x", visible=False)
    return finish(fig, ax, own, finding.title(lang), source, lang,
                  adjust={"left": 0.08, "right": 0.98, "bottom": 0.14, "top": 0.86})


# ============================================================================= across the break
@dataclass(frozen=True)
class TransitionFinding:
    """Per capacity scenario: the regencies reaching their next SPBE band in the last SPBE year and
    their PEMDI band by the end of the roadmap, in at least the threshold share of draws."""

    scenario: str
    spbe_year: int
    pemdi_year: int
    rows: tuple[tuple[str, str, float, str, float], ...]   # entity, spbe target, share, pemdi band by end, share
    threshold: float

    def title(self, lang: str) -> str:
        rows = [r for r in self.rows if r[1] != "-"]
        k = sum(1 for _, _, s, _, _ in rows if s >= self.threshold)
        return t("f_transition", lang, scenario=t("cap_" + self.scenario, lang), k=k, n=len(rows),
                 y=self.spbe_year, p=pct(self.threshold, lang))

    def text(self, lang: str) -> str:
        names = entity_names(lang)
        parts = "; ".join(f"{names.get(e, e)}: " + (f"{tg} {self.spbe_year} {pct(s, lang)}" if tg != "-" else
                                                    t("top_band", lang)) + f", PEMDI {self.pemdi_year} {b} "
                          f"({pct(sb, lang)})" for e, tg, s, b, sb in self.rows)
        return t("f_transition_text", lang, scenario=t("cap_" + self.scenario, lang)) + " " + parts + "."


def transition_finding(ens: pd.DataFrame, spbe_targets: Mapping[str, tuple[str, float]], scenario: str,
                       threshold: float = 0.8) -> TransitionFinding:
    """From ``transition.transition_ensemble``: ``spbe_targets`` {entity: (band, edge)} is each
    regency's next SPBE band; the PEMDI band reported is the one the median draw ends in."""
    d = ens[(ens["scenario"] == scenario) & (ens["kind"] == "plan")]
    spbe = d[d["framework"] == "spbe2020"]
    pem = d[d["framework"] == "pemdi2026"]
    y_s, y_p = int(spbe["year"].max()), int(pem["year"].max())
    rows = []
    for e in dict.fromkeys(d["entity"]):
        name, edge = spbe_targets.get(e, ("-", None))
        s_e = spbe[(spbe["entity"] == e) & (spbe["year"] == y_s)]
        share = float((s_e["index"] >= edge - 1e-9).mean()) if edge is not None else 1.0
        p_e = pem[(pem["entity"] == e) & (pem["year"] == y_p)]
        band = p_e["predicate"].mode().iloc[0]
        rows.append((e, name, share, str(band), float((p_e["predicate"] == band).mean())))
    return TransitionFinding(scenario, y_s, y_p, tuple(rows), float(threshold))


def transition_chart(ens: pd.DataFrame, finding: TransitionFinding, spbe_fw, pemdi_fw, lang: str = "id",
                     source: str = "", illustrative: bool = True, axes=None):
    """Two panels with a break: the SPBE index (start year and the last SPBE year) and the PEMDI
    index (projected start and each roadmap year), median and range over draws per regency."""
    import matplotlib.pyplot as plt
    from .style import FULL, STYLE
    names = entity_names(lang)
    d = ens[ens["scenario"] == finding.scenario]
    own = axes is None
    if own:
        with plt.style.context(str(STYLE)):
            fig, axes = plt.subplots(1, 2, figsize=FULL, gridspec_kw={"width_ratios": [1, 2.4]})
    fig = axes[0].figure
    for ax, fw_name, fw, lo, hi in ((axes[0], "spbe2020", spbe_fw, 1.8, 3.6), (axes[1], "pemdi2026", pemdi_fw, 1.0, 3.5)):
        band_spans(ax, fw, orientation="h", lo=lo, hi=hi, alpha=0.4)
        sub = d[d["framework"] == fw_name]
        for e, g in sub.groupby("entity", sort=False):
            st = g.groupby("year")["index"].agg(["median", "min", "max"])
            ax.fill_between(st.index, st["min"], st["max"], color=entity_colour(e), alpha=0.15, lw=0)
            ax.plot(st.index, st["median"], color=entity_colour(e), lw=2.5, marker="o", label=names.get(e, e))
        ax.set_ylim(lo, hi)
        decimal_axis(ax, lang, "y", 1)
        ax.set_ylabel(t("index" if fw_name == "spbe2020" else "index_pemdi", lang))
        ax.grid(axis="x", visible=False)
    ys = sorted(d.loc[d["framework"] == "spbe2020", "year"].unique())
    axes[0].set_xticks(ys, [str(int(y)) for y in ys])
    yp = sorted(d.loc[d["framework"] == "pemdi2026", "year"].unique())
    axes[1].set_xticks(yp, [t("pemdi_start", lang) if y != int(y) else str(int(y)) for y in yp])
    axes[1].legend(loc="upper left", fontsize=11, ncol=2)
    if own:
        fig.text(0.335, 0.5, "//", fontsize=26, ha="center", va="center", color="#555555")
    return finish(fig, axes, own, finding.title(lang), source, lang, illustrative=illustrative, unofficial=True,
                  adjust={"left": 0.07, "right": 0.93, "bottom": 0.14, "top": 0.84, "wspace": 0.3})
