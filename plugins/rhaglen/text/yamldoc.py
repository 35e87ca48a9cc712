"""A YAML file as read: its values (plain scalars kept as `Plain` strings) and, for each,
the line and column a person must edit (`Document`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

Key = tuple[str | int, ...]


class Plain(str):
    """A plain (unquoted) scalar. Its type is decided by the field that receives it."""

    __slots__ = ()


class Place(Protocol):
    """Where the parser met a value or key: its line and column, counted from 0."""

    line: int
    column: int


@dataclass
class Document:
    """A loaded file: its data, and where every value and key is (see `mark`)."""

    path: Path
    data: Any = None
    marks: dict[Key, Place] = field(default_factory=dict)
    key_marks: dict[Key, Place] = field(default_factory=dict)
    # Read partly (`load_yaml(..., partial=True)`): where reading stopped, if it did,
    # and the values found wrong while reading on (a duplicate key, a tag).
    cut: Key | None = None
    faults: list[Key] = field(default_factory=list)
    # Items left out of a list before the model was built: list location -> the indices
    # left out, so that a location in the model can be told as it stands in the file.
    dropped: dict[Key, tuple[int, ...]] = field(default_factory=dict)

    def source(self, loc: Key) -> Key:
        """Where a location of the model (built without the dropped items) is in the file."""
        at = next((i for i, part in enumerate(loc) if isinstance(part, int)), None)
        if at is None or loc[:at] not in self.dropped:
            return loc
        index, left_out = int(loc[at]), self.dropped[loc[:at]]
        for gone in sorted(left_out):
            if gone <= index:
                index += 1
        return (*loc[:at], index, *loc[at + 1:])

    def mark(self, loc: Key) -> tuple[int, int]:
        """The line and column of the value at `loc`, or of its nearest enclosing value."""
        while loc not in self.marks and loc:
            loc = loc[:-1]
        place = self.marks.get(loc)
        return (1, 1) if place is None else (place.line + 1, place.column + 1)

    def key_mark(self, loc: Key) -> tuple[int, int]:
        """The line and column of the key that names `loc`, falling back to the value."""
        place = self.key_marks.get(loc)
        return self.mark(loc) if place is None else (place.line + 1, place.column + 1)


def format_location(loc: Key) -> str:
    """`("risks", 1, "response")` as `risks[1].response`."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "file"
