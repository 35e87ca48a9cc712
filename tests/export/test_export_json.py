"""data/programmes/<slug>.json: the whole public record and the state the pages show."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from rhaglen.data.load import load_portfolio
from rhaglen.export import ExportSettings, export_files
from rhaglen.export.programme_json import json_files
from rhaglen.export.schema import export_schema
from rhaglen.model.portfolio import Portfolio
from rhaglen.views.plan import progress_words

from ..data.test_fixture import FIXTURE
from ..edits import edit
from ..site.test_internal import CANARY, plant_canaries
from ..view_helpers import BREATHE, WALK, context, demo, page_of, view_of

AS_OF = date(2026, 11, 26)
SETTINGS = ExportSettings(site_url="https://data.example.cymru/rhaglen/")


@cache
def demo_json() -> dict[str, dict[str, Any]]:
    files = json_files(demo(), AS_OF, SETTINGS)
    return {path.removeprefix("data/programmes/").removesuffix(".json"): json.loads(content)
            for path, content in files.items()}


def _keys(value: Any) -> set[str]:
    """Every key of every object in a JSON value."""
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def _validate(data: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(
        export_schema(), format_checker=jsonschema.FormatChecker()).validate(data)


def test_every_programme_has_one_file_with_its_record_in_both_languages() -> None:
    files = json_files(demo(), AS_OF, SETTINGS)
    assert sorted(files) == [f"data/programmes/{BREATHE}.json", f"data/programmes/{WALK}.json"]
    assert all(content.endswith(b"}\n") for content in files.values())
    walk = demo_json()[WALK]
    assert list(walk) == ["slug", "as_of", "licence", "licence_url", "pages", "record", "state"]
    assert (walk["slug"], walk["as_of"], walk["licence"]) == (WALK, "2026-11-26", "CC-BY-4.0")
    programme = walk["record"]["programme"]
    assert programme["title"] == {"cy": "Cerdded i'r Ysgol", "en": "Walk to School"}
    assert programme["start"] == "2025-09-01"
    assert programme["summary"]["en"].startswith("A two-year campaign")  # Prose as Markdown
    assert walk["record"]["pilot"] is None  # a file not written yet
    assert [u["date"] for u in walk["record"]["updates"]] == ["2026-04-10"]
    assert walk["record"]["updates"][0]["report"]["rag"] == "amber"


def test_the_file_gives_the_programme_pages_and_feed_in_both_languages() -> None:
    pages = demo_json()[WALK]["pages"]
    site = "https://data.example.cymru/rhaglen/"
    assert pages["cy"]["pages"]["plan"] == f"{site}programmes/{WALK}/plan/"
    assert pages["en"]["pages"]["overview"] == f"{site}en/programmes/{WALK}/"
    assert pages["en"]["updates"] == [
        {"date": "2026-04-10", "url": f"{site}en/programmes/{WALK}/monitoring/2026-04-10/"}]
    assert pages["cy"]["feed"] == f"{site}programmes/{WALK}/feed.xml"


@pytest.mark.parametrize("lang", ["cy", "en"])
@pytest.mark.parametrize("slug", [WALK, BREATHE])
def test_derived_figures_equal_the_plan_page(lang: str, slug: str) -> None:
    state = demo_json()[slug]["state"]
    plan = view_of(f"programmes/{slug}/plan/", lang)
    ctx = context(page_of(f"programmes/{slug}/plan/"), lang)
    shown = {row.anchor: row for row in plan.objectives}
    for objective in state["objectives"]:
        row = shown[f"objective-{objective['id'].lower()}"]
        assert row.status.value == objective["status"]
        assert row.progress == progress_words(ctx, objective["progress"])
    shown_milestones = {row.anchor: row for row in plan.milestones}
    for milestone in state["milestones"]:
        row = shown_milestones[f"milestone-{milestone['id'].lower()}"]
        assert row.status.value == milestone["status"]
        assert row.days_late == (ctx.t.plural("common.days_late", milestone["days_late"])
                                 if milestone["days_late"] else "")
    budget = state["budget"]
    lines = {row.anchor: row.balance for row in plan.budget}
    for line in budget["lines"]:
        balance = lines[f"budget-{line['id'].lower()}"]
        assert balance.over == line["over_budget"]
        assert balance.spent == ctx.fmt.money(line["spent"], budget["currency"])
        if not line["over_budget"]:
            assert balance.remaining == ctx.fmt.money(line["remaining"], budget["currency"])
    assert plan.budget_total.spent == ctx.fmt.money(budget["spent"], budget["currency"])


@pytest.mark.parametrize("slug", [WALK, BREATHE])
def test_risk_scores_bands_and_reviews_equal_the_risks_page(slug: str) -> None:
    risks = demo_json()[slug]["state"]["risks"]
    view = view_of(f"programmes/{slug}/risks/", "en")
    shown = {row.anchor: row for group in view.groups for row in group.rows}
    assert len(shown) == len(risks) > 0
    for risk in risks:
        row = shown[f"risk-{risk['id'].lower()}"]
        assert row.current.label.startswith(f"{risk['score']} (")
        assert row.current.label.endswith(f"({risk['band'].capitalize()})")
        assert row.review_overdue == risk["review_overdue"]
        assert row.status.value == risk["status"]
        assert risk["history"][-1]["score"] == risk["score"]
        scores = [str(s["score"]) for s in risk["history"]]
        assert row.history == (" → ".join(scores) if len(scores) > 1 else "")


def test_the_monitoring_figures_say_what_the_monitoring_page_says() -> None:
    breathe = demo_json()[BREATHE]["state"]
    view = view_of(f"programmes/{BREATHE}/monitoring/", "en")
    assert view.latest.freshness == breathe["latest_update"]["freshness"]
    assert [e.rag.value for e in view.history] == [r["rag"] for r in breathe["rag"]]
    assert [a.overdue for a in view.actions] == [a["overdue"] for a in breathe["actions"]]
    assert len(view.changes) == len(breathe["changes"])
    facts = {f.term: f.value for f in view.headline.facts}
    assert facts["Open high threats"] == str(breathe["high_threats"])


def test_each_file_validates_against_the_export_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(export_schema())
    for data in demo_json().values():
        _validate(data)
    every_status = load_portfolio(FIXTURE, AS_OF).portfolio
    assert every_status is not None
    for content in json_files(every_status, AS_OF, SETTINGS).values():
        _validate(json.loads(content))


def test_the_schema_is_published_beside_the_input_schemas(demo_site: Path) -> None:
    published = json.loads((demo_site / "schema" / "export.schema.json").read_text("utf-8"))
    assert published == export_schema()
    assert published["$id"].endswith("/export.schema.json")
    validator = jsonschema.Draft202012Validator(published)
    files = sorted((demo_site / "data" / "programmes").glob("*.json"))
    assert [f.name for f in files] == [f"{BREATHE}.json", f"{WALK}.json"]
    for path in files:
        validator.validate(json.loads(path.read_text("utf-8")))


def test_a_file_missing_a_state_figure_fails_the_schema() -> None:
    data = json.loads(json.dumps(demo_json()[WALK]))
    del data["state"]["milestones"][0]["status"]
    with pytest.raises(jsonschema.ValidationError, match="'status' is a required property"):
        _validate(data)


def test_nothing_under_internal_reaches_the_json_or_its_schema(programmes: Path) -> None:
    plant_canaries(programmes)
    portfolio = load_portfolio(programmes, AS_OF).portfolio
    assert portfolio is not None
    for content in json_files(portfolio, AS_OF, SETTINGS).values():
        text = content.decode("utf-8")
        assert CANARY not in text and "029 2000 0000" not in text
        assert "internal" not in _keys(json.loads(text))
    assert "internal" not in _keys(export_schema())


def test_text_is_kept_exactly_as_written(programmes: Path) -> None:
    hostile = "Walk <script>alert(1)</script> & \"School\" =HYPERLINK(\"x\")"
    edit(programmes / WALK / "programme.yml", "  en: Walk to School",
         f"  en: {json.dumps(hostile)}")
    portfolio = load_portfolio(programmes, AS_OF).portfolio
    assert portfolio is not None
    data = json.loads(json_files(portfolio, AS_OF, SETTINGS)[f"data/programmes/{WALK}.json"])
    assert data["record"]["programme"]["title"]["en"] == hostile


def _load(folder: Path) -> Portfolio:
    portfolio = load_portfolio(folder, AS_OF).portfolio
    assert portfolio is not None
    return portfolio


def test_the_same_data_and_day_give_the_same_bytes(programmes: Path) -> None:
    first = export_files(_load(programmes), AS_OF, SETTINGS)
    second = export_files(_load(programmes), AS_OF, SETTINGS)
    assert {p: c for p, c in first.items() if p.endswith(".json")} == {
        p: c for p, c in second.items() if p.endswith(".json")}
    assert any(p.endswith(".json") for p in first)
    later = json_files(_load(programmes), date(2026, 12, 1), SETTINGS)
    assert later[f"data/programmes/{WALK}.json"] != first[f"data/programmes/{WALK}.json"]
