"""Applications (办件): applying online, handling, and following an application.

This module holds the rules of applications; the apply form, the applicant's
desk, the staff worklist, the progress look-up page and the REST services
all call it. What may happen in which state, and who may do it, lives in the
workflow ``zyzwfw_application_workflow``; the rules here are those a
workflow cannot express: what a complete application is, the number and the
query code, the due dates, the notices to the applicant, and who sees what
of an application they do not own.

Where applications live
    ``<site>/applications/<year>/<month>/<id>``: folders of the type
    ApplicationFolder, made on demand, readable only by the centre and the
    supervisor. An application's own local roles say who else sees it: its
    applicant is its Owner, and the staff group of its department holds
    WindowStaff on it. Local roles of the site never reach the applications.

Lifecycle
    :func:`create_application` makes a draft, or submits it at once;
    :func:`update_draft` changes a draft or an application awaiting
    supplement; :func:`submit_application` sends it (again). The staff act through
    :func:`do_transition`; :func:`available_transitions` lists what the
    current user may do. Each transition is recorded in the workflow history
    with its actor, time and comment (:func:`timeline`), stamps the due dates
    (:mod:`zyzwfw.deadlines`) and tells the applicant (:mod:`zyzwfw.notifications`).
    The rules run on the workflow's own events, so the standard ``@workflow``
    REST endpoint keeps them too.

Lists
    :func:`applications_for` (the applicant's desk), :func:`worklist` (the
    staff's, by due date with warnings) and :func:`lookup_progress` (anyone
    with the number and the query code).

Numbers are taken on first submission with :func:`zyzwfw.numbering.next_number`
in the transaction that stores the application: two concurrent submissions
conflict and one is retried, so numbers never repeat and have no gaps.
"""

from AccessControl import Unauthorized
from dataclasses import dataclass
from DateTime import DateTime
from OFS.event import ObjectWillBeAddedEvent
from plone import api
from plone.api.exc import InvalidParameterError
from plone.dexterity.utils import createContent
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.WorkflowCore import WorkflowException
from ZODB.POSException import ConflictError
from zope.component import getUtility
from zope.container.interfaces import IContainerModifiedEvent
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import ObjectAddedEvent
from zope.schema.interfaces import IVocabularyFactory
from zyzwfw import _
from zyzwfw import application_settings
from zyzwfw import deadlines
from zyzwfw import departments
from zyzwfw import logger
from zyzwfw import numbering
from zyzwfw import transitions
from zyzwfw import validators
from zyzwfw.content.application import APPLICANT_FIELDS
from zyzwfw.ratelimit import FailureCounter
from zyzwfw.uploads import check_total
from zyzwfw.uploads import check_upload
from zyzwfw.uploads import CONTENT_TYPES
from zyzwfw.uploads import UploadRefused
from zyzwfw.vocabularies.applications import RESIDENT_ID

import datetime
import hashlib
import hmac
import re
import secrets
import uuid
import zoneinfo


WORKFLOW_ID = "zyzwfw_application_workflow"

#: Id of the folder of applications in the site.
ROOT_ID = "applications"

#: The local role of a department's staff group on the department's
#: applications, and the site-wide role of those who watch all of them.
STAFF_ROLE = "WindowStaff"
SUPERVISOR_ROLE = "Supervisor"

DRAFT = "draft"
SUBMITTED = "submitted"
SUPPLEMENT = "supplement"
PREREVIEWED = "prereviewed"
ACCEPTED = "accepted"
APPROVED = "approved"
REFUSED = "refused"
REJECTED = "rejected"
WITHDRAWN = "withdrawn"

#: States in which the department must act: the staff's worklist.
STAFF_STATES = (SUBMITTED, PREREVIEWED, ACCEPTED)
#: States of an application that is under way.
OPEN_STATES = (SUBMITTED, SUPPLEMENT, PREREVIEWED, ACCEPTED)
#: States that conclude an application.
FINAL_STATES = (APPROVED, REFUSED, REJECTED, WITHDRAWN)

#: Transitions that need a comment, shown to the applicant as the reason.
COMMENT_REQUIRED = frozenset({"request_supplement", "refuse", "reject"})

#: Characters of query codes: no 0/O or 1/I, which readers confuse.
QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
QUERY_CODE_LENGTH = 8

#: Longest remarks an applicant may write, in characters.
REMARKS_MAX_LENGTH = 2000

#: Where each applicant field is reported in errors, as the REST body names it.
FIELD_PATHS = {
    "party": "party",
    "applicant_name": "applicant.name",
    "id_type": "applicant.id_type",
    "id_number": "applicant.id_number",
    "mobile": "applicant.mobile",
    "email": "applicant.email",
    "company_name": "applicant.company_name",
    "credit_code": "applicant.credit_code",
    "contact_name": "applicant.contact.name",
    "contact_mobile": "applicant.contact.mobile",
}

_NOT_TEXT = _("error_application_not_text", default="Enter this as text.")

_OTHER_ID_PATTERN = re.compile(r"[A-Za-z0-9()（）\-]{5,30}")

_DEFAULT_TIMEZONE = "Asia/Shanghai"

# Wrong look-ups per client, see zyzwfw.ratelimit.
_lookup_failures = FailureCounter()


# Errors


@dataclass(frozen=True)
class FieldError:
    """What is wrong with one field of an application.

    :param field: Where the field is in the REST body: ``party``,
        ``applicant.<name>`` (``applicant.contact.name`` and
        ``applicant.contact.mobile`` for the contact person), ``files.<material
        id>``, ``files`` for all files together, or ``remarks``.
    :param message: What is wrong, a message to translate.
    """

    field: str
    message: object


class ApplicationInvalid(ValueError):
    """An application is incomplete or wrong; nothing was stored.

    :ivar errors: The :class:`FieldError` of each wrong field.
    """

    def __init__(self, errors):
        super().__init__(
            "; ".join(f"{error.field}: {error.message}" for error in errors)
        )
        self.errors = list(errors)


class NotApplicableOnline(ValueError):
    """The item cannot be applied for online (online depth below II).

    :ivar message: Why, a message to translate.
    """

    def __init__(self, item):
        self.message = _(
            "error_not_online",
            default="${item} cannot be applied for online. Please apply at the "
            "department's window.",
            mapping={"item": item.Title()},
        )
        super().__init__(str(self.message))


class TransitionRefused(WorkflowException):
    """A transition was refused by the rules of applications; nothing changed.

    Being a ``WorkflowException``, it makes plone.restapi's ``@workflow``
    answer 400 with its text, which is why its text is already translated.

    :ivar message: Why, a message to translate.
    """

    def __init__(self, message):
        self.message = message
        super().__init__(_translate(message))


class ProgressNotFound(LookupError):
    """No application has this number and query code."""

    message = _(
        "error_progress_not_found",
        default="No application has this number and query code. Check both "
        "and try again.",
    )


class TooManyLookups(Exception):
    """A client made too many wrong look-ups and must wait.

    :ivar wait: Seconds until the client may try again.
    :ivar message: The message for the client.
    """

    def __init__(self, wait):
        self.wait = wait
        minutes = max((wait + 59) // 60, 1)
        self.message = _(
            "error_progress_too_many",
            default="Too many wrong look-ups. Please try again in ${minutes} minutes.",
            mapping={"minutes": minutes},
        )
        super().__init__(f"Too many wrong look-ups; wait {wait} seconds")


@dataclass(frozen=True)
class Receipt:
    """What an applicant gets back on saving or submitting an application.

    :param application: The application.
    :param number: Its number, ``None`` for a draft.
    :param query_code: The query code, given only on first submission;
        ``None`` otherwise, since only its hash is kept.
    :param state: The state the application is in now.
    """

    application: object
    number: str | None
    query_code: str | None
    state: str


@dataclass(frozen=True)
class Upload:
    """A file an applicant sends for a material.

    :param filename: The name the browser sent.
    :param data: The content.
    """

    filename: str
    data: bytes


# Time and language


def hall_now():
    """Return the current time in the hall's time zone.

    :returns: An aware datetime, in the site's time zone (Asia/Shanghai on a
        hall created by :mod:`zyzwfw.setuphandlers.site`).
    :rtype: datetime.datetime
    """
    return datetime.datetime.now(_timezone())


def _timezone():
    name = api.portal.get_registry_record("plone.portal_timezone", default=None)
    try:
        return zoneinfo.ZoneInfo(name or _DEFAULT_TIMEZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(_DEFAULT_TIMEZONE)


def _stored(moment):
    """Return an aware datetime as the database keeps it: in UTC.

    A ``zoneinfo`` time zone cannot be pickled into the database, and the
    readers convert back with :func:`local_time`.
    """
    return moment.astimezone(datetime.UTC)


def local_time(moment):
    """Return a stored time in the hall's time zone.

    :param moment: An aware datetime, as applications keep them, or ``None``.
    :type moment: datetime.datetime
    :returns: The same moment in the hall's time zone, or ``None``.
    :rtype: datetime.datetime
    """
    return moment.astimezone(_timezone()) if moment is not None else None


def _language():
    """Return the site's language as a catalogue name, ``zh-cn`` as ``zh_CN``."""
    language = api.portal.get_registry_record("plone.default_language", default="")
    code, _sep, region = (language or "zh-cn").partition("-")
    return f"{code}_{region.upper()}" if region else code


def _translate(message):
    return translate(message, target_language=_language())


def calendar():
    """Return the hall's calendar: the national one with the hall's extras.

    :returns: The calendar to count due dates with.
    :rtype: zyzwfw.deadlines.Calendar
    """
    holidays, workdays = application_settings.calendar_extras()
    return deadlines.Calendar(holidays, workdays)


# The folders


def ensure_applications_folder(portal):
    """Create the site's folder of applications if missing, and lock it.

    Only the centre (Manager, Site Administrator) and the supervisor may see
    the folder itself, and local roles granted on the site do not reach into
    it: an application is seen by whom its own local roles name.

    :param portal: The Plone site.
    :returns: The folder.
    """
    root = portal.get(ROOT_ID)
    if root is None:
        with api.env.adopt_roles(["Manager"]):
            root = createContentInContainer(
                portal,
                "ApplicationFolder",
                checkConstraints=False,
                id=ROOT_ID,
                title="办件库",
            )
        _drop_local_roles(root)
        logger.info("Created the folder of applications")

    readers = sorted(["Manager", "Site Administrator", SUPERVISOR_ROLE])
    changed = not getattr(root, "__ac_local_roles_block__", False)
    root.__ac_local_roles_block__ = True
    for permission in ("View", "Access contents information", "List folder contents"):
        granted = sorted(
            role["name"]
            for role in root.rolesOfPermission(permission)
            if role["selected"]
        )
        if granted != readers or root.acquiredRolesAreUsedBy(permission):
            root.manage_permission(permission, readers, acquire=False)
            changed = True
    if changed:
        # Reindexing reaches every application below: only when needed.
        root.reindexObjectSecurity()
    return root


def applications_folder():
    """Return the site's folder of applications, creating it if missing.

    :returns: The folder ``<site>/applications``.
    """
    portal = api.portal.get()
    root = portal.get(ROOT_ID)
    if root is None:
        root = ensure_applications_folder(portal)
    return root


def _month_folder(when):
    """Return the folder for applications made at ``when``, making it if missing."""
    year = _child_folder(applications_folder(), f"{when.year:04d}", f"{when.year}年")
    return _child_folder(year, f"{when.month:02d}", f"{when.month}月")


def _child_folder(parent, folder_id, title):
    folder = parent.get(folder_id)
    if folder is None:
        with api.env.adopt_roles(["Manager"]):
            folder = createContentInContainer(
                parent,
                "ApplicationFolder",
                checkConstraints=False,
                id=folder_id,
                title=title,
            )
        # The user who happened to make it must not own every application in it.
        _drop_local_roles(folder)
    return folder


def _drop_local_roles(obj):
    principals = [principal for principal, _roles in obj.get_local_roles()]
    if principals:
        obj.manage_delLocalRoles(principals)


def _new_id(folder):
    while True:
        candidate = secrets.token_hex(6)
        if candidate not in folder:
            return candidate


# Items, materials and people


def material_slots(item):
    """Return the upload slots of an item: one per published material.

    :param item: A service item.
    :returns: One dict per material, in the item's order: ``id``, ``title``,
        ``requirement`` (``required``, ``optional`` or ``deferrable``),
        ``upload_required`` (the file must be there before submitting) and
        ``material`` (the object).
    :rtype: list
    """
    slots = []
    for material in item.objectValues():
        if material.portal_type != "Material":
            continue
        if api.content.get_state(obj=material, default=None) != "published":
            continue
        slots.append(
            {
                "id": material.getId(),
                "title": material.Title(),
                "requirement": material.requirement,
                "upload_required": bool(material.upload_required),
                "material": material,
            }
        )
    return slots


def _unrestricted_object(**query):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(**query)
    return brains[0]._unrestrictedGetObject() if brains else None


def item_of(application):
    """Return the service item an application is for.

    :param application: An application.
    :returns: The item, whoever may see it, or ``None`` if it was deleted.
    """
    if not application.item_uid:
        return None
    if application.item_path:
        # Traversing is cheaper than a catalog query, which would also index
        # everything changed so far in the transaction.
        item = api.portal.get().unrestrictedTraverse(application.item_path, None)
        if item is not None and getattr(item, "UID", lambda: None)() == (
            application.item_uid
        ):
            return item
    return _unrestricted_object(UID=application.item_uid)


def staff_group_of(department):
    """Return the id of the staff group of a department.

    :param department: A department, or ``None``.
    :returns: ``<short_code>-staff``, or ``None`` for no department or one
        without a short code.
    :rtype: str or None
    """
    if department is None:
        return None
    try:
        return departments.group_id(department, departments.STAFF.name)
    except InvalidParameterError:
        return None


def staff_departments(user_id=None):
    """Return the departments whose window staff a user belongs to.

    :param user_id: The user; the current user if ``None``.
    :type user_id: str
    :returns: The departments, sorted by title.
    :rtype: list
    """
    user = api.user.get(userid=user_id) if user_id else api.user.get_current()
    if user is None or (user_id is None and api.user.is_anonymous()):
        return []
    groups = {group.getId() for group in api.group.get_groups(user=user)}
    catalog = api.portal.get_tool("portal_catalog")
    found = []
    for brain in catalog.unrestrictedSearchResults(portal_type="Department"):
        department = brain._unrestrictedGetObject()
        if staff_group_of(department) in groups:
            found.append(department)
    return sorted(found, key=lambda department: department.Title())


# Checking what the applicant sends


def _text(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    raise TypeError(value)


def applicant_values(applicant, party=None):
    """Turn an applicant as the REST body gives it into schema values.

    :param applicant: A mapping with some of ``name``, ``id_type``,
        ``id_number``, ``mobile``, ``email``, ``company_name``,
        ``credit_code`` and ``contact`` (a mapping with ``name`` and
        ``mobile``); ``contact_name`` and ``contact_mobile`` are understood
        too. Absent keys are left out of the result.
    :type applicant: dict
    :param party: ``person`` or ``legal``, or ``None`` to leave it out.
    :type party: str
    :returns: ``(values, errors)``: the values by schema field name,
        normalized, and a :class:`FieldError` for each value that is not text.
    :rtype: tuple
    """
    applicant = dict(applicant or {})
    contact = applicant.pop("contact", None)
    if isinstance(contact, dict):
        applicant.setdefault("contact_name", contact.get("name"))
        applicant.setdefault("contact_mobile", contact.get("mobile"))
    elif contact is not None:
        applicant.setdefault("contact_name", contact)
    if "name" in applicant:
        applicant["applicant_name"] = applicant.pop("name")
    if party is not None:
        applicant["party"] = party

    values, errors = {}, []
    for name in APPLICANT_FIELDS:
        if name not in applicant:
            continue
        try:
            values[name] = _text(applicant[name])
        except TypeError:
            errors.append(FieldError(FIELD_PATHS[name], _NOT_TEXT))
    return _normalized(values), errors


def _normalized(values):
    normalize = {
        "mobile": validators.normalize_mobile,
        "contact_mobile": validators.normalize_mobile,
        "email": validators.normalize_email,
        "credit_code": validators.normalize_credit_code,
    }
    result = {}
    for name, value in values.items():
        if name in normalize and value:
            value = normalize[name](value)
        result[name] = value
    if result.get("id_number") and result.get("id_type", RESIDENT_ID) == RESIDENT_ID:
        result["id_number"] = validators.normalize_id_number(result["id_number"])
    return result


def applicant_errors(values, complete=True, item=None):
    """Check what an applicant says about themselves.

    :param values: Values by schema field name (see
        :data:`zyzwfw.content.application.APPLICANT_FIELDS`), normalized.
    :type values: dict
    :param complete: Whether every value needed to submit must be there;
        ``False`` checks only the values given, as for a draft.
    :type complete: bool
    :param item: The item applied for, to check that it serves the party.
    :returns: A :class:`FieldError` per wrong field, in the order of the form.
    :rtype: list
    """
    errors = []

    def add(name, message):
        errors.append(FieldError(FIELD_PATHS[name], message))

    def needed(name):
        return complete or bool(values.get(name))

    party = values.get("party") or "person"
    if party not in ("person", "legal"):
        add(
            "party", _("error_party", default="Choose an individual or a legal person.")
        )
    elif item is not None and party not in (item.served_parties or ()):
        add(
            "party",
            _(
                "error_party_not_served",
                default="This item does not serve applicants of this kind.",
            ),
        )

    if complete and not values.get("applicant_name"):
        add(
            "applicant_name",
            _("error_applicant_name_required", default="Enter the applicant's name."),
        )

    id_type = values.get("id_type") or RESIDENT_ID
    if id_type not in _id_types():
        add("id_type", _("error_id_type", default="Choose a type of ID document."))
    elif needed("id_number"):
        error = _id_number_error(id_type, values.get("id_number"))
        if error is not None:
            add("id_number", error)

    if needed("mobile"):
        error = validators.validate_mobile(values.get("mobile"))
        if error is not None:
            add("mobile", error)
    if values.get("email"):
        error = validators.validate_email(values["email"])
        if error is not None:
            add("email", error)

    if party == "legal":
        if complete and not values.get("company_name"):
            add(
                "company_name",
                _("error_company_name_required", default="Enter the company's name."),
            )
        if needed("credit_code"):
            error = validators.validate_credit_code(values.get("credit_code"))
            if error is not None:
                add("credit_code", error)
    else:
        message = _(
            "error_company_only_for_legal",
            default="Only a legal person gives a company name and credit code.",
        )
        for name in ("company_name", "credit_code"):
            if values.get(name):
                add(name, message)

    if values.get("contact_mobile"):
        error = validators.validate_mobile(values["contact_mobile"])
        if error is not None:
            add("contact_mobile", error)
    elif complete and values.get("contact_name"):
        add(
            "contact_mobile",
            _(
                "error_contact_mobile_required",
                default="Enter the contact person's mobile number.",
            ),
        )
    return errors


def _id_types():
    factory = getUtility(IVocabularyFactory, name="zyzwfw.IdTypes")
    return {term.value for term in factory(None)}


def _id_number_error(id_type, number):
    if id_type == RESIDENT_ID:
        return validators.validate_id_number(number)
    if not number:
        return _("error_id_required", default="Enter the ID number.")
    if not _OTHER_ID_PATTERN.fullmatch(number):
        return _(
            "error_id_document_number",
            default="An ID document number has 5 to 30 letters, digits, "
            "hyphens or brackets.",
        )
    return None


def _remarks_errors(remarks):
    if remarks is None:
        return []
    if not isinstance(remarks, str):
        return [FieldError("remarks", _NOT_TEXT)]
    if len(remarks) > REMARKS_MAX_LENGTH:
        return [
            FieldError(
                "remarks",
                _(
                    "error_remarks_too_long",
                    default="Remarks may be at most ${maximum} characters long.",
                    mapping={"maximum": REMARKS_MAX_LENGTH},
                ),
            )
        ]
    return []


def _as_upload(value):
    if isinstance(value, Upload):
        return value
    if isinstance(value, dict):
        return Upload(value.get("filename") or "", value.get("data") or b"")
    filename, data = value
    return Upload(filename, data)


def _check_files(slots, files, kept_sizes=()):
    """Check uploads against the item's slots and the upload policy.

    :returns: ``(checked, errors)``: material id → (CheckedUpload, data) for
        each file that passed, and a FieldError for each that did not.
    """
    slots = {slot["id"]: slot for slot in slots}
    allowed = application_settings.get("allowed_kinds")
    max_bytes = application_settings.max_file_bytes()
    checked, errors = {}, []
    for material_id, value in (files or {}).items():
        path = f"files.{material_id}"
        if material_id not in slots:
            errors.append(
                FieldError(
                    path,
                    _(
                        "error_unknown_material",
                        default="This item asks for no material called ${material}.",
                        mapping={"material": material_id},
                    ),
                )
            )
            continue
        upload = _as_upload(value)
        try:
            result = check_upload(upload.filename, upload.data, allowed, max_bytes)
        except UploadRefused as refused:
            errors.append(FieldError(path, refused.message))
            continue
        checked[material_id] = (result, bytes(upload.data))

    if not errors:
        sizes = list(kept_sizes) + [len(data) for _result, data in checked.values()]
        try:
            check_total(sizes, application_settings.max_total_bytes())
        except UploadRefused as refused:
            errors.append(FieldError("files", refused.message))
    return checked, errors


def _missing_uploads(slots, present):
    return [
        FieldError(
            f"files.{slot['id']}",
            _(
                "error_upload_missing",
                default="Upload ${material}: it is needed to apply online.",
                mapping={"material": slot["title"]},
            ),
        )
        for slot in slots
        if slot["upload_required"] and slot["id"] not in present
    ]


def application_errors(
    item, applicant=None, files=None, remarks=None, party=None, submit=True
):
    """Check a new application without storing anything.

    :param item: The service item applied for.
    :param applicant: The applicant, see :func:`applicant_values`.
    :type applicant: dict
    :param files: Material id → :class:`Upload` (or a ``(filename, data)`` pair
        or a mapping with those keys).
    :type files: dict
    :param remarks: The applicant's remarks.
    :type remarks: str
    :param party: ``person`` or ``legal``; ``None`` for ``person``.
    :type party: str
    :param submit: Whether the application is to be submitted at once, so
        that it must be complete.
    :type submit: bool
    :returns: A :class:`FieldError` per problem; empty if the application may
        be stored.
    :rtype: list
    """
    return _validate_new(item, applicant, files, remarks, party, submit)[2]


def _validate_new(item, applicant, files, remarks, party, submit):
    """Return the values, the checked files and the errors of a new application."""
    slots = material_slots(item)
    values, errors = applicant_values(applicant, party or "person")
    errors += applicant_errors(values, complete=submit, item=item)
    checked, file_errors = _check_files(slots, files)
    errors += file_errors
    errors += _remarks_errors(remarks)
    if submit:
        present = set(checked) | {error.field[6:] for error in file_errors}
        errors += _missing_uploads(slots, present)
    return values, checked, errors


def submission_errors(application, item=None):
    """Return what keeps an application from being submitted.

    :param application: An application.
    :param item: Its item, if the caller has it at hand.
    :returns: A :class:`FieldError` per problem: an applicant field missing or
        wrong, or a material whose upload is required but missing; also an
        ``item`` error when the item can no longer be applied for online.
    :rtype: list
    """
    item = item or item_of(application)
    if item is None or not item.can_apply_online():
        return [
            FieldError(
                "item",
                _(
                    "error_item_gone",
                    default="This item can no longer be applied for online.",
                ),
            )
        ]
    values = {name: getattr(application, name, None) or "" for name in APPLICANT_FIELDS}
    errors = applicant_errors(values, complete=True, item=item)
    errors += _missing_uploads(material_slots(item), set(application.files or {}))
    return errors


# Creating and editing


#: How long the token of an apply form finds the application it made: the
#: same form sent again within this time (a reload of the confirmation, a
#: second tap on the button) answers with that application.
FORM_TOKEN_WINDOW = datetime.timedelta(days=1)

#: What a form token looks like: the hex digits of a random UUID.
FORM_TOKEN = re.compile(r"[0-9a-f]{32}")


def new_form_token():
    """Return a one-time token for a new apply form.

    :rtype: str
    """
    return uuid.uuid4().hex


def application_of_form(token):
    """Return the current user's application made from a form, if recent.

    :param token: The token the form carried, see :func:`new_form_token`.
    :type token: str
    :returns: The application made from that form within
        :data:`FORM_TOKEN_WINDOW`, or ``None``.
    """
    if not token or not FORM_TOKEN.fullmatch(token) or api.user.is_anonymous():
        return None
    since = DateTime(hall_now() - FORM_TOKEN_WINDOW)
    catalog = api.portal.get_tool("portal_catalog")
    # An applicant makes a few applications a day: reading them is cheap.
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Application",
        applicant_id=api.user.get_current().getId(),
        created={"query": since, "range": "min"},
    ):
        application = brain._unrestrictedGetObject()
        if application.form_token == token:
            return application
    return None


def create_application(
    item,
    applicant=None,
    files=None,
    remarks="",
    party="person",
    submit=False,
    form_token="",
):
    """Create an application of the current user for an item.

    The application is made with the rights needed to store it where
    applications live, and belongs to the current user: they are its Owner
    and Creator. The staff group of the item's department gets WindowStaff on
    it. Nothing is stored if anything is wrong.

    :param item: The service item applied for; the user must be able to see it.
    :param applicant: The applicant, see :func:`applicant_values`.
    :type applicant: dict
    :param files: Material id → :class:`Upload`; see :func:`application_errors`.
    :type files: dict
    :param remarks: The applicant's remarks.
    :type remarks: str
    :param party: ``person`` (个人) or ``legal`` (法人).
    :type party: str
    :param submit: Submit at once (see :func:`submit_application`) instead of
        keeping a draft.
    :type submit: bool
    :param form_token: The one-time token of the form sending the
        application, see :func:`new_form_token`. If the user made an
        application from the same form already, nothing is made and its
        receipt is returned, without a query code: the code was given once.
    :type form_token: str
    :returns: What the applicant gets back; a number and query code if
        submitted.
    :rtype: Receipt
    :raises Unauthorized: If the user is anonymous or cannot see the item.
    :raises NotApplicableOnline: If the item's online depth is below II.
    :raises ApplicationInvalid: If anything is missing or wrong; its
        ``errors`` name each field.
    """
    if api.user.is_anonymous():
        raise Unauthorized("Log in to apply online.")
    if not api.user.has_permission("View", obj=item):
        raise Unauthorized(f"Cannot see the item {item.absolute_url(1)}")
    if not item.can_apply_online():
        raise NotApplicableOnline(item)
    made = application_of_form(form_token)
    if made is not None:
        logger.info("The form of %s was sent again", made.absolute_url(1))
        return Receipt(made, made.number, None, api.content.get_state(obj=made))
    values, checked, errors = _validate_new(
        item, applicant, files, remarks, party, submit
    )
    if errors:
        raise ApplicationInvalid(errors)

    # Everything is set before the application is added, so that it is
    # indexed once, with its local roles, rather than again after each step.
    user_id = api.user.get_current().getId()
    department = item.department()
    application = createContent("Application", title=item.Title())
    application.applicant_id = user_id
    application.setCreators((user_id,))
    application.item_uid = item.UID()
    application.item_path = "/".join(item.getPhysicalPath())
    application.item_title = item.Title()
    if department is not None:
        application.department_uid = department.UID()
        application.department_title = department.Title()
    application.manage_setLocalRoles(user_id, ["Owner"])
    staff_group = staff_group_of(department)
    if staff_group:
        application.manage_setLocalRoles(staff_group, [STAFF_ROLE])
    if FORM_TOKEN.fullmatch(form_token or ""):
        application.form_token = form_token
    _store(application, values, checked, remarks)

    folder = _month_folder(hall_now())
    application.id = _new_id(folder)
    with api.env.adopt_roles(["Manager"]):
        application = _add_to_month(folder, application)
    logger.info(
        "%s made application %s for %s",
        user_id,
        application.absolute_url(1),
        item.absolute_url(1),
    )

    if submit:
        return submit_application(application, item)
    return Receipt(application, None, None, DRAFT)


def _add_to_month(folder, application):
    """Add an application to its month's folder, telling only what changed.

    Adding to a folder normally also announces the folder as modified, and
    the catalog then indexes the month folder again in full, once for each
    of its thousands of applications, though nothing that anyone looks the
    folder up by has changed. The application itself is announced as
    usual: it is indexed, gets its workflow state and its UID.

    :param folder: The month's folder.
    :param application: The new application, with its id set.
    :returns: The application in the folder.
    """
    notify(ObjectWillBeAddedEvent(application, folder, application.id))
    folder._setObject(application.id, application, suppress_events=True)
    application = folder._getOb(application.id)
    notify(ObjectAddedEvent(application, folder, application.id))
    return application


def _store(application, values, checked, remarks=None):
    for name, value in values.items():
        setattr(application, name, value)
    for material_id, (result, data) in checked.items():
        application.files[material_id] = NamedBlobFile(
            data=data,
            filename=result.filename,
            contentType=CONTENT_TYPES[result.kind],
        )
    if remarks is not None:
        application.remarks = remarks.strip()


def update_draft(
    application, applicant=None, files=None, remarks=None, party=None, remove=()
):
    """Change a draft, or an application awaiting supplement.

    Only what is given changes. Nothing changes if anything is wrong.

    :param application: The application; the current user must be allowed to
        modify it (its applicant, in the states ``draft`` and ``supplement``).
    :param applicant: Applicant values to change, see :func:`applicant_values`.
    :type applicant: dict
    :param files: Material id → :class:`Upload`, replacing any earlier file.
    :type files: dict
    :param remarks: New remarks, or ``None`` to keep them.
    :type remarks: str
    :param party: ``person`` or ``legal``, or ``None`` to keep it.
    :type party: str
    :param remove: Ids of materials whose file to remove.
    :type remove: iterable of str
    :returns: The application.
    :raises Unauthorized: If the user may not modify it in its state.
    :raises ApplicationInvalid: If a value or file is wrong.
    """
    if not api.user.has_permission("Modify portal content", obj=application):
        raise Unauthorized(f"Cannot modify {application.absolute_url(1)}")
    item = item_of(application)
    if item is None:
        raise ApplicationInvalid(submission_errors(application))

    values, errors = applicant_values(applicant, party)
    merged = {name: getattr(application, name, None) or "" for name in APPLICANT_FIELDS}
    merged.update(values)
    errors += applicant_errors(merged, complete=False, item=item)
    remove = set(remove or ())
    kept = [
        blob.getSize()
        for material_id, blob in (application.files or {}).items()
        if material_id not in remove and material_id not in (files or {})
    ]
    checked, file_errors = _check_files(material_slots(item), files, kept)
    errors += file_errors + _remarks_errors(remarks)
    if errors:
        raise ApplicationInvalid(errors)

    for material_id in remove:
        application.files.pop(material_id, None)
    _store(application, values, checked, remarks)
    application.reindexObject()
    return application


def submit_application(application, item=None):
    """Send a draft, or resend an application after supplementing it.

    :param application: An application in the state ``draft`` or
        ``supplement``, of the current user.
    :param item: Its item, if the caller has it at hand.
    :returns: The receipt; on first submission it has the number and the
        query code, which is shown this once and sent in the notice.
    :rtype: Receipt
    :raises ApplicationInvalid: If the application is incomplete.
    :raises Unauthorized: If the current user may not submit it.
    """
    state = api.content.get_state(obj=application)
    transition = "resubmit" if state == SUPPLEMENT else "submit"
    errors = submission_errors(application, item)
    if errors:
        raise ApplicationInvalid(errors)

    code = new_query_code() if application.query_code_hash is None else None
    _transition(application, transition, query_code=code, complete=True)
    return Receipt(
        application,
        application.number,
        code,
        api.content.get_state(obj=application),
    )


def new_query_code():
    """Return a new random query code.

    :returns: :data:`QUERY_CODE_LENGTH` characters of
        :data:`QUERY_CODE_ALPHABET`.
    :rtype: str
    """
    return "".join(
        secrets.choice(QUERY_CODE_ALPHABET) for _i in range(QUERY_CODE_LENGTH)
    )


def _set_query_code(application, code):
    application.query_code_salt = secrets.token_hex(16)
    application.query_code_hash = _code_hash(application.query_code_salt, code)


def _code_hash(salt, code):
    text = f"{salt}:{(code or '').strip().upper()}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def query_code_matches(application, code):
    """Return whether ``code`` is the query code of an application.

    :param application: An application.
    :param code: The code as typed; case and surrounding spaces do not matter.
    :type code: str
    :returns: ``True`` if it matches.
    :rtype: bool
    """
    if not application.query_code_hash or not code:
        return False
    given = _code_hash(application.query_code_salt, code)
    return hmac.compare_digest(given, application.query_code_hash)


def reset_query_code(application):
    """Give an application a new query code, for an applicant who lost theirs.

    :param application: A submitted application of the current user.
    :returns: The new code; the old one stops working.
    :rtype: str
    :raises Unauthorized: If the current user is not the applicant.
    """
    if api.user.get_current().getId() != application.applicant_id:
        raise Unauthorized("Only the applicant gets a new query code.")
    if application.number is None:
        raise Unauthorized("A draft has no query code yet.")
    code = new_query_code()
    _set_query_code(application, code)
    logger.info("Gave application %s a new query code", application.number)
    return code


def get_file(application, material_id):
    """Return the file uploaded for a material.

    :param application: An application the caller may see.
    :param material_id: The id of the material.
    :type material_id: str
    :returns: The file, or ``None`` if none was uploaded.
    :rtype: plone.namedfile.file.NamedBlobFile
    :raises Unauthorized: If the current user may not see the application.
    """
    if not api.user.has_permission("View", obj=application):
        raise Unauthorized(f"Cannot see {application.absolute_url(1)}")
    return (application.files or {}).get(material_id)


def files_of(application):
    """Return the files of an application, one per material it has a file for.

    :param application: An application the caller may see.
    :returns: One dict per file: ``material`` (the id), ``title`` (the
        material's title, or its id if the item lost it), ``filename``,
        ``size`` and ``content_type``.
    :rtype: list
    """
    titles = {}
    item = item_of(application)
    if item is not None:
        titles = {slot["id"]: slot["title"] for slot in material_slots(item)}
    return [
        {
            "material": material_id,
            "title": titles.get(material_id, material_id),
            "filename": blob.filename,
            "size": blob.getSize(),
            "content_type": blob.contentType,
        }
        for material_id, blob in (application.files or {}).items()
    ]


# Transitions


def _workflow():
    return api.portal.get_tool("portal_workflow")[WORKFLOW_ID]


def state_title(state):
    """Return the title of a state of applications, to translate.

    :param state: A state id, such as ``submitted``.
    :type state: str
    :returns: A message, such as 待预审 in Chinese.
    """
    sdef = _workflow().states.get(state)
    return _(sdef.title) if sdef is not None else state


def transition_title(transition):
    """Return the title of a transition of applications, to translate.

    :param transition: A transition id, such as ``accept``.
    :type transition: str
    :returns: A message.
    """
    tdef = _workflow().transitions.get(transition)
    return _(tdef.title) if tdef is not None else transition


def available_transitions(application):
    """Return what the current user may do with an application now.

    :param application: An application.
    :returns: One dict per transition: ``id``, ``title`` (a message),
        ``new_state`` and ``comment_required``.
    :rtype: list
    """
    workflow = _workflow()
    return [
        {
            "id": transition_id,
            "title": _(transition.title),
            "new_state": transition.new_state_id,
            "comment_required": transition_id in COMMENT_REQUIRED,
        }
        for transition_id, transition in transitions.allowed(application, workflow)
    ]


def do_transition(application, transition, comment="", missing=None):
    """Move an application on, as the current user.

    :param application: An application.
    :param transition: The id of a transition, such as ``accept``.
    :type transition: str
    :param comment: A comment for the record and the applicant; needed for
        ``request_supplement``, ``refuse`` and ``reject``, where it is the
        reason the applicant reads.
    :type comment: str
    :param missing: For ``request_supplement``, what is missing: a list of
        mappings with ``material`` (a material id, or ``""`` for something
        else) and ``reason``.
    :type missing: list
    :returns: The state the application is in now.
    :rtype: str
    :raises Unauthorized: If the transition is not available to the current
        user in the application's state.
    :raises TransitionRefused: If the comment is missing where needed, or an
        application to submit is incomplete.
    """
    if transition in ("submit", "resubmit"):
        if not _workflow().isActionSupported(application, transition):
            raise Unauthorized(
                f"{transition!r} is not available on {application.absolute_url(1)}"
            )
        return submit_application(application).state
    _transition(
        application,
        transition,
        comment=comment,
        missing=_supplement_list(application, missing),
    )
    return api.content.get_state(obj=application)


def _transition(application, transition, comment="", **kwargs):
    workflow = _workflow()
    if not workflow.isActionSupported(application, transition):
        raise Unauthorized(
            f"{transition!r} is not available on {application.absolute_url(1)}"
        )
    wftool = api.portal.get_tool("portal_workflow")
    wftool.doActionFor(
        application, transition, comment=(comment or "").strip(), **kwargs
    )


def _supplement_list(application, missing):
    if not missing:
        return ()
    titles = {}
    item = item_of(application)
    if item is not None:
        titles = {slot["id"]: slot["title"] for slot in material_slots(item)}
    entries = []
    for entry in missing:
        material = str(entry.get("material") or "")
        entries.append(
            {
                "material": material,
                "title": titles.get(material, material),
                "reason": str(entry.get("reason") or "").strip(),
            }
        )
    return tuple(entries)


def _ours(event):
    return event.workflow.getId() == WORKFLOW_ID and event.transition is not None


def before_transition(application, event):
    """Refuse a transition that breaks the rules of applications.

    Runs for every transition, through this module or plone.restapi's
    ``@workflow``: refusing, rejecting and asking for a supplement need a
    comment, and only a complete application may be submitted.

    :param application: The application.
    :param event: The ``IBeforeTransitionEvent``.
    :raises TransitionRefused: If a rule is broken.
    """
    if not _ours(event):
        return
    transition = event.transition.getId()
    comment = (event.kwargs.get("comment") or "").strip()
    if transition in COMMENT_REQUIRED and not comment:
        raise TransitionRefused(
            _(
                "error_comment_required",
                default="${transition}: give the reason; the applicant reads it.",
                mapping={"transition": _translate(_(event.transition.title))},
            )
        )
    # Through submit_application the application was checked a moment ago.
    if transition in ("submit", "resubmit") and not event.kwargs.get("complete"):
        errors = submission_errors(application)
        if errors:
            problems = "；".join(_translate(error.message) for error in errors)
            raise TransitionRefused(
                _(
                    "error_submission_incomplete",
                    default="The application cannot be sent yet: ${problems}",
                    mapping={"problems": problems},
                )
            )


def after_transition(application, event):
    """Number, time and announce an application after a transition.

    :param application: The application.
    :param event: The ``IAfterTransitionEvent``.
    """
    if not _ours(event):
        return
    transition = event.transition.getId()
    now = hall_now()
    code = None
    if transition == "submit":
        code = _first_submission(application, now, event.kwargs.get("query_code"))
    elif transition == "resubmit":
        _resume_clock(application, now.date())
    elif transition == "request_supplement":
        application.paused_on = now.date()
    elif transition == "accept":
        application.step_due_date = deadlines.on_acceptance(
            calendar(), _limits(application), now.date(), application.due_date
        )
    if event.new_state.getId() in FINAL_STATES:
        application.closed = _stored(now)
        application.step_due_date = None
        application.paused_on = None
    application.reindexObject()
    _notify_applicant(application, transition, event.kwargs, code)


#: What follows the prefix in the numbers of practice applications.
PRACTICE_MARK = "LX"

#: The numbering series of practice applications.
PRACTICE_SERIES = "practice"


def _first_submission(application, now, code):
    root = applications_folder()
    prefix = application_settings.get("number_prefix")
    if getattr(application, "practice", False):
        # Practice counts apart, so that real applications' numbers have no
        # gaps: ZYLX2026000001 is the year's first practice application.
        application.number = numbering.next_number(
            root, now.year, prefix + PRACTICE_MARK, series=PRACTICE_SERIES
        )
    else:
        application.number = numbering.next_number(root, now.year, prefix)
    application.submitted = _stored(now)
    code = code or new_query_code()
    _set_query_code(application, code)

    item = item_of(application)
    limits = deadlines.limits_for(
        item,
        application_settings.get("acceptance_days"),
        application_settings.get("default_limit_days"),
    )
    application.limit_total = limits.total
    application.limit_unit = limits.unit
    application.limit_acceptance = limits.acceptance
    application.limit_handling = limits.handling
    application.due_date, application.step_due_date = deadlines.on_submission(
        calendar(), limits, now.date()
    )
    logger.info(
        "Application %s submitted as %s, due %s",
        application.absolute_url(1),
        application.number,
        application.due_date,
    )
    return code


def _limits(application):
    return deadlines.Limits(
        total=application.limit_total or 1,
        unit=application.limit_unit or deadlines.WORKING_DAYS,
        acceptance=application.limit_acceptance or 1,
        handling=application.limit_handling or 0,
    )


def _resume_clock(application, today):
    if application.paused_on is None:
        return
    due, step_due, paused = deadlines.after_pause(
        calendar(),
        application.paused_on,
        today,
        application.due_date,
        application.step_due_date,
        application.limit_unit or deadlines.WORKING_DAYS,
    )
    application.due_date = due
    application.step_due_date = step_due
    application.paused_days = (application.paused_days or 0) + paused
    application.paused_on = None


# Notices


_NOTICES = {
    "submit": _(
        "notice_submit",
        default="Your application for ${item} was received under the number "
        "${number}. Its query code is ${code}; keep it to follow the "
        "application's progress. It is due to be concluded by ${due}.",
    ),
    "resubmit": _(
        "notice_resubmit",
        default="Your supplemented application ${number} for ${item} was "
        "received. It is now due to be concluded by ${due}.",
    ),
    "withdraw": _(
        "notice_withdraw",
        default="Your application ${number} for ${item} was withdrawn.",
    ),
    "request_supplement": _(
        "notice_request_supplement",
        default="Your application ${number} for ${item} needs supplementing: "
        "${comment} ${missing} Please supplement it and send it again; the "
        "time limit stops until you do.",
    ),
    "pass_prereview": _(
        "notice_pass_prereview",
        default="Your application ${number} for ${item} passed pre-review. "
        "The department accepts it by ${step_due}.",
    ),
    "accept": _(
        "notice_accept",
        default="Your application ${number} for ${item} was accepted. It is "
        "due to be concluded by ${due}.",
    ),
    "approve": _(
        "notice_approve",
        default="Your application ${number} for ${item} was approved.",
    ),
    "refuse": _(
        "notice_refuse",
        default="Your application ${number} for ${item} was refused. Reason: "
        "${comment}",
    ),
    "reject": _(
        "notice_reject",
        default="Your application ${number} for ${item} was not accepted. "
        "Reason: ${comment}",
    ),
}


def _notice(application, transition, kwargs, code):
    number = application.number or _translate(_("notice_draft", default="(draft)"))
    missing = "；".join(
        f"{entry['title'] or entry['material']}：{entry['reason']}"
        if entry["reason"]
        else entry["title"] or entry["material"]
        for entry in kwargs.get("missing") or ()
    )
    mapping = {
        "number": number,
        "item": application.item_title,
        "code": code or "",
        "due": application.due_date.isoformat() if application.due_date else "",
        "step_due": (
            application.step_due_date.isoformat() if application.step_due_date else ""
        ),
        "comment": (kwargs.get("comment") or "").strip(),
        "missing": missing,
    }
    state = api.content.get_state(obj=application)
    subject = _(
        "notice_subject",
        default="Application ${number}: ${state}",
        mapping={"number": number, "state": _translate(state_title(state))},
    )
    template = _NOTICES.get(transition)
    if template is None:
        body = subject
    else:
        body = _(template, mapping=mapping)
    if transition in ("approve", "refuse", "reject"):
        body = _(
            "notice_rate_invitation",
            default="${notice} Please rate the service you received: ${url}",
            mapping={"notice": body, "url": f"{application.absolute_url()}/@@evaluate"},
        )
    return subject, body


def _notify_applicant(application, transition, kwargs, code=None):
    """Tell the applicant what happened; a failure is logged, never raised."""
    try:
        from zyzwfw import notifications

        subject, body = _notice(application, transition, kwargs, code)
        recipient = {
            "user_id": application.applicant_id,
            "name": application.applicant_name or "",
            "email": application.email or "",
            "mobile": application.mobile or "",
        }
        notifications.notify(
            recipient,
            subject,
            body,
            link=application.absolute_url(),
            kind="application",
        )
    except ConflictError:
        raise
    except Exception:
        # The decision stands whatever happens to its notice.
        logger.exception(
            "Could not notify the applicant of %s about %r; the transition "
            "stands and the applicant sees it online.",
            application.number or application.absolute_url(1),
            transition,
        )


# History


def timeline(application, public=False):
    """Return the history of an application, oldest first.

    :param application: An application; its workflow history is read as it
        is, so the caller decides who may see it.
    :param public: Leave out what an anonymous look-up must not show: who
        acted, the saving of the draft, and the comments of any step but
        asking for a supplement, refusing and not accepting.
    :type public: bool
    :returns: One dict per step: ``action`` (a transition id, or ``create``),
        ``title`` (a message), ``state``, ``state_title`` (a message),
        ``time`` (an aware datetime in the hall's time zone), and, where
        shown, ``comment`` and ``missing`` (the list of what to supplement);
        unless ``public``, also ``actor`` (a user id) and ``actor_name``.
    :rtype: list
    """
    history = (getattr(application, "workflow_history", None) or {}).get(
        WORKFLOW_ID, ()
    )
    zone = _timezone()
    steps = []
    for entry in history:
        action = entry.get("action")
        if action is None and public:
            continue
        state = entry.get("review_state")
        step = {
            "action": action or "create",
            "title": (
                transition_title(action)
                if action
                else _("timeline_created", default="Draft saved")
            ),
            "state": state,
            "state_title": state_title(state),
            "time": entry["time"].asdatetime().astimezone(zone),
        }
        if not public or action in COMMENT_REQUIRED:
            step["comment"] = entry.get("comments") or ""
            step["missing"] = [dict(item) for item in entry.get("missing") or ()]
        if not public:
            step["actor"] = entry.get("actor")
            step["actor_name"] = _full_name(entry.get("actor"))
        steps.append(step)
    return steps


def _full_name(user_id):
    if not user_id:
        return ""
    user = api.user.get(userid=user_id)
    if user is None:
        return user_id
    return user.getProperty("fullname", "") or user_id


# What the applicant does next

_NEXT_ACTIONS = {
    DRAFT: _("next_submit", default="Complete and submit the application"),
    SUPPLEMENT: _("next_supplement", default="Supplement the materials and resubmit"),
    SUBMITTED: _("next_wait_prereview", default="Wait for the pre-review"),
    PREREVIEWED: _("next_wait_acceptance", default="Wait for acceptance"),
    ACCEPTED: _("next_wait_decision", default="Wait for the decision"),
}


def next_action(state):
    """Return what the applicant does next with an application in ``state``.

    :param state: A state id.
    :type state: str
    :returns: A message, or ``None`` for a concluded application.
    """
    return _NEXT_ACTIONS.get(state)


# Lists


#: How many applications a page of the worklist shows.
WORKLIST_PAGE_SIZE = 30


def _summary(brain, today, cal, warning_days):
    state = brain.review_state
    paused = bool(brain.clock_paused)
    due = brain.step_due_date if state in STAFF_STATES else None
    return {
        "uid": brain.UID,
        "url": brain.getURL(),
        "number": brain.application_number,
        "title": brain.Title,
        "department": brain.department_title,
        "applicant": brain.applicant_display,
        "state": state,
        "state_title": state_title(state),
        "created": local_time(brain.created.asdatetime()),
        "submitted": local_time(brain.submitted_date),
        "due_date": brain.due_date,
        "step_due_date": brain.step_due_date,
        "paused": paused,
        "practice": bool(getattr(brain, "practice", False)),
        "days_left": deadlines.days_left(cal, today, due) if due else None,
        "warning": deadlines.warning_level(cal, today, due, warning_days),
    }


def applications_for(user_id=None, states=None, today=None):
    """Return an applicant's applications, newest first.

    :param user_id: The applicant; the current user if ``None``. Only
        applications the current user may see are returned.
    :type user_id: str
    :param states: Only applications in these states; all if ``None``.
    :type states: iterable of str
    :param today: The day to count warnings from; today if ``None``.
    :type today: datetime.date
    :returns: One dict per application: ``uid``, ``url``, ``number``,
        ``title`` (the item), ``department``, ``applicant``, ``state``,
        ``state_title``, ``created``, ``submitted``, ``due_date``,
        ``step_due_date``, ``paused``, ``practice`` (a practice
        application of the training check), ``days_left``, ``warning`` and
        ``next_action`` (a message, or ``None``).
    :rtype: list
    """
    if user_id is None:
        if api.user.is_anonymous():
            return []
        user_id = api.user.get_current().getId()
    query = {"portal_type": "Application", "applicant_id": user_id}
    if states is not None:
        query["review_state"] = list(states)
    today = today or hall_now().date()
    cal = calendar()
    warning_days = application_settings.get("warning_days")
    # The created index counts minutes; an applicant's few applications are
    # sorted by the exact time of their metadata instead.
    brains = sorted(
        api.portal.get_tool("portal_catalog")(**query),
        key=lambda brain: brain.created,
        reverse=True,
    )
    results = []
    for brain in brains:
        summary = _summary(brain, today, cal, warning_days)
        summary["next_action"] = next_action(summary["state"])
        results.append(summary)
    return results


def worklist(department_uids=None, states=STAFF_STATES, today=None, item_uid=None):
    """Return the applications a member of staff must act on, most urgent first.

    :param department_uids: The departments whose applications to list; the
        departments of the current user's staff groups if ``None``. Only
        applications the current user may see are returned.
    :type department_uids: iterable of str
    :param states: The states to list; by default those where the department
        must act (待预审, 预审通过, 已受理).
    :type states: iterable of str
    :param today: The day to count from; today if ``None``.
    :type today: datetime.date
    :param item_uid: Only the applications for this item, if given.
    :type item_uid: str
    :returns: Dicts as :func:`applications_for` gives them (without
        ``next_action``), sorted by ``step_due_date`` (concluded ones, which
        have none, the most recently changed first); ``warning`` is
        ``none``, ``yellow`` (due within the warning days of the control
        panel, one by default) or ``red`` (overdue).
    :rtype: list
    """
    return worklist_page(department_uids, states, today, item_uid, size=None)["rows"]


def worklist_page(
    department_uids=None,
    states=STAFF_STATES,
    today=None,
    item_uid=None,
    start=0,
    size=WORKLIST_PAGE_SIZE,
):
    """Return one page of the worklist and how many applications it has in all.

    Only the applications of the page are read and summarised, so that a
    department with thousands of open applications gets its page as fast as
    one with a few.

    :param department_uids: As for :func:`worklist`.
    :param states: As for :func:`worklist`.
    :param today: As for :func:`worklist`.
    :param item_uid: As for :func:`worklist`.
    :param start: The position of the page's first application (from 0).
    :type start: int
    :param size: How many applications a page holds; all if ``None``.
    :type size: int
    :returns: ``total`` (all applications found), ``start`` (moved back to
        the last page if it was beyond it) and ``rows`` (the dicts of
        :func:`worklist` for the page).
    :rtype: dict
    """
    if department_uids is None:
        department_uids = [department.UID() for department in staff_departments()]
    department_uids = list(department_uids)
    if not department_uids:
        return {"total": 0, "start": 0, "rows": []}
    query = {
        "portal_type": "Application",
        "department_uid": department_uids,
        "review_state": list(states),
    }
    if set(states) <= set(STAFF_STATES):
        query["sort_on"] = "step_due_date"
    else:
        # Concluded applications have no stage due any more, and the catalog
        # leaves out of a sorted result whatever the sort index lacks: they
        # come most recently changed first instead.
        query["sort_on"] = "modified"
        query["sort_order"] = "descending"
    if item_uid:
        query["item_uid"] = item_uid
    brains = api.portal.get_tool("portal_catalog")(**query)
    total = len(brains)

    start = max(0, int(start or 0))
    if size is None:
        start, end = 0, total
    else:
        if start >= total:
            start = max(0, (total - 1) // size * size)
        end = min(total, start + size)
    today = today or hall_now().date()
    cal = calendar()
    warning_days = application_settings.get("warning_days")
    rows = [_summary(brains[i], today, cal, warning_days) for i in range(start, end)]
    return {"total": total, "start": start, "rows": rows}


def get_by_number(number):
    """Return the application with a number, if the current user may see it.

    :param number: An application number, such as ``ZY2026000123``.
    :type number: str
    :returns: The application, or ``None``.
    """
    number = (number or "").strip().upper()
    if not number:
        return None
    brains = api.portal.get_tool("portal_catalog")(
        portal_type="Application", application_number=number
    )
    return brains[0].getObject() if brains else None


# The anonymous look-up


def progress(application):
    """Return what an anonymous look-up shows of an application.

    :param application: An application.
    :returns: ``number``, ``title`` (the item), ``department``, ``state``,
        ``state_title`` (a message), ``applicant`` (the name masked, as
        张*三; for a legal person the company's name masked), ``submitted``,
        ``due_date``, ``paused`` and ``timeline`` (see :func:`timeline` with
        ``public``). Never the ID, phone numbers, e-mail or files.
    :rtype: dict
    """
    state = api.content.get_state(obj=application)
    if application.party == "legal" and application.company_name:
        applicant = validators.mask_name(application.company_name)
    else:
        applicant = validators.mask_name(application.applicant_name)
    return {
        "number": application.number,
        "title": application.item_title,
        "department": application.department_title,
        "state": state,
        "state_title": state_title(state),
        "applicant": applicant,
        "submitted": local_time(application.submitted),
        "due_date": application.due_date if state in OPEN_STATES else None,
        "paused": application.paused_on is not None,
        "timeline": timeline(application, public=True),
    }


def lookup_progress(number, code, client):
    """Look up an application by its number and query code, for anyone.

    A client that has made too many wrong look-ups within the window of the
    control panel (5 in 10 minutes by default) is refused until the oldest
    leaves the window; a right pair does not clear the count.

    :param number: The application number.
    :type number: str
    :param code: The query code.
    :type code: str
    :param client: Who asks, for counting wrong look-ups: the client's
        address.
    :type client: str
    :returns: See :func:`progress`.
    :rtype: dict
    :raises TooManyLookups: If the client must wait.
    :raises ProgressNotFound: If no application has this pair.
    """
    key = f"{'/'.join(api.portal.get().getPhysicalPath())}|{client}"
    limit = application_settings.get("lookup_attempts")
    window = application_settings.get("lookup_window") * 60
    wait = _lookup_failures.wait_time(key, limit, window)
    if wait:
        raise TooManyLookups(wait)

    number = (number or "").strip().upper()
    application = None
    if number:
        application = _unrestricted_object(
            portal_type="Application", application_number=number
        )
    if application is None or not query_code_matches(application, code):
        failures = _lookup_failures.fail(key, window)
        if failures >= limit:
            logger.warning(
                "Client %s made %d wrong progress look-ups within %d minutes; it "
                "must wait.",
                client,
                failures,
                window // 60,
            )
        raise ProgressNotFound()
    return progress(application)


def reset_lookup_limits():
    """Forget all wrong look-ups counted so far (for tests and operators).

    :returns: ``None``.
    """
    _lookup_failures.reset()


# Keeping the staff's roles in line with their department


def sync_staff_roles(department):
    """Give a department's applications to its current staff group.

    Needed after the department's short code, and so its staff group,
    changed: applications made before still name the old group.

    :param department: A department.
    :returns: How many applications changed.
    :rtype: int
    """
    group = staff_group_of(department)
    if group is None:
        return 0
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Application", department_uid=department.UID()
    )
    # A change of group reaches all applications at once, in the transaction
    # that changed the short code: if one is in line, all are.
    if not brains or _staff_holders(brains[0]._unrestrictedGetObject()) == {group}:
        return 0

    changed = 0
    for brain in brains:
        application = brain._unrestrictedGetObject()
        holders = _staff_holders(application)
        if holders == {group}:
            continue
        for principal in holders - {group}:
            application.manage_delLocalRoles([principal])
        application.manage_setLocalRoles(group, [STAFF_ROLE])
        application.reindexObjectSecurity()
        changed += 1
    if changed:
        logger.info(
            "Gave %d applications of %s to the staff group %s",
            changed,
            department.absolute_url(1),
            group,
        )
    return changed


def _staff_holders(application):
    return {
        principal
        for principal, roles in application.get_local_roles()
        if STAFF_ROLE in roles
    }


def department_modified(department, event):
    """Keep the applications of an edited department with its staff group.

    :param department: The department.
    :param event: The ``IObjectModifiedEvent``.
    """
    if IContainerModifiedEvent.providedBy(event):
        return
    sync_staff_roles(department)
