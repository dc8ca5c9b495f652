"""The sections of the main navigation.

Each section of the hall has a page of its own from the start, so that the
navigation never leads nowhere; the parts of the hall that fill a section
register a more specific view of the same name.
"""

from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zyzwfw import _


SECTIONS = {
    "guide": {
        "title": _("section_guide_title", default="Service guides"),
        "lead": _(
            "section_guide_lead",
            default="Every city-level approval and public-service item with its "
            "guide, the materials to bring and the forms to download.",
        ),
        "parts": [
            _("section_guide_part_browse", default="Browse by department and by theme"),
            _("section_guide_part_materials", default="Materials and time limits"),
            _("section_guide_part_downloads", default="Blank forms and samples"),
        ],
    },
    "apply": {
        "title": _("section_apply_title", default="Apply online"),
        "lead": _(
            "section_apply_lead",
            default="Apply for an item with scanned materials, save a draft, "
            "supplement what is missing and follow every step.",
        ),
        "parts": [
            _("section_apply_part_apply", default="Online application"),
            _("section_apply_part_supplement", default="Supplementing materials"),
            _("section_apply_part_desk", default="My applications"),
        ],
    },
    "progress": {
        "title": _("section_progress_title", default="Track an application"),
        "lead": _(
            "section_progress_lead",
            default="Enter the application number and the query code you "
            "received to see where your application stands.",
        ),
        "parts": [
            _("section_progress_part_state", default="Current state and due date"),
            _("section_progress_part_timeline", default="Every step so far"),
        ],
    },
    "interact": {
        "title": _("section_interact_title", default="Ask and complain"),
        "lead": _(
            "section_interact_lead",
            default="Ask a window before you apply, complain when something "
            "goes wrong, rate the service and answer opinion solicitations.",
        ),
        "parts": [
            _("section_interact_part_consult", default="Online consultation"),
            _("section_interact_part_complain", default="Online complaints"),
            _("section_interact_part_rate", default="Service ratings"),
            _("section_interact_part_opinion", default="Opinion solicitations"),
        ],
    },
    "open": {
        "title": _("section_open_title", default="Government affairs"),
        "lead": _(
            "section_open_lead",
            default="News of the hall, notices and the guide to using it.",
        ),
        "parts": [
            _("section_open_part_news", default="News"),
            _("section_open_part_notices", default="Notices"),
            _("section_open_part_howto", default="How to use the hall"),
        ],
    },
    "statistics": {
        "title": _("section_statistics_title", default="Statistics"),
        "lead": _(
            "section_statistics_lead",
            default="How much the hall is used, how fast the windows decide "
            "and how satisfied applicants are.",
        ),
        "parts": [
            _("section_statistics_part_volume", default="Online volume"),
            _("section_statistics_part_ontime", default="On-time rate"),
            _("section_statistics_part_satisfaction", default="Satisfaction"),
        ],
    },
}


class SectionView(BrowserView):
    """A section's page: what the section offers and where it leads."""

    index = ViewPageTemplateFile("templates/section.pt")

    def __call__(self):
        return self.index()

    @property
    def section(self):
        return SECTIONS[self.__name__]
