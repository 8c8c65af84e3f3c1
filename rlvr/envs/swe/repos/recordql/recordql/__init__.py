"""recordql: a small query language over lists of dict records.

    >>> people = [{"name": "Ada", "age": 36}, {"name": "Bo", "age": 25}]
    >>> run(people, "select name where age > 30")
    [{'name': 'Ada'}]
"""

from recordql.aggregate import aggregate_rows, group_records
from recordql.engine import Table, execute, run
from recordql.evaluate import compare, evaluate, get_field, matches
from recordql.nodes import Query, query_to_text, to_text
from recordql.parser import parse
from recordql.tokens import QueryError, Token, tokenize

__all__ = [
    "Query",
    "QueryError",
    "Table",
    "Token",
    "aggregate_rows",
    "compare",
    "evaluate",
    "execute",
    "get_field",
    "group_records",
    "matches",
    "parse",
    "query_to_text",
    "run",
    "to_text",
    "tokenize",
]
