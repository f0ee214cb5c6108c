"""Figures by family. Every chart is ``xxx_chart(data, *, lang, footer, ax=None)`` and returns
its axes; ``data`` is one object (a table or a small dataclass bundling the chart's inputs). Each
chart has a pure ``*_finding`` partner that returns the finding as a small dataclass
(``.title(lang)``, ``.text(lang)``): the figure's title, the notebook's findings and the regency
briefs all format that same object. :func:`show` saves the figure of a chart's axes.

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
pemdi      where the weight moved, projected PEMDI bands, index and aspect ranges, what holds the gap
robustness ranks and bands under perturbed weights, PEMDI moves that hold in every scenario
========== =====================================================================
"""
from . import brief, framework, indicators, maps, pace, paths, pemdi, robustness, snapshot, style, trends
from .style import published_footer, save_figure, show, use_style

__all__ = ["brief", "framework", "indicators", "maps", "pace", "paths", "pemdi", "published_footer", "robustness",
           "save_figure", "show", "snapshot", "style", "trends", "use_style"]
