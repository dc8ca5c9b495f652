"""Fixtures of the tests of ratings: the hall of the application tests, and
applications brought into any state."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from contextlib import contextmanager
from pathlib import Path
from plone import api
from plone.app.testing import login
from zyzwfw import applications
from zyzwfw import evaluations

import pytest
import sys
import transaction


# The hall and the paths of applications are those of the application tests.
sys.path.insert(0, str(Path(__file__).parents[1] / "applications"))

from application_helpers import build_hall  # noqa: E402
from application_helpers import files  # noqa: E402
from application_helpers import PATHS  # noqa: E402
from application_helpers import PERSON  # noqa: E402


@pytest.fixture
def hall(portal):
    """The hall on the integration site."""
    evaluations.reset_guide_limits()
    return build_hall(portal)


@pytest.fixture
def web_hall(functional_portal):
    """The hall on the functional site, committed."""
    evaluations.reset_guide_limits()
    hall = build_hall(functional_portal)
    transaction.commit()
    return hall


@contextmanager
def _as_person(portal, person):
    before = getSecurityManager()
    if person == "anonymous":
        newSecurityManager(None, nobody)
    else:
        login(portal, person)
    try:
        yield
    finally:
        setSecurityManager(before)


@pytest.fixture
def acting_as(portal):
    """Run a block as one of the people, ``anonymous`` for nobody."""
    return lambda person: _as_person(portal, person)


def bring(portal, state, item):
    """Make an application of ``applicant`` for ``item`` and bring it into ``state``."""
    with _as_person(portal, "applicant"):
        receipt = applications.create_application(
            item, applicant=PERSON, files=files("id-card")
        )
    application = receipt.application
    for person, transition in PATHS[state]:
        with _as_person(portal, person):
            applications.do_transition(
                application, transition, comment=f"{transition} 的理由"
            )
    assert api.content.get_state(obj=application) == state
    return application


@pytest.fixture
def make_application(hall, portal):
    """Make an application of ``applicant`` in a state."""
    return lambda state="approved", item=None: bring(
        portal, state, item or hall["item_a"]
    )


@pytest.fixture
def make_web_application(web_hall, functional_portal):
    """Make an application on the functional site, committed."""

    def make(state="approved", item=None):
        application = bring(functional_portal, state, item or web_hall["item_a"])
        transaction.commit()
        return application

    return make
