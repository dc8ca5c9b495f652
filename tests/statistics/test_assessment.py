"""The assessment: scores, changed weights, the stored method; incentive lists."""

from plone import api
from zyzwfw import applications
from zyzwfw import assessment
from zyzwfw import statistics

import datetime
import pytest


def rows():
    """Three departments' figures with known indicators."""
    return [
        {
            "uid": "a",
            "title": "甲局",
            "submitted": 100,
            "on_time_rate": 0.5,
            "online_rate": None,
            "satisfaction_rate": 1.0,
            "cards": 1,
        },
        {
            "uid": "b",
            "title": "乙局",
            "submitted": 50,
            "on_time_rate": 1.0,
            "online_rate": None,
            "satisfaction_rate": 0.5,
            "cards": 0,
        },
        {
            "uid": "c",
            "title": "丙局",
            "submitted": 0,
            "on_time_rate": None,
            "online_rate": None,
            "satisfaction_rate": None,
            "cards": 4,
        },
    ]


def set_weights(**weights):
    for name, weight in weights.items():
        api.portal.set_registry_record(f"{assessment.PREFIX}.weight_{name}", weight)


class TestScores:
    def test_indicators(self, portal):
        values = assessment.indicator_values(rows())
        assert values["a"] == {
            "volume": 1.0,
            "on_time": 0.5,
            "online_rate": None,
            "satisfaction": 1.0,
            "cards": 0.75,
        }
        assert values["b"]["volume"] == 0.5
        assert values["b"]["cards"] == 1.0
        assert values["c"]["cards"] == 0.0

    def test_score_is_the_weighted_mean_of_available_indicators(self, portal):
        weights = {
            "volume": 30,
            "on_time": 30,
            "online_rate": 10,
            "satisfaction": 20,
            "cards": 10,
        }
        values = assessment.indicator_values(rows())
        # Online rate unavailable: the other 90 points count.
        assert assessment.score(values["a"], weights) == pytest.approx(
            round(100 * (30 * 1 + 30 * 0.5 + 20 * 1 + 10 * 0.75) / 90, 2)
        )
        assert assessment.score(values["c"], weights) == pytest.approx(0.0)
        assert assessment.score(values["b"], weights) == pytest.approx(
            round(100 * (30 * 0.5 + 30 * 1 + 20 * 0.5 + 10 * 1) / 90, 2)
        )
        assert assessment.score(values["c"], {"on_time": 10}) is None

    def test_changed_weights_change_the_ranking(self, portal):
        first = assessment.compute(2025, month=3, rows=rows())
        assert [entry["uid"] for entry in first["ranking"]] == ["a", "b", "c"]
        set_weights(volume=0, on_time=50, satisfaction=0, cards=50)
        second = assessment.compute(2025, month=3, rows=rows())
        assert [entry["uid"] for entry in second["ranking"]] == ["b", "a", "c"]
        assert second["ranking"][0]["score"] == 100.0
        assert second["method"]["weights"]["cards"] == 50
        assert [entry["rank"] for entry in second["ranking"]] == [1, 2, 3]


class TestStoredMethod:
    """An ended period keeps the method it was computed with."""

    @pytest.fixture(autouse=True)
    def _hall(self, hall, make_application):
        make_application("approved")
        make_application("submitted", item=hall["item_b"], staff="staff_b")
        now = applications.hall_now()
        self.year, self.month = now.year, now.month
        self.tomorrow_next_month = statistics.period_bounds(now.year, now.month)[
            1
        ] + datetime.timedelta(days=1)

    def test_running_period_is_not_stored(self, portal):
        result = assessment.assess(self.year, month=self.month)
        assert result["stored"] is False
        assert assessment.stored(self.year, month=self.month) is None

    def test_ended_period_keeps_its_method(self, portal):
        later = self.tomorrow_next_month
        first = assessment.assess(self.year, month=self.month, today=later)
        assert first["stored"] is True
        assert first["method"]["weights"]["volume"] == 30
        scores = [entry["score"] for entry in first["ranking"]]

        set_weights(volume=90, on_time=10, online_rate=0, satisfaction=0, cards=0)
        again = assessment.assess(self.year, month=self.month, today=later)
        assert again["method"]["weights"]["volume"] == 30
        assert [entry["score"] for entry in again["ranking"]] == scores
        assert again["computed"] == first["computed"]

        recomputed = assessment.assess(
            self.year, month=self.month, today=later, recompute=True
        )
        assert recomputed["method"]["weights"]["volume"] == 90
        assert (
            assessment.stored(self.year, month=self.month)["method"]
            == (recomputed["method"])
        )

    def test_quarter(self, portal):
        quarter = assessment.quarter_of(self.month)
        result = assessment.assess(self.year, quarter=quarter)
        assert result["period"] == f"{self.year}-Q{quarter}"
        top = result["ranking"][0]
        assert top["values"]["volume"] == 1.0


class TestIncentiveLists:
    def test_first_staff_and_citizens_in_order(self, hall, make_application):
        make_application("approved", applicant="applicant")
        make_application("approved", applicant="other_citizen")
        make_application(
            "refused", item=hall["item_b"], applicant="other_citizen", staff="staff_b"
        )
        staff = assessment.incentive_staff()
        assert [entry["user_id"] for entry in staff] == ["staff_a", "staff_b"]
        assert staff[0]["fullname"] == "staff_a 全名"
        assert staff[0]["department"] == hall["department_a"].Title()
        assert staff[0]["when"] <= staff[1]["when"]
        citizens = assessment.incentive_citizens()
        assert [entry["user_id"] for entry in citizens] == [
            "applicant",
            "other_citizen",
        ]
        assert citizens[0]["name"] == "张小三"

    def test_lengths_are_settings(self, hall, make_application):
        make_application("approved", applicant="applicant")
        make_application("approved", item=hall["item_b"], staff="staff_b")
        api.portal.set_registry_record(f"{assessment.PREFIX}.incentive_staff", 1)
        assert [entry["user_id"] for entry in assessment.incentive_staff()] == [
            "staff_a"
        ]
        assert len(assessment.incentive_staff(limit=5)) == 2
        assert assessment.setting("incentive_citizens") == 100

    def test_rejection_is_not_a_decision_on_the_merits(self, make_application):
        make_application("rejected")
        assert assessment.incentive_staff() == []
