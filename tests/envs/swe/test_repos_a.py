"""SWE-v0's bundled repositories tmpl, unitcalc, ledger and minigraph (rlvr/envs/swe/repos/).

The task generator relies on each repository's layout and on its test suite
being strong, fast and self-contained. Checked per repository:

* layout: ``repo.json`` names the repository and its package, the package has
  3-10 modules of 60-250 lines, ``tests/test_*.py`` are visible and
  ``hidden_tests/test_*_hidden.py`` hidden with distinct file names, and
  nothing that would change how pytest runs (``__init__.py`` in test
  directories, ``conftest.py``, pytest/tox/setup configuration);
* purity: package code imports only the standard library and none of the
  modules that reach files, processes, the network, the clock or randomness;
* tests: >= 45 in total with 25-45% of them hidden, every one with a one-line
  docstring that reads as a behaviour (no test names, no code internals);
* the suite passes from a temporary copy of the repository (rootdir = the
  copy, package imported from it), and the JUnit report agrees with the
  count found by parsing the test files.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from repo_checks import REPOS_DIR, collect_tests, modules, repo_dir, run_in_copy, suite_files

REPOS = ["tmpl", "unitcalc", "ledger", "minigraph"]

MIN_TESTS = 45
HIDDEN_SHARE = (0.25, 0.45)
MODULE_LINES = (60, 250)
FORBIDDEN_IMPORTS = {
    "os", "sys", "io", "pathlib", "shutil", "tempfile", "glob", "socket", "subprocess",
    "urllib", "http", "requests", "time", "random", "secrets", "threading", "multiprocessing",
    "asyncio", "ctypes", "importlib", "builtins", "signal", "sqlite3", "pickle",
}
FORBIDDEN_CALLS = {"open", "exec", "eval", "compile", "__import__", "input", "breakpoint"}
CONFIG_FILES = ("conftest.py", "pytest.ini", "tox.ini", "setup.cfg", "pyproject.toml", "setup.py")










@pytest.mark.parametrize("name", REPOS)
def test_layout(name):
    root = repo_dir(name)
    meta = json.loads((root / "repo.json").read_text(encoding="utf-8"))
    assert set(meta) == {"name", "package", "description"}, meta
    assert meta["name"] == meta["package"] == name
    assert meta["description"].strip() and "\n" not in meta["description"]
    assert (root / name / "__init__.py").is_file()
    assert 3 <= len(modules(name)) <= 10, [p.name for p in modules(name)]
    for module in modules(name):
        lines = len(module.read_text(encoding="utf-8").splitlines())
        assert MODULE_LINES[0] <= lines <= MODULE_LINES[1], f"{module.name}: {lines} lines"
    # Data, not packages; and nothing that changes how pytest runs.
    for folder in (REPOS_DIR, root, root / "tests", root / "hidden_tests"):
        assert not (folder / "__init__.py").exists(), folder
    for path in root.rglob("*"):
        assert path.name not in CONFIG_FILES, path
    visible, hidden = suite_files(name, False), suite_files(name, True)
    assert visible and hidden
    assert all(p.name.endswith("_hidden.py") for p in hidden)
    assert not {p.name for p in visible} & {p.name for p in hidden}
    assert not [p for p in (root / "tests").iterdir() if p.suffix == ".py" and p not in visible]
    assert not [p for p in (root / "hidden_tests").iterdir() if p.suffix == ".py" and p not in hidden]


@pytest.mark.parametrize("name", REPOS)
def test_package_is_pure_standard_library(name):
    stdlib = set(sys.stdlib_module_names)
    for module in [repo_dir(name) / name / "__init__.py"] + modules(name):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{module.name} has no module docstring"
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                roots = [node.module.split(".")[0]]
            else:
                roots = []
            for root in roots:
                assert root in stdlib or root == "__future__", f"{module.name} imports {root}"
                assert root not in FORBIDDEN_IMPORTS, f"{module.name} imports {root}"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in FORBIDDEN_CALLS, f"{module.name} calls {node.func.id}()"


@pytest.mark.parametrize("name", REPOS)
def test_test_counts_and_docstrings(name):
    counts = {}
    for hidden in (False, True):
        total = 0
        for path in suite_files(name, hidden):
            tests = collect_tests(path)
            assert tests, f"{path.name} has no tests"
            for func in tests:
                doc = ast.get_docstring(func)
                where = f"{path.name}::{func.name}"
                assert doc, f"{where} has no docstring"
                assert "\n" not in doc.strip(), f"{where}: docstring must be one line"
                assert len(doc) >= 15 and doc.rstrip()[-1] in ".)'\"", f"{where}: {doc!r}"
                assert not re.search(r"\btest_|\bassert\b|pytest", doc), f"{where}: {doc!r}"
            total += len(tests)
        counts[hidden] = total
    total = counts[False] + counts[True]
    assert total >= MIN_TESTS, counts
    assert HIDDEN_SHARE[0] <= counts[True] / total <= HIDDEN_SHARE[1], counts




@pytest.mark.parametrize("name", REPOS)
def test_suite_passes_from_a_fresh_copy(name, tmp_path):
    report = tmp_path / "junit.xml"
    result = run_in_copy(name, tmp_path, "pytest", "-q", "-p", "no:cacheprovider",
                       f"--junitxml={report}", "tests", "hidden_tests")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    cases = list(ET.parse(report).getroot().iter("testcase"))
    expected = sum(len(collect_tests(p)) for hidden in (False, True) for p in suite_files(name, hidden))
    assert len(cases) == expected >= MIN_TESTS
    bad = [c.get("name") for c in cases if any(child.tag in ("failure", "error", "skipped") for child in c)]
    assert not bad


@pytest.mark.slow
@pytest.mark.parametrize("name", REPOS)
def test_line_coverage_at_least_90_percent(name, tmp_path):
    pytest.importorskip("coverage", reason="coverage comes with the dev extra")
    result = run_in_copy(name, tmp_path, "coverage", "run", f"--source={name}", "-m", "pytest", "-q",
                       "-p", "no:cacheprovider", "tests", "hidden_tests")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = subprocess.run([sys.executable, "-m", "coverage", "report", "--format=total"],
                            cwd=tmp_path / name, capture_output=True, text=True, timeout=60)
    assert report.returncode == 0, report.stderr
    assert int(report.stdout.strip()) >= 90, report.stdout
