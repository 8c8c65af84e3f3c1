"""The ``process`` backend: rlimits and process-group kill only. It does NOT isolate.

For machines where neither bubblewrap nor a Docker engine works. The program
runs as the caller, on the host's filesystem, network and process table: it
can read anything the caller can (the project, site-packages, ``$HOME``, the
parent's ``/proc/<pid>/environ``), open sockets and signal the parent. What
it does get: a private temporary workdir as cwd and ``HOME``, a scrubbed
environment, rlimits (CPU, address space, processes, file size, open files,
core=0), its own session and process group, a wall clock that SIGKILLs that
group, and capped output. When the caller is root and a pids cgroup is
writable, the run also lives in its own pids cgroup, which bounds fork bombs
(root ignores ``RLIMIT_NPROC``) and kills detached ``setsid`` daemons; without
one, a daemon that leaves the process group outlives the run.
"""

from __future__ import annotations

import logging
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import warnings
import weakref
from typing import Sequence

from rlvr.verifiers.sandbox import files as fileops
from rlvr.verifiers.sandbox.base import (
    PYTHON_NAMES, Limits, RunResult, Session, as_bytes, base_env, check_argv)
from rlvr.verifiers.sandbox.bwrap import DEFAULT_PYTHON_FLAGS, _clamp_rlimit, base_interpreter
from rlvr.verifiers.sandbox.cgroup import PidsCgroup, pids_cgroup_parent
from rlvr.verifiers.sandbox.runner import classify, killpg, supervise

logger = logging.getLogger("rlvr.sandbox")
WARNING = ("the 'process' sandbox does NOT isolate: the program can read every file the caller can "
           "(including hidden tests), use the network and signal other processes. Install "
           "bubblewrap (apt-get install bubblewrap) or run a Docker engine for real isolation.")
_warned = False
_warn_lock = threading.Lock()


def _warn_once() -> None:
    global _warned
    with _warn_lock:
        if _warned:
            return
        _warned = True
    logger.warning("WARNING: %s", WARNING)
    warnings.warn(WARNING, RuntimeWarning, stacklevel=3)


def _rlimits(limits: Limits) -> list[tuple[int, tuple[int, int]]]:
    cpu = max(1, int(-(-limits.cpu_s // 1)))
    pairs = [(resource.RLIMIT_CPU, cpu, cpu + 1),
             (resource.RLIMIT_AS, int(limits.memory_mb) << 20, None),
             (resource.RLIMIT_NPROC, int(limits.max_procs), None),
             (resource.RLIMIT_FSIZE, int(limits.file_size_mb) << 20, None),
             (resource.RLIMIT_NOFILE, int(limits.open_files), None),
             (resource.RLIMIT_CORE, 0, None)]
    out = []
    for res, soft, hard in pairs:
        soft = _clamp_rlimit(res, soft)
        out.append((res, (soft, _clamp_rlimit(res, hard if hard is not None else soft))))
    return out


class ProcessSandbox:
    """Rlimits, a new session, a private temp workdir and a scrubbed env; nothing more.

    Args:
        python: Interpreter for ``argv[0] == "python3"`` (default: the host's
            base interpreter, with ``python_flags``).
        python_flags: Default ``-E -s -B``.
        python_packages: Packages the program needs; on this backend that
            means running the current interpreter (``sys.executable``, so the
            whole venv is visible — it does not isolate anyway).
        quiet: Do not warn (tests that know what they are doing).
    """

    name = "process"
    isolates = False

    def __init__(self, *, python: str | None = None, python_flags: Sequence[str] = DEFAULT_PYTHON_FLAGS,
                 python_packages: Sequence[str] = (), quiet: bool = False) -> None:
        if python is None:
            python = sys.executable if python_packages else base_interpreter()
        self.python = python
        self.python_flags = tuple(python_flags)
        self.prlimit = shutil.which("prlimit", path="/usr/bin:/bin")
        self.use_cgroup = os.geteuid() == 0 and pids_cgroup_parent() is not None
        self.description = ("process (NO isolation)"
                            + (", pids cgroup" if self.use_cgroup else ", no pids cgroup"))
        if not quiet:
            _warn_once()

    def _resolve(self, argv: list[str]) -> list[str]:
        head, rest = argv[0], argv[1:]
        if head in PYTHON_NAMES:
            return [self.python, *self.python_flags, *rest]
        if head == "pytest":
            return [self.python, *self.python_flags, "-m", "pytest", *rest]
        return argv

    def _command(self, argv: list[str], limits: Limits) -> tuple[list[str], list]:
        rl = _rlimits(limits)
        if self.prlimit:
            names = {resource.RLIMIT_CPU: "cpu", resource.RLIMIT_AS: "as", resource.RLIMIT_NPROC: "nproc",
                     resource.RLIMIT_FSIZE: "fsize", resource.RLIMIT_NOFILE: "nofile",
                     resource.RLIMIT_CORE: "core"}
            wrapper = [self.prlimit] + [f"--{names[r]}={s}:{h}" for r, (s, h) in rl] + ["--"]
            return wrapper + self._resolve(argv), []
        return self._resolve(argv), rl

    def run(self, argv: Sequence[str], *, files: dict[str, bytes | str] | None = None,
            stdin: bytes | str = b"", limits: Limits = Limits(), collect: Sequence[str] = (),
            env: dict[str, str] | None = None) -> RunResult:
        argv = check_argv(argv)
        data = as_bytes(stdin)
        workdir = tempfile.mkdtemp(prefix=f"rlvr-proc-{os.getpid()}-")
        try:
            fileops.write_tree(workdir, files)
            return self._run_in(workdir, argv, data, limits, env, collect)
        finally:
            fileops.remove_tree(workdir)

    def session(self, files: dict[str, bytes | str] | None = None,
                limits: Limits = Limits()) -> ProcessSession:
        return ProcessSession(self, files, limits)

    def _run_in(self, workdir: str, argv: list[str], stdin: bytes, limits: Limits,
                env: dict[str, str] | None, collect: Sequence[str]) -> RunResult:
        run_env = base_env(workdir, {"TMPDIR": workdir, **(env or {})})
        command, preexec_limits = self._command(argv, limits)
        cgroup: PidsCgroup | None = None
        if self.use_cgroup:
            try:
                cgroup = PidsCgroup(limits.max_procs)
            except OSError as exc:
                return RunResult.error(f"could not create a pids cgroup: {exc}")

        def preexec() -> None:
            if cgroup is not None:
                cgroup.join_current()
            for res, pair in preexec_limits:
                resource.setrlimit(res, pair)

        def kill(proc: subprocess.Popen) -> None:
            killpg(proc)
            if cgroup is not None:
                cgroup.kill_all()

        try:
            obs = supervise(command, env=run_env, cwd=workdir, stdin=stdin, limits=limits, kill=kill,
                            preexec_fn=preexec if (cgroup is not None or preexec_limits) else None)
        finally:
            if cgroup is not None:
                cgroup.remove()
        files = fileops.read_tree(workdir, collect, int(limits.file_size_mb) << 20) if collect else {}
        return classify(obs, limits, files=files)


class ProcessSession(Session):
    """A persistent temporary directory; each run is a new process group in it."""

    name = "process"

    def __init__(self, sandbox: ProcessSandbox, files: dict[str, bytes | str] | None,
                 limits: Limits) -> None:
        super().__init__(limits)
        self.sandbox = sandbox
        self.path = tempfile.mkdtemp(prefix=f"rlvr-proc-{os.getpid()}-")
        self._lock = threading.Lock()
        self._finalizer = weakref.finalize(self, fileops.remove_tree, self.path)
        try:
            fileops.write_tree(self.path, files)
        except BaseException:
            self.close()
            raise

    def run(self, argv: Sequence[str], *, stdin: bytes | str = b"", limits: Limits | None = None,
            env: dict[str, str] | None = None, collect: Sequence[str] = ()) -> RunResult:
        self._check_open()
        with self._lock:
            return self.sandbox._run_in(self.path, check_argv(argv), as_bytes(stdin),
                                        limits or self.limits, env, collect)

    def write_files(self, files: dict[str, bytes | str]) -> None:
        self._check_open()
        fileops.write_tree(self.path, files)

    def read_files(self, paths: Sequence[str]) -> dict[str, bytes]:
        self._check_open()
        return fileops.read_tree(self.path, paths, int(self.limits.file_size_mb) << 20)

    def list_files(self) -> list[str]:
        self._check_open()
        return fileops.list_tree(self.path)

    def delete_files(self, paths: Sequence[str]) -> None:
        self._check_open()
        fileops.delete_tree(self.path, paths)

