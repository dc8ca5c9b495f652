"""Handlers that run when the hall profile is installed or uninstalled."""

from plone import api
from plone.base.interfaces import INonInstallable
from plone.dexterity.utils import createContentInContainer
from zope.interface import implementer
from zyzwfw import logger
from zyzwfw.applications import ensure_applications_folder
from zyzwfw.evaluations import ensure_evaluations_folder
from zyzwfw.setuphandlers.news import ensure_news_folders
from zyzwfw.solicitations import ensure_opinions_folder


HOME_VIEW = "hall-home"


@implementer(INonInstallable)
class HiddenProfiles:
    """Keep the uninstall profile out of the add-ons control panel."""

    def getNonInstallableProfiles(self):
        return ["zyzwfw:uninstall"]

    def getNonInstallableProducts(self):
        return ["zyzwfw.upgrades"]


DEPARTMENTS_ID = "departments"


def post_install(context):
    """Make the hall's home page the front page and add its folders.

    The departments folder holds the public catalogue; the applications
    folder keeps the applications out of it.

    :param context: the GenericSetup import context.
    """
    portal = api.portal.get()
    portal.setLayout(HOME_VIEW)
    ensure_departments_folder(portal)
    ensure_applications_folder(portal)
    ensure_news_folders(portal)
    ensure_evaluations_folder(portal)
    ensure_opinions_folder(portal)
    logger.info("Installed the hall on %s", portal.getId())


def ensure_departments_folder(portal):
    """Create and publish the folder that holds the departments.

    :param portal: the Plone site.
    :returns: the folder.
    """
    folder = portal.get(DEPARTMENTS_ID)
    if folder is None:
        # The folder type is not addable by hand anywhere; only this creates it.
        folder = createContentInContainer(
            portal,
            "DepartmentFolder",
            checkConstraints=False,
            id=DEPARTMENTS_ID,
            title="窗口单位",
            description="市级各部门在政务大厅设立的办事窗口。",
        )
        api.content.transition(obj=folder, transition="publish")
        logger.info("Created the departments folder")
    return folder


def uninstall(context):
    """Give the site back Plone's own front page.

    :param context: the GenericSetup import context.
    """
    portal = api.portal.get()
    if portal.getLayout() == HOME_VIEW:
        portal.setLayout(portal.getTypeInfo().default_view)
    logger.info("Uninstalled the hall from %s", portal.getId())
