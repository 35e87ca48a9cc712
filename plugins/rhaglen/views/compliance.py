"""The compliance page: requirements by kind, each with its status and review."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..model.outcomes import Requirement
from ..render.links import anchor
from ..state.current import review_overdue
from .base import Link, Status, ViewContext, choices
from .data_links import table_link
from .details import Record, detail, facts, record
from .frame import ProgrammeFrame, programme_frame


@dataclass(frozen=True)
class RequirementRow:
    anchor: str
    title: str
    reference: str
    reference_url: str | None  # the law, code or policy itself
    status: Status
    evidence: Markup
    review: str
    review_overdue: bool
    detail: Record | None  # the evidence, below the table


@dataclass(frozen=True)
class RequirementGroup:
    kind: str  # the anchor of its section
    heading: str
    rows: tuple[RequirementRow, ...]


@dataclass(frozen=True)
class ComplianceView:
    frame: ProgrammeFrame
    groups: tuple[RequirementGroup, ...]  # kinds in the contract's order, empty ones left out
    csv: Link  # every requirement, whatever its kind


def _row(ctx: ViewContext, r: Requirement) -> RequirementRow:
    as_of = ctx.page.data["state"].as_of
    key, evidence = anchor("requirement", r.id), ctx.prose(r.evidence)
    return RequirementRow(key, r.title(ctx.lang), r.reference(ctx.lang), r.reference_url,
                          ctx.status("requirement", r.status), evidence,
                          ctx.date(r.review), review_overdue(r.review, as_of),
                          record(key, r.title(ctx.lang), facts(
                              detail(ctx.t("compliance_page.evidence"), evidence))))


def compliance_view(ctx: ViewContext) -> ComplianceView:
    """Requirements grouped by kind, sorted by title in the page's language."""
    programme = ctx.page.data["programme"]
    items = programme.compliance.requirements if programme.compliance else ()
    groups = []
    for kind in choices(Requirement, "kind"):
        members = ctx.sorted((r for r in items if r.kind == kind), lambda r: r.title(ctx.lang))
        if members:
            groups.append(RequirementGroup(kind, ctx.t("requirement_kind." + kind),
                                           tuple(_row(ctx, r) for r in members)))
    return ComplianceView(programme_frame(ctx, programme), tuple(groups),
                          table_link(ctx, "compliance"))
