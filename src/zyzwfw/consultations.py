"""Consultations (在线咨询): questions asked online and their answers.

A visitor asks from an item's guide, and the question goes to the item's
department, or asks generally, and the centre routes the question to a
department. The department's window staff answer within the working days of
the hall control panel (two by default); the asker hears of the answer
through :mod:`zyzwfw.notifications`. An answered question about an item may
be published as a frequently asked question on the item's guide, without
the asker's name or contact details, if the asker agreed when asking.

What may happen in which state, and who may do it, lives in the workflow
``zyzwfw_consultation_workflow``: ``asked`` → ``answered`` → ``published``,
or ``closed``; ``route`` keeps a question ``asked`` and gives it to another
department. The rules a workflow cannot express run on its events
(:func:`before_transition`, :func:`after_transition`), so plone.restapi's
``@workflow`` keeps them too: an answer needs its text (the comment),
routing needs a department, publishing needs the asker's consent and an
item, and closing an unanswered question needs the reason.

Where consultations live and who reads them: see :mod:`zyzwfw.cases`.
"""

from AccessControl import Unauthorized
from plone import api
from plone.dexterity.utils import createContent
from z3c.caching.purge import Purge
from ZODB.POSException import ConflictError
from zope.event import notify
from zyzwfw import _
from zyzwfw import applications
from zyzwfw import bots
from zyzwfw import cases
from zyzwfw import deadlines
from zyzwfw import interaction_settings
from zyzwfw import logger
from zyzwfw import members
from zyzwfw import validators
from zyzwfw.cases import CaseInvalid
from zyzwfw.cases import FieldError
from zyzwfw.cases import TransitionRefused
from zyzwfw.content.consultation import ANSWER_MAX_LENGTH
from zyzwfw.content.consultation import QUESTION_MAX_LENGTH

import datetime
import re


WORKFLOW_ID = "zyzwfw_consultation_workflow"

#: Id of the folder of consultations in the site, and the number prefix.
ROOT_ID = "consultations"
NUMBER_PREFIX = "ZX"

ASKED = "asked"
ANSWERED = "answered"
PUBLISHED = "published"
CLOSED = "closed"

#: States in which an answer has been given.
ANSWERED_STATES = (ANSWERED, PUBLISHED)

#: The shortest question worth answering, in characters.
QUESTION_MIN_LENGTH = 5

#: The most characters of an answer sent by SMS to an anonymous asker.
SMS_ANSWER_LENGTH = 300

#: How many published questions an item's guide shows at most.
FAQ_SHOWN = 20

__all__ = ["CaseInvalid", "FieldError", "TransitionRefused"]

_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_ID_NUMBER = re.compile(r"(?<![\dXx])\d{17}[\dXx](?![\dXx])")
_EMAIL = re.compile(r"[\w.+-]+@([\w-]+\.)+[\w-]+")


def root():
    """Return the site's folder of consultations, creating it if missing.

    :returns: The folder ``<site>/consultations``.
    """
    return cases.root_folder(ROOT_ID, "在线咨询库")


# Asking


def question_errors(question, consent=False):
    """Check a question's text and the asker's consent.

    :param question: The question.
    :param consent: The consent to publication, a boolean.
    :returns: A :class:`FieldError` per problem.
    :rtype: list
    """
    label = _("label_consultation_question", default="Your question")
    errors = cases.text_errors("question", question, QUESTION_MAX_LENGTH, label=label)
    if not errors and len(question.strip()) < QUESTION_MIN_LENGTH:
        errors.append(
            FieldError(
                "question",
                _(
                    "error_question_too_short",
                    default="Describe your question in at least ${minimum} characters.",
                    mapping={"minimum": QUESTION_MIN_LENGTH},
                ),
            )
        )
    if not isinstance(consent, bool):
        errors.append(
            FieldError(
                "consent",
                _("error_consent_boolean", default="Answer yes or no (true or false)."),
            )
        )
    return errors


def ask(
    question,
    name="",
    mobile="",
    email="",
    consent=False,
    item=None,
    client="",
    honeypot="",
):
    """Ask a question, as the current user, about an item or generally.

    Anonymous visitors give a mobile number or an e-mail address for the
    reply; members are answered through their account, and through the
    contact details they give or have. Nothing is stored if anything is
    wrong. The submission counts against the client's limit only once it
    is accepted.

    :param question: The question, up to :data:`QUESTION_MAX_LENGTH`
        characters.
    :param name: The asker's name, optional.
    :param mobile: A mobile number for the reply.
    :param email: An e-mail address for the reply.
    :param consent: Whether the question and answer may be published as a
        frequently asked question without the asker's identity.
    :type consent: bool
    :param item: The service item asked about, or ``None`` for a general
        question, which the centre routes.
    :param client: The client's address, for the rate limit.
    :param honeypot: What the form's honeypot input held.
    :returns: The consultation, in the state ``asked``.
    :raises zyzwfw.bots.BotRefused: If the submission looks automated or
        comes too often.
    :raises CaseInvalid: If anything is missing or wrong.
    :raises Unauthorized: If the user may not see the item.
    """
    bots.check(client, honeypot)
    if item is not None and not api.user.has_permission("View", obj=item):
        raise Unauthorized(f"Cannot see the item {item.absolute_url(1)}")

    anonymous = api.user.is_anonymous()
    contact, errors = cases.contact_errors(name, mobile, email, need_contact=anonymous)
    errors = question_errors(question, consent) + errors
    if errors:
        raise CaseInvalid(errors)

    now = applications.hall_now()
    user_id = None
    if not anonymous:
        user_id = api.user.get_current().getId()
        account = members.member_contact(user_id) or {}
        for key in ("name", "mobile", "email"):
            contact[key] = contact[key] or account.get(key, "")

    folder = root()
    consultation = createContent("Consultation")
    consultation.question = question.strip()
    consultation.name = contact["name"]
    consultation.mobile = contact["mobile"]
    consultation.email = contact["email"]
    consultation.consent = bool(consent)
    consultation.consent_time = _stored(now) if consent else None
    consultation.asker_id = user_id
    consultation.asked = _stored(now)
    consultation.due_date = applications.calendar().add(
        now.date(), interaction_settings.get("consultation_days")
    )
    department = None
    if item is not None:
        consultation.item_uid = item.UID()
        consultation.item_path = "/".join(item.getPhysicalPath())
        consultation.item_title = item.Title()
        department = item.department()
    consultation.number = cases.next_number(folder, now, NUMBER_PREFIX)
    consultation.title = consultation.number
    cases.set_owner(consultation, user_id)
    if department is not None:
        cases.give_to_department(consultation, department, reindex=False)
    consultation = cases.add_case(folder, consultation, now)

    logger.info(
        "Consultation %s asked about %s",
        consultation.number,
        item.absolute_url(1) if item is not None else "no item",
    )
    _notify(
        consultation,
        _(
            "notice_consultation_asked",
            default="Your question ${number} was received. It will be answered by "
            "${due}.",
            mapping={
                "number": consultation.number,
                "due": consultation.due_date.isoformat(),
            },
        ),
    )
    return consultation


# TODO: an anonymous asker has no code to read the question online, as a
# complainant has; the answer reaches them only by SMS or e-mail (the SMS
# carries the answer in its subject) and, if published, on the guide.


def _stored(moment):
    return moment.astimezone(datetime.UTC)


# Acting on a question


def available_transitions(consultation):
    """Return what the current user may do with a consultation now.

    :param consultation: A consultation.
    :returns: See :func:`zyzwfw.cases.available_transitions`.
    :rtype: list
    """
    return cases.available_transitions(consultation, WORKFLOW_ID)


def do_transition(consultation, transition, comment="", department=None):
    """Move a consultation on, as the current user.

    :param consultation: A consultation.
    :param transition: ``answer`` (the comment is the answer), ``route``
        (with ``department``), ``publish``, ``unpublish`` or ``close``.
    :param comment: The answer, or a comment for the record.
    :param department: For ``route``, the department (an object, a UID or
        a short code).
    :returns: The state the consultation is in now.
    :rtype: str
    :raises Unauthorized: If the transition is not available to the user.
    :raises TransitionRefused: If a rule of consultations refuses it.
    """
    workflow = api.portal.get_tool("portal_workflow")
    if not workflow[WORKFLOW_ID].isActionSupported(consultation, transition):
        raise Unauthorized(
            f"{transition!r} is not available on {consultation.absolute_url(1)}"
        )
    kwargs = {}
    if department is not None:
        kwargs["department"] = department
    workflow.doActionFor(
        consultation, transition, comment=(comment or "").strip(), **kwargs
    )
    return api.content.get_state(obj=consultation)


def answer(consultation, text):
    """Answer a question, as the current user (the department's staff).

    :param consultation: A consultation awaiting an answer.
    :param text: The answer.
    :returns: The state, ``answered``.
    :raises Unauthorized: If the user may not answer it.
    :raises TransitionRefused: If the answer is empty or too long.
    """
    return do_transition(consultation, "answer", comment=text)


def route(consultation, department, comment=""):
    """Give a question to a department, as the centre.

    :param consultation: A consultation awaiting an answer.
    :param department: The department, a UID or a short code.
    :param comment: A note for the record.
    :returns: The state, still ``asked``.
    :raises Unauthorized: If the user may not route it.
    :raises TransitionRefused: If the department is unknown.
    """
    return do_transition(consultation, "route", comment=comment, department=department)


def _ours(event):
    return event.workflow.getId() == WORKFLOW_ID and event.transition is not None


def before_transition(consultation, event):
    """Refuse a transition that breaks the rules of consultations.

    :param consultation: The consultation.
    :param event: The ``IBeforeTransitionEvent``.
    :raises TransitionRefused: If a rule is broken; nothing changes.
    """
    if not _ours(event):
        return
    transition = event.transition.getId()
    comment = (event.kwargs.get("comment") or "").strip()
    if transition == "answer":
        if not comment:
            raise TransitionRefused(
                _("error_answer_required", default="Write the answer to the question.")
            )
        if len(comment) > ANSWER_MAX_LENGTH:
            raise TransitionRefused(
                _(
                    "error_answer_too_long",
                    default="An answer may be at most ${maximum} characters long.",
                    mapping={"maximum": ANSWER_MAX_LENGTH},
                )
            )
    elif transition == "route":
        department = event.kwargs.get("department")
        if department is None:
            department = cases.request_value("department")
        if not hasattr(department, "UID"):
            department = cases.find_department(department)
        if department is None or department.portal_type != "Department":
            raise TransitionRefused(
                _(
                    "error_route_department",
                    default="Choose the department that is to answer.",
                )
            )
        event.kwargs["department"] = department
    elif transition == "publish":
        if not consultation.consent:
            raise TransitionRefused(
                _(
                    "error_publish_without_consent",
                    default="The asker did not agree to publication; the question "
                    "cannot be published.",
                )
            )
        if not consultation.item_uid:
            raise TransitionRefused(
                _(
                    "error_publish_without_item",
                    default="Only a question about an item can be published, on "
                    "the item's guide.",
                )
            )
    elif transition == "close" and event.old_state.getId() == ASKED and not comment:
        raise TransitionRefused(
            _(
                "error_close_reason",
                default="Give the reason for closing the question; the asker reads it.",
            )
        )


def after_transition(consultation, event):
    """Record the answer or the new department, and tell the asker.

    :param consultation: The consultation.
    :param event: The ``IAfterTransitionEvent``.
    """
    if not _ours(event):
        return
    transition = event.transition.getId()
    comment = (event.kwargs.get("comment") or "").strip()
    now = applications.hall_now()
    if transition == "answer":
        consultation.answer = comment
        consultation.answered = _stored(now)
        logger.info("Consultation %s answered", consultation.number)
        subject = None
        if not consultation.asker_id:
            # A text message carries only the subject, and an anonymous asker
            # cannot log in to read the rest: the subject holds the answer.
            subject = _(
                "notice_consultation_answer_subject",
                default="Answer to your question ${number}: ${answer}",
                mapping={
                    "number": consultation.number,
                    "answer": shortened(comment, SMS_ANSWER_LENGTH),
                },
            )
        _notify(
            consultation,
            _(
                "notice_consultation_answered",
                default="Your question ${number} was answered: ${answer}",
                mapping={"number": consultation.number, "answer": comment},
            ),
            subject,
        )
    elif transition == "route":
        department = event.kwargs["department"]
        cases.give_to_department(consultation, department)
        logger.info(
            "Consultation %s routed to %s",
            consultation.number,
            department.absolute_url(1),
        )
    elif transition == "close" and event.old_state.getId() == ASKED:
        _notify(
            consultation,
            _(
                "notice_consultation_closed",
                default="Your question ${number} was closed without an answer: "
                "${reason}",
                mapping={"number": consultation.number, "reason": comment},
            ),
        )
    if transition in ("publish", "unpublish"):
        # The guide shows the published questions: caches must drop it.
        item = _item(consultation)
        if item is not None:
            notify(Purge(item))
    consultation.reindexObject()


def shortened(text, length):
    """Return ``text`` cut to ``length`` characters, with … where it was cut.

    :param text: The text.
    :type text: str
    :param length: The most characters to return, … included.
    :type length: int
    :rtype: str
    """
    return text if len(text) <= length else text[: length - 1] + "…"


def _notify(consultation, body, subject=None):
    """Tell the asker something; a failure is logged, never raised."""
    try:
        from zyzwfw import notifications

        subject = subject or _(
            "notice_consultation_subject",
            default="Consultation ${number}: ${state}",
            mapping={
                "number": consultation.number,
                "state": cases.translated(
                    state_title(api.content.get_state(obj=consultation))
                ),
            },
        )
        if consultation.asker_id:
            link = consultation.absolute_url()
        else:
            item = _item(consultation)
            link = (item or api.portal.get()).absolute_url()
        notifications.notify(
            {
                "user_id": consultation.asker_id,
                "name": consultation.name or "",
                "email": consultation.email or "",
                "mobile": consultation.mobile or "",
            },
            subject,
            body,
            link=link,
            kind="consultation",
        )
    except ConflictError:
        raise
    except Exception:
        logger.exception(
            "Could not notify the asker of consultation %s; the answer stands and "
            "is shown online.",
            consultation.number,
        )


def _item(consultation):
    if not consultation.item_path:
        return None
    return api.portal.get().unrestrictedTraverse(consultation.item_path, None)


def state_title(state):
    """Return the title of a state of consultations, to translate.

    :param state: A state id, such as ``asked``.
    :returns: A message, such as 待答复 in Chinese.
    """
    return cases.state_title(WORKFLOW_ID, state)


# What the public sees


def public_text(text):
    """Return a text with mobile numbers, ID numbers and e-mail addresses masked.

    A question published as a frequently asked question must not name its
    asker, not even where they wrote their number into the question.

    :param text: A question or answer.
    :returns: The text, ``138****5678`` for a mobile number, the middle of an
        ID number starred, ``***@example.cn`` for an e-mail address.
    :rtype: str
    """
    text = _ID_NUMBER.sub(lambda match: validators.mask_id_number(match[0]), text or "")
    text = _MOBILE.sub(lambda match: validators.mask_mobile(match[0]), text)
    return _EMAIL.sub(lambda match: "***@" + match[0].split("@", 1)[1], text)


def faq_for(item, limit=FAQ_SHOWN):
    """Return the published questions about an item, newest answer first.

    :param item: A service item.
    :param limit: How many at most.
    :returns: Dicts with ``question`` and ``answer`` (both masked, see
        :func:`public_text`) and ``answered`` (a date); never who asked.
    :rtype: list
    """
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="Consultation", item_uid=item.UID(), review_state=PUBLISHED
    )
    entries = []
    for brain in brains:
        consultation = brain._unrestrictedGetObject()
        answered = applications.local_time(consultation.answered)
        entries.append(
            {
                "question": public_text(consultation.question),
                "answer": public_text(consultation.answer),
                "answered": answered.date() if answered else None,
            }
        )
    entries.sort(key=lambda entry: entry["answered"] or datetime.date.min, reverse=True)
    return entries[:limit]


# Lists


def summary(consultation, today=None, cal=None):
    """Return what the desks show of a consultation.

    :param consultation: A consultation the current user may see.
    :param today: The day to count warnings from; today if ``None``.
    :param cal: The hall's calendar, if the caller has it.
    :returns: ``uid``, ``url``, ``number``, ``question``, ``item``,
        ``department``, ``asker`` (the name, or 匿名), ``state``,
        ``state_title``, ``asked`` (an aware datetime), ``due_date``,
        ``days_left`` and ``warning`` (``none``, ``yellow``, ``red``; only
        while awaiting an answer), ``consent``.
    :rtype: dict
    """
    today = today or applications.hall_now().date()
    cal = cal or applications.calendar()
    state = api.content.get_state(obj=consultation)
    waiting = state == ASKED and consultation.due_date is not None
    return {
        "uid": consultation.UID(),
        "url": consultation.absolute_url(),
        "number": consultation.number,
        "question": consultation.question,
        "item": consultation.item_title,
        "department": consultation.department_title,
        "asker": consultation.name
        or _("consultation_anonymous_asker", default="Anonymous"),
        "state": state,
        "state_title": state_title(state),
        "asked": applications.local_time(consultation.asked),
        "due_date": consultation.due_date,
        "days_left": (
            deadlines.days_left(cal, today, consultation.due_date) if waiting else None
        ),
        "warning": deadlines.warning_level(
            cal,
            today,
            consultation.due_date if waiting else None,
            applications.application_settings.get("warning_days"),
        ),
        "consent": bool(consultation.consent),
    }


def desk(department_uids=None, states=(ASKED,), today=None):
    """Return the questions of departments, the earliest due first.

    :param department_uids: The departments; those of the current user's
        staff groups if ``None``.
    :param states: The states to list; by default those awaiting an answer.
    :param today: The day to count warnings from; today if ``None``.
    :returns: Dicts of :func:`summary`; only what the user may see.
    :rtype: list
    """
    return desk_page(department_uids, states, today, size=None)["rows"]


def desk_page(department_uids=None, states=(ASKED,), today=None, size=None):
    """Return the most urgent questions of departments and how many there are.

    Only the questions shown are read and summarised, so that a short list
    beside the worklist costs the same however many questions wait.

    :param department_uids: As for :func:`desk`.
    :param states: As for :func:`desk`.
    :param today: As for :func:`desk`.
    :param size: How many questions to return, the earliest due first; all
        if ``None``.
    :returns: ``rows``, dicts of :func:`summary`, and ``total``, how many
        questions the user may see in all.
    :rtype: dict
    """
    if department_uids is None:
        department_uids = [d.UID() for d in applications.staff_departments()]
    department_uids = list(department_uids)
    if not department_uids:
        return {"rows": [], "total": 0}
    brains = api.portal.get_tool("portal_catalog")(
        portal_type="Consultation",
        department_uid=department_uids,
        review_state=list(states),
        sort_on="due_date",
    )
    shown = brains if size is None else brains[:size]
    cal = applications.calendar()
    return {
        "rows": [summary(brain.getObject(), today, cal) for brain in shown],
        "total": len(brains),
    }


def routing_queue(today=None):
    """Return the questions awaiting an answer that have no department yet.

    :param today: The day to count warnings from; today if ``None``.
    :returns: Dicts of :func:`summary`, the earliest due first; only what the
        current user may see (the centre sees all).
    :rtype: list
    """
    brains = api.portal.get_tool("portal_catalog")(
        portal_type="Consultation", review_state=ASKED, sort_on="due_date"
    )
    cal = applications.calendar()
    return [
        summary(brain.getObject(), today, cal)
        for brain in brains
        if not brain.department_uid
    ]


def asked_by(user_id, today=None):
    """Return the questions a member asked, the newest first.

    :param user_id: The member.
    :param today: The day to count warnings from; today if ``None``.
    :returns: Dicts of :func:`summary`; only what the current user may see.
    :rtype: list
    """
    brains = api.portal.get_tool("portal_catalog")(
        portal_type="Consultation",
        Creator=user_id,
        sort_on="created",
        sort_order="descending",
    )
    cal = applications.calendar()
    return [summary(brain.getObject(), today, cal) for brain in brains]


def answer_hours(department_uid, start, end):
    """Return how long a department took to answer, per answered question.

    Used for the average answer time of the assessment. Hours are elapsed
    time from asking to answering, nights and holidays included.

    :param department_uid: The department's UID.
    :param start: The first moment of the period (aware datetime, or a date
        for its midnight in the hall's time zone).
    :param end: The moment after the period (same types).
    :returns: One float per question answered within the period.
    :rtype: list
    """
    start, end = _moment(start), _moment(end)
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="Consultation", department_uid=department_uid
    )
    hours = []
    for brain in brains:
        consultation = brain._unrestrictedGetObject()
        answered, asked = consultation.answered, consultation.asked
        if answered is None or asked is None or not start <= answered < end:
            continue
        hours.append((answered - asked).total_seconds() / 3600)
    return hours


def _moment(value):
    if isinstance(value, datetime.datetime):
        return value
    zone = applications.hall_now().tzinfo
    return datetime.datetime.combine(value, datetime.time(), zone)


def get_by_number(number):
    """Return the consultation with a number, if the current user may see it.

    :param number: A consultation number, such as ``ZX2026000012``.
    :returns: The consultation, or ``None``.
    """
    number = (number or "").strip().upper()
    if not number:
        return None
    brains = api.portal.get_tool("portal_catalog")(
        portal_type="Consultation", case_number=number
    )
    return brains[0].getObject() if brains else None
