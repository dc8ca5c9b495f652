"""``POST {application}/@evaluate``: the applicant rates an ended application.

The body::

    {"level": 1..5, "comment": "..."}

``level`` 1 is 非常满意 (very satisfied), 5 非常不满意 (very dissatisfied);
``comment`` is optional. The answer is ``201`` with ``{"@id", "number",
"level", "state"}`` (``state`` is ``rectifying`` when the rating opened a
rectification case), ``400`` with each wrong field named, ``400`` with a
message when the application has not ended or was rated already, or ``403``
for anyone but the applicant; nothing is stored unless the answer is 201.
"""

from AccessControl import Unauthorized
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
from zope.interface import alsoProvides
from zyzwfw import _
from zyzwfw import evaluations
from zyzwfw.services.replies import error
from zyzwfw.transactions import commit_with_retries

import transaction


class EvaluatePost(Service):
    """Rate this application as its applicant."""

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            data = json_body(self.request)
        except DeserializationError:
            data = None
        if not isinstance(data, dict):
            return error(
                self.request,
                400,
                "BadRequest",
                _("error_json_body", default="The request body is not a JSON object."),
            )

        def rate():
            return evaluations.evaluate(
                self.context, data.get("level"), data.get("comment")
            )

        try:
            # Ratings are numbered per year; two at once conflict and one is
            # retried here rather than refused.
            evaluation = commit_with_retries(rate)
        except Unauthorized:
            transaction.abort()
            return error(
                self.request,
                403,
                "Forbidden",
                _(
                    "error_evaluation_not_applicant",
                    default="Only the applicant may rate this application.",
                ),
            )
        except evaluations.EvaluationRefused as refused:
            transaction.abort()
            return error(self.request, 400, "EvaluationRefused", refused.message)
        except evaluations.EvaluationInvalid as invalid:
            transaction.abort()
            return error(
                self.request,
                400,
                "ValidationError",
                _(
                    "error_evaluation_invalid",
                    default="The rating was not saved. Correct the fields below.",
                ),
                invalid.errors,
            )

        url = evaluation.absolute_url()
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", url)
        return {
            "@id": url,
            "number": evaluation.number,
            "level": evaluation.level,
            "state": api.content.get_state(obj=evaluation),
        }
