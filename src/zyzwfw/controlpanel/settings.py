"""The hall control panel, backed by the registry."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from zope.component import adapter
from zope.interface import Interface
from zyzwfw import _
from zyzwfw.controlpanel.interaction import InteractionSettingsGroup
from zyzwfw.controlpanel.notifications import NotificationSettingsGroup
from zyzwfw.controlpanel.quality import QualitySettingsGroup
from zyzwfw.interfaces import IHallSettings
from zyzwfw.interfaces import IZyzwfwLayer


class HallSettingsForm(RegistryEditForm):
    """Edit the hall's name, contacts and the settings of its parts."""

    schema = IHallSettings
    schema_prefix = "zyzwfw.hall"
    label = _("label_hall_settings", default="Service hall settings")
    description = _(
        "help_hall_settings",
        default="The hall's name and contacts, shown on every page.",
    )

    def updateFields(self):
        """Add the notification settings after the hall's own fields."""
        super().updateFields()
        # Added after the schema's fieldsets became groups: it must keep its
        # own getContent, which a group made from a fieldset would lose.
        self.groups.append(NotificationSettingsGroup)
        self.groups.append(InteractionSettingsGroup)
        self.groups.append(QualitySettingsGroup)


class HallSettingsView(ControlPanelFormWrapper):
    form = HallSettingsForm


@adapter(Interface, IZyzwfwLayer)
class HallSettingsConfigletPanel(RegistryConfigletPanel):
    """Expose the hall settings at ``@controlpanels/hall-settings``."""

    schema = IHallSettings
    schema_prefix = "zyzwfw.hall"
    configlet_id = "zyzwfw-settings"
    configlet_category_id = "plone-general"
    title = _("label_hall_settings", default="Service hall settings")
    group = "General"
