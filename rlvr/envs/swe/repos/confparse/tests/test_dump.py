import pytest

from confparse import Field, ParseError, Schema, dumps_dict, format_value, loads, parse_text


def test_keys_before_any_section_go_to_default():
    """The key 'a = 1' before any header belongs to the DEFAULT section."""
    assert parse_text("a = 1\n[s]\nb = 2\n").values("DEFAULT") == {"a": "1"}


def test_duplicate_section_is_an_error():
    """Section [a] appearing twice is a parse error mentioning it appears twice."""
    with pytest.raises(ParseError, match="appears twice"):
        loads("[a]\n[a]\n")


def test_format_float_and_tuple():
    """Formatting 2.0 gives '2.0' and the tuple (1, 2) gives '[1, 2]'."""
    assert (format_value(2.0), format_value((1, 2))) == ("2.0", "[1, 2]")


def test_dump_writes_default_section_first():
    """Dumping 'x = 1' before [s] y = 2 gives '[DEFAULT]\\nx = 1\\n\\n[s]\\ny = 2\\n'."""
    assert loads("x = 1\n[s]\ny = 2\n").dumps() == "[DEFAULT]\nx = 1\n\n[s]\ny = 2\n"


def test_dump_can_leave_out_defaults():
    """Dumping without defaults writes only '[s]\\ny = 2\\n'."""
    assert loads("x = 1\n[s]\ny = 2\n").dumps(include_defaults=False) == "[s]\ny = 2\n"


def test_dumps_dict_of_two_sections():
    """Dumping {a: {n: 1}, b: {on: True}} gives '[a]\\nn = 1\\n\\n[b]\\non = true\\n'."""
    assert dumps_dict({"a": {"n": 1}, "b": {"on": True}}) == "[a]\nn = 1\n\n[b]\non = true\n"


def test_schema_allow_unknown_accepts_extras():
    """A schema that allows unknown keys accepts [s] with an extra key b."""
    schema = Schema({"s": {"a": Field("int")}}, allow_unknown=True)
    assert schema.is_valid(loads("[s]\na = 1\nb = 2\n")) is True


def test_dumps_empty_dict():
    """Dumping an empty mapping of sections gives the empty text ''."""
    assert dumps_dict({}) == ""
