"""The hall's notification channels: the site's message list, e-mail and SMS.

Applications, consultations and complaints tell a person what happened through
:func:`notify`. It always files the message in the person's own message list on
the site (站内消息) when the person has a Plone account, and sends it by e-mail
and SMS when an address or a mobile number is known.

Sending never harms the caller's transaction:

- E-mail and SMS leave only after the caller's transaction has committed, from
  an after-commit hook: a transaction that aborts or fails to commit sends
  nothing, so no citizen hears of a decision that was never stored.
- The hook sends each message itself rather than through the MailHost's
  transaction-aware delivery, because that delivery logs and drops a failure.
  A failure here is logged with a full sentence and stored in a persistent retry
  queue, in a transaction of its own on a connection of its own, since the
  caller's transaction is already over when the hook runs.
- :func:`retry_failed`, run by a scheduled command, resends the queue; an item
  that still fails after :data:`MAX_ATTEMPTS` attempts is given up, logged and
  kept in a list of given-up deliveries for the operator.

Texts are translated into the site's language when the notification is made, so
the message list, the e-mail and the SMS read the same.

Known limits: the hook sends in the thread that served the request, so a slow
mail server or SMS provider delays that response by up to its time-out (10
seconds each); a worker queue would remove the wait but is not needed at a
city hall's volumes. Messages stay in a person's list until something deletes
them; nothing prunes old ones yet.

SMS goes through a pluggable gateway, a named utility providing
:class:`ISMSGateway`. The hall brings two: ``log`` (the default) only writes the
message to the log, ``http`` posts it as JSON to the URL set in the hall control
panel. The settings live in the registry under ``zyzwfw.notifications``.
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from email.mime.text import MIMEText
from email.utils import formataddr
from email.utils import formatdate
from email.utils import make_msgid
from persistent import Persistent
from plone import api
from Products.CMFCore.utils import getToolByName
from zope import schema
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtilitiesFor
from zope.component import queryUtility
from zope.i18n import translate
from zope.interface import Attribute
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary
from zyzwfw import _
from zyzwfw import logger
from zyzwfw.validators import mask_mobile
from zyzwfw.validators import normalize_email
from zyzwfw.validators import normalize_mobile

import dataclasses
import datetime
import email.policy
import json
import operator
import transaction
import urllib.error
import urllib.request
import uuid


#: Key of the notification store in the portal's annotations.
ANNOTATION_KEY = "zyzwfw.notifications"

#: Registry prefix of :class:`INotificationSettings`.
SETTINGS_PREFIX = "zyzwfw.notifications"

#: Name of the SMS gateway used when none is set.
DEFAULT_GATEWAY = "log"

#: Attempts (the first one included) after which a delivery is given up.
MAX_ATTEMPTS = 5

#: Seconds the HTTP gateway waits for the SMS provider to answer.
HTTP_TIMEOUT = 10

# The policy of the MailHost's own messages: compat32, which it relies on,
# with the line ends SMTP requires.
_SMTP_POLICY = email.policy.compat32.clone(linesep="\r\n")

#: The channels a delivery goes through.
EMAIL = "email"
SMS = "sms"


class DeliveryError(Exception):
    """A channel did not accept a message; the message can be tried again."""


class ISMSGateway(Interface):
    """Sends short messages to mobile phones; registered as a named utility."""

    title = Attribute("Name of the gateway shown in the control panel")

    def send(mobile, text):
        """Send ``text`` to the mobile number ``mobile``.

        :param mobile: An 11-digit mainland mobile number.
        :param text: The message, without the sender signature.
        :raises DeliveryError: If the message was not accepted.
        """


class INotificationSettings(Interface):
    """Settings of the notification channels, kept in the registry."""

    sms_gateway = schema.Choice(
        title=_("label_sms_gateway", default="SMS gateway"),
        description=_(
            "help_sms_gateway",
            default="How text messages are sent. With the logging gateway they "
            "are only written to the log.",
        ),
        vocabulary="zyzwfw.SMSGateways",
        default=DEFAULT_GATEWAY,
        required=True,
    )

    sms_url = schema.TextLine(
        title=_("label_sms_url", default="SMS gateway URL"),
        description=_(
            "help_sms_url",
            default="The HTTP gateway posts each message as JSON to this address.",
        ),
        default="",
        required=False,
    )

    sms_api_key = schema.TextLine(
        title=_("label_sms_api_key", default="SMS gateway API key"),
        description=_(
            "help_sms_api_key",
            default="Sent to the HTTP gateway as a bearer token.",
        ),
        default="",
        required=False,
    )

    sms_signature = schema.TextLine(
        title=_("label_sms_signature", default="SMS sender signature"),
        description=_(
            "help_sms_signature",
            default="The signature registered with the SMS provider, without brackets.",
        ),
        default="资阳政务服务",
        required=False,
    )


@dataclasses.dataclass(frozen=True)
class Recipient:
    """The person a notification is for.

    :param user_id: The Plone user id, or ``None`` for an anonymous applicant.
    :param name: The name used in the e-mail's address line.
    :param email: The e-mail address, or ``""`` for none.
    :param mobile: The mobile number, or ``""`` for none.
    """

    user_id: str | None = None
    name: str = ""
    email: str = ""
    mobile: str = ""


def member_recipient(user):
    """Return a member of the site as a :class:`Recipient`.

    :param user: A Plone member, as ``plone.api.user`` returns them.
    :returns: The recipient: the member's id, full name and e-mail address.
    :rtype: Recipient
    """
    return as_recipient(
        {
            "user_id": user.getId(),
            "name": user.getProperty("fullname", "") or user.getId(),
            "email": user.getProperty("email", "") or "",
        }
    )


def as_recipient(value):
    """Return ``value`` as a :class:`Recipient`, its contact data normalized.

    :param value: A :class:`Recipient`, or a mapping with some of the keys
        ``user_id``, ``name``, ``email`` and ``mobile``.
    :returns: The recipient, its e-mail and mobile number normalized.
    :rtype: Recipient
    :raises TypeError: If ``value`` is neither.
    """
    if isinstance(value, Recipient):
        fields = dataclasses.asdict(value)
    elif hasattr(value, "get"):
        fields = {
            field.name: value.get(field.name) for field in dataclasses.fields(Recipient)
        }
    else:
        raise TypeError(f"Expected a Recipient or a mapping, got {value!r}.")
    return Recipient(
        user_id=fields["user_id"] or None,
        name=(fields["name"] or "").strip(),
        email=normalize_email(fields["email"]),
        mobile=normalize_mobile(fields["mobile"]),
    )


class InboxMessage(Persistent):
    """One message in a person's message list.

    Each message is a persistent object of its own so that marking one read
    never conflicts with a new message arriving for the same person.
    """

    def __init__(self, message_id, kind, subject, body, link, created):
        self.id = message_id
        self.kind = kind
        self.subject = subject
        self.body = body
        self.link = link
        self.created = created
        self.read = None

    def as_dict(self):
        """Return the message as plain data for views and services.

        :returns: ``id``, ``kind``, ``subject``, ``body``, ``link``, ``created``
            and ``read`` (the time it was read, or ``None``).
        :rtype: dict
        """
        return {
            "id": self.id,
            "kind": self.kind,
            "subject": self.subject,
            "body": self.body,
            "link": self.link,
            "created": self.created,
            "read": self.read,
        }


class Inbox(Persistent):
    """The messages of one person, oldest first, and how many are unread."""

    def __init__(self):
        self.messages = OOBTree()
        # A Length merges concurrent changes instead of conflicting.
        self.unread = Length()


class NotificationStore(Persistent):
    """The hall's message lists and its queues of failed deliveries."""

    def __init__(self):
        self.inboxes = OOBTree()
        self.failed = OOBTree()
        self.given_up = OOBTree()


def _store(portal, create=False):
    """Return the notification store of ``portal``.

    :param create: Whether to create a missing store; if not, a missing store
        gives ``None``, so that reading never writes.
    """
    annotations = IAnnotations(portal)
    store = annotations.get(ANNOTATION_KEY)
    if store is None and create:
        store = NotificationStore()
        annotations[ANNOTATION_KEY] = store
    return store


def _now():
    """Return the current time, aware, in UTC."""
    return datetime.datetime.now(datetime.UTC)


def _new_key(now):
    """Return a unique key that sorts by ``now``."""
    return f"{now:%Y%m%d%H%M%S%f}-{uuid.uuid4().hex[:8]}"


def _site_language():
    """Return the site's language as a catalogue name, ``zh-cn`` as ``zh_CN``."""
    language = api.portal.get_registry_record("plone.default_language", default="")
    code, _sep, region = (language or "zh-cn").partition("-")
    return f"{code}_{region.upper()}" if region else code


def _translate(text, language):
    """Return ``text`` (a message or a plain string) in ``language``."""
    if not text:
        return ""
    return translate(text, target_language=language)


def _setting(name, default):
    """Return the notification setting ``name``, or ``default`` if it is unset."""
    value = api.portal.get_registry_record(f"{SETTINGS_PREFIX}.{name}", default=None)
    return default if value is None else value


def _hall_name():
    """Return the hall's name from the hall settings."""
    return api.portal.get_registry_record("zyzwfw.hall.hall_name", default="")


def _mask_email(address):
    """Return an e-mail address with its local part hidden but for the first letter."""
    local, at, domain = address.partition("@")
    if not at:
        return "***"
    return f"{local[:1]}***@{domain}"


def _describe(delivery):
    """Return who a delivery is for, masked, for a log line."""
    if delivery["channel"] == EMAIL:
        return f"e-mail to {_mask_email(delivery['address'])}"
    return f"SMS to {mask_mobile(delivery['address'])}"


def _email_text(body, link, language):
    """Return the body of the e-mail: the message, its link and a footer."""
    parts = [body]
    if link:
        parts.append(
            _translate(
                _(
                    "notification_email_link",
                    default="See it online: ${link}",
                    mapping={"link": link},
                ),
                language,
            )
        )
    parts.append(
        _translate(
            _(
                "notification_email_footer",
                default="This message was sent automatically by ${hall}. "
                "Please do not reply to it.",
                mapping={"hall": _hall_name()},
            ),
            language,
        )
    )
    return "\n\n".join(part for part in parts if part)


def _sms_text(subject, language):
    """Return the text of the SMS: the subject and where to read the rest."""
    subject = subject.rstrip("。.！!")
    return _translate(
        _(
            "notification_sms_text",
            default="${subject}. Log in to ${hall} for details.",
            mapping={"subject": subject, "hall": _hall_name()},
        ),
        language,
    )


def notify(recipient, subject, body, link=None, kind="application"):
    """Tell a person something through every channel the hall has for them.

    The message is filed in the person's message list at once, in the caller's
    transaction. The e-mail and the SMS leave after that transaction commits;
    if it aborts, nothing is sent. A failure to send is logged and queued for
    :func:`retry_failed`; it never reaches the caller.

    :param recipient: Who to tell: a :class:`Recipient` or a mapping with the
        keys ``user_id`` (``None`` for an anonymous applicant), ``name``,
        ``email`` and ``mobile``; empty values skip their channel.
    :param subject: The subject line, a message or a plain string.
    :param body: The text, a message or a plain string.
    :param link: The address of the page the message is about, or ``None``.
    :param kind: What the message is about: ``application``, ``consultation``,
        ``complaint`` or another word the caller uses to sort messages.
    :returns: The id of the message in the person's message list, or ``None``
        if the person has no user id.
    :rtype: str
    :raises TypeError: If ``recipient`` is neither a Recipient nor a mapping.
    """
    portal = api.portal.get()
    recipient = as_recipient(recipient)
    language = _site_language()
    subject = _translate(subject, language)
    body = _translate(body, language)

    message_id = None
    if recipient.user_id:
        message_id = _file_message(portal, recipient.user_id, kind, subject, body, link)

    deliveries = []
    if recipient.email:
        text = _email_text(body, link, language)
        deliveries.append(_delivery(EMAIL, recipient.email, recipient, subject, text))
    if recipient.mobile:
        text = _sms_text(subject, language)
        deliveries.append(_delivery(SMS, recipient.mobile, recipient, subject, text))

    if not message_id and not deliveries:
        logger.warning(
            "A %s notification (%r) reached nobody: the recipient has no user "
            "id, e-mail address or mobile number.",
            kind,
            subject,
        )
    for delivery in deliveries:
        delivery["kind"] = kind
        transaction.get().addAfterCommitHook(_send_after_commit, (portal, delivery))
    return message_id


def _file_message(portal, user_id, kind, subject, body, link):
    """Add a message to the message list of ``user_id``; return its id."""
    store = _store(portal, create=True)
    inbox = store.inboxes.get(user_id)
    if inbox is None:
        inbox = store.inboxes[user_id] = Inbox()
    now = _now()
    message_id = _new_key(now)
    inbox.messages[message_id] = InboxMessage(
        message_id, kind, subject, body, link, now
    )
    inbox.unread.change(1)
    return message_id


def _delivery(channel, address, recipient, subject, text):
    """Return the record of one message to send through one channel."""
    return {
        "channel": channel,
        "address": address,
        "name": recipient.name,
        "subject": subject,
        "text": text,
        "attempts": 0,
        "last_error": "",
    }


def _inbox(user_id):
    """Return the inbox of ``user_id`` on the current site, or ``None``."""
    store = _store(api.portal.get())
    if store is None or not user_id:
        return None
    return store.inboxes.get(user_id)


def messages_for(user_id):
    """Return the messages of a person, newest first.

    The caller decides who may read whose messages: views pass the id of the
    authenticated user.

    :param user_id: The Plone user id.
    :returns: One dict per message, as :meth:`InboxMessage.as_dict` gives
        it; an empty list for a person without messages.
    :rtype: list
    """
    inbox = _inbox(user_id)
    if inbox is None:
        return []
    return [message.as_dict() for message in reversed(inbox.messages.values())]


def unread_count(user_id):
    """Return how many of a person's messages are unread.

    :param user_id: The Plone user id.
    :returns: The number of unread messages; 0 for a person without messages.
    :rtype: int
    """
    inbox = _inbox(user_id)
    return 0 if inbox is None else inbox.unread()


def mark_read(user_id, message_id):
    """Mark one of a person's messages as read.

    :param user_id: The Plone user id.
    :param message_id: The id :func:`notify` returned for the message.
    :returns: ``True`` if the message was unread, ``False`` if it was read
        already.
    :rtype: bool
    :raises KeyError: If the person has no message with that id.
    """
    inbox = _inbox(user_id)
    message = None if inbox is None else inbox.messages.get(message_id)
    if message is None:
        raise KeyError(f"User {user_id!r} has no message {message_id!r}.")
    if message.read is not None:
        return False
    message.read = _now()
    inbox.unread.change(-1)
    return True


def _send_after_commit(status, portal, delivery):
    """Send one delivery once the transaction that made it has committed."""
    if not status:
        return
    try:
        _deliver(portal, delivery)
    except Exception as error:  # no failure may reach the caller
        _record_failure(delivery, error)
        logger.error(
            "The %s about %r could not be sent (%s); it is queued for another attempt.",
            _describe(delivery),
            delivery["subject"],
            delivery["last_error"],
        )
        _queue_in_own_transaction(portal, delivery)
    else:
        logger.debug("Sent the %s about %r.", _describe(delivery), delivery["subject"])


def _record_failure(delivery, error):
    """Count a failed attempt on ``delivery`` and keep why it failed."""
    delivery["attempts"] += 1
    delivery["last_error"] = str(error) or type(error).__name__
    delivery["last_tried"] = _now()


def _queue_in_own_transaction(portal, delivery):
    """Put a failed delivery in the retry queue of ``portal``, committing it.

    The caller's transaction is over when this runs, so the queue is written
    through a connection and a transaction manager of its own.
    """
    manager = transaction.TransactionManager()
    connection = None
    try:
        connection = portal._p_jar.db().open(transaction_manager=manager)
        for attempt in manager.attempts(3):
            with attempt:
                site = connection.get(portal._p_oid)
                store = _store(site, create=True)
                store.failed[_new_key(_now())] = dict(delivery)
    except Exception:  # the log line is all that is left
        logger.exception(
            "The %s about %r could not be queued for another attempt either; "
            "it is lost. Its text was: %s",
            _describe(delivery),
            delivery["subject"],
            delivery["text"],
        )
    finally:
        if connection is not None:
            connection.close()


def _deliver(portal, delivery):
    """Send one delivery now through its channel.

    :raises Exception: Whatever the channel raised when it failed.
    """
    if delivery["channel"] == EMAIL:
        _send_email(portal, delivery)
    else:
        _send_sms(delivery)


def _send_email(portal, delivery):
    """Send an e-mail delivery through the site's MailHost, now."""
    registry = getToolByName(portal, "portal_registry")
    from_address = registry.get("plone.email_from_address")
    if not from_address:
        raise DeliveryError(
            "The site has no sender address; set one in the mail control panel."
        )
    sender = formataddr(
        (registry.get("plone.email_from_name") or "", from_address), "utf-8"
    )
    to = formataddr((delivery["name"], delivery["address"]), "utf-8")

    # SMTP wants CRLF line ends; with the default policy the MailHost passes a
    # message object on with bare LFs, and a strict server refuses a message
    # longer than 1000 bytes as one over-long line.
    mail = MIMEText(delivery["text"], "plain", "utf-8", policy=_SMTP_POLICY)
    mail["Date"] = formatdate(localtime=True)
    mail["Message-ID"] = make_msgid(domain=from_address.rpartition("@")[2] or None)

    mailhost = getToolByName(portal, "MailHost")
    mailhost.send(
        mail,
        mto=to,
        mfrom=sender,
        subject=delivery["subject"],
        charset="utf-8",
        immediate=True,
    )


def _send_sms(delivery):
    """Send an SMS delivery through the gateway set in the control panel, now."""
    name = _setting("sms_gateway", DEFAULT_GATEWAY)
    gateway = queryUtility(ISMSGateway, name=name)
    if gateway is None:
        raise DeliveryError(f"There is no SMS gateway called {name!r}.")
    gateway.send(delivery["address"], delivery["text"])


def pending_deliveries(portal):
    """Return the deliveries waiting in the retry queue, oldest first.

    :param portal: The site.
    :returns: One dict per delivery: ``channel`` (``email`` or ``sms``),
        ``address``, ``name``, ``subject``, ``text``, ``kind``, ``attempts``
        and ``last_error``.
    :rtype: list
    """
    store = _store(portal)
    return [] if store is None else [dict(item) for item in store.failed.values()]


def given_up_deliveries(portal):
    """Return the deliveries given up after :data:`MAX_ATTEMPTS`, oldest first.

    :param portal: The site.
    :returns: One dict per delivery, as :func:`pending_deliveries` gives them.
    :rtype: list
    """
    store = _store(portal)
    return [] if store is None else [dict(item) for item in store.given_up.values()]


def retry_failed(portal, max_attempts=MAX_ATTEMPTS):
    """Send the queued deliveries again.

    A delivery that goes out leaves the queue. One that fails again stays, with
    one more attempt counted; once it has failed ``max_attempts`` times it is
    given up: logged and moved to :func:`given_up_deliveries`.

    Messages are sent at once, not after the caller commits: the caller is the
    scheduled command, whose transaction only updates the queue. Should that
    commit fail, the next run sends those messages twice rather than never.

    :param portal: The site; it must be the current site, as for plone.api.
    :param max_attempts: Attempts, the first one included, before giving up.
    :returns: How many deliveries were ``sent``, ``failed`` again and were
        ``given_up``.
    :rtype: dict
    """
    counts = {"sent": 0, "failed": 0, "given_up": 0}
    store = _store(portal)
    if store is None:
        return counts

    for key, stored in list(store.failed.items()):
        delivery = dict(stored)
        try:
            _deliver(portal, delivery)
        except Exception as error:  # one failure must not stop the rest
            _record_failure(delivery, error)
        else:
            del store.failed[key]
            counts["sent"] += 1
            logger.info(
                "Resent the %s about %r after %d failed attempts.",
                _describe(delivery),
                delivery["subject"],
                delivery["attempts"],
            )
            continue

        if delivery["attempts"] >= max_attempts:
            del store.failed[key]
            store.given_up[key] = delivery
            counts["given_up"] += 1
            logger.error(
                "Gave up the %s about %r after %d failed attempts; the last "
                "error was: %s",
                _describe(delivery),
                delivery["subject"],
                delivery["attempts"],
                delivery["last_error"],
            )
        else:
            store.failed[key] = delivery
            counts["failed"] += 1
            logger.warning(
                "The %s about %r failed again (attempt %d of %d): %s",
                _describe(delivery),
                delivery["subject"],
                delivery["attempts"],
                max_attempts,
                delivery["last_error"],
            )
    return counts


@implementer(ISMSGateway)
class LoggingSMSGateway:
    """Writes each SMS to the log instead of sending it.

    The default, so that a new site or a test run sends no real messages.
    """

    title = _("sms_gateway_log", default="Log only (no SMS is sent)")

    def send(self, mobile, text):
        """Log ``text`` with the mobile number masked.

        :param mobile: The mobile number.
        :param text: The message.
        :returns: ``None``.
        """
        logger.info(
            "SMS to %s not sent, only logged (the logging gateway is set): %s",
            mask_mobile(mobile),
            text,
        )


@implementer(ISMSGateway)
class HTTPSMSGateway:
    """Posts each SMS as JSON to the URL set in the control panel.

    The request body is ``{"mobile": ..., "signature": ..., "text": ...}`` in
    UTF-8; the API key goes in an ``Authorization: Bearer`` header. Any answer
    outside 2xx counts as a failure.
    """

    title = _("sms_gateway_http", default="HTTP gateway (JSON)")

    def send(self, mobile, text):
        """Post ``text`` for ``mobile`` to the gateway URL.

        :param mobile: The mobile number.
        :param text: The message, without the signature.
        :returns: ``None``.
        :raises DeliveryError: If no URL is set, the gateway cannot be reached
            or it answers with an error.
        """
        url = _setting("sms_url", "")
        if not url:
            raise DeliveryError("The HTTP SMS gateway has no URL set.")
        payload = {
            "mobile": mobile,
            "signature": _setting("sms_signature", ""),
            "text": text,
        }
        request = urllib.request.Request(
            url,
            data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
            headers={"Content-Type": "application/json; charset=utf-8"},
            method="POST",
        )
        api_key = _setting("sms_api_key", "")
        if api_key:
            request.add_header("Authorization", f"Bearer {api_key}")
        try:
            with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT) as response:
                response.read()
        except urllib.error.HTTPError as error:
            raise DeliveryError(
                f"The SMS gateway answered {error.code} {error.reason}."
            ) from error
        except (OSError, ValueError) as error:
            raise DeliveryError(
                f"The SMS gateway cannot be reached: {error}"
            ) from error


@provider(IVocabularyFactory)
def sms_gateways_vocabulary(context):
    """Return the registered SMS gateways, by name.

    :param context: Ignored; the gateways are the same everywhere.
    :returns: A term per gateway; its value is the utility name, its title the
        gateway's title.
    :rtype: SimpleVocabulary
    """
    terms = [
        SimpleTerm(value=name, token=name, title=getattr(gateway, "title", name))
        for name, gateway in sorted(
            getUtilitiesFor(ISMSGateway), key=operator.itemgetter(0)
        )
    ]
    return SimpleVocabulary(terms)
