"""The windows' online rate: presence records and the share of office hours."""

from application_helpers import PASSWORD
from plone import api
from zyzwfw import departments
from zyzwfw import online_rate

import datetime
import lxml.html
import pytest
import requests
import transaction
import zoneinfo


ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")

#: A Tuesday and working day; the 28th before it is a make-up working Sunday,
#: and the National Day holidays begin on the 1st after it.
DAY = datetime.date(2025, 9, 30)


def at(day, hour, minute):
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE)


def beats(user_id, department_uid, day, start, end, every=1):
    """Send a signal every ``every`` minutes from ``start`` up to ``end``."""
    moment = at(day, *start)
    stop = at(day, *end)
    written = 0
    while moment < stop:
        written += online_rate.record_presence(user_id, [department_uid], moment)
        moment += datetime.timedelta(minutes=every)
    return written


@pytest.fixture
def presence(hall):
    """A second member of staff for department A, and a clean memory."""
    online_rate.forget_process_memory()
    api.portal.set_registry_record("plone.portal_timezone", "Asia/Shanghai")
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email="staff_a2@example.cn", username="staff_a2", password=PASSWORD
        )
        departments.add_staff(hall["department_a"], "staff_a2")
    return hall["department_a"].UID()


class TestRecords:
    def test_one_write_per_person_and_slot(self, presence):
        """Signals every minute for an hour write twelve records, not sixty."""
        assert beats("staff_a", presence, DAY, (9, 0), (10, 0)) == 12
        assert beats("staff_a", presence, DAY, (9, 0), (10, 0)) == 0
        assert len(online_rate._storage()) == 12

    def test_no_rewrite_after_a_restart(self, presence):
        """A process that forgot its memory finds the record and writes nothing."""
        moment = at(DAY, 9, 1)
        assert online_rate.record_presence("staff_a", [presence], moment) == 1
        online_rate.forget_process_memory()
        transaction.savepoint()
        assert online_rate.record_presence("staff_a", [presence], moment) == 0

    def test_each_person_recorded(self, presence):
        """Two members of staff in the same slot are two records, one online slot."""
        moment = at(DAY, 9, 2)
        online_rate.record_presence("staff_a", [presence], moment)
        online_rate.record_presence("staff_a2", [presence], moment)
        assert len(online_rate._storage()) == 2
        assert online_rate.online_slots(presence, DAY) == {online_rate.slot_of(moment)}


class TestShare:
    def test_constructed_day(self, presence, hall):
        """A day of signals gives its known share of the office hours.

        Office hours are 9:00-12:00 and 13:30-17:30: 420 minutes. Online in
        them: 9:00-10:00 (staff_a), 9:30-10:30 (staff_a2, 30 more minutes),
        13:30-14:00 (30 minutes). The lunch break and the slot before 13:30
        do not count. 120 of 420 minutes is 2/7.
        """
        beats("staff_a", presence, DAY, (9, 0), (10, 0))
        beats("staff_a2", presence, DAY, (9, 30), (10, 30), every=2)
        beats("staff_a", presence, DAY, (12, 0), (13, 30), every=3)
        beats("staff_a2", presence, DAY, (13, 30), (14, 0))
        assert online_rate.online_share(presence, DAY) == pytest.approx(2 / 7)
        other = hall["department_b"].UID()
        assert online_rate.online_share(other, DAY) == 0.0

    def test_all_day(self, presence):
        """A window open all day long is online for all of the office hours."""
        beats("staff_a", presence, DAY, (8, 0), (18, 0), every=4)
        assert online_rate.online_share(presence, DAY) == pytest.approx(1.0)

    def test_holiday_has_no_office_hours(self, presence):
        """On National Day nobody needs to be online: the share is 0."""
        holiday = datetime.date(2025, 10, 1)
        beats("staff_a", presence, holiday, (9, 0), (12, 0), every=5)
        assert online_rate.online_share(presence, holiday) == 0.0

    def test_average_over_working_days(self, presence):
        """The period's figure averages its working days only.

        From Sunday 28 September (a make-up working day) to Sunday
        5 October 2025 there are three working days: 28, 29 and 30.
        """
        beats("staff_a", presence, DAY, (9, 0), (12, 0), every=5)
        beats("staff_a", presence, DAY, (13, 30), (17, 30), every=5)
        start, end = datetime.date(2025, 9, 28), datetime.date(2025, 10, 5)
        assert len(online_rate.working_days(start, end)) == 3
        found = online_rate.online_share_between(presence, start, end)
        assert found == pytest.approx(1 / 3)

    def test_office_hours_from_the_control_panel(self, presence):
        """Changing the office hours changes the share."""
        beats("staff_a", presence, DAY, (9, 0), (10, 0))
        api.portal.set_registry_record(
            "zyzwfw.quality.window_hours", ["9:00-10:00", "14:00-15:00"]
        )
        assert online_rate.online_share(presence, DAY) == pytest.approx(0.5)

    def test_slot_partly_in_office_hours(self):
        """A slot counts for the minutes it shares with the office hours."""
        periods = [(datetime.time(9, 2), datetime.time(9, 12))]
        assert online_rate.share_of_office_hours({108}, periods) == pytest.approx(0.3)


@pytest.fixture
def web_presence(web_hall):
    """The functional hall in the hall's time zone, with a clean memory."""
    online_rate.forget_process_memory()
    api.portal.set_registry_record("plone.portal_timezone", "Asia/Shanghai")
    transaction.commit()
    return web_hall


def desk_token(url, user):
    """Open the worklist as ``user``; return its heartbeat script's attributes."""
    response = requests.get(f"{url}/worklist", auth=(user, PASSWORD), timeout=60)
    page = lxml.html.fromstring(response.text)
    found = page.xpath("//script[@data-hall-heartbeat]")
    return found[0] if found else None


def heartbeat(url, user=None, token=None, method="POST"):
    data = {"_authenticator": token} if token else {}
    return requests.request(
        method,
        f"{url}/@@window-heartbeat",
        data=data,
        auth=(user, PASSWORD) if user else None,
        timeout=60,
    )


class TestHeartbeat:
    def test_worklist_sends_the_signal(self, web_presence):
        """The staff's worklist carries the script, with its interval."""
        url = web_presence["portal"].absolute_url()
        script = desk_token(url, "staff_a")
        assert script is not None
        assert script.get("data-interval") == "60"
        assert script.get("src").endswith("++plone++zyzwfw/presence.js")
        assert requests.get(script.get("src"), timeout=60).status_code == 200

    def test_staff_recorded_once_per_slot(self, web_presence):
        """The first signal writes; the next in the same slot does not."""
        url = web_presence["portal"].absolute_url()
        token = desk_token(url, "staff_a").get("data-token")
        first = heartbeat(url, "staff_a", token)
        assert first.status_code == 200, first.text
        second = heartbeat(url, "staff_a", token)
        assert second.json()["written"] == 0
        transaction.begin()
        department = web_presence["department_a"].UID()
        today = datetime.datetime.now(ZONE).date()
        assert online_rate.online_slots(department, today)

    @pytest.mark.parametrize("user", [None, "applicant", "supervisor", "editor_a"])
    def test_only_staff(self, web_presence, user):
        """Anyone but window staff is refused and nothing is written."""
        url = web_presence["portal"].absolute_url()
        response = heartbeat(url, user, "x")
        assert response.status_code == 403
        transaction.begin()
        assert online_rate._storage() is None or len(online_rate._storage()) == 0

    def test_forged_signal_refused(self, web_presence):
        """A signal without the page's token is refused."""
        url = web_presence["portal"].absolute_url()
        assert heartbeat(url, "staff_a", "forged").status_code == 403

    def test_post_only(self, web_presence):
        url = web_presence["portal"].absolute_url()
        assert heartbeat(url, "staff_a", method="GET").status_code == 405

    def test_no_script_for_citizens(self, web_presence):
        """Pages of others carry no signal."""
        url = web_presence["portal"].absolute_url()
        response = requests.get(
            f"{url}/my-applications", auth=("applicant", PASSWORD), timeout=60
        )
        assert "data-hall-heartbeat" not in response.text


class TestCentrePage:
    def test_centre_sees_every_department(self, web_presence):
        """The supervisor reads each department's online rate."""
        url = web_presence["portal"].absolute_url()
        response = requests.get(
            f"{url}/@@online-rate",
            params={"start": "2025-09-28", "end": "2025-10-05"},
            auth=("supervisor", PASSWORD),
            timeout=60,
        )
        assert response.status_code == 200
        page = lxml.html.fromstring(response.text)
        titles = page.xpath("//tbody/tr/th/text()")
        assert "市住房和城乡建设局" in titles
        assert "市气象局" in titles
        assert "3" in page.xpath("//caption")[0].text_content()

    @pytest.mark.parametrize("user", ["staff_a", "applicant"])
    def test_others_refused(self, web_presence, user):
        url = web_presence["portal"].absolute_url()
        response = requests.get(
            f"{url}/@@online-rate",
            auth=(user, PASSWORD),
            timeout=60,
            allow_redirects=False,
        )
        assert response.status_code in (302, 401, 403)
