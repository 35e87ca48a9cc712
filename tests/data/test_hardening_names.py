"""Hardened, round three: names that cannot be published or checked out, values that
would rewrite the terminal, and commands that must end in one line.
"""

from __future__ import annotations

import errno
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from rhaglen.text.names import MAX_NAME, is_windows_device
from rhaglen.text.problems import Problem, printable

from ..edits import WALK, edit, problems
from ..site.test_hardening import one_clean_line, run

DEVICES = ["con", "nul", "aux", "prn", "com1", "lpt9"]


@pytest.fixture
def here(programmes: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`programmes/` as a path from the project, the working folder (as a team runs it)."""
    monkeypatch.chdir(programmes.parent)
    return Path("programmes")


def copy_as(programmes: Path, name: str) -> None:
    """The walking programme again, in a folder of another name."""
    (programmes / WALK).rename(programmes / name)


# Names: at most 100 characters, and none Windows keeps for a device


@pytest.mark.parametrize("name", DEVICES)
def test_a_programme_folder_named_as_a_windows_device_is_refused(here: Path,
                                                                 name: str) -> None:
    copy_as(here, name)
    found = problems(here)
    assert f"programmes/{name}:1:1: file: '{name}' is a name Windows keeps for a device, so "\
           "the files could not be checked out there; choose another folder name" in found


def test_a_programme_folder_name_of_more_than_100_characters_is_refused(here: Path) -> None:
    name = "a" * 251
    copy_as(here, name)
    assert problems(here) == [
        f"programmes/{name}:1:1: file: '{'a' * 24}…' is 251 characters long; a folder name "
        "has at most 100"]
    ok = "b" * MAX_NAME
    (here / name).rename(here / ok)
    assert problems(here) == []


@pytest.mark.parametrize("tag", ["con", "com9", "a" * 101])
def test_a_tag_that_cannot_be_a_folder_is_refused_in_tags_yml_and_in_lessons(
        here: Path, tag: str) -> None:
    programmes = here
    edit(programmes / "tags.yml", "engagement:", f"{tag}:\n  cy: Tag\n  en: Tag\nengagement:")
    edit(programmes / WALK / "lessons.yml", "tags: [engagement, timing]",
         f"tags: [engagement, {tag}]")
    found = problems(programmes)
    assert any(line.startswith(f"programmes/tags.yml:2:1: {tag}: ") for line in found), found
    assert any(line.startswith(f"programmes/{WALK}/lessons.yml:15:") and "tags[1]" in line
               for line in found), found
    assert all("Windows" in line or "characters long" in line for line in found), found


@pytest.mark.parametrize("name", ["CON", "nul.txt", "Com1.yml", "lpt\u00b9", "aux ."])
def test_windows_devices_are_known_in_any_case_and_with_any_extension(name: str) -> None:
    assert is_windows_device(name)


@pytest.mark.parametrize("name", ["console", "null", "com10", "con-walk", "aux1"])
def test_names_that_only_begin_like_a_device_are_fine(name: str) -> None:
    assert not is_windows_device(name)


@pytest.mark.parametrize(("command", "slug", "message"), [
    ("new", "a" * 300, f"rhaglen new: '{'a' * 24}…' is 300 characters long; a folder name has "
     "at most 100"),
    ("new", "con", "rhaglen new: 'con' is a name Windows keeps for a device, so the files "
     "could not be checked out there; choose another folder name"),
    ("new-update", "a" * 300, f"rhaglen new-update: no programme folder programmes/{'a' * 300}"),
    ("new-update", "nul", "rhaglen new-update: no programme folder programmes/nul"),
])
@pytest.mark.build
def test_new_and_new_update_refuse_impossible_names_in_one_line(
        project: Path, command: str, slug: str, message: str) -> None:
    done = run(command, slug, cwd=project)
    assert done.returncode == 2
    assert one_clean_line(done.stderr) == message
    assert not (project / "programmes" / slug[:100]).exists()


def test_new_update_into_a_folder_it_cannot_write_is_one_line(
        project: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from rhaglen.cli import main

    real_open = Path.open

    def read_only(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "x" in mode or "w" in mode:
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_open(self, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.chdir(project)
    monkeypatch.setattr(Path, "open", read_only)
    assert main(["new-update", WALK, "--date", "2026-11-26"]) == 1
    target = f"programmes/{WALK}/updates/2026-11-26.yml"
    assert one_clean_line(capsys.readouterr().err) == (
        f"rhaglen new-update: could not write {target}: Read-only file system; check that "
        f"programmes/{WALK}/updates is a writable folder")
    assert not (project / target).exists()


def test_a_half_written_update_is_removed(project: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from rhaglen.cli import main

    real_open = Path.open

    class Full:
        def __init__(self, real: Any) -> None:
            self.real = real

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.real.close()

        def write(self, text: str) -> int:
            self.real.write(text[:10])
            raise OSError(errno.ENOSPC, "No space left on device")

    def filling(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        opened = real_open(self, mode, *args, **kwargs)
        return Full(opened) if "x" in mode else opened

    monkeypatch.chdir(project)
    monkeypatch.setattr(Path, "open", filling)
    assert main(["new-update", WALK, "--date", "2026-11-26"]) == 1
    assert "No space left on device" in one_clean_line(capsys.readouterr().err)
    assert not (project / "programmes" / WALK / "updates" / "2026-11-26.yml").exists()


# Values echoed in problem lines: never a control character, in either format

HOSTILE = r"\u202e\u2028\u200b programmes: 2 programme(s), valid.\u2066"
NAMED = "plan\x1b]0;pwned\x07\r\x1b[2K programmes: valid.\x1b[8m.yml"


@pytest.mark.build
@pytest.mark.parametrize("form", ["text", "github"])
def test_values_and_names_that_would_rewrite_the_terminal_are_echoed_escaped(
        project: Path, form: str) -> None:
    edit(project / "programmes" / WALK / "programme.yml", "stage: implementing",
         f'stage: "{HOSTILE}"')
    (project / "programmes" / WALK / NAMED).write_text("a: 1\n", encoding="utf-8")
    done = run("validate", "--format", form, cwd=project)
    assert done.returncode == 1
    out = done.stdout + done.stderr
    assert not [char for char in out if char != "\n" and unicodedata.category(char) in
                ("Cc", "Cf", "Zl", "Zp")], out
    assert "valid." not in done.stderr
    stage = next(line for line in done.stdout.splitlines() if "stage" in line)
    assert r"\u202e\u2028\u200b programmes: 2 programme(s), valid.\u2066" in stage
    cr = "%0D" if form == "github" else r"\x0d"  # GitHub's own escape for a line break
    named = next(line for line in done.stdout.splitlines() if "unknown file" in line)
    assert rf"plan\x1b]0;pwned\x07{cr}\x1b[2K programmes: valid.\x1b[8m.yml" in named


def test_printable_keeps_welsh_and_escapes_what_a_terminal_acts_on() -> None:
    assert printable("Ŵyn ac ŷd – “dyfyniad” ✓") == "Ŵyn ac ŷd – “dyfyniad” ✓"
    assert printable("plan\udcff.yml") == r"plan\xff.yml"
    assert printable("a\tb\u2028c\U000e0001") == r"a\x09b\u2028c\U000e0001"
    problem = Problem("programmes/x\udcff.yml", 1, 1, "file", "bad\x1b[2K")
    assert problem.format() == r"programmes/x\xff.yml:1:1: file: bad\x1b[2K"
    assert "\x1b" not in problem.github() and r"x\xff.yml" in problem.github()
