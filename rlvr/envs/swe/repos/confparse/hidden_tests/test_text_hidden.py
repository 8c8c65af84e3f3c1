import pytest

from confparse import (
    Config,
    Field,
    ParseError,
    Schema,
    diff_configs,
    format_value,
    loads,
    parse_value,
)


def test_blank_line_ends_continuation():
    """After a blank line, an indented 'k2 = v' line is a new key, not a continuation of k1."""
    cfg = loads("[s]\nk1 = a\n\n  k2 = v\n")
    assert cfg.section("s") == {"k1": "a", "k2": "v"}


def test_empty_key_is_an_error():
    """A line ' = 5' with no key is a parse error."""
    with pytest.raises(ParseError, match="key is empty"):
        loads("[a]\n = 5\n")


def test_empty_section_name_is_an_error():
    """A header '[  ]' with a blank name is a parse error."""
    with pytest.raises(ParseError, match="section name is empty"):
        loads("[  ]\n")


def test_format_string_needing_quotes():
    """Formatting ' padded' (leading space) gives '" padded"' and 'yes' gives '"yes"'."""
    assert (format_value(" padded"), format_value("yes")) == ('" padded"', '"yes"')


def test_string_with_quote_round_trips():
    """The string 'say "hi", ok' survives formatting and parsing unchanged."""
    assert parse_value(format_value('say "hi", ok')) == 'say "hi", ok'


def test_list_trailing_comma_dropped():
    """The raw value '[a, b,]' is the list ['a', 'b'] (the empty last item is dropped)."""
    assert parse_value("[a, b,]") == ["a", "b"]


def test_dump_sorted_without_blank_lines():
    """Dumping {s: b=2, a=1} with sorted keys, no blank lines and '=' as separator gives '[s]\\na=1\\nb=2\\n'."""
    cfg = Config.from_dict({"s": {"b": 2, "a": 1}})
    assert cfg.dumps(sort_keys=True, blank_lines=False, separator="=") == "[s]\na=1\nb=2\n"


def test_dump_multiline_value_indents_continuation():
    """A value '/a' continued by '/b' is dumped as 'p = /a' then an indented '    /b'."""
    assert loads("[s]\np = /a\n  /b\n").dumps() == "[s]\np = /a\n    /b\n"


def test_diff_configs_reports_changes():
    """Comparing {s: a=1, b=2} to {s: b=3, c=4} lists a removed, b changed 2 -> 3 and c added."""
    old = Config.from_dict({"s": {"a": 1, "b": 2}})
    new = Config.from_dict({"s": {"b": 3, "c": 4}})
    assert diff_configs(old, new) == ["- [s] a = 1", "~ [s] b: 2 -> 3", "+ [s] c = 4"]


def test_schema_list_items_are_typed_and_length_checked():
    """A list field of ints with at least 2 items reads '[1, 2]' as [1, 2] and rejects '[1]' as too short."""
    schema = Schema({"s": {"ids": Field("list", item_type="int", minimum=2)}})
    ok = schema.apply(loads("[s]\nids = [1, 2]\n"))
    assert (ok, schema.validate(loads("[s]\nids = [1]\n"))) == (
        {"s": {"ids": [1, 2]}},
        ["[s] ids: length 1 is below the minimum 2"],
    )


def test_schema_reports_unknown_section_and_key():
    """With a schema for [s] key a only, an extra key b and a section [t] are both reported as unknown."""
    schema = Schema({"s": {"a": Field("int")}})
    errors = schema.validate(loads("[s]\na = 1\nb = 2\n[t]\n"))
    assert errors == ["[s] b: unknown key", "[t]: unknown section"]


def test_schema_type_error_message():
    """A float field given 'fast' reports that 'fast' is not of type float."""
    schema = Schema({"s": {"speed": Field("float")}})
    assert schema.validate(loads("[s]\nspeed = fast\n")) == ["[s] speed: 'fast' is not of type float"]


def test_schema_size_and_bool_fields():
    """A size field reads '1kb' as 1024 and a bool field reads 'on' as True."""
    schema = Schema({"s": {"buf": Field("size"), "x": Field("bool"), "t": Field("duration")}})
    assert schema.apply(loads("[s]\nbuf = 1kb\nx = on\nt = 2s\n")) == {"s": {"buf": 1024, "x": True, "t": 2.0}}


def test_schema_unknown_type_is_rejected():
    """Declaring a field of type 'date' fails because that type is not supported."""
    with pytest.raises(Exception, match="unknown field type 'date'"):
        Field("date")


def test_bare_number_size_is_bytes():
    """The size '512' without a unit is 512 bytes, and ' 3 KB ' is 3072 bytes."""
    from confparse import parse_size

    assert (parse_size("512"), parse_size(" 3 KB ")) == (512, 3072)


def test_single_quoted_value_with_escaped_quote():
    """The raw value 'it\\'s' in single quotes reads as the string: it's."""
    assert parse_value("'it\\'s'") == "it's"


def test_schema_untyped_list_items_stay_as_read():
    """A list field without an item type reads '[a, 2]' as ['a', 2]."""
    schema = Schema({"s": {"names": Field("list")}})
    assert schema.apply(loads("[s]\nnames = [a, 2]\n")) == {"s": {"names": ["a", 2]}}
