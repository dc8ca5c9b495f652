"""The demonstration catalogue that `make start` loads, and its generated forms."""

from docx import Document
from plone import api
from zyzwfw import forms
from zyzwfw.setuphandlers import demo
from zyzwfw.setuphandlers import demo_catalogue
from zyzwfw.themes import DEFAULT_COMPANY_THEMES
from zyzwfw.themes import DEFAULT_PERSON_THEMES

import io
import math
import pytest
import re
import zipfile


LEAD_DEPARTMENTS = {
    "qxj": "气象局",
    "fgw": "发展和改革委员会",
    "wjw": "卫生健康委员会",
    "zlj": "质量技术监督局",
    "wgl": "文化广电旅游局",
    "zjj": "住房和城乡建设局",
    "syj": "食品药品监督管理局",
    "zrj": "自然资源和规划局",
    "ygc": "道路运输管理处",
}
OTHER_DEPARTMENTS = {
    "gaj": "公安局",
    "mzj": "民政局",
    "rsj": "人力资源和社会保障局",
    "scj": "市场监督管理局",
    "jtj": "交通运输局",
    "stj": "生态环境局",
    "jyj": "教育局",
    "swj": "税务局",
    "bdc": "不动产登记中心",
}
THEME_CODES = {
    line.split("|")[0] for line in DEFAULT_PERSON_THEMES + DEFAULT_COMPANY_THEMES
}
FIELDS = ("申请单位名称", "统一社会信用代码", "联系电话", "项目名称")
VALUES = {
    "申请单位名称": "资阳市安和建设工程有限公司",
    "统一社会信用代码": "91512002MA62K7D35E",
    "联系电话": "13800001234",
    "项目名称": "雁南花园住宅小区三期",
}
ITEM = "建筑工程施工许可证核发"
MATERIAL = "建筑工程施工许可申请表"


def in_calendar_days(days, unit):
    """Convert a time limit to calendar days, five working days a week."""
    return days if unit == "calendar_days" else math.ceil(days * 7 / 5)


def docx_text(data):
    """Return the text of a Word document's paragraphs, tables and header."""
    document = Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    parts += [cell.text for table in document.tables for cell in table._cells]
    parts += [p.text for p in document.sections[0].header.paragraphs]
    return "\n".join(parts)


def all_items():
    """Every item of the catalogue as data."""
    return [item for dept in demo_catalogue.catalogue() for item in dept["items"]]


@pytest.mark.portal(roles=["Manager"])
class TestDemoLoad:
    @pytest.fixture(scope="class")
    def loaded(self, portal_class):
        """Load the catalogue once for the class."""
        return {"counts": demo.load(portal_class)}

    @pytest.fixture
    def departments(self, portal_class, loaded):
        return portal_class["departments"]

    @pytest.fixture
    def items(self, portal_class, loaded):
        brains = api.content.find(portal_type="ServiceItem", unrestricted=True)
        return [brain._unrestrictedGetObject() for brain in brains]

    @pytest.fixture
    def materials(self, portal_class, loaded):
        brains = api.content.find(portal_type="Material", unrestricted=True)
        return [brain._unrestrictedGetObject() for brain in brains]

    def test_counts(self, loaded, departments, items):
        """At least 13 departments and 80 items are created, as counted."""
        counts = loaded["counts"]
        assert len(departments.objectIds()) == counts["departments"] >= 13
        assert len(items) == counts["items"] >= 80
        assert counts["files"] == 2 * sum(
            1
            for dept in demo_catalogue.catalogue()
            for item in dept["items"]
            for material in item["materials"]
            if material["needs_template"]
        )

    @pytest.mark.parametrize(
        "dept_id,name", sorted({**LEAD_DEPARTMENTS, **OTHER_DEPARTMENTS}.items())
    )
    def test_departments(self, departments, dept_id, name):
        """The nine lead departments and the others have windows and items."""
        department = departments[dept_id]
        assert name in department.title
        assert department.short_code == dept_id.upper()
        assert department.window_number
        assert re.fullmatch(r"028-26\d{6}", department.consultation_phone)
        assert len(department.objectIds()) >= 2

    def test_everything_published(self, loaded):
        """Every department, item and material is published."""
        brains = api.content.find(
            portal_type=["Department", "ServiceItem", "Material"], unrestricted=True
        )
        assert len(brains) > 300
        assert {brain.review_state for brain in brains} == {"published"}

    def test_anonymous_sees_the_catalogue(self, portal_class, loaded):
        """Anonymous visitors may view every published item."""
        catalog = portal_class.portal_catalog
        visible = catalog.unrestrictedSearchResults(
            portal_type="ServiceItem", allowedRolesAndUsers="Anonymous"
        )
        assert len(visible) == loaded["counts"]["items"]

    def test_items_have_complete_guides(self, items):
        """Each item has materials, limits, steps, conditions and legal basis."""
        for item in items:
            assert 2 <= len(item.objectIds()) <= 6, item.getId()
            assert item.conditions and "1. " in item.conditions
            assert "《" in item.legal_basis.raw
            assert item.statutory_limit is not None
            assert item.promised_limit is not None
            assert in_calendar_days(
                item.promised_limit, item.promised_limit_unit
            ) <= in_calendar_days(item.statutory_limit, item.statutory_limit_unit)
            assert item.steps
            assert all(step["post"] and step["responsible"] for step in item.steps)
            assert sum(step["time_limit"] for step in item.steps) <= (
                item.promised_limit
            )
            assert 1 <= len(item.faq) <= 3
            assert item.place and item.hours

    def test_depth_four_needs_no_visit(self, items):
        """Items handled fully online require no visit to the hall."""
        fully_online = [item for item in items if item.online_depth == "4"]
        assert fully_online
        assert all(item.visits == 0 for item in fully_online)

    def test_unique_implementation_codes(self, items):
        """No two items share an implementation code."""
        codes = [item.implementation_code for item in items]
        assert len(set(codes)) == len(codes)
        found = api.content.find(
            portal_type="ServiceItem", implementation_code=codes[0]
        )
        assert len(found) == 1

    def test_phones_fall_back_to_the_department(self, items):
        """An item without its own phones shows its department's."""
        item = items[0]
        assert not item.consultation_phone
        assert item.effective_consultation_phone() == (
            item.department().consultation_phone
        )

    def test_every_form_has_template_and_sample(self, materials):
        """Materials with a blank form carry a Word template and a PDF sample."""
        with_forms = [material for material in materials if material.needs_template]
        assert len(with_forms) >= 80
        for material in with_forms:
            item_title = material.__parent__.title
            template = material.template.data
            sample = material.sample.data
            assert material.template.filename.endswith("（格式文本）.docx")
            assert material.sample.filename.endswith("（示范文本）.pdf")
            assert item_title in docx_text(template)
            assert sample.startswith(b"%PDF")
            assert b"STSong-Light" in sample

    def test_materials_without_form_have_no_files(self, materials):
        """Materials the applicant does not fill in carry no files."""
        without = [material for material in materials if not material.needs_template]
        assert without
        assert all(m.template is None and m.sample is None for m in without)

    def test_searchable_by_material(self, loaded):
        """An item is found by the name of one of its materials."""
        brains = api.content.find(
            portal_type="ServiceItem", SearchableText="雷电防护装置设计说明书"
        )
        assert [brain.getId for brain in brains] == ["lightning-protection-design"]

    def test_loading_twice_adds_nothing(self, portal_class, loaded):
        """A second load finds the departments and creates nothing."""
        counts = demo.load(portal_class)
        assert sum(counts.values()) == 0


class TestCatalogueData:
    @pytest.fixture(scope="class")
    def items(self):
        return all_items()

    def test_identity_number_check_digit(self):
        """Identity numbers get the check character of GB 11643."""
        assert (
            demo_catalogue.identity_number("110105", "19491231", "002")
            == "11010519491231002X"
        )

    def test_credit_code_check_character(self):
        """Credit codes get the check characters of GB 11714 and GB 32100."""
        organisation = demo_catalogue.organisation_code("M000100Y")
        assert organisation == "M000100Y4"
        assert (
            demo_catalogue.credit_code("91350100", organisation) == "91350100M000100Y43"
        )

    def test_department_ids_are_short_codes(self):
        """Department ids are their short codes in lowercase ASCII."""
        for department in demo_catalogue.DEPARTMENTS:
            assert department["id"] == department["short_code"].lower()
            assert department["id"].isascii()
        assert set(demo_catalogue.PRIORITY_DEPARTMENTS) == set(LEAD_DEPARTMENTS)

    def test_item_ids_are_readable_ascii(self, items):
        """Item and material ids are readable ASCII, unique in their container."""
        for department in demo_catalogue.catalogue():
            ids = [item["id"] for item in department["items"]]
            assert len(set(ids)) == len(ids)
        for item in items:
            assert re.fullmatch(r"[a-z0-9-]+", item["id"])
            material_ids = [material["id"] for material in item["materials"]]
            assert len(set(material_ids)) == len(material_ids), item["id"]

    def test_themes_and_parties(self, items):
        """Every item has known themes and at least one served party."""
        for item in items:
            assert item["themes"] and set(item["themes"]) <= THEME_CODES
            assert set(item["served_parties"]) <= {"person", "legal"}

    def test_online_depths_spread(self, items):
        """Most items are at depth II–III, some at IV and a few at I."""
        depths = [item["online_depth"] for item in items]
        middle = depths.count("2") + depths.count("3")
        assert middle > len(depths) / 2
        assert depths.count("4") >= 10
        assert 1 <= depths.count("1") <= 8

    def test_priority_categories_for_a_quarter(self, items):
        """About a quarter of the items belong to a priority category."""
        categories = [item["priority_category"] for item in items]
        share = sum(1 for category in categories if category) / len(categories)
        assert 0.2 <= share <= 0.35
        assert {c for c in categories if c} == {
            "upward",
            "formal",
            "agency",
            "repeated",
        }

    def test_most_items_are_free(self, items):
        """Most items charge nothing; those that do name their basis."""
        charged = [item for item in items if item["charges"]]
        assert len(charged) < len(items) / 5
        assert all(item["charge_basis"] for item in charged)

    def test_material_kinds(self, items):
        """Materials include deferrable, optional, uploaded and templated ones."""
        materials = [material for item in items for material in item["materials"]]
        requirements = {material["requirement"] for material in materials}
        assert requirements == {"required", "optional", "deferrable"}
        assert any(material["upload_required"] for material in materials)

    def test_every_form_field_has_a_sample_value(self, items):
        """The samples fill every field of every form."""
        for item in items:
            for material in item["materials"]:
                missing = [k for k, v in material["values"].items() if not v]
                assert not missing, (item["id"], material["id"], missing)


class TestBlankForm:
    @pytest.mark.parametrize("kind", ["docx", "pdf"])
    def test_deterministic(self, kind):
        """The same form gives the same bytes every time."""
        first = forms.blank_form(ITEM, MATERIAL, FIELDS, kind)
        assert first == forms.blank_form(ITEM, MATERIAL, FIELDS, kind)

    def test_docx_is_a_word_document(self):
        """The Word form has the title, the item and an empty row per field."""
        data = forms.blank_form(ITEM, MATERIAL, FIELDS, "docx", issuer="资阳市住建局")
        document = Document(io.BytesIO(data))
        text = docx_text(data)
        assert MATERIAL in text and ITEM in text and "格式文本" in text
        assert "受理单位：资阳市住建局" in text
        rows = document.tables[0].rows
        assert [row.cells[0].text for row in rows] == list(FIELDS)
        assert all(row.cells[1].text == "" for row in rows)
        assert "签字或盖章" in text

    def test_docx_zip_entries_have_a_fixed_date(self):
        """The archive's entries carry a fixed date, not the time of building."""
        data = forms.blank_form(ITEM, MATERIAL, FIELDS, "docx")
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
        assert {entry.date_time for entry in entries} == {(2024, 1, 2, 9, 0, 0)}

    def test_pdf_uses_the_chinese_font(self):
        """The PDF form is a PDF that uses the built-in Chinese font."""
        data = forms.blank_form(ITEM, MATERIAL, FIELDS, "pdf")
        assert data.startswith(b"%PDF")
        assert b"STSong-Light" in data
        assert b"UniGB-UCS2-H" in data

    def test_long_form_runs_over_pages(self):
        """A form with many fields continues on a second page."""
        fields = [f"第{number}项内容" for number in range(60)]
        data = forms.blank_form(ITEM, MATERIAL, fields, "pdf")
        assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") >= 2

    @pytest.mark.parametrize(
        "call",
        [
            lambda: forms.blank_form(ITEM, MATERIAL, FIELDS, "odt"),
            lambda: forms.blank_form(ITEM, MATERIAL, (), "docx"),
        ],
    )
    def test_bad_input(self, call):
        """An unknown kind or a form without fields is refused."""
        with pytest.raises(ValueError):
            call()


class TestSampleForm:
    @pytest.mark.parametrize("kind", ["docx", "pdf"])
    def test_deterministic(self, kind):
        """The same sample gives the same bytes every time."""
        first = forms.sample_form(ITEM, MATERIAL, FIELDS, VALUES, kind)
        assert first == forms.sample_form(ITEM, MATERIAL, FIELDS, VALUES, kind)

    def test_docx_is_filled_and_marked(self):
        """The Word sample fills every field, is signed and is watermarked."""
        data = forms.sample_form(ITEM, MATERIAL, FIELDS, VALUES, "docx")
        document = Document(io.BytesIO(data))
        rows = document.tables[0].rows
        assert [row.cells[1].text for row in rows] == [VALUES[f] for f in FIELDS]
        text = docx_text(data)
        assert "示范文本" in text
        assert "申请人（签字或盖章）：资阳市安和建设工程有限公司" in text
        assert "2024年3月18日" in text
        header = zipfile.ZipFile(io.BytesIO(data)).read("word/header1.xml")
        assert "示范文本".encode() in header and b"v:textpath" in header

    @pytest.mark.parametrize(
        "values,signer",
        [
            ({"姓名": "李思远", "性别": "男"}, "李思远"),
            ({"男方姓名": "李思远", "女方姓名": "周雨桐"}, "李思远、周雨桐"),
            ({"职工姓名": "李思远", "用人单位": "资阳市某公司"}, "李思远"),
        ],
    )
    def test_signed_by_the_applicants(self, values, signer):
        """The sample is signed by whoever the form names as applying."""
        data = forms.sample_form(ITEM, MATERIAL, list(values), values, "docx")
        assert f"申请人（签字或盖章）：{signer}" in docx_text(data)

    def test_pdf_differs_from_blank(self):
        """The PDF sample is a PDF and not the blank form."""
        data = forms.sample_form(ITEM, MATERIAL, FIELDS, VALUES, "pdf")
        assert data.startswith(b"%PDF")
        assert data != forms.blank_form(ITEM, MATERIAL, FIELDS, "pdf")

    def test_missing_value_is_refused(self):
        """A sample cannot leave a field empty."""
        values = dict(VALUES, 项目名称="")
        with pytest.raises(ValueError, match="项目名称"):
            forms.sample_form(ITEM, MATERIAL, FIELDS, values, "pdf")


class TestFormFiles:
    @pytest.mark.parametrize(
        "title,kind,sample,expected",
        [
            ("申请表", "docx", False, "申请表（格式文本）.docx"),
            ("申请表", "pdf", True, "申请表（示范文本）.pdf"),
            ("申请书/承诺书", "docx", False, "申请书承诺书（格式文本）.docx"),
        ],
    )
    def test_filename(self, title, kind, sample, expected):
        """Download names say which material and whether blank or sample."""
        assert forms.form_filename(title, kind, sample) == expected

    @pytest.mark.parametrize(
        "kind,mime",
        [
            ("pdf", "application/pdf"),
            (
                "docx",
                "application/vnd.openxmlformats-officedocument"
                ".wordprocessingml.document",
            ),
        ],
    )
    def test_content_type(self, kind, mime):
        """Each kind has its MIME type."""
        assert forms.content_type(kind) == mime
