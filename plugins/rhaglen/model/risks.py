"""risks.yml: the risk register (threats and opportunities) and the issue log."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from .types import ROLE, Date, Id, Model, Prose, Record, Ref, Score, Text

THREAT_RESPONSES = ("avoid", "reduce", "transfer", "share", "accept", "fallback")
OPPORTUNITY_RESPONSES = ("exploit", "enhance", "share", "accept", "reject")
Response = Literal[
    "avoid", "reduce", "transfer", "share", "accept", "fallback", "exploit", "enhance", "reject"
]
RiskStatus = Literal["open", "closed"]


class Residual(Model):
    likelihood: Score
    impact: Score


class Risk(Record):
    kind_name: ClassVar[str] = "risk"
    id: Id
    title: Text
    description: Prose
    kind: Literal["threat", "opportunity"]
    category: Text | None = None
    raised: Date
    likelihood: Score
    impact: Score
    residual: Residual | None = None
    response: Response
    actions: Prose
    owner: Annotated[Ref, ROLE]
    review: Date
    status: RiskStatus


class Issue(Record):
    kind_name: ClassVar[str] = "issue"
    id: Id
    title: Text
    kind: Literal["problem", "change-request", "off-specification", "external-event", "opportunity"]
    raised: Date
    priority: Literal["low", "medium", "high"]
    description: Prose
    owner: Annotated[Ref | None, ROLE] = None
    resolution: Prose | None = None
    resolved: Date | None = None


class RisksFile(Record):
    """risks.yml."""

    risks: tuple[Risk, ...] = ()
    issues: tuple[Issue, ...] = ()
