"""Building the views of demo pages, or of hand-edited programmes, without a site."""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import cache
from typing import Any

from rhaglen.formatting import Formatter
from rhaglen.i18n import Strings
from rhaglen.load import load_portfolio
from rhaglen.model.portfolio import Portfolio, Programme
from rhaglen.render.environment import render_page
from rhaglen.render.links import Links
from rhaglen.render.pages import PUBLISHED, Page, site_pages
from rhaglen.render.views import page_view
from rhaglen.render.views.base import ViewContext

from .helpers import AS_OF, REPO

BREATHE = "anadlu-n-rhydd"
WALK = "cerdded-i-r-ysgol"


@cache
def demo() -> Portfolio:
    """The demo programmes, loaded once."""
    portfolio = load_portfolio(REPO / "programmes", date.fromisoformat(AS_OF)).portfolio
    assert portfolio is not None
    return portfolio


def with_programme(original: Programme, /, **files: Any) -> Portfolio:
    """The demo portfolio with one programme's files replaced."""
    changed = dataclasses.replace(original, **files)
    return dataclasses.replace(demo(), programmes=tuple(
        changed if p.slug == original.slug else p for p in demo().programmes))


def page_of(path: str, portfolio: Portfolio | None = None) -> Page:
    """The page at `path` (such as "programmes/anadlu-n-rhydd/pilot/") as of the demo date."""
    pages = site_pages(portfolio or demo(), date.fromisoformat(AS_OF))
    return next(p for p in pages if p.path == path)


def context(page: Page, lang: str) -> ViewContext:
    """The context a page's view is built in, as the renderer builds it."""
    programme = page.data.get("programme")
    links = (Links(programme, page.data["records"], lang, page.link, PUBLISHED)
             if programme is not None else None)
    return ViewContext(page, lang, Strings(lang), Formatter(lang), links)


def view_of(path: str, lang: str, portfolio: Portfolio | None = None) -> Any:
    """The view of the page at `path` in `lang`."""
    return page_view(context(page_of(path, portfolio), lang))


def rendered(path: str, lang: str, portfolio: Portfolio | None = None) -> str:
    """The Markdown source of the page at `path` in `lang`."""
    return render_page(page_of(path, portfolio), lang)
