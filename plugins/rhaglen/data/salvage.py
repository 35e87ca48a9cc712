"""A file's model built from the records that can be trusted.

One wrong record must not hide the problems of the others: the records that failed (a
wrong value, a missing key, a duplicate key, the one a syntax error cut short) are
reported, left out, and the model is built from the rest, so that the rules across
records still run on them. What was left out is remembered, so that a reference to it
is not reported as naming nothing. A problem outside any list item (a top-level key,
the file's shape) leaves nothing to build: the whole file is left out.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..model.errors import inner_model, model_at, validation_problems
from ..model.types import Record
from ..text.problems import Problem
from ..text.yamlload import Document, Key


@dataclass
class Salvage:
    """A file's model (None: nothing could be built) and what is known to be missing."""

    model: Any
    whole: bool = False  # nothing left out, nothing cut short: the file is all there
    missing_ids: set[str] = field(default_factory=set)  # ids of records left out, lower-case
    missing_kinds: set[str] = field(default_factory=set)  # kinds that may be missing


def record_of(loc: Key) -> Key | None:
    """The list item a location is in (up to its first index), or None outside any list."""
    at = next((i for i, part in enumerate(loc) if isinstance(part, int)), None)
    return None if at is None else loc[: at + 1]


def kinds_in(model: type[BaseModel]) -> set[str]:
    """Every kind of record a file of this model may hold."""
    kind = getattr(model, "kind_name", None)
    kinds = {str(kind)} if kind else set()
    for info in model.model_fields.values():
        inner = inner_model(info.annotation)
        if inner is not None and inner is not model:
            kinds |= kinds_in(inner)
    return kinds


def _ids(value: Any) -> set[str]:
    if isinstance(value, dict):
        found = {value["id"].lower()} if isinstance(value.get("id"), str) else set()
        return found.union(*(_ids(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_ids(v) for v in value))
    return set()


def _left_out(doc: Document, root: type[Record], bad: list[Key]) -> Salvage:
    """Build the model without the items holding `bad` values, remembering their ids (or,
    where an id itself is wrong, their kind) and where they were."""
    items = {item for item in map(record_of, bad) if item is not None}
    data = copy.deepcopy(doc.data)
    dropped: dict[Key, set[int]] = {}
    for item in items:
        dropped.setdefault(item[:-1], set()).add(int(item[-1]))
    salvage = Salvage(None)
    for where, indices in dropped.items():
        parent = data
        for part in where[:-1]:
            parent = parent[part]
        listed = parent[where[-1]]
        for index in indices:
            found = set() if (*where, index, "id") in bad else _ids(listed[index])
            kind = getattr(model_at(root, (*where, index)), "kind_name", None)
            if not found and kind:
                salvage.missing_kinds.add(str(kind))
            salvage.missing_ids |= found
        parent[where[-1]] = [v for i, v in enumerate(listed) if i not in indices]
    try:
        salvage.model = root.model_validate(data)
    except ValidationError:  # the rest fails only because of what was left out
        return Salvage(None, missing_kinds=kinds_in(root))
    doc.dropped = {where: tuple(sorted(indices)) for where, indices in dropped.items()}
    return salvage


def _unread(doc: Document) -> Callable[[ErrorDetails], bool]:
    """Errors that follow from the reading: keys and items after a syntax error was met
    (in the mappings and lists it stopped inside), and a value found wrong while read."""
    cut = doc.cut
    open_parts = {cut[:i] for i in range(len(cut) + 1)} if cut is not None else set()

    def unread(error: ErrorDetails) -> bool:
        loc = tuple(error["loc"])
        return (error["type"] == "missing" and loc[:-1] in open_parts) or (
            error["type"] == "too_short" and loc in open_parts) or any(
            loc[: len(fault)] == fault for fault in doc.faults)

    return unread


def validate_file(doc: Document, root: type[Record], problems: list[Problem]) -> Salvage:
    """Validate a loaded file, reporting every problem; build what can be trusted of it."""
    cut = doc.cut
    bad: list[Key] = list(doc.faults)
    if cut is not None and record_of(cut) is not None:
        bad.append(cut)
    model = None
    try:
        model = root.model_validate({} if doc.data is None else doc.data)
    except ValidationError as exc:
        problems.extend(validation_problems(doc, exc, root, unread=_unread(doc)))
        bad += [tuple(error["loc"]) for error in exc.errors()]
    items = {record_of(loc) for loc in bad}
    cut_kinds = kinds_in(root) if cut is not None else set()
    if None in items:
        return Salvage(None, missing_kinds=kinds_in(root))
    if not items:
        return Salvage(model, whole=cut is None, missing_kinds=cut_kinds)
    salvage = _left_out(doc, root, bad)
    salvage.missing_kinds |= cut_kinds
    return salvage
