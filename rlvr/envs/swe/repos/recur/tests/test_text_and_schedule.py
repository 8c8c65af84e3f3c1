from datetime import date

import pytest

from recur import (
    FR,
    MO,
    RuleError,
    Schedule,
    daily,
    describe,
    format_rule,
    monthly,
    ordinal,
    parse_rule,
    weekly,
)


def test_parse_weekly_rule():
    """'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=5' is a weekly rule every 2 weeks on Monday and Friday, 5 times."""
    rule = parse_rule("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=5", date(2024, 1, 1))
    assert (rule.freq, rule.interval, rule.byweekday, rule.count) == ("weekly", 2, (MO, FR), 5)


def test_format_monthly_rule():
    """Monthly on the 1st and 15th until 2024-06-30 is written 'FREQ=MONTHLY;BYMONTHDAY=1,15;UNTIL=20240630'."""
    rule = monthly(date(2024, 1, 1), bymonthday=(15, 1), until=date(2024, 6, 30))
    assert format_rule(rule) == "FREQ=MONTHLY;BYMONTHDAY=1,15;UNTIL=20240630"


def test_unknown_rule_key():
    """The rule text 'FREQ=DAILY;BYHOUR=9' is rejected because BYHOUR is unknown."""
    with pytest.raises(RuleError, match="BYHOUR"):
        parse_rule("FREQ=DAILY;BYHOUR=9", date(2024, 1, 1))


def test_describe_biweekly():
    """Every 2 weeks on Monday and Friday, 5 times, is described as 'every 2 weeks on Monday and Friday, 5 times'."""
    rule = weekly(date(2024, 1, 1), 2, (FR, MO), count=5)
    assert describe(rule) == "every 2 weeks on Monday and Friday, 5 times"


def test_describe_daily_until():
    """A daily rule until 2024-03-31 is described as 'every day, until 2024-03-31'."""
    assert describe(daily(date(2024, 3, 1), until=date(2024, 3, 31))) == "every day, until 2024-03-31"


def test_describe_last_friday():
    """Monthly on the last Friday is described as 'every month on the last Friday'."""
    assert describe(monthly(date(2024, 1, 1), byweekday=(FR,), nth=-1)) == "every month on the last Friday"


def test_ordinals():
    """Ordinals of 1, 2, 3, 4, 11, 12, 13, 21, 22 and 111 are 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd and 111th."""
    words = [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 111)]
    assert words == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "111th"]


def test_schedule_merges_rules_without_duplicates():
    """A schedule of Mondays and of every 7 days from Monday 2024-01-01, first 3 dates, gives Jan 1, 8 and 15 once each."""
    schedule = Schedule([weekly(date(2024, 1, 1), byweekday=(MO,)), daily(date(2024, 1, 1), 7)])
    assert schedule.first(3) == [date(2024, 1, 1), date(2024, 1, 8), date(2024, 1, 15)]


def test_schedule_exclusion():
    """Excluding 2024-01-02 from daily dates starting 2024-01-01 gives Jan 1, Jan 3 and Jan 4 first."""
    schedule = Schedule([daily(date(2024, 1, 1))], exclude=[date(2024, 1, 2)])
    assert schedule.first(3) == [date(2024, 1, 1), date(2024, 1, 3), date(2024, 1, 4)]


def test_schedule_extra_date():
    """A monthly schedule on the 1st from 2024-01-01 with the extra date 2024-01-20 lists Jan 1, Jan 20 and Feb 1 first."""
    schedule = Schedule([monthly(date(2024, 1, 1))], include=[date(2024, 1, 20)])
    assert schedule.first(3) == [date(2024, 1, 1), date(2024, 1, 20), date(2024, 2, 1)]
