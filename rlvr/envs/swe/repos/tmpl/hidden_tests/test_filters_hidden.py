from tmpl import render_string


def test_default_boolean_mode():
    """Rendering '{{ s|default("none", true) }}' with s='' gives 'none'."""
    assert render_string('{{ s|default("none", true) }}', s="") == "none"


def test_sort_by_attribute_reversed():
    """Sorting people [{'n': 'a', 'age': 30}, {'n': 'b', 'age': 40}] by age descending and joining names gives 'ba'."""
    people = [{"n": "a", "age": 30}, {"n": "b", "age": 40}]
    assert render_string('{{ ps|sort(true, "age")|join("", "n") }}', ps=people) == "ba"


def test_truncate_custom_end():
    """Rendering '{{ s|truncate(6, "~") }}' with s='hello world' gives 'hello~'."""
    assert render_string('{{ s|truncate(6, "~") }}', s="hello world") == "hello~"


def test_round_half_up():
    """Rendering '{{ x|round }}' with x=2.5 gives '3.0'."""
    assert render_string("{{ x|round }}", x=2.5) == "3.0"


def test_round_floor_and_ceil():
    """Rendering '{{ x|round(0, "floor") }} {{ x|round(0, "ceil") }}' with x=2.4 gives '2.0 3.0'."""
    assert render_string('{{ x|round(0, "floor") }} {{ x|round(0, "ceil") }}', x=2.4) == "2.0 3.0"


def test_round_negative_number():
    """Rendering '{{ x|round(1) }}' with x=-1.26 gives '-1.3'."""
    assert render_string("{{ x|round(1) }}", x=-1.26) == "-1.3"


def test_truncate_shorter_than_end_marker():
    """Rendering '{{ s|truncate(2) }}' with s='abcdef' gives just '...'."""
    assert render_string("{{ s|truncate(2) }}", s="abcdef") == "..."
