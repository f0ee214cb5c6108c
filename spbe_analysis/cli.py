"""Command line: ``python -m spbe_analysis <command>``.

    build [NOTEBOOK ...] [--sheet PATH] [--worksheet NAME] [--set NAME=VALUE ...] [--lang id en]
                                  everything (all notebooks, the six regency briefs, the index page)
                                  or only the notebooks named by prefix
    figures                       every figure, without keeping the reports
    brief CODE [CODE ...] | all   regency briefs (and the index page)
    score SHEET [--framework F]   index, domains, predicate and gaps of every regency-year of a sheet
    plan [CODE ...] [--pemdi-sheet PATH] [--cycle YEAR] [--cycles N]
                                  PEMDI action plans: reports/<lang>/rencana_aksi_<code>.xlsx and
                                  reports/rencana_aksi_<code>.csv (all six regencies by default)

Every request is checked before anything runs. Errors print one line (what, where, what was
expected) and exit with status 2 (usage) or 1 (data or a failing notebook); ``--debug`` shows
the traceback instead.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import traceback
from pathlib import Path

from .checks import LANGS
from .errors import DataError, NotebookError, UsageError


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as a UsageError (one line, exit 2) instead of exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def parser() -> argparse.ArgumentParser:
    """The argparse parser of the command line, with its subcommands."""
    p = _Parser(prog="python -m spbe_analysis", description="Build the SPBE/PEMDI reports and figures of "
                "Gorontalo's regencies, or score an evaluation sheet.")
    p.add_argument("--debug", action="store_true", help="show the full traceback of an error")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    b = sub.add_parser("build", help="execute notebooks, write reports/ and figures/")
    b.add_argument("notebooks", nargs="*", metavar="NOTEBOOK", help="notebook name prefixes (e.g. 04 05); default: all")
    b.add_argument("--sheet", help="a filled-in evaluation sheet (.csv or .xlsx) for the indicator-level notebooks")
    b.add_argument("--worksheet", help="the worksheet of an .xlsx sheet (needed when it has several)")
    b.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                   help="override a declared notebook parameter (VALUE read as a Python literal of its type)")
    b.add_argument("--lang", nargs="+", default=list(LANGS), choices=list(LANGS), help="languages to build")
    b.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)

    f = sub.add_parser("figures", help="regenerate every figure (reports are not kept)")
    f.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)

    r = sub.add_parser("brief", help="regency briefs: BPS codes (7501 ...) or 'all'")
    r.add_argument("codes", nargs="+", metavar="CODE")
    r.add_argument("--sheet", help="a filled-in evaluation sheet (.csv or .xlsx)")
    r.add_argument("--worksheet", help="the worksheet of an .xlsx sheet")
    r.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    r.add_argument("--lang", nargs="+", default=list(LANGS), choices=list(LANGS))
    r.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)

    s = sub.add_parser("score", help="score every regency-year of an evaluation sheet")
    s.add_argument("sheet", help="the sheet (.csv or .xlsx)")
    s.add_argument("--framework", default="spbe2020", help="spbe2020 (default) or pemdi2026")
    s.add_argument("--worksheet", help="the worksheet of an .xlsx sheet")
    s.add_argument("--lang", default="id", choices=list(LANGS))
    s.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)

    a = sub.add_parser("plan", help="PEMDI action plans of the regencies (workbook and CSV per regency)")
    a.add_argument("codes", nargs="*", metavar="CODE", help="BPS codes of regencies (default: all six)")
    a.add_argument("--pemdi-sheet", help="a PEMDI sheet with your own 2026 values (any subset of the regencies)")
    a.add_argument("--pemdi-worksheet", help="the worksheet of an .xlsx PEMDI sheet")
    a.add_argument("--cycle", type=int, default=None, help="the first cycle planned (default: the page's, 2027)")
    a.add_argument("--cycles", type=int, default=None, help="number of cycles (default: the page's, 3)")
    a.add_argument("--lang", nargs="+", default=list(LANGS), choices=list(LANGS))
    a.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    return p


def _progress(msg: str) -> None:
    print(msg, flush=True)


def cmd_build(args: argparse.Namespace) -> int:
    """``build``: validate the request, then execute the notebooks and write reports and figures."""
    from . import report

    req = report.plan(args.notebooks, args.set, args.sheet, args.worksheet, args.lang)
    report.build(req, progress=_progress)
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    """``brief CODE ... | all``: build regency briefs in every language, then the index page."""
    from . import report

    req = report.plan(None, args.set, args.sheet, args.worksheet, args.lang, briefs=args.codes)
    report.build(req, progress=_progress)
    return 0


def cmd_figures(args: argparse.Namespace) -> int:
    """``figures``: execute every notebook and keep only the figures."""
    from . import report

    req = report.plan()
    with tempfile.TemporaryDirectory(prefix="spbe-reports-") as tmp:
        report.build(req, reports=Path(tmp), progress=_progress)
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    """``score SHEET``: print index, domains, predicate and gaps of every regency-year of a sheet."""
    from .sheetscore import score_sheet
    from .tables import sheet_score_table

    scores = score_sheet(args.sheet, args.framework, worksheet=args.worksheet or None)
    print(sheet_score_table(scores, args.lang).to_string(index=False))
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    """``plan [CODE ...]``: validate, compute the PEMDI action plans (cached, the same numbers as the
    pages) and write each regency's workbook and CSV."""
    import time

    from . import report
    from .cache import pemdi_plans
    from .config import notebooks_dir, reports_dir
    from .labels import entity_names
    from .sheets import load_sheet

    codes = report.brief_codes(args.codes or ["all"])
    par = {k: v.get("default") for k, v in report.declared(notebooks_dir() / "05_paths_to_closing.ipynb").items()}
    lit = __import__("ast").literal_eval
    get = lambda name, default: lit(par[name]) if name in par else default          # noqa: E731
    first = args.cycle if args.cycle is not None else get("FIRST_CYCLE", 2027)
    n = args.cycles if args.cycles is not None else get("N_CYCLES", 3)
    if first < 2027 or not 1 <= n <= 10:
        raise UsageError(f"plan --cycle {first} --cycles {n}: expected a first cycle from 2027 (after the 2026 "
                         "PEMDI start) and 1-10 cycles")
    if args.pemdi_sheet:
        load_sheet(args.pemdi_sheet, "pemdi2026", worksheet=args.pemdi_worksheet or None)      # validate first
    t0 = time.perf_counter()
    res = pemdi_plans(year=get("YEAR", 2024), seed=get("SEED", 20250723), n_profiles=get("N_PROFILES", 1000),
                      pemdi_sheet=args.pemdi_sheet or "", pemdi_worksheet=args.pemdi_worksheet or "",
                      first_cycle=first, n_cycles=n)
    from .planfiles import write_plan_files

    names = entity_names("id")
    files = write_plan_files({c: res.plans[c] for c in codes}, names, reports_dir(), tuple(args.lang))
    for c in codes:
        p = res.plans[c]
        _progress(f"{c} {names[c]}: start {p.start.index:.2f} ({p.start.basis}), {len(p.steps)} steps in {first}, "
                  f"target {p.target[0] if p.target else '-'}"
                  f"{' reached in ' + str(p.reached) if p.reached else ' not reached by ' + str(p.cycles[-1])}"
                  f"{' (at the edge: less than ' + format(p.margin, '.2f') + ' above it)' if p.kind == 'at the edge' else ''}"
                  f"{'; national indices not planned (+' + format(p.national_upside, '.2f') + ' if each rose one level)' if p.national_caps else ''}")
    _progress(f"{len(files)} files written under {reports_dir()} in {time.perf_counter() - t0:.1f} s")
    return 0


COMMANDS = {"build": cmd_build, "brief": cmd_brief, "figures": cmd_figures, "score": cmd_score, "plan": cmd_plan}


def main(argv: list[str] | None = None) -> int:
    """Run a command; return the exit status (0 ok, 1 data or notebook error, 2 usage error)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("MPLBACKEND", "Agg")
    debug = "--debug" in argv
    try:
        args = parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except UsageError as exc:
        if debug:
            traceback.print_exc()
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (DataError, NotebookError) as exc:
        if debug:
            traceback.print_exc()
        print(f"error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 1
