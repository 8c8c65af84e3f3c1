"""The unit table and symbol lookup, including SI prefixes.

Every unit stores how to reach the SI base unit of its dimension:
``si = value * factor + offset``. Only temperature scales (degC, degF) have
an offset.
"""

from __future__ import annotations

from dataclasses import dataclass

from .dimensions import (AMOUNT, CURRENT, DIMENSIONLESS, LENGTH, MASS, TEMPERATURE, TIME,
                         Dimension)


class UnknownUnitError(ValueError):
    """A unit symbol is not in the table."""


@dataclass(frozen=True)
class Unit:
    """A named unit: ``si_value = value * factor + offset``."""

    symbol: str
    name: str
    factor: float
    dimension: Dimension
    offset: float = 0.0

    @property
    def has_offset(self) -> bool:
        return self.offset != 0.0

    def to_si(self, value: float) -> float:
        return value * self.factor + self.offset

    def from_si(self, value: float) -> float:
        return (value - self.offset) / self.factor


FORCE = MASS * LENGTH / TIME ** 2
ENERGY = FORCE * LENGTH
POWER = ENERGY / TIME
PRESSURE = FORCE / LENGTH ** 2

_TABLE = [
    Unit("m", "metre", 1.0, LENGTH),
    Unit("in", "inch", 0.0254, LENGTH),
    Unit("ft", "foot", 0.3048, LENGTH),
    Unit("yd", "yard", 0.9144, LENGTH),
    Unit("mi", "mile", 1609.344, LENGTH),
    Unit("g", "gram", 0.001, MASS),
    Unit("t", "tonne", 1000.0, MASS),
    Unit("lb", "pound", 0.45359237, MASS),
    Unit("oz", "ounce", 0.028349523125, MASS),
    Unit("s", "second", 1.0, TIME),
    Unit("min", "minute", 60.0, TIME),
    Unit("h", "hour", 3600.0, TIME),
    Unit("day", "day", 86400.0, TIME),
    Unit("A", "ampere", 1.0, CURRENT),
    Unit("K", "kelvin", 1.0, TEMPERATURE),
    Unit("degC", "degree Celsius", 1.0, TEMPERATURE, 273.15),
    Unit("degF", "degree Fahrenheit", 5.0 / 9.0, TEMPERATURE, 459.67 * 5.0 / 9.0),
    Unit("mol", "mole", 1.0, AMOUNT),
    Unit("N", "newton", 1.0, FORCE),
    Unit("J", "joule", 1.0, ENERGY),
    Unit("cal", "calorie", 4.184, ENERGY),
    Unit("Wh", "watt hour", 3600.0, ENERGY),
    Unit("W", "watt", 1.0, POWER),
    Unit("Pa", "pascal", 1.0, PRESSURE),
    Unit("bar", "bar", 100000.0, PRESSURE),
    Unit("L", "litre", 0.001, LENGTH ** 3),
    Unit("Hz", "hertz", 1.0, DIMENSIONLESS / TIME),
    Unit("percent", "percent", 0.01, DIMENSIONLESS),
]

UNITS: dict[str, Unit] = {unit.symbol: unit for unit in _TABLE}

PREFIXES = {
    "G": 1e9,
    "M": 1e6,
    "k": 1e3,
    "c": 1e-2,
    "m": 1e-3,
    "u": 1e-6,
    "n": 1e-9,
}

# Units that accept an SI prefix ("km", "mg", "ms", "kWh" ...).
PREFIXABLE = frozenset({"m", "g", "s", "A", "mol", "N", "J", "W", "Wh", "Pa", "L", "Hz", "cal"})


def lookup_unit(symbol: str) -> Unit:
    """Return the unit for ``symbol``, resolving an SI prefix if needed.

    Exact symbols win over prefixed readings, so ``"min"`` is a minute and
    ``"mi"`` a mile, while ``"mm"`` is a millimetre.

    Raises:
        UnknownUnitError: The symbol is neither in the table nor a prefixed
            form of a prefixable unit.
    """
    unit = UNITS.get(symbol)
    if unit is not None:
        return unit
    if len(symbol) > 1 and symbol[0] in PREFIXES and symbol[1:] in PREFIXABLE:
        base = UNITS[symbol[1:]]
        scale = PREFIXES[symbol[0]]
        return Unit(symbol, _prefix_name(symbol[0]) + base.name, base.factor * scale, base.dimension)
    raise UnknownUnitError(f"unknown unit {symbol!r}")


def _prefix_name(prefix: str) -> str:
    names = {"G": "giga", "M": "mega", "k": "kilo", "c": "centi", "m": "milli", "u": "micro",
             "n": "nano"}
    return names[prefix]


def units_for(dimension: Dimension) -> list[str]:
    """Symbols of the table's units of ``dimension``, smallest factor first."""
    found = [unit for unit in _TABLE if unit.dimension == dimension]
    found.sort(key=lambda unit: (unit.factor, unit.symbol))
    return [unit.symbol for unit in found]


def is_known(symbol: str) -> bool:
    """Whether ``symbol`` names a unit (with or without prefix)."""
    try:
        lookup_unit(symbol)
    except UnknownUnitError:
        return False
    return True
