"""The MiniWoB suite: tasks from the installed package, solved by scripted policies, judged by its JS state."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest

pytest.importorskip("playwright.sync_api", reason="rlvr[computer-use] (playwright) is not installed")
pytest.importorskip("miniwob", reason="rlvr[miniwob] (the miniwob package) is not installed")

from rlvr.envs.computer_use.browser import find_chromium  # noqa: E402
from rlvr.envs.computer_use.env import ComputerUseEnv  # noqa: E402
from rlvr.envs.computer_use.miniwob import SIMPLE_TASKS, MiniWobEpisode, MiniWobSuite  # noqa: E402

if find_chromium() is None and not os.environ.get("CI"):
    pytest.skip("no Chromium on PATH (apt-get install chromium)", allow_module_level=True)

SEEDS_PER_TASK = 4


def call(c: dict) -> str:
    return f"<tool_call>{json.dumps(c)}</tool_call>"


@pytest.fixture(scope="module")
def env():
    e = ComputerUseEnv(suite="miniwob", task=list(SIMPLE_TASKS), obs_mode="text", max_turns=10)
    yield e
    e.close()


def start(env: ComputerUseEnv, task: str, seed: int) -> str:
    env.unwrapped.source = _One(task, seed)
    obs, _ = env.reset(seed=seed)
    return obs


class _One:
    def __init__(self, task: str, seed: int) -> None:
        self.item = {"task": task, "seed": seed, "id": f"{task}/{seed}"}

    def __len__(self) -> int:
        return 1

    def __getitem__(self, index: int) -> dict:
        return self.item


def run_oracle(env: ComputerUseEnv) -> dict:
    info: dict = {}
    for _ in range(env.max_turns):
        action = env.unwrapped.oracle_action()
        assert action is not None
        _, _, terminated, truncated, info = env.step(call(action))
        if terminated or truncated:
            break
    return info["verdict"]


def test_the_package_tasks_are_listed():
    names = MiniWobSuite().task_names()
    assert len(names) > 100
    assert set(SIMPLE_TASKS) <= set(names)


@pytest.mark.slow
@pytest.mark.parametrize("task", SIMPLE_TASKS)
def test_scripted_policy_solves_every_seed(env, task):
    for seed in range(SEEDS_PER_TASK):
        start(env, task, seed)
        verdict = run_oracle(env)
        assert verdict["status"] == "correct", (task, seed, verdict, env.observation)
        assert verdict["details"]["raw_reward"] == 1.0 and verdict["details"]["ended_by"] == "task_ended"


def test_instruction_comes_from_the_page_and_is_seeded(env):
    a = start(env, "click-button", 11)
    b = start(env, "click-button", 11)
    c = start(env, "click-button", 12)
    assert a == b and a != c
    assert env.episode.instruction.startswith("Click on the") and f"Task: {env.episode.instruction}" in c
    assert "Episodes done" not in c and "Time left" not in c     # the package's score panel is hidden


@pytest.mark.slow
def test_doing_nothing_never_succeeds(env):
    for task in SIMPLE_TASKS:
        start(env, task, 0)
        _, reward, terminated, _, info = env.step(call({"name": "done", "arguments": {}}))
        assert terminated and reward == 0.0 and info["verdict"]["details"]["reason"] == "task_not_finished"


def test_a_wrong_click_is_final(env):
    """After a wrong answer the page cannot be coaxed into a second try."""
    for seed in range(6):
        start(env, "click-button", seed)
        target = env.oracle_action()["arguments"]["id"]
        others = [n.id for n in env.observation.find_all("button", interactive=True) if n.id != target]
        if others:
            break
    else:
        pytest.skip("no seed with two buttons")
    _, reward, terminated, _, info = env.step(call({"name": "click", "arguments": {"id": others[0]}}))
    assert terminated and reward == 0.0
    assert info["verdict"]["details"]["raw_reward"] == -1.0
    assert info["verdict"]["details"]["reason"] == "miniwob_reward_below_threshold"


def test_the_first_result_is_frozen(env):
    start(env, "click-button", 3)
    right = env.oracle_action()["arguments"]["id"]
    env.page.evaluate("() => core.endEpisode(-1, false, 'forced')")       # the page ends the task first
    env.page.evaluate(f"() => document.querySelector('[data-rlvr-id=\"{right}\"]').click()")
    assert env.page.evaluate("() => [window.__rlvrResult.raw, WOB_DONE_GLOBAL]") == [-1, True]
    assert env.page.evaluate("() => document.getElementById('sync-task-cover')"
                             ".getBoundingClientRect().width") == 0       # no START cover to restart from


class _FakePage:
    def __init__(self, result):
        self.result = result

    def evaluate(self, script, *args):
        return self.result


@pytest.mark.parametrize("raw, threshold, status", [
    (1.0, 1.0, "correct"), (0.5, 1.0, "incorrect"), (0.99, 1.0, "incorrect"), (-1.0, 1.0, "incorrect"),
    (0.5, 0.5, "correct"), (0.2, 0.5, "incorrect")])
def test_partial_reward_is_not_success_unless_the_threshold_says_so(raw, threshold, status):
    episode = MiniWobEpisode("click-checkboxes-soft", 0, threshold)
    verdict = episode.evaluate(_FakePage({"raw": raw, "reason": None}))
    assert verdict.status == status and verdict.reward == (1.0 if status == "correct" else 0.0)
    assert verdict.details["raw_reward"] == raw


def test_threshold_is_validated():
    from rlvr.core.errors import ConfigError

    with pytest.raises(ConfigError, match="threshold"):
        MiniWobSuite(threshold=2.0)
    assert MiniWobSuite(threshold=0.5).make_episode("click-button", np.random.default_rng(0)).threshold == 0.5
    assert MiniWobSuite().make_episode("click-button", np.random.default_rng(0)).threshold == 1.0


@pytest.mark.slow
def test_random_policy_rarely_succeeds(env):
    rng = np.random.default_rng(0)
    wins = episodes = 0
    for task in ("click-checkboxes", "enter-text", "login-user", "choose-list", "enter-password"):
        for seed in range(3):
            start(env, task, seed)
            episodes += 1
            for _ in range(4):
                ids = [n.id for n in env.observation.nodes if n.id is not None]
                kind = rng.integers(3)
                if kind == 0 and ids:
                    action = {"name": "click", "arguments": {"id": int(rng.choice(ids))}}
                elif kind == 1 and ids:
                    action = {"name": "type", "arguments": {"id": int(rng.choice(ids)), "text": "abc"}}
                else:
                    action = {"name": "press", "arguments": {"key": "Enter"}}
                _, reward, terminated, truncated, _ = env.step(call(action))
                if terminated or truncated:
                    break
            else:
                _, reward, *_ = env.step(call({"name": "done", "arguments": {}}))
            wins += reward == 1.0
    assert wins <= 1, f"a random policy solved {wins}/{episodes} episodes"
