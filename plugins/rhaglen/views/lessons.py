"""A programme's lessons page: what happened, what to do next time, tagged for the library."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from ..model.outcomes import Lesson
from ..model.portfolio import Programme
from ..model.types import Text
from ..render.links import anchor
from .base import Link, Status, ViewContext
from .data_links import table_link
from .frame import ProgrammeFrame, programme_frame
from .library import tag_links


@dataclass(frozen=True)
class LessonItem:
    anchor: str
    title: str
    kind: Status
    stage: str
    date: str
    what_happened: Markup
    recommendation: Markup
    tags: tuple[Link, ...]  # each to its page in the library, in the page's order
    related: tuple[Link, ...]


@dataclass(frozen=True)
class LessonsView:
    frame: ProgrammeFrame
    lessons: tuple[LessonItem, ...]  # newest first
    csv_lessons: Link


def _lesson(ctx: ViewContext, lesson: Lesson, tags: Mapping[str, Text]) -> LessonItem:
    return LessonItem(anchor("lesson", lesson.id), lesson.title(ctx.lang),
                      ctx.status("lesson", lesson.kind, "lesson_kind"),
                      ctx.t("stage." + lesson.stage), ctx.date(lesson.date),
                      ctx.prose(lesson.what_happened), ctx.prose(lesson.recommendation),
                      tag_links(ctx, tags, lesson.tags), ctx.refs(lesson.related))


def lessons_view(ctx: ViewContext) -> LessonsView:
    """A programme's lessons, newest first."""
    programme: Programme = ctx.page.data["programme"]
    tags = ctx.page.data["portfolio"].tags
    items = programme.lessons.lessons if programme.lessons else ()
    newest = sorted(items, key=lambda lesson: lesson.date, reverse=True)
    return LessonsView(programme_frame(ctx, programme),
                       tuple(_lesson(ctx, lesson, tags) for lesson in newest),
                       table_link(ctx, "lessons"))
