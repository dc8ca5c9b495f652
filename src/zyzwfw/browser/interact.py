"""The interact section (互动交流): asking, complaining, rating and opinions."""

from plone import api
from Products.Five.browser import BrowserView
from zyzwfw import _
from zyzwfw import applications
from zyzwfw import cases
from zyzwfw import consultations
from zyzwfw.browser.sections import SECTIONS


#: How many of the latest published answers the page shows.
LATEST_SHOWN = 5

#: Id of the folder of opinion solicitations in the site.
OPINIONS_ID = "opinions"


class InteractView(BrowserView):
    """Where a visitor asks, complains, rates and answers solicitations."""

    section = SECTIONS["interact"]

    def portal_url(self):
        """Return the address of the hall."""
        return api.portal.get().absolute_url()

    def cards(self):
        """Return the section's services, each with its address.

        :returns: Dicts with ``id``, ``title``, ``lead`` and ``url``.
        :rtype: list
        """
        url = self.portal_url()
        return [
            {
                "id": "consult",
                "title": _(
                    "section_interact_part_consult", default="Online consultation"
                ),
                "lead": _(
                    "interact_consult_lead",
                    default="Ask a department before you apply; the answer is due "
                    "within two working days.",
                ),
                "url": f"{url}/@@consult",
            },
            {
                "id": "complain",
                "title": _(
                    "section_interact_part_complain", default="Online complaints"
                ),
                "lead": _(
                    "interact_complain_lead",
                    default="Complain about a department, an item or an application; "
                    "keep the number and code to follow it.",
                ),
                "url": f"{url}/@@complain",
            },
            {
                "id": "complaint-lookup",
                "title": _("interact_lookup_title", default="Follow a complaint"),
                "lead": _(
                    "interact_lookup_lead",
                    default="Enter the complaint number and code to see the reply.",
                ),
                "url": f"{url}/@@complaint-lookup",
            },
            {
                "id": "rate",
                "title": _("section_interact_part_rate", default="Service ratings"),
                "lead": _(
                    "interact_rate_lead",
                    default="Rate a concluded application from My applications.",
                ),
                "url": f"{url}/my-applications",
            },
            {
                "id": "opinions",
                "title": _(
                    "section_interact_part_opinion", default="Opinion solicitations"
                ),
                "lead": _(
                    "interact_opinions_lead",
                    default="Tell the government what you think of its drafts and "
                    "plans.",
                ),
                "url": f"{url}/{OPINIONS_ID}",
            },
        ]

    def staff_links(self):
        """Return the desks of the current user's work here, if any.

        :returns: Dicts with ``title`` and ``url``: the consultation desk for
            window staff, the routing page for the centre.
        :rtype: list
        """
        url = self.portal_url()
        links = []
        if applications.staff_departments():
            links.append(
                {
                    "title": _("consultation_desk_title", default="Consultation desk"),
                    "url": f"{url}/@@consultation-desk",
                }
            )
        if cases.is_centre():
            links.append(
                {
                    "title": _(
                        "routing_title", default="Routing of questions and complaints"
                    ),
                    "url": f"{url}/@@case-routing",
                }
            )
        return links

    def latest_answers(self):
        """Return the latest questions published as FAQ, with their items.

        :returns: Dicts with ``question``, ``answer``, ``item`` and ``url``
            (the item's guide), newest first; never who asked.
        :rtype: list
        """
        brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            portal_type="Consultation",
            review_state=consultations.PUBLISHED,
            sort_on="modified",
            sort_order="descending",
            sort_limit=LATEST_SHOWN,
        )[:LATEST_SHOWN]
        portal = api.portal.get()
        latest = []
        for brain in brains:
            consultation = brain._unrestrictedGetObject()
            item = portal.unrestrictedTraverse(consultation.item_path or "", None)
            latest.append(
                {
                    "question": consultations.public_text(consultation.question),
                    "answer": consultations.public_text(consultation.answer),
                    "item": consultation.item_title,
                    "url": item.absolute_url() if item is not None else None,
                }
            )
        return latest
