"""The open-data tables as a reuser gets them: every contract table, site-wide and per
programme, with figures equal to the pages', described by a Data Package that validates."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from functools import cache

import pytest
from rhaglen.export import ExportSettings, export_files
from rhaglen.export.tables import csv_path
from rhaglen.render.formatting import Formatter
from rhaglen.render.opendata import json_path
from rhaglen.state.freshness import update_freshness

from ..helpers import AS_OF
from ..view_helpers import BREATHE, WALK, context, demo, every_status, page_of, view_of

CONTRACT_TABLES = (
    "programmes", "organisations", "target_groups", "stakeholders", "engagement",
    "objectives", "indicator_values", "milestones", "budget_lines", "spend", "risks",
    "risk_scores", "issues", "actions", "changes", "evidence", "interventions",
    "pilot_results", "evaluation_results", "lessons", "sustainability_actions",
    "opportunities", "compliance")
LANGS = ("cy", "en")


@cache
def files() -> dict[str, bytes]:
    """Every open-data file of the demo data as of the fixed day."""
    return export_files(demo(), date.fromisoformat(AS_OF), ExportSettings())


def table(name: str, slug: str | None = None) -> list[dict[str, str]]:
    """The rows of a table's CSV, by column name."""
    text = files()[csv_path(name, slug)].decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def header(name: str) -> list[str]:
    return files()[csv_path(name)].decode("utf-8").split("\r\n", 1)[0].split(",")


def by_id(rows: list[dict[str, str]], slug: str) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in rows if row["programme"] == slug}


def test_every_contract_table_is_published_site_wide_and_per_programme() -> None:
    for name in CONTRACT_TABLES:
        assert f"data/{name}.csv" in files()
        for slug in (BREATHE, WALK):
            assert f"data/programmes/{slug}/{name}.csv" in files()
    assert "data/datapackage.json" in files()


def test_each_table_starts_with_programme_then_id_and_ends_with_the_licence() -> None:
    for name in CONTRACT_TABLES:
        columns = header(name)
        assert columns[0] == "programme" and columns[-1] == "licence"
        assert ("id" in columns) == (columns[1] == "id")
    assert header("indicator_values") == ["programme", "objective", "date", "kind", "value",
                                          "note_cy", "note_en", "source_cy", "source_en",
                                          "licence"]
    assert header("spend") == ["programme", "update", "line", "currency", "spent", "planned",
                               "remaining", "over_budget", "licence"]
    assert header("risk_scores") == ["programme", "risk", "date", "source", "likelihood",
                                     "impact", "score", "band", "status", "note_cy", "note_en",
                                     "licence"]
    assert header("objectives")[:4] == ["programme", "id", "statement_cy", "statement_en"]


def test_text_comes_in_both_languages_and_every_row_names_its_licence() -> None:
    walk = table("programmes", WALK)
    assert [(r["title_cy"], r["title_en"]) for r in walk] == [
        ("Cerdded i'r Ysgol", "Walk to School")]
    assert {r["licence"] for name in CONTRACT_TABLES for r in table(name)} == {"CC-BY-4.0"}


def test_the_site_wide_table_is_every_programme_s_rows_in_slug_order() -> None:
    for name in CONTRACT_TABLES:
        whole = files()[csv_path(name)].decode("utf-8").split("\r\n", 1)
        parts = [files()[csv_path(name, slug)].decode("utf-8").split("\r\n", 1)
                 for slug in sorted((BREATHE, WALK))]
        assert all(part[0] == whole[0] for part in parts)
        assert whole[1] == "".join(part[1] for part in parts)


def test_objective_status_and_progress_equal_the_plan_page() -> None:
    for slug in (BREATHE, WALK):
        rows = by_id(table("objectives"), slug)
        for lang in LANGS:
            shown = view_of(f"programmes/{slug}/plan/", lang).objectives
            assert len(shown) == len(rows)
            for row in shown:
                data = rows[row.name.split(" · ")[0]]
                assert data["status"] == row.status.value
                percent = Formatter(lang).percent(float(data["progress"]))
                assert percent in row.progress


def test_milestone_status_and_lateness_equal_the_plan_page() -> None:
    for slug in (BREATHE, WALK):
        rows = by_id(table("milestones"), slug)
        for row in view_of(f"programmes/{slug}/plan/", "en").milestones:
            data = rows[row.name.split(" · ")[0]]
            assert data["status"] == row.status.value
            assert (data["days_late"] != "0") == bool(row.days_late)


def test_budget_remaining_equals_the_plan_page_and_overspend_stays_negative() -> None:
    rows = by_id(table("budget_lines"), BREATHE)
    assert rows["B2"]["remaining"] == "-13750" and rows["B2"]["over_budget"] == "true"
    for lang in LANGS:
        fmt = Formatter(lang)
        for row in view_of(f"programmes/{BREATHE}/plan/", lang).budget:
            data = rows[row.name.split(" · ")[0]]
            remaining = float(data["remaining"])
            assert row.balance.over == (data["over_budget"] == "true")
            assert fmt.money(abs(remaining), data["currency"]) in row.balance.remaining
            assert row.balance.spent == fmt.money(float(data["spent"]), data["currency"])


def test_risk_current_score_band_and_history_equal_the_risks_page() -> None:
    rows = by_id(table("risks"), BREATHE)
    scores = table("risk_scores", BREATHE)
    for lang in LANGS:
        groups = view_of(f"programmes/{BREATHE}/risks/", lang).groups
        for row in (r for group in groups for r in group.rows):
            risk = row.title.split(" · ")[0]
            data = rows[risk]
            assert data["current_band"] == row.current.value
            assert row.current.label.startswith(data["current_score"])
            history = [s["score"] for s in scores if s["risk"] == risk]
            assert history[0] == data["score"] and history[-1] == data["current_score"]
            if row.history:
                assert row.history == " → ".join(history)


def test_indicator_values_run_from_baseline_through_updates_to_target() -> None:
    objectives = by_id(table("objectives"), BREATHE)
    values = [r for r in table("indicator_values") if r["programme"] == BREATHE]
    for ident, objective in objectives.items():
        rows = [r for r in values if r["objective"] == ident]
        kinds = [r["kind"] for r in rows]
        assert kinds[0] == "baseline" and kinds[-1] == "target"
        assert set(kinds[1:-1]) <= {"update"}
        updates = [r for r in rows if r["kind"] == "update"]
        assert [r["date"] for r in updates] == sorted(r["date"] for r in updates)
        if updates:
            assert updates[-1]["value"] == objective["latest_value"]
            assert updates[-1]["date"] == objective["latest_date"]


def test_indicator_values_are_dated_when_they_were_true_with_their_own_source() -> None:
    """Contract 1.2: the period's end (31 October for the update of 13 November), or the
    value's own date and source (a quarterly dataset to 30 September)."""
    rows = {(r["objective"], r["date"]): r for r in table("indicator_values")
            if r["programme"] == BREATHE and r["kind"] == "update"}
    assert rows[("O1", "2026-10-31")]["value"] == "23"
    assert ("O1", "2026-11-13") not in rows
    o2 = rows[("O2", "2026-09-30")]
    assert (o2["value"], o2["source_en"]) == (
        "11.8", "Maternity Indicators for Wales, July to September 2026")
    assert o2["source_cy"] == "Dangosyddion Mamolaeth Cymru, Gorffennaf i Fedi 2026"
    pilot = {r["objective"]: r for r in table("pilot_results") if r["programme"] == BREATHE}
    assert (pilot["O4"]["target"], pilot["O1"]["target"]) == ("35", "")


def test_references_and_citations_come_in_both_languages_with_the_law_s_address() -> None:
    """Contract 1.2: `reference` and `citation` are Name, so each is two columns; a
    requirement may link the law, code or policy itself."""
    compliance = {r["id"]: r for r in table("compliance") if r["programme"] == BREATHE}
    assert (compliance["C2"]["reference_cy"], compliance["C2"]["reference_en"]) == (
        "GDPR y DU a Deddf Diogelu Data 2018", "UK GDPR and Data Protection Act 2018")
    assert compliance["C2"]["reference_url"] == (
        "https://www.legislation.gov.uk/ukpga/2018/12/contents")
    assert compliance["C1"]["reference_url"] == ""
    evidence = [r for r in table("evidence") if r["programme"] == WALK]
    assert {(r["citation_cy"], r["citation_en"]) for r in evidence} >= {
        ("Arolwg rhieni Caerdydd, 2025 (n=611)", "Cardiff parent survey, 2025 (n=611)"),
        ("Sustrans, Hands Up Scotland Survey 2023", "Sustrans, Hands Up Scotland Survey 2023")}


def test_spend_has_one_row_per_update_and_line() -> None:
    spend = table("spend", BREATHE)
    reported = sum(len(u.report.spend) for u in demo().programme(BREATHE).updates)
    assert len(spend) == reported
    latest = {}
    for row in spend:
        latest[row["line"]] = row["spent"]
    lines = by_id(table("budget_lines"), BREATHE)
    assert latest == {ident: line["spent"] for ident, line in lines.items() if ident in latest}


def test_files_are_utf8_csv_with_crlf_line_ends_and_the_same_bytes_every_time() -> None:
    again = export_files(demo(), date.fromisoformat(AS_OF), ExportSettings())
    tables = {path: data for path, data in files().items() if path.startswith("data/")}
    assert tables == {path: data for path, data in again.items() if path.startswith("data/")}
    for path, data in tables.items():
        if path.endswith(".csv"):
            assert not data.startswith(b"\xef\xbb\xbf")
            assert data.endswith(b"\r\n") and b"\r\n" in data.split(b"\n", 1)[0] + b"\n"


@pytest.mark.parametrize("slug", ["chwarae-allan", "y-gymraeg-yn-llandudno"])
def test_a_programme_s_own_interval_is_the_one_in_programmes_csv_its_json_and_pages(
        slug: str) -> None:
    """The every-status programmes that set `reporting_interval`, where the site's would
    judge otherwise: the CSV row, the JSON and every page say the same interval and state."""
    day, site = date.fromisoformat(AS_OF), ExportSettings()
    exported = export_files(every_status(), day, site)
    programme = every_status().programme(slug)
    own = programme.programme.reporting_interval
    rows = csv.DictReader(io.StringIO(exported[csv_path("programmes")].decode("utf-8"),
                                      newline=""))
    row = next(r for r in rows if r["programme"] == slug)
    latest = json.loads(exported[json_path(slug)])["state"]["latest_update"]
    freshness = row["freshness"]
    assert own is not None and freshness in ("current", "stale")
    assert update_freshness(programme, day, site.reporting_interval) != freshness
    assert (int(row["reporting_interval"]), freshness) == (own, update_freshness(
        programme, day, own)) == (latest["reporting_interval"], latest["freshness"])
    pages = {path: page_of(path, every_status())
             for path in (f"programmes/{slug}/", f"programmes/{slug}/monitoring/")}
    assert {page.data["reporting_interval"] for page in pages.values()} == {own}
    cards = view_of("programmes/", "en", every_status()).cards
    shown = [next(c.latest for c in cards if slug in (c.title.href or "")),
             *(view_of(path, "en", every_status()).latest for path in pages)]
    stated = context(pages[f"programmes/{slug}/"], "en").t.plural("common.days", own)
    for latest_shown in shown:  # the portfolio's card, the overview, the monitoring page
        assert latest_shown.freshness == freshness
        warned = latest_shown.warning is not None and stated in latest_shown.warning
        assert warned == (freshness == "stale")  # "... more than the 40 days expected ..."
