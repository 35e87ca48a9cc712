"""Build the site's search index with Pagefind, once, after every language is built.

Pagefind reads the built HTML (only each page's `data-pagefind-body`, the article), splits
the index by `<html lang>` and writes it under `pagefind/` in small chunks a browser loads
on demand, so a reader downloads a little of one language's index, not all of both. Its
work is linear in pages. Pagefind stems English; it has no Welsh stemmer, so Welsh words
stay as written, with their radicals beside them (`rhaglen.search.words`).

The site's search box is its own (`javascripts/rhaglen-search.js`, on Pagefind's JS API,
`pagefind.js`), so the ready-made interfaces Pagefind also writes are deleted: no page
links them, and a reader never downloads them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# Navigation inside the article: indexed once elsewhere (or never), never per page.
# Navigation, and the links from a page to its data ("Download this table (CSV)"), which
# would otherwise fill results' excerpts with the same words on every page.
EXCLUDE = (".rh-breadcrumbs", ".rh-local", ".md-content__button", ".headerlink",
           ".rh-download", ".rh-feed")


# Pagefind's own search interfaces, written beside its API; the site uses none of them.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js",
          "pagefind-component-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-highlight.js")


class SearchIndexError(RuntimeError):
    """Pagefind failed or is not installed."""


def start_index(site: Path) -> subprocess.Popen[str]:
    """Start indexing the built site at `site` into `site/pagefind/`; `finish_index` waits.

    Pagefind reads only the pages, so other files may be written meanwhile."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    try:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
    except OSError as exc:
        raise SearchIndexError(f"could not run Pagefind: {exc}") from None


def finish_index(running: subprocess.Popen[str], site: Path) -> None:
    """Wait for the index `start_index` started; SearchIndexError if Pagefind failed."""
    out, err = running.communicate()
    if running.returncode != 0:
        message = (err or out).strip()
        raise SearchIndexError(f"Pagefind could not index the site: {message}")
    _sort_entry(site / "pagefind" / "pagefind-entry.json")
    for name in UNUSED:
        (site / "pagefind" / name).unlink(missing_ok=True)


def build_index(site: Path) -> None:
    """Index the built site at `site` into `site/pagefind/`."""
    finish_index(start_index(site), site)


def _sort_entry(entry: Path) -> None:
    """Pagefind lists its languages in any order: sort them, so a build is reproducible."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, sort_keys=True, separators=(",", ":"),
                                ensure_ascii=False), encoding="utf-8")
