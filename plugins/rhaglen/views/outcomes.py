"""The pilot and evaluation pages: what was found, and results against each objective."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..model.outcomes import EvaluationFile, EvaluationResult, PilotFile, PilotResult
from ..model.types import Text
from ..state.current import ObjectiveState
from .base import NONE, Fact, Link, Status, ViewContext
from .data_links import table_link
from .details import Record, detail, facts, record
from .frame import ProgrammeFrame, programme_frame


@dataclass(frozen=True)
class ResultRow:
    """One objective: where it started, where it aimed, what was achieved and whether met."""

    objective: Link
    baseline: str
    target: str
    unit: str
    achieved: str  # a dash when not reported
    met: Status | None  # None: not reported
    note: Markup  # empty when there is none
    detail: Record | None  # the note or commentary, below the table


_EMPTY = Markup("")


@dataclass(frozen=True)
class PilotView:
    """The pilot page; only `frame` is set while pilot.yml is not written."""

    frame: ProgrammeFrame
    dates: str = ""
    decision: str = ""
    summary: Markup = _EMPTY
    scope: Markup = _EMPTY
    results: tuple[ResultRow, ...] = ()  # only the objectives the pilot reports on
    findings: Markup = _EMPTY
    rationale: Markup = _EMPTY
    csv_results: Link | None = None  # pilot_results


@dataclass(frozen=True)
class Presented:
    date: str
    with_: tuple[Link, ...]
    format: str


@dataclass(frozen=True)
class EvaluationView:
    """The evaluation page; only `frame` is set while evaluation.yml is not written."""

    frame: ProgrammeFrame
    facts: tuple[Fact, ...] = ()  # published, kinds of evaluation
    report: str | None = None  # the full report's address
    summary: Markup = _EMPTY
    methods: Markup = _EMPTY
    results: tuple[ResultRow, ...] = ()  # every objective, reported or not
    limitations: Markup = _EMPTY
    value_for_money: Markup = _EMPTY
    presented: tuple[Presented, ...] = ()  # in date order
    recommendations: tuple[str, ...] = ()
    csv_results: Link | None = None  # evaluation_results


Result = PilotResult | EvaluationResult


def _note(ctx: ViewContext, result: Result) -> Markup:
    if isinstance(result, EvaluationResult):
        return ctx.prose(result.commentary)
    note: Text | None = result.note
    return _EMPTY if note is None else Markup.escape(note(ctx.lang))


def _target(ctx: ViewContext, result: Result | None, planned: float) -> str:
    """The target a result is judged against: a pilot's own (contract 1.2), said to be the
    pilot's beside the programme's, else the plan's."""
    if isinstance(result, PilotResult) and result.target is not None:
        return ctx.t("pilot.own_target", value=ctx.number(result.target),
                     planned=ctx.number(planned))
    return ctx.number(planned)


def result_rows(ctx: ViewContext, results: Sequence[Result],
                objectives: Sequence[ObjectiveState], every: bool) -> tuple[ResultRow, ...]:
    """The results matched to the plan's objectives, in the plan's order.

    A result names its objective by id (any case). With `every`, an objective with no
    result still has a row, "not reported"; otherwise only reported objectives show.
    """
    by_id = {r.objective.lower(): r for r in results}
    rows = []
    for state in objectives:
        o = state.objective
        result = by_id.get(o.id.lower())
        if result is None and not every:
            continue
        link, note = ctx.ref(o.id), _EMPTY if result is None else _note(ctx, result)
        rows.append(ResultRow(
            link, ctx.number(o.baseline.value), _target(ctx, result, o.target.value),
            o.unit(ctx.lang), NONE if result is None else ctx.number(result.value),
            None if result is None else ctx.status("met", result.met, "met"), note,
            record(f"result-{o.id.lower()}", link.label,
                   facts(detail(ctx.t("common.note"), note)))))
    return tuple(rows)


def _frame_and(ctx: ViewContext, file: str) -> tuple[ProgrammeFrame, object]:
    """The page's frame, and the programme's file behind it (None: not written yet)."""
    programme = ctx.page.data["programme"]
    return programme_frame(ctx, programme), getattr(programme, file)


def _objectives(ctx: ViewContext) -> tuple[ObjectiveState, ...]:
    objectives: tuple[ObjectiveState, ...] = ctx.page.data["state"].objectives
    return objectives


def pilot_view(ctx: ViewContext) -> PilotView:
    """The pilot: its dates, results for the objectives it tested, and the decision."""
    frame, pilot = _frame_and(ctx, "pilot")
    if pilot is None:
        return PilotView(frame)
    assert isinstance(pilot, PilotFile)
    return PilotView(
        frame=frame,
        dates=ctx.t("site.date_range", start=ctx.date(pilot.start), end=ctx.date(pilot.end)),
        decision=ctx.t("decision." + pilot.decision),
        summary=ctx.prose(pilot.summary),
        scope=ctx.prose(pilot.scope),
        results=result_rows(ctx, pilot.results, _objectives(ctx), every=False),
        findings=ctx.prose(pilot.findings),
        rationale=ctx.prose(pilot.rationale),
        csv_results=table_link(ctx, "pilot_results"),
    )


def evaluation_view(ctx: ViewContext) -> EvaluationView:
    """The evaluation: what kind, results for every objective, who heard them."""
    frame, ev = _frame_and(ctx, "evaluation")
    if ev is None:
        return EvaluationView(frame)
    assert isinstance(ev, EvaluationFile)
    kinds = ", ".join(ctx.t("evaluation_kind." + kind) for kind in ev.kinds)
    return EvaluationView(
        frame=frame,
        facts=(Fact(ctx.t("evaluation.published"), ctx.date(ev.published)),
               Fact(ctx.t("evaluation.kinds"), kinds)),
        report=ev.report,
        summary=ctx.prose(ev.summary),
        methods=ctx.prose(ev.methods),
        results=result_rows(ctx, ev.results, _objectives(ctx), every=True),
        limitations=ctx.prose(ev.limitations),
        value_for_money=ctx.prose(ev.value_for_money),
        presented=tuple(Presented(ctx.date(p.date), ctx.refs(p.with_), p.format(ctx.lang))
                        for p in sorted(ev.presented_to, key=lambda p: p.date)),
        recommendations=tuple(r(ctx.lang) for r in ev.recommendations),
        csv_results=table_link(ctx, "evaluation_results"),
    )
