"""Turning quantities into text and choosing readable units."""

from __future__ import annotations

import math

from .compound import CompoundUnit
from .quantity import Quantity
from .units import PREFIXABLE, PREFIXES, UNITS, lookup_unit, units_for

SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
SCIENTIFIC_ABOVE = 1e9
SCIENTIFIC_BELOW = 1e-4


def _strip_zeros(text: str) -> str:
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_number(value: float, digits: int = 6) -> str:
    """Format ``value`` with at most ``digits`` significant digits.

    Trailing zeros are dropped; magnitudes of 1e9 and above or below 1e-4
    use scientific notation (``'1.5e9'``, ``'2.5e-5'``).
    """
    if digits < 1:
        raise ValueError(f"digits must be at least 1, got {digits}")
    if value == 0:
        return "0"
    magnitude = abs(value)
    if magnitude >= SCIENTIFIC_ABOVE or magnitude < SCIENTIFIC_BELOW:
        mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
        return f"{_strip_zeros(mantissa)}e{int(exponent)}"
    exponent = math.floor(math.log10(magnitude))
    decimals = digits - 1 - exponent
    rounded = round(value, decimals)
    return _strip_zeros(f"{rounded:.{max(decimals, 0)}f}")


def format_unit(unit: CompoundUnit, pretty: bool = False) -> str:
    """Unit text; ``pretty`` uses a middle dot and superscript powers."""
    text = str(unit)
    if not pretty:
        return text
    parts = []
    for chunk in text.replace("*", " * ").replace("/", " / ").split(" "):
        symbol, caret, power = chunk.partition("^")
        parts.append(symbol + power.translate(SUPERSCRIPTS) if caret else chunk)
    return "".join(parts).replace("*", "·")


def format_quantity(quantity: Quantity, digits: int = 6, pretty: bool = False) -> str:
    """``'<number> <unit>'``, or just the number for a dimensionless unit."""
    number = format_number(quantity.value, digits)
    unit = format_unit(quantity.unit, pretty)
    return f"{number} {unit}" if unit else number


def _base_symbol(symbol: str) -> str:
    """The unprefixed symbol of a table unit (``'km'`` -> ``'m'``)."""
    if symbol in UNITS:
        return symbol
    return symbol[1:]


def auto_prefix(quantity: Quantity) -> Quantity:
    """Re-express a single prefixable unit so that 1 <= |value| < 1000.

    ``1500 m`` becomes ``1.5 km`` and ``0.002 g`` becomes ``2 mg``. Compound
    units and units without prefixes are returned unchanged.
    """
    terms = quantity.unit.terms
    if len(terms) != 1 or terms[0][1] != 1:
        return quantity
    base = _base_symbol(terms[0][0])
    if base not in PREFIXABLE or quantity.value == 0:
        return quantity
    magnitude = abs(quantity.to(base).value)
    steps = sorted([(scale, prefix) for prefix, scale in PREFIXES.items() if prefix != "c"]
                   + [(1.0, "")], reverse=True)
    for scale, prefix in steps:
        if magnitude >= scale:
            return quantity.to(prefix + base)
    return quantity.to(steps[-1][1] + base)


def humanize(quantity: Quantity) -> Quantity:
    """Convert to the largest table unit of the same dimension giving |value| >= 1.

    ``5400 s`` becomes ``1.5 h``. Offset units and dimensions without table
    units are returned unchanged.
    """
    if quantity.unit.offset_unit is not None:
        return quantity
    candidates = [symbol for symbol in units_for(quantity.dimension)
                  if not lookup_unit(symbol).has_offset and symbol != "percent"]
    if not candidates:
        return quantity
    best = candidates[0]
    si_value = abs(quantity.to_si())
    for symbol in candidates:
        if si_value >= lookup_unit(symbol).factor:
            best = symbol
    return quantity.to(best)
