"""Application (办件): one applicant's request for one service item.

The schema holds what the applicant types in; the application form and the
REST service fill it through :mod:`zyzwfw.applications`, which checks it
first. What the hall records itself lives in plain attributes, outside the
schema, so that no edit form and no REST ``PATCH`` can change it: the number,
the item and department, the due dates, the uploaded files and the hash of
the query code. The history of the application is its workflow history.
"""

from AccessControl import ClassSecurityInfo
from AccessControl.class_init import InitializeClass
from persistent.mapping import PersistentMapping
from plone.dexterity.content import Item
from plone.supermodel import model
from Products.CMFCore.permissions import ModifyPortalContent
from z3c.form.validator import NoInputData
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zyzwfw import _


#: The schema fields that describe the applicant, in the order forms show them.
APPLICANT_FIELDS = (
    "party",
    "applicant_name",
    "id_type",
    "id_number",
    "mobile",
    "email",
    "company_name",
    "credit_code",
    "contact_name",
    "contact_mobile",
)


class IApplication(model.Schema):
    """What an applicant tells the hall about themselves and their request.

    Every field but the kind of applicant may stay empty in a draft; an
    application is complete, and may be submitted, once
    :func:`zyzwfw.applications.submission_errors` finds nothing missing.
    """

    party = schema.Choice(
        title=_("label_applicant_party", default="Applying as"),
        vocabulary="zyzwfw.ServedParties",
        default="person",
        required=True,
    )

    applicant_name = schema.TextLine(
        title=_("label_applicant_name", default="Name"),
        description=_(
            "help_applicant_name",
            default="For a company, the name of its legal representative.",
        ),
        max_length=50,
        required=False,
    )

    id_type = schema.Choice(
        title=_("label_applicant_id_type", default="Type of ID document"),
        vocabulary="zyzwfw.IdTypes",
        default="resident_id",
        required=True,
    )

    id_number = schema.TextLine(
        title=_("label_applicant_id_number", default="ID number"),
        max_length=30,
        required=False,
    )

    mobile = schema.TextLine(
        title=_("label_applicant_mobile", default="Mobile number"),
        max_length=20,
        required=False,
    )

    email = schema.TextLine(
        title=_("label_applicant_email", default="E-mail"),
        max_length=254,
        required=False,
    )

    company_name = schema.TextLine(
        title=_("label_applicant_company", default="Company name"),
        max_length=100,
        required=False,
    )

    credit_code = schema.TextLine(
        title=_("label_applicant_credit_code", default="Unified social credit code"),
        max_length=30,
        required=False,
    )

    contact_name = schema.TextLine(
        title=_("label_applicant_contact", default="Contact person"),
        description=_(
            "help_applicant_contact",
            default="Only if someone else handles the application.",
        ),
        max_length=50,
        required=False,
    )

    contact_mobile = schema.TextLine(
        title=_(
            "label_applicant_contact_mobile",
            default="Contact person's mobile number",
        ),
        max_length=20,
        required=False,
    )

    remarks = schema.Text(
        title=_("label_application_remarks", default="Remarks"),
        max_length=2000,
        required=False,
    )

    @invariant
    def applicant_is_valid(data):
        """Apply the hall's checks to an edit made outside the hall's forms."""
        from zyzwfw.applications import applicant_errors

        values = {}
        for name in APPLICANT_FIELDS:
            try:
                values[name] = getattr(data, name)
            except (AttributeError, NoInputData):
                # An edit of some fields only: check those it has.
                continue
        errors = applicant_errors(values, complete=False)
        if errors:
            raise Invalid(errors[0].message)


#: The catalog indexes applications are entered in: those the desks, lists,
#: look-ups and statistics query or sort by, the security and publication
#: filters every search applies, and those Plone's folder contents sorts by.
#: Applications are left out of the full-text indexes (``SearchableText``,
#: ``Title``, ``Description``) and the other general ones: staff find an
#: application by its number, never by searching the site, and each index
#: left out is a few objects less written by every submission. Rebuilding
#: the catalog still enters them in every index, which is harmless.
CATALOG_INDEXES = (
    "UID",
    "allowedRolesAndUsers",
    "applicant_id",
    "application_number",
    "created",
    "department_uid",
    "due_date",
    "effectiveRange",
    "getObjPositionInParent",
    "item_uid",
    "modified",
    "object_provides",
    "path",
    "portal_type",
    "practice",
    "review_state",
    "sortable_title",
    "step_due_date",
    "submitted_date",
)


@implementer(IApplication)
class Application(Item):
    """An application; see :mod:`zyzwfw.applications` for what to do with one."""

    #: The application number (办件编号), given on first submission.
    number = None
    #: The user id of the applicant, who owns the application.
    applicant_id = None
    #: The UID, path and title of the item applied for; UID and title of its
    #: department.
    item_uid = None
    item_path = None
    item_title = ""
    department_uid = None
    department_title = ""
    #: A practice application of the training check, see zyzwfw.practice.
    practice = False
    #: When the application was first submitted, an aware datetime.
    submitted = None
    #: When it reached a final state, an aware datetime.
    closed = None
    #: Due dates, see :mod:`zyzwfw.deadlines`.
    due_date = None
    step_due_date = None
    #: The day a supplement was asked for while the clock is stopped, and the
    #: working days the applicant has taken over supplements so far.
    paused_on = None
    paused_days = 0
    #: The time limits taken from the item on first submission, so that a
    #: later change of the guide does not change a running application.
    limit_total = None
    limit_unit = None
    limit_acceptance = None
    limit_handling = None
    #: Salt and hash of the query code; the code itself is never stored.
    query_code_salt = None
    query_code_hash = None
    #: The uploaded files: material id → NamedBlobFile.
    files = None
    #: The one-time token of the form that made the application, so that the
    #: same form sent again finds it instead of making a second one.
    form_token = ""

    security = ClassSecurityInfo()

    def __init__(self, id=None, **kwargs):
        super().__init__(id, **kwargs)
        self.files = PersistentMapping()

    @security.protected(ModifyPortalContent)
    def indexObject(self):
        """Enter the application in the catalog, in :data:`CATALOG_INDEXES`.

        The catalog's indexing queue indexes a new object in every index;
        a reindex naming the indexes enters a new object in those alone,
        with all its metadata.
        """
        catalog = self._getCatalogTool()
        if catalog is not None:
            catalog.reindexObject(self, idxs=list(CATALOG_INDEXES))

    @security.protected(ModifyPortalContent)
    def reindexObject(self, idxs=None, update_metadata=1, uid=None):
        """Reindex the application; without ``idxs``, in
        :data:`CATALOG_INDEXES` and with a new modification date, as a full
        reindex does."""
        if not idxs:
            self.notifyModified()
            idxs = list(CATALOG_INDEXES)
        super().reindexObject(idxs=idxs, update_metadata=update_metadata, uid=uid)


InitializeClass(Application)
