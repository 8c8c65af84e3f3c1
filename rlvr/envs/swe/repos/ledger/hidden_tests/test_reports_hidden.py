from decimal import Decimal

import pytest

from ledger import (Catalog, CatalogError, CsvError, Item, Ledger, MoneyError, MovementError,
                    UnknownItemError, allocate, export_movements, export_valuation,
                    format_table, import_catalog, load_ledger, movement_summary, normalize_sku,
                    parse_csv, parse_date, parse_money, receipt, reorder_list, turnover,
                    valuation_report)


def make_ledger():
    catalog = Catalog([Item("BOLT", "Bolt", reorder_level=5), Item("NUT", "Nut", reorder_level=20)])
    book = Ledger(catalog)
    book.receive("BOLT", 10, "0.50", "2024-01-02")
    book.receive("BOLT", 10, "0.80", "2024-01-05")
    book.issue("BOLT", 15, "2024-01-06")
    book.receive("NUT", 100, "0.05", "2024-01-07")
    return book


def test_valuation_report_table():
    """The valuation report lists BOLT 5 at $0.80 ($4.00), NUT 100 at $0.05 ($5.00) and a $9.00 total."""
    assert valuation_report(make_ledger()).splitlines() == [
        "SKU    Item  Qty  Unit cost  Value",
        "-----  ----  ---  ---------  -----",
        "BOLT   Bolt    5      $0.80  $4.00",
        "NUT    Nut   100      $0.05  $5.00",
        "TOTAL                        $9.00",
    ]


def test_movement_summary_period():
    """Summarising only 2024-01-06 onwards shows BOLT issued 15 and received 0."""
    assert movement_summary(make_ledger(), start="2024-01-06")["BOLT"] == {
        "receive": 0, "issue": 15, "adjust": 0}


def test_turnover_ratio():
    """Issuing 15 bolts with opening stock 10 (before 01-03) and closing stock 5 gives turnover 2.00."""
    assert turnover(make_ledger(), "BOLT", "2024-01-03", "2024-01-31") == Decimal("2.00")


def test_turnover_zero_stock():
    """Turnover of an item never stocked is 0.00."""
    assert turnover(make_ledger(), "NUT", "2024-01-01", "2024-01-02") == Decimal("0.00")


def test_reorder_list_tops_up():
    """With BOLT at 5 (level 5) the reorder list asks for 5 more to reach twice the level."""
    assert reorder_list(make_ledger()) == [("BOLT", 5)]


def test_export_valuation_csv():
    """Exporting the valuation gives a header and lines 'BOLT,Bolt,5,0.80,4.00' and 'NUT,Nut,100,0.05,5.00'."""
    assert export_valuation(make_ledger()) == (
        "sku,name,quantity,unit_cost,value\nBOLT,Bolt,5,0.80,4.00\nNUT,Nut,100,0.05,5.00\n")


def test_load_ledger_sorts_movements():
    """Loading movements listed out of date order still gives 4 bolts on hand."""
    catalog = "sku,name,unit,reorder_level\nBOLT,Bolt,ea,2\n"
    moves = ("date,kind,sku,quantity,unit_cost\n"
             "2024-01-09,issue,BOLT,6,\n2024-01-02,receive,BOLT,10,0.50\n")
    assert load_ledger(catalog, moves).on_hand("BOLT") == 4


def test_import_catalog_defaults():
    """Importing 'sku,name\\nW-1,Washer' gives unit 'ea' and reorder level 0."""
    item = import_catalog("sku,name\nW-1,Washer").get("W-1")
    assert (item.unit, item.reorder_level) == ("ea", 0)


def test_import_catalog_bad_level():
    """Importing a reorder level of 'many' is rejected, naming line 2."""
    with pytest.raises(CsvError, match="line 2"):
        import_catalog("sku,name,reorder_level\nW-1,Washer,many")


def test_missing_required_column():
    """Importing a catalog without a 'name' column is rejected."""
    with pytest.raises(CsvError, match="name"):
        import_catalog("sku\nW-1")


def test_unclosed_quote():
    """Parsing 'a,"b' is rejected because the quoted field is not closed."""
    with pytest.raises(CsvError):
        parse_csv('a,"b')


def test_sku_with_bad_characters():
    """The SKU 'A_1' is rejected because '_' is not allowed."""
    with pytest.raises(CatalogError, match="_"):
        normalize_sku("A_1")


def test_parse_date_bad_month():
    """Parsing '2024-13-01' is rejected because the month is out of range."""
    with pytest.raises(MovementError, match="month"):
        parse_date("2024-13-01")


def test_parse_money_negative_parentheses_with_minus():
    """Parsing '-$0.5' gives -0.50."""
    assert parse_money("-$0.5") == Decimal("-0.50")


def test_allocate_negative_total():
    """Allocating -1.00 into 3 parts gives -0.34, -0.33 and -0.33."""
    assert allocate(Decimal("-1.00"), 3) == [Decimal("-0.34"), Decimal("-0.33"), Decimal("-0.33")]


def test_format_zero_money():
    """Formatting 0 gives '$0.00' with no minus sign."""
    from ledger import format_money
    assert format_money(Decimal("0")) == "$0.00"


def test_allocate_single_part():
    """Allocating 5.00 into 1 part gives [5.00]."""
    assert allocate(Decimal("5.00"), 1) == [Decimal("5.00")]


def test_reorder_list_skips_zero_target():
    """An empty item with reorder level 0 is low on stock but nothing needs ordering."""
    book = Ledger(Catalog([Item("PIN", "Pin")]))
    assert ([item.sku for item in book.low_stock()], reorder_list(book)) == (["PIN"], [])


def test_import_movements_bad_quantity_line():
    """Importing a movement with quantity 'ten' is rejected, naming line 2."""
    from ledger import import_movements
    with pytest.raises(CsvError, match="line 2"):
        import_movements("date,kind,sku,quantity\n2024-01-01,issue,A-1,ten\n")


def test_valuation_report_right_aligns_wide_values():
    """Valuing 3 gears at 400.00 shows the value '$1,200.00' right-aligned under 'Value'."""
    book = Ledger(Catalog([Item("GEAR", "Gear")]))
    book.receive("GEAR", 3, "400", "2024-02-01")
    assert valuation_report(book).splitlines()[2] == "GEAR   Gear    3    $400.00  $1,200.00"
