"""``rlvr doctor``: which sandbox backends work on this machine, and why not the others."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field


@dataclass
class BackendReport:
    name: str
    works: bool
    isolates: bool
    summary: str
    notes: list[str] = field(default_factory=list)


def _check_bwrap() -> BackendReport:
    from rlvr.verifiers.sandbox import SandboxUnavailable
    from rlvr.verifiers.sandbox.bwrap import BwrapSandbox

    try:
        sandbox = BwrapSandbox()
    except SandboxUnavailable as exc:
        return BackendReport("bwrap", False, True, str(exc))
    notes = [f"interpreter: {sandbox.layout.python} (site-packages masked: "
             f"{', '.join(sandbox.layout.masks) or 'none found'})"]
    result = sandbox.run(["python3", "-c", "pass"])
    if result.status != "ok":
        notes.append(f"warning: a trivial run ended with status {result.status}: {result.detail}")
    if sandbox.mode == "root":
        notes.append("root caller: programs run as a fresh unprivileged uid (RLIMIT_NPROC holds), "
                     "workdir is a size-bounded tmpfs")
    elif sandbox.is_root and not sandbox.cgroup_ok:
        notes.append("WARNING: root in user-namespace mode without a pids cgroup: fork bombs are not "
                     "contained")
    else:
        notes.append("workdir is a host directory: disk use is bounded per file (RLIMIT_FSIZE), not "
                     "in total")
    return BackendReport("bwrap", True, True, sandbox.description, notes)


def _check_docker() -> BackendReport:
    from rlvr.verifiers.sandbox import SandboxUnavailable

    try:
        from rlvr.verifiers.sandbox.docker import DockerSandbox
        sandbox = DockerSandbox()
    except (SandboxUnavailable, ImportError) as exc:
        return BackendReport("docker", False, True, str(exc))
    result = sandbox.run(["python3", "-c", "print(1)"])
    notes = [f"prlimit in image: {'yes' if sandbox.has_prlimit else 'no (container ulimits only)'}",
             f"a trivial run: status {result.status} in {result.wall_s:.2f} s"]
    return BackendReport("docker", result.status == "ok", True, sandbox.description, notes)


def _check_process() -> BackendReport:
    from rlvr.verifiers.sandbox.process import ProcessSandbox

    sandbox = ProcessSandbox(quiet=True)
    notes = ["does NOT isolate: only for machines without bwrap or docker"]
    if os.geteuid() == 0 and not sandbox.use_cgroup:
        notes.append("WARNING: root without a pids cgroup: fork bombs and setsid daemons are not contained")
    return BackendReport("process", True, False, sandbox.description, notes)


def diagnose() -> list[BackendReport]:
    """One report per backend, in the order ``get_sandbox("auto")`` tries them."""
    reports = []
    for check in (_check_bwrap, _check_docker, _check_process):
        try:
            reports.append(check())
        except Exception as exc:  # a doctor never crashes
            name = check.__name__.removeprefix("_check_")
            reports.append(BackendReport(name, False, name != "process",
                                         f"check failed: {type(exc).__name__}: {exc}"))
    return reports


def render(reports: list[BackendReport]) -> str:
    lines = ["sandbox backends on this machine:"]
    for r in reports:
        mark = "ok  " if r.works else "NO  "
        lines.append(f"  {mark}{r.name:<8} {r.summary}")
        lines += [f"          - {note}" for note in r.notes]
    chosen = next((r for r in reports if r.works), None)
    lines.append(f"get_sandbox('auto') uses: {chosen.name if chosen else 'nothing'}"
                 + ("" if chosen is None or chosen.isolates else "  (NO ISOLATION)"))
    tools = {t: bool(shutil.which(t) or shutil.which(t, path="/usr/sbin:/sbin"))
             for t in ("bwrap", "prlimit", "setpriv", "dockerd", "debootstrap")}
    lines.append("tools: " + ", ".join(f"{t} {'yes' if ok else 'no'}" for t, ok in tools.items())
                 + f"; running as {'root' if os.geteuid() == 0 else 'uid ' + str(os.geteuid())}")
    return "\n".join(lines)
