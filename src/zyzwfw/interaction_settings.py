"""Settings of consultations, complaints and the hall's anonymous forms.

They live in the registry under ``zyzwfw.interaction`` and are edited in a
group of the hall control panel (``@@hall-settings``). :func:`get` falls
back to the schema's default on a site whose registry lacks a record, so a
question is never refused for a missing setting.
"""

from zope import schema
from zope.interface import Interface
from zyzwfw import _
from zyzwfw.registry_settings import setting


#: Registry prefix of :class:`IInteractionSettings`.
PREFIX = "zyzwfw.interaction"


class IInteractionSettings(Interface):
    """Time limits of consultations and complaints, and the forms' limits."""

    consultation_days = schema.Int(
        title=_(
            "label_consultation_days",
            default="Time to answer a question (working days)",
        ),
        default=2,
        min=1,
        required=True,
    )

    complaint_assign_days = schema.Int(
        title=_(
            "label_complaint_assign_days",
            default="Time for the centre to assign a complaint (working days)",
        ),
        default=1,
        min=1,
        required=True,
    )

    complaint_days = schema.Int(
        title=_(
            "label_complaint_days",
            default="Time for a department to reply to a complaint (working days)",
        ),
        default=10,
        min=1,
        required=True,
    )

    feedback_days = schema.Int(
        title=_(
            "label_feedback_days",
            default="Days a complainant has to give feedback (working days)",
        ),
        description=_(
            "help_feedback_days",
            default="A replied complaint without feedback closes by itself after "
            "this many working days.",
        ),
        default=5,
        min=1,
        required=True,
    )

    submissions_allowed = schema.Int(
        title=_(
            "label_submissions_allowed",
            default="Questions and complaints one visitor may send",
        ),
        description=_(
            "help_submissions_allowed",
            default="Within the waiting time below; more are refused until the "
            "oldest leaves it. Protects the forms against automated sending.",
        ),
        default=5,
        min=1,
        required=True,
    )

    submissions_window = schema.Int(
        title=_("label_submissions_window", default="Sending waiting time (minutes)"),
        default=60,
        min=1,
        required=True,
    )


def get(name):
    """Return one interaction setting.

    :param name: The name of a field of :class:`IInteractionSettings`.
    :type name: str
    :returns: The value in the registry, or the field's default when the
        registry has no record for it.
    :raises InvalidParameterError: If ``name`` is no field of the schema.
    """
    return setting(IInteractionSettings, PREFIX, name)
