import pytest

from confparse import Config, ConversionError, InterpolationError, MissingOptionError, loads


TEXT = """
owner = ops
[server]
host = example.org
port = 8080
url = http://${host}:${port}/
[db]
url = ${server.url}db
"""


def test_interpolation_same_section():
    """'url = http://${host}:${port}/' with host example.org and port 8080 gives 'http://example.org:8080/'."""
    assert loads(TEXT).get("server", "url") == "http://example.org:8080/"


def test_interpolation_other_section():
    """'url = ${server.url}db' in [db] expands the server url to 'http://example.org:8080/db'."""
    assert loads(TEXT).get("db", "url") == "http://example.org:8080/db"


def test_raw_value_is_not_interpolated():
    """Reading [db] url raw gives the unexpanded text '${server.url}db'."""
    assert loads(TEXT).get_text("db", "url", raw=True) == "${server.url}db"


def test_default_section_is_inherited():
    """A key 'owner = ops' before any section is visible in [db] as 'ops'."""
    assert loads(TEXT).get("db", "owner") == "ops"


def test_keys_list_inherited_last():
    """The keys of [db] are its own key 'url' followed by the inherited 'owner'."""
    assert loads(TEXT).keys("db") == ["url", "owner"]


def test_missing_key_with_default():
    """Reading a missing key 'retries' with default 3 returns 3."""
    assert loads(TEXT).get("server", "retries", 3) == 3


def test_missing_key_without_default_raises():
    """Reading a missing key 'retries' in [server] without a default raises an error naming the key."""
    with pytest.raises(MissingOptionError, match="retries"):
        loads(TEXT).get("server", "retries")


def test_unknown_reference_raises():
    """'a = ${nowhere}' in [s] cannot be expanded and raises an error naming ${nowhere}."""
    with pytest.raises(InterpolationError, match=r"\$\{nowhere\}"):
        loads("[s]\na = ${nowhere}\n").get("s", "a")


def test_circular_reference_raises():
    """'a = ${b}' and 'b = ${a}' in [s] is a circular reference error."""
    with pytest.raises(InterpolationError, match="circular"):
        loads("[s]\na = ${b}\nb = ${a}\n").get("s", "a")


def test_get_int_rejects_float_text():
    """Reading '8.5' as an integer is an error instead of a truncated 8."""
    with pytest.raises(ConversionError, match="not an integer"):
        loads("[s]\nn = 8.5\n").get_int("s", "n")


def test_get_float_widens_int():
    """Reading '3' as a float gives 3.0."""
    assert loads("[s]\nn = 3\n").get_float("s", "n") == 3.0


def test_get_bool():
    """Reading 'debug = off' as a boolean gives False."""
    assert loads("[s]\ndebug = off\n").get_bool("s", "debug") is False


def test_get_list_of_single_value():
    """Reading the single value 'web' as a list gives ['web']."""
    assert loads("[s]\nroles = web\n").get_list("s", "roles") == ["web"]


def test_set_then_get():
    """Setting [cache] ttl to 30 on an empty config and reading it back gives 30."""
    cfg = Config()
    cfg.set("cache", "ttl", 30)
    assert (cfg.sections(), cfg.get("cache", "ttl")) == (["cache"], 30)


def test_dump_round_trip():
    """Dumping a config with [a] x = 1 and y = [1, 2] and reading it back gives the same values."""
    cfg = Config.from_dict({"a": {"x": 1, "y": [1, 2]}})
    assert loads(cfg.dumps()).to_dict() == {"a": {"x": 1, "y": [1, 2]}}
