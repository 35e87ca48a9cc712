"""Value types: what each field accepts, and the message when it does not."""

from __future__ import annotations

from pathlib import Path

import pytest
from rhaglen.data.load import load_portfolio
from rhaglen.model.outcomes import PilotResult
from rhaglen.model.types import Text
from rhaglen.text.yamlload import Plain

from ..edits import WALK, edit, line_of, problems


@pytest.fixture
def walk(programmes: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(programmes.parent)
    return programmes / WALK


def test_demo_data_is_valid(programmes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(programmes.parent)
    assert problems(Path("programmes")) == []


def test_yes_and_no_arrive_as_strings_where_the_contract_expects_them() -> None:
    result = PilotResult.model_validate({"objective": "O1", "value": Plain("3"),
                                         "met": Plain("no")})
    assert result.met == "no" and result.value == 3


def test_a_version_like_number_stays_a_string_where_a_string_is_expected(walk: Path) -> None:
    edit(walk / "compliance.yml", 'reference:\n      cy: "GDPR y DU"\n      en: "UK GDPR"',
         "reference: 1.10")
    assert problems(Path("programmes")) == []
    result = load_portfolio(Path("programmes"), __import__("datetime").date(2026, 11, 26))
    assert result.portfolio is not None
    requirement = result.portfolio.programme(WALK).compliance.requirements[1]  # type: ignore[union-attr]
    assert (requirement.reference.cy, requirement.reference.en) == ("1.10", "1.10")


def test_booleans_are_only_true_or_false(walk: Path) -> None:
    edit(walk / "plan.yml", "    paid: false", "    paid: no")
    line = line_of(walk / "plan.yml", "paid: no")
    assert problems(Path("programmes")) == [
        f"programmes/{WALK}/plan.yml:{line}:11: roles[2].paid: expected true or false, got 'no'"]


def test_a_quoted_number_is_not_a_number(walk: Path) -> None:
    edit(walk / "plan.yml", "      planned: 12000", '      planned: "12000"')
    line = line_of(walk / "plan.yml", 'planned: "12000"')
    assert problems(Path("programmes")) == [
        f"programmes/{WALK}/plan.yml:{line}:16: budget.lines[2].planned: expected a number, "
        "got the quoted text '12000'"]


def test_an_impossible_date_is_reported_at_its_line(walk: Path) -> None:
    edit(walk / "programme.yml", "start: 2025-09-01", "start: 2025-02-30")
    line = line_of(walk / "programme.yml", "start: 2025-02-30")
    assert problems(Path("programmes")) == [f"programmes/{WALK}/programme.yml:{line}:8: "
                                            "start: '2025-02-30' is not a real calendar date"]


@pytest.mark.parametrize(("side", "name"), [("cy", "Welsh (cy)"), ("en", "English (en)")])
def test_missing_text_names_the_language(walk: Path, side: str, name: str) -> None:
    line = {"cy": "  cy: Cerdded i'r Ysgol", "en": "  en: Walk to School"}[side]
    edit(walk / "programme.yml", line + "\n", "")
    assert problems(Path("programmes")) == [
        f"programmes/{WALK}/programme.yml:2:3: title.{side}: missing {name} text"]


def test_text_is_normalised_to_nfc() -> None:
    text = Text.model_validate({"cy": Plain("Cymraeg y Gw\u0302r"), "en": Plain("x")})
    assert text.cy == "Cymraeg y G\u0175r"


@pytest.mark.parametrize(("value", "message"), [
    ('"a\\u202eb"', "bidirectional control character U+202E is not allowed"),
    ('"a\\u0007b"', "character U+0007 cannot be published (no web page or feed may hold "
                    "it); delete it"),
    ('"a\\tb"', "control character U+0009 is not allowed"),
    ('"two\\nlines"', "must be one line (use Prose for paragraphs)"),
    ('"two\\u2028lines"', "must be one line (use Prose for paragraphs)"),
    ('""', "must not be empty"),
])
def test_text_rejects_characters_that_hide_or_break_it(walk: Path, value: str,
                                                       message: str) -> None:
    edit(walk / "programme.yml", "  en: Walk to School", f"  en: {value}")
    assert problems(Path("programmes")) == [
        f"programmes/{WALK}/programme.yml:3:7: title.en: {message}"]


@pytest.mark.parametrize(("prose", "message"), [
    ("<b>bold</b>", "raw HTML is not allowed"),
    ("'<script>alert(1)</script>'", "raw HTML is not allowed"),
    ("'![a picture](https://example.org/a.png)'", "images are not allowed"),
    ("'## A heading'", "headings are not allowed"),
    ("'Text {: onclick=\"x\" }'", "attribute lists ({: ...}) are not allowed"),
    ("'[a link](javascript:alert(1))'",
     "links must start with https: or mailto: (found 'javascript:alert(1)')"),
    ("'[a link](http://example.org)'",
     "links must start with https: or mailto: (found 'http://example.org')"),
    ("'[a link](//example.org)'",
     "links must start with https: or mailto: (found '//example.org')"),
])
def test_prose_allows_only_the_limited_markdown(walk: Path, prose: str, message: str) -> None:
    old = "  en: Make the journey to school healthier, safer and more enjoyable for every child."
    edit(walk / "programme.yml", old, f"  en: {prose}")
    line = line_of(walk / "programme.yml", f"  en: {prose}")
    assert problems(Path("programmes")) == [
        f"programmes/{WALK}/programme.yml:{line}:7: mission.en: {message}"]


def test_prose_keeps_emphasis_lists_and_safe_links(walk: Path) -> None:
    old = "  en: Make the journey to school healthier, safer and more enjoyable for every child."
    edit(walk / "programme.yml", old, "  en: |\n    **Safer** *streets*:\n\n"
         "    - [a](https://example.org)\n    - [b](mailto:a@example.org)\n")
    assert problems(Path("programmes")) == []


@pytest.mark.parametrize(("old", "new", "message"), [
    ("    url: https://www.cardiff.gov.uk", "    url: http://www.cardiff.gov.uk",
     "organisations[0].url: 'http://www.cardiff.gov.uk' is not an https:// address"),
    ("  - id: sustrans", "  - id: sus trans",
     "organisations[1].id: 'sus trans' is not a valid id (letters, digits, - and _, up to 64)"),
    ("    influence: 5", "    influence: 6",
     "stakeholders[0].influence: a score is a whole number from 1 to 5, got 6"),
    ("    size: 1240", "    size: 12.5",
     "target_groups[0].size: expected a whole number, got '12.5'"),
    ("    role: delivery", "    role: delivery\n    colour: red",
     "organisations[1].colour: unknown key 'colour'"),
    ("    role: delivery", "    roles: delivery",
     "organisations[1].roles: unknown key 'roles'; did you mean 'role'?"),
])
def test_field_rules_in_programme_yml(walk: Path, old: str, new: str, message: str) -> None:
    edit(walk / "programme.yml", old, new)
    found = problems(Path("programmes"))
    assert len(found) == (2 if "roles:" in new else 1)
    assert found[-1].split(": ", 1)[1] == message
    assert found[-1].startswith(f"programmes/{WALK}/programme.yml:")


def test_money_cannot_be_negative_and_currency_is_iso_4217(walk: Path) -> None:
    edit(walk / "plan.yml", "      planned: 12000", "      planned: -5")
    edit(walk / "plan.yml", "  currency: GBP", "  currency: GBX")
    assert [p.split(": ", 1)[1] for p in problems(Path("programmes"))] == [
        "budget.currency: 'GBX' is not an ISO 4217 currency code",
        "budget.lines[2].planned: an amount of money cannot be negative",
    ]


@pytest.mark.parametrize(("written", "accepted"), [
    ("1900-01-01", True), ("2200-12-31", True), ("1899-12-31", False), ("2201-01-01", False)])
def test_dates_are_accepted_up_to_and_including_each_end_of_the_range(
        written: str, accepted: bool) -> None:
    from pydantic import TypeAdapter, ValidationError
    from rhaglen.model.types import Date

    if accepted:
        assert TypeAdapter(Date).validate_python(Plain(written)).isoformat() == written
    else:
        with pytest.raises(ValidationError, match="is out of range: dates are from "
                           "1900-01-01 to 2200-12-31"):
            TypeAdapter(Date).validate_python(Plain(written))


def test_a_long_citation_valid_in_version_1_1_stays_valid(walk: Path) -> None:
    """Contract 1.2 makes `citation` and `reference` Name, but keeps their one-line length:
    every version-1 file stays valid."""
    long = "Author A, Author B. " * 60  # 1,200 characters
    edit(walk / "strategy.yml", 'citation: "Sustrans, Hands Up Scotland Survey 2023"',
         f'citation: "{long.strip()}"')
    assert problems(Path("programmes")) == []
    edit(walk / "strategy.yml", f'citation: "{long.strip()}"', f'citation: "{long * 2}"')
    assert [line.split(": ", 2)[1] for line in problems(Path("programmes"))] == [
        "evidence[1].citation.cy", "evidence[1].citation.en"]
