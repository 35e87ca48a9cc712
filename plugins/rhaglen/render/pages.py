"""Which pages the site has, where they live, and which YAML file each comes from.

Adding a page is one entry in PROGRAMME_PAGES and one template.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..model.choices import choices
from ..model.outcomes import Lesson
from ..model.portfolio import Portfolio, Programme
from ..state.current import CurrentState, current_state
from ..state.freshness import DEFAULT_REPORTING_INTERVAL, reporting_interval
from .links import record_index, update_subpath
from .opendata import feed_path


@dataclass(frozen=True)
class Page:
    """One page, the same in every language: its path, template and data."""

    path: str  # relative to a language root, such as "programmes/walk/plan/"
    kind: str  # the catalogue key of its name: page.<kind>
    template: str
    source: str | None  # the file it is built from, relative to the programmes folder
    data: dict[str, Any] = field(default_factory=dict)

    def link(self, target: str) -> str:
        """A relative link from this page to the page at `target`."""
        return posixpath.relpath(target or ".", self.path or ".").rstrip("/") + "/"


@dataclass(frozen=True)
class ProgrammePage:
    """A kind of page that every programme has, published or "not yet"."""

    kind: str
    subpath: str
    source: str | None  # the file in the programme folder it is built from
    available: Callable[[Programme], bool]


PROGRAMME_PAGES: tuple[ProgrammePage, ...] = (
    ProgrammePage("overview", "", "programme.yml", lambda p: True),
    ProgrammePage("plan", "plan/", "plan.yml", lambda p: p.plan is not None),
    ProgrammePage("strategy", "strategy/", "strategy.yml", lambda p: p.strategy is not None),
    ProgrammePage("stakeholders", "stakeholders/", "programme.yml", lambda p: True),
    ProgrammePage("risks", "risks/", "risks.yml", lambda p: p.risks is not None),
    ProgrammePage("monitoring", "monitoring/", None, lambda p: bool(p.updates)),
    ProgrammePage("pilot", "pilot/", "pilot.yml", lambda p: p.pilot is not None),
    ProgrammePage("evaluation", "evaluation/", "evaluation.yml",
                  lambda p: p.evaluation is not None),
    ProgrammePage("lessons", "lessons/", "lessons.yml", lambda p: p.lessons is not None),
    ProgrammePage("sustainability", "sustainability/", "sustainability.yml",
                  lambda p: p.sustainability is not None),
    ProgrammePage("compliance", "compliance/", "compliance.yml",
                  lambda p: p.compliance is not None),
)
PUBLISHED = frozenset(page.subpath for page in PROGRAMME_PAGES)


def programme_path(slug: str, subpath: str = "") -> str:
    """The path of a programme's page, relative to a language root."""
    return f"programmes/{slug}/{subpath}"


def feed_href(page: Page) -> str:
    """A relative link from `page` to its feed: its programme's, else the whole site's."""
    programme = page.data.get("programme")
    target = feed_path(programme.slug if programme is not None else None)
    return posixpath.relpath(target, page.path or ".")


def update_path(slug: str, day: date) -> str:
    """The path of the page of a programme's update of `day`, relative to a language root."""
    return programme_path(slug, update_subpath(day))


LIBRARY = "lessons/"  # the site-wide library of lessons, from a language root


def tag_path(tag: str) -> str:
    """The library's page of one lesson tag, relative to a language root."""
    return f"{LIBRARY}tags/{tag}/"


def kind_path(kind: str) -> str:
    """The library's page of one kind of lesson, relative to a language root."""
    return f"{LIBRARY}kinds/{kind}/"


def lesson_tags(portfolio: Portfolio) -> list[str]:
    """Every tag that at least one published lesson carries: each has its own page."""
    return sorted({tag for p in portfolio.programmes if p.lessons
                   for lesson in p.lessons.lessons for tag in lesson.tags})


def _library_pages(portfolio: Portfolio) -> list[Page]:
    """The library, a page per tag in use and a page per kind of lesson (even empty)."""
    data = {"portfolio": portfolio}
    return [Page(LIBRARY, "library", "library.md.j2", None, data),
            *(Page(tag_path(tag), "library_tag", "library_list.md.j2", None,
                   {**data, "tag": tag}) for tag in lesson_tags(portfolio)),
            *(Page(kind_path(kind), "library_kind", "library_list.md.j2", None,
                   {**data, "kind": kind}) for kind in choices(Lesson, "kind"))]


def _programme_pages(programme: Programme, portfolio: Portfolio, state: CurrentState,
                     interval: int) -> list[Page]:
    common = {"programme": programme, "portfolio": portfolio, "state": state,
              "records": record_index(programme), "reporting_interval": interval}
    pages = []
    for kind in PROGRAMME_PAGES:
        available = kind.available(programme)
        source = f"{programme.slug}/{kind.source}" if kind.source and available else None
        pages.append(Page(programme_path(programme.slug, kind.subpath), kind.kind,
                          f"{kind.kind}.md.j2", source, {**common, "available": available}))
    for update in state.updates:
        pages.append(Page(
            update_path(programme.slug, update.date), "update",
            "update.md.j2", f"{programme.slug}/{update.source}",
            {**common, "update": update, "available": True}))
    return pages


def site_pages(portfolio: Portfolio, as_of: date,
               interval: int = DEFAULT_REPORTING_INTERVAL) -> list[Page]:
    """Every generated page of the site, judged as of `as_of`.

    `interval` is the site's days between monitoring updates; a programme may set its own.
    """
    states = {p.slug: current_state(p, as_of) for p in portfolio.programmes}
    intervals = {p.slug: reporting_interval(p, interval) for p in portfolio.programmes}
    pages = [Page("programmes/", "portfolio", "portfolio.md.j2", None,
                  {"portfolio": portfolio, "states": states, "reporting_intervals": intervals}),
             *_library_pages(portfolio)]
    for programme in portfolio.programmes:
        pages.extend(_programme_pages(programme, portfolio, states[programme.slug],
                                      intervals[programme.slug]))
    return pages
