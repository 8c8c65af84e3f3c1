"""The ``miniwob`` suite: the HTML tasks shipped in the ``miniwob`` PyPI package.

Each task page is loaded from the installed package over ``file://`` (the
pages need no network) into the env's own browser. The page is driven through
its own JavaScript API, as the package's Selenium env drives it: seed
``Math.random`` with ``Math.seedrandom``, start the episode with
``core.startEpisodeReal()``, wait for ``WOB_TASK_READY``, read the utterance
from ``#query``. The task ends the episode itself by calling
``core.endEpisode(reward, ...)``; the suite wraps that function so the *first*
result is frozen (``window.__rlvrResult``) and the page cannot start a new
problem (the package's "START" cover is disabled), so a policy cannot retry
after a wrong click. The env sees ``window.__rlvrTaskDone`` and ends the
episode.

**Success threshold.** MiniWoB rewards are raw values in ``[-1, 1]`` (some
tasks give partial credit). An episode is a success only when the raw
reward (without the package's time penalty) is at least the task's threshold,
1.0 by default: a partial reward is a failure. The env's reward is then
binary (1.0 or 0.0); the raw reward is in ``info["verdict"]["details"]``.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from rlvr.core.errors import ConfigError, require
from rlvr.core.verdict import Verdict
from rlvr.envs.computer_use.observation import Observation
from rlvr.envs.computer_use.suite import Episode

#: Raw reward needed for success, per task; tasks not listed use ``DEFAULT_THRESHOLD``.
DEFAULT_THRESHOLD = 1.0
TASK_THRESHOLDS: dict[str, float] = {}

#: Simple tasks with a scripted solver (:mod:`rlvr.envs.computer_use.miniwob_oracles`), used by tests and benchmarks.
SIMPLE_TASKS = ("click-button", "click-link", "enter-text", "focus-text", "click-checkboxes", "choose-list",
                "click-dialog", "login-user", "click-tab", "enter-password")

# Runs once after the page loaded (its onload already called core.startEpisode()).
_SETUP_JS = """async (seed) => {
  const style = document.createElement('style');
  style.textContent = '#reward-display, #click-canvas, #sync-task-cover { display: none !important; }';
  document.head.appendChild(style);
  core.EPISODE_MAX_TIME = 2147483647;   // policies are slow; the time limit is max_turns
  window.__rlvrResult = null;
  const end = core.endEpisode;
  core.endEpisode = function (reward, timeProportional, reason) {
    if (window.__rlvrResult === null && core.EP_TIMER !== null) {
      window.__rlvrResult = {raw: Number(reward), reason: reason === undefined ? null : String(reason)};
      window.__rlvrTaskDone = true;
      core.startEpisode = function () {};       // no "START" cover, no second problem
      core.startEpisodeReal = function () {};
    }
    return end.apply(this, arguments);
  };
  Math.seedrandom(seed);
  core.startEpisodeReal();
  for (let i = 0; i < 500 && !WOB_TASK_READY; i++) await new Promise((r) => setTimeout(r, 10));
  return [core.getUtterance(), WOB_TASK_READY];
}"""


@functools.lru_cache(maxsize=1)
def html_dir() -> Path:
    """The ``html/miniwob`` directory of the installed ``miniwob`` package."""
    require("miniwob", "miniwob", "the MiniWoB suite of rlvr/ComputerUse-v0")
    base = Path(str(resources.files("miniwob"))) / "html" / "miniwob"
    if not base.is_dir():
        raise ConfigError(f"the miniwob package has no HTML tasks at {base}; reinstall it "
                          "(pip install --force-reinstall 'rlvr[miniwob]')")
    return base


class MiniWobEpisode(Episode):
    """One MiniWoB task page, seeded."""

    def __init__(self, task_name: str, seed: int, threshold: float) -> None:
        self.task_name = task_name
        self.seed = seed
        self.threshold = threshold
        self.url = (html_dir() / f"{task_name}.html").as_uri()
        self.html = None
        self.instruction = ""
        self.params = {"seed": seed, "threshold": threshold}

    def setup(self, page: Any) -> None:
        utterance, ready = page.evaluate(_SETUP_JS, self.seed)
        if not ready:
            raise RuntimeError(f"MiniWoB task {self.task_name} did not become ready (WOB_TASK_READY)")
        self.instruction = str(utterance)

    def evaluate(self, page: Any) -> Verdict:
        return self.judge_report(page.evaluate("() => window.__rlvrResult"))

    def judge_report(self, result: Any) -> Verdict:
        """The verdict on the frozen first result ``{"raw", "reason"}`` (``None``: not finished)."""
        if not isinstance(result, dict):
            return Verdict.incorrect("task_not_finished", message="the task page never ended its episode")
        raw = float(result["raw"])
        details = {"raw_reward": raw, "threshold": self.threshold, "task_reason": result.get("reason")}
        if raw >= self.threshold:
            return Verdict.correct("miniwob_success", **details)
        return Verdict.incorrect("miniwob_reward_below_threshold", **details)

    def oracle(self, obs: Observation) -> dict | None:
        from rlvr.envs.computer_use.miniwob_oracles import ORACLES

        solver = ORACLES.get(self.task_name)
        return solver(obs) if solver else None


class MiniWobSuite:
    """Every task of ``miniwob/html/miniwob/*.html``.

    Args:
        threshold: Overrides the raw-reward success threshold of every task.
    """

    name = "miniwob"
    #: MiniWoB pages are drawn in a 160x210 box at the top-left corner.
    viewport = (160, 210)

    def __init__(self, threshold: float | None = None) -> None:
        if threshold is not None and not -1.0 < float(threshold) <= 1.0:
            raise ConfigError(f"threshold must be in (-1, 1] (MiniWoB raw rewards lie in [-1, 1]), got {threshold!r}")
        self.threshold = threshold

    def task_names(self) -> list[str]:
        return _task_names()

    def threshold_of(self, task_name: str) -> float:
        if self.threshold is not None:
            return float(self.threshold)
        return TASK_THRESHOLDS.get(task_name, DEFAULT_THRESHOLD)

    def make_episode(self, task_name: str, rng: np.random.Generator) -> MiniWobEpisode:
        if task_name not in self.task_names():
            raise ConfigError(f"{task_name!r} is not a MiniWoB task; known: {', '.join(self.task_names())}")
        return MiniWobEpisode(task_name, int(rng.integers(2**31)), self.threshold_of(task_name))


@functools.lru_cache(maxsize=1)
def _task_names() -> list[str]:
    return sorted(p.stem for p in html_dir().glob("*.html"))
