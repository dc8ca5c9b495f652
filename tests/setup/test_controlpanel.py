"""The hall control panel: listed, guarded, and its settings shown on the site."""

from AccessControl import Unauthorized
from plone import api
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from zope.interface import alsoProvides
from zyzwfw.interfaces import IZyzwfwLayer

import lxml.html
import pytest
import requests
import transaction


MANAGER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


@pytest.fixture
def hall_request(http_request):
    """The test request, marked with the hall's layer as a served one is."""
    alsoProvides(http_request, IZyzwfwLayer)
    return http_request


class TestConfiglet:
    def test_listed(self, controlpanel_actions):
        """The configlet is in the site setup."""
        assert "zyzwfw-settings" in controlpanel_actions

    def test_configlet_points_at_view(self, portal):
        """The configlet opens ``@@hall-settings`` and needs Manage portal."""
        configlet = next(
            action
            for action in portal.portal_controlpanel.listActions()
            if action.getId() == "zyzwfw-settings"
        )
        assert configlet.getActionExpression().endswith("/@@hall-settings")
        assert configlet.permissions == ("Manage portal",)

    def test_renders_for_manager(self, portal, hall_request):
        """A Manager gets the form with the hall's fields."""
        setRoles(portal, TEST_USER_ID, ["Manager"])
        view = api.content.get_view("hall-settings", portal, hall_request)
        html = view()
        assert 'name="form.widgets.hall_name"' in html
        assert 'name="form.widgets.person_themes"' in html

    @pytest.mark.parametrize("roles", [None, ["Member"], ["Editor", "Reviewer"]])
    def test_refused_to_others(self, portal, hall_request, roles):
        """Anonymous and users without Manage portal cannot open it."""
        if roles is None:
            logout()
        else:
            setRoles(portal, TEST_USER_ID, roles)
        with pytest.raises(Unauthorized):
            portal.restrictedTraverse("@@hall-settings")


def settings_form(url):
    """Return the control panel form's fields as a Manager gets them."""
    response = requests.get(f"{url}/@@hall-settings", auth=MANAGER)
    assert response.status_code == 200
    form = lxml.html.fromstring(response.text).get_element_by_id("form")
    return dict(form.form_values())


def hall_name_in_header(url):
    """Return the hall name in the header of the home page, as anonymous sees it."""
    response = requests.get(url)
    assert response.status_code == 200
    header = lxml.html.fromstring(response.text).get_element_by_id("portal-logo")
    return header.find_class("hall-name")[0].text_content().strip()


class TestSaving:
    def test_new_name_in_header(self, functional_portal):
        """Saving a new hall name changes the header of the home page."""
        url = functional_portal.absolute_url()
        assert hall_name_in_header(url) == "资阳市电子政务大厅"

        fields = settings_form(url)
        fields["form.widgets.hall_name"] = "资阳市政务服务网上大厅"
        fields["form.buttons.save"] = "Save"
        response = requests.post(f"{url}/@@hall-settings", data=fields, auth=MANAGER)
        assert response.status_code == 200

        assert hall_name_in_header(url) == "资阳市政务服务网上大厅"
        transaction.begin()  # see what the server committed
        record = "zyzwfw.hall.hall_name"
        assert api.portal.get_registry_record(record) == "资阳市政务服务网上大厅"

    def test_empty_name_refused(self, functional_portal):
        """Saving without a hall name keeps the old one."""
        url = functional_portal.absolute_url()
        fields = settings_form(url)
        fields["form.widgets.hall_name"] = ""
        fields["form.buttons.save"] = "Save"
        response = requests.post(f"{url}/@@hall-settings", data=fields, auth=MANAGER)

        page = lxml.html.fromstring(response.text)
        field = page.get_element_by_id("formfield-form-widgets-hall_name")
        assert "error" in field.classes
        assert hall_name_in_header(url) == "资阳市电子政务大厅"

    def test_anonymous_cannot_save(self, functional_portal):
        """An anonymous POST changes nothing."""
        url = functional_portal.absolute_url()
        fields = settings_form(url)
        fields["form.widgets.hall_name"] = "假冒的大厅"
        fields["form.buttons.save"] = "Save"
        response = requests.post(
            f"{url}/@@hall-settings", data=fields, allow_redirects=False
        )
        assert response.status_code in (302, 401)
        assert hall_name_in_header(url) == "资阳市电子政务大厅"
