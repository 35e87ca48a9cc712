"""What every view is made of: links, statuses and the context of one page in one language.

A view holds exactly what a page shows, already derived, sorted, resolved and worded in
the page's language, so that templates only loop, call macros and place values.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal, TypeVar, get_args, get_origin

from markupsafe import Markup
from pydantic import BaseModel

from ...formatting import Formatter
from ...i18n import Strings
from ...model.types import Prose
from ..links import Links
from ..markup import prose
from ..pages import Page

T = TypeVar("T")
NONE = "–"  # shown where a value is not set


def choices(model: type[BaseModel], field: str) -> tuple[str, ...]:
    """The values a field of the model allows, in the contract's order.

    Views group by these rather than by values written in a template, so a value added
    to the model shows on the page without a template change.
    """
    annotation = model.model_fields[field].annotation
    while get_origin(annotation) is not Literal:
        annotation = next(a for a in get_args(annotation) if a is not type(None))
    return tuple(str(value) for value in get_args(annotation))


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

    def href(self, target: str) -> str:
        """A relative link from this page to the page at `target` (a path from the root)."""
        return posixpath.relpath(target or ".", self.page.path or ".").rstrip("/") + "/"

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
