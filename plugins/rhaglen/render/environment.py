"""The Jinja environment and the rendering of one page in one language."""

from __future__ import annotations

from collections.abc import Iterable
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

from ..formatting import Formatter
from ..i18n import Strings
from ..model.portfolio import Programme
from ..model.programme import STAGES
from ..model.types import Text
from ..state import risk_band
from .figures import Views
from .links import Links, anchor
from .markup import front_matter, md_text, plain, prose
from .pages import PROGRAMME_PAGES, PUBLISHED, Page, programme_path
from .views import page_view
from .views.base import ViewContext
from .views.frame import programme_frame


@cache
def environment(overrides: Path | None = None) -> Environment:
    """Autoescaping on, undefined names an error, filters for every place text lands.

    Templates in `overrides` (a site's own folder) are used before the package's, so a
    site can replace any page's template, or a macro file, by giving it the same name.
    """
    package = PackageLoader("rhaglen", "templates")
    loader: BaseLoader = (ChoiceLoader([FileSystemLoader(overrides), package])
                          if overrides is not None and overrides.is_dir() else package)
    env = Environment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown heading ids are written {#id}, so Jinja comments are <#-- ... --#>.
        comment_start_string="<#--",
        comment_end_string="--#>",
    )
    env.filters.update(md=md_text, front=front_matter, prose=prose, plain=plain)
    env.tests.update(contains=lambda items, value: value in items,
                     contains_ref=lambda refs, ref: ref.lower() in {r.lower() for r in refs})
    return env


def sort_by_text(items: Iterable[Any], attr: str, lang: str) -> list[Any]:
    """`items` in the alphabetical order of `lang`, by the text at the dotted `attr`."""
    fmt = Formatter(lang)

    def key(item: Any) -> tuple[object, ...]:
        value = item
        for part in attr.split("."):
            value = value[int(part)] if part.isdigit() else getattr(value, part)
        return fmt.sort_key(value(lang) if isinstance(value, Text) else str(value))

    return sorted(items, key=key)


def render_page(page: Page, lang: str, overrides: Path | None = None) -> str:
    """The Markdown source of `page` in `lang`, with templates in `overrides` first."""
    fmt = Formatter(lang)
    context: dict[str, Any] = {
        "lang": lang,
        "t": Strings(lang),
        "fmt": fmt,
        "page": page,
        "link": page.link,
        "programme_pages": PROGRAMME_PAGES,
        "programme_path": programme_path,
        "sort": lambda items, attr: sort_by_text(items, attr, lang),
        "anchor": anchor,
        "engagement_stages": [stage for stage in STAGES if stage != "closed"],
        "sort_pairs": lambda labels: sorted(((key, text(lang)) for key, text in labels.items()),
                                            key=lambda pair: fmt.sort_key(pair[1])),
        "band": risk_band,
        **page.data,
    }
    states = page.data.get("states", {})

    def views_of(programme: Programme) -> Views:
        currency = programme.plan.budget.currency if programme.plan else "GBP"
        state = page.data["state"] if "state" in page.data else states[programme.slug]
        return Views(state, context["t"], fmt, currency)

    context["views_of"] = views_of
    programme = page.data.get("programme")
    links = None
    if programme is not None:
        links = Links(programme, page.data["records"], lang, page.link, PUBLISHED)
        context["ref"] = links
        context["views"] = views_of(programme)
    ctx = ViewContext(page, lang, context["t"], fmt, links)
    if programme is not None:
        context["frame"] = programme_frame(ctx, programme)
    context["view"] = page_view(ctx)
    return environment(overrides).get_template(page.template).render(context)
