from decimal import Decimal

import pytest

from ledger import (Catalog, InsufficientStockError, Item, Ledger, LedgerError, FifoCost,
                    AverageCost)


def make_ledger(method="fifo"):
    catalog = Catalog([Item("BOLT", "Bolt", reorder_level=5), Item("NUT", "Nut", reorder_level=20)])
    book = Ledger(catalog, method)
    book.receive("BOLT", 10, "0.50", "2024-01-02")
    book.receive("BOLT", 10, "0.80", "2024-01-05")
    return book


def test_on_hand_after_receipts():
    """After receiving 10 and 10 bolts, 20 are on hand."""
    assert make_ledger().on_hand("BOLT") == 20


def test_fifo_issue_cost_uses_oldest_first():
    """Issuing 15 bolts (10 at 0.50, then 5 at 0.80) costs 9.00 under FIFO."""
    assert make_ledger().issue("BOLT", 15, "2024-01-06").cost == Decimal("9.00")


def test_fifo_value_after_issue():
    """After issuing 15 of the 20 bolts, the remaining 5 at 0.80 are worth 4.00."""
    book = make_ledger()
    book.issue("BOLT", 15, "2024-01-06")
    assert book.value("BOLT") == Decimal("4.00")


def test_average_issue_cost():
    """Issuing 15 bolts at the average cost of 0.65 costs 9.75 under the average method."""
    assert make_ledger("average").issue("BOLT", 15, "2024-01-06").cost == Decimal("9.75")


def test_issue_more_than_on_hand_fails():
    """Issuing 21 bolts when 20 are on hand raises an insufficient-stock error."""
    with pytest.raises(InsufficientStockError):
        make_ledger().issue("BOLT", 21, "2024-01-06")


def test_out_of_order_movement_rejected():
    """Recording a movement dated 2024-01-01 after one dated 2024-01-05 is rejected."""
    with pytest.raises(LedgerError):
        make_ledger().issue("BOLT", 1, "2024-01-01")


def test_unknown_item_rejected():
    """Receiving the SKU 'WASHER' that is not in the catalog is rejected."""
    with pytest.raises(LedgerError):
        make_ledger().receive("WASHER", 1, "0.10", "2024-01-06")


def test_total_value():
    """The total stock value after the two bolt receipts is 13.00."""
    assert make_ledger().value() == Decimal("13.00")


def test_entry_balance_after_issue():
    """Issuing 4 bolts from 20 leaves a balance of 16 on the entry."""
    assert make_ledger().issue("BOLT", 4, "2024-01-06").balance == 16


def test_low_stock_lists_items_at_reorder_level():
    """With 5 bolts (reorder level 5) and no nuts (level 20), both are low on stock."""
    book = make_ledger()
    book.issue("BOLT", 15, "2024-01-06")
    assert [item.sku for item in book.low_stock()] == ["BOLT", "NUT"]


def test_fifo_queue_unit_cost():
    """A FIFO queue holding 2 units at 1.00 and 1 unit at 2.50 has an average unit cost of 1.50."""
    fifo = FifoCost()
    fifo.receive(2, Decimal("1.00"), "2024-01-01")
    fifo.receive(1, Decimal("2.50"), "2024-01-02")
    assert fifo.unit_cost == Decimal("1.50")


def test_average_cost_after_two_receipts():
    """Average cost of 1 unit at 1.00 and 3 units at 2.00 is 1.75."""
    avg = AverageCost()
    avg.receive(1, Decimal("1.00"), "2024-01-01")
    avg.receive(3, Decimal("2.00"), "2024-01-01")
    assert avg.unit_cost == Decimal("1.75")


def test_history_filters_by_item():
    """The history of 'NUT' holds only its own receipt of 50."""
    book = make_ledger()
    book.receive("NUT", 50, "0.05", "2024-01-06")
    assert [e.movement.quantity for e in book.history("nut")] == [50]


def test_same_day_movement_allowed():
    """An issue on the same day as the last receipt (2024-01-05) is accepted, leaving 19."""
    book = make_ledger()
    book.issue("BOLT", 1, "2024-01-05")
    assert book.on_hand("BOLT") == 19


def test_receipt_entry_cost():
    """Receiving 4 nuts at 2.50 records a cost of 10.00."""
    assert make_ledger().receive("NUT", 4, "2.50", "2024-01-06").cost == Decimal("10.00")


def test_issue_everything_on_hand():
    """Issuing all 20 bolts costs 13.00 and leaves none on hand."""
    book = make_ledger()
    entry = book.issue("BOLT", 20, "2024-01-06")
    assert (entry.cost, book.on_hand("BOLT")) == (Decimal("13.00"), 0)


def test_positive_adjustment_is_not_cost_of_goods():
    """A stock count that finds 2 extra bolts adds no cost of goods (0.00)."""
    book = make_ledger()
    book.adjust("BOLT", 2, "2024-01-06")
    assert book.cost_of_goods() == Decimal("0.00")
