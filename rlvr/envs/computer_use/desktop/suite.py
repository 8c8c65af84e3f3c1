"""DesktopSuite: the ``desktop`` suite of ComputerUse-v0 (the project's own web desktop).

An episode loads ``web/index.html`` from package data, injects the family's
initial state through ``window.rlvrDesktop.setState``, and at the end reads
``window.rlvrDesktop.getState()`` back and judges it with the family's Python
predicate. Nothing the page says about success is trusted: the page only
reports its data.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np

from rlvr.core.verdict import Verdict
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, families, get_family
from rlvr.envs.computer_use.observation import Observation
from rlvr.envs.computer_use.suite import Episode

log = logging.getLogger(__name__)

#: The desktop page (package data).
INDEX_HTML = Path(__file__).resolve().parent / "web" / "index.html"

_SET_STATE = """(state) => {
  if (!window.rlvrDesktop) throw new Error("the desktop shell did not load");
  return window.rlvrDesktop.setState(state);
}"""
_GET_STATE = "() => window.rlvrDesktop ? window.rlvrDesktop.getState() : null"


class DesktopEpisode(Episode):
    """One task of one family on the web desktop."""

    def __init__(self, family: Family, task: DesktopTask):
        self.family = family
        self.task = task
        self.task_name = family.name
        self.instruction = task.instruction
        self.params = dict(task.params)
        self.url = INDEX_HTML.as_uri()
        self.html = None

    def setup(self, page: Any) -> None:
        """Inject the initial state (every app remounts with its slice)."""
        page.evaluate(_SET_STATE, self.task.initial_state)

    def read_state(self, page: Any) -> dict[str, Any] | None:
        """The desktop state as the apps report it (``None`` if the shell is gone)."""
        return page.evaluate(_GET_STATE)

    def evaluate(self, page: Any) -> Verdict:
        """Read the state back and judge it with the family's predicate."""
        state = self.read_state(page)
        if not isinstance(state, dict):
            return Verdict.incorrect("the desktop state could not be read (the page left the desktop)")
        return judge(self.family, self.task, state)

    def oracle(self, obs: Observation) -> ToolCall | None:
        return self.family.oracle(self.task, obs)


def judge(family: Family, task: DesktopTask, state: dict[str, Any]) -> Verdict:
    """The verdict of ``family.success`` on ``state`` (a bool or ``(bool, reason)``)."""
    try:
        result = family.success(task, state)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        # The state is shaped unlike anything the apps produce; that cannot be the goal.
        log.warning("desktop family %s could not read the state: %r", family.name, exc)
        return Verdict.incorrect(f"the state is not in the expected shape ({type(exc).__name__}: {exc})")
    ok, reason = result if isinstance(result, tuple) else (bool(result), "")
    if ok:
        return Verdict.correct(reason or "goal state reached", family=family.name)
    return Verdict.incorrect(reason or "goal state not reached", family=family.name)


class DesktopSuite:
    """Every registered desktop family (``desktop/families/*.py``)."""

    name = "desktop"
    #: The apps are laid out for this viewport (CSS pixels); the env uses it unless told otherwise.
    viewport = (1024, 768)

    def task_names(self) -> list[str]:
        return sorted(families())

    def make_episode(self, task_name: str, rng: np.random.Generator) -> DesktopEpisode:
        family = get_family(task_name)
        return DesktopEpisode(family, family.generate(rng))
