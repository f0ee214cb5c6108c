"""PEMDI action plans for the cycles that come next (2027-2029 by default).

Each regency is planned from its own 2026 PEMDI start: the assessor's values where a sheet gives
them (else its self-assessment), otherwise the projected start, labelled as such. The plan follows
the rules of :mod:`spbe_analysis.planrules` (``data/assumptions/plan_settings.csv``): the team's
yearly effort in full, securing by the last cycle the highest predicate band it can reach with a
margin above the band's edge, one new level per indicator per cycle, every prerequisite and dwell
row, partial values costing the missing share of their level, one-off shared efforts paid once, and
(by default) no level that another agency's national index sets. A band reached inside the margin
is reported as reached at the edge. The steps of the first cycle then carry what an office needs:
the level's criteria and their status, the evidence to upload and its status, the lead office and
co-owners, the outside dependency, the steps of the same cycle the step rests on, and the evidence
deadline.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

import pandas as pd

from . import checks, criteria
from .assumptions import load_effort, load_prerequisites, load_shared_efforts
from .errors import DataError
from .frameworks import as_framework
from .planrules import load_settings, national_index_levels, national_upside, plan_roadmap
from .scoring import score
from .sheets import load_sheet

FRAMEWORK = "pemdi2026"
#: The columns of ``reports/rencana_aksi_<code>.csv``.
CSV_COLUMNS = ["code", "cycle", "indicator", "from_value", "to_level", "index_gain", "effort", "criteria_status",
               "lead_office", "evidence", "deadline"]
#: The national index behind each PEMDI indicator that has levels set by one (which levels:
#: ``data/assumptions/national_index_levels.csv``; a step to such a level is of kind "outside index").
OUTSIDE_INDEX = {"I5": "Indeks SDI (Bappenas)", "I6": "Skor SJIG (BIG)", "I7": "EPSS/IPS (BPS)",
                 "I10": "IKASANDI (BSSN)", "I11": "IKASANDI (BSSN)", "I12": "IKASANDI (BSSN)",
                 "I18": "Indeks SDI, aspek interoperabilitas (Bappenas)"}
#: The same in English (English pages and workbooks).
OUTSIDE_INDEX_EN = {"I5": "SDI index (Bappenas)", "I6": "SJIG score (BIG)", "I7": "EPSS/IPS (BPS)",
                    "I10": "IKASANDI (BSSN)", "I11": "IKASANDI (BSSN)", "I12": "IKASANDI (BSSN)",
                    "I18": "SDI index, interoperability aspect (Bappenas)"}
#: The step columns that have an English text beside them (``<column>_en``).
EN_COLUMNS = ("lead_office", "co_owners", "national_counterpart", "outside")


@dataclass(frozen=True)
class Start:
    """A regency's PEMDI starting values: ``values`` (indicator -> value 1-5), ``basis``
    ("assessor", "self_assessment" or "projected"), ``cycle`` (2026), ``held_since`` (indicator ->
    cycle, where the sheet says), and where a sheet gives both, ``self_assessment``."""

    code: str
    values: pd.Series
    basis: str
    cycle: int
    held_since: dict = field(default_factory=dict)
    self_assessment: pd.Series | None = None

    @property
    def index(self) -> float:
        return score(self.values.to_dict(), FRAMEWORK).index

    @property
    def index_self(self) -> float | None:
        if self.self_assessment is None:
            return None
        return score(self.self_assessment.to_dict(), FRAMEWORK).index

    def differences(self) -> pd.DataFrame:
        """Indicators where the self-assessment and the assessor's value differ."""
        if self.self_assessment is None:
            return pd.DataFrame(columns=["indicator", "self_assessment", "assessor_value"])
        d = pd.DataFrame({"self_assessment": self.self_assessment.astype(float), "assessor_value": self.values.astype(float)})
        return d[d["self_assessment"] != d["assessor_value"]].rename_axis("indicator").reset_index()


def starts_from_sheet(path: str, worksheet: str | None = None, cycle: int = 2026) -> dict[str, Start]:
    """The PEMDI starts of the regencies a PEMDI sheet gives (any subset of the six).

    Parameters
    ----------
    path : str
        A filled-in PEMDI sheet (``sheet_template_pemdi2026``): a ``level`` column, or
        ``self_assessment`` and/or ``assessor_value`` (planned from the assessor's value where
        given), and optionally ``held_since``.
    worksheet : str, optional
    cycle : int
        The evaluated cycle whose values start the plan.

    Returns
    -------
    dict
        BPS code -> :class:`Start`.

    Raises
    ------
    DataError
        Naming the file, row, column and value of a bad cell, or a sheet without that cycle.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from spbe_analysis.sheets import template
    >>> t = template("pemdi2026", entities=("7501",), year=2026)
    >>> t["self_assessment"], t["assessor_value"] = "1,5", "1,25"
    >>> p = Path(tempfile.mkdtemp()) / "pemdi.csv"
    >>> t.to_csv(p, index=False, sep=";")
    >>> s = starts_from_sheet(str(p))["7501"]
    >>> s.basis, s.index, s.index_self
    ('assessor', 1.25, 1.5)
    """
    cycle = checks.count(cycle, "cycle argument", minimum=2026)
    df = load_sheet(path, FRAMEWORK, worksheet=worksheet)
    df = df[df["year"] == cycle]
    if df.empty:
        raise DataError(str(path), f"rows of the {cycle} cycle", column="year")
    out = {}
    for code, g in df.groupby("bps_code", sort=True):
        g = g.set_index("indicator")
        values = g["level"]
        basis, selfv = "assessor", None
        if "assessor_value" in g.columns:
            if g["assessor_value"].isna().any():
                basis = "self_assessment" if g["assessor_value"].isna().all() else "assessor"
            if g["self_assessment"].notna().all() and g["assessor_value"].notna().all():
                selfv = g["self_assessment"]
        since = {}
        if "held_since" in g.columns:
            since = {i: int(v) for i, v in g["held_since"].items() if v is not None and not pd.isna(v)}
        out[str(code)] = Start(str(code), values, basis, cycle, since, selfv)
    return out


def projected_start(code: str, values: pd.DataFrame, cycle: int = 2026) -> Start:
    """A projected start: the median of the central projection's draws of each indicator value,
    floored to two decimals (a value the assessor could give).

    Parameters
    ----------
    code : str
    values : DataFrame
        The projected values of this regency's central-scenario draws (draws x 20 indicators), as
        in :attr:`spbe_analysis.pemdi.Projection.values`.
    cycle : int

    Returns
    -------
    Start

    Examples
    --------
    >>> v = pd.DataFrame([{f"I{k}": 1.3 for k in range(1, 21)}, {f"I{k}": 1.5 for k in range(1, 21)}])
    >>> projected_start("7501", v).index
    1.4
    """
    fw = as_framework(FRAMEWORK)
    checks.frame(values, "values argument", columns=fw.ids)
    med = values[list(fw.ids)].median()
    return Start(code, (med * 100 + 1e-9).floordiv(1) / 100, "projected", cycle)


def next_target(value: float) -> tuple[str, float] | None:
    """The next PEMDI band above an index value: (name, lower edge), or None at the top.

    Examples
    --------
    >>> next_target(1.24)[0]
    'Cukup (Membangun)'
    """
    fw = as_framework(FRAMEWORK)
    above = fw.bands[fw.bands["lower"].astype(float) > value + 1e-12].sort_values("rank")
    return None if above.empty else (str(above.iloc[0]["predicate"]), float(above.iloc[0]["lower"]))


@dataclass(frozen=True)
class ActionPlan:
    """One regency's PEMDI plan: ``start``; ``cycles``; ``target`` (band, edge): the band the plan
    secures or reaches, else the next band, or None at the top; ``kind``: "to the band" (secured
    by the last cycle with ``margin`` index points above the edge), "at the edge" (reached, but
    inside the margin) or "as far as the effort allows" (not reached); ``steps`` of the first
    cycle with everything an office needs (the offices and the outside dependency also in English,
    ``<column>_en`` for :data:`EN_COLUMNS`); ``roadmap`` (every cycle's steps) and ``summary``
    (index and band per cycle); ``national_caps`` (indicator -> highest level planned, for the
    indicators a national index sets) and ``national_upside`` (index points a rise of one level
    in each of them would add in the last cycle)."""

    code: str
    start: Start
    cycles: list
    target: tuple | None
    kind: str
    steps: pd.DataFrame
    roadmap: pd.DataFrame
    summary: pd.DataFrame
    margin: float = 0.0
    national_caps: dict = field(default_factory=dict)
    national_upside: float = 0.0

    @property
    def reached(self) -> int | None:
        """The first cycle whose index reaches the target band (None: not in these cycles)."""
        if self.target is None:
            return None
        hit = self.summary[self.summary["index"] >= self.target[1] - 1e-12]
        return int(hit["year"].iloc[0]) if len(hit) else None


def _needs(steps: pd.DataFrame, pr: Any) -> list[str]:
    """For each step, the steps of the same cycle it rests on (a prerequisite row met in that
    cycle), as "I1 -> 2"."""
    out = []
    for r in steps.itertuples():
        got = []
        for q in pr.rows.itertuples():
            if (q.indicator != r.indicator or not q.requires or not (r.from_value < q.level <= r.to_level)
                    or not (q.min_years is None or pd.isna(q.min_years) or int(q.min_years) == 0)):
                continue
            same = steps[(steps["cycle"] == r.cycle) & (steps["indicator"] == q.requires)]
            if ((same["from_value"] < q.requires_level) & (same["to_level"] >= q.requires_level)).any():
                got.append(f"{q.requires} -> {int(q.requires_level)}")
        out.append("; ".join(dict.fromkeys(got)))
    return out


def _order(steps: pd.DataFrame, pr: Any) -> pd.DataFrame:
    """Shared one-off work first (the steps it serves need it), then prerequisites (a step another
    step of the same cycle needs), then index gain per effort."""
    if steps.empty:
        return steps
    needed = set()
    for r in pr.rows.itertuples():
        if r.requires and (r.min_years is None or pd.isna(r.min_years) or int(r.min_years) == 0):
            if ((steps["indicator"] == r.indicator) & (steps["to_level"] >= r.level)).any():
                needed.add(r.requires)
    s = steps.assign(first=steps["indicator"].isin(needed).astype(int) + 2 * (steps["kind"] == "shared").astype(int),
                     ratio=steps["index_gain"] / steps["effort"].where(steps["effort"] > 0, 1e-9))
    return s.sort_values(["first", "ratio"], ascending=[False, False], kind="stable").drop(columns=["first", "ratio"])


def plan_actions(start: Start, first_cycle: int = 2027, n_cycles: int = 3, effort: Any = None,
                 prerequisites: Any = None, shared: Any = None, effort_per_cycle: float | None = None) -> ActionPlan:
    """One regency's PEMDI action plan for ``n_cycles`` cycles from ``first_cycle``.

    Parameters
    ----------
    start : Start
        From :func:`starts_from_sheet` or :func:`projected_start`.
    first_cycle : int
        The first cycle planned (the start is the cycle before).
    n_cycles : int
    effort : DataFrame or path, optional
        An effort table (the package's PEMDI effort by default; rupiah or person-months work).
    prerequisites : Prerequisites, optional
        The package's PEMDI prerequisites and dwell rows by default.
    shared : list of SharedEffort, optional
        The package's shared one-off efforts by default.
    effort_per_cycle : float, optional
        The effort a regency can spend per cycle (``plan_settings.csv`` by default).

    Returns
    -------
    ActionPlan

    Raises
    ------
    DataError
        For bad arguments.

    Examples
    --------
    >>> s = Start("7501", pd.Series({f"I{k}": 1.0 for k in range(1, 21)}), "projected", 2026)
    >>> p = plan_actions(s)
    >>> p.cycles, p.target[0], p.steps["cycle"].unique().tolist()
    ([2027, 2028, 2029], 'Cukup (Membangun)', [2027])
    """
    fw = as_framework(FRAMEWORK)
    if not isinstance(start, Start):
        raise DataError("start argument", "a Start", value=type(start).__name__)
    first_cycle = checks.count(first_cycle, "first_cycle argument", minimum=2027)
    n_cycles = checks.count(n_cycles, "n_cycles argument", minimum=1, maximum=10)
    if first_cycle != start.cycle + 1:
        raise DataError("first_cycle argument", f"the cycle after the start's {start.cycle}", value=first_cycle)
    cycles = list(range(first_cycle, first_cycle + n_cycles))
    effort = load_effort(FRAMEWORK, effort) if effort is None or isinstance(effort, str) else effort
    pr = load_prerequisites(FRAMEWORK) if prerequisites is None else prerequisites
    shared = load_shared_efforts(FRAMEWORK) if shared is None else list(shared)
    settings = load_settings()
    per = settings["effort_per_cycle"] if effort_per_cycle is None else checks.positive(
        effort_per_cycle, "effort_per_cycle argument")
    _, rm, caps = plan_roadmap(start.values, start.held_since, effort, pr, shared, cycles, per, settings=settings)
    last = float(rm.summary["index"].iloc[-1])
    reached = [(str(r.predicate), float(r.lower)) for r in fw.bands.sort_values("rank").itertuples()
               if start.index + 1e-12 < float(r.lower) <= last + 1e-12]
    if reached:
        target = reached[-1]
        kind = "to the band" if last >= round(target[1] + settings["band_margin"], 2) - 1e-12 else "at the edge"
    else:
        target, kind = next_target(start.index), "as far as the effort allows"
    names = fw.indicators["name_id"]
    nat = {(r.indicator, int(r.level)) for r in national_index_levels().itertuples()}
    rows = []
    for r in rm.steps.itertuples():
        card = criteria.level_card(r.indicator, int(r.to))
        by_index = (r.indicator, int(r.to)) in nat
        rows.append({"code": start.code, "cycle": int(r.year), "indicator": r.indicator, "name": names[r.indicator],
                     "from_value": round(float(r._4), 2), "to_level": int(r.to), "index_gain": float(r.contribution),
                     "effort": float(r.cost), "criteria_status": card.criteria_status,
                     "criteria_text": card.criteria_text, "evidence": "; ".join(card.evidence),
                     "lead_office": card.lead_office, "co_owners": card.co_owners,
                     "national_counterpart": card.national_counterpart,
                     "outside": OUTSIDE_INDEX[r.indicator] if by_index else card.external_dependency,
                     "lead_office_en": card.lead_office_en, "co_owners_en": card.co_owners_en,
                     "national_counterpart_en": card.national_counterpart_en,
                     "outside_en": OUTSIDE_INDEX_EN[r.indicator] if by_index else card.external_dependency_en,
                     "assessor_checks": "; ".join(card.assessor_checks), "evidence_note": card.evidence_note,
                     "evidence_note_en": card.evidence_note_en,
                     "kind": "outside index" if by_index else "evidence"})
    for r in rm.shared.itertuples():
        it = next(x for x in shared if x.name == r.item)
        rows.append({"code": start.code, "cycle": int(r.year), "indicator": it.name, "name": it.name,
                     "from_value": float("nan"), "to_level": pd.NA, "index_gain": 0.0, "effort": float(r.cost),
                     "criteria_status": "", "criteria_text": "", "lead_office": "Bappeda",
                     "evidence": "", "co_owners": "", "national_counterpart": "",
                     "outside": "", "lead_office_en": "Bappeda", "co_owners_en": "", "national_counterpart_en": "",
                     "outside_en": "", "assessor_checks": "", "evidence_note": "", "evidence_note_en": "", "kind": "shared",
                     "serves": ", ".join(f"{i} -> {lv}" for i, lv in it.steps)})
    allsteps = pd.DataFrame(rows)
    if allsteps.empty:
        allsteps = pd.DataFrame(columns=CSV_COLUMNS + ["name", "criteria_text", "co_owners", "national_counterpart",
                                                       "outside", "kind"] + [c + "_en" for c in EN_COLUMNS])
    allsteps["deadline"] = [criteria.evidence_deadline(int(c)).date.isoformat() for c in allsteps["cycle"]]
    allsteps["needs"] = _needs(allsteps, pr) if len(allsteps) else []
    firsts = _order(allsteps[allsteps["cycle"] == first_cycle], pr).reset_index(drop=True)
    final = dict(start.values)
    for r in rm.steps.itertuples():
        final[r.indicator] = max(float(final[r.indicator]), float(r.to))
    return ActionPlan(start.code, start, cycles, target, kind, firsts, allsteps.reset_index(drop=True),
                      rm.summary[["year", "cost", "gain", "index", "predicate"]].copy(), settings["band_margin"],
                      caps, national_upside(final, caps) if caps else 0.0)


def plan_table(plans: Mapping[str, ActionPlan] | list) -> pd.DataFrame:
    """The first-cycle steps of many plans in the columns of ``rencana_aksi_<code>.csv``.

    Parameters
    ----------
    plans : list or mapping of ActionPlan

    Returns
    -------
    DataFrame
        :data:`CSV_COLUMNS`, one row per step.

    Examples
    --------
    >>> s = Start("7501", pd.Series({f"I{k}": 1.0 for k in range(1, 21)}), "projected", 2026)
    >>> plan_table([plan_actions(s)]).columns.tolist() == CSV_COLUMNS
    True
    """
    items = list(plans.values()) if isinstance(plans, Mapping) else list(plans)
    frames = [p.steps[CSV_COLUMNS] for p in items if len(p.steps)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=CSV_COLUMNS)


def regency_starts(codes: list, projection: Any, sheet_starts: Mapping[str, Start] | None = None) -> dict[str, Start]:
    """Every regency's start: its own PEMDI values where a sheet gives them, otherwise the
    projected start (:func:`projected_start` of the central scenario).

    Parameters
    ----------
    codes : list of str
        BPS codes.
    projection : Projection
        From :func:`spbe_analysis.pemdi.project`.
    sheet_starts : mapping, optional
        From :func:`starts_from_sheet` (any subset of ``codes``).

    Returns
    -------
    dict
        BPS code -> :class:`Start`, in the order of ``codes``.

    Raises
    ------
    DataError
        For a sheet regency that is not among ``codes``, or a code the projection lacks.

    Examples
    --------
    >>> from spbe_analysis import pemdi
    >>> proj = pemdi.project({"7501": pd.DataFrame([{str(i): 2 for i in range(1, 48)}] * 4)}, seed=1)
    >>> regency_starts(["7501"], proj)["7501"].basis
    'projected'
    """
    sheet_starts = dict(sheet_starts or {})
    for c in sheet_starts:
        if c not in codes:
            raise DataError("sheet_starts argument", f"BPS codes among {', '.join(codes)}", value=c)
    v = projection.values
    out = {}
    for c in codes:
        if c in sheet_starts:
            out[c] = sheet_starts[c]
            continue
        mine = v[(v["scenario"] == "central") & (v["entity"] == c)]
        if mine.empty:
            raise DataError("projection argument", f"central draws of every regency (none for {c})", value=c)
        out[c] = projected_start(c, mine)
    return out


def plan_all(starts: Mapping[str, Start], first_cycle: int = 2027, n_cycles: int = 3, effort: Any = None,
             **kwargs: Any) -> dict[str, ActionPlan]:
    """:func:`plan_actions` for every start (one regency or all six).

    Parameters
    ----------
    starts : mapping
        BPS code -> :class:`Start`.
    first_cycle, n_cycles, effort, **kwargs
        As in :func:`plan_actions`.

    Returns
    -------
    dict
        BPS code -> :class:`ActionPlan`.

    Examples
    --------
    >>> s = Start("7501", pd.Series({f"I{k}": 1.0 for k in range(1, 21)}), "projected", 2026)
    >>> list(plan_all({"7501": s}))
    ['7501']
    """
    return {c: plan_actions(s, first_cycle, n_cycles, effort, **kwargs)
            for c, s in checks.mapping(starts, "starts argument", allow_empty=False).items()}


__all__ = ["ActionPlan", "CSV_COLUMNS", "EN_COLUMNS", "OUTSIDE_INDEX", "OUTSIDE_INDEX_EN", "Start", "load_settings",
           "next_target", "plan_actions", "plan_all", "plan_table", "projected_start", "regency_starts",
           "starts_from_sheet"]
