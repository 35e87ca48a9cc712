"""Building a page's view without a site: the demo data or a hand-built programme."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from bs4 import BeautifulSoup
from markupsafe import Markup
from rhaglen.formatting import Formatter
from rhaglen.i18n import Strings
from rhaglen.load import load_portfolio
from rhaglen.model.portfolio import Portfolio, Programme
from rhaglen.render.links import Links
from rhaglen.render.pages import PUBLISHED, Page, site_pages
from rhaglen.render.views import page_view
from rhaglen.render.views.base import ViewContext

from .helpers import AS_OF, REPO


@cache
def demo_pages() -> dict[str, Page]:
    """Every page of the demo data as of the fixed day, by path."""
    result = load_portfolio(REPO / "programmes", date.fromisoformat(AS_OF))
    assert result.portfolio is not None and not result.problems
    return {p.path: p for p in site_pages(result.portfolio, date.fromisoformat(AS_OF))}


def context(page: Page, lang: str) -> ViewContext:
    """The context a page is rendered with, as the site builds it."""
    links = Links(page.data["programme"], page.data["records"], lang, page.link, PUBLISHED)
    return ViewContext(page, lang, Strings(lang), Formatter(lang), links)


def demo_view(path: str, lang: str) -> Any:
    """The view of the demo page at `path` (such as "programmes/walk/plan/") in `lang`."""
    return page_view(context(demo_pages()[path], lang))


def built_view(programme: Programme, subpath: str, lang: str, as_of: date) -> Any:
    """The view of one page of a hand-built programme."""
    pages = {p.path: p for p in site_pages(Portfolio((programme,)), as_of)}
    return page_view(context(pages[f"programmes/{programme.slug}/{subpath}"], lang))


def svg(chart: Markup) -> BeautifulSoup:
    """A chart's SVG, parsed."""
    return BeautifulSoup(str(chart), "html.parser")
