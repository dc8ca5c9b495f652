"""``POST {item}/@consult`` and ``POST {site}/@consult``: ask a question.

The body::

    {"question": "...", "name": "...", "mobile": "...", "email": "...",
     "consent": true | false}

On an item the question goes to the item's department; on the site it is a
general question the centre routes. Anonymous callers give a mobile number
or an e-mail address. The answer is ``201`` with ``{"@id", "number"}``,
``400`` with each wrong field named in Chinese, or ``429`` when the client
sent too many; nothing is stored unless it is ``201``.
"""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
from zope.interface import alsoProvides
from zyzwfw import _
from zyzwfw import bots
from zyzwfw import cases
from zyzwfw import consultations
from zyzwfw.content.service_item import IServiceItem
from zyzwfw.services.replies import error
from zyzwfw.transactions import commit_with_retries

import transaction


def read_body(request):
    """Return the JSON object of a request, or ``None`` if it has none."""
    try:
        data = json_body(request)
    except DeserializationError:
        return None
    return data if isinstance(data, dict) else None


def not_an_object(request):
    """Answer 400: the body is no JSON object."""
    return error(
        request,
        400,
        "BadRequest",
        _("error_json_body", default="The request body is not a JSON object."),
    )


def refused_as_bot(request, refused):
    """Answer 400 or 429 for a submission refused by :mod:`zyzwfw.bots`."""
    if refused.wait:
        request.response.setHeader("Retry-After", str(refused.wait))
    error_type = "TooManyRequests" if refused.status == 429 else "BadRequest"
    return error(request, refused.status, error_type, refused.message)


class ConsultPost(Service):
    """Ask a question about this item, or a general one on the site."""

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = read_body(self.request)
        if data is None:
            return not_an_object(self.request)
        client = self.request.getClientAddr() or "unknown"
        item = self.context if IServiceItem.providedBy(self.context) else None

        def ask():
            return consultations.ask(
                data.get("question"),
                name=data.get("name") or "",
                mobile=data.get("mobile") or "",
                email=data.get("email") or "",
                consent=data.get("consent", False),
                item=item,
                client=client,
                honeypot=data.get(bots.HONEYPOT_FIELD) or "",
            )

        try:
            consultation = commit_with_retries(ask)
        except bots.BotRefused as refused:
            transaction.abort()
            return refused_as_bot(self.request, refused)
        except cases.CaseInvalid as invalid:
            transaction.abort()
            return error(
                self.request,
                400,
                "ValidationError",
                _(
                    "error_consultation_invalid",
                    default="The question was not sent. Correct the fields below.",
                ),
                invalid.errors,
            )
        bots.count(client)

        url = consultation.absolute_url()
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", url)
        return {"@id": url, "number": consultation.number}
