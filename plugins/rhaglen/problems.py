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


    def github(self) -> str:
        """The problem as a GitHub Actions workflow command, shown on its line of a diff.

        Escaped as GitHub's runner reads it (toolkit `command.ts`): in the message `%`,
        `\\r` and `\\n`; in the properties also `:` and `,`.
        """
        message = _escape_data(f"{self.location}: {self.message}")
        properties = ",".join(f"{key}={_escape_property(str(value))}" for key, value in (
            ("file", self.path), ("line", self.line), ("col", self.col), ("title", "Rhaglen")))
        return f"::{self.severity} {properties}::{message}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


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
