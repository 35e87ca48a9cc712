"""The plan page's charts, drawn from the same figures as the tables beside them."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from ..render.charts import Bar, Lane, bar_chart, timeline_chart
from ..state.current import CurrentState
from .base import ViewContext
from .plan_rows import BudgetRow, ObjectiveRow


def objectives_chart(ctx: ViewContext, state: CurrentState,
                     rows: Sequence[ObjectiveRow]) -> Markup:
    """Each objective's progress as a bar drawn as its status, the plan's expectation a tick.

    The words under each bar are the table's progress and status, so the two agree.
    """
    bars = [Bar(f"{o.objective.id} · {o.objective.indicator(ctx.lang)}", o.progress,
                ctx.t("plan.progress_figures", progress=row.progress, status=row.status.label),
                o.status, marker=o.expected)
            for o, row in zip(state.objectives, rows, strict=True)]
    return bar_chart("objectives-chart", ctx.t("plan.progress_title"),
                     ctx.t("plan.progress_desc", date=ctx.fmt.date(state.as_of)), bars)


def milestones_chart(ctx: ViewContext, state: CurrentState) -> Markup:
    """Each milestone's due date, forecast and completion on one timeline."""
    lanes = [Lane(f"{m.milestone.id} · {m.milestone.title(ctx.lang)}", m.milestone.due,
                  m.forecast, m.completed, ctx.t("milestone_status." + m.status))
             for m in state.milestones]
    words = {"due": ctx.t("plan.legend_due"), "forecast": ctx.t("plan.legend_forecast"),
             "completed": ctx.t("plan.legend_completed"),
             "as_of": ctx.t("plan.legend_as_of", date=ctx.fmt.date(state.as_of))}
    return timeline_chart("milestones-chart", ctx.t("plan.timeline_title"),
                          ctx.t("plan.timeline_desc", date=ctx.fmt.date(state.as_of)),
                          lanes, state.as_of, words, ctx.fmt.month)


def spent_share(planned: float, spent: float) -> float:
    """Spend as a share of the budget; any spend on a line of nothing is drawn as double."""
    if planned:
        return spent / planned
    return 2.0 if spent else 0.0


def budget_chart(ctx: ViewContext, state: CurrentState, rows: Sequence[BudgetRow]) -> Markup:
    """Spend against each line's budget; spend past the budget is hatched."""
    bars = [Bar(row.name, spent_share(b.line.planned, b.spent),
                ctx.t("plan.spent_of", spent=row.balance.spent, planned=row.balance.planned),
                "over" if row.balance.over else "within")
            for b, row in zip(state.budget, rows, strict=True)]
    return bar_chart("budget-chart", ctx.t("plan.budget_title"), ctx.t("plan.budget_desc"),
                     bars)
