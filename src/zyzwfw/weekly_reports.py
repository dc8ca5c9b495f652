"""The weekly work report (每周工作汇报) of each department.

On its first run in a new week the scheduled command (:mod:`zyzwfw.schedule`)
writes every department's report on the week before, Monday to Sunday:

- applications submitted, accepted and decided (approved or refused) that
  week, and how many of those decided were decided by their due date;
- the applications overdue when the report is written;
- the yellow and red cards given that week;
- the supervision orders still awaiting the department's reply.

Practice applications are not counted. A report is kept once written, so the
page shows what was sent, and is mailed through :mod:`zyzwfw.notifications`
to the department's leaders, the members of its group ``<short_code>-leaders``
(the centre fills it in the groups control panel), and one summary of all
departments to the centre's e-mail address of the hall control panel.
"""

from plone import api
from zope.i18n import translate
from zyzwfw import _
from zyzwfw import applications
from zyzwfw import logger
from zyzwfw import supervision

import datetime


#: Suffix of the group of a department's leaders: ``<short_code>-leaders``.
LEADERS = "leaders"

DECISIONS = ("approve", "refuse")

#: How far back from a week an application may have been submitted to be
#: accepted or decided in that week, in days.
LOOKBACK_DAYS = 366


def week_start(day):
    """Return the Monday of the week of ``day``.

    :param day: A day.
    :type day: datetime.date
    :rtype: datetime.date
    """
    return day - datetime.timedelta(days=day.weekday())


def previous_week(day):
    """Return the Monday of the week before the week of ``day``.

    :param day: A day.
    :type day: datetime.date
    :rtype: datetime.date
    """
    return week_start(day) - datetime.timedelta(days=7)


def _moment(day):
    zone = applications.hall_now().tzinfo
    return datetime.datetime.combine(day, datetime.time(), tzinfo=zone)


def _history_time(entry):
    return applications.local_time(entry["time"].asdatetime())


def _department_applications(department_uid, start):
    """Yield the department's applications that may have moved in a week."""
    # A transition does not touch the modification date, and no index knows
    # when an application was accepted or decided; those submitted within a
    # year before the week are read instead.
    # TODO: a year-old application decided that week is missed; an index of
    # the decision time would count it without the look-back.
    since = start - datetime.timedelta(days=LOOKBACK_DAYS)
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Application",
        department_uid=department_uid,
        submitted_date={"query": since, "range": "min"},
    ):
        application = brain._unrestrictedGetObject()
        if not supervision.is_practice(application):
            yield application


def _figures(department_uid, start, end):
    submitted = accepted = decided = on_time = 0
    for application in _department_applications(department_uid, start):
        history = application.workflow_history.get(applications.WORKFLOW_ID, ())
        for entry in history:
            moment = _history_time(entry)
            if not start <= moment < end:
                continue
            action = entry.get("action")
            if action == "submit":
                submitted += 1
            elif action == "accept":
                accepted += 1
            elif action in DECISIONS:
                decided += 1
                due = application.due_date
                if due is None or moment.date() <= due:
                    on_time += 1
    return {
        "submitted": submitted,
        "accepted": accepted,
        "decided": decided,
        "on_time": on_time,
        "on_time_rate": round(on_time / decided, 4) if decided else None,
    }


def _overdue(department_uid, today):
    catalog = api.portal.get_tool("portal_catalog")
    rows = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Application",
        department_uid=department_uid,
        review_state=list(applications.STAFF_STATES),
        sort_on="step_due_date",
    ):
        due = brain.step_due_date
        if not due or due >= today:
            continue
        application = brain._unrestrictedGetObject()
        if supervision.is_practice(application):
            continue
        rows.append(
            {
                "number": brain.application_number,
                "title": brain.Title,
                "due_date": due.isoformat(),
            }
        )
    return rows


def department_report(department, week, now=None):
    """Return a department's report on a week, computed now.

    :param department: The department.
    :param week: The Monday of the week.
    :type week: datetime.date
    :param now: When the report is written; now if ``None``.
    :type now: datetime.datetime
    :returns: A dict of plain values: ``department_uid``,
        ``department_title``, ``week`` and ``week_end`` (ISO days),
        ``written`` (ISO time), ``figures`` (``submitted``, ``accepted``,
        ``decided``, ``on_time`` and ``on_time_rate``, a share or ``None``),
        ``overdue`` (``number``, ``title``, ``due_date``), ``cards``
        (``yellow``, ``red``) and ``open_orders`` (``number``, ``text``,
        ``reply_due``).
    :rtype: dict
    """
    now = applications.local_time(now) if now else applications.hall_now()
    uid = department.UID()
    start = _moment(week)
    end = start + datetime.timedelta(days=7)
    week_cards = supervision.cards(start, end, department_uid=uid)
    open_orders = supervision.orders(department_uid=uid, status=supervision.OPEN)
    return {
        "department_uid": uid,
        "department_title": department.Title(),
        "week": week.isoformat(),
        "week_end": (week + datetime.timedelta(days=6)).isoformat(),
        "written": now.isoformat(),
        "figures": _figures(uid, start, end),
        "overdue": _overdue(uid, now.date()),
        "cards": {
            supervision.YELLOW: sum(c.color == supervision.YELLOW for c in week_cards),
            supervision.RED: sum(c.color == supervision.RED for c in week_cards),
        },
        "open_orders": [
            {
                "number": order.number,
                "text": order.text,
                "reply_due": order.reply_due.isoformat(),
            }
            for order in open_orders
        ],
    }


def departments():
    """Return every department, by title.

    :rtype: list
    """
    catalog = api.portal.get_tool("portal_catalog")
    found = [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(portal_type="Department")
    ]
    return sorted(found, key=lambda department: department.Title())


def stored_report(department_uid, week):
    """Return the report written for a department and a week, if any.

    :param department_uid: The department's UID.
    :param week: The Monday of the week.
    :type week: datetime.date
    :returns: The report (see :func:`department_report`), or ``None``.
    :rtype: dict
    """
    found = supervision.store()
    if found is None:
        return None
    reports = found.reports.get(week.isoformat())
    if reports is None:
        return None
    report = reports.get(department_uid)
    return dict(report) if report is not None else None


def stored_report_week(week):
    """Return whether the reports of a week were written.

    :param week: The Monday of the week.
    :type week: datetime.date
    :rtype: bool
    """
    found = supervision.store()
    return found is not None and week.isoformat() in found.reports


def written_weeks():
    """Return the Mondays of the weeks whose reports were written, newest first.

    :rtype: list of datetime.date
    """
    found = supervision.store()
    if found is None:
        return []
    weeks = list(found.reports.keys())
    return [datetime.date.fromisoformat(week) for week in reversed(weeks)]


def send_due_reports(now=None):
    """Write and mail last week's reports, unless they were written already.

    :param now: The moment of the run; now if ``None``.
    :type now: datetime.datetime
    :returns: The reports written, none when last week's exist.
    :rtype: list of dict
    """
    from BTrees.OOBTree import OOBTree

    now = applications.local_time(now) if now else applications.hall_now()
    week = previous_week(now.date())
    found = supervision.store(create=True)
    if week.isoformat() in found.reports:
        return []

    reports = OOBTree()
    written = []
    for department in departments():
        report = department_report(department, week, now)
        reports[report["department_uid"]] = report
        written.append(report)
        _mail_leaders(department, report)
    found.reports[week.isoformat()] = reports
    _mail_centre(written, week)
    logger.info(
        "Wrote the weekly reports of %d departments for the week of %s",
        len(written),
        week.isoformat(),
    )
    return written


# Mail


def _language():
    language = api.portal.get_registry_record("plone.default_language", default="")
    code, _sep, region = (language or "zh-cn").partition("-")
    return f"{code}_{region.upper()}" if region else code


def _t(message):
    return translate(message, target_language=_language())


def report_url(department_uid, week):
    """Return the address of a department's report page for a week.

    :param department_uid: The department's UID.
    :param week: The Monday of the week.
    :type week: datetime.date
    :rtype: str
    """
    portal_url = api.portal.get().absolute_url()
    return (
        f"{portal_url}/@@weekly-report?department={department_uid}"
        f"&week={week.isoformat()}"
    )


def rate_text(rate):
    """Return an on-time rate as a percentage, ``—`` without decisions.

    :param rate: A share from 0 to 1, or ``None``.
    :rtype: str
    """
    return "—" if rate is None else f"{rate * 100:.1f}%"


def report_text(report):
    """Return a report as the text of an e-mail.

    :param report: A report of :func:`department_report`.
    :type report: dict
    :returns: The text, in the site's language.
    :rtype: str
    """
    figures = report["figures"]
    lines = [
        _t(
            _(
                "report_mail_figures",
                default="Submitted ${submitted}, accepted ${accepted}, decided "
                "${decided}, of which on time ${on_time} (${rate}).",
                mapping=dict(figures, rate=rate_text(figures["on_time_rate"])),
            )
        ),
        _t(
            _(
                "report_mail_cards",
                default="Cards: ${yellow} yellow, ${red} red.",
                mapping=report["cards"],
            )
        ),
        _t(
            _(
                "report_mail_overdue",
                default="Overdue now: ${count}.",
                mapping={"count": len(report["overdue"])},
            )
        ),
    ]
    lines += [
        f"  {row['number']} {row['title']} {row['due_date']}"
        for row in report["overdue"]
    ]
    lines.append(
        _t(
            _(
                "report_mail_orders",
                default="Supervision orders awaiting a reply: ${count}.",
                mapping={"count": len(report["open_orders"])},
            )
        )
    )
    lines += [
        f"  {row['number']} {row['reply_due']} {row['text']}"
        for row in report["open_orders"]
    ]
    return "\n".join(lines)


def _subject(title, week):
    return _(
        "report_mail_subject",
        default="Weekly report of ${department}, week of ${week}",
        mapping={"department": title, "week": week.isoformat()},
    )


def leaders(department):
    """Return the leaders of a department: the members of its leaders group.

    :param department: The department.
    :returns: The users, an empty list without such a group.
    :rtype: list
    """
    code = getattr(department, "short_code", None)
    if not code or api.group.get(groupname=f"{code}-{LEADERS}") is None:
        return []
    return api.user.get_users(groupname=f"{code}-{LEADERS}")


def _mail_leaders(department, report):
    from zyzwfw import notifications

    week = datetime.date.fromisoformat(report["week"])
    for user in leaders(department):
        notifications.notify(
            notifications.member_recipient(user),
            _subject(report["department_title"], week),
            report_text(report),
            link=report_url(report["department_uid"], week),
            kind="report",
        )


def _mail_centre(reports, week):
    from zyzwfw import notifications

    address = api.portal.get_registry_record("zyzwfw.hall.email", default="") or ""
    if not address or not reports:
        return
    blocks = [
        f"{report['department_title']}\n{report_text(report)}" for report in reports
    ]
    notifications.notify(
        {
            "name": api.portal.get_registry_record(
                "zyzwfw.hall.centre_name", default=""
            )
            or "",
            "email": address,
        },
        _(
            "report_mail_centre_subject",
            default="Weekly reports of the departments, week of ${week}",
            mapping={"week": week.isoformat()},
        ),
        "\n\n".join(blocks),
        link=f"{api.portal.get().absolute_url()}/@@weekly-report?week={week.isoformat()}",
        kind="report",
    )
