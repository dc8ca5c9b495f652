"""Service ratings (好差评) and the rectification of bad ones (整改).

This module holds the rules of ratings; the application page, the guide
page, the staff's and the centre's desks and the ``@evaluate`` REST service
all call it. What may happen in which state of a rectification case, and
who may do it, lives in the workflow ``zyzwfw_evaluation_workflow``.

Rating an application
    Once an application has ended (approved, refused or not accepted) its
    applicant, and only they, may rate it once with :func:`evaluate`, on the
    five national levels (1 非常满意 … 5 非常不满意) with an optional
    comment. The application keeps the UID of its rating, so that a second
    rating made at the same moment conflicts with the first and is refused.

Rating a guide
    Anyone, anonymous visitors included, may rate how clear an item's guide
    is with :func:`rate_guide`. A hidden field that people leave empty
    (a honeypot) and a limit of ratings per client within a time window keep
    bots out.

Rectification
    A rating of 4 (不满意) or 5 (非常不满意) of an application opens a
    rectification case for the department (state ``rectifying``), due in
    the working days of the control panel (15 by default). The department's
    staff reply with what they changed (``reply``), or appeal once a rating
    they believe mistaken or malicious (``appeal``). The centre records its
    follow-up call (回访) and closes the case (``close``), and decides
    appeals: upheld (``uphold_appeal``) excludes the rating from the
    statistics, rejected (``reject_appeal``) sends the case back to the
    department with a new due date.

Where ratings live
    ``<site>/evaluations/<year>/<id>``: folders of the type EvaluationFolder,
    readable only by the centre and the supervisor. A rating's own local
    roles say who else sees it: its rater is its Owner and the staff group of
    its department holds WindowStaff on it.
"""

from AccessControl import Unauthorized
from dataclasses import dataclass
from plone import api
from plone.dexterity.utils import addContentToContainer
from plone.dexterity.utils import createContent
from plone.dexterity.utils import createContentInContainer
from Products.CMFCore.WorkflowCore import WorkflowException
from zyzwfw import _
from zyzwfw import applications
from zyzwfw import deadlines
from zyzwfw import logger
from zyzwfw import numbering
from zyzwfw import quality_settings
from zyzwfw import transitions
from zyzwfw.content.evaluation import APPLICATION
from zyzwfw.content.evaluation import COMMENT_MAX_LENGTH
from zyzwfw.content.evaluation import GUIDE
from zyzwfw.ratelimit import FailureCounter
from zyzwfw.vocabularies.evaluations import LEVELS

import datetime


WORKFLOW_ID = "zyzwfw_evaluation_workflow"

#: Id of the folder of ratings in the site.
ROOT_ID = "evaluations"

#: Prefix of the numbers of ratings, as PJ2026000001.
NUMBER_PREFIX = "PJ"

RECORDED = "recorded"
RECTIFYING = "rectifying"
APPEALED = "appealed"
REPLIED = "replied"
CLOSED = "closed"
EXCLUDED = "excluded"

#: States of an open rectification case.
OPEN_STATES = (RECTIFYING, APPEALED, REPLIED)
#: States of every rectification case, open or not.
CASE_STATES = (RECTIFYING, APPEALED, REPLIED, CLOSED, EXCLUDED)

#: The states of applications that may be rated.
RATEABLE_STATES = (applications.APPROVED, applications.REFUSED, applications.REJECTED)

#: Levels from which a rating of an application opens a rectification case.
BAD_LEVELS = (4, 5)

#: Levels that count as satisfied in the satisfaction rate.
SATISFIED_LEVELS = (1, 2, 3)

#: Transitions whose comment is the content of the step: needed.
COMMENT_REQUIRED = frozenset(
    {"reply", "appeal", "close", "uphold_appeal", "reject_appeal"}
)

#: Guide ratings one client may give within :data:`GUIDE_WINDOW` seconds.
GUIDE_RATINGS_PER_CLIENT = 5
GUIDE_WINDOW = 600

#: The name of the hidden field people leave empty on the guide's form.
HONEYPOT_FIELD = "website"

_guide_ratings = FailureCounter()


# Errors


@dataclass(frozen=True)
class FieldError:
    """What is wrong with one field of a rating.

    :param field: ``level`` or ``comment``.
    :param message: What is wrong, a message to translate.
    """

    field: str
    message: object


class EvaluationInvalid(ValueError):
    """A rating has wrong fields; nothing was stored.

    :ivar errors: The :class:`FieldError` of each wrong field.
    """

    def __init__(self, errors):
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = list(errors)


class EvaluationRefused(Exception):
    """A rating may not be given now; nothing was stored.

    :ivar message: Why, a message to translate.
    """

    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


class TooManyRatings(EvaluationRefused):
    """A client rated too many guides lately and must wait.

    :ivar wait: Seconds until the client may rate again.
    """

    def __init__(self, wait):
        self.wait = wait
        minutes = max((wait + 59) // 60, 1)
        super().__init__(
            _(
                "error_evaluation_too_many",
                default="Too many ratings from your connection. Please try "
                "again in ${minutes} minutes.",
                mapping={"minutes": minutes},
            )
        )


class CaseRefused(WorkflowException):
    """A step of a rectification case broke a rule; nothing changed.

    Being a ``WorkflowException``, it makes plone.restapi's ``@workflow``
    answer 400 with its text, which is why its text is already translated.

    :ivar message: Why, a message to translate.
    """

    def __init__(self, message):
        self.message = message
        super().__init__(applications._translate(message))


# Levels


def level_title(level):
    """Return the name of a level, such as 非常满意 for 1.

    :param level: A level, 1 to 5.
    :type level: int
    :returns: A message, or ``""`` for no level.
    """
    return dict(LEVELS).get(level, "")


def levels():
    """Return the levels to offer in a form, best first.

    :returns: Dicts with ``value`` (int) and ``title`` (a message).
    :rtype: list
    """
    return [{"value": value, "title": title} for value, title in LEVELS]


def parse_level(value):
    """Return a level given as a number or as the text of a number.

    :param value: What the form or the REST body gave.
    :returns: The level, 1 to 5, or ``None`` if ``value`` is no level.
    :rtype: int or None
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and value in dict(LEVELS):
        return value
    return None


def rating_errors(level, comment):
    """Check a level and a comment without storing anything.

    :param level: The level as given (an int, or the text of one).
    :param comment: The comment, or ``None``.
    :returns: A :class:`FieldError` per wrong field.
    :rtype: list
    """
    errors = []
    if level is None or level == "":
        errors.append(
            FieldError(
                "level",
                _("error_evaluation_level_required", default="Choose a rating."),
            )
        )
    elif parse_level(level) is None:
        errors.append(
            FieldError(
                "level",
                _(
                    "error_evaluation_level",
                    default="A rating is a whole number from 1 (very satisfied) "
                    "to 5 (very dissatisfied).",
                ),
            )
        )
    if comment is not None and not isinstance(comment, str):
        errors.append(
            FieldError(
                "comment",
                _(
                    "error_evaluation_comment_text",
                    default="Enter the comment as text.",
                ),
            )
        )
    elif comment and len(comment.strip()) > COMMENT_MAX_LENGTH:
        errors.append(
            FieldError(
                "comment",
                _(
                    "error_evaluation_comment_long",
                    default="A comment may be at most ${maximum} characters long.",
                    mapping={"maximum": COMMENT_MAX_LENGTH},
                ),
            )
        )
    return errors


# The folders


def ensure_evaluations_folder(portal):
    """Create the site's folder of ratings if missing, and lock it.

    Only the centre (Manager, Site Administrator, Reviewer) and the
    supervisor may see the folder itself, and local roles granted on the
    site do not reach into it.

    :param portal: The Plone site.
    :returns: The folder.
    """
    root = portal.get(ROOT_ID)
    if root is None:
        with api.env.adopt_roles(["Manager"]):
            root = createContentInContainer(
                portal,
                "EvaluationFolder",
                checkConstraints=False,
                id=ROOT_ID,
                title="评价库",
            )
        _drop_local_roles(root)
        logger.info("Created the folder of ratings")
    readers = [
        "Manager",
        "Reviewer",
        "Site Administrator",
        applications.SUPERVISOR_ROLE,
    ]
    root.__ac_local_roles_block__ = True
    for permission in ("View", "Access contents information", "List folder contents"):
        root.manage_permission(permission, readers, acquire=False)
    return root


def evaluations_folder():
    """Return the site's folder of ratings, creating it if missing.

    :returns: The folder ``<site>/evaluations``.
    """
    portal = api.portal.get()
    root = portal.get(ROOT_ID)
    if root is None:
        root = ensure_evaluations_folder(portal)
    return root


def _year_folder(year):
    root = evaluations_folder()
    folder = root.get(str(year))
    if folder is None:
        with api.env.adopt_roles(["Manager"]):
            folder = createContentInContainer(
                root,
                "EvaluationFolder",
                checkConstraints=False,
                id=str(year),
                title=f"{year}年",
            )
        _drop_local_roles(folder)
    return folder


def _drop_local_roles(obj):
    principals = [principal for principal, _roles in obj.get_local_roles()]
    if principals:
        obj.manage_delLocalRoles(principals)


# Rating an application


def evaluation_of(application):
    """Return the rating of an application, whoever may see it.

    :param application: An application.
    :returns: The rating, or ``None`` if it has none.
    """
    uid = getattr(application, "evaluation_uid", None)
    if not uid:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=uid)
    return brains[0]._unrestrictedGetObject() if brains else None


def refusal(application):
    """Return why the current user may not rate an application now.

    :param application: An application.
    :returns: ``None`` if they may; else a message saying why not.
    """
    if api.user.is_anonymous() or (
        api.user.get_current().getId() != application.applicant_id
    ):
        return _(
            "error_evaluation_not_applicant",
            default="Only the applicant may rate this application.",
        )
    if getattr(application, "evaluation_uid", None):
        return _(
            "error_evaluation_twice",
            default="You have already rated this application; each application "
            "is rated once.",
        )
    if api.content.get_state(obj=application) not in RATEABLE_STATES:
        return _(
            "error_evaluation_not_ended",
            default="You can rate the service once the application has ended.",
        )
    return None


def can_evaluate(application):
    """Return whether the current user may rate an application now.

    :param application: An application.
    :rtype: bool
    """
    return refusal(application) is None


def evaluate(application, level, comment=""):
    """Rate an ended application as its applicant.

    :param application: An approved, refused or not accepted application of
        the current user, not rated yet.
    :param level: 1 (非常满意) to 5 (非常不满意); the text of the number is
        accepted too.
    :type level: int
    :param comment: An optional comment, at most
        :data:`~zyzwfw.content.evaluation.COMMENT_MAX_LENGTH` characters.
    :type comment: str
    :returns: The rating; for a level of 4 or 5 its rectification case is
        open.
    :raises Unauthorized: If the current user is not the applicant.
    :raises EvaluationRefused: If the application has not ended or was
        rated already.
    :raises EvaluationInvalid: If the level or the comment is wrong.
    """
    if api.user.is_anonymous() or (
        api.user.get_current().getId() != application.applicant_id
    ):
        raise Unauthorized("Only the applicant may rate an application.")
    reason = refusal(application)
    if reason is not None:
        raise EvaluationRefused(reason)
    errors = rating_errors(level, comment)
    if errors:
        raise EvaluationInvalid(errors)

    evaluation = _new_evaluation(
        APPLICATION,
        parse_level(level),
        comment,
        rater_id=application.applicant_id,
        item_uid=application.item_uid,
        item_title=application.item_title,
        department_uid=application.department_uid,
        department_title=application.department_title,
        staff_group=applications.staff_group_of(_department(application)),
    )
    evaluation.application_uid = application.UID()
    evaluation.application_number = application.number or ""
    evaluation.title = f"对办件{application.number}的评价"
    evaluation = _add(evaluation)
    # Written on the application, so that a rating made at the same moment
    # conflicts with this one and, retried, is refused.
    application.evaluation_uid = evaluation.UID()
    if evaluation.level in BAD_LEVELS:
        with api.env.adopt_roles(["Manager"]):
            api.portal.get_tool("portal_workflow").doActionFor(
                evaluation, "open_rectification"
            )
    logger.info(
        "Application %s rated %d as %s",
        application.number,
        evaluation.level,
        evaluation.number,
    )
    return evaluation


def rated_application_uids(user_id):
    """Return the UIDs of the applications a user has rated.

    :param user_id: The applicant.
    :type user_id: str
    :returns: The UIDs.
    :rtype: set
    """
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Evaluation", evaluation_kind=APPLICATION, Creator=user_id
    )
    return {brain._unrestrictedGetObject().application_uid for brain in brains}


def rating_url(summary, rated):
    """Return where an applicant rates an application of their desk, if they may.

    :param summary: An application as
        :func:`zyzwfw.applications.applications_for` lists it.
    :type summary: dict
    :param rated: The UIDs of the applications the applicant rated, see
        :func:`rated_application_uids`.
    :type rated: set
    :returns: The address of the rating form, or ``None``.
    :rtype: str or None
    """
    if summary["state"] not in RATEABLE_STATES or summary["uid"] in rated:
        return None
    return f"{summary['url']}/@@evaluate"


def _department(application):
    if not application.department_uid:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=application.department_uid)
    return brains[0]._unrestrictedGetObject() if brains else None


def _new_evaluation(kind, level, comment, **values):
    staff_group = values.pop("staff_group", None)
    evaluation = createContent("Evaluation")
    evaluation.kind = kind
    evaluation.level = level
    evaluation.comment = (comment or "").strip()
    for name, value in values.items():
        setattr(evaluation, name, value)
    rater = values.get("rater_id")
    if rater:
        evaluation.setCreators((rater,))
        evaluation.manage_setLocalRoles(rater, ["Owner"])
    else:
        evaluation.setCreators(())
    if staff_group:
        evaluation.manage_setLocalRoles(staff_group, [applications.STAFF_ROLE])
    return evaluation


def _add(evaluation):
    now = applications.hall_now()
    folder = _year_folder(now.year)
    evaluation.number = numbering.next_number(
        evaluations_folder(), now.year, NUMBER_PREFIX
    )
    evaluation.id = evaluation.number.lower()
    with api.env.adopt_roles(["Manager"]):
        evaluation = addContentToContainer(folder, evaluation, checkConstraints=False)
    # The anonymous rater, or the Manager adopted above, must not own it.
    for principal, roles in evaluation.get_local_roles():
        if "Owner" in roles and principal != evaluation.rater_id:
            evaluation.manage_delLocalRoles([principal])
    evaluation.reindexObjectSecurity()
    return evaluation


# Rating a guide


def rate_guide(item, level, comment="", client="", honeypot=""):
    """Rate how clear an item's guide is, as anyone.

    :param item: A published service item.
    :param level: 1 (非常满意) to 5 (非常不满意).
    :type level: int
    :param comment: An optional comment.
    :type comment: str
    :param client: Who rates, for counting: the client's address.
    :type client: str
    :param honeypot: The value of the hidden field :data:`HONEYPOT_FIELD`,
        which a person leaves empty.
    :type honeypot: str
    :returns: The rating.
    :raises EvaluationRefused: If the hidden field was filled in.
    :raises TooManyRatings: If the client rated too often lately.
    :raises EvaluationInvalid: If the level or the comment is wrong.
    """
    if honeypot:
        logger.warning(
            "A guide rating from %s filled in the hidden field; refused as a bot.",
            client,
        )
        raise EvaluationRefused(
            _(
                "error_evaluation_bot",
                default="Your rating could not be accepted. Leave the field "
                "“website” empty and try again.",
            )
        )
    key = f"{'/'.join(api.portal.get().getPhysicalPath())}|{client}"
    wait = _guide_ratings.wait_time(key, GUIDE_RATINGS_PER_CLIENT, GUIDE_WINDOW)
    if wait:
        raise TooManyRatings(wait)
    errors = rating_errors(level, comment)
    if errors:
        raise EvaluationInvalid(errors)

    department = item.department()
    rater = "" if api.user.is_anonymous() else api.user.get_current().getId()
    evaluation = _new_evaluation(
        GUIDE,
        parse_level(level),
        comment,
        rater_id=rater,
        item_uid=item.UID(),
        item_title=item.Title(),
        department_uid=department.UID() if department is not None else None,
        department_title=department.Title() if department is not None else "",
        staff_group=applications.staff_group_of(department),
    )
    evaluation.title = f"对办事指南“{item.Title()}”的评价"
    evaluation = _add(evaluation)
    _guide_ratings.fail(key, GUIDE_WINDOW)
    return evaluation


def reset_guide_limits():
    """Forget the guide ratings counted per client (for tests and operators).

    :returns: ``None``.
    """
    _guide_ratings.reset()


def guide_summary(item):
    """Return how a guide was rated: the number of ratings and their average.

    :param item: A service item.
    :returns: ``count`` and ``average`` (``None`` without ratings), leaving
        out ratings excluded after an appeal.
    :rtype: dict
    """
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Evaluation",
        item_uid=item.UID(),
        evaluation_kind=GUIDE,
        evaluation_excluded=False,
    )
    found = [brain.evaluation_level for brain in brains if brain.evaluation_level]
    if not found:
        return {"count": 0, "average": None}
    return {"count": len(found), "average": round(sum(found) / len(found), 1)}


# Rectification


def _workflow():
    return api.portal.get_tool("portal_workflow")[WORKFLOW_ID]


def state_title(state):
    """Return the title of a state of ratings, to translate.

    :param state: A state id, such as ``rectifying``.
    :type state: str
    :returns: A message.
    """
    sdef = _workflow().states.get(state)
    return _(sdef.title) if sdef is not None else state


def available_transitions(evaluation):
    """Return what the current user may do with a rating's case now.

    :param evaluation: A rating.
    :returns: Dicts with ``id``, ``title`` (a message) and ``new_state``.
    :rtype: list
    """
    workflow = _workflow()
    return [
        {
            "id": transition_id,
            "title": _(transition.title),
            "new_state": transition.new_state_id,
        }
        for transition_id, transition in transitions.allowed(evaluation, workflow)
    ]


def do_transition(evaluation, transition, comment=""):
    """Take a step of a rectification case, as the current user.

    :param evaluation: A rating with a rectification case.
    :param transition: ``reply``, ``appeal``, ``close``, ``uphold_appeal``
        or ``reject_appeal``.
    :type transition: str
    :param comment: What the department changed, why it appeals, what the
        follow-up call found, or why the centre decides so; always needed.
    :type comment: str
    :returns: The state the rating is in now.
    :rtype: str
    :raises Unauthorized: If the step is not available to the current user.
    :raises CaseRefused: If the comment is missing or too long, or the
        department appeals a second time.
    """
    if not _workflow().isActionSupported(evaluation, transition):
        raise Unauthorized(
            f"{transition!r} is not available on {evaluation.absolute_url(1)}"
        )
    api.portal.get_tool("portal_workflow").doActionFor(
        evaluation, transition, comment=(comment or "").strip()
    )
    return api.content.get_state(obj=evaluation)


def _ours(event):
    return event.workflow.getId() == WORKFLOW_ID and event.transition is not None


def before_transition(evaluation, event):
    """Refuse a step of a rectification case that breaks its rules.

    Runs for every step, through this module or plone.restapi's
    ``@workflow``: each step but opening needs its comment, and a
    department appeals a rating once.

    :param evaluation: The rating.
    :param event: The ``IBeforeTransitionEvent``.
    :raises CaseRefused: If a rule is broken.
    """
    if not _ours(event):
        return
    transition = event.transition.getId()
    comment = (event.kwargs.get("comment") or "").strip()
    title = applications._translate(_(event.transition.title))
    if transition in COMMENT_REQUIRED and not comment:
        raise CaseRefused(
            _(
                "error_case_comment_required",
                default="${transition}: write what was done or decided; it is "
                "kept on the record.",
                mapping={"transition": title},
            )
        )
    if len(comment) > CASE_COMMENT_MAX_LENGTH:
        raise CaseRefused(
            _(
                "error_case_comment_long",
                default="The text may be at most ${maximum} characters long.",
                mapping={"maximum": CASE_COMMENT_MAX_LENGTH},
            )
        )
    if transition == "appeal" and evaluation.appealed:
        raise CaseRefused(
            _(
                "error_case_appealed_once",
                default="A rating is appealed once; the centre has already "
                "decided this appeal.",
            )
        )


#: Longest text of a step of a rectification case, in characters.
CASE_COMMENT_MAX_LENGTH = 2000


def after_transition(evaluation, event):
    """Stamp the due date and the flags of a rating after a step of its case.

    :param evaluation: The rating.
    :param event: The ``IAfterTransitionEvent``.
    """
    if not _ours(event):
        return
    transition = event.transition.getId()
    today = applications.hall_now().date()
    if transition in ("open_rectification", "reject_appeal"):
        evaluation.due_date = applications.calendar().add(
            today, quality_settings.get("rectification_days")
        )
        _tell_department(evaluation, transition)
    elif transition == "close":
        _tell_rater(evaluation, (event.kwargs.get("comment") or "").strip())
    elif transition in ("reply", "close", "uphold_appeal"):
        evaluation.due_date = None
    if transition == "appeal":
        evaluation.appealed = True
    if transition == "uphold_appeal":
        evaluation.excluded = True
        logger.info(
            "Appeal upheld: rating %s no longer counts in the statistics",
            evaluation.number,
        )
    evaluation.reindexObject()


def _tell_department(evaluation, transition):
    """Tell the department's window staff that a case awaits their reply."""
    from zyzwfw import notifications

    department = api.content.get(UID=evaluation.department_uid)
    group = applications.staff_group_of(department) if department else None
    if not group:
        return
    mapping = {
        "number": evaluation.number,
        "level": level_title(evaluation.level),
        "item": evaluation.item_title,
        "due": evaluation.due_date.isoformat(),
    }
    if transition == "reject_appeal":
        subject = _(
            "case_notice_appeal_rejected_subject",
            default="Appeal rejected: rating ${number}",
            mapping=mapping,
        )
    else:
        subject = _(
            "case_notice_opened_subject",
            default="Rectification case ${number}: rated ${level}",
            mapping=mapping,
        )
    body = _(
        "case_notice_opened_body",
        default="A rating of ${level} about ${item} awaits the department's "
        "rectification. Reply with what was changed by ${due}.",
        mapping=mapping,
    )
    link = f"{api.portal.get().absolute_url()}/@@rectifications"
    for user in api.user.get_users(groupname=group):
        notifications.notify(
            notifications.member_recipient(user),
            subject,
            body,
            link=link,
            kind="rectification",
        )


def _tell_rater(evaluation, comment):
    """Tell the rater that the case of their rating is closed, and how."""
    from zyzwfw import notifications

    if not evaluation.rater_id:
        return
    user = api.user.get(userid=evaluation.rater_id)
    if user is None:
        return
    mapping = {
        "number": evaluation.application_number or evaluation.number,
        "item": evaluation.item_title,
        "comment": comment,
    }
    subject = _(
        "case_notice_closed_subject",
        default="Your rating of ${number} was followed up",
        mapping=mapping,
    )
    body = _(
        "case_notice_closed_body",
        default="The department rectified what your rating of ${item} "
        "pointed out, and the centre closed the case: ${comment}",
        mapping=mapping,
    )
    link = None
    if evaluation.application_uid:
        # The centre closing the case may not see the application itself.
        catalog = api.portal.get_tool("portal_catalog")
        for brain in catalog.unrestrictedSearchResults(UID=evaluation.application_uid):
            link = brain.getURL()
    notifications.notify(
        notifications.member_recipient(user),
        subject,
        body,
        link=link,
        kind="rectification",
    )


def timeline(evaluation):
    """Return the steps of a rating's rectification case, oldest first.

    :param evaluation: A rating the caller may see.
    :returns: Dicts with ``action``, ``title`` (a message), ``state``,
        ``state_title``, ``time`` (aware, in the hall's time zone),
        ``comment``, ``actor`` and ``actor_name``.
    :rtype: list
    """
    history = (getattr(evaluation, "workflow_history", None) or {}).get(WORKFLOW_ID, ())
    workflow = _workflow()
    steps = []
    for entry in history:
        action = entry.get("action")
        if action is None:
            continue
        tdef = workflow.transitions.get(action)
        state = entry.get("review_state")
        steps.append(
            {
                "action": action,
                "title": _(tdef.title) if tdef is not None else action,
                "state": state,
                "state_title": state_title(state),
                "time": applications.local_time(entry["time"].asdatetime()),
                "comment": entry.get("comments") or "",
                # The hall opens the case; the rater only happened to be there.
                "actor": None if action == "open_rectification" else entry.get("actor"),
                "actor_name": ""
                if action == "open_rectification"
                else applications._full_name(entry.get("actor")),
            }
        )
    return steps


def cases(department_uids=None, states=OPEN_STATES, today=None):
    """Return the rectification cases the current user may see, most urgent first.

    :param department_uids: Only the cases of these departments; every
        department if ``None`` (the centre's view).
    :type department_uids: iterable of str
    :param states: The states to list; the open ones by default.
    :type states: iterable of str
    :param today: The day to count warnings from; today if ``None``.
    :type today: datetime.date
    :returns: Dicts with ``uid``, ``url``, ``number``, ``application_number``,
        ``item``, ``department``, ``level``, ``level_title``, ``state``,
        ``state_title``, ``created``, ``due_date`` and ``warning``
        (``none``, ``yellow`` or ``red``).
    :rtype: list
    """
    query = {
        "portal_type": "Evaluation",
        "evaluation_kind": APPLICATION,
        "review_state": list(states),
        "sort_on": "created",
        "sort_order": "descending",
    }
    if department_uids is not None:
        query["department_uid"] = list(department_uids)
        if not query["department_uid"]:
            return []
    today = today or applications.hall_now().date()
    cal = applications.calendar()
    rows = []
    for brain in api.portal.get_tool("portal_catalog")(**query):
        evaluation = brain.getObject()
        due = evaluation.due_date
        state = brain.review_state
        rows.append(
            {
                "uid": brain.UID,
                "url": brain.getURL(),
                "number": evaluation.number,
                "application_number": evaluation.application_number,
                "item": evaluation.item_title,
                "department": evaluation.department_title,
                "level": evaluation.level,
                "level_title": level_title(evaluation.level),
                "state": state,
                "state_title": state_title(state),
                "created": applications.local_time(brain.created.asdatetime()),
                "due_date": due,
                "warning": deadlines.warning_level(cal, today, due)
                if state == RECTIFYING
                else deadlines.NONE,
            }
        )
    # Cases waiting on the department first, the nearest due date first.
    rows.sort(key=lambda row: row["due_date"] or datetime.date.max)
    return rows


def satisfaction(department_uid=None, start=None, end=None):
    """Return the satisfaction rate of application ratings.

    :param department_uid: Only this department's ratings; all if ``None``.
    :type department_uid: str
    :param start: First moment counted (a ``DateTime`` or aware datetime).
    :param end: Last moment counted.
    :returns: ``count`` (ratings counted) and ``rate`` (the share of levels
        1 to 3, ``None`` without ratings); ratings excluded after an appeal
        do not count.
    :rtype: dict
    """
    query = {
        "portal_type": "Evaluation",
        "evaluation_kind": APPLICATION,
        "evaluation_excluded": False,
    }
    if department_uid:
        query["department_uid"] = department_uid
    if start is not None or end is not None:
        query["created"] = _date_range(start, end)
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(**query)
    found = [brain.evaluation_level for brain in brains]
    if not found:
        return {"count": 0, "rate": None}
    satisfied = sum(1 for level in found if level in SATISFIED_LEVELS)
    return {"count": len(found), "rate": satisfied / len(found)}


def _date_range(start, end):
    if start is not None and end is not None:
        return {"query": (start, end), "range": "min:max"}
    if start is not None:
        return {"query": start, "range": "min"}
    return {"query": end, "range": "max"}
