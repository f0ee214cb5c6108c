"""pip users and conda users get the same versions; the lock file agrees with both."""
import re
import tomllib

from spbe_analysis.config import ROOT


def _norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins_pyproject():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = meta["dependencies"] + meta["optional-dependencies"]["test"]
    out = {}
    for d in deps:
        name, ver = d.split("==")
        out[_norm(name)] = ver
    return out


def pins_environment():
    out = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        m = re.fullmatch(r"\s+-\s+([A-Za-z0-9_.-]+)=([0-9][^=\s]*)", line)
        if m and m.group(1) != "python":
            out[_norm(m.group(1))] = m.group(2)
    return out


def pins_lock():
    out = {}
    for line in (ROOT / "requirements-lock.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, ver = line.split("==")
            out[_norm(name)] = ver
    return out


def test_every_dependency_is_pinned_exactly():
    assert all(v and v[0].isdigit() for v in pins_pyproject().values())


def test_pyproject_and_environment_name_the_same_versions():
    assert pins_pyproject() == pins_environment()


def test_lock_file_contains_the_same_direct_pins():
    lock = pins_lock()
    for name, ver in pins_pyproject().items():
        assert lock.get(name) == ver, name


def test_ci_calls_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "python3 make.py test" in readme and "python3 make.py test" in ci
