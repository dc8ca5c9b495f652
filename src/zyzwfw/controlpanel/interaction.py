"""The settings of questions and complaints, a group of the hall control panel."""

from plone.registry.interfaces import IRegistry
from plone.z3cform.fieldsets.group import Group
from z3c.form import field
from zope.component import getUtility
from zyzwfw import _
from zyzwfw.interaction_settings import IInteractionSettings
from zyzwfw.interaction_settings import PREFIX


class InteractionSettingsGroup(Group):
    """Time limits of questions and complaints, and the limit on sending them.

    Like the notification settings, the group keeps its own registry prefix
    and reads and writes its own records.
    """

    __name__ = "interaction"
    label = _("label_interaction_settings", default="Questions and complaints")
    fields = field.Fields(IInteractionSettings)

    def getContent(self):
        """Return the interaction settings' records.

        :returns: A records proxy for :class:`IInteractionSettings`.
        """
        return getUtility(IRegistry).forInterface(IInteractionSettings, prefix=PREFIX)
