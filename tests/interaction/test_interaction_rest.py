"""The REST services of questions and complaints, and @workflow with their guards."""

from aiosmtpd.controller import Controller
from interaction_helpers import ANSWER
from interaction_helpers import PASSWORD
from interaction_helpers import QUESTION
from interaction_helpers import stored
from plone import api

import base64
import email
import email.policy
import pytest
import requests
import socket
import time
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def post(url, body, user=None, data=None):
    """POST JSON as someone, anonymous without a user."""
    return requests.post(
        url,
        json=body,
        data=data,
        headers=JSON,
        auth=(user, PASSWORD) if user else None,
        timeout=60,
    )


def fields_of(answer):
    return {
        entry["field"]: entry["message"] for entry in answer.json()["error"]["fields"]
    }


class TestConsult:
    """POST @consult on an item and on the site."""

    def test_created_on_item(self, web_hall):
        """201 with the number; the question goes to the item's department."""
        answer = post(
            f"{web_hall['item_a'].absolute_url()}/@consult",
            {"question": QUESTION, "mobile": "13800000001", "consent": True},
        )
        assert answer.status_code == 201
        number = answer.json()["number"]
        assert number.startswith("ZX")
        consultation = stored("Consultation")[0]
        assert answer.json()["@id"] == consultation.absolute_url()
        assert consultation.number == number
        assert consultation.department_uid == web_hall["department_a"].UID()
        assert consultation.consent is True

    def test_created_on_site_as_member(self, web_hall):
        """A member asks a general question without contact details."""
        answer = post(
            f"{web_hall['portal'].absolute_url()}/@consult",
            {"question": QUESTION},
            user="citizen",
        )
        assert answer.status_code == 201
        assert stored("Consultation")[0].department_uid is None

    def test_field_errors_in_chinese(self, web_hall):
        """400 names each wrong field in Chinese, and nothing is stored."""
        answer = post(
            f"{web_hall['item_a'].absolute_url()}/@consult",
            {"question": "", "mobile": "12345", "consent": "yes"},
        )
        assert answer.status_code == 400
        fields = fields_of(answer)
        assert set(fields) == {"question", "mobile", "consent"}
        assert "请填写" in fields["question"]
        assert "11" in fields["mobile"]
        assert stored("Consultation") == []

    def test_not_json(self, web_hall):
        """A body that is no JSON object is refused."""
        answer = post(
            f"{web_hall['portal'].absolute_url()}/@consult", None, data="不是JSON"
        )
        assert answer.status_code == 400

    def test_rate_limited(self, web_hall):
        """The sixth question of a client within the hour is refused with 429."""
        url = f"{web_hall['portal'].absolute_url()}/@consult"
        body = {"question": QUESTION, "email": "a@example.cn"}
        for _i in range(5):
            assert post(url, body).status_code == 201
        answer = post(url, body)
        assert answer.status_code == 429
        assert "分钟" in answer.json()["error"]["message"]
        assert len(stored("Consultation")) == 5

    def test_honeypot(self, web_hall):
        """A body that fills the honeypot is refused."""
        answer = post(
            f"{web_hall['portal'].absolute_url()}/@consult",
            {"question": QUESTION, "mobile": "13800000001", "website": "x"},
        )
        assert answer.status_code == 400
        assert stored("Consultation") == []


class TestWorkflowEndpoint:
    """Staff use the standard @workflow endpoint; the guards hold there too."""

    def ask(self, web_hall, consent=True):
        answer = post(
            f"{web_hall['item_a'].absolute_url()}/@consult",
            {"question": QUESTION, "mobile": "13800000001", "consent": consent},
        )
        return answer.json()["@id"]

    def test_answer_and_publish(self, web_hall):
        """The department answers and publishes through @workflow."""
        url = self.ask(web_hall)
        answer = post(f"{url}/@workflow/answer", {"comment": ANSWER}, "staff_a")
        assert answer.status_code == 200
        answer = post(f"{url}/@workflow/publish", {}, "staff_a")
        assert answer.status_code == 200
        assert api.content.get_state(obj=stored("Consultation")[0]) == "published"

    def test_other_department_refused(self, web_hall):
        """Staff of another department cannot answer."""
        url = self.ask(web_hall)
        answer = post(f"{url}/@workflow/answer", {"comment": ANSWER}, "staff_b")
        assert answer.status_code in (401, 403, 404)
        assert stored("Consultation")[0].answer == ""

    def test_empty_answer_refused(self, web_hall):
        """An answer without text is refused with a Chinese message."""
        url = self.ask(web_hall)
        answer = post(f"{url}/@workflow/answer", {}, "staff_a")
        assert answer.status_code == 400
        assert "答复" in answer.json()["error"]["message"]

    def test_publish_without_consent_refused(self, web_hall):
        """Publishing without the asker's consent is refused."""
        url = self.ask(web_hall, consent=False)
        post(f"{url}/@workflow/answer", {"comment": ANSWER}, "staff_a")
        answer = post(f"{url}/@workflow/publish", {}, "staff_a")
        assert answer.status_code == 400
        assert "同意" in answer.json()["error"]["message"]
        assert api.content.get_state(obj=stored("Consultation")[0]) == "answered"

    def test_route_with_department_in_body(self, web_hall):
        """The centre routes with the department in the body of @workflow/route."""
        answer = post(
            f"{web_hall['portal'].absolute_url()}/@consult",
            {"question": QUESTION, "mobile": "13800000001"},
        )
        url = answer.json()["@id"]
        answer = post(f"{url}/@workflow/route", {"department": "qxj"}, "reviewer")
        assert answer.status_code == 200
        consultation = stored("Consultation")[0]
        assert consultation.department_uid == web_hall["department_b"].UID()


class TestComplain:
    """POST @complain."""

    def test_created_with_code(self, web_hall):
        """201 with the number and the follow-up code."""
        answer = post(
            f"{web_hall['portal'].absolute_url()}/@complain",
            {
                "subject": "窗口人员态度差",
                "text": "办理时窗口人员不耐烦。",
                "department": "zjj",
                "attachments": [
                    {
                        "filename": "证据.pdf",
                        "data": base64.b64encode(PDF).decode("ascii"),
                    }
                ],
            },
        )
        assert answer.status_code == 201
        data = answer.json()
        assert data["number"].startswith("TS") and len(data["code"]) == 8
        complaint = stored("Complaint")[0]
        assert complaint.suggested_department_uid == web_hall["department_a"].UID()
        assert len(complaint.attachments) == 1

    def test_field_errors(self, web_hall):
        """Missing subject, unknown application and bad mobile are each named."""
        answer = post(
            f"{web_hall['portal'].absolute_url()}/@complain",
            {"text": "内容", "application_number": "ZY2026000999", "mobile": "1"},
        )
        assert answer.status_code == 400
        fields = fields_of(answer)
        assert set(fields) == {"subject", "application_number", "mobile"}
        assert "ZY2026000999" in fields["application_number"]
        assert stored("Complaint") == []

    def test_disguised_attachment(self, web_hall):
        """An attachment that is a web page is refused."""
        fake = base64.b64encode(b"<html><script>1</script></html>").decode("ascii")
        answer = post(
            f"{web_hall['portal'].absolute_url()}/@complain",
            {
                "subject": "主题",
                "text": "内容",
                "attachments": [{"filename": "a.pdf", "data": fake}],
            },
        )
        assert answer.status_code == 400
        assert "attachments.0" in fields_of(answer)

    def test_anonymous_cannot_read_complaint(self, web_hall):
        """Complaints are never public, not even to the complainant without login."""
        answer = post(
            f"{web_hall['portal'].absolute_url()}/@complain",
            {"subject": "主题", "text": "内容"},
        )
        url = answer.json()["@id"]
        assert requests.get(url, headers=JSON, timeout=60).status_code in (401, 403)


# Notifications by real mail


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class MailSink:
    """A real SMTP server on 127.0.0.1 that keeps what it receives."""

    def __init__(self):
        self.messages = []
        self.controller = Controller(self, hostname="127.0.0.1", port=free_port())

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            (
                envelope.rcpt_tos,
                email.message_from_bytes(
                    envelope.original_content, policy=email.policy.default
                ),
            )
        )
        return "250 Message accepted for delivery"


@pytest.fixture
def mail(web_hall):
    """The functional site's mail going to a local SMTP server."""
    sink = MailSink()
    sink.controller.start()
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", sink.controller.port)
    api.portal.set_registry_record("plone.email_from_address", "zwfw@example.cn")
    api.portal.set_registry_record("plone.email_from_name", "资阳市政务服务中心")
    transaction.commit()
    yield sink
    sink.controller.stop()


def wait_for(sink, count):
    for _i in range(100):
        if len(sink.messages) >= count:
            return
        time.sleep(0.05)


class TestNotifications:
    """The asker and the complainant hear by e-mail."""

    def test_asker_gets_the_answer_by_mail(self, web_hall, mail):
        """The anonymous asker's e-mail receives the receipt, then the answer."""
        answer = post(
            f"{web_hall['item_a'].absolute_url()}/@consult",
            {"question": QUESTION, "email": "asker@example.cn"},
        )
        url = answer.json()["@id"]
        wait_for(mail, 1)
        post(f"{url}/@workflow/answer", {"comment": ANSWER}, "staff_a")
        wait_for(mail, 2)
        assert [rcpt for rcpt, _message in mail.messages] == [
            ["asker@example.cn"],
            ["asker@example.cn"],
        ]
        last = mail.messages[-1][1]
        assert "已答复" in last["Subject"]
        assert ANSWER in last.get_content()

    def test_complainant_gets_the_reply_by_mail(self, web_hall, mail):
        """The complainant's e-mail receives the code and the department's reply."""
        answer = post(
            f"{web_hall['portal'].absolute_url()}/@complain",
            {"subject": "主题", "text": "内容", "email": "c@example.cn"},
        )
        url, code = answer.json()["@id"], answer.json()["code"]
        wait_for(mail, 1)
        assert code in mail.messages[0][1].get_content()
        post(f"{url}/@workflow/assign", {"department": "zjj"}, "reviewer")
        post(f"{url}/@workflow/resolve", {"comment": "已约谈并整改。"}, "staff_a")
        wait_for(mail, 3)
        assert "已约谈并整改。" in mail.messages[-1][1].get_content()
