"""The SWE-v0 verifier: apply the policy's source changes to a pristine tree and run the tests.

```python
from rlvr.verifiers.swe import grade, run_pytest

run = run_pytest(files, ["tests/test_x.py::test_y"])    # per-test outcomes, trusted
run.outcomes, run.all_passed(["tests/test_x.py::test_y"])
verdict = grade(task, workspace_files)                   # reward 1 iff every required test passes
```

:func:`grade` takes the files the policy left in its workspace, keeps only
the source files it changed, added or deleted (:func:`policy_changes`:
anything under a test directory, test modules, ``conftest.py``, ``*.pth``,
``sitecustomize.py``/``usercustomize.py``, pytest/tox/setup.cfg/pyproject
configuration, caches, ``.git`` and new files outside the repository's own
package directories are ignored), applies them to a pristine copy of the
task's tree, adds the hidden tests, and runs FAIL_TO_PASS + PASS_TO_PASS in
a fresh sandbox with :func:`~rlvr.verifiers.swe_pytest.run_pytest`. The
verdict counts failing tests but never names a hidden test or shows output.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from rlvr.core.verdict import Verdict
from rlvr.verifiers.swe_pytest import (
    PYTEST_PACKAGES, PytestRun, mangle_nodeid, parse_junit, pytest_sandbox, run_pytest)

__all__ = ["grade", "grade_tree", "judge", "policy_changes", "source_candidates", "ignored_reason", "run_pytest", "PytestRun",
           "PYTEST_PACKAGES", "mangle_nodeid", "parse_junit", "pytest_sandbox", "MAX_CHANGED_BYTES"]

#: File names the policy may write but that never reach the grading tree.
IGNORED_NAMES = frozenset({
    "conftest.py", "sitecustomize.py", "usercustomize.py", "pytest.ini", ".pytest.ini", "pytest.toml",
    ".pytest.toml", "tox.ini", "setup.cfg", "pyproject.toml", "noxfile.py",
})
#: Directory names whose contents never reach the grading tree.
IGNORED_DIRS = frozenset({"tests", "test", "testing", "hidden_tests", ".pytest_cache", "__pycache__",
                          ".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", ".eggs"})
IGNORED_SUFFIXES = (".pth", ".pyc", ".pyo", ".egg-link")
#: Total size of the source changes a grading accepts.
MAX_CHANGED_BYTES = 16 << 20


def ignored_reason(path: str) -> str | None:
    """Why a path written by the policy is not applied at grading, or ``None`` if it is source."""
    parts = path.split("/")
    name = parts[-1]
    if any(part in IGNORED_DIRS for part in parts[:-1]):
        return "test, cache or VCS directory"
    if name in IGNORED_NAMES:
        return "test or interpreter configuration"
    if name.endswith(IGNORED_SUFFIXES):
        return "import hook or bytecode"
    if name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py")):
        return "test module"
    return None


def source_candidates(pristine: Mapping[str, Any], listing: Sequence[str]) -> list[str]:
    """The paths of a workspace listing that :func:`policy_changes` could apply (read only these)."""
    top_dirs = {p.split("/", 1)[0] for p in pristine if "/" in p}
    return [p for p in listing if ignored_reason(p) is None
            and (p in pristine or p.split("/", 1)[0] in top_dirs)]


def policy_changes(pristine: Mapping[str, str | bytes], workspace: Mapping[str, str | bytes]
                   ) -> tuple[dict[str, bytes], list[str], list[str]]:
    """The source changes to apply: ``(written, deleted, ignored)``.

    Args:
        pristine: The task's workspace tree before the episode.
        workspace: Every regular file of the workspace after it (relative
            path -> content); paths missing here count as deleted.

    Returns:
        ``written``: changed or new source files; ``deleted``: pristine
        source files the policy removed; ``ignored``: paths it changed that
        are not applied (tests, configuration, files outside the packages).
    """
    top_dirs = {p.split("/", 1)[0] for p in pristine if "/" in p}
    written: dict[str, bytes] = {}
    ignored: list[str] = []
    for path, content in workspace.items():
        data = content.encode("utf-8", "surrogateescape") if isinstance(content, str) else bytes(content)
        old = pristine.get(path)
        if old is not None and (old.encode("utf-8", "surrogateescape") if isinstance(old, str) else old) == data:
            continue
        if ignored_reason(path) is not None or (path not in pristine and path.split("/", 1)[0] not in top_dirs):
            if not path.startswith(".git/"):
                ignored.append(path)
            continue
        written[path] = data
    deleted = [p for p in pristine if p not in workspace and ignored_reason(p) is None]
    return written, sorted(deleted), sorted(ignored)


def grade_tree(tree: dict[str, str | bytes], fail_to_pass: Sequence[str], pass_to_pass: Sequence[str], *,
               sandbox: Any = None, timeout_s: float = 60.0, extra: dict[str, Any] | None = None
               ) -> tuple[Verdict, PytestRun | None]:
    """Run the required tests on a complete tree and judge (shared by bundled and SWE-bench grading)."""
    ids = list(dict.fromkeys([*fail_to_pass, *pass_to_pass]))
    extra = dict(extra or {})
    if not ids:
        return Verdict.error("no_tests", message="the task names no FAIL_TO_PASS or PASS_TO_PASS test",
                             **extra), None
    try:
        run = run_pytest(tree, ids, sandbox=sandbox, timeout_s=timeout_s)
    except Exception as exc:  # the sandbox could not be made: not the policy's doing
        return Verdict.error("sandbox_error", message=f"{type(exc).__name__}: {str(exc)[:300]}", **extra), None
    return judge(run, fail_to_pass, pass_to_pass, extra), run


def judge(run: PytestRun, fail_to_pass: Sequence[str], pass_to_pass: Sequence[str],
          extra: dict[str, Any] | None = None) -> Verdict:
    """The verdict for a :class:`PytestRun` of the required tests (counts only, no names)."""
    extra = dict(extra or {})
    f2p = [i for i in fail_to_pass if run.outcomes.get(i) != "passed"]
    p2p = [i for i in pass_to_pass if run.outcomes.get(i) != "passed" and i not in fail_to_pass]
    total = len(set(fail_to_pass) | set(pass_to_pass))
    counts = dict(tests=total, failed=len(set(f2p) | set(p2p)), fail_to_pass_failed=len(f2p),
                  pass_to_pass_failed=len(p2p), wall_s=round(run.wall_s, 3), **extra)
    if run.infra_error is not None:
        return Verdict.error("sandbox_error", message=run.infra_error[:300], **extra)
    if run.all_passed([*fail_to_pass, *pass_to_pass]):
        return Verdict.correct("tests_passed", **counts)
    if run.status in ("timeout", "memory", "output_limit"):
        return Verdict.incorrect(run.status, message=f"the test run hit its {run.status.replace('_', ' ')} "
                                 f"bound", **{**counts, "failed": total})
    if not run.trusted:
        why = "the test process exited before reporting" if run.reported_exit is None \
            else "the test results could not be trusted"
        return Verdict.incorrect("untrusted_run", message=why, **{**counts, "failed": total})
    return Verdict.incorrect("tests_failed", message=f"{counts['failed']} of {total} required tests did "
                             f"not pass", **counts)


def grade(task: Any, workspace_files: Mapping[str, str | bytes], *, sandbox: Any = None,
          timeout_s: float = 60.0, unread_ignored: int = 0) -> Verdict:
    """Apply the policy's source changes to a pristine tree and run the hidden and visible tests.

    Args:
        task: A :class:`~rlvr.envs.swe.task.SweTask` (``files``,
            ``hidden_files``, ``fail_to_pass``, ``pass_to_pass``).
        workspace_files: The workspace's regular files after the episode.
        sandbox: As in :func:`run_pytest` (default: bwrap with pytest exposed).
        timeout_s: Wall-clock bound of the grading run.
        unread_ignored: Ignored files the caller saw but did not read (counted in the details).

    Returns:
        ``correct`` (reward 1) iff every FAIL_TO_PASS and PASS_TO_PASS test
        passed by both the JUnit XML and the runner's records and the exit
        code is 0; ``incorrect`` with counts otherwise; ``error`` (masked)
        when the sandbox failed.
    """
    written, deleted, ignored = policy_changes(task.files, workspace_files)
    size = sum(len(v) for v in written.values())
    extra = {"changed_files": sorted(written), "deleted_files": deleted, "ignored_files": len(ignored) + unread_ignored}
    if size > MAX_CHANGED_BYTES:
        return Verdict.incorrect("too_large", message=f"the source changes hold {size} bytes; at most "
                                 f"{MAX_CHANGED_BYTES} are graded", **extra)
    tree: dict[str, str | bytes] = {p: c for p, c in task.files.items() if p not in deleted}
    tree.update(written)
    tree.update(task.hidden_files)
    verdict, _ = grade_tree(tree, task.fail_to_pass, task.pass_to_pass, sandbox=sandbox,
                            timeout_s=timeout_s, extra=extra)
    return verdict
