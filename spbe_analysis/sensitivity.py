"""Sensitivity of ranks and bands (the way JRC's COINr does it): a Monte Carlo over the weights
(Dirichlet around the official weights, with a concentration parameter) and over the unknown
indicator levels (a profile drawn from each entity's ensemble), with the official run as
replicate 0. Results per entity: the nominal rank and band, the median and 5-95 % range of the
rank, and the probability of each predicate band; the sampled parameters are returned with them.

Vectorised: all replicates are scored in one pass (blocks of replicates, float32 products of small
integers and weights), so 100,000 replicates for seven entities take about a second.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import numpy as np
import pandas as pd

from . import checks
from .errors import DataError
from .frameworks import Framework, as_framework
from .official import hundredths
from .scoring import level_matrix

BLOCK = 20_000


@dataclass(frozen=True)
class Sensitivity:
    """``summary``: one row per entity (nominal index, band and rank; median rank, 5 % and 95 %
    rank; probability of each band as ``p_<band>``). ``index`` (replicates x entities, official
    hundredths / 100) and ``rank`` (replicates x entities, 1 = highest) hold every replicate, row 0
    being the official run; ``weights`` (replicates x indicators, percent) and ``draws``
    (replicates x entities, the profile used) are the sampled parameters."""

    summary: pd.DataFrame
    index: pd.DataFrame
    rank: pd.DataFrame
    weights: pd.DataFrame
    draws: pd.DataFrame
    concentration: float
    illustrative: bool


def dirichlet_weights(framework: Framework | str, n: int, concentration: float, seed: int = 0,
                      by: str = "indicator") -> np.ndarray:
    """Weight vectors drawn from a Dirichlet around the official weights.

    alpha = concentration x official share. With ``by="aspect"`` the aspect weights vary and the
    indicators inside an aspect keep their relative weights. A larger concentration keeps the draws
    closer to the official weights.

    Parameters
    ----------
    framework : Framework or str
    n : int
        Number of draws.
    concentration : float
    seed : int
    by : {"indicator", "aspect"}

    Returns
    -------
    numpy.ndarray
        ``n`` x indicators, percent of the index; each row sums to 100.

    Raises
    ------
    DataError
        For a non-positive concentration or count.

    Examples
    --------
    >>> w = dirichlet_weights("spbe2020", 3, 100.0, seed=1)
    >>> w.shape, bool(np.allclose(w.sum(axis=1), 100))
    ((3, 47), True)
    """
    fw = as_framework(framework)
    n = checks.count(n, "n argument", minimum=1)
    kappa = checks.positive(concentration, "concentration argument")
    checks.choice(by, ("indicator", "aspect"), "by argument")
    rng = np.random.default_rng(checks.count(seed, "seed argument", minimum=0))
    w0 = fw.indicators["weight_pct"].to_numpy() / 100
    if by == "indicator":
        return rng.dirichlet(kappa * w0, size=n) * 100
    M = fw.membership("aspect").astype(float)
    a0 = w0 @ M
    aw = rng.dirichlet(kappa * a0, size=n)                    # n x aspects
    within = w0[:, None] * M / a0[None, :]                    # indicators x aspects, columns sum to 1
    return aw @ within.T * 100


def run(levels_by_entity: Mapping[str, pd.DataFrame], framework: Framework | str, n: int = 10_000,
        concentration: float = 100.0, seed: int = 0, by: str = "indicator",
        illustrative: bool = True, weights: bool = True, levels: bool = True) -> Sensitivity:
    """The Monte Carlo (replicate 0 is the official run: official weights and each entity's
    first profile, the one a real sheet gives).

    Parameters
    ----------
    levels_by_entity : mapping {entity: DataFrame (profiles x indicators)}
        An ensemble per entity (or one row per entity from a real sheet).
    framework : Framework or str
    n : int
        Replicates, the official run included.
    concentration : float
        Dirichlet concentration of the weights (100: weights typically within about +-15 % of
        their official value for SPBE 2020; smaller is wider).
    seed : int
    by : {"indicator", "aspect"}
        Which weights vary.
    illustrative : bool
        Whether the profiles are illustrative (carried into the result).
    weights, levels : bool
        Which unknowns vary (both by default; one alone shows its own share of the spread).

    Returns
    -------
    Sensitivity

    Examples
    --------
    >>> lv = {e: pd.DataFrame([{str(i): v for i in range(1, 48)}]) for e, v in (("a", 2), ("b", 3))}
    >>> s = run(lv, "spbe2020", n=50, seed=1)
    >>> s.summary["nominal_rank"].tolist(), s.summary["p_Baik"].tolist()
    ([2, 1], [0.0, 1.0])
    """
    fw = as_framework(framework)
    n = checks.count(n, "n argument", minimum=1, maximum=10_000_000)
    lv = checks.mapping(levels_by_entity, "levels_by_entity argument", allow_empty=False)
    ents = list(lv)
    mats = []
    for e in ents:
        k, _ = level_matrix(checks.frame(lv[e], f"levels_by_entity argument [{e}]"), fw,
                            f"levels_by_entity argument [{e}]")
        mats.append(k)
    rng = np.random.default_rng(checks.count(seed, "seed argument", minimum=0))
    W = dirichlet_weights(fw, n, concentration, seed=int(rng.integers(2**31)), by=by)
    if not weights:
        W[:] = fw.indicators["weight_pct"].to_numpy()
    W[0] = fw.indicators["weight_pct"].to_numpy()
    D = np.column_stack([rng.integers(0, len(m), size=n) for m in mats])
    if not levels:
        D[:] = 0
    D[0] = 0
    step = float(fw.level_step)
    H = np.empty((n, len(ents)), dtype=np.int64)
    for r0 in range(0, n, BLOCK):
        w = W[r0:r0 + BLOCK].astype(np.float64)
        for c, m in enumerate(mats):
            L = m[D[r0:r0 + BLOCK, c]].astype(np.float64) * step
            raw = np.einsum("rj,rj->r", L, w) / 100
            H[r0:r0 + BLOCK, c] = np.floor(raw * 100 + 0.5 + 1e-9)      # perturbed weights: float rounding
    # replicate 0 exactly as the official method (integer arithmetic)
    for c, m in enumerate(mats):
        H[0, c] = int(hundredths(int(fw.units @ m[0]), fw.total_units, fw.level_step))
    lo, hi = fw.level_min * 100, fw.level_max * 100
    Hc = np.clip(H, lo, hi)
    if (Hc != H).any():
        raise DataError("levels_by_entity argument", "levels on the framework's scale")
    R = (-H).argsort(axis=1, kind="stable").argsort(axis=1) + 1
    bands = fw.band_names("id")
    B = fw.band_index(Hc)
    rows = []
    for c, e in enumerate(ents):
        r = R[:, c]
        row = {"entity": e, "nominal_index": H[0, c] / 100, "nominal_band": bands[int(B[0, c])],
               "nominal_rank": int(r[0]), "median_rank": float(np.median(r)), "rank_p5": float(np.quantile(r, 0.05)),
               "rank_p95": float(np.quantile(r, 0.95)), "index_p5": float(np.quantile(H[:, c], 0.05)) / 100,
               "index_p95": float(np.quantile(H[:, c], 0.95)) / 100}
        for k, b in enumerate(bands):
            row[f"p_{b}"] = float((B[:, c] == k).mean())
        rows.append(row)
    idx = pd.RangeIndex(n, name="replicate")
    return Sensitivity(pd.DataFrame(rows), pd.DataFrame(H / 100, index=idx, columns=ents),
                       pd.DataFrame(R, index=idx, columns=ents), pd.DataFrame(W, index=idx, columns=list(fw.ids)),
                       pd.DataFrame(D, index=idx, columns=ents), float(concentration), bool(illustrative))


def rank_stability(s: Sensitivity) -> pd.DataFrame:
    """Per entity: how often it keeps its nominal rank and its nominal band.

    Parameters
    ----------
    s : Sensitivity
        From :func:`run`.

    Returns
    -------
    DataFrame
        One row per entity: ``keeps_rank`` and ``keeps_band`` (the share of replicates in which it
        keeps its nominal rank and its nominal band) and ``bands`` (how many bands it reaches).

    Examples
    --------
    >>> lv = {e: pd.DataFrame([{str(i): v for i in range(1, 48)}]) for e, v in (("a", 2), ("b", 4))}
    >>> rank_stability(run(lv, "spbe2020", n=50, seed=1))[["keeps_rank", "keeps_band"]].iloc[1].tolist()
    [1.0, 1.0]
    """
    out = []
    bands = [c for c in s.summary.columns if c.startswith("p_")]
    for _, r in s.summary.iterrows():
        e = r["entity"]
        out.append({"entity": e, "keeps_rank": float((s.rank[e] == r["nominal_rank"]).mean()),
                    "keeps_band": float(r[f"p_{r['nominal_band']}"]), "bands": len([b for b in bands if r[b] > 0])})
    return pd.DataFrame(out)
