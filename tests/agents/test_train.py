"""The trainer end to end: argument parsing, a short run on Math-v0, exact resume, eval of a saved model."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import torch

from rlvr.agents.config import Args, build_parser, field_docs, parse_args
from rlvr.agents.metrics import STEP_METRICS, read_metrics
from rlvr.core.errors import ConfigError

from conftest import arithmetic_tasks_json

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_every_field_has_a_docstring_and_a_help_text():
    from dataclasses import fields

    docs = field_docs(Args)
    assert {f.name for f in fields(Args)} <= set(docs)
    helps = {a.dest: a.help for a in build_parser()._actions}
    assert "Sampled responses per prompt" in helps["group_size"]


def test_cli_parsing_dashes_underscores_and_choices():
    args = parse_args(["--total-steps", "3", "--group_size", "4", "--loss", "dapo", "--dynamic-sampling",
                       "--env-kwargs", '{"difficulty": 2}', "--scale-rewards", "none", "--no-tensorboard"])
    assert (args.total_steps, args.group_size, args.loss, args.dynamic_sampling) == (3, 4, "dapo", True)
    assert args.clip_high == 0.28            # clip-higher is DAPO's default
    assert args.env_kwargs_dict() == {"difficulty": 2} and args.scale_rewards == "none" and not args.tensorboard
    assert parse_args(["--loss", "grpo", "--clip-low", "0.1"]).clip_high == 0.1
    with pytest.raises(SystemExit):
        parse_args(["--loss", "ppo"])
    with pytest.raises(ConfigError, match="--env-kwargs must be a JSON object"):
        parse_args(["--env-kwargs", "[1, 2]"])
    with pytest.raises(ConfigError, match="--group-size must be >= 2"):
        parse_args(["--group-size", "1"])


def test_preset_fills_only_what_the_user_left_unset():
    args = parse_args(["--preset", "tiny", "--total-steps", "7", "--lr", "1e-6"])
    assert args.total_steps == 7 and args.lr == 1e-6                    # explicit wins
    assert args.model == "tiny" and args.curriculum == "arithmetic" and args.warm_start_steps > 0
    assert args.prompts_per_step == 64 and args.group_size == 8


def _run(*argv: str, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""),
           "OMP_NUM_THREADS": "1"}
    result = subprocess.run([sys.executable, "-m", "rlvr.agents.train", *argv], capture_output=True, text=True,
                            timeout=timeout, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


COMMON = ("--model", "tiny", "--prompts-per-step", "4", "--group-size", "4", "--max-new-tokens", "4",
          "--eval-size", "8", "--eval-k", "2", "--eval-k-size", "4", "--lr", "1e-3", "--warmup-steps", "1",
          "--no-progress", "--no-tensorboard", "--micro-batch-size", "8", "--threads", "1")


def test_short_run_logs_metrics_curve_and_checkpoints(tmp_path):
    out = tmp_path / "run"
    result = _run(*COMMON, "--env", "rlvr/Math-v0", "--env-kwargs", arithmetic_tasks_json(40), "--total-steps", "3",
                  "--val-size", "4", "--val-every", "2", "--save-every", "2", "--warm-start-steps", "4",
                  "--warm-start-check", "2", "--warm-start-batch", "8", "--output-dir", str(out))
    assert "before RL: held-out greedy accuracy" in result.stdout and "after RL" in result.stdout
    records = read_metrics(str(out / "metrics.jsonl"))
    steps = [r for r in records if "reward/mean" in r]
    assert [r["step"] for r in steps] == [1, 2, 3]
    for name in STEP_METRICS:
        assert name in steps[0], name
    assert any("val/pass@1" in r for r in records) and any("eval/pass@2" in r for r in records)
    assert (out / "learning_curve.png").stat().st_size > 1000
    assert sorted(os.listdir(out / "checkpoints")) == ["step-000002", "step-000003"]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["steps"] == 3 and summary["before_pass@1"] is not None and summary["warm_start"]["steps"] >= 2
    # the saved model evaluates through the CLI on the held-out split of the env it was trained on
    from rlvr.cli import main

    assert main(["eval", "--model", str(out / "final"), "--n", "8", "--k", "2"]) == 0


def _weights(path):
    from safetensors.torch import load_file

    return load_file(os.path.join(path, "model.safetensors"))


@pytest.mark.slow
def test_resume_is_exact(tmp_path):
    """N steps in one process == N/2 steps, then resume for N/2 more in a second process."""
    args = (*COMMON, "--env", "rlvr/Math-v0", "--env-kwargs", arithmetic_tasks_json(60), "--val-size", "4",
            "--val-every", "1", "--save-every", "2", "--dynamic-sampling", "--dynamic-sampling-rounds", "1",
            "--eval-k", "0")
    _run(*args, "--total-steps", "4", "--output-dir", str(tmp_path / "once"))
    _run(*args, "--total-steps", "2", "--output-dir", str(tmp_path / "twice"))
    _run(*args, "--total-steps", "4", "--output-dir", str(tmp_path / "twice"), "--resume", "latest")
    once = _weights(tmp_path / "once" / "checkpoints" / "step-000004")
    twice = _weights(tmp_path / "twice" / "checkpoints" / "step-000004")
    assert once.keys() == twice.keys()
    for key in once:
        assert torch.equal(once[key], twice[key]), key
    state_once = torch.load(tmp_path / "once" / "checkpoints" / "step-000004" / "trainer_state.pt", weights_only=False)
    state_twice = torch.load(tmp_path / "twice" / "checkpoints" / "step-000004" / "trainer_state.pt", weights_only=False)
    assert state_once["trainer"]["data_pos"] == state_twice["trainer"]["data_pos"]
    m1 = [r for r in read_metrics(str(tmp_path / "once" / "metrics.jsonl")) if "reward/mean" in r]
    m2 = [r for r in read_metrics(str(tmp_path / "twice" / "metrics.jsonl")) if "reward/mean" in r]
    assert [r["reward/mean"] for r in m1] == [r["reward/mean"] for r in m2]


def test_resume_without_a_checkpoint_says_what_to_do(tmp_path):
    with pytest.raises(ConfigError, match="no checkpoint"):
        from rlvr.agents.checkpoint import resolve_resume

        resolve_resume("latest", str(tmp_path))


def test_rlvr_cli_train_and_eval_commands(capsys, tmp_path):
    from rlvr.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["train", "--help"])
    assert exc.value.code == 0
    assert "--prompts_per_step" in capsys.readouterr().out
    with pytest.raises(SystemExit, match="either --policy"):
        main(["eval", "rlvr/Math-v0", "--policy", "empty", "--model", "tiny"])
    # a model never trained with rlvr needs an explicit env
    with pytest.raises(ConfigError, match="pass --env"):
        from rlvr.agents.evaluate import evaluate_model

        evaluate_model(str(tmp_path), n=2)
    tasks = json.loads(arithmetic_tasks_json(6))
    assert main(["eval", "--env", "rlvr/Math-v0", "--model", "tiny", "--n", "4", "--k", "2", "--max-new-tokens", "3",
                 "--kwargs", json.dumps(tasks), "--json"]) == 0
    out = capsys.readouterr().out
    assert "held-out tasks: pass@1 (greedy) 0.000" in out and '"pass@2"' in out and '"tasks": 4' in out


def test_multi_turn_env_trains_end_to_end(tmp_path):
    from rlvr.agents.train import train

    words = [{"word": w} for w in ("ab", "ba", "aa", "bb", "a", "b", "abc", "cab", "c", "cc", "ca", "ac")]
    args = Args(env="test/Guess-v0", env_kwargs=json.dumps({"tasks": words, "max_turns": 3}), model="tiny",
                total_steps=2, prompts_per_step=2, group_size=3, max_new_tokens=3, lr=1e-3, eval_size=2, eval_k=0,
                output_dir=str(tmp_path), progress=False, tensorboard=False, threads=1, max_context=64)
    summary = train(args)
    assert summary["steps"] == 2
    steps = [r for r in read_metrics(str(tmp_path / "metrics.jsonl")) if "reward/mean" in r]
    assert steps[0]["response/turns_mean"] > 1          # wrong guesses got the env's reply and another turn
