"""Find the final answer in a completion (pure Python, no SymPy, linear time).

Order of precedence, first hit wins:

1. the LAST ``\\boxed{...}`` / ``\\fbox{...}`` (braces balanced, ``\\{`` and
   ``\\}`` skipped), so a model that corrects itself is judged on its last box;
   a last box that is never closed counts as no answer;
2. the last ``Answer:`` / ``Final answer:`` / ``the answer is`` line;
3. the last math span ``$...$``, ``$$...$$``, ``\\[...\\]`` or ``\\(...\\)``;
4. if the completion is short (at most :data:`SHORT_COMPLETION_CHARS`), its
   last line, or the one number in it when the line is prose.

Every scan is a bounded number of ``str.rfind`` / ``re`` passes over the text
(no backtracking pattern), so a 1 MB completion costs about a millisecond.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

#: An extracted answer longer than this is not an answer a verifier should parse.
MAX_ANSWER_CHARS = 1000
#: Completions up to this length may give a bare answer (no box, no "Answer:").
SHORT_COMPLETION_CHARS = 200

Source = Literal["boxed", "answer_line", "math", "last_line", "none"]


@dataclass(frozen=True)
class Extraction:
    """The policy's final answer as text.

    Attributes:
        text: The answer, or ``None`` if there is none (``source="none"``) or it
            is too long (``too_large=True``).
        source: Which rule found it.
        too_large: The final answer exists but exceeds :data:`MAX_ANSWER_CHARS`.
    """

    text: str | None
    source: Source
    too_large: bool = False


NONE = Extraction(None, "none")
_BOX_COMMANDS = ("\\boxed", "\\fbox")
_BRACES = re.compile(r"[\\{}]")
_TEX_TOKEN = re.compile(r"[^\s$]+")


def _balanced_group(s: str, open_at: int, limit: int) -> tuple[int | None, bool]:
    """Index of the ``}`` closing the ``{`` at ``open_at``: ``(index, False)``,
    ``(None, False)`` if never closed, ``(None, True)`` if longer than ``limit``."""
    depth = 0
    pos = open_at
    end = min(len(s), open_at + limit + 2)
    while True:
        m = _BRACES.search(s, pos, end)
        if m is None:
            return None, end < len(s)
        c = m.group()
        pos = m.end()
        if c == "\\":
            pos += 1  # \{ \} \\ are not grouping braces
        elif c == "{":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return m.start(), False


def _last_box_command(s: str) -> tuple[int, int]:
    """``(start, end)`` of the last ``\\boxed``/``\\fbox`` not followed by a letter, or ``(-1, -1)``."""
    limit = len(s)
    while True:
        starts = [(s.rfind(cmd, 0, limit), cmd) for cmd in _BOX_COMMANDS]
        start, cmd = max(starts)
        if start < 0:
            return -1, -1
        end = start + len(cmd)
        if end < len(s) and s[end].isalpha():  # \fboxsep, \boxedtext: other commands
            limit = start
            continue
        return start, end


def last_boxed(s: str, limit: int = MAX_ANSWER_CHARS) -> Extraction | None:
    """The content of the last ``\\boxed{}``/``\\fbox{}``; ``None`` if there is no box."""
    start, j = _last_box_command(s)
    if start < 0:
        return None
    n = len(s)
    while j < n and s[j] in " \t\r\n":
        j += 1
    if j < n and s[j] == "{":
        close, too_long = _balanced_group(s, j, limit)
        if too_long:
            return Extraction(None, "boxed", too_large=True)
        if close is None:
            return Extraction(None, "boxed")  # truncated: the last box never closed
        return Extraction(s[j + 1:close], "boxed")
    m = _TEX_TOKEN.match(s, j)  # \boxed 5: TeX takes one token
    if m is None:
        return Extraction(None, "boxed")
    if len(m.group()) > limit:
        return Extraction(None, "boxed", too_large=True)
    return Extraction(m.group(), "boxed")


_ANSWER_LINE = re.compile(
    r"(?i)\banswer\b[ \t]*(?:\*\*|__)?[ \t]*(?:is\b[ \t]*:?|[:：=])[ \t]*(?:\*\*|__)?([^\n]*)")


def answer_line(s: str) -> Extraction | None:
    """The rest of the last ``Answer:`` / ``The final answer is`` line (or the next line)."""
    last = None
    for last in _ANSWER_LINE.finditer(s):
        pass
    if last is None:
        return None
    text = last.group(1).strip()
    if not text:  # "Answer:\n42"
        rest = s[last.end():].lstrip("\r\n \t")
        text = rest.split("\n", 1)[0].strip()
    if not text:
        return None
    if len(text) > MAX_ANSWER_CHARS:
        return Extraction(None, "answer_line", too_large=True)
    return Extraction(text, "answer_line")


def _last_dollar(s: str, end: int) -> int:
    """Index of the last unescaped ``$`` before ``end``, or -1."""
    i = s.rfind("$", 0, end)
    while i > 0 and s[i - 1] == "\\":
        i = s.rfind("$", 0, i - 1)
    return i


def last_math_span(s: str) -> Extraction | None:
    """The last ``$..$``, ``$$..$$``, ``\\[..\\]`` or ``\\(..\\)`` span (the one that ends last)."""
    spans: list[tuple[int, int, int]] = []  # (end, content_start, content_end)
    for opener, closer in (("\\[", "\\]"), ("\\(", "\\)")):
        e = s.rfind(closer)
        if e >= 0:
            b = s.rfind(opener, 0, e)
            if b >= 0:
                spans.append((e, b + 2, e))
    e = _last_dollar(s, len(s))
    if e >= 0:
        if e > 0 and s[e - 1] == "$":  # $$ ... $$
            b = s.rfind("$$", 0, e - 1)
            if b >= 0:
                spans.append((e, b + 2, e - 1))
        else:
            b = _last_dollar(s, e)
            if b >= 0:
                spans.append((e, b + 1, e))
    if not spans:
        return None
    _, b, e = max(spans)
    text = s[b:e].strip()
    if not text:
        return None
    if len(text) > MAX_ANSWER_CHARS:
        return Extraction(None, "math", too_large=True)
    return Extraction(text, "math")


_PROSE_WORD = re.compile(r"(?<!\\)\b[A-Za-z]{3,}\b")
_NUMBER = re.compile(r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?(?:/\d+)?")
_HEDGE_WORD = re.compile(r"(?i)\b(?:or|and|either|maybe|perhaps)\b")


def short_last_line(s: str) -> Extraction | None:
    """The last non-empty line of a short completion; its single number if it is prose."""
    stripped = s.strip()
    if not stripped or len(stripped) > SHORT_COMPLETION_CHARS:
        return None
    line = stripped.rsplit("\n", 1)[-1].strip()
    if _PROSE_WORD.search(re.sub(r"\\[A-Za-z]+", "", line)):
        numbers = _NUMBER.findall(line)
        if len(numbers) == 1 and not _HEDGE_WORD.search(line):
            return Extraction(numbers[0], "last_line")
        # several numbers in prose: keep the line, so "4 or 5" is judged a hedge, not "5"
    return Extraction(line, "last_line")


def extract_answer(completion: str) -> Extraction:
    """The final answer of ``completion`` by the precedence rules of this module."""
    for rule in (last_boxed, answer_line, last_math_span, short_last_line):
        found = rule(completion)
        if found is not None:
            return found
    return NONE
