"""The figure system: deterministic bytes, both languages, slide sizes, shared style."""
import hashlib

import matplotlib.pyplot as plt
import pytest

import spbe_analysis as sa
from spbe_analysis import figures as F
from spbe_analysis.figures import style as plots


def digest(paths):
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def test_save_figure_is_byte_identical_on_rebuild(tmp_path):
    fw = sa.load_framework("spbe2020")
    runs = []
    for k in range(2):
        fig = F.framework.weights_chart(fw, lang="en", footer=F.framework.framework_footer(fw)).figure
        runs.append(digest(plots.save_figure(fig, "weights", "en", folder=tmp_path / str(k))))
        plt.close(fig)
    assert runs[0] == runs[1]
    svg = (tmp_path / "0" / "en" / "weights.svg").read_text()
    assert "<dc:date>" not in svg


def test_png_is_200_dpi_and_16_to_9(tmp_path):
    fig, ax = plots.new_figure(plots.FULL)
    ax.plot([0, 1], [0, 1])
    png, svg = plots.save_figure(fig, "probe", "id", folder=tmp_path)
    from matplotlib import image
    h, w = image.imread(png).shape[:2]
    assert abs(w / h - 16 / 9) < 0.01 and w >= 2666
    assert svg.suffix == ".svg" and svg.exists()


def test_save_figure_rejects_bad_names(tmp_path):
    fig, _ = plots.new_figure()
    with pytest.raises(sa.DataError):
        plots.save_figure(fig, "a/b", "id", folder=tmp_path)
    with pytest.raises(sa.DataError):
        plots.save_figure(fig, "ok", "fr", folder=tmp_path)


def test_colours_are_fixed_and_distinct():
    codes = ["7501", "7502", "7503", "7504", "7505", "7571"]
    cols = [plots.entity_colour(c) for c in codes]
    assert len(set(cols)) == 6
    assert len(set(plots.BAND_COLOURS.values())) == 5


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("marks", [(False, False), (True, False), (True, True)])
def test_footer_source_never_runs_under_the_labels(lang, marks):
    fig, ax = plots.new_figure(plots.FULL)
    source = "400 illustrative profiles per regency consistent with the published 2024 index (seed 20250723); " * 3
    plots.add_footer(fig, source, lang, illustrative=marks[0], unofficial=marks[1])
    fig.set_dpi(200)  # as saved: hinted raster text runs wider than at screen resolution
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(r) for t in fig.texts]
    assert all(b.x0 >= 0 and b.x1 <= fig.bbox.width for b in boxes), "the footer stays on the slide"
    if len(boxes) == 2:
        assert not boxes[0].overlaps(boxes[1]), "source and labels side by side"
    assert len(fig.texts[-1].get_text().splitlines()) >= 2, "a long source is wrapped"
    plt.close(fig)


@pytest.mark.parametrize("lang, lo, hi, expect", [
    ("id", -0.17, 0.23, ["-0,10", "0,00", "0,10"]),
    ("en", -0.17, 0.23, ["-0.10", "0.00", "0.10"]),
    ("id", 1.0, 5.0, ["1,0", "2,0", "5,0"]),
])
def test_decimal_axis_adds_decimals_only_where_ticks_need_them(lang, lo, hi, expect):
    fig, ax = plots.new_figure(plots.FULL)
    ax.set_xlim(lo, hi)
    plots.decimal_axis(ax, lang, "x", 1)
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert len(set(labels)) == len(labels) and set(expect) <= set(labels), labels
    plt.close(fig)


@pytest.mark.parametrize("supx", [False, True])
def test_long_titles_and_footers_push_the_axes_in_rather_than_overlap(supx):
    fig, ax = plots.new_figure(plots.FULL)
    ax.plot([0, 1], [0, 1])
    ax.set_title("Panel title", loc="left")
    if supx:
        fig.supxlabel("Contribution to the gap (index points); median and 5-95% range", y=0.07)
    else:
        ax.set_xlabel("Contribution to the gap (index points); median and 5-95% range")
    title = "What holds the gap to Sangat Baik (0.50 points): Management of SPBE (0.23), Governance (0.15); " * 2
    source = "400 illustrative profiles per regency consistent with the published 2024 index (seed 20250723); " * 2
    plots.finish(fig, ax, True, title, source, "en", illustrative=True, unofficial=True,
                 adjust={"left": 0.1, "right": 0.97, "bottom": 0.1, "top": 0.9})
    fig.set_dpi(200)
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    axes_box = ax.get_tightbbox(r)
    below = [t.get_window_extent(r) for t in fig.texts if t not in (fig._suptitle, fig._supxlabel)]
    assert len(below) == 2 and not any(axes_box.overlaps(b) for b in below)
    if supx:
        assert not any(fig._supxlabel.get_window_extent(r).overlaps(b) for b in below)
    assert axes_box.y1 < fig._suptitle.get_window_extent(r).y0
    plt.close(fig)


def test_every_chart_has_one_signature():
    """``xxx_chart(data, *, lang, footer, ax=None)``: one positional parameter, then keyword-only
    lang, footer and ax, in every module of charts."""
    import inspect

    P = inspect.Parameter
    bad = []
    for modname in F.__all__:
        mod = getattr(F, modname)
        if not inspect.ismodule(mod) or modname == "style":
            continue
        for name, fn in vars(mod).items():
            if not name.endswith("_chart") or name.startswith("_") or not inspect.isfunction(fn):
                continue
            ps = list(inspect.signature(fn).parameters.values())
            shape = [(p.name if p.kind is not P.POSITIONAL_OR_KEYWORD else "data", p.kind, p.default is P.empty)
                     for p in ps]
            want = [("data", P.POSITIONAL_OR_KEYWORD, True), ("lang", P.KEYWORD_ONLY, True),
                    ("footer", P.KEYWORD_ONLY, True), ("ax", P.KEYWORD_ONLY, False)]
            if shape != want or ps[3].default is not None:
                bad.append(f"{modname}.{name}{inspect.signature(fn)}")
    assert not bad, bad


def test_show_takes_axes_or_figure(tmp_path, monkeypatch):
    import numpy as np

    monkeypatch.setattr(plots, "figures_dir", lambda: tmp_path)
    fig, axes = plt.subplots(1, 2)
    for obj in (fig, axes[0], axes, list(axes)):
        assert plots.show(obj, "probe", "en") is fig
    with pytest.raises(sa.DataError):
        plots.show(np.array([1, 2]), "probe", "en")
