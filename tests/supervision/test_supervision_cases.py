"""Consultations and complaints under the same warning rules as applications."""

from plone import api
from zyzwfw import complaints
from zyzwfw import consultations
from zyzwfw import schedule
from zyzwfw import supervision

import datetime


def overdue(case):
    """Move a case's due date a week into the past."""
    case.due_date = datetime.date.today() - datetime.timedelta(days=7)
    case.reindexObject()
    return case


def test_sources_active(hall):
    types = [source.case_type for source in supervision.active_sources()]
    assert types == ["application", "consultation", "complaint"]


def test_consultation_cards(hall, acting_as):
    with acting_as("applicant"):
        question = consultations.ask(
            "施工许可需要哪些材料？", item=hall["item_a"], client="10.0.0.1"
        )
    overdue(question)
    [card] = supervision.evaluate()
    assert card.case_type == "consultation"
    assert card.number == question.number
    assert card.number.startswith("ZX")
    assert card.department_uid == hall["department_a"].UID()
    assert card.rule == "R02"
    assert supervision.evaluate() == []

    # The desk finds it by its number, with its history and card.
    assert supervision.find_case(question.number) == question
    kinds = [step["kind"] for step in supervision.case_timeline(question)]
    assert kinds[0] == "transition" and kinds[-1] == "card"


def test_answered_consultation_not_carded(hall, acting_as):
    with acting_as("applicant"):
        question = consultations.ask(
            "施工许可需要哪些材料？", item=hall["item_a"], client="10.0.0.2"
        )
    with acting_as("staff_a"):
        consultations.answer(question, "需要身份证和施工图。")
    overdue(question)
    assert supervision.evaluate() == []


def test_unrouted_complaint_is_the_centres(hall, acting_as):
    api.portal.set_registry_record("zyzwfw.hall.centre_name", "资阳市政务服务中心")
    with acting_as("applicant"):
        receipt = complaints.file_complaint(
            "窗口态度差", "办理时窗口人员态度生硬。", client="10.0.0.3"
        )
    overdue(receipt.complaint)
    [card] = supervision.evaluate()
    assert card.case_type == "complaint"
    assert card.number.startswith("TS")
    assert card.department_uid == ""
    assert card.department_title == "资阳市政务服务中心"
    entry = supervision.feed_entry(card)
    assert entry["责任部门"] == "资阳市政务服务中心"
    assert "窗口态度差" not in str(entry)


def test_scheduled_run_closes_stale_complaints(hall, acting_as, monkeypatch):
    closed = []
    monkeypatch.setattr(
        complaints, "close_stale", lambda now: closed.append(now) or ["TS1"]
    )
    counts = schedule.run_once()
    assert counts["complaints"] == 1
    assert closed
