"""Gaps, dispersion, convergence and rank mobility across entities. Pure functions, no I/O.

By measure family, as PySAL's ``inequality`` is organised:

* :mod:`.gaps`: ``gap_table``, ``next_band``, ``gap_to``, ``pairwise_gaps``;
* :mod:`.inequality`: ``dispersion``, ``gini``, ``theil``, ``theil_decomposition`` (and
  ``row_measure``, the one implementation of every measure);
* :mod:`.censoring`: ``dispersion_bounds``, ``censor_range``;
* :mod:`.convergence`: ``sigma_convergence``, ``sigma_trend``, ``trend``, ``beta_convergence``;
* :mod:`.mobility`: ``rank_mobility``, ``band_label``, ``band_transitions``;
* :mod:`.values`: the shared input checks and the ``DESCRIPTIVE`` caveat.

Conventions
-----------
* Values are official (published, 2-decimal) indices; gaps between them are computed in
  integer hundredths, so a gap is exact (2.60 - 2.52 = 0.08, never 0.0799999).
* With six regencies every statistic here is **descriptive**: there is no sampling to test
  against. Convergence results say so in their ``note``.
* Missing and censored values are never filled in or silently dropped: functions that take the
  published panel report which entities they used and which they excluded, and why; censored
  values can be bounded exactly (``dispersion_bounds``) instead of being treated as exact.
* SD is the population SD (ddof=0): the six regencies are the whole population, not a sample.
* Data first, then the framework: ``next_band(value, fw)``, ``gap_table(values, fw)``.
"""
from .censoring import censor_range, dispersion_bounds
from .convergence import BetaConvergence, beta_convergence, sigma_convergence, sigma_trend, trend
from .gaps import gap_table, gap_to, next_band, pairwise_gaps
from .inequality import MEASURES, TheilDecomposition, dispersion, gini, row_measure, theil, theil_decomposition
from .mobility import band_label, band_transitions, rank_mobility
from .values import DESCRIPTIVE, as_shares, as_values

__all__ = [
    "BetaConvergence", "DESCRIPTIVE", "MEASURES", "TheilDecomposition", "as_shares", "as_values", "band_label",
    "band_transitions", "beta_convergence", "censor_range", "dispersion", "dispersion_bounds", "gap_table", "gap_to",
    "gini", "next_band", "pairwise_gaps", "rank_mobility", "row_measure", "sigma_convergence", "sigma_trend", "theil",
    "theil_decomposition", "trend",
]
