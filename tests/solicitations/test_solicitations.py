"""Opinion solicitations: the window, the stored answers, the export, the results."""

from io import BytesIO
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from zyzwfw import solicitations
from zyzwfw.setuphandlers.demo_opinions import create_solicitation
from zyzwfw.setuphandlers.demo_opinions import load_solicitations
from zyzwfw.setuphandlers.demo_opinions import REGULATION_FIELDS

import datetime
import lxml.html
import openpyxl
import pytest
import requests
import transaction
import zoneinfo


MANAGER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")
OPENING = datetime.datetime(2026, 3, 2, 9, 0)
CLOSING = datetime.datetime(2026, 3, 31, 17, 30)


def aware(moment):
    return moment.replace(tzinfo=ZONE)


@pytest.fixture
def opinions(portal):
    api.portal.set_registry_record("plone.portal_timezone", "Asia/Shanghai")
    return portal["opinions"]


@pytest.fixture
def form(opinions):
    with api.env.adopt_roles(["Manager"]):
        return create_solicitation(
            opinions,
            "draft",
            "征求意见",
            REGULATION_FIELDS,
            topic="《办法（征求意见稿）》",
            opening=OPENING,
            closing=CLOSING,
        )


class TestFolder:
    def test_created_at_install(self, portal):
        """The site has the 意见征集 folder, published, for easyform forms only."""
        folder = portal["opinions"]
        assert folder.Title() == "意见征集"
        assert api.content.get_state(obj=folder, default="published") == "published"
        assert "Anonymous" in {
            role["name"]
            for role in folder.rolesOfPermission("View")
            if role["selected"]
        } or folder.acquiredRolesAreUsedBy("View")
        with api.env.adopt_roles(["Manager"]):
            allowed = ISelectableConstrainTypes(folder).getLocallyAllowedTypes()
        assert allowed == ["EasyForm"]

    def test_publishers(self, portal):
        """The centre's reviewers and each department's editors add forms there."""
        from zyzwfw import departments

        with api.env.adopt_roles(["Manager"]):
            department = api.content.create(
                container=portal["departments"],
                type="Department",
                id="sjj",
                title="市审计局",
                short_code="sjj",
            )
            api.user.create(
                email="e@example.cn", username="sjj-editor", password="x" * 12
            )
            departments.add_editor(department, "sjj-editor")
        folder = portal["opinions"]
        roles = dict(folder.get_local_roles())
        assert "Contributor" in roles[departments.REVIEWERS_GROUP]
        assert "Contributor" in roles["sjj-editors"]
        assert api.user.has_permission(
            "collective.easyform: Add Content", username="sjj-editor", obj=folder
        )

    def test_demo(self, portal):
        """The demonstration adds an open solicitation and a closed survey."""
        with api.env.adopt_roles(["Manager"]):
            assert load_solicitations(portal) == 2
            assert load_solicitations(portal) == 0
        rows = solicitations.listing(portal["opinions"])
        assert [row["state"] for row in rows] == ["open", "closed"]
        closed = portal["opinions"]["dating-manyidu-diaocha"]
        assert solicitations.results(closed)["total"] == 5


class TestWindow:
    @pytest.mark.parametrize(
        "moment, expected",
        [
            (OPENING - datetime.timedelta(seconds=1), "upcoming"),
            (OPENING, "open"),
            (CLOSING - datetime.timedelta(seconds=1), "open"),
            (CLOSING, "closed"),
            (CLOSING + datetime.timedelta(days=100), "closed"),
        ],
    )
    def test_boundaries(self, form, moment, expected):
        """The window opens at its opening and closes at its closing, exactly."""
        assert solicitations.state(form, aware(moment)) == expected
        assert (solicitations.refusal(form, aware(moment)) is None) == (
            expected == "open"
        )

    def test_no_window_always_open(self, form):
        form.opening = form.closing = None
        assert solicitations.state(form) == "open"


class TestResults:
    def test_counts_per_choice(self, form):
        """Answers are counted per choice, several for a multiple choice."""
        action = solicitations.save_data_action(form)
        for identity, agreement, concerns in (
            ("person", "agree", {"online", "limits"}),
            ("person", "mostly", {"online"}),
            ("company", "agree", set()),
        ):
            action.addDataRow(
                {"identity": identity, "agreement": agreement, "concerns": concerns}
            )
        found = solicitations.results(form)
        assert found["total"] == 3
        by_title = {
            question["title"]: {c["title"]: c["count"] for c in question["choices"]}
            for question in found["questions"]
        }
        assert by_title["您的身份"] == {"个人": 2, "企业": 1, "公职人员": 0, "其他": 0}
        assert by_title["您对《办法》的总体意见"]["赞同"] == 2
        assert by_title["您最关心的内容（可多选）"] == {
            "全程网办事项范围": 2,
            "申请材料精简": 0,
            "办理时限": 1,
            "个人信息保护": 0,
        }
        identity = found["questions"][0]
        assert [c["percent"] for c in identity["choices"]] == [67, 33, 0, 0]


# Through the browser


@pytest.fixture
def web_form(functional_portal):
    api.portal.set_registry_record("plone.portal_timezone", "Asia/Shanghai")
    api.portal.set_registry_record("plone.default_language", "zh-cn")
    now = datetime.datetime.now(ZONE).replace(tzinfo=None)
    with api.env.adopt_roles(["Manager"]):
        form = create_solicitation(
            functional_portal["opinions"],
            "draft",
            "征求意见",
            REGULATION_FIELDS,
            topic="《办法（征求意见稿）》",
            opening=now - datetime.timedelta(days=1),
            closing=now + datetime.timedelta(days=1),
        )
        if api.content.get_state(obj=form, default=None) not in (None, "published"):
            api.content.transition(obj=form, to_state="published")
    transaction.commit()
    return form


def answer(url, values=None):
    """Fill in and send the form as an anonymous visitor."""
    session = requests.Session()
    page = lxml.html.fromstring(session.get(url, timeout=60).text)
    found = page.xpath('//form[@id="form"]')
    assert found, "the form is not shown"
    form = found[0]
    chosen = {
        "form.widgets.identity": "person",
        "form.widgets.agreement": "agree",
        "form.widgets.concerns": ["online", "privacy"],
        "form.widgets.opinion": "建议扩大全程网办范围。",
    }
    chosen.update(values or {})
    fields = [pair for pair in form.form_values() if base(pair[0]) not in chosen]
    for name, value in chosen.items():
        for item in value if isinstance(value, list) else [value]:
            fields.append((name, item))
    fields.append(("form.buttons.submit", "提交意见"))
    return session.post(form.action or url, data=fields, timeout=60)


def base(name):
    """Return an input's name without ZPublisher's ``:list`` converter."""
    return name.split(":", 1)[0]


def move_window(form, opening, closing):
    transaction.begin()
    form.opening, form.closing = opening, closing
    transaction.commit()


def stored(form):
    transaction.begin()
    return len(solicitations.answers(form))


class TestAnswering:
    def test_answer_saved_while_open(self, web_form):
        """An answer in the window is stored by the save-data action."""
        response = answer(web_form.absolute_url())
        assert response.status_code == 200
        page = lxml.html.fromstring(response.text)
        assert page.xpath('//*[contains(@class, "easyform-thankspage")]')
        assert stored(web_form) == 1
        row = solicitations.answers(web_form)[0]
        assert row["identity"] == "person"
        assert set(row["concerns"]) == {"online", "privacy"}

    def test_closed_refused(self, web_form):
        """An answer sent after the closing is refused in Chinese, not stored."""
        url = web_form.absolute_url()
        session_page = requests.get(url, timeout=60)
        assert session_page.status_code == 200
        now = datetime.datetime.now(ZONE).replace(tzinfo=None)
        # The form was loaded while open; the window closes before it is sent.
        response = answer_after_change(
            web_form,
            now - datetime.timedelta(days=2),
            now - datetime.timedelta(minutes=1),
        )
        assert response.status_code == 400
        assert "已于" in response.text and "截止" in response.text
        assert stored(web_form) == 0

    def test_upcoming_refused(self, web_form):
        """An answer sent before the opening is refused, not stored."""
        now = datetime.datetime.now(ZONE).replace(tzinfo=None)
        response = answer_after_change(
            web_form,
            now + datetime.timedelta(minutes=5),
            now + datetime.timedelta(days=3),
        )
        assert response.status_code == 400
        assert "将于" in response.text and "开始" in response.text
        assert stored(web_form) == 0

    def test_closed_page_shows_results_not_the_form(self, web_form):
        """After closing, anyone reads the results and finds no form."""
        answer(web_form.absolute_url())
        answer(web_form.absolute_url(), {"form.widgets.identity": "company"})
        now = datetime.datetime.now(ZONE).replace(tzinfo=None)
        move_window(
            web_form, now - datetime.timedelta(days=3), now - datetime.timedelta(days=1)
        )
        response = requests.get(web_form.absolute_url(), timeout=60)
        page = lxml.html.fromstring(response.text)
        assert page.xpath('//form[@id="form"]') == []
        results = page.xpath('//section[contains(@class, "hall-solicitation-results")]')
        assert results
        rows = {
            row.xpath("./th")[0].text_content().strip(): row.xpath("./td")[0]
            .text_content()
            .strip()
            for row in results[0].xpath(".//table")[0].xpath(".//tr")
        }
        assert rows["个人"] == "1" and rows["企业"] == "1"

    def test_open_page_hides_results_from_the_public(self, web_form):
        answer(web_form.absolute_url())
        response = requests.get(web_form.absolute_url(), timeout=60)
        assert "hall-solicitation-results" not in response.text


def answer_after_change(form, opening, closing):
    """Load the form while open, then move the window, then send it."""
    url = form.absolute_url()
    session = requests.Session()
    page = lxml.html.fromstring(session.get(url, timeout=60).text)
    html_form = page.xpath('//form[@id="form"]')[0]
    move_window(form, opening, closing)
    fields = [
        pair
        for pair in html_form.form_values()
        if base(pair[0]) not in ("form.widgets.identity", "form.widgets.agreement")
    ]
    fields += [
        ("form.widgets.identity", "person"),
        ("form.widgets.agreement", "agree"),
        ("form.buttons.submit", "提交意见"),
    ]
    return session.post(html_form.action or url, data=fields, timeout=60)


class TestExport:
    def test_spreadsheet_opens(self, web_form):
        """The answers download as an XLSX with the questions and the choices."""
        answer(web_form.absolute_url())
        answer(
            web_form.absolute_url(),
            {"form.widgets.identity": "company", "form.widgets.concerns": ["limits"]},
        )
        response = requests.get(
            f"{web_form.absolute_url()}/@@solicitation-export", auth=MANAGER, timeout=60
        )
        assert response.status_code == 200
        assert "spreadsheetml" in response.headers["Content-Type"]
        sheet = openpyxl.load_workbook(BytesIO(response.content)).active
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        assert rows[0] == [
            "您的身份",
            "您对《办法》的总体意见",
            "您最关心的内容（可多选）",
            "具体意见和建议",
        ]
        assert rows[1][0] == "个人"
        assert (
            rows[1][2] == "个人信息保护、全程网办事项范围"
            or "全程网办事项范围" in rows[1][2]
        )
        assert rows[2][0] == "企业"
        assert rows[2][2] == "办理时限"
        assert len(rows) == 3

    def test_anonymous_cannot_export(self, web_form):
        response = requests.get(
            f"{web_form.absolute_url()}/@@solicitation-export",
            timeout=60,
            allow_redirects=False,
        )
        assert response.status_code in (302, 401, 403)
