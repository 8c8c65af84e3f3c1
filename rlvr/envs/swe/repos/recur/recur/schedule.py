"""A :class:`Schedule`: several rules plus extra and excluded dates."""

from __future__ import annotations

import heapq
from datetime import date
from itertools import islice
from typing import Iterable, Iterator

from recur.dates import days_between
from recur.expand import iter_occurrences
from recur.rule import Rule, RuleError
from recur.weekdays import WEEKDAY_NAMES


class Schedule:
    """The union of some rules and extra dates, minus excluded dates.

    Dates come out sorted and without duplicates.
    """

    def __init__(self, rules: Iterable[Rule] = (), include: Iterable[date] = (), exclude: Iterable[date] = ()) -> None:
        self.rules = list(rules)
        self.included = set(include)
        self.excluded = set(exclude)

    def add_rule(self, rule: Rule) -> "Schedule":
        """Add a rule; return the schedule for chaining."""
        self.rules.append(rule)
        return self

    def include(self, day: date) -> "Schedule":
        """Add a one-off date (un-excluding it if it was excluded)."""
        self.included.add(day)
        self.excluded.discard(day)
        return self

    def exclude(self, day: date) -> "Schedule":
        """Remove one date from the schedule."""
        self.excluded.add(day)
        return self

    @property
    def is_finite(self) -> bool:
        """Tell whether every rule ends."""
        return all(rule.is_finite for rule in self.rules)

    def __iter__(self) -> Iterator[date]:
        streams = [iter_occurrences(rule) for rule in self.rules]
        streams.append(iter(sorted(self.included)))
        previous = None
        for day in heapq.merge(*streams):
            if day == previous:
                continue
            previous = day
            if day not in self.excluded:
                yield day

    def first(self, n: int) -> list[date]:
        """Return the first ``n`` dates."""
        return list(islice(self, n))

    def all(self) -> list[date]:
        """Return every date of a finite schedule."""
        if not self.is_finite:
            raise RuleError("the schedule has a rule that never ends; use first(n) or between()")
        return list(self)

    def between(self, after: date, before: date, inclusive: bool = True) -> list[date]:
        """Return the dates between two dates (bounds included by default)."""
        found = []
        for day in self:
            if day > before or (day == before and not inclusive):
                break
            if day > after or (day == after and inclusive):
                found.append(day)
        return found

    def next_after(self, day: date, inclusive: bool = False) -> date | None:
        """Return the first date after ``day`` (or on it when ``inclusive``)."""
        for occurrence in self:
            if occurrence > day or (inclusive and occurrence == day):
                return occurrence
        return None

    def is_occurrence(self, day: date) -> bool:
        """Tell whether ``day`` is in the schedule."""
        return self.next_after(day, inclusive=True) == day

    def count_by_weekday(self, after: date, before: date) -> dict[str, int]:
        """Count the dates in a range per weekday name (only weekdays that occur)."""
        counts: dict[str, int] = {}
        for day in self.between(after, before):
            name = WEEKDAY_NAMES[day.weekday()]
            counts[name] = counts.get(name, 0) + 1
        return counts

    def conflicts(self, other: "Schedule", after: date, before: date) -> list[date]:
        """Return the dates in a range that both schedules contain."""
        mine = set(self.between(after, before))
        return sorted(day for day in other.between(after, before) if day in mine)

    def longest_gap(self, after: date, before: date) -> int:
        """Return the most days between two consecutive dates in a range (0 if < 2 dates)."""
        days = self.between(after, before)
        return max((days_between(a, b) for a, b in zip(days, days[1:])), default=0)
