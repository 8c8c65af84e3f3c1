"""SWE-v0's bundled repositories confparse, recur, recordql and textdiff (rlvr/envs/swe/repos/).

The same contract as tests/envs/swe/test_repos_a.py checks for the other four
repositories, per repository:

* layout: ``repo.json`` holds exactly name/package/description, the package
  has 3-10 modules of 60-250 lines that import each other, visible
  ``tests/test_*.py`` and hidden ``hidden_tests/test_*_hidden.py`` with
  distinct file names, and nothing that changes how pytest runs;
* purity: package code imports only the standard library, none of the
  modules that reach files, processes, the network, the clock or randomness;
* tests: >= 45 in total, 25-45% of them hidden, each with a one-line
  docstring that states a behaviour (no test names, no code internals);
* the suite passes from a temporary copy (rootdir = the copy), the JUnit
  report agrees with the count parsed from the files, line coverage is
  >= 90%, and it still passes with the test order reversed.
"""

from __future__ import annotations

import ast
import json
import re
import sys
import xml.etree.ElementTree as ET

import pytest

from repo_checks import REPOS_DIR, collect_tests, modules, run_in_copy, suite_files

B_REPOS = ["confparse", "recur", "recordql", "textdiff"]

B_MIN_TESTS = 45
B_HIDDEN_SHARE = (0.25, 0.45)
B_MODULE_LINES = (60, 250)
B_MIN_COVERAGE = 90
B_FORBIDDEN_IMPORTS = {
    "os", "sys", "io", "pathlib", "shutil", "tempfile", "glob", "socket", "subprocess",
    "urllib", "http", "time", "random", "secrets", "threading", "multiprocessing",
    "asyncio", "ctypes", "importlib", "builtins", "signal", "sqlite3", "pickle",
}
B_FORBIDDEN_CALLS = {"open", "exec", "eval", "compile", "__import__", "input", "breakpoint"}
B_CONFIG_FILES = ("conftest.py", "pytest.ini", "tox.ini", "setup.cfg", "pyproject.toml", "setup.py")

# Loaded with -p by the reversed run: executes the collected tests last to first.
REVERSE_PLUGIN = '''
def pytest_collection_modifyitems(items):
    items.reverse()
'''










@pytest.mark.parametrize("name", B_REPOS)
def test_b_layout(name):
    root = REPOS_DIR / name
    meta = json.loads((root / "repo.json").read_text(encoding="utf-8"))
    assert set(meta) == {"name", "package", "description"}, meta
    assert meta["name"] == meta["package"] == name
    assert meta["description"].strip() and "\n" not in meta["description"]
    assert (root / name / "__init__.py").is_file()
    package_modules = modules(name)
    assert 3 <= len(package_modules) <= 10, [p.name for p in package_modules]
    for module in package_modules:
        lines = len(module.read_text(encoding="utf-8").splitlines())
        assert B_MODULE_LINES[0] <= lines <= B_MODULE_LINES[1], f"{module.name}: {lines} lines"
    for folder in (REPOS_DIR, root, root / "tests", root / "hidden_tests"):
        assert not (folder / "__init__.py").exists(), f"{folder} must not be a package"
    for path in root.rglob("*"):
        assert path.name not in B_CONFIG_FILES, path
    visible, hidden = suite_files(name, False), suite_files(name, True)
    assert visible and hidden
    assert all(p.name.endswith("_hidden.py") for p in hidden), [p.name for p in hidden]
    assert not {p.name for p in visible} & {p.name for p in hidden}
    assert all(p in visible for p in (root / "tests").glob("*.py"))
    assert all(p in hidden for p in (root / "hidden_tests").glob("*.py"))


@pytest.mark.parametrize("name", B_REPOS)
def test_b_modules_call_each_other_and_stay_pure(name):
    stdlib = set(sys.stdlib_module_names)
    importers = 0
    for module in [REPOS_DIR / name / name / "__init__.py"] + modules(name):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{module.name} has no module docstring"
        imports_sibling = False
        for node in ast.walk(tree):
            roots = []
            if isinstance(node, ast.Import):
                roots = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                roots = [node.module.split(".")[0]]
            for root in roots:
                if root == name:
                    imports_sibling = True
                    continue
                assert root in stdlib or root == "__future__", f"{module.name} imports {root}"
                assert root not in B_FORBIDDEN_IMPORTS, f"{module.name} imports {root}"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in B_FORBIDDEN_CALLS, f"{module.name} calls {node.func.id}()"
        importers += imports_sibling and module.name != "__init__.py"
    # Real cross-module dependencies: most modules build on another one.
    assert importers >= len(modules(name)) - 2, f"only {importers} modules import a sibling"


@pytest.mark.parametrize("name", B_REPOS)
def test_b_counts_and_docstrings(name):
    counts = {}
    for hidden in (False, True):
        counts[hidden] = 0
        for path in suite_files(name, hidden):
            tests = collect_tests(path)
            assert tests, f"{path.name} has no tests"
            for func in tests:
                doc = ast.get_docstring(func)
                where = f"{path.name}::{func.name}"
                assert doc, f"{where} has no docstring"
                assert "\n" not in doc.strip(), f"{where}: the docstring must be one line"
                assert len(doc) >= 15 and doc.rstrip()[-1] in ".)'\"", f"{where}: {doc!r}"
                assert not re.search(r"\btest_|\bassert\b|pytest", doc), f"{where}: {doc!r}"
            counts[hidden] += len(tests)
    total = counts[False] + counts[True]
    assert total >= B_MIN_TESTS, counts
    assert B_HIDDEN_SHARE[0] <= counts[True] / total <= B_HIDDEN_SHARE[1], counts
    names = [f.name for hidden in (False, True) for p in suite_files(name, hidden) for f in collect_tests(p)]
    assert len(names) == len(set(names)), "a test name is used twice in one repository"


@pytest.mark.slow
@pytest.mark.parametrize("name", B_REPOS)
def test_b_suite_passes_with_coverage(name, tmp_path):
    """Every test passes (JUnit agrees with the parsed count) and line coverage is >= 90%."""
    pytest.importorskip("coverage", reason="coverage comes with the dev extra")
    report = tmp_path / "junit.xml"
    result = run_in_copy(name, tmp_path, "coverage", "run", f"--source={name}", "-m", "pytest", "-q",
                   "-p", "no:cacheprovider", f"--junitxml={report}", "tests", "hidden_tests")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    cases = list(ET.parse(report).getroot().iter("testcase"))
    expected = sum(len(collect_tests(p)) for hidden in (False, True) for p in suite_files(name, hidden))
    assert len(cases) == expected >= B_MIN_TESTS
    assert not [c.get("name") for c in cases if any(x.tag in ("failure", "error", "skipped") for x in c)]
    total = run_in_copy(name, tmp_path, "coverage", "report", "--format=total")
    assert total.returncode == 0, total.stderr
    assert int(total.stdout.strip()) >= B_MIN_COVERAGE, total.stdout


@pytest.mark.parametrize("name", B_REPOS)
def test_b_suite_passes_in_reverse_order(name, tmp_path):
    """No test depends on another having run first: the reversed order passes too."""
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "reverse_order.py").write_text(REVERSE_PLUGIN, encoding="utf-8")
    result = run_in_copy(name, tmp_path, "pytest", "-q", "-p", "no:cacheprovider", "-p", "reverse_order",
                   "hidden_tests", "tests", extra_path=str(plugins))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert re.search(r"\b\d+ passed\b", result.stdout) and "failed" not in result.stdout
