"""The site-wide library of lessons, and its page per tag and per kind of lesson.

Every lesson of every programme with its recommendation and its programme, so that other
organisations can reuse it. The pages per tag and per kind filter the library without
JavaScript; the library links to each, and to the lessons as one CSV table and a feed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from markupsafe import Markup

from ..model.outcomes import Lesson
from ..model.portfolio import Portfolio, Programme
from ..model.types import Text
from ..render.links import anchor
from ..render.pages import LIBRARY, kind_path, lesson_tags, programme_path, tag_path
from .base import Link, Status, ViewContext, choices
from .data_links import feed_link, table_path

Entry = tuple[Programme, Lesson]


@dataclass(frozen=True)
class LibraryItem:
    """One lesson as the library shows it."""

    lesson: Link  # to the lesson on its programme's lessons page
    programme: Link  # to the programme's overview
    kind: Status
    stage: str
    date: str
    recommendation: Markup
    tags: tuple[Link, ...]  # each to its tag's page, in the page's order


@dataclass(frozen=True)
class Topic:
    """A tag or a kind of lesson in the library's index: its page and how many lessons."""

    link: Link
    count: str  # "3 lessons"


@dataclass(frozen=True)
class Reuse:
    """Where the lessons can be taken from: one CSV table, and the feed of new ones."""

    csv: Link  # every programme's lessons, data/lessons.csv
    feed: Link  # the site's feed in the page's language


@dataclass(frozen=True)
class LibraryView:
    """The library is not a programme page: it has its own title and description."""

    title: str
    description: str
    intro: str
    has_lessons: bool  # False: the site has no published lesson yet
    tags: tuple[Topic, ...]  # the tags that lessons carry, in the page's order
    kinds: tuple[Topic, ...]  # every kind, in the contract's order, even with no lesson
    lessons: tuple[LibraryItem, ...]  # every lesson, by title in the page's order
    reuse: Reuse


@dataclass(frozen=True)
class LessonListView:
    """The lessons of one tag or of one kind: a filtered view of the library."""

    title: str
    description: str
    intro: str
    breadcrumbs: tuple[Link, ...]  # the library
    lessons: tuple[LibraryItem, ...]  # by title in the page's order
    empty: str  # said when no lesson is listed
    reuse: Reuse


def tag_label(tags: Mapping[str, Text], tag: str, lang: str) -> str:
    """A tag's label in `lang` (its id if the site has no label for it)."""
    return tags[tag](lang) if tag in tags else tag


def tag_links(ctx: ViewContext, tags: Mapping[str, Text], used: Iterable[str]
              ) -> tuple[Link, ...]:
    """Each of `used` labelled in the page's language, linked to its page, in that order."""
    links = [Link(tag_label(tags, tag, ctx.lang), ctx.href(tag_path(tag))) for tag in used]
    return tuple(ctx.sorted(links, lambda link: link.label))


def entries(portfolio: Portfolio) -> list[Entry]:
    """Every published lesson with its programme."""
    return [(p, lesson) for p in portfolio.programmes if p.lessons
            for lesson in p.lessons.lessons]


def _item(ctx: ViewContext, tags: Mapping[str, Text], entry: Entry) -> LibraryItem:
    programme, lesson = entry
    home = programme_path(programme.slug)
    return LibraryItem(
        lesson=Link(lesson.title(ctx.lang),
                    f"{ctx.href(home + 'lessons/')}#{anchor('lesson', lesson.id)}"),
        programme=Link(programme.programme.title(ctx.lang), ctx.href(home)),
        kind=ctx.status("lesson", lesson.kind, "lesson_kind"),
        stage=ctx.t("stage." + lesson.stage), date=ctx.date(lesson.date),
        recommendation=ctx.prose(lesson.recommendation),
        tags=tag_links(ctx, tags, lesson.tags))


def _items(ctx: ViewContext, portfolio: Portfolio, keep: Callable[[Lesson], bool]
           ) -> tuple[LibraryItem, ...]:
    chosen = ctx.sorted((e for e in entries(portfolio) if keep(e[1])),
                        lambda e: e[1].title(ctx.lang))
    return tuple(_item(ctx, portfolio.tags, e) for e in chosen)


def _reuse(ctx: ViewContext) -> Reuse:
    return Reuse(Link(ctx.t("data.lessons_csv"), ctx.file_href(table_path("lessons"))),
                 feed_link(ctx))


def _topic(ctx: ViewContext, label: str, path: str, count: int) -> Topic:
    return Topic(Link(label, ctx.href(path)), ctx.t.plural("library.count", count))


def library_view(ctx: ViewContext) -> LibraryView:
    """Every published lesson of every programme, with an index of its tags and kinds."""
    portfolio: Portfolio = ctx.page.data["portfolio"]
    lessons = [lesson for _, lesson in entries(portfolio)]
    tags = ctx.sorted(lesson_tags(portfolio),
                      lambda tag: tag_label(portfolio.tags, tag, ctx.lang))
    return LibraryView(
        title=ctx.t("page.library"), description=ctx.t("library.intro"),
        intro=ctx.t("library.intro"), has_lessons=bool(lessons),
        tags=tuple(_topic(ctx, tag_label(portfolio.tags, tag, ctx.lang), tag_path(tag),
                          sum(tag in lesson.tags for lesson in lessons)) for tag in tags),
        kinds=tuple(_topic(ctx, ctx.t("lesson_kind." + kind), kind_path(kind),
                           sum(lesson.kind == kind for lesson in lessons))
                    for kind in choices(Lesson, "kind")),
        lessons=_items(ctx, portfolio, lambda lesson: True),
        reuse=_reuse(ctx),
    )


def _list_view(ctx: ViewContext, title: str, intro: str, keep: Callable[[Lesson], bool]
               ) -> LessonListView:
    portfolio: Portfolio = ctx.page.data["portfolio"]
    return LessonListView(
        title=title, description=intro, intro=intro,
        breadcrumbs=(Link(ctx.t("page.library"), ctx.href(LIBRARY)),),
        lessons=_items(ctx, portfolio, keep), empty=ctx.t("library.none_here"),
        reuse=_reuse(ctx))


def tag_view(ctx: ViewContext) -> LessonListView:
    """Every lesson that carries the page's tag."""
    tag: str = ctx.page.data["tag"]
    label = tag_label(ctx.page.data["portfolio"].tags, tag, ctx.lang)
    return _list_view(ctx, ctx.t("library.tag_title", tag=label), ctx.t("library.tag_intro"),
                      lambda lesson: tag in lesson.tags)


def kind_view(ctx: ViewContext) -> LessonListView:
    """Every lesson of the page's kind."""
    kind: str = ctx.page.data["kind"]
    title = ctx.t("library.kind_title", kind=ctx.t("lesson_kind." + kind))
    return _list_view(ctx, title, ctx.t("library.kind_intro"),
                      lambda lesson: lesson.kind == kind)
