"""Mobility between two years: rank changes (Kendall tau) and moves between predicate bands,
censored rows kept as the set of bands they could lie in."""
from __future__ import annotations

import pandas as pd

from .. import checks
from ..errors import DataError
from ..frameworks import Framework
from ..official import to_hundredths
from ..scoring import predicate
from ..panel import same_instrument, snapshot
from .censoring import censor_range
from .values import DESCRIPTIVE, as_values


def rank_mobility(v0: pd.Series, v1: pd.Series) -> dict:
    """Kendall tau between the values of two years (same entities, exact values).

    Parameters
    ----------
    v0, v1 : Series
        Values indexed by entity, the same entities in both.

    Returns
    -------
    dict
        ``tau``, ``n``, ``ranks`` (rank in each year and the change) and the descriptive ``note``.

    Raises
    ------
    DataError
        For series that are not indexed by the same entities, or a missing or non-numeric value.

    Examples
    --------
    >>> import pandas as pd
    >>> rank_mobility(pd.Series({"a": 1.0, "b": 2.0, "c": 3.0}), pd.Series({"a": 1.5, "b": 2.5, "c": 3.5}))["tau"]
    1.0
    """
    from scipy import stats  # lazy: most pages never need it
    for name, v in (("v0", v0), ("v1", v1)):
        if not isinstance(v, pd.Series) or len(v) < 2:
            raise DataError(f"{name} argument", "a Series of at least 2 values indexed by entity", value=type(v).__name__)
    if set(v0.index) != set(v1.index) or len(v0) != len(v1):
        odd = sorted(set(v0.index) ^ set(v1.index), key=str)
        raise DataError("v0/v1 arguments", "the same entities in both years", row=odd[0] if odd else None,
                        value=f"{len(v0)} and {len(v1)} values")
    common = v0.index
    v0, v1 = as_values(v0, "v0 argument"), as_values(v1, "v1 argument")
    tau = stats.kendalltau(v0.loc[common], v1.loc[common])
    ranks = pd.DataFrame({"rank_0": v0.loc[common].rank(ascending=False, method="min").astype(int),
                          "rank_1": v1.loc[common].rank(ascending=False, method="min").astype(int)})
    ranks["change"] = ranks["rank_0"] - ranks["rank_1"]
    return {"tau": float(tau.statistic), "n": len(common), "ranks": ranks, "note": DESCRIPTIVE}


def band_label(row: pd.Series, fw: Framework) -> str:
    """Predicate of a published row, or every band a censored row could lie in.

    Parameters
    ----------
    row : Series
        A row of :func:`spbe_analysis.load_published`.
    fw : Framework

    Returns
    -------
    str
        The predicate; for a censored row the possible bands joined by "/" (e.g. 'Kurang/Cukup');
        'n/a' when missing.

    Examples
    --------
    >>> import pandas as pd
    >>> from spbe_analysis.frameworks import as_framework
    >>> band_label(pd.Series({"status": "below", "bound": 2.03}), as_framework("spbe2020"))
    'Kurang/Cukup'
    """
    if row["status"] == "exact":
        return predicate(float(row["value"]), fw)
    if row["status"] == "below":
        lo, hi = censor_range(row, fw)
        names = fw.band_names("id")
        return "/".join(names[int(fw.band_index(to_hundredths(lo))): int(fw.band_index(to_hundredths(hi))) + 1])
    return "n/a"


def band_transitions(published: pd.DataFrame, entities: tuple[str, ...], y0: int, y1: int,
                     fw: Framework) -> pd.DataFrame:
    """Per entity: band in ``y0`` and ``y1`` and whether it moved.

    Parameters
    ----------
    published : DataFrame
        :func:`spbe_analysis.load_published`.
    entities : tuple of str
    y0, y1 : int
    fw : Framework

    Returns
    -------
    DataFrame
        Band in each year (censored rows as the set of possible bands) and ``move``: ``up``,
        ``same`` or ``down`` (``uncertain`` when a censored band spans the move).

    Raises
    ------
    DataError
        For an entity without a row in either year, or years on different instruments.

    Examples
    --------
    >>> from spbe_analysis import load_published
    >>> from spbe_analysis.frameworks import as_framework
    >>> band_transitions(load_published(), ("7504",), 2023, 2024, as_framework("spbe2020"))["move"].tolist()
    ['same']
    """
    if "instrument" in published.columns:
        same_instrument(published, [y0, y1], "y0/y1 arguments (band transitions)")
    names = fw.band_names("id")
    rank = {n: i for i, n in enumerate(names)}
    entities = checks.collection(entities, "entities argument", allow_empty=False)
    rows0, rows1 = (snapshot(published, y, entities, exact_only=False) for y in (y0, y1))
    out = []
    for e in entities:
        b0, b1 = band_label(rows0.loc[e], fw), band_label(rows1.loc[e], fw)
        if "n/a" in (b0, b1):
            move = "n/a"
        else:
            k0 = [rank[b] for b in b0.split("/")]
            k1 = [rank[b] for b in b1.split("/")]
            if min(k1) > max(k0):
                move = "up"
            elif max(k1) < min(k0):
                move = "down"
            elif len(k0) == len(k1) == 1:
                move = "same"
            else:
                move = "uncertain"
        out.append({"entity": e, f"band_{y0}": b0, f"band_{y1}": b1, "move": move})
    return pd.DataFrame(out).set_index("entity")
