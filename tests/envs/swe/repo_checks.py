"""Helpers shared by the checks of SWE-v0's bundled repositories (test_repos_a.py, test_repos_b.py)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import rlvr.envs.swe

REPOS_DIR = Path(rlvr.envs.swe.__file__).parent / "repos"


def repo_dir(name: str) -> Path:
    return REPOS_DIR / name


def modules(name: str) -> list[Path]:
    """The package's modules, ``__init__.py`` left out."""
    return sorted(p for p in (repo_dir(name) / name).glob("*.py") if p.name != "__init__.py")


def suite_files(name: str, hidden: bool) -> list[Path]:
    return sorted((repo_dir(name) / ("hidden_tests" if hidden else "tests")).glob("test_*.py"))


def collect_tests(path: Path) -> list[ast.FunctionDef]:
    """Test functions of a file as pytest collects them: module-level and in Test* classes."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("test")]
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            found += [f for f in node.body if isinstance(f, ast.FunctionDef) and f.name.startswith("test")]
    return found


def run_in_copy(name: str, workdir: Path, *args: str, extra_path: str = "",
                timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``python -m <args>`` in a copy of the repository under ``workdir`` (made once), as the grader
    does (rootdir = the copy, package imported from it), with a minimal environment."""
    copy = workdir / name
    if not copy.exists():
        shutil.copytree(repo_dir(name), copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    env = {"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0"}
    if extra_path:
        env["PYTHONPATH"] = extra_path
    return subprocess.run([sys.executable, "-m", *args], cwd=copy, capture_output=True, text=True,
                          timeout=timeout, env=env)
