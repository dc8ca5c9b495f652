"""Whether the current user has a desk of the hall that the user menu links."""

from plone import api
from Products.Five.browser import BrowserView
from zyzwfw import applications
from zyzwfw import departments


class DeskLinks(BrowserView):
    """Answers the user actions' conditions: which desks the user has."""

    def is_window_staff(self):
        """Tell whether the current user is window staff of some department.

        Cheap for the many members who belong to no staff group: only the
        members of one are checked against the departments.

        :returns: ``True`` if the user has a worklist.
        """
        if api.user.is_anonymous():
            return False
        user = api.user.get_current()
        suffix = f"-{departments.STAFF.name}"
        groups = user.getGroups() if hasattr(user, "getGroups") else []
        if not any(group.endswith(suffix) for group in groups):
            return False
        return bool(applications.staff_departments())
