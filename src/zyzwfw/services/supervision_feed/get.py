"""``GET {site}/@supervision-feed``: supervision records for the provincial system.

Cards and supervision orders with the element names of GB/T 39046's 电子监察
data set (see :func:`zyzwfw.supervision.feed_entry`), oldest change first::

    GET @supervision-feed?since=<序号 or ISO 8601 time>&b_size=100

    {"@id": ..., "items": [...], "last_sequence": 42,
     "batching": {"@id": ..., "next": ".../@supervision-feed?since=42&b_size=100"}}

``since`` gives the records changed strictly after that sequence number (the
``序号`` of the last record read, or ``last_sequence``) or that time; a
record changed again, an order replied to, comes again with a new number.
``batching.next`` is there while more records follow. For supervisors only.
"""

from plone.restapi.services import Service
from urllib.parse import urlencode
from zyzwfw import _
from zyzwfw import supervision
from zyzwfw.services.replies import error

import datetime


#: Records per page unless ``b_size`` says otherwise, and the most it may ask.
DEFAULT_SIZE = 100
MAX_SIZE = 1000


class BadParameter(ValueError):
    """A query parameter is wrong."""


def _since(value):
    value = (value or "").strip()
    if not value:
        return 0
    if value.isdigit():
        return int(value)
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise BadParameter("since") from None
    if moment.tzinfo is None:
        raise BadParameter("since")
    return supervision.sequence_after(moment)


def _size(value):
    value = (value or "").strip()
    if not value:
        return DEFAULT_SIZE
    if not value.isdigit() or not 1 <= int(value) <= MAX_SIZE:
        raise BadParameter("b_size")
    return int(value)


class SupervisionFeedGet(Service):
    """List the supervision records changed after ``since``."""

    def reply(self):
        url = f"{self.context.absolute_url()}/@supervision-feed"
        try:
            since = _since(self.request.form.get("since"))
            size = _size(self.request.form.get("b_size"))
        except BadParameter as wrong:
            return error(
                self.request,
                400,
                "BadRequest",
                _(
                    "error_feed_parameter",
                    default="The parameter ${name} is wrong: give a sequence "
                    "number or an ISO 8601 time with its zone for since, and "
                    "1 to ${max} for b_size.",
                    mapping={"name": str(wrong), "max": MAX_SIZE},
                ),
            )

        records, more = supervision.changes_since(since, size)
        last = records[-1].sequence if records else since
        here = f"{url}?{urlencode({'since': since, 'b_size': size})}"
        batching = {"@id": here}
        if more:
            batching["next"] = f"{url}?{urlencode({'since': last, 'b_size': size})}"
        return {
            "@id": here,
            "items": [supervision.feed_entry(record) for record in records],
            "last_sequence": last,
            "batching": batching,
        }
