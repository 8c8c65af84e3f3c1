"""Client of the trusted check workers (:mod:`rlvr.verifiers.code_check_server`).

A check worker is a long-lived ``python -I -S`` process outside every
sandbox that replays a task's trusted ``check`` on a submission's answers.
Workers are kept per Python process (never shared with a forked child) and
handed to one submission at a time: a thread takes an idle worker (or starts
one, ~20 ms once), runs the submission's session on it, and gives it back.
A worker that timed out, crashed, answered ``error`` or served
:data:`RECYCLE_AFTER` sessions is killed instead of being reused.

Why a reused process and not a fork per submission: on virtual machines a
page fault costs microseconds, and a forked Python child touches hundreds of
copy-on-write pages before it does anything useful (about 2.5 ms per fork
here), while a warm worker answers a check in well under a millisecond. What
the worker runs is trusted (the task's own ``check``) and what it receives
from a submission is plain data only, so reuse does not expose one
submission to another; the worker still resets the interpreter state a check
could change (builtins, the preloaded standard-library modules, the recursion
limit, ``random``'s seed) before each job.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
#: Sessions a worker serves before it is replaced (bounds whatever a long run accumulates).
RECYCLE_AFTER = 2000


@functools.lru_cache(maxsize=None)
def server_source() -> str:
    return (HERE / "code_wire.py").read_text() + "\n\n" + (HERE / "code_check_server.py").read_text()


class CheckServerError(RuntimeError):
    """The check worker could not answer (it died, or the check hung past its timeout)."""


class CheckWorker:
    """One running check worker process, talking over a socket pair on its stdin."""

    def __init__(self) -> None:
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-I", "-S", "-c", server_source()], stdin=theirs.fileno(),
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True, start_new_session=True)
        except OSError as exc:
            mine.close()
            raise CheckServerError(f"could not start a check worker: {exc}") from exc
        finally:
            theirs.close()
        self.sock = mine
        self.pid = os.getpid()
        self.sessions = 0

    def alive(self) -> bool:
        return self.pid == os.getpid() and self.process.poll() is None

    def ask(self, message: dict[str, Any], timeout: float) -> dict[str, Any]:
        try:
            self.sock.settimeout(timeout + 5.0)
            data = json.dumps(message).encode()
            self.sock.sendall(len(data).to_bytes(4, "big") + data)
            size = int.from_bytes(_recv_exact(self.sock, 4), "big")
            return json.loads(_recv_exact(self.sock, size))
        except (OSError, EOFError, ValueError) as exc:
            raise CheckServerError(f"the check worker gave no answer ({type(exc).__name__}: {exc})") from exc

    def close(self) -> None:
        """Stop the worker (only from the process that started it: a forked child leaves it alone)."""
        try:
            self.sock.close()
        except OSError:
            pass
        if self.pid == os.getpid() and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


class CheckSession:
    """One submission's conversation with a check worker.

    The first :meth:`ask` carries the task (``"new": true`` tells the worker
    a new submission starts); later ones only new plans and results. On
    :meth:`close` the worker goes back to the idle list if every answer
    arrived and none was an ``error``; otherwise it is killed.
    """

    def __init__(self, worker: CheckWorker) -> None:
        self.worker = worker
        self.started = False
        self.healthy = True

    def ask(self, message: dict[str, Any], timeout: float) -> dict[str, Any]:
        if not self.healthy:
            raise CheckServerError("this check session already failed")
        if not self.started:
            message = {**message, "new": True}
            self.started = True
        try:
            answer = self.worker.ask(message, timeout)
        except CheckServerError:
            self.healthy = False
            raise
        if answer.get("outcome") == "error":
            self.healthy = False
        return answer

    def close(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.sessions += 1
            _release(worker, reuse=self.healthy and worker.sessions < RECYCLE_AFTER)

    def __enter__(self) -> CheckSession:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    data = bytearray()
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise EOFError("connection closed")
        data += chunk
    return bytes(data)


_idle: list[CheckWorker] = []
_idle_pid = os.getpid()
_lock = threading.Lock()


def _acquire() -> CheckWorker:
    global _idle, _idle_pid
    with _lock:
        if _idle_pid != os.getpid():  # a forked child: the parent's workers are not ours to use
            _idle, _idle_pid = [], os.getpid()
        while _idle:
            worker = _idle.pop()
            if worker.alive():
                return worker
            worker.close()
    return CheckWorker()


def _release(worker: CheckWorker, *, reuse: bool) -> None:
    if reuse and worker.alive():
        with _lock:
            if _idle_pid == worker.pid:
                _idle.append(worker)
                return
    worker.close()


def check_session() -> CheckSession:
    """A check worker for one submission, to be used as a context manager."""
    return CheckSession(_acquire())


@atexit.register
def _shutdown() -> None:
    with _lock:
        workers = list(_idle) if _idle_pid == os.getpid() else []
        _idle.clear()
    for worker in workers:
        worker.close()
