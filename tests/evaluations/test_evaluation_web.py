"""Rating an application over HTTP: the ``@evaluate`` service and the pages."""

from application_helpers import PASSWORD
from plone import api

import lxml.html
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def evaluate(application, body, user="applicant"):
    return requests.post(
        f"{application.absolute_url()}/@evaluate",
        json=body,
        headers=JSON,
        auth=(user, PASSWORD) if user else None,
        timeout=60,
    )


def stored_ratings():
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    return len(catalog.unrestrictedSearchResults(portal_type="Evaluation"))


class TestEvaluateService:
    def test_created(self, make_web_application):
        """The applicant's rating answers 201 with its address and number."""
        application = make_web_application("approved")
        response = evaluate(application, {"level": 1, "comment": "窗口服务热情"})
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["number"].startswith("PJ")
        assert body["state"] == "recorded"
        assert response.headers["Location"] == body["@id"]
        rating = requests.get(
            body["@id"], headers=JSON, auth=("applicant", PASSWORD), timeout=60
        )
        assert rating.status_code == 200

    def test_bad_rating_opens_a_case(self, make_web_application):
        """A rating of 5 answers with the rectification state."""
        application = make_web_application("refused")
        response = evaluate(application, {"level": 5, "comment": "态度差"})
        assert response.status_code == 201
        assert response.json()["state"] == "rectifying"

    @pytest.mark.parametrize(
        "body, field",
        [
            ({}, "level"),
            ({"level": 0}, "level"),
            ({"level": "很好"}, "level"),
            ({"level": 2, "comment": "长" * 501}, "comment"),
            ({"level": 2, "comment": 5}, "comment"),
        ],
    )
    def test_field_errors_in_chinese(self, make_web_application, body, field):
        """Wrong fields answer 400, named and explained in Chinese; nothing stored."""
        application = make_web_application("approved")
        response = evaluate(application, body)
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["type"] == "ValidationError"
        assert [entry["field"] for entry in error["fields"]] == [field]
        assert all("\u4e00" <= ch <= "\u9fff" for ch in error["message"][:2])
        assert stored_ratings() == 0

    def test_second_rating_refused(self, make_web_application):
        """The second rating of an application answers 400 in Chinese."""
        application = make_web_application("approved")
        assert evaluate(application, {"level": 1}).status_code == 201
        response = evaluate(application, {"level": 5})
        assert response.status_code == 400
        assert "只能评价一次" in response.json()["error"]["message"]
        assert stored_ratings() == 1

    def test_not_yet_ended_refused(self, make_web_application):
        """An application under way answers 400."""
        application = make_web_application("accepted")
        response = evaluate(application, {"level": 1})
        assert response.status_code == 400
        assert "办结后" in response.json()["error"]["message"]

    def test_staff_forbidden(self, make_web_application):
        """The department's staff see the application but may not rate it."""
        application = make_web_application("approved")
        response = evaluate(application, {"level": 1}, user="staff_a")
        assert response.status_code == 403
        assert "申请人本人" in response.json()["error"]["message"]
        assert stored_ratings() == 0

    @pytest.mark.parametrize("user", [None, "other_citizen"])
    def test_others_refused(self, make_web_application, user):
        """Anonymous visitors and other citizens cannot reach the application."""
        application = make_web_application("approved")
        response = evaluate(application, {"level": 1}, user=user)
        assert response.status_code in (401, 403)
        assert stored_ratings() == 0


class Person:
    """A logged-in browser session that fills in forms."""

    def __init__(self, url, user_id):
        self.session = requests.Session()
        page = self.open(f"{url}/login")
        form = page.get_element_by_id("LoginForm")
        fields = dict(form.form_values())
        fields.update(
            {"__ac_name": user_id, "__ac_password": PASSWORD, "buttons.login": "登录"}
        )
        self.session.post(form.action, data=fields)
        assert "__ac" in self.session.cookies

    def open(self, url):
        self.response = self.session.get(url)
        return lxml.html.fromstring(self.response.text, base_url=self.response.url)

    def submit(self, form, values):
        fields = [pair for pair in form.form_values() if pair[0] not in values]
        fields += list(values.items())
        self.response = self.session.post(form.action, data=fields)
        return lxml.html.fromstring(self.response.text, base_url=self.response.url)


def rating_form(page):
    found = page.xpath('//section[contains(@class, "hall-evaluation")]//form')
    return found[0] if found else None


class TestRatingPages:
    def test_rate_from_the_application_page(self, web_hall, make_web_application):
        """The applicant rates on the application's page and sees the rating there."""
        application = make_web_application("approved")
        person = Person(web_hall["portal"].absolute_url(), "applicant")
        page = person.open(application.absolute_url())
        form = rating_form(page)
        assert form is not None
        labels = [label.text_content().strip() for label in form.xpath(".//label")]
        assert labels[:5] == ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
        page = person.submit(
            form, {"level": "2", "comment": "材料一次讲清楚", "rate": "1"}
        )
        assert person.response.url.rstrip("/") == application.absolute_url()
        assert "感谢您的评价" in page.text_content()
        section = page.xpath('//section[contains(@class, "hall-evaluation")]')[0]
        assert "满意" in section.text_content()
        assert "材料一次讲清楚" in section.text_content()
        assert rating_form(page) is None

    def test_error_shown_at_its_field(self, web_hall, make_web_application):
        """Sending without a level shows the error next to the levels."""
        application = make_web_application("approved")
        person = Person(web_hall["portal"].absolute_url(), "applicant")
        form = rating_form(person.open(application.absolute_url()))
        page = person.submit(form, {"comment": "好", "rate": "1"})
        assert person.response.status_code == 400
        assert "请选择评价等级" in page.text_content()
        assert page.xpath('//textarea[@name="comment"]')[0].text == "好"
        assert stored_ratings() == 0

    def test_second_rating_refused_on_the_page(self, web_hall, make_web_application):
        """A stale form sent a second time is refused with a message."""
        application = make_web_application("approved")
        person = Person(web_hall["portal"].absolute_url(), "applicant")
        form = rating_form(person.open(application.absolute_url()))
        person.submit(form, {"level": "1", "rate": "1"})
        page = person.submit(form, {"level": "5", "rate": "1"})
        assert "只能评价一次" in page.text_content()
        assert stored_ratings() == 1

    def test_no_invitation_before_the_end(self, web_hall, make_web_application):
        """An application under way has no rating form."""
        application = make_web_application("accepted")
        person = Person(web_hall["portal"].absolute_url(), "applicant")
        assert rating_form(person.open(application.absolute_url())) is None

    def test_staff_not_invited(self, web_hall, make_web_application):
        """The staff's view of an ended application has no rating form."""
        application = make_web_application("approved")
        person = Person(web_hall["portal"].absolute_url(), "staff_a")
        assert rating_form(person.open(application.absolute_url())) is None

    def test_my_applications_invites(self, web_hall, make_web_application):
        """My applications offers to rate ended applications until rated."""
        application = make_web_application("approved")
        url = web_hall["portal"].absolute_url()
        person = Person(url, "applicant")
        page = person.open(f"{url}/my-applications")
        links = page.xpath('//a[contains(@href, "@@evaluate")]')
        assert [link.get("href") for link in links] == [
            f"{application.absolute_url()}/@@evaluate"
        ]
        form = person.open(links[0].get("href")).xpath(
            '//form[contains(@action, "@@evaluate")]'
        )[0]
        person.submit(form, {"level": "3", "rate": "1"})
        assert stored_ratings() == 1
        page = person.open(f"{url}/my-applications")
        assert page.xpath('//a[contains(@href, "@@evaluate")]') == []
