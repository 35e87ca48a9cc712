"""`rhaglen diff` on a real git repository: what a pull request's reviewer reads."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from rhaglen.cli import main

from ..edits import WALK, edit
from ..helpers import REPO
from ..pr_data import change_walk, git, rhaglen

WALK_PAGES = ("", "lessons/", "monitoring/", "monitoring/2026-04-10/", "plan/", "risks/")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two commits: the demo data, then a new update, a re-scored risk and a new lesson."""
    root = tmp_path_factory.mktemp("repo")
    git("init", "-q", cwd=root)
    shutil.copytree(REPO / "programmes", root / "programmes")
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "The demo data", cwd=root)
    change_walk(root / "programmes")
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "Report November", cwd=root)
    return root


Summarise = Callable[..., list[str]]


@pytest.fixture
def summary(repo: Path, monkeypatch: pytest.MonkeyPatch,
            capsys: pytest.CaptureFixture[str]) -> Summarise:
    """`rhaglen diff ARGS --as-of 2026-11-26` in the repository: the lines printed."""
    monkeypatch.chdir(repo)
    return lambda *args: _diff(capsys, *args)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`rhaglen ARGS` in this process (fast); the exit code and what it printed."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _diff(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    code, out, err = _run(capsys, "diff", *args, "--as-of", "2026-11-26")
    assert code == 0, out + err
    assert err == ""
    return out.splitlines()


def _pages(lines: list[str], programme: str) -> list[str]:
    start = lines.index(f"## {programme} (`{WALK}`)")
    return [line.strip(" -`") for line in lines[start:] if line.startswith("  - `")]


@pytest.mark.build
def test_the_english_summary_names_each_change(summary: Summarise) -> None:
    lines = summary("HEAD~1", "HEAD", "--lang", "en")
    assert lines[:5] == ["# What readers will see change", "",
                         "Comparing `HEAD~1` with `HEAD`, as of 26 November 2026.", "",
                         f"## Walk to School (`{WALK}`)"]
    for line in [
        "- **New:** Update of 20 November 2026: Overall status: Red – serious problems; "
        "Period: 1 April 2026 to 20 November 2026",
        "- **Changed:** O1 · Increase the share of pupils who walk, wheel or cycle to school: "
        "Latest value: 44 → 52; Progress: 35% of the way → 82% of the way; "
        "Status: Off track → On track",
        "- **Changed:** B1 · Staff: Spent: £31,000 → £45,000",
        "- **Changed:** R1 · Residents oppose the school streets: Current score: "
        "8 (Medium) → 16 (High); Risk band: Medium → High; Trend: Falling ↓ → Rising ↑",
        "- **New:** LL2 · Start the cycle sessions in the autumn: Date: 15 November 2026; "
        "Kind: To improve; Stage: Implementing",
        "- **Disappears:** This update is 230 days old, more than the 120 days expected "
        "between updates. The figures here may no longer be current.",
    ]:
        assert line in lines
    assert not any("M3" in line for line in lines)  # no forecast was invented


@pytest.mark.build
def test_the_welsh_summary_names_each_change(summary: Summarise) -> None:
    lines = summary("HEAD~1", "HEAD")
    assert lines[:5] == ["# Beth fydd darllenwyr yn ei weld yn newid", "",
                         "Cymharu `HEAD~1` â `HEAD`, fel ar 26 Tachwedd 2026.", "",
                         f"## Cerdded i'r Ysgol (`{WALK}`)"]
    for line in [
        "- **Newydd:** Diweddariad 20 Tachwedd 2026: Statws cyffredinol: Coch – problemau "
        "difrifol; Cyfnod: 1 Ebrill 2026 i 20 Tachwedd 2026",
        "- **Wedi newid:** O1 · Cynyddu cyfran y disgyblion sy'n cerdded, olwyno neu feicio "
        "i'r ysgol: Gwerth diweddaraf: 44 → 52; Cynnydd: 35% o'r ffordd → 82% o'r ffordd; "
        "Statws: Oddi ar y trywydd → Ar y trywydd",
        "- **Wedi newid:** B1 · Staff: Wedi'i wario: £31,000 → £45,000",
        "- **Wedi newid:** R1 · Gwrthwynebiad gan drigolion i'r strydoedd ysgol: "
        "Sgôr presennol: 8 (Canolig) → 16 (Uchel); Band risg: Canolig → Uchel; "
        "Tuedd: Yn gostwng ↓ → Yn codi ↑",
        "- **Newydd:** LL2 · Dechreuwch y sesiynau beicio yn yr hydref: "
        "Dyddiad: 15 Tachwedd 2026; Math: I'w wella; Cam: Gweithredu",
    ]:
        assert line in lines
    for heading in ("### Monitro", "### Amcanion", "### Gwariant hyd yma",
                    "### Cofrestr risgiau", "### Gwersi a ddysgwyd", "### Rhybuddion",
                    "### Tudalennau sy'n newid", "## Tudalennau'r wefan gyfan"):
        assert heading in lines


@pytest.mark.build
@pytest.mark.parametrize("lang", ["cy", "en"])
def test_each_affected_page_is_named_in_both_languages(summary: Summarise, lang: str) -> None:
    lines = summary("HEAD~1", "HEAD", "--lang", lang)
    programme = "Walk to School" if lang == "en" else "Cerdded i'r Ysgol"
    new_update = f"/programmes/{WALK}/monitoring/2026-11-20/"
    changed = [f"{prefix}/programmes/{WALK}/{page}"
               for page in WALK_PAGES for prefix in ("", "/en")]
    site = [f"{prefix}/{page}" for page in ("lessons/", "lessons/kinds/to-improve/",
                                            "lessons/tags/timing/", "programmes/")
            for prefix in ("", "/en")]
    assert _pages(lines, programme) == [new_update, "/en" + new_update, *changed, *site]


@pytest.mark.build
def test_head_defaults_to_the_working_tree(summary: Summarise) -> None:
    lines = summary("HEAD~1", "--lang", "en")
    assert "Comparing `HEAD~1` with the working tree, as of 26 November 2026." in lines
    assert "- **Changed:** B1 · Staff: Spent: £31,000 → £45,000" in lines


@pytest.mark.build
def test_the_same_revision_shows_no_change(summary: Summarise) -> None:
    assert summary("HEAD", "HEAD", "--lang", "en")[-1] == "Readers will see no change."


@pytest.mark.build
def test_two_folders_compare_as_two_revisions(summary: Summarise, tmp_path: Path) -> None:
    shutil.copytree(REPO / "programmes", tmp_path / "before")
    lines = summary(str(tmp_path / "before"), "programmes", "--lang", "en")
    assert "- **Changed:** B1 · Staff: Spent: £31,000 → £45,000" in lines


@pytest.mark.build
def test_an_invalid_head_lists_its_problems_and_exits_1(repo: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(repo, work)
    edit(work / "programmes" / WALK / "risks.yml", "likelihood: 3", "likelihood: 9")
    done = rhaglen("diff", "HEAD", "--as-of", "2026-11-26", "--lang", "en", cwd=work)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "# What readers will see change", "",
        "The data in the working tree has problems, so the change cannot be shown. "
        "Fix these first:", "", "```",
        f"programmes/{WALK}/risks.yml:14:17: risks[0].likelihood: a score is a whole number "
        "from 1 to 5, got 9",
        # every problem comes at once, warnings included
        f"programmes/{WALK}/updates/2026-11-20.yml:16:9: objectives[1].id: warning: objective "
        "O2 is off track, and no open action in this update responds to it: add one to "
        "actions with responds_to: O2", "```", "", "2 problems."]
    assert done.stderr == ""


@pytest.mark.build
def test_an_invalid_base_names_the_files_as_in_the_repository(repo: Path,
                                                              tmp_path: Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(repo, work)
    edit(work / "programmes" / WALK / "risks.yml", "likelihood: 3", "likelihood: 9")
    git("commit", "-q", "-am", "A broken score", cwd=work)
    edit(work / "programmes" / WALK / "risks.yml", "likelihood: 9", "likelihood: 3")
    done = rhaglen("diff", "HEAD", "--as-of", "2026-11-26", "--lang", "cy", cwd=work)
    assert done.returncode == 1
    assert done.stdout.splitlines()[2:6] == [
        "Mae problemau yn y data yn `HEAD`, felly ni ellir dangos y newid. Cywirwch y rhain "
        "yn gyntaf:", "", "```",
        f"programmes/{WALK}/risks.yml:14:17: risks[0].likelihood: a score is a whole number "
        "from 1 to 5, got 9"]


@pytest.mark.parametrize(("args", "message"), [
    (["no-such-branch"], "rhaglen diff: 'no-such-branch' is neither a folder nor a revision "
                         "of this repository"),
    (["--", "--output=x"], "rhaglen diff: '--output=x' is not a revision"),
    (["HEAD", "--as-of", "2026-13-01"], None),
])
def test_usage_errors_exit_2_with_one_line(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str],
                                           args: list[str], message: str | None) -> None:
    monkeypatch.chdir(repo)
    if message is None:
        with pytest.raises(SystemExit) as exit_:
            main(["diff", *args])
        assert exit_.value.code == 2
        return
    code, out, err = _run(capsys, "diff", *args)
    assert (code, out, err.splitlines()) == (2, "", [message])


@pytest.mark.build
def test_outside_a_repository_a_revision_is_a_usage_error(tmp_path: Path) -> None:
    shutil.copytree(REPO / "programmes", tmp_path / "programmes")
    done = rhaglen("diff", "HEAD", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("rhaglen diff: ") and len(done.stderr.splitlines()) == 1


@pytest.mark.build
def test_a_symbolic_link_in_a_revision_is_refused_never_followed(repo: Path,
                                                                  tmp_path: Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(repo, work)
    (work / "programmes" / WALK / "strategy.yml").unlink()
    (work / "programmes" / WALK / "strategy.yml").symlink_to("/etc/passwd")
    git("add", "-A", cwd=work)
    git("commit", "-q", "-m", "A link", cwd=work)
    shutil.rmtree(work / "programmes")
    shutil.copytree(REPO / "programmes", work / "programmes")
    done = rhaglen("diff", "HEAD", "--as-of", "2026-11-26", "--lang", "en", cwd=work)
    assert done.returncode == 1
    assert (f"programmes/{WALK}/strategy.yml:1:1: file: is a symbolic link, which Rhaglen "
            "never follows: commit the file or folder itself here") in done.stdout.splitlines()
    assert "root:" not in done.stdout
