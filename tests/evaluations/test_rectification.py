"""Rectification of bad ratings: the workflow for every role, replies, appeals."""

from AccessControl import Unauthorized
from application_helpers import PASSWORD
from plone import api
from zyzwfw import departments
from zyzwfw import evaluations
from zyzwfw import notifications

import datetime
import lxml.html
import pytest
import requests
import transaction


PEOPLE = ("applicant", "other_citizen", "staff_a", "staff_b", "supervisor", "centre")


def add_centre(portal):
    with api.env.adopt_roles(["Manager"]):
        api.user.create(email="centre@example.cn", username="centre", password=PASSWORD)
        departments.add_reviewer("centre")


@pytest.fixture
def bad_rating(hall, portal, make_application, acting_as):
    """A rating of 非常不满意 of an application of department A."""
    add_centre(portal)
    application = make_application("approved")
    with acting_as("applicant"):
        return evaluations.evaluate(application, 5, "窗口人员态度生硬")


def offered(evaluation, acting_as, person):
    with acting_as(person):
        return sorted(
            entry["id"] for entry in evaluations.available_transitions(evaluation)
        )


def state(evaluation):
    return api.content.get_state(obj=evaluation)


class TestOpening:
    def test_due_in_working_days(self, bad_rating):
        """The case is due 15 working days after the rating, by default."""
        today = datetime.date.today()
        cal = evaluations.applications.calendar()
        assert bad_rating.due_date == cal.add(today, 15)

    def test_due_from_the_control_panel(
        self, hall, portal, make_application, acting_as
    ):
        api.portal.set_registry_record("zyzwfw.quality.rectification_days", 3)
        application = make_application("rejected")
        with acting_as("applicant"):
            evaluation = evaluations.evaluate(application, 4)
        cal = evaluations.applications.calendar()
        assert evaluation.due_date == cal.add(datetime.date.today(), 3)

    def test_on_the_department_desk(self, bad_rating, acting_as, hall):
        with acting_as("staff_a"):
            cases = evaluations.cases([hall["department_a"].UID()])
        assert [case["number"] for case in cases] == [bad_rating.number]
        assert cases[0]["warning"] == "none"


class TestNotices:
    """The staff hear of a case awaiting them, the rater of its end."""

    @staticmethod
    def of_cases(user_id):
        return [
            message
            for message in notifications.messages_for(user_id)
            if message["kind"] == "rectification"
        ]

    def test_staff_told_when_a_case_opens(self, bad_rating):
        [message] = self.of_cases("staff_a")
        assert bad_rating.number in message["subject"]
        assert "非常不满意" in message["subject"]
        assert bad_rating.due_date.isoformat() in message["body"]
        assert message["link"].endswith("/@@rectifications")

    def test_other_department_not_told(self, bad_rating):
        assert self.of_cases("staff_b") == []

    def test_staff_told_again_when_an_appeal_is_rejected(self, bad_rating, acting_as):
        with acting_as("staff_a"):
            evaluations.do_transition(bad_rating, "appeal", "评价人系误评")
        with acting_as("centre"):
            evaluations.do_transition(bad_rating, "reject_appeal", "经回访，评价属实")
        rejected, opened = self.of_cases("staff_a")  # the newest first
        assert "申诉" in rejected["subject"] and "申诉" not in opened["subject"]
        assert bad_rating.due_date.isoformat() in rejected["body"]

    def test_rater_told_when_the_case_closes(self, bad_rating, acting_as):
        assert self.of_cases("applicant") == []
        with acting_as("staff_a"):
            evaluations.do_transition(bad_rating, "reply", "已开展服务礼仪培训")
        assert self.of_cases("applicant") == []
        with acting_as("centre"):
            evaluations.do_transition(bad_rating, "close", "回访确认已整改")
        [message] = self.of_cases("applicant")
        assert bad_rating.application_number in message["subject"]
        assert "回访确认已整改" in message["body"]
        with api.env.adopt_roles(["Manager"]):
            application = api.content.get(UID=bad_rating.application_uid)
        assert message["link"] == application.absolute_url()


class TestWhoDoesWhat:
    @pytest.mark.parametrize(
        "person, expected",
        [
            ("staff_a", ["appeal", "reply"]),
            ("staff_b", []),
            ("applicant", []),
            ("other_citizen", []),
            ("supervisor", []),
            ("centre", []),
        ],
    )
    def test_rectifying(self, bad_rating, acting_as, person, expected):
        """Only the department's staff act while the case waits on them."""
        assert offered(bad_rating, acting_as, person) == expected

    @pytest.mark.parametrize(
        "person, expected",
        [
            ("staff_a", []),
            ("applicant", []),
            ("supervisor", []),
            ("centre", ["close"]),
        ],
    )
    def test_replied(self, bad_rating, acting_as, person, expected):
        """Only the centre closes a case after its follow-up call."""
        with acting_as("staff_a"):
            evaluations.do_transition(
                bad_rating, "reply", "已对窗口人员进行服务礼仪培训"
            )
        assert offered(bad_rating, acting_as, person) == expected

    @pytest.mark.parametrize(
        "person, expected",
        [
            ("staff_a", []),
            ("supervisor", []),
            ("centre", ["reject_appeal", "uphold_appeal"]),
        ],
    )
    def test_appealed(self, bad_rating, acting_as, person, expected):
        """Only the centre decides an appeal."""
        with acting_as("staff_a"):
            evaluations.do_transition(
                bad_rating, "appeal", "评价人系误评，办件已按时办结"
            )
        assert offered(bad_rating, acting_as, person) == expected

    @pytest.mark.parametrize("person", ["applicant", "staff_b", "supervisor"])
    def test_forged_step_refused(self, bad_rating, acting_as, person):
        with acting_as(person):
            with pytest.raises(Unauthorized):
                evaluations.do_transition(bad_rating, "reply", "伪造")
        assert state(bad_rating) == "rectifying"

    def test_good_rating_has_no_steps(self, hall, make_application, acting_as):
        application = make_application("approved")
        with acting_as("applicant"):
            evaluation = evaluations.evaluate(application, 1)
        for person in ("staff_a", "supervisor"):
            assert offered(evaluation, acting_as, person) == []


class TestSteps:
    def test_reply_then_follow_up(self, bad_rating, acting_as):
        """The department replies, the centre records the call and closes."""
        with acting_as("staff_a"):
            evaluations.do_transition(bad_rating, "reply", "已加强培训")
        assert state(bad_rating) == "replied"
        assert bad_rating.due_date is None
        with acting_as("centre"):
            evaluations.do_transition(bad_rating, "close", "回访：群众表示认可整改")
        assert state(bad_rating) == "closed"
        steps = evaluations.timeline(bad_rating)
        assert [step["action"] for step in steps] == [
            "open_rectification",
            "reply",
            "close",
        ]
        assert steps[1]["actor"] == "staff_a"
        assert steps[2]["comment"] == "回访：群众表示认可整改"

    @pytest.mark.parametrize("transition", ["reply", "appeal"])
    def test_text_required(self, bad_rating, acting_as, transition):
        """Replying and appealing need a text; nothing changes without it."""
        with acting_as("staff_a"):
            with pytest.raises(evaluations.CaseRefused):
                evaluations.do_transition(bad_rating, transition, "  ")
        assert state(bad_rating) == "rectifying"

    def test_upheld_appeal_excludes_the_rating(self, bad_rating, acting_as, hall):
        """An upheld appeal takes the rating out of the statistics."""
        department = hall["department_a"].UID()
        assert evaluations.satisfaction(department) == {"count": 1, "rate": 0.0}
        with acting_as("staff_a"):
            evaluations.do_transition(bad_rating, "appeal", "评价人填错办件")
        with acting_as("centre"):
            evaluations.do_transition(bad_rating, "uphold_appeal", "经核实属误评")
        assert state(bad_rating) == "excluded"
        assert bad_rating.excluded
        assert evaluations.satisfaction(department) == {"count": 0, "rate": None}
        catalog = api.portal.get_tool("portal_catalog")
        assert len(catalog.unrestrictedSearchResults(evaluation_excluded=True)) == 1

    def test_rejected_appeal_back_to_rectify_once(self, bad_rating, acting_as, hall):
        """A rejected appeal sends the case back; a second appeal is refused."""
        with acting_as("staff_a"):
            evaluations.do_transition(bad_rating, "appeal", "恶意差评")
        with acting_as("centre"):
            evaluations.do_transition(bad_rating, "reject_appeal", "经回访，评价属实")
        assert state(bad_rating) == "rectifying"
        assert bad_rating.due_date is not None
        assert not bad_rating.excluded
        with acting_as("staff_a"):
            with pytest.raises(evaluations.CaseRefused):
                evaluations.do_transition(bad_rating, "appeal", "再次申诉")
            evaluations.do_transition(bad_rating, "reply", "已整改")
        assert state(bad_rating) == "replied"
        department = hall["department_a"].UID()
        assert evaluations.satisfaction(department)["count"] == 1


# Over HTTP


@pytest.fixture
def web_case(web_hall, functional_portal, make_web_application):
    add_centre(functional_portal)
    application = make_web_application("approved")
    response = requests.post(
        f"{application.absolute_url()}/@evaluate",
        json={"level": 4, "comment": "等待时间过长"},
        headers={"Accept": "application/json"},
        auth=("applicant", PASSWORD),
        timeout=60,
    )
    assert response.status_code == 201
    return response.json()["@id"]


def page(url, user, **params):
    response = requests.get(url, params=params, auth=(user, PASSWORD), timeout=60)
    return response, lxml.html.fromstring(response.text)


class TestPages:
    def test_staff_reply_on_the_page(self, web_case, web_hall):
        """The department's staff find the case on their desk and reply there."""
        portal_url = web_hall["portal"].absolute_url()
        _response, desk = page(f"{portal_url}/@@rectifications", "staff_a")
        assert desk.xpath(f'//a[@href="{web_case}"]')
        _response, case = page(web_case, "staff_a")
        form = case.xpath('//form[contains(@action, "evaluation-handle-title")]')[0]
        fields = dict(form.form_values())
        fields.update({"comment": "已优化叫号流程", "transition": "reply"})
        session = requests.Session()
        session.auth = ("staff_a", PASSWORD)
        response = session.post(web_case, data=fields, timeout=60)
        assert response.status_code == 200
        assert "待回访" in response.text
        transaction.begin()

    def test_other_department_sees_nothing(self, web_case, web_hall):
        portal_url = web_hall["portal"].absolute_url()
        _response, desk = page(f"{portal_url}/@@rectifications", "staff_b")
        assert not desk.xpath(f'//a[@href="{web_case}"]')
        response = requests.get(web_case, auth=("staff_b", PASSWORD), timeout=60)
        assert (
            response.status_code in (401, 403)
            or "insufficient-privileges" in response.url
        )

    def test_centre_sees_every_case(self, web_case, web_hall):
        portal_url = web_hall["portal"].absolute_url()
        _response, desk = page(f"{portal_url}/@@rectifications", "centre")
        assert desk.xpath(f'//a[@href="{web_case}"]')

    def test_citizen_has_no_desk(self, web_case, web_hall):
        portal_url = web_hall["portal"].absolute_url()
        response = requests.get(
            f"{portal_url}/@@rectifications",
            auth=("applicant", PASSWORD),
            timeout=60,
            allow_redirects=False,
        )
        assert response.status_code in (302, 401, 403)

    def test_workflow_endpoint_keeps_the_rules(self, web_case):
        """plone.restapi's @workflow refuses a reply without text, takes one with."""
        headers = {"Accept": "application/json"}
        empty = requests.post(
            f"{web_case}/@workflow/reply",
            json={},
            headers=headers,
            auth=("staff_a", PASSWORD),
            timeout=60,
        )
        assert empty.status_code == 400
        done = requests.post(
            f"{web_case}/@workflow/reply",
            json={"comment": "已整改"},
            headers=headers,
            auth=("staff_a", PASSWORD),
            timeout=60,
        )
        assert done.status_code == 200, done.text
        assert done.json()["review_state"] == "replied"


class TestLinks:
    def test_worklist_links_to_the_desk(self, web_hall):
        portal_url = web_hall["portal"].absolute_url()
        _response, worklist = page(f"{portal_url}/worklist", "staff_a")
        assert worklist.xpath(f'//a[@href="{portal_url}/@@rectifications"]')

    @pytest.mark.parametrize(
        "user, shown", [("supervisor", True), ("applicant", False)]
    )
    def test_centre_menu(self, web_hall, user, shown):
        """The centre and the supervisor find both pages in their personal menu."""
        portal_url = web_hall["portal"].absolute_url()
        _response, home = page(f"{portal_url}/my-applications", user)
        links = {
            f"{portal_url}/@@rectifications",
            f"{portal_url}/@@online-rate",
        } & set(home.xpath("//a/@href"))
        assert bool(links) == shown
