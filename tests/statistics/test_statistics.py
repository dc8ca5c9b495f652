"""Statistics: counted as applications move, rebuilt, and on a known data set."""

from plone import api
from zyzwfw import applications
from zyzwfw import statistics
from zyzwfw.statistics import Aggregate
from zyzwfw.statistics import Case
from zyzwfw.statistics import Transition

import datetime
import pytest
import zoneinfo


SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")

#: One application of each kind of path, and what it adds to the counters.
STATES = (
    "submitted",
    "supplement",
    "prereviewed",
    "accepted",
    "approved",
    "approved",
    "refused",
    "rejected",
    "withdrawn",
)


def at(year, month, day, hour=10):
    """A time in the hall's time zone."""
    return datetime.datetime(year, month, day, hour, tzinfo=SHANGHAI)


def row_of(rows, uid):
    return next(row for row in rows if row["uid"] == uid)


class TestLiveCounts:
    """The aggregate follows the workflow as staff and applicants act."""

    @pytest.fixture(autouse=True)
    def _applications(self, hall, make_application):
        self.hall = hall
        for state in STATES:
            make_application(state)
        make_application("submitted", item=hall["item_b"], staff="staff_b")
        self.today = applications.hall_now()

    def figures(self):
        rows = statistics.department_figures(self.today.year, self.today.month)
        return row_of(rows, self.hall["department_a"].UID()), rows

    def test_counts_each_transition(self):
        row, _rows = self.figures()
        assert row["submitted"] == 9
        # Pre-review: every staff move out of "submitted"; withdrawing is not.
        assert row["prereviewed"] == 7
        assert row["prereview_passed"] == 5
        assert row["prereview_pass_rate"] == pytest.approx(5 / 7)
        assert row["supplement"] == 1
        assert row["accepted"] == 4
        assert row["approved"] == 2
        assert row["refused"] == 1
        assert row["rejected"] == 1
        assert row["withdrawn"] == 1
        assert row["decided"] == 4
        assert row["on_time_rate"] == 1.0
        assert row["average_decide_days"] == 0

    def test_share_of_volume(self):
        row, rows = self.figures()
        other = row_of(rows, self.hall["department_b"].UID())
        assert row["share"] == pytest.approx(9 / 10)
        assert other["share"] == pytest.approx(1 / 10)
        assert statistics.totals(rows)["submitted"] == 10

    def test_other_parts_unavailable_not_zero(self):
        row, _rows = self.figures()
        modules = {
            "consultations_answered": "consultations",
            "online_rate": "online_rate",
            "cards": "supervision",
        }
        for name, module in modules.items():
            if statistics._optional(module) is None:
                assert row[name] is None

    def test_rebuild_gives_the_same_counts(self):
        before = dict(statistics.aggregate().counts.items())
        staff_before = dict(statistics.aggregate().first_staff.items())
        assert statistics.rebuild() == 10
        after = statistics.aggregate()
        assert dict(after.counts.items()) == before
        assert set(after.first_staff.keys()) == set(staff_before)

    def test_other_years_are_empty(self):
        rows = statistics.department_figures(self.today.year - 1)
        assert all(row["submitted"] == 0 for row in rows)


def known_aggregate(uids):
    """A constructed data set over two years with answers worked out by hand.

    Department 0: in 2025, six applications submitted in March; one decided
    across the National Day holiday. Department 1: one in March 2025 and two
    in 2024. Department 2 to 4: 2024 only, none in 2025.
    """
    target = Aggregate()
    calendar = applications.calendar()

    def application(uid, submitted, steps, due=None, paused=0, applicant="a"):
        case = Case(
            department_uid=uid,
            applicant_id=applicant,
            applicant_name=applicant,
            submitted=submitted,
            due_date=due,
            paused_days=paused,
        )
        state = "draft"
        for transition, when, new_state, actor in [
            ("submit", submitted, "submitted", applicant),
            *steps,
        ]:
            statistics.count(
                target, case, Transition(transition, state, when, actor), calendar
            )
            state = new_state

    a, b, c, d, e = uids
    for day in range(2, 8):
        application(a, at(2025, 3, day), [], applicant=f"p{day}")
    # Submitted Monday 29 September, decided Thursday 9 October: 30 September
    # and 9 October are the only working days between (1–8 October holiday).
    application(
        a,
        at(2025, 9, 29),
        [
            ("accept", at(2025, 9, 30), "accepted", "clerk-a"),
            ("approve", at(2025, 10, 9), "approved", "clerk-a"),
        ],
        due=datetime.date(2025, 10, 10),
        applicant="p1",
    )
    # Decided late, after a supplement that took one working day.
    application(
        a,
        at(2025, 10, 13),
        [
            ("request_supplement", at(2025, 10, 13, 11), "supplement", "clerk-a"),
            ("resubmit", at(2025, 10, 14), "submitted", "p9"),
            ("accept", at(2025, 10, 15), "accepted", "clerk-b"),
            ("refuse", at(2025, 10, 20), "refused", "clerk-b"),
        ],
        due=datetime.date(2025, 10, 17),
        paused=1,
        applicant="p9",
    )
    application(b, at(2025, 3, 3), [("reject", at(2025, 3, 4), "rejected", "clerk-c")])
    for uid in (b, b, c, d, e):
        application(uid, at(2024, 5, 6), [])
    return target


class TestKnownAnswers:
    """Every figure on a data set built with known answers."""

    @pytest.fixture(autouse=True)
    def _data(self, hall):
        folder = hall["portal"]["departments"]
        extra = []
        with api.env.adopt_roles(["Manager"]):
            for code, title in (
                ("jyj", "市教育局"),
                ("mzj", "市民政局"),
                ("sfj", "市司法局"),
            ):
                extra.append(
                    api.content.create(
                        container=folder,
                        type="Department",
                        id=code,
                        title=title,
                        short_code=code,
                    )
                )
        self.uids = [hall["department_a"].UID(), hall["department_b"].UID()]
        self.uids += [department.UID() for department in extra]
        self.source = known_aggregate(self.uids)

    def rows(self, year, month=None):
        return statistics.department_figures(
            year, month, extras=False, source=self.source
        )

    def test_year_per_department(self):
        rows = self.rows(2025)
        a = row_of(rows, self.uids[0])
        assert a["submitted"] == 8
        # Three reviews of a submitted application: the accept of 30
        # September, the supplement request, and the accept after resubmission.
        assert a["prereviewed"] == 3
        assert a["prereview_passed"] == 2
        assert a["supplement"] == 1
        assert a["accepted"] == 2
        assert a["approved"] == 1 and a["refused"] == 1
        assert a["decided"] == 2
        assert a["on_time_rate"] == 0.5
        # 2 working days across the holiday; 13→20 October is 5, less 1 paused.
        assert a["decide_days"] == 2 + 4
        assert a["average_decide_days"] == 3
        b = row_of(rows, self.uids[1])
        assert b["submitted"] == 1 and b["rejected"] == 1
        assert b["prereview_pass_rate"] == 0.0
        assert b["on_time_rate"] is None  # decided without a due date

    def test_month(self):
        march = self.rows(2025, 3)
        assert row_of(march, self.uids[0])["submitted"] == 6
        assert row_of(march, self.uids[1])["submitted"] == 1
        october = self.rows(2025, 10)
        assert row_of(october, self.uids[0])["decided"] == 2
        assert row_of(october, self.uids[0])["submitted"] == 1

    def test_months_of_the_hall(self):
        months = statistics.monthly_counts(2025, self.source)
        assert [month["submitted"] for month in months] == [
            0,
            0,
            7,
            0,
            0,
            0,
            0,
            0,
            1,
            1,
            0,
            0,
        ]

    def test_growth(self):
        assert statistics.yearly(2025, self.source) == {
            "year": 2025,
            "total": 9,
            "previous": 5,
            "growth": pytest.approx(0.8),
        }
        assert statistics.yearly(2024, self.source)["growth"] is None

    def test_balance(self):
        balance = statistics.balance(self.rows(2024))
        assert [share["submitted"] for share in balance["shares"]] == [2, 1, 1, 1, 0]
        assert balance["top_share"] == 1.0
        assert [idle["uid"] for idle in balance["idle"]] == [self.uids[0]]
        balance = statistics.balance(self.rows(2025))
        assert balance["shares"][0]["share"] == pytest.approx(8 / 9)
        assert {idle["uid"] for idle in balance["idle"]} == set(self.uids[2:])

    def test_department_months(self):
        matrix = statistics.department_month_counts(2025, source=self.source)
        assert matrix[self.uids[0]][2] == 6
        assert self.uids[2] not in matrix

    def test_first_people(self):
        assert list(self.source.staff_order.keys())[0][1] == "clerk-a"
        assert [user for _when, user in self.source.staff_order.keys()] == [
            "clerk-a",
            "clerk-b",
        ]
        first = [user for _when, user in self.source.citizen_order.keys()]
        assert first[:2] == ["a", "a"] or first[0] == "a"
        assert len(first) == len(set(first))

    def test_year_statistics_in_one_call(self):
        found = statistics.year_statistics(2025, self.source)
        assert found["total"]["submitted"] == 9
        assert found["yearly"]["growth"] == pytest.approx(0.8)
        assert found["balance"]["total"] == 9


class TestOtherParts:
    """Figures the consultations and the supervision keep, when installed."""

    def test_consultations_answered(self, hall, acting_as):
        consultations = pytest.importorskip("zyzwfw.consultations")
        with acting_as("applicant"):
            asked = consultations.ask("请问办理需要多长时间？", item=hall["item_a"])
        consultation = getattr(asked, "consultation", asked)
        with acting_as("staff_a"):
            consultations.answer(consultation, "一般五个工作日。")
        now = applications.hall_now()
        rows = statistics.department_figures(now.year, now.month)
        row = row_of(rows, hall["department_a"].UID())
        assert row["consultations_answered"] == 1
        assert 0 <= row["average_answer_hours"] < 1
        other = row_of(rows, hall["department_b"].UID())
        assert other["consultations_answered"] == 0
        assert other["average_answer_hours"] is None

    def test_cards(self, hall, make_application):
        supervision = pytest.importorskip("zyzwfw.supervision")
        make_application("submitted")
        later = applications.hall_now() + datetime.timedelta(days=60)
        supervision.evaluate(now=later)
        rows = statistics.department_figures(later.year, later.month)
        assert row_of(rows, hall["department_a"].UID())["cards"] >= 1
        assert row_of(rows, hall["department_b"].UID())["cards"] == 0
        assert statistics.totals(rows)["cards"] >= 1
