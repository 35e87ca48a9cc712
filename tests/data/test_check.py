"""`rhaglen validate` checks a portfolio in two processes where it can: the same problems.

Forking is tried in a fresh interpreter, where no thread of this one (pytest-xdist runs
some) can be caught holding a lock in the child.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rhaglen.data.check import MIN_PROGRAMMES

from ..edits import problems
from ..helpers import AS_OF, REPO

COUNT = MIN_PROGRAMMES + 2
SCRIPT = """
import os, sys
from datetime import date
from pathlib import Path
import rhaglen.data.check as check
from rhaglen.data.load import scan_portfolio
if sys.argv[1] == "failing-child":
    check._child = lambda *args: os._exit(0)
scan = scan_portfolio(Path("programmes"), [])
found, valid = check._in_two(scan.folders, scan.named, date.fromisoformat(sys.argv[2]))
print(valid)
print("\\n".join(problem.format() for problem in sorted(found)))
"""


def _portfolio(root: Path, mistakes: bool) -> Path:
    """COUNT copies of the demo programmes; with `mistakes`, three have one each."""
    programmes = root / "programmes"
    programmes.mkdir(parents=True)
    shutil.copy2(REPO / "programmes" / "tags.yml", programmes / "tags.yml")
    sources = sorted(p for p in (REPO / "programmes").iterdir() if p.is_dir())
    for i in range(COUNT):
        shutil.copytree(sources[i % 2], programmes / f"{sources[i % 2].name}-{i}")
    if mistakes:
        folders = sorted(p for p in programmes.iterdir() if p.is_dir())
        (folders[0] / "notes.txt").write_text("not part of a programme\n", encoding="utf-8")
        with (folders[3] / "plan.yml").open("a", encoding="utf-8") as plan:
            plan.write("objectives: [\n")
        (folders[4] / "programme.yml").unlink()
    return Path("programmes")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, check=False)


@pytest.mark.build
def test_two_processes_find_what_one_finds(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    expected = problems(_portfolio(tmp_path, mistakes=True))
    assert len(expected) >= 3
    for mode in ("two", "failing-child"):
        done = _run("-c", SCRIPT, mode, AS_OF)
        assert done.returncode == 0, done.stderr
        valid, *lines = done.stdout.splitlines()
        assert (int(valid), lines) == (COUNT - 3, expected), mode


@pytest.mark.build
@pytest.mark.parametrize("mistakes", [True, False])
def test_validate_prints_what_load_portfolio_finds(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   mistakes: bool) -> None:
    monkeypatch.chdir(tmp_path)
    expected = problems(_portfolio(tmp_path, mistakes))
    done = _run("-m", "rhaglen.cli", "validate", "programmes", "--as-of", AS_OF)
    assert done.returncode == (1 if mistakes else 0), done.stderr
    assert done.stdout.splitlines() == expected
    if not mistakes:
        assert done.stderr == f"programmes: {COUNT} programme(s), valid.\n"
