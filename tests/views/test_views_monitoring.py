"""The monitoring and update pages' views: updates, statuses, actions, links, neighbours."""

from __future__ import annotations

from datetime import date

import pytest
from rhaglen.state.current import neighbours
from rhaglen.views.monitoring import MonitoringView
from rhaglen.views.update import UpdateView

from ..state.test_state import DAY, UPDATES, make, update
from ..view_helpers import built_view, demo_view

BREATHE = "programmes/anadlu-n-rhydd/monitoring/"
WALK = "programmes/cerdded-i-r-ysgol/monitoring/"


def test_updates_newest_first_with_period_status_and_link() -> None:
    view: MonitoringView = demo_view(BREATHE, "en")
    hrefs = [u.link.href for u in view.updates]
    assert hrefs == sorted(hrefs, reverse=True) and len(hrefs) == 7
    newest = view.updates[0]
    assert (newest.link.label, newest.link.href) == ("13 November 2026", "2026-11-13/")
    assert newest.period == "1 July 2026 to 31 October 2026"
    assert (newest.rag.family, newest.rag.value, newest.rag.label) == (
        "rag", "amber", "Amber – some problems")
    assert view.history == tuple(reversed(view.updates))


@pytest.mark.parametrize(("lang", "facts"), [
    ("cy", [("Statws cyffredinol", "Ambr – rhai problemau"),
            ("Amcanion ar y trywydd neu wedi'u cyrraedd", "1 o 4"),
            ("Cerrig milltir yn hwyr neu mewn perygl", "2 o 8"),
            ("Gwariant", "£926,350 o £1,071,000 (86%)"),
            ("Bygythiadau uchel agored", "2"), ("Cyfleoedd uchel agored", "1"),
            ("Camau yn hwyr", "1 o 15")]),
    ("en", [("Overall status", "Amber – some problems"),
            ("Objectives on track or met", "1 of 4"),
            ("Milestones late or at risk", "2 of 8"),
            ("Spend", "£926,350 of £1,071,000 (86%)"),
            ("Open high threats", "2"), ("Open high opportunities", "1"),
            ("Actions overdue", "1 of 15")])])
def test_current_state_figures(lang: str, facts: list[tuple[str, str]]) -> None:
    view: MonitoringView = demo_view(BREATHE, lang)
    headline = [(view.headline.rag_term, view.headline.rag.label)]
    assert headline + [(f.term, f.value) for f in view.headline.facts] == facts


@pytest.mark.parametrize(("lang", "status"), [("cy", "Ar y gweill"), ("en", "In progress")])
def test_only_the_action_past_its_due_date_and_not_done_is_overdue(lang: str,
                                                                   status: str) -> None:
    view: MonitoringView = demo_view(BREATHE, lang)
    overdue = [a for a in view.actions if a.overdue]
    assert [a.action.href for a in overdue] == ["2026-11-13/#action-a11"]
    assert (overdue[0].status.value, overdue[0].status.label) == ("in-progress", status)
    assert overdue[0].responds_to.href == "../plan/#milestone-m5"


def test_hand_built_actions_and_changes() -> None:
    view: MonitoringView = built_view(make(), "monitoring/", "en", DAY)
    assert [(a.action.href, a.overdue, a.due) for a in view.actions] == [
        ("2026-05-20/#action-a1", True, "30 April 2026"),
        ("2026-05-20/#action-a2", False, "1 September 2026")]
    assert [a.owner.label for a in view.actions] == ["–", "–"]
    change = view.changes[0]
    assert change.update is not None
    assert (change.update.label, change.update.href) == ("Update of 20 May 2026", "2026-05-20/")
    assert [u.rag.value for u in view.updates] == ["red", "green"]


def test_neighbours_of_an_update() -> None:
    first, second = UPDATES
    assert neighbours(UPDATES, first.date) == (None, second)
    assert neighbours(UPDATES, second.date) == (first, None)
    assert neighbours((second, first), date(2026, 4, 1)) == (first, second)


@pytest.mark.parametrize(("lang", "previous", "next_"), [
    ("cy", "Diweddariad blaenorol: 17 Ionawr 2025", "Diweddariad nesaf: 17 Hydref 2025"),
    ("en", "Previous update: 17 January 2025", "Next update: 17 October 2025")])
def test_update_page_links_its_neighbours(lang: str, previous: str, next_: str) -> None:
    view: UpdateView = demo_view(BREATHE + "2025-07-18/", lang)
    assert view.previous is not None and view.next is not None
    assert (view.previous.label, view.previous.href) == (previous, "../2025-01-17/")
    assert (view.next.label, view.next.href) == (next_, "../2025-10-17/")
    newest: UpdateView = demo_view(BREATHE + "2026-11-13/", lang)
    assert newest.next is None and newest.previous is not None


@pytest.mark.parametrize(("lang", "score", "over"), [
    ("cy", "5 × 4 = 20 (Uchel)", "Dros y gyllideb o £13,750"),
    ("en", "5 × 4 = 20 (High)", "Over budget by £13,750")])
def test_update_page_scores_and_spend(lang: str, score: str, over: str) -> None:
    view: UpdateView = demo_view(BREATHE + "2026-11-13/", lang)
    r1 = view.risks[0]
    assert (r1.score.family, r1.score.value, r1.score.label) == ("band", "high", score)
    assert r1.risk.href == "../../risks/#risk-r1"
    spend = {s.line.href: s.balance for s in view.spend}
    b2 = spend["../../plan/#budget-b2"]
    assert (b2.spent, b2.planned, b2.remaining, b2.over) == ("£193,750", "£180,000", over, True)
    assert not spend["../../plan/#budget-b1"].over


def test_update_page_rescore_bands_follow_the_score() -> None:
    rescored = update("2026-05-30", risks=[{"id": "grows", "likelihood": 2, "impact": 2},
                                           {"id": "same", "likelihood": 3, "impact": 4}])
    view: UpdateView = built_view(make((*UPDATES, rescored)), "monitoring/2026-05-30/", "en",
                                  DAY)
    assert [(r.score.label, r.score.value, r.score.family) for r in view.risks] == [
        ("2 × 2 = 4 (Low)", "low", "band"),  # a threat
        ("3 × 4 = 12 (Medium)", "medium", "opportunity-band")]  # styled as on the risks page
    assert view.previous is not None and view.previous.href == "../2026-05-20/"


def test_walk_update_actions_keep_their_anchors() -> None:
    view: UpdateView = demo_view(WALK + "2026-04-10/", "en")
    action = view.actions[0]
    assert (action.anchor, action.responds_to.href, action.owner.href) == (
        "action-a1", "../../plan/#milestone-m2", "../../plan/#role-swyddog")
    assert action.name.startswith("A1 · Move")


@pytest.mark.parametrize(("lang", "spent"), [("cy", ["£400", "£300"]), ("en", ["£400", "£300"])])
def test_an_earlier_update_shows_the_spend_it_reported_not_todays(lang: str,
                                                                  spent: list[str]) -> None:
    # The 31 March update reported £400 and £300; the later one £700 and £560.
    view: UpdateView = built_view(make(), "monitoring/2026-03-31/", lang, DAY)
    assert [s.balance.spent for s in view.spend] == spent
    assert [s.balance.over for s in view.spend] == [False, False]


@pytest.mark.parametrize(("lang", "labels"), [
    ("cy", ["Diweddariad 20 Mai 2026", "Diweddariad 31 Mawrth 2026"]),
    ("en", ["Update of 20 May 2026", "Update of 31 March 2026"])])
def test_agreed_changes_are_listed_newest_first(lang: str, labels: list[str]) -> None:
    first, second = UPDATES
    earlier = update("2026-03-31", **{
        **first.report.model_dump(mode="json", by_alias=True, exclude_none=True),
        "changes": [{"summary": {"cy": "Cynharach", "en": "Earlier"},
                     "rationale": {"cy": "R", "en": "R"}, "agreed_with": ["org"],
                     "agreed_on": "2026-03-20"}]})
    view: MonitoringView = built_view(make((earlier, second)), "monitoring/", lang, DAY)
    assert [c.update.label for c in view.changes if c.update] == labels
