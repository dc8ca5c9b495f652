"""Electronic supervision (电子监察): warning cards and supervision orders.

The centre watches whether every department keeps its deadlines. Two kinds of
supervision record are kept, both for good, also after the case has ended:

Cards (黄牌/红牌)
    :func:`evaluate` applies the warning rules of :data:`RULES` to every open
    case of every registered case source (applications, and consultations and
    complaints once their types exist): a yellow card when one working day or
    less (the warning days of the applications control panel) remains before
    the due date, a red card once it has passed, and a red card for a refusal
    or rejection given without a reason. A case gets each rule's card once:
    the rule and the case's UID make a key, so running the rules again adds
    nothing. No page runs the rules; the scheduled command does
    (:mod:`zyzwfw.schedule`).

Supervision orders (督办)
    A supervisor sends a department an order about a case, with a text and a
    reply deadline (:func:`send_order`); the department's window staff reply
    from their worklist (:func:`reply_order`).

Where the records live
    A :class:`SupervisionStore` in the site's annotations holds every record
    in a BTree by its id, a second BTree by its change sequence (every new
    record and every reply takes the next sequence number, which the feed
    for the provincial system resumes from), the keys of the cards given, and
    the records of each case. Records are small persistent objects, not
    content: nobody edits them and the catalogue need not know them.

Which due date counts
    For an application, the due date of the department's current stage
    (``step_due_date``), the same date whose colour the worklist shows; an
    application awaiting the applicant's supplement has no running clock. For
    consultations and complaints, their ``due_date``.

Practice applications (``practice`` true) never get cards or orders.
"""

from AccessControl import Unauthorized
from BTrees.IOBTree import IOBTree
from BTrees.OIBTree import OIBTree
from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from dataclasses import dataclass
from persistent import Persistent
from persistent.list import PersistentList
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate
from zyzwfw import _
from zyzwfw import application_settings
from zyzwfw import applications
from zyzwfw import deadlines
from zyzwfw import logger

import datetime
import re


#: Key of the supervision store in the site's annotations.
ANNOTATION_KEY = "zyzwfw.supervision"

CARD = "card"
ORDER = "order"

YELLOW = "yellow"
RED = "red"

#: Rule ids; also the 监察规则编号 of the feed.
RULE_DUE_SOON = "R01"
RULE_OVERDUE = "R02"
RULE_NO_REASON = "R03"

#: The 监察规则编号 of supervision orders in the feed.
ORDER_RULE = "D01"

#: The 监察预警类型代码 of the feed: yellow card, red card, supervision order.
WARNING_CODES = {YELLOW: "01", RED: "02", ORDER: "03"}

#: States of an order.
OPEN = "open"
REPLIED = "replied"

#: Letters or digits a refusal's reason needs at least; see :func:`gives_reason`.
REASON_MIN_CHARACTERS = 2

_WORD_CHARACTERS = re.compile(r"[^\W_]")

#: Longest order or reply text, in characters.
TEXT_MAX_LENGTH = 2000


@dataclass(frozen=True)
class Rule:
    """A warning rule.

    :param id: The rule's id, such as ``R01``.
    :param color: ``yellow`` or ``red``.
    :param title: What the rule watches, a message.
    """

    id: str
    color: str
    title: object


RULES = {
    RULE_DUE_SOON: Rule(
        RULE_DUE_SOON,
        YELLOW,
        _("rule_due_soon", default="Due within one working day"),
    ),
    RULE_OVERDUE: Rule(RULE_OVERDUE, RED, _("rule_overdue", default="Overdue")),
    RULE_NO_REASON: Rule(
        RULE_NO_REASON,
        RED,
        _("rule_no_reason", default="Refused or not accepted without a reason"),
    ),
}


# Sources of cases


@dataclass(frozen=True)
class CaseSource:
    """A kind of case the rules watch.

    :param case_type: The word records use for the kind: ``application``,
        ``consultation``, ``complaint``.
    :param portal_type: The content type of its cases.
    :param title: The kind's name, a message.
    :param running_states: The states in which the department's clock runs.
    :param due_attribute: The attribute (and catalogue column) of the due
        date that counts.
    :param refusal_transitions: Transitions that must give a reason.
    :param number_index: The catalogue index of the case's number, if any.
    """

    case_type: str
    portal_type: str
    title: object
    running_states: tuple
    due_attribute: str = "due_date"
    refusal_transitions: tuple = ()
    number_index: str = ""


#: The registered sources, by ``case_type``; :func:`register_source` adds more.
SOURCES = {}


def register_source(source):
    """Let the rules and the desk watch a further kind of case.

    A source whose content type the site does not have is skipped, so a
    source may be registered before its type is installed.

    :param source: The source; it replaces one of the same ``case_type``.
    :type source: CaseSource
    :returns: ``None``.
    """
    SOURCES[source.case_type] = source


register_source(
    CaseSource(
        case_type="application",
        portal_type="Application",
        title=_("case_type_application", default="Application"),
        running_states=applications.STAFF_STATES,
        due_attribute="step_due_date",
        refusal_transitions=("refuse", "reject"),
        number_index="application_number",
    )
)
register_source(
    CaseSource(
        case_type="consultation",
        portal_type="Consultation",
        title=_("case_type_consultation", default="Consultation"),
        running_states=("asked",),
    )
)
register_source(
    CaseSource(
        case_type="complaint",
        portal_type="Complaint",
        title=_("case_type_complaint", default="Complaint"),
        running_states=("received", "handling"),
    )
)


def active_sources():
    """Return the sources whose content type the site has.

    :returns: The sources, applications first.
    :rtype: list
    """
    types = api.portal.get_tool("portal_types")
    return [source for source in SOURCES.values() if source.portal_type in types]


def source_of(case):
    """Return the source a case belongs to, ``None`` for no known kind.

    :param case: A content object.
    :rtype: CaseSource
    """
    portal_type = getattr(case, "portal_type", None)
    for source in SOURCES.values():
        if source.portal_type == portal_type:
            return source
    return None


# The store


class Record(Persistent):
    """A card or a supervision order.

    Every record has ``id`` (int), ``kind`` (``card`` or ``order``),
    ``sequence`` (int, its last change), ``case_uid``, ``case_type``,
    ``number``, ``department_uid``, ``department_title``, ``item_type``,
    ``created`` and ``changed`` (aware datetimes, stored in UTC). A card
    also has ``rule``, ``color``, ``due_date`` and ``description``; an order
    ``text``, ``reply_due`` (a date), ``sender``, ``reply``, ``replied``,
    ``replier`` and ``status``.
    """

    rule = ""
    color = ""
    due_date = None
    description = ""
    text = ""
    reply_due = None
    sender = ""
    reply = ""
    replied = None
    replier = ""

    def __init__(self, **fields):
        for name, value in fields.items():
            setattr(self, name, value)

    @property
    def status(self):
        """``open`` or ``replied`` for an order, ``""`` for a card."""
        if self.kind != ORDER:
            return ""
        return REPLIED if self.replied is not None else OPEN


class SupervisionStore(Persistent):
    """The site's supervision records and their indexes."""

    def __init__(self):
        self.records = IOBTree()
        self.changes = IOBTree()
        self.card_keys = OIBTree()
        self.by_case = OOBTree()
        # Refused applications whose reason was read once: they never change.
        self.checked = OOTreeSet()
        self.reports = OOBTree()


def _store(create=False):
    """Return the site's store; ``None`` if missing and not ``create``."""
    annotations = IAnnotations(api.portal.get())
    store = annotations.get(ANNOTATION_KEY)
    if store is None and create:
        store = annotations[ANNOTATION_KEY] = SupervisionStore()
    return store


def store(create=False):
    """Return the site's supervision store.

    :param create: Whether to make a missing store; reading never writes.
    :type create: bool
    :returns: The store, or ``None`` when there is none yet and not
        ``create``.
    :rtype: SupervisionStore
    """
    return _store(create)


def _next_key(tree):
    # Two transactions taking the same key conflict on the BTree's bucket, so
    # one is retried and the keys never repeat. (``len`` of a BTree counts
    # every bucket, so emptiness is asked through ``maxKey``.)
    try:
        return tree.maxKey() + 1
    except ValueError:
        return 1


def _add(store, record):
    record.id = _next_key(store.records)
    record.sequence = _next_key(store.changes)
    store.records[record.id] = record
    store.changes[record.sequence] = record.id
    ids = store.by_case.get(record.case_uid)
    if ids is None:
        ids = store.by_case[record.case_uid] = PersistentList()
    ids.append(record.id)
    return record


def _touch(store, record, now):
    # The new number is taken before the old one goes, so the greatest
    # number never falls back and a reader never sees a number twice.
    sequence = _next_key(store.changes)
    del store.changes[record.sequence]
    record.sequence = sequence
    record.changed = now
    store.changes[sequence] = record.id


# Time


def _utc(moment):
    return moment.astimezone(datetime.UTC)


def _day_start(day):
    zone = applications.hall_now().tzinfo
    return datetime.datetime.combine(day, datetime.time(), tzinfo=zone)


def _bounds(start, end):
    """Return ``start`` and ``end`` as aware datetimes, ``end`` exclusive."""
    if isinstance(start, datetime.date) and not isinstance(start, datetime.datetime):
        start = _day_start(start)
    if isinstance(end, datetime.date) and not isinstance(end, datetime.datetime):
        end = _day_start(end + datetime.timedelta(days=1))
    return start, end


def as_day(value):
    """Return a due date as a day of the hall.

    :param value: A date, an aware datetime or ``None``.
    :returns: The day, in the hall's time zone for a datetime; ``None`` for
        anything else.
    :rtype: datetime.date
    """
    if value is None or not isinstance(value, datetime.date):
        return None
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = applications.local_time(value)
        return value.date()
    return value


def _translate(message):
    language = api.portal.get_registry_record("plone.default_language", default="")
    code, _sep, region = (language or "zh-cn").partition("-")
    target = f"{code}_{region.upper()}" if region else code
    return translate(message, target_language=target)


# Facts of a case


def _department_title(uid):
    if not uid:
        return ""
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(UID=uid)
    return brains[0].Title if brains else ""


def _item_type(item_uid):
    if not item_uid:
        return ""
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        UID=item_uid
    )
    if not brains:
        return ""
    value = getattr(brains[0], "item_type", None)
    return value if isinstance(value, str) else ""


def case_facts(case):
    """Return what supervision records keep of a case.

    Only what identifies the case and its department: never the applicant.

    :param case: An application, consultation or complaint.
    :returns: ``case_uid``, ``case_type``, ``number``, ``department_uid``,
        ``department_title`` (the centre's name for a case not yet routed to
        a department) and ``item_type`` (the item's type code, ``""``
        without an item).
    :rtype: dict
    """
    source = source_of(case)
    department_uid = getattr(case, "department_uid", None) or ""
    title = getattr(case, "department_title", "") or _department_title(department_uid)
    if not department_uid:
        # A question or complaint not yet routed is the centre's to answer.
        title = _centre_name()
    return {
        "case_uid": case.UID(),
        "case_type": source.case_type if source else case.portal_type.lower(),
        "number": getattr(case, "number", None) or "",
        "department_uid": department_uid,
        "department_title": title,
        "item_type": _item_type(getattr(case, "item_uid", None)),
    }


def is_practice(case):
    """Return whether a case is a practice application, which nobody supervises.

    :param case: A case.
    :rtype: bool
    """
    return bool(getattr(case, "practice", False))


# The warning rules


def _card_key(case_uid, rule):
    return f"{case_uid}:{rule}"


def has_card(case_uid, rule):
    """Return whether a case got a rule's card.

    :param case_uid: The case's UID.
    :param rule: A rule id.
    :rtype: bool
    """
    found = _store()
    return found is not None and _card_key(case_uid, rule) in found.card_keys


def _give_card(store, case, rule_id, now, due=None, description=""):
    key = _card_key(case.UID(), rule_id)
    if key in store.card_keys:
        return None
    rule = RULES[rule_id]
    record = Record(
        kind=CARD,
        rule=rule_id,
        color=rule.color,
        due_date=due,
        description=description,
        created=_utc(now),
        changed=_utc(now),
        **case_facts(case),
    )
    _add(store, record)
    store.card_keys[key] = record.id
    logger.debug(
        "%s card %s for %s %s of department %s",
        rule.color.capitalize(),
        rule_id,
        record.case_type,
        record.number or record.case_uid,
        record.department_title or record.department_uid,
    )
    return record


def _due_description(rule_id, due, days):
    if rule_id == RULE_OVERDUE:
        message = _(
            "card_overdue_description",
            default="Due on ${due}, overdue by ${days} working day(s).",
            mapping={"due": due.isoformat(), "days": -days},
        )
    elif days == 0:
        message = _(
            "card_due_today_description",
            default="Due today, ${due}.",
            mapping={"due": due.isoformat()},
        )
    else:
        message = _(
            "card_due_soon_description",
            default="Due on ${due}, ${days} working day(s) left.",
            mapping={"due": due.isoformat(), "days": days},
        )
    return _translate(message)


def _due_cards(store, source, now, calendar, warning_days):
    catalog = api.portal.get_tool("portal_catalog")
    today = now.date()
    given = []
    brains = catalog.unrestrictedSearchResults(
        portal_type=source.portal_type, review_state=list(source.running_states)
    )
    for brain in brains:
        if _card_key(brain.UID, RULE_OVERDUE) in store.card_keys:
            continue
        due = as_day(getattr(brain, source.due_attribute, None))
        case = None
        if due is None:
            # Not a catalogue column of this type: read it from the case.
            case = brain._unrestrictedGetObject()
            due = as_day(getattr(case, source.due_attribute, None))
        level = deadlines.warning_level(calendar, today, due, warning_days)
        if level == deadlines.NONE:
            continue
        rule_id = RULE_OVERDUE if level == deadlines.RED else RULE_DUE_SOON
        if _card_key(brain.UID, rule_id) in store.card_keys:
            continue
        case = case or brain._unrestrictedGetObject()
        if is_practice(case):
            continue
        days = deadlines.days_left(calendar, today, due)
        description = _due_description(rule_id, due, days)
        given.append(_give_card(store, case, rule_id, now, due, description))
    return given


def refusal_reason(case, transitions):
    """Return the reason given with a case's last refusal or rejection.

    :param case: A case.
    :param transitions: The transitions that refuse or reject.
    :returns: The reason, ``""`` if none was given, or ``None`` when the case
        was never refused.
    :rtype: str or None
    """
    history = getattr(case, "workflow_history", None) or {}
    for entries in history.values():
        for entry in reversed(entries):
            if entry.get("action") in transitions:
                return (entry.get("comments") or "").strip()
    return None


def gives_reason(text):
    """Return whether a refusal's comment says anything.

    A comment of fewer than :data:`REASON_MIN_CHARACTERS` letters or digits
    (``无``, ``。``, a blank) tells the applicant nothing.

    :param text: The comment.
    :type text: str
    :rtype: bool
    """
    return len(_WORD_CHARACTERS.findall(text or "")) >= REASON_MIN_CHARACTERS


def _refusal_cards(store, source, now):
    if not source.refusal_transitions:
        return []
    workflow = api.portal.get_tool("portal_workflow")
    end_states = set()
    for workflow_id in workflow.getChainForPortalType(source.portal_type):
        definition = workflow.getWorkflowById(workflow_id)
        for transition_id in source.refusal_transitions:
            transition = definition.transitions.get(transition_id)
            if transition is not None:
                end_states.add(transition.new_state_id)
    if not end_states:
        return []

    given = []
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type=source.portal_type, review_state=sorted(end_states)
    ):
        if brain.UID in store.checked:
            continue
        case = brain._unrestrictedGetObject()
        store.checked.add(brain.UID)
        if is_practice(case):
            continue
        reason = refusal_reason(case, source.refusal_transitions)
        if reason is not None and not gives_reason(reason):
            description = _translate(
                _(
                    "card_no_reason_description",
                    default="Refused or not accepted without telling the "
                    "applicant why.",
                )
            )
            card = _give_card(store, case, RULE_NO_REASON, now, None, description)
            given.append(card)
    return given


def evaluate(now=None):
    """Apply the warning rules to every case and record the new cards.

    Runs as the scheduled command's user and reads every case, whoever may
    see it. Running it again at the same moment records nothing new.

    :param now: The moment to judge by, an aware datetime; the hall's current
        time if ``None``.
    :type now: datetime.datetime
    :returns: The new cards.
    :rtype: list of Record
    """
    now = applications.local_time(now) if now else applications.hall_now()
    calendar = applications.calendar()
    warning_days = application_settings.get("warning_days")
    found = _store(create=True)
    given = []
    for source in active_sources():
        given.extend(_due_cards(found, source, now, calendar, warning_days))
        given.extend(_refusal_cards(found, source, now))
    if given:
        logger.info("The warning rules gave %d new card(s)", len(given))
    return given


# Reading records


def _records(kind, start=None, end=None, department_uid=None):
    found = _store()
    if found is None:
        return []
    start, end = _bounds(start, end)
    results = []
    for record in found.records.values():
        if record.kind != kind:
            continue
        if department_uid and record.department_uid != department_uid:
            continue
        if start is not None and record.created < start:
            continue
        if end is not None and record.created >= end:
            continue
        results.append(record)
    return results


def cards(start=None, end=None, department_uid=None):
    """Return the cards given, oldest first.

    :param start: Only cards given from then on: a day of the hall (from its
        start) or an aware datetime.
    :type start: datetime.date
    :param end: Only cards given before then: a day (up to its end, the day
        included) or an aware datetime (excluded).
    :type end: datetime.date
    :param department_uid: Only the cards of this department.
    :type department_uid: str
    :returns: The records, each with ``department_uid``, ``rule``, ``color``,
        ``case_uid``, ``case_type``, ``number`` and ``created``.
    :rtype: list of Record
    """
    # TODO: the records are read in full and filtered here; a city's cards
    # number in the tens of thousands a year, which this reads in well under
    # a second, but an index by time would be needed for many more.
    return _records(CARD, start, end, department_uid)


def orders(start=None, end=None, department_uid=None, status=None):
    """Return the supervision orders, oldest first.

    :param start: As for :func:`cards`, by the time the order was sent.
    :param end: As for :func:`cards`.
    :param department_uid: Only the orders sent to this department.
    :type department_uid: str
    :param status: Only ``open`` or only ``replied`` orders.
    :type status: str
    :returns: The records, each with ``department_uid``, ``case_uid``,
        ``case_type``, ``number``, ``created``, ``text``, ``reply_due``,
        ``sender``, ``reply``, ``replied``, ``replier`` and ``status``.
    :rtype: list of Record
    """
    found = _records(ORDER, start, end, department_uid)
    if status:
        found = [record for record in found if record.status == status]
    return found


def get_record(record_id):
    """Return a record by its id, ``None`` if there is none.

    :param record_id: The id.
    :type record_id: int
    :rtype: Record
    """
    found = _store()
    if found is None:
        return None
    return found.records.get(record_id)


def records_of(case_uid):
    """Return the cards and orders of a case, oldest first.

    :param case_uid: The case's UID.
    :rtype: list of Record
    """
    found = _store()
    if found is None:
        return []
    return [found.records[record_id] for record_id in found.by_case.get(case_uid, ())]


def changes_since(sequence=0, limit=100):
    """Return the records changed after a change sequence number, in order.

    Every new card and order and every reply takes the next sequence number,
    so a reader that remembers the last number it saw misses nothing.

    :param sequence: The last sequence number seen; 0 for all.
    :type sequence: int
    :param limit: At most this many records.
    :type limit: int
    :returns: ``(records, more)``: the records, each once in its latest
        state, and whether more follow.
    :rtype: tuple
    """
    found = _store()
    if found is None:
        return [], False
    records = []
    for record_id in found.changes.values(min=sequence, excludemin=True):
        if len(records) == limit:
            return records, True
        records.append(found.records[record_id])
    return records, False


# Supervision orders


class OrderInvalid(ValueError):
    """An order or a reply is wrong; nothing was recorded.

    :ivar message: What is wrong, a message to translate.
    :ivar field: The input that is wrong: ``text``, ``reply_due`` or
        ``case``.
    """

    def __init__(self, message, field="text"):
        super().__init__(str(message))
        self.message = message
        self.field = field


def _checked_text(text):
    text = (text or "").strip()
    if not text:
        raise OrderInvalid(_("error_order_text_missing", default="Write the text."))
    if len(text) > TEXT_MAX_LENGTH:
        raise OrderInvalid(
            _(
                "error_order_text_too_long",
                default="Write at most ${max} characters.",
                mapping={"max": TEXT_MAX_LENGTH},
            )
        )
    return text


def send_order(case, text, reply_due, now=None):
    """Send the case's department a supervision order (督办).

    The caller checks that the current user may supervise. The department's
    window staff find the order in their worklist and in their message list.

    :param case: An application, consultation or complaint.
    :param text: What the department must do or explain.
    :type text: str
    :param reply_due: The day the department must reply by.
    :type reply_due: datetime.date
    :param now: The moment of sending; now if ``None``.
    :returns: The order.
    :rtype: Record
    :raises OrderInvalid: If the text is missing or too long, the reply
        deadline missing or past, the case a practice one or without a
        department.
    """
    now = applications.local_time(now) if now else applications.hall_now()
    text = _checked_text(text)
    if not isinstance(reply_due, datetime.date) or reply_due < now.date():
        raise OrderInvalid(
            _(
                "error_order_reply_due",
                default="Give a reply deadline from today on.",
            ),
            "reply_due",
        )
    facts = case_facts(case)
    if is_practice(case) or not facts["department_uid"]:
        raise OrderInvalid(
            _(
                "error_order_no_department",
                default="This case has no department to supervise.",
            ),
            "case",
        )

    record = Record(
        kind=ORDER,
        text=text,
        reply_due=reply_due,
        sender=api.user.get_current().getId(),
        created=_utc(now),
        changed=_utc(now),
        **facts,
    )
    _add(_store(create=True), record)
    logger.info(
        "Supervision order %d about %s sent to %s",
        record.id,
        record.number or record.case_uid,
        record.department_title,
    )
    _tell_staff(record, case)
    return record


def _tell_staff(record, case):
    from zyzwfw import notifications

    department = api.content.get(UID=record.department_uid)
    if department is None:
        return
    subject = _(
        "order_notice_subject",
        default="Supervision order about ${number}",
        mapping={"number": record.number},
    )
    body = _(
        "order_notice_body",
        default="${text}\nReply by ${due} from your worklist.",
        mapping={"text": record.text, "due": record.reply_due.isoformat()},
    )
    link = f"{api.portal.get().absolute_url()}/worklist#supervision-orders"
    group = applications.staff_group_of(department)
    for user in api.user.get_users(groupname=group) if group else ():
        notifications.notify(
            notifications.member_recipient(user),
            subject,
            body,
            link=link,
            kind="supervision",
        )


def may_reply(record, user_id=None):
    """Return whether a user may reply to an order: staff of its department.

    :param record: The order.
    :param user_id: The user; the current user if ``None``.
    :rtype: bool
    """
    uids = {department.UID() for department in applications.staff_departments(user_id)}
    return record.kind == ORDER and record.department_uid in uids


def orders_for_staff(user_id=None, status=OPEN):
    """Return the orders sent to the departments of a member of staff.

    :param user_id: The user; the current user if ``None``.
    :param status: ``open`` (the default), ``replied`` or ``None`` for all.
    :returns: The orders, the earliest reply deadline first.
    :rtype: list of Record
    """
    uids = [department.UID() for department in applications.staff_departments(user_id)]
    found = [
        record for uid in uids for record in orders(department_uid=uid, status=status)
    ]
    return sorted(found, key=lambda record: (record.reply_due, record.id))


def reply_order(record_id, text, now=None):
    """Record a department's reply to a supervision order.

    :param record_id: The order's id.
    :type record_id: int
    :param text: The reply.
    :type text: str
    :param now: The moment of the reply; now if ``None``.
    :returns: The order.
    :rtype: Record
    :raises Unauthorized: If the current user is not window staff of the
        order's department, or there is no such order.
    :raises OrderInvalid: If the text is missing or too long, or the order
        was answered already.
    """
    now = applications.local_time(now) if now else applications.hall_now()
    record = get_record(record_id)
    if record is None or not may_reply(record):
        raise Unauthorized("Only the department's staff reply to its orders.")
    text = _checked_text(text)
    if record.status == REPLIED:
        raise OrderInvalid(
            _("error_order_replied", default="This order has been replied to.")
        )
    record.reply = text
    record.replied = _utc(now)
    record.replier = api.user.get_current().getId()
    _touch(_store(), record, _utc(now))
    logger.info("Supervision order %d replied to by %s", record.id, record.replier)
    return record


# Finding a case and its timeline


def find_case(number_or_uid):
    """Return the case with a number or UID, whoever may see it.

    The caller checks that the current user may supervise.

    :param number_or_uid: A case number (``ZY2026000123``) or a UID.
    :type number_or_uid: str
    :returns: The case, or ``None``.
    """
    value = (number_or_uid or "").strip()
    if not value:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    sources = active_sources()
    types = [source.portal_type for source in sources]
    brains = catalog.unrestrictedSearchResults(UID=value, portal_type=types)
    if not brains:
        for source in sources:
            if source.number_index:
                brains = catalog.unrestrictedSearchResults(
                    portal_type=source.portal_type,
                    **{source.number_index: value.upper()},
                )
                if brains:
                    break
    if not brains:
        # A case without a number index: through its records, if it has any.
        found = _store()
        for record in found.records.values() if found is not None else ():
            if record.number == value.upper():
                brains = catalog.unrestrictedSearchResults(UID=record.case_uid)
                break
    if not brains:
        return None
    case = brains[0]._unrestrictedGetObject()
    return None if is_practice(case) else case


def _transition_title(workflow_id, action):
    definition = api.portal.get_tool("portal_workflow").getWorkflowById(workflow_id)
    transition = definition.transitions.get(action) if definition else None
    if transition is None:
        return action
    return _(transition.title or action)


def _state_title(workflow_id, state):
    definition = api.portal.get_tool("portal_workflow").getWorkflowById(workflow_id)
    found = definition.states.get(state) if definition and state else None
    return _(found.title or state) if found is not None else state or ""


def case_timeline(case):
    """Return a case's complete history: transitions, cards and orders.

    :param case: A case.
    :returns: Dicts oldest first, each with ``kind`` (``transition``,
        ``card``, ``order`` or ``reply``), ``time`` (an aware datetime in the
        hall's time zone), ``title`` (a message or text), ``actor`` (a user
        id or ``""``), ``text`` and, for transitions, ``state_title``; for
        cards ``color`` and ``rule``.
    :rtype: list
    """
    steps = []
    history = getattr(case, "workflow_history", None) or {}
    for workflow_id, entries in history.items():
        for entry in entries:
            action = entry.get("action")
            steps.append(
                {
                    "kind": "transition",
                    "time": applications.local_time(entry["time"].asdatetime()),
                    "title": _transition_title(workflow_id, action)
                    if action
                    else _("timeline_created_case", default="Created"),
                    "state_title": _state_title(workflow_id, entry.get("review_state")),
                    "actor": entry.get("actor") or "",
                    "text": entry.get("comments") or "",
                }
            )
    for record in records_of(case.UID()):
        if record.kind == CARD:
            steps.append(
                {
                    "kind": "card",
                    "time": applications.local_time(record.created),
                    "title": RULES[record.rule].title,
                    "color": record.color,
                    "rule": record.rule,
                    "actor": "",
                    "text": record.description,
                }
            )
            continue
        steps.append(
            {
                "kind": "order",
                "time": applications.local_time(record.created),
                "title": _("timeline_order", default="Supervision order"),
                "actor": record.sender,
                "text": record.text,
                "reply_due": record.reply_due,
            }
        )
        if record.replied is not None:
            steps.append(
                {
                    "kind": "reply",
                    "time": applications.local_time(record.replied),
                    "title": _("timeline_order_reply", default="Reply to the order"),
                    "actor": record.replier,
                    "text": record.reply,
                }
            )
    return sorted(steps, key=lambda step: step["time"])


# Counting for the desk


def counts_by_department(start=None, end=None):
    """Return how many cards each department got, by rule.

    :param start: As for :func:`cards`.
    :param end: As for :func:`cards`.
    :returns: Dicts sorted by department title, each with
        ``department_uid``, ``department_title``, ``rules`` (a dict of rule id
        to count), ``yellow``, ``red`` and ``total``.
    :rtype: list
    """
    rows = {}
    for record in cards(start, end):
        row = rows.get(record.department_uid)
        if row is None:
            row = rows[record.department_uid] = {
                "department_uid": record.department_uid,
                "department_title": record.department_title,
                "rules": dict.fromkeys(RULES, 0),
                YELLOW: 0,
                RED: 0,
                "total": 0,
            }
        row["rules"][record.rule] += 1
        row[record.color] += 1
        row["total"] += 1
    return sorted(rows.values(), key=lambda row: row["department_title"])


# The feed for the provincial supervision system


def _centre_name():
    return api.portal.get_registry_record("zyzwfw.hall.centre_name", default="") or ""


def feed_entry(record):
    """Return a record as the provincial electronic supervision system reads it.

    The keys are the element names of the 电子监察 data set of GB/T 39046;
    ``序号`` is the record's change sequence number, to resume from. Nothing
    of the applicant is included.

    :param record: A card or an order.
    :type record: Record
    :returns: ``序号``, ``监察编号`` (``JC`` and the record id), ``办件编号``,
        ``机构名称`` (the supervising centre), ``责任部门``, ``事项类型代码``,
        ``监察规则编号`` (``R01``–``R03`` for cards, ``D01`` for orders),
        ``监察预警类型代码`` (``01`` yellow card, ``02`` red card, ``03``
        order), ``督办内容`` and ``督办发出时间`` (orders only, else
        ``""``), ``状态产生时间`` (the last change, ISO 8601) and
        ``监察结果描述`` (a card's finding; an order's reply, or that it
        awaits one).
    :rtype: dict
    """
    changed = applications.local_time(record.changed).isoformat()
    if record.kind == CARD:
        rule = record.rule
        warning = WARNING_CODES[record.color]
        text = sent = ""
        result = record.description
    else:
        rule = ORDER_RULE
        warning = WARNING_CODES[ORDER]
        text = record.text
        sent = applications.local_time(record.created).isoformat()
        result = record.reply or _translate(
            _("order_awaiting_reply", default="Awaiting the department's reply.")
        )
    return {
        "序号": record.sequence,
        "监察编号": f"JC{record.id:010d}",
        "办件编号": record.number,
        "机构名称": _centre_name(),
        "责任部门": record.department_title,
        "事项类型代码": record.item_type,
        "监察规则编号": rule,
        "监察预警类型代码": warning,
        "督办内容": text,
        "督办发出时间": sent,
        "状态产生时间": changed,
        "监察结果描述": result,
    }


def sequence_after(moment):
    """Return the last change sequence number of the records changed up to a time.

    Lets a reader that kept a time instead of a sequence number resume.

    :param moment: An aware datetime.
    :type moment: datetime.datetime
    :returns: The greatest sequence number of a record changed at or before
        ``moment``; 0 if none.
    :rtype: int
    """
    found = _store()
    if found is None:
        return 0
    last = 0
    for sequence, record_id in found.changes.items():
        if found.records[record_id].changed > moment:
            break
        last = sequence
    return last
