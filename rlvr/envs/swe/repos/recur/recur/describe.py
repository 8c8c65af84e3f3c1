"""Human-readable descriptions of rules, e.g. ``every 2 weeks on Monday and Friday, 5 times``."""

from __future__ import annotations

from recur.dates import MONTH_NAMES, format_date
from recur.rule import Rule
from recur.weekdays import WEEKDAY_NAMES, WEEKEND, WORKDAYS

UNITS = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year"}
SMALL_COUNTS = {1: "once", 2: "twice"}


def ordinal(n: int) -> str:
    """Return ``1st``, ``2nd``, ``3rd``, ``11th``, ``22nd``; ``last`` for -1, ``2nd to last`` for -2."""
    if n == -1:
        return "last"
    if n < -1:
        return f"{ordinal(-n)} to last"
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def join_words(words: list[str], conjunction: str = "and") -> str:
    """Join ``['a', 'b', 'c']`` as ``'a, b and c'``."""
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + f" {conjunction} " + words[-1]


def describe_frequency(freq: str, interval: int = 1) -> str:
    """Return ``every week`` or ``every 3 weeks``."""
    unit = UNITS[freq]
    if interval == 1:
        return f"every {unit}"
    return f"every {interval} {unit}s"


def describe_weekdays(weekdays: tuple[int, ...]) -> str:
    """Return ``on weekdays``, ``on weekends`` or ``on Monday and Friday``."""
    if weekdays == WORKDAYS:
        return "on weekdays"
    if weekdays == WEEKEND:
        return "on weekends"
    return "on " + join_words([WEEKDAY_NAMES[day] for day in weekdays])


def describe_monthdays(monthdays: tuple[int, ...]) -> str:
    """Return ``on the 1st and 15th`` or ``on the 1st and last day``."""
    ordered = [day for day in monthdays if day > 0] + [day for day in monthdays if day < 0]
    words = join_words([ordinal(day) for day in ordered])
    if any(day < 0 for day in monthdays):
        return f"on the {words} day"
    return f"on the {words}"


def describe_count(count: int) -> str:
    """Return ``once``, ``twice`` or ``5 times``."""
    return SMALL_COUNTS.get(count, f"{count} times")


def describe(rule: Rule, with_start: bool = False) -> str:
    """Describe a rule in plain English."""
    words = [describe_frequency(rule.freq, rule.interval)]
    if rule.byweekday and rule.nth is not None:
        names = join_words([WEEKDAY_NAMES[day] for day in rule.byweekday], "or")
        words.append(f"on the {ordinal(rule.nth)} {names}")
    elif rule.byweekday:
        words.append(describe_weekdays(rule.byweekday))
    elif rule.bymonthday:
        words.append(describe_monthdays(rule.bymonthday))
    elif rule.freq == "yearly":
        words.append(f"on {MONTH_NAMES[rule.start.month - 1]} {rule.start.day}")
    clauses = [" ".join(words)]
    if with_start:
        clauses.append(f"starting {format_date(rule.start)}")
    if rule.count is not None:
        clauses.append(describe_count(rule.count))
    if rule.until is not None:
        clauses.append(f"until {format_date(rule.until)}")
    return ", ".join(clauses)
