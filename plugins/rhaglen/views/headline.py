"""The figures a reader wants first, on the overview, the portfolio and the monitoring page."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.portfolio import Programme
from ..state.current import CurrentState, high_risks
from .base import Fact, Status, ViewContext


@dataclass(frozen=True)
class Headline:
    """Overall status, then objectives, milestones, spend, open high risks, overdue actions."""

    rag_term: str  # "Overall status"
    rag: Status  # the latest update's RAG, or "none" before the first update
    facts: tuple[Fact, ...]


def currency(programme: Programme) -> str:
    """The programme's budget currency (pounds before a plan is published)."""
    return programme.plan.budget.currency if programme.plan else "GBP"


def _risk_facts(ctx: ViewContext, state: CurrentState) -> list[Fact]:
    """Open high threats; open high opportunities separately, and only when there are any.

    An opportunity with a high score is good news: counting it with the threats would
    overstate what could go wrong.
    """
    facts = [Fact(ctx.t("monitoring.high_threats"),
                  ctx.number(high_risks(state.risks, "threat")))]
    opportunities = high_risks(state.risks, "opportunity")
    if opportunities:
        facts.append(Fact(ctx.t("monitoring.high_opportunities"), ctx.number(opportunities)))
    return facts


def rag_status(ctx: ViewContext, value: str | None) -> Status:
    """An overall status, or "No update yet"."""
    return ctx.status("rag", value or "none", "rag")


def headline_view(ctx: ViewContext, state: CurrentState, money: str) -> Headline:
    """The headline of one programme's state; `money` is its currency code."""
    good = sum(1 for o in state.objectives if o.status in ("met", "on-track"))
    late = sum(1 for m in state.milestones if m.status in ("overdue", "at-risk"))
    planned, spent = state.planned_total, state.spent_total
    share = spent / planned if planned else 0.0
    facts = [
        Fact(ctx.t("monitoring.objectives_on_track"),
             ctx.t("monitoring.count_of", n=good, total=len(state.objectives))),
        Fact(ctx.t("monitoring.milestones_late"),
             ctx.t("monitoring.count_of", n=late, total=len(state.milestones))),
        Fact(ctx.t("monitoring.spend"),
             ctx.t("monitoring.spend_share", spent=ctx.fmt.money(spent, money),
                   planned=ctx.fmt.money(planned, money), share=ctx.fmt.percent(share))),
        *_risk_facts(ctx, state),
        Fact(ctx.t("monitoring.actions_overdue"),
             ctx.t("monitoring.count_of", n=sum(1 for a in state.actions if a.overdue),
                   total=len(state.actions))),
    ]
    return Headline(ctx.t("rag.label"), rag_status(ctx, state.latest_rag),
                    tuple(facts))
