"""The REST services of applications, over HTTP: @apply, @progress, @my-applications.

And plone.restapi's own @workflow, which must keep the same rules.
"""

from application_helpers import ID_NUMBER
from application_helpers import LEGAL
from application_helpers import PASSWORD
from application_helpers import PDF
from application_helpers import PERSON
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from zyzwfw import applications

import base64
import pytest
import requests
import transaction


JSON = {"Accept": "application/json"}


def encoded(data, filename="身份证.pdf"):
    return {"filename": filename, "data": base64.b64encode(data).decode("ascii")}


def body(**changes):
    """A complete application of a person, with changes."""
    data = {
        "party": "person",
        "applicant": dict(PERSON),
        "files": {"id-card": encoded(PDF)},
        "remarks": "请尽快办理",
        "submit": True,
    }
    data.update(changes)
    return data


@pytest.fixture
def site(web_hall):
    """Helpers to call the functional site as someone."""
    url = web_hall["portal"].absolute_url()

    class Site:
        item_url = web_hall["item_a"].absolute_url()

        def post(self, path, json=None, user="applicant", data=None):
            return requests.post(
                path if path.startswith("http") else f"{url}/{path}",
                json=json,
                data=data,
                headers=dict(JSON, **{"Content-Type": "application/json"}),
                auth=(user, PASSWORD) if user else None,
                timeout=60,
            )

        def get(self, path, user=None, **params):
            return requests.get(
                path if path.startswith("http") else f"{url}/{path}",
                params=params,
                headers=JSON,
                auth=(user, PASSWORD) if user else None,
                timeout=60,
            )

        def apply(self, user="applicant", item_url=None, **changes):
            return self.post(
                f"{item_url or self.item_url}/@apply", body(**changes), user
            )

    return Site()


def stored_count():
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    return len(catalog.unrestrictedSearchResults(portal_type="Application"))


def state_of(url):
    """Return the state of the application at ``url``, as the site owner sees it."""
    answer = requests.get(
        url, headers=JSON, auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), timeout=60
    )
    return answer.json()["review_state"]


def fields_of(answer):
    return {
        entry["field"]: entry["message"] for entry in answer.json()["error"]["fields"]
    }


class TestApply:
    def test_created(self, site):
        """A complete application answers 201 with its number and query code."""
        answer = site.apply()
        assert answer.status_code == 201
        found = answer.json()
        assert set(found) == {"@id", "number", "query_code", "state"}
        assert found["state"] == "submitted"
        assert found["number"].startswith("ZY")
        assert len(found["query_code"]) == 8
        assert answer.headers["Location"] == found["@id"]
        assert "/applications/" in found["@id"]

    def test_draft(self, site):
        """``submit: false`` keeps a draft, without number or code."""
        answer = site.apply(submit=False, files={})
        assert answer.status_code == 201
        assert answer.json()["state"] == "draft"
        assert answer.json()["number"] is None

    def test_legal_person(self, site):
        """A company applies with its name and credit code."""
        answer = site.apply(party="legal", applicant=LEGAL)
        assert answer.status_code == 201

    def test_anonymous(self, site):
        """Anonymous users must log in first."""
        answer = site.apply(user=None)
        assert answer.status_code == 401
        assert stored_count() == 0

    def test_not_online(self, site, web_hall):
        """An item below depth II says so, in Chinese, and stores nothing."""
        answer = site.apply(item_url=web_hall["offline"].absolute_url())
        assert answer.status_code == 400
        error = answer.json()["error"]
        assert error["type"] == "NotApplicableOnline"
        assert error["message"] == "“住房公积金提取”不能网上申请，请到部门窗口办理。"
        assert stored_count() == 0

    def test_not_json(self, site):
        """A body that is not a JSON object is refused."""
        answer = site.post(f"{site.item_url}/@apply", data="不是JSON")
        assert answer.status_code == 400
        assert answer.json()["error"]["type"] == "BadRequest"

    def test_bad_fields_named(self, site):
        """Each bad field is named with a Chinese message, and nothing is stored."""
        applicant = dict(PERSON, id_number=ID_NUMBER[:-1] + "Y", mobile="123")
        answer = site.apply(applicant=applicant, files={})
        assert answer.status_code == 400
        error = answer.json()["error"]
        assert error["type"] == "ValidationError"
        assert error["message"] == "申请未保存，请按提示修改以下各项。"
        assert fields_of(answer) == {
            "applicant.id_number": "身份证号码由17位数字加最后1位数字或字母X组成。",
            "applicant.mobile": "手机号码应为11位，您输入的是3位。",
            "files.id-card": "请上传“居民身份证”：网上申请必须提供此材料。",
        }
        assert stored_count() == 0

    @pytest.mark.parametrize(
        "files,field,text",
        [
            (
                {"id-card": {"filename": "a.pdf", "data": "不是base64"}},
                "files.id-card",
                "Base64",
            ),
            ({"id-card": "a.pdf"}, "files.id-card", "Base64"),
            ({"photo": encoded(PDF)}, "files.photo", "photo"),
            (
                {"id-card": encoded(b"MZ\x90\x00", "身份证.pdf")},
                "files.id-card",
                "身份证.pdf",
            ),
            ([], "files", "材料编号"),
        ],
    )
    def test_bad_files(self, site, files, field, text):
        """A file that cannot be read, placed or trusted is named, never stored."""
        answer = site.apply(files=files)
        assert answer.status_code == 400
        assert text in fields_of(answer)[field]
        assert stored_count() == 0

    def test_applicant_not_an_object(self, site):
        """The applicant must be an object."""
        answer = site.apply(applicant="张三")
        assert answer.status_code == 400
        assert "applicant" in fields_of(answer)

    def test_company_fields_for_person(self, site):
        """Company fields belong to a legal person only."""
        answer = site.apply(applicant=dict(PERSON, credit_code=LEGAL["credit_code"]))
        assert answer.status_code == 400
        assert fields_of(answer)["applicant.credit_code"] == (
            "只有法人申请时才填写单位名称和统一社会信用代码。"
        )


class TestProgress:
    @pytest.fixture
    def submitted(self, site):
        found = site.apply().json()
        return found

    def test_found_and_masked(self, site, submitted):
        """The look-up answers the state, the due date and a masked name only."""
        answer = site.get(
            "@progress", number=submitted["number"], code=submitted["query_code"]
        )
        assert answer.status_code == 200
        found = answer.json()
        assert found["applicant"] == "张*三"
        assert found["state"] == "submitted"
        assert found["state_title"] == "待预审"
        assert found["due_date"]
        assert [step["title"] for step in found["timeline"]] == ["提交申请"]
        text = answer.text
        for secret in (ID_NUMBER, "13800000001", "zhang@example.cn", "身份证.pdf"):
            assert secret not in text

    def test_supplement_reason_shown_without_staff(self, site, submitted):
        """A supplement request shows its reason, never who asked."""
        answer = site.post(
            f"{submitted['@id']}/@workflow/request_supplement",
            {"comment": "身份证复印件不清晰"},
            user="staff_a",
        )
        assert answer.status_code == 200
        found = site.get(
            "@progress", number=submitted["number"], code=submitted["query_code"]
        ).json()
        step = found["timeline"][-1]
        assert step["title"] == "要求补正"
        assert step["comment"] == "身份证复印件不清晰"
        assert "actor" not in step
        assert "staff_a" not in str(found)

    @pytest.mark.parametrize("wrong", ["number", "code"])
    def test_wrong_pair(self, site, submitted, wrong):
        """A wrong number or code answers 404."""
        params = {"number": submitted["number"], "code": submitted["query_code"]}
        params[wrong] = "X"
        answer = site.get("@progress", **params)
        assert answer.status_code == 404
        assert answer.json()["error"]["message"] == (
            "没有找到该办件编号与查询码对应的办件，请核对后重试。"
        )

    def test_missing_parameters(self, site):
        """Without both a number and a code the look-up asks for them."""
        answer = site.get("@progress", number="ZY2026000001")
        assert answer.status_code == 400

    def test_rate_limited(self, site, submitted):
        """Five wrong tries, then 429 in Chinese, even for the right pair."""
        for _try in range(5):
            answer = site.get("@progress", number=submitted["number"], code="WRONG")
            assert answer.status_code == 404
        answer = site.get(
            "@progress", number=submitted["number"], code=submitted["query_code"]
        )
        assert answer.status_code == 429
        assert int(answer.headers["Retry-After"]) > 0
        assert answer.json()["error"]["message"] == "查询错误次数过多，请10分钟后再试。"


class TestMyApplications:
    def test_own_only(self, site):
        """The caller sees their own applications, with state and next action."""
        site.apply()
        site.apply(submit=False, files={})
        site.apply(user="other_citizen")
        answer = site.get("@my-applications", user="applicant")
        assert answer.status_code == 200
        found = answer.json()
        assert found["items_total"] == 2
        assert [item["state"] for item in found["items"]] == ["draft", "submitted"]
        assert found["items"][0]["next_action"] == "完善信息并提交申请"
        assert found["items"][1]["state_title"] == "待预审"
        assert found["items"][1]["due_date"]

    def test_anonymous(self, site):
        """Anonymous users have no applications to list."""
        assert site.get("@my-applications").status_code == 401


class TestWorkflowEndpoint:
    @pytest.fixture
    def submitted(self, site):
        return site.apply().json()["@id"]

    @pytest.mark.parametrize("transition", ["reject", "request_supplement"])
    def test_comment_required(self, site, submitted, transition):
        """@workflow refuses a refusal without a reason, in Chinese."""
        answer = site.post(f"{submitted}/@workflow/{transition}", {}, user="staff_a")
        assert answer.status_code == 400
        assert "请填写理由" in answer.json()["error"]["message"]
        assert state_of(submitted) == "submitted"

    def test_with_comment(self, site, submitted):
        """With a reason, the staff's transition goes through."""
        answer = site.post(
            f"{submitted}/@workflow/reject",
            {"comment": "不属于本部门职权"},
            user="staff_a",
        )
        assert answer.status_code == 200
        assert state_of(submitted) == "rejected"

    @pytest.mark.parametrize(
        "user,transition",
        [
            ("applicant", "accept"),
            ("supervisor", "accept"),
            ("staff_b", "accept"),
            ("other_citizen", "withdraw"),
            ("staff_a", "withdraw"),
        ],
    )
    def test_forged(self, site, submitted, user, transition):
        """A transition the caller may not do is refused and changes nothing."""
        answer = site.post(
            f"{submitted}/@workflow/{transition}", {"comment": "伪造"}, user=user
        )
        assert answer.status_code in (400, 401, 403, 404)
        assert state_of(submitted) == "submitted"

    def test_submit_incomplete_draft(self, site):
        """@workflow/submit refuses a draft that lacks a required file."""
        draft = site.apply(submit=False, files={}).json()["@id"]
        answer = site.post(f"{draft}/@workflow/submit", {}, user="applicant")
        assert answer.status_code == 400
        assert "居民身份证" in answer.json()["error"]["message"]
        assert state_of(draft) == "draft"

    def test_submit_complete_draft(self, site):
        """@workflow/submit numbers a complete draft like @apply does."""
        draft = site.apply(submit=False).json()["@id"]
        answer = site.post(f"{draft}/@workflow/submit", {}, user="applicant")
        assert answer.status_code == 200
        transaction.begin()
        found = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            portal_type="Application"
        )
        assert found[0].application_number.startswith("ZY")
        assert applications.OPEN_STATES[0] == found[0].review_state


class TestPatch:
    def patch(self, url, data, user="applicant"):
        return requests.patch(
            url,
            json=data,
            headers=JSON,
            auth=(user, PASSWORD),
            timeout=60,
        )

    def test_draft_checked_like_the_form(self, site):
        """A PATCH of a draft is checked by the same rules as @apply."""
        draft = site.apply(submit=False).json()["@id"]
        answer = self.patch(draft, {"mobile": "123"})
        assert answer.status_code == 400
        assert self.patch(draft, {"mobile": "13900000009"}).status_code == 204

    def test_number_cannot_be_patched(self, site):
        """What the hall records is no field anyone can write."""
        draft = site.apply(submit=False).json()["@id"]
        self.patch(draft, {"number": "ZY2000000001", "due_date": "2000-01-01"})
        transaction.begin()
        found = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            portal_type="Application"
        )
        application = found[0]._unrestrictedGetObject()
        assert (application.number, application.due_date) == (None, None)

    def test_submitted_is_read_only(self, site):
        """Once submitted, the applicant can no longer PATCH it."""
        submitted = site.apply().json()["@id"]
        answer = self.patch(submitted, {"remarks": "改一下"})
        assert answer.status_code in (401, 403)
