"""Strict YAML loading with line marks.

PyYAML's own loaders apply YAML 1.1 typing (`no` becomes False, `1.10` becomes 1.1),
let the last duplicate key win and expand alias bombs. This loader composes libyaml's
event stream itself: every plain scalar stays a string (typed later by the model, which
knows what each field expects), aliases, merge keys, tags and duplicate keys are
rejected with their line, and each value's position is recorded so that any later
problem can point at the line a person must edit. A value or key holding a character no
page or feed may carry is refused where it stands, however it was written.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .problems import Problem, display_path
from .syntax import decode
from .yamlcompose import MAX_DEPTH as MAX_DEPTH
from .yamlcompose import compose, may_hold_unpublishable
from .yamldoc import Document as Document
from .yamldoc import Key as Key
from .yamldoc import Plain as Plain
from .yamldoc import format_location as format_location

MAX_FILE_BYTES = 1_000_000
MAX_LEXICAL_PROBLEMS = 50
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

_LEXICAL = re.compile("[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff"
                      + "".join(sorted(BIDI_CONTROLS)) + "]")


def _lexical_problems(text: str, shown: str) -> list[Problem]:
    """Tabs, control characters and bidirectional overrides, wherever they stand."""
    found: list[Problem] = []
    for match in _LEXICAL.finditer(text):
        char = match.group()
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        if char == "\t":
            message = "tab character; YAML is indented with spaces"
        elif char in BIDI_CONTROLS:
            message = f"bidirectional control character U+{ord(char):04X} is not allowed"
        else:
            message = f"control character U+{ord(char):04X} is not allowed"
        found.append(Problem(shown, line, col, "syntax", message))
        if len(found) == MAX_LEXICAL_PROBLEMS:
            break
    return found


def _readable(raw: bytes, shown: str, problems: list[Problem], partial: bool
              ) -> tuple[str, tuple[int, int] | None] | None:
    """The file's text to parse, and where reading must stop (line and column, from 1).

    Bytes that are not UTF-8, tabs, control and bidirectional characters are reported.
    Without `partial`, the file is then not read (None). With it, reading stops at the
    first line holding such a byte, or at the first such character, so that the records
    before it are still checked by the rules; the parser meets spaces in their place.
    """
    before = len(problems)
    text = decode(raw, shown, problems)
    if text is None and not partial:
        return None
    stops = [(p.line, 1) for p in problems[before:]]
    if text is None:
        text = raw.decode("utf-8-sig", errors="replace")
    lexical = _lexical_problems(text, shown)
    problems.extend(lexical)
    stops += [(p.line, p.col) for p in lexical]
    if stops and not partial:
        return None
    return (_LEXICAL.sub(" ", text) if lexical else text), min(stops, default=None)


def load_yaml(path: Path, problems: list[Problem], partial: bool = False) -> Document | None:
    """Load one YAML file strictly; on any problem, record it and return None.

    With `partial`, a file that could be read only in part (a syntax error, a tab, an
    alias...) or holds a wrong value (a duplicate key, a tag) is still returned with
    what was read, its `cut` and `faults` saying which values cannot be trusted.
    """
    shown = display_path(path)
    doc = Document(path)
    if path.stat().st_size > MAX_FILE_BYTES:
        problems.append(
            Problem(shown, 1, 1, "file", f"file is larger than {MAX_FILE_BYTES:,} bytes")
        )
        return None
    raw = path.read_bytes()
    readable = _readable(raw, shown, problems, partial)
    if readable is None:
        return None
    text, limit = readable
    screen = may_hold_unpublishable(raw)
    before = len(problems)
    try:
        doc.data = compose(doc, text, shown, problems, limit, screen)
    except yaml.YAMLError as exc:
        problems.append(Problem(shown, 1, 1, "syntax", f"YAML syntax: {exc}"))
        return None
    return doc if partial or len(problems) == before else None
