"""The figure system: one style, fixed colour-blind-safe colours, 16:9 sizes, footers and
:func:`save_figure`, which writes PNG (200 dpi) and SVG with deterministic bytes to
``figures/<lang>/<name>.{png,svg}``.
"""
from __future__ import annotations

import contextlib
import textwrap
from pathlib import Path
from typing import Iterator

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from .config import PACKAGE_DIR, figures_dir
from .labels import LANGS, t

STYLE = PACKAGE_DIR / "spbe.mplstyle"

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


def use_style() -> None:
    """Apply the package style to matplotlib globally (notebooks call this once)."""
    plt.style.use(str(STYLE))


@contextlib.contextmanager
def styled() -> Iterator[None]:
    with plt.style.context(str(STYLE)):
        yield


def entity_colour(code: str) -> str:
    return ENTITY_COLOURS.get(str(code), "#444444")


def band_spans(ax, framework, orientation: str = "h", alpha: float = 0.55, label: bool = True,
               lang: str = "id", lo: float | None = None, hi: float | None = None) -> None:
    """Shade the predicate bands of ``framework`` behind the data (horizontal bands for a
    value axis on y: ``orientation="h"``; on x: ``"v"``) and name them at the edge."""
    names = framework.band_names(lang)
    for (_, b), name in zip(framework.bands.iterrows(), names):
        a, z = float(b["lower"]), float(b["upper"])
        if lo is not None and z <= lo or hi is not None and a >= hi:
            continue
        a2, z2 = max(a, lo) if lo is not None else a, min(z, hi) if hi is not None else z
        span = ax.axhspan if orientation == "h" else ax.axvspan
        span(a2, z2, color=BAND_COLOURS[int(b["rank"])], alpha=alpha, lw=0, zorder=0)
        if label:
            mid = (a2 + z2) / 2
            if orientation == "h":
                ax.text(1.005, mid, name, transform=ax.get_yaxis_transform(), va="center", ha="left",
                        fontsize=13, color=BAND_TEXT[int(b["rank"])], fontweight="bold")
            else:
                ax.text(mid, 1.01, name, transform=ax.get_xaxis_transform(), va="bottom", ha="center",
                        fontsize=13, color=BAND_TEXT[int(b["rank"])], fontweight="bold")


def add_footer(fig: Figure, source: str, lang: str = "id", illustrative: bool = False) -> None:
    """Footer: source and year of the data; a bold ILLUSTRATIVE note when the data are."""
    text = f"{t('source', lang)}: {source}"
    fig.text(0.01, 0.012, text, ha="left", va="bottom", fontsize=11, color="#444444", wrap=True)
    if illustrative:
        fig.text(0.99, 0.012, t("illustrative", lang), ha="right", va="bottom", fontsize=12,
                 color="#b2182b", fontweight="bold")


def set_title(fig: Figure, text: str, width: int = 78) -> None:
    """The figure's title (the finding), left-aligned over the whole figure, wrapped to fit."""
    fig.suptitle(textwrap.fill(text, width), x=0.01, y=0.985, ha="left", va="top", fontsize=20,
                 fontweight="bold")


def wrap(label: str, width: int = 34) -> str:
    """Wrap a tick label onto several lines."""
    return textwrap.fill(label, width)


def new_figure(size: tuple[float, float] = FULL, **kwargs):
    """A styled figure and axes of slide size."""
    with styled():
        fig, ax = plt.subplots(figsize=size, **kwargs)
    return fig, ax


def save_figure(fig: Figure, name: str, lang: str = "id", folder: Path | None = None) -> list[Path]:
    """Write ``fig`` as ``<figures>/<lang>/<name>.png`` (200 dpi) and ``.svg``.

    Bytes are deterministic: no timestamps or software stamp in the metadata, a fixed SVG
    hash salt, so a rebuild on the same machine gives identical files.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    if not name or "/" in name or name.endswith((".png", ".svg")):
        raise ValueError(f"name must be a bare file stem, got {name!r}")
    out = (folder or figures_dir()) / lang
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{name}.png", out / f"{name}.svg"]
    with matplotlib.rc_context({"svg.hashsalt": "spbe-gorontalo", "svg.fonttype": "path"}):
        fig.savefig(paths[0], dpi=200, metadata={"Software": None})
        fig.savefig(paths[1], metadata={"Date": None, "Creator": None})
    return paths


def save_both(make, name: str, display_lang: str = "id", **kwargs) -> Figure:
    """Build a figure in every language with ``make(lang=..., **kwargs)``, save each and close
    them all (so a notebook shows nothing twice); return the one in ``display_lang`` for display."""
    shown = None
    for lang in LANGS:
        fig = make(lang=lang, **kwargs)
        save_figure(fig, name, lang)
        plt.close(fig)
        if lang == display_lang:
            shown = fig
    return shown
