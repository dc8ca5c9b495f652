"""Rating how clear a guide is: anyone may, bots may not."""

from plone import api
from zope.i18n import translate
from zyzwfw import evaluations

import lxml.html
import pytest
import requests
import transaction


def guide_ratings():
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    return len(
        catalog.unrestrictedSearchResults(
            portal_type="Evaluation", evaluation_kind="guide"
        )
    )


class TestRules:
    def test_anonymous_rates(self, hall, acting_as):
        """An anonymous visitor's rating is stored for the item's department."""
        with acting_as("anonymous"):
            evaluation = evaluations.rate_guide(
                hall["item_a"], 2, "材料清单很清楚", client="10.0.0.1"
            )
        assert evaluation.kind == "guide"
        assert evaluation.rater_id == ""
        assert evaluation.application_number == ""
        assert evaluation.department_uid == hall["department_a"].UID()
        assert api.content.get_state(obj=evaluation) == "recorded"
        assert evaluations.guide_summary(hall["item_a"]) == {"count": 1, "average": 2}

    def test_bad_guide_rating_opens_no_case(self, hall, acting_as):
        """Guide ratings tell the editors; they open no rectification case."""
        with acting_as("anonymous"):
            evaluation = evaluations.rate_guide(hall["item_a"], 5, client="10.0.0.1")
        assert api.content.get_state(obj=evaluation) == "recorded"

    def test_honeypot(self, hall, acting_as):
        """A filled-in hidden field is refused in Chinese and stores nothing."""
        with acting_as("anonymous"):
            with pytest.raises(evaluations.EvaluationRefused) as refused:
                evaluations.rate_guide(
                    hall["item_a"], 1, client="10.0.0.2", honeypot="http://spam"
                )
        assert "网站" in translate(refused.value.message, target_language="zh_CN")
        assert evaluations.guide_summary(hall["item_a"])["count"] == 0

    def test_rate_limit_per_client(self, hall, acting_as):
        """A client rates five guides in ten minutes; the sixth waits."""
        with acting_as("anonymous"):
            for _i in range(evaluations.GUIDE_RATINGS_PER_CLIENT):
                evaluations.rate_guide(hall["item_a"], 1, client="10.0.0.3")
            with pytest.raises(evaluations.TooManyRatings) as refused:
                evaluations.rate_guide(hall["item_b"], 1, client="10.0.0.3")
            # Another client is not held back.
            evaluations.rate_guide(hall["item_b"], 1, client="10.0.0.4")
        assert 0 < refused.value.wait <= evaluations.GUIDE_WINDOW
        assert "分钟后" in translate(refused.value.message, target_language="zh_CN")

    @pytest.mark.parametrize("level, comment", [(None, ""), (9, ""), (1, "长" * 501)])
    def test_bad_input(self, hall, acting_as, level, comment):
        with acting_as("anonymous"):
            with pytest.raises(evaluations.EvaluationInvalid):
                evaluations.rate_guide(hall["item_a"], level, comment, client="x")
        assert evaluations.guide_summary(hall["item_a"])["count"] == 0


@pytest.fixture
def guide_hall(web_hall):
    """The functional hall, its item A with complete process steps for its guide."""
    transaction.begin()
    web_hall["item_a"].steps = [
        {"name": "受理", "post": "窗口", "responsible": "张敏", "time_limit": 1}
    ]
    transaction.commit()
    return web_hall


class TestGuidePage:
    def guide_form(self, url):
        response = requests.get(url, timeout=60)
        assert response.status_code == 200
        page = lxml.html.fromstring(response.text, base_url=url)
        return page.xpath('//form[contains(@class, "hall-guide-rating-form")]')[0]

    def send(self, form, **values):
        fields = [(n, v) for n, v in form.form_values() if n not in values]
        fields += list(values.items()) + [("rate", "1")]
        return requests.post(form.action, data=fields, timeout=60)

    def test_anonymous_rates_from_the_guide(self, guide_hall):
        """The guide page carries the form; sending it thanks the visitor."""
        form = self.guide_form(guide_hall["item_a"].absolute_url())
        labels = [label.text_content().strip() for label in form.xpath(".//label")]
        assert "非常满意" in labels
        response = self.send(form, level="1", comment="一看就懂")
        assert response.status_code == 200
        assert "感谢" in response.text
        assert guide_ratings() == 1

    def test_bot_filling_the_hidden_field_refused(self, guide_hall):
        form = self.guide_form(guide_hall["item_a"].absolute_url())
        response = self.send(form, level="1", website="http://spam.example")
        assert response.status_code == 400
        assert "网站" in response.text
        assert guide_ratings() == 0

    def test_flood_refused(self, guide_hall):
        form = self.guide_form(guide_hall["item_a"].absolute_url())
        for _i in range(evaluations.GUIDE_RATINGS_PER_CLIENT):
            assert self.send(form, level="2").status_code == 200
        response = self.send(form, level="2")
        assert response.status_code == 429
        assert "分钟后再试" in response.text
        assert guide_ratings() == evaluations.GUIDE_RATINGS_PER_CLIENT

    def test_missing_level_shown(self, guide_hall):
        form = self.guide_form(guide_hall["item_a"].absolute_url())
        response = self.send(form, comment="没选等级")
        assert response.status_code == 400
        assert "请选择评价等级" in response.text
        assert guide_ratings() == 0
