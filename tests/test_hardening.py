"""Hostile trees, extreme values and failing disks, tried the way an attacker would.

Each test states what must never happen: a file outside the checkout read or deleted,
a source replaced by a site, a traceback, a value that validates but does not build.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from rhaglen.build import build_site
from rhaglen.render.charts import Bar, bar_chart

from .data import WALK, edit, problems
from .helpers import AS_OF

DAY = date.fromisoformat(AS_OF)
CANARY = "canary-7f3a9c"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and link under `folder` (links not followed), with its content's hash."""
    found = {}
    for top, dirs, names in os.walk(folder):
        for name in [*dirs, *names]:
            path = Path(top, name)
            key = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[key] = "-> " + os.readlink(path)
            elif path.is_file():
                found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def canary_folder(root: Path) -> Path:
    """A folder outside the project holding a file that must never be read or deleted."""
    folder = root / "outside"
    folder.mkdir()
    (folder / "secret.yml").write_text(f"title: {CANARY}\n", encoding="utf-8")
    return folder


def run(*args: str, cwd: Path, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rhaglen.cli", *args], cwd=cwd,
                          capture_output=True, text=True, check=False,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})


def one_clean_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in text, text
    return lines[0]


@pytest.fixture
def in_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(project)
    return project


# Symbolic links under programmes/: refused where they stand, never followed


def test_a_data_file_linked_outside_the_checkout_is_refused_unread(
        in_project: Path, tmp_path: Path) -> None:
    outside = canary_folder(tmp_path)
    risks = in_project / "programmes" / WALK / "risks.yml"
    risks.unlink()
    risks.symlink_to(outside / "secret.yml")
    found = problems(Path("programmes"))
    assert found == [f"programmes/{WALK}/risks.yml:1:1: file: is a symbolic link, which "
                     "Rhaglen never follows: commit the file or folder itself here"]


def test_a_programme_folder_linked_to_etc_lists_nothing_inside_it(in_project: Path) -> None:
    (in_project / "programmes" / "system").symlink_to("/etc")
    found = problems(Path("programmes"))
    assert found == ["programmes/system:1:1: file: is a symbolic link, which Rhaglen never "
                     "follows: commit the file or folder itself here"]


@pytest.mark.parametrize("link", ["tags.yml", f"{WALK}/updates",
                                  f"{WALK}/updates/2026-04-10.yml"])
def test_every_other_kind_of_link_is_refused(in_project: Path, tmp_path: Path,
                                             link: str) -> None:
    outside = canary_folder(tmp_path)
    path = in_project / "programmes" / link
    target = outside / "secret.yml" if link.endswith(".yml") else outside
    if path.is_dir():
        for child in path.iterdir():
            child.unlink()
        path.rmdir()
    else:
        path.unlink()
    path.symlink_to(target)
    found = problems(Path("programmes"))
    assert any(line.startswith(f"programmes/{link}:1:1: file: is a symbolic link")
               for line in found), found
    assert not any(CANARY in line or "secret" in line for line in found)


# Values at the edge of what validates


@pytest.mark.parametrize(("old", "new", "message"), [
    ("    due: 2026-07-15", "    due: 1899-12-31",
     "1899-12-31 is out of range: dates are from 1900-01-01 to 2200-12-31"),
    ("    due: 2026-07-15", "    due: 0001-01-01", "0001-01-01 is out of range"),
    ("    due: 2026-07-15", "    due: 2201-01-01", "2201-01-01 is out of range"),
    ("      planned: 12000", "      planned: " + "9" * 400, "'999999999999… (400 characters)' "
     "is out of range: numbers are between -1,000,000,000,000 and 1,000,000,000,000"),
    ("      planned: 12000", "      planned: 1e400", "'1e400' is out of range"),
    ("      planned: 12000", "      planned: 1000000000001", "'1000000000001' is out of range"),
    ("      planned: 12000", "      planned: .inf", "expected a number, got '.inf'"),
    ("      value: 38", "      value: -1e13", "'-1e13' is out of range"),
    ("      value: 38", "      value: " + "1" * 5000, "is out of range"),
])
def test_values_out_of_range_are_refused_at_their_line(
        in_project: Path, old: str, new: str, message: str) -> None:
    edit(in_project / "programmes" / WALK / "plan.yml", old, new)
    found = problems(Path("programmes"))
    assert len(found) == 1 and message in found[0], found
    assert found[0].startswith(f"programmes/{WALK}/plan.yml:")


@pytest.mark.parametrize(("title", "message"), [
    ("x" * 301, "is 301 characters long; a title, name or other one-line text may be at "
                "most 300 (in each language)"),
    ("\u200b\u2060", "has no visible character"),
    ('"\\u200b \\u3164"', "has no visible character"),
    ('" \\u2800 "', "has no visible character"),
])
def test_overlong_and_invisible_titles_are_refused(in_project: Path, title: str,
                                                   message: str) -> None:
    edit(in_project / "programmes" / WALK / "programme.yml", "  en: Walk to School",
         f"  en: {title}")
    found = problems(Path("programmes"))
    assert len(found) == 1 and found[0].startswith(
        f"programmes/{WALK}/programme.yml:3:7: title.en: ") and message in found[0], found


def test_prose_is_at_most_ten_thousand_characters(in_project: Path) -> None:
    edit(in_project / "programmes" / WALK / "programme.yml", "mission:\n  cy: ",
         "mission:\n  cy: " + "a" * 10_001 + " ")
    found = problems(Path("programmes"))
    assert len(found) == 1 and "may be at most 10,000" in found[0], found


def _at_every_bound(walk: Path) -> None:
    """The demo data with the earliest and latest dates, largest numbers, longest texts."""
    longest = "Ŵ" * 299 + "!"
    edit(walk / "programme.yml", "  en: Walk to School", f"  en: {longest}")
    mission = (walk / "programme.yml").read_text(encoding="utf-8").split("mission:\n  cy: ")[1]
    rest = mission.split("\n")[0]
    edit(walk / "programme.yml", f"  cy: {rest}", "  cy: " + "ŵ" * (10_000 - len(rest)) + rest)
    edit(walk / "plan.yml", "    due: 2026-07-15", "    due: 1900-01-01")
    edit(walk / "plan.yml", "    due: 2027-07-31", "    due: 2200-12-31")
    edit(walk / "plan.yml", "      date: 2025-06-30", "      date: 1900-01-01")
    edit(walk / "plan.yml", "      date: 2027-06-30", "      date: 2200-12-31")
    edit(walk / "plan.yml", "      planned: 12000", "      planned: 1e12")
    edit(walk / "plan.yml", "      planned: 38500", "      planned: 1e-300")  # spent/planned: inf
    edit(walk / "plan.yml", "      value: 38", "      value: -1000000000000")
    edit(walk / "plan.yml", "      value: 55", "      value: 1e12")
    edit(walk / "updates" / "2026-04-10.yml", "    spent: 31000", "    spent: 1e12")
    edit(walk / "updates" / "2026-04-10.yml", "    forecast: 2026-09-30",
         "    forecast: 2200-12-31")
    edit(walk / "updates" / "2026-04-10.yml", "    value: 44", "    value: 0.000000001")


def test_everything_that_validates_at_the_bounds_builds(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    walk = project / "programmes" / WALK
    _at_every_bound(walk)
    assert build_site(project / "mkdocs.yml", project / "site", DAY) == 0, (
        capsys.readouterr())
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    plan = (project / "site" / "en" / "programmes" / WALK / "plan" / "index.html").read_text(
        encoding="utf-8")
    assert "Ŵ" * 40 in (project / "site" / "en" / "programmes" / WALK / "index.html"
                        ).read_text(encoding="utf-8")
    for bad in ("nan", "inf", "∞"):
        assert f'="{bad}' not in plan and f"£{bad}" not in plan


def test_a_bar_of_an_infinite_share_is_drawn_finite() -> None:
    bars = [Bar("B2", float("inf"), "£29,750 of £0.00", marker=float("nan")),
            Bar("B3", float("nan"), "?"), Bar("B4", 1e18, "far over")]
    svg = bar_chart("budget", "Budget", "Spend", bars)
    assert "nan" not in svg and "inf" not in svg
    widths = [float(w) for w in re.findall(r'width="([-0-9.e]+)"', svg)]
    assert all(0 <= w <= 420 * 101 for w in widths), widths


# internal: in tags.yml is a private note, never a tag


def test_internal_in_tags_yml_is_dropped_and_never_published(project: Path) -> None:
    tags = project / "programmes" / "tags.yml"
    tags.write_text(tags.read_text(encoding="utf-8")
                    + f"internal:\n  note: {CANARY} call 07700 900123\n", encoding="utf-8")
    assert build_site(project / "mkdocs.yml", project / "site", DAY) == 0
    for folder in (project / "site", project / "docs"):
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix != ".gz":
                assert CANARY.encode() not in path.read_bytes(), path


def test_internal_is_not_a_tag_a_lesson_can_use(in_project: Path) -> None:
    tags = in_project / "programmes" / "tags.yml"
    tags.write_text(tags.read_text(encoding="utf-8") + "internal: {cy: Mewnol, en: Internal}\n",
                    encoding="utf-8")
    assert problems(Path("programmes")) == []
    lessons = in_project / "programmes" / WALK / "lessons.yml"
    text = lessons.read_text(encoding="utf-8")
    first_tag = text.split("tags: [", 1)[1].split("]", 1)[0].split(",")[0]
    lessons.write_text(text.replace(f"tags: [{first_tag}", "tags: [internal", 1),
                       encoding="utf-8")
    assert any("'internal'" in line for line in problems(Path("programmes")))
