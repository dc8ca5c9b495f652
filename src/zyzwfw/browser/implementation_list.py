"""The page where editors download and upload a department's implementation list.

The rules of the spreadsheet live in :mod:`zyzwfw.implementation_list`; this
page only hands it the upload and shows its report.
"""

from datetime import date
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import quote
from zope.i18n import translate
from zyzwfw import _
from zyzwfw import implementation_list


class ImplementationListView(BrowserView):
    """Download the list, upload it back and read the import's report."""

    index = ViewPageTemplateFile("templates/implementation_list.pt")

    report = None
    error = None

    def __call__(self):
        if self.request.get("REQUEST_METHOD", "GET") == "POST":
            self.upload()
        return self.index()

    def upload(self):
        """Import the uploaded workbook into the department.

        :raises Forbidden: when the form's authenticator is missing or wrong.
        """
        CheckAuthenticator(self.request)
        upload = self.request.form.get("file")
        if not getattr(upload, "filename", None):
            self.error = _(
                "error_list_no_file",
                default="Choose the spreadsheet to upload.",
            )
            return
        dry_run = bool(self.request.form.get("dry_run"))
        self.report = implementation_list.import_department(
            self.context, upload.read(), dry_run=dry_run
        )

    def export_url(self):
        """Return the address of the spreadsheet download."""
        return f"{self.context.absolute_url()}/@@implementation-list-export"

    def counts(self):
        """Return the report's counts, one row per kind of object."""
        report = self.report
        return [
            {"label": _("label_list_items", default="Items"), **vars(report.items)},
            {
                "label": _("label_list_materials", default="Materials"),
                **vars(report.materials),
            },
        ]

    def problems(self):
        """Return the report's problems as rows of the problem table."""
        return [
            {
                "sheet": problem.sheet or "—",
                "row": problem.row or "—",
                "column": problem.column or "—",
                "message": problem.message,
            }
            for problem in self.report.problems
        ]


class ImplementationListExport(BrowserView):
    """The department's implementation list as an Excel download."""

    def __call__(self):
        data = implementation_list.export_department(self.context)
        stamp = date.today().strftime("%Y%m%d")
        name = translate(
            _(
                "implementation_list_filename",
                default="Implementation list of ${department}",
                mapping={"department": self.context.Title()},
            ),
            context=self.request,
        )
        filename = f"{name}-{stamp}.xlsx"
        # Old clients read the ASCII name; the rest read the UTF-8 one (RFC 5987).
        fallback = f"implementation-list-{self.context.getId()}-{stamp}.xlsx"
        response = self.request.response
        response.setHeader("Content-Type", implementation_list.CONTENT_TYPE)
        response.setHeader(
            "Content-Disposition",
            f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}",
        )
        response.setHeader("Content-Length", str(len(data)))
        # The list holds unpublished items: no shared cache may keep it.
        response.setHeader("Cache-Control", "private, no-store")
        return data
