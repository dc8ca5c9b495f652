"""Creating the hall's site as `make start` does."""

from zyzwfw.setuphandlers.site import create_site
from zyzwfw.setuphandlers.site import ensure_admin
from zyzwfw.setuphandlers.site import SiteCreationError
from zyzwfw.wsgi import RootRedirect

import pytest


@pytest.fixture
def zope_app(app):
    """The Zope root with the administrator the scripts create."""
    ensure_admin(app, "secret")
    return app


@pytest.fixture
def hall(zope_app):
    site, created = create_site(zope_app, site_id="hall", demo_content=False)
    assert created is True
    return site


class TestCreateSite:
    def test_title(self, hall):
        """The site carries the hall's Chinese name."""
        assert hall.title == "资阳市电子政务大厅"

    def test_language(self, hall):
        """The site speaks Simplified Chinese."""
        from plone import api

        assert hall.Language() == "zh-cn"
        assert api.portal.get_registry_record("plone.default_language") == "zh-cn"

    def test_timezone(self, hall):
        """The site keeps Beijing time."""
        from plone import api

        assert (
            api.portal.get_registry_record("plone.portal_timezone") == "Asia/Shanghai"
        )

    def test_profile_installed(self, hall):
        """The hall's profile is installed and its front page is the hall's."""
        setup_tool = hall.portal_setup
        assert setup_tool.getLastVersionForProfile("zyzwfw:default") == ("1000",)
        assert hall.getLayout() == "hall-home"
        assert "departments" in hall.objectIds()

    def test_second_run_keeps_the_site(self, zope_app, hall):
        """Running the creation again keeps the existing site and its data."""
        hall.manage_addProperty("marker", "kept", "string")
        site, created = create_site(zope_app, site_id="hall", demo_content=False)
        assert created is False
        assert site.getProperty("marker") == "kept"

    def test_taken_id_is_refused(self, zope_app):
        """An id taken by something else is never overwritten."""
        zope_app.manage_addFolder("taken")
        with pytest.raises(SiteCreationError):
            create_site(zope_app, site_id="taken", demo_content=False)
        assert zope_app.taken.meta_type == "Folder"


class TestAdmin:
    @pytest.fixture
    def root(self):
        """A Zope root as an instance has it, with Zope's own user folder."""
        from AccessControl.userfolder import UserFolder
        from types import SimpleNamespace

        return SimpleNamespace(acl_users=UserFolder())

    def test_password_from_environment(self, root):
        """The administrator's password is the one given, and can change."""
        assert ensure_admin(root, "first") is True
        assert root.acl_users.authenticate("admin", "first", None) is not None
        assert ensure_admin(root, "first") is False
        assert ensure_admin(root, "second") is True
        assert root.acl_users.authenticate("admin", "first", None) is None
        assert root.acl_users.authenticate("admin", "second", None) is not None
        assert "Manager" in root.acl_users.getUser("admin").getRoles()

    def test_password_changes_in_a_pluggable_user_folder(self, app):
        """The root's user folder of a real instance is pluggable (PAS)."""
        from Products.PluggableAuthService.interfaces import plugins
        from Products.PluggableAuthService.PluggableAuthService import (
            addPluggableAuthService,
        )
        from Products.PluggableAuthService.plugins.ZODBRoleManager import (
            addZODBRoleManager,
        )
        from Products.PluggableAuthService.plugins.ZODBUserManager import (
            addZODBUserManager,
        )

        app.manage_addFolder("instance_root")
        root = app.instance_root
        addPluggableAuthService(root)
        pas = root.acl_users
        addZODBUserManager(pas, "users")
        addZODBRoleManager(pas, "roles")
        for interface in (
            plugins.IUserAdderPlugin,
            plugins.IAuthenticationPlugin,
            plugins.IUserEnumerationPlugin,
        ):
            pas.plugins.activatePlugin(interface, "users")
        for interface in (plugins.IRolesPlugin, plugins.IRoleAssignerPlugin):
            pas.plugins.activatePlugin(interface, "roles")

        assert ensure_admin(root, "first") is True
        assert ensure_admin(root, "second") is True
        assert pas.authenticate("admin", "first", None) is None
        assert pas.authenticate("admin", "second", None) is not None


class TestRootRedirect:
    def call(self, path, query=""):
        seen = {}

        def inner(environ, start_response):
            start_response("200 OK", [])
            return [b"zope"]

        def start_response(status, headers):
            seen["status"] = status
            seen["headers"] = dict(headers)

        body = RootRedirect(inner, "zyzwfw")(
            {"PATH_INFO": path, "QUERY_STRING": query, "SCRIPT_NAME": ""},
            start_response,
        )
        return seen, body

    def test_root_lands_on_the_hall(self):
        """The server's root URL leads to the hall."""
        seen, _body = self.call("/")
        assert seen["status"].startswith("302")
        assert seen["headers"]["Location"] == "/zyzwfw"

    def test_other_paths_pass(self):
        """Every other path reaches Zope unchanged."""
        seen, body = self.call("/manage_main")
        assert seen["status"] == "200 OK"
        assert body == [b"zope"]
