import pytest

from recordql import QueryError, Table, parse, run, tokenize


def people():
    """A fresh list of five sample person records."""
    return [
        {"name": "Ada", "age": 36, "city": "Oslo", "tags": ["admin", "dev"], "address": {"zip": "0150"}},
        {"name": "Bo", "age": 25, "city": "Bergen", "tags": ["dev"]},
        {"name": "Cy", "age": 41, "city": "Oslo", "tags": []},
        {"name": "Di", "age": None, "city": "Oslo", "tags": ["ops"]},
        {"name": "Ed", "age": 30, "city": "Bergen", "active": True},
    ]


def names(text):
    """The names of the rows a query returns over the sample people."""
    return [row["name"] for row in run(people(), text)]


def test_limit_zero():
    """'limit 0' returns no rows."""
    assert run(people(), "limit 0") == []


def test_plain_field_alias():
    """'select name as who where age == 25' gives [{'who': 'Bo'}]."""
    assert run(people(), "select name as who where age == 25") == [{"who": "Bo"}]


def test_equals_null_literal():
    """'where age == null' gives Di."""
    assert names("where age == null") == ["Di"]


def test_text_ordering_comparison():
    """'where name < "C"' gives Ada and Bo."""
    assert names('where name < "C"') == ["Ada", "Bo"]


def test_three_way_or():
    """'where name == "Ada" or name == "Bo" or name == "Zed"' gives Ada and Bo."""
    assert names('where name == "Ada" or name == "Bo" or name == "Zed"') == ["Ada", "Bo"]


def test_table_first():
    """The first person by age descending is Cy; a query with no rows gives None."""
    table = Table(people())
    assert (table.first("order by age desc")["name"], table.first("where age > 100")) == ("Cy", None)


def test_number_without_fraction_digits():
    """'1.' is rejected as a number with no digits after the point."""
    with pytest.raises(QueryError, match="no digits after the point"):
        tokenize("x > 1.")


def test_select_without_fields():
    """'select' with nothing after it is rejected: a field is expected before the end of the query."""
    with pytest.raises(QueryError, match="expected ident, found end of query"):
        parse("select")


def test_fractional_limit():
    """'limit 2.5' is rejected because a limit must be a whole number."""
    with pytest.raises(QueryError, match="whole number"):
        parse("limit 2.5")
