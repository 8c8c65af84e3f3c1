import pytest

from confparse import (
    Config,
    ConversionError,
    InterpolationError,
    Interpolator,
    MissingOptionError,
    find_references,
    loads,
)


def test_fallback_used_when_reference_missing():
    """'host = ${db.host:-localhost}' with no [db] host gives 'localhost'."""
    assert loads("[s]\nhost = ${db.host:-localhost}\n").get("s", "host") == "localhost"


def test_fallback_ignored_when_reference_exists():
    """'h = ${db.host:-localhost}' with [db] host = pg gives 'pg'."""
    assert loads("[db]\nhost = pg\n[s]\nh = ${db.host:-localhost}\n").get("s", "h") == "pg"


def test_double_dollar_is_literal():
    """'price = $$5' gives the text '$5' (two dollar signs stand for one)."""
    assert loads("[s]\nprice = $$5\n").get("s", "price") == "$5"


def test_self_reference_is_circular():
    """'a = x${a}' in [s] refers to itself and is reported as circular."""
    with pytest.raises(InterpolationError, match="circular"):
        loads("[s]\na = x${a}\n").get("s", "a")


def test_unclosed_reference_raises():
    """'a = ${b' in [s] is an error because the brace is never closed."""
    with pytest.raises(InterpolationError, match="without closing"):
        loads("[s]\nb = 1\na = ${b\n").get("s", "a")


def test_empty_reference_raises():
    """'a = ${}' in [s] is an error because the reference is empty."""
    with pytest.raises(InterpolationError, match="empty reference"):
        loads("[s]\na = ${}\n").get("s", "a")


def test_chain_deeper_than_limit_raises():
    """A chain k0 -> k1 -> k2 -> k3 with a depth limit of 2 is refused as nested too deeply."""
    values = {"k0": "${k1}", "k1": "${k2}", "k2": "${k3}", "k3": "end"}
    expander = Interpolator(lambda section, key: values.get(key), max_depth=2)
    with pytest.raises(InterpolationError, match="deeper than 2"):
        expander.expand_value("s", "k0")


def test_chain_within_limit_expands():
    """A chain k0 -> k1 -> k2 -> 'end' with a depth limit of 2 expands to 'end'."""
    values = {"k0": "${k1}", "k1": "${k2}", "k2": "end"}
    expander = Interpolator(lambda section, key: values.get(key), max_depth=2)
    assert expander.expand_value("s", "k0") == "end"


def test_find_references_in_order():
    """The text '$${x} ${a.b} and ${c:-d}' references 'a.b' then 'c'."""
    assert find_references("$${x} ${a.b} and ${c:-d}") == ["a.b", "c"]


def test_reference_to_dotted_section():
    """'${http.server.port}' refers to key port of section [http.server], here 81."""
    assert loads("[http.server]\nport = 81\n[s]\np = ${http.server.port}\n").get("s", "p") == 81


def test_own_key_overrides_default():
    """A [DEFAULT] level = 1 is overridden by level = 2 in [s], which reads 2."""
    assert loads("level = 1\n[s]\nlevel = 2\n").get("s", "level") == 2


def test_get_size_and_duration_from_config():
    """'cache = 2kb' reads as 2048 bytes and 'wait = 1.5m' as 90 seconds."""
    cfg = loads("[s]\ncache = 2kb\nwait = 1.5m\n")
    assert (cfg.get_size("s", "cache"), cfg.get_duration("s", "wait")) == (2048, 90.0)


def test_typed_getter_default_when_missing():
    """Reading a missing key as an int with default 7 returns 7."""
    assert Config().get_int("s", "n", 7) == 7


def test_bad_bool_names_key():
    """Reading 'debug = maybe' as a boolean fails with a message naming '[s] debug', the bool type and the accepted words."""
    with pytest.raises(ConversionError) as info:
        loads("[s]\ndebug = maybe\n").get_bool("s", "debug")
    assert str(info.value) == "[s] debug (bool): 'maybe' is not a boolean (use one of true/yes/on/false/no/off)"


def test_get_float_of_text_fails():
    """Reading 'ratio = high' as a float fails because it is not a number."""
    with pytest.raises(ConversionError, match="not a number"):
        loads("[s]\nratio = high\n").get_float("s", "ratio")


def test_remove_option_and_section():
    """Removing key x from [a] and then section [b] leaves only [a] with key y."""
    cfg = loads("[a]\nx = 1\ny = 2\n[b]\nz = 3\n")
    removed = (cfg.remove_option("a", "x"), cfg.remove_section("b"), cfg.remove_section("b"))
    assert (removed, cfg.to_dict()) == ((True, True, False), {"a": {"y": 2}})


def test_remove_default_section_empties_it():
    """Removing the DEFAULT section keeps it but drops its keys, so [s] no longer inherits 'owner'."""
    cfg = loads("owner = ops\n[s]\n")
    assert (cfg.remove_section("DEFAULT"), cfg.has_option("s", "owner"), cfg.has_section("DEFAULT")) == (True, False, True)


def test_keys_of_missing_section_raises():
    """Listing the keys of a section [ghost] that does not exist raises an error naming it."""
    with pytest.raises(MissingOptionError, match=r"\[ghost\]"):
        loads("[s]\n").keys("ghost")


def test_merged_overrides_key_by_key():
    """Merging {a: x=1, y=2} with {a: y=3, b: z=4} gives a: x=1, y=3 and b: z=4."""
    base = Config.from_dict({"a": {"x": 1, "y": 2}})
    override = Config.from_dict({"a": {"y": 3}, "b": {"z": 4}})
    assert base.merged(override).to_dict() == {"a": {"x": 1, "y": 3}, "b": {"z": 4}}
