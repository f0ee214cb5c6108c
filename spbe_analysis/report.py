"""Build products: execute every notebook on a fresh kernel, write the executed notebook and a
self-contained HTML page (images embedded, no code cells) to ``reports/``, figures to
``figures/``.

Parameters are injected papermill-style: a cell tagged ``injected-parameters`` is inserted
after the cell tagged ``parameters``.
"""
from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path
from typing import Any

from .config import ROOT, figures_dir, notebooks_dir, reports_dir


def list_notebooks(folder: Path | None = None) -> list[Path]:
    return sorted((folder or notebooks_dir()).glob("[0-9][0-9]_*.ipynb"))


def inject_parameters(nb: Any, params: dict[str, Any]) -> Any:
    """Insert a cell assigning ``params`` after the cell tagged ``parameters``."""
    import nbformat

    if not params:
        return nb
    idx = next((i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if idx is None:
        raise ValueError("notebook has no cell tagged 'parameters' to override")
    declared = set(re.findall(r"^([A-Za-z_][A-Za-z0-9_]*)\s*=", nb.cells[idx].source, flags=re.M))
    params = {k: v for k, v in params.items() if k in declared}  # only what this notebook declares
    if not params:
        return nb
    src = "# Injected parameters\n" + "\n".join(f"{k} = {v!r}" for k, v in params.items())
    cell = nbformat.v4.new_code_cell(src, metadata={"tags": ["injected-parameters"]})
    nb.cells.insert(idx + 1, cell)
    return nb


def execute_notebook(path: Path, params: dict[str, Any] | None = None, timeout: int = 1200,
                     cwd: Path | None = None) -> Any:
    """Execute a notebook top to bottom on a fresh kernel; raises on the first failing cell."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    inject_parameters(nb, params or {})
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd or path.parent)}})
    client.execute()
    return nb


def findings_first(nb: Any) -> Any:
    """A copy of ``nb`` with its closing "Findings" (heading and computed output) repeated right
    after the opening cell, so that a policy reader meets the findings first."""
    import copy

    import nbformat

    nb = copy.deepcopy(nb)
    idx = next((i for i, c in enumerate(nb.cells)
                if c.cell_type == "markdown" and c.source.lstrip().startswith("## Findings")), None)
    if idx is None or idx + 1 >= len(nb.cells):
        return nb
    summary = nbformat.v4.new_markdown_cell("## Findings first / Temuan utama\n*Summary of the findings at the end "
                                            "of this page; the analysis and its method follow.*")
    summary["id"] = "findings-first-heading"
    output = copy.deepcopy(nb.cells[idx + 1])
    output["id"] = "findings-first-output"
    nb.cells[1:1] = [summary, output]
    return nb


def to_html(nb: Any, title: str) -> str:
    """Self-contained HTML without code: findings first, then outputs and narrative; images
    embedded, nothing loaded from the network."""
    from nbconvert import HTMLExporter

    nb = findings_first(nb)
    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True, embed_images=True)
    exporter.mathjax_url = ""
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    # Nothing external: drop script tags that point to a network location (the pages need no
    # JavaScript), so the page opens offline exactly as it does online.
    body = re.sub(r'<script[^>]+src="(https?://[^"]*)?"[^>]*>\s*</script>', "", body)
    body = re.sub(r"<script[^>]*>(?:(?!</script>).)*?https?://cdn(?:(?!</script>).)*</script>", "", body, flags=re.S)
    return body


def build(names: list[str] | None = None, params: dict[str, Any] | None = None) -> list[Path]:
    """Execute notebooks (all, or those whose file name starts with one of ``names``) and
    write ``reports/<stem>.ipynb`` and ``reports/<stem>.html``."""
    import nbformat

    out_dir = reports_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    figures_dir().mkdir(parents=True, exist_ok=True)
    written = []
    for path in list_notebooks():
        if names and not any(path.name.startswith(n) for n in names):
            continue
        t0 = time.perf_counter()
        print(f"executing {path.relative_to(ROOT)} ...", flush=True)
        nb = execute_notebook(path, params)
        nbformat.write(nb, out_dir / path.name)
        html = out_dir / (path.stem + ".html")
        html.write_text(to_html(nb, path.stem), encoding="utf-8")
        written += [out_dir / path.name, html]
        print(f"  -> {html.relative_to(ROOT) if html.is_relative_to(ROOT) else html} "
              f"({time.perf_counter() - t0:.1f} s)", flush=True)
    n_fig = len(list(figures_dir().glob("*/*.png")))
    print(f"{len(written) // 2} notebooks executed; reports in {out_dir}; {n_fig} PNG figures (+ SVG) in {figures_dir()}")
    return written


USAGE = """usage: python -m spbe_analysis build [NOTEBOOK_PREFIX ...] [--sheet PATH] [--set NAME=VALUE ...]

  NOTEBOOK_PREFIX   build only these notebooks (e.g. 04 05); default: all
  --sheet PATH      run the indicator-level notebooks on a filled-in evaluation sheet
  --set NAME=VALUE  override a parameter (VALUE read as a Python literal, else as text)"""


def main(argv: list[str]) -> int:
    import ast

    os.environ.setdefault("MPLBACKEND", "Agg")
    if not argv or argv[0] != "build":
        print(USAGE, file=sys.stderr)
        return 2
    names, params, args = [], {}, list(argv[1:])
    while args:
        a = args.pop(0)
        if a == "--sheet" and args:
            params["SHEET"] = str(Path(args.pop(0)).resolve())
        elif a == "--set" and args and "=" in args[0]:
            k, v = args.pop(0).split("=", 1)
            try:
                params[k] = ast.literal_eval(v)
            except (ValueError, SyntaxError):
                params[k] = v
        elif a.startswith("-"):
            print(USAGE, file=sys.stderr)
            return 2
        else:
            names.append(a)
    build(names or None, params or None)
    return 0
