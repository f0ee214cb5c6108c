"""Loaders for the sourced data files in ``data/``. Each file is parsed strictly (see
``csvio``) and checked for consistency; a bad cell raises a located :class:`DataError`.
"""
from __future__ import annotations


import pandas as pd

from . import csvio as T
from .config import data_file
from .errors import DataError
from .frameworks import FRAMEWORK_NAMES, Framework, as_framework

#: The instruments a published index can be on: the two SPBE instruments (PermenPANRB 5/2018 and
#: 59/2020) and PEMDI (PermenPANRB 8/2026). Each is the framework of the same name, with its own
#: evaluation years (``frameworks.csv``) and predicate bands (``predicate_bands.csv``); values on
#: different instruments are on different scales and are never compared.
INSTRUMENTS = FRAMEWORK_NAMES

PUBLISHED_COLUMNS = [
    T.Column("entity_id", T.text()), T.Column("entity", T.text()),
    T.Column("entity_type", T.one_of("provinsi", "kabupaten", "kota", "nasional", "target")),
    T.Column("bps_code", T.text(required=False)), T.Column("year", T.integer(min_value=2018)),
    T.Column("framework", T.one_of(*FRAMEWORK_NAMES)), T.Column("instrument", T.one_of(*INSTRUMENTS)),
    T.Column("status", T.one_of("exact", "below", "missing")),
    T.Column("value", T.decimal(2, optional=True)), T.Column("bound", T.decimal(2, optional=True)),
    T.Column("predicate_printed", T.text(required=False)), T.Column("predicate_flag", T.text(required=False)),
    T.Column("source_url", T.text(required=False)), T.Column("source_date", T.text(required=False)),
    T.Column("verified", T.boolean()), T.Column("note", T.text(required=False)),
    T.Column("official_ref", T.text(required=False)), T.Column("official_url", T.text(required=False)),
]

REGENCY_COLUMNS = [
    T.Column("bps_code", T.text()), T.Column("name", T.text()), T.Column("short_name", T.text()),
    T.Column("kind", T.one_of("provinsi", "kabupaten", "kota")), T.Column("capital", T.text()),
    T.Column("area_km2", T.decimal(optional=True)), T.Column("population", T.integer(min_value=1)),
    T.Column("population_year", T.integer(min_value=2000)), T.Column("population_source", T.text()),
    T.Column("lat", T.decimal(optional=True)), T.Column("lon", T.decimal(optional=True)),
    T.Column("coord_note", T.text()), T.Column("source_url", T.text()), T.Column("source_date", T.text()),
]

CODEBOOK_COLUMNS = [
    T.Column("file", T.text()), T.Column("column", T.text()), T.Column("description", T.text()),
    T.Column("unit", T.text()), T.Column("source", T.text()),
]


def load_published() -> pd.DataFrame:
    """Published overall indices, one row per entity and year (tidy).

    Parameters
    ----------
    None

    Returns
    -------
    DataFrame
        ``status`` says what is known: ``exact`` (``value`` is the published 2-decimal index),
        ``below`` (censored: only ``value < bound`` is known; ``value`` is empty) or ``missing``
        (no published value found). Missing and censored values are never filled in: ``value`` is
        NA there. ``value`` and ``bound`` are floats with 2 decimals (their exact decimal form is in
        ``value_text``). ``instrument`` (``spbe2018``, ``spbe2020`` or ``pemdi2026``) is the scale
        the value is on: it must be the row's framework and one used in the row's year, and a printed
        predicate is read against that instrument's bands (PEMDI bands differ from SPBE's). Values
        on different instruments are never compared (see :mod:`spbe_analysis.panel`).

    Raises
    ------
    DataError
        Naming the line and column of a bad row in ``data/published_indices.csv``: an unknown
        instrument, one inconsistent with the framework or the year, a value off its scale or a
        printed predicate that disagrees with its bands without a ``predicate_flag``.

    Examples
    --------
    >>> pub = load_published()
    >>> float(pub[(pub["entity_id"] == "75") & (pub["year"] == 2024)]["value"].iloc[0])
    4.13
    """
    path = data_file("published_indices.csv")
    df = T.read_csv_strict(path, PUBLISHED_COLUMNS, key=("entity_id", "year"))
    for where, r in T.located_rows(df):
        if r.status == "exact" and r.value is None:
            raise DataError(str(path), "a value where status is 'exact'", column="value", **where)
        if r.status != "exact" and r.value is not None:
            raise DataError(str(path), f"an empty value where status is {r.status!r}", column="value", value=str(r.value), **where)
        if (r.status == "below") != (r.bound is not None):
            raise DataError(str(path), "a bound exactly where status is 'below'", column="bound", value=r.bound, **where)
        if r.verified and r.status != "missing" and not r.source_url:
            raise DataError(str(path), "a source_url for every verified value", column="source_url", **where)
        if r.status != "missing" and not (r.source_url or r.note):
            raise DataError(str(path), "a source (source_url or note) for every value", column="source_url", **where)
        if r.official_url and not r.official_ref:
            raise DataError(str(path), "an official_ref naming the decision an official_url points to",
                            column="official_ref", **where)
        if r.official_url and not str(r.official_url).startswith("https://"):
            raise DataError(str(path), "an official_url that is an https:// address", column="official_url",
                            value=r.official_url, **where)
        if r.official_ref and r.status == "missing":
            raise DataError(str(path), "no official_ref on a missing value (the decision's value was not read)",
                            column="official_ref", value=r.official_ref, **where)
        _check_instrument(path, r, where)
    df["value_text"] = df["value"].map(lambda d: "" if d is None else f"{d}")
    df["value"] = pd.array([None if d is None else float(d) for d in df["value"]], dtype="Float64")
    df["bound"] = pd.array([None if d is None else float(d) for d in df["bound"]], dtype="Float64")
    df["year"] = df["year"].astype("int64")
    return df


def _band_names(fw: Framework, rank: int) -> set[str]:
    """Names a source may print for the band of 0-based ``rank``: the official name ("Kurang
    (Merintis)"), the name without its gloss ("Kurang") or the gloss alone ("Merintis")."""
    full = str(fw.bands["predicate"].iloc[rank])
    names = {full, full.split(" (")[0]}
    if " (" in full and full.endswith(")"):
        names.add(full.split(" (", 1)[1][:-1])
    return names


def _check_instrument(path, r, where: dict) -> None:
    """One row's instrument: consistent with its framework and year, and its printed predicate
    read against that instrument's bands (a disagreement needs a ``predicate_flag``)."""
    if r.instrument != r.framework:
        raise DataError(str(path), f"the instrument of the row's framework ({r.framework!r}): a value is published on "
                        "the instrument it was computed under", column="instrument", value=r.instrument, **where)
    fw = as_framework(r.instrument)
    if not fw.covers_year(r.year):
        raise DataError(str(path), f"an instrument used in {r.year} ({r.instrument} covers {fw.years_text})",
                        column="instrument", value=r.instrument, **where)
    if r.value is not None and not fw.level_min <= r.value <= fw.level_max:
        raise DataError(str(path), f"a value on the {r.instrument} scale, {fw.level_min}-{fw.level_max}",
                        column="value", value=str(r.value), **where)
    if r.bound is not None and not fw.level_min < r.bound <= fw.level_max:
        raise DataError(str(path), f"a bound on the {r.instrument} scale, above {fw.level_min} up to {fw.level_max}",
                        column="bound", value=str(r.bound), **where)
    if not r.predicate_printed or r.status != "exact":
        return
    band = int(fw.band_index(int(r.value * 100)))
    agrees = r.predicate_printed in _band_names(fw, band)
    if not agrees and not r.predicate_flag:
        raise DataError(str(path), f"the predicate of {r.value} on the {r.instrument} bands "
                        f"({fw.bands['predicate'].iloc[band]}), or a predicate_flag saying why the source "
                        "printed another", column="predicate_printed", value=r.predicate_printed, **where)
    if agrees and r.predicate_flag:
        raise DataError(str(path), f"no predicate_flag: the printed predicate agrees with the {r.instrument} bands",
                        column="predicate_flag", value=r.predicate_flag, **where)


def load_regencies(include_province: bool = False) -> pd.DataFrame:
    """The six regencies (kabupaten/kota) of Gorontalo Province.

    Parameters
    ----------
    include_province : bool
        Include the province row ("75").

    Returns
    -------
    DataFrame
        Indexed by BPS code (text: "7501" ... "7571"). Coordinates are approximate label
        positions (NA where no source gave one).

    Raises
    ------
    DataError
        Naming the line and column of a bad row in ``data/regencies.csv``.

    Examples
    --------
    >>> load_regencies().index.tolist()
    ['7501', '7502', '7503', '7504', '7505', '7571']
    """
    path = data_file("regencies.csv")
    df = T.read_csv_strict(path, REGENCY_COLUMNS, key="bps_code")
    for col in ("area_km2", "lat", "lon"):
        df[col] = pd.array([None if d is None else float(d) for d in df[col]], dtype="Float64")
    df = df.set_index("bps_code")
    if not include_province:
        df = df[df["kind"] != "provinsi"]
    return df


def load_codebook() -> pd.DataFrame:
    """The codebook: one row per (file, column) of every data file.

    Parameters
    ----------
    None

    Returns
    -------
    DataFrame

    Raises
    ------
    DataError
        For a bad row in ``data/codebook.csv``.

    Examples
    --------
    >>> "published_indices.csv" in set(load_codebook()["file"])
    True
    """
    return T.read_csv_strict(data_file("codebook.csv"), CODEBOOK_COLUMNS, key=("file", "column"))



def load_entities() -> pd.DataFrame:
    """Every government the analyses name: the six regencies, the province and the nation.

    Parameters
    ----------
    None

    Returns
    -------
    DataFrame
        Indexed by entity id (regencies first, in the order of ``regencies.csv``, then the
        province, then the nation), with ``kind`` (``kabupaten``, ``kota``, ``provinsi`` or
        ``nasional``) and ``short_name`` (the regencies' short names from ``regencies.csv``; the
        data's own text for the province and the nation). Display names in a language come from
        the presentation layer (:func:`spbe_analysis.labels.entity_names`), which names the
        province and the nation by their ``kind``.

    Raises
    ------
    DataError
        For a bad row in ``data/regencies.csv`` or ``data/published_indices.csv``.

    Examples
    --------
    >>> e = load_entities()
    >>> e.loc["7501", "short_name"], e.loc["75", "kind"], e.loc["IDN", "kind"]
    ('Boalemo', 'provinsi', 'nasional')
    """
    reg = load_regencies(include_province=True)
    order = [c for c, k in zip(reg.index, reg["kind"]) if k != "provinsi"] + list(reg.index[reg["kind"] == "provinsi"])
    out = reg.loc[order, ["kind", "short_name"]].rename_axis("entity_id")
    pub = load_published()
    nat = pub.loc[pub["entity_type"] == "nasional", ["entity_id", "entity"]].drop_duplicates("entity_id")
    nat = pd.DataFrame({"kind": "nasional", "short_name": list(nat["entity"])},
                       index=pd.Index(list(nat["entity_id"]), name="entity_id"))
    return pd.concat([out, nat])


def entity_codes(published: pd.DataFrame | None = None) -> tuple[tuple[str, ...], str, str]:
    """The codes the analyses compare, read from the data.

    Parameters
    ----------
    published : DataFrame, optional
        :func:`load_published` (loaded when not given).

    Returns
    -------
    tuple
        ``(six regency codes, province code, national code)``.

    Examples
    --------
    >>> entity_codes()
    (('7501', '7502', '7503', '7504', '7505', '7571'), '75', 'IDN')
    """
    reg = load_regencies(include_province=True)
    pub = load_published() if published is None else published
    codes = tuple(sorted(reg.index[reg["kind"] != "provinsi"]))
    prov = str(reg.index[reg["kind"] == "provinsi"][0])
    nat = pub.loc[pub["entity_type"] == "nasional", "entity_id"]
    return codes, prov, str(nat.iloc[0]) if len(nat) else ""


def framework_of_year(published: pd.DataFrame, year: int) -> Framework:
    """The framework the published values of ``year`` were computed under.

    Parameters
    ----------
    published : DataFrame
        :func:`load_published`.
    year : int

    Returns
    -------
    Framework

    Raises
    ------
    DataError
        When the year's rows name more than one framework (or none).

    Examples
    --------
    >>> framework_of_year(load_published(), 2024).name
    'spbe2020'
    """
    fws = set(published.loc[published["year"] == year, "framework"])
    if len(fws) != 1:
        raise DataError("published_indices.csv", "one framework per evaluation year", row=f"year {year}",
                        column="framework", value=sorted(fws))
    return as_framework(fws.pop())


#: The attribution line that must accompany every map drawn from ``geo/gorontalo_adm2.geojson``
#: (from ``geo/gorontalo_adm2.SOURCE.md``).
MAP_ATTRIBUTION = ("Batas wilayah / Boundaries: geoBoundaries (Runfola et al. 2020, PLOS ONE 15(4): e0231866), IDN ADM2, "
                   "from BPS, WFP and OCHA ROAP via HDX; CC BY 3.0 IGO; simplified.")


def load_boundaries() -> dict[str, list[list[list[tuple[float, float]]]]]:
    """Regency boundary polygons.

    Read from ``data/geo/gorontalo_adm2.geojson`` (CC BY 3.0 IGO; see its SOURCE.md) and validated.

    Parameters
    ----------
    None

    Returns
    -------
    dict
        ``{bps_code: [polygon, ...]}`` where a polygon is a list of rings (the outer ring first,
        then holes) of (lon, lat) points (WGS84).

    Raises
    ------
    DataError
        When the file is missing, unreadable, or lacks a regency.

    Examples
    --------
    >>> sorted(load_boundaries())
    ['7501', '7502', '7503', '7504', '7505', '7571']
    """
    import json

    path = data_file("geo/gorontalo_adm2.geojson")
    if not path.exists():
        raise DataError(str(path), "the boundary file to exist")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(str(path), "valid GeoJSON", row=f"line {exc.lineno}", value=exc.msg) from None
    if doc.get("type") != "FeatureCollection":
        raise DataError(str(path), "a GeoJSON FeatureCollection", column="type", value=doc.get("type"))
    codes = set(load_regencies().index)
    out: dict[str, list] = {}
    for k, feat in enumerate(doc.get("features", [])):
        code = str(feat.get("properties", {}).get("bps_code"))
        where = {"row": f"feature {k}"}
        if code not in codes:
            raise DataError(str(path), "the BPS code of one of the six regencies", column="bps_code", value=code, **where)
        geom = feat.get("geometry") or {}
        polys = {"Polygon": [geom.get("coordinates")], "MultiPolygon": geom.get("coordinates")}.get(geom.get("type"))
        if polys is None:
            raise DataError(str(path), "a Polygon or MultiPolygon geometry", column="geometry", value=geom.get("type"),
                            **where)
        rings_out = []
        for poly in polys:
            rings = []
            for ring in poly:
                pts = [(float(p[0]), float(p[1])) for p in ring]
                if len(pts) < 4 or not all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in pts):
                    raise DataError(str(path), "closed rings of at least 4 (lon, lat) points", column="geometry",
                                    value=code, **where)
                rings.append(pts)
            rings_out.append(rings)
        out[code] = rings_out
    missing = sorted(codes - set(out))
    if missing:
        raise DataError(str(path), "a feature for each of the six regencies", column="bps_code", value=missing)
    return out
