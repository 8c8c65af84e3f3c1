"""recur: date recurrence rules.

Rules (daily, weekly, monthly, yearly with interval, weekdays, month days,
count and until) expand into concrete :class:`datetime.date` values; a
:class:`Schedule` combines rules with extra and excluded dates. Nothing here
reads the clock: every date comes from the caller.
"""

from recur.dates import add_months, days_in_month, is_leap_year, nth_weekday, parse_date
from recur.describe import describe, ordinal
from recur.expand import between, iter_occurrences, last_occurrence, next_after, occurrences
from recur.rule import Rule, RuleError, daily, monthly, weekly, yearly
from recur.schedule import Schedule
from recur.text import format_rule, parse_rule
from recur.weekdays import FR, MO, SA, SU, TH, TU, WE, parse_weekday, parse_weekday_list

__all__ = [
    "FR", "MO", "SA", "SU", "TH", "TU", "WE",
    "Rule", "RuleError", "Schedule",
    "add_months", "between", "daily", "days_in_month", "describe", "format_rule",
    "is_leap_year", "iter_occurrences", "last_occurrence", "monthly", "next_after",
    "nth_weekday", "occurrences", "ordinal", "parse_date", "parse_rule",
    "parse_weekday", "parse_weekday_list", "weekly", "yearly",
]
