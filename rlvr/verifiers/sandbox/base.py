"""The sandbox contract: limits, results, the backend protocol and sessions.

Every backend (``bwrap``, ``process``, ``docker``) runs one untrusted program
per :meth:`Sandbox.run` call in a private, empty working directory and
reports what happened as a :class:`RunResult`. The status is decided by the
trusted parent from facts it observed itself (its own wall clock, how the
process died, how many bytes it read), never from anything the program says
about itself, with one deliberate exception documented on
:data:`RunStatus` (``"memory"`` is recognised from the interpreter's own
``MemoryError`` message, which a program could fake only to fail).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Literal, Protocol, Sequence, runtime_checkable

from rlvr.core.errors import ConfigError, RlvrError

#: What happened to the program.
#:
#: - ``ok``: it exited by itself (``exit_code`` may be non-zero).
#: - ``timeout``: the wall clock ran out, or it used up its CPU seconds
#:   (``SIGXCPU``, or ``SIGKILL`` at the hard CPU limit).
#: - ``memory``: it ran out of memory (cgroup OOM kill where the backend has
#:   one; otherwise a non-zero exit whose stderr ends with ``MemoryError`` /
#:   ``Cannot allocate memory`` / ``std::bad_alloc``).
#: - ``output_limit``: stdout or stderr exceeded ``Limits.output_bytes``.
#: - ``signal``: another fatal signal (``signal`` holds its number).
#: - ``error``: the infrastructure failed before the program started (the
#:   sandbox could not be set up). A program can never cause ``error``: once
#:   it runs, everything that happens is attributed to it, so a policy cannot
#:   learn to escape punishment by crashing the sandbox (``error`` verdicts
#:   are masked out of training).
RunStatus = Literal["ok", "timeout", "memory", "output_limit", "signal", "error"]

#: ``argv[0]`` values that mean "the sandbox's Python interpreter".
PYTHON_NAMES = frozenset({"python", "python3"})

#: Path of the working directory inside isolating sandboxes.
SANDBOX_WORKDIR = "/work"


class SandboxUnavailable(RlvrError, RuntimeError):
    """The backend cannot work on this machine at all; the message names the fix."""


@dataclass(frozen=True)
class Limits:
    """Resource limits of one run. Every field must be positive.

    Attributes:
        cpu_s: CPU seconds per process (``RLIMIT_CPU``; ``SIGXCPU`` at the
            limit, ``SIGKILL`` one second later).
        wall_s: Wall-clock seconds for the whole process tree; then every
            process of the run is killed (``status="timeout"``).
        memory_mb: Address space per process (``RLIMIT_AS``) and, where the
            backend has a memory cgroup (docker), the memory of the whole run.
        max_procs: Processes and threads of the run, contained even when the
            caller is root (unprivileged uid, a pids cgroup or ``pids_limit``).
        file_size_mb: Largest file the program may write (``RLIMIT_FSIZE``).
        open_files: Open file descriptors per process (``RLIMIT_NOFILE``).
        output_bytes: Cap on stdout and on stderr, each; exceeding it kills the
            run with ``status="output_limit"``.
        disk_mb: Size of the working directory where the backend can bound it
            (a tmpfs: bwrap when the caller is root, docker); elsewhere the
            disk is bounded only by ``file_size_mb`` per file and the clock.
    """

    cpu_s: float = 2.0
    wall_s: float = 5.0
    memory_mb: int = 512
    max_procs: int = 32
    file_size_mb: int = 16
    open_files: int = 64
    output_bytes: int = 1 << 20
    disk_mb: int = 256

    def __post_init__(self) -> None:
        for name in ("cpu_s", "wall_s", "memory_mb", "max_procs", "file_size_mb",
                     "open_files", "output_bytes", "disk_mb"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
                raise ConfigError(f"Limits.{name} must be a positive number, got {value!r}")
        if self.open_files < 8:
            raise ConfigError(f"Limits.open_files must be at least 8 (an interpreter needs a few), "
                              f"got {self.open_files}")


@dataclass
class RunResult:
    """What one run produced, as observed by the trusted parent.

    Attributes:
        stdout: Captured stdout, at most ``Limits.output_bytes``.
        stderr: Captured stderr, at most ``Limits.output_bytes``.
        exit_code: The exit status when the program exited by itself, else
            ``None`` (killed by a signal, timed out, infrastructure error).
        status: See :data:`RunStatus`.
        wall_s: Wall-clock seconds from start to the end of the run.
        signal: The fatal signal's number when it died of one.
        files: Files collected from the workdir after the run (``collect``).
        detail: A short human-readable explanation (why ``error``, which
            limit was hit); never decides anything.
        cpu_s: CPU seconds of the run's first process and the children it
            reaped, when the backend measures them (the warm pool), else ``None``.
    """

    stdout: bytes
    stderr: bytes
    exit_code: int | None
    status: RunStatus
    wall_s: float
    signal: int | None = None
    files: dict[str, bytes] = field(default_factory=dict)
    detail: str = ""
    cpu_s: float | None = None

    @property
    def ok(self) -> bool:
        """True when the program exited by itself with exit code 0."""
        return self.status == "ok" and self.exit_code == 0

    @classmethod
    def error(cls, detail: str, wall_s: float = 0.0) -> RunResult:
        return cls(b"", b"", None, "error", wall_s, detail=detail)


class Session:
    """A persistent workspace for multi-turn episodes; a context manager.

    Files persist between :meth:`run` calls; processes do not (every run's
    process tree is killed when it ends). :meth:`close` removes everything.
    """

    name: str = "session"

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.closed = False
        # Backends register their cleanup with weakref.finalize so a session
        # that is garbage-collected or alive at interpreter exit is removed.
        self._finalizer: weakref.finalize | None = None

    def run(self, argv: Sequence[str], *, stdin: bytes | str = b"", limits: Limits | None = None,
            env: dict[str, str] | None = None, collect: Sequence[str] = ()) -> RunResult:
        """Run ``argv`` in the persistent workdir (``limits`` defaults to the session's)."""
        raise NotImplementedError

    def write_files(self, files: dict[str, bytes | str]) -> None:
        """Write files (relative paths; replaces existing files, never follows symlinks)."""
        raise NotImplementedError

    def read_files(self, paths: Sequence[str]) -> dict[str, bytes]:
        """Regular files at these relative paths (missing ones, symlinks and FIFOs are left out)."""
        raise NotImplementedError

    def list_files(self) -> list[str]:
        """Relative paths of the files (and symlinks) in the workdir, sorted."""
        raise NotImplementedError

    def delete_files(self, paths: Sequence[str]) -> None:
        """Remove files or directory trees at these relative paths (missing ones are ignored)."""
        raise NotImplementedError

    def close(self) -> None:
        """Kill every process and remove the workspace. Idempotent."""
        if self._finalizer is not None:
            self._finalizer()
        self.closed = True

    def _check_open(self) -> None:
        if self.closed:
            raise RlvrError(f"this {self.name} session is closed")

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


@runtime_checkable
class Sandbox(Protocol):
    """A backend that runs untrusted programs. See :func:`rlvr.verifiers.sandbox.get_sandbox`."""

    name: str
    isolates: bool

    def run(self, argv: Sequence[str], *, files: dict[str, bytes | str] | None = None,
            stdin: bytes | str = b"", limits: Limits = Limits(), collect: Sequence[str] = (),
            env: dict[str, str] | None = None) -> RunResult: ...

    def session(self, files: dict[str, bytes | str] | None = None,
                limits: Limits = Limits()) -> Session: ...


def check_argv(argv: Sequence[str]) -> list[str]:
    """Validate a command line given by the trusted caller."""
    if isinstance(argv, (str, bytes)) or not argv:
        raise ConfigError(f"argv must be a non-empty list of strings such as ['python3', 'main.py'], "
                          f"got {argv!r}")
    out = []
    for arg in argv:
        if not isinstance(arg, str) or "\0" in arg:
            raise ConfigError(f"argv items must be strings without NUL bytes, got {arg!r}")
        out.append(arg)
    return out


def check_env(env: dict[str, str] | None) -> dict[str, str]:
    if env is None:
        return {}
    if not isinstance(env, dict):
        raise ConfigError(f"env must be a dict of str to str, got {type(env).__name__}")
    for key, value in env.items():
        if (not isinstance(key, str) or not isinstance(value, str) or not key or "=" in key
                or "\0" in key or "\0" in value):
            raise ConfigError(f"env entries must be non-empty names without '=' or NUL mapped to "
                              f"strings, got {key!r}: {value!r}")
    return dict(env)


def as_bytes(data: bytes | str) -> bytes:
    if isinstance(data, str):
        return data.encode("utf-8", "surrogateescape")
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise ConfigError(f"expected bytes or str, got {type(data).__name__}")


def base_env(home: str, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The scrubbed environment every sandboxed program starts with."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "HOME": home,
        "TMPDIR": "/tmp",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUNBUFFERED": "1",
        "PYTHONIOENCODING": "utf-8",
    }
    env.update(check_env(extra))
    return env
