"""Assumption tables of the path planning, read from ``data/assumptions/`` (or a file of your own):

* ``effort.csv``: the relative effort of reaching each level of each indicator (grows with the
  level, from the level descriptions); supply your own in the same columns with a unit such as
  ``juta rupiah`` or ``staff-months`` and pass its path;
* ``prerequisites.csv``: "indicator at or above ``level`` counts in cycle t only if ``requires`` has
  been at or above ``requires_level`` since cycle t - ``min_years``" (``min_years`` empty or 0: a
  plain prerequisite; ``requires`` empty: the level below of the same indicator, held for
  ``min_years`` cycles, as in "consistent for more than two years"), each row with its basis and
  source. A cycle is refused, naming its rows.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import checks, csvio as T
from .errors import DataError
from .frameworks import Framework, as_framework

_EFFORT = [T.Column("framework", T.text()), T.Column("indicator", T.text()), T.Column("level", T.integer()),
           T.Column("effort", T.decimal()), T.Column("unit", T.text()), T.Column("basis", T.text())]
_PREREQ = [T.Column("framework", T.text()), T.Column("indicator", T.text()), T.Column("level", T.integer()),
           T.Column("requires", T.text(required=False)), T.Column("requires_level", T.integer(optional=True)),
           T.Column("min_years", T.integer(optional=True, min_value=0)), T.Column("basis", T.text()),
           T.Column("source", T.text())]


def load_effort(framework: Framework | str, path: str | Path | None = None) -> pd.DataFrame:
    """Effort of reaching each level, for the ``cost`` argument of the path functions.

    Every indicator of the framework needs exactly one positive effort per level above the lowest.

    Parameters
    ----------
    framework : Framework or str
    path : str or Path, optional
        A file of your own with the columns of ``data/assumptions/effort.csv`` (for example in
        rupiah or staff-months); the package's table by default.

    Returns
    -------
    DataFrame
        Indicators x levels (column ``level_min`` unused); :func:`effort_unit` gives the unit.

    Raises
    ------
    DataError
        Naming the file, line and column of a missing, repeated or non-positive effort.

    Examples
    --------
    >>> e = load_effort("spbe2020")
    >>> float(e.loc["1", 2]), float(e.loc["47", 5])
    (0.5, 6.0)
    """
    fw = as_framework(framework)
    p = T.file_or_default(path, "assumptions/effort.csv")
    df = T.read_csv_strict(p, _EFFORT, key=("framework", "indicator", "level"))
    df = df[df["framework"] == fw.name]
    if df.empty:
        raise DataError(str(p), f"effort rows for framework {fw.name}", column="framework")
    levels = list(range(fw.level_min + 1, fw.level_max + 1))
    out = pd.DataFrame(1.0, index=list(fw.ids), columns=[fw.level_min] + levels)
    seen = set()
    for where, r in T.located_rows(df):
        if r.indicator not in fw.indicators.index or r.level not in levels:
            raise DataError(str(p), f"an indicator of {fw.name} and a level {levels[0]}-{levels[-1]}",
                            column="indicator" if r.indicator not in fw.indicators.index else "level",
                            value=r.indicator if r.indicator not in fw.indicators.index else r.level, **where)
        if r.effort <= 0:
            raise DataError(str(p), "a positive effort", column="effort", value=str(r.effort), **where)
        out.loc[r.indicator, r.level] = float(r.effort)
        seen.add((r.indicator, r.level))
    missing = [(i, lv) for i in fw.ids for lv in levels if (i, lv) not in seen]
    if missing:
        raise DataError(str(p), f"an effort for every indicator and level of {fw.name}", row=missing[0][0],
                        column=missing[0][1])
    units = sorted(set(df["unit"]))
    if len(units) != 1:
        raise DataError(str(p), "one unit for every row of a framework", column="unit", value=units)
    return out


@dataclass(frozen=True)
class Prerequisites:
    """Validated prerequisite rows of one framework: ``rows`` has ``indicator``, ``level``,
    ``requires``, ``requires_level`` (empty for a lead-time row), ``min_years``, ``basis``,
    ``source`` and ``line`` (in the file)."""

    framework: str
    rows: pd.DataFrame
    source: str

    @property
    def edges(self) -> pd.DataFrame:
        return self.rows[self.rows["requires"] != ""]

    @property
    def dwell(self) -> pd.DataFrame:
        """The rows that ask for a level held for some cycles (``min_years`` >= 1)."""
        return self.rows[self.rows["min_years"].fillna(0) > 0]

    def describe(self, k: int) -> str:
        """Row ``k`` of :attr:`rows` in words: '32 >= 4 needs 18 >= 3', 'I1 >= 4 needs I1 >= 3
        held 2 cycles'."""
        r = self.rows.iloc[k]
        d = 0 if pd.isna(r["min_years"]) else int(r["min_years"])
        held = f" held {d} cycle{'s' if d > 1 else ''}" if d else ""
        if r["requires"]:
            return f"{r['indicator']} >= {r['level']} needs {r['requires']} >= {int(r['requires_level'])}{held}"
        return f"{r['indicator']} >= {r['level']} needs {r['indicator']} >= {int(r['level']) - 1}{held}"


def _find_cycle(rows: pd.DataFrame, fw: Framework) -> list[int] | None:
    """Row positions forming a cycle among (indicator, level) nodes, or None. A node (i, l) depends
    on (i, l - 1) (levels are climbed in order) and on every (j, m) a row asks of level <= l."""
    deps: dict[tuple[str, int], list[tuple[tuple[str, int], int | None]]] = {}
    for i in fw.ids:
        for lv in range(fw.level_min + 1, fw.level_max + 1):
            deps[(i, lv)] = [((i, lv - 1), None)] if lv - 1 > fw.level_min else []
    for k, r in enumerate(rows.itertuples()):
        if not r.requires:
            continue
        for lv in range(int(r.level), fw.level_max + 1):
            if int(r.requires_level) > fw.level_min:
                deps[(r.indicator, lv)].append(((r.requires, int(r.requires_level)), k))
    state: dict = {}
    stack: list = []

    def visit(node) -> list[int] | None:
        state[node] = 1
        for nxt, k in deps.get(node, []):
            stack.append(k)
            if state.get(nxt) == 1:
                return [x for x in stack if x is not None]
            if state.get(nxt) is None:
                found = visit(nxt)
                if found is not None:
                    return found
            stack.pop()
        state[node] = 2
        return None

    for node in deps:
        if state.get(node) is None:
            found = visit(node)
            if found is not None:
                return sorted(set(found))
    return None


def load_prerequisites(framework: Framework | str, path: str | Path | None = None,
                       table: pd.DataFrame | None = None) -> Prerequisites:
    """Prerequisites of ``framework``, validated.

    Ids and levels exist, a row either names a requirement or a lead time, and there is no cycle
    (a cycle makes its levels unreachable; the error names the rows that form it).

    Parameters
    ----------
    framework : Framework or str
    path : str or Path, optional
        A file with the columns of ``data/assumptions/prerequisites.csv`` (the package's by default).
    table : DataFrame, optional
        The same rows as a table.

    Returns
    -------
    Prerequisites

    Raises
    ------
    DataError
        Naming the file, line and column of a bad row, or the rows of a cycle.

    Examples
    --------
    >>> pr = load_prerequisites("spbe2020")
    >>> pr.describe(0)
    '21 >= 4 needs 19 >= 3'
    """
    fw = as_framework(framework)
    if table is not None:
        p = Path("prerequisites table")
        df = table.copy()
        for c in [c.name for c in _PREREQ]:
            if c not in df.columns:
                raise DataError("table argument", f"the columns {[c.name for c in _PREREQ]}", column=c)
        df["requires"] = df["requires"].fillna("").astype(str)
        df["line"] = [f"row {k}" for k in range(len(df))]
    else:
        p = T.file_or_default(path, "assumptions/prerequisites.csv")
        df = T.read_csv_strict(p, _PREREQ)
        df["line"] = [f"line {k + 2}" for k in range(len(df))]
    df = df[df["framework"] == fw.name].reset_index(drop=True)
    src = str(p)
    for r in df.itertuples():
        where = {"row": r.line}
        if r.indicator not in fw.indicators.index:
            raise DataError(src, f"an indicator of {fw.name}", column="indicator", value=r.indicator, **where)
        lv = checks.exact_number(r.level, src, column="level", expected=f"a level {fw.level_min + 1}-{fw.level_max}",
                                 **where)
        if lv.denominator != 1 or not fw.level_min < lv <= fw.level_max:
            raise DataError(src, f"a level {fw.level_min + 1}-{fw.level_max}", column="level", value=r.level, **where)
        has_req = bool(r.requires)
        if has_req:
            if r.requires not in fw.indicators.index or r.requires == r.indicator:
                raise DataError(src, f"another indicator of {fw.name}", column="requires", value=r.requires, **where)
            rl = r.requires_level
            if rl is None or pd.isna(rl) or not isinstance(rl, (int, float, np.integer, np.floating)) \
                    or rl != int(rl) or not fw.level_min <= int(rl) <= fw.level_max:
                raise DataError(src, f"a required level {fw.level_min}-{fw.level_max}", column="requires_level",
                                value=rl, **where)
        elif r.min_years is None or pd.isna(r.min_years) or int(r.min_years) < 1:
            raise DataError(src, "a requirement (requires, requires_level) or a dwell time (min_years >= 1)",
                            column="requires", **where)
    df["requires_level"] = pd.array([None if v is None or pd.isna(v) else int(v) for v in df["requires_level"]],
                                    dtype="Int64")
    df["min_years"] = pd.array([None if v is None or pd.isna(v) else int(v) for v in df["min_years"]], dtype="Int64")
    cyc = _find_cycle(df, fw)
    if cyc is not None:
        pr = Prerequisites(fw.name, df, src)
        raise DataError(src, "prerequisites without a cycle (a cycle makes its levels unreachable): "
                        + "; ".join(f"{df['line'].iloc[k]}: {pr.describe(k)}" for k in cyc), column="requires")
    return Prerequisites(fw.name, df, src)


def effort_unit(framework: Framework | str, path: str | Path | None = None) -> str:
    """The unit of an effort table (one unit for every row of a framework).

    Parameters
    ----------
    framework : Framework or str
    path : str or Path, optional
        A file with the columns of ``data/assumptions/effort.csv`` (the package's by default).

    Returns
    -------
    str

    Raises
    ------
    DataError
        For a file whose rows of the framework do not share one unit (as :func:`load_effort`).

    Examples
    --------
    >>> effort_unit("spbe2020").split(" (")[0]
    'relative effort'
    """
    fw = as_framework(framework)
    load_effort(fw, path)                                 # validates, one unit included
    df = T.read_csv_strict(T.file_or_default(path, "assumptions/effort.csv"), _EFFORT,
                           key=("framework", "indicator", "level"))
    return str(df.loc[df["framework"] == fw.name, "unit"].iloc[0])


def as_prerequisites(prerequisites: object, framework: Framework) -> Prerequisites | None:
    """Prerequisites from what a path function was given.

    Parameters
    ----------
    prerequisites : None, Prerequisites, DataFrame or path
    framework : Framework

    Returns
    -------
    Prerequisites or None

    Raises
    ------
    DataError
        For prerequisites of another framework, or a table or file that fails validation.

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> as_prerequisites(None, as_framework("spbe2020")) is None
    True
    """
    if prerequisites is None:
        return None
    if isinstance(prerequisites, Prerequisites):
        if prerequisites.framework != framework.name:
            raise DataError("prerequisites argument", f"prerequisites of {framework.name}",
                            value=prerequisites.framework)
        return prerequisites
    if isinstance(prerequisites, pd.DataFrame):
        return load_prerequisites(framework, table=prerequisites)
    if isinstance(prerequisites, (str, Path)):
        return load_prerequisites(framework, path=prerequisites)
    raise DataError("prerequisites argument", "None, a Prerequisites, a table or a path", value=type(prerequisites).__name__)





@dataclass(frozen=True)
class SharedEffort:
    """A one-off effort that several level steps share.

    ``steps`` are ``(indicator, level)`` pairs: taking any of them needs the item, whose ``cost``
    is paid once (in the same units as the level steps); each member step's own cost is then the
    residual work. Example: one planning document (RPJMD or Renstra revision carrying the national
    action plan and the architecture) that serves the level-2 steps of several policy indicators.
    """

    name: str
    cost: float
    steps: tuple = ()


_SHARED_COLS = [
    T.Column("item", T.text()), T.Column("framework", T.text()), T.Column("indicator", T.text()),
    T.Column("level", T.integer()), T.Column("item_effort", T.decimal()), T.Column("basis", T.text()),
]


def load_shared_efforts(framework: Framework | str, path: str | Path | None = None) -> list:
    """One-off efforts shared by several steps of a plan (``data/assumptions/shared_efforts.csv``).

    Each row is a member step (indicator, level) of an item; the item's effort is repeated on
    every member row and counts once when any member step is taken (the member's own effort in
    ``effort.csv`` is then the residual work).

    Parameters
    ----------
    framework : Framework or str
    path : str or Path, optional
        A file of your own with the same columns.

    Returns
    -------
    list of SharedEffort
        One item per shared effort of the framework, with its member steps (empty when the
        framework has none), for the ``shared=`` argument of the planners.

    Raises
    ------
    DataError
        For an unknown indicator, a level outside the framework's steps, a non-positive effort,
        an item whose rows disagree on its effort, or a repeated member step.

    Examples
    --------
    >>> se = load_shared_efforts("pemdi2026")
    >>> se[0].name, se[0].steps[0]
    ('pemdi_planning_document', ('I1', 2))
    """
    fw = as_framework(framework)
    p = T.file_or_default(path, "assumptions/shared_efforts.csv")
    src = str(p)
    df = T.read_csv_strict(p, _SHARED_COLS, key=("item", "framework", "indicator", "level"))
    df["line"] = [f"line {k + 2}" for k in range(len(df))]
    df = df[df["framework"] == fw.name].reset_index(drop=True)
    items: dict[str, float] = {}
    for r in df.itertuples():
        if r.indicator not in fw.indicators.index:
            raise DataError(src, f"an indicator of {fw.name}", row=r.line, column="indicator", value=r.indicator)
        if not fw.level_min < r.level <= fw.level_max:
            raise DataError(src, f"a level {fw.level_min + 1}-{fw.level_max}", row=r.line, column="level", value=r.level)
        if r.item_effort <= 0:
            raise DataError(src, "a positive item_effort", row=r.line, column="item_effort", value=str(r.item_effort))
        if r.item in items and items[r.item] != float(r.item_effort):
            raise DataError(src, f"the same item_effort on every row of item {r.item!r} ({items[r.item]})",
                            row=r.line, column="item_effort", value=str(r.item_effort))
        items[r.item] = float(r.item_effort)
    return [SharedEffort(name, cost, tuple((r.indicator, int(r.level)) for r in df[df["item"] == name].itertuples()))
            for name, cost in items.items()]


def effort_by_aspect(effort: pd.DataFrame, framework: Framework | str) -> pd.DataFrame:
    """Mean effort of reaching each level, per aspect, to show an effort table at a glance.

    Parameters
    ----------
    effort : DataFrame
        From :func:`load_effort`.
    framework : Framework or str

    Returns
    -------
    DataFrame
        Aspects x levels above the lowest.

    Examples
    --------
    >>> effort_by_aspect(load_effort("spbe2020"), "spbe2020").shape
    (8, 4)
    """
    fw = as_framework(framework)
    levels = [c for c in effort.columns if c != fw.level_min]
    e = effort.loc[list(fw.ids), levels].astype(float)
    out = e.groupby(fw.indicators["aspect"]).mean()
    out.index.name = "aspect"
    return out
__all__ = ["Prerequisites", "SharedEffort", "load_shared_efforts", "as_prerequisites", "effort_by_aspect", "effort_unit", "load_effort", "load_prerequisites"]
