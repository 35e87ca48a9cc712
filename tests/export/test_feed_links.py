"""Every page announces a feed in its <head>: its programme's, else the site's, in its language;
and every feed links its counterpart in the other language."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import feedparser
import pytest
from rhaglen.export import ExportSettings, export_files

from ..helpers import AS_OF, parse
from ..view_helpers import BREATHE, WALK, demo

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Each feed and its counterpart in the other language, from a language root.
FEEDS = ("feed.xml", f"programmes/{WALK}/feed.xml", f"programmes/{BREATHE}/feed.xml")


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


def _feed_links(content: bytes) -> tuple[str, str, list[dict[str, str]]]:
    """A feed's language, its own address (rel=self) and its links to other feeds."""
    root = ET.fromstring(content)
    links = [dict(link.attrib) for link in root.findall(f"{ATOM}link")]
    own = [link["href"] for link in links if link["rel"] == "self"]
    assert len(own) == 1
    feeds = [link for link in links
             if link["rel"] == "alternate" and link.get("type") == "application/atom+xml"]
    return root.attrib[XML_LANG], own[0], feeds


@pytest.mark.parametrize(("settings", "paths"), [
    (ExportSettings(site_url="https://rhaglen.example.org/"),  # as the demo site
     {"cy": "", "en": "en/"}),
    (ExportSettings(site_url="", default_language="en"),  # no address; English at the root
     {"en": "", "cy": "cy/"}),
], ids=["welsh-root", "english-root-no-site-url"])
def test_every_feed_links_its_counterpart_in_the_other_language(
        settings: ExportSettings, paths: dict[str, str]) -> None:
    files = export_files(demo(), date.fromisoformat(AS_OF), settings)
    root = settings.site_url or "/"
    feeds = {path: content for path, content in files.items() if path.endswith("feed.xml")}
    assert sorted(feeds) == sorted(prefix + feed for prefix in paths.values()
                                   for feed in FEEDS)
    for feed in FEEDS:
        for lang, other in (("cy", "en"), ("en", "cy")):
            path, counterpart = paths[lang] + feed, paths[other] + feed
            own_lang, own, links = _feed_links(feeds[path])
            assert (own_lang, own) == (lang, root + path), path
            assert [(link["hreflang"], link["href"]) for link in links] == [
                (other, root + counterpart)], path
            assert counterpart in files, path  # the address exists in the export
            other_lang, other_own, _ = _feed_links(files[counterpart])
            assert (other_lang, other_own) == (other, root + counterpart), path
