"""The budget and planning dates a regency must meet for the steps of each PEMDI cycle
(``data/pemdi/milestones.csv``), read strictly; and the reader's wording of an evidence list's status.

Used through :func:`spbe_analysis.criteria.milestones` and :class:`spbe_analysis.criteria.LevelCard`.
"""
from __future__ import annotations

import datetime
import functools
import re
from pathlib import Path
from typing import Any

import pandas as pd

from . import csvio as T
from .errors import DataError

#: How a card names the status of its evidence list, in Bahasa Indonesia and in English.
EVIDENCE_NOTE = {
    "verbatim_raw": ("daftar bukti: kutipan modul", "evidence list: quoted from the module"),
    "verbatim_fragment": ("daftar bukti: kutipan modul (belum lengkap)",
                          "evidence list: quoted from the module (incomplete)"),
    "unverified_later": ("daftar bukti: teks kemudian, belum dicocokkan dengan modul",
                         "evidence list: a later text, not checked against the module"),
    "restated": ("daftar bukti: dirumuskan ulang dari modul, bukan kutipan",
                 "evidence list: restated from the module, not a quotation"),
    "missing": ("daftar bukti: tidak ditemukan pada sumber", "evidence list: not found in the sources"),
}
#: The columns of ``milestones.csv`` a reader sees (Bahasa Indonesia), and their English counterparts.
MILESTONE_READER_COLUMNS = ("stage", "rule", "pemdi_content", "owner_office")
MILESTONE_READER_COLUMNS_EN = ("stage_en", "owner_office_en")

_SEP = " | "
_URL = re.compile(r"https?://\S+")
#: A regulation named with its number and year (as the glossary's sources are).
_DOCUMENT = re.compile(r"(?:Undang-Undang|Peraturan|Keputusan|Instruksi|Surat Edaran)\b.*?\bNomor \d+ Tahun "
                       r"(?:19|20)\d\d\b.*")


def _sources() -> T.Parser:
    """Parser of a source cell: addresses (``https://...``) or regulations named with number and
    year, separated by ' | '."""
    def parse(s: str) -> Any:
        parts = s.split(_SEP)
        if not s.strip() or any(not (_URL.fullmatch(p) or _DOCUMENT.fullmatch(p)) for p in parts):
            raise T.Expect("openable addresses (https://...) or regulations named with 'Nomor <n> Tahun <year>', "
                           "separated by ' | '")
        return s
    return parse


def _iso_date() -> T.Parser:
    """Parser of an ISO date cell (YYYY-MM-DD) or an empty cell (a stage without a fixed date)."""
    def parse(s: str) -> Any:
        if s == "":
            return None
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
                raise ValueError
            return datetime.date.fromisoformat(s)
        except ValueError:
            raise T.Expect("an ISO date (YYYY-MM-DD) or an empty cell") from None
    return parse


_COLUMNS = [T.Column("cycle", T.integer(min_value=2026)), T.Column("date", _iso_date()),
            T.Column("stage", T.text()), T.Column("stage_en", T.text()), T.Column("rule", T.text()),
            T.Column("pemdi_content", T.text()), T.Column("owner_office", T.text()),
            T.Column("owner_office_en", T.text()), T.Column("basis", T.text()), T.Column("source", _sources())]


@functools.lru_cache(maxsize=8)
def read_milestones(path: str, stamp: int, timeline: str, timeline_stamp: int) -> pd.DataFrame:
    """The milestones file, validated: every dated milestone falls on or before the evidence
    deadline of the cycle it serves (:func:`spbe_analysis.criteria.evidence_deadline`), and
    ``basis`` is a regulation's article or starts with ``judgement:`` or ``assumed:``."""
    from .criteria import evidence_deadline

    df = T.read_csv_strict(Path(path), _COLUMNS)
    for k, r in enumerate(df.itertuples()):
        due = evidence_deadline(int(r.cycle), timeline).date
        if r.date is not None and r.date > due:
            raise DataError(path, f"a date on or before the evidence deadline of cycle {r.cycle} ({due})",
                            row=f"line {k + 2}", column="date", value=str(r.date))
        if not re.match(r"(judgement|assumed): |Pasal \d+", r.basis):
            raise DataError(path, "a basis that cites an article ('Pasal ...') or starts with 'judgement: ' or "
                            "'assumed: '", row=f"line {k + 2}", column="basis", value=r.basis[:60])
    return df.sort_values(["cycle", "date"], na_position="last", kind="stable").reset_index(drop=True)


def milestones(path: str | Path | None = None, timeline: str | Path | None = None) -> pd.DataFrame:
    """The budget and planning dates a regency must meet for the PEMDI steps of the 2027-2029 cycles.

    Each row is a planning or budget stage (RKPD, Renja, KUA-PPAS, APBD, APBD-Perubahan, the evidence
    upload of the cycle, a mid-term plan revision), the PEMDI cycle whose steps it serves, its date
    (the latest day the rule allows; empty for a stage without a fixed date), the rule in words, what
    must be in it for PEMDI, the office that owns it, the basis (an article, or ``judgement: ...`` /
    ``assumed: ...``) and the regulation or address it comes from.

    Parameters
    ----------
    path : str or Path, optional
        A file with the columns of ``data/pemdi/milestones.csv`` (the package's by default).
    timeline : str or Path, optional
        The timeline the evidence deadlines come from (``data/pemdi/timeline.csv`` by default).

    Returns
    -------
    DataFrame
        Columns ``cycle`` (int), ``date`` (:class:`datetime.date` or None), ``stage``, ``stage_en``,
        ``rule``, ``pemdi_content``, ``owner_office``, ``owner_office_en``, ``basis``, ``source``;
        sorted by cycle and date. Reader-facing: :data:`MILESTONE_READER_COLUMNS` (Bahasa Indonesia)
        and :data:`MILESTONE_READER_COLUMNS_EN`.

    Raises
    ------
    DataError
        For a bad cell (a date that is not ISO, a cycle before 2026, a source that is neither an
        address nor a regulation with number and year), a date after the evidence deadline of its
        cycle, or a basis without an article, ``judgement:`` or ``assumed:``.

    Examples
    --------
    >>> m = milestones()
    >>> str(m.loc[(m["cycle"] == 2027) & m["stage"].str.startswith("Persetujuan bersama APBD"), "date"].item())
    '2026-11-30'
    """
    from .config import data_file

    p = Path(path) if path not in (None, "") else data_file("pemdi/milestones.csv")
    t = Path(timeline) if timeline not in (None, "") else data_file("pemdi/timeline.csv")
    for f in (p, t):
        if not f.exists():
            raise DataError(str(f), "the file to exist")
    return read_milestones(str(p), p.stat().st_mtime_ns, str(t), t.stat().st_mtime_ns).copy()


__all__ = ["EVIDENCE_NOTE", "MILESTONE_READER_COLUMNS", "MILESTONE_READER_COLUMNS_EN", "milestones"]
