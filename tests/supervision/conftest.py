"""Fixtures of the tests of electronic supervision: the hall, people, cases."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from aiosmtpd.controller import Controller
from contextlib import contextmanager
from pathlib import Path
from plone import api
from plone.app.testing import login
from zyzwfw import applications

import datetime
import email
import email.policy
import pytest
import socket
import sys
import transaction
import zoneinfo


# The hall of the application tests: two departments, their items, people.
sys.path.insert(0, str(Path(__file__).parents[1] / "applications"))

from application_helpers import build_hall  # noqa: E402
from application_helpers import files  # noqa: E402
from application_helpers import PATHS  # noqa: E402
from application_helpers import PERSON  # noqa: E402


SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(day, hour=10):
    """Return ``day`` at ``hour`` o'clock in the hall's time zone."""
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=SHANGHAI)


def set_step_due(application, day):
    """Give an application's current stage the due date ``day``."""
    application.step_due_date = day
    application.due_date = max(day, application.due_date or day)
    application.reindexObject()


@pytest.fixture
def hall(portal):
    """The hall of the application tests on the integration site."""
    return build_hall(portal)


@pytest.fixture
def web_hall(functional_portal):
    """The hall of the application tests on the functional site, committed."""
    hall = build_hall(functional_portal)
    transaction.commit()
    return hall


def acting_on(portal):
    """Return a context manager running a block as one of the people."""

    @contextmanager
    def as_person(person):
        before = getSecurityManager()
        if person == "anonymous":
            newSecurityManager(None, nobody)
        else:
            login(portal, person)
        try:
            yield
        finally:
            setSecurityManager(before)

    return as_person


@pytest.fixture
def acting_as(portal):
    """Run a block as one of the people, ``anonymous`` for nobody."""
    return acting_on(portal)


@pytest.fixture
def web_acting_as(functional_portal):
    """Run a block as one of the people on the functional site."""
    return acting_on(functional_portal)


def bring(application, state, acting_as, comment=None):
    """Take a fresh draft along the path to ``state``."""
    for person, transition in PATHS[state]:
        with acting_as(person):
            applications.do_transition(
                application,
                transition,
                comment=comment if comment is not None else f"{transition} 的理由",
            )


def maker(hall, acting_as):
    """Return a function that makes an application in a state."""

    def make(state="accepted", item=None, comment=None):
        item = item or hall["item_a"]
        with acting_as("applicant"):
            receipt = applications.create_application(
                item, applicant=PERSON, files=files("id-card"), party="person"
            )
        application = receipt.application
        if item is hall["item_b"]:
            steps = [
                (person.replace("staff_a", "staff_b"), transition)
                for person, transition in PATHS[state]
            ]
            for person, transition in steps:
                with acting_as(person):
                    applications.do_transition(
                        application, transition, comment=comment or "理由充分"
                    )
        else:
            bring(application, state, acting_as, comment)
        assert api.content.get_state(obj=application) == state
        return application

    return make


@pytest.fixture
def make_application(hall, acting_as):
    """Make an application of department A (or ``item``'s) in a state."""
    return maker(hall, acting_as)


@pytest.fixture
def make_web_application(web_hall, web_acting_as):
    """Make an application on the functional site; the caller commits."""
    return maker(web_hall, web_acting_as)


class MailSink:
    """A real SMTP server on 127.0.0.1 that keeps the messages it receives."""

    def __init__(self):
        self.messages = []
        self.controller = None
        self.port = None

    async def handle_DATA(self, server, session, envelope):
        """Keep the message, parsed, with its envelope recipients."""
        message = email.message_from_bytes(
            envelope.original_content, policy=email.policy.default
        )
        self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted for delivery"

    def start(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        self.controller.stop()

    def to(self, address):
        """Return the messages sent to ``address``."""
        return [message for rcpt, message in self.messages if address in rcpt]


@pytest.fixture
def smtp_server():
    """A running local SMTP server, stopped after the test."""
    sink = MailSink()
    sink.start()
    yield sink
    sink.stop()


def configure_mail(port):
    """Send the site's mail to ``port`` on 127.0.0.1 with a sender address."""
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", port)
    api.portal.set_registry_record("plone.email_from_address", "zwfw@ziyang.example.cn")
    api.portal.set_registry_record("plone.email_from_name", "资阳市政务服务中心")
