"""Supervising one sandboxed process tree from the trusted parent.

:func:`supervise` starts a command, feeds its stdin, reads stdout and stderr
with a reader that stops at the cap, enforces the wall clock and calls the
backend's ``kill`` to end the whole tree. :func:`classify` turns what the
parent observed into a :data:`~rlvr.verifiers.sandbox.base.RunStatus`.
Shared by the ``bwrap`` and ``process`` backends (``docker`` reuses
:func:`classify` and :class:`CappedBuffer`).
"""

from __future__ import annotations

import errno
import os
import selectors
import signal as signal_module
import subprocess
import time
from dataclasses import dataclass
from typing import Callable, Sequence

from rlvr.verifiers.sandbox.base import Limits, RunResult

_CHUNK = 1 << 16
#: After the main process exits, how long to keep reading output that is
#: still in flight before the rest of the tree is killed.
_EXIT_GRACE_S = 0.05
_MEMORY_MARKERS = (b"MemoryError", b"Cannot allocate memory", b"std::bad_alloc", b"out of memory")


class CappedBuffer:
    """Accumulates at most ``cap`` bytes and remembers whether more arrived."""

    __slots__ = ("cap", "chunks", "size", "exceeded")

    def __init__(self, cap: int) -> None:
        self.cap, self.chunks, self.size, self.exceeded = cap, [], 0, False

    def add(self, data: bytes) -> None:
        room = self.cap - self.size
        if len(data) > room:
            self.exceeded = True
            data = data[:max(room, 0)]
        if data:
            self.chunks.append(data)
            self.size += len(data)

    def value(self) -> bytes:
        return b"".join(self.chunks)


@dataclass
class Observed:
    """Facts the parent saw about one run."""

    returncode: int | None          # Popen semantics: negative = killed by that signal
    stdout: bytes
    stderr: bytes
    wall_s: float
    timed_out: bool = False
    output_exceeded: bool = False
    spawn_error: str | None = None


def supervise(argv: Sequence[str], *, env: dict[str, str], cwd: str | None, stdin: bytes,
              limits: Limits, kill: Callable[[subprocess.Popen], None],
              pass_fds: Sequence[int] = (), preexec_fn: Callable[[], None] | None = None,
              on_start: Callable[[subprocess.Popen], None] | None = None,
              extra_reader: tuple[int, Callable[[bytes], None]] | None = None) -> Observed:
    """Run ``argv`` to completion under the wall clock and the output caps.

    Args:
        argv: The full command line (backend wrapper included).
        env: The complete environment of the child.
        cwd: Its working directory on the host (``None``: inherit).
        stdin: Bytes fed to its stdin, then closed.
        limits: ``wall_s`` and ``output_bytes`` are enforced here.
        kill: Kills the whole tree of the started process; must be idempotent.
        pass_fds: Extra fds the child inherits.
        preexec_fn: Runs in the child before exec (forces fork; avoid if possible).
        on_start: Called with the Popen object right after the start.
        extra_reader: ``(fd, callback)``: another pipe to read (bwrap's info fd).
    """
    start = time.monotonic()
    try:
        proc = subprocess.Popen(
            list(argv), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=env, cwd=cwd, close_fds=True, pass_fds=tuple(pass_fds), start_new_session=True,
            preexec_fn=preexec_fn)
    except (OSError, subprocess.SubprocessError) as exc:
        return Observed(None, b"", b"", time.monotonic() - start, spawn_error=f"could not start "
                        f"{argv[0]}: {exc}")
    out, err = CappedBuffer(limits.output_bytes), CappedBuffer(limits.output_bytes)
    deadline = start + limits.wall_s
    timed_out = exceeded = False
    sel = selectors.DefaultSelector()
    pidfd = None
    try:
        if on_start is not None:
            on_start(proc)
        for pipe, buf in ((proc.stdout, out), (proc.stderr, err)):
            os.set_blocking(pipe.fileno(), False)
            sel.register(pipe.fileno(), selectors.EVENT_READ, buf)
        if extra_reader is not None:
            os.set_blocking(extra_reader[0], False)
            sel.register(extra_reader[0], selectors.EVENT_READ, extra_reader[1])
        try:
            pidfd = os.pidfd_open(proc.pid)
            sel.register(pidfd, selectors.EVENT_READ, "exit")
        except (AttributeError, OSError):  # pragma: no cover - kernels before 5.3
            pidfd = None
        stdin_view = memoryview(stdin)
        stdin_fd = proc.stdin.fileno()
        if stdin_view:
            os.set_blocking(stdin_fd, False)
            sel.register(stdin_fd, selectors.EVENT_WRITE, "stdin")
        else:
            proc.stdin.close()
        open_pipes = 2
        exited_at: float | None = None
        while True:
            now = time.monotonic()
            if exited_at is None and proc.poll() is not None:
                exited_at = now
            if exited_at is not None and (open_pipes == 0 or now - exited_at > _EXIT_GRACE_S):
                break
            if now >= deadline:
                timed_out = True
                break
            wait = deadline - now
            if exited_at is not None:
                wait = min(wait, _EXIT_GRACE_S)
            elif pidfd is None:
                wait = min(wait, 0.02)
            for key, _ in sel.select(wait):
                target = key.data
                if target == "exit":
                    sel.unregister(key.fd)
                    continue
                if target == "stdin":
                    try:
                        written = os.write(stdin_fd, stdin_view[:_CHUNK])
                        stdin_view = stdin_view[written:]
                    except BlockingIOError:
                        continue
                    except OSError:  # EPIPE: the program closed its stdin
                        stdin_view = stdin_view[:0]
                    if not stdin_view:
                        sel.unregister(stdin_fd)
                        proc.stdin.close()
                    continue
                try:
                    data = os.read(key.fd, _CHUNK)
                except BlockingIOError:
                    continue
                except OSError:
                    data = b""
                if callable(target):
                    if not data:
                        sel.unregister(key.fd)
                    else:
                        target(data)
                    continue
                if not data:
                    sel.unregister(key.fd)
                    open_pipes -= 1
                    continue
                target.add(data)
                if target.exceeded:
                    exceeded = True
            if exceeded:
                break
    finally:
        sel.close()
        kill(proc)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover - the kill callback failed
            proc.kill()
            proc.wait()
        for pipe in (proc.stdin, proc.stdout, proc.stderr):
            try:
                pipe.close()
            except OSError:
                pass
        if pidfd is not None:
            os.close(pidfd)
    return Observed(proc.returncode, out.value(), err.value(), time.monotonic() - start,
                    timed_out=timed_out and not exceeded, output_exceeded=exceeded)


def killpg(proc: subprocess.Popen) -> None:
    """SIGKILL the process group the child leads (``start_new_session=True``)."""
    try:
        os.killpg(proc.pid, signal_module.SIGKILL)
    except ProcessLookupError:
        pass
    except PermissionError:  # pragma: no cover
        pass


def classify(obs: Observed, limits: Limits, *, signal_in_exit_code: bool = False,
             oom_killed: bool = False, files: dict[str, bytes] | None = None) -> RunResult:
    """Decide the status from facts the parent observed.

    Args:
        obs: What :func:`supervise` (or the docker backend) saw.
        limits: The run's limits (the CPU limit explains a late ``SIGKILL``).
        signal_in_exit_code: The reported exit code folds signals in as
            ``128 + signum`` (bwrap's and docker's convention).
        oom_killed: A memory cgroup killed the run.
        files: Collected files.
    """
    files = files or {}
    if obs.spawn_error is not None:
        return RunResult(obs.stdout, obs.stderr, None, "error", obs.wall_s, files=files,
                         detail=obs.spawn_error)
    base = dict(stdout=obs.stdout, stderr=obs.stderr, wall_s=obs.wall_s, files=files)
    if obs.output_exceeded:
        return RunResult(exit_code=None, status="output_limit",
                         detail=f"output exceeded {limits.output_bytes} bytes", **base)
    if obs.timed_out:
        return RunResult(exit_code=None, status="timeout",
                         detail=f"wall clock limit of {limits.wall_s:g} s", **base)
    code = obs.returncode
    sig: int | None = None
    if code is not None and code < 0:
        sig = -code
    elif code is not None and signal_in_exit_code and 128 < code <= 128 + 64:
        sig = code - 128
    if oom_killed:
        return RunResult(exit_code=None, status="memory", signal=sig,
                         detail=f"memory limit of {limits.memory_mb} MB (OOM kill)", **base)
    if sig is not None:
        if sig == signal_module.SIGXCPU or (sig == signal_module.SIGKILL
                                             and obs.wall_s >= limits.cpu_s * 0.95):
            return RunResult(exit_code=None, status="timeout", signal=sig,
                             detail=f"CPU limit of {limits.cpu_s:g} s", **base)
        return RunResult(exit_code=None, status="signal", signal=sig,
                         detail=f"killed by {_signal_name(sig)}", **base)
    if code is None:  # pragma: no cover - supervise always reaps
        return RunResult(exit_code=None, status="error", detail="exit status unknown", **base)
    if code != 0 and any(marker in obs.stderr[-4096:] for marker in _MEMORY_MARKERS):
        return RunResult(exit_code=code, status="memory",
                         detail=f"memory limit of {limits.memory_mb} MB", **base)
    return RunResult(exit_code=code, status="ok", **base)


def _signal_name(sig: int) -> str:
    try:
        return signal_module.Signals(sig).name
    except ValueError:
        return f"signal {sig}"


def is_missing_errno(exc: OSError) -> bool:
    return exc.errno in (errno.ENOENT, errno.ESRCH)
