"""An application's page (办件详情), its files, and withdrawing it.

The applicant, the department's window staff and the supervisor all read an
application on the same page; what each may do there comes from the
workflow through :func:`zyzwfw.applications.available_transitions`, so the
page offers exactly what the rules allow. The staff act on it here, with a
comment and, when they ask for a supplement, a list of what is missing.
"""

from AccessControl import Unauthorized
from plone import api
from plone.namedfile.utils import stream_data
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import quote
from urllib.parse import urlencode
from zExceptions import NotFound
from zope.i18n import translate
from zyzwfw import _
from zyzwfw import applications
from zyzwfw import notifications
from zyzwfw.browser.catalogue import file_size
from zyzwfw.content.application import IApplication
from zyzwfw.uploads import CONTENT_TYPES
from zyzwfw.vocabularies.applications import ID_TYPES
from zyzwfw.vocabularies.catalogue import SERVED_PARTIES

import transaction


#: Transitions the applicant makes; the staff's panel leaves them out.
APPLICANT_TRANSITIONS = frozenset({"submit", "resubmit", "withdraw"})

#: File types shown inside the page. Any other type is only offered as a
#: download, so that no stored file is ever rendered by the browser as a page.
INLINE_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg"})

#: The longest comment a clerk or applicant may write with a transition.
COMMENT_MAX_LENGTH = 2000

#: The longest text accepted from any other single-line input.
TEXT_MAX_LENGTH = 300


def form_text(request, name, max_length=TEXT_MAX_LENGTH):
    """Return a form value as one stripped string.

    :param request: The request.
    :param name: The name of the input.
    :type name: str
    :param max_length: Cut the value to this many characters.
    :type max_length: int
    :returns: The value, the first one if the input was repeated; ``""`` if
        absent or not text (a file, say).
    :rtype: str
    """
    value = request.form.get(name, "")
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    if not isinstance(value, str):
        return ""
    return value.strip()[:max_length]


def form_list(request, name):
    """Return the text values of a repeatable input, such as checkboxes.

    :param request: The request.
    :param name: The name of the input.
    :type name: str
    :returns: The values, each stripped; an empty list if absent.
    :rtype: list
    """
    value = request.form.get(name, [])
    if not isinstance(value, (list, tuple)):
        value = [value]
    return [entry.strip() for entry in value if isinstance(entry, str)]


def date_text(day):
    """Return a date as the hall writes it, ``2026-03-05``.

    :param day: A date, or ``None``.
    :type day: datetime.date
    :returns: The date, or ``""``.
    :rtype: str
    """
    return day.isoformat() if day else ""


def time_text(moment):
    """Return a stored time in the hall's time zone, ``2026-03-05 14:30``.

    :param moment: An aware datetime, or ``None``.
    :type moment: datetime.datetime
    :returns: The time to the minute, or ``""``.
    :rtype: str
    """
    moment = applications.local_time(moment)
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def missing_entries(entries):
    """Return the list of what is missing, each entry with a title to show.

    :param entries: The ``missing`` list of a step of
        :func:`applications.timeline`.
    :type entries: list
    :returns: The entries, each a dict with ``material``, ``title`` (the
        material's, or 其他 for something else) and ``reason``.
    :rtype: list
    """
    other = _("application_missing_other", default="Other")
    return [
        {
            "material": entry.get("material") or "",
            "title": entry.get("title") or entry.get("material") or other,
            "reason": entry.get("reason") or "",
        }
        for entry in entries or ()
    ]


def supplement_request(application):
    """Return what the department last asked the applicant to supplement.

    :param application: An application the current user may see.
    :returns: ``None`` unless the application awaits a supplement; else a
        dict with ``comment``, ``time`` (text) and ``missing`` (a list of
        dicts with ``material``, ``title`` and ``reason``).
    :rtype: dict or None
    """
    if api.content.get_state(obj=application) != applications.SUPPLEMENT:
        return None
    asked = [
        step
        for step in applications.timeline(application)
        if step["action"] == "request_supplement"
    ]
    if not asked:
        return None
    step = asked[-1]
    return {
        "comment": step.get("comment") or "",
        "time": time_text(step["time"]),
        "missing": missing_entries(step.get("missing")),
    }


def without_portlets(request):
    """Leave the portlet columns out of an application's pages.

    Applications live in folders by year and month that only the centre may
    open; the navigation portlet would list those folders to everybody else.

    :param request: The request.
    :returns: ``None``.
    """
    request.set("disable_plone.leftcolumn", True)
    request.set("disable_plone.rightcolumn", True)


def content_disposition(disposition, filename, fallback):
    """Return a ``Content-Disposition`` header that keeps a Chinese file name.

    :param disposition: ``inline`` or ``attachment``.
    :type disposition: str
    :param filename: The file's name, in any script.
    :type filename: str
    :param fallback: An ASCII name for clients that do not read RFC 5987.
    :type fallback: str
    :returns: The header's value.
    :rtype: str
    """
    return (
        f'{disposition}; filename="{fallback}"; '
        f"filename*=UTF-8''{quote(filename or fallback, safe='')}"
    )


class ApplicationView(BrowserView):
    """An application as its applicant, its staff and the supervisor read it."""

    macros_template = ViewPageTemplateFile("templates/application_macros.pt")

    def __call__(self):
        self.errors = {}
        without_portlets(self.request)
        if self.request.method == "POST" and "transition" in self.request.form:
            done = self.handle_transition()
            if done is not None:
                return done
        return self.index()

    # Acting

    def handle_transition(self):
        """Make the transition the clerk chose, with their comment.

        :returns: ``""`` after redirecting to the page on success; ``None``
            to show the page again with the error next to its field.
        :raises Forbidden: If the form's authenticator is missing or wrong.
        """
        CheckAuthenticator(self.request)
        transition = form_text(self.request, "transition")
        offered = {entry["id"]: entry for entry in self.staff_transitions()}
        if transition not in offered:
            transaction.doom()
            self.errors[""] = [
                _(
                    "application_error_transition_unavailable",
                    default="This step is not available for the application now.",
                )
            ]
            return None

        comment = form_text(self.request, "comment", COMMENT_MAX_LENGTH)
        missing = None
        if transition == "request_supplement":
            missing = self.missing_from_request()
        try:
            applications.do_transition(
                self.context, transition, comment=comment, missing=missing
            )
        except applications.TransitionRefused as refused:
            transaction.doom()
            self.errors["comment"] = [refused.message]
            return None
        except Unauthorized:
            transaction.doom()
            self.errors[""] = [
                _(
                    "application_error_transition_unavailable",
                    default="This step is not available for the application now.",
                )
            ]
            return None

        api.portal.show_message(
            _(
                "application_transition_done",
                default="Done: ${transition}.",
                mapping={"transition": self._translated(offered[transition]["title"])},
            ),
            self.request,
        )
        self.request.response.redirect(self.context.absolute_url())
        return ""

    def missing_from_request(self):
        """Return the materials the clerk marked as missing, with their reasons.

        :returns: A list of dicts with ``material`` and ``reason``, the
            materials in the item's order, then anything else the clerk named
            under the material id ``""``.
        :rtype: list
        """
        chosen = set(form_list(self.request, "missing"))
        missing = [
            {
                "material": slot["id"],
                "reason": form_text(self.request, f"missing_reason.{slot['id']}"),
            }
            for slot in self.slots()
            if slot["id"] in chosen
        ]
        other = form_text(self.request, "missing_other")
        if other:
            missing.append({"material": "", "reason": other})
        return missing

    def _translated(self, message):
        return translate(message, context=self.request)

    # Reading

    def item(self):
        """Return the item applied for, or ``None`` if it was deleted."""
        return applications.item_of(self.context)

    def slots(self):
        """Return the item's upload slots, see :func:`applications.material_slots`."""
        item = self.item()
        return applications.material_slots(item) if item is not None else []

    def state(self):
        """Return the application's state id."""
        return api.content.get_state(obj=self.context)

    def state_title(self):
        """Return the title of the application's state, a message."""
        return applications.state_title(self.state())

    def is_applicant(self):
        """Return whether the current user made the application."""
        if api.user.is_anonymous():
            return False
        return api.user.get_current().getId() == self.context.applicant_id

    def next_action(self):
        """Return what the applicant does next, a message, for the applicant only."""
        if not self.is_applicant():
            return None
        return applications.next_action(self.state())

    def can_edit(self):
        """Return whether the current user may change the application now."""
        return api.user.has_permission("Modify portal content", obj=self.context)

    def edit_url(self):
        """Return the address of the form that changes the application."""
        return f"{self.context.absolute_url()}/@@application-form"

    def withdraw_url(self):
        """Return the address of the withdrawal's confirmation, or ``None``."""
        ids = {
            entry["id"] for entry in applications.available_transitions(self.context)
        }
        if "withdraw" not in ids:
            return None
        return f"{self.context.absolute_url()}/@@withdraw-application"

    def staff_transitions(self):
        """Return the department's transitions the current user may make now.

        :returns: The dicts of :func:`applications.available_transitions`
            without the applicant's own.
        :rtype: list
        """
        return [
            entry
            for entry in applications.available_transitions(self.context)
            if entry["id"] not in APPLICANT_TRANSITIONS
        ]

    def facts(self):
        """Return the rows of the application's summary, empty ones left out.

        :returns: A list of dicts with ``label`` and ``value``.
        :rtype: list
        """
        application = self.context
        state = self.state()
        running = state in applications.OPEN_STATES
        rows = [
            (
                _("label_application_number", default="Application number"),
                application.number,
            ),
            (_("application_label_item", default="Item"), application.item_title),
            (_("label_department", default="Department"), application.department_title),
            (_("application_label_state", default="State"), self.state_title()),
            (
                _("application_label_created", default="Started"),
                time_text(application.created().asdatetime()),
            ),
            (
                _("application_label_submitted", default="Submitted"),
                time_text(application.submitted),
            ),
            (
                _("application_label_step_due", default="Current step due"),
                date_text(application.step_due_date) if running else "",
            ),
            (
                _("application_label_due", default="Due to be concluded"),
                date_text(application.due_date) if running else "",
            ),
            (
                _("application_label_paused", default="Time limit"),
                _(
                    "application_clock_paused",
                    default="Stopped until the supplement arrives",
                )
                if application.paused_on is not None
                else "",
            ),
            (
                _("application_label_closed", default="Concluded"),
                time_text(application.closed),
            ),
        ]
        return [{"label": label, "value": value} for label, value in rows if value]

    def applicant_rows(self):
        """Return what the applicant said about themselves, empty values left out.

        :returns: A list of dicts with ``label`` and ``value``.
        :rtype: list
        """
        application = self.context
        party = dict(SERVED_PARTIES).get(application.party, application.party)
        id_type = dict(ID_TYPES).get(application.id_type, application.id_type)
        rows = [
            (IApplication["party"].title, party),
            (IApplication["applicant_name"].title, application.applicant_name),
            (IApplication["id_type"].title, id_type if application.id_number else ""),
            (IApplication["id_number"].title, application.id_number),
            (IApplication["mobile"].title, application.mobile),
            (IApplication["email"].title, application.email),
            (IApplication["company_name"].title, application.company_name),
            (IApplication["credit_code"].title, application.credit_code),
            (IApplication["contact_name"].title, application.contact_name),
            (IApplication["contact_mobile"].title, application.contact_mobile),
            (IApplication["remarks"].title, application.remarks),
        ]
        return [{"label": label, "value": value} for label, value in rows if value]

    def files(self):
        """Return the uploaded files with the addresses to show and download them.

        :returns: The dicts of :func:`applications.files_of`, each with
            ``size_text``, ``url`` (inline where safe), ``download_url`` and
            ``preview`` (``pdf``, ``image`` or ``None``).
        :rtype: list
        """
        base = f"{self.context.absolute_url()}/@@material-file"
        found = []
        for entry in applications.files_of(self.context):
            query = urlencode({"material": entry["material"]})
            preview = None
            if entry["content_type"] == "application/pdf":
                preview = "pdf"
            elif entry["content_type"] in INLINE_TYPES:
                preview = "image"
            found.append(
                dict(
                    entry,
                    size_text=file_size(entry["size"]),
                    url=f"{base}?{query}",
                    download_url=f"{base}?{query}&download=1",
                    preview=preview,
                )
            )
        return found

    def show_previews(self):
        """Return whether to show the files inside the page.

        The staff and the supervisor check the materials on the page; the
        applicant, who has the files, gets the list with its links only.
        """
        return not self.is_applicant()

    def timeline(self):
        """Return the application's history, oldest first, ready to show.

        :returns: The steps of :func:`applications.timeline`, each with
            ``time_text``.
        :rtype: list
        """
        return [
            dict(
                step,
                time_text=time_text(step["time"]),
                missing=missing_entries(step.get("missing")),
            )
            for step in applications.timeline(self.context)
        ]

    def supplement(self):
        """Return the open supplement request, see :func:`supplement_request`."""
        return supplement_request(self.context)

    def messages(self):
        """Return the applicant's messages about this application, newest first.

        Only the applicant reads them: they may hold the query code.

        :returns: Dicts with ``subject``, ``body`` and ``time_text``.
        :rtype: list
        """
        if not self.is_applicant():
            return []
        url = self.context.absolute_url()
        return [
            dict(message, time_text=time_text(message["created"]))
            for message in notifications.messages_for(self.context.applicant_id)
            if message.get("link") == url
        ]

    def field_errors(self, name):
        """Return the errors of one field of the staff's form.

        :param name: The field, ``comment``, or ``""`` for the form as a whole.
        :type name: str
        :returns: A list of messages.
        :rtype: list
        """
        return self.errors.get(name, [])

    def missing_value(self, material_id):
        """Return what the clerk marked for a material, to show it again.

        :param material_id: The id of a material of the item.
        :type material_id: str
        :returns: A dict with ``checked`` and ``reason``.
        :rtype: dict
        """
        return {
            "checked": material_id in form_list(self.request, "missing"),
            "reason": form_text(self.request, f"missing_reason.{material_id}"),
        }

    def comment_value(self):
        """Return the comment the clerk typed, to show it again after an error."""
        return form_text(self.request, "comment", COMMENT_MAX_LENGTH)


class WithdrawView(BrowserView):
    """The applicant's confirmation before withdrawing an application."""

    def __call__(self):
        application = self.context
        without_portlets(self.request)
        ids = {entry["id"] for entry in applications.available_transitions(application)}
        if "withdraw" not in ids:
            api.portal.show_message(
                _(
                    "application_cannot_withdraw",
                    default="This application can no longer be withdrawn.",
                ),
                self.request,
                type="warning",
            )
            self.request.response.redirect(application.absolute_url())
            return ""

        if self.request.method == "POST" and "confirm" in self.request.form:
            CheckAuthenticator(self.request)
            comment = form_text(self.request, "comment", COMMENT_MAX_LENGTH)
            applications.do_transition(application, "withdraw", comment=comment)
            api.portal.show_message(
                _("application_withdrawn", default="The application was withdrawn."),
                self.request,
            )
            self.request.response.redirect(application.absolute_url())
            return ""
        return self.index()


class MaterialFileView(BrowserView):
    """One uploaded file of an application, served so that it cannot run.

    PDF, PNG and JPEG files are shown inline; every other type is sent as a
    download. The stored type is the one the upload check gave the file's
    verified kind, and ``nosniff`` keeps the browser from guessing another.
    """

    def __call__(self):
        material_id = form_text(self.request, "material")
        blob = applications.get_file(self.context, material_id)
        if blob is None:
            raise NotFound(self.context, material_id, self.request)

        content_type = blob.contentType
        if content_type not in CONTENT_TYPES.values():
            content_type = "application/octet-stream"
        inline = content_type in INLINE_TYPES and not self.request.form.get("download")
        _stem, dot, extension = (blob.filename or "").rpartition(".")
        fallback = (
            f"{material_id}.{extension}" if dot and extension.isascii() else material_id
        )

        response = self.request.response
        response.setHeader("Content-Type", content_type)
        response.setHeader(
            "Content-Disposition",
            content_disposition(
                "inline" if inline else "attachment", blob.filename, fallback
            ),
        )
        response.setHeader("Content-Length", str(blob.getSize()))
        response.setHeader("X-Content-Type-Options", "nosniff")
        # The files are personal: no shared cache may keep them.
        response.setHeader("Cache-Control", "private, no-store")
        return stream_data(blob)
