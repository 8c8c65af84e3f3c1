"""Tokenizers and chat rendering.

Every env talks to one :class:`ChatTokenizer`: it encodes and decodes text and
renders a conversation (``[{"role", "content"}]`` plus optional tool schemas)
into the exact string the model sees. Three kinds are accepted:

* ``None`` - the built-in :class:`ByteTokenizer` (UTF-8 bytes plus three
  ChatML special tokens; nothing to download);
* a string - a name or local path loaded with ``transformers.AutoTokenizer``;
* an object with ``encode``/``decode`` (and optionally
  ``apply_chat_template``), used as is.
"""

from __future__ import annotations

import json
import re
from typing import Any, Protocol, Sequence, runtime_checkable

from rlvr.core.errors import ConfigError, require

Message = dict[str, str]

IM_START, IM_END, END_OF_TEXT = "<|im_start|>", "<|im_end|>", "<|endoftext|>"


def render_chatml(messages: Sequence[Message], tools: Sequence[dict] | None = None,
                  add_generation_prompt: bool = False) -> str:
    """Render messages in ChatML, listing ``tools`` in the system turn.

    Used by the byte tokenizer and by any tokenizer without a chat template.
    A ``tool`` message becomes a user turn wrapped in ``<tool_response>``.
    """
    parts: list[str] = []
    messages = list(messages)
    if tools:
        listing = tools_system_text(tools)
        if messages and messages[0]["role"] == "system":
            messages[0] = {"role": "system", "content": messages[0]["content"] + "\n\n" + listing}
        else:
            messages.insert(0, {"role": "system", "content": listing})
    for m in messages:
        role, content = m["role"], m["content"]
        if role == "tool":
            role, content = "user", f"<tool_response>\n{content}\n</tool_response>"
        parts.append(f"{IM_START}{role}\n{content}{IM_END}\n")
    if add_generation_prompt:
        parts.append(f"{IM_START}assistant\n")
    return "".join(parts)


def tools_system_text(tools: Sequence[dict]) -> str:
    """The tool listing put in the system prompt (Hermes/Qwen convention)."""
    schemas = "\n".join(json.dumps(t, sort_keys=True) for t in tools)
    return (
        "# Tools\n\nYou can call these functions. Their JSON schemas are inside <tools></tools>:\n"
        f"<tools>\n{schemas}\n</tools>\n\n"
        "To call one, write a JSON object with its name and arguments inside <tool_call></tool_call> tags:\n"
        '<tool_call>\n{"name": <function-name>, "arguments": <args-json-object>}\n</tool_call>'
    )


@runtime_checkable
class SupportsEncodeDecode(Protocol):
    def encode(self, text: str, *args: Any, **kwargs: Any) -> list[int]: ...
    def decode(self, ids: Sequence[int], *args: Any, **kwargs: Any) -> str: ...


class ChatTokenizer(Protocol):
    """What an env needs from a tokenizer."""

    vocab_size: int
    eos_token_id: int | None
    name: str

    def encode(self, text: str) -> list[int]: ...
    def decode(self, ids: Sequence[int]) -> str: ...
    def render(self, messages: Sequence[Message], tools: Sequence[dict] | None = None,
               add_generation_prompt: bool = False) -> str: ...


class ByteTokenizer:
    """UTF-8 bytes as ids 0-255, plus ``<|endoftext|>``, ``<|im_start|>``, ``<|im_end|>``.

    Needs no download, never meets an unknown character, and round-trips any
    string exactly. Special-token strings in text encode to their single id,
    as Hugging Face tokenizers do.
    """

    special_tokens = (END_OF_TEXT, IM_START, IM_END)
    name = "byte"

    def __init__(self) -> None:
        self.special_ids = {tok: 256 + i for i, tok in enumerate(self.special_tokens)}
        self.id_to_special = {i: tok for tok, i in self.special_ids.items()}
        self.vocab_size = 256 + len(self.special_tokens)
        self.pad_token_id = self.special_ids[END_OF_TEXT]
        self.eos_token_id = self.special_ids[IM_END]
        self._split = re.compile("(" + "|".join(re.escape(t) for t in self.special_tokens) + ")")

    def encode(self, text: str) -> list[int]:
        ids: list[int] = []
        for piece in self._split.split(text):
            if piece in self.special_ids:
                ids.append(self.special_ids[piece])
            elif piece:
                ids.extend(piece.encode("utf-8", errors="surrogatepass"))
        return ids

    def decode(self, ids: Sequence[int], skip_special_tokens: bool = False) -> str:
        """Decode ids; invalid UTF-8 becomes U+FFFD and unknown ids are dropped."""
        out: list[str] = []
        buf = bytearray()
        for i in ids:
            i = int(i)
            if 0 <= i < 256:
                buf.append(i)
                continue
            if buf:
                out.append(buf.decode("utf-8", errors="replace"))
                buf.clear()
            if i in self.id_to_special and not skip_special_tokens:
                out.append(self.id_to_special[i])
        if buf:
            out.append(buf.decode("utf-8", errors="replace"))
        return "".join(out)

    def render(self, messages: Sequence[Message], tools: Sequence[dict] | None = None,
               add_generation_prompt: bool = False) -> str:
        return render_chatml(messages, tools, add_generation_prompt)

    # Hugging Face-compatible spelling, so trainers can treat both alike.
    def apply_chat_template(self, messages: Sequence[Message], tools: Sequence[dict] | None = None,
                            add_generation_prompt: bool = False, tokenize: bool = False, **_: Any):
        text = self.render(messages, tools, add_generation_prompt)
        return self.encode(text) if tokenize else text

    def __len__(self) -> int:
        return self.vocab_size


class HFTokenizer:
    """Adapter for a Hugging Face tokenizer (or any object with encode/decode).

    Encoding never adds BOS/EOS on its own: the chat template decides where
    special tokens go. Rendering uses the tokenizer's chat template when it has
    one (passing ``tools=``) and ChatML otherwise.
    """

    def __init__(self, tok: Any) -> None:
        self.tok = tok
        self.name = getattr(tok, "name_or_path", type(tok).__name__)
        try:
            self.vocab_size = int(len(tok))
        except TypeError:
            self.vocab_size = int(getattr(tok, "vocab_size"))
        self.eos_token_id = getattr(tok, "eos_token_id", None)
        self.pad_token_id = getattr(tok, "pad_token_id", None)
        self._has_template = bool(getattr(tok, "chat_template", None)) and hasattr(tok, "apply_chat_template")

    def encode(self, text: str) -> list[int]:
        try:
            return list(self.tok.encode(text, add_special_tokens=False))
        except TypeError:
            return list(self.tok.encode(text))

    def decode(self, ids: Sequence[int]) -> str:
        ids = [int(i) for i in ids if 0 <= int(i) < self.vocab_size]
        try:
            return self.tok.decode(ids, skip_special_tokens=False)
        except TypeError:
            return self.tok.decode(ids)

    def render(self, messages: Sequence[Message], tools: Sequence[dict] | None = None,
               add_generation_prompt: bool = False) -> str:
        if not self._has_template:
            return render_chatml(messages, tools, add_generation_prompt)
        kwargs: dict[str, Any] = {"tokenize": False, "add_generation_prompt": add_generation_prompt}
        if tools:
            kwargs["tools"] = list(tools)
        return self.tok.apply_chat_template(list(messages), **kwargs)


def load_tokenizer(spec: Any = None) -> ByteTokenizer | HFTokenizer:
    """Turn the ``tokenizer=`` constructor argument into a :class:`ChatTokenizer`."""
    if spec is None or spec == "byte":
        return ByteTokenizer()
    if isinstance(spec, (ByteTokenizer, HFTokenizer)):
        return spec
    if isinstance(spec, str):
        transformers = require("transformers", "hf", f"Loading the tokenizer {spec!r}")
        try:
            tok = transformers.AutoTokenizer.from_pretrained(spec)
        except OSError as exc:
            raise ConfigError(
                f"tokenizer={spec!r} could not be loaded ({exc}). Pass a local directory that holds "
                "tokenizer files, a tokenizer object, or None for the built-in byte tokenizer."
            ) from exc
        return HFTokenizer(tok)
    if isinstance(spec, SupportsEncodeDecode):
        return HFTokenizer(spec)
    raise ConfigError(
        f"tokenizer must be None, a name/path, or an object with encode/decode; got {type(spec).__name__}"
    )
