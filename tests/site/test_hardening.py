"""Hostile trees, extreme values and failing disks, tried the way an attacker would.

Each test states what must never happen: a file outside the checkout read or deleted,
a source replaced by a site, a traceback, a value that validates but does not build.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import mkdocs.utils
import pytest
from rhaglen.data.links import UnsafePath
from rhaglen.export.schema import write_schemas
from rhaglen.render.charts import Bar, bar_chart
from rhaglen.site.build import build_site
from rhaglen.site.destinations import EXPORT_FILE, SITE_FILES, check_export_dir, check_site_dir
from rhaglen.site.staging import Busy, clear_leftovers, locked

from ..edits import WALK, edit, problems
from ..helpers import AS_OF, REPO

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


# Generated folders: never written or emptied through a link


def test_a_link_at_docs_lessons_stops_the_build_and_deletes_nothing(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = canary_folder(tmp_path)
    (project / "docs" / "lessons").symlink_to(outside, target_is_directory=True)
    before = snapshot(outside)
    assert build_site(project / "mkdocs.yml", project / "site", DAY) == 2
    assert snapshot(outside) == before
    assert not (project / "site").exists()
    err = capsys.readouterr().err
    assert "docs/lessons is a symbolic link" in err and "was not changed" in err


def test_a_link_inside_a_generated_folder_is_refused_before_anything_is_written(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = canary_folder(tmp_path)
    docs = project / "docs"
    (docs / "programmes" / WALK).mkdir(parents=True)
    (docs / "programmes" / WALK / "plan").symlink_to(outside, target_is_directory=True)
    before = snapshot(outside)
    assert build_site(project / "mkdocs.yml", project / "site", DAY) == 2
    assert "is a symbolic link" in capsys.readouterr().err
    assert snapshot(outside) == before
    assert not (docs / "programmes" / "index.md").exists()
    (docs / "schema").symlink_to(outside, target_is_directory=True)
    with pytest.raises(UnsafePath):
        write_schemas(docs / "schema")
    assert [p.name for p in outside.iterdir()] == ["secret.yml"]


@pytest.mark.parametrize("path", ["docs/programmes", "docs/lessons", "docs/schema",
                                  ".site.rhaglen-building/index.html",
                                  ".site.rhaglen-old/index.html"])
def test_git_ignores_generated_paths_even_as_files_or_links(path: str) -> None:
    done = subprocess.run(["git", "check-ignore", "--no-index", "-q", path], cwd=REPO,
                          check=False)
    assert done.returncode == 0, path


# Site folders that would replace the sources are refused, and nothing is touched


@pytest.mark.parametrize("target", [".", "..", "docs", "docs/out", "programmes",
                                    f"programmes/{WALK}", "overrides", "plugins", ".git",
                                    "mkdocs.yml"])
def test_a_site_folder_that_is_holds_or_sits_in_a_source_is_refused(
        project: Path, capsys: pytest.CaptureFixture[str], target: str) -> None:
    before = snapshot(project.parent)
    assert build_site(project / "mkdocs.yml", project / target, DAY) == 2
    line = one_clean_line(capsys.readouterr().err)
    assert line.startswith(f"rhaglen build: {project / target} ")
    assert line.endswith("was not changed.")
    assert snapshot(project.parent) == before


@pytest.mark.build
def test_the_command_refuses_dot_as_the_site_folder(project: Path) -> None:
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    done = run("build", "-d", ".", cwd=project)
    assert done.returncode == 2
    assert "is the project folder or holds it" in one_clean_line(done.stderr)
    assert (project / ".git" / "HEAD").is_file() and (project / "programmes").is_dir()


def test_only_an_empty_folder_or_a_built_site_may_be_replaced(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    assert check_site_dir(project / "site", project) == project / "site"
    (tmp_path / "empty").mkdir()
    assert check_site_dir(tmp_path / "empty", project) == tmp_path / "empty"
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "thesis.md").write_text("years of work", encoding="utf-8")
    with pytest.raises(UnsafePath, match="does not look like a built site"):
        check_site_dir(notes, project)
    (notes / "index.html").write_text("", encoding="utf-8")
    (notes / "sitemap.xml").write_text("", encoding="utf-8")
    assert check_site_dir(notes, project) == notes
    (tmp_path / "link").symlink_to(notes)
    with pytest.raises(UnsafePath, match="symbolic link"):
        check_site_dir(tmp_path / "link", project)


def _folder_with(folder: Path, names: tuple[str, ...]) -> dict[str, str]:
    """`folder` holding someone's cv.pdf and `names` (a name ending in / is a folder)."""
    folder.mkdir()
    (folder / "cv.pdf").write_bytes(b"%PDF-1.7 years of work")
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith("/"):
            path.mkdir()
        else:
            path.write_text("", encoding="utf-8")
    return snapshot(folder)


def _command(project: Path, command: str, folder: Path) -> int:
    from rhaglen.cli import main
    return main([command, "-f", str(project / "mkdocs.yml"), "-d", str(folder),
                 "--as-of", AS_OF])


@pytest.mark.parametrize(("names", "replaced"), [
    ((), False),
    (("index.html",), False),
    (("sitemap.xml",), False),
    (("index.html/", "sitemap.xml"), False),  # a folder is not the file a build writes
    (("index.html", "sitemap.xml"), True),
], ids=["neither", "index-only", "sitemap-only", "index-a-folder", "both"])
def test_a_site_folder_is_replaced_only_if_it_holds_every_site_file(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        names: tuple[str, ...], replaced: bool) -> None:
    assert SITE_FILES == ("index.html", "sitemap.xml")  # the marker files tried here
    folder = tmp_path / "out"
    before = _folder_with(folder, names)
    if replaced:
        assert check_site_dir(folder, project) == folder
    else:
        with pytest.raises(UnsafePath, match="does not look like a built site"):
            check_site_dir(folder, project)
    # Through `rhaglen build -d`, with data that does not validate: a folder it may replace
    # passes the folder check and stops at validation (1); one it may not is refused (2).
    # Either way the build stops before writing, and the folder is as it was.
    edit(project / "programmes" / WALK / "programme.yml", "stage: implementing", "stage: done")
    code = _command(project, "build", folder)
    err = capsys.readouterr().err
    assert (code, "does not look like a built site" in err, "1 problem(s) found" in err) == (
        (1, False, True) if replaced else (2, True, False)), err
    assert "Traceback" not in err
    assert snapshot(folder) == before


@pytest.mark.parametrize(("names", "replaced"), [
    ((), False),
    (("index.html", "sitemap.xml"), False),  # a site is never replaced by its data
    (("datapackage.json",), False),  # not where an export writes it
    (("data/risks.csv",), False),
    ((EXPORT_FILE + "/",), False),
    ((EXPORT_FILE,), True),
    ((EXPORT_FILE, "index.html", "sitemap.xml"), True),
], ids=["neither", "a-site", "datapackage-at-the-root", "data-without-datapackage",
        "datapackage-a-folder", "datapackage", "datapackage-and-site"])
def test_an_export_folder_is_replaced_only_if_it_holds_an_earlier_export(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        names: tuple[str, ...], replaced: bool) -> None:
    folder = tmp_path / "out"
    before = _folder_with(folder, names)
    if replaced:
        assert check_export_dir(folder, project) == folder
    else:
        with pytest.raises(UnsafePath, match="does not hold an earlier export"):
            check_export_dir(folder, project)
    code = _command(project, "export", folder)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if replaced:  # replaced whole: someone's file beside the export goes with it
        assert code == 0, err
        assert (folder / EXPORT_FILE).stat().st_size > 0
        assert not (folder / "cv.pdf").exists()
    else:
        assert code == 2 and f"does not hold an earlier export (no {EXPORT_FILE})" in err, err
        assert snapshot(folder) == before


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
    # a unit that may fall below zero, so that the extremes make sense (sense.py)
    edit(walk / "plan.yml", "en: per cent of pupils", "en: change in pupils walking")
    edit(walk / "plan.yml", "      value: 38", "      value: -1000000000000")
    edit(walk / "plan.yml", "      value: 55", "      value: 1e12")
    edit(walk / "updates" / "2026-04-10.yml", "    spent: 31000", "    spent: 1e12")
    edit(walk / "updates" / "2026-04-10.yml", "    forecast: 2026-09-30",
         "    forecast: 2200-12-31")
    edit(walk / "updates" / "2026-04-10.yml", "    value: 44", "    value: 0.000000001")


@pytest.mark.build
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
    bars = [Bar("B2", float("inf"), "£29,750 of £0.00", "over", marker=float("nan")),
            Bar("B3", float("nan"), "?", "within"), Bar("B4", 1e18, "far over", "over")]
    svg = bar_chart("budget", "Budget", "Spend", bars)
    assert "nan" not in svg and "inf" not in svg
    widths = [float(w) for w in re.findall(r'width="([-0-9.e]+)"', svg)]
    assert all(0 <= w <= 420 * 101 for w in widths), widths


# internal: in tags.yml is a private note, never a tag


@pytest.mark.build
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


# Failing disks, killed builds and bad settings: one line, nothing half-done


def test_leftovers_of_a_killed_build_are_removed_whatever_their_process_id(
        tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for name in (".site.rhaglen-building", ".site.rhaglen-old", ".site.building-1",
                 ".site.old-4242"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text("half", encoding="utf-8")
    (tmp_path / ".site.old-notes").mkdir()  # not a name a build ever used: kept
    clear_leftovers(site)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.old-notes", "site"]


def test_a_site_moved_aside_by_a_killed_build_is_put_back(tmp_path: Path) -> None:
    old = tmp_path / ".site.rhaglen-old"
    old.mkdir()
    (old / "index.html").write_text("the old site", encoding="utf-8")
    clear_leftovers(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "the old site"


def test_a_second_build_into_the_same_place_waits_its_turn(tmp_path: Path) -> None:
    with locked(tmp_path), pytest.raises(Busy, match="another build"), locked(tmp_path):
        pass


@pytest.mark.build
def test_a_build_after_a_killed_one_succeeds_and_leaves_nothing(project: Path) -> None:
    (project / ".site.rhaglen-building").mkdir()
    (project / ".site.building-77").mkdir()
    assert build_site(project / "mkdocs.yml", project / "site", DAY) == 0
    assert sorted(p.name for p in project.iterdir()) == [
        "docs", "mkdocs.yml", "overrides", "programmes", "site"]


@pytest.mark.parametrize(("code", "hint"), [
    (errno.ENOSPC, "No space left on device; free some disk space and build again"),
    (errno.EROFS, "make the folder writable, or build elsewhere with -d"),
])
@pytest.mark.build
def test_a_failing_disk_ends_in_one_line_and_the_old_site_stays(
        project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        code: int, hint: str) -> None:
    site = project / "site"
    assert build_site(project / "mkdocs.yml", site, DAY) == 0
    before = snapshot(site)
    capsys.readouterr()

    def fail(content: bytes, output_path: str) -> None:
        raise OSError(code, os.strerror(code), output_path)

    monkeypatch.setattr(mkdocs.utils, "write_file", fail)
    assert build_site(project / "mkdocs.yml", site, DAY) == 1
    line = one_clean_line(capsys.readouterr().err)
    assert line.startswith("rhaglen build: could not write ") and hint in line
    assert line.endswith(f"{site} was not changed.")
    assert snapshot(site) == before
    assert not list(project.glob(".site*"))


@pytest.mark.build
def test_a_read_only_target_ends_in_one_line(project: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(self: Path, target: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    (site / "sitemap.xml").write_text("old", encoding="utf-8")
    monkeypatch.setattr(Path, "rename", read_only)
    assert build_site(project / "mkdocs.yml", site, DAY) == 1
    line = one_clean_line(capsys.readouterr().err)
    assert "Permission denied; make the folder writable" in line
    assert sorted(p.name for p in site.iterdir()) == ["index.html", "sitemap.xml"]
    assert not list(project.glob(".site*"))


@pytest.mark.build
@pytest.mark.parametrize("epoch", ["yesterday", "1e9", "99999999999999999999", "-99999999999"])
def test_a_malformed_source_date_epoch_is_one_line(project: Path, epoch: str) -> None:
    for args in (["validate"], ["build"]):
        done = run(*args, cwd=project, env={"SOURCE_DATE_EPOCH": epoch})
        assert done.returncode == 2, done.stderr
        line = one_clean_line(done.stderr)
        assert "SOURCE_DATE_EPOCH=" in line and ("correct it or unset it" in line
                                                 or "out of range" in line), line
    assert not (project / "site").exists()


@pytest.mark.build
def test_the_as_of_option_takes_the_unquoted_date_the_readme_shows(project: Path) -> None:
    edit(project / "mkdocs.yml", "      default_language: cy",
         "      default_language: cy\n      as_of: 2026-11-26")
    assert build_site(project / "mkdocs.yml", project / "site", None) == 0
    edit(project / "mkdocs.yml", "as_of: 2026-11-26", "as_of: '2026-11-26'")
    assert build_site(project / "mkdocs.yml", project / "other", None) == 0


@pytest.mark.build
@pytest.mark.parametrize("value", ["26/11/2026", "'2026-02-30'", "1066-10-14", "[2026]", "12"])
def test_a_bad_as_of_option_is_a_configuration_error_naming_it(project: Path,
                                                               value: str) -> None:
    edit(project / "mkdocs.yml", "      default_language: cy",
         f"      default_language: cy\n      as_of: {value}")
    done = run("build", cwd=project)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "Plugin 'rhaglen' option 'as_of':" in done.stderr
    assert not (project / "site").exists()
    mkdocs = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
                            cwd=project, capture_output=True, text=True, check=False)
    assert mkdocs.returncode == 1 and "Traceback" not in mkdocs.stderr
    assert "option 'as_of':" in mkdocs.stderr


def test_bad_paths_are_usage_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert build_site(project / "docs", project / "site", DAY) == 2
    assert build_site(project / "mkdocs.yml", Path("bad\0name"), DAY) == 2
    err = capsys.readouterr().err
    assert "no such configuration file" in err and "is not a usable folder name" in err
    assert "Traceback" not in err


@pytest.mark.build
def test_new_over_a_dangling_link_is_one_line(tmp_path: Path) -> None:
    programmes = tmp_path / "programmes"
    programmes.mkdir()
    (programmes / "walk").symlink_to(tmp_path / "nowhere")
    done = run("new", "walk", cwd=tmp_path)
    assert done.returncode == 2
    assert one_clean_line(done.stderr) == (
        "rhaglen new: programmes/walk is a symbolic link; delete it, or choose another name")
    assert not (tmp_path / "nowhere").exists()


def test_new_on_a_full_disk_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from rhaglen.cli import main

    def full(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(Path, "mkdir", full)
    assert main(["new", "walk"]) == 1
    assert one_clean_line(capsys.readouterr().err) == (
        "rhaglen new: could not create programmes/walk: No space left on device; check that "
        "programmes is a writable folder")
