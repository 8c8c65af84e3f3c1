"""Advantages, the three loss aggregations, k3 KL and pass@k against hand-computed values."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from rlvr.agents.losses import group_advantages, k3_kl, loss_normaliser, pass_at_k, policy_loss

EPS = 1e-4


def test_group_advantages_std_scaled():
    adv, zero = group_advantages([1, 0, 0, 1, 1, 1], [0, 0, 0, 0, 1, 1], "group", eps=EPS)
    # group 0: mean 0.5, population std 0.5; group 1 has one value
    expected = [0.5 / (0.5 + EPS), -0.5 / (0.5 + EPS), -0.5 / (0.5 + EPS), 0.5 / (0.5 + EPS), 0.0, 0.0]
    np.testing.assert_allclose(adv, expected, rtol=1e-12)
    assert zero.tolist() == [False, False, False, False, True, True]


def test_group_advantages_unscaled_and_uneven():
    adv, zero = group_advantages([1, 0, 0, 0.5, 0.5], [3, 3, 3, 7, 7], "none")
    np.testing.assert_allclose(adv, [2 / 3, -1 / 3, -1 / 3, 0, 0], rtol=1e-12)
    assert zero.tolist() == [False, False, False, True, True]
    with pytest.raises(ValueError, match="scale_rewards"):
        group_advantages([1, 0], [0, 0], "batch")  # type: ignore[arg-type]


def _batch():
    # two responses, T = 3 token slots; response 0 has 3 policy tokens, response 1 has 1
    logp = torch.log(torch.tensor([[0.5, 0.5, 0.5], [0.25, 0.9, 0.9]]))
    mask = torch.tensor([[1.0, 1.0, 1.0], [1.0, 0.0, 0.0]])
    adv = torch.tensor([1.0, -2.0])
    return logp, mask, adv


@pytest.mark.parametrize("loss_type,expected", [
    # ratio 1 everywhere: per-token loss is -A; response 0 sums to -3, response 1 to +2
    ("grpo", ((-3 / 3) + (2 / 1)) / 2),      # mean per response, then over responses = 0.5
    ("dr_grpo", (-3 + 2) / (2 * 4)),          # constant N * max_tokens (max_tokens = 4)
    ("dapo", (-3 + 2) / 4),                   # token-level: 4 policy tokens in the batch
])
def test_aggregations_on_policy(loss_type, expected):
    logp, mask, adv = _batch()
    divisor, per_seq = loss_normaliser(loss_type, [3, 1], max_tokens=4)
    loss, stats = policy_loss(logp, logp.detach(), adv, mask, loss_type=loss_type, clip_low=0.2, clip_high=0.2,
                              divisor=divisor, per_sequence=per_seq)
    assert float(loss) == pytest.approx(expected, abs=1e-7)
    assert stats["tokens"] == 4 and stats["clipped"] == 0


def test_clip_low_and_clip_high():
    # positive advantage, ratio 1.5 -> clipped to 1 + clip_high; negative advantage, ratio 0.5 -> 1 - clip_low
    old = torch.zeros(2, 1)
    logp = torch.log(torch.tensor([[1.5], [0.5]]))
    adv = torch.tensor([1.0, -1.0])
    mask = torch.ones(2, 1)
    for clip_high, first in ((0.2, -1.2), (0.28, -1.28)):
        loss, stats = policy_loss(logp, old, adv, mask, loss_type="dapo", clip_low=0.2, clip_high=clip_high,
                                  divisor=2.0, per_sequence=False)
        # token 2: -min(0.5 * -1, 0.8 * -1) = 0.8
        assert float(loss) == pytest.approx((first + 0.8) / 2, abs=1e-6)
        assert stats["clipped"] == 2
    # inside the clip range the ratio is used as is and nothing counts as clipped
    logp = torch.log(torch.tensor([[1.1], [0.9]]))
    loss, stats = policy_loss(logp, old, adv, mask, loss_type="dapo", clip_low=0.2, clip_high=0.2, divisor=2.0,
                              per_sequence=False)
    assert float(loss) == pytest.approx((-1.1 + 0.9) / 2, abs=1e-6) and stats["clipped"] == 0


def test_k3_kl_values_and_penalty():
    logp = torch.zeros(1, 2)
    ref = torch.log(torch.tensor([[2.0, 1.0]]))
    np.testing.assert_allclose(k3_kl(logp, ref).numpy(), [[2 - math.log(2) - 1, 0.0]], atol=1e-6)
    loss, stats = policy_loss(logp, logp, torch.zeros(1), torch.ones(1, 2), loss_type="dapo", clip_low=0.2,
                              clip_high=0.2, divisor=2.0, per_sequence=False, ref_logp=ref, kl_beta=0.1)
    assert float(loss) == pytest.approx(0.1 * (1 - math.log(2)) / 2, abs=1e-6)
    assert stats["kl"] == pytest.approx(1 - math.log(2), abs=1e-6)


@pytest.mark.parametrize("loss_type", ["grpo", "dr_grpo", "dapo"])
def test_micro_batches_accumulate_to_the_full_batch_gradient(loss_type):
    torch.manual_seed(0)
    w = torch.randn(4, 3, requires_grad=True)
    mask = (torch.rand(4, 3) > 0.3).float()
    mask[:, 0] = 1
    adv = torch.tensor([1.0, -1.0, 0.5, 0.0])
    divisor, per_seq = loss_normaliser(loss_type, mask.sum(-1).int().tolist(), max_tokens=3)

    def loss_of(rows):
        logp = torch.nn.functional.logsigmoid(w[rows])
        return policy_loss(logp, logp.detach(), adv[rows], mask[rows], loss_type=loss_type, clip_low=0.2,
                           clip_high=0.2, divisor=divisor, per_sequence=per_seq)[0]

    full = torch.autograd.grad(loss_of([0, 1, 2, 3]), w)[0]
    parts = torch.autograd.grad(loss_of([0, 1]) + loss_of([2]), w)[0]  # row 3 (advantage 0) skipped
    torch.testing.assert_close(full, parts)


def test_pass_at_k_unbiased_estimator():
    assert pass_at_k(5, 2, 1) == pytest.approx(0.4)
    assert pass_at_k(5, 2, 2) == pytest.approx(1 - 3 / 10)    # 1 - C(3,2)/C(5,2)
    assert pass_at_k(5, 0, 3) == 0.0
    assert pass_at_k(5, 3, 3) == 1.0                          # fewer than k wrong samples
    # matches the exact probability that a random k-subset holds a correct sample
    rng = np.random.default_rng(0)
    hits = np.mean([rng.permutation([1] * 3 + [0] * 7)[:4].any() for _ in range(20000)])
    assert pass_at_k(10, 3, 4) == pytest.approx(hits, abs=0.01)
    with pytest.raises(ValueError):
        pass_at_k(3, 1, 4)
