"""Hostile text, round three: Prose shaped to make Markdown slow, characters no page or
feed may hold, and a mistake late in a file hiding the problems of its records.

Each test states what must never happen: a value that holds `validate` for seconds, a
character that makes a feed not well-formed XML, a problem left for the next run.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from rhaglen.site.build import build_site
from rhaglen.text import prose, yamlcompose
from rhaglen.text.problems import Problem
from rhaglen.text.prose import (
    MAX_LINES,
    MAX_LINKS,
    MAX_MARKS,
    MAX_NESTING,
    MAX_TAGS,
    prose_problems,
    render_prose,
)
from rhaglen.text.yamlload import load_yaml

from ..edits import WALK, edit, line_of, problems
from ..helpers import AS_OF

BREATHE = "anadlu-n-rhydd"
LATEST = f"programmes/{BREATHE}/updates/2026-11-13.yml"
NESTED = f"brackets [ or ( are nested more than {MAX_NESTING} deep; close each one sooner, " \
    "or write \\[ or \\( for one that is text"
MARKERS = f"a line starts with more than {MAX_NESTING} list or quote markers " \
    "(-, *, +, 1. or >); nest lists less deep"
TAGS = f"has more than {MAX_TAGS} tags or <...> links (a < before a letter); " \
    "write links as [text](https://...) and leave HTML out"
LINKS = f"has more than {MAX_LINKS} links [...](...); link to a page that lists the rest"
MARKS = f"has more than {MAX_MARKS:,} of the marks * _ ` and \\ (emphasis, code, escapes); " \
    "use fewer"


@pytest.fixture
def in_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(project)
    return project


@pytest.fixture
def no_markdown(monkeypatch: pytest.MonkeyPatch) -> None:
    """Markdown must not run: a text it would take seconds over is refused before."""
    def refuse() -> Any:
        raise AssertionError("Markdown ran on a text that should have been refused first")

    monkeypatch.setattr(prose, "_detector", refuse)
    monkeypatch.setattr(prose, "_renderer", refuse)


# 1. Prose shaped to make Markdown slow is refused before Markdown runs ------------------

FILL = 10_000  # the longest Prose


def _filled(unit: str) -> str:
    return (unit * (FILL // len(unit) + 1))[:FILL]


@pytest.mark.parametrize(("text", "message"), [
    ("[" * FILL, NESTED),  # quadratic: each [ is read to the end
    ("[" * 4_999 + "a" + "]" * 4_999, NESTED),  # 9-11 s in validate before
    (_filled("[("), NESTED),
    (_filled("!["), NESTED),  # unclosed images, each read to the end
    (_filled("[a]["), NESTED),
    (_filled("[<"), NESTED),
    (_filled("[&"), NESTED),
    (_filled("<![CDATA["), NESTED),  # 4 s through the renderer too
    (_filled("1. "), MARKERS),  # nested lists overflowed Python's stack in the renderer
    (_filled("+ "), MARKERS),
    (_filled("> "), MARKERS),
    (_filled("- > "), MARKERS),
    (_filled("<a b="), TAGS),  # each read to the next > by the HTML parser
    (_filled("</a "), TAGS),
    (_filled("[a](x'- )"), LINKS),  # a quote in the address: read to the paragraph's end
    (_filled("[a](x()'b)"), LINKS),
    (_filled("_*"), MARKS),  # linear, but tens of microseconds each: 0.1 s
    (_filled("*a "), MARKS),
    (_filled("[\\"), MARKS),
    (_filled("=\n"), f"has 5,001 lines; prose may have at most {MAX_LINES} "
                     "(join the lines of each paragraph)"),  # each line splits the paragraph
])
def test_prose_markdown_would_be_slow_over_is_refused_before_it_runs(
        no_markdown: None, text: str, message: str) -> None:
    assert len(text) <= FILL
    assert prose_problems(text) == [message]


def test_lessons_of_thousands_of_nested_brackets_are_each_one_line(
        in_project: Path, no_markdown: None) -> None:
    lessons = in_project / "programmes" / WALK / "lessons.yml"
    nested = "[" * 4_999 + "a" + "]" * 4_999
    for old in ("  en: The objections came before we had explained the scheme.",
                "  en: Hold a drop-in session **before** publishing the traffic order."):
        edit(lessons, old, f"  en: '{nested}'")
    shown = f"programmes/{WALK}/lessons.yml"
    assert problems(Path("programmes")) == [
        f"{shown}:11:11: lessons[0].what_happened.en: {NESTED}",
        f"{shown}:14:11: lessons[0].recommendation.en: {NESTED}"]


@pytest.mark.parametrize("text", [
    "[" * MAX_NESTING + "a" + "]" * MAX_NESTING,
    "(" * MAX_NESTING + "a" + ")" * MAX_NESTING + "[" * MAX_NESTING,  # each counted apart
    "\\[" * 50 + "]" * 50 + "(a) " * 50,  # escaped, or closed before the next opens
    "- " * MAX_NESTING + "a\n" + "> " * MAX_NESTING,
    "<https://example.org> " * MAX_TAGS + "a < b, 3<4",
    "[a](https://example.org/x'y) " * MAX_LINKS,
    "*a* " * (MAX_MARKS // 2),
    "a\n" * (MAX_LINES - 1) + "a",
])
def test_prose_up_to_the_limits_is_read_as_markdown(text: str) -> None:
    assert not [p for p in prose_problems(text) if "more than" in p or "lines" in p]
    render_prose(text)  # no RecursionError, whatever it holds


@pytest.mark.parametrize("text", ["Give time\n=", "Give time\n-", "Give time\n--"])
def test_a_heading_underlined_by_one_mark_is_found(text: str) -> None:
    assert prose_problems(text) == ["headings are not allowed"]


# 2. Characters no web page or feed may hold, in any value or key ------------------------

def _unpublishable(code: int) -> str:
    return (f"character U+{code:04X} cannot be published (no web page or feed may hold it); "
            "delete it")


@pytest.mark.parametrize(("escape", "code"), [
    ("\\uFFFE", 0xFFFE), ("\\uFFFF", 0xFFFF), ("\\x01", 0x01), ("\\e", 0x1B), ("\\0", 0),
    ("\\x7f", 0x7F), ("\\x85", 0x85), ("\\N", 0x85), ("\\x9f", 0x9F), ("\\uFDD0", 0xFDD0),
    ("\\uFDEF", 0xFDEF), ("\\U0001FFFE", 0x1FFFE), ("\\U0010FFFF", 0x10FFFF),
])
def test_an_escape_that_makes_an_unpublishable_character_is_refused_at_its_value(
        in_project: Path, escape: str, code: int) -> None:
    edit(in_project / "programmes" / WALK / "programme.yml", "  en: Walk to School",
         f'  en: "Walk to{escape} School"')
    assert problems(Path("programmes")) == [
        f"programmes/{WALK}/programme.yml:3:7: title.en: {_unpublishable(code)}"]


def test_an_unpublishable_character_in_a_key_is_refused_at_the_key(in_project: Path) -> None:
    edit(in_project / "programmes" / WALK / "programme.yml", "  en: Walk to School",
         '  en: Walk to School\n  "en\\uFFFF": Walk')
    assert problems(Path("programmes")) == [
        f"programmes/{WALK}/programme.yml:4:3: title: {_unpublishable(0xFFFF)}"]


def test_an_unpublishable_character_in_a_record_leaves_only_that_record_out(
        in_project: Path) -> None:
    update = in_project / LATEST
    edit(update, "      en: No decision yet from the panel and no new date",
         '      en: "No decision yet\\uFFFE"')
    line = line_of(update, "No decision yet")
    assert problems(Path("programmes")) == [
        f"{LATEST}:{line}:11: milestones[1].note.en: {_unpublishable(0xFFFE)}"]


def test_a_noncharacter_written_raw_is_refused(in_project: Path) -> None:
    edit(in_project / "programmes" / WALK / "programme.yml", "  en: Walk to School",
         "  en: Walk to\ufdd0 School")
    assert problems(Path("programmes")) == [
        f"programmes/{WALK}/programme.yml:3:7: title.en: {_unpublishable(0xFDD0)}"]


def test_a_lone_surrogate_is_refused_by_either_parser(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("f.yml").write_text('title: "a\\ud800b"\n', encoding="utf-8")
    found: list[Problem] = []
    assert load_yaml(Path("f.yml"), found) is None
    assert [p.format() for p in found] == [  # libyaml refuses it as it reads
        "f.yml:1:10: syntax: this escape names no character that can be published (a lone "
        "surrogate, or past U+10FFFF): delete it (parser: found invalid Unicode character "
        "escape code)"]
    monkeypatch.setattr(yamlcompose, "_Parser", yaml.SafeLoader)  # PyYAML's own lets it by
    found = []
    assert load_yaml(Path("f.yml"), found) is None
    assert [p.format() for p in found] == [f"f.yml:1:8: title: {_unpublishable(0xD800)}"]


def test_an_unpublishable_character_builds_nothing(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project / "programmes" / WALK / "programme.yml", "  en: Walk to School",
         '  en: "Walk to School\\uFFFE"')
    assert build_site(project / "mkdocs.yml", project / "site", date.fromisoformat(AS_OF)) == 1
    assert not (project / "site").exists()
    assert _unpublishable(0xFFFE) in capsys.readouterr().out


# 3. A mistake after the records hides none of their problems ---------------------------

FALLS = (f"{LATEST}:48:12: spend[0].spent: spend to date on B1 falls from 408000 "
         "(updates/2026-07-17.yml) to 100; each update gives the total spent so far, which "
         "cannot fall: correct one of them")
TAB = "tab character; YAML is indented with spaces"


@pytest.mark.parametrize(("old", "new", "mistake"), [
    ("  - line: B6", "  -\tline: B6", f"57:4: syntax: {TAB}"),  # the case reported
    ("  - line: B6", "\t- line: B6", f"57:1: syntax: {TAB}"),
    ("      en: The overspend has happened; funding to cover it has been agreed",
     "      en: The overspend\thas happened", f"65:24: syntax: {TAB}"),
    ("  - line: B6", "  - line: B6\x01", "57:13: syntax: control character U+0001 is not allowed"),
    ("  - line: B6", "  - line: B\u202e6",
     "57:12: syntax: bidirectional control character U+202E is not allowed"),
    ("    spent: 33900", "    spent: '33900",
     "58:12: syntax: a quoted text is not closed: add the closing ' on this line (parser: "
     "did not find expected key)"),
])
def test_a_mistake_after_the_records_leaves_their_rules_checked(
        in_project: Path, old: str, new: str, mistake: str) -> None:
    update = in_project / LATEST
    edit(update, "    spent: 468000", "    spent: 100")
    edit(update, old, new)
    assert problems(Path("programmes")) == [FALLS, f"{LATEST}:{mistake}"]


def test_a_byte_that_is_not_utf8_after_the_records_leaves_their_rules_checked(
        in_project: Path) -> None:
    update = in_project / LATEST
    edit(update, "    spent: 468000", "    spent: 100")
    update.write_bytes(update.read_bytes().replace(b"  - line: B6", b"  - line: B6 caf\xe9"))
    assert problems(Path("programmes")) == [
        FALLS, f"{LATEST}:57:17: syntax: byte 0xe9 is not UTF-8; save the file as UTF-8"]


def test_a_tab_keeps_what_was_read_before_it(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("f.yml").write_text("items:\n  - id: a\n  - id: b\n  - id:\tc\n  - id: d\n",
                             encoding="utf-8")
    found: list[Problem] = []
    doc = load_yaml(Path("f.yml"), found, partial=True)
    assert [p.format() for p in found] == [f"f.yml:4:8: syntax: {TAB}"]
    assert doc is not None and doc.data == {"items": [{"id": "a"}, {"id": "b"}]}
    assert doc.cut == ("items",)  # b was closed before the tab's line: only c is cut
    assert load_yaml(Path("f.yml"), []) is None  # read whole, or not at all
