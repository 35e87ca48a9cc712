"""Atom feeds (RFC 4287), one per language, of the site and of each programme.

Every monitoring update and every lesson, newest first, each linked to its page in the
feed's language. An entry is dated by its update or lesson (midnight UTC) and the feed by
its newest entry, never by the build's clock, so the same data gives the same bytes.
ElementTree escapes every text, so a title such as `<script>` arrives as text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..model.outcomes import Lesson
from ..model.portfolio import Portfolio, Programme, Update
from ..render.formatting import Formatter
from ..render.links import anchor
from ..render.markup import prose
from ..render.opendata import feed_path
from ..render.pages import programme_path, update_path
from ..text.i18n import LANGUAGES, Strings
from ..views.library import tag_label
from .urls import absolute_url, language_prefix

if TYPE_CHECKING:
    from . import ExportSettings

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_TYPE = "application/atom+xml"


@dataclass(frozen=True)
class Entry:
    """One entry of a feed, in the feed's language."""

    day: date
    order: tuple[str, int, str]  # on the same day: programme, update before lesson, id
    url: str  # its page: the entry's link, and its id
    title: str
    content: Markup  # sanitised HTML
    author: str
    rights: str
    categories: tuple[tuple[str, str], ...] = ()  # (term, label): a lesson's tags


@dataclass(frozen=True)
class Feed:
    """What a feed says of itself, in one language."""

    lang: str
    path: str  # from the language root, such as "programmes/walk/feed.xml"
    title: str
    alternate: str  # the page it follows, from the language root
    author: str


def feed_files(portfolio: Portfolio, as_of: date, settings: ExportSettings) -> dict[str, bytes]:
    """The site's feed and each programme's, in every language, by path from the site root."""
    files: dict[str, bytes] = {}
    for lang in LANGUAGES:
        t, prefix = Strings(lang), language_prefix(settings, lang)
        site = Feed(lang, feed_path(), t("feed.site"), "", t("site.name"))
        files[prefix + site.path] = feed_xml(site, portfolio, portfolio.programmes, as_of,
                                             settings)
        for programme in portfolio.programmes:
            own = Feed(lang, feed_path(programme.slug),
                       t("feed.programme", programme=programme.programme.title(lang)),
                       programme_path(programme.slug), lead_name(programme, lang))
            files[prefix + own.path] = feed_xml(own, portfolio, (programme,), as_of, settings)
    return files


def lead_name(programme: Programme, lang: str) -> str:
    """The name of the programme's lead organisation in `lang`."""
    p = programme.programme
    return next(o.name(lang) for o in p.organisations if o.id.lower() == p.lead.lower())


def entries(portfolio: Portfolio, programmes: tuple[Programme, ...], lang: str,
            settings: ExportSettings) -> list[Entry]:
    """Every update and lesson of `programmes` in `lang`, newest first."""
    found: list[Entry] = []
    for programme in programmes:
        found.extend(_update(programme, u, lang, settings) for u in programme.updates)
        lessons = programme.lessons.lessons if programme.lessons else ()
        found.extend(_lesson(portfolio, programme, lesson, lang, settings) for lesson in lessons)
    return sorted(found, key=lambda e: (-e.day.toordinal(), e.order))


def _update(programme: Programme, update: Update, lang: str, settings: ExportSettings
            ) -> Entry:
    t, fmt = Strings(lang), Formatter(lang)
    report = update.report
    period = t("site.date_range", start=fmt.date(report.period.start),
               end=fmt.date(report.period.end))
    content = Markup("<p>{}: {} · {}</p>\n").format(
        t("rag.label"), t(f"rag.{report.rag}"), period) + prose(report.summary(lang))
    return Entry(
        day=update.date, order=(programme.slug, 0, update.date.isoformat()),
        url=absolute_url(settings, lang, update_path(programme.slug, update.date)),
        title=t("feed.update", programme=programme.programme.title(lang),
                date=fmt.date(update.date)),
        content=content, author=lead_name(programme, lang),
        rights=t("site.licence", licence=programme.programme.licence))


def _lesson(portfolio: Portfolio, programme: Programme, lesson: Lesson, lang: str,
            settings: ExportSettings) -> Entry:
    t = Strings(lang)
    content = (Markup("<p><strong>{}</strong></p>\n").format(t("lessons_page.what_happened"))
               + prose(lesson.what_happened(lang))
               + Markup("\n<p><strong>{}</strong></p>\n").format(t("lessons_page.recommendation"))
               + prose(lesson.recommendation(lang)))
    page = absolute_url(settings, lang, programme_path(programme.slug, "lessons/"))
    return Entry(
        day=lesson.date, order=(programme.slug, 1, lesson.id.lower()),
        url=f"{page}#{anchor('lesson', lesson.id)}",
        title=t("feed.lesson", programme=programme.programme.title(lang),
                title=lesson.title(lang)),
        content=content, author=lead_name(programme, lang),
        rights=t("site.licence", licence=programme.programme.licence),
        categories=tuple((tag, tag_label(portfolio.tags, tag, lang)) for tag in lesson.tags))


def _timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def _entry(feed: ET.Element, entry: Entry) -> None:
    element = _add(feed, "entry")
    _add(element, "id", entry.url)
    _add(element, "title", entry.title)
    _add(element, "updated", _timestamp(entry.day))
    _add(element, "link", rel="alternate", type="text/html", href=entry.url)
    _add(_add(element, "author"), "name", entry.author)
    for term, label in entry.categories:
        _add(element, "category", term=term, label=label)
    _add(element, "rights", entry.rights)
    _add(element, "content", str(entry.content), type="html")


def feed_xml(feed: Feed, portfolio: Portfolio, programmes: tuple[Programme, ...], as_of: date,
             settings: ExportSettings) -> bytes:
    """One feed as UTF-8 XML: its own id, title, date, links and author, then its entries."""
    found = entries(portfolio, programmes, feed.lang, settings)
    url = absolute_url(settings, feed.lang, feed.path)
    root = ET.Element("feed", {"xmlns": ATOM, XML_LANG: feed.lang})
    _add(root, "id", url)
    _add(root, "title", feed.title)
    _add(root, "updated", _timestamp(found[0].day if found else as_of))
    _add(root, "link", rel="self", type=FEED_TYPE, href=url)
    _add(root, "link", rel="alternate", type="text/html",
         href=absolute_url(settings, feed.lang, feed.alternate))
    for other in LANGUAGES:
        if other != feed.lang:
            _add(root, "link", rel="alternate", type=FEED_TYPE, hreflang=other,
                 href=absolute_url(settings, other, feed.path))
    _add(_add(root, "author"), "name", feed.author)
    for entry in found:
        _entry(root, entry)
    ET.indent(root, space="  ")
    content: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return content + b"\n"
