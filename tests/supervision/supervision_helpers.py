"""Helpers of the tests of electronic supervision: time, due dates, mail.

Shared by the tests of this folder; the fixtures over them are in its conftest.
"""

from aiosmtpd.controller import Controller
from plone import api

import datetime
import email
import email.policy
import socket
import zoneinfo


SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(day, hour=10):
    """Return ``day`` at ``hour`` o'clock in the hall's time zone."""
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=SHANGHAI)


def set_step_due(application, day):
    """Give an application's current stage the due date ``day``."""
    application.step_due_date = day
    application.due_date = max(day, application.due_date or day)
    application.reindexObject()


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


def configure_mail(port):
    """Send the site's mail to ``port`` on 127.0.0.1 with a sender address."""
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", port)
    api.portal.set_registry_record("plone.email_from_address", "zwfw@ziyang.example.cn")
    api.portal.set_registry_record("plone.email_from_name", "资阳市政务服务中心")
