"""A programme's lessons page, and the site-wide library of every programme's lessons."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from ...model.outcomes import Lesson
from ...model.portfolio import Portfolio, Programme
from ...model.types import Text
from ..links import anchor
from ..pages import programme_path
from .base import Link, Status, ViewContext, choices
from .frame import ProgrammeFrame, programme_frame
from .groups import Group, Grouping, group

LIBRARY = "lessons/"  # the library's path from a language root


@dataclass(frozen=True)
class LessonItem:
    anchor: str
    title: str
    kind: Status
    stage: str
    date: str
    what_happened: Markup
    recommendation: Markup
    tags: tuple[Link, ...]  # each to its topic in the library, in the page's order
    related: tuple[Link, ...]


@dataclass(frozen=True)
class LessonsView:
    frame: ProgrammeFrame
    lessons: tuple[LessonItem, ...]  # newest first


@dataclass(frozen=True)
class LibraryItem:
    lesson: Link  # to the lesson on its programme's page
    programme: str
    kind: str
    stage: str


@dataclass(frozen=True)
class LibraryView:
    """The library is not a programme page: it has its own title and description."""

    title: str
    description: str
    intro: str
    has_lessons: bool  # False: the site has no published lesson yet
    by_tag: tuple[Group[LibraryItem], ...]  # topics that have lessons, in the page's order
    by_kind: tuple[Group[LibraryItem], ...]  # every kind, in the contract's order


def tag_label(tags: Mapping[str, Text], tag: str, lang: str) -> str:
    """A tag's label in `lang` (its id if the site has no label for it)."""
    return tags[tag](lang) if tag in tags else tag


def _lesson(ctx: ViewContext, lesson: Lesson, tags: Mapping[str, Text]) -> LessonItem:
    links = [Link(tag_label(tags, tag, ctx.lang), f"{ctx.href(LIBRARY)}#tag-{tag}")
             for tag in lesson.tags]
    return LessonItem(anchor("lesson", lesson.id), lesson.title(ctx.lang),
                      ctx.status("lesson", lesson.kind, "lesson_kind"),
                      ctx.t("stage." + lesson.stage), ctx.date(lesson.date),
                      ctx.prose(lesson.what_happened), ctx.prose(lesson.recommendation),
                      tuple(ctx.sorted(links, lambda link: link.label)),
                      ctx.refs(lesson.related))


def lessons_view(ctx: ViewContext) -> LessonsView:
    """A programme's lessons, newest first."""
    programme: Programme = ctx.page.data["programme"]
    tags = ctx.page.data["portfolio"].tags
    items = programme.lessons.lessons if programme.lessons else ()
    newest = sorted(items, key=lambda lesson: lesson.date, reverse=True)
    return LessonsView(programme_frame(ctx, programme),
                       tuple(_lesson(ctx, lesson, tags) for lesson in newest))


Entry = tuple[Programme, Lesson]


def _library_item(ctx: ViewContext, entry: Entry) -> LibraryItem:
    programme, lesson = entry
    href = f"{ctx.href(programme_path(programme.slug, 'lessons/'))}#{anchor('lesson', lesson.id)}"
    return LibraryItem(Link(lesson.title(ctx.lang), href), programme.programme.title(ctx.lang),
                       ctx.t("lesson_kind." + lesson.kind), ctx.t("stage." + lesson.stage))


def _by_tag(ctx: ViewContext, portfolio: Portfolio, entries: list[Entry]
            ) -> tuple[Group[LibraryItem], ...]:
    used = {tag for _, lesson in entries for tag in lesson.tags}
    groups = []
    for tag in ctx.sorted(used, lambda tag: tag_label(portfolio.tags, tag, ctx.lang)):
        tagged = ctx.sorted((e for e in entries if tag in e[1].tags),
                            lambda e: e[1].title(ctx.lang))
        groups.append(Group(tag, f"tag-{tag}", tag_label(portfolio.tags, tag, ctx.lang),
                            tuple(_library_item(ctx, e) for e in tagged)))
    return tuple(groups)


def library_view(ctx: ViewContext) -> LibraryView:
    """Every published lesson of every programme, by topic and by kind."""
    portfolio: Portfolio = ctx.page.data["portfolio"]
    entries = [(p, lesson) for p in portfolio.programmes if p.lessons
               for lesson in p.lessons.lessons]
    by_kind = Grouping[Entry](choices(Lesson, "kind"), lambda e: e[1].kind,
                              lambda e: e[1].title(ctx.lang), "lesson_kind", "kind",
                              keep_empty=True)
    return LibraryView(
        title=ctx.t("page.library"), description=ctx.t("library.intro"),
        intro=ctx.t("library.intro"), has_lessons=bool(entries),
        by_tag=_by_tag(ctx, portfolio, entries),
        by_kind=group(ctx, entries, by_kind, lambda e: _library_item(ctx, e)),
    )
