"""The application pages, used through their forms as a person at a browser would."""

from pathlib import Path
from plone import api
from plone.namedfile.file import NamedBlobFile
from urllib.parse import urlsplit
from zope.component import queryUtility
from zope.i18n.gettextmessagecatalog import GettextMessageCatalog
from zope.i18n.interfaces import ITranslationDomain
from zyzwfw import applications
from zyzwfw import departments
from zyzwfw.validators import id_number_check_digit

import lxml.html
import polib
import pytest
import re
import requests
import transaction


PASSWORD = "secret-Pa55word"

PENDING = Path(__file__).parents[2] / "docs" / "i18n-pending"

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
HTML_AS_PDF = b"<html><body><script>alert(1)</script></body></html>"

ID_FIRST17 = "51200219900307123"
ID_NUMBER = ID_FIRST17 + id_number_check_digit(ID_FIRST17)
WRONG_ID = ID_FIRST17 + ("0" if id_number_check_digit(ID_FIRST17) != "0" else "1")

APPLICANT = {
    "applicant_name": "张小三",
    "id_type": "resident_id",
    "id_number": ID_NUMBER,
    "mobile": "13800000001",
    "email": "zhang@example.cn",
}

NUMBER = re.compile(r"[A-Z]{1,6}\d{10}")


# The hall


@pytest.fixture(scope="module", autouse=True)
def pending_translations(tmp_path_factory):
    """Translate the messages still waiting in docs/i18n-pending, as if merged."""
    domain = queryUtility(ITranslationDomain, name="zyzwfw")
    if domain is None:
        return
    for po_file in sorted(PENDING.glob("*.po")):
        name = f"zyzwfw-pending-{po_file.stem}.mo"
        if any(path.endswith(name) for path in domain._data):
            continue
        mo_file = tmp_path_factory.mktemp("i18n") / name
        polib.pofile(str(po_file)).save_as_mofile(str(mo_file))
        domain.addCatalog(GettextMessageCatalog("zh_CN", "zyzwfw", str(mo_file)))


def _department(folder, short_code, title):
    department = api.content.create(
        container=folder,
        type="Department",
        id=short_code,
        title=title,
        short_code=short_code,
    )
    api.content.transition(obj=department, transition="publish")
    return department


def _item(department, item_id, title, online_depth="3"):
    item = api.content.create(
        container=department,
        type="ServiceItem",
        id=item_id,
        title=title,
        implementation_code=item_id.upper(),
        item_type="01",
        served_parties=["person", "legal"],
        online_depth=online_depth,
        promised_limit=10,
        steps=[{"name": "受理", "time_limit": 1}, {"name": "决定", "time_limit": 3}],
    )
    api.content.transition(obj=item, transition="publish")
    for material_id, material_title, upload_required in (
        ("id-card", "居民身份证", True),
        ("licence", "营业执照", False),
    ):
        material = api.content.create(
            container=item,
            type="Material",
            id=material_id,
            title=material_title,
            requirement="required" if upload_required else "optional",
            upload_required=upload_required,
            explanation=f"{material_title}的扫描件，正反面。",
        )
        material.template = NamedBlobFile(
            data=PDF, contentType="application/pdf", filename=f"{material_title}.pdf"
        )
        api.content.transition(obj=material, transition="publish")
    return item


@pytest.fixture
def hall(functional_portal):
    """Two departments with an item each, an offline item, a citizen and staff."""
    portal = functional_portal
    api.portal.set_registry_record("plone.default_language", "zh-cn")
    applications.reset_lookup_limits()
    with api.env.adopt_roles(["Manager"]):
        folder = portal["departments"]
        department_a = _department(folder, "zjj", "市住房和城乡建设局")
        department_b = _department(folder, "qxj", "市气象局")
        item_a = _item(department_a, "zjj-permit", "建筑工程施工许可")
        _item(department_b, "qxj-permit", "雷电防护装置设计审核")
        offline = _item(department_a, "zjj-offline", "住房公积金提取", "1")
        for user_id in ("citizen", "staff_a", "staff_b"):
            api.user.create(
                email=f"{user_id}@example.cn",
                username=user_id,
                password=PASSWORD,
                properties={"fullname": "张小三" if user_id == "citizen" else user_id},
            )
        departments.add_staff(department_a, "staff_a")
        departments.add_staff(department_b, "staff_b")
    transaction.commit()
    return {
        "url": portal.absolute_url(),
        "item": item_a.UID(),
        "offline": offline.UID(),
    }


def application_count():
    """Return how many applications the server has stored."""
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    return len(catalog.unrestrictedSearchResults(portal_type="Application"))


def stored(number):
    """Return the application with a number, as the server committed it."""
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Application", application_number=number
    )
    return brains[0]._unrestrictedGetObject()


# A person at a browser


class Person:
    """A browser session: it logs in, opens pages and fills in their forms."""

    def __init__(self, url, user_id=None):
        self.url = url
        self.session = requests.Session()
        self.response = None
        if user_id is not None:
            self.log_in(user_id)

    def log_in(self, user_id):
        page = self.open(f"{self.url}/login")
        form = page.get_element_by_id("LoginForm")
        fields = dict(form.form_values())
        fields.update({"__ac_name": user_id, "__ac_password": PASSWORD})
        fields["buttons.login"] = "登录"
        self.session.post(form.action, data=fields)
        assert "__ac" in self.session.cookies

    def open(self, url, **params):
        """Open a page and return it parsed."""
        self.response = self.session.get(url, params=params or None)
        return self.page()

    def page(self):
        return lxml.html.fromstring(self.response.text, base_url=self.response.url)

    def submit(self, form, values=(), files=None, button=None):
        """Send a form as the browser would, multipart if the form says so.

        :param form: The form element.
        :param values: Pairs of input name and value replacing the form's own.
        :param files: Input name → ``(filename, bytes)``; the file inputs left
            out are sent empty, as a browser sends them.
        :param button: The ``(name, value)`` of the button pressed.
        :returns: The page answered.
        """
        values = list(values)
        replaced = {name for name, _value in values}
        fields = [pair for pair in form.form_values() if pair[0] not in replaced]
        fields += values
        if button is not None:
            fields.append(button)
        if form.get("enctype") == "multipart/form-data":
            parts = {}
            for element in form.inputs:
                if element.get("type") == "file":
                    filename, data = (files or {}).get(element.name, ("", b""))
                    parts[element.name] = (filename, data, "application/octet-stream")
            self.response = self.session.post(form.action, data=fields, files=parts)
        else:
            self.response = self.session.post(form.action, data=fields)
        return self.page()


def apply_form(page):
    return page.find_class("hall-apply-form")[0]


def text_of(page, element_id):
    """Return the text of an element, or ``None`` if the page has none."""
    found = page.xpath(f'//*[@id="{element_id}"]')
    return found[0].text_content().strip() if found else None


def h1_count(page):
    return len(page.xpath("//h1"))


def unlabelled(page):
    """Return the names of the visible inputs that no label names."""
    labelled = set(page.xpath("//label/@for"))
    missing = []
    for field in page.xpath("//input|//select|//textarea"):
        if field.get("type") in ("hidden", "submit"):
            continue
        if field.get("id") not in labelled and not field.xpath("ancestor::label"):
            missing.append(field.get("name"))
    return missing


def apply_as(person, hall, button="submit", values=(), files=None):
    """Fill in the apply form of the test item and press a button."""
    page = person.open(f"{hall['url']}/apply", item=hall["item"])
    if files is None:
        files = {"upload.id-card": ("身份证.pdf", PDF)}
    return person.submit(
        apply_form(page),
        values=list({**APPLICANT, **dict(values)}.items()),
        files=files,
        button=("action", button),
    )


def receipt(page):
    """Return the number and query code a confirmation page shows."""
    number = page.find_class("hall-receipt-number")[0].text_content().strip()
    codes = page.find_class("hall-receipt-code")
    return number, codes[0].text_content().strip() if codes else None


def act(person, application_url, transition, comment="", missing=()):
    """Make a transition on an application's page as a clerk."""
    page = person.open(application_url)
    form = page.xpath('//form[.//button[@name="transition"]]')[0]
    values = [("comment", comment)]
    for material_id, reason in missing:
        values += [
            ("missing:list", material_id),
            (f"missing_reason.{material_id}", reason),
        ]
    return person.submit(form, values=values, button=("transition", transition))


@pytest.fixture
def citizen(hall):
    return Person(hall["url"], "citizen")


@pytest.fixture
def staff_a(hall):
    return Person(hall["url"], "staff_a")


@pytest.fixture
def submitted(hall, citizen):
    """A submitted application: its number, query code and address."""
    page = apply_as(citizen, hall)
    number, code = receipt(page)
    return {"number": number, "code": code, "url": stored(number).absolute_url()}


# Applying


class TestApply:
    def test_submission_confirmed_with_number_and_code(self, hall, citizen):
        """A citizen who fills in the form and uploads gets a number and a code."""
        page = apply_as(citizen, hall)
        number, code = receipt(page)
        assert NUMBER.fullmatch(number)
        assert re.fullmatch(r"[A-Z2-9]{8}", code)
        assert "申请已提交" in text_of(page, "content")
        assert h1_count(page) == 1
        application = stored(number)
        assert applications.query_code_matches(application, code)
        assert application.files["id-card"].filename == "身份证.pdf"
        assert application.applicant_name == "张小三"

    def test_form_sent_again_makes_no_second_application(self, hall, citizen):
        """Reloading the confirmation sends the form again: the citizen sees
        the same application, without its code, and nothing is made twice."""
        form = apply_form(citizen.open(f"{hall['url']}/apply", item=hall["item"]))
        send = {
            "values": list(APPLICANT.items()),
            "files": {"upload.id-card": ("身份证.pdf", PDF)},
            "button": ("action", "submit"),
        }
        number, code = receipt(citizen.submit(form, **send))
        assert code

        page = citizen.submit(form, **send)
        assert citizen.response.status_code == 200
        assert receipt(page) == (number, None)
        assert "未重复提交" in text_of(page, "content")
        assert application_count() == 1
        assert applications.query_code_matches(stored(number), code)

    def test_draft_saved_twice_from_one_form_is_one_draft(self, hall, citizen):
        """A second tap on 保存草稿 saves the same draft, and submitting the
        same form then submits that draft."""
        form = apply_form(citizen.open(f"{hall['url']}/apply", item=hall["item"]))
        values = list(APPLICANT.items())
        files = {"upload.id-card": ("身份证.pdf", PDF)}
        citizen.submit(form, values=values, files=files, button=("action", "save"))
        citizen.submit(form, values=values, files=files, button=("action", "save"))
        assert application_count() == 1

        page = citizen.submit(form, values=values, button=("action", "submit"))
        number, code = receipt(page)
        assert NUMBER.fullmatch(number) and code
        assert application_count() == 1

    def test_each_new_form_makes_its_own_application(self, hall, citizen):
        """Two forms opened one after the other are two applications."""
        first, _code = receipt(apply_as(citizen, hall))
        second, _code = receipt(apply_as(citizen, hall))
        assert first != second
        assert application_count() == 2

    def test_form_labelled_with_one_heading(self, hall, citizen):
        """The form has one h1, a label on every field and the material's files."""
        page = citizen.open(f"{hall['url']}/apply", item=hall["item"])
        assert h1_count(page) == 1
        assert unlabelled(page) == []
        slot = page.get_element_by_id("upload-id-card").getparent()
        assert "居民身份证的扫描件" in slot.text_content()
        assert slot.xpath('.//a[contains(@href, "id-card/@@download/template")]')
        assert page.xpath('//input[@name="_authenticator"]')

    def test_member_details_prefilled(self, hall, citizen):
        """The form starts with the member's own name and e-mail."""
        page = citizen.open(f"{hall['url']}/apply", item=hall["item"])
        assert page.get_element_by_id("apply-applicant_name").value == "张小三"
        assert page.get_element_by_id("apply-email").value == "citizen@example.cn"

    @pytest.mark.parametrize(
        "values,files,field,message",
        [
            (
                [("id_number", WRONG_ID)],
                None,
                "apply-id_number",
                "身份证",
            ),
            (
                [("mobile", "1234")],
                None,
                "apply-mobile",
                "手机",
            ),
            ([], {}, "upload-id-card", "居民身份证"),
            (
                [],
                {"upload.id-card": ("身份证.pdf", HTML_AS_PDF)},
                "upload-id-card",
                "身份证.pdf",
            ),
            (
                [("party", "legal"), ("company_name", "资阳示例科技有限公司")],
                None,
                "apply-credit_code",
                "统一社会信用代码",
            ),
        ],
        ids=["bad-id", "bad-mobile", "missing-upload", "disguised-file", "no-credit"],
    )
    def test_bad_input_shown_at_its_field(
        self, hall, citizen, values, files, field, message
    ):
        """Bad input re-shows the form with a Chinese error at its field; no change."""
        before = application_count()
        page = apply_as(citizen, hall, values=values, files=files)

        error = text_of(page, f"{field}-error")
        assert error is not None and message in error
        assert re.search(r"[\u4e00-\u9fff]", error)
        described = page.get_element_by_id(field).get("aria-describedby")
        assert f"{field}-error" in described
        assert page.find_class("hall-error-summary")[0].get("role") == "alert"
        assert application_count() == before

    def test_values_kept_after_an_error(self, hall, citizen):
        """What the citizen typed is still in the form after an error."""
        page = apply_as(citizen, hall, values=[("mobile", "1234")])
        assert "请重新选择" in text_of(page, "apply-errors")
        assert page.get_element_by_id("apply-applicant_name").value == "张小三"
        assert page.get_element_by_id("apply-id_number").value == ID_NUMBER

    def test_draft_saved_then_submitted(self, hall, citizen):
        """A saved draft keeps its file and is submitted later without a new upload."""
        page = apply_as(citizen, hall, button="save")
        assert urlsplit(citizen.response.url).path.endswith("/@@application-form")
        assert (
            "身份证.pdf"
            in page.get_element_by_id("upload-id-card").getparent().text_content()
        )
        assert application_count() == 1

        page = citizen.submit(apply_form(page), button=("action", "submit"))
        number, code = receipt(page)
        assert NUMBER.fullmatch(number) and code
        assert application_count() == 1

    def test_draft_file_replaced(self, hall, citizen):
        """A new file for a slot of a draft replaces the old one."""
        page = apply_as(citizen, hall, button="save")
        page = citizen.submit(
            apply_form(page),
            files={"upload.id-card": ("新身份证.png", PNG)},
            button=("action", "save"),
        )
        slot = page.get_element_by_id("upload-id-card").getparent()
        assert "新身份证.png" in slot.text_content()
        assert "身份证.pdf" not in slot.text_content().replace("新身份证", "")

    def test_without_authenticator_refused(self, hall, citizen):
        """A post without the form's authenticator is refused and stores nothing."""
        page = citizen.open(f"{hall['url']}/apply", item=hall["item"])
        form = apply_form(page)
        form.xpath('.//input[@name="_authenticator"]')[0].set("value", "forged")
        citizen.submit(
            form,
            values=list(APPLICANT.items()),
            files={"upload.id-card": ("身份证.pdf", PDF)},
            button=("action", "submit"),
        )
        assert citizen.response.status_code == 403
        assert application_count() == 0

    def test_anonymous_asked_to_log_in(self, hall):
        """An anonymous visitor is told in Chinese to log in or register."""
        page = Person(hall["url"]).open(f"{hall['url']}/apply", item=hall["item"])
        assert not page.find_class("hall-apply-form")
        assert "登录" in text_of(page, "apply-login-title")
        links = page.xpath('//section[contains(@class, "hall-apply-login")]//a/@href')
        assert any("/login?came_from=" in link for link in links)
        assert any(link.endswith("/@@register") for link in links)

    def test_offline_item_explained(self, hall, citizen):
        """An item below online depth II says so instead of showing the form."""
        page = citizen.open(f"{hall['url']}/apply", item=hall["offline"])
        assert not page.find_class("hall-apply-form")
        assert page.find_class("hall-apply-offline")

    def test_without_item_explains_how(self, hall):
        """Without an item the page explains how to apply and links the guides."""
        page = Person(hall["url"]).open(f"{hall['url']}/apply")
        assert h1_count(page) == 1
        assert page.xpath(f'//a[@href="{hall["url"]}/guide"]')


# The applicant's desk and the application's page


class TestMyApplications:
    def test_lists_own_applications(self, hall, citizen, submitted):
        """My applications shows the number, the state and what comes next."""
        page = citizen.open(f"{hall['url']}/my-applications")
        row = page.xpath(f'//tr[td[contains(., "{submitted["number"]}")]]')[0]
        assert "待预审" in row.text_content()
        assert "等待预审" in row.text_content()
        assert h1_count(page) == 1

    def test_in_personal_tools(self, portal):
        """My applications is the first of a member's personal tools."""
        actions = portal.portal_actions.user
        assert actions.objectIds()[0] == "my-applications"
        assert actions["my-applications"].url_expr.endswith("/my-applications")

    def test_anonymous_sent_to_log_in(self, hall):
        """An anonymous visitor is asked to log in."""
        person = Person(hall["url"])
        person.open(f"{hall['url']}/my-applications")
        assert "login" in person.response.url or "require_login" in person.response.url

    def test_application_page(self, hall, citizen, submitted):
        """The applicant's page shows the timeline, the files and the message."""
        page = citizen.open(submitted["url"])
        assert h1_count(page) == 1
        assert "身份证.pdf" in text_of(page, "content")
        assert page.find_class("hall-timeline-step")
        assert page.find_class("hall-messages")
        assert page.xpath('//a[contains(@href, "@@withdraw-application")]')

    def test_withdraw_after_confirmation(self, hall, citizen, submitted):
        """Withdrawing asks first, then closes the application."""
        page = citizen.open(f"{submitted['url']}/@@withdraw-application")
        assert (
            stored(submitted["number"]).portal_workflow.getInfoFor(
                stored(submitted["number"]), "review_state"
            )
            == "submitted"
        )
        form = page.xpath('//form[.//button[@name="confirm"]]')[0]
        citizen.submit(form, button=("confirm", "1"))
        application = stored(submitted["number"])
        assert api.content.get_state(obj=application) == "withdrawn"

    def test_anonymous_cannot_open_application(self, hall, submitted):
        """An anonymous visitor gets the login form, not the application."""
        person = Person(hall["url"])
        page = person.open(submitted["url"])
        assert "login" in person.response.url or "require_login" in person.response.url
        assert ID_NUMBER not in page.text_content()
        person.open(f"{submitted['url']}/@@material-file", material="id-card")
        assert "%PDF" not in person.response.text

    def test_other_citizen_cannot_open_application(self, hall, submitted):
        """Another member cannot open someone's application."""
        with api.env.adopt_roles(["Manager"]):
            api.user.create(
                email="other@example.cn", username="other", password=PASSWORD
            )
        transaction.commit()
        person = Person(hall["url"], "other")
        page = person.open(submitted["url"])
        assert ID_NUMBER not in page.text_content()


# The window staff


class TestWorklist:
    def test_own_department_only(self, hall, submitted):
        """The department's staff see the application; another department's do not."""
        page = Person(hall["url"], "staff_a").open(f"{hall['url']}/worklist")
        assert submitted["number"] in text_of(page, "content")
        assert h1_count(page) == 1
        assert unlabelled(page) == []

        page = Person(hall["url"], "staff_b").open(f"{hall['url']}/worklist")
        assert submitted["number"] not in text_of(page, "content")

    def test_citizen_refused(self, hall, citizen):
        """A member who is no window staff cannot open the worklist."""
        citizen.open(f"{hall['url']}/worklist")
        assert "hall-worklist" not in citizen.response.text

    @pytest.mark.parametrize(
        "params,listed",
        [({"state": "submitted"}, True), ({"state": "accepted"}, False)],
    )
    def test_filter_by_state(self, hall, submitted, staff_a, params, listed):
        """The state filter is a GET parameter."""
        page = staff_a.open(f"{hall['url']}/worklist", **params)
        assert (submitted["number"] in text_of(page, "content")) is listed

    def test_filter_by_concluded_state(self, hall, submitted, staff_a):
        """Concluded applications, which have no stage due, are listed too."""
        for transition in ("pass_prereview", "accept", "approve"):
            act(staff_a, submitted["url"], transition, comment="材料齐全")
        page = staff_a.open(f"{hall['url']}/worklist", state="approved")
        assert submitted["number"] in text_of(page, "content")

    def test_filter_by_item(self, hall, submitted, staff_a):
        """The item filter keeps the item's applications."""
        page = staff_a.open(f"{hall['url']}/worklist", item=hall["item"])
        assert submitted["number"] in text_of(page, "content")
        page = staff_a.open(f"{hall['url']}/worklist", item=hall["offline"])
        assert submitted["number"] not in text_of(page, "content")

    def test_overdue_in_red_with_words(self, hall, submitted, staff_a):
        """An overdue application is marked red and says it is overdue."""
        application = stored(submitted["number"])
        application.step_due_date = application.step_due_date.replace(year=2020)
        application.reindexObject()
        transaction.commit()
        page = staff_a.open(f"{hall['url']}/worklist")
        row = page.find_class("hall-warning-red")[0]
        assert "已超期" in row.text_content()

    def test_pages_of_a_long_worklist(
        self, hall, submitted, staff_a, citizen, monkeypatch
    ):
        """A worklist longer than a page is shown a page at a time, each once."""
        numbers = {submitted["number"], receipt(apply_as(citizen, hall))[0]}
        monkeypatch.setattr(applications, "WORKLIST_PAGE_SIZE", 1)

        def shown(page):
            return {number for number in numbers if number in text_of(page, "content")}

        def pager_link(page, words):
            return page.xpath(f'//nav[contains(@class, "hall-pager")]//a[.="{words}"]')

        page = staff_a.open(f"{hall['url']}/worklist")
        first = shown(page)
        count = page.find_class("hall-result-count")[0].text_content()
        assert len(first) == 1
        assert "2" in count
        assert not pager_link(page, "上一页")

        page = staff_a.open(pager_link(page, "下一页")[0].get("href"))
        second = shown(page)
        assert len(second) == 1
        assert first | second == numbers
        assert pager_link(page, "上一页")
        assert not pager_link(page, "下一页")

    def test_page_beyond_the_end_shows_the_last(self, hall, submitted, staff_a):
        """A start beyond the list, or not a number, still shows applications."""
        for start in ("999", "-3", "abc"):
            page = staff_a.open(f"{hall['url']}/worklist", b_start=start)
            assert submitted["number"] in text_of(page, "content")

    def test_files_served_safely(self, hall, submitted, staff_a):
        """A PDF opens inline, typed and not to be sniffed."""
        page = staff_a.open(submitted["url"])
        assert page.xpath('//iframe[contains(@src, "@@material-file")]')
        staff_a.open(f"{submitted['url']}/@@material-file", material="id-card")
        headers = staff_a.response.headers
        assert headers["Content-Type"] == "application/pdf"
        assert headers["Content-Disposition"].startswith("inline;")
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert staff_a.response.content == PDF

    def test_supplement_needs_a_comment(self, hall, submitted, staff_a):
        """Asking for a supplement without a reason re-shows the form with an error."""
        page = act(
            staff_a,
            submitted["url"],
            "request_supplement",
            missing=[("id-card", "模糊")],
        )
        error = text_of(page, "application-comment-error")
        assert error and "理由" in error
        assert page.get_element_by_id("missing-id-card").checked
        assert page.get_element_by_id("missing-reason-id-card").value == "模糊"
        assert api.content.get_state(obj=stored(submitted["number"])) == "submitted"

    def test_supplement_round_trip(self, hall, submitted, staff_a, citizen):
        """Staff ask for a supplement; the citizen reads it, uploads again, resends."""
        act(
            staff_a,
            submitted["url"],
            "request_supplement",
            comment="身份证复印件不清晰",
            missing=[("id-card", "请上传清晰的扫描件")],
        )
        assert api.content.get_state(obj=stored(submitted["number"])) == "supplement"

        page = citizen.open(submitted["url"])
        notice = page.find_class("hall-supplement")[0].text_content()
        assert "身份证复印件不清晰" in notice
        assert "请上传清晰的扫描件" in notice

        page = citizen.open(f"{submitted['url']}/@@application-form")
        assert "请上传清晰的扫描件" in text_of(page, "content")
        page = citizen.submit(
            apply_form(page),
            files={"upload.id-card": ("清晰身份证.pdf", PDF)},
            button=("action", "submit"),
        )
        assert receipt(page) == (submitted["number"], None)
        application = stored(submitted["number"])
        assert api.content.get_state(obj=application) == "submitted"
        assert application.files["id-card"].filename == "清晰身份证.pdf"

    def test_prereview_accept_approve(self, hall, submitted, staff_a):
        """The staff pass pre-review, accept and approve, each step in the timeline."""
        for transition, state in (
            ("pass_prereview", "prereviewed"),
            ("accept", "accepted"),
            ("approve", "approved"),
        ):
            act(staff_a, submitted["url"], transition, comment="材料齐全")
            assert api.content.get_state(obj=stored(submitted["number"])) == state
        page = staff_a.open(submitted["url"])
        assert len(page.find_class("hall-timeline-step")) == 5
        assert not page.xpath('//button[@name="transition"]')


# The progress look-up


class TestUserMenu:
    """Citizens and window staff get a user menu in the header, not the toolbar."""

    def menu_links(self, page):
        return {
            link.text_content().strip(): link.get("href")
            for link in page.cssselect("#portal-membertools a")
        }

    def test_citizen_has_the_menu_and_no_toolbar(self, hall, citizen):
        citizen.open(f"{hall['url']}/my-applications")
        page = citizen.page()
        assert not page.cssselect("#edit-zone")
        links = self.menu_links(page)
        assert links["我的办件"] == f"{hall['url']}/my-applications"
        assert links["退出"].endswith("/logout")
        assert "窗口工作台" not in links
        assert page.cssselect("#portal-membertools summary")[0].text_content().strip()

    def test_staff_reach_the_worklist_from_the_menu(self, hall, staff_a):
        staff_a.open(f"{hall['url']}/worklist")
        page = staff_a.page()
        assert not page.cssselect("#edit-zone")
        assert self.menu_links(page)["窗口工作台"] == f"{hall['url']}/worklist"

    def test_editor_keeps_the_toolbar_in_the_department(self, hall):
        with api.env.adopt_roles(["Manager"]):
            api.user.create(
                email="editor@example.cn", username="editor", password=PASSWORD
            )
            department = api.portal.get()["departments"]["zjj"]
            departments.add_editor(department, "editor")
        transaction.commit()
        editor = Person(hall["url"], "editor")
        editor.open(f"{hall['url']}/departments/zjj")
        assert editor.page().cssselect("#edit-zone")
        assert not editor.page().cssselect("#portal-membertools")
        editor.open(f"{hall['url']}/my-applications")
        assert not editor.page().cssselect("#edit-zone")
        assert self.menu_links(editor.page())["我的办件"]


class TestProgress:
    def test_masked_state_and_timeline(self, hall, submitted):
        """Anyone with the pair sees the state, the masked name and the steps."""
        person = Person(hall["url"])
        page = person.open(
            f"{hall['url']}/progress",
            number=submitted["number"],
            code=submitted["code"],
        )
        content = text_of(page, "content")
        assert "张*三" in content
        assert "张小三" not in content
        assert ID_NUMBER not in content
        assert "待预审" in content
        assert page.find_class("hall-timeline-step")
        assert h1_count(page) == 1
        assert unlabelled(page) == []

    def test_wrong_code_refused(self, hall, submitted):
        """A wrong code says in Chinese that nothing was found."""
        page = Person(hall["url"]).open(
            f"{hall['url']}/progress", number=submitted["number"], code="WRONG234"
        )
        assert "没有找到" in text_of(page, "progress-error")
        assert "张*三" not in text_of(page, "content")

    def test_too_many_wrong_tries(self, hall, submitted):
        """After too many wrong codes the visitor is told to wait, with 429."""
        person = Person(hall["url"])
        for _attempt in range(applications.application_settings.get("lookup_attempts")):
            person.open(f"{hall['url']}/progress", number=submitted["number"], code="X")
        page = person.open(
            f"{hall['url']}/progress",
            number=submitted["number"],
            code=submitted["code"],
        )
        assert person.response.status_code == 429
        assert "分钟" in text_of(page, "progress-error")
