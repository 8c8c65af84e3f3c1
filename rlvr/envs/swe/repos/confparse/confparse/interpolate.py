"""Interpolation of ``${section.key}`` references inside values.

``${key}`` refers to a key of the same section (or of ``DEFAULT``),
``${section.key}`` to a key of another section, and ``${name:-fallback}``
uses ``fallback`` when the reference does not exist. ``$$`` is a literal
dollar sign. References are expanded recursively, so a referenced value may
itself contain references; cycles and chains deeper than ``max_depth`` are
errors.
"""

from __future__ import annotations

from typing import Callable

from confparse.parser import ConfigError

MAX_DEPTH = 10
FALLBACK_MARK = ":-"

Lookup = Callable[[str, str], "str | None"]


class InterpolationError(ConfigError):
    """A reference is unknown, unclosed, circular or nested too deeply."""


def split_reference(name: str, section: str) -> tuple[str, str]:
    """Return ``(section, key)`` for a reference name seen inside ``section``.

    The key is the part after the last dot; a name without a dot refers to
    the current section.
    """
    owner, dot, key = name.rpartition(".")
    if not dot:
        return section, name.lower()
    return owner, key.lower()


def find_references(text: str) -> list[str]:
    """Return the reference names in ``text`` in order (``$$`` skipped)."""
    names = []
    index = 0
    while index < len(text):
        if text.startswith("$$", index):
            index += 2
        elif text.startswith("${", index):
            end = text.find("}", index + 2)
            if end == -1:
                break
            names.append(text[index + 2 : end].split(FALLBACK_MARK, 1)[0].strip())
            index = end + 1
        else:
            index += 1
    return names


class Interpolator:
    """Expands references using ``lookup(section, key) -> raw string or None``."""

    def __init__(self, lookup: Lookup, max_depth: int = MAX_DEPTH) -> None:
        self.lookup = lookup
        self.max_depth = max_depth

    def expand_value(self, section: str, key: str) -> str:
        """Return the fully expanded value of ``section.key``."""
        raw = self.lookup(section, key)
        if raw is None:
            raise InterpolationError(f"no key {key!r} in section [{section}]")
        return self.expand(raw, section, ((section, key),))

    def expand(self, text: str, section: str, chain: tuple = ()) -> str:
        """Expand every reference in ``text``, seen from ``section``."""
        if "$" not in text:
            return text
        pieces = []
        index = 0
        while index < len(text):
            if text.startswith("$$", index):
                pieces.append("$")
                index += 2
            elif text.startswith("${", index):
                end = text.find("}", index + 2)
                if end == -1:
                    raise InterpolationError(f"'${{' without closing '}}' in {text!r}")
                pieces.append(self._resolve(text[index + 2 : end], section, chain))
                index = end + 1
            else:
                pieces.append(text[index])
                index += 1
        return "".join(pieces)

    def _resolve(self, body: str, section: str, chain: tuple) -> str:
        name, has_fallback, fallback = body.partition(FALLBACK_MARK)
        name = name.strip()
        if not name:
            raise InterpolationError(f"empty reference '${{{body}}}' in section [{section}]")
        target = split_reference(name, section)
        if target in chain:
            path = " -> ".join(f"{s}.{k}" for s, k in chain + (target,))
            raise InterpolationError(f"circular reference: {path}")
        if len(chain) > self.max_depth:
            raise InterpolationError(f"references nested deeper than {self.max_depth} at ${{{name}}}")
        raw = self.lookup(*target)
        if raw is None:
            if has_fallback:
                return self.expand(fallback, section, chain)
            raise InterpolationError(f"unknown reference ${{{name}}} in section [{section}]")
        return self.expand(raw, target[0], chain + (target,))
