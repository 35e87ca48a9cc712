"""Plan, risks and monitoring pages: the figures a reader sees, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ..helpers import REPO, Element, article, children, find_all, lang_root, parse, text_of, walk

WALK = "programmes/cerdded-i-r-ysgol/"
BREATHE = "programmes/anadlu-n-rhydd/"


def page(site: Path, path: str) -> Element:
    return article((site / path / "index.html").read_text(encoding="utf-8"))


def by_id(root: Element, element_id: str) -> Element:
    found = [e for e in walk(root) if e.attrs.get("id") == element_id]
    assert len(found) == 1, element_id
    return found[0]


def cells(row: Element) -> list[str]:
    return [text_of(c) for c in children(row) if c.name in ("th", "td")]


@pytest.mark.parametrize(("lang", "expected"), [
    ("cy", ["O1 · Cynyddu cyfran y disgyblion sy'n cerdded, olwyno neu feicio i'r ysgol "
            "Canlyniad · Cynyddu", "38 (30 Mehefin 2025)", "44 (31 Mawrth 2026)",
            "55 (30 Mehefin 2027)", "Oddi ar y trywydd"]),
    ("en", ["O1 · Increase the share of pupils who walk, wheel or cycle to school Outcome · "
            "Increase", "38 (30 June 2025)", "44 (31 March 2026)", "55 (30 June 2027)",
            "Off track"]),
])
def test_plan_shows_each_objectives_latest_value_against_target(demo_site: Path, lang: str,
                                                                expected: list[str]) -> None:
    root = lang_root(demo_site, lang)
    plan = page(root, WALK + "plan/")
    row = cells(by_id(plan, "objective-o1"))
    assert row[0] == expected[0]
    assert row[1].startswith(expected[4])  # its status first, then the figures
    assert row[2] == expected[2] and row[3] == expected[3]
    # The baseline (with its source) is in the objective's detail below the table.
    assert expected[1] in text_of(by_id(plan, "objective-o1-detail").parent)


@pytest.mark.parametrize(("lang", "overdue", "done_late"), [
    ("cy", "Yn hwyr 134 diwrnod yn hwyr", "Wedi'i chwblhau'n hwyr 14 diwrnod yn hwyr"),
    ("en", "Overdue 134 days late", "Done late 14 days late")])
def test_plan_flags_the_late_milestone(demo_site: Path, lang: str, overdue: str,
                                       done_late: str) -> None:
    plan = page(lang_root(demo_site, lang), WALK + "plan/")
    assert cells(by_id(plan, "milestone-m2"))[1] == overdue
    assert cells(by_id(plan, "milestone-m1"))[1] == done_late


@pytest.mark.parametrize(("lang", "over", "total"), [
    ("cy", "Dros y gyllideb o £13,750", "Cyfanswm £144,650 £926,350 £1,071,000"),
    ("en", "Over budget by £13,750", "Total £144,650 £926,350 £1,071,000"),
])
def test_plan_shows_overspend_plainly(demo_site: Path, lang: str, over: str,
                                      total: str) -> None:
    root = lang_root(demo_site, lang)
    plan = page(root, BREATHE + "plan/")
    row = by_id(plan, "budget-b2")
    assert "rh-over" in row.attrs.get("class", "")
    assert cells(row)[1:4] == [over, "£193,750", "£180,000"]  # remaining, spent, planned
    footer = find_all(plan, "tfoot")[0]
    assert text_of(footer) == total


def test_budget_totals_add_up_from_the_lines(demo_site: Path) -> None:
    plan = page(demo_site / "en", WALK + "plan/")
    assert text_of(find_all(plan, "tfoot")[0]) == "Total £84,250 £62,250 £146,500"


def heat_table(risks: Element, kind: str) -> list[list[str]]:
    """The rows of the table under one kind's heat map."""
    section = by_id(risks, f"heat-map-{kind}")
    rows = []
    seen = False
    for element in walk(risks):
        if element is section:
            seen = True
        elif seen and element.name in ("h2", "h3"):
            break
        elif seen and element.name == "tr" and cells(element) and cells(element)[0].isdigit():
            rows.append(cells(element))
    return rows


@pytest.mark.parametrize("lang", ["cy", "en"])
def test_heat_maps_count_open_threats_and_opportunities_apart(demo_site: Path, lang: str
                                                              ) -> None:
    root = lang_root(demo_site, lang)
    risks = page(root, BREATHE + "risks/")
    svg = find_all(risks, "svg", class_="rh-chart--wide")
    counts = {}
    for kind in ("threat", "opportunity"):
        heat = next(s for s in svg if s.attrs.get("aria-labelledby", "").startswith(
            f"heat-map-{kind}"))
        counts[kind] = sorted(text_of(t) for t in find_all(heat, "text")
                              if t.attrs.get("font-size") == "22")
    assert counts == {"threat": ["1", "1", "2"], "opportunity": ["1", "1"]}
    assert [row[:2] for row in heat_table(risks, "threat")] == [["5", "4"], ["2", "4"],
                                                                ["2", "3"]]
    assert [row[:2] for row in heat_table(risks, "opportunity")] == [["4", "5"], ["4", "3"]]
    walk_risks = page(root, WALK + "risks/")
    # One threat and one opportunity at likelihood 2, impact 4: never in the same cell.
    assert [row[:2] for row in heat_table(walk_risks, "threat")] == [["2", "4"]]
    assert [row[:2] for row in heat_table(walk_risks, "opportunity")] == [["2", "4"]]
    assert all("," not in heat_table(walk_risks, kind)[0][3]
               for kind in ("threat", "opportunity"))


@pytest.mark.parametrize(("lang", "words"), [
    ("cy", ("I fyny o 16 yn yr adolygiad diwethaf; i fyny o 12 pan gofnodwyd",
            "Sefydlog ar 20 ers yr adolygiad diwethaf; i fyny o 12 pan gofnodwyd",
            "I lawr o 8 yn yr adolygiad diwethaf; i lawr o 16 pan gofnodwyd", "20 (Uchel)")),
    ("en", ("Up from 16 at the last review; up from 12 when raised",
            "Steady at 20 since the last review; up from 12 when raised",
            "Down from 8 at the last review; down from 16 when raised", "20 (High)"))])
def test_risk_register_shows_score_history_and_trend(demo_site: Path, lang: str,
                                                     words: tuple[str, ...]) -> None:
    root = lang_root(demo_site, lang)
    risks = page(root, BREATHE + "risks/")
    rising, steady, falling = (cells(by_id(risks, f"risk-{i}")) for i in ("r2", "r1", "r3"))
    # The current score first, with its trend and history beneath it.
    assert rising[1] == f"{words[3]} {words[0]} 12 → 16 → 16 → 20"
    # Rose and then held: steady since the last review, but up overall.
    assert steady[1].endswith(f"{words[1]} 12 → 12 → 16 → 16 → 20 → 20")
    assert falling[1].endswith(f"{words[2]} 16 → 12 → 8 → 8 → 6")


def test_risk_register_splits_threats_and_opportunities(demo_site: Path) -> None:
    risks = page(demo_site / "en", WALK + "risks/")
    captions = [text_of(c) for c in find_all(risks, "caption")]
    assert captions[:2] == ["Threats", "Opportunities"]


@pytest.mark.parametrize(("lang", "figures"), [
    ("cy", ["Statws cyffredinol Ambr – rhai problemau",
            "Cerrig milltir yn hwyr neu mewn perygl 1 o 3"]),
    ("en", ["Overall status Amber – some problems", "Milestones late or at risk 1 of 3"]),
])
def test_monitoring_and_overview_show_the_current_state(demo_site: Path, lang: str,
                                                        figures: list[str]) -> None:
    root = lang_root(demo_site, lang)
    for path in (WALK + "monitoring/", WALK):
        shown = [text_of(d) for d in find_all(page(root, path), "div")
                 if children(d) and children(d)[0].name == "dt"]
        assert set(figures) <= set(shown), path


def test_monitoring_lists_updates_newest_first(demo_site: Path) -> None:
    monitoring = page(demo_site / "en", BREATHE + "monitoring/")
    links = [a.attrs["href"] for th in find_all(monitoring, "th", scope="row")
             for a in find_all(th, "a") if re.fullmatch(r"\d{4}-\d\d-\d\d/", a.attrs["href"])]
    assert links == sorted(links, reverse=True) and len(links) == 7


def test_update_page_links_actions_to_what_they_respond_to(demo_site: Path) -> None:
    for root, word in ((demo_site, "Symud"), (demo_site / "en", "Move")):
        update = page(root, WALK + "monitoring/2026-04-10/")
        action = cells(by_id(update, "action-a1"))
        assert action[0].startswith("A1 · " + word)
        links = find_all(by_id(update, "action-a1"), "a")
        assert links[0].attrs["href"] == "../../plan/#milestone-m2"
        assert links[1].attrs["href"] == "../../plan/#role-swyddog"
        target = root / WALK / "plan" / "index.html"
        assert 'id="milestone-m2"' in target.read_text(encoding="utf-8")


def test_update_page_links_agreed_changes_to_stakeholders(demo_site: Path) -> None:
    update = page(demo_site / "en", WALK + "monitoring/2026-04-10/")
    hrefs = {text_of(a): a.attrs["href"] for a in find_all(update, "a")}
    assert hrefs["Head teachers"] == "../../stakeholders/#sh-penaethiaid"
    assert hrefs["Sustrans Cymru"] == "../../stakeholders/#org-sustrans"
    stakeholders = (demo_site / "en" / WALK / "stakeholders" / "index.html").read_text("utf-8")
    assert 'id="sh-penaethiaid"' in stakeholders


@pytest.mark.parametrize(("lang", "text"), [
    ("cy", "Oddi ar y trywydd"), ("en", "Off track")])
def test_charts_have_text_alternatives_in_the_page_language(demo_site: Path, lang: str,
                                                            text: str) -> None:
    root = lang_root(demo_site, lang)
    plan = page(root, BREATHE + "plan/")
    charts = find_all(plan, "svg", class_="rh-chart--wide")
    assert len(charts) == 14  # progress, 4 trends, milestones, budget, 6 lines and total
    assert len(find_all(plan, "svg", class_="rh-chart--narrow")) == 14
    for chart in charts:
        assert chart.attrs["role"] == "img"
        title, desc = (find_all(chart, tag)[0] for tag in ("title", "desc"))
        assert chart.attrs["aria-labelledby"] == f"{title.attrs['id']} {desc.attrs['id']}"
        assert len(text_of(desc)) > 40
    assert text in text_of(charts[0])
    budget = next(c for c in charts if c.attrs["aria-labelledby"].startswith("budget-chart"))
    assert "£193,750" in text_of(budget)


def test_update_pages_exist_for_every_update_in_both_languages(demo_site: Path) -> None:
    updates = sorted(p.stem for p in REPO.joinpath(
        "programmes", "anadlu-n-rhydd", "updates").glob("*.yml"))
    for root in (demo_site, demo_site / "en"):
        built = sorted(p.name for p in (root / BREATHE / "monitoring").iterdir() if p.is_dir())
        assert built == updates


@pytest.mark.build
def test_a_programme_without_plan_or_risks_says_so(project: Path) -> None:
    from datetime import date

    from rhaglen.site.build import build_site

    for name in ("plan.yml", "risks.yml", "lessons.yml", "compliance.yml"):
        (project / "programmes" / "cerdded-i-r-ysgol" / name).unlink()
    for update in (project / "programmes" / "cerdded-i-r-ysgol" / "updates").iterdir():
        update.unlink()
    assert build_site(project / "mkdocs.yml", project / "site", date(2026, 11, 26)) == 0
    for root, words in ((project / "site", "Nid yw'r rhan hon o'r rhaglen wedi'i chyhoeddi eto."),
                        (project / "site" / "en",
                         "This part of the programme has not been published yet.")):
        for sub in ("plan/", "risks/", "monitoring/"):
            assert text_of(find_all(page(root, WALK + sub), "p", class_="rh-not-published")[0]
                           ) == words
    overview = page(project / "site" / "en", WALK)
    assert "No update yet" in text_of(overview)


def test_parse_helper_sees_rows() -> None:
    table = parse("<table><tr><th>a</th><td>b</td></tr></table>")
    assert cells(find_all(table, "tr")[0]) == ["a", "b"]


@pytest.mark.parametrize(("lang", "flag", "date_text"), [
    ("cy", "Adolygiad yn hwyr", "1 Medi 2026"), ("en", "Review overdue", "1 September 2026")])
def test_an_overdue_review_is_flagged(demo_site: Path, lang: str, flag: str,
                                      date_text: str) -> None:
    root = lang_root(demo_site, lang)
    risks = page(root, WALK + "risks/")
    assert cells(by_id(risks, "risk-r1"))[4] == f"{date_text} {flag}"
    assert cells(by_id(risks, "risk-r2"))[4].endswith(flag)  # 1 October 2026: also past
    closed = cells(by_id(page(root, BREATHE + "risks/"), "risk-r4"))
    assert flag not in closed[4]  # a closed risk's past review is not chased
