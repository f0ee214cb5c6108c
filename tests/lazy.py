"""Heavy modules loaded on first use by the test modules that need them.

Every pytest-xdist worker collects (imports) every test module; nbformat alone takes about 2 s to
import (its JSON-schema format checkers), and the fast tier never runs the tests that read
notebooks with it. ``nbformat = lazy_module("nbformat")`` at the top of a test module costs
nothing until a test uses it. (The standard library's ``LazyLoader`` does not serve: pytest's
collection looks at every module global, which would load it.)
"""
from __future__ import annotations

import importlib
from typing import Any


class lazy_module:  # noqa: N801 - reads as the import it replaces
    """Stands for the module ``name``; its attributes import it on first use."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith(("_", "pytest")):  # collection probes every global (__test__, pytestmark, ...)
            raise AttributeError(attr)
        return getattr(importlib.import_module(self._name), attr)
