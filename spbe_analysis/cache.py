"""Heavy results computed once per set of inputs, cached on disk under ``build/cache`` with
``joblib.Memory``.

The key of every cached call is its arguments plus a stamp of everything the result depends on:
the bytes of every file in ``data/`` and of every module of the package (so a changed data file,
parameter or line of code computes anew). Notebook 05, the six briefs, the command line's ``plan``
and a researcher's rerun in JupyterLab therefore see the same numbers for the same regency.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

import joblib

from .config import PACKAGE_DIR, cache_dir, data_dir


#: Presentation modules and folders: a change there changes no computed result, so it is left out of
#: the cache key (a changed label or chart does not recompute the plans).
PRESENTATION = ("figures", "labels", "templates", "tables.py", "report.py", "site.py", "pages.py", "planfiles.py",
                "cli.py", "cache.py", "__main__.py")


#: Data folders that feed only the step cards (criteria text, evidence, offices, dates): a change
#: there changes no planned move, so it is left out of the key of :func:`robust_moves` (whose
#: computation reads nothing under them: ``firstcycle`` and ``planrules`` never call ``criteria``).
CARD_DATA = ("pemdi",)


def stamp(cards: bool = True) -> str:
    """A digest of every data file and every computing module of the package (presentation
    modules left out; with ``cards=False`` also the card data of :data:`CARD_DATA`).

    Returns
    -------
    str
        64 hexadecimal characters.

    Examples
    --------
    >>> len(stamp())
    64
    """
    h = hashlib.sha256()
    for root in (data_dir(), PACKAGE_DIR):
        for p in sorted(Path(root).rglob("*")):
            rel = p.relative_to(root)
            if not p.is_file() or "__pycache__" in p.parts or (root == PACKAGE_DIR and rel.parts[0] in PRESENTATION):
                continue
            if not cards and root == data_dir() and rel.parts[0] in CARD_DATA:
                continue
            h.update(str(rel).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def memory() -> joblib.Memory:
    """The package's on-disk cache (``build/cache``, or ``SPBE_CACHE_DIR``)."""
    return joblib.Memory(str(cache_dir()), verbose=0)


@dataclass(frozen=True)
class PemdiPlans:
    """Everything the PEMDI planning pages show: the projection of every regency's 2026 start,
    the starts (real or projected) and the action plans."""

    projection: object
    starts: dict
    plans: dict
    illustrative: bool


def _compute(key: str, year: int, sheet: str, worksheet: str, seed: int, n_profiles: int, pemdi_sheet: str,
             pemdi_worksheet: str, first_cycle: int, n_cycles: int, effort: str) -> PemdiPlans:
    from . import actionplan, pemdi
    from .context import context

    ctx = context(year=year, sheet=sheet, worksheet=worksheet, seed=seed, n_profiles=n_profiles, lang="id")
    proj = pemdi.project(ctx.profiles.levels, seed=seed, illustrative=ctx.illustrative)
    own = actionplan.starts_from_sheet(pemdi_sheet, pemdi_worksheet or None, first_cycle - 1) if pemdi_sheet else {}
    starts = actionplan.regency_starts(list(ctx.codes), proj, own)
    plans = actionplan.plan_all(starts, first_cycle, n_cycles, effort or None)
    return PemdiPlans(proj, starts, plans, ctx.illustrative)


def pemdi_plans(year: int = 2024, sheet: str = "", worksheet: str = "", seed: int = 20250723, n_profiles: int = 1000,
                pemdi_sheet: str = "", pemdi_worksheet: str = "", first_cycle: int = 2027,
                n_cycles: int = 3, effort: str = "") -> PemdiPlans:
    """The PEMDI starts and action plans of the six regencies, computed once per set of inputs.

    Parameters
    ----------
    year, sheet, worksheet, seed, n_profiles
        As in :func:`spbe_analysis.context.context` (the SPBE profiles the projection starts from).
    pemdi_sheet, pemdi_worksheet
        A PEMDI sheet with any subset of the regencies (their own 2026 values), or empty.
    first_cycle, n_cycles
        The cycles planned.
    effort : str
        An effort table of your own (path), or empty for the package's.

    Returns
    -------
    PemdiPlans

    Examples
    --------
    >>> r = pemdi_plans(n_profiles=50)
    >>> sorted(r.plans) == sorted(r.starts)
    True
    """
    files = "".join(hashlib.sha256(Path(f).read_bytes()).hexdigest() for f in (sheet, pemdi_sheet, effort)
                    if f and Path(f).is_file())
    mem = memory()
    out = mem.cache(_compute)(stamp() + files, year, str(sheet), str(worksheet), seed, n_profiles, str(pemdi_sheet),
                              str(pemdi_worksheet), first_cycle, n_cycles, str(effort))
    mem.reduce_size(bytes_limit="300M")          # the least recently used results go first
    return out


def _compute_robust(key: str, year: int, sheet: str, worksheet: str, seed: int, n_profiles: int, pemdi_sheet: str,
                    pemdi_worksheet: str, first_cycle: int, n_cycles: int, n_draws: int, draw_seed: int,
                    threshold: float, n_jobs: int, max_draws: int = 0):
    from . import actionplan, pemdi, robust
    from .context import context

    ctx = context(year=year, sheet=sheet, worksheet=worksheet, seed=seed, n_profiles=n_profiles, lang="id")
    proj = pemdi.project(ctx.profiles.levels, seed=seed, illustrative=ctx.illustrative)
    own = actionplan.starts_from_sheet(pemdi_sheet, pemdi_worksheet or None, first_cycle - 1) if pemdi_sheet else {}
    return robust.robust_moves(proj, list(ctx.codes), own, n_draws=n_draws, seed=draw_seed, threshold=threshold,
                               first_cycle=first_cycle, n_cycles=n_cycles, n_jobs=n_jobs,
                               max_draws=max_draws or max(n_draws, robust.MAX_DRAWS))


def robust_moves(year: int = 2024, sheet: str = "", worksheet: str = "", seed: int = 20250723, n_profiles: int = 1000,
                 pemdi_sheet: str = "", pemdi_worksheet: str = "", first_cycle: int = 2027, n_cycles: int = 3,
                 n_draws: int | None = None, draw_seed: int = 0, threshold: float | None = None, n_jobs: int = 2,
                 max_draws: int | None = None, only_cached: bool = False):
    """The PEMDI moves that hold in every scenario (:func:`spbe_analysis.robust.robust_moves`), computed
    once per set of inputs and kept on disk like :func:`pemdi_plans`.

    Parameters
    ----------
    year, sheet, worksheet, seed, n_profiles, pemdi_sheet, pemdi_worksheet, first_cycle, n_cycles
        As in :func:`pemdi_plans`.
    n_draws : int, optional
        Profile draws per regency and scenario in each round (:data:`spbe_analysis.robust.N_DRAWS`).
    max_draws : int, optional
        The most draws per regency and scenario (:data:`spbe_analysis.robust.MAX_DRAWS`, at least ``n_draws``).
    draw_seed : int
        Seed of the choice of draws.
    threshold : float, optional
        Minimum share over the tables (:data:`spbe_analysis.robust.ROBUST_SHARE`).
    n_jobs : int
        Processes on a first computation (not part of the key).
    only_cached : bool
        Return None rather than compute when the result is not in the cache yet.

    Returns
    -------
    RobustMoves or None

    Examples
    --------
    >>> r = robust_moves(n_profiles=20, n_draws=1, max_draws=1)
    >>> len(r.tables)
    18
    """
    from . import robust

    n_draws = robust.N_DRAWS if n_draws is None else n_draws
    threshold = robust.ROBUST_SHARE if threshold is None else threshold
    files = "".join(hashlib.sha256(Path(f).read_bytes()).hexdigest() for f in (sheet, pemdi_sheet)
                    if f and Path(f).is_file())
    args = (stamp(cards=False) + files, year, str(sheet), str(worksheet), seed, n_profiles, str(pemdi_sheet),
            str(pemdi_worksheet), first_cycle, n_cycles, int(n_draws), int(draw_seed), float(threshold), int(n_jobs),
            int(max(n_draws, robust.MAX_DRAWS) if max_draws is None else max_draws))
    fn = memory().cache(_compute_robust, ignore=["n_jobs"])
    if only_cached and not fn.check_call_in_cache(*args):
        return None
    return fn(*args)


#: The cached heavy results a page computes, with the page parameters that are their arguments in
#: order: computed once before the page's languages run side by side, so both read the cache
#: instead of computing it twice at once.
WARM = {"pemdi_plans": ("YEAR", "SHEET", "WORKSHEET", "SEED", "N_PROFILES", "PEMDI_SHEET", "PEMDI_WORKSHEET",
                        "FIRST_CYCLE", "N_CYCLES", "EFFORT"),
        "robust_moves": ("YEAR", "SHEET", "WORKSHEET", "SEED", "N_PROFILES", "PEMDI_SHEET", "PEMDI_WORKSHEET")}
WARM_KEYWORDS = {"robust_moves": {"n_draws": "ROBUST_DRAWS", "threshold": "ROBUST_SHARE", "max_draws": "ROBUST_MAX"}}


def warm(source: str, params: dict, progress=print, name: str = "") -> list[str]:
    """Compute once, with a page's parameters, the cached heavy results its code calls (see
    :data:`WARM`); a failure is left for the page to report with its cell.

    Parameters
    ----------
    source : str
        The notebook's text.
    params : dict
        Its parameters (defaults and overrides).
    progress : callable
    name : str
        The page, for the progress line.

    Returns
    -------
    list of str
        The results computed (or read from the cache).

    Examples
    --------
    >>> warm("no cached call here", {})
    []
    """
    done = []
    for fn, args in WARM.items():
        if f"cache.{fn}(" not in source or not all(a in params for a in args):
            continue
        kw = {k: params[p] for k, p in WARM_KEYWORDS.get(fn, {}).items() if p in params}
        t0 = time.perf_counter()
        try:
            globals()[fn](*[params[a] for a in args], **kw)
        except Exception:                 # noqa: BLE001 - the page reports it, with its cell
            continue
        done.append(fn)
        progress(f"  {fn} for {name} ready in {time.perf_counter() - t0:.1f} s")
    return done


__all__ = ["CARD_DATA", "WARM", "warm", "PemdiPlans", "memory", "pemdi_plans", "robust_moves", "stamp"]
