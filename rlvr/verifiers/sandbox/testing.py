"""Helpers for testing sandboxes: backends by name, and proof that a run left nothing behind.

Used by rlvr's own tests (``tests/verifiers/sandbox``, ``tests/adversarial``)
and handy for checking a machine by hand. Every run in a test carries a
unique token in its environment; after the run, :func:`leftovers` looks for
any host process whose environment still holds it (daemons that called
``setsid`` included), and for workdirs, mounts, pids cgroups, containers and
volumes created by this process.
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
import time
from dataclasses import dataclass, field

#: Backend names for tests: ``bwrap`` as users get it (runs forked from warm
#: workers, :mod:`rlvr.verifiers.sandbox.pool`), ``bwrap-fresh`` starting one
#: bwrap per run (``pool=False``), ``bwrap-userns`` forced into user-namespace
#: mode (as root: no pool, a bwrap per run), ``docker`` and ``process``.
TEST_BACKENDS = ("bwrap", "bwrap-fresh", "bwrap-userns", "docker", "process")


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


_built: dict[str, tuple] = {}


def _build(kind: str):
    if kind not in _built:
        _built[kind] = _construct(kind)
    return _built[kind]


def _construct(kind: str):
    from rlvr.verifiers.sandbox import SandboxUnavailable

    try:
        if kind == "bwrap":
            from rlvr.verifiers.sandbox.bwrap import BwrapSandbox
            return BwrapSandbox(), None
        if kind == "bwrap-fresh":
            from rlvr.verifiers.sandbox.bwrap import BwrapSandbox
            return BwrapSandbox(pool=False), None
        if kind == "bwrap-userns":
            from rlvr.verifiers.sandbox.bwrap import BwrapSandbox
            return BwrapSandbox(mode="userns"), None
        if kind == "docker":
            from rlvr.verifiers.sandbox.docker import DockerSandbox
            return DockerSandbox(), None
        if kind == "process":
            from rlvr.verifiers.sandbox.process import ProcessSandbox
            return ProcessSandbox(quiet=True), None
    except (SandboxUnavailable, ImportError) as exc:
        return None, f"{kind} sandbox unavailable: {exc}"
    raise ValueError(f"unknown test backend {kind!r}")


def backend_or_skip(kind: str):
    """The backend, or skip the test; in CI (``$CI`` set) a missing backend fails instead."""
    import pytest

    sandbox, reason = _build(kind)
    if sandbox is None:
        if in_ci():
            pytest.fail(f"CI is set, so a missing sandbox component is an error: {reason}")
        pytest.skip(reason)
    return sandbox


def new_token() -> str:
    return "rlvrtok" + secrets.token_hex(8)


#: The most processes :data:`FORK_BOMB` can ever make (a binary tree of depth 8).
FORK_BOMB_CEILING = 511

#: A fork bomb with a safety ceiling. Every process retries ``fork`` forever
#: while the limit refuses it (so a contained run ends by the clock), but the
#: tree can never exceed :data:`FORK_BOMB_CEILING` processes even if nothing
#: contains it: a broken sandbox then fails the test instead of taking the
#: machine down.
FORK_BOMB = """
import os
made, depth = 0, 0
while True:
    if made < 2 and depth < 8:
        try:
            pid = os.fork()
        except OSError:
            continue
        if pid == 0:
            made, depth = 0, depth + 1
        else:
            made += 1
"""


def fork_containment_gap(sandbox) -> str | None:
    """Why this backend cannot bound the number of processes here, or ``None`` if it can.

    Root ignores ``RLIMIT_NPROC``: the ``process`` backend and bwrap's
    user-namespace mode need a pids cgroup when the caller is root. Tests
    skip fork bombs where this returns a reason (a documented limit, not a
    missing component), so a bomb never runs where it is known to be loose.
    """
    root = os.geteuid() == 0
    if sandbox.name == "process" and root and not sandbox.use_cgroup:
        return "the process backend as root without a writable pids cgroup does not bound processes"
    if sandbox.name == "bwrap" and sandbox.mode == "userns" and root and not sandbox.cgroup_ok:
        return "bwrap user-namespace mode as root without a pids cgroup does not bound processes"
    return None


def daemon_containment_gap(sandbox) -> str | None:
    """Why this backend cannot kill ``setsid`` daemons here, or ``None`` if it can."""
    if sandbox.name == "process" and not sandbox.use_cgroup:
        return "the process backend without a pids cgroup cannot find daemons that left its process group"
    return fork_containment_gap(sandbox)


@dataclass
class Leftovers:
    processes: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    mounts: list[str] = field(default_factory=list)
    cgroups: list[str] = field(default_factory=list)
    docker: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.processes or self.paths or self.mounts or self.cgroups or self.docker)


def processes_with(token: str) -> list[str]:
    """``pid cmdline`` of live host processes whose environment or command line holds ``token``."""
    needle = token.encode()
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        try:
            with open(f"/proc/{name}/environ", "rb") as fh:
                env = fh.read()
            with open(f"/proc/{name}/cmdline", "rb") as fh:
                cmd = fh.read()
            with open(f"/proc/{name}/stat", "rb") as fh:
                state = fh.read().rsplit(b")", 1)[-1].split()[0]
        except OSError:
            continue
        if state in (b"Z", b"X"):  # already dead, waiting to be reaped
            continue
        if needle in env or needle in cmd:
            command = cmd.replace(b"\0", b" ").decode(errors="replace")[:120]
            found.append(f"{name} {command}")
    return found


def own_artifacts() -> Leftovers:
    """Workdirs, mounts, pids cgroups, containers and volumes made by this process."""
    pid = os.getpid()
    out = Leftovers()
    bases = {tempfile.gettempdir(), "/dev/shm"}
    for base in bases:
        try:
            names = os.listdir(base)
        except OSError:
            continue
        out.paths += [os.path.join(base, n) for n in names
                      if re.match(rf"rlvr-(bwrap|proc)-{pid}-", n)]
    try:
        with open("/proc/self/mountinfo") as fh:
            out.mounts = [line.split()[4] for line in fh if f"rlvr-bwrap-{pid}-" in line]
    except OSError:
        pass
    for parent in ("/sys/fs/cgroup/pids", "/sys/fs/cgroup"):
        try:
            out.cgroups += [os.path.join(parent, n) for n in os.listdir(parent)
                            if n.startswith(f"rlvr-{pid}-")]
        except OSError:
            pass
    out.docker = _docker_artifacts(pid)
    return out


def _docker_artifacts(pid: int) -> list[str]:
    from rlvr.verifiers.sandbox.docker import LABEL

    sandbox = _built.get("docker", (None,))[0]
    if sandbox is None:
        return []
    found = []
    try:
        for c in sandbox.client.containers.list(all=True, filters={"label": f"{LABEL}.pid={pid}"}):
            found.append(f"container {c.name}")
        for v in sandbox.client.volumes.list(filters={"label": f"{LABEL}.pid={pid}"}):
            found.append(f"volume {v.name}")
    except Exception:  # pragma: no cover
        pass
    return found


def leftovers(token: str, wait_s: float = 5.0) -> Leftovers:
    """What a finished run left behind; waits up to ``wait_s`` for things still dying."""
    deadline = time.monotonic() + wait_s
    while True:
        found = own_artifacts()
        found.processes = processes_with(token)
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)
