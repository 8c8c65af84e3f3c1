"""Validation of a :class:`~confparse.config.Config` against a schema.

A schema maps section names to fields::

    Schema({"server": {"port": Field("int", required=True, minimum=1, maximum=65535)}})

``validate`` returns readable error messages; ``apply`` returns the typed
values with defaults filled in, or raises :class:`ValidationError`.
"""

from __future__ import annotations

from dataclasses import dataclass

from confparse.config import Config
from confparse.parser import ConfigError
from confparse.values import ConversionError, parse_bool, parse_duration, parse_number, parse_size, parse_value

TYPES = ("str", "int", "float", "bool", "list", "size", "duration")


class ValidationError(ConfigError):
    """The config does not satisfy the schema; ``errors`` lists every problem."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(f"{len(errors)} validation error(s): " + "; ".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class Field:
    """What one key must look like.

    ``minimum``/``maximum`` bound numbers, and the length of lists and
    strings. ``choices`` restricts the allowed values. ``item_type`` types
    the items of a list.
    """

    type: str = "str"
    required: bool = False
    default: object = None
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple | None = None
    item_type: str | None = None

    def __post_init__(self) -> None:
        for name in (self.type, self.item_type or "str"):
            if name not in TYPES:
                raise ConfigError(f"unknown field type {name!r}; use one of {', '.join(TYPES)}")


def coerce(text: str, type_name: str):
    """Convert raw text to ``type_name`` or raise :class:`ConversionError`."""
    if type_name == "str":
        value = parse_value(text)
        return text if not isinstance(value, str) else value
    if type_name == "bool":
        return parse_bool(text)
    if type_name == "size":
        return parse_size(text)
    if type_name == "duration":
        return parse_duration(text)
    if type_name == "list":
        value = parse_value(text)
        return value if isinstance(value, list) else [value]
    number = parse_number(text)
    if type_name == "int" and isinstance(number, int):
        return number
    if type_name == "float" and number is not None:
        return float(number)
    raise ConversionError(f"{text!r} is not of type {type_name}")


def check_bounds(value, field: Field) -> str | None:
    """Return why ``value`` breaks the field's bounds or choices, or None."""
    if field.choices is not None and value not in field.choices:
        allowed = ", ".join(str(choice) for choice in field.choices)
        return f"{value!r} is not one of {allowed}"
    measured = len(value) if isinstance(value, (list, str)) else value
    what = "length " if isinstance(value, (list, str)) else ""
    if field.minimum is not None and measured < field.minimum:
        return f"{what}{measured} is below the minimum {field.minimum}"
    if field.maximum is not None and measured > field.maximum:
        return f"{what}{measured} is above the maximum {field.maximum}"
    return None


class Schema:
    """Sections of :class:`Field` definitions."""

    def __init__(self, sections: dict[str, dict[str, Field]], allow_unknown: bool = False) -> None:
        self.sections = sections
        self.allow_unknown = allow_unknown

    def _check_field(self, config: Config, section: str, key: str, field: Field, errors: list[str]):
        if not config.has_option(section, key):
            if field.required:
                errors.append(f"[{section}] {key}: required but missing")
            return field.default
        try:
            value = coerce(config.get_text(section, key), field.type)
            if field.type == "list" and field.item_type is not None:
                value = [coerce(str(item), field.item_type) for item in value]
        except ConfigError as exc:
            errors.append(f"[{section}] {key}: {exc}")
            return None
        problem = check_bounds(value, field)
        if problem is not None:
            errors.append(f"[{section}] {key}: {problem}")
        return value

    def _check(self, config: Config) -> tuple[dict[str, dict], list[str]]:
        errors: list[str] = []
        result: dict[str, dict] = {}
        for section, fields in self.sections.items():
            values = {}
            for key, field in fields.items():
                values[key] = self._check_field(config, section, key, field, errors)
            result[section] = values
        if not self.allow_unknown:
            for section in config.sections():
                if section not in self.sections:
                    errors.append(f"[{section}]: unknown section")
                    continue
                for key in config.keys(section):
                    known = key in self.sections[section]
                    if not known and config.raw_sections()[section].get(key) is not None:
                        errors.append(f"[{section}] {key}: unknown key")
        return result, errors

    def validate(self, config: Config) -> list[str]:
        """Return every validation problem as a message (empty when valid)."""
        return self._check(config)[1]

    def is_valid(self, config: Config) -> bool:
        """Tell whether the config satisfies the schema."""
        return not self.validate(config)

    def apply(self, config: Config) -> dict[str, dict]:
        """Return typed values with defaults filled in; raise if invalid."""
        result, errors = self._check(config)
        if errors:
            raise ValidationError(errors)
        return result
