"""rlvr/Math-v0 end to end: prompts, rewards, no leaks, keywords and errors."""

from __future__ import annotations

import gymnasium as gym
import numpy as np
import pytest

import rlvr  # noqa: F401
from rlvr.core.errors import ConfigError
from rlvr.core.tokenizers import ByteTokenizer
from rlvr.envs.math.families import FAMILIES


def test_boxed_reference_answer_earns_reward_one_for_every_family():
    for name in sorted(FAMILIES):
        env = gym.make("rlvr/Math-v0", family=name, difficulty=4, obs_mode="text")
        for seed in range(3):
            env.reset(seed=seed)
            answer = env.unwrapped.task["answer"]
            _, reward, terminated, truncated, info = env.step(f"Work... so the result is \\boxed{{{answer}}}")
            assert (reward, terminated, truncated) == (1.0, True, False), (name, answer, info["verdict"])
            assert info["verdict"]["status"] == "correct"


def test_wrong_and_empty_answers_earn_zero_with_a_reason():
    env = gym.make("rlvr/Math-v0", tasks=[{"question": "What is 6 * 7?", "answer": "42"}])
    env.reset(seed=0)
    _, reward, *_, info = env.step("\\boxed{41}")
    assert reward == 0.0 and info["verdict"]["status"] == "incorrect" and info["verdict"]["details"]["reason"]
    env.reset(seed=0)
    _, reward, *_, info = env.step("")
    assert reward == 0.0 and info["verdict"]["details"]["reason"] == "no_answer"
    env.reset(seed=0)
    _, reward, *_ = env.step(np.array(ByteTokenizer().encode("so \\boxed{42}")))
    assert reward == 1.0


def test_answer_never_appears_in_observation_or_messages():
    env = gym.make("rlvr/Math-v0", obs_mode="text", tasks=[
        {"question": "Compute the secret sum of 1 and 2.", "answer": "SECRET_3_TOKEN"}])
    obs, info = env.reset(seed=0)
    assert "SECRET_3_TOKEN" not in obs and "SECRET_3_TOKEN" not in str(info)
    obs, _, _, _, info = env.step("\\boxed{4}")
    assert "SECRET_3_TOKEN" not in obs + str(info)


def test_family_and_difficulty_keywords_select_tasks():
    names = sorted(FAMILIES)[:2]
    env = gym.make("rlvr/Math-v0", family=names, difficulty=7)
    seen = set()
    for seed in range(40):
        env.reset(seed=seed)
        task = env.unwrapped.task
        assert task["family"] in names and task["difficulty"] == 7
        seen.add(task["family"])
    assert seen == set(names)


def test_task_index_picks_the_same_procedural_item_as_the_source():
    env = gym.make("rlvr/Math-v0")
    env.reset(options={"task_index": 12345})
    first = env.unwrapped.task
    env.reset(seed=99)
    env.reset(options={"task_index": 12345})
    assert env.unwrapped.task == first


def test_neighbouring_seeds_give_distinct_questions():
    env = gym.make("rlvr/Math-v0", obs_mode="text")
    questions = {env.reset(seed=s)[1]["messages"][-1]["content"] for s in range(300)}
    # Some families have small spaces at the default difficulty (3), so a few
    # birthday collisions are expected; neighbouring seeds must not share streams.
    assert len(questions) >= 291


@pytest.mark.parametrize("kwargs, fragment", [
    ({"family": "no_such_family"}, "unknown math family"),
    ({"difficulty": 11}, "difficulty"),
    ({"source": "nowhere"}, "source must be"),
    ({"max_turns": 2}, "single-turn"),
    ({"verify_timeout": 0}, "verify_timeout"),
    ({"tasks": [{"question": "no answer"}]}, "'answer'"),
    ({"tasks": [{"answer": "1"}]}, "'question'"),
])
def test_bad_keywords_raise_config_errors_that_name_the_fix(kwargs, fragment):
    with pytest.raises(ConfigError, match=fragment):
        gym.make("rlvr/Math-v0", **kwargs)


def test_verdict_details_never_contain_the_gold_answer():
    env = gym.make("rlvr/Math-v0", tasks=[{"question": "q", "answer": "\\frac{7}{13}"}])
    env.reset(seed=0)
    *_, info = env.step("\\boxed{0.5}")
    assert "7}{13" not in str(info["verdict"])


@pytest.mark.parametrize("difficulty", [1, 5, 10])
def test_every_family_generates_many_items_without_raising(difficulty):
    from rlvr.envs.math.env import procedural_source

    for name in sorted(FAMILIES):
        source = procedural_source(name, difficulty)
        for index in range(600):  # logarithms once failed at item 1462 of difficulty 5
            task = source[index]
            assert task["question"] and task["answer"]
        assert source[1462]["answer"]
