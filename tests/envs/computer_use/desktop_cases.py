"""Set-up shared by the desktop-suite test modules: the browser guard, the task list and the env.

Each module calls :func:`require_browser` before importing the suite, builds
its task list with :func:`task_list` and gets one env for all its tests from
:func:`env_fixture`.
"""

from __future__ import annotations

import os
import shutil
from typing import Any, Iterable

import pytest


def require_browser() -> None:
    """Skip the calling module where playwright or Chromium is missing (CI turns the skip into a failure)."""
    pytest.importorskip("playwright.sync_api", reason="rlvr[computer-use] (playwright) is not installed")
    if not (shutil.which("chromium") or shutil.which("chromium-browser") or os.environ.get("RLVR_CHROMIUM")):
        pytest.skip("no chromium executable (make test installs Debian's chromium)", allow_module_level=True)


def task_list(prefixes: tuple[str, ...], seeds: Iterable[int]) -> tuple[list[str], list[dict], dict]:
    """``(families, tasks, index)``: the families named with ``prefixes``, one task per family and seed, and
    ``index[(family, seed)]`` = the task's position (for ``reset(options={"task_index": ...})``)."""
    from rlvr.envs.computer_use.desktop.family import families

    names = sorted(n for n in families() if n.startswith(prefixes))
    seeds = list(seeds)
    tasks = [{"task": f, "seed": s} for f in names for s in seeds]
    return names, tasks, {(t["task"], t["seed"]): i for i, t in enumerate(tasks)}


def env_fixture(tasks: list[dict], max_turns: int) -> Any:
    """A module-scoped fixture: one text-mode desktop ComputerUse env (one Chromium) over ``tasks``."""

    @pytest.fixture(scope="module")
    def env():
        import gymnasium as gym

        import rlvr  # noqa: F401  (registers the ids)

        e = gym.make("rlvr/ComputerUse-v0", suite="desktop", obs_mode="text", tasks=tasks, max_turns=max_turns)
        yield e
        e.close()

    return env
