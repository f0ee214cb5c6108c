"""The 2026 assessor review of the PEMDI step cards (data/pemdi/README.md, "2026 assessor review"):
regency offices only (no BPS as a co-owner, the Sekda named as chair of the Tim Koordinasi, no
working-group roles), index values restated as the agency's assessment with an honest status,
the conditions an assessor checks beyond the uploads, level-specific outside dependencies, the card's
new fields, and the budget and planning milestones of the 2027-2029 cycles."""
import csv
import datetime

import pytest

import spbe_analysis as sa
from spbe_analysis import criteria
from spbe_analysis.config import data_dir
from spbe_analysis.labels.glossary import english_words, glued_words

PEMDI = data_dir() / "pemdi"


def test_owners_name_regency_offices_only():
    o = criteria.load_owners()
    shown = o[["lead_office", "co_owners", "lead_office_en", "co_owners_en"]].apply(" ".join, axis=1)
    for ind, text in shown.items():
        low = text.lower()
        assert "bps" not in low and "pokja" not in low and "kelompok kerja" not in low, (ind, text)
        assert "working group" not in low, (ind, text)
        if "Sekretaris Daerah" in text:
            assert "Sekretaris Daerah selaku Ketua Tim Koordinasi Pemdi" in text, (ind, text)
    assert "BPS" in o.loc["I5", "national_counterpart"] and "BPS" in o.loc["I7", "national_counterpart_en"]
    for ind in ("I1", "I2", "I4", "I5", "I7", "I9", "I12", "I19", "I20"):
        assert "2026 review" in o.loc[ind, "basis"], ind


def test_index_values_are_restated_and_say_so():
    lv = criteria.load_levels().set_index(["indicator", "level"])
    restated = lv[lv["evidence_status"] == "restated"]
    assert len(restated) == 31
    assert {i for i, _ in restated.index} == {"I5", "I6", "I7", "I10", "I11", "I12", "I18"}
    for key, r in restated.iterrows():
        assert "evidence restated" in r["notes"] and "was " in r["notes"], key
    for ind in ("I5", "I6", "I7", "I18"):
        for level in range(1, 6):
            assert "(tidak diunggah pemerintah daerah)" in lv.loc[(ind, level), "evidence"], (ind, level)
    assert lv.loc[("I5", 2), "evidence"].startswith("Nilai Indeks Satu Data Indonesia (SDI) hasil penilaian Bappenas")
    # IKASANDI results are uploaded by the regency (the assessor returned an Indeks KAMI result instead)
    assert "diunggah pemerintah daerah)" in lv.loc[("I10", 1), "evidence"]
    assert "tidak diunggah" not in lv.loc[("I10", 1), "evidence"]
    assert "pengukuran mandiri" in lv.loc[("I12", 2), "evidence"]
    assert "Self-Assessment" in lv.loc[("I12", 2), "evidence"], "the self-assessment instrument stays quoted"
    assert lv.loc[("I11", 2), "evidence_status"] == "unverified_later", "a kriptografi report is the regency's own"


def test_assessor_checks_come_from_the_criteria_text():
    lv = criteria.load_levels().set_index(["indicator", "level"])
    filled = lv[lv["assessor_checks"] != ""]
    assert len(filled) == 27 and set(filled.index.get_level_values("level")) == {2, 3}
    for key in [("I20", 2), ("I19", 2), ("I14", 2), ("I13", 2), ("I8", 2)]:
        assert lv.loc[key, "assessor_checks"], key
    checks = lv.loc[("I20", 2), "assessor_checks"]
    assert "kelompok rentan" in checks and "triwulanan" in checks and "partisipasi" in checks.lower()
    assert "terotomatisasi" in lv.loc[("I19", 2), "assessor_checks"]
    assert "teknologi awan" in lv.loc[("I14", 2), "assessor_checks"]
    for key, r in filled.iterrows():
        assert "assessor_checks" in r["notes"] and r["criteria_status"] in r["notes"], key
    # I9 level 3 has no evidence list: its checks are the only guide
    assert lv.loc[("I9", 3), "evidence"] == "" and "audit eksternal" in lv.loc[("I9", 3), "assessor_checks"]


def test_outside_dependency_is_level_specific():
    lv = criteria.load_levels().set_index(["indicator", "level"])
    for level in (1, 2, 3, 4):
        dep = lv.loc[("I11", level), "external_dependency"]
        assert "IKASANDI" not in dep and "443 Tahun 2025" in dep, level
        assert "443/2025" in lv.loc[("I11", level), "external_dependency_en"], level
    assert "IKASANDI" in lv.loc[("I11", 5), "external_dependency"]
    assert "verifikasi" not in lv.loc[("I10", 3), "external_dependency"]
    assert "verifikasi" in lv.loc[("I10", 5), "external_dependency"]


def test_level_card_shows_the_evidence_status_and_the_checks():
    c = criteria.level_card("I20", 2)
    assert c.evidence_note == "daftar bukti: kutipan modul (belum lengkap)" and c.evidence_status == "verbatim_fragment"
    assert c.evidence_note_en.startswith("evidence list: ")
    assert isinstance(c.assessor_checks, tuple) and len(c.assessor_checks) == 7
    assert criteria.level_card("I5", 3).evidence_note == "daftar bukti: dirumuskan ulang dari modul, bukan kutipan"
    assert criteria.level_card("I1", 1).assessor_checks == ()
    assert set(criteria.EVIDENCE_NOTE) == set(criteria.EVIDENCE_STATUSES)
    for text_id, text_en in criteria.EVIDENCE_NOTE.values():
        assert not english_words(text_id) and text_en


def test_milestones_load_and_fall_before_their_cycle_deadline():
    m = criteria.milestones()
    assert len(m) == 22 and set(m["cycle"]) == {2027, 2028, 2029}
    for cycle in (2027, 2028, 2029):
        rows = m[m["cycle"] == cycle]
        due = criteria.evidence_deadline(cycle).date
        assert rows["date"].dropna().max() == due
        apbd = rows[rows["stage"].str.startswith("Persetujuan bersama APBD")]["date"].item()
        assert apbd == datetime.date(cycle - 1, 11, 30)
    assert m["basis"].str.match(r"(judgement|assumed): ").all(), "no article number was confirmed"
    for r in m.itertuples():
        for col in criteria.MILESTONE_READER_COLUMNS:
            text = getattr(r, col)
            assert not english_words(text) and not glued_words(text), (r.stage, col, text)


def _copy(tmp_path, line, column, value):
    src = PEMDI / "milestones.csv"
    with src.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    rows[line - 1][rows[0].index(column)] = value
    p = tmp_path / "milestones.csv"
    with p.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return p


@pytest.mark.parametrize("line, column, value, expected", [
    (2, "date", "30 Juni 2026", "an ISO date"),
    (2, "date", "2027-10-01", "on or before the evidence deadline"),
    (3, "source", "PP 12/2019", "openable addresses"),
    (4, "basis", "PP 12/2019 says so", "a basis that cites an article"),
    (5, "cycle", "2025", "an integer >= 2026"),
])
def test_a_bad_milestone_is_located(tmp_path, line, column, value, expected):
    p = _copy(tmp_path, line, column, value)
    with pytest.raises(sa.DataError) as err:
        criteria.milestones(p)
    e = err.value
    assert str(p) in str(e) and expected in e.expected and e.column == column and e.row == f"line {line}"
