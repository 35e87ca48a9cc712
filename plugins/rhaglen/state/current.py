"""The programme's current state: the plan with every update applied in date order.

Pure functions of the public model and one as-of date (contract, "The as-of date"), so
the same data and day always give the same state, and the state can be tested without
building a site.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..model.plan import BudgetLine, Milestone, Objective
from ..model.portfolio import Programme, Update
from ..model.risks import Issue, Risk
from ..model.types import Text
from ..model.updates import Change, ObjectiveReport
from .actions import ActionState, action_states
from .actions import due_overdue as due_overdue

MilestoneStatus = Literal["done", "done-late", "on-track", "at-risk", "overdue", "cancelled"]
ObjectiveStatus = Literal["met", "on-track", "off-track", "no-data"]
Band = Literal["low", "medium", "high"]
Trend = Literal["rising", "falling", "steady", "new"]
RiskKind = Literal["threat", "opportunity"]


def overspent(planned: float, spent: float) -> bool:
    """Spend past the amount planned (a line, a total, or one update's report)."""
    return spent > planned


def risk_band(score: int) -> Band:
    """1 to 4 low, 5 to 12 medium, 15 to 25 high (contract, risks.yml)."""
    return "low" if score <= 4 else "medium" if score <= 12 else "high"


@dataclass(frozen=True)
class Reading:
    """A value reported for an objective in one update, dated when it was true: the
    period's end, or the value's own date (contract 1.2, "When values were true")."""

    date: date
    value: float
    note: Text | None
    reported: datetime.date  # the update that reported it (its page)
    source: Text | None = None


@dataclass(frozen=True)
class ObjectiveState:
    objective: Objective
    readings: tuple[Reading, ...]
    latest: float  # the latest reading, or the baseline when nothing has been reported
    progress: float  # share of the way from baseline to target, in the wanted direction
    expected: float  # share of the way the plan expects by the as-of date
    status: ObjectiveStatus


@dataclass(frozen=True)
class MilestoneState:
    milestone: Milestone
    forecast: date | None
    completed: date | None
    status: MilestoneStatus
    days_late: int  # past due: completed late, or overdue, or forecast after due


@dataclass(frozen=True)
class BudgetState:
    line: BudgetLine
    spent: float
    history: tuple[tuple[date, float], ...]

    @property
    def remaining(self) -> float:
        return self.line.planned - self.spent

    @property
    def over_budget(self) -> bool:
        return overspent(self.line.planned, self.spent)


@dataclass(frozen=True)
class Score:
    date: date | None  # None: the score in the register
    likelihood: int
    impact: int

    @property
    def value(self) -> int:
        return self.likelihood * self.impact

    @property
    def band(self) -> Band:
        return risk_band(self.value)


@dataclass(frozen=True)
class RiskState:
    risk: Risk
    inherent: Score
    residual: Score | None
    history: tuple[Score, ...]  # the register's score, then each update's re-score
    status: Literal["open", "closed"]
    trend: Trend  # the last change: the latest score against the one before it
    direction: Trend  # overall: the latest score against the register's
    review_overdue: bool

    @property
    def current(self) -> Score:
        return self.history[-1]

    @property
    def previous(self) -> Score | None:
        """The score before the latest, or None when the risk has not been re-scored."""
        return self.history[-2] if len(self.history) > 1 else None


@dataclass(frozen=True)
class AgreedChange:
    date: date  # the update that records it
    change: Change


@dataclass(frozen=True)
class CurrentState:
    as_of: date
    updates: tuple[Update, ...]  # in date order
    objectives: tuple[ObjectiveState, ...]
    milestones: tuple[MilestoneState, ...]
    budget: tuple[BudgetState, ...]
    risks: tuple[RiskState, ...]
    issues: tuple[Issue, ...]
    actions: tuple[ActionState, ...]
    changes: tuple[AgreedChange, ...]
    rag: tuple[tuple[date, str], ...]

    @property
    def latest_rag(self) -> str | None:
        return self.rag[-1][1] if self.rag else None

    def objective(self, ref: str) -> ObjectiveState | None:
        """The state of the objective a reference names."""
        return next((o for o in self.objectives if o.objective.id.lower() == ref.lower()), None)

    def budget_line(self, ref: str) -> BudgetState | None:
        """The state of the budget line a reference names."""
        return next((b for b in self.budget if b.line.id.lower() == ref.lower()), None)

    @property
    def planned_total(self) -> float:
        return sum(b.line.planned for b in self.budget)

    @property
    def spent_total(self) -> float:
        return sum(b.spent for b in self.budget)


def review_overdue(review: date | None, as_of: date) -> bool:
    """A review date that has passed by the as-of date (for every record that has one)."""
    return review is not None and review < as_of


def _share(start: date, end: date, day: date) -> float:
    if end <= start:
        return 1.0
    return min(1.0, max(0.0, (day - start).days / (end - start).days))


def reading_of(update: Update, report: ObjectiveReport) -> Reading:
    """A reported value dated when it was true: its own date, else the period's end."""
    return Reading(report.date or update.report.period.end, report.value, report.note,
                   update.date, report.source)


def objective_state(objective: Objective, updates: tuple[Update, ...], as_of: date
                    ) -> ObjectiveState:
    """Baseline, readings, progress towards the target and whether it is on track.

    On track means at least as far from the baseline towards the target as a straight
    line from baseline date to target date would be by the as-of date.
    """
    readings = tuple(sorted((reading_of(u, r) for u in updates for r in u.report.objectives
                             if r.id.lower() == objective.id.lower()),
                            key=lambda reading: reading.date))
    baseline, target = objective.baseline.value, objective.target.value
    latest = readings[-1].value if readings else baseline
    sign = 1 if objective.direction == "increase" else -1
    gap = (target - baseline) * sign
    moved = (latest - baseline) * sign
    progress = moved / gap if gap > 0 else (1.0 if moved >= 0 else 0.0)
    expected = _share(objective.baseline.date, objective.target.date, as_of)
    status: ObjectiveStatus
    if (latest - target) * sign >= 0:
        status = "met"
    elif not readings:
        status = "no-data"
    else:
        status = "on-track" if progress >= expected else "off-track"
    return ObjectiveState(objective, readings, latest, progress, expected, status)


def expected_value(objective: Objective, day: date) -> float:
    """The value the plan expects on `day`: the straight line from baseline to target.

    Before the baseline date it is the baseline, after the target date the target; the
    same line on which `objective_state` judges an objective on or off track.
    """
    baseline, target = objective.baseline, objective.target
    return baseline.value + (target.value - baseline.value) * _share(baseline.date,
                                                                      target.date, day)


def spent_by(budget: BudgetState, day: date) -> float:
    """Spend to date on a line as reported by `day`: the latest total so far, else 0."""
    reported = [spent for when, spent in budget.history if when <= day]
    return reported[-1] if reported else 0.0


def milestone_state(milestone: Milestone, updates: tuple[Update, ...], as_of: date
                    ) -> MilestoneState:
    """The latest forecast and completion, and a status judged against the as-of date."""
    forecast, completed = milestone.forecast, milestone.completed
    for update in updates:
        for report in update.report.milestones:
            if report.id.lower() == milestone.id.lower():
                forecast = report.forecast or forecast
                completed = report.completed or completed
    due = milestone.due
    status: MilestoneStatus
    if milestone.cancelled:
        status, late = "cancelled", 0
    elif completed is not None:
        late = (completed - due).days
        status = "done" if late <= 0 else "done-late"
    elif due < as_of:
        status, late = "overdue", (as_of - due).days
    elif forecast is not None and forecast > due:
        status, late = "at-risk", (forecast - due).days
    else:
        status, late = "on-track", 0
    return MilestoneState(milestone, forecast, completed, status, max(late, 0))


def budget_state(line: BudgetLine, updates: tuple[Update, ...]) -> BudgetState:
    """Cumulative spend to date: each update reports the total so far, the latest stands."""
    history = tuple((u.date, s.spent) for u in updates for s in u.report.spend
                    if s.line.lower() == line.id.lower())
    return BudgetState(line, history[-1][1] if history else 0.0, history)


def risk_state(risk: Risk, updates: tuple[Update, ...], as_of: date) -> RiskState:
    """Scores across updates, the last change and the overall direction, status and review."""
    history = [Score(None, risk.likelihood, risk.impact)]
    status = risk.status
    for update in updates:
        for report in update.report.risks:
            if report.id.lower() == risk.id.lower():
                history.append(Score(update.date, report.likelihood, report.impact))
                status = report.status or status
    residual = (Score(None, risk.residual.likelihood, risk.residual.impact)
                if risk.residual else None)
    overdue = status == "open" and review_overdue(risk.review, as_of)
    rescored = len(history) > 1
    return RiskState(risk, history[0], residual, tuple(history), status,
                     trend=score_change(history[-2] if rescored else None, history[-1]),
                     direction=score_change(history[0] if rescored else None, history[-1]),
                     review_overdue=overdue)


def score_change(before: Score | None, now: Score) -> Trend:
    """How a score moved from `before` to `now`; "new" when there is nothing to compare."""
    if before is None:
        return "new"
    return ("rising" if now.value > before.value else "falling" if now.value < before.value
            else "steady")


def open_risks(risks: tuple[RiskState, ...], kind: RiskKind) -> tuple[RiskState, ...]:
    """The open risks of one kind: threats and opportunities are never counted together."""
    return tuple(r for r in risks if r.status == "open" and r.risk.kind == kind)


def high_risks(risks: tuple[RiskState, ...], kind: RiskKind) -> int:
    """How many open risks of one kind have a high current score."""
    return sum(1 for r in open_risks(risks, kind) if r.current.band == "high")


def neighbours(updates: tuple[Update, ...], day: date) -> tuple[Update | None, Update | None]:
    """The updates just before and just after the one of `day`, in date order."""
    ordered = sorted(updates, key=lambda u: u.date)
    earlier = [u for u in ordered if u.date < day]
    later = [u for u in ordered if u.date > day]
    return (earlier[-1] if earlier else None), (later[0] if later else None)


def current_state(programme: Programme, as_of: date) -> CurrentState:
    """The plan and register with every update applied in date order, as of `as_of`."""
    updates = tuple(sorted(programme.updates, key=lambda u: u.date))
    plan, register = programme.plan, programme.risks
    return CurrentState(
        as_of=as_of,
        updates=updates,
        objectives=tuple(objective_state(o, updates, as_of) for o in plan.objectives)
        if plan else (),
        milestones=tuple(milestone_state(m, updates, as_of) for m in plan.milestones)
        if plan else (),
        budget=tuple(budget_state(b, updates) for b in plan.budget.lines) if plan else (),
        risks=tuple(risk_state(r, updates, as_of) for r in register.risks) if register else (),
        issues=register.issues if register else (),
        actions=action_states(updates, as_of),
        changes=tuple(AgreedChange(u.date, c) for u in updates for c in u.report.changes),
        rag=tuple((u.date, u.report.rag) for u in updates),
    )
