"""The demonstration questions and complaints that `make start` loads."""

from plone import api
from zyzwfw import consultations
from zyzwfw.setuphandlers import demo
from zyzwfw.setuphandlers import demo_interaction

import pytest


class TestDemo:
    """Questions and complaints in every state, made by the demo accounts."""

    @pytest.fixture(scope="class")
    def loaded(self, portal_class):
        """The demonstration site, loaded once for the class."""
        with api.env.adopt_roles(["Manager"]):
            demo.load(portal_class)
        return portal_class

    def states(self, portal_type):
        catalog = api.portal.get_tool("portal_catalog")
        return sorted(
            brain.review_state
            for brain in catalog.unrestrictedSearchResults(portal_type=portal_type)
        )

    def test_questions_in_each_state(self, loaded):
        """Published, answered and waiting questions, and a general one."""
        assert self.states("Consultation") == [
            "answered",
            "asked",
            "asked",
            "asked",
            "published",
            "published",
            "published",
        ]

    def test_faq_on_the_guide(self, loaded):
        """The construction permit's guide shows two published questions."""
        item = loaded["departments"]["zjj"]["construction-permit"]
        faq = consultations.faq_for(item)
        assert len(faq) == 2
        assert all(entry["answer"] for entry in faq)

    def test_overdue_question_on_the_desk(self, loaded):
        """The housing bureau's clerk has an overdue question in red."""
        with api.env.adopt_user(username="zjj-clerk"):
            warnings = [entry["warning"] for entry in consultations.desk()]
        assert "red" in warnings

    def test_complaints_in_each_state(self, loaded):
        """A complaint in each state of the workflow."""
        assert self.states("Complaint") == [
            "closed",
            "handling",
            "received",
            "resolved",
        ]

    def test_loading_twice_adds_nothing(self, loaded):
        """A second load finds the cases and makes none."""
        with api.env.adopt_roles(["Manager"]):
            assert demo_interaction.load(loaded) == (0, 0)
