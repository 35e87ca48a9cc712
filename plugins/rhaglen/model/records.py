"""Every record of a programme that has an id, with where it stands in its file."""

from __future__ import annotations

import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Protocol

from ..text.yamlload import Key
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


_SCALARS = (str, int, float, bool, date, type(None))


def _may_nest(annotation: Any) -> bool:
    """Whether a field so annotated may hold a model other than Text and Prose (when in
    doubt, it may)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return False
    if origin is not None:
        args = typing.get_args(annotation)
        return any(_may_nest(arg) for arg in (args[:1] if origin is typing.Annotated else args)
                   if arg is not Ellipsis)
    return not (isinstance(annotation, type) and issubclass(annotation, (Text, Prose, *_SCALARS)))


@cache
def _fields(model: type[Model]) -> tuple[tuple[str, str], ...]:
    """The fields of a model class that may hold nested models: attribute, key in the file."""
    return tuple((name, info.alias or name) for name, info in model.model_fields.items()
                 if _may_nest(info.annotation))


def _nested(model: Model, loc: Key, found: list[tuple[Model, Key]]) -> None:
    found.append((model, loc))
    for name, key in _fields(type(model)):
        value = getattr(model, name)
        if isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, Model) and not isinstance(item, (Text, Prose)):
                    _nested(item, (*loc, key, i), found)
        elif isinstance(value, Model) and not isinstance(value, (Text, Prose)):
            _nested(value, (*loc, key), found)


def walk(model: Model, loc: Key = ()) -> Iterator[tuple[Model, Key]]:
    """Every nested model with its location, text values left out."""
    found: list[tuple[Model, Key]] = []
    _nested(model, loc, found)
    return iter(found)


def located(programme: Files) -> list[tuple[str, Model, Key]]:
    """Every model in a programme's files, as `walk` finds them, with its file."""
    return [(file, record, loc) for file, model in programme.files()
            for record, loc in walk(model)]


def records_among(models: Iterable[tuple[str, Model, Key]]) -> Iterator[RecordEntry]:
    """The records with an id among `models` (as `located` gives them), in their order."""
    for file, record, loc in models:
        if record.kind_name:
            yield RecordEntry(record.kind_name, str(record.__dict__["id"]), file,
                              (*loc, "id"), record)


def records(programme: Files) -> Iterator[RecordEntry]:
    """Each record with an id, in file order; an action re-reported later comes again."""
    return records_among(located(programme))
