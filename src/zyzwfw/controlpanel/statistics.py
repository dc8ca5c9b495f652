"""The control panel of the assessment method and the incentive lists."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from zyzwfw import _
from zyzwfw.assessment import IStatisticsSettings
from zyzwfw.assessment import PREFIX


class StatisticsSettingsForm(RegistryEditForm):
    """Edit the name and weights of the assessment method and the lists' lengths."""

    schema = IStatisticsSettings
    schema_prefix = PREFIX
    label = _("label_statistics_settings", default="Statistics and assessment settings")
    description = _(
        "help_statistics_settings",
        default="The assessment method in force: its name and the weight of each "
        "indicator. Results of periods already over keep the method they were "
        "computed with.",
    )


class StatisticsSettingsView(ControlPanelFormWrapper):
    """The page ``@@hall-assessment-settings`` around the form."""

    form = StatisticsSettingsForm
