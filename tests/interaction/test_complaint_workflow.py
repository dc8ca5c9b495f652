"""Complaints: filing, assigning, replying, feedback, reopening once, closing stale."""

from AccessControl import Unauthorized
from plone import api
from zyzwfw import applications
from zyzwfw import bots
from zyzwfw import complaints
from zyzwfw.validators import id_number_check_digit

import datetime
import pytest


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def fresh_limits():
    """Start every test with no look-ups or submissions counted."""
    complaints.reset_lookup_limits()
    bots.reset()


@pytest.fixture
def complain(hall, acting_as):
    """File a complaint as someone."""

    def make(person="anonymous", **fields):
        values = {"subject": "窗口人员态度差", "text": "办理时窗口人员不耐烦。"}
        values.update(fields)
        with acting_as(person):
            return complaints.file_complaint(client="10.0.0.9", **values)

    return make


def bring_to(receipt, state, acting_as):
    """Bring a complaint of department A to a state through its workflow."""
    complaint = receipt.complaint
    steps = {
        "received": [],
        "handling": [("reviewer", "assign")],
        "resolved": [("reviewer", "assign"), ("staff_a", "resolve")],
        "closed": [
            ("reviewer", "assign"),
            ("staff_a", "resolve"),
            ("reviewer", "close"),
        ],
    }[state]
    for person, transition in steps:
        with acting_as(person):
            complaints.do_transition(
                complaint, transition, comment="已核实并整改。", department="zjj"
            )
    assert api.content.get_state(obj=complaint) == state
    return complaint


class TestFiling:
    """Filing a complaint, anonymously or as a member."""

    def test_anonymous_complaint_gets_number_and_code(self, complain):
        """The complainant gets a TS number and a code kept only as a hash."""
        receipt = complain()
        assert receipt.number.startswith("TS")
        assert len(receipt.code) == 8
        complaint = receipt.complaint
        assert receipt.code not in repr(vars(complaint))
        assert api.content.get_state(obj=complaint) == "received"
        assert complaint.department_uid is None

    def test_application_number_is_validated(self, complain):
        """An unknown application number is refused."""
        with pytest.raises(complaints.CaseInvalid) as refused:
            complain(application_number="ZY2026999999")
        assert [error.field for error in refused.value.errors] == ["application_number"]

    def test_unknown_department_refused(self, complain):
        """An unknown department is refused."""
        with pytest.raises(complaints.CaseInvalid) as refused:
            complain(department="nowhere")
        assert refused.value.errors[0].field == "department"

    def test_department_suggestion(self, complain, hall):
        """The department named is suggested to the centre, not yet given the case."""
        complaint = complain(department="qxj").complaint
        assert complaint.suggested_department_uid == hall["department_b"].UID()
        assert complaint.department_uid is None

    def test_subject_and_text_required_and_limited(self, complain):
        """Empty subject and too long text are refused together."""
        with pytest.raises(complaints.CaseInvalid) as refused:
            complain(subject="", text="字" * 4001)
        assert [error.field for error in refused.value.errors] == ["subject", "text"]
        catalog = api.portal.get_tool("portal_catalog")
        assert not catalog.unrestrictedSearchResults(portal_type="Complaint")

    def test_attachments_follow_the_upload_policy(self, complain):
        """A PDF is kept; a web page disguised as PDF is refused."""
        complaint = complain(attachments=[("证据.pdf", PDF)]).complaint
        assert [blob.filename for blob in complaint.attachments] == ["证据.pdf"]
        with pytest.raises(complaints.CaseInvalid) as refused:
            complain(attachments=[("证据.pdf", b"<html><script>x</script></html>")])
        assert refused.value.errors[0].field == "attachments.0"

    def test_honeypot(self, complain):
        """A filled honeypot files nothing."""
        with pytest.raises(bots.BotRefused):
            complain(honeypot="spam")


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
    """Who reads a complaint and who acts on it."""

    @pytest.mark.parametrize("person,expected", sorted(READERS.items()))
    def test_who_reads_when_handled(self, complain, acting_as, person, expected):
        """Complaints are never public; the department reads it once assigned."""
        complaint = bring_to(complain("citizen"), "handling", acting_as)
        with acting_as(person):
            assert api.user.has_permission("View", obj=complaint) is expected

    def test_department_does_not_read_before_assignment(self, complain, acting_as):
        """Until assigned, no department reads the complaint."""
        complaint = complain(department="zjj").complaint
        with acting_as("staff_a"):
            assert not api.user.has_permission("View", obj=complaint)

    @pytest.mark.parametrize(
        "person,allowed",
        [
            ("citizen", False),
            ("staff_a", False),
            ("supervisor", False),
            ("reviewer", True),
        ],
    )
    def test_who_assigns(self, complain, acting_as, person, allowed):
        """Only the centre assigns."""
        complaint = complain("citizen").complaint
        with acting_as(person):
            if allowed:
                complaints.do_transition(complaint, "assign", department="zjj")
            else:
                with pytest.raises(Unauthorized):
                    complaints.do_transition(complaint, "assign", department="zjj")

    @pytest.mark.parametrize(
        "person,allowed",
        [
            ("citizen", False),
            ("staff_a", True),
            ("staff_b", False),
            ("reviewer", False),
            ("supervisor", False),
        ],
    )
    def test_who_replies(self, complain, acting_as, person, allowed):
        """Only the staff of the assigned department reply."""
        complaint = bring_to(complain("citizen"), "handling", acting_as)
        with acting_as(person):
            if allowed:
                complaints.do_transition(complaint, "resolve", comment="已整改。")
            else:
                with pytest.raises(Unauthorized):
                    complaints.do_transition(complaint, "resolve", comment="已整改。")


class TestLifecycle:
    """From filing to closing."""

    def test_assign_sets_due_date_in_working_days(self, complain, acting_as):
        """Assigning gives the department ten working days."""
        complaint = bring_to(complain(), "handling", acting_as)
        today = applications.hall_now().date()
        assert complaint.due_date == applications.calendar().add(today, 10)

    def test_assign_uses_the_suggested_department(self, complain, acting_as, hall):
        """Assigning without a department takes the one the complainant named."""
        complaint = complain(department="qxj").complaint
        with acting_as("reviewer"):
            complaints.do_transition(complaint, "assign")
        assert complaint.department_uid == hall["department_b"].UID()

    def test_reply_needs_text(self, complain, acting_as):
        """An empty reply is refused."""
        complaint = bring_to(complain(), "handling", acting_as)
        with acting_as("staff_a"), pytest.raises(complaints.TransitionRefused):
            complaints.do_transition(complaint, "resolve")

    def test_anonymous_feedback_with_code_and_reopen_once(self, complain, acting_as):
        """With the code an anonymous complainant reopens once, then only closes."""
        receipt = complain()
        complaint = bring_to(receipt, "resolved", acting_as)
        with acting_as("anonymous"):
            found = complaints.find_with_code(receipt.number, receipt.code, "1.1.1.1")
            assert complaints.follow_up(found)["can_reopen"]
            complaints.give_feedback(
                found, False, "仍未解决。", reopen=True, with_code=True
            )
        assert api.content.get_state(obj=complaint) == "handling"
        with acting_as("staff_a"):
            complaints.do_transition(complaint, "resolve", comment="再次整改。")
        with acting_as("anonymous"):
            assert not complaints.follow_up(complaint)["can_reopen"]
            with pytest.raises(complaints.TransitionRefused):
                complaints.give_feedback(
                    complaint, False, "还是不满意", reopen=True, with_code=True
                )
            complaints.give_feedback(complaint, True, "满意", with_code=True)
        assert api.content.get_state(obj=complaint) == "closed"
        assert complaint.satisfied is True

    def test_anonymous_without_code_cannot_close(self, complain, acting_as):
        """Without the code nobody closes someone else's complaint."""
        complaint = bring_to(complain(), "resolved", acting_as)
        with acting_as("anonymous"), pytest.raises(Unauthorized):
            complaints.give_feedback(complaint, True)
        with acting_as("other_citizen"), pytest.raises(Unauthorized):
            complaints.give_feedback(complaint, True)

    def test_member_gives_feedback(self, complain, acting_as):
        """A member complainant closes their own complaint."""
        complaint = bring_to(complain("citizen"), "resolved", acting_as)
        with acting_as("citizen"):
            complaints.give_feedback(complaint, True, "满意")
        assert api.content.get_state(obj=complaint) == "closed"

    def test_wrong_code_is_counted(self, complain):
        """Wrong codes are refused, then the client must wait."""
        receipt = complain()
        for _i in range(5):
            with pytest.raises(complaints.ComplaintNotFound):
                complaints.find_with_code(receipt.number, "WRONGCOD", "2.2.2.2")
        with pytest.raises(applications.TooManyLookups):
            complaints.find_with_code(receipt.number, receipt.code, "2.2.2.2")

    def test_close_stale(self, complain, acting_as):
        """A reply without feedback closes once its feedback days have passed."""
        complaint = bring_to(complain(), "resolved", acting_as)
        due = complaint.feedback_due
        assert complaints.close_stale(due) == []
        assert complaints.close_stale(due + datetime.timedelta(days=1)) == [
            complaint.number
        ]
        assert api.content.get_state(obj=complaint) == "closed"
        assert complaint.satisfied is None

    def test_history_keeps_actor_and_comment(self, complain, acting_as):
        """The workflow history records who did what, with the reply."""
        complaint = bring_to(complain(), "resolved", acting_as)
        history = complaint.workflow_history[complaints.WORKFLOW_ID]
        assert [(entry["action"], entry["actor"]) for entry in history[1:]] == [
            ("assign", "reviewer"),
            ("resolve", "staff_a"),
        ]
        assert history[-1]["comments"] == "已核实并整改。"


class TestAboutAnApplication:
    """A complaint about an application names it by its number."""

    def test_application_gives_item_and_department(self, complain, hall, acting_as):
        """The application's item and department are taken over as suggestions."""
        first17 = "51200219900307123"
        with acting_as("citizen"):
            receipt = applications.create_application(
                hall["item_b"],
                applicant={
                    "name": "张小三",
                    "id_type": "resident_id",
                    "id_number": first17 + id_number_check_digit(first17),
                    "mobile": "13800000001",
                },
                submit=True,
            )
        complaint = complain(
            "citizen", application_number=receipt.number.lower()
        ).complaint
        assert complaint.application_number == receipt.number
        assert complaint.item_title == hall["item_b"].Title()
        assert complaint.suggested_department_uid == hall["department_b"].UID()
