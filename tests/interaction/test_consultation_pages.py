"""Asking from a guide, answering from the desk, and the FAQ, through the pages."""

from interaction_helpers import ANSWER
from interaction_helpers import Person
from interaction_helpers import QUESTION
from interaction_helpers import stored
from interaction_helpers import text_of
from plone import api

import datetime
import transaction


def ask_form(page):
    return page.find_class("hall-consult-form")[0]


def guide_consult_page(person, hall):
    """Open item A's guide and follow its 在线咨询 button."""
    guide = person.open(hall["item_a"].absolute_url())
    link = guide.find_class("hall-consult")[0]
    assert link.text_content().strip() == "在线咨询"
    return person.open(link.get("href"))


class TestAskingPages:
    """The ask form, as an anonymous visitor and as a member."""

    def test_ask_answer_publish_journey(self, web_hall):
        """Asked from a guide, answered on the desk, published, shown on the guide."""
        hall = web_hall
        visitor = Person(hall["portal"].absolute_url())
        page = guide_consult_page(visitor, hall)
        page = visitor.submit(
            ask_form(page),
            {
                "question": QUESTION,
                "name": "张三",
                "mobile": "13800000001",
                "consent": "1",
            },
        )
        assert visitor.response.status_code == 200
        receipt = text_of(page, "consult-receipt")
        number = stored("Consultation")[0].number
        assert number in receipt

        clerk = Person(hall["portal"].absolute_url(), "staff_a")
        desk = clerk.open(f"{hall['portal'].absolute_url()}/@@consultation-desk")
        link = desk.xpath(f'//a[text()="{number}"]')[0]
        page = clerk.open(link.get("href"))
        assert QUESTION in page.text_content()
        answer_form = page.xpath('//form[.//input[@value="answer"]]')[0]
        page = clerk.submit(answer_form, {"comment": ANSWER})
        assert text_of(page, "consultation-answer") == ANSWER
        publish_form = page.xpath('//form[.//input[@value="publish"]]')[0]
        clerk.submit(publish_form)
        consultation = stored("Consultation")[0]
        assert api.content.get_state(obj=consultation) == "published"

        guide = visitor.open(hall["item_a"].absolute_url())
        faq = guide.get_element_by_id("guide-faq").text_content()
        assert QUESTION in faq and ANSWER in faq
        assert "张三" not in faq and "13800000001" not in faq

    def test_other_department_cannot_open_it(self, web_hall):
        """Staff of another department get no access to the question."""
        hall = web_hall
        visitor = Person(hall["portal"].absolute_url())
        page = guide_consult_page(visitor, hall)
        visitor.submit(ask_form(page), {"question": QUESTION, "mobile": "13800000001"})
        url = stored("Consultation")[0].absolute_url()
        other = Person(hall["portal"].absolute_url(), "staff_b")
        other.open(url)
        assert QUESTION not in other.response.text
        desk = other.open(f"{hall['portal'].absolute_url()}/@@consultation-desk")
        assert not desk.find_class("hall-worklist-table")

    def test_worklist_shows_an_overdue_question_in_red(self, web_hall):
        """The question is on its department's worklist, red once overdue."""
        hall = web_hall
        url = hall["portal"].absolute_url()
        visitor = Person(url)
        page = guide_consult_page(visitor, hall)
        visitor.submit(ask_form(page), {"question": QUESTION, "mobile": "13800000001"})
        consultation = stored("Consultation")[0]
        number = consultation.number

        clerk = Person(url, "staff_a")
        section = clerk.open(f"{url}/worklist").get_element_by_id("worklist-questions")
        row = section.xpath(f'.//tr[.//a[text()="{number}"]]')[0]
        assert "hall-warning-red" not in row.get("class")

        consultation.due_date = datetime.date.today() - datetime.timedelta(days=3)
        consultation.reindexObject(idxs=["due_date"])
        transaction.commit()
        section = clerk.open(f"{url}/worklist").get_element_by_id("worklist-questions")
        row = section.xpath(f'.//tr[.//a[text()="{number}"]]')[0]
        assert row.get("class") == "hall-warning-red"
        assert "已超期" in row.text_content()

        other = Person(url, "staff_b")
        section = other.open(f"{url}/worklist").get_element_by_id("worklist-questions")
        assert number not in section.text_content()
        assert "暂无待答复的咨询" in section.text_content()

    def test_missing_contact_shows_chinese_error(self, web_hall):
        """Without mobile or e-mail the anonymous form says why, and stores nothing."""
        visitor = Person(web_hall["portal"].absolute_url())
        page = guide_consult_page(visitor, web_hall)
        page = visitor.submit(ask_form(page), {"question": QUESTION})
        assert "手机号码或电子邮箱" in text_of(page, "consult-mobile-error")
        assert stored("Consultation") == []

    def test_honeypot_refused(self, web_hall):
        """A bot that fills the hidden field is refused in Chinese, nothing stored."""
        visitor = Person(web_hall["portal"].absolute_url())
        page = guide_consult_page(visitor, web_hall)
        page = visitor.submit(
            ask_form(page),
            {"question": QUESTION, "mobile": "13800000001", "website": "http://spam"},
        )
        assert visitor.response.status_code == 400
        assert "自动" in text_of(page, "consult-error")
        assert stored("Consultation") == []

    def test_rate_limit(self, web_hall):
        """The sixth question within the hour is refused with 429."""
        visitor = Person(web_hall["portal"].absolute_url())
        url = f"{web_hall['portal'].absolute_url()}/@@consult"
        for _i in range(5):
            page = visitor.open(url)
            visitor.submit(
                ask_form(page), {"question": QUESTION, "mobile": "13800000001"}
            )
            assert visitor.response.status_code == 200
        page = visitor.open(url)
        page = visitor.submit(
            ask_form(page), {"question": QUESTION, "mobile": "13800000001"}
        )
        assert visitor.response.status_code == 429
        assert "分钟" in text_of(page, "consult-error")
        assert len(stored("Consultation")) == 5

    def test_too_long_question(self, web_hall):
        """A question over 1000 characters is refused with its length."""
        visitor = Person(web_hall["portal"].absolute_url())
        page = visitor.open(f"{web_hall['portal'].absolute_url()}/@@consult")
        page = visitor.submit(
            ask_form(page), {"question": "问" * 1001, "mobile": "13800000001"}
        )
        assert "1000" in text_of(page, "consult-question-error")
        assert stored("Consultation") == []

    def test_interact_page_links(self, web_hall):
        """The interact section leads to asking, complaining, ratings and opinions."""
        url = web_hall["portal"].absolute_url()
        page = Person(url).open(f"{url}/interact")
        links = set(page.xpath("//a[contains(@class, 'hall-card-link')]/@href"))
        assert {
            f"{url}/@@consult",
            f"{url}/@@complain",
            f"{url}/@@complaint-lookup",
            f"{url}/my-applications",
            f"{url}/opinions",
        } <= links
