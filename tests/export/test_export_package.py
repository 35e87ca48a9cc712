"""The Data Package validates with frictionless (keys included), its fields are described
in Welsh and English, and no table cell runs as a formula or leaks an `internal:` value."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import date
from pathlib import Path

import pytest
from frictionless import validate
from rhaglen.data.load import load_portfolio
from rhaglen.export import ExportSettings, export_files, write_files
from rhaglen.export.csvfile import cell, csv_bytes
from rhaglen.model.portfolio import Portfolio
from rhaglen.model.types import Prose, Text

from ..helpers import AS_OF
from ..site.test_internal import CANARY, plant_canaries
from ..view_helpers import BREATHE, WALK, demo, with_programme
from .test_export_tables import CONTRACT_TABLES, files

DAY = date.fromisoformat(AS_OF)


def package() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(files()["data/datapackage.json"])
    return loaded


def _errors(root: Path) -> list[tuple[str, str]]:
    report = validate(root / "data" / "datapackage.json")
    return [(str(e[0]), str(e[1])) for e in report.flatten(["type", "message"])]


@pytest.mark.build
def test_the_data_package_validates_with_frictionless(tmp_path: Path) -> None:
    write_files(tmp_path, files())
    assert _errors(tmp_path) == []


@pytest.mark.build
def test_frictionless_checks_the_foreign_keys_between_tables(tmp_path: Path) -> None:
    write_files(tmp_path, files())
    spend = tmp_path / "data" / "spend.csv"
    spend.write_bytes(spend.read_bytes().replace(b",B1,", b",B9,", 1))
    assert [kind for kind, _ in _errors(tmp_path)] == ["foreign-key"]


def test_every_resource_has_keys_and_every_field_is_described_in_both_languages() -> None:
    resources = package()["resources"]
    assert isinstance(resources, list)
    names = {r["name"] for r in resources}
    assert set(CONTRACT_TABLES) | {f"{slug}.{t}" for slug in (BREATHE, WALK)
                                   for t in CONTRACT_TABLES} == names
    for resource in resources:
        schema = resource["schema"]
        for field in schema["fields"]:
            words = field["rhaglen:description"]
            assert words["cy"] and words["en"] and words["cy"] != words["en"]
            assert field["description"] == f"{words['cy']} / {words['en']}"
    objectives = next(r for r in resources if r["name"] == "objectives")
    assert objectives["schema"]["primaryKey"] == ["programme", "id"]
    risk_scores = next(r for r in resources if r["name"] == f"{WALK}.risk_scores")
    assert {"fields": ["programme", "risk"], "reference": {
        "resource": f"{WALK}.risks", "fields": ["programme", "id"]}} in risk_scores[
        "schema"]["foreignKeys"]


def test_the_package_lists_every_licence_used_and_the_as_of_date() -> None:
    assert package()["rhaglen:as_of"] == AS_OF
    assert package()["licenses"] == [{
        "name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/deed.cy",
        "title": "CC-BY-4.0"}]


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1", "-1+1", "@SUM(A1)",
                                  "\tx", "\rx"])
def test_a_text_cell_that_would_run_as_a_formula_is_neutralised(text: str) -> None:
    assert cell(text) == "'" + text
    written = csv_bytes(["title"], [[text]]).decode("utf-8")
    assert next(csv.reader(io.StringIO(written.split("\r\n", 1)[1], newline="")))[0] \
        == "'" + text


def test_numbers_are_never_neutralised() -> None:
    assert [cell(v) for v in (-13750, -0.25, 12000.0, 0.1 + 0.2, True, DAY, None)] == [
        "-13750", "-0.25", "12000", "0.30000000000000004", "true", AS_OF, ""]


def _formula_portfolio() -> Portfolio:
    walk = demo().programme(WALK)
    assert walk.lessons is not None and walk.risks is not None
    lesson = walk.lessons.lessons[0].model_copy(update={"title": Text.model_validate(
        {"cy": '=HYPERLINK("http://x")', "en": "+1"})})
    issue = walk.risks.issues[0].model_copy(update={"title": Text.model_validate(
        {"cy": "-1+1", "en": "@SUM(A1)"})})
    lessons = walk.lessons.model_copy(update={"lessons": (lesson, *walk.lessons.lessons[1:])})
    risks = walk.risks.model_copy(update={"issues": (issue, *walk.risks.issues[1:])})
    return with_programme(walk, lessons=lessons, risks=risks)


def _rows(data: dict[str, bytes], path: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data[path].decode("utf-8"), newline="")))


def test_formulas_in_programme_text_are_neutralised_in_every_table_that_has_them() -> None:
    data = export_files(_formula_portfolio(), DAY, ExportSettings())
    for path in ("data/lessons.csv", f"data/programmes/{WALK}/lessons.csv"):
        lesson = next(r for r in _rows(data, path) if r["programme"] == WALK)
        assert (lesson["title_cy"], lesson["title_en"]) == ("'=HYPERLINK(\"http://x\")", "'+1")
    issue = _rows(data, f"data/programmes/{WALK}/issues.csv")[0]
    assert (issue["title_cy"], issue["title_en"]) == ("'-1+1", "'@SUM(A1)")
    budget = {r["id"]: r for r in _rows(data, f"data/programmes/{BREATHE}/budget_lines.csv")}
    assert budget["B2"]["remaining"] == "-13750"


def test_no_internal_value_reaches_any_exported_file(programmes: Path) -> None:
    plant_canaries(programmes)
    portfolio = load_portfolio(programmes, DAY).portfolio
    assert portfolio is not None
    data = export_files(portfolio, DAY, ExportSettings())
    assert any(b"Cerdded i'r Ysgol" in content for content in data.values())
    for path, content in data.items():
        text = content.decode("utf-8")
        assert CANARY not in text and "029 2000 0000" not in text, path


def test_rows_follow_the_programmes_by_slug_whatever_order_they_were_loaded_in() -> None:
    shuffled = dataclasses.replace(demo(), programmes=tuple(reversed(demo().programmes)))
    assert export_files(shuffled, DAY, ExportSettings()) == files()


def test_a_prose_list_keeps_its_markdown_with_star_markers_and_no_apostrophe() -> None:
    """Contract 1.2: in Prose cells a list item's `-` or `+` is written `*`, so Prose keeps
    its Markdown and never needs the formula guard; other text cells keep the guard."""
    walk = demo().programme(WALK)
    assert walk.lessons is not None
    listed = Prose.model_validate({"cy": "- un\n- dau\n  + tri", "en": "+ one\n- two"})
    lesson = walk.lessons.lessons[0].model_copy(update={"what_happened": listed})
    lessons = walk.lessons.model_copy(update={"lessons": (lesson, *walk.lessons.lessons[1:])})
    data = export_files(with_programme(walk, lessons=lessons), DAY, ExportSettings())
    row = next(r for r in _rows(data, f"data/programmes/{WALK}/lessons.csv")
               if r["id"] == lesson.id)
    assert (row["what_happened_cy"], row["what_happened_en"]) == ("* un\n* dau\n  * tri",
                                                                  "* one\n* two")


@pytest.mark.parametrize("text", [
    "- one\n- two", "Intro:\n\n+ a\n  - nested\n- b", "Cost is £10\n+ VAT per pupil",
    "- a\nlazy\n- b", "- a\n\nPara\n- not a list", "Para\n\n- x\n\nNext\n+ y", "-5 degrees"])
def test_star_markers_change_no_prose_as_the_pages_show_it(text: str) -> None:
    from rhaglen.export.csvfile import markdown_cell
    from rhaglen.text.prose import render_prose

    assert render_prose(markdown_cell(text)) == render_prose(text)
    if text.startswith(("- ", "+ ")):
        assert markdown_cell(text).startswith("* ")
