"""The settings of ratings and online rate, in the hall control panel."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import lxml.html
import pytest
import requests
import transaction


MANAGER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def settings_fields(url):
    response = requests.get(f"{url}/@@hall-settings", auth=MANAGER, timeout=60)
    assert response.status_code == 200
    form = lxml.html.fromstring(response.text).get_element_by_id("form")
    return dict(form.form_values())


class TestQualitySettings:
    def test_defaults(self, portal):
        """Fifteen working days to rectify; office hours in two periods."""
        assert api.portal.get_registry_record("zyzwfw.quality.rectification_days") == 15
        assert api.portal.get_registry_record("zyzwfw.quality.window_hours") == [
            "9:00-12:00",
            "13:30-17:30",
        ]

    def test_saved_from_the_control_panel(self, functional_portal):
        """The centre changes the rectification time and the office hours."""
        url = functional_portal.absolute_url()
        fields = settings_fields(url)
        fields["form.widgets.rectification_days"] = "10"
        fields["form.widgets.window_hours"] = "8:30-12:00\n14:00-18:00"
        fields["form.buttons.save"] = "Save"
        response = requests.post(
            f"{url}/@@hall-settings", data=fields, auth=MANAGER, timeout=60
        )
        assert response.status_code == 200
        transaction.begin()
        assert api.portal.get_registry_record("zyzwfw.quality.rectification_days") == 10
        assert api.portal.get_registry_record("zyzwfw.quality.window_hours") == [
            "8:30-12:00",
            "14:00-18:00",
        ]

    @pytest.mark.parametrize("hours", ["9点到12点", "12:00-9:00"])
    def test_wrong_hours_refused(self, functional_portal, hours):
        """Office hours not written as 9:00-12:00 are refused and not saved."""
        url = functional_portal.absolute_url()
        fields = settings_fields(url)
        fields["form.widgets.window_hours"] = hours
        fields["form.buttons.save"] = "Save"
        response = requests.post(
            f"{url}/@@hall-settings", data=fields, auth=MANAGER, timeout=60
        )
        assert "9:00-12:00" in response.text
        transaction.begin()
        assert api.portal.get_registry_record("zyzwfw.quality.window_hours") == [
            "9:00-12:00",
            "13:30-17:30",
        ]
