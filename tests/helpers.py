"""Reading built pages the way a reader meets them: text, links, attributes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup, Tag

REPO = Path(__file__).resolve().parent.parent
TESTS = REPO / "tests"  # shared data: fixtures/, golden/
AS_OF = "2026-11-26"
Element = Tag  # an element of a parsed page; `class` (like `rel`) is a list of words


def parse(html: str) -> Tag:
    """The element tree of a page (Python's own HTML parser, as a browser would read it)."""
    return BeautifulSoup(html, "html.parser")


def walk(element: Tag) -> Iterator[Tag]:
    """The element and every element inside it, in document order."""
    yield element
    yield from element.find_all(True)


def children(element: Tag) -> list[Tag]:
    """The elements directly inside `element` (text left out)."""
    return element.find_all(True, recursive=False)


def find_all(root: Tag, tag: str, **attrs: str) -> list[Tag]:
    """Every element with this tag whose attributes match `attrs` (class_: one of its classes)."""
    return root.find_all(tag, attrs={k.rstrip("_"): v for k, v in attrs.items()})


def text_of(element: Tag) -> str:
    """The element's text with whitespace collapsed; a tag separates words, as on screen."""
    return " ".join(element.get_text(" ").split())


def article(html: str) -> Tag:
    """The page's main content."""
    found = parse(html).find("article")
    assert isinstance(found, Tag), "no <article> on the page"
    return found


def lang_root(site: Path, lang: str) -> Path:
    """Where a language's pages are: Welsh at the site root, English under en/."""
    return site if lang == "cy" else site / "en"


def copy_project(target: Path) -> Path:
    """A copy of the reference site project (config, hand-written docs, data) in `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "overrides", "programmes"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    shutil.copytree(REPO / "docs", target / "docs",
                    ignore=shutil.ignore_patterns("programmes", "lessons", "schema"))
    return target
