import pytest

from ledger import (Catalog, Item, Ledger, MoneyError, UnknownItemError, export_movements,
                    format_table, movement_summary, parse_money, receipt)


def make_ledger():
    catalog = Catalog([Item("BOLT", "Bolt", reorder_level=5), Item("NUT", "Nut", reorder_level=20)])
    book = Ledger(catalog)
    book.receive("BOLT", 10, "0.50", "2024-01-02")
    book.receive("BOLT", 10, "0.80", "2024-01-05")
    book.issue("BOLT", 15, "2024-01-06")
    book.receive("NUT", 100, "0.05", "2024-01-07")
    return book


def test_format_table_rejects_short_row():
    """A table row with 1 cell under 2 headers is rejected."""
    with pytest.raises(ValueError):
        format_table(["a", "b"], [["x"]])


def test_movement_summary_per_item():
    """The summary shows BOLT received 20 and issued 15, NUT received 100."""
    assert movement_summary(make_ledger()) == {
        "BOLT": {"receive": 20, "issue": 15, "adjust": 0},
        "NUT": {"receive": 100, "issue": 0, "adjust": 0},
    }


def test_export_movements_round_trip_fields():
    """Exporting a receipt of 3 'A-1' at 2.5 with ref 'PO, 7' quotes the ref: '2024-01-02,receive,A-1,3,2.50,"PO, 7"'."""
    text = export_movements([receipt("A-1", 3, "2.5", "2024-01-02", "PO, 7")])
    assert text.splitlines()[1] == '2024-01-02,receive,A-1,3,2.50,"PO, 7"'


def test_catalog_remove_and_lookup():
    """After removing 'NUT', looking it up raises an unknown-item error and 1 item is left."""
    catalog = Catalog([Item("BOLT", "Bolt"), Item("NUT", "Nut")])
    catalog.remove("nut")
    with pytest.raises(UnknownItemError):
        catalog.get("NUT")
    assert len(catalog) == 1


def test_parse_money_empty():
    """Parsing '$' is rejected as an empty amount."""
    with pytest.raises(MoneyError):
        parse_money("$")


def test_format_table_right_aligns_numeric_columns():
    """A table of ('a', 5) and ('bb', 100) with the second column numeric right-aligns 5 under 100."""
    assert format_table(["n", "qty"], [["a", 5], ["bb", 100]], numeric={1}).splitlines() == [
        "n   qty", "--  ---", "a     5", "bb  100"]
