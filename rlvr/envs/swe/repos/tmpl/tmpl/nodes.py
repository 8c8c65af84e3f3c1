"""Statement nodes of the syntax tree.

Statements implement ``render(ctx, out)`` and append text to ``out``; the
expressions they hold come from ``tmpl.expressions``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .context import Context, Undefined
from .expressions import TemplateRuntimeError
from .markup import Markup, escape, to_text


@dataclass
class Text:
    text: str

    def render(self, ctx: Context, out: list[str]) -> None:
        out.append(self.text)


@dataclass
class Output:
    expr: Any

    def render(self, ctx: Context, out: list[str]) -> None:
        value = self.expr.evaluate(ctx)
        if ctx.autoescape and not isinstance(value, Markup):
            out.append(str(escape(value)))
        else:
            out.append(to_text(value))


def render_body(body: list, ctx: Context, out: list[str]) -> None:
    """Render a list of statements in order."""
    for node in body:
        node.render(ctx, out)


@dataclass
class If:
    branches: list  # [(condition, body), ...] for if / elif
    else_body: list = field(default_factory=list)

    def render(self, ctx: Context, out: list[str]) -> None:
        for condition, body in self.branches:
            if condition.evaluate(ctx):
                render_body(body, ctx, out)
                return
        render_body(self.else_body, ctx, out)


class LoopInfo:
    """The ``loop`` variable inside a for loop."""

    def __init__(self, index0: int, length: int) -> None:
        self.index0 = index0
        self.index = index0 + 1
        self.length = length
        self.revindex = length - index0
        self.first = index0 == 0
        self.last = index0 == length - 1


@dataclass
class For:
    targets: list
    iterable: Any
    body: list
    else_body: list = field(default_factory=list)
    condition: Any = None

    def _items(self, ctx: Context) -> list:
        value = self.iterable.evaluate(ctx)
        if value is None or isinstance(value, Undefined):
            return []
        try:
            items = list(value)
        except TypeError:
            raise TemplateRuntimeError(f"{value!r} is not iterable") from None
        if self.condition is None:
            return items
        kept = []
        for item in items:
            ctx.push()
            self._bind(ctx, item)
            if self.condition.evaluate(ctx):
                kept.append(item)
            ctx.pop()
        return kept

    def _bind(self, ctx: Context, item: Any) -> None:
        if len(self.targets) == 1:
            ctx.set(self.targets[0], item)
            return
        values = list(item)
        if len(values) != len(self.targets):
            raise TemplateRuntimeError(
                f"cannot unpack {len(values)} values into {len(self.targets)} loop variables")
        for target, value in zip(self.targets, values):
            ctx.set(target, value)

    def render(self, ctx: Context, out: list[str]) -> None:
        items = self._items(ctx)
        if not items:
            render_body(self.else_body, ctx, out)
            return
        for index, item in enumerate(items):
            ctx.push({"loop": LoopInfo(index, len(items))})
            try:
                self._bind(ctx, item)
                render_body(self.body, ctx, out)
            finally:
                ctx.pop()


@dataclass
class Set:
    name: str
    expr: Any

    def render(self, ctx: Context, out: list[str]) -> None:
        ctx.set(self.name, self.expr.evaluate(ctx))
