"""Build products: execute notebooks on a fresh kernel with papermill, once per language, and
write the executed notebook and a self-contained HTML page (findings first, no code, nothing
loaded from the network) to ``reports/<lang>/``, figures to ``figures/<lang>/``.

Every notebook runs into a staging folder first; its reports and figures replace the earlier
ones only when every language ran through, so a failure leaves ``reports/`` and ``figures/``
exactly as they were. Requests are validated before anything runs (:func:`plan`).
"""
from __future__ import annotations

import ast
import copy
import logging
import os
import re
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .checks import LANGS
from .config import PACKAGE_DIR, figures_dir, notebooks_dir, reports_dir
from .errors import DataError, NotebookError, UsageError
from .labels import t
from .pages import MAX_FINDINGS, caveat_box, decorate, split_findings

TEMPLATES = PACKAGE_DIR / "templates"
#: Parameters set by the builder itself, never by ``--set``.
RESERVED = ("LANG",)
WORKERS = max(1, min(2, os.cpu_count() or 1))  #: kernels run at once (across pages and languages)
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
logging.getLogger("papermill").setLevel(logging.ERROR)   # its progress lines; failures raise instead


def list_notebooks(folder: Path | None = None) -> list[Path]:
    """The numbered analysis notebooks (``NN_name.ipynb``), in reading order."""
    return sorted((folder or notebooks_dir()).glob("[0-9][0-9]_*.ipynb"))


def select(prefixes: Iterable[str] | None, folder: Path | None = None) -> list[Path]:
    """Notebooks whose file name starts with one of ``prefixes`` (all when none). A prefix that
    matches nothing is a :class:`UsageError`."""
    books = list_notebooks(folder)
    prefixes = list(prefixes or [])
    if not prefixes:
        return books
    out = []
    for p in prefixes:
        hit = [b for b in books if b.name.startswith(p)]
        if not hit:
            raise UsageError(f"no notebook matches {p!r}; notebooks: " + ", ".join(b.stem for b in books))
        out += [b for b in hit if b not in out]
    return sorted(out)


def declared(path: Path) -> dict[str, dict]:
    """Parameters a notebook declares in its ``parameters`` cell, with their types and defaults
    (papermill's ``inspect_notebook``; every parameter carries a type annotation)."""
    import papermill

    return papermill.inspect_notebook(str(path))


def defaults(path: Path) -> dict[str, Any]:
    """The default value of every parameter a notebook declares (:func:`declared`), as a Python
    value (None where the default is not a literal)."""
    decl = declared(path)
    return {name: _default(decl, name) for name in decl}


_TYPES = {"int": int, "float": (int, float), "str": str, "bool": bool, "list": list, "dict": dict}
_KIND_TEXT = {"int": "a whole number (int)", "float": "a number (float)", "str": "text (str)",
              "bool": "True or False (bool)", "list": "a list such as [2025] (list)",
              "dict": "a mapping such as {\"16\": 4} (dict)"}


def parse_value(name: str, text: str, info: dict) -> Any:
    """``text`` as a value of the declared type of parameter ``name`` (a Python literal, or plain
    text for ``str`` parameters); a :class:`UsageError` says what was expected."""
    kind = info.get("inferred_type_name", "None")
    expected = _KIND_TEXT.get(kind, f"a {kind} value")
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        if kind == "str":
            return text
        raise UsageError(f"--set {name}={text}: expected {expected} (default {info.get('default')})") from None
    want = _TYPES.get(kind)
    if want is None:
        return value
    if isinstance(value, bool) and kind in ("int", "float"):
        raise UsageError(f"--set {name}={text}: expected {expected}, not a bool")
    if kind == "str" and not isinstance(value, str):
        return text
    if not isinstance(value, want):
        raise UsageError(f"--set {name}={text}: expected {expected} (default {info.get('default')})")
    return float(value) if kind == "float" else value


@dataclass
class Job:
    """One notebook run: the notebook file, the name of its outputs and its parameters."""

    path: Path
    stem: str
    params: dict[str, Any] = field(default_factory=dict)
    title: dict[str, str] = field(default_factory=dict)   # page title per language (briefs)


@dataclass
class Request:
    """A validated build request: the jobs (notebooks, regency briefs) and the languages."""

    jobs: list[Job]
    langs: tuple[str, ...] = LANGS
    index: bool = True

    @property
    def notebooks(self) -> list[Path]:
        return [j.path for j in self.jobs]

    @property
    def params(self) -> dict[str, dict[str, Any]]:
        return {j.path.name if not j.stem.startswith("brief_") else j.stem: j.params for j in self.jobs}


BRIEF = "templates/regency_brief.ipynb"


def brief_codes(which: Iterable[str]) -> list[str]:
    """Regency codes for briefs: ``["all"]`` or codes of the six regencies (a UsageError otherwise)."""
    from .data import entity_codes

    codes = list(entity_codes()[0])
    which = list(which)
    if which == ["all"]:
        return codes
    bad = [c for c in which if c not in codes]
    if bad or not which:
        raise UsageError(f"brief {' '.join(which) or '(nothing)'}: expected 'all' or BPS codes of the six regencies "
                         f"({', '.join(codes)})")
    return list(dict.fromkeys(which))


def plan(prefixes: Iterable[str] | None = None, sets: Iterable[str] = (), sheet: str | None = None,
         worksheet: str | None = None, langs: Iterable[str] = LANGS, folder: Path | None = None,
         briefs: Iterable[str] | None = None) -> Request:
    """Validate a build request before anything runs.

    * every prefix matches a notebook (no prefix: every notebook, and with ``briefs=None`` every
      regency brief too);
    * ``briefs``: ``["all"]`` or regency codes (only these briefs when no prefix is given);
    * every ``NAME=VALUE`` names a parameter that one of the chosen notebooks declares, and the
      value parses to the declared type;
    * the sheet (when given) is loaded completely and checked against the ``YEAR`` of each
      notebook that takes it;
    * the year exists in the published data.

    Raises :class:`UsageError` (exit 2) or :class:`DataError` (exit 1) with a one-line message.
    """
    folder = folder or notebooks_dir()
    prefixes = list(prefixes or [])
    if briefs is not None and not prefixes:
        books = []
    else:
        books = select(prefixes, folder)
    codes: list[str] = []
    if briefs is not None:
        codes = brief_codes(briefs)
    elif not prefixes and (folder / BRIEF).exists():
        codes = brief_codes(["all"])
    langs = tuple(langs)
    for lg in langs:
        if lg not in LANGS:
            raise UsageError(f"--lang {lg}: expected one of {', '.join(LANGS)}")
    paths = books + ([folder / BRIEF] if codes else [])
    decl = {b: declared(b) for b in paths}
    overrides: dict[str, Any] = {}
    for item in sets:
        if "=" not in item:
            raise UsageError(f"--set {item}: expected NAME=VALUE")
        name, text = item.split("=", 1)
        if name in RESERVED + ("CODE",):
            raise UsageError(f"--set {name}: set by the build itself (use --lang, or the brief command)")
        owners = [b for b in paths if name in decl[b]]
        if not owners:
            raise UsageError(f"--set {name}: no chosen notebook declares {name!r}; they declare "
                             + ", ".join(sorted({n for d in decl.values() for n in d if n not in RESERVED + ("CODE",)})))
        values = [parse_value(name, text, decl[b][name]) for b in owners]
        overrides[name] = values[0]
    if sheet is not None:
        takers = [b for b in paths if "SHEET" in decl[b]]
        if not takers:
            raise UsageError("--sheet: none of the chosen notebooks reads an evaluation sheet (they do not "
                             "declare SHEET)")
        overrides["SHEET"] = str(Path(sheet).resolve())
        if worksheet is not None:
            overrides["WORKSHEET"] = worksheet
    elif worksheet is not None:
        raise UsageError("--worksheet needs --sheet")
    checked: set = set()
    usable = None
    jobs = []
    for b in paths:
        p = {k: v for k, v in overrides.items() if k in decl[b]}
        year = p.get("YEAR", _default(decl[b], "YEAR"))
        if year is not None:
            usable = usable or _usable_years()
            _check_year(year, b, usable)
        if p.get("SHEET") and (p["SHEET"], year) not in checked:
            from .sheetscore import check_sheet
            check_sheet(p["SHEET"], year, p.get("WORKSHEET") or None)
            checked.add((p["SHEET"], year))
        if p.get("PEMDI_SHEET"):
            from .pemdi import results_from_sheet
            results_from_sheet(p["PEMDI_SHEET"], p.get("PEMDI_WORKSHEET") or None)
        if b.name == Path(BRIEF).name:
            from .labels import entity_names
            for c in codes:
                title = {lg: t("brief_title", lg, name=entity_names(lg)[c]) for lg in LANGS}
                jobs.append(Job(b, f"brief_{c}", dict(p, CODE=c), title))
        else:
            jobs.append(Job(b, b.stem, p))
    return Request(jobs=jobs, langs=langs)


def _default(info: dict, name: str) -> Any:
    if name not in info:
        return None
    try:
        return ast.literal_eval(info[name]["default"])
    except (ValueError, SyntaxError):
        return None


def _usable_years() -> tuple[list[int], dict[int, set], list[str]]:
    """(years with an exact published value for the six regencies, the province and the nation;
    the entities exact in each year; those eight codes), read once per build request."""
    from .data import entity_codes, load_published

    pub = load_published()
    codes, prov, nat = entity_codes(pub)
    needed = list(codes) + [prov, nat]
    exact = pub[(pub["status"] == "exact") & pub["entity_id"].isin(needed)]
    have = {int(y): set(g["entity_id"]) for y, g in exact.groupby("year")}
    return sorted(y for y, e in have.items() if e >= set(needed)), have, needed


def _check_year(year: Any, book: Path, usable: tuple[list[int], dict[int, set], list[str]]) -> None:
    """The pages compare the six regencies with the province and the nation: a year needs an
    exact published value for all eight in ``data/published_indices.csv``."""
    full, have, needed = usable
    if year not in full:
        lacking = [c for c in needed if c not in have.get(year, set())] if isinstance(year, int) else needed
        raise DataError("YEAR parameter", f"a year with an exact published value for the six regencies, the province "
                        f"and the nation in data/published_indices.csv ({', '.join(map(str, full))}); "
                        f"{year} lacks {', '.join(lacking)}", row=book.stem, value=year)


# ----------------------------------------------------------------------------- execution
def _clean(nb: Any) -> Any:
    """Drop what changes from run to run (timings, papermill bookkeeping) and give injected
    cells a fixed id, so that rebuilt notebooks and pages are byte-identical."""
    nb.metadata.pop("papermill", None)
    for k, cell in enumerate(nb.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
    return nb


#: Run in every kernel before the notebook: figures displayed on a page carry their title as alt text.
_ALT_HOOK = '__import__("spbe_analysis.pages", fromlist=["install_alt_text"]).install_alt_text()'


def execute(path: Path, params: dict[str, Any] | None = None, lang: str = "id", cwd: Path | None = None,
            timeout: int = 1800, name: str | None = None, figures: Path | None = None) -> Any:
    """Execute ``path`` top to bottom on a fresh kernel with ``params`` and ``LANG=lang``; with
    ``figures``, the kernel writes its figures there (its ``SPBE_FIGURES_DIR``, set in the kernel
    only, so that several kernels can run side by side).

    Returns the executed notebook; a failing cell raises :class:`NotebookError` (one line:
    notebook, language, cell, error type and message)."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    params = dict(params or {})
    if "LANG" in declared(path):
        params["LANG"] = lang
    try:
        hook = _ALT_HOOK if figures is None else (
            f'__import__("os").environ.__setitem__("SPBE_FIGURES_DIR", {str(figures)!r}); {_ALT_HOOK}')
        nb = papermill.execute_notebook(str(path), None, parameters=params, kernel_name="python3",
                                        progress_bar=False, cwd=str(cwd or path.parent), execution_timeout=timeout,
                                        extra_arguments=["--IPKernelApp.log_level=CRITICAL", f"--IPKernelApp.exec_lines={hook}"])
    except PapermillExecutionError as exc:
        raise NotebookError(name or path.stem, lang, exc.exec_count, exc.ename, _ANSI.sub("", str(exc.evalue))) from None
    return _clean(nb)


# ----------------------------------------------------------------------------- HTML
def for_language(nb: Any, lang: str) -> Any:
    """A copy of ``nb`` for one language: markdown cells tagged ``lang-xx`` are kept only for
    that language; untagged cells are kept for both."""
    nb = copy.deepcopy(nb)
    keep = []
    for cell in nb.cells:
        tags = [t for t in cell.metadata.get("tags", []) if t.startswith("lang-")]
        if tags and f"lang-{lang}" not in tags:
            continue
        keep.append(cell)
    nb.cells = keep
    return nb




def findings_first(nb: Any, lang: str = "en") -> Any:
    """A copy of ``nb`` that opens with its findings and does not repeat them at the end.

    The closing findings (the ``## Findings`` / ``## Temuan`` heading and the computed list under it)
    move right after the opening cell: at most :data:`MAX_FINDINGS` findings, then the caveats of
    the list (illustrative, unofficial, assumptions) in a boxed note. Findings beyond the first five
    stay at the end under "Further findings"; otherwise the closing section is dropped. Markdown
    cells after the findings (method text) go under a "Method notes" heading.
    """
    import nbformat

    head, title, note = "## " + t("findings", lang), t("findings_first", lang), t("findings_first_note", lang)
    nb = copy.deepcopy(nb)
    idx = next((i for i, c in enumerate(nb.cells)
                if c.cell_type == "markdown" and c.source.strip() == head), None)
    if idx is None:
        idx = next((i for i, c in enumerate(nb.cells)
                    if c.cell_type == "markdown" and c.source.lstrip().startswith(head)), None)
    if idx is None or idx + 1 >= len(nb.cells):
        return nb
    closing = nb.cells[idx + 1]
    after = nb.cells[idx + 2:]
    summary = nbformat.v4.new_markdown_cell(f"## {title}\n{note}")
    summary["id"] = "findings-first-heading"
    output = copy.deepcopy(closing)
    output["id"] = "findings-first-output"
    rest: list[str] = []
    md_out = next((o for o in output.get("outputs", []) if "text/markdown" in o.get("data", {})), None)
    parts = split_findings(md_out["data"]["text/markdown"], lang) if md_out is not None else None
    if parts is not None:
        findings, caveats = parts
        top, rest = findings[:MAX_FINDINGS], findings[MAX_FINDINGS:]
        md_out["data"]["text/markdown"] = "\n".join(f"- {s}" for s in top)
        md_out["data"]["text/plain"] = "\n".join(f"- {s}" for s in top)
        if caveats:
            output["outputs"].append(nbformat.v4.new_output(
                "display_data", data={"text/html": caveat_box(caveats, lang), "text/plain": " ".join(caveats)}))
    tail = []
    if rest:
        more = nbformat.v4.new_markdown_cell(f"## {t('findings_more', lang)}")
        more["id"] = "findings-more-heading"
        rest_cell = copy.deepcopy(closing)
        rest_cell["id"] = "findings-more-output"
        for o in rest_cell.get("outputs", []):
            if "text/markdown" in o.get("data", {}):
                o["data"]["text/markdown"] = "\n".join(f"- {s}" for s in rest)
                o["data"]["text/plain"] = "\n".join(f"- {s}" for s in rest)
        tail += [more, rest_cell]
    if any(c.cell_type == "markdown" and c.source.strip() for c in after):
        annex = nbformat.v4.new_markdown_cell(f"## {t('method_annex', lang)}")
        annex["id"] = "method-annex-heading"
        tail += [annex]
    nb.cells = nb.cells[:1] + [summary, output] + nb.cells[1:idx] + tail + after
    return nb


#: HTML exporters of this thread (see :func:`to_html`)
_EXPORTERS = threading.local()


def to_html(nb: Any, title: str, lang: str = "id", stem: str | None = None) -> str:
    """Self-contained HTML for one language: findings first, no code, images embedded (each with
    its figure's title as alt text), no script and no request to the network. With ``stem`` (the
    page's file name), a header bar links the start page and the same page in the other language,
    and every regency's name links to its brief."""
    from nbconvert import HTMLExporter

    from .labels.glossary import with_glossary

    nb = with_glossary(findings_first(for_language(nb, lang), lang), lang)
    exporters = _EXPORTERS.__dict__.setdefault("by_lang", {})   # one per thread and language: the
    if lang not in exporters:                                   # templates compile once, not per page
        exporters[lang] = HTMLExporter(template_name="spbe_report", extra_template_basedirs=[str(TEMPLATES)],
                                       language_code=lang, exclude_input=True, exclude_input_prompt=True,
                                       exclude_output_prompt=True, embed_images=True)
    body, _ = exporters[lang].from_notebook_node(nb, resources={"metadata": {"name": title}, "language_code": lang})
    return body if stem is None else decorate(body, stem, lang)


def named_heading(nb: Any, lang: str, heading: str) -> Any:
    """The notebook with its first heading in ``lang`` replaced by ``heading`` (a brief's first
    heading names its regency: "Ringkasan SPBE dan PEMDI: Boalemo")."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and f"lang-{lang}" in cell.metadata.get("tags", []) and re.search(r"^#\s+", cell.source, re.M):
            cell.source = re.sub(r"^#\s+.+$", "# " + heading.replace("\\", "\\\\"), cell.source, count=1, flags=re.M)
            break
    return nb


def page_title(nb: Any, lang: str, fallback: str) -> str:
    """The first heading of the page in ``lang`` (the notebook's own title)."""
    for cell in for_language(nb, lang).cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, flags=re.M)
            if m:
                return m.group(1).strip()
    return fallback


# ----------------------------------------------------------------------------- build
def _move_into(src: Path, dst: Path) -> list[Path]:
    moved = []
    for f in sorted(p for p in src.rglob("*") if p.is_file()):
        target = dst / f.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(f, target)
        moved.append(target)
    return moved


def build(request: Request, reports: Path | None = None, figures: Path | None = None,
          progress: Callable[[str], None] = print) -> list[Path]:
    """Execute the requested jobs and write reports and figures.

    Every (job, language) runs on its own kernel, two at a time (the next page starts as soon as a
    kernel is free, so the two cores stay busy across pages); each kernel writes its figures into
    its job's staging folder. The cached heavy results a job calls are computed once, before its
    languages start. A job's outputs are moved into place, in job order, only when all its
    languages succeeded; on a failure nothing else starts and the outputs of that job and of the
    jobs after it are not written. The index page is rewritten at the end. Returns the report
    files written."""
    import contextlib

    import nbformat

    from . import cache
    from .planfiles import write_brief_plan

    reports = reports or reports_dir()
    figures = figures or figures_dir()
    written: list[Path] = []
    t_all = time.perf_counter()

    def one(job: Job, stage: Path, lang: str) -> None:
        t0 = time.perf_counter()
        progress(f"executing {job.stem} [{lang}] ...")
        nb = execute(job.path, job.params, lang, cwd=job.path.parent, name=job.stem,
                     figures=stage / "figures")
        if job.title.get(lang):
            nb = named_heading(nb, lang, job.title[lang])
        out = stage / "reports" / lang
        out.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, out / f"{job.stem}.ipynb")
        title = job.title.get(lang) or page_title(nb, lang, job.stem)
        (out / f"{job.stem}.html").write_text(to_html(nb, title, lang, job.stem), encoding="utf-8")
        progress(f"  {job.stem} [{lang}] done in {time.perf_counter() - t0:.1f} s")

    with contextlib.ExitStack() as stack:
        # the staging root is removed after the pool has stopped (an exit stack unwinds in reverse)
        root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="spbe-stage-")))
        pool = stack.enter_context(ThreadPoolExecutor(max_workers=WORKERS))
        running = []
        try:
            for k, job in enumerate(request.jobs):
                stage = root / f"{k:03d}"
                info = declared(job.path)
                full = {**{k: _default(info, k) for k in info}, **job.params}
                cache.warm(job.path.read_text(encoding="utf-8"), full, progress, job.stem)
                running.append((job, full, stage, [pool.submit(one, job, stage, lang) for lang in request.langs]))
            for job, full, stage, futures in running:
                for fut in futures:
                    fut.result()
                if (stage / "figures").exists():
                    _move_into(stage / "figures", figures)
                written += _move_into(stage / "reports", reports)
                if job.stem.startswith("brief_"):          # the plan files its brief links to
                    written += write_brief_plan(full, reports, tuple(request.langs))
        except BaseException:
            for *_, futures in running:
                for fut in futures:
                    fut.cancel()
            raise
    if request.index:
        from .site import write_index
        written.append(write_index(reports, figures))
    n_fig = len(list(figures.glob("*/*.png")))
    progress(f"{len(request.jobs)} page(s) x {len(request.langs)} language(s) in "
             f"{time.perf_counter() - t_all:.0f} s; reports in {reports}; {n_fig} PNG figures (+ SVG) in {figures}")
    return written
