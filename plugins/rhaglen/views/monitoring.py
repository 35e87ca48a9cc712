"""The monitoring page: the current state in figures, every update, actions and changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from ..model.portfolio import Update
from ..model.updates import Change
from ..render.pages import update_path
from ..render.trend_charts import StripCell, rag_strip
from ..state.actions import ActionState
from ..state.current import CurrentState
from .base import NONE, Link, Status, ViewContext
from .data_links import feed_link, table_link
from .details import Record, record
from .frame import ProgrammeFrame, programme_frame
from .headline import Headline, currency, headline_view, rag_status
from .staleness import LatestUpdate, latest_update_view


@dataclass(frozen=True)
class UpdateEntry:
    """One update as the monitoring page lists it."""

    link: Link  # its date, linked to its page
    period: str
    rag: Status
    summary: Markup
    detail: Record | None  # the summary, below the table


@dataclass(frozen=True)
class ActionRow:
    action: Link  # to the update that last reported it
    responds_to: Link
    owner: Link
    due: str
    overdue: bool
    status: Status
    reported: Link  # the date it was last reported, linked to that update


@dataclass(frozen=True)
class ChangeEntry:
    summary: str
    rationale: Markup
    agreed_with: tuple[Link, ...]
    agreed_on: str
    update: Link | None  # "Update of ..." on the monitoring page; None on the update itself


@dataclass(frozen=True)
class MonitoringView:
    frame: ProgrammeFrame
    latest: LatestUpdate
    headline: Headline
    updates: tuple[UpdateEntry, ...]  # newest first
    history: tuple[UpdateEntry, ...]  # oldest first, for the status history
    history_chart: Markup  # the same history as a strip of cells, empty without updates
    actions: tuple[ActionRow, ...]
    changes: tuple[ChangeEntry, ...]  # newest first
    feed: Link  # this programme's updates and lessons, in the page's language
    csv_actions: Link
    csv_changes: Link


def update_link(ctx: ViewContext, day: date, label: str | None = None) -> Link:
    """The update of `day`, labelled with its date unless `label` is given."""
    slug = ctx.page.data["programme"].slug
    return Link(label or ctx.fmt.date(day), ctx.href(update_path(slug, day)))


def period(ctx: ViewContext, update: Update) -> str:
    """The period an update covers: "1 March 2026 – 10 April 2026"."""
    p = update.report.period
    return ctx.t("site.date_range", start=ctx.fmt.date(p.start), end=ctx.fmt.date(p.end))


def owner(ctx: ViewContext, ref: str | None) -> Link:
    """The record an optional reference names, or a dash."""
    return ctx.ref(ref) if ref else Link(NONE)


def change_entry(ctx: ViewContext, change: Change, update: Link | None) -> ChangeEntry:
    return ChangeEntry(change.summary(ctx.lang), ctx.prose(change.rationale),
                       ctx.refs(change.agreed_with), ctx.date(change.agreed_on), update)


def _action(ctx: ViewContext, a: ActionState) -> ActionRow:
    act = a.action
    return ActionRow(ctx.ref(act.id), ctx.ref(act.responds_to), owner(ctx, act.owner),
                     ctx.date(act.due), a.overdue, ctx.status("action", act.status),
                     update_link(ctx, a.last_reported))


def history_chart(ctx: ViewContext, history: tuple[UpdateEntry, ...]) -> Markup:
    """The status at each update, oldest first: coloured, patterned and worded cells."""
    if not history:
        return Markup("")
    cells = [StripCell(e.rag.value, e.rag.label, e.link.label, e.link.href or "")
             for e in history]
    entries = "; ".join(f"{e.link.label}: {e.rag.label}" for e in history)
    return rag_strip("rag-history", ctx.t("trends.rag_title"),
                     ctx.t("trends.rag_desc", entries=entries), cells)


def _entry(ctx: ViewContext, u: Update) -> UpdateEntry:
    link, summary = update_link(ctx, u.date), ctx.prose(u.report.summary)
    heading = ctx.t("update.title", date=ctx.fmt.date(u.date))
    return UpdateEntry(link, period(ctx, u), rag_status(ctx, u.report.rag), summary,
                       record(f"update-{u.date.isoformat()}", heading, (), summary))


def monitoring_view(ctx: ViewContext) -> MonitoringView:
    """The current state, then every update newest first, open actions and changes."""
    programme = ctx.page.data["programme"]
    state: CurrentState = ctx.page.data["state"]
    updates = tuple(_entry(ctx, u) for u in reversed(state.updates))
    changes = tuple(
        change_entry(ctx, c.change,
                     update_link(ctx, c.date, ctx.t("update.title", date=ctx.fmt.date(c.date))))
        for c in reversed(state.changes))
    return MonitoringView(
        frame=programme_frame(ctx, programme),
        latest=latest_update_view(ctx, state, ctx.page.data["reporting_interval"]),
        headline=headline_view(ctx, state, currency(programme)),
        updates=updates,
        history=tuple(reversed(updates)),
        history_chart=history_chart(ctx, tuple(reversed(updates))),
        actions=tuple(_action(ctx, a) for a in state.actions),
        changes=changes,
        feed=feed_link(ctx, programme.slug),
        csv_actions=table_link(ctx, "actions"),
        csv_changes=table_link(ctx, "changes"),
    )
