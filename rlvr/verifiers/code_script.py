"""Client of the trusted check server (:mod:`rlvr.verifiers.code_check_server`).

One server process per Python process (re-created after ``fork``), started
lazily and shared by threads. Each job gets its own socket pair; the server
forks a child per job, so a job costs about a millisecond.
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


@functools.lru_cache(maxsize=None)
def server_source() -> str:
    return (HERE / "code_wire.py").read_text() + "\n\n" + (HERE / "code_check_server.py").read_text()


class CheckServerError(RuntimeError):
    """The check server could not answer (it died, or the check hung past its timeout)."""


class CheckServer:
    """Handle to one running check server."""

    def __init__(self) -> None:
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", server_source()], stdin=child.fileno(),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True, start_new_session=True)
        child.close()
        self.control = parent
        self.pid = os.getpid()
        self.lock = threading.Lock()

    def alive(self) -> bool:
        return self.pid == os.getpid() and self.process.poll() is None

    def open_session(self) -> CheckSession:
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            with self.lock:
                socket.send_fds(self.control, [b"j"], [theirs.fileno()])
        except OSError as exc:
            mine.close()
            raise CheckServerError(f"the check server is gone ({exc})") from exc
        finally:
            theirs.close()
        return CheckSession(mine)

    def close(self) -> None:
        try:
            self.control.close()
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()


class CheckSession:
    """One submission's conversation with its check process (a fork of the server)."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def ask(self, message: dict[str, Any], timeout: float) -> dict[str, Any]:
        try:
            self.sock.settimeout(timeout + 5.0)
            data = json.dumps(message).encode()
            self.sock.sendall(len(data).to_bytes(4, "big") + data)
            size = int.from_bytes(_recv_exact(self.sock, 4), "big")
            return json.loads(_recv_exact(self.sock, size))
        except (OSError, EOFError, ValueError) as exc:
            raise CheckServerError(f"the check process gave no answer ({type(exc).__name__}: {exc})") from exc

    def close(self) -> None:
        self.sock.close()

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


_server: CheckServer | None = None
_server_lock = threading.Lock()


def check_server() -> CheckServer:
    """The process's check server, started on first use (and again after a fork or a crash)."""
    global _server
    with _server_lock:
        if _server is None or not _server.alive():
            if _server is not None and _server.pid == os.getpid():
                _server.close()
            _server = CheckServer()
        return _server


def check_session() -> CheckSession:
    """A fresh check process for one submission (retries once on a fresh server if the server died)."""
    server = check_server()
    try:
        return server.open_session()
    except CheckServerError:
        return check_server().open_session()


@atexit.register
def _shutdown() -> None:
    if _server is not None and _server.pid == os.getpid():
        _server.close()
