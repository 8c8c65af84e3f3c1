"""Tokenizer for calculator expressions such as ``'3 km + 200 m to mi'``."""

from __future__ import annotations

from dataclasses import dataclass

NUMBER = "number"
NAME = "name"
OP = "op"
END = "end"

OPERATORS = "+-*/^(),="


class CalcSyntaxError(ValueError):
    """The expression cannot be tokenized or parsed."""

    def __init__(self, message: str, position: int = -1) -> None:
        self.position = position
        if position >= 0:
            message = f"{message} at position {position}"
        super().__init__(message)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    position: int

    @property
    def number(self) -> float:
        """The numeric value of a NUMBER token (an int when it has no point or exponent)."""
        if any(ch in self.text for ch in ".eE"):
            return float(self.text)
        return int(self.text)


def _scan_number(text: str, start: int) -> int:
    """Return the index just after the number that starts at ``start``."""
    i = start
    n = len(text)
    while i < n and (text[i].isdigit() or text[i] == "_"):
        i += 1
    if i < n and text[i] == ".":
        i += 1
        while i < n and text[i].isdigit():
            i += 1
    if i < n and text[i] in "eE":
        j = i + 1
        if j < n and text[j] in "+-":
            j += 1
        if j < n and text[j].isdigit():
            i = j
            while i < n and text[i].isdigit():
                i += 1
    return i


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into NUMBER, NAME and OP tokens, ending with an END token.

    Digit groups may use underscores (``1_000``), which are dropped.
    """
    tokens: list[Token] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or (ch == "." and i + 1 < n and text[i + 1].isdigit()):
            start = i
            i = _scan_number(text, i)
            tokens.append(Token(NUMBER, text[start:i].replace("_", ""), start))
        elif ch == "%":
            tokens.append(Token(NAME, "percent", i))
            i += 1
        elif ch.isalpha():
            start = i
            while i < n and (text[i].isalnum() or text[i] == "_"):
                i += 1
            tokens.append(Token(NAME, text[start:i], start))
        elif ch in OPERATORS:
            tokens.append(Token(OP, ch, i))
            i += 1
        else:
            raise CalcSyntaxError(f"unexpected character {ch!r}", i)
    tokens.append(Token(END, "", n))
    return tokens
