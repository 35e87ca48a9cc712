"""Escaping for every place a text lands: HTML, Markdown headings, front matter, prose."""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser

from markupsafe import Markup

from ..text.prose import render_prose


def front_matter(value: object) -> Markup:
    """A front-matter value: HTML-escaped (themes print titles raw), then quoted for YAML."""
    return Markup(json.dumps(html.escape(str(value)), ensure_ascii=False))


def css_string(value: object) -> str:
    """Text for inside a CSS string: every character but ASCII letters and digits as a
    six-digit escape (a space too: CSS would swallow one after an escape), so no text
    can close the string or the style element."""
    return "".join(char if char.isascii() and char.isalnum()
                   else f"\\{ord(char):06x}" for char in str(value))


def prose(value: str) -> Markup:
    """Prose Markdown as sanitised HTML."""
    return Markup(render_prose(value))


# Tags that end a line or a block: their boundary separates words. Inline tags (em,
# strong, a) do not, so "*nhw*, i" stays "nhw, i".
_BLOCK_TAGS = frozenset({"p", "ul", "ol", "li", "br"})


class _Text(HTMLParser):
    """The text of sanitised Prose HTML, with a space at every block boundary."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.handle_starttag(tag, [])

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain(value: str, limit: int = 160) -> str:
    """Prose reduced to one line of plain text, for a page description."""
    parser = _Text()
    parser.feed(render_prose(value))
    parser.close()
    text = " ".join("".join(parser.parts).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
