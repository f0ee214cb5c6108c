"""Calibration of the PEMDI projection on real SPBE-to-PEMDI pairs.

A *pair* is one government whose SPBE index (last SPBE 2020 cycle) and first PEMDI result are both
known (``data/reference/spbe_pemdi_pairs.csv``; the PEMDI result's indicators and aspects come from
the reference file it names). None of them is a Gorontalo regency.

Method (stated in ``data/assumptions/pemdi_projection.csv``):

1. **Value of new evidence.** The PEMDI indicators with no SPBE counterpart at all (new share 1 in
   the crosswalk) show the value of new evidence directly: its central value is their weighted mean
   over every pair, on the ``step`` grid; its range is the judged range widened, where needed, to
   hold every observed value of such an indicator.
2. **Credit of carried-over evidence.** Each pair's SPBE index is turned into illustrative profiles
   (:func:`spbe_analysis.profiles.sample_profiles`, the information the projection has for a
   Gorontalo regency); a pair's *implied* credit is the one that makes the mean projected index
   equal its real index. The range is the judged range widened, where needed, to hold every
   implied credit at least one ``step`` inside; the central value (the mode of its PERT) is the
   ``step`` grid value nearest the mean implied credit among those whose central-scenario 5-95 %
   range (every value drawn) holds every real index.
3. **Check.** The central scenario's 5-95 % range of each pair's index must contain its real
   index; the aspect ranges are reported beside it (how many real aspects fall inside).
   Leave-one-out (calibrate without a pair, check that pair) runs as soon as there are two pairs.

With one pair the calibration is an anchor, not a fit: it fixes where the central values sit, it
says nothing of how wrong they may be for another government.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .. import checks
from .. import csvio as T
from ..config import data_file
from ..errors import DataError
from ..frameworks import as_framework
from ..official import hundredths
from ..profiles import sample_profiles
from ..scoring import score
from .crosswalk import Assumptions, crosswalk_arrays, load_assumptions
from .projection import project, scenario_moments

PAIRS_FILE = "reference/spbe_pemdi_pairs.csv"

_PAIRS = [T.Column("entity", T.text()), T.Column("name", T.text()), T.Column("spbe_framework", T.one_of("spbe2020")),
          T.Column("spbe_year", T.integer(min_value=2021)), T.Column("spbe_index", T.decimal(2)),
          T.Column("spbe_domains", T.text(required=False)), T.Column("spbe_source_url", T.text()),
          T.Column("spbe_source_date", T.text()), T.Column("spbe_verified", T.boolean()),
          T.Column("pemdi_year", T.integer(min_value=2026)), T.Column("pemdi_index", T.decimal(2)),
          T.Column("pemdi_reference", T.text()), T.Column("pemdi_source_url", T.text()), T.Column("note", T.text())]

#: Not possible with one pair.
NO_LOO = "not possible with n = 1"


@dataclass(frozen=True)
class Pair:
    """One real SPBE-to-PEMDI pair: the SPBE index (and domain values when known), the PEMDI
    result's exact indicator values, its published aspects and index."""

    entity: str
    name: str
    spbe_year: int
    spbe_index: float
    spbe_domains: dict
    spbe_verified: bool
    pemdi_year: int
    pemdi_index: float
    indicators: dict
    aspects: dict
    sources: tuple


def _reference(rel: str, src: str, where: dict) -> tuple[dict, dict, float]:
    path = data_file(rel)
    if not Path(path).is_file():
        raise DataError(src, "a file under data/ holding the PEMDI result", column="pemdi_reference", value=rel,
                        **where)
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    ind = {r["id"]: Fraction(r["value_exact"]) for _, r in df[df["level"] == "indicator"].iterrows()}
    asp = {int(r["id"]): float(r["value_published"]) for _, r in df[df["level"] == "aspect"].iterrows()}
    idx = df.loc[df["level"] == "index", "value_published"]
    return ind, asp, float(idx.iloc[0]) if len(idx) else float("nan")


def load_pairs() -> list[Pair]:
    """The real SPBE-to-PEMDI pairs, validated.

    Every SPBE index is a published two-decimal value; domain values, when given, are four
    semicolon-separated two-decimal values (Kebijakan, Tata Kelola, Manajemen, Layanan); the PEMDI
    reference file exists, its indicators reproduce its published aspects and index, and that
    index equals ``pemdi_index``.

    Parameters
    ----------
    None
        The pairs are read from ``data/reference/spbe_pemdi_pairs.csv``.

    Returns
    -------
    list of Pair

    Raises
    ------
    DataError
        Naming the line and column of the first problem.

    Examples
    --------
    >>> p = load_pairs()[0]
    >>> p.name, p.spbe_index, p.pemdi_index, len(p.aspects)
    ('Kabupaten Aceh Tengah', 2.59, 1.24, 7)
    """
    path = data_file(PAIRS_FILE)
    src = str(path)
    df = T.read_csv_strict(path, _PAIRS, key="entity")
    pemdi = as_framework("pemdi2026")
    out = []
    for where, r in T.located_rows(df, records=True):
        if not 1 <= r["spbe_index"] <= 5:
            raise DataError(src, "an SPBE 2020 index between 1.00 and 5.00", column="spbe_index",
                            value=str(r["spbe_index"]), **where)
        doms = {}
        if r["spbe_domains"]:
            parts = r["spbe_domains"].split(";")
            ok = len(parts) == 4 and all(re.fullmatch(r"\d\.\d{2}", x) for x in parts)
            if not ok or not all(1 <= float(x) <= 5 for x in parts):
                raise DataError(src, "four domain values with two decimals separated by ';' (or an empty cell)",
                                column="spbe_domains", value=r["spbe_domains"], **where)
            doms = {k + 1: float(x) for k, x in enumerate(parts)}
        for col in ("spbe_source_url", "pemdi_source_url"):
            if not r[col].startswith("http"):
                raise DataError(src, "an openable address (http...)", column=col, value=r[col], **where)
        ind, asp, idx = _reference(r["pemdi_reference"], src, where)
        if set(ind) != set(pemdi.ids):
            raise DataError(src, "a reference file with the 20 PEMDI indicators", column="pemdi_reference",
                            value=r["pemdi_reference"], **where)
        s = score(ind, pemdi)
        if s.index != float(r["pemdi_index"]) or idx != float(r["pemdi_index"]) or s.aspects.to_dict() != asp:
            raise DataError(src, "pemdi_index equal to the reference file's index, which its indicators reproduce "
                            f"(they give {s.index:.2f})", column="pemdi_index", value=str(r["pemdi_index"]), **where)
        out.append(Pair(r["entity"], r["name"], int(r["spbe_year"]), float(r["spbe_index"]), doms,
                        bool(r["spbe_verified"]), int(r["pemdi_year"]), float(r["pemdi_index"]), ind, asp,
                        (r["spbe_source_url"], r["pemdi_source_url"])))
    if not out:
        raise DataError(src, "at least one pair")
    return out


@dataclass(frozen=True)
class Calibration:
    """The calibration (or its check) on every real pair.

    ``pairs``: one row per pair: entity, name, SPBE year and index, whether the SPBE value is
    verified, the real PEMDI index, the central scenario's 5 / 50 / 95 % quantiles of the projected
    index, ``inside`` and ``aspects_inside`` of ``n_aspects``; ``aspects``: per pair and aspect the
    real value, the 5 / 50 / 95 % quantiles and ``inside``; ``assumptions``: the scenario values
    checked (the calibrated ones for :func:`calibrate`); ``implied``: per pair the implied credit
    and the weighted mean of its fully new indicators; ``leave_one_out``: per pair, checked after
    calibrating without it (None with one pair, see ``leave_one_out_note``)."""

    n_pairs: int
    pairs: pd.DataFrame
    aspects: pd.DataFrame
    assumptions: Assumptions
    profiles: str
    n_profiles: int
    implied: pd.DataFrame = field(default_factory=pd.DataFrame)
    leave_one_out: pd.DataFrame | None = None
    leave_one_out_note: str = NO_LOO

    @property
    def anchor_only(self) -> bool:
        """One pair: an anchor, not a fit."""
        return self.n_pairs == 1

    @property
    def all_inside(self) -> bool:
        """Every real index inside its central 5-95 % range."""
        return bool(self.pairs["inside"].all())

    def basis(self) -> str:
        """One sentence for the data file: what was calibrated, on how many pairs."""
        names = ", ".join(f"{r.name} (SPBE {r.spbe_year} {r.spbe_index:.2f} -> PEMDI {r.pemdi_year} "
                          f"{r.real_index:.2f})" for r in self.pairs.itertuples())
        kind = "a single anchor, not a fit" if self.anchor_only else "a fit"
        return (f"Calibrated on n = {self.n_pairs} real SPBE-to-PEMDI pair{'s' if self.n_pairs > 1 else ''} "
                f"({names}; {kind}) with {self.n_profiles} illustrative SPBE profiles per pair consistent with its "
                f"{self.profiles}")


def _profiles(pair: Pair, n: int, seed: int, use_domains: bool) -> pd.DataFrame:
    doms = pair.spbe_domains if use_domains and pair.spbe_domains else None
    return sample_profiles("spbe2020", pair.spbe_index, n=n, seed=seed, domains=doms).levels


def _check(pairs: list[Pair], levels: dict, a: Assumptions, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    proj = project(levels, seed=seed, assumptions=a, illustrative=True)
    cw = proj.crosswalk
    fw = cw.pemdi
    d = proj.draws[proj.draws["scenario"] == "central"]
    v = proj.values[proj.values["scenario"] == "central"]
    aspect_of = fw.indicators["aspect"].to_numpy()
    rows, arows = [], []
    for p in pairs:
        x = d.loc[d["entity"] == p.entity, "index"].to_numpy()
        q = np.quantile(x, [0.05, 0.5, 0.95])
        V = np.rint(v.loc[v["entity"] == p.entity, list(fw.ids)].to_numpy() * 10 ** 4).astype(np.int64)
        k = 0
        for asp in sorted(p.aspects):
            m = aspect_of == asp
            W = int(cw.weights[m].sum())
            h = hundredths(V[:, m] @ cw.weights[m], 10 ** 4 * W) / 100
            qa = np.quantile(h, [0.05, 0.5, 0.95])
            inside = bool(qa[0] <= p.aspects[asp] <= qa[2])
            k += inside
            arows.append({"entity": p.entity, "aspect": asp, "aspect_name": fw.indicators.loc[m, "aspect_name"].iloc[0],
                          "real": p.aspects[asp], "p5": float(qa[0]), "p50": float(qa[1]), "p95": float(qa[2]),
                          "inside": inside})
        rows.append({"entity": p.entity, "name": p.name, "spbe_year": p.spbe_year, "spbe_index": p.spbe_index,
                     "spbe_verified": p.spbe_verified, "pemdi_year": p.pemdi_year, "real_index": p.pemdi_index,
                     "p5": float(q[0]), "p50": float(q[1]), "p95": float(q[2]),
                     "inside": bool(q[0] <= p.pemdi_index <= q[2]), "percentile": float((x <= p.pemdi_index).mean()),
                     "aspects_inside": k, "n_aspects": len(p.aspects)})
    return pd.DataFrame(rows), pd.DataFrame(arows)


def _grid(lo: Fraction, hi: Fraction, step: Fraction) -> list[Fraction]:
    first = -(-lo // step) * step
    out = []
    x = first
    while x <= hi:
        out.append(x)
        x += step
    return out


def _round_to(x: Any, step: Fraction) -> Fraction:
    return Fraction(round(Fraction(x) / step)) * step


def _floor_to(x: Any, step: Fraction) -> Fraction:
    return math.floor(Fraction(x) / step) * step


def _ceil_to(x: Any, step: Fraction) -> Fraction:
    return math.ceil(Fraction(x) / step) * step


def _implied(pairs: list[Pair], levels: dict, a: Assumptions) -> pd.DataFrame:
    """Per pair: weighted mean of the fully new indicators, and the credit whose mean projection equals
    the real index (other values at their mean under ``a``)."""
    cw = crosswalk_arrays()
    fw = cw.pemdi
    full_new = [j for j, n in zip(fw.ids, cw.N) if n == 100]
    w = dict(zip(fw.ids, cw.weights))
    mx, me = scenario_moments(a, "new_value")[0], scenario_moments(a, "external_value")[0]
    rows = []
    for p in pairs:
        new_mean = float(sum(w[j] * p.indicators[j] for j in full_new) / sum(w[j] for j in full_new))
        k = levels[p.entity].to_numpy()
        dmean = float(((k - 1) @ cw.S @ cw.weights).mean() / 10 ** 4)
        base = float(cw.S.sum(axis=0) @ cw.weights / 10 ** 4) + cw.new_weight / 100 * mx + cw.external_weight / 100 * me
        rows.append({"entity": p.entity, "new_value_observed": new_mean,
                     "new_value_min": float(min(p.indicators[j] for j in full_new)),
                     "new_value_max": float(max(p.indicators[j] for j in full_new)),
                     "carry_implied": (p.pemdi_index - base) / dmean if dmean > 0 else float("nan")})
    return pd.DataFrame(rows)


def _fit(pairs: list[Pair], levels: dict, base: Assumptions, step: Fraction,
         seed: int) -> tuple[Assumptions, pd.DataFrame]:
    cw = crosswalk_arrays()
    fw = cw.pemdi
    full_new = [j for j, n in zip(fw.ids, cw.N) if n == 100]
    w = dict(zip(fw.ids, cw.weights))
    # 1. value of new evidence: pooled weighted mean of the fully new indicators; range holds every one
    num = sum(w[j] * p.indicators[j] for p in pairs for j in full_new)
    den = sum(w[j] for _ in pairs for j in full_new)
    lo, _, hi = base.new_value
    obs = [p.indicators[j] for p in pairs for j in full_new]
    lo = max(Fraction(1), min(lo, _floor_to(min(obs), step)))
    hi = min(Fraction(5), max(hi, _ceil_to(max(obs), step)))
    mid = min(max(_round_to(float(num / den), step), lo), hi)
    a = base.replace(new_value=(lo, mid, hi))
    # 2. credit: the range holds every implied credit one step inside; the central value (the mode) is
    #    the grid value nearest the mean implied credit among those whose central 5-95 % range holds
    #    every real index (fewest pairs outside first)
    imp = _implied(pairs, levels, a)
    c_lo, _, c_hi = base.carry
    ci = imp["carry_implied"].to_numpy()
    c_lo = max(Fraction(0), min(c_lo, _floor_to(Fraction(float(ci.min())), step) - step))
    c_hi = min(Fraction(1), max(c_hi, _ceil_to(Fraction(float(ci.max())), step) + step))
    target = Fraction(float(ci.mean()))
    best, best_key = None, None
    for c in sorted(_grid(c_lo, c_hi, step), key=lambda c: (abs(c - target), c)):
        cand = a.replace(carry=(c_lo, c, c_hi))
        tab, _ = _check(pairs, levels, cand, seed)
        key = (int((~tab["inside"]).sum()), abs(c - target))
        if best_key is None or key < best_key:
            best, best_key = cand, key
        if key[0] == 0:
            break
    return best, imp


def _run(pairs: list[Pair] | None, n_profiles: int, seed: int, use_domains: bool, fit: bool, step: Any,
         assumptions: Assumptions | None) -> Calibration:
    pairs = load_pairs() if pairs is None else list(pairs)
    n_profiles = checks.count(n_profiles, "n_profiles argument", minimum=10)
    seed = checks.count(seed, "seed argument", minimum=0)
    step = Fraction(str(checks.exact_number(step, "step argument")))
    if not 0 < step <= Fraction(1, 4) or (step * 100).denominator != 1:
        raise DataError("step argument", "a grid step in (0, 0.25] with at most two decimals", value=step)
    base = load_assumptions() if assumptions is None else assumptions
    levels = {p.entity: _profiles(p, n_profiles, seed + k, use_domains) for k, p in enumerate(pairs)}
    a = base
    if fit:
        a, imp = _fit(pairs, levels, base, step, seed)
    else:
        imp = _implied(pairs, levels, a)
    tab, asp = _check(pairs, levels, a, seed)
    loo, note = None, NO_LOO
    if len(pairs) >= 2:
        rows = []
        for i, p in enumerate(pairs):
            rest = pairs[:i] + pairs[i + 1:]
            ai, _ = _fit(rest, {q.entity: levels[q.entity] for q in rest}, base, step, seed)
            t, _ = _check([p], {p.entity: levels[p.entity]}, ai, seed)
            rows.append(t.iloc[0].to_dict() | {"carry_central": float(ai.carry[1]),
                                                "new_value_central": float(ai.new_value[1])})
        loo, note = pd.DataFrame(rows), f"leave-one-out over n = {len(pairs)} pairs"
    kind = "SPBE index and domain values" if use_domains else "SPBE index"
    return Calibration(len(pairs), tab, asp, a, kind, n_profiles, imp, loo, note)


def calibrate(pairs: list[Pair] | None = None, n_profiles: int = 1000, seed: int = 20250723,
              use_domains: bool = False, step: Any = 0.05, assumptions: Assumptions | None = None) -> Calibration:
    """Calibrate the central values (and widen the ranges where needed) of the credit of
    carried-over evidence and of the value of new evidence on every real pair (module docstring).

    Parameters
    ----------
    pairs : list of Pair, optional
        Default: :func:`load_pairs`.
    n_profiles : int
        Illustrative SPBE profiles per pair.
    seed : int
        Seed of the profiles (pair ``k`` uses ``seed + k``) and of the projection's draws.
    use_domains : bool
        Also condition the profiles on the pair's SPBE domain values (a sensitivity: the Gorontalo
        regencies have only their index).
    step : number
        Grid of the central values and range ends (0.05: one pair supports no finer precision).
    assumptions : Assumptions, optional
        The judged starting point (default: the data file): its low and high values, only ever
        widened, and the external value, kept.

    Returns
    -------
    Calibration
        With the calibrated ``assumptions`` and their check on every pair.

    Examples
    --------
    >>> c = calibrate(n_profiles=200)
    >>> c.n_pairs, c.anchor_only, c.leave_one_out_note, c.all_inside
    (1, True, 'not possible with n = 1', True)
    """
    return _run(pairs, n_profiles, seed, use_domains, True, step, assumptions)


def check_calibration(pairs: list[Pair] | None = None, n_profiles: int = 1000, seed: int = 20250723,
                      use_domains: bool = False, assumptions: Assumptions | None = None) -> Calibration:
    """The check of the scenario values in use (default: the data file's) on every real pair.

    Parameters
    ----------
    pairs, n_profiles, seed, use_domains
        As in :func:`calibrate`.
    assumptions : Assumptions, optional
        Default: :func:`load_assumptions`.

    Returns
    -------
    Calibration
        Per pair: the real index, the central 5 / 50 / 95 % quantiles, inside or not, aspects inside
        (k of 7); the leave-one-out check (refitting without each pair) when there are two pairs or
        more.

    Examples
    --------
    >>> c = check_calibration(n_profiles=200)
    >>> bool(c.pairs["inside"].iloc[0]), int(c.pairs["n_aspects"].iloc[0])
    (True, 7)
    """
    return _run(pairs, n_profiles, seed, use_domains, False, 0.05, assumptions)


__all__ = ["NO_LOO", "PAIRS_FILE", "Calibration", "Pair", "calibrate", "check_calibration", "load_pairs"]
