"""Calendar arithmetic on :class:`datetime.date` values.

Everything here works on dates passed in by the caller; nothing reads the
current date.
"""

from __future__ import annotations

from datetime import date, timedelta

DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
MONTHS_PER_YEAR = 12
DAYS_PER_WEEK = 7


def is_leap_year(year: int) -> bool:
    """Gregorian leap years: divisible by 4, except centuries not divisible by 400."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Return the number of days of ``month`` (1-12) in ``year``."""
    if not 1 <= month <= MONTHS_PER_YEAR:
        raise ValueError(f"month must be 1-12, got {month}")
    if month == 2 and is_leap_year(year):
        return 29
    return DAYS_IN_MONTH[month - 1]


def month_index(year: int, month: int) -> int:
    """Number the months consecutively: January of year 0 is 0."""
    return year * MONTHS_PER_YEAR + (month - 1)


def from_month_index(index: int) -> tuple[int, int]:
    """Inverse of :func:`month_index`: return ``(year, month)``."""
    year, zero_based = divmod(index, MONTHS_PER_YEAR)
    return year, zero_based + 1


def add_months(day: date, months: int, clamp: bool = True) -> date | None:
    """Move ``day`` by whole months.

    When the target month is too short (Jan 31 + 1 month), return its last
    day if ``clamp`` is true, otherwise None.
    """
    year, month = from_month_index(month_index(day.year, day.month) + months)
    last = days_in_month(year, month)
    if day.day > last:
        return date(year, month, last) if clamp else None
    return date(year, month, day.day)


def resolve_month_day(year: int, month: int, monthday: int) -> date | None:
    """Return day ``monthday`` of the month; negative values count from the end.

    ``-1`` is the last day. A day the month does not have gives None.
    """
    last = days_in_month(year, month)
    if monthday < 0:
        monthday = last + monthday + 1
    if monthday < 1 or monthday > last:
        return None
    return date(year, month, monthday)


def weekdays_in_month(year: int, month: int, weekday: int) -> list[date]:
    """Return every date of the month falling on ``weekday`` (0 = Monday)."""
    first = date(year, month, 1)
    offset = (weekday - first.weekday()) % DAYS_PER_WEEK
    last = days_in_month(year, month)
    return [date(year, month, day) for day in range(1 + offset, last + 1, DAYS_PER_WEEK)]


def pick_nth(days: list[date], n: int) -> date | None:
    """Return the ``n``-th item (1-based; negative from the end) or None."""
    if n == 0:
        raise ValueError("n must be non-zero: 1 is the first, -1 the last")
    index = n - 1 if n > 0 else len(days) + n
    if 0 <= index < len(days):
        return days[index]
    return None


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """Return the n-th ``weekday`` of the month (-1 = last), or None."""
    return pick_nth(weekdays_in_month(year, month, weekday), n)


def week_start(day: date, first_weekday: int = 0) -> date:
    """Return the first day of the week containing ``day``."""
    return day - timedelta(days=(day.weekday() - first_weekday) % DAYS_PER_WEEK)


def parse_date(text: str) -> date:
    """Read ``YYYY-MM-DD`` or ``YYYYMMDD``."""
    cleaned = text.strip()
    digits = cleaned.replace("-", "")
    if len(digits) != 8 or not digits.isdigit() or cleaned.count("-") not in (0, 2):
        raise ValueError(f"{text!r} is not a date; write YYYY-MM-DD or YYYYMMDD")
    return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))


def format_date(day: date, compact: bool = False) -> str:
    """Write ``YYYY-MM-DD`` (or ``YYYYMMDD`` when ``compact``)."""
    text = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    return text.replace("-", "") if compact else text


def days_between(first: date, second: date) -> int:
    """Return the signed number of days from ``first`` to ``second``."""
    return (second - first).days
