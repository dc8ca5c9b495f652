"""A small service catalogue for the tests of its queries and pages.

``tests/`` is on ``sys.path`` because its ``conftest.py`` has no package
around it, so the test modules of several areas import this one.
"""

from io import BytesIO
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile

import docx


# A one-page PDF, the smallest file a citizen's reader still opens.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_bytes(text):
    """Return a Word document holding one paragraph of ``text``."""
    document = docx.Document()
    document.add_paragraph(text)
    stream = BytesIO()
    document.save(stream)
    return stream.getvalue()


def blank_form(title):
    """Return a blank form as a ``.docx`` named file."""
    return NamedBlobFile(
        data=docx_bytes(title), contentType=DOCX_TYPE, filename=f"{title}.docx"
    )


def sample_pdf(title):
    """Return a filled-in sample as a ``.pdf`` named file."""
    return NamedBlobFile(
        data=PDF_BYTES, contentType="application/pdf", filename=f"{title}示范文本.pdf"
    )


def complete_guide():
    """Return the fields of a complete guide, new objects for every item."""
    return {
        "conditions": "申请人符合法定条件。\n申请材料齐全、符合法定形式。",
        "legal_basis": RichTextValue(
            "<p>《中华人民共和国建筑法》第七条</p>", "text/html", "text/x-html-safe"
        ),
        "steps": [
            {"name": "受理", "post": "窗口", "responsible": "张敏", "time_limit": 1},
            {"name": "审核", "post": "科室", "responsible": "李强", "time_limit": 2},
            {
                "name": "决定",
                "post": "分管领导",
                "responsible": "王伟",
                "time_limit": 1,
            },
        ],
        "statutory_limit": 7,
        "promised_limit": 3,
    }


def _department(folder, id_, title, short_code):
    department = api.content.create(
        container=folder,
        type="Department",
        id=id_,
        title=title,
        short_code=short_code,
        window_number=f"{short_code}-01",
        address="资阳市雁江区政务服务中心二楼",
        office_hours="工作日 9:00—17:00",
        consultation_phone="028-26100001",
        complaint_phone="028-26100002",
    )
    api.content.transition(obj=department, transition="publish")
    return department


def _item(department, id_, title, publish=True, **fields):
    item = api.content.create(
        container=department,
        type="ServiceItem",
        id=id_,
        title=title,
        **fields,
    )
    if publish:
        api.content.transition(obj=item, transition="publish")
    return item


def _material(item, id_, title, publish=True, **fields):
    material = api.content.create(
        container=item, type="Material", id=id_, title=title, **fields
    )
    if publish:
        api.content.transition(obj=material, transition="publish")
    return material


def build_catalogue(portal):
    """Create three departments, six items and their materials.

    The caller must hold the Manager role.

    :param portal: the Plone site.
    :returns: a dict of the created objects by a short name.
    """
    folder = portal["departments"]
    zjj = _department(folder, "zjj", "住房和城乡建设局", "ZJJ")
    scjgj = _department(folder, "scjgj", "市场监督管理局", "SCJGJ")
    gaj = _department(folder, "gaj", "公安局", "GAJ")

    permit = _item(
        zjj,
        "permit",
        "建筑工程施工许可证核发",
        implementation_code="11512000MB1234567X4000111",
        item_type="01",
        served_parties=["legal"],
        themes=["construction"],
        online_depth="3",
        visits=1,
        promised_limit_unit="working_days",
        place="资阳市政务服务中心二楼12号窗口",
        charges=False,
        faq=[
            {"question": "可以网上申报吗？", "answer": "可以，在线申报后到窗口领证。"}
        ],
        **{
            **complete_guide(),
            "conditions": "已取得建设工程规划许可证。\n施工图设计文件已审查合格。",
        },
    )
    permit_form = _material(
        permit,
        "application-form",
        "建筑工程施工许可申请表",
        requirement="required",
        forms=["original"],
        originals=1,
        copies=0,
        source="applicant",
        explanation="申请单位填写并加盖公章。",
        needs_template=True,
        template=blank_form("建筑工程施工许可申请表"),
        sample=sample_pdf("建筑工程施工许可申请表"),
    )
    permit_plan = _material(
        permit,
        "planning-permit",
        "建设工程规划许可证",
        requirement="required",
        forms=["copy"],
        originals=0,
        copies=1,
        source="government",
    )

    presale = _item(
        zjj,
        "presale",
        "商品房预售许可",
        implementation_code="11512000MB1234567X4000222",
        item_type="01",
        served_parties=["legal"],
        themes=["construction", "land"],
        online_depth="2",
        statutory_limit=20,
        promised_limit=10,
    )
    presale_form = _material(
        presale,
        "presale-form",
        "商品房预售许可申请表",
        needs_template=True,
    )

    food = _item(
        scjgj,
        "food",
        "食品经营许可证核发",
        implementation_code="11512000MB7654321Y4000333",
        item_type="01",
        served_parties=["legal"],
        themes=["food_drug"],
        online_depth="4",
        visits=0,
        **complete_guide(),
    )
    food_form = _material(
        food,
        "food-form",
        "食品经营许可申请书",
        needs_template=True,
        template=blank_form("食品经营许可申请书"),
    )

    business = _item(
        scjgj,
        "business",
        "个体工商户设立登记",
        implementation_code="11512000MB7654321Y4000444",
        item_type="20",
        served_parties=["person", "legal"],
        themes=["establishment", "employment"],
        online_depth="4",
        visits=0,
        **complete_guide(),
    )
    _material(business, "id-card", "经营者身份证明", forms=["copy"], copies=1)

    identity = _item(
        gaj,
        "identity",
        "居民身份证换领",
        implementation_code="11512000MB0000001Z4000555",
        item_type="20",
        served_parties=["person"],
        themes=["identity"],
        online_depth="1",
        promised_limit=20,
        statutory_limit=60,
    )

    draft = _item(
        zjj,
        "draft",
        "建筑业企业资质草稿事项",
        publish=False,
        implementation_code="11512000MB1234567X4000999",
        item_type="07",
        served_parties=["legal"],
        themes=["qualification"],
        online_depth="2",
    )
    draft_form = _material(
        draft,
        "draft-form",
        "资质申请表草稿",
        publish=False,
        template=blank_form("资质申请表草稿"),
    )

    return {
        "zjj": zjj,
        "scjgj": scjgj,
        "gaj": gaj,
        "permit": permit,
        "permit_form": permit_form,
        "permit_plan": permit_plan,
        "presale": presale,
        "presale_form": presale_form,
        "food": food,
        "food_form": food_form,
        "business": business,
        "identity": identity,
        "draft": draft,
        "draft_form": draft_form,
    }
