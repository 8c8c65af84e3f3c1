"""Language runners and one sandboxed execution of a submission's tests.

A :class:`Runner` says how a language's program becomes a harness job: which
files go into the sandbox, how it is built (inside the sandbox, so a hostile
compile cannot hurt the host) and how one test runs. The harness
(:mod:`rlvr.verifiers.code_harness`) and the report protocol are shared, so a
new language is one more class::

    class CppRunner(Runner):        # stdio tasks, g++ inside the sandbox
        language = "cpp"
        ...

:func:`execute` runs the harness in the sandbox once per submission and
parses its nonce-framed report into :class:`GroupResult` objects (raw bytes and
statuses; no judgement - that is :mod:`rlvr.verifiers.code`'s job).
"""

from __future__ import annotations

import functools
import json
import marshal
import math
import os
import secrets
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Sequence

from rlvr.core.errors import ConfigError

HERE = Path(__file__).resolve().parent
#: Interpreter memory (H, Z, the test's own baseline) on top of the task's limit.
HARNESS_MEMORY_MB = 160


@functools.lru_cache(maxsize=None)
def harness_source() -> str:
    """``code_wire.py`` + ``code_harness.py``: the program the sandbox runs."""
    return (HERE / "code_wire.py").read_text() + "\n\n" + (HERE / "code_harness.py").read_text()


#: The sandbox runs ``python3 -S -c BOOTSTRAP``. Compiling the ~27 kB harness
#: costs more than starting the interpreter, so stdin starts with the harness
#: as bytecode (used when the sandbox's interpreter has this one's cache tag)
#: and as source (compiled otherwise): three ``>I``-length-prefixed blocks.
BOOTSTRAP = """\
import os, sys, marshal
def _r(n):
    b = b""
    while len(b) < n:
        c = os.read(0, n - len(b))
        if not c:
            os._exit(70)
        b += c
    return b
_t, _c, _s = (_r(int.from_bytes(_r(4), "big")) for _ in range(3))
_code = marshal.loads(_c) if _t.decode() == sys.implementation.cache_tag else compile(_s, "harness", "exec")
del _t, _c, _s
exec(_code, {"__name__": "__main__", "__builtins__": __builtins__})
"""


@functools.lru_cache(maxsize=None)
def harness_preamble() -> bytes:
    """The stdin blocks :data:`BOOTSTRAP` reads: cache tag, bytecode, source."""
    source = harness_source()
    blocks = [sys.implementation.cache_tag.encode(),
              marshal.dumps(compile(source, "harness", "exec", dont_inherit=True)), source.encode()]
    return b"".join(len(b).to_bytes(4, "big") + b for b in blocks)


# ------------------------------------------------------------------- runners
class Runner:
    """How one language's submissions run in the harness.

    Attributes:
        language: The ``language=`` name.
        fence_tags: Fenced-code-block info strings that mean this language.
        kinds: Task kinds the runner supports (``stdio``, ``call``, ``script``).
    """

    language: ClassVar[str] = ""
    fence_tags: ClassVar[tuple[str, ...]] = ()
    kinds: ClassVar[tuple[str, ...]] = ("stdio",)

    def job(self, code: str, mode: str, entry: str | None) -> tuple[dict[str, Any], dict[str, str]]:
        """The harness job (frame 1, without limits) and the files for the sandbox workdir."""
        raise NotImplementedError


class PythonRunner(Runner):
    """Python 3: compiled once in the zygote, each test forked from it (no interpreter start per test)."""

    language = "python"
    fence_tags = ("python", "py", "python3", "py3")
    kinds = ("stdio", "call", "script")

    def job(self, code, mode, entry):
        return {"mode": mode, "code": code, "entry": entry, "build": None, "exec": None}, {}


class CppRunner(Runner):
    """C++17 with ``g++ -O2``, built inside the sandbox; stdio tasks only.

    Needs a sandbox whose read-only view includes the compiler toolchain.
    """

    language = "cpp"
    fence_tags = ("cpp", "c++", "cc", "cxx")
    kinds = ("stdio",)

    def job(self, code, mode, entry):
        build = ["g++", "-O2", "-std=c++17", "-pipe", "-o", "solution", "solution.cpp"]
        return {"mode": mode, "code": "", "entry": None, "build": build, "exec": ["./solution"]}, \
            {"solution.cpp": code}


RUNNERS: dict[str, Runner] = {r.language: r for r in (PythonRunner(), CppRunner())}


def get_runner(language: str) -> Runner:
    try:
        return RUNNERS[language]
    except KeyError:
        raise ConfigError(f"language must be one of {sorted(RUNNERS)}, got {language!r}") from None


# ----------------------------------------------------------------- execution
@dataclass
class GroupResult:
    """What one test group did, as measured inside the sandbox (raw, unjudged)."""

    index: int
    status: str                # ok | exit | signal | timeout | memory | output_limit | harness_killed
    exit_code: int | None = None
    signal: int | None = None
    cpu_s: float = 0.0
    wall_s: float = 0.0
    stdout: bytes = b""
    stderr: bytes = b""
    results: bytes = b""       # call mode: b"<len>\n<payload>" frames


@dataclass
class Execution:
    """One sandbox run of the harness: ``infra_error`` set = nothing here says anything about the policy."""

    prepare_status: str = "ok"
    prepare_error: bytes = b""
    groups: list[GroupResult] = field(default_factory=list)
    sandbox_status: str = "ok"
    reported: bool = False
    infra_error: str | None = None
    wall_s: float = 0.0


@dataclass(frozen=True)
class RunLimits:
    """Per-test limits and the sandbox-wide budget derived from them."""

    time_s: float
    memory_mb: int
    out_bytes: int
    build_s: float = 30.0

    @property
    def wall_s(self) -> float:
        return 2.0 * self.time_s + 1.0


def execute(sandbox: Any, runner: Runner, code: str, mode: str, entry: str | None,
            groups: Sequence[dict[str, Any]], limits: RunLimits, *, stop_on_exit: bool) -> Execution:
    """Run the harness once in ``sandbox`` over ``groups``; parse its report.

    A missing or broken report means the program broke the harness (killed,
    stopped or flooded it), *provided* the harness works in this sandbox at
    all: :func:`preflight` checks that once per sandbox, so an interpreter the
    harness cannot run on gives masked infrastructure errors, never zeros.
    """
    problem = preflight(sandbox)
    if problem:
        return Execution(infra_error=problem)
    return _execute(sandbox, runner, code, mode, entry, groups, limits, stop_on_exit=stop_on_exit)


_PREFLIGHT: dict[int, tuple[Any, str]] = {}
_PREFLIGHT_LOCK = threading.Lock()


def preflight(sandbox: Any) -> str:
    """``""`` if the harness runs and reports in ``sandbox`` (checked once per sandbox object), else why not.

    Only success is cached; after a failure the next call checks again.
    """
    key = id(sandbox)
    cached = _PREFLIGHT.get(key)
    if cached is not None and cached[0] is sandbox:
        return cached[1]
    with _PREFLIGHT_LOCK:
        cached = _PREFLIGHT.get(key)
        if cached is not None and cached[0] is sandbox:
            return cached[1]
        probe = _execute(sandbox, RUNNERS["python"], "print(6 * 7)", "stdio", None,
                         [{"phase": "hidden", "input": b""}], RunLimits(time_s=5.0, memory_mb=64, out_bytes=1024),
                         stop_on_exit=True)
        ok = probe.reported and probe.groups and probe.groups[0].status == "ok" \
            and probe.groups[0].stdout == b"42\n"
        if ok:
            problem = ""
        else:
            problem = (probe.infra_error or f"the code harness does not work in this sandbox (sandbox status "
                       f"{probe.sandbox_status}, report {'present' if probe.reported else 'missing'})")
        if ok:  # a failure may be transient (an overloaded machine): it is checked again next time
            _PREFLIGHT[key] = (sandbox, problem)
        return problem


def _execute(sandbox: Any, runner: Runner, code: str, mode: str, entry: str | None,
             groups: Sequence[dict[str, Any]], limits: RunLimits, *, stop_on_exit: bool) -> Execution:
    from rlvr.verifiers.sandbox import Limits

    job, files = runner.job(code, mode, entry)
    pool = harness_pool(sandbox)
    if pool is not None and len(groups) == 1 and not job.get("build") and not job.get("exec"):
        return _execute_alone(pool, job, files, groups[0], limits)
    job["single"] = len(groups) == 1  # the harness then runs the one test without a zygote
    job["limits"] = {"cpu": limits.time_s, "wall": limits.wall_s, "out_bytes": limits.out_bytes,
                     "mem_bytes": limits.memory_mb << 20, "build_cpu": limits.build_s,
                     "build_wall": 2 * limits.build_s}
    nonce = secrets.token_hex(16)
    frame1 = marshal.dumps(job, 4)
    frame2 = marshal.dumps({"nonce": nonce, "groups": list(groups), "stop_on_exit": stop_on_exit}, 4)
    stdin = (harness_preamble() + len(frame1).to_bytes(4, "big") + frame1
             + len(frame2).to_bytes(4, "big") + frame2)
    n = max(1, len(groups))
    build = (limits.build_s * 2 + 5) if job.get("build") else 0.0
    sandbox_limits = Limits(
        cpu_s=n * (limits.time_s + 1.0) + build + 5.0,
        wall_s=n * (limits.wall_s + 0.5) + build + 10.0,
        memory_mb=limits.memory_mb + HARNESS_MEMORY_MB,
        file_size_mb=max(16, math.ceil(limits.out_bytes / (1 << 20)) + 1),
        output_bytes=n * (2 * limits.out_bytes + 8192) + (1 << 16),
    )
    try:
        if pool is not None:  # a fresh sandbox forked from a warm worker with the harness preloaded
            run = pool.run_warm(files=files, stdin=stdin[len(harness_preamble()):], limits=sandbox_limits)
        else:
            run = sandbox.run(["python3", "-S", "-c", BOOTSTRAP], files=files, stdin=stdin, limits=sandbox_limits)
    except Exception as exc:  # the backend itself failed: infrastructure
        return Execution(infra_error=f"sandbox.run raised {type(exc).__name__}: {exc}"[:500])
    return parse_report(run, nonce)


def _execute_alone(pool: Any, job: dict[str, Any], files: dict[str, str], group: dict[str, Any],
                   limits: RunLimits) -> Execution:
    """One test of Python in a warm-pool sandbox whose init runs it (``code_harness.run_alone``).

    No harness report: the exit status and CPU time come from the pool's
    zygote, stdout and stderr from the pool, call results from a memfd of
    ours on the run's fd 3. Nothing the program can write changes how its
    run is measured; it can only produce its own outputs.
    """
    from rlvr.verifiers.code_harness import COMPILE_ERROR_MARK, ERR_TAIL, classify_test
    from rlvr.verifiers.sandbox import Limits

    job = {**job, "alone": True, "group": group, "limits": {
        "cpu": limits.time_s, "wall": limits.wall_s, "out_bytes": limits.out_bytes,
        "mem_bytes": limits.memory_mb << 20}}
    frame = marshal.dumps(job, 4)
    sandbox_limits = Limits(cpu_s=limits.time_s + 1.0, wall_s=limits.wall_s + 0.5,
                            memory_mb=limits.memory_mb + HARNESS_MEMORY_MB,
                            file_size_mb=max(16, math.ceil(limits.out_bytes / (1 << 20)) + 1),
                            output_bytes=limits.out_bytes)
    results_fd = os.memfd_create("rlvr-results", os.MFD_CLOEXEC)
    try:
        try:
            run = pool.run_warm(files=files, stdin=len(frame).to_bytes(4, "big") + frame, limits=sandbox_limits,
                                extra_fd=results_fd)
        except Exception as exc:  # the backend itself failed: infrastructure
            return Execution(infra_error=f"sandbox.run raised {type(exc).__name__}: {exc}"[:500])
        results = os.pread(results_fd, limits.out_bytes + 1, 0)
        results_size = os.fstat(results_fd).st_size
    finally:
        os.close(results_fd)
    execution = Execution(sandbox_status=run.status, wall_s=run.wall_s, reported=True)
    if run.status == "error":
        detail = run.detail or (run.stderr or b"")[-400:].decode("utf-8", "replace")
        return Execution(sandbox_status="error", infra_error=f"the sandbox failed to run the test: {detail}")
    if results == COMPILE_ERROR_MARK and run.exit_code == 0:
        execution.prepare_status, execution.prepare_error = "compile_error", run.stderr[-ERR_TAIL:]
        return execution
    cpu = run.cpu_s or 0.0
    status = classify_test(timed_out=run.status == "timeout", cpu=cpu, cpu_limit=limits.time_s, sig=run.signal,
                           too_much_output=run.status == "output_limit" or results_size >= limits.out_bytes,
                           exit_code=run.exit_code, err=run.stderr)
    execution.groups.append(GroupResult(
        index=0, status=status, exit_code=run.exit_code, signal=run.signal, cpu_s=cpu, wall_s=run.wall_s,
        stdout=run.stdout, stderr=run.stderr[-ERR_TAIL:], results=results[:limits.out_bytes]))
    return execution


#: Standard-library modules each warm worker imports once: the harness's own and the few that
#: submissions import most (HumanEval's ``from typing import List`` alone costs more than a fork).
#: A short list, because every module makes each fork a little dearer. Nothing that seeds itself at
#: import (random, tempfile, uuid, secrets): every run would start from the same state.
POOL_PRELOAD = ("marshal", "select", "resource", "_ctypes", "_signal", "math", "typing", "re", "collections",
                "itertools", "functools", "heapq", "bisect", "string")


def harness_pool(sandbox: Any) -> Any:
    """The warm pool :func:`execute` uses for ``sandbox`` (a bwrap sandbox), or ``None`` to run it per call.

    The sandbox's pool with the harness preloaded (``BwrapSandbox.warm_pool``);
    ``None`` for other backends, for a bwrap sandbox built with ``pool=False``,
    when ``RLVR_SANDBOX_POOL=0`` is set, or when the pool cannot start here
    (then every run starts its own bwrap, as before, and a warning says why).
    """
    if not hasattr(sandbox, "warm_pool") or os.environ.get("RLVR_SANDBOX_POOL") == "0":
        return None
    return sandbox.warm_pool(harness_source(), POOL_PRELOAD)


def parse_report(run: Any, nonce: str) -> Execution:
    """Find the report framed by ``nonce`` in the sandbox's stdout and decode it.

    Text outside the frame (anything a test process managed to write to the
    sandbox's stdout) is ignored; a frame without the right nonce cannot exist.
    """
    out: bytes = run.stdout or b""
    execution = Execution(sandbox_status=run.status, wall_s=float(getattr(run, "wall_s", 0.0) or 0.0))
    if run.status == "error":  # the backend could not start the run: nothing ran
        detail = getattr(run, "detail", "") or (run.stderr or b"")[-400:].decode("utf-8", "replace")
        execution.infra_error = f"the sandbox failed to run the harness: {detail}"
        return execution
    begin = b"\n@@RLVR-BEGIN " + nonce.encode() + b"\n"
    end = b"\n@@RLVR-END " + nonce.encode() + b"\n"
    start = out.find(begin)
    if start < 0:
        return execution
    pos = start + len(begin)
    try:
        nl = out.index(b"\n", pos, pos + 20)
        size = int(out[pos:nl])
        header = json.loads(out[nl + 1:nl + 1 + size])
        pos = nl + 1 + size
        blobs_needed = [header["prepare"]["err_len"]]
        for g in header["groups"]:
            if g["status"] != "harness_killed":
                blobs_needed += [g["out_len"], g["err_len"], g["res_len"]]
        blobs = []
        for length in blobs_needed:
            blobs.append(out[pos:pos + int(length)])
            pos += int(length)
        if out[pos:pos + len(end)] != end:
            return execution
    except (ValueError, KeyError, TypeError, IndexError):
        return execution
    execution.reported = True
    execution.prepare_status = str(header["prepare"]["status"])
    execution.prepare_error = blobs[0]
    k = 1
    for g in header["groups"]:
        result = GroupResult(index=int(g["index"]), status=str(g["status"]))
        if result.status != "harness_killed":
            result.exit_code, result.signal = g.get("exit_code"), g.get("signal")
            result.cpu_s, result.wall_s = float(g.get("cpu") or 0.0), float(g.get("wall") or 0.0)
            result.stdout, result.stderr, result.results = blobs[k], blobs[k + 1], blobs[k + 2]
            k += 3
        execution.groups.append(result)
    return execution
