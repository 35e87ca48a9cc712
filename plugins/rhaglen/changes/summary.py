"""The change list in Markdown, in Welsh or English, for a pull request's reviewer.

Every word comes from the catalogue of the summary's language, and every value is
formatted as the pages format it (the view helpers are reused), so the summary reads as
the site will.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..render.formatting import Formatter
from ..render.pages import Page
from ..text.i18n import Strings
from ..text.problems import Problem
from ..views.base import NONE, ViewContext
from ..views.plan import progress_words
from ..views.risks import score_status
from .model import (
    Field,
    Money,
    Notice,
    ProgrammeChanges,
    RecordChange,
    Scored,
    Share,
    Span,
    Token,
    Value,
)
from .pages import PageChanges
from .records import SECTIONS, UPDATES

_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~!])")


@dataclass(frozen=True)
class Summary:
    """What the summary reports: the two sides compared, the day, and what changes."""

    base: str | None  # a revision or folder; None: the working tree
    head: str | None
    as_of: date
    programmes: tuple[ProgrammeChanges, ...]
    pages: PageChanges


def escape(text: str) -> str:
    """Text from the data shown as itself, never as Markdown or HTML."""
    return _MARKDOWN.sub(r"\\\1", " ".join(text.split()))


def _context(lang: str) -> ViewContext:
    return ViewContext(Page("", "diff", "", None), lang, Strings(lang), Formatter(lang))


def value_words(ctx: ViewContext, value: Value) -> str:
    """A value as the pages show it, in the context's language."""
    if value is None:
        return NONE
    if isinstance(value, date):
        return ctx.fmt.date(value)
    if isinstance(value, Money):
        return ctx.fmt.money(value.amount, value.currency)
    if isinstance(value, Token):
        return ctx.t(value.key)
    if isinstance(value, Scored):
        return score_status(ctx, "threat", value.value).label
    if isinstance(value, Span):
        return ctx.t("site.date_range", start=ctx.fmt.date(value.start),
                     end=ctx.fmt.date(value.end))
    if isinstance(value, Share):
        return progress_words(ctx, value.value)
    if isinstance(value, str):
        return escape(value)
    return ctx.fmt.number(value)


def score_parts(ctx: ViewContext, score: Scored) -> str:
    """A score with its likelihood and impact, as the pages show a re-score, such as
    "2 × 4 = 8 (Medium)"."""
    status = score_status(ctx, "threat", score.value)
    parts = ctx.t("risks.score_parts", likelihood=score.likelihood, impact=score.impact,
                  score=score.value)
    return ctx.t("risks.score", score=parts, band=ctx.t("band." + status.value))


def _field(ctx: ViewContext, f: Field, event: str) -> str:
    if (isinstance(f.before, Scored) and isinstance(f.after, Scored)
            and f.before.value == f.after.value):  # re-scored to the same score
        return f"{ctx.t(f.label)}: {score_parts(ctx, f.before)} → {score_parts(ctx, f.after)}"
    after = value_words(ctx, f.after)
    shown = after if event == "added" else f"{value_words(ctx, f.before)} → {after}"
    return f"{ctx.t(f.label)}: {shown}"


def _name(ctx: ViewContext, change: RecordChange) -> str:
    if change.section == UPDATES:
        return ctx.t("update.title", date=ctx.fmt.date(date.fromisoformat(change.ref)))
    title = escape(change.title(ctx.lang)) if change.title else ""
    return " · ".join(part for part in (escape(change.ref), title) if part)


def _record(ctx: ViewContext, change: RecordChange) -> str:
    fields = "; ".join(_field(ctx, f, change.event) for f in change.fields)
    line = f"- **{ctx.t('diff.' + change.event)}:** {_name(ctx, change)}"
    return f"{line}: {fields}" if fields else line


def notice_words(ctx: ViewContext, notice: Notice) -> str:
    """A warning in the words the page uses for it."""
    days = ctx.t.plural
    if notice.kind == "latest.stale":
        return ctx.t(notice.kind, age=days("common.days", notice.age),
                     interval=days("common.days", notice.interval))
    if notice.kind == "latest.missing":
        return ctx.t(notice.kind, start=ctx.date(notice.start),
                     interval=days("common.days", notice.interval))
    title = f" · {escape(notice.title(ctx.lang))}" if notice.title else ""
    return f"{ctx.t(notice.kind)}: {escape(notice.ref)}{title}"


def _warnings(ctx: ViewContext, p: ProgrammeChanges) -> list[str]:
    lines = [f"- **{ctx.t('diff.appears')}:** {notice_words(ctx, n)}"
             for n in p.warnings_added]
    lines += [f"- **{ctx.t('diff.disappears')}:** {notice_words(ctx, n)}"
              for n in p.warnings_removed]
    return ["", f"### {ctx.t('diff.warnings')}", "", *lines] if lines else []


def _pages(pages: PageChanges, heading: str, ctx: ViewContext) -> list[str]:
    if pages.empty:
        return []
    lines = ["", heading, ""]
    for event, urls in (("added", pages.added), ("removed", pages.removed),
                        ("changed", pages.changed)):
        if urls:
            lines.append(f"- **{ctx.t('diff.' + event)}:**")
            lines.extend(f"  - `{url}`" for url in urls)
    return lines


def _programme(ctx: ViewContext, p: ProgrammeChanges, pages: PageChanges) -> list[str]:
    event = {"added": " – " + ctx.t("diff.programme_added"),
             "removed": " – " + ctx.t("diff.programme_removed")}.get(p.event, "")
    lines = ["", f"## {escape(p.title(ctx.lang))} (`{p.slug}`){event}"]
    for section in SECTIONS:
        records = [_record(ctx, c) for c in p.records if c.section == section]
        if records:
            lines += ["", f"### {ctx.t(section)}", "", *records]
    return lines + _warnings(ctx, p) + _pages(pages.where(f"programmes/{p.slug}/"),
                                                f"### {ctx.t('diff.pages')}", ctx)


def _side(ctx: ViewContext, side: str | None) -> str:
    return f"`{side}`" if side else ctx.t("diff.working_tree")


def summary_markdown(summary: Summary, lang: str) -> str:
    """The whole summary: per programme what changes, its warnings and pages; then the
    pages of the whole site."""
    ctx = _context(lang)
    lines = [f"# {ctx.t('diff.title')}", "",
             ctx.t("diff.compared", base=_side(ctx, summary.base),
                   head=_side(ctx, summary.head), date=ctx.fmt.date(summary.as_of))]
    shown = 0
    for p in summary.programmes:
        if not p.empty or not summary.pages.where(f"programmes/{p.slug}/").empty:
            lines += _programme(ctx, p, summary.pages)
            shown += 1
    site = summary.pages.where(None)
    lines += _pages(site, f"## {ctx.t('diff.site')}", ctx)
    if not shown and site.empty:
        lines += ["", ctx.t("diff.nothing")]
    return "\n".join(lines) + "\n"


def invalid_markdown(side: str | None, problems: list[Problem], lang: str) -> str:
    """Why nothing can be compared: the side whose data is invalid, and every problem."""
    ctx = _context(lang)
    text = "\n".join(p.format() for p in problems)
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", text)), default=0))
    return "\n".join([f"# {ctx.t('diff.title')}", "",
                      ctx.t("diff.invalid", side=_side(ctx, side)), "", fence, text, fence,
                      "", ctx.t.plural("diff.problems", len(problems)), ""])
