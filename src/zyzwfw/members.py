"""The hall's members: the citizens and companies who registered themselves.

A member logs in with their mobile number, as people expect of a Chinese
government hall: the number is both their login name and their ``mobile``
member property. Their user id is another thing, made by Plone from the full
name (``张三`` becomes ``zhang-san``), because a user id never changes and ends
up in URLs, local roles and the history of applications, while a person may
change their number.

Staff accounts, made by an administrator, keep the user names they were given;
they may have a mobile number too, but do not log in with it.
"""

from plone import api
from plone.app.users.utils import generate_user_id
from Products.CMFPlone.utils import set_own_login_name
from zyzwfw import _
from zyzwfw import logger
from zyzwfw.validators import normalize_mobile
from zyzwfw.validators import validate_mobile

import uuid


#: The member property that holds the mobile number.
MOBILE_PROPERTY = "mobile"

# The id of the password policy plugin PlonePAS installs in every site.
_PASSWORD_POLICY_PLUGIN = "password_policy"


def _acl_users():
    return api.portal.get_tool("acl_users")


def find_member_by_mobile(mobile):
    """Return the member who registered a mobile number.

    A member logging in with the number is found first; otherwise the member
    whose ``mobile`` property holds it, such as a member of staff.

    :param mobile: The number as typed; it is normalized first (see
        :func:`zyzwfw.validators.normalize_mobile`).
    :type mobile: str
    :returns: The member, or ``None`` if nobody registered the number.
    :rtype: Products.PlonePAS.tools.memberdata.MemberData or None
    """
    number = normalize_mobile(mobile)
    if not number:
        return None

    acl_users = _acl_users()
    user = acl_users.getUser(number)
    if user is not None:
        return api.user.get(userid=user.getId())

    # Only a property search finds a number that is no login name; PAS
    # searches every member's properties for it, which is slower, so it
    # comes second.
    for found in acl_users.searchUsers(exact_match=True, **{MOBILE_PROPERTY: number}):
        member = api.user.get(userid=found["userid"])
        if member is not None and member.getProperty(MOBILE_PROPERTY, "") == number:
            return member
    return None


def member_contact(user):
    """Return how to reach a member: their id, name, email and mobile number.

    :param user: The member, as :func:`plone.api.user.get` returns one, a PAS
        user, or a user id.
    :type user: Products.PlonePAS.tools.memberdata.MemberData or str
    :returns: A dict with the keys ``user_id``, ``name``, ``email`` and
        ``mobile``, each a string (empty when unknown). ``name`` is the full
        name, or the login name for a member who gave none. ``None`` if
        ``user`` is an id nobody has.
    :rtype: dict or None
    """
    if isinstance(user, str):
        member = api.user.get(userid=user)
    elif hasattr(user, "getProperty"):
        member = user
    else:
        member = api.user.get(userid=user.getId())
    if member is None:
        return None

    return {
        "user_id": member.getId(),
        "name": member.getProperty("fullname", "") or member.getUserName(),
        "email": member.getProperty("email", "") or "",
        "mobile": member.getProperty(MOBILE_PROPERTY, "") or "",
    }


def check_mobile(mobile, user_id=None):
    """Check a mobile number that a member registers or changes to.

    :param mobile: The number as typed; see
        :func:`zyzwfw.validators.normalize_mobile`.
    :type mobile: str
    :param user_id: The member who changes their number, who may keep it;
        ``None`` for a new registration.
    :type user_id: str
    :returns: ``None`` if the number is valid and nobody else registered it,
        else a message saying what is wrong.
    :rtype: zope.i18nmessageid.Message or None
    """
    error = validate_mobile(mobile)
    if error is not None:
        return error

    owner = find_member_by_mobile(mobile)
    if owner is not None and owner.getId() != user_id:
        return _(
            "error_mobile_registered",
            default="This mobile number is already registered. Log in with it, "
            "or reset the password if you have forgotten it.",
        )
    return None


def check_full_name(name):
    """Check the full name a member registers with.

    :param name: The name as typed; ``None`` counts as empty.
    :type name: str
    :returns: ``None`` if there is a name, else a message asking for one.
    :rtype: zope.i18nmessageid.Message or None
    """
    if not (name or "").strip():
        return _("error_full_name_required", default="Enter your full name.")
    return None


def password_minimum():
    """Return the fewest characters the site's password policy accepts.

    :returns: The minimum length, or ``None`` if the site has no password
        policy that sets one.
    :rtype: int or None
    """
    policy = _acl_users().get(_PASSWORD_POLICY_PLUGIN)
    return getattr(policy, "min_chars", None)


def check_password(password):
    """Check a new password against the site's password policy.

    :param password: The password as typed.
    :type password: str
    :returns: ``None`` if the policy accepts the password, else a message
        saying what is wrong.
    :rtype: zope.i18nmessageid.Message or str or None
    """
    registration = api.portal.get_tool("portal_registration")
    error = registration.testPasswordValidity(password or "")
    if not error:
        return None

    # PlonePAS's own message about the length has no Chinese translation.
    minimum = password_minimum()
    if minimum and len(password or "") < minimum:
        return _(
            "error_password_too_short",
            default="A password has at least ${minimum} characters.",
            mapping={"minimum": minimum},
        )
    # Another policy's message, already translated by its plugin.
    return error


def new_member_id(fullname):
    """Return a user id for a member who registers, never their mobile number.

    Plone makes the id from the full name (``张三`` becomes ``zhang-san``,
    then ``zhang-san-1``), unless the site asks for UUIDs or an add-on
    registers its own user id generator. A name that gives no usable id
    gives a UUID.

    :param fullname: The member's full name.
    :type fullname: str
    :returns: A user id nobody has.
    :rtype: str
    """
    portal = api.portal.get()
    user_id = generate_user_id(portal, {"fullname": fullname})
    if not user_id:
        user_id = uuid.uuid4().hex
    return user_id


def login_name_for(mobile):
    """Return the login name of a member who registers with a mobile number.

    :param mobile: The number as typed.
    :type mobile: str
    :returns: The normalized number.
    :rtype: str
    """
    return normalize_mobile(mobile)


def follow_mobile_with_login(member, old_mobile):
    """Let a member log in with the mobile number they have just changed to.

    Only a member who logged in with the old number gets the new one as
    login name; staff keep their user names.

    :param member: The member, whose ``mobile`` property holds the new number.
    :type member: Products.PlonePAS.tools.memberdata.MemberData
    :param old_mobile: The number the member had before.
    :type old_mobile: str
    :returns: ``True`` if the login name changed.
    :rtype: bool
    :raises Unauthorized: If the current user may change neither their own
        login name nor the member's.
    """
    new_mobile = member.getProperty(MOBILE_PROPERTY, "") or ""
    if not old_mobile or not new_mobile or new_mobile == old_mobile:
        return False
    if member.getUserName() != old_mobile:
        return False

    set_own_login_name(member, new_mobile)
    logger.info("Member %s now logs in with their new mobile number", member.getId())
    return True
