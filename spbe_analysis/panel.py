"""Helpers on the tidy table of published indices (``load_published()``). No I/O.

Entity codes come from the data (see :func:`spbe_analysis.data.entity_codes`), never from
code. Missing and censored values are never dropped or filled in silently: functions either
refuse them or say which entities they left out.

Values on different instruments (SPBE 2018, SPBE 2020, PEMDI 2026: the ``instrument`` column) are
on different scales with different predicate bands. Nothing here compares them: a function that
compares years refuses years on different instruments (:func:`changes`, :func:`same_instrument`)
or splits them into one run per instrument (:func:`instrument_segments`, :func:`instrument_breaks`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import pandas as pd

from . import checks
from .errors import DataError
from .frameworks import as_framework
from .official import to_hundredths
from .scoring import predicate

PUBLISHED = "published_indices.csv"


def _rows(published: pd.DataFrame, year: int, entities: Iterable[str]) -> pd.DataFrame:
    checks.frame(published, "published argument", columns=("entity_id", "year", "status", "value"))
    year = checks.count(year, "year argument", minimum=1900)
    entities = checks.collection(entities, "entities argument", allow_empty=False)
    rows = published[(published["year"] == year) & published["entity_id"].isin(entities)].set_index("entity_id")
    absent = [e for e in entities if e not in rows.index]
    if absent:
        raise DataError(PUBLISHED, f"a row for every entity in {year} (missing and censored values are rows too)",
                        row=absent[0], column="entity_id")
    return rows.loc[list(entities)]


def snapshot(published: pd.DataFrame, year: int, entities: Iterable[str], exact_only: bool = True) -> pd.DataFrame:
    """Rows of ``published`` for one year and the given entities.

    Parameters
    ----------
    published : DataFrame
        :func:`spbe_analysis.load_published`.
    year : int
    entities : iterable of str
    exact_only : bool
        When True (default) every entity must have an exact value that year: a missing or censored
        value is never silently dropped from a snapshot.

    Returns
    -------
    DataFrame
        Indexed by entity_id.

    Raises
    ------
    DataError
        Naming the entity and its status.

    Examples
    --------
    >>> from spbe_analysis import load_published
    >>> pub = load_published()
    >>> snapshot(pub, 2024, ["7501", "75"])["value"].tolist()
    [2.4, 4.13]
    """
    rows = _rows(published, year, entities)
    if exact_only:
        bad = rows[rows["status"] != "exact"]
        if len(bad):
            raise DataError(PUBLISHED, f"an exact value in {year} for every entity (use exact_only=False to handle "
                            "censored or missing values explicitly)", row=bad.index[0], column="status",
                            value=bad["status"].iloc[0])
    return rows


def value_of(published: pd.DataFrame, entity_id: str, year: int) -> float | None:
    """The exact published value of one entity and year.

    Parameters
    ----------
    published : DataFrame
    entity_id : str
    year : int

    Returns
    -------
    float or None
        None when the value is missing or censored.

    Examples
    --------
    >>> from spbe_analysis import load_published
    >>> pub = load_published()
    >>> value_of(pub, "7501", 2024), value_of(pub, "7501", 2022)
    (2.4, None)
    """
    r = published[(published["entity_id"] == entity_id) & (published["year"] == year)]
    if len(r) == 0 or r["status"].iloc[0] != "exact":
        return None
    return float(r["value"].iloc[0])


def exact_values(published: pd.DataFrame, year: int, entities: Iterable[str]) -> tuple[pd.Series, list[str]]:
    """The exact values of one year, and who was left out.

    Parameters
    ----------
    published : DataFrame
    year : int
    entities : iterable of str

    Returns
    -------
    tuple
        ``(values, left_out)``: a Series indexed by entity and the entities whose value is censored
        or missing.

    Examples
    --------
    >>> from spbe_analysis import load_published
    >>> pub = load_published()
    >>> v, out = exact_values(pub, 2022, ["7501", "7502"])
    >>> v.tolist(), out
    ([2.03], ['7501'])
    """
    rows = _rows(published, year, entities)
    ex = rows["status"] == "exact"
    return rows.loc[ex, "value"].astype(float), list(rows.index[~ex])


def changes(published: pd.DataFrame, entities: Iterable[str], y0: int, y1: int) -> pd.Series:
    """Exact change of the published value from ``y0`` to ``y1`` (computed in hundredths).

    Parameters
    ----------
    published : DataFrame
    entities : iterable of str
    y0, y1 : int

    Returns
    -------
    Series
        By entity.

    Raises
    ------
    DataError
        When an entity lacks an exact value in either year, or when the two years are on different
        instruments (a change of instrument is a break, never a change of the index).

    Examples
    --------
    >>> from spbe_analysis import load_published
    >>> pub = load_published()
    >>> changes(pub, ["7501"], 2023, 2024).tolist()
    [0.38]
    """
    same_instrument(published, [y0, y1], "y0/y1 arguments (changes)")
    a = snapshot(published, y0, entities)["value"]
    b = snapshot(published, y1, entities)["value"]
    return pd.Series({e: (to_hundredths(float(b[e])) - to_hundredths(float(a[e]))) / 100 for e in a.index},
                     name="change")


def mean_gap(published: pd.DataFrame, reference: str, entities: Iterable[str], year: int) -> float:
    """The reference entity's value minus the mean of the entities' exact values in ``year``.

    Parameters
    ----------
    published : DataFrame
    reference : str
        An entity id (for example the province).
    entities : iterable of str
    year : int

    Returns
    -------
    float

    Examples
    --------
    >>> from spbe_analysis import load_published
    >>> pub = load_published()
    >>> round(mean_gap(pub, "75", ["7501", "7504"], 2024), 2)
    1.43
    """
    vals, left_out = exact_values(published, year, entities)
    ref = value_of(published, reference, year)
    if ref is None or vals.empty:
        raise DataError(PUBLISHED, f"exact values of {reference} and of the entities in {year}", row=reference)
    return ref - float(vals.mean())


def _instrument_column(published: pd.DataFrame) -> str:
    """The column naming a row's instrument (``framework`` in a table built without one)."""
    return "instrument" if "instrument" in published.columns else "framework"


def instruments_of(published: pd.DataFrame, years: Iterable[int]) -> dict[int, str]:
    """The instrument of each year (one per year: the values of a year are on one scale).

    Parameters
    ----------
    published : DataFrame
        :func:`spbe_analysis.load_published`.
    years : iterable of int

    Returns
    -------
    dict
        ``{year: instrument}``.

    Raises
    ------
    DataError
        For a year with no row, or whose rows name more than one instrument.

    Examples
    --------
    >>> from spbe_analysis import load_published
    >>> instruments_of(load_published(), [2019, 2025, 2026])
    {2019: 'spbe2018', 2025: 'spbe2020', 2026: 'pemdi2026'}
    """
    checks.frame(published, "published argument", columns=("year",))
    col = _instrument_column(published)
    out = {}
    for y in checks.collection(years, "years argument", allow_empty=False):
        found = sorted(set(published.loc[published["year"] == y, col]))
        if not found:
            raise DataError("years argument", "years that have rows in the published table", value=y)
        if len(found) != 1:
            raise DataError(PUBLISHED, "one instrument per evaluation year", row=f"year {y}", column=col,
                            value=found)
        out[int(y)] = found[0]
    return out


def same_instrument(published: pd.DataFrame, years: Iterable[int], what: str = "years argument") -> str:
    """The one instrument of ``years``, or a refusal: values on two instruments are never compared.

    Parameters
    ----------
    published : DataFrame
    years : iterable of int
    what : str
        The comparison named in the error message.

    Returns
    -------
    str
        The instrument.

    Raises
    ------
    DataError
        Naming the first year on another instrument.

    Examples
    --------
    >>> from spbe_analysis import load_published
    >>> pub = load_published()
    >>> same_instrument(pub, [2022, 2024])
    'spbe2020'
    >>> same_instrument(pub, [2025, 2026])
    Traceback (most recent call last):
    ...
    spbe_analysis.errors.DataError: years argument, row year 2026, column 'instrument': got 'pemdi2026'; expected the instrument of 2025 (spbe2020): values on different instruments are on different scales and are never compared (split the years with instrument_segments)
    """
    inst = instruments_of(published, years)
    ys = sorted(inst)
    for y in ys[1:]:
        if inst[y] != inst[ys[0]]:
            raise DataError(what, f"the instrument of {ys[0]} ({inst[ys[0]]}): values on different instruments are on "
                            "different scales and are never compared (split the years with instrument_segments)",
                            row=f"year {y}", column=_instrument_column(published), value=inst[y])
    return inst[ys[0]]


def instrument_segments(published: pd.DataFrame, years: Iterable[int]) -> list[tuple[str, list[int]]]:
    """``years`` (sorted) split into runs on one instrument: a line, a trend or a change is drawn
    or computed within a run, never across two.

    Parameters
    ----------
    published : DataFrame
    years : iterable of int

    Returns
    -------
    list of (str, list of int)
        ``(instrument, years)`` in year order.

    Examples
    --------
    >>> from spbe_analysis import load_published
    >>> instrument_segments(load_published(), [2019, 2021, 2024, 2025, 2026])
    [('spbe2018', [2019]), ('spbe2020', [2021, 2024, 2025]), ('pemdi2026', [2026])]
    """
    inst = instruments_of(published, years)
    out: list[tuple[str, list[int]]] = []
    for y in sorted(inst):
        if out and out[-1][0] == inst[y]:
            out[-1][1].append(y)
        else:
            out.append((inst[y], [y]))
    return out


def instrument_breaks(published: pd.DataFrame, years: Iterable[int]) -> list[int]:
    """Years after which the instrument changes (a change of instrument, never a trend).

    Parameters
    ----------
    published : DataFrame
    years : iterable of int

    Returns
    -------
    list of int
        The last year of every run of :func:`instrument_segments` but the last.

    Examples
    --------
    >>> from spbe_analysis import load_published
    >>> pub = load_published()
    >>> instrument_breaks(pub, [2019, 2021, 2022])
    [2019]
    >>> instrument_breaks(pub, [2019, 2021, 2024, 2025, 2026])
    [2019, 2025]
    """
    return [ys[-1] for _, ys in instrument_segments(published, years)[:-1]]


def same_framework_years(published: pd.DataFrame, years: Iterable[int], since: int, framework: str) -> list[int]:
    """The ``years`` from ``since`` on whose values all come from ``framework`` (their instrument).

    Parameters
    ----------
    published : DataFrame
    years : iterable of int
    since : int
    framework : str

    Returns
    -------
    list of int

    Examples
    --------
    >>> from spbe_analysis import load_published
    >>> pub = load_published()
    >>> same_framework_years(pub, [2019, 2021, 2022, 2023, 2024, 2025, 2026], 2021, "spbe2020")
    [2021, 2022, 2023, 2024, 2025]
    """
    col = _instrument_column(published)
    return [y for y in years if y >= since and (published.loc[published["year"] == y, col] == framework).all()]


def recompute_predicates(published: pd.DataFrame) -> pd.DataFrame:
    """For every exact published value: the printed and the recomputed predicate.

    Parameters
    ----------
    published : DataFrame

    Returns
    -------
    DataFrame
        ``predicate_printed``, ``predicate_recomputed`` (from the bands of its instrument: PEMDI
        bands differ from SPBE's), ``agrees`` (the printed name is the band's official name, the
        name without its gloss or the gloss alone) and the ``predicate_flag`` recorded in the data.

    Examples
    --------
    >>> from spbe_analysis import load_published
    >>> pub = load_published()
    >>> r = recompute_predicates(pub)
    >>> bool((r["agrees"] | r["predicate_flag"].notna()).all())
    True
    """
    col = _instrument_column(published)
    ex = published[published["status"] == "exact"].copy()
    ex["predicate_recomputed"] = [predicate(v, as_framework(f)) for v, f in zip(ex["value"], ex[col])]
    printed = ex["predicate_printed"].fillna("")
    ex["agrees"] = pd.array([None if p == "" else p in _names_of(r) for p, r in zip(printed, ex["predicate_recomputed"])],
                            dtype="boolean")
    if "instrument" not in ex.columns:
        ex["instrument"] = ex["framework"]
    return ex[["entity_id", "entity", "year", "framework", "instrument", "value_text", "predicate_printed", "predicate_recomputed",
               "agrees", "predicate_flag", "verified"]].reset_index(drop=True)


def _names_of(band: str) -> set[str]:
    """A band's official name ("Kurang (Merintis)"), without its gloss ("Kurang") and the gloss alone."""
    names = {band, band.split(" (")[0]}
    if " (" in band and band.endswith(")"):
        names.add(band.split(" (", 1)[1][:-1])
    return names


@dataclass(frozen=True)
class Sources:
    """Who published a set of rows: ``sites`` (each with its date where known, in first-seen order)
    and ``unverified``, the number of known values not yet verified."""

    sites: tuple[str, ...]
    unverified: int


def published_sources(rows: pd.DataFrame) -> Sources:
    """The sites behind some rows of ``published`` and how many of their values are unverified.

    Parameters
    ----------
    rows : DataFrame
        Rows of ``published`` behind a figure or a table.

    Returns
    -------
    Sources
        The sites (``"host (date)"``) and the count of unverified known values; the text of a figure
        footer is written from it by :func:`spbe_analysis.tables.footer_note`.

    Examples
    --------
    >>> from spbe_analysis import load_published
    >>> pub = load_published()
    >>> published_sources(pub[(pub["year"] == 2024) & (pub["entity_id"] == "7501")])
    Sources(sites=('politikal.co.id (2025-07)',), unverified=0)
    """
    checks.frame(rows, "rows argument", columns=("source_url", "source_date", "verified", "status"), allow_empty=True)
    parts: list[str] = []
    for url, date in rows[["source_url", "source_date"]].drop_duplicates().itertuples(index=False):
        if not url:
            continue
        site = url.split("/")[2].removeprefix("www.")
        item = f"{site} ({date})" if date else site
        if item not in parts:
            parts.append(item)
    unverified = int((~rows["verified"] & (rows["status"] != "missing")).sum())
    return Sources(tuple(parts), unverified)
