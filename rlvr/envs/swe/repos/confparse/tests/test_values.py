import pytest

from confparse import ConversionError, format_value, parse_duration, parse_size, parse_value


def test_float_value():
    """The raw value '0.25' is the float 0.25."""
    assert parse_value("0.25") == 0.25


def test_negative_int_with_underscores():
    """The raw value '-1_000' is the int -1000."""
    assert parse_value("-1_000") == -1000


def test_hex_int():
    """The raw value '0x1F' is the int 31."""
    assert parse_value("0x1F") == 31


def test_boolean_words():
    """The raw values 'yes', 'On', 'false' and 'no' are True, True, False and False."""
    assert [parse_value(t) for t in ("yes", "On", "false", "no")] == [True, True, False, False]


def test_none_word():
    """The raw value 'null' is None."""
    assert parse_value("null") is None


def test_bracket_list_with_mixed_types():
    """The raw value '[1, two, 3.5, yes]' is the list [1, 'two', 3.5, True]."""
    assert parse_value("[1, two, 3.5, yes]") == [1, "two", 3.5, True]


def test_quoted_string_with_escapes():
    """The raw value '"a\\tb"' (with a backslash-t escape) is the string 'a', tab, 'b'."""
    assert parse_value('"a\\tb"') == "a\tb"


def test_size_units():
    """The size '10kb' is 10240 bytes and '2mb' is 2097152 bytes."""
    assert (parse_size("10kb"), parse_size("2mb")) == (10240, 2097152)


def test_duration_units():
    """The duration '250ms' is 0.25 seconds and '2h' is 7200 seconds."""
    assert (parse_duration("250ms"), parse_duration("2h")) == (0.25, 7200.0)


def test_unknown_size_unit_is_an_error():
    """The size '5 parsecs' is rejected because 'parsecs' is not a size unit."""
    with pytest.raises(ConversionError, match="not a size"):
        parse_size("5 parsecs")


def test_format_bool_and_none():
    """Formatting True, False and None gives 'true', 'false' and 'none'."""
    assert [format_value(v) for v in (True, False, None)] == ["true", "false", "none"]


def test_format_string_that_looks_like_number_is_quoted():
    """Formatting the string '42' gives '"42"' so it reads back as a string, not a number."""
    assert format_value("42") == '"42"'


def test_format_list():
    """Formatting [1, 'a b', 2.5] gives '[1, a b, 2.5]'."""
    assert format_value([1, "a b", 2.5]) == "[1, a b, 2.5]"


def test_quoted_comma_stays_in_one_list_item():
    """The raw value '[x, "y, z"]' is the two-item list ['x', 'y, z']."""
    assert parse_value('[x, "y, z"]') == ["x", "y, z"]


def test_empty_value_is_empty_string():
    """An empty raw value '' is the empty string."""
    assert parse_value("") == ""


def test_empty_quoted_string():
    """The raw value '""' (two double quotes) is the empty string."""
    assert parse_value('""') == ""


def test_format_escapes_quotes():
    """Formatting the string 'a "b"' gives '"a \\"b\\""', with the inner quotes escaped."""
    assert format_value('a "b"') == '"a \\"b\\""'
