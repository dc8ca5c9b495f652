"""The people of a department: its groups and the local roles they hold.

Every department owns a few groups whose ids derive from its short code, one
for each kind in :data:`GROUP_KINDS`. A group is granted its kind's roles as
local roles on the department, so its members act on that department and on
the items and materials inside it, and nowhere else:

``<short_code>-editors``
    the guide editors (Editor, Contributor, Reader): they write and submit
    the department's items and materials.

``<short_code>-staff``
    the window staff (WindowStaff): the group also gets WindowStaff on each
    application of the department when it is made, since applications are
    kept outside the department (see :mod:`zyzwfw.applications`), so its
    members handle their own department's applications and no others.

A further kind is declared as a :class:`GroupKind` and added to
:data:`GROUP_KINDS`; existing departments get its group on their next save,
or from an upgrade step that calls :func:`ensure_groups` on each.

The centre's reviewers are not per department: they are members of Plone's
site-wide ``Reviewers`` group, whose global Reviewer role lets them publish,
send back and retract everywhere (:func:`add_reviewer`).

How the groups follow their department:

- added (also pasted or imported): the groups are created, or reused if they
  already exist, and granted their roles;
- edited: the groups' titles follow the department's title; a new short code
  moves the members into groups of the new id and deletes the old groups,
  so no group is left without a department;
- renamed or moved: nothing to do, local roles travel with the object;
- deleted: the groups are deleted too, and their members are logged, unless
  another department still grants them roles (two departments sharing a
  short code, which validation should prevent).
"""

from dataclasses import dataclass
from plone import api
from plone.api.exc import InvalidParameterError
from plone.base.interfaces import IPloneSiteRoot
from zope.container.interfaces import IContainerModifiedEvent
from zope.i18nmessageid import Message
from zyzwfw import _
from zyzwfw import logger


REVIEWERS_GROUP = "Reviewers"


@dataclass(frozen=True)
class GroupKind:
    """A kind of group every department has.

    :param name: the suffix of the group id, ``<short_code>-<name>``.
    :param roles: the local roles the group holds on its department.
    :param title: a message with a ``${department}`` variable; translated
        into the site's language, it becomes the group's title.
    """

    name: str
    roles: tuple[str, ...]
    title: Message


EDITORS = GroupKind(
    name="editors",
    roles=("Editor", "Contributor", "Reader"),
    title=_("group_title_editors", default="${department} guide editors"),
)

STAFF = GroupKind(
    name="staff",
    roles=("WindowStaff",),
    title=_("group_title_staff", default="${department} window staff"),
)

GROUP_KINDS = (EDITORS, STAFF)


def _kind(name):
    for kind in GROUP_KINDS:
        if kind.name == name:
            return kind
    raise InvalidParameterError(f"No group kind named {name!r}")


def group_id(department, kind="editors"):
    """Return the id of one of the department's groups.

    :param department: a department.
    :param kind: the name of a kind in :data:`GROUP_KINDS`.
    :returns: ``<short_code>-<kind>``.
    :raises InvalidParameterError: if the department has no short code or
        the kind is unknown.
    """
    _kind(kind)
    short_code = (getattr(department, "short_code", None) or "").strip()
    if not short_code:
        raise InvalidParameterError(
            f"Department {department.getId()!r} has no short code"
        )
    return f"{short_code}-{kind}"


def editors_group_id(department):
    """Return the id of the department's guide editors' group.

    :param department: a department.
    :returns: ``<short_code>-editors``.
    :raises InvalidParameterError: if the department has no short code.
    """
    return group_id(department, EDITORS.name)


def group_title(department, kind="editors"):
    """Return the title of one of the department's groups, in the site's language.

    :param department: a department.
    :param kind: the name of a kind in :data:`GROUP_KINDS`.
    :returns: for editors, for example ``公安局指南编辑``.
    :raises InvalidParameterError: if the kind is unknown.
    """
    message = Message(_kind(kind).title, mapping={"department": department.Title()})
    return api.portal.translate(
        message, domain=message.domain, lang=api.portal.get_default_language()
    )


def ensure_groups(department):
    """Create the department's groups if missing and grant them their roles.

    Safe to call again: existing groups are reused, their titles updated, and
    roles already granted stay as they are.

    :param department: a department.
    :returns: the ids of the department's groups; empty if it has no short
        code yet (its groups are made when it gets one).
    """
    if not (getattr(department, "short_code", None) or "").strip():
        logger.warning(
            "Department %s has no short code yet; its groups are made when it gets one",
            department.absolute_url(1),
        )
        return []

    granted = [_ensure_group(department, kind) for kind in GROUP_KINDS]
    if any(granted):
        # Only a change of local roles is worth reindexing the whole subtree.
        department.reindexObjectSecurity()
    return [group_id(department, kind.name) for kind in GROUP_KINDS]


def _ensure_group(department, kind):
    gid = group_id(department, kind.name)
    title = group_title(department, kind.name)
    group = api.group.get(groupname=gid)
    if group is None:
        api.group.create(groupname=gid, title=title)
        logger.info("Created group %s for %s", gid, department.absolute_url(1))
    else:
        if _used_elsewhere(gid, department):
            logger.warning(
                "Group %s already serves another department; %s now shares it. "
                "Give the department a short code of its own.",
                gid,
                department.absolute_url(1),
            )
        if group.getProperty("title") != title:
            group.setGroupProperties({"title": title})

    granted = set(department.get_local_roles_for_userid(gid))
    if granted.issuperset(kind.roles):
        return False
    department.manage_setLocalRoles(gid, sorted(granted | set(kind.roles)))
    return True


def _groups_with_local_roles(department, kind):
    suffix = f"-{kind.name}"
    return [
        principal
        for principal, _roles in department.get_local_roles()
        if principal.endswith(suffix) and api.group.get(groupname=principal)
    ]


def _used_elsewhere(gid, department):
    path = "/".join(department.getPhysicalPath())
    for brain in api.content.find(portal_type="Department", unrestricted=True):
        if brain.getPath() == path:
            continue
        other = brain._unrestrictedGetObject()
        if other.get_local_roles_for_userid(gid):
            return True
    return False


def sync_groups(department):
    """Bring the department's groups in line with its short code and title.

    Groups named after an old short code hand their members to the groups of
    the new one, lose their roles on the department and are deleted. Without
    a short code nothing changes: the old groups keep working until the
    department gets a code again.

    :param department: a department.
    :returns: the ids of the department's groups.
    """
    ids = ensure_groups(department)
    if not ids:
        return []

    replaced = False
    for kind in GROUP_KINDS:
        current = group_id(department, kind.name)
        for old in _groups_with_local_roles(department, kind):
            if old != current:
                _replace_group(department, old, current)
                replaced = True
    if replaced:
        department.reindexObjectSecurity()
    return ids


def _replace_group(department, old, new):
    moved = api.user.get_users(groupname=old)
    for member in moved:
        api.group.add_user(groupname=new, username=member.getId())
    department.manage_delLocalRoles([old])
    if not _used_elsewhere(old, department):
        api.group.delete(groupname=old)
    logger.info(
        "Moved %d members of group %s to %s after the short code of %s changed",
        len(moved),
        old,
        new,
        department.absolute_url(1),
    )


def remove_groups(department):
    """Delete the department's groups, unless another department uses them.

    :param department: a department being deleted.
    :returns: the ids of the groups deleted.
    """
    deleted = []
    for kind in GROUP_KINDS:
        for gid in _groups_with_local_roles(department, kind):
            if _used_elsewhere(gid, department):
                logger.warning("Kept group %s: another department still uses it", gid)
                continue
            members = [user.getId() for user in api.user.get_users(groupname=gid)]
            api.group.delete(groupname=gid)
            deleted.append(gid)
            logger.info(
                "Deleted group %s of the deleted department %s; its members were: %s",
                gid,
                department.absolute_url(1),
                ", ".join(members) or "none",
            )
    return deleted


def add_member(department, user_id, kind="editors"):
    """Add a user to one of the department's groups.

    :param department: a department.
    :param user_id: the id of an existing user.
    :param kind: the name of a kind in :data:`GROUP_KINDS`.
    :raises InvalidParameterError: if the user does not exist, the kind is
        unknown or the department has no short code.
    """
    gid = group_id(department, kind)
    if api.user.get(userid=user_id) is None:
        raise InvalidParameterError(f"No user with the id {user_id!r}")
    if api.group.get(groupname=gid) is None:
        ensure_groups(department)
    api.group.add_user(groupname=gid, username=user_id)
    logger.info("Added %s to group %s", user_id, gid)


def remove_member(department, user_id, kind="editors"):
    """Remove a user from one of the department's groups.

    :param department: a department.
    :param user_id: the id of a user; nothing happens if they are no member.
    :param kind: the name of a kind in :data:`GROUP_KINDS`.
    :raises InvalidParameterError: if the kind is unknown or the department
        has no short code.
    """
    gid = group_id(department, kind)
    if user_id not in members(department, kind):
        logger.debug("%s is not in group %s; nothing to remove", user_id, gid)
        return
    api.group.remove_user(groupname=gid, username=user_id)
    logger.info("Removed %s from group %s", user_id, gid)


def members(department, kind="editors"):
    """Return the ids of the members of one of the department's groups.

    :param department: a department.
    :param kind: the name of a kind in :data:`GROUP_KINDS`.
    :returns: a sorted list of user ids; empty if the group does not exist.
    :raises InvalidParameterError: if the kind is unknown or the department
        has no short code.
    """
    gid = group_id(department, kind)
    if api.group.get(groupname=gid) is None:
        return []
    return sorted(user.getId() for user in api.user.get_users(groupname=gid))


def add_editor(department, user_id):
    """Make a user a guide editor of the department.

    :param department: a department.
    :param user_id: the id of an existing user.
    :raises InvalidParameterError: if the user does not exist or the
        department has no short code.
    """
    add_member(department, user_id, EDITORS.name)


def remove_editor(department, user_id):
    """Take a user out of the department's guide editors.

    :param department: a department.
    :param user_id: the id of a user.
    :raises InvalidParameterError: if the department has no short code.
    """
    remove_member(department, user_id, EDITORS.name)


def add_staff(department, user_id):
    """Make a user a member of the department's window staff.

    :param department: a department.
    :param user_id: the id of an existing user.
    :raises InvalidParameterError: if the user does not exist or the
        department has no short code.
    """
    add_member(department, user_id, STAFF.name)


def remove_staff(department, user_id):
    """Take a user out of the department's window staff.

    :param department: a department.
    :param user_id: the id of a user.
    :raises InvalidParameterError: if the department has no short code.
    """
    remove_member(department, user_id, STAFF.name)


def add_reviewer(user_id):
    """Make a user a reviewer of the centre, who publishes every department's guides.

    :param user_id: the id of an existing user.
    :raises InvalidParameterError: if the user does not exist.
    """
    if api.user.get(userid=user_id) is None:
        raise InvalidParameterError(f"No user with the id {user_id!r}")
    api.group.add_user(groupname=REVIEWERS_GROUP, username=user_id)
    logger.info("Made %s a reviewer of the centre", user_id)


def department_added(department, event):
    """Give a new department its groups.

    :param department: the department added.
    :param event: the ``IObjectAddedEvent``.
    """
    ensure_groups(department)


def department_modified(department, event):
    """Let the department's groups follow its new title or short code.

    :param department: the department edited.
    :param event: the ``IObjectModifiedEvent``.
    """
    if IContainerModifiedEvent.providedBy(event):
        # An item was added or removed inside; the department itself is as it was.
        return
    sync_groups(department)


def department_removed(department, event):
    """Delete the groups of a deleted department.

    :param department: the department deleted, or one inside a folder deleted.
    :param event: the ``IObjectRemovedEvent``.
    """
    if IPloneSiteRoot.providedBy(event.object):
        # The whole site goes, and its users and groups with it.
        return
    remove_groups(department)
