"""Who may see, change and move an application, state by state."""

from AccessControl import Unauthorized
from application_helpers import PATHS
from application_helpers import PEOPLE
from plone import api
from zyzwfw import applications

import pytest


STATES = tuple(PATHS)
TRANSITIONS = (
    "submit",
    "resubmit",
    "withdraw",
    "request_supplement",
    "pass_prereview",
    "accept",
    "approve",
    "refuse",
    "reject",
)

# Who sees an application in each state: always the applicant and the
# supervisor; the staff of its department once it is sent; nobody else.
VIEWERS = {
    state: {"applicant", "supervisor"} | (set() if state == "draft" else {"staff_a"})
    for state in STATES
}

# Who may change it: the applicant, while it is theirs to fill in.
EDITORS = {
    state: {"applicant"} if state in ("draft", "supplement") else set()
    for state in STATES
}

# What each person may do in each state; nobody not named may do anything.
ACTIONS = {
    "draft": {"applicant": {"submit", "withdraw"}},
    "submitted": {
        "applicant": {"withdraw"},
        "staff_a": {"pass_prereview", "accept", "request_supplement", "reject"},
    },
    "supplement": {"applicant": {"resubmit", "withdraw"}, "staff_a": {"reject"}},
    "prereviewed": {
        "applicant": {"withdraw"},
        "staff_a": {"accept", "request_supplement", "reject"},
    },
    "accepted": {"staff_a": {"approve", "refuse"}},
    "approved": {},
    "refused": {},
    "rejected": {},
    "withdrawn": {},
}


def observe(application, acting_as, permission):
    """Return the people who hold ``permission`` on the application."""
    holders = set()
    for person in PEOPLE:
        with acting_as(person):
            if api.user.has_permission(permission, obj=application):
                holders.add(person)
    return holders


@pytest.mark.parametrize("state", STATES)
class TestMatrix:
    @pytest.fixture
    def application(self, make_application, state):
        return make_application(state)

    def test_view(self, application, acting_as, state):
        """Only the applicant, the department's staff and the supervisor see it."""
        assert observe(application, acting_as, "View") == VIEWERS[state]
        assert (
            observe(application, acting_as, "Access contents information")
            == (VIEWERS[state])
        )

    def test_modify(self, application, acting_as, state):
        """Only the applicant changes it, in draft and awaiting supplement."""
        assert (
            observe(application, acting_as, "Modify portal content") == (EDITORS[state])
        )

    def test_no_sharing(self, application, acting_as, state):
        """Nobody of the matrix may hand out roles on it, its applicant neither."""
        assert observe(application, acting_as, "Change local roles") == set()

    def test_history_readable(self, application, acting_as, state):
        """Whoever sees it reads its history; nobody else does."""
        wftool = api.portal.get_tool("portal_workflow")
        readers = set()
        for person in PEOPLE:
            with acting_as(person):
                if wftool.getInfoFor(application, "review_history", None):
                    readers.add(person)
        assert readers == VIEWERS[state]

    def test_catalog_finds_it_for_viewers_only(self, application, acting_as, state):
        """A catalog search finds it for those who see it, and no one else."""
        catalog = api.portal.get_tool("portal_catalog")
        finders = set()
        for person in PEOPLE:
            with acting_as(person):
                if catalog(UID=application.UID()):
                    finders.add(person)
        assert finders == VIEWERS[state]

    def test_available_transitions(self, application, acting_as, state):
        """Each person may do exactly what the workflow gives them."""
        observed = {}
        for person in PEOPLE:
            with acting_as(person):
                found = {
                    entry["id"]
                    for entry in applications.available_transitions(application)
                }
            if found:
                observed[person] = found
        assert observed == ACTIONS[state]

    def test_forged_transitions(self, application, acting_as, state):
        """Every transition not given to a person is refused and changes nothing."""
        for person in PEOPLE:
            allowed = ACTIONS[state].get(person, set())
            for transition in set(TRANSITIONS) - allowed:
                with (
                    acting_as(person),
                    pytest.raises((Unauthorized, applications.ApplicationInvalid)),
                ):
                    applications.do_transition(application, transition, comment="伪造")
                assert api.content.get_state(obj=application) == state


# Each transition done by the person who may do it.
ALLOWED = sorted(
    (state, person, transition)
    for state, people in ACTIONS.items()
    for person, transitions in people.items()
    for transition in transitions
)


@pytest.mark.parametrize("state,person,transition", ALLOWED)
def test_allowed_transition(make_application, acting_as, state, person, transition):
    """Each transition a person is given goes through."""
    application = make_application(state)
    target = (
        api.portal.get_tool("portal_workflow")[applications.WORKFLOW_ID]
        .transitions[transition]
        .new_state_id
    )
    with acting_as(person):
        new_state = applications.do_transition(application, transition, comment="理由")
    assert new_state == target


def test_guide_editor_cannot_see(hall, make_application, acting_as):
    """Editing the department's guides gives no access to its applications."""
    application = make_application("submitted")
    with acting_as("editor_a"):
        assert "Editor" in api.user.get_roles(obj=hall["department_a"])
        assert not api.user.has_permission("View", obj=application)


def test_supervisor_reads_everything(hall, make_application, acting_as):
    """The supervisor sees every department's applications and their history."""
    first = make_application("submitted")
    second = make_application("submitted", item=hall["item_b"])
    with acting_as("supervisor"):
        catalog = api.portal.get_tool("portal_catalog")
        found = {brain.UID for brain in catalog(portal_type="Application")}
        assert found == {first.UID(), second.UID()}
        assert [step["action"] for step in applications.timeline(second)] == [
            "create",
            "submit",
        ]
        assert applications.available_transitions(first) == []
