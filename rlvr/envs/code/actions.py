"""Turning the policy's message into a program: the last fenced code block, else the whole text."""

from __future__ import annotations

import re
from typing import Sequence

# An opening fence (``` or ~~~, three or more) at the start of a line, with an optional info string.
_FENCE = re.compile(r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)$", re.MULTILINE)


def code_blocks(text: str) -> list[tuple[str, str]]:
    """Every fenced block as ``(info string, content)``, in order.

    A block closes at the next line holding a fence of the same character at
    least as long as the opening one; a block that never closes (a truncated
    generation) runs to the end of the text.
    """
    blocks: list[tuple[str, str]] = []
    pos = 0
    while (opening := _FENCE.search(text, pos)) is not None:
        fence = opening.group("fence")
        info = opening.group("info").strip().split(maxsplit=1)
        start = opening.end() + 1
        closing = re.compile(rf"^[ \t]{{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.MULTILINE)
        end_match = closing.search(text, start)
        end = end_match.start() if end_match else len(text)
        blocks.append((info[0].lower() if info else "", text[start:end] if start <= len(text) else ""))
        pos = end_match.end() if end_match else len(text)
    return blocks


def extract_code(text: str, languages: Sequence[str] = ("python", "py", "python3", "py3")) -> str:
    """The program in a policy message.

    The last fenced block whose info string is empty or one of
    ``languages`` wins; if every block is tagged with another language (an
    example input in a ```text block, say) the last block of any kind is
    used; with no fenced block at all the whole text is the program.

    >>> extract_code("Idea...\\n```python\\nprint(1)\\n```\\nExample:\\n```text\\n1\\n```")
    'print(1)\\n'
    """
    blocks = code_blocks(text)
    if not blocks:
        return text
    wanted = {lang.lower() for lang in languages}
    for info, content in reversed(blocks):
        if not info or info in wanted:
            return content
    return blocks[-1][1]
