"""Figures that fit a slide: every chart builder, drawn on the package's real data (small n) at
16:9 and 200 dpi as saved, keeps every text on the canvas, no legend over plotted data (points
and segments of lines, bars, markers, value labels) or over other text, no panel's label over
another panel, tick labels that state their ticks, and at most about 12 labelled rows per axes."""
import re
from functools import cache

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import PathCollection, PolyCollection  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
from matplotlib.text import Text  # noqa: E402

import spbe_analysis as sa  # noqa: E402
from spbe_analysis import decomposition as DC, disparity as D, forecast, panel, paths, pemdi, profiles  # noqa: E402
from spbe_analysis import pace as PACE, sensitivity, transition  # noqa: E402
from spbe_analysis import figures as F  # noqa: E402
from spbe_analysis.figures import actions as FA, style  # noqa: E402

N = 12          # profiles per regency: small, the layout does not depend on it
MAX_ROWS = 12   # labelled rows a slide reader can take in


@cache
def ctx(lang):
    return sa.context(2024, lang=lang, n_profiles=N)


@cache
def projection():
    return pemdi.project(ctx("id").profiles.levels, seed=1, illustrative=True)


@cache
def plans():
    from spbe_analysis import cache as plan_cache
    return plan_cache.pemdi_plans(2024, "", "", 20250723, N, "", "", 2027, 3, "").plans


@cache
def sensitivity_run():
    c = ctx("id")
    return sensitivity.run(c.with_province_profiles(N), c.framework, 200, 100.0, 1, illustrative=True)


@cache
def robust_moves():
    from spbe_analysis import cache as plan_cache
    return plan_cache.robust_moves(2024, "", "", 20250723, N, "", "", n_draws=1, max_draws=1)


def _year_values(c):
    return F.snapshot.YearValues(c.values, c.framework, c.year, c.province, c.national)


def _trajectories(c):
    years = [2019, 2021, 2022, 2023, 2024, 2025, 2026]
    shown = c.codes + (c.province_code, c.national_code)
    f = F.trends.trajectory_finding(c.published, c.codes, c.province_code, 2022, 2024)
    return F.trends.TrajectoryData(c.published, shown, years, c.framework, f, panel.instrument_breaks(c.published, years))


def _sigma(c, m):
    return F.trends.SigmaData(D.sigma_convergence(c.published, c.codes, [2022, 2023, 2024], c.framework), m)


def _beta(c):
    v0, _ = panel.exact_values(c.published, 2023, c.codes)
    v1, _ = panel.exact_values(c.published, 2024, c.codes)
    return D.beta_convergence(v0, v1, 2023, 2024)


def _leap(c):
    chg = panel.changes(c.published, c.codes + (c.province_code,), 2023, 2024)
    g0, g1 = (panel.mean_gap(c.published, c.province_code, c.codes, y) for y in (2023, 2024))
    return F.trends.LeapData(chg, F.trends.leap_finding(chg, c.province_code, g0, g1, 2023, 2024))


def _gap_ranges(c):
    tg = c.targets(("Baik", "Sangat Baik"))
    dom = DC.gap_summary(c.profiles.levels, tg, c.framework, by="domain")
    sb = list(tg)[1]
    return F.indicators.GapRangesData(dom, c.framework, F.indicators.gap_lead_finding(dom, c.framework, sb))


def _brief_gap(c, code="7503"):
    """A regency brief's gap chart: one panel, the finding of :func:`F.brief.gap_hold_finding`."""
    band, v = c.next_bands()[code]
    stats = DC.gap_summary({code: c.profiles.levels[code]}, {band: v}, c.framework)
    return F.indicators.GapRangesData(stats, c.framework, F.brief.gap_hold_finding(stats, c.framework, band))


def _aspect_gap(c):
    tg = c.targets(("Sangat Baik",), province=False)
    asp = DC.gap_summary(c.profiles.levels, tg, c.framework, by="aspect")
    sb = list(tg)[0]
    med = asp[asp["target"] == sb].pivot(index="entity", columns="group", values="median").loc[list(c.codes)]
    return F.indicators.AspectGapData(med, c.framework, sb)


def _shared_service(c):
    svc = paths.SharedService("shared", {"16": 4, "17": 4, "18": 4}, cost=9)
    lv = {e: c.profiles.levels[e].head(2) for e in c.codes[:3]}
    return F.paths.SharedServiceData(paths.shared_service_ensemble(lv, c.framework, svc, 3.5, draws=2), "Sangat Baik")


@cache
def _steps(lang):
    c = ctx(lang)
    lv = {e: c.profiles.levels[e].head(2) for e in c.codes}
    return paths.plan_steps(lv, c.framework, {e: 3.5 for e in c.codes},
                            {"unit": (None, None), "effort": (paths.escalating_costs(c.framework), None)}, draws=2)


def _pace(c):
    ch = PACE.observed_changes(c.published, c.codes, [2022, 2023, 2024])
    return F.pace.PaceData(ch, F.pace.pace_finding(PACE.own_pace(ch), PACE.backtest(c.published, c.codes,
                                                                                     [2022, 2023, 2024])))


def _transition(c):
    own = PACE.own_pace(PACE.observed_changes(c.published, c.codes, [2022, 2023, 2024]))
    cap = PACE.capacity_scenarios(own, 8)
    lv = {e: c.profiles.levels[e].head(2) for e in c.codes}
    ens = transition.transition_ensemble(lv, transition.setting([2025], [2026, 2027]), cap, draws=2)
    nxt = c.next_bands()
    return F.pace.TransitionData(ens, F.pace.transition_finding(ens, nxt, "own"))


def _position(c, code="7503"):
    years = [2022, 2023, 2024]
    prev = panel.value_of(c.published, code, 2023)
    f = F.brief.position_finding(code, c.start, prev, c.framework, 2024, c.province, c.national)
    return F.brief.PositionData(code, c.published, years, c.framework, (c.province_code, c.national_code), f)


def _spbe_bands(c):
    return {e: sa.predicate(float(c.start[e]), c.framework) for e in c.codes}


def _pemdi_gap(c):
    pd_ = sa.load_framework("pemdi2026")
    (band, v), = list(pd_.band_edges("Baik").items())[:1]
    return F.pemdi.GapData(pemdi.gap_by_indicator(projection(), v), projection(), band, v)


#: name -> (chart, data from a context); ``footer`` is the context's full footer (the longest).
BUILDERS = {
    "framework.weights_chart": (F.framework.weights_chart, lambda c: c.framework),
    "framework.weights_chart_pemdi": (F.framework.weights_chart, lambda c: sa.load_framework("pemdi2026")),
    "framework.step_effect_chart": (F.framework.step_effect_chart, lambda c: c.framework),
    "snapshot.ranked_chart": (F.snapshot.ranked_chart, _year_values),
    "snapshot.next_band_chart": (F.snapshot.next_band_chart, _year_values),
    "snapshot.reference_chart": (F.snapshot.reference_chart, _year_values),
    "snapshot.pairwise_chart": (F.snapshot.pairwise_chart, _year_values),
    "snapshot.dispersion_chart": (F.snapshot.dispersion_chart, lambda c: F.snapshot.DispersionData(
        pd.DataFrame({"unweighted": D.dispersion(c.values), "population_weighted": D.dispersion(
            c.values, c.regencies["population"].astype(float).loc[c.values.index])}), c.year)),
    "maps.map_chart": (F.maps.map_chart, _year_values),
    "maps.locator_chart": (F.maps.locator_chart, lambda c: "7571"),
    "trends.trajectories_chart": (F.trends.trajectories_chart, _trajectories),
    "trends.sigma_chart_cv": (F.trends.sigma_chart, lambda c: _sigma(c, "cv")),
    "trends.sigma_chart_gini": (F.trends.sigma_chart, lambda c: _sigma(c, "gini")),
    "trends.beta_chart": (F.trends.beta_chart, _beta),
    "trends.leap_chart": (F.trends.leap_chart, _leap),
    "indicators.gap_ranges_chart": (F.indicators.gap_ranges_chart, _gap_ranges),
    "indicators.gap_ranges_chart_brief": (F.indicators.gap_ranges_chart, _brief_gap),
    "indicators.aspect_gap_chart": (F.indicators.aspect_gap_chart, _aspect_gap),
    "paths.shared_service_chart": (F.paths.shared_service_chart, _shared_service),
    "paths.effort_shift_chart": (F.paths.effort_shift_chart, lambda c: F.paths.EffortShiftData(
        paths.scenario_shares(_steps(c.lang), c.framework), c.framework, "Sangat Baik")),
    "paths.no_regret_chart": (F.paths.no_regret_chart, lambda c: F.paths.NoRegretData(paths.no_regret(_steps(c.lang)))),
    "pace.pace_chart": (F.pace.pace_chart, _pace),
    "pace.transition_chart": (F.pace.transition_chart, _transition),
    "pace.backtest_chart": (F.pace.backtest_chart, lambda c: forecast.backtest(c.published)),
    "pace.reach_chart": (F.pace.reach_chart, lambda c: forecast.reach(forecast.backtest(c.published), c.published,
                                                                      c.codes, seed=1)),
    "pemdi.weights_chart": (F.pemdi.weights_chart, lambda c: pemdi.crosswalk_arrays()),
    "pemdi.band_chart": (F.pemdi.band_chart, lambda c: F.pemdi.BandData(projection(), _spbe_bands(c))),
    "pemdi.range_chart": (F.pemdi.range_chart, lambda c: projection()),
    "pemdi.gap_chart": (F.pemdi.gap_chart, _pemdi_gap),
    "pemdi.aspect_range_chart": (F.pemdi.aspect_range_chart, lambda c: F.pemdi.AspectRangeData(projection())),
    "brief.position_chart": (F.brief.position_chart, _position),
    "brief.position_chart_censored": (F.brief.position_chart, lambda c: _position(c, "7501")),
    "brief.pemdi_start_chart": (F.brief.pemdi_start_chart, lambda c: F.brief.PemdiStartData(
        projection(), "7503", _spbe_bands(c)["7503"])),
    "actions.roadmap_chart": (FA.roadmap_chart, lambda c: FA.roadmap_data(plans(), True)),
    "robustness.rank_chart": (F.robustness.rank_chart, lambda c: sensitivity_run()),
    "robustness.band_probability_chart": (F.robustness.band_probability_chart,
                                          lambda c: F.robustness.BandProbabilityData(sensitivity_run(), c.framework)),
    "robustness.robust_moves_chart": (F.robustness.robust_moves_chart,
                                      lambda c: F.robustness.RobustMovesData(robust_moves())),
}


def test_every_chart_has_a_builder_here():
    """A new chart joins this test."""
    charts = {f"{m}.{n}" for m in ("framework", "snapshot", "maps", "trends", "indicators", "paths", "pace", "pemdi",
                                   "brief", "actions", "robustness")
              for n, fn in vars(getattr(F, m)).items() if n.endswith("_chart") and getattr(fn, "__module__", "")
              == f"spbe_analysis.figures.{m}"}
    covered = {f"{k.split('.')[0]}.{fn.__name__}" for k, (fn, _) in BUILDERS.items()}
    assert charts <= covered, charts - covered


# ----------------------------------------------------------------------------- what is checked
def _drawn_tick_labels(ax):
    out = []
    for axis in (ax.xaxis, ax.yaxis):
        lo, hi = sorted(axis.get_view_interval())
        for tick in axis.get_major_ticks():
            if lo - 1e-9 <= tick.get_loc() <= hi + 1e-9:
                out += [lab for lab in (tick.label1, tick.label2) if lab.get_visible() and lab.get_text()]
    return out


def _texts(fig):
    """Every visible, non-empty text that is drawn: figure texts, titles, axis labels, drawn tick
    labels, texts and annotations in the axes, legend texts."""
    out = [t for t in fig.texts if t.get_visible() and t.get_text()]
    for s in (fig._suptitle, fig._supxlabel, fig._supylabel):
        if s is not None and s.get_visible() and s.get_text():
            out.append(s)
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        cand = [ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label, *ax.texts]
        out += [t for t in cand if t.get_visible() and t.get_text()] + _drawn_tick_labels(ax)
        leg = ax.get_legend()
        if leg is not None:
            out += [t for t in leg.get_texts() + [leg.get_title()] if t.get_visible() and t.get_text()]
    return out


def _segments_display(line, per=12):
    xy = line.get_transform().transform(np.asarray(line.get_xydata(), dtype=float))
    xy = xy[np.isfinite(xy).all(axis=1)]
    if len(xy) < 2 or line.get_linestyle() in ("None", "none", "", " "):
        return xy
    t = np.linspace(0, 1, per)[:, None]
    return np.concatenate([a + t * (b - a) for a, b in zip(xy[:-1], xy[1:])])


def _data_boxes(ax, r):
    """(what, display boxes or points) of what the axes plots: line points and segments, bar
    rectangles, scatter markers, value labels placed in data coordinates. Background shading
    (zorder below 0.5, the predicate bands) is not data."""
    points, boxes = [], []
    for ln in ax.lines:
        if ln.get_visible() and ln.get_zorder() >= 0.5:
            points.append((f"line {ln.get_label()}", _segments_display(ln)))
    for p in ax.patches:
        if isinstance(p, Rectangle) and p.get_visible() and p.get_zorder() >= 0.5 and p.get_width() and p.get_height():
            boxes.append((f"bar {p.get_label()}", p.get_window_extent(r)))
    for c in ax.collections:
        if not c.get_visible() or c.get_zorder() < 0.5:
            continue
        if isinstance(c, PathCollection) and len(c.get_offsets()):
            points.append(("markers", c.get_offset_transform().transform(np.asarray(c.get_offsets(), dtype=float))))
        elif isinstance(c, PolyCollection):
            boxes += [("range", p.get_extents(c.get_transform())) for p in c.get_paths()]
    for t in ax.texts:
        if t.get_visible() and t.get_text() and t.get_transform() == ax.transData:
            boxes.append((f"label {t.get_text()!r}", t.get_window_extent(r)))
    return points, boxes


def _inside(box, pts, pad=1.0):
    pts = np.asarray(pts).reshape(-1, 2)
    return bool(((pts[:, 0] > box.x0 + pad) & (pts[:, 0] < box.x1 - pad)
                 & (pts[:, 1] > box.y0 + pad) & (pts[:, 1] < box.y1 - pad)).any())


def _overlap(a, b, pad=1.0):
    return min(a.x1, b.x1) - max(a.x0, b.x0) > pad and min(a.y1, b.y1) - max(a.y0, b.y0) > pad


def layout_problems(fig, max_rows=MAX_ROWS):
    """What does not fit the slide, in words (empty when the figure is fine)."""
    fig.set_dpi(200)  # as saved: hinted raster text runs wider than at screen resolution
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    W, H = fig.bbox.width, fig.bbox.height
    bad = []
    texts = _texts(fig)
    for t in texts:
        b = t.get_window_extent(r)
        if b.x0 < -1 or b.y0 < -1 or b.x1 > W + 1 or b.y1 > H + 1:
            bad.append(f"cut at the canvas edge: {t.get_text()[:60]!r}")
    for ax in fig.axes:
        legends = [lg for lg in [ax.get_legend()] if lg is not None and lg.get_visible()]
        for lg in legends:
            lb = lg.get_window_extent(r)
            if lb.x0 < -1 or lb.y0 < -1 or lb.x1 > W + 1 or lb.y1 > H + 1:
                bad.append("legend cut at the canvas edge")
            for other in fig.axes:
                points, boxes = _data_boxes(other, r)
                bad += [f"legend over {what}" for what, pts in points if _inside(lb, pts)]
                bad += [f"legend over {what}" for what, b in boxes if _overlap(lb, b)]
            own = set(map(id, lg.get_texts() + [lg.get_title()]))
            bad += [f"legend over text {t.get_text()[:40]!r}" for t in texts
                    if id(t) not in own and _overlap(lb, t.get_window_extent(r))]
        for t in ax.texts:
            if not (t.get_visible() and t.get_text()):
                continue
            b = t.get_window_extent(r)
            for other in fig.axes:
                if other is not ax and other.get_visible() and _overlap(b, other.get_window_extent(r), pad=2):
                    bad.append(f"label runs into the next panel: {t.get_text()[:40]!r}")
        for axis in (ax.xaxis, ax.yaxis):
            if not isinstance(axis.get_major_formatter(), style.DecimalFormatter):
                continue
            lo, hi = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks():
                text = tick.label1.get_text()
                if tick.label1.get_visible() and text and lo - 1e-9 <= tick.get_loc() <= hi + 1e-9:
                    value = float(text.replace("\u2212", "-").replace(".", "").replace(",", ".")
                                  if "," in text else text.replace("\u2212", "-"))
                    if abs(value - tick.get_loc()) > 1e-6 * max(1.0, abs(tick.get_loc())):
                        bad.append(f"tick at {tick.get_loc():g} reads {text!r}")
        rows = [t for t in _drawn_tick_labels(ax) if t in ax.yaxis.get_ticklabels()]
        if len(rows) > max_rows:
            bad.append(f"{len(rows)} labelled rows (at most {max_rows})")
    return sorted(set(bad))


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", list(BUILDERS))
def test_figure_fits_the_slide(name, lang):
    chart, data = BUILDERS[name]
    c = ctx(lang)
    out = chart(data(c), lang=lang, footer=c.footer)
    fig = style.figure_of(out)
    try:
        assert tuple(fig.get_size_inches()) in (style.FULL, F.maps.LOCATOR)
        assert abs(fig.get_figwidth() / fig.get_figheight() - 16 / 9) < 0.01
        assert layout_problems(fig) == []
    finally:
        plt.close(fig)


def test_the_check_sees_a_legend_over_data_and_a_cut_title():
    """The check itself: a legend placed over the bars and a title wider than the slide fail."""
    fig, ax = style.new_figure()
    ax.barh([0, 1, 2], [10, 20, 30], label="bars")
    ax.text(30.5, 2, "30", va="center")
    ax.legend(loc="upper right")
    fig.suptitle("A finding that runs far beyond the right edge of the slide " * 3, x=0.01, ha="left")
    problems = layout_problems(fig)
    plt.close(fig)
    assert any(p.startswith("legend over bar") for p in problems), problems
    assert any(p.startswith("cut at the canvas edge") for p in problems), problems


def test_published_footer_names_only_published_sources():
    c = ctx("id")
    assert "profil" not in F.published_footer(c) and F.published_footer(c) in c.footer


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_robustness_chart_is_titled_by_its_own_finding(lang):
    """The rank chart states the ranks that hold, the band chart the bands (not each other's), and
    a share of every replicate reads "in all n replicates", never 100 %."""
    run, c = sensitivity_run(), ctx(lang)
    ranks, bands = F.robustness.rank_finding(run), F.robustness.band_probability_finding(run)
    for chart, data, finding, word in (
            (F.robustness.rank_chart, run, ranks, {"id": "Peringkat", "en": "rank"}),
            (F.robustness.band_probability_chart, F.robustness.BandProbabilityData(run, c.framework), bands,
             {"id": "Predikat", "en": "band"})):
        fig = style.figure_of(chart(data, lang=lang, footer=c.footer))
        try:
            title = fig._suptitle.get_text().replace("\n", " ")
            assert title.startswith(finding.title(lang)) and word[lang] in finding.title(lang), title
        finally:
            plt.close(fig)
    assert ranks.title(lang) != bands.title(lang)
    assert F.robustness.band_probability_finding(F.robustness.BandProbabilityData(run, c.framework)) == bands
    lines = " ".join(FA.robustness_lines(ranks, lang) + [ranks.text(lang), bands.text(lang)])
    assert not re.search(r"\b100 ?%", lines), lines
