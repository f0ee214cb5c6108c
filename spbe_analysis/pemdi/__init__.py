"""The move to PEMDI (PermenPANRB 8/2026): the externally determined indicators, the unofficial
SPBE-to-PEMDI crosswalk, and each regency's projected PEMDI starting range.

* :mod:`.crosswalk`: ``load_external``, ``load_crosswalk``, ``load_assumptions`` (:class:`Assumptions`),
  ``crosswalk_arrays`` (:class:`Crosswalk`), ``weight_table``, ``crosswalk_summary``;
* :mod:`.projection`: ``project_values``, ``project_index``, ``project`` (:class:`Projection`),
  ``gap_by_indicator``, ``external_gap``;
* :mod:`.sheet`: ``results_from_sheet`` (real PEMDI results from the PEMDI sheet template);
* :mod:`.calibration`: ``load_pairs``, ``calibrate``, ``check_calibration`` (:class:`Calibration`): the
  carry-over credit and the value of new evidence checked on every real SPBE-to-PEMDI pair.

Everything here is UNOFFICIAL (the crosswalk is this package's) and, on illustrative profiles,
ILLUSTRATIVE. Results are dataclasses (:class:`Projection`, :class:`Crosswalk`,
:class:`Assumptions`), never carried in ``DataFrame.attrs``.
"""
from __future__ import annotations

from .crosswalk import (BASES, ROLES, Assumptions, Crosswalk, crosswalk_arrays, crosswalk_summary, load_assumptions,
                        load_crosswalk, load_external, weight_table)
from .projection import SCENARIOS, Projection, external_gap, gap_by_indicator, project, project_index, project_values
from .calibration import Calibration, Pair, calibrate, check_calibration, load_pairs
from .sheet import results_from_sheet

__all__ = ["BASES", "ROLES", "SCENARIOS", "Assumptions", "Calibration", "Crosswalk", "Pair", "Projection",
           "calibrate", "check_calibration", "load_pairs", "crosswalk_arrays",
           "crosswalk_summary", "external_gap", "gap_by_indicator", "load_assumptions", "load_crosswalk",
           "load_external", "project", "project_index", "project_values", "results_from_sheet", "weight_table"]
