"""Run queries over lists of records.

The pipeline is: filter with ``where``; then either group and aggregate, or
keep the matching records; sort with ``order by``; skip ``offset`` rows and
keep ``limit`` rows; finally project plain queries onto their select list.
Input records are never modified.
"""

from __future__ import annotations

from recordql.aggregate import aggregate_rows
from recordql.evaluate import get_field, matches, sort_rows
from recordql.nodes import FieldRef, OrderKey, Query, query_to_text
from recordql.parser import parse
from recordql.tokens import QueryError


def project(record: dict, query: Query) -> dict:
    """Keep the selected fields of a record (a copy of all of them for ``select *``)."""
    if not query.select:
        return dict(record)
    return {item.output_name: get_field(record, item.expr.path) for item in query.select}


def paginate(rows: list, offset: int = 0, limit: int | None = None) -> list:
    """Skip ``offset`` rows, then keep at most ``limit`` rows."""
    end = None if limit is None else offset + limit
    return rows[offset:end]


def get_output(row: dict, path: tuple[str, ...]):
    """Read a sort key from an aggregated row, by output name or nested path."""
    name = ".".join(path)
    if name in row:
        return row[name]
    return get_field(row, path)


def execute(query: Query, records: list[dict]) -> list[dict]:
    """Run a parsed query over records and return the result rows."""
    selected = [record for record in records if matches(query.where, record)]
    if query.is_aggregate:
        rows = aggregate_rows(selected, query.select, query.group_by)
        if query.order_by:
            rows = sort_rows(rows, query.order_by, get=get_output)
        return paginate(rows, query.offset, query.limit)
    if query.order_by:
        selected = sort_rows(selected, query.order_by)
    return [project(record, query) for record in paginate(selected, query.offset, query.limit)]


def run(records: list[dict], text: str) -> list[dict]:
    """Parse and run a query: ``run(people, 'where age > 30 order by name')``."""
    return execute(parse(text), records)


class Table:
    """A named list of records with query helpers."""

    def __init__(self, records: list[dict] | None = None, name: str = "table") -> None:
        self.records = list(records or [])
        self.name = name

    def __len__(self) -> int:
        return len(self.records)

    def insert(self, record: dict) -> None:
        """Append a record (it must be a dict)."""
        if not isinstance(record, dict):
            raise QueryError(f"records of {self.name} must be dicts, got {type(record).__name__}")
        self.records.append(record)

    def query(self, text: str) -> list[dict]:
        """Run a query over the table's records."""
        return run(self.records, text)

    def count(self, condition: str = "") -> int:
        """Count the records matching a condition (all records when empty)."""
        if not condition.strip():
            return len(self.records)
        return len(run(self.records, f"where {condition}"))

    def distinct(self, field: str) -> list:
        """Return the distinct values of a field, sorted, ``None`` last."""
        path = tuple(field.split("."))
        values = []
        for record in self.records:
            value = get_field(record, path)
            if value not in values:
                values.append(value)
        rows = sort_rows([{"v": value} for value in values], (OrderKey(FieldRef(("v",))),))
        return [row["v"] for row in rows]

    def first(self, text: str = ""):
        """Return the first row of a query, or None when it has no rows."""
        rows = run(self.records, text)
        return rows[0] if rows else None

    @staticmethod
    def explain(text: str) -> str:
        """Return the query in canonical form (normalised keywords and spacing)."""
        return query_to_text(parse(text))
