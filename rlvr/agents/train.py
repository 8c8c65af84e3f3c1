"""The reference GRPO-family trainer: ``python -m rlvr.agents.train`` / ``rlvr train``.

One flat loop, in order (CleanRL style)::

    (warm start) -> eval before RL -> for each step:
        rollouts (G per prompt, multi-turn, dynamic-sampling refill)
        -> group-relative advantages -> clipped policy loss over micro-batches
        -> AdamW step -> metrics -> (validation, best checkpoint, collapse guard)
        -> (checkpoint)
    -> restore best -> eval after RL -> learning curve

Every decision is a function of ``--seed`` and the step counter (never of the
wall clock), so a run resumed from a checkpoint ends with exactly the
weights of an uninterrupted run.

Example::

    python -m rlvr.agents.train --preset tiny                        # the CPU demo (make run)
    python -m rlvr.agents.train --env rlvr/Math-v0 --model ./qwen-0.5b --loss dapo --dynamic-sampling
"""

from __future__ import annotations

import contextlib
import copy
import json
import math
import os
import random
import sys
import time
from dataclasses import asdict, dataclass
from typing import Any, Sequence

import numpy as np

from rlvr.agents.checkpoint import load_trainer_state, load_weights, resolve_resume, save_checkpoint, set_rng_state
from rlvr.agents.config import Args, parse_args
from rlvr.agents.evaluate import evaluate, save_run_info
from rlvr.agents.generation import make_sampler, HFSampler
from rlvr.agents.losses import group_advantages, loss_normaliser, policy_loss
from rlvr.agents.metrics import MetricsLogger, plot_learning_curve
from rlvr.agents.model import load_policy, pad_id, save_policy
from rlvr.agents.presets import build_env_kwargs
from rlvr.agents.rollout import EnvRunner, Sample
from rlvr.core.errors import ConfigError, require

#: Task sources at least this large are procedural: their items never repeat, so no epochs are needed.
PROCEDURAL_MIN = 2**40


def resolve_device(device: str) -> str:
    import torch

    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise ConfigError(f"--device {device}: CUDA is not available on this machine. Use --device cpu or auto.")
    return device


@dataclass
class TrainState:
    """Counters saved in every checkpoint."""

    step: int = 0
    data_pos: int = 0          # prompts drawn from the training stream so far
    lr_scale: float = 1.0      # halved by the collapse guard
    best_val: float = -1.0
    best_step: int = -1
    samples: int = 0
    before: dict | None = None  # held-out figures before RL
    warm_start: dict | None = None
    rl_seconds: float = 0.0


class TaskStream:
    """Which task indices training, validation and the held-out evaluation use.

    Held-out tasks are indices ``[0, eval_size)`` and validation tasks the
    next ``val_size``, of the eval env when one is given, else of the training
    env (which then never samples them). Training walks a fresh permutation of
    its indices each epoch (procedural sources: straight through, items never
    repeat); ``pos`` alone fixes where it is.
    """

    def __init__(self, num_tasks: int, eval_size: int, val_size: int, separate_eval: bool, seed: int,
                 num_eval_tasks: int | None = None) -> None:
        self.seed = seed
        held = eval_size + val_size
        available = num_eval_tasks if separate_eval else num_tasks
        if available is not None and available < held:
            raise ConfigError(f"--eval-size {eval_size} + --val-size {val_size} = {held} tasks, but the "
                              f"{'eval ' if separate_eval else ''}env has only {available}. Lower them.")
        self.eval = list(range(eval_size))
        self.val = list(range(eval_size, held))
        self.start = 0 if separate_eval else held
        self.size = num_tasks - self.start
        if self.size < 1:
            raise ConfigError(f"no training tasks left: the env has {num_tasks} tasks and {held} are held out. "
                              "Lower --eval-size/--val-size or pass --eval-env-kwargs.")
        self._epoch, self._perm = -1, np.zeros(0, dtype=np.int64)

    def take(self, pos: int, n: int) -> list[int]:
        out = []
        for p in range(pos, pos + n):
            if self.size >= PROCEDURAL_MIN:
                out.append(self.start + p)
                continue
            epoch, offset = divmod(p, self.size)
            if epoch != self._epoch:
                self._epoch, self._perm = epoch, np.random.default_rng([self.seed, epoch]).permutation(self.size)
            out.append(self.start + int(self._perm[offset]))
        return out


def token_logprobs(model: Any, ids: Any, targets: Any, want_entropy: bool = False):
    """``log p(targets[:, t] | ids[:, :t+1])`` as ``(n, T-1)``, and the per-position entropy (no grad)."""
    import torch

    logits = model(input_ids=ids).logits[:, :-1].float()                     # (n, T-1, V)
    logp_all = torch.log_softmax(logits, dim=-1)
    logp = logp_all.gather(-1, targets[:, :, None]).squeeze(-1)              # (n, T-1)
    entropy = None
    if want_entropy:
        with torch.no_grad():
            entropy = -(logp_all.exp() * logp_all).sum(-1)
    return logp, entropy


def pack(samples: Sequence[Sample], pad: int, device: str):
    """Right-padded ``(ids (n, T), targets (n, T-1), mask (n, T-1))``; mask is 1 on policy tokens."""
    import torch

    width = max(len(s.prompt) + len(s.response) for s in samples)
    ids = torch.full((len(samples), width), pad, dtype=torch.long)
    mask = torch.zeros((len(samples), width), dtype=torch.float32)
    for r, s in enumerate(samples):
        seq = s.prompt + s.response
        ids[r, :len(seq)] = torch.as_tensor(seq)
        mask[r, len(s.prompt):len(seq)] = torch.as_tensor(s.policy_mask, dtype=torch.float32)
    ids = ids.to(device)
    return ids, ids[:, 1:], mask[:, 1:].to(device)


def collect(args: Args, runner: EnvRunner, sampler: Any, stream: TaskStream, state: TrainState) -> tuple[list[Sample], dict]:
    """One step's rollouts; with dynamic sampling, zero-variance groups are replaced by fresh prompts."""
    tasks = stream.take(state.data_pos, args.prompts_per_step)
    state.data_pos += len(tasks)
    samples = runner.rollout(sampler, tasks, args.group_size, args.max_new_tokens,
                             temperature=args.temperature, max_context=args.max_context)
    groups = _groups(samples)
    stats = {"frac_zero_std_groups": _frac_zero_std(groups), "rollout/samples": len(samples)}
    if args.dynamic_sampling:
        kept = [g for g in groups if not _zero_std(g)]
        rounds = 0
        while len(kept) < args.prompts_per_step and rounds < args.dynamic_sampling_rounds:
            rounds += 1
            useful = max(len(kept), 1) / (len(groups) or 1)
            need = args.prompts_per_step - len(kept)
            more_tasks = stream.take(state.data_pos, min(4 * args.prompts_per_step, math.ceil(need / max(useful, 0.25))))
            state.data_pos += len(more_tasks)
            more = runner.rollout(sampler, more_tasks, args.group_size, args.max_new_tokens,
                                  temperature=args.temperature, max_context=args.max_context)
            stats["rollout/samples"] += len(more)
            samples += more
            new_groups = _groups(more)
            groups += new_groups
            kept += [g for g in new_groups if not _zero_std(g)]
        kept = kept[:args.prompts_per_step]
        stats["dynamic_sampling/rounds"] = rounds
        stats["dynamic_sampling/groups"] = len(kept)
        batch = []
        for gid, group in enumerate(kept):
            for s in group:
                s.group = gid
                batch.append(s)
        return batch, {**stats, "_all": samples}
    return samples, {**stats, "_all": samples}


def _groups(samples: Sequence[Sample]) -> list[list[Sample]]:
    out: dict[int, list[Sample]] = {}
    for s in samples:
        out.setdefault(s.group, []).append(s)
    return list(out.values())


def _zero_std(group: Sequence[Sample]) -> bool:
    rewards = [s.reward for s in group if not s.masked]
    return len(rewards) < 2 or min(rewards) == max(rewards)


def _frac_zero_std(groups: Sequence[Sequence[Sample]]) -> float:
    return float(np.mean([_zero_std(g) for g in groups])) if groups else 0.0


def update(args: Args, model: Any, ref_model: Any, optimizer: Any, samples: Sequence[Sample], pad: int,
           device: str, autocast: Any) -> dict[str, float]:
    """One optimizer step (per PPO epoch) on the batch: exact gradient accumulation over micro-batches."""
    import torch

    batch = [s for s in samples if not s.masked]                             # infrastructure errors: dropped
    stats = {"loss/policy": 0.0, "kl": 0.0, "entropy": float("nan"), "clip_frac": 0.0, "train/rows": 0.0,
             "grad_norm": 0.0}
    if not batch:
        return stats
    adv, _ = group_advantages([s.reward for s in batch], [s.group for s in batch], args.scale_rewards)
    divisor, per_sequence = loss_normaliser(args.loss, [s.num_policy_tokens for s in batch], args.max_new_tokens)
    # A response with advantage 0 adds exactly 0 to the loss and its gradient unless a KL term is on:
    # skipping it saves its forward and backward and leaves the update unchanged.
    skip_zero = args.skip_zero_advantage and args.kl_beta == 0.0
    rows = [i for i in range(len(batch)) if batch[i].num_policy_tokens > 0 and not (skip_zero and adv[i] == 0.0)]
    stats["train/rows"] = float(len(rows))
    chunks = [rows[i:i + args.micro_batch_size] for i in range(0, len(rows), args.micro_batch_size)]
    adv_t = torch.as_tensor(adv, dtype=torch.float32, device=device)
    old: dict[int, Any] = {}
    if args.ppo_epochs > 1:  # the sampling policy's log-probs, fixed across epochs
        with torch.no_grad(), autocast():
            for chunk in chunks:
                ids, targets, _ = pack([batch[i] for i in chunk], pad, device)
                logp, _ = token_logprobs(model, ids, targets)
                old.update({i: logp[j] for j, i in enumerate(chunk)})
    params = [p for p in model.parameters() if p.requires_grad]
    ent_sum = tokens = clipped = kl_sum = loss_sum = 0.0
    for epoch in range(args.ppo_epochs):
        optimizer.zero_grad(set_to_none=True)
        for chunk in chunks:
            ids, targets, mask = pack([batch[i] for i in chunk], pad, device)
            with autocast():
                logp, entropy = token_logprobs(model, ids, targets, want_entropy=epoch == 0)
                ref_logp = None
                if args.kl_beta > 0.0:
                    with torch.no_grad():
                        ref_logp, _ = token_logprobs(ref_model, ids, targets)
            old_logp = logp.detach() if args.ppo_epochs == 1 else torch.stack([old[i] for i in chunk])
            loss, st = policy_loss(logp, old_logp, adv_t[chunk], mask, loss_type=args.loss, clip_low=args.clip_low,
                                   clip_high=float(args.clip_high), divisor=divisor, per_sequence=per_sequence,
                                   ref_logp=ref_logp, kl_beta=args.kl_beta)
            loss.backward()
            if epoch == 0:
                loss_sum += float(loss.detach())
                ent_sum += float((entropy * mask).sum())
            tokens += st["tokens"]
            clipped += st["clipped"]
            kl_sum += st["kl"]
        for p in params:  # parameters no row touched still take their (zero-gradient) Adam step
            if p.grad is None:
                p.grad = torch.zeros_like(p)
        if args.max_grad_norm > 0:
            stats["grad_norm"] = float(torch.nn.utils.clip_grad_norm_(params, args.max_grad_norm))
        optimizer.step()
    first_tokens = tokens / args.ppo_epochs
    stats.update({"loss/policy": loss_sum, "kl": kl_sum / tokens if tokens else 0.0,
                  "entropy": ent_sum / first_tokens if first_tokens else float("nan"),
                  "clip_frac": clipped / tokens if tokens else 0.0})
    return stats


def step_metrics(samples: Sequence[Sample], all_samples: Sequence[Sample]) -> dict[str, float]:
    scored = [s for s in all_samples if not s.masked]
    rewards = np.array([s.reward for s in scored]) if scored else np.zeros(1)
    return {"reward/mean": float(rewards.mean()), "reward/std": float(rewards.std()),
            "response/len_mean": float(np.mean([s.num_policy_tokens for s in all_samples])) if all_samples else 0.0,
            "response/turns_mean": float(np.mean([s.turns for s in all_samples])) if all_samples else 0.0,
            "env/error_rate": float(np.mean([s.masked for s in all_samples])) if all_samples else 0.0,
            "batch/samples": float(len(samples))}


def train(args: Args) -> dict[str, Any]:
    """Run the whole recipe; returns the summary also written to ``<output_dir>/summary.json``."""
    torch = require("torch", "train", "The rlvr trainer")
    wall_start = time.perf_counter()
    if args.threads:
        torch.set_num_threads(args.threads)
    device = resolve_device(args.device)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    os.makedirs(args.output_dir, exist_ok=True)
    resume_path = resolve_resume(args.resume, args.output_dir)
    with open(os.path.join(args.output_dir, "args.json"), "w") as f:
        json.dump(args.to_dict(), f, indent=1)

    model, tokenizer = load_policy(args.model, device, args.seed)
    if tokenizer.eos_token_id is None:
        raise ConfigError(f"the tokenizer of {args.model!r} has no eos_token_id; the trainer needs an end-of-turn id.")
    pad = pad_id(tokenizer)
    env_kwargs = build_env_kwargs(args.env_kwargs_dict(), args.curriculum)
    runner = EnvRunner(args.env, env_kwargs, tokenizer)
    eval_kwargs = args.eval_env_kwargs_dict()
    eval_runner = runner if eval_kwargs is None else EnvRunner(args.env, eval_kwargs, tokenizer)
    stream = TaskStream(runner.num_tasks, args.eval_size, args.val_size, eval_runner is not runner, args.seed,
                        eval_runner.num_tasks)
    sampling = torch.Generator(device=device).manual_seed(args.seed)
    sampler = make_sampler(args.generation_backend, model, stop_ids=[tokenizer.eos_token_id], pad_id=pad,
                           generator=sampling, model_path=args.model if os.path.isdir(args.model) else None,
                           seed=args.seed)
    # Evaluation samples from its own generator, re-seeded each time: it never shifts training's randomness.
    eval_generator = torch.Generator(device=device)
    eval_sampler = HFSampler(model, [tokenizer.eos_token_id], pad, eval_generator)
    autocast = ((lambda: torch.autocast("cuda", dtype=torch.bfloat16)) if device.startswith("cuda")
                else contextlib.nullcontext)

    def run_eval(indices: Sequence[int], k: int = 0) -> dict[str, float]:
        eval_generator.manual_seed(args.seed + 1)
        with autocast():
            return evaluate(eval_runner, eval_sampler, indices, args.max_new_tokens, k=k,
                            k_indices=indices[:args.eval_k_size], max_context=args.max_context)

    state = TrainState()
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.99), eps=1e-8,
                                  weight_decay=args.weight_decay)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: state.lr_scale * min(1.0, (s + 1) / (args.warmup_steps + 1)))
    best_dir = os.path.join(args.output_dir, "best")
    ckpt_dir = os.path.join(args.output_dir, "checkpoints")

    def checkpoint(path: str) -> None:
        save_checkpoint(path, model=model, tokenizer=tokenizer, optimizer=optimizer, scheduler=scheduler,
                        sampling_generator=sampling, trainer=asdict(state))

    def restore(path: str, rng: bool) -> dict:
        saved = load_trainer_state(path)
        load_weights(model, path)
        optimizer.load_state_dict(saved["optimizer"])
        scheduler.load_state_dict(saved["scheduler"])
        if rng:
            set_rng_state(saved["rng"], sampling)
        return saved["trainer"]

    say = _printer(args.progress)
    if resume_path:
        state = TrainState(**restore(resume_path, rng=True))
        say(f"resumed from {resume_path} at step {state.step}")
    logger = MetricsLogger(args.output_dir, args.tensorboard, resume_step=state.step if resume_path else None)
    ref_model = None
    if args.kl_beta > 0:
        ref_model = copy.deepcopy(model).eval().requires_grad_(False)  # the policy RL starts from

    if not resume_path:
        if args.warm_start_steps:
            from rlvr.agents.supervised import warm_start

            n_examples = min(stream.size, 50_000)
            pbar = _bar(args.warm_start_steps, "warm start", args.progress)

            def validate() -> float:
                return run_eval(stream.val or stream.eval)["pass@1"]

            def progress(step: int, loss: float, acc: float | None) -> None:
                pbar.update(1)
                pbar.set_postfix(loss=f"{loss:.3f}", **({"val": f"{acc:.3f}"} if acc is not None else {}))
                if acc is not None and not args.progress:
                    say(f"warm start step {step}: loss {loss:.3f}, validation accuracy {acc:.1%}")

            state.warm_start = warm_start(
                model, runner, stream.take(0, n_examples), steps=args.warm_start_steps, lr=args.warm_start_lr,
                batch_size=args.warm_start_batch, seed=args.seed, pad_id=pad, eos_id=tokenizer.eos_token_id,
                validate=validate, target=args.warm_start_target, check_every=args.warm_start_check,
                progress=progress, time_limit=args.warm_start_time_limit, weight_decay=args.warm_start_weight_decay)
            pbar.close()
            say(f"warm start: {int(state.warm_start['steps'])} supervised steps in "
                f"{state.warm_start['seconds']:.0f} s, validation accuracy {state.warm_start['accuracy']:.1%}")
            if ref_model is not None:
                ref_model.load_state_dict(model.state_dict())
        state.before = run_eval(stream.eval, args.eval_k)
        logger.log(0, {f"eval/{k}": v for k, v in state.before.items()})
        say(f"before RL: held-out greedy accuracy {state.before['pass@1']:.1%} on {int(state.before['n'])} "
            f"unseen problems" + _passk(state.before, args.eval_k))
        if args.val_size:
            state.best_val, state.best_step = run_eval(stream.val)["pass@1"], 0
            logger.log(0, {"val/pass@1": state.best_val})
            checkpoint(best_dir)

    pbar = _bar(args.total_steps, "GRPO", args.progress, initial=state.step)
    rl_start = time.perf_counter() - state.rl_seconds
    stopped_early = False
    while state.step < args.total_steps:
        t0 = time.perf_counter()
        with autocast():
            samples, rstats = collect(args, runner, sampler, stream, state)
        t1 = time.perf_counter()
        all_samples = rstats.pop("_all")
        ustats = update(args, model, ref_model, optimizer, samples, pad, device, autocast)
        scheduler.step()
        sampler.sync_weights(model)  # a no-op for the HF sampler; pushes weights into vLLM
        t2 = time.perf_counter()
        state.step += 1
        state.samples += len(all_samples)
        generated = sum(s.num_policy_tokens for s in all_samples)
        metrics = {**step_metrics(samples, all_samples), **rstats, **ustats,
                   "lr": optimizer.param_groups[0]["lr"],
                   "perf/samples_per_s": len(all_samples) / (t2 - t0), "perf/tokens_per_s": generated / (t2 - t0),
                   "perf/rollout_s": t1 - t0, "perf/update_s": t2 - t1}
        if args.val_size and state.step % args.val_every == 0:
            val = run_eval(stream.val)["pass@1"]
            metrics["val/pass@1"] = val
            if val > state.best_val:
                state.best_val, state.best_step = val, state.step
                checkpoint(best_dir)
            elif args.collapse_drop and val < state.best_val - args.collapse_drop:
                # Collapse guard: go back to the best weights and optimizer state, at half the lr.
                lr_scale = state.lr_scale * 0.5
                kept = {k: getattr(state, k) for k in ("step", "data_pos", "samples", "best_val", "best_step")}
                restore(best_dir, rng=False)
                state.lr_scale = lr_scale
                for k, v in kept.items():
                    setattr(state, k, v)
                metrics["collapse/restored"] = 1.0
                say(f"step {state.step}: validation {val:.1%} fell below best {state.best_val:.1%}; restored step "
                    f"{state.best_step} at lr x{lr_scale:g}")
        if args.eval_every and state.step % args.eval_every == 0 and state.step < args.total_steps:
            metrics.update({f"eval/{k}": v for k, v in run_eval(stream.eval, args.eval_k).items()})
        state.rl_seconds = time.perf_counter() - rl_start
        logger.log(state.step, metrics)
        pbar.update(1)
        pbar.set_postfix(reward=f"{metrics['reward/mean']:.3f}", val=f"{state.best_val:.3f}" if args.val_size else "-",
                         sps=f"{metrics['perf/samples_per_s']:.0f}")
        if not args.progress and ("val/pass@1" in metrics or state.step % 25 == 0):
            say(f"step {state.step}: reward {metrics['reward/mean']:.3f}, zero-std groups "
                f"{metrics['frac_zero_std_groups']:.2f}, {metrics['perf/samples_per_s']:.0f} samples/s"
                + (f", validation {metrics['val/pass@1']:.1%} (best {state.best_val:.1%})" if "val/pass@1" in metrics else ""))
        out_of_time = bool(args.time_limit) and state.rl_seconds > args.time_limit
        if state.step % args.save_every == 0 or state.step == args.total_steps or out_of_time:
            checkpoint(os.path.join(ckpt_dir, f"step-{state.step:06d}"))
        if out_of_time:
            stopped_early = True
            say(f"time limit {args.time_limit:.0f} s reached at step {state.step}; stopping")
            break
    pbar.close()

    final_step = state.step
    if args.val_size and os.path.isdir(best_dir) and state.best_step != state.step:
        load_weights(model, best_dir)
        final_step = state.best_step
        say(f"using the best validation checkpoint (step {state.best_step}, {state.best_val:.1%})")
    after = run_eval(stream.eval, args.eval_k)
    logger.log(final_step, {f"eval/{k}": v for k, v in after.items()})  # logged at the step its weights are from
    logger.close()
    final_dir = os.path.join(args.output_dir, "final")
    save_policy(model, tokenizer, final_dir)
    save_run_info(final_dir, args)
    curve = plot_learning_curve(logger.path, os.path.join(args.output_dir, "learning_curve.png"),
                                title=f"{args.env} ({args.model}, seed {args.seed})")
    before = state.before or {}
    summary = {
        "env": args.env, "model": args.model, "seed": args.seed, "steps": state.step,
        "stopped_by_time_limit": stopped_early, "best_step": state.best_step,
        "eval_tasks": int(after.get("n", 0)),
        "before_pass@1": before.get("pass@1"), "after_pass@1": after["pass@1"],
        "gain_points": None if before.get("pass@1") is None else 100 * (after["pass@1"] - before["pass@1"]),
        **({f"before_pass@{args.eval_k}": before.get(f"pass@{args.eval_k}"),
            f"after_pass@{args.eval_k}": after.get(f"pass@{args.eval_k}")} if args.eval_k > 1 else {}),
        "warm_start": state.warm_start, "rl_seconds": state.rl_seconds,
        "rl_samples": state.samples, "rl_samples_per_s": state.samples / state.rl_seconds if state.rl_seconds else None,
        "wall_seconds": time.perf_counter() - wall_start, "final_model": final_dir, "learning_curve": curve,
    }
    with open(os.path.join(args.output_dir, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    if before.get("pass@1") is not None:
        say(f"after RL:  held-out greedy accuracy {after['pass@1']:.1%} on {int(after['n'])} unseen problems"
            + _passk(after, args.eval_k) + f"  ({summary['gain_points']:+.1f} points)")
    else:
        say(f"after RL:  held-out greedy accuracy {after['pass@1']:.1%}" + _passk(after, args.eval_k))
    say(f"RL: {state.step} steps, {state.samples} samples in {state.rl_seconds:.0f} s "
        f"({summary['rl_samples_per_s'] or 0:.0f} samples/s); total {summary['wall_seconds']:.0f} s")
    if curve:
        say(f"learning curve: {curve}")
    runner.close()
    if eval_runner is not runner:
        eval_runner.close()
    return summary


def _passk(result: dict, k: int) -> str:
    key = f"pass@{k}"
    return f", {key} {result[key]:.1%}" if k > 1 and key in result else ""


def _printer(progress: bool):
    def say(message: str) -> None:
        if progress:
            from tqdm.auto import tqdm

            tqdm.write(message)
        else:
            print(message, flush=True)
    return say


def _bar(total: int, desc: str, enabled: bool, initial: int = 0):
    try:
        from tqdm.auto import tqdm
    except ImportError:  # tqdm ships with the train extra; degrade to no bar
        enabled = False
    if not enabled:
        class _Null:
            def update(self, *_: Any) -> None: ...
            def set_postfix(self, *_: Any, **__: Any) -> None: ...
            def close(self) -> None: ...
        return _Null()
    return tqdm(total=total, initial=initial, desc=desc, dynamic_ncols=True, file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    train(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
