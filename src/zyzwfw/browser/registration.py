"""Registering, logging in and keeping one's details, as a citizen of the hall.

Plone's own forms, told that a member logs in with their mobile number: the
rules themselves live in :mod:`zyzwfw.members`.
"""

from plone.app.users.browser.register import AddUserForm
from plone.app.users.browser.register import RegistrationForm
from plone.app.users.browser.userdatapanel import UserDataConfiglet
from plone.app.users.browser.userdatapanel import UserDataPanel
from plone.app.users.utils import notifyWidgetActionExecutionError
from plone.protect import CheckAuthenticator
from Products.CMFPlone.browser.login.login import LoginForm
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zyzwfw import _
from zyzwfw import logger
from zyzwfw import members
from zyzwfw.validators import normalize_email
from zyzwfw.validators import normalize_mobile
from zyzwfw.validators import validate_email


#: The fields of the registration form, in the order a citizen fills them in.
REGISTRATION_FIELDS = ("mobile", "fullname", "email", "password", "password_ctl")

# The hall checks these itself, so that what is missing or wrong gets the
# hall's own message instead of a generic "required input is missing".
_CHECKED_BY_THE_HALL = ("mobile", "fullname", "email")


def _flagged(action):
    """Return the names of the fields that already have an error."""
    return {error.field.getName() for error in action.form.widgets.errors}


def _report(action, problems):
    """Attach each problem to its field, unless the field already has one."""
    flagged = _flagged(action)
    for name, problem in problems.items():
        if problem is not None and name not in flagged:
            notifyWidgetActionExecutionError(action, name, problem)


class HallRegistrationForm(RegistrationForm):
    """Plone's registration form, with the mobile number as login name."""

    label = _("heading_register", default="Register")

    def updateFields(self):
        """Drop the user name, put the mobile number first, hall's help texts."""
        super().updateFields()
        if not self.showForm:
            return

        fields = self.fields.omit("username")
        first = [name for name in REGISTRATION_FIELDS if name in fields]
        self.fields = fields.select(*first) + fields.omit(*first)

        # These are this request's copies of the member schema's fields.
        for name in _CHECKED_BY_THE_HALL:
            self.fields[name].field.required = False
        self.fields["fullname"].field.description = _(
            "help_register_full_name",
            default="Your name as it is written on your ID card.",
        )
        minimum = members.password_minimum()
        if minimum:
            self.fields["password"].field.description = _(
                "help_register_password",
                default="At least ${minimum} characters.",
                mapping={"minimum": minimum},
            )

    def updateWidgets(self):
        """Mark the fields the hall checks itself as required."""
        super().updateWidgets()
        if not self.showForm:
            return
        for name in _CHECKED_BY_THE_HALL:
            self.widgets[name].required = True

    def updateActions(self):
        """Show the register button as the form's primary button."""
        super().updateActions()
        # Plone's submit widget makes every button not called "save", "add",
        # "login" or "comment" secondary, so this one would carry both
        # classes and show grey.
        register = self.actions["register"]
        register.klass = register.klass.replace("btn-secondary", "").strip()

    def validate_registration(self, action, data):
        """Check the mobile number, name, email and passwords a citizen gave.

        Replaces Plone's checks, which are about a user name this form does
        not ask for. Normalizes the values in ``data`` as they are stored and
        adds ``user_id`` and ``login_name`` to it.

        :param action: The register button's action.
        :param data: The values the form extracted.
        """
        CheckAuthenticator(self.request)

        data["mobile"] = normalize_mobile(data.get("mobile"))
        data["fullname"] = (data.get("fullname") or "").strip()
        data["email"] = normalize_email(data.get("email"))
        _report(
            action,
            {
                "mobile": members.check_mobile(data["mobile"]),
                "fullname": members.check_full_name(data["fullname"]),
                "email": validate_email(data["email"]),
            },
        )

        flagged = _flagged(action)
        if "password" in self.fields and not {"password", "password_ctl"} & flagged:
            password = data.get("password")
            problems = {"password": members.check_password(password)}
            if password != data.get("password_ctl"):
                problems["password_ctl"] = _(
                    "error_password_mismatch",
                    default="The two passwords differ; type the same password twice.",
                )
            _report(action, problems)

        self.generate_user_id(data)
        self.generate_login_name(data)

    def generate_user_id(self, data):
        """Give the new member an id made from their name, not their number.

        :param data: The form's values; gets ``user_id``.
        :returns: The user id.
        """
        data["user_id"] = members.new_member_id(data.get("fullname"))
        return data["user_id"]

    def generate_login_name(self, data):
        """Let the new member log in with their mobile number.

        :param data: The form's values; gets ``login_name``.
        :returns: The login name.
        """
        data["login_name"] = members.login_name_for(data.get("mobile"))
        return data["login_name"]

    def handle_join_success(self, data):
        """Create the member as Plone does, and note it in the log.

        :param data: The form's checked values.
        :returns: What Plone's form returns.
        """
        result = super().handle_join_success(data)
        if self._finishedRegister:
            logger.info("Member %s registered", data["user_id"])
        return result


class HallAddUserForm(AddUserForm):
    """Plone's form for adding a user, checking the mobile number if given."""

    def validate_registration(self, action, data):
        """Check Plone's way, then the mobile number, which staff may omit.

        :param action: The register button's action.
        :param data: The values the form extracted.
        """
        super().validate_registration(action, data)
        if data.get("mobile"):
            data["mobile"] = normalize_mobile(data["mobile"])
            _report(action, {"mobile": members.check_mobile(data["mobile"])})


class MobileDetailsMixin:
    """Check a changed mobile number, and let a member log in with it."""

    _mobile_before = ""

    def updateFields(self):
        """Say in the member's language what the email address is for."""
        super().updateFields()
        # Plone's own help text here has no Chinese translation.
        if "email" in self.fields:
            self.fields["email"].field.description = _(
                "help_member_email",
                default="The link for setting a new password is sent to this address.",
            )

    def validate_email(self, action, data):
        """Check the email Plone's way, then the mobile number.

        Plone's save button calls this for the forms that show the email,
        which are those that show the mobile number.

        :param action: The save button's action.
        :param data: The values the form extracted.
        """
        super().validate_email(action, data)
        self._mobile_before = self.member.getProperty(members.MOBILE_PROPERTY, "")
        if "mobile" not in data:
            return

        data["mobile"] = normalize_mobile(data["mobile"])
        problem = None
        if data["mobile"]:
            problem = members.check_mobile(data["mobile"], self.member.getId())
        elif self._mobile_before and self.member.getUserName() == self._mobile_before:
            # A member who logs in with the number cannot do without one.
            problem = members.check_mobile("")
        _report(action, {"mobile": problem})

    def _on_save(self, data=None):
        super()._on_save(data)
        if data and "mobile" in data:
            members.follow_mobile_with_login(self.member, self._mobile_before)


class HallUserDataPanel(MobileDetailsMixin, UserDataPanel):
    """A member's personal information."""


class HallUserDataConfiglet(MobileDetailsMixin, UserDataConfiglet):
    """A member's personal information, as an administrator edits it."""


class HallLoginForm(LoginForm):
    """Plone's login form, saying that citizens log in with their number."""

    index = ViewPageTemplateFile("templates/login.pt")

    def updateWidgets(self):
        """Name the login field after what citizens and staff type in it."""
        super().updateWidgets()
        self.widgets["ac_name"].label = _(
            "label_login_mobile", default="Mobile number or user name"
        )
