"""The hall's header, its user menu and its footer."""

from plone.app.layout.viewlets.common import PersonalBarViewlet
from plone.app.layout.viewlets.common import ViewletBase
from zyzwfw.browser.settings import hall_settings


class HallHeaderViewlet(ViewletBase):
    """The hall's emblem and name in place of Plone's logo."""

    def update(self):
        super().update()
        self.settings = hall_settings()


class HallMemberToolsViewlet(PersonalBarViewlet):
    """The user menu in the header, for members who do not get the toolbar.

    Citizens, window staff and supervisors have no use for Plone's editing
    toolbar, which on a phone takes a strip of the screen; their name opens
    the same links the toolbar's user menu has (My applications, the desks,
    personal information, log out).
    """

    def available(self):
        """Return whether a member is logged in who sees no toolbar here."""
        if self.anonymous or not self.user_actions:
            return False
        state = self.context.restrictedTraverse("@@plone_context_state")
        return not state.is_toolbar_visible()


class HallFooterViewlet(ViewletBase):
    """The centre's name, address, phone and office hours."""

    def update(self):
        super().update()
        self.settings = hall_settings()
