"""PEMDI (PermenPANRB 8/2026) level criteria, evidence, owners and cycle timeline, read strictly from
``data/pemdi/`` (or files of your own with the same columns):

* ``levels.csv``: the 20 indicators x 5 levels, each with its criteria text and its status
  (:data:`STATUSES`), the evidence to prepare, timing rules, outside dependencies and sources;
* ``owners.csv``: the lead office, co-owners and national counterpart of each indicator;
* ``timeline.csv``: the 2026 cycle's stages and dates, each row saying whose schedule it is;
* ``assessor_notes_acehtengah_2026.csv``: what the assessor accepted or returned in one regency's
  2026 evidence (a pattern for evidence checklists, not a Gorontalo result).

None of it is an official KemenPANRB release: every row names its public source and says whether
its text is verbatim, a fragment or an unverified later reading (``data/pemdi/README.md``).

It also reads ``data/assumptions/shared_efforts.csv`` (one-off efforts shared by several steps of a
plan, :func:`load_shared_efforts`).
"""
from __future__ import annotations

import datetime
import functools
import numbers
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import csvio as T
from .config import data_file
from .errors import DataError
from .assumptions import load_shared_efforts
from .frameworks import Framework, as_framework
from .pemdi_milestones import EVIDENCE_NOTE, MILESTONE_READER_COLUMNS, MILESTONE_READER_COLUMNS_EN, milestones

#: Status of a criteria text or an evidence list (``data/pemdi/README.md``): the text as extracted
#: from the official module slides, only part of it, a later full text not checked against the
#: regulation, or nothing found.
STATUSES = ("verbatim_raw", "verbatim_fragment", "unverified_later", "missing")
#: An evidence list may also be ``restated``: our wording of what the module means (a value set by a
#: national agency's assessment), no longer a quotation; the module's words stay in ``notes``.
EVIDENCE_STATUSES = STATUSES + ("restated",)

#: The framework these files describe.
FRAMEWORK = "pemdi2026"

LEVELS = (1, 2, 3, 4, 5)
_EVIDENCE_SEP = "; "
_SOURCE_SEP = " | "
_UPLOAD_STAGE = re.compile(r"unggah\s+bukti|upload", re.IGNORECASE)

#: The columns a reader sees (step cards, briefs, action-plan workbooks), per file: Bahasa Indonesia
#: only, in official wording. ``basis``, ``source`` and ``notes`` hold provenance and are never shown.
READER_COLUMNS = {"levels.csv": ("criteria_text", "evidence", "assessor_checks", "timing_rule", "external_dependency"),
                  "owners.csv": ("lead_office", "co_owners", "national_counterpart")}
#: Their English counterparts, shown on English pages (criteria and evidence are quoted in Indonesian).
READER_COLUMNS_EN = {"levels.csv": ("external_dependency_en",),
                     "owners.csv": ("lead_office_en", "co_owners_en", "national_counterpart_en")}


def _url_list() -> T.Parser:
    """Parser of a source cell: one or more ``https://`` addresses separated by ' | ', each
    optionally followed by a note in parentheses."""
    def parse(s: str) -> Any:
        parts = s.split(_SOURCE_SEP)
        if not s.strip() or any(not re.fullmatch(r"https?://\S+( \(.+\))?", p) for p in parts):
            raise T.Expect("openable addresses (https://...) separated by ' | ', each optionally followed by "
                           "a note in parentheses")
        return s
    return parse


def _iso_date(optional: bool = False) -> T.Parser:
    """Parser of an ISO date cell (YYYY-MM-DD), optionally empty."""
    def parse(s: str) -> Any:
        if optional and s == "":
            return None
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
                raise ValueError
            return datetime.date.fromisoformat(s)
        except ValueError:
            raise T.Expect("an ISO date (YYYY-MM-DD)" + (" or an empty cell" if optional else "")) from None
    return parse


def _level(optional: bool = False) -> T.Parser:
    """Parser of a PEMDI level cell (an integer 1-5)."""
    def parse(s: str) -> Any:
        if optional and s == "":
            return None
        if s not in {str(v) for v in LEVELS}:
            raise T.Expect("a level 1-5" + (" or an empty cell" if optional else ""))
        return int(s)
    return parse


_LEVEL_COLS = [
    T.Column("indicator", T.text()), T.Column("level", _level()), T.Column("criteria_text", T.text()),
    T.Column("criteria_status", T.one_of(*STATUSES)), T.Column("evidence", T.text(required=False)),
    T.Column("evidence_status", T.one_of(*EVIDENCE_STATUSES)), T.Column("assessor_checks", T.text(required=False)),
    T.Column("timing_rule", T.text(required=False)),
    T.Column("external_dependency", T.text(required=False)), T.Column("external_dependency_en", T.text(required=False)),
    T.Column("source", _url_list()), T.Column("notes", T.text(required=False)),
]
_OWNER_COLS = [
    T.Column("indicator", T.text()), T.Column("lead_office", T.text()), T.Column("lead_office_en", T.text()),
    T.Column("co_owners", T.text(required=False)), T.Column("co_owners_en", T.text(required=False)),
    T.Column("national_counterpart", T.text(required=False)),
    T.Column("national_counterpart_en", T.text(required=False)),
    T.Column("basis", T.text()), T.Column("source", _url_list()),
]
_TIMELINE_COLS = [
    T.Column("scope", T.text()), T.Column("stage", T.text()), T.Column("start", _iso_date(optional=True)),
    T.Column("end", _iso_date(optional=True)), T.Column("detail", T.text(required=False)),
    T.Column("whose_schedule", T.text()), T.Column("source", _url_list()),
]
_NOTE_COLS = [
    T.Column("indicator", T.text()), T.Column("level", _level(optional=True)), T.Column("item", T.text()),
    T.Column("accepted", T.one_of("yes", "no", "n/a")), T.Column("note", T.text()), T.Column("source", _url_list()),
]


def _path(path: str | Path | None, default: str) -> Path:
    if path is None or path == "":
        return data_file(default)
    if not isinstance(path, (str, Path)):
        raise DataError("path argument", "a file path", value=type(path).__name__)
    return Path(path)


def _line(k: int) -> str:
    return f"line {k + 2}"


def _check_english(df: pd.DataFrame, src: str, pairs: tuple[tuple[str, str], ...]) -> None:
    """Every displayed Indonesian text has its English counterpart, and no English text stands alone."""
    for k, r in enumerate(df.to_dict("records")):
        for col, col_en in pairs:
            if (r[col] == "") != (r[col_en] == ""):
                raise DataError(src, f"an English text in {col_en} exactly when {col} has one", row=_line(k),
                                column=col_en, value=r[col_en])


def _pemdi() -> Framework:
    return as_framework(FRAMEWORK)


def _check_indicators(df: pd.DataFrame, src: str, fw: Framework) -> None:
    for k, ind in enumerate(df["indicator"]):
        if ind not in fw.indicators.index:
            raise DataError(src, f"an indicator of {fw.name} (I1..I20, data/framework_pemdi2026.csv)",
                            row=_line(k), column="indicator", value=ind)


@functools.lru_cache(maxsize=8)
def _read_levels(path: str, stamp: int) -> pd.DataFrame:
    src = path
    df = T.read_csv_strict(Path(path), _LEVEL_COLS, key=("indicator", "level"))
    fw = _pemdi()
    _check_indicators(df, src, fw)
    _check_english(df, src, (("external_dependency", "external_dependency_en"),))
    for k, r in enumerate(df.itertuples()):
        if (r.evidence == "") != (r.evidence_status == "missing"):
            raise DataError(src, "an evidence list, or an empty one with evidence_status 'missing'", row=_line(k),
                            column="evidence_status" if r.evidence else "evidence", value=r.evidence_status)
        if r.criteria_status == "missing":
            raise DataError(src, "criteria text with a status other than 'missing'", row=_line(k),
                            column="criteria_status", value=r.criteria_status)
    have = set(zip(df["indicator"], df["level"]))
    for ind in fw.ids:
        for lv in LEVELS:
            if (ind, lv) not in have:
                raise DataError(src, f"one row for every indicator of {fw.name} and every level 1-5", row=ind,
                                column="level", value=lv)
    order = {ind: k for k, ind in enumerate(fw.ids)}
    df = df.assign(_o=df["indicator"].map(order)).sort_values(["_o", "level"]).drop(columns="_o")
    return df.reset_index(drop=True)


def _stamp(p: Path) -> int:
    if not p.exists():
        raise DataError(str(p), "the file to exist")
    return p.stat().st_mtime_ns


def load_levels(path: str | Path | None = None) -> pd.DataFrame:
    """The PEMDI level criteria: 20 indicators x 5 levels, validated.

    Every indicator of ``data/framework_pemdi2026.csv`` has exactly one row per level 1-5; statuses
    are among :data:`STATUSES`; an evidence list is empty only when its status is ``missing``; every
    source is an openable address.

    Parameters
    ----------
    path : str or Path, optional
        A file with the columns of ``data/pemdi/levels.csv`` (the package's by default).

    Returns
    -------
    DataFrame
        One row per indicator and level (indicator order of the framework), columns ``indicator``,
        ``level`` (int), ``criteria_text``, ``criteria_status``, ``evidence`` (items separated by
        '; '), ``evidence_status`` (:data:`EVIDENCE_STATUSES`), ``assessor_checks`` (conditions of the
        criteria text that no evidence item covers, separated by '; '), ``timing_rule``, ``external_dependency`` and its English
        ``external_dependency_en``, ``source``, ``notes``. The reader-facing columns are
        :data:`READER_COLUMNS` (Bahasa Indonesia) and :data:`READER_COLUMNS_EN`; ``source`` and
        ``notes`` are provenance, never displayed.

    Raises
    ------
    DataError
        Naming the file, line, column and expectation of a bad cell, a duplicate, an unknown
        indicator, a missing indicator-level, or an outside dependency without its English text (or
        the reverse).

    Examples
    --------
    >>> lv = load_levels()
    >>> lv.shape, sorted(set(lv["criteria_status"]))
    ((100, 12), ['unverified_later', 'verbatim_fragment', 'verbatim_raw'])
    """
    p = _path(path, "pemdi/levels.csv")
    return _read_levels(str(p), _stamp(p)).copy()


def load_owners(path: str | Path | None = None) -> pd.DataFrame:
    """Who leads each PEMDI indicator in a regency: lead office, co-owners, national counterpart.

    Parameters
    ----------
    path : str or Path, optional
        A file with the columns of ``data/pemdi/owners.csv`` (the package's by default).

    Returns
    -------
    DataFrame
        Indexed by indicator (framework order), columns ``lead_office``, ``co_owners`` (offices
        separated by '; '), ``national_counterpart`` (in Bahasa Indonesia, as displayed), each
        followed by its English ``..._en``; ``basis`` (source, or ``judgement: reason``) and
        ``source`` (provenance, never displayed).

    Raises
    ------
    DataError
        For a bad cell, an unknown or repeated indicator, an indicator without an owner, or a
        displayed text without its English counterpart (or the reverse).

    Examples
    --------
    >>> o = load_owners()
    >>> o.loc["I1", "lead_office"], o.loc["I9", "national_counterpart_en"]
    ('Bappeda', 'BSSN (security audit)')
    """
    p = _path(path, "pemdi/owners.csv")
    return _read_owners(str(p), _stamp(p)).copy()


@functools.lru_cache(maxsize=8)
def _read_owners(path: str, stamp: int) -> pd.DataFrame:
    p, src = Path(path), path
    df = T.read_csv_strict(p, _OWNER_COLS, key="indicator")
    fw = _pemdi()
    _check_indicators(df, src, fw)
    _check_english(df, src, (("co_owners", "co_owners_en"), ("national_counterpart", "national_counterpart_en")))
    missing = [i for i in fw.ids if i not in set(df["indicator"])]
    if missing:
        raise DataError(src, f"an owner for every indicator of {fw.name}", row=missing[0], column="indicator")
    return df.set_index("indicator").loc[list(fw.ids)]


def load_timeline(path: str | Path | None = None) -> pd.DataFrame:
    """The stages and dates of the 2026 PEMDI cycle, each row saying whose schedule it is.

    Parameters
    ----------
    path : str or Path, optional
        A file with the columns of ``data/pemdi/timeline.csv`` (the package's by default).

    Returns
    -------
    DataFrame
        Columns ``scope``, ``stage``, ``start`` and ``end`` (:class:`datetime.date`, or None for a
        stage without dates), ``detail``, ``whose_schedule``, ``source``.

    Raises
    ------
    DataError
        For a date that is not ISO (YYYY-MM-DD), an end before its start, or another bad cell.

    Examples
    --------
    >>> tl = load_timeline()
    >>> str(tl.loc[tl["stage"].str.startswith("Unggah bukti"), "end"].iloc[0])
    '2026-09-15'
    """
    p = _path(path, "pemdi/timeline.csv")
    return _read_timeline(str(p), _stamp(p)).copy()


@functools.lru_cache(maxsize=8)
def _read_timeline(path: str, stamp: int) -> pd.DataFrame:
    p = Path(path)
    df = T.read_csv_strict(p, _TIMELINE_COLS)
    for k, r in enumerate(df.itertuples()):
        if (r.start is None) != (r.end is None):
            raise DataError(str(p), "both start and end, or neither", row=_line(k),
                            column="end" if r.end is None else "start")
        if r.start is not None and r.end < r.start:
            raise DataError(str(p), "an end on or after the start", row=_line(k), column="end", value=str(r.end))
    return df


def load_assessor_notes(path: str | Path | None = None) -> pd.DataFrame:
    """The assessor's notes on Kabupaten Aceh Tengah's 2026 PEMDI evidence (not a Gorontalo result).

    Evidence items carry their level; the per-indicator interview scores and notes have none.

    Parameters
    ----------
    path : str or Path, optional
        A file with the columns of ``data/pemdi/assessor_notes_acehtengah_2026.csv``.

    Returns
    -------
    DataFrame
        Columns ``indicator``, ``level`` (int or None), ``item``, ``accepted`` ('yes', 'no',
        'n/a'), ``note`` (the assessor's words), ``source``.

    Raises
    ------
    DataError
        For an unknown indicator, a level outside 1-5 or another bad cell.

    Examples
    --------
    >>> n = load_assessor_notes()
    >>> int(((n["accepted"] == "no") & n["level"].notna()).sum())
    19
    """
    p = _path(path, "pemdi/assessor_notes_acehtengah_2026.csv")
    df = T.read_csv_strict(p, _NOTE_COLS)
    _check_indicators(df, str(p), _pemdi())
    return df


@dataclass(frozen=True)
class Deadline:
    """When a cycle's evidence is due: ``date``, whether it is ``assumed`` (no published schedule
    for that cycle yet) and the ``basis`` in words."""

    date: datetime.date
    assumed: bool
    basis: str


def _upload_row(tl: pd.DataFrame, src: str) -> pd.Series:
    rows = tl[tl["stage"].str.contains(_UPLOAD_STAGE) & tl["whose_schedule"].str.contains("national")
              & tl["end"].notna()]
    if rows.empty:
        raise DataError(src, "a dated evidence-upload stage ('Unggah bukti ...') of the national schedule",
                        column="stage")
    return rows.sort_values("end").iloc[-1]


def evidence_deadline(cycle: int, path: str | Path | None = None) -> Deadline:
    """The last day to upload a PEMDI cycle's evidence (the end of the evidence-upload stage).

    The 2026 date is the end of the upload stage in ``timeline.csv`` (national schedule as recorded
    by one regency); a later cycle is assumed to close on the same month and day until its own
    schedule is published, and says so.

    Parameters
    ----------
    cycle : int
        The evaluation year (2026 or later).
    path : str or Path, optional
        A timeline file of your own (same columns as ``data/pemdi/timeline.csv``).

    Returns
    -------
    Deadline

    Raises
    ------
    DataError
        For a cycle that is not a whole number from the first recorded year on, or a timeline
        without a dated evidence-upload stage.

    Examples
    --------
    >>> d = evidence_deadline(2027)
    >>> str(d.date), d.assumed
    ('2027-09-15', True)
    >>> evidence_deadline(2026).assumed
    False
    """
    p = _path(path, "pemdi/timeline.csv")
    row = _upload_row(load_timeline(p), str(p))
    first: datetime.date = row["end"]
    if isinstance(cycle, (bool, np.bool_)) or not isinstance(cycle, (numbers.Integral, np.integer)) \
            or int(cycle) < first.year:
        raise DataError("cycle argument", f"a whole-number year from {first.year} on", value=cycle)
    cycle = int(cycle)
    stage = f"'{row['stage']}' ({row['whose_schedule']}; {row['source'].split(_SOURCE_SEP)[0]})"
    if cycle == first.year:
        return Deadline(first, False, f"end of the evidence-upload stage {stage}")
    return Deadline(first.replace(year=cycle), True,
                    f"assumed: same month and day as the {first.year} end of the evidence-upload stage {stage}, "
                    f"until the {cycle} schedule is published")


@dataclass(frozen=True)
class LevelCard:
    """What one level of one PEMDI indicator asks, who leads it and where it comes from; the
    ``..._en`` fields are the English texts of the offices and the outside dependency.

    ``assessor_checks`` lists the conditions of the level's criteria text that no evidence item
    covers (what an assessor checks besides the uploads; empty where none was found);
    ``evidence_note`` / ``evidence_note_en`` say in words how far the evidence list can be trusted
    (from ``evidence_status``: quoted from the module, incomplete, a later unchecked text, restated,
    or not found), for a page to show beside the list."""

    indicator: str
    level: int
    criteria_text: str
    criteria_status: str
    evidence: list[str]
    evidence_status: str
    timing_rule: str
    external_dependency: str
    source: str
    lead_office: str
    co_owners: str
    national_counterpart: str
    external_dependency_en: str = ""
    lead_office_en: str = ""
    co_owners_en: str = ""
    national_counterpart_en: str = ""
    assessor_checks: tuple[str, ...] = ()
    evidence_note: str = ""
    evidence_note_en: str = ""


def level_card(indicator: str, level: int, *, levels: str | Path | None = None,
               owners: str | Path | None = None) -> LevelCard:
    """The criteria, evidence, timing, outside dependency, source and owners of one level.

    Parameters
    ----------
    indicator : str
        A PEMDI indicator id (``"I1"`` .. ``"I20"``).
    level : int
        The level 1-5.
    levels, owners : str or Path, optional
        Files of your own in place of ``data/pemdi/levels.csv`` and ``data/pemdi/owners.csv``.

    Returns
    -------
    LevelCard
        ``evidence`` is the evidence list split on '; ' (empty when none was found);
        ``assessor_checks`` the conditions no evidence item covers; ``evidence_note`` the status in words.

    Raises
    ------
    DataError
        For an unknown indicator or a level that is not a whole number 1-5.

    Examples
    --------
    >>> c = level_card("I9", 2)
    >>> c.lead_office, c.criteria_status, len(c.evidence) >= 1
    ('Inspektorat', 'verbatim_raw', True)
    """
    fw = _pemdi()
    if not isinstance(indicator, str) or indicator not in fw.indicators.index:
        raise DataError("indicator argument", f"an indicator of {fw.name} (I1..I20)", value=indicator)
    if isinstance(level, (bool, np.bool_)) or not isinstance(level, (numbers.Integral, np.integer)) \
            or int(level) not in LEVELS:
        raise DataError("level argument", "a whole-number level 1-5", value=level)
    lv = load_levels(levels)
    r = lv[(lv["indicator"] == indicator) & (lv["level"] == int(level))].iloc[0]
    o = load_owners(owners).loc[indicator]
    items = [x.strip().rstrip(";").strip() for x in r["evidence"].split(_EVIDENCE_SEP) if x.strip()]
    checks = tuple(x.strip() for x in r["assessor_checks"].split(_EVIDENCE_SEP) if x.strip())
    return LevelCard(indicator, int(level), r["criteria_text"], r["criteria_status"], items, r["evidence_status"],
                     r["timing_rule"], r["external_dependency"], r["source"], o["lead_office"], o["co_owners"],
                     o["national_counterpart"], r["external_dependency_en"], o["lead_office_en"], o["co_owners_en"],
                     o["national_counterpart_en"], checks, *EVIDENCE_NOTE[r["evidence_status"]])


__all__ = ["Deadline", "EVIDENCE_NOTE", "EVIDENCE_STATUSES", "FRAMEWORK", "LEVELS", "MILESTONE_READER_COLUMNS",
           "MILESTONE_READER_COLUMNS_EN", "LevelCard", "READER_COLUMNS", "READER_COLUMNS_EN", "STATUSES",
           "evidence_deadline", "level_card", "load_assessor_notes", "load_levels", "load_owners",
           "load_shared_efforts", "load_timeline", "milestones"]
