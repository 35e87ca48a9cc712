"""The risks page's view: the register by kind, a heat map per kind, issues newest first."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from rhaglen.model.portfolio import Portfolio, Programme
from rhaglen.model.risks import RisksFile

from ..state.test_state import programme_file, risk, update
from ..view_pages import BREATHE, WALK, demo, soup, view, words


@pytest.mark.parametrize(("lang", "headings"), [
    ("cy", ["Bygythiadau", "Cyfleoedd"]), ("en", ["Threats", "Opportunities"])])
def test_the_register_is_grouped_by_kind_in_the_contracts_order(lang: str,
                                                                 headings: list[str]) -> None:
    risks = view(demo(), BREATHE + "risks/", lang)
    assert [g.heading for g in risks.groups] == headings
    assert [[r.title.split(" ·")[0] for r in g.rows] for g in risks.groups] == [
        ["R1", "R2", "R3", "R4", "R7"], ["R5", "R6", "R8"]]


@pytest.mark.parametrize(("lang", "r1", "r7"), [
    ("cy", "Sefydlog ar 20 ers yr adolygiad diwethaf; i fyny o 12 pan gofnodwyd",
     "Heb ei ailsgorio ers ei gofnodi"),
    ("en", "Steady at 20 since the last review; up from 12 when raised",
     "Not re-scored since it was raised")])
def test_a_risk_that_rose_and_held_says_both_in_words(lang: str, r1: str, r7: str) -> None:
    threats = view(demo(), BREATHE + "risks/", lang).groups[0].rows
    rows = {r.title.split(" ·")[0]: r for r in threats}
    assert rows["R1"].trend == r1 and rows["R1"].history == "12 → 12 → 16 → 16 → 20 → 20"
    assert rows["R7"].trend == r7 and rows["R7"].history == "" and rows["R7"].scores == ()


@pytest.mark.parametrize(("lang", "score"), [("cy", "20 (Uchel)"), ("en", "20 (High)")])
def test_opportunities_are_styled_apart_from_threats(lang: str, score: str) -> None:
    threats, opportunities = view(demo(), BREATHE + "risks/", lang).groups
    r1, r5 = threats.rows[0], opportunities.rows[0]
    assert (r1.current.family, r1.current.value, r1.current.label) == ("band", "high", score)
    assert (r5.current.family, r5.current.value, r5.current.label) == (
        "opportunity-band", "high", score)


@pytest.mark.parametrize("lang", ["cy", "en"])
def test_each_kind_has_its_own_heat_map_of_open_risks(lang: str) -> None:
    threat, opportunity = view(demo(), BREATHE + "risks/", lang).heat_maps
    assert threat.kind == "threat" and opportunity.kind == "opportunity"
    assert [(c.likelihood, c.impact, len(c.risks)) for c in threat.cells] == [
        ("5", "4", 2), ("2", "4", 1), ("2", "3", 1)]
    assert [(c.likelihood, c.impact, len(c.risks)) for c in opportunity.cells] == [
        ("4", "5", 1), ("4", "3", 1)]
    assert {c.score.family for c in threat.cells} == {"band"}
    assert {c.score.family for c in opportunity.cells} == {"opportunity-band"}


def test_a_threat_and_an_opportunity_in_the_same_place_are_never_one_cell() -> None:
    threat, opportunity = view(demo(), WALK + "risks/", "en").heat_maps
    assert [(c.likelihood, c.impact) for c in threat.cells] == [("2", "4")]
    assert [(c.likelihood, c.impact) for c in opportunity.cells] == [("2", "4")]
    assert len(threat.cells[0].risks) == len(opportunity.cells[0].risks) == 1


def fills(chart: BeautifulSoup) -> set[str]:
    return {rect["fill"] for rect in chart.find_all("rect") if rect.get("stroke") == "#fff"}


def test_the_opportunity_map_has_no_red_and_says_so_in_its_description() -> None:
    page = soup(demo(), BREATHE + "risks/", "en")
    threat = page.find("svg", attrs={
        "aria-labelledby": lambda v: v.startswith("heat-map-threat-t")})
    opportunity = page.find("svg", attrs={
        "aria-labelledby": lambda v: v.startswith("heat-map-opportunity-t")})
    assert fills(threat) == {"#e3f1e6", "url(#heat-map-threat-dots)",
                             "url(#heat-map-threat-hatch)"}  # green, amber, red
    assert fills(opportunity) == {"#f3f7fc", "url(#heat-map-opportunity-good-dots)",
                                  "url(#heat-map-opportunity-good-hatch)"}  # blues
    assert words(opportunity.find("title")) == "Heat map of open opportunities"
    assert "never red" in words(opportunity.find("desc"))


@pytest.mark.parametrize(("lang", "captions"), [
    ("cy", ["Nifer y bygythiadau agored ym mhob cell", "Nifer y cyfleoedd agored ym mhob cell"]),
    ("en", ["Open threats in each cell", "Open opportunities in each cell"])])
def test_each_heat_map_has_a_table_of_the_same_figures(lang: str, captions: list[str]) -> None:
    page = soup(demo(), BREATHE + "risks/", lang)
    tables = {words(t.caption): t for t in page.find_all("table")}
    assert set(captions) <= set(tables)
    threat_rows = [[words(td) for td in tr.find_all("td")]
                   for tr in tables[captions[0]].tbody.find_all("tr")]
    assert threat_rows[0][:2] == ["5", "4"] and threat_rows[0][3].count(",") == 1
    opportunity_links = [a["href"] for a in tables[captions[1]].find_all("a")]
    assert opportunity_links == ["#risk-r5", "#risk-r6"]


def hand_built(*risks: dict[str, object]) -> Portfolio:
    register = RisksFile.model_validate({"risks": list(risks), "issues": [
        {"id": "i-old", "title": {"cy": "Hen", "en": "Old"}, "kind": "problem",
         "raised": "2025-02-01", "priority": "high", "description": {"cy": "D", "en": "D"}},
        {"id": "i-new", "title": {"cy": "Newydd", "en": "New"}, "kind": "opportunity",
         "raised": "2026-02-01", "priority": "low", "description": {"cy": "D", "en": "D"}}]})
    programme = Programme("p", programme_file(), risks=register,
                          updates=(update("2026-03-01"),))
    return Portfolio((programme,))


def test_an_opportunity_alone_leaves_the_threat_map_empty_and_says_so() -> None:
    portfolio = hand_built(risk("o", "opportunity", 5, 5))
    for lang, empty in (("cy", "Nid oes bygythiad agored."), ("en", "No threat is open.")):
        threat, opportunity = view(portfolio, "programmes/p/risks/", lang).heat_maps
        assert threat.cells == () and threat.empty == empty
        assert len(opportunity.cells) == 1
        page = soup(portfolio, "programmes/p/risks/", lang)
        assert empty in words(page)


def test_issues_are_listed_newest_first_with_their_priority() -> None:
    issues = view(hand_built(), "programmes/p/risks/", "en").issues
    assert [i.title for i in issues] == ["i-new · New", "i-old · Old"]
    assert [(i.priority.value, i.priority.label) for i in issues] == [
        ("low", "Low"), ("high", "High")]
    assert [i.resolved for i in issues] == ["Unresolved", "Unresolved"]


@pytest.mark.parametrize(("lang", "flag"), [("cy", "Adolygiad yn hwyr"),
                                            ("en", "Review overdue")])
def test_a_review_due_on_the_as_of_day_is_not_yet_overdue(lang: str, flag: str) -> None:
    # The demo day is 26 November 2026: a review due that day has not passed yet.
    portfolio = hand_built(risk("today", "threat", 2, 2, review="2026-11-26"),
                           risk("yesterday", "threat", 2, 2, review="2026-11-25"))
    page = soup(portfolio, "programmes/p/risks/", lang)
    flagged = {tr["id"]: flag in words(tr) for tr in page.find_all("tr", id=True)
               if tr["id"].startswith("risk-")}
    assert flagged == {"risk-today": False, "risk-yesterday": True}


@pytest.mark.parametrize(("lang", "high"), [("cy", "Uchel"), ("en", "High")])
def test_each_heat_map_cell_scores_likelihood_times_impact(lang: str, high: str) -> None:
    threat, opportunity = view(demo(), BREATHE + "risks/", lang).heat_maps
    for cell in (*threat.cells, *opportunity.cells):
        score = int(cell.likelihood) * int(cell.impact)
        assert cell.score.label.startswith(f"{score} ("), cell
    assert threat.cells[0].score.label == f"20 ({high})"  # 5 × 4


@pytest.mark.parametrize(("lang", "inherent", "residual"), [
    ("cy", "20 (Uchel)", "4 (Isel)"), ("en", "20 (High)", "4 (Low)")])
def test_a_risk_shows_its_residual_score_apart_from_its_inherent(
        lang: str, inherent: str, residual: str) -> None:
    portfolio = hand_built(risk("r", "threat", 5, 4, residual={"likelihood": 2, "impact": 2}))
    (row,) = view(portfolio, "programmes/p/risks/", lang).groups[0].rows
    assert row.residual is not None
    assert (row.inherent.label, row.residual.label) == (inherent, residual)
    assert (row.inherent.value, row.residual.value) == ("high", "low")
