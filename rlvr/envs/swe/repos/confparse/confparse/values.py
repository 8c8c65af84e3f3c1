"""Typed values: turn raw strings into Python values and back.

A raw value becomes, in this order of preference: a quoted string, a boolean
(``true/yes/on``, ``false/no/off``), ``None`` (``none``/``null``), an int
(decimal with optional ``_`` separators, or ``0x`` hex), a float, or a plain
string. ``[a, b, c]`` and multi-line values are lists of such values.
"""

from __future__ import annotations

import re

from confparse.parser import QUOTES, ConfigError

TRUE_WORDS = frozenset({"true", "yes", "on"})
FALSE_WORDS = frozenset({"false", "no", "off"})
NONE_WORDS = frozenset({"none", "null"})
SIZE_UNITS = {"b": 1, "kb": 1024, "mb": 1024**2, "gb": 1024**3}
DURATION_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400}
ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'"}

_INT_RE = re.compile(r"[+-]?\d+")
_HEX_RE = re.compile(r"[+-]?0[xX][0-9a-fA-F]+")
_FLOAT_RE = re.compile(r"[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?")
_QUANTITY_RE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*")


class ConversionError(ConfigError):
    """A raw value cannot be converted to the requested type."""


def parse_bool(text: str) -> bool:
    """Return the boolean named by ``text`` (case-insensitive)."""
    lowered = text.strip().lower()
    if lowered in TRUE_WORDS:
        return True
    if lowered in FALSE_WORDS:
        return False
    raise ConversionError(f"{text!r} is not a boolean (use one of true/yes/on/false/no/off)")


def parse_number(text: str) -> int | float | None:
    """Return the int or float written in ``text``, or None if it is no number."""
    cleaned = text.strip().replace("_", "")
    if _INT_RE.fullmatch(cleaned):
        return int(cleaned)
    if _HEX_RE.fullmatch(cleaned):
        return int(cleaned, 16)
    if _FLOAT_RE.fullmatch(cleaned):
        return float(cleaned)
    return None


def parse_quantity(text: str, units: dict[str, float], kind: str) -> float:
    """Parse ``<number><unit>`` using a unit table; a bare number has unit 1."""
    number = parse_number(text)
    if number is not None:
        return number
    match = _QUANTITY_RE.fullmatch(text)
    if match is None or match.group(2).lower() not in units:
        raise ConversionError(f"{text!r} is not a {kind} (units: {', '.join(units)})")
    return float(match.group(1)) * units[match.group(2).lower()]


def parse_size(text: str) -> int:
    """Return a byte count: ``'10kb'`` is 10240."""
    return int(parse_quantity(text, SIZE_UNITS, "size"))


def parse_duration(text: str) -> float:
    """Return a number of seconds: ``'2m'`` is 120.0."""
    return float(parse_quantity(text, DURATION_UNITS, "duration"))


def unquote(text: str) -> str:
    """Strip matching quotes and resolve backslash escapes inside them."""
    if len(text) < 2 or text[0] not in QUOTES or text[-1] != text[0]:
        return text
    body = text[1:-1]
    out = []
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            out.append(ESCAPES.get(body[index + 1], body[index + 1]))
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def split_list(text: str, separator: str = ",") -> list[str]:
    """Split at separators outside quotes; empty items are dropped."""
    items: list[str] = []
    current: list[str] = []
    quote = None
    for char in text:
        if quote is not None:
            current.append(char)
            if char == quote:
                quote = None
        elif char in QUOTES:
            quote = char
            current.append(char)
        elif char == separator:
            items.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    items.append("".join(current).strip())
    return [item for item in items if item]


def parse_scalar(text: str):
    """Convert one raw item (no list syntax) to its typed value."""
    text = text.strip()
    if not text:
        return ""
    if text[0] in QUOTES and text[-1] == text[0] and len(text) >= 2:
        return unquote(text)
    lowered = text.lower()
    if lowered in TRUE_WORDS:
        return True
    if lowered in FALSE_WORDS:
        return False
    if lowered in NONE_WORDS:
        return None
    number = parse_number(text)
    return text if number is None else number


def parse_value(text: str):
    """Convert a raw value, list syntax and multi-line values included."""
    text = text.strip()
    if "\n" in text:
        return [parse_scalar(line) for line in text.split("\n") if line.strip()]
    if text.startswith("[") and text.endswith("]"):
        return [parse_scalar(item) for item in split_list(text[1:-1])]
    return parse_scalar(text)


def quote(text: str) -> str:
    """Return ``text`` in double quotes with backslash escapes."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def needs_quotes(text: str) -> bool:
    """Tell whether a string must be quoted to read back as the same string."""
    if text == "" or text != text.strip():
        return True
    if any(char in text for char in ",#;[]\"'\n\t\\"):
        return True
    return parse_scalar(text) != text or isinstance(parse_scalar(text), bool)


def format_value(value) -> str:
    """Render a Python value as raw text that :func:`parse_value` reads back."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(format_value(item) for item in value) + "]"
    text = str(value)
    return quote(text) if needs_quotes(text) else text
