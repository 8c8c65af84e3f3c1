"""Run a function in a killable worker process under a hard wall-clock deadline.

Verifiers run heavy code (SymPy) on untrusted input (a policy's answer) that
can take hours or eat all memory. This module runs such a function in a pool
of worker processes and guarantees that :meth:`WorkerPool.call` returns by its
deadline, whatever the function does::

    pool = WorkerPool("rlvr.verifiers.math_compare:check_request", memory_mb=2048)
    result = pool.call({"answer": "x^2", "gold": "x**2"}, timeout=2.0)
    result.outcome   # "ok" | "raised" | "timeout" | "crashed" | "unavailable"

How:

* One **zygote** process is started with ``subprocess.Popen([sys.executable,
  "-m", __name__, ...])`` - not ``multiprocessing``, because Gymnasium's
  ``AsyncVectorEnv`` runs envs in *daemonic* processes, which may not start
  ``multiprocessing`` children, and not ``signal.alarm``, which only works in
  the main thread. The zygote imports the handler's module once (SymPy: ~0.5 s),
  runs the module's optional ``warm_up_worker()`` (fill caches), sets
  ``RLIMIT_AS``, and then only forks.
* **Workers** are forked from the zygote on request (~10 ms, memory shared
  copy-on-write), so replacing a killed worker costs no import. The zygote
  hands the worker's pipes back to us over a Unix socket (``SCM_RIGHTS``).
* Requests and replies are length-prefixed JSON frames (4-byte big-endian
  length, UTF-8 JSON). Workers move ``sys.stdout`` to stderr, so stray prints
  cannot corrupt the stream.
* One worker serves one caller at a time; concurrent callers (threads) get
  their own workers, so the pool is thread-safe. Idle workers are reused.
* On a deadline the worker's process group is SIGKILLed and a fresh worker is
  forked for the next call. A worker that dies mid-call is retried once on a
  fresh worker; dying twice means the input did it (``"crashed"``).
* Limits: ``RLIMIT_AS`` (a blow-up raises ``MemoryError`` in the worker instead
  of hurting the host) and a per-request ``RLIMIT_CPU`` backstop.
* Nothing outlives its parent: the zygote exits on EOF of its control socket
  and each worker on EOF of its request pipe, i.e. when the parent dies, even
  mid-call. A forked copy of the parent (``multiprocessing`` with ``fork``)
  does not inherit the parent's workers; it starts its own.
"""

from __future__ import annotations

import atexit
import gc
import importlib
import json
import os
import queue
import resource
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import weakref
from dataclasses import dataclass
from typing import Any, Callable, Literal

#: Frame header: payload length as a 4-byte big-endian unsigned int.
_HEADER = struct.Struct(">I")
#: Largest frame either side accepts; anything bigger is a protocol error.
MAX_FRAME_BYTES = 64 << 20
#: CPU seconds a request may use beyond its timeout before the kernel kills the
#: worker (only matters if the parent could not, e.g. it died while the worker held the GIL).
_CPU_MARGIN_S = 2

Outcome = Literal["ok", "raised", "timeout", "crashed", "unavailable"]


@dataclass(frozen=True)
class CallResult:
    """What happened to one :meth:`WorkerPool.call`.

    Attributes:
        outcome: ``"ok"`` (the function returned ``value``), ``"raised"`` (it
            raised; ``error`` holds ``"TypeName: message"``), ``"timeout"`` (it
            ran past the deadline and its worker was killed), ``"crashed"``
            (the worker died while running it, and so did a freshly forked
            worker it was retried on, so the input is the cause), ``"unavailable"`` (no worker could be
            started before the deadline: an infrastructure failure that says
            nothing about the input).
        value: The function's JSON-decoded return value when ``outcome == "ok"``.
        error: A short description for the other outcomes.
        elapsed: Wall-clock seconds spent in ``call``.
    """

    outcome: Outcome
    value: Any = None
    error: str = ""
    elapsed: float = 0.0


def _encode(obj: Any) -> bytes:
    data = json.dumps(obj, separators=(",", ":")).encode("utf-8")
    return _HEADER.pack(len(data)) + data


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _wait_readable(fd: int, deadline: float) -> bool:
    """Block until ``fd`` is readable (or hung up); ``False`` once ``deadline`` passes."""
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
    while True:
        left = deadline - time.monotonic()
        if poller.poll(max(0, int(left * 1000) + 1) if left > 0 else 0):
            return True
        if left <= 0:
            return False


def _close(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass


class _Worker:
    """Parent-side handle of one forked worker: its pid and the two ends of its pipes."""

    def __init__(self, pid: int, request_fd: int, reply_fd: int) -> None:
        self.pid = pid
        self._wfd, self._rfd = request_fd, reply_fd
        self._buf = bytearray()
        self.closed = False

    def send(self, obj: Any) -> bool:
        """Write one frame; ``False`` if the worker is gone (broken pipe)."""
        try:
            _write_all(self._wfd, _encode(obj))
            return True
        except OSError:
            return False

    def recv(self, deadline: float) -> tuple[str, Any]:
        """Read one frame: ``("frame", obj)``, ``("timeout", None)`` or ``("eof", None)``."""
        while True:
            if len(self._buf) >= _HEADER.size:
                (size,) = _HEADER.unpack_from(self._buf)
                if size > MAX_FRAME_BYTES:
                    return "eof", None
                if len(self._buf) >= _HEADER.size + size:
                    data = bytes(self._buf[_HEADER.size:_HEADER.size + size])
                    del self._buf[:_HEADER.size + size]
                    try:
                        return "frame", json.loads(data)
                    except ValueError:
                        return "eof", None
            if not _wait_readable(self._rfd, deadline):
                return "timeout", None
            try:
                chunk = os.read(self._rfd, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                return "eof", None
            self._buf += chunk

    def alive(self) -> bool:
        if self.closed:
            return False
        try:
            os.kill(self.pid, 0)
        except (ProcessLookupError, PermissionError):
            return False
        return True

    def kill(self) -> None:
        """SIGKILL the worker's process group (its zygote reaps it) and close our pipe ends."""
        if not self.closed:
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except OSError:
                pass
        self.forget()

    def forget(self) -> None:
        """Close our pipe ends without signalling the process (after a fork, or once it died)."""
        if not self.closed:
            self.closed = True
            _close(self._wfd)
            _close(self._rfd)


class _Zygote:
    """Parent-side handle of the zygote: a process that has imported the handler and forks workers."""

    def __init__(self, argv: list[str], env: dict[str, str], stderr: int | None) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self.proc = subprocess.Popen([*argv, "--control-fd", str(theirs.fileno())], stdin=subprocess.DEVNULL,
                                         stdout=subprocess.DEVNULL, stderr=stderr, env=env,
                                         start_new_session=True, pass_fds=(theirs.fileno(),))
        finally:
            theirs.close()
        self.sock = ours
        self.started = time.monotonic()
        self.ready = False

    def _recv(self, deadline: float, maxfds: int = 0) -> tuple[dict | None, list[int]]:
        if not _wait_readable(self.sock.fileno(), deadline):
            return None, []
        try:
            msg, fds, _, _ = socket.recv_fds(self.sock, 4096, maxfds) if maxfds else (self.sock.recv(4096), [], 0, 0)
            return (json.loads(msg) if msg else None), list(fds)
        except (OSError, ValueError):
            return None, []

    def wait_ready(self, deadline: float) -> bool:
        if not self.ready:
            msg, _ = self._recv(deadline)
            self.ready = bool(msg and msg.get("ready"))
        return self.ready

    def fork_worker(self, deadline: float) -> _Worker | None:
        try:
            self.sock.send(b'{"fork":1}')
        except OSError:
            return None
        msg, fds = self._recv(deadline, maxfds=2)
        if not msg or "pid" not in msg or len(fds) != 2:
            for fd in fds:
                _close(fd)
            return None
        for fd in fds:  # SCM_RIGHTS fds arrive inheritable; no exec'd child of ours may hold them
            os.set_inheritable(fd, False)
        return _Worker(int(msg["pid"]), fds[0], fds[1])

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except OSError:
            pass
        self.sock.close()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - SIGKILL cannot be ignored
            pass

    def forget(self) -> None:
        self.sock.close()


class WorkerPool:
    """A thread-safe pool of worker processes running ``handler`` under deadlines.

    Args:
        handler: ``"package.module:function"``; the function takes one
            JSON-decodable argument and returns a JSON-encodable value. Its
            module is imported once, by the zygote, before any worker exists.
        memory_mb: Address-space limit of the zygote and every worker (``RLIMIT_AS``), in MiB.
        max_idle: Idle workers kept for reuse; extra ones are stopped.
        startup_timeout: Seconds the zygote may take to import the handler
            before it counts as broken.
    """

    def __init__(self, handler: str, *, memory_mb: int = 2048, max_idle: int = 8,
                 startup_timeout: float = 60.0) -> None:
        if ":" not in handler:
            raise ValueError(f"handler must look like 'package.module:function', got {handler!r}")
        if memory_mb < 256:
            raise ValueError(f"memory_mb must be >= 256 (the interpreter needs it), got {memory_mb}")
        self.handler = handler
        self.memory_mb = int(memory_mb)
        self.max_idle = int(max_idle)
        self.startup_timeout = float(startup_timeout)
        self._lock = threading.Lock()  # guards _idle and _busy
        self._zlock = threading.Lock()  # one conversation with the zygote at a time
        self._zygote: _Zygote | None = None
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._owner_pid = os.getpid()
        _POOLS.add(self)

    # -- public -------------------------------------------------------------------------------

    def call(self, payload: Any, timeout: float) -> CallResult:
        """Run ``handler(payload)`` in a worker; return within ``timeout`` seconds (+ a few ms).

        Never raises for a JSON-encodable ``payload``.
        """
        start = time.monotonic()
        deadline = start + max(0.0, float(timeout))
        request = {"payload": payload, "cpu_s": int(timeout) + _CPU_MARGIN_S}
        crashes = 0
        while True:
            # After a crash, retry on a freshly forked worker: an idle one may have died
            # unnoticed (killed from outside), which must not count against the input.
            worker, why = self._acquire(deadline, fresh=crashes > 0)
            if worker is None:
                return CallResult("unavailable", error=why, elapsed=time.monotonic() - start)
            if not worker.send(request):  # it died while idle: not the input's fault
                self._drop(worker, kill=False)
                continue
            kind, obj = worker.recv(deadline)
            if kind == "frame" and isinstance(obj, dict):
                self._release(worker)
                elapsed = time.monotonic() - start
                if "raised" in obj:
                    return CallResult("raised", error=str(obj["raised"])[:300], elapsed=elapsed)
                return CallResult("ok", value=obj.get("value"), elapsed=elapsed)
            if kind == "timeout":
                self._drop(worker, kill=True)
                return CallResult("timeout", error=f"no reply within {timeout:g}s", elapsed=time.monotonic() - start)
            self._drop(worker, kill=True)  # died mid-call: the input, or something external
            crashes += 1
            if crashes == 2:
                return CallResult("crashed", error="the worker died running this request, twice",
                                  elapsed=time.monotonic() - start)

    def warm(self, workers: int = 0, wait: bool = False, timeout: float = 60.0) -> bool:
        """Start the zygote now; with ``wait``, also fork until ``workers`` idle workers exist.

        Returns whether everything asked for is ready (``True`` without ``wait``).
        """
        self._check_fork()
        deadline = time.monotonic() + timeout
        zygote = self._zygote_ready(time.monotonic() if not wait else deadline)
        if not wait:
            return True
        if zygote is None:
            return False
        while True:
            with self._lock:
                if len(self._idle) >= workers:
                    return True
            worker = self._fork(deadline)
            if worker is None:
                return False
            self._release(worker)

    def pids(self) -> list[int]:
        """Process ids of the live workers (idle and busy; not the zygote)."""
        with self._lock:
            return [w.pid for w in (*self._idle, *self._busy) if w.alive()]

    @property
    def zygote_pid(self) -> int | None:
        z = self._zygote
        return z.proc.pid if z is not None and z.alive() else None

    def close(self) -> None:
        """Stop every worker and the zygote. The pool restarts lazily if used again."""
        with self._lock:
            workers = self._idle + list(self._busy)
            self._idle, self._busy = [], set()
        for w in workers:
            w.kill()
        with self._zlock:
            if self._zygote is not None:
                self._zygote.kill()
                self._zygote = None

    # -- internals ------------------------------------------------------------------------------

    def _argv(self) -> list[str]:
        return [sys.executable, "-m", __name__, "--handler", self.handler, "--memory-mb", str(self.memory_mb)]

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        # The zygote must import this package even if the parent found it through sys.path edits.
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        return env

    def _check_fork(self) -> None:
        if os.getpid() != self._owner_pid:  # we are a forked child: the workers are the parent's
            self._after_fork()

    def _after_fork(self) -> None:
        for w in self._idle + list(self._busy):
            w.forget()
        if self._zygote is not None:
            self._zygote.forget()
        self._zygote, self._idle, self._busy = None, [], set()
        self._lock, self._zlock = threading.Lock(), threading.Lock()
        self._owner_pid = os.getpid()

    def _zygote_ready(self, deadline: float) -> _Zygote | None:
        """The running zygote (started if needed) once it has imported the handler; takes the lock."""
        if not self._zlock.acquire(timeout=max(0.0, deadline - time.monotonic())):
            return None
        try:
            return self._zygote_ready_locked(deadline)
        finally:
            self._zlock.release()

    def _zygote_ready_locked(self, deadline: float) -> _Zygote | None:
        z = self._zygote
        if z is None or not z.alive():
            if z is not None:
                z.kill()
            stderr = None if os.environ.get("RLVR_DEBUG_WORKERS") else subprocess.DEVNULL
            try:
                z = self._zygote = _Zygote(self._argv(), self._env(), stderr)
            except OSError:
                self._zygote = None
                return None
        if z.wait_ready(min(deadline, z.started + self.startup_timeout)):
            return z
        if time.monotonic() >= z.started + self.startup_timeout or not z.alive():
            z.kill()  # broken: the next call starts a new one
            self._zygote = None
        return None

    def _fork(self, deadline: float) -> _Worker | None:
        """A fresh worker forked by the zygote (restarting a dead zygote once), or ``None``."""
        if not self._zlock.acquire(timeout=max(0.0, deadline - time.monotonic())):
            return None
        try:
            for _ in range(2):
                z = self._zygote_ready_locked(deadline)
                if z is None:
                    return None
                worker = z.fork_worker(deadline)
                if worker is not None or z.alive():
                    return worker
                z.kill()
                self._zygote = None
            return None
        finally:
            self._zlock.release()

    def _acquire(self, deadline: float, fresh: bool = False) -> tuple[_Worker | None, str]:
        self._check_fork()
        with self._lock:
            while self._idle and not fresh:
                worker = self._idle.pop()
                if worker.alive():
                    self._busy.add(worker)
                    return worker, ""
                worker.forget()
        worker = self._fork(deadline)
        if worker is None:
            return None, "no worker could be started before the deadline"
        with self._lock:
            self._busy.add(worker)
        return worker, ""

    def _release(self, worker: _Worker) -> None:
        with self._lock:
            self._busy.discard(worker)
            keep = len(self._idle) < self.max_idle and not worker.closed
            if keep:
                self._idle.append(worker)
        if not keep:
            worker.kill()

    def _drop(self, worker: _Worker, *, kill: bool) -> None:
        with self._lock:
            self._busy.discard(worker)
        worker.kill() if kill else worker.forget()


#: Every live pool, so the exit and fork hooks can reach them.
_POOLS: weakref.WeakSet[WorkerPool] = weakref.WeakSet()


def _close_all() -> None:
    for pool in list(_POOLS):
        if pool._owner_pid == os.getpid():
            pool.close()


def _forget_all_after_fork() -> None:
    for pool in list(_POOLS):
        pool._after_fork()


atexit.register(_close_all)
os.register_at_fork(after_in_child=_forget_all_after_fork)


# -- zygote and worker side -------------------------------------------------------------------------


def _read_exact(fd: int, n: int) -> bytes | None:
    chunks, got = [], 0
    while got < n:
        chunk = os.read(fd, n - got)
        if not chunk:
            return None
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _reader(fd: int, requests: queue.Queue) -> None:
    """Feed frames to the main thread; exit the process on EOF (the parent is gone)."""
    while True:
        header = _read_exact(fd, _HEADER.size)
        if header is None:
            os._exit(0)
        (size,) = _HEADER.unpack(header)
        data = _read_exact(fd, size) if size <= MAX_FRAME_BYTES else None
        if data is None:
            os._exit(0)
        requests.put(data)


def _lower_soft_limit(which: int, soft: int) -> None:
    """Set the soft rlimit ``which`` to ``soft`` (capped by the hard limit)."""
    try:
        _, hard = resource.getrlimit(which)
        resource.setrlimit(which, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
    except (ValueError, OSError):  # pragma: no cover - a platform without this limit
        pass


def _serve(handler: Callable[[Any], Any], in_fd: int, out_fd: int) -> None:
    """A worker's life: answer request frames from ``in_fd`` on ``out_fd`` until EOF."""
    requests: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(in_fd, requests), daemon=True).start()
    while True:
        data = requests.get()
        try:
            request = json.loads(data)
            used = resource.getrusage(resource.RUSAGE_SELF)  # CPU backstop for this request
            _lower_soft_limit(resource.RLIMIT_CPU, int(used.ru_utime + used.ru_stime) + 1 + int(request["cpu_s"]))
            frame = _encode({"value": handler(request.get("payload"))})
        except Exception as exc:  # noqa: BLE001 - MemoryError included: reported, never fatal
            frame = _encode({"raised": f"{type(exc).__name__}: {str(exc)[:200]}"})
        _write_all(out_fd, frame)


def _zygote_main(handler_spec: str, memory_mb: int, control_fd: int) -> None:
    sock = socket.socket(fileno=control_fd)
    os.dup2(2, 1)  # stray prints go to stderr, never into a protocol stream
    sys.stdout = sys.stderr
    _lower_soft_limit(resource.RLIMIT_AS, memory_mb << 20)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 3000))
    module, _, name = handler_spec.partition(":")
    handler_module = importlib.import_module(module)
    handler = getattr(handler_module, name)
    warm = getattr(handler_module, "warm_up_worker", None)
    if callable(warm):  # e.g. fill parser caches once, so every forked worker starts warm
        try:
            warm()
        except Exception:  # noqa: BLE001 - a failed warm-up only costs speed
            pass
    gc.collect()
    gc.freeze()  # forked workers then share the imported modules' pages instead of copying them
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps dead workers: no zombies
    sock.send(json.dumps({"ready": os.getpid()}).encode())
    while True:
        msg = sock.recv(4096)
        if not msg:  # the parent is gone
            os._exit(0)
        request_r, request_w = os.pipe()
        reply_r, reply_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker
            try:
                os.setsid()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                sock.close()
                os.close(request_w)
                os.close(reply_r)
                _serve(handler, request_r, reply_w)
            finally:
                os._exit(0)
        os.close(request_r)
        os.close(reply_w)
        try:
            socket.send_fds(sock, [json.dumps({"pid": pid}).encode()], [request_w, reply_r])
        finally:
            os.close(request_w)
            os.close(reply_r)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the zygote process (``python -m rlvr.verifiers.bounded --handler m:f``)."""
    import argparse

    parser = argparse.ArgumentParser(description="rlvr bounded-execution zygote (started by WorkerPool)")
    parser.add_argument("--handler", required=True)
    parser.add_argument("--memory-mb", type=int, default=2048)
    parser.add_argument("--control-fd", type=int, required=True)
    args = parser.parse_args(argv)
    _zygote_main(args.handler, args.memory_mb, args.control_fd)


if __name__ == "__main__":
    main()
