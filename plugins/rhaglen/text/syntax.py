"""YAML syntax errors in plain words, at the line where the mistake is; bytes not UTF-8.

libyaml notices a mistake where it can no longer read on, which is often far from the
mistake itself: an unclosed quote on line 3 is noticed at the end of the file. Its
error carries two places, the `context_mark` (where the thing it was reading began: a
quote, a bracket, a list, a key) and the `problem_mark` (where it gave up). This module
picks the place a person must edit, says what to do there, and keeps the parser's own
words after it, so nothing it knew is lost.
"""

from __future__ import annotations

from typing import Any

import yaml

from .problems import Problem

QUOTES = "\"'"
_OPENERS = ":-[{,?"  # a quote after one of these (or at a line's start) opens a value


def _offset(text: str, mark: Any) -> int:
    """The offset in `text` of a libyaml mark (its own index counts bytes in some builds)."""
    lines = text.split("\n")
    return sum(len(line) + 1 for line in lines[: mark.line]) + int(mark.column)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _opens_value(text: str, at: int) -> bool:
    before = text[text.rfind("\n", 0, at) + 1: at].rstrip(" ")
    return not before or before[-1] in _OPENERS


def _closing(text: str, at: int) -> int | None:
    """The offset of the quote that closes the one opened at `at`, or None."""
    quote, i = text[at], at + 1
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            if quote == "'" and text[i + 1: i + 2] == "'":  # '' is a quote inside '...'
                i += 2
                continue
            return i
        i += 1
    return None


def unclosed_quote(text: str, start: int, end: int) -> int | None:
    """The first quote from `start` to `end` that opens a value and is not closed on its line.

    A quoted value may run over several lines in YAML, but in programme data that is
    nearly always a forgotten closing quote, so it is the best guess once the parser
    has failed somewhere after it.
    """
    i = start
    while i < min(end, len(text)):
        char = text[i]
        if char == "#" and (i == 0 or text[i - 1] in " \n"):
            newline = text.find("\n", i)
            i = len(text) if newline < 0 else newline
        elif char in QUOTES and _opens_value(text, i):
            close = _closing(text, i)
            if close is None or "\n" in text[i:close]:
                return i
            i = close
        i += 1
    return None


def _advice(exc: yaml.MarkedYAMLError, text: str, at: int) -> str:
    """What to do, in plain words, about the mistake at offset `at`."""
    problem = exc.problem or ""
    char = text[at: at + 1]
    if "Unicode character escape" in problem:  # \ud800: half of a pair, never published
        return ("this escape names no character that can be published (a lone surrogate, "
                "or past U+10FFFF): delete it")
    if "escape" in problem:
        return ("a \\ in double quotes starts an escape such as \\n: write \\\\ for a "
                "backslash, or use single quotes")
    if char in QUOTES:
        return f"a quoted text is not closed: add the closing {char} on this line"
    if char == "{":
        return "this { is not closed: add the closing } (with a comma between entries)"
    if char == "[":
        return "this [ is not closed: add the closing ] (with a comma between items)"
    if "expected ':'" in problem:
        return ("this line is not a 'key: value' pair: add ': ' after the key, or indent it "
                "under the key it continues")
    if "'-' indicator" in problem:
        return ("this line does not fit the list above it: indent it like the keys of the "
                "item it belongs to, or start a new item with '- '")
    if "expected key" in problem:
        return ("this line does not fit the keys above it: line it up with them, and keep "
                "any text after a closing quote inside the quotes")
    if problem.startswith("mapping values are not allowed"):
        return ("': ' is not allowed here: if it is part of the text, put the whole value in "
                "quotes; if it starts a key, check the indentation")
    if problem.startswith("found character that cannot start any token"):
        return f"a value cannot start with {char}: put the value in quotes"
    return "the YAML cannot be read on from here: compare this line with the lines around it"


def _place(exc: yaml.MarkedYAMLError, text: str) -> int:
    """The offset a person must edit: the opening of what was left open, else the problem."""
    problem = exc.problem_mark or exc.context_mark
    end = _offset(text, problem) if problem else len(text)
    if "Unicode character escape" in (exc.problem or ""):  # libyaml points past its \u
        return max(text.rfind("\\", 0, end), 0)
    if exc.context_mark is None:
        return end
    start = _offset(text, exc.context_mark)
    if start < len(text) and text[start] in "\"'{[" and "escape" not in (exc.problem or ""):
        return start
    quote = unclosed_quote(text, start, end)
    return end if quote is None else quote


def syntax_message(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """Line, column and message for a YAML syntax error, the parser's words kept after."""
    at = _place(exc, text)
    detail = exc.problem or exc.context or "not valid YAML"
    line, col = _position(text, at)
    return line, col, f"{_advice(exc, text, at)} (parser: {detail})"


def decode(raw: bytes, shown: str, problems: list[Problem]) -> str | None:
    """Decode strictly as UTF-8 (a BOM is allowed), reporting every bad byte by line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    lines = raw.split(b"\n")
    for number, line in enumerate(lines, start=1):
        try:
            line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            byte = line[exc.start]
            problems.append(
                Problem(shown, number, exc.start + 1, "syntax",
                        f"byte 0x{byte:02x} is not UTF-8; save the file as UTF-8")
            )
    return None
