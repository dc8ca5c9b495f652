"""Who may see, change and move catalogue content through its publication workflow."""

from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException

import pytest


STATES = ("private", "pending", "published")

# person: (private, pending, published), for department A's item.
CAN_VIEW = {
    "anonymous": (False, False, True),
    "member": (False, False, True),
    "editor_a": (True, True, True),
    "editor_b": (False, False, True),
    "reviewer": (True, True, True),
    "site_admin": (True, True, True),
}

CAN_MODIFY = {
    "anonymous": (False, False, False),
    "member": (False, False, False),
    "editor_a": (True, False, False),
    "editor_b": (False, False, False),
    "reviewer": (False, True, False),
    "site_admin": (True, True, True),
}

TRANSITIONS = {
    "anonymous": ([], [], []),
    "member": ([], [], []),
    "editor_a": (["submit"], [], []),
    "editor_b": ([], [], []),
    "reviewer": (["publish"], ["publish", "reject"], ["retract"]),
    "site_admin": (["publish", "submit"], ["publish", "reject"], ["retract"]),
}


def matrix(table):
    """Flatten a person → per-state table into parameters."""
    return [
        pytest.param(person, state, expected, id=f"{person}-{state}")
        for person, row in table.items()
        for state, expected in zip(STATES, row, strict=True)
    ]


@pytest.fixture
def item_in(catalogue, people, move_to):
    """Department A's item, brought into a state."""

    def item(state):
        return move_to(catalogue["item_a"], state)

    return item


class TestPermissionMatrix:
    @pytest.mark.parametrize("person,state,expected", matrix(CAN_VIEW))
    def test_view(self, item_in, acting_as, person, state, expected):
        """Who sees the item in each state."""
        item = item_in(state)
        with acting_as(person):
            assert api.user.has_permission("View", obj=item) is expected

    @pytest.mark.parametrize("person,state,expected", matrix(CAN_MODIFY))
    def test_modify(self, item_in, acting_as, person, state, expected):
        """Who edits the item in each state."""
        item = item_in(state)
        with acting_as(person):
            allowed = api.user.has_permission("Modify portal content", obj=item)
            assert allowed is expected

    @pytest.mark.parametrize("person,state,expected", matrix(TRANSITIONS))
    def test_transitions(self, portal, item_in, acting_as, person, state, expected):
        """Which transitions each person is offered in each state."""
        item = item_in(state)
        with acting_as(person):
            offered = portal.portal_workflow.getTransitionsFor(item)
            assert sorted(t["id"] for t in offered) == expected


class TestDepartmentBoundaries:
    @pytest.mark.parametrize(
        "person,department,allowed",
        [
            ("editor_a", "department_a", True),
            ("editor_a", "department_b", False),
            ("editor_b", "department_a", False),
            ("editor_b", "department_b", True),
            ("member", "department_a", False),
            ("reviewer", "department_a", False),
        ],
    )
    def test_add_items(self, catalogue, people, acting_as, person, department, allowed):
        """Only a department's own editors add items to it."""
        with acting_as(person):
            permitted = api.user.has_permission(
                "zyzwfw: Add ServiceItem", obj=catalogue[department]
            )
            assert permitted is allowed

    @pytest.mark.parametrize("item,allowed", [("item_a", True), ("item_b", False)])
    def test_add_materials(self, catalogue, people, acting_as, item, allowed):
        """An editor adds materials to their own department's items only."""
        with acting_as("editor_a"):
            permitted = api.user.has_permission(
                "zyzwfw: Add Material", obj=catalogue[item]
            )
            assert permitted is allowed

    def test_editor_creates_in_own_department(self, catalogue, people, acting_as):
        """An editor writes a new item and its material in their department."""
        with acting_as("editor_a"):
            item = api.content.create(
                container=catalogue["department_a"],
                type="ServiceItem",
                title="户口迁移",
                implementation_code="GA0002",
                item_type="07",
            )
            material = api.content.create(
                container=item, type="Material", title="户口簿"
            )
        assert api.content.get_state(item) == "private"
        assert material.aq_parent is item

    def test_editor_cannot_create_elsewhere(self, catalogue, people, acting_as):
        """Creating an item in another department is refused."""
        from AccessControl import Unauthorized

        with acting_as("editor_a"), pytest.raises(Unauthorized):
            api.content.create(
                container=catalogue["department_b"],
                type="ServiceItem",
                title="收养登记",
                implementation_code="MZ0002",
                item_type="07",
            )
        assert "mz0002" not in catalogue["department_b"]

    def test_editor_cannot_edit_or_submit_other_department(
        self, portal, catalogue, people, acting_as
    ):
        """An editor of A neither edits nor submits B's private item."""
        item = catalogue["item_b"]
        with acting_as("editor_a"):
            assert not api.user.has_permission("Modify portal content", obj=item)
            assert portal.portal_workflow.getTransitionsFor(item) == ()
            with pytest.raises(WorkflowException):
                portal.portal_workflow.doActionFor(item, "submit")
        assert api.content.get_state(item) == "private"


class TestForgedTransitions:
    @pytest.mark.parametrize(
        "person,state,transition",
        [
            ("anonymous", "private", "publish"),
            ("member", "private", "submit"),
            ("editor_a", "private", "publish"),
            ("editor_a", "pending", "publish"),
            ("editor_a", "pending", "reject"),
            ("editor_a", "published", "retract"),
            ("editor_b", "private", "submit"),
            ("reviewer", "private", "submit"),
            ("reviewer", "private", "retract"),
            ("site_admin", "private", "reject"),
        ],
    )
    def test_refused_and_nothing_changes(
        self, portal, item_in, acting_as, person, state, transition
    ):
        """A transition not offered raises and leaves the item as it was."""
        item = item_in(state)
        workflow = portal.portal_workflow
        history = list(workflow.getInfoFor(item, "review_history"))
        modified = item.modified()

        with acting_as(person), pytest.raises(WorkflowException):
            workflow.doActionFor(item, transition)

        assert api.content.get_state(item) == state
        assert list(workflow.getInfoFor(item, "review_history")) == history
        assert item.modified() == modified
