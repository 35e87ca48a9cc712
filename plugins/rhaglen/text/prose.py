"""Prose: the contract's limited Markdown, checked when loaded and sanitised when rendered.

Checking runs the text through an ordinary Python-Markdown instance (raw HTML passes
through there, so it can be seen) and reports every construct the contract forbids.
Rendering uses a second instance with raw HTML switched off, then an allow-list
sanitiser, so even text that escaped the checks cannot inject markup.

Python-Markdown's time grows with the square of some shapes, or faster: brackets
nested thousands deep (each `[` is read to its `]`), thousands of lines in one
paragraph (each heading or rule line splits it, and the rest is searched again),
thousands of `<` before a letter (each is read to the next `>`), thousands of links
(an address holding a quote is read to the end of its paragraph), list markers nested
on one line (which also overflow Python's stack); thousands of emphasis marks cost a
tenth of a second even read once. Such a text is refused before Markdown runs
(`_limit_problems`), so that every Prose is checked and rendered in milliseconds
(`tests/bench/prose_time.py` times the worst shapes found).
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
_ATTR_LIST = re.compile(r"\{\s*[:#.][^{}]*\}")  # not [^}]: each { is read to the next {
MAX_NESTING = 8  # brackets in brackets; lists or quotes started on one line
MAX_LINES = 200  # lines of one Prose: 10,000 characters are about 125 lines of 80
MAX_TAGS = 32  # a < before a letter or /: an <https://...> link, or HTML (refused)
MAX_LINKS = 32  # ]( : a link's address, read to the end of its paragraph after a quote
MAX_MARKS = 1_000  # * _ ` \ : each emphasis, code or escape costs Markdown tens of µs
_BRACKET = re.compile(r"\\.|[][()]")  # an escaped character opens and closes nothing
_CLOSES = {"]": "[", ")": "("}
_MARKER = r"(?:>|(?:[-*+]|[0-9]{1,9}[.)])(?=[ \n]|\Z))"
_DEEP = rf"(?: *{_MARKER}){{{MAX_NESTING + 1}}}"  # at a line's start: matched, then searched
_DEEP_FIRST, _DEEP_NEXT = re.compile(_DEEP), re.compile(rf"\n{_DEEP}")  # (faster than ^)
_TAG_START = re.compile(r"<[A-Za-z/]")


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
# or a link, so it needs no Markdown run to be checked. A line of only - = * _ may be a
# rule or underline a heading (`Title` over `=` or `-`), or it is an empty list item.
_MAYBE_FORBIDDEN = re.compile(r"[<>&#!{}\[\]`]|^ {4}|^ *([-*_=] *)+$", re.MULTILINE)


def _brackets_too_deep(text: str) -> bool:
    """Whether [ ] or ( ) nest deeper than MAX_NESTING (each counted on its own, a
    closing one with nothing open left out, as Markdown reads a link's text and address)."""
    if text.count("[") <= MAX_NESTING and text.count("(") <= MAX_NESTING:
        return False
    depth = {"[": 0, "(": 0}
    for match in _BRACKET.finditer(text):
        char = match.group()
        if char in depth:
            depth[char] += 1
            if depth[char] > MAX_NESTING:
                return True
        elif char in _CLOSES:
            depth[_CLOSES[char]] = max(0, depth[_CLOSES[char]] - 1)
    return False


def _limit_problems(text: str) -> list[str]:
    """The shapes too costly to read as Markdown (see the module's docstring), found
    without running it, one message each."""
    problems: list[str] = []
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        problems.append(f"has {lines:,} lines; prose may have at most {MAX_LINES} "
                        "(join the lines of each paragraph)")
    if _brackets_too_deep(text):
        problems.append(f"brackets [ or ( are nested more than {MAX_NESTING} deep; "
                        "close each one sooner, or write \\[ or \\( for one that is text")
    if _DEEP_FIRST.match(text) or (lines > 1 and _DEEP_NEXT.search(text)):
        problems.append(f"a line starts with more than {MAX_NESTING} list or quote markers "
                        "(-, *, +, 1. or >); nest lists less deep")
    if text.count("<") > MAX_TAGS and len(_TAG_START.findall(text)) > MAX_TAGS:
        problems.append(f"has more than {MAX_TAGS} tags or <...> links (a < before a letter); "
                        "write links as [text](https://...) and leave HTML out")
    if len(text) > MAX_MARKS and sum(map(text.count, "*_`\\")) > MAX_MARKS:
        problems.append(f"has more than {MAX_MARKS:,} of the marks * _ ` and \\ (emphasis, "
                        "code, escapes); use fewer")
    if text.count("](") > MAX_LINKS:
        problems.append(f"has more than {MAX_LINKS} links [...](...); link to a page that "
                        "lists the rest")
    return problems


def prose_problems(text: str) -> list[str]:
    """What the contract forbids in this Prose text, one message per kind of problem."""
    limits = _limit_problems(text)
    if limits:  # refused before Markdown, which would take seconds
        return limits
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
