"""spbe_analysis: exact SPBE/PEMDI scoring, sourced data and gap analysis for the six
regencies of Gorontalo Province, Indonesia."""
from .data import load_codebook, load_published, load_regencies
from .errors import DataError
from .frameworks import FRAMEWORK_NAMES, Framework, load_framework, make_framework
from .scoring import (Score, WhatIf, effective_weights, predicate, round_half_up, score, score_table,
                      what_if)

__version__ = "0.1.0"

__all__ = [
    "DataError", "FRAMEWORK_NAMES", "Framework", "Score", "WhatIf", "effective_weights", "load_codebook",
    "load_framework", "load_published", "load_regencies", "make_framework", "predicate", "round_half_up",
    "score", "score_table", "what_if",
]
