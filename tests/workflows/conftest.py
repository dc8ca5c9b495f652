"""Two departments, their items and the people who act on them."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from contextlib import contextmanager
from plone import api
from plone.app.testing import login
from zyzwfw import departments

import pytest


PASSWORD = "secret-Pa55word"

# Each person of the matrix and how they come by their roles.
PEOPLE = ("anonymous", "member", "editor_a", "editor_b", "reviewer", "site_admin")


def create_department(folder, short_code, title):
    """Create a published department, as the centre does."""
    department = api.content.create(
        container=folder,
        type="Department",
        id=short_code,
        title=title,
        short_code=short_code,
    )
    api.content.transition(obj=department, transition="publish")
    return department


def create_item(department, code, title):
    """Create a private service item in the department."""
    return api.content.create(
        container=department,
        type="ServiceItem",
        id=code.lower(),
        title=title,
        implementation_code=code,
        item_type="01",
    )


@pytest.fixture
def catalogue(portal):
    """Departments A (公安局) and B (民政局), each with one private item."""
    with api.env.adopt_roles(["Manager"]):
        folder = portal["departments"]
        department_a = create_department(folder, "ga", "市公安局")
        department_b = create_department(folder, "mz", "市民政局")
        return {
            "department_a": department_a,
            "department_b": department_b,
            "item_a": create_item(department_a, "GA0001", "居民身份证换领"),
            "item_b": create_item(department_b, "MZ0001", "婚姻登记"),
        }


@pytest.fixture
def people(portal, catalogue):
    """A user for each person of the matrix, with the groups they belong to."""
    with api.env.adopt_roles(["Manager"]):
        for user_id in PEOPLE[1:]:
            api.user.create(
                email=f"{user_id}@example.cn", username=user_id, password=PASSWORD
            )
        departments.add_editor(catalogue["department_a"], "editor_a")
        departments.add_editor(catalogue["department_b"], "editor_b")
        departments.add_reviewer("reviewer")
        api.group.add_user(groupname="Site Administrators", username="site_admin")
    return PEOPLE


@pytest.fixture
def acting_as(portal):
    """Run a block as one of the matrix's people, ``anonymous`` for nobody."""

    @contextmanager
    def as_person(person):
        before = getSecurityManager()
        if person == "anonymous":
            newSecurityManager(None, nobody)
        else:
            login(portal, person)
        try:
            yield
        finally:
            setSecurityManager(before)

    return as_person


@pytest.fixture
def move_to(portal):
    """Bring content into a state of the publication workflow, as a Manager."""
    paths = {
        "private": [],
        "pending": ["submit"],
        "published": ["publish"],
    }

    def move(obj, state):
        with api.env.adopt_roles(["Manager"]):
            for transition in paths[state]:
                api.content.transition(obj=obj, transition=transition)
        assert api.content.get_state(obj) == state
        return obj

    return move
