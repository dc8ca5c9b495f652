"""What the install and the demonstration bring: the permission, the link, a leader."""

from plone import api
from zyzwfw import supervision
from zyzwfw import weekly_reports
from zyzwfw.setuphandlers import demo_supervision

import pytest


class TestPermission:
    @pytest.mark.parametrize(
        ("person", "allowed"),
        [
            ("supervisor", True),
            ("staff_a", False),
            ("applicant", False),
            ("editor_a", False),
        ],
    )
    def test_supervise(self, hall, acting_as, person, allowed):
        with acting_as(person):
            assert (
                api.user.has_permission("zyzwfw: Supervise", obj=hall["portal"])
                is allowed
            )

    @pytest.mark.parametrize(("person", "shown"), [("supervisor", 1), ("staff_a", 0)])
    def test_desk_link(self, hall, acting_as, person, shown):
        tool = api.portal.get_tool("portal_actions")
        with acting_as(person):
            actions = tool.listFilteredActionsFor(hall["portal"])["user"]
        assert [action["id"] for action in actions].count("supervision") == shown


class TestDemonstration:
    def test_leader_and_cards(self, hall, make_application):
        application = make_application("accepted")
        application.step_due_date = application.step_due_date.replace(year=2020)
        application.reindexObject()
        login, _password, _who = demo_supervision.load(hall["portal"])
        assert login == "zjj-leader"
        assert [
            user.getId() for user in weekly_reports.leaders(hall["department_a"])
        ] == ["zjj-leader"]
        assert supervision.has_card(application.UID(), "R02")
        # Loading again adds nothing.
        demo_supervision.load(hall["portal"])
        assert len(weekly_reports.leaders(hall["department_a"])) == 1
        assert len(supervision.cards()) == 1
