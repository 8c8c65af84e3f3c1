"""Rollouts through the env API: the loss mask, masked verdicts and dynamic sampling."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from rlvr.agents.config import Args
from rlvr.agents.rollout import EnvRunner
from rlvr.agents.train import TaskStream, TrainState, collect, pack, update
from rlvr.core.tokenizers import ByteTokenizer

TOK = ByteTokenizer()
EOS = TOK.eos_token_id


def test_multi_turn_context_and_loss_mask(scripted):
    runner = EnvRunner("test/Guess-v0", {"tasks": [{"word": "ab"}], "max_turns": 3}, TOK)
    assert not runner.single_turn
    answers = iter([TOK.encode("zz") + [EOS], TOK.encode("ab") + [EOS]])
    sampler = scripted(lambda ctx: next(answers))
    [sample] = runner.rollout(sampler, [0], 1, max_new_tokens=8)
    assert sample.reward == 1.0 and sample.turns == 2 and sample.status == "correct"
    # The second generation saw exactly prompt + action + the env's observation.
    env = runner._make()
    prompt, _ = env.reset(options={"task_index": 0})
    obs, *_ = env.step(np.array(TOK.encode("zz") + [EOS]))
    assert sample.prompt == prompt.tolist()
    assert sampler.calls[1][0] == prompt.tolist() + TOK.encode("zz") + [EOS] + obs.tolist()
    # Only the two actions are policy tokens; everything the env appended is masked out.
    expected_mask = [1] * 3 + [0] * len(obs) + [1] * 3
    assert sample.policy_mask == expected_mask
    assert sample.response == TOK.encode("zz") + [EOS] + obs.tolist() + TOK.encode("ab") + [EOS]
    ids, targets, mask = pack([sample], TOK.pad_token_id, "cpu")
    assert mask.sum().item() == 6
    trained = [int(t) for t, m in zip(targets[0].tolist(), mask[0].tolist()) if m]
    assert trained == TOK.encode("zz") + [EOS] + TOK.encode("ab") + [EOS]
    assert TOK.decode(obs.tolist()) in TOK.decode(ids[0].tolist())


def test_episode_truncated_after_max_turns(scripted):
    runner = EnvRunner("test/Guess-v0", {"tasks": [{"word": "ab"}], "max_turns": 2}, TOK)
    [sample] = runner.rollout(scripted(lambda ctx: TOK.encode("no") + [EOS]), [0], 1, max_new_tokens=8)
    assert sample.truncated and sample.reward == 0.0 and sample.turns == 2


def _tiny_policy():
    from rlvr.agents.model import TinyConfig, tiny_model

    return tiny_model(0, TinyConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=1, num_attention_heads=2))


def test_masked_verdicts_are_dropped_from_the_update(scripted):
    tasks = [{"word": "ab"}, {"word": "ab", "broken": True}]
    runner = EnvRunner("test/Guess-v0", {"tasks": tasks, "max_turns": 1}, TOK)
    calls = iter(range(1000))
    # alternate right and wrong answers so every group has variance
    sampler = scripted(lambda ctx: TOK.encode("ab" if next(calls) % 2 else "x") + [EOS])
    samples = runner.rollout(sampler, [0, 1], 4, max_new_tokens=4)
    assert [s.masked for s in samples] == [False] * 4 + [True] * 4
    assert all(s.status == "error" and s.reward == 0.0 for s in samples[4:])
    model = _tiny_policy()
    args = Args(micro_batch_size=3, lr=1e-3)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    stats = update(args, model, None, opt, samples, TOK.pad_token_id, "cpu", __import__("contextlib").nullcontext)
    assert stats["train/rows"] == 4            # the broken task's 4 responses never reach the loss
    # all-masked batch: nothing to learn, no crash
    stats = update(args, model, None, opt, samples[4:], TOK.pad_token_id, "cpu", __import__("contextlib").nullcontext)
    assert stats["train/rows"] == 0


def test_zero_advantage_rows_are_skipped_without_changing_the_update(scripted):
    runner = EnvRunner("test/Constant-v0", {"tasks": [{"reward": None}, {"reward": 1}]}, TOK)
    calls = iter(range(1000))
    sampler = scripted(lambda ctx: TOK.encode("ab" if next(calls) % 3 else "ba") + [EOS])
    samples = runner.rollout(sampler, [0, 1], 4, max_new_tokens=4)
    weights = []
    for skip in (True, False):
        model = _tiny_policy()
        opt = torch.optim.AdamW(model.parameters(), lr=1e-2)
        args = Args(skip_zero_advantage=skip, micro_batch_size=2)
        stats = update(args, model, None, opt, samples, TOK.pad_token_id, "cpu", __import__("contextlib").nullcontext)
        assert stats["train/rows"] == (4 if skip else 8)
        weights.append(torch.cat([p.detach().flatten() for p in model.parameters()]))
    torch.testing.assert_close(weights[0], weights[1], rtol=0, atol=1e-7)


def test_dynamic_sampling_refills_the_batch(scripted):
    # task i has a fixed reward except every third task, where the answer decides (variance)
    tasks = [{"reward": None if i % 3 == 0 else i % 2} for i in range(60)]
    runner = EnvRunner("test/Constant-v0", {"tasks": tasks}, TOK)
    calls = iter(range(10**6))
    sampler = scripted(lambda ctx: TOK.encode("a" if next(calls) % 2 else "b") + [EOS])
    args = Args(prompts_per_step=4, group_size=2, max_new_tokens=2, dynamic_sampling=True,
                dynamic_sampling_rounds=10, eval_size=1, val_size=0)
    stream = TaskStream(runner.num_tasks, 1, 0, False, seed=0)
    state = TrainState()
    batch, stats = collect(args, runner, sampler, stream, state)
    groups = {}
    for s in batch:
        groups.setdefault(s.group, []).append(s)
    assert sorted(groups) == [0, 1, 2, 3]                       # exactly prompts_per_step groups, renumbered
    assert all(len({s.reward for s in g}) == 2 for g in groups.values())
    assert all(s.task_index % 3 == 0 for s in batch)           # only the informative tasks were kept
    assert stats["dynamic_sampling/rounds"] >= 1 and state.data_pos > 4
    assert 0 < stats["frac_zero_std_groups"] < 1
    # without dynamic sampling the zero-variance groups stay in the batch
    args.dynamic_sampling = False
    batch, stats = collect(args, runner, sampler, stream, TrainState())
    assert len(batch) == 8


def test_task_stream_holds_out_eval_and_validation():
    stream = TaskStream(100, eval_size=10, val_size=5, separate_eval=False, seed=3)
    assert stream.eval == list(range(10)) and stream.val == list(range(10, 15))
    first_epoch = stream.take(0, 85)
    assert sorted(first_epoch) == list(range(15, 100))          # a permutation of the training tasks
    assert stream.take(85, 5) == TaskStream(100, 10, 5, False, seed=3).take(85, 5)
    procedural = TaskStream(2**62, 10, 5, False, seed=0)
    assert procedural.take(7, 2) == [22, 23]
    with pytest.raises(ValueError, match="eval-size"):
        TaskStream(10, 8, 5, False, seed=0)
