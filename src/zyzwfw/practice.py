"""The training check (人人过关): every window clerk handles a practice case.

A member of a department's window staff applies, as an applicant would, for
one of their own department's items, and then decides that same application
from the worklist. Such an application is a practice application: its
attribute ``practice`` is true and the catalogue's ``practice`` index says
so. It runs through the normal workflow, so the check proves the clerk can
use every step; but statistics, supervision cards and the supervision feed
leave it out, and every page marks it as practice.

A clerk has passed once a practice application they submitted themselves,
for an item of one of their departments, was approved or refused by
themselves too.
"""

from AccessControl import Unauthorized
from plone import api
from zyzwfw import applications
from zyzwfw import logger


#: States in which a practice application counts as handled end to end.
PASSED_STATES = (applications.APPROVED, applications.REFUSED)


def is_practice(application):
    """Return whether an application (or its catalogue brain) is practice."""
    return bool(getattr(application, "practice", False))


def can_practise(item, user_id=None):
    """Return whether a user may start a practice application for an item.

    :param item: A service item.
    :param user_id: The user; the current user if ``None``.
    :returns: ``True`` for window staff of the item's department.
    :rtype: bool
    """
    department = item.department()
    if department is None:
        return False
    return department in applications.staff_departments(user_id)


def start_practice(item):
    """Make a practice draft of the current staff member for an item.

    The clerk fills in and submits it with the apply form like an
    applicant, then decides it from the worklist.

    :param item: A service item of one of the current user's departments,
        that can be applied for online.
    :returns: The draft application.
    :raises Unauthorized: If the current user is not window staff of the
        item's department.
    :raises zyzwfw.applications.NotApplicableOnline: If the item cannot be
        applied for online.
    """
    if not can_practise(item):
        raise Unauthorized("Only the department's window staff may practise.")
    # Marked before it is submitted: its number is then taken from the
    # practice series, and real applications' numbers keep their sequence.
    receipt = applications.create_application(item)
    application = receipt.application
    application.practice = True
    application.reindexObject(idxs=["practice"])
    logger.info(
        "%s started the practice application %s",
        api.user.get_current().getId(),
        application.absolute_url(1),
    )
    return application


def _decided_by_applicant(application):
    """Whether the decision of an application was made by its own applicant."""
    history = (getattr(application, "workflow_history", None) or {}).get(
        applications.WORKFLOW_ID, ()
    )
    for entry in reversed(history):
        if entry.get("action") in ("approve", "refuse"):
            return entry.get("actor") == application.applicant_id
    return False


def passed_on(user_id, department_uid):
    """Return when a clerk passed the training check in a department.

    :param user_id: The clerk's user id.
    :param department_uid: The department's UID.
    :returns: The aware datetime of the decision of their practice
        application, or ``None`` if they have not passed.
    """
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Application",
        practice=True,
        applicant_id=user_id,
        department_uid=department_uid,
        review_state=list(PASSED_STATES),
    )
    for brain in brains:
        application = brain._unrestrictedGetObject()
        if _decided_by_applicant(application):
            return applications.local_time(application.closed)
    return None


def training_status():
    """Return, per department, which of its window staff passed the check.

    :returns: One dict per department (``uid``, ``title``, ``passed`` and
        ``pending``: lists of dicts with ``user_id``, ``fullname`` and, for
        those who passed, ``when``), in the order of the titles.
    :rtype: list
    """
    catalog = api.portal.get_tool("portal_catalog")
    status = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Department", sort_on="sortable_title"
    ):
        department = brain._unrestrictedGetObject()
        group_id = applications.staff_group_of(department)
        members = []
        if group_id and api.group.get(groupname=group_id) is not None:
            members = api.user.get_users(groupname=group_id)
        passed, pending = [], []
        for member in sorted(members, key=lambda member: member.getId()):
            entry = {
                "user_id": member.getId(),
                "fullname": member.getProperty("fullname") or member.getId(),
            }
            # TODO: one catalog query per clerk; fine for a hall's few hundred
            # clerks, a stored record of who passed would avoid it.
            when = passed_on(member.getId(), brain.UID)
            if when is None:
                pending.append(entry)
            else:
                passed.append(dict(entry, when=when))
        status.append(
            {
                "uid": brain.UID,
                "title": brain.Title,
                "passed": passed,
                "pending": pending,
            }
        )
    return status
