"""The KV-cache sampler: batched, left-padded, shared-prefix generation equals one-at-a-time decoding."""

from __future__ import annotations

import torch

from rlvr.agents.generation import HFSampler, make_sampler
from rlvr.agents.model import CompactByteTokenizer, TinyConfig, tiny_model

TOK = CompactByteTokenizer()


def _prompt(q: str) -> list[int]:
    return TOK.encode(TOK.render([{"role": "user", "content": q}], add_generation_prompt=True))


def test_batched_greedy_matches_unbatched_and_stops_at_eos():
    model = tiny_model(1, TinyConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2))
    sampler = HFSampler(model, [TOK.eos_token_id], TOK.pad_token_id)
    contexts = [_prompt(q) for q in ("1+1", "12*7", "1+1", "1+1", "99-98")] + [_prompt("3")[:-1]]
    batched = sampler.generate(contexts, 6, greedy=True)
    assert batched == [sampler.generate([c], 6, greedy=True)[0] for c in contexts]
    assert all(len(out) <= 6 for out in batched)
    assert all(TOK.eos_token_id not in out[:-1] for out in batched)   # nothing after the stop id


def test_sampling_is_reproducible_from_the_generator():
    model = tiny_model(0, TinyConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=1, num_attention_heads=2))
    contexts = [_prompt("5+5")] * 8
    runs = []
    for _ in range(2):
        sampler = make_sampler("hf", model, stop_ids=[TOK.eos_token_id], pad_id=TOK.pad_token_id,
                               generator=torch.Generator().manual_seed(3))
        runs.append(sampler.generate(contexts, 5))
    assert runs[0] == runs[1] and len({tuple(r) for r in runs[0]}) > 1
