"""One update's page: what it reported, each figure beside the plan's, and its neighbours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from ..model.portfolio import Update
from ..model.types import Text
from ..model.updates import Action, ObjectiveReport, RiskReport
from ..render.links import anchor
from ..state.current import CurrentState, Score, neighbours
from .base import NONE, Link, Status, ViewContext
from .data_links import table_link
from .details import Record, detail, record
from .frame import ProgrammeFrame, programme_frame
from .headline import rag_status
from .monitoring import ChangeEntry, change_entry, owner, period, update_link
from .plan import balance
from .plan_rows import Balance
from .risks import band_family


@dataclass(frozen=True)
class ObjectiveValue:
    objective: Link
    value: str
    unit: str
    baseline: str
    target: str
    note: str
    detail: Record | None  # the note, below the table


@dataclass(frozen=True)
class MilestoneChange:
    milestone: Link
    forecast: str
    completed: str
    note: str
    detail: Record | None  # the note, below the table


@dataclass(frozen=True)
class SpendRow:
    line: Link
    balance: Balance  # spent to date against the line's planned amount


@dataclass(frozen=True)
class RiskRescore:
    risk: Link
    score: Status  # "4 × 5 = 20 (High)" in the band's style
    status: str
    note: str
    detail: Record | None  # the note, below the table


@dataclass(frozen=True)
class ActionRow:
    anchor: str
    name: str  # "A1 · title"
    responds_to: Link
    owner: Link
    due: str
    status: Status


@dataclass(frozen=True)
class UpdateView:
    frame: ProgrammeFrame
    period: str
    rag: Status
    summary: Markup
    objectives: tuple[ObjectiveValue, ...]
    milestones: tuple[MilestoneChange, ...]
    spend: tuple[SpendRow, ...]
    risks: tuple[RiskRescore, ...]
    actions: tuple[ActionRow, ...]
    changes: tuple[ChangeEntry, ...]
    previous: Link | None  # "Previous update: 10 April 2026"
    next: Link | None
    csv_indicator_values: Link  # every reported value of every objective
    csv_milestones: Link  # each milestone's latest forecast and completion
    csv_spend: Link  # spend to date, one row per update and line
    csv_risk_scores: Link  # every score in date order, this update's re-scores among them
    csv_actions: Link
    csv_changes: Link


def _note(ctx: ViewContext, note: Text | None) -> str:
    return note(ctx.lang) if note else ""


def _note_record(ctx: ViewContext, link: Link, ref: str, note: str) -> Record | None:
    """A row's note as its detail below the table (notes are sentences, not figures)."""
    return record(f"note-{ref.lower()}", link.label,
                  (detail(ctx.t("common.note"), note),) if note else ())


def _value_record(ctx: ViewContext, link: Link, entry: ObjectiveReport, note: str
                  ) -> Record | None:
    """A value's note, and when it was true and its source where it has its own (1.2)."""
    details = [detail(ctx.t("common.note"), note)] if note else []
    if entry.date is not None:
        details.append(detail(ctx.t("common.true_on"), ctx.date(entry.date)))
    if entry.source is not None:
        details.append(detail(ctx.t("common.source"), entry.source(ctx.lang)))
    return record(f"note-{entry.id.lower()}", link.label, tuple(details))


def _objectives(ctx: ViewContext, update: Update, state: CurrentState
                ) -> tuple[ObjectiveValue, ...]:
    rows = []
    for entry in update.report.objectives:
        o = state.objective(entry.id)
        if o is None:  # references are checked before pages are built
            raise ValueError(f"no objective {entry.id}")
        obj, link, note = o.objective, ctx.ref(entry.id), _note(ctx, entry.note)
        rows.append(ObjectiveValue(link, ctx.number(entry.value), obj.unit(ctx.lang),
                                   ctx.number(obj.baseline.value), ctx.number(obj.target.value),
                                   note, _value_record(ctx, link, entry, note)))
    return tuple(rows)


def _milestone(ctx: ViewContext, ref: str, forecast: date | None, completed: date | None,
               text: Text | None) -> MilestoneChange:
    link, note = ctx.ref(ref), _note(ctx, text)
    return MilestoneChange(link, ctx.date(forecast), ctx.date(completed), note,
                           _note_record(ctx, link, ref, note))


def _spend(ctx: ViewContext, update: Update, state: CurrentState) -> tuple[SpendRow, ...]:
    rows = []
    for entry in update.report.spend:
        line = state.budget_line(entry.line)
        if line is None:  # references are checked before pages are built
            raise ValueError(f"no budget line {entry.line}")
        rows.append(SpendRow(ctx.ref(entry.line), balance(ctx, line.line.planned, entry.spent)))
    return tuple(rows)


def _risk(ctx: ViewContext, day: date, entry: RiskReport) -> RiskRescore:
    score = Score(day, entry.likelihood, entry.impact)
    words = ctx.t("risks.score_parts", likelihood=score.likelihood, impact=score.impact,
                  score=score.value)
    kind = ctx.page.data["records"][entry.id.lower()].record.kind  # threat or opportunity
    link, note = ctx.ref(entry.id), _note(ctx, entry.note)
    return RiskRescore(link,
                       Status(band_family(kind), score.band,
                              f"{words} ({ctx.t('band.' + score.band)})"),
                       ctx.t("risk_status." + entry.status) if entry.status else NONE,
                       note, _note_record(ctx, link, entry.id, note))


def _action(ctx: ViewContext, action: Action) -> ActionRow:
    return ActionRow(anchor("action", action.id), f"{action.id} · {action.title(ctx.lang)}",
                     ctx.ref(action.responds_to), owner(ctx, action.owner),
                     ctx.date(action.due), ctx.status("action", action.status))


def _pager(ctx: ViewContext, update: Update | None, key: str) -> Link | None:
    if update is None:
        return None
    return update_link(ctx, update.date, ctx.t(key, date=ctx.fmt.date(update.date)))


def update_view(ctx: ViewContext) -> UpdateView:
    """What one update reported, with the plan's figures beside its values."""
    programme = ctx.page.data["programme"]
    state: CurrentState = ctx.page.data["state"]
    update: Update = ctx.page.data["update"]
    report = update.report
    before, after = neighbours(state.updates, update.date)
    return UpdateView(
        frame=programme_frame(ctx, programme),
        period=period(ctx, update),
        rag=rag_status(ctx, report.rag),
        summary=ctx.prose(report.summary),
        objectives=_objectives(ctx, update, state),
        milestones=tuple(_milestone(ctx, m.id, m.forecast, m.completed, m.note)
                         for m in report.milestones),
        spend=_spend(ctx, update, state),
        risks=tuple(_risk(ctx, update.date, r) for r in report.risks),
        actions=tuple(_action(ctx, a) for a in report.actions),
        changes=tuple(change_entry(ctx, c, None) for c in report.changes),
        previous=_pager(ctx, before, "update.previous_on"),
        next=_pager(ctx, after, "update.next_on"),
        csv_indicator_values=table_link(ctx, "indicator_values"),
        csv_milestones=table_link(ctx, "milestones"),
        csv_spend=table_link(ctx, "spend"),
        csv_risk_scores=table_link(ctx, "risk_scores"),
        csv_actions=table_link(ctx, "actions"),
        csv_changes=table_link(ctx, "changes"),
    )
