"""Rollouts through the public env API in tokens mode, single- and multi-turn.

Each episode's token stream is ``prompt + action + obs + action + ...``
exactly as DESIGN.md promises: ``reset`` returns the rendered prompt, each
non-terminal ``step`` returns only the ids the env appended. The trainer
learns from the action tokens only; everything the env appended is context
(``policy_mask`` 0). Verdicts flagged ``masked`` (infrastructure errors) are
kept in the rollout for the metrics but dropped from the batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from rlvr.agents.generation import Sampler
from rlvr.core.errors import ConfigError


@dataclass
class Sample:
    """One episode.

    Attributes:
        group: Which prompt of the step it answers (its GRPO group).
        task_index: The env's task index (``reset(options={"task_index": i})``).
        prompt: Ids returned by ``reset``.
        response: Every id after the prompt: actions and env observations interleaved.
        policy_mask: 1 where ``response`` holds a token the policy sampled, 0 where the env appended it.
        reward: The terminal reward.
        status: ``info["verdict"]["status"]`` (``"correct"``, ``"incorrect"``, ``"error"``).
        masked: The verdict says the infrastructure failed: drop, do not punish.
        turns: Agent turns taken.
        truncated: The episode hit ``max_turns`` (or the trainer's context cap).
    """

    group: int
    task_index: int
    prompt: list[int]
    response: list[int] = field(default_factory=list)
    policy_mask: list[int] = field(default_factory=list)
    reward: float = 0.0
    status: str = "incorrect"
    masked: bool = False
    turns: int = 0
    truncated: bool = False
    done: bool = False

    @property
    def num_policy_tokens(self) -> int:
        return int(sum(self.policy_mask))

    def context(self) -> list[int]:
        return self.prompt + self.response


class EnvRunner:
    """Plays episodes of one env id in tokens mode with a given tokenizer.

    Single-turn envs (``max_turns == 1``) reuse one instance: ``reset`` with a
    task index is deterministic by contract, so the instance is reset again to
    the episode's task right before its only ``step``. Multi-turn episodes
    each hold their own instance from a pool that grows to the largest batch.
    """

    def __init__(self, env_id: str, env_kwargs: dict[str, Any], tokenizer: Any) -> None:
        import gymnasium as gym

        import rlvr  # noqa: F401  (registers the ids)

        reserved = {"obs_mode", "tokenizer"} & set(env_kwargs)
        if reserved:
            raise ConfigError(f"--env-kwargs may not set {sorted(reserved)}: the trainer uses tokens mode with "
                              "the model's tokenizer. Remove them.")
        self.env_id, self.env_kwargs, self.tokenizer = env_id, dict(env_kwargs), tokenizer
        self._make = lambda: gym.make(env_id, obs_mode="tokens", tokenizer=tokenizer,
                                      disable_env_checker=True, **self.env_kwargs)
        self.pool = [self._make()]
        base = self.pool[0].unwrapped
        self.single_turn = getattr(base, "max_turns", None) == 1
        try:
            self.num_tasks = len(base.source)
        except (AttributeError, TypeError):
            self.num_tasks = 2**31

    @property
    def env(self):
        return self.pool[0]

    def _envs(self, n: int) -> list[Any]:
        while len(self.pool) < n:
            self.pool.append(self._make())
        return self.pool[:n]

    def reset(self, env: Any, task_index: int) -> tuple[np.ndarray, dict]:
        return env.reset(seed=int(task_index) % 2**32, options={"task_index": int(task_index)})

    def task(self, task_index: int) -> dict:
        """The task dict at ``task_index`` (for supervised warm starts and reports)."""
        self.reset(self.env, task_index)
        return dict(self.env.unwrapped.task)

    def prompt(self, task_index: int) -> list[int]:
        obs, _ = self.reset(self.env, task_index)
        return [int(i) for i in obs]

    def close(self) -> None:
        for env in self.pool:
            env.close()

    def rollout(self, sampler: Sampler, task_indices: Sequence[int], group_size: int, max_new_tokens: int, *,
                greedy: bool = False, temperature: float = 1.0, max_context: int | None = None) -> list[Sample]:
        """Play ``group_size`` episodes of each task, all turns batched together.

        Args:
            sampler: Generates actions for every still-running episode at once.
            task_indices: One task per group.
            group_size: ``G`` episodes per task.
            max_new_tokens: Cap on each action.
            greedy: Argmax decoding (evaluation).
            max_context: Episodes whose context would exceed this many ids are
                truncated (reward 0) instead of overflowing the model.

        Returns:
            ``len(task_indices) * group_size`` samples, grouped in order.
        """
        samples: list[Sample] = []
        for group, task_index in enumerate(task_indices):
            if self.single_turn:
                prompt = self.prompt(task_index)
                samples.extend(Sample(group, int(task_index), list(prompt)) for _ in range(group_size))
            else:
                samples.extend(Sample(group, int(task_index), []) for _ in range(group_size))
        envs = [self.env] * len(samples) if self.single_turn else self._envs(len(samples))
        if not self.single_turn:
            for sample, env in zip(samples, envs):
                obs, _ = self.reset(env, sample.task_index)
                sample.prompt = [int(i) for i in obs]
        active = list(range(len(samples)))
        while active:
            actions = sampler.generate([samples[i].context() for i in active], max_new_tokens,
                                       greedy=greedy, temperature=temperature)
            still: list[int] = []
            for i, action in zip(active, actions):
                sample, env = samples[i], envs[i]
                if self.single_turn:
                    self.reset(env, sample.task_index)
                obs, reward, terminated, truncated, info = env.step(np.asarray(action, dtype=np.int64))
                sample.response.extend(int(t) for t in action)
                sample.policy_mask.extend([1] * len(action))
                sample.turns += 1
                if terminated or truncated:
                    verdict = info.get("verdict") or {}
                    sample.reward, sample.done, sample.truncated = float(reward), True, bool(truncated)
                    sample.status = str(verdict.get("status", "correct" if reward > 0 else "incorrect"))
                    sample.masked = bool(verdict.get("masked", False))
                    continue
                obs_ids = [int(t) for t in obs]
                sample.response.extend(obs_ids)
                sample.policy_mask.extend([0] * len(obs_ids))
                if max_context is not None and len(sample.context()) + max_new_tokens > max_context:
                    sample.reward, sample.done, sample.truncated, sample.status = 0.0, True, True, "incorrect"
                    env.close()  # frees the episode's resources; the env is reset before reuse
                    continue
                still.append(i)
            active = still
        return samples
