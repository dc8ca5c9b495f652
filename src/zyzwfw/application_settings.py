"""Settings of online applications, kept in the registry.

The centre edits them in the ``@@hall-application-settings`` control panel:
what may be uploaded, how time limits are counted, and how many wrong
progress look-ups a client may make. :func:`get` reads one setting, falling
back to the schema's default on a site whose registry lacks the record (a
site not yet upgraded), so that no application ever fails for a missing
setting.
"""

from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zyzwfw import _
from zyzwfw.registry_settings import setting
from zyzwfw.uploads import CONTENT_TYPES
from zyzwfw.uploads import DEFAULT_ALLOWED_KINDS
from zyzwfw.uploads import DEFAULT_MAX_BYTES

import re


#: Registry prefix of :class:`IApplicationSettings`.
PREFIX = "zyzwfw.applications"

_MEGABYTE = 1024 * 1024


def _prefix_allowed(value):
    """Accept one to six capital ASCII letters as the prefix of numbers."""
    if not re.fullmatch(r"[A-Z]{1,6}", value or ""):
        raise Invalid(
            _(
                "error_number_prefix",
                default="The prefix is one to six capital letters A to Z.",
            )
        )
    return True


class IApplicationSettings(model.Schema):
    """How online applications are received, counted and looked up."""

    model.fieldset(
        "deadlines",
        label=_("fieldset_deadlines", default="Time limits"),
        fields=[
            "extra_holidays",
            "extra_workdays",
            "acceptance_days",
            "default_limit_days",
            "warning_days",
        ],
    )
    model.fieldset(
        "lookup",
        label=_("fieldset_lookup", default="Progress look-up"),
        fields=["lookup_attempts", "lookup_window"],
    )

    allowed_kinds = schema.List(
        title=_("label_allowed_kinds", default="File types accepted"),
        description=_(
            "help_allowed_kinds",
            default="The kinds of files applicants may upload as materials.",
        ),
        value_type=schema.Choice(values=sorted(CONTENT_TYPES)),
        default=list(DEFAULT_ALLOWED_KINDS),
        min_length=1,
        required=True,
    )

    max_file_size = schema.Int(
        title=_("label_max_file_size", default="Largest file (MB)"),
        default=DEFAULT_MAX_BYTES // _MEGABYTE,
        min=1,
        required=True,
    )

    max_total_size = schema.Int(
        title=_("label_max_total_size", default="Largest application (MB)"),
        description=_(
            "help_max_total_size",
            default="All files of one application together.",
        ),
        default=100,
        min=1,
        required=True,
    )

    number_prefix = schema.ASCIILine(
        title=_("label_number_prefix", default="Prefix of application numbers"),
        description=_(
            "help_number_prefix",
            default="Numbers read prefix, year and sequence, as ZY2026000123.",
        ),
        default="ZY",
        constraint=_prefix_allowed,
        required=True,
    )

    extra_holidays = schema.List(
        title=_("label_extra_holidays", default="Extra holidays"),
        description=_(
            "help_extra_holidays",
            default="Days the hall is closed beyond the national calendar, and "
            "the holidays of a year the calendar does not know yet.",
        ),
        value_type=schema.Date(),
        default=[],
        required=False,
    )

    extra_workdays = schema.List(
        title=_("label_extra_workdays", default="Extra working days"),
        description=_(
            "help_extra_workdays",
            default="Weekend days worked to make up for a holiday (调休) that "
            "the national calendar does not know yet.",
        ),
        value_type=schema.Date(),
        default=[],
        required=False,
    )

    acceptance_days = schema.Int(
        title=_("label_acceptance_days", default="Time for pre-review (working days)"),
        description=_(
            "help_acceptance_days",
            default="For items whose first step has no time limit: the working "
            "days the department has to pre-review and accept an application.",
        ),
        default=2,
        min=1,
        required=True,
    )

    default_limit_days = schema.Int(
        title=_(
            "label_default_limit_days", default="Default time limit (working days)"
        ),
        description=_(
            "help_default_limit_days",
            default="For items with neither a promised nor a statutory time limit.",
        ),
        default=20,
        min=1,
        required=True,
    )

    warning_days = schema.Int(
        title=_("label_warning_days", default="Yellow warning (working days)"),
        description=_(
            "help_warning_days",
            default="The worklist turns an application yellow when this many "
            "working days or fewer remain, and red when its time is up.",
        ),
        default=1,
        min=0,
        required=True,
    )

    lookup_attempts = schema.Int(
        title=_("label_lookup_attempts", default="Wrong look-ups allowed"),
        description=_(
            "help_lookup_attempts",
            default="How many wrong number and query code pairs one client may "
            "try before it must wait.",
        ),
        default=5,
        min=1,
        required=True,
    )

    lookup_window = schema.Int(
        title=_("label_lookup_window", default="Look-up waiting time (minutes)"),
        default=10,
        min=1,
        required=True,
    )


def get(name):
    """Return one application setting.

    :param name: The name of a field of :class:`IApplicationSettings`.
    :type name: str
    :returns: The value in the registry, or the field's default when the
        registry has no record for it.
    :raises InvalidParameterError: If ``name`` is no field of the schema.
    """
    return setting(IApplicationSettings, PREFIX, name)


def max_file_bytes():
    """Return the largest file an applicant may upload, in bytes.

    :returns: The ``max_file_size`` setting in bytes.
    :rtype: int
    """
    return get("max_file_size") * _MEGABYTE


def max_total_bytes():
    """Return the largest total of the files of one application, in bytes.

    :returns: The ``max_total_size`` setting in bytes.
    :rtype: int
    """
    return get("max_total_size") * _MEGABYTE


def calendar_extras():
    """Return the hall's own holidays and make-up working days.

    :returns: ``(extra_holidays, extra_workdays)``, two tuples of dates, to
        pass to the functions of :mod:`zyzwfw.workdays`.
    :rtype: tuple
    """
    return tuple(get("extra_holidays") or ()), tuple(get("extra_workdays") or ())
