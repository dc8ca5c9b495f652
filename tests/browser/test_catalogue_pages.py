"""The catalogue's pages: the guide listing, an item's guide, downloads, gaps."""

from AccessControl import Unauthorized
from catalogue_content import build_catalogue
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from zope.component import getMultiAdapter
from zope.interface import alsoProvides
from zyzwfw.interfaces import IZyzwfwLayer

import pytest
import re


@pytest.fixture(scope="class")
def content(portal_class):
    """The test catalogue, built once for the class."""
    setRoles(portal_class, TEST_USER_ID, ["Manager"])
    objects = build_catalogue(portal_class)
    setRoles(portal_class, TEST_USER_ID, ["Member"])
    return objects


@pytest.fixture
def render(portal_class, content):
    """Render a page of an object with request parameters, as the hall does."""

    def render(context, name, **form):
        request = portal_class.REQUEST
        alsoProvides(request, IZyzwfwLayer)
        request.form.clear()
        request.form.update(form)
        view = getMultiAdapter((context, request), name=name)
        return view()

    return render


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


def h1_count(html):
    return len(re.findall(r"<h1[\s>]", html))


def unlabelled_fields(html):
    """Return the ids of inputs and selects that no label names."""
    labelled = set(re.findall(r'<label[^>]*\sfor="([^"]+)"', html))
    fields = re.findall(
        r'<(?:input|select|textarea)(?![^>]*type="(?:hidden|submit)")[^>]*>', html
    )
    missing = []
    for field in fields:
        match = re.search(r'\sid="([^"]+)"', field)
        if match is None or match.group(1) not in labelled:
            missing.append(field)
    return missing


@pytest.mark.usefixtures("anonymous")
class TestCataloguePage:
    def test_lists_published_items_only(self, portal_class, render):
        """Anonymous visitors see the published items and not the draft."""
        html = render(portal_class, "guide")
        assert "建筑工程施工许可证核发" in html
        assert "居民身份证换领" in html
        assert "建筑业企业资质草稿事项" not in html

    def test_one_heading_and_labelled_fields(self, portal_class, render):
        """The page has one h1 and every field has a label."""
        html = render(portal_class, "guide")
        assert h1_count(html) == 1
        assert unlabelled_fields(html) == []

    def test_filter_links_with_counts(self, portal_class, render):
        """Every filter value links to its own GET URL and shows its count."""
        html = render(portal_class, "guide")
        url = portal_class.absolute_url()
        assert f'href="{url}/guide?department=zjj"' in html
        assert f'href="{url}/guide?theme=construction"' in html
        assert f'href="{url}/guide?party=person"' in html
        assert f'href="{url}/guide?item_type=01"' in html
        assert f'href="{url}/guide?depth=4"' in html
        assert re.search(r"住房和城乡建设局</span>\s*<span[^>]*>2</span>", html)

    def test_filters_combine_in_urls(self, portal_class, render):
        """A filter link keeps the search and the other filters."""
        html = render(portal_class, "guide", q="许可", department="zjj")
        url = portal_class.absolute_url()
        assert f"{url}/guide?q=%E8%AE%B8%E5%8F%AF&amp;department=zjj&amp;depth=3" in (
            html
        )

    def test_active_filters_removable(self, portal_class, render):
        """Active filters are shown, each with a link that removes it."""
        html = render(portal_class, "guide", department="scjgj", depth="4")
        url = portal_class.absolute_url()
        assert "hall-active-filters" in html
        assert f'href="{url}/guide?depth=4"' in html
        assert f'href="{url}/guide?department=scjgj"' in html
        assert "食品经营许可证核发" in html
        assert "建筑工程施工许可证核发" not in html

    def test_results_show_facts(self, portal_class, render):
        """A result shows its department, type, online depth and promised limit."""
        html = render(portal_class, "guide", q="施工许可")
        assert "住房和城乡建设局" in html
        assert "Administrative licensing" in html or "行政许可" in html
        assert "III Online acceptance" in html or "三级" in html
        assert re.search(r"(3 working days|3 ?个工作日)", html)

    def test_chinese_search(self, portal_class, render):
        """A partial Chinese query finds the item."""
        html = render(portal_class, "guide", q="施工许可")
        assert "建筑工程施工许可证核发" in html
        assert "食品经营许可证核发" not in html

    def test_batching(self, portal_class, render, monkeypatch):
        """Pages link to each other and keep the filters."""
        from zyzwfw.browser.catalogue import CatalogueView

        monkeypatch.setattr(CatalogueView, "b_size", 2)
        html = render(portal_class, "guide", b_start="2")
        url = portal_class.absolute_url()
        assert f'href="{url}/guide?b_start=4"' in html
        assert f'href="{url}/guide"' in html
        assert 'aria-current="page"' in html

    @pytest.mark.parametrize("b_start", ["-5", "abc", ["2", "4"]])
    def test_bad_parameters(self, portal_class, render, b_start):
        """Nonsense parameters give a page, not an error."""
        html = render(portal_class, "guide", b_start=b_start, q=["施工", "x"])
        assert "hall-catalogue" in html


@pytest.mark.usefixtures("editor")
class TestCataloguePageAsEditor:
    def test_lists_private_items(self, portal_class, render):
        """Editors also see the items still being written, marked as such."""
        html = render(portal_class, "guide", department="zjj")
        assert "建筑业企业资质草稿事项" in html
        assert "text-bg-warning" in html


@pytest.mark.usefixtures("anonymous")
class TestItemGuide:
    def test_sections(self, content, render):
        """The guide shows each section of the item."""
        html = render(content["permit"], "view")
        for anchor in (
            "guide-basic",
            "guide-conditions",
            "guide-basis",
            "guide-materials",
            "guide-steps",
            "guide-limits",
            "guide-fees",
            "guide-place",
            "guide-contact",
            "guide-online",
            "guide-faq",
        ):
            assert f'id="{anchor}"' in html
        assert h1_count(html) == 1
        assert "施工图设计文件已审查合格" in html
        assert "《中华人民共和国建筑法》第七条" in html
        assert "张敏" in html
        assert "可以网上申报吗？" in html
        assert 'href="tel:028-26100001"' in html

    def test_materials_and_downloads(self, content, render):
        """The materials table links the blank form and the sample for download."""
        html = render(content["permit"], "view")
        url = content["permit_form"].absolute_url()
        assert f'href="{url}/@@download/template"' in html
        assert f'href="{url}/@@download/sample"' in html
        assert "建设工程规划许可证" in html
        assert 'data-label="' in html

    def test_apply_button_for_depth_two_and_up(self, portal_class, content, render):
        """Items of online depth II or higher offer the online application."""
        html = render(content["permit"], "view")
        uid = content["permit"].UID()
        url = portal_class.absolute_url()
        assert f'href="{url}/apply?item={uid}"' in html
        assert f'href="{content["permit"].absolute_url()}/@@consult"' in html

    def test_no_apply_button_for_depth_one(self, portal_class, content, render):
        """Items of online depth I only offer consultation."""
        html = render(content["identity"], "view")
        url = portal_class.absolute_url()
        assert f"{url}/apply?item=" not in html
        assert f'href="{content["identity"].absolute_url()}/@@consult"' in html

    def test_private_material_hidden(self, portal_class, content, render):
        """A material anonymous visitors may not see is left out."""
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=content["permit_plan"], transition="retract")
        try:
            html = render(content["permit"], "view")
        finally:
            with api.env.adopt_roles(["Manager"]):
                api.content.transition(obj=content["permit_plan"], transition="publish")
        assert content["permit_plan"].absolute_url() not in html
        assert content["permit_form"].absolute_url() in html

    def test_print_view(self, content, render):
        """The print view has the guide without the site's navigation."""
        html = render(content["permit"], "print-guide")
        assert "建筑工程施工许可证核发" in html
        assert "guide-materials" in html
        assert "portal-globalnav" not in html
        assert "portal-footer" not in html
        assert h1_count(html) == 1


@pytest.mark.usefixtures("anonymous")
class TestDepartmentPages:
    def test_department(self, portal_class, content, render):
        """A department shows its window, contacts and published items."""
        html = render(content["zjj"], "view")
        assert "ZJJ-01" in html
        assert "028-26100002" in html
        assert "建筑工程施工许可证核发" in html
        assert "商品房预售许可" in html
        assert "建筑业企业资质草稿事项" not in html
        assert f"{portal_class.absolute_url()}/guide?department=zjj" in html

    def test_department_folder(self, portal_class, content, render):
        """The departments folder is a grid of windows with their item counts."""
        html = render(portal_class["departments"], "view")
        assert html.count('class="hall-window"') == 3
        assert re.search(r"住房和城乡建设局</span>\s*<span[^>]*>\s*2", html)
        assert re.search(r"公安局</span>\s*<span[^>]*>\s*1", html)

    def test_material(self, content, render):
        """A material shows its details and its downloads."""
        html = render(content["permit_form"], "view")
        url = content["permit_form"].absolute_url()
        assert f'href="{url}/@@download/template"' in html
        assert "申请单位填写并加盖公章。" in html
        assert content["permit"].absolute_url() in html


class TestDownloadsPage:
    def test_anonymous(self, portal_class, render, anonymous):
        """The download centre lists the published forms with their count."""
        html = render(portal_class, "downloads")
        assert "建筑工程施工许可申请表" in html
        assert "食品经营许可申请书" in html
        assert "资质申请表草稿" not in html
        assert re.search(r"<strong\s*>2</strong>", html)
        assert h1_count(html) == 1
        assert unlabelled_fields(html) == []

    def test_filter_by_department(self, portal_class, render, anonymous):
        """The department filter narrows the list."""
        html = render(portal_class, "downloads", department="scjgj")
        assert "食品经营许可申请书" in html
        assert "建筑工程施工许可申请表" not in html
        assert re.search(r'<option\s+value="scjgj"\s+selected="selected"', html)

    def test_search(self, portal_class, render, anonymous):
        """Searching finds a form by its item's title."""
        html = render(portal_class, "downloads", q="食品经营")
        assert "食品经营许可申请书" in html
        assert "建筑工程施工许可申请表" not in html

    def test_editor(self, portal_class, render, editor):
        """Editors also see the forms of items still being written."""
        html = render(portal_class, "downloads")
        assert "资质申请表草稿" in html


class TestCompletenessPage:
    def test_editor(self, portal_class, render, editor):
        """Editors see each department's incomplete guides and what they lack."""
        html = render(portal_class, "guide-completeness")
        assert "商品房预售许可申请表" in html
        assert "居民身份证换领" in html
        assert "建筑工程施工许可证核发" not in html
        assert h1_count(html) == 1
        assert unlabelled_fields(html) == []

    def test_one_department(self, portal_class, render, editor):
        """The check can be limited to one department."""
        html = render(portal_class, "guide-completeness", department="gaj")
        assert "居民身份证换领" in html
        assert "商品房预售许可" not in html

    def test_protected(self, portal_class, content, anonymous):
        """Anonymous visitors may not open the check."""
        alsoProvides(portal_class.REQUEST, IZyzwfwLayer)
        with pytest.raises(Unauthorized):
            portal_class.restrictedTraverse("@@guide-completeness")


class TestHomePage:
    def test_downloads_card(self, portal_class, render, anonymous):
        """The home page links to the download centre."""
        html = render(portal_class, "hall-home")
        assert f'href="{portal_class.absolute_url()}/downloads"' in html


class TestOverHttp:
    @pytest.fixture
    def browser(self, functional_app, functional_portal):
        """An anonymous browser on a site with the test catalogue."""
        from plone.testing.zope import Browser

        import transaction

        setRoles(functional_portal, TEST_USER_ID, ["Manager"])
        self.content = build_catalogue(functional_portal)
        transaction.commit()
        browser = Browser(functional_app)
        browser.handleErrors = False
        return browser

    def test_download_link_serves_the_file(self, browser):
        """The guide's download links serve the blank form as an attachment."""
        browser.open(self.content["permit"].absolute_url())
        link = browser.getLink(url="application-form/@@download/template")
        link.click()
        assert browser.headers["Content-Type"].startswith(
            "application/vnd.openxmlformats-officedocument"
        )
        assert "attachment" in browser.headers["Content-Disposition"]
        assert browser.contents.startswith(b"PK")

    def test_catalogue_filter_url(self, browser, functional_portal):
        """A filter combination is a plain GET URL that anyone can open."""
        url = functional_portal.absolute_url()
        browser.open(f"{url}/guide?department=scjgj&depth=4&q=%E9%A3%9F%E5%93%81")
        assert "食品经营许可证核发" in browser.contents
        assert "个体工商户设立登记" not in browser.contents
