"""Due dates in Chinese working days: holidays, make-up days, pauses and warnings.

The examples use the National Day holiday of 2025: 1 to 8 October closed,
Sunday 28 September and Saturday 11 October worked in exchange.
"""

from application_helpers import files
from application_helpers import PERSON
from plone import api
from zyzwfw import applications
from zyzwfw import deadlines
from zyzwfw import workdays

import datetime
import logging
import pytest


D = datetime.date
CALENDAR = deadlines.Calendar()


class Item:
    """Just the time limits of a service item."""

    def __init__(self, promised=None, statutory=None, steps=(), unit="working_days"):
        self.promised_limit = promised
        self.promised_limit_unit = unit
        self.statutory_limit = statutory
        self.statutory_limit_unit = "working_days"
        self.steps = [{"name": str(n), "time_limit": n} for n in steps]


class TestLimits:
    @pytest.mark.parametrize(
        "item,expected",
        [
            (Item(promised=10, steps=(1, 3, 1)), (10, "working_days", 1, 4)),
            (Item(statutory=20), (20, "working_days", 2, 0)),
            (Item(), (15, "working_days", 2, 0)),
            (Item(promised=0, steps=(0,)), (1, "working_days", 2, 0)),
            (Item(promised=30, unit="calendar_days"), (30, "calendar_days", 2, 0)),
        ],
    )
    def test_limits_for(self, item, expected):
        """Promised, else statutory, else default; first step is acceptance."""
        limits = deadlines.limits_for(item, acceptance_days=2, default_days=15)
        assert (
            limits.total,
            limits.unit,
            limits.acceptance,
            limits.handling,
        ) == expected


class TestCounting:
    @pytest.mark.parametrize(
        "start,days,unit,due",
        [
            # Across the National Day holiday, ending on the make-up Saturday.
            (D(2025, 9, 30), 3, "working_days", D(2025, 10, 11)),
            # The make-up Sunday counts as a working day.
            (D(2025, 9, 26), 1, "working_days", D(2025, 9, 28)),
            (D(2025, 9, 30), 1, "working_days", D(2025, 10, 9)),
            (D(2025, 9, 30), 10, "calendar_days", D(2025, 10, 10)),
        ],
    )
    def test_add(self, start, days, unit, due):
        """A limit of n days ends on the n-th working (or calendar) day after."""
        assert CALENDAR.add(start, days, unit) == due

    def test_submission(self):
        """A submission gets its whole limit and its acceptance stage."""
        limits = deadlines.Limits(
            total=5, unit="working_days", acceptance=1, handling=3
        )
        due, step_due = deadlines.on_submission(CALENDAR, limits, D(2025, 9, 30))
        assert (due, step_due) == (D(2025, 10, 14), D(2025, 10, 9))

    def test_acceptance_stage_capped(self):
        """The handling stage never ends after the whole limit."""
        limits = deadlines.Limits(
            total=5, unit="working_days", acceptance=1, handling=9
        )
        step_due = deadlines.on_acceptance(
            CALENDAR, limits, D(2025, 10, 9), D(2025, 10, 13)
        )
        assert step_due == D(2025, 10, 13)

    def test_pause_across_holiday(self):
        """Only the working days of a supplement move the due dates on."""
        due, step_due, paused = deadlines.after_pause(
            CALENDAR,
            D(2025, 9, 29),
            D(2025, 10, 10),
            D(2025, 10, 13),
            D(2025, 10, 9),
            "working_days",
        )
        # 30 September, 9 and 10 October.
        assert paused == 3
        assert (due, step_due) == (D(2025, 10, 16), D(2025, 10, 13))

    def test_same_day_resubmission(self):
        """A supplement sent back the same day costs nothing."""
        due, step_due, paused = deadlines.after_pause(
            CALENDAR,
            D(2025, 9, 29),
            D(2025, 9, 29),
            D(2025, 10, 13),
            D(2025, 10, 9),
            "working_days",
        )
        assert (due, step_due, paused) == (D(2025, 10, 13), D(2025, 10, 9), 0)

    def test_extra_days(self):
        """The hall's own holidays and make-up days count too."""
        calendar = deadlines.Calendar(
            extra_holidays=(D(2025, 10, 9),), extra_workdays=(D(2025, 10, 12),)
        )
        assert calendar.add(D(2025, 9, 30), 3) == D(2025, 10, 12)

    def test_unknown_year_falls_back(self, caplog, monkeypatch):
        """A year the calendar does not know counts weekdays and says so."""
        monkeypatch.setattr(workdays, "_warned_years", set())
        with caplog.at_level(logging.WARNING, logger="zyzwfw"):
            due = CALENDAR.add(D(2099, 1, 2), 1)
        assert due == D(2099, 1, 5)
        assert "2099" in caplog.text


class TestWarnings:
    @pytest.mark.parametrize(
        "today,due,level",
        [
            (D(2025, 10, 9), D(2025, 10, 13), "none"),
            (D(2025, 10, 9), D(2025, 10, 11), "none"),
            (D(2025, 10, 9), D(2025, 10, 10), "yellow"),
            (D(2025, 10, 9), D(2025, 10, 9), "yellow"),
            # Over the holiday, the next working day is only one away.
            (D(2025, 9, 30), D(2025, 10, 9), "yellow"),
            (D(2025, 10, 9), D(2025, 9, 30), "red"),
            (D(2025, 10, 9), None, "none"),
        ],
    )
    def test_level(self, today, due, level):
        """Yellow with one working day or less left, red once overdue."""
        assert deadlines.warning_level(CALENDAR, today, due) == level

    def test_days_left_when_overdue(self):
        """An overdue date is at least a day late, even over a weekend."""
        assert deadlines.days_left(CALENDAR, D(2025, 10, 12), D(2025, 10, 11)) == -1


@pytest.fixture
def clock(monkeypatch):
    """Set the hall's clock; returns a function taking a date."""
    zone = datetime.timezone(datetime.timedelta(hours=8))

    def set_day(day):
        moment = datetime.datetime(day.year, day.month, day.day, 10, 0, tzinfo=zone)
        monkeypatch.setattr(applications, "hall_now", lambda: moment)

    return set_day


class TestDueDatesOfApplications:
    @pytest.fixture
    def submitted(self, hall, acting_as, clock):
        """An application of item A (10 days; steps 1, 3, 1) sent on 30 Sep 2025."""
        clock(D(2025, 9, 30))
        with acting_as("applicant"):
            receipt = applications.create_application(
                hall["item_a"], applicant=PERSON, files=files("id-card"), submit=True
            )
        return receipt.application

    def test_on_submission(self, submitted):
        """The whole limit and the acceptance step count from submission."""
        assert submitted.due_date == D(2025, 10, 21)
        assert submitted.step_due_date == D(2025, 10, 9)

    def test_number_has_the_year(self, submitted):
        """The number carries the year of submission."""
        assert submitted.number.startswith("ZY2025")

    def test_on_acceptance(self, submitted, acting_as, clock):
        """The later steps' limits count from acceptance."""
        clock(D(2025, 10, 9))
        with acting_as("staff_a"):
            applications.do_transition(submitted, "accept")
        assert submitted.step_due_date == D(2025, 10, 14)

    def test_paused_during_supplement(self, submitted, acting_as, clock):
        """The clock stops while the applicant supplements."""
        clock(D(2025, 9, 30))
        with acting_as("staff_a"):
            applications.do_transition(
                submitted, "request_supplement", comment="身份证复印件不清晰"
            )
        assert submitted.paused_on == D(2025, 9, 30)

        clock(D(2025, 10, 10))
        with acting_as("applicant"):
            applications.submit_application(submitted)
        # 9 and 10 October were the applicant's.
        assert submitted.paused_on is None
        assert submitted.paused_days == 2
        assert submitted.due_date == D(2025, 10, 23)
        assert submitted.step_due_date == D(2025, 10, 11)

    def test_concluded_has_no_step(self, submitted, acting_as, clock):
        """A concluded application leaves the clock."""
        clock(D(2025, 10, 9))
        with acting_as("staff_a"):
            applications.do_transition(submitted, "reject", comment="不属于本部门职权")
        assert submitted.step_due_date is None
        assert submitted.closed is not None

    def test_extra_holiday_from_settings(self, hall, acting_as, clock):
        """A closure entered in the control panel moves the due dates."""
        api.portal.set_registry_record(
            "zyzwfw.applications.extra_holidays", [D(2025, 10, 9)]
        )
        clock(D(2025, 9, 30))
        with acting_as("applicant"):
            receipt = applications.create_application(
                hall["item_a"], applicant=PERSON, files=files("id-card"), submit=True
            )
        assert receipt.application.step_due_date == D(2025, 10, 10)

    def test_make_up_day_from_settings(self, hall, acting_as, clock):
        """A make-up working day entered in the control panel counts."""
        api.portal.set_registry_record(
            "zyzwfw.applications.extra_workdays", [D(2025, 10, 4)]
        )
        clock(D(2025, 9, 30))
        with acting_as("applicant"):
            receipt = applications.create_application(
                hall["item_a"], applicant=PERSON, files=files("id-card"), submit=True
            )
        assert receipt.application.step_due_date == D(2025, 10, 4)


class TestWorklist:
    @pytest.fixture
    def three(self, hall, acting_as, clock):
        """Three applications of department A, sent on 30 Sep, 26 Sep, 10 Oct."""
        made = []
        for day in (D(2025, 9, 30), D(2025, 9, 26), D(2025, 10, 10)):
            clock(day)
            with acting_as("applicant"):
                receipt = applications.create_application(
                    hall["item_a"],
                    applicant=PERSON,
                    files=files("id-card"),
                    submit=True,
                )
            made.append(receipt.application)
        return made

    def test_sorted_by_due_date(self, three, acting_as):
        """The most urgent comes first."""
        with acting_as("staff_a"):
            found = applications.worklist(today=D(2025, 10, 9))
        assert [entry["number"] for entry in found] == [
            three[1].number,
            three[0].number,
            three[2].number,
        ]

    def test_warning_levels(self, three, acting_as):
        """Overdue is red, due within a working day yellow, the rest none."""
        with acting_as("staff_a"):
            found = applications.worklist(today=D(2025, 10, 9))
        assert [entry["warning"] for entry in found] == ["red", "yellow", "none"]
        assert [entry["days_left"] for entry in found] == [-3, 0, 2]

    def test_warning_days_setting(self, three, acting_as):
        """The centre may warn earlier."""
        api.portal.set_registry_record("zyzwfw.applications.warning_days", 2)
        with acting_as("staff_a"):
            found = applications.worklist(today=D(2025, 10, 9))
        assert [entry["warning"] for entry in found] == ["red", "yellow", "yellow"]

    def test_other_department_sees_nothing(self, three, acting_as):
        """Staff of another department have an empty worklist."""
        with acting_as("staff_b"):
            assert applications.worklist(today=D(2025, 10, 9)) == []

    def test_supplement_leaves_the_worklist(self, three, acting_as):
        """An application waiting for the applicant is not the staff's to do."""
        with acting_as("staff_a"):
            applications.do_transition(three[0], "request_supplement", comment="缺页")
            found = applications.worklist(today=D(2025, 10, 9))
        assert three[0].number not in [entry["number"] for entry in found]
