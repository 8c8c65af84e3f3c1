"""The trainer's configuration: one ``Args`` dataclass, a docstring per field.

Parsed with ``transformers.HfArgumentParser`` (so ``--total-steps`` and
``--total_steps`` both work, booleans take ``--flag`` / ``--no-flag``), with
each field's docstring as its ``--help`` text. A ``--preset`` fills in the
fields the user did not set on the command line.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import json
import textwrap
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any, Literal, Sequence

from rlvr.core.errors import ConfigError


@dataclass
class Args:
    # ---- what to train on
    env: str = "rlvr/Math-v0"
    """Gymnasium id of the env to train on (any rlvr env; played in tokens mode)."""
    env_kwargs: str = "{}"
    """JSON object of constructor keywords for the env, e.g. '{"difficulty": 2}'."""
    eval_env_kwargs: str | None = None
    """JSON keywords of a separate held-out env; by default held-out and validation tasks are the
    first `eval_size + val_size` task indices of the training env, which training never samples."""
    curriculum: Literal["none", "arithmetic"] = "none"
    """'arithmetic': the env's tasks are the built-in arithmetic curriculum (Math-v0 `tasks=`: +, -, x with one-
    and two-digit operands, bare answers)."""
    model: str = "tiny"
    """'tiny' (a ~1M-parameter Llama-style model built from a config, byte tokenizer, no download) or a
    local directory / hub name of a Transformers causal LM."""
    preset: Literal["none", "tiny"] = "none"
    """'tiny': the CPU demo: supervised warm start of the tiny model on an arithmetic curriculum
    (Math-v0 tasks), then GRPO; it sets every option you leave at its default."""

    # ---- the RL step
    total_steps: int = 100
    """Optimizer steps of RL."""
    prompts_per_step: int = 64
    """Prompts (groups) per step."""
    group_size: int = 8
    """Sampled responses per prompt (G)."""
    max_new_tokens: int = 256
    """Cap on the tokens of one action (one turn)."""
    temperature: float = 1.0
    """Sampling temperature of rollouts (the loss assumes the policy's own distribution: keep 1.0)."""
    lr: float = 1e-6
    """AdamW learning rate after warm-up (the tiny preset uses 5e-4)."""
    warmup_steps: int = 20
    """Linear learning-rate warm-up steps, then constant."""
    weight_decay: float = 0.0
    """AdamW weight decay."""
    max_grad_norm: float = 1.0
    """Gradient-norm clip (0 disables)."""
    loss: Literal["grpo", "dr_grpo", "dapo"] = "grpo"
    """Loss aggregation: per-sequence mean (grpo), constant normaliser (dr_grpo), token-level (dapo)."""
    clip_low: float = 0.2
    """The ratio is clipped below at 1 - clip_low."""
    clip_high: float | None = None
    """The ratio is clipped above at 1 + clip_high; default clip_low, or 0.28 with --loss dapo (clip-higher)."""
    kl_beta: float = 0.0
    """Weight of the k3 KL penalty to a frozen copy of the initial policy (0: no reference model)."""
    scale_rewards: Literal["group", "none"] = "group"
    """Divide group-centred rewards by the group's std (group) or not (none, as in Dr. GRPO)."""
    dynamic_sampling: bool = False
    """Drop groups whose rewards are all equal and sample more prompts to refill the batch (DAPO)."""
    dynamic_sampling_rounds: int = 4
    """At most this many extra sampling rounds per step when refilling."""
    skip_zero_advantage: bool = True
    """Skip the forward/backward of responses whose advantage is 0 when they cannot contribute
    (no KL): the same update, less compute."""
    micro_batch_size: int = 256
    """Responses per forward/backward pass; gradients accumulate over the step's batch."""
    ppo_epochs: int = 1
    """Optimizer passes over each batch (1 = on-policy; >1 makes the clip matter)."""
    max_context: int = 4096
    """Multi-turn episodes whose context would exceed this many tokens are cut (reward 0)."""

    # ---- evaluation, checkpoints, output
    eval_size: int = 500
    """Held-out tasks for greedy pass@1 (and pass@k), measured before and after RL."""
    eval_every: int = 0
    """Also evaluate on the held-out tasks every this many steps (0: only before and after)."""
    eval_k: int = 4
    """k of the pass@k estimate (k samples per held-out task at temperature 1; 0 or 1 disables)."""
    eval_k_size: int = 100
    """Held-out tasks used for pass@k (a subset: it costs k samples each)."""
    val_size: int = 0
    """Validation tasks (disjoint from held-out and training) checked every --val-every steps to keep the
    best checkpoint (0: no validation; the final weights are the last ones)."""
    val_every: int = 25
    """Steps between validations."""
    collapse_drop: float = 0.0
    """Collapse guard: when validation accuracy falls this far below its best (e.g. 0.1), restore the
    best weights and optimizer state and halve the learning rate (0 disables)."""
    save_every: int = 50
    """Steps between checkpoints (the last step is always saved)."""
    output_dir: str = "runs/rlvr"
    """Where checkpoints, metrics.jsonl, TensorBoard events and the learning curve go."""
    resume: str | None = None
    """'latest' (the newest checkpoint in --output-dir) or a checkpoint directory."""
    seed: int = 0
    """Seeds model init, sampling and data order."""
    device: str = "auto"
    """'auto' (CUDA if available, else CPU), 'cpu', 'cuda', 'cuda:1', ..."""
    generation_backend: Literal["hf", "vllm"] = "hf"
    """'hf': the policy with its KV cache; 'vllm': a vLLM engine (GPU, vllm installed)."""
    time_limit: float = 0.0
    """Safety net: stop RL after this many seconds (0: none). Budget runs in steps."""
    threads: int = 0
    """torch CPU threads (0: torch's default)."""
    tensorboard: bool = True
    """Also write TensorBoard scalars when tensorboard is installed."""
    progress: bool = True
    """Show a progress bar."""

    # ---- supervised warm start (the tiny preset)
    warm_start_steps: int = 0
    """Supervised steps on the env's reference answers before RL (0: none). Needs tasks with 'answer'."""
    warm_start_lr: float = 2e-3
    """Constant learning rate of the warm start (a decayed one left the policy prone to collapse)."""
    warm_start_weight_decay: float = 0.1
    """AdamW weight decay of the warm start (0.1 made the tiny model's jump in accuracy come sooner and
    more reliably than 0)."""
    warm_start_batch: int = 128
    """Sequences per warm-start step."""
    warm_start_target: float = 0.4
    """Stop the warm start once greedy validation accuracy reaches this (checked every --warm-start-check steps)."""
    warm_start_check: int = 100
    """Warm-start steps between validation checks."""
    warm_start_time_limit: float = 0.0
    """Safety net: end the warm start after this many seconds (0: none)."""

    def __post_init__(self) -> None:
        positive = ("total_steps", "prompts_per_step", "group_size", "max_new_tokens", "micro_batch_size",
                    "ppo_epochs", "eval_size", "val_every", "save_every", "warm_start_batch",
                    "warm_start_check", "max_context")
        for name in positive:
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ConfigError(f"--{name.replace('_', '-')} must be a positive integer, got {value!r}")
        for name in ("eval_every", "eval_k", "eval_k_size", "val_size", "warm_start_steps", "threads",
                     "dynamic_sampling_rounds", "warmup_steps"):
            if getattr(self, name) < 0:
                raise ConfigError(f"--{name.replace('_', '-')} must be >= 0, got {getattr(self, name)!r}")
        if self.group_size < 2:
            raise ConfigError(f"--group-size must be >= 2 for group-relative advantages, got {self.group_size}; "
                              "use 8 or more.")
        if not self.lr > 0 or not self.warm_start_lr > 0:
            raise ConfigError(f"--lr and --warm-start-lr must be > 0, got {self.lr} and {self.warm_start_lr}")
        if not 0 < self.clip_low < 1:
            raise ConfigError(f"--clip-low must be in (0, 1), got {self.clip_low}")
        if self.clip_high is None:
            self.clip_high = 0.28 if self.loss == "dapo" else self.clip_low
        if not self.clip_high > 0:
            raise ConfigError(f"--clip-high must be > 0, got {self.clip_high}")
        if self.kl_beta < 0:
            raise ConfigError(f"--kl-beta must be >= 0, got {self.kl_beta}")
        if not self.temperature > 0:
            raise ConfigError(f"--temperature must be > 0, got {self.temperature}; greedy is for evaluation")
        if not 0 <= self.collapse_drop < 1:
            raise ConfigError(f"--collapse-drop must be in [0, 1), got {self.collapse_drop}")
        if self.collapse_drop and not self.val_size:
            raise ConfigError("--collapse-drop needs validation: set --val-size (e.g. 500).")
        if not 0 <= self.warm_start_target <= 1:
            raise ConfigError(f"--warm-start-target is an accuracy in [0, 1], got {self.warm_start_target}")
        self.env_kwargs_dict()  # validates the JSON early
        self.eval_env_kwargs_dict()

    def env_kwargs_dict(self) -> dict[str, Any]:
        return _json_object("--env-kwargs", self.env_kwargs)

    def eval_env_kwargs_dict(self) -> dict[str, Any] | None:
        return None if self.eval_env_kwargs is None else _json_object("--eval-env-kwargs", self.eval_env_kwargs)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _json_object(flag: str, text: str) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError as exc:
        raise ConfigError(f"{flag} must be a JSON object, e.g. '{{\"difficulty\": 2}}'; got {text!r} ({exc})") \
            from None
    if not isinstance(value, dict):
        raise ConfigError(f"{flag} must be a JSON object, e.g. '{{\"difficulty\": 2}}'; got {text!r}")
    return value


@lru_cache(maxsize=None)
def field_docs(cls: type = Args) -> dict[str, str]:
    """Attribute docstrings (the string literal right after each field), by field name."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    body = tree.body[0].body  # type: ignore[attr-defined]
    docs: dict[str, str] = {}
    for node, nxt in zip(body, body[1:]):
        if (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and isinstance(nxt, ast.Expr)
                and isinstance(nxt.value, ast.Constant) and isinstance(nxt.value.value, str)):
            docs[node.target.id] = " ".join(nxt.value.value.split())
    return docs


def build_parser(parser: argparse.ArgumentParser | None = None):
    """An ``HfArgumentParser`` for :class:`Args` with every field's docstring as its help."""
    from rlvr.core.errors import require

    HfArgumentParser = require("transformers", "train", "The rlvr trainer").HfArgumentParser
    hf = HfArgumentParser(Args) if parser is None else parser
    if parser is not None:
        hf._add_dataclass_arguments(Args)  # type: ignore[attr-defined]
    docs = field_docs(Args)
    for action in hf._actions:
        name = action.dest
        if name in docs and not (action.option_strings and action.option_strings[0].startswith("--no")):
            default = "" if action.default in (None, argparse.SUPPRESS) else f" (default: {action.default})"
            action.help = (docs[name] + default).replace("%", "%%")
    hf.description = "Train a policy with GRPO-family RL on an rlvr env."
    return hf


def parse_args(argv: Sequence[str] | None = None) -> Args:
    """Parse the command line, then fill what the user left unset from ``--preset``."""
    parser = build_parser()
    namespace, extra = parser.parse_known_args(argv)
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    explicit = explicit_options(parser, argv)
    values = vars(namespace)
    return make_args(values, explicit)


def explicit_options(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> set[str]:
    """The dests the user set on the command line (argparse alone cannot tell a default from an echo)."""
    import copy

    probe = copy.deepcopy(parser)
    for action in probe._actions:
        action.default = argparse.SUPPRESS
        action.required = False
    namespace, _ = probe.parse_known_args(argv)
    return set(vars(namespace))


def make_args(values: dict[str, Any], explicit: set[str] | None = None) -> Args:
    """Build :class:`Args` from parsed values, applying the preset to fields not in ``explicit``."""
    names = {f.name for f in fields(Args)}
    values = {k: v for k, v in values.items() if k in names}
    explicit = set(values) if explicit is None else explicit
    preset = values.get("preset", "none") or "none"
    if preset != "none":
        from rlvr.agents.presets import PRESETS

        if preset not in PRESETS:
            raise ConfigError(f"--preset must be one of {sorted(PRESETS)} or 'none', got {preset!r}")
        for key, value in PRESETS[preset].items():
            if key not in explicit:
                values[key] = value
    return Args(**values)
