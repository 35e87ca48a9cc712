"""`rhaglen build`: validate, build every language, and replace the site only on success.

MkDocs empties the site folder and then writes into it, so a failure midway would leave
half a site (FINDINGS.md). Here the build goes into a fresh folder beside the target,
which replaces the target only once the whole build has succeeded.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from datetime import UTC, date, datetime, time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .asof import resolve_as_of
from .load import load_portfolio
from .problems import errors


def _mkdocs_logging() -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_rhaglen", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.setLevel(logging.WARNING)
        handler._rhaglen = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _replace(built: Path, target: Path) -> None:
    """Put `built` where `target` is, keeping the old site until the new one is in place."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    built.rename(target)
    if old.exists():
        shutil.rmtree(old)


def build_site(config_file: Path, site_dir: Path, as_of: date | None = None) -> int:
    """Build the site into `site_dir`; on any problem return 1 and leave it untouched."""
    if not config_file.is_file():
        print(f"rhaglen build: no such configuration file: {config_file}", file=sys.stderr)
        return 2
    config = load_config(str(config_file), strict=True)
    plugin = config.plugins.get("rhaglen")
    if plugin is None:
        print(f"rhaglen build: {config_file} does not use the rhaglen plugin", file=sys.stderr)
        return 2
    if as_of is not None:
        plugin.config["as_of"] = as_of.isoformat()
    day = resolve_as_of(plugin.config["as_of"])
    folder = config_file.parent / plugin.config["programmes_dir"]
    result = load_portfolio(folder, day)
    for problem in result.problems:
        print(problem.format())
    if errors(result.problems):
        print(f"{len(errors(result.problems))} problem(s) found; {site_dir} was not changed.",
              file=sys.stderr)
        return 1

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
    config["site_dir"] = str(staging)
    _mkdocs_logging()
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:  # sitemap dates and gzip times follow the as-of date: same bytes
        midnight = datetime.combine(day, time(), tzinfo=UTC)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    try:
        build(config)
    except MkDocsException as exc:
        print(f"rhaglen build: {exc}; {site_dir} was not changed.", file=sys.stderr)
        shutil.rmtree(staging, ignore_errors=True)
        return 1
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if epoch is None:
            del os.environ["SOURCE_DATE_EPOCH"]
    _replace(staging, site_dir)
    print(f"Built {site_dir} as of {day}.", file=sys.stderr)
    return 0
