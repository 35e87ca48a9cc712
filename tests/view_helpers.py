"""Building a page's view without a site: the demo data or a hand-built programme."""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import cache
from typing import Any

from bs4 import BeautifulSoup
from markupsafe import Markup
from rhaglen.data.load import load_portfolio
from rhaglen.model.portfolio import Portfolio, Programme
from rhaglen.pages.environment import render_page
from rhaglen.render.pages import Page, site_pages
from rhaglen.views import page_view
from rhaglen.views.base import ViewContext, page_context

from .data.test_fixture import FIXTURE
from .helpers import AS_OF, REPO

BREATHE = "anadlu-n-rhydd"
WALK = "cerdded-i-r-ysgol"


@cache
def demo() -> Portfolio:
    """The demo programmes, loaded once."""
    portfolio = load_portfolio(REPO / "programmes", date.fromisoformat(AS_OF)).portfolio
    assert portfolio is not None
    return portfolio


@cache
def every_status() -> Portfolio:
    """The every-status fixture, loaded once."""
    portfolio = load_portfolio(FIXTURE, date.fromisoformat(AS_OF)).portfolio
    assert portfolio is not None
    return portfolio


@cache
def demo_pages() -> dict[str, Page]:
    """Every page of the demo data as of the fixed day, by path."""
    return {p.path: p for p in site_pages(demo(), date.fromisoformat(AS_OF))}


def with_programme(original: Programme, /, **files: Any) -> Portfolio:
    """The demo portfolio with one programme's files replaced."""
    changed = dataclasses.replace(original, **files)
    return dataclasses.replace(demo(), programmes=tuple(
        changed if p.slug == original.slug else p for p in demo().programmes))


def page_of(path: str, portfolio: Portfolio | None = None) -> Page:
    """The page at `path` (such as "programmes/anadlu-n-rhydd/pilot/") as of the demo date."""
    if portfolio is None:
        return demo_pages()[path]
    pages = site_pages(portfolio, date.fromisoformat(AS_OF))
    return next(p for p in pages if p.path == path)


def context(page: Page, lang: str) -> ViewContext:
    """The context a page's view is built in, as the renderer builds it (Welsh at the root)."""
    return page_context(page, lang, "cy")


def view_of(path: str, lang: str, portfolio: Portfolio | None = None) -> Any:
    """The view of the page at `path` in `lang`."""
    return page_view(context(page_of(path, portfolio), lang))


def demo_view(path: str, lang: str) -> Any:
    """The view of the demo page at `path` (such as "programmes/walk/plan/") in `lang`."""
    return view_of(path, lang)


def built_view(programme: Programme, subpath: str, lang: str, as_of: date) -> Any:
    """The view of one page of a hand-built programme."""
    pages = {p.path: p for p in site_pages(Portfolio((programme,)), as_of)}
    return page_view(context(pages[f"programmes/{programme.slug}/{subpath}"], lang))


def rendered(path: str, lang: str, portfolio: Portfolio | None = None) -> str:
    """The Markdown source of the page at `path` in `lang`."""
    return render_page(page_of(path, portfolio), lang)


def svg(chart: Markup, variant: str = "wide") -> BeautifulSoup:
    """A chart's drawing for a desk ("wide") or a phone ("narrow"), parsed."""
    soup = BeautifulSoup(str(chart), "html.parser")
    drawing = soup.find("svg", class_=f"rh-chart--{variant}")
    return BeautifulSoup(str(drawing), "html.parser") if drawing else soup
