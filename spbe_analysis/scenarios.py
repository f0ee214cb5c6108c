"""The alternative assumption tables a recommendation must survive: unit, central and
"adopt national platforms" effort; prerequisites with and without the judgement rows; the three
credit scenarios of carried-over SPBE evidence (see :mod:`spbe_analysis.robust`)."""
from __future__ import annotations

import pandas as pd

from .assumptions import Prerequisites, load_effort, load_prerequisites, load_shared_efforts
from .config import data_file
from .frameworks import as_framework

FRAMEWORK = "pemdi2026"

#: Default share of every table's plans a move must be in to count as robust (an argument of
#: :func:`robust_moves`; the 80 % used for robust statements elsewhere in the package).
ROBUST_SHARE = 0.8
#: Profile draws per regency and scenario in the first round of :func:`spbe_analysis.robust.robust_moves`
#: (16: a move in every plan is then clear of the 80 % threshold by two standard errors).
N_DRAWS = 16
#: At most this many draws per regency and scenario: a table whose share of a move is within two
#: standard errors of the threshold gets ``N_DRAWS`` more draws until it is clear or this is reached.
MAX_DRAWS = 64
#: Standard errors (at the threshold) that separate a clear share from a borderline one (1.96: 95 %).
Z_CLEAR = 1.96
#: The effort tables compared.
EFFORTS = ("unit", "central", "adopt_national")
#: The prerequisite tables compared.
PREREQUISITES = ("with_judgement", "without_judgement")
#: The projection scenarios compared (credit of carried-over evidence).
SCENARIOS = ("strict", "central", "full_credit")
#: The alternative effort table of the package.
ADOPT_NATIONAL_FILE = "assumptions/effort_adopt_national.csv"


def unit_effort() -> pd.DataFrame:
    """The unit effort table: every PEMDI level step costs 1.

    Parameters
    ----------
    None

    Returns
    -------
    DataFrame
        As :func:`spbe_analysis.assumptions.load_effort`, every level above the lowest at 1.

    Examples
    --------
    >>> float(unit_effort().loc["I13", 4])
    1.0
    """
    e = load_effort(FRAMEWORK).copy()
    fw = as_framework(FRAMEWORK)
    e.loc[:, [c for c in e.columns if c != fw.level_min]] = 1.0
    return e


def adopt_national_effort(path: str | None = None) -> pd.DataFrame:
    """The "adopt national platforms" effort table (``data/assumptions/effort_adopt_national.csv``).

    Parameters
    ----------
    path : str, optional
        A file of your own with the columns of ``effort.csv``.

    Returns
    -------
    DataFrame
        As :func:`spbe_analysis.assumptions.load_effort`.

    Examples
    --------
    >>> bool((adopt_national_effort() <= load_effort("pemdi2026")).all().all())
    True
    """
    return load_effort(FRAMEWORK, data_file(ADOPT_NATIONAL_FILE) if path is None else path)


def without_judgement(prerequisites: Prerequisites) -> Prerequisites:
    """The prerequisite rows whose basis is not a judgement (``basis`` starting with "judgement").

    Parameters
    ----------
    prerequisites : Prerequisites

    Returns
    -------
    Prerequisites

    Examples
    --------
    >>> pr = load_prerequisites("pemdi2026")
    >>> len(pr.rows) - len(without_judgement(pr).rows)
    2
    """
    rows = prerequisites.rows
    keep = ~rows["basis"].astype(str).str.strip().str.lower().str.startswith("judgement")
    return Prerequisites(prerequisites.framework, rows[keep].reset_index(drop=True),
                         prerequisites.source + " (without judgement rows)")


def tables(effort_path: str | None = None) -> tuple[dict, dict]:
    """The effort tables and prerequisite tables compared.

    Parameters
    ----------
    effort_path : str, optional
        An "adopt national platforms" table of your own.

    Returns
    -------
    tuple of dict
        ``({name: (effort table, shared one-off efforts)}, {name: Prerequisites})``; the unit
        table has no shared one-off effort (every level step costs 1 and nothing else is paid).

    Examples
    --------
    >>> e, p = tables()
    >>> tuple(e), tuple(p)
    (('unit', 'central', 'adopt_national'), ('with_judgement', 'without_judgement'))
    """
    shared = load_shared_efforts(FRAMEWORK)
    pr = load_prerequisites(FRAMEWORK)
    eff = {"unit": (unit_effort(), []), "central": (load_effort(FRAMEWORK), shared),
           "adopt_national": (adopt_national_effort(effort_path), shared)}
    return eff, {"with_judgement": pr, "without_judgement": without_judgement(pr)}


__all__ = ["ADOPT_NATIONAL_FILE", "EFFORTS", "MAX_DRAWS", "N_DRAWS", "Z_CLEAR", "PREREQUISITES", "ROBUST_SHARE", "SCENARIOS",
           "adopt_national_effort", "tables", "unit_effort", "without_judgement"]
