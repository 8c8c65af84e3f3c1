import pytest

from tmpl import Context, Undefined, UndefinedError


def test_lookup_inner_scope_wins():
    """A name bound as 2 in an inner scope hides the outer value 1."""
    ctx = Context({"x": 1})
    ctx.push({"x": 2})
    assert ctx.lookup("x") == 2


def test_pop_restores_outer_scope():
    """After closing the inner scope, the name x is 1 again."""
    ctx = Context({"x": 1})
    ctx.push({"x": 2})
    ctx.pop()
    assert ctx.lookup("x") == 1


def test_resolve_nested_path():
    """Resolving 'order.lines.0.sku' on a nested order gives 'A-1'."""
    ctx = Context({"order": {"lines": [{"sku": "A-1"}]}})
    assert ctx.resolve("order.lines.0.sku") == "A-1"


def test_resolve_missing_is_undefined():
    """Resolving 'user.email' where user has no email gives an undefined value."""
    ctx = Context({"user": {"name": "x"}})
    assert isinstance(ctx.resolve("user.email"), Undefined)


def test_strict_missing_raises():
    """In strict mode, looking up the missing name 'ghost' raises an undefined error."""
    with pytest.raises(UndefinedError):
        Context({}, strict=True).lookup("ghost")


def test_get_returns_default_for_missing():
    """Getting the missing name 'y' with default 0 returns 0."""
    assert Context({"x": 1}).get("y", 0) == 0


def test_undefined_is_empty_and_falsy():
    """An undefined value prints as '', has length 0 and is false."""
    value = Undefined("x")
    assert (str(value), len(value), bool(value), list(value)) == ("", 0, False, [])


def test_resolve_plain_name():
    """Resolving the plain name 'x' in a context with x=5 gives 5."""
    assert Context({"x": 5}).resolve("x") == 5
