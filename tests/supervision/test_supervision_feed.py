"""``@supervision-feed`` over HTTP: its fields, paging, resuming and who may read it."""

from application_helpers import PASSWORD
from application_helpers import PERSON
from conftest import set_step_due
from conftest import SHANGHAI
from zyzwfw import supervision

import datetime
import pytest
import requests
import transaction


JSON = {"Accept": "application/json"}

TODAY = datetime.datetime.now(SHANGHAI).date()

KEYS = {
    "序号",
    "办件编号",
    "督办内容",
    "机构名称",
    "事项类型代码",
    "督办发出时间",
    "监察编号",
    "监察规则编号",
    "监察预警类型代码",
    "状态产生时间",
    "监察结果描述",
    "责任部门",
}


def feed(hall, user="supervisor", **params):
    return requests.get(
        f"{hall['portal'].absolute_url()}/@supervision-feed",
        params=params,
        headers=JSON,
        auth=(user, PASSWORD) if user else None,
    )


@pytest.fixture
def overdue(web_hall, make_web_application):
    """Five overdue applications of department A with red cards, committed."""
    made = []
    for days in range(5):
        application = make_web_application("accepted")
        set_step_due(application, TODAY - datetime.timedelta(days=10 + days))
        made.append(application)
    supervision.evaluate()
    transaction.commit()
    return made


class TestFields:
    def test_card(self, web_hall, overdue):
        response = feed(web_hall)
        assert response.status_code == 200
        items = response.json()["items"]
        assert len(items) == 5
        first = items[0]
        assert set(first) == KEYS
        assert first["办件编号"] == overdue[0].number
        assert first["责任部门"] == "市住房和城乡建设局"
        assert first["事项类型代码"] == "01"
        assert first["监察规则编号"] == "R02"
        assert first["监察预警类型代码"] == "02"
        assert first["督办内容"] == first["督办发出时间"] == ""
        assert first["监察编号"].startswith("JC")
        assert datetime.datetime.fromisoformat(first["状态产生时间"]).tzinfo
        assert "超期" in first["监察结果描述"]
        assert [item["序号"] for item in items] == sorted(
            item["序号"] for item in items
        )

    def test_no_personal_data(self, web_hall, overdue):
        text = feed(web_hall).text
        for value in (
            PERSON["name"],
            PERSON["id_number"],
            PERSON["mobile"],
            PERSON["email"],
        ):
            assert value not in text

    def test_order_and_its_reply(self, web_hall, overdue, web_acting_as):
        last = feed(web_hall).json()["last_sequence"]
        with web_acting_as("supervisor"):
            order = supervision.send_order(overdue[0], "请说明超期原因。", TODAY)
        transaction.commit()
        [item] = feed(web_hall, since=last).json()["items"]
        assert item["督办内容"] == "请说明超期原因。"
        assert item["监察规则编号"] == "D01"
        assert item["监察预警类型代码"] == "03"
        assert item["督办发出时间"]
        assert item["监察结果描述"] == "等待部门回复。"

        last = item["序号"]
        with web_acting_as("staff_a"):
            supervision.reply_order(order.id, "已办结。")
        transaction.commit()
        [item] = feed(web_hall, since=last).json()["items"]
        assert item["监察结果描述"] == "已办结。"
        assert item["序号"] > last
        # The order is listed once, in its latest state.
        everything = feed(web_hall).json()["items"]
        orders = [entry for entry in everything if entry["监察规则编号"] == "D01"]
        assert len(orders) == 1
        assert orders[0]["监察结果描述"] == "已办结。"


class TestPaging:
    def test_pages_follow_next(self, web_hall, overdue):
        seen = []
        response = feed(web_hall, b_size=2)
        pages = 0
        while True:
            body = response.json()
            pages += 1
            seen += [item["办件编号"] for item in body["items"]]
            if "next" not in body["batching"]:
                break
            response = requests.get(
                body["batching"]["next"],
                headers=JSON,
                auth=("supervisor", PASSWORD),
            )
        assert pages == 3
        assert seen == [application.number for application in overdue]

    def test_since_is_strictly_after(self, web_hall, overdue):
        items = feed(web_hall).json()["items"]
        third = items[2]["序号"]
        after = feed(web_hall, since=third).json()
        assert [item["序号"] for item in after["items"]] == [
            item["序号"] for item in items[3:]
        ]
        assert after["last_sequence"] == items[-1]["序号"]
        nothing = feed(web_hall, since=after["last_sequence"]).json()
        assert nothing["items"] == []
        assert nothing["last_sequence"] == after["last_sequence"]

    def test_since_a_time(self, web_hall, overdue):
        items = feed(web_hall).json()["items"]
        before = datetime.datetime.now(SHANGHAI) - datetime.timedelta(days=1)
        assert len(feed(web_hall, since=before.isoformat()).json()["items"]) == 5
        moment = items[-1]["状态产生时间"]
        assert feed(web_hall, since=moment).json()["items"] == []

    @pytest.mark.parametrize(
        "params",
        [{"since": "yesterday"}, {"since": "2026-12-01T10:00"}, {"b_size": "0"}],
    )
    def test_bad_parameters(self, web_hall, overdue, params):
        response = feed(web_hall, **params)
        assert response.status_code == 400
        assert "参数" in response.json()["error"]["message"]


class TestAccess:
    def test_anonymous(self, web_hall, overdue):
        response = feed(web_hall, user=None)
        assert response.status_code == 401
        assert overdue[0].number not in response.text

    @pytest.mark.parametrize("person", ["staff_a", "applicant", "editor_a"])
    def test_others(self, web_hall, overdue, person):
        response = feed(web_hall, user=person)
        assert response.status_code in (401, 403)
        assert overdue[0].number not in response.text
