"""A generated page's headings: their ids, and the outline a theme shows beside the page.

Generated pages are HTML from the start, so they skip Markdown (and its table of
contents extension). This does what that extension did for them, the same way: the
page's title heading gets an id from its text, made unique on the page, and the page's
outline is its section headings nested by level, each with its id and its (escaped)
text. Templates write a section heading `<h2 id="...">` (levels 1 to 3, the id its only
attribute) and a record's heading with its class first (`<h3 class="rh-record__title"
id="...">`), which keeps records out of the outline, as when sections were Markdown.
"""

from __future__ import annotations

import html
import re
from typing import TypedDict

from markdown.extensions.toc import slugify, unique

_TITLE = re.compile(r"<h1>(.*?)</h1>", re.DOTALL)
_SECTION = re.compile(r'<h([1-3]) id="([^"]*)">(.*?)</h\1>', re.DOTALL)
_ID = re.compile(r'\sid="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")


class Heading(TypedDict):
    """One entry of the outline, in the shape Python-Markdown's toc extension gives."""

    level: int
    id: str
    name: str
    children: list[Heading]


def _name(inner: str) -> str:
    """A heading's text as the outline shows it: tags out, entities kept, spaces single."""
    return " ".join(_TAG.sub("", inner).split())


def number_headings(page: str) -> str:
    """Give the title heading (`<h1>` without an id) an id from its text, unique on the page."""
    used = set(_ID.findall(page))

    def numbered(match: re.Match[str]) -> str:
        inner = match.group(1)
        slug = slugify(html.unescape(_name(inner)), "-")
        return f'<h1 id="{unique(slug, used)}">{inner}</h1>'

    return _TITLE.sub(numbered, page)


def outline(page: str) -> list[Heading]:
    """The section headings of `page`, nested by level."""
    top: list[Heading] = []
    open_: list[Heading] = []
    for match in _SECTION.finditer(page):
        level, given, inner = match.groups()
        heading: Heading = {"level": int(level), "id": given,
                            "name": _name(inner), "children": []}
        while open_ and open_[-1]["level"] >= heading["level"]:
            open_.pop()
        (open_[-1]["children"] if open_ else top).append(heading)
        open_.append(heading)
    return top


def anchor_ids(page: str) -> set[str]:
    """Every id on `page`: the anchors a link to it may name."""
    return set(_ID.findall(page))
