import pytest

from recordql import QueryError, Table, compare, get_field, parse, run, tokenize


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


def test_count_of_field_skips_null():
    """'select count(age) as known' counts 4 people, since Di has no age."""
    assert run(people(), "select count(age) as known") == [{"known": 4}]


def test_aggregates_over_no_rows():
    """Over no matching rows, count(*) is 0, sum(age) is 0 and avg(age) is null."""
    rows = run(people(), "select count(*), sum(age), avg(age) where age > 100")
    assert rows == [{"count": 0, "sum_age": 0, "avg_age": None}]


def test_sum_ignores_booleans():
    """Summing v over the values 1, true and 2.5 gives 3.5 (true is not counted as 1)."""
    assert run([{"v": 1}, {"v": True}, {"v": 2.5}], "select sum(v)") == [{"sum_v": 3.5}]


def test_min_and_max_of_text():
    """'select min(city), max(city)' gives Bergen and Oslo."""
    assert run(people(), "select min(city), max(city)") == [{"min_city": "Bergen", "max_city": "Oslo"}]


def test_order_by_two_keys():
    """Ordering by city, then age descending, gives Ed, Bo, Cy, Ada, Di."""
    assert names("order by city, age desc") == ["Ed", "Bo", "Cy", "Ada", "Di"]


def test_offset_without_limit():
    """Ordering by name and skipping 3 gives Di and Ed."""
    assert names("order by name offset 3") == ["Di", "Ed"]


def test_projecting_missing_field_gives_null():
    """Selecting name and active for Ada gives active as null."""
    assert run(people(), 'select name, active where name == "Ada"') == [{"name": "Ada", "active": None}]


def test_not_with_parentheses():
    """'where not (city == "Oslo" or age < 28)' gives only Ed."""
    assert names('where not (city == "Oslo" or age < 28)') == ["Ed"]


def test_less_or_equal_and_not_equal():
    """'where age <= 30 and name != "Bo"' gives only Ed."""
    assert names('where age <= 30 and name != "Bo"') == ["Ed"]


def test_group_with_filter():
    """'select city, count(*) as n where age > 26 group by city' gives Oslo 2 and Bergen 1."""
    assert run(people(), "select city, count(*) as n where age > 26 group by city") == [{"city": "Oslo", "n": 2}, {"city": "Bergen", "n": 1}]


def test_group_by_missing_field():
    """Grouping by active gives a null group of 4 people, then a true group of 1."""
    assert run(people(), "select active, count(*) as n group by active") == [{"active": None, "n": 4}, {"active": True, "n": 1}]


def test_average_of_nested_field_name():
    """The average of a.b over 2 and 4 is 3.0, in a column named avg_a_b."""
    assert run([{"a": {"b": 2}}, {"a": {"b": 4}}], "select avg(a.b)") == [{"avg_a_b": 3.0}]


def test_group_ordered_descending_with_limit():
    """Grouping by city ordered by count descending, limited to 1, gives Oslo with 3."""
    assert run(people(), "group by city order by count desc limit 1") == [{"city": "Oslo", "count": 3}]


def test_table_distinct_sorted_null_last():
    """The distinct ages are 25, 30, 36, 41 and then null; the distinct cities Bergen and Oslo."""
    table = Table(people())
    assert (table.distinct("age"), table.distinct("city")) == ([25, 30, 36, 41, None], ["Bergen", "Oslo"])


def test_table_insert_and_count():
    """A table of 5 records counts 6 after one more insert, and inserting a non-dict is refused."""
    table = Table(people())
    table.insert({"name": "Fa"})
    with pytest.raises(QueryError, match="must be dicts"):
        table.insert(["Ga"])
    assert (len(table), table.count()) == (6, 6)


def test_explain_membership_and_ranges():
    """A query mixing not in, between and is not null is normalised to 'where x not in (1, "a") and y between 1 and 2 or z is not null'."""
    text = "where x not in (1, 'a') and y between 1 and 2 or z is not null"
    assert Table.explain(text) == 'where x not in (1, "a") and y between 1 and 2 or z is not null'


def test_explain_aggregate_query():
    """'select city, COUNT(*) as n, avg(age) group by city order by n desc offset 2' is normalised with lower-case count."""
    text = "select city, COUNT(*) as n, avg(age) group by city order by n desc offset 2"
    assert Table.explain(text) == "select city, count(*) as n, avg(age) group by city order by n desc offset 2"


def test_in_list_needs_constants():
    """'where a in (b)' is rejected: the list may only hold constants."""
    with pytest.raises(QueryError, match="only hold constants"):
        parse("where a in (b)")


def test_field_path_with_empty_part():
    """In 'x == a..b' the field path 'a..b' is rejected for its empty part, at position 5."""
    with pytest.raises(QueryError) as info:
        tokenize("x == a..b")
    assert str(info.value) == "field path 'a..b' has an empty part (at position 5)"


def test_keyword_where_value_expected():
    """'where and' is rejected: a value or field is expected, not the keyword 'and'."""
    with pytest.raises(QueryError, match="expected a value or field, found keyword 'and'"):
        parse("where and")


def test_nested_lookup_through_non_dict():
    """Looking up a.b in {'a': 5} gives null because 5 has no fields."""
    assert get_field({"a": 5}, ("a", "b")) is None


def test_unknown_operator_rejected():
    """Comparing 1 and 2 with the operator '~' is an error naming the operator."""
    with pytest.raises(ValueError, match="unknown operator '~'"):
        compare("~", 1, 2)


def test_insert_error_names_the_table():
    """Inserting the list ['Ga'] into a table named people fails with 'records of people must be dicts, got list'."""
    with pytest.raises(QueryError) as info:
        Table([], name="people").insert(["Ga"])
    assert str(info.value) == "records of people must be dicts, got list"


def test_trailing_backslash_in_string():
    """A string that ends in a lone backslash, as in 'name = "C:\\', is reported as not closed at position 7."""
    with pytest.raises(QueryError) as info:
        tokenize('name = "C:\\')
    assert str(info.value) == "string is not closed (at position 7)"
