"""Shared fixtures: a toy multi-turn env that exercises the core contract without any domain."""

from __future__ import annotations

import os

import gymnasium as gym
import pytest

from rlvr.core.env import RlvrEnv, Turn
from rlvr.core.tasks import ListSource
from rlvr.core.verdict import Verdict
from rlvr.verifiers.sandbox.testing import TEST_BACKENDS, backend_or_skip, leftovers, new_token

ECHO_TASKS = [{"id": f"t{i}", "prompt": f"Say the word w{i}.", "word": f"w{i}"} for i in range(50)]


class EchoEnv(RlvrEnv):
    """Correct when the policy says the task's word; otherwise a user reply says it was wrong."""

    default_system_prompt = "Answer with one word."

    def __init__(self, max_turns: int = 3, **kwargs):
        super().__init__(max_turns=max_turns, **kwargs)

    def load_source(self, source, tasks):
        return ListSource(tasks or ECHO_TASKS)

    def task_prompt(self, task):
        return task["prompt"]

    def on_action(self, text):
        if text.strip() == self.task["word"]:
            return Turn(verdict=Verdict.correct())
        return Turn(reply=f"{text[:30]!r} is not the word. Try again.")


if "test/Echo-v0" not in gym.registry:
    gym.register("test/Echo-v0", entry_point=EchoEnv, kwargs={"vector_kwargs": {"shared_memory": False}})


@pytest.fixture
def echo_env_cls():
    return EchoEnv


# --- sandboxes -------------------------------------------------------------
# Every backend that exists here. A truly absent one (no bubblewrap, no Docker
# engine or image) is skipped with the reason, except when $CI is set: then it
# is a failure. The ``process`` backend does NOT isolate: a program run through
# it acts on the real host as the test runner (root in CI). Never give it a
# program that touches paths outside its own workdir; use ``isolating``.


@pytest.fixture(params=TEST_BACKENDS)
def sandbox(request):
    return backend_or_skip(request.param)


@pytest.fixture(params=[k for k in TEST_BACKENDS if k != "process"])
def isolating(request):
    return backend_or_skip(request.param)


@pytest.fixture
def token():
    """A unique marker put into every run's env; afterwards no process may still carry it."""
    value = new_token()
    yield value
    left = leftovers(value)
    assert not left, f"the run left something behind: {left}"


# --- no skips in CI ----------------------------------------------------------
# CI installs every extra and system component, so a skip there means a broken
# install, not an absent component: report it as a failure (module-level
# importorskip included) instead of letting a green run hide it.
def _fail_skip_in_ci(report) -> None:
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped while CI is set (CI must run every test): {report.longrepr}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    _fail_skip_in_ci(outcome.get_result())


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    outcome = yield
    _fail_skip_in_ci(outcome.get_result())
