"""Pilot, evaluation, lessons, sustainability and library views, and their templates."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from bs4 import BeautifulSoup
from jinja2 import StrictUndefined
from markupsafe import escape
from rhaglen.model.outcomes import EvaluationResult, Lesson
from rhaglen.model.types import Prose
from rhaglen.pages.environment import environment, page_feed
from rhaglen.render.formatting import Formatter
from rhaglen.state.current import due_overdue
from rhaglen.text.i18n import Strings
from rhaglen.views import page_view

from ..view_helpers import BREATHE, WALK, context, demo, page_of, view_of, with_programme

PAGES = f"programmes/{BREATHE}/"


OWN_TARGET = {"cy": "35 (targed y peilot ei hun; 20 yw targed y rhaglen)",
              "en": "35 (the pilot's own; the programme's is 20)"}


@pytest.mark.parametrize(("lang", "met", "decision"), [
    ("cy", ["Wedi'i gyrraedd yn rhannol", "Wedi'i gyrraedd yn rhannol", "Wedi'i gyrraedd",
            "Heb ei gyrraedd"], "Addasu"),
    ("en", ["Partly met", "Partly met", "Met", "Not met"], "Adapt"),
])
def test_pilot_results_sit_beside_each_objectives_baseline_and_target(
        lang: str, met: list[str], decision: str) -> None:
    view = view_of(PAGES + "pilot/", lang)
    assert view.decision == decision
    assert [(r.baseline, r.target, r.achieved) for r in view.results] == [
        ("11", "25", "21"), ("14.6", "10", "13.9"), ("34", "80", "84"),
        ("41", OWN_TARGET[lang], "38")]  # O4: the pilot's own target, beside the plan's
    assert [r.met.label for r in view.results] == met
    assert [r.objective.href for r in view.results] == [
        f"../plan/#objective-o{n}" for n in range(1, 5)]


def test_pilot_dates_are_a_range_in_the_page_language() -> None:
    assert view_of(PAGES + "pilot/", "cy").dates == "6 Ionawr 2025 i 30 Mehefin 2025"
    assert view_of(PAGES + "pilot/", "en").dates == "6 January 2025 to 30 June 2025"


def _evaluation_without_o2(lowercase_ids: bool):  # type: ignore[no-untyped-def]
    programme = demo().programme(BREATHE)
    assert programme.evaluation is not None
    results = tuple(r.model_copy(update={"objective": r.objective.lower()})
                    if lowercase_ids else r
                    for r in programme.evaluation.results if r.objective.lower() != "o2")
    evaluation = programme.evaluation.model_copy(update={"results": results})
    return with_programme(programme, evaluation=evaluation)


@pytest.mark.parametrize(("lang", "not_reported"), [
    ("cy", "Heb ei adrodd yn y gwerthusiad"), ("en", "Not reported in the evaluation")])
def test_evaluation_shows_an_unreported_objective_and_matches_ids_in_any_case(
        lang: str, not_reported: str) -> None:
    view = view_of(PAGES + "evaluation/", lang, _evaluation_without_o2(lowercase_ids=True))
    rows = view.results
    assert len(rows) == 4  # every objective of the plan
    assert rows[1].met is None and rows[1].achieved == "–" and rows[1].note == ""
    assert [r.achieved for r in rows] == ["23", "–", "84", "27"]
    page = BeautifulSoup(_render(PAGES + "evaluation/", lang,
                                 _evaluation_without_o2(lowercase_ids=False)), "html.parser")
    cells = [tr.find_all("td")[0].get_text() for tr in page.find_all("tbody")[0].find_all("tr")]
    assert cells[1] == not_reported


def test_pilot_leaves_out_objectives_it_did_not_test() -> None:
    programme = demo().programme(BREATHE)
    assert programme.pilot is not None
    pilot = programme.pilot.model_copy(update={"results": programme.pilot.results[:2]})
    rows = view_of(PAGES + "pilot/", "en", with_programme(programme, pilot=pilot)).results
    assert [r.objective.href for r in rows] == ["../plan/#objective-o1", "../plan/#objective-o2"]


def test_evaluation_commentary_is_sanitised_prose() -> None:
    programme = demo().programme(BREATHE)
    assert programme.evaluation is not None
    hostile = Prose.model_construct(cy="<script>x()</script> *da*", en="<script>x()</script>")
    first = programme.evaluation.results[0]
    results = (EvaluationResult.model_construct(**{**dict(first), "commentary": hostile}),
               *programme.evaluation.results[1:])
    portfolio = with_programme(programme, evaluation=programme.evaluation.model_copy(
        update={"results": results}))
    note = view_of(PAGES + "evaluation/", "cy", portfolio).results[0].note
    assert "<script>" not in note and "<em>da</em>" in note


@pytest.mark.parametrize(("lang", "kinds"), [
    ("cy", "Gwerthuso'r broses, Gwerthuso'r canlyniadau, Gwerthuso economaidd"),
    ("en", "Process evaluation, Outcome evaluation, Economic evaluation"),
])
def test_evaluation_facts_and_who_heard_the_results(lang: str, kinds: str) -> None:
    view = view_of(PAGES + "evaluation/", lang)
    assert view.facts[1].value == kinds
    assert len(view.presented) == 2 and len(view.recommendations) == 5
    assert [p.date for p in view.presented] == {
        "cy": ["4 Tachwedd 2026", "12 Tachwedd 2026"],
        "en": ["4 November 2026", "12 November 2026"]}[lang]  # in date order


def test_due_overdue_is_past_due_and_not_done() -> None:
    today = date(2026, 11, 26)
    assert due_overdue(date(2026, 11, 25), "in-progress", today)
    assert due_overdue(date(2026, 1, 1), "planned", today)
    assert not due_overdue(date(2026, 11, 25), "done", today)
    assert not due_overdue(date(2026, 11, 26), "planned", today)  # due today: not yet late
    assert not due_overdue(None, "planned", today)


def _with_actions(*changes: dict[str, object]):  # type: ignore[no-untyped-def]
    programme = demo().programme(BREATHE)
    assert programme.sustainability is not None
    actions = tuple(a.model_copy(update=change)
                    for a, change in zip(programme.sustainability.actions, changes, strict=False))
    plan = programme.sustainability.model_copy(update={"actions": actions})
    return with_programme(programme, sustainability=plan)


def test_a_sustainability_action_past_due_is_overdue_unless_done() -> None:
    portfolio = _with_actions({"due": date(2026, 11, 1), "status": "in-progress"},
                              {"due": date(2026, 11, 1), "status": "done"},
                              {"due": None, "status": "planned"})
    rows = {r.anchor: r for r in view_of(PAGES + "sustainability/", "cy", portfolio).actions}
    assert rows["action-s1"].overdue and rows["action-s1"].status.label == "Ar y gweill"
    assert not rows["action-s2"].overdue and rows["action-s2"].status.value == "done"
    assert not rows["action-s3"].overdue and rows["action-s3"].due == "–"
    page = BeautifulSoup(_render(PAGES + "sustainability/", "cy", portfolio), "html.parser")
    flagged = [tr["id"] for tr in page.find_all("tr") if tr.find("strong", class_="rh-flag")]
    assert flagged == ["action-s1"]


@pytest.mark.parametrize(("lang", "statuses"), [
    ("cy", {"secured": "Wedi'i sicrhau", "declined": "Wedi'i wrthod"}),
    ("en", {"secured": "Secured", "declined": "Declined"}),
])
def test_opportunities_show_their_status_in_the_page_language(
        lang: str, statuses: dict[str, str]) -> None:
    shown = {o.status.value: o.status.label
             for o in view_of(PAGES + "sustainability/", lang).opportunities}
    assert {k: shown[k] for k in statuses} == statuses


@pytest.mark.parametrize(("lang", "kind", "tags"), [
    ("cy", "I'w wella", ["Amseru", "Ymgysylltu"]),
    ("en", "To improve", ["Engagement", "Timing"]),
])
def test_lessons_are_worded_and_tagged_in_the_page_language(lang: str, kind: str,
                                                            tags: list[str]) -> None:
    lessons = view_of(f"programmes/{WALK}/lessons/", lang).lessons
    lesson = next(item for item in lessons if item.anchor == "lesson-ll1")
    assert lesson.kind.label == kind
    assert [t.label for t in lesson.tags] == tags
    assert lesson.tags[0].href.startswith("../../../lessons/tags/")
    assert len(lessons) == 1  # the walk has one lesson; the library counts all seven


@pytest.mark.parametrize(("lang", "order", "kinds"), [
    ("cy", ["Amseru", "Casglu data", "Cymhellion", "Cynllunio gwerthusiad", "Partneriaeth",
            "Recriwtio cyfranogwyr", "Y Gymraeg", "Ymgysylltu"],
     ["Gweithiodd yn dda", "I'w wella"]),
    ("en", ["Data collection", "Engagement", "Evaluation design", "Incentives", "Partnership",
            "Recruiting participants", "Timing", "Welsh language"],
     ["Worked well", "To improve"]),
])
def test_library_indexes_lessons_by_topic_and_kind_in_the_page_order(
        lang: str, order: list[str], kinds: list[str]) -> None:
    view = view_of("lessons/", lang)
    assert [topic.link.label for topic in view.tags] == order  # "Y Gymraeg" before "Ymgysylltu"
    assert [topic.link.label for topic in view.kinds] == kinds
    assert view.title == Strings(lang)("page.library") and view.has_lessons
    assert len(view.lessons) == 7
    titles = [item.lesson.label for item in view.lessons]
    assert titles == sorted(titles, key=Formatter(lang).sort_key)


def test_library_says_so_when_no_programme_has_lessons() -> None:
    bare = dataclasses.replace(demo(), programmes=tuple(
        dataclasses.replace(p, lessons=None) for p in demo().programmes))
    view = view_of("lessons/", "cy", bare)
    assert not view.has_lessons and view.tags == () and view.lessons == ()
    shown = BeautifulSoup(_render("lessons/", "cy", bare), "html.parser").get_text()
    assert Strings("cy")("library.none") in shown


def test_lesson_prose_is_sanitised() -> None:
    programme = demo().programme(WALK)
    assert programme.lessons is not None
    first = programme.lessons.lessons[0]
    hostile = Prose.model_construct(cy='<img src=x onerror="x()">Do', en="<b>bold</b>")
    lessons = (Lesson.model_construct(**{**dict(first), "what_happened": hostile}),
               *programme.lessons.lessons[1:])
    portfolio = with_programme(programme, lessons=programme.lessons.model_copy(
        update={"lessons": lessons}))
    shown = next(item for item in view_of(f"programmes/{WALK}/lessons/", "cy",
                                          portfolio).lessons if item.anchor.endswith(
        first.id.lower()))
    assert "<img" not in shown.what_happened and "&lt;img" in shown.what_happened


CONVERTED = ("strategy", "stakeholders", "pilot", "evaluation", "lessons", "sustainability")


def _render(path: str, lang: str, portfolio=None) -> str:  # type: ignore[no-untyped-def]
    """Render a page with nothing but the view, its frame, its feed and the interface words."""
    page = page_of(path, portfolio)
    ctx = context(page, lang)
    view = page_view(ctx)
    values = {"view": view, "t": ctx.t, "lang": lang, "page": page,
              "head_feed": page_feed(page, ctx.t)}
    if hasattr(view, "frame"):
        values["frame"] = view.frame
    template = environment().get_template(page.template)
    assert template.environment.undefined is StrictUndefined
    return template.render(values)


@pytest.mark.parametrize("lang", ["cy", "en"])
@pytest.mark.parametrize("slug", [BREATHE, WALK])
def test_converted_templates_need_only_the_view(lang: str, slug: str) -> None:
    for kind in CONVERTED:
        frame = page_view(context(page_of(f"programmes/{slug}/{kind}/"), lang)).frame
        shown = _render(f"programmes/{slug}/{kind}/", lang)
        assert f"<h1>{escape(frame.heading)}</h1>" in shown and "rh-licence" in shown
    assert "rh-library" in _render("lessons/", lang)
