"""What consultations and complaints share: where they live and who handles them.

Consultations (:mod:`zyzwfw.consultations`) and complaints
(:mod:`zyzwfw.complaints`) are kept like applications, out of the public
tree, in folders of the type ApplicationFolder by year and month under
``<site>/consultations`` and ``<site>/complaints``. The root folders block
local roles of the site and are readable by the centre and the supervisor
only; a case is read by whom its workflow state and its own local roles
name: its asker or complainant as Owner, and the staff group of its
department as WindowStaff once the case has a department.

This module also checks the contact details and texts both kinds take, and
finds the department a visitor or the centre names.
"""

from dataclasses import dataclass
from plone import api
from plone.dexterity.utils import addContentToContainer
from plone.dexterity.utils import createContentInContainer
from zope.globalrequest import getRequest
from zope.i18n import translate
from zyzwfw import _
from zyzwfw import applications
from zyzwfw import logger
from zyzwfw import numbering
from zyzwfw import transitions
from zyzwfw import validators

import hashlib
import hmac
import json
import secrets


#: Who reads the folders of cases themselves.
FOLDER_READERS = ("Manager", "Site Administrator", "Supervisor")

#: The local role of a department's staff on its cases.
STAFF_ROLE = applications.STAFF_ROLE

#: The longest name a visitor may give, in characters.
NAME_MAX_LENGTH = 50


@dataclass(frozen=True)
class FieldError:
    """What is wrong with one field of a question or complaint.

    :param field: The field as the REST body names it, such as ``mobile``.
    :param message: What is wrong, a message to translate.
    """

    field: str
    message: object


class CaseInvalid(ValueError):
    """A question or complaint is incomplete or wrong; nothing was stored.

    :ivar errors: The :class:`FieldError` of each wrong field.
    """

    def __init__(self, errors):
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = list(errors)


class TransitionRefused(applications.TransitionRefused):
    """A transition of a case broke a rule; nothing changed.

    A ``WorkflowException``, so plone.restapi's ``@workflow`` answers 400
    with its (translated) text.
    """


def translated(message):
    """Return a message in the site's language.

    :param message: A message or a string.
    :returns: The text.
    :rtype: str
    """
    language = api.portal.get_registry_record("plone.default_language", default="")
    code, _sep, region = (language or "zh-cn").partition("-")
    target = f"{code}_{region.upper()}" if region else code
    return translate(message, target_language=target)


# Folders


def root_folder(root_id, title):
    """Return a root folder of cases, creating and locking it if missing.

    :param root_id: ``consultations`` or ``complaints``.
    :type root_id: str
    :param title: The folder's title.
    :type title: str
    :returns: The folder.
    """
    portal = api.portal.get()
    root = portal.get(root_id)
    if root is not None:
        return root
    with api.env.adopt_roles(["Manager"]):
        root = createContentInContainer(
            portal, "ApplicationFolder", checkConstraints=False, id=root_id, title=title
        )
    _drop_local_roles(root)
    root.__ac_local_roles_block__ = True
    for permission in ("View", "Access contents information", "List folder contents"):
        root.manage_permission(permission, list(FOLDER_READERS), acquire=False)
    root.reindexObjectSecurity()
    logger.info("Created the folder of cases %s", root_id)
    return root


def month_folder(root, when):
    """Return the folder of a root for cases made at ``when``, making it if missing.

    :param root: A root folder of :func:`root_folder`.
    :param when: The time the case is made.
    :type when: datetime.datetime
    :returns: The month's folder.
    """
    year = _child(root, f"{when.year:04d}", f"{when.year}年")
    return _child(year, f"{when.month:02d}", f"{when.month}月")


def _child(parent, folder_id, title):
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
        _drop_local_roles(folder)
    return folder


def _drop_local_roles(obj):
    principals = [principal for principal, _roles in obj.get_local_roles()]
    if principals:
        obj.manage_delLocalRoles(principals)


def add_case(root, case, now):
    """Store a new case in its month's folder, with the rights needed to do so.

    :param root: The root folder of the kind of case.
    :param case: The case, made with ``createContent`` and filled in.
    :param now: The time it is made.
    :returns: The case, stored.
    """
    folder = month_folder(root, now)
    while True:
        candidate = secrets.token_hex(6)
        if candidate not in folder:
            break
    case.id = candidate
    with api.env.adopt_roles(["Manager"]):
        case = addContentToContainer(folder, case, checkConstraints=False)
    return case


def next_number(root, now, prefix):
    """Take the next number of a kind of case for the year of ``now``.

    :param root: The root folder, which keeps the counters.
    :param now: The time of the case.
    :param prefix: ``ZX`` for consultations, ``TS`` for complaints.
    :returns: The number, such as ``ZX2026000012``.
    :rtype: str
    """
    return numbering.next_number(root, now.year, prefix)


# People


def set_owner(case, user_id):
    """Make a member the owner of a case (the asker or complainant).

    :param case: The case, before it is stored.
    :param user_id: The member's id, or ``None`` for an anonymous visitor.
    """
    _drop_local_roles(case)
    if user_id:
        case.manage_setLocalRoles(user_id, ["Owner"])
        case.setCreators((user_id,))


def give_to_department(case, department, reindex=True):
    """Let a department's window staff handle a case, and nobody else's.

    :param case: A consultation or complaint.
    :param department: The department, or ``None`` to take the case from any.
    :param reindex: Whether to reindex the case's security; ``False`` for a
        case not stored yet.
    :returns: ``None``.
    """
    for principal, roles in case.get_local_roles():
        if STAFF_ROLE in roles:
            case.manage_delLocalRoles([principal])
    if department is None:
        case.department_uid = None
        case.department_title = ""
    else:
        case.department_uid = department.UID()
        case.department_title = department.Title()
        group = applications.staff_group_of(department)
        if group:
            case.manage_setLocalRoles(group, [STAFF_ROLE])
    if reindex:
        case.reindexObjectSecurity()


def find_department(value):
    """Return the department a UID, short code or id names.

    :param value: A department's UID, short code or id.
    :type value: str
    :returns: The department, whoever may see it, or ``None``.
    """
    value = (value or "").strip() if isinstance(value, str) else ""
    if not value:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Department", UID=value)
    if not brains:
        brains = catalog.unrestrictedSearchResults(portal_type="Department", id=value)
    if brains:
        return brains[0]._unrestrictedGetObject()
    for brain in catalog.unrestrictedSearchResults(portal_type="Department"):
        department = brain._unrestrictedGetObject()
        if (getattr(department, "short_code", "") or "") == value:
            return department
    return None


def department_choices():
    """Return the published departments, for the forms' choices.

    :returns: Dicts with ``uid`` and ``title``, sorted by title.
    :rtype: list
    """
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="Department", review_state="published", sort_on="sortable_title"
    )
    return [{"uid": brain.UID, "title": brain.Title} for brain in brains]


def is_centre(user=None):
    """Return whether a user works for the centre (routes and assigns cases).

    :param user: A user; the current user if ``None``.
    :returns: ``True`` for Manager, Site Administrator and Reviewer.
    :rtype: bool
    """
    if user is None:
        if api.user.is_anonymous():
            return False
        user = api.user.get_current()
    roles = set(api.user.get_roles(user=user))
    return bool(roles & {"Manager", "Site Administrator", "Reviewer"})


# Checking what visitors send


def text_errors(field, value, max_length, required=True, label=None):
    """Check one text a visitor sent.

    :param field: The field's name in errors.
    :param value: The value sent; anything but a string is wrong.
    :param max_length: The most characters allowed.
    :param required: Whether it must not be empty.
    :param label: The field's title for the message, a message.
    :returns: A list with the field's :class:`FieldError`, or empty.
    :rtype: list
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        return [FieldError(field, _("error_case_not_text", default="Enter text."))]
    value = value.strip()
    if required and not value:
        return [
            FieldError(
                field,
                _(
                    "error_case_required",
                    default="${field} is required.",
                    mapping={"field": translated(label) if label else field},
                ),
            )
        ]
    if len(value) > max_length:
        return [
            FieldError(
                field,
                _(
                    "error_case_too_long",
                    default="${field} may be at most ${maximum} characters long; "
                    "this has ${length}.",
                    mapping={
                        "field": translated(label) if label else field,
                        "maximum": max_length,
                        "length": len(value),
                    },
                ),
            )
        ]
    return []


def contact_errors(name, mobile, email, need_contact):
    """Check a visitor's name and how to reach them.

    :param name: The name, optional.
    :param mobile: A mobile number, or empty.
    :param email: An e-mail address, or empty.
    :param need_contact: Whether a mobile number or an e-mail address is
        needed (an anonymous visitor who wants a reply).
    :returns: ``(values, errors)``: ``name``, ``mobile`` and ``email``
        normalized, and a :class:`FieldError` per wrong field.
    :rtype: tuple
    """
    errors = text_errors(
        "name",
        name,
        NAME_MAX_LENGTH,
        required=False,
        label=_("label_consultation_name", default="Your name"),
    )
    errors += text_errors("mobile", mobile, 20, required=False)
    errors += text_errors("email", email, 254, required=False)
    if errors:
        return {}, errors
    values = {
        "name": (name or "").strip(),
        "mobile": validators.normalize_mobile(mobile or ""),
        "email": validators.normalize_email(email or ""),
    }
    if values["mobile"]:
        error = validators.validate_mobile(values["mobile"])
        if error is not None:
            errors.append(FieldError("mobile", error))
    if values["email"]:
        error = validators.validate_email(values["email"])
        if error is not None:
            errors.append(FieldError("email", error))
    if need_contact and not values["mobile"] and not values["email"]:
        errors.append(
            FieldError(
                "mobile",
                _(
                    "error_case_contact_required",
                    default="Give a mobile number or an e-mail address, so that "
                    "the reply can reach you.",
                ),
            )
        )
    return values, errors


# Follow-up codes


def new_code():
    """Return a new random follow-up code, as applications' query codes read.

    :returns: Eight characters without 0/O and 1/I.
    :rtype: str
    """
    return applications.new_query_code()


def set_code(case, code):
    """Keep the salted hash of a follow-up code on a case, never the code.

    :param case: A complaint.
    :param code: The code.
    """
    case.code_salt = secrets.token_hex(16)
    case.code_hash = _hash(case.code_salt, code)


def code_matches(case, code):
    """Return whether ``code`` is the follow-up code of a case.

    :param case: A complaint.
    :param code: The code as typed; case and spaces around it do not matter.
    :returns: ``True`` if it matches.
    :rtype: bool
    """
    if not getattr(case, "code_hash", None) or not isinstance(code, str) or not code:
        return False
    return hmac.compare_digest(_hash(case.code_salt, code), case.code_hash)


def _hash(salt, code):
    text = f"{salt}:{(code or '').strip().upper()}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Transitions


def available_transitions(case, workflow_id):
    """Return what the current user may do with a case now.

    :param case: A consultation or complaint.
    :param workflow_id: Its workflow's id.
    :returns: Dicts with ``id``, ``title`` (a message) and ``new_state``.
    :rtype: list
    """
    workflow = api.portal.get_tool("portal_workflow")[workflow_id]
    return [
        {
            "id": transition_id,
            "title": _(transition.title),
            "new_state": transition.new_state_id,
        }
        for transition_id, transition in transitions.allowed(case, workflow)
    ]


def state_title(workflow_id, state):
    """Return the title of a state of a case's workflow, to translate.

    :param workflow_id: The workflow's id.
    :param state: The state's id.
    :returns: A message.
    """
    workflow = api.portal.get_tool("portal_workflow")[workflow_id]
    sdef = workflow.states.get(state)
    return _(sdef.title) if sdef is not None else state


def history(case, workflow_id):
    """Return the workflow history of a case, oldest first.

    :param case: A consultation or complaint the caller may read.
    :param workflow_id: Its workflow's id.
    :returns: Dicts with ``action`` (``None`` for the creation), ``actor``,
        ``time`` (an aware datetime in the hall's time zone), ``comment``
        and ``state``.
    :rtype: list
    """
    entries = (getattr(case, "workflow_history", None) or {}).get(workflow_id, ())
    return [
        {
            "action": entry.get("action"),
            "actor": entry.get("actor"),
            "time": applications.local_time(entry["time"].asdatetime()),
            "comment": entry.get("comments") or "",
            "state": entry.get("review_state"),
        }
        for entry in entries
    ]


def request_value(name):
    """Return a value of the current request's JSON body, if it has one.

    The standard ``@workflow`` endpoint passes only the comment on to the
    workflow; a transition that needs more (the department of ``route``)
    reads it from the body here.

    :param name: The key.
    :returns: The value, or ``None``.
    """
    request = getRequest()
    if request is None:
        return None
    value = request.form.get(name)
    if value:
        return value
    try:
        body = json.loads(request.get("BODY") or b"{}")
    except (TypeError, ValueError):
        return None
    return body.get(name) if isinstance(body, dict) else None
