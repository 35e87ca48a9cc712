"""The every-status fixture is valid and really reaches every status, band, trend and value.

Golden pages of this fixture prove how each state looks; these tests prove the fixture
holds each state at all, so a page kind cannot silently lose its overdue or over-budget
case when the data or a rule changes. Enum coverage is read from the models, so a new
enum value fails here until the fixture uses it. Likewise every comparison of the state
with the as-of date is read from its source, and the fixture holds records on its
boundary (due on the as-of day, and the day after), so `<` turned into `<=` shows.
"""

from __future__ import annotations

import ast
import inspect
import types
import typing
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

import pytest
import rhaglen.state
from pydantic import BaseModel
from rhaglen.data.load import load_portfolio
from rhaglen.model.portfolio import FILE_MODELS, Portfolio, Programme
from rhaglen.model.records import walk
from rhaglen.model.updates import UpdateFile
from rhaglen.state.current import (
    Band,
    CurrentState,
    MilestoneStatus,
    ObjectiveStatus,
    Trend,
    current_state,
    due_overdue,
    review_overdue,
)
from rhaglen.state.freshness import (
    DEFAULT_REPORTING_INTERVAL,
    reporting_interval,
    update_freshness,
)

from ..helpers import TESTS

FIXTURE = TESTS / "fixtures" / "every-status" / "programmes"
AS_OF = date(2026, 11, 26)
STALE_DAYS = 120
CANARY = "CANARY-fixture-internal-7c2e"
# A field that holds one value per programme cannot show every value with a handful of
# programmes; its values are covered by the other fields of the same enum instead.
ONE_PER_PROGRAMME = {("ProgrammeFile", "stage")}

Field = tuple[str, str]  # (model class name, field name)


@pytest.fixture(scope="module")
def portfolio() -> Portfolio:
    result = load_portfolio(FIXTURE, AS_OF)
    assert [p.format() for p in result.problems] == []
    assert result.portfolio is not None
    return result.portfolio


@pytest.fixture(scope="module")
def states(portfolio: Portfolio) -> dict[str, CurrentState]:
    return {p.slug: current_state(p, AS_OF) for p in portfolio.programmes}


def _all(states: dict[str, CurrentState], attribute: str) -> list[Any]:
    return [item for state in states.values() for item in getattr(state, attribute)]


def test_fixture_validates_without_errors_or_warnings(portfolio: Portfolio) -> None:
    assert len(portfolio.programmes) == 4


def test_objectives_reach_every_status_both_ways(states: dict[str, CurrentState]) -> None:
    objectives = _all(states, "objectives")
    assert {o.status for o in objectives} == set(typing.get_args(ObjectiveStatus))
    assert {(o.objective.direction, o.status) for o in objectives} >= {
        ("increase", "met"), ("decrease", "met"), ("increase", "off-track"),
        ("decrease", "on-track"), ("increase", "no-data")}
    assert any(o.status == "met" and o.progress > 1.05 for o in objectives)  # beyond target
    assert any(o.status == "met" and o.progress == 1 for o in objectives)  # exactly on it
    assert any(o.progress < 0 for o in objectives)  # moved away from the target


def test_milestones_reach_every_status(states: dict[str, CurrentState]) -> None:
    milestones = _all(states, "milestones")
    assert {m.status for m in milestones} == set(typing.get_args(MilestoneStatus))
    assert any(m.status == "done" and m.completed == m.milestone.due for m in milestones)


def test_budget_lines_under_at_and_over(states: dict[str, CurrentState]) -> None:
    lines = _all(states, "budget")
    assert any(0 < b.spent < b.line.planned for b in lines)
    assert any(b.spent == b.line.planned > 0 for b in lines)
    assert any(b.over_budget and b.line.planned > 0 for b in lines)
    assert any(b.line.planned == 0 and b.spent == 0 and b.history for b in lines)
    assert any(b.line.planned == 0 and b.over_budget for b in lines)
    assert any(not b.history for b in lines)  # never reported


def test_risks_reach_every_band_trend_and_review(states: dict[str, CurrentState]) -> None:
    risks = _all(states, "risks")
    assert {r.current.band for r in risks} == set(typing.get_args(Band))
    assert {r.trend for r in risks} == set(typing.get_args(Trend))
    assert {(r.risk.kind, r.current.band) for r in risks} >= {
        ("threat", "low"), ("threat", "medium"), ("threat", "high"), ("opportunity", "high")}
    assert {r.review_overdue for r in risks} == {True, False}
    assert {r.status for r in risks} == {"open", "closed"}
    assert any(r.status == "closed" and r.risk.status == "open" for r in risks)  # by an update
    assert any(r.residual is None for r in risks) and any(r.residual for r in risks)
    scores = [[s.value for s in r.history] for r in risks]
    assert [12, 16, 20, 20] in scores  # rose, then held
    assert {s.value for r in risks for s in r.history} >= {4, 5, 12, 15}  # band edges


def test_issues_actions_changes_and_rag(states: dict[str, CurrentState]) -> None:
    issues = _all(states, "issues")
    assert {i.resolved is None for i in issues} == {True, False}
    actions = _all(states, "actions")
    assert {a.action.status for a in actions} == {"planned", "in-progress", "done"}
    assert {(a.action.status, a.overdue) for a in actions} >= {
        ("planned", True), ("in-progress", True), ("in-progress", False), ("done", False)}
    assert any(a.first_reported < a.last_reported for a in actions)  # reported again
    assert any(a.action.due is not None and a.action.due < AS_OF and a.action.status == "done"
               for a in actions)  # done after its due date has passed: not overdue
    assert _all(states, "changes")
    assert {rag for s in states.values() for _, rag in s.rag} == {"green", "amber", "red"}


def test_a_stale_programme_and_an_empty_one(portfolio: Portfolio) -> None:
    latest = {p.slug: max((u.date for u in p.updates), default=None)
              for p in portfolio.programmes}
    assert any(d is not None and d < AS_OF - timedelta(days=STALE_DAYS * 3)
               for d in latest.values())
    assert any(d is not None and d >= AS_OF - timedelta(days=STALE_DAYS)
               for d in latest.values())
    bare = [p for p in portfolio.programmes if not any(name != "programme.yml"
                                                       for name, _ in p.files())]
    assert len(bare) == 1


def test_own_reporting_intervals_decide_current_and_stale(portfolio: Portfolio) -> None:
    """Two programmes set their own interval, each where the site's would judge otherwise."""
    own = {p.slug: (update_freshness(p, AS_OF, reporting_interval(p)),
                    update_freshness(p, AS_OF, DEFAULT_REPORTING_INTERVAL))
           for p in portfolio.programmes if p.programme.reporting_interval is not None}
    assert {mine for mine, _ in own.values()} == {"current", "stale"}
    assert all(mine != site for mine, site in own.values())


# Every comparison with the as-of date in the state layer (state/*.py), found in its
# source: the function that makes it, how many it makes, and the dated records it judges
# as (model, field). A new comparison fails here until its records are named, and each
# record kind needs boundary records in the fixture (test_boundary_records_...).
COMPARISONS: dict[str, tuple[int, set[Field]]] = {
    "current.milestone_state": (1, {("Milestone", "due")}),
    "actions.due_overdue": (1, {("Action", "due"), ("SustainabilityAction", "due")}),
    "current.review_overdue": (1, {("Risk", "review"), ("Requirement", "review")}),
    # the day the next update is due (the latest + the interval), and the start for "missing"
    "freshness.update_freshness": (2, {("Update", "date"), ("ProgrammeFile", "start")}),
}
# A programme at a monitored stage with no update at all: a fifth programme, not yet written.
NO_BOUNDARY_RECORD = {("ProgrammeFile", "start")}
NEXT_DAY, DAY_BEFORE = AS_OF + timedelta(days=1), AS_OF - timedelta(days=1)
Judged = list[tuple[date, bool]]  # (the date judged against the as-of date, late?)


def _as_of_comparisons() -> Counter[str]:
    """How many comparisons with `as_of` each function of the state layer makes."""
    found: Counter[str] = Counter()
    for path in sorted(Path(rhaglen.state.__file__).parent.glob("*.py")):
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(function, ast.FunctionDef):
                found[f"{path.stem}.{function.name}"] += sum(
                    1 for node in ast.walk(function) if isinstance(node, ast.Compare)
                    and any(isinstance(n, ast.Name) and n.id == "as_of" for n in ast.walk(node)))
    return +found  # only the functions that make one


def _judged(portfolio: Portfolio, states: dict[str, CurrentState]) -> dict[Field, Judged]:
    """Each record whose lateness the as-of date decides (open, not done), with its verdict."""
    found: dict[Field, Judged] = defaultdict(list)
    for p in portfolio.programmes:
        state = states[p.slug]
        found[("Milestone", "due")] += [
            (m.milestone.due, m.status == "overdue") for m in state.milestones
            if m.completed is None and not m.milestone.cancelled]
        found[("Action", "due")] += [(a.action.due, a.overdue) for a in state.actions
                                     if a.action.due and a.action.status != "done"]
        found[("SustainabilityAction", "due")] += [
            (a.due, due_overdue(a.due, a.status, AS_OF))
            for a in (p.sustainability.actions if p.sustainability else ())
            if a.due and a.status != "done"]
        found[("Risk", "review")] += [(r.risk.review, r.review_overdue) for r in state.risks
                                      if r.status == "open"]
        found[("Requirement", "review")] += [
            (r.review, review_overdue(r.review, AS_OF))
            for r in (p.compliance.requirements if p.compliance else ()) if r.review]
        if p.updates:
            interval = reporting_interval(p)
            found[("Update", "date")].append(
                (state.updates[-1].date + timedelta(days=interval),
                 update_freshness(p, AS_OF, interval) == "stale"))
    return found


def test_every_comparison_with_the_as_of_date_is_known() -> None:
    assert _as_of_comparisons() == {name: n for name, (n, _) in COMPARISONS.items()}


def test_every_due_or_review_date_of_the_model_is_judged() -> None:
    """The dates the judges take (`due_overdue(due, ...)`, `review_overdue(review, ...)`),
    wherever the model has a date of that name, are record kinds of COMPARISONS."""
    judges: list[Callable[..., bool]] = [due_overdue, review_overdue]
    names = {next(iter(inspect.signature(judge).parameters)) for judge in judges}
    assert names == {"due", "review"}
    classes: set[type[BaseModel]] = set()
    for model in [*FILE_MODELS.values(), UpdateFile]:
        _model_classes(model, classes)
    dated = {(cls.__name__, name) for cls in classes
             for name, info in cls.model_fields.items()
             if name in names and any(a is date for a in _flatten(info.annotation))}
    kinds = set().union(*(records for _, records in COMPARISONS.values()))
    assert dated and dated <= kinds


def test_boundary_records_of_every_kind_the_as_of_date_judges(
        portfolio: Portfolio, states: dict[str, CurrentState]) -> None:
    """For each kind: one record due on the as-of day and one the day after, neither late.

    The next update can only be due the day before instead (stale by a day): the two
    programmes with updates set their own interval, one on each side of the boundary.
    """
    judged = _judged(portfolio, states)
    kinds = set().union(*(records for _, records in COMPARISONS.values())) - NO_BOUNDARY_RECORD
    assert kinds <= set(judged)
    for kind in kinds:
        wanted = ({(AS_OF, False), (DAY_BEFORE, True)} if kind == ("Update", "date")
                  else {(AS_OF, False), (NEXT_DAY, False)})
        assert wanted <= set(judged[kind]), kind


def test_empty_lists_where_allowed(portfolio: Portfolio) -> None:
    empty: set[Field] = set()
    for programme in portfolio.programmes:
        for model, _ in _models(programme):
            for name in type(model).model_fields:
                if getattr(model, name) == ():
                    empty.add((type(model).__name__, name))
    for field in (("PlanFile", "milestones"), ("RisksFile", "risks"), ("RisksFile", "issues"),
                  ("StrategyFile", "evidence"), ("LessonsFile", "lessons"),
                  ("ComplianceFile", "requirements"), ("SustainabilityFile", "actions"),
                  ("SustainabilityFile", "opportunities"), ("Budget", "lines"),
                  ("UpdateFile", "objectives"), ("Lesson", "tags"), ("Role", "responsibilities"),
                  ("ProgrammeFile", "stakeholders")):
        assert field in empty, field


def test_internal_notes_are_in_the_data(portfolio: Portfolio) -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in FIXTURE.rglob("*.yml"))
    assert text.count(CANARY) >= 5


# Every enum value of every field, read from the models.

def _choices(annotation: Any) -> set[Any] | None:
    """The values a field's type allows, when it is an enum (Literal) or a bool."""
    if annotation is bool:
        return {True, False}
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return set(typing.get_args(annotation))
    if origin in (typing.Annotated, typing.Union, types.UnionType, tuple):
        found = [c for arg in typing.get_args(annotation) if (c := _choices(arg)) is not None]
        return set().union(*found) if found else None
    return None


def _model_classes(model: type[BaseModel], seen: set[type[BaseModel]]) -> None:
    seen.add(model)
    for info in model.model_fields.values():
        for arg in _flatten(info.annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel) and arg not in seen:
                _model_classes(arg, seen)


def _flatten(annotation: Any) -> Iterator[Any]:
    yield annotation
    for arg in typing.get_args(annotation):
        yield from _flatten(arg)


def _enum_fields() -> dict[Field, set[Any]]:
    classes: set[type[BaseModel]] = set()
    roots: list[type[BaseModel]] = [*FILE_MODELS.values(), UpdateFile]
    for model in roots:
        _model_classes(model, classes)
    return {(cls.__name__, name): choices for cls in classes
            for name, info in cls.model_fields.items()
            if (choices := _choices(info.annotation)) is not None}


def _models(programme: Programme) -> Iterator[tuple[BaseModel, Any]]:
    for _, model in programme.files():
        yield from walk(model)


def test_every_enum_value_of_every_field_appears(portfolio: Portfolio) -> None:
    wanted = _enum_fields()
    assert ("Risk", "response") in wanted and ("EvaluationFile", "kinds") in wanted
    seen: dict[Field, set[Any]] = defaultdict(set)
    for programme in portfolio.programmes:
        for model, _ in _models(programme):
            for name in type(model).model_fields:
                value = getattr(model, name)
                seen[(type(model).__name__, name)].update(
                    value if isinstance(value, tuple) else (value,))
    missing = {field: sorted(map(str, choices - seen[field]))
               for field, choices in wanted.items()
               if field not in ONE_PER_PROGRAMME and choices - seen[field]}
    assert missing == {}
    for field in ONE_PER_PROGRAMME:
        same_enum = set().union(*(seen[f] for f, c in wanted.items() if c == wanted[field]))
        assert wanted[field] <= same_enum, field
