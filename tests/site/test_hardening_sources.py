"""Hardened, round three: what a build reads and where, as a hostile contributor or a
careless site owner would set it up.

Links at the roots of the sources, web addresses a reader would click, configuration
values YAML cannot read, and two builds of one project at once.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from jinja2 import UndefinedError
from rhaglen.site.build import build_into, configure
from rhaglen.site.configfile import address_problem, unreadable_value
from rhaglen.site.staging import generating

from ..edits import WALK, edit, problems
from ..helpers import REPO
from .test_hardening import CANARY, DAY, one_clean_line, run

LINK = ("is a symbolic link among the site's sources: replace it with the file or folder "
        "itself; Rhaglen never publishes through a link, which could lead to any file of "
        "this machine")


def every_output(folder: Path) -> str:
    """Every file under `folder`, read as text, one after the other."""
    return "".join(path.read_text(encoding="utf-8", errors="replace")
                   for path in sorted(folder.rglob("*")) if path.is_file())


# The data folder itself: refused whole when it is, or lies under, a link


@pytest.mark.build
@pytest.mark.parametrize("target", ["other-data", "/etc"])
def test_a_programmes_folder_that_is_a_link_is_refused_and_nothing_in_it_listed(
        project: Path, target: str) -> None:
    data = project / "programmes"
    if target == "other-data":
        data.rename(project / target)
    else:
        for path in sorted(data.rglob("*"), reverse=True):
            path.rmdir() if path.is_dir() else path.unlink()
        data.rmdir()
    data.symlink_to(target, target_is_directory=True)
    done = run("validate", cwd=project)
    assert done.returncode == 1
    assert done.stdout.splitlines() == ["programmes:1:1: file: is a symbolic link, which "
                                        "Rhaglen never follows: commit the file or folder "
                                        "itself here"]
    built = run("build", "--as-of", DAY.isoformat(), cwd=project)
    assert built.returncode == 2
    assert one_clean_line(built.stderr) == (
        f"rhaglen build: mkdocs.yml: programmes {LINK}; site was not changed.")
    assert not (project / "site").exists() and not (project / "docs" / "programmes").exists()


@pytest.mark.build
def test_a_data_folder_under_a_linked_folder_is_refused(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (project / "programmes").rename(outside / "programmes")
    (project / "data").symlink_to(outside, target_is_directory=True)
    edit(project / "mkdocs.yml", "programmes_dir: programmes", "programmes_dir: data/programmes")
    assert problems(Path(os.path.relpath(project / "data" / "programmes"))) == [
        f"{os.path.relpath(project / 'data')}:1:1: file: is a symbolic link, which Rhaglen "
        "never follows: commit the file or folder itself here"]
    built = run("build", "--as-of", DAY.isoformat(), cwd=project)
    assert built.returncode == 2
    assert one_clean_line(built.stderr) == (
        f"rhaglen build: mkdocs.yml: data {LINK}; site was not changed.")


# Links in docs/ and overrides/: code's folders, but never a way to publish a machine's file


@pytest.mark.parametrize("link", ["docs/env.txt", "docs/stylesheets/env.css",
                                  "overrides/env.html", "overrides/partials/env.html",
                                  "docs/javascripts"])
@pytest.mark.build
def test_a_link_in_docs_or_overrides_stops_the_build_naming_it(project: Path, link: str
                                                                ) -> None:
    path = project / link
    if path.is_dir():
        path.rename(project / "moved")
        path.symlink_to(project / "moved", target_is_directory=True)
    else:
        path.symlink_to("/proc/self/environ")
    env = {"RHAGLEN_SECRET_TOKEN": CANARY}
    done = run("build", "--as-of", DAY.isoformat(), cwd=project, env=env)
    assert done.returncode == 2
    assert one_clean_line(done.stderr) == (
        f"rhaglen build: mkdocs.yml: {link} {LINK}; site was not changed.")
    assert not (project / "site").exists()
    mkdocs = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "out"],
                            cwd=project, capture_output=True, text=True, check=False,
                            env={**os.environ, **env})
    assert mkdocs.returncode == 1 and f"{link} {LINK}" in mkdocs.stderr
    assert "Traceback" not in mkdocs.stderr
    out = project / "out"
    assert not out.exists() or CANARY not in every_output(out)


@pytest.mark.build
def test_the_docs_folder_itself_may_not_be_a_link(project: Path) -> None:
    (project / "docs").rename(project / "real-docs")
    (project / "docs").symlink_to("real-docs", target_is_directory=True)
    done = run("build", "--as-of", DAY.isoformat(), cwd=project)
    assert done.returncode == 2
    assert one_clean_line(done.stderr) == (
        f"rhaglen build: mkdocs.yml: docs {LINK}; site was not changed.")


# Addresses every page links: https only (http for this machine)


@pytest.mark.parametrize(("option", "value"), [
    ("repo_url", "javascript://x/%0Aalert(document.domain)"),
    ("site_url", "javascript://x/%0Aalert(1)"),
    ("site_url", "http://rhaglen.example.org/"),
    ("repo_url", "https://github.com/rhaglen/rhaglen\u2028"),
    ("edit_uri", "javascript:alert(1)"),
    ("edit_uri", "//evil.example/edit/"),
    ("source_edit_uri", "vbscript:msgbox(1)"),
])
@pytest.mark.build
def test_an_address_a_reader_could_not_safely_follow_is_a_configuration_error(
        project: Path, option: str, value: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    indent = "      " if option == "source_edit_uri" else ""
    lines = [line for line in text.splitlines() if not line.startswith(f"{indent}{option}:")]
    at = lines.index("      default_language: cy") if indent else 1
    lines.insert(at + 1 if indent else at, f'{indent}{option}: "{value}"')
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = run("build", "--as-of", DAY.isoformat(), cwd=project)
    assert done.returncode == 2, done.stderr
    line = one_clean_line(done.stderr)
    assert line.startswith(f"rhaglen build: mkdocs.yml: {option}: '"), line
    assert "give an address starting https:// (http:// only for localhost)" in line
    assert "\u2028" not in line
    assert not (project / "site").exists()


@pytest.mark.parametrize(("option", "value"), [
    ("site_url", "https://rhaglen.example.org/"), ("site_url", "http://localhost:8000/"),
    ("site_url", "http://127.0.0.1:8000/sub/"), ("repo_url", "https://github.com/a/b"),
    ("edit_uri", "edit/main/docs/"), ("edit_uri", "https://github.com/a/b/edit/main/"),
    ("source_edit_uri", "edit/main/"), ("site_url", None)])
def test_the_usual_addresses_are_accepted(option: str, value: str | None) -> None:
    assert address_problem(option, value) is None


@pytest.mark.parametrize("value", ["https://x.example/\tjavascript:", " https://x.example/",
                                   "https://x.example/\u200b", "https://[::1", "https:///x"])
def test_an_address_with_invisible_characters_or_no_host_is_refused(value: str) -> None:
    problem = address_problem("repo_url", value)
    assert problem is not None and problem.startswith("repo_url: '")
    assert problem.isprintable()


# A configuration value that YAML itself cannot read: its option and line


@pytest.mark.parametrize(("value", "reason"), [("2026-13-45", "month must be in 1..12"),
                                               ("2026-02-30", "day is out of range for month")])
@pytest.mark.build
def test_an_impossible_date_in_mkdocs_yml_is_reported_at_its_line(
        project: Path, value: str, reason: str) -> None:
    edit(project / "mkdocs.yml", "      default_language: cy",
         f"      default_language: cy\n      as_of: {value}")
    line = next(n for n, text in enumerate(
        (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), 1) if "as_of" in text)
    done = run("build", cwd=project)
    assert done.returncode == 2
    assert one_clean_line(done.stderr) == (
        f"rhaglen build: mkdocs.yml:{line}: as_of: '{value}' cannot be read: {reason}; "
        "site was not changed.")


def test_tags_of_mkdocs_own_are_left_to_mkdocs() -> None:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert unreadable_value(text + "extra:\n  token: !ENV [HOME, x]\n") is None
    assert unreadable_value("a: [unclosed\n") is None  # not YAML: MkDocs says why


# Two builds of one project at once: each gets its own pages


@pytest.mark.build
def test_a_build_waits_while_another_writes_the_generated_pages(project: Path) -> None:
    docs = project / "docs"
    fd = os.open(docs, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        started = subprocess.Popen(
            [sys.executable, "-m", "rhaglen.cli", "build", "--as-of", DAY.isoformat()],
            cwd=project, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        assert started.stderr is not None
        first = started.stderr.readline()
        assert first == (f"rhaglen: another build is writing the pages in {docs}; waiting "
                         "for it to finish\n")
        time.sleep(0.5)
        assert started.poll() is None and not (docs / "programmes").exists()
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    assert started.wait(timeout=300) == 0
    assert started.stderr.read().startswith("Built ")


@pytest.mark.build
def test_two_builds_at_once_with_different_dates_each_keep_their_own(project: Path,
                                                                    tmp_path: Path) -> None:
    days = {"2026-11-20": "20 November 2026", "2026-11-26": "26 November 2026"}
    builds = [subprocess.Popen([sys.executable, "-m", "rhaglen.cli", "build", "--as-of", day,
                                "-d", str(tmp_path / day / "site")], cwd=project,
                               stderr=subprocess.PIPE,
                               text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
              for day in days]
    for build in builds:
        _, err = build.communicate(timeout=600)
        assert build.returncode == 0, err
    for day, shown in days.items():
        page = (tmp_path / day / "site" / "en" / "programmes" / WALK / "index.html").read_text(
            encoding="utf-8")
        assert f"as of {shown}." in page
        assert not [other for other in days.values() if other != shown and other in page]


def test_the_lock_is_taken_once_per_process(tmp_path: Path) -> None:
    with generating(tmp_path, waiting=lambda _: pytest.fail("waited on itself")):
        with generating(tmp_path, waiting=lambda _: pytest.fail("waited on itself")):
            pass
        fd = os.open(tmp_path, os.O_RDONLY)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # still held
        finally:
            os.close(fd)


@pytest.mark.build
def test_a_failed_build_lets_the_next_one_in(project: Path) -> None:
    theme = project / "overrides" / "main.html"
    edit(theme, "{{ super() }}", "{{ super() }}{{ no_such_function() }}")
    config, day = configure(project / "mkdocs.yml", DAY)
    with pytest.raises(UndefinedError):  # in one process: the plugin takes the lock again
        build_into(config, day, project / "site")
    docs = project / "docs"
    with generating(docs, waiting=lambda _: pytest.fail("held still")):
        fd = os.open(docs, os.O_RDONLY)
        try:
            with pytest.raises(BlockingIOError):  # really held, not only counted
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(fd)


def test_a_link_named_with_escape_sequences_is_named_escaped(project: Path) -> None:
    name = "env\x1b[2K\x07.txt"
    (project / "docs" / name).symlink_to("/proc/self/environ")
    done = run("build", "--as-of", DAY.isoformat(), cwd=project)
    assert done.returncode == 2
    line = one_clean_line(done.stderr)
    assert line.startswith(r"rhaglen build: mkdocs.yml: docs/env\x1b[2K\x07.txt is a symbolic")
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr
