"""Costs of level steps: the cost matrix every planner reads, and an example table that grows
with the level."""
from __future__ import annotations

from typing import Any, Mapping

import numpy as np
import pandas as pd

from .. import checks
from ..errors import DataError
from ..frameworks import Framework, as_framework


def cost_matrix(fw: Framework | str, cost: Any = None) -> np.ndarray:
    """Cost of each level step as an (indicators x levels) array.

    Parameters
    ----------
    fw : Framework or str
    cost : None, number, mapping, DataFrame or callable
        None (1 per step), a number (same for every step), a mapping indicator -> cost per step, a
        DataFrame (index: indicator ids, columns: levels, such as an effort table) or a callable
        ``(indicator, level) -> cost``. Costs must be positive and finite.

    Returns
    -------
    numpy.ndarray
        ``C[i, l]`` is the cost of raising indicator i *to* level ``level_min + l`` (column 0 is
        unused).

    Raises
    ------
    DataError
        Naming the indicator and level of a cost that is not positive and finite.

    Examples
    --------
    >>> cost_matrix("spbe2020", {"47": 2})[46].tolist()
    [1.0, 2.0, 2.0, 2.0, 2.0]
    """
    fw = as_framework(fw)
    levels = list(range(fw.level_min, fw.level_max + 1))
    C = np.ones((fw.n, len(levels)))
    src = "cost argument"
    if cost is None:
        pass
    elif isinstance(cost, (int, float, np.integer, np.floating)) and not isinstance(cost, (bool, np.bool_)):
        C[:] = checks.positive(cost, src)
    elif isinstance(cost, pd.DataFrame):
        for i_pos, i in enumerate(fw.ids):
            if i not in cost.index:
                raise DataError(src, "a row for every indicator", row=i)
            for l_pos, lv in enumerate(levels[1:], start=1):
                if lv not in cost.columns:
                    raise DataError(src, f"a column for level {lv}", row=i, column=lv)
                C[i_pos, l_pos] = checks.positive_at(cost.loc[i, lv], src, row=i, column=lv)
        extra = [r for r in cost.index if str(r) not in fw.indicators.index]
        if extra:
            raise DataError(src, f"rows only for indicators of {fw.name}", row=extra[0], value=extra[0])
    elif isinstance(cost, Mapping):
        for key, v in cost.items():
            k = str(key) if isinstance(key, (str, int, np.integer)) and not isinstance(key, (bool, np.bool_)) else None
            if k not in fw.indicators.index:
                raise DataError(src, f"indicator ids of {fw.name} as keys", column=key, value=key)
            C[fw.ids.index(k), :] = checks.positive_at(v, src, column=key)
    elif callable(cost):
        for i_pos, i in enumerate(fw.ids):
            for l_pos, lv in enumerate(levels[1:], start=1):
                C[i_pos, l_pos] = checks.positive_at(cost(i, lv), src, row=i, column=lv)
    else:
        raise DataError(src, "None, a number, a mapping, a DataFrame or a callable", value=type(cost).__name__)
    C[:, 0] = 1.0
    return C


def escalating_costs(fw: Framework | str, base: float = 1.0) -> pd.DataFrame:
    """An example cost table where higher levels cost more.

    Reaching level l costs ``base * (l - 1)`` (1 for level 2, 2 for level 3, ... 4 for level 5).

    Parameters
    ----------
    fw : Framework or str
    base : float
        Cost of reaching level 2.

    Returns
    -------
    DataFrame
        Indicators x levels, for every ``cost=`` argument.

    Raises
    ------
    DataError
        For a base that is not positive.

    Examples
    --------
    >>> escalating_costs("spbe2020").loc["1"].tolist()
    [1.0, 1.0, 2.0, 3.0, 4.0]
    """
    fw = as_framework(fw)
    base = checks.positive(base, "base argument")
    levels = list(range(fw.level_min, fw.level_max + 1))
    return pd.DataFrame([[base * max(lv - 1, 1) for lv in levels] for _ in fw.ids], index=list(fw.ids), columns=levels)


def uniform_step_cost(fw: Framework, cost: Any) -> float | None:
    """The common cost of every level step, or None when costs differ between steps.

    Parameters
    ----------
    fw : Framework
    cost : as in :func:`cost_matrix`

    Returns
    -------
    float or None

    Examples
    --------
    >>> uniform_step_cost(as_framework("spbe2020"), 2)
    2.0
    """
    C = cost_matrix(fw, cost)[:, 1:]
    return float(C.flat[0]) if np.all(C == C.flat[0]) else None


__all__ = ["cost_matrix", "escalating_costs", "uniform_step_cost"]
