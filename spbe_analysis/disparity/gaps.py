"""Gaps between official values: to the next band, to reference values, between entities.

Gaps are computed in integer hundredths, so a gap is exact (2.60 - 2.52 = 0.08, never
0.0799999). Positive gaps mean "below the reference".
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import checks
from ..frameworks import Framework, as_framework
from ..official import to_hundredths
from ..scoring import predicate
from .values import as_values


def next_band(value: float, fw: Framework | str) -> tuple[str | None, float | None]:
    """Name and lower edge of the band above ``value``.

    Parameters
    ----------
    value : float
        An official (2-decimal) value on the framework's scale.
    fw : Framework or str

    Returns
    -------
    tuple
        ``(name, lower edge)``, or ``(None, None)`` in the top band.

    Raises
    ------
    DataError
        For a value off the scale.

    Examples
    --------
    >>> next_band(2.52, "spbe2020")
    ('Baik', 2.6)
    """
    fw = as_framework(fw)
    k = int(fw.band_index(to_hundredths(value, fw)))
    if k + 1 >= len(fw.bands):
        return None, None
    return fw.band_names("id")[k + 1], float(fw.bands["lower"].iloc[k + 1])


def gap_to(value: float, target: float) -> float:
    """Exact gap ``target - value`` between 2-decimal values (positive = below target).

    Parameters
    ----------
    value, target : float
        Official 2-decimal values.

    Returns
    -------
    float

    Raises
    ------
    DataError
        For a missing or non-numeric value.

    Examples
    --------
    >>> gap_to(2.52, 2.60)
    0.08
    """
    return (to_hundredths(target, None, "target argument") - to_hundredths(value)) / 100


def gap_table(values: pd.Series, fw: Framework, province: float | None = None, national: float | None = None,
              targets: dict[str, float] | None = None) -> pd.DataFrame:
    """Gaps of each entity to the next band, the province, the nation and the best.

    Parameters
    ----------
    values : Series
        Official 2-decimal values indexed by entity id.
    fw : Framework or str
    province, national : float, optional
        Reference values.
    targets : dict, optional
        Further named targets, ``{name: value}``.

    Returns
    -------
    DataFrame
        Columns ``value``, ``predicate``, ``next_band``, ``gap_next_band`` (to the next band's lower
        edge; NA with ``next_band`` "-" in the top band), ``gap_province``, ``gap_national``,
        ``gap_best`` (to the best entity in ``values``) and ``gap_<name>`` for each target. Positive
        gaps mean "below"; a negative gap means the entity is above that reference.

    Raises
    ------
    DataError
        For a missing value or a reference off the scale.

    Examples
    --------
    >>> import pandas as pd
    >>> v = pd.Series({"7501": 2.40, "7502": 2.68, "7503": 2.52, "7504": 3.00, "7505": 2.89, "7571": 2.82})
    >>> r = gap_table(v, "spbe2020", province=4.13).loc["7501"]
    >>> r["next_band"], float(r["gap_next_band"]), float(r["gap_province"])
    ('Baik', 0.2, 1.73)
    """
    fw = as_framework(fw)
    values = as_values(values, "values argument")
    for nm, ref in (("province", province), ("national", national)):
        if ref is not None:
            to_hundredths(ref, fw, f"{nm} argument")
    targets = checks.mapping(targets or {}, "targets argument")
    for nm, tv in targets.items():
        to_hundredths(tv, fw, f"targets argument [{nm!r}]")
    for e, v in values.items():
        to_hundredths(v, fw, f"values argument [{e}]")
    rows = []
    best = max(to_hundredths(v) for v in values)
    for e, v in values.items():
        v = float(v)
        nb, edge = next_band(v, fw)
        r = {"entity": e, "value": v, "predicate": predicate(v, fw), "next_band": nb or "-",
             "gap_next_band": gap_to(v, edge) if edge is not None else pd.NA}
        if province is not None:
            r["gap_province"] = gap_to(v, province)
        if national is not None:
            r["gap_national"] = gap_to(v, national)
        r["gap_best"] = (best - to_hundredths(v)) / 100
        for name, tv in targets.items():
            r[f"gap_{name}"] = gap_to(v, tv)
        rows.append(r)
    df = pd.DataFrame(rows).set_index("entity")
    df["gap_next_band"] = df["gap_next_band"].astype("Float64")
    return df


def pairwise_gaps(values: pd.Series) -> pd.DataFrame:
    """Matrix of exact gaps: cell (row i, column j) = value_j - value_i.

    Parameters
    ----------
    values : Series
        Official 2-decimal values indexed by entity id.

    Returns
    -------
    DataFrame
        Entities x entities.

    Raises
    ------
    DataError
        For a missing or non-numeric value.

    Examples
    --------
    >>> import pandas as pd
    >>> v = pd.Series({"7501": 2.40, "7502": 2.68, "7503": 2.52, "7504": 3.00, "7505": 2.89, "7571": 2.82})
    >>> float(pairwise_gaps(v).loc["7501", "7504"])
    0.6
    """
    values = as_values(values, "values argument")
    h = np.array([to_hundredths(v) for v in values])
    return pd.DataFrame((h[None, :] - h[:, None]) / 100, index=values.index, columns=values.index)
