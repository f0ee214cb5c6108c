"""SPBE and PEMDI frameworks: indicators, hierarchy, exact weights and predicate bands.

A :class:`Framework` is read from ``data/framework_<name>.csv``, ``data/frameworks.csv`` and
``data/predicate_bands.csv`` and validated on load. Weights are percentages of the overall
index kept as exact fractions; internally every weight is also an integer number of
``1/denominator`` percentage points (``units``), so that all sums are exact integers.
"""
from __future__ import annotations

import datetime
import functools
import math
import re
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import csvio as T
from .config import data_dir
from .bands import PredicateBands
from .errors import DataError

FRAMEWORK_NAMES = ("spbe2018", "spbe2020", "pemdi2026")

_META_COLUMNS = [
    T.Column("framework", T.text()), T.Column("title", T.text()), T.Column("regulation", T.text()),
    T.Column("evaluation_years", T.text()), T.Column("n_indicators", T.integer(min_value=1)),
    T.Column("level_min", T.integer()), T.Column("level_max", T.integer()),
    T.Column("level_step", T.fraction()), T.Column("has_domains", T.boolean()),
    T.Column("status", T.text()), T.Column("source", T.text()), T.Column("source_date", T.text()),
]
_BAND_COLUMNS = [
    T.Column("framework", T.text()), T.Column("rank", T.integer(min_value=1)),
    T.Column("predicate", T.text()), T.Column("predicate_en", T.text()),
    T.Column("lower_inclusive", T.decimal(2)), T.Column("upper_exclusive", T.decimal(2)),
    T.Column("status", T.text()), T.Column("source", T.text()), T.Column("source_date", T.text()),
]


def _indicator_columns(has_domains: bool) -> list[T.Column]:
    cols = [T.Column("indicator", T.text())]
    if has_domains:
        cols += [T.Column("domain", T.integer(min_value=1)), T.Column("domain_name", T.text())]
    cols += [
        T.Column("aspect", T.integer(min_value=1)), T.Column("aspect_name", T.text()),
        T.Column("name_id", T.text()), T.Column("name_en", T.text()),
        T.Column("weight_pct", T.fraction()), T.Column("source", T.text()),
        T.Column("source_date", T.text()),
    ]
    return cols


@dataclass(frozen=True, eq=False)
class Framework(PredicateBands):
    """An evaluation framework.

    Attributes
    ----------
    indicators : DataFrame indexed by indicator id (text, as written in the framework table:
        "1".."47", "35a", "I1") with ``domain`` (0 where the framework has no domains),
        ``domain_name``, ``aspect``, ``aspect_name``, ``name_id``, ``name_en``, ``weight``
        (exact :class:`~fractions.Fraction`, percent of the overall index) and ``weight_pct`` (float).
    bands : DataFrame of predicate bands ordered by rank: ``predicate``, ``predicate_en``,
        ``lower`` and ``upper`` (Decimal, 2 decimals; lower inclusive, upper exclusive, the
        top band includes ``level_max``). Ask for bands by name, never by rank number
        (:class:`~spbe_analysis.bands.PredicateBands`: ``band``, ``bands_at_or_above``, ``band_edges``).
    level_min, level_max, level_step : the admissible capability levels.
    """

    name: str
    title: str
    indicators: pd.DataFrame
    bands: pd.DataFrame
    level_min: int
    level_max: int
    level_step: Fraction = Fraction(1)
    has_domains: bool = True
    source: str = ""
    first_year: int | None = None
    last_year: int | None = None
    units: np.ndarray = field(init=False, repr=False)
    denominator: int = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.level_step <= 0 or self.level_step.numerator != 1:
            raise DataError(f"framework {self.name!r}", "a level step of the form 1/q (1 = whole levels, 1/100 = "
                            "values to two decimals)", column="level_step", value=str(self.level_step))
        weights = list(self.indicators["weight"])
        den = math.lcm(*(w.denominator for w in weights))
        object.__setattr__(self, "denominator", den)
        units = np.array([int(w * den) for w in weights], dtype=np.int64)
        units.setflags(write=False)
        object.__setattr__(self, "units", units)

    # -- structure ---------------------------------------------------------------------
    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self.indicators.index)

    @property
    def n(self) -> int:
        return len(self.indicators)

    @property
    def value_decimals(self) -> int:
        """Decimals an indicator value is given to (0 for whole levels, 2 for PEMDI)."""
        q, d = self.level_step.denominator, 0
        while q % 10 == 0:
            q, d = q // 10, d + 1
        return d

    @property
    def decimal_values(self) -> bool:
        """True where indicator values are not whole levels (PEMDI)."""
        return self.level_step != 1

    @property
    def total_units(self) -> int:
        """Sum of the integer weight units: 100 * denominator."""
        return 100 * self.denominator

    def groups(self, level: str) -> pd.Index:
        """Ordered ids of the aspects or domains (empty for domains of PEMDI)."""
        if level == "domain" and not self.has_domains:
            return pd.Index([], dtype="int64", name="domain")
        col = {"aspect": "aspect", "domain": "domain"}[level]
        return pd.Index(sorted(self.indicators[col].unique()), name=col)

    def group_names(self, level: str) -> pd.Series:
        col = {"aspect": "aspect", "domain": "domain"}[level]
        if level == "domain" and not self.has_domains:
            return pd.Series([], dtype=object, name="domain_name")
        return self.indicators.groupby(col)[f"{col}_name"].first()

    def membership(self, level: str) -> np.ndarray:
        """0/1 matrix (indicators x groups) of indicator membership in aspects or domains."""
        groups = self.groups(level)
        if len(groups) == 0:
            return np.zeros((self.n, 0), dtype=np.int64)
        col = self.indicators[level].to_numpy()
        return (col[:, None] == groups.to_numpy()[None, :]).astype(np.int64)

    def group_units(self, level: str) -> np.ndarray:
        """Integer weight units of each aspect or domain."""
        return self.units @ self.membership(level)

    def covers_year(self, year: int) -> bool:
        """Whether evaluations of ``year`` used this framework (open-ended frameworks: any later year
        up to the current cycle)."""
        lo = self.first_year if self.first_year is not None else -10**9
        hi = self.last_year if self.last_year is not None else datetime.date.today().year
        return lo <= int(year) <= hi

    @property
    def years_text(self) -> str:
        if self.first_year is None:
            return "any year"
        return f"{self.first_year}-{self.last_year}" if self.last_year else f"{self.first_year}-"

    def __repr__(self) -> str:  # pragma: no cover - cosmetic
        return (f"Framework({self.name!r}: {self.n} indicators, "
                f"{len(self.groups('aspect'))} aspects, {len(self.groups('domain'))} domains)")


def as_framework(framework: Framework | str, source: str = "framework argument") -> Framework:
    """A :class:`Framework` from itself or its name.

    Parameters
    ----------
    framework : Framework or str
        A framework, or one of the names ``"spbe2018"``, ``"spbe2020"``, ``"pemdi2026"``.
    source : str
        What to call the argument in an error message.

    Returns
    -------
    Framework

    Raises
    ------
    DataError
        For anything else, or an unknown name.

    Examples
    --------
    >>> as_framework("spbe2020").n
    47
    """
    if isinstance(framework, Framework):
        return framework
    if isinstance(framework, str):
        return load_framework(framework)
    raise DataError(source, "a framework name ('spbe2018', 'spbe2020', 'pemdi2026') or a Framework",
                    value=type(framework).__name__)


def indicator_id(key: Any, fw: Framework, where: str = "indicator argument", row: Any = None) -> str:
    """The id of one indicator of ``fw``, as written in the framework table, or a :class:`DataError`.

    Parameters
    ----------
    key : str or int
        An indicator id ("1".."47", "35a", "I1"); an integer is read as the numeric id it prints as.
    fw : Framework
    where : str
        What to call the argument in an error message.
    row : optional
        The entity or line named in an error message.

    Returns
    -------
    str

    Raises
    ------
    DataError
        Naming ``where``, for a bool, another type or an id that ``fw`` does not have.

    Examples
    --------
    >>> indicator_id(47, load_framework("spbe2020")), indicator_id("I3", load_framework("pemdi2026"))
    ('47', 'I3')
    """
    if isinstance(key, (int, np.integer)) and not isinstance(key, (bool, np.bool_)):
        key = str(int(key))
    if not isinstance(key, str) or key not in fw.indicators.index:
        raise DataError(where, f"an indicator of {fw.name} (one of its indicator ids, {fw.ids[0]}..{fw.ids[-1]})", row=row, column=key,
                        value=key)
    return key


def validate(fw_name: str, table: pd.DataFrame, bands: pd.DataFrame, level_min: int, level_max: int,
             source: str = "framework table") -> None:
    """Check a framework table before a :class:`Framework` is built from it.

    Ids unique, one aspect per indicator, one domain per aspect, weights summing to exactly 100,
    bands contiguous over the level range.

    Parameters
    ----------
    fw_name : str
    table : DataFrame
        Indexed by indicator, with ``aspect``, ``weight`` (exact) and optionally ``domain``.
    bands : DataFrame
        Predicate bands with their lower and upper edges.
    level_min, level_max : int
        The value scale.
    source : str
        The file or argument named in an error message.

    Returns
    -------
    None

    Raises
    ------
    DataError
        Naming the line and column of the first problem.

    Examples
    --------
    >>> fw = load_framework("spbe2020")
    >>> validate("spbe2020", fw.indicators, fw.bands, 1, 5) is None
    True
    """
    ids = list(table.index)
    seen: set[str] = set()
    for pos, i in enumerate(ids):
        if i in seen:
            raise DataError(source, "each indicator listed once", row=f"line {pos + 2}", column="indicator", value=i)
        seen.add(i)
    for pos, (i, row) in enumerate(table.iterrows()):
        if row["aspect"] is None or (isinstance(row["aspect"], float) and math.isnan(row["aspect"])):
            raise DataError(source, "each indicator in exactly one aspect", row=f"line {pos + 2}", column="aspect", value=row["aspect"])
    if "domain" in table and (table["domain"] > 0).any():
        per_aspect = table.groupby("aspect")["domain"].nunique()
        bad = per_aspect[per_aspect > 1]
        if len(bad):
            raise DataError(source, "each aspect in exactly one domain", column="domain", value=f"aspect {bad.index[0]}")
    total = sum(table["weight"], Fraction(0))
    if total != 100:
        raise DataError(source, "weights that sum to exactly 100 (percent of the index)", column="weight_pct",
                        value=f"sum = {float(total):.6g} ({total})")
    lows = [Fraction(str(x)) for x in bands["lower"]]
    ups = [Fraction(str(x)) for x in bands["upper"]]
    if not bands["rank"].is_monotonic_increasing or len(bands) == 0:
        raise DataError("predicate_bands.csv", "bands listed by increasing rank", row=fw_name, column="rank")
    for k in range(1, len(lows)):
        if lows[k] != ups[k - 1]:
            raise DataError("predicate_bands.csv", "contiguous bands (each lower edge = previous upper edge)",
                            row=fw_name, column="lower_inclusive", value=str(bands["lower"].iloc[k]))
    if lows[0] > level_min or ups[-1] < level_max:
        raise DataError("predicate_bands.csv", f"bands covering the level range {level_min}-{level_max}",
                        row=fw_name, value=f"{lows[0]}-{ups[-1]}")


def _read_meta(ddir: Path) -> pd.DataFrame:
    return T.read_csv_strict(ddir / "frameworks.csv", _META_COLUMNS, key="framework").set_index("framework")


def _read_bands(ddir: Path, name: str) -> pd.DataFrame:
    bands = T.read_csv_strict(ddir / "predicate_bands.csv", _BAND_COLUMNS)
    dup = bands.duplicated(["framework", "rank"])
    if dup.any():
        raise DataError(str(ddir / "predicate_bands.csv"), "one row per framework and rank",
                        row=f"line {int(dup.to_numpy().nonzero()[0][0]) + 2}", column="rank")
    b = bands[bands["framework"] == name].sort_values("rank").reset_index(drop=True)
    return b.rename(columns={"lower_inclusive": "lower", "upper_exclusive": "upper"})[
        ["rank", "predicate", "predicate_en", "lower", "upper", "status", "source", "source_date"]]


def load_framework(name: str) -> Framework:
    """Load and validate a framework.

    Frameworks are cached per data folder; the returned object is shared, so treat it as read only.

    Parameters
    ----------
    name : {"spbe2018", "spbe2020", "pemdi2026"}

    Returns
    -------
    Framework

    Raises
    ------
    DataError
        For an unknown name, or a framework file that fails validation (file, line, column).

    Examples
    --------
    >>> fw = load_framework("pemdi2026")
    >>> fw.n, fw.level_step
    (20, Fraction(1, 100))
    """
    if not isinstance(name, str) or name not in FRAMEWORK_NAMES:
        raise DataError("framework argument", "one of " + ", ".join(repr(n) for n in FRAMEWORK_NAMES), value=name)
    return _load_cached(name, str(data_dir()))


@functools.lru_cache(maxsize=None)
def _load_cached(name: str, ddir_str: str) -> Framework:
    ddir = Path(ddir_str)
    meta = _read_meta(ddir)
    if name not in meta.index:
        raise DataError(str(ddir / "frameworks.csv"), f"a row for framework {name!r}", column="framework")
    m = meta.loc[name]
    path = ddir / f"framework_{name}.csv"
    table = T.read_csv_strict(path, _indicator_columns(bool(m["has_domains"])))
    if len(table) != m["n_indicators"]:
        raise DataError(str(path), f"{m['n_indicators']} indicator rows (frameworks.csv, n_indicators)", value=len(table))
    if not m["has_domains"]:
        table.insert(1, "domain", 0)
        table.insert(2, "domain_name", "")
    table = table.rename(columns={"weight_pct": "weight"}).set_index("indicator")
    table["weight_pct"] = [float(w) for w in table["weight"]]
    bands = _read_bands(ddir, name)
    years = re.fullmatch(r"(\d{4})-(\d{4})?", m["evaluation_years"])
    if years is None:
        raise DataError(str(ddir / "frameworks.csv"), "evaluation years written as 2021-2025 or 2026-",
                        row=name, column="evaluation_years", value=m["evaluation_years"])
    validate(name, table, bands, int(m["level_min"]), int(m["level_max"]), source=str(path))
    return Framework(
        name=name, title=m["title"], indicators=table, bands=bands,
        level_min=int(m["level_min"]), level_max=int(m["level_max"]),
        level_step=m["level_step"], has_domains=bool(m["has_domains"]),
        source=f"{m['source']} ({m['source_date']}); status: {m['status']}",
        first_year=int(years.group(1)), last_year=int(years.group(2)) if years.group(2) else None,
    )


def make_framework(name: str, table: pd.DataFrame, bands: pd.DataFrame | None = None,
                   level_min: int = 1, level_max: int = 5) -> Framework:
    """Build a validated framework from a table (for custom or test frameworks).

    Parameters
    ----------
    name : str
    table : DataFrame
        An ``indicator`` column or index, ``aspect``, ``weight_pct`` (exact: Fraction, int or
        decimal string) and optionally ``domain``.
    bands : DataFrame, optional
        Defaults to the SPBE 2020 bands.
    level_min, level_max : int
        The value scale.

    Returns
    -------
    Framework

    Raises
    ------
    DataError
        When the table lacks the ``aspect`` or ``weight_pct`` column, holds a weight that is not an
        exact number, or fails :func:`validate`.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"indicator": ["a", "b"], "aspect": [1, 1], "weight_pct": ["60", "40"]})
    >>> make_framework("toy", t).n
    2
    """
    src = f"table for framework {name!r}"
    missing = [c for c in ("aspect", "weight_pct") if not isinstance(table, pd.DataFrame) or c not in table.columns]
    if missing:
        raise DataError(src, "a DataFrame with the columns aspect and weight_pct", column=missing[0])
    t = table.copy()
    if "indicator" in t.columns:
        t = t.set_index("indicator")
    t.index = t.index.map(str)
    t.index.name = "indicator"
    has_domains = "domain" in t.columns
    if not has_domains:
        t["domain"] = 0
    defaults = {"domain_name": [f"Domain {d}" if has_domains else "" for d in t["domain"]],
                "aspect_name": [f"Aspect {a}" for a in t["aspect"]],
                "name_id": list(t.index), "name_en": list(t.index)}
    for col, values in defaults.items():
        if col not in t.columns:
            t[col] = values
    try:
        t["weight"] = [Fraction(str(w)) if not isinstance(w, Fraction) else w for w in t["weight_pct"]]
    except (ValueError, ZeroDivisionError):
        raise DataError(src, "exact weights (a Fraction, an int or a decimal text)", column="weight_pct") from None
    t["weight_pct"] = [float(w) for w in t["weight"]]
    if bands is None:
        bands = load_framework("spbe2020").bands
    validate(name, t, bands, level_min, level_max, source=src)
    return Framework(name=name, title=name, indicators=t, bands=bands.reset_index(drop=True),
                     level_min=level_min, level_max=level_max, has_domains=has_domains, source="user table")


def structure_table(framework: "Framework | str") -> pd.DataFrame:
    """One row per aspect: its place and weights in the index.

    Parameters
    ----------
    framework : Framework or str

    Returns
    -------
    DataFrame
        Domain and aspect (number, name), number of indicators, their ids, the weight of each
        indicator and of the aspect and domain (percent of the index).

    Examples
    --------
    >>> len(structure_table("spbe2020"))
    8
    """
    fw = as_framework(framework)
    ind = fw.indicators
    rows = []
    for a, g in ind.groupby("aspect", sort=True):
        d = int(g["domain"].iloc[0])
        w = sorted(set(g["weight_pct"]))
        rows.append({"domain": d, "domain_name": g["domain_name"].iloc[0], "aspect": int(a),
                     "aspect_name": g["aspect_name"].iloc[0], "n_indicators": len(g),
                     "indicators": f"{g.index[0]}-{g.index[-1]}" if len(g) > 1 else g.index[0],
                     "weight_each": w[0] if len(w) == 1 else float("nan"), "aspect_weight": float(g["weight_pct"].sum()),
                     "domain_weight": float(ind.loc[ind["domain"] == d, "weight_pct"].sum()) if d else float("nan")})
    return pd.DataFrame(rows)


def compare_frameworks(names: tuple[str, ...] = FRAMEWORK_NAMES) -> pd.DataFrame:
    """The frameworks side by side.

    Parameters
    ----------
    names : tuple of str
        Framework names, by default all three.

    Returns
    -------
    DataFrame
        One row per framework: indicators, domains, aspects, value scale, band edges, years, status.

    Examples
    --------
    >>> compare_frameworks(("spbe2020", "pemdi2026"))["indicators"].tolist()
    [47, 20]
    """
    rows = []
    for name in names:
        f = load_framework(name)
        rows.append({"framework": f.title, "years": f.years_text, "indicators": f.n,
                     "domains": len(f.groups("domain")), "aspects": len(f.groups("aspect")),
                     "values": f"{f.level_min}-{f.level_max}" + ("" if f.level_step == 1 else f" ({f.value_decimals} dec.)"),
                     "bands": " | ".join(f"{b.predicate.split(' (')[0]} >= {b.lower}" for b in f.bands.itertuples()),
                     "status": f.source.split("status: ")[-1].split(":")[0]})
    return pd.DataFrame(rows)
