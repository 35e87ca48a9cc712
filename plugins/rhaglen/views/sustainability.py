"""The sustainability page: the plan, actions to sustain the impact, and opportunities."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..model.outcomes import Opportunity, SustainabilityAction, SustainabilityFile
from ..render.links import anchor
from ..state.current import due_overdue
from .base import Link, Status, ViewContext
from .data_links import table_link
from .frame import ProgrammeFrame, programme_frame

_EMPTY = Markup("")


@dataclass(frozen=True)
class ActionRow:
    anchor: str
    title: str
    owner: Link
    due: str  # a dash when there is no due date
    overdue: bool  # past due and not done, as of the page's date
    status: Status


@dataclass(frozen=True)
class OpportunityItem:
    anchor: str
    title: str
    status: Status
    via: tuple[Link, ...]
    summary: Markup  # empty when not written


@dataclass(frozen=True)
class SustainabilityView:
    """The sustainability page; only `frame` is set while sustainability.yml is not written."""

    frame: ProgrammeFrame
    summary: Markup = _EMPTY
    actions: tuple[ActionRow, ...] = ()  # in the page language's order of title
    opportunities: tuple[OpportunityItem, ...] = ()
    csv_actions: Link | None = None  # sustainability_actions
    csv_opportunities: Link | None = None


def _action(ctx: ViewContext, a: SustainabilityAction) -> ActionRow:
    as_of = ctx.page.data["state"].as_of
    return ActionRow(anchor("sustainability-action", a.id), a.title(ctx.lang), ctx.ref(a.owner),
                     ctx.date(a.due), due_overdue(a.due, a.status, as_of),
                     ctx.status("action", a.status))


def _opportunity(ctx: ViewContext, o: Opportunity) -> OpportunityItem:
    return OpportunityItem(anchor("opportunity", o.id), o.title(ctx.lang),
                           ctx.status("opportunity", o.status), ctx.refs(o.via),
                           ctx.prose(o.summary))


def sustainability_view(ctx: ViewContext) -> SustainabilityView:
    """The plan, with every action's owner and lateness, and every opportunity's status."""
    programme = ctx.page.data["programme"]
    plan: SustainabilityFile | None = programme.sustainability
    frame = programme_frame(ctx, programme)
    if plan is None:
        return SustainabilityView(frame)
    return SustainabilityView(
        frame, ctx.prose(plan.summary),
        tuple(_action(ctx, a) for a in ctx.sorted(plan.actions, lambda a: a.title(ctx.lang))),
        tuple(_opportunity(ctx, o)
              for o in ctx.sorted(plan.opportunities, lambda o: o.title(ctx.lang))),
        table_link(ctx, "sustainability_actions"), table_link(ctx, "opportunities"))
