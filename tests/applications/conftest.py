"""Fixtures of the tests of applications: the hall, people, applications."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from application_helpers import build_hall
from application_helpers import files
from application_helpers import PATHS
from application_helpers import PERSON
from contextlib import contextmanager
from plone import api
from plone.app.testing import login
from zyzwfw import applications

import pytest
import transaction


@pytest.fixture
def hall(portal):
    """The hall of :func:`build_hall` on the integration site."""
    return build_hall(portal)


@pytest.fixture
def web_hall(functional_portal):
    """The hall of :func:`build_hall` on the functional site, committed."""
    hall = build_hall(functional_portal)
    transaction.commit()
    return hall


@pytest.fixture
def acting_as(portal):
    """Run a block as one of the people, ``anonymous`` for nobody."""

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
def make_application(hall, acting_as):
    """Make a complete draft of ``applicant`` and bring it into a state."""

    def make(state="draft", item=None, applicant=PERSON, party="person"):
        item = item or hall["item_a"]
        with acting_as("applicant"):
            receipt = applications.create_application(
                item,
                applicant=applicant,
                files=files("id-card"),
                party=party,
            )
        application = receipt.application
        for person, transition in PATHS[state]:
            with acting_as(person):
                applications.do_transition(
                    application, transition, comment=f"{transition} 的理由"
                )
        assert api.content.get_state(obj=application) == state
        return application

    return make
