"""The PEMDI moves that hold in every scenario, as page 07 charts them and pages 05 and the briefs
state them: each move named by its indicator and level (never a bare code), the moves that hold
(robust) and those within the simulation error of the threshold (borderline), and the number of
draws behind them. The chart is ``robust_moves_chart(data, *, lang, footer, ax=None)`` with its
``robust_moves_finding(data)``; :mod:`spbe_analysis.figures.robustness` re-exports them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..labels import entity_names, num, open_pct, pct, t
from .pagetext import indicator_name, move_name
from .style import entity_colour, fill_width, finish, panels, text_width

#: The framework whose indicators the moves raise.
MOVES_FRAMEWORK = "pemdi2026"


def move_label(indicator: str, level: int, lang: str) -> str:
    """A move as a chart label: the PEMDI indicator's name (or a shared work item's title) and its
    target level, e.g. "Tingkat Pengelolaan Kepuasan Pengguna → level 2".

    Examples
    --------
    >>> move_label("I20", 2, "id")
    'Tingkat Pengelolaan Kepuasan Pengguna → level 2'
    """
    return t("rob_move_label", lang, name=indicator_name(indicator, lang), l=level)


def wrap_move(indicator: str, level: int, lang: str, width_in: float, size: float = 11) -> str:
    """:func:`move_label` wrapped to lines at most ``width_in`` inches wide, the target level
    ("→ level 2") kept whole on the last line."""
    name = move_label(indicator, level, lang)
    tail = t("rob_move_label", lang, name="", l=level).strip()
    words = name[: len(name) - len(tail)].split() + [tail]
    lines: list[str] = []
    for w in words:
        if lines and text_width(lines[-1] + " " + w, size) <= width_in:
            lines[-1] += " " + w
        else:
            lines.append(w)
    return "\n".join(lines)


@dataclass(frozen=True)
class RobustMovesData:
    """What :func:`robust_moves_chart` draws: :func:`spbe_analysis.robust.robust_moves` (or the
    cached one), the cycle its first-cycle moves belong to, and how many moves the chart shows
    (those with the highest share under their worst table in any regency; every move that holds
    in every scenario or is borderline is shown)."""

    moves: Any
    cycle: int = 2027
    top: int = 8


@dataclass(frozen=True)
class RobustMovesFinding:
    """Which regencies have first-cycle PEMDI moves that hold in every scenario (in at least
    ``threshold`` of the optimal plans under every assumption table), with what varied."""

    codes: tuple
    robust: tuple            # (code, ((indicator, level, min_share, plans_total), ...))
    threshold: float
    n_draws: int
    n_tables: int
    max_mc_error: float
    varied: tuple
    basis: tuple             # (code, basis)
    cycle: int
    borderline: tuple = ()   # (code, ((indicator, level, min_share, n), ...)): within the random error of the threshold
    max_draws: int = 0       # the most draws a regency and scenario got (the draws grow where a share is near the threshold)

    def title(self, lang: str) -> str:
        k = sum(1 for _, m in self.robust if m)
        return t("f_robust_moves_title", lang, k=k, n=len(self.codes), cycle=self.cycle)

    def _share(self, p: float, n: int, lang: str) -> str:
        if p >= 1:
            return t("f_robust_in_all", lang, n=num(n, lang, 0))
        return t("f_robust_min_share", lang, p=open_pct(p, lang))

    def lines(self, lang: str) -> list[str]:
        """One line per regency: its robust moves by name, or that it has none."""
        names = entity_names(lang)
        basis = dict(self.basis)
        out = []
        near = dict(self.borderline)
        for code, moves in self.robust:
            who = names.get(code, code)
            if basis.get(code, "projected") != "projected":
                who += f" ({t('f_robust_sheet', lang)})"
            nb = "; ".join(f"{move_name(i, lv, lang)}, {t('f_robust_min_share', lang, p=open_pct(p, lang))}"
                           for i, lv, p, _ in near.get(code, ()))
            if moves:
                ms = "; ".join(f"{move_name(i, lv, lang)}, {self._share(p, n, lang)}" for i, lv, p, n in moves)
                line = t("f_robust_moves_who", lang, who=who, moves=ms)
                out.append(line + (t("f_robust_also_borderline", lang, moves=nb) if nb else ""))
            elif nb:
                out.append(t("f_robust_moves_borderline", lang, who=who, moves=nb, p=pct(self.threshold, lang)))
            else:
                out.append(t("f_robust_moves_none", lang, who=who))
        return out

    def text(self, lang: str) -> str:
        varied = ", ".join(t(k, lang) for k in self.varied)
        head = t("f_robust_moves_text", lang, cycle=self.cycle, p=pct(self.threshold, lang), tables=self.n_tables,
                 varied=varied, n=draws_range(self.n_draws, self.max_draws, lang), e=pct(self.max_mc_error, lang, 1))
        return self.title(lang) + ". " + head + ". " + ". ".join(self.lines(lang)) + "."


def robust_moves_finding(data: RobustMovesData | Any) -> RobustMovesFinding:
    """From a :class:`RobustMovesData` (or the robust-moves result itself, first cycle 2027)."""
    data = data if isinstance(data, RobustMovesData) else RobustMovesData(data)
    r = data.moves
    codes = tuple(r.basis)
    rob = r.robust
    per = tuple((c, tuple((x.indicator, int(x.level), float(x.min_share), int(x.plans_total))
                          for x in rob[rob["code"] == c].itertuples())) for c in codes)
    bl = r.moves[r.moves["borderline"]] if "borderline" in r.moves else r.moves.iloc[:0]
    near = tuple((c, tuple((x.indicator, int(x.level), float(x.min_share), int(x.n))
                           for x in bl[bl["code"] == c].itertuples())) for c in codes)
    return RobustMovesFinding(codes, per, r.threshold, r.n_draws, len(r.tables), r.max_mc_error, tuple(r.varied),
                              tuple(r.basis.items()), int(data.cycle), near,
                              int(getattr(r, "max_draws", r.n_draws)))


def robust_short(moves: RobustMovesFinding, lang: str = "id") -> str:
    """The moves that hold in every scenario in one short finding: each move by name, in how many
    of the regencies, and how far the shares may be off by chance (in percentage points)."""
    count: dict = {}
    for _, ms in moves.robust:
        for i, lv, _, _ in ms:
            count[(i, lv)] = count.get((i, lv), 0) + 1
    n = len(moves.codes)
    parts = "; ".join(t("rob_short_part", lang, move=move_name(i, lv, lang), k=k, n=n)
                      for (i, lv), k in sorted(count.items(), key=lambda x: -x[1]))
    e = num(100 * moves.max_mc_error, lang, 0)
    if not parts:
        return t("rob_short_none", lang, cycle=moves.cycle, p=pct(moves.threshold, lang)) + "."
    return t("rob_short", lang, cycle=moves.cycle, parts=parts, p=pct(moves.threshold, lang), e=e) + "."


def draws_range(first: int, most: int, lang: str) -> str:
    """"16" or "16–64": the draws of the first round, and the most any table got.

    Examples
    --------
    >>> draws_range(16, 64, "id"), draws_range(16, 16, "en")
    ('16–64', '16')
    """
    if most <= first:
        return num(first, lang, 0)
    return f"{num(first, lang, 0)}\u2013{num(most, lang, 0)}"


def shown_moves(r: Any, top: int = 8) -> list[tuple[str, int]]:
    """The (indicator, level) rows of :func:`robust_moves_chart`: every move that holds in every
    scenario or is borderline in some regency, then the others by their highest share under the
    worst table in any regency, ``top`` at most (more only when more moves are robust or
    borderline)."""
    m = r.moves[r.moves["min_share"] > 0].copy()
    if not len(m):
        return []
    m["marked"] = m["robust"].astype(bool) | (m["borderline"].astype(bool) if "borderline" in m else False)
    g = m.groupby(["indicator", "level"]).agg(marked=("marked", "any"), best=("min_share", "max")).reset_index()
    g = g.sort_values(["marked", "best", "indicator"], ascending=[False, False, True])
    keep = max(int(top), int(g["marked"].sum()))
    return [(str(x.indicator), int(x.level)) for x in g.head(keep).itertuples()]


def robust_moves_chart(data: RobustMovesData, *, lang: str, footer: str, ax=None):
    """One panel per regency side by side, one row per move (named once, at the left, by the
    indicator's name and target level): the share of optimal plans containing the move under its
    worst table, the robust ones in the regency's colour with a star and the borderline ones
    (within the random error of the threshold) hatched with an open star; the dashed line is the
    threshold. The title states :func:`robust_moves_finding`. Returns the axes (one per regency)."""
    data = data if isinstance(data, RobustMovesData) else RobustMovesData(data)
    r = data.moves
    finding = robust_moves_finding(data)
    names = entity_names(lang)
    codes = list(finding.codes)
    rows = shown_moves(r, data.top)
    fig, axes, own = panels(ax, 1, max(len(codes), 1), sharex=True, sharey=True)
    y = np.arange(len(rows))
    borderline = False
    label_width = fig.get_figwidth() * 0.26
    for k, a in enumerate(axes.flat):
        if k >= len(codes):
            a.set_visible(False)
            continue
        c = codes[k]
        mc = r.moves[r.moves["code"] == c].set_index(["indicator", "level"])
        col = entity_colour(c)
        drawn = 0
        for yi, (i, lv) in zip(y, rows):
            if (i, lv) not in mc.index:
                continue
            x = mc.loc[(i, lv)]
            if isinstance(x, pd.DataFrame):
                x = x.iloc[0]
            share, robust = float(x["min_share"]), bool(x["robust"])
            near = bool(x["borderline"]) if "borderline" in x.index else False
            if share <= 0:
                continue
            drawn += 1
            bar = a.barh([yi], [share * 100], color=col if robust else "#c8c8c8", height=0.7)[0]
            if near and not robust:     # within the random error of the threshold: neither robust nor ruled out
                bar.set(facecolor=col, alpha=0.4, hatch="//", edgecolor="white")
                borderline = True
            if robust or near:
                a.text(share * 100 + 3, yi, "\u2605" if robust else "\u2606", va="center", fontsize=13)
        a.axvline(r.threshold * 100, color="black", lw=1, ls="--")
        a.set_xlim(0, 118)
        a.set_xticks([0, 50, 100])
        a.set_title(fill_width(names.get(c, c), 1.3, 12), fontsize=12)
        a.grid(axis="y", visible=False)
        if k == 0:
            a.set_yticks(y, [wrap_move(i, lv, lang, label_width) for i, lv in rows], fontsize=11)
        else:
            a.tick_params(axis="y", labelleft=False, left=False)
        a.set_ylim(max(len(rows), 1) - 0.5, -0.5)
        if not drawn:
            a.text(50, 0.5, "\u2013", ha="center", va="center", transform=a.get_xaxis_transform())
    if own:
        marks = [t("lg_robust_marked", lang, p=pct(r.threshold, lang))]
        if borderline:
            marks.append(t("rob_lg_borderline", lang, p=pct(r.threshold, lang)))
        fig.supxlabel(t("rob_ax_moves", lang) + "\n" + "  \u00b7  ".join(marks), fontsize=12)
    finish(fig, axes, own, finding.title(lang), footer, lang, illustrative=r.illustrative, unofficial=True,
           adjust={"left": 0.30, "right": 0.98, "bottom": 0.16, "top": 0.84, "wspace": 0.12})
    return axes


__all__ = ["MOVES_FRAMEWORK", "RobustMovesData", "RobustMovesFinding", "draws_range", "move_label", "robust_moves_chart", "robust_moves_finding", "robust_short", "shown_moves", "wrap_move"]
