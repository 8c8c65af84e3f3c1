"""GRPO-family objectives: group-relative advantages, clipped policy loss, k3 KL, pass@k.

Notation: a batch holds ``N`` sampled responses, ``T`` the padded number of
response tokens; ``mask`` is 1 on the tokens the policy produced (never on
tokens the env appended, never on padding).

Loss aggregations (``--loss``), with ``l[i, t]`` the per-token clipped
surrogate (plus ``beta * kl``):

* ``grpo`` - mean over each response's tokens, then mean over responses
  (DeepSeekMath): ``sum_i (1/|o_i|) sum_t l[i,t] / N``.
* ``dr_grpo`` - a constant normaliser (Dr. GRPO, Liu et al. 2025), so long
  responses are not favoured: ``sum_i sum_t l[i,t] / (N * max_tokens)``.
* ``dapo`` - token-level mean over the whole batch (DAPO, Yu et al. 2025):
  ``sum_i sum_t l[i,t] / sum_i |o_i|``; use it with clip-higher
  (``clip_high > clip_low``).

All three are sums of per-token terms divided by a batch-level constant
(:func:`loss_normaliser`), so the trainer can split a batch into
micro-batches, accumulate gradients, skip rows whose every term is zero and
still take exactly the full-batch step.
"""

from __future__ import annotations

import math
from typing import Literal, Sequence

import numpy as np

LossType = Literal["grpo", "dr_grpo", "dapo"]
LOSS_TYPES: tuple[str, ...] = ("grpo", "dr_grpo", "dapo")


def group_advantages(rewards: Sequence[float], groups: Sequence[int], scale: Literal["group", "none"] = "group",
                     eps: float = 1e-4) -> tuple[np.ndarray, np.ndarray]:
    """Group-relative advantages.

    ``A_i = r_i - mean(r_group)``, divided by ``std(r_group) + eps`` when
    ``scale="group"`` (GRPO) and not divided when ``scale="none"`` (Dr. GRPO).
    The std is the population std (``ddof=0``): a group ``[1, 0]`` gets
    advantages ``+-1/(0.5 + eps)``.

    Args:
        rewards: One reward per response, ``(N,)``.
        groups: The group (prompt) id of each response, ``(N,)``.
        scale: ``"group"`` or ``"none"``.
        eps: Added to the std so a near-constant group cannot blow up.

    Returns:
        ``(advantages (N,), zero_std (N,) bool)``: ``zero_std`` marks responses
        whose group has a single reward value; their advantage is exactly 0.
    """
    if scale not in ("group", "none"):
        raise ValueError(f"scale_rewards must be 'group' or 'none', got {scale!r}")
    r = np.asarray(rewards, dtype=np.float64)
    g = np.asarray(groups)
    adv = np.zeros_like(r)
    zero_std = np.zeros(r.shape, dtype=bool)
    for gid in np.unique(g):
        idx = np.flatnonzero(g == gid)
        values = r[idx]
        std = values.std()
        if np.all(values == values[0]):
            zero_std[idx] = True
            continue
        centred = values - values.mean()
        adv[idx] = centred / (std + eps) if scale == "group" else centred
    return adv, zero_std


def loss_normaliser(loss_type: LossType, response_lengths: Sequence[int], max_tokens: int) -> tuple[float, bool]:
    """The constant that divides the summed per-token loss, for the whole batch.

    Returns ``(divisor, per_sequence)``: with ``per_sequence=True`` (``grpo``)
    each response's token sum is first divided by its own length.
    """
    n = len(response_lengths)
    if n == 0:
        return 1.0, loss_type == "grpo"
    if loss_type == "grpo":
        return float(n), True
    if loss_type == "dr_grpo":
        return float(n * max_tokens), False
    if loss_type == "dapo":
        return float(max(1, sum(response_lengths))), False
    raise ValueError(f"loss must be one of {LOSS_TYPES}, got {loss_type!r}")


def k3_kl(logp, ref_logp):
    """Per-token k3 estimator of KL(pi || ref) (Schulman 2020): ``exp(d) - d - 1``, ``d = ref - logp``.

    Unbiased for samples from pi, always >= 0, lower variance than ``-d``.
    """
    import torch

    delta = ref_logp - logp
    return torch.exp(delta) - delta - 1.0


def policy_loss(logp, old_logp, advantages, mask, *, loss_type: LossType, clip_low: float, clip_high: float,
                divisor: float, per_sequence: bool, ref_logp=None, kl_beta: float = 0.0):
    """Clipped surrogate on a (micro-)batch, already divided by the full batch's ``divisor``.

    Args:
        logp: ``(n, T)`` log-probs of the taken tokens under the current policy.
        old_logp: ``(n, T)`` log-probs under the policy that sampled them
            (detached; equal to ``logp`` on the first pass of an on-policy step,
            which makes the ratio 1 but keeps its gradient).
        advantages: ``(n,)``.
        mask: ``(n, T)`` 1.0 on policy tokens.
        loss_type, divisor, per_sequence: From :func:`loss_normaliser`.
        clip_low, clip_high: The ratio is clipped to ``[1 - clip_low, 1 + clip_high]``.
        ref_logp: ``(n, T)`` reference-model log-probs when ``kl_beta > 0``.

    Returns:
        ``(loss, stats)``; ``stats`` holds summed (not averaged) ``clipped``,
        ``kl`` and ``tokens`` counts so micro-batches add up.
    """
    import torch

    ratio = torch.exp(logp - old_logp)                                       # (n, T)
    adv = advantages[:, None]
    unclipped = ratio * adv
    clipped = torch.clamp(ratio, 1.0 - clip_low, 1.0 + clip_high) * adv
    per_token = -torch.minimum(unclipped, clipped)                           # (n, T)
    kl = None
    if kl_beta > 0.0:
        if ref_logp is None:
            raise ValueError("kl_beta > 0 needs ref_logp")
        kl = k3_kl(logp, ref_logp)
        per_token = per_token + kl_beta * kl
    per_token = per_token * mask
    if per_sequence:
        lengths = mask.sum(-1).clamp(min=1.0)
        total = (per_token.sum(-1) / lengths).sum()
    else:
        total = per_token.sum()
    loss = total / divisor
    with torch.no_grad():
        is_clipped = ((ratio < 1.0 - clip_low) & (adv < 0)) | ((ratio > 1.0 + clip_high) & (adv > 0))
        stats = {"clipped": float((is_clipped.float() * mask).sum()), "tokens": float(mask.sum()),
                 "kl": float((kl * mask).sum()) if kl is not None else 0.0}
    return loss, stats


def pass_at_k(n: int, c: int, k: int) -> float:
    """Unbiased pass@k from ``n`` samples with ``c`` correct (Chen et al. 2021): ``1 - C(n-c, k) / C(n, k)``."""
    if not 0 <= c <= n:
        raise ValueError(f"need 0 <= c <= n, got n={n}, c={c}")
    if not 1 <= k <= n:
        raise ValueError(f"pass@k needs 1 <= k <= n (samples per problem), got k={k}, n={n}")
    if n - c < k:
        return 1.0
    return 1.0 - math.comb(n - c, k) / math.comb(n, k)
