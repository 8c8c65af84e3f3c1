"""Expression nodes of the syntax tree.

Every expression implements ``evaluate(ctx)`` and returns a Python value.
Arithmetic on an undefined value, division by zero and comparisons between
unrelated types raise ``TemplateRuntimeError``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .context import Context, Undefined
from .lexer import TemplateError
from .markup import to_text


class TemplateRuntimeError(TemplateError):
    """Rendering failed (bad operands, unknown filter, bad unpacking)."""


@dataclass
class Literal:
    value: Any

    def evaluate(self, ctx: Context) -> Any:
        return self.value


@dataclass
class ListLiteral:
    items: list

    def evaluate(self, ctx: Context) -> list:
        return [item.evaluate(ctx) for item in self.items]


@dataclass
class Name:
    name: str

    def evaluate(self, ctx: Context) -> Any:
        return ctx.lookup(self.name)

    def describe(self) -> str:
        return self.name


@dataclass
class GetItem:
    """``base.key`` or ``base[key]``."""

    base: Any
    key: Any

    def evaluate(self, ctx: Context) -> Any:
        base = self.base.evaluate(ctx)
        key = self.key.evaluate(ctx)
        return ctx.step(base, key, self.describe())

    def describe(self) -> str:
        inner = self.base.describe() if hasattr(self.base, "describe") else "?"
        return f"{inner}.{self.key.value}" if isinstance(self.key, Literal) else f"{inner}[...]"


def _operand(value: Any) -> Any:
    if isinstance(value, Undefined):
        raise TemplateRuntimeError(f"'{value.name}' is undefined and cannot be used in arithmetic")
    return value


@dataclass
class BinOp:
    op: str
    left: Any
    right: Any

    def evaluate(self, ctx: Context) -> Any:
        left = self.left.evaluate(ctx)
        right = self.right.evaluate(ctx)
        if self.op == "~":
            return to_text(left) + to_text(right)
        left, right = _operand(left), _operand(right)
        try:
            if self.op == "+":
                return left + right
            if self.op == "-":
                return left - right
            if self.op == "*":
                return left * right
            if self.op == "/":
                return left / right
            if self.op == "//":
                return left // right
            return left % right
        except ZeroDivisionError:
            raise TemplateRuntimeError(f"division by zero in {left!r} {self.op} {right!r}") from None
        except TypeError as exc:
            raise TemplateRuntimeError(f"cannot apply {self.op!r} to {left!r} and {right!r}") from exc


@dataclass
class Neg:
    operand: Any

    def evaluate(self, ctx: Context) -> Any:
        return -_operand(self.operand.evaluate(ctx))


@dataclass
class Compare:
    op: str
    left: Any
    right: Any

    def evaluate(self, ctx: Context) -> bool:
        left = self.left.evaluate(ctx)
        right = self.right.evaluate(ctx)
        if self.op in ("in", "not in"):
            found = False if isinstance(right, Undefined) else left in right
            return found if self.op == "in" else not found
        if self.op == "==":
            return left == right
        if self.op == "!=":
            return left != right
        try:
            if self.op == "<":
                return left < right
            if self.op == "<=":
                return left <= right
            if self.op == ">":
                return left > right
            return left >= right
        except TypeError as exc:
            raise TemplateRuntimeError(f"cannot compare {left!r} {self.op} {right!r}") from exc


@dataclass
class And:
    left: Any
    right: Any

    def evaluate(self, ctx: Context) -> Any:
        left = self.left.evaluate(ctx)
        return self.right.evaluate(ctx) if left else left


@dataclass
class Or:
    left: Any
    right: Any

    def evaluate(self, ctx: Context) -> Any:
        left = self.left.evaluate(ctx)
        return left if left else self.right.evaluate(ctx)


@dataclass
class Not:
    operand: Any

    def evaluate(self, ctx: Context) -> bool:
        return not self.operand.evaluate(ctx)


@dataclass
class FilterCall:
    expr: Any
    name: str
    args: list = field(default_factory=list)

    def evaluate(self, ctx: Context) -> Any:
        func = ctx.filters.get(self.name)
        if func is None:
            raise TemplateRuntimeError(f"unknown filter '{self.name}'")
        value = self.expr.evaluate(ctx)
        args = [arg.evaluate(ctx) for arg in self.args]
        return func(value, *args)
