"""Code lists of applications.

Each term's value is a stable code that the REST API uses; its title is a
message translated into Chinese by the zh_CN catalogue.
"""

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary
from zyzwfw import _


#: The resident ID card, the only document whose number carries a check digit.
RESIDENT_ID = "resident_id"

ID_TYPES = (
    (RESIDENT_ID, _("id_type_resident_id", default="Resident ID card")),
    ("passport", _("id_type_passport", default="Passport")),
    (
        "hk_macao_permit",
        _(
            "id_type_hk_macao_permit",
            default="Mainland travel permit for Hong Kong and Macao residents",
        ),
    ),
    (
        "taiwan_permit",
        _(
            "id_type_taiwan_permit",
            default="Mainland travel permit for Taiwan residents",
        ),
    ),
    (
        "foreign_permanent_id",
        _(
            "id_type_foreign_permanent_id",
            default="Foreigner's permanent residence ID card",
        ),
    ),
    ("other", _("id_type_other", default="Other ID document")),
)


@provider(IVocabularyFactory)
def IdTypesFactory(context):
    """The kinds of ID document an applicant may give.

    :param context: Ignored; the list is the same everywhere.
    :returns: A term per kind of document.
    :rtype: SimpleVocabulary
    """
    return SimpleVocabulary(
        [SimpleTerm(value=value, token=value, title=title) for value, title in ID_TYPES]
    )
