"""Editing the demo data in tests: replace one line, add a file, run validation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rhaglen.data.load import load_portfolio

from .helpers import AS_OF

WALK = "cerdded-i-r-ysgol"


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` by `new` in a file, insisting that `old` is there."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems(programmes: Path, as_of: str = AS_OF) -> list[str]:
    """Every problem line for a programmes folder, paths relative to its parent."""
    result = load_portfolio(programmes, date.fromisoformat(as_of))
    return [p.format() for p in result.problems]


def line_of(path: Path, text: str) -> int:
    """The 1-based number of the first line of `path` containing `text`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")
