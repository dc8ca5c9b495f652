"""The presence signal of window desks, and the centre's page of online rates.

A window desk (the worklist, the rectification desk, or any view marked
with :class:`IWindowDesk`) carries a small script that posts to
``@@window-heartbeat`` every few seconds while the page is open; the view
records the signal with :mod:`zyzwfw.online_rate`, which writes at most once
per member of staff and slot.
"""

from AccessControl import Unauthorized
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.protect import CheckAuthenticator
from plone.protect.authenticator import createToken
from Products.Five.browser import BrowserView
from zope.interface import Interface
from zyzwfw import _
from zyzwfw import applications
from zyzwfw import online_rate
from zyzwfw import quality_settings
from zyzwfw.browser.application import form_text
from zyzwfw.browser.application import without_portlets

import datetime
import json


#: Views that count as a window desk by their name.
DESK_VIEWS = frozenset({"worklist", "rectifications"})

#: Roles that see every department's online rate.
CENTRE_ROLES = frozenset({"Manager", "Site Administrator", "Reviewer", "Supervisor"})


class IWindowDesk(Interface):
    """A view whose being open means the window is online."""


def is_centre():
    """Return whether the current user is of the centre or the supervisor.

    :rtype: bool
    """
    if api.user.is_anonymous():
        return False
    return bool(CENTRE_ROLES & set(api.user.get_roles()))


class HeartbeatViewlet(ViewletBase):
    """The script that sends a window desk's presence signal."""

    def available(self):
        """Return whether the page is a window desk opened by window staff."""
        view = self.view
        name = getattr(view, "__name__", "")
        if name not in DESK_VIEWS and not IWindowDesk.providedBy(view):
            return False
        return bool(applications.staff_departments())

    def render(self):
        if not self.available():
            return ""
        portal_url = api.portal.get().absolute_url()
        return (
            f'<script defer src="{portal_url}/++plone++zyzwfw/presence.js" '
            f'data-hall-heartbeat="{portal_url}/@@window-heartbeat" '
            f'data-token="{createToken()}" '
            f'data-interval="{quality_settings.get("heartbeat_seconds")}"></script>'
        )


class HeartbeatView(BrowserView):
    """``POST @@window-heartbeat``: a window desk is open; only window staff."""

    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        response.setHeader("Cache-Control", "no-store")
        if self.request.method != "POST":
            response.setStatus(405)
            return json.dumps({"error": "POST only"})
        departments = applications.staff_departments()
        if not departments:
            response.setStatus(403)
            return json.dumps({"error": "Only window staff send the presence signal."})
        CheckAuthenticator(self.request)
        user_id = api.user.get_current().getId()
        written = online_rate.record_presence(
            user_id, [department.UID() for department in departments]
        )
        return json.dumps({"online": True, "written": written})


class OnlineRateView(BrowserView):
    """The centre's page: each department's online share, by day and period.

    GET parameters ``start`` and ``end`` (``2026-03-02``) choose the period;
    by default the last 30 days up to today.
    """

    def __call__(self):
        if not is_centre():
            raise Unauthorized("Only the centre sees the online rates.")
        without_portlets(self.request)
        today = applications.hall_now().date()
        self.end = _day(form_text(self.request, "end")) or today
        self.start = _day(form_text(self.request, "start")) or (
            self.end - datetime.timedelta(days=29)
        )
        self.error = None
        if self.start > self.end:
            self.error = _(
                "online_rate_error_period",
                default="The period must start before it ends.",
            )
            self.start = self.end
        self.today = today
        return self.index()

    def rows(self):
        """Return a row per department: today's share and the period's average.

        :returns: Dicts with ``title``, ``today`` and ``period`` (percent
            text) and ``period_value`` (0 to 1), the lowest period first.
        :rtype: list
        """
        catalog = api.portal.get_tool("portal_catalog")
        rows = []
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Department", sort_on="sortable_title"
        ):
            share = online_rate.online_share_between(brain.UID, self.start, self.end)
            rows.append(
                {
                    "title": brain.Title,
                    "today": _percent(online_rate.online_share(brain.UID, self.today)),
                    "period": _percent(share),
                    "period_value": share,
                }
            )
        rows.sort(key=lambda row: row["period_value"])
        return rows

    def office_hours(self):
        """Return the office hours, as the control panel holds them."""
        return "、".join(quality_settings.get("window_hours"))

    def working_days(self):
        """Return how many working days the period has."""
        return len(online_rate.working_days(self.start, self.end))


def _day(text):
    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _percent(share):
    return f"{share * 100:.1f}%"
