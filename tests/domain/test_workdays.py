"""Chinese working days: holidays, make-up days, counting and the fallback."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from zyzwfw import workdays
from zyzwfw.workdays import add_working_days
from zyzwfw.workdays import is_working_day
from zyzwfw.workdays import working_days_between

import logging
import pytest


NATIONAL_DAY_2025 = [date(2025, 10, day) for day in range(1, 9)]
SPRING_FESTIVAL_2026 = [date(2026, 2, day) for day in range(15, 24)]


@pytest.fixture(autouse=True)
def fresh_warnings():
    """Each test sees the unknown-year warnings as if none had been logged."""
    workdays._warned_years.clear()
    yield
    workdays._warned_years.clear()


def fallback_warnings(caplog):
    """Return the unknown-year warnings captured so far."""
    return [
        record
        for record in caplog.records
        if record.name == "zyzwfw"
        and record.levelno == logging.WARNING
        and "has no data for" in record.getMessage()
    ]


class TestIsWorkingDay:
    @pytest.mark.parametrize("day", NATIONAL_DAY_2025)
    def test_national_day_2025_is_off(self, day):
        """1 to 8 October 2025 is the National Day and Mid-Autumn holiday."""
        assert is_working_day(day) is False

    @pytest.mark.parametrize("day", SPRING_FESTIVAL_2026)
    def test_spring_festival_2026_is_off(self, day):
        """15 to 23 February 2026 is the Spring Festival holiday."""
        assert is_working_day(day) is False

    @pytest.mark.parametrize(
        "day",
        [
            date(2025, 9, 28),  # a Sunday, worked for National Day
            date(2025, 10, 11),  # a Saturday, worked for National Day
            date(2026, 2, 14),  # a Saturday, worked for Spring Festival
            date(2026, 2, 28),  # a Saturday, worked for Spring Festival
        ],
    )
    def test_make_up_days_are_worked(self, day):
        """Weekend days worked in exchange for a holiday are working days."""
        assert day.weekday() >= 5
        assert is_working_day(day) is True

    @pytest.mark.parametrize(
        "day,expected",
        [
            (date(2025, 9, 26), True),  # Friday
            (date(2025, 9, 27), False),  # Saturday
            (date(2025, 10, 9), True),  # Thursday after the holiday
            (date(2025, 10, 12), False),  # Sunday
            (date(2026, 2, 13), True),
            (date(2026, 2, 24), True),
            (date(2026, 3, 1), False),
        ],
    )
    def test_ordinary_days(self, day, expected):
        """Ordinary weekdays are worked, ordinary weekends are not."""
        assert is_working_day(day) is expected

    def test_datetime_counts_as_its_date(self):
        """A datetime is judged by its date."""
        assert is_working_day(datetime(2025, 10, 1, 9, 30)) is False
        assert is_working_day(datetime(2025, 10, 11, 9, 30)) is True

    def test_extra_holiday(self):
        """A day the hall declares closed is no working day."""
        day = date(2025, 10, 10)
        assert is_working_day(day, extra_holidays=[day]) is False

    def test_extra_workday(self):
        """A day the hall declares open is a working day."""
        day = date(2025, 10, 12)
        assert is_working_day(day, extra_workdays=[day]) is True

    def test_extras_accept_datetimes_and_generators(self):
        """Extras may be any iterable, of dates or datetimes."""
        extras = (datetime(2025, 10, 10, 0, 0) for _ in range(1))
        assert is_working_day(date(2025, 10, 10), extra_holidays=extras) is False

    def test_extra_in_both_is_a_holiday(self, caplog):
        """A day listed both ways is closed, and the contradiction is logged."""
        day = date(2025, 10, 10)
        caplog.set_level(logging.WARNING, logger="zyzwfw")
        assert is_working_day(day, [day], [day]) is False
        assert "2025-10-10 listed both" in caplog.text

    @pytest.mark.parametrize("value", ["2025-10-01", 20251001, None])
    def test_refuses_what_is_not_a_date(self, value):
        """Only dates are judged."""
        with pytest.raises(TypeError):
            is_working_day(value)


class TestAddWorkingDays:
    @pytest.mark.parametrize(
        "start,n,expected",
        [
            (date(2025, 9, 26), 1, date(2025, 9, 28)),  # Sunday make-up day
            (date(2025, 9, 26), 3, date(2025, 9, 30)),
            (date(2025, 9, 30), 1, date(2025, 10, 9)),  # over the holiday
            (date(2025, 10, 1), 1, date(2025, 10, 9)),  # starting on a holiday
            (date(2025, 10, 4), 2, date(2025, 10, 10)),
            (date(2025, 10, 9), 2, date(2025, 10, 11)),  # Saturday make-up day
            (date(2025, 10, 10), 2, date(2025, 10, 13)),
            (date(2025, 9, 25), 20, date(2025, 10, 29)),
            (date(2026, 2, 13), 1, date(2026, 2, 14)),
            (date(2026, 2, 14), 1, date(2026, 2, 24)),
            (date(2026, 2, 14), 5, date(2026, 2, 28)),
            (date(2026, 2, 14), 6, date(2026, 3, 2)),
            (date(2025, 12, 31), 1, date(2026, 1, 4)),  # New Year, Sunday worked
        ],
    )
    def test_counts_working_days_after_start(self, start, n, expected):
        """The n-th working day after the start, holidays and make-up days known."""
        assert add_working_days(start, n) == expected

    def test_zero_is_the_start(self):
        """No working days end on the start itself, even on a holiday."""
        assert add_working_days(date(2025, 10, 1), 0) == date(2025, 10, 1)

    def test_datetime_start(self):
        """A datetime start counts as its date, and a date comes back."""
        due = add_working_days(datetime(2025, 9, 30, 16, 45), 1)
        assert due == date(2025, 10, 9)
        assert type(due) is date

    def test_extra_holidays_push_the_end(self):
        """The hall's own closures are skipped too."""
        closed = [date(2025, 10, 9), date(2025, 10, 10)]
        assert add_working_days(date(2025, 9, 30), 1, closed) == date(2025, 10, 11)

    def test_extra_workdays_pull_the_end(self):
        """The hall's own open weekend days count."""
        opened = [date(2025, 10, 4)]
        end = add_working_days(date(2025, 9, 30), 1, extra_workdays=opened)
        assert end == date(2025, 10, 4)

    def test_refuses_negative(self):
        """A time limit cannot be negative."""
        with pytest.raises(ValueError):
            add_working_days(date(2025, 10, 9), -1)

    def test_refuses_fractions(self):
        """Time limits are whole working days."""
        with pytest.raises(TypeError):
            add_working_days(date(2025, 10, 9), 1.5)


class TestWorkingDaysBetween:
    @pytest.mark.parametrize(
        "start,end,expected",
        [
            (date(2025, 9, 30), date(2025, 10, 8), 0),
            (date(2025, 9, 30), date(2025, 10, 9), 1),
            (date(2025, 9, 26), date(2025, 9, 30), 3),
            (date(2025, 9, 25), date(2025, 10, 29), 20),
            (date(2026, 2, 13), date(2026, 2, 28), 6),
            (date(2025, 10, 9), date(2025, 10, 9), 0),
            (date(2025, 10, 9), date(2025, 9, 30), -1),
            (date(2025, 10, 29), date(2025, 9, 25), -20),
        ],
    )
    def test_counts(self, start, end, expected):
        """Working days after the start up to and including the end."""
        assert working_days_between(start, end) == expected

    def test_antisymmetric(self):
        """Swapping the days negates the count."""
        a, b = date(2026, 1, 20), date(2026, 3, 5)
        assert working_days_between(a, b) == -working_days_between(b, a)

    def test_inverse_of_add_working_days(self):
        """Counting to the end of a time limit gives the limit back."""
        start = date(2025, 9, 1)
        for offset in range(0, 200, 3):
            for n in (0, 1, 5, 15, 20):
                first = start + timedelta(days=offset)
                end = add_working_days(first, n)
                assert working_days_between(first, end) == n

    def test_with_extras(self):
        """The hall's closures and open days change the count."""
        count = working_days_between(
            date(2025, 9, 30),
            date(2025, 10, 12),
            extra_holidays=[date(2025, 10, 9)],
            extra_workdays=[date(2025, 10, 12)],
        )
        assert count == 3  # 10, 11 and 12 October

    def test_datetimes(self):
        """Datetimes count as their dates."""
        count = working_days_between(
            datetime(2025, 9, 30, 23, 59), datetime(2025, 10, 9, 0, 1)
        )
        assert count == 1


class TestUnknownYear:
    @pytest.mark.parametrize(
        "day,expected",
        [
            (date(2099, 1, 1), True),  # a Thursday; the holiday is unknown
            (date(2099, 1, 2), True),
            (date(2099, 1, 3), False),  # Saturday
            (date(2099, 1, 4), False),  # Sunday
            (date(2003, 10, 1), True),  # before the calendar's first year
        ],
    )
    def test_monday_to_friday(self, day, expected, caplog):
        """Without official data, Monday to Friday are the working days."""
        caplog.set_level(logging.WARNING, logger="zyzwfw")
        assert is_working_day(day) is expected
        assert len(fallback_warnings(caplog)) == 1

    def test_warns_once_per_year(self, caplog):
        """The warning names the year, and comes once per year."""
        caplog.set_level(logging.WARNING, logger="zyzwfw")
        add_working_days(date(2099, 3, 1), 40)
        is_working_day(date(2099, 12, 31))
        working_days_between(date(2099, 1, 1), date(2099, 6, 30))
        is_working_day(date(2098, 6, 1))

        warnings = fallback_warnings(caplog)
        assert len(warnings) == 2
        assert "2099" in warnings[0].getMessage()
        assert "2098" in warnings[1].getMessage()
        assert "control panel" in warnings[0].getMessage()

    def test_known_years_do_not_warn(self, caplog):
        """Years with official data log nothing."""
        caplog.set_level(logging.WARNING, logger="zyzwfw")
        add_working_days(date(2025, 1, 1), 200)
        assert fallback_warnings(caplog) == []

    def test_extras_apply(self):
        """The hall's extras fill in the unknown year's holidays."""
        new_year = date(2099, 1, 1)
        assert is_working_day(new_year, extra_holidays=[new_year]) is False
        assert add_working_days(date(2098, 12, 31), 1, [new_year]) == date(2099, 1, 2)

    def test_counting_into_an_unknown_year(self, caplog):
        """A time limit running into an unknown year still ends on a weekday."""
        caplog.set_level(logging.WARNING, logger="zyzwfw")
        assert add_working_days(date(2099, 12, 30), 2) == date(2100, 1, 1)
        assert add_working_days(date(2100, 1, 1), 1) == date(2100, 1, 4)
        assert len(fallback_warnings(caplog)) == 2  # 2099 and 2100
