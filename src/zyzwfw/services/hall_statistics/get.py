"""``GET {site}/@hall-statistics?year=…&month=…``: the hall's statistics as JSON.

The centre and the supervisors (permission ``zyzwfw: View hall statistics``)
get every figure of the period per department, the months of the year, the
balance and the assessment; everybody else gets the public headline figures,
which hold nothing personal.
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides
from zyzwfw import assessment
from zyzwfw import statistics
from zyzwfw.browser.statistics import period_from_request

import datetime


#: The figures of a department row given out, in this order.
ROW_KEYS = (
    "uid",
    "title",
    *statistics.COUNTERS,
    "prereview_pass_rate",
    "on_time_rate",
    "average_decide_days",
    "consultations_answered",
    "average_answer_hours",
    "online_rate",
    "ratings",
    "satisfaction_rate",
    "cards",
    "share",
)


def _json(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json(item) for item in value]
    return value


class HallStatisticsGet(Service):
    """The statistics of a year or a month."""

    def reply(self):
        year, month, quarter = period_from_request(self.request)
        public = statistics.headline(year)
        if not api.user.has_permission(
            "zyzwfw: View hall statistics", obj=self.context
        ):
            return {"@id": self._url(), "scope": "public", **public}

        rows = statistics.department_figures(year, month)
        months = statistics.monthly_counts(year)
        # Reading an ended period's assessment stores it; nothing from the
        # request is written.
        alsoProvides(self.request, IDisableCSRFProtection)
        if month:
            result = assessment.assess(year, month=month)
        else:
            result = assessment.assess(year, quarter=quarter)
        return _json(
            {
                "@id": self._url(),
                "scope": "full",
                "year": year,
                "month": month,
                "headline": public,
                "yearly": statistics.yearly(year),
                "departments": [
                    {key: row.get(key) for key in ROW_KEYS} for row in rows
                ],
                "total": {
                    key: value
                    for key, value in statistics.totals(rows).items()
                    if key in ROW_KEYS
                },
                "months": [
                    dict(statistics.derived(counts), month=number)
                    for number, counts in enumerate(months, start=1)
                ],
                "balance": statistics.balance(rows),
                "assessment": result,
            }
        )

    def _url(self):
        return f"{self.context.absolute_url()}/@hall-statistics"
