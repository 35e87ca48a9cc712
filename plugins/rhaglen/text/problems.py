"""Problems found in programme data, reported one line each for the people editing it."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]
# Characters never written to a terminal or a log as they are: controls (an escape
# sequence can rewrite what was printed), format characters (bidirectional overrides),
# surrogates (a file name's bytes that are not UTF-8), private use and unassigned ones,
# and line and paragraph separators.
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def printable(text: str) -> str:
    """`text` safe to print anywhere: every character a terminal could act on, or an
    encoder refuse, written as an escape (`\\x1b`, `\\u202e`, `\\xff` for a byte of a
    file name that is not UTF-8)."""
    if text.isprintable():
        return text
    return "".join(_escaped(char) if unicodedata.category(char) in _UNPRINTABLE else char
                   for char in text)


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
        return printable(f"{self.path}:{self.line}:{self.col}: {self.location}: "
                         f"{prefix}{self.message}")

    def github(self) -> str:
        """The problem as a GitHub Actions workflow command, shown on its line of a diff.

        Escaped as GitHub's runner reads it (toolkit `command.ts`): in the message `%`,
        `\\r` and `\\n`; in the properties also `:` and `,`; then, as in `format`, every
        other character a terminal or log could act on (`printable`).
        """
        message = printable(_escape_data(f"{self.location}: {self.message}"))
        properties = ",".join(f"{key}={printable(_escape_property(str(value)))}"
                              for key, value in (
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
