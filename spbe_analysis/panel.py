"""Helpers on the tidy table of published indices (``load_published()``). No I/O."""
from __future__ import annotations

import pandas as pd

from .frameworks import load_framework
from .scoring import predicate

REGENCY_CODES = ("7501", "7502", "7503", "7504", "7505", "7571")
PROVINCE_CODE = "75"
NATIONAL_ID = "IDN"


def snapshot(published: pd.DataFrame, year: int, entities: tuple[str, ...] = REGENCY_CODES,
             exact_only: bool = True) -> pd.DataFrame:
    """Rows of ``published`` for one year and the given entities, indexed by entity_id.

    With ``exact_only`` (default) every entity must have an exact value that year, otherwise
    a ValueError names the entity and its status: a missing or censored value is never
    silently dropped from a snapshot.
    """
    rows = published[(published["year"] == year) & published["entity_id"].isin(entities)].set_index("entity_id")
    absent = [e for e in entities if e not in rows.index]
    if absent:
        raise ValueError(f"no row for {absent} in {year}: published_indices.csv has no entry")
    rows = rows.loc[list(entities)]
    if exact_only:
        bad = rows[rows["status"] != "exact"]
        if len(bad):
            raise ValueError(f"{year}: no exact value for {', '.join(f'{e} ({s})' for e, s in bad['status'].items())}; "
                             "use exact_only=False to handle censored/missing values explicitly")
    return rows


def value_of(published: pd.DataFrame, entity_id: str, year: int) -> float | None:
    """The exact published value, or None when the value is missing or censored."""
    r = published[(published["entity_id"] == entity_id) & (published["year"] == year)]
    if len(r) == 0 or r["status"].iloc[0] != "exact":
        return None
    return float(r["value"].iloc[0])


def recompute_predicates(published: pd.DataFrame) -> pd.DataFrame:
    """For every exact published value: the printed predicate, the predicate recomputed from the
    bands of its framework, whether they agree, and the flag recorded in the data."""
    ex = published[published["status"] == "exact"].copy()
    ex["predicate_recomputed"] = [predicate(v, load_framework(f)) for v, f in zip(ex["value"], ex["framework"])]
    printed = ex["predicate_printed"].fillna("")
    ex["agrees"] = pd.array([None if p == "" else p == r for p, r in zip(printed, ex["predicate_recomputed"])],
                            dtype="boolean")
    return ex[["entity_id", "entity", "year", "framework", "value_text", "predicate_printed", "predicate_recomputed",
               "agrees", "predicate_flag", "verified"]].reset_index(drop=True)


def source_note(rows: pd.DataFrame, what: str = "") -> str:
    """Short source line for a figure footer: the sites (with dates where known) that published
    the rows, e.g. ``"SPBE 2024: politikal.co.id (2025-07); mino77-news.com"``."""
    parts = []
    for url, date in rows[["source_url", "source_date"]].drop_duplicates().itertuples(index=False):
        if not url:
            continue
        site = url.split("/")[2].removeprefix("www.")
        item = f"{site} ({date})" if date else site
        if item not in parts:
            parts.append(item)
    unverified = int((~rows["verified"] & (rows["status"] != "missing")).sum())
    text = "; ".join(parts) if parts else "no source"
    if unverified:
        text += f"; {unverified} unverified value(s)"
    return f"{what}: {text}" if what else text
