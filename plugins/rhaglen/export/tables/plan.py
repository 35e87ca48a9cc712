"""Tables of the plan and its current state: objectives, indicator values, milestones,
budget lines and spend."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ...model.plan import BudgetLine, Objective, ResourceKind
from ...model.types import Text
from ...state.current import MilestoneStatus, ObjectiveStatus, overspent
from .columns import Source, Table, attr, choice, codes, col, ref, refs, words

MONEY_CY, MONEY_EN = "yn yr arian cyfred yn y golofn currency", "in the currency column's currency"


OBJECTIVES = Table(
    "objectives", "Amcanion pob rhaglen, gyda'u cynnydd a'u statws fel y mae'r dudalen "
    "gynllun yn eu dangos", "Each programme's objectives, with their progress and status "
    "as the plan page shows them",
    (*words("statement", "Yr amcan", "The objective", lambda r: r.objective.statement),
     *col("level", "string", "Lefel: output, outcome neu impact",
          "Level: output, outcome or impact", lambda r, s: r.objective.level, required=True,
          enum=choice(Objective, "level")),
     *words("indicator", "Dangosydd", "Indicator", lambda r: r.objective.indicator),
     *words("unit", "Uned", "Unit", lambda r: r.objective.unit),
     *col("direction", "string", "Cyfeiriad dymunol: increase neu decrease",
          "Wanted direction: increase or decrease", lambda r, s: r.objective.direction,
          required=True, enum=choice(Objective, "direction")),
     *col("baseline_value", "number", "Gwerth y llinell sylfaen", "Baseline value",
          lambda r, s: r.objective.baseline.value, required=True),
     *col("baseline_date", "date", "Dyddiad y llinell sylfaen", "Baseline date",
          lambda r, s: r.objective.baseline.date, required=True),
     *words("baseline_source", "Ffynhonnell y llinell sylfaen", "Source of the baseline",
            lambda r: r.objective.baseline.source),
     *col("target_value", "number", "Gwerth y targed", "Target value",
          lambda r, s: r.objective.target.value, required=True),
     *col("target_date", "date", "Dyddiad y targed", "Target date",
          lambda r, s: r.objective.target.date, required=True),
     *words("data_source", "Ffynhonnell y data", "Data source", lambda r: r.objective.data_source),
     *refs("agreed_with", "Cytunwyd gyda", "Agreed with", lambda r: r.objective.agreed_with,
           required=True),
     *col("agreed_on", "date", "Dyddiad cytuno", "Date agreed",
          lambda r, s: r.objective.agreed_on, required=True),
     *col("latest_value", "number", "Y gwerth diweddaraf a adroddwyd (neu'r llinell sylfaen)",
          "The latest value reported (or the baseline)", lambda r, s: r.latest, required=True),
     *col("latest_date", "date", "Dyddiad y gwerth diweddaraf (gwag: dim data eto)",
          "Date of the latest value (empty: no data yet)",
          lambda r, s: r.readings[-1].date if r.readings else None),
     *col("progress", "number", "Cynnydd: cyfran y ffordd o'r llinell sylfaen i'r targed "
          "(1 = 100%; negatif: wedi symud oddi wrth y targed)", "Progress: share of the way "
          "from baseline to target (1 = 100%; negative: moved away from the target)",
          lambda r, s: r.progress, required=True),
     *col("expected", "number", "Y gyfran a ddisgwylir erbyn y dyddiad cyfeirio",
          "The share expected by the as-of date", lambda r, s: r.expected, required=True),
     *col("status", "string", "Statws: met, on-track, off-track neu no-data",
          "Status: met, on-track, off-track or no-data", lambda r, s: r.status,
          required=True, enum=codes(ObjectiveStatus))),
    lambda s: s.state.objectives, ident=lambda r, s: r.objective.id)


@dataclass(frozen=True)
class IndicatorValue:
    objective: str
    date: date
    kind: Literal["baseline", "update", "target"]
    value: float
    note: Text | None = None
    source: Text | None = None  # a value's own source (contract 1.2)


def _indicator_values(source: Source) -> Iterator[IndicatorValue]:
    for o in source.state.objectives:
        obj = o.objective
        yield IndicatorValue(obj.id, obj.baseline.date, "baseline", obj.baseline.value,
                             obj.baseline.source)
        for reading in o.readings:
            yield IndicatorValue(obj.id, reading.date, "update", reading.value, reading.note,
                                 reading.source)
        yield IndicatorValue(obj.id, obj.target.date, "target", obj.target.value)


INDICATOR_VALUES = Table(
    "indicator_values", "Gwerthoedd dangosydd pob amcan: y llinell sylfaen, pob diweddariad "
    "a'r targed", "Each objective's indicator values: the baseline, every update and the target",
    (*ref("objective", "Dynodydd yr amcan (objectives)", "Id of the objective (objectives)"),
     *attr("date", "date", "Dyddiad", "Date"),
     *attr("kind", "string", "Math: baseline, update neu target",
           "Kind: baseline, update or target", enum=("baseline", "update", "target")),
     *attr("value", "number", "Gwerth", "Value"),
     *words("note", "Nodyn (ffynhonnell y llinell sylfaen, neu nodyn y diweddariad)",
            "Note (the baseline's source, or the update's note)", required=False),
     *words("source", "Ffynhonnell gwerth sydd â'i gyfnod cyfeirio ei hun (arolwg)",
            "Source of a value with a reference period of its own (a survey)",
            required=False)),
    _indicator_values, ident=None, key=("objective", "kind", "date"),
    links=(("objective", "objectives"),))

MILESTONES = Table(
    "milestones", "Cerrig milltir pob rhaglen, gyda'u statws fel y mae'r dudalen gynllun yn "
    "ei ddangos", "Each programme's milestones, with their status as the plan page shows it",
    (*words("title", "Teitl", "Title", lambda r: r.milestone.title),
     *col("due", "date", "Dyddiad dyledus", "Due date", lambda r, s: r.milestone.due,
          required=True),
     *attr("forecast", "date", "Y rhagolwg diweddaraf", "The latest forecast", required=False),
     *attr("completed", "date", "Dyddiad cwblhau", "Date completed", required=False),
     *col("cancelled", "boolean", "Wedi'i ganslo", "Cancelled",
          lambda r, s: r.milestone.cancelled, required=True),
     *refs("objectives", "Amcanion (objectives)", "Objectives (objectives)",
           lambda r: r.milestone.objectives),
     *col("owner", "string", "Dynodydd y rôl sy'n gyfrifol", "Id of the role responsible",
          lambda r, s: s.ref(r.milestone.owner)),
     *attr("status", "string", "Statws", "Status", enum=codes(MilestoneStatus)),
     *attr("days_late", "integer", "Dyddiau'n hwyr (0: ddim yn hwyr)",
           "Days late (0: not late)", minimum=0)),
    lambda s: s.state.milestones, ident=lambda r, s: r.milestone.id)

BUDGET_LINES = Table(
    "budget_lines", "Llinellau cyllideb pob rhaglen: wedi'i gynllunio, wedi'i wario hyd yma "
    "a'r hyn sy'n weddill", "Each programme's budget lines: planned, spent to date and what "
    "remains",
    (*words("title", "Teitl", "Title", lambda r: r.line.title),
     *col("category", "string", "Math o adnodd", "Kind of resource",
          lambda r, s: r.line.category, required=True, enum=codes(ResourceKind)),
     *col("funder", "string", "Dynodydd y cyllidwr (organisations)",
          "Id of the funder (organisations)", lambda r, s: s.ref(r.line.funder)),
     *col("currency", "string", "Arian cyfred (ISO 4217)", "Currency (ISO 4217)",
          lambda r, s: _currency(s), required=True),
     *col("planned", "number", f"Wedi'i gynllunio, {MONEY_CY}", f"Planned, {MONEY_EN}",
          lambda r, s: r.line.planned, required=True),
     *attr("spent", "number", f"Wedi'i wario hyd yma, {MONEY_CY}", f"Spent to date, {MONEY_EN}"),
     *attr("remaining", "number", "Yn weddill (negatif: dros y gyllideb o'r swm hwnnw)",
           "Remaining (negative: over budget by that amount)"),
     *attr("over_budget", "boolean", "Dros y gyllideb", "Over budget")),
    lambda s: s.state.budget, ident=lambda r, s: r.line.id)


def _currency(source: Source) -> str:
    plan = source.programme.plan
    return plan.budget.currency if plan else "GBP"


@dataclass(frozen=True)
class Spend:
    update: date
    line: BudgetLine
    spent: float


SPEND = Table(
    "spend", "Gwariant hyd yma fel yr adroddwyd ym mhob diweddariad, fesul llinell gyllideb",
    "Spend to date as each update reported it, per budget line",
    (*col("update", "date", "Dyddiad y diweddariad", "Date of the update",
          lambda r, s: r.update, required=True),
     *col("line", "string", "Dynodydd y llinell gyllideb (budget_lines)",
          "Id of the budget line (budget_lines)", lambda r, s: r.line.id, required=True),
     *col("currency", "string", "Arian cyfred (ISO 4217)", "Currency (ISO 4217)",
          lambda r, s: _currency(s), required=True),
     *attr("spent", "number", f"Wedi'i wario hyd y diweddariad, {MONEY_CY}",
           f"Spent up to the update, {MONEY_EN}"),
     *col("planned", "number", f"Wedi'i gynllunio ar gyfer y llinell, {MONEY_CY}",
          f"Planned for the line, {MONEY_EN}", lambda r, s: r.line.planned, required=True),
     *col("remaining", "number", "Yn weddill ar ddyddiad y diweddariad (negatif: dros y "
          "gyllideb)", "Remaining as of the update (negative: over budget)",
          lambda r, s: r.line.planned - r.spent, required=True),
     *col("over_budget", "boolean", "Dros y gyllideb ar ddyddiad y diweddariad",
          "Over budget as of the update", lambda r, s: overspent(r.line.planned, r.spent),
          required=True)),
    lambda s: (Spend(u.date, line.line, report.spent) for u in s.state.updates
               for report in u.report.spend
               for line in [s.state.budget_line(report.line)] if line is not None),
    ident=None, key=("update", "line"), links=(("line", "budget_lines"),))

TABLES = (OBJECTIVES, INDICATOR_VALUES, MILESTONES, BUDGET_LINES, SPEND)
