"""Figures by family. Each chart function has a pure ``*_finding`` partner that returns the
finding as a small dataclass (``.title(lang)``, ``.text(lang)``): the figure's title, the
notebook's findings and the regency briefs all format that same object.

========== =====================================================================
module     charts
========== =====================================================================
style      the look: colours, sizes, footers, ``save_figure`` / ``show``
framework  weights by aspect, index gain per level step
snapshot   ranking over the bands, gaps to the next band, province and each other, spread
trends     trajectories, sigma and beta convergence, the province's leap
maps       choropleth in the band colours, locator map
indicators where the gap sits, by domain and aspect
paths      fewest steps, where the steps fall, roadmaps, shared services, no-regret moves
pace       observed yearly change and its backtest, roadmaps across the SPBE-PEMDI break
========== =====================================================================
"""
from . import brief, framework, indicators, maps, pace, paths, pemdi, robustness, snapshot, style, trends
from .style import save_figure, show, use_style

__all__ = ["brief", "framework", "indicators", "maps", "pace", "paths", "pemdi", "robustness", "save_figure", "show",
           "snapshot", "style", "trends", "use_style"]
