"""The progress look-up (办件查询): anyone with a number and its query code.

The page shows what :func:`zyzwfw.applications.lookup_progress` allows an
anonymous visitor to see: the state, the masked applicant, the due date and
the public steps. Wrong pairs are counted per client there; a client that
made too many is told to wait, with the HTTP status 429.
"""

from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zyzwfw import _
from zyzwfw import applications
from zyzwfw.browser.application import date_text
from zyzwfw.browser.application import form_text
from zyzwfw.browser.application import missing_entries
from zyzwfw.browser.application import time_text


#: The longest number or code read from the form; real ones are shorter.
LOOKUP_MAX_LENGTH = 40


class ProgressView(BrowserView):
    """Look an application up by its number and query code."""

    macros_template = ViewPageTemplateFile("templates/application_macros.pt")

    def __call__(self):
        self.number = form_text(self.request, "number", LOOKUP_MAX_LENGTH)
        self.code = form_text(self.request, "code", LOOKUP_MAX_LENGTH)
        self.found = None
        self.errors = {}
        # A query code in the address must not travel on to other sites.
        self.request.response.setHeader("Referrer-Policy", "no-referrer")
        self.request.response.setHeader("Cache-Control", "no-store")
        if "number" in self.request.form or "code" in self.request.form:
            self.look_up()
        return self.index()

    def look_up(self):
        """Look the pair up, or note what is wrong with it."""
        if not self.number:
            self.errors["number"] = _(
                "progress_error_number", default="Enter the application number."
            )
        if not self.code:
            self.errors["code"] = _(
                "progress_error_code", default="Enter the query code."
            )
        if self.errors:
            return
        try:
            self.found = applications.lookup_progress(
                self.number, self.code, self.request.getClientAddr() or "unknown"
            )
        except applications.TooManyLookups as refused:
            self.request.response.setStatus(429)
            self.request.response.setHeader("Retry-After", str(refused.wait))
            self.errors[""] = refused.message
        except applications.ProgressNotFound as missing:
            self.errors[""] = missing.message

    def result(self):
        """Return what was found, ready to show, or ``None``.

        :returns: The dict of :func:`applications.progress` with
            ``submitted_text``, ``due_text`` and the timeline's steps with
            ``time_text``.
        :rtype: dict or None
        """
        if self.found is None:
            return None
        found = self.found
        return dict(
            found,
            submitted_text=time_text(found["submitted"]),
            due_text=date_text(found["due_date"]),
            timeline=[
                dict(
                    step,
                    time_text=time_text(step["time"]),
                    missing=missing_entries(step.get("missing")),
                )
                for step in found["timeline"]
            ],
        )

    def describedby(self, name):
        """Return the id of an input's error, or ``None`` without one."""
        return f"progress-{name}-error" if name in self.errors else None

    def portal_url(self):
        """Return the address of the hall."""
        return api.portal.get().absolute_url()
