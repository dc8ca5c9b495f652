"""Due dates of applications, counted in Chinese working days.

An application has two due dates:

``due_date`` (办结期限)
    the day the whole application must be concluded by: the item's promised
    time limit (承诺时限), else its statutory one (法定时限), else the hall's
    default, counted from the day of submission in the unit the item gives
    (working or calendar days).

``step_due_date`` (当前环节期限)
    the day the department's current stage must be finished by, never later
    than ``due_date``. An item's first process step is its acceptance step
    (受理): its time limit covers pre-review and acceptance and runs from
    submission. The time limits of the later steps add up to the handling
    stage, which runs from acceptance; an item that lists no later steps has
    until ``due_date``. An item without steps gets the hall's pre-review time.

While the applicant supplements materials (待补正) the clock stops: on
resubmission both dates move on by the working days (or, for a limit in
calendar days, the days) the applicant took, not counting the day the
supplement was asked for. An online application always gets at least one
working day, so an item decided on the spot (即办件, time limit 0) sent on a
Saturday is due on Monday, not on the Saturday.

Counting follows :mod:`zyzwfw.workdays`: a limit of ``n`` working days from a
day ends on the ``n``-th working day after it. The hall's own holidays and
make-up days, kept in the control panel, go in through a :class:`Calendar`.

Nothing here touches an application: the functions take and return dates,
and :mod:`zyzwfw.applications` stores them.
"""

from dataclasses import dataclass
from zyzwfw import workdays

import datetime


WORKING_DAYS = "working_days"
CALENDAR_DAYS = "calendar_days"

#: Warning levels of :func:`warning_level`.
NONE = "none"
YELLOW = "yellow"
RED = "red"


@dataclass(frozen=True)
class Calendar:
    """The national calendar amended by the hall's holidays and make-up days.

    :param extra_holidays: Days the hall is closed beyond the calendar.
    :param extra_workdays: Weekend days the hall works beyond the calendar.
    """

    extra_holidays: tuple = ()
    extra_workdays: tuple = ()

    def add(self, start, days, unit=WORKING_DAYS):
        """Return the day a time limit of ``days`` ends.

        :param start: The day counting starts after.
        :type start: datetime.date
        :param days: The length of the limit, 0 or more.
        :type days: int
        :param unit: ``working_days`` or ``calendar_days``.
        :type unit: str
        :returns: The last day of the limit.
        :rtype: datetime.date
        :raises ValueError: If ``days`` is negative or ``unit`` unknown.
        """
        if unit == CALENDAR_DAYS:
            if days < 0:
                raise ValueError(f"Cannot add a negative number of days: {days}.")
            return start + datetime.timedelta(days=days)
        if unit != WORKING_DAYS:
            raise ValueError(f"Unknown unit of a time limit: {unit!r}.")
        return workdays.add_working_days(
            start, days, self.extra_holidays, self.extra_workdays
        )

    def between(self, start, end, unit=WORKING_DAYS):
        """Return how many days of ``unit`` lie after ``start`` up to ``end``.

        :param start: The first day, not counted.
        :type start: datetime.date
        :param end: The last day, counted.
        :type end: datetime.date
        :param unit: ``working_days`` or ``calendar_days``.
        :type unit: str
        :returns: The count, negative if ``end`` is before ``start``.
        :rtype: int
        :raises ValueError: If ``unit`` is unknown.
        """
        if unit == CALENDAR_DAYS:
            return (end - start).days
        if unit != WORKING_DAYS:
            raise ValueError(f"Unknown unit of a time limit: {unit!r}.")
        return workdays.working_days_between(
            start, end, self.extra_holidays, self.extra_workdays
        )

    def is_working_day(self, day):
        """Return whether the hall works on ``day``.

        :param day: The day.
        :type day: datetime.date
        :returns: ``True`` on a working day.
        :rtype: bool
        """
        return workdays.is_working_day(day, self.extra_holidays, self.extra_workdays)


@dataclass(frozen=True)
class Limits:
    """The time limits an application of one item runs under.

    :param total: The whole time limit, in ``unit``.
    :param unit: ``working_days`` or ``calendar_days``, for ``total`` only.
    :param acceptance: Working days for pre-review and acceptance.
    :param handling: Working days from acceptance to the decision; 0 means
        until ``due_date``.
    """

    total: int
    unit: str
    acceptance: int
    handling: int


def limits_for(item, acceptance_days, default_days):
    """Return the time limits of an item's applications.

    :param item: A service item, or anything with its ``promised_limit``,
        ``promised_limit_unit``, ``statutory_limit``, ``statutory_limit_unit``
        and ``steps`` attributes.
    :param acceptance_days: Working days for pre-review and acceptance when
        the item's first step has no time limit.
    :type acceptance_days: int
    :param default_days: Working days when the item has no time limit.
    :type default_days: int
    :returns: The limits; each at least 1, so an online application always
        gets a working day.
    :rtype: Limits
    """
    if getattr(item, "promised_limit", None) is not None:
        total = item.promised_limit
        unit = getattr(item, "promised_limit_unit", None) or WORKING_DAYS
    elif getattr(item, "statutory_limit", None) is not None:
        total = item.statutory_limit
        unit = getattr(item, "statutory_limit_unit", None) or WORKING_DAYS
    else:
        total, unit = default_days, WORKING_DAYS

    steps = list(getattr(item, "steps", None) or ())
    limits = [_step_limit(step) for step in steps]
    acceptance = limits[0] if limits and limits[0] else acceptance_days
    handling = sum(limit or 0 for limit in limits[1:])
    return Limits(
        total=max(total, 1),
        unit=unit,
        acceptance=max(acceptance, 1),
        handling=handling,
    )


def _step_limit(step):
    """Return the time limit of one process step, ``None`` if it has none."""
    value = step.get("time_limit") if hasattr(step, "get") else None
    return value if isinstance(value, int) and value >= 0 else None


def on_submission(calendar, limits, day):
    """Return the due dates of an application submitted on ``day``.

    :param calendar: The hall's calendar.
    :type calendar: Calendar
    :param limits: The item's time limits.
    :type limits: Limits
    :param day: The day of submission.
    :type day: datetime.date
    :returns: ``(due_date, step_due_date)``; the second is the end of the
        acceptance stage.
    :rtype: tuple
    """
    due = calendar.add(day, limits.total, limits.unit)
    step_due = min(calendar.add(day, limits.acceptance), due)
    return due, step_due


def on_acceptance(calendar, limits, day, due):
    """Return the end of the handling stage of an application accepted on ``day``.

    :param calendar: The hall's calendar.
    :type calendar: Calendar
    :param limits: The item's time limits.
    :type limits: Limits
    :param day: The day of acceptance.
    :type day: datetime.date
    :param due: The application's ``due_date``.
    :type due: datetime.date
    :returns: The new ``step_due_date``.
    :rtype: datetime.date
    """
    if not limits.handling:
        return due
    return min(calendar.add(day, limits.handling), due)


def after_pause(calendar, paused_on, resumed_on, due, step_due, unit):
    """Return the due dates of an application once the applicant resubmits.

    The days after ``paused_on`` up to and including ``resumed_on`` do not
    count against the department.

    :param calendar: The hall's calendar.
    :type calendar: Calendar
    :param paused_on: The day a supplement was asked for.
    :type paused_on: datetime.date
    :param resumed_on: The day the applicant resubmitted.
    :type resumed_on: datetime.date
    :param due: The ``due_date`` when the clock stopped.
    :type due: datetime.date
    :param step_due: The ``step_due_date`` when the clock stopped.
    :type step_due: datetime.date
    :param unit: The unit of the whole time limit.
    :type unit: str
    :returns: ``(due_date, step_due_date, paused)``: the moved dates and the
        working days the applicant took.
    :rtype: tuple
    """
    paused = max(calendar.between(paused_on, resumed_on), 0)
    paused_in_unit = max(calendar.between(paused_on, resumed_on, unit), 0)
    new_due = calendar.add(due, paused_in_unit, unit)
    new_step_due = min(calendar.add(step_due, paused), new_due)
    return new_due, new_step_due, paused


def days_left(calendar, today, due):
    """Return the working days left until ``due``, negative once it has passed.

    :param calendar: The hall's calendar.
    :type calendar: Calendar
    :param today: Today.
    :type today: datetime.date
    :param due: The due date.
    :type due: datetime.date
    :returns: ``0`` on the due date itself.
    :rtype: int
    """
    if due < today:
        # Past due dates count as at least one day late, even over a weekend.
        return min(calendar.between(today, due), -1)
    return calendar.between(today, due)


def warning_level(calendar, today, due, warning_days=1):
    """Return how urgent an application due on ``due`` is.

    :param calendar: The hall's calendar.
    :type calendar: Calendar
    :param today: Today.
    :type today: datetime.date
    :param due: The due date, ``None`` for a clock that does not run.
    :type due: datetime.date
    :param warning_days: The working days left at which the warning turns
        yellow.
    :type warning_days: int
    :returns: ``red`` when overdue, ``yellow`` when ``warning_days`` or fewer
        working days remain (the due date itself included), else ``none``.
    :rtype: str
    """
    if due is None:
        return NONE
    if due < today:
        return RED
    if days_left(calendar, today, due) <= warning_days:
        return YELLOW
    return NONE
