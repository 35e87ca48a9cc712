"""The Jinja environment and the rendering of one page in one language."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
)

from ..render.headings import number_headings
from ..render.markup import css_string, front_matter, plain, prose
from ..render.pages import Page, feed_href
from ..render.tables import label_cells
from ..text.i18n import LANGUAGES, Strings
from ..views import page_view
from ..views.base import Link, page_context
from ..views.frame import programme_frame


@cache
def environment(overrides: Path | None = None) -> Environment:
    """Autoescaping on, undefined names an error, filters for every place text lands.

    Templates in `overrides` (a site's own folder) are used before the package's, so a
    site can replace any page's template, or a macro file, by giving it the same name.
    """
    package = PackageLoader("rhaglen.pages", "templates")
    loader: BaseLoader = (ChoiceLoader([FileSystemLoader(overrides), package])
                          if overrides is not None and overrides.is_dir() else package)
    env = Environment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Comments are <#-- ... --#>, as when the pages were Markdown (ids as {#id}).
        comment_start_string="<#--",
        comment_end_string="--#>",
    )
    env.filters.update(front=front_matter, prose=prose, plain=plain, css=css_string,
                       label_cells=label_cells)
    return env


def page_feed(page: Page, t: Strings) -> Link:
    """The Atom feed a page announces: its programme's, or the whole site's."""
    programme = page.data.get("programme")
    title = (t("feed.programme", programme=programme.programme.title(t.lang))
             if programme is not None else t("feed.site"))
    return Link(title, feed_href(page))


def render_page(page: Page, lang: str, overrides: Path | None = None,
                default: str = LANGUAGES[0]) -> str:
    """The Markdown source of `page` in `lang`, with templates in `overrides` first.

    `default` is the language at the site root (the others are under /<lang>/), so that
    links to the language-neutral open-data files are right from every page.
    Templates see only the page's view (and, on a programme's pages, its frame), the
    language and its interface strings: everything derived lives in the view.
    """
    ctx = page_context(page, lang, default)
    programme = page.data.get("programme")
    context: dict[str, Any] = {"lang": lang, "t": ctx.t, "page": page, "view": page_view(ctx),
                               "head_feed": page_feed(page, ctx.t)}
    if programme is not None:
        context["frame"] = programme_frame(ctx, programme)
    return number_headings(environment(overrides).get_template(page.template).render(context))
