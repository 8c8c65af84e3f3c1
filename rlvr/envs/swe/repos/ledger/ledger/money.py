"""Money amounts as ``Decimal`` values rounded to cents.

Rounding is half-up (``0.005`` becomes ``0.01``), the usual rule for
invoices, rather than Python's default banker's rounding.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


class MoneyError(ValueError):
    """A value cannot be read as an amount of money."""


def to_money(value: object) -> Decimal:
    """Convert an int, float, string or Decimal to an amount rounded to cents."""
    if isinstance(value, bool):
        raise MoneyError(f"a boolean is not an amount of money: {value!r}")
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, (int, float)):
        amount = Decimal(str(value))
    elif isinstance(value, str):
        return parse_money(value)
    else:
        raise MoneyError(f"cannot convert {type(value).__name__} to money")
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_money(text: str) -> Decimal:
    """Read amounts such as ``'12.5'``, ``'$1,234.50'``, ``'-3'`` or ``'(4.20)'``.

    Parentheses mean a negative amount, as in accounting statements.
    """
    cleaned = text.strip().replace(",", "").replace(" ", "")
    negative = False
    if cleaned.startswith("(") and cleaned.endswith(")"):
        negative = True
        cleaned = cleaned[1:-1]
    if cleaned.startswith("-"):
        negative = not negative
        cleaned = cleaned[1:]
    cleaned = cleaned.lstrip("$")
    if not cleaned:
        raise MoneyError(f"empty amount in {text!r}")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise MoneyError(f"not an amount of money: {text!r}") from None
    if not amount.is_finite():
        raise MoneyError(f"not a finite amount of money: {text!r}")
    if negative:
        amount = -amount
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def format_money(amount: Decimal, symbol: str = "$", separator: str = ",") -> str:
    """Format as ``'-$1,234.50'``: sign, symbol, grouped units, two decimals."""
    value = to_money(amount)
    sign = "-" if value < 0 else ""
    units, _, cents = f"{abs(value):.2f}".partition(".")
    groups = []
    while len(units) > 3:
        groups.insert(0, units[-3:])
        units = units[:-3]
    groups.insert(0, units)
    return f"{sign}{symbol}{separator.join(groups)}.{cents}"


def allocate(total: Decimal, parts: int) -> list[Decimal]:
    """Split ``total`` into ``parts`` amounts that differ by at most one cent.

    The earlier parts receive the leftover cents, and the parts always add up
    to exactly ``total``.
    """
    if parts < 1:
        raise ValueError(f"parts must be at least 1, got {parts}")
    cents = int(to_money(total) * 100)
    base, extra = divmod(abs(cents), parts)
    sign = -1 if cents < 0 else 1
    shares = []
    for index in range(parts):
        share = base + 1 if index < extra else base
        shares.append(Decimal(sign * share) / 100)
    return [share.quantize(CENT) for share in shares]


def percent_of(amount: Decimal, percent: Decimal | int | str) -> Decimal:
    """``percent`` per cent of ``amount``, rounded to cents."""
    return to_money(to_money(amount) * Decimal(str(percent)) / 100)
