"""What every view is made of: links, statuses and the context of one page in one language.

A view holds exactly what a page shows, already derived, sorted, resolved and worded in
the page's language, so that templates only loop, call macros and place values.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from markupsafe import Markup

from ..model.choices import choices as choices  # views group by the model's values
from ..model.types import Prose
from ..render.formatting import Formatter
from ..render.links import Links
from ..render.markup import prose
from ..render.pages import PUBLISHED, Page
from ..text.i18n import Strings

T = TypeVar("T")
NONE = "–"  # shown where a value is not set


@dataclass(frozen=True)
class Link:
    """A label, linked where its target is published (href None: plain text)."""

    label: str
    href: str | None = None


@dataclass(frozen=True)
class Status:
    """A status as a reader sees it: the words, and the style family and value for CSS."""

    family: str  # such as "milestone", "band", "objective"
    value: str  # the model's value, such as "overdue": the CSS class is family-value
    label: str  # the words in the page's language


@dataclass(frozen=True)
class Fact:
    """One term and its value in a list of key facts."""

    term: str
    value: str


@dataclass(frozen=True)
class ViewContext:
    """One page in one language: its strings, formats and references."""

    page: Page
    lang: str
    t: Strings
    fmt: Formatter
    links: Links | None = None  # on a programme's pages
    root: str = ""  # this language's folder from the site root: "" or such as "en/"

    def href(self, target: str) -> str:
        """A relative link from this page to the page at `target` (a path from the root)."""
        return posixpath.relpath(target or ".", self.page.path or ".").rstrip("/") + "/"

    def file_href(self, path: str) -> str:
        """A relative link from this page to the file at `path` from the site root.

        Open-data files are one copy for every language, so a page under /en/ is one
        folder further from them than the same page in the default language.
        """
        return posixpath.relpath(path, posixpath.join(self.root, self.page.path) or ".")

    def ref(self, ref: str) -> Link:
        """The record a reference names, labelled in this language, linked to its place."""
        if self.links is None:
            raise ValueError("references are resolved on a programme's pages only")
        label, href = self.links.target(ref)
        return Link(label, href)

    def refs(self, refs: Iterable[str]) -> tuple[Link, ...]:
        """Several references, in the order given."""
        return tuple(self.ref(ref) for ref in refs)

    def sorted(self, items: Iterable[T], key: Callable[[T], str]) -> list[T]:
        """`items` in this language's alphabetical order of `key(item)`."""
        return sorted(items, key=lambda item: self.fmt.sort_key(key(item)))

    def status(self, family: str, value: str, catalogue: str | None = None) -> Status:
        """A status worded from the catalogue section `catalogue` (default `family_status`)."""
        return Status(family, value, self.t(f"{catalogue or family + '_status'}.{value}"))

    def date(self, value: date | None) -> str:
        """A date in this language, or a dash when there is none."""
        return NONE if value is None else self.fmt.date(value)

    def number(self, value: float | None) -> str:
        """A number in this language, or a dash when there is none."""
        return NONE if value is None else self.fmt.number(value)

    def prose(self, text: Prose | None) -> Markup:
        """A Prose value in this language as sanitised HTML (empty when there is none)."""
        return Markup("") if text is None else prose(text(self.lang))


def page_context(page: Page, lang: str, default: str) -> ViewContext:
    """The context of `page` in `lang` on a site whose root holds the `default` language."""
    programme = page.data.get("programme")
    links = (Links(programme, page.data["records"], lang, page.link, PUBLISHED)
             if programme is not None else None)
    return ViewContext(page, lang, Strings(lang), Formatter(lang), links,
                       "" if lang == default else f"{lang}/")
