"""The control panel of online applications, backed by the registry."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from zope.component import adapter
from zope.interface import Interface
from zyzwfw import _
from zyzwfw.application_settings import IApplicationSettings
from zyzwfw.application_settings import PREFIX
from zyzwfw.interfaces import IZyzwfwLayer


class ApplicationSettingsForm(RegistryEditForm):
    """Edit the upload policy, the calendar and the look-up limits."""

    schema = IApplicationSettings
    schema_prefix = PREFIX
    label = _("label_application_settings", default="Online application settings")
    description = _(
        "help_application_settings",
        default="What applicants may upload, how time limits are counted, and "
        "how often a progress look-up may fail.",
    )


class ApplicationSettingsView(ControlPanelFormWrapper):
    """The page ``@@hall-application-settings`` around the form."""

    form = ApplicationSettingsForm


@adapter(Interface, IZyzwfwLayer)
class ApplicationSettingsConfigletPanel(RegistryConfigletPanel):
    """Expose the settings at ``@controlpanels/hall-application-settings``."""

    schema = IApplicationSettings
    schema_prefix = PREFIX
    configlet_id = "zyzwfw-application-settings"
    configlet_category_id = "plone-general"
    title = _("label_application_settings", default="Online application settings")
    group = "General"
