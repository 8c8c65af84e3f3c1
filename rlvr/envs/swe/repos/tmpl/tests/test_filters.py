from tmpl import escape, render_string, striptags


def test_upper_filter():
    """Rendering '{{ name|upper }}' with name='bob' gives 'BOB'."""
    assert render_string("{{ name|upper }}", name="bob") == "BOB"


def test_title_filter():
    """Rendering '{{ s|title }}' with s='hello big world' gives 'Hello Big World'."""
    assert render_string("{{ s|title }}", s="hello big world") == "Hello Big World"


def test_length_filter():
    """Rendering '{{ xs|length }}' with xs=[4, 5, 6] gives '3'."""
    assert render_string("{{ xs|length }}", xs=[4, 5, 6]) == "3"


def test_default_filter_on_missing():
    """Rendering '{{ nick|default("anon") }}' with no nick gives 'anon'."""
    assert render_string('{{ nick|default("anon") }}') == "anon"


def test_join_filter():
    """Rendering '{{ xs|join(", ") }}' with xs=[1, 2, 3] gives '1, 2, 3'."""
    assert render_string('{{ xs|join(", ") }}', xs=[1, 2, 3]) == "1, 2, 3"


def test_truncate_filter():
    """Rendering '{{ s|truncate(8) }}' with s='abcdefghijkl' gives 'abcde...'."""
    assert render_string("{{ s|truncate(8) }}", s="abcdefghijkl") == "abcde..."


def test_sort_filter():
    """Rendering '{{ xs|sort|join(",") }}' with xs=[3, 1, 2] gives '1,2,3'."""
    assert render_string('{{ xs|sort|join(",") }}', xs=[3, 1, 2]) == "1,2,3"


def test_chained_filters():
    """Rendering '{{ s|trim|upper }}' with s='  hi  ' gives 'HI'."""
    assert render_string("{{ s|trim|upper }}", s="  hi  ") == "HI"


def test_round_filter():
    """Rendering '{{ x|round(1) }}' with x=2.345 gives '2.3'."""
    assert render_string("{{ x|round(1) }}", x=2.345) == "2.3"


def test_sum_filter():
    """Rendering '{{ xs|sum }}' with xs=[1, 2, 3, 4] gives '10'."""
    assert render_string("{{ xs|sum }}", xs=[1, 2, 3, 4]) == "10"


def test_capitalize_filter():
    """Rendering '{{ s|capitalize }}' with s='hELLO' gives 'Hello'."""
    assert render_string("{{ s|capitalize }}", s="hELLO") == "Hello"


def test_default_keeps_falsy_without_boolean():
    """Rendering '[{{ s|default("none") }}]' with s='' gives '[]'."""
    assert render_string('[{{ s|default("none") }}]', s="") == "[]"


def test_first_and_last_filters():
    """Rendering '{{ xs|first }}-{{ xs|last }}' with xs=[7, 8, 9] gives '7-9'."""
    assert render_string("{{ xs|first }}-{{ xs|last }}", xs=[7, 8, 9]) == "7-9"


def test_reverse_string_filter():
    """Rendering '{{ s|reverse }}' with s='abc' gives 'cba'."""
    assert render_string("{{ s|reverse }}", s="abc") == "cba"


def test_truncate_short_text_unchanged():
    """Rendering '{{ s|truncate(5) }}' with s='abcde' gives 'abcde' unchanged."""
    assert render_string("{{ s|truncate(5) }}", s="abcde") == "abcde"


def test_replace_filter_with_count():
    """Rendering '{{ s|replace("a", "o", 1) }}' with s='banana' gives 'bonana'."""
    assert render_string('{{ s|replace("a", "o", 1) }}', s="banana") == "bonana"


def test_int_filter_with_fallback():
    """Rendering '{{ a|int }} {{ b|int(-1) }}' with a='4.7' and b='x' gives '4 -1'."""
    assert render_string("{{ a|int }} {{ b|int(-1) }}", a="4.7", b="x") == "4 -1"


def test_sum_attribute_with_start():
    """Summing the 'qty' of [{'qty': 2}, {'qty': 5}] starting from 10 gives '17'."""
    assert render_string('{{ xs|sum("qty", 10) }}', xs=[{"qty": 2}, {"qty": 5}]) == "17"


def test_items_filter_sorted():
    """Rendering '{% for k, v in d|items %}{{ k }}{{ v }}{% endfor %}' with d={'b': 2, 'a': 1} gives 'a1b2'."""
    source = "{% for k, v in d|items %}{{ k }}{{ v }}{% endfor %}"
    assert render_string(source, d={"b": 2, "a": 1}) == "a1b2"


def test_pluralize_filter():
    """Rendering '{{ n }} item{{ n|pluralize }}' gives '1 item' for n=1 and '3 items' for n=3."""
    source = "{{ n }} item{{ n|pluralize }}"
    assert [render_string(source, n=1), render_string(source, n=3)] == ["1 item", "3 items"]


def test_wordcount_and_abs():
    """Rendering '{{ s|wordcount }} {{ n|abs }}' with s='a b  c' and n=-4 gives '3 4'."""
    assert render_string("{{ s|wordcount }} {{ n|abs }}", s="a b  c", n=-4) == "3 4"


def test_escape_quotes():
    """Escaping the text 'a"b\\'c' gives 'a&#34;b&#39;c'."""
    assert escape("a\"b'c") == "a&#34;b&#39;c"


def test_striptags_collapses_whitespace():
    """Stripping tags from '<p>Hi  <b>there</b> &amp; you</p>' gives 'Hi there & you'."""
    assert striptags("<p>Hi  <b>there</b> &amp; you</p>") == "Hi there & you"


def test_round_floor_negative():
    """Rendering '{{ x|round(0, "floor") }}' with x=-2.4 gives '-3.0'."""
    assert render_string('{{ x|round(0, "floor") }}', x=-2.4) == "-3.0"


def test_round_small_positive_keeps_sign():
    """Rendering '{{ x|round(1) }}' with x=0.04 gives '0.0'."""
    assert render_string("{{ x|round(1) }}", x=0.04) == "0.0"


def test_plain_text_before_markup_is_escaped():
    """Adding Markup('<p>') to the plain text '<b>' gives '&lt;b&gt;<p>'."""
    from tmpl import Markup
    assert "<b>" + Markup("<p>") == Markup("&lt;b&gt;<p>")


def test_int_filter_default_is_zero():
    """Rendering '{{ s|int }}' with s='abc' gives '0'."""
    assert render_string("{{ s|int }}", s="abc") == "0"
