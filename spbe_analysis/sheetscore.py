"""A real evaluation sheet against the published data: the checks and the numbers behind the
command line's ``score`` and the notebooks' sheet notes. No display text here: the presentation
layer (:func:`spbe_analysis.tables.sheet_score_table`, :class:`spbe_analysis.context.Context`)
formats what these functions return.

* :func:`check_sheet`: a sheet loaded fully and checked against the analysed year and the six
  regencies;
* :func:`compare_published`: each regency's sheet index next to its published index;
* :func:`score_sheet`: index, domains or aspects, predicate and the gaps (to the next band, the
  province and the nation) of every government-year of a sheet, as numbers.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import checks
from .data import entity_codes, framework_of_year, load_published, load_regencies
from .disparity import next_band
from .errors import DataError
from .frameworks import Framework, as_framework
from .official import to_hundredths
from .sheets import load_sheet, sheet_scores


def check_sheet(path: str | Path, year: int, worksheet: str | None = None,
                framework: Framework | str | None = None) -> pd.DataFrame:
    """Load a sheet fully and check it against the analysed ``year`` and the six regencies.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` or ``.xlsx`` evaluation sheet.
    year : int
        The analysed year (the notebooks' ``YEAR``).
    worksheet : str, optional
        The worksheet of an .xlsx workbook.
    framework : Framework or str, optional
        By default the framework of ``year``'s published values.

    Returns
    -------
    DataFrame
        The loaded sheet (:func:`spbe_analysis.sheets.load_sheet`).

    Raises
    ------
    DataError
        Located (file, row, column): a bad cell, no rows for ``year``, or a regency missing in it.

    Examples
    --------
    >>> import tempfile
    >>> from spbe_analysis.sheets import template
    >>> t = template(year=2024)
    >>> t["level"] = 3
    >>> p = Path(tempfile.mkdtemp()) / "sheet.csv"
    >>> t.to_csv(p, index=False)
    >>> len(check_sheet(p, 2024))
    282
    """
    year = checks.count(year, "YEAR parameter", minimum=1900)
    fw = framework_of_year(load_published(), year) if framework is None else as_framework(framework)
    df = load_sheet(path, fw, worksheet=worksheet or None)
    where = str(path)
    years = sorted(set(df["year"]))
    if year not in years:
        raise DataError(where, f"levels for the analysed year {year} (YEAR parameter); the sheet holds "
                        + ", ".join(map(str, years)), worksheet=worksheet, column="year", value=years[0])
    codes, _, _ = entity_codes()
    present = set(df.loc[df["year"] == year, "bps_code"])
    absent = [c for c in codes if c not in present]
    if absent:
        reg = load_regencies()
        raise DataError(where, f"all six regencies for {year}; missing {len(absent)}: "
                        + ", ".join(f"{c} {reg.loc[c, 'short_name']}" for c in absent), worksheet=worksheet,
                        row=f"government {absent[0]}, year {year}", column="bps_code")
    return df


def compare_published(scores: pd.DataFrame, published: pd.DataFrame, year: int,
                      codes: tuple[str, ...]) -> pd.DataFrame:
    """Each regency's index from a sheet next to its published index of the same year.

    Parameters
    ----------
    scores : DataFrame
        :func:`spbe_analysis.sheets.sheet_scores` of the sheet.
    published : DataFrame
        :func:`spbe_analysis.load_published`.
    year : int
    codes : tuple of str
        The regencies (each must have a row for ``year`` in ``scores``).

    Returns
    -------
    DataFrame
        Indexed by entity: ``sheet`` (official index from the sheet), ``published`` (None unless
        exact), ``status`` of the published value and ``differs`` (both known and unequal to the
        hundredth).

    Raises
    ------
    DataError
        When a regency has no row for ``year`` in ``scores``.

    Examples
    --------
    >>> sc = pd.DataFrame({"bps_code": ["7501"], "year": [2024], "index": [2.4]})
    >>> compare_published(sc, load_published(), 2024, ("7501",))[["sheet", "published", "differs"]].values.tolist()
    [[2.4, 2.4, False]]
    """
    checks.frame(scores, "scores argument", columns=("bps_code", "year", "index"))
    rows = []
    for c in codes:
        mine = scores.loc[(scores["bps_code"] == c) & (scores["year"] == year), "index"]
        if mine.empty:
            raise DataError("scores argument", f"a score of every regency in {year}", row=c, column="bps_code")
        sheet_value = float(mine.iloc[0])
        r = published[(published["entity_id"] == c) & (published["year"] == year)]
        status = r["status"].iloc[0] if len(r) else "missing"
        pub = float(r["value"].iloc[0]) if status == "exact" else None
        rows.append({"entity": c, "sheet": sheet_value, "published": pub, "status": status,
                     "differs": pub is not None and to_hundredths(pub) != to_hundredths(sheet_value)})
    return pd.DataFrame(rows).set_index("entity")


def _gap(target: float | None, h: int) -> float:
    return float("nan") if target is None else (to_hundredths(target) - h) / 100


def score_sheet(path: str | Path, framework: Framework | str = "spbe2020", worksheet: str | None = None,
                published: pd.DataFrame | None = None) -> pd.DataFrame:
    """Scores and gaps of every government-year of an evaluation sheet, as numbers.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` or ``.xlsx`` evaluation sheet.
    framework : Framework or str
    worksheet : str, optional
        The worksheet of an .xlsx workbook.
    published : DataFrame, optional
        :func:`spbe_analysis.load_published` (loaded when not given).

    Returns
    -------
    DataFrame
        One row per (bps_code, year): what :func:`spbe_analysis.sheets.sheet_scores` gives
        (``index``, ``predicate``, ``domain_<d>`` or ``aspect_<a>``), then ``next_band`` (None in
        the top band) and the gaps in index points, exact to the hundredth: ``gap_next`` (to the
        lower edge of the next band), ``gap_province`` and ``gap_national`` (to the published
        value of the same year); NaN where there is none.

    Raises
    ------
    DataError
        Located (file, row, column) for a bad sheet.

    Examples
    --------
    >>> import tempfile
    >>> from spbe_analysis.sheets import template
    >>> t = template(year=2024)
    >>> t["level"] = 3
    >>> p = Path(tempfile.mkdtemp()) / "sheet.csv"
    >>> t.to_csv(p, index=False)
    >>> r = score_sheet(p).set_index("bps_code").loc["7501"]
    >>> float(r["index"]), r["next_band"], float(r["gap_next"]), float(r["gap_province"])
    (3.0, 'Sangat Baik', 0.5, 1.13)
    """
    fw = as_framework(framework)
    sc = sheet_scores(load_sheet(path, fw, worksheet=worksheet), fw)
    pub = load_published() if published is None else published
    _, prov, nat = entity_codes(pub)
    exact = pub[pub["status"] == "exact"]
    ref = {(e, int(y)): float(v) for e, y, v in zip(exact["entity_id"], exact["year"], exact["value"])}
    bands, gaps = [], {"gap_next": [], "gap_province": [], "gap_national": []}
    for value, year in zip(sc["index"], sc["year"]):
        h = to_hundredths(float(value))
        name, edge = next_band(float(value), fw)
        bands.append(name)
        gaps["gap_next"].append(_gap(edge, h))
        gaps["gap_province"].append(_gap(ref.get((prov, int(year))), h))
        gaps["gap_national"].append(_gap(ref.get((nat, int(year))), h))
    return sc.assign(next_band=bands, **gaps)
