"""Material (申请材料): a document an applicant hands in for an item."""

from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zyzwfw import _

import os


TEMPLATE_EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx", "wps", "ofd")


def template_file_allowed(value):
    """Accept template and sample files of the kinds citizens can open.

    :param value: a named file.
    :returns: ``True`` when the file's extension is allowed.
    :raises Invalid: when it is not.
    """
    if value is None:
        return True
    extension = os.path.splitext(value.filename or "")[1].lower().lstrip(".")
    if extension not in TEMPLATE_EXTENSIONS:
        raise Invalid(
            _(
                "error_template_extension",
                default="Templates and samples must be PDF, Word, Excel, WPS "
                "or OFD files.",
            )
        )
    return True


class IMaterial(model.Schema):
    """A material of a service item, with its blank form and sample."""

    requirement = schema.Choice(
        title=_("label_requirement", default="Requirement"),
        vocabulary="zyzwfw.MaterialRequirements",
        default="required",
        required=True,
    )

    forms = schema.List(
        title=_("label_material_forms", default="Form"),
        value_type=schema.Choice(vocabulary="zyzwfw.MaterialForms"),
        default=["original"],
        required=True,
    )

    originals = schema.Int(
        title=_("label_originals", default="Originals"),
        min=0,
        default=1,
        required=True,
    )

    copies = schema.Int(
        title=_("label_copies", default="Copies"),
        min=0,
        default=0,
        required=True,
    )

    source = schema.Choice(
        title=_("label_source", default="Source"),
        vocabulary="zyzwfw.MaterialSources",
        default="applicant",
        required=True,
    )

    explanation = schema.Text(
        title=_("label_explanation", default="Explanation"),
        description=_(
            "help_explanation",
            default="In plain words: what this material is and where to get it.",
        ),
        required=False,
    )

    upload_required = schema.Bool(
        title=_("label_upload_required", default="Upload required online"),
        description=_(
            "help_upload_required",
            default="An online application cannot be sent without this file.",
        ),
        default=False,
        required=False,
    )

    needs_template = schema.Bool(
        title=_("label_needs_template", default="Has a blank form"),
        description=_(
            "help_needs_template",
            default="The applicant fills in a form the department provides.",
        ),
        default=False,
        required=False,
    )

    template = NamedBlobFile(
        title=_("label_template", default="Blank form"),
        constraint=template_file_allowed,
        required=False,
    )

    sample = NamedBlobFile(
        title=_("label_sample", default="Filled-in sample"),
        constraint=template_file_allowed,
        required=False,
    )


@implementer(IMaterial)
class Material(Item):
    """A material; its template and sample are blobs."""
