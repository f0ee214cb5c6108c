"""Every chart's finding is a pure function with a known answer on a constructed case; its text
exists in both languages; charts draw into an axes they are given (seaborn's ax= convention)."""
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import spbe_analysis as sa  # noqa: E402
from spbe_analysis import decomposition as DC, disparity as D, panel, paths  # noqa: E402
from spbe_analysis.figures import framework as FF, indicators as FI, maps as FM, paths as FP  # noqa: E402
from spbe_analysis.figures import snapshot as FS, trends as FT  # noqa: E402

FW = sa.load_framework("spbe2020")
PUB = sa.load_published()
REG = ("7501", "7502", "7503", "7504", "7505", "7571")
V24 = pd.Series({"7501": 2.40, "7502": 2.68, "7503": 2.52, "7504": 3.00, "7505": 2.89, "7571": 2.82})
SERVICE = paths.ServiceComparison(pd.DataFrame({"entity": ["7501", "7502"], "draw": [0, 0], "cost_alone": [10, 8],
                                               "cost_with_service": [5, 6]}), "shared data centre", 4)


def both(f):
    for lang in ("id", "en"):
        assert f.text(lang) and f.title(lang)
    assert f.text("id") != f.text("en")
    return f.text("en")


def test_framework_findings():
    wf = FF.weights_finding(FW)
    heaviest = FW.indicators.groupby("domain")["weight_pct"].sum().astype(float)
    assert (wf.level, wf.group, wf.weight) == ("domain", int(heaviest.idxmax()), heaviest.max()) and wf.weight == 45.5
    assert wf.name == "Layanan SPBE" and f"{wf.weight}%" in both(wf)   # the text shows the computed weight
    assert FF.weights_finding("pemdi2026").name == "Kepuasan Pengguna Layanan Digital Pemerintah"
    f = FF.step_effect_finding(FW)
    assert (f.hi_gain, f.lo_gain) == pytest.approx((0.03, 0.013)) and "2.3 times" in both(f)
    r = FF.rounding_finding(FW, n=2000, seed=1)
    assert r.edge_flips == 1 and r.n_edges == 4 and 0 < r.n_wrong < 200
    ties = FF.edge_ties(FW)
    assert list(ties["official_predicate"]) == ["Cukup", "Baik", "Sangat Baik", "Memuaskan"]


def test_snapshot_findings():
    f = FS.ranked_finding(V24, FW)
    assert (f.n, f.best_band, f.n_best) == (6, "Baik", 4)
    assert f.laggards == (("7503", 2.52, "Cukup"), ("7501", 2.40, "Cukup"))
    assert all(f"({v:.2f})" in both(f) for _, v, _ in f.laggards)
    nb = FS.next_band_finding(V24, FW)
    assert (nb.closest, nb.closest_gap, nb.lowest, nb.lowest_gap) == ("7503", 0.08, "7501", 0.20)
    both(nb)
    assert FS.next_band_finding(pd.Series({"a": 4.5}), FW) is None
    rg = FS.reference_gap_finding(V24, FW, 4.13, 3.12)
    assert (rg.lo, rg.hi, rg.furthest, rg.n_at_national) == (1.13, 1.73, "7501", 0)
    assert "3.12" in both(rg)
    pw = FS.pairwise_finding(V24, 2024)
    assert (pw.above, pw.below, pw.gap) == ("7504", "7501", 0.6)
    both(pw)
    disp = pd.DataFrame({"unweighted": D.dispersion(V24), "population_weighted": D.dispersion(V24, [1] * 6)})
    df = FS.dispersion_finding(disp, 2024, 0.05)
    assert df.small and "among the kabupaten" in both(df)
    check = panel.recompute_predicates(PUB)
    pc = FS.predicate_check_finding(check)
    assert len(pc.disagree) == 2 and pc.all_flagged
    both(pc)


def test_map_finding():
    f = FM.map_finding(V24, FW, 2024)
    assert f.lowest == ("7501", "7503") and f.west and "west" in both(f)
    g = FM.map_finding(V24.replace({2.40: 2.70, 2.52: 2.70, 3.00: 2.45}), FW, 2024)
    assert not g.west


def test_trend_findings():
    tr = FT.trajectory_finding(PUB, REG, "75", 2022, 2024)
    assert (tr.rose, tr.unknown, tr.province0, tr.province1) == (6, 0, 2.48, 4.13)
    assert FT.trajectory_finding(PUB, REG, "75", 2021, 2024).unknown == 6
    both(tr)
    sig = D.sigma_convergence(PUB, REG, [2022, 2023, 2024], FW)
    sf = FT.sigma_finding(sig, D.sigma_trend(sig, "cv"), "cv")
    assert sf.fell and sf.falling and sf.first_low < sf.first_high
    both(sf)
    v23, _ = panel.exact_values(PUB, 2023, REG)
    bc = D.beta_convergence(v23, V24, 2023, 2024)
    bf = FT.beta_finding(bc)
    assert bf.beta < 0 and "descriptive" in both(bf)
    chg = panel.changes(PUB, REG + ("75",), 2023, 2024)
    lf = FT.leap_finding(chg, "75", 0.67, 1.41, 2023, 2024)
    assert lf.pulled_away and lf.province_change == 0.91
    both(lf)
    moves = D.band_transitions(PUB, REG, 2022, 2024, FW)
    tf = FT.transition_finding(moves, D.rank_mobility(v23, V24), 2022, 2024)
    assert (tf.up, tf.uncertain, tf.down) == (4, 2, 0)
    both(tf)
    assert "not with the province" in FT.convergence_answer(sf, lf, "en")


def test_indicator_findings():
    lv = {e: pd.DataFrame([{i: 2 for i in FW.ids}, {i: (1 if FW.indicators.loc[i, "domain"] == 3 else 3)
                                                     for i in FW.ids}]) for e in ("7501", "7502")}
    targets = {"Baik": 2.60, "Sangat Baik": 3.50}
    dom = DC.gap_summary(lv, targets, FW)
    lead = FI.gap_lead_finding(dom, FW, "Sangat Baik")
    assert lead.top[1] == 2 and not lead.exact
    both(lead)
    asp = DC.gap_summary(lv, targets, FW, by="aspect")
    med = asp[asp["target"] == "Sangat Baik"].pivot(index="entity", columns="group", values="median")
    ag = FI.aspect_gap_finding(med, FW, "Sangat Baik")
    assert ag.aspect == int(med.mean().idxmax())
    both(ag)
    bf = FI.below_finding(V24, "Baik", 2.60)
    assert bf.entities == ("7503", "7501") and "Pohuwato (0.08), Boalemo (0.20)" in both(bf)
    assert "No regency is below" in FI.below_finding(V24, "Cukup", 1.80).text("en")
    ex = FI.extra_gap_finding(dom, "Sangat Baik", "Baik", 3.50, 2.60)
    assert ex.lo == pytest.approx(0.9) and ex.diff == pytest.approx(0.9)
    both(ex)


def test_path_findings():
    sf = FP.steps_finding({"7501": pd.Series([7, 7, 8]), "7503": pd.Series([3, 3, 3])}, "Baik")
    assert sf.lowest == ("7503", 3.0) and sf.highest == ("7501", 7.0)
    assert "Boalemo 7 (67%, 7-8); Pohuwato 3" in both(sf)
    assert "No regency is below Baik" in FP.steps_finding({}, "Baik").text("en")
    shares = pd.DataFrame({7: [0.6, 0.5], 8: [0.4, 0.5], 1: [0.0, 0.0]}, index=["a", "b"])
    ss = FP.step_share_finding(shares, FW, "Sangat Baik")
    assert ss.aspects == (7, 8) and ss.share == 1.0
    both(ss)
    assert not FP.step_share_finding(shares * 0, FW, "Sangat Baik").any_steps
    first = pd.DataFrame({"Baik": [2025, 2026, pd.NA], "Sangat Baik": [pd.NA, pd.NA, pd.NA]},
                         index=pd.MultiIndex.from_tuples([("7501", 0), ("7501", 1), ("7503", 0)],
                                                         names=["entity", "draw"])).astype("Int64")
    rf = FP.roadmap_finding(first, 6, 2029)
    assert rf.count("Baik") == 1 and rf.count("Sangat Baik") == 0
    assert "Pohuwato not within the horizon" in both(rf)
    tab = pd.DataFrame({"entity": ["a", "b", "a", "b"], "draw": [0, 0, 1, 1], "cost_alone": [10, 10, 10, 10],
                        "cost_with_service": [5, 5, 6, 6]})
    cmp = paths.ServiceComparison(tab, "shared data centre", 4)
    sh = FP.shared_service_finding(cmp, "Sangat Baik")
    assert (sh.alone, sh.together, sh.saving) == (20.0, 15.0, 5.0) and "saving 5 (25%)" in both(sh)
    zero = paths.ServiceComparison(tab.assign(cost_alone=0, cost_with_service=0), "shared data centre", 4)
    assert "Nothing to pay" in FP.shared_service_finding(zero, "Sangat Baik").text("en")
    gf = FP.greedy_finding(pd.DataFrame({"ratio": [1.01, float("nan")], "worse": [0.5, float("nan")]}))
    assert gf.ratio == pytest.approx(1.01) and "earns its place" in both(gf)
    assert "not put to the test" in FP.greedy_finding(pd.DataFrame({"ratio": [float("nan")],
                                                                     "worse": [float("nan")]})).text("en")


@pytest.mark.parametrize("draw", [
    lambda ax: FF.weights_chart(FW, lang="en", footer="", ax=ax),
    lambda ax: FF.step_effect_chart(FW, lang="id", footer="", ax=ax),
    lambda ax: FS.ranked_chart(FS.YearValues(V24, FW, 2024, province=4.13), lang="en", footer="", ax=ax),
    lambda ax: FS.next_band_chart(FS.YearValues(V24, FW, 2024), lang="id", footer="", ax=ax),
    lambda ax: FS.reference_chart(FS.YearValues(V24, FW, 2024, 4.13, 3.12), lang="en", footer="", ax=ax),
    lambda ax: FS.pairwise_chart(FS.YearValues(V24, FW, 2024), lang="id", footer="", ax=ax),
    lambda ax: FM.map_chart(FS.YearValues(V24, FW, 2024), lang="en", footer="", ax=ax),
    lambda ax: FM.locator_chart("7505", lang="id", footer="", ax=ax),
    lambda ax: FT.leap_chart(FT.LeapData(pd.Series({"75": 0.91, "7501": 0.38}),
                                         FT.LeapFinding(2023, 2024, 0.91, 0.38, 1, 2)), lang="en", footer="", ax=ax),
    lambda ax: FP.shared_service_chart(FP.SharedServiceData(SERVICE, "Sangat Baik"), lang="en", footer="", ax=ax),
])
def test_charts_draw_into_a_given_axes(draw):
    fig, ax = plt.subplots()
    out = draw(ax)
    assert out is ax and ax.has_data() or len(ax.patches) + len(ax.texts) > 0
    assert fig._suptitle is None, "a chart drawing into a caller's axes leaves the figure's title alone"
    plt.close(fig)


def test_chart_titles_are_their_findings():
    ax = FS.ranked_chart(FS.YearValues(V24, FW, 2024), lang="id", footer="")
    fig = ax.figure
    assert fig._suptitle.get_text().replace("\n", " ") == FS.ranked_finding(V24, FW).title("id")
    plt.close(fig)


def test_multi_panel_charts_split_a_given_axes():
    disp = pd.DataFrame({"unweighted": D.dispersion(V24), "population_weighted": D.dispersion(V24)})
    fig, ax = plt.subplots()
    out = FS.dispersion_chart(FS.DispersionData(disp, 2024), lang="en", footer="", ax=ax)
    assert len(out) == 3 and all(a.figure is fig for a in out) and ax not in fig.axes
    assert fig._suptitle is None
    plt.close(fig)


@pytest.mark.parametrize("draw", [
    lambda: FF.step_effect_chart(FW, lang="id", footer=""),
    lambda: FS.ranked_chart(FS.YearValues(V24, FW, 2024, province=4.13), lang="id", footer=""),
    lambda: FS.next_band_chart(FS.YearValues(V24, FW, 2024), lang="id", footer=""),
    lambda: FS.reference_chart(FS.YearValues(V24, FW, 2024, 4.13, 3.12), lang="id", footer=""),
    lambda: FS.pairwise_chart(FS.YearValues(V24, FW, 2024), lang="id", footer=""),
])
def test_indonesian_figures_write_decimal_commas_on_every_axis_and_colour_bar(draw):
    import re
    fig = draw().figure
    fig.canvas.draw()
    labels = [t.get_text() for a in fig.axes for t in a.get_xticklabels() + a.get_yticklabels()]
    assert labels and not [s for s in labels if re.search(r"\d\.\d", s)], labels
    plt.close(fig)


def test_brief_findings():
    from spbe_analysis.figures import brief as FB
    pos = FB.position_finding("7501", V24, 2.02, FW, 2024, 4.13, 3.12)
    assert (pos.band, pos.rank, pos.n, pos.next_band) == ("Cukup", 6, 6, "Baik")
    assert (pos.change, pos.gap_next, pos.gap_province, pos.gap_national) == pytest.approx((0.38, 0.20, 1.73, 0.72))
    assert "Boalemo" in both(pos) and "+0,38" in pos.text("id") and "0,20" in pos.text("id")
    top = FB.position_finding("7504", V24, None, FW, 2024, None, 2.90)
    assert top.rank == 1 and top.change is None and top.gap_national == pytest.approx(-0.10)
    assert "above" in top.text("en").lower()
    stats = pd.DataFrame({"entity": "7501", "target": "Baik", "target_value": 2.6, "group": [1, 2, 3, 4],
                          "median": [0.0, 0.07, 0.13, 0.02], "p5": [-0.05, 0.01, 0.06, -0.1],
                          "p95": [0.04, 0.17, 0.2, 0.1], "gap_median": 0.2,
                          "largest_share": [0.0, 0.1, 0.85, 0.05], "n_profiles": 50})
    hold = FB.gap_hold_finding(stats, FW, "Baik")
    names = FW.group_names("domain")
    assert [n for n, _ in hold.holds] == [names[3], names[2]], "held in 95 % of profiles, largest first"
    assert hold.leader == (names[3], 0.85) and hold.target == "Baik" and hold.level == "domain"
    assert "*" not in hold.title("id") and "*" in hold.text("id") and "85%" in both(hold)
    none = FB.gap_hold_finding(stats.assign(p5=-0.01, largest_share=0.3), FW, "Baik")
    assert not none.holds and none.leader is None and "No robust statement" in none.text("en")
    ens = pd.DataFrame({"entity": "7501", "scenario": "own", "kind": "plan", "draw": [0, 0, 0, 1, 1, 1],
                        "framework": ["spbe2020", "pemdi2026", "pemdi2026"] * 2, "year": [2025, 2026, 2027] * 2,
                        "index": [2.62, 1.7, 2.1, 2.5, 1.9, 2.6]})
    s = FB.years_text("7501", ens, ("Baik", 2.6), {"Cukup": 1.8, "Baik": 2.5}, 0.19, "en")
    assert "Baik in 2025 in 50%" in s and "Cukup by 2026" in s and "Baik not before 2027" in s


def test_locator_rings_a_regency_too_small_to_see():
    from matplotlib.collections import PathCollection
    rings = {}
    for code in ("7571", "7501"):
        fig = FM.locator_chart(code, lang="en", footer="").figure
        rings[code] = sum(isinstance(c, PathCollection) for c in fig.axes[0].collections)
        plt.close(fig)
    assert rings == {"7571": 1, "7501": 0}


def test_the_plan_caveat_follows_the_data_actually_used():
    """Page 05 and the briefs call a start illustrative only when it is projected from illustrative
    SPBE profiles; a real SPBE sheet or a real PEMDI sheet is named as such."""
    from spbe_analysis import pages
    from spbe_analysis.figures import brief as FB

    ill = FB.plan_caveat(True, ["projected"] * 6, "id")
    real_spbe = FB.plan_caveat(False, ["projected"] * 6, "id")
    real_pemdi = FB.plan_caveat(True, ["assessor", "self_assessment"], "id")
    mixed = FB.plan_caveat(False, ["assessor", "projected"], "en")
    assert "ilustratif" in ill and "padanan SPBE-PEMDI tidak resmi" in ill
    assert "ilustratif" not in real_spbe and "lembar evaluasi nyata" in real_spbe
    assert "ilustratif" not in real_pemdi and "diproyeksikan" not in real_pemdi and "lembar PEMDI nyata" in real_pemdi
    assert "1 of 2 starts" in mixed and "illustrative" not in mixed and "real evaluation sheet" in mixed
    brief = FB.plan_caveat(False, ["assessor"], "id", brief=True)
    assert brief.startswith("Asumsi:") and "ilustratif" not in brief
    for text, lang in ((ill, "id"), (real_pemdi, "id"), (brief, "id"), (mixed, "en")):
        assert pages.split_findings(f"- Temuan satu.\n- {text}", lang) == (["Temuan satu."], [text]), "a caveat, boxed"


def test_a_brief_names_its_robust_moves_with_what_to_produce():
    from types import SimpleNamespace

    from spbe_analysis.figures import brief as FB

    moves = SimpleNamespace(robust=(("7501", (("I20", 2, 11 / 12, 216), ("I19", 2, 1.0, 216))), ("7502", ())),
                            cycle=2027, basis=(("7501", "projected"), ("7502", "assessor")), threshold=0.8,
                            varied=("vary_profiles_illustrative", "vary_carry_scenarios", "vary_effort_tables",
                                    "vary_prerequisite_judgement"), n_draws=16, n_tables=18, max_mc_error=0.1443)
    lines = FB.robust_brief_lines(moves, "7501", "id")
    assert len(lines) == 2
    assert lines[0].startswith("Tingkat Pengelolaan Kepuasan Pengguna (level 2): siapkan fitur umpan balik")
    assert "92%" in lines[0] and "216" in lines[1] and not re.search(r"\bI\d+\b", " ".join(lines)), "names, not codes"
    assert FB.robust_brief_lines(moves, "7502", "en") == [
        "No move holds in every scenario for Kab. Gorontalo: its first-cycle plan depends on the assumptions."]
    one = FB.robust_brief_finding(moves, "7501", "id")
    assert "Tingkat Pengelolaan Kepuasan Pengguna (level 2) dan Fasilitas Dukungan Pengguna (level 2)" in one
    assert "2027" in one and len(one.split()) < 40
    scope = FB.robust_scope_text(moves, "id")
    assert "80%" in scope and "18 tabel asumsi" in scope and "16 titik awal" in scope and "14 poin persen" in scope
    for what in ("tabel upaya", "baris yang berdasar pertimbangan", "kredit bukti SPBE lama", "profil SPBE ilustratif"):
        assert what in scope, what
    assert "Kab. Gorontalo" in FB.robust_scope_text(moves, "en", "7502"), "a start from a PEMDI sheet is named"
    exact = SimpleNamespace(**{**vars(moves), "max_mc_error": 0.0})
    assert "no random error" in FB.robust_scope_text(exact, "en")


def test_a_brief_lists_borderline_moves_as_such():
    """Moves whose share stays within the simulation error of the threshold are listed after the
    robust ones and called "hampir aman", as pages 05 and 07 do; the draws read as a range."""
    from types import SimpleNamespace

    from spbe_analysis.figures import brief as FB

    moves = SimpleNamespace(robust=(("7501", (("I20", 2, 1.0, 216),)), ("7503", ())),
                            borderline=(("7501", (("I5", 2, 0.78, 64),)), ("7503", (("I19", 2, 0.83, 64),))),
                            cycle=2027, basis=(("7501", "projected"), ("7503", "projected")), threshold=0.8,
                            varied=("vary_profiles_illustrative", "vary_effort_tables"), n_draws=16, max_draws=64,
                            n_tables=6, max_mc_error=0.05)
    lines = FB.robust_brief_lines(moves, "7501", "id")
    assert [("hampir aman" in x) for x in lines] == [False, True]
    assert lines[1].startswith("Tata Kelola Data (level 2): siapkan penyelenggara Satu Data") and "80%" in lines[1]
    assert FB.robust_brief_finding(moves, "7501", "id").endswith("; hampir aman: Tata Kelola Data (level 2).")
    only = FB.robust_brief_finding(moves, "7503", "en")
    from spbe_analysis.figures.pagetext import move_name
    assert only.startswith("No move holds in every scenario in the 2027 cycle yet") and move_name("I19", 2, "en") in only
    scope = FB.robust_scope_text(moves, "id")
    assert "16\u201364 titik awal" in scope and "hampir aman" in scope and "5 poin persen" in scope


def test_page_05_boxes_a_band_reached_by_a_hair_apart_from_its_roadmap_finding():
    from spbe_analysis import pages
    from spbe_analysis.figures import actions as FA, brief as FB

    rows = (("7501", 1.26, "Baik (Berkembang)", 2.5, 2029, 2.5, 21.23), ("7502", 1.27, "Baik (Berkembang)", 2.5, 2029, 2.5, 20.2))
    road = FA.ActionRoadmapFinding(2026, 2029, rows, (), (("7501", 2029, 2.5, 2.496), ("7502", 2029, 2.5, 2.498)))
    found, thin = FB.roadmap_finding_and_caveat(road, "id")
    assert found.startswith("2 dari 2 kabupaten/kota") and "2,496" not in found and len(found.split()) < 40
    assert "2,496-2,498" in thin
    assert pages.split_findings(f"- {found}\n- {thin}", "id") == ([found], [thin])
    plain = FA.ActionRoadmapFinding(2026, 2029, rows, ())
    assert FB.roadmap_finding_and_caveat(plain, "en") == (FA.roadmap_short(plain, "en"), "")


def test_roadmap_title_names_the_band_reached_and_the_finding_says_no_margin_briefly():
    from spbe_analysis.figures import actions as FA

    rows = (("7501", 1.26, "Baik (Berkembang)", 2.5, 2029, 2.5, 21.23), ("7502", 1.27, "Baik (Berkembang)", 2.5, 2029, 2.5, 20.2))
    road = FA.ActionRoadmapFinding(2026, 2029, rows, (), (("7501", 2029, 2.5, 2.496), ("7502", 2029, 2.5, 2.498)))
    # a Kurang start two bands below Baik: the title names Baik, not "the next band", and says no margin
    assert "Baik (Berkembang)" in road.title("id") and "berikutnya" not in road.title("id")
    assert road.title("id").endswith("pas di ambang") and road.title("en").endswith("with no margin")
    clause = road.no_margin("id")
    assert "2,496-2,498" in clause and "2 dari 2" in clause
    found = FA.with_clause("6 dari 6 mencapai Baik.", clause)
    assert found.endswith("2,496-2,498.") and found.count(".") == 1 + clause.count(".")
    plain = FA.ActionRoadmapFinding(2026, 2029, rows, ())
    assert plain.no_margin("id") == "" and FA.with_clause("x.", "") == "x." and "cadangan" not in plain.title("id")
    mixed = FA.ActionRoadmapFinding(2026, 2029, (rows[0], ("7503", 1.3, "Cukup (Berkembang)", 1.8, 2028, 2.0, 9.0)), ())
    assert "sasarannya" in mixed.title("id")


def test_brief_findings_stay_short_and_box_the_thin_margin():
    """A brief's start finding leaves the thin-margin warning to the box under the findings, and its
    to-do finding names the one step that adds most, with what it produces and the date."""
    import dataclasses
    from fractions import Fraction

    from spbe_analysis import actionplan, pages
    from spbe_analysis.figures import actions as FA, brief as FB

    start = actionplan.Start("7501", pd.Series({f"I{k}": 1.31 for k in range(1, 21)}), "projected", 2026)
    plan = actionplan.plan_actions(start)
    last = plan.summary.iloc[-1]
    x = FA.exact_index(plan, int(last["year"]))
    edge = float(last["index"]) + (0.0 if x < Fraction(repr(float(last["index"]))) else 0.01)
    thin = dataclasses.replace(plan, target=("Baik (Berkembang)", edge), kind="at the edge",
                               summary=plan.summary.assign(index=[*plan.summary["index"][:-1], edge]))
    for lang in ("id", "en"):
        found, margin = FB.start_finding_and_margin(thin, None, lang)
        assert margin == FA.margin_text(thin, lang) != "" and margin not in found
        assert found + " " + margin == FA.start_line(thin, None, lang)
        assert pages.split_findings(f"- {found}\n- {margin}", lang) == ([found], [margin])
        todo = FB.todo_finding(plan, lang)
        top = plan.steps[plan.steps["kind"] != "shared"].sort_values("index_gain", ascending=False, kind="stable").iloc[0]
        assert FA.step_name(top, lang) in todo and FA.produce_text(top, lang) in todo
        assert FA.date_text(plan.steps["deadline"].iloc[0], lang) in todo and len(todo.split()) < 40
    assert FB.start_finding_and_margin(dataclasses.replace(plan, target=("Kurang (Merintis)", 1.0)), None, "id")[1] == ""
