"""The pages of the departments: the grid of windows and a department's items."""

from plone import api
from Products.Five.browser import BrowserView
from zyzwfw import _
from zyzwfw.browser.catalogue import limit_text
from zyzwfw.browser.catalogue import page_links
from zyzwfw.browser.catalogue import request_start
from zyzwfw.catalogue import departments
from zyzwfw.catalogue import search_items
from zyzwfw.content.department import IDepartment


class DepartmentView(BrowserView):
    """A department's window, its contacts and its items."""

    b_size = 50

    def __call__(self):
        self.result = search_items(
            department=self.context.getId(),
            b_start=request_start(self.request),
            b_size=self.b_size,
        )
        return self.index()

    def contacts(self):
        """Return the department's window, address, hours and phones.

        :returns: a list of dicts with ``label``, ``value`` and ``url`` (a
            ``tel:`` link for phones, else ``None``); empty ones left out.
        """
        department = self.context
        rows = [
            (_("label_window_number", default="Window number"), "window_number"),
            (_("label_address", default="Address"), "address"),
            (_("label_office_hours", default="Office hours"), "office_hours"),
            (
                _("label_consultation_phone", default="Consultation phone"),
                "consultation_phone",
            ),
            (_("label_complaint_phone", default="Complaint phone"), "complaint_phone"),
        ]
        contacts = []
        for label, field in rows:
            value = getattr(department, field, None)
            if value:
                is_phone = field.endswith("_phone")
                contacts.append(
                    {
                        "label": label,
                        "value": value,
                        "url": "tel:" + "".join(value.split()) if is_phone else None,
                    }
                )
        return contacts

    def items(self):
        """Return the page's items with their time limit ready to show."""
        return [
            dict(
                item,
                limit=limit_text(item["promised_limit"], item["promised_limit_unit"]),
            )
            for item in self.result["items"]
        ]

    def guide_url(self):
        """Return the catalogue filtered by this department."""
        return f"{self.portal_url()}/guide?department={self.context.getId()}"

    def portal_url(self):
        """Return the URL of the site."""
        return api.portal.get().absolute_url()

    def pager(self):
        """Return the pager's links, or ``None``; see :func:`page_links`."""
        url = self.context.absolute_url()
        return page_links(
            lambda b_start: f"{url}?b_start={b_start}" if b_start else url,
            self.result["total"],
            self.result["b_start"],
            self.result["b_size"],
        )


class DepartmentFolderView(BrowserView):
    """The hall's windows as a grid, each with its number of items."""

    def windows(self):
        """Return the departments with their window number and item count.

        :returns: a list of dicts with ``title``, ``url``, ``window_number``
            and ``count``, in the folder's order.
        """
        counts = {
            entry["value"]: entry["count"]
            for entry in search_items(b_size=0)["facets"]["department"]
        }
        windows = []
        for record in departments():
            # The few departments of the folder are read for their window.
            department = self.context.get(record["id"])
            if department is None or not IDepartment.providedBy(department):
                continue
            windows.append(
                {
                    "title": record["title"],
                    "url": record["url"],
                    "window_number": department.window_number,
                    "count": counts.get(record["id"], 0),
                }
            )
        return windows
