"""Products of units raised to integer powers, such as ``kg*m/s^2``.

A ``CompoundUnit`` keeps its terms in a canonical order (by symbol) so that
equal units compare equal however they were written. Its conversion factor
and dimension are derived from the terms.
"""

from __future__ import annotations

from .dimensions import DIMENSIONLESS, Dimension
from .units import Unit, UnknownUnitError, lookup_unit


class CompoundUnit:
    """A product of units with integer exponents; no terms means dimensionless."""

    def __init__(self, terms: dict[str, int] | None = None) -> None:
        cleaned = {symbol: power for symbol, power in (terms or {}).items() if power != 0}
        self.terms: tuple[tuple[str, int], ...] = tuple(sorted(cleaned.items()))
        self._units = {symbol: lookup_unit(symbol) for symbol, _ in self.terms}

    @classmethod
    def of(cls, symbol: str) -> "CompoundUnit":
        """The compound unit made of the single unit ``symbol``."""
        return cls({symbol: 1})

    @property
    def factor(self) -> float:
        """Multiplier that converts a value in this unit to SI base units."""
        result = 1.0
        for symbol, power in self.terms:
            result *= self._units[symbol].factor ** power
        return result

    @property
    def dimension(self) -> Dimension:
        result = DIMENSIONLESS
        for symbol, power in self.terms:
            result = result * self._units[symbol].dimension ** power
        return result

    @property
    def offset_unit(self) -> Unit | None:
        """The single offset unit (degC, degF) this unit consists of, if any."""
        if len(self.terms) == 1 and self.terms[0][1] == 1:
            unit = self._units[self.terms[0][0]]
            if unit.has_offset:
                return unit
        return None

    def check_no_offset(self, operation: str) -> None:
        """Refuse ``operation`` on offset units other than plain conversion."""
        for symbol, _ in self.terms:
            if self._units[symbol].has_offset:
                raise ValueError(f"cannot {operation} a quantity in {symbol}; convert it to K first")

    def __mul__(self, other: "CompoundUnit") -> "CompoundUnit":
        merged = dict(self.terms)
        for symbol, power in other.terms:
            merged[symbol] = merged.get(symbol, 0) + power
        return CompoundUnit(merged)

    def __truediv__(self, other: "CompoundUnit") -> "CompoundUnit":
        return self * other ** -1

    def __pow__(self, power: int) -> "CompoundUnit":
        return CompoundUnit({symbol: exp * power for symbol, exp in self.terms})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CompoundUnit) and self.terms == other.terms

    def __hash__(self) -> int:
        return hash(self.terms)

    def __repr__(self) -> str:
        return f"CompoundUnit({str(self)!r})"

    def __str__(self) -> str:
        """Positive powers first, joined by '*', then '/'-separated negative ones."""
        top = [_power(symbol, power) for symbol, power in self.terms if power > 0]
        bottom = [_power(symbol, -power) for symbol, power in self.terms if power < 0]
        text = "*".join(top) if top else ("1" if bottom else "")
        for part in bottom:
            text += "/" + part
        return text


def _power(symbol: str, power: int) -> str:
    return symbol if power == 1 else f"{symbol}^{power}"


def parse_unit(text: str) -> CompoundUnit:
    """Parse a unit expression like ``'kg*m/s^2'``, ``'km/h'`` or ``'m^-1'``.

    Each ``/`` applies only to the unit right after it, so ``'J/kg/K'`` is
    J * kg^-1 * K^-1. An empty string is the dimensionless unit.

    Raises:
        UnknownUnitError: A symbol is unknown.
        ValueError: The expression is malformed.
    """
    cleaned = text.replace(" ", "").replace("%", "percent")
    if cleaned in ("", "1"):
        return CompoundUnit()
    terms: dict[str, int] = {}
    sign = 1
    start = 0
    for index in range(len(cleaned) + 1):
        if index < len(cleaned) and cleaned[index] not in "*/":
            continue
        piece = cleaned[start:index]
        if not piece:
            raise ValueError(f"malformed unit expression {text!r}: empty term")
        symbol, power = _parse_term(piece, text)
        if symbol != "1":
            terms[symbol] = terms.get(symbol, 0) + sign * power
        if index < len(cleaned):
            sign = -1 if cleaned[index] == "/" else 1
        start = index + 1
    return CompoundUnit(terms)


def _parse_term(piece: str, text: str) -> tuple[str, int]:
    symbol, _, exponent = piece.partition("^")
    if not exponent:
        return symbol, 1
    try:
        power = int(exponent)
    except ValueError:
        raise ValueError(f"malformed unit expression {text!r}: exponent {exponent!r}") from None
    if symbol == "1":
        raise UnknownUnitError(f"malformed unit expression {text!r}: '1' cannot have a power")
    return symbol, power
