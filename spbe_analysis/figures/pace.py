"""Charts of pace: each regency's observed yearly change against the backtest of the pace model,
roadmaps under each capacity scenario (own pace, best peer's pace, a budget) across the break from
SPBE to PEMDI, and forecasts with a track record (:mod:`spbe_analysis.forecast`): each model's error
beside no change, and the share of draws reaching the next band by each year."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import pandas as pd

from ..labels import entity_names, num, open_pct, pct, share, t
from .style import band_spans, canvas, decimal_axis, entity_colour, finish, legend_below, panels, wrap


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


@dataclass(frozen=True)
class PaceData:
    """What :func:`pace_chart` draws: the observed changes (``entity``, ``y0``, ``y1``, ``low``,
    ``high``, ``exact``) and the finding its title states (:func:`pace_finding`, which also needs
    the backtest)."""

    changes: pd.DataFrame
    finding: PaceFinding


def pace_chart(data: PaceData, *, lang: str, footer: str, ax=None):
    """Observed yearly change per regency and year pair (a bar, lighter for earlier pairs; a
    hatched range where a value is censored, explained in the legend). Returns the axes."""
    from matplotlib.patches import Patch
    changes, finding = data.changes, data.finding
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
    handles = [Patch(facecolor="#555555", alpha=0.55 + 0.45 * k, label=f"{a}-{b}") for k, (a, b) in enumerate(pairs)]
    if not changes["exact"].all():
        handles.append(Patch(facecolor="white", edgecolor="#555555", hatch="//", label=t("lbl_censored_change", lang)))
    legend_below(ax, ncol=len(handles), handles=handles)
    finish(fig, ax, own, finding.title(lang), footer, lang, adjust={"left": 0.08, "right": 0.98, "bottom": 0.14, "top": 0.86})
    return ax


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


@dataclass(frozen=True)
class TransitionData:
    """What :func:`transition_chart` draws: ``transition.transition_ensemble``, the finding its
    title states (:func:`transition_finding`; its scenario picks the rows), both frameworks and
    whether the profiles are illustrative."""

    ensemble: pd.DataFrame
    finding: TransitionFinding
    spbe_framework: object = "spbe2020"
    pemdi_framework: object = "pemdi2026"
    illustrative: bool = True


def transition_chart(data: TransitionData, *, lang: str, footer: str, ax=None):
    """Two panels with a break: the SPBE index (start year and the last SPBE year) and the PEMDI
    index (projected start and each roadmap year), median and range over draws per regency.
    Returns the array of the two axes (given ``ax``, its area is split into them)."""
    from ..frameworks import as_framework
    finding, illustrative = data.finding, data.illustrative
    spbe_fw, pemdi_fw = as_framework(data.spbe_framework), as_framework(data.pemdi_framework)
    names = entity_names(lang)
    d = data.ensemble[data.ensemble["scenario"] == finding.scenario]
    fig, grid, own = panels(ax, 1, 2, gridspec_kw={"width_ratios": [1, 2.4]})
    axes = grid.ravel()
    for ax, fw_name, fw, lo, hi in ((axes[0], "spbe2020", spbe_fw, 1.8, 3.6), (axes[1], "pemdi2026", pemdi_fw, 1.0, 3.5)):
        band_spans(ax, fw, orientation="h", lo=lo, hi=hi, alpha=0.4, label=ax is axes[-1])   # no names in the gap
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
    legend_below(axes[1], ncol=3, fontsize=11)
    if own:
        fig.text(0.335, 0.5, "//", fontsize=26, ha="center", va="center", color="#555555")
    finish(fig, axes, own, finding.title(lang), footer, lang, illustrative=illustrative, unofficial=True,
           adjust={"left": 0.07, "right": 0.93, "bottom": 0.14, "top": 0.84, "wspace": 0.3})
    return axes


# ============================================================================= forecasts with a track record
def share_text(p: float, draws: int, lang: str, short: bool = False) -> str:
    """A share of draws in words (:func:`spbe_analysis.labels.share`)."""
    return share(p, draws, lang, short)


def _model(m: str, lang: str) -> str:
    return t("fc_model_" + m, lang)


@dataclass(frozen=True)
class ForecastBacktestFinding:
    """Which forecast model the record supports: each model's n and mean absolute error beside no
    change on the same forecasts, on the forecasts every model could make, and what was not scored."""

    instrument: str
    first: int
    last: int
    chosen: str
    n_common: int
    #: model, n, n_interval, mae, mae_no_change (same forecasts), mae_common
    rows: tuple[tuple[str, int, int, float, float, float], ...]
    unscored: tuple[tuple[str, int], ...]          # reason code, number of forecasts

    def title(self, lang: str) -> str:
        common = {r[0]: r[5] for r in self.rows}
        if self.chosen != "no_change":
            return t("f_fc_best", lang, model=_model(self.chosen, lang), y0=self.first, y1=self.last,
                     m=num(common[self.chosen], lang), n=self.n_common, z=num(common["no_change"], lang))
        others = sorted(v for m, v in common.items() if m != "no_change" and v == v)
        rng = num(others[0], lang) if others[0] == others[-1] else f"{num(others[0], lang)}-{num(others[-1], lang)}"
        return t("f_fc_best_nc", lang, y0=self.first, y1=self.last, m=num(common["no_change"], lang),
                 n=self.n_common, others=rng)

    def text(self, lang: str) -> str:
        parts = []
        for m, n, k, mae, z, _ in self.rows:
            s = t("f_fc_model_nc" if m == "no_change" else "f_fc_model", lang, model=_model(m, lang),
                  m=num(mae, lang), n=n, z=num(z, lang))
            parts.append(s + (", " + t("fc_interval_part", lang, k=k) if k else ""))
        body = "; ".join(parts)
        out = self.title(lang) + ". " + body[:1].upper() + body[1:] + "."
        if self.unscored:
            why = ", ".join(f"{t('fc_why_' + r, lang)} ({k})" for r, k in self.unscored)
            out += " " + t("f_fc_unscored", lang, k=sum(k for _, k in self.unscored), parts=why) + "."
        return out


def backtest_finding(data) -> ForecastBacktestFinding:
    """From :func:`spbe_analysis.forecast.backtest`."""
    f = data.forecasts
    scored = f.dropna(subset=["error"])
    rows = tuple((str(r.model), int(r.n), int(r.n_interval), float(r.mae), float(r.mae_no_change), float(r.mae_common))
                 for r in data.summary.itertuples() if r.n)
    why = f.loc[f["reason"] != "", "reason"].value_counts(sort=False)
    return ForecastBacktestFinding(data.instrument, int(scored["year"].min()), int(scored["year"].max()), data.chosen,
                                   int(data.n_common), rows, tuple((str(r), int(k)) for r, k in why.items()))


def backtest_chart(data, *, lang: str, footer: str, ax=None):
    """Mean absolute error of each model's one-step forecasts (a bar, with n) beside no change's
    error on the same forecasts (a grey bar); the title states :func:`backtest_finding`. Returns the
    axes."""
    f = backtest_finding(data)
    fig, ax, own = canvas(ax)
    h = 0.36
    for j, (m, n, k, mae, z, common) in enumerate(f.rows):
        y = len(f.rows) - 1 - j
        colour = "#0072B2" if m == f.chosen else "#56B4E9"
        ax.barh([y + h / 2], [mae], height=h, color=colour, label=t("fc_own_n", lang) if j == 1 else None)
        ax.text(mae + 0.01, y + h / 2, f"{num(mae, lang)}  ({t('lbl_fc_n', lang, n=n)})", va="center", fontsize=12)
        if m != "no_change":
            ax.barh([y - h / 2], [z], height=h, color="#bbbbbb", label=t("fc_same_no_change", lang) if j == 1 else None)
            ax.text(z + 0.01, y - h / 2, num(z, lang), va="center", fontsize=11, color="#444444")
        if common == common:
            ax.scatter([common], [y], marker="D", s=70, color="black", zorder=4,
                       label=t("fc_common_marker", lang, n=f.n_common) if j == 0 else None)
    ax.set_yticks(range(len(f.rows)), [wrap(_model(r[0], lang), 22) for r in f.rows][::-1])
    ax.set_xlim(0, max(max(r[3], r[4]) for r in f.rows) * 1.45)
    ax.set_ylim(-0.6, len(f.rows) + 0.6)                # room for the legend above the bars
    decimal_axis(ax, lang, "x", 1)
    ax.set_xlabel(t("ax_fc_mae", lang))
    ax.legend(loc="upper right", fontsize=11)
    ax.grid(axis="y", visible=False)
    finish(fig, ax, own, f.title(lang), footer, lang, adjust={"left": 0.2, "right": 0.97, "bottom": 0.14, "top": 0.86})
    return ax


@dataclass(frozen=True)
class ReachFinding:
    """Per entity: its next band and the share of draws that reached it by each year of the
    horizon up to the instrument's last year (``stopped``: the first year left out because the
    instrument had ended, None when nothing was left out), and what was varied."""

    #: entity, start value, start year, band, ((year, p), ...)
    rows: tuple[tuple[str, float, int, str, tuple[tuple[int, float], ...]], ...]
    draws: int
    n_errors: int
    model: str
    instrument: str
    error_years: tuple[int, int]
    last_year: int | None
    stopped: int | None = None

    @property
    def year(self) -> int:
        return self.rows[0][4][0][0]

    def title(self, lang: str) -> str:
        names = entity_names(lang)
        first = [(e, dict(ps)[self.year]) for e, _, _, _, ps in self.rows]
        k = sum(1 for _, p in first if p >= 0.5)
        best = max(first, key=lambda x: x[1])
        key = "f_fc_reach_last" if self.stopped is not None and self.year == self.last_year else "f_fc_reach"
        return t(key, lang, y=self.year, k=k, n=len(first), name=names.get(best[0], best[0]),
                 share=share_text(best[1], self.draws, lang), fw=t("fw_short_" + self.instrument, lang))

    def varies(self, lang: str) -> str:
        fw = t("fw_short_" + self.instrument, lang)
        out = t("fc_varies", lang, n=self.n_errors, model=_model(self.model, lang), fw=fw, y0=self.error_years[0],
                y1=self.error_years[1])
        if self.stopped is not None:
            out += ". " + t("fc_stopped", lang, y=self.last_year, fw=fw, y2=self.stopped)
        elif self.last_year is not None and any(y > self.last_year for _, _, _, _, ps in self.rows for y, _ in ps):
            out += ". " + t("fc_beyond", lang, y=self.last_year, fw=fw)
        return out

    def text(self, lang: str) -> str:
        names = entity_names(lang)
        parts = []
        for e, v, y0, band, ps in self.rows:
            (y1, p1), (y2, p2) = ps[0], ps[min(1, len(ps) - 1)]
            key = "f_fc_reach_part" if y2 != y1 else "f_fc_reach_part1"
            parts.append(t(key, lang, name=names.get(e, e), v=num(v, lang), y0=y0, band=band, y1=y1,
                           s1=share_text(p1, self.draws, lang, True), y2=y2, s2=share_text(p2, self.draws, lang, True)))
        return (self.title(lang) + ". " + t("fc_draws_note", lang, n=num(self.draws, lang, 0)) + ": " + "; ".join(parts)
                + ". " + self.varies(lang) + ".")


def reach_finding(data) -> ReachFinding:
    """From :func:`spbe_analysis.forecast.reach`: the years up to the instrument's last year only
    (at least the first year); a series that ended is not projected on as if it went on."""
    rows = []
    last = data.last_year
    later = sorted({int(y) for y in data.table["year"] if last is not None and int(y) > last})
    for e, g in data.table.groupby("entity", sort=False):
        g = g.sort_values("year")
        keep = [(int(y), float(p)) for y, p in zip(g["year"], g["p"]) if last is None or int(y) <= last]
        keep = keep or [(int(g["year"].iloc[0]), float(g["p"].iloc[0]))]
        rows.append((str(e), float(g["start"].iloc[0]), int(g["start_year"].iloc[0]), str(g["band"].iloc[0]),
                     tuple(keep)))
    shown = {y for r in rows for y, _ in r[4]}
    stopped = next((y for y in later if y not in shown), None)
    return ReachFinding(tuple(rows), int(data.draws), int(data.n_errors), data.model, data.instrument,
                        tuple(data.error_years), last, stopped)


def reach_chart(data, *, lang: str, footer: str, ax=None):
    """Per entity, bars: the share of draws that reached its next band by each year up to the
    instrument's last year (a dashed line at half the draws); when later years were left out, the
    x label says that the series ended and is not projected on. The title states
    :func:`reach_finding`. Returns the axes."""
    f = reach_finding(data)
    names = entity_names(lang)
    fig, ax, own = canvas(ax)
    years = sorted({y for r in f.rows for y, _ in r[4]})
    h = 0.7 / len(years)
    n = len(f.rows)
    for k, (e, v, y0, band, ps) in enumerate(f.rows):
        for j, (y, p) in enumerate(ps):
            yk = n - 1 - k + (len(years) - 1 - 2 * years.index(y)) * h / 2
            ax.barh(yk, 100 * p, height=h * 0.9, color=entity_colour(e), alpha=1.0 - 0.35 * years.index(y),
                    label=str(y) if k == 0 and len(years) > 1 else None)
            ax.text(100 * p + 1, yk, open_pct(p, lang), va="center", fontsize=12)
    ax.axvline(50, color="#444444", lw=1.5, ls="--")
    ax.set_yticks(range(n), [f"{names.get(e, e)}\n({num(v, lang)} → {band})" for e, v, _, band, _ in f.rows][::-1],
                  fontsize=12)
    ax.set_xlim(0, 110)
    ax.set_xticks(range(0, 101, 20))
    label = t("ax_fc_reach_by", lang, y=years[-1])
    if f.stopped is not None:
        label += "\n" + t("fc_stopped_short", lang, y=f.last_year, fw=t("fw_short_" + f.instrument, lang), y2=f.stopped)
    ax.set_xlabel(label, fontsize=13)
    if len(years) > 1:
        legend_below(ax, ncol=len(years), fontsize=12)
    ax.grid(axis="y", visible=False)
    finish(fig, ax, own, f.title(lang), footer, lang, adjust={"left": 0.2, "right": 0.95, "bottom": 0.18, "top": 0.86})
    return ax
