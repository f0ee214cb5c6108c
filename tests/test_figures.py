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
        fig = F.framework.aspect_weights(fw, "en")
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
