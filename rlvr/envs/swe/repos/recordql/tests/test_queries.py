from recordql import Table, run


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


def test_filter_project_and_order():
    """'select name where age > 30 and city == "Oslo" order by name' gives Ada then Cy."""
    assert run(people(), 'select name where age > 30 and city == "Oslo" order by name') == [{"name": "Ada"}, {"name": "Cy"}]


def test_order_descending_puts_null_last():
    """Ordering by age descending gives Cy, Ada, Ed, Bo, and Di (no age) last."""
    assert names("order by age desc") == ["Cy", "Ada", "Ed", "Bo", "Di"]


def test_order_ascending_puts_null_last():
    """Ordering by age ascending gives Bo, Ed, Ada, Cy, and Di (no age) last."""
    assert names("order by age") == ["Bo", "Ed", "Ada", "Cy", "Di"]


def test_limit_and_offset():
    """Ordering by name, skipping 1 and keeping 2 gives Bo and Cy."""
    assert names("order by name limit 2 offset 1") == ["Bo", "Cy"]


def test_select_all_returns_copies():
    """'where name == "Bo"' returns Bo's whole record as a copy: changing the result leaves the input unchanged."""
    data = people()
    rows = run(data, 'where name == "Bo"')
    rows[0]["age"] = 99
    assert (rows[0]["name"], data[1]["age"]) == ("Bo", 25)


def test_missing_field_is_null():
    """'where active is null' matches the four people without an active field: Ada, Bo, Cy, Di."""
    assert names("where active is null") == ["Ada", "Bo", "Cy", "Di"]


def test_count_not_null():
    """Counting the records where 'age is not null' gives 4."""
    assert Table(people()).count("age is not null") == 4


def test_in_list():
    """'where city in ("Bergen", "Trondheim")' gives Bo and Ed."""
    assert names('where city in ("Bergen", "Trondheim")') == ["Bo", "Ed"]


def test_not_in_list():
    """'where name not in ("Ada", "Bo")' gives Cy, Di and Ed."""
    assert names('where name not in ("Ada", "Bo")') == ["Cy", "Di", "Ed"]


def test_list_contains():
    """'where tags contains "dev"' gives Ada and Bo."""
    assert names('where tags contains "dev"') == ["Ada", "Bo"]


def test_string_contains_is_case_sensitive():
    """'where name contains "d"' gives Ada and Ed but not Di (capital D)."""
    assert names('where name contains "d"') == ["Ada", "Ed"]


def test_between_is_inclusive():
    """'where age between 30 and 36' gives Ada (36) and Ed (30)."""
    assert names("where age between 30 and 36") == ["Ada", "Ed"]


def test_not_condition():
    """'where not city == "Oslo"' gives Bo and Ed."""
    assert names('where not city == "Oslo"') == ["Bo", "Ed"]


def test_nested_field():
    """'where address.zip == "0150"' finds Ada through the nested address."""
    assert names('where address.zip == "0150"') == ["Ada"]


def test_number_compared_with_string_is_false():
    """'where age > "30"' matches nobody, since a number is never compared with a string."""
    assert names('where age > "30"') == []


def test_boolean_is_not_one():
    """'where active == 1' matches nobody, while 'where active == true' matches Ed."""
    assert (names("where active == 1"), names("where active == true")) == ([], ["Ed"])


def test_group_by_count():
    """'select city, count(*) as n group by city' gives Oslo 3 and Bergen 2, in first-seen order."""
    assert run(people(), "select city, count(*) as n group by city") == [{"city": "Oslo", "n": 3}, {"city": "Bergen", "n": 2}]


def test_group_average_skips_null():
    """'select city, avg(age) group by city' gives Oslo 38.5 (Di has no age) and Bergen 27.5."""
    assert run(people(), "select city, avg(age) group by city") == [{"city": "Oslo", "avg_age": 38.5}, {"city": "Bergen", "avg_age": 27.5}]


def test_aggregates_without_group():
    """'select count(*), sum(age), min(name), max(age)' gives one row: 5, 132, 'Ada', 41."""
    rows = run(people(), "select count(*), sum(age), min(name), max(age)")
    assert rows == [{"count": 5, "sum_age": 132, "min_name": "Ada", "max_age": 41}]


def test_group_by_without_select():
    """'group by city' alone gives each city with its count: Oslo 3, Bergen 2."""
    assert run(people(), "group by city") == [{"city": "Oslo", "count": 3}, {"city": "Bergen", "count": 2}]


def test_order_by_aggregate_alias():
    """'select city, sum(age) as total group by city order by total' gives Bergen 55 before Oslo 77."""
    rows = run(people(), "select city, sum(age) as total group by city order by total")
    assert rows == [{"city": "Bergen", "total": 55}, {"city": "Oslo", "total": 77}]


def test_greater_than_is_strict():
    """'where age > 30' gives Ada (36) and Cy (41) but not Ed, who is exactly 30."""
    assert names("where age > 30") == ["Ada", "Cy"]
