"""plan.yml: objectives, milestones, roles, resources, budget and staff support."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from .programme import Refs
from .types import (
    ANY_RECORD,
    OBJECTIVE,
    ORGANISATION,
    PEOPLE,
    ROLE,
    Bool,
    Currency,
    Date,
    Id,
    Model,
    Money,
    Number,
    Prose,
    Record,
    Ref,
    Text,
)

ResourceKind = Literal["physical", "financial", "human", "information"]


class Baseline(Model):
    value: Number
    date: Date
    source: Text


class Target(Model):
    value: Number
    date: Date


class Objective(Record):
    kind_name: ClassVar[str] = "objective"
    id: Id
    statement: Text
    level: Literal["output", "outcome", "impact"]
    indicator: Text
    unit: Text
    direction: Literal["increase", "decrease"]
    baseline: Baseline
    target: Target
    data_source: Text
    agreed_with: Annotated[Refs, PEOPLE]
    agreed_on: Date


class Milestone(Record):
    kind_name: ClassVar[str] = "milestone"
    id: Id
    title: Text
    due: Date
    forecast: Date | None = None
    completed: Date | None = None
    cancelled: Bool = False
    objectives: Annotated[tuple[Ref, ...], OBJECTIVE] = ()
    owner: Annotated[Ref | None, ROLE] = None


class Role(Record):
    kind_name: ClassVar[str] = "role"
    id: Id
    title: Text
    organisation: Annotated[Ref, ORGANISATION]
    responsibilities: tuple[Text, ...]
    paid: Bool
    source: Literal["internal", "external"]
    fte: Number | None = Field(default=None, ge=0)


class Resource(Record):
    kind_name: ClassVar[str] = "resource"
    id: Id
    kind: ResourceKind
    description: Text
    allocated_to: Annotated[tuple[Ref, ...], ANY_RECORD] = ()


class BudgetLine(Record):
    kind_name: ClassVar[str] = "budget-line"
    id: Id
    title: Text
    category: ResourceKind
    planned: Money
    funder: Annotated[Ref | None, ORGANISATION] = None


class Budget(Model):
    currency: Currency = "GBP"
    lines: tuple[BudgetLine, ...] = ()


class StaffSupport(Record):
    date: Date
    kind: Literal["briefing", "training", "guidance", "supervision"]
    title: Text
    audience: Annotated[tuple[Ref, ...], ROLE]
    summary: Prose | None = None


class PlanFile(Record):
    """plan.yml."""

    objectives: tuple[Objective, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    roles: tuple[Role, ...] = ()
    resources: tuple[Resource, ...] = ()
    budget: Budget = Budget()
    staff_support: tuple[StaffSupport, ...] = ()
