"""Every error a public docstring documents is raised, and a test shows it (docs/API.md, "One convention").

The docstrings of the analysis core (the modules docs/API.md lists as the analysis core, in its "Layers"
bullet) are read with ``ast``: every ``Raises`` section (numpydoc) gives (function, exception, condition).
:data:`CASES` holds, for each of them, concrete calls that meet the condition: each must raise exactly the
documented exception, located where the message says (the argument or file, ``DataError.where``).

The table and the docstrings cannot drift apart: a documented error without a case fails, a case of an
error no docstring documents fails, and the clauses of a function's cases must cover every word of its
documented condition (a condition that grows a clause needs a case for it).
"""
import ast
import csv
import dataclasses
import json
import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import spbe_analysis as sa
from spbe_analysis import (actionplan, planrules, assumptions, criteria, data, decomposition as DC, disparity as D, forecast,
                           frameworks, official, pace, panel, paths, pemdi, profiles, robust, scoring, sensitivity,
                           sheets, sheetscore, transition, values)
from spbe_analysis.config import data_dir
from spbe_analysis.errors import DataError
from spbe_analysis.paths import InfeasibleTarget

PKG = Path(sa.__file__).parent
API = PKG.parent / "docs" / "API.md"
EXCEPTIONS = {"DataError": DataError, "InfeasibleTarget": InfeasibleTarget}

FW = sa.load_framework("spbe2020")
PD = sa.load_framework("pemdi2026")
PUB = sa.load_published()
TWOS = {i: 2 for i in FW.ids}
THREES = {i: 3 for i in FW.ids}
P1 = {i: 1 for i in PD.ids}
LV2 = pd.DataFrame([TWOS] * 2)
SHARED, NOTES = "assumptions/shared_efforts.csv", "pemdi/assessor_notes_acehtengah_2026.csv"


# ============================================================================= what the docstrings document
def core_modules() -> list[str]:
    """The analysis core as docs/API.md lists it ("Layers": ``official``, ..., ``disparity/``, ...)."""
    text = API.read_text(encoding="utf-8")
    m = re.search(r"\*\*Layers\*\*: the analysis core \((.*?)\)\s+imports nothing", text, re.S)
    assert m, "docs/API.md has no 'Layers' bullet naming the analysis core"
    return [n.rstrip("/") for n in re.findall(r"`([a-z_/]+)`", m.group(1))]


def _files(name: str) -> list[Path]:
    single = PKG / f"{name}.py"
    return [single] if single.exists() else sorted((PKG / name).glob("*.py"))


def raises_section(doc: str) -> list[tuple[str, str]]:
    """``[(exception, condition)]`` of a numpydoc ``Raises`` section."""
    lines = doc.splitlines()
    body, inside = [], False
    for k, line in enumerate(lines):
        underline = k + 1 < len(lines) and set(lines[k + 1].strip()) == {"-"}
        if not inside:
            inside = line.strip() == "Raises" and underline
            continue
        if underline and line.strip():
            break                                   # the next section
        if set(line.strip()) != {"-"}:
            body.append(line)
    items: list[list] = []
    for line in body:
        if line.strip() and not line[0].isspace():
            items.append([line.strip(), []])
        elif line.strip() and items:
            items[-1][1].append(line.strip())
    return [(exc, " ".join(words)) for exc, words in items]


def documented() -> list[tuple[str, str, str]]:
    """``(module.function or module.Class.method, exception, condition)`` of every public function and
    method of the analysis core whose docstring has a ``Raises`` section."""
    out = []
    for name in core_modules():
        for path in _files(name):
            mod = ".".join(path.relative_to(PKG).with_suffix("").parts).removesuffix(".__init__")
            defs = []
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
                    defs.append((node.name, node))
                if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                    defs += [(f"{node.name}.{f.name}", f) for f in node.body if isinstance(f, ast.FunctionDef)
                             and (not f.name.startswith("_") or f.name == "__init__")]
            for qual, node in defs:
                out += [(f"{mod}.{qual}", exc, cond) for exc, cond in raises_section(ast.get_docstring(node) or "")]
    return out


DOCUMENTED = documented()


# ============================================================================= inputs the cases need
class Data:
    """A copy of ``data/`` (``SPBE_DATA_DIR`` points at it, made on first use) with cells to edit, and a
    folder for files of one's own."""

    def __init__(self, tmp_path: Path, monkeypatch):
        self.tmp, self._mp, self._dir = tmp_path, monkeypatch, None

    @property
    def dir(self) -> Path:
        if self._dir is None:
            self._dir = self.tmp / "data"
            shutil.copytree(data_dir(), self._dir)
            self._mp.setenv("SPBE_DATA_DIR", str(self._dir))
        return self._dir

    def file(self, name: str) -> Path:
        return self.dir / name

    def rows(self, name: str) -> list[list[str]]:
        with self.file(name).open(newline="", encoding="utf-8") as fh:
            return list(csv.reader(fh))

    def _write(self, name: str, rows: list[list[str]]) -> "Data":
        with self.file(name).open("w", newline="", encoding="utf-8") as fh:
            csv.writer(fh, lineterminator="\n").writerows(rows)
        return self

    def line(self, name: str, **match: str) -> int:
        """The line (header = line 1) of the first row whose columns hold ``match``."""
        rows = self.rows(name)
        for k, r in enumerate(rows[1:], start=2):
            if all(r[rows[0].index(c)] == v for c, v in match.items()):
                return k
        raise LookupError(match)

    def edit(self, name: str, line: int, column: str, value: str) -> "Data":
        rows = self.rows(name)
        rows[line - 1][rows[0].index(column)] = value
        return self._write(name, rows)

    def edited(self, name: str, line: int, column: str, value: str) -> Path:
        """The path of ``name`` once one cell is changed (for a loader that takes a file of one's own)."""
        return self.edit(name, line, column, value).file(name)

    def dropped(self, name: str, line: int) -> Path:
        """The path of ``name`` once ``line`` is deleted."""
        rows = self.rows(name)
        del rows[line - 1]
        return self._write(name, rows).file(name)

    def doubled(self, name: str, line: int) -> Path:
        """The path of ``name`` once ``line`` is repeated at its end."""
        rows = self.rows(name)
        return self._write(name, rows + [rows[line - 1]]).file(name)

    def sheet(self, framework: str = "spbe2020", year: int = 2024, bad: str | None = None, suffix: str = ".csv",
              entities: tuple[str, ...] | None = None, **columns) -> Path:
        """A filled-in sheet (every value 3, or 1,5 for PEMDI), ``bad`` in the level of its fourth row."""
        t = sheets.template(framework, entities=entities, year=year)
        t["level"] = 3 if framework == "spbe2020" else "1,5"
        for c, v in columns.items():
            t[c] = v
        if bad is not None:
            t["level"] = t["level"].astype(object)
            t.loc[3, "level"] = bad
        p = self.tmp / f"sheet_{framework}_{year}{suffix}"
        if suffix == ".xlsx":
            t.to_excel(p, index=False, sheet_name="levels")
        else:
            t.to_csv(p, index=False, sep=";" if framework == "pemdi2026" else ",")
        return p

    def text(self, name: str, content: str) -> Path:
        p = self.tmp / name
        p.write_text(content, encoding="utf-8")
        return p


@pytest.fixture
def d(tmp_path, monkeypatch) -> Data:
    return Data(tmp_path, monkeypatch)


def pub_line(d: Data, entity: str, year: int) -> int:
    return d.line("published_indices.csv", entity_id=entity, year=str(year))


def boundaries(d: Data, edit) -> None:
    p = d.file("geo/gorontalo_adm2.geojson")
    doc = json.loads(p.read_text(encoding="utf-8"))
    edit(doc)
    p.write_text(json.dumps(doc), encoding="utf-8")


def filled(d: Data, name: str, column: str) -> int:
    """The first line whose ``column`` is not empty."""
    rows = d.rows(name)
    return next(k for k, r in enumerate(rows[1:], start=2) if r[rows[0].index(column)])


def effort_file(d: Data, **edit) -> Path:
    """The package's effort table with one cell of the first spbe2020 row changed."""
    (col, value), = edit.items()
    return d.edited("assumptions/effort.csv", 2, col, value)


def pemdi_projection_edit(d: Data, parameter: str, column: str, value: str) -> Data:
    return d.edit("assumptions/pemdi_projection.csv", d.line("assumptions/pemdi_projection.csv", parameter=parameter),
                  column, value)


def bt_without_errors():
    bt = forecast.backtest(PUB)
    return dataclasses.replace(bt, forecasts=bt.forecasts.assign(residual=np.nan))


def prior_without(level: int | None = None, indicator: str | None = None, negative: bool = False) -> pd.DataFrame:
    p = profiles.make_prior(FW)
    if negative:
        p.iloc[0, 0], p.iloc[0, 1] = -0.1, p.iloc[0, 1] + 0.1 + p.iloc[0, 0]
    return p.drop(columns=[level]) if level else p.drop(index=[indicator]) if indicator else p


def prerequisites(*rows) -> pd.DataFrame:
    """A prerequisite table of spbe2020 rows ``(indicator, level, requires, requires_level)``."""
    return pd.DataFrame([["spbe2020", *r, None, "judgement", "test"] for r in rows],
                        columns=["framework", "indicator", "level", "requires", "requires_level", "min_years", "basis",
                                 "source"])


def frozen_all(fn, *args, **kw):
    """``fn`` with every indicator frozen: no target above the start can be reached."""
    return fn(*args, frozen=list(FW.ids), **kw)


# ============================================================================= the table
def case(function: str, clause: str, call, where: str, *, also: str | None = None, exc: str = "DataError"):
    """One concrete call meeting ``clause`` of ``function``'s documented condition: it raises ``exc``
    whose ``where`` matches ``where`` (and whose message matches ``also``)."""
    return pytest.param(function, exc, clause, call, where, also, id=f"{function}-{clause[:40]}")


CASES = [
    # ------------------------------------------------------------------------------------ official
    case("official.round_half_up", "bools", lambda d: official.round_half_up(True), "value argument"),
    case("official.round_half_up", "text", lambda d: official.round_half_up("3.065"), "value argument"),
    case("official.round_half_up", "missing values", lambda d: official.round_half_up(np.nan), "value argument"),
    case("official.round_half_up", "infinities", lambda d: official.round_half_up(float("inf")), "value argument"),
    case("official.on_scale", "a missing", lambda d: official.on_scale(None, FW), "value argument"),
    case("official.on_scale", "non-numeric", lambda d: official.on_scale("2.5", FW), "value argument"),
    case("official.on_scale", "off-scale value", lambda d: official.on_scale(5.5, FW), "value argument"),
    case("official.to_hundredths", "a missing", lambda d: official.to_hundredths(pd.NA), "value argument"),
    case("official.to_hundredths", "non-numeric", lambda d: official.to_hundredths([2.5]), "value argument"),
    case("official.to_hundredths", "off-scale value", lambda d: official.to_hundredths(0.5, FW), "value argument"),
    case("official.to_hundredths", "(``published``) one with more decimals",
         lambda d: official.to_hundredths(2.605, FW, published=True), "value argument", also="at most 2 decimals"),
    case("official.min_units", "a target off the framework's scale", lambda d: official.min_units(FW, 5.5),
         "target argument"),
    # ------------------------------------------------------------------------------------ frameworks, bands
    case("frameworks.as_framework", "anything else", lambda d: frameworks.as_framework(2020), "framework argument"),
    case("frameworks.as_framework", "an unknown name", lambda d: frameworks.as_framework("spbe2030"),
         "framework argument"),
    case("frameworks.indicator_id", "Naming ``where``, for a bool", lambda d: frameworks.indicator_id(True, FW, "x"),
         "^x$"),
    case("frameworks.indicator_id", "another type", lambda d: frameworks.indicator_id(4.0, FW, "cost argument"),
         "cost argument"),
    case("frameworks.indicator_id", "an id that ``fw`` does not have",
         lambda d: frameworks.indicator_id("48", FW, "frozen argument"), "frozen argument"),
    case("frameworks.validate", "Naming the line and column of the first problem",
         lambda d: frameworks.validate("x", pd.concat([FW.indicators, FW.indicators.iloc[:1]]), FW.bands, 1, 5),
         "framework table", also="row line 49, column 'indicator'"),
    case("frameworks.load_framework", "an unknown name", lambda d: frameworks.load_framework("pemdi2030"),
         "framework argument"),
    case("frameworks.load_framework", "a framework file that fails validation (file, line, column)",
         lambda d: (d.edit("framework_spbe2020.csv", 3, "indicator", "1"), frameworks.load_framework("spbe2020")),
         "framework_spbe2020.csv", also="row line 3, column 'indicator'"),
    case("frameworks.make_framework", "When the table lacks the ``aspect`` or ``weight_pct`` column",
         lambda d: frameworks.make_framework("x", pd.DataFrame({"indicator": ["a"], "aspect": [1]})),
         "table for framework 'x'", also="column 'weight_pct'"),
    case("frameworks.make_framework", "holds a weight that is not an exact number",
         lambda d: frameworks.make_framework("x", pd.DataFrame({"indicator": ["a"], "aspect": [1],
                                                                "weight_pct": ["c"]})),
         "table for framework 'x'"),
    case("frameworks.make_framework", "fails :func:`validate`",
         lambda d: frameworks.make_framework("x", pd.DataFrame({"indicator": ["a"], "aspect": [1],
                                                                "weight_pct": [99]})),
         "table for framework 'x'", also="sum to exactly 100"),
    case("bands.PredicateBands.band_position", "any other name", lambda d: FW.band_position("Bagus"), "band argument"),
    # ------------------------------------------------------------------------------------ values, scoring
    case("values.indicator_value", "a value that is not a number", lambda d: values.indicator_value("3", FW),
         "levels argument"),
    case("values.indicator_value", "off the scale", lambda d: values.indicator_value(6, FW), "levels argument"),
    case("values.indicator_value", "not a whole level (SPBE)", lambda d: values.indicator_value(2.5, FW),
         "levels argument", also="whole level"),
    case("values.values_vector", "Naming the indicator, for a missing",
         lambda d: values.values_vector({k: v for k, v in THREES.items() if k != "47"}, FW), "levels argument",
         also="column '47'"),
    case("values.values_vector", "unknown", lambda d: values.values_vector({**THREES, "48": 3}, FW), "levels argument",
         also="column '48'"),
    case("values.values_vector", "non-numeric", lambda d: values.values_vector({**THREES, "12": "3"}, FW),
         "levels argument", also="column '12'"),
    case("values.values_vector", "off-scale value", lambda d: values.values_vector({**THREES, "12": 0}, FW),
         "levels argument", also="column '12'"),
    case("values.levels_vector", "Naming the indicator, for a missing",
         lambda d: values.levels_vector({k: v for k, v in P1.items() if k != "I3"}, PD), "levels argument",
         also="column 'I3'"),
    case("values.levels_vector", "unknown", lambda d: values.levels_vector({**P1, "I21": 1}, PD), "levels argument"),
    case("values.levels_vector", "non-numeric", lambda d: values.levels_vector({**P1, "I3": None}, PD),
         "levels argument", also="column 'I3'"),
    case("values.levels_vector", "off-scale value", lambda d: values.levels_vector({**P1, "I3": 5.5}, PD),
         "levels argument", also="column 'I3'"),
    case("values.levels_vector", "not a whole number of steps", lambda d: values.levels_vector({**P1, "I3": 1.255}, PD),
         "levels argument", also="column 'I3'"),
    case("values.level_blocks", "Naming the row and column of a bad value (for a bad value in a block, when it is reached)",
         lambda d: list(values.level_blocks(np.full((3, 47), 9), FW)[0]), "levels argument",
         also="row 0, column '1'"),
    case("values.level_matrix", "Naming the row and column of a bad value",
         lambda d: values.level_matrix(pd.DataFrame([THREES, {**THREES, "5": 7}], index=["a", "b"]), FW),
         "levels argument", also="row b, column '5'"),
    case("scoring.predicate", "a value off the scale", lambda d: sa.predicate(5.01, FW), "value argument"),
    case("scoring.predicate", "missing", lambda d: sa.predicate(np.nan, FW), "value argument"),
    case("scoring.predicate", "a bool", lambda d: sa.predicate(False, FW), "value argument"),
    case("scoring.predicate", "text", lambda d: sa.predicate("3.5", FW), "value argument"),
    case("scoring.predicate", "an unknown ``lang``", lambda d: sa.predicate(3.5, FW, lang="fr"), "lang argument"),
    case("scoring.score", "Naming the indicator and value for a missing",
         lambda d: sa.score({k: v for k, v in THREES.items() if k != "1"}, FW), "levels argument", also="column '1'"),
    case("scoring.score", "unknown", lambda d: sa.score({**THREES, "99": 3}, FW), "levels argument",
         also="column '99'"),
    case("scoring.score", "duplicate", lambda d: sa.score({**THREES, 12: 4}, FW), "levels argument",
         also="column '12': got 12"),
    case("scoring.score", "off-scale value", lambda d: sa.score({**THREES, "12": 9}, FW), "levels argument",
         also="column '12': got 9"),
    case("scoring.effective_weights", "When ``exact`` is not a bool", lambda d: sa.effective_weights(FW, exact=1),
         "exact argument"),
    case("scoring.what_if", "an unknown indicator", lambda d: sa.what_if(THREES, {"48": 4}, FW), "changes argument"),
    case("scoring.what_if", "a repeated one", lambda d: sa.what_if(THREES, {"12": 4, 12: 5}, FW), "changes argument",
         also="column '12'"),
    case("scoring.what_if", "a value off the scale", lambda d: sa.what_if(THREES, {"12": 6}, FW), "changes argument"),
    case("scoring.unit_sums", "Naming the row and column of a bad value",
         lambda d: scoring.unit_sums(np.full((2, 47), 0), FW), "table argument", also="row 0, column '1'"),
    case("scoring.score_table", "Naming the entity and indicator of the first bad value",
         lambda d: sa.score_table(pd.DataFrame([THREES, {**THREES, "7": 2.5}], index=["a", "b"]), FW),
         "table argument", also="row b, column '7'"),
    case("scoring.score_table", "bool", lambda d: sa.score_table(np.ones((2, 47), dtype=bool), FW), "table argument"),
    case("scoring.score_table", "object", lambda d: sa.score_table(np.full((2, 47), 3, dtype=object), FW),
         "table argument"),
    case("scoring.score_table", "empty input", lambda d: sa.score_table(np.zeros((0, 47)), FW), "table argument"),
    # ------------------------------------------------------------------------------------ data files
    case("data.load_published", "Naming the line and column of a bad row in ``data/published_indices.csv``: an unknown instrument",
         lambda d: (d.edit("published_indices.csv", pub_line(d, "7501", 2024), "instrument", "spbe2030"),
                    sa.load_published()), "published_indices.csv", also="column 'instrument'"),
    case("data.load_published", "one inconsistent with the framework",
         lambda d: (d.edit("published_indices.csv", pub_line(d, "7501", 2024), "instrument", "spbe2018"),
                    sa.load_published()), "published_indices.csv", also="column 'instrument'.*row's framework"),
    case("data.load_published", "or the year",
         lambda d: (d.edit("published_indices.csv", pub_line(d, "7501", 2024), "instrument", "spbe2018"),
                    d.edit("published_indices.csv", pub_line(d, "7501", 2024), "framework", "spbe2018"),
                    sa.load_published()), "published_indices.csv", also="column 'instrument'.*used in 2024"),
    case("data.load_published", "a value off its scale",
         lambda d: (d.edit("published_indices.csv", pub_line(d, "7501", 2024), "value", "5.50"), sa.load_published()),
         "published_indices.csv", also="column 'value'"),
    case("data.load_published", "a printed predicate that disagrees with its bands without a ``predicate_flag``",
         lambda d: (d.edit("published_indices.csv", pub_line(d, "7501", 2024), "predicate_printed", "Memuaskan"),
                    d.edit("published_indices.csv", pub_line(d, "7501", 2024), "predicate_flag", ""),
                    sa.load_published()), "published_indices.csv", also="column 'predicate_printed'"),
    case("data.load_regencies", "Naming the line and column of a bad row in ``data/regencies.csv``",
         lambda d: (d.edit("regencies.csv", 4, "population", "162.989"), sa.load_regencies()), "regencies.csv",
         also="row line 4, column 'population'"),
    case("data.load_codebook", "a bad row in ``data/codebook.csv``",
         lambda d: (d.edit("codebook.csv", 3, "description", ""), sa.data.load_codebook()), "codebook.csv",
         also="row line 3"),
    case("data.load_entities", "a bad row in ``data/regencies.csv``",
         lambda d: (d.edit("regencies.csv", 2, "kind", "kecamatan"), data.load_entities()), "regencies.csv"),
    case("data.load_entities", "``data/published_indices.csv``",
         lambda d: (d.edit("published_indices.csv", 2, "status", "guessed"), data.load_entities()),
         "published_indices.csv"),
    case("data.framework_of_year", "When the year's rows name more than one framework",
         lambda d: data.framework_of_year(PUB.assign(framework=np.where(PUB["entity_id"] == "75", "spbe2018",
                                                                        PUB["framework"])), 2024),
         "published_indices.csv", also="row year 2024"),
    case("data.framework_of_year", "(or none)", lambda d: data.framework_of_year(PUB, 1999), "published_indices.csv",
         also="row year 1999"),
    case("data.load_boundaries", "When the file is missing",
         lambda d: (d.file("geo/gorontalo_adm2.geojson").unlink(), sa.load_boundaries()), "gorontalo_adm2.geojson"),
    case("data.load_boundaries", "unreadable",
         lambda d: (d.file("geo/gorontalo_adm2.geojson").write_text("{", encoding="utf-8"), sa.load_boundaries()),
         "gorontalo_adm2.geojson"),
    case("data.load_boundaries", "lacks a regency",
         lambda d: (boundaries(d, lambda doc: doc["features"].pop()), sa.load_boundaries()), "gorontalo_adm2.geojson",
         also="a feature for each of the six regencies"),
    # ------------------------------------------------------------------------------------ sheets
    case("sheets.template", "an empty entity list", lambda d: sheets.template(entities=()), "entities argument"),
    case("sheets.template", "a bad year", lambda d: sheets.template(year=24), "year argument"),
    case("sheets.write_template", "When the file exists",
         lambda d: sheets.write_template(d.text("s.csv", "x")), "s.csv"),
    case("sheets.write_template", "its name does not end in .csv or .xlsx",
         lambda d: sheets.write_template(d.tmp / "s.txt"), "s.txt"),
    case("sheets.load_sheet", "Naming the file, worksheet, row, column, value and expectation",
         lambda d: sheets.load_sheet(d.sheet(bad="9", suffix=".xlsx"), FW), r"sheet_spbe2020_2024\.xlsx",
         also="worksheet 'levels', row 5, column 'level': got '9'"),
    case("sheets.sheet_wide", "When the sheet lacks a column",
         lambda d: sheets.sheet_wide(sheets.template().drop(columns="level")), "sheet argument", also="column 'level'"),
    case("sheets.sheet_wide", "holds several years and ``year`` is not given",
         lambda d: sheets.sheet_wide(pd.concat([sheets.template(year=2023), sheets.template(year=2024)])),
         "sheet argument"),
    case("sheets.sheet_scores", "When the sheet lacks a column",
         lambda d: sheets.sheet_scores(sheets.template().drop(columns="year"), FW), "sheet argument"),
    pytest.param(*case("sheets.sheet_scores", "a value is off the scale",
                       lambda d: sheets.sheet_scores(sheets.template().assign(level=7), FW), "sheet argument").values,
                 id="sheets.sheet_scores-a value is off the scale",
                 marks=pytest.mark.xfail(strict=True, reason="sheets.sheet_scores names the bad value's place as "
                                         "'levels argument' (from score), not the sheet argument and its government")),
    case("sheetscore.check_sheet", "Located (file, row, column): a bad cell",
         lambda d: sheetscore.check_sheet(d.sheet(bad="x"), 2024), r"sheet_spbe2020_2024\.csv", also="row 5"),
    case("sheetscore.check_sheet", "no rows for ``year``", lambda d: sheetscore.check_sheet(d.sheet(year=2023), 2024),
         r"sheet_spbe2020_2023\.csv", also="column 'year'"),
    case("sheetscore.check_sheet", "a regency missing in it",
         lambda d: sheetscore.check_sheet(d.sheet(entities=("7501",)), 2024), r"sheet_spbe2020_2024\.csv",
         also="column 'bps_code'"),
    case("sheetscore.compare_published", "When a regency has no row for ``year`` in ``scores``",
         lambda d: sheetscore.compare_published(pd.DataFrame({"bps_code": ["7501"], "year": [2024], "index": [2.4]}),
                                                PUB, 2024, ("7501", "7502")), "scores argument", also="row 7502"),
    case("sheetscore.score_sheet", "Located (file, row, column) for a bad sheet",
         lambda d: sheetscore.score_sheet(d.sheet(bad="0")), r"sheet_spbe2020_2024\.csv", also="row 5, column 'level'"),
    # ------------------------------------------------------------------------------------ panel
    case("panel.snapshot", "Naming the entity and its status", lambda d: panel.snapshot(PUB, 2022, ["7501"]),
         "published_indices.csv", also="row 7501, column 'status': got 'below'"),
    case("panel.changes", "When an entity lacks an exact value in either year",
         lambda d: panel.changes(PUB, ["7501"], 2022, 2023), "published_indices.csv", also="row 7501"),
    case("panel.changes", "when the two years are on different instruments (a change of instrument is a break, never a change of the index)",
         lambda d: panel.changes(PUB, ["7502"], 2025, 2026), "y0/y1 arguments", also="row year 2026"),
    case("panel.instruments_of", "For a year with no row", lambda d: panel.instruments_of(PUB, [2024, 1999]),
         "years argument", also="got 1999"),
    case("panel.instruments_of", "whose rows name more than one instrument",
         lambda d: panel.instruments_of(PUB.assign(instrument=np.where(PUB["entity_id"] == "75", "spbe2018",
                                                                       PUB["instrument"])), [2024]),
         "published_indices.csv", also="row year 2024"),
    case("panel.same_instrument", "Naming the first year on another instrument",
         lambda d: panel.same_instrument(PUB, [2024, 2025, 2026]), "years argument", also="row year 2026"),
    # ------------------------------------------------------------------------------------ disparity
    case("disparity.censoring.dispersion_bounds", "a bad range",
         lambda d: D.dispersion_bounds(pd.Series({"a": 2.0}), {"c": (2.02, 1.0)}), "censored argument", also="row c"),
    case("disparity.censoring.dispersion_bounds", "an unknown measure",
         lambda d: D.dispersion_bounds(pd.Series({"a": 2.0}), {}, "variance"), "measure argument"),
    case("disparity.censoring.dispersion_bounds", "an entity both exact and censored",
         lambda d: D.dispersion_bounds(pd.Series({"a": 2.0, "c": 1.5}), {"c": (1.0, 2.02)}), "exact/censored arguments",
         also="row c"),
    case("disparity.censoring.dispersion_bounds", "weights missing an entity",
         lambda d: D.dispersion_bounds(pd.Series({"a": 2.0, "b": 3.0}), {"c": (1.0, 2.02)}, "cv",
                                       pd.Series({"a": 1.0, "b": 2.0})), "weights argument", also="row c"),
    case("disparity.censoring.dispersion_bounds", "too many combinations",
         lambda d: D.dispersion_bounds(pd.Series({"a": 2.0}), {"c": (1.0, 2.02)}, max_combinations=10),
         "censored argument", also="max_combinations=10"),
    case("disparity.convergence.beta_convergence", "fewer than 3 entities",
         lambda d: D.beta_convergence(pd.Series({"a": 2.0, "b": 3.0}), pd.Series({"a": 2.1, "b": 3.1}), 2022, 2024),
         "v0 argument"),
    case("disparity.convergence.beta_convergence", "different entities",
         lambda d: D.beta_convergence(pd.Series({"a": 2.0, "b": 3.0, "c": 4.0}),
                                      pd.Series({"a": 2.1, "b": 3.1, "d": 4.1}), 2022, 2024), "v1 argument"),
    case("disparity.convergence.beta_convergence", "missing values",
         lambda d: D.beta_convergence(pd.Series({"a": 2.0, "b": 3.0, "c": np.nan}),
                                      pd.Series({"a": 2.1, "b": 3.1, "c": 4.1}), 2022, 2024), "v0/v1 arguments"),
    case("disparity.convergence.beta_convergence", "``t1 <= t0``",
         lambda d: D.beta_convergence(pd.Series({"a": 2.0, "b": 3.0, "c": 4.0}),
                                      pd.Series({"a": 2.1, "b": 3.1, "c": 4.1}), 2024, 2024), "t1 argument"),
    case("disparity.convergence.trend", "years and values of different lengths",
         lambda d: D.trend([2022, 2023, 2024], [2.0, 2.5]), "years/values arguments"),
    case("disparity.convergence.trend", "a missing or non-numeric value", lambda d: D.trend([2022, 2023], [2.0, None]),
         "values argument"),
    case("disparity.convergence.trend", "fewer than two distinct years", lambda d: D.trend([2024, 2024], [2.0, 2.5]),
         "years/values arguments"),
    case("disparity.gaps.next_band", "a value off the scale", lambda d: D.next_band(5.5, FW), "value argument"),
    case("disparity.gaps.gap_to", "a missing", lambda d: D.gap_to(None, 2.6), "value argument"),
    case("disparity.gaps.gap_to", "non-numeric value", lambda d: D.gap_to(2.5, "2.6"), "target argument"),
    case("disparity.gaps.gap_table", "a missing value", lambda d: D.gap_table(pd.Series({"a": 2.4, "b": None}), FW),
         "values argument", also="row b"),
    case("disparity.gaps.gap_table", "a reference off the scale",
         lambda d: D.gap_table(pd.Series({"a": 2.4}), FW, national=0.5), "national argument"),
    case("disparity.gaps.pairwise_gaps", "a missing", lambda d: D.pairwise_gaps(pd.Series({"a": 2.4, "b": np.nan})),
         "values argument"),
    case("disparity.gaps.pairwise_gaps", "non-numeric value", lambda d: D.pairwise_gaps(pd.Series({"a": "2.4"})),
         "values argument"),
    case("disparity.inequality.row_measure", "an unknown measure",
         lambda d: D.row_measure(np.ones((1, 2)), "variance", np.full(2, 0.5)), "measure argument"),
    case("disparity.inequality.row_measure", "shares that are not one per column of ``x``",
         lambda d: D.row_measure(np.ones((1, 3)), "gini", np.full(2, 0.5)), "x/shares arguments"),
    case("disparity.inequality.gini", "negative", lambda d: D.gini([1.0, -1.0]), "values argument"),
    case("disparity.inequality.gini", "all-zero values", lambda d: D.gini([0, 0]), "values argument"),
    case("disparity.inequality.gini", "bad weights (the wrong number", lambda d: D.gini([1, 2], [1, 2, 3]),
         "weights argument"),
    case("disparity.inequality.gini", "labels that are not those of the values",
         lambda d: D.gini(pd.Series({"a": 1.0, "b": 2.0}), pd.Series({"a": 1.0, "c": 2.0})), "weights argument",
         also="row [bc]"),
    case("disparity.inequality.gini", "a negative weight", lambda d: D.gini([1, 2], [1, -1]), "weights argument"),
    case("disparity.inequality.gini", "all zero)", lambda d: D.gini([1, 2], [0, 0]), "weights argument"),
    case("disparity.inequality.theil", "a value that is not positive", lambda d: D.theil([1.0, 0.0]),
         "values argument"),
    case("disparity.inequality.theil", "bad weights (as in :func:`gini`)", lambda d: D.theil([1, 2], [1]),
         "weights argument"),
    case("disparity.inequality.dispersion", "a value that is not positive", lambda d: D.dispersion([2.4, 0]),
         "values argument"),
    case("disparity.inequality.dispersion", "bad weights (as in :func:`gini`)",
         lambda d: D.dispersion(pd.Series({"a": 2.0, "b": 3.0}), pd.Series({"a": 1.0})), "weights argument"),
    case("disparity.inequality.theil_decomposition", "values that are not a Series of positive values",
         lambda d: D.theil_decomposition([2.0, 3.0], pd.Series({0: "x", 1: "y"})), "values argument"),
    case("disparity.inequality.theil_decomposition", "groups",
         lambda d: D.theil_decomposition(pd.Series({"a": 2.0, "b": 3.0}), pd.Series({"a": "x"})), "groups argument",
         also="row b"),
    case("disparity.inequality.theil_decomposition", "weights that are not given for exactly the entities of ``values``",
         lambda d: D.theil_decomposition(pd.Series({"a": 2.0, "b": 3.0}), pd.Series({"a": "x", "b": "y"}),
                                         pd.Series({"a": 1.0})), "weights argument", also="row b"),
    case("disparity.mobility.rank_mobility", "series that are not indexed by the same entities",
         lambda d: D.rank_mobility(pd.Series({"a": 1.0, "b": 2.0}), pd.Series({"a": 1.0, "c": 2.0})),
         "v0/v1 arguments"),
    case("disparity.mobility.rank_mobility", "a missing or non-numeric value",
         lambda d: D.rank_mobility(pd.Series({"a": 1.0, "b": 2.0}), pd.Series({"a": 1.0, "b": None})), "v1 argument",
         also="row b"),
    case("disparity.mobility.band_transitions", "an entity without a row in either year",
         lambda d: D.band_transitions(PUB, ("7501", "7599"), 2023, 2024, FW), "published_indices.csv",
         also="row 7599"),
    case("disparity.mobility.band_transitions", "years on different instruments",
         lambda d: D.band_transitions(PUB, ("7501",), 2025, 2026, FW), "y0/y1 arguments"),
    case("disparity.values.as_values", "text", lambda d: D.as_values("2.4"), "values argument"),
    case("disparity.values.as_values", "a mapping", lambda d: D.as_values({"a": 2.4}), "values argument"),
    case("disparity.values.as_values", "a 2-D array", lambda d: D.as_values(np.ones((2, 2))), "values argument"),
    case("disparity.values.as_values", "a missing", lambda d: D.as_values([2.4, None], "v"), "^v$", also="row 1"),
    case("disparity.values.as_values", "non-numeric value", lambda d: D.as_values([2.4, "x"]), "values argument"),
    case("disparity.values.as_values", "(unless ``allow_empty``) no values", lambda d: D.as_values([]),
         "values argument"),
    case("disparity.values.as_shares", "the wrong number of weights", lambda d: D.as_shares(3, [1, 2]),
         "weights argument"),
    case("disparity.values.as_shares", "a Series of weights whose labels are not those of the values",
         lambda d: D.as_shares(2, pd.Series({"a": 1, "c": 2}), labels=["a", "b"]), "weights argument"),
    case("disparity.values.as_shares", "a negative weight", lambda d: D.as_shares(2, [1, -2]), "weights argument"),
    case("disparity.values.as_shares", "all zero", lambda d: D.as_shares(2, [0, 0], "populations"), "populations"),
    # ------------------------------------------------------------------------------------ profiles, decomposition
    case("profiles.check_prior", "Naming the indicator",
         lambda d: profiles.check_prior(prior_without(indicator="5"), FW),
         "prior argument", also="row 5"),
    case("profiles.check_prior", "level that is missing", lambda d: profiles.check_prior(prior_without(level=4), FW),
         "prior argument", also="column 4"),
    case("profiles.check_prior", "not a probability", lambda d: profiles.check_prior(prior_without(negative=True), FW),
         "prior argument", also="row 1, column 1"),
    case("profiles.sample_profiles", "bad arguments", lambda d: profiles.sample_profiles(FW, 2.4, n=0), "n argument"),
    case("profiles.sample_profiles", "a size beyond the memory budget",
         lambda d: profiles.sample_profiles(FW, 2.4, n=1000, max_bytes=10**5), "n argument", also="memory budget"),
    case("profiles.sample_profiles", "constraints no profile can meet",
         lambda d: profiles.sample_profiles(FW, 4.5, n=5, domains={1: 1.0, 2: 1.0, 3: 1.0}), "index argument"),
    case("profiles.sample_published", "an entity without an exact published value (never sampled from a guess)",
         lambda d: profiles.sample_published(PUB, 2022, ("7501",), n=5), "published_indices.csv", also="row 7501"),
    case("decomposition.decompose", "a bad profile", lambda d: DC.decompose({**THREES, "3": 0}, 3.5, FW),
         "levels argument", also="column '3'"),
    case("decomposition.decompose", "a target off the scale", lambda d: DC.decompose(THREES, 0.5, FW),
         "target argument"),
    case("decomposition.decompose_many", "a bad profile", lambda d: DC.decompose_many(np.full((1, 47), 6), 3.5, FW),
         "levels argument"),
    case("decomposition.decompose_many", "a target off the scale",
         lambda d: DC.decompose_many(np.full((1, 47), 3), 5.01, FW), "target argument"),
    case("decomposition.decompose_many", "``by=\"domain\"`` on a framework without domains",
         lambda d: DC.decompose_many(np.full((1, 20), 1), 2.5, PD, by="domain"), "by argument"),
    case("decomposition.gap_summary", "an empty mapping", lambda d: DC.gap_summary({}, {"Baik": 2.6}, FW),
         "levels_by_entity argument"),
    case("decomposition.gap_summary", "a bad profile",
         lambda d: DC.gap_summary({"a": pd.DataFrame([{**THREES, "1": 8}])}, {"Baik": 2.6}, FW), "levels argument"),
    case("decomposition.gap_summary", "a target off the scale",
         lambda d: DC.gap_summary({"a": LV2}, {"Baik": 6}, FW), "targets argument \\['Baik'\\]"),
    case("decomposition.lead_table", "When ``summary`` lacks a column",
         lambda d: DC.lead_table(DC.gap_summary({"a": LV2}, {"Baik": 2.6}, FW).drop(columns="gap_median"), FW),
         "summary argument", also="column 'gap_median'"),
    # ------------------------------------------------------------------------------------ paths
    case("paths.costs.cost_matrix", "Naming the indicator and level of a cost that is not positive and finite",
         lambda d: paths.cost_matrix(FW, paths.escalating_costs(FW).replace(3.0, np.inf)), "cost argument",
         also="row 1, column 4"),
    case("paths.costs.escalating_costs", "a base that is not positive", lambda d: paths.escalating_costs(FW, 0),
         "base argument"),
    case("paths.ensembles.plan_ensemble", "When a profile cannot reach ``target``",
         lambda d: frozen_all(paths.plan_ensemble, LV2, FW, 2.5), "target argument", exc="InfeasibleTarget"),
    case("paths.ensembles.roadmap_ensemble", "bad arguments",
         lambda d: paths.roadmap_ensemble({"a": LV2}, FW, [2025], 2, 2024, draws=0), "draws argument"),
    case("paths.ensembles.roadmap_ensemble", "a mapping of paces without an entity of ``levels_by_entity``",
         lambda d: paths.roadmap_ensemble({"a": LV2, "b": LV2}, FW, [2025], 2, 2024, pace={"a": 0.1}), "pace argument",
         also="row b"),
    case("paths.horizon.years_to_target", "bad arguments",
         lambda d: paths.years_to_target(TWOS, FW, 2.5, 3, max_years=0),
         "max_years argument"),
    case("paths.horizon.years_to_target", "(neither a budget nor a pace, for instance)",
         lambda d: paths.years_to_target(TWOS, FW, 2.5), "budget_per_year/pace arguments"),
    case("paths.problem.indicator_key", "a key that is not an indicator id of ``fw``",
         lambda d: paths.problem.indicator_key("48", FW, "frozen argument"), "frozen argument"),
    case("paths.roadmaps.roadmap", "When the milestones cannot be met, naming the constraints",
         lambda d: paths.roadmap(TWOS, FW, [2025], 1, milestones={2025: 2.5}), "milestones argument",
         exc="InfeasibleTarget"),
    case("paths.roadmaps.roadmap", "bad arguments", lambda d: paths.roadmap(TWOS, FW, [2026, 2025], 2),
         "years argument"),
    case("paths.roadmaps.greedy_roadmap", "bad arguments", lambda d: paths.greedy_roadmap(TWOS, FW, [2025], [1, 2]),
         "budgets argument"),
    case("paths.services.apply_service", "a service naming an unknown indicator",
         lambda d: paths.apply_service(TWOS, FW, paths.SharedService("x", {"48": 4}, 1)),
         "service argument \\(levels\\)"),
    case("paths.services.apply_service", "a level off the scale",
         lambda d: paths.apply_service(TWOS, FW, paths.SharedService("x", {"16": 6}, 1)),
         "service argument \\(levels\\)",
         also="column '16'"),
    case("paths.services.shared_service_ensemble", "bad arguments",
         lambda d: paths.shared_service_ensemble({"a": LV2}, FW, paths.SharedService("x", {"16": 4}, 1), 2.1, draws=0),
         "draws argument"),
    case("paths.services.shared_service_ensemble", "an entity with fewer profiles than the draws taken from the others (draw d of every entity is taken together)",
         lambda d: paths.shared_service_ensemble({"a": LV2, "b": LV2.iloc[:1]}, FW,
                                                 paths.SharedService("x", {"16": 4}, 1), 2.1, draws=2),
         "levels_by_entity argument", also="row b"),
    case("paths.single.cheapest_path", "Saying how far the caps, freezes and rules let the index go",
         lambda d: paths.cheapest_path(TWOS, FW, 2.5, max_level=2), "target argument", also="reaches only 2.00",
         exc="InfeasibleTarget"),
    case("paths.single.cheapest_path", "naming the rules that block it",
         lambda d: paths.cheapest_path({**{i: 5 for i in FW.ids}, "21": 3, "19": 2}, FW, 5.0, frozen=["19"],
                                       prerequisites=assumptions.load_prerequisites("spbe2020")),
         "target argument", also="blocking prerequisites: 21 >= 4 needs 19 >= 3", exc="InfeasibleTarget"),
    case("paths.single.cheapest_path", "bad arguments", lambda d: paths.cheapest_path(TWOS, FW, 2.5, max_steps=0),
         "max_steps argument"),
    case("paths.single.greedy_path", "When the caps, freezes and rules keep the index below ``target``",
         lambda d: frozen_all(paths.greedy_path, TWOS, FW, 2.5), "target argument", exc="InfeasibleTarget"),
    case("paths.single.greedy_path", "bad arguments", lambda d: paths.greedy_path(TWOS, FW, 2.5, cost=0),
         "cost argument"),
    case("paths.summaries.no_regret", "a steps table without its columns",
         lambda d: paths.no_regret(paths.PlanSteps(pd.DataFrame({"entity": []}), {}, ())), "steps argument"),
    case("paths.summaries.no_regret", "a threshold outside (0, 1]",
         lambda d: paths.no_regret(paths.plan_steps({"x": LV2}, FW, {"x": 2.05}, {"u": (None, None)}, 1), 1.5),
         "threshold argument"),
    # ------------------------------------------------------------------------------------ assumption files
    case("assumptions.load_effort", "Naming the file, line and column of a missing",
         lambda d: assumptions.load_effort("spbe2020", d.dropped("assumptions/effort.csv", 2)),
         "effort.csv", also="row 1, column 2"),
    case("assumptions.load_effort", "repeated",
         lambda d: assumptions.load_effort("spbe2020", d.doubled("assumptions/effort.csv", 2)), "effort.csv",
         also="line"),
    case("assumptions.load_effort", "non-positive effort",
         lambda d: assumptions.load_effort("spbe2020", effort_file(d, effort="0")), "effort.csv",
         also="row line 2, column 'effort'"),
    case("assumptions.load_prerequisites", "Naming the file, line and column of a bad row",
         lambda d: assumptions.load_prerequisites("spbe2020",
                                                  d.edited("assumptions/prerequisites.csv", 2, "indicator", "48")),
         "prerequisites.csv", also="row line 2, column 'indicator'"),
    case("assumptions.load_prerequisites", "Naming the file, line and column of a bad row",
         lambda d: assumptions.load_prerequisites("spbe2020", table=prerequisites(("21", "four", "19", 3))),
         "prerequisites table", also="row 0, column 'level'"),
    case("assumptions.load_prerequisites", "the rows of a cycle",
         lambda d: assumptions.load_prerequisites("spbe2020",
                                                  table=prerequisites(("21", 4, "19", 3), ("19", 3, "21", 4))),
         "prerequisites table", also="row 0: 21 >= 4 needs 19 >= 3"),
    case("assumptions.effort_unit", "a file whose rows of the framework do not share one unit (as :func:`load_effort`)",
         lambda d: assumptions.effort_unit("spbe2020", effort_file(d, unit="rupiah")), "effort.csv",
         also="column 'unit'"),
    case("assumptions.as_prerequisites", "prerequisites of another framework",
         lambda d: assumptions.as_prerequisites(assumptions.load_prerequisites("spbe2020"), PD),
         "prerequisites argument"),
    case("assumptions.as_prerequisites", "a table",
         lambda d: assumptions.as_prerequisites(pd.DataFrame({"framework": ["pemdi2026"]}), PD), "table argument"),
    case("assumptions.as_prerequisites", "file that fails validation",
         lambda d: assumptions.as_prerequisites(d.text("p.csv", "framework,indicator\n"), PD), r"p\.csv",
         also="row 1"),
    case("assumptions.load_shared_efforts", "an unknown indicator",
         lambda d: assumptions.load_shared_efforts("pemdi2026", d.edited(SHARED, 2, "indicator", "I21")),
         "shared_efforts.csv", also="row line 2, column 'indicator'"),
    case("assumptions.load_shared_efforts", "a level outside the framework's steps",
         lambda d: assumptions.load_shared_efforts("pemdi2026", d.edited(SHARED, 2, "level", "1")),
         "shared_efforts.csv", also="column 'level'"),
    case("assumptions.load_shared_efforts", "a non-positive effort",
         lambda d: assumptions.load_shared_efforts("pemdi2026", d.edited(SHARED, 2, "item_effort", "0")),
         "shared_efforts.csv", also="column 'item_effort'"),
    case("assumptions.load_shared_efforts", "an item whose rows disagree on its effort",
         lambda d: assumptions.load_shared_efforts("pemdi2026", d.edited(SHARED, 3, "item_effort", "3.00")),
         "shared_efforts.csv", also="row line 3, column 'item_effort'"),
    case("assumptions.load_shared_efforts", "a repeated member step",
         lambda d: assumptions.load_shared_efforts("pemdi2026", d.doubled(SHARED, 2)), "shared_efforts.csv",
         also="unique values"),
    # ------------------------------------------------------------------------------------ criteria (PEMDI levels)
    case("criteria.load_levels", "Naming the file, line, column and expectation of a bad cell",
         lambda d: criteria.load_levels(d.edited("pemdi/levels.csv", 5, "criteria_status", "verbatim")), "levels.csv",
         also="row line 5, column 'criteria_status'"),
    case("criteria.load_levels", "a duplicate",
         lambda d: criteria.load_levels(d.doubled("pemdi/levels.csv", 2)), "levels.csv"),
    case("criteria.load_levels", "an unknown indicator",
         lambda d: criteria.load_levels(d.edited("pemdi/levels.csv", 7, "indicator", "I21")),
         "levels.csv", also="column 'indicator'"),
    case("criteria.load_levels", "a missing indicator-level",
         lambda d: criteria.load_levels(d.dropped("pemdi/levels.csv", 7)), "levels.csv"),
    case("criteria.load_levels", "an outside dependency without its English text (or the reverse)",
         lambda d: criteria.load_levels(d.edited("pemdi/levels.csv", filled(d, "pemdi/levels.csv", "external_dependency"),
                                                 "external_dependency_en", "")),
         "levels.csv", also="column 'external_dependency_en'"),
    case("criteria.load_owners", "a bad cell",
         lambda d: criteria.load_owners(d.edited("pemdi/owners.csv", 3, "lead_office", "")),
         "owners.csv", also="column 'lead_office'"),
    case("criteria.load_owners", "an unknown",
         lambda d: criteria.load_owners(d.edited("pemdi/owners.csv", 4, "indicator", "I99")),
         "owners.csv", also="column 'indicator'"),
    case("criteria.load_owners", "repeated indicator",
         lambda d: criteria.load_owners(d.doubled("pemdi/owners.csv", 2)), "owners.csv"),
    case("criteria.load_owners", "an indicator without an owner",
         lambda d: criteria.load_owners(d.dropped("pemdi/owners.csv", 4)), "owners.csv"),
    case("criteria.load_owners", "a displayed text without its English counterpart (or the reverse)",
         lambda d: criteria.load_owners(d.edited("pemdi/owners.csv", 2, "co_owners", "")),
         "owners.csv", also="row line 2, column 'co_owners_en'"),
    case("criteria.load_timeline", "a date that is not ISO (YYYY-MM-DD)",
         lambda d: criteria.load_timeline(d.edited("pemdi/timeline.csv", 2, "start", "1 Juni 2026")), "timeline.csv",
         also="column 'start'"),
    case("criteria.load_timeline", "an end before its start",
         lambda d: criteria.load_timeline(d.edited("pemdi/timeline.csv", 2, "end", "2026-05-01")), "timeline.csv",
         also="column 'end'"),
    case("criteria.load_timeline", "another bad cell",
         lambda d: criteria.load_timeline(d.edited("pemdi/timeline.csv", 2, "stage", "")),
         "timeline.csv", also="column 'stage'"),
    case("criteria.load_assessor_notes", "an unknown indicator",
         lambda d: criteria.load_assessor_notes(d.edited(NOTES, 2, "indicator", "I0")),
         "assessor_notes_acehtengah_2026.csv", also="column 'indicator'"),
    case("criteria.load_assessor_notes", "a level outside 1-5",
         lambda d: criteria.load_assessor_notes(d.edited(NOTES, 2, "level", "6")),
         "assessor_notes_acehtengah_2026.csv", also="column 'level'"),
    case("criteria.load_assessor_notes", "another bad cell",
         lambda d: criteria.load_assessor_notes(d.edited(NOTES, 2, "accepted", "maybe")),
         "assessor_notes_acehtengah_2026.csv", also="column 'accepted'"),
    case("criteria.evidence_deadline", "a cycle that is not a whole number",
         lambda d: criteria.evidence_deadline(2027.0),
         "cycle argument"),
    case("criteria.evidence_deadline", "from the first recorded year on", lambda d: criteria.evidence_deadline(2025),
         "cycle argument"),
    case("criteria.evidence_deadline", "a timeline without a dated evidence-upload stage",
         lambda d: criteria.evidence_deadline(2026, d.text("t.csv", "".join(
             ",".join(f'"{c}"' for c in r) + "\n" for r in d.rows("pemdi/timeline.csv")
             if "unggah" not in ",".join(r).lower()))), r"t\.csv"),
    case("criteria.level_card", "an unknown indicator", lambda d: criteria.level_card("I21", 2), "indicator argument"),
    case("criteria.level_card", "a level that is not a whole number 1-5", lambda d: criteria.level_card("I1", 2.5),
         "level argument"),
    # ------------------------------------------------------------------------------------ action plans
    case("planrules.load_settings", "a file without the columns",
         lambda d: planrules.load_settings(str(d.text("s.csv", "parameter,value\neffort_per_cycle,8\n"))), r"s\.csv",
         also="row 1"),
    case("planrules.load_settings", "a missing parameter",
         lambda d: planrules.load_settings(str(d.text("s.csv", "parameter,value,unit,basis\nx,1,u,b\n"))), r"s\.csv",
         also="column 'parameter'"),
    case("planrules.load_settings", "a value out of range",
         lambda d: planrules.load_settings(str(d.text("s.csv", "parameter,value,unit,basis\neffort_per_cycle,8,u,b\n"
                                                       "band_margin,0.05,u,b\nnational_index_levels_planned,2,u,b\n"))),
         r"s\.csv", also="line 4, column 'value'"),
    case("planrules.national_index_levels", "an unknown indicator",
         lambda d: planrules.national_index_levels(str(d.text("n.csv", "framework,indicator,level,national_index,agency,"
                                                               "basis,source\npemdi2026,I21,2,x,y,b,s\n"))),
         r"n\.csv", also="line 2, column 'indicator'"),
    case("planrules.national_index_levels", "a level outside 2-5",
         lambda d: planrules.national_index_levels(str(d.text("n.csv", "framework,indicator,level,national_index,agency,"
                                                               "basis,source\npemdi2026,I5,1,x,y,b,s\n"))),
         r"n\.csv", also="line 2, column 'level'"),
    case("planrules.national_index_levels", "a repeated row",
         lambda d: planrules.national_index_levels(str(d.text("n.csv", "framework,indicator,level,national_index,agency,"
                                                               "basis,source\npemdi2026,I5,2,x,y,b,s\npemdi2026,I5,2,x,y,b,s\n"))),
         r"n\.csv"),
    case("actionplan.starts_from_sheet", "Naming the file, row, column and value of a bad cell",
         lambda d: actionplan.starts_from_sheet(str(d.sheet("pemdi2026", 2026, bad="6,5"))),
         r"sheet_pemdi2026_2026\.csv", also="row 5, column 'level': got '6,5'"),
    case("actionplan.starts_from_sheet", "a sheet without that cycle",
         lambda d: actionplan.starts_from_sheet(str(d.sheet("pemdi2026", 2026)), cycle=2027),
         r"sheet_pemdi2026_2026\.csv", also="column 'year'"),
    case("actionplan.plan_actions", "bad arguments", lambda d: actionplan.plan_actions("7501"), "start argument"),
    case("actionplan.regency_starts", "a sheet regency that is not among ``codes``",
         lambda d: actionplan.regency_starts(["7501"], None, {"7502": None}), "sheet_starts argument"),
    case("actionplan.regency_starts", "a code the projection lacks",
         lambda d: actionplan.regency_starts(["7501", "7502"], pemdi.project({"7501": LV2}, seed=1, min_draws=1)),
         "projection argument", also="got '7502'"),
    case("pace.backtest", "fewer than three different years", lambda d: pace.backtest(PUB, ("7502",), [2023, 2024]),
         "years argument"),
    case("pace.backtest", "fewer than three different years",
         lambda d: pace.backtest(PUB, ("7502",), [2023, 2023, 2024]), "years argument"),
    case("pace.capacity_scenarios", "a budget that is not positive",
         lambda d: pace.capacity_scenarios(pd.DataFrame({"low": [0.1], "high": [0.2]}, index=["a"]), -1),
         "budget argument"),
    case("forecast.backtest", "an instrument without two consecutive published cycles",
         lambda d: forecast.backtest(PUB, instrument="pemdi2026"), "published argument"),
    case("forecast.backtest", "a bad ``own``", lambda d: forecast.backtest(PUB, own="median"), "own argument"),
    case("forecast.backtest", "``k_grid``", lambda d: forecast.backtest(PUB, k_grid=[0.5, 2]), "k_grid argument"),
    case("forecast.backtest", "``k_grid``", lambda d: forecast.backtest(PUB, k_grid=["0.5"]), "k_grid argument"),
    case("forecast.reach", "When the model has no exact forecast error to draw from",
         lambda d: forecast.reach(bt_without_errors(), PUB), "bt argument"),
    case("transition.setting", "no SPBE year", lambda d: transition.setting([], [2026]), "spbe_years argument"),
    case("transition.setting", "an effort file that fails validation",
         lambda d: transition.setting([2025], [2026], effort=str(effort_file(d, effort="-1"))), "effort.csv",
         also="column 'effort'"),
    case("transition.transition_roadmap", "an unknown capacity",
         lambda d: transition.transition_roadmap(pd.Series(TWOS), transition.setting([2025], [2026]), "speed", 1),
         "capacity argument"),
    case("transition.transition_roadmap", "a negative value",
         lambda d: transition.transition_roadmap(pd.Series(TWOS), transition.setting([2025], [2026]), "budget", -1),
         "value argument"),
    case("transition.transition_ensemble", "capacities without a scenario column",
         lambda d: transition.transition_ensemble({"a": LV2}, transition.setting([2025], [2026]),
                                                  pd.DataFrame({"own": [0.1]}, index=["a"]), 1), "capacities argument",
         also="column 'best_peer'"),
    case("transition.transition_ensemble", "without a row for an entity of ``levels_by_entity``",
         lambda d: transition.transition_ensemble({"a": LV2}, transition.setting([2025], [2026]),
                                                  pd.DataFrame({"own": [0.1], "best_peer": [0.2], "budget": [4.0]},
                                                               index=["b"]), 1), "capacities argument", also="row a"),
    # ------------------------------------------------------------------------------------ PEMDI
    case("pemdi.calibration.load_pairs", "Naming the line and column of the first problem",
         lambda d: (d.edit("reference/spbe_pemdi_pairs.csv", 2, "spbe_index", "6.00"), pemdi.load_pairs()),
         "spbe_pemdi_pairs.csv", also="row line 2, column 'spbe_index'"),
    case("pemdi.crosswalk.load_external", "a bad row of ``data/pemdi2026_external.csv``",
         lambda d: (d.edit("pemdi2026_external.csv", 3, "indicator", "I21"), pemdi.load_external()),
         "pemdi2026_external.csv", also="row line 3, column 'indicator'"),
    case("pemdi.crosswalk.load_crosswalk", "Naming the line and column of the first problem",
         lambda d: (d.edit("crosswalk_spbe2020_pemdi2026.csv", 2, "share", "0.105"), pemdi.load_crosswalk()),
         "crosswalk_spbe2020_pemdi2026.csv", also="row line 2, column 'share'"),
    case("pemdi.crosswalk.load_assumptions", "Naming the line and column of a value out of range",
         lambda d: (pemdi_projection_edit(d, "carry", "high", "1.50"), pemdi.load_assumptions()),
         "pemdi_projection.csv", also="row line 2, column 'low'"),
    case("pemdi.crosswalk.load_assumptions", "out of order",
         lambda d: (pemdi_projection_edit(d, "new_value", "low", "1.50"), pemdi.load_assumptions()),
         "pemdi_projection.csv", also="row line 3"),
    case("pemdi.crosswalk.load_assumptions", "a missing parameter",
         lambda d: (d.dropped("assumptions/pemdi_projection.csv", 4), pemdi.load_assumptions()), "pemdi_projection.csv",
         also="column 'parameter'"),
    case("pemdi.crosswalk.load_assumptions", "a non-positive ``lambda``",
         lambda d: (pemdi_projection_edit(d, "carry", "lambda", "0"), pemdi.load_assumptions()), "pemdi_projection.csv",
         also="column 'lambda'"),
    case("pemdi.crosswalk.load_assumptions", "a ``lambda`` on a row whose distribution has none",
         lambda d: (pemdi_projection_edit(d, "carry", "distribution", "uniform"), pemdi.load_assumptions()),
         "pemdi_projection.csv", also="row line 2, column 'lambda'"),
    case("pemdi.projection.project_values", "a value out of range",
         lambda d: pemdi.project_values(np.full((1, 47), 3), 1.5, 1, 1), "carry argument"),
    case("pemdi.projection.project_values", "with more than two decimals",
         lambda d: pemdi.project_values(np.full((1, 47), 3), 1, 1.255, 1), "new_value argument"),
    case("pemdi.sheet.results_from_sheet", "Naming the file, row, column and value of a bad cell",
         lambda d: pemdi.results_from_sheet(str(d.sheet("pemdi2026", 2026, bad="1,255"))),
         r"sheet_pemdi2026_2026\.csv", also="row 5, column 'level': got '1,255'"),
    case("sensitivity.dirichlet_weights", "a non-positive concentration",
         lambda d: sensitivity.dirichlet_weights(FW, 3, 0), "concentration argument"),
    case("sensitivity.dirichlet_weights", "count", lambda d: sensitivity.dirichlet_weights(FW, 0, 100.0), "n argument"),
    case("robust.robust_moves", "bad arguments",
         lambda d: robust.robust_moves(pemdi.project({"7501": LV2}, seed=1, min_draws=1), ["7501"], threshold=0),
         "threshold argument"),
]


# ============================================================================= the tests
@pytest.mark.parametrize("function, exc, clause, call, where, also", CASES)
def test_a_documented_error_is_raised_where_it_says(d, function, exc, clause, call, where, also):
    with pytest.raises(EXCEPTIONS[exc]) as err:
        call(d)
    e = err.value
    assert type(e) is EXCEPTIONS[exc], f"{function}: {type(e).__name__} instead of {exc}: {e}"
    assert re.search(where, str(e.where)), f"{function}: the error is located at {e.where!r}, not {where!r}: {e}"
    assert str(e).startswith(str(e.where))
    if also is not None:
        assert re.search(also, str(e)), f"{function}: {also!r} not in {e}"


#: Words of a documented condition that need no case of their own.
FILLER = {"a", "an", "and", "as", "by", "for", "func", "in", "is", "it", "its", "naming", "of", "on", "one", "or", "that",
          "the", "to", "when", "which", "with"}


def test_the_docstrings_document_errors():
    names = {f for f, _, _ in DOCUMENTED}
    assert len(DOCUMENTED) >= 100 and {"official.round_half_up", "paths.single.cheapest_path",
                                       "pemdi.crosswalk.load_assumptions"} <= names


def test_every_documented_error_has_a_case():
    have = {(p.values[0], p.values[1]) for p in CASES}
    missing = [f"{f}: {e} ({c})" for f, e, c in DOCUMENTED if (f, e) not in have]
    assert not missing, "documented errors without a case in CASES:\n" + "\n".join(missing)


def test_every_case_is_of_a_documented_error():
    doc = {(f, e) for f, e, _ in DOCUMENTED}
    stray = sorted({f"{p.values[0]}: {p.values[1]}" for p in CASES if (p.values[0], p.values[1]) not in doc})
    assert not stray, "cases of errors no docstring documents (docstring changed?):\n" + "\n".join(stray)


def test_the_cases_cover_every_clause_of_the_documented_condition():
    """Each case's clause is words of the documented condition; together the clauses of a function's cases
    leave no word of it uncovered (but filler), so a condition that grows a clause needs a case for it."""
    conditions = {(f, e): c for f, e, c in DOCUMENTED}
    problems = []
    for (f, e), cond in conditions.items():
        clauses = [p.values[2] for p in CASES if (p.values[0], p.values[1]) == (f, e)]
        rest = cond
        for clause in sorted(clauses, key=len, reverse=True):
            if clause not in cond:
                problems.append(f"{f}: clause {clause!r} is not in its documented condition {cond!r}")
            rest = rest.replace(clause, " ", 1)
        left = [w for w in re.findall(r"[A-Za-z0-9_-]+", rest) if w.lower() not in FILLER]
        if clauses and left:
            problems.append(f"{f}: no case for {' '.join(left)!r} of {cond!r}")
    assert not problems, "\n".join(problems)


def test_the_call_of_each_case_calls_its_function():
    """The case's call really calls the function it is filed under (by name, as the table is read)."""
    import inspect
    bad = []
    for p in CASES:
        name = p.values[0].split(".")[-1]
        if not re.search(rf"\b{re.escape(name)}\b", inspect.getsource(p.values[3])):
            bad.append(p.values[0])
    assert not bad, bad
