"""Evaluation (好差评): one rating of the service of an application or of a guide.

An applicant rates an application once it has ended, on the five national
levels, 1 非常满意 to 5 非常不满意; anyone may rate how clear an item's guide
is. The schema holds what the rater gives; what the hall records itself
lives in plain attributes, outside the schema, so that no edit form and no
REST ``PATCH`` can change it. A rating of 4 or 5 of an application opens a
rectification case (整改) on the rating itself: its workflow,
``zyzwfw_evaluation_workflow``, carries the department's reply, its appeal
and the centre's follow-up call. See :mod:`zyzwfw.evaluations`.
"""

from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zyzwfw import _


#: Longest comment a rater may write, in characters.
COMMENT_MAX_LENGTH = 500

#: The kinds of rating.
APPLICATION = "application"
GUIDE = "guide"


class IEvaluation(model.Schema):
    """What a rater says: a level and an optional comment."""

    level = schema.Choice(
        title=_("label_evaluation_level", default="Your rating"),
        vocabulary="zyzwfw.EvaluationLevels",
        required=True,
    )

    comment = schema.Text(
        title=_("label_evaluation_comment", default="Comment"),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
    )


@implementer(IEvaluation)
class Evaluation(Item):
    """A rating, with what the hall records about it.

    :ivar kind: :data:`APPLICATION` or :data:`GUIDE`.
    :ivar rater_id: The user id of the rater; ``""`` for an anonymous
        rating of a guide.
    :ivar application_uid: The rated application's UID (application ratings).
    :ivar application_number: Its number; ``""`` for a guide rating.
    :ivar item_uid: The item applied for or whose guide is rated.
    :ivar item_title: Its title when rated.
    :ivar department_uid: The department responsible.
    :ivar department_title: Its title when rated.
    :ivar due_date: The day the department must reply to a rectification
        case by, ``None`` when no reply is awaited.
    :ivar excluded: Whether the centre upheld the department's appeal, so
        that the rating no longer counts in the statistics.
    :ivar appealed: Whether the department appealed once already.
    """

    level = None
    comment = ""
    kind = APPLICATION
    rater_id = ""
    application_uid = None
    application_number = ""
    item_uid = None
    item_title = ""
    department_uid = None
    department_title = ""
    due_date = None
    excluded = False
    appealed = False
