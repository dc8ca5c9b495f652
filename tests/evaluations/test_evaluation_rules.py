"""Rating an application: who may, when, how often, and what is stored."""

from AccessControl import Unauthorized
from plone import api
from zope.i18n import translate
from zyzwfw import evaluations
from zyzwfw import notifications

import pytest


class TestWhoAndWhen:
    @pytest.mark.parametrize("state", ["approved", "refused", "rejected"])
    def test_applicant_rates_an_ended_application(
        self, make_application, acting_as, state
    ):
        """The applicant rates an approved, refused or not accepted application."""
        application = make_application(state)
        with acting_as("applicant"):
            evaluation = evaluations.evaluate(application, 2, "办理很快")
        assert evaluation.level == 2
        assert evaluation.comment == "办理很快"
        assert evaluation.application_number == application.number
        assert evaluation.kind == "application"
        assert evaluation.number.startswith("PJ")
        assert evaluations.evaluation_of(application) == evaluation

    @pytest.mark.parametrize(
        "state", ["draft", "submitted", "supplement", "accepted", "withdrawn"]
    )
    def test_not_before_the_end(self, make_application, acting_as, state):
        """An application under way, or withdrawn, cannot be rated."""
        application = make_application(state)
        with acting_as("applicant"):
            with pytest.raises(evaluations.EvaluationRefused) as refused:
                evaluations.evaluate(application, 1)
        assert "办结" in translate(refused.value.message, target_language="zh_CN")
        assert evaluations.evaluation_of(application) is None

    @pytest.mark.parametrize(
        "person", ["anonymous", "other_citizen", "staff_a", "supervisor"]
    )
    def test_only_the_applicant(self, make_application, acting_as, person):
        """Nobody but the applicant rates an application."""
        application = make_application("approved")
        with acting_as(person):
            assert not evaluations.can_evaluate(application)
            with pytest.raises(Unauthorized):
                evaluations.evaluate(application, 1)
        assert evaluations.evaluation_of(application) is None

    def test_only_once(self, make_application, acting_as):
        """A second rating of the same application is refused in Chinese."""
        application = make_application("approved")
        with acting_as("applicant"):
            first = evaluations.evaluate(application, 1)
            with pytest.raises(evaluations.EvaluationRefused) as refused:
                evaluations.evaluate(application, 5)
        assert "已经评价" in translate(refused.value.message, target_language="zh_CN")
        assert evaluations.evaluation_of(application) == first
        catalog = api.portal.get_tool("portal_catalog")
        assert len(catalog.unrestrictedSearchResults(portal_type="Evaluation")) == 1


class TestInput:
    @pytest.mark.parametrize("level", [None, "", 0, 6, "abc", 2.5, True, [1]])
    def test_wrong_levels_refused(self, make_application, acting_as, level):
        """A level outside 1..5, or no level, is refused at its field."""
        application = make_application("approved")
        with acting_as("applicant"):
            with pytest.raises(evaluations.EvaluationInvalid) as invalid:
                evaluations.evaluate(application, level)
        assert [error.field for error in invalid.value.errors] == ["level"]
        assert evaluations.evaluation_of(application) is None

    def test_level_as_text(self, make_application, acting_as):
        """A form sends the level as text."""
        application = make_application("approved")
        with acting_as("applicant"):
            assert evaluations.evaluate(application, "3").level == 3

    def test_long_comment_refused(self, make_application, acting_as):
        """A comment over 500 characters is refused; nothing is stored."""
        application = make_application("approved")
        with acting_as("applicant"):
            with pytest.raises(evaluations.EvaluationInvalid) as invalid:
                evaluations.evaluate(application, 1, "很" * 501)
        message = translate(invalid.value.errors[0].message, target_language="zh_CN")
        assert "500" in message
        assert evaluations.evaluation_of(application) is None


class TestStored:
    def test_catalogued_for_the_statistics(self, make_application, acting_as, hall):
        """Ratings are found by department, item, level and kind."""
        application = make_application("approved")
        with acting_as("applicant"):
            evaluations.evaluate(application, 3)
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(
            portal_type="Evaluation",
            department_uid=hall["department_a"].UID(),
            item_uid=hall["item_a"].UID(),
            evaluation_level=3,
            evaluation_kind="application",
            evaluation_excluded=False,
        )
        assert len(brains) == 1
        assert brains[0].evaluation_level == 3

    def test_not_in_the_public_tree(self, make_application, acting_as, hall):
        """Ratings live in the locked folder; others' ratings stay hidden."""
        application = make_application("approved")
        with acting_as("applicant"):
            evaluation = evaluations.evaluate(application, 1)
        assert evaluation.aq_parent.aq_parent.getId() == "evaluations"
        with acting_as("other_citizen"):
            assert not api.user.has_permission("View", obj=evaluation)
        with acting_as("staff_b"):
            assert not api.user.has_permission("View", obj=evaluation)
        for person in ("applicant", "staff_a", "supervisor"):
            with acting_as(person):
                assert api.user.has_permission("View", obj=evaluation)

    @pytest.mark.parametrize(
        "level, state", [(1, "recorded"), (3, "recorded"), (4, "rectifying")]
    )
    def test_bad_rating_opens_a_case(self, make_application, acting_as, level, state):
        """不满意 and 非常不满意 open a rectification case with a due date."""
        application = make_application("approved")
        with acting_as("applicant"):
            evaluation = evaluations.evaluate(application, level)
        assert api.content.get_state(obj=evaluation) == state
        assert (evaluation.due_date is not None) == (state == "rectifying")

    def test_satisfaction_rate(self, hall, make_application, acting_as):
        """The satisfaction rate is the share of levels 1 to 3."""
        for level in (1, 3, 4, 5):
            application = make_application("approved")
            with acting_as("applicant"):
                evaluations.evaluate(application, level)
        found = evaluations.satisfaction(hall["department_a"].UID())
        assert found == {"count": 4, "rate": 0.5}
        assert evaluations.satisfaction(hall["department_b"].UID())["count"] == 0


class TestInvitation:
    @pytest.mark.parametrize(
        "state, invited",
        [
            ("approved", True),
            ("refused", True),
            ("rejected", True),
            ("accepted", False),
        ],
    )
    def test_end_notice_invites_to_rate(self, make_application, state, invited):
        """The notice of the end of an application asks the applicant to rate it."""
        application = make_application(state)
        latest = notifications.messages_for("applicant")[0]
        assert ("评价" in latest["body"]) == invited
        if invited:
            assert f"{application.absolute_url()}/@@evaluate" in latest["body"]
