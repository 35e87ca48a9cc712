"""Which pages the site has, where they live, and which YAML file each comes from.

Adding a page is one entry in PROGRAMME_PAGES (or SITE_PAGES) and one template.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..model.portfolio import Portfolio, Programme


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
    """A kind of page that every programme has."""

    kind: str
    subpath: str
    source: Callable[[Programme], str | None]


PROGRAMME_PAGES: tuple[ProgrammePage, ...] = (
    ProgrammePage("overview", "", lambda p: "programme.yml"),
)


def programme_path(slug: str, subpath: str = "") -> str:
    """The path of a programme's page, relative to a language root."""
    return f"programmes/{slug}/{subpath}"


def site_pages(portfolio: Portfolio) -> list[Page]:
    """Every generated page of the site."""
    pages = [Page("programmes/", "portfolio", "portfolio.md.j2", None,
                  {"portfolio": portfolio})]
    for programme in portfolio.programmes:
        for kind in PROGRAMME_PAGES:
            source = kind.source(programme)
            pages.append(Page(
                programme_path(programme.slug, kind.subpath), kind.kind, f"{kind.kind}.md.j2",
                f"{programme.slug}/{source}" if source else None,
                {"programme": programme, "portfolio": portfolio},
            ))
    return pages
