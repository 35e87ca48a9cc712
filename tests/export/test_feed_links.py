"""Every page announces a feed in its <head>: its programme's, else the site's, in its language."""

from __future__ import annotations

import posixpath
from pathlib import Path

import feedparser

from ..helpers import parse
from ..view_helpers import WALK


def _pages(site: Path) -> list[Path]:
    skip = ("assets", "search", "schema", "data", "stylesheets")
    return [p for p in sorted(site.rglob("*.html"))
            if p.relative_to(site).parts[0] not in skip]


def _expected_feed(relative: str) -> str:
    """The feed a page at `relative` (such as en/programmes/walk/plan/index.html) links."""
    parts = relative.split("/")
    root = "en/" if parts[0] == "en" else ""
    inner = parts[1:] if root else parts
    if inner[0] == "programmes" and len(inner) > 2:
        return f"{root}programmes/{inner[1]}/feed.xml"
    return f"{root}feed.xml"


def test_every_page_links_the_feed_of_its_programme_or_site_in_its_language(
        demo_site: Path) -> None:
    pages = _pages(demo_site)
    assert len(pages) >= 70
    seen = set()
    for page in pages:
        relative = page.relative_to(demo_site).as_posix()
        head = parse(page.read_text("utf-8")).find("head")
        assert head is not None
        links = head.find_all("link", rel="alternate", type="application/atom+xml")
        assert len(links) == 1, relative
        href = str(links[0]["href"])
        base = "/" if href.startswith("/") else posixpath.dirname("/" + relative)
        target = posixpath.normpath(posixpath.join(base, href)).lstrip("/")
        assert target == _expected_feed(relative), relative
        feed = feedparser.parse((demo_site / target).read_bytes())
        assert links[0]["title"] == feed.feed.title, relative
        seen.add(target)
    assert {"feed.xml", "en/feed.xml", f"programmes/{WALK}/feed.xml",
            f"en/programmes/{WALK}/feed.xml"} <= seen


def test_hand_written_pages_link_the_site_feed_with_a_title_in_their_language(
        demo_site: Path) -> None:
    for relative, title in (("about/index.html",
                             "Rhaglen: diweddariadau monitro a gwersi a ddysgwyd"),
                            ("en/about/index.html",
                             "Rhaglen: monitoring updates and lessons learned"),
                            ("en/404.html", "Rhaglen: monitoring updates and lessons learned")):
        head = parse((demo_site / relative).read_text("utf-8")).find("head")
        assert head is not None
        link = head.find("link", rel="alternate", type="application/atom+xml")
        assert link is not None and link["title"] == title, relative
    en_404 = parse((demo_site / "en/404.html").read_text("utf-8"))
    link = en_404.find("link", rel="alternate", type="application/atom+xml")
    assert link is not None and link["href"] == "/en/feed.xml"
