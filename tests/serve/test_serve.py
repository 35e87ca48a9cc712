"""`rhaglen serve`: a quiet preview that answers at once and shows what stops the build.

The preview runs on a free loopback port against a copy of the project; every wait is
bounded, every request has a timeout.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path

import pytest
from rhaglen.serve import pages
from rhaglen.serve.session import Preview
from rhaglen.serve.watch import fingerprint
from rhaglen.text.i18n import Strings

from ..edits import WALK, edit
from ..helpers import AS_OF, REPO, parse, text_of

DAY = date.fromisoformat(AS_OF)
BROKEN = (f"programmes/{WALK}/risks.yml:37:15: risks[1].response: 'reduce' is a response to a "
          "threat; an opportunity takes exploit, enhance, share, accept or reject")
# Welsh at the root, English under /en/: the home page, a programme's page, no page at all.
PATHS = {"/": "cy", f"/programmes/{WALK}/risks/": "cy", "/nowhere/": "cy",
         "/en/": "en", f"/en/programmes/{WALK}/risks/": "en", "/en/nowhere/": "en"}


def get(url: str) -> tuple[int, str, float]:
    """The status, the body and how many seconds the answer took."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=3) as answer:
            status, body = answer.status, answer.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    return status, body.decode("utf-8"), time.monotonic() - started


def wait_until(check: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"not within {seconds} s"
        time.sleep(0.1)


def generation(preview: Preview) -> int:
    return int(get(preview.url + "__rhaglen__/generation")[1])


@pytest.fixture
def preview(project: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Preview]:
    """A running preview of the project, its first build ended; problem paths as in a shell."""
    monkeypatch.chdir(project)
    with Preview(project / "mkdocs.yml", DAY, ("127.0.0.1", 0), poll=0.1) as running:
        wait_until(running.settled)
        yield running


def problem_page(body: str, lang: str) -> list[str]:
    """The problem lines of a problem page, once its words are checked to be in `lang`."""
    page = parse(body)
    t = Strings(lang)
    assert page.html is not None and page.html["lang"] == lang
    assert page.h1 is not None and text_of(page.h1) == t("preview.failed")
    assert page.p is not None and text_of(page.p) == t("preview.failed_help")
    assert page.pre is not None
    return page.pre.get_text().splitlines()


@pytest.mark.build
def test_invalid_data_shows_its_problem_on_every_page_in_its_language_until_fixed(
        preview: Preview, project: Path) -> None:
    status, body, _ = get(preview.url + f"en/programmes/{WALK}/risks/")
    assert status == 200 and "Risk register" in body
    for path, lang in (("nowhere/", "cy"), ("en/nowhere/", "en")):  # the site's 404 pages
        status, body, _ = get(preview.url + path)
        assert status == 404 and Strings(lang)("site.not_found") in body
    assert get(preview.url + "en")[0] == 200  # redirected to en/
    risks = project / "programmes" / WALK / "risks.yml"
    good = risks.read_text(encoding="utf-8")
    edit(risks, "    response: exploit", "    response: reduce")
    wait_until(lambda: get(preview.url)[0] == 503, 10)
    for path, lang in PATHS.items():
        status, body, seconds = get(preview.url + path.lstrip("/"))
        assert (status, problem_page(body, lang)) == (503, [BROKEN]), path
        assert seconds < 3
        assert 'http-equiv="refresh"' in body and "/__rhaglen__/generation" in body
    risks.write_text(good, encoding="utf-8")
    wait_until(lambda: get(preview.url)[0] == 200)
    status, body, _ = get(preview.url + f"en/programmes/{WALK}/risks/")
    assert status == 200 and "Risk register" in body and "<pre>" + BROKEN not in body


def test_the_problem_lines_are_escaped_in_a_pre() -> None:
    line = "programmes/<b>/plan.yml:1:1: file: 'a' & \"b\""
    body = pages.problem_page([line], "cy", 4)
    assert problem_page(body, "cy") == [line]
    assert ("<pre>programmes/&lt;b&gt;/plan.yml:1:1: file: &#x27;a&#x27; &amp; &quot;b&quot;\n"
            "</pre>") in body
    assert 'var shown = "4";' in body


@pytest.mark.parametrize(("path", "lang"), [
    *PATHS.items(), ("/en", "en"), ("/english/", "cy"), ("/cy/", "cy"), ("", "cy")])
def test_the_language_of_a_path_is_its_first_folder_else_the_default(path: str, lang: str
                                                                     ) -> None:
    assert pages.page_language(path, "cy") == lang


def test_the_fingerprint_leaves_out_generated_folders_and_editor_files(tmp_path: Path) -> None:
    for name in ("docs/about.md", "docs/programmes/x/index.md", "docs/.about.md.swp",
                 "docs/about.md~", "docs/.#about.md", "mkdocs.yml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = fingerprint([tmp_path / "docs", tmp_path / "mkdocs.yml", tmp_path / "gone"],
                        [tmp_path / "docs" / "programmes"])
    assert sorted(Path(path).relative_to(tmp_path).as_posix() for path, _, _ in found) == [
        "docs/about.md", "mkdocs.yml"]
    os.utime(tmp_path / "docs" / "about.md", ns=(1, 1))
    assert fingerprint([tmp_path / "docs"], [tmp_path / "docs" / "programmes"]) != found


@pytest.mark.build
def test_a_request_during_a_rebuild_answers_within_3_seconds(preview: Preview,
                                                               project: Path) -> None:
    assert generation(preview) == 1  # writing the generated pages started no other build
    page = preview.url + f"en/programmes/{WALK}/"
    started = time.monotonic()
    edit(project / "programmes" / WALK / "programme.yml", "en: Walk to School",
         "en: Walk and Wheel to School")
    answers: list[tuple[int, float]] = []
    while "Walk and Wheel to School" not in (answer := get(page))[1]:
        answers.append(answer[::2])
        assert time.monotonic() - started < 60
    print(f"\none YAML file changed to its new page served: {time.monotonic() - started:.1f} s")
    assert len(answers) > 3  # the rebuild was under way while these were answered
    assert all(status == 200 and seconds < 3 for status, seconds in answers), answers
    wait_until(lambda: generation(preview) == 2)  # pages show as they are written


@pytest.mark.build
def test_a_hand_written_page_or_a_broken_configuration_rebuilds(preview: Preview,
                                                                project: Path) -> None:
    (project / "docs" / "about.en.md").write_text("# About\n\nPreviewed at once.\n",
                                                  encoding="utf-8")
    wait_until(lambda: "Previewed at once." in get(preview.url + "en/about/")[1])
    config = project / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    config.write_text(good.replace("theme:\n", "theme: [\n", 1), encoding="utf-8")
    wait_until(lambda: get(preview.url)[0] == 503, 10)
    lines = problem_page(get(preview.url + "en/about/")[1], "en")
    assert lines[0] == (f"{config}: MkDocs encountered an error parsing the configuration "
                        "file: while parsing a flow sequence")
    assert lines[1:] == [f'  in "{config}", line 8, column 8', "expected ',' or ']', but got ':'",
                         f'  in "{config}", line 10, column 11']
    config.write_text(good, encoding="utf-8")
    wait_until(lambda: get(preview.url + "en/about/")[0] == 200)


def _ignore_sigint() -> None:
    """What a shell does for a background job (`rhaglen serve &`): SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def _serve(cwd: Path, *args: str, log: Path, background: bool = False
           ) -> Iterator[subprocess.Popen[bytes]]:
    """`rhaglen serve` as a process in a group of its own (`background`: started as a
    shell starts a background job), its temporary files in `tmp` beside `log`; the group,
    builds and all, is killed when the test ends, however it ends, so that no preview
    outlives its test."""
    (log.parent / "tmp").mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(REPO / "plugins"), "TMPDIR": str(log.parent / "tmp")}
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "rhaglen.cli", "serve", *args],
                                   cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True,
                                   preexec_fn=_ignore_sigint if background else None)
    try:
        yield process
    finally:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _alive(group: int) -> bool:
    """Whether any process of `group` is still running."""
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def _stopped_by_sigint(process: subprocess.Popen[bytes], seconds: float = 10) -> int:
    """Send SIGINT (Ctrl+C, `kill -INT`); the exit code, if it stops within `seconds`."""
    process.send_signal(signal.SIGINT)
    try:
        return process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        pytest.fail(f"rhaglen serve was still running {seconds} s after SIGINT")


@pytest.mark.build
def test_the_terminal_gets_the_address_and_one_line_a_build(project: Path,
                                                             tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    with _serve(project, "-a", "127.0.0.1:0", "--as-of", AS_OF, log=log) as process:
        wait_until(lambda: "press Ctrl+C" in log.read_text(encoding="utf-8"))
        url = re.findall(r"http://127\.0\.0\.1:\d+/", log.read_text(encoding="utf-8"))[0]
        wait_until(lambda: get(url)[0] == 200)
        assert _stopped_by_sigint(process) == 0
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"Preview at {url} (press Ctrl+C to stop)"
    assert re.fullmatch(rf"Built as of {AS_OF} in \d+\.\d s\.", lines[1])
    assert len(lines) == 2, lines


@pytest.mark.build
def test_ctrl_c_stops_a_preview_started_in_the_background(project: Path,
                                                           tmp_path: Path) -> None:
    """A shell starts a background job with SIGINT ignored; `kill -INT` (or Ctrl+C once
    it is brought to the foreground) must still stop it, mid-build, without a traceback."""
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    log = tmp_path / "serve.log"
    with _serve(project, "-a", f"127.0.0.1:{port}", "--as-of", AS_OF, log=log,
                background=True) as process:
        wait_until(lambda: "press Ctrl+C" in log.read_text(encoding="utf-8"))
        assert _stopped_by_sigint(process, 5) == 0
        wait_until(lambda: not _alive(process.pid), 5)  # nor a build it had started
    assert list((tmp_path / "tmp").iterdir()) == []  # the build cut short, tidied away
    text = log.read_text(encoding="utf-8")
    assert text.startswith(f"Preview at http://127.0.0.1:{port}/ (press Ctrl+C to stop)\n")
    assert "Traceback" not in text and "error" not in text.lower(), text


@pytest.mark.build
def test_a_taken_address_is_one_line_and_exit_1(project: Path, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with _serve(project, "-a", f"127.0.0.1:{port}", log=tmp_path / "serve.log") as process:
            assert process.wait(timeout=20) == 1
    assert (tmp_path / "serve.log").read_text(encoding="utf-8") == (
        f"rhaglen serve: cannot listen on 127.0.0.1:{port}: Address already in use; stop "
        "what uses it or choose another address with -a\n")


def digests(folder: Path) -> dict[str, str]:
    import hashlib
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.build
def test_a_change_to_programme_data_is_built_over_the_site_as_a_full_build_makes_it(
        preview: Preview, project: Path, tmp_path: Path) -> None:
    breathe = project / "programmes" / "anadlu-n-rhydd"
    shown = preview._server.shown.site
    edit(breathe / "updates" / "2025-10-17.yml", "Cyflwynwyd adroddiad y peilot",
         "Newid bach. Cyflwynwyd adroddiad y peilot")
    (breathe / "updates" / "2026-04-24.yml").unlink()  # a page goes
    wait_until(lambda: "Newid bach." in get(
        preview.url + "programmes/anadlu-n-rhydd/monitoring/2025-10-17/")[1])
    wait_until(preview.settled)
    assert preview._server.shown.site == shown  # built over the site on show
    assert get(preview.url + "programmes/anadlu-n-rhydd/monitoring/2026-04-24/")[0] == 404
    assert get(preview.url + "en/programmes/anadlu-n-rhydd/monitoring/2026-04-24/")[0] == 404
    assert shown is not None
    from rhaglen.site.build import build_site
    assert build_site(project / "mkdocs.yml", tmp_path / "full", DAY) == 0
    assert digests(shown) == digests(tmp_path / "full")


@pytest.mark.build
def test_a_change_outside_the_data_builds_a_new_site(preview: Preview, project: Path) -> None:
    shown = preview._server.shown.site
    (project / "docs" / "about.md").write_text("# Ynghylch\n\nNewydd.\n", encoding="utf-8")
    wait_until(lambda: "Newydd." in get(preview.url + "about/")[1])
    assert preview._server.shown.site != shown


def test_the_preview_renders_again_only_the_pages_of_changed_programmes() -> None:
    import dataclasses

    from rhaglen.data.load import load_portfolio
    from rhaglen.render.pages import site_pages
    from rhaglen.serve.builder import Memory

    portfolio = load_portfolio(REPO / "programmes", DAY).portfolio
    assert portfolio is not None
    pages = site_pages(portfolio, DAY)
    memory = Memory()
    assert not any(map(memory.kept(DAY, portfolio), pages))  # nothing built yet
    memory.remember(DAY, portfolio)
    kept = memory.kept(DAY, portfolio)
    shared = [page for page in pages if page.data.get("programme") is None]
    assert shared and not any(map(kept, shared))  # site-wide pages: always again
    assert all(kept(page) for page in pages if page not in shared)
    changed = dataclasses.replace(portfolio, programmes=tuple(
        dataclasses.replace(p, updates=()) if p.slug == WALK else p
        for p in portfolio.programmes))
    kept = memory.kept(DAY, changed)
    slugs = {(page.data["programme"].slug, kept(page)) for page in site_pages(changed, DAY)
             if page.data.get("programme") is not None}
    assert slugs == {(WALK, False), ("anadlu-n-rhydd", True)}  # only the changed one again
    assert not any(map(memory.kept(date(2026, 12, 1), portfolio), pages))  # another day
    memory.remember(DAY, None)  # a build failed
    assert not any(map(memory.kept(DAY, portfolio), pages))
