"""The hall's home page."""

from plone import api
from Products.Five.browser import BrowserView
from zyzwfw.browser.sections import SECTIONS
from zyzwfw.browser.settings import hall_settings


class HomeView(BrowserView):
    """Search, the hall's sections, the progress look-up and the contacts."""

    def settings(self):
        return hall_settings()

    def sections(self):
        """Return the navigation sections as cards, in navigation order.

        :returns: a list of dicts with ``id``, ``title``, ``lead`` and ``url``.
        """
        portal_url = api.portal.get().absolute_url()
        return [
            {
                "id": section_id,
                "title": section["title"],
                "lead": section["lead"],
                "url": f"{portal_url}/{section_id}",
            }
            for section_id, section in SECTIONS.items()
        ]
