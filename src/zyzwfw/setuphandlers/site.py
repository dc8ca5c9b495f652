"""Creating the hall's Plone site in a Zope application.

Used by the ``create-site`` script for ``make start`` and ``make create-site``,
by the buildout instance and by the tests, so that every way of creating the
hall gives the same site.
"""

from AccessControl.SecurityManagement import newSecurityManager
from Acquisition import aq_base
from Products.CMFPlone.factory import addPloneSite
from zope.component.hooks import setSite
from zyzwfw import logger


SITE_ID = "zyzwfw"
SITE_TITLE = "资阳市电子政务大厅"
LANGUAGE = "zh-cn"
TIMEZONE = "Asia/Shanghai"
ADMIN_USER = "admin"

BASE_PROFILE = "Products.CMFPlone:plone"
EXTENSION_PROFILES = (
    "plone.app.contenttypes:default",
    "plone.app.layout:default",
    "plonetheme.barceloneta:default",
    "zyzwfw:default",
)


class SiteCreationError(Exception):
    """The site could not be created as asked; nothing was changed."""


def ensure_admin(app, password, user_id=ADMIN_USER):
    """Make sure the Zope root has a Manager account with the given password.

    :param app: the Zope application root.
    :param password: the password the account must have.
    :param user_id: the login of the account.
    :returns: ``True`` if the account was created or its password changed.
    """
    acl_users = app.acl_users
    if acl_users.getUserById(user_id) is None:
        acl_users._doAddUser(user_id, password, ["Manager"], [])
        logger.info("Created the Zope administrator %r", user_id)
        return True
    if acl_users.authenticate(user_id, password, None) is None:
        users = getattr(aq_base(acl_users), "users", None)
        if hasattr(users, "updateUserPassword"):
            # The root's pluggable user folder keeps passwords in its user
            # manager; it has no plugin to change users through.
            acl_users.users.updateUserPassword(user_id, password)
        else:
            acl_users._doChangeUser(user_id, password, ["Manager"], [])
        logger.info("Changed the password of the Zope administrator %r", user_id)
        return True
    return False


def create_site(
    app,
    site_id=SITE_ID,
    title=SITE_TITLE,
    replace=False,
    demo_content=True,
):
    """Create the hall's site unless it exists.

    :param app: the Zope application root.
    :param site_id: id of the site in the Zope root.
    :param title: title of the site.
    :param replace: delete an existing site of that id and create it anew.
    :param demo_content: load the demonstration content into a new site.
    :returns: a tuple ``(site, created)``.
    :raises SiteCreationError: if ``site_id`` is taken by something that is
        not a Plone site.
    """
    existing = app.get(site_id)
    if existing is not None and existing.meta_type != "Plone Site":
        raise SiteCreationError(
            f"{site_id!r} exists in the Zope root and is not a Plone site"
        )
    if existing is not None and not replace:
        logger.info("Site %r exists; keeping its data", site_id)
        return existing, False
    if existing is not None:
        app.manage_delObjects([site_id])
        logger.warning("Deleted the existing site %r to create it anew", site_id)

    _login_as_admin(app)
    site = addPloneSite(
        app,
        site_id,
        title=title,
        profile_id=BASE_PROFILE,
        extension_ids=EXTENSION_PROFILES,
        default_language=LANGUAGE,
        portal_timezone=TIMEZONE,
    )
    setSite(site)
    if demo_content:
        from zyzwfw.setuphandlers import demo

        demo.load(site)
    logger.info("Created the site %r (%s)", site_id, title)
    return site, True


def _login_as_admin(app):
    user = app.acl_users.getUserById(ADMIN_USER)
    if user is None:
        return
    newSecurityManager(None, user.__of__(app.acl_users))


def close_database(app):
    """Close the database that a console script opened, as a stopping server does.

    ``zconsole run`` leaves the database open when its script ends. A
    FileStorage writes its index only when closed, so the next start would
    read the whole file again to rebuild it ("Ignoring index").

    :param app: The Zope application the script was given.
    """
    app._p_jar.db().close()
