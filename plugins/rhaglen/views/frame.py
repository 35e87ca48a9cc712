"""What every page of a programme shows around its content: names, menus, licence."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..model.portfolio import Programme
from ..render.markup import plain
from ..render.pages import PROGRAMME_PAGES, programme_path
from .base import Link, ViewContext
from .licence import licence_url


@dataclass(frozen=True)
class NavItem:
    """One entry of the programme's page menu."""

    label: str
    href: str
    current: str | None  # aria-current: "page", "location" (an update's monitoring) or None


@dataclass(frozen=True)
class ProgrammeFrame:
    """The heading, menus and footer of one programme page."""

    name: str  # the programme's title
    heading: str  # the page's h1
    title: str  # the browser title
    description: str  # the page's meta description, plain text
    breadcrumbs: tuple[Link, ...]
    pages: tuple[NavItem, ...]
    available: bool  # False: the file behind this page is not written yet
    as_of: str  # "Information as of ..."
    licence: Markup  # "This programme's data is published under the <a>CC-BY-4.0</a> licence."


def licence_link(ctx: ViewContext, spdx: str) -> Markup:
    """The licence's name linked to its text, in the page's language where one exists."""
    return Markup('<a href="{}" rel="license">{}</a>').format(licence_url(spdx, ctx.lang), spdx)


def licence_sentence(ctx: ViewContext, spdx: str) -> Markup:
    """The catalogue's licence sentence with the licence's name linked to its text."""
    return Markup.escape(ctx.t("site.licence")).format(licence=licence_link(ctx, spdx))


def _nav(ctx: ViewContext, slug: str) -> tuple[NavItem, ...]:
    items = []
    for other in PROGRAMME_PAGES:
        target = programme_path(slug, other.subpath)
        current = ("page" if target == ctx.page.path
                   else "location" if ctx.page.kind == "update" and other.kind == "monitoring"
                   else None)
        items.append(NavItem(ctx.t("page." + other.kind), ctx.href(target), current))
    return tuple(items)


def programme_frame(ctx: ViewContext, programme: Programme) -> ProgrammeFrame:
    """The frame of `ctx.page`, a page of `programme`."""
    heading = None
    p = programme.programme
    name = p.title(ctx.lang)
    overview = ctx.page.kind == "overview"
    if ctx.page.kind == "update":
        heading = ctx.t("update.title", date=ctx.fmt.date(ctx.page.data["update"].date))
    here = heading or ctx.t("page." + ctx.page.kind)
    crumbs = [Link(ctx.t("page.portfolio"), ctx.href("programmes/"))]
    if not overview:
        crumbs.append(Link(name, ctx.href(programme_path(programme.slug))))
    if ctx.page.kind == "update":
        crumbs.append(Link(ctx.t("page.monitoring"),
                           ctx.href(programme_path(programme.slug, "monitoring/"))))
    as_of = ctx.page.data["state"].as_of
    return ProgrammeFrame(
        name=name,
        heading=name if overview else here,
        title=name if overview else f"{here} – {name}",
        description=plain(p.summary(ctx.lang)),
        breadcrumbs=tuple(crumbs),
        pages=_nav(ctx, programme.slug),
        available=bool(ctx.page.data.get("available", True)),
        as_of=ctx.t("common.as_of", date=ctx.fmt.date(as_of)),
        licence=licence_sentence(ctx, p.licence),
    )
