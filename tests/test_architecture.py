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
        for needle in ("ROUND_HALF_UP", "(N + 10) // 20", "200 * num", "2 * units * h", "* 200 + 1", "__floor__()"):
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
    """A docstring that says something: a summary sentence beyond the function's name, or an example."""
    doc = inspect.getdoc(fn) or ""
    summary = [w for w in (doc.splitlines() or [""])[0].split() if w.strip("`().:") != name]
    assert len(summary) >= 2 or ">>> " in doc, f"{module}.{name}"


#: Modules whose examples plan many regencies or scenarios: run in the full tier only.
HEAVY_EXAMPLES = {"spbe_analysis.cache", "spbe_analysis.robust"}


@pytest.mark.parametrize("module", [pytest.param(m, marks=pytest.mark.slow) if m in HEAVY_EXAMPLES else m
                                    for m in MODULES])
def test_docstring_examples_run(module):
    mod = importlib.import_module(module)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(mod, module, globs=dict(vars(mod))):
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} failing example(s) in {module}"


def test_there_are_examples():
    finder = doctest.DocTestFinder(exclude_empty=True)
    # every analysis module (CORE, held to numpydoc examples below) has examples that the finder
    # collects, so test_docstring_examples_run really runs them (a package counts its submodules)
    found = {m for m in MODULES if any(t.examples for t in finder.find(importlib.import_module(m)))}
    without = [c for c in CORE if not any(m == f"spbe_analysis.{c}" or m.startswith(f"spbe_analysis.{c}.")
                                          for m in found)]
    assert not without, without


CORE = ("official", "scoring", "values", "frameworks", "data", "sheets", "context", "panel", "disparity",
        "decomposition", "profiles", "paths", "assumptions", "pace", "transition", "pemdi", "sensitivity")


def _module_files(name):
    """The source files of a module of the package: ``name.py``, or every file of the package ``name/``."""
    single = PKG / f"{name}.py"
    return [single] if single.exists() else sorted((PKG / name).rglob("*.py"))


def _api_names(module):
    """The names a researcher calls: every public name of a single-file module (None: no filter), or
    the package's ``__all__`` (helpers its submodules share inside the package are not its API)."""
    if (PKG / f"{module}.py").exists():
        return None
    return set(importlib.import_module(f"spbe_analysis.{module}").__all__)


@pytest.mark.parametrize("module", CORE)
def test_core_functions_have_numpydoc_sections_with_examples(module):
    """The analysis API (the modules a researcher calls; for a package, the names in its ``__all__``)
    documents Parameters, Returns and a runnable example for every public function; the examples run
    in test_docstring_examples_run."""
    files = _module_files(module)
    assert files, f"no source for {module}"
    api = _api_names(module)
    lacking = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if (isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
                    and (api is None or node.name in api)):
                doc = ast.get_docstring(node) or ""
                missing = [s for s in ("Parameters", "Returns", "Examples") if f"{s}\n{'-' * len(s)}" not in doc]
                if missing or ">>> " not in doc:
                    lacking.append(f"{path.relative_to(PKG)}: {node.name}: {', '.join(missing) or 'no example'}")
    assert not lacking, lacking


# ----------------------------------------------------------------------------- one home per concept
def _runtime_imports(path):
    """``(module imported, names)`` of every import that runs: an ``if TYPE_CHECKING:`` block (annotations
    only) is left out. Relative modules are resolved against the package (``..official`` from
    ``spbe_analysis/figures/x.py`` is ``spbe_analysis.official``)."""
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    package = parts if parts[-1] == "__init__" else parts[:-1]
    if package and package[-1] == "__init__":
        package = package[:-1]
    tree = ast.parse(path.read_text(encoding="utf-8"))

    def walk(nodes):
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                yield from walk(node.orelse)
                continue
            if isinstance(node, ast.ImportFrom):
                base = package[:len(package) - node.level + 1] if node.level else []
                mod = ".".join(base + ([node.module] if node.module else []))
                names = [a.name for a in node.names]
                yield mod, names
                if node.module is None:      # from . import x: the modules x
                    for n in names:
                        yield f"{mod}.{n}", []
            elif isinstance(node, ast.Import):
                for a in node.names:
                    yield a.name, []
            for child in ast.iter_child_nodes(node):
                if not isinstance(child, (ast.expr_context,)):
                    yield from walk([child])

    seen = set()
    for mod, names in walk(tree.body):
        key = (mod, tuple(names))
        if key not in seen:
            seen.add(key)
            yield mod, names


def _top(mod):
    """``spbe_analysis.figures.snapshot`` -> ``figures``; modules outside the package -> None."""
    parts = mod.split(".")
    return parts[1] if parts[0] == "spbe_analysis" and len(parts) > 1 else None


def test_as_framework_lives_in_frameworks_and_official_loads_nothing():
    """``as_framework`` (a loader) is defined in frameworks.py only; official.py is arithmetic and
    imports nothing from the modules that read files or display text."""
    defined = {path.relative_to(PKG).as_posix() for path in PKG.rglob("*.py")
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if isinstance(node, ast.FunctionDef) and node.name == "as_framework"}
    assert defined == {"frameworks.py"}, defined
    loaders = {"frameworks", "data", "sheets", "sheetscore", "labels", "config", "csvio", "panel", "context",
               "profiles", "assumptions", "pemdi", "paths", "tables", "figures", "report", "site", "cli"}
    bad = [mod for mod, _ in _runtime_imports(PKG / "official.py") if _top(mod) in loaders]
    assert not bad, bad
    assert spbe_analysis.as_framework.__module__ == "spbe_analysis.frameworks"


MAX_LINES = 500


def test_no_module_is_longer_than_500_lines():
    """Every module of the package fits in 500 lines; a long one is split by concept into a package."""
    long = []
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG).as_posix()
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_LINES:
            long.append(f"{rel}: {n} lines")
    assert not long, long


#: The analysis core: no display text, no tables or figures, no build machinery.
ANALYSIS_CORE = ("official", "frameworks", "scoring", "values", "checks", "data", "sheets", "panel", "disparity",
                 "profiles", "decomposition", "paths", "assumptions", "pace", "transition", "pemdi", "sensitivity")
PRESENTATION = ("labels", "tables", "figures", "report", "site", "cli", "context")


@pytest.mark.parametrize("module", ANALYSIS_CORE)
def test_analysis_core_imports_no_presentation_layer(module):
    """The analysis modules (and every submodule of a package of that name) import nothing from
    labels, tables, figures, report, site, cli or context, at module level or inside a function."""
    bad = []
    for path in _module_files(module):
        for mod, _ in _runtime_imports(path):
            if _top(mod) in PRESENTATION:
                bad.append(f"{path.relative_to(PKG).as_posix()}: {mod}")
    assert not bad, bad


def test_no_result_is_carried_in_dataframe_attrs():
    """Results are dataclasses: no module reads or writes ``DataFrame.attrs`` (pandas does not
    promise to keep it)."""
    bad = []
    for path in sorted(PKG.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "attrs":
                bad.append(f"{path.relative_to(PKG)}:{node.lineno}")
    assert not bad, bad
