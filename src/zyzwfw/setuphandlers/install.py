"""Handlers that run when the hall profile is installed or uninstalled."""

from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer
from zyzwfw import logger


HOME_VIEW = "hall-home"


@implementer(INonInstallable)
class HiddenProfiles:
    """Keep the uninstall profile out of the add-ons control panel."""

    def getNonInstallableProfiles(self):
        return ["zyzwfw:uninstall"]

    def getNonInstallableProducts(self):
        return ["zyzwfw.upgrades"]


def post_install(context):
    """Make the hall's home page the site's front page.

    :param context: the GenericSetup import context.
    """
    portal = api.portal.get()
    portal.setLayout(HOME_VIEW)
    logger.info("Installed the hall on %s", portal.getId())


def uninstall(context):
    """Give the site back Plone's own front page.

    :param context: the GenericSetup import context.
    """
    portal = api.portal.get()
    if portal.getLayout() == HOME_VIEW:
        portal.setLayout(portal.getTypeInfo().default_view)
    logger.info("Uninstalled the hall from %s", portal.getId())
