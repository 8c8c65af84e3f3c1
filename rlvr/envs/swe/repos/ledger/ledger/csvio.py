"""CSV-like import and export from and to strings (no file access).

Fields are separated by a delimiter (a comma by default). A field may be
quoted with double quotes, inside which the delimiter and newlines are
literal and ``""`` stands for one quote.
"""

from __future__ import annotations

from .items import Catalog, Item
from .ledger import Ledger
from .money import parse_money
from .movements import Movement
from .reports import valuation_rows

MOVEMENT_COLUMNS = ("date", "kind", "sku", "quantity", "unit_cost", "ref")
CATALOG_COLUMNS = ("sku", "name", "unit", "reorder_level", "category")


class CsvError(ValueError):
    """The text is not valid CSV, or a record has bad values."""


def parse_csv(text: str, delimiter: str = ",") -> list[list[str]]:
    """Split CSV text into rows of fields; blank lines are skipped."""
    rows: list[list[str]] = []
    row: list[str] = []
    field: list[str] = []
    quoted = False
    i = 0
    text = text.replace("\r\n", "\n")
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == '"' and i + 1 < len(text) and text[i + 1] == '"':
                field.append('"')
                i += 1
            elif ch == '"':
                quoted = False
            else:
                field.append(ch)
        elif ch == '"' and not field:
            quoted = True
        elif ch == delimiter:
            row.append("".join(field))
            field = []
        elif ch == "\n":
            row.append("".join(field))
            if row != [""]:
                rows.append(row)
            row, field = [], []
        else:
            field.append(ch)
        i += 1
    if quoted:
        raise CsvError("a quoted field is not closed")
    row.append("".join(field))
    if row != [""]:
        rows.append(row)
    return rows


def format_row(fields: list[object], delimiter: str = ",") -> str:
    """Join fields, quoting those that contain the delimiter, a quote or a newline."""
    out = []
    for value in fields:
        text = "" if value is None else str(value)
        if delimiter in text or '"' in text or "\n" in text:
            text = '"' + text.replace('"', '""') + '"'
        out.append(text)
    return delimiter.join(out)


def read_records(text: str, required: tuple[str, ...] = (), delimiter: str = ",") -> list[dict[str, str]]:
    """Rows as dicts keyed by the (lower-cased, stripped) header."""
    rows = parse_csv(text, delimiter)
    if not rows:
        return []
    header = [name.strip().lower() for name in rows[0]]
    missing = [name for name in required if name not in header]
    if missing:
        raise CsvError(f"missing column(s): {', '.join(missing)}")
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise CsvError(f"line {number} has {len(row)} fields, expected {len(header)}")
        records.append({name: value.strip() for name, value in zip(header, row)})
    return records


def _int(value: str, column: str, line: int) -> int:
    try:
        return int(value)
    except ValueError:
        raise CsvError(f"line {line}: {column} must be a whole number, got {value!r}") from None


def import_movements(text: str) -> list[Movement]:
    """Movements from CSV with the columns date, kind, sku, quantity[, unit_cost, ref]."""
    movements = []
    records = read_records(text, required=MOVEMENT_COLUMNS[:4])
    for line, record in enumerate(records, start=2):
        cost_text = record.get("unit_cost", "")
        movements.append(Movement(
            kind=record["kind"].lower(),
            sku=record["sku"],
            quantity=_int(record["quantity"], "quantity", line),
            date=record["date"],
            unit_cost=parse_money(cost_text) if cost_text else None,
            ref=record.get("ref", ""),
        ))
    return movements


def export_movements(movements: list[Movement]) -> str:
    """CSV text with a header and one line per movement."""
    lines = [format_row(list(MOVEMENT_COLUMNS))]
    for m in movements:
        cost = "" if m.unit_cost is None else f"{m.unit_cost:.2f}"
        lines.append(format_row([m.date, m.kind, m.sku, m.quantity, cost, m.ref]))
    return "\n".join(lines) + "\n"


def import_catalog(text: str) -> Catalog:
    """A catalog from CSV with the columns sku, name[, unit, reorder_level, category]."""
    catalog = Catalog()
    for line, record in enumerate(read_records(text, required=CATALOG_COLUMNS[:2]), start=2):
        level = record.get("reorder_level", "")
        catalog.add(Item(record["sku"], record["name"], record.get("unit") or "ea",
                         _int(level, "reorder_level", line) if level else 0,
                         record.get("category", "")))
    return catalog


def load_ledger(catalog_text: str, movements_text: str, method: str = "fifo") -> Ledger:
    """A ledger built from a catalog CSV and a movements CSV (sorted by date)."""
    ledger = Ledger(import_catalog(catalog_text), method)
    for movement in sorted(import_movements(movements_text), key=lambda m: m.date):
        ledger.record(movement)
    return ledger


def export_valuation(ledger: Ledger, delimiter: str = ",") -> str:
    """CSV of sku, name, quantity, unit_cost, value for items in stock."""
    lines = [format_row(["sku", "name", "quantity", "unit_cost", "value"], delimiter)]
    for sku, name, quantity, cost, value in valuation_rows(ledger):
        lines.append(format_row([sku, name, quantity, f"{cost:.2f}", f"{value:.2f}"], delimiter))
    return "\n".join(lines) + "\n"
