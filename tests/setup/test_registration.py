"""Citizens register themselves with their mobile number and log in with it."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.base import PloneMessageFactory as PMF
from zope.i18n import translate
from zyzwfw import _
from zyzwfw import members
from zyzwfw.validators import validate_email
from zyzwfw.validators import validate_mobile

import lxml.html
import pytest
import re
import requests
import transaction


PASSWORD = "Zy-2025-hall"

CITIZEN = {
    "mobile": "13812345678",
    "fullname": "张三",
    "email": "zhangsan@example.cn",
    "password": PASSWORD,
    "password_ctl": PASSWORD,
}

REGISTERED = _(
    "error_mobile_registered",
    default="This mobile number is already registered. Log in with it, or reset "
    "the password if you have forgotten it.",
)

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def chinese(message):
    """Return a message as the zh-cn site shows it; skip if not translated yet."""
    text = translate(message, target_language="zh_CN")
    if not CHINESE.search(text):
        pytest.skip(f"{message} is not in the zh_CN catalogue yet")
    return text


@pytest.fixture
def url(functional_portal):
    """The address of the hall, which speaks Chinese."""
    api.portal.set_registry_record("plone.default_language", "zh-cn")
    transaction.commit()
    return functional_portal.absolute_url()


def register(url, **changes):
    """Fill in and send the registration form as a person would; return the page."""
    session = requests.Session()
    page = lxml.html.fromstring(session.get(f"{url}/@@register").text)
    form = page.get_element_by_id("form")
    fields = dict(form.form_values())
    for name, value in {**CITIZEN, **changes}.items():
        fields[f"form.widgets.{name}"] = value
    fields["form.buttons.register"] = "注册"
    response = session.post(form.action or f"{url}/@@register", data=fields)
    assert response.status_code == 200
    return lxml.html.fromstring(response.text)


def log_in(url, login, password):
    """Fill in and send the login form; return the browsing session."""
    session = requests.Session()
    page = lxml.html.fromstring(session.get(f"{url}/login").text)
    form = page.get_element_by_id("LoginForm")
    fields = dict(form.form_values())
    fields.update({"__ac_name": login, "__ac_password": password})
    fields["buttons.login"] = "登录"
    response = session.post(form.action, data=fields)
    assert response.status_code == 200
    return session


def field_error(page, name):
    """Return the error shown at a field of the form, or ``None``."""
    field = page.get_element_by_id(f"formfield-form-widgets-{name}")
    errors = field.find_class("invalid-feedback") + field.find_class("fieldErrorBox")
    text = " ".join(error.text_content().strip() for error in errors).strip()
    return text or None


def field_label(url, name, path="@@register"):
    """Return the label of a field of a form, by default the registration form."""
    page = lxml.html.fromstring(requests.get(f"{url}/{path}").text)
    field = page.get_element_by_id(f"formfield-{name}")
    label = field.find(".//label")
    # The label holds the required marker's markup after the text.
    return label.text.strip()


def member_count():
    """Return how many members the site has, as the server committed them."""
    transaction.begin()
    return len(api.user.get_users())


class TestSettings:
    def test_anonymous_may_register(self, portal):
        """Self-registration is on and citizens choose their password."""
        assert api.portal.get_registry_record("plone.enable_self_reg") is True
        assert api.portal.get_registry_record("plone.enable_user_pwd_choice") is True
        assert "Anonymous" in [
            role["name"]
            for role in portal.rolesOfPermission("Add portal member")
            if role["selected"]
        ]

    def test_login_is_not_the_email(self, portal):
        """Members log in with their mobile number, not their email."""
        assert api.portal.get_registry_record("plone.use_email_as_login") is False

    def test_mobile_is_a_member_property(self, portal):
        """The member data tool knows the ``mobile`` property."""
        assert portal.portal_memberdata.hasProperty("mobile")


class TestUninstall:
    def test_self_registration_closed(self, portal, installer):
        """Without the hall, anonymous visitors can no longer register."""
        installer.uninstall_product("zyzwfw")
        assert api.portal.get_registry_record("plone.enable_self_reg") is False
        assert "Anonymous" not in [
            role["name"]
            for role in portal.rolesOfPermission("Add portal member")
            if role["selected"]
        ]


class TestRegistrationForm:
    def test_form_asks_mobile_first(self, url):
        """The form asks the mobile number, name, email and password, no user name."""
        page = lxml.html.fromstring(requests.get(f"{url}/@@register").text)
        names = [
            element.get("name").removeprefix("form.widgets.")
            for element in page.get_element_by_id("form").inputs
            if element.get("name", "").startswith("form.widgets.")
        ]
        assert names == ["mobile", "fullname", "email", "password", "password_ctl"]

    def test_plone_labels_in_chinese(self, url):
        """Plone's own fields read in Chinese."""
        assert field_label(url, "form-widgets-fullname") == "姓名"
        assert field_label(url, "form-widgets-password_ctl") == "确认密码"

    def test_mobile_label_in_chinese(self, url):
        """The hall's mobile field reads in Chinese."""
        expected = _("label_member_mobile", default="Mobile number")
        assert field_label(url, "form-widgets-mobile") == chinese(expected)

    def test_login_asks_mobile(self, url):
        """The login form asks for the mobile number, or a user name for staff."""
        expected = _("label_login_mobile", default="Mobile number or user name")
        assert field_label(url, "__ac_name", path="login") == chinese(expected)


class TestRegistering:
    def test_member_created(self, url):
        """A citizen who fills in the form becomes a member with their details."""
        before = member_count()
        page = register(url, mobile="138 1234 5678")

        assert page.find_class("documentFirstHeading")[0].text_content().strip()
        assert member_count() == before + 1
        member = members.find_member_by_mobile("13812345678")
        assert member is not None
        assert member.getUserName() == "13812345678"
        assert member.getId() == "zhang-san"
        assert members.member_contact(member) == {
            "user_id": "zhang-san",
            "name": "张三",
            "email": "zhangsan@example.cn",
            "mobile": "13812345678",
        }
        assert api.user.get(userid="zhang-san").getProperty("mobile") == "13812345678"

    def test_member_logs_in_with_mobile(self, url):
        """The new member logs in with their mobile number and password."""
        register(url)
        session = log_in(url, "13812345678", PASSWORD)
        assert "__ac" in session.cookies

        response = session.get(f"{url}/@@personal-information")
        page = lxml.html.fromstring(response.text)
        mobile = page.get_element_by_id("form-widgets-mobile")
        assert mobile.get("value") == "13812345678"

    def test_wrong_password_refused(self, url):
        """A wrong password does not log the member in."""
        register(url)
        session = log_in(url, "13812345678", "not-the-password")
        assert "__ac" not in session.cookies


class TestRefusals:
    @pytest.mark.parametrize(
        "changes,field,message",
        [
            ({"mobile": "1381234567"}, "mobile", validate_mobile("1381234567")),
            ({"mobile": "12812345678"}, "mobile", validate_mobile("12812345678")),
            ({"mobile": ""}, "mobile", validate_mobile("")),
            (
                {"fullname": "  "},
                "fullname",
                _("error_full_name_required", default="Enter your full name."),
            ),
            (
                {"email": "zhangsan.example.cn"},
                "email",
                PMF("Invalid email address."),
            ),
            ({"email": ""}, "email", validate_email("")),
            (
                {"password_ctl": "Zy-2025-hal1"},
                "password_ctl",
                _(
                    "error_password_mismatch",
                    default="The two passwords differ; type the same password twice.",
                ),
            ),
            (
                {"password": "short", "password_ctl": "short"},
                "password",
                _(
                    "error_password_too_short",
                    default="A password has at least ${minimum} characters.",
                    mapping={"minimum": 8},
                ),
            ),
        ],
        ids=[
            "short-mobile",
            "bad-prefix",
            "no-mobile",
            "no-name",
            "bad-email",
            "no-email",
            "password-mismatch",
            "short-password",
        ],
    )
    def test_refused(self, url, changes, field, message):
        """Bad input is refused with a Chinese message at its field; nobody is added."""
        before = member_count()
        page = register(url, **changes)

        error = field_error(page, field)
        assert error is not None
        assert member_count() == before
        assert error == chinese(message)

    def test_duplicate_mobile_refused(self, url):
        """A number already registered is refused; the first member stays alone."""
        register(url)
        before = member_count()
        page = register(url, mobile="138-1234-5678", fullname="李四")

        error = field_error(page, "mobile")
        assert error is not None
        assert member_count() == before
        assert error == chinese(REGISTERED)


def save_personal_information(session, url, **changes):
    """Change and save one's personal information; return the page shown after."""
    page = lxml.html.fromstring(session.get(f"{url}/@@personal-information").text)
    form = page.get_element_by_id("form")
    fields = dict(form.form_values())
    for name, value in changes.items():
        fields[f"form.widgets.{name}"] = value
    fields["form.buttons.save"] = "保存"
    response = session.post(form.action, data=fields)
    assert response.status_code == 200
    return lxml.html.fromstring(response.text)


class TestPersonalInformation:
    def test_new_mobile_is_new_login(self, url):
        """A member who changes their number logs in with the new one."""
        register(url)
        session = log_in(url, "13812345678", PASSWORD)
        save_personal_information(session, url, mobile="139 1234 5678")

        transaction.begin()
        member = api.user.get(userid="zhang-san")
        assert member.getProperty("mobile") == "13912345678"
        assert "__ac" in log_in(url, "13912345678", PASSWORD).cookies
        assert "__ac" not in log_in(url, "13812345678", PASSWORD).cookies

    @pytest.mark.parametrize(
        "mobile,message",
        [
            ("1391234567", validate_mobile("1391234567")),
            ("", validate_mobile("")),
            ("13700001111", REGISTERED),
        ],
        ids=["bad", "none", "taken"],
    )
    def test_bad_or_taken_mobile_refused(self, url, mobile, message):
        """A bad number, none at all or somebody else's is refused."""
        register(url, mobile="13700001111", fullname="李四", email="lisi@example.cn")
        register(url)
        session = log_in(url, "13812345678", PASSWORD)
        page = save_personal_information(session, url, mobile=mobile)

        error = field_error(page, "mobile")
        assert error is not None
        transaction.begin()
        member = api.user.get(userid="zhang-san")
        assert member.getProperty("mobile") == "13812345678"
        assert member.getUserName() == "13812345678"
        assert error == chinese(message)


class TestAddingStaff:
    def test_taken_mobile_refused(self, url):
        """An administrator cannot give a new account a citizen's number."""
        register(url)
        auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        page = lxml.html.fromstring(requests.get(f"{url}/@@new-user", auth=auth).text)
        form = page.get_element_by_id("form")
        fields = dict(form.form_values())
        fields.update(
            {
                "form.widgets.username": "clerk",
                "form.widgets.fullname": "王五",
                "form.widgets.email": "clerk@example.cn",
                "form.widgets.mobile": "13812345678",
                "form.widgets.password": PASSWORD,
                "form.widgets.password_ctl": PASSWORD,
                "form.buttons.register": "注册",
            }
        )
        response = requests.post(form.action, data=fields, auth=auth)

        error = field_error(lxml.html.fromstring(response.text), "mobile")
        assert error is not None
        transaction.begin()
        assert api.user.get(username="clerk") is None
        assert error == chinese(REGISTERED)


class TestMembers:
    @pytest.fixture
    def citizen(self, portal):
        """A member who logs in with their mobile number."""
        with api.env.adopt_roles(["Manager"]):
            user = api.user.create(
                email="wangwu@example.cn",
                username="wang-wu",
                password=PASSWORD,
                properties={"fullname": "王五", "mobile": "13900001111"},
            )
            portal.acl_users.updateLoginName("wang-wu", "13900001111")
        return user

    @pytest.mark.parametrize(
        "typed", ["13900001111", "139 0000 1111", "+8613900001111"]
    )
    def test_find_by_mobile(self, citizen, typed):
        """A member is found by their number however it is typed."""
        assert members.find_member_by_mobile(typed).getId() == "wang-wu"

    def test_find_by_property(self, portal):
        """A member of staff is found by the number in their properties."""
        with api.env.adopt_roles(["Manager"]):
            api.user.create(
                email="clerk@example.cn",
                username="clerk",
                password=PASSWORD,
                properties={"mobile": "13700002222"},
            )
        assert members.find_member_by_mobile("13700002222").getId() == "clerk"

    def test_unknown_mobile(self, citizen):
        """A number nobody registered finds nobody."""
        assert members.find_member_by_mobile("13900002222") is None
        assert members.find_member_by_mobile("") is None

    def test_contact_by_id(self, citizen):
        """A member's contact details are found from their user id."""
        assert members.member_contact("wang-wu") == {
            "user_id": "wang-wu",
            "name": "王五",
            "email": "wangwu@example.cn",
            "mobile": "13900001111",
        }

    def test_contact_of_nobody(self, portal):
        """An unknown user id has no contact details."""
        assert members.member_contact("nobody-here") is None

    def test_check_mobile_lets_owner_keep_number(self, citizen):
        """The owner of a number may keep it; somebody else may not take it."""
        assert members.check_mobile("13900001111", user_id="wang-wu") is None
        assert members.check_mobile("13900001111") is not None

    def test_changed_mobile_becomes_login(self, citizen):
        """A member who changes their number logs in with the new one."""
        with api.env.adopt_roles(["Manager"]):
            member = api.user.get(userid="wang-wu")
            member.setMemberProperties({"mobile": "13900003333"})
            assert members.follow_mobile_with_login(member, "13900001111") is True
        assert api.user.get(userid="wang-wu").getUserName() == "13900003333"

    def test_staff_login_unchanged(self, portal):
        """A member of staff keeps their user name when their number changes."""
        with api.env.adopt_roles(["Manager"]):
            member = api.user.create(
                email="clerk@example.cn",
                username="clerk",
                password=PASSWORD,
                properties={"mobile": "13700002222"},
            )
            member.setMemberProperties({"mobile": "13700003333"})
            assert members.follow_mobile_with_login(member, "13700002222") is False
        assert api.user.get(userid="clerk").getUserName() == "clerk"
