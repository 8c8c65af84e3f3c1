"""rlvr/Code-v0: the env contract, multi-turn repair with public-only feedback, sources and errors."""

from __future__ import annotations

import warnings

import gymnasium as gym
import numpy as np
import pytest

from rlvr.verifiers.sandbox.testing import backend_or_skip
from gymnasium.utils.env_checker import check_env

import rlvr  # noqa: F401
from rlvr.core.errors import ConfigError
from rlvr.core.verdict import Verdict
from rlvr.envs.code.env import CodeEnv, feedback

SECRET_INPUT = "424242 1000\n"
TASKS = [
    {"id": "add", "prompt": "Read a and b; print a+b.", "time_limit_s": 1.0,
     "public_tests": [{"input": "1 2\n", "output": "3\n"}],
     "tests": [{"input": "1 2\n", "output": "3\n"}, {"input": SECRET_INPUT, "output": "425242\n"}]},
    {"id": "twice", "prompt": "Return 2*x.", "entry_point": "twice",
     "public_tests": [{"args": [1], "expected": 2}],
     "tests": [{"args": [1], "expected": 2}, {"args": [31337], "expected": 62674}]},
]
GOOD = {"add": "```python\na, b = map(int, input().split())\nprint(a + b)\n```",
        "twice": "Sure.\n```python\ndef twice(x):\n    return 2 * x\n```"}


@pytest.fixture(scope="module")
def sandbox():
    """bwrap; skipped where truly absent, a failure in CI."""
    return backend_or_skip("bwrap")


def _env(sandbox, **kw):
    return gym.make("rlvr/Code-v0", tasks=TASKS, sandbox=sandbox, **kw)


@pytest.mark.parametrize("obs_mode", ["tokens", "text"])
def test_single_turn_rewards(sandbox, obs_mode):
    env = _env(sandbox, obs_mode=obs_mode)
    for index in range(2):
        env.reset(options={"task_index": index})
        task_id = env.unwrapped.task["id"]
        obs, reward, terminated, truncated, info = env.step(GOOD[task_id])
        assert (reward, terminated, truncated) == (1.0, True, False)
        assert info["verdict"]["status"] == "correct"
        env.reset(options={"task_index": index})
        obs, reward, terminated, truncated, info = env.step("print(0)")
        assert reward == 0.0 and terminated and info["verdict"]["status"] == "incorrect"
    env.close()


def test_prompt_shows_problem_and_format_but_no_hidden_tests(sandbox):
    env = _env(sandbox, obs_mode="text")
    obs, info = env.reset(options={"task_index": 0})
    assert "Read a and b" in obs and "```python" in obs and "424242" not in obs
    obs, info = env.reset(options={"task_index": 1})
    assert "`twice`" in obs and "31337" not in obs


def test_multi_turn_repair_feedback_is_public_only(sandbox):
    env = _env(sandbox, obs_mode="text", max_attempts=3)
    env.reset(options={"task_index": 0})
    obs, reward, terminated, truncated, info = env.step("```python\nprint(int(input().split()[0]) -\n```")
    assert reward == 0.0 and not terminated and "does not compile" in obs and "SyntaxError" in obs
    obs, reward, terminated, truncated, info = env.step("```python\nprint(int(input().split()[0]))\n```")
    assert not terminated and "public example 1" in obs and "Expected output" in obs and "3" in obs
    # Passing the public example but failing a hidden test: the feedback says so and shows nothing hidden.
    env.reset(options={"task_index": 0})
    obs, *_ = env.step("```python\nprint(3)\n```")
    assert "hidden test" in obs and "424242" not in obs and "425242" not in obs
    obs, reward, terminated, truncated, info = env.step(GOOD["add"])
    assert reward == 1.0 and terminated and info["verdict"]["details"]["attempts"] == 2
    joined = " ".join(m["content"] for m in info["messages"])
    assert "424242" not in joined and "425242" not in joined


def test_attempts_run_out(sandbox):
    env = _env(sandbox, obs_mode="tokens", max_attempts=2)
    env.reset(options={"task_index": 1})
    obs, reward, terminated, truncated, info = env.step("nope")
    assert obs.dtype == np.int64 and obs.size > 0 and not terminated
    obs, reward, terminated, truncated, info = env.step("still nope")
    assert terminated and not truncated and reward == 0.0 and obs.size == 0
    assert info["verdict"]["details"]["attempts"] == 2


@pytest.mark.parametrize("action", ["", "\x00\xff", "x" * 1_000_000, [1, 2, 999999], np.array([], dtype=np.int64),
                                    "```python\n```", "\\boxed{0}", "I do not know"])
def test_bad_actions_never_crash(sandbox, action):
    env = _env(sandbox)
    env.reset(options={"task_index": 0})
    obs, reward, terminated, truncated, info = env.step(action)
    assert reward == 0.0 and terminated and info["verdict"]["status"] == "incorrect"


@pytest.mark.parametrize("obs_mode", ["tokens", "text"])
@pytest.mark.parametrize("max_attempts", [1, 2])
def test_check_env_with_tasks(sandbox, obs_mode, max_attempts):
    env = gym.make("rlvr/Code-v0", tasks=TASKS, sandbox=sandbox, obs_mode=obs_mode, max_attempts=max_attempts)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_env(env.unwrapped)


def test_async_vector_env_with_tasks(sandbox):
    envs = gym.make_vec("rlvr/Code-v0", num_envs=2, vectorization_mode="async", tasks=TASKS, sandbox="auto")
    try:
        envs.reset(seed=0, options={"task_index": 0})
        obs, reward, terminated, truncated, info = envs.step([GOOD["add"], "I do not know"])
        assert reward.tolist() == [1.0, 0.0] and terminated.all()
    finally:
        envs.close()


def test_seeding_is_deterministic(sandbox):
    a, b = _env(sandbox), _env(sandbox)
    for seed in range(5):
        assert np.array_equal(a.reset(seed=seed)[0], b.reset(seed=seed)[0])


def test_infrastructure_failure_is_masked():
    class Broken:
        def run(self, *args, **kwargs):
            raise OSError("the sandbox is gone")

    env = CodeEnv(tasks=TASKS, sandbox=Broken(), max_attempts=3)
    env.reset(options={"task_index": 0})
    obs, reward, terminated, truncated, info = env.step(GOOD["add"])
    assert terminated and info["verdict"]["status"] == "error" and info["verdict"]["masked"]


def test_bundled_source_empty_is_a_clear_error(monkeypatch):
    from rlvr.envs.code import problems

    monkeypatch.setattr(problems, "PROBLEMS", {})
    with pytest.raises(ConfigError, match="no bundled code problems"):
        CodeEnv()


@pytest.mark.parametrize("kwargs, match", [
    ({"max_attempts": 0}, "max_attempts"), ({"max_attempts": 2, "max_turns": 3}, "max_turns"),
    ({"source": "nope"}, "source"), ({"language": "cobol"}, "language"),
    ({"tasks": [{"prompt": "x", "tests": []}]}, "tests"), ({"tasks": [{"tests": [{"input": "", "output": ""}]}]},
                                                           "prompt"),
    ({"tasks": [TASKS[1]], "language": "cpp"}, "does not support"),
])
def test_config_errors(kwargs, match):
    with pytest.raises(ConfigError, match=match):
        CodeEnv(**kwargs)


def test_feedback_texts_never_include_hidden_fields():
    v = Verdict.incorrect("timeout", tests_passed=3, tests_total=9, public={"passed": 2, "total": 2},
                          message="hidden test 4 of 9 failed (timeout)")
    text = feedback(v, 1)
    assert "passed the 2 public examples" in text and "timeout" in text and "1 attempt left" in text
    assert "No code" in feedback(Verdict.incorrect("no_code"), 2)
