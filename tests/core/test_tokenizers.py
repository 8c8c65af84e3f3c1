"""Byte tokenizer and Hugging Face tokenizer wrapper: exact incremental rendering."""

from __future__ import annotations

import json

import gymnasium as gym
import numpy as np
import pytest

from rlvr.core.tokenizers import ByteTokenizer, HFTokenizer, load_tokenizer, render_chatml

TOOLS = [{"type": "function", "function": {"name": "bash", "description": "run a command",
          "parameters": {"type": "object", "properties": {"command": {"type": "string"}},
                         "required": ["command"]}}}]

# A ChatML template that lists tools in the system turn, as Qwen's does.
CHAT_TEMPLATE = (
    "{% if tools %}<|im_start|>system\n"
    "{% if messages[0].role == 'system' %}{{ messages[0].content }}\n\n{% endif %}"
    "Tools:{% for t in tools %}\n{{ t | tojson }}{% endfor %}<|im_end|>\n"
    "{% elif messages[0].role == 'system' %}<|im_start|>system\n{{ messages[0].content }}<|im_end|>\n"
    "{% endif %}"
    "{% for m in messages %}{% if m.role != 'system' %}"
    "<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n"
    "{% endif %}{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


@pytest.fixture(scope="module")
def hf_tokenizer():
    """A tiny byte-level BPE trained offline and wrapped as a transformers fast tokenizer."""
    tokenizers = pytest.importorskip("tokenizers")
    transformers = pytest.importorskip("transformers")
    tok = tokenizers.Tokenizer(tokenizers.models.BPE())
    tok.pre_tokenizer = tokenizers.pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = tokenizers.decoders.ByteLevel()
    trainer = tokenizers.trainers.BpeTrainer(
        vocab_size=400, special_tokens=["<|endoftext|>", "<|im_start|>", "<|im_end|>"],
        initial_alphabet=tokenizers.pre_tokenizers.ByteLevel.alphabet())
    corpus = ["Say the word w1. Answer with one word. is not the word. Try again."] * 50 + \
             ["the quick brown fox jumps over the lazy dog 0123456789"] * 50
    tok.train_from_iterator(corpus, trainer)
    fast = transformers.PreTrainedTokenizerFast(
        tokenizer_object=tok, eos_token="<|im_end|>", pad_token="<|endoftext|>",
        additional_special_tokens=["<|im_start|>"])
    fast.chat_template = CHAT_TEMPLATE
    return fast


def test_byte_tokenizer_round_trips_any_string():
    tok = ByteTokenizer()
    for text in ["", "héllo ✓ 🤖", "a<|im_end|>b", "\x00\n\t", "日本語"]:
        assert tok.decode(tok.encode(text)) == text
    assert tok.encode("<|im_start|>") == [257]
    assert tok.decode([0xFF, 104, 105]) == "\ufffdhi"
    assert tok.decode([10**6, 104]) == "h"
    assert tok.vocab_size == 259


def test_chatml_lists_tools_in_the_system_turn():
    text = render_chatml([{"role": "system", "content": "S"}, {"role": "user", "content": "U"}], TOOLS,
                         add_generation_prompt=True)
    assert text.startswith("<|im_start|>system\nS\n\n# Tools")
    assert json.dumps(TOOLS[0], sort_keys=True) in text
    assert text.endswith("<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n")


def test_hf_wrapper_passes_tools_to_the_chat_template(hf_tokenizer):
    wrapped = load_tokenizer(hf_tokenizer)
    assert isinstance(wrapped, HFTokenizer)
    text = wrapped.render([{"role": "user", "content": "hi"}], TOOLS, add_generation_prompt=True)
    assert '"name": "bash"' in text and text.endswith("<|im_start|>assistant\n")


@pytest.mark.parametrize("as_ids", [False, True])
def test_hf_context_equals_tokenization_of_full_conversation(hf_tokenizer, as_ids):
    env = gym.make("test/Echo-v0", tokenizer=hf_tokenizer, max_turns=4)
    obs, info = env.reset(seed=1)
    prompt_text = hf_tokenizer.apply_chat_template(info["messages"], tokenize=False, add_generation_prompt=True)
    assert list(obs) == hf_tokenizer.encode(prompt_text, add_special_tokens=False)
    context = list(obs)
    for action in ["the wrong word", "  spaced  out\n", "ünïcödé 🤖"]:
        ids = hf_tokenizer.encode(action, add_special_tokens=False)
        if as_ids:  # a policy that ends its turn with the end-of-turn token
            ids = ids + [hf_tokenizer.eos_token_id]
        obs, reward, term, trunc, info = env.step(np.array(ids) if as_ids else action)
        context += ids + list(obs)
        full = hf_tokenizer.apply_chat_template(info["messages"], tokenize=False, add_generation_prompt=True)
        assert context == hf_tokenizer.encode(full, add_special_tokens=False)
        assert info["messages"][-2]["content"] == action
    assert env.unwrapped.observation_space.contains(obs)


def test_object_without_chat_template_falls_back_to_chatml():
    class Minimal:
        vocab_size = 259

        def __init__(self):
            self.inner = ByteTokenizer()

        def encode(self, text):
            return self.inner.encode(text)

        def decode(self, ids):
            return self.inner.decode(ids)

    env = gym.make("test/Echo-v0", tokenizer=Minimal())
    obs, info = env.reset(seed=0)
    assert ByteTokenizer().decode(obs) == render_chatml(info["messages"], add_generation_prompt=True)
