"""Test layers of the hall, used by pytest-plone's fixtures in ``tests/``."""

from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing import zope as zope_testing

import os


class HallLayer(PloneSandboxLayer):
    """A Plone site with the hall profile installed."""

    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        # Compile the zh_CN catalogue from its .po file as a served site does.
        os.environ["zope_i18n_compile_mo_files"] = "true"

        import collective.easyform
        import plone.restapi
        import zyzwfw

        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=collective.easyform)
        self.loadZCML(package=zyzwfw)

    def setUpPloneSite(self, portal):
        self.applyProfile(portal, "zyzwfw:default")


HALL_FIXTURE = HallLayer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(HALL_FIXTURE,),
    name="Hall:Integration",
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(HALL_FIXTURE, zope_testing.WSGI_SERVER_FIXTURE),
    name="Hall:Functional",
)
