"""Problems found in programme data, reported one line each for the people editing it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place in one file: `path:line:col: location: message`."""

    path: str
    line: int
    col: int
    location: str
    message: str
    severity: Severity = "error"

    def format(self) -> str:
        """The line a user sees; warnings say so before the message."""
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}:{self.col}: {self.location}: {prefix}{self.message}"


def display_path(path: Path) -> str:
    """The path relative to the working directory where possible, with forward slashes."""
    try:
        shown = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        shown = str(path)
    if shown.startswith(".." + os.sep + ".." + os.sep):
        shown = str(path)
    return shown.replace(os.sep, "/")


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that stop a build."""
    return [p for p in problems if p.severity == "error"]


class DataError(Exception):
    """Raised when programme data is invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(p.format() for p in self.problems))
