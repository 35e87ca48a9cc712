"""The MkDocs adapter: read the config, call the core, hand MkDocs real page files.

Everything else (loading, rules, rendering) is plain Python in the core, so another
engine can drive it.
"""

from __future__ import annotations

import html
import shutil
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from ..data.links import UnsafePath
from ..data.load import load_portfolio
from ..export import ExportSettings, export_files, write_files
from ..export.schema import write_schemas
from ..model.portfolio import Portfolio
from ..pages.generate import language_files, page_paths, remove_stale, write_changed
from ..render.headings import anchor_ids, outline
from ..render.opendata import feed_path
from ..render.pages import Page as SitePage
from ..render.pages import site_pages
from ..search.pagefind import SearchIndexError, finish_index, start_index
from ..search.words import add_search_words, search_box
from ..state.asof import AsOfError, parse_day, resolve_as_of
from ..state.freshness import DEFAULT_REPORTING_INTERVAL
from ..text.i18n import LANGUAGES, Strings
from ..text.problems import errors
from .configfile import address_problems
from .destinations import check_generated, check_sources
from .staging import generating

log = get_plugin_logger(__name__)


class AsOfOption(base.BaseConfigOption[date | None]):
    """`as_of`: a YAML date (`as_of: 2026-11-26`) or the same date as a quoted string."""

    def run_validation(self, value: object) -> date | None:
        if value is None:
            return None
        if isinstance(value, date) and not isinstance(value, datetime):
            value = value.isoformat()
        if not isinstance(value, str):
            raise ValidationError(f"expected a date as YYYY-MM-DD, got {value!r}")
        try:
            return parse_day(value, "the as-of date")
        except AsOfError as exc:
            raise ValidationError(str(exc)) from None


class RhaglenConfig(base.Config):  # type: ignore[no-untyped-call]
    programmes_dir = c.Type(str, default="programmes")
    as_of = AsOfOption()
    default_language = c.Choice(LANGUAGES, default="cy")
    source_edit_uri = c.Optional(c.Type(str))  # under repo_url, such as "edit/main/"
    templates_dir = c.Type(str, default="overrides/rhaglen")  # page templates of this site
    # Days between monitoring updates; an older latest update is flagged as out of date.
    reporting_interval = c.Type(int, default=DEFAULT_REPORTING_INTERVAL)


Run = Callable[[list[Callable[[], int]]], list[int]]


def one_by_one(jobs: list[Callable[[], int]]) -> list[int]:
    """Run `jobs` here, one after the other."""
    return [job() for job in jobs]


def _fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in folder.rglob("*") if p.is_file()))


class RhaglenPlugin(BasePlugin[RhaglenConfig]):  # type: ignore[no-untyped-call]
    """Validates programme data and writes its pages before MkDocs reads the docs tree."""

    def __init__(self) -> None:
        self._generated_for: tuple[Any, ...] | None = None
        self._default_404: bytes | None = None
        self._export: tuple[Portfolio, date] | None = None  # what on_post_build publishes
        self._html: dict[str, str] = {}  # generated pages' HTML, kept out of Markdown
        self._lock: ExitStack | None = None  # on the generated pages, from on_config to the end

    def _programmes_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or ".").parent / self.config.programmes_dir

    def _templates_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or ".").parent / self.config.templates_dir

    def _as_of(self) -> date:
        if self.config.reporting_interval < 1:
            raise PluginError("rhaglen: reporting_interval is a number of days, 1 or more, "
                              f"got {self.config.reporting_interval}")
        try:
            return resolve_as_of(self.config.as_of)
        except AsOfError as exc:
            raise PluginError(str(exc)) from None

    def _state(self, config: MkDocsConfig, as_of: date) -> tuple[Any, ...]:
        """What the generated pages depend on: the data files, the date, the docs folder."""
        folder = self._programmes_dir(config)
        return (_fingerprint(folder) if folder.is_dir() else (), as_of, config.docs_dir)

    def refused(self, config: MkDocsConfig) -> str | None:
        """Why this configuration must not be built, in one line, or None: an address
        option a reader could not safely follow, or a source that is or holds a link."""
        problems = address_problems({**config, **self.config})
        if problems:
            return problems[0]
        project = Path(config.config_file_path or ".").parent
        custom_dir = getattr(config.theme, "custom_dir", None)
        folders = [Path(config.docs_dir or "docs"), self._templates_dir(config),
                   *([Path(custom_dir)] if custom_dir else [])]
        try:
            check_sources(project, folders, self._programmes_dir(config))
        except UnsafePath as exc:
            return str(exc)
        return None

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check the data, then write the pages, unless they are written already
        (by `write_pages`, or by this build's first language)."""
        as_of = self._as_of()
        if reason := self.refused(config):
            raise PluginError(f"rhaglen: {reason}")
        if self._lock is None:  # held until the build ends (`_unlock`), nested builds too
            self._lock = ExitStack()
            self._lock.enter_context(generating(Path(config.docs_dir)))
        state = self._state(config, as_of)
        if state == self._generated_for:
            return config
        result = load_portfolio(self._programmes_dir(config), as_of)
        failed = errors(result.problems)
        if failed or result.portfolio is None:
            lines = "\n".join(p.format() for p in failed)
            raise PluginError(f"programme data is invalid; nothing was built:\n{lines}")
        for problem in result.problems:
            log.warning(problem.format())
        self.write_pages(config, result.portfolio, state=state)
        return config

    def write_pages(self, config: MkDocsConfig, portfolio: Portfolio, run: Run = one_by_one,
                    kept: Callable[[SitePage], bool] | None = None,
                    state: tuple[Any, ...] | None = None) -> list[str]:
        """Write every generated page of `portfolio` into the docs tree (only those that
        changed), each language a job of `run`, which may run them side by side; returns
        the pages removed. Pages `kept` says are on disk as they would be written (the
        preview knows) are not rendered again. `state` is `_state`, if known already."""
        as_of = self._as_of()
        state = state or self._state(config, as_of)
        docs = Path(config.docs_dir)
        pages = site_pages(portfolio, as_of, self.config.reporting_interval)
        default, templates = self.config.default_language, self._templates_dir(config)
        changing = [page for page in pages if kept is None or not kept(page)]
        i18n: Any = config.plugins.get("i18n")  # a site may build one language only
        languages = [lang for lang in LANGUAGES
                     if i18n is None or lang in i18n.build_languages]

        def language(lang: str) -> Callable[[], int]:
            return lambda: len(write_changed(docs, language_files(changing, lang, default,
                                                                  templates)))
        try:
            check_generated(docs)
            written = sum(run([language(lang) for lang in languages]))
            keep = {path for lang in languages for path in page_paths(pages, lang, default)}
            removed = remove_stale(docs, keep)
            write_schemas(docs / "schema")
        except UnsafePath as exc:
            raise PluginError(f"{exc}; nothing was built") from None
        except OSError as exc:
            raise PluginError(f"could not write the generated pages: {exc}") from None
        log.debug("generated %d pages (%d rendered, %d written, %d removed), as of %s",
                  len(pages) * len(languages), len(changing) * len(languages), written,
                  len(removed), as_of)
        self._generated_for = state
        self._export = (portfolio, as_of)
        return removed

    @event_priority(-200)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Page templates kept in the theme's overrides are not published as files."""
        templates = self._templates_dir(config).resolve()
        for file in list(files):
            if Path(file.abs_src_path or "").resolve().is_relative_to(templates):
                files.remove(file)
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Any
    ) -> str:
        """A generated page is HTML already: keep it from Markdown (on_page_content puts it
        back), and point its "Edit this page" at the YAML file it came from."""
        if not page.meta.get("rhaglen_generated"):
            return markdown
        source = page.meta.get("rhaglen_source")
        edit_uri = self.config.source_edit_uri
        if source and config.repo_url and edit_uri is not None:
            base_url = config.repo_url.rstrip("/") + "/" + edit_uri.strip("/")
            page.edit_url = f"{base_url}/{self.config.programmes_dir}/{source}"
        else:
            page.edit_url = None
        self._html[page.file.src_uri] = markdown
        return ""

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Any
    ) -> str:
        """A generated page's HTML as written, with the outline and anchors Markdown's table
        of contents would have given it."""
        body = self._html.pop(page.file.src_uri, None)
        if body is None:
            return html
        page.toc = get_toc(outline(body))
        page.present_anchor_ids = anchor_ids(body)
        return body

    def _words(self, config: MkDocsConfig) -> dict[str, Any] | None:
        """Words theme overrides need (404 page, feed link, footer), from this build's catalogue."""
        lang = config.theme.get("language")
        if lang not in LANGUAGES:
            return None
        t = Strings(lang)
        prefix = "" if lang == self.config.default_language else f"{lang}/"
        return {"not_found": t("site.not_found"), "not_found_help": t("site.not_found_help"),
                "feed_title": html.escape(t("feed.site")), "feed": prefix + feed_path(),
                "accessibility": html.escape(t("site.accessibility")),
                "accessibility_path": f"{prefix}accessibility/",
                "search_label": html.escape(t("search.label")),
                "search": search_box(t, lang)}

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        """Give theme overrides (the 404 page) their words from this build's catalogue."""
        if words := self._words(config):
            context["rhaglen"] = words  # type: ignore[typeddict-unknown-key]
        return context

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> TemplateContext:
        """Give every page the same words, so a hand-written page links the site's feed."""
        return self.on_template_context(context, template_name="", config=config)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Give the page's search index the radicals of its Welsh words."""
        return add_search_words(output)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when programme data changes during `mkdocs serve`."""
        server.watch(str(self._programmes_dir(config)))
        return server

    @staticmethod
    def _outer_build(config: MkDocsConfig) -> bool:
        """True in the default language's build, outside static-i18n's nested builds."""
        i18n = config.plugins.get("i18n")
        return i18n is not None and not getattr(i18n, "building", False)

    @event_priority(100)
    def _keep_default_404(self, config: MkDocsConfig) -> None:
        """Before static-i18n builds the other languages, keep the default language's 404."""
        page = Path(config.site_dir) / "404.html"
        if self._outer_build(config) and page.is_file():
            self._default_404 = page.read_bytes()

    @event_priority(-200)
    def _restore_default_404(self, config: MkDocsConfig) -> None:
        """Each other language's build wrote its 404 at the root: move it under its path."""
        page = Path(config.site_dir) / "404.html"
        if not self._outer_build(config) or self._default_404 is None:
            return
        if page.is_file() and page.read_bytes() != self._default_404:
            other = [lang for lang in LANGUAGES if lang != self.config.default_language]
            if len(other) == 1 and (page.parent / other[0]).is_dir():
                page.replace(page.parent / other[0] / "404.html")
        page.write_bytes(self._default_404)
        self._default_404 = None

    def publish(self, config: MkDocsConfig) -> None:
        """Once every language is built: the open-data files, and the search index (built
        meanwhile, by a Pagefind per language, from the pages)."""
        site = Path(config.site_dir)
        shutil.rmtree(site / "pagefind", ignore_errors=True)  # Pagefind adds, never removes
        default = self.config.default_language
        others = [lang for lang in LANGUAGES if lang != default and (site / lang).is_dir()]
        try:
            indexing = start_index(site, default, others)
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None
        try:
            self.write_open_data(config, site)
        except OSError as exc:
            indexing.stop()
            raise PluginError(f"could not write the open-data files: {exc}") from None
        try:
            finish_index(indexing, site)
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None
        except OSError as exc:
            raise PluginError(f"could not write the search index: {exc}") from None

    def write_open_data(self, config: MkDocsConfig, folder: Path) -> None:
        """Write into `folder` the open-data files of the data `write_pages` wrote."""
        if self._export is not None:
            portfolio, as_of = self._export
            settings = ExportSettings(config.site_url or "", self.config.default_language,
                                      self.config.reporting_interval)
            write_files(folder, export_files(portfolio, as_of, settings))

    @event_priority(-300)
    def _publish(self, config: MkDocsConfig) -> None:
        if self._outer_build(config):
            self.publish(config)

    def _unlock(self, config: MkDocsConfig | None = None) -> None:
        """Let another build write the generated pages, once this one has read them."""
        i18n = config.plugins.get("i18n") if config is not None else None
        if self._lock is not None and not getattr(i18n, "building", False):
            self._lock.close()
            self._lock = None

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build lets the next one in."""
        self._unlock()

    @event_priority(-400)
    def _unlock_at_the_end(self, config: MkDocsConfig) -> None:
        self._unlock(config)

    on_post_build = CombinedEvent(_keep_default_404, _restore_default_404, _publish,
                                  _unlock_at_the_end)
