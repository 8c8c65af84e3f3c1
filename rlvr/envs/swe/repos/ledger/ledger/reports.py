"""Reports over a ledger: valuation, movement summaries and text tables."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .ledger import Ledger
from .money import CENT, ZERO, format_money
from .movements import ADJUST, ISSUE, RECEIVE


def format_table(headers: list[str], rows: list[list[object]], numeric: set[int] | None = None,
                 gap: int = 2) -> str:
    """Render rows as a plain-text table.

    Columns are as wide as their widest cell; the columns whose index is in
    ``numeric`` are right-aligned. A dashed rule separates the header.
    """
    numeric = numeric or set()
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [len(header) for header in headers]
    for row in cells:
        if len(row) != len(headers):
            raise ValueError(f"row {row} has {len(row)} cells, expected {len(headers)}")
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))

    def line(values: list[str]) -> str:
        padded = []
        for index, value in enumerate(values):
            if index in numeric:
                padded.append(value.rjust(widths[index]))
            else:
                padded.append(value.ljust(widths[index]))
        return (" " * gap).join(padded).rstrip()

    rule = (" " * gap).join("-" * width for width in widths)
    return "\n".join([line(headers), rule] + [line(row) for row in cells])


def valuation_rows(ledger: Ledger, include_empty: bool = False) -> list[list[object]]:
    """``[sku, name, on hand, unit cost, value]`` per item, by SKU."""
    rows = []
    for item in ledger.catalog.items():
        quantity = ledger.on_hand(item.sku)
        if quantity == 0 and not include_empty:
            continue
        rows.append([item.sku, item.name, quantity, ledger.unit_cost(item.sku), ledger.value(item.sku)])
    return rows


def valuation_report(ledger: Ledger, include_empty: bool = False) -> str:
    """A table of stock value per item with a total line."""
    rows = [[sku, name, quantity, format_money(cost), format_money(value)]
            for sku, name, quantity, cost, value in valuation_rows(ledger, include_empty)]
    rows.append(["TOTAL", "", "", "", format_money(ledger.value())])
    return format_table(["SKU", "Item", "Qty", "Unit cost", "Value"], rows, numeric={2, 3, 4})


def movement_summary(ledger: Ledger, start: str | None = None,
                     end: str | None = None) -> dict[str, dict[str, int]]:
    """Units received, issued and adjusted per SKU in the period."""
    summary: dict[str, dict[str, int]] = {}
    for entry in ledger.history(start=start, end=end):
        movement = entry.movement
        totals = summary.setdefault(movement.sku, {RECEIVE: 0, ISSUE: 0, ADJUST: 0})
        totals[movement.kind] += movement.quantity
    return dict(sorted(summary.items()))


def turnover(ledger: Ledger, sku: str, start: str, end: str) -> Decimal:
    """Units issued in the period divided by the average of opening and closing stock.

    Opening stock is the stock at the end of the day before ``start``
    (everything dated before ``start``). Returns 0.00 when the average stock
    is zero.
    """
    opening = sum(entry.movement.signed_quantity for entry in ledger.history(sku)
                  if entry.movement.date < start)
    closing = ledger.quantity_on(sku, end)
    issued = sum(entry.movement.quantity for entry in ledger.history(sku, start, end)
                 if entry.movement.kind == ISSUE)
    average = Decimal(opening + closing) / 2
    if average == 0:
        return ZERO
    return (Decimal(issued) / average).quantize(CENT, rounding=ROUND_HALF_UP)


def reorder_list(ledger: Ledger, target_multiple: int = 2) -> list[tuple[str, int]]:
    """``(sku, quantity to order)`` for low items, topping up to ``target_multiple`` x reorder level."""
    orders = []
    for item in ledger.low_stock():
        target = item.reorder_level * target_multiple
        needed = target - ledger.on_hand(item.sku)
        if needed > 0:
            orders.append((item.sku, needed))
    return orders
