"""Batched token generation: the trainer's own KV-cache sampler, and the vLLM seam.

A *sampler* turns a batch of token contexts into continuations. The trainer
only calls :meth:`Sampler.generate` and :meth:`Sampler.sync_weights`, so a
faster backend drops in without touching the loop: :class:`HFSampler` (the
default: the policy itself with a KV cache, CPU or GPU) and
:class:`VLLMSampler` (``--generation-backend vllm`` on a GPU machine with
vLLM installed).
"""

from __future__ import annotations

from typing import Any, Literal, Protocol, Sequence

from rlvr.core.errors import ConfigError, require


class Sampler(Protocol):
    def generate(self, contexts: Sequence[Sequence[int]], max_new_tokens: int, *,
                 greedy: bool = False, temperature: float = 1.0) -> list[list[int]]:
        """Continuations of each context, each ending at the first stop id (kept) or the length cap."""

    def sync_weights(self, model: Any) -> None:
        """Make the backend sample from ``model``'s current weights."""


class HFSampler:
    """Sampling from a Transformers causal LM with its KV cache.

    Contexts are left-padded into one ``(B, T)`` batch and prefilled once;
    then each step feeds ``(B, 1)`` new ids and reuses the cache, so a step
    costs O(B * T) attention instead of re-running the whole prefix. Rows
    that emitted a stop id keep being computed (padding) until every row has
    stopped: cheaper than re-packing the cache on every step at these sizes.

    Args:
        model: The policy (sampling follows its live weights; nothing to sync).
        stop_ids: Ids that end a turn (the tokenizer's end-of-turn id).
        pad_id: Any valid id; padded positions are masked out.
        generator: A ``torch.Generator`` that owns the sampling randomness
            (checkpointed by the trainer for exact resume).
        max_batch: Rows per forward pass; larger batches are split.
    """

    def __init__(self, model: Any, stop_ids: Sequence[int], pad_id: int, generator: Any = None,
                 max_batch: int = 1024) -> None:
        self.model, self.stop_ids, self.pad_id = model, sorted(set(int(i) for i in stop_ids)), int(pad_id)
        self.generator, self.max_batch = generator, max_batch

    def sync_weights(self, model: Any) -> None:
        self.model = model

    def generate(self, contexts: Sequence[Sequence[int]], max_new_tokens: int, *,
                 greedy: bool = False, temperature: float = 1.0) -> list[list[int]]:
        out: list[list[int]] = []
        for start in range(0, len(contexts), self.max_batch):
            out.extend(self._generate(contexts[start:start + self.max_batch], max_new_tokens, greedy, temperature))
        return out

    def _generate(self, contexts: Sequence[Sequence[int]], max_new_tokens: int, greedy: bool,
                  temperature: float) -> list[list[int]]:
        torch = require("torch", "train", "Generation")
        if not contexts:
            return []
        device = next(self.model.parameters()).device
        # A group's G rows share their context: prefill each distinct context once (U rows), then
        # copy its KV cache to the G rows. Cuts the prefill, most of a short rollout's compute, by G.
        unique: dict[tuple[int, ...], int] = {}
        row_of = [unique.setdefault(tuple(int(t) for t in ctx), len(unique)) for ctx in contexts]
        distinct = list(unique)
        B, U, T = len(contexts), len(distinct), max(len(c) for c in contexts)
        ids = torch.full((U, T), self.pad_id, dtype=torch.long)
        mask = torch.zeros((U, T), dtype=torch.long)
        for row, ctx in enumerate(distinct):  # left padding: every row's next token lands at column T
            if len(ctx):
                ids[row, T - len(ctx):] = torch.as_tensor(ctx, dtype=torch.long)
                mask[row, T - len(ctx):] = 1
        ids, mask = ids.to(device), mask.to(device)
        positions = (mask.cumsum(-1) - 1).clamp(min=0)                      # (U, T)
        expand = torch.as_tensor(row_of, dtype=torch.long, device=device)   # (B,) row -> distinct context
        stop = torch.as_tensor(self.stop_ids, dtype=torch.long, device=device)
        done = torch.zeros(B, dtype=torch.bool, device=device)
        new = torch.empty((B, 0), dtype=torch.long, device=device)
        was_training = self.model.training
        self.model.eval()
        try:
            with torch.inference_mode():
                cache = None
                step_ids, step_pos = ids, positions
                for _ in range(max_new_tokens):
                    result = self.model(input_ids=step_ids, attention_mask=mask, position_ids=step_pos,
                                        past_key_values=cache, use_cache=True, logits_to_keep=1)
                    logits = result.logits[:, -1, :].float()                 # (B, V); (U, V) after the prefill
                    if cache is None:                                        # fan the prefill out to all B rows
                        cache = result.past_key_values
                        if U < B:
                            cache.reorder_cache(expand)
                            logits, mask, step_pos = logits[expand], mask[expand], step_pos[expand]
                    if greedy:
                        token = logits.argmax(-1)
                    else:
                        probs = torch.softmax(logits / temperature, dim=-1)
                        token = torch.multinomial(probs, 1, generator=self.generator).squeeze(-1)
                    token = torch.where(done, torch.full_like(token, self.pad_id), token)
                    new = torch.cat([new, token[:, None]], dim=1)
                    done = done | torch.isin(token, stop)
                    if bool(done.all()):
                        break
                    step_ids = token[:, None]                                # (B, 1)
                    step_pos = step_pos[:, -1:] + 1
                    mask = torch.cat([mask, torch.ones((B, 1), dtype=mask.dtype, device=device)], dim=1)
        finally:
            self.model.train(was_training)
        rows = new.tolist()
        result_ids: list[list[int]] = []
        stops = set(self.stop_ids)
        for row in rows:
            for j, t in enumerate(row):
                if t in stops:
                    row = row[:j + 1]
                    break
            result_ids.append(row)
        return result_ids


class VLLMSampler:  # pragma: no cover - needs a GPU machine with vLLM installed
    """vLLM as the generation engine; the trainer's model stays the one that learns.

    vLLM keeps its own copy of the weights, so :meth:`sync_weights` pushes the
    trainer's state dict into the engine after every optimizer step. Log-probs
    for the loss are always recomputed by the trainer's model, so the update
    does not depend on vLLM's numerics.
    """

    def __init__(self, model_path: str, stop_ids: Sequence[int], seed: int = 0,
                 gpu_memory_utilization: float = 0.4) -> None:
        vllm = require("vllm", "train", "--generation-backend vllm", package="vllm")
        self._vllm = vllm
        self.stop_ids = list(stop_ids)
        self.llm = vllm.LLM(model=model_path, seed=seed, gpu_memory_utilization=gpu_memory_utilization,
                            enable_prefix_caching=True)

    def sync_weights(self, model: Any) -> None:
        state = model.state_dict()
        engine_model = self.llm.llm_engine.model_executor.driver_worker.model_runner.model
        engine_model.load_weights(state.items())

    def generate(self, contexts: Sequence[Sequence[int]], max_new_tokens: int, *,
                 greedy: bool = False, temperature: float = 1.0) -> list[list[int]]:
        params = self._vllm.SamplingParams(max_tokens=max_new_tokens, temperature=0.0 if greedy else temperature,
                                           stop_token_ids=self.stop_ids, skip_special_tokens=False)
        prompts = [{"prompt_token_ids": list(map(int, c))} for c in contexts]
        outputs = self.llm.generate(prompts, params, use_tqdm=False)
        return [list(o.outputs[0].token_ids) for o in outputs]


def make_sampler(backend: Literal["hf", "vllm"], model: Any, *, stop_ids: Sequence[int], pad_id: int,
                 generator: Any = None, model_path: str | None = None, seed: int = 0) -> Sampler:
    """The sampler for ``--generation-backend``."""
    if backend == "hf":
        return HFSampler(model, stop_ids, pad_id, generator)
    if backend == "vllm":
        torch = require("torch", "train", "--generation-backend vllm")
        if not torch.cuda.is_available():
            raise ConfigError("--generation-backend vllm needs a CUDA GPU; none was found. Fix: use "
                              "--generation-backend hf (the default).")
        if model_path is None:
            raise ConfigError("--generation-backend vllm needs --model to be a local directory vLLM can load.")
        return VLLMSampler(model_path, stop_ids, seed)
    raise ConfigError(f"--generation-backend must be 'hf' or 'vllm', got {backend!r}")
