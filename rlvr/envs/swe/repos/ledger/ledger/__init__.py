"""ledger: an inventory ledger with FIFO or average costing.

>>> from ledger import Catalog, Item, Ledger
>>> book = Ledger(Catalog([Item("BOLT-1", "Bolt")]))
>>> _ = book.receive("BOLT-1", 10, "0.50", "2024-01-02")
>>> str(book.value())
'5.00'
"""

from .costing import AverageCost, FifoCost, InsufficientStockError, Lot, make_costing
from .csvio import (CsvError, export_movements, export_valuation, format_row, import_catalog,
                    import_movements, load_ledger, parse_csv, read_records)
from .items import Catalog, CatalogError, Item, UnknownItemError, normalize_sku
from .ledger import Entry, Ledger, LedgerError
from .money import MoneyError, allocate, format_money, parse_money, percent_of, to_money
from .movements import (Movement, MovementError, adjustment, days_in_month, in_range, is_leap_year,
                        issue, parse_date, receipt, sort_movements)
from .reports import (format_table, movement_summary, reorder_list, turnover, valuation_report,
                      valuation_rows)

__all__ = [
    "AverageCost", "Catalog", "CatalogError", "CsvError", "Entry", "FifoCost",
    "InsufficientStockError", "Item", "Ledger", "LedgerError", "Lot", "MoneyError", "Movement",
    "MovementError", "UnknownItemError", "adjustment", "allocate", "days_in_month",
    "export_movements", "export_valuation", "format_money", "format_row", "format_table",
    "import_catalog", "import_movements", "in_range", "is_leap_year", "issue", "load_ledger",
    "make_costing", "movement_summary", "normalize_sku", "parse_csv", "parse_date",
    "parse_money", "percent_of", "read_records", "receipt", "reorder_list", "sort_movements",
    "to_money", "turnover", "valuation_report", "valuation_rows",
]
