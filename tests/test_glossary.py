"""The one glossary (spbe_analysis/labels/glossary.csv): it loads strictly, refuses bad rows with the
file, line and column, lists in a page's glossary section exactly the terms the page uses, and its
Indonesian rows are Bahasa Indonesia as an official writes it."""
import csv
import re

import pytest

import spbe_analysis as sa
from spbe_analysis.labels import glossary as G

#: The terms the pages use (issue 17): each must have a row.
PAGE_TERMS = {"indeks_spbe", "indeks_pemdi", "predikat", "domain", "aspek", "indikator", "tingkat_kapabilitas",
              "tim_koordinasi", "perangkat_daerah", "keputusan_menpanrb", "profil_ilustratif", "rentang_5_95",
              "monte_carlo", "koefisien_variasi", "indeks_theil", "konvergensi_beta", "konvergensi_sigma",
              "waktu_paruh", "gini", "mae", "uji_balik", "langkah_aman", "jalur_biaya_terendah", "upaya",
              "prasyarat", "masa_tunggu", "padanan_spbe_pemdi", "kredit_bukti_lama", "dirichlet",
              "analisis_kepekaan", "siap_digital", "satu_data_indonesia", "sjig", "epss", "sla", "sop", "ippd",
              "ran_pemdi", "bappeda", "diskominfo", "bpkad", "setda"}
#: The abbreviations readers meet on the pages, the briefs and the PEMDI criteria and owner files:
#: each has a glossary row (found by its abbreviation in both languages).
ABBREVIATIONS = {"SIAP Digital": "siap_digital", "SDI": "satu_data_indonesia", "SJIG": "sjig", "EPSS": "epss",
                 "SLA": "sla", "SOP": "sop", "IPPD": "ippd", "RAN Pemdi": "ran_pemdi", "Bappeda": "bappeda",
                 "Diskominfo": "diskominfo", "BPKAD": "bpkad", "Setda": "setda", "DPMPTSP": "dpmptsp", "BKPSDM": "bkpsdm",
                 "PKS": "pks", "SPLP": "splp", "PDN": "pdn", "SKM": "skm"}
SHOWN = ("term_id", "term_en", "definition_id", "definition_en", "aliases_id", "aliases_en")


def _rows():
    with G.GLOSSARY.open(newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def _write(tmp_path, rows, name="glossary.csv"):
    p = tmp_path / name
    with p.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return p


def test_the_glossary_loads_and_covers_the_terms_of_the_pages():
    g = G.load_glossary()
    assert list(g.columns) == list(G.REQUIRED + G.ALIASES)
    assert g["key"].is_unique and PAGE_TERMS <= set(g["key"])
    for col in G.REQUIRED:
        assert g[col].str.strip().str.len().gt(0).all(), col
    assert g["source"].map(G.source_kind).notna().all()
    assert G.load_glossary(G.GLOSSARY).equals(g)


def test_glossary_rows_hold_no_code_or_parameter_names():
    g = G.load_glossary()
    for col in SHOWN:
        for k, text in zip(g["key"], g[col]):
            assert not re.search(r"[_`]|\w\(\)|\bn_\w+|\bdef\b", text), (k, col, text)


def test_indonesian_rows_are_indonesian():
    """No English marker words, no glued words, decimals with a comma (English rows: with a point)."""
    bad = []
    for line, r in enumerate(csv.DictReader(G.GLOSSARY.open(encoding="utf-8")), start=2):
        for col in ("term_id", "definition_id", "aliases_id"):
            found = G.english_words(r[col]) + G.glued_words(r[col])
            if found or re.search(r"\d\.\d", r[col]):
                bad.append(f"{G.GLOSSARY}, line {line} ({r['key']}), column {col!r}: {found} in {r[col]!r}")
        if re.search(r"\d,\d", r["definition_en"]):
            bad.append(f"{G.GLOSSARY}, line {line} ({r['key']}), column 'definition_en': a decimal comma")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("line, column, value, expected", [
    (3, "key", "indeks_spbe", "unique values of key"),
    (4, "key", "Bad Key", "a key of lowercase letters"),
    (5, "definition_id", "", "a non-empty definition"),
    (6, "term_en", "n_profiles", "without code or parameter names"),
    (7, "source", "http://peraturan.go.id/id/perpres-no-95-tahun-2018", "https://"),
    (8, "source", "PermenPANRB 59/2020", "https://"),
    (8, "source", "peraturan.go.id", "https://"),
    (8, "source", "menpan.go.id/site/regulasi", "document named with its number and year"),
    (6, "definition_en", "The bands {bands:spbe2020} and {edges}.", "braces"),
    (9, "aliases_id", "simulasi||Monte Carlo", "separated by '|'"),
    (10, "term_en", "SPBE index", "each term_en once"),
    (11, "term_id", "indeks spbe", "each term_id once"),
])
def test_a_bad_row_is_refused_with_its_location(tmp_path, line, column, value, expected):
    rows = _rows()
    rows[line - 1][rows[0].index(column)] = value
    p = _write(tmp_path, rows)
    with pytest.raises(sa.DataError) as err:
        G.load_glossary(p)
    e = err.value
    assert e.where == str(p) and e.row == f"line {line}" and e.column == column and expected in e.expected


def test_a_wrong_header_or_a_missing_file_is_refused(tmp_path):
    rows = _rows()
    drop = rows[0].index("definition_en")
    p = _write(tmp_path, [r[:drop] + r[drop + 1:] for r in rows])
    with pytest.raises(sa.DataError) as err:
        G.load_glossary(p)
    assert err.value.row == 1 and err.value.column == "definition_en" and err.value.where == str(p)
    with pytest.raises(sa.DataError, match="exist"):
        G.load_glossary(tmp_path / "none.csv")
    with pytest.raises(sa.DataError, match="path argument"):
        G.load_glossary(3)


def test_the_alias_columns_are_optional(tmp_path):
    rows = _rows()
    keep = [rows[0].index(c) for c in G.REQUIRED]
    g = G.load_glossary(_write(tmp_path, [[r[k] for k in keep] for r in rows]))
    assert list(g.columns) == list(G.REQUIRED + G.ALIASES) and (g["aliases_id"] == "").all()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_term_finds_itself(lang):
    g = G.load_glossary()
    for r in g.to_dict("records"):
        assert r["key"] in G.glossary_keys(f"Satu kalimat tentang {r['term_' + lang]} di halaman.", lang), r["key"]


@pytest.mark.parametrize("lang, text", [
    ("id", "Waktu paruh kesenjangan diukur dengan indeks Theil; uji balik memakai masa tunggu."),
    ("en", "The half-life of the gap, the Theil index, a backtest and the dwell times."),
])
def test_the_glossary_section_lists_exactly_the_terms_present(lang, text):
    want = ["indeks_theil", "masa_tunggu", "uji_balik", "waktu_paruh"]
    keys = G.glossary_keys(text, lang)
    assert sorted(keys) == want
    g = G.load_glossary().set_index("key")
    assert keys == sorted(keys, key=lambda k: g.loc[k, "term_" + lang].casefold())
    md = G.glossary_markdown(text, lang)
    assert md == G.glossary_markdown(text, lang)                    # deterministic
    assert md.startswith("## " + ("Daftar istilah" if lang == "id" else "Glossary") + "\n")
    body = [line for line in md.splitlines() if line.startswith("| **")]
    assert len(body) == len(want)
    for k in g.index:
        shown = f"| **{g.loc[k, 'term_' + lang]}**" in md
        assert shown == (k in want), k
    for k, line in zip(keys, body):
        assert line.endswith(f"| {G.source_markdown(g.loc[k, 'source'])} |") and G.definition(k, lang) in line


def test_matching_ignores_case_dashes_and_suffixes_but_not_parts_of_words():
    assert G.glossary_keys("RENTANG 5–95 % dan koefisien variasinya", "id") == ["koefisien_variasi", "rentang_5_95"]
    assert G.glossary_keys("penilaian mandiri", "id") == ["penilaian_mandiri"]
    assert G.glossary_keys("pengupayaan", "id") == []
    assert G.glossary_keys("Two backtests, MAE 0.12", "en") == ["uji_balik", "mae"]


def test_an_indonesian_section_has_no_english_and_an_english_one_names_the_indonesian_term():
    g = G.load_glossary()
    everything_id = " ".join(g["term_id"])
    md_id = G.glossary_markdown(everything_id, "id")
    assert md_id.count("\n| **") == len(g)
    words = re.sub(r"\[https://[^\]]*\]\(https://[^)]*\)", "", md_id)     # the addresses are not text
    assert G.english_words(words) == [] and G.glued_words(words) == []
    md_en = G.glossary_markdown("The Theil index.", "en")
    assert "**Theil index** (*indeks Theil*)" in md_en


def test_no_term_gives_an_empty_section_and_bad_arguments_are_refused():
    assert G.glossary_markdown("Tidak ada istilah di sini.", "id") == ""
    assert G.glossary_markdown("", "en") == ""
    with pytest.raises(sa.DataError, match="lang"):
        G.glossary_markdown("Indeks SPBE", "fr")
    with pytest.raises(sa.DataError, match="text"):
        G.glossary_keys(None, "id")


def test_english_and_glued_word_checks():
    assert G.english_words("Komdigi (judgement — the sources name no national PDP counterpart)") == [
        "judgement", "the"]
    assert G.english_words("pertukaran data secara waktu nyata; in-use, at-rest") == []
    assert G.glued_words("Pemerintah.Kondisi dan PemerintahDigital; KemenPANRB, MoU") == ["PemerintahDigital"]


@pytest.mark.notebooks
def test_every_built_page_ends_with_the_glossary_of_its_own_terms(built):
    """Each built page (both languages) carries one glossary section, after everything else, and it
    lists exactly the terms the page's own text uses, each with its term in the page's language."""
    import html as html_mod
    import re as re_mod

    import nbformat

    from spbe_analysis import report
    from spbe_analysis.labels.glossary import HEADINGS, glossary_keys, load_glossary, page_text

    reports, _ = built
    g = load_glossary().set_index("key")
    pages = sorted(reports.glob("*/*.html"))
    pages = [p for p in pages if p.stem != "index"]
    assert pages
    for page in pages:
        lang = page.parent.name
        nb = report.findings_first(report.for_language(nbformat.read(page.with_suffix(".ipynb"), as_version=4), lang),
                                   lang)
        keys = glossary_keys(page_text(nb), lang)
        body = html_mod.unescape(page.read_text(encoding="utf-8"))
        heads = [m.start() for m in re_mod.finditer(r">\s*" + HEADINGS[lang][0] + r"\s*<", body)]
        assert len(heads) == (1 if keys else 0), (page, len(heads), keys)
        if keys:
            section = body[heads[0]:]
            for k in keys:
                assert g.loc[k, f"term_{lang}"] in section, (page, k)


#: The package's own constructs: the regulation does not define them.
OWN_TERMS = ("padanan_spbe_pemdi", "upaya", "prasyarat", "masa_tunggu", "jalur_biaya_terendah", "kredit_bukti_lama",
             "langkah_aman")


def test_the_packages_own_constructs_do_not_cite_the_regulation_and_say_they_are_assumptions():
    g = G.load_glossary().set_index("key")
    for k in OWN_TERMS:
        assert "peraturan.go.id" not in g.loc[k, "source"], k
        assert "asumsi tim analisis" in g.loc[k, "definition_id"], k
        assert "assumption" in g.loc[k, "definition_en"], k
    for k in ("predikat", "indikator"):
        assert "ringkasan sekunder PermenPANRB 8/2026" in g.loc[k, "definition_id"], k
        assert "secondary summaries of PermenPANRB 8/2026" in g.loc[k, "definition_en"], k


BARE_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?$")


def test_every_source_is_an_address_or_a_document_reference_and_shows_as_such():
    """A reader can open or look up every source: a full ``https://`` address (shown in full, not as
    its bare domain) or the document named with its number and year; no bare domain."""
    g = G.load_glossary()
    for k, src in zip(g["key"], g["source"]):
        kind = G.source_kind(src)
        assert kind in ("url", "document"), (k, src)
        assert not BARE_DOMAIN.match(src), (k, src)
        if kind == "url":
            assert re.fullmatch(r"https://[\w.-]+\.[a-z]{2,}/\S+", src), (k, src)    # an address, not a domain
            # a link that opens the address, shown by its site: no file or code names in the reader's text
            assert G.source_markdown(src) == f"[{re.match(r'https://([^/]+)/', src)[1]} \u2197]({src})"
        else:
            assert re.search(r"\bNomor \d+ Tahun \d{4}\b", src) and G.source_markdown(src) == src, (k, src)
    for lang in ("id", "en"):
        md = G.glossary_markdown(" ".join(g["term_" + lang]), lang)
        for line in md.splitlines()[4:]:
            cell = line.rsplit(" | ", 1)[1].removesuffix(" |")
            assert not BARE_DOMAIN.match(re.sub(r"^\[([^\]]*)\].*", r"\1", cell)), line
    for bad in ("peraturan.go.id", "https://peraturan.go.id/", "menpan.go.id", "http://doi.org/10.1086/261816",
                "PermenPANRB 59/2020", ""):
        assert G.source_kind(bad) is None, bad


@pytest.mark.parametrize("abbr", sorted(ABBREVIATIONS))
def test_every_abbreviation_readers_meet_has_a_row_in_both_languages(abbr):
    from spbe_analysis.config import data_file
    key = ABBREVIATIONS[abbr]
    met = " ".join(p.read_text(encoding="utf-8") for p in sorted(data_file("pemdi").glob("*.csv")))
    assert re.search(r"(?<![\w-])" + re.escape(abbr) + r"(?!\w)", met), f"{abbr} is not in data/pemdi (still met?)"
    g = G.load_glossary().set_index("key")
    assert key in g.index
    for lang in ("id", "en"):
        assert key in G.glossary_keys(f"Langkah ini memakai {abbr} pada siklus berikutnya.", lang), (abbr, lang)
        assert G.english_words(g.loc[key, "definition_id"]) == [] and G.glued_words(g.loc[key, "definition_id"]) == []
    assert G.source_kind(g.loc[key, "source"]) is not None


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_predicate_entry_gives_every_band_of_both_instruments_with_its_range_from_the_framework(lang):
    from spbe_analysis import load_framework
    from spbe_analysis.labels import num
    text = G.definition("predikat", lang)
    assert "{" not in text and G.load_glossary().set_index("key").loc["predikat", "definition_" + lang].count(
        "{bands:") == 2
    for name in ("spbe2020", "pemdi2026"):
        fw = load_framework(name)
        ranges = G.band_ranges(name, lang)
        assert ranges in text
        parts = ranges.split("; ")
        assert len(parts) == len(fw.bands)
        for k, (part, r) in enumerate(zip(parts, fw.bands.itertuples())):
            assert part.startswith(str(r.predicate) + " "), part
            assert num(float(r.upper), lang) in part
            assert (k == 0) == (num(float(r.lower), lang) not in part), part
    assert ("Kurang (Merintis) untuk nilai di bawah 1,50" in text) == (lang == "id")
    assert ("Kurang (Merintis) for values below 1.50" in text) == (lang == "en")
    assert not re.search(r"\d\.\d" if lang == "id" else r"\d,\d", text)
    md = G.glossary_markdown("Predikat dan band." if lang == "id" else "The band.", lang)
    assert G.band_ranges("pemdi2026", lang) in md
