"""The ``bwrap`` backend: bubblewrap namespaces around every run.

What the program sees: ``/usr`` (and the ``/bin``, ``/lib*`` links or
directories), ``/etc/ld.so.cache`` and a few linker/alternatives files, the
interpreter's prefix with every site-packages directory masked by an empty
read-only tmpfs, a fresh ``/proc`` of its own pid namespace, a minimal
``/dev``, a size-bounded tmpfs ``/tmp`` and its workdir at ``/work``. The
root is a read-only tmpfs; the project, the venv, ``$HOME`` and the host's
``/tmp`` do not exist in it. It has its own pid, net (no interface but a
loopback of its own), ipc, uts and cgroup namespaces, ``--die-with-parent``,
``--new-session`` and a scrubbed environment. Rlimits (CPU, address space,
processes, file size, open files, core=0) are applied by util-linux's
``prlimit`` right before the program. The parent enforces the wall clock by
SIGKILL-ing the namespace's init (the kernel then kills every process in the
namespace, ``setsid`` daemons included) and reads at most
``Limits.output_bytes`` of each stream.

Two modes, because the kernel never applies ``RLIMIT_NPROC`` to processes
whose real uid is host root, even inside a user namespace:

- ``"userns"`` (callers that are not root): the usual unprivileged bwrap
  with a user namespace that maps the caller to uid 65534 inside; nested
  user namespaces are disabled. ``RLIMIT_NPROC`` holds because the real uid
  is not root. Used by root too if ``"root"`` cannot work, and then a pids
  cgroup bounds the processes (if none is writable, fork bombs are *not*
  contained and a warning says so).
- ``"root"`` (root callers, the default there): no user namespace; bwrap
  keeps only ``CAP_SETUID``/``CAP_SETGID`` for util-linux's ``setpriv``,
  which drops the program to a fresh random unprivileged uid with no
  capabilities and ``no_new_privs`` before it runs, so ``RLIMIT_NPROC``
  holds and the uid shares nothing with any other process. The workdir is a
  size-bounded tmpfs (``Limits.disk_mb``) that the parent mounts and
  unmounts, so filling the disk is contained too.
"""

from __future__ import annotations

import ctypes
import functools
import json
import logging
import math
import os
import re
import resource
import secrets
import shutil
import signal
import site
import subprocess
import sys
import sysconfig
import tempfile
import threading
import weakref
from dataclasses import dataclass, field
from typing import Any, Literal, Sequence

from rlvr.core.errors import ConfigError
from rlvr.verifiers.sandbox import files as fileops
from rlvr.verifiers.sandbox.base import (
    PYTHON_NAMES, SANDBOX_WORKDIR, Limits, RunResult, SandboxUnavailable, Session, as_bytes,
    base_env, check_argv)
from rlvr.verifiers.sandbox.cgroup import PidsCgroup, pids_cgroup_parent
from rlvr.verifiers.sandbox.runner import classify, killpg, supervise

logger = logging.getLogger("rlvr.sandbox")

Mode = Literal["auto", "userns", "root"]
_SANDBOX_UID = 65534
_ROOT_UID_BASE, _ROOT_UID_SPAN = 1_500_000_000, 500_000_000
_MS_NOSUID, _MS_NODEV, _MNT_DETACH = 2, 4, 2
_DIR_PREFIX = "rlvr-bwrap-"
_ETC_FILES = ("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives",
              "/etc/localtime")
_TOP_DIRS = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
#: Default interpreter flags: -E ignores PYTHON* variables, -s the user site,
#: -B writes no bytecode (-E makes PYTHONDONTWRITEBYTECODE moot, and a stale
#: ``__pycache__`` would hide an edit of the same size made in the same second).
#: Not -I, whose -P would drop the script's directory from sys.path and break
#: ``python3 main.py`` importing its sibling modules; the isolation -I is
#: meant for (no site-packages, no user site, no PYTHON* env) holds anyway.
DEFAULT_PYTHON_FLAGS = ("-E", "-s", "-B")


def base_interpreter() -> str:
    """The host's base interpreter (not a venv's), resolved."""
    exe = getattr(sys, "_base_executable", None) or sys.executable
    return os.path.realpath(exe)


@functools.lru_cache(maxsize=1)
def site_dirs() -> tuple[str, ...]:
    """Every site-packages directory the base interpreter would put on sys.path, in order."""
    dirs: list[str] = []
    prefixes = [sys.base_prefix, sys.base_exec_prefix]
    candidates = list(site.getsitepackages(prefixes))
    for scheme_var in ("purelib", "platlib"):
        try:
            candidates.append(sysconfig.get_paths(vars={"base": sys.base_prefix,
                                                        "platbase": sys.base_exec_prefix})[scheme_var])
        except KeyError:  # pragma: no cover
            pass
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    candidates += [f"/usr/lib/python3/dist-packages", f"/usr/local/lib/{version}/dist-packages",
                   f"/usr/local/lib/{version}/site-packages", f"/usr/lib/{version}/site-packages",
                   f"/usr/lib/{version}/dist-packages"]
    for path in candidates:
        real = os.path.realpath(path)
        if os.path.isdir(real) and real not in dirs:
            dirs.append(real)
    return tuple(dirs)


def _under(path: str, roots: Sequence[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip("/") + "/") for r in roots)


@functools.lru_cache(maxsize=None)
def _package_binds(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``(host path, name in site-packages)`` for each distribution and its dependencies."""
    from importlib import metadata

    try:
        from packaging.requirements import Requirement
    except ImportError:  # pragma: no cover - packaging is almost always there
        Requirement = None  # type: ignore[assignment]
    seen: set[str] = set()
    binds: dict[str, str] = {}
    todo = list(names)
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        seen.add(key)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            if name in names:
                raise ConfigError(f"python_packages: {name!r} is not installed in this environment; "
                                  f"pip install {name}") from None
            continue
        for req in dist.requires or ():
            if Requirement is not None:
                parsed = Requirement(req)
                if parsed.marker is not None and not parsed.marker.evaluate({"extra": ""}):
                    continue
                todo.append(parsed.name)
            elif "extra ==" not in req:
                todo.append(re.split(r"[\s;<>=!~\[(]", req, maxsplit=1)[0])
        for file in dist.files or ():
            top = file.parts[0] if file.parts else ""
            if not top or top in ("..", "__pycache__") or top.endswith(".pth"):
                continue
            host = os.path.realpath(str(dist.locate_file(top)))
            if os.path.exists(host):
                binds.setdefault(top, host)
    return tuple((host, top) for top, host in sorted(binds.items()))


@dataclass(frozen=True)
class _Layout:
    """The read-only view of the host, computed once per configuration."""

    python: str
    ro_binds: tuple[str, ...]
    symlinks: tuple[tuple[str, str], ...]
    masks: tuple[str, ...]
    package_binds: tuple[tuple[str, str], ...] = ()
    package_dir: str | None = None
    args: tuple[str, ...] = field(default=())


def _make_layout(python: str | None, python_packages: tuple[str, ...],
                 extra_ro_binds: tuple[str, ...]) -> _Layout:
    python = os.path.realpath(python or base_interpreter())
    if not os.access(python, os.X_OK):
        raise SandboxUnavailable(f"the interpreter {python} is not executable")
    ro: list[str] = ["/usr"]
    links: list[tuple[str, str]] = []
    for top in _TOP_DIRS:
        if os.path.islink(top):
            links.append((os.readlink(top), top))
        elif os.path.isdir(top):
            ro.append(top)
    for prefix in (sys.base_prefix, sys.base_exec_prefix, os.path.dirname(os.path.dirname(python))):
        real = os.path.realpath(prefix)
        if os.path.isdir(real) and not _under(real, ro) and real != "/":
            ro.append(real)
    for extra in extra_ro_binds:
        real = os.path.realpath(extra)
        if not os.path.exists(real):
            raise ConfigError(f"extra_ro_binds: {extra!r} does not exist")
        if not _under(real, ro):
            ro.append(real)
    masks = tuple(d for d in site_dirs() if _under(d, ro))
    binds = _package_binds(python_packages) if python_packages else ()
    package_dir = masks[0] if masks else None
    if binds and package_dir is None:  # pragma: no cover - exotic interpreter layouts
        raise SandboxUnavailable("python_packages: the interpreter has no site-packages directory "
                                 "to expose them in")
    args: list[str] = []
    made: set[str] = set()
    targets = ro + [p for p in _ETC_FILES if os.path.exists(p)]
    for path in targets:  # world-searchable parents: bwrap would create them 0700
        parent = os.path.dirname(path)
        chain = []
        while parent not in ("/", "") and not _under(parent, ro) and parent not in made:
            chain.append(parent)
            parent = os.path.dirname(parent)
        for directory in reversed(chain):
            args += ["--perms", "0755", "--dir", directory]
            made.add(directory)
    for path in ro:
        args += ["--ro-bind", path, path]
    for target, path in links:
        args += ["--symlink", target, path]
    for path in _ETC_FILES:
        args += ["--ro-bind-try", path, path]
    for path in masks:
        args += ["--tmpfs", path]
        if path == package_dir:
            for host, name in binds:
                args += ["--ro-bind", host, f"{path}/{name}"]
        args += ["--remount-ro", path]
    return _Layout(python, tuple(ro), tuple(links), masks, binds, package_dir, tuple(args))


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _clamp_rlimit(res: int, value: int) -> int:
    soft, hard = resource.getrlimit(res)
    return value if hard == resource.RLIM_INFINITY else min(value, hard)


class _Workdir:
    """A host directory bound at /work: a size-bounded tmpfs when root, else a plain directory."""

    def __init__(self, uid: int | None, disk_mb: int) -> None:
        self.uid = uid
        # A private (0700) parent keeps other host users out; the workdir itself
        # must be searchable by bwrap's capability-less root inside (0755).
        self.parent = tempfile.mkdtemp(prefix=f"{_DIR_PREFIX}{os.getpid()}-",
                                       dir=_workdir_base(uid is not None))
        self.path = os.path.join(self.parent, "w")
        os.mkdir(self.path, 0o755)
        self.mounted = False
        if uid is not None:
            opts = f"size={int(disk_mb)}m,mode=0755,uid={uid},gid={uid}".encode()
            libc = _libc()
            if libc.mount(b"tmpfs", self.path.encode(), b"tmpfs", _MS_NOSUID | _MS_NODEV, opts) == 0:
                self.mounted = True
            else:  # pragma: no cover - root without CAP_SYS_ADMIN; the probe would have failed
                os.chown(self.path, uid, uid)

    def remove(self) -> None:
        if self.mounted:
            _libc().umount2(self.path.encode(), _MNT_DETACH)
            self.mounted = False
        fileops.remove_tree(self.parent)


@functools.lru_cache(maxsize=2)
def _workdir_base(mounted: bool) -> str | None:
    """Where workdirs live on the host.

    A workdir that gets its own tmpfs only needs an empty mountpoint, best on
    a tmpfs (``/dev/shm``) where creating and removing directories costs
    microseconds instead of the milliseconds a journaled disk may take. A
    plain workdir holds the program's files: keep it on disk (the temp dir).
    """
    if mounted and os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK | os.X_OK):
        return "/dev/shm"
    return None


def _cleanup_stale_workdirs() -> None:
    """Unmount and remove workdirs left by bwrap parents that died (root mode only)."""
    tmp = _workdir_base(True) or tempfile.gettempdir()
    pattern = re.compile(re.escape(os.path.join(tmp, _DIR_PREFIX)) + r"(\d+)-[^/]+/w$")
    try:
        with open("/proc/self/mountinfo") as fh:
            mounts = [line.split()[4] for line in fh]
    except OSError:
        return
    for mount in mounts:
        m = pattern.match(mount)
        if m and not os.path.exists(f"/proc/{m.group(1)}"):
            _libc().umount2(mount.encode(), _MNT_DETACH)
            fileops.remove_tree(os.path.dirname(mount))


_probe_lock = threading.Lock()
_probe_cache: dict[tuple, str] = {}


class BwrapSandbox:
    """Runs each program in fresh bubblewrap namespaces. See the module docstring.

    Args:
        mode: ``"auto"`` (``"root"`` for root callers, else ``"userns"``),
            ``"userns"`` or ``"root"``.
        python: Interpreter that ``argv[0] == "python3"`` means (default: the
            host's base interpreter, not the venv's).
        python_flags: Flags put after it (default ``-E -s -B``).
        python_packages: Installed distributions (with their dependencies)
            to expose read-only in the masked site-packages, e.g.
            ``("pytest",)`` for SWE workspaces. Never expose ``rlvr``.
        extra_ro_binds: More host paths to show read-only at the same path.
        bwrap: Path of the bwrap binary.
        pool: Start runs from warm workers (:mod:`rlvr.verifiers.sandbox.pool`):
            each :meth:`run` (without ``collect``) gets a fresh sandbox forked
            from a long-lived bwrap worker instead of a new bwrap, and the code
            verifier forks its submissions from workers with the harness
            preloaded. Where workers cannot start (user-namespace mode as root),
            runs start their own bwrap, as with ``pool=False``.
    """

    name = "bwrap"
    isolates = True

    def __init__(self, *, mode: Mode = "auto", python: str | None = None,
                 python_flags: Sequence[str] = DEFAULT_PYTHON_FLAGS,
                 python_packages: Sequence[str] = (), extra_ro_binds: Sequence[str] = (),
                 bwrap: str | None = None, pool: bool = True) -> None:
        if mode not in ("auto", "userns", "root"):
            raise ConfigError(f"bwrap mode must be 'auto', 'userns' or 'root', got {mode!r}")
        self.bwrap = bwrap or shutil.which("bwrap") or ""
        if not self.bwrap or not os.access(self.bwrap, os.X_OK):
            raise SandboxUnavailable("bubblewrap (bwrap) is not installed. Fix: apt-get install "
                                     "bubblewrap (Fedora: dnf install bubblewrap)")
        self.prlimit = shutil.which("prlimit", path="/usr/bin:/bin") or ""
        self.setpriv = shutil.which("setpriv", path="/usr/bin:/bin") or ""
        if not self.prlimit:
            raise SandboxUnavailable("util-linux's prlimit is missing. Fix: apt-get install util-linux")
        if "rlvr" in {re.sub(r"[-_.]+", "-", p).lower() for p in python_packages}:
            raise ConfigError("python_packages must never include rlvr (its hidden test data would "
                              "become readable by the program)")
        self.python_flags = tuple(python_flags)
        self.pool = bool(pool)
        self._pools: tuple[int, dict[tuple, Any]] = (os.getpid(), {})  # this process's warm pools by program
        self._pools_lock = threading.Lock()
        self.layout = _make_layout(python, tuple(python_packages), tuple(extra_ro_binds))
        self.is_root = os.geteuid() == 0
        self.cgroup_ok = False
        self.mode = self._choose_mode(mode)
        self.description = (f"bwrap {self.mode} mode, python {self.layout.python}"
                            + (", pids cgroup" if self.cgroup_ok else ""))

    # ----------------------------------------------------------------- setup
    def _choose_mode(self, mode: Mode) -> str:
        wanted = [mode] if mode != "auto" else (["root", "userns"] if self.is_root else ["userns"])
        errors = []
        for candidate in wanted:
            if candidate == "root" and not self.is_root:
                errors.append("mode 'root' needs the caller to be root")
                continue
            if candidate == "root" and not self.setpriv:
                errors.append("mode 'root' needs util-linux's setpriv")
                continue
            if candidate == "userns" and self.is_root:
                self.cgroup_ok = pids_cgroup_parent() is not None
            problem = self._probe(candidate)
            if problem is None:
                if candidate == "userns" and self.is_root and not self.cgroup_ok:
                    logger.warning("bwrap runs in user-namespace mode as root without a writable pids "
                                   "cgroup: RLIMIT_NPROC does not apply to root, so fork bombs are NOT "
                                   "contained. Run as a normal user or make /sys/fs/cgroup writable.")
                if candidate == "root":
                    _cleanup_stale_workdirs()
                return candidate
            errors.append(f"{candidate} mode: {problem}")
        raise SandboxUnavailable("bubblewrap is installed but cannot create a sandbox here: "
                                 + "; ".join(errors) + ". " + _userns_hint())

    def _probe(self, mode: str) -> str | None:
        key = (self.bwrap, mode, self.layout.args, self.layout.python)
        with _probe_lock:
            if key in _probe_cache:
                return _probe_cache[key] or None
            self.mode = mode
            result = self.run_fresh(["python3", "-c", "import sys; print(sys.version_info[0])"],
                                    limits=Limits(wall_s=30, cpu_s=10))
            problem = ""
            if result.status != "ok" or result.exit_code != 0 or result.stdout.strip() != b"3":
                problem = (result.detail + " " + result.stderr.decode("utf-8", "replace").strip()[-500:]
                           ).strip() or f"probe exited with status {result.status}"
            _probe_cache[key] = problem
            return problem or None

    def _argv(self, workdir: str, uid: int | None, argv: list[str], limits: Limits,
              info_fd: int) -> list[str]:
        args = [self.bwrap, "--die-with-parent", "--new-session", "--unshare-pid", "--unshare-net",
                "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try", "--hostname", "sandbox"]
        if self.mode == "userns":
            args += ["--unshare-user", "--uid", str(_SANDBOX_UID), "--gid", str(_SANDBOX_UID),
                     "--disable-userns"]
        else:
            args += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
        disk = str(int(limits.disk_mb) << 20)
        args += list(self.layout.args)
        args += ["--proc", "/proc", "--dev", "/dev",
                 "--perms", "1777", "--size", str(16 << 20), "--tmpfs", "/dev/shm",
                 "--perms", "1777", "--size", disk, "--tmpfs", "/tmp", "--bind", workdir, SANDBOX_WORKDIR,
                 "--remount-ro", "/", "--chdir", SANDBOX_WORKDIR, "--info-fd", str(info_fd), "--"]
        args += self._rlimit_argv(limits)
        if self.mode == "root":
            args += [self.setpriv, f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
                     "--no-new-privs", "--"]
        return args + self._resolve(argv)

    def _pool_argv(self, command: list[str]) -> list[str]:
        """bwrap around a warm pool's zygote (:mod:`rlvr.verifiers.sandbox.pool`).

        Same read-only view as :meth:`_argv`, but no workdir, ``/tmp`` or
        limits: each run forked from the zygote mounts its own and drops
        privileges itself. Root mode keeps the few capabilities the zygote
        needs for that (never passed on to a run); user-namespace mode keeps
        every capability *of its own user namespace* only.
        """
        from rlvr.verifiers.sandbox.pool import ROOT_CAPS

        args = [self.bwrap, "--new-session", "--unshare-pid", "--unshare-net", "--unshare-ipc",
                "--unshare-uts", "--unshare-cgroup-try", "--hostname", "sandbox"]
        if self.mode == "userns":
            args += ["--unshare-user", "--uid", "0", "--gid", "0", "--cap-add", "ALL"]
        else:
            args += ["--cap-drop", "ALL"]
            for cap in ROOT_CAPS:
                args += ["--cap-add", cap]
        args += list(self.layout.args)
        args += ["--proc", "/proc", "--dev", "/dev", "--dir", "/dev/shm", "--dir", "/tmp",
                 "--dir", SANDBOX_WORKDIR, "--remount-ro", "/", "--chdir", "/", "--"]
        return args + list(command)

    def _rlimit_argv(self, limits: Limits) -> list[str]:
        cpu = max(1, math.ceil(limits.cpu_s))
        mem = _clamp_rlimit(resource.RLIMIT_AS, int(limits.memory_mb) << 20)
        nproc = _clamp_rlimit(resource.RLIMIT_NPROC, int(limits.max_procs))
        fsize = _clamp_rlimit(resource.RLIMIT_FSIZE, int(limits.file_size_mb) << 20)
        nofile = _clamp_rlimit(resource.RLIMIT_NOFILE, int(limits.open_files))
        return [self.prlimit, f"--cpu={cpu}:{cpu + 1}", f"--as={mem}", f"--nproc={nproc}",
                f"--fsize={fsize}", f"--nofile={nofile}", "--core=0", "--"]

    def _resolve(self, argv: list[str]) -> list[str]:
        head, rest = argv[0], argv[1:]
        if head in PYTHON_NAMES:
            return [self.layout.python, *self.python_flags, *rest]
        if head == "pytest":
            return [self.layout.python, *self.python_flags, "-m", "pytest", *rest]
        return argv

    # ------------------------------------------------------------------- run
    def run(self, argv: Sequence[str], *, files: dict[str, bytes | str] | None = None,
            stdin: bytes | str = b"", limits: Limits = Limits(), collect: Sequence[str] = (),
            env: dict[str, str] | None = None) -> RunResult:
        pool = self.exec_pool() if not collect else None
        if pool is not None:
            return pool.run(argv, files=files, stdin=stdin, limits=limits, env=env)
        return self.run_fresh(argv, files=files, stdin=stdin, limits=limits, collect=collect, env=env)

    def __getstate__(self) -> dict[str, Any]:
        """Copies and pickles carry the configuration; the live pools stay with the original."""
        state = dict(self.__dict__)
        state["_pools"], state["_pools_lock"] = (os.getpid(), {}), None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._pools_lock = threading.Lock()

    def exec_pool(self) -> Any:
        """The warm pool :meth:`run` uses, or ``None`` without one (see :meth:`warm_pool`)."""
        return self.warm_pool(max_workers=max(8, 4 * (os.cpu_count() or 1)))

    def warm_pool(self, program: str | None = None, preload: Sequence[str] = (),
                  max_workers: int | None = None) -> Any:
        """This sandbox's :class:`~rlvr.verifiers.sandbox.pool.BwrapPool` running ``program``.

        One per program and preload list, started on first use in this
        process (a forked child starts its own: the parent's workers are not
        its). ``None`` when built with ``pool=False`` or when workers cannot
        start here (then every run starts its own bwrap; a warning says why).
        ``program=None`` is the pool that ``exec``-s commands.
        """
        if not self.pool:
            return None
        key = (program, tuple(preload))
        pid, pools = self._pools
        if pid == os.getpid() and key in pools:
            return pools[key]
        with self._pools_lock:
            if self._pools[0] != os.getpid():
                self._pools = (os.getpid(), {})
            pools = self._pools[1]
            if key not in pools:
                from rlvr.verifiers.sandbox.pool import BwrapPool

                options = {"program": program} if program is not None else {}
                try:
                    pools[key] = BwrapPool(self, preload=preload, max_workers=max_workers, **options)
                except SandboxUnavailable as exc:
                    logger.warning("bwrap: no warm pool (%s); every run starts its own bwrap", exc)
                    pools[key] = None
            return pools[key]

    def run_fresh(self, argv: Sequence[str], *, files: dict[str, bytes | str] | None = None,
                  stdin: bytes | str = b"", limits: Limits = Limits(), collect: Sequence[str] = (),
                  env: dict[str, str] | None = None) -> RunResult:
        """:meth:`run` in a bwrap started for this run alone (no warm pool)."""
        argv = check_argv(argv)
        data = as_bytes(stdin)
        run_env = base_env(SANDBOX_WORKDIR, env)
        uid = self._new_uid()
        try:
            workdir = _Workdir(uid, limits.disk_mb)
        except OSError as exc:
            return RunResult.error(f"could not create the workdir: {exc}")
        try:
            fileops.write_tree(workdir.path, files, uid)
            return self._run_in(workdir.path, uid, argv, data, limits, run_env, collect)
        finally:
            workdir.remove()

    def session(self, files: dict[str, bytes | str] | None = None,
                limits: Limits = Limits()) -> BwrapSession:
        return BwrapSession(self, files, limits)

    def _new_uid(self) -> int | None:
        if self.mode != "root":
            return None
        return _ROOT_UID_BASE + secrets.randbelow(_ROOT_UID_SPAN)

    def _run_in(self, workdir: str, uid: int | None, argv: list[str], stdin: bytes, limits: Limits,
                env: dict[str, str], collect: Sequence[str]) -> RunResult:
        info_r, info_w = os.pipe2(os.O_CLOEXEC)
        info = bytearray()
        state: dict[str, object] = {}
        cgroup: PidsCgroup | None = None
        if self.mode == "userns" and self.is_root and self.cgroup_ok:
            try:
                cgroup = PidsCgroup(limits.max_procs + 1)
            except OSError as exc:
                os.close(info_r)
                os.close(info_w)
                return RunResult.error(f"could not create a pids cgroup: {exc}")

        def on_start(proc: subprocess.Popen) -> None:
            os.close(info_w)
            state["closed_w"] = True

        def child_pid() -> int | None:
            if "pid" not in state and info:
                match = re.search(rb'"child-pid"\s*:\s*(\d+)', bytes(info))
                if match:
                    state["pid"] = int(match.group(1))
            return state.get("pid")  # type: ignore[return-value]

        def kill(proc: subprocess.Popen) -> None:
            pid = child_pid()
            if pid is not None and proc.poll() is None:
                try:  # the namespace's init: the kernel then kills everything inside
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:  # pragma: no cover
                    pass
            killpg(proc)
            if cgroup is not None:
                cgroup.kill_all()

        try:
            obs = supervise(self._argv(workdir, uid, argv, limits, info_w), env=env, cwd="/",
                            stdin=stdin, limits=limits, kill=kill, pass_fds=(info_w,),
                            preexec_fn=cgroup.join_current if cgroup else None,
                            on_start=on_start, extra_reader=(info_r, info.extend))
        finally:
            if not state.get("closed_w"):
                os.close(info_w)
            os.close(info_r)
            if cgroup is not None:
                cgroup.remove()
        if obs.spawn_error is None and child_pid() is None:
            # bwrap failed before the sandbox existed: infrastructure, not the program.
            obs.spawn_error = ("bwrap could not set up the sandbox: "
                               + obs.stderr.decode("utf-8", "replace").strip()[-500:])
        files = fileops.read_tree(workdir, collect, int(limits.file_size_mb) << 20) if collect else {}
        return classify(obs, limits, signal_in_exit_code=True, files=files)


class BwrapSession(Session):
    """A persistent workdir; each :meth:`run` is a fresh sandbox over it."""

    name = "bwrap"

    def __init__(self, sandbox: BwrapSandbox, files: dict[str, bytes | str] | None,
                 limits: Limits) -> None:
        super().__init__(limits)
        self.sandbox = sandbox
        self.uid = sandbox._new_uid()
        self._workdir = _Workdir(self.uid, limits.disk_mb)
        self._lock = threading.Lock()
        self._finalizer = weakref.finalize(self, self._workdir.remove)
        try:
            fileops.write_tree(self._workdir.path, files, self.uid)
        except BaseException:
            self.close()
            raise

    @property
    def host_path(self) -> str:
        """Where the workdir lives on the host (for diagnostics; do not hand it to the program)."""
        return self._workdir.path

    def run(self, argv: Sequence[str], *, stdin: bytes | str = b"", limits: Limits | None = None,
            env: dict[str, str] | None = None, collect: Sequence[str] = ()) -> RunResult:
        self._check_open()
        limits = limits or self.limits
        with self._lock:
            return self.sandbox._run_in(self._workdir.path, self.uid, check_argv(argv),
                                        as_bytes(stdin), limits, base_env(SANDBOX_WORKDIR, env),
                                        collect)

    def write_files(self, files: dict[str, bytes | str]) -> None:
        self._check_open()
        fileops.write_tree(self._workdir.path, files, self.uid)

    def read_files(self, paths: Sequence[str]) -> dict[str, bytes]:
        self._check_open()
        return fileops.read_tree(self._workdir.path, paths, int(self.limits.file_size_mb) << 20)

    def list_files(self) -> list[str]:
        self._check_open()
        return fileops.list_tree(self._workdir.path)

    def delete_files(self, paths: Sequence[str]) -> None:
        self._check_open()
        fileops.delete_tree(self._workdir.path, paths)


def _read_int(path: str) -> int | None:
    try:
        with open(path) as fh:
            return int(fh.read().strip())
    except (OSError, ValueError):
        return None


def _userns_hint() -> str:
    """Why unprivileged user namespaces may be off, and the fix."""
    if _read_int("/proc/sys/kernel/unprivileged_userns_clone") == 0:
        return "Unprivileged user namespaces are disabled. Fix: sysctl -w kernel.unprivileged_userns_clone=1"
    if _read_int("/proc/sys/user/max_user_namespaces") == 0:
        return "User namespaces are disabled. Fix: sysctl -w user.max_user_namespaces=15000"
    if _read_int("/proc/sys/kernel/apparmor_restrict_unprivileged_userns") == 1:
        return ("AppArmor restricts unprivileged user namespaces (Ubuntu 23.10+). Fix: sysctl -w "
                "kernel.apparmor_restrict_unprivileged_userns=0, or install an AppArmor profile for bwrap")
    if os.path.exists("/.dockerenv"):
        return ("This looks like a container without the privileges bwrap needs; run it with "
                "--privileged (or --security-opt seccomp=unconfined --cap-add SYS_ADMIN), or use "
                "the docker backend against the host's engine")
    return "Check `bwrap --unshare-all --ro-bind / / true` by hand for the kernel's reason."
