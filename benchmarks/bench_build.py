"""Time the full build (what `python3 make.py` runs) and each page of it.

    .venv/bin/python benchmarks/bench_build.py              # every notebook and brief, both languages
    .venv/bin/python benchmarks/bench_build.py 02 03        # only these notebook prefixes (no briefs)
    .venv/bin/python benchmarks/bench_build.py --from-metadata   # no build: read the last build's times

It runs `.venv/bin/python -m spbe_analysis build [PREFIX ...]` with the environment make.py sets,
so it writes reports/ and figures/ as the build does. Per-page times come from the build's own
progress lines ("<page> [<lang>] done in <s> s": execution plus HTML export, the two languages run
side by side). The papermill metadata of the executed notebooks (`metadata.papermill.duration`)
is only a fallback: spbe_analysis.report strips it so that rebuilds are byte-identical, so
--from-metadata finds times only in notebooks executed without that step.
A script, not a test: it prints, it asserts nothing.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = ROOT / ".venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
DONE = re.compile(r"^\s*(?P<page>\S+) \[(?P<lang>\w+)\] done in (?P<s>[0-9.]+) s")


def run_build(prefixes: list[str]) -> tuple[float, dict[tuple[str, str], float]]:
    """Wall time of the build and {(page, lang): seconds} from its progress lines."""
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0")
    cmd = [str(PY if PY.exists() else sys.executable), "-m", "spbe_analysis", "build", *prefixes]
    print("+", " ".join(cmd), flush=True)
    pages: dict[tuple[str, str], float] = {}
    t0 = time.perf_counter()
    with subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as proc:
        for line in proc.stdout:
            print("  |", line.rstrip(), flush=True)
            m = DONE.match(line)
            if m:
                pages[(m["page"], m["lang"])] = float(m["s"])
    wall = time.perf_counter() - t0
    if proc.returncode:
        sys.exit(f"the build failed (exit status {proc.returncode}) after {wall:.1f} s")
    return wall, pages


def from_metadata(reports: Path = ROOT / "reports") -> dict[tuple[str, str], float]:
    """{(page, lang): seconds} from papermill's metadata of the executed notebooks."""
    out = {}
    for path in sorted(reports.glob("*/*.ipynb")):
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("papermill", {})
        if meta.get("duration") is not None:
            out[(path.stem, path.parent.name)] = float(meta["duration"])
    return out


def report(pages: dict[tuple[str, str], float], wall: float | None, source: str) -> None:
    langs = sorted({lang for _, lang in pages})
    stems = sorted({stem for stem, _ in pages})
    print(f"\nper page ({source}), seconds")
    print(f"{'page':<36}" + "".join(f"{lang:>9}" for lang in langs))
    for stem in stems:
        print(f"{stem:<36}" + "".join(f"{pages.get((stem, lang), float('nan')):>9.1f}" for lang in langs))
    total = sum(pages.values())
    print(f"{'sum over pages and languages':<36}{total:>9.1f}")
    if wall is not None:
        print(f"total wall time of the build: {wall:.1f} s ({len(stems)} page(s) x {len(langs)} language(s); "
              f"languages run side by side, so the wall time is below the sum)")


def main(argv: list[str]) -> int:
    if "--from-metadata" in argv:
        pages = from_metadata()
        if not pages:
            sys.exit("no papermill durations under reports/*/*.ipynb (the build strips them for byte-identical "
                     "pages): time a build instead, benchmarks/bench_build.py [PREFIX ...]")
        report(pages, None, "papermill metadata of reports/*/*.ipynb")
        return 0
    wall, pages = run_build(argv)
    meta = from_metadata()
    # pages without a progress line (an older build's output format): fall back to the metadata
    missing = {k: v for k, v in meta.items() if k not in pages and (not argv or any(k[0].startswith(p) for p in argv))}
    report({**missing, **pages}, wall, "build progress lines" + (", papermill metadata where missing" if missing else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
