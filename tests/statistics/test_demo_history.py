"""The demonstration history: two years of applications that statistics show."""

from plone import api
from plone.app.testing import login
from plone.app.testing import TEST_USER_NAME
from zyzwfw import applications
from zyzwfw import evaluations
from zyzwfw import practice
from zyzwfw import statistics
from zyzwfw.setuphandlers import demo
from zyzwfw.setuphandlers import demo_history

import pytest


@pytest.mark.portal(roles=["Manager"])
class TestDemoHistory:
    @pytest.fixture(scope="class")
    def loaded(self, portal_class):
        api.portal.set_registry_record("plone.portal_timezone", "Asia/Shanghai")
        demo.load(portal_class)

    @pytest.fixture
    def catalog(self, portal_class, loaded):
        return api.portal.get_tool("portal_catalog")

    def test_two_years_with_growth(self, loaded, catalog):
        this_year = applications.hall_now().year
        brains = catalog.unrestrictedSearchResults(
            portal_type="Application", practice=False
        )
        assert len(brains) > 900
        years = {brain.submitted_date.year for brain in brains}
        assert years == {this_year - 1, this_year}
        growth = statistics.yearly(this_year)
        assert growth["previous"] > 400
        assert growth["growth"] is not None
        assert growth["total"] == len(
            [brain for brain in brains if brain.submitted_date.year == this_year]
        )

    def test_uneven_spread(self, loaded):
        year = applications.hall_now().year - 1
        rows = statistics.department_figures(year, extras=False)
        balance = statistics.balance(rows)
        assert 0.4 < balance["top_share"] < 0.8
        matrix = statistics.department_month_counts(year)
        idle_months = sum(
            1
            for row in rows
            for value in matrix.get(row["uid"], [0] * 12)
            if value == 0
        )
        assert idle_months >= 12

    def test_states_agree_with_history(self, loaded, catalog):
        for brain in catalog.unrestrictedSearchResults(portal_type="Application")[:300]:
            application = brain._unrestrictedGetObject()
            history = application.workflow_history[applications.WORKFLOW_ID]
            assert history[-1]["review_state"] == brain.review_state
            assert application.number and application.submitted
            if brain.review_state in applications.FINAL_STATES:
                assert application.closed is not None

    def test_every_figure_has_something(self, loaded):
        year = applications.hall_now().year - 1
        total = statistics.totals(statistics.department_figures(year, extras=False))
        for counter in ("submitted", "prereview_passed", "supplement", "accepted"):
            assert total[counter] > 0, counter
        for counter in ("approved", "refused", "rejected", "withdrawn"):
            assert total[counter] > 0, counter
        assert 0.8 < total["on_time_rate"] < 1
        assert total["average_decide_days"] > 0

    def test_aggregate_rebuilt_from_history(self, loaded):
        before = dict(statistics.aggregate().counts.items())
        statistics.rebuild()
        assert dict(statistics.aggregate().counts.items()) == before

    def test_demo_clerk_passed_the_training_check(self, loaded, portal_class):
        zjj = portal_class["departments"]["zjj"]
        assert practice.passed_on("zjj-clerk", zjj.UID()) is not None

    def test_staff_see_their_departments_history(self, loaded, portal_class):
        departments = portal_class["departments"]
        catalog = api.portal.get_tool("portal_catalog")
        login(portal_class, "zjj-clerk")
        try:
            own = catalog(
                portal_type="Application", department_uid=departments["zjj"].UID()
            )
            others = catalog(
                portal_type="Application", department_uid=departments["scj"].UID()
            )
        finally:
            login(portal_class, TEST_USER_NAME)
        assert len(own) > 20
        assert len(others) == 0

    @pytest.mark.parametrize("clerk", ["zjj-clerk", "qxj-clerk"])
    def test_demo_clerks_find_open_cases(self, loaded, portal_class, clerk):
        login(portal_class, clerk)
        try:
            rows = applications.worklist()
        finally:
            login(portal_class, TEST_USER_NAME)
        assert len(rows) >= 2
        assert {row["state"] for row in rows} <= set(applications.STAFF_STATES)

    def test_numbers_follow_the_days_of_submission(self, loaded, catalog):
        year = applications.hall_now().year
        brains = catalog.unrestrictedSearchResults(
            portal_type="Application", practice=False
        )
        this_year = sorted(
            (brain.application_number, brain.submitted_date.date())
            for brain in brains
            if brain.submitted_date.year == year
        )
        days = [day for _number, day in this_year]
        assert days == sorted(days)

    def test_applicants_rated_mostly_well(self, loaded, portal_class):
        year = applications.hall_now().year - 1
        total = statistics.totals(statistics.department_figures(year))
        assert total["ratings"] > 100
        assert 0.85 < total["satisfaction_rate"] < 1
        headline = statistics.headline(year)
        assert headline["satisfaction_rate"] == pytest.approx(
            total["satisfaction_rate"]
        )

    def test_a_rated_application_is_not_offered_for_rating_again(self, loaded, catalog):
        ratings = catalog.unrestrictedSearchResults(
            portal_type="Evaluation", evaluation_kind="application"
        )
        rating = ratings[0]._unrestrictedGetObject()
        found = catalog.unrestrictedSearchResults(UID=rating.application_uid)
        application = found[0]._unrestrictedGetObject()
        assert application.evaluation_uid == rating.UID()
        assert evaluations.evaluation_of(application).UID() == rating.UID()
        assert rating.created().asdatetime() >= application.closed

    def test_bad_ratings_carry_their_rectification_case(self, loaded, catalog):
        bad = catalog.unrestrictedSearchResults(
            portal_type="Evaluation", evaluation_level=[4, 5]
        )
        assert bad
        states = {brain.review_state for brain in bad}
        assert evaluations.CLOSED in states
        assert states <= set(evaluations.CASE_STATES)
        for brain in bad:
            rating = brain._unrestrictedGetObject()
            history = rating.workflow_history[evaluations.WORKFLOW_ID]
            assert history[1]["action"] == "open_rectification"
            assert (rating.due_date is not None) == (
                brain.review_state == evaluations.RECTIFYING
            )

    def test_loading_twice_adds_nothing(self, loaded, portal_class, catalog):
        count = len(catalog.unrestrictedSearchResults(portal_type="Application"))
        assert demo_history.load(portal_class) == 0
        assert len(catalog.unrestrictedSearchResults(portal_type="Application")) == (
            count
        )
