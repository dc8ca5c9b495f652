"""Accessibility and the phone layout of the hall's main pages, in Chromium.

axe-core (pinned in ``tests/journeys/package.json``, installed from the npm
registry on first use) checks each page at both widths; the page must have
no serious or critical violation. Each page also has one h1 and a skip link
to its content; at 390 px it does not scroll sideways and its controls are
large enough for a finger.
"""

from playwright.sync_api import expect

import pytest


pytestmark = pytest.mark.slow

# (name, who logs in, the page's path, a link to follow from it)
PAGES = (
    ("home", None, "", None),
    ("guide", None, "/departments/zjj/fire-design-review", None),
    ("apply", "13800000003", "/departments/zjj/fire-design-review", "在线申报"),
    ("my-applications", "13800000001", "/my-applications", None),
    ("worklist", "zjj-clerk", "/worklist", None),
    ("statistics", None, "/statistics", None),
    ("open", None, "/open", None),
    ("how-to", None, "/how-to", None),
)

IMPACTS = ("serious", "critical")

# What a finger presses: buttons, fields and the links that stand alone.
CONTROLS = ", ".join(
    (
        "#content button",
        "#content input:not([type=hidden]):not([type=checkbox]):not([type=radio])",
        "#content select",
        "#content textarea",
        "#content a.btn",
        "#portal-globalnav a",
        "#portal-personaltools a",
        "#portal-membertools summary",
        "#portal-membertools a",
        ".hall-card-link",
        ".hall-window-link",
        ".hall-busiest-link",
        ".hall-theme-link",
        ".hall-news-list a",
        ".hall-facet-option",
        ".hall-pager-link",
    )
)

# Measures the visible controls, leaving out the honeypots that anonymous
# forms hide from people; returns those less than 44 px high.
SMALL_CONTROLS = """(selector) => Array.from(document.querySelectorAll(selector))
    .filter((element) => element.offsetParent !== null)
    .filter((element) => !element.closest(".hall-hp, [aria-hidden=true]"))
    .map((element) => [element, element.getBoundingClientRect()])
    .filter(([element, box]) => box.width > 0 && box.height < 44)
    .map(([element, box]) =>
        `${element.tagName.toLowerCase()}#${element.id}.${element.className}` +
        ` "${(element.innerText || element.value || "").trim().slice(0, 20)}"` +
        ` ${Math.round(box.width)}x${Math.round(box.height)}`)"""


def open_page(visitor, login, path, link):
    """Log in if needed, open the page, follow a link from it if named."""
    if login:
        visitor.log_in(login)
    page = visitor.open(path)
    if link:
        page.get_by_role("link", name=link).first.click()
        page.wait_for_load_state()
    return page


def axe_violations(page, axe_source):
    """Run axe-core on the page; return its serious and critical violations."""
    page.add_script_tag(content=axe_source)
    results = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results["violations"]
        if violation["impact"] in IMPACTS
    ]


@pytest.mark.parametrize(
    ("name", "login", "path", "link"), PAGES, ids=[page[0] for page in PAGES]
)
def test_page_is_accessible(visitors, viewport, axe_source, name, login, path, link):
    """axe finds nothing serious; one h1; a skip link; no sideways scrolling
    and large touch targets on a phone."""
    visitor = visitors(name)
    page = open_page(visitor, login, path, link)
    visitor.shoot(name)

    violations = axe_violations(page, axe_source)
    assert not violations, "\n".join(violations)
    assert page.locator("h1").count() == 1
    skip = page.locator("a[href='#content'], a[href$='#content']").first
    assert skip.count(), "no skip link to the content"

    if viewport == "phone":
        widths = page.evaluate(
            "[document.scrollingElement.scrollWidth, window.innerWidth]"
        )
        assert widths[0] <= widths[1], f"scrolls sideways: {widths}"
        small = page.evaluate(SMALL_CONTROLS, CONTROLS)
        assert not small, "\n".join(small)


def test_errors_are_announced_and_tied_to_their_fields(visitors):
    """A form sent incomplete announces its errors, and each wrong field
    names its message."""
    visitor = visitors("company")
    page = open_page(visitor, "13800000003", PAGES[2][2], "在线申报")
    page.get_by_role("button", name="提交申请").click()

    expect(page.get_by_role("alert").first).to_be_visible()
    invalid = page.locator("[aria-invalid=true]")
    expect(invalid.first).to_be_visible()
    for index in range(invalid.count()):
        field = invalid.nth(index)
        described = (field.get_attribute("aria-describedby") or "").split()
        messages = [
            page.locator(f"[id='{identifier}']").inner_text().strip()
            for identifier in described
        ]
        assert any(messages), f"{field.get_attribute('name')} names no message"
    visitor.shoot("errors")


def test_tables_stack_into_cards_on_a_phone(visitors, viewport):
    """The guide's materials table is a table on a desktop, cards on a phone."""
    visitor = visitors("visitor")
    page = visitor.open(PAGES[1][2])
    table = page.locator("table.hall-stack").first
    display = table.locator("tbody tr").first.evaluate(
        "(row) => getComputedStyle(row).display"
    )
    assert display == ("block" if viewport == "phone" else "table-row")
