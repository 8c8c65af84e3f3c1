"""Gymnasium spaces for language-model text and token ids."""

from __future__ import annotations

from typing import Any

import numpy as np
from gymnasium import spaces


class UnicodeText(spaces.Space[str]):
    """Any Python ``str`` up to ``max_length`` characters.

    Gymnasium's ``Text`` space only admits a fixed character set, which rejects
    ordinary LLM output (emoji, CJK, LaTeX). This space admits every string;
    ``sample`` draws printable text mixed with arbitrary code points.
    """

    def __init__(self, max_length: int = 1 << 20, seed: int | np.random.Generator | None = None):
        if max_length <= 0:
            raise ValueError(f"UnicodeText.max_length must be positive, got {max_length}")
        self.max_length = max_length
        super().__init__(shape=None, dtype=None, seed=seed)

    @property
    def is_np_flattenable(self) -> bool:
        return False

    def sample(self, mask: Any = None, probability: Any = None) -> str:
        n = int(self.np_random.integers(0, min(self.max_length, 64) + 1))
        # Mostly printable ASCII, sometimes any code point outside the surrogates.
        out = []
        for _ in range(n):
            if self.np_random.random() < 0.8:
                out.append(chr(int(self.np_random.integers(32, 127))))
            else:
                cp = int(self.np_random.integers(0x80, 0x10FFFF))
                out.append(chr(cp) if not 0xD800 <= cp <= 0xDFFF else "?")
        return "".join(out)

    def contains(self, x: Any) -> bool:
        return isinstance(x, str) and len(x) <= self.max_length

    def __repr__(self) -> str:
        return f"UnicodeText(max_length={self.max_length})"

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, UnicodeText) and other.max_length == self.max_length


def token_space(vocab_size: int) -> spaces.Sequence:
    """Variable-length 1-D ``int64`` arrays of ids below ``vocab_size``."""
    return spaces.Sequence(spaces.Discrete(vocab_size), stack=True)
