"""``rlvr/SWE-v0``: repair a multi-file repository through tool calls; hidden tests decide."""

from __future__ import annotations

import dataclasses
import json
import os
import threading
from typing import Any, Sequence

from rlvr.core.env import RlvrEnv, Turn
from rlvr.core.errors import ConfigError
from rlvr.core.tasks import ListSource, TaskSource
from rlvr.core.tool_calls import parse_tool_calls, validate_call
from rlvr.core.verdict import Verdict
from rlvr.envs.swe.task import SweTask
from rlvr.envs.swe.tools import TOOLS, Workspace, shim_dir
from rlvr.verifiers.sandbox.base import SANDBOX_WORKDIR, Limits, SandboxUnavailable

BUNDLED_PATH = os.path.join(os.path.dirname(__file__), "tasks", "bundled.jsonl")
SOURCES = ("bundled", "swebench")
#: Tool calls executed per turn; later ones in the same message are skipped with a note.
MAX_CALLS_PER_TURN = 10
#: Limits of one command in the workspace (the wall clock comes from the call's timeout).
WORKSPACE_LIMITS = Limits(cpu_s=60, wall_s=60, memory_mb=2048, max_procs=128, file_size_mb=64,
                          open_files=256, output_bytes=1 << 20, disk_mb=512)
#: Environment of workspace commands: the repository importable by `pytest` as by `python -m pytest`,
#: no .pytest_cache in it.
WORKSPACE_ENV = {"PYTEST_ADDOPTS": "-p no:cacheprovider", "PYTHONPATH": SANDBOX_WORKDIR}
GIT_INIT = ("command -v git >/dev/null 2>&1 || exit 0; git -c init.defaultBranch=main init -q && "
            "git config user.name agent && git config user.email agent@localhost && git add -A && "
            "git commit -q --no-verify -m 'Initial commit'")


class JsonlSource:
    """Tasks stored one JSON object per line, parsed on first access (resets stay fast)."""

    def __init__(self, path: str, repos: Sequence[str] | None = None) -> None:
        if not os.path.isfile(path):
            raise ConfigError(f"SWE-v0 task file {path} does not exist. Fix: pass tasks=[...], or "
                              f"source='swebench' with dataset=<path>, or reinstall rlvr (the bundled "
                              f"tasks ship as package data)")
        with open(path, "rb") as fh:
            self.lines = [line for line in fh.read().splitlines() if line.strip()]
        self.path = path
        self._cache: dict[int, SweTask] = {}
        if repos:
            wanted = set(repos)
            kept = [line for i, line in enumerate(self.lines) if self._parse(line, i).repo in wanted]
            if not kept:
                known = sorted({self._parse(line, i).repo for i, line in enumerate(self.lines)})
                raise ConfigError(f"repos={sorted(wanted)} matches no task in {path}; known repos: {known}")
            self.lines, self._cache = kept, {}
        if not self.lines:
            raise ConfigError(f"SWE-v0 task file {path} holds no tasks")

    def _parse(self, line: bytes, index: int) -> SweTask:
        try:
            return SweTask.from_dict(json.loads(line), index)
        except ValueError as exc:
            raise ConfigError(f"{self.path} line {index + 1} is not a valid task: {exc}") from None

    def __len__(self) -> int:
        return len(self.lines)

    def __getitem__(self, index: int) -> SweTask:
        if index not in self._cache:
            self._cache[index] = self._parse(self.lines[index], index)
        return self._cache[index]


_boxes: dict[tuple, Any] = {}
_boxes_lock = threading.Lock()


def workspace_sandbox(kind: Any, image: str | None = None) -> tuple[Any, dict[str, str]]:
    """The sandbox for workspaces and grading, and the extra environment of its commands.

    ``"auto"``/``"bwrap"``: bubblewrap exposing only the pytest distribution,
    with ``python``/``python3``/``pytest`` launchers first on ``PATH``;
    ``"docker"``: a container of ``image`` (default ``rlvr-sandbox:bookworm``).
    A sandbox object is used as is. The ``process`` backend is refused: it
    would let the policy read the hidden tests shipped with rlvr.
    """
    if not isinstance(kind, str):
        if not getattr(kind, "isolates", False):
            raise ConfigError("SWE-v0 needs an isolating sandbox (bwrap or docker): the process backend "
                              "would let the policy read the hidden tests")
        return kind, {}
    if kind not in ("auto", "bwrap", "docker"):
        raise ConfigError(f"sandbox must be 'auto', 'bwrap', 'docker' or an isolating sandbox object, got "
                          f"{kind!r} (the process backend would expose the hidden tests)")
    key = (kind, image)
    with _boxes_lock:
        if key not in _boxes:
            _boxes[key] = _make_box(kind, image)
        return _boxes[key]


def _make_box(kind: str, image: str | None) -> tuple[Any, dict[str, str]]:
    from rlvr.verifiers.sandbox.bwrap import BwrapSandbox, base_interpreter
    from rlvr.verifiers.swe import PYTEST_PACKAGES

    if kind in ("auto", "bwrap") and image is None:
        try:
            shims = shim_dir(base_interpreter())
            box = BwrapSandbox(python_packages=PYTEST_PACKAGES, extra_ro_binds=(shims,))
            return box, {"PATH": f"{shims}:/usr/local/bin:/usr/bin:/bin", **WORKSPACE_ENV}
        except SandboxUnavailable:
            if kind == "bwrap":
                raise
    from rlvr.verifiers.sandbox.docker import DEFAULT_IMAGE, DockerSandbox

    return DockerSandbox(image=image or DEFAULT_IMAGE), dict(WORKSPACE_ENV)


class SweEnv(RlvrEnv):
    """Multi-file repository repair with hidden tests, multi turn, through tool calls.

    ## Description
    Each episode checks out one buggy repository in a sandbox workspace (a
    bubblewrap sandbox, or a Docker container with ``sandbox="docker"``) with
    a single fresh git commit of the buggy tree and no history. The first user
    turn is an issue report. The policy works with the tools ``bash``,
    ``view``, ``str_replace``, ``create``, ``search`` and ``submit`` in the
    ``<tool_call>{"name": ..., "arguments": {...}}</tool_call>`` format (their
    JSON schemas are in the system prompt). Hidden tests, the clean tree and
    the gold patch never exist in the workspace.

    ## Observation Space
    ``"tokens"``: ``Sequence(Discrete(vocab_size), stack=True)``; ``reset``
    returns the rendered prompt, each step only the appended tool reply and
    the next assistant header. ``"text"``: :class:`~rlvr.core.spaces.UnicodeText`.

    ## Action Space
    Token ids or a ``str`` holding one or more tool calls (text around them is
    allowed). A message without a tool call, a malformed call or a failing
    command comes back as an observation and costs the turn.

    ## Rewards
    On ``submit`` (or when ``max_turns`` runs out) the policy's changes to
    source files are applied to a pristine copy of the repository (test
    files, ``conftest.py``, ``*.pth``, ``sitecustomize.py`` and pytest
    configuration are ignored), the hidden tests are added, and every
    FAIL_TO_PASS and PASS_TO_PASS test runs in a fresh sandbox. Reward 1.0
    only if each of them passed by pytest's JUnit XML *and* the trusted
    runner's own records, and the exit code is 0 (:func:`rlvr.verifiers.swe.grade`);
    else 0.0. ``info["verdict"]["details"]`` counts failing tests without
    naming hidden ones. A sandbox failure gives ``status="error"``, ``masked=True``.

    ## Episode End
    Terminated by ``submit``; truncated after ``max_turns`` agent turns (the
    workspace is graded as it is).

    ## Arguments
    | keyword | default | meaning |
    |---|---|---|
    | ``source`` | ``"bundled"`` | the project's generated tasks, or ``"swebench"`` (needs ``dataset``) |
    | ``dataset`` | ``None`` | SWE-bench JSON/JSONL file or hub name (``source="swebench"``) |
    | ``repos`` | ``None`` | keep only tasks of these repositories (bundled source) |
    | ``sandbox`` | ``"auto"`` | ``"bwrap"``, ``"docker"`` or an isolating sandbox object |
    | ``max_turns`` | ``30`` | agent turns before truncation |
    | ``grade_timeout_s`` | ``120`` | wall-clock bound of the grading test run |
    | ``image`` | ``None`` | docker image of the workspace; with ``source="swebench"`` a per-instance name template (``{instance_id}``, ``{key}``, ``{repo}``) |
    | ``split``, ``limit`` | ``"test"``, ``None`` | SWE-bench hub split, and how many instances to keep |

    plus the shared keywords (``obs_mode``, ``tokenizer``, ``tasks`` as
    :class:`~rlvr.envs.swe.task.SweTask` dicts, ``system_prompt``)::

        env = gym.make("rlvr/SWE-v0", sandbox="docker", repos=["tmpl"], max_turns=40)

    ``env.unwrapped.task`` is the current :class:`~rlvr.envs.swe.task.SweTask`
    (``gold_patch``, ``fail_to_pass``, ``pass_to_pass`` for tests).

    ## Version History
    * v0: initial release.
    """

    tools = TOOLS
    default_system_prompt = (
        "You are an expert software engineer working in a Python repository. Investigate the reported "
        "problem, find its cause in the source code and fix it with the tools. Run the tests to check your "
        "work. Call one or more tools per message; when the fix is complete, call submit.")

    def __init__(self, *, source: str | None = None, dataset: str | None = None, split: str = "test",
                 limit: int | None = None, repos: Sequence[str] | str | None = None, sandbox: Any = "auto",
                 max_turns: int = 30, grade_timeout_s: float = 120.0, image: str | None = None,
                 tasks: Sequence[Any] | None = None, **kwargs: Any) -> None:
        self.dataset, self.split, self.limit, self.image = dataset, split, limit, image
        self.repos = [repos] if isinstance(repos, str) else (list(repos) if repos is not None else None)
        self.grade_timeout_s = float(grade_timeout_s)
        self.sandbox_kind = sandbox
        super().__init__(source=source, max_turns=max_turns, tasks=tasks, **kwargs)
        self.workspace: Workspace | None = None
        # SWE-bench instances run in their own images (opened per episode); the rest share one sandbox.
        self._box, self._env = (None, {}) if source == "swebench" and tasks is None \
            else workspace_sandbox(sandbox, image)

    # ---------------------------------------------------------------- tasks
    def load_source(self, source: str | None, tasks: Sequence[Any] | None) -> TaskSource:
        if tasks is not None:
            source_obj = ListSource([SweTask.from_dict(t, i) for i, t in enumerate(tasks)])
            if self.repos:
                kept = [t for t in source_obj.tasks if t.repo in self.repos]
                source_obj = ListSource(kept) if kept else source_obj
            return source_obj
        source = source or "bundled"
        if source == "bundled":
            return JsonlSource(BUNDLED_PATH, self.repos)
        if source == "swebench":
            if not self.dataset:
                raise ConfigError("source='swebench' needs dataset=<local JSON/JSONL file or hub name>")
            from rlvr.envs.swe.swebench import load_swebench

            return ListSource(load_swebench(self.dataset, split=self.split, limit=self.limit,
                                            image=self.image))
        raise ConfigError(f"source must be one of {SOURCES}, got {source!r}")

    # -------------------------------------------------------------- episode
    def on_reset(self, task: SweTask) -> None:
        self.close_episode()
        if task.kind == "swebench":
            from rlvr.envs.swe.swebench import open_workspace

            self.workspace = open_workspace(task, dataclasses.replace(WORKSPACE_LIMITS, disk_mb=8192))
            return
        session = self._box.session(files=task.files, limits=WORKSPACE_LIMITS)
        self.workspace = Workspace(session, env=self._env, limits=WORKSPACE_LIMITS)
        self.workspace.run(["bash", "-c", GIT_INIT], 60)

    def task_prompt(self, task: SweTask) -> str:
        workdir = self.workspace.workdir if self.workspace else SANDBOX_WORKDIR
        if task.kind == "swebench":
            files = ""
        else:
            listing = sorted(task.files)
            shown = "\n".join(f"  {p}" for p in listing[:200])
            files = f"\n\nIts files:\n{shown}" + (f"\n  ... ({len(listing) - 200} more)" if len(listing) > 200 else "")
        return (f"<issue>\n{task.problem_statement.strip()}\n</issue>\n\n"
                f"The repository `{task.repo}` is checked out at {workdir}, your working directory."
                f"{files}\n\nFix the issue by changing the source code. Run the tests with `pytest -q` "
                "(hidden tests will be run too; changes to tests, conftest.py or pytest configuration are "
                "ignored when grading). Call submit when you are done.")

    def on_action(self, text: str) -> Turn:
        parsed = parse_tool_calls(text)
        if not parsed.calls and not parsed.errors:
            return Turn(reply="No tool call found in your message. Call a tool as <tool_call>{\"name\": "
                              "\"bash\", \"arguments\": {\"command\": \"ls\"}}</tool_call>, and call submit "
                              "when you are done.", role="user")
        replies = [f"Error: {err.message}" for err in parsed.errors]
        for n, call in enumerate(parsed.calls):
            if n >= MAX_CALLS_PER_TURN:
                replies.append(f"[{len(parsed.calls) - n} more tool calls skipped: at most "
                               f"{MAX_CALLS_PER_TURN} per message]")
                break
            problem = validate_call(call, self.tools)
            if problem is not None:
                replies.append(f"Error: {problem}")
                continue
            if call.name == "submit":
                return Turn(verdict=self.grade_workspace())
            replies.append(self.workspace.call(call.name, call.arguments))
        if len(replies) == 1:
            return Turn(reply=replies[0], role="tool")
        return Turn(reply="\n\n".join(f"[result {i + 1}]\n{r}" for i, r in enumerate(replies)), role="tool")

    def on_truncate(self) -> Verdict:
        verdict = self.grade_workspace()
        return Verdict(verdict.status, verdict.reward, {**verdict.details, "truncated": True}, verdict.masked)

    def grade_workspace(self) -> Verdict:
        """Grade the workspace as it is now (what ``submit`` does)."""
        task: SweTask = self.task
        if task.kind == "swebench":
            from rlvr.envs.swe.swebench import grade_swebench

            return grade_swebench(task, self.workspace, timeout_s=self.grade_timeout_s)
        from rlvr.verifiers.swe import grade, source_candidates

        try:
            session = self.workspace.session
            listing = session.list_files()
            candidates = set(source_candidates(task.files, listing))
            # Ignored files are read only where the task has them (to count edits); new ones are just counted.
            others = [p for p in listing if p not in candidates and not p.startswith(".git/")
                      and "__pycache__" not in p.split("/")]
            files = session.read_files(sorted(candidates) + [p for p in others if p in task.files])
        except Exception as exc:  # the workspace sandbox failed, not the policy
            return Verdict.error("workspace_unreadable", message=f"{type(exc).__name__}: {str(exc)[:200]}")
        return grade(task, files, sandbox=self._box, timeout_s=self.grade_timeout_s,
                     unread_ignored=sum(p not in task.files for p in others))

    def close_episode(self) -> None:
        if self.workspace is not None:
            try:
                self.workspace.session.close()
            finally:
                self.workspace = None

    def _info(self) -> dict[str, Any]:
        task_id = self.task.id if isinstance(self.task, SweTask) else str(self.task_index)
        return {"messages": [dict(m) for m in self.messages], "turn": self.turn, "task_id": task_id,
                "task_index": self.task_index}
