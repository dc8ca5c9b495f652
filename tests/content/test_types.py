"""The catalogue's content types: where they go, their fields and their rules."""

from plone import api
from plone.api.exc import InvalidParameterError
from plone.app.textfield import RichText
from plone.namedfile.field import NamedBlobFile as NamedBlobFileField
from plone.namedfile.file import NamedBlobFile
from types import SimpleNamespace
from zope import schema
from zope.component import getUtility
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.interface import Invalid
from zope.schema.interfaces import IVocabularyFactory
from zyzwfw.content.department import IDepartment
from zyzwfw.content.material import IMaterial
from zyzwfw.content.service_item import IServiceItem

import pytest
import re


CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def catalogue(portal):
    """The departments folder, a Folder, a department, an item and a material."""
    with api.env.adopt_roles(["Manager"]):
        department = api.content.create(
            container=portal["departments"],
            type="Department",
            id="ga",
            title="市公安局",
            short_code="ga",
            consultation_phone="028-26111111",
            complaint_phone="028-26112222",
        )
        item = api.content.create(
            container=department,
            type="ServiceItem",
            id="id-card",
            title="居民身份证换领",
            implementation_code="GA0001",
            item_type="07",
        )
        material = api.content.create(
            container=item, type="Material", id="photo", title="照片"
        )
        folder = api.content.create(container=portal, type="Folder", id="folder")
    return {
        "portal": portal,
        "departments": portal["departments"],
        "folder": folder,
        "department": department,
        "item": item,
        "material": material,
    }


class TestFTI:
    @pytest.mark.parametrize(
        "name,allowed",
        [
            ("DepartmentFolder", ["Department"]),
            ("Department", ["ServiceItem"]),
            ("ServiceItem", ["Material"]),
            ("Material", []),
        ],
    )
    def test_fti(self, get_fti, name, allowed):
        """Each type exists, is not addable everywhere and holds what it should."""
        fti = get_fti(name)
        assert fti is not None
        assert fti.global_allow is False
        assert fti.filter_content_types is True
        assert list(fti.allowed_content_types) == allowed

    @pytest.mark.parametrize(
        "name,permission",
        [
            ("DepartmentFolder", "zyzwfw.AddDepartmentFolder"),
            ("Department", "zyzwfw.AddDepartment"),
            ("ServiceItem", "zyzwfw.AddServiceItem"),
            ("Material", "zyzwfw.AddMaterial"),
        ],
    )
    def test_add_permission(self, get_fti, name, permission):
        """Each type has its own add permission."""
        assert get_fti(name).add_permission == permission

    @pytest.mark.parametrize(
        "name", ["DepartmentFolder", "Department", "ServiceItem", "Material"]
    )
    def test_workflow(self, portal, name):
        """Each type follows the hall's publication workflow."""
        chain = portal.portal_workflow.getChainForPortalType(name)
        assert chain == ("zyzwfw_publication_workflow",)


# folderish container: the types a Manager may add there, among the catalogue's.
ADDABLE = {
    "portal": [],
    "folder": [],
    "departments": ["Department"],
    "department": ["ServiceItem"],
    "item": ["Material"],
}
CATALOGUE_TYPES = ("DepartmentFolder", "Department", "ServiceItem", "Material")


class TestContainment:
    @pytest.mark.parametrize("container,expected", list(ADDABLE.items()))
    def test_allowed_types(self, catalogue, container, expected):
        """Each catalogue type is offered in its own container only."""
        with api.env.adopt_roles(["Manager"]):
            offered = [t.getId() for t in catalogue[container].allowedContentTypes()]
        assert [name for name in CATALOGUE_TYPES if name in offered] == expected

    @pytest.mark.parametrize(
        "container,type_name",
        [
            (container, type_name)
            for container, allowed in ADDABLE.items()
            for type_name in CATALOGUE_TYPES
            if type_name not in allowed
        ],
    )
    def test_refused_elsewhere(self, catalogue, container, type_name):
        """Creating a catalogue type in a wrong container is refused."""
        with api.env.adopt_roles(["Manager"]), pytest.raises(InvalidParameterError):
            api.content.create(
                container=catalogue[container], type=type_name, title="错位"
            )


FIELDS = [
    # schema, field, field class, required, vocabulary
    (IDepartment, "short_code", schema.ASCIILine, True, None),
    (IDepartment, "window_number", schema.TextLine, False, None),
    (IDepartment, "address", schema.TextLine, False, None),
    (IDepartment, "office_hours", schema.TextLine, False, None),
    (IDepartment, "consultation_phone", schema.TextLine, False, None),
    (IDepartment, "complaint_phone", schema.TextLine, False, None),
    (IServiceItem, "basic_code", schema.ASCIILine, False, None),
    (IServiceItem, "implementation_code", schema.ASCIILine, True, None),
    (IServiceItem, "item_type", schema.Choice, True, "zyzwfw.ItemTypes"),
    (IServiceItem, "served_parties", schema.List, True, "zyzwfw.ServedParties"),
    (IServiceItem, "themes", schema.List, False, "zyzwfw.Themes"),
    (IServiceItem, "handling_kind", schema.Choice, True, "zyzwfw.HandlingKinds"),
    (IServiceItem, "legal_basis", RichText, False, None),
    (IServiceItem, "conditions", schema.Text, False, None),
    (IServiceItem, "steps", schema.List, False, None),
    (IServiceItem, "statutory_limit", schema.Int, False, None),
    (
        IServiceItem,
        "statutory_limit_unit",
        schema.Choice,
        True,
        "zyzwfw.TimeLimitUnits",
    ),
    (IServiceItem, "promised_limit", schema.Int, False, None),
    (IServiceItem, "promised_limit_unit", schema.Choice, True, "zyzwfw.TimeLimitUnits"),
    (IServiceItem, "limit_note", schema.Text, False, None),
    (IServiceItem, "charges", schema.Bool, False, None),
    (IServiceItem, "charge_basis", schema.Text, False, None),
    (IServiceItem, "charge_standard", schema.Text, False, None),
    (IServiceItem, "handling_forms", schema.List, False, "zyzwfw.HandlingForms"),
    (IServiceItem, "place", schema.TextLine, False, None),
    (IServiceItem, "hours", schema.TextLine, False, None),
    (IServiceItem, "consultation_phone", schema.TextLine, False, None),
    (IServiceItem, "complaint_phone", schema.TextLine, False, None),
    (IServiceItem, "visits", schema.Int, True, None),
    (IServiceItem, "online_depth", schema.Choice, True, "zyzwfw.OnlineDepths"),
    (
        IServiceItem,
        "priority_category",
        schema.Choice,
        False,
        "zyzwfw.PriorityCategories",
    ),
    (IServiceItem, "faq", schema.List, False, None),
    (IMaterial, "requirement", schema.Choice, True, "zyzwfw.MaterialRequirements"),
    (IMaterial, "forms", schema.List, True, "zyzwfw.MaterialForms"),
    (IMaterial, "originals", schema.Int, True, None),
    (IMaterial, "copies", schema.Int, True, None),
    (IMaterial, "source", schema.Choice, True, "zyzwfw.MaterialSources"),
    (IMaterial, "explanation", schema.Text, False, None),
    (IMaterial, "upload_required", schema.Bool, False, None),
    (IMaterial, "needs_template", schema.Bool, False, None),
    (IMaterial, "template", NamedBlobFileField, False, None),
    (IMaterial, "sample", NamedBlobFileField, False, None),
]


class TestSchemas:
    @pytest.mark.parametrize(
        "iface,name,field_class,required,vocabulary",
        [pytest.param(*row, id=f"{row[0].__name__}.{row[1]}") for row in FIELDS],
    )
    def test_field(self, iface, name, field_class, required, vocabulary):
        """The field exists with its kind, its requirement and its code list."""
        field = iface[name]
        assert isinstance(field, field_class)
        assert field.required is required
        choice = field.value_type if isinstance(field, schema.List) else field
        assert getattr(choice, "vocabularyName", None) == vocabulary

    @pytest.mark.parametrize(
        "iface", [IDepartment, IServiceItem, IMaterial], ids=lambda i: i.__name__
    )
    def test_no_other_fields(self, iface):
        """The table above lists every field of the schema."""
        listed = {name for schema_, name, *_ in FIELDS if schema_ is iface}
        assert set(schema.getFieldNames(iface)) == listed

    @pytest.mark.parametrize(
        "iface,name",
        [(iface, name) for iface, name, *_ in FIELDS],
        ids=[f"{row[0].__name__}.{row[1]}" for row in FIELDS],
    )
    def test_labels_are_messages(self, iface, name):
        """Each field's label is a message of the hall with an English default."""
        title = iface[name].title
        assert isinstance(title, Message)
        assert title.domain == "zyzwfw"
        assert title.default

    @pytest.mark.parametrize(
        "field,keys",
        [
            ("steps", {"name", "post", "responsible", "time_limit"}),
            ("faq", {"question", "answer"}),
        ],
    )
    def test_grid_rows(self, field, keys):
        """The grids' rows have their columns."""
        row_schema = IServiceItem[field].value_type.schema
        assert set(schema.getFieldNames(row_schema)) == keys


# The fixed code lists, by registered name, with their codes in order.
CODE_LISTS = {
    "zyzwfw.ItemTypes": [f"{n:02d}" for n in range(1, 11)] + ["20"],
    "zyzwfw.ServedParties": ["person", "legal"],
    "zyzwfw.HandlingKinds": ["immediate", "promised"],
    "zyzwfw.HandlingForms": ["window", "online", "mobile", "express"],
    "zyzwfw.OnlineDepths": ["1", "2", "3", "4"],
    "zyzwfw.PriorityCategories": ["upward", "formal", "agency", "repeated"],
    "zyzwfw.TimeLimitUnits": ["working_days", "calendar_days"],
    "zyzwfw.MaterialRequirements": ["required", "optional", "deferrable"],
    "zyzwfw.MaterialForms": ["original", "copy", "electronic"],
    "zyzwfw.MaterialSources": ["applicant", "government", "other"],
}

TERMS = [
    pytest.param(name, token, id=f"{name}:{token}")
    for name, tokens in CODE_LISTS.items()
    for token in tokens
]


def term(portal, name, token):
    """Return a term of a registered vocabulary."""
    return getUtility(IVocabularyFactory, name)(portal).getTermByToken(token)


class TestVocabularies:
    @pytest.mark.parametrize("name,tokens", list(CODE_LISTS.items()))
    def test_codes(self, portal, name, tokens):
        """Each code list is registered with its codes in order."""
        vocabulary = getUtility(IVocabularyFactory, name)(portal)
        assert [t.token for t in vocabulary] == tokens

    @pytest.mark.parametrize("name,token", TERMS)
    def test_title_is_message(self, portal, name, token):
        """Each title is a message of the hall with an English default."""
        title = term(portal, name, token).title
        assert isinstance(title, Message)
        assert title.domain == "zyzwfw"
        assert title.default and not CHINESE.search(title.default)

    def test_message_ids_unique(self, portal):
        """No two terms share a message id."""
        ids = [str(term(portal, *param.values).title) for param in TERMS]
        assert len(ids) == len(set(ids))

    @pytest.mark.parametrize("name,token", TERMS)
    def test_title_in_chinese(self, portal, name, token):
        """Translated into zh_CN, each title reads in Chinese."""
        title = term(portal, name, token).title
        translated = translate(title, target_language="zh_CN")
        if translated == title.default:
            pytest.skip(f"{title} is not in the zh_CN catalogue yet")
        assert CHINESE.search(translated)

    def test_themes(self, portal):
        """Themes come from the hall settings, titled in Chinese."""
        vocabulary = getUtility(IVocabularyFactory, "zyzwfw.Themes")(portal)
        assert vocabulary.getTermByToken("identity").title == "户籍身份"
        assert vocabulary.getTermByToken("establishment").title == "设立变更"

    def test_departments(self, portal, catalogue):
        """Departments are listed by UID with their titles."""
        vocabulary = getUtility(IVocabularyFactory, "zyzwfw.Departments")(portal)
        department = catalogue["department"]
        assert vocabulary.getTerm(department.UID()).title == "市公安局"


class TestServiceItemRules:
    @pytest.mark.parametrize(
        "depth,visits,valid",
        [
            ("4", 0, True),
            ("4", 1, False),
            ("4", None, True),
            ("3", 1, True),
            ("3", 0, True),
            ("1", 2, True),
        ],
    )
    def test_depth_four_needs_no_visit(self, depth, visits, valid):
        """A fully online item (depth IV) cannot require an on-site visit."""
        data = SimpleNamespace(online_depth=depth, visits=visits)
        if valid:
            IServiceItem.validateInvariants(data)
        else:
            with pytest.raises(Invalid) as raised:
                IServiceItem.validateInvariants(data)
            assert "error_depth_four_visits" in [str(e) for e in raised.value.args]

    @pytest.mark.parametrize(
        "own,expected",
        [
            ({}, ("028-26111111", "028-26112222")),
            ({"consultation_phone": "028-1"}, ("028-1", "028-26112222")),
            ({"complaint_phone": "028-2"}, ("028-26111111", "028-2")),
        ],
    )
    def test_effective_phones(self, catalogue, own, expected):
        """An item's phones fall back to its department's."""
        item = catalogue["item"]
        for name, value in own.items():
            setattr(item, name, value)
        effective = (
            item.effective_consultation_phone(),
            item.effective_complaint_phone(),
        )
        assert effective == expected

    def test_department(self, catalogue):
        """An item knows its department."""
        assert catalogue["item"].department() is catalogue["department"]

    @pytest.mark.parametrize(
        "depth,online", [("1", False), ("2", True), ("3", True), ("4", True)]
    )
    def test_can_apply_online(self, catalogue, depth, online):
        """Depth II and above take applications online."""
        catalogue["item"].online_depth = depth
        assert catalogue["item"].can_apply_online() is online


class TestMaterialFiles:
    @pytest.mark.parametrize("field", ["template", "sample"])
    @pytest.mark.parametrize(
        "filename",
        ["表格.pdf", "form.doc", "form.docx", "FORM.DOCX", "a.xls", "a.xlsx"]
        + ["a.wps", "a.ofd"],
    )
    def test_allowed(self, field, filename):
        """Files citizens can open are accepted."""
        value = NamedBlobFile(data=b"x", filename=filename)
        IMaterial[field].validate(value)

    @pytest.mark.parametrize("field", ["template", "sample"])
    @pytest.mark.parametrize(
        "filename",
        ["setup.exe", "form.pdf.exe", "a.zip", "a.html", "a.docm", "noextension"],
    )
    def test_refused(self, field, filename):
        """Other files are refused with the hall's message."""
        value = NamedBlobFile(data=b"x", filename=filename)
        with pytest.raises(Invalid) as raised:
            IMaterial[field].validate(value)
        assert "error_template_extension" in [str(e) for e in raised.value.args]

    def test_empty_is_fine(self):
        """A material may have no template."""
        assert IMaterial["template"].validate(None) is None
