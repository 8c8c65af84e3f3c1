"""The :class:`Config` object: sections of typed, interpolated values."""

from __future__ import annotations

from confparse.interpolate import Interpolator
from confparse.parser import DEFAULT_SECTION, ConfigError, parse_text
from confparse.values import (
    ConversionError,
    format_value,
    parse_bool,
    parse_duration,
    parse_number,
    parse_size,
    parse_value,
)

_MISSING = object()


class MissingOptionError(ConfigError, KeyError):
    """A section or key that was asked for does not exist."""

    def __str__(self) -> str:
        return str(self.args[0])


class Config:
    """Configuration sections holding raw strings, typed on access.

    Every section inherits the keys of the ``DEFAULT`` section. Values are
    interpolated (``${section.key}``) when read unless ``raw=True``.
    """

    def __init__(self, sections: dict[str, dict[str, str]] | None = None) -> None:
        self._sections: dict[str, dict[str, str]] = {DEFAULT_SECTION: {}}
        for name, values in (sections or {}).items():
            self._sections.setdefault(name, {}).update({k.lower(): v for k, v in values.items()})
        self._interpolator = Interpolator(self.raw)

    @classmethod
    def from_text(cls, text: str, allow_duplicates: bool = False) -> "Config":
        """Parse configuration text."""
        doc = parse_text(text, allow_duplicates=allow_duplicates)
        return cls({name: doc.values(name) for name in doc.sections})

    @classmethod
    def from_dict(cls, data: dict[str, dict]) -> "Config":
        """Build a config from typed Python values (formatted to text)."""
        return cls({name: {k: format_value(v) for k, v in values.items()} for name, values in data.items()})

    def sections(self) -> list[str]:
        """Return the section names in insertion order, without ``DEFAULT``."""
        return [name for name in self._sections if name != DEFAULT_SECTION]

    def has_section(self, section: str) -> bool:
        """Tell whether ``section`` exists (``DEFAULT`` always does)."""
        return section in self._sections

    def keys(self, section: str) -> list[str]:
        """Return the section's own keys, then inherited ``DEFAULT`` keys."""
        if section not in self._sections:
            raise MissingOptionError(f"no section [{section}]")
        own = list(self._sections[section])
        inherited = [k for k in self._sections[DEFAULT_SECTION] if k not in own]
        return own + inherited

    def has_option(self, section: str, key: str) -> bool:
        """Tell whether ``section.key`` has a value, inherited ones included."""
        return self.raw(section, key) is not None

    def raw(self, section: str, key: str) -> str | None:
        """Return the uninterpolated string of ``section.key``, or None."""
        key = key.lower()
        values = self._sections.get(section)
        if values is not None and key in values:
            return values[key]
        return self._sections[DEFAULT_SECTION].get(key)

    def get_text(self, section: str, key: str, raw: bool = False) -> str:
        """Return the string value, interpolated unless ``raw``."""
        text = self.raw(section, key)
        if text is None:
            raise MissingOptionError(f"no key {key!r} in section [{section}]")
        if raw:
            return text
        return self._interpolator.expand_value(section, key.lower())

    def get(self, section: str, key: str, default=_MISSING, raw: bool = False):
        """Return the typed value of ``section.key``, or ``default`` if absent."""
        if not self.has_option(section, key):
            if default is _MISSING:
                raise MissingOptionError(f"no key {key!r} in section [{section}]")
            return default
        return parse_value(self.get_text(section, key, raw=raw))

    def _convert(self, section: str, key: str, default, convert, kind: str):
        if not self.has_option(section, key) and default is not _MISSING:
            return default
        text = self.get_text(section, key)
        try:
            return convert(text)
        except ConversionError as exc:
            raise ConversionError(f"[{section}] {key} ({kind}): {exc}") from None

    def get_int(self, section: str, key: str, default=_MISSING) -> int:
        """Return the value as an int; ``'8.0'`` is refused, not truncated."""

        def convert(text: str) -> int:
            number = parse_number(text)
            if not isinstance(number, int):
                raise ConversionError(f"{text!r} is not an integer")
            return number

        return self._convert(section, key, default, convert, "int")

    def get_float(self, section: str, key: str, default=_MISSING) -> float:
        """Return the value as a float (ints are widened)."""

        def convert(text: str) -> float:
            number = parse_number(text)
            if number is None:
                raise ConversionError(f"{text!r} is not a number")
            return float(number)

        return self._convert(section, key, default, convert, "float")

    def get_bool(self, section: str, key: str, default=_MISSING) -> bool:
        """Return the value as a boolean (true/yes/on, false/no/off)."""
        return self._convert(section, key, default, parse_bool, "bool")

    def get_list(self, section: str, key: str, default=_MISSING) -> list:
        """Return the value as a list; a single value becomes a one-item list."""
        value = self.get(section, key, default)
        if isinstance(value, list):
            return value
        return [] if value == "" else [value]

    def get_size(self, section: str, key: str, default=_MISSING) -> int:
        """Return a byte count written like ``512``, ``10kb`` or ``2mb``."""
        return self._convert(section, key, default, parse_size, "size")

    def get_duration(self, section: str, key: str, default=_MISSING) -> float:
        """Return seconds written like ``30``, ``250ms``, ``5m`` or ``2h``."""
        return self._convert(section, key, default, parse_duration, "duration")

    def set(self, section: str, key: str, value) -> None:
        """Store a typed value (formatted to text), creating the section."""
        self._sections.setdefault(section, {})[key.lower()] = format_value(value)

    def remove_option(self, section: str, key: str) -> bool:
        """Delete one key of a section; return whether it existed there."""
        return self._sections.get(section, {}).pop(key.lower(), None) is not None

    def remove_section(self, section: str) -> bool:
        """Delete a whole section; ``DEFAULT`` is emptied instead."""
        if section == DEFAULT_SECTION:
            existed = bool(self._sections[DEFAULT_SECTION])
            self._sections[DEFAULT_SECTION] = {}
            return existed
        return self._sections.pop(section, None) is not None

    def section(self, section: str, raw: bool = False) -> dict:
        """Return all typed values of a section, inherited ones included."""
        return {key: self.get(section, key, raw=raw) for key in self.keys(section)}

    def to_dict(self, raw: bool = False) -> dict[str, dict]:
        """Return every section (not ``DEFAULT``) as typed values."""
        return {name: self.section(name, raw=raw) for name in self.sections()}

    def raw_sections(self) -> dict[str, dict[str, str]]:
        """Return a copy of the raw strings, ``DEFAULT`` first."""
        return {name: dict(values) for name, values in self._sections.items()}

    def merged(self, other: "Config") -> "Config":
        """Return a new config: this one overridden key by key by ``other``."""
        result = Config(self.raw_sections())
        for name, values in other.raw_sections().items():
            result._sections.setdefault(name, {}).update(values)
        return result

    def dumps(self, **options) -> str:
        """Render the config as text (see :func:`confparse.dump.dumps`)."""
        from confparse.dump import dumps

        return dumps(self, **options)
