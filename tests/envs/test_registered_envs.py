"""Every registered rlvr id honours the Gymnasium contract (DESIGN.md, "Gymnasium compliance")."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import warnings

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

import rlvr  # noqa: F401
from rlvr.envs import ENV_DESCRIPTIONS

ENV_IDS = sorted(ENV_DESCRIPTIONS)


@pytest.mark.parametrize("obs_mode", ["tokens", "text"])
@pytest.mark.parametrize("env_id", ENV_IDS)
def test_check_env_without_warnings(env_id, obs_mode):
    env = gym.make(env_id, obs_mode=obs_mode)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            check_env(env.unwrapped)
    finally:
        env.close()


def _fingerprint(env_id: str, seeds: range) -> str:
    env = gym.make(env_id)
    digest = hashlib.sha256()
    for seed in seeds:
        obs, _ = env.reset(seed=seed)
        digest.update(np.asarray(obs, dtype=np.int64).tobytes())
    env.close()
    return digest.hexdigest()


@pytest.mark.parametrize("env_id", ENV_IDS)
def test_reset_is_deterministic_across_processes(env_id):
    here = _fingerprint(env_id, range(25))
    code = (f"import rlvr, sys; sys.path.insert(0, {str(__file__.rsplit('/', 1)[0])!r}); "
            f"from test_registered_envs import _fingerprint; print(_fingerprint({env_id!r}, range(25)))")
    there = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert here == there


@pytest.mark.parametrize("env_id", ENV_IDS)
def test_async_vector_env(env_id):
    envs = gym.make_vec(env_id, num_envs=2, vectorization_mode="async")
    try:
        obs, info = envs.reset(seed=0)
        assert len(obs) == 2 and obs[0].dtype == np.int64
        assert not np.array_equal(obs[0], obs[1])
        obs, reward, terminated, truncated, info = envs.step(["\\boxed{0}", "I do not know"])
        assert reward.shape == (2,) and set(reward.tolist()) <= {0.0, 1.0}
    finally:
        envs.close()
