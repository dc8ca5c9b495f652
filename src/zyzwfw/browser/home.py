"""The hall's home page."""

from plone import api
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zyzwfw import home_page
from zyzwfw.browser.department import DepartmentFolderView
from zyzwfw.browser.sections import SECTIONS
from zyzwfw.browser.settings import hall_settings
from zyzwfw.themes import themes

import datetime


class HomeView(BrowserView):
    """Search, windows, themes, busiest items, volume, news and the look-up."""

    def settings(self):
        return hall_settings()

    def portal_url(self):
        return api.portal.get().absolute_url()

    def sections(self):
        """Return the navigation sections as cards, in navigation order.

        :returns: a list of dicts with ``id``, ``title``, ``lead`` and ``url``.
        """
        portal_url = self.portal_url()
        return [
            {
                "id": section_id,
                "title": section["title"],
                "lead": section["lead"],
                "url": f"{portal_url}/{section_id}",
            }
            for section_id, section in SECTIONS.items()
        ]

    def windows(self):
        """Return the departments as the windows of the hall.

        :returns: what :meth:`DepartmentFolderView.windows` returns; empty
            when the site has no departments folder.
        """
        folder = api.portal.get().get("departments")
        if folder is None:
            return []
        return DepartmentFolderView(folder, self.request).windows()

    def theme_groups(self):
        """Return the themes for persons and for companies with their links.

        :returns: a dict ``{"person": [...], "legal": [...]}`` of dicts with
            ``title`` and ``url`` (the catalogue filtered by the theme).
        """
        groups = {"person": [], "legal": []}
        guide = f"{self.portal_url()}/guide"
        for code, title, party in themes():
            groups.setdefault(party, []).append(
                {"title": title, "url": f"{guide}?{urlencode({'theme': code})}"}
            )
        return groups

    def busiest_items(self):
        return home_page.busiest_items()

    def volume(self):
        """Return this year and the number of applications sent online in it."""
        year = datetime.date.today().year
        return {"year": year, "count": home_page.online_volume(year)}

    def news(self):
        return home_page.latest_news(home_page.NEWS_FOLDER)

    def notices(self):
        return home_page.latest_news(home_page.NOTICES_FOLDER)

    def news_url(self):
        return home_page.folder_url(home_page.NEWS_FOLDER)

    def notices_url(self):
        return home_page.folder_url(home_page.NOTICES_FOLDER)
