"""The pages of complaints: filing, following up, a complaint's page, routing.

``<site>/@@complain`` files a complaint, anonymously or not, and shows its
number and follow-up code once; ``<site>/@@complaint-lookup`` lets anyone
with both read the reply and give feedback; ``<complaint>`` is where the
centre assigns and the department replies; ``<site>/@@case-routing`` lists,
for the centre and the supervisor, the general questions to route and the
complaints under way. The rules are in :mod:`zyzwfw.complaints`.
"""

from AccessControl import Unauthorized
from plone import api
from plone.namedfile.utils import stream_data
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zope.i18n import translate
from zyzwfw import _
from zyzwfw import applications
from zyzwfw import bots
from zyzwfw import cases
from zyzwfw import complaints
from zyzwfw import consultations
from zyzwfw.browser.application import content_disposition
from zyzwfw.browser.application import date_text
from zyzwfw.browser.application import form_text
from zyzwfw.browser.application import time_text
from zyzwfw.browser.application import without_portlets
from zyzwfw.browser.catalogue import file_size
from zyzwfw.browser.consult import client_address
from zyzwfw.browser.desks import deadline_text
from zyzwfw.content.complaint import SUBJECT_MAX_LENGTH
from zyzwfw.content.complaint import TEXT_MAX_LENGTH
from zyzwfw.transactions import commit_with_retries

import transaction


#: The longest number or code read from the look-up form.
LOOKUP_MAX_LENGTH = 40


def _uploads(request):
    """Return the files sent in the form's ``attachment`` inputs, as pairs."""
    value = request.form.get("attachment", [])
    if not isinstance(value, (list, tuple)):
        value = [value]
    pairs = []
    for upload in value:
        filename = getattr(upload, "filename", None)
        if not filename:
            continue
        upload.seek(0)
        pairs.append((filename, upload.read()))
    return pairs


class ComplainView(BrowserView):
    """File a complaint."""

    honeypot_field = bots.HONEYPOT_FIELD
    subject_max = SUBJECT_MAX_LENGTH
    text_max = TEXT_MAX_LENGTH
    attachments_max = complaints.MAX_ATTACHMENTS

    def __call__(self):
        self.errors = {}
        self.receipt = None
        without_portlets(self.request)
        self.request.response.setHeader("Cache-Control", "no-store")
        if self.request.method == "POST":
            self.handle()
        return self.index()

    def handle(self):
        """Store the complaint, or note what is wrong with it.

        :raises Forbidden: If the form's authenticator is missing or wrong.
        """
        CheckAuthenticator(self.request)
        client = client_address(self.request)
        values = {
            "subject": form_text(self.request, "subject", SUBJECT_MAX_LENGTH + 1),
            "text": form_text(self.request, "text", TEXT_MAX_LENGTH + 1),
            "department": form_text(self.request, "department") or None,
            "application_number": form_text(self.request, "application_number"),
            "name": form_text(self.request, "name"),
            "mobile": form_text(self.request, "mobile"),
            "email": form_text(self.request, "email"),
        }
        attachments = _uploads(self.request)

        def work():
            return complaints.file_complaint(
                attachments=attachments,
                client=client,
                honeypot=self.request.form.get(bots.HONEYPOT_FIELD, ""),
                **values,
            )

        try:
            self.receipt = commit_with_retries(work)
        except bots.BotRefused as refused:
            transaction.abort()
            self.request.response.setStatus(refused.status)
            if refused.wait:
                self.request.response.setHeader("Retry-After", str(refused.wait))
            self.errors[""] = refused.message
            return
        except cases.CaseInvalid as invalid:
            transaction.abort()
            for error in invalid.errors:
                field = error.field.split(".")[0]
                self.errors.setdefault(field, error.message)
            return
        bots.count(client)

    def value(self, name):
        """Return what the visitor typed into an input, to show it again."""
        if self.receipt is not None:
            return ""
        return form_text(self.request, name, TEXT_MAX_LENGTH)

    def describedby(self, name):
        """Return the id of an input's error, or ``None`` without one."""
        return f"complain-{name}-error" if name in self.errors else None

    def departments(self):
        """Return the departments to choose from."""
        return cases.department_choices()

    def upload_rules(self):
        """Return the upload policy as a message."""
        return _(
            "complain_upload_rules",
            default="Up to ${count} files of the types ${kinds}, each at most "
            "${size} MB.",
            mapping={
                "count": complaints.MAX_ATTACHMENTS,
                "kinds": ", ".join(
                    kind.upper()
                    for kind in applications.application_settings.get("allowed_kinds")
                ),
                "size": applications.application_settings.get("max_file_size"),
            },
        )

    def portal_url(self):
        """Return the address of the hall."""
        return api.portal.get().absolute_url()


class ComplaintLookupView(BrowserView):
    """Follow a complaint with its number and code, and answer its reply."""

    def __call__(self):
        self.errors = {}
        self.found = None
        self.done = None
        without_portlets(self.request)
        self.request.response.setHeader("Cache-Control", "no-store")
        self.request.response.setHeader("Referrer-Policy", "no-referrer")
        self.number = form_text(self.request, "number", LOOKUP_MAX_LENGTH)
        self.code = form_text(self.request, "code", LOOKUP_MAX_LENGTH)
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            complaint = self.look_up()
            if complaint is not None and self.request.form.get("feedback"):
                self.give_feedback(complaint)
            if complaint is not None:
                self.found = complaints.follow_up(complaint)
        return self.index()

    def look_up(self):
        """Return the complaint of the pair, or note what is wrong."""
        if not self.number:
            self.errors["number"] = _(
                "lookup_error_number", default="Enter the complaint number."
            )
        if not self.code:
            self.errors["code"] = _("lookup_error_code", default="Enter the code.")
        if self.errors:
            return None
        try:
            return complaints.find_with_code(
                self.number, self.code, client_address(self.request)
            )
        except applications.TooManyLookups as refused:
            self.request.response.setStatus(429)
            self.request.response.setHeader("Retry-After", str(refused.wait))
            self.errors[""] = refused.message
        except complaints.ComplaintNotFound as missing:
            self.errors[""] = missing.message
        return None

    def give_feedback(self, complaint):
        """Close the complaint with the feedback, or reopen it."""
        choice = form_text(self.request, "feedback")
        comment = form_text(self.request, "comment", complaints.REPLY_MAX_LENGTH)
        try:
            complaints.give_feedback(
                complaint,
                satisfied=choice == "satisfied",
                comment=comment,
                reopen=choice == "reopen",
                with_code=True,
            )
        except cases.TransitionRefused as refused:
            transaction.doom()
            self.errors["feedback"] = refused.message
            return
        except Unauthorized:
            transaction.doom()
            self.errors["feedback"] = _(
                "case_error_transition_unavailable",
                default="This step is not available now.",
            )
            return
        self.done = _("lookup_feedback_done", default="Thank you for your feedback.")

    def result(self):
        """Return what was found, ready to show, or ``None``."""
        if self.found is None:
            return None
        found = self.found
        return dict(
            found,
            received_text=time_text(found["received"]),
            due_text=date_text(found["due_date"]),
            steps=[
                dict(step, time_text=time_text(step["time"])) for step in found["steps"]
            ],
        )

    def describedby(self, name):
        """Return the id of an input's error, or ``None`` without one."""
        return f"lookup-{name}-error" if name in self.errors else None

    def portal_url(self):
        """Return the address of the hall."""
        return api.portal.get().absolute_url()


class ComplaintView(BrowserView):
    """A complaint as the complainant, centre, staff and supervisor see it."""

    reply_max = complaints.REPLY_MAX_LENGTH

    def __call__(self):
        self.errors = {}
        without_portlets(self.request)
        if self.request.method == "POST" and "transition" in self.request.form:
            if self.handle_transition():
                self.request.response.redirect(self.context.absolute_url())
                return ""
        return self.index()

    def handle_transition(self):
        """Make the transition chosen in one of the page's forms.

        :returns: ``True`` when done, ``False`` to show the page with the error.
        :raises Forbidden: If the form's authenticator is missing or wrong.
        """
        CheckAuthenticator(self.request)
        transition = form_text(self.request, "transition")
        offered = {entry["id"]: entry for entry in self.transitions()}
        if transition not in offered:
            transaction.doom()
            self.errors[""] = _(
                "case_error_transition_unavailable",
                default="This step is not available now.",
            )
            return False
        extra = {}
        if transition == "close" and "satisfied" in self.request.form:
            extra["satisfied"] = form_text(self.request, "satisfied") == "yes"
        try:
            complaints.do_transition(
                self.context,
                transition,
                comment=form_text(
                    self.request, "comment", complaints.REPLY_MAX_LENGTH + 1
                ),
                department=form_text(self.request, "department") or None,
                **extra,
            )
        except cases.TransitionRefused as refused:
            transaction.doom()
            self.errors[transition] = refused.message
            return False
        api.portal.show_message(
            _(
                "case_transition_done",
                default="Done: ${transition}.",
                mapping={
                    "transition": translate(
                        offered[transition]["title"], context=self.request
                    )
                },
            ),
            self.request,
        )
        return True

    def transitions(self):
        """Return what the current user may do now."""
        return complaints.available_transitions(self.context)

    def offered(self):
        """Return the ids of what the current user may do now, as a set."""
        return {entry["id"] for entry in self.transitions()}

    def is_complainant(self):
        """Return whether the current user filed the complaint."""
        if api.user.is_anonymous():
            return False
        return api.user.get_current().getId() == self.context.complainant_id

    def facts(self):
        """Return the complaint as the lists show it, with texts to show."""
        found = complaints.summary(self.context)
        return dict(
            found,
            received_text=time_text(found["received"]),
            due_text=date_text(found["due_date"]),
            deadline_text=deadline_text(dict(found, paused=False)),
            feedback_due_text=date_text(self.context.feedback_due),
        )

    def attachments(self):
        """Return the attachments with their download addresses."""
        url = f"{self.context.absolute_url()}/@@complaint-file"
        return [
            {
                "filename": blob.filename,
                "size_text": file_size(blob.getSize()),
                "url": f"{url}?index={index}",
            }
            for index, blob in enumerate(self.context.attachments or ())
        ]

    def history(self):
        """Return the complaint's steps, oldest first, with texts to show."""
        workflow = api.portal.get_tool("portal_workflow")[complaints.WORKFLOW_ID]
        steps = []
        for step in cases.history(self.context, complaints.WORKFLOW_ID):
            transition = workflow.transitions.get(step["action"] or "")
            actor = api.user.get(userid=step["actor"]) if step["action"] else None
            steps.append(
                dict(
                    step,
                    title=_(transition.title)
                    if transition is not None
                    else _("complaint_filed", default="Filed"),
                    time_text=time_text(step["time"]),
                    actor_name=(actor.getProperty("fullname", "") or actor.getId())
                    if actor is not None
                    else "",
                )
            )
        return steps

    def departments(self):
        """Return the departments the centre may assign the complaint to."""
        return cases.department_choices()

    def transition_title(self, transition):
        """Return the title of a transition of complaints, a message."""
        workflow = api.portal.get_tool("portal_workflow")[complaints.WORKFLOW_ID]
        return _(workflow.transitions[transition].title)

    def selected_department(self):
        """Return the UID of the department to preselect when assigning."""
        return self.context.department_uid or self.context.suggested_department_uid


class ComplaintFileView(BrowserView):
    """One attachment of a complaint, always as a download."""

    def __call__(self):
        try:
            index = int(self.request.form.get("index", ""))
            blob = list(self.context.attachments or ())[index]
        except (ValueError, IndexError):
            raise NotFound("No such attachment") from None
        response = self.request.response
        response.setHeader("Content-Type", "application/octet-stream")
        response.setHeader(
            "Content-Disposition",
            content_disposition("attachment", blob.filename, f"attachment-{index}"),
        )
        response.setHeader("Content-Length", str(blob.getSize()))
        response.setHeader("X-Content-Type-Options", "nosniff")
        response.setHeader("Cache-Control", "private, no-store")
        return stream_data(blob)


class RoutingView(BrowserView):
    """The centre's page: questions to route and complaints under way.

    The supervisor reads it too; the actions are on each case's page, where
    the workflow decides who may act.
    """

    def __call__(self):
        roles = set(api.user.get_roles())
        if not (cases.is_centre() or applications.SUPERVISOR_ROLE in roles):
            raise Unauthorized("Only the centre and the supervisor route cases.")
        return self.index()

    def questions(self):
        """Return the general questions awaiting a department."""
        return [
            dict(
                entry,
                asked_text=time_text(entry["asked"]),
                due_text=date_text(entry["due_date"]),
                deadline_text=deadline_text(dict(entry, paused=False)),
            )
            for entry in consultations.routing_queue()
        ]

    def complaints(self, states):
        """Return the complaints in some states, ready to show."""
        return [
            dict(
                entry,
                received_text=time_text(entry["received"]),
                due_text=date_text(entry["due_date"]),
                deadline_text=deadline_text(dict(entry, paused=False)),
            )
            for entry in complaints.listing(states)
        ]

    def received(self):
        """Return the complaints awaiting assignment."""
        return self.complaints([complaints.RECEIVED])

    def under_way(self):
        """Return the complaints assigned and not closed."""
        return self.complaints([complaints.HANDLING, complaints.RESOLVED])
