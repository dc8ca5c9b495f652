"""Read access to the hall settings for views and viewlets."""

from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zyzwfw.interfaces import IHallSettings


def hall_settings():
    """Return the hall settings proxy from the registry.

    :returns: an object with the fields of
        :class:`zyzwfw.interfaces.IHallSettings` as attributes.
    """
    registry = getUtility(IRegistry)
    return registry.forInterface(IHallSettings, prefix="zyzwfw.hall")
