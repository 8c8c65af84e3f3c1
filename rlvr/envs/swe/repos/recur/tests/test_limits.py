from datetime import date

import pytest

from recur import (
    MO,
    RuleError,
    SU,
    add_months,
    daily,
    days_in_month,
    last_occurrence,
    monthly,
    occurrences,
    weekly,
)


def test_add_month_from_december():
    """Adding one month to 2024-12-15 gives 2025-01-15."""
    assert add_months(date(2024, 12, 15), 1) == date(2025, 1, 15)


def test_invalid_month_number():
    """Asking for the length of month 13 is an error."""
    with pytest.raises(ValueError, match="1-12"):
        days_in_month(2024, 13)


def test_weekday_and_monthday_together():
    """A monthly rule with both weekday Monday and month day 1 is rejected."""
    with pytest.raises(RuleError, match="not both"):
        monthly(date(2024, 1, 1), byweekday=(MO,), bymonthday=(1,))


def test_count_zero_rejected():
    """A rule with count 0 is rejected."""
    with pytest.raises(RuleError, match="count must be at least 1"):
        daily(date(2024, 1, 1), count=0)


def test_daily_on_workdays_skips_weekend():
    """Daily on weekdays from Friday 2024-01-05, 3 times, gives Jan 5, Jan 8 and Jan 9."""
    rule = daily(date(2024, 1, 5), byweekday=(0, 1, 2, 3, 4), count=3)
    assert occurrences(rule) == [date(2024, 1, 5), date(2024, 1, 8), date(2024, 1, 9)]


def test_weekly_sunday_from_monday_start():
    """Weekly on Sunday from Monday 2024-01-01, 2 times, gives Jan 7 and Jan 14."""
    assert occurrences(weekly(date(2024, 1, 1), byweekday=(SU,), count=2)) == [date(2024, 1, 7), date(2024, 1, 14)]


def test_last_of_ten_days():
    """The last of 10 daily dates from 2024-12-25 is 2025-01-03."""
    assert last_occurrence(daily(date(2024, 12, 25), count=10)) == date(2025, 1, 3)
