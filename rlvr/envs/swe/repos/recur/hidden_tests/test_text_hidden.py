from datetime import date

import pytest

from recur import (
    FR,
    MO,
    RuleError,
    Schedule,
    TH,
    TU,
    daily,
    describe,
    format_rule,
    monthly,
    parse_date,
    parse_rule,
    weekly,
)
from recur.weekdays import parse_ordinal_weekday, weekday_name


def test_ordinal_weekday_codes():
    """'-1FR' is the last Friday (4, -1) and '2mo' the second Monday (0, 2)."""
    assert (parse_ordinal_weekday("-1FR"), parse_ordinal_weekday("2mo")) == ((4, -1), (0, 2))


def test_ordinal_weekday_out_of_range():
    """'6MO' is rejected because a month has at most 5 Mondays."""
    with pytest.raises(ValueError, match="at most 5"):
        parse_ordinal_weekday("6MO")


def test_weekday_number_out_of_range():
    """Weekday number 7 is rejected."""
    with pytest.raises(ValueError, match="0 \\(Monday\\) to 6"):
        weekday_name(7)


def test_parse_and_format_last_friday_round_trip():
    """'FREQ=MONTHLY;BYDAY=-1FR;COUNT=3' reads as the last Friday, 3 times, and is written back identically."""
    rule = parse_rule("FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", date(2024, 1, 1))
    assert (rule.nth, format_rule(rule)) == (-1, "FREQ=MONTHLY;BYDAY=-1FR;COUNT=3")


def test_mixed_ordinals_rejected():
    """'BYDAY=1MO,2TU' is rejected because the weekdays have different ordinals."""
    with pytest.raises(RuleError, match="share one ordinal"):
        parse_rule("FREQ=MONTHLY;BYDAY=1MO,2TU", date(2024, 1, 1))


def test_non_numeric_count_rejected():
    """'COUNT=abc' is rejected with a message naming COUNT."""
    with pytest.raises(RuleError, match="COUNT must be an integer"):
        parse_rule("FREQ=DAILY;COUNT=abc", date(2024, 1, 1))


def test_bad_until_rejected():
    """'UNTIL=20240230' is rejected because February 30 does not exist."""
    with pytest.raises(RuleError, match="UNTIL"):
        parse_rule("FREQ=DAILY;UNTIL=20240230", date(2024, 1, 1))


def test_lowercase_keys_and_month_days():
    """'freq=monthly;bymonthday=1,-1;interval=2' reads as every 2 months on the 1st and last day."""
    rule = parse_rule("freq=monthly;bymonthday=1,-1;interval=2", date(2024, 1, 1))
    assert format_rule(rule) == "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1,1"


def test_describe_first_and_last_day():
    """Every 3 months on the 1st and last day is described as 'every 3 months on the 1st and last day'."""
    assert describe(monthly(date(2024, 1, 1), 3, bymonthday=(-1, 1))) == "every 3 months on the 1st and last day"


def test_describe_with_start_once():
    """A daily rule from 2024-01-01 with count 1, described with its start, reads 'every day, starting 2024-01-01, once'."""
    assert describe(daily(date(2024, 1, 1), count=1), with_start=True) == "every day, starting 2024-01-01, once"


def test_describe_nth_of_two_weekdays():
    """Monthly on the first Tuesday or Thursday is described as 'every month on the 1st Tuesday or Thursday'."""
    assert describe(monthly(date(2024, 1, 1), byweekday=(TU, TH), nth=1)) == "every month on the 1st Tuesday or Thursday"


def test_schedule_is_occurrence_and_next_after():
    """For Mondays from 2024-01-01, Jan 15 is a date, Jan 16 is not, and the next date after Jan 16 is Jan 22."""
    schedule = Schedule([weekly(date(2024, 1, 1), byweekday=(MO,))])
    result = (schedule.is_occurrence(date(2024, 1, 15)), schedule.is_occurrence(date(2024, 1, 16)), schedule.next_after(date(2024, 1, 16)))
    assert result == (True, False, date(2024, 1, 22))


def test_schedule_between_exclusive_and_count_by_weekday():
    """Mondays and Fridays from 2024-01-01 between Jan 1 and Jan 15 (exclusive) are Jan 5, 8 and 12: 2 Fridays and 1 Monday."""
    schedule = Schedule().add_rule(weekly(date(2024, 1, 1), byweekday=(MO, FR)))
    days = schedule.between(date(2024, 1, 1), date(2024, 1, 15), inclusive=False)
    assert (days, schedule.count_by_weekday(date(2024, 1, 2), date(2024, 1, 14))) == (
        [date(2024, 1, 5), date(2024, 1, 8), date(2024, 1, 12)],
        {"Friday": 2, "Monday": 1},
    )


def test_schedule_conflicts_and_longest_gap():
    """Every 2 days and every 3 days from 2024-01-01 meet on Jan 1, 7 and 13 up to Jan 14; the 3-day one's longest gap is 3."""
    even = Schedule([daily(date(2024, 1, 1), 2)])
    third = Schedule([daily(date(2024, 1, 1), 3)])
    assert (even.conflicts(third, date(2024, 1, 1), date(2024, 1, 14)), third.longest_gap(date(2024, 1, 1), date(2024, 1, 14))) == (
        [date(2024, 1, 1), date(2024, 1, 7), date(2024, 1, 13)],
        3,
    )


def test_include_cancels_exclusion_and_finite_all():
    """A 3-day schedule from 2024-01-01 with Jan 2 excluded and then re-included lists Jan 1, 2 and 3."""
    schedule = Schedule([daily(date(2024, 1, 1), count=3)]).exclude(date(2024, 1, 2)).include(date(2024, 1, 2))
    assert schedule.all() == [date(2024, 1, 1), date(2024, 1, 2), date(2024, 1, 3)]


def test_date_with_letters_rejected():
    """The text '2024ab01' is rejected as a date with a message asking for YYYY-MM-DD or YYYYMMDD."""
    with pytest.raises(ValueError, match="'2024ab01' is not a date; write YYYY-MM-DD or YYYYMMDD"):
        parse_date("2024ab01")
