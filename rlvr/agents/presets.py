"""Presets: named bundles of trainer options, and the tiny demo's arithmetic curriculum.

The tiny preset is calibrated for 2 CPU cores (``make run``): a ~0.84M-parameter
model reading one byte per token (compact chat format, ~10-token prompts) is
warm-started by supervised learning on Math-v0 arithmetic tasks until it
answers 40% of validation problems (lr 2e-3 after a 50-step warm-up, never
decayed, weight decay 0.1; the accuracy jumps from ~10% to ~40% after roughly
1,000 steps), then GRPO raises its held-out accuracy: 64 prompts x G=8, lr 5e-4
with a 20-step warm-up, clip 0.2, no KL, zero-advantage responses skipped in
the backward pass, validation every 40 steps keeping the best weights, and a
collapse guard that restores them at half the lr. Known-bad settings on this
machine: lr 1e-3, 4 prompts per step, a decayed warm-start lr (collapse to
one repeated wrong answer), two PPO epochs per batch or 16 x 16 groups (lost
accuracy), warm-start lr 4e-3 (slower). The run is budgeted in steps; the
time limits (260 s warm start, 270 s RL) are a safety net for a busy machine.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.core.tasks import item_rng

#: Levels of the curriculum: (weight, operators, first operand range, second operand range).
ARITHMETIC_LEVELS: tuple[tuple[float, str, tuple[int, int], tuple[int, int]], ...] = (
    (0.15, "+-*", (0, 9), (0, 9)),       # one digit each
    (0.25, "+-", (10, 99), (0, 9)),      # two digits with one
    (0.40, "+-", (10, 99), (10, 99)),    # two digits each
    (0.20, "*", (10, 99), (2, 9)),       # two digits times one
)


def arithmetic_task(index: int, seed: int = 0) -> dict[str, Any]:
    """Item ``index`` of the curriculum: ``{"question": "37+45", "answer": "82", "level": 3}``.

    Questions are bare expressions so the byte-level prompt stays ~30 tokens;
    answers are exact integers (Math-v0's verifier accepts a bare number).
    """
    rng = item_rng(seed, index)
    weights = np.array([w for w, *_ in ARITHMETIC_LEVELS])
    level = int(rng.choice(len(ARITHMETIC_LEVELS), p=weights / weights.sum()))
    _, ops, (a_lo, a_hi), (b_lo, b_hi) = ARITHMETIC_LEVELS[level]
    op = ops[int(rng.integers(len(ops)))]
    a, b = int(rng.integers(a_lo, a_hi + 1)), int(rng.integers(b_lo, b_hi + 1))
    value = a + b if op == "+" else a - b if op == "-" else a * b
    return {"question": f"{a}{op}{b}", "answer": str(value), "id": f"arith-{seed}-{index}", "level": level + 1}


def arithmetic_tasks(n: int = 16000, seed: int = 0) -> list[dict[str, Any]]:
    """``n`` distinct curriculum tasks (no question repeats), in a seeded random order.

    The trainer holds out the first ``eval_size + val_size`` of them, so the
    held-out and validation problems never appear in training. Distinctness
    exhausts the small levels (there are only 300 one-digit problems) early in
    generation order, so the list is shuffled: the held-out problems are then
    a uniform sample of the same pool training draws from.
    """
    tasks: list[dict[str, Any]] = []
    seen: set[str] = set()
    index = 0
    while len(tasks) < n:
        task = arithmetic_task(index, seed)
        index += 1
        if task["question"] not in seen:
            seen.add(task["question"])
            tasks.append(task)
        if index > 50 * n:
            raise ValueError(f"the arithmetic curriculum has fewer than {n} distinct problems")
    order = np.random.default_rng([seed, 0xA817]).permutation(len(tasks))
    return [tasks[i] for i in order]


#: Options each preset sets (unless given on the command line).
PRESETS: dict[str, dict[str, Any]] = {
    "tiny": {
        "env": "rlvr/Math-v0",
        "env_kwargs": '{"system_prompt": ""}',
        "curriculum": "arithmetic",
        "model": "tiny",
        "total_steps": 600,
        "prompts_per_step": 64,
        "group_size": 8,
        "max_new_tokens": 8,
        "lr": 5e-4,
        "warmup_steps": 20,
        "clip_low": 0.2,
        "kl_beta": 0.0,
        "eval_size": 1000,
        "eval_k": 4,
        "eval_k_size": 200,
        "val_size": 500,
        "val_every": 40,
        "collapse_drop": 0.08,
        "save_every": 100,
        "micro_batch_size": 512,
        "warm_start_steps": 2000,
        "warm_start_lr": 2e-3,
        "warm_start_weight_decay": 0.1,
        "warm_start_batch": 128,
        "warm_start_target": 0.4,
        "warm_start_check": 50,
        "warm_start_time_limit": 260.0,
        "time_limit": 270.0,
        "output_dir": "runs/tiny",
    },
}


def build_env_kwargs(env_kwargs: dict[str, Any], curriculum: str = "none") -> dict[str, Any]:
    """The env's constructor keywords, with the curriculum's tasks when one is chosen."""
    kwargs = dict(env_kwargs)
    if curriculum == "arithmetic" and "tasks" not in kwargs:
        kwargs["tasks"] = arithmetic_tasks()
    elif curriculum not in ("none", "arithmetic"):
        raise ValueError(f"curriculum must be 'none' or 'arithmetic', got {curriculum!r}")
    return kwargs
