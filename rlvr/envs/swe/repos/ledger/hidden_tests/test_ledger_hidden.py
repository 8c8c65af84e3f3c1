from decimal import Decimal

import pytest

from ledger import (AverageCost, Catalog, FifoCost, InsufficientStockError, Item, Ledger,
                    make_costing)


def make_ledger(method="fifo"):
    catalog = Catalog([Item("BOLT", "Bolt", reorder_level=5), Item("NUT", "Nut", reorder_level=20)])
    book = Ledger(catalog, method)
    book.receive("BOLT", 10, "0.50", "2024-01-02")
    book.receive("BOLT", 10, "0.80", "2024-01-05")
    return book


def test_fifo_issue_exactly_first_lot():
    """Issuing exactly the first lot of 10 bolts at 0.50 costs 5.00."""
    assert make_ledger().issue("BOLT", 10, "2024-01-06").cost == Decimal("5.00")


def test_fifo_lots_left_after_partial_issue():
    """After issuing 3 bolts, the FIFO lots hold 7 at 0.50 and 10 at 0.80."""
    fifo = FifoCost()
    fifo.receive(10, Decimal("0.50"), "2024-01-02")
    fifo.receive(10, Decimal("0.80"), "2024-01-05")
    fifo.issue(3)
    assert [(lot.quantity, str(lot.unit_cost)) for lot in fifo.lots] == [(7, "0.50"), (10, "0.80")]


def test_fifo_same_day_same_cost_receipts_merge():
    """Two receipts of 2 and 3 units at 1.00 on the same day form one lot of 5."""
    fifo = FifoCost()
    fifo.receive(2, Decimal("1.00"), "2024-01-02")
    fifo.receive(3, Decimal("1"), "2024-01-02")
    assert [lot.quantity for lot in fifo.lots] == [5]


def test_average_partial_issue_cost_and_rest():
    """Issuing 1 of 3 units worth 10.00 under the average method costs 3.33 and leaves 6.67."""
    avg = AverageCost()
    avg.receive(1, Decimal("3.34"), "2024-01-01")
    avg.receive(2, Decimal("3.33"), "2024-01-01")
    cost = avg.issue(1)
    assert (cost, avg.value, avg.on_hand) == (Decimal("3.33"), Decimal("6.67"), 2)


def test_average_insufficient_stock():
    """Issuing 2 units from an average-cost stock of 1 raises an insufficient-stock error."""
    avg = AverageCost()
    avg.receive(1, Decimal("1.00"), "2024-01-01")
    with pytest.raises(InsufficientStockError):
        avg.issue(2)


def test_empty_costing_unit_cost_zero():
    """An empty FIFO queue and an empty average-cost stock both have unit cost 0.00."""
    assert (FifoCost().unit_cost, AverageCost().unit_cost) == (Decimal("0.00"), Decimal("0.00"))


def test_unknown_costing_method():
    """Asking for the costing method 'lifo' is rejected."""
    with pytest.raises(ValueError, match="lifo"):
        make_costing("lifo")


def test_positive_adjustment_at_average_cost():
    """A count that finds 2 extra bolts (average 0.65) adds 1.30 of value, making 14.30."""
    book = make_ledger()
    book.adjust("BOLT", 2, "2024-01-06")
    assert (book.on_hand("BOLT"), book.value()) == (22, Decimal("14.30"))


def test_negative_adjustment_counts_as_cost_of_goods():
    """Losing 12 bolts in a count costs 5.00 + 2 x 0.80 = 6.60 of goods."""
    book = make_ledger()
    book.adjust("BOLT", -12, "2024-01-06")
    assert book.cost_of_goods() == Decimal("6.60")


def test_cost_of_goods_in_period():
    """Of issues on 01-06 (2 bolts) and 01-10 (3 bolts), only the 01-10 one (3 x 0.50 = 1.50) falls in 01-07..01-31."""
    book = make_ledger()
    book.issue("BOLT", 2, "2024-01-06")
    book.issue("BOLT", 3, "2024-01-10")
    assert book.cost_of_goods("2024-01-07", "2024-01-31") == Decimal("1.50")


def test_quantity_on_past_date():
    """The bolt stock at the end of 2024-01-04 was 10."""
    assert make_ledger().quantity_on("BOLT", "2024-01-04") == 10


def test_untouched_item_has_no_stock_or_value():
    """An item never moved has 0 on hand, value 0.00 and unit cost 0.00."""
    book = make_ledger()
    assert (book.on_hand("NUT"), book.value("NUT"), book.unit_cost("NUT")) == (
        0, Decimal("0.00"), Decimal("0.00"))


def test_adjustment_of_one_accepted_zero_rejected():
    """A stock-count adjustment of +1 is accepted, while one of 0 is rejected."""
    from ledger import MovementError, adjustment
    assert adjustment("A-1", 1, "2024-01-01").signed_quantity == 1
    with pytest.raises(MovementError):
        adjustment("A-1", 0, "2024-01-01")


def test_adjust_up_by_one():
    """A count that finds 1 extra bolt raises the stock from 20 to 21."""
    book = make_ledger()
    book.adjust("BOLT", 1, "2024-01-06")
    assert book.on_hand("BOLT") == 21


def test_fractional_quantity_rejected():
    """An issue of 2.5 units is rejected because quantities are whole numbers."""
    from ledger import MovementError, Movement
    with pytest.raises(MovementError, match="whole number"):
        Movement("issue", "A-1", 2.5, "2024-01-01")
