"""The notification settings, as a group of the hall control panel."""

from plone.registry.interfaces import IRegistry
from plone.z3cform.fieldsets.group import Group
from z3c.form import field
from zope.component import getUtility
from zyzwfw import _
from zyzwfw.notifications import INotificationSettings
from zyzwfw.notifications import SETTINGS_PREFIX


class NotificationSettingsGroup(Group):
    """The SMS gateway's settings, shown as a tab of the hall settings form.

    The settings keep their own registry prefix, so the group reads and writes
    its own records instead of those of the form it sits in.
    """

    __name__ = "notifications"
    label = _("label_notification_settings", default="Notifications")
    description = _(
        "help_notification_settings",
        default="Text messages that tell applicants what happens to their "
        "applications, consultations and complaints. E-mail uses the site's "
        "mail settings.",
    )
    fields = field.Fields(INotificationSettings)

    def getContent(self):
        """Return the notification settings' records.

        :returns: A records proxy for :class:`INotificationSettings`.
        """
        return getUtility(IRegistry).forInterface(
            INotificationSettings, prefix=SETTINGS_PREFIX
        )
