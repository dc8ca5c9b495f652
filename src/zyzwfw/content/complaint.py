"""Complaint (网上投诉): a complaint about a department, an item or an application.

The schema holds what the complainant types in; :mod:`zyzwfw.complaints`
checks and stores it. The hall's own records (number, department, due dates,
the reply, the feedback, the hash of the follow-up code, the attachments)
are plain attributes, outside the schema, so no edit form can change them.
"""

from persistent.list import PersistentList
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zyzwfw import _


#: The longest subject and text, in characters.
SUBJECT_MAX_LENGTH = 100
TEXT_MAX_LENGTH = 4000


class IComplaint(model.Schema):
    """What the complainant tells the hall."""

    subject = schema.TextLine(
        title=_("label_complaint_subject", default="Subject"),
        max_length=SUBJECT_MAX_LENGTH,
        required=True,
    )

    text = schema.Text(
        title=_("label_complaint_text", default="What happened"),
        max_length=TEXT_MAX_LENGTH,
        required=True,
    )

    application_number = schema.TextLine(
        title=_("label_complaint_application", default="Application number (if any)"),
        max_length=20,
        required=False,
    )

    name = schema.TextLine(
        title=_("label_complaint_name", default="Your name"),
        max_length=50,
        required=False,
    )

    mobile = schema.TextLine(
        title=_("label_complaint_mobile", default="Mobile number"),
        max_length=20,
        required=False,
    )

    email = schema.TextLine(
        title=_("label_complaint_email", default="E-mail"),
        max_length=254,
        required=False,
    )


@implementer(IComplaint)
class Complaint(Item):
    """A complaint; see :mod:`zyzwfw.complaints` for what to do with one."""

    #: The complaint number, such as TS2026000007.
    number = None
    #: The user id of a member who complained, ``None`` if anonymous.
    complainant_id = None
    #: What it is about: the item (UID, title) and the application, if given.
    item_uid = None
    item_title = ""
    application_uid = None
    #: The department that handles it; empty until the centre assigns it.
    department_uid = None
    department_title = ""
    #: The department the complainant named, a suggestion for the centre.
    suggested_department_uid = None
    #: Times, aware datetimes in UTC.
    received = None
    resolved = None
    closed = None
    #: The day the current stage is due (assignment, then the reply).
    due_date = None
    #: The day a replied complaint closes by itself without feedback.
    feedback_due = None
    #: The department's reply and the complainant's feedback.
    reply = ""
    feedback = ""
    satisfied = None
    #: How many times the complainant reopened it (at most once).
    reopened = 0
    #: Salt and hash of the follow-up code; the code itself is never stored.
    code_salt = None
    code_hash = None
    #: Attachments: a list of NamedBlobFile.
    attachments = None

    def __init__(self, id=None, **kwargs):
        super().__init__(id, **kwargs)
        self.attachments = PersistentList()
