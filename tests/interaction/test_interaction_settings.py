"""The settings of questions and complaints, in the hall control panel."""

from interaction_helpers import QUESTION
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from zope.interface import alsoProvides
from zyzwfw import applications
from zyzwfw import consultations
from zyzwfw import interaction_settings
from zyzwfw.interfaces import IZyzwfwLayer


class TestSettings:
    """The time to answer is configurable and shown in @@hall-settings."""

    def test_defaults_in_the_registry(self, hall):
        """A new hall answers in 2 working days and allows 5 submissions an hour."""
        assert interaction_settings.get("consultation_days") == 2
        assert interaction_settings.get("submissions_allowed") == 5
        assert interaction_settings.get("submissions_window") == 60

    def test_changed_time_to_answer(self, hall, acting_as):
        """With 4 working days a new question is due 4 working days later."""
        api.portal.set_registry_record("zyzwfw.interaction.consultation_days", 4)
        with acting_as("citizen"):
            consultation = consultations.ask(QUESTION, item=hall["item_a"])
        today = applications.hall_now().date()
        assert consultation.due_date == applications.calendar().add(today, 4)

    def test_group_in_the_hall_settings(self, portal, hall, http_request):
        """The hall settings form has a tab with the time limits."""
        alsoProvides(http_request, IZyzwfwLayer)
        setRoles(portal, TEST_USER_ID, ["Manager"])
        html = api.content.get_view("hall-settings", portal, http_request)()
        assert "Questions and complaints" in html
        assert 'name="form.widgets.consultation_days"' in html
