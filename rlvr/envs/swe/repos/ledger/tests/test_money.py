from decimal import Decimal

import pytest

from ledger import MoneyError, allocate, format_money, parse_money, percent_of, to_money


def test_to_money_rounds_half_up():
    """Converting 2.675 to money gives 2.68 (half-up rounding)."""
    assert to_money("2.675") == Decimal("2.68")


def test_to_money_from_int():
    """Converting the integer 7 to money gives 7.00."""
    assert to_money(7) == Decimal("7.00")


def test_parse_money_with_symbol_and_commas():
    """Parsing '$1,234.5' gives 1234.50."""
    assert parse_money("$1,234.5") == Decimal("1234.50")


def test_parse_money_parentheses_negative():
    """Parsing '(4.20)' gives -4.20."""
    assert parse_money("(4.20)") == Decimal("-4.20")


def test_parse_money_rejects_text():
    """Parsing 'ten dollars' raises a money error."""
    with pytest.raises(MoneyError):
        parse_money("ten dollars")


def test_format_money_groups_thousands():
    """Formatting 1234567.5 gives '$1,234,567.50'."""
    assert format_money(Decimal("1234567.5")) == "$1,234,567.50"


def test_format_money_negative():
    """Formatting -12.3 gives '-$12.30'."""
    assert format_money(Decimal("-12.3")) == "-$12.30"


def test_allocate_spreads_cents():
    """Allocating 10.00 into 3 parts gives 3.34, 3.33 and 3.33."""
    assert allocate(Decimal("10.00"), 3) == [Decimal("3.34"), Decimal("3.33"), Decimal("3.33")]


def test_percent_of_amount():
    """15 percent of 80.00 is 12.00."""
    assert percent_of(Decimal("80.00"), 15) == Decimal("12.00")


def test_parse_money_negative_sign():
    """Parsing '-7.25' gives -7.25."""
    assert parse_money("-7.25") == Decimal("-7.25")
