"""Syntax-tree nodes of a query, and their rendering back to query text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Literal:
    """A constant: number, string, boolean or null."""

    value: object


@dataclass(frozen=True)
class FieldRef:
    """A field of the record; ``path`` has several parts for ``a.b.c``."""

    path: tuple[str, ...]

    @property
    def name(self) -> str:
        """The dotted name as written."""
        return ".".join(self.path)


@dataclass(frozen=True)
class Compare:
    """``left op right`` with op one of ``== != < <= > >= contains``."""

    op: str
    left: object
    right: object


@dataclass(frozen=True)
class InList:
    """``operand in (v1, v2, ...)``, or ``not in``."""

    operand: object
    values: tuple
    negated: bool = False


@dataclass(frozen=True)
class Between:
    """``operand between low and high`` (both bounds included)."""

    operand: object
    low: object
    high: object


@dataclass(frozen=True)
class IsNull:
    """``operand is null`` or ``operand is not null``."""

    operand: object
    negated: bool = False


@dataclass(frozen=True)
class BoolOp:
    """``and``/``or`` over two or more conditions."""

    op: str
    items: tuple


@dataclass(frozen=True)
class Not:
    """``not condition``."""

    operand: object


@dataclass(frozen=True)
class Aggregate:
    """``count(*)``, ``count(f)``, ``sum(f)``, ``avg(f)``, ``min(f)`` or ``max(f)``."""

    func: str
    field: FieldRef | None = None

    def default_name(self) -> str:
        """Output column name when no alias is given: ``count`` or ``avg_age``."""
        if self.field is None:
            return self.func
        return f"{self.func}_{self.field.name.replace('.', '_')}"


@dataclass(frozen=True)
class SelectItem:
    """One output column: a field or an aggregate, maybe renamed with ``as``."""

    expr: FieldRef | Aggregate
    alias: str | None = None

    @property
    def output_name(self) -> str:
        """The key of this column in the result rows."""
        if self.alias is not None:
            return self.alias
        if isinstance(self.expr, Aggregate):
            return self.expr.default_name()
        return self.expr.name


@dataclass(frozen=True)
class OrderKey:
    """One ``order by`` key."""

    field: FieldRef
    descending: bool = False


@dataclass(frozen=True)
class Query:
    """A parsed query. An empty ``select`` means every field."""

    select: tuple[SelectItem, ...] = ()
    where: object = None
    group_by: tuple[FieldRef, ...] = ()
    order_by: tuple[OrderKey, ...] = ()
    limit: int | None = None
    offset: int = 0

    @property
    def is_aggregate(self) -> bool:
        """Tell whether the query groups or aggregates rows."""
        return bool(self.group_by) or any(isinstance(item.expr, Aggregate) for item in self.select)


def format_literal(value: object) -> str:
    """Write a constant the way the tokenizer reads it back."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return f'"{escaped}"'
    return repr(value)


PRECEDENCE = {"or": 1, "and": 2, "not": 3}


def to_text(node: object, parent_op: str | None = None) -> str:
    """Render an expression node as query text (minimal parentheses)."""
    if isinstance(node, Literal):
        return format_literal(node.value)
    if isinstance(node, FieldRef):
        return node.name
    if isinstance(node, Compare):
        return f"{to_text(node.left)} {node.op} {to_text(node.right)}"
    if isinstance(node, InList):
        values = ", ".join(format_literal(value) for value in node.values)
        keyword = "not in" if node.negated else "in"
        return f"{to_text(node.operand)} {keyword} ({values})"
    if isinstance(node, Between):
        return f"{to_text(node.operand)} between {to_text(node.low)} and {to_text(node.high)}"
    if isinstance(node, IsNull):
        return f"{to_text(node.operand)} is {'not ' if node.negated else ''}null"
    if isinstance(node, Not):
        return f"not {to_text(node.operand, 'not')}"
    if isinstance(node, BoolOp):
        text = f" {node.op} ".join(to_text(item, node.op) for item in node.items)
        needs_parens = parent_op is not None and PRECEDENCE[parent_op] > PRECEDENCE[node.op]
        return f"({text})" if needs_parens else text
    if isinstance(node, Aggregate):
        return f"{node.func}({'*' if node.field is None else node.field.name})"
    raise TypeError(f"cannot render {type(node).__name__}")


def query_to_text(query: Query) -> str:
    """Render a whole query in the canonical clause order."""
    parts = []
    if query.select:
        items = [to_text(i.expr) + (f" as {i.alias}" if i.alias else "") for i in query.select]
        parts.append("select " + ", ".join(items))
    if query.where is not None:
        parts.append("where " + to_text(query.where))
    if query.group_by:
        parts.append("group by " + ", ".join(f.name for f in query.group_by))
    if query.order_by:
        keys = [k.field.name + (" desc" if k.descending else "") for k in query.order_by]
        parts.append("order by " + ", ".join(keys))
    if query.limit is not None:
        parts.append(f"limit {query.limit}")
    if query.offset:
        parts.append(f"offset {query.offset}")
    return " ".join(parts)
