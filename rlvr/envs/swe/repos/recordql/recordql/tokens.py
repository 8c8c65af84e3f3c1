"""Split query text into tokens.

Token kinds: ``NUMBER``, ``STRING``, ``IDENT`` (field names, dotted paths
allowed: ``address.city``), ``KEYWORD`` (lower-cased), ``OP`` (comparison
operators; ``=`` is read as ``==``), ``LPAREN``, ``RPAREN``, ``COMMA``,
``STAR`` and a final ``EOF``.
"""

from __future__ import annotations

from dataclasses import dataclass

KEYWORDS = frozenset(
    {
        "select", "where", "and", "or", "not", "order", "group", "by", "asc", "desc",
        "limit", "offset", "as", "in", "contains", "is", "null", "true", "false", "between",
    }
)
OPERATORS = ("==", "!=", "<=", ">=", "<", ">", "=")
PUNCTUATION = {"(": "LPAREN", ")": "RPAREN", ",": "COMMA", "*": "STAR"}
ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'"}


class QueryError(Exception):
    """The query text is malformed or asks for something impossible."""

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message if position is None else f"{message} (at position {position})")
        self.position = position


@dataclass(frozen=True)
class Token:
    """One token: its kind, its value and where it starts in the text."""

    kind: str
    value: object
    pos: int

    def describe(self) -> str:
        """Name the token for an error message."""
        if self.kind == "EOF":
            return "end of query"
        return f"{self.kind.lower()} {self.value!r}"


def read_string(text: str, start: int) -> tuple[str, int]:
    """Read a quoted string starting at ``start``; return it and the index after it."""
    quote = text[start]
    chars = []
    index = start + 1
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            chars.append(ESCAPES.get(text[index + 1], text[index + 1]))
            index += 2
            continue
        if char == quote:
            return "".join(chars), index + 1
        chars.append(char)
        index += 1
    raise QueryError("string is not closed", start)


def read_number(text: str, start: int) -> tuple[int | float, int]:
    """Read an int or float (optionally negative) starting at ``start``."""
    index = start + 1 if text[start] == "-" else start
    seen_dot = False
    while index < len(text) and (text[index].isdigit() or (text[index] == "." and not seen_dot)):
        seen_dot = seen_dot or text[index] == "."
        index += 1
    literal = text[start:index]
    if literal.endswith("."):
        raise QueryError(f"number {literal!r} has no digits after the point", start)
    return (float(literal) if seen_dot else int(literal)), index


def read_word(text: str, start: int) -> tuple[str, int]:
    """Read a name made of letters, digits, ``_`` and inner dots."""
    index = start
    while index < len(text) and (text[index].isalnum() or text[index] in "_."):
        index += 1
    word = text[start:index]
    if word.endswith(".") or ".." in word:
        raise QueryError(f"field path {word!r} has an empty part", start)
    return word, index


def starts_number(text: str, index: int) -> bool:
    """Tell whether a number literal starts at ``index``."""
    char = text[index]
    following = text[index + 1] if index + 1 < len(text) else ""
    return char.isdigit() or (char == "-" and following.isdigit())


def tokenize(text: str) -> list[Token]:
    """Return the tokens of ``text``, ending with an ``EOF`` token."""
    tokens: list[Token] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char.isspace():
            index += 1
        elif char in "\"'":
            value, end = read_string(text, index)
            tokens.append(Token("STRING", value, index))
            index = end
        elif starts_number(text, index):
            value, end = read_number(text, index)
            tokens.append(Token("NUMBER", value, index))
            index = end
        elif char.isalpha() or char == "_":
            word, end = read_word(text, index)
            lowered = word.lower()
            kind = "KEYWORD" if lowered in KEYWORDS else "IDENT"
            tokens.append(Token(kind, lowered if kind == "KEYWORD" else word, index))
            index = end
        elif char in PUNCTUATION:
            tokens.append(Token(PUNCTUATION[char], char, index))
            index += 1
        else:
            operator = next((op for op in OPERATORS if text.startswith(op, index)), None)
            if operator is None:
                raise QueryError(f"unexpected character {char!r}", index)
            tokens.append(Token("OP", "==" if operator == "=" else operator, index))
            index += len(operator)
    tokens.append(Token("EOF", None, len(text)))
    return tokens
