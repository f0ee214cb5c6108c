"""Benchmark: score_table on N random 47-indicator profiles against a bare numpy
matrix-vector product on the same array (the floor: no validation, no exact rounding, no
predicates). Prints the times and the ratio. Not a test.

    python benchmarks/bench_scoring.py [--n 1000000] [--repeat 5] [--dtype int8]
"""
from __future__ import annotations

import argparse
import time

import numpy as np

import spbe_analysis as sa


def best_of(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--dtype", default="int8", help="dtype of the level array (int8, int64, float64)")
    args = ap.parse_args()
    fw = sa.load_framework("spbe2020")
    rng = np.random.default_rng(0)
    levels = rng.integers(1, 6, size=(args.n, fw.n)).astype(args.dtype)
    w = sa.effective_weights(fw).to_numpy() / 100

    baseline = best_of(lambda: levels @ w, args.repeat)
    ours = best_of(lambda: sa.score_table(levels, fw), args.repeat)
    check = sa.score_table(levels[:1000], fw)
    assert np.allclose(check["raw"].to_numpy(), levels[:1000] @ w)
    print(f"profiles: {args.n:,} x {fw.n} ({args.dtype}); best of {args.repeat}")
    print(f"numpy matrix-vector product      : {baseline * 1e3:8.1f} ms")
    print(f"score_table (validated, exact,   : {ours * 1e3:8.1f} ms")
    print("  rounded, predicates, DataFrame)")
    print(f"ratio score_table / numpy        : {ours / baseline:8.2f}x  (target <= 1.5x)")


if __name__ == "__main__":
    main()
