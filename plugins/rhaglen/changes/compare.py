"""What a reader of the site will see change between two versions of the data.

Pure: two loaded portfolios (with their warnings) and one as-of date in, a structured
list of changes out, derived from the same current state the pages show. Knows nothing
of git, MkDocs or any language: `diffsummary` words it; `pagechanges` compares the
rendered page files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from ..model.portfolio import Programme
from ..state.current import CurrentState, current_state, review_overdue
from ..state.freshness import reporting_interval, update_freshness
from ..text.problems import Problem
from .model import Event, Notice, ProgrammeChanges, Side
from .records import record_changes


def _warnings(programme: Programme, state: CurrentState, interval: int,
              problems: Iterable[Problem]) -> set[Notice]:
    days = reporting_interval(programme, interval)
    freshness = update_freshness(programme, state.as_of, days)
    notices: set[Notice] = set()
    if freshness == "stale":
        notices.add(Notice("latest.stale", age=(state.as_of - state.updates[-1].date).days,
                           interval=days))
    elif freshness == "missing":
        notices.add(Notice("latest.missing", interval=days,
                           start=programme.programme.start))
    notices.update(Notice("risks.review_overdue", r.risk.id, r.risk.title)
                   for r in state.risks if r.review_overdue)
    notices.update(Notice("monitoring.actions_overdue", a.action.id, a.action.title)
                   for a in state.actions if a.overdue)
    if programme.compliance:
        notices.update(Notice("compliance_page.review_overdue", r.id, r.title)
                       for r in programme.compliance.requirements
                       if review_overdue(r.review, state.as_of))
    notices.update(Notice("diff.validator", f"{p.path}: {p.location}: {p.message}")
                   for p in problems if p.severity == "warning")
    return notices


def _problems_of(problems: Iterable[Problem], root: str, slug: str) -> list[Problem]:
    prefix = f"{root.rstrip('/')}/{slug}/"
    return [p for p in problems if p.path.startswith(prefix)]


def _sorted(notices: set[Notice]) -> tuple[Notice, ...]:
    return tuple(sorted(notices, key=lambda n: (n.kind, n.ref, n.age)))


def programme_changes(before: Programme | None, after: Programme | None, as_of: date,
                      interval: int, problems: tuple[Iterable[Problem], Iterable[Problem]]
                      ) -> ProgrammeChanges:
    """What changes on one programme's pages; either side None when it is added or removed."""
    old = current_state(before, as_of) if before else None
    new = current_state(after, as_of) if after else None
    warned_before = _warnings(before, old, interval, problems[0]) if before and old else set()
    warned_after = _warnings(after, new, interval, problems[1]) if after and new else set()
    shown = after or before
    assert shown is not None, "a programme is on at least one side"
    event: Event = "added" if before is None else "removed" if after is None else "changed"
    records = (record_changes(before, old, after, new)
               if before and after and old and new else ())
    return ProgrammeChanges(shown.slug, shown.programme.title, event, tuple(records),
                            _sorted(warned_after - warned_before),
                            _sorted(warned_before - warned_after))


def portfolio_changes(base: Side, head: Side, as_of: date, interval: int
                      ) -> tuple[ProgrammeChanges, ...]:
    """Every programme of either side, by slug, with what a reader will see change.

    `interval` is the site's days between updates (a programme may set its own).
    """
    old: Mapping[str, Programme] = {p.slug: p for p in base.portfolio.programmes}
    new: Mapping[str, Programme] = {p.slug: p for p in head.portfolio.programmes}
    found = []
    for slug in sorted(set(old) | set(new)):
        problems = (_problems_of(base.problems, base.root, slug),
                    _problems_of(head.problems, head.root, slug))
        found.append(programme_changes(old.get(slug), new.get(slug), as_of, interval,
                                       problems))
    return tuple(found)
