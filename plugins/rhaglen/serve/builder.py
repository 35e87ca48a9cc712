"""One build of the preview, through `rhaglen.build` as `rhaglen build` does.

Two differences: a warning is printed but does not stop the build (the preview is for
looking, `rhaglen build` for publishing), and whatever stops a build comes back as the
lines the preview's problem page shows, never as an exception.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..model.portfolio import Portfolio, Programme
from ..render.pages import Page
from ..site.build import (
    BuildFailed,
    build_into,
    build_over,
    check_portfolio,
    destination,
    disk_message,
    sources,
)
from ..site.destinations import GENERATED_FOLDERS
from ..text.problems import errors


@dataclass(frozen=True)
class Sources:
    """The files whose change starts a build, and the folders a build writes itself."""

    watched: tuple[Path, ...]
    skipped: tuple[Path, ...]


def _sources(config_file: Path, watched: list[Path], docs: Path) -> Sources:
    absolute = [Path(os.path.abspath(path)) for path in [config_file, *watched]]
    return Sources(tuple(dict.fromkeys(absolute)),
                   tuple(Path(os.path.abspath(docs / name)) for name in GENERATED_FOLDERS))


def usual_sources(config_file: Path) -> Sources:
    """The usual layout beside `config_file`, watched while it cannot be read."""
    project = config_file.parent
    return _sources(config_file, [project / "docs", project / "programmes",
                                  project / "overrides"], project / "docs")


def config_sources(config: MkDocsConfig, config_file: Path) -> Sources:
    """The configuration file, the docs, data and theme folders it names, and page templates."""
    plugin = config.plugins["rhaglen"]
    templates = Path(config.config_file_path).parent / plugin.config["templates_dir"]
    return _sources(config_file, [*sources(config), templates], Path(config.docs_dir))


@dataclass(frozen=True)
class Attempt:
    """A built site, or the lines saying why there is none."""

    site: Path | None
    problems: tuple[str, ...] = ()
    finish: Callable[[], None] | None = None  # to run once the site is on show


@dataclass
class Memory:
    """What the site on show was built from: the programmes, and what every page shares."""

    shared: tuple[object, ...] | None = None
    programmes: dict[str, Programme] = field(default_factory=dict)

    def remember(self, day: date, portfolio: Portfolio | None) -> None:
        """Remember a successful build's data (None: a build failed, so forget it all)."""
        self.shared = None if portfolio is None else (day, dict(portfolio.tags))
        self.programmes = {} if portfolio is None else {
            programme.slug: programme for programme in portfolio.programmes}

    def kept(self, day: date, portfolio: Portfolio) -> Callable[[Page], bool]:
        """Whether a page is on disk as it would be rendered now: a page of a programme
        whose data is as it was, when what every page shares is as it was too."""
        same = set()
        if self.shared == (day, dict(portfolio.tags)):
            same = {programme.slug for programme in portfolio.programmes
                    if self.programmes.get(programme.slug) == programme}

        def kept(page: Page) -> bool:
            programme = page.data.get("programme")
            return programme is not None and programme.slug in same
        return kept


def attempt(config: MkDocsConfig, day: date, site: Path, memory: Memory | None = None,
            over: bool = False) -> Attempt:
    """Check the data, then build it: into `site`, a folder that does not exist yet; or,
    `over` the site in `site`, rendering only what changed since `memory`'s build."""
    memory = memory or Memory()
    try:
        result = check_portfolio(config, day)
        if errors(result.problems):  # warnings too: they are part of what to fix
            return Attempt(None, tuple(problem.format() for problem in result.problems))
        portfolio = result.portfolio
        assert portfolio is not None
        finish = None
        if over:
            finish = build_over(config, day, site, portfolio, memory.kept(day, portfolio))
        else:
            build_into(config, day, destination(config, site), portfolio)
        memory.remember(day, portfolio)
    except BuildFailed as exc:
        memory.remember(day, None)
        return Attempt(None, tuple(str(exc).splitlines()))
    except OSError as exc:
        memory.remember(day, None)
        return Attempt(None, (disk_message(exc),))
    except Exception as exc:  # a theme template's mistake, say: the preview outlives it
        memory.remember(day, None)
        return Attempt(None, (f"the build stopped: {type(exc).__name__}: {exc}",))
    return Attempt(site, finish=finish)
