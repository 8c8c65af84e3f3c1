"""Built-in filters.

A filter is a function whose first argument is the value on the left of the
pipe: ``{{ name|truncate(10, '..') }}`` calls ``truncate(name, 10, '..')``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable

from .context import Undefined
from .markup import Markup, escape, striptags, to_text


def do_upper(value: Any) -> str:
    """Upper-case text."""
    return to_text(value).upper()


def do_lower(value: Any) -> str:
    """Lower-case text."""
    return to_text(value).lower()


def do_title(value: Any) -> str:
    """Capitalise the first letter of every word."""
    return " ".join(word[:1].upper() + word[1:].lower() for word in to_text(value).split(" "))


def do_capitalize(value: Any) -> str:
    """Upper-case the first character and lower-case the rest."""
    text = to_text(value)
    return text[:1].upper() + text[1:].lower()


def do_trim(value: Any, chars: str | None = None) -> str:
    """Strip leading and trailing whitespace (or ``chars``)."""
    return to_text(value).strip(chars)


def do_length(value: Any) -> int:
    """Number of items (or characters)."""
    return len(value)


def do_default(value: Any, fallback: Any = "", boolean: bool = False) -> Any:
    """Return ``fallback`` when ``value`` is undefined (or falsy with ``boolean``)."""
    if isinstance(value, Undefined) or (boolean and not value):
        return fallback
    return value


def do_join(value: Any, separator: str = "", attribute: str | None = None) -> str:
    """Join items with ``separator``, optionally taking one attribute of each."""
    items = list(value)
    if attribute is not None:
        items = [_attr(item, attribute) for item in items]
    if isinstance(separator, Markup):
        return separator.join(items)
    return separator.join(to_text(item) for item in items)


def do_first(value: Any) -> Any:
    """First item, or undefined for an empty sequence."""
    for item in value:
        return item
    return Undefined("first")


def do_last(value: Any) -> Any:
    """Last item, or undefined for an empty sequence."""
    items = list(value)
    return items[-1] if items else Undefined("last")


def do_reverse(value: Any) -> Any:
    """Reverse a string or a sequence."""
    if isinstance(value, str):
        return value[::-1]
    return list(reversed(list(value)))


def do_sort(value: Any, reverse: bool = False, attribute: str | None = None) -> list:
    """Sort items, optionally by one attribute of each."""
    if attribute is None:
        return sorted(value, reverse=reverse)
    return sorted(value, key=lambda item: _attr(item, attribute), reverse=reverse)


def do_truncate(value: Any, length: int = 20, end: str = "...") -> str:
    """Cut text to at most ``length`` characters, ending with ``end``."""
    text = to_text(value)
    if len(text) <= length:
        return text
    keep = max(length - len(end), 0)
    return text[:keep].rstrip() + end


def do_replace(value: Any, old: str, new: str, count: int = -1) -> str:
    """Replace occurrences of ``old`` with ``new`` (at most ``count`` times)."""
    return to_text(value).replace(old, new, count)


def do_round(value: Any, precision: int = 0, method: str = "common") -> float:
    """Round a number; ``method`` is 'common', 'floor' or 'ceil'."""
    factor = 10 ** precision
    scaled = float(value) * factor
    if method == "floor":
        rounded = float(int(scaled // 1))
    elif method == "ceil":
        rounded = float(-int(-scaled // 1))
    elif method == "common":
        rounded = float(int(scaled + 0.5)) if scaled >= 0 else -float(int(-scaled + 0.5))
    else:
        raise ValueError(f"round method must be common, floor or ceil, not {method!r}")
    return rounded / factor


def do_int(value: Any, default: int = 0) -> int:
    """Convert to an integer, or ``default`` when that is not possible."""
    try:
        return int(float(value)) if isinstance(value, str) else int(value)
    except (TypeError, ValueError):
        return default


def do_abs(value: Any) -> Any:
    """Absolute value."""
    return abs(value)


def do_sum(value: Any, attribute: str | None = None, start: Any = 0) -> Any:
    """Sum the items (or one attribute of each), starting from ``start``."""
    total = start
    for item in value:
        total += item if attribute is None else _attr(item, attribute)
    return total


def do_items(value: Mapping) -> list:
    """The (key, value) pairs of a mapping, sorted by key."""
    return sorted(value.items())


def do_wordcount(value: Any) -> int:
    """Number of whitespace-separated words."""
    return len(to_text(value).split())


def do_pluralize(value: Any, singular: str = "", plural: str = "s") -> str:
    """Return ``singular`` for a count of one and ``plural`` otherwise."""
    count = value if isinstance(value, int) else len(value)
    return singular if count == 1 else plural


def do_safe(value: Any) -> Markup:
    """Mark the value as safe so autoescaping leaves it alone."""
    return Markup(to_text(value))


def _attr(item: Any, name: str) -> Any:
    """Read ``name`` from a mapping or an object."""
    if isinstance(item, Mapping):
        return item[name]
    return getattr(item, name)


DEFAULT_FILTERS: dict[str, Callable[..., Any]] = {
    "upper": do_upper,
    "lower": do_lower,
    "title": do_title,
    "capitalize": do_capitalize,
    "trim": do_trim,
    "length": do_length,
    "count": do_length,
    "default": do_default,
    "d": do_default,
    "join": do_join,
    "first": do_first,
    "last": do_last,
    "reverse": do_reverse,
    "sort": do_sort,
    "truncate": do_truncate,
    "replace": do_replace,
    "round": do_round,
    "int": do_int,
    "abs": do_abs,
    "sum": do_sum,
    "items": do_items,
    "wordcount": do_wordcount,
    "pluralize": do_pluralize,
    "escape": escape,
    "e": escape,
    "safe": do_safe,
    "striptags": striptags,
}
