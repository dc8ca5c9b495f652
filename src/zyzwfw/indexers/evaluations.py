"""Catalog indexers of ratings.

The statistics, the desks of rectification cases and the guide's summary
query these indexes, so that counting ratings never wakes them up.
"""

from plone.indexer import indexer
from zyzwfw.content.evaluation import IEvaluation


@indexer(IEvaluation)
def department_uid(obj):
    """The UID of the department the rating is about."""
    return obj.department_uid


@indexer(IEvaluation)
def item_uid(obj):
    """The UID of the item applied for or whose guide is rated."""
    return obj.item_uid


@indexer(IEvaluation)
def evaluation_level(obj):
    """The level, 1 (非常满意) to 5 (非常不满意)."""
    return obj.level


@indexer(IEvaluation)
def evaluation_kind(obj):
    """``application`` or ``guide``."""
    return obj.kind


@indexer(IEvaluation)
def evaluation_excluded(obj):
    """Whether an upheld appeal took the rating out of the statistics."""
    return bool(obj.excluded)


@indexer(IEvaluation)
def due_date(obj):
    """The day the department must reply to the rectification case by."""
    return obj.due_date
