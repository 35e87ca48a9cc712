"""What a table leaves out: a record's longer facts and Prose, shown below the table.

A table keeps the few short columns a reader compares down the page (status, current
score, what is left, met or not); the rest of a record (its indicator, sources, notes,
descriptions, evidence) goes into its detail, so every column fits a desk's screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from .base import Link

_EMPTY = Markup("")


@dataclass(frozen=True)
class Detail:
    """One fact of a record's detail: a term and its value (text, links or Prose)."""

    term: str
    value: Markup


@dataclass(frozen=True)
class Record:
    """A record's detail below its table: its heading, facts, and Prose."""

    anchor: str  # the id of its heading, "<row anchor>-detail"
    heading: str
    facts: tuple[Detail, ...]
    prose: Markup = _EMPTY


def linked_markup(links: Iterable[Link]) -> Markup:
    """Links as HTML, separated by commas; a link without an address is plain text."""
    parts = [escape(link.label) if link.href is None
             else Markup('<a href="{}">{}</a>').format(link.href, link.label)
             for link in links]
    return Markup(", ").join(parts)


def detail(term: str, value: str | Markup | Iterable[Link]) -> Detail:
    """A fact; plain text is escaped, links are linked."""
    if isinstance(value, str):
        return Detail(term, escape(value))
    return Detail(term, linked_markup(value))


def facts(*items: Detail | None) -> tuple[Detail, ...]:
    """The facts that have a value: `None` or an empty value is left out."""
    return tuple(item for item in items if item is not None and str(item.value).strip())


def record(anchor: str, heading: str, items: tuple[Detail, ...],
           prose: Markup = _EMPTY) -> Record | None:
    """A record's detail, or None when it has nothing to add to its row."""
    if not items and not str(prose).strip():
        return None
    return Record(f"{anchor}-detail", heading, items, prose)
