"""Atom feeds: every update and lesson, newest first, in the feed's language, valid Atom."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser
import pytest
from rhaglen.data.load import load_portfolio
from rhaglen.export import ExportSettings, export_files
from rhaglen.export.feeds import feed_files
from rhaglen.model.portfolio import Portfolio, Programme

from ..edits import edit
from ..helpers import parse
from ..site.test_internal import CANARY, plant_canaries
from ..view_helpers import BREATHE, WALK, demo

AS_OF = date(2026, 11, 26)
SITE = "https://rhaglen.example.org/"  # the demo site's site_url
SETTINGS = ExportSettings(site_url=SITE)
FEEDS = {"feed.xml": ("cy", None), "en/feed.xml": ("en", None),
         f"programmes/{WALK}/feed.xml": ("cy", WALK),
         f"en/programmes/{WALK}/feed.xml": ("en", WALK),
         f"programmes/{BREATHE}/feed.xml": ("cy", BREATHE),
         f"en/programmes/{BREATHE}/feed.xml": ("en", BREATHE)}


def _parsed(content: bytes) -> Any:
    feed = feedparser.parse(content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def _expected(programmes: tuple[Programme, ...], lang: str) -> dict[str, str]:
    """Every update and lesson of `programmes`: entry id, and the date it carries."""
    root = SITE if lang == "cy" else f"{SITE}en/"
    found = {}
    for p in programmes:
        for u in p.updates:
            found[f"{root}programmes/{p.slug}/monitoring/{u.date}/"] = u.date.isoformat()
        for lesson in p.lessons.lessons if p.lessons else ():
            found[f"{root}programmes/{p.slug}/lessons/#lesson-{lesson.id.lower()}"] = (
                lesson.date.isoformat())
    return found


def test_the_site_and_every_programme_have_a_feed_per_language() -> None:
    files = feed_files(demo(), AS_OF, SETTINGS)
    assert sorted(files) == sorted(FEEDS)
    for content in files.values():
        assert content.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<feed ")
        assert content.endswith(b"</feed>\n")


@pytest.mark.parametrize("path", sorted(FEEDS))
def test_each_feed_is_atom_with_every_update_and_lesson_newest_first(path: str) -> None:
    lang, slug = FEEDS[path]
    feed = _parsed(feed_files(demo(), AS_OF, SETTINGS)[path])
    assert feed.version == "atom10" and feed.feed.language == lang
    assert feed.feed.id == SITE + path
    links = {link.rel: link.href for link in feed.feed.links if link.type != "application/atom+xml"
             or link.rel == "self"}
    assert links["self"] == SITE + path
    assert links["alternate"] == SITE + path.removesuffix("feed.xml")
    programmes = demo().programmes if slug is None else (demo().programme(slug),)
    expected = _expected(programmes, lang)
    assert {e.id: e.updated[:10] for e in feed.entries} == expected
    dates = [e.updated for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert feed.feed.updated == dates[0]
    for entry in feed.entries:
        assert entry.updated.endswith("T00:00:00Z")
        assert entry.link == entry.id and entry.author and entry.title
        assert entry.content[0].type == "text/html" and entry.content[0].value.startswith("<p>")


@pytest.mark.parametrize(("lang", "update", "lesson", "author"), [
    ("cy", "Cerdded i'r Ysgol: diweddariad 10 Ebrill 2026",
     "Cerdded i'r Ysgol: gwers a ddysgwyd – ", "Cyngor Caerdydd"),
    ("en", "Walk to School: update of 10 April 2026",
     "Walk to School: lesson learned – ", "Cardiff Council"),
])
def test_titles_content_and_author_are_in_the_feed_language(lang: str, update: str, lesson: str,
                                                            author: str) -> None:
    path = f"{'' if lang == 'cy' else 'en/'}programmes/{WALK}/feed.xml"
    feed = _parsed(feed_files(demo(), AS_OF, SETTINGS)[path])
    titles = [e.title for e in feed.entries]
    assert update in titles
    assert any(t.startswith(lesson) for t in titles)
    assert {e.author for e in feed.entries} == {author}
    words = ("Statws cyffredinol", "Argymhelliad") if lang == "cy" else (
        "Overall status", "Recommendation")
    assert all(any(w in e.content[0].value for w in words) for e in feed.entries)


def test_every_entry_links_to_a_built_page_and_anchor(demo_site: Path) -> None:
    for path in FEEDS:
        built = (demo_site / path).read_bytes()
        assert built == feed_files(demo(), AS_OF, SETTINGS)[path]
        for entry in _parsed(built).entries:
            url = urlsplit(entry.link)
            page = demo_site / url.path.lstrip("/") / "index.html"
            assert page.is_file(), entry.link
            if url.fragment:
                assert parse(page.read_text("utf-8")).find(id=url.fragment), entry.link


def _load(folder: Path) -> Portfolio:
    portfolio = load_portfolio(folder, AS_OF).portfolio
    assert portfolio is not None
    return portfolio


def test_hostile_text_arrives_as_text(programmes: Path) -> None:
    hostile = "Walk <script>alert(1)</script> & School"
    edit(programmes / WALK / "programme.yml", "  en: Walk to School",
         f"  en: {json.dumps(hostile)}")
    edit(programmes / WALK / "lessons.yml",
         "en: The objections came before we had explained the scheme.",
         "en: 'Fish & chips cost < 5 *pounds*'")
    content = feed_files(_load(programmes), AS_OF, SETTINGS)[f"en/programmes/{WALK}/feed.xml"]
    assert b"<script>" not in content and b"<em>" not in content
    feed = _parsed(content)
    assert feed.feed.title.startswith(hostile)
    assert all(e.title.startswith(hostile + ":") for e in feed.entries)
    lesson = next(e for e in feed.entries if "lessons" in e.link)
    assert "<p>Fish &amp; chips cost &lt; 5 <em>pounds</em></p>" in lesson.content[0].value


def test_no_internal_value_reaches_a_feed(programmes: Path) -> None:
    plant_canaries(programmes)
    files = export_files(_load(programmes), AS_OF, SETTINGS)
    feeds = [c for p, c in files.items() if p.endswith("feed.xml")]
    assert len(feeds) == 6
    for content in files.values():
        assert CANARY.encode() not in content and b"029 2000 0000" not in content


def test_feeds_have_the_same_bytes_for_the_same_data_and_day(programmes: Path) -> None:
    assert feed_files(_load(programmes), AS_OF, SETTINGS) == feed_files(
        _load(programmes), AS_OF, SETTINGS)


def test_a_programme_without_updates_or_lessons_has_an_empty_feed_dated_as_of(
        programmes: Path) -> None:
    walk = demo().programme(WALK)
    bare = Portfolio((Programme(WALK, walk.programme),))
    feed = _parsed(feed_files(bare, AS_OF, SETTINGS)[f"programmes/{WALK}/feed.xml"])
    assert feed.entries == [] and feed.feed.updated == "2026-11-26T00:00:00Z"
    assert feed.feed.author == "Cyngor Caerdydd"
