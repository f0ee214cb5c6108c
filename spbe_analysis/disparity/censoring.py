"""Dispersion when some published values are censored ("below 2.03"): exact bounds over every
possible published value, never an imputed one."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .. import checks
from ..errors import DataError
from ..frameworks import Framework
from ..official import to_hundredths
from .inequality import dispersion, row_measure
from .values import as_shares, as_values


def dispersion_bounds(exact: pd.Series, censored: dict[str, tuple[float, float]], measure: str = "cv",
                      weights: pd.Series | None = None, max_combinations: int = 2_000_000) -> tuple[float, float]:
    """Exact bounds of a dispersion measure when some values are censored.

    Every combination of possible 2-decimal values is evaluated, so the bounds are exact, not
    approximations.

    Parameters
    ----------
    exact : Series
        The exact values, by entity.
    censored : dict
        Entity -> (lowest, highest) possible *published* value (for "below 2.03" under SPBE 2020:
        (1.00, 2.02)).
    measure : {"sd", "cv", "range", "max_min_ratio", "gini", "theil", "mean"}
    weights : Series, optional
        Populations by entity: one for every entity of ``exact`` and ``censored`` (others are ignored).
    max_combinations : int
        Refuse rather than run longer than this many combinations.

    Returns
    -------
    tuple of float
        ``(min, max)`` of ``measure``.

    Raises
    ------
    DataError
        For a bad range, an unknown measure, an entity both exact and censored, weights missing an
        entity, or too many combinations.

    Examples
    --------
    >>> import pandas as pd
    >>> dispersion_bounds(pd.Series({"a": 2.0, "b": 3.0}), {"c": (1.0, 2.02)}, "range")
    (1.0, 2.0)
    """
    exact = as_values(exact, "exact argument", allow_empty=True)
    checks.choice(measure, ("sd", "cv", "range", "max_min_ratio", "gini", "theil", "mean"), "measure argument")
    censored = checks.mapping(censored, "censored argument")
    for e, b in censored.items():
        if not isinstance(b, tuple) or len(b) != 2 or \
                to_hundredths(b[0], None, "censored argument") > to_hundredths(b[1], None, "censored argument"):
            raise DataError("censored argument", "(lowest, highest) possible published value per entity", row=e, value=b)
    if len(exact) + len(censored) < 1:
        raise DataError("exact/censored arguments", "at least one value", value="none")
    names = list(censored)
    both = [e for e in names if e in exact.index]
    if both:
        raise DataError("exact/censored arguments", "each entity either exact or censored, not both", row=both[0])
    grids = [np.arange(to_hundredths(lo), to_hundredths(hi) + 1) / 100 for lo, hi in (censored[n] for n in names)]
    n_comb = math.prod(len(g) for g in grids)
    if n_comb > max_combinations:
        raise DataError("censored argument", f"at most max_combinations={max_combinations} combinations of censored "
                        "values", value=n_comb)
    base = exact.astype(float)
    order = list(base.index) + names
    if weights is not None:
        absent = [e for e in order if e not in getattr(weights, "index", ())]
        if not isinstance(weights, pd.Series) or absent:
            raise DataError("weights argument", "a Series of populations with a weight for every entity of exact and "
                            "censored", row=absent[0] if absent else None, value=type(weights).__name__)
    w = None if weights is None else weights.reindex(order).astype(float).to_numpy()
    if not names:
        v = float(dispersion(base.to_numpy(), w)[measure])
        return v, v
    shares = as_shares(len(order), w)
    mesh = np.stack(np.meshgrid(*grids, indexing="ij"), axis=-1).reshape(-1, len(names))
    x = np.concatenate([np.broadcast_to(base.to_numpy(), (len(mesh), len(base))), mesh], axis=1)
    vals = row_measure(x, measure, shares)
    return float(vals.min()), float(vals.max())


def censor_range(row: pd.Series, fw: Framework) -> tuple[float, float]:
    """Possible published values of a censored ('below') row.

    Parameters
    ----------
    row : Series
        A row of :func:`spbe_analysis.load_published` with ``status`` "below".
    fw : Framework

    Returns
    -------
    tuple of float
        ``(level_min, bound - 0.01)``.

    Examples
    --------
    >>> import pandas as pd
    >>> from spbe_analysis.frameworks import as_framework
    >>> censor_range(pd.Series({"bound": 2.03}), as_framework("spbe2020"))
    (1.0, 2.02)
    """
    return float(fw.level_min), (to_hundredths(float(row["bound"])) - 1) / 100
