"""Physical dimensions as vectors of exponents over the base dimensions.

``Dimension(1, 0, -2)`` is length / time^2 (acceleration). Multiplying two
dimensions adds their exponents; dividing subtracts them.
"""

from __future__ import annotations

from dataclasses import dataclass

BASE_NAMES = ("length", "mass", "time", "current", "temperature", "amount")


class DimensionError(ValueError):
    """An operation combined quantities of incompatible dimensions."""


@dataclass(frozen=True)
class Dimension:
    """Exponents of length, mass, time, current, temperature and amount."""

    length: int = 0
    mass: int = 0
    time: int = 0
    current: int = 0
    temperature: int = 0
    amount: int = 0

    @property
    def exponents(self) -> tuple[int, ...]:
        return (self.length, self.mass, self.time, self.current, self.temperature, self.amount)

    @classmethod
    def from_exponents(cls, exponents) -> "Dimension":
        values = tuple(exponents)
        if len(values) != len(BASE_NAMES):
            raise ValueError(f"a dimension needs {len(BASE_NAMES)} exponents, got {len(values)}")
        return cls(*values)

    def __mul__(self, other: "Dimension") -> "Dimension":
        return Dimension.from_exponents(a + b for a, b in zip(self.exponents, other.exponents))

    def __truediv__(self, other: "Dimension") -> "Dimension":
        return Dimension.from_exponents(a - b for a, b in zip(self.exponents, other.exponents))

    def __pow__(self, power: int) -> "Dimension":
        return Dimension.from_exponents(a * power for a in self.exponents)

    def root(self, degree: int = 2) -> "Dimension":
        """The dimension whose ``degree``-th power is this one."""
        if any(a % degree for a in self.exponents):
            raise DimensionError(f"cannot take root {degree} of {self.name}")
        return Dimension.from_exponents(a // degree for a in self.exponents)

    @property
    def is_dimensionless(self) -> bool:
        return all(a == 0 for a in self.exponents)

    @property
    def name(self) -> str:
        """A readable name: a known quantity kind, or a formula of base names."""
        known = NAMED_DIMENSIONS.get(self)
        if known is not None:
            return known
        numerator = []
        denominator = []
        for base, exponent in zip(BASE_NAMES, self.exponents):
            if exponent == 0:
                continue
            part = base if abs(exponent) == 1 else f"{base}^{abs(exponent)}"
            (numerator if exponent > 0 else denominator).append(part)
        top = "*".join(numerator) if numerator else "1"
        return top + "".join(f"/{part}" for part in denominator)

    def __str__(self) -> str:
        return self.name


DIMENSIONLESS = Dimension()
LENGTH = Dimension(length=1)
MASS = Dimension(mass=1)
TIME = Dimension(time=1)
CURRENT = Dimension(current=1)
TEMPERATURE = Dimension(temperature=1)
AMOUNT = Dimension(amount=1)

NAMED_DIMENSIONS = {
    DIMENSIONLESS: "dimensionless",
    LENGTH: "length",
    MASS: "mass",
    TIME: "time",
    CURRENT: "current",
    TEMPERATURE: "temperature",
    AMOUNT: "amount",
    LENGTH ** 2: "area",
    LENGTH ** 3: "volume",
    LENGTH / TIME: "velocity",
    LENGTH / TIME ** 2: "acceleration",
    MASS * LENGTH / TIME ** 2: "force",
    MASS * LENGTH ** 2 / TIME ** 2: "energy",
    MASS * LENGTH ** 2 / TIME ** 3: "power",
    MASS / LENGTH / TIME ** 2: "pressure",
    DIMENSIONLESS / TIME: "frequency",
}


def require_same(left: Dimension, right: Dimension, operation: str) -> None:
    """Raise ``DimensionError`` unless both dimensions are equal."""
    if left != right:
        raise DimensionError(f"cannot {operation} {left.name} and {right.name}")
