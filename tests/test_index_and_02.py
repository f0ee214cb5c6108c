"""The start page captions every figure with its own title (its finding, in both languages), never
its file name, and opens with the headline, then the pages, then the figures; page 02 shows every
difference (table, chart of differences from the province, pairwise heat map) with one sign: the
regency minus the reference, negative when below, and says so in words."""
import ast
import html
import json
import re
import types

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import spbe_analysis as sa  # noqa: E402
from spbe_analysis import figures as F, report, site, tables  # noqa: E402
from spbe_analysis.figures import snapshot as FS, style  # noqa: E402
from spbe_analysis.labels import entity_names, t  # noqa: E402
from spbe_analysis.pages import figure_alt  # noqa: E402

FW = sa.load_framework("spbe2020")
V24 = pd.Series({"7501": 2.40, "7502": 2.68, "7503": 2.52, "7504": 3.00, "7505": 2.89, "7571": 2.82})
#: The published 2024 references, and a province value in the middle of the regencies (both signs).
CASES = [(4.13, 3.12), (2.70, 2.85)]
NOTEBOOK_02 = report.notebooks_dir() / "02_disparities_2024.ipynb"


def _number(text: str) -> float:
    """A displayed number, either language: '-1,13', '+0,10', '1.13'."""
    return float(text.strip().replace("+", "").replace(",", "."))


def _table_cell(nb: dict) -> str:
    return next("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code" and "snap_col_vs_province" in
                "".join(c["source"]))


def page_table(lang: str, province: float, national: float) -> pd.DataFrame:
    """The difference table of page 02 as the notebook builds it (its own code cell, run here on the
    2024 values), as display text."""
    code = _table_cell(json.loads(NOTEBOOK_02.read_text(encoding="utf-8")))
    tree = ast.parse(code)
    last = tree.body[-1]
    tree.body[-1] = ast.copy_location(ast.Assign(targets=[ast.Name("shown", ast.Store())], value=last.value), last)
    ctx = types.SimpleNamespace(province=province, national=national, names=pd.Series(entity_names(lang)))
    space = {"F": F, "values": V24, "fw": FW, "ctx": ctx, "table": tables.table, "LANG": lang}
    exec(compile(ast.fix_missing_locations(tree), "02 table cell", "exec"), space)
    out = space["shown"]
    assert isinstance(out, tables.Table)
    return out.df


def chart_labels(ax) -> dict:
    """{regency code: number shown above its line} of the chart of differences from the province."""
    return {x.get_gid().removeprefix("vs_province_"): x.get_text() for x in ax.texts
            if (x.get_gid() or "").startswith("vs_province_")}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("province, national", CASES)
def test_the_difference_chart_and_the_table_have_the_same_sign_for_each_regency(lang, province, national):
    frame = FS.gap_frame(V24, FW, province=province, national=national)
    shown = page_table(lang, province, national)
    names = entity_names(lang)
    col = t("snap_col_vs_province", lang)
    in_table = {code: _number(shown.loc[shown[t("col_entity", lang)] == names[code], col].item()) for code in V24.index}
    ax = FS.reference_chart(FS.YearValues(V24, FW, 2024, province, national), lang=lang, footer="")
    drawn = chart_labels(ax)
    plt.close(ax.figure)
    assert set(drawn) == set(V24.index)
    for code in V24.index:
        expected = float(V24[code]) - province
        assert np.sign(_number(drawn[code])) == np.sign(in_table[code]) == np.sign(round(expected, 2)), code
        assert _number(drawn[code]) == pytest.approx(in_table[code]) == pytest.approx(frame.loc[code, "vs_province"])
        if round(expected, 2) > 0:
            assert drawn[code].startswith("+"), drawn[code]
    if province > V24.max():
        assert all(v < 0 for v in in_table.values()), "every regency is below the province: all negative"
    else:
        assert {np.sign(v) for v in in_table.values()} == {-1.0, 1.0}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_pairwise_heat_map_and_the_table_have_the_same_sign_against_the_best(lang):
    shown = page_table(lang, *CASES[0])
    names = entity_names(lang)
    col = t("snap_col_vs_best", lang)
    ax = FS.pairwise_chart(FS.YearValues(V24, FW, 2024), lang=lang, footer="")
    labels = [x.get_text() for x in ax.get_yticklabels()]
    n = len(labels)
    grid = np.asarray(ax.collections[0].get_array()).reshape(n, n)        # rows: reference, columns: compared
    best = names[V24.idxmax()]
    row = labels.index(best)
    cols = [x.get_text() for x in ax.get_xticklabels()]
    plt.close(ax.figure)
    for code in V24.index:
        in_table = _number(shown.loc[shown[t("col_entity", lang)] == names[code], col].item())
        cell = float(grid[row, cols.index(names[code])])
        assert np.sign(cell) == np.sign(in_table) and cell == pytest.approx(in_table), code
        assert in_table <= 0


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_sign_is_said_in_words_in_headers_and_axis_labels(lang):
    below = "negatif = di bawah" if lang == "id" else "negative = below"
    for key in ("snap_col_vs_province", "snap_col_vs_national", "snap_col_vs_best"):
        assert below in t(key, lang)
    ax = FS.reference_chart(FS.YearValues(V24, FW, 2024, 4.13, 3.12), lang=lang, footer="")
    assert below in ax.get_xlabel()
    plt.close(ax.figure)
    ax = FS.pairwise_chart(FS.YearValues(V24, FW, 2024), lang=lang, footer="")
    cbar = ax.collections[0].colorbar.ax.get_ylabel().replace("\n", " ")
    assert ("negatif" if lang == "id" else "negative") in cbar
    plt.close(ax.figure)
    nb = json.loads(NOTEBOOK_02.read_text(encoding="utf-8"))
    text = " ".join("".join(c["source"]) for c in nb["cells"] if f"lang-{lang}" in c["metadata"].get("tags", []))
    assert ("angka negatif berarti kabupaten/kota berada di bawah acuan" if lang == "id"
            else "a negative number means the regency is below it") in " ".join(text.split())
    assert "gap_table" not in _table_cell(nb)


# ----------------------------------------------------------------------------- start page
def _save(folder, name, lang, chart):
    ax = chart(lang)
    fig = ax.figure
    style.save_figure(fig, name, lang, folder=folder)
    title = figure_alt(fig)
    plt.close(fig)
    return title


CHARTS = {
    "02_gap_province_2024": lambda lang: FS.reference_chart(FS.YearValues(V24, FW, 2024, 4.13, 3.12), lang=lang,
                                                            footer="Sumber: uji"),
    "02_pairwise_gaps_2024": lambda lang: FS.pairwise_chart(FS.YearValues(V24, FW, 2024), lang=lang,
                                                            footer="Sumber: uji\nbaris kedua"),
}


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    """A start page over two pages and two saved figures in both languages (the headline stubbed:
    it plans the regencies, which this test does not need)."""
    root = tmp_path_factory.mktemp("site")
    reports, figures = root / "reports", root / "figures"
    titles = {}
    for lang in ("id", "en"):
        (reports / lang).mkdir(parents=True)
        for stem, title in (("02_disparities_2024", f"02 {lang}"), ("brief_7501", f"Boalemo {lang}")):
            (reports / lang / f"{stem}.html").write_text(f"<html><head><title>{title}</title></head></html>",
                                                        encoding="utf-8")
        for name, chart in CHARTS.items():
            titles[name, lang] = _save(figures, name, lang, chart)
    mp = pytest.MonkeyPatch()
    mp.setattr(site, "headline", lambda reports, lang="id": f"<h2>HEADLINE {lang}</h2>")
    try:
        out = site.write_index(reports, figures)
    finally:
        mp.undo()
    return out.read_text(encoding="utf-8"), titles, figures


def test_a_figure_title_is_read_from_its_svg_as_the_page_alt_text_gives_it(small_site):
    _, titles, figures = small_site
    for (name, lang), title in titles.items():
        assert title and site.figure_title(figures / lang / f"{name}.svg") == title
    assert site.figure_title(figures / "id" / "none.svg") is None


def test_index_captions_are_figure_titles_not_file_names(small_site):
    index, titles, _ = small_site
    cards = re.findall(r'<div class="fig">(.*?)</div></div>', index, flags=re.S)
    assert len(cards) == 2 * len(CHARTS), "one gallery per language"
    for k, lang in enumerate(("id", "en")):
        for name, card in zip(sorted(CHARTS), cards[k * len(CHARTS):(k + 1) * len(CHARTS)]):
            text = html.unescape(re.sub(r"<[^>]+>", " ", card))
            assert name not in text, "the file name is a link target, not a caption"
            alt = html.unescape(re.search(r'alt="([^"]*)"', card).group(1))
            assert alt == titles[name, lang] != name and titles[name, lang] in text
            other = "en" if lang == "id" else "id"
            assert titles[name, other] not in text, "one language per block"
            for ext in ("png", "svg"):
                assert f'href="../figures/{lang}/{name}.{ext}"' in card
    assert "<code>" not in index


def test_the_index_gives_an_indonesian_block_then_an_english_block_each_headline_first(small_site):
    index, _, _ = small_site
    id_block, en_block = index.split('<section id="id" lang="id">')[1].split('<section id="en" lang="en">')
    for lang, block in (("id", id_block), ("en", en_block)):
        at = [block.find(x) for x in (f"HEADLINE {lang}", t("site_reports", lang), t("site_figures", lang),
                                      '<div class="fig">', t("site_how", lang), t("site_caveats", lang))]
        assert all(a >= 0 for a in at) and at == sorted(at), (lang, at)
        assert re.search(r"<h2>(.*?)</h2>", block, flags=re.S).group(1) == f"HEADLINE {lang}"
        assert re.findall(r'<h3 class="page">(.*?)</h3>', block) == [f"02 {lang}"]
    assert t("site_how", "en") not in id_block and t("site_how", "id") not in en_block
    assert 'href="#english"' in index.split('<section id="id"')[0], "a language switch above the Indonesian block"


def test_figures_belong_to_their_pages():
    stems = ["01_framework_and_scoring", "02_disparities_2024", "brief_7501", "brief_7571"]
    assert site.figure_page("02_gap_province_2024", stems) == "02_disparities_2024"
    assert site.figure_page("brief_7571_map", stems) == "brief_7571"
    assert site.figure_page("brief_7502_map", stems) is None and site.figure_page("09_x", stems) is None


@pytest.mark.notebooks
def test_the_built_index_captions_every_figure_with_its_title(built):
    reports, figures = built
    index = (reports / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<div class="fig">(.*?)</div></div>', index, flags=re.S)
    names = sorted(p.stem for p in (figures / "id").glob("*.png"))
    # the Indonesian block, then the English one: every figure once in each, captioned in its language
    seen = {"id": [], "en": []}
    for card in cards:
        lang, name = re.search(r'href="\.\./figures/(id|en)/([^"/]+)\.png"', card).groups()
        seen[lang].append(name)
        text = html.unescape(re.sub(r"<[^>]+>", " ", card))
        assert name not in text
        title = site.figure_title(figures / lang / f"{name}.svg")
        assert title and title in text, (name, lang)
    assert sorted(seen["id"]) == names and sorted(seen["en"]) == names


@pytest.mark.notebooks
def test_the_built_page_02_table_and_figure_agree_in_sign(built):
    reports, figures = built
    page = (reports / "id" / "02_disparities_2024.html").read_text(encoding="utf-8")
    head = html.escape(t("snap_col_vs_province", "id"))
    table = next(tb for tb in re.findall(r"<table.*?</table>", page, flags=re.S) if head in tb)
    heads = [html.unescape(re.sub(r"<[^>]+>", "", h)) for h in re.findall(r"<th>(.*?)</th>", table)]
    rows = [[html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r)]
            for r in re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)[1:]]
    col = heads.index(t("snap_col_vs_province", "id"))
    in_table = [_number(r[col]) for r in rows]
    svg = (figures / "id" / "02_gap_province_2024.svg").read_text(encoding="utf-8")
    drawn = [_number(x) for x in re.findall(r'<g id="vs_province_\d+">\s*<!-- ([-+]?\d+,\d\d) -->', svg)]
    assert len(drawn) == len(in_table) == 6
    assert sorted(np.sign(drawn)) == sorted(np.sign(in_table)) and sorted(drawn) == sorted(in_table)


def test_the_index_headline_sentence_states_start_safe_move_and_reach_from_the_rows():
    rows = [{"start": 1.26 + k / 100, "start_band": "Kurang (Merintis)", "start_cycle": 2026, "cycle": 2027,
             "reached": 2029, "target": "Baik (Berkembang)", "thin": k < 2,
             "safe": [("I20", "x", "y", 2, "robust" if k < 5 else "borderline")]} for k in range(6)]
    id_ = site.headline_sentence(rows, "id")
    assert "1,26-1,31" in id_ and "5 dari 6" in id_ and "6 dari 6 mencapai Baik (Berkembang) pada 2029" in id_
    assert "2 di antaranya pas di ambang" in id_
    en = site.headline_sentence(rows, "en")
    assert "1.26-1.31" in en and "in 5 of 6 regencies" in en and "2 of them just at the edge" in en
    none = [dict(r, safe=[], reached=None, thin=False) for r in rows]
    assert "belum ada" in site.headline_sentence(none, "id") and "tidak satu pun" in site.headline_sentence(none, "id")
