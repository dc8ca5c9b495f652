"""The solicitation behavior: what makes an easyform form an opinion solicitation.

A solicitation (意见征集) is a collective.easyform form with a subject, the
document under discussion, and a window: an opening and a closing time.
Answers outside the window are refused (see :mod:`zyzwfw.solicitations`).
The fields are stored on the form itself.
"""

from plone.autoform.interfaces import IFormFieldProvider
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider
from zyzwfw import _


@provider(IFormFieldProvider)
class ISolicitation(model.Schema):
    """The subject, document and window of an opinion solicitation."""

    model.fieldset(
        "solicitation",
        label=_("fieldset_solicitation", default="Solicitation"),
        fields=["topic", "document", "opening", "closing"],
    )

    topic = schema.TextLine(
        title=_("label_solicitation_topic", default="Subject of the solicitation"),
        description=_(
            "help_solicitation_topic",
            default="What opinions are asked about, such as the title of a "
            "draft regulation.",
        ),
        max_length=200,
        required=False,
    )

    document = NamedBlobFile(
        title=_("label_solicitation_document", default="Document under discussion"),
        description=_(
            "help_solicitation_document",
            default="The draft for comments (征求意见稿), as PDF or Word.",
        ),
        required=False,
    )

    opening = schema.Datetime(
        title=_("label_solicitation_opening", default="Opens"),
        required=False,
    )

    closing = schema.Datetime(
        title=_("label_solicitation_closing", default="Closes"),
        description=_(
            "help_solicitation_closing",
            default="Answers are accepted until this moment; afterwards the "
            "results are shown.",
        ),
        required=False,
    )

    @invariant
    def closes_after_opening(data):
        """The window closes after it opens."""
        opening = getattr(data, "opening", None)
        closing = getattr(data, "closing", None)
        if opening and closing and closing <= opening:
            raise Invalid(
                _(
                    "error_solicitation_window",
                    default="The solicitation must close after it opens.",
                )
            )
