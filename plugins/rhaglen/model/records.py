"""Every record of a programme that has an id, with where it stands in its file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from ..yamlload import Key
from .types import Model, Prose, Record, Text


class Files(Protocol):
    """A programme's files by path inside its folder: a `Programme`, or a draft of one."""

    def files(self) -> Iterator[tuple[str, Record]]: ...


@dataclass(frozen=True)
class RecordEntry:
    """A record others can refer to: its kind, id, file and location in that file."""

    kind: str
    id: str
    file: str
    loc: Key
    record: Model


def walk(model: Model, loc: Key = ()) -> Iterator[tuple[Model, Key]]:
    """Every nested model with its location, text values left out."""
    yield model, loc
    for name, info in type(model).model_fields.items():
        key = info.alias or name
        value = getattr(model, name)
        pairs = [((key, i), v) for i, v in enumerate(value)] if isinstance(value, tuple) else [
            ((key,), value)]
        for sub, item in pairs:
            if isinstance(item, Model) and not isinstance(item, (Text, Prose)):
                yield from walk(item, (*loc, *sub))


def records(programme: Files) -> Iterator[RecordEntry]:
    """Each record with an id, in file order; an action re-reported later comes again."""
    for file, model in programme.files():
        for record, loc in walk(model):
            if record.kind_name:
                yield RecordEntry(record.kind_name, str(record.__dict__["id"]), file,
                                  (*loc, "id"), record)
