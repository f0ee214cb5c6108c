"""The figure system: one style, fixed colour-blind-safe colours, 16:9 sizes, titles that state
the finding, footers with the source (and the illustrative or unofficial label), and
:func:`save_figure`, which writes PNG (200 dpi) and SVG with deterministic bytes to
``figures/<lang>/<name>.{png,svg}``.

Every chart of the family modules has one signature, ``xxx_chart(data, *, lang, footer, ax=None)``,
and returns the axes it drew into (an array of axes for charts of several panels): ``data`` is
one object (a table, or a small dataclass bundling what the chart needs), from which the chart
computes (or receives) its finding, ``xxx_finding``, whose title it writes. Given an axes, a chart
draws into it (several panels split its area) and leaves the figure's title and footer to the
caller; without one it creates a slide-size figure with the finding as title and ``footer`` as the
footer. :func:`show` takes the axes (or a figure) and saves its figure.
"""
from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter

from ..checks import lang as check_lang
from ..config import figures_dir
from ..errors import DataError
from ..labels import num, pct, t

STYLE = Path(__file__).resolve().parent / "spbe.mplstyle"

#: Slide sizes in inches (16:9 slide of 13.33 x 7.5 in).
FULL = (13.33, 7.5)
HALF = (6.67, 7.5)

#: Fixed colour per entity (Okabe-Ito palette, colour-blind safe), keyed by BPS code.
ENTITY_COLOURS = {
    "7501": "#D55E00",  # Boalemo: vermillion
    "7502": "#E69F00",  # Kab. Gorontalo: orange
    "7503": "#CC79A7",  # Pohuwato: reddish purple
    "7504": "#009E73",  # Bone Bolango: bluish green
    "7505": "#56B4E9",  # Gorontalo Utara: sky blue
    "7571": "#0072B2",  # Kota Gorontalo: blue
    "75": "#000000",    # Province: black
    "IDN": "#7f7f7f",   # National: grey
    "IDN-RPJMN": "#7f7f7f",
}

#: Fixed colours for predicate bands, by rank (1 = lowest): a single-hue sequential ramp
#: (ColorBrewer YlGnBu), distinguishable by lightness for every colour-vision type.
BAND_COLOURS = {1: "#ffffcc", 2: "#c7e9b4", 3: "#7fcdbb", 4: "#41b6c4", 5: "#2c7fb8"}
BAND_TEXT = {1: "#5a5a00", 2: "#2b6b18", 3: "#15665a", 4: "#0b5560", 5: "#0c3d63"}
#: Colours of domains (SPBE 2020) or aspects (PEMDI), Okabe-Ito.
GROUP_COLOURS = {0: "#0072B2", 1: "#0072B2", 2: "#E69F00", 3: "#CC79A7", 4: "#009E73", 5: "#56B4E9",
                 6: "#D55E00", 7: "#F0E442", 8: "#999999"}
ILLUSTRATIVE_RED = "#b2182b"


def use_style() -> None:
    """Apply the package style to matplotlib globally (notebooks call this once)."""
    plt.style.use(str(STYLE))


def entity_colour(code: str) -> str:
    """The fixed colour of an entity (BPS code); dark grey for any other."""
    return ENTITY_COLOURS.get(str(code), "#444444")


def band_colour(framework: Any, name: str) -> str:
    """Fill colour of the band called ``name`` in ``framework``."""
    rank = dict(zip(framework.bands["predicate"], framework.bands["rank"]))
    return BAND_COLOURS[int(rank[name])]


def band_spans(ax: Axes, framework: Any, orientation: str = "h", alpha: float = 0.55, label: bool = True,
               lo: float | None = None, hi: float | None = None) -> None:
    """Shade the predicate bands of ``framework`` behind the data (horizontal bands for a value
    axis on y: ``orientation="h"``; on x: ``"v"``) and name them (official names) at the edge."""
    for b in framework.bands.itertuples():
        a, z = float(b.lower), float(b.upper)
        if lo is not None and z <= lo or hi is not None and a >= hi:
            continue
        a2, z2 = max(a, lo) if lo is not None else a, min(z, hi) if hi is not None else z
        span = ax.axhspan if orientation == "h" else ax.axvspan
        span(a2, z2, color=BAND_COLOURS[int(b.rank)], alpha=alpha, lw=0, zorder=0)
        if label:
            mid = (a2 + z2) / 2
            name = b.predicate.split(" (")[0]
            if orientation == "h":
                ax.text(1.005, mid, name, transform=ax.get_yaxis_transform(), va="center", ha="left",
                        fontsize=13, color=BAND_TEXT[int(b.rank)], fontweight="bold")
            else:
                ax.text(mid, 1.01, name, transform=ax.get_xaxis_transform(), va="bottom", ha="center",
                        fontsize=13, color=BAND_TEXT[int(b.rank)], fontweight="bold")


class DecimalFormatter(Formatter):
    """Tick labels with a decimal comma in Bahasa Indonesia (a point in English), with at least
    ``decimals`` decimals and as many more (up to 4) as the ticks need to read distinct and exact."""

    def __init__(self, lang: str, decimals: int = 1):
        self.lang, self.decimals = lang, decimals

    def _places(self, values) -> int:
        """Enough decimals for the labels to read distinct and to state each tick exactly (a tick
        at 2.5 never reads "3")."""
        d = self.decimals
        vals = [float(v) for v in values]
        scale = max([abs(v) for v in vals] + [1.0])
        while d < 4 and (len({num(v, self.lang, d) for v in vals}) < len(vals)
                         or any(abs(round(v, d) - v) > 1e-9 * scale for v in vals)):
            d += 1
        return d

    def __call__(self, x: float, pos: int | None = None) -> str:
        return num(float(x), self.lang, self._places(self.locs) if len(self.locs) else self.decimals)

    def format_ticks(self, values) -> list[str]:
        d = self._places(values)
        return [num(float(v), self.lang, d) for v in values]


def decimal_axis(ax: Axes, lang: str, axis: str = "x", decimals: int = 1) -> None:
    """Tick labels with a decimal comma in Bahasa Indonesia (and a point in English); more
    decimals where the ticks are closer than ``decimals`` can tell apart."""
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(DecimalFormatter(lang, decimals))


#: Raster text (hinted at 200 dpi) runs up to a few percent wider than its outline; widths are
#: padded by this factor so that wrapped text fits in the PNG as well as in the SVG.
RASTER_SLACK = 1.05


def stacked_shares(ax: Axes, y: Any, parts: list, lang: str, label_from: float = 7.0, fontsize: int = 12,
                   height: float = 0.6, skip_empty: bool = True) -> None:
    """Horizontal bars stacked to 100 %: ``parts`` is a list of (label, colour, percentages per
    bar); each segment of at least ``label_from`` percent is labelled with its share."""
    import numpy as np

    left = np.zeros(len(y))
    for label, colour, vals in parts:
        vals = np.asarray(vals, dtype=float)
        if skip_empty and not vals.any():
            continue
        ax.barh(y, vals, left=left, color=colour, edgecolor="white", height=height, label=label)
        for yi, l0, v in zip(y, left, vals):
            if v >= label_from:
                ax.text(l0 + v / 2, yi, pct(v / 100, lang), ha="center", va="center", fontsize=fontsize)
        left += vals


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in inches of one line of ``text`` in the style's font, padded by
    :data:`RASTER_SLACK` (renderer-independent)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    props = FontProperties(family=matplotlib.rcParams["font.family"], size=size, weight="bold" if bold else "normal")
    return text_to_path.get_text_width_height_descent(text, props, ismath=False)[0] / 72.0 * RASTER_SLACK


def fill_width(text: str, width_in: float, size: float, bold: bool = False) -> str:
    """Greedy word wrap of ``text`` to lines at most ``width_in`` inches wide."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(lines[-1] + " " + word, size, bold) <= width_in:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def add_footer(fig: Figure, source: str, lang: str = "id", illustrative: bool = False,
               unofficial: bool = False) -> list:
    """Footer: the source of the data, left; a bold ILLUSTRATIVE (and/or UNOFFICIAL) note, right,
    when they are. The source is wrapped to the width the note leaves free, so the two never overlap."""
    marks = [t(k, lang) for k, on in (("illustrative", illustrative), ("unofficial", unofficial)) if on]
    taken = 0.0
    out = []
    if marks:
        out.append(fig.text(0.99, 0.012, "\n".join(marks), ha="right", va="bottom", fontsize=12, color=ILLUSTRATIVE_RED,
                 fontweight="bold"))
        taken = max(text_width(m, 12, bold=True) for m in marks) + 0.3
    free = fig.get_figwidth() * 0.97 - taken
    out.append(fig.text(0.01, 0.012, fill_width(f"{t('source', lang)}: {source}", free, 11), ha="left", va="bottom",
                        fontsize=11, color="#444444"))
    return out


TITLE_SIZE = 20


def set_title(fig: Figure, text: str) -> None:
    """The figure's title (the finding), left-aligned over the whole figure, wrapped to the
    canvas width (measured in the style's bold font, so that no line runs off the slide)."""
    fig.suptitle(fill_width(text, fig.get_figwidth() * 0.97, TITLE_SIZE, bold=True), x=0.01, y=0.985, ha="left",
                 va="top", fontsize=TITLE_SIZE, fontweight="bold")


def wrap(label: str, width: int = 34) -> str:
    """Wrap a tick label onto several lines."""
    return textwrap.fill(str(label), width)


def new_figure(size: tuple[float, float] = FULL, **kwargs: Any) -> tuple[Figure, Any]:
    """A styled figure and axes of slide size."""
    with plt.style.context(str(STYLE)):
        fig, ax = plt.subplots(figsize=size, **kwargs)
    return fig, ax


def canvas(ax: Axes | None, size: tuple[float, float] = FULL) -> tuple[Figure, Axes, bool]:
    """(figure, axes, own): a new slide figure when ``ax`` is None (``own`` True), else the
    given axes and its figure."""
    if ax is None:
        fig, ax = new_figure(size)
        return fig, ax, True
    return ax.figure, ax, False


def panels(ax: Axes | None, nrows: int, ncols: int, size: tuple[float, float] = FULL, **kwargs: Any):
    """(figure, 2-d array of axes, own) for a chart of several panels: a new slide figure when
    ``ax`` is None (``own`` True); else the area of the caller's ``ax`` split into the panels
    (``ax`` itself is removed). ``kwargs``: ``sharex``, ``sharey``, ``gridspec_kw`` as for
    :func:`matplotlib.pyplot.subplots`."""
    import numpy as np

    if ax is None:
        with plt.style.context(str(STYLE)):
            fig, axes = plt.subplots(nrows, ncols, figsize=size, squeeze=False, **kwargs)
        return fig, axes, True
    fig = ax.figure
    spec = ax.get_subplotspec()
    gkw = dict(kwargs.get("gridspec_kw") or {})
    if spec is not None:
        gs = spec.subgridspec(nrows, ncols, **gkw)
    else:
        from matplotlib.gridspec import GridSpec
        b = ax.get_position()
        gs = GridSpec(nrows, ncols, figure=fig, left=b.x0, right=b.x1, bottom=b.y0, top=b.y1, **gkw)
    ax.remove()
    axes = np.empty((nrows, ncols), dtype=object)
    for i in range(nrows):
        for j in range(ncols):
            share = {}
            if kwargs.get("sharex") and (i or j):
                share["sharex"] = axes[0, 0]
            if kwargs.get("sharey") and (i or j):
                share["sharey"] = axes[0, 0]
            axes[i, j] = fig.add_subplot(gs[i, j], **share)
    return fig, axes, False


def finish(fig: Figure, ax: Any, own: bool, title: str, source: str, lang: str, illustrative: bool = False,
           unofficial: bool = False, adjust: dict | None = None) -> Any:
    """Title and footer for a figure the chart created itself; return the figure (or the axes
    when drawing into a caller's axes). Charts return their axes whatever this returns."""
    if not own:
        return ax
    if illustrative:
        title += t("illustrative_short", lang)
    set_title(fig, title)
    fig.subplots_adjust(**(adjust or {"left": 0.17, "right": 0.97, "bottom": 0.14, "top": 0.86}))
    footer = add_footer(fig, source, lang, illustrative=illustrative, unofficial=unofficial)
    fit_between(fig, fig._suptitle, footer)
    return fig


def fit_between(fig: Figure, title: Any, footer: list, pad: float = 0.012) -> None:
    """Move the plotting area (and a figure-wide x label) so that nothing of it runs into the
    title above or the footer below: a long title or a footer wrapped onto three lines pushes the
    axes, their tick labels and legends inwards instead of drawing over them."""
    r = fig.canvas.get_renderer()
    height = fig.bbox.height
    boxes = [a.get_tightbbox(r) for a in fig.axes if a.get_visible()]
    boxes = [b for b in boxes if b is not None]
    if not boxes:
        return
    sx = getattr(fig, "_supxlabel", None)
    low = min([b.y0 for b in boxes] + ([sx.get_window_extent(r).y0] if sx is not None else [])) / height
    high = max(b.y1 for b in boxes) / height
    floor = max((f.get_window_extent(r).y1 for f in footer), default=0.0) / height + pad
    ceiling = (title.get_window_extent(r).y0 / height - pad) if title is not None else 1.0
    sp = fig.subplotpars
    up = max(0.0, floor - low)
    down = max(0.0, high - ceiling)
    if up or down:
        fig.subplots_adjust(bottom=sp.bottom + up, top=sp.top - down)
        if sx is not None and up:
            sx.set_y(sx.get_position()[1] + up)


def save_figure(fig: Figure, name: str, lang: str = "id", folder: Path | None = None) -> list[Path]:
    """Write ``fig`` as ``<figures>/<lang>/<name>.png`` (200 dpi) and ``.svg``.

    Bytes are deterministic: no timestamps or software stamp in the metadata, a fixed SVG
    hash salt, so a rebuild on the same machine gives identical files.
    """
    lang = check_lang(lang)
    if not isinstance(name, str) or not name or "/" in name or name.endswith((".png", ".svg")):
        raise DataError("name argument", "a bare file stem such as '02_ranked_2024'", value=name)
    out = (folder or figures_dir()) / lang
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{name}.png", out / f"{name}.svg"]
    from ..pages import figure_alt

    title = {"Title": figure_alt(fig)} if figure_alt(fig) else {}   # the finding, for the index's captions
    with matplotlib.rc_context({"svg.hashsalt": "spbe-gorontalo", "svg.fonttype": "path"}):
        fig.savefig(paths[0], dpi=200, metadata={"Software": None, **title})
        fig.savefig(paths[1], metadata={"Date": None, "Creator": None, **title})
    return paths


def figure_of(obj: Any) -> Figure:
    """The figure of a chart's result: a figure, an axes, or an array (or list) of axes."""
    if isinstance(obj, Figure):
        return obj
    if isinstance(obj, Axes):
        return obj.figure
    try:
        import numpy as np
        first = np.asarray(obj, dtype=object).ravel()[0]
    except (TypeError, IndexError):
        first = None
    if isinstance(first, Axes):
        return first.figure
    raise DataError("figure argument", "a figure, an axes or an array of axes (what a chart returns)",
                    value=type(obj).__name__)


def show(obj: Any, name: str, lang: str) -> Figure:
    """Save the figure of ``obj`` (a chart's axes, or a figure) for ``lang`` and hand the figure
    back for display in the notebook (closed for pyplot, so that it is shown exactly once)."""
    fig = figure_of(obj)
    save_figure(fig, name, lang)
    plt.close(fig)
    return fig




def published_footer(ctx: Any, years: Any = None) -> str:
    """The footer of a chart of published values only: the sources of the published values
    (regencies, province, nation) of ``years`` (default: the context's year) of a
    :class:`~spbe_analysis.context.Context`, without the illustrative profiles or the sheet its
    :attr:`footer` also names."""
    from ..tables import footer_note

    pub = ctx.published
    ys = [int(ctx.year)] if years is None else sorted({int(y) for y in years})
    codes = tuple(ctx.codes) + (ctx.province_code, ctx.national_code)
    used = pub[pub["year"].isin(ys) & pub["entity_id"].isin(codes)]
    span = str(ys[0]) if len(ys) == 1 else f"{ys[0]}-{ys[-1]}"
    return footer_note(used, f"{t('fw_short_' + ctx.framework.name, ctx.lang)} {span}", ctx.lang)


def legend_below(ax: Axes, ncol: int = 2, fontsize: float = 12, **kwargs: Any) -> Any:
    """The legend under the axes (below its x label), clear of the data; :func:`finish` keeps it
    above the footer."""
    return ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=ncol, fontsize=fontsize, **kwargs)
