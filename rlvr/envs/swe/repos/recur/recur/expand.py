"""Expansion of a :class:`~recur.rule.Rule` into concrete dates.

A rule is expanded period by period (day, week, month or year, stepping by
its interval); each period yields its candidate dates in order, which are
then cut by ``start``, ``until`` and ``count``.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import islice
from typing import Iterator

from recur.dates import (
    DAYS_PER_WEEK,
    days_in_month,
    from_month_index,
    month_index,
    pick_nth,
    resolve_month_day,
    week_start,
    weekdays_in_month,
)
from recur.rule import Rule, RuleError

MAX_EMPTY_PERIODS = 400


def matches_monthday(day: date, monthdays: tuple[int, ...]) -> bool:
    """Tell whether ``day`` is one of the (possibly negative) month days."""
    last = days_in_month(day.year, day.month)
    return any(day.day == (md if md > 0 else last + md + 1) for md in monthdays)


def _daily(rule: Rule, index: int) -> list[date]:
    day = rule.start + timedelta(days=index * rule.interval)
    if rule.byweekday and day.weekday() not in rule.byweekday:
        return []
    if rule.bymonthday and not matches_monthday(day, rule.bymonthday):
        return []
    return [day]


def _weekly(rule: Rule, index: int) -> list[date]:
    base = week_start(rule.start) + timedelta(days=index * rule.interval * DAYS_PER_WEEK)
    weekdays = rule.byweekday or (rule.start.weekday(),)
    return [base + timedelta(days=weekday) for weekday in weekdays]


def _monthly(rule: Rule, index: int) -> list[date]:
    year, month = from_month_index(month_index(rule.start.year, rule.start.month) + index * rule.interval)
    if rule.byweekday:
        days = sorted(day for weekday in rule.byweekday for day in weekdays_in_month(year, month, weekday))
        if rule.nth is None:
            return days
        picked = pick_nth(days, rule.nth)
        return [] if picked is None else [picked]
    monthdays = rule.bymonthday or (rule.start.day,)
    found = {resolve_month_day(year, month, monthday) for monthday in monthdays}
    return sorted(day for day in found if day is not None)


def _yearly(rule: Rule, index: int) -> list[date]:
    year = rule.start.year + index * rule.interval
    if rule.start.day > days_in_month(year, rule.start.month):
        return []
    return [date(year, rule.start.month, rule.start.day)]


PERIOD_FUNCTIONS = {"daily": _daily, "weekly": _weekly, "monthly": _monthly, "yearly": _yearly}


def period_candidates(rule: Rule, index: int) -> list[date]:
    """Return the candidate dates of the ``index``-th period, in order."""
    return PERIOD_FUNCTIONS[rule.freq](rule, index)


def iter_occurrences(rule: Rule) -> Iterator[date]:
    """Yield the rule's dates in increasing order (lazily; may be infinite).

    Expansion also stops after ``MAX_EMPTY_PERIODS`` periods in a row
    without any date, and at the end of the calendar (year 9999).
    """
    emitted = 0
    empty_run = 0
    index = 0
    while True:
        try:
            candidates = period_candidates(rule, index)
        except (OverflowError, ValueError):
            return
        index += 1
        candidates = [day for day in candidates if day >= rule.start]
        if not candidates:
            empty_run += 1
            if empty_run > MAX_EMPTY_PERIODS:
                return
            continue
        empty_run = 0
        for day in candidates:
            if rule.until is not None and day > rule.until:
                return
            yield day
            emitted += 1
            if rule.count is not None and emitted >= rule.count:
                return


def occurrences(rule: Rule, limit: int | None = None) -> list[date]:
    """Return the first ``limit`` dates (all of them for a finite rule)."""
    if limit is None and not rule.is_finite:
        raise RuleError("the rule never ends; pass a limit or set count/until")
    return list(islice(iter_occurrences(rule), limit))


def between(rule: Rule, after: date, before: date, inclusive: bool = True) -> list[date]:
    """Return the dates strictly between two dates (or including them)."""
    found = []
    for day in iter_occurrences(rule):
        if day > before or (day == before and not inclusive):
            break
        if day > after or (day == after and inclusive):
            found.append(day)
    return found


def next_after(rule: Rule, day: date, inclusive: bool = False) -> date | None:
    """Return the first date after ``day`` (or on it when ``inclusive``)."""
    for occurrence in iter_occurrences(rule):
        if occurrence > day or (inclusive and occurrence == day):
            return occurrence
    return None


def last_occurrence(rule: Rule) -> date | None:
    """Return the final date of a finite rule (None if it yields nothing)."""
    last = None
    for last in occurrences(rule):
        pass
    return last
