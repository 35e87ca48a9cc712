"""`data/programmes/<slug>.json`: one programme's public record and its current state.

Every figure comes from `state.py`, the module the pages take theirs from, so the file
says what the site shows. Keys keep the model's order (the order of the contract's
fields), so the same data and as-of date always give the same bytes.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from ..model.portfolio import Portfolio, Programme
from ..model.types import Text
from ..render.opendata import feed_path, json_path
from ..render.pages import PROGRAMME_PAGES, programme_path, update_path
from ..state.current import CurrentState, RiskState, Score, current_state, high_risks
from ..state.freshness import reporting_interval, update_freshness
from ..text.i18n import LANGUAGES
from ..views.headline import currency
from ..views.licence import licence_url
from .programme_model import (
    ActionNow,
    BudgetLineNow,
    BudgetNow,
    ChangeNow,
    LanguagePages,
    LatestUpdate,
    MilestoneNow,
    ObjectiveNow,
    Pages,
    ProgrammeExport,
    ProgrammeRecord,
    RagEntry,
    Reading,
    RiskNow,
    ScoreNow,
    Spend,
    StateNow,
    UpdatePage,
    UpdateRecord,
)
from .urls import absolute_url

if TYPE_CHECKING:
    from . import ExportSettings


def json_files(portfolio: Portfolio, as_of: date, settings: ExportSettings) -> dict[str, bytes]:
    """One JSON file per programme, by its path from the site root."""
    return {json_path(p.slug): programme_json(p, as_of, settings)
            for p in portfolio.programmes}


def programme_json(programme: Programme, as_of: date, settings: ExportSettings) -> bytes:
    """The programme's JSON, indented, UTF-8, ending with a newline."""
    data = programme_export(programme, as_of, settings).model_dump(mode="json", by_alias=True)
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def programme_export(programme: Programme, as_of: date, settings: ExportSettings
                     ) -> ProgrammeExport:
    """The programme's public record, its addresses and its current state as of `as_of`."""
    spdx = programme.programme.licence
    return ProgrammeExport(
        slug=programme.slug,
        as_of=as_of,
        licence=spdx,
        licence_url=Text(cy=licence_url(spdx, "cy"), en=licence_url(spdx, "en")),
        pages=Pages(**{lang: _pages(programme, settings, lang) for lang in LANGUAGES}),
        record=_record(programme),
        state=_state(programme, current_state(programme, as_of), settings),
    )


def _record(programme: Programme) -> ProgrammeRecord:
    files = {name: getattr(programme, name) for name in ProgrammeRecord.model_fields
             if name != "updates"}
    updates = tuple(UpdateRecord(date=u.date, report=u.report)
                    for u in sorted(programme.updates, key=lambda u: u.date))
    return ProgrammeRecord(updates=updates, **files)


def _pages(programme: Programme, settings: ExportSettings, lang: str) -> LanguagePages:
    def url(path: str) -> str:
        return absolute_url(settings, lang, path)

    slug = programme.slug
    return LanguagePages(
        pages={page.kind: url(programme_path(slug, page.subpath)) for page in PROGRAMME_PAGES},
        updates=tuple(UpdatePage(date=u.date, url=url(update_path(slug, u.date)))
                      for u in sorted(programme.updates, key=lambda u: u.date)),
        feed=url(feed_path(slug)),
    )


def _score(score: Score) -> ScoreNow:
    return ScoreNow(date=score.date, likelihood=score.likelihood, impact=score.impact,
                    score=score.value, band=score.band)


def _risk(r: RiskState) -> RiskNow:
    return RiskNow(id=r.risk.id, kind=r.risk.kind, status=r.status, score=r.current.value,
                   band=r.current.band, trend=r.trend, direction=r.direction,
                   review_overdue=r.review_overdue,
                   history=tuple(_score(s) for s in r.history))


def _budget(programme: Programme, state: CurrentState) -> BudgetNow:
    lines = tuple(
        BudgetLineNow(id=b.line.id, planned=b.line.planned, spent=b.spent,
                      remaining=b.remaining, over_budget=b.over_budget,
                      history=tuple(Spend(date=day, spent=spent) for day, spent in b.history))
        for b in state.budget)
    return BudgetNow(currency=currency(programme), planned=state.planned_total,
                     spent=state.spent_total, lines=lines)


def _latest(programme: Programme, state: CurrentState, interval: int) -> LatestUpdate:
    latest = state.updates[-1] if state.updates else None
    return LatestUpdate(
        date=latest.date if latest else None,
        period=latest.report.period if latest else None,
        freshness=update_freshness(programme, state.as_of, interval),
        reporting_interval=interval,
    )


def _state(programme: Programme, state: CurrentState, settings: ExportSettings) -> StateNow:
    interval = reporting_interval(programme, settings.reporting_interval)
    return StateNow(
        latest_update=_latest(programme, state, interval),
        rag=tuple(RagEntry(date=day, rag=rag) for day, rag in state.rag),
        objectives=tuple(
            ObjectiveNow(id=o.objective.id, latest=o.latest, progress=o.progress,
                         expected=o.expected, status=o.status,
                         readings=tuple(Reading(date=r.date, value=r.value, note=r.note,
                                                source=r.source) for r in o.readings))
            for o in state.objectives),
        milestones=tuple(
            MilestoneNow(id=m.milestone.id, forecast=m.forecast, completed=m.completed,
                         status=m.status, days_late=m.days_late)
            for m in state.milestones),
        budget=_budget(programme, state),
        risks=tuple(_risk(r) for r in state.risks),
        high_threats=high_risks(state.risks, "threat"),
        high_opportunities=high_risks(state.risks, "opportunity"),
        actions=tuple(ActionNow(action=a.action, first_reported=a.first_reported,
                                last_reported=a.last_reported, overdue=a.overdue)
                      for a in state.actions),
        changes=tuple(ChangeNow(update=c.date, change=c.change) for c in state.changes),
    )
