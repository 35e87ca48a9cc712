"""How a table is described: its columns (name, Table Schema type, constraints, a
description in Welsh and English, and how each cell is taken from a record), its keys,
and the references it makes to other tables.

A Text or Prose field becomes two columns, `<field>_cy` and `<field>_en`; a list of
references becomes one cell, the referenced ids joined by `;` (REF_SEPARATOR).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, get_args

from ...model.portfolio import Programme
from ...model.records import RecordEntry
from ...model.types import Prose, Text
from ...render.links import record_index
from ...state.current import CurrentState
from ..csvfile import Cell, markdown_cell

REF_SEPARATOR = ";"
Getter = Callable[[Any, "Source"], Cell]


@dataclass(frozen=True)
class Source:
    """One programme as the tables read it: its public record and its current state."""

    programme: Programme
    state: CurrentState
    interval: int  # days between monitoring updates, as the pages judge freshness
    index: dict[str, RecordEntry] = field(default_factory=dict)

    @classmethod
    def of(cls, programme: Programme, state: CurrentState, interval: int) -> Source:
        return cls(programme, state, interval, record_index(programme))

    def ref(self, ref: str | None) -> str | None:
        """The id a reference names, spelt as the record spells it (references ignore case)."""
        if ref is None:
            return None
        entry = self.index.get(ref.lower())
        return entry.id if entry else ref

    def refs(self, refs: Iterable[str]) -> str | None:
        """Several references in one cell, joined by `;`; empty when there are none."""
        ids = [str(self.ref(ref)) for ref in refs]
        return REF_SEPARATOR.join(ids) if ids else None


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema: string, integer, number, boolean or date
    cy: str  # what the column holds, in Welsh
    en: str  # and in English
    value: Getter
    required: bool = False
    enum: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None


@dataclass(frozen=True)
class Table:
    """One table: a CSV file site-wide and one per programme, and its Data Package resource."""

    name: str
    cy: str
    en: str
    columns: tuple[Column, ...]  # after `programme` (and `id`); `licence` comes last
    records: Callable[[Source], Iterable[Any]]
    ident: Getter | None = lambda r, s: r.id  # the `id` column; None: the table has none
    key: tuple[str, ...] | None = ("id",)  # the primary key after `programme`; None: none
    links: tuple[tuple[str, str], ...] = ()  # (column, table): it names that table's id

    @property
    def fields(self) -> tuple[Column, ...]:
        """Every column, in order: programme, id (where records have one), own, licence."""
        ident = () if self.ident is None else (Column(
            "id", "string", "Dynodydd y cofnod yn y rhaglen",
            "The record's id within the programme", self.ident, True),)
        return (PROGRAMME, *ident, *self.columns, LICENCE)

    @property
    def primary_key(self) -> tuple[str, ...] | None:
        return None if self.key is None else ("programme", *self.key)


PROGRAMME = Column("programme", "string", "Dynodydd (slug) y rhaglen",
                   "The programme's slug (its id)", lambda r, s: s.programme.slug, True)
LICENCE = Column("licence", "string", "Trwydded data'r rhaglen (dynodydd SPDX)",
                 "The licence of the programme's data (SPDX identifier)",
                 lambda r, s: s.programme.programme.licence, True)


def col(name: str, type_: str, cy: str, en: str, value: Getter, *, required: bool = False,
        enum: Iterable[str] = (), minimum: int | None = None, maximum: int | None = None
        ) -> tuple[Column, ...]:
    """One column."""
    return (Column(name, type_, cy, en, value, required, tuple(enum), minimum, maximum),)


def attr(name: str, type_: str, cy: str, en: str, *, required: bool = True,
         enum: Iterable[str] = (), minimum: int | None = None, maximum: int | None = None
         ) -> tuple[Column, ...]:
    """A column holding the record's attribute of the same name."""
    return col(name, type_, cy, en, lambda r, s: getattr(r, name), required=required,
               enum=enum, minimum=minimum, maximum=maximum)


def words(name: str, cy: str, en: str, value: Callable[[Any], Text | Prose | None] | None = None,
          *, required: bool = True) -> tuple[Column, ...]:
    """A Text or Prose field (the record's attribute `name` unless `value` says otherwise) as
    two columns, Welsh then English; Prose is its Markdown source."""
    get: Callable[[Any], Text | Prose | None] = value or (lambda r: getattr(r, name))

    def one(lang: str) -> Getter:
        def cell(record: Any, source: Source) -> Cell:
            text = get(record)
            if text is None:
                return None
            return markdown_cell(text(lang)) if isinstance(text, Prose) else text(lang)
        return cell

    return (Column(f"{name}_cy", "string", f"{cy}, yn Gymraeg", f"{en}, in Welsh", one("cy"),
                   required),
            Column(f"{name}_en", "string", f"{cy}, yn Saesneg", f"{en}, in English", one("en"),
                   required))


def ref(name: str, cy: str, en: str, *, required: bool = True) -> tuple[Column, ...]:
    """A reference to one record of the programme: its id."""
    return col(name, "string", cy, en, lambda r, s: s.ref(getattr(r, name)), required=required)


def refs(name: str, cy: str, en: str, value: Callable[[Any], Iterable[str]] | None = None,
         *, required: bool = False) -> tuple[Column, ...]:
    """A list of references: the ids joined by `;`."""
    get = value or (lambda r: getattr(r, name))
    return col(name, "string", f"{cy} (dynodwyr wedi'u gwahanu â ;)",
               f"{en} (ids separated by ;)", lambda r, s: s.refs(get(r)), required=required)


def codes(literal: Any) -> tuple[str, ...]:
    """The values of a Literal type (or of the Literal inside an optional one)."""
    values = get_args(literal)
    if values and all(isinstance(v, str) for v in values):
        return tuple(values)
    return tuple(v for arg in values for v in codes(arg))


def choice(model: Any, name: str) -> tuple[str, ...]:
    """The values a model's field allows, in the contract's order."""
    return codes(model.model_fields[name].annotation)
