"""`rhaglen new-update`: an update started from the current state, for the team to finish."""

from __future__ import annotations

from pathlib import Path

import pytest
from rhaglen.cli import main

from ..edits import WALK, edit
from ..pr_data import fill_update

EXPECTED = """\
# Monitoring update of 2026-11-26 for cerdded-i-r-ysgol, started by `rhaglen new-update` from
# the current state after the update of 2026-04-10.
# Every value below is carried forward: change the ones that moved, delete what you do
# not report, choose rag, write the summary in both languages, then run
# `rhaglen validate`.
period:
  start: 2026-04-01  # the day after the previous update's period ended
  end: 2026-11-26
rag:  # green, amber or red
summary:
  cy:  # crynodeb: beth ddigwyddodd yn y cyfnod hwn
  en:  # summary: what happened in this period
objectives:
  - id: O1  # Pupils travelling actively at least three days a week
    value: 44  # last reported 44, as of 2026-03-31; target 55 by 2027-06-30
  - id: O2  # Cars dropping children off between 8:30 and 9:00
    value: 181  # last reported 181, as of 2026-03-31; target 150 by 2027-06-30
milestones:
  - id: M1  # School streets in place at every school; due 2026-01-31
    completed: 2026-02-14  # already reported done
  - id: M2  # Cycle skills sessions for every class; due 2026-07-15
    forecast: 2026-09-30  # the latest forecast
  - id: M3  # Final evaluation report; due 2027-07-31; add forecast: or completed: when known
spend:  # spend to date on each line, not in this period only
  - line: B1  # Staff; planned 96000
    spent: 31000  # last reported: 31000 on 2026-04-10
  - line: B2  # Bikes, signs and barriers; planned 38500
    spent: 29750  # last reported: 29750 on 2026-04-10
  - line: B3  # Evaluation; planned 12000
    spent: 1500  # last reported: 1500 on 2026-04-10
risks:  # open risks; add status: closed to close one
  - id: R1  # Residents oppose the school streets
    likelihood: 2  # from 2026-04-10
    impact: 4  # from 2026-04-10
  - id: R2  # Extra active-travel funding
    likelihood: 2  # from the register
    impact: 4  # from the register
actions:  # open actions, as last reported
  - id: A1  # last reported 2026-04-10
    responds_to: M2
    title:
      cy: "Symud y sesiynau beicio i dymor yr hydref"
      en: "Move the cycle sessions to the autumn term"
    owner: swyddog
    due: 2026-09-30
    status: planned  # planned, in-progress or done
  - id: A2  # last reported 2026-04-10
    responds_to: O1
    title:
      cy: "Ymestyn y bws cerdded i ddwy ysgol arall"
      en: "Extend the walking bus to two more schools"
    owner: swyddog
    due: 2026-07-31
    status: in-progress  # planned, in-progress or done
"""


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[str]]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


@pytest.fixture
def in_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(project)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return project


def test_the_update_carries_everything_forward(in_project: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "new-update", WALK, "--date", "2026-11-26")
    assert (code, err) == (0, [])
    path = f"programmes/{WALK}/updates/2026-11-26.yml"
    assert out == [f"Created {path}: change the figures that moved, choose rag, write the "
                   "summary, then run `rhaglen validate programmes`."]
    assert (in_project / path).read_text(encoding="utf-8") == EXPECTED


def test_it_validates_only_once_the_summary_and_rag_are_written(
        in_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-update", WALK, "--date", "2026-11-26"]) == 0
    capsys.readouterr()
    code, out, _ = _run(capsys, "validate", "--as-of", "2026-11-26")
    path = f"programmes/{WALK}/updates/2026-11-26.yml"
    assert (code, out) == (1, [
        f"{path}:9:5: rag: is empty; expected one of: green, amber, red",
        f"{path}:11:6: summary.cy: expected text, got an empty value",
        f"{path}:12:6: summary.en: expected text, got an empty value"])
    fill_update(in_project / path, rag="amber")
    code, out, _ = _run(capsys, "validate", "--as-of", "2026-11-26")
    # Valid; carried forward as it was, O2 is now off track with nothing responding to it.
    assert (code, out) == (0, [
        f"{path}:16:9: objectives[1].id: warning: objective O2 is off track, and no open "
        "action in this update responds to it: add one to actions with responds_to: O2"])


def test_it_never_overwrites_an_update(in_project: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    existing = in_project / "programmes" / WALK / "updates" / "2026-04-10.yml"
    before = existing.read_text(encoding="utf-8")
    code, out, err = _run(capsys, "new-update", WALK, "--date", "2026-04-10")
    assert (code, out) == (2, [])
    assert err == [f"rhaglen new-update: programmes/{WALK}/updates/2026-04-10.yml already "
                   "exists: edit it, or choose another --date"]
    assert existing.read_text(encoding="utf-8") == before


def test_the_date_defaults_to_source_date_epoch(in_project: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795651200")  # 2026-11-26
    assert main(["new-update", WALK]) == 0
    text = (in_project / "programmes" / WALK / "updates" / "2026-11-26.yml").read_text(
        encoding="utf-8")
    assert text == EXPECTED


def test_invalid_data_is_reported_and_nothing_is_written(
        in_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(in_project / "programmes" / WALK / "risks.yml", "likelihood: 3", "likelihood: 9")
    code, out, err = _run(capsys, "new-update", WALK, "--date", "2026-11-26")
    assert (code, out) == (1, [])
    assert err == [f"programmes/{WALK}/risks.yml:14:17: risks[0].likelihood: a score is a "
                   "whole number from 1 to 5, got 9",
                   "rhaglen new-update: fix these problems first; nothing was written."]
    assert not (in_project / "programmes" / WALK / "updates" / "2026-11-26.yml").exists()


@pytest.mark.parametrize("slug", ["no-such-programme", "../programmes", "tags.yml"])
def test_an_unknown_programme_is_a_usage_error(in_project: Path, slug: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "new-update", slug, "--date", "2026-11-26")
    assert (code, out) == (2, [])
    assert err == [f"rhaglen new-update: no programme folder programmes/{slug}"]


def test_a_first_update_starts_at_the_programme_start(in_project: Path) -> None:
    (in_project / "programmes" / WALK / "updates" / "2026-04-10.yml").unlink()
    assert main(["new-update", WALK, "--date", "2026-11-26"]) == 0
    lines = (in_project / "programmes" / WALK / "updates" / "2026-11-26.yml").read_text(
        encoding="utf-8").splitlines()
    assert lines[1] == "# the plan."
    assert "  start: 2025-09-01  # the programme's start" in lines
    assert "    value: 38  # nothing reported yet: the baseline of 2025-06-30; target 55 by " \
           "2027-06-30" in lines
