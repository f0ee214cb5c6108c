"""Calibration of the PEMDI projection on real SPBE-to-PEMDI pairs: the reference case lies inside
the central 5-95 % range projected from its SPBE index, the data file holds what the calibration
gives, leave-one-out runs as soon as there are two pairs, and a bad pairs file is refused where it
is wrong."""
import dataclasses
import shutil

import pytest

import spbe_analysis as sa
from spbe_analysis.config import data_dir
from spbe_analysis.pemdi import calibration as C
from spbe_analysis.pemdi import load_assumptions


@pytest.fixture(scope="module")
def check():
    return C.check_calibration()


def test_the_pairs_file_holds_the_reference_case_with_its_sources():
    (p,) = C.load_pairs()
    assert (p.entity, p.spbe_year, p.spbe_index, p.pemdi_year, p.pemdi_index) == ("1104", 2025, 2.59, 2026, 1.24)
    assert p.spbe_domains == {1: 2.30, 2: 1.70, 3: 1.00, 4: 3.75} and len(p.aspects) == 7 and len(p.indicators) == 20
    assert all(u.startswith("https://github.com/Niumination/PemdiAcehTengah/blob/") for u in p.sources)
    assert sa.score(p.indicators, "pemdi2026").index == p.pemdi_index


def test_the_central_range_from_the_spbe_index_holds_the_real_pemdi_index(check):
    assert check.n_pairs == 1 and check.anchor_only and check.all_inside
    r = check.pairs.iloc[0]
    assert r["p5"] <= r["real_index"] <= r["p95"] and r["p5"] < r["p50"] < r["p95"]
    assert 0.1 < r["percentile"] < 0.9, "the anchor sits well inside, not on an edge"
    assert r["n_aspects"] == 7 and r["aspects_inside"] == int(check.aspects["inside"].sum())
    assert check.leave_one_out is None and check.leave_one_out_note == "not possible with n = 1"
    assert "n = 1" in check.basis() and "not a fit" in check.basis()


def test_the_data_file_holds_the_calibrated_values():
    c = C.calibrate()
    a = load_assumptions()
    assert (c.assumptions.carry, c.assumptions.new_value) == (a.carry, a.new_value)
    assert c.assumptions.external_value == a.external_value
    for param in ("carry", "new_value"):
        basis = a.table.set_index("parameter").loc[param, "basis"]
        assert "n = 1" in basis and "not a fit" in basis
    imp = c.implied.iloc[0]
    assert a.carry[0] < imp["carry_implied"] < a.carry[2]
    assert a.new_value[0] <= imp["new_value_min"] <= imp["new_value_max"] <= a.new_value[2]


def test_the_domain_sensitivity_also_holds_the_real_index():
    c = C.check_calibration(n_profiles=300, use_domains=True)
    assert c.all_inside and c.profiles == "SPBE index and domain values"


def test_leave_one_out_runs_with_two_pairs():
    (p,) = C.load_pairs()
    twin = dataclasses.replace(p, entity="twin", spbe_domains={})
    c = C.calibrate([p, twin], n_profiles=100)
    assert c.n_pairs == 2 and not c.anchor_only
    assert list(c.leave_one_out["entity"]) == ["1104", "twin"] and c.leave_one_out["inside"].all()
    assert c.leave_one_out_note == "leave-one-out over n = 2 pairs"


def test_the_old_uniform_values_missed_the_reference_case():
    a = load_assumptions().replace(carry=(0.25, 0.50, 1.00), new_value=(1.00, 1.25, 1.75))
    c = C.check_calibration(n_profiles=300, assumptions=a)
    assert not c.all_inside and c.pairs["p5"].iloc[0] > 1.24


@pytest.mark.parametrize("old, new, column", [
    (",2026,1.24,", ",2026,1.30,", "pemdi_index"),
    ("2.30;1.70;1.00;3.75", "2.30;1.70;1.00", "spbe_domains"),
    (",false,2026,", ",no,2026,", "spbe_verified"),
    ("reference/pemdi2026_acehtengah_assessor.csv", "reference/missing.csv", "pemdi_reference"),
])
def test_a_bad_pairs_file_is_refused_where_it_is_wrong(tmp_path, monkeypatch, old, new, column):
    dst = tmp_path / "data"
    shutil.copytree(data_dir(), dst)
    f = dst / C.PAIRS_FILE
    text = f.read_text(encoding="utf-8")
    assert old in text
    f.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.setenv("SPBE_DATA_DIR", str(dst))
    with pytest.raises(sa.DataError) as err:
        C.load_pairs()
    assert "spbe_pemdi_pairs.csv" in str(err.value) and column in str(err.value) and "line 2" in str(err.value)
