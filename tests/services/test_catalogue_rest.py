"""The published catalogue through plone.restapi, over HTTP."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.namedfile.file import NamedBlobFile

import pytest
import requests
import transaction


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
DOCX = b"PK\x03\x04 a word document"
JSON = {"Accept": "application/json"}
MANAGER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def publish(*objs):
    for obj in objs:
        api.content.transition(obj=obj, transition="publish")


@pytest.fixture
def site(functional_portal):
    """The REST face of the functional site: its URL and a GET."""
    url = functional_portal.absolute_url()

    def get(path, auth=None, **params):
        target = path if path.startswith("http") else f"{url}/{path}"
        return requests.get(target, headers=JSON, auth=auth, params=params)

    return get


@pytest.fixture
def catalogue(functional_portal):
    """A published department with a published and a private item, committed."""
    with api.env.adopt_roles(["Manager"]):
        department = api.content.create(
            container=functional_portal["departments"],
            type="Department",
            id="ga",
            title="市公安局",
            short_code="GA",
            consultation_phone="028-26111111",
            complaint_phone="028-26112222",
        )
        published = api.content.create(
            container=department,
            type="ServiceItem",
            id="id-card",
            title="居民身份证换领",
            implementation_code="11512000MB1234567X4000111001000",
            item_type="07",
            served_parties=["person"],
            themes=["identity"],
            online_depth="3",
            visits=1,
            promised_limit=20,
            complaint_phone="028-26113333",
            steps=[{"name": "受理", "post": "窗口", "time_limit": 1}],
        )
        form = api.content.create(
            container=published,
            type="Material",
            id="form",
            title="居民身份证申领登记表",
            requirement="required",
            forms=["original"],
            source="government",
            needs_template=True,
            template=NamedBlobFile(
                data=PDF, filename="form.pdf", contentType="application/pdf"
            ),
            sample=NamedBlobFile(
                data=DOCX,
                filename="sample.docx",
                contentType="application/vnd.openxmlformats-officedocument"
                ".wordprocessingml.document",
            ),
        )
        draft = api.content.create(
            container=published, type="Material", id="draft", title="尚未审核的材料"
        )
        private = api.content.create(
            container=department,
            type="ServiceItem",
            id="draft-item",
            title="尚在编写的事项",
            implementation_code="GA-DRAFT",
            item_type="20",
        )
        publish(department, published, form)
    transaction.commit()
    return {
        "department": department,
        "published": published,
        "form": form,
        "draft": draft,
        "private": private,
    }


class TestServiceItem:
    @pytest.fixture
    def answer(self, site, catalogue):
        response = site(catalogue["published"].absolute_url())
        assert response.status_code == 200
        return response.json()

    def test_fields(self, answer):
        """An anonymous GET answers the item's guide fields."""
        assert answer["@type"] == "ServiceItem"
        assert answer["title"] == "居民身份证换领"
        assert answer["implementation_code"] == "11512000MB1234567X4000111001000"
        assert answer["promised_limit"] == 20
        assert answer["visits"] == 1
        assert answer["steps"][0]["name"] == "受理"

    @pytest.mark.parametrize(
        "field,token",
        [
            ("item_type", "07"),
            ("online_depth", "3"),
            ("handling_kind", "promised"),
        ],
    )
    def test_choices_have_titles(self, answer, field, token):
        """Choices come as token and title."""
        assert answer[field]["token"] == token
        assert answer[field]["title"]

    def test_lists_of_choices(self, answer):
        """Lists of choices come as tokens with titles."""
        assert [t["token"] for t in answer["served_parties"]] == ["person"]
        assert answer["themes"] == [{"token": "identity", "title": "户籍身份"}]

    def test_department(self, answer, catalogue):
        """The item names its department."""
        assert answer["department"] == {
            "@id": catalogue["department"].absolute_url(),
            "title": "市公安局",
            "short_code": "GA",
        }

    def test_effective_phones(self, answer):
        """Its own complaint phone, the department's consultation phone."""
        assert answer["effective_consultation_phone"] == "028-26111111"
        assert answer["effective_complaint_phone"] == "028-26113333"

    def test_only_published_materials(self, answer):
        """An anonymous reader sees the published material only."""
        assert [m["title"] for m in answer["materials"]] == ["居民身份证申领登记表"]

    def test_material_fields(self, answer, catalogue):
        """A material comes with its fields and choice titles."""
        material = answer["materials"][0]
        assert material["@id"] == catalogue["form"].absolute_url()
        assert material["requirement"]["token"] == "required"
        assert material["requirement"]["title"]
        assert [f["token"] for f in material["forms"]] == ["original"]
        assert material["source"]["token"] == "government"
        assert material["needs_template"] is True
        assert material["upload_required"] is False

    @pytest.mark.parametrize(
        "field,filename,data",
        [("template", "form.pdf", PDF), ("sample", "sample.docx", DOCX)],
    )
    def test_downloads(self, site, answer, catalogue, field, filename, data):
        """The template and sample download anonymously."""
        material = answer["materials"][0]
        expected = f"{catalogue['form'].absolute_url()}/@@download/{field}"
        assert material[field]["download"] == expected
        assert material[field]["filename"] == filename

        response = requests.get(expected)
        assert response.status_code == 200
        assert response.content == data

    def test_private_item_unauthorized(self, site, catalogue):
        """A private item answers 401 to anonymous."""
        response = site(catalogue["private"].absolute_url())
        assert response.status_code == 401
        assert response.json()["type"] == "Unauthorized"

    def test_private_item_for_manager(self, site, catalogue):
        """A Manager reads the private item and every material."""
        response = site(catalogue["private"].absolute_url(), auth=MANAGER)
        assert response.status_code == 200
        answer = site(catalogue["published"].absolute_url(), auth=MANAGER).json()
        assert len(answer["materials"]) == 2


class TestSite:
    def test_api_root(self, site):
        """The site root answers through ``++api++`` anonymously."""
        response = site("++api++")
        assert response.status_code == 200
        assert response.json()["@type"] == "Plone Site"

    def test_search_lists_published_items(self, site, catalogue):
        """``@search`` lists only published items to anonymous."""
        response = site("++api++/@search", portal_type="ServiceItem")
        assert response.status_code == 200
        titles = [item["title"] for item in response.json()["items"]]
        assert titles == ["居民身份证换领"]

    def test_search_as_manager(self, site, catalogue):
        """A Manager finds the private item too."""
        response = site("++api++/@search", auth=MANAGER, portal_type="ServiceItem")
        assert response.json()["items_total"] == 2


class TestHallSettings:
    def test_manager_reads_settings(self, site):
        """A Manager reads the hall settings."""
        response = site("++api++/@controlpanels/hall-settings", auth=MANAGER)
        assert response.status_code == 200
        assert response.json()["data"]["hall_name"] == "资阳市电子政务大厅"

    def test_anonymous_refused(self, site):
        """Anonymous may not read the hall settings."""
        response = site("++api++/@controlpanels/hall-settings")
        assert response.status_code == 401
