"""updates/YYYY-MM-DD.yml: one monitoring report."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from .programme import Refs
from .risks import RiskStatus
from .types import (
    OBJECTIVE,
    PEOPLE,
    ROLE,
    Date,
    Id,
    Model,
    Money,
    Number,
    Prose,
    Record,
    Ref,
    RefTo,
    Score,
    Text,
)

ActionStatus = Literal["planned", "in-progress", "done"]


class Period(Model):
    start: Date
    end: Date


class ObjectiveReport(Record):
    """An indicator's value at the period's end, or on its own `date` (a survey's)."""

    id: Annotated[Ref, OBJECTIVE]
    value: Number
    note: Text | None = None
    date: Date | None = None  # 1.2: when the value was true, on or before the file's date
    source: Text | None = None  # 1.2: where a value with a reference period of its own is from


class MilestoneReport(Record):
    id: Annotated[Ref, RefTo(("milestone",))]
    forecast: Date | None = None
    completed: Date | None = None
    note: Text | None = None


class SpendReport(Record):
    line: Annotated[Ref, RefTo(("budget-line",))]
    spent: Money


class RiskReport(Record):
    id: Annotated[Ref, RefTo(("risk",))]
    likelihood: Score
    impact: Score
    status: RiskStatus | None = None
    note: Text | None = None


class Action(Record):
    kind_name: ClassVar[str] = "action"
    id: Id
    responds_to: Annotated[Ref, RefTo(("risk", "issue", "objective", "milestone"))]
    title: Text
    owner: Annotated[Ref | None, ROLE] = None
    due: Date | None = None
    status: ActionStatus


class Change(Record):
    summary: Text
    rationale: Prose
    agreed_with: Annotated[Refs, PEOPLE]
    agreed_on: Date


class UpdateFile(Record):
    """updates/YYYY-MM-DD.yml."""

    period: Period
    rag: Literal["green", "amber", "red"]
    summary: Prose
    objectives: tuple[ObjectiveReport, ...] = ()
    milestones: tuple[MilestoneReport, ...] = ()
    spend: tuple[SpendReport, ...] = ()
    risks: tuple[RiskReport, ...] = ()
    actions: tuple[Action, ...] = ()
    changes: tuple[Change, ...] = ()
