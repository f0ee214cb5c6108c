"""Loaders for the sourced data files in ``data/``. Each file is parsed strictly (see
``_tables``) and checked for consistency; a bad cell raises a located :class:`DataError`.
"""
from __future__ import annotations

import pandas as pd

from . import _tables as T
from .config import data_file
from .errors import DataError
from .frameworks import FRAMEWORK_NAMES

PUBLISHED_COLUMNS = [
    T.Column("entity_id", T.text()), T.Column("entity", T.text()),
    T.Column("entity_type", T.one_of("provinsi", "kabupaten", "kota", "nasional", "target")),
    T.Column("bps_code", T.text(required=False)), T.Column("year", T.integer(min_value=2018)),
    T.Column("framework", T.one_of(*FRAMEWORK_NAMES)),
    T.Column("status", T.one_of("exact", "below", "missing")),
    T.Column("value", T.decimal(2, optional=True)), T.Column("bound", T.decimal(2, optional=True)),
    T.Column("predicate_printed", T.text(required=False)), T.Column("predicate_flag", T.text(required=False)),
    T.Column("source_url", T.text(required=False)), T.Column("source_date", T.text(required=False)),
    T.Column("verified", T.boolean()), T.Column("note", T.text(required=False)),
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

    ``status`` says what is known: ``exact`` (``value`` is the published 2-decimal index),
    ``below`` (censored: only ``value < bound`` is known; ``value`` is empty) or ``missing``
    (no published value found). Missing and censored values are never filled in: ``value``
    is NA there. ``value`` and ``bound`` are floats with 2 decimals (their exact decimal form
    is in ``value_text``).
    """
    path = data_file("published_indices.csv")
    df = T.read_csv_strict(path, PUBLISHED_COLUMNS, key=("entity_id", "year"))
    for line, r in zip(range(2, len(df) + 2), df.itertuples()):
        where = {"row": f"line {line}"}
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
    df["value_text"] = df["value"].map(lambda d: "" if d is None else f"{d}")
    df["value"] = pd.array([None if d is None else float(d) for d in df["value"]], dtype="Float64")
    df["bound"] = pd.array([None if d is None else float(d) for d in df["bound"]], dtype="Float64")
    df["year"] = df["year"].astype("int64")
    return df


def load_regencies(include_province: bool = False) -> pd.DataFrame:
    """The six regencies (kabupaten/kota) of Gorontalo Province, indexed by BPS code
    (text: "7501" ... "7571"); with ``include_province`` the province row ("75") too.

    Coordinates are approximate label positions (NA where no source gave one)."""
    path = data_file("regencies.csv")
    df = T.read_csv_strict(path, REGENCY_COLUMNS, key="bps_code")
    for col in ("area_km2", "lat", "lon"):
        df[col] = pd.array([None if d is None else float(d) for d in df[col]], dtype="Float64")
    df = df.set_index("bps_code")
    if not include_province:
        df = df[df["kind"] != "provinsi"]
    return df


def load_codebook() -> pd.DataFrame:
    """The codebook: one row per (file, column) of every data file."""
    return T.read_csv_strict(data_file("codebook.csv"), CODEBOOK_COLUMNS, key=("file", "column"))

