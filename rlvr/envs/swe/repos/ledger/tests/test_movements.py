from decimal import Decimal

import pytest

from ledger import (Catalog, CatalogError, Item, MovementError, adjustment, days_in_month,
                    in_range, is_leap_year, issue, parse_date, receipt, sort_movements)


def test_leap_year_rules():
    """2024 and 2000 are leap years; 2023 and 1900 are not."""
    assert [is_leap_year(y) for y in (2024, 2000, 2023, 1900)] == [True, True, False, False]


def test_days_in_february_leap():
    """February 2024 has 29 days."""
    assert days_in_month(2024, 2) == 29


def test_parse_valid_date():
    """Parsing '2024-02-29' gives (2024, 2, 29)."""
    assert parse_date("2024-02-29") == (2024, 2, 29)


def test_parse_date_rejects_missing_day():
    """Parsing '2023-02-29' is rejected because that day does not exist."""
    with pytest.raises(MovementError):
        parse_date("2023-02-29")


def test_in_range_inclusive():
    """'2024-03-31' lies in the range '2024-03-01' to '2024-03-31' (bounds included)."""
    assert in_range("2024-03-31", "2024-03-01", "2024-03-31") is True


def test_receipt_needs_positive_quantity():
    """A receipt of 0 units is rejected."""
    with pytest.raises(MovementError):
        receipt("A-1", 0, "1.00", "2024-01-01")


def test_issue_signed_quantity_negative():
    """An issue of 4 units changes the stock by -4."""
    assert issue("A-1", 4, "2024-01-01").signed_quantity == -4


def test_adjustment_keeps_sign():
    """A stock-count adjustment of -2 changes the stock by -2."""
    assert adjustment("A-1", -2, "2024-01-01").signed_quantity == -2


def test_receipt_cost_is_money():
    """A receipt at unit cost '1.5' stores 1.50."""
    assert receipt("a-1", 3, "1.5", "2024-01-01").unit_cost == Decimal("1.50")


def test_sku_is_normalised():
    """The SKU ' ab-7 ' is stored as 'AB-7'."""
    assert issue(" ab-7 ", 1, "2024-01-01").sku == "AB-7"


def test_sort_movements_stable():
    """Sorting movements dated 03-02, 03-01, 03-02 puts 03-01 first and keeps the two 03-02 ones in order."""
    a = issue("A", 1, "2024-03-02", "first")
    b = issue("A", 1, "2024-03-01")
    c = issue("A", 1, "2024-03-02", "second")
    assert [m.ref for m in sort_movements([a, b, c])] == ["", "first", "second"]


def test_catalog_search_by_name():
    """Searching the catalog for 'bol' finds the item 'Hex bolt' but not 'Nut'."""
    cat = Catalog([Item("N-1", "Nut"), Item("B-1", "Hex bolt")])
    assert [item.sku for item in cat.search("bol")] == ["B-1"]


def test_catalog_rejects_duplicate():
    """Adding the SKU 'B-1' twice to the catalog is rejected."""
    cat = Catalog([Item("B-1", "Bolt")])
    with pytest.raises(CatalogError):
        cat.add(Item("b-1", "Other bolt"))


def test_days_in_each_month_of_2023():
    """The months of 2023 have 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30 and 31 days."""
    assert [days_in_month(2023, m) for m in range(1, 13)] == [
        31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def test_item_defaults():
    """An item created as ('W-1', 'Washer') has unit 'ea', reorder level 0 and no category."""
    item = Item("W-1", "Washer")
    assert (item.unit, item.reorder_level, item.category) == ("ea", 0, "")


def test_parse_last_day_of_year():
    """Parsing '2024-12-31' gives (2024, 12, 31)."""
    assert parse_date("2024-12-31") == (2024, 12, 31)


def test_sku_length_limit():
    """A 20-character SKU is accepted, while a 21-character one is rejected."""
    from ledger import normalize_sku
    assert normalize_sku("A" * 20) == "A" * 20
    with pytest.raises(CatalogError):
        normalize_sku("A" * 21)
