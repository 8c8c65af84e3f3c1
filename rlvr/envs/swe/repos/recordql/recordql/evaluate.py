"""Evaluate expression nodes against one record (a dict).

Missing fields read as ``None``. Ordering comparisons (``<``, ``>``, ...)
involving ``None`` or values of different kinds (a number and a string) are
false rather than errors; booleans are never equal to numbers.
"""

from __future__ import annotations

from functools import cmp_to_key

from recordql.nodes import Between, BoolOp, Compare, FieldRef, InList, IsNull, Literal, Not, OrderKey

KIND_RANK = {"number": 0, "string": 1, "bool": 2, "other": 3}


def get_field(record: dict, path: tuple[str, ...]):
    """Follow a dotted path through nested dicts; None when any part is missing."""
    value = record
    for part in path:
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def kind(value) -> str:
    """Classify a value as number, string, bool or other."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "other"


def values_equal(a, b) -> bool:
    """Equality that keeps booleans apart from the numbers 0 and 1."""
    if kind(a) == "bool" or kind(b) == "bool":
        return kind(a) == kind(b) and a == b
    return a == b


def contains(container, needle) -> bool:
    """Substring test for strings, membership test for lists."""
    if isinstance(container, str) and isinstance(needle, str):
        return needle in container
    if isinstance(container, (list, tuple)):
        return any(values_equal(item, needle) for item in container)
    return False


def compare(op: str, a, b) -> bool:
    """Apply a comparison operator with the rules described in the module docstring."""
    if op == "==":
        return values_equal(a, b)
    if op == "!=":
        return not values_equal(a, b)
    if op == "contains":
        return contains(a, b)
    if a is None or b is None or kind(a) != kind(b) or kind(a) == "other":
        return False
    if op == "<":
        return a < b
    if op == "<=":
        return a <= b
    if op == ">":
        return a > b
    if op == ">=":
        return a >= b
    raise ValueError(f"unknown operator {op!r}")


def evaluate(node, record: dict):
    """Return the value of an expression node for ``record``."""
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, FieldRef):
        return get_field(record, node.path)
    if isinstance(node, Compare):
        return compare(node.op, evaluate(node.left, record), evaluate(node.right, record))
    if isinstance(node, BoolOp):
        if node.op == "and":
            return all(truthy(evaluate(item, record)) for item in node.items)
        return any(truthy(evaluate(item, record)) for item in node.items)
    if isinstance(node, Not):
        return not truthy(evaluate(node.operand, record))
    if isinstance(node, InList):
        value = evaluate(node.operand, record)
        found = any(values_equal(value, option) for option in node.values)
        return found != node.negated
    if isinstance(node, Between):
        value = evaluate(node.operand, record)
        low, high = evaluate(node.low, record), evaluate(node.high, record)
        return compare(">=", value, low) and compare("<=", value, high)
    if isinstance(node, IsNull):
        return (evaluate(node.operand, record) is None) != node.negated
    raise TypeError(f"cannot evaluate {type(node).__name__}")


def truthy(value) -> bool:
    """Truth of a value in a condition: None, 0, '' and empty lists are false."""
    return bool(value)


def matches(condition, record: dict) -> bool:
    """Tell whether ``record`` satisfies the condition (no condition matches all)."""
    return condition is None or truthy(evaluate(condition, record))


def compare_for_sort(a, b) -> int:
    """Three-way comparison for sorting: None last, then by kind, then by value."""
    if a is None or b is None:
        return (a is None) - (b is None)
    rank_a, rank_b = KIND_RANK[kind(a)], KIND_RANK[kind(b)]
    if rank_a != rank_b:
        return -1 if rank_a < rank_b else 1
    if kind(a) == "other":
        a, b = repr(a), repr(b)
    return (a > b) - (a < b)


def sort_rows(rows: list[dict], keys: tuple[OrderKey, ...], get=get_field) -> list[dict]:
    """Sort rows by several keys; ``None`` values go last in both directions."""

    def cmp(left: dict, right: dict) -> int:
        for key in keys:
            a, b = get(left, key.field.path), get(right, key.field.path)
            result = compare_for_sort(a, b)
            if result and a is not None and b is not None and key.descending:
                result = -result
            if result:
                return result
        return 0

    return sorted(rows, key=cmp_to_key(cmp))
