"""Applying, editing, submitting and handling an application through the domain."""

from AccessControl import Unauthorized
from Acquisition import aq_base
from application_helpers import CREDIT_CODE
from application_helpers import files
from application_helpers import ID_NUMBER
from application_helpers import LEGAL
from application_helpers import PDF
from application_helpers import PERSON
from application_helpers import PNG
from plone import api
from zope.i18n import translate
from zyzwfw import applications
from zyzwfw import departments
from zyzwfw import notifications

import logging
import pytest
import re


WRONG_CHECK_DIGIT = ID_NUMBER[:-1] + ("1" if ID_NUMBER[-1] != "1" else "2")
WRONG_CHECK_CHAR = CREDIT_CODE[:-1] + ("1" if CREDIT_CODE[-1] != "1" else "2")


def zh(message):
    """Render a message as the Chinese hall does."""
    return translate(message, target_language="zh_CN")


def count_applications():
    catalog = api.portal.get_tool("portal_catalog")
    return len(catalog.unrestrictedSearchResults(portal_type="Application"))


def errors_of(raised):
    """Return field → Chinese message of an ApplicationInvalid."""
    return {error.field: zh(error.message) for error in raised.value.errors}


@pytest.fixture
def apply_as(hall, acting_as):
    """Create an application of item A as someone; returns the receipt."""

    def apply(person="applicant", item=None, **kwargs):
        kwargs.setdefault("applicant", PERSON)
        kwargs.setdefault("files", files("id-card"))
        with acting_as(person):
            return applications.create_application(item or hall["item_a"], **kwargs)

    return apply


class TestStorage:
    def test_kept_by_year_and_month(self, apply_as):
        """An application lives in applications/<year>/<month>."""
        application = apply_as().application
        now = applications.hall_now()
        path = application.getPhysicalPath()
        assert path[-4:-1] == ("applications", f"{now.year:04d}", f"{now.month:02d}")

    def test_not_in_the_catalogue_tree(self, hall, apply_as):
        """Nothing is added inside the departments."""
        application = apply_as().application
        assert "departments" not in application.getPhysicalPath()

    def test_local_roles(self, hall, apply_as):
        """The applicant owns it; the staff group of its department handles it."""
        application = apply_as().application
        assert dict(application.get_local_roles()) == {
            "applicant": ("Owner",),
            "zjj-staff": ("WindowStaff",),
        }
        assert application.Creator() == "applicant"

    def test_folders_have_no_owner(self, apply_as):
        """Whoever made a month folder does not own its applications."""
        application = apply_as().application
        month = application.__parent__
        assert month.get_local_roles() == ()
        assert month.__parent__.get_local_roles() == ()

    def test_folder_closed(self, hall, acting_as):
        """Citizens and staff cannot see the folder of applications."""
        root = applications.applications_folder()
        assert root.__ac_local_roles_block__
        for person in ("anonymous", "applicant", "staff_a", "editor_a"):
            with acting_as(person):
                assert not api.user.has_permission("View", obj=root)
        with acting_as("supervisor"):
            assert api.user.has_permission("View", obj=root)

    def test_site_roles_do_not_reach(self, hall, apply_as):
        """A local role granted on the site does not open applications."""
        hall["portal"].manage_setLocalRoles("other_citizen", ["Reader", "Editor"])
        application = apply_as().application
        assert not api.user.has_permission(
            "View", username="other_citizen", obj=application
        )


class TestCatalogEntry:
    """Applications are catalogued in the indexes the desks and look-ups use."""

    def search(self, **query):
        catalog = api.portal.get_tool("portal_catalog")
        return catalog.unrestrictedSearchResults(**query)

    def test_found_by_number_with_its_metadata(self, apply_as):
        receipt = apply_as(submit=True)
        application = receipt.application
        (brain,) = self.search(application_number=receipt.number)
        assert aq_base(brain._unrestrictedGetObject()) is aq_base(application)
        assert brain.portal_type == "Application"
        assert brain.review_state == "submitted"
        assert brain.Title == application.Title()
        assert brain.UID == api.content.get_uuid(application)
        assert brain.getPath() == "/".join(application.getPhysicalPath())

    def test_found_by_state_and_department_after_a_transition(
        self, hall, make_application
    ):
        application = make_application("accepted")
        department_uid = api.content.get_uuid(hall["department_a"])
        found = self.search(
            portal_type="Application",
            review_state="accepted",
            department_uid=department_uid,
        )
        assert [brain._unrestrictedGetObject() for brain in found] == [application]
        assert not self.search(portal_type="Application", review_state="submitted")

    def test_left_out_of_the_full_text(self, hall, apply_as):
        """A search of the site for the item's name finds the item, never the
        applications for it."""
        apply_as(submit=True)
        title = hall["item_a"].Title()
        for query in ({"SearchableText": title}, {"Title": title}):
            types = {brain.portal_type for brain in self.search(**query)}
            assert "ServiceItem" in types
            assert "Application" not in types

    def test_full_reindex_keeps_the_entry_and_dates_the_change(self, apply_as):
        receipt = apply_as(submit=True)
        application = receipt.application
        before = application.modified()
        application.reindexObject()
        (brain,) = self.search(application_number=receipt.number)
        assert application.modified() >= before
        assert brain.modified == application.modified()
        assert brain.review_state == "submitted"


class TestCreate:
    def test_draft(self, apply_as):
        """A draft has no number and no query code yet."""
        receipt = apply_as()
        assert receipt.state == "draft"
        assert (receipt.number, receipt.query_code) == (None, None)

    def test_submit_at_once(self, apply_as):
        """Submitting gives a number of the year and an 8-character query code."""
        receipt = apply_as(submit=True)
        year = applications.hall_now().year
        assert receipt.state == "submitted"
        assert re.fullmatch(rf"ZY{year}\d{{6}}", receipt.number)
        assert re.fullmatch(r"[2-9A-HJ-NP-Z]{8}", receipt.query_code)

    def test_query_code_only_hashed(self, apply_as):
        """The code is checked against a hash; the code itself is not kept."""
        receipt = apply_as(submit=True)
        application = receipt.application
        assert applications.query_code_matches(application, receipt.query_code)
        assert applications.query_code_matches(
            application, f" {receipt.query_code.lower()} "
        )
        assert not applications.query_code_matches(application, "AAAAAAAA")
        assert receipt.query_code not in repr(vars(application))

    def test_values_stored_normalized(self, apply_as):
        """What the applicant typed is stored as checked."""
        applicant = dict(PERSON, mobile="+86 138-0000-0001", id_number=ID_NUMBER)
        application = apply_as(applicant=applicant).application
        assert application.mobile == "13800000001"
        assert application.applicant_name == "张小三"
        assert application.item_title == "建筑工程施工许可"
        assert application.department_title == "市住房和城乡建设局"

    def test_legal_person(self, apply_as):
        """A company gives its name, credit code and a contact person."""
        application = apply_as(applicant=LEGAL, party="legal", submit=True).application
        assert application.company_name == "资阳示例科技有限公司"
        assert application.credit_code == CREDIT_CODE
        assert application.contact_name == "王五"

    def test_anonymous_refused(self, apply_as):
        """Anonymous users cannot apply."""
        with pytest.raises(Unauthorized):
            apply_as("anonymous")

    def test_private_item_refused(self, hall, apply_as):
        """An item the applicant cannot see cannot be applied for."""
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=hall["item_b"], transition="retract")
        with pytest.raises(Unauthorized):
            apply_as(item=hall["item_b"])

    def test_offline_item_refused(self, hall, apply_as):
        """An item below online depth II says it cannot be applied for online."""
        with pytest.raises(applications.NotApplicableOnline) as raised:
            apply_as(item=hall["offline"])
        assert (
            zh(raised.value.message)
            == "“住房公积金提取”不能网上申请，请到部门窗口办理。"
        )
        assert count_applications() == 0


class TestApplicantErrors:
    @pytest.mark.parametrize(
        "change,field,msgid",
        [
            (
                {"id_number": WRONG_CHECK_DIGIT},
                "applicant.id_number",
                "error_id_checksum",
            ),
            ({"id_number": "123"}, "applicant.id_number", "error_id_length"),
            ({"mobile": "12345"}, "applicant.mobile", "error_mobile_length"),
            ({"email": "not-an-address"}, "applicant.email", "error_email_format"),
            ({"name": ""}, "applicant.name", "error_applicant_name_required"),
            ({"id_type": "library_card"}, "applicant.id_type", "error_id_type"),
            (
                {"id_type": "passport", "id_number": "E1"},
                "applicant.id_number",
                "error_id_document_number",
            ),
            (
                {"company_name": "某公司"},
                "applicant.company_name",
                "error_company_only_for_legal",
            ),
            (
                {"contact": {"name": "王五", "mobile": "999"}},
                "applicant.contact.mobile",
                "error_mobile_length",
            ),
            (
                {"contact": {"name": "王五"}},
                "applicant.contact.mobile",
                "error_contact_mobile_required",
            ),
            ({"name": 12}, "applicant.name", "error_application_not_text"),
        ],
    )
    def test_person(self, apply_as, change, field, msgid):
        """Each wrong value is named with the rule it breaks, and nothing stored."""
        with pytest.raises(applications.ApplicationInvalid) as raised:
            apply_as(applicant=dict(PERSON, **change), submit=True)
        assert (field, msgid) in {
            (error.field, str(error.message)) for error in raised.value.errors
        }
        assert count_applications() == 0

    def test_message_in_chinese(self, apply_as):
        """The messages read in Chinese on the hall."""
        with pytest.raises(applications.ApplicationInvalid) as raised:
            apply_as(applicant=dict(PERSON, id_number=WRONG_CHECK_DIGIT), submit=True)
        assert errors_of(raised) == {"applicant.id_number": "身份证号码校验位不正确。"}

    @pytest.mark.parametrize(
        "change,field",
        [
            ({"company_name": ""}, "applicant.company_name"),
            ({"credit_code": WRONG_CHECK_CHAR}, "applicant.credit_code"),
            ({"credit_code": ""}, "applicant.credit_code"),
        ],
    )
    def test_legal(self, apply_as, change, field):
        """A legal person needs a company name and a valid credit code."""
        with pytest.raises(applications.ApplicationInvalid) as raised:
            apply_as(applicant=dict(LEGAL, **change), party="legal", submit=True)
        assert field in errors_of(raised)

    def test_every_error_at_once(self, apply_as):
        """All wrong fields are named together."""
        applicant = dict(PERSON, mobile="1", email="x", id_number="1")
        with pytest.raises(applications.ApplicationInvalid) as raised:
            apply_as(applicant=applicant, files={}, submit=True)
        assert set(errors_of(raised)) == {
            "applicant.id_number",
            "applicant.mobile",
            "applicant.email",
            "files.id-card",
        }

    def test_party_not_served(self, hall, apply_as):
        """An item for legal persons only refuses individuals."""
        with api.env.adopt_roles(["Manager"]):
            hall["item_a"].served_parties = ["legal"]
        with pytest.raises(applications.ApplicationInvalid) as raised:
            apply_as(submit=True)
        assert "不受理" in errors_of(raised)["party"]

    def test_remarks_too_long(self, apply_as):
        """Remarks have a length limit."""
        with pytest.raises(applications.ApplicationInvalid) as raised:
            apply_as(remarks="长" * 2001)
        assert "2000" in errors_of(raised)["remarks"]

    def test_draft_may_be_incomplete(self, apply_as, acting_as):
        """A draft keeps what is there; submitting it names what is missing."""
        application = apply_as(applicant={"name": "张小三"}, files={}).application
        with (
            acting_as("applicant"),
            pytest.raises(applications.ApplicationInvalid) as raised,
        ):
            applications.submit_application(application)
        assert set(errors_of(raised)) == {
            "applicant.id_number",
            "applicant.mobile",
            "files.id-card",
        }
        assert api.content.get_state(obj=application) == "draft"

    def test_draft_values_still_checked(self, apply_as):
        """A draft refuses values that are given but wrong."""
        with pytest.raises(applications.ApplicationInvalid) as raised:
            apply_as(applicant={"name": "张小三", "mobile": "123"})
        assert set(errors_of(raised)) == {"applicant.mobile"}


class TestUploads:
    def test_file_stored_as_blob(self, apply_as):
        """A file passes the policy and is stored under its material's id."""
        application = apply_as(
            files={"id-card": applications.Upload("C:\\材料\\../身份证.PDF", PDF)}
        ).application
        stored = application.files["id-card"]
        assert stored.filename == "身份证.pdf"
        assert stored.contentType == "application/pdf"
        assert stored.data == PDF

    def test_optional_slot_may_stay_empty(self, apply_as):
        """Only materials marked upload_required must be there to submit."""
        receipt = apply_as(submit=True)
        assert "licence" not in receipt.application.files

    def test_required_upload_missing(self, apply_as):
        """Submitting without a required file names the material, in Chinese."""
        with pytest.raises(applications.ApplicationInvalid) as raised:
            apply_as(
                files={"licence": applications.Upload("执照.pdf", PDF)}, submit=True
            )
        assert errors_of(raised) == {
            "files.id-card": "请上传“居民身份证”：网上申请必须提供此材料。"
        }
        assert count_applications() == 0

    def test_disguised_file_refused(self, apply_as):
        """A program named .pdf is refused, the message names the file."""
        upload = applications.Upload("身份证.pdf", b"MZ\x90\x00 a program")
        with pytest.raises(applications.ApplicationInvalid) as raised:
            apply_as(files={"id-card": upload})
        error = raised.value.errors[0]
        assert (error.field, str(error.message)) == (
            "files.id-card",
            "error_upload_mismatch",
        )
        assert error.message.mapping["filename"] == "身份证.pdf"
        assert count_applications() == 0

    def test_unknown_material(self, apply_as):
        """A file for a material the item does not ask for is refused."""
        with pytest.raises(applications.ApplicationInvalid) as raised:
            apply_as(files=dict(files("id-card"), **files("passport-photo")))
        assert "passport-photo" in errors_of(raised)["files.passport-photo"]

    def test_kinds_from_settings(self, apply_as):
        """The centre chooses the kinds accepted."""
        api.portal.set_registry_record("zyzwfw.applications.allowed_kinds", ["pdf"])
        with pytest.raises(applications.ApplicationInvalid) as raised:
            apply_as(files={"id-card": applications.Upload("照片.png", PNG)})
        assert "PDF" in errors_of(raised)["files.id-card"]

    def test_file_too_large(self, apply_as):
        """A file over the size limit is refused with both sizes."""
        api.portal.set_registry_record("zyzwfw.applications.max_file_size", 1)
        big = applications.Upload("大文件.pdf", PDF + b"0" * 1024 * 1024)
        with pytest.raises(applications.ApplicationInvalid) as raised:
            apply_as(files={"id-card": big})
        assert "1 MB" in errors_of(raised)["files.id-card"]

    def test_total_too_large(self, apply_as):
        """All files of one application together have a limit too."""
        api.portal.set_registry_record("zyzwfw.applications.max_total_size", 1)
        half = PDF + b"0" * 600 * 1024
        uploads = {
            "id-card": applications.Upload("a.pdf", half),
            "licence": applications.Upload("b.pdf", half),
        }
        with pytest.raises(applications.ApplicationInvalid) as raised:
            apply_as(files=uploads)
        assert "files" in errors_of(raised)
        assert count_applications() == 0


class TestEditing:
    def test_update_draft(self, apply_as, acting_as):
        """The applicant changes a draft; only what is given changes."""
        application = apply_as(applicant={"name": "张小三"}, files={}).application
        with acting_as("applicant"):
            applications.update_draft(
                application,
                applicant={"mobile": "13800000009", "id_number": ID_NUMBER},
                files=files("id-card"),
                remarks="请尽快办理",
            )
        assert application.applicant_name == "张小三"
        assert application.mobile == "13800000009"
        assert application.remarks == "请尽快办理"
        assert "id-card" in application.files

    def test_remove_file(self, apply_as, acting_as):
        """A file can be taken out of a draft."""
        application = apply_as().application
        with acting_as("applicant"):
            applications.update_draft(application, remove=["id-card"])
        assert "id-card" not in application.files

    def test_wrong_update_changes_nothing(self, apply_as, acting_as):
        """A wrong value leaves the draft as it was."""
        application = apply_as().application
        with acting_as("applicant"), pytest.raises(applications.ApplicationInvalid):
            applications.update_draft(
                application, applicant={"name": "王二", "mobile": "1"}
            )
        assert application.applicant_name == "张小三"

    @pytest.mark.parametrize("person", ["other_citizen", "staff_a", "supervisor"])
    def test_others_cannot_edit(self, apply_as, acting_as, person):
        """Only the applicant edits a draft."""
        application = apply_as().application
        with acting_as(person), pytest.raises(Unauthorized):
            applications.update_draft(application, remarks="改一下")

    def test_no_edit_after_submission(self, apply_as, acting_as):
        """A submitted application cannot be changed by its applicant."""
        application = apply_as(submit=True).application
        with acting_as("applicant"), pytest.raises(Unauthorized):
            applications.update_draft(application, remarks="改一下")


class TestTransitions:
    @pytest.mark.parametrize("transition", ["request_supplement", "refuse", "reject"])
    def test_comment_required(self, make_application, acting_as, transition):
        """Refusing, not accepting and asking for more need a reason."""
        state = "accepted" if transition == "refuse" else "submitted"
        application = make_application(state)
        with (
            acting_as("staff_a"),
            pytest.raises(applications.TransitionRefused) as raised,
        ):
            applications.do_transition(application, transition, comment="  ")
        assert "请填写理由" in zh(raised.value.message)
        assert api.content.get_state(obj=application) == state

    def test_supplement_list_recorded(self, make_application, acting_as):
        """What is missing and why is kept in the history."""
        application = make_application("submitted")
        with acting_as("staff_a"):
            applications.do_transition(
                application,
                "request_supplement",
                comment="材料不全",
                missing=[{"material": "licence", "reason": "未上传营业执照"}],
            )
        step = applications.timeline(application)[-1]
        assert step["comment"] == "材料不全"
        assert step["missing"] == [
            {"material": "licence", "title": "营业执照", "reason": "未上传营业执照"}
        ]

    def test_resubmit_keeps_number_and_code(self, make_application, acting_as):
        """A resubmission keeps the number; no new code is given."""
        application = make_application("supplement")
        number = application.number
        code_hash = application.query_code_hash
        with acting_as("applicant"):
            receipt = applications.submit_application(application)
        assert (receipt.state, receipt.number, receipt.query_code) == (
            "submitted",
            number,
            None,
        )
        assert application.query_code_hash == code_hash

    def test_forged_transition(self, make_application, acting_as):
        """A transition the user may not do is refused and changes nothing."""
        application = make_application("submitted")
        with acting_as("applicant"), pytest.raises(Unauthorized):
            applications.do_transition(application, "approve")
        assert api.content.get_state(obj=application) == "submitted"

    def test_available_transitions(self, make_application, acting_as):
        """The staff see their actions, with titles and comment rules."""
        application = make_application("submitted")
        with acting_as("staff_a"):
            found = applications.available_transitions(application)
        assert {entry["id"]: entry["comment_required"] for entry in found} == {
            "pass_prereview": False,
            "accept": False,
            "request_supplement": True,
            "reject": True,
        }
        titles = {entry["id"]: zh(entry["title"]) for entry in found}
        assert titles["reject"] == "不予受理"

    def test_history_records_actor_time_comment(self, make_application):
        """Each step is recorded with who, when and why."""
        application = make_application("refused")
        steps = applications.timeline(application)
        assert [step["action"] for step in steps] == [
            "create",
            "submit",
            "accept",
            "refuse",
        ]
        assert [step["actor"] for step in steps] == [
            "applicant",
            "applicant",
            "staff_a",
            "staff_a",
        ]
        assert steps[-1]["comment"] == "refuse 的理由"
        assert steps[-1]["actor_name"] == "staff_a 全名"
        assert steps[-1]["time"].tzinfo is not None

    def test_public_timeline(self, make_application):
        """The public timeline shows no actor and only the reasons it must."""
        application = make_application("refused")
        steps = applications.timeline(application, public=True)
        assert [step["action"] for step in steps] == ["submit", "accept", "refuse"]
        assert all("actor" not in step for step in steps)
        assert "comment" not in steps[1]
        assert steps[2]["comment"] == "refuse 的理由"
        assert zh(steps[2]["state_title"]) == "不予许可"


class TestNotices:
    @pytest.fixture
    def sent(self, monkeypatch):
        """Record the notices instead of sending them."""
        calls = []

        def record(recipient, subject, body, link=None, kind="application"):
            calls.append((recipient, zh(subject), zh(body), link, kind))

        monkeypatch.setattr(notifications, "notify", record)
        return calls

    def test_every_transition_notifies(self, make_application, sent):
        """The applicant hears of each step."""
        make_application("approved")
        assert len(sent) == 3
        recipient, subject, body, link, kind = sent[0]
        assert recipient["user_id"] == "applicant"
        assert recipient["mobile"] == "13800000001"
        assert kind == "application"
        assert "查询码为" in body
        assert subject.endswith("待预审")
        assert "准予" in sent[-1][2]

    def test_supplement_notice_says_why(self, make_application, acting_as, sent):
        """The notice of a supplement request carries the reason."""
        application = make_application("submitted")
        with acting_as("staff_a"):
            applications.do_transition(
                application, "request_supplement", comment="身份证照片模糊。"
            )
        assert "身份证照片模糊" in sent[-1][2]

    def test_failure_never_blocks(
        self, make_application, acting_as, monkeypatch, caplog
    ):
        """A notice that cannot be sent leaves the transition standing."""

        def broken(*args, **kwargs):
            raise RuntimeError("gateway down")

        monkeypatch.setattr(notifications, "notify", broken)
        application = make_application("submitted")
        with caplog.at_level(logging.ERROR, logger="zyzwfw"), acting_as("staff_a"):
            applications.do_transition(application, "accept")
        assert api.content.get_state(obj=application) == "accepted"
        assert "Could not notify" in caplog.text


class TestLists:
    def test_applicant_sees_own(self, make_application, acting_as):
        """The applicant's desk lists their applications with the next action."""
        make_application("draft")
        make_application("supplement")
        with acting_as("applicant"):
            found = applications.applications_for()
        assert [entry["state"] for entry in found] == ["supplement", "draft"]
        assert zh(found[0]["next_action"]) == "补正材料后重新提交"

    def test_others_see_nothing(self, make_application, acting_as):
        """Another citizen's desk is empty, even asking for the applicant's."""
        make_application("submitted")
        with acting_as("other_citizen"):
            assert applications.applications_for() == []
            assert applications.applications_for("applicant") == []

    def test_staff_departments(self, hall):
        """A member of staff belongs to their department only."""
        found = applications.staff_departments("staff_a")
        assert found == [hall["department_a"]]

    def test_get_by_number(self, make_application, acting_as):
        """Staff find an application by its number; others do not."""
        application = make_application("submitted")
        with acting_as("staff_a"):
            assert applications.get_by_number(application.number) == application
        with acting_as("staff_b"):
            assert applications.get_by_number(application.number) is None

    def test_files_of(self, make_application, acting_as):
        """The staff see which file belongs to which material."""
        application = make_application("submitted")
        with acting_as("staff_a"):
            found = applications.files_of(application)
            blob = applications.get_file(application, "id-card")
        assert found == [
            {
                "material": "id-card",
                "title": "居民身份证",
                "filename": "id-card.pdf",
                "size": len(PDF),
                "content_type": "application/pdf",
            }
        ]
        assert blob.data == PDF
        with acting_as("staff_b"), pytest.raises(Unauthorized):
            applications.get_file(application, "id-card")


class TestProgress:
    @pytest.fixture
    def submitted(self, apply_as):
        return apply_as(submit=True)

    def test_masked(self, submitted):
        """The look-up shows the masked name and nothing personal."""
        found = applications.lookup_progress(
            submitted.number, submitted.query_code, "10.0.0.1"
        )
        assert found["applicant"] == "张*三"
        assert found["number"] == submitted.number
        assert found["state"] == "submitted"
        assert set(found) == {
            "number",
            "title",
            "department",
            "state",
            "state_title",
            "applicant",
            "submitted",
            "due_date",
            "paused",
            "timeline",
        }
        text = repr(found)
        for secret in (ID_NUMBER, "13800000001", "zhang@example.cn", "id-card.pdf"):
            assert secret not in text

    def test_company_masked(self, apply_as):
        """A legal person's company name is masked too."""
        receipt = apply_as(applicant=LEGAL, party="legal", submit=True)
        found = applications.lookup_progress(
            receipt.number, receipt.query_code, "10.0.0.1"
        )
        assert found["applicant"] == "资********司"

    @pytest.mark.parametrize("wrong", ["number", "code"])
    def test_wrong_pair(self, submitted, wrong):
        """A wrong number or code finds nothing."""
        number = "ZY1999000001" if wrong == "number" else submitted.number
        code = "AAAAAAAA" if wrong == "code" else submitted.query_code
        with pytest.raises(applications.ProgressNotFound):
            applications.lookup_progress(number, code, "10.0.0.2")

    def test_rate_limited(self, submitted):
        """After five wrong tries a client must wait, even with the right pair."""
        for _attempt in range(5):
            with pytest.raises(applications.ProgressNotFound):
                applications.lookup_progress(submitted.number, "WRONG", "10.0.0.3")
        with pytest.raises(applications.TooManyLookups) as raised:
            applications.lookup_progress(
                submitted.number, submitted.query_code, "10.0.0.3"
            )
        assert zh(raised.value.message) == "查询错误次数过多，请10分钟后再试。"
        # Another client is not concerned.
        assert applications.lookup_progress(
            submitted.number, submitted.query_code, "10.0.0.4"
        )

    def test_new_query_code(self, submitted, acting_as):
        """The applicant may get a new code; the old one stops working."""
        with acting_as("applicant"):
            code = applications.reset_query_code(submitted.application)
        assert applications.query_code_matches(submitted.application, code)
        assert not applications.query_code_matches(
            submitted.application, submitted.query_code
        )
        with acting_as("other_citizen"), pytest.raises(Unauthorized):
            applications.reset_query_code(submitted.application)


class TestStaffGroupFollowsDepartment:
    def test_new_short_code(self, hall, make_application):
        """Applications follow their department's staff group to its new id."""
        from zope.event import notify
        from zope.lifecycleevent import ObjectModifiedEvent

        application = make_application("submitted")
        department = hall["department_a"]
        department.short_code = "zjjnew"
        notify(ObjectModifiedEvent(department))
        assert departments.members(department, "staff") == ["staff_a"]
        assert dict(application.get_local_roles())["zjjnew-staff"] == ("WindowStaff",)
        assert "zjj-staff" not in dict(application.get_local_roles())
        assert api.user.has_permission("View", username="staff_a", obj=application)
