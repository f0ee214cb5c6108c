"""The one solver of the package: mixed-integer linear programmes with HiGHS through
``scipy.optimize.milp``, with HiGHS's C-level debugging output kept off notebook pages."""
from __future__ import annotations

import contextlib
import os
import sys
from typing import Any

import numpy as np


@contextlib.contextmanager
def native_stdout_silenced():
    """Send the process's file descriptor 1 to the null device for the duration.

    HiGHS (scipy's MILP solver) prints an internal debugging line
    (``HighsMipSolverData::transformNewIntegerFeasibleSolution tmpSolver.run();``) straight to the
    C-level standard output whatever its display options (ERGO-Code/HiGHS#2783); on a notebook
    page it would appear as output. The solution itself is checked by the caller.
    """
    try:
        fd = sys.__stdout__.fileno() if sys.__stdout__ is not None else 1
    except (AttributeError, OSError, ValueError):
        fd = 1
    for stream in (sys.stdout, sys.__stdout__):
        if stream is not None:
            stream.flush()
    saved = os.dup(fd)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), fd)
            yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)


def solve(c: np.ndarray, rows: Any, lbs: list, ubs: list, upper: np.ndarray) -> Any:
    """Minimise ``c @ x`` over binary ``x <= upper`` subject to ``lbs <= rows @ x <= ubs``, to proven
    optimality (no relative gap: a tie-break worth less than the default gap is still honoured).

    ``rows`` is a list of dense rows or a (sparse) matrix.

    Examples
    --------
    >>> import numpy as np
    >>> solve(np.array([1.0, 2.0]), [np.array([1.0, 1.0])], [1], [np.inf], np.ones(2)).x.round().tolist()
    [1.0, 0.0]
    """
    from scipy.optimize import Bounds, LinearConstraint, milp  # lazy: most pages never solve
    nv = len(c)
    if isinstance(rows, list):
        rows = np.vstack(rows) if rows else None
    cons = LinearConstraint(rows, lbs, ubs) if rows is not None and rows.shape[0] else None
    with native_stdout_silenced():
        return milp(c, integrality=np.ones(nv), bounds=Bounds(np.zeros(nv), upper), constraints=cons,
                    options={"mip_rel_gap": 0.0})


__all__ = ["native_stdout_silenced", "solve"]
