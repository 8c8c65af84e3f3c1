import pytest

from ledger import CsvError, format_row, import_movements, parse_csv, read_records


def test_parse_csv_quoted_comma():
    """Parsing 'a,"b,c",d' gives one row ['a', 'b,c', 'd']."""
    assert parse_csv('a,"b,c",d') == [["a", "b,c", "d"]]


def test_parse_csv_doubled_quote():
    """Parsing a quoted field with doubled quotes around hi gives the single field: say "hi"."""
    assert parse_csv('"say ""hi"""') == [['say "hi"']]


def test_parse_csv_skips_blank_lines():
    """Parsing 'a,b\\n\\nc,d\\n' gives two rows."""
    assert parse_csv("a,b\n\nc,d\n") == [["a", "b"], ["c", "d"]]


def test_format_row_quotes_when_needed():
    """Formatting ['x', 'a,b', 'q"'] quotes the fields holding a comma or a quote and doubles the quote."""
    assert format_row(["x", "a,b", 'q"']) == 'x,"a,b","q"""'


def test_read_records_uses_header():
    """Reading 'SKU, Name\\nA-1, Bolt' gives [{'sku': 'A-1', 'name': 'Bolt'}]."""
    assert read_records("SKU, Name\nA-1, Bolt") == [{"sku": "A-1", "name": "Bolt"}]


def test_read_records_wrong_field_count():
    """Reading a record with 3 fields under a 2-column header is rejected, naming line 2."""
    with pytest.raises(CsvError, match="line 2"):
        read_records("a,b\n1,2,3")


def test_import_movements():
    """Importing a receipt line '2024-01-02,receive,a-1,5,1.25,PO-9' gives SKU 'A-1', 5 units, ref 'PO-9'."""
    text = "date,kind,sku,quantity,unit_cost,ref\n2024-01-02,receive,a-1,5,1.25,PO-9\n"
    movement = import_movements(text)[0]
    assert (movement.sku, movement.quantity, str(movement.unit_cost), movement.ref) == (
        "A-1", 5, "1.25", "PO-9")
