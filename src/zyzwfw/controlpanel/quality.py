"""The settings of ratings and online rate, as a group of the hall control panel."""

from plone.registry.interfaces import IRegistry
from plone.z3cform.fieldsets.group import Group
from z3c.form import field
from z3c.form.browser.textlines import TextLinesFieldWidget
from zope.component import getUtility
from zyzwfw import _
from zyzwfw.quality_settings import IQualitySettings
from zyzwfw.quality_settings import PREFIX


class QualitySettingsGroup(Group):
    """Rectification time, office hours and the presence signal, as a tab.

    The settings keep their own registry prefix, so the group reads and writes
    its own records instead of those of the form it sits in.
    """

    __name__ = "quality"
    label = _("label_quality_settings", default="Ratings and online rate")
    description = _(
        "help_quality_settings",
        default="How long a department has to rectify a bad rating, and the "
        "office hours in which its window should be online.",
    )
    fields = field.Fields(IQualitySettings)
    # One period per line in a text area, rather than an input per period.
    fields["window_hours"].widgetFactory = TextLinesFieldWidget

    def getContent(self):
        """Return the records of :class:`IQualitySettings`.

        :returns: A records proxy.
        """
        return getUtility(IRegistry).forInterface(IQualitySettings, prefix=PREFIX)
