"""Held-out evaluation: greedy pass@1 and the unbiased pass@k, through the env's own verifier."""

from __future__ import annotations

import json
import os
from collections import defaultdict
from typing import Any, Sequence

import numpy as np

from rlvr.agents.losses import pass_at_k
from rlvr.agents.rollout import EnvRunner

#: Saved next to a trained model so ``rlvr eval --model DIR`` finds the env it was trained on.
RUN_FILE = "rlvr_run.json"


def evaluate(runner: EnvRunner, sampler: Any, task_indices: Sequence[int], max_new_tokens: int, *,
             k: int = 0, k_indices: Sequence[int] | None = None, samples_per_task: int | None = None,
             max_context: int | None = None) -> dict[str, float]:
    """``pass@1`` from one greedy answer per task, and ``pass@k`` from ``n >= k`` samples per task.

    Episodes whose verdict is ``masked`` count neither as right nor wrong.

    Returns:
        ``{"pass@1": ..., "pass@k": ..., "n": ..., "masked": ...}`` (``pass@k`` only when ``k > 1``),
        with the key literally ``pass@<k>``.
    """
    result: dict[str, float] = {}
    greedy = runner.rollout(sampler, list(task_indices), 1, max_new_tokens, greedy=True, max_context=max_context)
    scored = [s for s in greedy if not s.masked]
    result["pass@1"] = float(np.mean([s.reward for s in scored])) if scored else float("nan")
    result["n"] = float(len(scored))
    result["masked"] = float(len(greedy) - len(scored))
    if k > 1:
        n = max(k, samples_per_task or k)
        indices = list(task_indices if k_indices is None else k_indices)
        samples = runner.rollout(sampler, indices, n, max_new_tokens, greedy=False, max_context=max_context)
        per_task: dict[int, list[float]] = defaultdict(list)
        for s in samples:
            if not s.masked:
                per_task[s.group].append(s.reward)
        values = [pass_at_k(len(r), sum(1 for x in r if x >= 1.0), k) for r in per_task.values() if len(r) >= k]
        result[f"pass@{k}"] = float(np.mean(values)) if values else float("nan")
    return result


def save_run_info(path: str, args: Any) -> None:
    """Record the env a model was trained on (its held-out split is what ``rlvr eval`` measures)."""
    info = {"env": args.env, "env_kwargs": args.env_kwargs_dict(), "curriculum": args.curriculum,
            "eval_size": args.eval_size, "eval_env_kwargs": args.eval_env_kwargs_dict(),
            "max_new_tokens": args.max_new_tokens}
    with open(os.path.join(path, RUN_FILE), "w") as f:
        json.dump(info, f, indent=1)


def evaluate_model(model_path: str, *, env: str | None = None, env_kwargs: dict[str, Any] | None = None,
                   n: int = 500, k: int = 1, samples_per_task: int | None = None, max_new_tokens: int | None = None,
                   device: str = "auto", seed: int = 0, start: int = 0) -> dict[str, Any]:
    """``rlvr eval --model``: pass@1 (greedy) and pass@k on ``n`` held-out tasks of an env.

    Without ``env``, a model saved by the trainer is evaluated on the held-out
    split of the env it was trained on (task indices ``[0, n)``, which training
    never samples). Otherwise task indices ``[start, start + n)`` of ``env``.
    """
    import torch

    from rlvr.agents.generation import HFSampler
    from rlvr.agents.model import load_policy, pad_id
    from rlvr.agents.presets import build_env_kwargs
    from rlvr.agents.train import resolve_device

    info: dict[str, Any] = {}
    run_file = os.path.join(model_path, RUN_FILE)
    if os.path.exists(run_file):
        with open(run_file) as f:
            info = json.load(f)
    if env is None:
        if not info:
            from rlvr.core.errors import ConfigError

            raise ConfigError(f"{model_path!r} was not saved by the rlvr trainer; pass --env (e.g. rlvr/Math-v0).")
        env = info["env"]
        kwargs = info.get("eval_env_kwargs") or build_env_kwargs(info["env_kwargs"], info.get("curriculum", "none"))
        if n > info.get("eval_size", n) and not info.get("eval_env_kwargs"):
            n = info["eval_size"]  # only the held-out tasks are unseen
    else:
        kwargs = dict(env_kwargs or {})
    dev = resolve_device(device)
    model, tokenizer = load_policy(model_path, dev, seed)
    runner = EnvRunner(env, kwargs, tokenizer)
    n = min(n, runner.num_tasks - start)
    generator = torch.Generator(device=dev).manual_seed(seed)
    sampler = HFSampler(model, [tokenizer.eos_token_id], pad_id(tokenizer), generator)
    cap = max_new_tokens or int(info.get("max_new_tokens", 0)) or 256
    indices = list(range(start, start + n))
    result = evaluate(runner, sampler, indices, cap, k=k, samples_per_task=samples_per_task)
    runner.close()
    return {"env": env, "model": model_path, "tasks": n, "k": k, **result}
