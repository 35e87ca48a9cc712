"""Which pages of the site change: the rendered page files of two versions, compared.

Pure: page files in (as `render.generate.site_files` gives them, by path in the docs
tree), the addresses of the pages added, removed and changed out, in both languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ..model.portfolio import Portfolio
from ..pages.generate import site_files
from ..text.i18n import LANGUAGES

DEFAULT_LANGUAGE = "cy"
PORTFOLIO = "programmes/"  # the list of programmes; each programme's pages are below it


@dataclass(frozen=True)
class PageChanges:
    """Page addresses from the site root, such as `/en/programmes/walk/plan/`."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def where(self, inside: str | None) -> PageChanges:
        """The pages under `inside` (a path such as `programmes/walk/`), or, with None,
        the pages of no programme (the portfolio, the lessons library)."""
        def keep(url: str) -> bool:
            path = _without_language(url)
            if inside is None:
                return path == PORTFOLIO or not path.startswith(PORTFOLIO)
            return path.startswith(inside)
        return PageChanges(*(tuple(u for u in urls if keep(u))
                             for urls in (self.added, self.removed, self.changed)))


def _without_language(url: str) -> str:
    parts = url.strip("/").split("/", 1)
    rest = parts[1] if len(parts) > 1 else ""
    return (rest if parts[0] in LANGUAGES else url.strip("/")).rstrip("/") + "/"


def page_url(path: str, default: str = DEFAULT_LANGUAGE) -> str:
    """The address of the page a docs file makes: `programmes/x/index.en.md` is at
    `/en/programmes/x/`, and the default language's `programmes/x/index.md` at
    `/programmes/x/`."""
    folder, _, name = path.rpartition("/")
    lang = name.removeprefix("index").removesuffix(".md").lstrip(".") or default
    prefix = "" if lang == default else f"/{lang}"
    return f"{prefix}/{folder}/" if folder else f"{prefix}/"


def _ordered(paths: set[str], default: str) -> tuple[str, ...]:
    """Each page's languages together, default language first, pages in path order."""
    def key(path: str) -> tuple[str, int]:
        folder, _, name = path.rpartition("/")
        return folder, 0 if name == "index.md" else 1
    return tuple(page_url(p, default) for p in sorted(paths, key=key))


def page_changes(before: Mapping[str, str], after: Mapping[str, str],
                 default: str = DEFAULT_LANGUAGE) -> PageChanges:
    """The pages only `after` has, only `before` has, and those whose content differs."""
    return PageChanges(
        _ordered(set(after) - set(before), default),
        _ordered(set(before) - set(after), default),
        _ordered({p for p in set(before) & set(after) if before[p] != after[p]}, default))


def page_files(portfolio: Portfolio, as_of: date, interval: int,
               default: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Every generated page in both languages, as the site builds them."""
    return site_files(portfolio, as_of, LANGUAGES, default, None, interval)
