"""``POST {site}/@complain``: file a complaint.

The body::

    {"subject": "...", "text": "...", "department": "<UID or short code>",
     "application_number": "ZY2026000123", "name": "...", "mobile": "...",
     "email": "...",
     "attachments": [{"filename": "...", "data": "<base64>"}]}

All but ``subject`` and ``text`` are optional. The answer is ``201`` with
``{"@id", "number", "code"}`` (the follow-up code, shown this once), ``400``
with each wrong field named in Chinese, or ``429`` when the client sent too
many; nothing is stored unless it is ``201``.
"""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides
from zyzwfw import _
from zyzwfw import bots
from zyzwfw import cases
from zyzwfw import complaints
from zyzwfw.services.consult.post import not_an_object
from zyzwfw.services.consult.post import read_body
from zyzwfw.services.consult.post import refused_as_bot
from zyzwfw.services.replies import error
from zyzwfw.transactions import commit_with_retries

import base64
import binascii
import transaction


def decoded_attachments(value):
    """Return the attachments of the body as ``(filename, data)`` pairs.

    :param value: The body's ``attachments``, a list of objects with
        ``filename`` and ``data`` (base64), or ``None``.
    :returns: ``(pairs, errors)``.
    :rtype: tuple
    """
    if value is None:
        return [], []
    message = _(
        "error_file_object",
        default="Give each file as its name and its content in base64.",
    )
    if not isinstance(value, list):
        return [], [cases.FieldError("attachments", message)]
    pairs, errors = [], []
    for index, entry in enumerate(value):
        if not isinstance(entry, dict) or not isinstance(entry.get("data"), str):
            errors.append(cases.FieldError(f"attachments.{index}", message))
            continue
        try:
            data = base64.b64decode(entry["data"], validate=True)
        except (binascii.Error, ValueError):
            errors.append(cases.FieldError(f"attachments.{index}", message))
            continue
        pairs.append((str(entry.get("filename") or ""), data))
    return pairs, errors


class ComplainPost(Service):
    """File a complaint, anonymously or as the authenticated user."""

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = read_body(self.request)
        if data is None:
            return not_an_object(self.request)
        client = self.request.getClientAddr() or "unknown"
        attachments, errors = decoded_attachments(data.get("attachments"))
        if errors:
            return self._invalid(errors)

        def file():
            return complaints.file_complaint(
                data.get("subject"),
                data.get("text"),
                department=data.get("department") or None,
                application_number=data.get("application_number") or "",
                name=data.get("name") or "",
                mobile=data.get("mobile") or "",
                email=data.get("email") or "",
                attachments=attachments,
                client=client,
                honeypot=data.get(bots.HONEYPOT_FIELD) or "",
            )

        try:
            receipt = commit_with_retries(file)
        except bots.BotRefused as refused:
            transaction.abort()
            return refused_as_bot(self.request, refused)
        except cases.CaseInvalid as invalid:
            transaction.abort()
            return self._invalid(invalid.errors)
        bots.count(client)

        url = receipt.complaint.absolute_url()
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", url)
        self.request.response.setHeader("Cache-Control", "no-store")
        return {"@id": url, "number": receipt.number, "code": receipt.code}

    def _invalid(self, errors):
        return error(
            self.request,
            400,
            "ValidationError",
            _(
                "error_complaint_invalid",
                default="The complaint was not filed. Correct the fields below.",
            ),
            errors,
        )
