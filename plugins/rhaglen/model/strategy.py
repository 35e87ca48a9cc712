"""strategy.yml: evidence, interventions (the mix), theories, landscape and reflections."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from .programme import Refs
from .types import TARGET_GROUP, Date, Id, LongName, Name, Prose, Record, Ref, RefTo, Text, Url

EVIDENCE = RefTo(("evidence",))

EvidenceKind = Literal["motivator", "inhibitor", "intervention"]


class Theory(Record):
    name: Name
    summary: Prose


class Evidence(Record):
    kind_name: ClassVar[str] = "evidence"
    id: Id
    title: Text
    citation: LongName  # 1.2: a string, or {cy, en}
    url: Url | None = None
    kind: EvidenceKind
    quality: Literal["high", "moderate", "low", "very-low"]
    summary: Prose
    target_groups: Annotated[tuple[Ref, ...], TARGET_GROUP] = ()


class Intervention(Record):
    kind_name: ClassVar[str] = "intervention"
    id: Id
    title: Text
    description: Prose
    mix: Literal[
        "product", "price", "place", "promotion", "policy", "partnership", "people", "process"
    ]
    function: Literal[
        "education", "persuasion", "incentivisation", "coercion", "training", "restriction",
        "environmental-restructuring", "modelling", "enablement",
    ] | None = None
    addresses: Annotated[Refs, EVIDENCE]
    target_groups: Annotated[Refs, TARGET_GROUP]


class Landscape(Record):
    kind_name: ClassVar[str] = "landscape"
    id: Id
    title: Text
    scope: Literal["international", "national", "local"]
    kind: Literal["trend", "development", "programme"]
    summary: Prose
    implication: Prose


class Reflection(Record):
    date: Date
    summary: Prose


class StrategyFile(Record):
    """strategy.yml."""

    theories: tuple[Theory, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    exchange: Prose | None = None
    competition: Prose | None = None
    landscape: tuple[Landscape, ...] = ()
    reflections: tuple[Reflection, ...] = ()
