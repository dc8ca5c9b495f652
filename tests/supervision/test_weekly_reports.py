"""The scheduled command and the weekly reports: content, mail, page, idempotence."""

from application_helpers import PASSWORD
from conftest import configure_mail
from conftest import SHANGHAI
from plone import api
from zyzwfw import applications
from zyzwfw import schedule
from zyzwfw import supervision
from zyzwfw import weekly_reports

import datetime
import lxml.html
import pytest
import requests
import subprocess
import sys
import transaction


def next_monday_morning():
    """Return next Monday at 08:00 in the hall's time zone."""
    today = datetime.datetime.now(SHANGHAI).date()
    monday = weekly_reports.week_start(today) + datetime.timedelta(days=7)
    return datetime.datetime.combine(monday, datetime.time(8), tzinfo=SHANGHAI)


@pytest.fixture
def week(hall, make_application, acting_as):
    """A week of department A's applications, known figures, and B's one.

    A: four submitted this week; three accepted; one approved before its due
    date; one refused after it; one overdue with a red card and an open
    order; plus a practice application that counts nowhere. B: one submitted.
    """
    today = applications.hall_now().date()
    submitted = make_application("submitted")
    late = make_application("accepted")
    approved = make_application("approved")
    refused_late = make_application("accepted")
    refused_late.due_date = today - datetime.timedelta(days=1)
    with acting_as("staff_a"):
        applications.do_transition(refused_late, "refuse", comment="不符合条件")
    practice = make_application("approved")
    practice.practice = True
    other = make_application("submitted", item=hall["item_b"])

    late.step_due_date = today - datetime.timedelta(days=3)
    late.reindexObject()
    supervision.evaluate()
    with acting_as("supervisor"):
        supervision.send_order(late, "请说明超期原因。", today)
    return {
        "submitted": submitted,
        "late": late,
        "approved": approved,
        "refused_late": refused_late,
        "practice": practice,
        "other": other,
    }


class TestReport:
    def test_figures(self, hall, week):
        monday = weekly_reports.week_start(applications.hall_now().date())
        report = weekly_reports.department_report(hall["department_a"], monday)
        assert report["figures"] == {
            "submitted": 4,
            "accepted": 3,
            "decided": 2,
            "on_time": 1,
            "on_time_rate": 0.5,
        }
        assert [row["number"] for row in report["overdue"]] == [week["late"].number]
        # The submitted one has one working day left for acceptance.
        assert report["cards"] == {"yellow": 1, "red": 1}
        [order] = report["open_orders"]
        assert order["number"] == week["late"].number
        assert order["text"] == "请说明超期原因。"

        other = weekly_reports.department_report(hall["department_b"], monday)
        assert other["figures"]["submitted"] == 1
        assert other["figures"]["on_time_rate"] is None
        assert other["cards"] == {"yellow": 1, "red": 0}

    def test_a_week_before_counts_nothing(self, hall, week):
        monday = weekly_reports.previous_week(applications.hall_now().date())
        report = weekly_reports.department_report(hall["department_a"], monday)
        assert set(report["figures"].values()) == {0, None}
        assert report["cards"] == {"yellow": 0, "red": 0}


class TestScheduledRun:
    def test_twice_same_result(self, hall, week):
        now = next_monday_morning()
        first = schedule.run_once(now)
        cards = [(card.id, card.rule, card.sequence) for card in supervision.cards()]
        second = schedule.run_once(now)
        assert first["reports"] == 2
        assert second == {"cards": 0, "complaints": 0, "reports": 0}
        assert [
            (card.id, card.rule, card.sequence) for card in supervision.cards()
        ] == cards
        # A run later in the same week writes no report either; next week's
        # first run writes that week's.
        assert schedule.run_once(now + datetime.timedelta(days=2))["reports"] == 0
        assert schedule.run_once(now + datetime.timedelta(days=7))["reports"] == 2

    def test_report_stored_as_written(self, hall, week):
        now = next_monday_morning()
        schedule.run_once(now)
        monday = weekly_reports.previous_week(now.date())
        stored = weekly_reports.stored_report(hall["department_a"].UID(), monday)
        assert stored["figures"]["decided"] == 2
        assert datetime.datetime.fromisoformat(stored["written"]) == now
        assert weekly_reports.written_weeks() == [monday]

    def test_new_cards_from_the_run(self, hall, make_application):
        application = make_application("accepted")
        application.step_due_date = applications.hall_now().date()
        application.reindexObject()
        counts = schedule.run_once()
        assert counts["cards"] == 1
        assert supervision.has_card(application.UID(), "R01")
        assert schedule.run_once()["cards"] == 0


@pytest.fixture
def mail_week(web_hall, web_acting_as, make_web_application, smtp_server):
    """Department A with a leader, the centre's address, a late application."""
    configure_mail(smtp_server.port)
    api.portal.set_registry_record("zyzwfw.hall.email", "centre@ziyang.example.cn")
    api.portal.set_registry_record("zyzwfw.hall.centre_name", "资阳市政务服务中心")
    api.group.create(groupname="zjj-leaders", title="住建局领导")
    api.user.create(
        email="leader@ziyang.example.cn",
        username="leader_a",
        password=PASSWORD,
        properties={"fullname": "住建局 领导"},
    )
    api.group.add_user(groupname="zjj-leaders", username="leader_a")
    late = make_web_application("accepted")
    late.step_due_date = applications.hall_now().date() - datetime.timedelta(days=2)
    late.reindexObject()
    supervision.evaluate()
    transaction.commit()
    return late


class TestMail:
    def test_leaders_and_centre(self, web_hall, mail_week, smtp_server):
        counts = schedule.run(web_hall["portal"], now=next_monday_morning())
        assert counts["reports"] == 2

        [to_leader] = smtp_server.to("leader@ziyang.example.cn")
        assert "市住房和城乡建设局" in to_leader["Subject"]
        assert "周" in to_leader["Subject"]
        body = to_leader.get_content()
        assert "红牌1张" in body
        assert mail_week.number in body
        assert "@@weekly-report?department=" in body

        [to_centre] = smtp_server.to("centre@ziyang.example.cn")
        body = to_centre.get_content()
        assert "市住房和城乡建设局" in body and "市气象局" in body

        # The second run sends no report again.
        schedule.run(web_hall["portal"], now=next_monday_morning())
        assert len(smtp_server.to("leader@ziyang.example.cn")) == 1
        assert len(smtp_server.to("centre@ziyang.example.cn")) == 1


class TestPage:
    def open(self, hall, user, **params):
        response = requests.get(
            f"{hall['portal'].absolute_url()}/@@weekly-report",
            params=params,
            auth=(user, PASSWORD),
        )
        return response, lxml.html.fromstring(response.text)

    def test_leader_sees_own_report(self, web_hall, mail_week, smtp_server):
        schedule.run(web_hall["portal"], now=next_monday_morning())
        response, page = self.open(web_hall, "leader_a")
        assert response.status_code == 200
        [report] = page.find_class("hall-weekly-report")
        text = report.text_content()
        assert "市住房和城乡建设局" in text
        assert mail_week.number in text
        assert not page.find_class("hall-report-live")

    def test_staff_sees_own_not_others(self, web_hall, mail_week, smtp_server):
        response, page = self.open(web_hall, "staff_b")
        assert "市气象局" in page.find_class("hall-weekly-report")[0].text_content()
        # Not written yet: computed on the spot and said so.
        assert page.find_class("hall-report-live")
        other = web_hall["department_a"].UID()
        response, page = self.open(web_hall, "staff_b", department=other)
        assert "insufficient-privileges" in response.url
        assert mail_week.number not in response.text

    def test_supervisor_overview(self, web_hall, mail_week, smtp_server):
        response, page = self.open(web_hall, "supervisor")
        [table] = page.find_class("hall-report-overview")
        rows = table.xpath(".//tbody/tr")
        assert [row.xpath("./th")[0].text_content().strip() for row in rows] == [
            "市住房和城乡建设局",
            "市气象局",
        ]

    def test_applicant_refused(self, web_hall, mail_week, smtp_server):
        response, page = self.open(web_hall, "applicant")
        assert "insufficient-privileges" in response.url


class TestCommand:
    def test_no_such_site(self, tmp_path):
        data = tmp_path / "Data.fs"
        conf = tmp_path / "zope.conf"
        conf.write_text(
            f"%define INSTANCE {tmp_path}\n"
            "instancehome $INSTANCE\n"
            "<zodb_db main>\n"
            f"  <filestorage>\n    path {data}\n  </filestorage>\n"
            "  mount-point /\n"
            "</zodb_db>\n"
        )
        command = [
            sys.executable,
            "-m",
            "zyzwfw.schedule",
            str(conf),
            "--site",
            "nowhere",
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
        assert done.returncode == 2
        assert "no such site: nowhere" in done.stderr
