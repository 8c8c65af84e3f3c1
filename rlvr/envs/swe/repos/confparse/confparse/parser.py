"""Turn configuration text into sections of raw key/value strings.

The format is INI-like::

    # a comment            ; also a comment
    [server]
    host = example.org
    port: 8080             (':' works as a separator too)
    paths = /a
        /b                 (indented lines continue the previous value)

Keys are case-insensitive and stored lower-case; section names keep their
case. Keys that appear before any section header belong to the ``DEFAULT``
section, whose entries every other section inherits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_SECTION = "DEFAULT"
COMMENT_PREFIXES = ("#", ";")
SEPARATORS = ("=", ":")
QUOTES = "\"'"


class ConfigError(Exception):
    """Base class of every error raised by confparse."""


class ParseError(ConfigError):
    """The text is not valid configuration syntax."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


@dataclass
class RawEntry:
    """One ``key = value`` line, value still as text."""

    key: str
    value: str
    line: int


@dataclass
class RawDocument:
    """Sections in file order, each mapping a key to its raw entry."""

    sections: dict[str, dict[str, RawEntry]] = field(default_factory=dict)

    def section_names(self) -> list[str]:
        """Return the section names in file order, without ``DEFAULT``."""
        return [name for name in self.sections if name != DEFAULT_SECTION]

    def values(self, section: str) -> dict[str, str]:
        """Return the raw strings of one section (empty if it is absent)."""
        entries = self.sections.get(section, {})
        return {key: entry.value for key, entry in entries.items()}


def strip_inline_comment(text: str) -> str:
    """Remove a trailing comment that starts with whitespace then '#' or ';'.

    Comment characters inside single or double quotes are kept.
    """
    quote = None
    for index, char in enumerate(text):
        if quote is not None:
            if char == quote:
                quote = None
        elif char in QUOTES:
            quote = char
        elif char in COMMENT_PREFIXES and index > 0 and text[index - 1].isspace():
            return text[:index].strip()
    return text.strip()


def split_key_value(line: str, lineno: int) -> tuple[str, str]:
    """Split ``key = value`` (or ``key: value``) at the first separator."""
    positions = [line.find(sep) for sep in SEPARATORS if sep in line]
    if not positions:
        raise ParseError(f"expected 'key = value', got {line!r}", lineno)
    cut = min(positions)
    key = line[:cut].strip().lower()
    if not key:
        raise ParseError("a key is empty", lineno)
    return key, strip_inline_comment(line[cut + 1 :])


def parse_header(line: str, lineno: int) -> str:
    """Return the section name of a ``[name]`` header line."""
    if not line.endswith("]"):
        raise ParseError(f"section header {line!r} is not closed with ']'", lineno)
    name = line[1:-1].strip()
    if not name:
        raise ParseError("a section name is empty", lineno)
    return name


def parse_text(text: str, allow_duplicates: bool = False) -> RawDocument:
    """Parse configuration text into a :class:`RawDocument`.

    Args:
        text: the whole file content.
        allow_duplicates: when true, a repeated key or section overrides or
            extends the earlier one instead of raising.

    Raises:
        ParseError: on a malformed line, or a duplicate when not allowed.
    """
    doc = RawDocument()
    current = DEFAULT_SECTION
    last_entry: RawEntry | None = None
    for lineno, raw_line in enumerate(text.splitlines(), start=1):
        stripped = raw_line.strip()
        if not stripped:
            last_entry = None
            continue
        if stripped.startswith(COMMENT_PREFIXES):
            continue
        if raw_line[0].isspace() and last_entry is not None:
            addition = strip_inline_comment(stripped)
            last_entry.value = f"{last_entry.value}\n{addition}" if last_entry.value else addition
            continue
        if stripped.startswith("["):
            current = parse_header(stripped, lineno)
            if current in doc.sections and not allow_duplicates:
                raise ParseError(f"section [{current}] appears twice", lineno)
            doc.sections.setdefault(current, {})
            last_entry = None
            continue
        key, value = split_key_value(stripped, lineno)
        section = doc.sections.setdefault(current, {})
        if key in section and not allow_duplicates:
            raise ParseError(f"key {key!r} appears twice in section [{current}]", lineno)
        last_entry = RawEntry(key, value, lineno)
        section[key] = last_entry
    return doc
