import pytest

from confparse import Config, ParseError, loads, parse_text


def test_section_key_value():
    """Parsing 'port = 8080' in section [server] gives the int 8080."""
    cfg = loads("[server]\nport = 8080\n")
    assert cfg.get("server", "port") == 8080


def test_colon_separator():
    """A line 'host: example.org' in [server] is read like 'host = example.org'."""
    cfg = loads("[server]\nhost: example.org\n")
    assert cfg.get("server", "host") == "example.org"


def test_keys_are_case_insensitive():
    """A key written 'Timeout = 5' can be read back as 'timeout' and gives 5."""
    cfg = loads("[net]\nTimeout = 5\n")
    assert cfg.get("net", "timeout") == 5


def test_comment_lines_are_ignored():
    """Lines starting with '#' or ';' are comments: '[a]\\n# x = 1\\n; y = 2\\nz = 3' has only the key z."""
    cfg = loads("[a]\n# x = 1\n; y = 2\nz = 3\n")
    assert cfg.keys("a") == ["z"]


def test_inline_comment_is_stripped():
    """'host = example.org   # main host' gives the value 'example.org' without the comment."""
    cfg = loads("[s]\nhost = example.org   # main host\n")
    assert cfg.get("s", "host") == "example.org"


def test_hash_inside_quotes_is_kept():
    """'title = "a # b"' keeps the '#' because it is inside quotes: the value is 'a # b'."""
    cfg = loads('[s]\ntitle = "a # b"\n')
    assert cfg.get("s", "title") == "a # b"


def test_continuation_lines_make_a_list():
    """A value 'paths = /a' followed by an indented line '/b' is the list ['/a', '/b']."""
    cfg = loads("[s]\npaths = /a\n    /b\n")
    assert cfg.get("s", "paths") == ["/a", "/b"]


def test_section_order_is_kept():
    """Sections [b], [a], [c] are listed in file order: ['b', 'a', 'c']."""
    cfg = loads("[b]\n[a]\n[c]\n")
    assert cfg.sections() == ["b", "a", "c"]


def test_duplicate_key_is_an_error():
    """A key 'x' given twice in section [a] is rejected with an error naming line 3."""
    with pytest.raises(ParseError, match="line 3"):
        loads("[a]\nx = 1\nx = 2\n")


def test_duplicate_key_allowed_keeps_last():
    """With duplicates allowed, 'x = 1' then 'x = 2' in [a] gives x = 2."""
    cfg = Config.from_text("[a]\nx = 1\nx = 2\n", allow_duplicates=True)
    assert cfg.get("a", "x") == 2


def test_line_without_separator_is_an_error():
    """A line 'just words' with no '=' or ':' is a parse error on line 2."""
    with pytest.raises(ParseError) as info:
        loads("[a]\njust words\n")
    assert info.value.line == 2


def test_unclosed_header_is_an_error():
    """A section header '[server' without ']' is a parse error."""
    with pytest.raises(ParseError, match="not closed"):
        loads("[server\nport = 1\n")


def test_raw_document_keeps_line_numbers():
    """In '[a]\\n\\nk = v', the entry k is recorded on line 3."""
    doc = parse_text("[a]\n\nk = v\n")
    assert doc.sections["a"]["k"].line == 3
