"""Installing the hall profile."""

from zyzwfw import PACKAGE_NAME

import pytest


class TestSetupInstall:
    def test_addon_installed(self, installer):
        """The add-on is installed."""
        assert installer.is_product_installed(PACKAGE_NAME) is True

    def test_browserlayer(self, browser_layers):
        """The hall's browser layer is registered."""
        from zyzwfw.interfaces import IZyzwfwLayer

        assert IZyzwfwLayer in browser_layers

    def test_latest_version(self, profile_last_version):
        """The profile's version is the latest upgrade step's destination."""
        assert profile_last_version(f"{PACKAGE_NAME}:default") == "1000"

    @pytest.mark.parametrize(
        "profile",
        [
            "plone.restapi:default",
            "collective.easyform:default",
            "plone.app.contenttypes:default",
        ],
    )
    def test_dependencies_installed(self, setup_tool, profile):
        """The profiles the hall depends on are applied with it."""
        assert setup_tool.getLastVersionForProfile(profile) != "unknown"

    def test_home_page_is_the_hall(self, portal):
        """The site's front page is the hall's home page."""
        assert portal.getLayout() == "hall-home"

    def test_main_navigation(self, portal):
        """The main navigation holds the hall's seven sections, in order."""
        tabs = portal.portal_actions.portal_tabs.objectIds()
        assert tabs == [
            "index_html",
            "guide",
            "apply",
            "track",
            "interact",
            "open",
            "statistics",
        ]


class TestSetupUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, installer):
        installer.uninstall_product(PACKAGE_NAME)

    def test_addon_uninstalled(self, installer):
        """The add-on is uninstalled."""
        assert installer.is_product_installed(PACKAGE_NAME) is False

    def test_browserlayer_removed(self, browser_layers):
        """The browser layer is removed."""
        from zyzwfw.interfaces import IZyzwfwLayer

        assert IZyzwfwLayer not in browser_layers

    def test_settings_removed(self, portal):
        """The hall's registry records are removed."""
        from plone.registry.interfaces import IRegistry
        from zope.component import getUtility

        registry = getUtility(IRegistry)
        assert "zyzwfw.hall.hall_name" not in registry.records

    def test_home_page_restored(self, portal):
        """Plone's own front page comes back."""
        assert portal.getLayout() != "hall-home"

    def test_navigation_restored(self, portal):
        """Only Plone's own home tab is left."""
        assert portal.portal_actions.portal_tabs.objectIds() == ["index_html"]

    def test_controlpanel_removed(self, controlpanel_actions):
        """The hall's control panel is gone."""
        assert "zyzwfw-settings" not in controlpanel_actions
