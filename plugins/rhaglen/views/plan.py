"""The plan page: objectives, milestones, roles, resources, budget and staff support.

Each figure is derived once here, so the table and the chart beside it show the same
number: an objective's progress, a milestone's lateness, a budget line's balance.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from ..model.plan import PlanFile, Resource
from ..render.links import anchor
from ..state.current import BudgetState, CurrentState, MilestoneState, ObjectiveState, overspent
from .base import NONE, Link, ViewContext, choices
from .data_links import table_link
from .details import Record, detail, facts, record
from .frame import ProgrammeFrame, programme_frame
from .plan_charts import budget_chart, milestones_chart, objectives_chart
from .plan_rows import (
    Balance,
    BudgetRow,
    MilestoneRow,
    ObjectiveRow,
    ResourceGroup,
    ResourceItem,
    RoleRow,
    SupportRow,
)
from .trends import ObjectiveTrend, SpendTrend, objective_trends, spend_trend


@dataclass(frozen=True)
class PlanView:
    frame: ProgrammeFrame
    objectives: tuple[ObjectiveRow, ...]
    objectives_chart: Markup
    trends: tuple[ObjectiveTrend, ...]  # each objective over time, in the plan's order
    milestones: tuple[MilestoneRow, ...]
    milestones_chart: Markup
    roles: tuple[RoleRow, ...]
    resources: tuple[ResourceGroup, ...]  # kinds in the contract's order, empty ones left out
    budget: tuple[BudgetRow, ...]
    budget_total: Balance
    budget_chart: Markup
    spend_trend: SpendTrend | None  # None before any spend is reported
    no_spend: bool  # no update has reported spend yet
    staff_support: tuple[SupportRow, ...]  # in date order
    csv_objectives: Link
    csv_milestones: Link
    csv_budget_lines: Link
    csv_indicator_values: Link  # the trends' tables
    csv_spend: Link  # spend over time


def money(ctx: ViewContext, amount: float) -> str:
    """An amount in the programme's currency, in the page's language."""
    plan = ctx.page.data["programme"].plan
    return ctx.fmt.money(amount, plan.budget.currency if plan else "GBP")


def balance(ctx: ViewContext, planned: float, spent: float) -> Balance:
    """What is left of `planned` after `spent`, or by how much `spent` is over it."""
    over = overspent(planned, spent)
    remaining = (ctx.t("plan.over_by", amount=money(ctx, spent - planned)) if over
                 else money(ctx, planned - spent))
    return Balance(money(ctx, planned), money(ctx, spent), remaining, over)


def progress_words(ctx: ViewContext, progress: float) -> str:
    """How far along: "86% of the way", or "-12%: moved away from the target" (not 0%)."""
    key = "plan.progress_away" if progress < 0 else "plan.progress_share"
    return ctx.t(key, share=ctx.fmt.percent(progress))


def value_on(ctx: ViewContext, value: float, day: date) -> str:
    """A value with the day it was measured: "44 (10 April 2026)"."""
    return ctx.t("plan.value_on", value=ctx.number(value), date=ctx.fmt.date(day))


def _objective(ctx: ViewContext, o: ObjectiveState) -> ObjectiveRow:
    obj, lang = o.objective, ctx.lang
    latest = (value_on(ctx, o.latest, o.readings[-1].date) if o.readings
              else ctx.t("objective_status.no-data"))
    name, baseline = f"{obj.id} · {obj.statement(lang)}", value_on(
        ctx, obj.baseline.value, obj.baseline.date)
    agreed = ctx.refs(obj.agreed_with)
    # The table: progress, latest, target; the rest is the objective's detail.
    more = record(anchor("objective", obj.id), name, facts(
        detail(ctx.t("plan.indicator"), f"{obj.indicator(lang)} ({obj.unit(lang)})"),
        detail(ctx.t("plan.baseline"), f"{baseline} · {obj.baseline.source(lang)}"),
        detail(ctx.t("plan.data_source"), obj.data_source(lang)),
        detail(ctx.t("plan.agreed"), agreed),
        detail(ctx.t("monitoring.agreed_on"), ctx.date(obj.agreed_on))))
    return ObjectiveRow(
        anchor("objective", obj.id), name,
        f"{ctx.t('level.' + obj.level)} · {ctx.t('direction.' + obj.direction)}",
        obj.indicator(lang), obj.unit(lang), baseline, obj.baseline.source(lang),
        latest, value_on(ctx, obj.target.value, obj.target.date),
        ctx.status("objective", o.status), progress_words(ctx, o.progress),
        obj.data_source(lang), agreed, ctx.date(obj.agreed_on), more)


def _or_none(ctx: ViewContext, refs: tuple[str, ...]) -> tuple[Link, ...]:
    return ctx.refs(refs) if refs else (Link(NONE),)


def _milestone(ctx: ViewContext, m: MilestoneState) -> MilestoneRow:
    ms = m.milestone
    return MilestoneRow(
        anchor("milestone", ms.id), f"{ms.id} · {ms.title(ctx.lang)}", ctx.date(ms.due),
        ctx.date(m.forecast), ctx.date(m.completed), ctx.status("milestone", m.status),
        ctx.t.plural("common.days_late", m.days_late) if m.days_late else "",
        _or_none(ctx, (ms.owner,) if ms.owner else ())[0], _by_id(ctx, ms.objectives))


def _by_id(ctx: ViewContext, refs: tuple[str, ...]) -> tuple[Link, ...]:
    """Objectives named by their ids ("O1, O3"): the table above spells each one out."""
    return tuple(Link(ref.upper(), link.href) for ref, link in zip(refs, ctx.refs(refs),
                                                                    strict=True)) or (Link(NONE),)


def _role_detail(ctx: ViewContext, key: str, title: str,
                 duties: tuple[str, ...]) -> Record | None:
    items = Markup("<ul>{}</ul>").format(
        Markup("").join(Markup("<li>{}</li>").format(item) for item in duties))
    return record(key, title, facts(detail(ctx.t("plan.responsibilities"), items)
                                    if duties else None))


def _roles(ctx: ViewContext, plan: PlanFile) -> tuple[RoleRow, ...]:
    rows = []
    for r in plan.roles:
        duties = tuple(item(ctx.lang) for item in r.responsibilities)
        key = anchor("role", r.id)
        rows.append(RoleRow(key, r.title(ctx.lang), ctx.ref(r.organisation), duties,
                            ctx.t("plan.paid_yes" if r.paid else "plan.paid_no"),
                            ctx.t("plan.source_" + r.source), ctx.number(r.fte),
                            _role_detail(ctx, key, r.title(ctx.lang), duties)))
    return tuple(rows)


def _resources(ctx: ViewContext, plan: PlanFile) -> tuple[ResourceGroup, ...]:
    groups = []
    for kind in choices(Resource, "kind"):
        items = tuple(ResourceItem(anchor("resource", r.id), r.description(ctx.lang),
                                   ctx.refs(r.allocated_to))
                      for r in plan.resources if r.kind == kind)
        if items:
            groups.append(ResourceGroup(ctx.t("resource_kind." + kind), items))
    return tuple(groups)


def _budget(ctx: ViewContext, b: BudgetState) -> BudgetRow:
    line = b.line
    return BudgetRow(anchor("budget-line", line.id), f"{line.id} · {line.title(ctx.lang)}",
                     ctx.t("resource_kind." + line.category),
                     _or_none(ctx, (line.funder,) if line.funder else ())[0],
                     balance(ctx, line.planned, b.spent))


def _support(ctx: ViewContext, plan: PlanFile) -> tuple[SupportRow, ...]:
    rows = []
    for number, s in enumerate(sorted(plan.staff_support, key=lambda s: s.date), start=1):
        summary = ctx.prose(s.summary)
        rows.append(SupportRow(ctx.date(s.date), ctx.t("support_kind." + s.kind),
                               s.title(ctx.lang), summary, ctx.refs(s.audience),
                               record(f"staff-support-{number}", s.title(ctx.lang), (),
                                      summary)))
    return tuple(rows)


def plan_view(ctx: ViewContext) -> PlanView:
    """The plan with the current state of its objectives, milestones and budget."""
    programme = ctx.page.data["programme"]
    state: CurrentState = ctx.page.data["state"]
    plan = programme.plan or PlanFile()
    objectives = tuple(_objective(ctx, o) for o in state.objectives)
    budget = tuple(_budget(ctx, b) for b in state.budget)
    return PlanView(
        frame=programme_frame(ctx, programme),
        objectives=objectives,
        objectives_chart=objectives_chart(ctx, state, objectives),
        trends=objective_trends(ctx, state),
        milestones=tuple(_milestone(ctx, m) for m in state.milestones),
        milestones_chart=milestones_chart(ctx, state),
        roles=_roles(ctx, plan),
        resources=_resources(ctx, plan),
        budget=budget,
        budget_total=balance(ctx, state.planned_total, state.spent_total),
        budget_chart=budget_chart(ctx, state, budget),
        spend_trend=spend_trend(ctx, state, lambda amount: money(ctx, amount)),
        no_spend=not state.updates,
        staff_support=_support(ctx, plan),
        csv_objectives=table_link(ctx, "objectives"),
        csv_milestones=table_link(ctx, "milestones"),
        csv_budget_lines=table_link(ctx, "budget_lines"),
        csv_indicator_values=table_link(ctx, "indicator_values"),
        csv_spend=table_link(ctx, "spend"),
    )
