"""Every displayed text, in Bahasa Indonesia and English: one table (:data:`LABELS`).

``t(key, lang, **fmt)`` returns the label in ``lang`` ("id" or "en"), formatted with ``fmt``.
Numbers are written with :func:`num` and :func:`pct`: a decimal comma in Bahasa Indonesia
(2,40), a decimal point in English (2.40).

Predicate names follow one rule in both languages: the official Indonesian name (*Baik*,
*Sangat Baik*), never a translation, because that is the name printed next to every published
index; English pages gloss them once in their "how to read" note (:func:`band_gloss`).
"""
from __future__ import annotations

from typing import Any

from .checks import LANGS, lang as check_lang
from .errors import DataError

L = dict[str, str]

LABELS: dict[str, L] = {
    # ------------------------------------------------------------------ generic
    "index": {"id": "Indeks SPBE", "en": "SPBE index"},
    "index_pemdi": {"id": "Indeks PEMDI", "en": "PEMDI index"},
    "year": {"id": "Tahun", "en": "Year"},
    "yes": {"id": "ya", "en": "yes"},
    "no": {"id": "tidak", "en": "no"},
    "and": {"id": "dan", "en": "and"},
    "weight_pct": {"id": "Bobot dalam indeks (%)", "en": "Weight in the index (%)"},
    "per_level": {"id": "Kenaikan indeks per satu level", "en": "Index gain per level step"},
    "indicator": {"id": "Indikator", "en": "Indicator"},
    "indicators_n": {"id": "{n} indikator x {w}%", "en": "{n} indicators x {w}%"},
    "domain": {"id": "Domain", "en": "Domain"},
    "aspect": {"id": "Aspek", "en": "Aspect"},
    "province": {"id": "Provinsi Gorontalo", "en": "Gorontalo Province"},
    "national": {"id": "Nasional", "en": "National"},
    "national_target": {"id": "Target nasional RPJMN", "en": "National RPJMN target"},
    "illustrative": {"id": "ILUSTRATIF: profil indikator disimulasikan, bukan skor resmi",
                     "en": "ILLUSTRATIVE: simulated indicator profiles, not official scores"},
    "illustrative_short": {"id": " (ilustratif)", "en": " (illustrative)"},
    "unofficial": {"id": "TIDAK RESMI: padanan SPBE-PEMDI buatan paket ini",
                   "en": "UNOFFICIAL: SPBE-to-PEMDI crosswalk made by this package"},
    "source": {"id": "Sumber", "en": "Source"},
    "band_edge": {"id": "Batas predikat", "en": "Predicate edge"},
    "censored_below": {"id": "< {bound} (tidak dipublikasikan)", "en": "< {bound} (not published)"},
    "not_published": {"id": "tidak dipublikasikan", "en": "not published"},
    "fw_spbe2018": {"id": "SPBE (PermenPANRB 5/2018)", "en": "SPBE (PermenPANRB 5/2018)"},
    "fw_spbe2020": {"id": "SPBE (PermenPANRB 59/2020)", "en": "SPBE (PermenPANRB 59/2020)"},
    "fw_pemdi2026": {"id": "PEMDI (PermenPANRB 8/2026)", "en": "PEMDI (PermenPANRB 8/2026)"},
    "fw_short_spbe2018": {"id": "SPBE", "en": "SPBE"},
    "fw_short_spbe2020": {"id": "SPBE", "en": "SPBE"},
    "fw_short_pemdi2026": {"id": "PEMDI", "en": "PEMDI"},
    # ------------------------------------------------------------------ sources and notes
    "source_sheet": {"id": "lembar evaluasi {sheet} ({year}), dihitung persis",
                     "en": "evaluation sheet {sheet} ({year}), scored exactly"},
    "source_profiles": {"id": "{n} profil simulasi per daerah yang konsisten dengan indeks {year} yang dipublikasikan "
                               "(seed {seed})",
                        "en": "{n} simulated profiles per regency consistent with the published {year} index "
                              "(seed {seed})"},
    "sheet_unused": {"id": "Baris lembar evaluasi yang tidak dipakai di halaman ini (hanya enam kabupaten/kota, "
                            "tahun {year}): {rows}.",
                     "en": "Sheet rows not used on this page (only the six regencies, year {year}): {rows}."},
    "sheet_differs": {"id": "{name}: indeks dari lembar evaluasi {sheet} berbeda dari indeks yang dipublikasikan "
                             "{published} ({year}). Halaman ini memakai nilai lembar evaluasi.",
                      "en": "{name}: the evaluation sheet's index {sheet} differs from the published index "
                            "{published} ({year}). This page uses the sheet's value."},
    "sheet_matches": {"id": "Indeks setiap kabupaten/kota dari lembar evaluasi sama dengan yang dipublikasikan "
                             "untuk {year}.",
                      "en": "Every regency's index from the evaluation sheet equals the published {year} index."},
    "sheet_exact": {"id": "**Lembar evaluasi nyata: hasil persis.**", "en": "**Real evaluation sheet: exact results.**"},
    "profiles_illustrative": {"id": "**Profil ILUSTRATIF: bukan tingkat indikator nyata kabupaten/kota.**",
                              "en": "**ILLUSTRATIVE profiles: not the regencies' real indicator levels.**"},
    # ------------------------------------------------------------------ table columns
    "col_entity": {"id": "Pemerintah daerah", "en": "Government"},
    "col_year": {"id": "Tahun", "en": "Year"},
    "col_index": {"id": "Indeks (1-5)", "en": "Index (1-5)"},
    "col_predicate": {"id": "Predikat", "en": "Predicate"},
    "col_domain": {"id": "Domain", "en": "Domain"},
    "col_aspect": {"id": "Aspek", "en": "Aspect"},
    "col_gap_next": {"id": "Selisih ke predikat berikutnya (poin)", "en": "Gap to the next band (points)"},
    "col_gap_province": {"id": "Selisih ke provinsi (poin)", "en": "Gap to the province (points)"},
    "col_gap_national": {"id": "Selisih ke nasional (poin)", "en": "Gap to the nation (points)"},
}


def t(key: str, lang: str = "id", **fmt: Any) -> str:
    """The label ``key`` in ``lang``, formatted with ``fmt``.

    Examples
    --------
    >>> t("province", "en"), t("censored_below", "id", bound="2,03")
    ('Gorontalo Province', '< 2,03 (tidak dipublikasikan)')
    """
    lang = check_lang(lang)
    if key not in LABELS:
        raise DataError("key argument", "a label key of spbe_analysis.labels.LABELS", value=key)
    text = LABELS[key][lang]
    return text.format(**fmt) if fmt else text


def num(x: float, lang: str = "id", decimals: int = 2) -> str:
    """A number for display: ``num(2.4, "id") == "2,40"``, ``num(2.4, "en") == "2.40"``;
    thousands are grouped (1.000 / 1,000).

    Examples
    --------
    >>> num(2.4, "id"), num(1234.5, "en", 1), num(1234.5, "id", 1)
    ('2,40', '1,234.5', '1.234,5')
    """
    from .official import round_half_up

    lang = check_lang(lang)
    s = f"{round_half_up(float(x), decimals):,.{decimals}f}"    # half up, as official values are
    if lang == "id":
        s = s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return s


def pct(x: float, lang: str = "id", decimals: int = 0) -> str:
    """A share (0-1) as a percentage: ``pct(0.25, "id") == "25%"``, ``pct(0.125, "id", 1) == "12,5%"``."""
    return num(100 * float(x), lang, decimals) + "%"


def band_gloss(framework: Any, lang: str = "id") -> str:
    """One line naming each predicate band with its range (and the English gloss on English pages)."""
    lang = check_lang(lang)
    parts = []
    for b in framework.bands.itertuples():
        rng = f"{num(float(b.lower), lang)}-{num(float(b.upper), lang)}"
        parts.append(f"{b.predicate} ({rng})" if lang == "id" else f"{b.predicate} = {b.predicate_en.lower()} ({rng})")
    return "; ".join(parts)


__all__ = ["LABELS", "LANGS", "band_gloss", "num", "pct", "t"]

LABELS.update({
    # ------------------------------------------------------------------ framework (01)
    "f_weights_domain": {"id": "Domain {name} menentukan {w}% indeks", "en": "The {name} domain carries {w}% of the index"},
    "f_weights_aspect": {"id": "Aspek {name} menentukan {w}% indeks", "en": "The {name} aspect carries {w}% of the index"},
    "f_step_effect": {"id": "Satu level pada indikator {hi} menaikkan indeks {gain}, {ratio} kali indikator {lo}",
                      "en": "One level on indicators {hi} adds {gain} to the index, {ratio} times indicators {lo}"},
    # ------------------------------------------------------------------ snapshot (01, 02)
    "f_ranked_all": {"id": "Semua {n} daerah berpredikat {band}", "en": "All {n} regencies are rated {band}"},
    "f_ranked": {"id": "{k} dari {n} daerah berpredikat {band}; {lag} masih {lag_band}",
                 "en": "{k} of {n} regencies are rated {band}; {lag} still {lag_band}"},
    "f_next_band": {"id": "{closest} tinggal {g1} poin dari {b1}; {lowest} perlu {g2} untuk {b2}",
                    "en": "{closest} is {g1} points from {b1}; {lowest} needs {g2} to reach {b2}"},
    "f_all_top": {"id": "Semua daerah sudah berada di predikat tertinggi",
                  "en": "Every regency is already in the top band"},
    "lbl_gap_to": {"id": "{gap} menuju {band} ({v0} -> {v1})", "en": "{gap} to {band} ({v0} -> {v1})"},
    "ax_gap_next_band": {"id": "Selisih ke batas bawah predikat berikutnya ({year}, poin indeks)",
                         "en": "Gap to the lower edge of the next predicate band ({year}, index points)"},
    "f_province_all": {"id": "Semua kabupaten/kota {lo} sampai {hi} poin di bawah provinsi ({p}); terjauh {worst}",
                       "en": "Every regency is {lo} to {hi} points below the province ({p}); {worst} is furthest "
                             "behind"},
    "f_province_some": {"id": "{k} dari {n} kabupaten/kota di bawah provinsi ({p}); terjauh {worst} ({hi} poin)",
                        "en": "{k} of {n} regencies are below the province ({p}); {worst} is furthest behind "
                              "({hi} points)"},
    "f_national": {"id": "{k} dari {n} kabupaten/kota mencapai indeks nasional ({v}).",
                   "en": "{k} of {n} regencies reach the national index ({v})."},
    "f_pairwise": {"id": "Selisih terbesar antar daerah {year}: {above} di atas {below} sebesar {gap} poin",
                   "en": "Largest gap between two regencies in {year}: {above} above {below} by {gap} points"},
    "ax_compared": {"id": "Daerah pembanding (kolom)", "en": "Compared regency (column)"},
    "ax_reference": {"id": "Daerah acuan (baris)", "en": "Reference regency (row)"},
    "f_spread_small": {"id": "Sebaran antar kabupaten/kota {year} kecil: rentang {rng} poin, CV {cv} ({cvw} dengan "
                              "bobot penduduk)",
                       "en": "The spread among regencies in {year} is small: range {rng} points, CV {cv} ({cvw} "
                             "population-weighted)"},
    "f_spread_large": {"id": "Sebaran antar kabupaten/kota {year} besar: rentang {rng} poin, CV {cv} ({cvw} dengan "
                              "bobot penduduk)",
                       "en": "The spread among regencies in {year} is large: range {rng} points, CV {cv} ({cvw} "
                             "population-weighted)"},
    "f_theil_within": {"id": "Pembagian kabupaten/kota menjelaskan {share} dari Theil T: kesenjangan ada di antara "
                              "kabupaten, bukan antara kabupaten dan kota.",
                       "en": "The kabupaten/kota split explains {share} of Theil T: the gap lies among the kabupaten, "
                             "not between kabupaten and kota."},
    "f_theil_between": {"id": "Pembagian kabupaten/kota menjelaskan {share} dari Theil T: sebagian besar kesenjangan ada "
                               "antara kabupaten dan kota.",
                        "en": "The kabupaten/kota split explains {share} of Theil T: most of the gap lies between "
                              "kabupaten and kota."},
    "unweighted": {"id": "Tanpa bobot", "en": "Unweighted"},
    "pop_weighted": {"id": "Bobot penduduk", "en": "Population-weighted"},
})

LABELS.update({
    # ------------------------------------------------------------------ trends (03)
    "f_rose": {"id": "{k} dari {n} kabupaten/kota naik {y0}-{y1}{unk}{prov}",
               "en": "{k} of {n} regencies rose from {y0} to {y1}{unk}{prov}"},
    "f_unknown": {"id": " ({k} tidak diketahui)", "en": " ({k} unknown)"},
    "f_province_leap": {"id": "; provinsi melonjak dari {a} ke {b}", "en": "; the province leapt from {a} to {b}"},
    "note_unverified": {"id": "Titik kosong / garis putus: nilai belum terverifikasi",
                        "en": "Hollow dot / dotted line: unverified value"},
    "instrument_break": {"id": "Ganti instrumen\n5/2018 -> 59/2020", "en": "Change of instrument\n5/2018 -> 59/2020"},
    "m_cv": {"id": "CV", "en": "CV"},
    "m_gini": {"id": "Gini", "en": "Gini"},
    "m_theil": {"id": "Theil T", "en": "Theil T"},
    "m_sd": {"id": "Simpangan baku", "en": "SD"},
    "m_range": {"id": "Rentang", "en": "Range"},
    "across_regencies": {"id": "antar 6 kabupaten/kota", "en": "across the 6 regencies"},
    "lbl_censored_range": {"id": "{lo} - {hi}\n(nilai tersensor: {who})", "en": "{lo} - {hi}\n(censored values: {who})"},
    "f_sigma_fell": {"id": "Kesenjangan antar kabupaten/kota menyempit: {m} turun dari {first} ({y0}) ke {last} ({y1})",
                     "en": "The gap among regencies narrowed: {m} fell from {first} ({y0}) to {last} ({y1})"},
    "f_sigma": {"id": "{m} antar kabupaten/kota: {first} ({y0}) dan {last} ({y1})",
                "en": "{m} among regencies: {first} ({y0}) and {last} ({y1})"},
    "f_sigma_trend": {"id": "tren tahunannya antara {lo} dan {hi} berapa pun nilai yang tersensor",
                      "en": "its yearly trend lies between {lo} and {hi} whatever the censored values were"},
    "f_beta_catch": {"id": "Daerah yang tertinggal tumbuh lebih cepat {y0}-{y1} (beta = {beta}, R2 = {r2}, n = {n}; "
                            "deskriptif)",
                     "en": "Regencies that were behind grew faster in {y0}-{y1} (beta = {beta}, R2 = {r2}, n = {n}; "
                           "descriptive)"},
    "f_beta_no": {"id": "Daerah yang tertinggal tidak mengejar {y0}-{y1} (beta = {beta}, R2 = {r2}, n = {n}; deskriptif)",
                  "en": "Regencies that were behind did not catch up in {y0}-{y1} (beta = {beta}, R2 = {r2}, n = {n}; "
                        "descriptive)"},
    "f_beta_half_life": {"id": "waktu paruh tersirat {hl} tahun: deskripsi {n} daerah, bukan uji statistik",
                         "en": "implied half-life {hl} years: a description of {n} governments, not a statistical "
                               "test"},
    "ax_initial_index": {"id": "Indeks awal {y0} (skala log)", "en": "Initial index {y0} (log scale)"},
    "ax_annual_growth": {"id": "Pertumbuhan tahunan {y0}-{y1} (%)", "en": "Annual growth {y0}-{y1} (%)"},
    "f_leap": {"id": "Provinsi naik {d} pada {y1}, {k} kali rata-rata kabupaten/kota ({m})",
               "en": "The province gained {d} in {y1}, {k} times the average regency ({m})"},
    "f_change": {"id": "Perubahan indeks {y0}-{y1}", "en": "Change of the index {y0}-{y1}"},
    "f_pulled_away": {"id": "jarak provinsi ke rata-rata kabupaten/kota melebar dari {a} ke {b} poin",
                      "en": "the distance between the province and the regency mean grew from {a} to {b} points"},
    "f_not_pulled_away": {"id": "jarak provinsi ke rata-rata kabupaten/kota tidak melebar ({a} lalu {b} poin)",
                          "en": "the distance between the province and the regency mean did not grow ({a}, then {b} "
                                "points)"},
    "ax_change": {"id": "Perubahan indeks {y0}-{y1} (poin)", "en": "Change of the index {y0}-{y1} (points)"},
})

LABELS.update({
    # ------------------------------------------------------------------ indicators (04)
    "f_gap_lead_domain": {"id": "Domain {name} menyumbang bagian terbesar selisih ke {target} di {k} dari {n} daerah",
                          "en": "The {name} domain holds the largest part of the gap to {target} in {k} of {n} "
                                "regencies"},
    "f_gap_lead_aspect": {"id": "Aspek {name} menyumbang bagian terbesar selisih ke {target} di {k} dari {n} daerah",
                          "en": "The {name} aspect holds the largest part of the gap to {target} in {k} of {n} "
                                "regencies"},
    "f_gap_lead_text": {"id": "Bagian terbesar selisih ke {target}: {parts}",
                        "en": "Largest block of the gap to {target}: {parts}"},
    "f_robust": {"id": "ini berlaku di sedikitnya {share} profil setiap daerah (kokoh)",
                 "en": "this holds in at least {share} of the profiles of every regency (robust)"},
    "f_not_robust": {"id": "domain terdepan hanya unggul di {lo} sampai {hi} profil: **tidak kokoh**, bergantung pada "
                            "tingkat indikator nyata yang hanya dapat dipastikan oleh lembar evaluasi",
                     "en": "the leading domain leads in only {lo} to {hi} of the profiles: **not robust**, it depends "
                           "on the real indicator levels, which only the evaluation sheets can settle"},
    "ax_gap_contribution": {"id": "Sumbangan terhadap selisih (poin indeks)",
                            "en": "Contribution to the gap (index points)"},
    "ax_gap_contribution_range": {"id": "Sumbangan terhadap selisih (poin indeks); median dan rentang 5-95%",
                                  "en": "Contribution to the gap (index points); median and 5-95% range"},
    "f_aspect_gap": {"id": "Aspek {name} menyumbang selisih terbesar ke {target} (median, rata-rata enam daerah)",
                     "en": "Aspect {name} contributes most to the gap to {target} (median, averaged over six "
                           "regencies)"},
    "index_points": {"id": "poin indeks", "en": "index points"},
    "pct_steps": {"id": "% langkah", "en": "% of steps"},
})

LABELS.update({
    # ------------------------------------------------------------------ paths (05)
    "f_none_below": {"id": "Tidak ada kabupaten/kota di bawah {target}", "en": "No regency is below {target}"},
    "f_steps": {"id": "Kenaikan level paling sedikit menuju {target}: {parts}",
                "en": "Fewest level steps to reach {target}: {parts}"},
    "f_no_steps": {"id": "Tidak ada kenaikan level yang diperlukan menuju {target}",
                   "en": "No level step is needed to reach {target}"},
    "f_step_shares": {"id": "Jalur termurah menuju {target} bertumpu pada aspek {a} dan {b} ({share} langkah)",
                      "en": "The cheapest paths to {target} run through aspects {a} and {b} ({share} of steps)"},
    "f_step_shares_text": {"id": "{share} langkah menuju {target} jatuh pada aspek {a} (*{na}*) dan {b} (*{nb}*): "
                                  "indikator yang paling berat per level",
                           "en": "{share} of the steps to {target} fall in aspects {a} (*{na}*) and {b} (*{nb}*): the "
                                 "heaviest indicators per level"},
    "f_roadmap": {"id": "Dengan {budget} kenaikan level per tahun, {k} dari {n} daerah mencapai {target} pada {year} "
                        "(median)",
                  "en": "With {budget} level steps a year, {k} of {n} regencies reach {target} by {year} (median)"},
    "f_roadmap_when": {"id": "Tahun pertama mencapai {target} (median): {parts}",
                       "en": "First year at {target} (median): {parts}"},
    "never": {"id": "tidak dalam rentang", "en": "not within the horizon"},
    "f_service_nothing": {"id": "Tidak ada biaya menuju {target}: semua daerah sudah mencapainya",
                          "en": "Nothing to pay to reach {target}: every regency is already there"},
    "f_service": {"id": "Layanan bersama: total biaya {together} (termasuk {cost} oleh provinsi) lawan {alone} "
                        "sendiri-sendiri, hemat {saving} ({share})",
                  "en": "Shared service: a total cost of {together} (incl. {cost} by the province) against {alone} "
                        "alone, saving {saving} ({share})"},
    "f_service_share": {"id": "Penghematan bersih positif di {share} simulasi.",
                        "en": "The net saving is positive in {share} of the draws."},
    "f_service_years": {"id": "Daerah biasa perlu {a} tahun sendiri dan {b} tahun dengan layanan bersama.",
                        "en": "The typical regency needs {a} years alone and {b} with the service."},
    "f_service_years_same": {"id": "Daerah biasa perlu {a} tahun sendiri dan {b} dengan layanan: penghematan ada pada "
                                   "biaya, bukan waktu.",
                             "en": "The typical regency needs {a} years alone and {b} with the service: the saving is "
                                   "in cost, not time."},
    "f_service_never": {"id": "({k} pasangan daerah-simulasi tidak mencapai target dalam 10 tahun dan tidak dihitung "
                               "dalam median.)",
                        "en": "({k} regency-draws do not reach it within 10 years and are left out of the medians.)"},
    "lbl_alone": {"id": "Sendiri-sendiri", "en": "Each alone"},
    "lbl_with_service": {"id": "Dengan layanan bersama", "en": "With the shared service"},
    "ax_service_cost": {"id": "Biaya menuju {target} (upaya atau kenaikan level, median profil)",
                        "en": "Cost to reach {target} (effort or level steps, median over profiles)"},
})

LABELS.update({
    # ------------------------------------------------------------------ maps
    "f_map_west": {"id": "Daerah berpredikat {band} ({who}) berada di bagian barat provinsi",
                   "en": "The regencies rated {band} ({who}) lie in the west of the province"},
    "f_map": {"id": "Predikat SPBE {year} menurut wilayah", "en": "SPBE {year} predicates by regency"},
    "locator_title": {"id": "Letak {name} di Provinsi Gorontalo", "en": "Where {name} lies in Gorontalo Province"},
})

LABELS.update({
    "no_source": {"id": "tanpa sumber", "en": "no source"},
    "n_unverified": {"id": "{k} nilai belum terverifikasi", "en": "{k} unverified value(s)"},
})

LABELS.update({
    "f_rounding": {"id": "Pembulatan naif dengan bilangan pecahan biner salah menyatakan {share} dari profil acak ({k} "
                          "perubahan predikat dari {n}), dan di {flips} dari {edges} batas predikat nilai persis tepat "
                          "di bawah batas akan mendapat predikat yang lebih rendah; paket ini membulatkan dengan "
                          "aritmetika bilangan bulat yang persis",
                   "en": "Naive floating-point rounding would misstate {share} of random profiles ({k} predicate "
                         "changes in {n}), and at {flips} of the {edges} band edges an exact tie just below the edge "
                         "would get the lower predicate; this package rounds in exact integer arithmetic"},
})

LABELS.update({
    "f_predicates": {"id": "{n} nilai yang dipublikasikan diperiksa terhadap batas predikat; {k} disertai predikat "
                            "tercetak, {d} di antaranya tidak sesuai ({who}), {flagged}",
                     "en": "{n} published values were checked against the bands; {k} came with a printed predicate, "
                           "{d} of which disagree ({who}), {flagged}"},
    "all_flagged": {"id": "semuanya ditandai dalam data beserta alasannya",
                    "en": "all flagged in the data with the reason"},
    "not_all_flagged": {"id": "tidak semuanya ditandai dalam data", "en": "not all flagged in the data"},
})

LABELS.update({
    # ------------------------------------------------------------------ table columns (01)
    "col_domain_no": {"id": "Domain", "en": "Domain"},
    "col_domain_name": {"id": "Nama domain", "en": "Domain name"},
    "col_aspect_no": {"id": "Aspek", "en": "Aspect"},
    "col_aspect_name": {"id": "Nama aspek", "en": "Aspect name"},
    "col_n_indicators": {"id": "Jumlah indikator", "en": "Indicators"},
    "col_indicators": {"id": "Indikator", "en": "Indicator ids"},
    "col_weight_each": {"id": "Bobot tiap indikator (%)", "en": "Weight of each indicator (%)"},
    "col_aspect_weight": {"id": "Bobot aspek (%)", "en": "Aspect weight (%)"},
    "col_domain_weight": {"id": "Bobot domain (%)", "en": "Domain weight (%)"},
    "col_exact": {"id": "Nilai persis (seri tepat di bawah batas)", "en": "Exact value (tie just below the edge)"},
    "col_naive": {"id": "round() naif", "en": "Naive round()"},
    "col_naive_predicate": {"id": "Predikat naif", "en": "Naive predicate"},
    "col_official": {"id": "Nilai resmi", "en": "Official value"},
    "col_official_predicate": {"id": "Predikat resmi", "en": "Official predicate"},
    "col_framework": {"id": "Kerangka", "en": "Framework"},
    "col_years": {"id": "Tahun evaluasi", "en": "Evaluation years"},
    "col_domains": {"id": "Domain", "en": "Domains"},
    "col_aspects": {"id": "Aspek", "en": "Aspects"},
    "col_values": {"id": "Skala nilai", "en": "Value scale"},
    "col_bands": {"id": "Batas bawah predikat", "en": "Lower band edges"},
    "col_status": {"id": "Status sumber", "en": "Source status"},
    "col_value": {"id": "Nilai", "en": "Value"},
    "col_printed": {"id": "Predikat tercetak", "en": "Printed predicate"},
    "col_recomputed": {"id": "Predikat dihitung ulang", "en": "Recomputed predicate"},
    "col_flag": {"id": "Catatan dalam data", "en": "Note in the data"},
})

LABELS.update({
    # ------------------------------------------------------------------ table columns (02, 03)
    "col_next_band": {"id": "Predikat berikutnya", "en": "Next band"},
    "col_gap_best": {"id": "Selisih ke daerah terbaik (poin)", "en": "Gap to the best regency (points)"},
    "col_measure": {"id": "Ukuran", "en": "Measure"},
    "col_part": {"id": "Bagian", "en": "Part"},
    "col_share": {"id": "Porsi", "en": "Share"},
    "m_mean": {"id": "Rata-rata", "en": "Mean"},
    "m_min": {"id": "Minimum", "en": "Minimum"},
    "m_max": {"id": "Maksimum", "en": "Maximum"},
    "m_max_min_ratio": {"id": "Rasio maks/min", "en": "Max/min ratio"},
    "theil_total": {"id": "Theil T total", "en": "Theil T, total"},
    "theil_within": {"id": "di dalam kelompok", "en": "within groups"},
    "theil_between": {"id": "antar kelompok (kabupaten/kota)", "en": "between groups (kabupaten/kota)"},
    "descriptive_note": {"id": "Semua angka ini menggambarkan enam pemerintah daerah, bukan perkiraan statistik.",
                         "en": "These are descriptions of six governments, not statistical estimates."},
})

LABELS.update({
    "col_low": {"id": "Batas bawah", "en": "Lower bound"},
    "col_high": {"id": "Batas atas", "en": "Upper bound"},
    "col_censored": {"id": "Nilai tersensor", "en": "Censored values"},
    "col_band": {"id": "Predikat {y}", "en": "Band {y}"},
    "col_rank": {"id": "Peringkat {y}", "en": "Rank {y}"},
    "col_move": {"id": "Perpindahan", "en": "Move"},
    "move_up": {"id": "naik", "en": "up"},
    "move_down": {"id": "turun", "en": "down"},
    "move_same": {"id": "tetap", "en": "same"},
    "move_uncertain": {"id": "tidak pasti (awal tersensor)", "en": "uncertain (censored start)"},
    "move_n/a": {"id": "tidak ada data", "en": "no data"},
    "left_out": {"id": "Dikeluarkan (tersensor atau hilang): {who}.", "en": "Left out (censored or missing): {who}."},
    "f_transitions": {"id": "Dari {y0} ke {y1}: {up} daerah naik predikat, {unc} berawal dari nilai tersensor (sehingga "
                             "perpindahannya tidak pasti), {down} turun",
                      "en": "From {y0} to {y1}: {up} regencies moved up a band, {unc} started from a censored value (so "
                            "their move is uncertain), {down} moved down"},
    "f_ranks_stable": {"id": "urutan peringkat cukup stabil (Kendall tau {tau} antara {a} dan {b})",
                       "en": "the order is fairly stable (Kendall tau {tau} between {a} and {b})"},
    "f_ranks_reshuffled": {"id": "urutan peringkat berubah banyak (Kendall tau {tau} antara {a} dan {b})",
                           "en": "the order was reshuffled (Kendall tau {tau} between {a} and {b})"},
    "f_answer_yes": {"id": "**Apakah kesenjangan antar kabupaten/kota menyempit? Ya**, berapa pun nilai yang tersensor.",
                     "en": "**Is the gap among the regencies shrinking? Yes**, whatever the censored values were."},
    "f_answer_unclear": {"id": "**Apakah kesenjangan antar kabupaten/kota menyempit? Belum jelas** dari data yang "
                                "dipublikasikan.",
                         "en": "**Is the gap among the regencies shrinking? Not clearly**, on the published data."},
    "f_answer_not_province": {"id": "Kabupaten/kota saling mendekat, tetapi tidak mendekati provinsi.",
                              "en": "The regencies are converging with each other, not with the province."},
})

LABELS.update({
    "f_below_none": {"id": "Tidak ada kabupaten/kota di bawah {target} ({v}); semuanya memiliki margin",
                     "en": "No regency is below {target} ({v}); every one holds a margin"},
    "f_below": {"id": "Di bawah {target} ({v}): {who}; yang lain memiliki margin",
                "en": "Below {target} ({v}): {who}; the others hold a margin"},
    "f_extra_gap": {"id": "Selisih ke {target} {rng} poin lebih besar daripada ke {reference} (tambahan {d} tersebar ke "
                           "domain sebanding bobotnya)",
                    "en": "The gap to {target} is {rng} points larger than to {reference} (the extra {d} is spread "
                          "over the domains in proportion to their weights)"},
    "col_start": {"id": "Indeks awal yang dipakai", "en": "Starting index used"},
    "col_published": {"id": "Indeks dipublikasikan", "en": "Published index"},
    "col_profiles": {"id": "Jumlah profil", "en": "Profiles"},
    "col_profile_low": {"id": "Indeks profil terendah", "en": "Lowest profile index"},
    "col_profile_high": {"id": "Indeks profil tertinggi", "en": "Highest profile index"},
    "col_target": {"id": "Target", "en": "Target"},
    "col_lead": {"id": "Penyumbang terbesar", "en": "Largest contributor"},
    "col_lead_share": {"id": "Porsi profil di mana ia terbesar", "en": "Share of profiles where it leads"},
    "col_gap_median": {"id": "Selisih (median, poin)", "en": "Gap (median, points)"},
    "col_contrib_median": {"id": "Sumbangannya (median, poin)", "en": "Its contribution (median, points)"},
})

LABELS.update({
    "f_greedy_none": {"id": "Tidak ada daerah yang memerlukan kenaikan level, sehingga aturan greedy tidak diuji",
                      "en": "No regency needs a level step, so the greedy rule is not put to the test"},
    "f_greedy_loses": {"id": "Bila level lebih tinggi lebih mahal, aturan greedy rata-rata menelan biaya {r} kali "
                              "optimum dan lebih buruk di {w} profil: program bilangan bulat memberi manfaat di sini",
                       "en": "If higher levels cost more, the greedy rule costs on average {r} times the optimum and "
                             "is worse in {w} of profiles: the integer programme earns its place there"},
    "f_greedy_same": {"id": "Bila level lebih tinggi lebih mahal, aturan greedy di sini kebetulan sama baiknya ({r} "
                             "kali optimum)",
                      "en": "If higher levels cost more, the simple rule happens to be as good here ({r} times the "
                            "optimum)"},
    "col_steps_median": {"id": "Langkah (median)", "en": "Steps (median)"},
    "col_steps_min": {"id": "Langkah (min)", "en": "Steps (min)"},
    "col_steps_max": {"id": "Langkah (maks)", "en": "Steps (max)"},
    "col_milp_cost": {"id": "Biaya optimum (median)", "en": "Optimal cost (median)"},
    "col_greedy_cost": {"id": "Biaya greedy (median)", "en": "Greedy cost (median)"},
    "col_ratio": {"id": "Greedy / optimum (rata-rata)", "en": "Greedy / optimum (mean)"},
    "col_worse": {"id": "Greedy lebih buruk di", "en": "Greedy worse in"},
    "col_first_year": {"id": "Tahun pertama mencapai {target} (median)", "en": "First year at {target} (median)"},
    "col_cost_alone": {"id": "Biaya sendiri (median)", "en": "Cost alone (median)"},
    "col_cost_with": {"id": "Biaya dengan layanan (median)", "en": "Cost with the service (median)"},
    "col_years_alone": {"id": "Tahun sendiri (median)", "en": "Years alone (median)"},
    "col_years_with": {"id": "Tahun dengan layanan (median)", "en": "Years with the service (median)"},
    "service_name": {"id": "Pusat data, intranet dan penghubung layanan bersama",
                     "en": "Shared data centre, intranet and service connector"},
})

LABELS.update({
    "findings": {"id": "Temuan", "en": "Findings"},
    "findings_first": {"id": "Temuan utama", "en": "Findings first"},
    "findings_first_note": {"id": "*Ringkasan temuan di akhir halaman ini; analisis dan metodenya menyusul.*",
                            "en": "*Summary of the findings at the end of this page; the analysis and its method "
                                  "follow.*"},
})

LABELS.update({
    # ------------------------------------------------------------------ PEMDI (06)
    "part_carried": {"id": "Diisi bukti SPBE (padanan tidak resmi)", "en": "Informed by SPBE evidence (unofficial crosswalk)"},
    "part_new": {"id": "Bukti baru, tanpa padanan SPBE", "en": "New evidence, no SPBE counterpart"},
    "part_external": {"id": "Ditetapkan indeks nasional lain", "en": "Set by other national indices"},
    "weight_pct_pemdi": {"id": "Bobot dalam Indeks PEMDI (%)", "en": "Weight in the PEMDI index (%)"},
    "source_crosswalk": {"id": "PermenPANRB 8/2026 (bobot); padanan SPBE-PEMDI data/crosswalk_spbe2020_pemdi2026.csv",
                         "en": "PermenPANRB 8/2026 (weights); SPBE-to-PEMDI crosswalk data/crosswalk_spbe2020_pemdi2026.csv"},
    "f_pemdi_weights": {"id": "{new}% Indeks PEMDI adalah bukti baru tanpa padanan SPBE; {ext}% ditetapkan indeks "
                               "nasional lain",
                        "en": "{new}% of the PEMDI index is new evidence with no SPBE counterpart; {ext}% is set by "
                              "other national indices"},
    "f_pemdi_weights_text": {"id": "Menurut padanan tidak resmi kami, bukti SPBE mengisi {carried}% Indeks PEMDI, "
                                    "{new}% adalah bukti baru (kepuasan pengguna saja {sat}%), dan {ext}% (I5, I6, I7, "
                                    "I18) ditetapkan dari indeks nasional instansi lain yang tidak dapat dinaikkan "
                                    "daerah dengan buktinya sendiri",
                             "en": "Under our unofficial crosswalk, SPBE evidence informs {carried}% of the PEMDI "
                                   "index, {new}% is new evidence (user satisfaction alone is {sat}%), and {ext}% (I5, "
                                   "I6, I7, I18) is set from other agencies' national indices, which a regency cannot "
                                   "raise with its own evidence"},
    "scenario_strict": {"id": "instrumen ketat", "en": "stricter instrument"},
    "scenario_central": {"id": "skenario tengah", "en": "central scenario"},
    "scenario_full_credit": {"id": "kredit penuh", "en": "full credit"},
    "f_pemdi_band": {"id": "{k} dari {n} kabupaten/kota kemungkinan besar memulai PEMDI di {band} (sedikitnya {p} "
                            "simulasi)",
                     "en": "{k} of {n} regencies most likely start PEMDI in {band} (in at least {p} of draws)"},
    "f_pemdi_band_text": {"id": "Predikat PEMDI yang paling mungkin ({scenario}): {parts}",
                          "en": "Most likely PEMDI band ({scenario}): {parts}"},
    "f_pemdi_baik_never": {"id": "tidak ada daerah yang mencapai Baik (2,50) dalam simulasi mana pun",
                           "en": "no regency reaches Baik (2.50) in any draw"},
    "f_pemdi_baik_some": {"id": "peluang tertinggi mencapai Baik atau lebih adalah {p}",
                          "en": "the highest chance of Baik or better is {p}"},
    "ax_band_probability": {"id": "Peluang setiap predikat PEMDI (%), {scenario}",
                            "en": "Probability of each PEMDI band (%), {scenario}"},
    "f_pemdi_range_below": {"id": "Proyeksi Indeks PEMDI awal: median {lo} sampai {hi} pada ketiga skenario, semuanya "
                                   "di bawah Baik ({baik})",
                            "en": "Projected starting PEMDI index: medians {lo} to {hi} across the three scenarios, "
                                  "all below Baik ({baik})"},
    "f_pemdi_range": {"id": "Proyeksi Indeks PEMDI awal: median {lo} sampai {hi} pada ketiga skenario",
                      "en": "Projected starting PEMDI index: medians {lo} to {hi} across the three scenarios"},
    "ax_pemdi_projected": {"id": "Proyeksi Indeks PEMDI (median dan rentang 5-95%)",
                           "en": "Projected PEMDI index (median and 5-95% range)"},
    "f_pemdi_gap": {"id": "Selisih ke {target} terutama ditahan oleh {a} dan {b} ({share} bersama indikator ketiga)",
                    "en": "The gap to {target} sits mostly in {a} and {b} ({share} with the third indicator)"},
    "f_pemdi_gap_text": {"id": "Selisih ke {target} ({v}) terutama pada {parts}: {share} dari selisih; indeks nasional "
                                "eksternal menahan {ext} poin yang tidak dapat ditutup daerah sendiri",
                         "en": "The gap to {target} ({v}) sits mostly in {parts}: {share} of the gap; the external "
                               "national indices hold {ext} points a regency cannot close by itself"},
    "note_external_star": {"id": "* ditetapkan dari indeks nasional instansi lain (di luar kendali daerah)",
                           "en": "* set from another agency's national index (outside the regency's control)"},
    "f_pemdi_spread": {"id": "Sebaran proyeksi terutama berasal dari bukti baru yang belum diketahui ({new} varians), "
                              "bukan dari profil SPBE daerah ({prof}); indeks eksternal {ext}",
                       "en": "The spread of the projection comes mostly from the unknown new evidence ({new} of the "
                             "variance), not from the regency's SPBE profile ({prof}); the external indices {ext}"},
})

LABELS.update({
    "col_pemdi_indicator": {"id": "Indikator PEMDI", "en": "PEMDI indicator"},
    "col_name": {"id": "Nama", "en": "Name"},
    "col_weight": {"id": "Bobot (%)", "en": "Weight (%)"},
    "col_external": {"id": "Indeks nasional lain", "en": "External national index"},
    "col_counterparts": {"id": "Padanan SPBE (porsi)", "en": "SPBE counterparts (share)"},
    "col_carried": {"id": "Porsi diisi bukti SPBE", "en": "Share informed by SPBE"},
    "col_new": {"id": "Porsi baru", "en": "New share"},
    "col_parameter": {"id": "Parameter", "en": "Parameter"},
    "col_low": {"id": "Rendah", "en": "Low"},
    "col_central": {"id": "Tengah", "en": "Central"},
    "col_high": {"id": "Tinggi", "en": "High"},
    "col_basis": {"id": "Dasar", "en": "Basis"},
    "col_scenario": {"id": "Skenario", "en": "Scenario"},
    "col_median": {"id": "Median", "en": "Median"},
    "col_p5": {"id": "Persentil 5", "en": "5th percentile"},
    "col_p95": {"id": "Persentil 95", "en": "95th percentile"},
    "col_likely_band": {"id": "Predikat paling mungkin", "en": "Most likely band"},
    "col_probability": {"id": "Peluang", "en": "Probability"},
    "col_share_profile": {"id": "Dari profil SPBE", "en": "From the SPBE profile"},
    "col_share_new": {"id": "Dari bukti baru", "en": "From new evidence"},
    "col_share_external": {"id": "Dari indeks eksternal", "en": "From external indices"},
    "col_external_index": {"id": "Indeks nasional", "en": "National index"},
    "col_agency": {"id": "Instansi", "en": "Agency"},
    "col_default": {"id": "Nilai sampai tersedia", "en": "Value until supplied"},
    "col_aspect_weight_pemdi": {"id": "Bobot aspek (%)", "en": "Aspect weight (%)"},
    "col_part_carried": {"id": "Diisi bukti SPBE (%)", "en": "Informed by SPBE (%)"},
    "col_part_new": {"id": "Baru (%)", "en": "New (%)"},
    "col_part_external": {"id": "Indeks nasional lain (%)", "en": "External indices (%)"},
    "param_carry": {"id": "Kredit bukti SPBE yang terbawa (c)", "en": "Credit kept by carried-over SPBE evidence (c)"},
    "param_new_value": {"id": "Nilai bagian baru", "en": "Value of the new part"},
    "param_external_value": {"id": "Nilai indikator eksternal", "en": "Value of an external indicator"},
    "pemdi_result_note": {"id": "Hasil PEMDI nyata dipakai untuk: {who}; proyeksi tidak dipakai untuk daerah itu.",
                          "en": "Real PEMDI results used for: {who}; the projection is not used for them."},
    "unofficial_note": {"id": "**Tidak resmi.** Padanan SPBE-PEMDI dan skenario proyeksi adalah asumsi paket ini "
                               "(data/crosswalk_spbe2020_pemdi2026.csv, data/assumptions/pemdi_projection.csv), bukan "
                               "aturan KemenPANRB.",
                        "en": "**Unofficial.** The SPBE-to-PEMDI crosswalk and the projection scenarios are this "
                              "package's assumptions (data/crosswalk_spbe2020_pemdi2026.csv, "
                              "data/assumptions/pemdi_projection.csv), not KemenPANRB rules."},
})

LABELS.update({
    # ------------------------------------------------------------------ paths (05, rebuilt)
    "f_effort_shift": {"id": "Dengan upaya yang naik per level dan prasyarat, {e} langkah menuju {target} jatuh pada "
                              "aspek {a} (layanan), lawan {u} dengan biaya satuan",
                       "en": "With effort that grows with the level and prerequisites, {e} of the steps to {target} "
                             "fall in aspects {a} (services), against {u} with unit costs"},
    "f_effort_shift_note": {"id": "Jawaban biaya satuan adalah artefak bobot: ia selalu membeli indikator terberat.",
                            "en": "The unit-cost answer is an artefact of the weights: it always buys the heaviest "
                                  "indicators."},
    "scen_unit": {"id": "Biaya satuan", "en": "Unit costs"},
    "scen_unit_prereq": {"id": "Biaya satuan + prasyarat", "en": "Unit costs + prerequisites"},
    "scen_effort": {"id": "Upaya per level", "en": "Effort per level"},
    "scen_effort_prereq": {"id": "Upaya per level + prasyarat", "en": "Effort per level + prerequisites"},
    "ax_step_share": {"id": "Porsi langkah jalur termurah menuju {target} per aspek (%)",
                      "en": "Share of the cheapest path's steps to {target} by aspect (%)"},
    "f_no_regret": {"id": "{k} dari {n} kabupaten/kota memiliki langkah tanpa penyesalan (di sedikitnya {p} rencana "
                           "optimal)",
                    "en": "{k} of {n} regencies have no-regret moves (in at least {p} of optimal plans)"},
    "f_no_regret_text": {"id": "Langkah tanpa penyesalan (indikator yang dinaikkan di sedikitnya {p} rencana optimal "
                                "pada semua profil, skenario upaya dan prasyarat; level tujuan median dalam kurung):",
                         "en": "No-regret moves (indicators raised in at least {p} of optimal plans across profiles, "
                               "effort and prerequisite scenarios; median target level in brackets):"},
    "f_no_regret_unit": {"id": "Dengan biaya satuan saja, jawabannya lain: {who}.",
                         "en": "With unit costs alone the answer differs: {who}."},
    "none": {"id": "tidak ada", "en": "none"},
    "f_pace": {"id": "Laju tahunan yang teramati berkisar dari {lo} ({lov} poin/tahun) sampai {hi} ({hiv})",
               "en": "The observed yearly pace ranges from {lo} ({lov} points a year) to {hi} ({hiv})"},
    "f_backtest_worse": {"id": "Laju itu bukan ramalan: pada catatan, \"tahun depan sama dengan tahun ini\" meramal "
                                "2024 lebih baik (galat rata-rata {z} lawan {m}, {n} daerah), jadi peta jalan di bawah "
                                "adalah skenario kapasitas, bukan prakiraan",
                         "en": "The pace is not a forecast: on the record, \"next year equals this year\" forecasts "
                               "2024 better (mean error {z} against {m}, {n} regencies), so the roadmaps below are "
                               "capacity scenarios, not predictions"},
    "f_backtest_better": {"id": "Pada catatan, model laju meramal 2024 lebih baik daripada \"tidak berubah\" (galat "
                                 "rata-rata {m} lawan {z}, {n} daerah)",
                          "en": "On the record, the pace model forecasts 2024 better than no change (mean error {m} "
                                "against {z}, {n} regencies)"},
    "ax_yearly_change": {"id": "Perubahan indeks per tahun ({pairs})", "en": "Yearly change of the index ({pairs})"},
    "cap_own": {"id": "laju sendiri", "en": "own pace"},
    "cap_best_peer": {"id": "laju daerah terbaik", "en": "best peer's pace"},
    "cap_budget": {"id": "anggaran upaya tetap", "en": "fixed effort budget"},
    "f_transition": {"id": "Dengan {scenario}, {k} dari {n} daerah mencapai predikat SPBE berikutnya pada {y} (di "
                            "sedikitnya {p} simulasi)",
                     "en": "At {scenario}, {k} of {n} regencies reach their next SPBE band in {y} (in at least {p} "
                           "of draws)"},
    "f_transition_text": {"id": "Peta jalan lintas peralihan ({scenario}; target SPBE 2025, lalu PEMDI):",
                          "en": "Roadmap across the break ({scenario}; SPBE target in 2025, then PEMDI):"},
    "pemdi_start": {"id": "awal", "en": "start"},
})

LABELS.update({
    # ------------------------------------------------------------------ robustness (07)
    "f_bands_hold": {"id": "Predikat {k} dari {n} pemerintah bertahan di sedikitnya {p} replikasi",
                     "en": "The band of {k} of {n} governments holds in at least {p} of replicates"},
    "f_bands_hold_kappa": {"id": " (bobot Dirichlet dengan konsentrasi {k}, tingkat indikator dari profil, {n} "
                                  "replikasi, replikasi 0 = hasil resmi)",
                           "en": " (Dirichlet weights with concentration {k}, indicator levels from the profiles, {n} "
                                 "replicates, replicate 0 = the official run)"},
    "f_bands_shaky": {"id": "Predikat yang tidak kokoh: {who}", "en": "Bands that are not robust: {who}"},
    "f_ranks_hold": {"id": "Peringkat yang bertahan di sedikitnya 80% replikasi: {who}",
                     "en": "Ranks that hold in at least 80% of replicates: {who}"},
    "f_ranks_none": {"id": "Tidak ada peringkat yang bertahan di 80% replikasi",
                     "en": "No rank holds in 80% of replicates"},
    "ax_rank": {"id": "Peringkat (1 = tertinggi); lingkaran: porsi replikasi, belah ketupat: peringkat resmi",
                "en": "Rank (1 = highest); circles: share of replicates, diamond: official rank"},
    "ax_band_share": {"id": "Porsi replikasi di setiap predikat (%)", "en": "Share of replicates in each band (%)"},
    "col_nominal_rank": {"id": "Peringkat resmi", "en": "Official rank"},
    "col_median_rank": {"id": "Peringkat median", "en": "Median rank"},
    "col_rank_p5": {"id": "Peringkat (persentil 5)", "en": "Rank (5th percentile)"},
    "col_rank_p95": {"id": "Peringkat (persentil 95)", "en": "Rank (95th percentile)"},
    "col_keeps_rank": {"id": "Mempertahankan peringkat", "en": "Keeps its rank"},
    "col_keeps_band": {"id": "Mempertahankan predikat", "en": "Keeps its band"},
    "col_kappa": {"id": "Konsentrasi {k}", "en": "Concentration {k}"},
    "col_index_p5": {"id": "Indeks (persentil 5)", "en": "Index (5th percentile)"},
    "col_index_p95": {"id": "Indeks (persentil 95)", "en": "Index (95th percentile)"},
    "col_vary": {"id": "Yang bervariasi", "en": "What varies"},
    "vary_weights": {"id": "bobot saja", "en": "weights only"},
    "vary_levels": {"id": "tingkat indikator saja", "en": "indicator levels only"},
    "vary_both": {"id": "bobot dan tingkat", "en": "weights and levels"},
})

LABELS.update({
    "next_band": {"id": "predikat berikutnya", "en": "the next band"},
    "col_level": {"id": "Level {l}", "en": "Level {l}"},
    "col_rows": {"id": "Baris", "en": "Rows"},
    "col_plan_cost": {"id": "Upaya median: {s}", "en": "Median effort: {s}"},
    "col_to_level": {"id": "Ke level", "en": "To level"},
    "col_share_plans": {"id": "Porsi rencana optimal", "en": "Share of optimal plans"},
    "col_share_in": {"id": "Porsi dengan {s}", "en": "Share with {s}"},
    "col_pace_low": {"id": "Laju rata-rata (batas bawah, poin/tahun)", "en": "Mean pace (lower bound, points a year)"},
    "col_pace_high": {"id": "Laju rata-rata (batas atas)", "en": "Mean pace (upper bound)"},
    "col_pace_latest": {"id": "Perubahan terakhir", "en": "Latest change"},
    "col_share_draws": {"id": "Porsi simulasi yang mencapai", "en": "Share of draws reaching it"},
    "col_median_year": {"id": "Tahun pertama (median)", "en": "First year (median)"},
    "assumption_note": {"id": "Jawaban tentang langkah dan peta jalan bergantung pada asumsi upaya, prasyarat, laju dan "
                               "padanan PEMDI yang tercatat di data/assumptions/ dan data/crosswalk_spbe2020_pemdi2026.csv; "
                               "biaya satuan ditampilkan sebagai pembanding.",
                        "en": "The answers about steps and roadmaps rest on the effort, prerequisite, pace and PEMDI "
                              "crosswalk assumptions recorded in data/assumptions/ and "
                              "data/crosswalk_spbe2020_pemdi2026.csv; unit costs are shown for comparison."},
})

LABELS.update({
    "scen_level_effort": {"id": "Upaya naik per level", "en": "Effort by level only"},
    "scen_level_effort_prereq": {"id": "Upaya naik per level + prasyarat", "en": "Effort by level only + prerequisites"},
    "col_cap_own": {"id": "Laju sendiri (poin/tahun)", "en": "Own pace (points a year)"},
    "col_cap_best": {"id": "Laju daerah terbaik (poin/tahun)", "en": "Best peer's pace (points a year)"},
    "col_cap_budget": {"id": "Anggaran tetap (upaya/tahun)", "en": "Fixed budget (effort a year)"},
})

LABELS.update({
    "col_keeps_band_by": {"id": "Mempertahankan predikat ({v})", "en": "Keeps its band ({v})"},
    "f_spread_parts": {"id": "Rata-rata, pemerintah mempertahankan predikatnya di {w} replikasi bila hanya bobot yang "
                              "bervariasi, {l} bila hanya tingkat indikator, {b} bila keduanya: ketidakpastian terbesar "
                              "berasal dari yang lebih rendah",
                       "en": "On average a government keeps its band in {w} of replicates when only the weights vary, "
                             "{l} when only the indicator levels do, {b} when both do: the larger uncertainty is the one "
                             "with the lower share"},
    "f_sweep": {"id": "Porsi rata-rata yang mempertahankan predikat menurut konsentrasi bobot: {parts}",
                "en": "Mean share keeping its band by weight concentration: {parts}"},
})

LABELS.update({
    "top_band": {"id": "sudah di predikat tertinggi", "en": "already in the top band"},
})

LABELS.update({
    # ------------------------------------------------------------------ regency briefs
    "f_position": {"id": "{name}: indeks SPBE {year} {v} ({band}), peringkat {r} dari {n} kabupaten/kota",
                   "en": "{name}: SPBE index {year} {v} ({band}), rank {r} of {n} regencies"},
    "f_position_change": {"id": "berubah {d} dari {y}", "en": "a change of {d} from {y}"},
    "f_position_next": {"id": "{g} poin dari {band}", "en": "{g} points from {band}"},
    "f_position_province": {"id": "{g} poin di bawah provinsi", "en": "{g} points below the province"},
    "f_position_national": {"id": "{g} poin di bawah nilai nasional", "en": "{g} points below the national value"},
    "f_position_national_above": {"id": "{g} poin di atas nilai nasional", "en": "{g} points above the national value"},
    "f_pemdi_start": {"id": "{name} kemungkinan besar memulai PEMDI di {band} ({p} simulasi, skenario tengah; SPBE: "
                             "{spbe})",
                      "en": "{name} most likely starts PEMDI in {band} ({p} of draws, central scenario; SPBE: {spbe})"},
    "f_pemdi_strict": {"id": "dengan instrumen yang lebih ketat: {band} ({p})",
                       "en": "with the stricter instrument: {band} ({p})"},
    "f_pemdi_real": {"id": "Hasil PEMDI nyata: {band}", "en": "Real PEMDI result: {band}"},
    "brief_title": {"id": "Ringkasan SPBE dan PEMDI: {name}", "en": "SPBE and PEMDI brief: {name}"},
    "brief_gap_holds": {"id": "Yang menahan selisih ke {band} ({g} poin): {parts}",
                        "en": "What holds the gap to {band} ({g} points): {parts}"},
    "brief_gap_none": {"id": "Tidak ada pernyataan kokoh tentang domain mana yang menahan selisih ke {band}: jawabannya "
                              "bergantung pada tingkat indikator nyata",
                       "en": "No robust statement about which domain holds the gap to {band}: the answer depends on "
                             "the real indicator levels"},
    "brief_top": {"id": "{name} sudah di predikat tertinggi", "en": "{name} is already in the top band"},
    "brief_years": {"id": "Dengan lajunya sendiri ({pace} poin/tahun) {name} {spbe}; di PEMDI ia mencapai {pemdi}",
                    "en": "At its own pace ({pace} points a year) {name} {spbe}; on PEMDI it reaches {pemdi}"},
    "brief_spbe_reach": {"id": "mencapai {band} pada {y} di {p} simulasi", "en": "reaches {band} in {y} in {p} of draws"},
    "brief_spbe_noreach": {"id": "tidak mencapai {band} pada {y}, tahun SPBE terakhir, di {p} simulasi",
                           "en": "does not reach {band} in {y}, the last SPBE year, in {p} of draws"},
    "brief_pemdi_reach": {"id": "{band} pada {y} (median)", "en": "{band} by {y} (median)"},
    "brief_pemdi_noreach": {"id": "{band} tidak sebelum {y}", "en": "{band} not before {y}"},
    "brief_assumptions": {"id": "Asumsi: upaya per level dan prasyarat (data/assumptions/), laju dari indeks 2022-2024, "
                                 "padanan SPBE-PEMDI tidak resmi dan skenario proyeksinya, profil indikator ilustratif "
                                 "kecuali lembar evaluasi nyata diberikan. Lihat halaman 04-07 untuk metodenya.",
                          "en": "Assumptions: effort per level and prerequisites (data/assumptions/), pace from the "
                                "2022-2024 indices, the unofficial SPBE-to-PEMDI crosswalk and its projection "
                                "scenarios, illustrative indicator profiles unless real sheets are supplied. See pages "
                                "04-07 for the methods."},
})

LABELS.update({
    # ------------------------------------------------------------------ index page
    "site_title": {"id": "SPBE dan PEMDI enam kabupaten/kota di Provinsi Gorontalo: laporan dan gambar",
                   "en": "SPBE and PEMDI of the six regencies of Gorontalo Province: reports and figures"},
    "site_how": {"id": "Cara membaca", "en": "How to read"},
    "site_how_text": {"id": "Setiap laporan dimulai dengan temuan utamanya, lalu gambar dan tabel tanpa kode, dan "
                             "diakhiri dengan temuan yang sama. Ringkasan per kabupaten/kota dapat dibaca dalam dua "
                             "menit. Angka dengan koma desimal (2,40) pada halaman berbahasa Indonesia. Setiap gambar "
                             "menyebut sumbernya di bawah, dan label ILUSTRATIF atau TIDAK RESMI bila berlaku. Predikat "
                             "ditulis dengan nama resminya (Baik, Sangat Baik) dalam kedua bahasa.",
                      "en": "Every report opens with its findings, then figures and tables without code, and ends with "
                            "the same findings. Each regency brief reads in two minutes. Indonesian pages write "
                            "decimals with a comma (2,40). Every figure names its source at the bottom, and says "
                            "ILLUSTRATIVE or UNOFFICIAL where it is. Predicates keep their official names (Baik, "
                            "Sangat Baik) in both languages: Kurang = poor, Cukup = fair, Baik = good, Sangat Baik = "
                            "very good, Memuaskan = excellent."},
    "site_reports": {"id": "Laporan dan ringkasan per kabupaten/kota", "en": "Reports and regency briefs"},
    "site_figures": {"id": "Gambar untuk presentasi", "en": "Figures for slide decks"},
    "site_figures_text": {"id": "Ukuran slide 16:9, PNG 200 dpi dan SVG, nama berkas sama dalam kedua bahasa "
                                 "(figures/id dan figures/en); pratinjau dalam bahasa Indonesia.",
                          "en": "16:9 slide size, PNG at 200 dpi and SVG, the same file names in both languages "
                                "(figures/id and figures/en); previews in Indonesian."},
    "site_caveats": {"id": "Catatan data", "en": "Data caveats"},
    "cav_illustrative": {"id": "Skor tingkat indikator kabupaten/kota tidak dipublikasikan: hasil tingkat indikator "
                                "adalah ILUSTRATIF (profil simulasi yang indeks resminya sama dengan yang "
                                "dipublikasikan) kecuali lembar evaluasi nyata diberikan.",
                         "en": "Indicator-level scores of the regencies are not published: indicator-level results "
                               "are ILLUSTRATIVE (simulated profiles whose official index equals the published one) "
                               "unless real evaluation sheets are supplied."},
    "cav_unofficial": {"id": "Padanan SPBE-PEMDI dan proyeksi PEMDI adalah TIDAK RESMI (buatan paket ini).",
                       "en": "The SPBE-to-PEMDI crosswalk and the PEMDI projections are UNOFFICIAL (made by this "
                             "package)."},
    "cav_published": {"id": "Hanya indeks keseluruhan yang dipublikasikan; setiap nilai membawa sumber dan tanggalnya "
                             "di data/published_indices.csv.",
                      "en": "Only overall indices are published; every value carries its source and date in "
                            "data/published_indices.csv."},
    "cav_censored": {"id": "Boalemo dan Pohuwato 2022 hanya diketahui di bawah 2,03; nilai 2021 dan 2025 tidak "
                            "ditemukan dan tidak pernah diisi.",
                     "en": "Boalemo and Pohuwato 2022 are only known to be below 2.03; 2021 and 2025 values were not "
                           "found and are never filled in."},
    "cav_break": {"id": "Nilai 2019 (PermenPANRB 5/2018), 2021-2025 (59/2020) dan PEMDI (8/2026) berasal dari "
                         "instrumen berbeda: bukan sebuah tren.",
                  "en": "Values of 2019 (PermenPANRB 5/2018), 2021-2025 (59/2020) and PEMDI (8/2026) come from "
                        "different instruments: not a trend."},
    "cav_assumptions": {"id": "Upaya, prasyarat, laju dan skenario adalah asumsi yang tercatat di data/assumptions/ "
                               "beserta dasarnya.",
                        "en": "Effort, prerequisites, pace and scenarios are assumptions recorded in "
                              "data/assumptions/ with their basis."},
    "cav_boundaries": {"id": "Batas wilayah: geoBoundaries, CC BY 3.0 IGO, disederhanakan (sekitar 2 km).",
                       "en": "Boundaries: geoBoundaries, CC BY 3.0 IGO, simplified (about 2 km)."},
})
