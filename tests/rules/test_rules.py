"""Rules across records and files: each one, with the line it points at."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
from rhaglen.data.load import load_portfolio

from ..edits import WALK, edit, line_of, problems
from ..helpers import AS_OF

P = f"programmes/{WALK}"


@pytest.fixture
def walk(programmes: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(programmes.parent)
    return programmes / WALK


def found() -> list[str]:
    return problems(Path("programmes"))


def test_duplicate_ids_across_files_name_both_places(walk: Path) -> None:
    edit(walk / "risks.yml", "  - id: X1", "  - id: o1")
    line = line_of(walk / "risks.yml", "id: o1")
    assert found() == [f"{P}/risks.yml:{line}:9: issues[0].id: duplicate id 'o1': already "
                       f"used by an objective at {P}/plan.yml:2:9"]


def test_an_action_may_be_reported_again_in_a_later_update(walk: Path) -> None:
    later = (walk / "updates" / "2026-04-10.yml").read_text(encoding="utf-8")
    later = later.replace("status: planned", "status: in-progress")
    later = later.replace("start: 2026-01-01", "start: 2026-04-01").replace(
        "end: 2026-03-31", "end: 2026-06-30")
    (walk / "updates" / "2026-07-10.yml").write_text(later, encoding="utf-8")
    line = line_of(walk / "updates" / "2026-07-10.yml", "- id: O2")
    # the copy's figures, judged on its later date, leave O2 off track: a warning of its own
    assert found() == [f"{P}/updates/2026-07-10.yml:{line}:9: objectives[1].id: warning: "
                       "objective O2 is off track, and no open action in this update "
                       "responds to it: add one to actions with responds_to: O2"]


@pytest.mark.parametrize(("start", "overlaps"), [("2026-03-31", True), ("2026-04-01", False)])
def test_a_period_starting_on_the_day_the_one_before_ends_overlaps_it(
        walk: Path, start: str, overlaps: bool) -> None:
    later = (walk / "updates" / "2026-04-10.yml").read_text(encoding="utf-8")
    later = later.replace("start: 2026-01-01", f"start: {start}").replace(
        "end: 2026-03-31", "end: 2026-06-30")
    (walk / "updates" / "2026-07-10.yml").write_text(later, encoding="utf-8")
    periods = [p for p in found() if "period.start" in p]
    # both periods hold 31 March: the later one must start the day after
    assert periods == ([f"{P}/updates/2026-07-10.yml:2:10: period.start: this period starts "
                        "on 2026-03-31, but the period of updates/2026-04-10.yml runs to "
                        "2026-03-31: periods must not overlap, so start this one on 2026-04-01"]
                       if overlaps else [])


def test_an_action_id_used_by_another_record_is_a_duplicate(walk: Path) -> None:
    edit(walk / "updates" / "2026-04-10.yml", "  - id: A1", "  - id: R2")
    update_line = line_of(walk / "updates" / "2026-04-10.yml", "id: R2")
    risk_line = line_of(walk / "risks.yml", "id: R2")
    assert found() == [f"{P}/updates/2026-04-10.yml:{update_line}:9: actions[0].id: duplicate "
                       f"id 'R2': already used by a risk at {P}/risks.yml:{risk_line}:9"]


def test_a_reference_to_nothing_suggests_the_nearest_id(walk: Path) -> None:
    edit(walk / "plan.yml", "agreed_with: [penaethiaid, rhieni, icc]",
         "agreed_with: [penaethiad, rhieni, icc]")
    line = line_of(walk / "plan.yml", "penaethiad,")
    assert found() == [f"{P}/plan.yml:{line}:19: objectives[0].agreed_with[0]: 'penaethiad' "
                       "names no stakeholder, target group or organisation in this programme; "
                       "did you mean 'penaethiaid'?"]


def test_a_reference_to_the_wrong_kind_says_what_it_is(walk: Path) -> None:
    edit(walk / "risks.yml", "    owner: rheolwr\n    review: 2026-09-01",
         "    owner: M2\n    review: 2026-09-01")
    line = line_of(walk / "risks.yml", "owner: M2")
    assert found() == [f"{P}/risks.yml:{line}:12: risks[0].owner: 'M2' is a milestone; "
                       "owner must name a role"]


def test_references_are_compared_without_case(walk: Path) -> None:
    edit(walk / "plan.yml", "    objectives: [O2]", "    objectives: [o2]")
    assert found() == []


def test_a_response_must_fit_the_kind_of_risk(walk: Path) -> None:
    edit(walk / "risks.yml", "    response: exploit", "    response: reduce")
    assert found() == [f"{P}/risks.yml:37:15: risks[1].response: 'reduce' is a response "
                       "to a threat; an opportunity takes exploit, enhance, share, accept or "
                       "reject"]


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("programme.yml", "end: 2027-07-31", "end: 2025-07-31",
     "end: end (2025-07-31) is before start (2025-09-01)"),
    ("plan.yml", "      date: 2027-06-30\n    data_source:\n      cy: Arolwg",
     "      date: 2025-01-30\n    data_source:\n      cy: Arolwg",
     "objectives[0].target.date: target date (2025-01-30) is before baseline date (2025-06-30)"),
    ("risks.yml", "    resolved: 2026-02-14", "    resolved: 2026-01-14",
     "issues[0].resolved: raised/resolved".replace("raised/resolved",
                                                   "resolved (2026-01-14) is before raised "
                                                   "(2026-01-20)")),
    ("updates/2026-04-10.yml", "  end: 2026-03-31", "  end: 2026-04-30",
     "period.end: the report's date (the file name) (2026-04-10) is before period end "
     "(2026-04-30)"),
    ("updates/2026-04-10.yml", "    completed: 2026-02-14", "    completed: 2026-05-14",
     "milestones[0].completed: the report's date (the file name) (2026-04-10) is before "
     "completion (2026-05-14)"),
])
def test_dates_in_order(walk: Path, file: str, old: str, new: str, message: str) -> None:
    edit(walk / file, old, new)
    assert [p.split(": ", 1)[1] for p in found()] == [message]
    assert found()[0].startswith(f"{P}/{file}:")


def test_an_update_may_not_be_dated_after_the_as_of_date(walk: Path) -> None:
    assert [p for p in problems(Path("programmes"), as_of="2026-04-09") if WALK in p] == [
        f"{P}/updates/2026-04-10.yml:1:1: file: this update is dated 2026-04-10, after the "
        "as-of date 2026-04-09; an update reports what has already happened"]


def test_a_duration_that_does_not_fit_the_type_is_a_warning(walk: Path) -> None:
    edit(walk / "programme.yml", "type: campaign", "type: plan")
    result = load_portfolio(Path("programmes"), date.fromisoformat(AS_OF))
    line = line_of(walk / "programme.yml", "type: plan")
    assert [p.format() for p in result.problems] == [
        f"{P}/programme.yml:{line}:7: type: warning: a plan runs under a year, but 2025-09-01 to "
        "2027-07-31 is 1.9 years; is type 'campaign' meant?"]
    assert result.portfolio is not None  # a warning does not stop the build


def test_every_lesson_tag_needs_a_label(walk: Path) -> None:
    edit(walk / "lessons.yml", "tags: [engagement, timing]", "tags: [engagment, timing]")
    line = line_of(walk / "lessons.yml", "engagment")
    assert found() == [f"{P}/lessons.yml:{line}:12: lessons[0].tags[0]: tag 'engagment' has "
                       "no label in programmes/tags.yml; did you mean 'engagement'?"]


def test_an_entry_reported_twice_in_one_update(walk: Path) -> None:
    edit(walk / "updates" / "2026-04-10.yml", "  - line: B3", "  - line: B2")
    assert [p.split(": ", 1)[1] for p in found()] == [
        "spend[2].line: 'B2' is reported twice in this update"]


def test_unknown_file_in_a_programme_folder_suggests_the_name(walk: Path) -> None:
    (walk / "risk.yml").write_text("risks: []\n", encoding="utf-8")
    assert found() == [f"{P}/risk.yml:1:1: file: unknown file or folder 'risk.yml'; "
                       "did you mean risks.yml?"]


def test_update_files_are_named_by_their_date(walk: Path) -> None:
    (walk / "updates" / "2026-02-30.yml").write_text("rag: red\n", encoding="utf-8")
    (walk / "updates" / "april.yml").write_text("rag: red\n", encoding="utf-8")
    assert [p.split(": ", 1)[1] for p in found()] == [
        "file: '2026-02-30.yml' is not an update file: name updates YYYY-MM-DD.yml with the "
        "date of the report",
        "file: 'april.yml' is not an update file: name updates YYYY-MM-DD.yml with the date of "
        "the report",
    ]


def test_programme_folder_needs_programme_yml_and_a_valid_name(programmes: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    monkeypatch.chdir(programmes.parent)
    (programmes / "newydd").mkdir()
    (programmes / "Bad_Name").mkdir()
    assert found() == [
        "programmes/Bad_Name:1:1: file: 'Bad_Name' is not a valid folder name: use lower-case "
        "letters and digits joined by -",
        "programmes/newydd/programme.yml:1:1: file: missing: every programme folder needs a "
        "programme.yml",
    ]


def test_all_problems_of_a_run_are_reported_together(walk: Path) -> None:
    edit(walk / "plan.yml", "level: outcome", "level: outcomes")
    edit(walk / "risks.yml", "    response: exploit", "    response: reduce")
    edit(walk / "lessons.yml", "kind: to-improve", "kind: to_improve")
    messages = [m.split(": ", 1)[1] for m in found()]
    assert messages == [
        "lessons[0].kind: 'to_improve' is not one of: worked-well, to-improve; "
        "did you mean 'to-improve'?",
        "objectives[0].level: 'outcomes' is not one of: output, outcome, impact; "
        "did you mean 'outcome'?",
        "risks[1].response: 'reduce' is a response to a threat; an opportunity takes exploit, "
        "enhance, share, accept or reject",
    ]


def test_problems_are_never_a_traceback(walk: Path, caplog: pytest.LogCaptureFixture) -> None:
    (walk / "plan.yml").write_text("- just\n- a list\n", encoding="utf-8")
    (walk / "strategy.yml").write_text("evidence: 5\n", encoding="utf-8")
    with caplog.at_level(logging.DEBUG):
        assert found() == [
            f"{P}/plan.yml:1:1: file: expected a mapping of keys and values",
            f"{P}/strategy.yml:1:11: evidence: expected a list",
        ]


def test_tags_file_keys_are_tags_and_labels_are_bilingual(programmes: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    monkeypatch.chdir(programmes.parent)
    with (programmes / "tags.yml").open("a", encoding="utf-8") as handle:
        handle.write("Bad Tag:\n  cy: Drwg\n  en: Bad\nhalf:\n  cy: Hanner\n")
    line = line_of(programmes / "tags.yml", "Bad Tag:")
    assert found() == [
        f"programmes/tags.yml:{line}:1: Bad Tag: 'Bad Tag' is not a valid tag (lower-case "
        "words joined by -)",
        f"programmes/tags.yml:{line + 4}:3: half.en: missing English (en) text",
    ]


def test_an_unknown_file_beside_the_programme_folders(programmes: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(programmes.parent)
    (programmes / "notes.txt").write_text("x", encoding="utf-8")
    assert found() == ["programmes/notes.txt:1:1: file: unknown file 'notes.txt': programmes/ "
                       "holds tags.yml and one folder per programme"]


def test_a_hidden_file_in_a_programme_folder_is_an_error(walk: Path) -> None:
    (walk / ".DS_Store").write_bytes(b"\x00\x01")
    assert found() == [f"{P}/.DS_Store:1:1: file: hidden file '.DS_Store' is not part of a "
                       "programme: delete it (and list it in .gitignore)"]
