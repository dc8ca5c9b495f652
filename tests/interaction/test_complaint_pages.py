"""Complaining, following up, routing and replying, through the pages."""

from interaction_helpers import Person
from interaction_helpers import stored
from interaction_helpers import text_of
from plone import api


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def form_of(page, css_class):
    return page.find_class(css_class)[0]


def transition_form(page, transition):
    return page.xpath(f'//form[.//input[@name="transition"][@value="{transition}"]]')[0]


def file_complaint(person, url, **values):
    page = person.open(f"{url}/@@complain")
    fields = {"subject": "窗口人员态度差", "text": "办理时窗口人员不耐烦。"}
    fields.update(values)
    return person.submit(
        form_of(page, "hall-complain-form"),
        fields,
        files={"attachment": ("证据.pdf", PDF, "application/pdf")},
    )


class TestComplaintPages:
    """The complaint journey and its refusals."""

    def test_complaint_journey(self, web_hall):
        """Filed anonymously, assigned, replied, closed with feedback by code."""
        url = web_hall["portal"].absolute_url()
        visitor = Person(url)
        page = file_complaint(visitor, url, department=web_hall["department_a"].UID())
        number = page.find_class("hall-receipt-number")[0].text_content().strip()
        code = page.find_class("hall-receipt-code")[0].text_content().strip()
        complaint = stored("Complaint")[0]
        assert complaint.number == number
        assert [blob.filename for blob in complaint.attachments] == ["证据.pdf"]

        centre = Person(url, "reviewer")
        routing = centre.open(f"{url}/@@case-routing")
        link = routing.xpath(f'//a[text()="{number}"]')[0]
        page = centre.open(link.get("href"))
        centre.submit(transition_form(page, "assign"))

        clerk = Person(url, "staff_a")
        desk = clerk.open(f"{url}/@@consultation-desk")
        page = clerk.open(desk.xpath(f'//a[text()="{number}"]')[0].get("href"))
        download = clerk.session.get(
            page.xpath('//a[text()="证据.pdf"]')[0].get("href")
        )
        assert download.content == PDF
        assert download.headers["Content-Disposition"].startswith("attachment")
        page = clerk.submit(
            transition_form(page, "resolve"), {"comment": "已约谈整改。"}
        )
        assert text_of(page, "complaint-reply") == "已约谈整改。"

        page = visitor.open(f"{url}/@@complaint-lookup")
        page = visitor.submit(
            form_of(page, "hall-complaint-lookup-form"),
            {"number": number, "code": code},
        )
        assert text_of(page, "lookup-reply") == "已约谈整改。"
        page = visitor.submit(
            form_of(page, "hall-feedback-form"), {"feedback": "satisfied"}
        )
        assert text_of(page, "lookup-done")
        complaint = stored("Complaint")[0]
        assert api.content.get_state(obj=complaint) == "closed"
        assert complaint.satisfied is True

    def test_wrong_code(self, web_hall):
        """A wrong code finds nothing and says so in Chinese."""
        url = web_hall["portal"].absolute_url()
        visitor = Person(url)
        page = file_complaint(visitor, url)
        number = page.find_class("hall-receipt-number")[0].text_content().strip()
        page = visitor.open(f"{url}/@@complaint-lookup")
        page = visitor.submit(
            form_of(page, "hall-complaint-lookup-form"),
            {"number": number, "code": "WRONG234"},
        )
        assert "没有" in text_of(page, "lookup-error")
        assert text_of(page, "lookup-reply") is None

    def test_disguised_file_refused(self, web_hall):
        """A web page named .pdf is refused, and nothing is stored."""
        url = web_hall["portal"].absolute_url()
        visitor = Person(url)
        page = visitor.open(f"{url}/@@complain")
        page = visitor.submit(
            form_of(page, "hall-complain-form"),
            {"subject": "主题", "text": "内容"},
            files={"attachment": ("a.pdf", b"<html><script>1</script>", "text/html")},
        )
        assert text_of(page, "complain-attachments-error")
        assert stored("Complaint") == []

    def test_honeypot(self, web_hall):
        """A filled honeypot is refused in Chinese and nothing is stored."""
        url = web_hall["portal"].absolute_url()
        page = file_complaint(Person(url), url, website="http://spam.example")
        assert "自动" in text_of(page, "complain-error")
        assert stored("Complaint") == []

    def test_other_department_and_anonymous_cannot_read(self, web_hall):
        """Complaints are never public; another department cannot read one."""
        url = web_hall["portal"].absolute_url()
        file_complaint(Person(url), url)
        complaint_url = stored("Complaint")[0].absolute_url()
        for person in (Person(url), Person(url, "staff_b"), Person(url, "citizen")):
            person.open(complaint_url)
            assert "办理时窗口人员不耐烦" not in person.response.text

    def test_supervisor_reads_routing_page(self, web_hall):
        """The supervisor sees every complaint on the routing page."""
        url = web_hall["portal"].absolute_url()
        file_complaint(Person(url), url)
        number = stored("Complaint")[0].number
        page = Person(url, "supervisor").open(f"{url}/@@case-routing")
        assert page.xpath(f'//a[text()="{number}"]')
        page = Person(url, "staff_a").open(f"{url}/@@case-routing")
        assert not page.xpath(f'//a[text()="{number}"]')

    def test_guide_links_to_complaint_form_with_department(self, web_hall):
        """The guide's contact section opens the complaint form, department chosen."""
        url = web_hall["portal"].absolute_url()
        visitor = Person(url)
        guide = visitor.open(web_hall["item_a"].absolute_url())
        link = guide.xpath('//*[@id="guide-contact"]//a[text()="网上投诉"]')[0]
        page = visitor.open(link.get("href"))
        chosen = page.xpath('//select[@name="department"]/option[@selected]/@value')
        assert chosen == [web_hall["department_a"].UID()]


class TestMemberDesk:
    """A member finds their own questions and complaints on their desk."""

    def test_questions_and_complaints_listed(self, web_hall):
        url = web_hall["portal"].absolute_url()
        citizen = Person(url, "citizen")
        page = citizen.open(f"{url}/@@consult")
        citizen.submit(
            form_of(page, "hall-consult-form"),
            {"question": "办理施工许可需要哪些材料？" * 5},
        )
        file_complaint(citizen, url, subject="窗口人员态度差")
        question = stored("Consultation")[0]
        complaint = stored("Complaint")[0]

        desk = citizen.open(f"{url}/my-applications")
        section = desk.find_class("hall-desk-cases")[0]
        rows = section.xpath(".//tbody/tr")
        # The newest first: the complaint was filed after the question.
        assert [row.xpath("string(td[1])").strip() for row in rows] == [
            complaint.number,
            question.number,
        ]
        kind, text = rows[1].xpath("th")[0].text_content().split(None, 1)
        assert kind == "咨询"
        assert text.strip().endswith("…") and len(text.strip()) == 40
        assert rows[1].xpath(".//a/@href") == [question.absolute_url()]
        assert "待答复" in rows[1].text_content()
        assert "投诉" in rows[0].text_content()
        assert "窗口人员态度差" in rows[0].text_content()

        other = Person(url, "other_citizen")
        desk = other.open(f"{url}/my-applications")
        assert not desk.find_class("hall-desk-cases")
