"""The guide of a service item (办事指南), its print version and its materials."""

from plone import api
from plone.memoize.instance import memoize
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zyzwfw import _
from zyzwfw import consultations
from zyzwfw.browser.catalogue import file_kind
from zyzwfw.browser.catalogue import file_size
from zyzwfw.browser.catalogue import limit_text
from zyzwfw.catalogue import DOWNLOAD_TITLES
from zyzwfw.catalogue import visible_materials
from zyzwfw.indexers.downloads import DOWNLOAD_FIELDS
from zyzwfw.themes import themes
from zyzwfw.vocabularies.catalogue import HANDLING_FORMS
from zyzwfw.vocabularies.catalogue import HANDLING_KINDS
from zyzwfw.vocabularies.catalogue import ITEM_TYPES
from zyzwfw.vocabularies.catalogue import MATERIAL_FORMS
from zyzwfw.vocabularies.catalogue import MATERIAL_REQUIREMENTS
from zyzwfw.vocabularies.catalogue import MATERIAL_SOURCES
from zyzwfw.vocabularies.catalogue import ONLINE_DEPTHS
from zyzwfw.vocabularies.catalogue import PRIORITY_CATEGORIES
from zyzwfw.vocabularies.catalogue import SERVED_PARTIES


def _titles(pairs, values):
    titles = dict(pairs)
    return [titles.get(value, value) for value in values or ()]


def downloads(material):
    """Describe a material's blank form and sample for a download link.

    :param material: a material.
    :returns: a list of dicts with ``field``, ``title``, ``filename``,
        ``kind``, ``size_text`` and ``url`` (``<material>/@@download/<field>``).
    """
    url = material.absolute_url()
    files = []
    for field in DOWNLOAD_FIELDS:
        value = getattr(material, field, None)
        if value is not None:
            files.append(
                {
                    "field": field,
                    "title": DOWNLOAD_TITLES[field],
                    "filename": value.filename,
                    "kind": file_kind(value.filename),
                    "size_text": file_size(value.getSize()),
                    "url": f"{url}/@@download/{field}",
                }
            )
    return files


def material_facts(material):
    """Return what the materials table shows of a material.

    :param material: a material.
    :returns: a dict with ``title``, ``url``, ``requirement``, ``forms`` (a
        list of messages), ``copies`` (a message), ``source``,
        ``explanation``, ``upload_required`` and ``files`` (see
        :func:`downloads`).
    """
    return {
        "title": material.Title(),
        "url": material.absolute_url(),
        "requirement": material.requirement,
        "requirement_title": dict(MATERIAL_REQUIREMENTS).get(material.requirement),
        "forms": _titles(MATERIAL_FORMS, material.forms),
        "copies": _(
            "material_copies",
            default="${originals} original(s), ${copies} copy(ies)",
            mapping={
                "originals": material.originals or 0,
                "copies": material.copies or 0,
            },
        ),
        "source": dict(MATERIAL_SOURCES).get(material.source),
        "explanation": material.explanation,
        "upload_required": bool(material.upload_required),
        "files": downloads(material),
    }


class ServiceItemView(BrowserView):
    """The item's guide as citizens read it, on a phone or on paper."""

    guide_macros = ViewPageTemplateFile("templates/guide_body.pt")

    @memoize
    def department(self):
        """Return the item's department, or ``None``."""
        return self.context.department()

    def portal_url(self):
        """Return the URL of the site."""
        return api.portal.get().absolute_url()

    def apply_url(self):
        """Return the URL of the online application, or ``None``.

        :returns: the apply page for this item when its online depth allows
            applying (II or higher).
        """
        if not self.context.can_apply_online():
            return None
        return f"{self.portal_url()}/apply?item={self.context.UID()}"

    def consult_url(self):
        """Return the URL of the online consultation about this item."""
        return f"{self.context.absolute_url()}/@@consult"

    def print_url(self):
        """Return the URL of the guide's print version."""
        return f"{self.context.absolute_url()}/@@print-guide"

    def basic_facts(self):
        """Return the rows of the basic information, empty ones left out.

        :returns: a list of dicts with ``label`` and ``texts``, a list of
            strings or messages.
        """
        item = self.context
        department = self.department()
        theme_titles = {code: title for code, title, _party in themes()}
        rows = [
            (
                _("label_implementation_code", default="Implementation code"),
                item.implementation_code,
            ),
            (_("label_basic_code", default="Basic code"), item.basic_code),
            (
                _("label_item_type", default="Item type"),
                dict(ITEM_TYPES).get(item.item_type),
            ),
            (
                _("label_department", default="Department"),
                department.Title() if department else None,
            ),
            (
                _("label_served_parties", default="Served party"),
                _titles(SERVED_PARTIES, item.served_parties),
            ),
            (
                _("label_themes", default="Themes"),
                [theme_titles.get(code, code) for code in item.themes or ()],
            ),
            (
                _("label_handling_kind", default="Kind of item"),
                dict(HANDLING_KINDS).get(item.handling_kind),
            ),
            (
                _("label_handling_forms", default="Ways to apply"),
                _titles(HANDLING_FORMS, item.handling_forms),
            ),
            (
                _("label_priority_category", default="Priority for online approval"),
                dict(PRIORITY_CATEGORIES).get(item.priority_category),
            ),
        ]
        return [
            {"label": label, "texts": value if isinstance(value, list) else [value]}
            for label, value in rows
            if value
        ]

    def conditions(self):
        """Return the acceptance conditions, one paragraph a line."""
        return [
            line
            for line in (self.context.conditions or "").splitlines()
            if line.strip()
        ]

    def legal_basis(self):
        """Return the legal basis as safe HTML, or ``None``."""
        value = self.context.legal_basis
        return value.output if value is not None and value.raw else None

    @memoize
    def materials(self):
        """Return the materials the user may see, in the item's order.

        :returns: a list of dicts as :func:`material_facts` returns them.
        """
        return [
            material_facts(material) for material in visible_materials(self.context)
        ]

    def steps(self):
        """Return the process steps with their time limit ready to show."""
        return [
            dict(
                step,
                limit=limit_text(step.get("time_limit"), "working_days"),
            )
            for step in self.context.steps or ()
            if step and step.get("name")
        ]

    def limits(self):
        """Return the rows of the time limits section, empty ones left out."""
        item = self.context
        rows = [
            (
                _("label_statutory_limit", default="Statutory time limit"),
                limit_text(item.statutory_limit, item.statutory_limit_unit),
            ),
            (
                _("label_promised_limit", default="Promised time limit"),
                limit_text(item.promised_limit, item.promised_limit_unit),
            ),
            (_("label_limit_note", default="Note on the time limits"), item.limit_note),
        ]
        return [{"label": label, "value": value} for label, value in rows if value]

    def fees(self):
        """Return the rows of the fees section."""
        item = self.context
        rows = [
            (
                _("label_charges", default="A fee is charged"),
                _("fee_charged", default="Charged")
                if item.charges
                else _("fee_free", default="Free of charge"),
            ),
        ]
        if item.charges:
            rows += [
                (
                    _("label_charge_basis", default="Basis of the fee"),
                    item.charge_basis,
                ),
                (
                    _("label_charge_standard", default="Fee standard"),
                    item.charge_standard,
                ),
            ]
        return [{"label": label, "value": value} for label, value in rows if value]

    def place_and_hours(self):
        """Return where and when to apply; the department's when the item has none."""
        department = self.department()
        place = self.context.place or getattr(department, "address", None)
        hours = self.context.hours or getattr(department, "office_hours", None)
        window = getattr(department, "window_number", None)
        rows = [
            (_("label_place", default="Place"), place),
            (_("label_window_number", default="Window number"), window),
            (_("label_hours", default="Hours"), hours),
        ]
        return [{"label": label, "value": value} for label, value in rows if value]

    def phones(self):
        """Return the consultation and complaint phones, with ``tel:`` links."""
        rows = [
            (
                _("label_consultation_phone", default="Consultation phone"),
                self.context.effective_consultation_phone(),
            ),
            (
                _("label_complaint_phone", default="Complaint phone"),
                self.context.effective_complaint_phone(),
            ),
        ]
        return [
            {"label": label, "value": value, "url": "tel:" + "".join(value.split())}
            for label, value in rows
            if value
        ]

    def online(self):
        """Return the online depth and the visits the item needs."""
        item = self.context
        visits = item.visits or 0
        return {
            "depth": dict(ONLINE_DEPTHS).get(item.online_depth),
            "visits": _("visits_none", default="No visit needed")
            if visits == 0
            else _(
                "visits_count",
                default="${count} visit(s)",
                mapping={"count": visits},
            ),
        }

    @memoize
    def faq(self):
        """Return the item's questions that have an answer.

        :returns: The questions the editors keep in the guide, then those
            asked online and published by the department (see
            :func:`zyzwfw.consultations.faq_for`), each a dict with
            ``question`` and ``answer``.
        """
        kept = [
            entry
            for entry in self.context.faq or ()
            if entry and entry.get("question") and entry.get("answer")
        ]
        return kept + consultations.faq_for(self.context)


class MaterialView(BrowserView):
    """A material's details and its downloads."""

    def facts(self):
        """Return the material as :func:`material_facts` describes it."""
        return material_facts(self.context)

    def item(self):
        """Return the material's service item."""
        return self.context.__parent__
