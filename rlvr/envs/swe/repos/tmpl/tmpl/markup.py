"""HTML escaping and strings that are already safe to emit.

``Markup`` marks a string as safe: autoescaping leaves it alone, and
``escape`` returns it unchanged. Every other value is converted to text and
has the five HTML-special characters replaced by entities.
"""

from __future__ import annotations

HTML_ESCAPES = (
    ("&", "&amp;"),
    ("<", "&lt;"),
    (">", "&gt;"),
    ('"', "&#34;"),
    ("'", "&#39;"),
)


class Markup(str):
    """A string that is safe to insert into HTML without escaping."""

    def __add__(self, other: object) -> "Markup":
        return Markup(str.__add__(self, str(escape(other))))

    def __radd__(self, other: object) -> "Markup":
        return Markup(str(escape(other)) + str(self))

    def __repr__(self) -> str:
        return f"Markup({str.__repr__(self)})"

    def join(self, items) -> "Markup":  # type: ignore[override]
        """Join ``items`` with this string, escaping the unsafe ones."""
        return Markup(str.join(self, [str(escape(item)) for item in items]))


def to_text(value: object) -> str:
    """Convert a value to the text a template prints for it.

    ``None`` prints as an empty string; everything else uses ``str``.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return str(value)


def escape(value: object) -> Markup:
    """Escape ``value`` for HTML unless it is already ``Markup``."""
    if isinstance(value, Markup):
        return value
    text = to_text(value)
    for char, entity in HTML_ESCAPES:
        text = text.replace(char, entity)
    return Markup(text)


def unescape(text: str) -> str:
    """Turn the entities produced by ``escape`` back into characters."""
    for char, entity in reversed(HTML_ESCAPES):
        text = text.replace(entity, char)
    return text


def striptags(text: str) -> str:
    """Remove ``<...>`` tags, unescape entities and collapse whitespace."""
    pieces: list[str] = []
    depth = 0
    for char in to_text(text):
        if char == "<":
            depth += 1
        elif char == ">" and depth > 0:
            depth -= 1
        elif depth == 0:
            pieces.append(char)
    return " ".join(unescape("".join(pieces)).split())
