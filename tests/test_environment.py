"""Dependencies have one home each: pyproject.toml declares compatible ranges of every package the
code imports, requirements-lock.txt pins a version inside each range (and every transitive
package), environment.yml gives conda users the same packages and ranges."""
import ast
import importlib.metadata
import json
import re
import sys
import tomllib

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from spbe_analysis.config import ROOT

META = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
RUNTIME = [Requirement(r) for r in META["dependencies"]]
EXTRAS = {k: [Requirement(r) for r in v] for k, v in META["optional-dependencies"].items()}
DECLARED = RUNTIME + [r for reqs in EXTRAS.values() for r in reqs]


def lock_pins():
    out = {}
    for line in (ROOT / "requirements-lock.txt").read_text().splitlines():
        m = re.match(r"([A-Za-z0-9][A-Za-z0-9_.-]*)==(\S+)", line)
        if m:
            out[canonicalize_name(m.group(1))] = m.group(2)
    return out


def environment_specs():
    out = {}
    text = (ROOT / "environment.yml").read_text()
    conda = text.split("\ndependencies:\n", 1)[1].split("- pip:", 1)[0]   # conda packages, not pip's
    for line in conda.splitlines():
        m = re.fullmatch(r"\s+-\s+([A-Za-z0-9_.-]+)\s*([<>=!~][^#\s]*)?\s*(#.*)?", line)
        if m and m.group(1) not in ("python", "pip"):
            out[canonicalize_name(m.group(1))] = SpecifierSet(m.group(2) or "")
    return out


def _imports(source):
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def imported_modules(folder):
    """Top-level modules imported by the .py files and notebook code cells under ``folder``."""
    names = set()
    for path in (ROOT / folder).rglob("*"):
        if ".ipynb_checkpoints" in path.parts:
            continue
        if path.suffix == ".py":
            names |= _imports(path.read_text())
        elif path.suffix == ".ipynb":
            for cell in json.loads(path.read_text())["cells"]:
                if cell["cell_type"] == "code":
                    src = "".join(cell["source"])
                    names |= _imports("\n".join(ln for ln in src.splitlines() if not ln.lstrip().startswith(("%", "!"))))
    local = {"spbe_analysis"} | {p.stem for d in ("tests", "benchmarks") for p in (ROOT / d).glob("*.py")}
    return {n for n in names if n not in sys.stdlib_module_names and n not in local}


def undeclared(folders, requirements):
    declared = {canonicalize_name(r.name) for r in requirements}
    dists = importlib.metadata.packages_distributions()
    missing = {}
    for folder in folders:
        for mod in imported_modules(folder):
            owners = {canonicalize_name(d) for d in dists.get(mod, [])}
            if not owners & declared:
                missing[mod] = (folder, sorted(owners) or "not installed")
    return missing


def test_pyproject_declares_ranges_not_pins():
    for r in DECLARED:
        ops = {s.operator for s in r.specifier}
        assert "==" not in ops and "===" not in ops, f"{r}: exact pins belong in requirements-lock.txt"
        assert ops & {">=", ">", "~="} and ops & {"<", "<=", "~="}, f"{r}: needs a lower and an upper bound"


def test_lock_pins_a_version_inside_every_declared_range():
    lock = lock_pins()
    for r in DECLARED:
        name = canonicalize_name(r.name)
        assert name in lock, f"{r.name} is declared in pyproject.toml but missing from requirements-lock.txt"
        assert r.specifier.contains(lock[name], prereleases=True), f"lock has {r.name}=={lock[name]}, outside {r}"


def test_lock_header_regenerates_it_from_pyproject_with_every_extra():
    header = [ln for ln in (ROOT / "requirements-lock.txt").read_text().splitlines() if ln.startswith("#")]
    command = next(ln for ln in header if "pip-compile" in ln and "pyproject.toml" in ln)
    assert set(re.findall(r"--extra[ =](\S+)", command)) == set(EXTRAS)
    assert "--output-file requirements-lock.txt" in command or "--output-file=requirements-lock.txt" in command


def test_the_library_and_notebooks_import_only_runtime_dependencies():
    assert undeclared(["spbe_analysis", "notebooks"], RUNTIME) == {}


def test_tests_and_benchmarks_import_only_declared_packages():
    assert undeclared(["tests", "benchmarks"], DECLARED) == {}


def test_environment_yml_lists_the_same_packages_and_ranges():
    assert environment_specs() == {canonicalize_name(r.name): r.specifier for r in DECLARED}


def test_ci_calls_the_readme_test_command_and_the_fast_tier_is_documented():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "python3 make.py test" in readme and "python3 make.py test" in ci
    assert "python3 make.py test-fast" in readme and '"test-fast"' in (ROOT / "make.py").read_text()


def test_a_regular_install_ships_every_subpackage_and_data_file():
    """The setuptools lists name every folder of the package with an __init__.py, and every
    non-Python file inside it matches a package-data pattern (else a non-editable install lacks it)."""
    import fnmatch

    tool = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    pkg = ROOT / "spbe_analysis"
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in pkg.rglob("__init__.py")}
    assert found == set(tool["packages"]), f"pyproject packages differ: {sorted(found ^ set(tool['packages']))}"
    globs = tool["package-data"]["spbe_analysis"]
    data = [p.relative_to(pkg).as_posix() for p in pkg.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert data and not [f for f in data if not any(fnmatch.fnmatch(f, g) for g in globs)]
