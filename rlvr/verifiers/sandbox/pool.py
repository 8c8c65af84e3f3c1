"""Warm bwrap sandboxes: sandbox and interpreter start-up off the critical path.

A :class:`BwrapPool` keeps up to ``max_workers`` long-lived bwrap sandboxes
("workers"), each running a zygote (:mod:`rlvr.verifiers.sandbox.pool_zygote`)
with a trusted program preloaded (for the code verifier: the test harness,
with the standard library modules it and typical submissions use). Each run
gets a *fresh* sandbox forked from a worker's zygote: a new pid namespace
whose init is the run, new mount/IPC/UTS namespaces, private tmpfs mounts
for ``/work``, ``/tmp`` and ``/dev/shm``, its own ``/proc``, rlimits, and
every privilege dropped (see the zygote's docstring). When the run ends, the
kernel kills its whole pid namespace; the mounts and namespaces go with it.
A run therefore shares nothing with the run before it on the same worker
except the read-only view of the host that bwrap set up once (the same for
every run anyway), the worker's network namespace (no interface but a
loopback, in which a run can leave nothing behind once its processes are
dead) and the zygote, which never runs untrusted code, never reads a run's
data and is invisible to runs (another pid namespace).

:meth:`BwrapPool.run` has the semantics of :meth:`BwrapSandbox.run
<rlvr.verifiers.sandbox.bwrap.BwrapSandbox.run>` (the command is ``exec``-ed
in the fresh sandbox; ``collect`` falls back to a one-off bwrap run);
:meth:`BwrapPool.run_warm` runs the preloaded program's ``main()`` in the
forked interpreter, so neither bwrap nor Python starts per run. Sessions are
the wrapped sandbox's. Workers are closed by :meth:`close`, when the pool is
garbage-collected, and at interpreter exit; a worker also exits by itself
when its control socket closes (the manager died).
"""

from __future__ import annotations

import atexit
import logging
import marshal
import math
import os
import resource
import selectors
import signal
import socket
import subprocess
import threading
import time
import weakref
from pathlib import Path
from typing import Any, Sequence

from rlvr.core.errors import ConfigError
from rlvr.verifiers.sandbox import files as fileops
from rlvr.verifiers.sandbox.base import (
    SANDBOX_WORKDIR, Limits, RunResult, SandboxUnavailable, as_bytes, base_env, check_argv, check_env)
from rlvr.verifiers.sandbox.runner import CappedBuffer, Observed, classify

logger = logging.getLogger("rlvr.sandbox")

_ZYGOTE = Path(__file__).with_name("pool_zygote.py")
#: Exit status of a run whose sandbox could not be set up (pool_zygote.SETUP_FAILED).
_SETUP_FAILED = 121
_START_TIMEOUT_S = 30.0
_CHUNK = 1 << 16
#: Capabilities bwrap leaves to a root-mode zygote (never to a run: runs drop to an unprivileged uid).
ROOT_CAPS = ("CAP_SYS_ADMIN", "CAP_SETUID", "CAP_SETGID", "CAP_SETPCAP", "CAP_NET_ADMIN", "CAP_CHOWN",
              "CAP_KILL")
_EXEC_PROGRAM = "def main():\n    raise SystemExit(70)\n"


class _Worker:
    """One long-lived bwrap sandbox with a zygote; used by one run at a time."""

    def __init__(self, pool: BwrapPool) -> None:
        self.pool = pool
        self.ctl, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.log_fd = os.memfd_create("rlvr-pool-stderr", os.MFD_CLOEXEC)
        box = pool.sandbox
        try:
            self.proc = subprocess.Popen(
                box._pool_argv(pool.python_argv), stdin=theirs.fileno(), stdout=subprocess.DEVNULL,
                stderr=self.log_fd, env=base_env("/"), cwd="/", close_fds=True, start_new_session=True)
        except OSError as exc:
            self.ctl.close()
            raise SandboxUnavailable(f"could not start a bwrap worker: {exc}") from exc
        finally:
            theirs.close()
        self.broken = False
        try:
            self.ctl.settimeout(_START_TIMEOUT_S)
            self.ctl.send(marshal.dumps({"program": pool.program, "preload": list(pool.preload)}))
            answer = self.ctl.recv(1 << 16)
            reply = marshal.loads(answer) if answer else {"ready": False, "error": "the worker exited"}
        except (OSError, ValueError, EOFError) as exc:
            reply = {"ready": False, "error": f"{type(exc).__name__}: {exc}"}
        if not reply.get("ready"):
            log = self._log()
            self.close()
            raise SandboxUnavailable(f"the bwrap worker did not start: {reply.get('error')} {log}".strip())
        self.ctl.settimeout(None)
        self.runs = 0

    def _log(self) -> str:
        try:
            return os.pread(self.log_fd, 2000, 0).decode("utf-8", "replace").strip()
        except OSError:
            return ""

    def alive(self) -> bool:
        return not self.broken and self.proc.poll() is None

    def close(self) -> None:
        self.broken = True
        try:
            self.ctl.close()  # the zygote kills its run and exits on EOF
        except OSError:
            pass
        try:
            self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self.proc.wait()
        try:
            os.close(self.log_fd)
        except OSError:
            pass

    # ------------------------------------------------------------------ run
    def run(self, setup: dict[str, Any], stdin: bytes, limits: Limits,
            extra_fd: int | None = None) -> tuple[Observed, str]:
        """One run in a fresh sandbox forked from this worker; ``(observed, setup error)``."""
        io_mine, io_theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        err_mine, err_theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        start = time.monotonic()
        fds = [io_theirs.fileno(), err_theirs.fileno()] + ([extra_fd] if extra_fd is not None else [])
        try:
            try:
                socket.send_fds(self.ctl, [marshal.dumps({"cmd": "run"})], fds)
            except OSError as exc:
                self.broken = True
                return Observed(None, b"", b"", 0.0, spawn_error=f"the bwrap worker is gone: {exc}"), ""
            finally:
                io_theirs.close()
                err_theirs.close()
            frame = marshal.dumps(setup, 4)
            return self._supervise(io_mine, err_mine, len(frame).to_bytes(4, "big") + frame + stdin, limits,
                                   start)
        finally:
            io_mine.close()
            err_mine.close()

    def _supervise(self, io: socket.socket, err: socket.socket, data: bytes, limits: Limits,
                   start: float) -> tuple[Observed, str]:
        out_buf, err_buf = CappedBuffer(limits.output_bytes), CappedBuffer(limits.output_bytes)
        view = memoryview(data)
        io.setblocking(False)
        err.setblocking(False)
        sel = selectors.DefaultSelector()
        sel.register(io, selectors.EVENT_READ | selectors.EVENT_WRITE, out_buf)
        sel.register(err, selectors.EVENT_READ, err_buf)
        sel.register(self.ctl, selectors.EVENT_READ, "ctl")
        deadline = start + limits.wall_s
        reply: dict[str, Any] | None = None
        timed_out = exceeded = killed = False
        open_streams, exited_at = 2, None
        try:
            while True:
                now = time.monotonic()
                if reply is not None and (open_streams == 0 or now - exited_at > 0.05):
                    break
                if not killed and (now >= deadline or exceeded):
                    timed_out = not exceeded
                    killed = True
                    self._kill()
                if killed and now >= deadline + 10.0:  # the zygote does not answer: the worker is broken
                    self.broken = True
                    return Observed(None, out_buf.value(), err_buf.value(), now - start,
                                    spawn_error="the bwrap worker stopped answering"), ""
                wait = (deadline + 10.0 if killed else deadline) - now
                if reply is not None:
                    wait = min(wait, 0.05)
                for key, events in sel.select(max(wait, 0.0)):
                    if key.data == "ctl":
                        raw = self.ctl.recv(1 << 16)
                        if not raw:
                            self.broken = True
                            return Observed(None, out_buf.value(), err_buf.value(), time.monotonic() - start,
                                            spawn_error="the bwrap worker died: " + self._log()[-300:]), ""
                        reply, exited_at = marshal.loads(raw), time.monotonic()
                        sel.unregister(self.ctl)
                        continue
                    sock = key.fileobj
                    if events & selectors.EVENT_WRITE:
                        try:
                            sent = sock.send(view[:_CHUNK])
                            view = view[sent:]
                        except BlockingIOError:
                            pass
                        except OSError:  # the run closed its stdin
                            view = view[:0]
                        if not view:
                            try:
                                sock.shutdown(socket.SHUT_WR)
                            except OSError:
                                pass
                            sel.modify(sock, selectors.EVENT_READ, key.data)
                    if events & selectors.EVENT_READ:
                        try:
                            chunk = sock.recv(_CHUNK)
                        except BlockingIOError:
                            continue
                        except OSError:
                            chunk = b""
                        if not chunk:
                            sel.unregister(sock)
                            open_streams -= 1
                            continue
                        key.data.add(chunk)
                        if key.data.exceeded:
                            exceeded = True
        finally:
            sel.close()
        self.runs += 1
        self.last_cpu_s = reply.get("cpu")
        status = reply.get("status")
        wall = time.monotonic() - start
        if status is None:
            return Observed(None, out_buf.value(), err_buf.value(), wall,
                            spawn_error=reply.get("error") or "the run did not start"), ""
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == _SETUP_FAILED and reply.get("error"):
            return Observed(None, out_buf.value(), err_buf.value(), wall,
                            spawn_error="could not set up the sandbox: " + reply["error"]), reply["error"]
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        return Observed(code, out_buf.value(), err_buf.value(), wall, timed_out=timed_out and not exceeded,
                        output_exceeded=exceeded), ""

    def _kill(self) -> None:
        try:
            self.ctl.send(marshal.dumps({"cmd": "kill"}))
        except OSError:
            self.broken = True


class BwrapPool:
    """Fresh bwrap sandboxes forked from warm workers. See the module docstring.

    Args:
        sandbox: A :class:`~rlvr.verifiers.sandbox.bwrap.BwrapSandbox` (its
            layout, interpreter and mode are used).
        program: Python source that defines ``main()``; executed once per
            worker (it must only define things), ``main()`` runs per
            :meth:`run_warm`. Standard library only: the sandbox has no
            site-packages.
        preload: Standard-library modules every worker imports once.
        max_workers: Most workers (runs at once); more callers wait.
    """

    name = "bwrap"
    isolates = True

    def __init__(self, sandbox: Any, program: str = _EXEC_PROGRAM, *, preload: Sequence[str] = (),
                 max_workers: int | None = None) -> None:
        if sandbox.mode == "userns" and sandbox.is_root:
            raise SandboxUnavailable("the warm pool needs bwrap's root mode when the caller is root "
                                     "(user-namespace mode as root gives no unprivileged uid)")
        self.sandbox = sandbox
        self.program = program
        self.preload = tuple(preload)
        self.max_workers = max_workers or max(4, 2 * (os.cpu_count() or 1))
        self.python_argv = [sandbox.layout.python, *sandbox.python_flags, "-S", "-c",
                            _ZYGOTE.read_text(), sandbox.mode]
        self.description = f"{sandbox.description}, warm pool"
        self._idle: list[_Worker] = []
        self._count = 0
        self._cond = threading.Condition()
        self._closed = False
        self._pid = os.getpid()
        _POOLS.add(self)
        self._release(self._start())  # fail here, not in the first run, if workers cannot start

    # ------------------------------------------------------------- workers
    def _start(self) -> _Worker:
        with self._cond:
            self._count += 1
        try:
            return _Worker(self)
        except BaseException:
            with self._cond:
                self._count -= 1
                self._cond.notify()
            raise

    def _acquire(self) -> _Worker:
        with self._cond:
            while True:
                if self._closed or self._pid != os.getpid():
                    raise SandboxUnavailable("this sandbox pool is closed (or was inherited through fork)")
                while self._idle:
                    worker = self._idle.pop()
                    if worker.alive():
                        return worker
                    self._count -= 1
                    worker.close()
                if self._count < self.max_workers:
                    break
                self._cond.wait()
        return self._start()

    def _release(self, worker: _Worker) -> None:
        with self._cond:
            if worker.alive() and not self._closed:
                self._idle.append(worker)
            else:
                self._count -= 1
                worker.close()
            self._cond.notify()

    def close(self) -> None:
        """Stop every worker (each kills its current run). Idempotent."""
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._cond.notify_all()
        if self._pid == os.getpid():
            for worker in idle:
                worker.close()

    def __enter__(self) -> BwrapPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def mode(self) -> str:
        """The wrapped sandbox's mode (``"root"`` or ``"userns"``)."""
        return self.sandbox.mode

    cgroup_ok = False  # never needed: runs get an unprivileged uid, so RLIMIT_NPROC holds

    @property
    def workers(self) -> int:
        """Workers alive now (busy or idle)."""
        return self._count

    # ----------------------------------------------------------------- runs
    def run(self, argv: Sequence[str], *, files: dict[str, bytes | str] | None = None,
            stdin: bytes | str = b"", limits: Limits = Limits(), collect: Sequence[str] = (),
            env: dict[str, str] | None = None) -> RunResult:
        """:meth:`BwrapSandbox.run` semantics, in a fresh sandbox forked from a warm worker."""
        if collect:  # the workdir dies with the run's mount namespace: collect through a one-off run
            return self.sandbox.run_fresh(argv, files=files, stdin=stdin, limits=limits, collect=collect,
                                          env=env)
        argv = self.sandbox._resolve(check_argv(argv))
        return self._run(argv, files, as_bytes(stdin), limits, base_env(SANDBOX_WORKDIR, env))

    def run_warm(self, *, stdin: bytes | str = b"", files: dict[str, bytes | str] | None = None,
                 limits: Limits = Limits(), env: dict[str, str] | None = None,
                 extra_fd: int | None = None) -> RunResult:
        """Run the preloaded program's ``main()`` in a fresh sandbox (no bwrap or Python start).

        ``extra_fd``: a descriptor of the caller's the run gets as its fd 3
        (e.g. a memfd for results kept apart from stdout); without it fd 3 is
        closed. ``RunResult.cpu_s`` is set.
        """
        return self._run(None, files, as_bytes(stdin), limits, base_env(SANDBOX_WORKDIR, check_env(env)),
                         extra_fd)

    def session(self, files: dict[str, bytes | str] | None = None, limits: Limits = Limits()) -> Any:
        return self.sandbox.session(files, limits)

    def _run(self, argv: list[str] | None, files: dict[str, bytes | str] | None, stdin: bytes, limits: Limits,
             env: dict[str, str], extra_fd: int | None = None) -> RunResult:
        setup = {"argv": argv, "env": env, "files": _prepare_files(files), "rlimits": _rlimits(limits),
                 "disk_bytes": int(limits.disk_mb) << 20}
        if self.sandbox.mode == "root":
            setup["uid"] = self.sandbox._new_uid()
        try:
            worker = self._acquire()
        except SandboxUnavailable as exc:
            return RunResult.error(str(exc))
        try:
            obs, _ = worker.run(setup, stdin, limits, extra_fd)
            cpu = worker.last_cpu_s
        finally:
            self._release(worker)
        result = classify(obs, limits, signal_in_exit_code=argv is not None)
        result.cpu_s = cpu if result.status != "error" else None
        return result


def _prepare_files(files: dict[str, bytes | str] | None) -> list[tuple[str, bytes]]:
    if not files:
        return []
    if not isinstance(files, dict):
        raise ConfigError(f"files must be a dict of relative path -> bytes or str, got {type(files).__name__}")
    return [(fileops.check_relpath(path), as_bytes(content)) for path, content in files.items()]


def _clamp(res: int, value: int) -> int:
    _, hard = resource.getrlimit(res)
    return value if hard == resource.RLIM_INFINITY else min(value, hard)


def _rlimits(limits: Limits) -> dict[str, Any]:
    cpu = max(1, math.ceil(limits.cpu_s))
    return {"RLIMIT_CPU": (cpu, cpu + 1), "RLIMIT_AS": _clamp(resource.RLIMIT_AS, int(limits.memory_mb) << 20),
            "RLIMIT_NPROC": _clamp(resource.RLIMIT_NPROC, int(limits.max_procs)),
            "RLIMIT_FSIZE": _clamp(resource.RLIMIT_FSIZE, int(limits.file_size_mb) << 20),
            "RLIMIT_NOFILE": _clamp(resource.RLIMIT_NOFILE, int(limits.open_files)), "RLIMIT_CORE": 0}


_POOLS: weakref.WeakSet[BwrapPool] = weakref.WeakSet()


@atexit.register
def close_all() -> None:
    """Close every pool of this process (registered with :mod:`atexit`)."""
    for pool in list(_POOLS):
        pool.close()


__all__ = ["BwrapPool", "close_all"]
