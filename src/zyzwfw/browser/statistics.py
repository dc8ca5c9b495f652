"""The centre's statistics desk, its exports, the public figures and practice.

``@@hall-statistics-desk`` shows a year or a month: headline figures, charts
(the months' trend, the departments' volume, the share of volume), and every
figure in tables — per department, per month, the balance of departments by
month, the assessment ranking, the incentive lists and the training check.
Every table is downloadable as XLSX and CSV from
``@@hall-statistics-export?table=…&format=xlsx|csv`` with the same period
parameters. The public section page ``statistics`` shows the hall's headline
figures only, which hold no personal data.
"""

from AccessControl import Unauthorized
from dataclasses import dataclass
from dataclasses import field
from plone import api
from plone.protect import CheckAuthenticator
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from zope.i18n import translate
from zope.interface import alsoProvides
from zyzwfw import _
from zyzwfw import applications
from zyzwfw import assessment
from zyzwfw import practice
from zyzwfw import statistics
from zyzwfw.browser import charts
from zyzwfw.browser.application import content_disposition
from zyzwfw.browser.application import form_text

import csv
import io
import openpyxl


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#: Kinds of cells: how a value is shown and exported.
TEXT, INT, RATE, DECIMAL, TIME = "text", "int", "rate", "decimal", "time"


@dataclass
class Column:
    """A column of a table: the key of its value, its title and its kind."""

    key: str
    title: object
    kind: str = INT


@dataclass
class Table:
    """A table of the desk, as shown and as exported.

    :ivar name: Its name in the export's URL.
    :ivar title: Its caption, a message.
    :ivar columns: Its :class:`Column` list.
    :ivar rows: Dicts of raw values by column key; a row may have
        ``_highlight`` (a set of keys to mark) and ``_total`` (the sum row).
    """

    name: str
    title: object
    columns: list
    rows: list = field(default_factory=list)


def cell_text(value, kind):
    """Return a value as the desk and the CSV show it.

    :param value: The raw value; ``None`` means unavailable.
    :param kind: The column's kind.
    :returns: The text; ``—`` for an unavailable figure.
    :rtype: str
    """
    if value is None:
        return "—"
    if kind == RATE:
        return f"{value * 100:.1f}%"
    if kind == DECIMAL:
        return f"{value:.1f}"
    if kind == TIME:
        return applications.local_time(value).strftime("%Y-%m-%d %H:%M")
    if kind == INT:
        return str(int(value))
    return str(value)


def period_from_request(request, today=None):
    """Return the year, month and quarter a page or export was asked for.

    Wrong or missing values fall back to the current year, the whole year,
    and the current (or last) quarter.

    :param request: The request, with ``year``, ``month`` and ``quarter``.
    :param today: The hall's today, for the defaults.
    :returns: ``(year, month or None, quarter)``.
    :rtype: tuple
    """
    today = today or applications.hall_now().date()

    def number(name, low, high):
        text = form_text(request, name, 8)
        if text.isdigit() and low <= int(text) <= high:
            return int(text)
        return None

    year = number("year", 2000, 2100) or today.year
    month = number("month", 1, 12)
    quarter = number("quarter", 1, 4)
    if quarter is None:
        quarter = assessment.quarter_of(today.month) if year == today.year else 4
    return year, month, quarter


def _translated(message, request):
    return translate(message, context=request)


class Tables:
    """The tables of the desk for one period."""

    def __init__(self, year, month, quarter):
        self.year = year
        self.month = month
        self.quarter = quarter
        self._rows = None

    def department_rows(self):
        """Return the departments' figures of the period, with the total."""
        if self._rows is None:
            self._rows = statistics.department_figures(self.year, self.month)
        return self._rows

    def total(self):
        """Return the hall's total of the period."""
        return statistics.totals(self.department_rows())

    def departments(self):
        """Return the table of figures per department."""
        rows = [
            dict(row, _highlight={"submitted"} if not row["submitted"] else set())
            for row in self.department_rows()
        ]
        total = dict(self.total(), title=_("stats_total", default="Whole hall"))
        total["_total"] = True
        return Table(
            "departments",
            _("stats_table_departments", default="Figures per department"),
            DEPARTMENT_COLUMNS,
            rows + [total],
        )

    def months(self):
        """Return the table of the hall's figures per month of the year."""
        rows = []
        for number, month in enumerate(statistics.monthly_counts(self.year), 1):
            row = statistics.derived(month)
            row["month"] = f"{self.year}-{number:02d}"
            rows.append(row)
        return Table(
            "months",
            _("stats_table_months", default="The hall per month"),
            MONTH_COLUMNS,
            rows,
        )

    def balance(self):
        """Return each department's online applications per month, zeros marked."""
        matrix = statistics.department_month_counts(self.year)
        columns = [
            Column("title", _("stats_col_department", default="Department"), TEXT)
        ]
        columns += [Column(f"m{n}", f"{n}月", INT) for n in range(1, 13)]
        columns += [
            Column("year_total", _("stats_col_year_total", default="Year"), INT),
            Column("share", _("stats_col_share", default="Share of volume"), RATE),
        ]
        today = applications.hall_now().date()
        shown_months = range(1, 13)
        if self.year == today.year:
            shown_months = range(1, today.month + 1)
        elif self.year > today.year:
            shown_months = range(0)
        total = sum(sum(values) for values in matrix.values())
        rows = []
        for department in statistics.departments():
            values = matrix.get(department["uid"], [0] * 12)
            row = {"title": department["title"]}
            row.update({f"m{n}": values[n - 1] for n in range(1, 13)})
            row["year_total"] = sum(values)
            row["share"] = statistics.ratio(sum(values), total)
            row["_highlight"] = {f"m{n}" for n in shown_months if not values[n - 1]}
            rows.append(row)
        return Table(
            "balance",
            _(
                "stats_table_balance",
                default="Online applications per department and month",
            ),
            columns,
            rows,
        )

    def assessment(self):
        """Return the assessment of the month, or of the quarter in a year view."""
        result = self.assessment_result()
        rows = []
        for entry in result["ranking"]:
            row = {
                "rank": entry["rank"],
                "title": entry["title"],
                "score": entry["score"],
            }
            row.update(
                {name: entry["values"].get(name) for name in assessment.INDICATORS}
            )
            rows.append(row)
        return Table(
            "assessment",
            _(
                "stats_table_assessment",
                default="Assessment ${period}",
                mapping={"period": result["period"]},
            ),
            ASSESSMENT_COLUMNS,
            rows,
        )

    def assessment_result(self):
        """Return the assessment of the period (stored once it is over)."""
        if getattr(self, "_assessment", None) is None:
            if self.month:
                self._assessment = assessment.assess(self.year, month=self.month)
            else:
                self._assessment = assessment.assess(self.year, quarter=self.quarter)
        return self._assessment

    def staff(self):
        """Return the incentive list of staff."""
        return Table(
            "staff",
            _("stats_table_staff", default="First staff members to decide online"),
            STAFF_COLUMNS,
            assessment.incentive_staff(),
        )

    def citizens(self):
        """Return the incentive list of applicants."""
        return Table(
            "citizens",
            _("stats_table_citizens", default="First applicants to apply online"),
            CITIZEN_COLUMNS,
            assessment.incentive_citizens(),
        )

    def training(self):
        """Return the training check: per department, who passed and who not."""
        rows = []
        for department in practice.training_status():
            rows.append(
                {
                    "title": department["title"],
                    "staff": len(department["passed"]) + len(department["pending"]),
                    "passed_count": len(department["passed"]),
                    "passed": "、".join(
                        person["fullname"] for person in department["passed"]
                    ),
                    "pending": "、".join(
                        person["fullname"] for person in department["pending"]
                    ),
                    "_highlight": {"pending"} if department["pending"] else set(),
                }
            )
        return Table(
            "training",
            _("stats_table_training", default="Training check of the window staff"),
            TRAINING_COLUMNS,
            rows,
        )

    def get(self, name):
        """Return a table by its name, or ``None``."""
        if name not in TABLE_NAMES:
            return None
        return getattr(self, name)()


TABLE_NAMES = (
    "departments",
    "months",
    "balance",
    "assessment",
    "staff",
    "citizens",
    "training",
)

_COUNTER_COLUMNS = [
    Column("submitted", _("stats_col_submitted", default="Applied online")),
    Column(
        "prereview_passed",
        _("stats_col_prereview_passed", default="Pre-reviews passed"),
    ),
    Column(
        "prereview_pass_rate",
        _("stats_col_prereview_pass_rate", default="Pre-review pass rate"),
        RATE,
    ),
    Column("supplement", _("stats_col_supplement", default="Supplements asked")),
    Column("accepted", _("stats_col_accepted", default="Accepted")),
    Column("approved", _("stats_col_approved", default="Approved")),
    Column("refused", _("stats_col_refused", default="Refused")),
    Column("on_time_rate", _("stats_col_on_time_rate", default="On-time rate"), RATE),
    Column(
        "average_decide_days",
        _("stats_col_average_days", default="Working days to decide"),
        DECIMAL,
    ),
]

DEPARTMENT_COLUMNS = [
    Column("title", _("stats_col_department", default="Department"), TEXT),
    *_COUNTER_COLUMNS,
    Column(
        "consultations_answered",
        _("stats_col_consultations", default="Consultations answered"),
    ),
    Column(
        "average_answer_hours",
        _("stats_col_answer_hours", default="Hours to answer"),
        DECIMAL,
    ),
    Column("online_rate", _("stats_col_online_rate", default="Online rate"), RATE),
    Column("ratings", _("stats_col_ratings", default="Ratings")),
    Column(
        "satisfaction_rate",
        _("stats_col_satisfaction_rate", default="Satisfaction rate"),
        RATE,
    ),
    Column("cards", _("stats_col_cards", default="Cards")),
    Column("share", _("stats_col_share", default="Share of volume"), RATE),
]

MONTH_COLUMNS = [
    Column("month", _("stats_col_month", default="Month"), TEXT),
    *_COUNTER_COLUMNS,
]

ASSESSMENT_COLUMNS = [
    Column("rank", _("stats_col_rank", default="Rank")),
    Column("title", _("stats_col_department", default="Department"), TEXT),
    Column("score", _("stats_col_score", default="Score"), DECIMAL),
    *[
        Column(name, assessment.INDICATOR_TITLES[name], RATE)
        for name in assessment.INDICATORS
    ],
]

STAFF_COLUMNS = [
    Column("rank", _("stats_col_rank", default="Rank")),
    Column("fullname", _("stats_col_name", default="Name"), TEXT),
    Column("department", _("stats_col_department", default="Department"), TEXT),
    Column("when", _("stats_col_first_decision", default="First decision"), TIME),
]

CITIZEN_COLUMNS = [
    Column("rank", _("stats_col_rank", default="Rank")),
    Column("name", _("stats_col_applicant", default="Applicant"), TEXT),
    Column("when", _("stats_col_first_application", default="First application"), TIME),
]

TRAINING_COLUMNS = [
    Column("title", _("stats_col_department", default="Department"), TEXT),
    Column("staff", _("stats_col_staff", default="Window staff")),
    Column("passed_count", _("stats_col_passed_count", default="Passed")),
    Column("passed", _("stats_col_passed", default="Who passed"), TEXT),
    Column("pending", _("stats_col_pending", default="Not yet passed"), TEXT),
]


def _needs_storing(year, month, quarter):
    """Whether reading this period's assessment stores it now."""
    last = assessment.period_last_day(year, month, None if month else quarter)
    if last >= applications.hall_now().date():
        return False
    return assessment.stored(year, month, None if month else quarter) is None


class _PeriodView(BrowserView):
    """What the desk and the export share: the period and its tables."""

    def setup(self):
        self.year, self.month, self.quarter = period_from_request(self.request)
        self.tables = Tables(self.year, self.month, self.quarter)
        if _needs_storing(self.year, self.month, self.quarter):
            # Storing an ended period's assessment is a write that a page read
            # makes; it holds nothing from the request.
            alsoProvides(self.request, IDisableCSRFProtection)

    def period_query(self):
        """Return the period as URL parameters."""
        query = f"year={self.year}"
        if self.month:
            query += f"&month={self.month}"
        else:
            query += f"&quarter={self.quarter}"
        return query


class StatisticsDeskView(_PeriodView):
    """The centre's statistics desk (数据统计与考核)."""

    def __call__(self):
        self.setup()
        return self.index()

    def portal_url(self):
        """Return the hall's address."""
        return api.portal.get().absolute_url()

    def years(self):
        """Return the years the filter offers: this one and the five before."""
        this_year = applications.hall_now().year
        return list(range(this_year, this_year - 6, -1))

    def period_title(self):
        """Return the period as the page names it."""
        if self.month:
            return f"{self.year}年{self.month}月"
        return f"{self.year}年"

    def headline(self):
        """Return the figures at the top of the desk, as texts."""
        total = self.tables.total()
        growth = statistics.yearly(self.year)
        return [
            {
                "label": _("stats_head_online", default="Applied online"),
                "value": cell_text(total["submitted"], INT),
            },
            {
                "label": _("stats_head_growth", default="Growth over the year before"),
                "value": cell_text(growth["growth"], RATE),
            },
            {
                "label": _(
                    "stats_col_prereview_pass_rate", default="Pre-review pass rate"
                ),
                "value": cell_text(total["prereview_pass_rate"], RATE),
            },
            {
                "label": _("stats_col_on_time_rate", default="On-time rate"),
                "value": cell_text(total["on_time_rate"], RATE),
            },
            {
                "label": _("stats_col_satisfaction_rate", default="Satisfaction rate"),
                "value": cell_text(total["satisfaction_rate"], RATE),
            },
            {
                "label": _("stats_head_top_share", default="Share of the top four"),
                "value": cell_text(self.balance()["top_share"], RATE),
            },
        ]

    def cell_rate(self, value):
        """Return a rate as the page shows it."""
        return cell_text(value, RATE)

    def yearly(self):
        """Return the year's total and growth."""
        return statistics.yearly(self.year)

    def balance(self):
        """Return the balance of the period's volume between departments."""
        return statistics.balance(self.tables.department_rows())

    def show_tables(self):
        """Return the tables, each with its rows ready to show and export links."""
        shown = []
        for name in TABLE_NAMES:
            table = self.tables.get(name)
            shown.append(
                {
                    "name": name,
                    "title": table.title,
                    "columns": table.columns,
                    "rows": [self.show_row(table, row) for row in table.rows],
                    "xlsx": self.export_url(name, "xlsx"),
                    "csv": self.export_url(name, "csv"),
                }
            )
        return shown

    def show_row(self, table, row):
        """Return a row's cells as texts, with their marks."""
        marked = row.get("_highlight") or set()
        return {
            "total": bool(row.get("_total")),
            "cells": [
                {
                    "text": cell_text(row.get(column.key), column.kind)
                    if not hasattr(row.get(column.key), "domain")
                    else row.get(column.key),
                    "header": column.key == "title" or column.key == "month",
                    "marked": column.key in marked,
                    "number": column.kind != TEXT,
                }
                for column in table.columns
            ],
        }

    def export_url(self, name, kind):
        """Return the address of a table's export."""
        return (
            f"{self.portal_url()}/@@hall-statistics-export?table={name}"
            f"&format={kind}&{self.period_query()}"
        )

    def method(self):
        """Return the assessment method the ranking was computed with."""
        result = self.tables.assessment_result()
        return {
            "name": result["method"]["name"],
            "stored": result.get("stored"),
            "computed": result["computed"],
            "weights": [
                {
                    "title": assessment.INDICATOR_TITLES[name],
                    "weight": result["method"]["weights"].get(name, 0),
                }
                for name in assessment.INDICATORS
            ],
        }

    def can_manage(self):
        """Whether the user may edit the assessment method."""
        return api.user.has_permission("zyzwfw: Manage assessment", obj=self.context)

    # Charts

    def trend_chart(self):
        """Return the line chart of the year's online applications and decisions."""
        months = statistics.monthly_counts(self.year)
        submitted = [month["submitted"] for month in months]
        decided = [month["decided"] for month in months]
        request = self.request
        title = _translated(
            _(
                "stats_chart_trend",
                default="Online applications and decisions in ${year}",
                mapping={"year": self.year},
            ),
            request,
        )
        description = _translated(
            _(
                "stats_chart_trend_desc",
                default="Per month, January to December: applied online "
                "${submitted}; decided ${decided}.",
                mapping={
                    "submitted": "、".join(map(str, submitted)),
                    "decided": "、".join(map(str, decided)),
                },
            ),
            request,
        )
        return charts.line_chart(
            "chart-trend",
            title,
            description,
            [f"{n}月" for n in range(1, 13)],
            [
                (
                    _translated(
                        _("stats_col_submitted", default="Applied online"), request
                    ),
                    submitted,
                ),
                (
                    _translated(_("stats_series_decided", default="Decided"), request),
                    decided,
                ),
            ],
        )

    def department_chart(self):
        """Return the bar chart of each department's online applications."""
        shares = self.balance()["shares"]
        bars = [(share["title"], share["submitted"]) for share in shares]
        description = _translated(
            _(
                "stats_chart_departments_desc",
                default="Online applications per department, busiest first: "
                "${bars}. Departments without any are drawn in red.",
                mapping={
                    "bars": "；".join(f"{label} {value}" for label, value in bars)
                },
            ),
            self.request,
        )
        title = _translated(
            _(
                "stats_chart_departments",
                default="Online applications per department, ${period}",
                mapping={"period": self.period_title()},
            ),
            self.request,
        )
        return charts.bar_chart("chart-departments", title, description, bars)

    def share_chart(self):
        """Return the chart of each department's share of the online volume."""
        balance = self.balance()
        shares = [(share["title"], share["share"] or 0) for share in balance["shares"]]
        request = self.request
        description = _translated(
            _(
                "stats_chart_share_desc",
                default="Share of the hall's online applications: ${shares}. The "
                "four busiest departments have ${top}.",
                mapping={
                    "shares": "；".join(
                        f"{label} {share * 100:.1f}%"
                        for label, share in shares
                        if share
                    ),
                    "top": cell_text(balance["top_share"], RATE),
                },
            ),
            request,
        )
        title = _translated(
            _("stats_chart_share", default="Share of the online volume"), request
        )
        return charts.share_chart(
            "chart-share",
            title,
            description,
            shares,
            _translated(_("stats_others", default="Other departments"), request),
        )


class StatisticsExportView(_PeriodView):
    """A table of the desk as an XLSX or CSV file."""

    def __call__(self):
        self.setup()
        name = form_text(self.request, "table", 40)
        kind = form_text(self.request, "format", 8) or "xlsx"
        table = self.tables.get(name)
        if table is None or kind not in ("xlsx", "csv"):
            self.request.response.setStatus(400)
            self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return _translated(
                _(
                    "error_stats_export",
                    default="Choose one of the tables and the format xlsx or csv.",
                ),
                self.request,
            )
        title = _translated(table.title, self.request)
        period = f"{self.year}" + (f"-{self.month:02d}" if self.month else "")
        filename = f"{title}-{period}.{kind}"
        fallback = f"hall-statistics-{name}-{period}.{kind}"
        data = self.xlsx(table, title) if kind == "xlsx" else self.csv(table)
        response = self.request.response
        response.setHeader(
            "Content-Type", XLSX_TYPE if kind == "xlsx" else "text/csv; charset=utf-8"
        )
        response.setHeader(
            "Content-Disposition", content_disposition("attachment", filename, fallback)
        )
        response.setHeader("Content-Length", str(len(data)))
        response.setHeader("Cache-Control", "private, no-store")
        return data

    def headers(self, table):
        """Return the translated column titles."""
        return [_translated(column.title, self.request) for column in table.columns]

    def plain(self, value):
        """Return a cell's value translated if it is a message."""
        if hasattr(value, "domain"):
            return _translated(value, self.request)
        return value

    def csv(self, table):
        """Return the table as UTF-8 CSV with a byte order mark, for Excel."""
        stream = io.StringIO()
        writer = csv.writer(stream)
        writer.writerow(self.headers(table))
        for row in table.rows:
            writer.writerow(
                [
                    cell_text(self.plain(row.get(column.key)), column.kind)
                    if row.get(column.key) is not None
                    else ""
                    for column in table.columns
                ]
            )
        return ("\ufeff" + stream.getvalue()).encode("utf-8")

    def xlsx(self, table, title):
        """Return the table as a workbook: numbers stay numbers, rates percentages."""
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = title[:31]
        sheet.append(self.headers(table))
        for cell in sheet[1]:
            cell.font = openpyxl.styles.Font(bold=True)
        for row in table.rows:
            values = []
            for column in table.columns:
                value = self.plain(row.get(column.key))
                if column.kind == TIME and value is not None:
                    value = applications.local_time(value).replace(tzinfo=None)
                values.append(value)
            sheet.append(values)
            for cell, column in zip(sheet[sheet.max_row], table.columns, strict=True):
                if column.kind == RATE:
                    cell.number_format = "0.0%"
                elif column.kind == DECIMAL:
                    cell.number_format = "0.0"
                elif column.kind == TIME:
                    cell.number_format = "yyyy-mm-dd hh:mm"
        sheet.freeze_panes = "B2"
        stream = io.BytesIO()
        workbook.save(stream)
        return stream.getvalue()


class PublicStatisticsView(BrowserView):
    """The public section page: the hall's headline figures, nothing personal."""

    def __call__(self):
        today = applications.hall_now().date()
        self.year = today.year
        self.figures = statistics.headline(self.year)
        self.previous = statistics.headline(self.year - 1)
        return self.index()

    def cards(self):
        """Return the headline figures of this year as texts."""
        figures = self.figures
        return [
            {
                "label": _(
                    "stats_public_online",
                    default="Applied online in ${year}",
                    mapping={"year": self.year},
                ),
                "value": cell_text(figures["online_total"], INT),
            },
            {
                "label": _(
                    "stats_public_previous",
                    default="Applied online in ${year}",
                    mapping={"year": self.year - 1},
                ),
                "value": cell_text(figures["previous_total"], INT),
            },
            {
                "label": _(
                    "stats_col_prereview_pass_rate", default="Pre-review pass rate"
                ),
                "value": cell_text(figures["prereview_pass_rate"], RATE),
            },
            {
                "label": _("stats_col_on_time_rate", default="On-time rate"),
                "value": cell_text(figures["on_time_rate"], RATE),
            },
            {
                "label": _("stats_col_satisfaction_rate", default="Satisfaction rate"),
                "value": cell_text(figures["satisfaction_rate"], RATE),
            },
        ]

    def months(self):
        """Return the months of the chart and table: this year and the last."""
        return [
            {
                "label": f"{n}月",
                "this_year": self.figures["months"][n - 1],
                "last_year": self.previous["months"][n - 1],
            }
            for n in range(1, 13)
        ]

    def chart(self):
        """Return the line chart of this year's and last year's months."""
        request = self.request
        this_year = self.figures["months"]
        last_year = self.previous["months"]
        return charts.line_chart(
            "chart-public",
            _translated(
                _("stats_public_chart", default="Online applications per month"),
                request,
            ),
            _translated(
                _(
                    "stats_public_chart_desc",
                    default="Per month, January to December: ${this_year} in "
                    "${year}; ${last_year} the year before.",
                    mapping={
                        "this_year": "、".join(map(str, this_year)),
                        "last_year": "、".join(map(str, last_year)),
                        "year": self.year,
                    },
                ),
                request,
            ),
            [f"{n}月" for n in range(1, 13)],
            [(f"{self.year}年", this_year), (f"{self.year - 1}年", last_year)],
        )

    def desk_url(self):
        """Return the desk's address for those who may open it, else ``None``."""
        if api.user.has_permission("zyzwfw: View hall statistics", obj=self.context):
            return f"{api.portal.get().absolute_url()}/@@hall-statistics-desk"
        return None


class PracticePanelView(BrowserView):
    """The training check on the apply page, for window staff only."""

    def __call__(self):
        self.departments = applications.staff_departments()
        if not self.departments:
            return ""
        return self.index()

    def items(self):
        """Return the online items of the clerk's departments, with practice links."""
        catalog = api.portal.get_tool("portal_catalog")
        paths = [
            "/".join(department.getPhysicalPath()) for department in self.departments
        ]
        brains = catalog.unrestrictedSearchResults(
            portal_type="ServiceItem",
            path=paths,
            online_depth=["2", "3", "4"],
            sort_on="sortable_title",
        )
        return [
            {"title": brain.Title, "action": f"{brain.getURL()}/@@practice-application"}
            for brain in brains
        ]

    def passed(self):
        """Return when the clerk passed, in each of their departments."""
        user_id = api.user.get_current().getId()
        return [
            {
                "title": department.Title(),
                "when": practice.passed_on(user_id, department.UID()),
            }
            for department in self.departments
        ]


class PracticeStartView(BrowserView):
    """Start a practice application for an item (POST), then fill it in."""

    def __call__(self):
        if self.request.method != "POST":
            raise Unauthorized("Start a practice application with the form.")
        CheckAuthenticator(self.request)
        application = practice.start_practice(self.context)
        api.portal.show_message(
            _(
                "practice_started",
                default="A practice application was made. Fill it in and submit "
                "it, then decide it from your worklist.",
            ),
            self.request,
        )
        return self.request.response.redirect(
            f"{application.absolute_url()}/@@application-form"
        )
