"""Demonstration content for a newly created hall.

The catalogue itself is data in :mod:`zyzwfw.setuphandlers.demo_catalogue`;
this module turns it into published departments, items and materials, and
gives every material the applicant fills in a blank form (格式文本, Word, so
that it can be filled in on a computer) and a filled-in sample (示范文本, PDF,
so that it cannot be mistaken for a form to hand in).
"""

from collections import Counter
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from zyzwfw import forms
from zyzwfw import logger
from zyzwfw.setuphandlers import demo_history
from zyzwfw.setuphandlers import demo_interaction
from zyzwfw.setuphandlers import demo_supervision
from zyzwfw.setuphandlers.demo_accounts import load_accounts
from zyzwfw.setuphandlers.demo_catalogue import catalogue
from zyzwfw.setuphandlers.demo_news import load_news
from zyzwfw.setuphandlers.demo_opinions import load_solicitations
from zyzwfw.setuphandlers.install import ensure_departments_folder

import time


TEMPLATE_KIND = forms.DOCX
SAMPLE_KIND = forms.PDF

DEPARTMENT_FIELDS = (
    "title",
    "description",
    "short_code",
    "window_number",
    "address",
    "office_hours",
    "consultation_phone",
    "complaint_phone",
)
ITEM_FIELDS = (
    "title",
    "description",
    "basic_code",
    "implementation_code",
    "item_type",
    "served_parties",
    "themes",
    "handling_kind",
    "conditions",
    "steps",
    "statutory_limit",
    "statutory_limit_unit",
    "promised_limit",
    "promised_limit_unit",
    "limit_note",
    "charges",
    "charge_basis",
    "charge_standard",
    "handling_forms",
    "place",
    "hours",
    "visits",
    "online_depth",
    "priority_category",
    "faq",
)
MATERIAL_FIELDS = (
    "title",
    "requirement",
    "forms",
    "originals",
    "copies",
    "source",
    "explanation",
    "upload_required",
    "needs_template",
)


def load(site):
    """Fill a new hall with its demonstration catalogue.

    Creates the departments in the site's departments folder, their items
    and the items' materials, generates the blank forms and samples, and
    publishes everything; then adds the demonstration accounts. Departments
    and accounts that exist already are left alone, so that loading twice
    adds nothing.

    :param site: the Plone site of the hall; the current user must be
        allowed to add and publish content in it.
    :returns: a :class:`collections.Counter` of what was created, by kind
        (``departments``, ``items``, ``materials``, ``files``).
    """
    started = time.perf_counter()
    folder = ensure_departments_folder(site)
    counts = Counter()

    for department in catalogue():
        if department["id"] in folder.objectIds():
            logger.info(
                "Department %r exists; its demo items are skipped", department["id"]
            )
            continue
        _add_department(folder, department, counts)

    # Accounts come after the departments: staff join their groups.
    load_accounts(site)
    demo_history.load(site)
    demo_interaction.load(site)
    demo_supervision.load(site)
    load_news(site)
    load_solicitations(site)

    logger.info(
        "Loaded the demonstration catalogue into %s: %d departments, %d items, "
        "%d materials, %d form files in %.1f s",
        site.getId(),
        counts["departments"],
        counts["items"],
        counts["materials"],
        counts["files"],
        time.perf_counter() - started,
    )
    return counts


def _add_department(folder, department, counts):
    obj = _create(folder, "Department", department, DEPARTMENT_FIELDS)
    counts["departments"] += 1
    for item in department["items"]:
        _add_item(obj, item, counts)


def _add_item(department, item, counts):
    obj = _create(
        department,
        "ServiceItem",
        item,
        ITEM_FIELDS,
        legal_basis=RichTextValue(item["legal_basis"], "text/html", "text/x-html-safe"),
    )
    counts["items"] += 1
    for material in item["materials"]:
        _add_material(obj, department, material, counts)
    # The item's searchable text holds its materials' names, which did not
    # exist when the item was indexed on creation.
    obj.reindexObject(idxs=["SearchableText"])


def _add_material(item, department, material, counts):
    files = {}
    if material["needs_template"]:
        files = _form_files(item.title, department.title, material)
        counts["files"] += len(files)
    _create(item, "Material", material, MATERIAL_FIELDS, **files)
    counts["materials"] += 1


def _form_files(item_title, issuer, material):
    title = material["title"]
    fields = material["fields"]
    template = forms.blank_form(item_title, title, fields, TEMPLATE_KIND, issuer)
    sample = forms.sample_form(
        item_title, title, fields, material["values"], SAMPLE_KIND, issuer
    )
    return {
        "template": _blob(template, forms.form_filename(title, TEMPLATE_KIND)),
        "sample": _blob(sample, forms.form_filename(title, SAMPLE_KIND, True)),
    }


def _blob(data, filename):
    kind = filename.rsplit(".", 1)[-1]
    return NamedBlobFile(
        data=data, filename=filename, contentType=forms.content_type(kind)
    )


def _create(container, portal_type, data, names, **extra):
    values = {name: data[name] for name in names}
    obj = createContentInContainer(
        container, portal_type, id=data["id"], **values, **extra
    )
    api.content.transition(obj=obj, transition="publish")
    return obj
