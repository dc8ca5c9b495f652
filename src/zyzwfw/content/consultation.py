"""Consultation (在线咨询): a question asked online, and the department's answer.

The schema holds what the asker types in; :mod:`zyzwfw.consultations`
checks it and stores it. What the hall records itself lives in plain
attributes outside the schema, so that no edit form or REST ``PATCH`` can
change it: the number, the item and department, the times, the answer and
the due date. The history is the workflow history.
"""

from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zyzwfw import _


#: The longest question, in characters.
QUESTION_MAX_LENGTH = 1000

#: The longest answer, in characters.
ANSWER_MAX_LENGTH = 4000


class IConsultation(model.Schema):
    """What the asker tells the hall."""

    question = schema.Text(
        title=_("label_consultation_question", default="Your question"),
        max_length=QUESTION_MAX_LENGTH,
        required=True,
    )

    name = schema.TextLine(
        title=_("label_consultation_name", default="Your name"),
        max_length=50,
        required=False,
    )

    mobile = schema.TextLine(
        title=_("label_consultation_mobile", default="Mobile number"),
        max_length=20,
        required=False,
    )

    email = schema.TextLine(
        title=_("label_consultation_email", default="E-mail"),
        max_length=254,
        required=False,
    )

    consent = schema.Bool(
        title=_(
            "label_consultation_consent",
            default="The question and its answer may be published as a frequently "
            "asked question, without my name or contact details.",
        ),
        default=False,
        required=False,
    )


@implementer(IConsultation)
class Consultation(Item):
    """A question; see :mod:`zyzwfw.consultations` for what to do with one."""

    #: The consultation number, such as ZX2026000012.
    number = None
    #: The user id of a member who asked, ``None`` for an anonymous visitor.
    asker_id = None
    #: The item asked about (UID, path, title), empty for a general question.
    item_uid = None
    item_path = None
    item_title = ""
    #: The department that answers; empty until the centre routes a general
    #: question.
    department_uid = None
    department_title = ""
    #: When it was asked and answered, aware datetimes in UTC.
    asked = None
    answered = None
    #: The department's answer.
    answer = ""
    #: The day the answer is due, counted in working days from asking.
    due_date = None
    #: When the asker agreed to publication (an aware datetime), or ``None``.
    consent_time = None
