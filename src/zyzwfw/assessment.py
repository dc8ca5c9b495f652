"""The department assessment (绩效考核) and its method (考评办法).

The centre sets the method in the control panel ``@@hall-assessment-settings``:
its name and a weight for each indicator. A department's score for a month
or a quarter is the weighted mean of its indicators, each between 0 and 1,
times 100:

``volume``
    its online applications over those of the busiest department;
``on_time``
    its on-time rate;
``online_rate``
    the share of office hours its window was online;
``satisfaction``
    its satisfaction rate;
``cards``
    1 less its supervision cards over those of the department with most
    (no cards anywhere: 1 for all).

An indicator whose figure a department lacks (no decision, no rating, or a
part of the hall that keeps it is absent) is left out of that department's
mean, and so are indicators of weight 0.

A result for a period that has ended is stored with the method in force
when it was computed, and later reads return it unchanged: changing the
weights changes the scores of running and later periods, not those already
published. The centre may recompute a stored period on purpose.
"""

from BTrees.OOBTree import OOBTree
from persistent.mapping import PersistentMapping
from plone import api
from plone.supermodel import model
from zope import schema
from zope.annotation.interfaces import IAnnotations
from zyzwfw import _
from zyzwfw import applications
from zyzwfw import logger
from zyzwfw import statistics

import datetime


#: Registry prefix of :class:`IStatisticsSettings`.
PREFIX = "zyzwfw.statistics"

#: Where stored results are kept on the site.
RESULTS_KEY = "zyzwfw.assessment"

#: The indicators, in the order pages show them.
INDICATORS = ("volume", "on_time", "online_rate", "satisfaction", "cards")

INDICATOR_TITLES = {
    "volume": _("indicator_volume", default="Online volume"),
    "on_time": _("indicator_on_time", default="On-time rate"),
    "online_rate": _("indicator_online_rate", default="Online rate"),
    "satisfaction": _("indicator_satisfaction", default="Satisfaction"),
    "cards": _("indicator_cards", default="Supervision cards"),
}


def _weight(title, default):
    return schema.Int(
        title=title,
        description=_(
            "help_assessment_weight",
            default="Points of this indicator in a score of 100; 0 leaves it out.",
        ),
        default=default,
        min=0,
        max=100,
        required=True,
    )


class IStatisticsSettings(model.Schema):
    """The assessment method and the lengths of the incentive lists."""

    method_name = schema.TextLine(
        title=_("label_assessment_method", default="Name of the assessment method"),
        default="资阳市政务服务中心网上办事大厅考评办法",
        max_length=100,
        required=True,
    )
    weight_volume = _weight(
        _("label_weight_volume", default="Weight: online volume"), 30
    )
    weight_on_time = _weight(
        _("label_weight_on_time", default="Weight: on-time rate"), 30
    )
    weight_online_rate = _weight(
        _("label_weight_online_rate", default="Weight: online rate"),
        10,
    )
    weight_satisfaction = _weight(
        _("label_weight_satisfaction", default="Weight: satisfaction"),
        20,
    )
    weight_cards = _weight(
        _("label_weight_cards", default="Weight: supervision cards"), 10
    )
    incentive_staff = schema.Int(
        title=_("label_incentive_staff", default="Staff on the incentive list"),
        description=_(
            "help_incentive_staff",
            default="How many of the first staff members who decided an "
            "application through the hall the list shows.",
        ),
        default=20,
        min=1,
        max=1000,
        required=True,
    )
    incentive_citizens = schema.Int(
        title=_("label_incentive_citizens", default="Applicants on the incentive list"),
        description=_(
            "help_incentive_citizens",
            default="How many of the first applicants who applied through the "
            "hall the list shows.",
        ),
        default=100,
        min=1,
        max=10000,
        required=True,
    )


def setting(name):
    """Return one setting, or its default on a site without the record."""
    value = api.portal.get_registry_record(f"{PREFIX}.{name}", default=None)
    return value if value is not None else IStatisticsSettings[name].default


def current_method():
    """Return the method in force: its name and the weight of each indicator.

    :returns: ``{"name": str, "weights": {indicator: int}}``.
    :rtype: dict
    """
    return {
        "name": setting("method_name"),
        "weights": {name: setting(f"weight_{name}") for name in INDICATORS},
    }


# Periods


def period_key(year, month=None, quarter=None):
    """Return the key of a period: ``2026-05``, ``2026-Q2`` or ``2026``."""
    if month:
        return f"{year}-{month:02d}"
    if quarter:
        return f"{year}-Q{quarter}"
    return str(year)


def period_months(month=None, quarter=None):
    """Return the months of a period, or ``None`` for the whole year."""
    if month:
        return [month]
    if quarter:
        return [3 * quarter - 2, 3 * quarter - 1, 3 * quarter]
    return None


def period_last_day(year, month=None, quarter=None):
    """Return the last day of a period."""
    months = period_months(month, quarter)
    last_month = months[-1] if months else 12
    return statistics.period_bounds(year, last_month)[1]


# Scores


def indicator_values(rows):
    """Return each department's indicators, between 0 and 1 or ``None``.

    :param rows: Rows of :func:`zyzwfw.statistics.department_figures`.
    :returns: department UID → indicator → value.
    :rtype: dict
    """
    busiest = max((row["submitted"] for row in rows), default=0)
    card_counts = [row["cards"] for row in rows if row.get("cards") is not None]
    most_cards = max(card_counts, default=0)
    values = {}
    for row in rows:
        cards = row.get("cards")
        if cards is None:
            card_value = None
        else:
            card_value = 1 - cards / most_cards if most_cards else 1.0
        values[row["uid"]] = {
            "volume": row["submitted"] / busiest if busiest else 0.0,
            "on_time": row.get("on_time_rate"),
            "online_rate": row.get("online_rate"),
            "satisfaction": row.get("satisfaction_rate"),
            "cards": card_value,
        }
    return values


def score(values, weights):
    """Return the score of one department: the weighted mean times 100.

    :param values: indicator → value between 0 and 1, or ``None``.
    :param weights: indicator → weight.
    :returns: The score between 0 and 100, rounded to 0.01; ``None`` if no
        indicator of positive weight has a value.
    """
    used = [
        (weights.get(name, 0), value)
        for name, value in values.items()
        if value is not None and weights.get(name, 0) > 0
    ]
    total = sum(weight for weight, _value in used)
    if not total:
        return None
    return round(100 * sum(weight * value for weight, value in used) / total, 2)


def compute(year, month=None, quarter=None, method=None, rows=None):
    """Compute the assessment of a period with a method, without storing it.

    :param year: The year.
    :param month: A month, or ``None``.
    :param quarter: A quarter 1–4, or ``None`` (with no month either: the year).
    :param method: The method; the one in force if ``None``.
    :param rows: The department figures of the period, if already at hand.
    :returns: ``period``, ``method``, ``computed`` (ISO time) and
        ``ranking``: dicts with ``rank``, ``uid``, ``title``, ``score``
        and ``values`` (the indicators), best first; departments without a
        score last.
    :rtype: dict
    """
    method = method or current_method()
    if rows is None:
        rows = _period_rows(year, month, quarter)
    values = indicator_values(rows)
    ranking = [
        {
            "uid": row["uid"],
            "title": row["title"],
            "values": values[row["uid"]],
            "score": score(values[row["uid"]], method["weights"]),
        }
        for row in rows
    ]
    ranking.sort(
        key=lambda entry: (
            entry["score"] is None,
            -(entry["score"] or 0),
            entry["title"],
        )
    )
    rank = 0
    for position, entry in enumerate(ranking, start=1):
        if entry["score"] is not None:
            rank = position
        entry["rank"] = rank if entry["score"] is not None else None
    return {
        "period": period_key(year, month, quarter),
        "method": {"name": method["name"], "weights": dict(method["weights"])},
        "computed": applications.hall_now().isoformat(timespec="seconds"),
        "ranking": ranking,
    }


def _period_rows(year, month, quarter):
    months = period_months(month, quarter)
    if months is None or len(months) == 1:
        return statistics.department_figures(year, months[0] if months else None)
    # A quarter: the counters of its months, the extra figures over its days.
    first = statistics.period_bounds(year, months[0])[0]
    last = statistics.period_bounds(year, months[-1])[1]
    counts = statistics.raw_counts(year, months)
    rows = []
    for department in statistics.departments():
        blank = dict.fromkeys(statistics.COUNTERS, 0)
        row = statistics.derived(counts.get(department["uid"], blank))
        row.update(department)
        row.update(statistics.extra_figures(department["uid"], first, last))
        rows.append(row)
    return rows


def _results(create=False):
    annotations = IAnnotations(api.portal.get())
    found = annotations.get(RESULTS_KEY)
    if found is None and create:
        found = annotations[RESULTS_KEY] = OOBTree()
    return found


def stored(year, month=None, quarter=None):
    """Return the stored result of a period, or ``None``."""
    results = _results()
    if results is None:
        return None
    found = results.get(period_key(year, month, quarter))
    return _plain(found) if found is not None else None


def _plain(value):
    if isinstance(value, dict | PersistentMapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def assess(year, month=None, quarter=None, today=None, recompute=False):
    """Return the assessment of a period, storing it once the period is over.

    :param year: The year.
    :param month: A month, or ``None``.
    :param quarter: A quarter, or ``None``.
    :param today: The day to judge whether the period is over; today in the
        hall if ``None``.
    :param recompute: Compute a stored period again with the method in
        force, replacing the stored result.
    :returns: The result as :func:`compute` gives it, with ``stored``
        (``True`` if it is, or now was, stored) and ``closed`` (the period
        is over).
    :rtype: dict
    """
    today = today or applications.hall_now().date()
    closed = period_last_day(year, month, quarter) < today
    if closed and not recompute:
        found = stored(year, month, quarter)
        if found is not None:
            return dict(found, stored=True, closed=True)
    result = compute(year, month, quarter)
    if closed:
        _results(create=True)[result["period"]] = PersistentMapping(result)
        logger.info(
            "Stored the assessment of %s under the method %r",
            result["period"],
            result["method"]["name"],
        )
    return dict(result, stored=closed, closed=closed)


def incentive_staff(limit=None):
    """Return the first staff members who decided an application in the hall.

    :param limit: How many; the setting ``incentive_staff`` if ``None``.
    :returns: Dicts with ``rank``, ``user_id``, ``fullname``,
        ``department`` (a title) and ``when`` (aware datetime), first first.
    :rtype: list
    """
    limit = limit or setting("incentive_staff")
    source = statistics.aggregate()
    if source is None:
        return []
    titles = {
        department["uid"]: department["title"]
        for department in statistics.departments()
    }
    entries = []
    for when, user_id in source.staff_order.keys():
        if len(entries) >= limit:
            break
        department_uid = source.first_staff[user_id][1]
        entries.append(
            {
                "rank": len(entries) + 1,
                "user_id": user_id,
                "fullname": _fullname(user_id),
                "department": titles.get(department_uid, ""),
                "when": applications.local_time(when),
            }
        )
    return entries


def incentive_citizens(limit=None):
    """Return the first applicants who applied through the hall.

    :param limit: How many; the setting ``incentive_citizens`` if ``None``.
    :returns: Dicts with ``rank``, ``user_id``, ``name`` (as on their first
        application) and ``when`` (aware datetime), first first.
    :rtype: list
    """
    limit = limit or setting("incentive_citizens")
    source = statistics.aggregate()
    if source is None:
        return []
    entries = []
    for when, user_id in source.citizen_order.keys():
        if len(entries) >= limit:
            break
        entries.append(
            {
                "rank": len(entries) + 1,
                "user_id": user_id,
                "name": source.first_citizens[user_id][1] or _fullname(user_id),
                "when": applications.local_time(when),
            }
        )
    return entries


def _fullname(user_id):
    user = api.user.get(userid=user_id)
    if user is None:
        return user_id
    return user.getProperty("fullname") or user_id


def quarter_of(month):
    """Return the quarter 1–4 of a month."""
    return (month - 1) // 3 + 1


def last_closed_month(today=None):
    """Return ``(year, month)`` of the last month that has ended."""
    today = today or applications.hall_now().date()
    first = today.replace(day=1) - datetime.timedelta(days=1)
    return first.year, first.month
