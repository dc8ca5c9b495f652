"""The warning rules: yellow and red cards, recorded once, kept after the case."""

from conftest import at
from conftest import set_step_due
from plone import api
from zyzwfw import supervision

import datetime
import pytest


D = datetime.date


def card_rules(application):
    """Return the rules of the cards an application got, in order."""
    return [
        record.rule
        for record in supervision.records_of(application.UID())
        if record.kind == supervision.CARD
    ]


class TestDueDates:
    @pytest.mark.parametrize(
        ("due", "today", "rules"),
        [
            # One working day left: Friday before a Monday due date.
            (D(2026, 11, 30), D(2026, 11, 27), ["R01"]),
            # Two working days left: Thursday before that Monday.
            (D(2026, 11, 30), D(2026, 11, 26), []),
            # A Saturday counts nothing: still one working day left.
            (D(2026, 11, 30), D(2026, 11, 28), ["R01"]),
            # The due date itself: no day left.
            (D(2026, 11, 30), D(2026, 11, 30), ["R01"]),
            # The day after: overdue.
            (D(2026, 11, 30), D(2026, 12, 1), ["R02"]),
            # Across the National Day holiday (1 to 7 October 2026): on 30
            # September only 8 October is left, one working day.
            (D(2026, 10, 8), D(2026, 9, 30), ["R01"]),
            (D(2026, 10, 8), D(2026, 9, 29), []),
            # In the holiday itself the next working day is the due date.
            (D(2026, 10, 8), D(2026, 10, 3), ["R01"]),
            # 10 October 2026 is a Saturday worked to make up the holiday:
            # due on Monday 12 October, on Friday 9 October two days remain.
            (D(2026, 10, 12), D(2026, 10, 9), []),
            (D(2026, 10, 12), D(2026, 10, 10), ["R01"]),
        ],
    )
    def test_boundaries(self, make_application, due, today, rules):
        application = make_application("accepted")
        set_step_due(application, due)
        supervision.evaluate(now=at(today))
        assert card_rules(application) == rules

    def test_yellow_then_red(self, make_application):
        application = make_application("submitted")
        set_step_due(application, D(2026, 11, 30))
        supervision.evaluate(now=at(D(2026, 11, 27)))
        supervision.evaluate(now=at(D(2026, 12, 2)))
        assert card_rules(application) == ["R01", "R02"]
        yellow, red = supervision.records_of(application.UID())
        assert (yellow.color, red.color) == ("yellow", "red")
        assert red.created.date() == D(2026, 12, 2)
        assert "2026-11-30" in red.description

    def test_card_fields(self, hall, make_application):
        application = make_application("prereviewed")
        set_step_due(application, D(2026, 11, 30))
        [card] = supervision.evaluate(now=at(D(2026, 12, 1), 9))
        assert card.rule == "R02"
        assert card.case_uid == application.UID()
        assert card.case_type == "application"
        assert card.number == application.number
        assert card.department_uid == hall["department_a"].UID()
        assert card.department_title == "市住房和城乡建设局"
        assert card.item_type == "01"
        assert card.created == at(D(2026, 12, 1), 9)
        assert card.created.tzinfo is not None

    @pytest.mark.parametrize("state", ["draft", "supplement", "approved"])
    def test_no_running_clock(self, make_application, state):
        application = make_application(state)
        application.step_due_date = D(2026, 11, 30)
        application.reindexObject()
        assert supervision.evaluate(now=at(D(2026, 12, 10))) == []

    def test_practice_excluded(self, make_application):
        application = make_application("accepted")
        application.practice = True
        set_step_due(application, D(2026, 11, 30))
        assert supervision.evaluate(now=at(D(2026, 12, 10))) == []
        assert supervision.cards() == []


class TestRefusals:
    @pytest.mark.parametrize("state", ["refused", "rejected"])
    @pytest.mark.parametrize("comment", ["无", "。", " - "])
    def test_red_without_reason(self, make_application, state, comment):
        application = make_application(state, comment=comment)
        [card] = supervision.evaluate()
        assert (card.rule, card.color) == ("R03", "red")
        assert card.case_uid == application.UID()

    @pytest.mark.parametrize("state", ["refused", "rejected"])
    def test_reason_given(self, make_application, state):
        make_application(state, comment="材料不符合法定形式")
        assert supervision.evaluate() == []

    def test_blank_history_comment(self, make_application):
        # A refusal stored without any comment, as an import might leave it.
        application = make_application("refused")
        history = application.workflow_history
        entries = list(history["zyzwfw_application_workflow"])
        entries[-1] = dict(entries[-1], comments="")
        history["zyzwfw_application_workflow"] = tuple(entries)
        assert [card.rule for card in supervision.evaluate()] == ["R03"]


class TestIdempotent:
    def test_twice_same_records(self, make_application):
        late = make_application("accepted")
        set_step_due(late, D(2026, 11, 30))
        make_application("refused", comment="无")
        now = at(D(2026, 12, 1))
        first = supervision.evaluate(now=now)
        before = [(r.id, r.rule, r.case_uid, r.sequence) for r in supervision.cards()]
        second = supervision.evaluate(now=now)
        later = supervision.evaluate(now=at(D(2026, 12, 4)))
        after = [(r.id, r.rule, r.case_uid, r.sequence) for r in supervision.cards()]
        assert len(first) == 2
        assert second == [] and later == []
        assert before == after

    def test_kept_after_the_case_ends(self, make_application, acting_as):
        application = make_application("accepted")
        set_step_due(application, D(2026, 11, 30))
        supervision.evaluate(now=at(D(2026, 12, 1)))
        with acting_as("staff_a"):
            api.content.transition(obj=application, transition="approve")
        supervision.evaluate(now=at(D(2026, 12, 2)))
        assert card_rules(application) == ["R02"]
        assert supervision.has_card(application.UID(), "R02")


class TestReading:
    def test_filters(self, hall, make_application):
        first = make_application("accepted")
        set_step_due(first, D(2026, 11, 30))
        supervision.evaluate(now=at(D(2026, 11, 27)))
        second = make_application("accepted", item=hall["item_b"])
        set_step_due(second, D(2026, 12, 1))
        supervision.evaluate(now=at(D(2026, 12, 2)))

        assert len(supervision.cards()) == 3
        assert [c.rule for c in supervision.cards(end=D(2026, 11, 27))] == ["R01"]
        assert len(supervision.cards(start=D(2026, 11, 28))) == 2
        department_b = hall["department_b"].UID()
        [card] = supervision.cards(department_uid=department_b)
        assert card.case_uid == second.UID()
        rows = supervision.counts_by_department()
        assert [(row["department_title"], row["total"]) for row in rows] == [
            ("市住房和城乡建设局", 2),
            ("市气象局", 1),
        ]
        assert rows[0]["rules"] == {"R01": 1, "R02": 1, "R03": 0}
