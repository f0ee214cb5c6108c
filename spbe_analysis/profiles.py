"""Illustrative indicator profiles that are *exactly* consistent with published values.

Indicator-level scores of the regencies are not published. To reason at indicator level
without inventing one profile, :func:`sample_profiles` draws an ensemble of integer level
profiles whose **official rounded index equals the published value** (and whose domain or
aspect values equal given published values, when known), from a documented, adjustable
prior. Conclusions are then stated as robust (or not) across the ensemble.

Method (exact, no rejection): the index is ``N / (100 D)`` with ``N = sum(units_i * L_i)`` an
integer, so "official value = v" is a window of admissible integers ``N``. Indicators are split
into blocks (one block, or the domains/aspects whose values are known). For each block a
dynamic programme over the partial integer sum gives the prior mass of every block sum; a
second dynamic programme over the blocks combines them under the overall window; a draw then
picks the block sums and, inside each block, each indicator's level from its exact
conditional distribution. Every draw satisfies every window by construction.

Everything produced here is ILLUSTRATIVE: the ``ILLUSTRATIVE`` flag travels with the result.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Mapping

import numpy as np
import pandas as pd

from .errors import DataError
from .frameworks import Framework, load_framework
from .scoring import round_half_up

#: Default prior: the centre (most likely level) of each SPBE 2020 domain's indicators, and the
#: spread. Reading: Layanan (services) usually highest, Manajemen (incl. Audit TIK) lowest, as the
#: SPBE evaluation reports describe regional governments. An assumption, not data: change it with
#: ``make_prior`` and rerun.
DEFAULT_CENTRES = {1: 2.8, 2: 2.5, 3: 1.7, 4: 3.0}
DEFAULT_SPREAD = 1.0

ILLUSTRATIVE = "illustrative"


def make_prior(fw: Framework, centres: Mapping[int, float] | None = None, spread: float = DEFAULT_SPREAD,
               by: str = "domain") -> pd.DataFrame:
    """Independent prior per indicator: ``p(L) ∝ exp(-(L - c)^2 / (2 spread^2))`` over the
    admissible levels, with centre ``c`` set per domain (default) or aspect.

    Returns a DataFrame indexed by indicator id with one column per level (rows sum to 1).
    For frameworks without domains use ``by="aspect"``; a missing centre defaults to the
    middle of the level range.
    """
    if by == "domain" and not fw.has_domains:
        by = "aspect"
    if centres is None:
        centres = DEFAULT_CENTRES if (fw.name == "spbe2020" and by == "domain") else {}
    if spread <= 0:
        raise DataError("spread argument", "a positive number", value=spread)
    levels = np.arange(fw.level_min, fw.level_max + 1)
    mid = (fw.level_min + fw.level_max) / 2
    rows = []
    for i, r in fw.indicators.iterrows():
        c = float(centres.get(int(r[by]), mid))
        p = np.exp(-((levels - c) ** 2) / (2 * spread ** 2))
        rows.append(p / p.sum())
    return pd.DataFrame(rows, index=fw.indicators.index, columns=levels)


def _window(h: int, units: int) -> tuple[int, int]:
    """Integer sums N (in weight units) whose official value, N/units*100 rounded half up, is h/100."""
    lo = math.ceil((2 * units * h - units) / 200)
    hi = math.ceil((2 * units * h + units) / 200) - 1
    return lo, hi


@dataclass(frozen=True)
class Ensemble:
    """An ensemble of illustrative profiles: ``levels`` is (n x indicators) int, columns in
    framework order; ``constraints`` records what the draws were conditioned on."""

    framework: str
    levels: pd.DataFrame
    constraints: dict = field(default_factory=dict)
    seed: int | None = None
    label: str = ILLUSTRATIVE


class _Block:
    """Suffix DP tables of one block of indicators: ``tables[j][s]`` is the (scaled) prior mass
    of the levels of indicators j.. of the block summing to ``s`` units."""

    def __init__(self, pos: np.ndarray, units: np.ndarray, prior: np.ndarray, lmin: int):
        self.pos, self.units, self.prior, self.lmin = pos, units, prior, lmin
        self.nlev = prior.shape[1]
        size = int(units.sum() * (lmin + self.nlev - 1)) + 1
        tables = [None] * (len(pos) + 1)
        t = np.zeros(size)
        t[0] = 1.0
        tables[len(pos)] = t
        for j in range(len(pos) - 1, -1, -1):
            nxt = tables[j + 1]
            cur = np.zeros(size)
            for k in range(self.nlev):
                shift = int(units[j]) * (lmin + k)
                if shift < size:
                    cur[shift:] += prior[j, k] * nxt[:size - shift]
            m = cur.max()
            tables[j] = cur / m if m > 0 else cur
        self.tables = tables
        self.size = size

    def mass(self) -> np.ndarray:
        return self.tables[0]

    def draw(self, targets: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """Levels (len(targets) x block size) with exactly the given block sums."""
        n = len(targets)
        out = np.empty((n, len(self.pos)), dtype=np.int64)
        rem = targets.astype(np.int64).copy()
        lv = self.lmin + np.arange(self.nlev)
        for j in range(len(self.pos)):
            nxt = self.tables[j + 1]
            r = rem[:, None] - int(self.units[j]) * lv[None, :]
            ok = (r >= 0) & (r < self.size)
            w = np.where(ok, self.prior[j][None, :] * nxt[np.clip(r, 0, self.size - 1)], 0.0)
            tot = w.sum(axis=1)
            if (tot <= 0).any():  # cannot happen when targets have positive mass
                raise RuntimeError("internal error: a draw reached a state with no admissible completion")
            u = rng.random(n) * tot
            k = (np.cumsum(w, axis=1) < u[:, None]).sum(axis=1)
            k = np.minimum(k, self.nlev - 1)
            out[:, j] = lv[k]
            rem -= int(self.units[j]) * lv[k]
        return out


def _value_h(value: float, what: str) -> int:
    try:
        d = round_half_up(value)
    except DataError:
        raise DataError(what, "a published 2-decimal value", value=value) from None
    if d != round_half_up(value, 6):
        raise DataError(what, "a published value with 2 decimals (as printed)", value=value)
    return int(d * 100)


def _combine(m: np.ndarray, nxt: np.ndarray, size: int) -> np.ndarray:
    """cur[t] = sum_s m[s] * nxt[t + s], in exact sums of products (no FFT, so a zero stays zero)."""
    support = np.nonzero(m)[0]
    cur = np.zeros(size)
    if len(support) <= 512:
        for s_ in support:
            cur[:size - s_] += m[s_] * nxt[s_:]
    else:
        cur[:] = np.correlate(nxt, m, mode="full")[len(m) - 1:][:size]
        cur[cur < 1e-300] = 0.0  # direct sums of non-negative terms: only exact zeros are this small
    mx = cur.max()
    return cur / mx if mx > 0 else cur


def sample_profiles(framework: Framework | str, index: float | None, n: int = 1000, seed: int | None = 0,
                    prior: pd.DataFrame | None = None, domains: Mapping[int, float] | None = None,
                    aspects: Mapping[int, float] | None = None) -> Ensemble:
    """Draw ``n`` integer level profiles whose official index equals ``index`` (2 decimals),
    and whose official domain or aspect values equal ``domains`` / ``aspects`` when given.

    Draws are exact by construction and follow the prior conditioned on those constraints.
    ``index=None`` drops the overall constraint (only domain/aspect windows apply).
    Raises DataError when no profile can meet the constraints.
    """
    fw = load_framework(framework) if isinstance(framework, str) else framework
    if fw.level_step != 1:
        raise DataError("framework argument", "a framework with integer levels", value=fw.name)
    if domains and aspects:
        raise DataError("domains/aspects arguments", "either domain values or aspect values, not both")
    prior = make_prior(fw) if prior is None else prior
    missing = [i for i in fw.ids if i not in prior.index]
    if missing:
        raise DataError("prior argument", "a row for every indicator", column=missing[0])
    P = prior.loc[list(fw.ids), list(range(fw.level_min, fw.level_max + 1))].to_numpy(dtype=float)
    if (P < 0).any() or not np.allclose(P.sum(axis=1), 1):
        raise DataError("prior argument", "non-negative probabilities summing to 1 per indicator")
    rng = np.random.default_rng(seed)
    level_name, known = ("aspect", aspects) if aspects else ("domain", domains)
    if known:
        groups = fw.groups(level_name)
        unknown_groups = [g for g in known if g not in set(groups)]
        if unknown_groups:
            raise DataError(f"{level_name}s argument", f"{level_name} numbers of {fw.name}", value=unknown_groups[0])
        col = fw.indicators[level_name].to_numpy()
        block_ids = [g for g in groups]
        blocks_pos = [np.nonzero(col == g)[0] for g in block_ids]
    else:
        block_ids = [None]
        blocks_pos = [np.arange(fw.n)]
    blocks = [_Block(p, fw.units[p], P[p], fw.level_min) for p in blocks_pos]
    # windows per block
    masses = []
    for b, g in zip(blocks, block_ids):
        m = b.mass().copy()
        if known and g in known:
            lo, hi = _window(_value_h(known[g], f"{level_name}s argument"), int(b.units.sum()))
            keep = np.zeros_like(m, dtype=bool)
            keep[max(lo, 0):min(hi, len(m) - 1) + 1] = True
            m[~keep] = 0.0
        if m.max() <= 0:
            raise DataError(f"{level_name}s argument", f"a value that the {len(b.pos)} integer indicator levels of "
                            f"{level_name} {g} can produce", row=g, value=known.get(g) if known else None)
        masses.append(m / m.max())
    # combine blocks under the overall window: suffix DP over blocks on the running total
    total_size = sum(len(m) for m in masses) - len(masses) + 1
    if index is not None:
        lo, hi = _window(_value_h(index, "index argument"), fw.total_units)
    else:
        lo, hi = 0, total_size - 1
    suffix: list = [None] * (len(masses) + 1)
    g = np.zeros(total_size)
    g[max(lo, 0):min(hi, total_size - 1) + 1] = 1.0
    suffix[len(masses)] = g
    for b in range(len(masses) - 1, 0, -1):
        suffix[b] = _combine(masses[b], suffix[b + 1], total_size)
    first = masses[0]
    if float(first @ suffix[1][:len(first)]) <= 0:
        reach = fw.units.sum() * np.array([fw.level_min, fw.level_max]) / fw.total_units
        extra = f" together with the given {level_name} values {dict(known)}" if known else ""
        raise DataError("index argument", f"a value reachable with integer levels{extra} (levels alone span "
                        f"{reach[0]:.2f}-{reach[1]:.2f})", value=index)
    out = np.empty((n, fw.n), dtype=np.int64)
    running = np.zeros(n, dtype=np.int64)
    for b, (blk, m) in enumerate(zip(blocks, masses)):
        nxt = suffix[b + 1]
        supp = np.nonzero(m)[0]
        sums = np.empty(n, dtype=np.int64)
        u = rng.random(n)
        # draws that share a running total share the conditional distribution of this block's sum
        uniq, inverse = np.unique(running, return_inverse=True)
        for k, r in enumerate(uniq):
            t = r + supp
            w = np.where(t < total_size, m[supp] * nxt[np.clip(t, 0, total_size - 1)], 0.0)
            cum = np.cumsum(w)
            sel = inverse == k
            pick = np.searchsorted(cum, u[sel] * cum[-1], side="right")
            sums[sel] = supp[np.minimum(pick, len(supp) - 1)]
        out[:, blk.pos] = blk.draw(sums, rng)
        running += sums
    levels = pd.DataFrame(out, columns=pd.Index(fw.ids, name="indicator"))
    levels.index.name = "draw"
    cons = {"index": index}
    if known:
        cons[level_name + "s"] = dict(known)
    return Ensemble(framework=fw.name, levels=levels, constraints=cons, seed=seed)


def sample_published(published: pd.DataFrame, year: int, entities: tuple[str, ...], n: int = 1000,
                     seed: int = 0, prior: pd.DataFrame | None = None) -> dict[str, Ensemble]:
    """One ensemble per entity, each consistent with its published value in ``year``.
    Entities without an exact published value raise (never sampled from a guess)."""
    out = {}
    for k, e in enumerate(entities):
        r = published[(published["entity_id"] == e) & (published["year"] == year)]
        if len(r) == 0 or r["status"].iloc[0] != "exact":
            raise DataError("published_indices.csv", "an exact published value to condition on", row=e,
                            column="value", value=None if len(r) == 0 else r["status"].iloc[0])
        out[e] = sample_profiles(r["framework"].iloc[0], float(r["value"].iloc[0]), n=n, seed=seed + k, prior=prior)
    return out


@dataclass(frozen=True)
class ProfileSet:
    """Indicator levels per government: ``levels[entity]`` is a (draws x indicators) DataFrame,
    one row for a real sheet, ``n`` rows for an illustrative ensemble."""

    framework: str
    year: int
    levels: dict
    illustrative: bool
    source: str


def profiles_for(published: pd.DataFrame, year: int, entities: tuple[str, ...], sheet: str | None = None,
                 n: int = 1000, seed: int = 0, prior: pd.DataFrame | None = None) -> ProfileSet:
    """Indicator-level profiles for the analysis notebooks: from a real evaluation sheet when
    ``sheet`` (a path) is given, otherwise an illustrative ensemble per government consistent
    with its published index of ``year``."""
    from .sheets import load_sheet, sheet_wide
    fw_name = published.loc[published["year"] == year, "framework"].iloc[0]
    fw = load_framework(fw_name)
    if sheet:
        df = load_sheet(sheet, fw)
        wide = sheet_wide(df, year if year in set(df["year"]) else None)
        absent = [e for e in entities if e not in wide.index]
        if absent:
            raise DataError(str(sheet), f"levels for every government analysed ({', '.join(entities)})",
                            row=absent[0], column="bps_code")
        levels = {e: wide.loc[[e], list(fw.ids)].reset_index(drop=True).rename_axis("draw") for e in entities}
        return ProfileSet(fw.name, year, levels, illustrative=False, source=f"evaluation sheet {sheet}")
    ens = sample_published(published, year, entities, n=n, seed=seed, prior=prior)
    return ProfileSet(fw.name, year, {e: ens[e].levels for e in entities}, illustrative=True,
                      source=f"ILLUSTRATIVE: {n} simulated profiles per government consistent with the published "
                             f"{year} index (seed {seed}, default prior)")
