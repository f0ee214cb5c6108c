"""Page 07 (robustness) says what it means: ranks among the six regencies only, shares of a finite
simulation never written 0 % or 100 %, moves named by their PEMDI indicator, no finding that holds
by construction, short findings in plain words."""
import json
import re
from functools import cache
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import spbe_analysis as sa  # noqa: E402
from spbe_analysis import figures as F  # noqa: E402
from spbe_analysis import sensitivity  # noqa: E402
from spbe_analysis.config import PACKAGE_DIR  # noqa: E402
from spbe_analysis.data import entity_codes  # noqa: E402
from spbe_analysis.figures import style  # noqa: E402
from spbe_analysis.frameworks import as_framework  # noqa: E402
from spbe_analysis.labels import LABELS, entity_names  # noqa: E402

R = F.robustness
N = 12                                   # profiles per government: small, the meaning does not depend on it
BARE_100 = re.compile(r"(?<![\d.,])100[ \u00a0]?%")
BARE_0 = re.compile(r"(?<![\d.,])0[ \u00a0]?%")
CODE = re.compile(r"\bI\d{1,2}\b")
NOTEBOOK = PACKAGE_DIR.parent / "notebooks" / "07_robustness.ipynb"


@cache
def ctx(lang="id"):
    return sa.context(2024, lang=lang, n_profiles=N)


@cache
def run(n=400, **kw):
    c = ctx()
    return sensitivity.run(c.with_province_profiles(N), c.framework, n, 100.0, 1, illustrative=True, **kw)


#: (indicator, min share, "r" robust / "b" borderline / "") per regency, level 2: the shape of page 07.
SHARES = {
    "7501": [("I20", .88, "b"), ("I19", .72, "b"), ("I5", .44, ""), ("I17", .33, ""), ("I1", .30, ""),
             ("I4", .22, ""), ("I14", .20, ""), ("I13", .08, "")],
    "7502": [("I20", 1.0, "r"), ("I19", .56, ""), ("I5", .31, ""), ("I1", .06, "")],
    "7503": [("I20", .96, "r"), ("I19", .83, "b"), ("I5", .41, ""), ("I14", .2, "")],
    "7504": [("I20", 1.0, "r"), ("I19", .56, ""), ("I5", .12, "")],
    "7505": [("I20", .96, "r"), ("I19", .59, ""), ("I15", .19, "")],
    "7571": [("I20", .94, "r"), ("I19", .66, ""), ("I5", .22, "")],
}


def fake_moves(shares=SHARES):
    """What :func:`spbe_analysis.robust.robust_moves` returns, with the attributes the charts read
    (without planning: the cached result needs hours)."""
    rows = [{"code": c, "indicator": i, "level": 2, "min_share": s, "robust": k == "r", "borderline": k == "b",
             "n": 288, "plans_total": 288, "mc_error": 0.124 if k == "b" else 0.02}
            for c, ms in shares.items() for i, s, k in ms]
    moves = pd.DataFrame(rows)
    return SimpleNamespace(moves=moves, robust=moves[moves["robust"]].reset_index(drop=True), threshold=0.8,
                           n_draws=16, max_draws=64, tables=tuple(range(18)), max_mc_error=0.124,
                           varied=("vary_profiles_illustrative", "vary_effort_tables"),
                           basis={c: "projected" for c in shares}, illustrative=True)


def drawn_texts(out):
    """Every visible text of a chart's figure: title, footer, axis labels, tick labels, texts in
    the axes, legends."""
    fig = style.figure_of(out)
    fig.canvas.draw()
    texts = [x for x in fig.texts]
    for s in (fig._suptitle, fig._supxlabel):
        if s is not None:
            texts.append(s)
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        texts += [ax.title, ax.xaxis.label, ax.yaxis.label, *ax.texts, *ax.get_xticklabels(), *ax.get_yticklabels()]
        if ax.get_legend() is not None:
            texts += ax.get_legend().get_texts()
    plt.close(fig)
    return [x.get_text() for x in texts if x.get_visible() and x.get_text()]


# ----------------------------------------------------------------------------- ranks: six regencies
def test_ranks_are_among_the_six_regencies_only():
    regencies, prov, nat = entity_codes()
    s = run()
    f = R.rank_finding(s)
    assert len(f.keep_rank) == 6 and {e for e, _, _ in f.keep_rank} == set(regencies)
    assert sorted(r for _, r, _ in f.keep_rank) == [1, 2, 3, 4, 5, 6]
    ranks = R.regency_ranks(s)
    assert list(ranks.columns) == [c for c in s.rank.columns if c in regencies] and prov not in ranks.columns
    assert (ranks.apply(sorted, axis=1, result_type="expand").to_numpy() == list(range(1, 7))).all()
    # the province keeps its band (a band does not depend on the others), never a rank
    assert prov in {e for e, _, _ in f.keep_band} and len(f.keep_band) == 7
    for lang in ("id", "en"):
        title = f.title(lang)
        assert " 6 " in title and " 7 " not in title, title
        assert ("kabupaten/kota" if lang == "id" else "regencies") in title


def test_official_ranks_order_the_published_regency_indices():
    c = ctx()
    table = R.rank_table(run(), "id")
    assert len(table) == 6 and table["rank_hi"].max() <= 6 and (table["rank_lo"] >= 1).all()
    published = c.values.loc[list(table.index)].rank(ascending=False, method="first").astype(int)
    assert table["nominal_rank"].to_dict() == published.to_dict()
    assert ((table["rank_lo"] <= table["nominal_rank"]) & (table["nominal_rank"] <= table["rank_hi"])).all()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_rank_chart_shows_six_ranks_and_no_province(lang):
    out = R.rank_chart(run(), lang=lang, footer=ctx(lang).footer)
    fig = style.figure_of(out)
    ax = fig.axes[0]
    assert [int(x) for x in ax.get_xticks()] == [1, 2, 3, 4, 5, 6]
    rows = [x.get_text() for x in ax.get_yticklabels()]
    names = entity_names(lang)
    assert sorted(rows) == sorted(names[c] for c in entity_codes()[0])
    plt.close(fig)


# ----------------------------------------------------------------------------- no bare 0 % / 100 %
def test_share_text_never_reads_a_rounded_0_or_100_percent():
    assert R.share_text(1.0, "id") == "semua" and R.share_text(1.0, "en", 1000) == "in all 1,000 simulations"
    assert R.share_text(1.0, "id", 1000) == "di semua 1.000 simulasi"
    assert R.share_text(0.99995, "id") == ">99%" and R.share_text(0.00004, "en") == "<1%"
    assert R.share_text(0.0, "id") == "tak satu pun" and R.share_text(0.5, "en") == "50%"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_bare_100_or_0_percent_in_the_robustness_figures(lang):
    s = run()
    charts = {"ranks": R.rank_chart(s, lang=lang, footer=ctx(lang).footer),
              "bands": R.band_probability_chart(R.BandProbabilityData(s, ctx(lang).framework), lang=lang,
                                                footer=ctx(lang).footer),
              "moves": R.robust_moves_chart(R.RobustMovesData(fake_moves()), lang=lang, footer=ctx(lang).footer)}
    for name, out in charts.items():
        texts = drawn_texts(out)
        bad = [x for x in texts if BARE_100.search(x) or BARE_0.search(x)]
        assert not bad, (name, bad)
    # a band every simulation keeps reads "all", with the number of simulations in the axis label
    full = (s.summary.filter(like="p_") >= 1).to_numpy().any()
    bands = drawn_texts(R.band_probability_chart(R.BandProbabilityData(s, ctx(lang).framework), lang=lang,
                                                 footer=ctx(lang).footer))
    assert not full or LABELS["rob_all"][lang] in bands
    assert any(sa.labels.num(len(s.index), lang, 0) in x for x in bands)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_bare_100_percent_in_the_page_texts(lang):
    s = run()
    f = R.rank_finding(s)
    texts = f.lines(lang) + [f.text(lang), R.band_probability_finding(s).text(lang)]
    texts += list(R.rank_table(s, lang)["keeps_rank_text"]) + list(R.keep_frame({"x": s}, lang)["x"])
    bad = [x for x in texts if BARE_100.search(x) or BARE_0.search(x)]
    assert not bad, bad


# ----------------------------------------------------------------------------- moves by name
@pytest.mark.parametrize("lang", ["id", "en"])
def test_moves_chart_names_each_move_by_its_indicator_and_level(lang):
    fw = as_framework("pemdi2026")
    col = "name_en" if lang == "en" else "name_id"
    out = R.robust_moves_chart(R.RobustMovesData(fake_moves()), lang=lang, footer=ctx(lang).footer)
    fig = style.figure_of(out)
    first = fig.axes[0]
    rows = [" ".join(x.get_text().split()) for x in first.get_yticklabels() if x.get_text()]
    plt.close(fig)
    assert rows, "no move labelled"
    shown = R.shown_moves(fake_moves())
    assert len(rows) == len(shown)
    for label, (ind, lv) in zip(rows, shown):
        assert not CODE.search(label), label
        assert label.startswith(" ".join(str(fw.indicators.loc[ind, col]).split())), label
        assert label.endswith(f"\u2192 level {lv}"), label
    assert rows[0] == R.move_label("I20", 2, lang)
    # every robust or borderline move is shown
    marked = fake_moves().moves.query("robust or borderline")
    assert {(i, 2) for i in marked["indicator"]} <= set(shown)


def test_a_long_indicator_name_is_wrapped_with_its_level_whole():
    label = R.wrap_move("I15", 3, "id", 2.5)
    assert "\n" in label and label.splitlines()[-1].endswith("\u2192 level 3")
    assert "level\n" not in label and " ".join(label.split()) == R.move_label("I15", 3, "id")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_move_texts_use_names_not_codes(lang):
    f = R.robust_moves_finding(R.RobustMovesData(fake_moves()))
    name = R.move_label("I20", 2, lang).split(" \u2192")[0]
    short = R.robust_short(f, lang)
    assert name in short and not CODE.search(short)
    assert ("5 dari 6" if lang == "id" else "5 of 6") in short
    lines = f.lines(lang)
    assert len(lines) == 6 and all(not CODE.search(x) for x in lines)
    assert name in f.text(lang) and not CODE.search(f.text(lang))


# ----------------------------------------------------------------------------- no tautology as a finding
def test_indicator_levels_alone_cannot_move_a_published_index():
    """By construction: every illustrative profile reproduces its published index."""
    assert R.levels_alone_change_nothing(run(300, weights=False))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_spread_finding_does_not_report_the_levels_alone(lang):
    parts = {"weights": run(300, levels=False), "levels": run(300, weights=False), "both": run(300)}
    text = R.spread_text(parts, lang)
    assert "semuanya" not in text and "all of them" not in text
    clause = {"id": "dengan bobot resmi, setiap profil menghasilkan indeks", "en": "under the official weights"}[lang]
    assert clause in text
    assert {"id": "hanya tingkat indikator", "en": "only the indicator levels"}[lang] not in text
    assert len(text.split()) < 40


def test_levels_that_do_move_an_index_are_reported():
    """Profiles that disagree with each other under the official weights: the levels-only share is
    a finding then, and is given."""
    lv = {e: pd.DataFrame([{str(i): 2 + (j % 2) * (i <= 20) for i in range(1, 48)} for j in range(4)])
          for e in ("7501", "7502")}
    levels = sensitivity.run(lv, "spbe2020", 200, 100.0, 1, weights=False)
    assert not R.levels_alone_change_nothing(levels)
    parts = {"weights": sensitivity.run(lv, "spbe2020", 200, 100.0, 1, levels=False), "levels": levels,
             "both": sensitivity.run(lv, "spbe2020", 200, 100.0, 1)}
    assert "hanya tingkat indikator berubah" in R.spread_text(parts, "id")


# ----------------------------------------------------------------------------- plain, short findings
def test_sweep_finding_says_how_far_the_weights_stray():
    sweep = {k: run(300) if k == 100.0 else sensitivity.run(ctx().with_province_profiles(N), ctx().framework, 300, k, 1)
             for k in (25.0, 100.0, 400.0)}
    shifts = {k: R.weight_shift(s) for k, s in sweep.items()}
    assert shifts[25.0] > shifts[100.0] > shifts[400.0] > 0
    for lang in ("id", "en"):
        text = R.sweep_text(sweep, lang)
        assert all(sa.labels.pct(x, lang) in text for x in shifts.values()), text
        assert "konsentrasi" not in text.lower() and "concentration" not in text.lower()
        assert len(text.split()) < 40


@pytest.mark.parametrize("lang", ["id", "en"])
def test_top_findings_are_short_and_plain(lang):
    s = run()
    f = R.rank_finding(s)
    parts = {"weights": run(300, levels=False), "levels": run(300, weights=False), "both": run(300)}
    found = f.lines(lang) + [R.spread_text(parts, lang),
                             R.robust_short(R.robust_moves_finding(R.RobustMovesData(fake_moves())), lang)]
    long = [(len(x.split()), x) for x in found if len(x.split()) >= 40]
    assert not long, long
    if lang == "id":
        for x in found:
            assert not re.search(r"Dirichlet|replikasi|konsentrasi|#\d", x), x


def test_notebook_leads_with_at_most_five_findings_from_this_module():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"
            and "parameters" not in c["metadata"].get("tags", [])]
    assert all(len(c.splitlines()) <= 12 for c in code)
    last = code[-1]
    assert "ranks.lines(LANG)" in last and "robustness_lines" not in last and "FA.robust_short" not in last
    assert last.count("F.robustness.") == 3       # two lines from ranks, three sentences: five findings
    text = " ".join("".join(c["source"]) for c in nb["cells"]
                    if c["cell_type"] == "markdown" and "lang-id" in c["metadata"].get("tags", []))
    assert "replikasi" not in text and "pembobotan acak" in text
    assert "enam kabupaten/kota" in text


def test_the_page_strings_are_indonesian_on_indonesian_pages():
    english = re.compile(r"\b(the|and|of|to|is|are|with|from|by|for|not|band|bands|weights|draws?|plans?|rank)\b")
    for key, text in LABELS.items():
        if key.startswith("rob_"):
            assert not english.search(text["id"]), (key, text["id"])
            assert not re.search(r"\d[ \u00a0]+%", text["id"] + text["en"]), key
