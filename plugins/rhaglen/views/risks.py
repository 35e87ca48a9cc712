"""The risks page: the register by kind, a heat map per kind, and the issue log.

Threats and opportunities are never counted or coloured together: each kind has its own
table, its own heat map and, for opportunities, a palette in which high is not red.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..model.risks import Issue, Risk
from ..render.grids import heat_map
from ..render.links import anchor
from ..state.current import CurrentState, RiskKind, RiskState, Score, open_risks, risk_band
from .base import NONE, Link, Status, ViewContext, choices
from .data_links import table_link
from .details import Record, detail, facts, record
from .frame import ProgrammeFrame, programme_frame


@dataclass(frozen=True)
class RiskRow:
    anchor: str
    title: str  # "R1 · Overspend on the offer"
    category: str  # empty when there is none
    inherent: Status  # scores as "12 (Medium)", styled by band
    residual: Status | None
    current: Status
    trend: str  # "Steady at 20 since the last review; up from 12 when raised"
    history: str  # "12 → 16 → 20 → 20", empty until the risk is re-scored
    response: str
    owner: Link
    review: str
    review_overdue: bool
    status: Status
    raised: str
    description: Markup
    actions: Markup
    scores: tuple[str, ...]  # "13 November 2026: 5 × 4 = 20 (High)", once re-scored


@dataclass(frozen=True)
class RiskGroup:
    kind: str  # the anchor of its section
    heading: str
    rows: tuple[RiskRow, ...]


@dataclass(frozen=True)
class HeatCell:
    likelihood: str
    impact: str
    score: Status  # "20 (High)"
    risks: tuple[Link, ...]


@dataclass(frozen=True)
class HeatMap:
    kind: str
    heading: str
    caption: str  # of the table with the same figures
    chart: Markup
    cells: tuple[HeatCell, ...]  # highest likelihood first; only cells that hold risks
    empty: str  # said instead of the table when no risk of this kind is open


@dataclass(frozen=True)
class IssueRow:
    anchor: str
    title: str
    description: Markup
    kind: str
    priority: Status
    raised: str
    owner: Link
    resolution: Markup
    resolved: str
    detail: Record | None  # description and resolution, below the table


@dataclass(frozen=True)
class RisksView:
    frame: ProgrammeFrame
    groups: tuple[RiskGroup, ...]  # every kind, in the contract's order, even when empty
    heat_maps: tuple[HeatMap, ...]  # one per kind
    issues: tuple[IssueRow, ...]  # newest first
    csv_risks: Link
    csv_risk_scores: Link  # every score in date order: what the heat maps show the latest of
    csv_issues: Link


def band_family(kind: str) -> str:
    """The style family of a risk's score: threats red when high, opportunities blue."""
    return "band" if kind == "threat" else f"{kind}-band"


def score_status(ctx: ViewContext, kind: str, value: int) -> Status:
    """A score in words with its band, such as "20 (High)", styled for the risk's kind."""
    band = risk_band(value)
    return Status(band_family(kind), band,
                  ctx.t("risks.score", score=value, band=ctx.t("band." + band)))


def trend_words(ctx: ViewContext, risk: RiskState) -> str:
    """The change since the previous score and the direction since the register's, in words.

    Such as "Steady at 20 since the last review; up from 12 when raised": a risk that
    rose and then held is never just "steady".
    """
    if risk.previous is None:
        return ctx.t("risk_trend.last.new")
    last = ctx.t("risk_trend.last." + risk.trend, before=risk.previous.value,
                 score=risk.current.value)
    overall = ctx.t("risk_trend.overall." + risk.direction, first=risk.inherent.value)
    return f"{last}; {overall}"


def _score_line(ctx: ViewContext, risk: Risk, score: Score) -> str:
    when = (ctx.date(score.date) if score.date
            else f"{ctx.t('risks.raised')} {ctx.date(risk.raised)}")
    parts = ctx.t("risks.score_parts", likelihood=score.likelihood, impact=score.impact,
                  score=score.value)
    return f"{when}: {parts} ({ctx.t('band.' + score.band)})"


def _row(ctx: ViewContext, r: RiskState) -> RiskRow:
    risk, kind = r.risk, r.risk.kind
    rescored = len(r.history) > 1
    return RiskRow(
        anchor=anchor("risk", risk.id), title=f"{risk.id} · {risk.title(ctx.lang)}",
        category=risk.category(ctx.lang) if risk.category else "",
        inherent=score_status(ctx, kind, r.inherent.value),
        residual=score_status(ctx, kind, r.residual.value) if r.residual else None,
        current=score_status(ctx, kind, r.current.value),
        trend=trend_words(ctx, r),
        history=" → ".join(str(s.value) for s in r.history) if rescored else "",
        response=ctx.t("response." + risk.response), owner=ctx.ref(risk.owner),
        review=ctx.date(risk.review), review_overdue=r.review_overdue,
        status=ctx.status("risk", r.status), raised=ctx.date(risk.raised),
        description=ctx.prose(risk.description), actions=ctx.prose(risk.actions),
        scores=tuple(_score_line(ctx, risk, s) for s in r.history) if rescored else ())


def heat_cells(risks: tuple[RiskState, ...], kind: RiskKind
               ) -> list[tuple[int, int, list[str]]]:
    """The cells of one kind's heat map that hold open risks: likelihood, impact, ids.

    Highest likelihood first, then highest impact.
    """
    cells: dict[tuple[int, int], list[str]] = {}
    for risk in open_risks(risks, kind):
        cells.setdefault((risk.current.likelihood, risk.current.impact), []).append(
            risk.risk.id)
    return sorted(((lk, im, ids) for (lk, im), ids in cells.items()), reverse=True)


def heat_map_view(ctx: ViewContext, state: CurrentState, kind: RiskKind) -> HeatMap:
    """One kind's heat map as a chart, with a table of the same figures."""
    cells = heat_cells(state.risks, kind)
    words = {"likelihood": ctx.t("risks.likelihood"), "impact": ctx.t("risks.impact"),
             **{band: ctx.t("band." + band) for band in ("low", "medium", "high")}}
    group = f"risk_group.{kind}."
    chart = heat_map(f"heat-map-{kind}", ctx.t(group + "heat_title"),
                     ctx.t(group + "heat_desc"),
                     {(lk, im): ids for lk, im, ids in cells}, risk_band, words, palette=kind)
    rows = tuple(HeatCell(ctx.number(lk), ctx.number(im), score_status(ctx, kind, lk * im),
                          ctx.refs(ids)) for lk, im, ids in cells)
    return HeatMap(kind, ctx.t(group + "heading"), ctx.t(group + "heat_counts"), chart, rows,
                   ctx.t(group + "none_open"))


def _issue(ctx: ViewContext, issue: Issue) -> IssueRow:
    key, title = anchor("issue", issue.id), f"{issue.id} · {issue.title(ctx.lang)}"
    description = ctx.prose(issue.description)
    resolution = ctx.prose(issue.resolution) if issue.resolution else Markup(NONE)
    more = record(key, title, facts(
        detail(ctx.t("risks.description"), description),
        detail(ctx.t("risks.resolution"), resolution) if issue.resolution else None))
    return IssueRow(
        anchor=key, title=title, description=description,
        kind=ctx.t("issue_kind." + issue.kind),
        priority=ctx.status("priority", issue.priority, "priority"),
        raised=ctx.date(issue.raised),
        owner=ctx.ref(issue.owner) if issue.owner else Link(NONE),
        resolution=resolution,
        resolved=ctx.date(issue.resolved) if issue.resolved else ctx.t("risks.unresolved"),
        detail=more)


def risks_view(ctx: ViewContext) -> RisksView:
    """The register grouped by kind, a heat map per kind, and issues newest first."""
    programme, state = ctx.page.data["programme"], ctx.page.data["state"]
    kinds: tuple[RiskKind, ...] = choices(Risk, "kind")  # type: ignore[assignment]
    groups = tuple(
        RiskGroup(kind, ctx.t(f"risk_group.{kind}.heading"),
                  tuple(_row(ctx, r) for r in state.risks if r.risk.kind == kind))
        for kind in kinds)
    issues = sorted(state.issues, key=lambda i: (i.raised, i.id), reverse=True)
    return RisksView(programme_frame(ctx, programme), groups,
                     tuple(heat_map_view(ctx, state, kind) for kind in kinds),
                     tuple(_issue(ctx, i) for i in issues), table_link(ctx, "risks"),
                     table_link(ctx, "risk_scores"), table_link(ctx, "issues"))
