"""Compiled templates and the environment that configures them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable

from .context import Context
from .filters import DEFAULT_FILTERS
from .lexer import tokenize
from .nodes import render_body
from .parser import Parser


class Environment:
    """Shared settings for templates: filters, escaping and undefined handling.

    Args:
        autoescape: Escape every printed value for HTML unless marked safe.
        strict: Raise ``UndefinedError`` for missing variables.
        trim_blocks: Drop the first newline after each block tag.
        filters: Extra filters, added to (or replacing) the built-in ones.
        cache_size: Number of compiled templates kept by ``from_string``.
    """

    def __init__(self, autoescape: bool = False, strict: bool = False,
                 trim_blocks: bool = False,
                 filters: Mapping[str, Callable[..., Any]] | None = None,
                 cache_size: int = 32) -> None:
        self.autoescape = autoescape
        self.strict = strict
        self.trim_blocks = trim_blocks
        self.filters: dict[str, Callable[..., Any]] = dict(DEFAULT_FILTERS)
        if filters:
            self.filters.update(filters)
        self.cache_size = cache_size
        self._cache: dict[str, Template] = {}

    def add_filter(self, name: str, func: Callable[..., Any]) -> None:
        """Register ``func`` as the filter ``name``."""
        if not name.isidentifier():
            raise ValueError(f"filter name must be an identifier, got {name!r}")
        self.filters[name] = func

    def from_string(self, source: str) -> "Template":
        """Compile ``source``, reusing a cached compilation when possible."""
        template = self._cache.get(source)
        if template is None:
            template = Template(source, self)
            if len(self._cache) >= self.cache_size:
                oldest = next(iter(self._cache))
                del self._cache[oldest]
            if self.cache_size > 0:
                self._cache[source] = template
        return template

    def render(self, source: str, data: Mapping[str, Any] | None = None, **values: Any) -> str:
        """Compile and render ``source`` in one call."""
        return self.from_string(source).render(data, **values)

    def new_context(self, data: Mapping[str, Any] | None = None) -> Context:
        """Build the rendering context for ``data`` with this environment's settings."""
        return Context(data, filters=self.filters, autoescape=self.autoescape, strict=self.strict)


class Template:
    """A parsed template that can be rendered many times."""

    def __init__(self, source: str, env: Environment | None = None) -> None:
        self.source = source
        self.env = env if env is not None else Environment()
        self.body = Parser(tokenize(source, self.env.trim_blocks)).parse()

    def render(self, data: Mapping[str, Any] | None = None, **values: Any) -> str:
        """Render with the variables in ``data`` and keyword arguments."""
        merged = dict(data or {})
        merged.update(values)
        ctx = self.env.new_context(merged)
        out: list[str] = []
        render_body(self.body, ctx, out)
        return "".join(out)


_DEFAULT_ENV = Environment()


def render_string(source: str, data: Mapping[str, Any] | None = None, **values: Any) -> str:
    """Render ``source`` with the default environment (no escaping, lenient)."""
    return _DEFAULT_ENV.render(source, data, **values)
