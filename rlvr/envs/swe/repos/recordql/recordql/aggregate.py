"""Grouping and aggregate functions (count, sum, avg, min, max).

``count(*)`` counts rows; the other functions skip ``None`` values, and
``sum``/``avg`` also skip values that are not numbers (booleans included).
An empty input gives 0 for ``count`` and ``sum`` and ``None`` for the rest.
"""

from __future__ import annotations

from recordql.evaluate import compare_for_sort, get_field, kind
from recordql.nodes import Aggregate, FieldRef, SelectItem


def numbers(values: list) -> list:
    """Keep the numeric values (not booleans)."""
    return [value for value in values if kind(value) == "number"]


def agg_count(values: list) -> int:
    """Count the values that are not None."""
    return sum(1 for value in values if value is not None)


def agg_sum(values: list) -> int | float:
    """Add up the numbers; 0 when there are none."""
    total = 0
    for value in numbers(values):
        total += value
    return total


def agg_avg(values: list) -> float | None:
    """Arithmetic mean of the numbers; None when there are none."""
    found = numbers(values)
    if not found:
        return None
    return agg_sum(found) / len(found)


def _extreme(values: list, sign: int):
    best = None
    for value in values:
        if value is None:
            continue
        if best is None or compare_for_sort(value, best) * sign > 0:
            best = value
    return best


def agg_min(values: list):
    """Smallest value that is not None (numbers before strings)."""
    return _extreme(values, -1)


def agg_max(values: list):
    """Largest value that is not None."""
    return _extreme(values, 1)


FUNCTIONS = {"count": agg_count, "sum": agg_sum, "avg": agg_avg, "min": agg_min, "max": agg_max}


def compute(aggregate: Aggregate, records: list[dict]):
    """Apply one aggregate to a list of records."""
    if aggregate.field is None:
        return len(records)
    values = [get_field(record, aggregate.field.path) for record in records]
    return FUNCTIONS[aggregate.func](values)


def group_records(records: list[dict], fields: tuple[FieldRef, ...]) -> dict[tuple, list[dict]]:
    """Group records by the values of ``fields``; groups keep first-seen order."""
    groups: dict[tuple, list[dict]] = {}
    for record in records:
        key = tuple(get_field(record, field.path) for field in fields)
        groups.setdefault(key, []).append(record)
    return groups


def aggregate_rows(records: list[dict], select: tuple[SelectItem, ...], group_by: tuple[FieldRef, ...]) -> list[dict]:
    """Return one output row per group (one row overall without ``group by``).

    With no select list, a row holds the group fields and a ``count``.
    """
    if group_by:
        groups = group_records(records, group_by)
    else:
        groups = {(): records}
    items = select or tuple(SelectItem(field) for field in group_by) + (SelectItem(Aggregate("count")),)
    positions = {field.path: index for index, field in enumerate(group_by)}
    rows = []
    for key, members in groups.items():
        row = {}
        for item in items:
            if isinstance(item.expr, Aggregate):
                row[item.output_name] = compute(item.expr, members)
            else:
                row[item.output_name] = key[positions[item.expr.path]]
        rows.append(row)
    return rows
