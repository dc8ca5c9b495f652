"""Application numbers under concurrent submissions: unique and without gaps.

Fifty citizens press "submit" at the same moment: fifty POSTs reach the
functional site's WSGI server at once, are served by its threads on their
own database connections, and all take a number from the same yearly
counter.
"""

from application_helpers import PASSWORD
from application_helpers import PDF
from application_helpers import PERSON
from concurrent.futures import ThreadPoolExecutor
from plone import api
from zyzwfw import applications
from zyzwfw import numbering

import base64
import requests
import transaction


SUBMISSIONS = 50


def apply(url, user):
    """POST one complete application to ``@apply`` as ``user``."""
    body = {
        "party": "person",
        "applicant": PERSON,
        "files": {
            "id-card": {
                "filename": "身份证.pdf",
                "data": base64.b64encode(PDF).decode("ascii"),
            }
        },
        "submit": True,
    }
    return requests.post(
        f"{url}/@apply",
        json=body,
        headers={"Accept": "application/json"},
        auth=(user, PASSWORD),
        timeout=120,
    )


class TestConcurrentSubmissions:
    def test_fifty_at_once(self, web_hall):
        """Fifty simultaneous submissions get numbers 1 to 50 of the year, once each."""
        url = web_hall["item_a"].absolute_url()
        with ThreadPoolExecutor(max_workers=SUBMISSIONS) as pool:
            answers = list(
                pool.map(lambda _i: apply(url, "applicant"), range(SUBMISSIONS))
            )

        assert [answer.status_code for answer in answers] == [201] * SUBMISSIONS
        year = applications.hall_now().year
        expected = [
            numbering.format_number(year, sequence)
            for sequence in range(1, SUBMISSIONS + 1)
        ]
        assert sorted(answer.json()["number"] for answer in answers) == expected
        assert len({answer.json()["query_code"] for answer in answers}) == SUBMISSIONS

        # What the database holds agrees: one application per number, no more.
        transaction.begin()
        catalog = api.portal.get_tool("portal_catalog")
        stored = sorted(
            brain.application_number
            for brain in catalog.unrestrictedSearchResults(portal_type="Application")
        )
        assert stored == expected
        root = applications.applications_folder()
        assert numbering.last_sequence(root, year) == SUBMISSIONS
