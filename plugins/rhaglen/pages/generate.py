"""Write the generated pages into the docs tree as real files, per language.

static-i18n only handles pages that exist as files in the docs tree (FINDINGS.md), so
pages are files. Only changed files are written, so `mkdocs serve` does not loop, and
files of pages that no longer exist are removed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..model.portfolio import Portfolio
from ..render.pages import Page, site_pages
from ..state.freshness import DEFAULT_REPORTING_INTERVAL
from .environment import render_page

GENERATED_ROOTS = ("programmes", "lessons")


def page_paths(pages: list[Page], lang: str, default: str) -> list[str]:
    """Where each page of `pages` is written in one language, in the docs tree."""
    suffix = "" if lang == default else f".{lang}"
    return [f"{page.path}index{suffix}.md" for page in pages]


def language_files(pages: list[Page], lang: str, default: str,
                   overrides: Path | None = None) -> dict[str, str]:
    """Every page of `site_pages` rendered in one language, by path in the docs tree.

    One language at a time, so that languages can be generated in parallel. Templates in
    `overrides` replace the package's of the same name.
    """
    return {path: render_page(page, lang, overrides, default)
            for path, page in zip(page_paths(pages, lang, default), pages, strict=True)}


def site_files(portfolio: Portfolio, as_of: date, languages: tuple[str, ...], default: str,
               overrides: Path | None = None,
               reporting_interval: int = DEFAULT_REPORTING_INTERVAL) -> dict[str, str]:
    """Every generated page in every language; the state is derived once for all.

    `reporting_interval` is the site's days between monitoring updates: pages warn when a
    programme's latest update is older than that (or than the programme's own interval).
    """
    pages = site_pages(portfolio, as_of, reporting_interval)
    files: dict[str, str] = {}
    for lang in languages:
        files.update(language_files(pages, lang, default, overrides))
    return files


def write_changed(docs_dir: Path, files: dict[str, str]) -> list[str]:
    """Write each of `files` into `docs_dir` whose content differs; returns those written."""
    changed = []
    for relative, content in sorted(files.items()):
        path = docs_dir / relative
        if path.is_file() and path.read_text(encoding="utf-8") == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        changed.append(relative)
    return changed


def remove_stale(docs_dir: Path, keep: set[str]) -> list[str]:
    """Remove the files of the generated folders not in `keep`, and emptied folders."""
    removed = []
    for root in GENERATED_ROOTS:
        for path in sorted((docs_dir / root).rglob("*"), reverse=True):
            relative = path.relative_to(docs_dir).as_posix()
            if path.is_file() and relative not in keep:
                path.unlink()
                removed.append(relative)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return removed
