"""The repositories bundled with SWE-v0, loaded as ``{relative path: text}`` trees.

Each bundled repository lives in ``rlvr/envs/swe/repos/<name>/``::

    repo.json                 {"name", "package", "description"}
    <package>/*.py            the source (3-10 modules that call each other)
    tests/test_*.py           visible tests: copied into the policy's workspace
    hidden_tests/test_*.py    hidden tests: only ever written into a grading sandbox

```python
repo = load_repo("tmpl")
repo.workspace_files          # source + visible tests (what the policy sees)
repo.hidden_files             # hidden tests
```
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from rlvr.core.errors import ConfigError

#: Where the bundled repositories live (package data).
REPOS_DIR = Path(__file__).resolve().parent / "repos"
VISIBLE_TESTS_DIR = "tests"
HIDDEN_TESTS_DIR = "hidden_tests"
_SKIP_PARTS = frozenset({"__pycache__", ".pytest_cache", ".benchmarks", ".coverage", ".git"})
_TEXT_SUFFIXES = (".py", ".txt", ".md", ".cfg", ".toml", ".ini", ".json", ".rst")


@dataclass(frozen=True)
class BundledRepo:
    """One repository as text trees.

    Attributes:
        name: Directory name (also the repo id in task records).
        package: The importable package's directory name.
        description: One sentence on what the package does.
        source: ``{path: text}`` of the package and any other non-test file (``README.md``, ...).
        visible_tests: ``{path: text}`` under ``tests/``.
        hidden_tests: ``{path: text}`` under ``hidden_tests/``.
    """

    name: str
    package: str
    description: str
    source: dict[str, str]
    visible_tests: dict[str, str]
    hidden_tests: dict[str, str]

    @property
    def workspace_files(self) -> dict[str, str]:
        """Source and visible tests: the tree a policy works on."""
        return {**self.source, **self.visible_tests}

    @property
    def hidden_files(self) -> dict[str, str]:
        return dict(self.hidden_tests)

    @property
    def all_files(self) -> dict[str, str]:
        """The whole clean tree, hidden tests included (grading only)."""
        return {**self.source, **self.visible_tests, **self.hidden_tests}

    @property
    def modules(self) -> list[str]:
        """Paths of the package's Python modules, sorted."""
        return sorted(p for p in self.source if p.endswith(".py") and p.startswith(self.package + "/"))

    @property
    def content_hash(self) -> str:
        """A short hash of every file's path and text (tasks record it to detect a changed repo)."""
        digest = hashlib.sha256()
        for path, text in sorted(self.all_files.items()):
            digest.update(path.encode() + b"\0" + text.encode() + b"\0")
        return digest.hexdigest()[:16]


def is_test_path(path: str) -> bool:
    """Whether a relative path is a test file or test directory content."""
    first = path.split("/", 1)[0]
    base = path.rsplit("/", 1)[-1]
    return first in (VISIBLE_TESTS_DIR, HIDDEN_TESTS_DIR) or base.startswith("test_") or base == "conftest.py"


def list_repos(root: str | Path | None = None) -> list[str]:
    """Names of the bundled repositories (directories holding a ``repo.json``), sorted."""
    base = Path(root) if root is not None else REPOS_DIR
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if (p / "repo.json").is_file())


def load_repo(name: str, root: str | Path | None = None) -> BundledRepo:
    """Read one repository into text trees (cached until one of its files changes).

    Args:
        name: A name from :func:`list_repos`.
        root: Directory holding the repositories (default: the bundled ones).

    Raises:
        ConfigError: No such repository, or its ``repo.json`` is invalid.
    """
    base = Path(root).resolve() if root is not None else REPOS_DIR
    return _load(str(name), str(base), _stamp(base / str(name)))


def _stamp(path: Path) -> tuple:
    """Names, sizes and modification times of a repository's files (the load cache's key)."""
    if not path.is_dir():
        return ()
    return tuple((str(p), st.st_size, st.st_mtime_ns) for p in sorted(path.rglob("*"))
                 if p.is_file() and (st := p.stat()))


@functools.lru_cache(maxsize=32)
def _load(name: str, root: str, stamp: tuple) -> BundledRepo:
    base = Path(root) / name
    meta_path = base / "repo.json"
    if not meta_path.is_file():
        raise ConfigError(f"no bundled SWE repository named {name!r} in {root}; "
                          f"available: {list_repos(root)}")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        package = str(meta["package"])
    except (ValueError, KeyError) as exc:
        raise ConfigError(f"{meta_path} must be JSON with 'name', 'package' and 'description' keys: {exc}") from exc
    source: dict[str, str] = {}
    visible: dict[str, str] = {}
    hidden: dict[str, str] = {}
    for path in sorted(base.rglob("*")):
        rel = path.relative_to(base).as_posix()
        if not path.is_file() or rel == "repo.json" or _SKIP_PARTS & set(rel.split("/")):
            continue
        if not rel.endswith(_TEXT_SUFFIXES) or rel.endswith(".pyc"):
            continue
        text = path.read_text(encoding="utf-8")
        first = rel.split("/", 1)[0]
        if first == HIDDEN_TESTS_DIR:
            hidden[rel] = text
        elif first == VISIBLE_TESTS_DIR:
            visible[rel] = text
        else:
            source[rel] = text
    if not any(p.startswith(package + "/") for p in source):
        raise ConfigError(f"repository {name!r} has no package directory {package!r}/ (from repo.json)")
    return BundledRepo(name=str(meta.get("name", name)), package=package,
                       description=str(meta.get("description", "")), source=source,
                       visible_tests=visible, hidden_tests=hidden)
