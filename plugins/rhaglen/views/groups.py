"""Records grouped by one of their enum values, in the contract's order of the values."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from .base import ViewContext

T = TypeVar("T")
Item = TypeVar("Item")


@dataclass(frozen=True)
class Group(Generic[Item]):
    """The members that share one value: their section's anchor and heading, and them."""

    value: str  # the model's value, such as "motivator"
    anchor: str  # such as "evidence-motivator"
    heading: str  # such as "Motivators", from the catalogue
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Grouping(Generic[T]):
    """How to group one kind of record: by which value, headed and anchored how.

    `values` are the values the model allows, from `choices(Model, field)`, so a value
    added to the model gets its own group without a template change.
    """

    values: tuple[str, ...]
    value: Callable[[T], str]  # the record's value, such as lambda e: e.kind
    title: Callable[[T], str]  # what members are sorted by, in the page's language
    catalogue: str  # the section naming each value: "<catalogue>.<value>"
    anchor: str  # groups are anchored "<anchor>-<value>"
    keep_empty: bool = False  # show a value no record has (an empty group)


def group(ctx: ViewContext, records: Iterable[T], how: Grouping[T],
          build: Callable[[T], Item]) -> tuple[Group[Item], ...]:
    """`records` in one group per value, members in the page language's order of title."""
    records = tuple(records)
    groups = []
    for value in how.values:
        members = ctx.sorted((r for r in records if how.value(r) == value), how.title)
        if members or how.keep_empty:
            groups.append(Group(value, f"{how.anchor}-{value}",
                                ctx.t(f"{how.catalogue}.{value}"),
                                tuple(build(r) for r in members)))
    return tuple(groups)
