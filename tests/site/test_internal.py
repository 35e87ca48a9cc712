"""`internal:` is accepted anywhere the contract allows and never reaches any output."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest
from rhaglen.data.load import load_portfolio
from rhaglen.site.build import build_site

from ..edits import WALK, edit
from ..helpers import AS_OF

CANARY = "CANARY-7f3a-internal-do-not-publish"


def plant_canaries(programmes: Path) -> None:
    walk = programmes / WALK
    internal = f"internal:\n  note: {CANARY}-top\n  phone: 029 2000 0000\n"
    for name in ("plan.yml", "strategy.yml", "risks.yml", "lessons.yml", "compliance.yml"):
        with (walk / name).open("a", encoding="utf-8") as handle:
            handle.write(internal)
    edit(walk / "programme.yml", "    role: delivery",
         f"    role: delivery\n    internal:\n      contact: {CANARY}-org\n")
    edit(walk / "risks.yml", "    status: open", f"    status: open\n    internal: {CANARY}-risk")
    edit(walk / "updates" / "2026-04-10.yml", "rag: amber",
         f"rag: amber\ninternal:\n  - {CANARY}-update\n  - nested: {{deep: {CANARY}-deep}}")
    edit(walk / "plan.yml", "    paid: false",
         f"    paid: false\n    internal: {{name: {CANARY}-role}}")


def test_internal_is_accepted_and_dropped_from_the_public_model(programmes: Path) -> None:
    plant_canaries(programmes)
    result = load_portfolio(programmes, date.fromisoformat(AS_OF))
    assert [p.format() for p in result.problems] == []
    assert result.portfolio is not None
    programme = result.portfolio.programme(WALK)
    dumped = "".join(model.model_dump_json() for _, model in programme.files())
    assert CANARY not in dumped and "029 2000 0000" not in dumped


def test_internal_is_an_error_where_the_contract_does_not_allow_it(programmes: Path,
                                                                   monkeypatch:
                                                                   pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(programmes.parent)
    edit(programmes / WALK / "programme.yml", "  en: Walk to School",
         "  en: Walk to School\n  internal: secret")
    result = load_portfolio(Path("programmes"), date.fromisoformat(AS_OF))
    assert [p.format() for p in result.problems] == [
        f"programmes/{WALK}/programme.yml:4:3: title.internal: unknown key 'internal': text "
        "has only cy (Welsh) and en (English)"]


def _every_output_text(folder: Path) -> str:
    texts = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            texts.append(data.decode("utf-8", errors="replace"))
    return "\n".join(texts)


@pytest.mark.build
def test_no_canary_reaches_any_output_file(project: Path) -> None:
    plant_canaries(project / "programmes")
    assert build_site(project / "mkdocs.yml", project / "site", date.fromisoformat(AS_OF)) == 0
    site = _every_output_text(project / "site")
    assert "Cerdded i'r Ysgol" in site  # the scan reads real pages
    assert CANARY not in site
    assert "029 2000 0000" not in site and "walk@example.invalid" not in site
    assert CANARY not in _every_output_text(project / "docs")  # generated page sources
