"""Settings of ratings, rectification and the windows' online rate.

The centre edits them in the hall control panel (``@@hall-settings``, tab
评价与在线率). :func:`get` reads one setting, falling back to the schema's
default on a site whose registry lacks the record.
"""

from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zope.interface import invariant
from zyzwfw import _
from zyzwfw.registry_settings import setting

import datetime
import re


#: Registry prefix of :class:`IQualitySettings`.
PREFIX = "zyzwfw.quality"

_PERIOD = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def parse_period(text):
    """Return the start and end of a period of office hours written ``9:00-12:00``.

    :param text: The period.
    :type text: str
    :returns: ``(start, end)``, two ``datetime.time``.
    :rtype: tuple
    :raises ValueError: If the text is no period or ends before it starts.
    """
    match = _PERIOD.match(text or "")
    if match is None:
        raise ValueError(f"Not a period of hours: {text!r}")
    hours = [int(part) for part in match.groups()]
    start = datetime.time(hours[0], hours[1])
    end = datetime.time(hours[2], hours[3])
    if end <= start:
        raise ValueError(f"The period {text!r} ends before it starts")
    return start, end


def periods_valid(value):
    """Check the office hours as the control panel's form sends them.

    plone.registry keeps no constraint on a field, so the form checks the
    periods through an invariant of the schema instead.

    :param value: The periods, as text.
    :type value: list
    :returns: ``True``.
    :raises Invalid: If a period is not written as ``9:00-12:00``.
    """
    try:
        for text in value or ():
            parse_period(text)
    except ValueError:
        raise Invalid(
            _(
                "error_window_hours",
                default="Write each period as 9:00-12:00, the end after the start.",
            )
        ) from None
    return True


class IQualitySettings(model.Schema):
    """How long departments have to rectify, and when windows must be online."""

    rectification_days = schema.Int(
        title=_(
            "label_rectification_days",
            default="Time to rectify a bad rating (working days)",
        ),
        description=_(
            "help_rectification_days",
            default="The department replies with what it changed within this "
            "many working days after a rating of dissatisfied or very "
            "dissatisfied.",
        ),
        default=15,
        min=1,
        required=True,
    )

    window_hours = schema.List(
        title=_("label_window_hours", default="Office hours of the windows"),
        description=_(
            "help_window_hours",
            default="Periods of each working day, one per line, as 9:00-12:00. "
            "The online rate is the share of these hours during which at least "
            "one member of a department's staff had the worklist open.",
        ),
        value_type=schema.TextLine(),
        default=["9:00-12:00", "13:30-17:30"],
        min_length=1,
        required=True,
    )

    heartbeat_seconds = schema.Int(
        title=_("label_heartbeat_seconds", default="Presence signal (seconds)"),
        description=_(
            "help_heartbeat_seconds",
            default="How often an open worklist tells the hall that its window "
            "is online.",
        ),
        default=60,
        min=10,
        max=300,
        required=True,
    )

    @invariant
    def window_hours_valid(data):
        """Each period of the office hours reads like 9:00-12:00."""
        periods_valid(getattr(data, "window_hours", None))


def get(name):
    """Return one setting of ratings and online rate.

    :param name: The name of a field of :class:`IQualitySettings`.
    :type name: str
    :returns: The value in the registry, or the field's default when the
        registry has no record for it.
    :raises InvalidParameterError: If ``name`` is no field of the schema.
    """
    return setting(IQualitySettings, PREFIX, name)


def office_periods():
    """Return the office hours of a working day.

    :returns: ``(start, end)`` pairs of ``datetime.time``, sorted; a period
        the registry holds wrongly is left out.
    :rtype: list
    """
    periods = []
    for text in get("window_hours") or ():
        try:
            periods.append(parse_period(text))
        except ValueError:
            continue
    return sorted(periods)
