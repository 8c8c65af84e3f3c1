import pytest

from tmpl import (Environment, Markup, Template, TemplateRuntimeError, TemplateSyntaxError,
                  UndefinedError, render_string)


def test_loop_first_and_last_flags():
    """Rendering '{% if loop.first %}<{% endif %}{{ x }}{% if loop.last %}>{% endif %}' over [1, 2, 3] gives '<123>'."""
    source = "{% for x in xs %}{% if loop.first %}<{% endif %}{{ x }}{% if loop.last %}>{% endif %}{% endfor %}"
    assert render_string(source, xs=[1, 2, 3]) == "<123>"


def test_loop_revindex_and_length():
    """Rendering '{{ loop.revindex }}/{{ loop.length }} ' over ['a', 'b'] gives '2/2 1/2 '."""
    source = "{% for x in xs %}{{ loop.revindex }}/{{ loop.length }} {% endfor %}"
    assert render_string(source, xs=["a", "b"]) == "2/2 1/2 "


def test_loop_with_condition_filters_items():
    """Rendering '{% for x in xs if x > 2 %}{{ x }}{% endfor %}' with xs=[1, 5, 2, 3] gives '53'."""
    assert render_string("{% for x in xs if x > 2 %}{{ x }}{% endfor %}", xs=[1, 5, 2, 3]) == "53"


def test_loop_over_mapping_gives_keys():
    """Rendering '{% for k in d %}{{ k }}{% endfor %}' with d={'a': 1, 'b': 2} gives 'ab'."""
    assert render_string("{% for k in d %}{{ k }}{% endfor %}", d={"a": 1, "b": 2}) == "ab"


def test_loop_over_missing_renders_else():
    """Rendering a for loop over an undefined name with else 'empty' gives 'empty'."""
    assert render_string("{% for x in nothing %}{{ x }}{% else %}empty{% endfor %}") == "empty"


def test_set_inside_loop_does_not_leak():
    """A variable set inside a loop body is not visible after the loop, so '[{{ y }}]' gives '[]'."""
    source = "{% for x in xs %}{% set y = x %}{% endfor %}[{{ y }}]"
    assert render_string(source, xs=[1, 2]) == "[]"


def test_boolean_and_or_not():
    """Rendering '{{ a and not b }}|{{ b or "fallback" }}' with a=True, b=False gives 'True|fallback'."""
    assert render_string('{{ a and not b }}|{{ b or "fallback" }}', a=True, b=False) == "True|fallback"


def test_in_and_not_in():
    """Rendering '{{ 2 in xs }},{{ 5 not in xs }}' with xs=[1, 2, 3] gives 'True,True'."""
    assert render_string("{{ 2 in xs }},{{ 5 not in xs }}", xs=[1, 2, 3]) == "True,True"


def test_comparison_operators():
    """Rendering '{{ 3 <= 3 }}{{ 3 < 3 }}{{ 4 >= 5 }}{{ 1 != 2 }}' gives 'TrueFalseFalseTrue'."""
    assert render_string("{{ 3 <= 3 }}{{ 3 < 3 }}{{ 4 >= 5 }}{{ 1 != 2 }}") == "TrueFalseFalseTrue"


def test_negation_and_parentheses():
    """Rendering '{{ -(2 + 3) * 2 }}' gives '-10'."""
    assert render_string("{{ -(2 + 3) * 2 }}") == "-10"


def test_true_division():
    """Rendering '{{ 7 / 2 }}' gives '3.5'."""
    assert render_string("{{ 7 / 2 }}") == "3.5"


def test_subscript_with_variable_key():
    """Rendering '{{ prices[item] }}' with prices={'tea': 3} and item='tea' gives '3'."""
    assert render_string("{{ prices[item] }}", prices={"tea": 3}, item="tea") == "3"


def test_list_literal_membership():
    """Rendering '{{ c in ["r", "g"] }}' with c='g' gives 'True'."""
    assert render_string('{{ c in ["r", "g"] }}', c="g") == "True"


def test_attribute_of_object():
    """Rendering '{{ p.x }},{{ p._secret }}' for an object with x=4 and _secret=9 gives '4,' (private attributes hidden)."""
    class Point:
        def __init__(self):
            self.x = 4
            self._secret = 9
    assert render_string("{{ p.x }},{{ p._secret }}", p=Point()) == "4,"


def test_trim_blocks_drops_newline():
    """With trim_blocks on, '{% if 1 %}\\nA\\n{% endif %}\\nB' renders as 'A\\nB'."""
    env = Environment(trim_blocks=True)
    assert env.render("{% if 1 %}\nA\n{% endif %}\nB") == "A\nB"


def test_safe_value_not_escaped():
    """With autoescape on, rendering '{{ x|safe }}{{ y }}' with x='<i>' and y='"' gives '<i>&#34;'."""
    env = Environment(autoescape=True)
    assert env.render("{{ x|safe }}{{ y }}", x="<i>", y='"') == "<i>&#34;"


def test_markup_concatenation_escapes_other():
    """Adding the plain string '<b>' to Markup('<p>') gives Markup('<p>&lt;b&gt;')."""
    assert Markup("<p>") + "<b>" == Markup("<p>&lt;b&gt;")


def test_template_data_and_keywords_merge():
    """Rendering '{{ a }}{{ b }}' with data {'a': 1, 'b': 2} and keyword b=3 gives '13'."""
    assert Template("{{ a }}{{ b }}").render({"a": 1, "b": 2}, b=3) == "13"


def test_from_string_caches_template():
    """Compiling the same source twice with one environment returns the same template object."""
    env = Environment()
    assert env.from_string("{{ x }}") is env.from_string("{{ x }}")


def test_cache_evicts_oldest():
    """With cache_size=1, compiling 'a' then 'b' then 'a' gives a new template for 'a'."""
    env = Environment(cache_size=1)
    first = env.from_string("a")
    env.from_string("b")
    assert env.from_string("a") is not first


def test_custom_filter():
    """A custom filter 'double' makes '{{ 21|double }}' render as '42'."""
    env = Environment(filters={"double": lambda v: v * 2})
    assert env.render("{{ 21|double }}") == "42"


def test_strict_environment_raises_for_missing_path():
    """In a strict environment, rendering '{{ user.age }}' with user={} raises an undefined error naming 'user.age'."""
    env = Environment(strict=True)
    with pytest.raises(UndefinedError, match="user.age"):
        env.render("{{ user.age }}", user={})


def test_unclosed_block_is_syntax_error():
    """Compiling '{% if x %}yes' without endif raises a syntax error mentioning 'endif'."""
    with pytest.raises(TemplateSyntaxError, match="endif"):
        Template("{% if x %}yes")


def test_unclosed_tag_reports_line():
    """Compiling 'a\\n{{ x' raises a syntax error reported on line 2."""
    with pytest.raises(TemplateSyntaxError, match="line 2"):
        Template("a\n{{ x")


def test_division_by_zero_is_runtime_error():
    """Rendering '{{ 1 / n }}' with n=0 raises a rendering error about division by zero."""
    with pytest.raises(TemplateRuntimeError, match="division by zero"):
        render_string("{{ 1 / n }}", n=0)


def test_unknown_filter_is_runtime_error():
    """Rendering '{{ x|shout }}' raises a rendering error naming the unknown filter 'shout'."""
    with pytest.raises(TemplateRuntimeError, match="shout"):
        render_string("{{ x|shout }}", x=1)


def test_cannot_pop_outermost_scope():
    """Closing the outermost scope of a context raises a template error."""
    from tmpl import Context, TemplateError
    ctx = Context({"x": 1})
    with pytest.raises(TemplateError):
        ctx.pop()


def test_negative_list_index():
    """Rendering '{{ xs[-1] }}' with xs=[1, 2, 3] gives '3'."""
    assert render_string("{{ xs[-1] }}", xs=[1, 2, 3]) == "3"


def test_nested_index_path():
    """Rendering '{{ grid.1.0 }}' with grid=[[1, 2], [3, 4]] gives '3'."""
    assert render_string("{{ grid.1.0 }}", grid=[[1, 2], [3, 4]]) == "3"


def test_dash_without_space():
    """Rendering 'a {{-x}}' with x='b' gives 'ab'."""
    assert render_string("a {{-x}}", x="b") == "ab"


def test_dash_before_close_without_space():
    """Rendering '{{x-}} y' with x='a' gives 'ay'."""
    assert render_string("{{x-}} y", x="a") == "ay"


def test_loop_over_none_renders_else():
    """Rendering a for loop over items=None with else 'none' gives 'none'."""
    assert render_string("{% for x in items %}{{ x }}{% else %}none{% endfor %}", items=None) == "none"
