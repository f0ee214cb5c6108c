"""Benchmark: ensemble sampling, one cheapest path and a 5-year roadmap for the six regencies,
each against its baseline. Prints times and ratios. Not a test.

    python benchmarks/bench_paths.py [--repeat 3]

- with effort and prerequisites: one cheapest path (goal under 50 ms) and a six-regency
  2025-2029 roadmap (goal under 1 s; joint and rolling two-year horizon), against greedy.

- sampling: the exact dynamic-programming sampler (1,000 profiles per regency) against plain
  numpy rejection sampling from the same prior (draw independent profiles, keep those whose
  official index equals the published value), per accepted profile;
- cheapest path to Sangat Baik (3.50): the MILP (scipy/HiGHS) against the greedy baseline,
  time and cost, unit costs and escalating costs;
- 2025-2029 roadmap, 6 level steps a year, all six regencies: the MILP against the greedy
  yearly baseline, time and progress.
"""
from __future__ import annotations

import argparse
import time

import numpy as np

import spbe_analysis as sa
from spbe_analysis import paths, profiles
from spbe_analysis.official import hundredths, to_hundredths


def timed(fn, repeat):
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    fw = sa.load_framework("spbe2020")
    ctx = sa.context(2024)
    values = {e: float(ctx.values[e]) for e in ctx.codes}
    prior = profiles.make_prior(fw)

    # --- sampling
    t_dp, ens = timed(lambda: {e: profiles.sample_profiles(fw, v, n=args.n, seed=1, prior=prior).levels
                               for e, v in values.items()}, args.repeat)
    rng = np.random.default_rng(1)
    cum = prior.to_numpy().cumsum(axis=1)
    units = fw.units

    def reject(e, v, batch=200_000):
        h_target = to_hundredths(v)
        u = rng.random((batch, fw.n))
        lv = (u[:, :, None] > cum[None, :, :]).sum(axis=2) + 1
        n = lv @ units
        h = hundredths(n, fw.total_units, fw.level_step)
        return int((h == h_target).sum())

    t0 = time.perf_counter()
    acc = {e: reject(e, v) for e, v in values.items()}
    t_rej = time.perf_counter() - t0
    per_dp = t_dp / (args.n * len(values))
    per_rej = t_rej / max(1, sum(acc.values()))
    print(f"sampling, {args.n} profiles x 6 regencies      : {t_dp * 1e3:8.1f} ms  "
          f"({per_dp * 1e6:.1f} us per exact profile)")
    print(f"numpy rejection sampling, 6 x 200,000 draws  : {t_rej * 1e3:8.1f} ms, {sum(acc.values())} accepted "
          f"({per_rej * 1e6:.1f} us per accepted profile; acceptance {sum(acc.values()) / 1.2e6:.2%})")
    print(f"  ratio rejection / DP per profile           : {per_rej / per_dp:8.1f}x")

    # --- one cheapest path per regency
    first = {e: ens[e].iloc[0] for e in values}
    for label, cost in [("unit costs", None), ("escalating costs", paths.escalating_costs(fw))]:
        t_m, plans_m = timed(lambda: [paths.cheapest_path(first[e], fw, 3.50, cost=cost) for e in values], args.repeat)
        t_g, plans_g = timed(lambda: [paths.greedy_path(first[e], fw, 3.50, cost=cost) for e in values], args.repeat)
        cm, cg = sum(p.total_cost for p in plans_m), sum(p.total_cost for p in plans_g)
        print(f"cheapest path to 3.50, 6 regencies, {label:16s}: MILP {t_m / 6 * 1e3:6.1f} ms, greedy "
              f"{t_g / 6 * 1e3:6.2f} ms per path; time ratio {t_m / t_g:6.1f}x; cost MILP {cm:.0f} vs greedy {cg:.0f} "
              f"(ratio {cg / cm:.3f})")

    # --- 5-year roadmap for the six regencies
    years = [2025, 2026, 2027, 2028, 2029]
    t_r, rms = timed(lambda: [paths.roadmap(first[e], fw, years, 6) for e in values], args.repeat)
    t_gr, grs = timed(lambda: [paths.greedy_roadmap(first[e], fw, years, 6) for e in values], args.repeat)
    pm = sum(r.summary["index"].sum() for r in rms)
    pg = sum(r.summary["index"].sum() for r in grs)
    print(f"5-year roadmap, 6 regencies                 : MILP {t_r * 1e3:8.1f} ms, greedy {t_gr * 1e3:8.1f} ms; "
          f"time ratio {t_r / t_gr:6.1f}x; progress (sum of yearly indices) MILP {pm:.2f} vs greedy {pg:.2f}")



def bench_prerequisites(repeat: int = 3) -> None:
    """Cheapest path with effort and prerequisites (goal under 50 ms), and a six-regency 2025-2029
    roadmap with effort and prerequisites (goal under 1 s), each against the greedy baseline on
    cost (or progress) and time."""
    from spbe_analysis import assumptions
    ctx = sa.context(2024, n_profiles=5)
    fw = ctx.framework
    eff, pr = assumptions.load_effort(fw), assumptions.load_prerequisites(fw)
    first = {e: ctx.profiles.levels[e].iloc[0] for e in ctx.codes}
    t_m, pm = timed(lambda: [paths.cheapest_path(first[e], fw, 3.50, cost=eff, prerequisites=pr) for e in first], repeat)
    t_g, pg = timed(lambda: [paths.greedy_path(first[e], fw, 3.50, cost=eff, prerequisites=pr) for e in first], repeat)
    cm, cg = sum(p.total_cost for p in pm), sum(p.total_cost for p in pg)
    print(f"cheapest path to 3.50 with effort + prerequisites: MILP {t_m / 6 * 1e3:6.1f} ms per path (goal < 50 ms), "
          f"greedy {t_g / 6 * 1e3:6.2f} ms; effort MILP {cm:.2f} vs greedy {cg:.2f} (greedy / MILP {cg / cm:.3f})")
    years = [2025, 2026, 2027, 2028, 2029]
    t_r, rm = timed(lambda: [paths.roadmap(first[e], fw, years, 8.0, cost=eff, prerequisites=pr) for e in first], repeat)
    t_gr, gr = timed(lambda: [paths.greedy_roadmap(first[e], fw, years, 8.0, cost=eff, prerequisites=pr) for e in first],
                     repeat)
    t_h, rh = timed(lambda: [paths.roadmap(first[e], fw, years, 8.0, cost=eff, prerequisites=pr, horizon=2)
                             for e in first], repeat)
    prog = lambda rs: sum(r.summary["index"].sum() for r in rs)  # noqa: E731
    print(f"2025-2029 roadmap, six regencies, effort 8/year + prerequisites: MILP {t_r:6.2f} s (goal < 1 s), "
          f"rolling-2 {t_h:6.2f} s, greedy {t_gr:6.3f} s; progress MILP {prog(rm):.2f}, rolling {prog(rh):.2f}, "
          f"greedy {prog(gr):.2f}")


if __name__ == "__main__":
    main()
    bench_prerequisites()
