"""Keeping bots off the hall's anonymous forms: a honeypot and a rate limit.

The forms to ask a question and to file a complaint accept anonymous
visitors. Two checks run before anything is looked at or stored:

Honeypot
    The forms carry an input named :data:`HONEYPOT_FIELD`, moved out of
    sight by the style sheet and skipped by the keyboard and screen readers.
    People leave it empty; form-filling bots fill it. A filled one refuses
    the submission with a message a person who did fill it can act on.

    collective.honeypot was considered. It checks every POST of the site
    from a publication event and answers a filled field with ``Forbidden``:
    an error page instead of a Chinese message on the form, with what the
    visitor typed lost. It is configured through process environment
    variables, not per site, and replaces plone.protect's ``@@authenticator``
    view for all forms of the site. The check here is a few lines and runs
    only where the hall asks for it.

Rate limit
    Each client (a member by user id, anyone else by address) may send
    :func:`~zyzwfw.interaction_settings.get` ``submissions_allowed``
    questions and complaints within ``submissions_window`` minutes; more are
    refused until the oldest leaves the window. The counts live in the
    memory of the process, like the look-up limit of
    :mod:`zyzwfw.ratelimit`, with the same limits behind several instances.
"""

from plone import api
from zyzwfw import _
from zyzwfw import interaction_settings
from zyzwfw import logger
from zyzwfw.ratelimit import FailureCounter


#: Name of the honeypot input; a name bots like to fill in.
HONEYPOT_FIELD = "website"

# Submissions per client, see zyzwfw.ratelimit (each one counts as a "failure").
_submissions = FailureCounter()


class BotRefused(Exception):
    """A submission looked automated or came too often; nothing was stored.

    :ivar message: Why, a message to translate.
    :ivar status: The HTTP status to answer with: 400 or 429.
    :ivar wait: Seconds until the client may send again (429 only).
    """

    def __init__(self, message, status=400, wait=0):
        self.message = message
        self.status = status
        self.wait = wait
        super().__init__(str(message))


def client_key(client):
    """Return the key a client's submissions are counted under.

    :param client: The client's address, used for anonymous visitors.
    :type client: str
    :returns: ``user:<id>`` for a member, ``ip:<address>`` otherwise, within
        the current site.
    :rtype: str
    """
    site = "/".join(api.portal.get().getPhysicalPath())
    if not api.user.is_anonymous():
        return f"{site}|user:{api.user.get_current().getId()}"
    return f"{site}|ip:{client or 'unknown'}"


def check(client, honeypot=""):
    """Refuse a submission that filled the honeypot or comes too often.

    :param client: The client's address.
    :type client: str
    :param honeypot: The value sent in the honeypot input, if any.
    :returns: ``None`` when the submission may go on.
    :raises BotRefused: If it may not.
    """
    if (
        isinstance(honeypot, str)
        and honeypot.strip()
        or (honeypot and not isinstance(honeypot, str))
    ):
        logger.info("Refused a submission from %s: the honeypot was filled", client)
        raise BotRefused(
            _(
                "error_honeypot",
                default="The submission was not accepted: a field meant to stay "
                "empty was filled in, as automated programs do. Leave the field "
                "'Website' empty and send it again.",
            )
        )
    limit = interaction_settings.get("submissions_allowed")
    window = interaction_settings.get("submissions_window") * 60
    wait = _submissions.wait_time(client_key(client), limit, window)
    if wait:
        minutes = max((wait + 59) // 60, 1)
        raise BotRefused(
            _(
                "error_too_many_submissions",
                default="You have sent too many questions or complaints in a short "
                "time. Please try again in ${minutes} minutes, or call the hall.",
                mapping={"minutes": minutes},
            ),
            status=429,
            wait=wait,
        )


def count(client):
    """Count an accepted submission of a client against its limit.

    :param client: The client's address.
    :type client: str
    :returns: How many the client sent within the window, this one included.
    :rtype: int
    """
    window = interaction_settings.get("submissions_window") * 60
    return _submissions.fail(client_key(client), window)


def reset():
    """Forget every count (for tests and operators).

    :returns: ``None``.
    """
    _submissions.reset()
