import os
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("MPLBACKEND", "Agg")

# Reproducible property-based tests: the same examples on every run and machine.
settings.register_profile("repo", derandomize=True, deadline=None, max_examples=150,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repo"))


def reference_index(levels, fw):
    """Independent exact reference: Fraction arithmetic straight from the weights."""
    total = sum(Fraction(w) * Fraction(levels[i]) for i, w in fw.indicators["weight"].items())
    return total / 100


def reference_round(x: Fraction) -> Fraction:
    """Half-up rounding to hundredths, from the definition."""
    return Fraction(int(np.floor(x * 100 + Fraction(1, 2))), 100)


def profile_with_units(fw, target_units):
    """A level profile whose integer weighted sum is exactly ``target_units`` (or None)."""
    units = [int(u) for u in fw.units]
    lo, hi = fw.level_min, fw.level_max
    # reachable[j] = set of partial sums achievable with the first j indicators
    reach = [{0}]
    for u in units:
        reach.append({s + u * level for s in reach[-1] for level in range(lo, hi + 1)})
    if target_units not in reach[-1]:
        return None
    levels, s = [], target_units
    for j in range(len(units) - 1, -1, -1):
        for level in range(lo, hi + 1):
            if s - units[j] * level in reach[j]:
                levels.append(level)
                s -= units[j] * level
                break
    levels.reverse()
    return dict(zip(fw.ids, levels))


@pytest.fixture(scope="session")
def fw2020():
    import spbe_analysis as sa
    return sa.load_framework("spbe2020")
