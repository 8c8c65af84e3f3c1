"""GRPO training throughput on CPU: rlvr's trainer against TRL's ``GRPOTrainer``, in one run.

Both train the same tiny model (the ~0.84M-parameter byte-level Llama of
``--model tiny``, briefly warm-started so it answers in a few tokens and some
groups have reward variance) on the same Math-v0 arithmetic tasks, with the
same prompt format (the compact byte chat format, as TRL's chat template),
prompts per step, group size, completion cap, learning rate, loss (``grpo``,
no KL, one PPO epoch) and fp32 on the CPU. TRL is configured as it must be to
run fairly on a CPU: ``bf16=False``, ``gradient_checkpointing=False``,
``use_cpu=True`` and the same learning rate.

The first step of each trainer is a warm-up and is not timed. samples/s is
completions per second of whole steps (generation + reward + update);
tokens/s counts generated completion tokens. rlvr is measured twice: as
configured (skipping the forward/backward of zero-advantage responses, an
identical update) and with that skip turned off. Target: rlvr >= 1.5x TRL.

    python benchmarks/train_throughput.py [--steps 8] [--prompts 32] [--group-size 8]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import argparse
import json
import platform
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

import rlvr  # noqa: F401
from rlvr.agents.config import Args
from rlvr.agents.metrics import read_metrics
from rlvr.agents.model import CompactByteTokenizer, hf_byte_tokenizer, save_policy, tiny_model
from rlvr.agents.presets import arithmetic_tasks
from rlvr.agents.rollout import EnvRunner
from rlvr.agents.supervised import warm_start
from rlvr.agents.train import train

RESULTS = Path(__file__).parent / "results" / "train_throughput.json"
ENV = "rlvr/Math-v0"


def make_warm_model(path: str, tasks: list[dict], steps: int, seed: int) -> None:
    """The shared starting point: the tiny model after a short supervised warm start."""
    tok = CompactByteTokenizer()
    model = tiny_model(seed)
    runner = EnvRunner(ENV, {"tasks": tasks, "system_prompt": ""}, tok)
    if steps:
        warm_start(model, runner, list(range(200, len(tasks))), steps=steps, lr=2e-3, batch_size=128, seed=seed,
                   pad_id=tok.pad_token_id, eos_id=tok.eos_token_id)
    save_policy(model, tok, path)


def bench_rlvr(model_dir: str, tasks_json: str, opts: argparse.Namespace, out: str, skip_zero: bool) -> dict:
    args = Args(env=ENV, env_kwargs=tasks_json, model=model_dir, total_steps=opts.steps + 1,
                prompts_per_step=opts.prompts, group_size=opts.group_size, max_new_tokens=opts.max_new_tokens,
                lr=opts.lr, warmup_steps=0, loss="grpo", kl_beta=0.0, eval_size=8, eval_k=0, val_size=0,
                save_every=10**6, output_dir=out, seed=opts.seed, progress=False, tensorboard=False,
                micro_batch_size=opts.prompts * opts.group_size, skip_zero_advantage=skip_zero, device="cpu")
    train(args)
    steps = [r for r in read_metrics(os.path.join(out, "metrics.jsonl")) if "perf/rollout_s" in r][1:]
    seconds = sum(r["perf/rollout_s"] + r["perf/update_s"] for r in steps)
    samples = sum(r["rollout/samples"] for r in steps)
    tokens = sum(r["response/len_mean"] * r["rollout/samples"] for r in steps)
    return {"steps": len(steps), "seconds": seconds, "samples": samples, "samples_per_s": samples / seconds,
            "tokens_per_s": tokens / seconds, "reward_mean": float(np.mean([r["reward/mean"] for r in steps])),
            "completion_len_mean": tokens / samples,
            "rollout_s_per_step": float(np.mean([r["perf/rollout_s"] for r in steps])),
            "update_s_per_step": float(np.mean([r["perf/update_s"] for r in steps]))}


def bench_trl(model_dir: str, tasks: list[dict], opts: argparse.Namespace, out: str) -> dict:
    import trl
    from transformers import AutoModelForCausalLM, TrainerCallback
    from trl import GRPOConfig, GRPOTrainer

    from rlvr.integrations.trl import prompt_dataset, reward_function

    class StepTimer(TrainerCallback):
        def __init__(self) -> None:
            self.times: list[float] = []
            self._t0 = 0.0

        def on_step_begin(self, args, state, control, **kwargs):
            self._t0 = time.perf_counter()

        def on_step_end(self, args, state, control, **kwargs):
            self.times.append(time.perf_counter() - self._t0)

    batch = opts.prompts * opts.group_size
    dataset = prompt_dataset(ENV, range(200, 200 + batch * (opts.steps + 1)), tasks=tasks, system_prompt="")
    model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32)
    config = GRPOConfig(output_dir=out, per_device_train_batch_size=batch, num_generations=opts.group_size,
                        max_completion_length=opts.max_new_tokens, max_steps=opts.steps + 1, learning_rate=opts.lr,
                        lr_scheduler_type="constant", warmup_steps=0, loss_type="grpo", beta=0.0, temperature=1.0,
                        bf16=False, use_cpu=True, gradient_checkpointing=False, report_to=[], logging_steps=1,
                        save_strategy="no", dataloader_num_workers=0, seed=opts.seed, disable_tqdm=True)
    timer = StepTimer()
    trainer = GRPOTrainer(model=model, reward_funcs=reward_function(ENV, tasks=tasks, system_prompt=""),
                          args=config, train_dataset=dataset, processing_class=hf_byte_tokenizer(), callbacks=[timer])
    trainer.train()
    logs = [r for r in trainer.state.log_history if "completions/mean_length" in r][1:]
    times = timer.times[1:]
    seconds = sum(times)
    samples = batch * len(times)
    tokens = sum(r["completions/mean_length"] for r in logs) * batch
    return {"steps": len(times), "seconds": seconds, "samples": samples, "samples_per_s": samples / seconds,
            "tokens_per_s": tokens / seconds, "reward_mean": float(np.mean([r.get("reward", 0.0) for r in logs])),
            "completion_len_mean": tokens / samples, "trl_version": trl.__version__}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=8, help="timed steps per trainer (after one warm-up step)")
    parser.add_argument("--prompts", type=int, default=32, help="prompts per step")
    parser.add_argument("--group-size", type=int, default=8)
    parser.add_argument("--max-new-tokens", type=int, default=8)
    parser.add_argument("--lr", type=float, default=5e-4)
    parser.add_argument("--warm-start-steps", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default=str(RESULTS))
    opts = parser.parse_args()
    torch.manual_seed(opts.seed)
    tasks = [{"question": t["question"], "answer": t["answer"]} for t in arithmetic_tasks(4000)]
    tasks_json = json.dumps({"tasks": tasks, "system_prompt": ""})
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = os.path.join(tmp, "model")
        t0 = time.perf_counter()
        make_warm_model(model_dir, tasks, opts.warm_start_steps, opts.seed)
        print(f"warm start: {time.perf_counter() - t0:.0f} s", flush=True)
        rlvr_res = bench_rlvr(model_dir, tasks_json, opts, os.path.join(tmp, "rlvr"), skip_zero=True)
        print("rlvr:", json.dumps(rlvr_res), flush=True)
        rlvr_noskip = bench_rlvr(model_dir, tasks_json, opts, os.path.join(tmp, "rlvr-noskip"), skip_zero=False)
        print("rlvr (no zero-advantage skip):", json.dumps(rlvr_noskip), flush=True)
        trl_res = bench_trl(model_dir, tasks, opts, os.path.join(tmp, "trl"))
        print("trl:", json.dumps(trl_res), flush=True)
    result = {
        "benchmark": "GRPO training throughput, rlvr trainer vs TRL GRPOTrainer, CPU",
        "machine": {"cpus": os.cpu_count(), "torch_threads": torch.get_num_threads(), "platform": platform.platform(),
                    "python": platform.python_version(), "torch": torch.__version__},
        "setup": {"env": ENV, "model": "tiny (0.84M params, byte-level Llama, compact chat format)",
                  "warm_start_steps": opts.warm_start_steps, "prompts_per_step": opts.prompts,
                  "group_size": opts.group_size, "max_new_tokens": opts.max_new_tokens, "lr": opts.lr,
                  "loss": "grpo", "kl_beta": 0.0, "dtype": "float32", "timed_steps": opts.steps},
        "rlvr": rlvr_res, "rlvr_no_zero_advantage_skip": rlvr_noskip, "trl": trl_res,
        "ratio_samples_per_s": rlvr_res["samples_per_s"] / trl_res["samples_per_s"],
        "ratio_tokens_per_s": rlvr_res["tokens_per_s"] / trl_res["tokens_per_s"],
        "ratio_samples_per_s_no_skip": rlvr_noskip["samples_per_s"] / trl_res["samples_per_s"],
        "target_ratio": 1.5,
    }
    Path(opts.out).parent.mkdir(parents=True, exist_ok=True)
    Path(opts.out).write_text(json.dumps(result, indent=1) + "\n")
    print(f"rlvr {rlvr_res['samples_per_s']:.0f} samples/s ({rlvr_noskip['samples_per_s']:.0f} without the skip), "
          f"TRL {trl_res['samples_per_s']:.0f} samples/s: {result['ratio_samples_per_s']:.2f}x "
          f"({result['ratio_samples_per_s_no_skip']:.2f}x without the skip); tokens/s {result['ratio_tokens_per_s']:.2f}x")
    print(f"wrote {opts.out}")


if __name__ == "__main__":
    main()
