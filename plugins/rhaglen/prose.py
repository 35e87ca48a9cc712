"""Prose: the contract's limited Markdown, checked when loaded and sanitised when rendered.

Checking runs the text through an ordinary Python-Markdown instance (raw HTML passes
through there, so it can be seen) and reports every construct the contract forbids.
Rendering uses a second instance with raw HTML switched off, then an allow-list
sanitiser, so even text that escaped the checks cannot inject markup.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown import Markdown

ALLOWED_TAGS = {"p", "em", "strong", "ul", "ol", "li", "a", "br"}
LINK_SCHEMES = ("https:", "mailto:")
_FORBIDDEN = {
    **{f"h{n}": "headings are not allowed" for n in range(1, 7)},
    "img": "images are not allowed",
    "code": "code is not allowed",
    "pre": "code blocks are not allowed (is a line indented by four spaces?)",
    "blockquote": "block quotes are not allowed",
    "hr": "horizontal rules are not allowed",
}
_ATTR_LIST = re.compile(r"\{\s*[:#.][^}]*\}")


# Made when first needed: importing Markdown and setting up both takes about 60 ms (the
# renderer's extension is looked up among the installed packages), and `validate` runs
# the detector only on prose that may hold something forbidden, and never the renderer.
@cache
def _detector() -> Markdown:
    import markdown

    return markdown.Markdown()


@cache
def _renderer() -> Markdown:
    import markdown

    renderer = markdown.Markdown(extensions=["sane_lists"])
    renderer.preprocessors.deregister("html_block")
    renderer.inlinePatterns.deregister("html")
    return renderer


class _Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _FORBIDDEN:
            self.problems.append(_FORBIDDEN[tag])
        elif tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}> is not allowed")
        href = dict(attrs).get("href")
        if tag == "a" and not (href or "").startswith(LINK_SCHEMES):
            self.problems.append(f"links must start with https: or mailto: (found '{href}')")


# Text without any of these cannot hold HTML, an image, a heading, code, a quote, a rule
# or a link, so it needs no Markdown run to be checked.
_MAYBE_FORBIDDEN = re.compile(r"[<>&#!{}\[\]`]|^ {4}|^\s*([-*_=]\s*){3,}$", re.MULTILINE)


def prose_problems(text: str) -> list[str]:
    """What the contract forbids in this Prose text, one message per kind of problem."""
    if not _MAYBE_FORBIDDEN.search(text):
        return []
    problems: list[str] = []
    if _ATTR_LIST.search(text):
        problems.append("attribute lists ({: ...}) are not allowed")
    detector = _detector()
    html = detector.reset().convert(text)
    if any(str(raw).lstrip().startswith("<") for raw in detector.htmlStash.rawHtmlBlocks):
        problems.append("raw HTML is not allowed")
    else:
        inspector = _Inspector()
        inspector.feed(html)
        problems.extend(inspector.problems)
    return list(dict.fromkeys(problems))


def _keep_link(element: str, attribute: str, value: str) -> str | None:
    if element == "a" and attribute == "href" and not value.startswith(LINK_SCHEMES):
        return None
    return value


@lru_cache(maxsize=8192)  # a text shows on several pages: render it once
def render_prose(text: str) -> str:
    """Safe HTML for a Prose text: restricted Markdown, then an allow-list sanitiser."""
    import nh3

    html = _renderer().reset().convert(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"https", "mailto"},
        attribute_filter=_keep_link,
        link_rel="noopener",
    )
