"""The texts of a regency brief, checked for what they mean (no kernel): the PEMDI-start finding
gives the plan's starting point beside the draws page 06 shows, the full-credit band and a band
reached by rounding with its unrounded index; the heading over the moves that hold says "hampir
aman" exactly when only borderline moves exist; the table of who does what fits a screen and
names every step; the step cards point to the full criteria instead of quoting them; the plan
files are linked where the plan command writes them."""
import dataclasses
import math
import re
from fractions import Fraction
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

import spbe_analysis as sa
from spbe_analysis import actionplan, criteria, pemdi, planfiles
from spbe_analysis.figures import brief as FB
from spbe_analysis.figures import pagetext as PT
from spbe_analysis.figures import steptext as S
from spbe_analysis.figures.actions import STATUS_NOTE
from spbe_analysis.labels import LABELS, num, open_pct, t
from spbe_analysis.labels.glossary import english_words, glued_words

LANGS = ("id", "en")


@pytest.fixture(scope="module")
def projected():
    """One regency's projection and plan, made as the pages make them (few profiles: fast)."""
    ctx = sa.context(year=2024, seed=20250723, n_profiles=30, lang="id")
    proj = pemdi.project({"7501": ctx.profiles.levels["7501"]}, seed=20250723, illustrative=ctx.illustrative)
    plan = actionplan.plan_all(actionplan.regency_starts(["7501"], proj, {}), 2027, 3)["7501"]
    return proj, plan


def _thin(plan, rounded=True):
    """The plan with its target's edge moved next to the unrounded index of its last cycle: just
    above it, so that only the official rounding reaches the band (``rounded``), or on the
    hundredth just below it (a margin of a few thousandths)."""
    last = plan.summary.iloc[-1]
    x = Fraction(S.exact_index(plan, int(last["year"])))
    if rounded:
        edge = Fraction(math.floor(x * 100) + 1, 100)
        summary = plan.summary.assign(index=[*plan.summary["index"][:-1], float(edge)])
    else:
        edge, summary = Fraction(math.floor(x * 100), 100), plan.summary
    return dataclasses.replace(plan, target=("Baik (Berkembang)", float(edge)), summary=summary, kind="at the edge")


def _words(text):
    return len(text.split())


# ----------------------------------------------------------------------------- the PEMDI-start finding
def _page06_numbers(proj, code="7501"):
    """What page 06 shows of one regency's central scenario: the median of its scenario table, the
    5-95 % range and draws of its index row (the functions page 06 calls, on the same projection)."""
    frame = PT.scenario_frame(proj, "id").set_index("name")
    rng = PT.aspect_ranges(proj, "central")
    row = rng[(rng["entity"] == code) & (rng["aspect"] == 0)].iloc[0]
    return float(frame.loc["Boalemo", "central"]), float(row["p5"]), float(row["p95"]), int(row["draws"])


def test_the_start_finding_gives_the_plan_start_beside_the_draws_page_06_shows(projected):
    proj, plan = projected
    median, p5, p95, draws = _page06_numbers(proj)
    full = proj.band_probabilities("full_credit").loc["7501"]
    for lang in LANGS:
        text = FB.start_finding(plan, proj, lang)
        start = num(float(plan.start.index), lang)
        sims = re.search(r"median (\d+[.,]\d\d), 5-95% (\d+[.,]\d\d)-(\d+[.,]\d\d)", text)
        assert sims and sims.groups() == (num(median, lang), num(p5, lang), num(p95, lang)), text
        assert text.index(start) < sims.start(), "the plan's start first, the draws beside it"
        assert num(draws, lang, 0) in text
        share = t("brief_all_draws", lang) if full.max() >= 1 else open_pct(float(full.max()), lang)
        assert f"{str(full.idxmax()).split(' (')[0]} ({share})" in text, "the band with full credit and its share"
        assert not re.search(r"(?<![\d,.])(100|0)%", text)
        assert _words(text) < 40, (lang, _words(text), text)
    id_ = FB.start_finding(plan, proj, "id").lower()
    assert "titik awal rencana" in id_ and "profil tengah" in id_ and "skenario tengah" in id_
    assert "kredit penuh bukti spbe lama" in id_
    en = FB.start_finding(plan, proj, "en")
    assert "plan start" in en and "median profile" in en and "full credit" in en


@pytest.mark.slow  # plans the six regencies (a few seconds): the full tier
def test_the_start_finding_uses_the_projection_of_the_build_the_same_as_page_06():
    """The brief's projection (the cached plans) and page 06's own call give the same summary."""
    from spbe_analysis import cache

    ctx = sa.context(year=2024, seed=20250723, n_profiles=30, lang="id")
    page06 = pemdi.project(ctx.profiles.levels, seed=20250723, results={}, illustrative=ctx.illustrative)
    brief = cache.pemdi_plans(2024, "", "", 20250723, 30, "", "", 2027, 3, "").projection
    pd.testing.assert_frame_equal(page06.summary(), brief.summary())


def test_the_full_credit_band_is_named_as_another_or_the_same_band(projected):
    proj, plan = projected
    b0 = sa.predicate(float(plan.start.index), "pemdi2026").split(" (")[0]
    draws = proj.draws.copy()
    for band, key in ((b0, "brief_start_full_same"), ("Cukup (Membangun)", "brief_start_full")):
        if band.startswith(b0) and key == "brief_start_full":
            continue
        d = draws.copy()
        d.loc[d["scenario"] == "full_credit", "band"] = sa.predicate(float(plan.start.index), "pemdi2026") \
            if key.endswith("same") else band
        fake = dataclasses.replace(proj, draws=d)
        for lang in LANGS:
            text = FB.start_finding(plan, fake, lang)
            want = t(key, lang, band=f"{band.split(' (')[0]} ({t('brief_all_draws', lang)})")
            assert want in text, (lang, text)


def test_a_band_reached_only_by_rounding_says_so_with_the_unrounded_index(projected):
    _, plan = projected
    for rounded in (True, False):
        thin = _thin(plan, rounded)
        assert S.thin_margin(thin), "the helper of steptext decides what is thin"
        x = S.exact_index(thin, thin.reached)
        assert (x < Fraction(repr(thin.target[1]))) == rounded
        for lang in LANGS:
            text = FB.start_finding(thin, None, lang)
            assert num(float(x), lang, 3) in text and str(thin.reached) in text, text
            words = {("id", True): "pas di ambang", ("en", True): "no margin",
                     ("id", False): "pas di ambang", ("en", False): "at the edge"}[lang, rounded]
            assert words in text, text
            # the box under the findings keeps the full warning, with the same unrounded index
            assert num(float(x), lang, 3) in S.margin_text(thin, lang)


def test_a_band_reached_with_room_to_spare_carries_no_unrounded_index(projected):
    _, plan = projected
    easy = dataclasses.replace(plan, target=("Cukup (Membangun)", 1.8))
    assert not S.thin_margin(easy) and easy.reached
    for lang in LANGS:
        text = FB.start_finding(easy, None, lang)
        assert not re.search(r"\d[.,]\d{3}\b", text.replace("1.000", "").replace("1,000", "")), text
        assert "cadangan" not in text and "margin" not in text
    never = dataclasses.replace(plan, target=("Sangat Baik (Melembaga)", 3.5))
    assert not never.reached
    assert t("brief_reach_no", "id", band="Sangat Baik", y=plan.cycles[-1]) in FB.start_finding(never, None, "id")


def test_a_start_from_a_pemdi_sheet_gives_no_draws(projected):
    proj, plan = projected
    own = dataclasses.replace(plan, start=dataclasses.replace(plan.start, basis="assessor"))
    text = FB.start_finding(own, proj, "id")
    assert t("act_basis_assessor", "id") in text and num(float(plan.start.index), "id") in text
    assert "simulasi" not in text and "kredit penuh" not in text


# ----------------------------------------------------------------------------- the heading over the moves
def _moves(robust, near):
    return SimpleNamespace(robust=(("7501", robust),), borderline=(("7501", near),), cycle=2027, threshold=0.8)


@pytest.mark.parametrize("robust,near", [((("I20", 2, 0.9, 64),), ()), ((("I20", 2, 0.9, 64),), (("I19", 2, 0.78, 64),)),
                                         ((), (("I19", 2, 0.78, 64),)), ((), ())])
def test_the_heading_says_nearly_safe_exactly_when_only_borderline_moves_exist(robust, near):
    moves = _moves(robust, near)
    only_near = not robust and bool(near)
    head_id, head_en = FB.robust_heading(moves, "7501", "id"), FB.robust_heading(moves, "7501", "en")
    assert ("hampir aman" in head_id) == only_near and ("nearly" in head_en) == only_near
    assert head_id.startswith("Mulai dari") == bool(robust or near), "a plain heading when there is no move"
    if robust:
        assert head_id == t("robust_brief_heading", "id")
    lines = FB.robust_brief_lines(moves, "7501", "id")
    assert any("hampir aman" in x for x in lines) == bool(near)
    old = SimpleNamespace(robust=(("7501", robust),), cycle=2027, threshold=0.8)      # a result without borderline
    assert ("hampir aman" in FB.robust_heading(old, "7501", "id")) is False


# ----------------------------------------------------------------------------- who does what, by when
def test_the_table_of_who_does_what_names_every_step_by_office_and_fits_a_screen(projected):
    _, plan = projected
    for lang in LANGS:
        wf = FB.who_frame(plan, lang)
        assert list(wf.columns) == ["office", "prepare", "deadline"] and len(wf) == len(plan.steps) <= FB.WHO_ROWS
        offices = list(wf["office"])
        assert all(offices.index(o) + offices.count(o) - 1 == len(offices) - 1 - offices[::-1].index(o)
                   for o in offices), "one block per office"
        for _, r in plan.steps.iterrows():
            name = PT.move_name(r["indicator"], int(r["to_level"]), lang) if r["kind"] != "shared" else S.step_name(r, lang)
            hit = wf[wf["prepare"].str.startswith(name)]
            assert len(hit) == 1 and S.produce_text(r, lang) in hit["prepare"].iloc[0], (lang, name)
            assert hit["office"].iloc[0] == S.in_lang(r, "lead_office", lang).split(" (")[0]
            # an indicator scored from a national index uploads nothing: no deadline, the reason instead
            assert hit["deadline"].iloc[0] == (t("brief_who_outside", lang) if r["kind"] == "outside index"
                                               else S.date_text(r["deadline"], lang))
        if lang == "id":
            assert english_words(" ".join(wf.astype(str).to_numpy().ravel())) == []
    assert "perkiraan" in t("brief_col_deadline_estimate", "id") and "perkiraan" not in t("brief_col_deadline", "id")
    assert t("brief_col_office", "id") == "Perangkat daerah penanggung jawab"


def test_more_steps_than_a_screen_holds_are_grouped_by_office(projected):
    _, plan = projected
    many = dataclasses.replace(plan, steps=pd.concat([plan.steps, plan.steps], ignore_index=True))
    wf = FB.who_frame(many, "id")
    offices = many.steps.apply(lambda r: S.in_lang(r, "lead_office", "id").split(" (")[0], axis=1)
    assert len(many.steps) > FB.WHO_ROWS and len(wf) == offices.nunique() <= FB.WHO_ROWS
    assert list(wf["office"]) == list(dict.fromkeys(offices))


def test_the_plan_files_are_linked_where_the_plan_command_writes_them(projected, tmp_path):
    _, plan = projected
    reports = tmp_path / "reports"
    planfiles.write_plan_files({"7501": plan}, {"7501": "Boalemo"}, reports, LANGS)
    for lang in LANGS:
        text = FB.plan_files_text("7501", lang)
        hrefs = re.findall(r"\]\(([^)]+)\)", text)
        assert len(hrefs) == 2
        page = reports / lang / "brief_7501.html"
        for h in hrefs:
            assert not Path(h).is_absolute() and (page.parent / h).resolve().is_file(), (lang, h)
        prose = re.sub(r"\]\([^)]+\)", "]", text)
        assert not re.search(r"\b[\w-]+\.(csv|xlsx)\b", prose), "described in words, not as a file name"
        assert ("CSV" in prose) and ("Excel" in prose)


# ----------------------------------------------------------------------------- step cards
def test_kabkota_condition_keeps_only_the_regency_condition():
    levels = criteria.load_levels().set_index(["indicator", "level"])
    text = levels.loc[("I1", 2), "criteria_text"]
    cond = FB.kabkota_condition(text)
    assert cond.startswith("Pemerintah Kabupaten dan Pemerintah Kota") and "Instansi Pusat" not in cond
    assert "Provinsi:" not in cond
    per_type = [k for k, x in levels["criteria_text"].items() if FB.kabkota_condition(x)]
    assert ("I1", 2) in per_type
    assert FB.kabkota_condition(levels.loc[("I20", 2), "criteria_text"]) == "", "a condition for every government"


def _long_plan():
    """A plan from 1,31 everywhere: level steps with fractional starts, several criteria statuses."""
    start = actionplan.Start("7501", pd.Series({f"I{k}": 1.31 for k in range(1, 21)}), "projected", 2026)
    return actionplan.plan_actions(start)


def test_step_cards_summarise_and_point_to_the_full_criteria():
    plan = _long_plan()
    steps = plan.steps[plan.steps["kind"] != "shared"]
    cards = {lang: FB.step_cards(plan, lang) for lang in LANGS}
    plain = {lang: c.replace("\\", "") for lang, c in cards.items()}
    assert english_words(cards["id"]) == [] and glued_words(cards["id"]) == []
    for lang in LANGS:
        assert "Instansi Pusat:" not in plain[lang] and "Pemerintah Provinsi:" not in plain[lang]
        assert "widget" not in plain[lang].lower() and "tracking" not in plain[lang].lower()
        blocks = re.split(r"\n- ", "\n" + cards[lang])[1:]
        level = [b for b in blocks if "→" in b.splitlines()[0]]
        assert len(level) == len(steps)
        for (_, r), block in zip(steps.iterrows(), level):
            lines = block.splitlines()
            assert S.produce_text(r, lang).replace("*", "") in block.replace("\\", ""), "a one-line summary"
            long = " ".join(str(r["criteria_text"]).split())
            assert long[:200] not in " ".join(block.replace("\\", "").split()), "the whole criteria text stays in the workbook"
            ref = t("brief_card_full_ref", lang, name=S.step_name(r, lang), l=int(r["to_level"]))
            assert lines[-1].strip().startswith(f"- {t('brief_card_full', lang)}: {ref}"), lines[-1]
            if r["criteria_status"] in STATUS_NOTE:         # the status label stays on the card
                assert t(STATUS_NOTE[r["criteria_status"]], lang) in lines[-1]
            cond = FB.kabkota_condition(r["criteria_text"])
            assert (t("brief_card_condition", lang) in block) == bool(cond)


def test_loan_words_of_quoted_evidence_get_their_indonesian_on_indonesian_cards_only():
    plan = _long_plan()
    quoted = " ".join(str(e) for e in plan.steps["evidence"])
    cards = {lang: FB.step_cards(plan, lang).replace("\\", "") for lang in LANGS}
    for word, gloss in FB.LOAN_WORDS.items():
        if re.search(rf"(?i)\b{re.escape(word)}\b", quoted):
            assert re.search(rf"(?i)\b{re.escape(word)} \({gloss}\)", cards["id"]), word
    assert "(tangkapan layar)" not in cards["en"] and "(kondisi yang dituju)" not in cards["en"]


def test_every_new_brief_label_exists_in_both_languages():
    for key in [k for k in LABELS if k.startswith("brief_")]:
        assert set(LABELS[key]) >= set(LANGS) and all(LABELS[key][lg].strip() for lg in LANGS), key


def test_the_indonesian_plan_csv_opens_as_columns_in_an_indonesian_locale(projected, tmp_path):
    """Indonesian headings, ';' between columns, decimal commas, no machine codes; the English CSV
    is unchanged; the same bytes on a second write."""
    import csv as csv_mod
    _, plan = projected
    reports = tmp_path / "reports"
    planfiles.write_plan_files({"7501": plan}, {"7501": "Boalemo"}, reports, LANGS)
    p = reports / "id" / "rencana_aksi_7501.csv"
    first = p.read_bytes()
    planfiles.write_plan_files({"7501": plan}, {"7501": "Boalemo"}, reports, LANGS)
    assert p.read_bytes() == first
    rows = list(csv_mod.reader(p.open(encoding="utf-8-sig", newline=""), delimiter=";"))
    assert rows[0][:3] == ["Kode wilayah", "Siklus", "Indikator"] and len(rows) == len(plan.steps) + 1
    assert all(len(r) == len(rows[0]) for r in rows)
    gains = [r[rows[0].index("Kenaikan indeks")] for r in rows[1:]]
    assert any("," in g for g in gains) and not any("." in g for g in gains)
    text = p.read_text(encoding="utf-8-sig")
    assert "projected (illustrative)" not in text and "unverified_later" not in text and "pemdi_planning_document" not in text
    assert (reports / "rencana_aksi_7501.csv").read_text(encoding="utf-8").startswith("code,cycle,indicator,")
