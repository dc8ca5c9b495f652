"""The hall's header and footer."""

from plone.app.layout.viewlets.common import ViewletBase
from zyzwfw.browser.settings import hall_settings


class HallHeaderViewlet(ViewletBase):
    """The hall's emblem and name in place of Plone's logo."""

    def update(self):
        super().update()
        self.settings = hall_settings()


class HallFooterViewlet(ViewletBase):
    """The centre's name, address, phone and office hours."""

    def update(self):
        super().update()
        self.settings = hall_settings()
