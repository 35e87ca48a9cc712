"""Figures over time on the plan page: each objective against its expected path, and spend
to date against the budget, each as a chart with the same figures in a table.

The expected value on a date is the straight line from baseline to target
(`state.expected_value`), the same line on which an objective is judged on track.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from ..render.links import anchor
from ..render.pages import update_path
from ..render.trend_charts import Series, trend_chart
from ..state.current import CurrentState, ObjectiveState, expected_value, overspent, spent_by
from .base import NONE, Link, ViewContext


@dataclass(frozen=True)
class TrendRow:
    """One point of an objective's trend: the baseline, an update, or the target."""

    point: Link  # "Baseline", "Update" linked to its page, "Target"
    date: str
    value: str
    expected: str  # on the straight line from baseline to target, on that date


@dataclass(frozen=True)
class ObjectiveTrend:
    anchor: str
    name: str  # "O1 · indicator (unit)"
    caption: str
    chart: Markup
    rows: tuple[TrendRow, ...]


@dataclass(frozen=True)
class SpendCell:
    amount: str
    over: bool  # past the line's (or the total's) budget


@dataclass(frozen=True)
class SpendRow:
    point: Link  # "Budget", or "Update" linked to its page
    date: str
    spent: SpendCell  # the budget itself on the first row, then spend to date


@dataclass(frozen=True)
class SpendSeries:
    """One budget line (or the total) over time: its chart and a table of the same figures,
    three columns wide, so it fits a desk and a phone whatever the number of lines."""

    name: str  # "B2 · Vouchers", or "Total"
    chart: Markup
    rows: tuple[SpendRow, ...]  # the budget, then spend to date at each update


@dataclass(frozen=True)
class SpendTrend:
    series: tuple[SpendSeries, ...]  # each line, then the total


def _update(ctx: ViewContext, day: date) -> Link:
    slug = ctx.page.data["programme"].slug
    return Link(ctx.t("trends.update"), ctx.href(update_path(slug, day)))


def objective_trend(ctx: ViewContext, o: ObjectiveState) -> ObjectiveTrend:
    """An objective's baseline, each reported value and its target, with the expected path."""
    obj = o.objective
    base, target = obj.baseline, obj.target
    points = [(Link(ctx.t("plan.baseline")), base.date, base.value)]
    points += [(_update(ctx, r.reported), r.date, r.value) for r in o.readings]
    points.append((Link(ctx.t("plan.target")), target.date, target.value))
    rows = tuple(TrendRow(link, ctx.fmt.date(day), ctx.number(value),
                          ctx.number(round(expected_value(obj, day), 2)))
                 for link, day, value in points)
    name = f"{obj.id} · {obj.indicator(ctx.lang)} ({obj.unit(ctx.lang)})"
    readings = "; ".join(ctx.t("trends.reading", value=ctx.number(r.value),
                               date=ctx.fmt.date(r.date)) for r in o.readings)
    desc = ctx.t("trends.objective_desc", baseline=ctx.number(base.value),
                 baseline_date=ctx.fmt.date(base.date), target=ctx.number(target.value),
                 target_date=ctx.fmt.date(target.date),
                 readings=readings or ctx.t("trends.no_readings"))
    series = (
        Series(ctx.t("trends.reported"),
               ((base.date, base.value), *((r.date, r.value) for r in o.readings)), "reported"),
        Series(ctx.t("trends.expected"), ((base.date, base.value),
                                          (target.date, target.value)), "expected"),
        Series(ctx.t("plan.baseline"), ((base.date, base.value),), "baseline"),
        Series(ctx.t("plan.target"), ((target.date, target.value),), "target"))
    chart = trend_chart(f"trend-{obj.id.lower()}",
                        ctx.t("trends.objective_title", objective=name), desc, series,
                        ctx.fmt.month, ctx.fmt.number)
    return ObjectiveTrend(anchor("objective", obj.id) + "-trend", name,
                          ctx.t("trends.caption", objective=name), chart, rows)


def objective_trends(ctx: ViewContext, state: CurrentState) -> tuple[ObjectiveTrend, ...]:
    """A trend for every objective, in the plan's order."""
    return tuple(objective_trend(ctx, o) for o in state.objectives)


def _spend_chart(ctx: ViewContext, prefix: str, name: str, planned: float,
                 spent: list[tuple[date, float]], money: Callable[[float], str]) -> Markup:
    programme = ctx.page.data["programme"].programme
    readings = "; ".join(ctx.t("trends.reading", value=money(value), date=ctx.fmt.date(day))
                         for day, value in spent)
    series = (Series(ctx.t("trends.spent"), tuple(spent), "reported"),
              Series(ctx.t("trends.budget"), ((programme.start, planned),
                                              (programme.end, planned)), "budget"))
    return trend_chart(prefix, ctx.t("trends.spend_title", line=name),
                       ctx.t("trends.spend_desc", planned=money(planned), readings=readings),
                       series, ctx.fmt.month, money, from_zero=True)


def spend_trend(ctx: ViewContext, state: CurrentState, money: Callable[[float], str]
                ) -> SpendTrend | None:
    """Spend to date at each update that reports spend, per line and in total, against
    the budget (drawn across the programme's dates); None before any spend is reported."""
    days = [u.date for u in state.updates if u.report.spend]
    if not days or not state.budget:
        return None
    planned = [*(b.line.planned for b in state.budget), state.planned_total]
    by_day = [[spent_by(b, day) for b in state.budget] for day in days]
    by_day = [[*amounts, sum(amounts)] for amounts in by_day]
    names = [f"{b.line.id} · {b.line.title(ctx.lang)}" for b in state.budget]
    names.append(ctx.t("common.total"))
    keys = [b.line.id.lower() for b in state.budget] + ["total"]
    series = []
    for i, (key, name, budget) in enumerate(zip(keys, names, planned, strict=True)):
        points = [(day, amounts[i]) for day, amounts in zip(days, by_day, strict=True)]
        rows = [SpendRow(Link(ctx.t("trends.budget")), NONE, SpendCell(money(budget), False))]
        rows += [SpendRow(_update(ctx, day), ctx.fmt.date(day),
                          SpendCell(money(spent), overspent(budget, spent)))
                 for day, spent in points]
        series.append(SpendSeries(name, _spend_chart(ctx, f"spend-{key}", name, budget, points,
                                                     money), tuple(rows)))
    return SpendTrend(tuple(series))
