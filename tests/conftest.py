"""Shared fixtures: real site projects in tmp_path, and one built demo site per session."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rhaglen.site.build import build_site

from .helpers import AS_OF, copy_project

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


# Fixtures that build a real site (or start a browser): a test using one is slow.
SLOW_FIXTURES = frozenset({"demo_site", "site", "browser"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that builds a site (`build`), so `make check` can leave it out."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the reference site project."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def programmes(project: Path) -> Path:
    """The programmes folder of a fresh project, free to edit."""
    return project / "programmes"


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data built once, strictly, as of a fixed day; read-only for tests."""
    project = copy_project(tmp_path_factory.mktemp("demo") / "project")
    code = build_site(project / "mkdocs.yml", project / "site", date.fromisoformat(AS_OF))
    assert code == 0
    return project / "site"


@pytest.fixture(scope="module")
def site(demo_site: Path) -> Iterator[str]:
    """The demo site served on a loopback port, for browser tests (one per test module)."""
    from .browser import serve

    with serve(demo_site) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium through Playwright, for browser tests (one per test module)."""
    from .browser import chromium

    with chromium() as running:
        yield running


@pytest.fixture(autouse=True)
def _no_unexpected_warnings(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """A warning nobody asserted on fails the test (as in mkdocs-section-index)."""
    yield
    unexpected = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING
                  and not getattr(r, "expected", False)]
    assert not unexpected, [r.getMessage() for r in unexpected]
