"""Which columns each table keeps and what goes to the record's detail, in both languages.

A table keeps the few short figures a reader compares down the page, the most important
first (status, current score, what is left, met or not); long text moves to the record's
detail below the table, so every column fits a desk's screen.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag
from rhaglen.pages.environment import render_page
from rhaglen.render.tables import label_cells

from ..view_helpers import BREATHE, demo_view, page_of

PAGES = f"programmes/{BREATHE}/"


def tables(path: str, lang: str) -> tuple[BeautifulSoup, dict[str, list[str]]]:
    """The rendered page, and each table's column headings by caption."""
    soup = BeautifulSoup(render_page(page_of(PAGES + path), lang), "html.parser")
    found = {}
    for table in soup.find_all("table"):
        assert isinstance(table, Tag)
        caption = table.find("caption")
        name = caption.get_text(strip=True) if caption else "?"
        found[name] = [th.get_text(strip=True) for th in table.select("th[scope=col]")]
    return soup, found


def detail_terms(soup: BeautifulSoup, anchor: str) -> list[str]:
    heading = soup.find(id=f"{anchor}-detail")
    assert isinstance(heading, Tag), anchor
    section = heading.find_parent("section")
    assert isinstance(section, Tag) and "rh-record" in section["class"]
    return [dt.get_text(strip=True) for dt in section.find_all("dt")]


@pytest.mark.parametrize(("lang", "columns", "details"), [
    ("cy", {"Cerrig milltir": ["Carreg filltir", "Statws", "Dyddiad gwreiddiol",
                               "Rhagolwg diweddaraf", "Cwblhawyd", "Perchennog"],
            "Cyllideb a gwariant": ["Llinell", "Ar ôl", "Wedi'i wario", "Wedi'i gynllunio",
                                    "Cyllidwr"],
            "Rolau a chyfrifoldebau": ["Rôl", "Sefydliad", "Cyfwerth ag amser llawn", "Cyflog",
                                       "Ffynhonnell"]},
     ["Dangosydd", "Llinell sylfaen", "Ffynhonnell y data", "Cytunwyd gyda", "Cytunwyd ar"]),
    ("en", {"Milestones": ["Milestone", "Status", "Baseline due date", "Latest forecast",
                           "Completed", "Owner"],
            "Budget and spend": ["Line", "Remaining", "Spent", "Planned", "Funder"],
            "Roles and responsibilities": ["Role", "Organisation", "Full-time equivalent",
                                           "Pay", "Source"]},
     ["Indicator", "Baseline", "Data source", "Agreed with", "Agreed on"]),
])
def test_the_plan_keeps_status_and_remaining_in_view(lang: str, columns: dict[str, list[str]],
                                                     details: list[str]) -> None:
    soup, found = tables("plan/", lang)
    objectives = next(v for k, v in found.items() if k.startswith(("SMART", "Amcanion")))
    assert objectives == [("Amcan" if lang == "cy" else "Objective"),
                          "Cynnydd" if lang == "cy" else "Progress",
                          "Gwerth diweddaraf" if lang == "cy" else "Latest value",
                          "Targed" if lang == "cy" else "Target"]
    for caption, headings in columns.items():
        assert found[caption] == headings
    assert detail_terms(soup, "objective-o1") == details
    assert detail_terms(soup, "role-rheolwr-rhaglen")[0] in ("Cyfrifoldebau", "Responsibilities")


@pytest.mark.parametrize(("lang", "register", "issues", "facts"), [
    ("cy", ["Risg", "Sgôr presennol", "Statws", "Perchennog", "Adolygu"],
     ["Mater", "Blaenoriaeth", "Datryswyd", "Perchennog", "Codwyd"],
     ["Codwyd", "Sgôr cynhenid", "Sgôr gweddilliol", "Ymateb"]),
    ("en", ["Risk", "Current score", "Status", "Owner", "Review"],
     ["Issue", "Priority", "Resolved", "Owner", "Raised"],
     ["Raised", "Inherent score", "Residual score", "Response"]),
])
def test_the_risk_register_leads_with_the_current_score(lang: str, register: list[str],
                                                        issues: list[str],
                                                        facts: list[str]) -> None:
    soup, found = tables("risks/", lang)
    assert found["Bygythiadau" if lang == "cy" else "Threats"] == register
    assert found["Log materion" if lang == "cy" else "Issue log"] == issues
    assert detail_terms(soup, "risk-r3") == facts
    view = demo_view(PAGES + "risks/", lang)
    r3 = next(r for g in view.groups for r in g.rows if r.anchor == "risk-r3")
    assert r3.current.label.startswith("6 ") and r3.inherent.label.startswith("16 ")
    issue = view.issues[0]
    assert issue.detail is not None and issue.detail.facts[0].term in ("Disgrifiad",
                                                                        "Description")


@pytest.mark.parametrize(("lang", "columns"), [
    ("cy", ["Amcan", "Cyrhaeddwyd?", "Cyflawnwyd", "Targed", "Llinell sylfaen"]),
    ("en", ["Objective", "Met?", "Achieved", "Target", "Baseline"])])
def test_results_say_met_or_not_first_and_keep_commentary_below(lang: str,
                                                                columns: list[str]) -> None:
    for path in ("evaluation/", "pilot/"):
        soup, found = tables(path, lang)
        assert next(iter(found.values())) == columns
    view = demo_view(PAGES + "evaluation/", lang)
    assert all(r.detail is not None for r in view.results)  # every result has commentary
    assert detail_terms(soup, "result-o1") == ["Nodyn" if lang == "cy" else "Note"]


@pytest.mark.parametrize(("lang", "objectives", "risks", "note"), [
    ("cy", ["Amcan", "Gwerth", "Targed", "Llinell sylfaen"],
     ["Risg", "Sgôr presennol", "Statws"], {"Nodyn", "Yn wir ar", "Ffynhonnell"}),
    ("en", ["Objective", "Value", "Target", "Baseline"],
     ["Risk", "Current score", "Status"], {"Note", "True on", "Source"})])
def test_an_update_shows_whole_figures_and_its_notes_below(lang: str, objectives: list[str],
                                                           risks: list[str], note: set[str]
                                                           ) -> None:
    """Notes below the table, and a value's own date and source (O2's, contract 1.2)."""
    soup, found = tables("monitoring/2026-11-13/", lang)
    assert next(iter(found.values())) == objectives
    assert found["Sgoriau risg newydd" if lang == "cy" else "Risk re-scores"] == risks
    targets = [row.find_all("td")[1].get_text(strip=True)
               for row in soup.find_all("tbody")[0].find_all("tr")]
    assert targets == ["25", "10", "80", "20"]
    notes = soup.select("section.rh-record dt")
    assert notes and {dt.get_text() for dt in notes} == note


@pytest.mark.parametrize(("lang", "updates", "actions", "evidence"), [
    ("cy", ["Dyddiad", "Statws cyffredinol", "Cyfnod"],
     ["Cam", "Statws", "Erbyn", "Perchennog", "Adroddwyd ddiwethaf"], "Tystiolaeth"),
    ("en", ["Date", "Overall status", "Period"],
     ["Action", "Status", "Due", "Owner", "Last reported"], "Evidence")])
def test_summaries_and_evidence_leave_the_grid(lang: str, updates: list[str],
                                               actions: list[str], evidence: str) -> None:
    soup, found = tables("monitoring/", lang)
    assert list(found.values())[:2] == [updates, actions]
    assert soup.find(id="update-2026-11-13-detail") is not None  # the summary, below
    soup, found = tables("compliance/", lang)
    assert all(headings[1] in ("Statws", "Status") for headings in found.values())
    assert {dt.get_text() for dt in soup.select("section.rh-record dt")} == {evidence}
    soup, found = tables("stakeholders/", lang)
    assert len(list(found.values())[1]) == 6  # the interests are each stakeholder's detail


def test_every_body_cell_is_labelled_with_its_column() -> None:
    html = label_cells(
        '<thead><tr><th scope="col">No.</th><th scope="col">Name</th>'
        '<th scope="col">Rhif <small>(£)</small></th><th scope="col">Say "hi"</th></tr></thead>'
        '<tbody><tr id="a"><td>1</td><th scope="row">A</th><td class="rh-num">3</td>'
        '<td>x</td></tr></tbody><tfoot><tr><th scope="row">Total</th><td></td><td>3</td>'
        '</tr></tfoot>')
    soup = BeautifulSoup(html, "html.parser")
    body = [td.get("data-label") for td in soup.select("tbody td")]
    assert body == ["No.", "Rhif (£)", 'Say "hi"']
    assert soup.select_one("tbody th").get("data-label") is None  # the card's title
    assert [td.get("data-label") for td in soup.select("tfoot td")] == ["Name", "Rhif (£)"]
    assert soup.select_one("thead th").get("data-label") is None
