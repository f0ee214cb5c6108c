"""The sourced data files: codebook coverage, sources, censoring, predicates, located errors."""
import csv
import shutil
from pathlib import Path

import pytest

import spbe_analysis as sa

from conftest import REG
from spbe_analysis import panel
from spbe_analysis.config import data_dir

DATA = data_dir()


def csv_files():
    return sorted(p for p in DATA.rglob("*.csv"))


def rel(path):
    return path.relative_to(DATA).as_posix()


def header(path):
    with path.open(newline="", encoding="utf-8") as fh:
        return next(csv.reader(fh))


def test_every_column_of_every_data_file_is_in_the_codebook():
    cb = sa.load_codebook()
    documented = set(zip(cb["file"], cb["column"]))
    for path in csv_files():
        for col in header(path):
            assert (rel(path), col) in documented, f"{rel(path)}:{col} missing from codebook.csv"
    present = {(rel(p), c) for p in csv_files() for c in header(p)}
    stale = documented - present
    assert not stale, f"codebook rows for columns that do not exist: {sorted(stale)}"


def test_codebook_rows_are_complete():
    cb = sa.load_codebook()
    assert (cb[["description", "unit", "source"]].apply(lambda s: s.str.strip().str.len() > 0)).all().all()


def test_every_published_value_has_a_source_and_a_status():
    pub = sa.load_published()
    shown = pub[pub["status"] != "missing"]
    assert ((shown["source_url"].str.len() > 0) | (shown["note"].str.len() > 0)).all()
    assert (shown.loc[shown["verified"], "source_url"].str.startswith("http")).all()
    assert set(pub["status"]) == {"exact", "below", "missing"}


def test_censored_and_missing_are_not_filled_in():
    pub = sa.load_published()
    cens = pub[pub["status"] == "below"]
    assert set(cens["entity_id"]) == {"7501", "7503"} and (cens["year"] == 2022).all()
    assert cens["value"].isna().all() and (cens["bound"] == 2.03).all()
    miss = pub[pub["status"] == "missing"]
    assert miss["value"].isna().all() and miss["bound"].isna().all()
    assert pub.loc[pub["status"] == "exact", "value"].notna().all()


def test_2024_values_as_published_in_the_source_article():
    pub = sa.load_published()
    snap = panel.snapshot(pub, 2024, ("75",) + REG)
    assert snap["value_text"].to_dict() == {"75": "4.13", "7501": "2.40", "7502": "2.68", "7503": "2.52",
                                            "7504": "3.00", "7505": "2.89", "7571": "2.82"}


def test_printed_predicates_agree_with_the_bands_or_are_flagged():
    check = panel.recompute_predicates(sa.load_published())
    disagree = check[check["agrees"] == False]  # noqa: E712
    assert (disagree["predicate_flag"].str.len() > 0).all(), disagree
    # a flag on a predicate that agrees would be stale
    agree = check[check["agrees"] == True]  # noqa: E712
    assert (agree["predicate_flag"] == "").all()
    assert set(zip(disagree["entity_id"], disagree["year"])) == {("76", 2023), ("62", 2022)}


def test_instrument_break_is_recorded():
    pub = sa.load_published()
    assert (pub.loc[pub["year"] <= 2019, "framework"] == "spbe2018").all()
    assert (pub.loc[pub["year"].between(2021, 2025), "framework"] == "spbe2020").all()
    assert (pub.loc[pub["year"] >= 2026, "framework"] == "pemdi2026").all()


def test_regencies():
    reg = sa.load_regencies()
    assert list(reg.index) == ["7501", "7502", "7503", "7504", "7505", "7571"]
    assert reg.loc["7571", "kind"] == "kota" and (reg.drop("7571")["kind"] == "kabupaten").all()
    prov = sa.load_regencies(include_province=True).loc["75"]
    assert reg["population"].sum() == prov["population"] == 1_250_960
    assert reg["lat"].isna().sum() == 1 and reg.loc["7505", "lat"] is not None


def test_snapshot_refuses_missing_or_censored():
    pub = sa.load_published()
    with pytest.raises(sa.DataError, match=r"row 7501, column 'status': got 'below'"):
        panel.snapshot(pub, 2022, REG)
    rows = panel.snapshot(pub, 2022, REG, exact_only=False)
    assert rows.loc["7501", "status"] == "below"


# ----------------------------------------------------------------------------- located errors
@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    dst = tmp_path / "data"
    shutil.copytree(DATA, dst)
    monkeypatch.setenv("SPBE_DATA_DIR", str(dst))
    return dst


def edit(path: Path, line_no: int, column: str, value: str):
    rows = list(csv.reader(path.open(newline="", encoding="utf-8")))
    rows[line_no - 1][rows[0].index(column)] = value
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def test_bad_value_in_published_file_is_located(data_copy):
    edit(data_copy / "published_indices.csv", 3, "value", "2,48")
    with pytest.raises(sa.DataError) as err:
        sa.load_published()
    msg = str(err.value)
    assert "published_indices.csv" in msg and "line 3" in msg and "'value'" in msg and "'2,48'" in msg
    assert "2 decimals" in msg


def test_censored_row_with_a_value_is_rejected(data_copy):
    pub = sa.load_published()
    line = int(pub.index[(pub["entity_id"] == "7501") & (pub["year"] == 2022)][0]) + 2
    edit(data_copy / "published_indices.csv", line, "value", "1.90")
    with pytest.raises(sa.DataError, match=f"line {line}.*empty value where status is 'below'"):
        sa.load_published()


def test_framework_weights_not_summing_to_100_are_rejected(data_copy):
    edit(data_copy / "framework_spbe2020.csv", 2, "weight_pct", "1.35")
    with pytest.raises(sa.DataError, match=r"framework_spbe2020.csv.*weight_pct.*sum to exactly 100"):
        sa.load_framework("spbe2020")


def test_duplicate_indicator_is_rejected(data_copy):
    edit(data_copy / "framework_spbe2020.csv", 3, "indicator", "1")
    with pytest.raises(sa.DataError, match=r"line 3.*'indicator'.*each indicator listed once"):
        sa.load_framework("spbe2020")


def test_bad_level_range_cell_is_located(data_copy):
    edit(data_copy / "frameworks.csv", 3, "level_max", "five")
    with pytest.raises(sa.DataError, match=r"frameworks.csv, row line 3, column 'level_max': got 'five'"):
        sa.load_framework("spbe2020")


def test_bad_population_is_located(data_copy):
    edit(data_copy / "regencies.csv", 4, "population", "162.989")
    with pytest.raises(sa.DataError, match=r"regencies.csv.*line 4.*'population'.*'162.989'.*integer"):
        sa.load_regencies()


def test_raw_data_files_are_not_written_by_the_loaders():
    before = {p: p.read_bytes() for p in csv_files()}
    sa.load_published(), sa.load_regencies(), sa.load_codebook()
    for n in sa.FRAMEWORK_NAMES:
        sa.load_framework(n)
    assert before == {p: p.read_bytes() for p in csv_files()}


# ----------------------------------------------------------------------------- instruments (SPBE -> PEMDI)
def line_of(entity_id, year):
    pub = sa.load_published()
    return int(pub.index[(pub["entity_id"] == entity_id) & (pub["year"] == year)][0]) + 2


def test_every_row_is_marked_by_its_instrument():
    pub = sa.load_published()
    assert (pub["instrument"] == pub["framework"]).all()
    assert set(pub.loc[pub["year"] <= 2019, "instrument"]) == {"spbe2018"}
    assert set(pub.loc[pub["year"].between(2021, 2025), "instrument"]) == {"spbe2020"}
    pemdi = pub[pub["year"] == 2026]
    assert set(pemdi["instrument"]) == {"pemdi2026"}
    assert set(pemdi["entity_id"]) == {"75", "IDN", *REG}
    assert (pemdi["status"] == "missing").all() and pemdi["value"].isna().all()   # none published yet


def publish(path, line, value, predicate, flag=""):
    for col, v in (("status", "exact"), ("value", value), ("predicate_printed", predicate), ("predicate_flag", flag),
                   ("source_url", "https://example.org/pemdi-2026"), ("verified", "true")):
        edit(path, line, col, v)


@pytest.mark.parametrize("printed", ["Kurang", "Kurang (Merintis)", "Merintis"])
def test_a_pemdi_value_is_scored_on_the_pemdi_bands(data_copy, printed):
    line = line_of("7501", 2026)
    publish(data_copy / "published_indices.csv", line, "1.24", printed)
    pub = sa.load_published()
    check = panel.recompute_predicates(pub).set_index(["entity_id", "year"]).loc[("7501", 2026)]
    assert check["instrument"] == "pemdi2026" and check["predicate_recomputed"] == "Kurang (Merintis)"
    assert bool(check["agrees"])
    # 1.60 is Cukup on PEMDI (from 1.50) but would be Kurang on SPBE (below 1.80)
    publish(data_copy / "published_indices.csv", line, "1.60", "Cukup")
    assert sa.load_published().set_index(["entity_id", "year"]).loc[("7501", 2026), "value"] == 1.60


def test_a_pemdi_predicate_read_on_the_spbe_bands_is_a_located_error(data_copy):
    line = line_of("7501", 2026)
    publish(data_copy / "published_indices.csv", line, "1.60", "Kurang")     # Kurang on SPBE, Cukup on PEMDI
    with pytest.raises(sa.DataError) as err:
        sa.load_published()
    e = err.value
    assert e.row == f"line {line}" and e.column == "predicate_printed" and e.value == "Kurang"
    assert "pemdi2026" in str(e) and "Cukup (Membangun)" in str(e)


def test_an_unknown_instrument_is_a_located_error(data_copy):
    line = line_of("7502", 2024)
    edit(data_copy / "published_indices.csv", line, "instrument", "pemdi2025")
    with pytest.raises(sa.DataError) as err:
        sa.load_published()
    assert err.value.row == f"line {line}" and err.value.column == "instrument" and err.value.value == "pemdi2025"
    assert "'pemdi2026'" in str(err.value)


@pytest.mark.parametrize("entity, year, framework, instrument", [
    ("7502", 2024, "spbe2020", "pemdi2026"),      # PEMDI before 2026, and not the row's framework
    ("7502", 2024, "pemdi2026", "pemdi2026"),     # framework and instrument agree, but PEMDI does not cover 2024
    ("7502", 2026, "spbe2020", "spbe2020"),       # SPBE 2020 does not cover 2026
    ("7502", 2019, "spbe2020", "spbe2020"),       # nor 2019
])
def test_an_instrument_inconsistent_with_its_year_is_a_located_error(data_copy, entity, year, framework, instrument):
    line = line_of(entity, year)
    edit(data_copy / "published_indices.csv", line, "framework", framework)
    edit(data_copy / "published_indices.csv", line, "instrument", instrument)
    with pytest.raises(sa.DataError) as err:
        sa.load_published()
    assert err.value.row == f"line {line}" and err.value.column == "instrument" and err.value.value == instrument


def test_nothing_compares_years_across_instruments(data_copy):
    from spbe_analysis.figures import trends as FT
    publish(data_copy / "published_indices.csv", line_of("7502", 2025), "2.90", "Baik")
    publish(data_copy / "published_indices.csv", line_of("7502", 2026), "1.90", "Cukup")
    pub = sa.load_published()
    years = [2019, 2021, 2022, 2023, 2024, 2025, 2026]
    assert panel.instrument_segments(pub, years) == [
        ("spbe2018", [2019]), ("spbe2020", [2021, 2022, 2023, 2024, 2025]), ("pemdi2026", [2026])]
    assert panel.instrument_breaks(pub, years) == [2019, 2025]
    assert FT.trajectory_breaks(pub, years) == [2019, 2025]          # read from the data, none passed
    assert panel.same_framework_years(pub, years, 2022, "spbe2020") == [2022, 2023, 2024, 2025]
    assert panel.changes(pub, ["7502"], 2024, 2025).tolist() == [0.22]
    with pytest.raises(sa.DataError, match=r"row year 2026, column 'instrument': got 'pemdi2026'"):
        panel.changes(pub, ["7502"], 2025, 2026)
    with pytest.raises(sa.DataError, match="different instruments"):
        FT.trajectory_finding(pub, REG, "75", 2024, 2026)


def test_the_trajectory_line_breaks_at_2025_2026(data_copy):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from spbe_analysis.figures import trends as FT
    publish(data_copy / "published_indices.csv", line_of("7502", 2025), "2.90", "Baik")
    publish(data_copy / "published_indices.csv", line_of("7502", 2026), "1.90", "Cukup")
    pub = sa.load_published()
    years = [2023, 2024, 2025, 2026]
    finding = FT.trajectory_finding(pub, REG, "75", 2023, 2024)
    fig = FT.trajectories_chart(FT.TrajectoryData(pub, ("7502",), years, "spbe2020", finding), lang="en",
                                footer="").figure   # no break passed
    xs = {y: k for k, y in enumerate(years)}
    segments = {tuple(sorted(ln.get_xdata())) for ln in fig.axes[0].get_lines() if len(ln.get_xdata()) == 2}
    assert (xs[2023], xs[2024]) in segments and (xs[2024], xs[2025]) in segments
    assert not any(a <= xs[2025] < b for a, b in segments), "no line from the SPBE 2025 to the PEMDI 2026 value"
    texts = [tx.get_text() for tx in fig.axes[0].texts]
    assert any("59/2020 -> 8/2026" in tx for tx in texts)
    plt.close(fig)
