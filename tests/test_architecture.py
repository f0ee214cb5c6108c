"""The shape of the package: no module imports another module's private names, official
arithmetic lives in one module, every public function is documented and its examples run."""
import ast
import doctest
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import spbe_analysis

PKG = Path(spbe_analysis.__file__).parent
MODULES = sorted(m.name for m in pkgutil.walk_packages([str(PKG)], "spbe_analysis.") if not m.name.endswith("__main__"))


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module is not None or isinstance(node, ast.ImportFrom) and node.level:
            yield node, [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            yield node, [a.name for a in node.names]


def test_no_module_imports_a_private_name_of_another():
    bad = []
    for path in sorted(PKG.rglob("*.py")):
        for node, names in _imports(path):
            mod = getattr(node, "module", None) or ""
            for n in names:
                parts = (mod.split(".") if mod else []) + n.split(".")
                if any(p.startswith("_") and not p.startswith("__") for p in parts):
                    bad.append(f"{path.relative_to(PKG)}: {mod}.{n}")
    assert not bad, bad


def test_tests_and_benchmarks_use_public_names_only():
    root = PKG.parent
    bad = []
    for path in sorted([*root.joinpath("tests").glob("*.py"), *root.joinpath("benchmarks").glob("*.py")]):
        for node, names in _imports(path):
            mod = getattr(node, "module", None) or ""
            if not mod.startswith("spbe_analysis"):
                continue
            for n in names:
                if any(p.startswith("_") and not p.startswith("__") for p in mod.split(".") + [n]):
                    bad.append(f"{path.name}: {mod}.{n}")
        src = path.read_text()
        for attr in ("scoring._", "profiles._", "paths._", "official._", "report._"):
            if path.name == "test_architecture.py":
                break
            if attr in src:
                bad.append(f"{path.name}: {attr}")
    assert not bad, bad


def test_official_rounding_is_written_once():
    """Only official.py computes hundredths from weighted sums or rounds values half up."""
    offenders = []
    for path in sorted(PKG.rglob("*.py")):
        if path.name in ("official.py",):
            continue
        src = path.read_text()
        for needle in ("ROUND_HALF_UP", "(N + 10) // 20", "200 * num", "2 * units * h"):
            if needle in src:
                offenders.append(f"{path.name}: {needle}")
    assert not offenders, offenders


def _public_functions():
    for name in MODULES:
        mod = importlib.import_module(name)
        for fname, obj in vars(mod).items():
            if fname.startswith("_") or not inspect.isfunction(obj) or obj.__module__ != name:
                continue
            yield name, fname, obj


@pytest.mark.parametrize("module, name, fn", list(_public_functions()), ids=lambda x: x if isinstance(x, str) else "")
def test_every_public_function_has_a_docstring(module, name, fn):
    assert fn.__doc__ and len(fn.__doc__.strip()) > 20, f"{module}.{name}"


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples_run(module):
    mod = importlib.import_module(module)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(mod, module, globs=dict(vars(mod))):
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} failing example(s) in {module}"


def test_there_are_examples():
    finder = doctest.DocTestFinder(exclude_empty=True)
    n = sum(len(t.examples) for m in MODULES for t in finder.find(importlib.import_module(m)))
    assert n >= 40


CORE = ("official", "scoring", "frameworks", "data", "sheets", "context", "panel", "disparity", "decomposition",
        "profiles", "paths", "assumptions", "pace", "transition", "pemdi", "sensitivity")


@pytest.mark.parametrize("module", CORE)
def test_core_functions_have_numpydoc_sections_with_examples(module):
    """The analysis API (the modules a researcher calls) documents Parameters, Returns and a
    runnable example for every public function; the examples run in test_docstring_examples_run."""
    tree = ast.parse((PKG / f"{module}.py").read_text(encoding="utf-8"))
    lacking = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            doc = ast.get_docstring(node) or ""
            missing = [s for s in ("Parameters", "Returns", "Examples") if f"{s}\n{'-' * len(s)}" not in doc]
            if missing or ">>> " not in doc:
                lacking.append(f"{node.name}: {', '.join(missing) or 'no example'}")
    assert not lacking, lacking
