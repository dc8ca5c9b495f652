"""The notification channels: message list, e-mail after commit, SMS, retries."""

from aiosmtpd.controller import Controller
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from zope.component import getUtility
from zope.component import queryUtility
from zope.interface import alsoProvides
from zope.schema.interfaces import IVocabularyFactory
from zyzwfw import _
from zyzwfw import notifications
from zyzwfw.interfaces import IZyzwfwLayer
from zyzwfw.notifications import DeliveryError
from zyzwfw.notifications import ISMSGateway
from zyzwfw.notifications import Recipient

import email
import email.policy
import http.server
import json
import logging
import lxml.html
import pytest
import requests
import socket
import threading
import transaction


CITIZEN = Recipient(
    user_id="citizen", name="张三", email="zhangsan@example.cn", mobile="13812345678"
)
SUBJECT = "您的办件ZY2026000123已受理"
BODY = "您申请的“个体工商户设立登记”已受理，承诺3个工作日内办结。"
LINK = "http://nohost/plone/my-applications/ZY2026000123"


def free_port():
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class MailSink:
    """A real SMTP server on 127.0.0.1 that keeps what it receives."""

    def __init__(self, port):
        self.port = port
        self.messages = []
        self.controller = None

    async def handle_DATA(self, server, session, envelope):
        """Keep the message, parsed, with its envelope recipients."""
        message = email.message_from_bytes(
            envelope.original_content, policy=email.policy.default
        )
        self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted for delivery"

    def start(self):
        """Start listening."""
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        """Stop listening; connections are refused until the next start."""
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


def text_of(message):
    """Return the decoded text of a received e-mail, with plain line ends."""
    return message.get_content().replace("\r\n", "\n")


class GatewayHandler(http.server.BaseHTTPRequestHandler):
    """Answers each POST with ``server.status`` and keeps the request."""

    def do_POST(self):
        length = int(self.headers["Content-Length"])
        self.server.received.append(
            {
                "path": self.path,
                "headers": dict(self.headers),
                "json": json.loads(self.rfile.read(length).decode("utf-8")),
            }
        )
        self.send_response(self.server.status)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format, *args):
        """Keep the test output quiet."""


@pytest.fixture
def smtp_server():
    """A running local SMTP server, stopped after the test."""
    sink = MailSink(free_port())
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def sms_server():
    """A local HTTP server standing in for the SMS provider's JSON API."""
    server = http.server.HTTPServer(("127.0.0.1", 0), GatewayHandler)
    server.received = []
    server.status = 200
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}/sms/send"
    yield server
    server.shutdown()
    server.server_close()


def configure_mail(port):
    """Point the site's mail settings at ``port`` and give them a sender address."""
    # Plone's MailHost takes its server from the mail control panel's records.
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", port)
    api.portal.set_registry_record("plone.email_from_address", "zwfw@ziyang.example.cn")
    api.portal.set_registry_record("plone.email_from_name", "资阳市政务服务中心")


def use_http_gateway(url):
    """Send SMS through the HTTP gateway at ``url``."""
    api.portal.set_registry_record("zyzwfw.notifications.sms_gateway", "http")
    api.portal.set_registry_record("zyzwfw.notifications.sms_url", url)
    api.portal.set_registry_record("zyzwfw.notifications.sms_api_key", "secret-key")
    api.portal.set_registry_record("zyzwfw.notifications.sms_signature", "资阳政务")


@pytest.fixture
def mail_site(functional_portal, smtp_server):
    """The functional site, its MailHost sending to ``smtp_server``, committed.

    The functional layer stacks a storage per test, so what the test commits is
    thrown away after it.
    """
    configure_mail(smtp_server.port)
    transaction.commit()
    return functional_portal


@pytest.fixture
def mail_portal(portal):
    """The integration site with a sender address, its MailHost on a dead port."""
    configure_mail(free_port())
    return portal


def only_email(recipient=CITIZEN):
    """Return ``recipient`` without a mobile number."""
    return Recipient(recipient.user_id, recipient.name, recipient.email, "")


def only_mobile(recipient=CITIZEN):
    """Return ``recipient`` without an e-mail address."""
    return Recipient(recipient.user_id, recipient.name, "", recipient.mobile)


class TestMessageList:
    def test_stored_unread(self, portal):
        """A notification is filed, unread, in the person's message list."""
        message_id = notifications.notify(
            only_email(), SUBJECT, BODY, link=LINK, kind="consultation"
        )
        [message] = notifications.messages_for("citizen")
        assert message["id"] == message_id
        assert message["subject"] == SUBJECT
        assert message["body"] == BODY
        assert message["link"] == LINK
        assert message["kind"] == "consultation"
        assert message["created"].tzinfo is not None
        assert message["read"] is None
        assert notifications.unread_count("citizen") == 1

    def test_translated_for_the_site(self, portal):
        """A message id is filed in the site's language, Simplified Chinese."""
        api.portal.set_registry_record("plone.default_language", "zh-cn")
        subject = _("section_guide_title", default="Service guides")
        notifications.notify({"user_id": "citizen"}, subject, BODY)
        [message] = notifications.messages_for("citizen")
        assert message["subject"] == "办事指南"

    def test_newest_first(self, portal):
        """Messages are listed newest first."""
        for number in range(3):
            notifications.notify({"user_id": "citizen"}, f"第{number}条", BODY)
        subjects = [m["subject"] for m in notifications.messages_for("citizen")]
        assert subjects == ["第2条", "第1条", "第0条"]

    def test_mark_read(self, portal):
        """Marking a message read lowers the unread count, once."""
        first = notifications.notify({"user_id": "citizen"}, "一", BODY)
        notifications.notify({"user_id": "citizen"}, "二", BODY)
        assert notifications.unread_count("citizen") == 2

        assert notifications.mark_read("citizen", first) is True
        assert notifications.mark_read("citizen", first) is False
        assert notifications.unread_count("citizen") == 1
        read = {m["id"]: m["read"] for m in notifications.messages_for("citizen")}
        assert read[first] is not None

    def test_mark_read_unknown(self, portal):
        """Marking a message that is not the person's raises KeyError."""
        message_id = notifications.notify({"user_id": "citizen"}, "一", BODY)
        with pytest.raises(KeyError):
            notifications.mark_read("someone-else", message_id)
        with pytest.raises(KeyError):
            notifications.mark_read("citizen", "no-such-message")

    def test_lists_are_per_person(self, portal):
        """Each person sees only their own messages."""
        notifications.notify({"user_id": "citizen"}, "给张三", BODY)
        notifications.notify({"user_id": "other"}, "给李四", BODY)
        assert [m["subject"] for m in notifications.messages_for("other")] == ["给李四"]

    @pytest.mark.parametrize("user_id", ["nobody", None, ""])
    def test_empty_for_unknown(self, portal, user_id):
        """A person without messages has an empty list and nothing unread."""
        assert notifications.messages_for(user_id) == []
        assert notifications.unread_count(user_id) == 0

    def test_anonymous_gets_no_list(self, portal):
        """Without a user id nothing is filed and no id is returned."""
        anonymous = Recipient(None, "张三", "zhangsan@example.cn", "")
        assert notifications.notify(anonymous, SUBJECT, BODY) is None

    def test_nobody_to_tell(self, portal, caplog):
        """A recipient with no channel at all is logged as a warning."""
        with caplog.at_level(logging.WARNING, logger="zyzwfw"):
            assert notifications.notify({"name": "张三"}, SUBJECT, BODY) is None
        assert "reached nobody" in caplog.text

    def test_reading_writes_nothing(self, portal):
        """Looking at an empty site's messages creates no store."""
        notifications.messages_for("citizen")
        notifications.unread_count("citizen")
        assert notifications.pending_deliveries(portal) == []
        assert notifications.ANNOTATION_KEY not in portal.__annotations__

    def test_recipient_from_mapping(self):
        """A mapping becomes a recipient with normalized contact data."""
        recipient = notifications.as_recipient(
            {"user_id": "", "email": " a@example.cn ", "mobile": "+86 138-1234-5678"}
        )
        assert recipient == Recipient(None, "", "a@example.cn", "13812345678")

    def test_recipient_refused(self):
        """Anything else is refused."""
        with pytest.raises(TypeError):
            notifications.as_recipient("citizen")


class TestEmail:
    def test_sent_after_commit(self, mail_site, smtp_server):
        """The e-mail leaves when the transaction commits, not before."""
        notifications.notify(only_email(), SUBJECT, BODY, link=LINK)
        assert smtp_server.messages == []

        transaction.commit()

        [(recipients, message)] = smtp_server.messages
        assert recipients == ["zhangsan@example.cn"]
        assert message["Subject"] == SUBJECT
        assert message["To"].addresses[0].display_name == "张三"
        assert message["From"].addresses[0].username == "zwfw"
        assert message["From"].addresses[0].display_name == "资阳市政务服务中心"
        assert message.get_content_charset() == "utf-8"
        text = text_of(message)
        assert BODY in text
        assert LINK in text
        assert "资阳市电子政务大厅" in text  # the hall's name in the footer

    def test_long_body(self, mail_site, smtp_server):
        """A long Chinese text goes through a strict server intact."""
        long_body = "\n".join([BODY] * 40)
        notifications.notify(only_email(), SUBJECT, long_body)
        transaction.commit()
        [(_, message)] = smtp_server.messages
        assert long_body in text_of(message)

    def test_not_sent_on_abort(self, mail_site, smtp_server):
        """An aborted transaction sends nothing and files nothing."""
        notifications.notify(only_email(), SUBJECT, BODY)
        transaction.abort()
        transaction.commit()
        assert smtp_server.messages == []
        assert notifications.messages_for("citizen") == []

    def test_message_list_committed(self, mail_site, smtp_server):
        """The message is filed in the same commit that sends the e-mail."""
        notifications.notify(only_email(), SUBJECT, BODY)
        transaction.commit()
        transaction.begin()
        assert notifications.unread_count("citizen") == 1

    def test_server_down_queued_then_resent(self, mail_site, smtp_server, caplog):
        """A refused e-mail is logged and queued; a retry sends it later."""
        smtp_server.stop()
        notifications.notify(only_email(), SUBJECT, BODY)
        with caplog.at_level(logging.ERROR, logger="zyzwfw"):
            transaction.commit()  # must not raise
        assert "could not be sent" in caplog.text
        assert "z***@example.cn" in caplog.text
        assert "zhangsan@" not in caplog.text

        transaction.begin()  # see what the hook committed on its own connection
        [queued] = notifications.pending_deliveries(mail_site)
        assert queued["channel"] == "email"
        assert queued["attempts"] == 1
        assert queued["last_error"]
        assert notifications.unread_count("citizen") == 1

        smtp_server.start()
        counts = notifications.retry_failed(mail_site)
        transaction.commit()

        assert counts == {"sent": 1, "failed": 0, "given_up": 0}
        [(_, message)] = smtp_server.messages
        assert message["Subject"] == SUBJECT
        assert BODY in text_of(message)
        transaction.begin()
        assert notifications.pending_deliveries(mail_site) == []

    def test_anonymous_queued(self, mail_site, smtp_server):
        """A refused e-mail to an anonymous applicant is queued all the same."""
        smtp_server.stop()
        anonymous = Recipient(None, "张三", "zhangsan@example.cn", "")
        assert notifications.notify(anonymous, SUBJECT, BODY) is None
        transaction.commit()
        transaction.begin()
        [queued] = notifications.pending_deliveries(mail_site)
        assert queued["address"] == "zhangsan@example.cn"

    def test_no_sender_address_queued(self, mail_site, smtp_server):
        """Without a sender address the e-mail is queued, not lost."""
        api.portal.set_registry_record("plone.email_from_address", "")
        notifications.notify(only_email(), SUBJECT, BODY)
        transaction.commit()
        transaction.begin()
        [queued] = notifications.pending_deliveries(mail_site)
        assert "sender address" in queued["last_error"]
        assert smtp_server.messages == []


class TestRetry:
    def queue(self, portal, *deliveries):
        """Put deliveries straight into the retry queue."""
        store = notifications._store(portal, create=True)
        for number, delivery in enumerate(deliveries):
            store.failed[f"key-{number}"] = delivery

    def email(self, attempts=1):
        """Return a queued e-mail delivery."""
        return {
            "channel": "email",
            "address": "zhangsan@example.cn",
            "name": "张三",
            "subject": SUBJECT,
            "text": BODY,
            "kind": "application",
            "attempts": attempts,
            "last_error": "Connection refused",
        }

    def test_nothing_to_do(self, portal):
        """An empty queue is fine."""
        assert notifications.retry_failed(portal) == {
            "sent": 0,
            "failed": 0,
            "given_up": 0,
        }

    def test_failure_counted(self, mail_portal, caplog):
        """A retry that fails again counts one more attempt and stays queued."""
        self.queue(mail_portal, self.email(attempts=1))
        with caplog.at_level(logging.WARNING, logger="zyzwfw"):
            counts = notifications.retry_failed(mail_portal)
        assert counts == {"sent": 0, "failed": 1, "given_up": 0}
        [queued] = notifications.pending_deliveries(mail_portal)
        assert queued["attempts"] == 2
        assert "attempt 2 of 5" in caplog.text

    def test_given_up(self, mail_portal, caplog):
        """After the last attempt the delivery is logged and given up."""
        self.queue(mail_portal, self.email(attempts=2), self.email(attempts=1))
        with caplog.at_level(logging.ERROR, logger="zyzwfw"):
            counts = notifications.retry_failed(mail_portal, max_attempts=3)
        assert counts == {"sent": 0, "failed": 1, "given_up": 1}
        assert "Gave up the e-mail to z***@example.cn" in caplog.text
        [given_up] = notifications.given_up_deliveries(mail_portal)
        assert given_up["attempts"] == 3
        assert len(notifications.pending_deliveries(mail_portal)) == 1

    def test_unknown_gateway_stays_queued(self, portal, monkeypatch):
        """An SMS for a gateway that is not registered fails, it is not dropped."""
        sms = dict(self.email(), channel="sms", address="13812345678")
        self.queue(portal, sms)
        # The control panel only offers registered gateways; a removed add-on
        # can still leave the name of its gateway behind.
        monkeypatch.setattr(notifications, "_setting", lambda name, default: "gone")
        counts = notifications.retry_failed(portal)
        assert counts["failed"] == 1
        [queued] = notifications.pending_deliveries(portal)
        assert "no SMS gateway called 'gone'" in queued["last_error"]


class TestLoggingGateway:
    def test_default(self, portal):
        """The logging gateway is the one a new site uses."""
        record = "zyzwfw.notifications.sms_gateway"
        assert api.portal.get_registry_record(record) == "log"

    def test_logs_masked(self, caplog):
        """It logs the text with the mobile number masked."""
        gateway = getUtility(ISMSGateway, name="log")
        with caplog.at_level(logging.INFO, logger="zyzwfw"):
            assert gateway.send("13812345678", "您的办件已受理") is None
        assert "138****5678" in caplog.text
        assert "您的办件已受理" in caplog.text
        assert "13812345678" not in caplog.text

    def test_after_commit(self, mail_site, caplog):
        """A notification's SMS reaches the log once the transaction commits."""
        with caplog.at_level(logging.INFO, logger="zyzwfw"):
            notifications.notify(only_mobile(), SUBJECT, BODY)
            assert "138****5678" not in caplog.text
            transaction.commit()
        assert "138****5678" in caplog.text
        assert SUBJECT in caplog.text
        assert "13812345678" not in caplog.text


class TestHTTPGateway:
    def test_posts_json(self, mail_site, sms_server):
        """The SMS is posted as UTF-8 JSON with the key and the signature."""
        use_http_gateway(sms_server.url)
        transaction.commit()

        notifications.notify(only_mobile(), SUBJECT, BODY)
        assert sms_server.received == []
        transaction.commit()

        [request] = sms_server.received
        assert request["path"] == "/sms/send"
        assert request["headers"]["Authorization"] == "Bearer secret-key"
        assert request["headers"]["Content-Type"].startswith("application/json")
        assert request["json"]["mobile"] == "13812345678"
        assert request["json"]["signature"] == "资阳政务"
        assert request["json"]["text"].startswith(SUBJECT)
        assert "资阳市电子政务大厅" in request["json"]["text"]

    def test_error_answer_queued(self, mail_site, sms_server, caplog):
        """An error from the provider is logged and queued, not raised."""
        use_http_gateway(sms_server.url)
        sms_server.status = 500
        transaction.commit()

        notifications.notify(only_mobile(), SUBJECT, BODY)
        with caplog.at_level(logging.ERROR, logger="zyzwfw"):
            transaction.commit()
        assert "SMS to 138****5678 about" in caplog.text
        assert "answered 500" in caplog.text

        transaction.begin()
        [queued] = notifications.pending_deliveries(mail_site)
        assert queued["channel"] == "sms"
        assert queued["address"] == "13812345678"

        sms_server.status = 200
        assert notifications.retry_failed(mail_site)["sent"] == 1
        assert len(sms_server.received) == 2

    def test_unreachable(self, portal):
        """A gateway nobody listens at raises DeliveryError."""
        use_http_gateway(f"http://127.0.0.1:{free_port()}/sms")
        gateway = getUtility(ISMSGateway, name="http")
        with pytest.raises(DeliveryError, match="cannot be reached"):
            gateway.send("13812345678", "测试")

    def test_no_url(self, portal):
        """Without a URL the HTTP gateway refuses to send."""
        api.portal.set_registry_record("zyzwfw.notifications.sms_url", "")
        with pytest.raises(DeliveryError, match="no URL"):
            getUtility(ISMSGateway, name="http").send("13812345678", "测试")


class TestBothChannels:
    def test_one_failure_leaves_the_other(self, mail_site, smtp_server, sms_server):
        """With the SMS gateway failing, the e-mail still goes out."""
        use_http_gateway(sms_server.url)
        sms_server.status = 503
        transaction.commit()

        message_id = notifications.notify(CITIZEN, SUBJECT, BODY)
        transaction.commit()

        assert message_id
        assert len(smtp_server.messages) == 1
        transaction.begin()
        channels = [d["channel"] for d in notifications.pending_deliveries(mail_site)]
        assert channels == ["sms"]


class TestSettings:
    def test_gateways_vocabulary(self, portal):
        """The control panel offers every registered gateway."""
        factory = queryUtility(IVocabularyFactory, name="zyzwfw.SMSGateways")
        assert [term.value for term in factory(portal)] == ["http", "log"]

    @pytest.mark.parametrize(
        "name,default",
        [
            ("sms_gateway", "log"),
            ("sms_url", ""),
            ("sms_api_key", ""),
            ("sms_signature", "资阳政务服务"),
        ],
    )
    def test_records(self, portal, name, default):
        """The profile registers the settings under their prefix."""
        record = f"zyzwfw.notifications.{name}"
        assert api.portal.get_registry_record(record) == default

    def test_in_control_panel(self, portal, http_request):
        """The hall control panel shows the notification settings as a group."""
        alsoProvides(http_request, IZyzwfwLayer)
        setRoles(portal, TEST_USER_ID, ["Manager"])
        html = api.content.get_view("hall-settings", portal, http_request)()
        assert 'name="form.widgets.hall_name"' in html
        assert 'name="form.widgets.sms_gateway:list"' in html
        assert 'name="form.widgets.sms_url"' in html
        assert 'name="form.widgets.sms_signature"' in html

    def test_saved_from_control_panel(self, functional_portal):
        """Saving the form stores the SMS settings under their own prefix."""
        url = f"{functional_portal.absolute_url()}/@@hall-settings"
        auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        page = lxml.html.fromstring(requests.get(url, auth=auth).text)
        fields = dict(page.get_element_by_id("form").form_values())
        fields["form.widgets.sms_gateway:list"] = "http"
        fields["form.widgets.sms_url"] = "https://sms.example.cn/send"
        fields["form.buttons.save"] = "Save"
        response = requests.post(url, data=fields, auth=auth)
        assert response.status_code == 200

        transaction.begin()
        prefix = "zyzwfw.notifications"
        assert api.portal.get_registry_record(f"{prefix}.sms_gateway") == "http"
        assert (
            api.portal.get_registry_record(f"{prefix}.sms_url")
            == "https://sms.example.cn/send"
        )
        assert api.portal.get_registry_record("zyzwfw.hall.hall_name")
