"""Word-level diff inside a line or a short text.

Text is split into words, runs of whitespace and single punctuation marks;
the diff is computed over those tokens and adjacent tokens with the same
tag are merged.
"""

from __future__ import annotations

import re

from textdiff.lcs import opcodes

TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
DEFAULT_MARKERS = ("[-", "-]", "{+", "+}")
EQUAL, REMOVED, ADDED = "=", "-", "+"


def split_words(text: str) -> list[str]:
    """Split into words, whitespace runs and punctuation: ``'a, b'`` -> ``['a', ',', ' ', 'b']``."""
    return TOKEN.findall(text)


def _push(parts: list[tuple[str, str]], tag: str, text: str) -> None:
    """Append a run unless it is empty (edit operations never repeat a tag)."""
    if text:
        parts.append((tag, text))


def word_diff(old: str, new: str, ignore_case: bool = False) -> list[tuple[str, str]]:
    """Return ``(tag, text)`` runs with tag ``'='``, ``'-'`` or ``'+'``.

    Removed text comes before added text at the same place.
    """
    old_tokens, new_tokens = split_words(old), split_words(new)
    keys_old = [t.lower() for t in old_tokens] if ignore_case else old_tokens
    keys_new = [t.lower() for t in new_tokens] if ignore_case else new_tokens
    parts: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in opcodes(keys_old, keys_new):
        if tag == "equal":
            _push(parts, EQUAL, "".join(new_tokens[j1:j2]))
            continue
        _push(parts, REMOVED, "".join(old_tokens[i1:i2]))
        _push(parts, ADDED, "".join(new_tokens[j1:j2]))
    return parts


def render_word_diff(old: str, new: str, markers: tuple[str, str, str, str] = DEFAULT_MARKERS) -> str:
    """Render a word diff inline: ``'the [-red-]{+blue+} car'``."""
    open_removed, close_removed, open_added, close_added = markers
    out = []
    for tag, text in word_diff(old, new):
        if tag == REMOVED:
            out.append(f"{open_removed}{text}{close_removed}")
        elif tag == ADDED:
            out.append(f"{open_added}{text}{close_added}")
        else:
            out.append(text)
    return "".join(out)


def changed_words(old: str, new: str) -> tuple[list[str], list[str]]:
    """Return the removed and the added words (whitespace left out)."""
    removed: list[str] = []
    added: list[str] = []
    old_tokens, new_tokens = split_words(old), split_words(new)
    for tag, i1, i2, j1, j2 in opcodes(old_tokens, new_tokens):
        if tag in ("delete", "replace"):
            removed.extend(t for t in old_tokens[i1:i2] if not t.isspace())
        if tag in ("insert", "replace"):
            added.extend(t for t in new_tokens[j1:j2] if not t.isspace())
    return removed, added
