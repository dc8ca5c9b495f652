"""Complaints (网上投诉): about a department, an item or an application.

Anyone may complain, anonymously too; the complainant gets a number and a
follow-up code (shown once, kept only as a salted hash, like an
application's query code) to follow the complaint and answer the reply
without an account. Complaints are never public: the complainant (a member
as Owner, anyone else with the code), the centre, the department once it
has the complaint and the supervisor read them.

What may happen in which state lives in ``zyzwfw_complaint_workflow``:

- ``received``: the centre assigns it to a department (``assign``), or
  dismisses it with a reason (``dismiss``);
- ``handling``: the department's window staff reply (``resolve``); the
  centre may give it to another department (``reassign``);
- ``resolved``: the complainant closes it with feedback (``close``) or
  reopens it once (``reopen``); without feedback it closes by itself after
  the working days of the control panel (:func:`close_stale`, called by the
  hall's scheduled command);
- ``closed``.

Due dates are counted in working days (:mod:`zyzwfw.deadlines`): the centre
assigns within ``complaint_assign_days``, the department replies within
``complaint_days`` of the assignment (or of the reopening). Attachments
follow the upload policy of applications (:mod:`zyzwfw.uploads`).
"""

from AccessControl import Unauthorized
from dataclasses import dataclass
from plone import api
from plone.dexterity.utils import createContent
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.WorkflowCore import WorkflowException
from ZODB.POSException import ConflictError
from zyzwfw import _
from zyzwfw import application_settings
from zyzwfw import applications
from zyzwfw import bots
from zyzwfw import cases
from zyzwfw import deadlines
from zyzwfw import interaction_settings
from zyzwfw import logger
from zyzwfw import members
from zyzwfw.cases import CaseInvalid
from zyzwfw.cases import FieldError
from zyzwfw.cases import TransitionRefused
from zyzwfw.content.complaint import SUBJECT_MAX_LENGTH
from zyzwfw.content.complaint import TEXT_MAX_LENGTH
from zyzwfw.ratelimit import FailureCounter
from zyzwfw.uploads import check_total
from zyzwfw.uploads import check_upload
from zyzwfw.uploads import CONTENT_TYPES
from zyzwfw.uploads import UploadRefused

import datetime


WORKFLOW_ID = "zyzwfw_complaint_workflow"

#: Id of the folder of complaints in the site, and the number prefix.
ROOT_ID = "complaints"
NUMBER_PREFIX = "TS"

RECEIVED = "received"
HANDLING = "handling"
RESOLVED = "resolved"
CLOSED = "closed"

#: States in which the hall must act.
OPEN_STATES = (RECEIVED, HANDLING)

#: Transitions whose comment is needed: the reason or the reply.
COMMENT_REQUIRED = frozenset({"dismiss", "resolve", "reopen"})

#: How often a complainant may reopen a complaint.
REOPEN_LIMIT = 1

#: The most files one complaint may carry.
MAX_ATTACHMENTS = 3

#: The longest reply or feedback, in characters.
REPLY_MAX_LENGTH = 4000

__all__ = ["CaseInvalid", "FieldError", "TransitionRefused"]

# Wrong look-ups per client, see zyzwfw.ratelimit.
_lookup_failures = FailureCounter()


@dataclass(frozen=True)
class Receipt:
    """What a complainant gets back on filing a complaint.

    :param complaint: The complaint.
    :param number: Its number.
    :param code: Its follow-up code, shown this once.
    """

    complaint: object
    number: str
    code: str


class ComplaintNotFound(LookupError):
    """No complaint has this number and code."""

    message = _(
        "error_complaint_not_found",
        default="No complaint has this number and code. Check both and try again.",
    )


def root():
    """Return the site's folder of complaints, creating it if missing.

    :returns: The folder ``<site>/complaints``.
    """
    return cases.root_folder(ROOT_ID, "网上投诉库")


# Filing


def _application_by_number(number):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Application", application_number=number
    )
    return brains[0]._unrestrictedGetObject() if brains else None


def _check_attachments(attachments):
    """Return the checked files and an error per refused one."""
    allowed = application_settings.get("allowed_kinds")
    max_bytes = application_settings.max_file_bytes()
    checked, errors = [], []
    attachments = list(attachments or ())
    if len(attachments) > MAX_ATTACHMENTS:
        return [], [
            FieldError(
                "attachments",
                _(
                    "error_complaint_attachments_count",
                    default="Attach at most ${maximum} files.",
                    mapping={"maximum": MAX_ATTACHMENTS},
                ),
            )
        ]
    for index, (filename, data) in enumerate(attachments):
        try:
            result = check_upload(filename, data, allowed, max_bytes)
        except UploadRefused as refused:
            errors.append(FieldError(f"attachments.{index}", refused.message))
            continue
        checked.append((result, bytes(data)))
    if not errors and checked:
        try:
            check_total(
                [len(data) for _result, data in checked],
                application_settings.max_total_bytes(),
            )
        except UploadRefused as refused:
            errors.append(FieldError("attachments", refused.message))
    return checked, errors


def complaint_errors(subject, text, department=None, application_number=""):
    """Check what a complaint says, without storing anything.

    :param subject: The subject.
    :param text: What happened.
    :param department: A department's UID or short code, or empty.
    :param application_number: An application number, or empty.
    :returns: ``(found, errors)``: ``department`` and ``application`` as
        found (or ``None``), and a :class:`FieldError` per problem.
    :rtype: tuple
    """
    errors = cases.text_errors(
        "subject",
        subject,
        SUBJECT_MAX_LENGTH,
        label=_("label_complaint_subject", default="Subject"),
    )
    errors += cases.text_errors(
        "text",
        text,
        TEXT_MAX_LENGTH,
        label=_("label_complaint_text", default="What happened"),
    )
    found = {"department": None, "application": None}
    wrong = cases.text_errors("department", department, 100, required=False)
    wrong += cases.text_errors(
        "application_number", application_number, 20, required=False
    )
    errors += wrong
    if wrong:
        return found, errors

    if (department or "").strip():
        found["department"] = cases.find_department(department)
        if found["department"] is None:
            errors.append(
                FieldError(
                    "department",
                    _("error_complaint_department", default="No such department."),
                )
            )
    number = (application_number or "").strip().upper()
    if number:
        found["application"] = _application_by_number(number)
        if found["application"] is None:
            errors.append(
                FieldError(
                    "application_number",
                    _(
                        "error_complaint_application",
                        default="No application has the number ${number}.",
                        mapping={"number": number},
                    ),
                )
            )
    return found, errors


def file_complaint(
    subject,
    text,
    department=None,
    application_number="",
    name="",
    mobile="",
    email="",
    attachments=(),
    item=None,
    client="",
    honeypot="",
):
    """File a complaint, as the current user, anonymous or not.

    Nothing is stored if anything is wrong.

    :param subject: The subject, up to 100 characters.
    :param text: What happened, up to 4000 characters.
    :param department: The department complained about: a UID or a short
        code; a suggestion for the centre, which assigns the complaint.
    :param application_number: The number of the application complained
        about; it must exist.
    :param name: The complainant's name, optional.
    :param mobile: A mobile number for notices, optional.
    :param email: An e-mail address for notices, optional.
    :param attachments: ``(filename, data)`` pairs, at most
        :data:`MAX_ATTACHMENTS`, under the applications' upload policy.
    :param item: The service item complained about, if any.
    :param client: The client's address, for the rate limit.
    :param honeypot: What the form's honeypot input held.
    :returns: The receipt with the number and the follow-up code.
    :rtype: Receipt
    :raises zyzwfw.bots.BotRefused: If the submission looks automated or
        comes too often.
    :raises CaseInvalid: If anything is missing or wrong.
    """
    bots.check(client, honeypot)
    found, errors = complaint_errors(subject, text, department, application_number)
    contact, contact_errors = cases.contact_errors(
        name, mobile, email, need_contact=False
    )
    checked, file_errors = _check_attachments(attachments)
    errors += contact_errors + file_errors
    if errors:
        raise CaseInvalid(errors)

    now = applications.hall_now()
    user_id = None
    if not api.user.is_anonymous():
        user_id = api.user.get_current().getId()
        account = members.member_contact(user_id) or {}
        for key in ("name", "mobile", "email"):
            contact[key] = contact[key] or account.get(key, "")

    folder = root()
    complaint = createContent("Complaint")
    complaint.subject = subject.strip()
    complaint.text = text.strip()
    complaint.name = contact["name"]
    complaint.mobile = contact["mobile"]
    complaint.email = contact["email"]
    complaint.complainant_id = user_id
    application = found["application"]
    suggested = found["department"]
    if application is not None:
        complaint.application_number = application.number
        complaint.application_uid = application.UID()
        complaint.item_uid = application.item_uid
        complaint.item_title = application.item_title
        if suggested is None and application.department_uid:
            suggested = cases.find_department(application.department_uid)
    elif item is not None:
        complaint.item_uid = item.UID()
        complaint.item_title = item.Title()
        suggested = suggested or item.department()
    complaint.application_number = complaint.application_number or ""
    if suggested is not None:
        complaint.suggested_department_uid = suggested.UID()
    for result, data in checked:
        complaint.attachments.append(
            NamedBlobFile(
                data=data,
                filename=result.filename,
                contentType=CONTENT_TYPES[result.kind],
            )
        )
    complaint.received = _stored(now)
    complaint.due_date = applications.calendar().add(
        now.date(), interaction_settings.get("complaint_assign_days")
    )
    complaint.number = cases.next_number(folder, now, NUMBER_PREFIX)
    complaint.title = complaint.number
    code = cases.new_code()
    cases.set_code(complaint, code)
    cases.set_owner(complaint, user_id)
    complaint = cases.add_case(folder, complaint, now)

    logger.info("Complaint %s received", complaint.number)
    _notify(
        complaint,
        _(
            "notice_complaint_received",
            default="Your complaint ${number} was received. Its follow-up code is "
            "${code}; keep it to follow the complaint.",
            mapping={"number": complaint.number, "code": code},
        ),
    )
    return Receipt(complaint, complaint.number, code)


def _stored(moment):
    return moment.astimezone(datetime.UTC)


# Acting on a complaint


def available_transitions(complaint):
    """Return what the current user may do with a complaint now.

    :param complaint: A complaint.
    :returns: See :func:`zyzwfw.cases.available_transitions`.
    :rtype: list
    """
    return cases.available_transitions(complaint, WORKFLOW_ID)


def do_transition(complaint, transition, comment="", department=None, **extra):
    """Move a complaint on, as the current user.

    :param complaint: A complaint.
    :param transition: ``assign`` or ``reassign`` (with ``department``),
        ``dismiss`` (the comment is the reason), ``resolve`` (the comment is
        the reply), ``reopen`` (the comment says why), ``close``.
    :param comment: The reply, reason or feedback.
    :param department: For ``assign`` and ``reassign``, the department (an
        object, a UID or a short code).
    :param extra: ``satisfied`` (a boolean) for ``close``.
    :returns: The state the complaint is in now.
    :rtype: str
    :raises Unauthorized: If the transition is not available to the user.
    :raises TransitionRefused: If a rule of complaints refuses it.
    """
    workflow = api.portal.get_tool("portal_workflow")
    if not workflow[WORKFLOW_ID].isActionSupported(complaint, transition):
        raise Unauthorized(
            f"{transition!r} is not available on {complaint.absolute_url(1)}"
        )
    kwargs = dict(extra)
    if department is not None:
        kwargs["department"] = department
    workflow.doActionFor(
        complaint, transition, comment=(comment or "").strip(), **kwargs
    )
    return api.content.get_state(obj=complaint)


def _ours(event):
    return event.workflow.getId() == WORKFLOW_ID and event.transition is not None


def before_transition(complaint, event):
    """Refuse a transition that breaks the rules of complaints.

    :param complaint: The complaint.
    :param event: The ``IBeforeTransitionEvent``.
    :raises TransitionRefused: If a rule is broken; nothing changes.
    """
    if not _ours(event):
        return
    transition = event.transition.getId()
    comment = (event.kwargs.get("comment") or "").strip()
    if transition in COMMENT_REQUIRED and not comment:
        raise TransitionRefused(
            _(
                "error_complaint_comment_required",
                default="${transition}: write the text; the complainant reads it.",
                mapping={"transition": cases.translated(_(event.transition.title))},
            )
        )
    if len(comment) > REPLY_MAX_LENGTH:
        raise TransitionRefused(
            _(
                "error_answer_too_long",
                default="An answer may be at most ${maximum} characters long.",
                mapping={"maximum": REPLY_MAX_LENGTH},
            )
        )
    if transition in ("assign", "reassign"):
        department = event.kwargs.get("department")
        if department is None:
            department = cases.request_value("department")
        if department is None and transition == "assign":
            department = complaint.suggested_department_uid
        if not hasattr(department, "UID"):
            department = cases.find_department(department)
        if department is None or department.portal_type != "Department":
            raise TransitionRefused(
                _(
                    "error_assign_department",
                    default="Choose the department that handles the complaint.",
                )
            )
        event.kwargs["department"] = department
    if transition == "reopen" and (complaint.reopened or 0) >= REOPEN_LIMIT:
        raise TransitionRefused(
            _(
                "error_reopen_once",
                default="A complaint can be reopened only once. Please call the "
                "hall if you are still not satisfied.",
            )
        )


def after_transition(complaint, event):
    """Record the department, reply or feedback, set due dates, tell the complainant.

    :param complaint: The complaint.
    :param event: The ``IAfterTransitionEvent``.
    """
    if not _ours(event):
        return
    transition = event.transition.getId()
    comment = (event.kwargs.get("comment") or "").strip()
    now = applications.hall_now()
    cal = applications.calendar()
    notice = None
    if transition in ("assign", "reassign"):
        department = event.kwargs["department"]
        cases.give_to_department(complaint, department)
        if transition == "assign":
            complaint.due_date = cal.add(
                now.date(), interaction_settings.get("complaint_days")
            )
            notice = _(
                "notice_complaint_assigned",
                default="Your complaint ${number} was passed to ${department}, "
                "which replies by ${due}.",
                mapping={
                    "number": complaint.number,
                    "department": department.Title(),
                    "due": complaint.due_date.isoformat(),
                },
            )
        logger.info(
            "Complaint %s given to %s", complaint.number, department.absolute_url(1)
        )
    elif transition == "dismiss":
        complaint.closed = _stored(now)
        notice = _(
            "notice_complaint_dismissed",
            default="Your complaint ${number} was not taken up: ${reason}",
            mapping={"number": complaint.number, "reason": comment},
        )
    elif transition == "resolve":
        complaint.reply = comment
        complaint.resolved = _stored(now)
        complaint.feedback_due = cal.add(
            now.date(), interaction_settings.get("feedback_days")
        )
        notice = _(
            "notice_complaint_resolved",
            default="The reply to your complaint ${number}: ${reply} Please tell "
            "us by ${feedback_due} whether you are satisfied; without feedback "
            "the complaint closes then.",
            mapping={
                "number": complaint.number,
                "reply": comment,
                "feedback_due": complaint.feedback_due.isoformat(),
            },
        )
    elif transition == "reopen":
        complaint.reopened = (complaint.reopened or 0) + 1
        complaint.feedback = comment
        complaint.feedback_due = None
        complaint.due_date = cal.add(
            now.date(), interaction_settings.get("complaint_days")
        )
    elif transition == "close":
        complaint.closed = _stored(now)
        complaint.feedback_due = None
        if "satisfied" in event.kwargs:
            complaint.satisfied = bool(event.kwargs["satisfied"])
            complaint.feedback = comment
    complaint.reindexObject()
    if notice is not None:
        _notify(complaint, notice)


def _notify(complaint, body):
    """Tell the complainant something; a failure is logged, never raised."""
    if not (complaint.complainant_id or complaint.email or complaint.mobile):
        # An anonymous complainant without contact details follows it online.
        return
    try:
        from zyzwfw import notifications

        subject = _(
            "notice_complaint_subject",
            default="Complaint ${number}: ${state}",
            mapping={
                "number": complaint.number,
                "state": cases.translated(
                    state_title(api.content.get_state(obj=complaint))
                ),
            },
        )
        portal_url = api.portal.get().absolute_url()
        link = (
            complaint.absolute_url()
            if complaint.complainant_id
            else f"{portal_url}/@@complaint-lookup"
        )
        notifications.notify(
            {
                "user_id": complaint.complainant_id,
                "name": complaint.name or "",
                "email": complaint.email or "",
                "mobile": complaint.mobile or "",
            },
            subject,
            body,
            link=link,
            kind="complaint",
        )
    except ConflictError:
        raise
    except Exception:
        logger.exception(
            "Could not notify the complainant of %s; the complaint goes on and "
            "the complainant sees it online.",
            complaint.number,
        )


def state_title(state):
    """Return the title of a state of complaints, to translate.

    :param state: A state id, such as ``handling``.
    :returns: A message.
    """
    return cases.state_title(WORKFLOW_ID, state)


# The complainant's follow-up


def _lookup_key(client):
    return f"{'/'.join(api.portal.get().getPhysicalPath())}|complaint|{client}"


def find_with_code(number, code, client):
    """Return the complaint with a number and follow-up code, for anyone.

    Wrong pairs count against the client like wrong progress look-ups: after
    the control panel's number within its window the client must wait.

    :param number: The complaint number.
    :param code: The follow-up code.
    :param client: The client's address.
    :returns: The complaint.
    :raises zyzwfw.applications.TooManyLookups: If the client must wait.
    :raises ComplaintNotFound: If no complaint has this pair.
    """
    key = _lookup_key(client)
    limit = application_settings.get("lookup_attempts")
    window = application_settings.get("lookup_window") * 60
    wait = _lookup_failures.wait_time(key, limit, window)
    if wait:
        raise applications.TooManyLookups(wait)
    number = (number or "").strip().upper() if isinstance(number, str) else ""
    complaint = None
    if number:
        brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            portal_type="Complaint", case_number=number
        )
        complaint = brains[0]._unrestrictedGetObject() if brains else None
    if complaint is None or not cases.code_matches(complaint, code):
        _lookup_failures.fail(key, window)
        raise ComplaintNotFound()
    return complaint


def follow_up(complaint):
    """Return what the complainant sees of a complaint.

    :param complaint: A complaint.
    :returns: ``number``, ``subject``, ``state``, ``state_title``,
        ``received`` (aware datetime), ``department``, ``due_date``,
        ``reply``, ``feedback``, ``satisfied``, ``can_feedback`` and
        ``can_reopen``, and ``steps`` (``title`` and ``time``, without who
        acted).
    :rtype: dict
    """
    state = api.content.get_state(obj=complaint)
    workflow = api.portal.get_tool("portal_workflow")[WORKFLOW_ID]
    steps = []
    for step in cases.history(complaint, WORKFLOW_ID):
        transition = workflow.transitions.get(step["action"] or "")
        steps.append(
            {
                "title": _(transition.title)
                if transition is not None
                else _("complaint_filed", default="Filed"),
                "time": step["time"],
            }
        )
    return {
        "number": complaint.number,
        "subject": complaint.subject,
        "state": state,
        "state_title": state_title(state),
        "received": applications.local_time(complaint.received),
        "department": complaint.department_title,
        "due_date": complaint.due_date if state in OPEN_STATES else None,
        "reply": complaint.reply,
        "feedback": complaint.feedback,
        "satisfied": complaint.satisfied,
        "can_feedback": state == RESOLVED,
        "can_reopen": state == RESOLVED and (complaint.reopened or 0) < REOPEN_LIMIT,
        "steps": steps,
    }


def give_feedback(complaint, satisfied, comment="", reopen=False, with_code=False):
    """Close a replied complaint with the complainant's feedback, or reopen it.

    :param complaint: A complaint in the state ``resolved``.
    :param satisfied: Whether the complainant is satisfied with the reply.
    :param comment: What the complainant says; needed to reopen.
    :param reopen: Reopen instead of closing.
    :param with_code: Whether the caller checked the follow-up code
        (:func:`find_with_code`); the step is then made with the
        complainant's rights, for an anonymous complainant.
    :returns: The new state.
    :raises Unauthorized: If the user is not the complainant.
    :raises TransitionRefused: If reopening again or without a reason.
    """
    transition = "reopen" if reopen else "close"
    kwargs = {} if reopen else {"satisfied": bool(satisfied)}
    if with_code:
        with api.env.adopt_roles(["Owner"]):
            return do_transition(complaint, transition, comment=comment, **kwargs)
    return do_transition(complaint, transition, comment=comment, **kwargs)


def close_stale(now=None):
    """Close the replied complaints whose time for feedback has passed.

    Called by the hall's scheduled command; safe to call as often as wanted.

    :param now: The time to count from; now if ``None`` (an aware datetime
        or a date).
    :returns: The numbers of the complaints closed.
    :rtype: list
    """
    if now is None:
        today = applications.hall_now().date()
    elif isinstance(now, datetime.datetime):
        today = applications.local_time(now).date() if now.tzinfo else now.date()
    else:
        today = now
    catalog = api.portal.get_tool("portal_catalog")
    closed = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Complaint", review_state=RESOLVED
    ):
        complaint = brain._unrestrictedGetObject()
        if complaint.feedback_due is None or complaint.feedback_due >= today:
            continue
        with api.env.adopt_roles(["Manager"]):
            try:
                do_transition(
                    complaint,
                    "close",
                    comment=cases.translated(
                        _(
                            "complaint_closed_without_feedback",
                            default="Closed: no feedback within the time given.",
                        )
                    ),
                )
            except (Unauthorized, WorkflowException):
                logger.warning(
                    "Could not close complaint %s without feedback; it stays replied.",
                    complaint.number,
                )
                continue
        closed.append(complaint.number)
    if closed:
        logger.info("Closed %d complaints without feedback", len(closed))
    return closed


# Lists


def summary(complaint, today=None, cal=None):
    """Return what the lists show of a complaint.

    :param complaint: A complaint the current user may see.
    :param today: The day to count warnings from; today if ``None``.
    :param cal: The hall's calendar, if the caller has it.
    :returns: ``uid``, ``url``, ``number``, ``subject``, ``department``,
        ``suggested`` (the department the complainant named), ``state``,
        ``state_title``, ``received``, ``due_date``, ``days_left`` and
        ``warning`` (only while the hall must act).
    :rtype: dict
    """
    today = today or applications.hall_now().date()
    cal = cal or applications.calendar()
    state = api.content.get_state(obj=complaint)
    due = complaint.due_date if state in OPEN_STATES else None
    suggested = cases.find_department(complaint.suggested_department_uid)
    return {
        "uid": complaint.UID(),
        "url": complaint.absolute_url(),
        "number": complaint.number,
        "subject": complaint.subject,
        "department": complaint.department_title,
        "suggested": suggested.Title() if suggested is not None else "",
        "state": state,
        "state_title": state_title(state),
        "received": applications.local_time(complaint.received),
        "due_date": complaint.due_date,
        "days_left": deadlines.days_left(cal, today, due) if due else None,
        "warning": deadlines.warning_level(
            cal, today, due, application_settings.get("warning_days")
        ),
    }


def listing(states=None, department_uids=None, today=None):
    """Return the complaints the current user may see, the earliest due first.

    :param states: Only these states; all if ``None``.
    :param department_uids: Only the complaints of these departments.
    :param today: The day to count warnings from; today if ``None``.
    :returns: Dicts of :func:`summary`.
    :rtype: list
    """
    query = {"portal_type": "Complaint", "sort_on": "due_date"}
    if states is not None:
        query["review_state"] = list(states)
    if department_uids is not None:
        query["department_uid"] = list(department_uids)
    cal = applications.calendar()
    return [
        summary(brain.getObject(), today, cal)
        for brain in api.portal.get_tool("portal_catalog")(**query)
    ]


def filed_by(user_id, today=None):
    """Return the complaints a member filed, the newest first.

    :param user_id: The member.
    :param today: The day to count warnings from; today if ``None``.
    :returns: Dicts of :func:`summary`; only what the current user may see.
    :rtype: list
    """
    brains = api.portal.get_tool("portal_catalog")(
        portal_type="Complaint",
        Creator=user_id,
        sort_on="created",
        sort_order="descending",
    )
    cal = applications.calendar()
    return [summary(brain.getObject(), today, cal) for brain in brains]


def reset_lookup_limits():
    """Forget all wrong look-ups counted so far (for tests and operators).

    :returns: ``None``.
    """
    _lookup_failures.reset()
