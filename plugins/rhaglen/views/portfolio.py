"""The portfolio: every programme as a card, with its latest status and how recent it is."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..model.portfolio import Programme
from ..render.pages import programme_path
from .base import Link, Status, ViewContext
from .data_links import data_page_link, feed_link
from .headline import Headline, currency, headline_view
from .staleness import LatestUpdate, latest_update_view


@dataclass(frozen=True)
class ProgrammeCard:
    title: Link
    stage: Status
    type: str
    dates: str
    summary: Markup
    latest: LatestUpdate
    headline: Headline


@dataclass(frozen=True)
class PortfolioView:
    intro: str  # the page's lede with the number of programmes
    cards: tuple[ProgrammeCard, ...]  # by title in the page's language
    feed: Link  # every programme's updates and lessons, in the page's language
    data: Link  # the "Open data" page


def _card(ctx: ViewContext, programme: Programme) -> ProgrammeCard:
    p = programme.programme
    state = ctx.page.data["states"][programme.slug]
    interval = ctx.page.data["reporting_intervals"][programme.slug]
    return ProgrammeCard(
        title=Link(p.title(ctx.lang), ctx.href(programme_path(programme.slug))),
        stage=ctx.status("stage", p.stage, "stage"),
        type=ctx.t("type." + p.type),
        dates=ctx.t("site.date_range", start=ctx.date(p.start), end=ctx.date(p.end)),
        summary=ctx.prose(p.summary),
        latest=latest_update_view(ctx, state, interval, programme),
        headline=headline_view(ctx, state, currency(programme)),
    )


def portfolio_view(ctx: ViewContext) -> PortfolioView:
    """Every programme, sorted by title in the page's language."""
    programmes = ctx.sorted(ctx.page.data["portfolio"].programmes,
                            lambda p: p.programme.title(ctx.lang))
    intro = (f"{ctx.t('portfolio.intro')} "
             f"{ctx.t.plural('portfolio.count', len(programmes))}.")
    return PortfolioView(intro, tuple(_card(ctx, p) for p in programmes), feed_link(ctx),
                         data_page_link(ctx))
