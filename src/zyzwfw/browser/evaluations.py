"""The pages of service ratings: rating an application or a guide, a rating's
page with its rectification case, and the desk of rectification cases.

The rules are in :mod:`zyzwfw.evaluations`; these views read the form, call
it and show what it answers.
"""

from AccessControl import Unauthorized
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate
from zyzwfw import _
from zyzwfw import applications
from zyzwfw import evaluations
from zyzwfw.browser.application import date_text
from zyzwfw.browser.application import form_text
from zyzwfw.browser.application import time_text
from zyzwfw.browser.application import without_portlets
from zyzwfw.content.evaluation import COMMENT_MAX_LENGTH

import transaction


def rating_view(evaluation):
    """Return a rating as its pages show it.

    :param evaluation: A rating the current user may see.
    :returns: ``number``, ``level``, ``level_title``, ``comment``, ``time``
        (text), ``url``, ``state`` and ``state_title``.
    :rtype: dict
    """
    state = api.content.get_state(obj=evaluation)
    return {
        "number": evaluation.number,
        "level": evaluation.level,
        "level_title": evaluations.level_title(evaluation.level),
        "comment": evaluation.comment,
        "time": time_text(evaluation.created().asdatetime()),
        "url": evaluation.absolute_url(),
        "state": state,
        "state_title": evaluations.state_title(state),
    }


class RatingForm:
    """What the rating forms share: the levels and the values typed."""

    errors = None
    macros_template = ViewPageTemplateFile("templates/evaluation_macros.pt")

    def levels(self):
        """Return the levels to choose from, best first."""
        return evaluations.levels()

    def level_value(self):
        """Return the level chosen, to show the form again after an error."""
        return evaluations.parse_level(form_text(self.request, "level"))

    def comment_value(self):
        """Return the comment typed, to show the form again after an error."""
        return form_text(self.request, "comment", COMMENT_MAX_LENGTH + 1)

    def field_errors(self, name):
        """Return the errors of one field, ``""`` for the form as a whole."""
        return (self.errors or {}).get(name, [])

    def comment_max_length(self):
        """Return the longest comment allowed."""
        return COMMENT_MAX_LENGTH

    def _read_errors(self, invalid):
        for error in invalid.errors:
            self.errors.setdefault(error.field, []).append(error.message)


class EvaluationSectionView(BrowserView, RatingForm):
    """The rating part of an application's page: the invitation or the rating.

    Included in the application's page; shows nothing to those who neither
    may rate the application nor see its rating.
    """

    def update(self):
        self.errors = {}
        self.rating = None
        evaluation = evaluations.evaluation_of(self.context)
        if evaluation is not None and api.user.has_permission("View", obj=evaluation):
            self.rating = rating_view(evaluation)
        self.invited = evaluations.can_evaluate(self.context)

    def __call__(self):
        self.update()
        if self.rating is None and not self.invited:
            return ""
        return self.index()

    def form_url(self):
        """Return the address the rating form posts to."""
        return f"{self.context.absolute_url()}/@@evaluate"


class EvaluateView(BrowserView, RatingForm):
    """Rate an ended application: the form, and what happens when it is sent."""

    def __call__(self):
        without_portlets(self.request)
        self.errors = {}
        self.refused = evaluations.refusal(self.context)
        if self.refused is not None:
            if self.request.method == "POST":
                self.request.response.setStatus(400)
            return self.index()
        if self.request.method == "POST" and "rate" in self.request.form:
            done = self.rate()
            if done is not None:
                return done
        return self.index()

    def rate(self):
        """Store the rating, or note what is wrong with the form.

        :returns: ``""`` after redirecting to the application; ``None`` to
            show the form again.
        :raises Forbidden: If the form's authenticator is missing or wrong.
        """
        CheckAuthenticator(self.request)
        try:
            evaluation = evaluations.evaluate(
                self.context,
                form_text(self.request, "level"),
                form_text(self.request, "comment", COMMENT_MAX_LENGTH + 1),
            )
        except evaluations.EvaluationInvalid as invalid:
            transaction.doom()
            self._read_errors(invalid)
            self.request.response.setStatus(400)
            return None
        except (evaluations.EvaluationRefused, Unauthorized) as refused:
            transaction.doom()
            self.refused = getattr(refused, "message", None) or evaluations.refusal(
                self.context
            )
            self.request.response.setStatus(400)
            return None
        if evaluation.level in evaluations.BAD_LEVELS:
            message = _(
                "evaluation_thanks_rectify",
                default="Thank you for your rating. The department will "
                "rectify and the service centre will call you back.",
            )
        else:
            message = _("evaluation_thanks", default="Thank you for your rating.")
        api.portal.show_message(message, self.request)
        self.request.response.redirect(self.context.absolute_url())
        return ""


class GuideRatingSectionView(BrowserView, RatingForm):
    """The rating part of a guide page: how it was rated, and the form."""

    def __call__(self):
        self.errors = {}
        return self.index()

    def summary(self):
        """Return the guide's ratings so far, see :func:`evaluations.guide_summary`."""
        return evaluations.guide_summary(self.context)

    def honeypot_field(self):
        """Return the name of the field people leave empty."""
        return evaluations.HONEYPOT_FIELD

    def level_value(self):
        """Nothing is chosen on the guide page."""
        return None

    def comment_value(self):
        """Nothing is typed on the guide page."""
        return ""


class GuideRatingView(BrowserView, RatingForm):
    """Rate how clear an item's guide is: the form's target and its answer page.

    A GET shows the form on its own; the guide page embeds the same form.
    """

    def __call__(self):
        self.errors = {}
        self.refused = None
        self.done = False
        if self.request.method == "POST" and "rate" in self.request.form:
            self.rate()
        return self.index()

    def rate(self):
        """Store the rating or note why not."""
        # No authenticator: anonymous visitors rate from a cached guide page,
        # and a forged rating is what the honeypot and the limit are for.
        try:
            evaluations.rate_guide(
                self.context,
                form_text(self.request, "level"),
                form_text(self.request, "comment", COMMENT_MAX_LENGTH + 1),
                client=self.request.getClientAddr() or "unknown",
                honeypot=form_text(self.request, evaluations.HONEYPOT_FIELD),
            )
        except evaluations.TooManyRatings as refused:
            transaction.doom()
            self.request.response.setStatus(429)
            self.request.response.setHeader("Retry-After", str(refused.wait))
            self.refused = refused.message
            return
        except evaluations.EvaluationRefused as refused:
            transaction.doom()
            self.request.response.setStatus(400)
            self.refused = refused.message
            return
        except evaluations.EvaluationInvalid as invalid:
            transaction.doom()
            self.request.response.setStatus(400)
            self._read_errors(invalid)
            return
        self.done = True

    def summary(self):
        """Return the guide's ratings so far, see :func:`evaluations.guide_summary`."""
        return evaluations.guide_summary(self.context)

    def honeypot_field(self):
        """Return the name of the field people leave empty."""
        return evaluations.HONEYPOT_FIELD


class EvaluationView(BrowserView):
    """A rating's page, with its rectification case and the steps to take."""

    def __call__(self):
        without_portlets(self.request)
        self.errors = {}
        if self.request.method == "POST" and "transition" in self.request.form:
            done = self.handle_transition()
            if done is not None:
                return done
        return self.index()

    def handle_transition(self):
        """Take the step the user chose, with their text.

        :returns: ``""`` after redirecting on success; ``None`` to show the
            page again with the error.
        :raises Forbidden: If the form's authenticator is missing or wrong.
        """
        CheckAuthenticator(self.request)
        transition = form_text(self.request, "transition")
        offered = {entry["id"]: entry for entry in self.transitions()}
        comment = form_text(
            self.request, "comment", evaluations.CASE_COMMENT_MAX_LENGTH + 1
        )
        try:
            if transition not in offered:
                raise Unauthorized(transition)
            evaluations.do_transition(self.context, transition, comment)
        except evaluations.CaseRefused as refused:
            transaction.doom()
            self.errors["comment"] = [refused.message]
            return None
        except Unauthorized:
            transaction.doom()
            self.errors[""] = [
                _(
                    "evaluation_error_transition_unavailable",
                    default="This step is not available for the case now.",
                )
            ]
            return None
        api.portal.show_message(
            _(
                "application_transition_done",
                default="Done: ${transition}.",
                mapping={
                    "transition": translate(
                        offered[transition]["title"], context=self.request
                    )
                },
            ),
            self.request,
        )
        self.request.response.redirect(self.context.absolute_url())
        return ""

    def rating(self):
        """Return the rating, see :func:`rating_view`."""
        return rating_view(self.context)

    def facts(self):
        """Return the rows of the rating's summary, empty ones left out."""
        evaluation = self.context
        kind = (
            _("evaluation_kind_guide", default="Clarity of the guide")
            if evaluation.kind == evaluations.GUIDE
            else _("evaluation_kind_application", default="Service of an application")
        )
        rows = [
            (_("evaluation_label_number", default="Rating number"), evaluation.number),
            (_("evaluation_label_kind", default="Rated"), kind),
            (
                _("label_application_number", default="Application number"),
                evaluation.application_number,
            ),
            (_("application_label_item", default="Item"), evaluation.item_title),
            (_("label_department", default="Department"), evaluation.department_title),
            (
                _("evaluation_label_level", default="Rating"),
                evaluations.level_title(evaluation.level),
            ),
            (_("label_evaluation_comment", default="Comment"), evaluation.comment),
            (
                _("evaluation_label_time", default="Rated on"),
                time_text(evaluation.created().asdatetime()),
            ),
            (
                _("evaluation_label_due", default="Reply due"),
                date_text(evaluation.due_date),
            ),
        ]
        return [{"label": label, "value": value} for label, value in rows if value]

    def state(self):
        """Return the state of the rating's case."""
        return api.content.get_state(obj=self.context)

    def state_title(self):
        """Return the title of the state, a message."""
        return evaluations.state_title(self.state())

    def has_case(self):
        """Return whether the rating has a rectification case."""
        return self.state() in evaluations.CASE_STATES

    def transitions(self):
        """Return the steps the current user may take now."""
        return evaluations.available_transitions(self.context)

    def steps(self):
        """Return the steps taken so far, oldest first, ready to show."""
        return [
            dict(step, time_text=time_text(step["time"]))
            for step in evaluations.timeline(self.context)
        ]

    def field_errors(self, name):
        """Return the errors of one field, ``""`` for the form as a whole."""
        return self.errors.get(name, [])

    def comment_value(self):
        """Return the text typed, to show it again after an error."""
        return form_text(self.request, "comment", evaluations.CASE_COMMENT_MAX_LENGTH)

    def comment_help(self):
        """Return what to write for the steps offered, a message."""
        ids = {entry["id"] for entry in self.transitions()}
        if ids & {"reply", "appeal"}:
            return _(
                "evaluation_help_department",
                default="To reply, write what the department changed. To "
                "appeal, write why the rating is mistaken or malicious; a "
                "rating is appealed once.",
            )
        if "close" in ids:
            return _(
                "evaluation_help_follow_up",
                default="Write what the rater said in the follow-up call.",
            )
        return _(
            "evaluation_help_appeal",
            default="Write why the appeal is upheld or rejected. An upheld "
            "appeal takes the rating out of the statistics.",
        )


class RectificationsView(BrowserView):
    """The desk of rectification cases: a department's, or all for the centre.

    Window staff see their departments' cases; the centre and the supervisor
    see every department's. A GET parameter ``state`` shows the cases of one
    state, closed ones included.
    """

    def __call__(self):
        without_portlets(self.request)
        self.departments = applications.staff_departments()
        self.centre = (
            api.user.has_permission("View", obj=evaluations.evaluations_folder())
            and not api.user.is_anonymous()
        )
        if not self.departments and not self.centre:
            raise Unauthorized("Only staff and the centre see rectification cases.")
        self.state = form_text(self.request, "state")
        if self.state not in evaluations.CASE_STATES:
            self.state = ""
        return self.index()

    def states(self):
        """Return the states of the filter, with their titles."""
        return [
            {"value": state, "title": evaluations.state_title(state)}
            for state in evaluations.CASE_STATES
        ]

    def cases(self):
        """Return the cases to show, with their dates as text."""
        uids = None
        if not self.centre:
            uids = [department.UID() for department in self.departments]
        states = (self.state,) if self.state else evaluations.OPEN_STATES
        return [
            dict(
                case,
                created_text=time_text(case["created"]),
                due_text=date_text(case["due_date"]),
            )
            for case in evaluations.cases(uids, states)
        ]

    def portal_url(self):
        """Return the address of the hall."""
        return api.portal.get().absolute_url()
