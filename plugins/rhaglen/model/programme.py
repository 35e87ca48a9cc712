"""programme.yml: who, what, when and with whom."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, Field

from .scalars import fail
from .types import (
    ORGANISATION,
    PEOPLE,
    Date,
    Id,
    Int,
    Licence,
    Model,
    Name,
    Prose,
    Record,
    Ref,
    Score,
    Text,
    Url,
)

Stage = Literal[
    "scoping", "developing", "piloting", "implementing", "evaluating", "following-up", "closed"
]
STAGES: tuple[Stage, ...] = (
    "scoping", "developing", "piloting", "implementing", "evaluating", "following-up", "closed"
)
Refs = Annotated[tuple[Ref, ...], Field(min_length=1)]


def _days(value: int) -> int:
    if value < 1:
        raise fail("days", "a number of days is a whole number from 1 up, got {got}", got=value)
    return value


Days = Annotated[Int, AfterValidator(_days), Field(ge=1)]


class Organisation(Record):
    kind_name: ClassVar[str] = "organisation"
    id: Id
    name: Name
    role: Literal["lead", "partner", "funder", "delivery", "evaluator", "other"]
    url: Url | None = None


class TargetGroup(Record):
    kind_name: ClassVar[str] = "target-group"
    id: Id
    name: Text
    description: Prose
    size: Int | None = None
    insight: Prose | None = None


class Stakeholder(Record):
    kind_name: ClassVar[str] = "stakeholder"
    id: Id
    name: Name
    kind: Literal["target-group", "partner", "funder", "community", "staff", "regulator", "other"]
    organisation: Annotated[Ref | None, ORGANISATION] = None
    interests: Prose | None = None
    influence: Score
    interest: Score
    engagement: Literal["inform", "consult", "involve", "collaborate", "empower"]


class Engagement(Record):
    date: Date
    stage: Stage
    with_: Annotated[Refs, PEOPLE] = Field(alias="with")
    method: Text
    summary: Prose
    outcome: Prose | None = None


class ProgrammeFile(Record):
    """programme.yml."""

    title: Text
    summary: Prose
    type: Literal["programme", "campaign", "plan"]
    stage: Stage
    start: Date
    end: Date
    mission: Prose
    values: tuple[Text, ...] = ()
    behaviour_goal: Prose
    lead: Annotated[Ref, ORGANISATION]
    organisations: Annotated[tuple[Organisation, ...], Field(min_length=1)]
    target_groups: Annotated[tuple[TargetGroup, ...], Field(min_length=1)]
    stakeholders: tuple[Stakeholder, ...] = ()
    engagement: tuple[Engagement, ...] = ()
    licence: Licence = "CC-BY-4.0"
    reporting_interval: Days | None = None  # days between monitoring updates; else the site's


__all__ = ["STAGES", "Model", "ProgrammeFile", "Refs", "Stage"]
