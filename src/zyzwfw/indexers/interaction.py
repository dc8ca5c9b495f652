"""Catalog indexers of consultations and complaints.

The desks, the centre's routing page and the supervision query these; the
names are those applications use, so that one query can span all cases.
"""

from plone.indexer import indexer
from zyzwfw.content.complaint import IComplaint
from zyzwfw.content.consultation import IConsultation


@indexer(IConsultation)
def consultation_number(obj):
    """The consultation number."""
    return obj.number


@indexer(IComplaint)
def complaint_number(obj):
    """The complaint number."""
    return obj.number


@indexer(IConsultation)
def consultation_department_uid(obj):
    """The UID of the department that answers; ``None`` until routed."""
    return obj.department_uid


@indexer(IComplaint)
def complaint_department_uid(obj):
    """The UID of the department that handles it; ``None`` until assigned."""
    return obj.department_uid


@indexer(IConsultation)
def consultation_item_uid(obj):
    """The UID of the item asked about, ``None`` for a general question."""
    return obj.item_uid


@indexer(IComplaint)
def complaint_item_uid(obj):
    """The UID of the item complained about, if any."""
    return obj.item_uid


@indexer(IConsultation)
def consultation_due_date(obj):
    """The day the answer is due."""
    return obj.due_date


@indexer(IComplaint)
def complaint_due_date(obj):
    """The day the current stage of the complaint is due."""
    return obj.due_date


@indexer(IConsultation)
def consultation_department_title(obj):
    """The title of the department, for lists."""
    return obj.department_title


@indexer(IComplaint)
def complaint_department_title(obj):
    """The title of the department, for lists."""
    return obj.department_title
