"""Fixtures over the hall's test layers."""

from pytest_plone import fixtures_factory
from zyzwfw.testing import FUNCTIONAL_TESTING
from zyzwfw.testing import INTEGRATION_TESTING


pytest_plugins = ["pytest_plone"]

globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)
