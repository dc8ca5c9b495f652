"""Two departments, an item each, and everybody who acts on questions and complaints.

Shared by the tests of consultations and complaints; the fixtures over them
are in this folder's conftest.
"""

from plone import api
from zyzwfw import bots
from zyzwfw import departments

import lxml.html
import requests
import transaction


PASSWORD = "secret-Pa55word"

#: Everybody of the permission tables, ``anonymous`` for nobody.
PEOPLE = (
    "anonymous",
    "citizen",
    "other_citizen",
    "staff_a",
    "staff_b",
    "reviewer",
    "supervisor",
)

QUESTION = "请问办理施工许可需要提供哪些材料？"
ANSWER = "请按办事指南准备材料，可在线提交。"


def create_department(folder, short_code, title):
    """Create a published department, as the centre does."""
    department = api.content.create(
        container=folder,
        type="Department",
        id=short_code,
        title=title,
        short_code=short_code,
    )
    api.content.transition(obj=department, transition="publish")
    return department


def create_item(department, item_id, title):
    """Create a published service item."""
    item = api.content.create(
        container=department,
        type="ServiceItem",
        id=item_id,
        title=title,
        implementation_code=item_id.upper(),
        item_type="01",
        served_parties=["person", "legal"],
        online_depth="3",
        promised_limit=10,
    )
    api.content.transition(obj=item, transition="publish")
    return item


def build_hall(portal):
    """Departments A (住建局) and B (气象局), an item each, and the people."""
    api.portal.set_registry_record("plone.default_language", "zh-cn")
    bots.reset()
    with api.env.adopt_roles(["Manager"]):
        folder = portal["departments"]
        department_a = create_department(folder, "zjj", "市住房和城乡建设局")
        department_b = create_department(folder, "qxj", "市气象局")
        item_a = create_item(department_a, "zjj-permit", "建筑工程施工许可")
        item_b = create_item(department_b, "qxj-permit", "雷电防护装置设计审核")
        for user_id in PEOPLE[1:]:
            api.user.create(
                email=f"{user_id}@example.cn",
                username=user_id,
                password=PASSWORD,
                properties={"fullname": f"{user_id} 全名"},
            )
        departments.add_staff(department_a, "staff_a")
        departments.add_staff(department_b, "staff_b")
        departments.add_reviewer("reviewer")
        api.user.grant_roles(username="supervisor", roles=["Supervisor"])
    return {
        "portal": portal,
        "department_a": department_a,
        "department_b": department_b,
        "item_a": item_a,
        "item_b": item_b,
    }


class Person:
    """A browser session: it logs in, opens pages and sends their forms."""

    def __init__(self, url, user_id=None):
        self.url = url
        self.session = requests.Session()
        self.response = None
        if user_id is not None:
            self.log_in(user_id)

    def log_in(self, user_id):
        """Log in through the login form."""
        page = self.open(f"{self.url}/login")
        form = page.get_element_by_id("LoginForm")
        fields = dict(form.form_values())
        fields.update({"__ac_name": user_id, "__ac_password": PASSWORD})
        fields["buttons.login"] = "登录"
        self.session.post(form.action, data=fields)
        assert "__ac" in self.session.cookies

    def open(self, url, **params):
        """Open a page and return it parsed."""
        self.response = self.session.get(url, params=params or None)
        return self.page()

    def page(self):
        """Return the last page answered, parsed."""
        return lxml.html.fromstring(self.response.text, base_url=self.response.url)

    def submit(self, form, values=(), files=None):
        """Send a form as a browser would, its own values replaced by ``values``."""
        values = dict(values)
        fields = [pair for pair in form.form_values() if pair[0] not in values]
        fields += list(values.items())
        self.response = self.session.post(form.action, data=fields, files=files)
        return self.page()


def text_of(page, element_id):
    """Return the text of an element, or ``None`` if the page has none."""
    found = page.xpath(f'//*[@id="{element_id}"]')
    return found[0].text_content().strip() if found else None


def stored(portal_type):
    """Return the cases of a type the server committed, oldest first."""
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type=portal_type, sort_on="created"
    )
    return [brain._unrestrictedGetObject() for brain in brains]
