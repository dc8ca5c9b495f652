"""The supervision desk (电子监察) and the staff's replies to supervision orders.

The desk is for those holding ``zyzwfw: Supervise`` (the supervisor and the
centre's site administrators): cards by department and rule, open orders,
any case's complete timeline, and the form that sends an order. The rules
live in :mod:`zyzwfw.supervision`; this module reads the filters and shows.
"""

from AccessControl import Unauthorized
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zyzwfw import _
from zyzwfw import applications
from zyzwfw import supervision
from zyzwfw import weekly_reports
from zyzwfw.browser.application import date_text
from zyzwfw.browser.application import form_text
from zyzwfw.browser.application import time_text

import datetime


#: How many of the latest cards the desk lists.
CARDS_SHOWN = 100

#: How many weeks back, this one included, the report page offers.
RECENT_WEEKS = 8

#: Days the desk looks back when no range is given.
DEFAULT_DAYS = 30


def parse_day(text):
    """Return a ``YYYY-MM-DD`` text as a date, ``None`` if it is not one.

    :param text: The text.
    :type text: str
    :rtype: datetime.date
    """
    try:
        return datetime.date.fromisoformat((text or "").strip())
    except ValueError:
        return None


def full_name(user_id):
    """Return a user's full name, the id if there is none.

    :param user_id: The user id, or ``""``.
    :rtype: str
    """
    if not user_id:
        return ""
    user = api.user.get(userid=user_id)
    if user is None:
        return user_id
    return user.getProperty("fullname", "") or user_id


def order_row(record):
    """Return an order as the pages show it.

    :param record: A supervision order.
    :returns: A dict with ``id``, ``number``, ``case_type``,
        ``department``, ``text``, ``sent_text``, ``reply_due_text``,
        ``late`` (past its reply deadline and not replied), ``sender``,
        ``reply``, ``replied_text``, ``replier`` and ``status``.
    :rtype: dict
    """
    today = applications.hall_now().date()
    return {
        "id": record.id,
        "number": record.number,
        "case_type": record.case_type,
        "department": record.department_title,
        "text": record.text,
        "sent_text": time_text(record.created),
        "reply_due_text": date_text(record.reply_due),
        "late": record.status == supervision.OPEN and record.reply_due < today,
        "sender": full_name(record.sender),
        "reply": record.reply,
        "replied_text": time_text(record.replied),
        "replier": full_name(record.replier),
        "status": record.status,
    }


class SupervisionDeskView(BrowserView):
    """The supervision desk: cards, orders, timelines, and sending an order."""

    def __call__(self):
        self.errors = {}
        self.today = applications.hall_now().date()
        self.start = parse_day(form_text(self.request, "start"))
        self.end = parse_day(form_text(self.request, "end"))
        if self.start is None:
            self.start = self.today - datetime.timedelta(days=DEFAULT_DAYS)
        if self.end is None or self.end < self.start:
            self.end = self.today
        self.case_number = form_text(self.request, "case")
        self.case = supervision.find_case(self.case_number)
        self.order_values = {"text": "", "reply_due": ""}
        if self.request.method == "POST" and "send-order" in self.request.form:
            if self.send_order():
                return ""
        return self.index()

    # Sending an order

    def send_order(self):
        """Send the order of the form; ``True`` when sent and redirected.

        :raises Forbidden: If the form's authenticator is missing or wrong.
        """
        CheckAuthenticator(self.request)
        text = form_text(self.request, "text", supervision.TEXT_MAX_LENGTH + 1)
        reply_due = parse_day(form_text(self.request, "reply_due"))
        self.order_values = {
            "text": text,
            "reply_due": form_text(self.request, "reply_due"),
        }
        if self.case is None:
            self.errors["case"] = _(
                "error_order_case_unknown", default="No case has this number."
            )
            return False
        try:
            supervision.send_order(self.case, text, reply_due)
        except supervision.OrderInvalid as error:
            self.errors[error.field] = error.message
            return False
        api.portal.show_message(
            _("order_sent", default="The supervision order was sent."),
            request=self.request,
        )
        self.request.response.redirect(self.filter_url(case=self.case_number))
        return True

    # What the page shows

    def counts(self):
        """Return the cards by department and rule within the range.

        :returns: The rows of :func:`supervision.counts_by_department`.
        :rtype: list
        """
        return supervision.counts_by_department(self.start, self.end)

    def rules(self):
        """Return the rules, for the columns of the counts.

        :returns: Dicts with ``id``, ``color`` and ``title``.
        :rtype: list
        """
        return [
            {"id": rule.id, "color": rule.color, "title": rule.title}
            for rule in supervision.RULES.values()
        ]

    def totals(self):
        """Return the number of cards within the range, by color and in all.

        :rtype: dict
        """
        rows = self.counts()
        return {
            "yellow": sum(row["yellow"] for row in rows),
            "red": sum(row["red"] for row in rows),
            "total": sum(row["total"] for row in rows),
        }

    def cards(self):
        """Return the latest cards within the range, newest first.

        :returns: Up to :data:`CARDS_SHOWN` dicts with ``number``,
            ``case_type``, ``department``, ``rule_title``, ``color``,
            ``time_text``, ``description`` and ``url`` (its timeline).
        :rtype: list
        """
        found = supervision.cards(self.start, self.end)
        return [
            {
                "number": record.number,
                "case_type": record.case_type,
                "department": record.department_title,
                "rule_title": supervision.RULES[record.rule].title,
                "color": record.color,
                "time_text": time_text(record.created),
                "description": record.description,
                "url": self.filter_url(case=record.number or record.case_uid),
            }
            for record in reversed(found[-CARDS_SHOWN:])
        ]

    def open_orders(self):
        """Return the orders not yet replied to, the earliest deadline first.

        :returns: Dicts of :func:`order_row`, each with ``url``.
        :rtype: list
        """
        found = sorted(
            supervision.orders(status=supervision.OPEN),
            key=lambda record: (record.reply_due, record.id),
        )
        return [
            dict(order_row(record), url=self.filter_url(case=record.number))
            for record in found
        ]

    def case_summary(self):
        """Return what the desk shows of the case looked up.

        :returns: ``number``, ``type_title``, ``department``, ``state_title``,
            ``url`` (for those who may open it), ``due_text``; ``None``
            without a case.
        :rtype: dict
        """
        if self.case is None:
            return None
        source = supervision.source_of(self.case)
        facts = supervision.case_facts(self.case)
        state = api.content.get_state(obj=self.case, default="")
        workflow = api.portal.get_tool("portal_workflow")
        state_title = workflow.getTitleForStateOnType(state, self.case.portal_type)
        due = getattr(self.case, "due_date", None)
        return {
            "number": facts["number"],
            "type_title": source.title if source else self.case.portal_type,
            "department": facts["department_title"],
            "state_title": _(state_title) if state_title else state,
            "url": self.case.absolute_url(),
            "due_text": date_text(supervision.as_day(due)),
        }

    def timeline(self):
        """Return the case's timeline, ready to show.

        :returns: The steps of :func:`supervision.case_timeline`, each with
            ``time_text``, ``actor_name`` and ``css_class``.
        :rtype: list
        """
        if self.case is None:
            return []
        return [
            dict(
                step,
                time_text=step["time"].strftime("%Y-%m-%d %H:%M"),
                actor_name=full_name(step["actor"]),
                css_class=" ".join(
                    filter(
                        None,
                        (
                            "hall-timeline-step",
                            f"hall-timeline-{step['kind']}",
                            f"hall-card-{step['color']}" if "color" in step else "",
                        ),
                    )
                ),
            )
            for step in supervision.case_timeline(self.case)
        ]

    def case_orders(self):
        """Return the case's orders, oldest first, as :func:`order_row` gives them.

        :rtype: list
        """
        if self.case is None:
            return []
        return [
            order_row(record)
            for record in supervision.records_of(self.case.UID())
            if record.kind == supervision.ORDER
        ]

    def min_reply_due(self):
        """Return the first day an order may be due, for the date input."""
        return self.today.isoformat()

    def filter_url(self, **changes):
        """Return the desk's address with some parameters changed.

        :param changes: ``start``, ``end`` or ``case``; ``""`` removes one.
        :rtype: str
        """
        parameters = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "case": self.case_number,
            **changes,
        }
        query = [(name, value) for name, value in parameters.items() if value]
        return f"{api.portal.get().absolute_url()}/@@supervision?{urlencode(query)}"


class OrderReplyView(BrowserView):
    """Record a department's reply to a supervision order, from the worklist."""

    def __call__(self):
        if self.request.method != "POST":
            raise Unauthorized("Reply with the form of the worklist.")
        CheckAuthenticator(self.request)
        try:
            order_id = int(form_text(self.request, "order"))
        except ValueError:
            raise Unauthorized("No such supervision order.") from None
        text = form_text(self.request, "reply", supervision.TEXT_MAX_LENGTH + 1)
        try:
            supervision.reply_order(order_id, text)
        except supervision.OrderInvalid as error:
            api.portal.show_message(error.message, request=self.request, type="error")
        else:
            api.portal.show_message(
                _("order_replied", default="Your reply was recorded."),
                request=self.request,
            )
        url = f"{api.portal.get().absolute_url()}/worklist#supervision-orders"
        self.request.response.redirect(url)
        return ""


class WeeklyReportView(BrowserView):
    """A department's weekly report; for supervisors also all departments' at once.

    Supervisors and the centre see every department; window staff and
    leaders of a department see their own. A week whose reports the
    scheduled command has not written yet is computed on the spot.
    """

    def __call__(self):
        self.all_departments = api.user.has_permission(
            "zyzwfw: Supervise", obj=api.portal.get()
        )
        self.own = self._own_departments()
        if not self.all_departments and not self.own:
            raise Unauthorized("Only the centre and a department see its reports.")
        today = applications.hall_now().date()
        self.week = parse_day(form_text(self.request, "week"))
        if self.week is None:
            written = weekly_reports.written_weeks()
            self.week = written[0] if written else weekly_reports.previous_week(today)
        self.week = weekly_reports.week_start(self.week)
        uid = form_text(self.request, "department")
        self.department = self._department(uid)
        if self.department is None and not self.all_departments:
            self.department = self.own[0]
        return self.index()

    def _own_departments(self):
        found = {d.UID(): d for d in applications.staff_departments()}
        if not api.user.is_anonymous():
            user = api.user.get_current()
            groups = {group.getId() for group in api.group.get_groups(user=user)}
            catalog = api.portal.get_tool("portal_catalog")
            for brain in catalog.unrestrictedSearchResults(portal_type="Department"):
                department = brain._unrestrictedGetObject()
                code = getattr(department, "short_code", None)
                if code and f"{code}-{weekly_reports.LEADERS}" in groups:
                    found[department.UID()] = department
        return sorted(found.values(), key=lambda department: department.Title())

    def _department(self, uid):
        if not uid:
            return None
        for department in self.own:
            if department.UID() == uid:
                return department
        if self.all_departments:
            brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
                portal_type="Department", UID=uid
            )
            if brains:
                return brains[0]._unrestrictedGetObject()
        raise Unauthorized("Not a department whose reports this user sees.")

    def report(self):
        """Return the report of the chosen department, stored or computed.

        :returns: A report of :func:`weekly_reports.department_report` with
            ``rate_text`` and ``stored``; ``None`` for the overview.
        :rtype: dict
        """
        if self.department is None:
            return None
        report = weekly_reports.stored_report(self.department.UID(), self.week)
        stored = report is not None
        if report is None:
            report = weekly_reports.department_report(self.department, self.week)
        return dict(
            report,
            stored=stored,
            rate_text=weekly_reports.rate_text(report["figures"]["on_time_rate"]),
        )

    def overview(self):
        """Return every department's report of the week, for supervisors.

        :returns: Rows with the report's ``department_title``, ``figures``,
            ``rate_text``, ``overdue_count``, ``cards``, ``orders_count`` and
            ``url``; empty unless the user sees all departments.
        :rtype: list
        """
        if not self.all_departments or self.department is not None:
            return []
        rows = []
        for department in weekly_reports.departments():
            report = weekly_reports.stored_report(department.UID(), self.week)
            if report is None:
                report = weekly_reports.department_report(department, self.week)
            rows.append(
                dict(
                    report,
                    rate_text=weekly_reports.rate_text(
                        report["figures"]["on_time_rate"]
                    ),
                    overdue_count=len(report["overdue"]),
                    orders_count=len(report["open_orders"]),
                    url=weekly_reports.report_url(department.UID(), self.week),
                )
            )
        return rows

    def weeks(self):
        """Return the weeks to choose from: the recent ones and those written.

        :returns: Dicts with ``value`` (ISO Monday), ``title`` and
            ``selected``.
        :rtype: list
        """
        this_week = weekly_reports.week_start(applications.hall_now().date())
        recent = {
            this_week - datetime.timedelta(days=7 * back)
            for back in range(RECENT_WEEKS)
        }
        weeks = sorted(
            {*weekly_reports.written_weeks(), *recent, self.week}, reverse=True
        )
        return [
            {
                "value": week.isoformat(),
                "title": f"{week.isoformat()} — "
                f"{(week + datetime.timedelta(days=6)).isoformat()}",
                "selected": week == self.week,
            }
            for week in weeks
        ]

    def department_uid(self):
        """Return the UID of the chosen department, ``""`` for the overview."""
        return self.department.UID() if self.department is not None else ""
