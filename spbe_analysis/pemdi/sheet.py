"""Real PEMDI results read from a filled-in PEMDI sheet (``sheet_template_pemdi2026``)."""
from __future__ import annotations

from fractions import Fraction

from ..sheets import load_sheet


def results_from_sheet(path: str, worksheet: str | None = None) -> dict[str, dict[str, Fraction]]:
    """Real PEMDI results from a filled-in PEMDI sheet (``sheet_template_pemdi2026``).

    Parameters
    ----------
    path : str
        A ``.csv`` or ``.xlsx`` file.
    worksheet : str, optional

    Returns
    -------
    dict
        ``{entity: {indicator: exact value}}`` of each government's latest year in the sheet.

    Raises
    ------
    DataError
        Naming the file, row, column and value of a bad cell.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from spbe_analysis.sheets import template
    >>> t = template("pemdi2026", entities=("7501",), year=2026)
    >>> t["level"] = "2,5"
    >>> p = Path(tempfile.mkdtemp()) / "pemdi.csv"
    >>> t.to_csv(p, index=False, sep=";")
    >>> results_from_sheet(str(p))["7501"]["I1"]
    Fraction(5, 2)
    """
    df = load_sheet(path, "pemdi2026", worksheet=worksheet)
    out = {}
    for code, g in df.groupby("bps_code", sort=True):
        last = g[g["year"] == g["year"].max()]
        out[str(code)] = dict(zip(last["indicator"], last["level"]))
    return out

