"""The vocabulary of a change list: the values a reader sees, before and after.

Values stay typed (a date, an amount, a catalogue key) so that the summary formats them
in its language as the pages do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal, TypeVar

from ..model.portfolio import Portfolio
from ..model.types import Text
from ..text.problems import Problem

Event = Literal["added", "removed", "changed"]
K = TypeVar("K")
T = TypeVar("T")


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str


@dataclass(frozen=True)
class Token:
    """A value worded from the catalogue, such as `objective_status.off-track`."""

    key: str


@dataclass(frozen=True)
class Scored:
    """A risk score: likelihood × impact. Two scores differ when either does, even with
    the same product: 2 × 4 and 4 × 2 are other cells of the risks page's heat map."""

    likelihood: int
    impact: int

    @property
    def value(self) -> int:
        return self.likelihood * self.impact


@dataclass(frozen=True)
class Span:
    start: date
    end: date


@dataclass(frozen=True)
class Share:
    """How far an objective has come from its baseline towards its target."""

    value: float


Value = float | date | Money | Token | Scored | Span | Share | str | None


@dataclass(frozen=True)
class Field:
    """One value a reader sees, before and after; `label` is its catalogue key."""

    label: str
    before: Value
    after: Value


@dataclass(frozen=True)
class RecordChange:
    """A record that appears, disappears or shows other values.

    `section` is the catalogue key of the heading it goes under; `ref` its id (an update's
    date for an update); `fields` the values that differ (for a new record: its values).
    """

    section: str
    event: Event
    ref: str
    title: Text | None
    fields: tuple[Field, ...] = ()


@dataclass(frozen=True)
class Notice:
    """A warning a reader sees: `kind` is its catalogue key, `ref` the record it is about.

    For a validator warning `ref` is the problem line without its line and column, so
    that a warning that only moved is the same warning.
    """

    kind: str
    ref: str = ""
    title: Text | None = None
    age: int = 0
    interval: int = 0
    start: date | None = None


@dataclass(frozen=True)
class ProgrammeChanges:
    slug: str
    title: Text
    event: Event
    records: tuple[RecordChange, ...]
    warnings_added: tuple[Notice, ...]
    warnings_removed: tuple[Notice, ...]

    @property
    def empty(self) -> bool:
        return (self.event == "changed" and not self.records and not self.warnings_added
                and not self.warnings_removed)


@dataclass(frozen=True)
class Side:
    """One version of the data: its portfolio, its warnings, and how their paths name the
    programmes folder (so that each warning is counted against its programme)."""

    portfolio: Portfolio
    problems: tuple[Problem, ...] = ()
    root: str = "programmes"


def field(label: str, before: Value, after: Value) -> Field | None:
    """A field when its value differs, else None."""
    return None if before == after else Field(label, before, after)


def present(*fields: Field | None) -> tuple[Field, ...]:
    return tuple(f for f in fields if f is not None)


def compare(section: str, before: Iterable[T], after: Iterable[T], key: Callable[[T], K],
            name: Callable[[T], tuple[str, Text | None]],
            shown: Callable[[T], dict[str, Value]],
            whole: Callable[[T], object] | None = None) -> list[RecordChange]:
    """Records matched by `key`: new ones, kept ones that show other values, removed ones.

    `name` gives a record's reference and title; `shown` the values a reader sees, by the
    catalogue key of their label. A kept record whose `whole` differs (its text, say)
    counts as changed even when none of those values did.
    """
    old = {key(item): item for item in before}
    new = {key(item): item for item in after}
    found: list[RecordChange] = []
    for k, item in new.items():
        ref, title = name(item)
        if k not in old:
            values = tuple(Field(label, None, v) for label, v in shown(item).items()
                           if v is not None)
            found.append(RecordChange(section, "added", ref, title, values))
            continue
        was, now = shown(old[k]), shown(item)
        fields = present(*(field(label, was.get(label), v) for label, v in now.items()))
        if fields or (whole is not None and whole(old[k]) != whole(item)):
            found.append(RecordChange(section, "changed", ref, title, fields))
    for k, item in old.items():
        if k not in new:
            ref, title = name(item)
            found.append(RecordChange(section, "removed", ref, title))
    return found


