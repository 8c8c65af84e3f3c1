"""A per-run pids cgroup, for the cases where RLIMIT_NPROC cannot hold.

The kernel never applies ``RLIMIT_NPROC`` to processes whose real uid is
host root (even inside a user namespace that maps them to another uid), so a
fork bomb started by a root caller through the ``process`` backend, or through
bwrap's user-namespace mode, would take the machine down. A pids cgroup bounds
the number of tasks whatever the uid, and lets the parent find and kill every
task of the run, including ones that called ``setsid``. Creating one needs
write access to the cgroup filesystem (root on a normal machine).
"""

from __future__ import annotations

import functools
import os
import signal
import time
import uuid

_V1_PIDS = "/sys/fs/cgroup/pids"
_V2_ROOT = "/sys/fs/cgroup"


@functools.lru_cache(maxsize=1)
def pids_cgroup_parent() -> str | None:
    """A directory under which this process may create pids cgroups, or ``None``."""
    candidates = []
    if os.path.isfile(os.path.join(_V1_PIDS, "cgroup.procs")):
        candidates.append(_V1_PIDS)
    controllers = os.path.join(_V2_ROOT, "cgroup.controllers")
    if os.path.isfile(controllers):
        try:
            with open(os.path.join(_V2_ROOT, "cgroup.subtree_control")) as fh:
                if "pids" in fh.read().split():
                    candidates.append(_V2_ROOT)
        except OSError:
            pass
    for parent in candidates:
        probe = os.path.join(parent, f"rlvr-probe-{os.getpid()}-{uuid.uuid4().hex[:8]}")
        try:
            os.mkdir(probe)
        except OSError:
            continue
        try:
            if os.path.isfile(os.path.join(probe, "pids.max")):
                return parent
        finally:
            try:
                os.rmdir(probe)
            except OSError:
                pass
    return None


class PidsCgroup:
    """One run's pids cgroup: create, let the child join, kill all, remove.

    The child joins itself with :meth:`join_current` (a ``preexec_fn``), before
    it executes anything untrusted, so no task can be born outside it.
    """

    def __init__(self, max_pids: int) -> None:
        parent = pids_cgroup_parent()
        if parent is None:
            raise OSError("no writable pids cgroup hierarchy")
        self.path = os.path.join(parent, f"rlvr-{os.getpid()}-{uuid.uuid4().hex[:12]}")
        os.mkdir(self.path)
        try:
            with open(os.path.join(self.path, "pids.max"), "w") as fh:
                fh.write(str(int(max_pids)))
            self._procs_fd = os.open(os.path.join(self.path, "cgroup.procs"), os.O_WRONLY | os.O_CLOEXEC)
        except BaseException:
            os.rmdir(self.path)
            raise

    def join_current(self) -> None:
        """Move the calling process into the cgroup (async-signal-safe enough for preexec_fn)."""
        os.write(self._procs_fd, str(os.getpid()).encode())

    def pids(self) -> list[int]:
        try:
            with open(os.path.join(self.path, "cgroup.procs")) as fh:
                return [int(line) for line in fh.read().split()]
        except (OSError, ValueError):
            return []

    def kill_all(self, timeout_s: float = 5.0) -> None:
        """SIGKILL every task until the cgroup is empty (new forks are bounded by pids.max)."""
        kill_file = os.path.join(self.path, "cgroup.kill")
        if os.path.exists(kill_file):  # cgroup v2, Linux 5.14+
            try:
                with open(kill_file, "w") as fh:
                    fh.write("1")
            except OSError:
                pass
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            pids = self.pids()
            if not pids:
                return
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.002)

    def remove(self) -> None:
        """Kill what is left and delete the cgroup. Idempotent."""
        if self._procs_fd is not None:
            os.close(self._procs_fd)
            self._procs_fd = None
        self.kill_all()
        deadline = time.monotonic() + 5.0
        while True:
            try:
                os.rmdir(self.path)
                return
            except FileNotFoundError:
                return
            except OSError:  # busy: tasks still exiting
                if time.monotonic() > deadline:
                    return
                self.kill_all(0.05)
                time.sleep(0.005)
