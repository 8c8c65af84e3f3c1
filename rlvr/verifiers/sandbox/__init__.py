"""Sandboxes that run untrusted programs for the verifiers.

```python
from rlvr.verifiers.sandbox import get_sandbox, Limits

sandbox = get_sandbox()                      # bwrap where it works, else docker, else process
result = sandbox.run(["python3", "main.py"], files={"main.py": "print(input())"},
                     stdin="hi\\n", limits=Limits(wall_s=2))
result.status, result.exit_code, result.stdout   # ("ok", 0, b"hi\\n")

with sandbox.session(files=repo_files) as ws:   # a persistent workspace (SWE)
    ws.run(["pytest", "-q"])
    ws.write_files({"pkg/mod.py": new_source})
```

Backends (see each module): ``bwrap`` (namespaces; the default where
bubblewrap works), ``docker`` (a container per run or session through the
Docker SDK; the strongest boundary, ~0.5 s per call) and ``process``
(rlimits only; warns that it does not isolate). ``auto`` prefers bwrap over
docker because both isolate the program from the host, the project and the
network, and bwrap costs about a millisecond per run instead of half a
second; pick ``"docker"`` explicitly for a separate root filesystem image
(SWE-bench images) or a memory cgroup per run.

Warm pool (:mod:`rlvr.verifiers.sandbox.pool`): ``BwrapPool(get_sandbox("bwrap"))``
keeps long-lived bwrap workers and forks a *fresh* sandbox (new namespaces,
tmpfs workdir, unprivileged uid) per run from a zygote in them, so neither
bwrap nor an interpreter starts per run. The code verifier uses one for its
harness by default on bwrap (``BwrapSandbox(pool=False)`` or
``RLVR_SANDBOX_POOL=0`` turn it off).
"""

from __future__ import annotations

import inspect
import logging
from typing import Any, Literal

from rlvr.core.errors import ConfigError
from rlvr.verifiers.sandbox.base import (
    Limits, RunResult, RunStatus, Sandbox, SandboxUnavailable, Session)

logger = logging.getLogger("rlvr.sandbox")

Kind = Literal["auto", "bwrap", "process", "docker"]
KINDS = ("bwrap", "docker", "process")

__all__ = ["get_sandbox", "Limits", "RunResult", "RunStatus", "Sandbox", "SandboxUnavailable",
           "Session", "backend_class"]


def backend_class(kind: str) -> type:
    """The class implementing a backend (imported lazily)."""
    if kind == "bwrap":
        from rlvr.verifiers.sandbox.bwrap import BwrapSandbox
        return BwrapSandbox
    if kind == "process":
        from rlvr.verifiers.sandbox.process import ProcessSandbox
        return ProcessSandbox
    if kind == "docker":
        from rlvr.verifiers.sandbox.docker import DockerSandbox
        return DockerSandbox
    raise ConfigError(f"sandbox kind must be one of 'auto', 'bwrap', 'docker', 'process'; got {kind!r}")


def _accepted(cls: type, options: dict[str, Any]) -> dict[str, Any]:
    params = inspect.signature(cls.__init__).parameters
    return {k: v for k, v in options.items() if k in params}


def get_sandbox(kind: Kind = "auto", **options: Any) -> Sandbox:
    """A working sandbox backend.

    Args:
        kind: ``"auto"`` picks the strongest that works here, in the order
            bwrap, docker, process, and logs which (and why the others were
            skipped); a named kind raises :class:`SandboxUnavailable` with the
            fix if it cannot work.
        **options: Backend keywords (``python_packages``, ``image``, ``mode``,
            ...). With ``"auto"``, each backend receives the ones it accepts.

    Raises:
        SandboxUnavailable: The named backend cannot work on this machine.
    """
    if isinstance(kind, Sandbox) and not isinstance(kind, str):  # already a sandbox
        return kind
    if kind != "auto":
        cls = backend_class(kind)
        unknown = set(options) - set(inspect.signature(cls.__init__).parameters)
        if unknown:
            raise ConfigError(f"the {kind} sandbox does not take {sorted(unknown)}; it takes "
                              f"{sorted(p for p in inspect.signature(cls.__init__).parameters if p != 'self')}")
        return cls(**options)
    reasons = []
    for name in KINDS:
        cls = backend_class(name)
        try:
            sandbox = cls(**_accepted(cls, options))
        except SandboxUnavailable as exc:
            reasons.append(f"{name}: {exc}")
            continue
        except ImportError as exc:
            reasons.append(f"{name}: {exc}")
            continue
        if reasons:
            logger.info("sandbox: using %s (%s); skipped: %s", name,
                        getattr(sandbox, "description", name), " | ".join(reasons))
        else:
            logger.info("sandbox: using %s (%s)", name, getattr(sandbox, "description", name))
        return sandbox
    raise SandboxUnavailable("no sandbox backend works here: " + " | ".join(reasons))  # pragma: no cover
