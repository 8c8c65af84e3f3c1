"""The policy model: the built-in tiny preset or any local Transformers causal LM.

``--model tiny`` builds a ~1M-parameter Llama-style model from a config (no
download) that reads one byte per token through
:class:`rlvr.core.tokenizers.ByteTokenizer` (vocabulary 259: 256 bytes plus
``<|endoftext|>``, ``<|im_start|>``, ``<|im_end|>``). Any other value of
``--model`` is a local directory (or hub name, where one is reachable) loaded
with ``AutoModelForCausalLM``; the env then uses that model's tokenizer.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

from rlvr.core.errors import ConfigError, require
from rlvr.core.tokenizers import IM_END, IM_START, ByteTokenizer, HFTokenizer, load_tokenizer, tools_system_text

TINY = "tiny"
#: Marker file saved next to a tiny model, so reloading it picks the byte tokenizer.
BYTE_TOKENIZER_FILE = "rlvr_tokenizer.json"


class CompactByteTokenizer(ByteTokenizer):
    """The byte tokenizer with a compact chat format, for models trained from scratch.

    A turn is ``<|im_start|>`` + the role's initial (``s``, ``u``, ``a``, ``t``)
    + content + ``<|im_end|>``, with no newlines, so the demo's prompt
    ``<|im_start|>u37+45<|im_end|><|im_start|>a`` is 10 tokens instead of
    ChatML's 24: a tiny model's compute is almost all prompt, so RL and the warm
    start run ~2x faster. Envs accept it like any tokenizer object (DESIGN.md:
    an object with ``encode``/``decode`` and a chat renderer).
    """

    name = "byte-compact"

    def render(self, messages, tools=None, add_generation_prompt: bool = False) -> str:
        messages = list(messages)
        if tools:
            listing = tools_system_text(tools)
            if messages and messages[0]["role"] == "system":
                messages[0] = {"role": "system", "content": messages[0]["content"] + "\n\n" + listing}
            else:
                messages.insert(0, {"role": "system", "content": listing})
        text = "".join(f"{IM_START}{m['role'][:1]}{m['content']}{IM_END}" for m in messages)
        return text + (f"{IM_START}a" if add_generation_prompt else "")


@dataclass(frozen=True)
class TinyConfig:
    """Shape of the tiny preset: 4 layers x 128 wide = 0.86M parameters.

    Measured on 2 CPU cores: one 64 x 8 GRPO step (512 samples, ~30 prompt +
    ~6 completion tokens each) takes about 0.3 s to generate and 0.2 s to train.
    """

    hidden_size: int = 128
    intermediate_size: int = 352
    num_hidden_layers: int = 4
    num_attention_heads: int = 4
    max_position_embeddings: int = 256


def tiny_model(seed: int = 0, config: TinyConfig = TinyConfig()):
    """A freshly initialised Llama-style causal LM for the byte tokenizer."""
    torch = require("torch", "train", "The tiny model")
    transformers = require("transformers", "train", "The tiny model")
    tok = ByteTokenizer()
    cfg = transformers.LlamaConfig(
        vocab_size=tok.vocab_size, hidden_size=config.hidden_size,
        intermediate_size=config.intermediate_size, num_hidden_layers=config.num_hidden_layers,
        num_attention_heads=config.num_attention_heads, num_key_value_heads=config.num_attention_heads,
        max_position_embeddings=config.max_position_embeddings, rms_norm_eps=1e-5,
        tie_word_embeddings=True, bos_token_id=tok.special_ids["<|im_start|>"],
        eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id, attn_implementation="sdpa",
    )
    # The initial weights depend on the seed only, not on the caller's RNG state.
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = transformers.LlamaForCausalLM(cfg)
    return model


def load_policy(name: str, device: str = "cpu", seed: int = 0) -> tuple[Any, ByteTokenizer | HFTokenizer]:
    """Load ``(model, tokenizer)`` for ``--model``: ``"tiny"`` or a local path / hub name.

    The tokenizer is what the env must use, so that its token observations are
    the model's ids.
    """
    if name == TINY:
        return tiny_model(seed).to(device), CompactByteTokenizer()
    transformers = require("transformers", "train", f"Loading the model {name!r}")
    marker = os.path.join(name, BYTE_TOKENIZER_FILE)
    if os.path.isdir(name) and os.path.exists(marker):
        with open(marker) as f:
            kind = json.load(f).get("tokenizer", "byte")
        tokenizer: ByteTokenizer | HFTokenizer = CompactByteTokenizer() if kind == "byte-compact" else ByteTokenizer()
    else:
        try:
            tokenizer = load_tokenizer(name)
        except ConfigError as exc:
            raise ConfigError(f"--model {name!r}: {exc}") from exc
    try:
        model = transformers.AutoModelForCausalLM.from_pretrained(name, dtype="float32")
    except OSError as exc:
        raise ConfigError(
            f"--model {name!r} could not be loaded ({exc}). Pass 'tiny' for the built-in preset or a "
            "local directory holding a Transformers causal LM (config.json + weights)."
        ) from exc
    return model.to(device), tokenizer


def save_policy(model: Any, tokenizer: ByteTokenizer | HFTokenizer, path: str) -> None:
    """Save weights (safetensors) and whatever reloads the tokenizer."""
    os.makedirs(path, exist_ok=True)
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # one bar per checkpoint would bury the trainer's output
    model.save_pretrained(path, safe_serialization=True)
    if isinstance(tokenizer, ByteTokenizer):
        with open(os.path.join(path, BYTE_TOKENIZER_FILE), "w") as f:
            json.dump({"tokenizer": tokenizer.name, "vocab_size": tokenizer.vocab_size}, f)
    elif hasattr(tokenizer.tok, "save_pretrained"):
        tokenizer.tok.save_pretrained(path)


def pad_id(tokenizer: Any) -> int:
    """A padding id; padded positions are always masked, so any valid id works."""
    for name in ("pad_token_id", "eos_token_id"):
        value = getattr(tokenizer, name, None)
        if value is not None:
            return int(value)
    return 0


def _bytes_to_unicode() -> dict[int, str]:
    """GPT-2's reversible byte -> printable character map (what ByteLevel pre-tokenizers use)."""
    keep = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    chars, extra = {}, 0
    for b in range(256):
        if b in keep:
            chars[b] = chr(b)
        else:
            chars[b] = chr(256 + extra)
            extra += 1
    return chars


#: :class:`CompactByteTokenizer`'s chat format as a Jinja chat template (tools are not rendered).
COMPACT_TEMPLATE = (
    "{% for message in messages %}{{ '<|im_start|>' + message['role'][:1] + message['content'] + '<|im_end|>' }}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>a' }}{% endif %}"
)


def hf_byte_tokenizer():
    """A ``transformers`` tokenizer with exactly :class:`ByteTokenizer`'s ids (bytes 0-255, then the
    three ChatML specials) and :class:`CompactByteTokenizer`'s chat format as its template.

    For libraries that need a ``PreTrainedTokenizerFast`` (TRL's ``GRPOTrainer``)
    to drive the tiny model; built locally, nothing is downloaded.
    """
    require("tokenizers", "train", "The byte-level HF tokenizer")
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers
    from tokenizers.pre_tokenizers import ByteLevel
    from transformers import PreTrainedTokenizerFast

    byte_tok = ByteTokenizer()
    vocab = {ch: b for b, ch in _bytes_to_unicode().items()}   # printable stand-ins for the 256 bytes
    if set(vocab) != set(ByteLevel.alphabet()):
        raise RuntimeError("tokenizers' ByteLevel alphabet changed; the byte mapping needs updating")
    tok = Tokenizer(models.BPE(vocab=vocab, merges=[]))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)
    tok.decoder = decoders.ByteLevel()
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, clean_up_tokenization_spaces=False)
    fast.add_special_tokens({"additional_special_tokens": list(byte_tok.special_tokens)})
    fast.eos_token, fast.pad_token, fast.bos_token = "<|im_end|>", "<|endoftext|>", "<|im_start|>"
    fast.chat_template = COMPACT_TEMPLATE
    fast.padding_side = "left"
    for text, ident in byte_tok.special_ids.items():
        if fast.convert_tokens_to_ids(text) != ident:
            raise RuntimeError(f"byte tokenizer ids drifted: {text} -> {fast.convert_tokens_to_ids(text)}")
    return fast
