"""Statistics of the hall (数据统计): what each department did, month by month.

Counting applications by querying the catalogue for every figure would wake
or scan every application of a year; the centre's desk instead reads an
incremental aggregate. Each workflow transition of an application adds to
counters kept per month and per department, in a BTree stored on the site
(:func:`transition_counted`, a subscriber of the transition event). A year
of statistics is then a few hundred counters, whatever the number of
applications. :func:`rebuild` recounts everything from the applications'
own workflow histories, for a site whose aggregate was lost or which was
filled before the aggregate existed.

What is counted, in the month (hall time) the transition happened:

``submitted``
    applications submitted online for the first time;
``prereviewed`` and ``prereview_passed``
    the department's first look at a submitted application (pre-review:
    ``pass_prereview``, ``accept``, ``request_supplement`` or ``reject`` from
    the state ``submitted``) and those of them that let it through
    (``pass_prereview`` or ``accept``);
``supplement``, ``accepted``, ``approved``, ``refused``, ``rejected``, ``withdrawn``
    the transitions of those names;
``decided``, ``timed``, ``on_time``, ``decide_days``
    conclusions by the department (``approve``, ``refuse``, ``reject``),
    those that had a due date, those made on or before it, and the working
    days from first submission to the conclusion, less the days the
    applicant took to supplement.

Practice applications (:mod:`zyzwfw.practice`) are never counted.

The figures other parts of the hall keep — consultations, ratings, the
windows' online rate, supervision cards — come from their own modules
(:func:`extra_figures`); where such a module is absent, its figures are
``None``, never zero.
"""

from BTrees.OOBTree import OOBTree
from dataclasses import dataclass
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations
from zyzwfw import applications
from zyzwfw import logger

import datetime
import importlib


#: Where the aggregate is kept on the site.
ANNOTATION_KEY = "zyzwfw.statistics"

#: The counters kept per department and month, see the module's docstring.
COUNTERS = (
    "submitted",
    "prereviewed",
    "prereview_passed",
    "supplement",
    "accepted",
    "approved",
    "refused",
    "rejected",
    "withdrawn",
    "decided",
    "timed",
    "on_time",
    "decide_days",
)

#: Transitions that conclude an application on the department's side.
DECISIONS = frozenset({"approve", "refuse", "reject"})
#: Transitions that decide an application on its merits (incentive list).
MERIT_DECISIONS = frozenset({"approve", "refuse"})
#: Transitions of the department's first look at a submitted application.
PREREVIEWS = frozenset({"pass_prereview", "accept", "request_supplement", "reject"})
PREREVIEW_PASSES = frozenset({"pass_prereview", "accept"})

_PLAIN_COUNTERS = {
    "request_supplement": "supplement",
    "accept": "accepted",
    "approve": "approved",
    "refuse": "refused",
    "reject": "rejected",
    "withdraw": "withdrawn",
}


class Aggregate(Persistent):
    """The counters of the hall, and who came first.

    :ivar counts: ``(year, month, department_uid, counter)`` → int.
    :ivar first_staff: user id → ``(time, department_uid)`` of the staff
        member's first decision through the hall.
    :ivar first_citizens: user id → ``(time, name)`` of the applicant's first
        submission.
    :ivar staff_order: ``(time, user id)`` → ``None``, the same in order.
    :ivar citizen_order: ``(time, user id)`` → ``None``, the same in order.
    """

    def __init__(self):
        self.counts = OOBTree()
        self.first_staff = OOBTree()
        self.first_citizens = OOBTree()
        self.staff_order = OOBTree()
        self.citizen_order = OOBTree()

    def add(self, year, month, department_uid, counter, amount=1):
        """Add ``amount`` to one counter."""
        key = (year, month, department_uid or "", counter)
        self.counts[key] = self.counts.get(key, 0) + amount

    def first_decision(self, user_id, when, department_uid):
        """Remember a staff member's decision if it is their first."""
        if not user_id:
            return
        when = _utc(when)
        known = self.first_staff.get(user_id)
        if known is not None and known[0] <= when:
            return
        if known is not None:
            del self.staff_order[(known[0], user_id)]
        self.first_staff[user_id] = (when, department_uid or "")
        self.staff_order[(when, user_id)] = None

    def first_application(self, user_id, when, name):
        """Remember an applicant's submission if it is their first."""
        if not user_id:
            return
        when = _utc(when)
        known = self.first_citizens.get(user_id)
        if known is not None and known[0] <= when:
            return
        if known is not None:
            del self.citizen_order[(known[0], user_id)]
        self.first_citizens[user_id] = (when, name or "")
        self.citizen_order[(when, user_id)] = None


def _utc(moment):
    """Return an aware datetime in UTC: zoneinfo zones cannot be pickled."""
    return moment.astimezone(datetime.UTC)


@dataclass(frozen=True)
class Transition:
    """One transition of one application, as the aggregate counts it.

    :param transition: The transition's id.
    :param old_state: The state it left.
    :param when: When it happened, an aware datetime.
    :param actor: The user id of who made it.
    """

    transition: str
    old_state: str
    when: datetime.datetime
    actor: str


@dataclass(frozen=True)
class Case:
    """What the aggregate needs of an application besides its transitions.

    :param department_uid: The responsible department.
    :param applicant_id: The applicant's user id.
    :param applicant_name: The applicant's name, for the incentive list.
    :param submitted: First submission, an aware datetime, or ``None``.
    :param due_date: The due date, a date, or ``None``.
    :param paused_days: Working days taken by supplements.
    """

    department_uid: str
    applicant_id: str = ""
    applicant_name: str = ""
    submitted: datetime.datetime = None
    due_date: datetime.date = None
    paused_days: int = 0

    @classmethod
    def of(cls, application):
        """Return the case of an application object."""
        return cls(
            department_uid=application.department_uid or "",
            applicant_id=application.applicant_id or "",
            applicant_name=applicant_label(application),
            submitted=application.submitted,
            due_date=application.due_date,
            paused_days=application.paused_days or 0,
        )


def applicant_label(application):
    """Return how the incentive list names an applicant: company or person."""
    if getattr(application, "party", None) == "legal" and application.company_name:
        return application.company_name
    return application.applicant_name or ""


# The aggregate


def aggregate(create=False):
    """Return the hall's aggregate.

    :param create: Make an empty one if the site has none (only where the
        request writes anyway, such as a transition).
    :returns: The :class:`Aggregate`, or ``None`` if there is none and
        ``create`` is false.
    """
    annotations = IAnnotations(api.portal.get())
    found = annotations.get(ANNOTATION_KEY)
    if found is None and create:
        found = annotations[ANNOTATION_KEY] = Aggregate()
    return found


def count(target, case, step, calendar, zone=None):
    """Count one transition of one application into an aggregate.

    :param target: The :class:`Aggregate`.
    :param case: The application, a :class:`Case`.
    :param step: The transition, a :class:`Transition`.
    :param calendar: The hall's calendar, for the working days to decide.
    :param zone: The hall's time zone, which decides the month; read from
        the registry if ``None`` (pass it when counting many).
    """
    zone = zone or applications.hall_now().tzinfo
    local = step.when.astimezone(zone)
    year, month, department = local.year, local.month, case.department_uid
    name = step.transition

    if name == "submit" and step.old_state == applications.DRAFT:
        target.add(year, month, department, "submitted")
        target.first_application(case.applicant_id, step.when, case.applicant_name)
    if step.old_state == applications.SUBMITTED and name in PREREVIEWS:
        target.add(year, month, department, "prereviewed")
        if name in PREREVIEW_PASSES:
            target.add(year, month, department, "prereview_passed")
    if name in _PLAIN_COUNTERS:
        target.add(year, month, department, _PLAIN_COUNTERS[name])
    if name in DECISIONS:
        target.add(year, month, department, "decided")
        if case.due_date is not None:
            target.add(year, month, department, "timed")
            if local.date() <= case.due_date:
                target.add(year, month, department, "on_time")
        if case.submitted is not None:
            start = case.submitted.astimezone(zone).date()
            days = calendar.between(start, local.date()) - (case.paused_days or 0)
            target.add(year, month, department, "decide_days", max(days, 0))
    if name in MERIT_DECISIONS:
        target.first_decision(step.actor, step.when, department)


def transition_counted(application, event):
    """Count a transition of an application as it happens.

    A subscriber of ``IAfterTransitionEvent``; practice applications and
    other workflows are left alone.

    :param application: The application.
    :param event: The event.
    """
    if event.workflow.getId() != applications.WORKFLOW_ID or event.transition is None:
        return
    if getattr(application, "practice", False):
        return
    actor = api.user.get_current().getId() or ""
    step = Transition(
        transition=event.transition.getId(),
        old_state=event.old_state.getId(),
        when=applications.hall_now(),
        actor=actor,
    )
    count(aggregate(create=True), Case.of(application), step, applications.calendar())


def history_of(application):
    """Return an application's transitions from its workflow history.

    :param application: The application.
    :returns: :class:`Transition` records, oldest first.
    :rtype: list
    """
    history = (getattr(application, "workflow_history", None) or {}).get(
        applications.WORKFLOW_ID, ()
    )
    steps = []
    state = None
    for entry in history:
        action = entry.get("action")
        if action:
            steps.append(
                Transition(
                    transition=action,
                    old_state=state,
                    when=entry["time"].asdatetime(),
                    actor=entry.get("actor") or "",
                )
            )
        state = entry.get("review_state")
    return steps


def rebuild():
    """Recount the whole aggregate from the applications' workflow histories.

    Wakes every application once: a maintenance step, not for a request.

    :returns: The number of applications counted.
    :rtype: int
    """
    fresh = Aggregate()
    calendar = applications.calendar()
    zone = applications.hall_now().tzinfo
    catalog = api.portal.get_tool("portal_catalog")
    counted = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        application = brain._unrestrictedGetObject()
        if getattr(application, "practice", False):
            continue
        case = Case.of(application)
        for step in history_of(application):
            count(fresh, case, step, calendar, zone)
        counted += 1
    IAnnotations(api.portal.get())[ANNOTATION_KEY] = fresh
    logger.info("Rebuilt the statistics from %d applications", counted)
    return counted


# Reading


def departments():
    """Return the hall's departments in the order of their titles.

    :returns: Dicts with ``uid`` and ``title``.
    :rtype: list
    """
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Department", sort_on="sortable_title"
    )
    return [{"uid": brain.UID, "title": brain.Title} for brain in brains]


def raw_counts(year, months=None, source=None):
    """Return the counters of a year, per department.

    :param year: The year.
    :param months: Only these months (1–12); all if ``None``.
    :param source: The aggregate to read; the site's if ``None``.
    :returns: department UID → counter → int.
    :rtype: dict
    """
    source = source if source is not None else aggregate()
    found = {}
    if source is None:
        return found
    wanted = set(months) if months else None
    for (_year, month, department, counter), value in source.counts.items(
        min=(year,), max=(year, 13)
    ):
        if wanted is not None and month not in wanted:
            continue
        row = found.setdefault(department, dict.fromkeys(COUNTERS, 0))
        row[counter] = row.get(counter, 0) + value
    return found


def monthly_counts(year, source=None):
    """Return the counters of a year per month, for the whole hall.

    :param year: The year.
    :param source: The aggregate to read; the site's if ``None``.
    :returns: A list of 12 dicts, counter → int, January first.
    :rtype: list
    """
    source = source if source is not None else aggregate()
    months = [dict.fromkeys(COUNTERS, 0) for _month in range(12)]
    if source is None:
        return months
    for (_year, month, _department, counter), value in source.counts.items(
        min=(year,), max=(year, 13)
    ):
        months[month - 1][counter] = months[month - 1].get(counter, 0) + value
    return months


def department_month_counts(year, counter="submitted", source=None):
    """Return one counter of a year per department and month.

    :param year: The year.
    :param counter: The counter.
    :param source: The aggregate to read; the site's if ``None``.
    :returns: department UID → list of 12 ints, January first.
    :rtype: dict
    """
    source = source if source is not None else aggregate()
    found = {}
    if source is None:
        return found
    for (_year, month, department, name), value in source.counts.items(
        min=(year,), max=(year, 13)
    ):
        if name == counter:
            found.setdefault(department, [0] * 12)[month - 1] += value
    return found


def ratio(part, whole):
    """Return ``part / whole``, or ``None`` when there is nothing to divide."""
    if part is None or not whole:
        return None
    return part / whole


def derived(row):
    """Add the rates and averages to one row of counters.

    :param row: counter → int.
    :returns: A new dict with the counters and ``prereview_pass_rate``,
        ``on_time_rate`` and ``average_decide_days`` (``None`` without a
        denominator).
    :rtype: dict
    """
    return dict(
        row,
        prereview_pass_rate=ratio(row["prereview_passed"], row["prereviewed"]),
        on_time_rate=ratio(row["on_time"], row["timed"]),
        average_decide_days=ratio(row["decide_days"], row["decided"]),
    )


def period_bounds(year, month=None):
    """Return the first and last day of a year or of one of its months."""
    if month:
        first = datetime.date(year, month, 1)
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        return first, following - datetime.timedelta(days=1)
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _optional(name):
    """Return a module of another part of the hall, or ``None`` if absent."""
    try:
        return importlib.import_module(f"zyzwfw.{name}")
    except ImportError:
        return None


def extra_figures(department_uid, first, last):
    """Return the figures other parts of the hall keep, for one department.

    :param department_uid: The department.
    :param first: The first day of the period.
    :param last: The last day of the period.
    :returns: ``consultations_answered``, ``average_answer_hours``,
        ``online_rate``, ``ratings``, ``satisfaction_rate`` and ``cards``;
        each ``None`` if the part of the hall keeping it is absent.
    :rtype: dict
    """
    figures = dict.fromkeys(
        (
            "consultations_answered",
            "average_answer_hours",
            "online_rate",
            "ratings",
            "satisfied",
            "satisfaction_rate",
            "cards",
        )
    )
    start, end = _aware_bounds(first, last)

    consultations = _optional("consultations")
    if consultations is not None and hasattr(consultations, "answer_hours"):
        hours = list(consultations.answer_hours(department_uid, start, end))
        figures["consultations_answered"] = len(hours)
        figures["average_answer_hours"] = ratio(sum(hours), len(hours))

    online_rate = _optional("online_rate")
    if online_rate is not None and hasattr(online_rate, "online_share_between"):
        figures["online_rate"] = online_rate.online_share_between(
            department_uid, first, last
        )

    levels = rating_levels(department_uid, start, end)
    if levels is not None:
        figures["ratings"] = len(levels)
        figures["satisfied"] = sum(1 for level in levels if level <= 3)
        figures["satisfaction_rate"] = ratio(figures["satisfied"], len(levels))

    supervision = _optional("supervision")
    if supervision is not None and hasattr(supervision, "cards"):
        figures["cards"] = sum(
            1
            for _card in supervision.cards(
                start=start, end=end, department_uid=department_uid
            )
        )
    return figures


def _aware_bounds(first, last):
    """Return the hall-time start of ``first`` and end of ``last``, aware."""
    zone = applications.hall_now().tzinfo
    start = datetime.datetime.combine(first, datetime.time.min, zone)
    end = datetime.datetime.combine(last, datetime.time.max, zone)
    return start, end


def rating_levels(department_uid, start, end):
    """Return the levels of a department's application ratings in a period.

    :param department_uid: The department, or ``None`` for the whole hall.
    :param start: The start of the period, an aware datetime.
    :param end: The end of the period, an aware datetime.
    :returns: A list of ints 1–5, or ``None`` if the hall has no ratings.
    :rtype: list
    """
    types = api.portal.get_tool("portal_types")
    if "Evaluation" not in types.objectIds():
        return None
    catalog = api.portal.get_tool("portal_catalog")
    query = {
        "portal_type": "Evaluation",
        "created": {"query": (start, end), "range": "min:max"},
    }
    if department_uid is not None:
        query["department_uid"] = department_uid
    brains = catalog.unrestrictedSearchResults(**query)
    levels = []
    for brain in brains:
        # Guide ratings are not about an application; their kind is only on
        # the object, and a department has few ratings a month.
        rating = brain._unrestrictedGetObject()
        if getattr(rating, "kind", "application") != "application":
            continue
        level = getattr(brain, "evaluation_level", None)
        if level is None:
            level = getattr(rating, "evaluation_level", None)
        if level is not None:
            levels.append(int(level))
    return levels


# Figures for pages


def department_figures(year, month=None, extras=True, source=None):
    """Return the figures of every department for a year or a month.

    :param year: The year.
    :param month: A month 1–12, or ``None`` for the whole year.
    :param extras: Also fetch the figures of consultations, ratings, the
        online rate and cards (see :func:`extra_figures`).
    :param source: The aggregate to read; the site's if ``None``.
    :returns: One dict per department (``uid``, ``title``, the counters,
        the rates, the extra figures and ``share``, its part of the hall's
        online volume), in the order of :func:`departments`; departments
        that are gone but have counts come last.
    :rtype: list
    """
    counts = raw_counts(year, [month] if month else None, source)
    first, last = period_bounds(year, month)
    known = departments()
    uids = {department["uid"] for department in known}
    known += [
        {"uid": uid, "title": uid or "—"} for uid in sorted(counts) if uid not in uids
    ]
    total = sum(row["submitted"] for row in counts.values())
    rows = []
    for department in known:
        row = derived(counts.get(department["uid"], dict.fromkeys(COUNTERS, 0)))
        row.update(department)
        row["share"] = ratio(row["submitted"], total)
        if extras:
            row.update(extra_figures(department["uid"], first, last))
        rows.append(row)
    return rows


def totals(rows):
    """Return the hall's total of department rows, with its rates.

    :param rows: Rows of :func:`department_figures`.
    :returns: A row with the sums of the counters and the extra figures that
        add up, and the rates of the sums.
    :rtype: dict
    """
    summed = {counter: sum(row[counter] for row in rows) for counter in COUNTERS}
    row = derived(summed)
    for name in ("consultations_answered", "ratings", "satisfied", "cards"):
        values = [r.get(name) for r in rows if r.get(name) is not None]
        row[name] = sum(values) if values else None
    row["satisfaction_rate"] = ratio(row["satisfied"], row["ratings"])
    answered = [
        (r["consultations_answered"], r["average_answer_hours"])
        for r in rows
        if r.get("average_answer_hours") is not None
    ]
    row["average_answer_hours"] = ratio(
        sum(n * hours for n, hours in answered), sum(n for n, _h in answered)
    )
    rates = [r["online_rate"] for r in rows if r.get("online_rate") is not None]
    row["online_rate"] = ratio(sum(rates), len(rates))
    row["share"] = 1.0 if row["submitted"] else None
    return row


def yearly(year, source=None):
    """Return the online applications of a year and its growth.

    :param year: The year.
    :param source: The aggregate to read; the site's if ``None``.
    :returns: ``year``, ``total``, ``previous`` (the year before) and
        ``growth`` (``(total - previous) / previous``, ``None`` when the
        year before had none).
    :rtype: dict
    """
    total = sum(month["submitted"] for month in monthly_counts(year, source))
    previous = sum(month["submitted"] for month in monthly_counts(year - 1, source))
    growth = (total - previous) / previous if previous else None
    return {"year": year, "total": total, "previous": previous, "growth": growth}


def balance(rows, top=4):
    """Return how evenly the online volume spreads over the departments.

    :param rows: Rows of :func:`department_figures`.
    :param top: How many of the busiest departments to sum up.
    :returns: ``shares`` (``uid``, ``title``, ``submitted``, ``share``,
        busiest first), ``top_share`` (the part of the ``top`` busiest) and
        ``idle`` (departments without a single online application).
    :rtype: dict
    """
    total = sum(row["submitted"] for row in rows)
    shares = sorted(
        (
            {
                "uid": row["uid"],
                "title": row["title"],
                "submitted": row["submitted"],
                "share": ratio(row["submitted"], total),
            }
            for row in rows
        ),
        key=lambda share: (-share["submitted"], share["title"]),
    )
    top_share = ratio(sum(share["submitted"] for share in shares[:top]), total)
    idle = [share for share in shares if share["submitted"] == 0]
    return {"shares": shares, "top_share": top_share, "idle": idle, "total": total}


def year_statistics(year, source=None):
    """Return a year's statistics from the aggregate alone.

    What the benchmark times: per department figures of the year, the
    twelve months of the hall, each department's months, the growth and
    the balance. Figures of other parts of the hall are not included.

    :param year: The year.
    :param source: The aggregate to read; the site's if ``None``.
    :returns: ``departments``, ``total``, ``months``, ``matrix``,
        ``yearly`` and ``balance``.
    :rtype: dict
    """
    rows = department_figures(year, extras=False, source=source)
    return {
        "departments": rows,
        "total": totals(rows),
        "months": [derived(month) for month in monthly_counts(year, source)],
        "matrix": department_month_counts(year, source=source),
        "yearly": yearly(year, source),
        "balance": balance(rows),
    }


def headline(year):
    """Return the hall's public headline figures of a year.

    Nothing personal: sums over the whole hall.

    :param year: The year.
    :returns: ``year``, ``online_total``, ``previous_total``, ``growth``,
        ``prereview_pass_rate``, ``on_time_rate``, ``satisfaction_rate``
        (``None`` without ratings) and ``months`` (online applications
        per month).
    :rtype: dict
    """
    months = monthly_counts(year)
    summed = {counter: sum(month[counter] for month in months) for counter in COUNTERS}
    row = derived(summed)
    growth = yearly(year)
    first, last = period_bounds(year)
    start, end = _aware_bounds(first, last)
    levels = rating_levels(None, start, end) if _has_ratings() else None
    satisfaction = None
    if levels:
        satisfaction = ratio(sum(1 for level in levels if level <= 3), len(levels))
    return {
        "year": year,
        "online_total": growth["total"],
        "previous_total": growth["previous"],
        "growth": growth["growth"],
        "prereview_pass_rate": row["prereview_pass_rate"],
        "on_time_rate": row["on_time_rate"],
        "satisfaction_rate": satisfaction,
        "months": [month["submitted"] for month in months],
    }


def _has_ratings():
    return "Evaluation" in api.portal.get_tool("portal_types").objectIds()
