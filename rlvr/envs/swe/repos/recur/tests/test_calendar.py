from datetime import date

import pytest

from recur import (
    FR,
    MO,
    TH,
    add_months,
    days_in_month,
    is_leap_year,
    nth_weekday,
    parse_date,
    parse_weekday,
    parse_weekday_list,
)


def test_leap_years():
    """2024 and 2000 are leap years; 1900 and 2023 are not."""
    assert [is_leap_year(y) for y in (2024, 2000, 1900, 2023)] == [True, True, False, False]


def test_days_in_february():
    """February has 28 days in 2023 and 29 days in 2024."""
    assert (days_in_month(2023, 2), days_in_month(2024, 2)) == (28, 29)


def test_days_in_april():
    """April 2024 has 30 days."""
    assert days_in_month(2024, 4) == 30


def test_add_month_clamps_to_month_end():
    """Adding one month to 2024-01-31 gives 2024-02-29, the last day of February."""
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)


def test_add_month_without_clamp_gives_none():
    """Adding one month to 2024-01-31 without clamping gives None because 2024-02-31 does not exist."""
    assert add_months(date(2024, 1, 31), 1, clamp=False) is None


def test_add_months_across_year_end():
    """Adding 3 months to 2024-11-15 gives 2025-02-15."""
    assert add_months(date(2024, 11, 15), 3) == date(2025, 2, 15)


def test_last_monday_of_may():
    """The last Monday of May 2024 is 2024-05-27."""
    assert nth_weekday(2024, 5, MO, -1) == date(2024, 5, 27)


def test_fourth_thursday_of_november():
    """The 4th Thursday of November 2024 is 2024-11-28."""
    assert nth_weekday(2024, 11, TH, 4) == date(2024, 11, 28)


def test_fifth_friday_missing():
    """February 2024 has only four Fridays, so asking for the 5th gives None."""
    assert nth_weekday(2024, 2, FR, 5) is None


def test_parse_compact_date():
    """The text '20240315' is the date 2024-03-15."""
    assert parse_date("20240315") == date(2024, 3, 15)


def test_parse_weekday_forms():
    """'Wed', 'SU' and 'friday' are weekdays 2, 6 and 4 (Monday is 0)."""
    assert [parse_weekday(t) for t in ("Wed", "SU", "friday")] == [2, 6, 4]


def test_parse_weekday_list_sorted():
    """'fri, mon,wed' is the sorted weekday list (0, 2, 4)."""
    assert parse_weekday_list("fri, mon,wed") == (0, 2, 4)


def test_parse_weekend_group():
    """'weekend' is Saturday and Sunday: (5, 6)."""
    assert parse_weekday_list("weekend") == (5, 6)


def test_unknown_weekday_name():
    """'funday' is rejected because it is not a weekday."""
    with pytest.raises(ValueError, match="funday"):
        parse_weekday("funday")


def test_last_sunday_on_month_end():
    """The last Sunday of March 2024 is 2024-03-31, the month's last day."""
    assert nth_weekday(2024, 3, 6, -1) == date(2024, 3, 31)


def test_date_with_one_dash_rejected():
    """The text '2024-0102' is rejected as a date because it has one dash instead of two."""
    with pytest.raises(ValueError, match="is not a date"):
        parse_date("2024-0102")
