"""pilot.yml, evaluation.yml, lessons.yml, sustainability.yml and compliance.yml."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from .programme import Refs, Stage
from .types import (
    ANY_RECORD,
    OBJECTIVE,
    ORGANISATION,
    PEOPLE,
    Date,
    Id,
    LongName,
    Model,
    Number,
    Prose,
    Record,
    Ref,
    RefTo,
    Tag,
    Text,
    Url,
)
from .updates import ActionStatus

Met = Literal["yes", "partly", "no"]


class PilotResult(Record):
    objective: Annotated[Ref, OBJECTIVE]
    value: Number
    met: Met
    note: Text | None = None
    target: Number | None = None  # 1.2: the pilot's own target for this objective


class PilotFile(Record):
    """pilot.yml."""

    summary: Prose
    start: Date
    end: Date
    scope: Prose
    results: Annotated[tuple[PilotResult, ...], Field(min_length=1)]
    findings: Prose
    decision: Literal["scale-up", "adapt", "stop"]
    rationale: Prose


class EvaluationResult(Record):
    objective: Annotated[Ref, OBJECTIVE]
    value: Number
    met: Met
    commentary: Prose | None = None


class Presentation(Record):
    with_: Annotated[Refs, PEOPLE] = Field(alias="with")
    date: Date
    format: Text


class EvaluationFile(Record):
    """evaluation.yml."""

    published: Date
    kinds: Annotated[
        tuple[Literal["process", "outcome", "impact", "economic"], ...], Field(min_length=1)
    ]
    summary: Prose
    methods: Prose
    results: Annotated[tuple[EvaluationResult, ...], Field(min_length=1)]
    limitations: Prose | None = None
    value_for_money: Prose | None = None
    presented_to: tuple[Presentation, ...] = ()
    recommendations: tuple[Text, ...] = ()
    report: Url | None = None


class Lesson(Record):
    kind_name: ClassVar[str] = "lesson"
    id: Id
    title: Text
    date: Date
    stage: Stage
    kind: Literal["worked-well", "to-improve"]
    what_happened: Prose
    recommendation: Prose
    tags: tuple[Tag, ...]
    related: Annotated[tuple[Ref, ...], ANY_RECORD] = ()


class LessonsFile(Record):
    """lessons.yml."""

    lessons: tuple[Lesson, ...] = ()


class SustainabilityAction(Record):
    kind_name: ClassVar[str] = "sustainability-action"
    id: Id
    title: Text
    owner: Annotated[Ref, ORGANISATION]
    due: Date | None = None
    status: ActionStatus


class Opportunity(Record):
    kind_name: ClassVar[str] = "opportunity"
    id: Id
    title: Text
    via: Annotated[Refs, RefTo(("organisation", "stakeholder"))]
    status: Literal["identified", "pursuing", "secured", "declined"]
    summary: Prose | None = None


class SustainabilityFile(Record):
    """sustainability.yml."""

    summary: Prose
    actions: tuple[SustainabilityAction, ...] = ()
    opportunities: tuple[Opportunity, ...] = ()


class Requirement(Record):
    kind_name: ClassVar[str] = "requirement"
    id: Id
    title: Text
    kind: Literal["legal", "organisational", "code-of-practice", "policy", "ethics"]
    reference: LongName  # 1.2: a string, or {cy, en}
    reference_url: Url | None = None  # 1.2: the law, code or policy itself
    status: Literal["met", "partly-met", "not-met", "not-applicable"]
    evidence: Prose
    review: Date | None = None


class ComplianceFile(Record):
    """compliance.yml."""

    requirements: tuple[Requirement, ...] = ()


__all__ = ["Model", "Stage"]
