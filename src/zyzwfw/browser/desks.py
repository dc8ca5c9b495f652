"""The two desks: the applicant's (我的办件) and the window staff's (窗口工作台).

Both list applications through :mod:`zyzwfw.applications`, which returns
only what the current user may see; these views add the filters and the
words and colours of the warnings.
"""

from AccessControl import Unauthorized
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zyzwfw import _
from zyzwfw import applications
from zyzwfw import complaints
from zyzwfw import consultations
from zyzwfw import evaluations
from zyzwfw import notifications
from zyzwfw import supervision
from zyzwfw.browser.application import date_text
from zyzwfw.browser.application import form_text
from zyzwfw.browser.application import time_text
from zyzwfw.browser.supervision import order_row


#: How many of the applicant's latest messages the desk shows.
MESSAGES_SHOWN = 5

#: How many characters of a question or a complaint's subject the desk shows.
CASE_TEXT_SHOWN = 40

#: How many of the questions awaiting an answer the worklist shows.
WORKLIST_QUESTIONS = 10


#: The states the worklist's filter offers, in the order of the workflow.
WORKLIST_STATES = (
    applications.SUBMITTED,
    applications.PREREVIEWED,
    applications.ACCEPTED,
    applications.SUPPLEMENT,
    applications.APPROVED,
    applications.REFUSED,
    applications.REJECTED,
    applications.WITHDRAWN,
)


def form_number(request, name):
    """Return a whole number from the request, or 0 when it is absent or bad.

    :param request: The request.
    :param name: The parameter's name.
    :returns: The number, never negative.
    :rtype: int
    """
    value = form_text(request, name, max_length=10)
    return int(value) if value.isascii() and value.isdigit() else 0


def deadline_text(summary):
    """Return the words of an application's deadline warning.

    :param summary: An application as :func:`applications.worklist` or
        :func:`applications.applications_for` lists it.
    :type summary: dict
    :returns: A message saying how many working days are left or how late
        the application is, or that its clock is stopped; ``None`` when
        nothing runs.
    """
    if summary["paused"]:
        return _("desk_clock_paused", default="Clock stopped for a supplement")
    days = summary["days_left"]
    if days is None:
        return None
    if days < 0:
        return _(
            "desk_overdue",
            default="Overdue by ${days} working day(s)",
            mapping={"days": -days},
        )
    if days == 0:
        return _("desk_due_today", default="Due today")
    if summary["warning"] == "yellow":
        return _(
            "desk_due_soon",
            default="Due soon: ${days} working day(s) left",
            mapping={"days": days},
        )
    return _(
        "desk_days_left",
        default="${days} working day(s) left",
        mapping={"days": days},
    )


def question_row(entry):
    """Return a question as the desks list it, with its times in words.

    :param entry: A question as :func:`zyzwfw.consultations.desk` gives it.
    :type entry: dict
    :returns: The entry with ``asked_text``, ``due_text`` and
        ``deadline_text``.
    :rtype: dict
    """
    return dict(
        entry,
        asked_text=time_text(entry["asked"]),
        due_text=date_text(entry["due_date"]),
        deadline_text=deadline_text(dict(entry, paused=False)),
    )


def one_line(text):
    """Return a question or subject on one line, cut to :data:`CASE_TEXT_SHOWN`."""
    return consultations.shortened(" ".join((text or "").split()), CASE_TEXT_SHOWN)


class MyApplicationsView(BrowserView):
    """The applicant's own applications, newest first, and their latest messages."""

    def __call__(self):
        if api.user.is_anonymous():
            # Plone answers with its login form, coming back here after.
            raise Unauthorized("Log in to see your applications.")
        self.user_id = api.user.get_current().getId()
        return self.index()

    def applications(self):
        """Return the applicant's applications, ready to show.

        :returns: The dicts of :func:`applications.applications_for`, each
            with ``due_text``, ``edit_url`` (for a draft or one to
            supplement, else ``None``), ``rate_url`` (for an ended
            application not rated yet, else ``None``) and ``action_label``.
        :rtype: list
        """
        rows = []
        rated = evaluations.rated_application_uids(self.user_id)
        for summary in applications.applications_for(self.user_id):
            editable = summary["state"] in (applications.DRAFT, applications.SUPPLEMENT)
            running = summary["state"] in applications.OPEN_STATES
            rows.append(
                dict(
                    summary,
                    due_text=date_text(summary["due_date"]) if running else "",
                    created_text=time_text(summary["created"]),
                    edit_url=f"{summary['url']}/@@application-form"
                    if editable
                    else None,
                    rate_url=evaluations.rating_url(summary, rated),
                )
            )
        return rows

    def cases(self):
        """Return the member's questions and complaints, the newest first.

        :returns: Dicts with ``kind`` (a message: 咨询 or 投诉), ``number``,
            ``text`` (the question or the subject, shortened), ``state``,
            ``state_title``, ``time`` (when asked or received), ``time_text``
            and ``url``.
        :rtype: list
        """
        rows = [
            {
                "kind": _("desk_kind_consultation", default="Question"),
                "number": case["number"],
                "text": one_line(case["question"]),
                "state": case["state"],
                "state_title": case["state_title"],
                "time": case["asked"],
                "url": case["url"],
            }
            for case in consultations.asked_by(self.user_id)
        ]
        rows.extend(
            {
                "kind": _("desk_kind_complaint", default="Complaint"),
                "number": case["number"],
                "text": one_line(case["subject"]),
                "state": case["state"],
                "state_title": case["state_title"],
                "time": case["received"],
                "url": case["url"],
            }
            for case in complaints.filed_by(self.user_id)
        )
        rows.sort(key=lambda row: row["time"], reverse=True)
        for row in rows:
            row["time_text"] = time_text(row["time"])
        return rows

    def messages(self):
        """Return the applicant's latest messages, newest first.

        :returns: Up to :data:`MESSAGES_SHOWN` dicts as
            :func:`zyzwfw.notifications.messages_for` gives them, with
            ``time_text``.
        :rtype: list
        """
        return [
            dict(message, time_text=time_text(message["created"]))
            for message in notifications.messages_for(self.user_id)[:MESSAGES_SHOWN]
        ]

    def portal_url(self):
        """Return the address of the hall."""
        return api.portal.get().absolute_url()


class WorklistView(BrowserView):
    """The window staff's applications, the most urgent first.

    Only members of a department's staff group may open it. Filters by
    state and item come as GET parameters, so a filtered list can be
    bookmarked.
    """

    question_macros = ViewPageTemplateFile("templates/question_macros.pt")

    def __call__(self):
        self.departments = applications.staff_departments()
        if not self.departments:
            raise Unauthorized("Only window staff have a worklist.")
        self.state = form_text(self.request, "state")
        if self.state not in WORKLIST_STATES:
            self.state = ""
        self.item_uid = form_text(self.request, "item")
        if self.item_uid not in {item["uid"] for item in self.items()}:
            self.item_uid = ""
        return self.index()

    def items(self):
        """Return the items of the staff member's departments, for the filter.

        :returns: Dicts with ``uid`` and ``title``, sorted by title.
        :rtype: list
        """
        if getattr(self, "_items", None) is None:
            paths = [
                "/".join(department.getPhysicalPath())
                for department in self.departments
            ]
            brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
                portal_type="ServiceItem", path=paths, sort_on="sortable_title"
            )
            self._items = [{"uid": brain.UID, "title": brain.Title} for brain in brains]
        return self._items

    def states(self):
        """Return the states of the filter, with their titles.

        :returns: Dicts with ``value`` and ``title``.
        :rtype: list
        """
        return [
            {"value": state, "title": applications.state_title(state)}
            for state in WORKLIST_STATES
        ]

    def applications(self):
        """Return the page of filtered applications, most urgent first, ready to show.

        :returns: The dicts of :func:`applications.worklist_page`'s rows,
            each with ``deadline_text``, ``step_due_text``, ``due_text``
            and ``submitted_text``; :meth:`pages` tells where the page is.
        :rtype: list
        """
        states = (self.state,) if self.state else applications.STAFF_STATES
        self.page = applications.worklist_page(
            [department.UID() for department in self.departments],
            states=states,
            item_uid=self.item_uid or None,
            start=form_number(self.request, "b_start"),
            size=applications.WORKLIST_PAGE_SIZE,
        )
        running = set(applications.OPEN_STATES)
        return [
            dict(
                summary,
                deadline_text=deadline_text(summary),
                step_due_text=date_text(summary["step_due_date"])
                if summary["state"] in running
                else "",
                due_text=date_text(summary["due_date"])
                if summary["state"] in running
                else "",
                submitted_text=time_text(summary["submitted"]),
            )
            for summary in self.page["rows"]
        ]

    def pages(self):
        """Return where the shown page lies in the worklist, after :meth:`applications`.

        :returns: ``total``, ``first`` and ``last`` (positions counted from
            1), and ``previous_url`` and ``next_url`` (``None`` at either
            end); ``None`` when everything fits on one page.
        :rtype: dict
        """
        total, start = self.page["total"], self.page["start"]
        size = applications.WORKLIST_PAGE_SIZE
        if total <= size:
            return None
        end = min(total, start + size)
        return {
            "total": total,
            "first": start + 1,
            "last": end,
            "previous_url": self.filter_url(b_start=str(max(0, start - size)))
            if start
            else None,
            "next_url": self.filter_url(b_start=str(end)) if end < total else None,
        }

    def questions(self):
        """Return the questions the departments must answer, earliest due first.

        The worklist shows the most urgent of them beside the applications,
        overdue ones in red like applications; the consultation desk has
        them all.

        :returns: ``rows``, the first :data:`WORKLIST_QUESTIONS` dicts of
            :func:`zyzwfw.consultations.desk_page`, with ``asked_text``,
            ``due_text`` and ``deadline_text``; ``total``, how many await an
            answer.
        :rtype: dict
        """
        page = consultations.desk_page(
            [department.UID() for department in self.departments],
            size=WORKLIST_QUESTIONS,
        )
        return dict(page, rows=[question_row(entry) for entry in page["rows"]])

    def supervision_orders(self):
        """Return the supervision orders sent to the staff's departments, open ones.

        :returns: The dicts of :func:`zyzwfw.browser.supervision.order_row`.
        :rtype: list
        """
        return [order_row(record) for record in supervision.orders_for_staff()]

    def filter_url(self, **changes):
        """Return the worklist's address with some filters changed.

        :param changes: ``state``, ``item`` or ``b_start`` (the first
            application of a page); ``""`` removes a filter.
        :returns: The URL.
        :rtype: str
        """
        parameters = {"state": self.state, "item": self.item_uid, **changes}
        # A changed filter starts again from the first page.
        query = [
            (name, value)
            for name, value in parameters.items()
            if value and value != "0"
        ]
        url = f"{api.portal.get().absolute_url()}/worklist"
        return f"{url}?{urlencode(query)}" if query else url
