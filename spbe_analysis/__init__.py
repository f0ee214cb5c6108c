"""spbe_analysis: exact SPBE/PEMDI scoring, sourced data and gap analysis for the six
regencies of Gorontalo Province, Indonesia.

See ``docs/API.md`` for the functions grouped by task."""
from .context import Context, context
from .data import load_boundaries, load_codebook, load_published, load_regencies
from .errors import DataError
from .labels import entity_names
from .frameworks import FRAMEWORK_NAMES, Framework, as_framework, load_framework, make_framework
from .official import round_half_up
from .scoring import Score, WhatIf, effective_weights, predicate, score, score_table, what_if

__version__ = "0.2.0"

__all__ = [
    "Context", "DataError", "FRAMEWORK_NAMES", "Framework", "Score", "WhatIf", "as_framework", "context",
    "effective_weights", "entity_names", "load_boundaries", "load_codebook", "load_framework", "load_published",
    "load_regencies", "make_framework", "predicate", "round_half_up", "score", "score_table", "what_if",
]
