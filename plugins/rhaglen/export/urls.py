"""Absolute addresses of the site's pages and files, in each language, for exports.

The default language lives at the site root and the other under `/<lang>/`, as on the
site. Without a `site_url` the addresses are paths from the site root.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import ExportSettings


def site_root(settings: ExportSettings) -> str:
    """The site's address, ending with a slash ("/" when the site has none)."""
    return settings.site_url.rstrip("/") + "/" if settings.site_url else "/"


def language_prefix(settings: ExportSettings, lang: str) -> str:
    """Where a language's pages are, from the site root: "" or such as "en/"."""
    return "" if lang == settings.default_language else f"{lang}/"


def absolute_url(settings: ExportSettings, lang: str, path: str) -> str:
    """The address of `path` (relative to a language root) in `lang`."""
    return site_root(settings) + language_prefix(settings, lang) + path
