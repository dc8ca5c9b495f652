"""The ``open`` section (政务公开): news, notices and the guide to the hall."""

from plone import api
from Products.Five.browser import BrowserView
from zyzwfw import _
from zyzwfw import home_page
from zyzwfw.browser.sections import SECTIONS


#: How many entries of each list the section page shows.
LIST_SIZE = 10

#: The steps of the how-to page: its screenshot's name, its page, texts.
HOW_TO_STEPS = (
    (
        "find",
        "guide?q=%E5%85%AC%E7%A7%AF%E9%87%91",
        _("how_to_find_title", default="1. Find your item"),
        _(
            "how_to_find_text",
            default="Type what you want to do into the search box of the home "
            "page, or open a department's window or a theme. Every result shows "
            "the department, the item type and how far it can be handled online.",
        ),
        _("how_to_find_caption", default="Search results for 公积金"),
        _("how_to_find_link", default="Open the service guides"),
    ),
    (
        "guide",
        "guide",
        _("how_to_guide_title", default="2. Read the guide, download the forms"),
        _(
            "how_to_guide_text",
            default="The guide lists the conditions, the materials to hand in, "
            "the time limit and the fees. Download the blank form of a material "
            "and fill it in after its sample.",
        ),
        _("how_to_guide_caption", default="An item's guide with its materials"),
        _("how_to_guide_link", default="Browse the guides"),
    ),
    (
        "apply",
        "@@register",
        _("how_to_apply_title", default="3. Register and apply online"),
        _(
            "how_to_apply_text",
            default="Register with your mobile number, press Apply online on the "
            "guide, fill in who applies and upload a scan or photo of each "
            "material. Save a draft if something is still missing.",
        ),
        _("how_to_apply_caption", default="The application form with its uploads"),
        _("how_to_apply_link", default="Register"),
    ),
    (
        "done",
        "my-applications",
        _("how_to_done_title", default="4. Keep the number and the query code"),
        _(
            "how_to_done_text",
            default="After you submit, the hall shows the application number and "
            "a query code. The code is shown only once: write it down or take a "
            "screenshot.",
        ),
        _("how_to_done_caption", default="The confirmation with number and code"),
        _("how_to_done_link", default="My applications"),
    ),
    (
        "desk",
        "my-applications",
        _("how_to_desk_title", default="5. Follow it and supplement materials"),
        _(
            "how_to_desk_text",
            default="My applications lists everything you sent and what happens "
            "next. When the window asks for a missing material, open the "
            "application, upload it and send it again.",
        ),
        _("how_to_desk_caption", default="My applications"),
        _("how_to_desk_link", default="My applications"),
    ),
    (
        "progress",
        "progress",
        _("how_to_progress_title", default="6. Look up the progress anywhere"),
        _(
            "how_to_progress_text",
            default="Without logging in, enter the application number and the "
            "query code under Track an application to see each step so far.",
        ),
        _("how_to_progress_caption", default="The progress of an application"),
        _("how_to_progress_link", default="Track an application"),
    ),
)


class OpenSectionView(BrowserView):
    """The section page: the latest news and notices and the how-to page."""

    @property
    def section(self):
        return SECTIONS["open"]

    def portal_url(self):
        return api.portal.get().absolute_url()

    def lists(self):
        """Return the news and the notices with their folders' links.

        :returns: a list of two dicts with ``id``, ``title`` (the folder's),
            ``url`` (``None`` if the folder is missing) and ``entries``.
        """
        portal = api.portal.get()
        lists = []
        for folder_id in (home_page.NEWS_FOLDER, home_page.NOTICES_FOLDER):
            folder = portal.get(folder_id)
            lists.append(
                {
                    "id": folder_id,
                    "title": folder.Title() if folder is not None else folder_id,
                    "url": home_page.folder_url(folder_id),
                    "entries": home_page.latest_news(folder_id, LIST_SIZE),
                }
            )
        return lists


class HowToView(BrowserView):
    """使用指南: finding, applying and tracking, with screenshots of the hall."""

    def steps(self):
        """Return the steps of the page with their links and screenshots.

        :returns: a list of dicts with ``title``, ``text``, ``caption``,
            ``link_text``, ``url`` and the screenshots' URLs ``desktop`` and
            ``phone``.
        """
        portal_url = api.portal.get().absolute_url()
        static = f"{portal_url}/++plone++zyzwfw/how-to"
        return [
            {
                "title": title,
                "text": text,
                "caption": caption,
                "link_text": link_text,
                "url": f"{portal_url}/{path}",
                "desktop": f"{static}/{name}-desktop.png",
                "phone": f"{static}/{name}-phone.png",
            }
            for name, path, title, text, caption, link_text in HOW_TO_STEPS
        ]
