from datetime import date

import pytest

from recur import (
    RuleError,
    Schedule,
    daily,
    describe,
    ordinal,
    parse_date,
    parse_rule,
    weekly,
    yearly,
)
from recur.weekdays import is_weekend, weekday_name


def test_parse_date_with_slashes_rejected():
    """The text '2024/01/02' is rejected as a date (only YYYY-MM-DD or YYYYMMDD are read)."""
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date("2024/01/02")


def test_short_weekday_name_and_weekend():
    """Weekday 0 is 'Mon' in short form; Sunday (6) is a weekend day and Friday (4) is not."""
    assert (weekday_name(0, short=True), is_weekend(6), is_weekend(4)) == ("Mon", True, False)


def test_missing_freq_rejected():
    """The rule text 'COUNT=3' is rejected because it has no FREQ."""
    with pytest.raises(RuleError, match="no FREQ"):
        parse_rule("COUNT=3", date(2024, 1, 1))


def test_describe_workdays():
    """Weekly on Monday to Friday is described as 'every week on weekdays'."""
    assert describe(weekly(date(2024, 1, 1), byweekday=(0, 1, 2, 3, 4))) == "every week on weekdays"


def test_describe_yearly_twice():
    """Yearly from 2024-03-05 with count 2 is described as 'every year on March 5, twice'."""
    assert describe(yearly(date(2024, 3, 5), count=2)) == "every year on March 5, twice"


def test_ordinal_from_end():
    """The ordinal of -2 is '2nd to last'."""
    assert ordinal(-2) == "2nd to last"


def test_schedule_all_of_endless_rule_refused():
    """Listing every date of a schedule holding an endless daily rule is refused."""
    with pytest.raises(RuleError, match="never ends"):
        Schedule([daily(date(2024, 1, 1))]).all()


def test_rule_part_without_value():
    """The rule text 'FREQ=DAILY;COUNT' is rejected because 'COUNT' is not KEY=VALUE."""
    with pytest.raises(RuleError, match="'COUNT' is not KEY=VALUE"):
        parse_rule("FREQ=DAILY;COUNT", date(2024, 1, 1))
