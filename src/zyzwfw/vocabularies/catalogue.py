"""Code lists of the service catalogue.

The item types follow the national code list of government service items;
the other lists are the hall's own. Each term's value is a stable code that
spreadsheets and the REST API use; its title is a message translated into
Chinese by the zh_CN catalogue.
"""

from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary
from zyzwfw import _
from zyzwfw.themes import themes


ITEM_TYPES = (
    ("01", _("item_type_01", default="Administrative licensing")),
    ("02", _("item_type_02", default="Administrative penalty")),
    ("03", _("item_type_03", default="Administrative enforcement")),
    ("04", _("item_type_04", default="Administrative levy")),
    ("05", _("item_type_05", default="Administrative payment")),
    ("06", _("item_type_06", default="Administrative inspection")),
    ("07", _("item_type_07", default="Administrative confirmation")),
    ("08", _("item_type_08", default="Administrative reward")),
    ("09", _("item_type_09", default="Administrative ruling")),
    ("10", _("item_type_10", default="Other administrative power")),
    ("20", _("item_type_20", default="Public service")),
)

SERVED_PARTIES = (
    ("person", _("party_person", default="Individuals")),
    ("legal", _("party_legal", default="Legal persons")),
)

HANDLING_KINDS = (
    ("immediate", _("handling_kind_immediate", default="Decided on the spot")),
    ("promised", _("handling_kind_promised", default="Decided within a promised time")),
)

HANDLING_FORMS = (
    ("window", _("handling_form_window", default="At the window")),
    ("online", _("handling_form_online", default="Online")),
    ("mobile", _("handling_form_mobile", default="On a mobile phone")),
    ("express", _("handling_form_express", default="By express post")),
)

ONLINE_DEPTHS = (
    ("1", _("online_depth_1", default="I Information and consultation")),
    ("2", _("online_depth_2", default="II Online pre-review")),
    ("3", _("online_depth_3", default="III Online acceptance")),
    ("4", _("online_depth_4", default="IV Fully online")),
)

PRIORITY_CATEGORIES = (
    (
        "upward",
        _(
            "priority_upward",
            default="First review here, decision at a higher level",
        ),
    ),
    ("formal", _("priority_formal", default="Mostly formal materials")),
    ("agency", _("priority_agency", default="Submitted by agencies or companies")),
    ("repeated", _("priority_repeated", default="Submitted again and again")),
)

TIME_LIMIT_UNITS = (
    ("working_days", _("unit_working_days", default="working days")),
    ("calendar_days", _("unit_calendar_days", default="calendar days")),
)

MATERIAL_REQUIREMENTS = (
    ("required", _("requirement_required", default="Required")),
    ("optional", _("requirement_optional", default="Optional")),
    ("deferrable", _("requirement_deferrable", default="May be supplied later")),
)

MATERIAL_FORMS = (
    ("original", _("material_form_original", default="Original")),
    ("copy", _("material_form_copy", default="Copy")),
    ("electronic", _("material_form_electronic", default="Electronic")),
)

MATERIAL_SOURCES = (
    ("applicant", _("source_applicant", default="Prepared by the applicant")),
    ("government", _("source_government", default="Issued by a government body")),
    ("other", _("source_other", default="Other")),
)


def _vocabulary(pairs):
    return SimpleVocabulary(
        [SimpleTerm(value=value, token=value, title=title) for value, title in pairs]
    )


def _fixed(pairs):
    @provider(IVocabularyFactory)
    def factory(context):
        return _vocabulary(pairs)

    return factory


ItemTypesFactory = _fixed(ITEM_TYPES)
ServedPartiesFactory = _fixed(SERVED_PARTIES)
HandlingKindsFactory = _fixed(HANDLING_KINDS)
HandlingFormsFactory = _fixed(HANDLING_FORMS)
OnlineDepthsFactory = _fixed(ONLINE_DEPTHS)
PriorityCategoriesFactory = _fixed(PRIORITY_CATEGORIES)
TimeLimitUnitsFactory = _fixed(TIME_LIMIT_UNITS)
MaterialRequirementsFactory = _fixed(MATERIAL_REQUIREMENTS)
MaterialFormsFactory = _fixed(MATERIAL_FORMS)
MaterialSourcesFactory = _fixed(MATERIAL_SOURCES)


@provider(IVocabularyFactory)
def ThemesFactory(context):
    """Themes for persons (life events) and companies (business themes)."""
    return SimpleVocabulary(
        [
            SimpleTerm(value=code, token=code, title=title)
            for code, title, _party in themes()
        ]
    )


@provider(IVocabularyFactory)
def DepartmentsFactory(context):
    """The hall's departments, by UID, in the order of their folder."""
    brains = api.content.find(
        portal_type="Department", sort_on="getObjPositionInParent", unrestricted=True
    )
    return SimpleVocabulary(
        [
            SimpleTerm(value=brain.UID, token=brain.UID, title=brain.Title)
            for brain in brains
        ]
    )
