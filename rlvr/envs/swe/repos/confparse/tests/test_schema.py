import pytest

from confparse import Field, Schema, ValidationError, loads


SCHEMA = Schema(
    {
        "server": {
            "host": Field("str", required=True),
            "port": Field("int", default=80, minimum=1, maximum=65535),
            "mode": Field("str", default="prod", choices=("dev", "prod")),
        }
    }
)


def test_valid_config_has_no_errors():
    """A [server] with host 'a.org' and port 443 has no validation errors."""
    assert SCHEMA.validate(loads("[server]\nhost = a.org\nport = 443\n")) == []


def test_defaults_are_applied():
    """Applying the schema to [server] with only host 'a.org' fills in port 80 and mode 'prod'."""
    result = SCHEMA.apply(loads("[server]\nhost = a.org\n"))
    assert result == {"server": {"host": "a.org", "port": 80, "mode": "prod"}}


def test_required_key_missing():
    """A [server] section without host reports '[server] host: required but missing'."""
    assert SCHEMA.validate(loads("[server]\nport = 1\n")) == ["[server] host: required but missing"]


def test_port_above_maximum():
    """Port 70000 is reported as above the maximum 65535."""
    errors = SCHEMA.validate(loads("[server]\nhost = a\nport = 70000\n"))
    assert errors == ["[server] port: 70000 is above the maximum 65535"]


def test_wrong_choice():
    """Mode 'test' is reported as not one of dev, prod."""
    errors = SCHEMA.validate(loads("[server]\nhost = a\nmode = test\n"))
    assert errors == ["[server] mode: 'test' is not one of dev, prod"]


def test_apply_raises_with_all_errors():
    """Applying the schema to [server] with port 0 and no host raises an error listing 2 problems."""
    with pytest.raises(ValidationError) as info:
        SCHEMA.apply(loads("[server]\nport = 0\n"))
    assert len(info.value.errors) == 2
