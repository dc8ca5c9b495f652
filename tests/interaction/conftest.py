"""Fixtures of the tests of consultations and complaints."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from contextlib import contextmanager
from interaction_helpers import build_hall
from plone.app.testing import login

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
