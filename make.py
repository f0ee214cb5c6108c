#!/usr/bin/env python3
"""Set up and build everything, or run the tests. Standard library only.

    python3 make.py          build: environment (.venv), executed notebooks + HTML (reports/), figures (figures/)
    python3 make.py test       run the whole test suite (unit, property-based, every notebook executed,
                               every page opened in Chromium); CI runs this
    python3 make.py test-fast  the daily tier: no notebook builds, no browser, nothing marked slow,
                               10 examples per property, on both cores
                               (pytest -m "not notebooks and not browser and not slow" -n 2)

Each creates the virtual environment .venv on first use and installs the pinned packages
from requirements-lock.txt, then the package itself with --no-deps (reinstalling only when that
file or pyproject.toml changes). requirements-lock.txt is generated from pyproject.toml with
pip-tools; the command is in its header. Extra arguments go to pytest or to the build command.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".spbe-installed"
FAST = "not notebooks and not browser and not slow"  # pytest markers of the heavy tier (pyproject.toml)


def _python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _run(*args: object) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True)


def ensure_env() -> Path:
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed (this is {sys.version.split()[0]}).")
    py = _python()
    if not py.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    want = hashlib.sha256(
        (ROOT / "requirements-lock.txt").read_bytes() + (ROOT / "pyproject.toml").read_bytes()
    ).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != want:
        _run(py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", ROOT / "requirements-lock.txt")
        _run(py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", "-e", ROOT)
        STAMP.write_text(want + "\n")
    return py


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "build"
    if cmd not in ("build", "test", "test-fast", "env"):
        print(__doc__)
        return 2
    py = ensure_env()
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0")
    if cmd == "build":
        return subprocess.run([str(py), "-m", "spbe_analysis", "build", *argv[1:]], cwd=ROOT, env=env).returncode
    if cmd == "test":
        return subprocess.run([str(py), "-m", "pytest", *argv[1:]], cwd=ROOT, env=env).returncode
    if cmd == "test-fast":
        env.setdefault("HYPOTHESIS_PROFILE", "fast")
        # both cores (pytest-xdist); one worker per core, tests spread by file so fixtures load once
        return subprocess.run(
            [str(py), "-m", "pytest", "-m", FAST, "-n", "2", "--dist", "loadfile", *argv[1:]], cwd=ROOT, env=env
        ).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
