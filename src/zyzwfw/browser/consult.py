"""The pages of consultations: asking, a question's page, the staff's desk.

``<item>/@@consult`` asks about an item, ``<site>/@@consult`` asks generally;
``<consultation>`` is read and acted on by its asker, its department's staff,
the centre and the supervisor; ``<site>/@@consultation-desk`` lists the
questions the staff member's departments must answer, the earliest due
first, overdue ones in red. The rules are in :mod:`zyzwfw.consultations`.
"""

from AccessControl import Unauthorized
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate
from zyzwfw import _
from zyzwfw import applications
from zyzwfw import bots
from zyzwfw import cases
from zyzwfw import complaints
from zyzwfw import consultations
from zyzwfw.browser.application import date_text
from zyzwfw.browser.application import form_text
from zyzwfw.browser.application import time_text
from zyzwfw.browser.application import without_portlets
from zyzwfw.browser.desks import deadline_text
from zyzwfw.browser.desks import question_row
from zyzwfw.content.consultation import ANSWER_MAX_LENGTH
from zyzwfw.content.consultation import QUESTION_MAX_LENGTH
from zyzwfw.content.service_item import IServiceItem
from zyzwfw.transactions import commit_with_retries

import transaction


#: The inputs of the ask form, in its order.
ASK_FIELDS = ("question", "name", "mobile", "email", "consent")


def client_address(request):
    """Return the address of the client, for the rate limits.

    :param request: The request.
    :returns: The address, or ``unknown``.
    :rtype: str
    """
    return request.getClientAddr() or "unknown"


class ConsultView(BrowserView):
    """Ask a question about an item, or generally on the site."""

    honeypot_field = bots.HONEYPOT_FIELD
    question_max = QUESTION_MAX_LENGTH

    def __call__(self):
        self.errors = {}
        self.consultation = None
        without_portlets(self.request)
        if self.request.method == "POST":
            self.handle()
        return self.index()

    def item(self):
        """Return the item asked about, or ``None`` for a general question."""
        return self.context if IServiceItem.providedBy(self.context) else None

    def handle(self):
        """Store the question, or note what is wrong with it.

        :raises Forbidden: If the form's authenticator is missing or wrong.
        """
        CheckAuthenticator(self.request)
        client = client_address(self.request)
        values = {
            # Cut far above the limit, so that the error can say how long it was.
            "question": form_text(self.request, "question", QUESTION_MAX_LENGTH * 10),
            "name": form_text(self.request, "name"),
            "mobile": form_text(self.request, "mobile"),
            "email": form_text(self.request, "email"),
            "consent": bool(form_text(self.request, "consent")),
        }

        def work():
            return consultations.ask(
                item=self.item(),
                client=client,
                honeypot=self.request.form.get(bots.HONEYPOT_FIELD, ""),
                **values,
            )

        try:
            self.consultation = commit_with_retries(work)
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
                self.errors.setdefault(error.field, error.message)
            return
        bots.count(client)

    def value(self, name):
        """Return what the visitor typed into an input, to show it again."""
        if self.consultation is not None:
            return ""
        return form_text(self.request, name, QUESTION_MAX_LENGTH)

    def describedby(self, name):
        """Return the id of an input's error, or ``None`` without one."""
        return f"consult-{name}-error" if name in self.errors else None

    def is_anonymous(self):
        """Return whether the visitor is not logged in."""
        return api.user.is_anonymous()

    def receipt(self):
        """Return what the asker keeps once the question is stored, or ``None``."""
        if self.consultation is None:
            return None
        return {
            "number": self.consultation.number,
            "due_text": date_text(self.consultation.due_date),
            "url": self.consultation.absolute_url(),
        }

    def faq(self):
        """Return the item's published questions, for the asker to read first."""
        item = self.item()
        return consultations.faq_for(item) if item is not None else []

    def form_url(self):
        """Return the address the form is sent to."""
        return f"{self.context.absolute_url()}/@@consult"

    def portal_url(self):
        """Return the address of the hall."""
        return api.portal.get().absolute_url()


class ConsultationView(BrowserView):
    """A question as its asker, its staff, the centre and the supervisor read it."""

    answer_max = ANSWER_MAX_LENGTH

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

        :returns: ``True`` when done; ``False`` to show the page again with
            the error.
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
        comment = form_text(self.request, "comment", ANSWER_MAX_LENGTH + 1)
        try:
            consultations.do_transition(
                self.context,
                transition,
                comment=comment,
                department=form_text(self.request, "department") or None,
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
        return consultations.available_transitions(self.context)

    def offered(self):
        """Return the ids of what the current user may do now, as a set."""
        return {entry["id"] for entry in self.transitions()}

    def facts(self):
        """Return the question as the desks show it, with texts to show."""
        found = consultations.summary(self.context)
        return dict(
            found,
            asked_text=time_text(found["asked"]),
            due_text=date_text(found["due_date"]),
            deadline_text=deadline_text(dict(found, paused=False)),
            answered_text=time_text(applications.local_time(self.context.answered)),
        )

    def can_see_contact(self):
        """Return whether the user may see how to reach the asker (not the public)."""
        return not api.user.is_anonymous()

    def history(self):
        """Return the question's steps, oldest first, with texts to show."""
        titles = {
            transition_id: _(transition.title)
            for transition_id, transition in api.portal.get_tool("portal_workflow")[
                consultations.WORKFLOW_ID
            ].transitions.items()
        }
        return [
            dict(
                step,
                title=titles.get(step["action"])
                or _("case_history_created", default="Asked"),
                time_text=time_text(step["time"]),
                actor_name=_full_name(step["actor"]) if step["action"] else "",
            )
            for step in cases.history(self.context, consultations.WORKFLOW_ID)
        ]

    def departments(self):
        """Return the departments the centre may route the question to."""
        return cases.department_choices()

    def guide_url(self):
        """Return the guide of the item asked about, or ``None``."""
        if not self.context.item_path:
            return None
        item = api.portal.get().unrestrictedTraverse(self.context.item_path, None)
        return item.absolute_url() if item is not None else None


def _full_name(user_id):
    if not user_id:
        return ""
    user = api.user.get(userid=user_id)
    if user is None:
        return user_id
    return user.getProperty("fullname", "") or user_id


class ConsultationDeskView(BrowserView):
    """The questions the staff member's departments must answer, earliest due first."""

    question_macros = ViewPageTemplateFile("templates/question_macros.pt")

    #: The states the desk's filter offers.
    STATES = (
        consultations.ASKED,
        consultations.ANSWERED,
        consultations.PUBLISHED,
        consultations.CLOSED,
    )

    def __call__(self):
        self.departments = applications.staff_departments()
        if not self.departments:
            raise Unauthorized("Only window staff have a consultation desk.")
        self.state = form_text(self.request, "state")
        if self.state not in self.STATES:
            self.state = consultations.ASKED
        return self.index()

    def states(self):
        """Return the filter's states with their titles."""
        return [
            {"value": state, "title": consultations.state_title(state)}
            for state in self.STATES
        ]

    def questions(self):
        """Return the listed questions, with texts to show."""
        found = consultations.desk(
            [department.UID() for department in self.departments],
            states=(self.state,),
        )
        return [question_row(entry) for entry in found]

    def portal_url(self):
        """Return the address of the hall."""
        return api.portal.get().absolute_url()

    def complaints(self):
        """Return the complaints the departments must reply to, earliest due first."""
        found = complaints.listing(
            [complaints.HANDLING],
            [department.UID() for department in self.departments],
        )
        return [
            dict(
                entry,
                received_text=time_text(entry["received"]),
                due_text=date_text(entry["due_date"]),
                deadline_text=deadline_text(dict(entry, paused=False)),
            )
            for entry in found
        ]
