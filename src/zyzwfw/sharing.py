"""Roles the hall adds to Plone's sharing page."""

from plone.app.workflow.interfaces import ISharingPageRole
from zope.interface import implementer
from zyzwfw import _
from zyzwfw.content.department import IDepartment


@implementer(ISharingPageRole)
class WindowStaffRole:
    """Window staff of a department: they handle its applications.

    Offered on departments only, since that is where the role means
    something; the staff group gets it there when the department is made
    (see :mod:`zyzwfw.departments`).
    """

    title = _("title_window_staff", default="Window staff")
    required_permission = "zyzwfw: Delegate WindowStaff role"
    required_interface = IDepartment
