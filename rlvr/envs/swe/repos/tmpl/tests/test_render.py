from tmpl import Environment, render_string


def test_render_variable():
    """Rendering 'Hello {{ name }}!' with name='Ann' gives 'Hello Ann!'."""
    assert render_string("Hello {{ name }}!", name="Ann") == "Hello Ann!"


def test_missing_variable_renders_empty():
    """Rendering '[{{ missing }}]' with no variables gives '[]'."""
    assert render_string("[{{ missing }}]") == "[]"


def test_none_renders_empty():
    """Rendering '[{{ value }}]' with value=None gives '[]'."""
    assert render_string("[{{ value }}]", value=None) == "[]"


def test_dotted_mapping_lookup():
    """Rendering '{{ user.name }}' with user={'name': 'Bea'} gives 'Bea'."""
    assert render_string("{{ user.name }}", user={"name": "Bea"}) == "Bea"


def test_dotted_list_index():
    """Rendering '{{ rows.1 }}' with rows=['a', 'b', 'c'] gives 'b'."""
    assert render_string("{{ rows.1 }}", rows=["a", "b", "c"]) == "b"


def test_arithmetic_precedence():
    """Rendering '{{ 2 + 3 * 4 }}' gives '14'."""
    assert render_string("{{ 2 + 3 * 4 }}") == "14"


def test_subtraction_is_left_associative():
    """Rendering '{{ 10 - 4 - 3 }}' gives '3'."""
    assert render_string("{{ 10 - 4 - 3 }}") == "3"


def test_floor_division_and_modulo():
    """Rendering '{{ 17 // 5 }},{{ 17 % 5 }}' gives '3,2'."""
    assert render_string("{{ 17 // 5 }},{{ 17 % 5 }}") == "3,2"


def test_string_concatenation():
    """Rendering '{{ "n" ~ 5 }}' gives 'n5'."""
    assert render_string('{{ "n" ~ 5 }}') == "n5"


def test_if_true_branch():
    """Rendering '{% if n > 3 %}big{% else %}small{% endif %}' with n=5 gives 'big'."""
    assert render_string("{% if n > 3 %}big{% else %}small{% endif %}", n=5) == "big"


def test_if_else_branch():
    """Rendering '{% if n > 3 %}big{% else %}small{% endif %}' with n=3 gives 'small'."""
    assert render_string("{% if n > 3 %}big{% else %}small{% endif %}", n=3) == "small"


def test_elif_branch():
    """Rendering an if/elif/else on n=0 that checks n > 0 then n == 0 gives 'zero'."""
    source = "{% if n > 0 %}pos{% elif n == 0 %}zero{% else %}neg{% endif %}"
    assert render_string(source, n=0) == "zero"


def test_for_loop():
    """Rendering '{% for x in xs %}[{{ x }}]{% endfor %}' with xs=[1, 2, 3] gives '[1][2][3]'."""
    assert render_string("{% for x in xs %}[{{ x }}]{% endfor %}", xs=[1, 2, 3]) == "[1][2][3]"


def test_for_loop_index():
    """Rendering '{{ loop.index }}' for each of xs=['a', 'b', 'c'] gives '123'."""
    assert render_string("{% for x in xs %}{{ loop.index }}{% endfor %}", xs=["a", "b", "c"]) == "123"


def test_for_else_on_empty():
    """Rendering a for loop over an empty list with an else branch 'none' gives 'none'."""
    assert render_string("{% for x in xs %}{{ x }}{% else %}none{% endfor %}", xs=[]) == "none"


def test_for_unpacking_pairs():
    """Rendering '{{ k }}={{ v }};' for pairs [('a', 1), ('b', 2)] gives 'a=1;b=2;'."""
    source = "{% for k, v in pairs %}{{ k }}={{ v }};{% endfor %}"
    assert render_string(source, pairs=[("a", 1), ("b", 2)]) == "a=1;b=2;"


def test_set_statement():
    """Rendering '{% set total = 3 * 4 %}{{ total }}' gives '12'."""
    assert render_string("{% set total = 3 * 4 %}{{ total }}") == "12"


def test_autoescape_escapes_html():
    """With autoescape on, rendering '{{ x }}' with x='<b>&' gives '&lt;b&gt;&amp;'."""
    env = Environment(autoescape=True)
    assert env.render("{{ x }}", x="<b>&") == "&lt;b&gt;&amp;"


def test_no_autoescape_by_default():
    """Without autoescape, rendering '{{ x }}' with x='<b>' gives '<b>' unchanged."""
    assert render_string("{{ x }}", x="<b>") == "<b>"


def test_float_literal():
    """Rendering '{{ 1.5 }}' gives '1.5'."""
    assert render_string("{{ 1.5 }}") == "1.5"


def test_filter_after_dotted_path():
    """Rendering '{{ user.name|upper }}' with user={'name': 'bea'} gives 'BEA'."""
    assert render_string("{{ user.name|upper }}", user={"name": "bea"}) == "BEA"


def test_lone_braces_are_text():
    """Rendering 'set {x} and {' keeps the lone braces: 'set {x} and {'."""
    assert render_string("set {x} and {") == "set {x} and {"


def test_small_cache_still_reuses_template():
    """With cache_size=1, compiling the same source twice gives the same template object."""
    env = Environment(cache_size=1)
    assert env.from_string("{{ y }}") is env.from_string("{{ y }}")


def test_first_item_by_negative_index():
    """Rendering '{{ xs[-3] }}' with xs=[1, 2, 3] gives '1'."""
    assert render_string("{{ xs[-3] }}", xs=[1, 2, 3]) == "1"


def test_newline_escape_in_string_literal():
    """Rendering '{{ "a\\nb" }}' gives 'a', a newline, then 'b'."""
    assert render_string('{{ "a\\nb" }}') == "a\nb"


def test_methods_are_not_exposed():
    """Rendering '[{{ s.upper }}]' with s='ab' gives '[]' because methods are not looked up."""
    assert render_string("[{{ s.upper }}]", s="ab") == "[]"


def test_dangling_dot_is_syntax_error():
    """Compiling '{{ a. }}' raises a template syntax error."""
    import pytest
    from tmpl import TemplateSyntaxError
    with pytest.raises(TemplateSyntaxError):
        render_string("{{ a. }}")
