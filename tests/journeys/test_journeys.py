"""The main journeys through the hall, in Chromium, at a desktop and a phone.

Every step is a click or a keystroke of a person; the assertions read what
the page shows them. Each journey runs at 1280 × 800 and at 390 × 844 and
leaves screenshots of its key pages in ``test-artifacts/journeys/``.
"""

from dataclasses import dataclass
from journey_steps import attach
from journey_steps import download
from journey_steps import expect_text
from journey_steps import fill_applicant
from journey_steps import is_docx
from journey_steps import is_pdf
from journey_steps import new_credit_code
from journey_steps import new_id_number
from journey_steps import new_mobile
from journey_steps import NEW_PASSWORD
from journey_steps import number_and_code
from journey_steps import register
from playwright.sync_api import expect

import io
import openpyxl
import pytest
import random
import re


pytestmark = pytest.mark.slow

DEPARTMENT = "资阳市住房和城乡建设局"
ITEM = "特殊建设工程消防设计审查"
FORM = "特殊建设工程消防设计审查申请表"
DESIGN_FILES = "消防设计文件"
OPTIONAL = "建设工程规划许可证"


@dataclass(frozen=True)
class Item:
    """An item a citizen applies for, and the files its form asks for."""

    title: str
    form: str
    second: str


# Window staff handle the fire design reviews of the 住房和城乡建设局; the
# other journeys apply to the 气象局, so that the staff's worklist holds only
# the application of their own journey.
FIRE_DESIGN = Item(ITEM, FORM, DESIGN_FILES)
BALLOON = Item(
    "升放无人驾驶自由气球或者系留气球活动审批",
    "升放气球活动申请表",
    "升放场地平面示意图",
)
COMPANY = "资阳市安居建筑设计有限公司"


def test_find_an_item_and_download_its_forms(visitors):
    """A visitor finds an item by department and by a Chinese search, and
    downloads its blank form and its sample."""
    visitor = visitors("visitor")
    page = visitor.open()
    visitor.shoot("home")

    # By department: the home page's windows lead to the department's items.
    page.get_by_role("link", name=re.compile(DEPARTMENT)).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(DEPARTMENT)
    visitor.shoot("department")
    page.get_by_role("link", name=ITEM, exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ITEM)

    # By a search in Chinese from the home page.
    page = visitor.open()
    search = page.get_by_role("searchbox", name="搜索事项和办事指南")
    search.fill("消防设计")
    search.press("Enter")
    results = page.locator(".hall-results")
    expect(results).to_contain_text(ITEM)
    visitor.shoot("search")
    results.get_by_role("link", name=ITEM, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ITEM)
    visitor.shoot("guide")

    materials = page.get_by_role("region", name="申请材料")
    blank = materials.get_by_role("link", name=re.compile("格式文本"))
    name, data = download(page, blank)
    assert name.endswith(".docx")
    assert is_docx(data)
    sample = materials.get_by_role("link", name=re.compile("示范文本"))
    name, data = download(page, sample)
    assert name.endswith(".pdf")
    assert is_pdf(data)


def apply_as_new_citizen(visitor, item):
    """Register, open the item's guide and start applying with its form.

    :returns: the mobile number the citizen registered with.
    """
    mobile = new_mobile()
    register(visitor, mobile, "赵一鸣", f"{mobile}@example.cn")
    visitor.log_in(mobile, NEW_PASSWORD)
    page = visitor.open()

    search = page.get_by_role("searchbox", name="搜索事项和办事指南")
    search.fill(item.title)
    search.press("Enter")
    page.locator(".hall-results").get_by_role("link", name=item.title).first.click()
    page.get_by_role("link", name="在线申报").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(item.title)

    fill_applicant(page, new_id_number(), COMPANY, new_credit_code())
    attach(page, item.form, "申请表.pdf")
    return mobile


def test_register_apply_save_a_draft_and_submit(visitors):
    """A citizen registers, applies with uploads, saves a draft, comes back
    later, completes it and submits, and is shown number and query code."""
    citizen = visitors("citizen")
    apply_as_new_citizen(citizen, BALLOON)
    page = citizen.page
    citizen.shoot("apply-form")
    page.get_by_role("button", name="保存草稿").click()
    expect_text(page, "草稿")
    citizen.shoot("draft")

    # Later: My applications leads back to the draft.
    page = citizen.open()
    citizen.navigate("网上申报")
    page.get_by_role("link", name="我的办件").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("我的办件")
    citizen.shoot("my-applications")
    page.get_by_role("link", name="继续填写").first.click()
    attach(page, BALLOON.second, "场地平面示意图.pdf")
    page.get_by_role("button", name="提交申请").click()

    expect_text(page, "查询码")
    number, code = number_and_code(page)
    assert re.fullmatch(r"ZY\d{10}", number)
    assert len(code) >= 6
    citizen.shoot("submitted")


def submit_new_application(citizen, item):
    """Register, apply with the required files and submit.

    :returns: the application's number and query code.
    """
    apply_as_new_citizen(citizen, item)
    page = citizen.page
    attach(page, item.second, "第二份材料.pdf")
    page.get_by_role("button", name="提交申请").click()
    expect_text(page, "查询码")
    return number_and_code(page)


def staff_opens(staff, number):
    """Window staff find an application at the top of the worklist."""
    page = staff.user_menu("窗口工作台")
    expect(page.get_by_role("heading", level=1)).to_contain_text("工作台")
    first = page.locator(".hall-worklist-table tbody tr").first
    expect(first).to_contain_text(number)
    staff.shoot("worklist")
    first.get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(FIRE_DESIGN.title)
    return page


def staff_moves(staff, button, state):
    """Window staff press a transition's button and see the new state."""
    page = staff.page
    page.get_by_role("button", name=button, exact=True).click()
    expect_text(page, state)


def test_supplement_and_decide(visitors):
    """Staff ask for a missing material, the citizen supplies it and
    resubmits, staff pass pre-review, accept and approve, and the citizen
    rates the service."""
    citizen = visitors("citizen")
    number, _code = submit_new_application(citizen, FIRE_DESIGN)

    staff = visitors("staff")
    staff.log_in("zjj-clerk")
    page = staff_opens(staff, number)
    staff.shoot("application")
    page.get_by_role("checkbox", name=OPTIONAL, exact=True).check()
    page.get_by_role("textbox", name=re.compile("办理意见")).fill(
        "请补充建设工程规划许可证复印件。"
    )
    staff_moves(staff, "要求补正", "待补正")

    # The citizen sees the request on their desk and answers it.
    page = citizen.open()
    citizen.navigate("网上申报")
    page.get_by_role("link", name="我的办件").first.click()
    row = page.locator("tr", has_text=number)
    expect(row).to_contain_text("待补正")
    citizen.shoot("asked-to-supplement")
    row.get_by_role("link", name="补正材料").click()
    expect_text(page, "请补充建设工程规划许可证复印件")
    attach(page, OPTIONAL, "规划许可证.pdf")
    citizen.shoot("supplement")
    page.get_by_role("button", name="提交补正材料").click()
    expect_text(page, "补正材料已提交")

    page = staff.open()
    page = staff_opens(staff, number)
    expect_text(page, "规划许可证.pdf")
    staff_moves(staff, "通过预审", "预审通过")
    staff_moves(staff, "受理", "已受理")
    staff_moves(staff, "准予许可", "准予许可")
    staff.shoot("approved")

    page = citizen.open()
    citizen.navigate("网上申报")
    page.get_by_role("link", name="我的办件").first.click()
    row = page.locator("tr", has_text=number)
    expect(row).to_contain_text("准予许可")
    citizen.shoot("decided")

    # The citizen rates the service of the window.
    row.get_by_role("link", name="评价服务").click()
    page.get_by_role("radio", name="非常满意").check()
    page.get_by_role("textbox", name=re.compile("评价|意见|留言")).fill(
        "窗口答复及时，补正要求写得清楚。"
    )
    citizen.shoot("rating")
    page.get_by_role("button", name="提交评价").click()
    expect_text(page, "服务评价")
    expect_text(page, "非常满意")
    expect_text(page, "窗口答复及时")


def test_progress_lookup(visitors):
    """Anyone with the number and the query code sees the masked timeline;
    a wrong code is refused."""
    citizen = visitors("citizen")
    number, code = submit_new_application(citizen, BALLOON)

    visitor = visitors("visitor")
    page = visitor.open()
    visitor.navigate("办件查询")
    page.get_by_role("textbox", name=re.compile("^办件编号")).fill(number)
    page.get_by_role("textbox", name=re.compile("^查询码")).fill("WRONG1")
    page.get_by_role("button", name="查询", exact=True).click()
    expect(page.get_by_role("alert").first).to_be_visible()
    expect_text(page, "查询码")
    assert COMPANY not in page.locator("#content").inner_text()
    visitor.shoot("refused")

    page.get_by_role("textbox", name=re.compile("^办件编号")).fill(number)
    page.get_by_role("textbox", name=re.compile("^查询码")).fill(code)
    page.get_by_role("button", name="查询", exact=True).click()
    expect_text(page, number)
    expect_text(page, "待预审")
    # The applicant, a company, is shown masked: first and last character.
    content = page.locator("#content").inner_text()
    assert COMPANY not in content
    assert re.search(r"资\*+司", content)
    visitor.shoot("timeline")


def test_editor_changes_a_guide_and_the_centre_publishes_it(visitors):
    """The centre sends a guide back, the department's editor changes it and
    submits it, the centre publishes it and everyone sees the change."""
    guide_path = "/departments/zjj/gas-business-licence"
    change = f"自{random.randrange(1, 28)}日起，燃气经营许可可全程网上预审。"

    reviewer = visitors("reviewer")
    reviewer.log_in("centre-reviewer")
    reviewer.open(guide_path)
    reviewer.workflow("retract", unless_state="保密")

    editor = visitors("editor")
    editor.log_in("guide-editor")
    page = editor.open(guide_path)
    page.locator("#contentview-edit > a").click()
    summary = page.get_by_role("textbox", name=re.compile("^(摘要|描述|Summary)"))
    summary.fill(change)
    editor.shoot("edit")
    page.get_by_role("button", name="保存", exact=True).click()
    expect(page.locator("#content")).to_contain_text(change)
    editor.workflow("submit")
    editor.shoot("submitted")

    anonymous = visitors("visitor")
    anonymous.open(guide_path)
    expect(anonymous.page.locator("#content")).not_to_contain_text(change)

    page = reviewer.open(guide_path)
    expect(page.locator("#content")).to_contain_text(change)
    reviewer.workflow("publish")
    reviewer.shoot("published")

    page = anonymous.open(guide_path)
    expect(page.get_by_role("heading", level=1)).to_have_text("燃气经营许可证核发")
    expect(page.locator("#content")).to_contain_text(change)
    anonymous.shoot("guide")


def test_a_question_becomes_a_faq_entry(visitors):
    """A visitor asks about an item, window staff answer and publish the
    answer, and the guide shows it as a frequently asked question."""
    guide_path = "/departments/zjj/construction-waste"
    question = f"建筑垃圾处置核准需要提供运输车辆的照片吗？（{new_mobile()[-4:]}）"
    answer = "不需要照片，提供运输合同和车辆行驶证复印件即可。"

    visitor = visitors("visitor")
    page = visitor.open(guide_path)
    page.get_by_role("link", name="在线咨询").first.click()
    page.get_by_role("textbox", name=re.compile("^咨询内容")).fill(question)
    page.get_by_role("textbox", name=re.compile("^您的姓名")).fill("钱多多")
    page.get_by_role("textbox", name=re.compile("^手机号码")).fill(new_mobile())
    page.get_by_role("checkbox", name=re.compile("同意将问题和答复")).check()
    visitor.shoot("ask")
    page.get_by_role("button", name="提交咨询").click()
    expect_text(page, "您的咨询已收到")
    number = re.search(r"ZX\d{10}", page.locator("#content").inner_text()).group(0)

    staff = visitors("staff")
    staff.log_in("zjj-clerk")
    page = staff.user_menu("窗口工作台")
    page.get_by_role("link", name=re.compile("咨询工作台")).first.click()
    page.locator("tr", has_text=number).get_by_role("link").first.click()
    expect_text(page, question)
    page.get_by_role("textbox", name=re.compile("^答复内容")).fill(answer)
    page.get_by_role("button", name="提交答复").click()
    expect_text(page, "已答复")
    page.get_by_role("button", name="公开为常见问题").click()
    expect_text(page, "已公开")
    staff.shoot("published")

    page = visitor.open(guide_path)
    faq = page.get_by_role("region", name="常见问题")
    expect(faq).to_contain_text(question)
    expect(faq).to_contain_text(answer)
    expect(faq).not_to_contain_text("钱多多")
    visitor.shoot("faq")


def test_supervisor_watches_and_exports(visitors, viewport):
    """The supervisor opens the supervision desk and the statistics, and
    downloads a table as a spreadsheet."""
    supervisor = visitors("supervisor")
    supervisor.log_in("supervisor")
    page = supervisor.user_menu("电子监察")
    expect(page.get_by_role("heading", level=1)).to_contain_text("电子监察")
    supervisor.shoot("supervision")

    page = supervisor.user_menu("数据统计与考核")
    expect(page.get_by_role("heading", level=1)).to_contain_text("数据统计")
    supervisor.shoot("statistics")
    export = page.get_by_role("link", name="下载 XLSX").first
    name, data = download(page, export)
    assert name.endswith(".xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook.active
    assert sheet.max_row > 1
    assert any(cell.value for cell in sheet[1])
