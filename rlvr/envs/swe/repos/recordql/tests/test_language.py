import pytest

from recordql import QueryError, Table, parse, run, tokenize


def pairs(text):
    """The (kind, value) pairs of the tokens of a query."""
    return [(token.kind, token.value) for token in tokenize(text)]


def test_tokenize_comparison():
    """'age >= 30' splits into the field age, the operator >=, the number 30 and the end."""
    assert pairs("age >= 30") == [("IDENT", "age"), ("OP", ">="), ("NUMBER", 30), ("EOF", None)]


def test_single_equals_means_equality():
    """A single '=' in 'a = 1' is read as the equality operator '=='."""
    assert pairs("a = 1")[1] == ("OP", "==")


def test_keywords_are_case_insensitive():
    """'WHERE x' reads WHERE as the keyword 'where'."""
    assert pairs("WHERE x")[0] == ("KEYWORD", "where")


def test_string_with_escaped_quote():
    """The string literal "say \\"hi\\"" reads as: say "hi"."""
    assert pairs(r'"say \"hi\""')[0] == ("STRING", 'say "hi"')


def test_negative_float_literal():
    """'-2.5' is the number -2.5."""
    assert pairs("-2.5")[0] == ("NUMBER", -2.5)


def test_dotted_field_name():
    """'address.city' is a single field name."""
    assert pairs("address.city")[0] == ("IDENT", "address.city")


def test_unclosed_string_position():
    """In 'name = "Oslo' the unclosed string is reported at position 7, where it starts."""
    with pytest.raises(QueryError, match="not closed \\(at position 7\\)"):
        tokenize('name = "Oslo')


def test_unexpected_character():
    """'age ! 3' is rejected with an error about the unexpected character '!'."""
    with pytest.raises(QueryError, match="unexpected character '!'"):
        tokenize("age ! 3")


def test_explain_normalises_query():
    """'SELECT name WHERE age>30 ORDER BY name DESC LIMIT 2' is normalised to 'select name where age > 30 order by name desc limit 2'."""
    assert Table.explain("SELECT name WHERE age>30 ORDER BY name DESC LIMIT 2") == "select name where age > 30 order by name desc limit 2"


def test_and_binds_tighter_than_or():
    """'where a == 1 or b == 2 and c == 3' matches {a:1} and {b:2, c:3} but not {b:2, c:0}."""
    rows = [{"a": 1, "b": 0, "c": 0}, {"a": 0, "b": 2, "c": 0}, {"a": 0, "b": 2, "c": 3}]
    assert run(rows, "where a == 1 or b == 2 and c == 3") == [rows[0], rows[2]]


def test_explain_keeps_needed_parentheses():
    """'where (a = 1 or b = 2) and c = 3' keeps its parentheses when normalised."""
    assert Table.explain("where (a = 1 or b = 2) and c = 3") == "where (a == 1 or b == 2) and c == 3"


def test_order_without_by():
    """'order name' is rejected because 'by' is expected after 'order'."""
    with pytest.raises(QueryError, match="expected 'by'"):
        parse("order name")


def test_leftover_tokens():
    """'where a = 1 2' is rejected because of the unexpected number 2 at the end."""
    with pytest.raises(QueryError, match="unexpected number 2"):
        parse("where a = 1 2")


def test_negative_limit():
    """'limit -1' is rejected: limit needs a whole number >= 0."""
    with pytest.raises(QueryError, match="limit needs a whole number >= 0, got -1"):
        parse("limit -1")


def test_star_only_for_count():
    """'select sum(*)' is rejected at the star (position 11): only count(*) may use a star."""
    with pytest.raises(QueryError) as info:
        parse("select sum(*)")
    assert str(info.value) == "sum(*) is not allowed; only count(*) (at position 11)"


def test_ungrouped_field_with_aggregate():
    """'select name, count(*)' is rejected because name is neither grouped nor aggregated."""
    with pytest.raises(QueryError, match="'name' must appear in 'group by'"):
        parse("select name, count(*)")


def test_stray_closing_parenthesis():
    """'where a = 1 )' is rejected at the unexpected ')' at position 12."""
    with pytest.raises(QueryError) as info:
        parse("where a = 1 )")
    assert str(info.value) == "unexpected rparen ')' (at position 12)"


def test_explain_not_over_group():
    """'where not (a = 1 or b = 2)' is normalised to 'where not (a == 1 or b == 2)'."""
    assert Table.explain("where not (a = 1 or b = 2)") == "where not (a == 1 or b == 2)"
