"""The queries of the service catalogue: search, facets, downloads, gaps."""

from catalogue_content import blank_form
from catalogue_content import build_catalogue
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from zyzwfw import catalogue

import pytest


@pytest.fixture(scope="class")
def content(portal_class):
    """The test catalogue, built once for the class."""
    setRoles(portal_class, TEST_USER_ID, ["Manager"])
    objects = build_catalogue(portal_class)
    setRoles(portal_class, TEST_USER_ID, ["Member"])
    return objects


@pytest.fixture
def anonymous(portal_class, content):
    """Run the test as an anonymous visitor."""
    logout()
    yield
    login(portal_class, TEST_USER_NAME)


@pytest.fixture
def editor(portal_class, content):
    """Run the test as a guide editor of the whole site."""
    setRoles(portal_class, TEST_USER_ID, ["Editor"])
    yield
    setRoles(portal_class, TEST_USER_ID, ["Member"])


def titles(result):
    return sorted(item["title"] for item in result["items"])


def counts(facet):
    return {entry["value"]: entry["count"] for entry in facet}


@pytest.mark.usefixtures("anonymous")
class TestSearchItems:
    def test_all_published_items(self):
        """Anonymous visitors get the five published items, sorted by title."""
        result = catalogue.search_items()
        assert result["total"] == 5
        assert len(result["items"]) == 5
        assert "建筑业企业资质草稿事项" not in titles(result)

    @pytest.mark.parametrize(
        "filters,expected",
        [
            ({"department": "zjj"}, ["商品房预售许可", "建筑工程施工许可证核发"]),
            ({"department": "SCJGJ"}, ["个体工商户设立登记", "食品经营许可证核发"]),
            ({"theme": "construction"}, ["商品房预售许可", "建筑工程施工许可证核发"]),
            ({"theme": "employment"}, ["个体工商户设立登记"]),
            ({"party": "person"}, ["个体工商户设立登记", "居民身份证换领"]),
            ({"item_type": "20"}, ["个体工商户设立登记", "居民身份证换领"]),
            ({"depth": "4"}, ["个体工商户设立登记", "食品经营许可证核发"]),
            ({"department": "scjgj", "item_type": "01"}, ["食品经营许可证核发"]),
            ({"department": "gaj", "depth": "4"}, []),
        ],
    )
    def test_filters(self, filters, expected):
        """Each filter and their combinations narrow the items."""
        result = catalogue.search_items(**filters)
        assert titles(result) == sorted(expected)
        assert result["total"] == len(expected)

    def test_department_named_by_id(self):
        """The department in effect is named by its id, also for a short code."""
        result = catalogue.search_items(department="ZJJ")
        assert result["filters"] == {"department": "zjj"}

    @pytest.mark.parametrize(
        "filters",
        [
            {"department": "nowhere"},
            {"theme": "no-such-theme"},
            {"party": "robot"},
            {"item_type": "99"},
            {"depth": "9"},
        ],
    )
    def test_unknown_filter_values_are_dropped(self, filters):
        """A value that names nothing lists every item instead of none."""
        result = catalogue.search_items(**filters)
        assert result["filters"] == {}
        assert result["total"] == 5

    def test_facet_counts_without_filters(self):
        """Facets count the visible items per department, theme, party, type, depth."""
        facets = catalogue.search_items()["facets"]
        assert counts(facets["department"]) == {"zjj": 2, "scjgj": 2, "gaj": 1}
        assert counts(facets["company_theme"]) == {
            "construction": 2,
            "land": 1,
            "food_drug": 1,
            "establishment": 1,
        }
        assert counts(facets["person_theme"]) == {"employment": 1, "identity": 1}
        assert counts(facets["party"]) == {"person": 2, "legal": 4}
        assert counts(facets["item_type"]) == {"01": 3, "20": 2}
        assert counts(facets["depth"]) == {"1": 1, "2": 1, "3": 1, "4": 2}

    def test_facet_counts_ignore_their_own_filter(self):
        """A facet counts under the other filters, so its alternatives stay visible."""
        facets = catalogue.search_items(department="scjgj", depth="4")["facets"]
        assert counts(facets["department"]) == {"scjgj": 2}
        assert counts(facets["depth"]) == {"4": 2}
        assert counts(facets["item_type"]) == {"01": 1, "20": 1}
        assert [e["value"] for e in facets["depth"] if e["selected"]] == ["4"]

    def test_selected_value_without_items_is_kept(self):
        """A selected value stays in its facet even when it counts nothing."""
        facets = catalogue.search_items(department="gaj", depth="4")["facets"]
        assert {"value": "4", "count": 0, "selected": True}.items() <= [
            entry for entry in facets["depth"] if entry["value"] == "4"
        ][0].items()

    def test_item_record(self, content):
        """A listed item carries what the catalogue page shows, from metadata."""
        (item,) = catalogue.search_items(q="施工许可")["items"]
        assert item["uid"] == content["permit"].UID()
        assert item["department"]["id"] == "zjj"
        assert item["item_type"] == "01"
        assert item["online_depth"] == "3"
        assert item["promised_limit"] == 3
        assert item["promised_limit_unit"] == "working_days"

    def test_batching(self):
        """The page holds b_size items from b_start; the total counts them all."""
        first = catalogue.search_items(b_size=2)
        second = catalogue.search_items(b_start=2, b_size=2)
        last = catalogue.search_items(b_start=4, b_size=2)
        assert first["total"] == second["total"] == last["total"] == 5
        assert len(first["items"]) == len(second["items"]) == 2
        assert len(last["items"]) == 1
        seen = titles(first) + titles(second) + titles(last)
        assert len(set(seen)) == 5

    def test_count_only(self):
        """A batch size of zero counts without listing."""
        result = catalogue.search_items(b_size=0)
        assert result["items"] == []
        assert result["total"] == 5


@pytest.mark.usefixtures("anonymous")
class TestChineseSearch:
    @pytest.mark.parametrize(
        "q,expected",
        [
            ("施工许可", ["建筑工程施工许可证核发"]),
            ("施工", ["建筑工程施工许可证核发"]),
            ("许可证核发", ["建筑工程施工许可证核发", "食品经营许可证核发"]),
            ("核发", ["建筑工程施工许可证核发", "食品经营许可证核发"]),
            (
                "许可",
                ["商品房预售许可", "建筑工程施工许可证核发", "食品经营许可证核发"],
            ),
            (
                "证",
                [
                    "个体工商户设立登记",
                    "居民身份证换领",
                    "建筑工程施工许可证核发",
                    "食品经营许可证核发",
                ],
            ),
            ("建筑许可", ["建筑工程施工许可证核发"]),
            ("食品 许可", ["食品经营许可证核发"]),
            ("预售许可申请表", ["商品房预售许可"]),
            ("11512000MB7654321Y4000333", ["食品经营许可证核发"]),
            ("11512000MB1234567X", ["商品房预售许可", "建筑工程施工许可证核发"]),
            ("草稿", []),
            ("不存在的事项", []),
        ],
    )
    def test_search(self, q, expected):
        """Whole titles, parts of titles, material names and codes are found."""
        assert titles(catalogue.search_items(q=q)) == sorted(expected)

    @pytest.mark.parametrize(
        "q", ['"施工', "施工 AND", "(许可", "NOT", "OR 许可)", "*", "?", "施工 -"]
    )
    def test_query_syntax_is_harmless(self, q):
        """Operators and brackets typed by a citizen never raise."""
        result = catalogue.search_items(q=q)
        assert result["total"] >= 0

    def test_search_with_filters(self):
        """Search and filters combine, and facets count within the search."""
        result = catalogue.search_items(q="许可", department="zjj")
        assert titles(result) == ["商品房预售许可", "建筑工程施工许可证核发"]
        assert counts(result["facets"]["department"]) == {"zjj": 2, "scjgj": 1}

    @pytest.mark.parametrize(
        "q,expected",
        [
            ("施工许可", "施工许可"),
            ("  施工许可  证 ", "施工许可 证"),
            ("x1", "x1*"),
            ('"施工" AND (许可)', "施工 许可"),
            ("", ""),
            (None, ""),
        ],
    )
    def test_text_query(self, q, expected):
        """Typed text becomes a query of required words."""
        assert catalogue.text_query(q) == expected

    @pytest.mark.parametrize(
        "q,expected",
        [
            ("建筑许可", "建筑 许可"),
            ("施工许可证", "施工 许可 证"),
            ("许可", None),
            ("abc", None),
        ],
    )
    def test_relaxed_text_query(self, q, expected):
        """The relaxed query requires the two-character pieces of each run."""
        assert catalogue.relaxed_text_query(q) == expected


@pytest.mark.usefixtures("editor")
class TestSearchAsEditor:
    def test_private_items_listed(self):
        """Editors also find the items they are still writing."""
        result = catalogue.search_items(department="zjj")
        assert "建筑业企业资质草稿事项" in titles(result)
        assert counts(result["facets"]["item_type"])["07"] == 1


class TestDownloads:
    def test_anonymous_total(self, anonymous):
        """The published materials with a template or sample are counted."""
        result = catalogue.list_downloads()
        assert result["total"] == 2
        assert sorted(item["title"] for item in result["items"]) == [
            "建筑工程施工许可申请表",
            "食品经营许可申请书",
        ]

    def test_files(self, anonymous, content):
        """Each material names its files with real download URLs."""
        result = catalogue.list_downloads(q="施工许可")
        (item,) = result["items"]
        url = content["permit_form"].absolute_url()
        assert [(f["field"], f["url"]) for f in item["files"]] == [
            ("template", f"{url}/@@download/template"),
            ("sample", f"{url}/@@download/sample"),
        ]
        assert item["files"][0]["filename"] == "建筑工程施工许可申请表.docx"
        assert item["files"][0]["size"] > 0
        assert item["item"] == {
            "title": "建筑工程施工许可证核发",
            "url": content["permit"].absolute_url(),
        }
        assert item["department"]["id"] == "zjj"

    @pytest.mark.parametrize(
        "department,expected", [("zjj", 1), ("SCJGJ", 1), ("gaj", 0), ("", 2)]
    )
    def test_department_filter(self, anonymous, department, expected):
        """Downloads filter by department id or short code."""
        assert catalogue.list_downloads(department=department)["total"] == expected

    def test_department_counts(self, anonymous):
        """Departments are counted for the filter list."""
        facet = catalogue.list_downloads()["facets"]["department"]
        assert counts(facet) == {"zjj": 1, "scjgj": 1}

    def test_editor_sees_private_templates(self, editor):
        """The private draft's template is listed for editors only."""
        assert catalogue.list_downloads()["total"] == 3


class TestDownloadsChange:
    def test_new_template_counted(self, portal, http_request):
        """Adding a template to a material lists it at once."""
        setRoles(portal, TEST_USER_ID, ["Manager"])
        content = build_catalogue(portal)
        assert catalogue.list_downloads()["total"] == 3
        content["presale_form"].template = blank_form("商品房预售许可申请表")
        content["presale_form"].reindexObject()
        assert catalogue.list_downloads()["total"] == 4


@pytest.mark.usefixtures("editor")
class TestCompleteness:
    def test_report_per_department(self):
        """Every department is reported with its checked and incomplete items."""
        report = catalogue.completeness()
        assert [entry["department"]["id"] for entry in report] == [
            "zjj",
            "scjgj",
            "gaj",
        ]
        assert [entry["checked"] for entry in report] == [3, 2, 1]

    def _gaps(self, department, title):
        (entry,) = catalogue.completeness(department=department)
        items = {item["title"]: item for item in entry["items"]}
        if title not in items:
            return {}
        return {gap["element"]: gap for gap in items[title]["gaps"]}

    def test_complete_guide_not_listed(self):
        """A guide with every element is not listed."""
        assert self._gaps("zjj", "建筑工程施工许可证核发") == {}
        assert self._gaps("scjgj", "个体工商户设立登记") == {}

    @pytest.mark.parametrize(
        "title,department,expected",
        [
            (
                "商品房预售许可",
                "zjj",
                {"conditions", "steps", "legal_basis", "templates"},
            ),
            (
                "居民身份证换领",
                "gaj",
                {"conditions", "materials", "steps", "legal_basis"},
            ),
            (
                "建筑业企业资质草稿事项",
                "zjj",
                {"conditions", "time_limits", "steps", "legal_basis"},
            ),
        ],
    )
    def test_gaps_named(self, title, department, expected):
        """The missing elements of an incomplete guide are named."""
        assert set(self._gaps(department, title)) == expected

    def test_missing_template_names_material(self):
        """A material that needs a blank form and has none is named."""
        gaps = self._gaps("zjj", "商品房预售许可")
        assert gaps["templates"]["materials"] == ["商品房预售许可申请表"]

    def test_unknown_department(self):
        """An unknown department gives an empty report."""
        assert catalogue.completeness(department="nowhere") == []


class TestGuideGaps:
    @pytest.fixture
    def item(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        return build_catalogue(portal)["permit"]

    @pytest.mark.parametrize(
        "field,value,element",
        [
            ("conditions", "  \n ", "conditions"),
            ("statutory_limit", None, "time_limits"),
            ("promised_limit", None, "time_limits"),
            ("steps", [], "steps"),
            ("steps", [{"name": "", "post": "窗口"}], "steps"),
            ("legal_basis", None, "legal_basis"),
        ],
    )
    def test_each_rule(self, item, field, value, element):
        """Clearing one element of a complete guide names exactly that element."""
        setattr(item, field, value)
        assert [gap["element"] for gap in catalogue.guide_gaps(item)] == [element]

    def test_empty_legal_basis_markup(self, item):
        """A legal basis of empty paragraphs counts as missing."""
        from plone.app.textfield.value import RichTextValue

        item.legal_basis = RichTextValue("<p>&nbsp;</p>", "text/html", "text/html")
        assert [gap["element"] for gap in catalogue.guide_gaps(item)] == ["legal_basis"]

    def test_zero_limit_is_given(self, item):
        """A limit of zero days (decided on the spot) is a limit."""
        item.promised_limit = 0
        assert catalogue.guide_gaps(item) == []

    def test_no_materials(self, item):
        """An item without materials lacks its materials."""
        api.content.delete(objects=list(item.objectValues()))
        assert [gap["element"] for gap in catalogue.guide_gaps(item)] == ["materials"]

    def test_missing_template(self, item):
        """A material marked as a form to fill in needs its blank form."""
        item["planning-permit"].needs_template = True
        gaps = catalogue.guide_gaps(item)
        assert [gap["element"] for gap in gaps] == ["templates"]
        assert gaps[0]["materials"] == ["建设工程规划许可证"]
