"""The ledger: a chronological journal of movements with running costs."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .costing import make_costing
from .items import Catalog, Item, UnknownItemError
from .money import ZERO, to_money
from .movements import ADJUST, ISSUE, RECEIVE, Movement, adjustment, in_range, issue, receipt


class LedgerError(ValueError):
    """A movement cannot be recorded."""


@dataclass(frozen=True)
class Entry:
    """A recorded movement with its cost and the stock left afterwards."""

    movement: Movement
    cost: Decimal
    balance: int


class Ledger:
    """Records movements for the items of a catalog and keeps them costed.

    Args:
        catalog: The items that may be moved.
        method: Costing method, ``'fifo'`` or ``'average'``.
    """

    def __init__(self, catalog: Catalog | None = None, method: str = "fifo") -> None:
        self.catalog = catalog if catalog is not None else Catalog()
        self.method = method
        self.entries: list[Entry] = []
        self._costing: dict[str, object] = {}
        make_costing(method)  # fail early on an unknown method

    def _costs(self, sku: str):
        if sku not in self._costing:
            self._costing[sku] = make_costing(self.method)
        return self._costing[sku]

    @property
    def last_date(self) -> str | None:
        return self.entries[-1].movement.date if self.entries else None

    def record(self, movement: Movement) -> Entry:
        """Apply one movement; movements must arrive in date order.

        Receipts add stock at their cost; issues remove stock and record the
        cost of goods issued; a positive adjustment adds units at the current
        average cost, a negative one removes units like an issue.
        """
        if movement.sku not in self.catalog:
            raise LedgerError(f"cannot record a movement of {movement.sku}: {UnknownItemError(movement.sku)}")
        last = self.last_date
        if last is not None and movement.date < last:
            raise LedgerError(f"movement dated {movement.date} is earlier than the last one ({last})")
        costs = self._costs(movement.sku)
        if movement.kind == RECEIVE:
            costs.receive(movement.quantity, movement.unit_cost, movement.date)
            cost = to_money(movement.unit_cost * movement.quantity)
        elif movement.kind == ISSUE or movement.quantity < 0:
            cost = costs.issue(abs(movement.quantity))
        else:
            unit_cost = movement.unit_cost if movement.unit_cost is not None else costs.unit_cost
            costs.receive(movement.quantity, unit_cost, movement.date)
            cost = to_money(unit_cost * movement.quantity)
        entry = Entry(movement, cost, costs.on_hand)
        self.entries.append(entry)
        return entry

    def receive(self, sku: str, quantity: int, unit_cost: object, date: str, ref: str = "") -> Entry:
        return self.record(receipt(sku, quantity, unit_cost, date, ref))

    def issue(self, sku: str, quantity: int, date: str, ref: str = "") -> Entry:
        return self.record(issue(sku, quantity, date, ref))

    def adjust(self, sku: str, quantity: int, date: str, ref: str = "") -> Entry:
        return self.record(adjustment(sku, quantity, date, ref))

    def on_hand(self, sku: str) -> int:
        """Units of ``sku`` currently in stock."""
        key = self.catalog.get(sku).sku
        costs = self._costing.get(key)
        return costs.on_hand if costs is not None else 0

    def value(self, sku: str | None = None) -> Decimal:
        """Stock value of one item, or of all items."""
        if sku is not None:
            costs = self._costing.get(self.catalog.get(sku).sku)
            return costs.value if costs is not None else ZERO
        return to_money(sum((costs.value for costs in self._costing.values()), ZERO))

    def unit_cost(self, sku: str) -> Decimal:
        """Current average cost per unit of ``sku`` on hand."""
        costs = self._costing.get(self.catalog.get(sku).sku)
        return costs.unit_cost if costs is not None else ZERO

    def history(self, sku: str | None = None, start: str | None = None,
                end: str | None = None) -> list[Entry]:
        """Entries for one item (or all), with dates in ``[start, end]``."""
        key = None if sku is None else self.catalog.get(sku).sku
        return [entry for entry in self.entries
                if (key is None or entry.movement.sku == key)
                and in_range(entry.movement.date, start, end)]

    def cost_of_goods(self, start: str | None = None, end: str | None = None,
                      sku: str | None = None) -> Decimal:
        """Cost of units issued (including negative adjustments) in the period."""
        total = ZERO
        for entry in self.history(sku, start, end):
            movement = entry.movement
            if movement.kind == ISSUE or (movement.kind == ADJUST and movement.quantity < 0):
                total += entry.cost
        return to_money(total)

    def quantity_on(self, sku: str, date: str) -> int:
        """Units of ``sku`` in stock at the end of ``date``."""
        return sum(entry.movement.signed_quantity for entry in self.history(sku, end=date))

    def low_stock(self) -> list[Item]:
        """Items at or below their reorder level, by SKU."""
        return [item for item in self.catalog.items() if self.on_hand(item.sku) <= item.reorder_level]
