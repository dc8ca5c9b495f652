"""The windows' online rate (窗口在线率): is someone at each department's window?

While a member of a department's staff has the worklist (or another window
desk) open, the page sends a presence signal every minute or so
(:func:`record_presence`). The day is cut into slots of
:data:`SLOT_MINUTES` minutes; a member of staff is online in a slot if a
signal came in it. A department is online in a slot if at least one member
of its staff was. The online share of a day is the part of the office hours
(control panel, 9:00–12:00 and 13:30–17:30 by default) covered by slots in
which the department was online; only working days (:mod:`zyzwfw.workdays`)
have office hours.

Writing as little as possible
    Each signal is checked first against a set kept in the memory of the
    process: a member of staff already recorded in the current slot costs
    no write at all. The first signal of a slot writes one record per
    department, ``(department_uid, day, slot, user_id)``, into a BTree on
    the site; different keys written at the same moment by several staff
    members are resolved by the BTree without a conflict. Behind several
    instances each remembers on its own, so a slot is written at most once
    per instance, and a key already stored is never rewritten.

The figures are read by the centre's page and by the assessment:
:func:`online_share` and :func:`online_share_between`.
"""

from BTrees.OOBTree import OOBTree
from plone import api
from zope.annotation.interfaces import IAnnotations
from zyzwfw import applications
from zyzwfw import quality_settings

import datetime
import threading


#: The length of a slot of presence, in minutes.
SLOT_MINUTES = 5

#: Key of the presence records in the site's annotations.
ANNOTATION_KEY = "zyzwfw.presence"

_SLOTS_PER_DAY = 24 * 60 // SLOT_MINUTES
_LAST_USER = "\U0010ffff"

# (site path, department, day, slot, user) written by this process.
_written = set()
_written_lock = threading.Lock()
_written_day = [None]


def _storage(create=False):
    portal = api.portal.get()
    annotations = IAnnotations(portal)
    tree = annotations.get(ANNOTATION_KEY)
    if tree is None and create:
        tree = annotations[ANNOTATION_KEY] = OOBTree()
    return tree


def slot_of(moment):
    """Return the slot of the day a time falls in.

    :param moment: A time of day, or a datetime (its time of day counts).
    :type moment: datetime.time
    :returns: ``0`` for 0:00–0:05, up to ``287``.
    :rtype: int
    """
    return (moment.hour * 60 + moment.minute) // SLOT_MINUTES


def record_presence(user_id, department_uids, moment=None):
    """Note that a member of staff has a window desk open now.

    :param user_id: The member of staff.
    :type user_id: str
    :param department_uids: The departments whose staff they belong to.
    :type department_uids: iterable of str
    :param moment: When, an aware datetime; now if ``None``.
    :type moment: datetime.datetime
    :returns: How many records were written: ``0`` when the member of staff
        was recorded in this slot already.
    :rtype: int
    """
    moment = applications.local_time(moment) if moment else applications.hall_now()
    day, slot = moment.date().isoformat(), slot_of(moment)
    site = "/".join(api.portal.get().getPhysicalPath())
    keys = [(uid, day, slot, user_id) for uid in department_uids]
    with _written_lock:
        if _written_day[0] != day:
            # A new day: yesterday's slots will not come again.
            _written.clear()
            _written_day[0] = day
        fresh = [key for key in keys if (site, *key) not in _written]
        _written.update((site, *key) for key in fresh)
    if not fresh:
        return 0

    tree = _storage(create=True)
    written = 0
    for key in fresh:
        if key not in tree:
            tree[key] = 1
            written += 1
    return written


def forget_process_memory():
    """Forget which slots this process wrote (for tests and operators).

    :returns: ``None``.
    """
    with _written_lock:
        _written.clear()
        _written_day[0] = None


def online_slots(department_uid, day):
    """Return the slots of a day in which a department's window was online.

    :param department_uid: The department.
    :type department_uid: str
    :param day: The day.
    :type day: datetime.date
    :returns: The slot numbers, see :func:`slot_of`.
    :rtype: set
    """
    tree = _storage()
    if tree is None:
        return set()
    iso = day.isoformat()
    keys = tree.keys(
        min=(department_uid, iso, 0, ""),
        max=(department_uid, iso, _SLOTS_PER_DAY, _LAST_USER),
    )
    return {key[2] for key in keys}


def _minutes(moment):
    return moment.hour * 60 + moment.minute


def share_of_office_hours(slots, periods):
    """Return the part of the office hours covered by online slots.

    :param slots: Slot numbers in which the window was online.
    :type slots: iterable of int
    :param periods: The office hours, ``(start, end)`` pairs of
        ``datetime.time``.
    :type periods: list
    :returns: A share between 0 and 1; 0 without office hours.
    :rtype: float
    """
    total = sum(_minutes(end) - _minutes(start) for start, end in periods)
    if total <= 0:
        return 0.0
    covered = 0
    for slot in set(slots):
        first = slot * SLOT_MINUTES
        last = first + SLOT_MINUTES
        for start, end in periods:
            overlap = min(last, _minutes(end)) - max(first, _minutes(start))
            if overlap > 0:
                covered += overlap
    return covered / total


def online_share(department_uid, day):
    """Return the share of a day's office hours a department's window was online.

    :param department_uid: The department.
    :type department_uid: str
    :param day: The day.
    :type day: datetime.date
    :returns: Between 0 and 1: the minutes of office hours in slots with at
        least one member of staff online, over all minutes of office hours.
        ``0.0`` on a day that is not a working day, which has no office hours.
    :rtype: float
    """
    if not applications.calendar().is_working_day(day):
        return 0.0
    return share_of_office_hours(
        online_slots(department_uid, day), quality_settings.office_periods()
    )


def working_days(start_day, end_day):
    """Return the working days from one day to another, both included.

    :param start_day: The first day.
    :type start_day: datetime.date
    :param end_day: The last day.
    :type end_day: datetime.date
    :returns: The working days, in order.
    :rtype: list
    """
    calendar = applications.calendar()
    days = []
    day = start_day
    while day <= end_day:
        if calendar.is_working_day(day):
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def online_share_between(department_uid, start_day, end_day):
    """Return the average online share over the working days of a period.

    :param department_uid: The department.
    :type department_uid: str
    :param start_day: The first day, included.
    :type start_day: datetime.date
    :param end_day: The last day, included.
    :type end_day: datetime.date
    :returns: The mean of :func:`online_share` over the working days from
        ``start_day`` to ``end_day``; ``0.0`` if there are none.
    :rtype: float
    """
    days = working_days(start_day, end_day)
    if not days:
        return 0.0
    periods = quality_settings.office_periods()
    shares = [
        share_of_office_hours(online_slots(department_uid, day), periods)
        for day in days
    ]
    return sum(shares) / len(shares)
