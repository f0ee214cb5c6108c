import os
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("MPLBACKEND", "Agg")

# Reproducible property-based tests: the same examples on every run and machine.
# "repo" (the default, CI) tries 150 examples per property; "fast" (python3 make.py test-fast)
# tries 10, and caps the tests that set their own count through examples(n).
settings.register_profile("repo", derandomize=True, deadline=None, max_examples=150,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fast", derandomize=True, deadline=None, max_examples=10,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repo"))


def examples(n):
    """``n`` examples for a property that sets its own count, at most the active profile's."""
    return min(n, settings.default.max_examples)


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


def regency_codes():
    from spbe_analysis.context import entity_codes
    return entity_codes()[0]


REG = ("7501", "7502", "7503", "7504", "7505", "7571")


@pytest.fixture(scope="session")
def fw2020():
    import spbe_analysis as sa
    return sa.load_framework("spbe2020")


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Every notebook built in both languages through the README's builder: (reports, figures)."""
    from spbe_analysis import report
    root = tmp_path_factory.mktemp("build")
    reports, figures = root / "reports", root / "figures"
    report.build(report.plan(), reports=reports, figures=figures, progress=lambda m: None)
    return reports, figures


def sheet_from(values, tmp_path, name="sheet.csv", year=2024, seed=7, levels=None, sep=";"):
    """An SPBE 2020 evaluation sheet for the six regencies: each regency's levels drawn (exactly)
    for the official index in ``values`` ({code: index}), or all equal to ``levels``."""
    from spbe_analysis import profiles, sheets
    t = sheets.template("spbe2020", year=year)
    if levels is not None:
        t["level"] = levels
    else:
        prof = {e: profiles.sample_profiles("spbe2020", v, n=1, seed=seed).levels.iloc[0] for e, v in values.items()}
        t["level"] = [int(prof[e][i]) for e, i in zip(t["bps_code"], t["indicator"])]
    path = tmp_path / name
    t.to_csv(path, index=False, sep=sep)
    return path
