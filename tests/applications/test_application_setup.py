"""What installing the hall sets up for applications, and the demonstration accounts."""

from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.workflow.interfaces import ISharingPageRole
from zope.component import getUtility
from zyzwfw import applications
from zyzwfw import departments
from zyzwfw.setuphandlers import demo_accounts
from zyzwfw.uploads import DEFAULT_ALLOWED_KINDS

import pytest


class TestInstalled:
    @pytest.mark.parametrize("role", ["WindowStaff", "Supervisor"])
    def test_roles(self, portal, role):
        """The hall's roles exist and can be granted site-wide."""
        assert role in portal.validRoles()
        api.user.create(
            email="x@example.cn", username="someone", password="pw-12345678"
        )
        api.user.grant_roles(username="someone", roles=[role])
        assert role in api.user.get_roles(username="someone")

    def test_window_staff_on_sharing_page(self, portal):
        """Window staff can be granted on a department's sharing page."""
        role = getUtility(ISharingPageRole, name="WindowStaff")
        assert role.required_interface.__name__ == "IDepartment"

    @pytest.mark.parametrize("type_id", ["Application", "ApplicationFolder"])
    def test_types_not_addable_by_hand(self, portal, type_id):
        """Nobody adds applications or their folders through the add menu."""
        fti = portal.portal_types[type_id]
        assert not fti.global_allow
        setRoles(portal, TEST_USER_ID, ["Site Administrator"])
        assert not fti.isConstructionAllowed(portal)

    def test_workflow_chains(self, portal):
        """Applications follow their workflow; their folders have none."""
        wftool = portal.portal_workflow
        assert wftool.getChainForPortalType("Application") == (
            "zyzwfw_application_workflow",
        )
        assert wftool.getChainForPortalType("ApplicationFolder") == ()

    def test_states(self, portal):
        """The workflow has the nine states of an application."""
        workflow = portal.portal_workflow["zyzwfw_application_workflow"]
        assert sorted(workflow.states.objectIds()) == sorted(
            [
                "draft",
                "submitted",
                "supplement",
                "prereviewed",
                "accepted",
                "approved",
                "refused",
                "rejected",
                "withdrawn",
            ]
        )
        assert workflow.initial_state == "draft"

    @pytest.mark.parametrize(
        "index",
        [
            "application_number",
            "applicant_id",
            "department_uid",
            "item_uid",
            "due_date",
            "step_due_date",
            "submitted_date",
        ],
    )
    def test_indexes(self, portal, index):
        """The worklist and the look-up have their indexes."""
        assert index in portal.portal_catalog.indexes()

    def test_query_code_not_indexed(self, portal):
        """The query code is neither an index nor a metadata column."""
        catalog = portal.portal_catalog
        names = set(catalog.indexes()) | set(catalog.schema())
        assert not [name for name in names if "code" in name and "query" in name]

    def test_folder_created(self, portal):
        """The folder of applications exists, closed to the public."""
        root = portal[applications.ROOT_ID]
        assert root.portal_type == "ApplicationFolder"
        assert "Anonymous" not in [
            role["name"] for role in root.rolesOfPermission("View") if role["selected"]
        ]

    @pytest.mark.parametrize(
        "name,value",
        [
            ("allowed_kinds", list(DEFAULT_ALLOWED_KINDS)),
            ("max_file_size", 20),
            ("lookup_attempts", 5),
            ("lookup_window", 10),
            ("number_prefix", "ZY"),
        ],
    )
    def test_settings(self, portal, name, value):
        """The settings start with the hall's defaults."""
        assert api.portal.get_registry_record(f"zyzwfw.applications.{name}") == value

    def test_control_panel(self, portal):
        """The centre edits the settings on their own page."""
        setRoles(portal, TEST_USER_ID, ["Manager"])
        view = api.content.get_view("hall-application-settings", portal, portal.REQUEST)
        html = view()
        assert "form.widgets.max_file_size" in html
        configlets = portal.portal_controlpanel.listActions()
        assert "zyzwfw-application-settings" in [c.getId() for c in configlets]


class TestStaffGroup:
    def test_group_and_role(self, hall):
        """Each department has a staff group holding WindowStaff on it."""
        department = hall["department_a"]
        assert api.group.get(groupname="zjj-staff") is not None
        assert department.get_local_roles_for_userid("zjj-staff") == ("WindowStaff",)
        assert hall["department_b"].get_local_roles_for_userid("zjj-staff") == ()
        assert departments.members(department, "staff") == ["staff_a"]

    def test_nothing_elsewhere(self, hall):
        """Staff hold no role outside their department."""
        roles = api.user.get_roles(username="staff_a", obj=hall["department_b"])
        assert "WindowStaff" not in roles
        assert "WindowStaff" not in api.user.get_roles(username="staff_a")

    def test_applications_get_the_group(self, hall, make_application):
        """Each application of the department names its staff group."""
        application = make_application("submitted")
        assert application.get_local_roles_for_userid("zjj-staff") == ("WindowStaff",)
        assert application.get_local_roles_for_userid("qxj-staff") == ()


class TestDemoAccounts:
    def test_accounts(self, hall):
        """Citizens, a company, staff, an editor, a reviewer and a supervisor."""
        accounts = demo_accounts.load_accounts(hall["portal"])
        logins = [login for login, _password, _description in accounts]
        assert logins == [
            "13800000001",
            "13800000002",
            "13800000003",
            "zjj-clerk",
            "qxj-clerk",
            "guide-editor",
            "centre-reviewer",
            "supervisor",
        ]
        assert {password for _login, password, _d in accounts} == {
            demo_accounts.DEMO_PASSWORD
        }
        assert all(description for _login, _password, description in accounts)

    def test_people_have_their_roles(self, hall):
        """Each account can do what its description says."""
        demo_accounts.load_accounts(hall["portal"])
        assert departments.members(hall["department_a"], "staff") == [
            "staff_a",
            "zjj-clerk",
        ]
        assert "Supervisor" in api.user.get_roles(username="supervisor")
        assert "Reviewers" in [
            group.getId() for group in api.group.get_groups(username="centre-reviewer")
        ]
        assert "Editor" in api.user.get_roles(
            username="guide-editor", obj=hall["department_a"]
        )

    def test_login_with_mobile(self, hall):
        """Citizens log in with their mobile number."""
        demo_accounts.load_accounts(hall["portal"])
        acl_users = api.portal.get_tool("acl_users")
        user = acl_users.authenticate(
            "13800000001", demo_accounts.DEMO_PASSWORD, hall["portal"].REQUEST
        )
        assert user is not None
        assert user.getId() == "zhangsan"

    def test_missing_departments_skipped(self, portal):
        """Without the demonstration departments, no staff account is made."""
        accounts = demo_accounts.load_accounts(portal)
        logins = [login for login, _password, _description in accounts]
        assert "zjj-clerk" not in logins
        assert "guide-editor" not in logins

    def test_twice(self, hall):
        """Loading again changes nothing and fails on nothing."""
        first = demo_accounts.load_accounts(hall["portal"])
        assert demo_accounts.load_accounts(hall["portal"]) == first
