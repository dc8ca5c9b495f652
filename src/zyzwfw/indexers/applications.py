"""Catalog indexers of applications.

The worklist, the applicant's own list and the progress look-up query these
indexes and read these metadata columns, so that a list of applications never
wakes up the applications it lists. The query code is not indexed: the
look-up finds an application by its number and compares the code's hash on
the object.
"""

from plone.indexer import indexer
from zyzwfw.content.application import IApplication


@indexer(IApplication)
def application_number(obj):
    """The application number, ``None`` for a draft."""
    return obj.number


@indexer(IApplication)
def applicant_id(obj):
    """The user id of the applicant."""
    return obj.applicant_id


@indexer(IApplication)
def department_uid(obj):
    """The UID of the department the application is for."""
    return obj.department_uid


@indexer(IApplication)
def item_uid(obj):
    """The UID of the service item applied for."""
    return obj.item_uid


@indexer(IApplication)
def due_date(obj):
    """The day the application must be concluded by."""
    return obj.due_date


@indexer(IApplication)
def step_due_date(obj):
    """The day the department's current stage must be finished by."""
    return obj.step_due_date


@indexer(IApplication)
def submitted_date(obj):
    """When the application was first submitted."""
    return obj.submitted


@indexer(IApplication)
def department_title(obj):
    """The title of the department, for lists."""
    return obj.department_title


@indexer(IApplication)
def applicant_display(obj):
    """The applicant as staff lists show them: the company, else the person."""
    if obj.party == "legal" and obj.company_name:
        return obj.company_name
    return obj.applicant_name or ""


@indexer(IApplication)
def clock_paused(obj):
    """Whether the clock stands still while the applicant supplements."""
    return obj.paused_on is not None


@indexer(IApplication)
def searchable_text(obj):
    """The number, the item and the applicant, for the staff's search box."""
    parts = [
        obj.number or "",
        obj.item_title or "",
        obj.applicant_name or "",
        obj.company_name or "",
    ]
    return " ".join(part for part in parts if part)


@indexer(IApplication)
def practice(obj):
    """Whether the application is practice of the training check."""
    return bool(getattr(obj, "practice", False))
