"""Golden pages: every generated page, both languages, compared with a checked-in file.

Pages are rendered from the core (no MkDocs) for the demo programmes and the
every-status fixture, as of one fixed day. Each page is one readable Markdown file under
`__snapshots__/test_golden_pages/`, so a change to a template, a view, a rule or a
catalogue shows in review as a diff of the pages it changes.

Regenerate after an intended change with `make golden`, then read the diff.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest
from _pytest.mark import ParameterSet
from rhaglen.data.load import load_portfolio
from rhaglen.model.portfolio import Portfolio
from rhaglen.pages.generate import site_files
from rhaglen.render.pages import site_pages
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from ..data.test_fixture import CANARY, FIXTURE
from ..helpers import REPO

AS_OF = date(2026, 11, 26)
LANGUAGES = ("cy", "en")
DEFAULT = "cy"
SOURCES = {"demo": REPO / "programmes", "fixture": FIXTURE}
SNAPSHOTS = Path(__file__).parent / "__snapshots__" / Path(__file__).stem


class MarkdownSnapshot(SingleFileSnapshotExtension):
    """One page per file, stored as the Markdown text it is."""

    file_extension = "md"
    _write_mode = WriteMode.TEXT


@cache
def _portfolio(source: str) -> Portfolio:
    result = load_portfolio(SOURCES[source], AS_OF)
    assert result.portfolio is not None, [p.format() for p in result.problems]
    return result.portfolio


@cache
def _files(source: str) -> dict[str, str]:
    return site_files(_portfolio(source), AS_OF, LANGUAGES, DEFAULT)


def _file_name(path: str, lang: str) -> str:
    return f"{path}index{'' if lang == DEFAULT else '.' + lang}.md"


def _page_id(source: str, path: str, lang: str) -> str:
    """demo-anadlu-n-rhydd-plan-cy, fixture-portfolio-en, demo-lessons-cy ..."""
    parts = path.strip("/").split("/")
    if parts[0] == "programmes":
        parts = parts[1:] or ["portfolio"]
        if len(parts) == 1 and parts != ["portfolio"]:
            parts.append("overview")
    return "-".join([source, *parts, lang])


def _pages() -> list[ParameterSet]:
    """Every page of every source in every language; cheap: nothing is rendered here."""
    return [pytest.param(source, _file_name(page.path, lang),
                         id=_page_id(source, page.path, lang))
            for source in SOURCES
            for page in site_pages(_portfolio(source), AS_OF)
            for lang in LANGUAGES]


PAGES = _pages()
IDS = {str(page.id) for page in PAGES}


@pytest.fixture
def snapshot_md(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(MarkdownSnapshot)


@pytest.mark.parametrize(("source", "name"), PAGES)
def test_page(source: str, name: str, snapshot_md: SnapshotAssertion) -> None:
    assert _files(source)[name] == snapshot_md


@pytest.mark.parametrize("source", SOURCES)
def test_every_generated_page_has_a_golden_test(source: str) -> None:
    expected = sorted(str(page.values[1]) for page in PAGES if page.values[0] == source)
    assert sorted(_files(source)) == expected


def test_no_golden_file_without_a_page() -> None:
    """A page that is no longer generated must not keep its golden file (`make golden`)."""
    stored = {path.name.removeprefix("test_page[").removesuffix("].md")
              for path in SNAPSHOTS.glob("test_page[[]*].md")}
    assert stored - IDS == set()
    assert stored, "no golden files: run `make golden`"


def test_internal_notes_reach_no_page() -> None:
    for source in SOURCES:
        assert not [name for name, text in _files(source).items() if CANARY in text]
