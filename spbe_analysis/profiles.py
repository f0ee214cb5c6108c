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

from dataclasses import dataclass, field
from typing import Any, Mapping

import numpy as np
import pandas as pd

from . import checks
from .errors import DataError
from .frameworks import Framework, as_framework
from .official import to_hundredths, window

#: Default prior: the centre (most likely level) of each SPBE 2020 domain's indicators, and the
#: spread. Reading: Layanan (services) usually highest, Manajemen (incl. Audit TIK) lowest, as the
#: SPBE evaluation reports describe regional governments. An assumption, not data: change it with
#: ``make_prior`` and rerun.
DEFAULT_CENTRES = {1: 2.8, 2: 2.5, 3: 1.7, 4: 3.0}
DEFAULT_SPREAD = 1.0

ILLUSTRATIVE = "illustrative"

#: Default memory budget of :func:`sample_profiles` (bytes).
MEMORY_BUDGET = 1 << 30


def make_prior(fw: Framework | str, centres: Mapping[int, float] | None = None, spread: float = DEFAULT_SPREAD,
               by: str = "domain") -> pd.DataFrame:
    """Independent prior per indicator: ``p(L) ∝ exp(-(L - c)^2 / (2 spread^2))`` over the
    admissible levels, with centre ``c`` set per domain (default) or aspect.

    Parameters
    ----------
    fw : Framework or str
    centres : mapping {group number: centre level}, optional
        Default: :data:`DEFAULT_CENTRES` (SPBE 2020 domains); a group left out is centred on the
        middle of the level range.
    spread : float
        Standard deviation of the kernel, in levels (> 0).
    by : {"domain", "aspect"}
        Frameworks without domains (PEMDI) always use aspects.

    Returns
    -------
    DataFrame indexed by indicator id, one column per level; rows sum to 1.

    Examples
    --------
    >>> p = make_prior("spbe2020")
    >>> p.shape, round(float(p.loc["21"].idxmax()), 1)
    ((47, 5), 2.0)
    """
    fw = as_framework(fw)
    checks.choice(by, ("domain", "aspect"), "by argument")
    if by == "domain" and not fw.has_domains:
        by = "aspect"
    if centres is None:
        centres = DEFAULT_CENTRES if (fw.name == "spbe2020" and by == "domain") else {}
    centres = checks.mapping(centres, "centres argument")
    groups = set(int(g) for g in fw.groups(by))
    for g, c in centres.items():
        if isinstance(g, (bool, np.bool_)) or not isinstance(g, (int, np.integer)) or int(g) not in groups:
            raise DataError("centres argument", f"{by} numbers of {fw.name} ({min(groups)}-{max(groups)})", column=g,
                            value=g)
        x = checks.exact_number(c, "centres argument", column=g, expected="a centre level")
        if not fw.level_min <= x <= fw.level_max:
            raise DataError("centres argument", f"a centre level between {fw.level_min} and {fw.level_max}",
                            column=g, value=c)
    spread = checks.positive(spread, "spread argument")
    levels = np.arange(fw.level_min, fw.level_max + 1)
    mid = (fw.level_min + fw.level_max) / 2
    rows = []
    for i, r in fw.indicators.iterrows():
        c = float(centres.get(int(r[by]), mid))
        p = np.exp(-((levels - c) ** 2) / (2 * spread ** 2))
        rows.append(p / p.sum())
    return pd.DataFrame(rows, index=fw.indicators.index, columns=levels)


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


def profile_bytes(framework: Framework | str, n: int) -> int:
    """Estimated peak memory (bytes) of :func:`sample_profiles` for ``n`` draws.

    The int64 result, the per-block draw buffer and the per-draw temporaries (measured with
    tracemalloc: see ``benchmarks/bench_paths.py``).

    Parameters
    ----------
    framework : Framework or str
    n : int
        Number of draws.

    Returns
    -------
    int

    Examples
    --------
    >>> profile_bytes("spbe2020", 1000)
    1232000
    """
    fw = as_framework(framework)
    return int(n) * (16 * fw.n + 8 * 12 * (fw.level_max - fw.level_min + 1))


def _seed(seed: Any) -> int | None:
    if seed is None:
        return None
    return checks.count(seed, "seed argument", minimum=0)


def _published_map(values: Any, fw: Framework, level: str) -> dict[int, int]:
    """{group number: official hundredths} of known domain or aspect values."""
    src = f"{level}s argument"
    groups = set(int(g) for g in fw.groups(level))
    if not groups:
        raise DataError(src, f"no {level} values: {fw.name} has no {level}s", value=values)
    out = {}
    for g, v in checks.mapping(values, src, allow_empty=False).items():
        if isinstance(g, (bool, np.bool_)) or not isinstance(g, (int, np.integer)) or int(g) not in groups:
            raise DataError(src, f"{level} numbers of {fw.name} ({min(groups)}-{max(groups)})", column=g, value=g)
        out[int(g)] = to_hundredths(v, fw, f"{src} [{g}]", published=True)
    return out


def check_prior(prior: Any, fw: Framework) -> np.ndarray:
    """The prior as a validated (indicators x levels) float array.

    Parameters
    ----------
    prior : DataFrame
        A row per indicator, a column per level (see :func:`make_prior`).
    fw : Framework

    Returns
    -------
    numpy.ndarray
        Finite non-negative probabilities summing to 1 per row.

    Raises
    ------
    DataError
        Naming the indicator or level that is missing or not a probability.

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> check_prior(make_prior("spbe2020"), as_framework("spbe2020")).shape
    (47, 5)
    """
    if not isinstance(prior, pd.DataFrame):
        raise DataError("prior argument", "a DataFrame (indicators x levels), see make_prior", value=type(prior).__name__)
    missing = [i for i in fw.ids if i not in prior.index]
    if missing:
        raise DataError("prior argument", "a row for every indicator", row=missing[0])
    lv = list(range(fw.level_min, fw.level_max + 1))
    absent = [k for k in lv if k not in prior.columns]
    if absent:
        raise DataError("prior argument", f"a column for every level {lv[0]}-{lv[-1]}", column=absent[0])
    sub = prior.loc[list(fw.ids), lv]
    if not all(pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t) for t in sub.dtypes):
        raise DataError("prior argument", "numeric probabilities", value=str(list(sub.dtypes)))
    P = sub.to_numpy(dtype=float, na_value=np.nan)
    bad = ~np.isfinite(P) | (P < 0)
    if bad.any():
        r, c = np.argwhere(bad)[0]
        raise DataError("prior argument", "finite, non-negative probabilities", row=fw.ids[r], column=lv[c],
                        value=P[r, c])
    rows = np.abs(P.sum(axis=1) - 1) > 1e-9
    if rows.any():
        r = int(np.nonzero(rows)[0][0])
        raise DataError("prior argument", "probabilities summing to 1 per indicator", row=fw.ids[r],
                        value=float(P[r].sum()))
    return P


def sample_profiles(framework: Framework | str, index: float | None, n: int = 1000, seed: int | None = 0,
                    prior: pd.DataFrame | None = None, domains: Mapping[int, float] | None = None,
                    aspects: Mapping[int, float] | None = None, max_bytes: int = MEMORY_BUDGET) -> Ensemble:
    """Draw ``n`` integer level profiles whose official index equals ``index`` (2 decimals),
    and whose official domain or aspect values equal ``domains`` / ``aspects`` when given.

    Parameters
    ----------
    framework : Framework or str
        A framework with whole levels (SPBE).
    index : float or None
        The published index (at most two decimals, on the framework's scale). None drops the
        overall constraint (only domain/aspect windows apply).
    n : int
        Number of draws (>= 1), limited by ``max_bytes``.
    seed : int or None
    prior : DataFrame, optional
        See :func:`make_prior` (the default).
    domains, aspects : mapping {group number: published value}, optional
        Known domain or aspect values (one of the two).
    max_bytes : int
        Memory budget; a request whose estimated peak (:func:`profile_bytes`) exceeds it is
        refused with a message rather than exhausting the machine (default 1 GiB).

    Returns
    -------
    Ensemble

    Raises
    ------
    DataError
        For bad arguments, a size beyond the memory budget, or constraints no profile can meet.

    Examples
    --------
    >>> from spbe_analysis import score_table
    >>> ens = sample_profiles("spbe2020", 2.40, n=3, seed=1)
    >>> ens.levels.shape, sorted(set(score_table(ens.levels, "spbe2020")["value"]))
    ((3, 47), [2.4])
    """
    fw = as_framework(framework)
    if fw.level_step != 1:
        raise DataError("framework argument", "a framework with whole levels (SPBE); PEMDI values are decimal",
                        value=fw.name)
    n = checks.count(n, "n argument", minimum=1)
    budget = checks.count(max_bytes, "max_bytes argument", minimum=1)
    need = profile_bytes(fw, n)
    if need > budget:
        raise DataError("n argument", f"at most {budget // profile_bytes(fw, 1):,} draws for {fw.name} within the "
                        f"memory budget of {budget / 2**30:.2f} GiB (max_bytes); {n:,} draws need about "
                        f"{need / 2**30:.2f} GiB: draw in batches with different seeds, or raise max_bytes", value=n)
    seed = _seed(seed)
    if domains is not None and aspects is not None:
        raise DataError("domains/aspects arguments", "either domain values or aspect values, not both")
    index_h = None if index is None else to_hundredths(index, fw, "index argument", published=True)
    level_name = "aspect" if aspects is not None else "domain"
    known_h = _published_map(aspects if aspects is not None else domains, fw, level_name) \
        if (aspects is not None or domains is not None) else {}
    known = dict(aspects if aspects is not None else (domains or {}))
    P = check_prior(make_prior(fw) if prior is None else prior, fw)
    rng = np.random.default_rng(seed)
    if known_h:
        groups = fw.groups(level_name)
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
        if g in known_h:
            lo, hi = window(known_h[g], int(b.units.sum()), fw.level_step)
            keep = np.zeros_like(m, dtype=bool)
            keep[max(lo, 0):min(hi, len(m) - 1) + 1] = True
            m[~keep] = 0.0
        if m.max() <= 0:
            raise DataError(f"{level_name}s argument", f"a value that the {len(b.pos)} integer indicator levels of "
                            f"{level_name} {g} can produce", row=g, value=known.get(g))
        masses.append(m / m.max())
    # combine blocks under the overall window: suffix DP over blocks on the running total
    total_size = sum(len(m) for m in masses) - len(masses) + 1
    if index_h is not None:
        lo, hi = window(index_h, fw.total_units, fw.level_step)
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
        extra = f" together with the given {level_name} values {known}" if known else ""
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
    cons = {"index": None if index_h is None else index_h / 100}
    if known:
        cons[level_name + "s"] = dict(known)
    return Ensemble(framework=fw.name, levels=levels, constraints=cons, seed=seed)


def sample_published(published: pd.DataFrame, year: int, entities: tuple[str, ...], n: int = 1000,
                     seed: int = 0, prior: pd.DataFrame | None = None) -> dict[str, Ensemble]:
    """One ensemble of profiles per entity, each consistent with its published value.

    Parameters
    ----------
    published : DataFrame
        :func:`spbe_analysis.load_published`.
    year : int
    entities : tuple of str
    n : int
        Draws per entity.
    seed : int
        Seeds each entity's draws (entity ``k`` uses ``seed + k``).
    prior : DataFrame, optional
        See :func:`make_prior`.

    Returns
    -------
    dict
        Entity -> :class:`Ensemble` whose every profile has the published official index.

    Raises
    ------
    DataError
        For an entity without an exact published value (never sampled from a guess).

    Examples
    --------
    >>> from spbe_analysis import load_published, score
    >>> e = sample_published(load_published(), 2024, ("7501",), n=3, seed=1)
    >>> {score(r, "spbe2020").index for _, r in e["7501"].levels.iterrows()}
    {2.4}
    """
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
