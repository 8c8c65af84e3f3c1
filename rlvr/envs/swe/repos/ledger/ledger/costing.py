"""Costing methods: first-in first-out lots and weighted average cost.

Both methods share one interface: ``receive`` adds units at a cost,
``issue`` removes units and returns the cost of goods issued, and
``on_hand`` / ``value`` describe what is left.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .money import CENT, ZERO, to_money


class InsufficientStockError(ValueError):
    """More units were issued than are on hand."""


@dataclass
class Lot:
    """Units received together at one unit cost."""

    quantity: int
    unit_cost: Decimal
    date: str


class FifoCost:
    """First in, first out: issues consume the oldest lots first."""

    name = "fifo"

    def __init__(self) -> None:
        self.lots: list[Lot] = []

    @property
    def on_hand(self) -> int:
        return sum(lot.quantity for lot in self.lots)

    @property
    def value(self) -> Decimal:
        return to_money(sum((lot.unit_cost * lot.quantity for lot in self.lots), ZERO))

    @property
    def unit_cost(self) -> Decimal:
        """Average cost of the units on hand (0.00 when empty)."""
        quantity = self.on_hand
        if quantity == 0:
            return ZERO
        return (self.value / quantity).quantize(CENT, rounding=ROUND_HALF_UP)

    def receive(self, quantity: int, unit_cost: Decimal, date: str) -> None:
        """Add a lot; a receipt at the same cost and date as the newest lot merges into it."""
        cost = to_money(unit_cost)
        if self.lots and self.lots[-1].unit_cost == cost and self.lots[-1].date == date:
            self.lots[-1].quantity += quantity
            return
        self.lots.append(Lot(quantity, cost, date))

    def issue(self, quantity: int) -> Decimal:
        """Remove ``quantity`` units, oldest first, and return their cost."""
        available = self.on_hand
        if quantity > available:
            raise InsufficientStockError(f"cannot issue {quantity}: only {available} on hand")
        remaining = quantity
        cost = ZERO
        while remaining > 0:
            lot = self.lots[0]
            taken = min(lot.quantity, remaining)
            cost += lot.unit_cost * taken
            lot.quantity -= taken
            remaining -= taken
            if lot.quantity == 0:
                self.lots.pop(0)
        return to_money(cost)


class AverageCost:
    """Weighted average: every unit on hand carries the same cost."""

    name = "average"

    def __init__(self) -> None:
        self.on_hand = 0
        self.total = ZERO

    @property
    def value(self) -> Decimal:
        return to_money(self.total)

    @property
    def unit_cost(self) -> Decimal:
        if self.on_hand == 0:
            return ZERO
        return (self.total / self.on_hand).quantize(CENT, rounding=ROUND_HALF_UP)

    def receive(self, quantity: int, unit_cost: Decimal, date: str) -> None:
        self.on_hand += quantity
        self.total += to_money(unit_cost) * quantity

    def issue(self, quantity: int) -> Decimal:
        """Remove ``quantity`` units at the current average cost."""
        if quantity > self.on_hand:
            raise InsufficientStockError(f"cannot issue {quantity}: only {self.on_hand} on hand")
        cost = to_money(self.total * quantity / self.on_hand)
        self.on_hand -= quantity
        self.total -= cost
        return cost


METHODS = {"fifo": FifoCost, "average": AverageCost}


def make_costing(method: str = "fifo"):
    """A fresh costing object for ``method`` ('fifo' or 'average')."""
    try:
        return METHODS[method]()
    except KeyError:
        raise ValueError(f"costing method must be one of {sorted(METHODS)}, got {method!r}") from None
