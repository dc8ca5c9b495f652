"""What the hall's application services answer: errors and plain JSON values.

Errors follow plone.restapi: ``{"error": {"type": ..., "message": ...}}`` with
the right status, plus ``fields`` (a list of ``{"field", "message"}``) when
the request body had wrong fields. Messages are translated for the request,
which on the hall means Simplified Chinese.
"""

from zope.i18n import translate
from zope.i18nmessageid import Message

import datetime


def translated(message, request):
    """Return a message, or a plain string, in the request's language.

    :param message: A message or a string.
    :param request: The request.
    :returns: The text.
    :rtype: str
    """
    if isinstance(message, Message):
        return translate(message, context=request)
    return message


def error(request, status, error_type, message, fields=None):
    """Set the status of the response and return the body of an error.

    :param request: The request.
    :param status: The HTTP status, such as 400.
    :type status: int
    :param error_type: The ``type`` of the error, such as ``ValidationError``.
    :type error_type: str
    :param message: What went wrong, a message or a string.
    :param fields: The wrong fields: an iterable of objects with ``field``
        and ``message``, such as :class:`zyzwfw.applications.FieldError`.
    :returns: The body to answer with.
    :rtype: dict
    """
    request.response.setStatus(status)
    body = {"type": error_type, "message": translated(message, request)}
    if fields is not None:
        body["fields"] = [
            {"field": item.field, "message": translated(item.message, request)}
            for item in fields
        ]
    return {"error": body}


def plain(value, request):
    """Return a value of the applications module as JSON-compatible data.

    Messages are translated, dates and datetimes written in ISO 8601,
    mappings and sequences converted item by item.

    :param value: The value.
    :param request: The request.
    :returns: The value as JSON-compatible data.
    """
    if isinstance(value, Message):
        return translate(value, context=request)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: plain(item, request) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item, request) for item in value]
    return value
