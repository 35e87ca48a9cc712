"""The current state, derived from the model alone: no site, no MkDocs."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from rhaglen.model.plan import PlanFile
from rhaglen.model.portfolio import Programme, Update
from rhaglen.model.programme import ProgrammeFile
from rhaglen.model.risks import RisksFile
from rhaglen.model.updates import UpdateFile
from rhaglen.state.current import current_state, risk_band

TEXT = {"cy": "Testun", "en": "Text"}
DAY = date(2026, 6, 1)


def programme_file() -> ProgrammeFile:
    return ProgrammeFile.model_validate({
        "title": TEXT, "summary": TEXT, "type": "campaign", "stage": "implementing",
        "start": "2025-01-01", "end": "2026-12-31", "mission": TEXT, "behaviour_goal": TEXT,
        "lead": "org", "organisations": [{"id": "org", "name": "Org", "role": "lead"}],
        "target_groups": [{"id": "tg", "name": TEXT, "description": TEXT}]})


def objective(oid: str, direction: str, baseline: float, target: float) -> dict[str, Any]:
    return {"id": oid, "statement": TEXT, "level": "outcome", "indicator": TEXT, "unit": TEXT,
            "direction": direction,
            "baseline": {"value": baseline, "date": "2026-01-01", "source": TEXT},
            "target": {"value": target, "date": "2026-12-31"},
            "data_source": TEXT, "agreed_with": ["org"], "agreed_on": "2025-12-01"}


def milestone(mid: str, due: str, **extra: Any) -> dict[str, Any]:
    return {"id": mid, "title": TEXT, "due": due, **extra}


def risk(rid: str, kind: str, likelihood: int, impact: int, **extra: Any) -> dict[str, Any]:
    return {"id": rid, "title": TEXT, "description": TEXT, "kind": kind, "raised": "2025-01-01",
            "likelihood": likelihood, "impact": impact,
            "response": "reduce" if kind == "threat" else "exploit", "actions": TEXT,
            "owner": "role", "review": "2026-09-01", "status": "open", **extra}


PLAN = PlanFile.model_validate({
    "objectives": [objective("up", "increase", 40, 60), objective("down", "decrease", 200, 100)],
    "milestones": [
        milestone("done", "2026-03-01", completed="2026-02-20"),
        milestone("late", "2026-03-01", completed="2026-03-15"),
        milestone("ahead", "2026-09-01"),
        milestone("slipping", "2026-09-01", forecast="2026-08-01"),
        milestone("overdue", "2026-05-01"),
        milestone("dropped", "2026-04-01", cancelled=True),
    ],
    "budget": {"lines": [{"id": "b1", "title": TEXT, "category": "human", "planned": 1000},
                         {"id": "b2", "title": TEXT, "category": "physical", "planned": 500}]},
})
RISKS = RisksFile.model_validate({"risks": [
    risk("grows", "threat", 2, 3), risk("shrinks", "threat", 4, 4),
    risk("same", "opportunity", 3, 3, review="2026-05-01"), risk("quiet", "threat", 1, 2)]})


def update(day: str, **report: Any) -> Update:
    data = {"period": {"start": "2026-01-01", "end": day}, "rag": "amber", "summary": TEXT,
            **report}
    return Update(date.fromisoformat(day), UpdateFile.model_validate(data))


UPDATES = (
    update("2026-03-31", rag="green",
           objectives=[{"id": "up", "value": 45}, {"id": "down", "value": 190}],
           milestones=[{"id": "slipping", "forecast": "2026-10-15"}],
           spend=[{"line": "b1", "spent": 400}, {"line": "b2", "spent": 300}],
           risks=[{"id": "grows", "likelihood": 3, "impact": 3},
                  {"id": "shrinks", "likelihood": 3, "impact": 4},
                  {"id": "same", "likelihood": 3, "impact": 3}],
           actions=[{"id": "a1", "responds_to": "grows", "title": TEXT, "due": "2026-04-30",
                     "status": "planned"}]),
    update("2026-05-20", rag="red",
           objectives=[{"id": "up", "value": 52}, {"id": "down", "value": 185}],
           spend=[{"line": "b1", "spent": 700}, {"line": "b2", "spent": 560}],
           risks=[{"id": "grows", "likelihood": 4, "impact": 4},
                  {"id": "shrinks", "likelihood": 2, "impact": 3, "status": "closed"},
                  {"id": "same", "likelihood": 3, "impact": 3}],
           actions=[{"id": "a1", "responds_to": "grows", "title": TEXT, "due": "2026-04-30",
                     "status": "in-progress"},
                    {"id": "a2", "responds_to": "up", "title": TEXT, "due": "2026-09-01",
                     "status": "planned"}],
           changes=[{"summary": TEXT, "rationale": TEXT, "agreed_with": ["org"],
                     "agreed_on": "2026-05-10"}]),
)


def make(updates: tuple[Update, ...] = UPDATES) -> Programme:
    return Programme("p", programme_file(), plan=PLAN, risks=RISKS, updates=updates)


def by_id(items: Any, attr: str) -> dict[str, Any]:
    return {getattr(i, attr).id: i for i in items}


def test_every_milestone_status() -> None:
    state = by_id(current_state(make(), DAY).milestones, "milestone")
    assert {k: v.status for k, v in state.items()} == {
        "done": "done", "late": "done-late", "ahead": "on-track", "slipping": "at-risk",
        "overdue": "overdue", "dropped": "cancelled"}
    assert state["slipping"].forecast == date(2026, 10, 15)  # the update's forecast stands
    assert state["late"].days_late == 14 and state["overdue"].days_late == 31


def test_a_milestone_completed_in_an_update_is_done() -> None:
    extra = update("2026-05-25", milestones=[{"id": "overdue", "completed": "2026-05-24"}])
    state = by_id(current_state(make((*UPDATES, extra)), DAY).milestones, "milestone")
    assert state["overdue"].status == "done-late" and state["overdue"].days_late == 23


def test_objectives_in_both_directions() -> None:
    state = by_id(current_state(make(), DAY).objectives, "objective")
    up, down = state["up"], state["down"]
    assert [r.value for r in up.readings] == [45, 52] and up.latest == 52
    assert up.progress == pytest.approx(0.6)  # 12 of the 20 to gain
    assert down.progress == pytest.approx(0.15)  # 15 of the 100 to lose
    assert up.expected == pytest.approx(151 / 364)
    assert up.status == "on-track" and down.status == "off-track"


def test_an_objective_past_its_target_is_met_whichever_the_direction() -> None:
    extra = update("2026-05-30", objectives=[{"id": "up", "value": 61},
                                             {"id": "down", "value": 99}])
    state = by_id(current_state(make((*UPDATES, extra)), DAY).objectives, "objective")
    assert state["up"].status == "met" and state["down"].status == "met"


def test_budget_spend_is_cumulative_and_overspend_shows() -> None:
    state = by_id(current_state(make(), DAY).budget, "line")
    assert state["b1"].spent == 700 and state["b1"].remaining == 300
    assert not state["b1"].over_budget
    assert state["b2"].spent == 560 and state["b2"].remaining == -60 and state["b2"].over_budget
    assert current_state(make(), DAY).spent_total == 1260


def test_risk_scores_history_trend_status_and_review() -> None:
    state = by_id(current_state(make(), DAY).risks, "risk")
    grows, shrinks, same, quiet = (state[k] for k in ("grows", "shrinks", "same", "quiet"))
    assert [s.value for s in grows.history] == [6, 9, 16]
    assert grows.trend == "rising" and grows.current.band == "high"
    assert shrinks.trend == "falling" and shrinks.status == "closed"
    assert same.trend == "steady" and same.review_overdue
    assert quiet.trend == "new" and quiet.current.value == 2 and not quiet.review_overdue
    assert not shrinks.review_overdue  # closed risks are not chased


def test_risk_bands() -> None:
    assert [risk_band(s) for s in (1, 4, 5, 12, 15, 25)] == [
        "low", "low", "medium", "medium", "high", "high"]


def test_actions_later_report_stands_and_overdue_is_flagged() -> None:
    actions = {a.action.id: a for a in current_state(make(), DAY).actions}
    assert actions["a1"].action.status == "in-progress"
    assert actions["a1"].first_reported == date(2026, 3, 31)
    assert actions["a1"].last_reported == date(2026, 5, 20)
    assert actions["a1"].overdue and not actions["a2"].overdue


def test_an_action_re_reported_without_owner_or_due_keeps_them() -> None:
    first = {"id": "a1", "responds_to": "grows", "title": TEXT, "owner": "lead",
             "due": "2026-04-30", "status": "planned"}
    later = {"id": "A1", "responds_to": "grows", "title": TEXT, "status": "in-progress"}
    updates = (update("2026-03-31", actions=[first]), update("2026-05-20", actions=[later]))
    (action,) = current_state(make(updates), DAY).actions
    assert (action.action.id, action.action.status) == ("A1", "in-progress")  # later stands
    assert (action.action.owner, action.action.due) == ("lead", date(2026, 4, 30))
    assert action.overdue  # judged on the due date carried forward


def test_an_action_re_reported_with_a_new_owner_takes_it() -> None:
    first = {"id": "a1", "responds_to": "grows", "title": TEXT, "owner": "lead",
             "due": "2026-04-30", "status": "planned"}
    later = {**first, "owner": "other", "due": "2026-12-31"}
    updates = (update("2026-03-31", actions=[first]), update("2026-05-20", actions=[later]))
    (action,) = current_state(make(updates), DAY).actions
    assert (action.action.owner, action.action.due) == ("other", date(2026, 12, 31))


def test_changes_and_rag_history() -> None:
    state = current_state(make(), DAY)
    assert [c.date for c in state.changes] == [date(2026, 5, 20)]
    assert state.rag == ((date(2026, 3, 31), "green"), (date(2026, 5, 20), "red"))
    assert state.latest_rag == "red"


def test_a_programme_with_no_updates_shows_its_plan() -> None:
    state = current_state(make(()), DAY)
    objectives = by_id(state.objectives, "objective")
    assert objectives["up"].latest == 40 and objectives["up"].status == "no-data"
    assert all(b.spent == 0 for b in state.budget)
    assert [r.trend for r in state.risks] == ["new"] * 4
    assert state.latest_rag is None and state.actions == () and state.changes == ()


def test_a_programme_with_only_programme_yml() -> None:
    state = current_state(Programme("p", programme_file()), DAY)
    assert state.objectives == () and state.risks == () and state.budget == ()


def test_updates_out_of_file_order_are_applied_in_date_order() -> None:
    forward = current_state(make(UPDATES), DAY)
    backward = current_state(make(tuple(reversed(UPDATES))), DAY)
    assert forward == backward
    assert backward.latest_rag == "red"
    assert by_id(backward.budget, "line")["b1"].spent == 700


def test_the_expected_value_is_the_straight_line_from_baseline_to_target() -> None:
    from rhaglen.state.current import expected_value

    up, down = PLAN.objectives  # 40 → 60 and 200 → 100, 1 January to 31 December 2026
    assert expected_value(up, date(2026, 1, 1)) == 40
    assert expected_value(up, date(2026, 12, 31)) == 60
    assert expected_value(down, date(2026, 12, 31)) == 100
    assert expected_value(up, date(2026, 7, 2)) == pytest.approx(40 + 20 * 182 / 364)
    assert expected_value(down, date(2026, 7, 2)) == pytest.approx(200 - 100 * 182 / 364)
    assert expected_value(up, date(2025, 6, 1)) == 40  # before the baseline: the baseline
    assert expected_value(up, date(2027, 6, 1)) == 60  # after the target date: the target


def test_spend_by_a_day_is_the_latest_total_reported_by_then() -> None:
    from rhaglen.state.current import spent_by

    b1, b2 = current_state(make(), DAY).budget
    assert [spent_by(b1, date(2026, 3, 30)), spent_by(b1, date(2026, 3, 31)),
            spent_by(b1, date(2026, 5, 19)), spent_by(b1, date(2026, 12, 1))] == [0, 400, 400, 700]
    assert spent_by(b2, date(2026, 5, 20)) == 560


def test_a_value_is_dated_when_it_was_true_not_when_it_was_reported() -> None:
    """Contract 1.2: the period's end, or the value's own date; the update's page stays."""
    from rhaglen.data.load import load_portfolio

    from ..helpers import REPO

    result = load_portfolio(REPO / "programmes", date(2026, 11, 26))
    assert result.portfolio is not None
    breathe = result.portfolio.programme("anadlu-n-rhydd")
    state = current_state(breathe, date(2026, 11, 26))
    o1, o2 = state.objectives[0], state.objectives[1]
    assert (o1.readings[-1].date, o1.readings[-1].reported) == (date(2026, 10, 31),
                                                                date(2026, 11, 13))
    assert (o2.readings[-1].date, o2.readings[-1].reported) == (date(2026, 9, 30),
                                                                date(2026, 11, 13))
    assert o2.readings[-1].source is not None
    assert o2.readings[-1].source.en == "Maternity Indicators for Wales, July to September 2026"
    assert [r.date for r in o1.readings] == sorted(r.date for r in o1.readings)


def test_a_later_report_of_an_earlier_day_takes_its_place_in_the_history() -> None:
    """A survey reported in May for a day in February goes before March's value, and the
    latest value is the one true most recently, not the one reported last."""
    updates = (update("2026-03-31", objectives=[{"id": "up", "value": 45}]),
               update("2026-05-20", objectives=[{"id": "up", "value": 43,
                                                  "date": "2026-02-15"}]))
    up = current_state(make(updates), DAY).objectives[0]
    assert [(r.date, r.value, r.reported) for r in up.readings] == [
        (date(2026, 2, 15), 43, date(2026, 5, 20)), (date(2026, 3, 31), 45, date(2026, 3, 31))]
    assert up.latest == 45
