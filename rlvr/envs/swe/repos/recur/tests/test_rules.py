from datetime import date

import pytest

from recur import (
    FR,
    MO,
    Rule,
    RuleError,
    between,
    daily,
    monthly,
    next_after,
    occurrences,
    weekly,
    yearly,
)


def test_unknown_frequency():
    """A rule with frequency 'hourly' is rejected."""
    with pytest.raises(RuleError, match="hourly"):
        Rule("hourly", date(2024, 1, 1))


def test_interval_must_be_positive():
    """A rule with interval 0 is rejected."""
    with pytest.raises(RuleError, match="interval"):
        daily(date(2024, 1, 1), 0)


def test_count_and_until_together():
    """A rule that sets both count 3 and until 2024-02-01 is rejected."""
    with pytest.raises(RuleError, match="count or until"):
        daily(date(2024, 1, 1), count=3, until=date(2024, 2, 1))


def test_until_before_start():
    """A rule starting 2024-05-01 with until 2024-04-30 is rejected."""
    with pytest.raises(RuleError, match="before start"):
        daily(date(2024, 5, 1), until=date(2024, 4, 30))


def test_daily_across_month_end():
    """A daily rule from 2024-01-30 with count 4 gives Jan 30, Jan 31, Feb 1 and Feb 2."""
    days = occurrences(daily(date(2024, 1, 30), count=4))
    assert days == [date(2024, 1, 30), date(2024, 1, 31), date(2024, 2, 1), date(2024, 2, 2)]


def test_every_third_day_in_leap_february():
    """Every 3 days from 2024-02-27, 3 times, gives Feb 27, Mar 1 and Mar 4 (2024 has Feb 29)."""
    assert occurrences(daily(date(2024, 2, 27), 3, count=3)) == [date(2024, 2, 27), date(2024, 3, 1), date(2024, 3, 4)]


def test_biweekly_monday_friday():
    """Every 2 weeks on Monday and Friday from Wednesday 2024-01-03, 5 times, gives Jan 5, 15, 19, 29 and Feb 2."""
    days = occurrences(weekly(date(2024, 1, 3), 2, ("mon", "fri"), count=5))
    assert days == [date(2024, 1, 5), date(2024, 1, 15), date(2024, 1, 19), date(2024, 1, 29), date(2024, 2, 2)]


def test_weekly_defaults_to_start_weekday():
    """A weekly rule from Wednesday 2024-01-03 with count 3 gives Jan 3, Jan 10 and Jan 17."""
    assert occurrences(weekly(date(2024, 1, 3), count=3)) == [date(2024, 1, 3), date(2024, 1, 10), date(2024, 1, 17)]


def test_monthly_on_31st_skips_short_months():
    """Monthly on the 31st from 2024-01-31, 4 times, gives Jan 31, Mar 31, May 31 and Jul 31."""
    days = occurrences(monthly(date(2024, 1, 31), count=4))
    assert days == [date(2024, 1, 31), date(2024, 3, 31), date(2024, 5, 31), date(2024, 7, 31)]


def test_monthly_first_and_last_day():
    """Monthly on the 1st and last day from 2024-02-10, 3 times, gives Feb 29, Mar 1 and Mar 31."""
    days = occurrences(monthly(date(2024, 2, 10), bymonthday=(1, -1), count=3))
    assert days == [date(2024, 2, 29), date(2024, 3, 1), date(2024, 3, 31)]


def test_monthly_last_friday():
    """Monthly on the last Friday from 2024-01-01, 3 times, gives Jan 26, Feb 23 and Mar 29."""
    days = occurrences(monthly(date(2024, 1, 1), byweekday=(FR,), nth=-1, count=3))
    assert days == [date(2024, 1, 26), date(2024, 2, 23), date(2024, 3, 29)]


def test_yearly_on_leap_day():
    """Yearly from 2024-02-29, 3 times, gives 2024-02-29, 2028-02-29 and 2032-02-29."""
    assert occurrences(yearly(date(2024, 2, 29), count=3)) == [date(2024, 2, 29), date(2028, 2, 29), date(2032, 2, 29)]


def test_until_is_inclusive():
    """Daily from 2024-03-01 until 2024-03-03 gives three dates, the until date included."""
    assert occurrences(daily(date(2024, 3, 1), until=date(2024, 3, 3))) == [date(2024, 3, 1), date(2024, 3, 2), date(2024, 3, 3)]


def test_endless_rule_needs_limit():
    """Listing all dates of a daily rule with no count or until is refused."""
    with pytest.raises(RuleError, match="never ends"):
        occurrences(daily(date(2024, 1, 1)))


def test_limit_on_endless_rule():
    """The first 2 dates of an endless weekly rule from 2024-01-01 are Jan 1 and Jan 8."""
    assert occurrences(weekly(date(2024, 1, 1)), limit=2) == [date(2024, 1, 1), date(2024, 1, 8)]


def test_between_inclusive():
    """Mondays from 2024-01-01 between Jan 8 and Jan 22 inclusive are Jan 8, 15 and 22."""
    rule = weekly(date(2024, 1, 1), byweekday=(MO,))
    assert between(rule, date(2024, 1, 8), date(2024, 1, 22)) == [date(2024, 1, 8), date(2024, 1, 15), date(2024, 1, 22)]


def test_between_exclusive():
    """Mondays from 2024-01-01 strictly between Jan 8 and Jan 22 are just Jan 15."""
    rule = weekly(date(2024, 1, 1), byweekday=(MO,))
    assert between(rule, date(2024, 1, 8), date(2024, 1, 22), inclusive=False) == [date(2024, 1, 15)]


def test_next_after_skips_same_day():
    """For a monthly rule on the 15th, the next date after 2024-03-15 is 2024-04-15."""
    assert next_after(monthly(date(2024, 1, 15)), date(2024, 3, 15)) == date(2024, 4, 15)


def test_next_after_inclusive_same_day():
    """For a monthly rule on the 15th, the next date on or after 2024-03-15 is 2024-03-15 itself."""
    assert next_after(monthly(date(2024, 1, 15)), date(2024, 3, 15), inclusive=True) == date(2024, 3, 15)
