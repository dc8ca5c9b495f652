"""Opinion solicitations (意见征集): easyform forms with a window.

The centre and the departments' guide editors publish collective.easyform
forms in the site's ``opinions`` folder. The behavior
:class:`zyzwfw.behaviors.solicitation.ISolicitation` gives each a subject,
the document under discussion and a window, from its opening to its closing
time. Answers are stored by easyform's save-data action; this module says
whether a form takes answers now (:func:`refusal`), exports the answers as
a spreadsheet (:func:`export_xlsx`) and counts them per choice
(:func:`results`), which everybody sees once the solicitation has closed.
"""

from collective.easyform.api import get_actions
from collective.easyform.api import get_schema
from collective.easyform.interfaces import ISaveData
from io import BytesIO
from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from plone.dexterity.utils import createContentInContainer
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IVocabularyTokenized
from zyzwfw import _
from zyzwfw import applications
from zyzwfw import departments
from zyzwfw import logger

import datetime
import openpyxl


#: Id of the folder of solicitations in the site.
FOLDER_ID = "opinions"

UPCOMING = "upcoming"
OPEN = "open"
CLOSED = "closed"

#: Local roles of those who publish solicitations, on the folder.
PUBLISHER_ROLES = ("Contributor", "Editor", "Reader")

#: Roles that may download the answers of every form in the folder.
EXPORT_ROLES = ("Manager", "Site Administrator", "Owner", "Editor")

_DOWNLOAD = "collective.easyform: Download Saved Input"

STATE_TITLES = {
    UPCOMING: _("solicitation_upcoming", default="Not open yet"),
    OPEN: _("solicitation_open", default="Open for opinions"),
    CLOSED: _("solicitation_closed", default="Closed"),
}


# The folder


def ensure_opinions_folder(portal):
    """Create and publish the folder of solicitations, and open it to publishers.

    Only easyform forms may be added to it. The centre's reviewers and each
    department's guide editors may add and edit forms there; editors may
    download the answers.

    :param portal: The Plone site.
    :returns: The folder.
    """
    folder = portal.get(FOLDER_ID)
    if folder is None:
        with api.env.adopt_roles(["Manager"]):
            folder = createContentInContainer(
                portal,
                "Folder",
                checkConstraints=False,
                id=FOLDER_ID,
                title="意见征集",
                description="政府部门就政策文件、服务事项公开征求社会意见。",
            )
            if api.content.get_state(obj=folder, default=None) is not None:
                api.content.transition(obj=folder, to_state="published")
        constraints = ISelectableConstrainTypes(folder)
        constraints.setConstrainTypesMode(ENABLED)
        constraints.setLocallyAllowedTypes(["EasyForm"])
        constraints.setImmediatelyAddableTypes(["EasyForm"])
        folder.setLayout("solicitations")
        logger.info("Created the folder of solicitations")
    folder.manage_permission(_DOWNLOAD, list(EXPORT_ROLES), acquire=True)
    folder.manage_setLocalRoles(departments.REVIEWERS_GROUP, list(PUBLISHER_ROLES))
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Department"):
        grant_publishers(brain._unrestrictedGetObject(), folder)
    folder.reindexObjectSecurity()
    return folder


def grant_publishers(department, folder=None):
    """Let a department's guide editors publish solicitations.

    :param department: A department.
    :param folder: The folder of solicitations; the site's if ``None``.
    :returns: ``None``.
    """
    folder = folder if folder is not None else api.portal.get().get(FOLDER_ID)
    if folder is None:
        return
    try:
        group = departments.group_id(department, departments.EDITORS.name)
    except api.exc.InvalidParameterError:
        return
    folder.manage_setLocalRoles(group, list(PUBLISHER_ROLES))


def department_added(department, event):
    """Give a new department's guide editors their place in the solicitations.

    :param department: The department.
    :param event: The ``IObjectAddedEvent``.
    """
    folder = api.portal.get().get(FOLDER_ID)
    if folder is not None:
        grant_publishers(department, folder)
        folder.reindexObjectSecurity()


# The window


def _aware(moment):
    """Return a stored datetime as an aware one; naive ones are hall time."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=applications.hall_now().tzinfo)
    return moment


def state(form, now=None):
    """Return where a solicitation stands.

    :param form: An easyform form with the solicitation behavior.
    :param now: The moment to judge at, aware; now if ``None``.
    :type now: datetime.datetime
    :returns: :data:`UPCOMING` before its opening, :data:`CLOSED` from its
        closing on, :data:`OPEN` otherwise (also when a bound is not set).
    :rtype: str
    """
    now = now or applications.hall_now()
    opening = _aware(getattr(form, "opening", None))
    closing = _aware(getattr(form, "closing", None))
    if opening is not None and now < opening:
        return UPCOMING
    if closing is not None and now >= closing:
        return CLOSED
    return OPEN


def refusal(form, now=None):
    """Return why a form takes no answer now, or ``None`` if it does.

    :param form: An easyform form.
    :param now: The moment to judge at; now if ``None``.
    :returns: A message, or ``None``.
    """
    found = state(form, now)
    if found == UPCOMING:
        return _(
            "error_solicitation_upcoming",
            default="This solicitation opens on ${opening}. Your answer was "
            "not saved; please come back then.",
            mapping={"opening": moment_text(form.opening)},
        )
    if found == CLOSED:
        return _(
            "error_solicitation_closed",
            default="This solicitation closed on ${closing}. Your answer was "
            "not saved; the results are shown below.",
            mapping={"closing": moment_text(form.closing)},
        )
    return None


def moment_text(moment):
    """Return a moment as the hall writes it, ``2026-03-05 14:30``.

    :param moment: A datetime, or ``None``.
    :returns: The text, or ``""``.
    :rtype: str
    """
    moment = _aware(moment)
    if moment is None:
        return ""
    return applications.local_time(moment).strftime("%Y-%m-%d %H:%M")


# Answers


def save_data_action(form):
    """Return the form's first save-data action, or ``None``.

    :param form: An easyform form.
    :returns: The action, bound to the form.
    """
    actions = get_actions(form)
    for name in actions:
        action = actions[name]
        if ISaveData.providedBy(action):
            return action
    return None


def answers(form):
    """Return the stored answers of a form, oldest first.

    :param form: An easyform form.
    :returns: One dict per answer: field name → value.
    :rtype: list
    """
    action = save_data_action(form)
    if action is None:
        return []
    return [dict(row) for _key, row in sorted(action.getSavedFormInputItems())]


def export_xlsx(form):
    """Return the answers of a form as a spreadsheet.

    :param form: An easyform form with a save-data action.
    :returns: The bytes of an XLSX workbook: a header row of the questions,
        then one row per answer, choices in the words shown to the person
        who answered.
    :rtype: bytes
    """
    schema = get_schema(form)
    fields = getFieldsInOrder(schema)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "意见"[:31]
    sheet.append([str(field.title) for _name, field in fields])
    for answer in answers(form):
        sheet.append([_cell(field, answer.get(name)) for name, field in fields])
    stream = BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _titles(field):
    """Return value → title of a field with choices, empty for other fields."""
    choice = field.value_type if ICollection.providedBy(field) else field
    if not IChoice.providedBy(choice):
        return None
    vocabulary = choice.vocabulary
    if not IVocabularyTokenized.providedBy(vocabulary):
        return None
    return {term.value: str(term.title or term.value) for term in vocabulary}


def _cell(field, value):
    titles = _titles(field) or {}
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set, frozenset)):
        return "、".join(str(titles.get(item, item)) for item in sorted(value))
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if hasattr(value, "filename"):
        return value.filename or ""
    if hasattr(value, "raw"):
        return value.raw
    return str(titles.get(value, value))


def results(form):
    """Return the answers counted per choice, for each question with choices.

    :param form: An easyform form.
    :returns: ``total`` (answers stored) and ``questions``: one dict per
        question with choices, in the form's order, with ``name``,
        ``title`` and ``choices`` (dicts with ``title``, ``count`` and
        ``percent``, an int, of the answers given to that question).
    :rtype: dict
    """
    stored = answers(form)
    questions = []
    for name, field in getFieldsInOrder(get_schema(form)):
        titles = _titles(field)
        if titles is None:
            continue
        counts = dict.fromkeys(titles, 0)
        answered = 0
        for answer in stored:
            value = answer.get(name)
            chosen = value if isinstance(value, (list, tuple, set)) else [value]
            chosen = [item for item in chosen if item in counts]
            if chosen:
                answered += 1
            for item in chosen:
                counts[item] += 1
        questions.append(
            {
                "name": name,
                "title": field.title,
                "answered": answered,
                "choices": [
                    {
                        "title": titles[value],
                        "count": count,
                        "percent": round(count * 100 / answered) if answered else 0,
                    }
                    for value, count in counts.items()
                ],
            }
        )
    return {"total": len(stored), "questions": questions}


def listing(folder=None, now=None):
    """Return the solicitations the current user may see, open ones first.

    :param folder: The folder; the site's ``opinions`` if ``None``.
    :param now: The moment to judge at; now if ``None``.
    :returns: Dicts with ``title``, ``url``, ``topic``, ``description``,
        ``opening``, ``closing`` (text), ``state`` and ``state_title``.
    :rtype: list
    """
    folder = folder if folder is not None else api.portal.get().get(FOLDER_ID)
    if folder is None:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(
        portal_type="EasyForm",
        path="/".join(folder.getPhysicalPath()),
        sort_on="created",
        sort_order="descending",
    )
    order = {OPEN: 0, UPCOMING: 1, CLOSED: 2}
    rows = []
    for brain in brains:
        form = brain.getObject()
        found = state(form, now)
        rows.append(
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "topic": getattr(form, "topic", "") or "",
                "description": brain.Description,
                "opening": moment_text(getattr(form, "opening", None)),
                "closing": moment_text(getattr(form, "closing", None)),
                "state": found,
                "state_title": STATE_TITLES[found],
            }
        )
    rows.sort(key=lambda row: order[row["state"]])
    return rows
