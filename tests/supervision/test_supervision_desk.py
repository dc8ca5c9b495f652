"""The supervision desk and supervision orders, through the pages people use."""

from application_helpers import PASSWORD
from application_helpers import PERSON
from conftest import set_step_due
from conftest import SHANGHAI
from zyzwfw import applications
from zyzwfw import supervision

import datetime
import lxml.html
import pytest
import requests
import transaction


TODAY = datetime.datetime.now(SHANGHAI).date()


class Browser:
    """Someone at a browser, logged in with HTTP Basic authentication."""

    def __init__(self, user_id=None):
        self.session = requests.Session()
        if user_id:
            self.session.auth = (user_id, PASSWORD)
        self.response = None

    def open(self, url, **params):
        self.response = self.session.get(url, params=params or None)
        return lxml.html.fromstring(self.response.text, base_url=self.response.url)

    def submit(self, form, values=(), button=None):
        fields = dict(form.form_values())
        fields.update(dict(values))
        if button:
            fields[button[0]] = button[1]
        self.response = self.session.post(form.action, data=fields)
        return lxml.html.fromstring(self.response.text, base_url=self.response.url)


def texts(page, css_class):
    return [element.text_content().strip() for element in page.find_class(css_class)]


@pytest.fixture
def late(web_hall, make_web_application):
    """An accepted application of department A, carded red, committed."""
    application = make_web_application("accepted")
    set_step_due(application, TODAY - datetime.timedelta(days=7))
    supervision.evaluate()
    transaction.commit()
    return application


def desk_url(hall):
    return f"{hall['portal'].absolute_url()}/@@supervision"


class TestDesk:
    def test_cards_by_department_and_rule(self, web_hall, late):
        browser = Browser("supervisor")
        page = browser.open(desk_url(web_hall))
        assert browser.response.status_code == 200
        [table] = page.find_class("hall-supervision-counts")
        headers = [th.text_content().strip() for th in table.xpath(".//thead//th")]
        assert headers[0] == "部门"
        assert len(headers) == 5
        [row] = table.xpath(".//tbody/tr")
        cells = [cell.text_content().strip() for cell in row.xpath("./*")]
        assert cells == ["市住房和城乡建设局", "0", "1", "0", "1"]
        assert late.number in page.text_content()

    def test_date_range_filters(self, web_hall, late):
        browser = Browser("supervisor")
        tomorrow = TODAY + datetime.timedelta(days=1)
        page = browser.open(desk_url(web_hall), start=tomorrow.isoformat())
        assert not page.find_class("hall-supervision-counts")
        assert late.number not in page.text_content()

    @pytest.mark.parametrize("person", ["staff_a", "applicant", "editor_a"])
    def test_closed_to_others(self, web_hall, late, person):
        browser = Browser(person)
        page = browser.open(desk_url(web_hall))
        # Plone answers with its "insufficient privileges" page.
        assert "insufficient-privileges" in browser.response.url
        assert not page.find_class("hall-supervision")
        assert late.number not in page.text_content()

    def test_anonymous_refused(self, web_hall, late):
        browser = Browser()
        browser.open(desk_url(web_hall))
        assert "hall-supervision" not in browser.response.text

    def test_timeline(self, web_hall, late):
        browser = Browser("supervisor")
        page = browser.open(desk_url(web_hall), case=late.number)
        steps = page.find_class("hall-timeline-step")
        titles = [step.xpath(".//strong")[0].text_content() for step in steps]
        assert titles[-1] == "超期"
        assert titles[:3] == ["创建", "提交申请", "受理"]
        accept = steps[titles.index("受理")]
        assert "staff_a 全名" in accept.text_content()
        assert "accept 的理由" in accept.text_content()
        # The applicant's personal data stays on the application's own page.
        assert PERSON["id_number"] not in page.text_content()

    def test_unknown_case(self, web_hall, late):
        page = Browser("supervisor").open(desk_url(web_hall), case="ZY2099999999")
        assert "没有" in page.find_class("hall-empty")[0].text_content()


def send_order(browser, hall, application, text, reply_due):
    page = browser.open(desk_url(hall), case=application.number)
    [form] = page.find_class("hall-supervision-order")
    return browser.submit(
        form,
        values=[("text", text), ("reply_due", reply_due)],
        button=("send-order", "1"),
    )


class TestOrders:
    def test_sent_replied_and_recorded(self, web_hall, late):
        supervisor = Browser("supervisor")
        due = (applications.hall_now().date() + datetime.timedelta(days=3)).isoformat()
        page = send_order(supervisor, web_hall, late, "请说明超期原因并尽快办结。", due)
        assert "督办" in page.text_content()
        transaction.begin()
        [order] = supervision.orders()
        assert order.status == "open"
        assert order.number == late.number
        assert order.sender == "supervisor"

        # The desk lists it as open.
        page = supervisor.open(desk_url(web_hall))
        section = page.get_element_by_id("supervision-open-orders")
        assert late.number in section.text_content()

        # The department's staff see it on their worklist and reply.
        staff = Browser("staff_a")
        page = staff.open(f"{web_hall['portal'].absolute_url()}/worklist")
        box = page.get_element_by_id("supervision-orders")
        assert "请说明超期原因" in box.text_content()
        [form] = box.xpath(".//form")
        page = staff.submit(form, values=[("reply", "材料核查中，明日办结。")])
        assert staff.response.status_code == 200
        transaction.begin()
        [order] = supervision.orders()
        assert order.status == "replied"
        assert order.reply == "材料核查中，明日办结。"
        assert order.replier == "staff_a"
        page = staff.open(f"{web_hall['portal'].absolute_url()}/worklist")
        assert not page.xpath('//*[@id="supervision-orders"]')

        # Both are on the case's timeline.
        page = supervisor.open(desk_url(web_hall), case=late.number)
        kinds = [
            step.get("class").split()[1]
            for step in page.find_class("hall-timeline-step")
        ]
        assert kinds[-2:] == ["hall-timeline-order", "hall-timeline-reply"]

    def test_other_department_neither_sees_nor_replies(self, web_hall, late):
        supervisor = Browser("supervisor")
        due = applications.hall_now().date().isoformat()
        send_order(supervisor, web_hall, late, "请说明超期原因。", due)
        transaction.begin()
        [order] = supervision.orders()

        other = Browser("staff_b")
        page = other.open(f"{web_hall['portal'].absolute_url()}/worklist")
        assert not page.xpath('//*[@id="supervision-orders"]')
        # A forged reply with a valid authenticator of its own is refused.
        page = other.open(f"{web_hall['portal'].absolute_url()}/worklist")
        token = page.xpath('//input[@name="_authenticator"]/@value')
        other.session.post(
            f"{web_hall['portal'].absolute_url()}/@@supervision-reply",
            data={
                "order": str(order.id),
                "reply": "不是我们的",
                "_authenticator": token[0] if token else "",
            },
        )
        assert other.response.status_code != 302
        transaction.begin()
        assert supervision.get_record(order.id).status == "open"

    @pytest.mark.parametrize(
        ("text", "days", "message"),
        [
            ("", 3, "请填写内容"),
            ("x" * 2001, 3, "2000"),
            ("请说明。", -1, "回复期限"),
        ],
    )
    def test_bad_order_refused(self, web_hall, late, text, days, message):
        supervisor = Browser("supervisor")
        due = (
            applications.hall_now().date() + datetime.timedelta(days=days)
        ).isoformat()
        page = send_order(supervisor, web_hall, late, text, due)
        errors = " ".join(texts(page, "hall-field-error"))
        assert message in errors
        transaction.begin()
        assert supervision.orders() == []

    def test_supervisor_changes_no_application(self, web_hall, late, web_acting_as):
        with web_acting_as("supervisor"):
            assert applications.available_transitions(late) == []
