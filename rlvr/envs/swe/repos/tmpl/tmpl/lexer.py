"""Splitting template source into tokens.

A template is plain text with three kinds of tags:

* ``{{ expr }}`` prints an expression,
* ``{% stmt %}`` is a block statement (``if``, ``for``, ``set`` ...),
* ``{# ... #}`` is a comment and produces nothing.

A dash next to a tag delimiter (``{%-`` or ``-%}``) strips the whitespace on
that side of the tag. This module also tokenizes the small expression
language used inside tags (names, numbers, strings and operators).
"""

from __future__ import annotations

from dataclasses import dataclass

TEXT = "text"
VAR = "var"
BLOCK = "block"

NAME = "name"
NUMBER = "number"
STRING = "string"
OP = "op"

# Closing delimiter and token kind for each opening delimiter; comments have
# no token kind because they never reach the parser.
DELIMITERS = {"{{": ("}}", VAR), "{%": ("%}", BLOCK), "{#": ("#}", None)}

# Longest operators first so that "<=" wins over "<".
OPERATORS = ("==", "!=", "<=", ">=", "//", "<", ">", "+", "-", "*", "/", "%",
             "~", "|", ".", ",", "(", ")", "[", "]", ":", "=")

ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", "'": "'", '"': '"'}


class TemplateError(Exception):
    """Base class of every error raised by the template engine."""


class TemplateSyntaxError(TemplateError):
    """The template source is malformed."""

    def __init__(self, message: str, line: int = 0) -> None:
        self.line = line
        if line > 0:
            message = f"{message} (line {line})"
        super().__init__(message)


@dataclass(frozen=True)
class Token:
    """One lexical token with the line it starts on."""

    kind: str
    value: str
    line: int = 1


def _find_tag(source: str, pos: int) -> int:
    """Return the index of the next tag opener at or after ``pos``, or -1."""
    index = source.find("{", pos)
    while index != -1 and index + 1 < len(source):
        if source[index + 1] in "{%#":
            return index
        index = source.find("{", index + 1)
    return -1


def tokenize(source: str, trim_blocks: bool = False) -> list[Token]:
    """Split template source into TEXT, VAR and BLOCK tokens.

    Args:
        source: The template text.
        trim_blocks: Drop the first newline after a block tag.

    Raises:
        TemplateSyntaxError: A tag is not closed or is empty.
    """
    tokens: list[Token] = []
    pos = 0
    line = 1
    strip_next = False
    while pos < len(source):
        start = _find_tag(source, pos)
        if start == -1:
            text = source[pos:]
            if strip_next:
                text = text.lstrip()
            if text:
                tokens.append(Token(TEXT, text, line))
            break
        opener = source[start:start + 2]
        closer, kind = DELIMITERS[opener]
        text = source[pos:start]
        if strip_next:
            text = text.lstrip()
        inner_start = start + 2
        if source.startswith("-", inner_start):
            inner_start += 1
            text = text.rstrip()
        if text:
            tokens.append(Token(TEXT, text, line))
        line += source.count("\n", pos, start)
        end = source.find(closer, inner_start)
        if end == -1:
            raise TemplateSyntaxError(f"tag opened with {opener!r} is never closed", line)
        inner_end = end
        strip_next = end > inner_start and source[end - 1] == "-"
        if strip_next:
            inner_end -= 1
        if kind is not None:
            body = source[inner_start:inner_end].strip()
            if not body:
                raise TemplateSyntaxError(f"empty {opener} {closer} tag", line)
            tokens.append(Token(kind, body, line))
        line += source.count("\n", start, end)
        pos = end + 2
        if trim_blocks and kind == BLOCK and source.startswith("\n", pos):
            pos += 1
            line += 1
    return tokens


def _read_string(text: str, start: int, line: int) -> tuple[str, int]:
    """Read a quoted string starting at ``start``; return (value, next index)."""
    quote = text[start]
    chars: list[str] = []
    i = start + 1
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            chars.append(ESCAPES.get(text[i + 1], text[i + 1]))
            i += 2
            continue
        if ch == quote:
            return "".join(chars), i + 1
        chars.append(ch)
        i += 1
    raise TemplateSyntaxError("unterminated string literal", line)


def tokenize_expression(text: str, line: int = 1) -> list[Token]:
    """Tokenize the expression inside a tag.

    Numbers directly after a dot are read as integers only, so that
    ``rows.0.1`` is a path of three parts rather than ``rows`` and ``0.1``.
    """
    tokens: list[Token] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < n and text[j].isdigit():
                j += 1
            after_dot = bool(tokens) and tokens[-1].value == "." and tokens[-1].kind == OP
            if not after_dot and j + 1 < n and text[j] == "." and text[j + 1].isdigit():
                j += 1
                while j < n and text[j].isdigit():
                    j += 1
            tokens.append(Token(NUMBER, text[i:j], line))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            tokens.append(Token(NAME, text[i:j], line))
            i = j
        elif ch in "'\"":
            value, i = _read_string(text, i, line)
            tokens.append(Token(STRING, value, line))
        else:
            for op in OPERATORS:
                if text.startswith(op, i):
                    tokens.append(Token(OP, op, line))
                    i += len(op)
                    break
            else:
                raise TemplateSyntaxError(f"unexpected character {ch!r} in expression", line)
    return tokens
