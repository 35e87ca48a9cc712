"""Reading built pages the way a reader meets them: text, links, attributes."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-26"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list[Element] = field(default_factory=list)


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.handle_data(" ")  # a tag separates words, as a browser's layout would
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        self.handle_data(" ")
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data


def parse(html: str) -> Element:
    """The element tree of a page."""
    tree = _Tree()
    tree.feed(html)
    return tree.root


def walk(element: Element):  # type: ignore[no-untyped-def]
    yield element
    for child in element.children:
        yield from walk(child)


def find_all(root: Element, tag: str, **attrs: str) -> list[Element]:
    """Every element with this tag whose attributes include `attrs` (class_ for class)."""
    wanted = {k.rstrip("_"): v for k, v in attrs.items()}
    found = []
    for element in walk(root):
        if element.tag != tag:
            continue
        if all(v in element.attrs.get(k, "").split() if k == "class" else element.attrs.get(k) == v
               for k, v in wanted.items()):
            found.append(element)
    return found


def text_of(element: Element) -> str:
    """The element's text with whitespace collapsed."""
    return " ".join(element.text.split())


def article(html: str) -> Element:
    """The page's main content."""
    return find_all(parse(html), "article")[0]


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
