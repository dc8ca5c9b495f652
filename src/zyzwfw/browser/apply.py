"""The apply form (在线申报): a new application, a draft, or a supplement.

One form serves three cases: ``<site>/apply?item=<UID>`` starts an
application for an item, and ``<application>/@@application-form`` goes on with
a draft or supplements an application the department sent back. What makes
an application complete and correct lives in :mod:`zyzwfw.applications`; this
module reads the form, calls it, and shows its messages next to their fields.
"""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zyzwfw import _
from zyzwfw import application_settings
from zyzwfw import applications
from zyzwfw import members
from zyzwfw.browser.application import COMMENT_MAX_LENGTH
from zyzwfw.browser.application import date_text
from zyzwfw.browser.application import form_text
from zyzwfw.browser.application import supplement_request
from zyzwfw.browser.application import without_portlets
from zyzwfw.browser.catalogue import file_size
from zyzwfw.browser.service_item import downloads
from zyzwfw.content.application import APPLICANT_FIELDS
from zyzwfw.content.application import IApplication
from zyzwfw.transactions import commit_with_retries
from zyzwfw.vocabularies.applications import ID_TYPES
from zyzwfw.vocabularies.applications import RESIDENT_ID
from zyzwfw.vocabularies.catalogue import MATERIAL_REQUIREMENTS
from zyzwfw.vocabularies.catalogue import SERVED_PARTIES

import transaction


#: The fields only a legal person (法人) fills in.
LEGAL_ONLY = ("company_name", "credit_code")

#: The text inputs of the form, by group, in the order the form shows them.
#: Each input has the name of the schema field it fills.
GROUPS = (
    ("applicant", ("applicant_name", "id_type", "id_number", "mobile", "email")),
    ("legal", LEGAL_ONLY),
    ("contact", ("contact_name", "contact_mobile")),
)

# How each input is typed on a phone: its type, keyboard and autofill hint.
_INPUT_HINTS = {
    "applicant_name": ("text", None, "name"),
    "id_number": ("text", None, "off"),
    "mobile": ("tel", "numeric", "tel"),
    "email": ("email", "email", "email"),
    "company_name": ("text", None, "organization"),
    "credit_code": ("text", None, "off"),
    "contact_name": ("text", None, "off"),
    "contact_mobile": ("tel", "numeric", "off"),
}

# Inputs needed before an application may be submitted, by party.
_NEEDED = {
    "person": {"applicant_name", "id_number", "mobile"},
    "legal": {"applicant_name", "id_number", "mobile", "company_name", "credit_code"},
}

# The input that shows an error the domain reports on one of its fields.
_INPUT_OF_FIELD = {path: name for name, path in applications.FIELD_PATHS.items()}
_INPUT_OF_FIELD["remarks"] = "remarks"


def input_of(field):
    """Return the form input that shows an error of a field of the domain.

    :param field: The field as :class:`applications.FieldError` names it,
        such as ``applicant.id_number`` or ``files.id-card``.
    :type field: str
    :returns: The input's name, such as ``id_number`` or ``upload.id-card``;
        ``""`` for an error of the application as a whole.
    :rtype: str
    """
    if field.startswith("files."):
        return f"upload.{field[len('files.') :]}"
    return _INPUT_OF_FIELD.get(field, "")


def dom_id(name):
    """Return the HTML id of an input of the form.

    :param name: The input's name.
    :type name: str
    :returns: The id, such as ``apply-id_number`` or ``upload-id-card``.
    :rtype: str
    """
    if name.startswith("upload."):
        return f"upload-{name[len('upload.') :]}"
    return f"apply-{name}"


class ApplyView(BrowserView):
    """Apply online for a service item, as a member of the hall.

    Without an item, the page explains how to apply. An anonymous visitor is
    asked to log in or register; an item below online depth II says to apply
    at the window. A submitted application answers with its number and query
    code; a saved draft goes on at its own form.
    """

    form_template = ViewPageTemplateFile("templates/apply.pt")
    intro_template = ViewPageTemplateFile("templates/apply_intro.pt")
    done_template = ViewPageTemplateFile("templates/apply_done.pt")

    #: The application the form is bound to; ``None`` for a new one.
    application = None

    def __call__(self):
        self.errors = {}
        self.saved_as_draft = False
        self.files_dropped = False
        self.receipt = None
        self.repeated = False
        self.item = self.find_item()
        if self.item is None:
            if form_text(self.request, "item"):
                self.request.response.setStatus(404)
            return self.intro_template()
        if api.user.is_anonymous() or not self.item.can_apply_online():
            return self.form_template()

        self.values = self.stored_values()
        if self.request.method == "POST" and "action" in self.request.form:
            return self.handle()
        return self.form_template()

    def find_item(self):
        """Return the item of the request's ``item`` parameter, if visible.

        :returns: A service item the current user may see, or ``None``.
        """
        uid = form_text(self.request, "item")
        if not uid:
            return None
        item = api.content.get(UID=uid)
        if item is None or item.portal_type != "ServiceItem":
            return None
        return item

    # Reading the form

    def handle(self):
        """Save or submit what the form sent.

        :returns: The page to show: the confirmation after a submission, the
            form with its errors, or ``""`` after redirecting to a saved draft.
        :raises Forbidden: If the form's authenticator is missing or wrong.
        """
        CheckAuthenticator(self.request)
        party = self.party_from_request()
        self.values = self.values_from_request(party)
        applicant = {
            "name": self.values["applicant_name"],
            **{
                name: self.values[name]
                for name in APPLICANT_FIELDS
                if name not in ("party", "applicant_name")
            },
        }
        remarks = self.values["remarks"]
        files = self.uploads_from_request()
        submit = form_text(self.request, "action") == "submit"
        if self.application is None:
            return self.create(party, applicant, remarks, files, submit)
        return self.update(party, applicant, remarks, files, submit)

    def party_from_request(self):
        """Return the party the form chose, ``person`` unless it chose another."""
        party = form_text(self.request, "party")
        return party if party in ("person", "legal") else "person"

    def values_from_request(self, party):
        """Return the text inputs of the form, cut to their fields' lengths.

        A person's form may still hold a company typed before switching to
        个人; those inputs are then emptied, as the form says they are only
        for legal persons.
        """
        values = {"party": party}
        for name in APPLICANT_FIELDS[1:] + ("remarks",):
            field = IApplication[name]
            limit = getattr(field, "max_length", None) or COMMENT_MAX_LENGTH
            # The remarks keep their length, which the domain checks and names.
            if name == "remarks":
                limit = applications.REMARKS_MAX_LENGTH + 1
            values[name] = form_text(self.request, name, limit)
        if not values["id_type"]:
            values["id_type"] = RESIDENT_ID
        if party != "legal":
            for name in LEGAL_ONLY:
                values[name] = ""
        return values

    def uploads_from_request(self):
        """Return the files chosen in the form, by material id.

        :returns: Material id → :class:`applications.Upload`; slots left
            empty are left out.
        :rtype: dict
        """
        files = {}
        for slot in applications.material_slots(self.item):
            upload = self.request.form.get(f"upload.{slot['id']}")
            filename = getattr(upload, "filename", "") or ""
            if not filename:
                continue
            upload.seek(0)
            files[slot["id"]] = applications.Upload(filename, upload.read())
        return files

    # Storing

    def create(self, party, applicant, remarks, files, submit):
        """Create the application as a draft, or submit it at once.

        The same form sent again (a reload of the confirmation, a second tap)
        makes nothing new: its draft is saved or submitted, or its submitted
        application is confirmed again.
        """
        token = self.form_token()
        made = applications.application_of_form(token)
        if made is not None:
            if api.content.get_state(obj=made) == applications.DRAFT:
                self.application = made
                return self.update(party, applicant, remarks, files, submit)
            return self.done(
                applications.Receipt(
                    made, made.number, None, api.content.get_state(obj=made)
                ),
                repeated=True,
            )

        def work():
            return applications.create_application(
                self.item,
                applicant=applicant,
                files=files,
                remarks=remarks,
                party=party,
                submit=submit,
                form_token=token,
            )

        try:
            # Submissions take the next number of the year and may conflict;
            # they are committed here and retried rather than failing.
            receipt = commit_with_retries(work) if submit else work()
        except applications.ApplicationInvalid as invalid:
            transaction.doom()
            self.files_dropped = bool(files)
            return self.show_errors(invalid.errors)
        if submit:
            # Without a code, the same form was submitted at the same moment.
            return self.done(receipt, repeated=receipt.query_code is None)
        return self.draft_saved(receipt.application)

    def update(self, party, applicant, remarks, files, submit):
        """Change the bound application, and submit it if asked to."""
        application = self.application
        stage = []

        def work():
            stage.clear()
            applications.update_draft(
                application,
                applicant=applicant,
                files=files,
                remarks=remarks,
                party=party,
            )
            stage.append("saved")
            if submit:
                return applications.submit_application(application, self.item)
            return None

        try:
            receipt = commit_with_retries(work) if submit else work()
        except applications.ApplicationInvalid as invalid:
            if stage:
                # The changes were right, only incomplete: keep them, files
                # included, so that the applicant does not upload them again.
                self.saved_as_draft = True
            else:
                transaction.doom()
                self.files_dropped = bool(files)
            return self.show_errors(invalid.errors)
        if submit:
            return self.done(receipt)
        return self.draft_saved(application)

    def draft_saved(self, application):
        """Say the draft was saved and go on at its own form."""
        api.portal.show_message(
            _(
                "apply_draft_saved",
                default="Saved. You can come back to it from My applications "
                "and submit it when it is complete.",
            ),
            self.request,
        )
        self.request.response.redirect(
            f"{application.absolute_url()}/@@application-form"
        )
        return ""

    def show_errors(self, errors):
        """Show the form again with each error next to its input."""
        for error in errors:
            self.errors.setdefault(input_of(error.field), []).append(error.message)
        return self.form_template()

    def done(self, receipt, repeated=False):
        """Show the confirmation of a submission, with its number and code.

        :param receipt: What the submission gave back.
        :param repeated: Whether the form had been submitted before, so that
            the code is not shown again.
        """
        self.receipt = receipt
        self.repeated = repeated
        # The query code is shown this once; no cache may keep the page.
        self.request.response.setHeader("Cache-Control", "no-store")
        return self.done_template()

    # What the templates show

    def stored_values(self):
        """Return the values the form starts with.

        :returns: Input name → value: the bound application's, or for a new
            application the member's own name, mobile number and e-mail.
        :rtype: dict
        """
        if self.application is not None:
            values = {
                name: getattr(self.application, name, None) or ""
                for name in APPLICANT_FIELDS + ("remarks",)
            }
            values["party"] = values["party"] or self.parties()[0]["value"]
            values["id_type"] = values["id_type"] or RESIDENT_ID
            return values

        values = dict.fromkeys(APPLICANT_FIELDS + ("remarks",), "")
        values["party"] = self.parties()[0]["value"]
        values["id_type"] = RESIDENT_ID
        contact = members.member_contact(api.user.get_current()) or {}
        values["applicant_name"] = contact.get("name", "")
        values["mobile"] = contact.get("mobile", "")
        values["email"] = contact.get("email", "")
        return values

    def value(self, name):
        """Return the value the form shows in an input, ``""`` for none."""
        return self.values.get(name, "")

    def form_token(self):
        """Return the one-time token of a new application's form.

        The token the form sent is kept, so that the form shown again with
        its errors still names the same application; a fresh form gets a new
        one.

        :rtype: str
        """
        if getattr(self, "_form_token", None) is None:
            sent = form_text(self.request, "form_token", 32)
            self._form_token = (
                sent
                if applications.FORM_TOKEN.fullmatch(sent)
                else applications.new_form_token()
            )
        return self._form_token

    def form_url(self):
        """Return the address the form posts to."""
        if self.application is not None:
            return f"{self.application.absolute_url()}/@@application-form"
        return f"{api.portal.get().absolute_url()}/apply"

    def login_url(self):
        """Return the login form, coming back to this item's apply page."""
        portal_url = api.portal.get().absolute_url()
        came_from = f"{portal_url}/apply?item={self.item.UID()}"
        return f"{portal_url}/login?{urlencode({'came_from': came_from})}"

    def register_url(self):
        """Return the registration form of the hall."""
        return f"{api.portal.get().absolute_url()}/@@register"

    def parties(self):
        """Return the kinds of applicant the item serves, for the radio buttons.

        :returns: Dicts with ``value``, ``title``, ``id`` and ``checked``;
            both kinds if the item names none.
        :rtype: list
        """
        served = set(self.item.served_parties or ()) or {"person", "legal"}
        chosen = getattr(self, "values", {}).get("party")
        options = [
            {"value": value, "title": title, "id": f"apply-party-{value}"}
            for value, title in SERVED_PARTIES
            if value in served
        ]
        for option in options:
            option["checked"] = option["value"] == (chosen or options[0]["value"])
        return options

    def serves_legal(self):
        """Return whether a legal person may apply for the item."""
        return any(option["value"] == "legal" for option in self.parties())

    def groups(self):
        """Return the applicant's inputs in their groups, ready to show.

        :returns: ``{group: [input, ...]}``; each input a dict with ``name``,
            ``id``, ``label``, ``help``, ``value``, ``kind`` (``text`` or
            ``select``), ``type``, ``inputmode``, ``autocomplete``,
            ``maxlength``, ``needed``, ``errors``, ``describedby`` and, for a
            select, ``options``.
        :rtype: dict
        """
        needed = _NEEDED["legal"] if self.serves_legal() else _NEEDED["person"]
        groups = {}
        for group, names in GROUPS:
            groups[group] = [self.field(name, name in needed) for name in names]
        return groups

    def field(self, name, needed):
        """Return one input of the applicant, see :meth:`groups`."""
        schema_field = IApplication[name]
        kind, inputmode, autocomplete = _INPUT_HINTS.get(name, ("text", None, "off"))
        field = {
            "name": name,
            "id": dom_id(name),
            "label": schema_field.title,
            "help": schema_field.description or None,
            "value": self.value(name),
            "kind": "select" if name == "id_type" else "text",
            "type": kind,
            "inputmode": inputmode,
            "autocomplete": autocomplete,
            "maxlength": getattr(schema_field, "max_length", None),
            "needed": needed,
            "errors": self.errors.get(name, []),
        }
        field["describedby"] = self.describedby(name, help=bool(field["help"]))
        if name == "id_type":
            field["options"] = [
                {"value": value, "title": title, "selected": value == field["value"]}
                for value, title in ID_TYPES
            ]
        return field

    def describedby(self, name, help=False):
        """Return the ids that describe an input: its help and its error.

        :param name: The input's name.
        :type name: str
        :param help: Whether the input has a help text.
        :type help: bool
        :returns: The ids, or ``None`` for none, so that the attribute is left out.
        :rtype: str or None
        """
        ids = []
        if help:
            ids.append(f"{dom_id(name)}-help")
        if self.errors.get(name):
            ids.append(f"{dom_id(name)}-error")
        return " ".join(ids) or None

    def error_summary(self):
        """Return every error with the id of its input, in the order of the form.

        :returns: Dicts with ``message`` and ``href`` (``None`` for an error
            of the whole application).
        :rtype: list
        """
        order = ["", "party"]
        for _group, names in GROUPS:
            order += names
        order += [f"upload.{slot['id']}" for slot in self.slots()] + ["remarks"]
        ordered = [name for name in order if name in self.errors]
        ordered += [name for name in self.errors if name not in ordered]
        return [
            {"message": message, "href": f"#{dom_id(name)}" if name else None}
            for name in ordered
            for message in self.errors[name]
        ]

    def supplement(self):
        """Return the open supplement request of the bound application, if any."""
        if self.application is None:
            return None
        return supplement_request(self.application)

    def slots(self):
        """Return one upload slot per material of the item, ready to show.

        :returns: Dicts with ``id``, ``name``, ``dom_id``, ``title``,
            ``requirement_title``, ``upload_required``, ``explanation``,
            ``downloads`` (see :func:`zyzwfw.browser.service_item.downloads`),
            ``current`` (the file kept so far, with ``filename`` and
            ``size_text``, or ``None``), ``to_supplement`` (the department's
            reason, ``""`` if not asked, ``None`` if not named), ``errors``
            and ``describedby``.
        :rtype: list
        """
        stored = self.application.files if self.application is not None else {}
        asked = {}
        supplement = self.supplement()
        for entry in (supplement or {}).get("missing", ()):
            asked[entry["material"]] = entry.get("reason") or ""
        requirements = dict(MATERIAL_REQUIREMENTS)
        slots = []
        for slot in applications.material_slots(self.item):
            name = f"upload.{slot['id']}"
            blob = (stored or {}).get(slot["id"])
            describedby = [f"{dom_id(name)}-help"]
            if self.errors.get(name):
                describedby.append(f"{dom_id(name)}-error")
            slots.append(
                {
                    "id": slot["id"],
                    "name": name,
                    "dom_id": dom_id(name),
                    "title": slot["title"],
                    "requirement_title": requirements.get(slot["requirement"]),
                    "upload_required": slot["upload_required"],
                    "explanation": slot["material"].explanation,
                    "downloads": downloads(slot["material"]),
                    "current": {
                        "filename": blob.filename,
                        "size_text": file_size(blob.getSize()),
                    }
                    if blob is not None
                    else None,
                    "to_supplement": asked.get(slot["id"]),
                    "errors": self.errors.get(name, []),
                    "describedby": " ".join(describedby),
                }
            )
        return slots

    def accept(self):
        """Return the ``accept`` attribute of the file inputs, ``.pdf,.jpg,…``."""
        return ",".join(
            f".{kind}" for kind in application_settings.get("allowed_kinds")
        )

    def upload_rules(self):
        """Return what may be uploaded, as a message."""
        kinds = "、".join(
            kind.upper() for kind in application_settings.get("allowed_kinds")
        )
        return _(
            "apply_upload_rules",
            default="Files of the kinds ${kinds}, at most ${size} MB each and "
            "${total} MB in all.",
            mapping={
                "kinds": kinds,
                "size": application_settings.get("max_file_size"),
                "total": application_settings.get("max_total_size"),
            },
        )

    def remarks_max(self):
        """Return the longest remarks allowed, in characters."""
        return applications.REMARKS_MAX_LENGTH

    def is_supplement(self):
        """Return whether the form supplements an application sent back."""
        if self.application is None:
            return False
        return api.content.get_state(obj=self.application) == applications.SUPPLEMENT

    def guide_url(self):
        """Return the address of the item's guide."""
        return self.item.absolute_url()

    def department_title(self):
        """Return the title of the item's department, ``""`` without one."""
        department = self.item.department()
        return department.Title() if department is not None else ""

    # The confirmation

    def receipt_facts(self):
        """Return what the confirmation tells about the submitted application.

        :returns: A dict with ``number``, ``code`` (``None`` after a
            resubmission or a repeated form), ``resubmitted``, ``repeated``,
            ``url``, ``step_due`` and ``due``.
        :rtype: dict
        """
        application = self.receipt.application
        return {
            "number": self.receipt.number,
            "code": self.receipt.query_code,
            "resubmitted": self.receipt.query_code is None and not self.repeated,
            "repeated": self.repeated,
            "url": application.absolute_url(),
            "item": application.item_title,
            "step_due": date_text(application.step_due_date),
            "due": date_text(application.due_date),
        }

    def portal_url(self):
        """Return the address of the hall."""
        return api.portal.get().absolute_url()


class ApplicationFormView(ApplyView):
    """The apply form bound to an application: a draft, or one to supplement."""

    def __call__(self):
        application = self.context
        if not api.user.has_permission("Modify portal content", obj=application):
            api.portal.show_message(
                _(
                    "apply_cannot_change",
                    default="This application cannot be changed any more.",
                ),
                self.request,
                type="warning",
            )
            self.request.response.redirect(application.absolute_url())
            return ""
        self.application = application
        without_portlets(self.request)
        return super().__call__()

    def find_item(self):
        """Return the item the bound application is for."""
        return applications.item_of(self.context)
