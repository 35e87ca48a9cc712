"""The plan page's view: every figure derived once, worded in the page's language."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from rhaglen.model.plan import PlanFile
from rhaglen.model.portfolio import Programme
from rhaglen.views.plan import PlanView

from ..state.test_state import (
    DAY,
    PLAN,
    TEXT,
    UPDATES,
    make,
    milestone,
    objective,
    programme_file,
    update,
)
from ..view_helpers import built_view, demo_view, svg

WALK = "programmes/cerdded-i-r-ysgol/plan/"
BREATHE = "programmes/anadlu-n-rhydd/plan/"


def rows(items: Any) -> dict[str, Any]:
    return {row.anchor: row for row in items}


@pytest.mark.parametrize(("lang", "status", "progress", "overdue", "late"), [
    ("cy", "Oddi ar y trywydd", "35% o'r ffordd", "Yn hwyr", "134 diwrnod yn hwyr"),
    ("en", "Off track", "35% of the way", "Overdue", "134 days late")])
def test_walk_objectives_and_milestones_in_each_language(
        lang: str, status: str, progress: str, overdue: str, late: str) -> None:
    view: PlanView = demo_view(WALK, lang)
    o1 = rows(view.objectives)["objective-o1"]
    assert (o1.status.value, o1.status.label, o1.progress) == ("off-track", status, progress)
    milestones = rows(view.milestones)
    m2 = milestones["milestone-m2"]
    assert (m2.status.value, m2.status.label, m2.days_late) == ("overdue", overdue, late)
    assert milestones["milestone-m1"].status.value == "done-late"
    assert milestones["milestone-m3"].days_late == ""
    assert [m.status.family for m in view.milestones] == ["milestone"] * 3


@pytest.mark.parametrize(("lang", "over"), [
    ("cy", "Dros y gyllideb o £13,750"), ("en", "Over budget by £13,750")])
def test_a_line_over_budget_says_by_how_much(lang: str, over: str) -> None:
    view: PlanView = demo_view(BREATHE, lang)
    b2 = rows(view.budget)["budget-b2"].balance
    assert (b2.planned, b2.spent, b2.remaining, b2.over) == ("£180,000", "£193,750", over, True)
    total = view.budget_total
    assert (total.planned, total.spent, total.remaining, total.over) == (
        "£1,071,000", "£926,350", "£144,650", False)


@pytest.mark.parametrize(("lang", "line", "total"), [
    ("cy", "Dros y gyllideb o £100", "Dros y gyllideb o £50"),
    ("en", "Over budget by £100", "Over budget by £50")])
def test_a_total_over_budget_is_spent_minus_planned(lang: str, line: str, total: str) -> None:
    overspent = update("2026-05-30", spend=[{"line": "b1", "spent": 1100},
                                            {"line": "b2", "spent": 450}])
    view: PlanView = built_view(make((*UPDATES, overspent)), "plan/", lang, DAY)
    assert [b.balance.remaining for b in view.budget] == [line, "£50"]
    assert [b.balance.over for b in view.budget] == [True, False]
    assert (view.budget_total.planned, view.budget_total.spent) == ("£1,500", "£1,550")
    assert view.budget_total.remaining == total and view.budget_total.over


def test_a_met_objective_beyond_its_target_is_drawn_met_not_off_track() -> None:
    view: PlanView = demo_view(BREATHE, "en")
    o3 = rows(view.objectives)["objective-o3"]
    assert (o3.status.value, o3.progress) == ("met", "109% of the way")
    chart = svg(view.objectives_chart)
    bars = chart.select("rect.rh-bar")
    assert [b["class"][1] for b in bars] == ["rh-bar--off-track", "rh-bar--off-track",
                                            "rh-bar--met", "rh-bar--off-track"]
    met, past = bars[2], chart.select_one("rect.rh-bar-past")
    assert past is not None and past["class"] == ["rh-bar-past", "rh-bar--met"]
    assert "hatch" not in met["fill"] + past["fill"] + past["stroke"]
    assert float(past["x"]) > float(met["width"])  # the overshoot shows past the target
    assert "hatch" in bars[0]["fill"]  # off track is still hatched
    texts = [t.get_text() for t in chart.find_all("text")]
    assert "109% of the way · Met" in texts


@pytest.mark.parametrize("lang", ["cy", "en"])
def test_table_and_chart_show_the_same_progress(lang: str) -> None:
    for path in (WALK, BREATHE):
        view: PlanView = demo_view(path, lang)
        texts = [t.get_text() for t in svg(view.objectives_chart).find_all("text")]
        for row in view.objectives:
            assert f"{row.progress} · {row.status.label}" in texts


@pytest.mark.parametrize(("lang", "words", "status"), [
    ("cy", "-25%: wedi symud oddi wrth y targed", "Oddi ar y trywydd"),
    ("en", "-25%: moved away from the target", "Off track")])
def test_progress_away_from_the_target_is_not_shown_as_zero(lang: str, words: str,
                                                            status: str) -> None:
    worse = update("2026-05-30", objectives=[{"id": "up", "value": 35}])
    view: PlanView = built_view(make((*UPDATES, worse)), "plan/", lang, DAY)
    up = rows(view.objectives)["objective-up"]
    assert (up.progress, up.status.value) == (words, "off-track")
    texts = [t.get_text() for t in svg(view.objectives_chart).find_all("text")]
    assert f"{words} · {status}" in texts


def test_an_objective_without_readings_says_no_data() -> None:
    view: PlanView = built_view(make(()), "plan/", "en", DAY)
    up = rows(view.objectives)["objective-up"]
    assert (up.latest, up.status.value, up.status.label) == ("No data yet", "no-data",
                                                            "No data yet")
    assert [b["class"][1] for b in svg(view.objectives_chart).select("rect.rh-bar")] == [
        "rh-bar--no-data", "rh-bar--no-data"]
    assert view.no_spend


FULL_PLAN = PlanFile.model_validate({
    **PLAN.model_dump(mode="json", exclude_none=True),
    "objectives": [objective("up", "increase", 40, 60)],
    "roles": [{"id": "role", "title": TEXT, "organisation": "org", "responsibilities": [TEXT],
               "paid": True, "source": "internal"}],
    "resources": [{"id": "r-info", "kind": "information", "description": TEXT},
                  {"id": "r-bike", "kind": "physical", "description": TEXT,
                   "allocated_to": ["up"]},
                  {"id": "r-cash", "kind": "financial", "description": TEXT}],
    "staff_support": [
        {"date": "2026-03-01", "kind": "training", "title": TEXT, "audience": ["role"]},
        {"date": "2025-11-01", "kind": "briefing", "title": TEXT, "audience": ["role"]}],
})


@pytest.mark.parametrize(("lang", "headings", "dates", "paid"), [
    ("cy", ["Ffisegol", "Ariannol", "Gwybodaeth"], ["1 Tachwedd 2025", "1 Mawrth 2026"],
     "Cyflogedig"),
    ("en", ["Physical", "Financial", "Information"], ["1 November 2025", "1 March 2026"],
     "Paid")])
def test_resources_by_kind_and_staff_support_by_date(lang: str, headings: list[str],
                                                     dates: list[str], paid: str) -> None:
    from dataclasses import replace

    programme = replace(make(), plan=FULL_PLAN)
    view: PlanView = built_view(programme, "plan/", lang, DAY)
    assert [g.heading for g in view.resources] == headings  # contract order, none empty
    assert view.resources[0].items[0].allocated_to[0].href == "#objective-up"
    assert [s.date for s in view.staff_support] == dates
    assert [r.paid for r in view.roles] == [paid] and view.roles[0].fte == "–"


def test_update_path_is_shared_by_pages_and_action_links() -> None:
    from rhaglen.render.pages import update_path

    assert update_path("walk", date(2026, 4, 10)) == "programmes/walk/monitoring/2026-04-10/"
    view = demo_view("programmes/cerdded-i-r-ysgol/monitoring/", "en")
    assert view.actions[0].action.href == "2026-04-10/#action-a1"
    assert view.actions[0].reported.href == "2026-04-10/"


@pytest.mark.parametrize(("lang", "status", "late"), [
    ("cy", "Wedi'i chwblhau'n hwyr", "14 diwrnod yn hwyr"),
    ("en", "Done late", "14 days late")])
def test_a_milestone_completed_on_its_slipped_forecast_is_still_done_late(
        lang: str, status: str, late: str) -> None:
    # Lateness is judged against the due date: meeting a forecast that slipped is not on time.
    plan = PlanFile.model_validate({**PLAN.model_dump(mode="json", exclude_none=True),
                                    "milestones": [milestone("m", "2026-03-01",
                                                             forecast="2026-03-15")]})
    done = update("2026-03-31", milestones=[{"id": "m", "completed": "2026-03-15"}])
    view: PlanView = built_view(Programme("p", programme_file(), plan=plan, updates=(done,)),
                                "plan/", lang, DAY)
    m = rows(view.milestones)["milestone-m"]
    assert (m.status.value, m.status.label, m.days_late) == ("done-late", status, late)


@pytest.mark.parametrize(("lang", "status"), [("cy", "Ar y trywydd"), ("en", "On track")])
def test_an_objective_exactly_where_the_plan_expects_is_on_track(lang: str,
                                                                  status: str) -> None:
    # Halfway through the year (2 July 2026) and halfway from 40 to 60: on the line counts.
    plan = PlanFile.model_validate({"objectives": [objective("up", "increase", 40, 60)]})
    halfway = update("2026-07-01", objectives=[{"id": "up", "value": 50}])
    view: PlanView = built_view(Programme("p", programme_file(), plan=plan,
                                          updates=(halfway,)), "plan/", lang, date(2026, 7, 2))
    up = rows(view.objectives)["objective-up"]
    assert (up.status.value, up.status.label) == ("on-track", status)
