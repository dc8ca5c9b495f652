"""The training check: practice applications, handled end to end, never counted."""

from AccessControl import Unauthorized
from application_helpers import files
from application_helpers import PASSWORD
from application_helpers import PERSON
from plone import api
from plone.protect.authenticator import createToken
from zyzwfw import applications
from zyzwfw import practice
from zyzwfw import statistics

import lxml.html
import pytest
import requests
import transaction


@pytest.fixture
def practised(hall, acting_as):
    """A practice application of staff_a, applied for and decided by staff_a."""
    with acting_as("staff_a"):
        application = practice.start_practice(hall["item_a"])
        applications.update_draft(application, applicant=PERSON, files=files("id-card"))
        applications.submit_application(application)
        applications.do_transition(application, "accept")
        applications.do_transition(application, "approve")
    return application


class TestPractice:
    def test_marked_and_indexed(self, practised):
        assert practised.practice is True
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(
            portal_type="Application", practice=True
        )
        assert [brain.UID for brain in brains] == [practised.UID()]
        assert brains[0].practice is True

    def test_numbered_apart(self, practised, make_application):
        """Practice takes no number from the real applications' sequence."""
        year = applications.hall_now().year
        assert practised.number == f"ZYLX{year}000001"
        real = make_application("submitted")
        assert real.number == f"ZY{year}000001"

    def test_never_counted(self, practised, make_application):
        now = applications.hall_now()
        rows = statistics.department_figures(now.year, now.month, extras=False)
        assert sum(row["submitted"] for row in rows) == 0
        assert statistics.aggregate() is None or not list(
            statistics.aggregate().staff_order.keys()
        )
        make_application("approved")
        statistics.rebuild()
        rows = statistics.department_figures(now.year, now.month, extras=False)
        assert sum(row["submitted"] for row in rows) == 1
        assert sum(row["approved"] for row in rows) == 1

    def test_training_status(self, hall, practised):
        status = {entry["uid"]: entry for entry in practice.training_status()}
        a = status[hall["department_a"].UID()]
        b = status[hall["department_b"].UID()]
        assert [person["user_id"] for person in a["passed"]] == ["staff_a"]
        assert a["pending"] == []
        assert [person["user_id"] for person in b["pending"]] == ["staff_b"]

    def test_not_passed_without_deciding(self, hall, acting_as):
        with acting_as("staff_a"):
            application = practice.start_practice(hall["item_a"])
            applications.update_draft(
                application, applicant=PERSON, files=files("id-card")
            )
            applications.submit_application(application)
        assert practice.passed_on("staff_a", hall["department_a"].UID()) is None

    @pytest.mark.parametrize("person", ["staff_b", "applicant", "editor_a"])
    def test_only_the_departments_staff_may_practise(self, hall, acting_as, person):
        with acting_as(person), pytest.raises(Unauthorized):
            practice.start_practice(hall["item_a"])


class TestPracticePages:
    """A clerk starts a practice application from the apply page."""

    @pytest.fixture
    def hall(self, web_hall):
        return web_hall

    def test_staff_start_and_see_it_marked(self, web_hall):

        url = web_hall["portal"].absolute_url()
        session = requests.Session()
        session.auth = ("staff_a", PASSWORD)
        page = lxml.html.fromstring(session.get(f"{url}/apply", timeout=60).text)
        forms = page.xpath('//section[@class="hall-practice"]//form')
        assert [form.text_content().split()[0] for form in forms] == [
            "建筑工程施工许可"
        ]
        response = session.post(
            forms[0].action, data=dict(forms[0].form_values()), timeout=60
        )
        assert response.status_code == 200
        assert response.url.endswith("/@@application-form")

        transaction.begin()
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(
            portal_type="Application", practice=True
        )
        assert len(brains) == 1
        page = session.get(brains[0].getURL(), timeout=60).text
        assert "练习" in lxml.html.fromstring(page).xpath(
            'string(//*[contains(@class, "hall-practice-badge")])'
        )

    @pytest.mark.parametrize("user", ["applicant", "staff_b"])
    def test_others_get_no_practice_of_this_item(self, web_hall, acting_as, user):

        url = web_hall["portal"].absolute_url()
        page = lxml.html.fromstring(
            requests.get(f"{url}/apply", auth=(user, PASSWORD), timeout=60).text
        )
        titles = page.xpath('string(//section[@class="hall-practice"])')
        assert "建筑工程施工许可" not in titles
        with acting_as(user):
            token = createToken()
        item_url = f"{url}/departments/zjj/zjj-permit/@@practice-application"
        response = requests.post(
            item_url,
            data={"_authenticator": token},
            auth=(user, PASSWORD),
            allow_redirects=False,
            timeout=60,
        )
        assert response.status_code in (302, 401, 403)
        transaction.begin()
        catalog = api.portal.get_tool("portal_catalog")
        assert not catalog.unrestrictedSearchResults(portal_type="Application")
