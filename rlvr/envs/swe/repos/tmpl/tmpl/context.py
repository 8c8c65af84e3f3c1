"""Variable scopes and dotted-path lookup.

A ``Context`` is a stack of scopes: the data passed to ``render`` at the
bottom, one scope per loop iteration on top. Names resolve from the innermost
scope outwards. Path steps (``user.name``, ``rows.0``, ``d['key']``) try a
mapping key first, then a list index, then a public, non-callable attribute.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Callable

from .lexer import TemplateError


class UndefinedError(TemplateError):
    """A strict context was asked for a variable that does not exist."""


class Undefined:
    """Stand-in for a missing value: falsy, empty and printed as ''."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        return ""

    def __iter__(self):
        return iter(())

    def __len__(self) -> int:
        return 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Undefined)

    def __hash__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return f"Undefined({self.name!r})"


_MISSING = object()


class Context:
    """The values visible while a template renders.

    Args:
        data: The variables of the outermost scope.
        filters: Filter functions by name.
        autoescape: Escape printed values for HTML.
        strict: Raise ``UndefinedError`` for missing values instead of
            returning ``Undefined``.
    """

    def __init__(self, data: Mapping[str, Any] | None = None,
                 filters: Mapping[str, Callable[..., Any]] | None = None,
                 autoescape: bool = False, strict: bool = False) -> None:
        self._scopes: list[dict[str, Any]] = [dict(data or {})]
        self.filters = dict(filters or {})
        self.autoescape = autoescape
        self.strict = strict

    @property
    def depth(self) -> int:
        """Number of scopes on the stack (1 when no loop is running)."""
        return len(self._scopes)

    def push(self, values: Mapping[str, Any] | None = None) -> None:
        """Open a new innermost scope."""
        self._scopes.append(dict(values or {}))

    def pop(self) -> None:
        """Close the innermost scope; the outermost one cannot be closed."""
        if len(self._scopes) <= 1:
            raise TemplateError("cannot pop the outermost scope")
        self._scopes.pop()

    def set(self, name: str, value: Any) -> None:
        """Bind ``name`` in the innermost scope."""
        self._scopes[-1][name] = value

    def get(self, name: str, default: Any = None) -> Any:
        """Return the value bound to ``name``, or ``default``."""
        for scope in reversed(self._scopes):
            if name in scope:
                return scope[name]
        return default

    def undefined(self, path: str) -> Undefined:
        """Return the value of a missing ``path`` (raises when strict)."""
        if self.strict:
            raise UndefinedError(f"'{path}' is undefined")
        return Undefined(path)

    def lookup(self, name: str) -> Any:
        """Resolve a bare variable name."""
        value = self.get(name, _MISSING)
        if value is _MISSING:
            return self.undefined(name)
        return value

    def step(self, value: Any, key: Any, path: str) -> Any:
        """Follow one path step from ``value``; ``path`` names the result."""
        if isinstance(value, Undefined):
            return self.undefined(path)
        if isinstance(value, Mapping):
            if key in value:
                return value[key]
            if isinstance(key, str) and key.isdigit() and int(key) in value:
                return value[int(key)]
            return self.undefined(path)
        if isinstance(value, Sequence):
            index = _as_index(key)
            if index is not None and -len(value) <= index < len(value):
                return value[index]
        if isinstance(key, str) and not key.startswith("_"):
            attr = getattr(value, key, _MISSING)
            if attr is not _MISSING and not callable(attr):
                return attr
        return self.undefined(path)

    def resolve(self, dotted: str) -> Any:
        """Resolve a dotted path such as ``'order.lines.0.price'``."""
        parts = dotted.split(".")
        value = self.lookup(parts[0])
        path = parts[0]
        for part in parts[1:]:
            path = f"{path}.{part}"
            value = self.step(value, part, path)
        return value


def _as_index(key: Any) -> int | None:
    """Return ``key`` as a list index, or None if it is not one."""
    if isinstance(key, bool):
        return None
    if isinstance(key, int):
        return key
    if isinstance(key, str) and key.lstrip("-").isdigit():
        return int(key)
    return None
