"""The shared env contract of DESIGN.md, checked on a toy multi-turn env."""

from __future__ import annotations

import warnings

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

from rlvr.core.errors import ConfigError
from rlvr.core.tokenizers import ByteTokenizer


def make(**kw):
    return gym.make("test/Echo-v0", **kw)


@pytest.mark.parametrize("obs_mode", ["tokens", "text"])
def test_check_env_passes_without_warnings(obs_mode):
    env = make(obs_mode=obs_mode)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_env(env.unwrapped)


def test_reset_returns_prompt_ids_ending_in_assistant_header():
    env = make()
    obs, info = env.reset(seed=3)
    assert obs.dtype == np.int64 and obs.ndim == 1
    tok = ByteTokenizer()
    assert tok.decode(obs).endswith("<|im_start|>assistant\n")
    assert info["messages"][0] == {"role": "system", "content": "Answer with one word."}
    assert info["messages"][1]["role"] == "user"
    assert env.observation_space.contains(obs)


def test_context_equals_rendering_of_whole_conversation_every_turn():
    env = make(max_turns=4)
    tok = ByteTokenizer()
    obs, info = env.reset(seed=0)
    context = list(obs)
    for action in ["nope", "still no ✓", "\x00odd"]:
        ids = tok.encode(action)
        obs, reward, term, trunc, info = env.step(np.array(ids))
        context += ids + list(obs)
        assert context == tok.encode(tok.render(info["messages"], add_generation_prompt=True))
        assert reward == 0.0 and not term and not trunc
    word = env.unwrapped.task["word"]
    obs, reward, term, trunc, info = env.step(word)
    assert obs.size == 0 and reward == 1.0 and term and not trunc
    assert info["verdict"]["status"] == "correct" and info["verdict"]["masked"] is False


def test_action_ending_in_eos_is_not_followed_by_a_second_eos():
    env = make()
    tok = ByteTokenizer()
    obs, _ = env.reset(seed=0)
    action = tok.encode("wrong") + [tok.eos_token_id]
    obs2, *_ , info = env.step(action)
    context = list(obs) + action + list(obs2)
    assert context == tok.encode(tok.render(info["messages"], add_generation_prompt=True))
    assert info["messages"][-2] == {"role": "assistant", "content": "wrong"}


def test_text_mode_gives_the_same_content_as_strings():
    env_t, env_s = make(), make(obs_mode="text")
    tok = ByteTokenizer()
    ids, _ = env_t.reset(seed=5)
    text, _ = env_s.reset(seed=5)
    assert tok.decode(ids) == text
    ids2, *_ = env_t.step("x")
    text2, *_ = env_s.step("x")
    assert tok.decode(ids2) == text2


def test_same_seed_same_task_and_task_index_option():
    env = make()
    tasks = set()
    for seed in range(20):
        env.reset(seed=seed)
        first = env.unwrapped.task["id"]
        env.reset(seed=seed)
        assert env.unwrapped.task["id"] == first
        tasks.add(first)
    assert len(tasks) > 10
    _, info = env.reset(options={"task_index": 7})
    assert env.unwrapped.task["id"] == "t7" and info["task_id"] == "t7"
    for bad in (-1, 50, "3", 1.5):
        with pytest.raises(ConfigError, match="task_index"):
            env.reset(options={"task_index": bad})


def test_max_turns_truncates_with_a_verdict():
    env = make(max_turns=2)
    env.reset(seed=0)
    env.step("a")
    obs, reward, term, trunc, info = env.step("b")
    assert trunc and not term and reward == 0.0
    assert info["verdict"]["status"] == "incorrect" and info["verdict"]["details"]["reason"] == "max_turns"
    with pytest.raises(gym.error.ResetNeeded):
        env.step("c")


BAD_ACTIONS = [
    [0xFF, 0xFE, 0xC3],                      # invalid UTF-8
    [10**9, -5, 3],                          # out-of-vocabulary and negative ids
    [],                                      # empty
    np.array([], dtype=np.float32),          # empty float array
    "x" * (1 << 20),                         # 1 MB
    [[1, 2], [3, 4]],                        # 2-D
    [1.5, 2.5],                              # floats
    None, {"a": 1}, object(), b"\xff\xfe",   # not an action at all
    [2**70],                                 # overflows int64
]


@pytest.mark.parametrize("action", BAD_ACTIONS, ids=range(len(BAD_ACTIONS)))
def test_bad_actions_never_raise(action):
    env = make()
    env.reset(seed=0)
    obs, reward, term, trunc, info = env.step(action)
    assert reward == 0.0 and not term
    assert env.observation_space.contains(obs)
    assert info["messages"][-1]["role"] == "user"


def test_unreadable_action_in_single_turn_is_incorrect_with_reason():
    env = make(max_turns=1)
    env.reset(seed=0)
    _, reward, term, _, info = env.step({"not": "an action"})
    assert term and reward == 0.0
    assert info["verdict"]["details"]["reason"] == "invalid_action"


def test_constructor_errors_name_the_fix():
    with pytest.raises(ConfigError, match="obs_mode"):
        make(obs_mode="pixels")
    with pytest.raises(ConfigError, match="max_turns"):
        make(max_turns=0)
    with pytest.raises(ConfigError, match="tokenizer"):
        make(tokenizer=12)
    with pytest.raises(ConfigError, match="local directory"):
        make(tokenizer="/nonexistent/tokenizer/dir")


def test_system_prompt_override_and_removal():
    _, info = make(system_prompt="Be brief.").reset(seed=0)
    assert info["messages"][0]["content"] == "Be brief."
    _, info = make(system_prompt="").reset(seed=0)
    assert info["messages"][0]["role"] == "user"


def test_async_vector_env_runs_episodes():
    envs = gym.make_vec("test/Echo-v0", num_envs=2, vectorization_mode="async")
    try:
        obs, info = envs.reset(seed=0)
        assert len(obs) == 2 and all(o.dtype == np.int64 for o in obs)
        obs, reward, term, trunc, info = envs.step(["wrong", "wrong"])
        assert list(reward) == [0.0, 0.0] and not term.any()
    finally:
        envs.close()


def test_render_ansi_shows_the_conversation():
    env = make(render_mode="ansi")
    env.reset(seed=0)
    env.step("hello")
    text = env.render()
    assert "[assistant] hello" in text and "[user]" in text
