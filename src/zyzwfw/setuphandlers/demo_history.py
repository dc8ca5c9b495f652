"""Two years of demonstration applications, so that statistics show something.

Applications are made as objects directly, with a workflow history that
reads as if applicants and clerks had acted on the days drawn: the state,
the dates, the number, the due date and the local roles agree with that
history, but no notice is sent and no form is checked. Some applicants rate
their ended application (好差评), mostly well; a bad rating carries its
rectification case, replied to by the department and closed by the centre
unless it is too recent. The volumes grow
from last year to this one and are spread unevenly: a few departments take
most of the applications and some have none in many months. The aggregate
of :mod:`zyzwfw.statistics` is then rebuilt from these histories.

The same seed gives the same history; loading twice adds nothing.
"""

from DateTime import DateTime
from plone import api
from plone.dexterity.utils import createContent
from zyzwfw import application_settings
from zyzwfw import applications
from zyzwfw import deadlines
from zyzwfw import evaluations
from zyzwfw import logger
from zyzwfw import numbering
from zyzwfw import quality_settings
from zyzwfw import statistics
from zyzwfw.validators import id_number_check_digit

import datetime
import random
import time


#: Applications a month across the hall: last year, and this year.
MONTHLY_VOLUME = (45, 60)

#: How busy each department is, by id; others weigh 1. The skew is what a
#: city's hall sees: registrations, social security and real estate lead.
WEIGHTS = {
    "scj": 14,
    "rsj": 11,
    "bdc": 9,
    "gjj": 7,
    "zjj": 6,
    "swj": 5,
    "gaj": 4,
    "ybj": 4,
    "jtj": 3,
    "wjw": 3,
    "zrj": 2.5,
    "ygc": 2,
    "mzj": 2,
    "jyj": 1.5,
    "stj": 1.2,
    "syj": 1,
    "fgw": 0.8,
    "wgl": 0.6,
    "yjj": 0.4,
    "zlj": 0.25,
    "qxj": 0.2,
    "slj": 0.15,
}

#: Departments that started applying online only this year.
STARTED_THIS_YEAR = ("slj",)

#: What becomes of a concluded application, with its likelihood.
OUTCOMES = (
    ("approved", 0.74),
    ("refused", 0.06),
    ("rejected", 0.08),
    ("withdrawn", 0.04),
    ("supplement_then_approved", 0.08),
)

#: Share of rateable applications (approved, refused, not accepted) rated.
RATED_SHARE = 0.45

#: Likelihood of each level, 1 非常满意 to 5 非常不满意, by how the
#: application ended: a refusal is rated worse than an approval.
LEVEL_WEIGHTS = {
    applications.APPROVED: (0.64, 0.24, 0.07, 0.03, 0.02),
    applications.REFUSED: (0.22, 0.26, 0.26, 0.16, 0.10),
    applications.REJECTED: (0.28, 0.26, 0.24, 0.14, 0.08),
}

#: What raters write, by level; an empty comment is the most common.
RATING_COMMENTS = {
    1: ("", "", "窗口人员很耐心，一次就办好了。", "网上提交后很快就受理了，不用跑腿。"),
    2: ("", "", "整体顺利，材料说明可以再清楚一些。"),
    3: ("", "办理时间比预期长了两天。"),
    4: ("补正材料的要求前后说法不一致。", "电话咨询一直占线。"),
    5: ("跑了好几趟才办成，体验很差。",),
}

#: Working days after which a recent application is still open.
OPEN_WINDOW = 8

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰文斌辉鹏飞宇浩"

#: Departments whose demonstration clerk finds open cases on the worklist.
CLERK_DEPARTMENTS = ("zjj", "qxj")

#: Working days before today of the open cases given to those departments.
RECENT_DAYS = (0, 1, 2, 4, 6, 9)

#: Marks the site as holding the history, so that a second load adds nothing.
LOADED_MARK = "_zyzwfw_demo_history"


def load(site, today=None, seed=2026):
    """Add two years of applications to the demonstration hall.

    :param site: The hall, with its demonstration catalogue.
    :param today: The last day of the history; today in the hall if ``None``.
    :param seed: The seed of the random draws.
    :returns: The number of applications made (0 if the history exists).
    :rtype: int
    """
    if getattr(site.aq_base, LOADED_MARK, False):
        logger.info("The demonstration history exists; nothing added")
        return 0
    started = time.perf_counter()
    today = today or applications.hall_now().date()
    maker = _HistoryMaker(site, today, random.Random(seed))
    made = maker.make_all()
    maker.make_practice("zjj")
    setattr(site.aq_base, LOADED_MARK, True)
    statistics.rebuild()
    logger.info(
        "Loaded a demonstration history of %d applications and %d ratings in %.1f s",
        made,
        maker.ratings,
        time.perf_counter() - started,
    )
    return made


class _HistoryMaker:
    def __init__(self, site, today, rng):
        self.site = site
        self.today = today
        self.rng = rng
        self.calendar = _RememberingCalendar(applications.calendar())
        self.zone = applications.hall_now().tzinfo
        self.workflow = api.portal.get_tool("portal_workflow")[applications.WORKFLOW_ID]
        self.root = applications.applications_folder()
        self.prefix = application_settings.get("number_prefix")
        self.acceptance_days = application_settings.get("acceptance_days")
        self.default_days = application_settings.get("default_limit_days")
        self.departments = self._departments()
        self.citizens = [f"demo-applicant-{n:04d}" for n in range(1, 1201)]
        self.citizen_names = {}
        self.limits = {}
        self.rating_workflow = api.portal.get_tool("portal_workflow")[
            evaluations.WORKFLOW_ID
        ]
        self.rectification_days = quality_settings.get("rectification_days")
        self.ratings = 0
        self.recent = []

    def _departments(self):
        catalog = api.portal.get_tool("portal_catalog")
        found = []
        for brain in catalog.unrestrictedSearchResults(portal_type="Department"):
            department = brain._unrestrictedGetObject()
            items = [
                item
                for item in department.objectValues()
                if getattr(item, "portal_type", "") == "ServiceItem"
                and item.can_apply_online()
            ]
            if not items:
                continue
            code = department.getId()
            found.append(
                {
                    "object": department,
                    "uid": department.UID(),
                    "title": department.Title(),
                    "code": code,
                    "items": items,
                    "weight": WEIGHTS.get(code, 1),
                    "staff": applications.staff_group_of(department),
                    "clerks": self._clerks(code),
                }
            )
        return found

    def _clerks(self, code):
        # The demonstration clerks of zjj and qxj decide some of their
        # department's history; elsewhere clerks without an account do.
        clerks = [f"{code}-window-{n}" for n in (1, 2)]
        if api.user.get(userid=f"{code}-clerk") is not None:
            clerks.insert(0, f"{code}-clerk")
        return clerks

    # Drawing

    def make_all(self):
        """Make every month's applications, oldest first; return how many."""
        made = 0
        self.recent = self.recent_cases()
        first = datetime.date(self.today.year - 1, 1, 1)
        month = first
        while month <= self.today:
            made += self.make_month(month.year, month.month)
            month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return made

    def make_month(self, year, month):
        volume = MONTHLY_VOLUME[0 if year < self.today.year else 1]
        # Busier before the Spring Festival and in autumn, quieter in February.
        volume *= {1: 1.1, 2: 0.7, 9: 1.1, 10: 0.85, 11: 1.15}.get(month, 1.0)
        days = [
            day
            for day in _days_of(year, month)
            if day <= self.today and self.calendar.is_working_day(day)
        ]
        if not days:
            return 0
        volume *= len(days) / 21
        candidates = [
            department
            for department in self.departments
            if year == self.today.year or department["code"] not in STARTED_THIS_YEAR
        ]
        weights = [department["weight"] for department in candidates]
        count = max(int(self.rng.gauss(volume, volume * 0.08)), 1)
        drawn = []
        for _n in range(count):
            department = self.rng.choices(candidates, weights)[0]
            day = self.rng.choice(days)
            drawn.append((day, department))
        drawn += [
            (day, department)
            for day, department in self.recent
            if (day.year, day.month) == (year, month)
        ]
        drawn.sort(key=lambda pair: pair[0])
        for day, department in drawn:
            self.make_application(department, day)
        return len(drawn)

    def moment(self, day, earliest=None):
        """A time in office hours on ``day``, after ``earliest`` if given."""
        zone = self.zone
        minute = self.rng.randint(9 * 60, 17 * 60 + 30)
        when = datetime.datetime.combine(
            day, datetime.time(minute // 60, minute % 60), zone
        )
        if earliest is not None and when <= earliest:
            when = earliest + datetime.timedelta(minutes=self.rng.randint(5, 90))
        return when

    def later(self, when, low, high):
        """A moment ``low`` to ``high`` working days after ``when``."""
        day = self.calendar.add(when.date(), self.rng.randint(low, high))
        return self.moment(day, earliest=when)

    def applicant(self):
        user_id = self.rng.choice(self.citizens)
        if user_id not in self.citizen_names:
            self.citizen_names[user_id] = self.rng.choice(SURNAMES) + "".join(
                self.rng.choice(GIVEN) for _n in range(self.rng.randint(1, 2))
            )
        return user_id, self.citizen_names[user_id]

    # Making

    def recent_cases(self):
        """Return the days and departments of recent cases, most still open.

        Left to chance, a department of a few applications a month may have
        none of the last days, and its demonstration clerk would log in to an
        empty worklist. Each department of :data:`CLERK_DEPARTMENTS` gets a
        case on each of the :data:`RECENT_DAYS`; drawn with the others, they
        stand in whatever state their path has reached today, most of them
        still open and some near or past their due date.

        :returns: ``(day, department)`` pairs.
        :rtype: list
        """
        working_days = []
        day = self.today
        while len(working_days) <= max(RECENT_DAYS):
            if self.calendar.is_working_day(day):
                working_days.append(day)
            day -= datetime.timedelta(days=1)
        return [
            (working_days[back], department)
            for department in self.departments
            if department["code"] in CLERK_DEPARTMENTS
            for back in RECENT_DAYS
        ]

    def make_practice(self, code):
        """Let a department's demonstration clerk pass the training check."""
        clerk = f"{code}-clerk"
        department = next(
            (found for found in self.departments if found["code"] == code), None
        )
        if department is None or api.user.get(userid=clerk) is None:
            return None
        day = self.calendar.add(self.today - datetime.timedelta(days=30), 1)
        user = api.user.get(userid=clerk)
        return self.make_application(
            department,
            day,
            applicant=(clerk, user.getProperty("fullname") or clerk),
            clerk=clerk,
            practice=True,
        )

    def make_application(
        self, department, day, applicant=None, clerk=None, practice=False
    ):
        item = self.rng.choice(department["items"])
        user_id, name = applicant or self.applicant()
        submitted = self.moment(day)
        limits = self.limits.get(item.UID())
        if limits is None:
            limits = self.limits[item.UID()] = deadlines.limits_for(
                item, self.acceptance_days, self.default_days
            )
        due, step_due = deadlines.on_submission(self.calendar, limits, day)
        clerk = clerk or self.rng.choice(department["clerks"])

        steps, paused_days = self.path(
            submitted, user_id, clerk, due, "approved" if practice else None
        )
        # Nothing happens after today: cut the path where the future starts.
        cutoff = datetime.datetime.combine(
            self.today, datetime.time(23, 59), submitted.tzinfo
        )
        steps = [step for step in steps if step[1] <= cutoff]
        final_state = steps[-1][2]

        application = createContent("Application", title=item.Title())
        application.practice = practice
        application.applicant_id = user_id
        application.setCreators((user_id,))
        application.party = "person"
        application.applicant_name = name
        application.id_type = "resident_id"
        application.id_number = _id_number(self.rng)
        application.mobile = f"139{self.rng.randint(0, 99999999):08d}"
        application.item_uid = item.UID()
        application.item_path = "/".join(item.getPhysicalPath())
        application.item_title = item.Title()
        application.department_uid = department["uid"]
        application.department_title = department["title"]
        application.number = numbering.next_number(self.root, day.year, self.prefix)
        application.submitted = submitted.astimezone(datetime.UTC)
        application.limit_total = limits.total
        application.limit_unit = limits.unit
        application.limit_acceptance = limits.acceptance
        application.limit_handling = limits.handling
        application.due_date = due
        application.step_due_date = step_due
        application.paused_days = paused_days if final_state != "supplement" else 0
        if final_state == "supplement":
            application.paused_on = steps[-1][1].date()
        if final_state == "accepted":
            application.step_due_date = deadlines.on_acceptance(
                self.calendar, limits, steps[-1][1].date(), due
            )
        if final_state in applications.FINAL_STATES:
            application.closed = steps[-1][1].astimezone(datetime.UTC)
            application.step_due_date = None
        created = DateTime(submitted - datetime.timedelta(minutes=20))
        application.creation_date = created
        application.modification_date = DateTime(steps[-1][1])
        application.workflow_history = {
            applications.WORKFLOW_ID: tuple(
                [
                    {
                        "action": None,
                        "actor": user_id,
                        "comments": "",
                        "review_state": "draft",
                        "time": created,
                    }
                ]
                + [
                    {
                        "action": transition,
                        "actor": actor,
                        "comments": _COMMENTS.get(transition, ""),
                        "review_state": state,
                        "time": DateTime(when),
                    }
                    for transition, when, state, actor in steps
                ]
            )
        }
        application.manage_setLocalRoles(user_id, ["Owner"])
        if department["staff"]:
            application.manage_setLocalRoles(department["staff"], ["WindowStaff"])

        folder = applications._month_folder(submitted)
        application.id = applications._new_id(folder)
        folder._setObject(application.id, application, suppress_events=True)
        application = folder[application.id]
        self.workflow.updateRoleMappingsFor(application)
        if (
            not practice
            and final_state in LEVEL_WEIGHTS
            and self.rng.random() < RATED_SHARE
        ):
            self.make_rating(application, department, final_state, steps[-1][1], clerk)
        application.reindexObject()
        return application

    def make_rating(self, application, department, outcome, ended, clerk):
        """Let the applicant rate an ended application a few days later.

        A bad rating (4 or 5) opens its rectification case at once; the
        department replies within days and the centre's follow-up call
        closes it, as far as the history has reached today.
        """
        rated = self.later(ended, 0, 3)
        if rated.date() > self.today:
            return None
        level = self.rng.choices((1, 2, 3, 4, 5), LEVEL_WEIGHTS[outcome])[0]
        rater = application.applicant_id
        rating = createContent("Evaluation")
        rating.kind = evaluations.APPLICATION
        rating.level = level
        rating.comment = self.rng.choice(RATING_COMMENTS[level])
        rating.rater_id = rater
        rating.application_uid = application.UID()
        rating.application_number = application.number
        rating.item_uid = application.item_uid
        rating.item_title = application.item_title
        rating.department_uid = department["uid"]
        rating.department_title = department["title"]
        rating.number = numbering.next_number(
            evaluations.evaluations_folder(), rated.year, evaluations.NUMBER_PREFIX
        )
        rating.id = rating.number.lower()
        rating.title = f"对办件{application.number}的评价"
        rating.setCreators((rater,))
        rating.creation_date = DateTime(rated)

        history = [
            {
                "action": None,
                "actor": rater,
                "comments": "",
                "review_state": evaluations.RECORDED,
                "time": DateTime(rated),
            }
        ]
        if level in evaluations.BAD_LEVELS:
            replied = self.later(rated, 2, 10)
            called = self.later(replied, 1, 3)
            steps = (
                ("open_rectification", rated, evaluations.RECTIFYING, rater, ""),
                ("reply", replied, evaluations.REPLIED, clerk, _REPLY),
                ("close", called, evaluations.CLOSED, "centre-reviewer", _CALL),
            )
            cutoff = datetime.datetime.combine(
                self.today, datetime.time(23, 59), rated.tzinfo
            )
            for transition, when, state, actor, comment in steps:
                if when > cutoff:
                    break
                history.append(
                    {
                        "action": transition,
                        "actor": actor,
                        "comments": comment,
                        "review_state": state,
                        "time": DateTime(when),
                    }
                )
            if history[-1]["review_state"] == evaluations.RECTIFYING:
                rating.due_date = self.calendar.add(
                    rated.date(), self.rectification_days
                )
        rating.modification_date = history[-1]["time"]
        rating.workflow_history = {evaluations.WORKFLOW_ID: tuple(history)}
        rating.manage_setLocalRoles(rater, ["Owner"])
        if department["staff"]:
            rating.manage_setLocalRoles(department["staff"], [applications.STAFF_ROLE])

        folder = evaluations._year_folder(rated.year)
        folder._setObject(rating.id, rating, suppress_events=True)
        rating = folder[rating.id]
        self.rating_workflow.updateRoleMappingsFor(rating)
        rating.reindexObject()
        application.evaluation_uid = rating.UID()
        self.ratings += 1
        return rating

    def path(self, submitted, user_id, clerk, due, outcome=None):
        """Return the steps of an application and the days its clock stood still."""
        steps = [("submit", submitted, "submitted", user_id)]
        paused_days = 0
        outcome = (
            outcome
            or self.rng.choices(
                [name for name, _p in OUTCOMES], [p for _name, p in OUTCOMES]
            )[0]
        )
        last = submitted
        if outcome == "withdrawn":
            steps.append(("withdraw", self.later(last, 0, 2), "withdrawn", user_id))
            return steps, 0
        if outcome == "rejected":
            steps.append(("reject", self.later(last, 0, 2), "rejected", clerk))
            return steps, 0
        if outcome == "supplement_then_approved":
            asked = self.later(last, 0, 1)
            steps.append(("request_supplement", asked, "supplement", clerk))
            resubmitted = self.later(asked, 1, 4)
            paused_days = self.calendar.between(asked.date(), resubmitted.date())
            steps.append(("resubmit", resubmitted, "submitted", user_id))
            last = resubmitted
        if self.rng.random() < 0.5:
            last = self.later(last, 0, 1)
            steps.append(("pass_prereview", last, "prereviewed", clerk))
        last = self.later(last, 0, 1)
        steps.append(("accept", last, "accepted", clerk))
        # Most are decided well within the limit; about one in twelve is late.
        if self.rng.random() < 0.08:
            decided = self.moment(self.calendar.add(due, self.rng.randint(1, 3)), last)
        else:
            left = max(self.calendar.between(last.date(), due), 0)
            decided = self.later(last, 0, max(left - 1, 0))
        if outcome == "refused":
            steps.append(("refuse", decided, "refused", clerk))
        else:
            steps.append(("approve", decided, "approved", clerk))
        return steps, paused_days


class _RememberingCalendar:
    """The hall's calendar, remembering its answers: a history asks about the
    same few hundred days thousands of times."""

    def __init__(self, calendar):
        self.calendar = calendar
        self.answers = {}

    def _remembered(self, name, *args):
        key = (name, *args)
        if key not in self.answers:
            self.answers[key] = getattr(self.calendar, name)(*args)
        return self.answers[key]

    def add(self, start, days, *unit):
        return self._remembered("add", start, days, *unit)

    def between(self, start, end, *unit):
        return self._remembered("between", start, end, *unit)

    def is_working_day(self, day):
        return self._remembered("is_working_day", day)


_REPLY = "已约谈窗口人员，统一补正告知口径，并在办事指南中补充了材料示例。"
_CALL = "回访申请人，对整改情况表示认可。"

_COMMENTS = {
    "request_supplement": "请补充清晰的身份证明材料扫描件。",
    "refuse": "经审查，申请不符合法定条件。",
    "reject": "申请事项不属于本部门职责范围，请向有关部门申请。",
}


def _days_of(year, month):
    day = datetime.date(year, month, 1)
    while day.month == month:
        yield day
        day += datetime.timedelta(days=1)


def _id_number(rng):
    birth = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randint(0, 16000))
    first17 = f"512002{birth:%Y%m%d}{rng.randint(0, 999):03d}"
    return first17 + id_number_check_digit(first17)
