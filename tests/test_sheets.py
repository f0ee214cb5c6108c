"""The evaluation-sheet template and loader: round trips, Indonesian Excel exports, and bad
sheets rejected with located errors."""
import numpy as np
import pandas as pd
import pytest

import spbe_analysis as sa
from spbe_analysis import sheets
from spbe_analysis.config import data_dir

FW = sa.load_framework("spbe2020")
RNG = np.random.default_rng(5)


def filled():
    t = sheets.template(FW)
    t["level"] = RNG.integers(1, 6, len(t))
    return t


def test_shipped_templates_match_the_generator():
    want = sheets.template(FW)
    csv = pd.read_csv(data_dir() / "templates" / "sheet_template_spbe2020.csv", dtype=str, keep_default_na=False)
    xlsx = pd.read_excel(data_dir() / "templates" / "sheet_template_spbe2020.xlsx", dtype=str).fillna("")
    for got in (csv, xlsx):
        assert list(got.columns) == sheets.COLUMNS
        assert got["indicator"].tolist() == want["indicator"].tolist()
        assert got["bps_code"].tolist() == want["bps_code"].tolist()
        assert (got["level"] == "").all()


@pytest.mark.parametrize("fmt", ["csv", "csv-semicolon-comma", "xlsx"])
def test_round_trip(tmp_path, fmt):
    t = filled()
    if fmt == "csv":
        path = tmp_path / "s.csv"
        t.to_csv(path, index=False)
    elif fmt == "xlsx":
        path = tmp_path / "s.xlsx"
        t.to_excel(path, index=False)
    else:  # Indonesian Excel: ';' separator, decimal commas, Indonesian headers
        path = tmp_path / "s.csv"
        d = t.rename(columns={"bps_code": "Kode_BPS", "year": "Tahun", "indicator": "Indikator",
                              "indicator_name": "Nama_Indikator", "level": "Nilai"})
        d["Nilai"] = d["Nilai"].map(lambda v: f"{v},0")
        d.to_csv(path, index=False, sep=";")
    got = sheets.load_sheet(path, FW)
    assert got["level"].tolist() == t["level"].astype(int).tolist()
    assert got["bps_code"].tolist() == t["bps_code"].tolist()
    wide = sheets.sheet_wide(got)
    sc = sa.score_table(wide, FW).set_index("entity")
    for e in ("7501", "7571"):
        lv = t[t["bps_code"] == e].set_index("indicator")["level"]
        assert sc.loc[e, "value"] == sa.score(lv.astype(int), FW).index


def write_csv(tmp_path, t, name="bad.csv"):
    path = tmp_path / name
    t.to_csv(path, index=False)
    return path


@pytest.mark.parametrize("row, column, value, phrase", [
    (5, "level", "6", "between 1 and 5"),
    (5, "level", "2,5", "whole level"),
    (5, "level", "tiga", "a number"),
    (5, "level", "", "the cell is empty"),
    (7, "indicator", "48", "indicator id"),
    (9, "bps_code", "75O1", "BPS code"),
    (3, "year", "24", "evaluation year of spbe2020 (2021-2025)"),
    (3, "year", "2099", "evaluation year of spbe2020 (2021-2025)"),
    (4, "bps_code", "7599", "one of its six regencies"),
    (4, "bps_code", "0075", "one of its six regencies"),
])
def test_bad_cells_are_located(tmp_path, row, column, value, phrase):
    t = filled().astype(str)
    t.loc[row - 2, column] = value  # file row = DataFrame row + 2 (header is row 1)
    path = write_csv(tmp_path, t)
    with pytest.raises(sa.DataError) as err:
        sheets.load_sheet(path, FW)
    e = err.value
    assert e.row == row and e.column == column and phrase in str(e) and str(path) in str(e)


def test_bad_cell_in_xlsx_names_the_sheet(tmp_path):
    t = filled()
    t["level"] = t["level"].astype(object)
    t.loc[10, "level"] = 7
    path = tmp_path / "bad.xlsx"
    with pd.ExcelWriter(path) as xw:
        t.to_excel(xw, index=False, sheet_name="Kab Boalemo")
    with pytest.raises(sa.DataError) as err:
        sheets.load_sheet(path, FW)
    assert err.value.worksheet == "Kab Boalemo" and err.value.row == 12 and "worksheet 'Kab Boalemo'" in str(err.value)
    with pytest.raises(sa.DataError, match="a worksheet named 'nope'"):
        sheets.load_sheet(path, FW, worksheet="nope")


def test_missing_duplicate_and_header_problems(tmp_path):
    t = filled()
    path = write_csv(tmp_path, t.drop(index=[3]))
    with pytest.raises(sa.DataError, match=r"government 7501, year 2024.*missing 1: 4"):
        sheets.load_sheet(path, FW)
    dup = pd.concat([t, t.iloc[[0]]])
    with pytest.raises(sa.DataError, match=r"each government, year and indicator once \(also on row 2\)"):
        sheets.load_sheet(write_csv(tmp_path, dup, "dup.csv"), FW)
    with pytest.raises(sa.DataError, match="a column 'level'"):
        sheets.load_sheet(write_csv(tmp_path, t.drop(columns=["level"]), "nolevel.csv"), FW)
    with pytest.raises(sa.DataError, match=".csv or .xlsx"):
        sheets.load_sheet(write_csv(tmp_path, t, "x.txt"), FW)


def test_write_template_never_overwrites(tmp_path):
    p = sheets.write_template(tmp_path / "t.csv")
    with pytest.raises(sa.DataError, match="never overwritten"):
        sheets.write_template(p)
