"""`rhaglen build`: validate, build every language, and replace the site only on success.

MkDocs empties the site folder and then writes into it, so a failure midway would leave
half a site (FINDINGS.md). Here the build goes into a fresh folder beside the target,
which replaces the target only once the whole build has succeeded. Every failure ends
in one line saying what failed and what to do: 1 for a failed build, 2 for a usage or
configuration error; the site folder is then as it was.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from ..data.links import UnsafePath
from ..data.load import LoadResult, load_portfolio
from ..model.portfolio import Portfolio
from ..render.pages import Page
from ..state.asof import AsOfError, resolve_as_of
from ..text.problems import errors, printable
from .configfile import unreadable_value
from .destinations import check_site_dir
from .languages import build_languages
from .side_by_side import JobFailed
from .staging import Busy, building, clear_leftovers, generating, locked, replace


class BuildFailed(Exception):
    """A build stopped; the message is the line the user reads."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever `sys.stderr` is at the time (it may be replaced, as tests do)."""

    @property
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, value: object) -> None:
        pass


def _mkdocs_logging() -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_rhaglen", False) for h in logger.handlers):
        handler = _Stderr()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.setLevel(logging.WARNING)
        handler._rhaglen = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def disk_message(exc: OSError) -> str:
    """What failed on disk, and what to do about it."""
    where = f" {exc.filename}" if exc.filename else ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        hint = "free some disk space and build again"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = "make the folder writable, or build elsewhere with -d"
    else:
        hint = "check the folder and build again"
    return f"could not write{where}: {exc.strerror or exc}; {hint}"


def configure(config_file: Path, as_of: date | None, strict: bool = True
              ) -> tuple[MkDocsConfig, date]:
    """The MkDocs configuration with the as-of date set, and that date; or BuildFailed."""
    if not config_file.is_file():
        raise BuildFailed(f"no such configuration file: {config_file}", 2)
    _mkdocs_logging()
    try:
        config = load_config(str(config_file), strict=strict)
    except MkDocsException as exc:  # MkDocs has logged which option is wrong
        raise BuildFailed(f"{config_file}: {exc}", 2) from None
    except (yaml.YAMLError, ValueError, OverflowError) as exc:  # `as_of: 2026-02-30`
        raise BuildFailed(_unreadable(config_file, exc), 2) from None
    plugin = config.plugins.get("rhaglen")
    if plugin is None:
        raise BuildFailed(f"{config_file} does not use the rhaglen plugin", 2)
    if reason := plugin.refused(config):
        raise BuildFailed(f"{config_file}: {reason}", 2)
    if as_of is not None:
        plugin.config["as_of"] = as_of
    try:
        return config, resolve_as_of(plugin.config["as_of"])
    except AsOfError as exc:
        raise BuildFailed(str(exc), 2) from None


def _unreadable(config_file: Path, exc: Exception) -> str:
    """Where and why YAML could not read the configuration, in one line."""
    try:
        found = unreadable_value(config_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        found = None
    if found is not None:
        return found.format(str(config_file))
    mark = getattr(exc, "problem_mark", None)
    where = f"{config_file}:{mark.line + 1}" if mark is not None else str(config_file)
    reason = " ".join(str(getattr(exc, "problem", None) or exc).split())
    return f"{where}: could not be read: {reason}"


Check = Callable[[Path, Path, Iterable[Path]], Path]


def sources(config: MkDocsConfig) -> list[Path]:
    """The folders a site is built from: docs, programme data, theme overrides."""
    project = Path(config.config_file_path).parent
    found = [Path(config.docs_dir), project / config.plugins["rhaglen"].config["programmes_dir"]]
    if config.theme.custom_dir:
        found.append(Path(config.theme.custom_dir))
    return found


def destination(config: MkDocsConfig, site_dir: Path, check: Check = check_site_dir) -> Path:
    """`site_dir` made absolute, once `check` has found it safe to replace."""
    project = Path(config.config_file_path).parent
    try:
        return check(site_dir, project, sources(config))
    except UnsafePath as exc:
        raise BuildFailed(str(exc), 2) from None
    except ValueError:
        raise BuildFailed(f"'{site_dir}' is not a usable folder name", 2) from None


def check_portfolio(config: MkDocsConfig, day: date) -> LoadResult:
    """The programmes of this configuration, loaded and checked as of `day`."""
    folder = Path(config.config_file_path).parent / config.plugins["rhaglen"].config[
        "programmes_dir"]
    return load_portfolio(folder, day)


def valid_portfolio(config: MkDocsConfig, day: date, site_dir: Path) -> Portfolio | None:
    """The programmes, or None (each problem printed) if they do not validate."""
    result = check_portfolio(config, day)
    for problem in result.problems:
        print(problem.format())
    if errors(result.problems):
        print(f"{len(errors(result.problems))} problem(s) found; {site_dir} was not changed.",
              file=sys.stderr)
        return None
    return result.portfolio


@contextmanager
def _dated(day: date) -> Iterator[None]:
    """Sitemap dates and gzip times follow the as-of date, so a build gives the same bytes
    (unless SOURCE_DATE_EPOCH is set already)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        midnight = datetime.combine(day, time(), tzinfo=UTC)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    try:
        yield
    finally:
        if epoch is None:
            del os.environ["SOURCE_DATE_EPOCH"]


def build_into(config: MkDocsConfig, day: date, site: Path,
               portfolio: Portfolio | None = None) -> None:
    """Build beside `site`, then put the new site in its place; BuildFailed if MkDocs fails.

    Given the checked `portfolio`, the languages are built side by side (`languages`);
    without it, by static-i18n one after the other, the data loaded by the plugin.
    """
    staging = building(site)
    config["site_dir"] = str(staging)
    with generating(Path(config.docs_dir)), _dated(day):
        try:
            if portfolio is not None and "i18n" in config.plugins:
                build_languages(config, portfolio)
            else:
                build(config)
            replace(staging, site)
        except (MkDocsException, JobFailed) as exc:
            raise BuildFailed(str(exc)) from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def build_over(config: MkDocsConfig, day: date, site: Path, portfolio: Portfolio,
               kept: Callable[[Page], bool]) -> Callable[[], None]:
    """The preview's quick build: the pages, over the site already in `site`, rendering
    again only what changed (see `languages.build_languages`); BuildFailed if MkDocs
    fails. Returns what writes the open data and search index, to call once the pages
    are on show (BuildFailed if it fails)."""
    config["site_dir"] = str(site)
    with generating(Path(config.docs_dir)), _dated(day):
        try:
            build_languages(config, portfolio, kept, dirty=True, publish=False)
        except (MkDocsException, JobFailed) as exc:
            raise BuildFailed(str(exc)) from None

    def finish() -> None:
        try:
            config.plugins["rhaglen"].publish(config)  # type: ignore[attr-defined]
        except MkDocsException as exc:
            raise BuildFailed(str(exc)) from None
    return finish


def reported(command: str, folder: Path, work: Callable[[], str | None]) -> int:
    """Run `work`: 0 and its closing line, or 1 (2: usage) and one line saying what failed.

    `work` returns None when it has already said why it stopped (invalid data: 1).
    """
    def failed(reason: object, code: int) -> int:
        print(printable(f"rhaglen {command}: {reason}; {folder} was not changed."),
              file=sys.stderr)
        return code

    try:
        done = work()
    except BuildFailed as exc:
        return failed(exc, exc.code)
    except Busy as exc:
        return failed(exc, 1)
    except OSError as exc:
        return failed(disk_message(exc), 1)
    if done is None:
        return 1
    print(done, file=sys.stderr)
    return 0


def build_site(config_file: Path, site_dir: Path, as_of: date | None = None) -> int:
    """Build the site into `site_dir`; on any problem return 1 (2: usage), it untouched."""
    def work() -> str | None:
        config, day = configure(config_file, as_of)
        site = destination(config, site_dir)
        portfolio = valid_portfolio(config, day, site_dir)
        if portfolio is None:
            return None
        site.parent.mkdir(parents=True, exist_ok=True)
        with locked(site.parent):
            clear_leftovers(site)
            build_into(config, day, site, portfolio)
        return f"Built {site} as of {day}."

    return reported("build", site_dir, work)
