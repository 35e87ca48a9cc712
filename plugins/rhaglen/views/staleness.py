"""How recent a programme's monitoring is: its latest update, and a warning when it is old.

Shown on the overview, on each programme's card in the portfolio and on the monitoring
page, so that a reader never takes months-old figures for current ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..model.portfolio import Programme
from ..render.pages import update_path
from ..state.current import CurrentState
from ..state.freshness import Freshness, update_freshness
from .base import ViewContext


@dataclass(frozen=True)
class LatestUpdate:
    """The latest monitoring update in a sentence, with a warning when it is out of date."""

    freshness: Freshness  # current, stale, final, missing or none (freshness.update_freshness)
    sentence: Markup  # "Latest monitoring update: <a>13 November 2026</a>, covering ..."
    warning: str | None  # why the figures may be out of date, or None
    summary: Markup  # the latest update's summary (empty when there is no update)


def _days(ctx: ViewContext, n: int) -> str:
    return ctx.t.plural("common.days", n)


def _no_update(ctx: ViewContext, programme: Programme, freshness: Freshness,
               interval: int) -> LatestUpdate:
    warning = (ctx.t("latest.missing", start=ctx.date(programme.programme.start),
                     interval=_days(ctx, interval))
               if freshness == "missing" else None)
    return LatestUpdate(freshness, Markup.escape(ctx.t("latest.none")), warning, Markup(""))


def latest_update_view(ctx: ViewContext, state: CurrentState, interval: int,
                       programme: Programme | None = None) -> LatestUpdate:
    """The latest update of `programme` (default: the page's) as of the state's date.

    `interval` is the programme's days between updates (`reporting_interval`): an update
    older than that is stale, unless the programme has closed. With no update at all the
    sentence says so, and warns only when an update is due (see `update_freshness`).
    """
    programme = programme or ctx.page.data["programme"]
    freshness = update_freshness(programme, state.as_of, interval)
    if not state.updates:
        return _no_update(ctx, programme, freshness, interval)
    latest = state.updates[-1]
    period = latest.report.period
    href = ctx.href(update_path(programme.slug, latest.date))
    link = Markup('<a href="{}">{}</a>').format(href, ctx.date(latest.date))
    sentence = Markup.escape(ctx.t("latest.sentence")).format(
        update=link, period=ctx.t("site.date_range", start=ctx.date(period.start),
                                  end=ctx.date(period.end)))
    warning = (ctx.t("latest.stale", age=_days(ctx, (state.as_of - latest.date).days),
                     interval=_days(ctx, interval))
               if freshness == "stale" else None)
    return LatestUpdate(freshness, sentence, warning, ctx.prose(latest.report.summary))
