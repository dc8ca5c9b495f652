"""The pages of opinion solicitations: the form with its window, the results,
the export of the answers, and the list of solicitations.

The form is collective.easyform's own; :class:`SolicitationForm` only adds
the window, refusing an answer outside it before any action of the form
(the save-data action among them) runs.
"""

from collective.easyform.browser.view import EasyFormForm
from collective.easyform.browser.view import EasyFormFormEmbedded
from collective.easyform.browser.view import EasyFormFormWrapper
from collective.easyform.config import FORM_ERROR_MARKER
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import quote
from zExceptions import NotFound
from zope.i18n import translate
from zyzwfw import solicitations

import datetime


class WindowMixin:
    """Refuse answers outside the solicitation's window."""

    def processActions(self, fields):
        """Run the form's actions only while the solicitation is open.

        :returns: easyform's errors: the form-wide refusal outside the
            window, which keeps every action, saving included, from running.
        """
        refused = solicitations.refusal(self.context)
        if refused is not None:
            self.request.response.setStatus(400)
            return {FORM_ERROR_MARKER: translate(refused, context=self.request)}
        return super().processActions(fields)


class SolicitationForm(WindowMixin, EasyFormForm):
    """The easyform form of a solicitation, within its window."""


class SolicitationEmbeddedForm(WindowMixin, EasyFormFormEmbedded):
    """The embedded easyform form of a solicitation, within its window."""


class SolicitationView(EasyFormFormWrapper):
    """A solicitation: its subject, document and window, then the form or
    the results."""

    form = SolicitationForm
    index = ViewPageTemplateFile("templates/solicitation.pt")

    def state(self):
        """Return :data:`~zyzwfw.solicitations.OPEN`, ``UPCOMING`` or ``CLOSED``."""
        return solicitations.state(self.context)

    def state_title(self):
        """Return the words of the state, a message."""
        return solicitations.STATE_TITLES[self.state()]

    def refusal(self):
        """Return why no answer is taken now, or ``None``."""
        return solicitations.refusal(self.context)

    def window(self):
        """Return the opening and closing as text."""
        return {
            "opening": solicitations.moment_text(
                getattr(self.context, "opening", None)
            ),
            "closing": solicitations.moment_text(
                getattr(self.context, "closing", None)
            ),
        }

    def document(self):
        """Return the document's name and address, or ``None``."""
        document = getattr(self.context, "document", None)
        if document is None:
            return None
        filename = document.filename or "document"
        return {
            "filename": filename,
            "url": f"{self.context.absolute_url()}/@@download/document/"
            f"{quote(filename)}",
        }

    def results(self):
        """Return the counts per choice once closed, or to those who export.

        :returns: See :func:`solicitations.results`, or ``None`` while the
            solicitation is open and the user may not download its answers.
        """
        if self.state() != solicitations.CLOSED and not self.can_export():
            return None
        return solicitations.results(self.context)

    def can_export(self):
        """Return whether the current user may download the answers."""
        return api.user.has_permission(
            "collective.easyform: Download Saved Input", obj=self.context
        ) and (solicitations.save_data_action(self.context) is not None)

    def export_url(self):
        """Return the address of the spreadsheet of answers."""
        return f"{self.context.absolute_url()}/@@solicitation-export"


class ExportView(BrowserView):
    """The answers of a solicitation as an XLSX spreadsheet."""

    def __call__(self):
        if solicitations.save_data_action(self.context) is None:
            raise NotFound(self.context, "solicitation-export", self.request)
        data = solicitations.export_xlsx(self.context)
        stamp = datetime.date.today().isoformat()
        filename = f"{self.context.Title()}-{stamp}.xlsx"
        response = self.request.response
        response.setHeader(
            "Content-Type",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response.setHeader(
            "Content-Disposition",
            f'attachment; filename="{self.context.getId()}.xlsx"; '
            f"filename*=UTF-8''{quote(filename)}",
        )
        response.setHeader("Cache-Control", "private, no-store")
        return data


class SolicitationsView(BrowserView):
    """The folder of solicitations: open ones first, then upcoming and closed."""

    def rows(self):
        """Return the solicitations, see :func:`solicitations.listing`."""
        return solicitations.listing(self.context)

    def can_add(self):
        """Return whether the current user may publish a solicitation here."""
        return api.user.has_permission(
            "collective.easyform: Add Content", obj=self.context
        )
