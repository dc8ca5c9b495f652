"""Department (窗口单位): a window of the hall and the home of its items."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zyzwfw import _


class IDepartment(model.Schema):
    """A department that has a window in the hall."""

    short_code = schema.ASCIILine(
        title=_("label_short_code", default="Short code"),
        description=_(
            "help_short_code",
            default="A few letters that name the department in item codes "
            "and application numbers.",
        ),
        required=True,
    )

    window_number = schema.TextLine(
        title=_("label_window_number", default="Window number"),
        required=False,
    )

    address = schema.TextLine(
        title=_("label_address", default="Address"),
        required=False,
    )

    office_hours = schema.TextLine(
        title=_("label_office_hours", default="Office hours"),
        required=False,
    )

    consultation_phone = schema.TextLine(
        title=_("label_consultation_phone", default="Consultation phone"),
        required=False,
    )

    complaint_phone = schema.TextLine(
        title=_("label_complaint_phone", default="Complaint phone"),
        required=False,
    )


@implementer(IDepartment)
class Department(Container):
    """A department folder holding its service items."""
