"""``GET {site}/@my-applications``: the authenticated user's own applications.

Each with its state, what the applicant does next and its due date, newest
first: ``{"@id", "items": [...], "items_total"}``.
"""

from plone.restapi.services import Service
from zyzwfw import applications
from zyzwfw.services.replies import plain


class MyApplicationsGet(Service):
    """List the applications of the current user."""

    def reply(self):
        items = []
        for found in applications.applications_for():
            items.append(
                plain(
                    {
                        "@id": found["url"],
                        "number": found["number"],
                        "title": found["title"],
                        "department": found["department"],
                        "state": found["state"],
                        "state_title": found["state_title"],
                        "next_action": found["next_action"],
                        "created": found["created"],
                        "submitted": found["submitted"],
                        "due_date": found["due_date"],
                        "paused": found["paused"],
                    },
                    self.request,
                )
            )
        return {
            "@id": f"{self.context.absolute_url()}/@my-applications",
            "items": items,
            "items_total": len(items),
        }
