"""The home page's figures: the yearly online volume and the busiest items."""

from plone import api
from zyzwfw import home_page

import datetime


class TestOnlineVolume:
    def test_counts_sent_applications_of_the_year(self, make_application):
        """Submitted and decided applications count; drafts do not."""
        before = home_page.online_volume()
        make_application("submitted")
        make_application("approved")
        make_application("draft")
        assert home_page.online_volume() == before + 2

    def test_other_years_are_not_counted(self, make_application):
        """An application of this year is not in last year's volume."""
        make_application("submitted")
        last_year = datetime.date.today().year - 1
        assert home_page.online_volume(last_year) == 0


class TestBusiestItems:
    def test_most_applied_for_first(self, hall, make_application):
        """The item with the most applications this year leads the list."""
        make_application("submitted", item=hall["item_b"])
        make_application("submitted", item=hall["item_b"])
        make_application("submitted", item=hall["item_a"])
        busiest = home_page.busiest_items(limit=2)
        assert [entry["title"] for entry in busiest] == [
            hall["item_b"].Title(),
            hall["item_a"].Title(),
        ]
        assert [entry["count"] for entry in busiest] == [2, 1]
        assert busiest[0]["department"] == hall["department_b"].Title()

    def test_drafts_do_not_make_an_item_busy(self, hall, make_application):
        """Drafts are not applications the hall handled."""
        make_application("draft", item=hall["item_b"])
        make_application("submitted", item=hall["item_a"])
        busiest = home_page.busiest_items(limit=1)
        assert [entry["title"] for entry in busiest] == [hall["item_a"].Title()]

    def test_a_new_hall_shows_its_fully_online_items(self, hall):
        """Without applications, fully online items fill the list."""
        with api.env.adopt_roles(["Manager"]):
            hall["item_a"].online_depth = "4"
            hall["item_a"].reindexObject()
        busiest = home_page.busiest_items()
        assert [entry["title"] for entry in busiest] == [hall["item_a"].Title()]
        assert busiest[0]["count"] == 0
