"""The records of one programme a reader sees differently: updates, objectives, milestones,
spend, risks, issues, actions, agreed changes and lessons, each by the values its page shows.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.outcomes import Lesson
from ..model.portfolio import Programme, Update
from ..model.risks import Issue
from ..model.types import Text
from ..state.actions import ActionState
from ..state.current import (
    AgreedChange,
    BudgetState,
    CurrentState,
    MilestoneState,
    ObjectiveState,
    RiskState,
)
from .model import Money, RecordChange, Scored, Share, Span, Token, Value, compare

UPDATES = "page.monitoring"
OBJECTIVES = "plan.objectives"
MILESTONES = "plan.milestones"
SPEND = "update.spend"
RISKS = "risks.register"
ISSUES = "risks.issues"
ACTIONS = "monitoring.actions"
CHANGES = "monitoring.changes"
LESSONS = "lessons_page.lessons"
SECTIONS = (UPDATES, OBJECTIVES, MILESTONES, SPEND, RISKS, ISSUES, ACTIONS, CHANGES, LESSONS)


def _update(u: Update) -> dict[str, Value]:
    period = u.report.period
    return {"rag.label": Token(f"rag.{u.report.rag}"),
            "monitoring.period": Span(period.start, period.end)}


def _objective(o: ObjectiveState) -> dict[str, Value]:
    return {"plan.latest": o.latest if o.readings else None,
            "plan.target": o.objective.target.value,
            "plan.progress": Share(o.progress),
            "common.status": Token(f"objective_status.{o.status}")}


def _milestone(m: MilestoneState) -> dict[str, Value]:
    return {"plan.due": m.milestone.due, "plan.forecast": m.forecast,
            "plan.completed": m.completed,
            "common.status": Token(f"milestone_status.{m.status}")}


def _risk(r: RiskState) -> dict[str, Value]:
    return {"risks.current": Scored(r.current.likelihood, r.current.impact),
            "diff.band": Token(f"band.{r.current.band}"),
            "risks.trend": Token(f"trend.{r.trend}"),
            "common.status": Token(f"risk_status.{r.status}")}


def _issue(i: Issue) -> dict[str, Value]:
    return {"risks.priority": Token(f"priority.{i.priority}"), "risks.resolved": i.resolved}


def _action(a: ActionState) -> dict[str, Value]:
    act = a.action
    return {"monitoring.responds_to": act.responds_to, "common.owner": act.owner,
            "monitoring.due": act.due, "common.status": Token(f"action_status.{act.status}")}


def _lesson(lesson: Lesson) -> dict[str, Value]:
    return {"common.date": lesson.date, "common.kind": Token(f"lesson_kind.{lesson.kind}"),
            "lessons_page.stage": Token(f"stage.{lesson.stage}")}


def _named(ref: str, title: Text | None) -> tuple[str, Text | None]:
    return ref, title


def _spend(currency: str) -> Callable[[BudgetState], dict[str, Value]]:
    def shown(b: BudgetState) -> dict[str, Value]:
        return {"plan.planned": Money(b.line.planned, currency),
                "plan.spent": Money(b.spent, currency)}
    return shown


def _lessons(programme: Programme) -> tuple[Lesson, ...]:
    return programme.lessons.lessons if programme.lessons else ()


def _issues(state: CurrentState) -> tuple[Issue, ...]:
    return state.issues


def record_changes(before: Programme, old: CurrentState, after: Programme, new: CurrentState
                   ) -> list[RecordChange]:
    """Every record of one programme whose page shows something new, in page order."""
    currency = after.plan.budget.currency if after.plan else "GBP"
    return [
        *compare(UPDATES, old.updates, new.updates, lambda u: u.date,
                 lambda u: _named(u.date.isoformat(), None), _update, lambda u: u.report),
        *compare(OBJECTIVES, old.objectives, new.objectives, lambda o: o.objective.id.lower(),
                 lambda o: _named(o.objective.id, o.objective.statement), _objective),
        *compare(MILESTONES, old.milestones, new.milestones, lambda m: m.milestone.id.lower(),
                 lambda m: _named(m.milestone.id, m.milestone.title), _milestone),
        *compare(SPEND, old.budget, new.budget, lambda b: b.line.id.lower(),
                 lambda b: _named(b.line.id, b.line.title), _spend(currency)),
        *compare(RISKS, old.risks, new.risks, lambda r: r.risk.id.lower(),
                 lambda r: _named(r.risk.id, r.risk.title), _risk),
        *compare(ISSUES, _issues(old), _issues(new), lambda i: i.id.lower(),
                 lambda i: _named(i.id, i.title), _issue, lambda i: i),
        *compare(ACTIONS, old.actions, new.actions, lambda a: a.action.id.lower(),
                 lambda a: _named(a.action.id, a.action.title), _action, lambda a: a.action),
        *compare(CHANGES, old.changes, new.changes, _change_key,
                 lambda c: _named("", c.change.summary),
                 lambda c: {"monitoring.agreed_on": c.change.agreed_on}, lambda c: c.change),
        *compare(LESSONS, _lessons(before), _lessons(after), lambda x: x.id.lower(),
                 lambda x: _named(x.id, x.title), _lesson, lambda x: x),
    ]


def _change_key(c: AgreedChange) -> tuple[object, ...]:
    return (c.date, c.change.summary.cy, c.change.summary.en)
