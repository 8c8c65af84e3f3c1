"""Stock movements: receipts, issues and adjustments, with ISO dates.

Dates are ``'YYYY-MM-DD'`` strings. They are validated (month range, days
in the month, leap years) and compare correctly as plain strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .items import normalize_sku
from .money import to_money

RECEIVE = "receive"
ISSUE = "issue"
ADJUST = "adjust"
KINDS = (RECEIVE, ISSUE, ADJUST)

DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


class MovementError(ValueError):
    """A movement is malformed."""


def is_leap_year(year: int) -> bool:
    """Gregorian leap years: divisible by 4, except centuries not divisible by 400."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Number of days in ``month`` of ``year``."""
    if month == 2 and is_leap_year(year):
        return 29
    return DAYS_IN_MONTH[month - 1]


def parse_date(text: str) -> tuple[int, int, int]:
    """Validate ``'YYYY-MM-DD'`` and return ``(year, month, day)``."""
    parts = text.strip().split("-")
    if len(parts) != 3 or [len(part) for part in parts] != [4, 2, 2] \
            or not all(part.isdigit() for part in parts):
        raise MovementError(f"date must look like YYYY-MM-DD, got {text!r}")
    year, month, day = (int(part) for part in parts)
    if not 1 <= month <= 12:
        raise MovementError(f"month must be 1-12 in {text!r}")
    if not 1 <= day <= days_in_month(year, month):
        raise MovementError(f"day {day} does not exist in {year}-{month:02d}")
    return year, month, day


def in_range(date: str, start: str | None = None, end: str | None = None) -> bool:
    """Whether ``start <= date <= end``; a missing bound is open."""
    if start is not None and date < start:
        return False
    if end is not None and date > end:
        return False
    return True


@dataclass(frozen=True)
class Movement:
    """One dated change to the stock of one item.

    ``quantity`` is positive for receipts and issues; an adjustment's
    quantity is signed (a stock count that found 2 missing is ``-2``).
    Receipts need a ``unit_cost``; other kinds may leave it ``None``.
    """

    kind: str
    sku: str
    quantity: int
    date: str
    unit_cost: Decimal | None = None
    ref: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise MovementError(f"kind must be one of {', '.join(KINDS)}, got {self.kind!r}")
        object.__setattr__(self, "sku", normalize_sku(self.sku))
        parse_date(self.date)
        if isinstance(self.quantity, bool) or not isinstance(self.quantity, int):
            raise MovementError(f"quantity must be a whole number, got {self.quantity!r}")
        if self.kind == ADJUST:
            if self.quantity == 0:
                raise MovementError("an adjustment of zero changes nothing")
        elif self.quantity <= 0:
            raise MovementError(f"{self.kind} quantity must be positive, got {self.quantity}")
        if self.unit_cost is not None:
            cost = to_money(self.unit_cost)
            if cost < 0:
                raise MovementError(f"unit cost cannot be negative, got {cost}")
            object.__setattr__(self, "unit_cost", cost)
        elif self.kind == RECEIVE:
            raise MovementError(f"a receipt of {self.sku} needs a unit cost")

    @property
    def signed_quantity(self) -> int:
        """The change in stock: positive in, negative out."""
        if self.kind == ISSUE:
            return -self.quantity
        return self.quantity


def receipt(sku: str, quantity: int, unit_cost: object, date: str, ref: str = "") -> Movement:
    """A receipt of ``quantity`` units at ``unit_cost`` each."""
    return Movement(RECEIVE, sku, quantity, date, to_money(unit_cost), ref)


def issue(sku: str, quantity: int, date: str, ref: str = "") -> Movement:
    """An issue (sale or consumption) of ``quantity`` units."""
    return Movement(ISSUE, sku, quantity, date, None, ref)


def adjustment(sku: str, quantity: int, date: str, ref: str = "") -> Movement:
    """A signed correction found by a stock count."""
    return Movement(ADJUST, sku, quantity, date, None, ref)


def sort_movements(movements: list[Movement]) -> list[Movement]:
    """Movements by date; same-day movements keep their order."""
    return sorted(movements, key=lambda movement: movement.date)
