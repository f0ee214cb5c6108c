"""Benchmark: ``score_table`` on N random 47-indicator profiles against the fastest plain numpy a
user would write on the same int8 array: the integer weighted sum with integer weight units
(``np.einsum('ij,j->i', L, u, dtype=np.int32)``) and a float32 matrix-vector product. Both
baselines stop at the weighted sum: no validation, no exact rounding, no predicates, no table.
Prints the times and the ratio against the faster baseline (goal: 1.5x or better). Not a test.

    python benchmarks/bench_scoring.py [--n 1000000] [--repeat 7]
"""
from __future__ import annotations

import argparse
import time

import numpy as np

import spbe_analysis as sa
from spbe_analysis.official import hundredths


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    fw = sa.load_framework("spbe2020")
    rng = np.random.default_rng(0)
    levels = rng.integers(1, 6, size=(args.n, fw.n)).astype(np.int8)
    u16 = fw.units.astype(np.int16)                      # integer weight units (1.30 % -> 26)
    w32 = (fw.units / fw.total_units * 100).astype(np.float32) / 100

    einsum = best_of(lambda: np.einsum("ij,j->i", levels, u16, dtype=np.int32), args.repeat)
    f32 = best_of(lambda: levels.astype(np.float32) @ w32, args.repeat)
    ours = best_of(lambda: sa.score_table(levels, fw), args.repeat)

    check = sa.score_table(levels[:20000], fw)
    n = np.einsum("ij,j->i", levels[:20000], u16, dtype=np.int32)
    assert (check["value"].to_numpy() == hundredths(n, fw.total_units) / 100).all()
    fastest = min(einsum, f32)
    print(f"profiles: {args.n:,} x {fw.n} (int8); best of {args.repeat}")
    print(f"numpy einsum, int32 on integer weight units : {einsum * 1e3:8.1f} ms")
    print(f"numpy float32 matrix-vector product         : {f32 * 1e3:8.1f} ms")
    print(f"score_table (validated, exact rounding,     : {ours * 1e3:8.1f} ms")
    print("  predicates, tidy DataFrame)")
    print(f"ratio score_table / fastest plain numpy     : {ours / fastest:8.2f}x  (goal <= 1.5x)")


if __name__ == "__main__":
    main()
