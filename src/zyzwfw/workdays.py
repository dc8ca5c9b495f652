"""Chinese working days, for the time limits of applications and answers.

A working day is a day the government offices are open: Monday to Friday, minus
the statutory holidays, plus the weekend days worked to make up for them (调休).
The official calendar comes from the ``chinesecalendar`` package. The hall may
add its own closures and make-up days (``extra_holidays`` and ``extra_workdays``,
kept in the control panel); when a day is in both, the closure wins, because an
office declared closed is closed.

For years the package does not know yet (it knows each year once the State
Council has published that year's holidays), Monday to Friday count as working
days and a warning is logged once per year, so that an operator adds that year's
holidays as extras or upgrades the package.

Counting convention, used throughout: a time limit of ``n`` working days
starting on day ``start`` ends on the ``n``-th working day *after* ``start``.
The day of submission never counts, even when it is a working day, and a
submission on a holiday starts counting from the next working day. So a
3-working-day limit starting on Friday 2025-09-26 ends on Tuesday 2025-09-30
(Sunday the 28th is a make-up working day).
"""

from zyzwfw import logger

import chinese_calendar
import datetime
import operator
import threading


_warned_years = set()
_warned_years_lock = threading.Lock()


def _as_date(day):
    """Return ``day`` as a ``datetime.date`` (a datetime loses its time)."""
    if isinstance(day, datetime.datetime):
        return day.date()
    if isinstance(day, datetime.date):
        return day
    raise TypeError(f"Expected a date, got {day!r}.")


def _official_working_day(day):
    """Return whether ``day`` is a working day in the State Council calendar."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        _warn_unknown_year(day.year)
        return day.weekday() < 5


def _warn_unknown_year(year):
    """Log, once per year and process, that ``year`` has no official calendar."""
    with _warned_years_lock:
        if year in _warned_years:
            return
        _warned_years.add(year)
    logger.warning(
        "The Chinese holiday calendar has no data for %s: Monday to Friday count "
        "as working days that year. Enter that year's holidays and make-up "
        "working days in the control panel, or upgrade chinesecalendar.",
        year,
    )


class _Calendar:
    """The official calendar amended by the hall's own holidays and workdays."""

    def __init__(self, extra_holidays, extra_workdays):
        self.holidays = frozenset(_as_date(day) for day in extra_holidays)
        self.workdays = frozenset(_as_date(day) for day in extra_workdays)
        both = self.holidays & self.workdays
        if both:
            logger.warning(
                "%s listed both as extra holidays and as extra working days; "
                "they are treated as holidays.",
                ", ".join(sorted(day.isoformat() for day in both)),
            )

    def is_working_day(self, day):
        if day in self.holidays:
            return False
        if day in self.workdays:
            return True
        return _official_working_day(day)


def is_working_day(day, extra_holidays=(), extra_workdays=()):
    """Return whether the government offices work on ``day``.

    :param day: The day; a datetime counts as its date.
    :type day: datetime.date
    :param extra_holidays: Further days the offices are closed.
    :type extra_holidays: iterable of datetime.date
    :param extra_workdays: Further days the offices are open (make-up days the
        package does not know). A day also in ``extra_holidays`` is a holiday.
    :type extra_workdays: iterable of datetime.date
    :returns: ``True`` on a working day, ``False`` on a weekend or holiday.
    :rtype: bool
    :raises TypeError: If ``day`` is not a date.
    """
    return _Calendar(extra_holidays, extra_workdays).is_working_day(_as_date(day))


def add_working_days(start, n, extra_holidays=(), extra_workdays=()):
    """Return the day a time limit of ``n`` working days ends.

    Counting starts on the first working day after ``start``: the result is the
    ``n``-th working day strictly after ``start`` (see the module docstring). With
    ``n == 0`` the result is ``start`` itself.

    :param start: The day counting starts from, e.g. the day of acceptance; a
        datetime counts as its date.
    :type start: datetime.date
    :param n: The number of working days, ``0`` or more.
    :type n: int
    :param extra_holidays: Further days the offices are closed.
    :type extra_holidays: iterable of datetime.date
    :param extra_workdays: Further days the offices are open.
    :type extra_workdays: iterable of datetime.date
    :returns: The last day of the time limit, always a working day when ``n``
        is positive.
    :rtype: datetime.date
    :raises ValueError: If ``n`` is negative.
    :raises TypeError: If ``start`` is not a date or ``n`` not an integer.
    """
    n = operator.index(n)
    if n < 0:
        raise ValueError(f"Cannot add a negative number of working days: {n}.")
    calendar = _Calendar(extra_holidays, extra_workdays)
    day = _as_date(start)
    one_day = datetime.timedelta(days=1)

    remaining = n
    while remaining:
        day += one_day
        if calendar.is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start, end, extra_holidays=(), extra_workdays=()):
    """Return how many working days lie after ``start`` up to and including ``end``.

    This is the inverse of :func:`add_working_days`:
    ``working_days_between(d, add_working_days(d, n)) == n``. When ``end`` is
    before ``start`` the count is negative, ``-working_days_between(end,
    start)``, so ``working_days_between(today, due)`` is the number of working
    days left, and negative once a time limit has passed.

    :param start: The first day, itself not counted; a datetime counts as its
        date.
    :type start: datetime.date
    :param end: The last day, counted if it is a working day.
    :type end: datetime.date
    :param extra_holidays: Further days the offices are closed.
    :type extra_holidays: iterable of datetime.date
    :param extra_workdays: Further days the offices are open.
    :type extra_workdays: iterable of datetime.date
    :returns: The number of working days, negative if ``end`` is before
        ``start``.
    :rtype: int
    :raises TypeError: If ``start`` or ``end`` is not a date.
    """
    calendar = _Calendar(extra_holidays, extra_workdays)
    first, last = _as_date(start), _as_date(end)
    sign = 1
    if last < first:
        first, last, sign = last, first, -1

    count = 0
    day = first + datetime.timedelta(days=1)
    while day <= last:
        count += calendar.is_working_day(day)
        day += datetime.timedelta(days=1)
    return sign * count
