"""Two departments, their items, the people who act on applications, and data.

Shared by the tests of applications; the fixtures over them are in this
folder's conftest.
"""

from plone import api
from zyzwfw import applications
from zyzwfw import departments
from zyzwfw.validators import credit_code_check_char
from zyzwfw.validators import id_number_check_digit


PASSWORD = "secret-Pa55word"

# A minimal PDF and PNG: their first bytes are what the upload policy checks.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def resident_id(first17="51200219900307123"):
    """Return a resident ID number with the right check digit."""
    return first17 + id_number_check_digit(first17)


def credit_code(first17="91512002MA62X0001"):
    """Return a unified social credit code with the right check character."""
    return first17 + credit_code_check_char(first17)


ID_NUMBER = resident_id()
CREDIT_CODE = credit_code()

PERSON = {
    "name": "张小三",
    "id_type": "resident_id",
    "id_number": ID_NUMBER,
    "mobile": "13800000001",
    "email": "zhang@example.cn",
}

LEGAL = {
    "name": "李四",
    "id_type": "resident_id",
    "id_number": resident_id("51200219800101456"),
    "mobile": "13900000002",
    "company_name": "资阳示例科技有限公司",
    "credit_code": CREDIT_CODE,
    "contact": {"name": "王五", "mobile": "13700000003"},
}

#: Everybody of the permission matrix.
PEOPLE = (
    "anonymous",
    "applicant",
    "other_citizen",
    "staff_a",
    "staff_b",
    "editor_a",
    "supervisor",
)


def files(*material_ids):
    """Return a PDF upload for each material id."""
    return {
        material_id: applications.Upload(f"{material_id}.pdf", PDF)
        for material_id in material_ids
    }


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


def create_item(department, item_id, title, **fields):
    """Create a published service item with two published materials."""
    defaults = {
        "implementation_code": item_id.upper(),
        "item_type": "01",
        "served_parties": ["person", "legal"],
        "online_depth": "3",
        "promised_limit": 10,
        "steps": [
            {"name": "受理", "time_limit": 1},
            {"name": "审查", "time_limit": 3},
            {"name": "决定", "time_limit": 1},
        ],
    }
    defaults.update(fields)
    item = api.content.create(
        container=department, type="ServiceItem", id=item_id, title=title, **defaults
    )
    api.content.transition(obj=item, transition="publish")
    for material_id, material_title, upload_required in (
        ("id-card", "居民身份证", True),
        ("licence", "营业执照", False),
    ):
        material = api.content.create(
            container=item,
            type="Material",
            id=material_id,
            title=material_title,
            requirement="required" if upload_required else "optional",
            upload_required=upload_required,
        )
        api.content.transition(obj=material, transition="publish")
    return item


def build_hall(portal):
    """Departments A (住建局) and B (气象局), their items, and the people."""
    api.portal.set_registry_record("plone.default_language", "zh-cn")
    applications.reset_lookup_limits()
    with api.env.adopt_roles(["Manager"]):
        folder = portal["departments"]
        department_a = create_department(folder, "zjj", "市住房和城乡建设局")
        department_b = create_department(folder, "qxj", "市气象局")
        item_a = create_item(department_a, "zjj-permit", "建筑工程施工许可")
        item_b = create_item(department_b, "qxj-permit", "雷电防护装置设计审核")
        offline = create_item(
            department_a, "zjj-offline", "住房公积金提取", online_depth="1"
        )
        for user_id in PEOPLE[1:]:
            api.user.create(
                email=f"{user_id}@example.cn",
                username=user_id,
                password=PASSWORD,
                properties={"fullname": f"{user_id} 全名"},
            )
        departments.add_staff(department_a, "staff_a")
        departments.add_staff(department_b, "staff_b")
        departments.add_editor(department_a, "editor_a")
        api.user.grant_roles(username="supervisor", roles=["Supervisor"])
    return {
        "portal": portal,
        "department_a": department_a,
        "department_b": department_b,
        "item_a": item_a,
        "item_b": item_b,
        "offline": offline,
    }


# How to bring an application into each state, and who does each step.
PATHS = {
    "draft": [],
    "submitted": [("applicant", "submit")],
    "supplement": [("applicant", "submit"), ("staff_a", "request_supplement")],
    "prereviewed": [("applicant", "submit"), ("staff_a", "pass_prereview")],
    "accepted": [("applicant", "submit"), ("staff_a", "accept")],
    "approved": [
        ("applicant", "submit"),
        ("staff_a", "accept"),
        ("staff_a", "approve"),
    ],
    "refused": [("applicant", "submit"), ("staff_a", "accept"), ("staff_a", "refuse")],
    "rejected": [("applicant", "submit"), ("staff_a", "reject")],
    "withdrawn": [("applicant", "submit"), ("applicant", "withdraw")],
}
