"""The code verifier: run a program against a task's tests in a sandbox and judge it in this process.

``run_tests(code, task, sandbox=...) -> Verdict`` is the public entry point
(DESIGN.md, ``rlvr/Code-v0``). Three task kinds:

* **stdio** ``{"tests": [{"input": str, "output": str}, ...]}`` - the program
  reads stdin and writes stdout; the checker compares raw stdout here.
* **call** ``{"entry_point": str, "tests": [{"args": [...], "kwargs"?: {...},
  "expected": <JSON>}, ...]}`` - the named function is called with the
  arguments; its result comes back as tagged JSON (:mod:`code_wire`) and is
  compared here. A result that is not plain data fails.
* **script** ``{"entry_point": str, "test": "<python defining check(candidate)>"}``
  (HumanEval) - the trusted ``check`` runs in a separate process outside the
  sandbox (:mod:`code_check_server`) and calls the candidate through a proxy
  whose every call is executed by the sandboxed candidate, values crossing as
  plain data only.

Optional keys: ``public_tests`` (run first; the first failing one is reported
for feedback), ``time_limit_s`` (CPU seconds per test; wall limit is twice
that plus one second), ``memory_mb``, ``checker`` (``exact``, ``tokens``,
``float:TOL``), ``reference`` (script tasks: a trusted solution used only to
plan the check's calls ahead; it never enters the sandbox).

What the verdict is built from, and why the program cannot forge it, is
described in :mod:`rlvr.verifiers.code_harness`. In short: expected outputs
never enter the sandbox; every test runs in a fresh fork; outputs, exit
statuses and timings come back in a report framed by a per-run secret nonce
(or, for a one-test job on the warm pool, the test is the sandbox's first
process and everything but its own outputs is measured outside it); the
comparison happens here. Exit codes and anything printed (``passed``, fake
result markers) never make a test pass.

``Verdict.details``: ``reason`` (``passed``, ``wrong_answer``,
``runtime_error``, ``timeout``, ``memory``, ``output_limit``,
``compile_error``, ``no_code``), ``tests_passed``/``tests_total`` (hidden
tests), ``public`` (``passed``, ``total`` and ``first_failure`` with the public
test's input, expected and actual output), ``message``. Hidden inputs and
outputs never appear. Infrastructure failures give ``Verdict.error`` (masked).
"""

from __future__ import annotations

import functools
import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal, Sequence

from rlvr.core.errors import ConfigError
from rlvr.core.verdict import Verdict
from rlvr.verifiers.code_checkers import Checker
from rlvr.verifiers.code_runners import Execution, GroupResult, RunLimits, execute, get_runner
from rlvr.verifiers.code_wire import decode_value, encode_value, split_frames

TestKind = Literal["stdio", "call", "script"]
REASONS = ("passed", "wrong_answer", "runtime_error", "timeout", "memory", "output_limit",
           "compile_error", "no_code")
DEFAULT_TIME_LIMIT_S = 2.0
DEFAULT_MEMORY_MB = 256
#: Re-runs of a script task when the check's calls depend on the candidate's answers.
MAX_SCRIPT_ROUNDS = 4
#: Characters of one field (input, expected, got, stderr) shown in public feedback.
SHOW_CHARS = 1500

_STATUS_REASON = {"timeout": "timeout", "memory": "memory", "output_limit": "output_limit",
                  "signal": "runtime_error", "exit": "runtime_error", "harness_killed": "runtime_error"}


@dataclass(frozen=True)
class CodeTask:
    """A validated task (see the module docstring for the schema)."""

    kind: TestKind
    tests: tuple[dict[str, Any], ...]
    public_tests: tuple[dict[str, Any], ...] = ()
    entry_point: str | None = None
    test: str | None = None
    reference: str | None = None
    time_limit_s: float = DEFAULT_TIME_LIMIT_S
    memory_mb: int = DEFAULT_MEMORY_MB
    checker: Checker = field(default_factory=lambda: Checker("tokens"))


def normalize_task(task: Any, index: int = 0) -> CodeTask:
    """Validate a Code-v0 task dict; :class:`ConfigError` names the task, the key and the fix."""
    where = f"tasks[{index}]"
    if not isinstance(task, dict):
        raise ConfigError(f"{where} must be a dict, got {type(task).__name__}")
    entry = task.get("entry_point")
    if entry is not None and (not isinstance(entry, str) or not all(p.isidentifier() for p in entry.split("."))
                              or entry.count(".") > 1):
        raise ConfigError(f"{where}['entry_point'] must be a function name or 'Class.method', got {entry!r}")
    if isinstance(task.get("test"), str):
        kind: TestKind = "script"
        if entry is None or "." in entry:
            raise ConfigError(f"{where} is a script task ('test' is set) and needs 'entry_point', "
                              f"the name of a function, got {entry!r}")
    else:
        tests = task.get("tests")
        if not isinstance(tests, list) or not tests:
            raise ConfigError(f"{where} needs a non-empty 'tests' list ([{{'input', 'output'}}] for stdio, "
                              "[{'args', 'expected'}] with 'entry_point' for call) or a 'test' script "
                              "defining check(candidate)")
        kind = "call" if isinstance(tests[0], dict) and ("args" in tests[0] or "expected" in tests[0]) \
            else "stdio"
        if kind == "call" and entry is None:
            raise ConfigError(f"{where} has call tests (args/expected) and needs 'entry_point'")
    hidden = tuple(_check_test(t, kind, f"{where}['tests'][{i}]") for i, t in enumerate(task.get("tests") or []))
    public = task.get("public_tests") or []
    if not isinstance(public, list):
        raise ConfigError(f"{where}['public_tests'] must be a list, got {type(public).__name__}")
    public_kind = "call" if kind == "script" else kind
    public = tuple(_check_test(t, public_kind, f"{where}['public_tests'][{i}]") for i, t in enumerate(public))
    time_limit = task.get("time_limit_s", 3.0 if kind == "script" else DEFAULT_TIME_LIMIT_S)
    if isinstance(time_limit, bool) or not isinstance(time_limit, (int, float)) or not 0 < time_limit <= 120:
        raise ConfigError(f"{where}['time_limit_s'] must be a number in (0, 120] seconds, got {time_limit!r}")
    memory = task.get("memory_mb", DEFAULT_MEMORY_MB)
    if isinstance(memory, bool) or not isinstance(memory, int) or not 16 <= memory <= 65536:
        raise ConfigError(f"{where}['memory_mb'] must be an int in [16, 65536], got {memory!r}")
    checker = Checker.parse(task.get("checker"), default="exact" if kind != "stdio" else "tokens")
    reference = task.get("reference")
    if reference is not None and not isinstance(reference, str):
        raise ConfigError(f"{where}['reference'] must be program text, got {type(reference).__name__}")
    return CodeTask(kind=kind, tests=hidden, public_tests=public, entry_point=entry,
                    test=task.get("test") if kind == "script" else None, reference=reference,
                    time_limit_s=float(time_limit), memory_mb=memory, checker=checker)


def _check_test(test: Any, kind: str, where: str) -> dict[str, Any]:
    if not isinstance(test, dict):
        raise ConfigError(f"{where} must be a dict, got {type(test).__name__}")
    if kind == "stdio":
        if not isinstance(test.get("input"), str) or not isinstance(test.get("output"), str):
            raise ConfigError(f"{where} must be {{'input': str, 'output': str}}")
        return test
    if "expected" not in test or not isinstance(test.get("args", []), list) \
            or not isinstance(test.get("kwargs", {}), dict):
        raise ConfigError(f"{where} must be {{'args': [...], 'kwargs'?: {{...}}, 'expected': <JSON>}}")
    try:
        encode_value((test.get("args", []), test.get("kwargs", {}), test["expected"]))
    except TypeError as exc:
        raise ConfigError(f"{where} holds a value that is not plain data: {exc}") from None
    return test


# ----------------------------------------------------------------- sandboxes
@functools.lru_cache(maxsize=None)
def _named_sandbox(kind: str) -> Any:
    from rlvr.verifiers.sandbox import get_sandbox

    return get_sandbox(kind)


def resolve_sandbox(sandbox: Any) -> Any:
    """A sandbox object from a backend name (cached per name) or the object itself."""
    return _named_sandbox(sandbox) if isinstance(sandbox, str) else sandbox


# ------------------------------------------------------------------ entry
def run_tests(code: str, task: dict[str, Any] | CodeTask, *, sandbox: Any = "auto",
              language: str = "python") -> Verdict:
    """Run ``code`` on ``task``'s public then hidden tests in ``sandbox``; judge here.

    Args:
        code: The program text (already extracted from the policy's message).
        task: A task dict (module docstring) or a :class:`CodeTask`.
        sandbox: A backend name for :func:`rlvr.verifiers.sandbox.get_sandbox`
            or a sandbox object with ``run(...)``.
        language: A key of :data:`rlvr.verifiers.code_runners.RUNNERS`.

    Returns:
        The :class:`~rlvr.core.verdict.Verdict`; reward 1.0 only if every hidden test passes.
    """
    spec = task if isinstance(task, CodeTask) else normalize_task(task)
    runner = get_runner(language)
    if spec.kind not in runner.kinds:
        raise ConfigError(f"language {language!r} supports {runner.kinds} tasks, not {spec.kind!r}")
    if not isinstance(code, str) or not code.strip():
        return Verdict.incorrect("no_code", tests_passed=0, tests_total=_hidden_total(spec),
                                 message="the answer contains no code")
    try:
        box = resolve_sandbox(sandbox)
    except Exception as exc:  # SandboxUnavailable, or the sandbox package missing
        return Verdict.error("sandbox_unavailable", message=f"{type(exc).__name__}: {exc}"[:500])
    if spec.kind == "script":
        return _run_script(code, spec, box, runner)
    limits = _limits(spec)
    groups = ([_group(t, spec, "public") for t in spec.public_tests]
              + [_group(t, spec, "hidden") for t in spec.tests])
    execution = execute(box, runner, code, spec.kind, spec.entry_point, groups, limits, stop_on_exit=True)
    return _judge(execution, spec, spec.public_tests, spec.tests)


def run_tests_many(codes: Sequence[str], tasks: Sequence[dict[str, Any]], *, sandbox: Any = "auto",
                   language: str = "python", workers: int = 2) -> list[Verdict]:
    """:func:`run_tests` over pairs, ``workers`` submissions in flight at once (each in its own sandbox)."""
    if len(codes) != len(tasks):
        raise ConfigError(f"codes and tasks must have the same length, got {len(codes)} and {len(tasks)}")
    if not isinstance(workers, int) or workers < 1:
        raise ConfigError(f"workers must be a positive int, got {workers!r}")
    box = resolve_sandbox(sandbox)
    specs = [normalize_task(t, i) for i, t in enumerate(tasks)]
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda pair: run_tests(pair[0], pair[1], sandbox=box, language=language),
                             zip(codes, specs)))


# ----------------------------------------------------------------- helpers
def _hidden_total(spec: CodeTask) -> int:
    return 1 if spec.kind == "script" else len(spec.tests)


def _limits(spec: CodeTask, results_cap: int | None = None) -> RunLimits:
    if spec.kind == "stdio":
        longest = max(len(t["output"].encode()) for t in spec.tests + spec.public_tests)
    else:
        longest = max([len(encode_value(t["expected"])) for t in spec.tests + spec.public_tests] or [0])
    out = max(1 << 16, 2 * longest + 4096, results_cap or 0)
    return RunLimits(time_s=spec.time_limit_s, memory_mb=spec.memory_mb, out_bytes=min(out, 64 << 20))


def _group(test: dict[str, Any], spec: CodeTask, phase: str) -> dict[str, Any]:
    if spec.kind == "stdio":
        return {"phase": phase, "input": test["input"].encode("utf-8")}
    return {"phase": phase, "calls": [(tuple(test.get("args", [])), dict(test.get("kwargs", {})))]}


def _first_result(group: GroupResult) -> tuple[str, Any]:
    """Decode the first call result frame: ``("ok", value)``, ``("raise", info)``, ``("notplain", msg)``, ``("missing", None)``."""
    frames = split_frames(group.results, 1)
    if not frames:
        return "missing", None
    kind, payload = frames[0][:1], frames[0][1:]
    try:
        value = decode_value(payload.decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return "notplain", "the result could not be decoded as plain data"
    if kind == b"R":
        return "ok", value
    if kind == b"E" and isinstance(value, list) and len(value) == 3:
        return "raise", value
    return "notplain", value if isinstance(value, str) else "the result is not plain data"


def _judge_one(group: GroupResult | None, test: dict[str, Any], spec: CodeTask) -> tuple[bool, str, dict]:
    """``(passed, reason, shown)`` for one test; ``shown`` is only used for public tests."""
    if group is None:
        return False, "runtime_error", {"message": "not run (an earlier test failed)"}
    shown: dict[str, Any] = {}
    if group.stderr:
        shown["stderr"] = _clip(group.stderr.decode("utf-8", "replace"))
    if spec.kind == "stdio":
        shown["got"] = _clip(group.stdout.decode("utf-8", "replace"))
        if group.status != "ok":
            return False, _STATUS_REASON.get(group.status, "runtime_error"), shown
        return (True, "passed", shown) if spec.checker.check_output(group.stdout, test["output"]) \
            else (False, "wrong_answer", shown)
    if group.status not in ("ok", "exit"):
        return False, _STATUS_REASON.get(group.status, "runtime_error"), shown
    kind, value = _first_result(group)
    if kind == "ok":
        shown["got"] = _clip(repr(value))
        return (True, "passed", shown) if spec.checker.check_value(value, test["expected"]) \
            else (False, "wrong_answer", shown)
    if kind == "raise":
        shown["got"] = _clip(f"raised {value[0]}: {value[2]}")
        return False, "runtime_error", shown
    if kind == "notplain":
        shown["got"] = _clip(f"a result that is not plain data ({value})")
        return False, "wrong_answer", shown
    shown["got"] = "no result (the program exited or crashed before returning)"
    return False, "runtime_error", shown


def _clip(text: str) -> str:
    return text if len(text) <= SHOW_CHARS else text[:SHOW_CHARS] + f"... [{len(text) - SHOW_CHARS} more chars]"


def _show_test(test: dict[str, Any], spec: CodeTask) -> dict[str, Any]:
    if spec.kind == "stdio":
        return {"input": _clip(test["input"]), "expected": _clip(test["output"])}
    args = ", ".join([repr(a) for a in test.get("args", [])]
                     + [f"{k}={v!r}" for k, v in test.get("kwargs", {}).items()])
    return {"input": _clip(f"{spec.entry_point}({args})"), "expected": _clip(repr(test["expected"]))}


def _infra_or_prepare(execution: Execution, spec: CodeTask) -> Verdict | None:
    if execution.infra_error:
        return Verdict.error("sandbox_error", message=execution.infra_error)
    if not execution.reported:
        reason = {"timeout": "timeout", "memory": "memory", "output_limit": "output_limit"}.get(
            execution.sandbox_status, "runtime_error")
        return Verdict.incorrect(reason, tests_passed=0, tests_total=_hidden_total(spec),
                                 message="the program broke the test harness (it killed, stopped or "
                                         "flooded it), so no test result could be trusted")
    if execution.prepare_status != "ok":
        message = execution.prepare_error.decode("utf-8", "replace")[-3000:] or "the program does not compile"
        return Verdict.incorrect("compile_error", tests_passed=0, tests_total=_hidden_total(spec),
                                 message=message)
    return None


def _judge(execution: Execution, spec: CodeTask, public: Sequence[dict], hidden: Sequence[dict]) -> Verdict:
    early = _infra_or_prepare(execution, spec)
    if early is not None:
        return early
    by_index = {g.index: g for g in execution.groups}
    public_info = _judge_public(by_index, spec, public)
    passed, reason, message = 0, "passed", ""
    cpu = max([g.cpu_s for g in execution.groups] or [0.0])
    stopped_by = next((_STATUS_REASON.get(g.status, "runtime_error") for g in reversed(execution.groups)
                       if g.status not in ("ok", "exit")), "runtime_error")
    for i, test in enumerate(hidden):
        group = by_index.get(len(public) + i)
        ok, why, shown = _judge_one(group, test, spec)
        if group is None:  # not run: the harness stopped after a failure (e.g. a public test timed out)
            why = stopped_by
        if not ok:  # the first failing hidden test decides; nothing about it is shown
            reason, message = why, f"hidden test {i + 1} of {len(hidden)} failed ({why})"
            break
        passed += 1
    details = {"tests_passed": passed, "tests_total": len(hidden), "public": public_info,
               "max_cpu_s": round(cpu, 3)}
    if reason == "passed":
        return Verdict.correct("passed", **details)
    return Verdict.incorrect(reason, message=message, **details)


def _judge_public(by_index: dict[int, GroupResult], spec: CodeTask, public: Sequence[dict]) -> dict[str, Any]:
    info: dict[str, Any] = {"passed": 0, "total": len(public)}
    for i, test in enumerate(public):
        ok, why, shown = _judge_one(by_index.get(i), test, spec)
        if ok:
            info["passed"] += 1
        elif "first_failure" not in info:
            info["first_failure"] = {"index": i, "reason": why, **_show_test(test, spec), **shown}
    return info


# ---------------------------------------------------------------- script
_PLAN_CACHE: dict[str, list[str]] = {}


def _script_job(spec: CodeTask) -> dict[str, Any]:
    return {"test": spec.test, "entry": spec.entry_point, "reference": spec.reference, "seed": 0,
            "timeout": _check_timeout(spec), "memory_bytes": 4 << 30}


def _check_timeout(spec: CodeTask) -> float:
    """Seconds the trusted check may take per replay (it only compares values; HumanEval's take milliseconds)."""
    return 2.0 + 2.0 * spec.time_limit_s


def _call_results(group: GroupResult | None, n: int) -> list[list[Any]]:
    """The candidate's answers to the planned calls, in the check server's vocabulary."""
    frames = split_frames(group.results, n) if group is not None else []
    out: list[list[Any]] = []
    for frame in frames:
        kind, payload = frame[:1], frame[1:].decode("ascii", "replace")
        if kind == b"R":
            out.append(["ok", payload])
        elif kind == b"E":
            try:
                info = decode_value(payload)
            except ValueError:
                info = None
            out.append(["raise", info] if isinstance(info, list) and len(info) == 3 else ["abort", "runtime_error"])
        else:
            out.append(["notplain", ""])
    missing = "runtime_error" if group is None else _STATUS_REASON.get(group.status, "runtime_error")
    out.extend(["abort", missing] for _ in range(n - len(out)))
    return out


def _run_script(code: str, spec: CodeTask, box: Any, runner: Any) -> Verdict:
    from rlvr.verifiers.code_script import CheckServerError, check_session

    base = _script_job(spec)
    key = hashlib.sha256(repr((spec.test, spec.entry_point, spec.reference)).encode()).hexdigest()
    try:
        with check_session() as session:
            plan = _PLAN_CACHE.get(key)
            first = {**base, "plan": [], "results": []}
            if plan is None:  # the check runs once against the reference (or placeholders) to plan its calls
                answer = session.ask(first, base["timeout"])
                if answer["outcome"] == "error":
                    return Verdict.error(answer.get("reason", "check_error"), message=answer.get("message", ""))
                plan = list(answer.get("plan") or [])
                if len(_PLAN_CACHE) > 4096:
                    _PLAN_CACHE.clear()
                _PLAN_CACHE[key] = plan
                first = {}
            return _script_rounds(code, spec, box, runner, session, first, plan)
    except CheckServerError as exc:
        return Verdict.error("check_unavailable", message=str(exc)[:500])
    except (ValueError, TypeError) as exc:  # a plan the sandbox cannot take: the task is unusable
        return Verdict.error("check_error", message=f"{type(exc).__name__}: {exc}"[:500])


def _script_rounds(code: str, spec: CodeTask, box: Any, runner: Any, session: Any, first: dict[str, Any],
                   plan: list[str]) -> Verdict:
    """Run the planned calls in the sandbox, replay the check on the answers; re-plan while it asks for more."""
    from rlvr.verifiers.code_script import CheckServerError

    public = list(spec.public_tests)
    timeout = _check_timeout(spec)
    for _ in range(MAX_SCRIPT_ROUNDS):
        calls = [decode_value(c) for c in plan]
        groups = [_group(t, spec, "public") for t in public] + [{"phase": "hidden", "calls": calls}]
        execution = execute(box, runner, code, "call", spec.entry_point, groups, _limits(spec, 4 << 20),
                            stop_on_exit=False)
        early = _infra_or_prepare(execution, spec)
        if early is not None:
            return early
        by_index = {g.index: g for g in execution.groups}
        public_info = _judge_public(by_index, spec, public)
        results = _call_results(by_index.get(len(public)), len(plan))
        try:
            answer = session.ask({**first, "plan": plan, "results": results}, timeout)
        except CheckServerError:
            # The check died or hung on this program's answers (the only thing that differs from a
            # replay that works): the program caused it, so it is a failure, not a masked error.
            return Verdict.incorrect("timeout", tests_passed=0, tests_total=1, public=public_info,
                                     message="the hidden check could not finish on the program's answers")
        first = {}
        outcome = answer["outcome"]
        details = {"tests_total": 1, "public": public_info, "calls": len(plan)}
        if outcome == "need":
            plan = list(answer["plan"])
            continue
        if outcome == "pass":
            return Verdict.correct("passed", tests_passed=1, **details)
        if outcome == "error":
            return Verdict.error(answer.get("reason", "check_error"), message=answer.get("message", ""))
        if outcome == "abort":
            why = str(answer.get("reason"))
            reason = why if why in ("timeout", "memory", "output_limit") else \
                "wrong_answer" if why == "not_plain_data" else "runtime_error"
            return Verdict.incorrect(reason, tests_passed=0, message=f"the hidden check failed ({reason})",
                                     **details)
        return Verdict.incorrect("wrong_answer", tests_passed=0, message="the hidden check failed", **details)
    return Verdict.incorrect("wrong_answer", tests_passed=0, tests_total=1,
                             message="the check's calls kept changing with the program's answers")


__all__ = ["CodeTask", "REASONS", "normalize_task", "run_tests", "run_tests_many", "resolve_sandbox"]
