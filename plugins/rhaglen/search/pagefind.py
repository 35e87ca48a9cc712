"""Build the site's search index with Pagefind, once, after every language is built.

Pagefind reads the built HTML (only each page's `data-pagefind-body`, the article), splits
the index by `<html lang>` and writes it under `pagefind/` in small chunks a browser loads
on demand, so a reader downloads a little of one language's index, not all of both. Its
work is linear in pages. Pagefind stems English; it has no Welsh stemmer, so Welsh words
stay as written, with their radicals beside them (`rhaglen.search.words`).

Each language is indexed by a Pagefind of its own, one after the other, in a thread
beside the build's other last work (the open-data files), and the bundles are put
together: their files do not overlap (each is named by its language and content) but for
the shared scripts and `pagefind-entry.json`, whose languages are merged. The result is
the bundle one Pagefind over the whole site writes (a test holds it so), in the same
time, with a third less memory at most: Pagefind holds some 50 bytes of memory per
byte of page text it indexes, so one language at a time holds one language's.

The site's search box is its own (`javascripts/rhaglen-search.js`, on Pagefind's JS API,
`pagefind.js`), so the ready-made interfaces Pagefind also writes are deleted: no page
links them, and a reader never downloads them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
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


class Running:
    """Pagefinds indexing one language after another, in a thread of their own."""

    def __init__(self, commands: dict[str, list[str]]) -> None:
        self.failure: str | None = None
        self._commands = commands
        self._current: subprocess.Popen[str] | None = None
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rhaglen-pagefind", daemon=True)
        self._thread.start()

    @property
    def languages(self) -> list[str]:
        return list(self._commands)

    def _run(self) -> None:
        for command in self._commands.values():
            if self._stopped.is_set():
                return
            try:
                self._current = subprocess.Popen(command, stdout=subprocess.PIPE,
                                                 stderr=subprocess.PIPE, text=True)
            except OSError as exc:
                self.failure = f"could not run Pagefind: {exc}"
                return
            out, err = self._current.communicate()
            if self._current.returncode != 0 and not self._stopped.is_set():
                self.failure = f"Pagefind could not index the site: {(err or out).strip()}"
                return

    def wait(self) -> None:
        self._thread.join()

    def stop(self) -> None:
        self._stopped.set()
        if self._current is not None:
            self._current.kill()
        self._thread.join()


def _glob(site: Path, lang: str, default: str, others: list[str]) -> str:
    """The pages of `lang`: those under its folder; for the `default` language, every page
    but those under another language's folder (`others`), a hidden one or the index's."""
    if lang != default:
        return f"{lang}/**/*.html"
    parts = [f"{entry.name}/**/*.html" if entry.is_dir() else entry.name
             for entry in sorted(site.iterdir())
             if not entry.name.startswith(".") and entry.name not in (*others, "pagefind")
             and (entry.is_dir() or entry.suffix == ".html")]
    return "{" + ",".join(parts) + "}"


def _part(site: Path, lang: str) -> Path:
    """Where one language's bundle is written before the bundles are put together."""
    return site / f".rhaglen-pagefind-{lang}"


def start_index(site: Path, default: str, others: list[str]) -> Running:
    """Start indexing the built site at `site`, a Pagefind for each language (`default`
    at the root, `others` in their folders); `finish_index` waits and puts them together,
    `Running.stop` stops them.

    Pagefind reads only the pages, so other files may be written meanwhile."""
    commands = {}
    for lang in [default, *others]:
        shutil.rmtree(_part(site, lang), ignore_errors=True)  # Pagefind adds, never empties
        command = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent",
                   "--glob", _glob(site, lang, default, others),
                   "--output-path", str(_part(site, lang))]
        for selector in EXCLUDE:
            command += ["--exclude-selectors", selector]
        commands[lang] = command
    return Running(commands)


def finish_index(running: Running, site: Path) -> None:
    """Wait for the Pagefinds `start_index` started and put their bundles together in
    `site/pagefind/`; SearchIndexError if one failed."""
    running.wait()
    if running.failure is not None:
        for lang in running.languages:
            shutil.rmtree(_part(site, lang), ignore_errors=True)
        raise SearchIndexError(running.failure)
    _put_together(site, running.languages)


def _put_together(site: Path, languages: list[str]) -> None:
    """Make `site/pagefind/` the bundle of the parts indexed for `languages` (removed)."""
    bundle = site / "pagefind"
    parts = [_part(site, lang) for lang in languages]
    try:
        shutil.rmtree(bundle, ignore_errors=True)
        entries = [json.loads((part / "pagefind-entry.json").read_text("utf-8"))
                   for part in parts]
        parts[0].rename(bundle)
        for part in parts[1:]:  # moved, not copied: thousands of files on a large site
            for path in sorted(part.rglob("*")):
                target = bundle / path.relative_to(part)
                if path.is_file() and not target.exists():  # the shared scripts are
                    target.parent.mkdir(parents=True, exist_ok=True)  # the same in each
                    path.rename(target)
    finally:
        for part in parts:
            shutil.rmtree(part, ignore_errors=True)
    entry = entries[0]
    for other in entries[1:]:
        entry["languages"].update(other["languages"])
    (bundle / "pagefind-entry.json").write_text(
        json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False),
        encoding="utf-8")  # sorted, so a build is reproducible
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
