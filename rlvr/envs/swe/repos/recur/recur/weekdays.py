"""Weekday numbers, names and codes (0 = Monday ... 6 = Sunday)."""

from __future__ import annotations

MO, TU, WE, TH, FR, SA, SU = range(7)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WORKDAYS = (MO, TU, WE, TH, FR)
WEEKEND = (SA, SU)
GROUPS = {"weekdays": WORKDAYS, "workdays": WORKDAYS, "weekend": WEEKEND, "everyday": tuple(range(7))}
ABBREVIATION = 3


def parse_weekday(value: int | str) -> int:
    """Return the weekday number of an int, a code ('MO'), a name or a 3-letter abbreviation."""
    if isinstance(value, int):
        if 0 <= value < len(WEEKDAY_NAMES):
            return value
        raise ValueError(f"weekday numbers are 0 (Monday) to 6 (Sunday), got {value}")
    text = value.strip().lower()
    for index, name in enumerate(WEEKDAY_NAMES):
        if text in (name.lower(), name[:ABBREVIATION].lower(), WEEKDAY_CODES[index].lower()):
            return index
    raise ValueError(f"{value!r} is not a weekday; write e.g. 'MO', 'Mon' or 'Monday'")


def parse_weekday_list(text: str) -> tuple[int, ...]:
    """Parse ``'mon, wed,fri'`` or a group name (``weekdays``, ``weekend``) into sorted numbers."""
    lowered = text.strip().lower()
    if lowered in GROUPS:
        return GROUPS[lowered]
    found = {parse_weekday(part) for part in lowered.split(",") if part.strip()}
    return tuple(sorted(found))


def parse_ordinal_weekday(text: str) -> tuple[int, int | None]:
    """Split ``'2MO'`` into ``(0, 2)``, ``'-1FR'`` into ``(4, -1)``, ``'TU'`` into ``(1, None)``."""
    text = text.strip().upper()
    code = text[-2:]
    prefix = text[:-2]
    weekday = parse_weekday(code)
    if not prefix:
        return weekday, None
    try:
        n = int(prefix)
    except ValueError:
        raise ValueError(f"{text!r}: the part before the weekday code must be a number like 2 or -1") from None
    if n == 0 or abs(n) > 5:
        raise ValueError(f"{text!r}: a month has at most 5 of each weekday, so use 1..5 or -1..-5")
    return weekday, n


def weekday_name(index: int, short: bool = False) -> str:
    """Return ``'Monday'`` for 0, or ``'Mon'`` when ``short``."""
    name = WEEKDAY_NAMES[parse_weekday(index)]
    return name[:ABBREVIATION] if short else name


def weekday_code(index: int, n: int | None = None) -> str:
    """Return the two-letter code, with an ordinal prefix when ``n`` is given."""
    code = WEEKDAY_CODES[parse_weekday(index)]
    return code if n is None else f"{n}{code}"


def is_weekend(index: int) -> bool:
    """Tell whether the weekday is Saturday or Sunday."""
    return parse_weekday(index) in WEEKEND
