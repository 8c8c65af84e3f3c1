"""The interface between ComputerUse-v0 and the task suites it runs.

A :class:`Suite` names its tasks and makes one :class:`Episode` per reset. The
env owns the browser: it opens a fresh page, loads ``episode.url``, calls
``episode.setup(page)``, and from then on only shows the policy the page's
tree (:mod:`rlvr.envs.computer_use.page_tree`). When the policy calls
``done`` (or the turn budget runs out) the env calls
``episode.evaluate(page)``, which reads the application's state back into
Python and decides there; nothing the page says about itself ("you won!") is
trusted unless the suite chooses to read exactly that state.

Lifecycle, per reset::

    episode = suite.make_episode(task_name, rng)    # pure Python, seeded
    page.goto(episode.url)                          # file:// package data or about:blank
    episode.setup(page)                             # inject the initial state
    ... policy acts; env.unwrapped.oracle_action() -> episode.oracle(obs)
    verdict = episode.evaluate(page)                # on done() or at max_turns

Suites are found by name through :func:`get_suite`; their modules are
imported lazily so ``import rlvr`` loads no browser code.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from rlvr.core.errors import ConfigError

if TYPE_CHECKING:  # pragma: no cover - typing only
    import numpy as np

    from rlvr.core.verdict import Verdict
    from rlvr.envs.computer_use.observation import Observation

#: Suite name -> "module:attribute" of a zero-argument Suite factory (a class).
SUITES: dict[str, str] = {
    "desktop": "rlvr.envs.computer_use.desktop.suite:DesktopSuite",
    "miniwob": "rlvr.envs.computer_use.miniwob:MiniWobSuite",
}


class Episode(ABC):
    """One task instance: where to go, how to set it up, how to judge it.

    Attributes:
        instruction: What the policy is asked to do (shown as ``Task: ...``).
        url: The page to load: a ``file://`` URL of package data, or
            ``"about:blank"`` with :attr:`html` set.
        html: Optional markup written into ``about:blank`` (used when ``url``
            is ``"about:blank"``); ``None`` otherwise.
        task_name: The family / task name this episode came from.
        params: Seeded parameters of the instance (for tests and logs; never
            shown to the policy).
    """

    instruction: str = ""
    url: str = "about:blank"
    html: str | None = None
    task_name: str = ""
    params: dict[str, Any] = {}

    def setup(self, page: Any) -> None:  # noqa: B027 - optional hook
        """Inject the initial state after the page loaded (``page.evaluate(...)``).

        ``page`` is a Playwright ``Page``. May also replace :attr:`instruction`
        when the page itself generates it (MiniWoB).
        """

    @abstractmethod
    def evaluate(self, page: Any) -> Verdict:
        """Read the application state back and judge it (a :class:`~rlvr.core.verdict.Verdict`).

        Called once, when the policy calls ``done`` or at ``max_turns``. Raise
        nothing for policy-caused states: an unexpected page is
        ``Verdict.incorrect(...)``. Exceptions from Playwright are treated by
        the env as infrastructure errors (``status="error"``, masked).
        """

    def judge_report(self, report: Any) -> Verdict | None:
        """Judge a task that ended on its own from the state read with the last page walk.

        Pages whose task ends by itself set ``window.__rlvrTaskDone = true`` and
        may leave their state in ``window.__rlvrResult``; the walk reads both in
        its round trip and passes the latter here. Return ``None`` (the
        default) to have :meth:`evaluate` read the page instead.
        """
        return None

    def oracle(self, obs: Observation) -> dict | None:
        """The next tool call ``{"name": ..., "arguments": {...}}`` that solves the task.

        Works from the public observation only (ids, roles, names, values).
        Return ``{"name": "done", "arguments": {}}`` when finished; ``None``
        if this episode has no oracle.
        """
        return None


@runtime_checkable
class Suite(Protocol):
    """A named collection of task generators."""

    name: str

    def task_names(self) -> list[str]:
        """Every task / family name, sorted, stable across processes."""
        ...

    def make_episode(self, task_name: str, rng: np.random.Generator) -> Episode:
        """A new episode of ``task_name`` with parameters drawn from ``rng`` (deterministic)."""
        ...


def get_suite(name: str, **kwargs: Any) -> Suite:
    """The suite called ``name`` (``"desktop"`` or ``"miniwob"``), imported on demand.

    Args:
        name: A key of :data:`SUITES`.
        **kwargs: Passed to the suite's constructor.

    Raises:
        ConfigError: ``name`` is not a known suite.
    """
    if not isinstance(name, str) or name not in SUITES:
        raise ConfigError(f"suite must be one of {sorted(SUITES)}, got {name!r}")
    module_name, attr = SUITES[name].split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            raise ConfigError(f"suite {name!r} is not available in this installation "
                              f"({module_name} is missing)") from exc
        raise
    return getattr(module, attr)(**kwargs)
