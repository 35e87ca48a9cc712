"""A pull request's change to the demo data: a new update with changed figures, a
re-scored risk and a new lesson, written as a team member would."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from rhaglen.scaffold.update import start_update, update_text

from .edits import WALK, edit
from .helpers import REPO

UPDATE_DAY = date(2026, 11, 20)
NEW_LESSON = """\
  - id: LL2
    title:
      cy: Dechreuwch y sesiynau beicio yn yr hydref
      en: Start the cycle sessions in the autumn
    date: 2026-11-15
    stage: implementing
    kind: to-improve
    what_happened:
      cy: Nid oedd hyfforddwyr ar gael yn yr haf.
      en: No instructors were available in the summer.
    recommendation:
      cy: Trefnwch yr hyfforddwyr cyn dechrau'r flwyddyn ysgol.
      en: Book the instructors before the school year starts.
    tags: [timing]
"""


def fill_update(path: Path, rag: str = "red") -> None:
    """Write what `rhaglen new-update` leaves to the team: the overall status, the summary."""
    edit(path, "rag:  # green", f"rag: {rag}  # green")
    edit(path, "  cy:  # crynodeb: beth ddigwyddodd yn y cyfnod hwn",
         "  cy: Mae'r ffigurau wedi newid.")
    edit(path, "  en:  # summary: what happened in this period", "  en: The figures have changed.")


def change_walk(programmes: Path) -> None:
    """The pull request: a new update (O1 44 → 52, B1 £31,000 → £45,000, R1 re-scored
    2 × 4 → 4 × 4), and a new lesson."""
    from rhaglen.data.load import load_portfolio

    walk = load_portfolio(programmes, UPDATE_DAY).portfolio
    assert walk is not None
    path = start_update(programmes, WALK, UPDATE_DAY)
    path.write_text(update_text(walk.programme(WALK), UPDATE_DAY), encoding="utf-8")
    fill_update(path)
    edit(path, "    value: 44  #", "    value: 52  #")
    edit(path, "    spent: 31000  #", "    spent: 45000  #")
    edit(path, "    likelihood: 2  # from 2026-04-10", "    likelihood: 4  # from 2026-04-10")
    lessons = programmes / WALK / "lessons.yml"
    lessons.write_text(lessons.read_text(encoding="utf-8") + NEW_LESSON, encoding="utf-8")


def rhaglen(*args: str, cwd: Path, env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess[str]:
    """The `rhaglen` command run from `cwd`, from this worktree's code."""
    environ = {**os.environ, "PYTHONPATH": str(REPO / "plugins"), **(env or {})}
    return subprocess.run([sys.executable, "-m", "rhaglen.cli", *args], cwd=cwd, env=environ,
                          capture_output=True, text=True, check=False)


def git(*args: str, cwd: Path) -> None:
    """Run git in `cwd` as a throwaway author."""
    subprocess.run(["git", "-c", "user.name=Tîm", "-c", "user.email=tim@example.org",
                    "-c", "commit.gpgsign=false", *args], cwd=cwd, check=True,
                   capture_output=True)
