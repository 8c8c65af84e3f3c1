"""confparse: an INI-like configuration parser.

Typed values, ``${section.key}`` interpolation, a ``DEFAULT`` section,
schema validation and dumping back to text.
"""

from confparse.config import Config, MissingOptionError
from confparse.dump import diff_configs, dumps, dumps_dict
from confparse.interpolate import InterpolationError, Interpolator, find_references
from confparse.parser import DEFAULT_SECTION, ConfigError, ParseError, parse_text
from confparse.schema import Field, Schema, ValidationError
from confparse.values import ConversionError, format_value, parse_duration, parse_size, parse_value


def loads(text: str) -> Config:
    """Parse configuration text into a :class:`Config`."""
    return Config.from_text(text)


__all__ = [
    "DEFAULT_SECTION",
    "Config",
    "ConfigError",
    "ConversionError",
    "Field",
    "InterpolationError",
    "Interpolator",
    "MissingOptionError",
    "ParseError",
    "Schema",
    "ValidationError",
    "diff_configs",
    "dumps",
    "dumps_dict",
    "find_references",
    "format_value",
    "loads",
    "parse_duration",
    "parse_size",
    "parse_text",
    "parse_value",
]
