"""rlvr envs inside TRL's ``GRPOTrainer``.

Two adapters:

* :func:`reward_function` - for single-turn envs (Math-v0, single-attempt
  Code-v0): a reward function in the signature ``GRPOTrainer`` calls,
  ``f(prompts, completions, **columns) -> list[float | None]``. Each
  completion is scored by the env's own verifier through ``env.reset`` to the
  row's ``task_index`` and ``env.step(completion)``. An infrastructure error
  (``verdict["masked"]``) returns ``None``, which TRL leaves out of the
  reward instead of punishing the policy.
* :func:`environment_factory` - for multi-turn tool envs (SWE-v0,
  ComputerUse-v0): a class for TRL's ``environment_factory`` hook whose public
  methods are the env's tools (TRL exposes them to the model and calls them
  on its tool calls), ``reset(**row)`` starts the row's task and
  ``get_reward()`` returns the verdict's reward once the episode has ended.

:func:`prompt_dataset` builds the ``prompt`` / ``task_index`` rows both expect::

    from trl import GRPOConfig, GRPOTrainer
    from rlvr.integrations.trl import prompt_dataset, reward_function

    dataset = prompt_dataset("rlvr/Math-v0", range(1000), difficulty=2)
    trainer = GRPOTrainer(model, reward_funcs=reward_function("rlvr/Math-v0", difficulty=2),
                          train_dataset=dataset, args=GRPOConfig(...))
"""

from __future__ import annotations

import inspect
import json
import threading
from typing import Any, Callable, Iterable

#: The dataset column that tells the adapters which task a row is.
TASK_COLUMN = "task_index"


def _make_env(env_id: str, env_kwargs: dict[str, Any]):
    import gymnasium as gym

    import rlvr  # noqa: F401  (registers the ids)

    return gym.make(env_id, obs_mode="text", disable_env_checker=True, **env_kwargs)


def prompt_dataset(env_id: str, task_indices: Iterable[int], *, conversational: bool = True, **env_kwargs: Any):
    """A ``datasets.Dataset`` with ``prompt`` (the env's chat messages) and ``task_index`` columns.

    Args:
        env_id: Any rlvr env id.
        task_indices: Which tasks (``reset(options={"task_index": i})``).
        conversational: ``prompt`` as ``[{"role", "content"}, ...]`` (TRL applies the
            model's chat template) or as the env's own rendered text.
        **env_kwargs: Constructor keywords of the env (``tasks=``, ``difficulty=``, ...).
    """
    from datasets import Dataset

    env = _make_env(env_id, env_kwargs)
    rows: dict[str, list] = {"prompt": [], TASK_COLUMN: []}
    for index in task_indices:
        obs, info = env.reset(options={"task_index": int(index)})
        rows["prompt"].append(info["messages"] if conversational else obs)
        rows[TASK_COLUMN].append(int(index))
    env.close()
    return Dataset.from_dict(rows)


def _completion_text(completion: Any) -> str:
    """TRL passes a string (standard format) or a list of messages (conversational)."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, list):
        return "".join(m.get("content", "") if isinstance(m.get("content"), str) else json.dumps(m.get("content"))
                       for m in completion if m.get("role", "assistant") == "assistant")
    return str(completion)


def reward_function(env_id: str, **env_kwargs: Any) -> Callable[..., list[float | None]]:
    """A TRL reward function that scores completions with a single-turn env's verifier.

    The dataset must carry a ``task_index`` column (see :func:`prompt_dataset`).
    The function is thread-safe (one env per thread) and is named after the env
    so TRL logs it as ``rewards/<env>``.
    """
    local = threading.local()

    def env():
        if not hasattr(local, "env"):
            local.env = _make_env(env_id, env_kwargs)
            if getattr(local.env.unwrapped, "max_turns", 1) != 1:
                raise ValueError(f"reward_function needs a single-turn env; {env_id} has max_turns="
                                 f"{local.env.unwrapped.max_turns}. Use environment_factory for multi-turn envs.")
        return local.env

    def rlvr_reward(prompts: list, completions: list, **columns: Any) -> list[float | None]:
        if TASK_COLUMN not in columns:
            raise ValueError(f"the dataset has no {TASK_COLUMN!r} column; build it with "
                             "rlvr.integrations.trl.prompt_dataset or add the env's task index to each row.")
        rewards: list[float | None] = []
        for completion, index in zip(completions, columns[TASK_COLUMN]):
            e = env()
            e.reset(options={"task_index": int(index)})
            _, reward, _, _, info = e.step(_completion_text(completion))
            verdict = info.get("verdict") or {}
            rewards.append(None if verdict.get("masked") else float(reward))
        return rewards

    rlvr_reward.__name__ = "rlvr_" + env_id.split("/")[-1].replace("-", "_")
    return rlvr_reward


class RlvrToolEnvironment:
    """Base of the classes :func:`environment_factory` builds; one instance plays one episode at a time."""

    env_id: str = ""
    env_kwargs: dict[str, Any] = {}

    def __init__(self) -> None:
        self.env = _make_env(self.env_id, self.env_kwargs)
        self.reward: float | None = 0.0
        self.done = True
        self.verdict: dict[str, Any] | None = None

    def reset(self, **row: Any) -> str | None:
        """Start the row's task (``task_index`` column); TRL already shows the row's prompt."""
        index = row.get(TASK_COLUMN)
        options = {TASK_COLUMN: int(index)} if index is not None else None
        self.env.reset(options=options)
        self.reward, self.done, self.verdict = 0.0, False, None
        return None

    def _call(self, name: str, arguments: dict[str, Any]) -> str:
        if self.done:
            return "The episode has ended; no more tool calls are needed."
        action = "<tool_call>" + json.dumps({"name": name, "arguments": arguments}) + "</tool_call>"
        obs, reward, terminated, truncated, info = self.env.step(action)
        if terminated or truncated:
            self.done = True
            self.verdict = info.get("verdict") or {}
            self.reward = None if self.verdict.get("masked") else float(reward)
            return f"Episode over: {self.verdict.get('status', 'done')}."
        return info["messages"][-1]["content"]

    def get_reward(self) -> float | None:
        """The verdict's reward (0 if the episode never ended; ``None`` for a masked verdict)."""
        return self.reward


_JSON_TO_PY = {"string": str, "integer": int, "number": float, "boolean": bool, "array": list, "object": dict}


def _tool_method(schema: dict[str, Any]) -> Callable[..., str]:
    """A method with the tool's name, typed parameters and a Google-style docstring (what TRL reads)."""
    fn = schema.get("function", schema)
    name, params = fn["name"], fn.get("parameters", {}) or {}
    props, required = params.get("properties", {}), set(params.get("required", []))

    def method(self, **kwargs: Any) -> str:
        return self._call(name, kwargs)

    parameters = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    annotations: dict[str, Any] = {"return": str}
    lines = [fn.get("description", name) or name, "", "Args:"]
    for pname, spec in props.items():
        kind = _JSON_TO_PY.get(spec.get("type", "string"), str)
        annotations[pname] = kind if pname in required else kind | None
        parameters.append(inspect.Parameter(pname, inspect.Parameter.KEYWORD_ONLY,
                                            default=inspect.Parameter.empty if pname in required else None,
                                            annotation=annotations[pname]))
        lines.append(f"    {pname}: {spec.get('description', pname)}")
    if not props:
        lines.pop()
    lines += ["", "Returns:", "    What the environment answers."]
    method.__name__ = method.__qualname__ = name
    method.__doc__ = "\n".join(lines)
    method.__annotations__ = annotations
    method.__signature__ = inspect.Signature(parameters, return_annotation=str)  # type: ignore[attr-defined]
    return method


def environment_factory(env_id: str, **env_kwargs: Any) -> type[RlvrToolEnvironment]:
    """A class for ``GRPOTrainer(environment_factory=...)`` exposing a multi-turn env's tools.

    TRL creates one instance per concurrent rollout, calls ``reset(**row)``,
    lets the model call the tool methods, then reads ``get_reward()``.
    """
    probe = _make_env(env_id, env_kwargs)
    tools = getattr(probe.unwrapped, "tools", None) or []
    probe.close()
    if not tools:
        raise ValueError(f"{env_id} exposes no tools; use reward_function for single-turn envs like Math-v0.")
    namespace: dict[str, Any] = {"env_id": env_id, "env_kwargs": dict(env_kwargs)}
    for schema in tools:
        method = _tool_method(schema)
        if method.__name__ in ("reset", "get_reward") or method.__name__.startswith("_"):
            raise ValueError(f"tool name {method.__name__!r} collides with TRL's environment protocol")
        namespace[method.__name__] = method
    name = "Rlvr" + "".join(ch for ch in env_id.split("/")[-1] if ch.isalnum())
    return type(name, (RlvrToolEnvironment,), namespace)
