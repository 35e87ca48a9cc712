"""The shape of `data/programmes/<slug>.json`: the public model plus the current state.

Pydantic models, so that the file is written by `model_dump` and described by a JSON
Schema generated from the same classes (`schema/export.schema.json`). The record part
is the public model itself (`internal:` was dropped when it was built); the state part
holds the figures the pages show, each taken from `state.py`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model.outcomes import (
    ComplianceFile,
    EvaluationFile,
    LessonsFile,
    PilotFile,
    SustainabilityFile,
)
from ..model.plan import PlanFile
from ..model.programme import ProgrammeFile
from ..model.risks import RisksFile, RiskStatus
from ..model.strategy import StrategyFile
from ..model.types import Date, Text
from ..model.updates import Action, Change, Period, UpdateFile
from ..state.current import Band, MilestoneStatus, ObjectiveStatus, RiskKind, Trend
from ..state.freshness import Freshness


class ExportModel(BaseModel):
    """Frozen and closed, like the public model."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class UpdateRecord(ExportModel):
    """One monitoring update: its date (the file's name) and the file as published."""

    date: Date
    report: UpdateFile


class ProgrammeRecord(ExportModel):
    """Every file of the programme as the public model holds it; a file not written is null."""

    programme: ProgrammeFile
    plan: PlanFile | None
    strategy: StrategyFile | None
    risks: RisksFile | None
    pilot: PilotFile | None
    evaluation: EvaluationFile | None
    lessons: LessonsFile | None
    sustainability: SustainabilityFile | None
    compliance: ComplianceFile | None
    updates: tuple[UpdateRecord, ...] = Field(description="In date order.")


class UpdatePage(ExportModel):
    date: Date
    url: str


class LanguagePages(ExportModel):
    """The programme's addresses in one language."""

    pages: dict[str, str] = Field(description="Each programme page by kind (overview, plan...)")
    updates: tuple[UpdatePage, ...] = Field(description="Each update's page, in date order.")
    feed: str = Field(description="The programme's Atom feed in this language.")


class Pages(ExportModel):
    cy: LanguagePages
    en: LanguagePages


class Reading(ExportModel):
    """A value reported for an objective in one update, dated when it was true (the
    period's end, or the value's own date)."""

    date: Date
    value: float
    note: Text | None
    source: Text | None = None


class ObjectiveNow(ExportModel):
    """An objective as of the as-of date, as the plan page shows it."""

    id: str
    latest: float = Field(description="The latest reported value, else the baseline.")
    progress: float = Field(description="Share of the way from baseline to target in the "
                            "objective's direction (1.0 is the whole way; below 0, away).")
    expected: float = Field(description="Share of the way a straight line from the baseline "
                            "date to the target date has reached by the as-of date.")
    status: ObjectiveStatus
    readings: tuple[Reading, ...] = Field(description="Every reported value, in date order.")


class MilestoneNow(ExportModel):
    """A milestone's latest forecast and completion, and its status."""

    id: str
    forecast: Date | None
    completed: Date | None
    status: MilestoneStatus
    days_late: int = Field(description="Completed late, overdue or forecast late by; else 0.")


class Spend(ExportModel):
    """Spend to date on a line as one update reported it."""

    date: Date
    spent: float


class BudgetLineNow(ExportModel):
    id: str
    planned: float
    spent: float = Field(description="The latest spend to date reported, else 0.")
    remaining: float = Field(description="Planned minus spent (negative when over budget).")
    over_budget: bool
    history: tuple[Spend, ...]


class BudgetNow(ExportModel):
    currency: str = Field(description="ISO 4217 code of every amount.")
    planned: float
    spent: float
    lines: tuple[BudgetLineNow, ...]


class ScoreNow(ExportModel):
    """One score of a risk: likelihood × impact, and its band."""

    date: Date | None = Field(description="The update that re-scored it; null: the register.")
    likelihood: int
    impact: int
    score: int
    band: Band


class RiskNow(ExportModel):
    """A risk's scores across updates, as the risks page shows them."""

    id: str
    kind: RiskKind
    status: RiskStatus
    score: int = Field(description="The current score: the latest in the history.")
    band: Band
    trend: Trend = Field(description="The last change: the latest score against the one "
                         "before it.")
    direction: Trend = Field(description="Overall: the latest score against the register's.")
    review_overdue: bool
    history: tuple[ScoreNow, ...] = Field(description="The register's score, then each "
                                          "re-score in date order.")


class ActionNow(ExportModel):
    """The latest report of an action."""

    action: Action
    first_reported: Date
    last_reported: Date
    overdue: bool


class ChangeNow(ExportModel):
    """A change agreed, with the date of the update that records it."""

    update: Date
    change: Change


class RagEntry(ExportModel):
    date: Date
    rag: Literal["green", "amber", "red"]


class LatestUpdate(ExportModel):
    """How recent the monitoring is, as the overview and monitoring pages say."""

    date: Date | None
    period: Period | None
    freshness: Freshness = Field(description="current, stale (older than the interval), "
                                 "final (closed programme), missing (an update is due), none")
    reporting_interval: int = Field(description="Days expected between updates.")


class StateNow(ExportModel):
    """The plan with every update applied in date order, judged as of the as-of date."""

    latest_update: LatestUpdate
    rag: tuple[RagEntry, ...] = Field(description="Overall status of each update, in date order.")
    objectives: tuple[ObjectiveNow, ...]
    milestones: tuple[MilestoneNow, ...]
    budget: BudgetNow
    risks: tuple[RiskNow, ...]
    high_threats: int = Field(description="Open threats whose current score is high.")
    high_opportunities: int = Field(description="Open opportunities whose current score is high.")
    actions: tuple[ActionNow, ...]
    changes: tuple[ChangeNow, ...] = Field(description="In date order.")


class ProgrammeExport(ExportModel):
    """One programme's whole public record and its current state as the site shows it."""

    slug: str
    as_of: Date = Field(description="The day the state is judged as of.")
    licence: str = Field(description="SPDX identifier of the data's licence.")
    licence_url: Text = Field(description="The licence's text, in Welsh and in English.")
    pages: Pages
    record: ProgrammeRecord
    state: StateNow
