"""The rows of the plan page's tables, which its charts draw too (`plan_charts`)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .base import Link, Status
from .details import Record


@dataclass(frozen=True)
class ObjectiveRow:
    anchor: str
    name: str  # "O1 · statement"
    kinds: str  # "Outcome · Increase"
    indicator: str
    unit: str
    baseline: str  # "38 (30 June 2025)"
    baseline_source: str
    latest: str  # the latest reading with its date, or "No data yet"
    target: str
    status: Status
    progress: str  # "35% of the way", or "-12%: moved away from the target"
    data_source: str
    agreed_with: tuple[Link, ...]
    agreed_on: str
    detail: Record | None  # indicator, baseline and its source, data source, agreement


@dataclass(frozen=True)
class MilestoneRow:
    anchor: str
    name: str
    due: str
    forecast: str
    completed: str
    status: Status
    days_late: str  # "14 days late", or "" when not late
    owner: Link
    objectives: tuple[Link, ...]  # by id: "O1", "O3"


@dataclass(frozen=True)
class RoleRow:
    anchor: str
    title: str
    organisation: Link
    responsibilities: tuple[str, ...]  # in the role's detail, not the table
    paid: str
    source: str
    fte: str
    detail: Record | None


@dataclass(frozen=True)
class ResourceItem:
    anchor: str
    description: str
    allocated_to: tuple[Link, ...]


@dataclass(frozen=True)
class ResourceGroup:
    heading: str
    items: tuple[ResourceItem, ...]


@dataclass(frozen=True)
class Balance:
    """Planned, spent and what is left, or by how much the spend is over."""

    planned: str
    spent: str
    remaining: str  # "£84,250", or "Over budget by £13,750"
    over: bool


@dataclass(frozen=True)
class BudgetRow:
    anchor: str
    name: str
    category: str
    funder: Link
    balance: Balance


@dataclass(frozen=True)
class SupportRow:
    date: str
    kind: str
    title: str
    summary: Markup
    audience: tuple[Link, ...]
    detail: Record | None  # the summary, below the table
