"""The MkDocs adapter: read the config, call the core, hand MkDocs real page files.

Everything else (loading, rules, rendering) is plain Python in the core, so another
engine can drive it.
"""

from __future__ import annotations

import html
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
from mkdocs.utils.templates import TemplateContext

from .asof import AsOfError, parse_day, resolve_as_of
from .destinations import UnsafePath, check_generated
from .export import ExportSettings, export_files, write_files
from .freshness import DEFAULT_REPORTING_INTERVAL
from .i18n import LANGUAGES, Strings
from .load import load_portfolio
from .model.portfolio import Portfolio
from .opendata import feed_path
from .problems import errors
from .render.generate import site_files, sync_tree
from .schema import write_schemas
from .search.pagefind import SearchIndexError, build_index
from .search.words import add_search_words, search_box

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


def _fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in folder.rglob("*") if p.is_file()))


class RhaglenPlugin(BasePlugin[RhaglenConfig]):  # type: ignore[no-untyped-call]
    """Validates programme data and writes its pages before MkDocs reads the docs tree."""

    def __init__(self) -> None:
        self._generated_for: tuple[Any, ...] | None = None
        self._default_404: bytes | None = None
        self._export: tuple[Portfolio, date] | None = None  # what on_post_build publishes

    def _programmes_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or ".").parent / self.config.programmes_dir

    def _templates_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or ".").parent / self.config.templates_dir

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check the data, then write the pages; runs once per language build."""
        if self.config.reporting_interval < 1:
            raise PluginError("rhaglen: reporting_interval is a number of days, 1 or more, "
                              f"got {self.config.reporting_interval}")
        folder = self._programmes_dir(config)
        try:
            as_of = resolve_as_of(self.config.as_of)
        except AsOfError as exc:
            raise PluginError(str(exc)) from None
        state = (_fingerprint(folder) if folder.is_dir() else (), as_of, config.docs_dir)
        if state == self._generated_for:
            return config
        result = load_portfolio(folder, as_of)
        failed = errors(result.problems)
        if failed or result.portfolio is None:
            lines = "\n".join(p.format() for p in failed)
            raise PluginError(f"programme data is invalid; nothing was built:\n{lines}")
        for problem in result.problems:
            log.warning(problem.format())
        docs = Path(config.docs_dir)
        files = site_files(result.portfolio, as_of, LANGUAGES, self.config.default_language,
                           self._templates_dir(config), self.config.reporting_interval)
        try:
            check_generated(docs)
            changed = sync_tree(docs, files)
            write_schemas(docs / "schema")
        except UnsafePath as exc:
            raise PluginError(f"{exc}; nothing was built") from None
        except OSError as exc:
            raise PluginError(f"could not write the generated pages: {exc}") from None
        log.debug("generated %d pages (%d changed), as of %s", len(files), len(changed), as_of)
        self._generated_for = state
        self._export = (result.portfolio, as_of)
        return config

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
        """Point "Edit this page" of a generated page at the YAML file it came from."""
        if page.meta.get("rhaglen_generated"):
            source = page.meta.get("rhaglen_source")
            edit_uri = self.config.source_edit_uri
            if source and config.repo_url and edit_uri is not None:
                base_url = config.repo_url.rstrip("/") + "/" + edit_uri.strip("/")
                page.edit_url = f"{base_url}/{self.config.programmes_dir}/{source}"
            else:
                page.edit_url = None
        return markdown

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

    @event_priority(-300)
    def _write_open_data(self, config: MkDocsConfig) -> None:
        """Once every language is built, publish the open-data files beside the pages."""
        if not self._outer_build(config) or self._export is None:
            return
        portfolio, as_of = self._export
        settings = ExportSettings(config.site_url or "", self.config.default_language,
                                  self.config.reporting_interval)
        try:
            write_files(Path(config.site_dir), export_files(portfolio, as_of, settings))
        except OSError as exc:
            raise PluginError(f"could not write the open-data files: {exc}") from None

    @event_priority(-400)
    def _index_search(self, config: MkDocsConfig) -> None:
        """Once every language is built, index them for search, each on its own."""
        if not self._outer_build(config):
            return
        try:
            build_index(Path(config.site_dir))
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None

    on_post_build = CombinedEvent(_keep_default_404, _restore_default_404, _write_open_data,
                                  _index_search)
