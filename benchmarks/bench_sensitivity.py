"""Benchmark: the sensitivity Monte Carlo (``sensitivity.run``: Dirichlet weights x profiles, ranks
and bands of seven governments) against a bare numpy loop over replicates doing the same per
replicate (draw weights, pick a profile per government, score, rank). Prints the ratio. Not a test.

    python benchmarks/bench_sensitivity.py [--n 100000] [--loop 5000]
"""
from __future__ import annotations

import argparse
import time

import numpy as np

import spbe_analysis as sa
from spbe_analysis import sensitivity


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--loop", type=int, default=5_000, help="replicates timed in the loop (extrapolated)")
    args = ap.parse_args()
    ctx = sa.context(2024, n_profiles=1000)
    lv = ctx.with_province_profiles(1000)
    fw = ctx.framework
    t0 = time.perf_counter()
    sensitivity.run(lv, fw, n=args.n, concentration=100.0, seed=1)
    ours = time.perf_counter() - t0

    mats = [m.to_numpy() for m in lv.values()]
    w0 = fw.indicators["weight_pct"].to_numpy() / 100
    edges = np.array([float(x) for x in fw.bands["lower"]])
    rng = np.random.default_rng(1)
    t0 = time.perf_counter()
    for _ in range(args.loop):
        w = rng.dirichlet(100.0 * w0) * 100
        idx = np.array([m[rng.integers(len(m))] @ w / 100 for m in mats])
        np.argsort(np.argsort(-idx))
        np.searchsorted(edges, np.round(idx, 2), side="right")
    loop = (time.perf_counter() - t0) * args.n / args.loop
    print(f"replicates: {args.n:,} x {len(mats)} governments")
    print(f"sensitivity.run (vectorised)          : {ours:8.2f} s")
    print(f"bare numpy loop over replicates       : {loop:8.2f} s (timed on {args.loop:,}, extrapolated)")
    print(f"ratio loop / vectorised               : {loop / ours:8.1f}x")


if __name__ == "__main__":
    main()
