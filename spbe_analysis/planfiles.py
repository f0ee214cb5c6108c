"""The action-plan files an office works from: ``reports/<lang>/rencana_aksi_<code>.xlsx`` (the
first cycle's steps with the criteria, evidence, owners and deadline, empty columns to track the
work, the roadmap and the notes), ``reports/rencana_aksi_<code>.csv`` (the steps in fixed
columns, for other tools, with a ``start_basis`` column that marks an illustrative projected
start) and ``reports/id/rencana_aksi_<code>.csv`` (the same steps for a spreadsheet in an Indonesian
locale: Indonesian headings, ``;`` between columns, decimal commas). Both are rewritten byte for byte the same from the same plan."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .actionplan import CSV_COLUMNS, ActionPlan
from .figures.actions import (cut_text, deadline_text, evidence_note_text, needs_text, evidence_text, exact_index, shown_value, in_lang, margin_text,
                              prior_items, serves_text, timing_text)
from .labels import num, t

_FIXED_TIME = (2026, 1, 1, 0, 0, 0)
_STATUS = {"verbatim_raw": "plan_status_verbatim", "verbatim_fragment": "plan_status_fragment",
           "unverified_later": "plan_status_unverified"}
_BASIS = {"assessor": "plan_basis_assessor", "self_assessment": "plan_basis_self", "projected": "plan_basis_projected"}


def step_name(row: pd.Series, lang: str) -> str:
    """The displayed name of a step: the indicator's code and name, or a shared item's title."""
    if row["kind"] == "shared":
        return t(f"shared_{row['indicator']}", lang)
    return f"{row['indicator']} {row['name']}"


def status_text(status: str, lang: str) -> str:
    """The criteria status in words ("kutipan sebagian", "belum terverifikasi", ...)."""
    return t(_STATUS[status], lang) if status in _STATUS else ""


def _deterministic(data: bytes) -> bytes:
    """The same workbook with every zip entry dated alike (openpyxl stamps the current time)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":      # openpyxl writes the save time here
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z", data)
            dst.writestr(zi, data)
    return out.getvalue()


#: ``start_basis`` of the CSV: how the start values were obtained, in fixed machine words.
START_BASIS = {"projected": "projected (illustrative)", "assessor": "assessor", "self_assessment": "self_assessment"}
#: The columns of ``reports/rencana_aksi_<code>.csv``: :data:`~spbe_analysis.actionplan.CSV_COLUMNS`
#: and ``start_basis`` (the same on every row of a file).
PLAN_CSV_COLUMNS = CSV_COLUMNS + ["start_basis", "evidence_status", "assessor_checks", "needs"]
_F2, _F3 = "0.00", "0.000"


def _num_cells(ws, row: int, formats: dict) -> None:
    """Excel number formats of one row's cells (column letter -> format)."""
    for col, fmt in formats.items():
        ws[f"{col}{row}"].number_format = fmt


def _criteria_cell(r: dict, plan: ActionPlan, lang: str) -> str:
    if r["kind"] == "shared":
        return serves_text(plan, r, lang)
    cut = cut_text(r, lang)
    return (str(r["criteria_text"] or "") + ("\n" + cut if cut else "")).strip()


def _get(r: dict, column: str) -> str:
    """A step's text column ("" for a plan of an older shape without it)."""
    v = r.get(column, "")
    return "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)


def _prior_cell(r: dict) -> str:
    prior = prior_items(r)
    return f"Level {prior[0]}: " + "; ".join(prior[1]) if prior and prior[1] else ""


def workbook_bytes(plan: ActionPlan, region: str, lang: str) -> bytes:
    """The action-plan workbook of one regency as ``.xlsx`` bytes. Numbers are rounded once, half
    up, from their exact value (:func:`~spbe_analysis.figures.actions.shown_value`) as the pages
    show them, with an Excel number format (0.00; a step's index gain 0.000)."""
    wb = Workbook()
    wb.properties.creator = "spbe-gorontalo"
    stamp = pd.Timestamp("2026-01-01").to_pydatetime()
    wb.properties.created = wb.properties.modified = stamp
    projected = plan.start.basis == "projected"
    ws = wb.active
    ws.title = t("plan_sheet_steps", lang, cycle=plan.cycles[0])[:31]
    from_key = "plan_col_from_projected" if projected else "plan_col_from"
    head = [t(k, lang) for k in ("plan_col_order", "plan_col_step", from_key, "plan_col_to",
                                   "plan_col_gain", "plan_col_effort", "plan_col_criteria", "plan_col_status",
                                   "plan_col_evidence", "plan_col_prior", "plan_col_timing", "plan_col_lead",
                                   "plan_col_co", "plan_col_national", "plan_col_outside", "plan_col_deadline",
                                   "plan_col_evidence_status", "plan_col_checks", "plan_col_needs", "plan_col_track_status", "plan_col_track_person", "plan_col_track_link")]
    ws.append([t("plan_title", lang, name=region, cycle=plan.cycles[0])])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([t("plan_start_line", lang, index=num(plan.start.index, lang), basis=t(_BASIS[plan.start.basis], lang))])
    ws.append([t("plan_note_illustrative", lang) if projected else None])     # the header stays on row 4
    ws["A3"].font = Font(bold=True, color="C00000")
    ws.append(head)
    for c in ws[4]:
        c.font = Font(bold=True)
    for k, r in enumerate(plan.steps.to_dict("records"), start=1):
        shared = r["kind"] == "shared"
        ws.append([k, step_name(pd.Series(r), lang), None if shared else shown_value(r["from_value"]),
                   None if shared else int(r["to_level"]), shown_value(r["index_gain"], 3), shown_value(r["effort"]),
                   _criteria_cell(r, plan, lang), status_text(r["criteria_status"], lang),
                   evidence_text(r, lang)[1], _prior_cell(r), timing_text(r), in_lang(r, "lead_office", lang),
                   in_lang(r, "co_owners", lang), in_lang(r, "national_counterpart", lang),
                   in_lang(r, "outside", lang), deadline_text(r, lang), evidence_note_text(r, lang),
                   _get(r, "assessor_checks"), needs_text(plan, pd.Series(r), lang), "", "", ""])
        _num_cells(ws, ws.max_row, {"C": _F2, "E": _F3, "F": _F2})
    for col, width in zip("ABCDEFGHIJKLMNOPQRSTUV", (5, 34, 11, 9, 10, 8, 60, 22, 50, 50, 28, 28, 34, 28, 26, 30, 24,
                                                     50, 34, 14, 18, 24)):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=5):
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    rm = wb.create_sheet(t("plan_sheet_roadmap", lang)[:31])
    rm.append([t(k, lang) for k in ("plan_col_cycle", "plan_col_step", from_key, "plan_col_to",
                                      "plan_col_gain", "plan_col_effort", "plan_col_lead", "plan_col_deadline",
                                      "plan_index_exact")])
    for r in plan.roadmap.sort_values(["cycle"], kind="stable").to_dict("records"):
        shared = r["kind"] == "shared"
        rm.append([int(r["cycle"]), step_name(pd.Series(r), lang), None if shared else shown_value(r["from_value"]),
                   None if shared else int(r["to_level"]), shown_value(r["index_gain"], 3),
                   shown_value(r["effort"]), in_lang(r, "lead_office", lang), deadline_text(r, lang)])
        _num_cells(rm, rm.max_row, {"C": _F2, "E": _F3, "F": _F2})
    rm.append([])
    for s in plan.summary.to_dict("records"):
        rm.append([int(s["year"]), t("plan_index_after", lang), None, None, shown_value(s["index"]),
                   shown_value(s["cost"]), s["predicate"], None, shown_value(exact_index(plan, int(s["year"])), 3)])
        _num_cells(rm, rm.max_row, {"E": _F2, "F": _F2, "I": _F3})
    margin = margin_text(plan, lang)
    if margin:
        rm.append([margin])
        rm.cell(rm.max_row, 1).font = Font(bold=True)
    if projected:
        rm.append([t("plan_note_illustrative", lang)])
        rm.cell(rm.max_row, 1).font = Font(bold=True, color="C00000")
    notes = wb.create_sheet(t("plan_sheet_notes", lang)[:31])
    keys = ("plan_note_illustrative",) if projected else ()
    for key in keys + ("plan_note_effort", "plan_note_rules", "plan_note_deadline", "plan_note_status",
                       "plan_note_rounding", "plan_note_csv", "plan_note_source"):
        notes.append([t(key, lang)])
    notes.column_dimensions["A"].width = 120
    buf = io.BytesIO()
    wb.save(buf)
    return _deterministic(buf.getvalue())


def csv_frame(plan: ActionPlan) -> pd.DataFrame:
    """The rows of ``rencana_aksi_<code>.csv``: :data:`PLAN_CSV_COLUMNS` (the float noise of summed
    efforts removed; ``start_basis`` says on every row whether the start is an illustrative
    projection)."""
    df = plan.steps[CSV_COLUMNS].copy()
    for col in ("index_gain", "effort"):
        df[col] = df[col].astype(float).round(9)
    df["start_basis"] = START_BASIS.get(plan.start.basis, plan.start.basis)
    rows = plan.steps.to_dict("records")
    df["evidence_status"] = [evidence_note_text(r, "en") for r in rows]
    df["assessor_checks"] = [_get(r, "assessor_checks") for r in rows]
    df["needs"] = [_get(r, "needs") for r in rows]
    return df[PLAN_CSV_COLUMNS]


#: The Indonesian CSV's columns: each column of :func:`csv_frame` it keeps, with the label of its
#: Indonesian heading (``plancsv_<column>``); the step's name in words follows the indicator.
ID_CSV_COLUMNS = ["code", "cycle", "indicator", "step", "from_value", "to_level", "index_gain", "effort",
                  "criteria_status", "lead_office", "evidence", "evidence_status", "assessor_checks", "needs", "deadline",
                  "start_basis"]


def csv_frame_id(plan: ActionPlan) -> pd.DataFrame:
    """The rows of ``<lang=id>/rencana_aksi_<code>.csv``, for a spreadsheet in an Indonesian
    locale: Indonesian headings, the step named in words, the criteria status and the basis of the
    start in words (no machine codes); written with ``;`` and decimal commas by
    :func:`write_plan_files`."""
    df = csv_frame(plan)
    steps = plan.steps.reset_index(drop=True)
    df["step"] = [step_name(r, "id") for _, r in steps.iterrows()]
    df["indicator"] = ["" if k == "shared" else i for i, k in zip(steps["indicator"], steps["kind"])]
    df["lead_office"] = [in_lang(r, "lead_office", "id") for _, r in steps.iterrows()]
    df["criteria_status"] = [status_text(str(x), "id") for x in df["criteria_status"]]
    df["evidence_status"] = [evidence_note_text(r, "id") for r in steps.to_dict("records")]
    df["needs"] = [needs_text(plan, r, "id") for _, r in steps.iterrows()]
    df["start_basis"] = t(f"act_basis_{plan.start.basis}", "id") if plan.start.basis in START_BASIS else plan.start.basis
    df = df[ID_CSV_COLUMNS]
    df.columns = [t("plancsv_" + c, "id") for c in ID_CSV_COLUMNS]
    return df


def write_plan_files(plans: dict, names: dict, reports: Path, langs: tuple = ("id", "en")) -> list[Path]:
    """Write the workbook (per language) and the CSV of every plan under ``reports``.

    Parameters
    ----------
    plans : dict
        BPS code -> ActionPlan.
    names : dict
        BPS code -> the regency's name.
    reports : Path
        The reports folder.
    langs : tuple of str

    Returns
    -------
    list of Path
        The files written.
    """
    out = []
    reports = Path(reports)
    for code, plan in plans.items():
        csv_path = reports / f"rencana_aksi_{code}.csv"
        csv_path.parent.mkdir(parents=True, exist_ok=True)
        csv_frame(plan).to_csv(csv_path, index=False, lineterminator="\n")
        out.append(csv_path)
        if "id" in langs:   # beside the Indonesian workbook: what Excel in an Indonesian locale opens as columns
            p = reports / "id" / f"rencana_aksi_{code}.csv"
            p.parent.mkdir(parents=True, exist_ok=True)
            csv_frame_id(plan).to_csv(p, index=False, sep=";", decimal=",", lineterminator="\r\n", encoding="utf-8-sig")
            out.append(p)
        for lang in langs:
            p = reports / lang / f"rencana_aksi_{code}.xlsx"
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(workbook_bytes(plan, names[code], lang))
            out.append(p)
    return out


def write_brief_plan(params: dict, reports: Path, langs: tuple = ("id", "en")) -> list[Path]:
    """The plan files of one regency brief, from the brief's parameters (``CODE`` and those of
    :data:`spbe_analysis.cache.WARM` ``["pemdi_plans"]``): the same cached plans its page shows, so
    the build writes the files the brief links to. Returns the files written."""
    from .cache import WARM, pemdi_plans
    from .labels import entity_names

    res = pemdi_plans(*[params[a] for a in WARM["pemdi_plans"]])
    return write_plan_files({params["CODE"]: res.plans[params["CODE"]]}, entity_names("id"), reports, tuple(langs))


__all__ = ["write_brief_plan", "ID_CSV_COLUMNS", "PLAN_CSV_COLUMNS", "START_BASIS", "csv_frame", "csv_frame_id", "status_text", "step_name", "workbook_bytes",
           "write_plan_files"]
