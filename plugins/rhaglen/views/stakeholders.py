"""The stakeholders page: organisations, target groups, the influence/interest grid, and
engagement at every stage of the programme."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup

from ..model.programme import Engagement, ProgrammeFile, Stakeholder
from ..render.grids import grid_chart
from ..render.links import anchor
from .base import NONE, Link, ViewContext, choices
from .data_links import table_link
from .details import Record, detail, facts, record
from .frame import ProgrammeFrame, programme_frame

Quadrant = Literal["manage", "satisfy", "inform", "monitor"]
# Stages where every programme should have talked to someone; engagement at "closed" is
# shown when there is some, but its absence is not a gap.
OPTIONAL_STAGES = frozenset({"closed"})


def quadrant(influence: int, interest: int) -> Quadrant:
    """Where a stakeholder sits on the grid (Mendelow): 3 or more on a 1–5 score is high.

    High influence and interest: manage closely; high influence only: keep satisfied;
    high interest only: keep informed; neither: monitor. A score of 3 sits on the grid's
    middle line and counts as high, so nobody on the line gets less attention.
    """
    high_influence, high_interest = influence >= 3, interest >= 3
    if high_influence:
        return "manage" if high_interest else "satisfy"
    return "inform" if high_interest else "monitor"


@dataclass(frozen=True)
class OrganisationRow:
    anchor: str
    name: str
    role: str
    url: str | None


@dataclass(frozen=True)
class TargetGroupItem:
    anchor: str
    name: str
    description: Markup
    size: str | None  # "About 1,500 people"
    insight: Markup  # empty when not written


@dataclass(frozen=True)
class StakeholderRow:
    number: int  # its marker on the grid
    anchor: str
    name: str
    kind: str
    organisation: Link | None
    influence: int
    interest: int
    quadrant: str  # "Manage closely"
    engagement: str
    interests: Markup | str  # a dash when not written
    detail: Record | None  # the interests, below the table


@dataclass(frozen=True)
class EngagementEntry:
    heading: str  # "12 March 2025 · Workshop"
    with_: tuple[Link, ...]
    summary: Markup
    outcome: Markup  # empty when not written


@dataclass(frozen=True)
class StageEngagement:
    stage: str
    anchor: str
    label: str
    engaged: bool
    count: str  # "Engagement recorded (2 entries)", or "No engagement recorded …"
    entries: tuple[EngagementEntry, ...]  # in date order


@dataclass(frozen=True)
class StakeholdersView:
    frame: ProgrammeFrame
    organisations: tuple[OrganisationRow, ...]
    target_groups: tuple[TargetGroupItem, ...]
    stakeholders: tuple[StakeholderRow, ...]  # numbered in this order, as on the grid
    grid: Markup  # the chart, empty when there are no stakeholders
    stages: tuple[StageEngagement, ...]
    csv_organisations: Link
    csv_target_groups: Link
    csv_stakeholders: Link
    csv_engagement: Link


def _stakeholder(ctx: ViewContext, number: int, s: Stakeholder) -> StakeholderRow:
    key, interests = anchor("stakeholder", s.id), ctx.prose(s.interests)
    return StakeholderRow(
        number, key, s.name(ctx.lang),
        ctx.t("stakeholder_kind." + s.kind),
        ctx.ref(s.organisation) if s.organisation else None, s.influence, s.interest,
        ctx.t("stakeholders_page.quadrant_" + quadrant(s.influence, s.interest)),
        ctx.t("engagement_level." + s.engagement),
        interests if s.interests else NONE,
        record(key, f"{number} · {s.name(ctx.lang)}",
               facts(detail(ctx.t("stakeholders.interests"), interests))))


def stakeholder_grid(ctx: ViewContext, rows: tuple[StakeholderRow, ...]) -> Markup:
    """The influence/interest grid: each row's number at its scores."""
    if not rows:
        return Markup("")
    words = {key: ctx.t("stakeholders_page.quadrant_" + key)
             for key in ("manage", "satisfy", "inform", "monitor")}
    words |= {"influence": ctx.t("stakeholders.influence"),
              "interest": ctx.t("stakeholders.interest")}
    return grid_chart("stakeholder-grid", ctx.t("stakeholders_page.grid_title"),
                      ctx.t("stakeholders_page.grid_desc"),
                      [(r.number, r.influence, r.interest) for r in rows], words)


def _entry(ctx: ViewContext, e: Engagement) -> EngagementEntry:
    return EngagementEntry(f"{ctx.date(e.date)} · {e.method(ctx.lang)}", ctx.refs(e.with_),
                           ctx.prose(e.summary), ctx.prose(e.outcome))


def engagement_by_stage(ctx: ViewContext, p: ProgrammeFile) -> tuple[StageEngagement, ...]:
    """Every stage in the contract's order, with its engagement, gaps named."""
    stages = []
    for stage in choices(Engagement, "stage"):
        entries = sorted((e for e in p.engagement if e.stage == stage), key=lambda e: e.date)
        if stage in OPTIONAL_STAGES and not entries:
            continue
        count = (f"{ctx.t('stakeholders_page.engaged')} "
                 f"({ctx.t.plural('stakeholders_page.entries', len(entries))})"
                 if entries else ctx.t("stakeholders_page.not_engaged"))
        stages.append(StageEngagement(stage, "stage-" + stage, ctx.t("stage." + stage),
                                      bool(entries), count,
                                      tuple(_entry(ctx, e) for e in entries)))
    return tuple(stages)


def stakeholders_view(ctx: ViewContext) -> StakeholdersView:
    """Everyone the programme works with, each list in the page language's order."""
    programme = ctx.page.data["programme"]
    p: ProgrammeFile = programme.programme
    orgs = tuple(OrganisationRow(anchor("organisation", o.id), o.name(ctx.lang),
                                 ctx.t("org_role." + o.role), o.url)
                 for o in ctx.sorted(p.organisations, lambda o: o.name(ctx.lang)))
    groups = tuple(TargetGroupItem(
        anchor("target-group", g.id), g.name(ctx.lang), ctx.prose(g.description),
        None if g.size is None else ctx.t("overview.people", n=ctx.number(g.size)),
        ctx.prose(g.insight)) for g in ctx.sorted(p.target_groups, lambda g: g.name(ctx.lang)))
    listed = ctx.sorted(p.stakeholders, lambda s: s.name(ctx.lang))
    rows = tuple(_stakeholder(ctx, n, s) for n, s in enumerate(listed, start=1))
    return StakeholdersView(programme_frame(ctx, programme), orgs, groups, rows,
                            stakeholder_grid(ctx, rows), engagement_by_stage(ctx, p),
                            *(table_link(ctx, table) for table in (
                                "organisations", "target_groups", "stakeholders", "engagement")))
