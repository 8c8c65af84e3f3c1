"""The SWE-v0 task schema: one buggy repository snapshot and how it is graded.

A :class:`SweTask` is everything the env and the grader need, and it splits
cleanly into what the policy may see and what it may not:

- visible: ``problem_statement`` and ``files`` (the buggy package source and
  the visible tests, as ``{relative path: text}``);
- hidden: ``hidden_files`` (hidden test files, written only into the grading
  sandbox), ``gold_patch`` (unified diff buggy -> clean over source files) and
  the test ids in ``fail_to_pass`` / ``pass_to_pass``.

Tasks round-trip through plain dicts (``to_dict`` / ``from_dict``) so they can
be shipped as JSON lines and passed to ``gym.make("rlvr/SWE-v0", tasks=[...])``.
"""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from rlvr.core.errors import ConfigError
from rlvr.core.tasks import require_keys

logger = logging.getLogger(__name__)

TaskKind = Literal["mutation", "implement", "swebench"]
KINDS: tuple[str, ...] = ("mutation", "implement", "swebench")

#: The documented dict schema, quoted in validation errors.
SCHEMA_HINT = ("{'id': str, 'repo': str, 'problem_statement': str, 'files': {path: text}, "
               "'hidden_files': {path: text}, 'gold_patch': str, 'fail_to_pass': [test id], "
               "'pass_to_pass': [test id], 'kind': 'mutation'|'implement'|'swebench', "
               "'image'?: str|None, 'meta'?: dict}; for a bundled repository 'files' and 'hidden_files' "
               "may be replaced by 'bundled_repo_hash'")
REQUIRED_KEYS: tuple[str, ...] = ("id", "repo", "problem_statement", "files", "hidden_files", "gold_patch",
                                  "fail_to_pass", "pass_to_pass", "kind")
#: Key of a compact record: the task's trees are rebuilt from the bundled repository of this content hash.
BUNDLED_KEY = "bundled_repo_hash"


@dataclass(frozen=True)
class SweTask:
    """One SWE-v0 task.

    Attributes:
        id: Unique, stable identifier (``"<repo>-<kind>-<hash>"`` for generated tasks).
        repo: Name of the repository the task comes from.
        problem_statement: The issue text shown to the policy.
        files: The buggy workspace tree the policy gets: package source and
            visible tests, ``{relative posix path: text}``.
        hidden_files: Hidden test files, only ever added in the grading sandbox.
        gold_patch: Unified diff from the buggy tree to the clean tree (source files only).
        fail_to_pass: Pytest node ids that fail on the buggy tree and pass on the clean one.
        pass_to_pass: Pytest node ids that pass on both.
        kind: ``"mutation"``, ``"implement"`` or ``"swebench"``.
        image: Docker image to run in (SWE-bench instances); ``None`` = the default sandbox.
        meta: Free-form provenance (mutations applied, seed); never shown to the policy.
    """

    id: str
    repo: str
    problem_statement: str
    files: dict[str, str]
    hidden_files: dict[str, str]
    gold_patch: str
    fail_to_pass: tuple[str, ...]
    pass_to_pass: tuple[str, ...]
    kind: str
    image: str | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ConfigError(f"SweTask.kind must be one of {KINDS}, got {self.kind!r}")
        if not self.fail_to_pass:
            raise ConfigError(f"SweTask {self.id!r} has no fail_to_pass test; a task needs at least one "
                              "test that the fix turns from failing to passing")
        for name in ("files", "hidden_files"):
            tree = getattr(self, name)
            for path in tree:
                if path.startswith("/") or ".." in path.split("/"):
                    raise ConfigError(f"SweTask {self.id!r}: {name} path {path!r} must be relative "
                                      "and stay inside the workspace (no leading '/' or '..')")
        overlap = set(self.files) & set(self.hidden_files)
        if overlap:
            raise ConfigError(f"SweTask {self.id!r}: hidden_files must not also be visible files, "
                              f"got {sorted(overlap)[:3]}")

    @property
    def all_test_ids(self) -> tuple[str, ...]:
        """FAIL_TO_PASS then PASS_TO_PASS: every test the grade depends on."""
        return self.fail_to_pass + self.pass_to_pass

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict in the documented schema (lists for the id tuples)."""
        return {
            "id": self.id, "repo": self.repo, "problem_statement": self.problem_statement,
            "files": dict(self.files), "hidden_files": dict(self.hidden_files),
            "gold_patch": self.gold_patch, "fail_to_pass": list(self.fail_to_pass),
            "pass_to_pass": list(self.pass_to_pass), "kind": self.kind, "image": self.image,
            "meta": dict(self.meta),
        }

    def to_record(self, repo_hash: str) -> dict[str, Any]:
        """A compact dict for a task on a bundled repository: no trees, only the gold patch.

        :meth:`from_dict` rebuilds ``files`` and ``hidden_files`` from the
        bundled repository (whose :attr:`~rlvr.envs.swe.repos.BundledRepo.content_hash`
        must still be ``repo_hash``) by applying the gold patch backwards.
        """
        record = self.to_dict()
        del record["files"], record["hidden_files"]
        record[BUNDLED_KEY] = repo_hash
        return record

    @classmethod
    def from_dict(cls, d: Any, index: int = 0) -> "SweTask":
        """Validate a task dict (see :data:`SCHEMA_HINT`) and build the task.

        A compact record (:meth:`to_record`: no ``files``/``hidden_files`` but
        ``bundled_repo_hash``) is expanded from the bundled repository first.

        Raises:
            ConfigError: a key is missing or has the wrong type; the message
                names the task index, the key and the schema.
        """
        if isinstance(d, SweTask):
            return d
        if isinstance(d, dict) and BUNDLED_KEY in d and "files" not in d:
            d = expand_record(d, index)
        require_keys(d, index, REQUIRED_KEYS, {
            "id": str, "repo": str, "problem_statement": str, "files": dict, "hidden_files": dict,
            "gold_patch": str, "fail_to_pass": (list, tuple), "pass_to_pass": (list, tuple), "kind": str,
            "image": (str, type(None)), "meta": dict,
        }, schema_hint=SCHEMA_HINT)
        for key in ("files", "hidden_files"):
            for path, text in d[key].items():
                if not isinstance(path, str) or not isinstance(text, str):
                    raise ConfigError(f"tasks[{index}][{key!r}] must map str paths to str texts, got "
                                      f"{type(path).__name__} -> {type(text).__name__} at {path!r}")
        for key in ("fail_to_pass", "pass_to_pass"):
            if not all(isinstance(t, str) for t in d[key]):
                raise ConfigError(f"tasks[{index}][{key!r}] must be a list of pytest node id strings")
        return cls(
            id=d["id"], repo=d["repo"], problem_statement=d["problem_statement"],
            files=dict(d["files"]), hidden_files=dict(d["hidden_files"]), gold_patch=d["gold_patch"],
            fail_to_pass=tuple(d["fail_to_pass"]), pass_to_pass=tuple(d["pass_to_pass"]),
            kind=d["kind"], image=d.get("image"), meta=dict(d.get("meta") or {}),
        )


def expand_record(record: dict[str, Any], index: int = 0) -> dict[str, Any]:
    """A full task dict from a compact record (see :meth:`SweTask.to_record`).

    If the bundled repository changed since the task was generated (its
    content hash differs), the task is still used when the gold patch applies
    backwards and every FAIL_TO_PASS/PASS_TO_PASS test still exists, with a
    warning and ``meta["repo_changed"] = True``; the project's tests demand an
    exact hash, so a stale task file is caught before release.

    Raises:
        ConfigError: The repository is not bundled, or it changed so that the
            gold patch no longer applies or a required test is gone.
    """
    from rlvr.envs.swe.repos import load_repo

    require_keys(record, index, ("id", "repo", "gold_patch", BUNDLED_KEY), {"repo": str, "gold_patch": str},
                 schema_hint=SCHEMA_HINT)
    repo = load_repo(record["repo"])
    fix = "Fix: regenerate with `rlvr swe build-tasks --out <file>` (python -m rlvr.envs.swe.taskgen)"
    try:
        buggy = apply_patch(repo.source, record["gold_patch"], reverse=True)
    except ValueError as exc:
        raise ConfigError(f"task {record['id']!r}: the gold patch does not apply to the bundled repository "
                          f"{record['repo']!r} ({exc}); the task file is stale. {fix}") from None
    full = {k: v for k, v in record.items() if k != BUNDLED_KEY}
    full["files"] = {**buggy, **repo.visible_tests}
    full["hidden_files"] = repo.hidden_files
    if repo.content_hash != record[BUNDLED_KEY]:
        tests = {**repo.visible_tests, **repo.hidden_tests}
        ids = [*record.get("fail_to_pass", ()), *record.get("pass_to_pass", ())]
        gone = [i for i in ids if not _test_exists(i, tests)]
        if gone:
            raise ConfigError(f"task {record['id']!r} was generated from another version of the bundled repository "
                              f"{record['repo']!r} (hash {record[BUNDLED_KEY]}, now {repo.content_hash}) and "
                              f"{len(gone)} of its tests no longer exist (e.g. {gone[0]!r}). {fix}")
        if record["repo"] not in _warned:
            _warned.add(record["repo"])
            logger.warning("SWE-v0 tasks of %r were generated from an older version of the repository; they "
                           "still apply, but regenerate them for exact test lists. %s", record["repo"], fix)
        full["meta"] = {**(record.get("meta") or {}), "repo_changed": True}
    return full


_warned: set[str] = set()


def _test_exists(test_id: str, tests: dict[str, str]) -> bool:
    path, _, rest = test_id.split("[", 1)[0].partition("::")
    text = tests.get(path)
    if text is None or not rest:
        return False
    return all(re.search(rf"^\s*(?:async\s+)?(?:def|class)\s+{re.escape(part)}\b", text, re.M)
               for part in rest.split("::"))


# ---------------------------------------------------------------------------
# Unified diffs between two trees (the gold patch), and applying them back.

_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
NO_NEWLINE = "\\ No newline at end of file"


def make_patch(old: dict[str, str], new: dict[str, str], context: int = 3) -> str:
    """A unified diff (``--- a/path`` / ``+++ b/path``) taking tree ``old`` to tree ``new``.

    Only paths present in both trees with different text are diffed; the
    output applies with ``patch -p1``, ``git apply`` and :func:`apply_patch`.
    """
    chunks: list[str] = []
    for path in sorted(set(old) & set(new)):
        if old[path] == new[path]:
            continue
        lines = difflib.unified_diff(old[path].splitlines(True), new[path].splitlines(True),
                                     f"a/{path}", f"b/{path}", n=context)
        for line in lines:
            if line.endswith("\n"):
                chunks.append(line)
            else:  # the last line of a file without a final newline
                chunks.append(line + "\n" + NO_NEWLINE + "\n")
    return "".join(chunks)


def reverse_patch(patch: str) -> str:
    """The unified diff that undoes ``patch`` (headers, hunk ranges and +/- lines swapped)."""
    out: list[str] = []
    lines = patch.splitlines(True)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("--- ") and i + 1 < len(lines) and lines[i + 1].startswith("+++ "):
            out += ["--- " + lines[i + 1][4:], "+++ " + line[4:]]
            i += 2
            continue
        m = _HUNK.match(line)
        if m:
            old = m.group(1) + (f",{m.group(2)}" if m.group(2) is not None else "")
            new = m.group(3) + (f",{m.group(4)}" if m.group(4) is not None else "")
            out.append(f"@@ -{new} +{old} @@" + line[m.end():])
        elif line[:1] in "+-":
            out.append({"+": "-", "-": "+"}[line[0]] + line[1:])
        else:
            out.append(line)
        i += 1
    return "".join(out)


def apply_patch(files: dict[str, str], patch: str, reverse: bool = False) -> dict[str, str]:
    """``files`` with ``patch`` applied (backwards with ``reverse``), through :mod:`rlvr.envs.swe.patches`.

    Raises:
        ConfigError: The patch does not apply (a ``ValueError``).
    """
    from rlvr.envs.swe.patches import apply_patch as apply_forward

    return apply_forward(files, reverse_patch(patch) if reverse else patch)
