"""Composing libyaml's event stream into values with their marks (`compose`).

Every plain scalar stays a string; aliases, merge keys, tags and duplicate keys are
refused at their line; a value or key holding a character no page or feed may carry is
refused where it stands. When reading stops (a syntax error, a character reported
before reading), what was read before the mistake is kept and what may be its fault is
marked, so the rules still check the records that held.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from .problems import Problem
from .syntax import syntax_message
from .yamldoc import Document, Key, Plain, format_location

MAX_DEPTH = 32
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Characters no page or feed may carry: those XML 1.0 does not allow (controls but tab,
# line feed and carriage return; lone surrogates; U+FFFE and U+FFFF), and those never
# meant in published text (DEL, the C1 controls, the other noncharacters). Written raw,
# most are refused with the tabs (`_lexical_problems`); an escape in double quotes
# ("\uFFFE", "\x01") makes any of them, and libyaml lets U+FDD0 or U+1FFFE through raw.
# Past U+1FFFE the class holds every character: `_unpublishable` keeps the noncharacters.
_UNPUBLISHABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
                            "\ufdd0-\ufdef\ufffe\uffff\U0001fffe-\U0010ffff]")
# A file can hold such a value only if it holds a backslash (an escape) or one of these
# bytes of UTF-8: U+FDD0-U+FDEF start so, and every U+nFFFE and U+nFFFF ends so.
_MAYBE_UNPUBLISHABLE = (b"\\", b"\xef\xb7", b"\xbf\xbe", b"\xbf\xbf")


def may_hold_unpublishable(raw: bytes) -> bool:
    """Whether a file's bytes can hold a value `compose` must screen (cheap to ask)."""
    return any(part in raw for part in _MAYBE_UNPUBLISHABLE)


def _unpublishable(text: str) -> str | None:
    """The first character of `text` that no page or feed may hold, if any."""
    for found in _UNPUBLISHABLE.finditer(text):
        char = found.group()
        if char < "\U0001fffe" or ord(char) & 0xFFFE == 0xFFFE:
            return char
    return None


class _Stop(Exception):
    """Raised inside the composer when a file cannot be read any further.

    It carries where the mistake is and what was composed before it: each container it
    passes through on its way out adds the part-built child and becomes the value.
    """

    def __init__(self, at: tuple[int, int]) -> None:
        super().__init__()
        self.at = at
        self.value: Any = None
        self.has_value = False

    def passing(self, container: Any) -> None:
        self.value, self.has_value = container, True


def _before(doc: Document, value: Any, loc: Key, at: tuple[int, int],
            closed: dict[Key, tuple[int, int]]) -> tuple[Any, Key]:
    """`value` with only what starts on a line before `at`, and the innermost container open.

    The parser may have read on past the mistake (an unclosed quote swallows the lines
    after it), so what starts on the mistake's line or after it is not trusted, nor is
    a list or mapping that was not closed (`closed`: where it ends) before it.
    """
    if isinstance(value, dict):
        kept: Any = {k: v for k, v in value.items() if doc.mark((*loc, k))[0] < at[0]}
        last: str | int | None = next(reversed(kept), None)
    elif isinstance(value, list):
        kept = [v for i, v in enumerate(value) if doc.mark((*loc, i))[0] < at[0]]
        last = len(kept) - 1 if kept else None
    else:
        return value, loc
    if last is None or closed.get((*loc, last), at) < at or not isinstance(
            kept[last], (dict, list)):
        return kept, loc
    kept[last], cut = _before(doc, kept[last], (*loc, last), at, closed)
    return kept, cut


_Scalar, _Alias, _StreamEnd = yaml.ScalarEvent, yaml.AliasEvent, yaml.StreamEndEvent
_SequenceStart, _SequenceEnd = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_MappingEnd = yaml.MappingEndEvent


@dataclass(frozen=True)
class _Broken:
    """Stands after the last event read for the error that stopped the parser there, or
    (`error` None) for the first character `_lexical_problems` reported, at `at`."""

    error: yaml.YAMLError | None
    at: tuple[int, int] = (0, 0)


def _past(event: Any, limit: tuple[int, int]) -> bool:
    """Whether an event starts, or a scalar ends, after `limit` (line and column from 0)."""
    start, end = event.start_mark, event.end_mark
    return (start.line, start.column) >= limit or (
        type(event) is _Scalar and (end.line, end.column) > limit)


def _events(text: str) -> list[Any]:
    """Every event of `text`, then, if the parser met an error, that error (`_Broken`).

    Read in one loop rather than one call per value the composer asks for: the parser
    is as strict either way, and the error is raised when the composer comes to it, so
    it is reported as if met there, and not at all if composing stopped before it.
    """
    parser = _Parser(text)
    events: list[Any] = []
    try:
        while True:
            event = parser.get_event()
            events.append(event)
            if type(event) is _StreamEnd:
                return events
    except yaml.YAMLError as exc:
        events.append(_Broken(exc))
        return events
    finally:
        parser.dispose()


def _until(events: list[Any], limit: tuple[int, int]) -> list[Any]:
    """`events` without those from the first past `limit` (line and column, from 1) on,
    a `_Broken` without an error standing there (the stream's start is always kept)."""
    at = (limit[0] - 1, limit[1] - 1)
    for index in range(2, len(events)):
        if type(events[index]) is not _Broken and _past(events[index], at):
            return [*events[:index], _Broken(None, limit)]
    return events


class _Composer:
    def __init__(self, doc: Document, text: str, shown: str, problems: list[Problem],
                 limit: tuple[int, int] | None = None, screen: bool = True) -> None:
        self.doc = doc
        self.problems = problems
        self.shown = shown
        self.text = text
        self.limit = limit  # where reading stops: a character reported before reading
        self.marks, self.key_marks = doc.marks, doc.key_marks
        self.closed: dict[Key, tuple[int, int]] = {}  # list or mapping -> where it ends
        self.screen = screen  # whether a value may hold a character no page may
        events = _events(text)
        self.events = iter(events if limit is None else _until(events, limit))

    def problem(self, mark: Any, loc: Key, message: str) -> None:
        self.problems.append(
            Problem(self.shown, mark.line + 1, mark.column + 1, format_location(loc), message)
        )

    def stop(self, mark: Any, loc: Key, message: str) -> _Stop:
        """Report a value that cannot be read past; the exception to raise."""
        self.problem(mark, loc, message)
        return _Stop((mark.line + 1, mark.column + 1))

    def close(self, loc: Key, end: yaml.Event) -> None:
        """Note where a list or mapping ends (line and column, from 1): all of it was read."""
        if end.end_mark is not None:
            self.closed[loc] = (end.end_mark.line + 1, end.end_mark.column + 1)

    def fault(self, mark: Any, loc: Key, message: str) -> None:
        """A value found wrong while reading on: its record cannot be trusted."""
        self.problem(mark, loc, message)
        self.doc.faults.append(loc)

    def broken(self, at: _Broken) -> _Stop:
        """Report a syntax error the composer has come to; the exception to raise.

        Past the `limit`, the text was read with its tabs and control characters made
        spaces, so an error there may be theirs: reading stops at the limit, unreported.
        """
        if at.error is None:
            return _Stop(at.at)
        if not isinstance(at.error, yaml.MarkedYAMLError):
            raise at.error
        line, col, message = syntax_message(at.error, self.text)
        if self.limit is not None and (line, col) >= self.limit:
            return _Stop(self.limit)
        self.problems.append(Problem(self.shown, line, col, "syntax", message))
        return _Stop((line, col))

    def scalar(self, event: yaml.ScalarEvent, loc: Key) -> Any:
        """A scalar's value (see `_scalar`), refused if it holds a character no page may."""
        value = _scalar(event)
        if value is not None:
            self.screened(value, event.start_mark, loc, loc)
        return value

    def screened(self, text: str, mark: Any, loc: Key, fault: Key) -> None:
        """Report, at `loc`, the first character of `text` that cannot be published, and
        distrust the value at `fault`. The message names it, never carries it."""
        char = _unpublishable(text)
        if char:
            self.problem(mark, loc, f"character U+{ord(char):04X} cannot be "
                         "published (no web page or feed may hold it); delete it")
            self.doc.faults.append(fault)

    def next(self) -> Any:
        event = next(self.events)
        if type(event) is _Broken:
            raise self.broken(event)
        return event

    def compose(self) -> Any:
        try:
            self.next()  # StreamStart
            if type(first := next(self.events)) is _Broken:
                if first.error is None:
                    raise self.broken(first)
                raise first.error  # met looking ahead: reported whole by `load_yaml`
            if type(first) is _StreamEnd:
                return None
            value = self.node(next(self.events), (), 0)  # after the DocumentStart
            self.next()  # DocumentEnd
            extra = self.next()
            if type(extra) is not _StreamEnd:
                self.problem(extra.start_mark, (), "only one YAML document is allowed per file")
                self.doc.cut = ()
            return value
        except _Stop as stop:
            value, self.doc.cut = _before(self.doc, stop.value, (), stop.at, self.closed)
            return value

    def node(self, event: Any, loc: Key, depth: int) -> Any:
        if type(event) is _Broken:
            raise self.broken(event)
        mark = event.start_mark
        self.marks[loc] = mark
        if depth > MAX_DEPTH:
            raise self.stop(mark, loc, f"nesting is deeper than {MAX_DEPTH} levels")
        if type(event) is _Alias:
            raise self.stop(mark, loc,
                            f"aliases (*{event.anchor}) are not allowed; write the value out")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            self.fault(mark, loc, f"YAML tags ({tag}) are not allowed")
        if type(event) is _Scalar:
            return self.scalar(event, loc) if self.screen else _scalar(event)
        if type(event) is _SequenceStart:
            return self.sequence(loc, depth)
        return self.mapping(loc, depth)

    def sequence(self, loc: Key, depth: int) -> list[Any]:
        items: list[Any] = []
        try:
            while type(child := next(self.events)) is not _SequenceEnd:
                items.append(self.node(child, (*loc, len(items)), depth + 1))
            self.close(loc, child)
        except _Stop as stop:
            if stop.has_value:
                items.append(stop.value)
            stop.passing(items)
            raise
        return items

    def mapping(self, loc: Key, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        try:
            self.entries(result, loc, depth)
        except _Stop as stop:
            stop.passing(result)
            raise
        return result

    def entries(self, result: dict[str, Any], loc: Key, depth: int) -> None:
        events, marks, key_marks = self.events, self.marks, self.key_marks
        while type(key_event := next(events)) is not _MappingEnd:
            if type(key_event) is not _Scalar:
                if type(key_event) is _Broken:
                    raise self.broken(key_event)
                raise self.stop(key_event.start_mark, loc, "keys must be plain names")
            key_mark: Any = key_event.start_mark
            key = str(key_event.value)
            if self.screen:  # shown at the mapping: the key holds the character
                self.screened(key, key_mark, loc, (*loc, key))
            if key == "<<" and not key_event.style:
                raise self.stop(key_mark, loc,
                                "merge keys (<<) are not allowed; write the keys out")
            child_loc = (*loc, key)
            if key in result:
                first = key_marks[child_loc].line + 1
                self.fault(
                    key_mark, child_loc, f"duplicate key '{key}' (first at line {first})"
                )
                self.node(next(events), (*loc, f"{key}#dup"), depth + 1)
                continue
            key_marks[child_loc] = key_mark
            event = next(events)
            if type(event) is _Scalar and event.tag is None and depth < MAX_DEPTH:
                mark: Any = event.start_mark  # a value without a tag, as `node` reads it
                marks[child_loc] = mark
                result[key] = self.scalar(event, child_loc) if self.screen else _scalar(event)
                continue
            try:
                result[key] = self.node(event, child_loc, depth + 1)
            except _Stop as stop:
                if stop.has_value:
                    result[key] = stop.value
                raise
        self.close(loc, key_event)


def _scalar(event: yaml.ScalarEvent) -> Any:
    """A scalar's value: a plain one as `Plain` (or None), a quoted one as it is."""
    if not event.style:  # plain: None from PyYAML, "" from libyaml
        return None if event.value in NULLS else Plain(event.value)
    return event.value


def compose(doc: Document, text: str, shown: str, problems: list[Problem],
            limit: tuple[int, int] | None, screen: bool) -> Any:
    """The values of `text` with their marks recorded in `doc`; problems appended."""
    return _Composer(doc, text, shown, problems, limit, screen).compose()
