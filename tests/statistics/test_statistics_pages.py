"""The statistics desk, its exports, the public page and ``@hall-statistics``."""

from application_helpers import PASSWORD
from application_helpers import PERSON
from plone import api
from zyzwfw import applications
from zyzwfw import departments

import csv
import io
import lxml.html
import openpyxl
import pytest
import requests
import transaction


@pytest.fixture
def hall(web_hall):
    """The applications of these tests are made on the functional site."""
    return web_hall


@pytest.fixture
def site(web_hall, acting_as, make_application):
    """The functional hall with applications and a reviewer of the centre."""
    with api.env.adopt_roles(["Manager"]):
        api.user.create(email="centre@example.cn", username="centre", password=PASSWORD)
        departments.add_reviewer("centre")
    for state in ("approved", "approved", "refused", "submitted"):
        make_application(state)
    make_application("rejected", item=web_hall["item_b"], staff="staff_b")
    transaction.commit()
    today = applications.hall_now()
    return {
        "url": web_hall["portal"].absolute_url(),
        "year": today.year,
        "month": today.month,
        "department_a": web_hall["department_a"].Title(),
    }


def get(site, path, user=None, redirects=True, **params):
    auth = (user, PASSWORD) if user else None
    return requests.get(
        f"{site['url']}/{path}",
        params=params,
        auth=auth,
        timeout=60,
        allow_redirects=redirects,
    )


class TestDesk:
    @pytest.mark.parametrize("user", ["centre", "supervisor"])
    def test_centre_and_supervisor_see_the_desk(self, site, user):
        response = get(site, "@@hall-statistics-desk", user, year=site["year"])
        assert response.status_code == 200
        page = lxml.html.fromstring(response.text)
        assert page.xpath('//svg[@role="img"]/title')
        caption = page.xpath('//section[@id="table-departments"]//caption')[0]
        assert caption.text_content().strip() == "各部门统计"
        row = page.xpath(
            f'//section[@id="table-departments"]//tbody/tr[th="{site["department_a"]}"]'
        )[0]
        cells = [cell.text_content().strip() for cell in row.xpath("./td")]
        assert cells[0] == "4"  # applied online
        # Three accepted straight away, one still waiting: 3 of 3 let through.
        assert cells[1:3] == ["3", "100.0%"]

    @pytest.mark.parametrize("user", ["staff_a", "applicant", None])
    def test_others_do_not(self, site, user):
        response = get(site, "@@hall-statistics-desk", user, redirects=False)
        assert response.status_code in (302, 401, 403)
        assert "各部门统计" not in response.text

    def test_xlsx_export(self, site):
        response = get(
            site,
            "@@hall-statistics-export",
            "centre",
            table="departments",
            format="xlsx",
            year=site["year"],
            month=site["month"],
        )
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith(
            "application/vnd.openxmlformats"
        )
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][:3] == ("部门", "网上申报", "预审通过")
        row = next(row for row in rows if row[0] == site["department_a"])
        header = rows[0]
        assert row[header.index("网上申报")] == 4
        assert row[header.index("准予")] == 2
        assert row[header.index("预审通过率")] == 1
        assert (
            sheet.cell(row=2, column=header.index("预审通过率") + 1).number_format
            == "0.0%"
        )
        assert row[header.index("办结及时率")] == 1
        assert rows[-1][0] == "全大厅"
        assert rows[-1][header.index("网上申报")] == 5
        # The rejection by department B: 3 of 4 pre-reviews in the hall.
        assert rows[-1][header.index("预审通过率")] == pytest.approx(0.75)

    def test_csv_export(self, site):
        response = get(
            site,
            "@@hall-statistics-export",
            "supervisor",
            table="months",
            format="csv",
            year=site["year"],
        )
        assert response.status_code == 200
        text = response.content.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0][0] == "月份"
        this_month = next(
            row for row in rows if row[0] == f"{site['year']}-{site['month']:02d}"
        )
        assert this_month[1] == "5"

    def test_every_table_exports(self, site):
        for table in (
            "departments",
            "months",
            "balance",
            "assessment",
            "staff",
            "citizens",
            "training",
        ):
            response = get(
                site,
                "@@hall-statistics-export",
                "centre",
                table=table,
                format="xlsx",
            )
            assert response.status_code == 200, table
            sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
            assert sheet.max_row >= 2, table

    @pytest.mark.parametrize("user", ["staff_a", None])
    def test_others_cannot_export(self, site, user):
        response = get(
            site,
            "@@hall-statistics-export",
            user,
            redirects=False,
            table="citizens",
            format="csv",
        )
        assert response.status_code in (302, 401, 403)
        assert "申请人" not in response.text

    def test_unknown_table_refused(self, site):
        response = get(
            site, "@@hall-statistics-export", "centre", table="x", format="xlsx"
        )
        assert response.status_code == 400


class TestPublic:
    def test_public_page_has_headline_without_personal_data(self, site):
        response = get(site, "statistics")
        assert response.status_code == 200
        page = lxml.html.fromstring(response.text)
        figures = [
            node.text_content().strip()
            for node in page.xpath('//*[@class="hall-figure"]')
        ]
        assert figures[0] == "5"
        text = response.text
        for personal in (PERSON["name"], PERSON["id_number"], PERSON["mobile"]):
            assert personal not in text
        assert "staff_a" not in text

    def test_anonymous_json_is_the_headline(self, site):
        response = requests.get(
            f"{site['url']}/@hall-statistics",
            headers={"Accept": "application/json"},
            timeout=60,
        )
        assert response.status_code == 200
        body = response.json()
        assert body["scope"] == "public"
        assert body["online_total"] == 5
        assert "departments" not in body
        for personal in (PERSON["name"], PERSON["id_number"], "staff_a"):
            assert personal not in response.text

    @pytest.mark.parametrize("user", ["centre", "supervisor"])
    def test_full_json(self, site, user):
        response = requests.get(
            f"{site['url']}/@hall-statistics",
            params={"year": site["year"], "month": site["month"]},
            headers={"Accept": "application/json"},
            auth=(user, PASSWORD),
            timeout=60,
        )
        assert response.status_code == 200
        body = response.json()
        assert body["scope"] == "full"
        row = next(
            row for row in body["departments"] if row["title"] == site["department_a"]
        )
        assert row["submitted"] == 4
        assert row["approved"] == 2
        assert body["total"]["submitted"] == 5
        assert body["assessment"]["ranking"][0]["title"] == site["department_a"]

    def test_staff_json_is_the_headline(self, site):
        response = requests.get(
            f"{site['url']}/@hall-statistics",
            headers={"Accept": "application/json"},
            auth=("staff_a", PASSWORD),
            timeout=60,
        )
        assert response.json()["scope"] == "public"
