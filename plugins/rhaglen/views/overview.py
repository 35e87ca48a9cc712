"""A programme's overview: key facts, its current state and how recent that is, its aims."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..model.programme import TargetGroup
from .base import Link, Status, ViewContext
from .data_links import ProgrammeData, programme_data, table_link
from .frame import ProgrammeFrame, licence_link, programme_frame
from .headline import Headline, currency, headline_view
from .staleness import LatestUpdate, latest_update_view


@dataclass(frozen=True)
class OrganisationRow:
    name: Link
    role: str
    website: str | None


@dataclass(frozen=True)
class GroupSection:
    name: Link
    description: Markup
    size: str | None  # "1,240 people"
    insight: Markup  # empty when there is none


@dataclass(frozen=True)
class OverviewView:
    frame: ProgrammeFrame
    summary: Markup
    type: str
    stage: Status
    dates: str
    lead: Link
    licence: Markup  # the licence's name linked to its text
    latest: LatestUpdate
    headline: Headline
    mission: Markup
    behaviour_goal: Markup
    values: tuple[str, ...]
    organisations: tuple[OrganisationRow, ...]  # by name in the page's language
    target_groups: tuple[GroupSection, ...]  # by name in the page's language
    csv_organisations: Link
    csv_target_groups: Link
    data: ProgrammeData  # the programme's JSON, CSV tables and feed


def _group(ctx: ViewContext, group: TargetGroup) -> GroupSection:
    size = (ctx.t("overview.people", n=ctx.number(group.size)) if group.size is not None
            else None)
    return GroupSection(ctx.ref(group.id), ctx.prose(group.description), size,
                        ctx.prose(group.insight))


def overview_view(ctx: ViewContext) -> OverviewView:
    """The overview of the page's programme, as of the state's date."""
    programme, state = ctx.page.data["programme"], ctx.page.data["state"]
    p = programme.programme
    organisations = ctx.sorted(p.organisations, lambda o: o.name(ctx.lang))
    groups = ctx.sorted(p.target_groups, lambda g: g.name(ctx.lang))
    return OverviewView(
        frame=programme_frame(ctx, programme),
        summary=ctx.prose(p.summary),
        type=ctx.t("type." + p.type),
        stage=ctx.status("stage", p.stage, "stage"),
        dates=ctx.t("site.date_range", start=ctx.date(p.start), end=ctx.date(p.end)),
        lead=ctx.ref(p.lead),
        licence=licence_link(ctx, p.licence),
        latest=latest_update_view(ctx, state, ctx.page.data["reporting_interval"]),
        headline=headline_view(ctx, state, currency(programme)),
        mission=ctx.prose(p.mission),
        behaviour_goal=ctx.prose(p.behaviour_goal),
        values=tuple(value(ctx.lang) for value in p.values),
        organisations=tuple(OrganisationRow(ctx.ref(o.id), ctx.t("org_role." + o.role), o.url)
                            for o in organisations),
        target_groups=tuple(_group(ctx, g) for g in groups),
        csv_organisations=table_link(ctx, "organisations"),
        csv_target_groups=table_link(ctx, "target_groups"),
        data=programme_data(ctx, programme.slug),
    )
