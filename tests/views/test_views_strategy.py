"""The strategy and stakeholders views: groups by enum, the grid, engagement by stage."""

from __future__ import annotations

from typing import Literal

import pytest
from bs4 import BeautifulSoup
from rhaglen.model.programme import Engagement
from rhaglen.model.strategy import Evidence
from rhaglen.model.types import Prose, Text
from rhaglen.text.i18n import catalogue
from rhaglen.views import strategy as strategy_module
from rhaglen.views.stakeholders import quadrant

from ..view_helpers import BREATHE, demo, rendered, view_of, with_programme

STRATEGY = f"programmes/{BREATHE}/strategy/"
STAKEHOLDERS = f"programmes/{BREATHE}/stakeholders/"


@pytest.mark.parametrize(("lang", "kinds", "mixes", "scopes"), [
    ("cy", ["Beth sy'n cymell", "Beth sy'n atal", "Beth sy'n gweithio wrth ymyrryd"],
     ["Pris", "Hyrwyddo", "Partneriaeth", "Pobl", "Proses"],
     ["Rhyngwladol", "Cenedlaethol", "Lleol"]),
    ("en", ["Motivators", "Inhibitors", "Interventions that work"],
     ["Price", "Promotion", "Partnership", "People", "Process"],
     ["International", "National", "Local"]),
])
def test_strategy_groups_follow_the_contracts_order_of_values(
        lang: str, kinds: list[str], mixes: list[str], scopes: list[str]) -> None:
    view = view_of(STRATEGY, lang)
    assert [g.heading for g in view.evidence] == kinds
    assert [g.anchor for g in view.evidence] == [
        "evidence-motivator", "evidence-inhibitor", "evidence-intervention"]
    assert [g.heading for g in view.interventions] == mixes  # mixes no intervention uses: gone
    assert [g.heading for g in view.landscape] == scopes


@pytest.mark.parametrize(("lang", "quality", "users"), [
    ("cy", "Ansawdd: Cymedrol", ["Mae dy fabi'n anadlu hefyd",
                                 "Prawf carbon monocsid i bawb ac atgyfeirio awtomatig"]),
    ("en", "Quality: Moderate", ["Carbon monoxide test for everyone and opt-out referral",
                                 "Your baby breathes too"]),
])
def test_evidence_names_the_interventions_based_on_it_in_the_page_order(
        lang: str, quality: str, users: list[str]) -> None:
    evidence = {e.anchor: e for g in view_of(STRATEGY, lang).evidence for e in g.items}
    e6 = evidence["evidence-e6"]
    assert e6.quality.label == quality and e6.quality.value == "moderate"
    assert [link.label for link in e6.used_by] == users
    assert {link.href for link in e6.used_by} == {"#intervention-i2", "#intervention-i5"}


def test_reflections_are_newest_first_with_dates_in_the_page_language() -> None:
    assert [r.heading for r in view_of(STRATEGY, "cy").reflections] == [
        "24 Medi 2026", "15 Awst 2025"]
    assert [r.heading for r in view_of(STRATEGY, "en").reflections] == [
        "24 September 2026", "15 August 2025"]


class WiderEvidence(Evidence):
    """Evidence as it would be if the contract added a kind."""

    kind: Literal["motivator", "inhibitor", "intervention", "barrier"]  # type: ignore[assignment]


def test_a_kind_added_to_the_model_shows_on_the_page_without_a_template_change(
        monkeypatch: pytest.MonkeyPatch) -> None:
    programme = demo().programme(BREATHE)
    assert programme.strategy is not None
    barrier = WiderEvidence(
        id="e99", title=Text(cy="Rhwystr newydd", en="A new barrier"), citation="Test, 2026",
        kind="barrier", quality="low", summary=Prose(cy="Crynodeb.", en="Summary."))
    strategy = programme.strategy.model_copy(
        update={"evidence": (*programme.strategy.evidence, barrier)})
    monkeypatch.setattr(strategy_module, "Evidence", WiderEvidence)
    for lang, heading in (("cy", "Rhwystrau"), ("en", "Barriers")):
        monkeypatch.setitem(catalogue(lang), "evidence_group.barrier", heading)
        monkeypatch.setitem(catalogue(lang), "evidence_kind.barrier", heading)
        page = BeautifulSoup(rendered(STRATEGY, lang, with_programme(programme,
                                                                     strategy=strategy)),
                             "html.parser")
        section = page.find(id="evidence-e99")
        assert section is not None and section.h4 is not None
        assert section.h4.get_text() == barrier.title(lang)
        group = page.find(id="evidence-barrier")  # its own group, after the interventions
        assert group is not None and group.name == "h3" and group.get_text() == heading
        ids = [tag["id"] for tag in page.find_all(id=True)]
        assert ids.index("evidence-intervention") < ids.index("evidence-barrier")


@pytest.mark.parametrize(("influence", "interest", "expected"), [
    (5, 5, "manage"), (3, 3, "manage"), (4, 2, "satisfy"), (3, 1, "satisfy"),
    (2, 4, "inform"), (1, 3, "inform"), (2, 2, "monitor"), (1, 1, "monitor"),
])
def test_quadrant_of_influence_and_interest(influence: int, interest: int,
                                            expected: str) -> None:
    assert quadrant(influence, interest) == expected


def _grid_cells(grid: str, variant: str) -> dict[int, tuple[int, int]]:
    """Each numbered marker's (influence, interest), read from the ticks its centre is on."""
    svg = BeautifulSoup(grid, "html.parser").find("svg", class_=f"rh-chart--{variant}")
    across = {round(float(t["x"]), 1): int(t.get_text()) for t in svg.select("text.rh-tick-x")}
    up = {round(float(t["y"]) - 5, 1): int(t.get_text()) for t in svg.select("text.rh-tick-y")}
    cells = {}
    for marker in svg.select("rect.rh-point"):
        x = round(float(marker["x"]) + float(marker["width"]) / 2, 1)
        y = round(float(marker["y"]) + 12, 1)
        for number in marker.find_next_sibling("text").get_text().split(", "):
            cells[int(number)] = (up[y], across[x])  # a KeyError: off its ticks
    return cells


@pytest.mark.parametrize("lang", ["cy", "en"])
def test_every_grid_marker_sits_at_its_table_rows_scores(lang: str) -> None:
    view = view_of(STAKEHOLDERS, lang)
    rows = view.stakeholders
    assert [r.number for r in rows] == list(range(1, len(rows) + 1)) and len(rows) == 8
    for variant in ("narrow", "wide"):
        assert _grid_cells(view.grid, variant) == {r.number: (r.influence, r.interest)
                                                   for r in rows}


def test_stakeholders_are_numbered_in_each_languages_order() -> None:
    welsh = [r.name for r in view_of(STAKEHOLDERS, "cy").stakeholders]
    assert welsh.index("Tîm rheoli tybaco Llywodraeth Cymru") < welsh.index(
        "Timau Dechrau'n Deg")  # word by word: "Tîm" ends first
    english = [r.name for r in view_of(STAKEHOLDERS, "en").stakeholders]
    assert english == sorted(english, key=str.casefold)


@pytest.mark.parametrize(("lang", "quadrants"), [
    ("cy", {"Rheoli'n agos", "Cadw'n fodlon", "Cadw'n wybodus", "Monitro"}),
    ("en", {"Manage closely", "Keep satisfied", "Keep informed", "Monitor"}),
])
def test_each_stakeholders_approach_is_worded_in_the_page_language(
        lang: str, quadrants: set[str]) -> None:
    rows = view_of(STAKEHOLDERS, lang).stakeholders
    assert {r.quadrant for r in rows} == quadrants
    for r in rows:
        key = quadrant(r.influence, r.interest)
        assert r.quadrant == catalogue(lang)[f"stakeholders_page.quadrant_{key}"]


@pytest.mark.parametrize(("lang", "gap", "note"), [
    ("cy", "Dilyn i fyny", "Dim ymgysylltu wedi'i gofnodi ar y cam hwn"),
    ("en", "Following up", "No engagement recorded at this stage"),
])
def test_engagement_names_the_stage_without_any(lang: str, gap: str, note: str) -> None:
    stages = view_of(STAKEHOLDERS, lang).stages
    assert [s.stage for s in stages] == [
        "scoping", "developing", "piloting", "implementing", "evaluating", "following-up"]
    missing = [s for s in stages if not s.engaged]
    assert [(s.label, s.count) for s in missing] == [(gap, note)]
    assert all(s.entries == () for s in missing)


def test_engagement_at_closing_shows_only_when_there_is_some() -> None:
    programme = demo().programme(BREATHE)
    entry = Engagement.model_validate({
        "date": "2026-11-01", "stage": "closed", "with": ["ash-cymru"],
        "method": {"cy": "Cyfarfod cau", "en": "Closing meeting"},
        "summary": {"cy": "Diolch.", "en": "Thanks."}})
    file = programme.programme.model_copy(
        update={"engagement": (*programme.programme.engagement, entry)})
    portfolio = with_programme(programme, programme=file)
    stages = view_of(STAKEHOLDERS, "en", portfolio).stages
    assert stages[-1].stage == "closed" and stages[-1].count == "Engagement recorded (One entry)"
    assert stages[-1].entries[0].heading == "1 November 2026 · Closing meeting"
