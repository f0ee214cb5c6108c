"""Maps from the regency boundaries (``data/geo/gorontalo_adm2.geojson``, CC BY 3.0 IGO): a
choropleth in the band colours, and a small locator map with one regency highlighted. Every map
carries the attribution line of the boundary data."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as MplPath

from ..data import load_boundaries
from ..frameworks import Framework, as_framework
from ..labels import entity_names, num, t
from ..scoring import predicate
from .style import band_colour, canvas, entity_colour, fill_width, finish

LOCATOR = (8.0, 4.5)   # 16:9, a quarter slide


def _path(polygon: list[list[tuple[float, float]]]) -> MplPath:
    verts, codes = [], []
    for ring in polygon:
        verts += ring
        codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 2) + [MplPath.CLOSEPOLY]
    return MplPath(np.asarray(verts), codes)


def _area_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    x, y = np.asarray(ring).T
    cross = x[:-1] * y[1:] - x[1:] * y[:-1]
    a = cross.sum() / 2
    if a == 0:
        return 0.0, float(x.mean()), float(y.mean())
    return abs(a), float(((x[:-1] + x[1:]) * cross).sum() / (6 * a)), float(((y[:-1] + y[1:]) * cross).sum() / (6 * a))


def label_points() -> dict[str, tuple[float, float]]:
    """A label position per regency: the centroid of its largest polygon's outer ring."""
    out = {}
    for code, polys in load_boundaries().items():
        best = max((_area_centroid(p[0]) for p in polys), key=lambda c: c[0])
        out[code] = (best[1], best[2])
    return out


def _draw(ax, colours: dict[str, str], edge: str = "white", lw: float = 1.5) -> None:
    for code, polys in load_boundaries().items():
        for poly in polys:
            ax.add_patch(PathPatch(_path(poly), facecolor=colours.get(code, "#dddddd"), edgecolor=edge, lw=lw,
                                   zorder=2))
    ax.autoscale_view()
    ax.set_aspect(1.0)   # near the equator one degree of longitude ~ one degree of latitude
    ax.set_axis_off()


@dataclass(frozen=True)
class MapFinding:
    """Where the regencies of the lowest band lie (west or east of the others)."""

    band: str
    lowest: tuple[str, ...]
    west: bool
    year: int

    def title(self, lang: str) -> str:
        names = entity_names(lang)
        who = f" {t('and', lang)} ".join(names.get(c, c) for c in self.lowest)
        if self.west:
            return t("f_map_west", lang, band=self.band, who=who)
        return t("f_map", lang, year=self.year)

    def text(self, lang: str) -> str:
        return self.title(lang) + "."


def map_finding(values: pd.Series, framework: Framework | str, year: int) -> MapFinding:
    """Whether the regencies of the lowest band lie west of all the others (label points of the
    boundary polygons)."""
    fw = as_framework(framework)
    bands = {c: predicate(float(v), fw) for c, v in values.items()}
    order = list(fw.band_names("id"))
    low = min(bands.values(), key=order.index)
    lowest = tuple(c for c, b in bands.items() if b == low)
    pts = label_points()
    others = [c for c in values.index if c not in lowest]
    west = bool(others) and max(pts[c][0] for c in lowest) < min(pts[c][0] for c in others)
    return MapFinding(low, lowest, west, int(year))


def map_chart(data, *, lang: str, footer: str, ax=None):
    """Regencies filled with the colour of their predicate band, labelled with name and value
    (``data``: a :class:`~spbe_analysis.figures.snapshot.YearValues`); the title states
    :func:`map_finding`, the footer ends with the boundaries' attribution. Returns the axes."""
    values, fw, year = data.values, as_framework(data.framework), data.year
    f = map_finding(values, fw, year)
    names = entity_names(lang)
    fig, ax, own = canvas(ax)
    _draw(ax, {c: band_colour(fw, predicate(float(v), fw)) for c, v in values.items()}, edge="#444444", lw=1.2)
    pts = label_points()
    for c, v in values.items():
        x, y = pts[c]
        small = _small(c)
        ax.annotate(f"{names.get(c, c)}\n{num(float(v), lang)} {predicate(float(v), fw)}", (x, y), ha="center",
                    va="center", fontsize=13, fontweight="bold", zorder=4,
                    xytext=(-10, -75) if small else (0, 0), textcoords="offset points",
                    arrowprops=dict(arrowstyle="-", color="#333333") if small else None,
                    bbox=dict(facecolor="white", edgecolor="none", alpha=0.75, pad=1.5))
    shown = [b for b in fw.band_names("id") if b in {predicate(float(v), fw) for v in values}]
    ax.legend(handles=[Patch(facecolor=band_colour(fw, b), edgecolor="#444444", label=b) for b in shown],
              loc="lower left", title=t("col_predicate", lang) + f" {year}", fontsize=13, title_fontsize=13)
    credit = t("map_attribution", lang)   # the licence's attribution, in the page's language
    finish(fig, ax, own, f.title(lang), f"{footer}; {credit}" if footer else credit, lang,
           adjust={"left": 0.02, "right": 0.98, "bottom": 0.1, "top": 0.88})
    return ax


def _small(code: str, share: float = 0.08) -> bool:
    """Whether the regency's extent is under ``share`` of the province's (too small to see on a
    locator map without a mark)."""
    def extent(polys):
        xs = [p[0] for poly in polys for ring in poly for p in ring]
        ys = [p[1] for poly in polys for ring in poly for p in ring]
        return max(max(xs) - min(xs), max(ys) - min(ys))
    b = load_boundaries()
    return extent(b[code]) < share * extent([poly for polys in b.values() for poly in polys])


@dataclass(frozen=True)
class LocatorFinding:
    """Where a regency lies: its name on a locator map of the province."""

    code: str

    def title(self, lang: str) -> str:
        return t("locator_title", lang, name=entity_names(lang).get(self.code, self.code))

    def text(self, lang: str) -> str:
        return self.title(lang) + "."


def locator_finding(code: str) -> LocatorFinding:
    """The locator map's title of ``code`` (a BPS code of one of the six regencies)."""
    if code not in load_boundaries():
        from ..errors import DataError
        raise DataError("code argument", "the BPS code of one of the six regencies", value=code)
    return LocatorFinding(str(code))


def locator_chart(code: str, *, lang: str, footer: str, ax=None):
    """A small map (a quarter slide) of the province with ``code`` highlighted in its fixed colour;
    the title states :func:`locator_finding`; the footer (may be empty) ends with the attribution
    line of the boundaries. Returns the axes."""
    names = entity_names(lang)
    f = locator_finding(code)
    fig, ax, own = canvas(ax, LOCATOR)
    _draw(ax, {c: (entity_colour(c) if c == code else "#e0e0e0") for c in load_boundaries()}, edge="#777777", lw=0.8)
    x, y = label_points()[code]
    if _small(code):
        # a regency too small to see at this scale (Kota Gorontalo): a ring marks it, the label sits beside it
        ax.scatter([x], [y], s=700, facecolors="none", edgecolors=entity_colour(code), linewidths=3, zorder=5)
        ax.annotate(names.get(code, code), (x, y), xytext=(0, -70), textcoords="offset points", ha="center",
                    va="center", fontsize=14, fontweight="bold", zorder=4,
                    arrowprops=dict(arrowstyle="-", color="#333333"),
                    bbox=dict(facecolor="white", edgecolor="none", alpha=0.8, pad=1.5))
    else:
        ax.annotate(names.get(code, code), (x, y), ha="center", va="center", fontsize=14, fontweight="bold", zorder=4,
                    bbox=dict(facecolor="white", edgecolor="none", alpha=0.8, pad=1.5))
    if not own:
        return ax
    fig.suptitle(fill_width(f.title(lang), fig.get_figwidth() * 0.96, 17, bold=True), x=0.02, y=0.97, ha="left",
                 va="top", fontsize=17, fontweight="bold")
    credit = t("map_attribution", lang)
    note = f"{footer}; {credit}" if footer else credit
    fig.text(0.01, 0.01, fill_width(note, fig.get_figwidth() * 0.97, 8), fontsize=8, color="#444444", va="bottom")
    fig.subplots_adjust(left=0.02, right=0.98, bottom=0.12, top=0.86)
    return ax
