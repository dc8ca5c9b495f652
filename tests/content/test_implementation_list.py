"""A department's implementation list (实施清单) as a spreadsheet."""

from pathlib import Path
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from plone.protect.authenticator import createToken
from types import SimpleNamespace
from zExceptions import Forbidden
from zExceptions import Unauthorized
from zope.interface import alsoProvides
from ZPublisher.HTTPRequest import FileUpload
from zyzwfw.implementation_list import CONTENT_TYPE
from zyzwfw.implementation_list import export_department
from zyzwfw.implementation_list import import_department
from zyzwfw.interfaces import IZyzwfwLayer

import importlib.util
import io
import openpyxl
import pytest
import re
import transaction
import zipfile


SCRIPT = Path(__file__).parents[2] / "scripts" / "implementation_list.py"

CODE_A = "511200-GA-001"
CODE_B = "511200-GA-002"
CODE_OTHER = "511200-MZ-001"


def _html(html):
    return RichTextValue(html, "text/html", "text/x-html-safe")


@pytest.fixture
def manager(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal


@pytest.fixture
def departments(manager):
    """Two departments: 公安 with two items and three materials, 民政 with one."""
    folder = manager["departments"]
    police = api.content.create(
        container=folder,
        type="Department",
        id="gongan",
        title="市公安局",
        short_code="GA",
    )
    civil = api.content.create(
        container=folder,
        type="Department",
        id="minzheng",
        title="市民政局",
        short_code="MZ",
    )
    hukou = api.content.create(
        container=police,
        type="ServiceItem",
        id="hukou",
        title="户口迁移",
        description="办理市内户口迁移。",
        implementation_code=CODE_A,
        basic_code="000123",
        item_type="07",
        served_parties=["person"],
        themes=["identity", "housing"],
        handling_kind="promised",
        legal_basis=_html(
            "<p>《中华人民共和国户口登记条例》第十条</p>"
            "<ul><li>公民迁出本户口管辖区，应当申报迁出登记。</li></ul>"
        ),
        conditions="本市户籍居民。\n有合法稳定住所。",
        steps=[
            {"name": "受理", "post": "窗口", "responsible": "张三", "time_limit": 1},
            {"name": "审批", "post": None, "responsible": None, "time_limit": None},
        ],
        statutory_limit=20,
        statutory_limit_unit="working_days",
        promised_limit=5,
        promised_limit_unit="working_days",
        charges=False,
        handling_forms=["window", "online"],
        place="政务服务中心一楼A区",
        hours="工作日 9:00—17:00",
        consultation_phone="028-26110001",
        visits=1,
        online_depth="3",
        priority_category="formal",
        faq=[{"question": "可以代办吗？", "answer": "可以，需提供委托书。"}],
    )
    idcard = api.content.create(
        container=police,
        type="ServiceItem",
        id="idcard",
        title="居民身份证换领",
        implementation_code=CODE_B,
        item_type="20",
        served_parties=["person"],
        handling_kind="immediate",
        handling_forms=["online"],
        visits=0,
        online_depth="4",
    )
    api.content.create(
        container=hukou,
        type="Material",
        id="form",
        title="户口迁移申请表",
        requirement="required",
        forms=["original"],
        originals=1,
        copies=0,
        source="applicant",
        explanation="在窗口或网上下载填写。",
        needs_template=True,
        template=NamedBlobFile(data=b"%PDF-1.4 form", filename="form.pdf"),
    )
    api.content.create(
        container=hukou,
        type="Material",
        id="booklet",
        title="居民户口簿",
        requirement="deferrable",
        forms=["original", "copy"],
        originals=1,
        copies=1,
        source="government",
        upload_required=True,
    )
    api.content.create(
        container=idcard,
        type="Material",
        id="photo",
        title="数码照片",
        requirement="required",
        forms=["electronic"],
        originals=0,
        copies=0,
        source="other",
    )
    api.content.create(
        container=civil,
        type="ServiceItem",
        id="marriage",
        title="结婚登记",
        implementation_code=CODE_OTHER,
        item_type="07",
        served_parties=["person"],
        handling_kind="immediate",
        visits=1,
        online_depth="1",
    )
    return SimpleNamespace(police=police, civil=civil, hukou=hukou, idcard=idcard)


@pytest.fixture
def exported(departments):
    return export_department(departments.police)


def _workbook(data):
    return openpyxl.load_workbook(io.BytesIO(data))


def _saved(workbook):
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _column(sheet, heading):
    for cell in sheet[1]:
        if cell.value == heading:
            return cell.column
    raise KeyError(heading)


def set_cell(sheet, row, heading, value):
    """Return a change of the workbook that writes one cell."""

    def change(data):
        workbook = _workbook(data)
        worksheet = workbook[sheet]
        # openpyxl's cell() ignores a value of None, so set it afterwards.
        worksheet.cell(row=row, column=_column(worksheet, heading)).value = value
        return _saved(workbook)

    return change


def append_row(sheet, values):
    """Return a change of the workbook that adds a row by headings."""

    def change(data):
        workbook = _workbook(data)
        worksheet = workbook[sheet]
        row = [None] * worksheet.max_column
        for heading, value in values.items():
            row[_column(worksheet, heading) - 1] = value
        worksheet.append(row)
        return _saved(workbook)

    return change


def remove_sheet(sheet):
    """Return a change of the workbook that deletes a sheet."""

    def change(data):
        workbook = _workbook(data)
        del workbook[sheet]
        return _saved(workbook)

    return change


def rename_heading(sheet, heading, new):
    """Return a change of the workbook that renames a column."""

    def change(data):
        workbook = _workbook(data)
        worksheet = workbook[sheet]
        worksheet.cell(row=1, column=_column(worksheet, heading), value=new)
        return _saved(workbook)

    return change


def replace_with(data):
    """Return a change that swaps the workbook for other bytes."""
    return lambda _data: data


def _zip_of_text():
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("readme.txt", "不是表格")
    return stream.getvalue()


def snapshot(department):
    """Every item and material of the department with its dates and values."""
    state = {}
    for item in department.objectValues():
        state[item.getId()] = (
            item.modified(),
            item.title,
            item.implementation_code,
            item.statutory_limit,
            item.visits,
            tuple(item.objectIds()),
        )
        for material in item.objectValues():
            key = f"{item.getId()}/{material.getId()}"
            state[key] = (material.modified(), material.title, material.requirement)
    return state


def problems(report):
    return [(p.sheet, p.row, p.column, str(p.message)) for p in report.problems]


NEW_ITEM = {
    "实施编码": "511200-GA-003",
    "事项名称": "户籍证明开具",
    "事项类型": "公共服务",
    "服务对象": "个人；法人",
    "主题分类": "identity",
    "办件类型": "immediate",
    "设定依据": "《户口登记条例》\n第二条",
    "法定办结时限": 3,
    "是否收费": "否",
    "办理形式": "window；online",
    "到现场次数": 1,
    "网办深度": "2",
}


class TestExport:
    def test_sheets(self, exported):
        """The workbook has the four data sheets and the notes."""
        assert _workbook(exported).sheetnames == [
            "事项",
            "材料",
            "环节",
            "常见问题",
            "说明",
        ]

    def test_one_row_per_item(self, exported):
        """The items sheet has a row per item of the department, in order."""
        sheet = _workbook(exported)["事项"]
        codes = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert codes == [CODE_A, CODE_B]

    def test_item_values(self, exported, departments):
        """Code lists are written by name, several values joined by ；."""
        sheet = _workbook(exported)["事项"]
        headings = [cell.value for cell in sheet[1]]
        values = next(sheet.iter_rows(min_row=2, values_only=True))
        row = dict(zip(headings, values, strict=True))
        assert row["事项名称"] == "户口迁移"
        assert row["主题分类"] == "户籍身份；住房保障"
        assert row["设定依据"] == (
            "《中华人民共和国户口登记条例》第十条\n公民迁出本户口管辖区，应当申报迁出登记。"
        )
        assert row["法定办结时限"] == 20
        assert row["是否收费"] == "否"
        assert row["到现场次数"] == 1

    def test_materials_keyed_by_item(self, exported):
        """Each material row names its item's implementation code."""
        sheet = _workbook(exported)["材料"]
        rows = [row[:2] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert rows == [
            (CODE_A, "户口迁移申请表"),
            (CODE_A, "居民户口簿"),
            (CODE_B, "数码照片"),
        ]

    def test_steps_and_questions(self, exported):
        """Steps and questions have sheets of their own, in order."""
        workbook = _workbook(exported)
        steps = list(workbook["环节"].iter_rows(min_row=2, values_only=True))
        assert steps == [
            (CODE_A, "受理", "窗口", "张三", 1),
            (CODE_A, "审批", None, None, None),
        ]
        faq = list(workbook["常见问题"].iter_rows(min_row=2, values_only=True))
        assert faq == [(CODE_A, "可以代办吗？", "可以，需提供委托书。")]


class TestRoundTrip:
    def test_unchanged_file_changes_nothing(self, departments, exported):
        """Importing the export again creates and updates nothing."""
        before = snapshot(departments.police)
        report = import_department(departments.police, exported)
        assert report.ok
        assert (report.items.created, report.items.updated) == (0, 0)
        assert report.items.unchanged == 2
        assert (report.materials.created, report.materials.updated) == (0, 0)
        assert report.materials.unchanged == 3
        assert report.changes == []
        assert snapshot(departments.police) == before

    def test_unchanged_file_writes_nothing(self, departments, exported):
        """Not one object is written when the file changes nothing."""
        transaction.savepoint(optimistic=True)
        import_department(departments.police, exported)
        objects = [departments.police, departments.hukou, departments.idcard]
        objects += departments.hukou.objectValues() + departments.idcard.objectValues()
        assert [obj.getId() for obj in objects if obj._p_changed] == []

    def test_codes_are_accepted_for_names(self, departments, exported):
        """A code list cell may hold the code instead of the name."""
        data = set_cell("事项", 2, "事项类型", "07")(exported)
        data = set_cell("事项", 2, "主题分类", "identity;housing")(data)
        data = set_cell("材料", 3, "材料形式", "original; copy")(data)
        report = import_department(departments.police, data)
        assert report.items.updated == 0
        assert report.materials.updated == 0

    def test_changed_cell_updates_that_item_only(self, departments, exported):
        """Only the item whose cell changed is updated, and only that field."""
        before = snapshot(departments.police)
        data = set_cell("事项", 3, "事项名称", "居民身份证换领补领")(exported)
        report = import_department(departments.police, data)
        assert (report.items.updated, report.items.unchanged) == (1, 1)
        assert report.changes[0].fields == ("title",)
        assert departments.idcard.title == "居民身份证换领补领"
        assert departments.idcard.modified() != before["idcard"][0]
        assert departments.hukou.modified() == before["hukou"][0]

    def test_changed_step_updates_the_steps(self, departments, exported):
        """A changed row of 环节 updates the item's steps."""
        data = set_cell("环节", 3, "办理岗位", "审批科")(exported)
        report = import_department(departments.police, data)
        assert report.changes[0].fields == ("steps",)
        assert departments.hukou.steps[1]["post"] == "审批科"

    def test_changed_legal_basis_becomes_paragraphs(self, departments, exported):
        """Each line of the legal basis becomes a paragraph."""
        data = set_cell("事项", 2, "设定依据", "第一条\n第二条 <b>")(exported)
        import_department(departments.police, data)
        assert (
            departments.hukou.legal_basis.raw == "<p>第一条</p><p>第二条 &lt;b&gt;</p>"
        )

    def test_changed_material_keeps_its_template(self, departments, exported):
        """Updating a material keeps its blank form."""
        data = set_cell("材料", 2, "填报须知", "请用黑色墨水填写。")(exported)
        report = import_department(departments.police, data)
        material = departments.hukou["form"]
        assert (report.materials.updated, report.materials.unchanged) == (1, 2)
        assert material.explanation == "请用黑色墨水填写。"
        assert material.template.filename == "form.pdf"

    def test_new_row_creates_an_item(self, departments, exported):
        """A row with a new code creates a private item with its material."""
        data = append_row("事项", NEW_ITEM)(exported)
        data = append_row(
            "材料",
            {
                "实施编码": "511200-GA-003",
                "材料名称": "身份证复印件",
                "材料类型": "必要",
                "材料形式": "复印件",
                "原件份数": 0,
                "复印件份数": 1,
                "来源渠道": "申请人自备",
            },
        )(data)
        data = append_row("环节", {"实施编码": "511200-GA-003", "环节名称": "受理"})(
            data
        )
        report = import_department(departments.police, data)
        assert (report.items.created, report.items.unchanged) == (1, 2)
        assert report.materials.created == 1
        item = [
            obj
            for obj in departments.police.objectValues()
            if obj.implementation_code == "511200-GA-003"
        ][0]
        assert api.content.get_state(item) == "private"
        assert item.item_type == "20"
        assert item.served_parties == ["person", "legal"]
        assert item.legal_basis.raw == "<p>《户口登记条例》</p><p>第二条</p>"
        assert item.statutory_limit_unit == "working_days"
        assert item.steps == [
            {"name": "受理", "post": None, "responsible": None, "time_limit": None}
        ]
        assert item.faq == []
        material = item.objectValues()[0]
        assert (material.title, material.forms, material.copies) == (
            "身份证复印件",
            ["copy"],
            1,
        )
        assert api.content.find(implementation_code="511200-GA-003")

    def test_dry_run_changes_nothing(self, departments, exported):
        """A dry run counts what an import would do and does none of it."""
        before = snapshot(departments.police)
        data = append_row("事项", NEW_ITEM)(exported)
        data = set_cell("事项", 2, "到现场次数", 2)(data)
        report = import_department(departments.police, data, dry_run=True)
        assert (report.items.created, report.items.updated) == (1, 1)
        assert snapshot(departments.police) == before


BAD_FILES = [
    (
        "missing title",
        set_cell("事项", 2, "事项名称", None),
        ("事项", 2, "事项名称", "error_list_required"),
    ),
    (
        "missing served party",
        set_cell("事项", 3, "服务对象", "  "),
        ("事项", 3, "服务对象", "error_list_required"),
    ),
    (
        "missing material name",
        set_cell("材料", 4, "材料名称", None),
        ("材料", 4, "材料名称", "error_list_required"),
    ),
    (
        "unknown item type",
        set_cell("事项", 2, "事项类型", "行政魔法"),
        ("事项", 2, "事项类型", "error_list_unknown_code"),
    ),
    (
        "unknown online depth",
        set_cell("事项", 2, "网办深度", "5"),
        ("事项", 2, "网办深度", "error_list_unknown_code"),
    ),
    (
        "unknown time limit unit",
        set_cell("事项", 2, "法定时限单位", "月"),
        ("事项", 2, "法定时限单位", "error_list_unknown_code"),
    ),
    (
        "unknown theme",
        set_cell("事项", 2, "主题分类", "户籍身份；火星移民"),
        ("事项", 2, "主题分类", "error_list_unknown_code"),
    ),
    (
        "unknown requirement",
        set_cell("材料", 2, "材料类型", "随便"),
        ("材料", 2, "材料类型", "error_list_unknown_code"),
    ),
    (
        "unknown material form",
        set_cell("材料", 3, "材料形式", "原件；传真件"),
        ("材料", 3, "材料形式", "error_list_unknown_code"),
    ),
    (
        "duplicate code in the file",
        set_cell("事项", 3, "实施编码", CODE_A),
        ("事项", 3, "实施编码", "error_list_duplicate_code"),
    ),
    (
        "code of another department",
        set_cell("事项", 3, "实施编码", CODE_OTHER),
        ("事项", 3, "实施编码", "error_list_code_elsewhere"),
    ),
    (
        "negative time limit",
        set_cell("事项", 2, "法定办结时限", -1),
        ("事项", 2, "法定办结时限", "error_list_whole_number"),
    ),
    (
        "fractional time limit",
        set_cell("事项", 2, "承诺办结时限", 2.5),
        ("事项", 2, "承诺办结时限", "error_list_whole_number"),
    ),
    (
        "time limit in words",
        set_cell("事项", 2, "承诺办结时限", "五个工作日"),
        ("事项", 2, "承诺办结时限", "error_list_whole_number"),
    ),
    (
        "step time limit in words",
        set_cell("环节", 2, "办理时限（工作日）", "三天"),
        ("环节", 2, "办理时限（工作日）", "error_list_whole_number"),
    ),
    (
        "negative copies",
        set_cell("材料", 2, "复印件份数", "-2"),
        ("材料", 2, "复印件份数", "error_list_whole_number"),
    ),
    (
        "depth IV with visits",
        set_cell("事项", 3, "到现场次数", 2),
        ("事项", 3, "到现场次数", "error_depth_four_visits"),
    ),
    (
        "not yes or no",
        set_cell("事项", 2, "是否收费", "收"),
        ("事项", 2, "是否收费", "error_list_yes_no"),
    ),
    (
        "title on two lines",
        set_cell("事项", 2, "事项名称", "户口\n迁移"),
        ("事项", 2, "事项名称", "error_list_single_line"),
    ),
    (
        "code in Chinese",
        set_cell("事项", 2, "实施编码", "公安001"),
        ("事项", 2, "实施编码", "error_list_ascii"),
    ),
    (
        "material of an unknown item",
        set_cell("材料", 4, "实施编码", "511200-GA-999"),
        ("材料", 4, "实施编码", "error_list_unknown_item"),
    ),
    (
        "step of an unknown item",
        set_cell("环节", 3, "实施编码", "511200-GA-999"),
        ("环节", 3, "实施编码", "error_list_unknown_item"),
    ),
    (
        "question of an item in another department",
        set_cell("常见问题", 2, "实施编码", CODE_OTHER),
        ("常见问题", 2, "实施编码", "error_list_unknown_item"),
    ),
    (
        "material listed twice",
        set_cell("材料", 3, "材料名称", "户口迁移申请表"),
        ("材料", 3, "材料名称", "error_list_duplicate_material"),
    ),
    (
        "missing sheet",
        remove_sheet("材料"),
        ("材料", None, None, "error_list_missing_sheet"),
    ),
    (
        "renamed heading",
        rename_heading("事项", "事项名称", "名称"),
        ("事项", 1, "事项名称", "error_list_missing_column"),
    ),
    (
        "unknown heading",
        rename_heading("事项", "事项名称", "名称"),
        ("事项", 1, "名称", "error_list_unknown_column"),
    ),
    (
        "duplicate heading",
        rename_heading("材料", "填报须知", "材料名称"),
        ("材料", 1, "材料名称", "error_list_duplicate_column"),
    ),
    (
        "text file",
        replace_with("事项名称,实施编码\n".encode()),
        (None, None, None, "error_list_not_xlsx"),
    ),
    (
        "old Excel file",
        replace_with(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 512),
        (None, None, None, "error_list_not_xlsx"),
    ),
    (
        "zip that is no workbook",
        replace_with(_zip_of_text()),
        (None, None, None, "error_list_not_xlsx"),
    ),
    (
        "empty file",
        replace_with(b""),
        (None, None, None, "error_list_not_xlsx"),
    ),
]


class TestBadFiles:
    @pytest.mark.parametrize(
        "spoil,expected",
        [case[1:] for case in BAD_FILES],
        ids=[case[0] for case in BAD_FILES],
    )
    def test_refused(self, departments, exported, spoil, expected):
        """The problem is reported where it is and nothing is changed."""
        before = snapshot(departments.police)
        data = append_row("事项", NEW_ITEM)(exported)
        data = set_cell("事项", 2, "时限说明", "节假日顺延")(data)
        report = import_department(departments.police, spoil(data))
        assert not report.ok
        assert expected in problems(report)
        assert report.changes == []
        assert snapshot(departments.police) == before

    def test_every_problem_is_reported(self, departments, exported):
        """All bad cells of a file are reported at once."""
        data = set_cell("事项", 2, "事项类型", "行政魔法")(exported)
        data = set_cell("事项", 3, "网办深度", "九级")(data)
        data = set_cell("材料", 2, "原件份数", "一份")(data)
        report = import_department(departments.police, data)
        assert [problem[:3] for problem in problems(report)] == [
            ("事项", 2, "事项类型"),
            ("事项", 3, "网办深度"),
            ("材料", 2, "原件份数"),
        ]

    def test_published_item_is_not_changed_by_an_editor(
        self, portal, departments, exported
    ):
        """An editor may not change a published item through the list."""
        api.content.transition(obj=departments.hukou, transition="publish")
        api.user.create(email="editor@example.org", username="editor")
        api.user.grant_roles(
            username="editor", obj=departments.police, roles=["Editor"]
        )
        login(portal, "editor")
        data = set_cell("事项", 2, "受理条件", "不限户籍。")(exported)
        report = import_department(departments.police, data)
        assert ("事项", 2, None, "error_list_not_allowed_modify") in problems(report)


def _upload(data, filename="实施清单.xlsx"):
    return FileUpload(
        SimpleNamespace(
            file=io.BytesIO(data),
            headers={},
            # The publisher reads the multipart headers as Latin-1.
            filename=filename.encode("utf-8").decode("latin-1"),
            name="file",
        )
    )


@pytest.fixture
def editor(portal, departments, http_request):
    """A guide editor of 公安, logged in, and a request in the hall's layer."""
    api.user.create(email="editor@example.org", username="editor")
    api.user.grant_roles(username="editor", obj=departments.police, roles=["Editor"])
    login(portal, "editor")
    alsoProvides(http_request, IZyzwfwLayer)
    return http_request


def _post(request, data, token=True, **form):
    request.environ["REQUEST_METHOD"] = "POST"
    request.form.update(file=_upload(data), **form)
    if token:
        request.form["_authenticator"] = createToken()
    request.other.update(request.form)


class TestPage:
    def test_page_offers_download_and_upload(self, departments, editor):
        """The editor's page links the download and has a protected form."""
        view = api.content.get_view("implementation-list", departments.police, editor)
        html = view()
        assert "@@implementation-list-export" in html
        assert 'name="_authenticator"' in html
        assert 'type="file"' in html

    def test_export_download(self, departments, editor):
        """The download is an xlsx with a Chinese file name (RFC 5987)."""
        view = api.content.get_view(
            "implementation-list-export", departments.police, editor
        )
        data = view()
        response = editor.response
        assert response.getHeader("Content-Type").startswith(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        disposition = response.getHeader("Content-Disposition")
        assert disposition.startswith('attachment; filename="implementation-list-')
        assert "filename*=UTF-8''" in disposition
        assert "%E5%B8%82%E5%85%AC%E5%AE%89%E5%B1%80" in disposition  # 市公安局
        assert _workbook(data)["事项"]["A2"].value == CODE_A

    def test_upload_imports(self, departments, editor, exported):
        """An upload with the authenticator imports and shows the counts."""
        _post(editor, set_cell("事项", 3, "办理地点", "二楼B区")(exported))
        view = api.content.get_view("implementation-list", departments.police, editor)
        html = view()
        assert view.report.ok
        assert view.report.items.updated == 1
        assert departments.idcard.place == "二楼B区"
        assert "alert-success" in html

    def test_dry_run_upload(self, departments, editor, exported):
        """Ticking the check box only checks the file."""
        _post(editor, set_cell("事项", 3, "办理地点", "二楼B区")(exported), dry_run="1")
        view = api.content.get_view("implementation-list", departments.police, editor)
        view()
        assert view.report.dry_run
        assert departments.idcard.place is None

    def test_bad_upload_shows_problems(self, departments, editor, exported):
        """A bad file shows the table of problems and changes nothing."""
        _post(editor, set_cell("事项", 2, "事项名称", None)(exported))
        view = api.content.get_view("implementation-list", departments.police, editor)
        html = view()
        assert "hall-list-problems" in html
        assert "<td>事项名称</td>" in html
        assert departments.hukou.title == "户口迁移"

    def test_upload_without_authenticator_is_forbidden(
        self, departments, editor, exported
    ):
        """A form posted without the authenticator is refused."""
        _post(editor, set_cell("事项", 3, "办理地点", "二楼B区")(exported), token=False)
        view = api.content.get_view("implementation-list", departments.police, editor)
        with pytest.raises(Forbidden):
            view()
        assert departments.idcard.place is None

    def test_missing_file(self, departments, editor):
        """Sending the form without a file asks for one."""
        editor.environ["REQUEST_METHOD"] = "POST"
        editor.form["_authenticator"] = createToken()
        editor.other.update(editor.form)
        view = api.content.get_view("implementation-list", departments.police, editor)
        view()
        assert view.error == "error_list_no_file"
        assert view.report is None

    @pytest.mark.parametrize(
        "name", ["@@implementation-list", "@@implementation-list-export"]
    )
    def test_anonymous_is_refused(self, portal, departments, http_request, name):
        """Anonymous users may not see the list or download it."""
        alsoProvides(http_request, IZyzwfwLayer)
        logout()
        with pytest.raises(Unauthorized):
            departments.police.restrictedTraverse(name)


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("implementation_list_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestConsoleCommand:
    def run(self, script, portal, *argv):
        out = io.StringIO()
        status = script.run(portal, script.parse_arguments(argv), out=out)
        return status, out.getvalue()

    def test_export_then_import(self, script, departments, tmp_path):
        """An exported file imports back with nothing changed."""
        path = tmp_path / "list.xlsx"
        status, _out = self.run(script, api.portal.get(), "export", "gongan", str(path))
        assert status == 0
        assert _workbook(path.read_bytes())["事项"]["A3"].value == CODE_B
        status, out = self.run(script, api.portal.get(), "import", "gongan", str(path))
        assert status == 0
        assert len(out.splitlines()) == 2

    def test_bad_file_exits_non_zero(self, script, departments, exported, tmp_path):
        """A file with problems makes the command fail and change nothing."""
        path = tmp_path / "list.xlsx"
        path.write_bytes(set_cell("事项", 2, "网办深度", "5")(exported))
        status, out = self.run(script, api.portal.get(), "import", "gongan", str(path))
        assert status == 1
        assert "网办深度" in out
        assert departments.hukou.online_depth == "3"

    def test_dry_run(self, script, departments, exported, tmp_path):
        """--dry-run reports without changing anything."""
        path = tmp_path / "list.xlsx"
        path.write_bytes(set_cell("事项", 3, "办理地点", "二楼B区")(exported))
        status, out = self.run(
            script, api.portal.get(), "import", "gongan", str(path), "--dry-run"
        )
        assert status == 0
        assert len(out.splitlines()) == 3
        assert departments.idcard.place is None

    def test_unknown_department(self, script, departments, tmp_path):
        """An unknown department id is a usage error."""
        path = tmp_path / "list.xlsx"
        status, _out = self.run(script, api.portal.get(), "export", "nope", str(path))
        assert status == 2
        assert not path.exists()


class TestOverHttp:
    @pytest.fixture
    def department(self, functional_portal):
        setRoles(functional_portal, TEST_USER_ID, ["Manager"])
        department = api.content.create(
            container=functional_portal["departments"],
            type="Department",
            id="shuiwu",
            title="市税务局",
            short_code="SW",
        )
        api.content.create(
            container=department,
            type="ServiceItem",
            id="invoice",
            title="发票领用",
            implementation_code="511200-SW-001",
            item_type="20",
            served_parties=["legal"],
            handling_kind="immediate",
            visits=1,
            online_depth="3",
        )
        transaction.commit()
        return department

    def test_download_and_upload(self, department, request_factory):
        """A real browser session downloads the list and uploads it back."""
        session = request_factory(role="Manager", api=False)
        session.headers["Accept"] = "text/html"
        base = "departments/shuiwu/@@implementation-list"

        download = session.get(f"{base}-export")
        assert download.status_code == 200
        assert download.headers["Content-Disposition"].startswith("attachment;")

        page = session.get(base)
        token = re.search(r'name="_authenticator" value="(\w+)"', page.text)[1]
        data = set_cell("事项", 2, "办理地点", "办税服务厅")(download.content)
        response = session.post(
            base,
            data={"_authenticator": token},
            files={"file": ("清单.xlsx", data, CONTENT_TYPE)},
        )
        assert response.status_code == 200
        assert "alert-success" in response.text
        transaction.begin()
        assert department["invoice"].place == "办税服务厅"

    def test_anonymous_is_sent_to_log_in(self, department, request_factory):
        """Anonymous users do not get the download."""
        session = request_factory(api=False)
        response = session.get(
            "departments/shuiwu/@@implementation-list-export", allow_redirects=False
        )
        assert response.status_code in (302, 401)
        assert CONTENT_TYPE not in response.headers.get("Content-Type", "")
