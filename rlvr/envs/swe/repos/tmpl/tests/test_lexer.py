from tmpl import Token, tokenize, tokenize_expression


def test_plain_text_is_one_token():
    """Tokenizing 'hello world' gives a single text token 'hello world'."""
    assert tokenize("hello world") == [Token("text", "hello world", 1)]


def test_variable_tag_token():
    """Tokenizing 'a{{ x }}b' gives text 'a', variable 'x' and text 'b'."""
    assert tokenize("a{{ x }}b") == [
        Token("text", "a", 1), Token("var", "x", 1), Token("text", "b", 1)]


def test_comment_is_dropped():
    """Tokenizing 'a{# note #}b' drops the comment and keeps texts 'a' and 'b'."""
    assert [t.value for t in tokenize("a{# note #}b")] == ["a", "b"]


def test_block_token_line_number():
    """In 'x\\ny\\n{% if a %}' the block tag 'if a' is reported on line 3."""
    assert tokenize("x\ny\n{% if a %}")[-1] == Token("block", "if a", 3)


def test_dash_strips_whitespace_around_tag():
    """Tokenizing 'a  {{- x -}}  b' strips the spaces on both sides, leaving texts 'a' and 'b'."""
    assert [t.value for t in tokenize("a  {{- x -}}  b")] == ["a", "x", "b"]


def test_expression_tokens():
    """Tokenizing the expression 'price * 2 >= 10' gives name, op, number, op, number tokens."""
    tokens = tokenize_expression("price * 2 >= 10")
    assert [(t.kind, t.value) for t in tokens] == [
        ("name", "price"), ("op", "*"), ("number", "2"), ("op", ">="), ("number", "10")]


def test_expression_string_with_escape():
    """The expression string literal 'it\\'s' is read as the text it's."""
    assert tokenize_expression("'it\\'s'")[0].value == "it's"


def test_expression_float_number():
    """The expression '3.25' is a single number token '3.25'."""
    assert [t.value for t in tokenize_expression("3.25")] == ["3.25"]
