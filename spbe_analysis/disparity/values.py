"""What the disparity measures share: input checks (values as a labelled float Series, weights as
population shares; missing values are refused, never filled in or dropped) and the caveat that
every statistic of six regencies is descriptive."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .. import checks
from ..errors import DataError

#: The caveat carried by every convergence and mobility result.
DESCRIPTIVE = "descriptive only: six units, no sampling; not a statistical test"


def as_values(values: Any, source: str = "values argument", allow_empty: bool = False) -> pd.Series:
    """Values as a float Series (labels kept), refused if not numeric, missing or empty.

    Parameters
    ----------
    values : Series, list or array
        One-dimensional numbers.
    source : str
        What to call the argument in an error message.
    allow_empty : bool
        Whether no values at all is accepted.

    Returns
    -------
    Series
        float64, with the labels of ``values`` (0..n-1 for a list or array).

    Raises
    ------
    DataError
        For text, a mapping, a 2-D array, a missing or non-numeric value, or (unless
        ``allow_empty``) no values.

    Examples
    --------
    >>> as_values([2.4, 3]).tolist()
    [2.4, 3.0]
    """
    if isinstance(values, pd.Series):
        s = values
    elif isinstance(values, (str, bytes, dict)) or not hasattr(values, "__len__"):
        raise DataError(source, "a Series, list or array of numbers", value=type(values).__name__)
    else:
        arr = np.asarray(values)
        if arr.ndim != 1:
            raise DataError(source, "a one-dimensional list or array of numbers", value=arr.shape)
        s = pd.Series(list(arr))
    if len(s) == 0 and not allow_empty:
        raise DataError(source, "at least one value", value="empty")
    out = [float(checks.exact_number(v, source, row=k)) for k, v in s.items()]
    return pd.Series(out, index=s.index, name=s.name, dtype="float64")


def as_shares(n: int, weights: Any = None, source: str = "weights argument", labels: Any = None) -> np.ndarray:
    """Population shares ``s_i`` of ``n`` entities: equal without weights, else the weights
    divided by their sum.

    Parameters
    ----------
    n : int
        Number of entities.
    weights : sequence or Series, optional
        Non-negative populations or shares, not all zero.
    source : str
        What to call the weights in an error message.
    labels : sequence, optional
        The entities of the values, in order (the index of a Series of values). A Series of
        weights is then read by label, reordered to ``labels``; without ``labels``, or for a list
        or array, weights are read in order.

    Returns
    -------
    numpy.ndarray
        ``n`` shares summing to 1.

    Raises
    ------
    DataError
        For the wrong number of weights, a Series of weights whose labels are not those of the
        values, a negative weight or all zero.

    Examples
    --------
    >>> as_shares(2, [1, 3]).tolist(), as_shares(4).tolist()
    ([0.25, 0.75], [0.25, 0.25, 0.25, 0.25])
    >>> as_shares(2, pd.Series({"b": 3, "a": 1}), labels=["a", "b"]).tolist()
    [0.25, 0.75]
    """
    if weights is None:
        return np.full(n, 1 / n)
    if labels is not None and isinstance(weights, pd.Series):
        labels = list(labels)
        odd = sorted(set(weights.index) ^ set(labels), key=str)
        if odd or weights.index.has_duplicates or len(labels) != n:
            raise DataError(source, "a weight for every entity of the values, and only for those (read by label)",
                            row=odd[0] if odd else None, value=f"{len(weights)} weights for {len(labels)} values")
        weights = weights.reindex(labels)
    w = as_values(weights, source).to_numpy()
    if w.shape != (n,) or (w < 0).any() or w.sum() <= 0:
        raise DataError(source, f"{n} non-negative weights (populations or shares), not all zero", value=list(w))
    return w / w.sum()
