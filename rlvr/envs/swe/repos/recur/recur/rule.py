"""The :class:`Rule` value object: one recurrence rule and its validation."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from recur.weekdays import parse_weekday

FREQUENCIES = ("daily", "weekly", "monthly", "yearly")
MAX_MONTH_DAY = 31
MAX_NTH = 5


class RuleError(ValueError):
    """A rule's fields contradict each other or are out of range."""


@dataclass(frozen=True)
class Rule:
    """A recurrence rule.

    Attributes:
        freq: ``daily``, ``weekly``, ``monthly`` or ``yearly``.
        start: the first possible occurrence; nothing earlier is produced.
        interval: repeat every ``interval`` periods (2 = every other week).
        byweekday: weekdays (0 = Monday) the occurrences fall on.
        bymonthday: days of the month (negative counts from the end).
        nth: with a monthly ``byweekday``, keep only the n-th matching day
            of each month (``-1`` = the last one).
        count: stop after this many occurrences.
        until: stop after this date (inclusive).
    """

    freq: str
    start: date
    interval: int = 1
    byweekday: tuple[int, ...] = ()
    bymonthday: tuple[int, ...] = ()
    nth: int | None = None
    count: int | None = None
    until: date | None = None

    def __post_init__(self) -> None:
        freq = self.freq.lower()
        if freq not in FREQUENCIES:
            raise RuleError(f"freq must be one of {', '.join(FREQUENCIES)}, got {self.freq!r}")
        object.__setattr__(self, "freq", freq)
        if self.interval < 1:
            raise RuleError(f"interval must be at least 1, got {self.interval}")
        weekdays = tuple(sorted({parse_weekday(day) for day in self.byweekday}))
        object.__setattr__(self, "byweekday", weekdays)
        monthdays = tuple(sorted(set(self.bymonthday)))
        for monthday in monthdays:
            if monthday == 0 or abs(monthday) > MAX_MONTH_DAY:
                raise RuleError(f"month days are 1..31 or -31..-1, got {monthday}")
        object.__setattr__(self, "bymonthday", monthdays)
        self._check_limits()

    def _check_limits(self) -> None:
        if self.nth is not None:
            if self.freq != "monthly" or not self.byweekday:
                raise RuleError("nth needs freq='monthly' and at least one byweekday")
            if self.nth == 0 or abs(self.nth) > MAX_NTH:
                raise RuleError(f"nth must be 1..5 or -1..-5, got {self.nth}")
        if self.byweekday and self.bymonthday:
            raise RuleError("give byweekday or bymonthday, not both")
        if self.count is not None and self.until is not None:
            raise RuleError("give count or until, not both")
        if self.count is not None and self.count < 1:
            raise RuleError(f"count must be at least 1, got {self.count}")
        if self.until is not None and self.until < self.start:
            raise RuleError(f"until {self.until} is before start {self.start}")

    @property
    def is_finite(self) -> bool:
        """Tell whether the rule produces a bounded number of dates."""
        return self.count is not None or self.until is not None

    def replace(self, **changes) -> "Rule":
        """Return a copy with some fields changed (validated again)."""
        return dataclasses.replace(self, **changes)


def daily(start: date, interval: int = 1, **options) -> Rule:
    """Shorthand for ``Rule('daily', start, interval, ...)``."""
    return Rule("daily", start, interval, **options)


def weekly(start: date, interval: int = 1, byweekday: tuple = (), **options) -> Rule:
    """Shorthand for a weekly rule; weekdays may be names like ``'mon'``."""
    return Rule("weekly", start, interval, byweekday=tuple(byweekday), **options)


def monthly(start: date, interval: int = 1, **options) -> Rule:
    """Shorthand for a monthly rule."""
    return Rule("monthly", start, interval, **options)


def yearly(start: date, interval: int = 1, **options) -> Rule:
    """Shorthand for a yearly rule on the start's month and day."""
    return Rule("yearly", start, interval, **options)
