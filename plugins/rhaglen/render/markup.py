"""Escaping for every place a text lands: HTML, Markdown headings, front matter, prose."""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup

from ..prose import render_prose

# Characters that mean something to Markdown or its extensions (attr_list's {: }).
_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|~^=:<>&\"'")


def md_text(value: object) -> Markup:
    """Plain text made safe for a Markdown heading: every special character an entity."""
    return Markup("".join(
        f"&#{ord(char)};" if char in _MARKDOWN_SPECIAL else char for char in str(value)))


def front_matter(value: object) -> Markup:
    """A front-matter value: HTML-escaped (themes print titles raw), then quoted for YAML."""
    return Markup(json.dumps(html.escape(str(value)), ensure_ascii=False))


def prose(value: str) -> Markup:
    """Prose Markdown as sanitised HTML."""
    return Markup(render_prose(value))


def plain(value: str, limit: int = 160) -> str:
    """Prose reduced to one line of plain text, for a page description."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", render_prose(value)))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
