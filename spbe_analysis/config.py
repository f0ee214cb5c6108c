"""Where things live. Every path the package uses is resolved here, nowhere else.

The defaults are the folders of the repository checkout; each can be redirected with an
environment variable (useful for tests and for running on a copy of the data):
``SPBE_DATA_DIR``, ``SPBE_FIGURES_DIR``, ``SPBE_REPORTS_DIR``.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent


def _env_path(var: str, default: Path) -> Path:
    value = os.environ.get(var)
    return Path(value).resolve() if value else default


def data_dir() -> Path:
    """Folder with the raw, sourced data files (read only)."""
    return _env_path("SPBE_DATA_DIR", ROOT / "data")


def figures_dir() -> Path:
    """Folder the figures are written to (``figures/id`` and ``figures/en``)."""
    return _env_path("SPBE_FIGURES_DIR", ROOT / "figures")


def reports_dir() -> Path:
    """Folder for executed notebooks and HTML reports (build products)."""
    return _env_path("SPBE_REPORTS_DIR", ROOT / "reports")


def notebooks_dir() -> Path:
    """Folder of the analysis notebooks (``NN_name.ipynb``)."""
    return ROOT / "notebooks"


def data_file(name: str) -> Path:
    """Path of a file in the data folder (``name`` relative to it, e.g. ``geo/x.geojson``)."""
    return data_dir() / name


def cache_dir() -> Path:
    """Folder of the on-disk cache of heavy results (``build/cache``; ``SPBE_CACHE_DIR``)."""
    return _env_path("SPBE_CACHE_DIR", ROOT / "build" / "cache")
