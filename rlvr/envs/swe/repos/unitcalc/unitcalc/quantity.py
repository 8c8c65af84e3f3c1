"""Quantities: a number with a unit, with unit-aware arithmetic.

Adding or subtracting converts the right operand to the left operand's unit
and requires equal dimensions. Multiplying and dividing combine the units.
Comparisons convert to SI first, with a small relative tolerance for
equality so that ``1 km == 1000 m`` despite floating-point rounding.
"""

from __future__ import annotations

import math

from .compound import CompoundUnit, parse_unit
from .dimensions import Dimension, DimensionError, require_same

REL_TOLERANCE = 1e-9


def _as_unit(unit: CompoundUnit | str) -> CompoundUnit:
    return unit if isinstance(unit, CompoundUnit) else parse_unit(unit)


class Quantity:
    """A value in a unit, e.g. ``Quantity(3, "km")``."""

    def __init__(self, value: float, unit: CompoundUnit | str = "") -> None:
        self.value = value
        self.unit = _as_unit(unit)

    @property
    def dimension(self) -> Dimension:
        return self.unit.dimension

    def to_si(self) -> float:
        """The value expressed in SI base units (kelvin for temperatures)."""
        offset_unit = self.unit.offset_unit
        if offset_unit is not None:
            return offset_unit.to_si(self.value)
        return self.value * self.unit.factor

    def to(self, unit: CompoundUnit | str) -> "Quantity":
        """Convert to ``unit``; the dimensions must match."""
        target = _as_unit(unit)
        require_same(self.dimension, target.dimension, "convert between")
        si_value = self.to_si()
        offset_unit = target.offset_unit
        if offset_unit is not None:
            return Quantity(offset_unit.from_si(si_value), target)
        return Quantity(si_value / target.factor, target)

    def _coerce(self, other: object) -> "Quantity":
        if isinstance(other, Quantity):
            return other
        if isinstance(other, (int, float)):
            return Quantity(other)
        raise TypeError(f"cannot combine a quantity with {type(other).__name__}")

    def __add__(self, other: object) -> "Quantity":
        other = self._coerce(other)
        require_same(self.dimension, other.dimension, "add")
        return Quantity(self.value + other.to(self.unit).value, self.unit)

    def __sub__(self, other: object) -> "Quantity":
        other = self._coerce(other)
        require_same(self.dimension, other.dimension, "subtract")
        return Quantity(self.value - other.to(self.unit).value, self.unit)

    def __radd__(self, other: object) -> "Quantity":
        return self._coerce(other) + self

    def __rsub__(self, other: object) -> "Quantity":
        return self._coerce(other) - self

    def __mul__(self, other: object) -> "Quantity":
        other = self._coerce(other)
        self.unit.check_no_offset("multiply")
        other.unit.check_no_offset("multiply")
        return Quantity(self.value * other.value, self.unit * other.unit)

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> "Quantity":
        other = self._coerce(other)
        if other.value == 0:
            raise ZeroDivisionError("division of a quantity by zero")
        self.unit.check_no_offset("divide")
        other.unit.check_no_offset("divide")
        return Quantity(self.value / other.value, self.unit / other.unit)

    def __rtruediv__(self, other: object) -> "Quantity":
        return self._coerce(other) / self

    def __pow__(self, power: int) -> "Quantity":
        if not isinstance(power, int) or isinstance(power, bool):
            raise TypeError(f"quantities can only be raised to integer powers, not {power!r}")
        self.unit.check_no_offset("raise to a power")
        return Quantity(self.value ** power, self.unit ** power)

    def __neg__(self) -> "Quantity":
        return Quantity(-self.value, self.unit)

    def __abs__(self) -> "Quantity":
        return Quantity(abs(self.value), self.unit)

    def sqrt(self) -> "Quantity":
        """Square root; every unit exponent must be even."""
        if self.value < 0:
            raise ValueError(f"cannot take the square root of a negative quantity ({self.value})")
        terms = {}
        for symbol, power in self.unit.terms:
            if power % 2 != 0:
                raise DimensionError(f"cannot take the square root of a quantity in {self.unit}")
            terms[symbol] = power // 2
        return Quantity(math.sqrt(self.value), CompoundUnit(terms))

    def simplify(self) -> "Quantity":
        """Express the quantity in SI base units when its dimension allows it."""
        return Quantity(self.to_si(), CompoundUnit(_si_terms(self.dimension)))

    def _compare_value(self, other: object) -> tuple[float, float]:
        other = self._coerce(other)
        require_same(self.dimension, other.dimension, "compare")
        return self.to_si(), other.to_si()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, (Quantity, int, float)):
            return NotImplemented
        try:
            left, right = self._compare_value(other)
        except DimensionError:
            return False
        return math.isclose(left, right, rel_tol=REL_TOLERANCE, abs_tol=1e-12)

    def __lt__(self, other: object) -> bool:
        left, right = self._compare_value(other)
        return left < right and not self == other

    def __le__(self, other: object) -> bool:
        left, right = self._compare_value(other)
        return left <= right or self == other

    def __gt__(self, other: object) -> bool:
        left, right = self._compare_value(other)
        return left > right and not self == other

    def __ge__(self, other: object) -> bool:
        left, right = self._compare_value(other)
        return left >= right or self == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Quantity({self.value!r}, {str(self.unit)!r})"


SI_SYMBOLS = ("m", "kg", "s", "A", "K", "mol")


def _si_terms(dimension: Dimension) -> dict[str, int]:
    return {symbol: power for symbol, power in zip(SI_SYMBOLS, dimension.exponents) if power}
