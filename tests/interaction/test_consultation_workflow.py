"""Consultations: asking, answering, routing, publishing, and who may do what."""

from AccessControl import Unauthorized
from interaction_helpers import ANSWER
from interaction_helpers import QUESTION
from plone import api
from zyzwfw import bots
from zyzwfw import consultations
from zyzwfw import notifications

import pytest


@pytest.fixture
def ask(hall, acting_as):
    """Ask a question as someone, about item A unless told otherwise."""

    def make(person="anonymous", item="item_a", consent=True, **contact):
        contact = contact or {"mobile": "13800000001"}
        with acting_as(person):
            return consultations.ask(
                QUESTION,
                consent=consent,
                item=hall[item] if item else None,
                client=f"10.0.0.{len(QUESTION)}",
                **contact,
            )

    return make


class TestAsking:
    """Who may ask, and what a new question holds."""

    def test_anonymous_question_goes_to_the_item_department(self, ask, hall):
        """An anonymous question about an item is numbered and due in 2 working days."""
        consultation = ask()
        assert consultation.number.startswith("ZX")
        assert api.content.get_state(obj=consultation) == consultations.ASKED
        assert consultation.department_uid == hall["department_a"].UID()
        assert consultation.asker_id is None
        assert consultation.due_date > consultation.asked.date()

    def test_anonymous_needs_a_way_to_be_answered(self, ask):
        """Without mobile or e-mail an anonymous question is refused."""
        with pytest.raises(consultations.CaseInvalid) as refused:
            ask(name="张三")
        assert [error.field for error in refused.value.errors] == ["mobile"]

    def test_member_asks_from_the_account(self, ask):
        """A member needs no contact details and owns the question."""
        consultation = ask("citizen", name="")
        assert consultation.asker_id == "citizen"
        assert consultation.email == "citizen@example.cn"
        assert "Owner" in consultation.get_local_roles_for_userid("citizen")

    def test_too_long_question_stores_nothing(self, hall, acting_as):
        """A question over the length limit is refused with nothing stored."""
        with acting_as("anonymous"), pytest.raises(consultations.CaseInvalid):
            consultations.ask("问" * 1001, mobile="13800000001", client="1.2.3.4")
        catalog = api.portal.get_tool("portal_catalog")
        assert not catalog.unrestrictedSearchResults(portal_type="Consultation")

    def test_honeypot_refuses(self, hall, acting_as):
        """A filled honeypot is refused."""
        with acting_as("anonymous"), pytest.raises(bots.BotRefused) as refused:
            consultations.ask(
                QUESTION, mobile="13800000001", client="1.2.3.4", honeypot="http://x"
            )
        assert refused.value.status == 400

    def test_rate_limit(self, hall, acting_as):
        """The sixth question within the hour is refused with 429."""
        with acting_as("anonymous"):
            for _i in range(5):
                consultations.ask(QUESTION, mobile="13800000001", client="1.2.3.5")
                bots.count("1.2.3.5")
            with pytest.raises(bots.BotRefused) as refused:
                consultations.ask(QUESTION, mobile="13800000001", client="1.2.3.5")
            assert refused.value.status == 429
            consultations.ask(QUESTION, mobile="13800000001", client="1.2.3.6")


# Who may read a question, and do what, in each state.
READERS = {
    "anonymous": False,
    "citizen": True,
    "other_citizen": False,
    "staff_a": True,
    "staff_b": False,
    "reviewer": True,
    "supervisor": True,
}


class TestPermissions:
    """The workflow's guards for every role."""

    @pytest.mark.parametrize("person,expected", sorted(READERS.items()))
    def test_who_reads(self, ask, acting_as, person, expected):
        """The asker, the department's staff, the centre and the supervisor read it."""
        consultation = ask("citizen")
        with acting_as(person):
            assert api.user.has_permission("View", obj=consultation) is expected

    @pytest.mark.parametrize(
        "person,expected",
        [
            ("anonymous", False),
            ("citizen", False),
            ("other_citizen", False),
            ("staff_a", True),
            ("staff_b", False),
            ("reviewer", False),
            ("supervisor", False),
        ],
    )
    def test_who_answers(self, ask, acting_as, person, expected):
        """Only the staff of the department answer."""
        consultation = ask("citizen")
        with acting_as(person):
            offered = {
                t["id"] for t in consultations.available_transitions(consultation)
            }
            assert ("answer" in offered) is expected
            if not expected:
                with pytest.raises(Unauthorized):
                    consultations.answer(consultation, ANSWER)
                assert api.content.get_state(obj=consultation) == "asked"

    @pytest.mark.parametrize(
        "person,expected",
        [
            ("citizen", False),
            ("staff_a", False),
            ("staff_b", False),
            ("reviewer", True),
            ("supervisor", False),
        ],
    )
    def test_who_routes(self, ask, acting_as, hall, person, expected):
        """Only the centre routes a question."""
        consultation = ask("citizen", item=None)
        with acting_as(person):
            if expected:
                consultations.route(consultation, hall["department_b"])
            else:
                with pytest.raises(Unauthorized):
                    consultations.route(consultation, hall["department_b"])
        routed = consultation.department_uid == hall["department_b"].UID()
        assert routed is expected


class TestLifecycle:
    """A question from asking to the FAQ."""

    def test_general_question_routed_then_answered(self, ask, acting_as, hall):
        """The centre routes a general question; only then its staff see it."""
        consultation = ask(item=None)
        assert consultation.department_uid is None
        with acting_as("reviewer"):
            queue = consultations.routing_queue()
            assert [entry["number"] for entry in queue] == [consultation.number]
            consultations.route(consultation, "qxj", comment="气象局答复")
        with acting_as("staff_b"):
            assert consultations.desk()[0]["number"] == consultation.number
            consultations.answer(consultation, ANSWER)
        with acting_as("staff_a"):
            assert consultations.desk() == []
        assert consultation.answer == ANSWER
        assert api.content.get_state(obj=consultation) == "answered"

    def test_reassign_moves_the_staff_role(self, ask, acting_as, hall):
        """Routing to another department takes the question from the first."""
        consultation = ask()
        with acting_as("reviewer"):
            consultations.route(consultation, hall["department_b"].UID())
        with acting_as("staff_a"):
            assert not api.user.has_permission("View", obj=consultation)
        with acting_as("staff_b"):
            assert api.user.has_permission("View", obj=consultation)

    def test_route_needs_a_department(self, ask, acting_as):
        """Routing nowhere is refused."""
        consultation = ask(item=None)
        with acting_as("reviewer"), pytest.raises(consultations.TransitionRefused):
            consultations.route(consultation, "nowhere")

    def test_answer_needs_text(self, ask, acting_as):
        """An empty answer is refused."""
        consultation = ask()
        with acting_as("staff_a"), pytest.raises(consultations.TransitionRefused):
            consultations.answer(consultation, "  ")
        assert api.content.get_state(obj=consultation) == "asked"

    def test_publish_shows_faq_without_personal_data(self, ask, acting_as, hall):
        """A published answer appears in the item's FAQ, masked, without the asker."""
        with acting_as("anonymous"):
            consultation = consultations.ask(
                "我的手机13812345678，邮箱zhang@example.cn，能否加急？",
                name="张三",
                mobile="13800000001",
                consent=True,
                item=hall["item_a"],
                client="1.1.1.1",
            )
        with acting_as("staff_a"):
            consultations.answer(consultation, ANSWER)
            consultations.do_transition(consultation, "publish")
        faq = consultations.faq_for(hall["item_a"])
        assert len(faq) == 1
        text = repr(faq)
        assert "13812345678" not in text and "138****5678" in text
        assert "zhang@" not in text and "***@example.cn" in text
        assert "张三" not in text and "13800000001" not in text
        assert faq[0]["answer"] == ANSWER
        assert consultations.faq_for(hall["item_b"]) == []

    def test_publish_without_consent_refused(self, ask, acting_as, hall):
        """Without the asker's consent nothing is published."""
        consultation = ask(consent=False)
        with acting_as("staff_a"):
            consultations.answer(consultation, ANSWER)
            with pytest.raises(consultations.TransitionRefused):
                consultations.do_transition(consultation, "publish")
        assert api.content.get_state(obj=consultation) == "answered"
        assert consultations.faq_for(hall["item_a"]) == []

    def test_close_unanswered_needs_reason(self, ask, acting_as):
        """Closing without an answer needs a reason."""
        consultation = ask()
        with acting_as("staff_a"):
            with pytest.raises(consultations.TransitionRefused):
                consultations.do_transition(consultation, "close")
            consultations.do_transition(consultation, "close", comment="重复提问")
        assert api.content.get_state(obj=consultation) == "closed"

    def test_answer_hours(self, ask, acting_as, hall):
        """The answer time of a department is measured per answered question."""
        consultation = ask()
        with acting_as("staff_a"):
            consultations.answer(consultation, ANSWER)
        day = consultation.answered.date()
        hours = consultations.answer_hours(
            hall["department_a"].UID(), day, day.fromordinal(day.toordinal() + 1)
        )
        assert len(hours) == 1 and 0 <= hours[0] < 1
        assert consultations.answer_hours(hall["department_b"].UID(), day, day) == []


class TestNotices:
    """The asker hears of the answer in the channels of applications."""

    def test_member_gets_the_answer_in_messages(self, ask, acting_as):
        """A member's message list holds the receipt and then the answer."""
        consultation = ask("citizen")
        with acting_as("staff_a"):
            consultations.answer(consultation, ANSWER)
        messages = notifications.messages_for("citizen")
        assert [message["kind"] for message in messages] == ["consultation"] * 2
        assert ANSWER in messages[0]["body"]
        assert messages[0]["link"] == consultation.absolute_url()
