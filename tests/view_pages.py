"""Views and generated pages of the demo data or of hand-built programmes, without MkDocs."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from bs4 import BeautifulSoup
from rhaglen.data.load import load_portfolio
from rhaglen.model.portfolio import Portfolio
from rhaglen.pages.generate import site_files
from rhaglen.render.pages import Page, site_pages
from rhaglen.state.freshness import DEFAULT_REPORTING_INTERVAL
from rhaglen.views import page_view
from rhaglen.views.base import ViewContext, page_context

from .helpers import AS_OF, REPO

DAY = date.fromisoformat(AS_OF)
WALK = "programmes/cerdded-i-r-ysgol/"
BREATHE = "programmes/anadlu-n-rhydd/"


@cache
def demo() -> Portfolio:
    """The demo programmes, loaded as of the demo day."""
    result = load_portfolio(REPO / "programmes", DAY)
    assert result.portfolio is not None
    return result.portfolio


def context(portfolio: Portfolio, path: str, lang: str, as_of: date = DAY,
            interval: int = DEFAULT_REPORTING_INTERVAL) -> ViewContext:
    """The view context of the page at `path`, as `render_page` builds it."""
    page: Page = next(p for p in site_pages(portfolio, as_of, interval) if p.path == path)
    return page_context(page, lang, "cy")


def view(portfolio: Portfolio, path: str, lang: str, **options: Any) -> Any:
    """The view of the page at `path` in `lang`."""
    return page_view(context(portfolio, path, lang, **options))


def soup(portfolio: Portfolio, path: str, lang: str, as_of: date = DAY,
         interval: int = DEFAULT_REPORTING_INTERVAL) -> BeautifulSoup:
    """The generated Markdown of a page (HTML in Markdown), parsed."""
    files = site_files(portfolio, as_of, ("cy", "en"), "cy", reporting_interval=interval)
    suffix = "" if lang == "cy" else f".{lang}"
    return BeautifulSoup(files[f"{path}index{suffix}.md"], "html.parser")


def words(element: Any) -> str:
    """The text of an element with its whitespace collapsed, as a reader sees it."""
    return " ".join(element.get_text().split())


__all__ = ["BREATHE", "DAY", "WALK", "context", "demo", "soup", "view", "words"]
