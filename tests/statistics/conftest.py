"""Fixtures of the statistics tests: the hall of the application tests."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from contextlib import contextmanager
from pathlib import Path
from plone import api
from plone.app.testing import login
from zyzwfw import applications

import pytest
import sys
import transaction


# The hall, its people and their applications are those of the application
# tests.
sys.path.insert(0, str(Path(__file__).parent.parent / "applications"))

from application_helpers import build_hall  # noqa: E402
from application_helpers import files  # noqa: E402
from application_helpers import PATHS  # noqa: E402
from application_helpers import PERSON  # noqa: E402


@pytest.fixture
def hall(portal):
    """The hall of the application tests on the integration site."""
    return build_hall(portal)


@pytest.fixture
def web_hall(functional_portal):
    """The same hall on the functional site, committed."""
    hall = build_hall(functional_portal)
    transaction.commit()
    return hall


@pytest.fixture
def acting_as():
    """Run a block as one of the people, ``anonymous`` for nobody."""

    @contextmanager
    def as_person(person):
        before = getSecurityManager()
        if person == "anonymous":
            newSecurityManager(None, nobody)
        else:
            login(api.portal.get(), person)
        try:
            yield
        finally:
            setSecurityManager(before)

    return as_person


@pytest.fixture
def make_application(hall, acting_as):
    """Bring a new application of ``applicant`` into a state, as its people do."""

    def make(state="draft", item=None, applicant="applicant", staff="staff_a"):
        item = item or hall["item_a"]
        with acting_as(applicant):
            receipt = applications.create_application(
                item, applicant=PERSON, files=files("id-card")
            )
        application = receipt.application
        for person, transition in PATHS[state]:
            person = {"applicant": applicant, "staff_a": staff}.get(person, person)
            with acting_as(person):
                applications.do_transition(
                    application, transition, comment=f"{transition} 的理由"
                )
        return application

    return make
