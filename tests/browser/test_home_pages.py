"""The home page, the news and notices, the open section and the how-to page."""

from catalogue_content import build_catalogue
from pathlib import Path
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from zope.component import getMultiAdapter
from zope.interface import alsoProvides
from zyzwfw.browser.open import HOW_TO_STEPS
from zyzwfw.interfaces import IZyzwfwLayer
from zyzwfw.setuphandlers.news import NEWS_EDITORS

import pytest
import re


STATIC = Path(__file__).parents[2] / "src" / "zyzwfw" / "browser" / "static"


@pytest.fixture
def hall(portal):
    """The test catalogue, with a news editor; the test runs anonymously."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    build_catalogue(portal)
    api.user.create(email="news@example.cn", username="news-writer", password="x" * 12)
    api.group.add_user(groupname=NEWS_EDITORS, username="news-writer")
    setRoles(portal, TEST_USER_ID, ["Member"])
    logout()
    yield portal
    login(portal, TEST_USER_NAME)


def render(portal, name, context=None):
    """Render a view as the hall's pages are rendered."""
    request = portal.REQUEST
    alsoProvides(request, IZyzwfwLayer)
    return getMultiAdapter((context or portal, request), name=name)()


def write_news(portal, folder_id, title):
    """The news editor writes a News Item and submits it for review."""
    with api.env.adopt_user(username="news-writer"):
        entry = api.content.create(
            container=portal[folder_id], type="News Item", title=title
        )
        api.content.transition(obj=entry, transition="submit")
    return entry


class TestNewsWorkflow:
    def test_folders_take_news_items_only(self, hall):
        """政务动态 and 通知公告 hold News Items and nothing else."""
        for folder_id in ("news", "notices"):
            folder = hall[folder_id]
            with api.env.adopt_roles(["Manager"]):
                allowed = [fti.getId() for fti in folder.allowedContentTypes()]
            assert allowed == ["News Item"]

    def test_editor_writes_centre_publishes(self, hall):
        """A submitted news item waits for the centre and is not shown."""
        entry = write_news(hall, "news", "窗口延长服务时间")
        assert api.content.get_state(obj=entry) == "pending"
        assert "窗口延长服务时间" not in render(hall, "hall-home")

        with api.env.adopt_roles(["Reviewer"]):
            api.content.transition(obj=entry, transition="publish")
        assert "窗口延长服务时间" in render(hall, "hall-home")

    def test_editor_cannot_publish(self, hall):
        """The publish transition is the centre's alone."""
        entry = write_news(hall, "notices", "停电通知")
        with api.env.adopt_user(username="news-writer"):
            transitions = [
                transition["id"]
                for transition in api.portal.get_tool(
                    "portal_workflow"
                ).getTransitionsFor(entry)
            ]
        assert "publish" not in transitions


class TestHomePage:
    def test_has_every_block(self, hall):
        """Search, look-up, windows, themes, volume, news and notices."""
        html = render(hall, "hall-home")
        for text in (
            'role="search"',
            'name="number"',
            "hall-windows",
            "hall-theme-link",
            "hall-volume-count",
            'id="hall-news-title"',
            'id="hall-notices-title"',
        ):
            assert text in html
        assert len(re.findall(r"<h1[\s>]", html)) == 1

    def test_windows_lead_to_departments(self, hall):
        """Every published department is a window of the grid."""
        html = render(hall, "hall-home")
        for department in api.content.find(portal_type="Department"):
            assert f'href="{department.getURL()}"' in html

    def test_themes_filter_the_catalogue(self, hall):
        """A theme's link is the catalogue filtered by that theme."""
        html = render(hall, "hall-home")
        assert "/guide?theme=" in html


class TestOpenSection:
    def test_lists_published_news_and_notices(self, hall):
        """The section lists what the centre published, in both folders."""
        news = write_news(hall, "news", "大厅新增自助服务区")
        notice = write_news(hall, "notices", "端午节放假通知")
        with api.env.adopt_roles(["Reviewer"]):
            api.content.transition(obj=news, transition="publish")
            api.content.transition(obj=notice, transition="publish")
        html = render(hall, "open")
        assert "大厅新增自助服务区" in html
        assert "端午节放假通知" in html
        assert "/how-to" in html

    def test_how_to_walks_through_with_pictures(self, hall):
        """Each step has its picture at both widths, with a text alternative."""
        html = render(hall, "how-to")
        assert html.count('class="hall-how-to-step"') == len(HOW_TO_STEPS)
        for name, *_rest in HOW_TO_STEPS:
            for viewport in ("desktop", "phone"):
                assert f"how-to/{name}-{viewport}.png" in html
                png = STATIC / "how-to" / f"{name}-{viewport}.png"
                assert png.read_bytes().startswith(b"\x89PNG")
        pictures = re.findall(r"<img[^>]*how-to/[^>]*>", html)
        assert len(pictures) == len(HOW_TO_STEPS)
        assert all(re.search(r'\salt="[^"]+"', img) for img in pictures)
