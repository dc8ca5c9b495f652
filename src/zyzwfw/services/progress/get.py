"""``GET {site}/@progress?number=…&code=…``: follow an application, for anyone.

Answers the state, the due date, the masked applicant and the timeline (what
happened and when; the reasons of a supplement request, a refusal or a
non-acceptance; never who acted), or ``404`` for a wrong pair. A client with
too many wrong pairs gets ``429`` and a ``Retry-After`` header.
"""

from plone.restapi.services import Service
from zyzwfw import _
from zyzwfw import applications
from zyzwfw.services.replies import error
from zyzwfw.services.replies import plain


class ProgressGet(Service):
    """Look up an application by its number and query code."""

    def reply(self):
        number = self.request.form.get("number")
        code = self.request.form.get("code")
        if not isinstance(number, str) or not isinstance(code, str):
            return error(
                self.request,
                400,
                "BadRequest",
                _(
                    "error_progress_parameters",
                    default="Give the application number and the query code.",
                ),
            )
        try:
            found = applications.lookup_progress(
                number, code, self.request.getClientAddr() or "unknown"
            )
        except applications.TooManyLookups as refused:
            self.request.response.setHeader("Retry-After", str(refused.wait))
            return error(self.request, 429, "TooManyRequests", refused.message)
        except applications.ProgressNotFound as missing:
            return error(self.request, 404, "NotFound", missing.message)
        return plain(found, self.request)
