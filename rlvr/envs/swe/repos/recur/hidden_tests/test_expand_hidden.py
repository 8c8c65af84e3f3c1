from datetime import date

import pytest

from recur import (
    FR,
    MO,
    Rule,
    RuleError,
    TH,
    TU,
    add_months,
    daily,
    monthly,
    next_after,
    nth_weekday,
    occurrences,
    yearly,
)


def test_add_months_backwards_clamps():
    """Going back one month from 2024-03-31 gives 2024-02-29."""
    assert add_months(date(2024, 3, 31), -1) == date(2024, 2, 29)


def test_fifth_friday_of_march():
    """March 2024 has five Fridays; the 5th is 2024-03-29."""
    assert nth_weekday(2024, 3, FR, 5) == date(2024, 3, 29)


def test_zeroth_weekday_is_an_error():
    """Asking for the 0th Monday of a month is an error."""
    with pytest.raises(ValueError, match="non-zero"):
        nth_weekday(2024, 3, MO, 0)


def test_nth_needs_monthly_rule():
    """A weekly rule on Monday with nth 1 is rejected: nth only applies to monthly rules."""
    with pytest.raises(RuleError, match="nth"):
        Rule("weekly", date(2024, 1, 1), byweekday=(MO,), nth=1)


def test_month_day_out_of_range():
    """Month days 32 and 0 are rejected."""
    for bad in (32, 0):
        with pytest.raises(RuleError, match="month days"):
            monthly(date(2024, 1, 1), bymonthday=(bad,))


def test_rule_normalises_frequency_and_weekdays():
    """A rule given 'WEEKLY' and weekdays 'fri', 'mon', 'fri' stores 'weekly' and weekdays (0, 4)."""
    rule = Rule("WEEKLY", date(2024, 1, 1), byweekday=("fri", "mon", "fri"))
    assert (rule.freq, rule.byweekday) == ("weekly", (0, 4))


def test_replace_changes_count():
    """Replacing the count of a daily rule from 2024-01-01 with 2 gives Jan 1 and Jan 2."""
    rule = daily(date(2024, 1, 1)).replace(count=2)
    assert occurrences(rule) == [date(2024, 1, 1), date(2024, 1, 2)]


def test_daily_filtered_by_month_day():
    """Daily restricted to the 1st of the month from 2024-01-15, 2 times, gives Feb 1 and Mar 1."""
    assert occurrences(daily(date(2024, 1, 15), bymonthday=(1,), count=2)) == [date(2024, 2, 1), date(2024, 3, 1)]


def test_quarterly_on_30th_skips_february():
    """Every 3 months from 2024-11-30, 3 times, gives 2024-11-30, 2025-05-30 and 2025-08-30 (February has no 30th)."""
    days = occurrences(monthly(date(2024, 11, 30), 3, count=3))
    assert days == [date(2024, 11, 30), date(2025, 5, 30), date(2025, 8, 30)]


def test_second_to_last_day_of_month():
    """Monthly on the 2nd-to-last day from 2023-02-01, 2 times, gives 2023-02-27 and 2023-03-30."""
    assert occurrences(monthly(date(2023, 2, 1), bymonthday=(-2,), count=2)) == [date(2023, 2, 27), date(2023, 3, 30)]


def test_first_tuesday_or_thursday():
    """Monthly on the first Tuesday-or-Thursday from 2024-01-01, 2 times, gives Jan 2 and Feb 1."""
    rule = monthly(date(2024, 1, 1), byweekday=(TU, TH), nth=1, count=2)
    assert occurrences(rule) == [date(2024, 1, 2), date(2024, 2, 1)]


def test_every_second_year_until():
    """Every 2 years from 2023-03-05 until 2028-01-01 gives 2023-03-05, 2025-03-05 and 2027-03-05."""
    rule = yearly(date(2023, 3, 5), 2, until=date(2028, 1, 1))
    assert occurrences(rule) == [date(2023, 3, 5), date(2025, 3, 5), date(2027, 3, 5)]


def test_next_after_end_is_none():
    """A daily rule from 2024-01-01 with 3 dates has no date after 2024-01-03."""
    assert next_after(daily(date(2024, 1, 1), count=3), date(2024, 1, 3)) is None


def test_expansion_stops_at_calendar_end():
    """A yearly rule from 9998-06-01 yields just 9998-06-01 and 9999-06-01 (the calendar ends in 9999)."""
    assert occurrences(yearly(date(9998, 6, 1)), limit=5) == [date(9998, 6, 1), date(9999, 6, 1)]


def test_rule_that_never_matches_ends():
    """A rule for every 12 months on the 30th, starting in February, yields no dates (February has no 30th)."""
    assert occurrences(monthly(date(2024, 2, 1), 12, bymonthday=(30,)), limit=3) == []


def test_fifth_friday_rule():
    """Monthly on the 5th Friday from 2024-01-01, 2 times, gives 2024-03-29 and 2024-05-31 (January and February have only four)."""
    assert occurrences(monthly(date(2024, 1, 1), byweekday=(FR,), nth=5, count=2)) == [date(2024, 3, 29), date(2024, 5, 31)]


def test_sixth_weekday_rejected():
    """A monthly rule on the 6th Friday is rejected: nth must be 1..5 or -1..-5."""
    with pytest.raises(RuleError, match="nth must be 1..5"):
        monthly(date(2024, 1, 1), byweekday=(FR,), nth=6)
