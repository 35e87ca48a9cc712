"""The change list, pure: two portfolios in, what a reader will see change out."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from rhaglen.changes.compare import portfolio_changes
from rhaglen.changes.model import (
    Field,
    Notice,
    ProgrammeChanges,
    RecordChange,
    Scored,
    Side,
    Token,
)
from rhaglen.changes.pages import PageChanges, page_changes, page_url
from rhaglen.changes.records import MILESTONES, RISKS
from rhaglen.changes.summary import Summary, escape, summary_markdown
from rhaglen.data.load import load_portfolio
from rhaglen.model.portfolio import Portfolio
from rhaglen.text.problems import Problem

from ..edits import WALK, edit
from ..helpers import REPO

AS_OF = date(2026, 11, 26)
BREATHE = "anadlu-n-rhydd"


def _portfolio(folder: Path) -> Portfolio:
    result = load_portfolio(folder, AS_OF)
    assert result.portfolio is not None, [p.format() for p in result.problems]
    return result.portfolio


@pytest.fixture(scope="module")
def base() -> Portfolio:
    return _portfolio(REPO / "programmes")


@pytest.fixture
def head(tmp_path: Path) -> Path:
    """A copy of the demo data to change."""
    return Path(shutil.copytree(REPO / "programmes", tmp_path / "programmes"))


def _changes(base: Portfolio, head: Portfolio | Path) -> dict[str, ProgrammeChanges]:
    after = head if isinstance(head, Portfolio) else _portfolio(head)
    return {p.slug: p for p in portfolio_changes(Side(base), Side(after), AS_OF, 120)}


def test_the_same_data_changes_nothing(base: Portfolio) -> None:
    assert all(p.empty for p in _changes(base, base).values())


def test_a_closed_risk_says_its_status_and_its_review_warning_goes(base: Portfolio,
                                                                   head: Path) -> None:
    edit(head / WALK / "risks.yml", "status: open", "status: closed")  # R1
    walk = _changes(base, head)[WALK]
    r1 = next(r for r in walk.records if r.ref == "R1")
    assert r1 == RecordChange(RISKS, "changed", "R1", r1.title, (
        Field("common.status", Token("risk_status.open"), Token("risk_status.closed")),))
    assert Notice("risks.review_overdue", "R1", r1.title) in walk.warnings_removed


def test_a_new_risk_shows_its_score_band_and_trend(base: Portfolio, head: Path) -> None:
    text = (head / WALK / "risks.yml").read_text(encoding="utf-8")
    second = text.index("  - id: R2")
    end = text.index("issues:") if "issues:" in text else len(text)
    copy = text[second:end].replace("id: R2", "id: R9", 1)
    (head / WALK / "risks.yml").write_text(text[:end] + copy + text[end:], encoding="utf-8")
    records = _changes(base, head)[WALK].records
    assert [(r.event, r.ref, r.fields) for r in records] == [("added", "R9", (
        Field("risks.current", None, Scored(2, 4)),
        Field("diff.band", None, Token("band.medium")),
        Field("risks.trend", None, Token("trend.new")),
        Field("common.status", None, Token("risk_status.open"))))]


def _rescored_four_by_two(head: Path) -> None:
    """R1's latest re-score (the update of 10 April 2026), 2 × 4, made 4 × 2: still 8."""
    edit(head / WALK / "updates" / "2026-04-10.yml", "    likelihood: 2\n    impact: 4\n",
         "    likelihood: 4\n    impact: 2\n")


def test_a_re_score_to_the_same_score_from_other_parts_is_a_change(base: Portfolio,
                                                                    head: Path) -> None:
    _rescored_four_by_two(head)
    risks = [r for r in _changes(base, head)[WALK].records if r.section == RISKS]
    assert [(r.event, r.ref, r.fields) for r in risks] == [("changed", "R1", (
        Field("risks.current", Scored(2, 4), Scored(4, 2)),))]


@pytest.mark.parametrize(("lang", "line"), [
    ("cy", "- **Wedi newid:** R1 · Gwrthwynebiad gan drigolion i'r strydoedd ysgol: "
           "Sgôr presennol: 2 × 4 = 8 (Canolig) → 4 × 2 = 8 (Canolig)"),
    ("en", "- **Changed:** R1 · Residents oppose the school streets: "
           "Current score: 2 × 4 = 8 (Medium) → 4 × 2 = 8 (Medium)"),
])
def test_a_re_score_to_the_same_score_names_the_old_and_new_likelihood_and_impact(
        base: Portfolio, head: Path, lang: str, line: str) -> None:
    _rescored_four_by_two(head)
    programmes = tuple(_changes(base, head).values())
    text = summary_markdown(Summary("main", None, AS_OF, programmes, PageChanges()), lang)
    assert line in text.splitlines(), text


def _completed_six_days_later(head: Path) -> None:
    """M1's completion (the update of 10 April 2026) moved on: still done late, as before."""
    edit(head / WALK / "updates" / "2026-04-10.yml", "    completed: 2026-02-14",
         "    completed: 2026-02-20")


def test_a_corrected_completion_date_is_a_change_though_the_status_stays(
        base: Portfolio, head: Path) -> None:
    _completed_six_days_later(head)
    milestones = [r for r in _changes(base, head)[WALK].records if r.section == MILESTONES]
    assert [(r.event, r.ref, r.fields) for r in milestones] == [("changed", "M1", (
        Field("plan.completed", date(2026, 2, 14), date(2026, 2, 20)),))]


@pytest.mark.parametrize(("lang", "line"), [
    ("cy", "- **Wedi newid:** M1 · Strydoedd ysgol ar waith ym mhob ysgol: "
           "Cwblhawyd: 14 Chwefror 2026 → 20 Chwefror 2026"),
    ("en", "- **Changed:** M1 · School streets in place at every school: "
           "Completed: 14 February 2026 → 20 February 2026"),
])
def test_a_corrected_completion_date_is_said_in_the_summary(
        base: Portfolio, head: Path, lang: str, line: str) -> None:
    _completed_six_days_later(head)
    programmes = tuple(_changes(base, head).values())
    text = summary_markdown(Summary("main", None, AS_OF, programmes, PageChanges()), lang)
    assert line in text.splitlines(), text


def test_a_removed_programme_is_named_with_its_pages(base: Portfolio, head: Path) -> None:
    shutil.rmtree(head / WALK)
    after = _portfolio(head)
    walk = _changes(base, after)[WALK]
    assert walk.event == "removed" and not walk.records
    pages = page_changes({"programmes/walk/index.md": "a", "programmes/index.md": "b"},
                         {"programmes/index.md": "c"})
    assert pages == PageChanges((), ("/programmes/walk/",), ("/programmes/",))


def test_a_validator_warning_that_only_moved_is_the_same_warning(base: Portfolio) -> None:
    def warning(line: int, message: str) -> Problem:
        return Problem(f"programmes/{WALK}/programme.yml", line, 3, "type", message, "warning")
    before = Side(base, (warning(4, "old"), warning(9, "kept")))
    after = Side(base, (warning(12, "kept"), warning(5, "new")))
    walk = next(p for p in portfolio_changes(before, after, AS_OF, 120) if p.slug == WALK)
    path = f"programmes/{WALK}/programme.yml"
    assert walk.warnings_added == (Notice("diff.validator", f"{path}: type: new"),)
    assert walk.warnings_removed == (Notice("diff.validator", f"{path}: type: old"),)


def test_a_programme_sets_its_own_interval_for_the_staleness_warning(base: Portfolio,
                                                                     head: Path) -> None:
    edit(head / WALK / "programme.yml", "stage: implementing",
         "stage: implementing\nreporting_interval: 400")
    walk = _changes(base, head)[WALK]
    assert [n.kind for n in walk.warnings_removed] == ["latest.stale"]


@pytest.mark.parametrize(("path", "url"), [
    ("programmes/walk/plan/index.md", "/programmes/walk/plan/"),
    ("programmes/walk/plan/index.en.md", "/en/programmes/walk/plan/"),
    ("lessons/index.en.md", "/en/lessons/"),
    ("index.md", "/"),
])
def test_each_page_file_has_the_address_a_reader_opens(path: str, url: str) -> None:
    assert page_url(path) == url


def test_titles_from_the_data_are_never_markdown() -> None:
    assert escape("*Hi* <b>[x](y)</b> `z`") == r"\*Hi\* \<b\>\[x\](y)\</b\> \`z\`"


@pytest.mark.parametrize(("lang", "nothing"), [("cy", "Ni fydd darllenwyr yn gweld unrhyw "
                                                "newid."),
                                               ("en", "Readers will see no change.")])
def test_no_change_is_said_in_the_summary_language(lang: str, nothing: str) -> None:
    text = summary_markdown(Summary("main", None, AS_OF, (), PageChanges()), lang)
    assert text.splitlines()[-1] == nothing


def test_the_change_list_knows_nothing_of_git() -> None:
    import subprocess
    import sys

    script = ("import sys, rhaglen.changes.compare, rhaglen.changes.summary, "
              "rhaglen.changes.pages; "
              "print(sorted(m for m in sys.modules if m in ('rhaglen.changes.gitsource', "
              "'rhaglen.changes.command') or m.startswith('mkdocs')))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, env={"PYTHONPATH": str(REPO / "plugins")})
    assert done.stdout.strip() == "[]"
